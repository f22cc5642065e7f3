"""What a printed page of the book shows at its foot: its number, in the outer corner."""
from __future__ import annotations

from pathlib import Path

from pypdf import PdfReader

from spacehacks.pdf.structure import MARGIN_ZONE, words


def page_numbers(path: Path) -> dict[int, tuple[str, str]]:
    """Page index -> (the number printed at its foot, the side it is on: 'left' or 'right' of the
    page's middle, or 'centre' when it straddles it), for every page that prints one."""
    out = {}
    for index, page in enumerate(words(path)):
        foot = [w for w in page.words if (w.y0 + w.y1) / 2 > page.height - MARGIN_ZONE]
        if len(foot) == 1:
            word = foot[0]
            side = ("left" if word.x1 < page.width / 2 else "right" if word.x0 > page.width / 2 else "centre")
            out[index] = (word.text, side)
    return out


def misplaced_numbers(path: Path) -> list[str]:
    """Pages whose number is not its label or not in the outer corner (right on a right-hand,
    odd page; left on a left-hand, even one)."""
    labels = list(PdfReader(path).page_labels)
    wrong = []
    for index, (text, side) in page_numbers(path).items():
        outer = "right" if index % 2 == 0 else "left"
        if text != labels[index] or side != outer:
            wrong.append(f"page {index + 1} (labelled {labels[index]}) prints {text!r} on the {side}")
    return wrong
