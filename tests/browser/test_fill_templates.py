"""The templates page's form fills every template in with an organization's details, in the
browser: Chromium fills the form with hostile values, downloads the zip, and Python opens every
file (python-docx, odfpy), finds each value in its field, the other fill-ins still marked, and
nothing else changed; LibreOffice converts each filled file to PDF. Nothing leaves the page."""
from __future__ import annotations

import io
import json
import os
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from browsing import PHONE, Reader
from docx import Document as open_docx
from lxml import etree
from odf import teletype
from odf.opendocument import load as open_odt
from odf.text import Span, TextInput

pytestmark = pytest.mark.browser

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
NS = {"w": W, "text": TEXT}

# Values that would break XML written as text, or trip a careless filler.
HOSTILE = {
    "Organization name": "Dr. Ruiz & Sons \"Harm\" 'Reduction' </w:t> ]]> &amp; 🚀 Ñandú",
    "Program or site name": "מרכז שלום — مركز السلام",
    "Site address": "]]><w:t>injected</w:t><![CDATA[ 12 Main St.",
    "Approved by": ("Jordan & Lee <Director> " * 500)[:9_999] + "!",
    "Contact person": "&lt;b&gt; $& $1 😀👩🏽‍⚕️ ́combining",
    "Emergency number": "911 <script>alert(1)</script>",
    "Review date": "March 2028",
    "Appeal contact": "\"]]></text:span><text:p>",
}
assert len(HOSTILE["Approved by"]) == 10_000


def _fields(site: Path, folder: str = "templates") -> dict:
    return json.loads((site / "downloads" / folder / "fields.json").read_text(encoding="utf-8"))


def _fill(page, values: dict[str, str]) -> None:
    for label, value in values.items():
        page.locator(f".sh-autofill [data-label=\"{label}\"]").fill(value)


def _download(page, click: str = "Download my filled-in templates") -> tuple[str, bytes]:
    with page.expect_download() as info:
        page.get_by_role("button", name=click).click()
    d = info.value
    return d.suggested_filename, Path(d.path()).read_bytes()


def _c14n(xml: bytes) -> bytes:
    return etree.tostring(etree.fromstring(xml), method="c14n")


def _expected_docx_part(xml: bytes, values: dict[str, str]) -> bytes:
    """The original part with the filled controls as the form must leave them."""
    tree = etree.fromstring(xml)
    for sdt in tree.iter(f"{{{W}}}sdt"):
        label = sdt.find("w:sdtPr/w:alias", NS).get(f"{{{W}}}val")
        if label not in values:
            continue
        sdt.find("w:sdtPr", NS).remove(sdt.find("w:sdtPr/w:showingPlcHdr", NS))
        run = sdt.find("w:sdtContent/w:r", NS)
        for c in list(run):
            if c.tag != f"{{{W}}}rPr":
                run.remove(c)
        t = etree.SubElement(run, f"{{{W}}}t")
        t.set(XML_SPACE, "preserve")
        t.text = values[label]
    return etree.tostring(tree, method="c14n")


def _expected_odt_part(xml: bytes, values: dict[str, str]) -> bytes:
    tree = etree.fromstring(xml)
    for field in list(tree.iter(f"{{{TEXT}}}text-input")):
        label = field.get(f"{{{TEXT}}}description")
        if label not in values:
            continue
        parent = field.getparent()
        text = values[label] + (field.tail or "")
        before = field.getprevious()
        if before is not None:
            before.tail = (before.tail or "") + text
        else:
            parent.text = (parent.text or "") + text
        parent.remove(field)
    return etree.tostring(tree, method="c14n")


WORD_PARTS = re.compile(r"word/(document|header\d*|footer\d*|footnotes|endnotes)\.xml")
ODF_PARTS = re.compile(r"(content|styles)\.xml")


def _same_package_but_fields(original: bytes, filled: bytes, parts: re.Pattern[str], expect) -> None:
    a, b = zipfile.ZipFile(io.BytesIO(original)), zipfile.ZipFile(io.BytesIO(filled))
    assert b.namelist() == a.namelist()
    for name in a.namelist():
        if parts.fullmatch(name):
            assert _c14n(b.read(name)) == expect(a.read(name)), name
            assert b.read(name).startswith(b"<?xml"), name
        else:
            assert b.read(name) == a.read(name), name


