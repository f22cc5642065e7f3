"""The Spanish site and book say nothing of our own in English: every view page of the shipped
publication is rendered in English and in Spanish, and no sentence of the English interface (a
text that is not the content's own words) is left in the Spanish render; the Spanish book's
colophon is Spanish; our scripts get their words translated from the page."""
from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path

import jinja2
import pytest
from lxml import html as lxml_html
from paths import ROOT

from spacehacks.load import load_publication
from spacehacks.model import Publication
from spacehacks.pdf.book import Book
from spacehacks.script_strings import STRINGS
from spacehacks.views import Views


@pytest.fixture(scope="module")
def pubs() -> tuple[Publication, Publication]:
    pub, _ = load_publication(ROOT)
    return pub, pub.in_language("es")


def _not_found(pub: Publication) -> str:
    """theme/404.html's content block, as MkDocs renders it (no autoescape; our t and url)."""
    loader = jinja2.ChoiceLoader([jinja2.DictLoader({"main.html": "{% block content %}{% endblock %}"}),
                                  jinja2.FileSystemLoader(ROOT / "theme")])
    env = jinja2.Environment(loader=loader)
    env.filters["url"] = lambda u: u
    return env.get_template("404.html").render(t=pub.t, nav=[])


def pages(pub: Publication) -> dict[str, str]:
    v = Views(pub)
    translated = next(h for h in pub.hacks if h.language == "es") if pub.language == "es" else None
    hack = next(h for h in pub.hacks if h.slug == (translated or pub.hacks[0]).slug) if translated else None
    found: dict[str, Callable[[], str]] = {
        "home": v.home, "all hacks": v.all_hacks, "random": v.random, "quotes": v.quotes, "tags": v.tags,
        "offline": v.offline, "accessibility": v.accessibility, "downloads": v.downloads_page,
        "templates": v.templates_index, "footer": lambda: v.footer(""), "404": lambda: _not_found(pub)}
    out = {name: make() for name, make in found.items()}
    # Hacks, a template page, a section and a category, the same ones in both languages.
    for h in pub.hacks[:3] + [h for h in pub.hacks if h.featured][:2] + ([hack] if hack else []):
        out[f"hack {h.slug}"] = v.hack_header(h, [("A", "#a")] * 3) + v.hack_footer(h)
    out["template"] = v.template_page(pub.templates[0])
    out["section"], out["category"] = v.section(pub.sections[1]), v.category(pub.categories[2])
    return out


def texts(fragment: str) -> list[str]:
    """Every text node and every label read aloud (aria-label) of an HTML fragment."""
    doc = lxml_html.fromstring(f"<div>{fragment}</div>")
    # Scripts hold data; a template's preview is its own text (the content, English until translated).
    for skip in doc.xpath("//script | //*[contains(@class, 'sh-template-doc')]"):
        skip.drop_tree()
    found = [*doc.xpath("//text()"), *doc.xpath("//@aria-label")]
    return [t for t in (re.sub(r"\s+", " ", str(s)).strip() for s in found) if t]


def content_words(*views: Publication) -> str:
    """The content's own words, in both languages: they may show in either (the English text of a
    hack not yet translated, a quote in its original words, a name)."""
    words: list[str] = []
    for pub in views:
        for item in [*pub.hacks, *pub.sections, *pub.categories, *pub.pages, *pub.templates, *pub.quotes,
                     *pub.tags.values()]:
            for name in ("title", "summary", "tagline", "text", "attribution", "description", "body", "intro"):
                value = getattr(item, name, None)
                if isinstance(value, str):
                    words.append(value)
        words += [str(v) for v in pub.info.values() if isinstance(v, str)]
    return re.sub(r"\s+", " ", "\n".join(words))


# Words that are the same in both languages: names, formats, numbers.
SAME = re.compile(r"^[\W\d_]*$|^https?://\S+$|^(PDF|PDF/UA-1|Markdown|Word \(DOCX\)|LibreOffice \(ODT\)|"
                  r"axe-core|make site|Space Hacks|GitHub|Chromium)$")


