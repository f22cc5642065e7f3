"""What readers do: move by keyboard, read without JavaScript, pick a random hack, search."""
from __future__ import annotations

import re

import pytest
from browsing import heading

from spacehacks.views import Views

pytestmark = pytest.mark.browser

FOCUSABLE = ("a[href], button, input:not([type=hidden]), select, textarea, summary, "
             "label[tabindex], [tabindex]:not([tabindex='-1'])")
# A focus indicator: an outline or a ring drawn with box-shadow.
FOCUS_STYLE = """el => { const s = getComputedStyle(el);
  return (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2) || s.boxShadow !== 'none'; }"""
VISIBLE = """el => { const r = el.getBoundingClientRect(), s = getComputedStyle(el);
  return r.width > 0 && r.height > 0 && s.visibility !== 'hidden' && s.opacity !== '0'; }"""


def _tab_through(page, limit=400):
    """Press Tab until focus comes back round; each stop: (element key, visible, indicated)."""
    stops = []
    for _ in range(limit):
        page.keyboard.press("Tab")
        key = page.evaluate("""() => { const el = document.activeElement;
            if (!el || el === document.body) return null;
            if (!el.dataset.shKey) el.dataset.shKey = String(Math.random());
            return el.dataset.shKey; }""")
        if key is None or (stops and key == stops[0][0]):
            break
        el = page.locator(f"[data-sh-key='{key}']")
        stops.append((key, el.evaluate(VISIBLE), el.evaluate(FOCUS_STYLE),
                      el.evaluate("el => el.outerHTML.slice(0, 120)")))
    return stops


@pytest.mark.parametrize("viewport", ["phone", "desktop"])
@pytest.mark.parametrize("path", ["", "hacks/"])
def test_keyboard_skip_link_and_visible_focus_on_every_control(open_reader, base_url, pub, viewport, path):
    page = open_reader(viewport).page
    page.goto(base_url + path)
    page.wait_for_load_state("networkidle")
    page.keyboard.press("Tab")
    skip = page.locator(":focus")
    assert skip.inner_text().strip() == "Skip to content"
    # Material fades the skip link in; wait for it to be fully shown.
    # A function, not an expression: Playwright evaluates an expression with eval, which the
    # pages' Content-Security-Policy refuses.
    page.wait_for_function("() => getComputedStyle(document.activeElement).opacity === '1'")
    assert skip.evaluate(VISIBLE) and skip.evaluate(FOCUS_STYLE)
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "sh-content"
    page.keyboard.press("Tab")
    first = page.locator(":focus")
    # After skipping, the next stop is inside the page's own content, past header and menu.
    assert first.evaluate("el => !!el.closest('.md-content')"), first.evaluate("el => el.outerHTML")

    page.goto(base_url + path)
    page.wait_for_load_state("networkidle")
    stops = _tab_through(page)
    shown = [s for s in stops if s[1]]
    assert len(shown) > 10
    unmarked = [html for _, visible, marked, html in shown if not marked]
    assert unmarked == [], "controls with no visible focus:\n" + "\n".join(unmarked)
    reached = {k for k, *_ in stops}
    # Every control a reader can see in the content is reachable by Tab.
    missing = page.evaluate("""([sel, reached]) => [
        ...document.querySelectorAll('.md-content ' + sel.split(', ').join(', .md-content '))]
        .filter(el => { const r = el.getBoundingClientRect(); return r.width > 0 && r.height > 0; })
        .filter(el => !reached.includes(el.dataset.shKey || '')).map(el => el.outerHTML.slice(0, 120))""",
                            [FOCUSABLE, list(reached)])
    assert missing == []


def _quote(page):
    return page.locator("[data-sh-quotes] .sh-quote__text").inner_text()


def test_quote_rotation_moves_and_can_be_paused(open_reader, base_url):
    page = open_reader("phone").page
    page.clock.install()
    page.goto(base_url)
    first = _quote(page)
    page.clock.run_for(13_000)
    second = _quote(page)
    assert second != first, "the quote should rotate"
    toggle = page.get_by_role("button", name="Pause quotes")
    toggle.focus()
    page.keyboard.press("Enter")
    assert page.locator(".sh-quote__toggle").get_attribute("aria-pressed") == "true"
    page.locator(".sh-quote__toggle").blur()
    page.clock.run_for(60_000)
    assert _quote(page) == second, "a paused quote must stay still"


def test_quote_stays_still_under_reduced_motion(open_reader, base_url):
    page = open_reader("phone", reduced_motion=True).page
    page.clock.install()
    page.goto(base_url)
    first = _quote(page)
    page.clock.run_for(120_000)
    assert _quote(page) == first
    # The reader can still move on by hand.
    page.get_by_role("button", name="Next quote").click()
    assert _quote(page) != first


def test_without_javascript_every_hack_is_reachable_from_home(open_reader, base_url, pub):
    page = open_reader("phone", javascript=False).page
    page.goto(base_url)
    page.get_by_role("link", name=re.compile(r"^All \d+ hacks$")).click()
    assert page.url == base_url + "hacks/"
    assert page.locator("form.sh-filter").is_hidden()   # filters need JavaScript: not offered
    assert page.get_by_text(f"There are {len(pub.hacks)} hacks").is_visible()
    hrefs = []
    while True:   # page by page, by the links a reader follows
        hrefs += page.locator(".sh-group .sh-hack__title").evaluate_all("els => els.map(a => a.href)")
        following = page.get_by_role("link", name="Next page")
        if not following.count():
            break
        following.click()
    assert hrefs == [base_url + h.url for h in pub.hacks]
    assert page.url == base_url + f"hacks/{len(Views(pub).all_hacks_pages)}/"
    for h in pub.hacks:
        response = page.goto(base_url + h.url)
        assert response.status == 200
        assert heading(page) == h.title


def test_without_javascript_random_offers_its_fallback(open_reader, base_url, pub):
    page = open_reader("phone", javascript=False).page
    page.goto(base_url + "random/")
    picks = page.locator(".sh-random .sh-hack__title")
    assert picks.count() >= 3
    urls = {base_url + h.url: h.title for h in pub.hacks}
    for a in picks.all():
        assert urls[a.evaluate("a => a.href")] == a.inner_text()
    picks.first.click()
    assert page.url in urls
    page.goto(base_url + "random/")
    page.get_by_role("link", name=re.compile("browse all")).click()
    assert page.url == base_url + "hacks/"


def test_random_lands_on_hacks_and_varies(open_reader, base_url, pub):
    reader = open_reader("phone")
    page = reader.page
    urls = {base_url + h.url for h in pub.hacks}
    landed = []
    for _ in range(30):
        page.goto(base_url + "random/")
        page.wait_for_url(lambda u: u in urls, timeout=10_000)
        landed.append(page.url)
    assert len(set(landed)) > 1, landed
    assert reader.foreign_requests() == []


def test_search_finds_a_hack_by_a_word_from_its_body(open_reader, base_url, body_word):
    from browsing import open_search
    word, hack = body_word
    page = open_reader("desktop").page
    page.goto(base_url + "quotes/")
    open_search(page)
    page.locator("input.md-search__input").press_sequentially(word)
    hit = page.locator(f".md-search-result__item a[href*='{hack.url}']").first
    hit.wait_for()
    hit.click()
    page.wait_for_url(re.compile(re.escape(hack.url)))
    assert heading(page) == hack.title
