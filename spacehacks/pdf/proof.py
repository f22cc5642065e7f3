"""Proof that a rendered PDF edition is complete, read back from the PDF's own structure.

Every section, category and hack must be in the bookmarks under the right parent; its contents
entry must be a link to its named destination, on the page its bookmark names, and must print that
page's number; no page may be blank. Nothing is found by matching titles in extracted text, so
a title that wraps, hyphenates or holds any letter is proven like any other. A failure is a
ContentError, so the build stops with a plain list instead of publishing a book with holes.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pikepdf
from pypdf import PdfReader

from ..problems import ContentError, Problem
from .anchors import APPENDIX, TEMPLATES, category_id, hack_id, page_id, section_id
from .structure import Bookmark, Page, destinations, links, outline_tree, words, words_in
from .typography import book_title

if TYPE_CHECKING:
    from ..model import Page as ContentPage
    from ..model import Publication, Section

# Running heads sit in the outer 18 mm of a page and the body starts 22 mm in (theme/pdf/book.css):
# a page with no word between the two bands holds nothing but its heads and number.
BAND = 20 / 25.4 * 72


class ProofError(ContentError):
    """The PDF edition is not complete; raised after a render, before anything is published.
    `stale_numbers`: every problem is a contents entry printing another page than the one its
    text is on (numbers set from the laid-out book then make it right; see pdf/step.py)."""

    def __init__(self, problems: list[Problem], stale_numbers: bool = False):
        super().__init__(problems)
        self.stale_numbers = stale_numbers

    # Crosses from a worker process intact, problems and all.
    def __reduce__(self) -> tuple[type[ProofError], tuple[list[Problem], bool]]:
        return (type(self), (self.problems, self.stale_numbers))


@dataclass
class Scope:
    """What one PDF must hold: the whole book, or one section of it (a section's own PDF)."""
    sections: list[Section]
    pages: list[ContentPage] = field(default_factory=list)
    templates: bool = False

    @classmethod
    def book(cls, pub: Publication) -> Scope:
        return cls(list(pub.sections), list(pub.pages), bool(pub.templates))


def prove(pub: Publication, pdf: Path, label: str, scope: Scope | None = None,
          title: Callable[[str], str] = book_title) -> int:
    """Raise ProofError listing everything missing or misplaced in `pdf`; return its number of
    pages. `title` gives the form a title takes in the book (its typography), to compare with
    the bookmarks."""
    scope = scope or Scope.book(pub)
    reader = PdfReader(pdf)
    problems: list[Problem] = []

    stale: list[Problem] = []

    def fail(path: str | Path, message: str, line: int = 1) -> None:
        problems.append(Problem(str(path), line, f"the {label} PDF edition: {message}"))

    tree = outline_tree(reader)
    starts = [page for _, page, _ in tree]
    top = {t: (page, kids) for t, page, kids in tree}
    contents, appendix = title(pub.t("Contents")), title(pub.t(APPENDIX))   # in the book's language
    if contents not in top:
        fail(label, f"has no '{contents}' bookmark, so its contents page could not be checked.", 0)
        raise ProofError(problems)
    first = top[contents][0]
    end = min((p for p in starts if p > first), default=len(reader.pages))
    with pikepdf.open(pdf) as doc:
        names = destinations(doc)
        entries = {link.name: link for link in links(doc, first, end, names)}  # last part of each
    labels = list(reader.page_labels)
    toc_pages = words(pdf, first + 1, end)

    def entry(path: str, what: str, anchor: str, bookmark: int) -> None:
        """The contents entry for `anchor`: present, leading to the bookmark's page, numbered so."""
        link = entries.get(anchor)
        if anchor not in names:
            fail(path, f"{what} has no place in the PDF (no destination '{anchor}').")
        elif link is None:
            fail(path, f"{what} is missing from the contents.")
        elif link.page != bookmark:
            fail(path, f"the contents leads {what} to page {labels[link.page]}, but its bookmark "
                       f"to page {labels[bookmark]}.")
        else:
            printed = _printed_number(toc_pages[link.on - first], link.rect)
            if printed != labels[link.page]:
                fail(path, f"the contents prints page '{printed or 'nothing'}' for {what}, which "
                           f"is on page {labels[link.page]}.")
                if printed:
                    stale.append(problems[-1])

    for page in scope.pages:
        mark = top.get(title(page.title))
        if mark is None:
            fail(page.path, f"page '{page.title}' has no bookmark.")
        else:
            entry(page.path, f"page '{page.title}'", page_id(page), mark[0])
    for section in scope.sections:
        _prove_section(section, top, title, fail, entry)
    if scope.templates:
        if appendix not in top:
            fail(label, "the appendix of templates has no bookmark.", 0)
        else:
            entry(label, "the appendix", TEMPLATES, top[appendix][0])
    # A left page may be left blank so that a section opens on a right page.
    openers = {names.get(section_id(s)) for s in scope.sections}
    for index, printed in enumerate(words(pdf)):
        if not _has_body(printed) and not (index % 2 and index + 1 in openers):
            fail(label, f"page {index + 1} is blank.", index + 1)
    if problems:
        raise ProofError(problems, stale_numbers=len(stale) == len(problems))
    return len(reader.pages)


def anchor_labels(pdf: Path) -> dict[str, str]:
    """The printed page number (its label: vii, 12) of every named destination in `pdf`."""
    labels = list(PdfReader(pdf).page_labels)
    with pikepdf.open(pdf) as doc:
        return {name: labels[index] for name, index in destinations(doc).items()}


def _prove_section(section: Section, top: dict[str, tuple[int, list[Bookmark]]], title: Callable[[str], str],
                   fail: Callable[..., None], entry: Callable[[str, str, str, int], None]) -> None:
    name = title(section.title)
    if name not in top:
        fail(section.path, f"section '{section.title}' has no bookmark.")
        return
    page, kids = top[name]
    entry(section.path, f"section '{section.title}'", section_id(section), page)
    categories = {t: (p, k) for t, p, k in kids}
    for category in section.categories:
        if title(category.title) not in categories:
            fail(category.path, f"category '{category.title}' is not in the bookmarks under "
                                f"'{section.title}'.")
            continue
        cpage, hack_marks = categories[title(category.title)]
        entry(category.path, f"category '{category.title}'", category_id(category), cpage)
        marks = {t: p for t, p, _ in hack_marks}
        for hack in category.hacks:
            if title(hack.title) not in marks:
                fail(hack.path, f"hack '{hack.title}' is not in the bookmarks under '{category.title}'.")
                continue
            entry(hack.path, f"hack '{hack.title}'", hack_id(hack), marks[title(hack.title)])


def _printed_number(page: Page, rect: Any) -> str:
    """The page number of a contents entry: its rightmost word. The number is floated to the
    right edge, beyond every word of the title; it sits on the title's last line when
    target-counter sets it and on its first when the number is written in, and a few points
    off the title's baseline (other type)."""
    found = words_in(page, rect)
    return max(found, key=lambda w: w.x1).text if found else ""


def _has_body(page: Page) -> bool:
    return any(w.y1 > BAND and w.y0 < page.height - BAND for w in page.words)