def test_no_english_sentence_of_our_interface_is_left_on_the_spanish_site(pubs):
    en, es = pubs
    english, spanish = pages(en), pages(es)
    assert english.keys() == spanish.keys()
    content = content_words(en, es)
    catalogue = set(es.catalogues["es"].values())
    left: dict[str, list[str]] = {}
    for name, page in spanish.items():
        ours = {t for t in texts(english[name]) if t not in content and not SAME.match(t)}
        stayed = [t for t in texts(page) if t in ours and t not in catalogue]
        if stayed:
            left[name] = stayed
    assert left == {}, f"English interface words on the Spanish site: {left}"


def test_the_interface_check_sees_the_views_english(pubs):
    """The comparison above finds English when a view's sentence is not translated."""
    _, es = pubs
    missing = load_publication(ROOT)[0].in_language("es")
    missing.catalogues = {"es": {k: v for k, v in es.catalogues["es"].items() if not k.startswith("This page has")}}
    offline = texts(Views(missing).offline())
    assert any(t.startswith("This page has not been saved on this device yet") for t in offline)
    assert not any(t.startswith("This page has not been saved") for t in texts(Views(es).offline()))


def test_the_english_views_keep_their_words(pubs):
    en, _ = pubs
    home = re.sub(r"\s+", " ", lxml_html.fromstring(Views(en).home()).text_content())
    assert "It is a menu of options, not a to-do list: take what fits your program and leave the rest." in home
    assert "New here? Start with the introduction." in home
    assert "Page not found" in texts(_not_found(en))


def test_the_spanish_book_has_a_spanish_colophon_and_back_page(pubs):
    en, es = pubs
    for pub, words, absent in ((es, ("Publicado por", "Esta impresión se compuso el", "Contiene", "Licencia:"),
                                "Published by"),
                               (en, ("Published by", "This printing was set on", "It holds", "Licence:"),
                                "Publicado por")):
        doc = lxml_html.fromstring(Book(pub).html())
        (colophon,) = doc.xpath("//section[@id='colophon']")
        text = re.sub(r"\s+", " ", colophon.text_content())
        assert all(w in text for w in words), text
        assert absent not in text
        back = re.sub(r"\s+", " ", doc.xpath("//section[@id='back']")[0].text_content())
        assert ("Escrito por" in back) == (pub is es)
    appendix = re.sub(r"\s+", " ", lxml_html.fromstring(Book(es).html()).xpath(
        "//section[@id='templates']")[0].text_content())
    assert "Cada plantilla es un archivo editable" in appendix and "Each template" not in appendix


def test_our_scripts_get_their_words_translated_from_the_page(pubs):
    en, es = pubs
    assert 'id="sh-strings"' not in Views(en).footer("")   # English pages are as they were
    (block,) = lxml_html.fromstring(Views(es).footer("")).xpath("//script[@id='sh-strings']")
    assert block.get("type") == "application/json"   # data, not code: the CSP is unchanged
    strings = json.loads(block.text)
    assert set(strings) == set(STRINGS)
    assert strings["Showing {shown} of {total} hacks."] == "Se muestran {shown} de {total} hacks."
    # Each script asks for exactly the strings listed, so none is left out of the block.
    asked = set()
    for script in (ROOT / "theme" / "assets").glob("*.js"):
        asked |= {m.replace('" +\n        "', "").replace('" +\n      "', "")
                  for m in re.findall(r'\btr\("((?:[^"\\]|\\.|" \+\s+")*)"', script.read_text())}
    asked = {re.sub(r'" \+\s+"', "", a) for a in asked}
    assert asked == set(STRINGS)


def test_a_script_string_with_markup_stays_text(tmp_path: Path):
    from spacehacks.jsdata import script_json
    assert "</script>" not in script_json({"x": "</script><b>"})