def _check_docx(name: str, original: bytes, filled: bytes, values: dict[str, str]) -> None:
    _same_package_but_fields(original, filled, WORD_PARTS,
                             lambda xml: _expected_docx_part(xml, values))
    word = open_docx(io.BytesIO(filled))
    controls = word.element.body.findall(".//w:sdt", NS)
    for section in word.sections:          # the header and footer lines, where there are any
        for part in (section.header, section.footer):
            controls += part._element.findall(".//w:sdt", NS)
    assert controls, name
    for sdt in controls:
        label = sdt.find("w:sdtPr/w:alias", NS).get(f"{{{W}}}val")
        text = "".join(t.text or "" for t in sdt.iterfind(".//w:t", NS))
        highlighted = sdt.find("w:sdtContent/w:r/w:rPr/w:highlight", NS) is not None
        if label in values:
            assert text == values[label], (name, label)
            assert sdt.find("w:sdtPr/w:showingPlcHdr", NS) is None
        else:
            assert text == f"[{label}]", (name, label)
            assert sdt.find("w:sdtPr/w:showingPlcHdr", NS) is not None
        assert highlighted, (name, label)


def _check_odt(name: str, original: bytes, filled: bytes, values: dict[str, str]) -> None:
    _same_package_but_fields(original, filled, ODF_PARTS,
                             lambda xml: _expected_odt_part(xml, values))
    info = zipfile.ZipFile(io.BytesIO(filled)).infolist()
    assert info[0].filename == "mimetype" and info[0].compress_type == zipfile.ZIP_STORED
    doc = open_odt(io.BytesIO(filled))
    left = {f.getAttribute("description") for f in doc.getElementsByType(TextInput)}
    assert not left & set(values), name
    package = zipfile.ZipFile(io.BytesIO(original))
    used = _labels(package.read("content.xml")) | _labels(package.read("styles.xml"))
    assert left == used - set(values), name
    spans = [teletype.extractText(s) for s in doc.getElementsByType(Span)
             if s.getAttribute("stylename") == "Fill"]
    for label in used & set(values):
        assert values[label] in spans, (name, label)


def _labels(xml: bytes) -> set[str]:
    tree = etree.fromstring(xml)
    return {f.get(f"{{{TEXT}}}description") for f in tree.iter(f"{{{TEXT}}}text-input")}


def _check_markdown(name: str, original: bytes, filled: bytes, values: dict[str, str]) -> None:
    text = original.decode()
    for label in values:
        text = text.replace(f"[[{label}]]", "\0" + label + "\0")
    for label, value in values.items():
        text = text.replace("\0" + label + "\0", value)
    assert filled.decode() == text, name


CHECKS = {".docx": _check_docx, ".odt": _check_odt, ".md": _check_markdown}


def _check_zip(name: str, data: bytes, site: Path, values: dict[str, str],
               formats: tuple[str, ...] = (".docx", ".odt", ".md"),
               slugs: set[str] | None = None, where: str = "templates") -> dict[str, bytes]:
    folder = site / "downloads" / where
    z = zipfile.ZipFile(io.BytesIO(data))
    base = name.removesuffix(".zip")
    files = {n.removeprefix(base + "/"): z.read(n) for n in z.namelist()}
    assert all(n.startswith(base + "/") for n in z.namelist())
    templates = [t for t in _fields(site, where)["templates"] if slugs is None or t["slug"] in slugs]
    expected = {t["slug"] + s for t in templates for s in formats if (folder / (t["slug"] + s)).is_file()}
    assert set(files) == expected | {"README.txt"}
    for file, filled in files.items():
        if file == "README.txt":
            continue
        suffix = Path(file).suffix
        original = (folder / file).read_bytes()
        if suffix in CHECKS:
            CHECKS[suffix](file, original, filled, values)
        else:
            assert filled == original, file      # offered as it is
    return files


@pytest.fixture
def templates_page(open_reader, base_url) -> Reader:
    reader = open_reader("desktop")
    reader.page.goto(base_url + "templates/")
    return reader


