"""The incremental PDF: after an edit only the slices it changed are laid out again, and the book
is the same bytes as a clean build of the same content, on both papers."""
from __future__ import annotations

import copy
import dataclasses
import shutil
import subprocess
from pathlib import Path

import pytest
from paths import ROOT

from spacehacks.downloads import SECTIONS
from spacehacks.load import load_publication
from spacehacks.pdf.book import Book
from spacehacks.pdf.parallel import render, slices
from spacehacks.pdf.proof import prove
from spacehacks.pdf.slice_cache import BOOKS, SliceCache
from spacehacks.pdf.step import pdf_edition

SECTION = "restorative-responses"   # the smallest section with three categories
PAPERS = ("letter", "a4")
EACH_CATEGORY = 1                    # slice size: every category a slice of its own


def _book(root: Path) -> Book:
    pub, problems = load_publication(root)
    assert problems == []
    return Book(pub, section=next(s for s in pub.sections if s.slug == SECTION))


def _render(book: Book, paper: str, folder: Path) -> tuple[bytes, SliceCache]:
    cache = SliceCache.open(folder, book.root)
    pdf = render(book, paper, log=lambda _: None, workers=2, slice_chars=EACH_CATEGORY, cache=cache)
    return pdf, cache


def _edit(root: Path, category: int, change) -> Path:
    """Change the first hack of the section's `category`-th category (from 1) in its file."""
    path = root / _book(root).pub.sections[0].categories[category - 1].hacks[0].path
    head, body = path.read_text(encoding="utf-8").split("\n---\n", 1)
    path.write_text(f"{head}\n---\n{change(body)}", encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def runs(tmp_path_factory) -> dict:
    """For each paper: a first build into a cache, then two edits built from it, each also built
    clean (an empty cache); and what every build took from its cache."""
    root = tmp_path_factory.mktemp("incremental")
    for name in ("content", "hacks", "quotes", "theme"):
        shutil.copytree(ROOT / name, root / name)
    # An editor's working copy: the edition's version and date come from the last commit, and
    # the edits below are not committed.
    git = ["git", "-c", "user.email=test@example.org", "-c", "user.name=Test"]
    subprocess.run([*git, "init", "-q"], cwd=root, check=True)
    subprocess.run([*git, "add", "-A"], cwd=root, check=True)
    subprocess.run([*git, "commit", "-qm", "content"], cwd=root, check=True)
    cache, out = root / "cache", {}
    for paper in PAPERS:
        out[paper, "first"] = _render(_book(root), paper, cache)
    # One sentence reworded, as long as before: the pages do not move.
    _edit(root, 2, lambda text: text.replace(".", ";", 1))
    for paper in PAPERS:
        book = _book(root)
        out[paper, "reworded"] = _render(book, paper, cache)
        out[paper, "reworded clean"] = _render(book, paper, root / f"clean-1-{paper}")
    # Three pages more in the first category: every later page number moves.
    _edit(root, 1, lambda text: text + "\n" + "\n\n".join(
        f"Paragraph {n} added to push the pages on, written plainly for the test. " * 8 for n in range(12)) + "\n")
    for paper in PAPERS:
        book = _book(root)
        out[paper, "grown"] = _render(book, paper, cache)
        out[paper, "grown clean"] = _render(book, paper, root / f"clean-2-{paper}")
        out[paper, "pub"] = book.pub
    return out


def test_each_category_of_the_section_is_a_slice(pub):
    section = next(s for s in pub.sections if s.slug == SECTION)
    assert len(slices(Book(pub, section=section).pub, EACH_CATEGORY)) == len(section.categories) == 3


@pytest.mark.parametrize("paper", PAPERS)
@pytest.mark.parametrize("edit", ["reworded", "grown"])
def test_incremental_book_is_the_same_bytes_as_a_clean_build(runs, paper, edit):
    incremental, clean = runs[paper, edit][0], runs[paper, f"{edit} clean"][0]
    assert incremental == clean
    assert incremental != runs[paper, "first"][0]


@pytest.mark.parametrize("paper", PAPERS)
def test_incremental_book_passes_the_proof(runs, paper, tmp_path):
    target = tmp_path / "book.pdf"
    target.write_bytes(runs[paper, "grown"][0])
    prove(runs[paper, "pub"], target, paper)


@pytest.mark.parametrize("paper", PAPERS)
def test_a_first_build_lays_out_everything(runs, paper):
    tally = runs[paper, "first"][1].tally
    assert tally.reused == [] and f"slice {paper} 2" in tally.rendered and f"contents {paper}" in tally.rendered


@pytest.mark.parametrize("paper", PAPERS)
def test_a_reworded_sentence_lays_out_its_slice_only(runs, paper):
    """Same page counts: the contents and every page-number overlay are reused too."""
    tally = runs[paper, "reworded"][1].tally
    assert {w.removesuffix(" verso") for w in tally.rendered} == {f"slice {paper} 2"}, tally.rendered
    assert {f"slice {paper} 1", f"slice {paper} 3", f"contents draft {paper}", f"contents {paper}"} <= set(tally.reused)
    assert sum(w.startswith("overlay") for w in tally.reused) == 4   # front and three slices
    # The clean build of the same content laid out everything.
    assert runs[paper, "reworded clean"][1].tally.reused == []


@pytest.mark.parametrize("paper", PAPERS)
def test_moved_page_numbers_redo_only_what_depends_on_them(runs, paper):
    tally = runs[paper, "grown"][1].tally
    rendered = set(tally.rendered)
    assert f"slice {paper} 1" in rendered and f"contents {paper}" in rendered
    # The later slices' own pages are unchanged: laid out again only where they now start on the
    # other side of a spread; the contents draft and the front's overlay do not move.
    unmoved = {f"slice {paper} 2", f"slice {paper} 3", f"contents draft {paper}", f"overlay {paper} 0"}
    assert unmoved <= set(tally.reused)
    assert f"overlay {paper} 1" in rendered and f"overlay {paper} 3" in rendered


def test_the_cache_keeps_only_what_the_last_build_used(runs):
    cache = runs["a4", "grown"][1]
    (cache.folder / ".slice-0123.pdf.999").write_bytes(b"left by a killed worker")
    cache.prune()
    assert {p.name.split(".")[0] for p in cache.folder.iterdir() if p.name != BOOKS} == cache.used


def test_the_step_reuses_unchanged_books_whole_and_keeps_their_slices(pub, tmp_path, caplog):
    """Two sections' worth of book: after an edit in the second, the first section's PDFs are
    copied as they were, with their page counts, and the slices they were made from stay kept
    for the next edit there."""
    small = copy.deepcopy(dataclasses.replace(pub, sections=[s for s in pub.sections if len(s.categories) <= 3],
                                              pages=[], templates=[]))
    assert len(small.sections) == 2
    cache = tmp_path / "slices"
    first = pdf_edition(small, tmp_path / "first", None, cache=cache)
    hack = small.sections[1].categories[1].hacks[0]
    hack.body = hack.body.replace(".", ";", 1)
    caplog.set_level("INFO", logger="spacehacks")
    second = pdf_edition(small, tmp_path / "second", tmp_path / "first", cache=cache)
    untouched = [f"{SECTIONS}/{small.sections[0].slug}{suffix}.pdf" for suffix in ("", "-a4")]
    for name in untouched:
        assert f"reusing {name}" in caplog.text
        assert (tmp_path / "second" / name).read_bytes() == (tmp_path / "first" / name).read_bytes()
        kept = SliceCache.open(cache, small.root).made_for(name)
        assert kept and all((cache / f"{key}.pdf").is_file() for key in kept)
    assert "reusing space-hacks.pdf" not in caplog.text
    assert [d.meta.split(",")[1] for d in first] == [d.meta.split(",")[1] for d in second]   # "N pages"
