"""The shipped publication, built as `make site` builds it, inspected as a reader would get it."""
from __future__ import annotations

import json
import posixpath
import re
from html import unescape
from html.parser import HTMLParser
from pathlib import Path

import pytest
from paths import ROOT

from spacehacks.phrases import count_line
from spacehacks.site.lazy_search import read_index_script
from spacehacks.sources import translation_language


class Page(HTMLParser):
    """Collects what the tests look at: links, resources, text, elements with classes."""

    def __init__(self, path: Path):
        super().__init__()
        self.links, self.resources, self.classes, self.text = [], [], [], []
        self._skip = 0
        self.feed(path.read_text(encoding="utf-8"))

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "a" and "href" in a:
            self.links.append(a["href"])
        if tag in ("script", "img", "iframe", "source", "audio", "video", "embed") and a.get("src"):
            self.resources.append(a["src"])
        if tag == "link" and a.get("href") and "stylesheet" in (a.get("rel") or "") + " preload icon":
            self.resources.append(a["href"])
        if a.get("class"):
            self.classes += a["class"].split()
        if tag in ("script", "style"):
            self._skip += 1

    def handle_endtag(self, tag):
        if tag in ("script", "style"):
            self._skip -= 1

    def handle_data(self, data):
        if not self._skip:
            self.text.append(data)

    @property
    def plain(self) -> str:
        return re.sub(r"\s+", " ", " ".join(self.text))


def page(site: Path, url: str) -> Page:
    path = site / url / "index.html" if not url.endswith(".html") else site / url
    assert path.exists(), f"no page at /{url}"
    return Page(path)


def test_every_hack_has_its_page_at_the_folder_address(site, pub):
    for h in pub.hacks:
        p = page(site, h.url)
        assert h.title in p.plain
        # The breadcrumb names the section and category, once: no "Posted in" line repeats it.
        assert "sh-breadcrumb" in p.classes and h.category.title in p.plain
        assert "Posted in" not in p.plain


def test_count_lines_match_the_files(site, pub):
    def hacks(files):   # a translation beside a hack is not another hack
        return len([f for f in files if translation_language(f) is None])

    for s in pub.sections:
        n = hacks((pub.root / "hacks" / s.slug).rglob("*.md"))
        assert count_line(n, "section") in page(site, s.url).plain
        for c in s.categories:
            n = hacks((pub.root / "hacks" / s.slug / c.slug).glob("*.md"))
            assert count_line(n, "category") in page(site, c.url).plain


def test_count_line_grammar():
    assert count_line(1, "section") == "There is 1 hack in this section."
    assert count_line(71, "section") == "There are 71 hacks in this section."


def test_category_page_lists_its_hacks_with_summaries(site, pub):
    for c in pub.categories:
        p = page(site, c.url)
        for h in c.hacks:
            assert h.title in p.plain and h.summary in p.plain


def _all_hacks_pages(site: Path) -> list[Page]:
    """The pages of all hacks, followed by their "Next page" links from hacks/."""
    out, url = [], "hacks/"
    while True:
        path = site / url / "index.html"
        assert path.exists(), f"no page at /{url}"
        p = Page(path)
        out.append(p)
        html = path.read_text(encoding="utf-8")
        found = re.search(r'<a rel="next" href="([^"]+)"', html)
        if not found:
            return out
        url = posixpath.normpath(posixpath.join(url, found.group(1))) + "/"
        assert len(out) < 100, "the next-page links go round in a circle"


