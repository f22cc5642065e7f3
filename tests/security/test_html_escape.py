"""Every front matter field that reaches an output, written by a hostile editor, shows as text in
every output: page header, nav, <title>, <meta>, search index, feed, hacks.json, assets/hacks.js,
featured.json, the PDF book's HTML and the template preview."""
from __future__ import annotations

import json
import re

import pytest
from hostile import (
    ALL_BODY_ATTACKS,
    CLOSERS,
    FIELDS,
    SEARCH_WORD,
    build,
    hostile_repo,
    live_markup,
    payload,
    text_files,
)
from lxml import etree
from pagefind_index import fragments

from spacehacks import views
from spacehacks.site.lazy_search import read_index_script


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """With a hack per category page, so the category's second page (its title and pager name the
    category) is one of the pages every test here reads."""
    tmp = tmp_path_factory.mktemp("hostile")
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(views, "CATEGORY_PER_PAGE", 1)
        return build(hostile_repo(tmp / "repo", body=ALL_BODY_ATTACKS), tmp / "site")


@pytest.fixture(scope="module")
def files(site):
    return text_files(site)


def test_no_page_holds_live_markup_from_content(files):
    pages = {path: live_markup(text) for path, text in files.items() if path.endswith(".html")}
    assert len(pages) > 8
    assert {path: bad for path, bad in pages.items() if bad} == {}


@pytest.mark.parametrize("path", ["sec/cat/zebra/index.html", "about/index.html"])
def test_bodies_the_engine_renders_are_sanitized(files, path):
    """Hack and page bodies are Markdown that MkDocs renders itself: the plugin sanitizes them."""
    html = files[path]
    assert not re.search(r"""=["']?[^"'>]*tracker\.example""", html), "an address of another site in an attribute"
    assert live_markup(html) == []
    assert not re.search(r"""href=["']?\s*(javascript|vbscript|data|file)""", html, re.I)
    assert html.count('id="__config"') == 1 and 'class="md-search__input"' in html
    assert "md-search__input\">x" not in html and "<iframe" not in html and "<svg><image" not in html


@pytest.mark.parametrize("field,n", sorted(FIELDS.items()))
def test_each_field_reaches_the_site_as_text(files, field, n):
    """Each payload is in the site (so the field really reaches it), and only escaped."""
    raw = payload(n)
    escaped = [raw.replace("<", "&lt;"), raw.replace("<", "\\u003c")]
    everywhere = "\n".join(files.values())
    assert any(e[:30] in everywhere for e in escaped), f"{field} reaches no output"
    assert all(raw not in text for path, text in files.items() if path.endswith((".html", ".js")))


def test_title_element_meta_and_nav_show_the_title_as_text(files):
    page = files["sec/cat/zebra/index.html"]
    title = re.search(r"<title>(.*?)</title>", page, re.S).group(1)
    assert title.startswith(f"{SEARCH_WORD} &lt;img src=x onerror=")
    closing = files["sec/cat/closing/index.html"]
    # '</title>' in a title stays inside the element.
    assert re.search(r"<title>Closing &lt;/title&gt;&lt;/script&gt;", closing)
    meta = re.search(r'<meta name="description" content="([^"]*)"', page).group(1)
    assert meta.startswith("Sum &lt;img")
    index = files["index.html"]
    assert re.search(r'<meta name="description" content="D &lt;img', index)
    second = files["sec/cat/2/index.html"]      # "{category}, page 2 of 2"
    assert re.search(r"<title>Cat &lt;img src=x onerror=[^<]*, page 2 of 2", second)
    assert re.search(r'<nav class="sh-pages" aria-label="Pages of Cat &lt;img src=x', second)
    tag = files["tags/boundaries/index.html"]   # a tag's own page
    assert re.search(r"<title>Hacks tagged “B &lt;img src=x onerror=", tag)
    assert re.search(r"<h1>Hacks tagged “B &lt;img src=x onerror=", tag)
    assert "Sec &lt;img src=x" in index   # the section's nav title


def test_search_index_titles_are_text(site):
    # The from-disk index (Lunr): Material shows its titles and texts as HTML, so they must hold
    # no live markup.
    script = (site / "search" / "search_index.js").read_text(encoding="utf-8")
    assert "</script" not in script.lower()
    index = read_index_script(site)
    for doc in index["docs"]:
        assert live_markup(doc["title"]) == [] and live_markup(doc["text"]) == [], doc["location"]
    assert any(doc["title"].startswith(f"{SEARCH_WORD} &lt;img") for doc in index["docs"])
    # Pagefind keeps text, not HTML; the search worker escapes what it shows (search-worker.js).
    found = fragments(site)
    assert any(d["title"].startswith(f"{SEARCH_WORD} <img") for d in found)


@pytest.mark.parametrize("path", ["assets/hacks.js", "assets/featured.json", "hacks.json"])
def test_data_files_keep_the_title_exactly(site, path):
    text = (site / path).read_text(encoding="utf-8")
    data = json.loads(re.sub(r"^var __hacks\s*=\s*", "", text).rstrip().rstrip(";"))
    hacks = data["hacks"] if isinstance(data, dict) else data
    titles = {h["title"] for h in hacks}
    assert f"Closing {CLOSERS}{payload(FIELDS['hack title closing tags'])}" in titles
    if path.endswith(".js"):
        # A JavaScript context: no character that can end the script or a line in it.
        assert not re.search("[<>&\u2028\u2029]", text)


def test_feed_keeps_titles_as_text(site):
    feed = etree.fromstring((site / "feed.xml").read_bytes())
    ns = {"a": "http://www.w3.org/2005/Atom"}
    titles = [t.text for t in feed.findall("a:entry/a:title", ns)]
    assert f"{SEARCH_WORD} {payload(FIELDS['hack title'])}" in titles
    assert feed.findall(".//{*}img") == []


def test_pdf_book_html_keeps_every_field_as_text(tmp_path):
    from spacehacks.load import load_publication
    from spacehacks.pdf.book import Book

    pub, _ = load_publication(hostile_repo(tmp_path))
    html = Book(pub).html()
    assert live_markup(html) == []
    assert "Zebrafish &lt;img" in html


def test_template_files_keep_the_title_as_text(tmp_path):
    from spacehacks.load import load_publication
    from spacehacks.template_document import parse
    from spacehacks.template_html import body_html

    pub, _ = load_publication(hostile_repo(tmp_path))
    doc = parse(pub.templates[0], pub.fill_ins)
    assert doc.title == "Form " + payload(FIELDS["template title"])
    assert live_markup(str(body_html(doc))) == []
