"""The PDF edition, read back from the real PDFs that `make site` writes."""
from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pikepdf
import pytest
from pypdf import PdfReader

from spacehacks.buildstamp import file_hash
from spacehacks.pdf import step
from spacehacks.pdf.book import Book, edition
from spacehacks.pdf.proof import outline_tree, prove
from spacehacks.pdf.render import render_whole
from spacehacks.pdf.structure import destinations
from spacehacks.pdf.typography import book_title

PAPERS = {"space-hacks.pdf": (612, 792), "space-hacks-a4.pdf": (595, 842)}


@pytest.fixture(scope="module")
def pdfs(site) -> dict[str, Path]:
    return {name: site / "downloads" / name for name in PAPERS}


def pdftotext(path: Path, first: int, last: int) -> str:
    return subprocess.run(["pdftotext", "-layout", "-f", str(first), "-l", str(last), str(path), "-"],
                          capture_output=True, text=True, check=True).stdout


@pytest.mark.parametrize("name", PAPERS)
def test_paper_size_and_downloads_listing(site, pdfs, name):
    reader = PdfReader(pdfs[name])
    box = reader.pages[10].mediabox
    assert (round(box.width), round(box.height)) == PAPERS[name]
    listing = (site / "downloads" / "index.html").read_text()
    assert f"downloads/{name}" in listing or name in listing
    assert re.search(rf"{re.escape(name)}.*?PDF, {len(reader.pages)} pages, [\d.]+ [KM]B", listing, re.S)


@pytest.mark.parametrize("name", PAPERS)
def test_bookmarks_nest_section_category_hack(pub, pdfs, name):
    tree = outline_tree(PdfReader(pdfs[name]))
    top = {title: kids for title, _, kids in tree}
    assert [t for t, _, _ in tree][:2] == ["About this edition", "Contents"]
    for section in pub.sections:
        kids = top[section.title]
        assert [c for c, _, _ in kids] == [c.title for c in section.categories]
        for (_, _, hacks), category in zip(kids, section.categories, strict=True):
            assert [h for h, _, _ in hacks] == [book_title(h.title) for h in category.hacks]


@pytest.mark.parametrize("name", PAPERS)
def test_each_hack_is_on_the_page_its_contents_entry_names(pub, pdfs, name):
    path = pdfs[name]
    prove(pub, path, name)  # contents links, bookmarks and printed numbers agree, or ProofError
    reader = PdfReader(path)
    labels = list(reader.page_labels)
    with pikepdf.open(path) as doc:
        names = destinations(doc)
    checked = 0
    for hack in pub.hacks:
        page = names[f"hack-{hack.slug}"]
        # the page shows its own number at its foot, as the contents printed it
        assert re.search(rf"\b{labels[page]}\s*$", pdftotext(path, page + 1, page + 1).strip())
        checked += 1
    assert checked == len(pub.hacks) > 0 and len(reader.pages) > checked / 10


def test_metadata_tags_and_language(pub, pdfs):
    reader = PdfReader(pdfs["space-hacks.pdf"])
    meta = reader.metadata
    assert meta.title.startswith(pub.info["title"])
    assert meta.author == pub.info["publisher"]
    assert meta.subject.startswith("Practical guidance")
    assert "harm reduction" in meta["/Keywords"]
    root = reader.trailer["/Root"]
    assert root["/Lang"] == "en"
    assert "/StructTreeRoot" in root and root["/MarkInfo"]["/Marked"]
    assert b"pdfuaid" in root["/Metadata"].get_object().get_data()


def test_fonts_are_embedded_from_the_shipped_families(pdfs):
    reader = PdfReader(pdfs["space-hacks-a4.pdf"])
    fonts = {}
    for page in reader.pages[:20]:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            descriptor = font["/DescendantFonts"][0].get_object()["/FontDescriptor"]
            fonts[font["/BaseFont"].split("+")[-1]] = "/FontFile2" in descriptor or "/FontFile3" in descriptor
    assert fonts and all(fonts.values()), fonts
    assert {f.split("-")[0] for f in fonts} <= {"Charis", "Lato"}, fonts


def test_links_are_clickable(pub, pdfs):
    reader = PdfReader(pdfs["space-hacks.pdf"])
    internal, external = 0, set()
    for page in reader.pages:
        for annot in page.get("/Annots") or []:
            annot = annot.get_object()
            action = annot.get("/A", {})
            if action.get("/S") == "/URI":
                external.add(action["/URI"])
            elif "/Dest" in annot or action.get("/S") == "/GoTo":
                internal += 1
    assert internal >= len(pub.hacks)  # every contents entry at least
    assert pub.info["licence_url"] in external
    # and external links show their address in print
    assert pub.info["licence_url"] in " ".join(pdftotext(pdfs["space-hacks.pdf"], 2, 2).split())