def test_filled_templates_keep_every_value_as_text_and_change_nothing_else(templates_page, site, tmp_path) -> None:
    reader, page = templates_page, templates_page.page
    page.wait_for_load_state("networkidle")
    # The zip library and the filling code wait until the form is used.
    assert not [u for u in reader.requests if "fflate" in u or "fill-templates.js" in u]
    _fill(page, HOSTILE)
    page.get_by_label("Fillable PDF of the forms (US Letter), as it is").check()
    page.wait_for_function("() => window.__spacehacksFillReady === true")
    before = len(reader.requests)
    methods: list[str] = []
    page.on("request", lambda r: methods.append(r.method))
    name, data = _download(page)
    during = reader.requests[before:]
    assert name == "dr-ruiz-sons-harm-reduction-w-t-amp-nandu-space-hacks-templates.zip"
    files = _check_zip(name, data, site, HOSTILE, (".docx", ".odt", ".md", "-fillable-letter.pdf"))
    # Every request stayed on the site, read a published file, and carried none of the details.
    assert reader.foreign_requests() == []
    assert set(methods) <= {"GET"}
    assert all("/downloads/templates/" in u or "/assets/" in u for u in during), during
    assert not [u for u in reader.requests if "Ruiz" in u or "911" in u]
    readme = files["README.txt"].decode()
    assert "Organization name: Dr. Ruiz & Sons" in readme and "Left to fill in" in readme
    assert "  incident-report-form (.docx, .odt, .md): Date of incident, " in readme
    assert "nothing you typed\r\nwas sent anywhere" in readme
    assert "-fillable-letter.pdf" in readme.split("Offered as they are")[1] and "-fillable.pdf" not in readme
    _convert_with_libreoffice(files, tmp_path)


def _convert_with_libreoffice(files: dict[str, bytes], tmp_path: Path) -> None:
    soffice = shutil.which("soffice")
    assert soffice, "LibreOffice is missing: apt-get install libreoffice-writer-nogui"
    src = tmp_path / "filled"
    src.mkdir()
    names = [n for n in files if n.endswith((".docx", ".odt"))]
    for n in names:
        # One folder per format: LibreOffice names each PDF after its source file.
        (src / Path(n).suffix[1:]).mkdir(exist_ok=True)
        (src / Path(n).suffix[1:] / n).write_bytes(files[n])
    for kind in ("docx", "odt"):
        out = tmp_path / f"pdf-{kind}"
        sources = sorted((src / kind).iterdir())
        result = subprocess.run(
            [soffice, f"-env:UserInstallation={(tmp_path / 'lo-profile').as_uri()}", "--headless",
             "--convert-to", "pdf", "--outdir", str(out), *map(str, sources)],
            check=False, capture_output=True, text=True, timeout=600, env={**os.environ, "HOME": str(tmp_path)})
        assert result.returncode == 0, result.stderr
        for s in sources:
            pdf = out / (s.stem + ".pdf")
            assert pdf.is_file() and pdf.read_bytes().startswith(b"%PDF"), (s.name, result.stdout, result.stderr)


def test_the_details_are_kept_forgotten_exported_and_imported(templates_page, browser, base_url, tmp_path) -> None:
    page = templates_page.page
    values = {"Organization name": "Northside Outreach", "Emergency number": "911"}
    _fill(page, values)
    page.reload()
    assert page.locator(".sh-autofill [data-label='Organization name']").input_value() == "Northside Outreach"
    name, data = _download(page, "Save details as a file")
    assert name == "northside-outreach-details.json"
    assert json.loads(data)["fields"] == values
    page.get_by_role("button", name="Forget these details").click()
    assert page.locator(".sh-autofill [data-label='Organization name']").input_value() == ""
    assert page.evaluate("localStorage.getItem('spacehacks-fill-details')") is None
    page.reload()
    assert page.locator(".sh-autofill [data-label='Emergency number']").input_value() == ""
    # A second staff member, in another browser, loads the file.
    file = tmp_path / name
    file.write_bytes(data)
    other = Reader(browser.new_context(viewport=PHONE, service_workers="block"), base_url)
    try:
        other.page.goto(base_url + "templates/")
        other.page.get_by_label("Load details from a file").set_input_files(str(file))
        other.page.get_by_role("status").filter(has_text="Loaded 2 details").wait_for()
        assert other.page.locator(".sh-autofill [data-label='Emergency number']").input_value() == "911"
    finally:
        other.context.close()


def test_without_javascript_the_page_offers_every_template_and_says_what_the_form_needs(
        open_reader, base_url, pub) -> None:
    page = open_reader("phone", javascript=False).page
    page.goto(base_url + "templates/")
    assert page.locator(".sh-autofill form").is_hidden()
    assert "needs JavaScript" in page.locator(".sh-autofill__nojs").inner_text()
    for t in pub.templates:
        assert page.locator(f"a[href$='downloads/templates/{t.slug}.docx']").count() == 1


def test_no_other_page_loads_the_form(open_reader, base_url, pub) -> None:
    reader = open_reader("phone")
    for path in ("", pub.hacks[0].url, "downloads/", pub.templates[0].url):
        reader.page.goto(base_url + path)
        reader.page.wait_for_load_state("networkidle")
    assert not [u for u in reader.requests if "fill-" in u or "fflate" in u or "fields.json" in u]


