"""The site as designed for readers: the home page's order, a hack page's parts, random picks
that say so, jump lists, download buttons, quotes, the footer, the 404 page under a sub-path,
the dark scheme and the accessibility statement written from what the tests run."""
from __future__ import annotations

import functools
import http.server
import re
import threading
from pathlib import Path
from urllib.parse import urljoin

import pytest
from browsing import describe, heading, page_types, run_axe, screenshot

from spacehacks.accessibility import PAGE_LABELS, REFLOW_SIZES, VIEWPORTS
from spacehacks.views import FEATURED_ON_HOME, RELATED_AT_MOST

pytestmark = pytest.mark.browser


def test_home_page_leads_with_what_is_urgent_then_the_sections(open_reader, base_url, pub):
    page = open_reader("desktop").page
    page.goto(base_url)
    assert page.title() == f"{pub.info['title']}: {pub.info['subtitle']}"
    order = page.locator(".sh-home h2").evaluate_all("hs => hs.map(h => h.textContent.trim())")
    assert order[:2] == ["Right now", "Sections"], order
    now = page.locator(".sh-now__link")
    assert now.count() >= 3
    for a in now.all():
        assert a.evaluate("a => a.getBoundingClientRect().height") >= 44
    landed = now.first.get_attribute("href")
    assert "overdose" in landed
    counts = page.locator(".sh-sections__item .sh-count").all_inner_texts()
    assert len(counts) == len(pub.sections) and all(re.search(r"\d", c) for c in counts)
    cards = page.locator(".sh-home .sh-cards > .sh-card").count()
    assert 3 <= cards <= FEATURED_ON_HOME
    # Lines of at most about 75 characters on a wide screen: count those on the first line.
    first_line = page.locator(".sh-home > p").nth(1).evaluate("""p => {
        const node = p.firstChild, r = document.createRange();
        let top = null, n = 0;
        for (let i = 0; i < node.textContent.length; i++) { r.setStart(node, i); r.setEnd(node, i + 1);
          const t = Math.round(r.getBoundingClientRect().top); if (top === null) top = t; if (t > top + 2) break; n++; }
        return n; }""")
    assert 40 < first_line <= 80, first_line


def test_hack_page_parts(open_reader, base_url, pub):
    page = open_reader("phone").page
    named = next(h for h in pub.hacks if h.templates)
    page.goto(base_url + named.url)
    use_with = page.locator(".sh-use-with a")
    assert use_with.all_inner_texts() == [pub.template(s).title for s in named.templates]
    # The box sits above the hack's own text.
    assert page.evaluate("""() => document.querySelector('.sh-use-with').compareDocumentPosition(
        document.querySelector('.sh-hack-body')) & Node.DOCUMENT_POSITION_FOLLOWING""")
    assert page.locator(".sh-posted", has_text="Posted in").count() == 0
    # On a phone, a short list of the hack's own headings, each leading to its heading.
    onpage = page.locator(".sh-onpage a")
    if onpage.count():
        assert onpage.first.is_visible()
        targets = onpage.evaluate_all("links => links.map(a => a.hash.slice(1))")
        assert all(page.locator(f".sh-hack-body [id='{t}']").count() == 1 for t in targets)
    # The breadcrumb's separators end a crumb; none can start a line.
    sep = page.locator(".sh-breadcrumb li").first.evaluate("li => getComputedStyle(li, '::after').content")
    assert "›" in sep
    for h in pub.hacks:
        page.goto(base_url + h.url)
        related = page.locator(".sh-related .sh-hack__title").all_inner_texts()
        pager = [t.split("\n")[-1].strip() for t in page.locator(".sh-pager a").all_inner_texts()]
        assert len(related) <= RELATED_AT_MOST and not set(related) & set(pager), (h.slug, related, pager)
    # The last hack of a category leads on into the next one.
    last = pub.categories[0].hacks[-1]
    page.goto(base_url + last.url)
    nxt = page.locator(".sh-pager__next")
    assert nxt.get_attribute("href").endswith(pub.categories[1].hacks[0].url.split("/")[-2] + "/")
    assert pub.categories[1].title in nxt.inner_text()


