"""The house style every template shares with the book: its two fonts (spacehacks/fonts.py) and
the colors of theme/pdf/book.css, so a Word, LibreOffice or PDF template looks like the book."""
from __future__ import annotations

from ..fillins import FillIn
from ..fonts import SANS, SERIF
from .frame import Frame

INK, ACCENT, MUTED = "1D1D1F", "8A3B12", "5B5B60"   # book.css --ink, --accent, --muted
FILL = "FFF3A3"                                      # the fill-in shading of the PDF templates
FILL_STYLE = "Fill-in"                               # the character style of fill-in fields
ORGANIZATION = FillIn("Organization name", "text")   # the header line every template carries
# (style, font, size in points, bold, italic, color)
TEXT_STYLES = [
    ("Normal", SERIF, 11, False, False, INK),
    ("Title", SANS, 24, True, False, INK),
    ("Subtitle", SANS, 12.5, False, False, MUTED),
    ("Heading 1", SANS, 15, True, False, ACCENT),
    ("Heading 2", SANS, 12.5, True, False, INK),
    ("Heading 3", SANS, 11, True, False, MUTED),
    ("Quote", SERIF, 10, False, True, INK),
    ("Caption", SANS, 8.5, False, False, MUTED),
]
# The language tag a document is marked with, so Word and LibreOffice spell-check and hyphenate
# it in its own language: US English, and Spanish as written in the US.
LOCALES = {"en": ("en", "US"), "es": ("es", "US")}
__all__ = ["ACCENT", "FILL", "FILL_STYLE", "INK", "MUTED", "ORGANIZATION", "SANS", "SERIF", "TEXT_STYLES",
           "footer_line", "locale"]


def locale(frame: Frame) -> tuple[str, str]:
    """(language, country) of a template's words, e.g. ("es", "US")."""
    return LOCALES.get(frame.language, (frame.language, ""))


def footer_line(frame: Frame) -> str:
    """Where the template came from, for the footer beside the page number."""
    return frame.colophon
