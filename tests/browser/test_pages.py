"""Every page type at a phone and a desktop size: no accessibility violations (axe-core, WCAG 2.x
A and AA), no request to any other site, and a screenshot a person can look at."""
from __future__ import annotations

import pytest

from browsing import ROOT, VIEWPORTS, describe, open_search, page_types, run_axe, screenshot
from spacehacks.load import load_publication

PUB, _ = load_publication(ROOT)
TYPES = page_types(PUB)
pytestmark = pytest.mark.browser


@pytest.mark.parametrize("viewport", list(VIEWPORTS))
@pytest.mark.parametrize("kind", list(TYPES))
def test_page_is_accessible_private_and_pictured(open_reader, base_url, kind, viewport):
    reader = open_reader(viewport)
    page = reader.page
    if kind == "random":
        # With its script the random page moves on to a hack at once; audit what it shows
        # while it works (and what readers without JavaScript keep).
        reader.context.route("**/assets/pick.js", lambda route: route.abort())
    response = page.goto(base_url + TYPES[kind])
    assert response.status == 200, f"{kind}: {response.status} for {TYPES[kind]}"
    page.wait_for_load_state("networkidle")
    screenshot(page, f"{kind}-{viewport}")
    violations = run_axe(page)
    assert violations == [], f"{kind} at {viewport}:\n{describe(violations)}"
    assert reader.foreign_requests() == []
    # Nothing may push the page sideways: on a phone that hides text off the screen.
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= page.viewport_size["width"], f"{kind} at {viewport} is {width}px wide"


@pytest.mark.parametrize("viewport", list(VIEWPORTS))
def test_search_results_are_accessible_private_and_pictured(open_reader, base_url, viewport, body_word):
    word, hack = body_word
    reader = open_reader(viewport)
    page = reader.page
    page.goto(base_url)
    open_search(page)
    page.locator("input.md-search__input").press_sequentially(word)
    page.locator(f".md-search-result__item a[href*='{hack.slug}']").first.wait_for()
    screenshot(page, f"search-results-{viewport}")
    violations = run_axe(page)
    assert violations == [], f"search results at {viewport}:\n{describe(violations)}"
    assert reader.foreign_requests() == []
