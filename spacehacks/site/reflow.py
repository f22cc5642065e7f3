"""Headings that fit a phone's line at any text size.

At 200 % text on a 390 px phone a heading word such as "benzodiazepine" or "Acknowledgements" is
wider than the line; browsers then split it anywhere ("Respondin/g") or push the page sideways.
Soft hyphens let such a word break only where a dictionary says it may (pyphen, which the PDF
edition already uses), with a visible hyphen, and only when it must.
"""
from __future__ import annotations

import re
from functools import lru_cache

LONG_WORD = 10          # shorter words fit a line at every size the tests check
SOFT_HYPHEN = "\u00ad"
_HEADING = re.compile(r"(<h[1-3](?:\s[^>]*)?>)(.*?)(</h[1-3]>)", re.DOTALL)
_TAG_OR_TEXT = re.compile(r"(<[^>]*>|&[#\w]+;)")
_LONG = re.compile(rf"[A-Za-z]{{{LONG_WORD},}}")


@lru_cache(maxsize=1)
def _dictionary():
    import pyphen
    return pyphen.Pyphen(lang="en_US")


def _hyphenate_text(text: str) -> str:
    return _LONG.sub(lambda m: _dictionary().inserted(m.group(0), hyphen=SOFT_HYPHEN), text)


def _hyphenate_heading(match: re.Match) -> str:
    parts = _TAG_OR_TEXT.split(match.group(2))
    inner = "".join(p if _TAG_OR_TEXT.fullmatch(p) else _hyphenate_text(p) for p in parts)
    return match.group(1) + inner + match.group(3)


def hyphenate_headings(html: str) -> str:
    """Soft hyphens in the long words of h1-h3, outside tags and character references."""
    return _HEADING.sub(_hyphenate_heading, html)
