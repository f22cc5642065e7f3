"""Letters the book's fonts cannot print, named plainly before the PDF edition is rendered.

WeasyPrint never fails on a missing glyph: it takes the letter from a font of the machine's, or
prints an empty box where the machine has none. An editor who writes 日本語 or Ελληνικά into a
title should hear which letters those are and in which font, not find out from a printed book.
"""
from __future__ import annotations

import logging

from ..fonts import SERIF, missing_glyphs

log = logging.getLogger("spacehacks")


def texts(pub) -> list[tuple[str, str, str]]:
    """(file, its title, the rest the book prints of it) for every file the book prints. Titles
    are set in both families (headings in Lato, the contents in Charis SIL); the rest in Charis."""
    out = [(h.path, h.title, f"{h.summary}\n{h.body}") for h in pub.hacks]
    out += [(s.path, s.title, f"{s.tagline}\n{s.intro}") for s in [*pub.sections, *pub.categories]]
    out += [(p.path, p.title, p.body) for p in pub.pages]
    out += [(q.path, "", f"{q.text}\n{q.attribution or ''}") for q in pub.quotes]
    return out


def describe(letters: list[str]) -> str:
    return ", ".join(f"'{c}' (U+{ord(c):04X})" for c in letters[:12]) + (
        f" and {len(letters) - 12} more" if len(letters) > 12 else "")


def report_missing_glyphs(pub) -> list[str]:
    """Log (and return) one warning per file and font lacking some of its letters."""
    lines = []
    for path, title, rest in texts(pub):
        lacking = missing_glyphs(pub.root, title)
        for family, letters in missing_glyphs(pub.root, rest, (SERIF,)).items():
            lacking[family] = list(dict.fromkeys([*lacking.get(family, []), *letters]))
        for family, letters in lacking.items():
            lines.append(f"{path}: the PDF edition's font {family} has no glyph for {describe(letters)}; "
                         "the PDF prints these in another font of the machine's, or as empty boxes "
                         "where it has none.")
    for line in lines:
        log.warning(line)
    return lines