def test_all_hacks_come_page_by_page_each_hack_once_in_reading_order(site, pub):
    from spacehacks.views import ALL_HACKS_PER_PAGE
    pages = _all_hacks_pages(site)
    assert len(pages) == -(-len(pub.hacks) // ALL_HACKS_PER_PAGE) > 1   # 94 hacks: two pages
    listed = []
    for number, p in enumerate(pages, 1):
        depth = "../" if number == 1 else "../../"
        titles = [ln for ln in p.links if any(ln == f"{depth}{h.url}" for h in pub.hacks)]
        assert 0 < len(titles) <= ALL_HACKS_PER_PAGE
        listed += [ln.removeprefix(depth) for ln in titles]
        assert f"There are {len(pub.hacks)} hacks in Space Hacks." in p.plain
        assert f"page {number} of {len(pages)}" in p.plain
    assert listed == [h.url for h in pub.hacks]
    for h in pub.hacks:
        assert any(h.title in p.plain for p in pages), h.title
    # Every section heads the page its first hack is on; a page that starts inside one names it again.
    for s in pub.sections:
        assert any(s.title in p.plain for p in pages)
    # Page 2 says which it is, in its title too, and leads back.
    second = (site / "hacks" / "2" / "index.html").read_text(encoding="utf-8")
    assert f"<title>All hacks, page 2 of {len(pages)}" in second
    assert '<a rel="prev" href="../">' in second and 'aria-current="page">2<' in second


def test_the_tags_page_names_a_few_hacks_of_each_tag_and_links_to_the_rest(site, pub):
    from spacehacks.views import TAG_SHOWS
    html = (site / "tags" / "index.html").read_text(encoding="utf-8")
    more = 0
    for slug in pub.tags:
        tagged = pub.hacks_tagged(slug)
        if not tagged:
            continue
        block = html[html.index(f'<section aria-labelledby="{slug}">'):]
        block = block[:block.index("</section>")]
        assert re.findall(r'class="sh-hack__title" href="\.\./([^"]+)"', block) == [h.url for h in tagged[:TAG_SHOWS]]
        link = f'<a href="{slug}/">All {len(tagged)} hacks tagged'
        assert (link in block) == (len(tagged) > TAG_SHOWS), slug
        more += link in block
    assert more, "no tag has more hacks than the page names: the link to the rest is untested"


def test_each_tag_has_a_page_of_its_hacks_that_hack_pages_lead_to(site, pub):
    """Without JavaScript too: a tag's page is a page of the site, titles under their places."""
    for slug, tag in pub.tags.items():
        tagged = pub.hacks_tagged(slug)
        page = site / "tags" / slug / "index.html"
        if not tagged:
            assert not page.exists()
            continue
        html = page.read_text(encoding="utf-8")
        assert f"<title>Hacks tagged “{tag.title}”" in html
        assert re.findall(r'class="sh-hack__title" href="\.\./\.\./([^"]+)"', html) == [h.url for h in tagged]
        count = "There is 1 hack" if len(tagged) == 1 else f"There are {len(tagged)} hacks"
        assert f"{count} tagged “{tag.title}”." in html
    hack = next(h for h in pub.hacks if h.tags)
    footer = (site / hack.url / "index.html").read_text(encoding="utf-8")
    for slug in hack.tags:
        assert f'class="sh-tag" href="../../../tags/{slug}/"' in footer


def test_manifest_matches_the_content(site, pub):
    data = json.loads((site / "hacks.json").read_text(encoding="utf-8"))
    assert [h["slug"] for h in data["hacks"]] == [h.slug for h in pub.hacks]
    for entry, h in zip(data["hacks"], pub.hacks, strict=True):
        assert entry == {
            "slug": h.slug, "title": h.title, "section": h.section.slug, "section_title": h.section.title,
            "section_url": h.section.url, "category": h.category.slug, "category_title": h.category.title,
            "category_url": h.category.url, "summary": h.summary,
            "tags": h.tags, "featured": h.featured,
            "updated": h.updated.isoformat() if h.updated else None, "url": h.url, "language": "en"}
        for url in (entry["url"], entry["section_url"], entry["category_url"]):
            assert (site / url / "index.html").exists()


def _disk_index(site):
    """Material's Lunr index, which serves readers who open site/ from disk."""
    return read_index_script(site)


def test_search_index_holds_every_hack_title_and_every_quote(site, pub):
    index = _disk_index(site)
    # Titles reach the engine escaped (see spacehacks/site/pages.py): compare them as text.
    titles = {unescape(d["title"]) for d in index["docs"]}
    text = " ".join(d["text"] for d in index["docs"])
    flat = re.sub(r"\s+", " ", text)
    for h in pub.hacks:
        assert h.title in titles
    for q in pub.quotes:
        words = re.sub(r"\s+", " ", q.text)[:60]
        assert words in flat or words.replace("'", "&#x27;") in flat, q.path


def test_search_index_carries_tags(site, pub):
    index = _disk_index(site)
    by_location = {d["location"]: d for d in index["docs"]}
    h = pub.hacks[0]
    assert by_location[h.url]["tags"] == [pub.tags[t].title for t in h.tags]


def test_nothing_is_loaded_from_another_origin(site):
    offenders = []
    for html in site.rglob("*.html"):
        for src in Page(html).resources:
            if re.match(r"^(https?:)?//", src):
                offenders.append(f"{html.relative_to(site)}: {src}")
    for css in site.rglob("*.css"):
        for url in re.findall(r"url\(\s*['\"]?((?:https?:)?//[^)'\"]+)", css.read_text(encoding="utf-8")):
            offenders.append(f"{css.relative_to(site)}: {url}")
    for js in site.rglob("*.js"):
        text = js.read_text(encoding="utf-8", errors="replace")
        outside = r"""['"](https?://(?:fonts\.g|www\.google|[a-z0-9.-]*cdn|unpkg|[a-z0-9.-]*analytics)[^'"]*)"""
        for url in re.findall(outside, text):
            offenders.append(f"{js.relative_to(site)}: {url}")
    assert offenders == []


def test_material_never_asks_github_for_repository_facts():
    # Material's bundle calls api.github.com only when repo_url is set; keep it unset.
    import yaml
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text())
    assert "repo_url" not in config


