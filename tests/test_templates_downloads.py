"""The template downloads, opened the way an organization would open them: every DOCX and ODT
must show the source's headings, lists, tables and fill-in fields; the form's fillable PDF must
have named fields; the zip must hold every file; an unchanged build must reuse the files."""
from __future__ import annotations

import re
import subprocess
import zipfile
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn
from odf import table as odf_table
from odf import teletype
from odf import text as odf_text
from odf.opendocument import load as load_odt
from pypdf import PdfReader

from spacehacks.downloads import zip_name
from spacehacks.fonts import FACES, font_faces
from spacehacks.problems import ContentError
from spacehacks.templates import step

SIXTEEN = {"community-member-agreement", "participant-grievance-procedure",
           "incident-and-complaint-response-protocol", "incident-report-form", "temporary-restriction-notice",
           "menu-of-restorative-consequences", "post-incident-debrief", "overdose-and-medical-emergency-protocol",
           "needle-stick-and-post-exposure-protocol", "policy-creation-checklist",
           "staff-and-outreach-safety-plan", "bathroom-check-in-protocol-and-log", "police-at-the-site-protocol",
           "confidentiality-and-release-of-information-consent", "crisis-and-suicide-safety-plan",
           "return-agreement-after-a-restriction"}


class Source:
    """What a template's Markdown source says, read with plain patterns (not the template parser),
    so the tests would notice if the parser and the writers agreed on something wrong."""

    def __init__(self, template):
        self.body = template.body
        lines = self.body.split("\n")
        self.headings = [re.sub(r"[*_]", "", ln[3:]).strip() for ln in lines if ln.startswith("## ")]
        self.numbered = [ln for ln in lines if re.match(r"^\d+\. ", ln)]
        self.ordered_lists = sum(1 for ln in lines if ln.startswith("1. "))
        self.checkboxes = [ln for ln in lines if re.match(r"^- \[ \] ", ln)]
        self.bullets = [ln for ln in lines if ln.startswith("- ") and not ln.startswith("- [ ] ")]
        self.fill_ins = re.findall(r"\[\[([^\]]+)\]\]", self.body)
        self.tables = []  # each table: list of rows, each row a list of cell texts
        rows = []
        for line in lines + [""]:
            if line.startswith("|"):
                if not re.match(r"^\|\s*-", line):
                    rows.append([c.strip() for c in line.strip().strip("|").split("|")])
            elif rows:
                self.tables.append(rows)
                rows = []


def plain(cell: str) -> str:
    """A Markdown table cell as a reader sees it, fill-in fields shown as [Label]."""
    return re.sub(r"\[\[([^\]]+)\]\]", r"[\1]", re.sub(r"[*_]", "", cell))


@pytest.fixture(scope="module")
def folder(site) -> Path:
    return site / "downloads" / "templates"


@pytest.fixture(scope="module")
def sources(pub):
    return {t.slug: Source(t) for t in pub.templates}


def test_the_sixteen_templates_ship_with_every_format(pub, folder):
    assert {t.slug for t in pub.templates} >= SIXTEEN
    for t in pub.templates:
        for suffix, _ in step.formats_for(t):
            f = folder / f"{t.slug}{suffix}"
            assert f.is_file() and f.stat().st_size > 500, f
    forms = [t.slug for t in pub.templates if t.kind == "form"]
    assert "incident-report-form" in forms
    assert (folder / "incident-report-form-fillable.pdf").is_file()


def _docx_fill_ins(word) -> list[str]:
    return [a.get(qn("w:val")) for a in word.element.body.iter(qn("w:alias"))]


def test_every_docx_matches_its_source(pub, folder, sources):
    for t in pub.templates:
        src = sources[t.slug]
        word = docx.Document(folder / f"{t.slug}.docx")
        paras = word.paragraphs
        assert word.core_properties.title == t.title
        assert paras[0].style.name == "Title" and paras[0].text == t.title
        assert [p.text for p in paras if p.style.name == "Heading 1"] == src.headings, t.slug
        assert sum(p.style.name == "List Number" for p in paras) == len(src.numbered), t.slug
        assert sum(p.style.name == "List Bullet" for p in paras) == len(src.bullets), t.slug
        assert sum(p.text.startswith("\u2610") for p in paras) == len(src.checkboxes), t.slug
        # Each numbered list restarts at 1: one numbering instance per list, not one per document.
        num_ids = {p._p.pPr.numPr.numId.val for p in paras if p.style.name == "List Number"}
        assert len(num_ids) == src.ordered_lists, t.slug
        # Fill-in fields are content controls, in source order, showing their label.
        assert _docx_fill_ins(word) == src.fill_ins, t.slug
        shown = ["".join(x.text or "" for x in sdt.iter(qn("w:t")))
                 for sdt in word.element.body.iter(qn("w:sdt"))]
        assert shown == [f"[{label}]" for label in src.fill_ins]
        # Tables from the source (a long answer's box is a one-cell table of its own).
        tables = [tb for tb in word.tables if len(tb.rows) > 1]
        assert len(tables) == len(src.tables), t.slug
        for table, rows in zip(tables, src.tables, strict=True):
            assert len(table.rows) == len(rows)
            for row, cells in zip(table.rows, rows, strict=True):
                assert len(row.cells) == len(cells)
                for cell, text in zip(row.cells, cells, strict=True):
                    # Every text run in reading order, content controls included.
                    got = "".join(x.text or "" for x in cell._tc.iter(qn("w:t")))
                    assert got == plain(text), (t.slug, text)
            assert table.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None


