"""'Recently updated': the Atom feed at site/feed.xml, the home page list, and 'edit this page'."""
from __future__ import annotations

import datetime as dt
import re
from urllib.parse import urlsplit

from lxml import etree

from spacehacks.feed import atom, entry_id
from spacehacks.load import load_publication

NS = {"a": "http://www.w3.org/2005/Atom"}
RFC3339 = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$")


def assert_valid_atom(xml: bytes) -> etree._Element:
    """The rules of RFC 4287 that a reader relies on (section numbers in brackets)."""
    root = etree.fromstring(xml)
    assert root.tag == "{http://www.w3.org/2005/Atom}feed"
    for element in [root, *root.findall("a:entry", NS)]:
        for name in ("id", "title", "updated"):                      # 4.1.1, 4.1.2: exactly one each
            assert len(element.findall(f"a:{name}", NS)) == 1, (element.tag, name)
        assert urlsplit(element.findtext("a:id", namespaces=NS)).scheme   # 4.2.6: an absolute IRI
        assert RFC3339.match(element.findtext("a:updated", namespaces=NS))  # 3.3: date construct
        for link in element.findall("a:link", NS):
            assert link.get("href")                                   # 4.2.7.1
    assert root.findall("a:author/a:name", NS)                        # 4.1.1: an author for all entries
    assert root.find("a:link[@rel='self']", NS) is not None           # 4.1.1 SHOULD
    for entry in root.findall("a:entry", NS):                         # 4.1.2: an alternate link or content
        assert entry.find("a:link[@rel='alternate']", NS) is not None or entry.find("a:link", NS) is not None
        assert entry.find("a:link", NS).get("rel", "alternate") == "alternate"
    ids = [e.findtext("a:id", namespaces=NS) for e in root.findall("a:entry", NS)]
    assert len(ids) == len(set(ids))
    return root


def test_built_feed_has_one_entry_per_updated_hack(site, pub):
    root = assert_valid_atom((site / "feed.xml").read_bytes())
    entries = root.findall("a:entry", NS)
    updated = pub.recently_updated
    assert updated, "the shipped content should have hacks with updated: dates"
    assert [e.findtext("a:title", namespaces=NS) for e in entries] == [h.title for h in updated]
    first = entries[0]
    assert first.findtext("a:id", namespaces=NS) == entry_id(updated[0].slug)
    href = first.find("a:link", NS).get("href")
    assert href == updated[0].url and (site / href / "index.html").exists()   # relative to feed.xml
    assert first.findtext("a:summary", namespaces=NS) == updated[0].summary


def test_feed_orders_newest_first_and_uses_configured_address(repo_copy):
    pub, problems = load_publication(repo_copy)
    assert problems == []
    older, newer = pub.hacks[3], pub.hacks[7]
    for hack, day in ((older, "2025-01-05"), (newer, "2027-03-02")):
        file = repo_copy / hack.path
        text = re.sub(r"^updated: .*\n", "", file.read_text(encoding="utf-8"), flags=re.M)
        file.write_text(text.replace("\n", f"\nupdated: {day}\n", 1), encoding="utf-8")
    pub, problems = load_publication(repo_copy)
    assert problems == []
    root = assert_valid_atom(atom(pub, "https://example.org/space-hacks/").encode())
    titles = [e.findtext("a:title", namespaces=NS) for e in root.findall("a:entry", NS)]
    assert titles[0] == newer.title and titles[-1] == older.title
    assert root.findtext("a:updated", namespaces=NS).startswith("2027-03-02T")
    assert root.find("a:entry/a:link", NS).get("href") == f"https://example.org/space-hacks/{newer.url}"
    assert root.find("a:link[@rel='self']", NS).get("href") == "https://example.org/space-hacks/feed.xml"


def test_feed_is_the_same_for_the_same_content(pub):
    assert atom(pub) == atom(pub)


def test_home_lists_recently_updated_and_links_the_feed(site, pub):
    html = (site / "index.html").read_text(encoding="utf-8")
    section = html.split('id="recently-updated"', 1)[1].split("<h2", 1)[0]
    for hack in pub.recently_updated[:5]:
        assert f'href="{hack.url}"' in section and hack.title in section
    assert f'datetime="{pub.recently_updated[0].updated.isoformat()}"' in section
    assert 'href="./feed.xml"' in section


def test_hack_pages_link_to_their_source_file(site, pub):
    hack = pub.hacks[0]
    html = (site / hack.url / "index.html").read_text(encoding="utf-8")
    base = pub.info["repository_url"].rstrip("/")
    assert f'href="{base}/edit/{pub.info.get("repository_branch", "main")}/{hack.path}"' in html
    assert base.startswith("https://github.com/")


def test_recently_updated_skips_hacks_without_a_date(pub):
    dates = [h.updated for h in pub.recently_updated]
    assert all(isinstance(d, dt.date) for d in dates) and dates == sorted(dates, reverse=True)
    assert len(dates) == sum(1 for h in pub.hacks if h.updated)
