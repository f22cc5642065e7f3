"""The proof accepts every title an editor can write, and still catches a wrong or missing entry."""
from __future__ import annotations

import logging
from pathlib import Path

import pikepdf
import pytest
from minirepo import HACK, minimal, write
from paths import ROOT

from spacehacks.load import load_publication
from spacehacks.pdf.book import Book
from spacehacks.pdf.parallel import render
from spacehacks.pdf.proof import ProofError, prove
from spacehacks.pdf.render import render_whole
from spacehacks.pdf.step import LABELS
from spacehacks.pdf.structure import destinations, links, outline_tree
from spacehacks.pdf.typography import book_title
from spacehacks.problems import format_problems

TITLES = [
    "The STAMP Hack—Staring, Tone and volume of voice, Anxiety, Mumbling, and Pacing",
    "Before/after: harm & help, or “the door” and 'the gate'",
    "\"Quoted\" titles: it's fine—really/truly",
    "Ελληνικά and 日本語 in one title",
    # exactly 120 characters
    ("A title of one hundred and twenty characters, the longest an editor might reasonably "
     "write for one hack in the book, okay")[:120],
    # long enough to wrap over three lines of the contents
    ("When a participant returns after a restriction—meeting, listening, agreeing on what "
     "happens next/what changes, and how staff & peers will check in over the following weeks"),
]


def title_yaml(title: str) -> str:
    return "'" + title.replace("'", "''") + "'"


@pytest.fixture(scope="module")
def pub(tmp_path_factory):
    root = minimal(tmp_path_factory.mktemp("titles"))
    (root / "theme").symlink_to(ROOT / "theme", target_is_directory=True)
    write(root, "content/sections/sec/other.md", "---\ntitle: 'Other: & / “more”'\ntagline: Tag\norder: 2\n---\n\nIntro.\n")
    write(root, "content/sections/two/_section.md", "---\ntitle: Sec—two\ntagline: Tag\norder: 2\n---\n\nIntro.\n")
    write(root, "content/sections/two/cat.md", "---\ntitle: Cat two\ntagline: Tag\norder: 1\n---\n\nIntro.\n")
    folders = ["sec/cat", "sec/other", "two/cat"]
    for n, title in enumerate(TITLES):
        write(root, f"hacks/{folders[n % 3]}/h{n}.md", HACK.format(title=title_yaml(title)))
    publication, problems = load_publication(root)
    assert problems == [], "\n".join(map(str, problems))
    assert len(TITLES[4]) == 120 and {h.title for h in publication.hacks} >= set(TITLES)
    return publication


@pytest.fixture(scope="module")
def pdfs(pub, tmp_path_factory) -> dict[tuple[str, str], Path]:
    """Each paper size rendered whole and in slices over two processes."""
    out, folder, book = {}, tmp_path_factory.mktemp("pdfs"), Book(pub)
    for paper in LABELS:
        out[paper, "whole"] = folder / f"{paper}-whole.pdf"
        out[paper, "whole"].write_bytes(render_whole(book, paper))
        out[paper, "sliced"] = folder / f"{paper}-sliced.pdf"
        out[paper, "sliced"].write_bytes(render(book, paper, log=lambda _: None, workers=2, slice_chars=1))
    return out


@pytest.mark.parametrize("how", ["whole", "sliced"])
@pytest.mark.parametrize("paper", list(LABELS))
def test_every_title_passes_the_proof(pub, pdfs, paper, how):
    prove(pub, pdfs[paper, how], LABELS[paper])  # raises ProofError with the details if not


@pytest.mark.parametrize("paper", list(LABELS))
def test_the_titles_really_wrap_over_two_and_three_lines(pdfs, paper):
    path = pdfs[paper, "whole"]
    with pikepdf.open(path) as doc:
        names = destinations(doc)
        entries = links(doc, 0, len(doc.pages), names)
    heights = {e.name: round((e.rect[3] - e.rect[1]) / 12) for e in entries}  # ~12 pt a line
    assert heights["hack-h4"] >= 2 and heights["hack-h5"] >= 3, heights


def test_the_bookmarks_keep_every_title_as_written(pub, pdfs):
    from pypdf import PdfReader
    tree = outline_tree(PdfReader(pdfs["a4", "sliced"]))
    hacks = {t for _, _, cats in tree for _, _, hs in cats for t, _, _ in hs}
    assert hacks == {book_title(h.title) for h in pub.hacks}
    assert "“Quoted” titles: it’s fine—really/truly" in hacks  # printer's quotes, as in the text


def test_a_wrong_page_number_in_the_contents_fails_plainly(pub, tmp_path, monkeypatch):
    book = Book(pub)
    plain = book.stylesheets
    monkeypatch.setattr(book, "stylesheets", lambda paper, extra="": plain(
        paper, extra + '.toc-hack a[href="#hack-h5"]::after { content: "77" }'))
    target = tmp_path / "wrong.pdf"
    target.write_bytes(render_whole(book, "letter"))
    with pytest.raises(ProofError) as caught:
        prove(pub, target, "US Letter")
    text = format_problems(caught.value.problems)
    hack = next(h for h in pub.hacks if h.slug == "h5")
    assert f"{hack.path}:1: the US Letter PDF edition: the contents prints page '77' for hack" in text
    assert len(caught.value.problems) == 1, text


def test_a_vanished_hack_fails_plainly(pub, tmp_path, monkeypatch):
    book = Book(pub)
    plain = book.stylesheets
    monkeypatch.setattr(book, "stylesheets", lambda paper, extra="": plain(paper, extra + "#hack-h0 { display: none }"))
    target = tmp_path / "lost.pdf"
    target.write_bytes(render_whole(book, "a4"))
    with pytest.raises(ProofError) as caught:
        prove(pub, target, "A4")
    text = format_problems(caught.value.problems)
    assert f"hacks/sec/cat/h0.md:1: the A4 PDF edition: hack '{TITLES[0]}' is not in the bookmarks" in text


def test_letters_the_fonts_lack_are_named_plainly(pub, caplog):
    from spacehacks.pdf.glyphs import report_missing_glyphs
    caplog.set_level(logging.WARNING, logger="spacehacks")
    lines = report_missing_glyphs(pub)
    assert lines and all(line in caplog.text for line in lines)
    lato = next(line for line in lines if "font Lato" in line)
    assert lato.startswith("hacks/sec/cat/h3.md: ") and "'日' (U+65E5)" in lato and "'Ε'" not in lato
    charis = next(line for line in lines if "font Charis SIL" in line)
    assert "'Ε' (U+0395)" in charis  # Charis SIL as shipped has no Greek capitals
    assert not any("h0.md" in line for line in lines)  # dashes and curly quotes are in both fonts
