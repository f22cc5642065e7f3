"""A translated book is laid out in slices too, as the PDF step lays out every book it has a slice
cache for (issue 15): after an edit to one translated hack only its slice is laid out again, and
the book is proven and the same bytes as a clean build of the same content."""
from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from paths import ROOT

from spacehacks.load import load_publication
from spacehacks.pdf import parallel
from spacehacks.pdf.book import Book
from spacehacks.pdf.slice_cache import SliceCache
from spacehacks.pdf.step import render_paper
from spacehacks.problems import errors

SECTION = "restorative-responses"
EDITED = "hacks/restorative-responses/complaints-and-incidents/restorative-plans-after-an-incident.es.md"
PAPER = "letter"


def _book(root: Path) -> Book:
    pub, problems = load_publication(root)
    assert errors(problems) == []
    spanish = pub.in_language("es")
    return Book(spanish, section=next(s for s in spanish.sections if s.slug == SECTION))


@pytest.fixture(scope="module")
def runs(tmp_path_factory) -> dict:
    root = tmp_path_factory.mktemp("translated")
    for name in ("content", "hacks", "quotes", "theme"):
        shutil.copytree(ROOT / name, root / name)
    git = ["git", "-c", "user.email=test@example.org", "-c", "user.name=Test"]
    for args in (["init", "-q"], ["add", "-A"], ["commit", "-qm", "content"]):
        subprocess.run([*git, *args], cwd=root, check=True)
    mp = pytest.MonkeyPatch()
    mp.setattr(parallel, "CACHED_SLICE_CHARS", 1)     # every category a slice of its own
    out: dict = {}
    try:
        def build(name: str, cache: Path) -> None:
            slices = SliceCache.open(cache, root)
            target = root / f"{name}.pdf"
            out[name] = (render_paper(_book(root), PAPER, target, slices), target.read_bytes(), slices.tally)

        build("first", root / "cache")
        path = root / EDITED
        head, body = path.read_text(encoding="utf-8").split("\n---\n", 1)
        path.write_text(f"{head}\n---\n{body.replace('.', ';', 1)}", encoding="utf-8")
        build("edited", root / "cache")
        build("clean", root / "clean-cache")
    finally:
        mp.undo()
    out["book"] = _book(root)
    return out


def test_the_edited_translation_is_the_same_bytes_as_a_clean_build_and_proven(runs):
    pages, edited, _ = runs["edited"]
    assert edited == runs["clean"][1] and edited != runs["first"][1]
    assert pages == runs["first"][0] > 0      # render_paper returns the pages the proof counted


def test_only_the_edited_hacks_slice_is_laid_out_again(runs):
    book = runs["book"]
    slug = Path(EDITED).name.removesuffix(".es.md")
    index = next(i for i, c in enumerate(book.pub.sections[0].categories, 1) if any(h.slug == slug for h in c.hacks))
    tally = runs["edited"][2]
    assert {w.removesuffix(" verso") for w in tally.rendered} == {f"slice {PAPER} {index}"}, tally.rendered
    assert f"contents {PAPER}" in tally.reused
    assert runs["clean"][2].reused == [] and runs["first"][2].reused == []
