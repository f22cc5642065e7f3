"""site/ opened from disk (file://), as a reader who was handed the folder would: links reach
pages (not folder listings), search finds a hack by a word from its body, random lands on a
hack, and nothing is asked of any other site. Without JavaScript every page still renders."""
from __future__ import annotations

import re

import pytest
from browsing import PHONE, Reader, heading, open_search, page_types, screenshot

from spacehacks.views import Views

pytestmark = pytest.mark.browser

# Every link of the page that stays on disk, as the browser resolves it.
LOCAL_LINKS = """() => [...document.querySelectorAll('a[href]')]
    .filter(a => a.protocol === 'file:' && !a.closest('[hidden]'))
    .map(a => a.href.split('#')[0].split('?')[0])"""


@pytest.fixture
def from_disk(browser, site):
    """Factory: a fresh reader of site/ straight from disk, with or without JavaScript."""
    contexts = []
    root = site.as_uri() + "/"

    def make(javascript=True):
        ctx = browser.new_context(viewport=PHONE, java_script_enabled=javascript)
        contexts.append(ctx)
        return Reader(ctx, root)

    yield make
    for c in contexts:
        c.close()


def _visit(page, locator, expected_url: str, title: str):
    locator.click()
    page.wait_for_url(expected_url)
    assert heading(page) == title


def test_links_lead_from_page_to_page(from_disk, site, pub):
    reader = from_disk()
    page, root = reader.page, reader.base_url
    hack = next(h for h in pub.hacks if h.featured)
    page.goto(root + "index.html")
    content = page.locator(".md-content")
    _visit(page, content.locator(f"a[href='{hack.section.url}index.html']").first,
           root + hack.section.url + "index.html", hack.section.title)
    _visit(page, content.locator(f"a[href='{hack.category.slug}/index.html']").first,
           root + hack.category.url + "index.html", hack.category.title)
    _visit(page, content.get_by_role("link", name=hack.title, exact=True).first,
           root + hack.url + "index.html", hack.title)
    screenshot(page, "from-disk-hack-phone")
    # Pager and breadcrumb ("../" links) and the header's home link ("../../..") lead to pages.
    pager = page.locator(".sh-pager a").first
    assert pager.get_attribute("href").endswith("/index.html")
    pager.click()
    page.wait_for_url(re.compile(r".*/index\.html$"))
    assert heading(page) in {h.title for h in pub.hacks} - {hack.title}   # the pager runs on across categories
    page.go_back()
    _visit(page, page.locator(".sh-breadcrumb a").first, root + hack.section.url + "index.html", hack.section.title)
    # (In the drawer, closed on a phone: clicked as a script would.)
    page.locator(".md-nav--primary a.md-nav__link", has_text="Home").dispatch_event("click")
    page.wait_for_url(root + "index.html")
    _visit(page, page.get_by_role("link", name=re.compile(r"^All \d+ hacks$")),
           root + "hacks/index.html", "All hacks")
    assert page.locator(".sh-group .sh-hack__title").count() == len(Views(pub).all_hacks_pages[0])
    page.go_back()
    assert page.url == root + "index.html"
    assert page.locator(".sh-home__title").is_visible()
    screenshot(page, "from-disk-home-phone")
    assert reader.foreign_requests() == []


@pytest.mark.parametrize("kind", ["home", "section", "category", "hack", "all-hacks", "tags", "about-page"])
def test_every_link_on_a_page_opens_a_file(from_disk, site, pub, kind):
    """Header, navigation, breadcrumb, content, pager, tags, featured cards: no link of the page
    leaves the reader in a folder listing."""
    reader = from_disk()
    page = reader.page
    page.goto(reader.base_url + page_types(pub)[kind] + "index.html")
    page.wait_for_load_state("load")
    links = set(page.evaluate(LOCAL_LINKS))
    assert len(links) > 5
    folders = [u for u in links if u.endswith("/")]
    assert folders == [], f"{kind}: links to folders: {sorted(folders)[:10]}"
    missing = [u for u in links if not (site / u[len(reader.base_url):]).is_file()]
    assert missing == [], f"{kind}: links to nothing: {sorted(missing)[:10]}"
    assert reader.foreign_requests() == []


def test_search_finds_a_hack_by_a_word_from_its_body(from_disk, pub, body_word):
    word, hack = body_word
    reader = from_disk()
    page = reader.page
    page.goto(reader.base_url + "quotes/index.html")
    open_search(page)
    page.locator("input.md-search__input").press_sequentially(word)
    hit = page.locator(f".md-search-result__item a[href*='{hack.url}index.html']").first
    hit.wait_for()
    screenshot(page, "from-disk-search-results-phone")
    hit.click()
    page.wait_for_url(re.compile(re.escape(hack.url) + r"index\.html"))
    assert heading(page) == hack.title
    # Material's worker ran in the vendored shim, on the index inlined for disk; nothing else.
    assert any(u.endswith("assets/vendor/iframe-worker.min.js") for u in reader.requests)
    assert any(u.endswith("search/search_index.js") for u in reader.requests)
    assert reader.foreign_requests() == []


def test_random_lands_on_a_hack_page(from_disk, pub):
    reader = from_disk()
    page = reader.page
    hacks = {reader.base_url + h.url + "index.html" for h in pub.hacks}
    landed = set()
    for _ in range(8):
        page.goto(reader.base_url + "random/index.html")
        page.wait_for_url(lambda u: u in hacks, timeout=10_000)
        landed.add(page.url)
    assert len(landed) > 1
    # From the whole manifest (assets/hacks.js), not only the five hacks the page lists.
    assert any(u.endswith("assets/hacks.js") for u in reader.requests)
    assert reader.foreign_requests() == []


@pytest.mark.parametrize("kind", ["home", "hack", "all-hacks", "random"])
def test_without_javascript_every_page_renders(from_disk, pub, kind):
    """Without JavaScript, links from disk end at a folder (a browser that lists it shows
    index.html one click on; Chromium's listing itself needs JavaScript); what each page holds
    must still render, styled."""
    reader = from_disk(javascript=False)
    page = reader.page
    page.goto(reader.base_url + page_types(pub)[kind] + "index.html")
    assert page.locator("h1").first.is_visible()
    assert page.locator(".md-header").evaluate("el => getComputedStyle(el).backgroundColor") != "rgba(0, 0, 0, 0)"
    if kind == "all-hacks":
        assert page.locator(".sh-group .sh-hack__title").count() == len(Views(pub).all_hacks_pages[0])
    # The shim and the link fixer are only ever loaded by script.
    assert not any("iframe-worker" in u or "from-disk" in u for u in reader.requests)
    screenshot(page, f"from-disk-nojs-{kind}-phone")
