"""What a rendered PDF says about itself: its bookmarks, named destinations, links, page labels and
the words inside a rectangle. The proof reads these, never titles matched in extracted text, so
any title an editor can write (wrapped, hyphenated, with dashes or non-Latin letters) is proven.
"""
from __future__ import annotations

import re
import shutil
import subprocess
from dataclasses import dataclass
from html import unescape
from pathlib import Path
from typing import Any, cast

import pikepdf
from pypdf import PdfReader

from ..problems import ContentError, Problem

_PAGE = re.compile(r'<page width="([\d.]+)" height="([\d.]+)">(.*?)</page>', re.DOTALL)
_WORD = re.compile(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</word>')


@dataclass(frozen=True)
class Word:
    """A word as poppler sees it, in points from the page's top-left corner."""
    x0: float
    y0: float
    x1: float
    y1: float
    text: str


@dataclass(frozen=True)
class Page:
    width: float
    height: float
    words: tuple[Word, ...]


@dataclass(frozen=True)
class Link:
    """One entry's link: the destination's name and page, the page the link is printed on, and
    its rectangle there (PDF coordinates)."""
    name: str
    page: int
    on: int
    rect: tuple[float, float, float, float]


# (title, page index, children)
Bookmark = tuple[str, int, list["Bookmark"]]


def normalise(text: str) -> str:
    return " ".join(str(text).replace("\u00ad", "").split())


def outline_tree(reader: PdfReader) -> list[Bookmark]:
    """Bookmarks as (title, page index, children)."""
    def walk(items: list[Any]) -> list[Bookmark]:
        tree: list[Bookmark] = []
        for item in items:
            if isinstance(item, list):
                if tree:
                    tree[-1][2].extend(walk(item))
                continue
            # None only for a bookmark to no page, which WeasyPrint does not write.
            page = cast(int, reader.get_destination_page_number(item))
            tree.append((normalise(item.title), page, []))
        return tree
    return walk(reader.outline)


def destinations(pdf: pikepdf.Pdf) -> dict[str, int]:
    """Every named destination and the index of the page it is on."""
    index: dict[Any, int] = {page.objgen: n for n, page in enumerate(pdf.pages)}
    names = pdf.Root.get(pikepdf.Name.Names, pikepdf.Dictionary()).get(pikepdf.Name.Dests)
    if names is None:
        return {}
    out = {}
    for name, dest in pikepdf.NameTree(names).items():
        target = dest[0] if isinstance(dest, pikepdf.Array) else dest.D[0]
        if target.objgen in index:
            out[str(name)] = index[target.objgen]
    return out


def places(pdf: pikepdf.Pdf) -> dict[str, tuple[int, float, float]]:
    """Every named destination as (page index, left, top) in PDF points."""
    index: dict[Any, int] = {page.objgen: n for n, page in enumerate(pdf.pages)}
    names = pdf.Root.get(pikepdf.Name.Names, pikepdf.Dictionary()).get(pikepdf.Name.Dests)
    out = {}
    for name, dest in (pikepdf.NameTree(names).items() if names is not None else []):
        array = dest if isinstance(dest, pikepdf.Array) else dest.D
        if array[0].objgen in index:
            out[str(name)] = (index[array[0].objgen], float(array[2]), float(array[3]))
    return out


def links(pdf: pikepdf.Pdf, first: int, end: int, names: dict[str, int]) -> list[Link]:
    """The links on pages first … end-1 to named destinations, one per entry in reading order.
    WeasyPrint writes a link for a block and one for each line in it: those are merged."""
    out: list[Link] = []
    for number in range(first, end):
        found = []
        for annot in pdf.pages[number].obj.get(pikepdf.Name.Annots, []):
            dest = annot.get(pikepdf.Name.Dest)
            if annot.get(pikepdf.Name.Subtype) != pikepdf.Name.Link or not isinstance(dest, pikepdf.String):
                continue
            x0, y0, x1, y1 = (float(v) for v in annot.Rect)
            found.append((str(dest), (min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1))))
        for name, rect in sorted(found, key=lambda f: (-f[1][3], f[1][0])):
            if out and out[-1].name == name and out[-1].on == number:
                last = out.pop()
                rect = (min(last.rect[0], rect[0]), min(last.rect[1], rect[1]),
                        max(last.rect[2], rect[2]), max(last.rect[3], rect[3]))
            out.append(Link(name, names.get(name, -1), number, rect))
    return out


def words(pdf: Path, first: int = 1, last: int | None = None) -> list[Page]:
    """Each page's words with their boxes, by poppler's pdftotext (pure Python is ~50x slower)."""
    if not shutil.which("pdftotext"):
        raise ContentError([Problem(str(pdf.name), 0, "checking the PDF edition needs pdftotext: "
                                    "install Debian's poppler-utils (apt-get install poppler-utils).")])
    args = ["pdftotext", "-bbox", "-enc", "UTF-8", "-f", str(first)] + (["-l", str(last)] if last else [])
    out = subprocess.run([*args, str(pdf), "-"], capture_output=True, check=True).stdout.decode("utf-8")
    return [Page(float(w), float(h), tuple(Word(float(a), float(b), float(c), float(d), unescape(t))
                                           for a, b, c, d, t in _WORD.findall(body)))
            for w, h, body in _PAGE.findall(out)]


def words_in(page: Page, rect: tuple[float, float, float, float]) -> list[Word]:
    """The words whose centre lies inside `rect` (PDF coordinates, origin bottom left)."""
    x0, y0, x1, y1 = rect
    top, bottom = page.height - y1, page.height - y0
    return [w for w in page.words
            if x0 <= (w.x0 + w.x1) / 2 <= x1 and top <= (w.y0 + w.y1) / 2 <= bottom]


# The book's running heads and page numbers sit in the outer 18 mm of each page, its text starts
# 22 mm in (theme/pdf/book.css): a word centred between the two belongs to neither.
MARGIN_ZONE = 20 * 72 / 25.4


def text_lines(page: Page) -> list[str]:
    """The page's lines of text, top to bottom, without its running head and page number."""
    rows: list[list[Word]] = []
    for word in sorted(page.words, key=lambda w: ((w.y0 + w.y1) / 2, w.x0)):
        middle = (word.y0 + word.y1) / 2
        if not MARGIN_ZONE < middle < page.height - MARGIN_ZONE:
            continue
        if rows and abs((rows[-1][0].y0 + rows[-1][0].y1) / 2 - middle) < 3:
            rows[-1].append(word)
        else:
            rows.append([word])
    return [" ".join(w.text for w in sorted(row, key=lambda w: w.x0)) for row in rows]
