"""Search finds the answer first: queries a practitioner would type, each with the hack or
template that must be among the first three results, run in Chromium against the shipped site
as built for the web (Pagefind through Material's search box)."""
from __future__ import annotations

import pytest
from browsing import DESKTOP, open_search, search_for

pytestmark = pytest.mark.browser

# query -> the slugs of hacks or templates any one of which answers it (first three results).
RELEVANCE = {
    "naloxone": {"naloxone-overdose-response-keeping-services-open"},
    "overdose": {"naloxone-overdose-response-keeping-services-open", "overdose-and-medical-emergency-protocol"},
    "overamp": {"overamping-and-other-medical-emergencies"},
    "overamping": {"overamping-and-other-medical-emergencies"},
    "needle stick": {"sharps-handling-and-needle-stick-first-steps", "needle-stick-and-post-exposure-protocol"},
    "sharps": {"sharps-handling-and-needle-stick-first-steps"},
    "bathroom": {"shared-bathrooms-showers-laundry-lockers"},
    "burnout": {"recovering-after-a-hard-shift"},
    "burn out": {"recovering-after-a-hard-shift"},
    "grievance": {"making-grievances-easy-to-file", "participant-grievance-procedure"},
    "appeal": {"grievance-outcomes-in-writing-and-appeals"},
    "ban": {"temporary-restriction-notice", "returning-after-a-restriction"},
    "police": {"police-at-the-door-warrants-raids-and-immigration", "young-people-children-and-keeping-police-away"},
    "warrant": {"police-at-the-door-warrants-raids-and-immigration"},
    "incident report": {"incident-report-form"},
    "breathing": {"long-exhale-and-box-breathing", "naloxone-overdose-response-keeping-services-open"},
    "seizure": {"alcohol-and-benzodiazepine-withdrawal-seizures"},
    "neighbors": {"making-allies-of-neighbours"},
    "xylazine": {"naloxone-overdose-response-keeping-services-open"},
    "weapons": {"weapons-policy-without-searches"},
    "interpreter": {"language-access-and-interpretation"},
    "heat": {"overamping-and-other-medical-emergencies"},
    "suicide": {"responding-to-suicidal-thoughts-and-mental-health-crisis"},
    "debrief": {"post-incident-debrief", "five-minute-debrief-after-a-group-response"},
    "pronouns": {"names-pronouns-and-gender-affirming-service"},
    "confidentiality": {"confidentiality-and-release-of-information"},
    "code word": {"code-words-for-calling-in-colleagues"},
    "restorative consequences": {"menu-of-restorative-consequences"},
    "outreach van": {"setting-up-the-outreach-van"},
    "psychosis": {"mental-health-first-aid-in-the-moment"},
}


@pytest.fixture(scope="module")
def search_page(browser, base_url):
    context = browser.new_context(viewport=DESKTOP, service_workers="block")
    page = context.new_page()
    page.goto(base_url)
    open_search(page)
    yield page
    context.close()


def test_every_expected_answer_exists(pub):
    """A renamed hack must not silently turn a query's expectation into one nothing can meet."""
    slugs = {h.slug for h in pub.hacks} | {t.slug for t in pub.templates}
    assert {s for answers in RELEVANCE.values() for s in answers} - slugs == set()
    assert len(RELEVANCE) >= 25


@pytest.mark.parametrize("query", list(RELEVANCE))
def test_the_obvious_query_finds_the_obvious_hack_first(search_page, base_url, pub, query):
    urls = {base_url + h.url: h.slug for h in pub.hacks} | {base_url + t.url: t.slug for t in pub.templates}
    found = search_for(search_page, query)
    top = [urls.get(u, u) for u in found[:3]]
    assert RELEVANCE[query] & set(top), f"{query!r}: top three were {top}"


def test_results_are_short_and_a_glossary_does_not_outrank_hacks(search_page, base_url):
    found = search_for(search_page, "naloxone")
    assert not any(u.endswith("/acronyms/") for u in found[:3]), found[:3]
    excerpts = search_page.locator(".md-search-result__article p").all_inner_texts()
    assert excerpts and max(len(e) for e in excerpts) <= 260, [len(e) for e in excerpts]
    # Titles are headings of their own; the excerpt marks the word that was found.
    assert search_page.locator(".md-search-result__article mark").count() > 0

