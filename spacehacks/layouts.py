"""The Jinja environment every output renders the model with (the site's views in theme/views/,
the book's layout in theme/pdf/): autoescaped, with the same Markdown filters and phrases."""
from __future__ import annotations

from pathlib import Path

import jinja2
from markupsafe import Markup

from . import markup
from .phrases import MAKE_IT_YOURS, count_line, us_date


def environment(folder: Path, *, keep_trailing_newline: bool = False) -> jinja2.Environment:
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(folder), autoescape=True, trim_blocks=True,
                             lstrip_blocks=True, keep_trailing_newline=keep_trailing_newline)
    env.filters["md"] = lambda text: Markup(markup.render(text or ""))
    env.filters["md_inline"] = lambda text: Markup(markup.render_inline(text or ""))
    env.globals["count_line"] = count_line
    env.globals["make_it_yours"] = MAKE_IT_YOURS
    env.filters["us_date"] = us_date
    return env