def test_filling_works_opened_from_disk(browser, site) -> None:
    ctx = browser.new_context(viewport=PHONE)
    try:
        reader = Reader(ctx, site.as_uri() + "/")
        page = reader.page
        page.goto(reader.base_url + "templates/index.html")
        values = {"Organization name": HOSTILE["Organization name"], "Site address": HOSTILE["Site address"]}
        _fill(page, values)
        slugs = {"participant-grievance-procedure", "incident-report-form"}
        for box in page.locator("input[name=template]").all():
            if box.get_attribute("value") not in slugs:
                box.uncheck()
        page.get_by_label("Fillable PDF of the forms (US Letter), as it is").check()
        name, data = _download(page)
        files = _check_zip(name, data, site, values, slugs=slugs)
        assert "incident-report-form-fillable-letter.pdf" in files["README.txt"].decode()
        assert reader.foreign_requests() == []
    finally:
        ctx.close()


def test_after_one_visit_the_form_works_offline(open_reader, base_url, site) -> None:
    reader = open_reader("phone", service_workers=True)
    page = reader.page
    page.goto(base_url + "templates/")
    page.wait_for_function("() => navigator.serviceWorker.controller !== null", timeout=15_000)
    page.reload()       # the visit the worker sees: it saves what the form will load
    page.wait_for_function("""async () => { const c = await caches.open('spacehacks-v1');
        return (await c.match(new URL('../assets/vendor/fflate.min.js', location.href).href)) !== undefined
            && (await c.match(location.href)) !== undefined; }""", timeout=15_000)
    values = {"Organization name": "Offline Org"}
    _fill(page, values)
    _download(page)
    reader.context.set_offline(True)
    page.reload()
    assert page.locator(".sh-autofill [data-label='Organization name']").input_value() == "Offline Org"
    name, data = _download(page)
    _check_zip(name, data, site, values)


# The Spanish site's form fills the Spanish templates: their fill-ins carry the Spanish labels
# (content/templates/fields.es.yml), which the Spanish fields.json and form use too.
SPANISH = {
    "Nombre de la organización": "Centro Comunitario Ñandú & Asociados",
    "Persona de contacto": "María José Pérez <coordinadora>",
    "Número de emergencia": "911",
    "Fecha de revisión": "marzo de 2028",
}


def test_the_spanish_form_fills_the_spanish_templates(open_reader, base_url, site, tmp_path) -> None:
    data = _fields(site, "templates/es")
    assert data["language"] == "es"
    labels = {f["label"] for f in data["fields"]}
    assert set(SPANISH) <= labels and "Organization name" not in labels
    assert {g["title"] for g in data["groups"]} >= {"Tu organización", "Números y fechas"}
    assert {t["slug"] for t in data["templates"]} == {p.stem for p in (site / "downloads/templates/es").glob("*.odt")}
    reader = open_reader("desktop")
    page = reader.page
    page.goto(base_url + "es/templates/")
    page.wait_for_load_state("networkidle")
    form = page.locator(".sh-autofill")
    assert "Completa tus datos una sola vez" in form.inner_text()
    assert "por ejemplo" in form.inner_text() and "for example" not in form.inner_text()
    _fill(page, SPANISH)
    page.wait_for_function("() => window.__spacehacksFillReady === true")
    name, zipped = _download(page, "Descargar mis plantillas completadas")
    assert name == "centro-comunitario-nandu-asociados-space-hacks-templates.zip"
    assert reader.foreign_requests() == []
    assert "Tu zip" in page.locator(".sh-autofill__status").inner_text()
    files = _check_zip(name, zipped, site, SPANISH, where="templates/es")
    assert any(f.endswith(".docx") for f in files) and any(f.endswith(".odt") for f in files)
    # The values are in place in python-docx's and odfpy's reading, the other fill-ins still marked.
    for file, body in files.items():
        if file.endswith(".docx"):
            text = "\n".join(p.text for p in open_docx(io.BytesIO(body)).paragraphs)
            assert "[Nombre de la organización]" not in text
        if file.endswith(".odt"):
            left = {f.getAttribute("description") for f in open_odt(io.BytesIO(body)).getElementsByType(TextInput)}
            assert left and not left & set(SPANISH), file
    readme = files["README.txt"].decode()
    assert "Plantillas de Space Hacks, completadas con tus datos" in readme
    assert "Nombre de la organización: Centro Comunitario Ñandú & Asociados" in readme
    assert "Por completar" in readme and "Left to fill in" not in readme
    # The English form keeps its own details: the Spanish ones are kept apart.
    kept = page.evaluate("() => Object.keys(localStorage)")
    assert "spacehacks-fill-details-es" in kept and "spacehacks-fill-details" not in kept
