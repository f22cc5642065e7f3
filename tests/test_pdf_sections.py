"""Each section as a PDF of its own, for a training on one topic: both paper sizes, proven like the
book, listed on the downloads page, the same bytes on every build."""
from __future__ import annotations

import re

import pytest
from markupsafe import escape
from pdf_pages import misplaced_numbers, page_numbers, short_hack_ends
from pypdf import PdfReader

from spacehacks.pdf import step
from spacehacks.pdf.book import Book
from spacehacks.pdf.parallel import render
from spacehacks.pdf.proof import ProofError, prove
from spacehacks.pdf.slice_cache import SliceCache
from spacehacks.pdf.structure import outline_tree
from spacehacks.pdf.typography import book_title

SIZES = {"": (612, 792), "-a4": (595, 842)}


@pytest.mark.parametrize("suffix", SIZES)
def test_every_section_has_its_own_proven_pdf(pub, site, suffix):
    for section in pub.sections:
        path = site / "downloads" / step.SECTIONS / f"{section.slug}{suffix}.pdf"
        book = Book(pub, section=section)
        prove(book.pub, path, f"section {section.slug}")  # raises ProofError with the details if not
        reader = PdfReader(path)
        box = reader.pages[0].mediabox
        assert (round(box.width), round(box.height)) == SIZES[suffix]
        tree = outline_tree(reader)
        assert [t for t, _, _ in tree if t not in {"About this edition", "Contents"}] == [book_title(section.title)]
        cover = " ".join((reader.pages[0].extract_text() or "").split())
        assert section.title in cover and pub.info["title"] in cover


@pytest.mark.parametrize("suffix", SIZES)
def test_section_pdfs_print_like_the_book(pub, site, suffix):
    """Numbers in the outer corners, and no hack ending on a page of three lines or fewer."""
    for section in pub.sections:
        path = site / "downloads" / step.SECTIONS / f"{section.slug}{suffix}.pdf"
        assert page_numbers(path) and misplaced_numbers(path) == [], path.name
        assert short_hack_ends(path) == [], path.name


def test_a_section_pdf_holds_that_section_only(pub, site):
    first, other = pub.sections[0], pub.sections[1]
    path = site / "downloads" / step.SECTIONS / f"{first.slug}.pdf"
    with pytest.raises(ProofError) as caught:  # the other section's hacks are not in it
        prove(Book(pub, section=other).pub, path, "US Letter")
    problems = {p.path: p.message for p in caught.value.problems}
    assert "has no bookmark" in problems[other.path]


def test_sections_are_listed_on_the_downloads_page(pub, site):
    listing = (site / "downloads" / "index.html").read_text()
    assert 'id="sections"' in listing
    for n, section in enumerate(pub.sections, 1):
        for suffix in SIZES:
            name = f"{section.slug}{suffix}.pdf"
            pages = len(PdfReader(site / "downloads" / step.SECTIONS / name).pages)
            assert re.search(rf"sections/{re.escape(name)}.*?PDF, {pages} pages", listing, re.DOTALL), name
        assert str(escape(f"Section {n}: {section.title}")) in listing


def test_a_section_pdf_is_the_same_bytes_on_a_rebuild(pub, site, tmp_path):
    """Rendered again as the build renders it (in slices), from an empty slice cache."""
    section = pub.sections[-1]
    book = Book(pub, section=section)
    again = render(book, "a4", log=lambda _: None, cache=SliceCache.open(tmp_path, book.root))
    assert again == (site / "downloads" / step.SECTIONS / f"{section.slug}-a4.pdf").read_bytes()
