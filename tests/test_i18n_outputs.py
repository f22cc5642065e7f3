"""The Spanish edition in every output, built from a small publication: the site under /es/ (lang,
hreflang, the switcher, the honest notices), hacks.json and the feed, the PDF and a template in
Spanish; and the English outputs unchanged by the Spanish files beside them."""
from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from lxml import html as lxml_html
from minirepo import spanish_publication
from paths import ROOT

pytestmark = pytest.mark.slow

@pytest.fixture(scope="module")
def builds(tmp_path_factory) -> tuple[Path, Path]:
    """The same small publication built with and without its Spanish files, each by its own
    process as `build.py site` would be (odfpy remembers namespaces across documents)."""
    out = []
    for spanish in (True, False):
        root = spanish_publication(tmp_path_factory.mktemp("es" if spanish else "en"), spanish)
        subprocess.run([sys.executable, str(ROOT / "build.py"), "--root", str(root), "site"], check=True,
                       capture_output=True, timeout=1200, env={**os.environ, "SOURCE_DATE_EPOCH": "1767225600"})
        out.append(root / "site")
    return out[0], out[1]


def doc(site: Path, url: str):
    return lxml_html.fromstring((site / url / "index.html").read_bytes())


def test_the_spanish_site_is_under_es_in_spanish(builds):
    site, _ = builds
    page = doc(site, "es/sec/cat/first-hack")
    assert page.get("lang") == "es"
    assert page.xpath("//h1")[0].text_content().strip().startswith("Primer hack")
    assert "naloxona" in page.text_content()
    assert "Todos los hacks" in doc(site, "es/hacks").text_content()
    # Material's own interface in Spanish too (its search box's placeholder).
    home = (site / "es" / "index.html").read_text()
    assert "Búsqueda" in home or "Buscar" in home


def test_every_page_links_the_same_page_in_the_other_language(builds):
    site, _ = builds
    for url in ("", "sec/cat/first-hack", "sec/cat/second-hack", "hacks", "templates/a-short-form"):
        english, spanish = doc(site, url), doc(site, f"es/{url}".rstrip("/"))
        alt = {e.get("hreflang"): e.get("href") for e in english.xpath("//link[@rel='alternate'][@hreflang]")}
        assert (site / url / alt["es"]).resolve() == (site / "es" / url).resolve()
        alt = {e.get("hreflang"): e.get("href") for e in spanish.xpath("//link[@rel='alternate'][@hreflang]")}
        assert (site / "es" / url / alt["en"]).resolve() == (site / url).resolve()
        (switch,) = english.xpath("//nav[@class='sh-language']//a")
        assert switch.text_content() == "Español" and switch.get("lang") == "es"
        assert (site / url / switch.get("href") / "index.html").is_file()
        (back,) = spanish.xpath("//nav[@class='sh-language']//a")
        assert back.text_content() == "English"
        assert (site / "es" / url / back.get("href")).resolve() == (site / url).resolve()


def test_an_english_only_hack_says_so_in_spanish_and_a_translation_says_it_is_not_reviewed(builds):
    site, _ = builds
    fallback = doc(site, "es/sec/cat/second-hack")
    (notice,) = fallback.xpath("//aside[contains(@class, 'sh-translation-notice')]")
    assert "todavía no está traducido al español" in notice.text_content()
    assert "More text." in fallback.text_content()   # the English text, never a missing page
    # ... marked as English for screen readers and hyphenation; a translated page is not marked.
    (body,) = fallback.xpath("//div[@data-pagefind-body]")
    assert body.get("lang") == "en" and "More text." in body.text_content()
    assert doc(site, "es/sec/cat/first-hack").xpath("//div[@data-pagefind-body]")[0].get("lang") is None
    # In the Spanish lists too: the English title and summary say so, the Spanish ones need not.
    titles = doc(site, "es/hacks").xpath("//a[@class='sh-hack__title']")
    listed = {a.text_content().strip(): a.get("lang") for a in titles}
    assert listed["Second hack"] == "en" and listed["Primer hack"] is None
    translated = doc(site, "es/sec/cat/first-hack")
    (notice,) = translated.xpath("//aside[contains(@class, 'sh-translation-notice')]")
    assert "native speaker" in notice.text_content() or "nativa" in notice.text_content()
    (english,) = notice.xpath(".//a[@hreflang='en']")
    target = (site / "es" / "sec/cat/first-hack" / english.get("href")).resolve()
    assert target == (site / "sec/cat/first-hack").resolve()
    assert not doc(site, "sec/cat/first-hack").xpath("//aside[contains(@class, 'sh-translation-notice')]")