def test_a_hack_page_lists_its_headings_once_not_three_times(site, pub):
    """The header's "On this page" list, on every screen; Material's contents list (in the
    drawer and the sidebar, 2 KB of every hack page, issue 15) is left empty."""
    checked = 0
    for h in pub.hacks:
        html = (site / h.url / "index.html").read_text(encoding="utf-8")
        if 'class="sh-onpage"' not in html:
            continue
        onpage = html[html.index('class="sh-onpage"'):]
        anchors = re.findall(r'<a href="#([^"]+)">', onpage[:onpage.index("</nav>")])
        assert len(anchors) >= 3
        for anchor in anchors:   # the list's link and the heading's own permalink
            assert html.count(f'href="#{anchor}"') == 2, (h.url, anchor)
        assert re.search(r'aria-label="Table of contents">\s*</nav>', html)
        checked += 1
    assert checked > 10


def primary_nav(site: Path, url: str) -> str:
    html = (site / url / "index.html").read_text(encoding="utf-8")
    start = html.index('class="md-nav md-nav--primary"')
    return unescape(html[start:html.index('data-md-type="toc"', start)])


def test_navigation_lists_sections_and_categories_not_every_hack(site, pub):
    home = primary_nav(site, "")
    for s in pub.sections:
        assert s.title in home
        inside = primary_nav(site, s.url)  # pruned: a section's categories show once inside it
        for c in s.categories:
            assert c.title in inside
    for url in ["", pub.sections[1].url, pub.hacks[0].url]:
        nav = primary_nav(site, url)
        assert not [h.title for h in pub.hacks if h.title in nav]


def test_home_page(site, pub):
    from spacehacks.views import FEATURED_ON_HOME
    p = page(site, "")
    for h in pub.featured[:FEATURED_ON_HOME]:
        assert h.title in p.plain
    assert sum(1 for c in p.classes if c == "sh-card") == min(len(pub.featured), FEATURED_ON_HOME)
    for s in pub.sections:
        assert f"{s.url}" in {ln.lstrip("./") for ln in p.links}
    assert "sh-quote" in p.classes and "sh-quote__toggle" in p.classes
    assert any(q.text in p.plain for q in pub.quotes), "no quote readable without JavaScript"
    assert {"hacks/", "random/", "downloads/"} <= set(p.links)


def test_hack_page_parts(site, pub):
    h = next(h for h in pub.hacks if h.related and len(h.category.hacks) > 2)
    p = page(site, h.url)
    for r in h.related:
        assert pub.hack(r).title in p.plain
    assert "Related hacks" in p.plain and "Featured hacks" in p.plain
    assert "sh-pager__prev" in p.classes or "sh-pager__next" in p.classes
    assert sum(1 for c in p.classes if c == "sh-card") == 2, "a fixed pair of featured hacks without JS"
    for t in h.tags:
        assert pub.tags[t].title in p.plain


def test_random_page_offers_a_way_without_javascript(site, pub):
    p = page(site, "random/")
    hack_links = [ln for ln in p.links if any(ln == f"../{h.url}" for h in pub.hacks)]
    assert len(hack_links) == 5
    assert "../hacks/" in p.links
    html = (site / "random" / "index.html").read_text(encoding="utf-8")
    assert 'data-sh-random="../hacks.json"' in html


def test_quotes_tags_and_standalone_pages(site, pub):
    quotes = page(site, "quotes/")
    for q in pub.quotes:
        assert q.text in quotes.plain
        if q.attribution:
            assert q.attribution in quotes.plain
    tags = (site / "tags" / "index.html").read_text(encoding="utf-8")
    for t in {t for h in pub.hacks for t in h.tags}:
        assert f'id="{t}"' in tags
    for p in pub.pages:
        assert p.title in page(site, p.url).plain


def test_no_orphans_every_hack_is_listed_on_its_category_page(site, pub):
    for h in pub.hacks:
        assert f"{h.slug}/" in page(site, h.category.url).links


