"""A translated book is laid out in one pass, first with placeholder contents numbers, then again
with the numbers read from its own pages until the proof finds them right; any other proof failure
stops the build."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from minirepo import minimal
from paths import ROOT

from spacehacks.load import check
from spacehacks.pdf import proof, render, step
from spacehacks.pdf.book import Book
from spacehacks.problems import Problem

STALE = Problem("hacks/a/b/c.md", 1,
                "the A4 PDF edition: the contents prints page '7' for hack 'C', which is on page 8.")


@pytest.fixture
def book(tmp_path: Path) -> Book:
    root = minimal(tmp_path / "repo")
    shutil.copytree(ROOT / "theme", root / "theme")  # a copy: the PDF fetcher follows no link out
    pub = check(root)
    pub.language = "es"   # the path translated books take (English books render in slices)
    return Book(pub)


def test_stale_contents_numbers_are_set_from_the_laid_out_pages(book, tmp_path, monkeypatch):
    proofs: list[Path] = []
    rerendered: list[object] = []

    def prove(pub, pdf, label):
        proofs.append(pdf)
        if len(proofs) == 1:
            raise proof.ProofError([STALE], stale_numbers=True)
        return 3

    def render_whole(b, paper, page_of=None):
        rerendered.append(page_of)
        return b"%PDF-again"

    monkeypatch.setattr(proof, "prove", prove)
    monkeypatch.setattr(render, "render_whole", render_whole)
    monkeypatch.setattr(proof, "anchor_labels", lambda pdf: {"hack-c": "8"})
    target = tmp_path / "book.pdf"
    step.render_paper(book, "a4", target)
    # The first layout with placeholders as wide as real numbers, then the second with the
    # numbers read from the first.
    assert len(rerendered) == 2 and rerendered[0] is not None and rerendered[0]["hack-c"].isdigit()
    assert rerendered[1] == {"hack-c": "8"} and len(proofs) == 2
    assert target.read_bytes() == b"%PDF-again"


def test_any_other_proof_failure_stops_the_build(book, tmp_path, monkeypatch):
    def prove(pub, pdf, label):
        raise proof.ProofError([STALE], stale_numbers=False)

    laid_out: list[object] = []
    monkeypatch.setattr(proof, "prove", prove)
    monkeypatch.setattr(render, "render_whole", lambda b, paper, page_of=None: laid_out.append(page_of) or b"%PDF")
    with pytest.raises(proof.ProofError):
        step.render_paper(book, "a4", tmp_path / "book.pdf")
    assert len(laid_out) == 1   # the first layout only


def test_anchor_labels_are_the_printed_page_numbers(book, tmp_path):
    pdf = tmp_path / "book.pdf"
    pdf.write_bytes(render.render_whole(book, "a4"))
    labels = proof.anchor_labels(pdf)
    hack = book.pub.hacks[0]
    assert labels[f"hack-{hack.slug}"].isdigit()
    assert labels["contents"].isalpha() and labels["contents"] == labels["contents"].lower()   # roman
    # The numbers the contents printed by target-counter are these very labels.
    proof.prove(book.pub, pdf, "A4")
