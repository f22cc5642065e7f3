"""A hostile publication in Chromium: pages load, the hostile title is typed into search, and no
script from content runs and no request leaves the site. Then the same with the sanitizer and
the escaping deliberately switched off: the Content-Security-Policy alone must still hold."""
from __future__ import annotations

import pytest
from browsing import DESKTOP, PHONE, Reader, SiteServer, open_search, shared_browser
from hostile import SEARCH_WORD, build, hostile_repo

pytestmark = pytest.mark.browser

# With the sanitizer off, these reach the page as written; the policy must stop each one.
INJECTED = "\n\n".join([
    'Before. <img src="missing.png" alt="a" onerror="window.__pwned=(window.__pwned||[]).concat(\'handler\')">',
    '<img src="http://tracker.example/pixel.png" alt="remote">',
    '<img src="https://127.0.0.2/pixel.png" alt="other address">',
    "<script>window.__pwned=(window.__pwned||[]).concat('inline')</script>",
    '<script src="http://tracker.example/x.js"></script>',
    '<link rel="stylesheet" href="http://tracker.example/a.css">',
    '<p style="background:url(http://tracker.example/bg.png)">Styled.</p>',
    '<iframe srcdoc="<script>parent.__pwned=(parent.__pwned||[]).concat(\'srcdoc\')</script>"></iframe>',
    '<object data="http://tracker.example/x.swf"></object>',
    '<a id="jslink" href="javascript:window.__pwned=(window.__pwned||[]).concat(\'link\')">click</a>',
    "After.",
])
WATCH = """
window.__violations = [];
document.addEventListener('securitypolicyviolation', e => window.__violations.push(e.violatedDirective));
"""


@pytest.fixture(scope="module")
def browser():
    return shared_browser()


def _serve(site):
    server = SiteServer(site)
    return server


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("hostile-browser")
    site = build(hostile_repo(tmp / "repo", body=INJECTED), tmp / "site")
    server = _serve(site)
    yield server.url
    server.close()


@pytest.fixture(scope="module")
def bypassed_site(tmp_path_factory):
    """Built with the sanitizer and the title escaping replaced by functions that let all through."""
    from spacehacks import sanitize
    from spacehacks.site import pages
    tmp = tmp_path_factory.mktemp("bypassed-browser")
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(sanitize, "clean", lambda html: html)
        mp.setattr(sanitize, "text_only", lambda html: html)
        mp.setattr(pages, "escape", lambda text: text)
        site = build(hostile_repo(tmp / "repo", body=INJECTED), tmp / "site")
    page = (site / "sec" / "cat" / "zebra" / "index.html").read_text(encoding="utf-8")
    assert "onerror=\"window.__pwned" in page and "<script>window.__pwned" in page, "the bypass did not bypass"
    server = _serve(site)
    yield server.url
    server.close()


PAGES = ["", "sec/", "sec/cat/", "sec/cat/zebra/", "sec/cat/closing/", "about/", "hacks/", "tags/",
         "quotes/", "templates/", "templates/form/", "downloads/",
         # The filter of all hacks writes the hostile titles from hacks.json, and reads the address.
         "hacks/?tag=boundaries", "hacks/?section=sec&tag=%22%3E%3Cimg%20src%3Dx%20onerror%3Dwindow.__pwned%3D1%3E"]


def _reader(browser, base_url, viewport=DESKTOP):
    ctx = browser.new_context(viewport=viewport, service_workers="block")
    ctx.add_init_script(WATCH)
    # A request the policy blocks is announced but never sent; the route sees only what is sent.
    sent: list[str] = []
    ctx.route("**/*", lambda route: (sent.append(route.request.url), route.continue_()))
    reader = Reader(ctx, base_url)
    reader.sent = sent
    reader.blocked = []
    reader.page.on("requestfailed", lambda r: reader.blocked.append(r.url) if r.failure == "csp" else None)
    reader.dialogs = []
    reader.page.on("dialog", lambda d: (reader.dialogs.append(d.message), d.dismiss()))
    return reader


def _assert_nothing_ran(reader):
    page = reader.page
    page.wait_for_timeout(300)
    assert page.evaluate("window.__pwned === undefined"), page.evaluate("window.__pwned")
    assert reader.dialogs == []
    assert [u for u in reader.sent if not u.startswith(reader.base_url)] == []
    # Playwright announces blocked requests too: each one that did not go out is one the policy stopped.
    assert set(reader.foreign_requests()) <= set(reader.blocked)


@pytest.mark.parametrize("which", ["hostile_site", "bypassed_site"])
def test_no_page_runs_content_script_or_contacts_another_site(browser, request, which):
    base_url = request.getfixturevalue(which)
    reader = _reader(browser, base_url)
    try:
        for path in PAGES:
            reader.page.goto(base_url + path)
            assert reader.page.locator("h1").count() >= 1, path
            _assert_nothing_ran(reader)
    finally:
        reader.context.close()


@pytest.mark.parametrize("which", ["hostile_site", "bypassed_site"])
def test_typing_the_hostile_title_into_search_runs_nothing(browser, request, which):
    base_url = request.getfixturevalue(which)
    reader = _reader(browser, base_url, PHONE)
    try:
        page = reader.page
        page.goto(base_url + "sec/cat/")
        open_search(page)
        page.locator("input.md-search__input").press_sequentially(f"{SEARCH_WORD} <img")
        hit = page.locator(".md-search-result__item").first
        hit.wait_for(timeout=15_000)
        assert SEARCH_WORD in hit.inner_text()
        _assert_nothing_ran(reader)
    finally:
        reader.context.close()


def test_the_filter_of_all_hacks_shows_hostile_titles_as_text(browser, hostile_site):
    reader = _reader(browser, hostile_site, PHONE)
    try:
        page = reader.page
        page.goto(hostile_site + "hacks/?tag=boundaries")
        found = page.locator("[data-sh-results] .sh-hack__title")
        found.first.wait_for(timeout=15_000)
        assert SEARCH_WORD in found.first.inner_text()
        assert page.locator("[data-sh-results] img, [data-sh-results] script, [data-sh-results] iframe").count() == 0
        _assert_nothing_ran(reader)
    finally:
        reader.context.close()


def test_the_policy_is_what_stopped_the_bypassed_page(browser, bypassed_site):
    """Without the sanitizer, the handler, inline script, remote image and script link are all
    in the page; the browser reports each as blocked by the policy."""
    reader = _reader(browser, bypassed_site)
    try:
        page = reader.page
        page.goto(bypassed_site + "sec/cat/zebra/")
        page.locator("#jslink").click()
        _assert_nothing_ran(reader)
        blocked = set(page.evaluate("window.__violations"))
        assert {"script-src-attr", "script-src-elem", "img-src", "style-src-elem", "style-src-attr"} <= blocked, blocked
    finally:
        reader.context.close()


def test_the_shipped_site_breaks_no_rule_of_its_own_policy(browser, hostile_site):
    """Material's scripts, styles, search worker and our own run under the policy unchanged."""
    reader = _reader(browser, hostile_site)
    try:
        page = reader.page
        for path in PAGES:
            page.goto(hostile_site + path)
            page.wait_for_timeout(200)
            assert page.evaluate("window.__violations") == [], path
    finally:
        reader.context.close()
