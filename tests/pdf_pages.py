"""What the printed pages of the book show: each one's number, in the outer corner, and no hack
ending alone on a page of three lines or fewer."""
from __future__ import annotations

from pathlib import Path

from pypdf import PdfReader

from spacehacks.pdf.structure import MARGIN_ZONE, outline_tree, text_lines, words


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


def short_hack_ends(path: Path) -> list[str]:
    """Every hack's last page that holds three lines of text or fewer, as "page N: lines"."""
    tree = outline_tree(PdfReader(path))
    categories = [c for _, _, cats in tree for c in cats]
    hack_starts = [p for _, _, hacks in categories for _, p, _ in hacks]
    # where anything starts: a page outside the sections, a section, a category, a hack, the appendix
    starts = sorted({p for _, p, _ in tree} | {p for _, p, _ in categories} | set(hack_starts))
    pages = words(path)
    found = []
    for start in hack_starts:
        end = next((s for s in starts if s > start), len(pages))
        last = end - 1   # the page before whatever starts next (a category starts a page)
        lines = text_lines(pages[last])
        if last > start and len(lines) <= 3:
            found.append(f"page {last + 1}: {lines}")
    return found
