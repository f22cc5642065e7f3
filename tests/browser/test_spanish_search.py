"""Search in the Spanish edition: a Spanish word finds the Spanish hack, with Spanish stemming,
and the English index is never fetched. Built from a small publication with one Spanish hack."""
from __future__ import annotations

import pytest
from browsing import DESKTOP, SiteServer, open_search, search_for
from minirepo import spanish_publication

from spacehacks.publish import publish

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def spanish_site(tmp_path_factory):
    root = spanish_publication(tmp_path_factory.mktemp("es-search"))
    server = SiteServer(publish(root, root / "site"))
    yield server.url
    server.close()


def test_spanish_search_finds_the_spanish_hack_without_the_english_index(browser, spanish_site):
    context = browser.new_context(viewport=DESKTOP, service_workers="block")
    page = context.new_page()
    fetched: list[str] = []
    page.on("request", lambda r: fetched.append(r.url))
    context.on("request", lambda r: fetched.append(r.url))   # the search worker's requests too
    page.goto(spanish_site + "es/")
    assert page.locator("html").get_attribute("lang") == "es"
    open_search(page)
    found = search_for(page, "naloxona")
    assert spanish_site + "es/sec/cat/first-hack/" in found
    # Spanish stemming: the plural finds the singular the hack uses.
    assert spanish_site + "es/sec/cat/first-hack/" in search_for(page, "prácticos")
    english_index = spanish_site + "pagefind/"
    assert any(u.startswith(spanish_site + "es/pagefind/") for u in fetched), fetched
    assert not any(u.startswith(english_index) for u in fetched), [u for u in fetched if u.startswith(english_index)]
    context.close()
