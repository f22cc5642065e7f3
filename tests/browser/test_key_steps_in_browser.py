"""The key steps callout on an emergency hack: inside the screen at 320 px and 200 % text, axe clean
in the light and the dark scheme, and its link lands on the full steps."""
from __future__ import annotations

import pytest
from browsing import describe, enlarge_text, run_axe, screenshot

from spacehacks.accessibility import REFLOW_SIZES

pytestmark = pytest.mark.browser

NALOXONE = "naloxone-overdose-response-keeping-services-open"
# The callout and everything in it, measured against the viewport and against its own box.
OVERFLOW = """() => { const box = document.querySelector('.sh-keysteps'), width = document.documentElement.clientWidth;
  const out = [...box.querySelectorAll('*'), box].filter(el => {
    const r = el.getBoundingClientRect();
    return r.width > 0 && (r.right > width + 1 || el.scrollWidth > el.clientWidth + 1); });
  return out.map(el => el.outerHTML.slice(0, 80)); }"""


# The reflow suite's phone sizes: 320 px, and a 390 px phone at 200 % text. (At 320 px and 200 %
# together Material's header search button sticks out on every page, the callout's or not.)
PHONE_SIZES = {name: s for name, s in REFLOW_SIZES.items() if s.width < 1000}


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("size", list(PHONE_SIZES))
def test_key_steps_fit_320px_and_pass_axe(browser, base_url, pub, scheme, size):
    s = PHONE_SIZES[size]
    scale = s.text_scale
    ctx = browser.new_context(viewport={"width": s.width, "height": s.height}, color_scheme=scheme,
                              service_workers="block")
    try:
        page = ctx.new_page()
        enlarge_text(page, scale)
        page.goto(base_url + pub.hack(NALOXONE).url)
        page.wait_for_load_state("networkidle")
        box = page.locator(".sh-keysteps")
        assert box.is_visible()
        assert "911" in box.inner_text()
        assert page.evaluate(OVERFLOW) == []
        assert page.evaluate("document.documentElement.scrollWidth <= document.documentElement.clientWidth")
        screenshot(page, f"key-steps-{scheme}-{size}")
        violations = run_axe(page)
        assert violations == [], describe(violations)
    finally:
        ctx.close()


def test_the_key_steps_link_lands_on_the_full_steps(open_reader, base_url, pub):
    page = open_reader("phone").page
    page.goto(base_url + pub.hack(NALOXONE).url)
    link = page.locator(".sh-keysteps__more a")
    target = link.get_attribute("href")
    link.click()
    page.wait_for_function(f"location.hash === '{target}'")
    # The full sequence starts right below the target, now in view.
    first = page.locator(f"{target} + *, p:has({target}) + p").first
    assert "Recognize an overdose" in first.inner_text()
    assert first.evaluate("el => el.getBoundingClientRect().top < window.innerHeight")


def test_a_calm_hack_has_no_callout(open_reader, base_url, pub):
    page = open_reader("phone").page
    page.goto(base_url + next(h for h in pub.hacks if not h.passages).url)
    assert page.locator(".sh-keysteps").count() == 0
