"""The book's fonts must all be there before it is rendered.

WeasyPrint quietly substitutes the machine's fonts for a missing @font-face file, and the book
would ship looking different, with nobody told. Checking the book's CSS first names the file.
"""
from __future__ import annotations

import re
from pathlib import Path

from ..problems import ContentError, Problem

_FACE = re.compile(r"@font-face\s*\{[^}]*\}", re.DOTALL)
_URL = re.compile(r"""url\(\s*["']?([^"')]+?)["']?\s*\)""")


def missing_fonts(root: Path, css: Path) -> list[Problem]:
    """A problem for every @font-face file that `css` (a file under `root`) names and that
    does not exist."""
    text = css.read_text(encoding="utf-8")
    rel = css.relative_to(root).as_posix()
    problems = []
    for face in _FACE.finditer(text):
        for url in _URL.finditer(face.group(0)):
            ref = url.group(1).strip()
            if ref.startswith(("data:", "local(")):
                continue
            target = (css.parent / ref).resolve()
            if not target.is_file():
                line = text.count("\n", 0, face.start() + url.start()) + 1
                shown = target.relative_to(root).as_posix() if target.is_relative_to(root) else str(target)
                problems.append(Problem(rel, line, (
                    f"the font file {shown} is missing; the PDF would be set in substitute fonts. "
                    "Restore it (git checkout -- theme/fonts) or change this @font-face rule.")))
    return problems


def check_fonts(root: Path, css: Path) -> None:
    problems = missing_fonts(Path(root).resolve(), Path(css).resolve())
    if problems:
        raise ContentError(problems)
