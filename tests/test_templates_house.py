"""The templates in the book's house style: its fonts and colors in Word's and LibreOffice's own
styles, fill-ins that both show as fill-ins, the organization's name at the head of each page,
'Page X of Y' and the licence at the foot, room to write by hand, and every page rendered by
LibreOffice holding something."""
from __future__ import annotations

import re
import subprocess
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn
from odf import style as odf_style
from odf import table as odf_table
from odf import text as odf_text
from odf.opendocument import load as load_odt
from office import page_images, to_pdf
from pypdf import PdfReader

from spacehacks.fonts import SANS, SERIF
from spacehacks.pdf.structure import MARGIN_ZONE, text_lines, words
from spacehacks.templates import step
from spacehacks.templates.house import ACCENT, FILL, FILL_STYLE, TEXT_STYLES


@pytest.fixture(scope="module")
def folder(pub, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("templates")
    step.build_templates(pub, out, None)
    return out / step.FOLDER


def files(pub, folder, suffix: str) -> list[Path]:
    return [folder / f"{t.slug}{suffix}" for t in pub.templates]


def test_word_styles_name_the_books_fonts_and_colors(pub, folder):
    for path in files(pub, folder, ".docx"):
        word = docx.Document(path)
        for name, font, size, bold, _, color in TEXT_STYLES:
            style = word.styles[name]
            fonts = style.element.rPr.rFonts
            assert fonts.get(qn("w:ascii")) == fonts.get(qn("w:hAnsi")) == font, (path, name)
            assert fonts.get(qn("w:asciiTheme")) is None and fonts.get(qn("w:hAnsiTheme")) is None
            assert str(style.font.color.rgb) == color and style.font.color.theme_color is None
            assert style.font.size.pt == size and bool(style.font.bold) == bold
        assert word.styles["Normal"].font.name == SERIF and word.styles["Heading 1"].font.name == SANS
        assert str(word.styles["Heading 1"].font.color.rgb) == ACCENT
        # and no paragraph is set in anything else
        body_fonts = {f.get(qn("w:ascii")) for f in word.element.body.iter(qn("w:rFonts"))}
        assert body_fonts <= {None, SERIF, SANS}, body_fonts


def test_word_fill_ins_are_shaded_content_controls_libreoffice_shows(pub, folder):
    for path in files(pub, folder, ".docx"):
        word = docx.Document(path)
        fill = word.styles[FILL_STYLE]
        assert fill.element.rPr.find(qn("w:shd")).get(qn("w:fill")) == FILL
        controls = list(word.element.body.iter(qn("w:sdt")))
        assert controls, path
        for sdt in controls:
            # rich text, not <w:text/>: LibreOffice makes a plain-text control a field without shading
            assert sdt.find(f"{qn('w:sdtPr')}/{qn('w:text')}") is None
            for run in sdt.iter(qn("w:r")):
                props = run.find(qn("w:rPr"))
                assert props.find(qn("w:rStyle")).get(qn("w:val")) == FILL_STYLE
                assert props.find(qn("w:shd")).get(qn("w:fill")) == FILL
                assert props.find(qn("w:highlight")) is not None


def test_word_header_has_the_organization_and_footer_page_x_of_y(pub, folder):
    for path, t in zip(files(pub, folder, ".docx"), pub.templates, strict=True):
        word = docx.Document(path)
        section = word.sections[0]
        header = section.header._element
        assert [a.get(qn("w:val")) for a in header.iter(qn("w:alias"))] == ["Organization name"]
        footer = section.footer._element
        codes = [f.get(qn("w:instr")).strip() for f in footer.iter(qn("w:fldSimple"))]
        assert codes == ["PAGE", "NUMPAGES"]
        text = "".join(x.text or "" for x in footer.iter(qn("w:t")))
        assert "Page 1 of 1" in text and pub.info["licence"] in text
        # the licence is in the footer, not a paragraph of its own at the end
        assert pub.info["licence"] not in word.paragraphs[-1].text, t.slug


def test_word_and_libreoffice_forms_leave_room_to_write(pub, folder):
    word = docx.Document(folder / "incident-report-form.docx")
    heights = [int(h.get(qn("w:val"))) for h in word.element.body.iter(qn("w:trHeight"))]
    assert heights and min(heights) >= 600  # at least about 1 cm a row, in twentieths of a point
    assert max(heights) >= 2000  # long answers get a box
    odt = load_odt(str(folder / "incident-report-form.odt"))
    rows = [s for s in odt.automaticstyles.getElementsByType(odf_style.Style)
            if s.getAttribute("family") == "table-row"]
    minimums = {s.getAttribute("name"): p.getAttribute("minrowheight") for s in rows
                for p in s.getElementsByType(odf_style.TableRowProperties)}
    used = {r.getAttribute("stylename") for r in odt.text.getElementsByType(odf_table.TableRow)}
    assert {minimums[n] for n in used if n in minimums} == {"1.2cm", "4cm"}


def _odt_styles(odt) -> dict:
    out = {}
    for s in [*odt.styles.getElementsByType(odf_style.Style), *odt.automaticstyles.getElementsByType(odf_style.Style)]:
        props = {}
        for p in s.childNodes:
            for (_, key), value in p.attributes.items():
                props[key] = value
        out[s.getAttribute("name")] = props
    return out


def test_libreoffice_files_use_the_same_fonts_as_word(pub, folder):
    for path in files(pub, folder, ".odt"):
        odt = load_odt(str(path))
        faces = {f.getAttribute("name") for f in odt.fontfacedecls.getElementsByType(odf_style.FontFace)}
        assert faces == {SERIF, SANS}
        styles = _odt_styles(odt)
        assert styles["Standard"]["font-name"] == SERIF
        assert all(styles[f"Heading_20_{n}"]["font-name"] == SANS for n in (1, 2, 3))
        assert styles["Heading_20_1"]["color"] == f"#{ACCENT}"
        assert styles["Fill"]["background-color"] == f"#{FILL}"


def test_libreoffice_fill_ins_header_and_footer(pub, folder):
    for path in files(pub, folder, ".odt"):
        odt = load_odt(str(path))
        fields = odt.text.getElementsByType(odf_text.TextInput)
        assert fields, path
        assert all(f.parentNode.getAttribute("stylename") == "Fill" for f in fields)
        master = odt.masterstyles.getElementsByType(odf_style.MasterPage)[0]
        header = master.getElementsByType(odf_style.Header)[0]
        assert [f.getAttribute("description") for f in header.getElementsByType(odf_text.TextInput)] == [
            "Organization name"]
        footer = master.getElementsByType(odf_style.Footer)[0]
        assert footer.getElementsByType(odf_text.PageNumber) and footer.getElementsByType(odf_text.PageCount)
        assert pub.info["licence"] in str(footer)
        paragraphs = odt.text.getElementsByType(odf_text.P)
        assert pub.info["licence"] not in str(paragraphs[-1])


def test_tick_box_lists_stay_on_one_page(folder):
    word = docx.Document(folder / "incident-report-form.docx")
    ticks = [p for p in word.paragraphs if p.text.startswith("\u2610")]
    assert ticks and sum(bool(p.paragraph_format.keep_with_next) for p in ticks) >= len(ticks) - 3
    odt = load_odt(str(folder / "incident-report-form.odt"))
    assert _odt_styles(odt)["Tick"]["keep-with-next"] == "always"
    assert "ul.sh-checklist { break-inside: avoid; }" in (Path(step.__file__).parent / "pdf.css").read_text()


@pytest.mark.parametrize(("suffix", "size"), [("-fillable.pdf", (595, 842)), ("-fillable-letter.pdf", (612, 792))])
def test_fillable_forms_in_a4_and_letter(pub, folder, suffix, size):
    path = folder / f"incident-report-form{suffix}"
    reader = PdfReader(path)
    box = reader.pages[0].mediabox
    assert (round(box.width), round(box.height)) == size
    assert "role" in reader.get_fields()
    # "Role:" and its box share a line
    words = subprocess.run(["pdftotext", "-bbox", "-f", "1", "-l", "1", str(path), "-"], capture_output=True,
                           text=True, check=True).stdout
    role = re.search(r'yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">Role:</word>', words)
    widget = next(a.get_object() for a in reader.pages[0]["/Annots"] if a.get_object().get("/T") == "role")
    ys = [float(box.height) - float(y) for y in widget["/Rect"][1::2]]  # top-down, either order
    middle = (float(role[1]) + float(role[2])) / 2
    assert role and min(ys) <= middle <= max(ys)
    # the licence is in the footer of every page, and no page holds only it
    pages = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout.split("\f")
    assert all("CC BY-NC-SA 4.0" in " ".join(p.split()) for p in pages[:-1])
    assert all(len(p.split()) > 40 for p in pages[:-1])


@pytest.mark.parametrize(("suffix", "size"), [(".pdf", (595, 842)), ("-letter.pdf", (612, 792))])
def test_every_template_prints_in_a4_and_letter(pub, folder, suffix, size):
    for t in pub.templates:
        path = folder / f"{t.slug}{suffix}"
        reader = PdfReader(path)
        assert {(round(p.mediabox.width), round(p.mediabox.height)) for p in reader.pages} == {size}, path.name
        pages = words(path)
        assert t.title in " ".join(text_lines(pages[0])), path.name
        for number, page in enumerate(pages, 1):
            # the licence and "Page X of Y" at every foot, and more than a runover above them
            foot = " ".join(w.text for w in page.words if w.y1 > page.height - MARGIN_ZONE)
            assert "CC BY-NC-SA 4.0" in foot and f"Page {number} of {len(pages)}" in foot, (path.name, number)
            assert len(text_lines(page)) > 3, (path.name, number, text_lines(page))


def test_downloads_list_both_papers_of_every_pdf(pub):
    for t in pub.templates:
        labels = [label for _, label in step.formats_for(t)]
        assert "PDF (A4)" in labels and "PDF (US Letter)" in labels, t.slug


def test_downloads_list_both_fillable_papers(pub):
    forms = [t for t in pub.templates if t.kind == "form"]
    labels = [label for suffix, label in step.formats_for(forms[0])]
    assert "Fillable PDF (A4)" in labels and "Fillable PDF (US Letter)" in labels


# The running header and footer every page of a template carries (templates/house.py).
RUNNING = re.compile(r"^(Organization: |.* template from |Page \d+ of \d+$)|Shared under|ShareAlike")


@pytest.mark.slow
def test_libreoffice_renders_every_page_of_every_template(pub, folder, tmp_path):
    sources = files(pub, folder, ".docx") + files(pub, folder, ".odt")
    pdfs = {}
    for suffix in (".docx", ".odt"):  # one run per format: the two would share PDF names
        pdfs.update(to_pdf([s for s in sources if s.suffix == suffix], tmp_path / suffix[1:]))
    for source, pdf in pdfs.items():
        assert pdf.is_file(), f"LibreOffice did not convert {source.name}"
        pages = page_images(pdf, tmp_path / source.suffix[1:])
        assert pages, source.name
        for number, (_, _, pixels) in enumerate(pages, 1):
            assert any(p < 200 for p in pixels), f"{source.name} page {number} is empty"
            # Blank means nothing but the running header and footer: a page must hold some of the
            # template's own words, three lines at least (fewer, on a last page, is a runover).
            words = subprocess.run(["pdftotext", "-f", str(number), "-l", str(number), str(pdf), "-"],
                                   capture_output=True, text=True, check=True).stdout.split("\n")
            own = [w for w in words if w.strip() and not RUNNING.search(w)]
            assert own, f"{source.name} page {number} is blank"
            # nor a runover of one or two lines
            assert len(own) > 2, f"{source.name} page {number} holds only {len(own)} line(s): {own}"
