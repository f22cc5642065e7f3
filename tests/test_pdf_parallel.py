"""The parallel render: slices laid out in separate processes must join into one correct book."""
from __future__ import annotations

import re
import subprocess
import tempfile
from io import BytesIO
from pathlib import Path

import pikepdf
import pytest
from pdf_pages import misplaced_numbers
from pikepdf import Name
from pypdf import PdfReader

from spacehacks import render_temp
from spacehacks.pdf.book import Book
from spacehacks.pdf.parallel import render, slices
from spacehacks.pdf.proof import outline_tree, prove
from spacehacks.pdf.render import render_whole
from spacehacks.pdf.structure import destinations, links

SMALL_SLICES = 30_000  # cuts the shipped content into several slices


@pytest.fixture(scope="module")
def parallel_pdfs(pub, tmp_path_factory) -> list[Path]:
    """The shipped book rendered twice over two processes, with what the renderer printed."""
    out, book = [], Book(pub)  # one edition date for both, even if someone commits meanwhile
    for n in range(2):
        path = tmp_path_factory.mktemp("parallel") / f"book{n}.pdf"
        lines = []
        path.write_bytes(render(book, "a4", log=lines.append, workers=2, slice_chars=SMALL_SLICES))
        path.with_suffix(".log").write_text("\n".join(lines))
        out.append(path)
    return out


def test_the_book_is_cut_into_several_slices(pub):
    parts = slices(pub, SMALL_SLICES)
    assert len(parts) >= 3
    assert sum(len(p) for p in parts) == len(pub.categories) + 2  # every category once, the pages, the back


def test_progress_names_each_slice_and_pages_so_far(parallel_pdfs):
    log = parallel_pdfs[0].with_suffix(".log").read_text()
    assert re.search(r"slice 1/\d+ laid out, \d+ pages so far", log)
    assert "joining" in log


def test_joined_book_passes_the_proof(pub, parallel_pdfs):
    prove(pub, parallel_pdfs[0], "A4")  # raises ProofError with the details if not


def test_joined_book_has_one_outline_numbers_and_tags(pub, parallel_pdfs):
    path = parallel_pdfs[0]
    reader = PdfReader(path)
    tree = outline_tree(reader)
    assert [t for t, _, _ in tree if t in {s.title for s in pub.sections}] == [s.title for s in pub.sections]
    # every page but the cover and the openers shows its own number, drawn on after the join
    openers = {p for t, p, _ in tree if t in {s.title for s in pub.sections}}
    pages = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True,
                           check=True).stdout.split("\f")
    labels = list(reader.page_labels)
    assert labels[0] == "i" and "1" in labels
    for index in range(1, len(reader.pages)):
        text = pages[index].split()
        if not text:  # the left page left blank so that a section opens on a right page
            assert index % 2 and index + 1 in openers, index + 1
            continue
        numbered = index not in openers and index != len(reader.pages) - 1  # nor the back page
        assert (text[-1] == labels[index]) == numbered, (index + 1, text[-3:])
    root = reader.trailer["/Root"]
    assert root["/Lang"] == "en" and root["/MarkInfo"]["/Marked"]
    document = root["/StructTreeRoot"]["/K"][0].get_object()
    assert document["/S"] == "/Document" and len(document["/K"]) > len(pub.hacks)
    assert reader.metadata.title.startswith(pub.info["title"])
    struct = subprocess.run(["pdfinfo", "-struct-text", str(path)], capture_output=True, text=True).stdout
    assert pub.hacks[-1].title in struct  # the last slice's text is reachable from the one tree


def test_joined_book_prints_numbers_in_the_outer_corners(parallel_pdfs):
    assert misplaced_numbers(parallel_pdfs[0]) == []


def test_links_across_slices_point_at_the_right_page(pub, parallel_pdfs):
    reader = PdfReader(parallel_pdfs[0])
    marks = {t: p for _, _, kids in outline_tree(reader) for _, _, hacks in kids for t, p, _ in hacks}
    tops = [p for _, p, _ in outline_tree(reader)]
    first = tops[1]  # "Contents", which runs up to the next bookmark
    with pikepdf.open(parallel_pdfs[0]) as doc:
        names = destinations(doc)
        entries = links(doc, first, tops[2], names)
        annots = [a for page in doc.pages for a in page.obj.get("/Annots", [])]
        for annot in annots:
            assert not str(annot.get("/A", {}).get("/URI", "")).startswith("xref:")
            if "/Dest" in annot:  # every link leads to a destination the PDF names
                assert str(annot.Dest) in names
    assert set(marks.values()) <= {e.page for e in entries}  # every hack's contents entry leads to its page
    assert {f"hack-{h.slug}" for h in pub.hacks} <= {e.name for e in entries}


def test_parallel_render_is_byte_identical(parallel_pdfs):
    assert parallel_pdfs[0].read_bytes() == parallel_pdfs[1].read_bytes()


def _font_programs(pdf: bytes) -> list[int]:
    with pikepdf.open(BytesIO(pdf)) as doc:
        return sorted(len(o.read_raw_bytes()) for o in doc.objects
                      if isinstance(o, pikepdf.Stream) and Name.Length1 in o)


@pytest.fixture(scope="module")
def joined(pub, tmp_path_factory) -> dict:
    """One section rendered in one pass and in a slice per category, with the temp folder
    pointed at a folder of the test's, holding a dead build's leftovers and someone else's."""
    section = next(s for s in pub.sections if len(s.categories) >= 3)
    book = Book(pub, section=section)
    tmp = tmp_path_factory.mktemp("temp")
    (tmp / "weasyprint-someone-else").mkdir()
    (tmp / f"{render_temp.SCRATCH_PREFIX}999999999-abcd1234").mkdir()   # no such process
    made: list[str] = []
    mkdtemp, before = tempfile.mkdtemp, tempfile.tempdir

    def spy(*args, **kwargs):
        made.append(path := mkdtemp(*args, **kwargs))
        return path

    tempfile.tempdir, tempfile.mkdtemp = str(tmp), spy
    try:
        parallel = render(book, "letter", log=lambda _: None, workers=2, slice_chars=1)
    finally:
        tempfile.tempdir, tempfile.mkdtemp = before, mkdtemp
    return {"book": book, "section": section, "single": render_whole(book, "letter"), "joined": parallel,
            "tmp": tmp, "made": made}


def test_a_render_leaves_nothing_in_the_temp_folder_and_sweeps_dead_builds(joined):
    tmp = joined["tmp"]
    # The render worked in a folder of ours (WeasyPrint's own folders went inside it), now gone.
    assert any(Path(p).name.startswith(render_temp.SCRATCH_PREFIX) and Path(p).parent == tmp for p in joined["made"])
    assert sorted(p.name for p in tmp.iterdir()) == ["weasyprint-someone-else"]


def test_a_joined_book_embeds_one_font_per_face_and_is_no_larger_than_one_pass(joined):
    """Every slice embeds its own subsets; the join keeps one of each font, and the page
    numbers drawn into each page rather than as forms: within 5 % of a single-pass render."""
    single, parallel = joined["single"], joined["joined"]
    assert len(slices(joined["book"].pub, 1)) == len(joined["section"].categories) >= 3
    assert len(_font_programs(parallel)) == len(_font_programs(single))
    assert len(parallel) <= 1.05 * len(single), (len(parallel), len(single))
    # The page numbers are pagination artifacts, not text of the book's structure.
    with pikepdf.open(BytesIO(parallel)) as doc:
        last = pikepdf.parse_content_stream(doc.pages[-2])
        assert any(str(i.operator) == "BMC" and i.operands[0] == Name.Artifact for i in last)