def test_on_this_page_is_on_every_screen_and_the_only_contents_list(open_reader, base_url, pub):
    """Material's own list (drawer and sidebar) is left empty on hack pages (issue 15)."""
    hack = max(pub.hacks, key=lambda h: h.body.count("\n## "))
    for size in ("phone", "desktop"):
        page = open_reader(size).page
        page.goto(base_url + hack.url)
        onpage = page.locator(".sh-onpage a")
        assert onpage.count() >= 3 and page.locator(".sh-onpage").is_visible(), size
        targets = onpage.evaluate_all("links => links.map(a => a.hash.slice(1))")
        assert all(page.locator(f".sh-hack-body [id='{t}']").count() == 1 for t in targets)
        assert page.locator(".md-sidebar--secondary a, .md-nav--primary a[href^='#']").count() == 0, size


def test_a_random_pick_says_so_and_offers_another(open_reader, base_url, pub):
    page = open_reader("phone").page
    urls = {base_url + h.url for h in pub.hacks}
    page.goto(base_url + "random/")
    page.wait_for_url(lambda u: u in urls, timeout=10_000)
    note = page.locator(".sh-random-note")
    note.wait_for()
    assert "random pick" in note.inner_text()
    screenshot(page, "random-pick-phone")
    first = page.url
    note.get_by_role("link", name="Show another").click()
    page.wait_for_url(lambda u: u in urls and u != base_url + "random/", timeout=10_000)
    page.locator(".sh-random-note").wait_for()
    # Reached any other way, a hack page says nothing of the kind.
    page.goto(first)
    assert page.locator(".sh-random-note").count() == 0


def test_section_pages_have_a_jump_list(open_reader, base_url, pub):
    page = open_reader("phone").page
    section = max(pub.sections, key=lambda s: len(s.categories))
    page.goto(base_url + section.url)
    jumps = page.locator(".sh-jump a")
    assert jumps.count() == len(section.categories)
    jumps.last.click()
    assert page.url.endswith("#cat-" + section.categories[-1].slug)
    # Category headings are links, but not underlined until pointed at.
    deco = page.locator(".sh-category h2 a").first.evaluate("a => getComputedStyle(a).textDecorationLine")
    assert deco == "none"


def test_downloads_are_links_shaped_as_44px_buttons(open_reader, base_url):
    page = open_reader("phone").page
    page.goto(base_url + "downloads/")
    links = page.locator(".sh-downloads a")
    assert links.count() > 0
    for a in links.all():
        assert a.evaluate("a => a.getBoundingClientRect().height") >= 44
        assert a.get_attribute("href")


def test_quotes_are_marked_once_and_attributed_from_their_start(open_reader, base_url):
    page = open_reader("desktop").page
    page.goto(base_url + "quotes/")
    for fig in page.locator(".sh-quotes .sh-quote").all():
        text = fig.locator(".sh-quote__text p")
        shown = text.evaluate("""p => {
            const s = getComputedStyle(p, '::before').content, e = getComputedStyle(p, '::after').content;
            const strip = c => c === 'none' ? '' : c.replace(/^"|"$/g, '');
            return strip(s) + p.textContent.trim() + strip(e); }""")
        assert not re.search(r'[”"]{2}$', shown) and not re.match(r'^[“"]{2}', shown), shown
        by = fig.locator(".sh-quote__by")
        if by.count():
            assert abs(by.evaluate("e => e.getBoundingClientRect().left") -
                       text.evaluate("e => e.getBoundingClientRect().left")) < 2


@pytest.mark.parametrize("viewport", ["phone", "desktop"])
def test_every_page_has_a_footer_with_licence_publisher_contact_book_and_date(open_reader, base_url, pub, viewport):
    page = open_reader(viewport).page
    page.goto(base_url + pub.hacks[0].url)
    foot = page.locator("footer.sh-footer")
    text = foot.inner_text()
    assert pub.info["publisher"] in text and "CC BY-NC-SA" in text and "Last updated" in text
    assert foot.get_by_role("link", name=re.compile("PDF edition")).count() == 1
    assert foot.get_by_role("link", name=re.compile("Contact")).count() == 1
    href = foot.get_by_role("link", name=re.compile("PDF edition")).get_attribute("href")
    assert page.request.get(urljoin(page.url, href)).ok
    assert page.locator(".md-footer").count() == 0       # Material's empty one is gone
    screenshot(page, f"footer-{viewport}")


