"""Markdown as every output renders it: one parser, one set of extensions, one sanitizer."""
from __future__ import annotations

import markdown

from . import sanitize

# One list for every output, so the site, the PDF and the templates read Markdown alike.
EXTENSIONS = ["tables", "def_list", "attr_list", "admonition", "sane_lists", "fenced_code", "toc"]
# Table alignment as an attribute: a style attribute would not pass the sanitizer.
EXTENSION_CONFIGS: dict[str, dict] = {"toc": {"permalink": False}, "tables": {"use_align_attribute": True}}


_parser: markdown.Markdown | None = None


def render_raw(text: str) -> str:
    """Markdown as Python-Markdown writes it, raw HTML included: only for checking it."""
    # One parser, reset between texts: building it costs more than converting a short hack.
    global _parser
    if _parser is None:
        _parser = markdown.Markdown(extensions=EXTENSIONS, extension_configs=EXTENSION_CONFIGS)
    return _parser.reset().convert(text)


def render(text: str) -> str:
    """Markdown as HTML that is safe in any output: whatever the sanitizer's policy refuses is gone."""
    return sanitize.clean(render_raw(text))


def render_inline(text: str) -> str:
    """Markdown for a single line (a summary or tagline), without the wrapping paragraph."""
    html = render(text).strip()
    return html[3:-4] if html.startswith("<p>") and html.endswith("</p>") else html
