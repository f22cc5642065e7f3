"""The PDF edition as a printed book: cover and back page, edition, printer's quotes, quotes kept
with text, page labels, two-sided margins and heads, bookmarks open to the section level, and an
appendix that carries the blank forms."""
from __future__ import annotations

import dataclasses
import re
import subprocess
from pathlib import Path

import pikepdf
import pytest
from paths import ROOT
from pdf_pages import misplaced_numbers, page_numbers
from pypdf import PdfReader

from spacehacks.checks import advice
from spacehacks.cli import main
from spacehacks.downloads import formats_for
from spacehacks.pdf.book import Book, Edition, edition_number
from spacehacks.pdf.finish import label, roman
from spacehacks.pdf.structure import destinations, outline_tree, words
from spacehacks.pdf.typography import smarten, smarten_html

PAPERS = ["space-hacks.pdf", "space-hacks-a4.pdf"]


@pytest.fixture(scope="module")
def pdfs(site) -> dict[str, Path]:
    return {name: site / "downloads" / name for name in PAPERS}


def text(path: Path) -> list[str]:
    return subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout.split("\f")


def grey(path: Path, page: int) -> tuple[int, int, bytes]:
    out = subprocess.run(["pdftoppm", "-r", "10", "-gray", "-f", str(page), "-l", str(page), str(path)],
                         capture_output=True, check=True).stdout
    header = re.match(rb"P5\s+(\d+)\s+(\d+)\s+\d+\s", out)
    return int(header[1]), int(header[2]), out[header.end():]


def test_printers_quotes_outside_code_and_addresses():
    assert smarten('"Hello," she said. It\'s the \'90s.') == "“Hello,” she said. It’s the ’90s."
    assert smarten("'single' and \"double\"") == "‘single’ and “double”"
    html = ('<p>"Ask," <em>"don\'t</em> tell" <code>x = "y"</code> '
            '<a href="https://e.org/a\'b">https://e.org/it\'s</a> &quot;ok&quot;</p>')
    out = smarten_html(html)
    assert out.startswith("<p>“Ask,” <em>“don’t</em> tell”")
    assert '<code>x = "y"</code>' in out and 'href="https://e.org/a\'b"' in out
    assert "https://e.org/it's</a>" in out and "“ok”" in out


@pytest.mark.parametrize("name", PAPERS)
def test_the_book_has_no_straight_quotes(pdfs, name):
    pages = text(pdfs[name])
    body = "".join(pages)
    assert '"' not in body and "'" not in body
    assert body.count("“") > 100 and body.count("’") > 100


def test_edition_number_and_date_readers_understand(pub):
    stamp = Edition("997e3f2", __import__("datetime").datetime(2026, 12, 1), 2)
    assert stamp.label == "Second edition, December 2026" and stamp.human == "December 1, 2026"
    assert Edition("x", stamp.date, 14).label == "Edition 14, December 2026"
    assert edition_number({"edition": "3"}) == 3 and edition_number({"edition": "soon"}) == 1
    assert Book(pub).edition.number == pub.info["edition"]


@pytest.mark.parametrize("name", PAPERS)
def test_cover_and_back_page_are_full_bleed(pub, pdfs, name):
    path = pdfs[name]
    pages = len(PdfReader(path).pages)
    for page in (1, pages):
        width, height, pixels = grey(path, page)
        corners = [pixels[0], pixels[width - 1], pixels[(height - 1) * width], pixels[height * width - 1]]
        assert all(c < 250 for c in corners), (page, corners)  # color to the very edge
    back = " ".join(text(path)[pages - 1].split())
    assert pub.info["publisher"] in back and Book(pub).edition.label in back


@pytest.mark.parametrize("name", PAPERS)
def test_page_labels_roman_then_arabic_from_the_first_section(pub, pdfs, name):
    reader = PdfReader(pdfs[name])
    labels = list(reader.page_labels)
    with pikepdf.open(pdfs[name]) as doc:
        first = destinations(doc)[f"section-{pub.sections[0].slug}"]
    assert labels[:3] == ["i", "ii", "iii"] and labels[first] == "1" and labels[first - 1] == roman(first)
    assert first % 2 == 0  # page 1 is a right-hand page
    assert labels[-1] == str(len(labels) - first)
    assert [label(n, first) for n in range(len(labels))] == labels


@pytest.mark.parametrize("name", PAPERS)
def test_page_numbers_in_the_outer_corners(pub, pdfs, name):
    numbers = page_numbers(pdfs[name])
    with pikepdf.open(pdfs[name]) as doc:
        names = destinations(doc)
    openers = {names[f"section-{s.slug}"] for s in pub.sections}
    # every page shows its number but the cover, the openers, a blank left page and the back page
    assert len(numbers) >= len(PdfReader(pdfs[name]).pages) - len(openers) - 3
    assert not openers & set(numbers)
    assert numbers[2] == ("iii", "right") and numbers[3] == ("iv", "left")  # roman front matter
    assert misplaced_numbers(pdfs[name]) == []


@pytest.mark.parametrize("name", PAPERS)
def test_bookmarks_open_to_the_section_level(pub, pdfs, name):
    with pikepdf.open(pdfs[name]) as doc:
        outlines = doc.Root.Outlines
        top, item = [], outlines.First
        while item is not None:
            top.append(item)
            item = item.get("/Next")
        assert int(outlines.Count) == len(top)
        sections = [i for i in top if str(i.Title) in {s.title for s in pub.sections}]
        assert len(sections) == len(pub.sections)
        assert all(int(s.Count) < 0 for s in sections)  # closed: a reader sees the sections first


