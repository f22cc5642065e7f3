"""All hacks, a page of titles at a time, and its filter, which finds hacks on every page; the
tags page names a few hacks of each tag and links to the tag's own page for the rest (issue 15)."""
from __future__ import annotations

import pytest
from browsing import PHONE

from spacehacks.views import TAG_SHOWS, Views

pytestmark = pytest.mark.browser

HREFS = "els => els.map(a => a.href)"


def _spanning_tag(pub) -> str:
    """A tag with hacks on the first page and on a later one."""
    pages = Views(pub).all_hacks_pages
    assert len(pages) > 1, "the shipped hacks fit one page: nothing here would be tested"
    first = {t for h in pages[0] for t in h.tags}
    later = {t for p in pages[1:] for h in p for t in h.tags}
    return sorted(first & later)[0]


def _shown(page, pub, hacks):
    page.locator(".sh-filter__status").filter(has_text=f"Showing {len(hacks)} of {len(pub.hacks)} hacks.").wait_for()
    return page.locator("[data-sh-results] .sh-hack__title").evaluate_all(HREFS)


def test_the_filter_finds_hacks_on_every_page_and_clearing_it_brings_the_page_back(open_reader, base_url, pub):
    tag = _spanning_tag(pub)
    reader = open_reader("phone")
    page = reader.page
    page.goto(base_url + "hacks/")
    page.wait_for_load_state("networkidle")
    # The list of every hack is fetched when the filter needs it, not on the first load.
    assert not any(u.endswith("/hacks.json") for u in reader.requests)
    page.get_by_label("Tag", exact=True).select_option(tag)
    tagged = pub.hacks_tagged(tag)
    assert _shown(page, pub, tagged) == [base_url + h.url for h in tagged]
    assert page.locator("[data-sh-paged]").is_hidden()
    assert page.url == base_url + f"hacks/?tag={tag}"       # the filtered list can be shared
    # Grouped as the pages are: each heading leads to its section or category.
    first = tagged[0]
    group = page.locator("[data-sh-results] .sh-group").first
    assert group.locator("h2 a").evaluate("a => a.href") == base_url + first.section.url
    assert group.locator("h3 a").first.evaluate("a => a.href") == base_url + first.category.url

    section = next(s for s in pub.sections if any(h.section is s for h in tagged))
    page.get_by_label("Section", exact=True).select_option(section.slug)
    both = [h for h in tagged if h.section is section]
    assert _shown(page, pub, both) == [base_url + h.url for h in both]
    assert page.url == base_url + f"hacks/?section={section.slug}&tag={tag}"

    page.get_by_label("Section", exact=True).select_option("")
    page.get_by_label("Tag", exact=True).select_option("")
    assert page.locator("[data-sh-results]").is_hidden() and page.locator("[data-sh-paged]").is_visible()
    assert page.locator(".sh-filter__status").inner_text() == ""
    assert page.url == base_url + "hacks/"
    assert page.locator("[data-sh-paged] .sh-hack__title").count() == len(Views(pub).all_hacks_pages[0])
    assert reader.foreign_requests() == []


def test_the_tags_page_names_a_few_of_each_tag_and_links_to_the_rest(open_reader, base_url, pub):
    tag = max(pub.tags, key=lambda t: len(pub.hacks_tagged(t)))
    tagged = pub.hacks_tagged(tag)
    assert len(tagged) > TAG_SHOWS
    page = open_reader("phone").page
    page.goto(base_url + "tags/")
    block = page.locator(f"section[aria-labelledby='{tag}']")
    assert block.locator(".sh-hack__title").evaluate_all(HREFS) == [base_url + h.url for h in tagged[:TAG_SHOWS]]
    block.get_by_role("link", name=f"All {len(tagged)} hacks tagged “{pub.tags[tag].title}”").click()
    # The tag's own page, which needs no script: every hack that carries it, by title.
    page.wait_for_url(base_url + f"tags/{tag}/")
    assert page.locator("h1").inner_text() == f"Hacks tagged “{pub.tags[tag].title}”"
    assert page.locator("article .sh-hack__title").evaluate_all(HREFS) == [base_url + h.url for h in tagged]


def test_a_hack_s_tag_leads_to_that_tag_s_page_without_javascript(browser, base_url, pub):
    hack = next(h for h in pub.hacks if len(h.tags) > 1)
    context = browser.new_context(java_script_enabled=False, viewport=PHONE)
    page = context.new_page()
    page.goto(base_url + hack.url)
    tag = hack.tags[1]
    page.locator(".sh-tags").get_by_role("link", name=pub.tags[tag].title, exact=True).click()
    page.wait_for_url(base_url + f"tags/{tag}/")
    hrefs = page.locator("article .sh-hack__title").evaluate_all(HREFS)
    assert hrefs == [base_url + h.url for h in pub.hacks_tagged(tag)] and base_url + hack.url in hrefs
    context.close()


def test_an_address_asking_for_what_the_page_does_not_offer_is_ignored(open_reader, base_url, pub):
    page = open_reader("phone").page
    page.goto(base_url + "hacks/2/?tag=not-a-tag&section=%3Cimg%20src%3Dx%3E")
    page.wait_for_load_state("networkidle")
    assert page.locator("form.sh-filter").is_visible()
    for name in ("Tag", "Section"):
        assert page.get_by_label(name, exact=True).input_value() == ""
    assert page.locator("[data-sh-paged]").is_visible() and page.locator("[data-sh-results]").is_hidden()
    assert page.locator("[data-sh-paged] .sh-hack__title").count() == len(Views(pub).all_hacks_pages[1])


def test_the_spanish_filter_lists_the_spanish_pages(open_reader, base_url, pub):
    tag = _spanning_tag(pub)
    page = open_reader("phone").page
    page.goto(base_url + f"es/hacks/?tag={tag}")
    page.locator(".sh-filter__status").filter(has_text="Se muestran").wait_for()
    hrefs = page.locator("[data-sh-results] .sh-hack__title").evaluate_all(HREFS)
    assert hrefs == [base_url + "es/" + h.url for h in pub.hacks_tagged(tag)]
