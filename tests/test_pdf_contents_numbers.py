"""Each contents entry's page number stays on that entry's last line, however long its title: a
title that filled its line once pushed its number onto the next entry's line, beside that entry's
own number, and the proof read the wrong one (found by the 1,000-hack benchmark, issue 15)."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from minirepo import HACK, minimal, write
from paths import ROOT
from pypdf import PdfReader

from spacehacks.load import check
from spacehacks.pdf.book import Book
from spacehacks.pdf.proof import outline_tree
from spacehacks.pdf.render import render_whole
from spacehacks.pdf.structure import text_lines, words

# The two entries of the benchmark's book (shuffled words of the shipped titles): the first ends
# a few points short of the line's end, too short for a four-digit number.
FULL_LINE = "Grievance Welcoming Keeping Reflecting, Asking Restocking someone culture"
NEXT = "Group scan consent door,"


class _Number(dict):
    """Every anchor on page 1788: as wide as a big book's numbers get."""

    def __missing__(self, key: str) -> str:
        return "1788"

    def __bool__(self) -> bool:   # the book prints given numbers only when it has some
        return True


@pytest.mark.parametrize("paper", ["letter", "a4"])
def test_no_contents_line_holds_two_page_numbers(tmp_path: Path, paper: str):
    root = minimal(tmp_path / "repo")
    shutil.copytree(ROOT / "theme", root / "theme")
    for n, title in enumerate((FULL_LINE, NEXT, FULL_LINE + " again", "Last one")):
        write(root, f"hacks/sec/cat/h{n}.md", HACK.format(title=title))
    book = Book(check(root))
    pdf = tmp_path / "book.pdf"
    pdf.write_bytes(render_whole(book, paper, page_of=_Number()))
    tree = outline_tree(PdfReader(pdf))
    first = next(page for title, page, _ in tree if title == "Contents")
    lines = [line for page in words(pdf, first + 1, first + 1) for line in text_lines(page)]
    assert lines[0] == "Contents"
    # Read line by line, each entry is its title, then its own number.
    section = book.pub.sections[0]
    titles = [section.title, section.categories[0].title, *(h.title for h in section.categories[0].hacks)]
    assert FULL_LINE in titles and NEXT in titles
    assert " ".join(lines[1:]) == " ".join(f"{title} 1788" for title in titles), lines


# Titles of one, two and three lines, in an order that puts an entry of two or more lines at
# the foot of a contents page (found in the 1,000-hack Spanish book, issue 15: its title went
# over to the next page and left its number behind, under the last entry of the page before).
WORDS = ("Keeping", "a calm", "door", "when", "someone", "returns", "after", "a ban", "and asks", "to talk")


def _titles(count: int) -> list[str]:
    out = []
    for n in range(count):
        length = (2, 10, 17, 6, 21)[n % 5]
        out.append(f"Entry {n:02d} " + " ".join(WORDS[(n + i) % len(WORDS)] for i in range(length)))
    return out


@pytest.mark.parametrize("language", ["en", "es"])
@pytest.mark.parametrize("paper", ["letter", "a4"])
def test_an_entry_at_a_page_foot_keeps_its_number(tmp_path: Path, paper: str, language: str):
    root = minimal(tmp_path / "repo")
    shutil.copytree(ROOT / "theme", root / "theme")
    (root / "hacks/sec/cat/first-hack.md").unlink()
    titles = _titles(70)
    for n, title in enumerate(titles):
        write(root, f"hacks/sec/cat/h{n:02d}.md", HACK.format(title=title))
    pub = check(root)
    book = Book(pub if language == "en" else pub.in_language(language))
    pdf = tmp_path / "book.pdf"
    pdf.write_bytes(render_whole(book, paper, page_of=_Number()))
    tree = outline_tree(PdfReader(pdf))
    names = [title for title, _, _ in tree]
    first = tree[names.index(book.pub.t("Contents"))][1] + 1
    last = tree[names.index(book.pub.t("Contents")) + 1][1]
    pages = [lines for page in words(pdf, first, last) if (lines := text_lines(page))]   # not a blank verso
    assert len(pages) >= 2, "the contents should run over more than one page"
    section = book.pub.sections[0]
    entries = [f"{title} 1788" for title in
               (section.title, section.categories[0].title, *(h.title for h in section.categories[0].hacks))]
    # Every page ends where an entry ends, its number with it, and the entries follow in order.
    text = []
    for n, lines in enumerate(pages):
        if n == 0:
            lines = lines[1:]           # the page's heading
        page = " ".join(lines)
        assert page.endswith(" 1788"), f"contents page {n + 1} ends inside an entry: {lines[-2:]}"
        text.append(page)
    assert " ".join(text) == " ".join(entries)


@pytest.mark.parametrize("paper", ["letter", "a4"])
def test_a_translated_title_that_fills_its_line_keeps_its_number_beside_it(tmp_path: Path, paper: str):
    """Titles two letters longer each, so some end just short of the line: in a translated book
    (longer titles) none of their numbers is left on a line of its own."""
    root = minimal(tmp_path / "repo")
    shutil.copytree(ROOT / "theme", root / "theme")
    for n in range(40):
        title = f"Entry {n:02d} keeping a calm door when someone returns" + " a" * n
        write(root, f"hacks/sec/cat/h{n:02d}.md", HACK.format(title=title))
    book = Book(check(root).in_language("es"))
    pdf = tmp_path / "book.pdf"
    pdf.write_bytes(render_whole(book, paper, page_of=_Number()))
    tree = outline_tree(PdfReader(pdf))
    names = [title for title, _, _ in tree]
    first = tree[names.index(book.pub.t("Contents"))][1] + 1
    last = tree[names.index(book.pub.t("Contents")) + 1][1]
    lines = [line for page in words(pdf, first, last) for line in text_lines(page)]
    assert [line for line in lines if line == "1788"] == []