def test_hacks_json_and_the_feed_per_language(builds):
    site, _ = builds
    en = json.loads((site / "hacks.json").read_text())
    es = json.loads((site / "es" / "hacks.json").read_text())
    assert (en["language"], es["language"]) == ("en", "es")
    by_slug = {h["slug"]: h for h in es["hacks"]}
    assert (by_slug["first-hack"]["title"], by_slug["first-hack"]["language"]) == ("Primer hack", "es")
    assert by_slug["second-hack"]["language"] == "en"
    assert [h["url"] for h in en["hacks"]] == [h["url"] for h in es["hacks"]]
    assert 'xml:lang="es"' in (site / "es" / "feed.xml").read_text()


def test_the_spanish_pdf_editions_hold_the_spanish_text(builds):
    site, _ = builds
    for name in ("space-hacks-es.pdf", "space-hacks-es-a4.pdf"):
        text = subprocess.run(["pdftotext", str(site / "downloads" / name), "-"], capture_output=True,
                              text=True, check=True).stdout
        assert "Primer hack" in text and "naloxona" in text and "Índice" in text
    assert "Primer hack" not in subprocess.run(["pdftotext", str(site / "downloads" / "space-hacks.pdf"), "-"],
                                               capture_output=True, text=True, check=True).stdout
    downloads = doc(site, "es/downloads").text_content()
    assert "español" in downloads


def test_the_spanish_template_in_every_format_with_spanish_labels(builds):
    site, _ = builds
    folder = site / "downloads" / "templates" / "es"
    names = sorted(p.name for p in folder.iterdir())
    for suffix in (".docx", ".odt", ".pdf", ".md", "-fillable.pdf", "-fillable-letter.pdf"):
        assert f"a-short-form{suffix}" in names
    xml = zipfile.ZipFile(folder / "a-short-form.docx").read("word/document.xml").decode()
    words = re.sub(r"<[^>]+>", "", xml)
    assert "Qué pasó" in words and "Nombre de la organización" in words and "Organization name" not in words
    assert "[[Nombre de la organización]]" in (folder / "a-short-form.md").read_text()
    # Marked Spanish, so Word and LibreOffice spell-check it in Spanish; the English stays en-US.
    for where, tag in ((folder, "es-US"), (site / "downloads" / "templates", "en-US")):
        docx = zipfile.ZipFile(where / "a-short-form.docx")
        assert f'<w:lang w:val="{tag}"' in docx.read("word/styles.xml").decode()
        assert f"<dc:language>{tag}</dc:language>" in docx.read("docProps/core.xml").decode()
        odt = zipfile.ZipFile(where / "a-short-form.odt")
        assert f"<dc:language>{tag}</dc:language>" in odt.read("meta.xml").decode()
        language, country = tag.split("-")
        assert f'fo:language="{language}"' in odt.read("styles.xml").decode()
        assert f'fo:country="{country}"' in odt.read("styles.xml").decode()
    page = doc(site, "es/templates/a-short-form")
    hrefs = [a.get("href") for a in page.xpath("//a[@download]")]
    assert hrefs and all((site / "es" / "templates/a-short-form" / h).resolve().is_file() for h in hrefs)
    assert all("/templates/es/" in (site / "es" / "templates/a-short-form" / h).resolve().as_posix() for h in hrefs)


# What the Spanish files may add to the English site: their own folders and files, the links to
# them in <head>, the switcher, and the PDF step's record of what it made.
ADDED = re.compile(r'\s*<link rel="alternate" hreflang="[a-z]+" href="[^"]*">'
                   r'|\s*<nav class="sh-language".*?</nav>', re.DOTALL)


def bare(page: bytes) -> str:
    """A page without what the Spanish files may add to it (and the line breaks around it)."""
    return re.sub(r"\s+", " ", ADDED.sub("", page.decode()))


def test_the_english_outputs_are_unchanged_by_the_spanish_files(builds):
    with_es, without = builds
    def files(site: Path) -> dict[str, Path]:
        skip = ("es/", "downloads/templates/es/", "downloads/space-hacks-es")
        return {p.relative_to(site).as_posix(): p for p in site.rglob("*") if p.is_file()
                and not p.relative_to(site).as_posix().startswith(skip)
                and p.name not in ("pdf-edition.json", ".spacehacks-build")}
    a, b = files(with_es), files(without)
    assert sorted(a) == sorted(b)
    differ = []
    for name, path in a.items():
        one, two = path.read_bytes(), b[name].read_bytes()
        if one == two:
            continue
        if name.endswith(".html") and bare(one) == bare(two):
            continue
        differ.append(name)
    assert differ == []