@pytest.mark.parametrize("url", ["", "hacks/", "random/", "quotes/", "tags/", "downloads/"])
def test_generated_views_exist(site, url):
    assert (site / url / "index.html").exists()


def test_print_only_theme_files_stay_out_of_the_site(site):
    assert not (site / "fonts").exists() and not (site / "pdf").exists()


def test_site_reads_markdown_as_the_other_outputs_do(site):
    # Extensions come from spacehacks/markup.py: the acronyms are a definition list on the site too.
    acronyms = (site / "acronyms" / "index.html").read_text(encoding="utf-8")
    assert len(re.findall(r"<dt[\s>]", acronyms)) >= 25
    hack = (site / "de-escalation-in-the-moment" / "staying-present" / "five-senses-grounding" / "index.html")
    assert 'class="headerlink"' in hack.read_text(encoding="utf-8")  # the site's own toc setting


def test_search_indexes_pages_with_words_of_their_own_and_not_the_lists(site, pub):
    from spacehacks.site.pagefind import BUNDLE
    bundle = site / BUNDLE
    assert (bundle / "pagefind.js").is_file() and list(bundle.glob("pagefind.en_*.pf_meta"))
    assert not list(bundle.glob("pagefind-*ui*")), "Pagefind's own UI kits are not shipped"
    hack, template = pub.hacks[0], pub.templates[0]
    for path in (hack.url, template.url, pub.pages[0].url, "quotes/"):
        assert "data-pagefind-body" in (site / path / "index.html").read_text(encoding="utf-8"), path
    for path in ("", "hacks/", "hacks/2/", hack.section.url, hack.category.url, "tags/", "random/", "downloads/"):
        assert "data-pagefind-body" not in (site / path / "index.html").read_text(encoding="utf-8"), path
    # On a hack page, what names other pages (pager, related, featured) is not the hack's text.
    html = (site / hack.url / "index.html").read_text(encoding="utf-8")
    assert re.search(r'<nav class="sh-pager" data-pagefind-ignore', html)
    assert re.search(r'<p class="sh-lead" data-pagefind-weight="\d+">', html)
    # Opened from disk, Lunr's index leaves the lists out too.
    locations = {d["location"] for d in _disk_index(site)["docs"]}
    assert hack.url in locations and not {"hacks/", "hacks/2/", hack.category.url} & locations


def test_definitions_weigh_their_terms_above_their_explanations():
    from spacehacks.site.pagefind import weigh_definitions
    out = weigh_definitions('<dl>\n<dt>SSP</dt>\n<dd class="x">Syringe services program</dd>\n</dl><p>dtx</p>')
    assert '<dt data-pagefind-weight="10">SSP' in out
    assert '<dd data-pagefind-weight="0.1" class="x">' in out
    assert weigh_definitions("<p>no list</p>") == "<p>no list</p>"


def test_long_heading_words_may_break_only_at_syllables():
    from spacehacks.site.reflow import hyphenate_headings
    out = hyphenate_headings('<h1 id="a">Confidentiality &amp; <em>benzodiazepines</em></h1><p>Confidentiality</p>')
    assert out.startswith('<h1 id="a">Con\u00adfi') and "&amp;" in out and "<em>ben\u00ad" in out
    assert out.endswith("<p>Confidentiality</p>")
    assert out.replace("\u00ad", "") == ('<h1 id="a">Confidentiality &amp; <em>benzodiazepines</em></h1>'
                                        '<p>Confidentiality</p>')



def test_the_naloxone_hack_opens_with_key_steps_that_call_911(site, pub):
    h = pub.hack("naloxone-overdose-response-keeping-services-open")
    html = (site / h.url / "index.html").read_text(encoding="utf-8")
    box = re.search(r'<aside class="sh-keysteps".*?</aside>', html, re.S)
    assert box, "the key steps callout"
    assert "911" in box.group(0)
    assert html.index("sh-keysteps") < html.index('id="the-response-step-by-step"'), "at the top"
    target = re.search(r'href="#([\w-]+)"', box.group(0)).group(1)
    assert f'id="{target}"' in html
    updated = re.search(r'<p class="sh-posted".*?</p>', html, re.S).group(0)
    assert re.search(r">[A-Z][a-z]+ \d{1,2}, 20\d\d</time>", updated), updated


def test_a_hack_without_an_emergency_passage_has_no_key_steps(site, pub):
    calm = next(h for h in pub.hacks if not h.passages)
    assert "sh-keysteps" not in (site / calm.url / "index.html").read_text(encoding="utf-8")
