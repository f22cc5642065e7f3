"""The Jinja environment every output renders the model with (the site's views in theme/views/,
the book's layout in theme/pdf/): autoescaped, with the same Markdown filters and phrases."""
from __future__ import annotations

from pathlib import Path

import jinja2
from markupsafe import Markup, escape

from . import markup
from .model import SOURCE_LANGUAGE, fill
from .phrases import MAKE_IT_YOURS, Translate, count_line, english, human_date


def environment(folder: Path, *, keep_trailing_newline: bool = False, t: Translate = english,
                language: str = SOURCE_LANGUAGE) -> jinja2.Environment:
    """`t` translates our own strings (pass a language view's `Publication.t`); it is the
    templates' `t` global, and the phrases use it too."""
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(folder), autoescape=True, trim_blocks=True,
                             lstrip_blocks=True, keep_trailing_newline=keep_trailing_newline)
    env.filters["md"] = lambda text: Markup(markup.render(text or ""))
    env.filters["md_inline"] = lambda text: Markup(markup.render_inline(text or ""))
    env.globals["t"] = lambda text, **values: _t_markup(t, text, values)
    env.globals["count_line"] = lambda n, where: count_line(n, where, t)
    env.globals["human_date"] = lambda day: human_date(day, language)
    env.globals["make_it_yours"] = t(MAKE_IT_YOURS)
    # A text in another language than the page's (a hack not translated yet, in a list of a
    # translated site) says so, for screen readers' voices and hyphenation.
    env.globals["words_lang"] = lambda item: Markup(f' lang="{item.language}"') if item.language != language else ""
    return env


def _t_markup(t: Translate, text: str, values: dict[str, object]) -> Markup:
    """t in a template: the translated words escaped, then the values put in, each escaped unless
    it is already markup (a link the template built), so a sentence can hold its links whole."""
    return Markup(fill(str(escape(t(text))), {k: escape(v) for k, v in values.items()}))
