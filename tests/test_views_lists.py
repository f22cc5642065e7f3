"""Lists that would grow with the publication stay a page's worth (issue 15): all hacks a page of
titles at a time, a category a page of hacks at a time, a section's page a few hacks of each category,
the tags page a few of each tag."""
from __future__ import annotations

import re
import shutil

import pytest
from minirepo import HACK, minimal, only, write
from paths import ROOT

from spacehacks.depends import page_inputs
from spacehacks.load import load_publication
from spacehacks.problems import errors
from spacehacks.site.pages import site_pages
from spacehacks.views import (
    ALL_HACKS_PER_PAGE,
    SECTION_SHOWS,
    TAG_SHOWS,
    Views,
    all_hacks_url,
    category_pages,
    category_url,
    pages_of,
    tag_pages,
    tag_url,
)


@pytest.mark.parametrize(("n", "sizes"), [(0, [0]), (1, [1]), (60, [60]), (61, [31, 30]), (94, [47, 47]),
                                          (120, [60, 60]), (121, [41, 40, 40]), (1000, [59] * 14 + [58] * 3)])
def test_pages_are_as_few_and_as_even_as_can_be(n, sizes):
    pages = pages_of(list(range(n)), ALL_HACKS_PER_PAGE)
    assert [len(p) for p in pages] == sizes
    assert [x for p in pages for x in p] == list(range(n))


@pytest.fixture(scope="module")
def big(tmp_path_factory):
    """131 hacks in one category and one in a second category of the same section."""
    root = minimal(tmp_path_factory.mktemp("big"))
    shutil.copytree(ROOT / "theme", root / "theme")
    write(root, "content/sections/sec/other.md", "---\ntitle: Other\ntagline: Tag\norder: 2\n---\n\nIntro.\n")
    for i in range(130):
        write(root, f"hacks/sec/cat/hack-{i:03d}.md", HACK.format(title=f"Hack {i:03d}"))
    write(root, "hacks/sec/other/last.md", HACK.format(title="The last one").replace("[boundaries]", "[consent]"))
    pub, problems = load_publication(root)
    assert errors(problems) == [], problems
    return pub


def _titles(html: str) -> list[str]:
    return re.findall(r'class="sh-hack__title" href="[^"]*"[^>]*>([^<]+)<', html)


def test_all_hacks_come_in_pages_that_link_to_each_other(big):
    views = Views(big)
    pages = views.all_hacks_pages
    assert [len(p) for p in pages] == [44, 44, 44]
    seen = []
    for number in range(1, len(pages) + 1):
        html = views.all_hacks(number)
        seen += _titles(html)
        assert f"page {number} of 3." in html
        assert ('rel="prev"' in html) == (number > 1) and ('rel="next"' in html) == (number < 3)
        # Links are relative to the page's own address, so page 2 and on are one folder deeper.
        root = "../" if number == 1 else "../../"
        assert f'data-sh-root="{root}"' in html
        assert f'aria-current="page">{number}<' in html
    assert seen == [h.title for h in big.hacks]
    # The third page starts inside the category and names it again; the other category follows.
    third = views.all_hacks(3)
    assert third.index(">Cat</a></h3>") < third.index(">Other</a></h3>")
    # Each page is a page of the site, with an address of its own, and is rebuilt with the lists.
    srcs = [p.src for p in site_pages(big, views)]
    assert {"hacks/index.md", "hacks/2/index.md", "hacks/3/index.md"} <= set(srcs) and "hacks/4/index.md" not in srcs
    inputs = page_inputs(big)
    assert inputs[all_hacks_url(2)] == inputs[all_hacks_url(3)] == inputs["hacks/"]


def test_a_section_page_shows_a_few_of_each_category_and_links_to_the_rest(big):
    html = Views(big).section(big.sections[0])
    titles = _titles(html)
    assert titles == [h.title for h in big.categories[0].hacks[:SECTION_SHOWS]] + ["The last one"]
    assert '<a href="cat/">All 131 hacks in Cat</a>' in html
    assert "hacks in Other" not in html          # one hack: all of it is shown
    assert "There are 132 hacks in this section." in html


def test_the_tags_page_shows_a_few_of_each_tag_and_links_to_the_filter(big):
    html = Views(big).tags()
    boundaries = html[html.index('id="boundaries"'):html.index('id="consent"')]
    assert len(_titles(boundaries)) == TAG_SHOWS
    assert '<a href="boundaries/">All 131 hacks tagged “Boundaries”</a>' in boundaries
    consent = html[html.index('id="consent"'):]
    assert _titles(consent) == ["The last one"] and "hacks tagged" not in consent


def test_a_tag_has_pages_of_its_own(big):
    views = Views(big)
    pages = tag_pages(big, "boundaries")
    assert [len(p) for p in pages] == [44, 44, 43]
    seen = []
    for number in (1, 2, 3):
        html = views.tag("boundaries", number)
        seen += _titles(html)
        assert f"of 131, page {number} of 3." in html and f'aria-current="page">{number}<' in html
        assert ('rel="prev"' in html) == (number > 1) and ('rel="next"' in html) == (number < 3)
    assert seen == [h.title for h in big.hacks_tagged("boundaries")]
    one = views.tag("consent")
    assert _titles(one) == ["The last one"] and "There is 1 hack tagged “Consent”." in one and "sh-pages" not in one
    srcs = {p.src for p in site_pages(big, views)}
    assert {"tags/boundaries/index.md", "tags/boundaries/2/index.md", "tags/boundaries/3/index.md",
            "tags/consent/index.md"} <= srcs and "tags/consent/2/index.md" not in srcs
    inputs = page_inputs(big)
    assert inputs[tag_url("boundaries", 3)] == inputs[tag_url("consent")] == inputs["tags/"]


def test_a_long_category_comes_in_pages_with_their_summaries(big):
    views, category = Views(big), big.categories[0]
    pages = category_pages(category)
    assert [len(p) for p in pages] == [27, 26, 26, 26, 26]
    seen = []
    for number in range(1, 6):
        html = views.category(category, number)
        titles = _titles(html)
        assert titles == [h.title for h in pages[number - 1]]
        assert html.count('class="sh-hack__summary"') == len(titles)
        first = len(seen) + 1
        assert f"Hacks {first} to {first + len(titles) - 1} of 131, page {number} of 5." in html
        seen += titles
        assert ('rel="prev"' in html) == (number > 1) and ('rel="next"' in html) == (number < 5)
        assert f'aria-current="page">{number}<' in html
        assert ("<p>Intro.</p>" in html) == (number == 1)    # the category's own text, once
        # Page 2 and on are one folder deeper: the section is one more step up.
        assert ('href="../"' if number == 1 else 'href="../../"') in html
    assert seen == [h.title for h in category.hacks]
    assert "sh-pages" not in views.category(big.categories[1])   # one hack, one page
    srcs = [p.src for p in site_pages(big, views)]
    assert {f"sec/cat/{k}/index.md" for k in range(2, 6)} <= set(srcs) and "sec/cat/6/index.md" not in srcs
    assert "sec/other/2/index.md" not in srcs
    inputs = page_inputs(big)
    assert all(inputs[category_url(category, k)] == inputs[category.url] for k in range(2, 6))


def test_a_hack_cannot_take_the_address_of_a_category_page(tmp_path):
    root = minimal(tmp_path)
    write(root, "hacks/sec/cat/2.md", HACK.format(title="Two"))
    problem = only(root)
    assert problem.path == "hacks/sec/cat/2.md" and problem.line == 1
    assert "only digits" in problem.message and "hack-2.md" in problem.message