def test_every_odt_matches_its_source(pub, folder, sources):
    for t in pub.templates:
        src = sources[t.slug]
        odt = load_odt(str(folder / f"{t.slug}.odt"))
        headings = odt.getElementsByType(odf_text.H)
        assert [teletype.extractText(h) for h in headings] == src.headings, t.slug
        assert all(h.getAttribute("outlinelevel") == "1" for h in headings)
        holders = odt.text.getElementsByType(odf_text.TextInput)  # the body's, not the page header's
        assert [h.getAttribute("description") for h in holders] == src.fill_ins, t.slug
        assert [teletype.extractText(h) for h in holders] == [f"[{label}]" for label in src.fill_ins]
        lists = [lst for lst in odt.getElementsByType(odf_text.List)]
        styles = {lst.getAttribute("stylename") for lst in lists}
        assert styles <= {"Numbered", "Bullets", "Checklist"}
        items = {name: sum(len(lst.getElementsByType(odf_text.ListItem)) for lst in lists
                           if lst.getAttribute("stylename") == name) for name in styles}
        assert items.get("Numbered", 0) == len(src.numbered), t.slug
        assert items.get("Bullets", 0) == len(src.bullets), t.slug
        assert items.get("Checklist", 0) == len(src.checkboxes), t.slug
        assert sum(lst.getAttribute("stylename") == "Numbered" for lst in lists) == src.ordered_lists
        tables = [tb for tb in odt.getElementsByType(odf_table.Table)
                  if len(tb.getElementsByType(odf_table.TableRow)) > 1]  # not a long answer's box
        assert len(tables) == len(src.tables), t.slug
        for tbl, rows in zip(tables, src.tables, strict=True):
            got = [[teletype.extractText(c) for c in r.getElementsByType(odf_table.TableCell)]
                   for r in tbl.getElementsByType(odf_table.TableRow)]
            assert got == [[plain(c) for c in row] for row in rows], t.slug
            assert tbl.getElementsByType(odf_table.TableHeaderRows)


def test_pdfs_are_typeset_with_the_books_fonts_and_show_every_heading(pub, folder, sources):
    t = pub.template("incident-and-complaint-response-protocol")
    reader = PdfReader(folder / f"{t.slug}.pdf")
    text = " ".join(p.extract_text() for p in reader.pages)
    flat = re.sub(r"\s+", " ", text)
    for heading in sources[t.slug].headings:
        assert heading in flat
    assert "one week" in flat and f"Page 1 of {len(reader.pages)}" in flat
    fonts = subprocess.run(["pdffonts", str(folder / f"{t.slug}.pdf")], capture_output=True,
                           text=True, check=True).stdout
    # The book's fonts, wherever the repository ships them (theme/fonts/), are the ones embedded.
    for family in set(re.findall(r'font-family: "([^"]+)"', font_faces(pub.root))):
        assert family.replace(" ", "-") in fonts, family


def test_font_faces_point_at_the_books_fonts_and_a_missing_one_is_named(tmp_path):
    fonts = tmp_path / "theme" / "fonts"
    fonts.mkdir(parents=True)
    for _, stem, _, _ in FACES:
        (fonts / f"{stem}.ttf").write_bytes(b"")
    rule = font_faces(tmp_path)
    assert rule.count("@font-face") == len(FACES)
    assert 'font-family: "Lato"' in rule and "font-weight: bold" in rule
    assert (fonts / "Lato-Bold.ttf").as_uri() in rule
    (fonts / "Lato-Bold.ttf").unlink()
    with pytest.raises(ContentError) as caught:
        font_faces(tmp_path)
    assert [p.path for p in caught.value.problems] == ["theme/fonts/Lato-Bold.ttf"]


def test_the_incident_report_form_is_a_fillable_pdf_with_named_fields(pub, folder, sources):
    src = sources["incident-report-form"]
    fields = PdfReader(folder / "incident-report-form-fillable.pdf").get_fields()
    text = {n for n, f in fields.items() if f.get("/FT") == "/Tx"}
    boxes = {n for n, f in fields.items() if f.get("/FT") == "/Btn"}
    assert {"organization_name", "date_of_incident", "time_of_incident", "what_happened",
            "person_harmed_name_or_description", "witness_contact_if_offered", "signature"} <= text
    assert len(text) == len(src.fill_ins)
    assert len(boxes) == len(src.checkboxes)
    assert "check_physical_violence" in boxes
    # Long answers are multi-line boxes.
    assert int(fields["what_happened"].get("/Ff", 0)) & (1 << 12)


