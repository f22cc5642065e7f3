"""The book's fonts, defined once: the PDF edition, the PDF templates and the Word and
LibreOffice templates all name these, and the PDF step checks that they hold every letter."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from .problems import ContentError, Problem

FONTS = Path("theme") / "fonts"   # relative to the publication root
SERIF, SANS = "Charis SIL", "Lato"  # body text; headings, labels and running heads
# (family, file stem, weight, style)
FACES = [(SERIF, "CharisSIL-Regular", "normal", "normal"),
         (SERIF, "CharisSIL-Bold", "bold", "normal"),
         (SERIF, "CharisSIL-Italic", "normal", "italic"),
         (SERIF, "CharisSIL-BoldItalic", "bold", "italic"),
         (SANS, "Lato-Regular", "normal", "normal"),
         (SANS, "Lato-Bold", "bold", "normal")]
FONT_SUFFIXES = (".ttf", ".otf", ".woff2", ".woff")  # whichever the book ships


def font_file(root: Path, stem: str) -> Path | None:
    return next((Path(root) / FONTS / (stem + suffix) for suffix in FONT_SUFFIXES
                 if (Path(root) / FONTS / (stem + suffix)).is_file()), None)


def font_faces(root: Path) -> str:
    """@font-face rules for the book's fonts. A missing one is an error naming it: WeasyPrint
    would quietly set the book and the templates in the machine's fonts instead."""
    rules, missing = [], []
    for family, stem, weight, style in FACES:
        path = font_file(root, stem)
        if path is None:
            missing.append(stem)
            continue
        rules.append(f'@font-face {{ font-family: "{family}"; src: url("{path.resolve().as_uri()}"); '
                     f"font-weight: {weight}; font-style: {style}; }}")
    if missing:
        raise ContentError([Problem(f"{FONTS.as_posix()}/{stem}.ttf", 1, (
            f"this font file is missing (or as {', '.join(FONT_SUFFIXES[1:])}); the PDF edition and "
            "the template PDFs are set in the book's fonts, and would otherwise quietly use substitutes. "
            "Restore it (git checkout -- theme/fonts) or change the list in spacehacks/fonts.py."))
            for stem in missing])
    return "\n".join(rules)


@lru_cache(maxsize=8)
def _characters(root: str, family: str) -> frozenset[int]:
    """The characters every face of `family` has a glyph for (empty when none is shipped)."""
    from fontTools.ttLib import TTFont
    sets = [set(TTFont(path).getBestCmap()) for f, stem, _, _ in FACES if f == family
            for path in [font_file(Path(root), stem)] if path]
    return frozenset(set.intersection(*sets)) if sets else frozenset()


def missing_glyphs(root: Path, text: str, families: tuple[str, ...] = (SERIF, SANS)) -> dict[str, list[str]]:
    """For each of `families` that lacks some letters of `text`, those letters, in order of
    appearance. Spaces and controls need no glyph."""
    out = {}
    for family in families:
        have = _characters(str(Path(root).resolve()), family)
        if not have:
            continue
        lacking = [c for c in dict.fromkeys(text) if not c.isspace() and c.isprintable() and ord(c) not in have
                   and c != "\u00ad"]
        if lacking:
            out[family] = lacking
    return out