def test_cover_colophon_and_openers(pub, pdfs):
    path = pdfs["space-hacks.pdf"]
    cover = pdftotext(path, 1, 1)
    label = Book(pub).edition.label
    assert pub.info["title"] in cover and pub.info["publisher"] in cover and label in " ".join(cover.split())
    assert not re.search(r"^\s*(1|i)\s*$", cover, re.MULTILINE)  # no page number on the cover
    colophon = " ".join(pdftotext(path, 2, 2).split())
    assert "CC BY-NC-SA 4.0" in colophon and label in colophon
    # the licence's address once; the commit only in the metadata
    assert colophon.count(pub.info["licence_url"]) == 1
    version = Book(pub).edition.version
    assert version not in colophon and version in PdfReader(path).metadata["/Creator"]
    tree = {t: p for t, p, _ in outline_tree(PdfReader(path))}
    opener = pdftotext(path, tree[pub.sections[0].title] + 1, tree[pub.sections[0].title] + 1)
    assert pub.sections[0].tagline in " ".join(opener.split())
    assert not re.search(r"\b\d+\s*$", opener.strip())  # openers carry no page number


def test_same_input_gives_identical_bytes(pub, tmp_path):
    """Two builds in two processes (different hash seeds) give the same bytes."""
    other = tmp_path / "other.pdf"
    script = ("import sys; from pathlib import Path; from spacehacks.load import load_publication; "
              "from spacehacks.pdf.book import Book; from spacehacks.pdf.render import render_whole; "
              "pub, _ = load_publication(Path(sys.argv[1])); "
              "Path(sys.argv[2]).write_bytes(render_whole(Book(pub), 'letter'))")
    child = subprocess.Popen([sys.executable, "-c", script, str(pub.root), str(other)],
                             env={**os.environ, "PYTHONHASHSEED": "4242"})
    here = render_whole(Book(pub), "letter")
    assert child.wait() == 0
    assert here == other.read_bytes()


def test_edition_date_follows_source_date_epoch(pub, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")
    assert edition(pub.root).iso == "2026-01-01T00:00:00Z"


def test_unchanged_content_reuses_previous_pdfs(pub, site, tmp_path, caplog, monkeypatch):
    # The previous build's folder, recorded as made from exactly this content and theme.
    previous = tmp_path / "previous"
    (previous / step.SECTIONS).mkdir(parents=True)
    hashes = {}
    jobs = step.editions(pub)
    for book, paper, name, _ in jobs:
        (previous / name).write_bytes((site / "downloads" / name).read_bytes())
        hashes[name] = {"source": step.source_hash(book, book.html(), paper),
                        "sha256": file_hash(previous / name), "pages": 7}
    (previous / step.HASHES).write_text(json.dumps(hashes))
    rendered = []

    def render_paper(book, paper, target, cache) -> int:
        rendered.append(paper)
        target.write_bytes(b"%PDF-1.7 stand-in")
        return 7

    monkeypatch.setattr(step, "render_paper", render_paper)
    caplog.set_level("INFO", logger="spacehacks")

    found = step.pdf_edition(pub, tmp_path / "out", previous)
    # The English book and its sections, then the Spanish book (downloads.TRANSLATED_EDITIONS).
    assert rendered == [] and caplog.text.count("unchanged, reusing") == len(jobs) == 2 + 2 * len(pub.sections) + 2
    spanish = [d.url for d in found if d.language == "es"]
    assert spanish == ["downloads/space-hacks-es.pdf", "downloads/space-hacks-es-a4.pdf"]
    found = [d for d in found if d.language == "en"]
    assert [d.url for d in found][:2] == ["downloads/space-hacks.pdf", "downloads/space-hacks-a4.pdf"]
    assert [d.url for d in found][2:4] == [f"downloads/sections/{pub.sections[0].slug}{s}.pdf" for s in ("", "-a4")]
    # The page counts kept with the previous PDFs, not read from the files again.
    assert all(d.group == ("book" if n < 2 else "sections") and re.fullmatch(r"PDF, 7 pages, [\d.]+ [KM]B", d.meta)
               for n, d in enumerate(found))
    for _, _, name, _ in jobs:
        assert (tmp_path / "out" / name).read_bytes() == (previous / name).read_bytes()

    # A changed theme (here: its record no longer matching) renders again.
    hashes["space-hacks-a4.pdf"]["source"] = "0" * 64
    (previous / step.HASHES).write_text(json.dumps(hashes))
    (tmp_path / "again").mkdir()
    monkeypatch.setattr(step, "_download", lambda *args: None)
    step.pdf_edition(pub, tmp_path / "again", previous)
    assert rendered == ["a4"]


def test_templates_appendix_follows_the_publication(pub, pdfs, monkeypatch):
    templates = pub.templates
    text = " ".join(subprocess.run(["pdftotext", str(pdfs["space-hacks.pdf"]), "-"], capture_output=True,
                                   text=True, check=True).stdout.replace("\u200b", "").split())
    assert ("Appendix: policy and protocol templates" in text) == bool(templates)
    for t in templates:
        assert t.title in text and f"{t.slug}.docx" in text and f"{t.slug}-letter.pdf" in text
    # Every file the templates step publishes is named (by its file name: no site_url is set),
    # the forms' fillable PDFs included.
    fillable = [t for t in templates if t.kind == "form"]
    assert fillable and all(f"{t.slug}-fillable.pdf" in text for t in fillable)
    monkeypatch.setattr(pub, "templates", [], raising=False)
    assert "Appendix" not in Book(pub).html()