def test_the_zip_holds_every_file(pub, folder):
    with zipfile.ZipFile(folder / zip_name()) as z:
        names = sorted(Path(n).name for n in z.namelist())
        expected = sorted(f"{t.slug}{suffix}" for t in pub.templates for suffix, _ in step.formats_for(t))
        assert names == expected
        for n in z.namelist():
            assert z.read(n) == (folder / Path(n).name).read_bytes()


def test_markdown_download_keeps_the_source_and_its_fill_in_syntax(pub, folder):
    t = pub.template("community-member-agreement")
    md = (folder / f"{t.slug}.md").read_text(encoding="utf-8")
    assert md.startswith(f"# {t.title}\n")
    assert t.body.strip() in md
    assert "[[Organization name]]" in md


def test_an_unchanged_build_reuses_every_file(pub, site, tmp_path, monkeypatch):
    def fail(*args):
        raise AssertionError("a template was rendered again although nothing changed")
    monkeypatch.setattr(step, "_render", fail)
    records = step.build_templates(pub, tmp_path, site / "downloads")
    built = site / "downloads" / "templates"
    for f in (f for f in built.rglob("*") if f.is_file()):   # the Spanish ones in es/ too
        assert (tmp_path / "templates" / f.relative_to(built)).read_bytes() == f.read_bytes(), f.name
    english = [r for r in records if r.language == "en"]
    assert len(english) == len(pub.templates) + 1


def test_a_changed_template_is_the_only_one_rendered_again(pub, site, tmp_path, monkeypatch):
    changed = pub.template("post-incident-debrief")
    monkeypatch.setattr(changed, "summary", changed.summary + " Changed.")
    rendered = []
    monkeypatch.setattr(step, "_render", lambda pub, t, folder: rendered.append(t.slug) or [
        (folder / f"{t.slug}{s}").write_bytes(b"x" * 600) for s, _ in step.formats_for(t)])
    step.build_templates(pub, tmp_path, site / "downloads")
    assert rendered == ["post-incident-debrief"]


def test_download_records_list_each_format_with_its_size(pub, site):
    records = step._records(pub, pub.templates, site / "downloads" / "templates")
    by_slug = {getattr(r, "slug", ""): r for r in records}
    report = by_slug["incident-report-form"]
    assert report.group == "templates" and report.url == "templates/incident-report-form/"
    assert [f["label"] for f in report.files] == ["Word (DOCX)", "LibreOffice (ODT)", "PDF (A4)", "PDF (US Letter)",
                                                 "Markdown", "Fillable PDF (A4)", "Fillable PDF (US Letter)"]
    assert re.search(r"Word \(DOCX\) \d+ KB, LibreOffice \(ODT\) \d+ KB, PDF \(A4\) \d+ KB, "
                     r"PDF \(US Letter\) \d+ KB", report.meta)
    assert by_slug[""].url == "downloads/templates/space-hacks-templates.zip"


def test_word_and_libreoffice_files_are_the_same_bytes_on_every_build(tmp_path):
    import sys

    from paths import ROOT

    from spacehacks.templates.step import FIXED_TIME

    script = (
        "import hashlib, sys; from pathlib import Path\n"
        "from spacehacks.load import load_publication\n"
        "from spacehacks.templates.step import _render\n"
        "pub, _ = load_publication(Path(sys.argv[1])); t = pub.templates[0]; out = Path(sys.argv[2])\n"
        "out.mkdir(); _render(pub, t, out)\n"
        "print(*(hashlib.sha256((out / (t.slug + s)).read_bytes()).hexdigest() for s in ('.docx', '.odt')))\n")
    runs = [subprocess.run([sys.executable, "-c", script, str(ROOT), str(tmp_path / f"run{i}")],
                           capture_output=True, text=True, check=True).stdout for i in range(2)]
    assert runs[0] == runs[1]
    for package in [*(tmp_path / "run0").glob("*.docx"), *(tmp_path / "run0").glob("*.odt")]:
        assert {i.date_time for i in zipfile.ZipFile(package).infolist()} == {FIXED_TIME}, package.name


def test_template_reuse_notices_a_change_anywhere_under_the_fonts(repo_copy):
    from spacehacks.load import load_publication
    from spacehacks.templates.step import _kit_fingerprint

    pub, _ = load_publication(repo_copy)
    before = _kit_fingerprint(pub)
    extra = repo_copy / "theme" / "fonts" / "extra"
    extra.mkdir()
    (extra / "New.ttf").write_bytes(b"not really a font")
    assert _kit_fingerprint(pub) != before