@pytest.mark.parametrize("viewport", ["phone", "desktop"])
@pytest.mark.parametrize("kind", ["home", "hack", "template", "section"])
def test_dark_scheme_follows_the_reader_and_stays_accessible(browser, base_url, pub, viewport, kind):
    size = VIEWPORTS[viewport]
    ctx = browser.new_context(viewport={"width": size.width, "height": size.height},
                              color_scheme="dark", service_workers="block")
    try:
        page = ctx.new_page()
        page.goto(base_url + page_types(pub)[kind])
        page.wait_for_load_state("networkidle")
        bg = page.evaluate("getComputedStyle(document.body).backgroundColor")
        channels = [int(c) for c in re.findall(r"\d+", bg)[:3]]
        assert max(channels) < 60, bg
        screenshot(page, f"dark-{kind}-{viewport}")
        violations = run_axe(page)
        assert violations == [], describe(violations)
    finally:
        ctx.close()


def test_our_own_mark_not_materials_book(open_reader, base_url):
    page = open_reader("desktop").page
    page.goto(base_url)
    mark = page.locator(".md-header .md-logo .sh-mark")
    assert mark.count() == 1
    box = mark.bounding_box()
    assert box is not None and box["width"] >= 20 and box["height"] >= 20
    # Drawn in the header's text colour, through our doorway as a mask.
    style = mark.evaluate("e => [getComputedStyle(e).maskImage, getComputedStyle(e).backgroundColor,"
                          " getComputedStyle(e.closest('.md-header')).color]")
    assert "data:image/svg+xml" in style[0] and style[1] == style[2]


def test_accessibility_statement_names_what_the_tests_run(open_reader, base_url, pub):
    page = open_reader("phone").page
    page.goto(base_url + "accessibility/")
    text = page.locator(".md-content").inner_text()
    assert "WCAG 2.2" in text and "PDF/UA-1" in text and "Report a problem" in text
    for size in [*VIEWPORTS.values(), *REFLOW_SIZES.values()]:
        assert size.what in text, size.what
    for kind in page_types(pub):
        assert PAGE_LABELS[kind] in text, kind


class _SubPathHandler(http.server.SimpleHTTPRequestHandler):
    """The site under /sub/, with its 404.html for anything missing, as GitHub Pages serves a
    project site."""
    prefix = "/sub/"

    def log_message(self, *args):
        pass

    def send_head(self):
        if not self.path.startswith(self.prefix):
            self.send_error(404)
            return None
        self.path = "/" + self.path[len(self.prefix):]
        target = Path(self.translate_path(self.path))
        if target.is_dir():
            target = target / "index.html"
        if not target.exists():
            body = (Path(self.directory) / "404.html").read_bytes()
            self.send_response(404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
            return None
        return super().send_head()


@pytest.fixture(scope="module")
def sub_path_site(tmp_path_factory):
    from minirepo import minimal, write

    from spacehacks.publish import build_site, check
    root = minimal(tmp_path_factory.mktemp("subpath") / "repo")
    write(root, "content/media/README.txt", "Images pages link to.\n")
    write(root, "content/publication.yml", "title: T\nsubtitle: S\npublisher: P\nlanguage: en\ndescription: D\n"
                                           "site_url: https://example.org/sub/\n")
    for name in ("theme", "mkdocs.yml"):
        src = Path(__file__).resolve().parents[2] / name
        dst = root / name
        if src.is_dir():
            import shutil
            shutil.copytree(src, dst, dirs_exist_ok=True)
        else:
            dst.write_bytes(src.read_bytes())
    out = root.parent / "site"
    build_site(root, out, check(root), [])
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_SubPathHandler, directory=str(out)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/sub/"
    httpd.shutdown()
    httpd.server_close()


def test_404_page_works_at_any_depth_under_a_sub_path(browser, sub_path_site):
    ctx = browser.new_context(service_workers="block")
    try:
        page = ctx.new_page()
        failed = []
        page.on("requestfailed", lambda r: failed.append(r.url))
        bad = []
        page.on("response", lambda r: bad.append(r.url)
                if r.status >= 400 and r.request.resource_type != "document" else None)
        response = page.goto(sub_path_site + "no/such/page/")
        assert response.status == 404
        page.wait_for_load_state("networkidle")
        assert heading(page) == "Page not found"
        assert failed == [] and bad == [], failed + bad
        assert page.locator(".md-header").evaluate("el => getComputedStyle(el).backgroundColor") != "rgba(0, 0, 0, 0)"
        assert page.locator("input.md-search__input").count() == 1
        page.get_by_role("link", name="All hacks").first.click()
        assert page.url == sub_path_site + "hacks/" and heading(page) == "All hacks"
        screenshot(page, "not-found-sub-path")
    finally:
        ctx.close()