@pytest.mark.parametrize("name", PAPERS)
def test_no_page_holds_only_a_quote(pub, pdfs, name):
    reader = PdfReader(pdfs[name])
    hack_pages = {p for _, _, cats in outline_tree(reader) for _, _, hacks in cats for _, p, _ in hacks}
    with pikepdf.open(pdfs[name]) as doc:
        names = destinations(doc)
    quotes = [n for n in names if n.startswith("quote-")]
    assert quotes
    for quote in quotes:
        assert names[quote] in hack_pages, f"{quote} is on page {names[quote] + 1} with no hack"


@pytest.mark.parametrize("name", PAPERS)
def test_two_sided_margins_and_lines_of_about_70_characters(pdfs, name):
    pages = words(pdfs[name], 30, 41)
    lefts = {}
    for number, page in enumerate(pages, 30):
        body = [w for w in page.words if 80 < w.y0 < page.height - 80]
        if not body:
            continue
        lines = {}
        for w in body:
            lines.setdefault(round(w.y0), []).append(w)
        lefts[number] = min(w.x0 for w in body)
        full = [ws for ws in lines.values() if max(w.x1 for w in ws) - min(w.x0 for w in ws) > 300]
        lengths = sorted(len(" ".join(w.text for w in sorted(ws, key=lambda w: w.x0))) for ws in full)
        if lengths:
            assert 58 <= lengths[len(lengths) // 2] <= 80, (number, lengths)
    # the text block moves with the binding: odd (right) and even (left) pages differ
    odd = {round(x) for n, x in lefts.items() if n % 2}
    even = {round(x) for n, x in lefts.items() if not n % 2}
    assert max(odd) < min(even) or max(even) < min(odd), lefts


def test_the_appendix_prints_the_blank_forms(pub, pdfs):
    pages = text(pdfs["space-hacks.pdf"])
    with pikepdf.open(pdfs["space-hacks.pdf"]) as doc:
        names = destinations(doc)
    forms = [t for t in pub.templates if t.kind == "form"]
    assert {"incident-report-form", "temporary-restriction-notice"} <= {t.slug for t in forms}
    for t in forms:
        page = " ".join(pages[names[f"form-{t.slug}"]].split())
        assert t.title in page
    report = " ".join(pages[names["form-incident-report-form"]].split())
    assert "Role:" in report and "Conflict or argument between participants" in report
    # With no site_url (as shipped) the list names the website's Templates page and each file,
    # whole, never hyphenated at a line end, and no path a reader could not use.
    # The appendix's list runs over several pages, up to the first printed form.
    listing = pages[names["templates"]:min(names[f"form-{t.slug}"] for t in forms)]
    appendix = " ".join(" ".join(listing).split())
    assert "Templates page of the Space Hacks website" in appendix
    for t in pub.templates:
        assert f"{t.slug}.docx" in appendix and f"{t.slug}-letter.pdf" in appendix, t.slug
    assert "downloads/" not in appendix


def appendix_text(pub, info: dict) -> str:
    html = Book(dataclasses.replace(pub, info={**pub.info, **info})).html(parts=["back"])
    start = html.index('id="templates"')
    return " ".join(re.sub(r"<[^>]+>", "", html[start:html.index('class="form-copy"')]).replace("\u200b", "").split())


def test_the_appendix_prints_full_addresses_under_the_site_url(pub):
    shown = appendix_text(pub, {"site_url": "https://example.org/space-hacks/"})
    assert "(https://example.org/space-hacks/templates/)" in shown
    for t in pub.templates:
        for suffix, _ in formats_for(t):
            assert f"https://example.org/space-hacks/downloads/templates/{t.slug}{suffix}" in shown
    plain = appendix_text(pub, {"site_url": None})
    assert "https://" not in plain and "downloads/" not in plain
    assert "Files: incident-report-form.docx, incident-report-form.odt, incident-report-form.pdf" in plain


def test_make_check_asks_for_a_site_url_until_one_is_set(pub, capsys):
    assert main(["--root", str(ROOT), "check"]) == 0
    out = capsys.readouterr().out
    assert "content/publication.yml:" in out and "no site_url is set" in out and "Set site_url" in out
    assert advice(dataclasses.replace(pub, info={**pub.info, "site_url": "https://example.org/"})) == []


@pytest.mark.parametrize("name", PAPERS)
def test_no_page_opens_with_a_stranded_see_also(pdfs, name):
    for number, page in enumerate(words(pdfs[name]), 1):
        body = [w.text for w in page.words if 60 < w.y0 < page.height - 60]
        assert body[:2] != ["See", "also:"], f"page {number} holds only the end of a hack"


@pytest.mark.parametrize("name", PAPERS)
def test_acronyms_stay_with_their_definitions(pub, pdfs, name):
    tree = outline_tree(PdfReader(pdfs[name]))
    starts = [p for _, p, _ in tree]
    first = next(p for t, p, _ in tree if t == "Acronyms")
    end = min(p for p in starts if p > first)
    for number, page in enumerate(words(pdfs[name], first + 1, end), first + 1):
        lines = {}
        for w in page.words:
            if 60 < w.y0 < page.height - 60:
                lines.setdefault(round(w.y0), []).append(w.text)
        last = lines[max(lines)]
        assert not (len(last) == 1 and re.fullmatch(r"[A-Z0-9/&-]{2,}", last[0])), (
            f"page {number} ends with the term {last[0]}, its definition on the next page")
