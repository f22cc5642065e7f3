"""Key steps: a passage's most urgent steps, shown at the top of every hack that includes it."""
from __future__ import annotations

import datetime as dt
import re
import shutil
from html.parser import HTMLParser

import pytest
from minirepo import minimal, only, write
from paths import ROOT

from spacehacks import markup
from spacehacks.load import load_publication
from spacehacks.pdf.book import Book
from spacehacks.phrases import us_date
from spacehacks.views import Views

HACK_PATH = "hacks/sec/cat/first-hack.md"
OVERDOSE = ("---\ntitle: Overdose\nkey_steps:\n  - Call 911 now.\n  - Give the medicine.\n"
            "  - Anyone may call 911.\n---\n\n**1. Call.**\n\n{{ passage: call-ems }}\n\n**2. Medicine.**\n")
CALL_EMS = ("---\ntitle: Call EMS\nkey_steps:\n  - Anyone may call 911.\n  - Stay on the line.\n---\n\n"
            "Anyone may call 911 without asking.\n")


def hack_with(body: str, title: str = "First hack") -> str:
    return f"---\ntitle: {title}\nsummary: S.\ntags: [boundaries]\n---\n\nIntro.\n\n" + body


class Steps(HTMLParser):
    """The callout's steps and link, and every id on the page."""

    def __init__(self, html: str):
        super().__init__()
        self.steps: list[str] = []
        self.links: list[str] = []
        self.ids: set[str] = set()
        self._in: list[str] = []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if a.get("id"):
            self.ids.add(a["id"])
        self._in.append(a.get("class") or "")
        if tag == "a" and any("sh-keysteps" in c for c in self._in):
            self.links.append(a["href"])
        if tag == "li" and any(c == "sh-keysteps__list" for c in self._in):
            self.steps.append("")

    def handle_endtag(self, tag):
        self._in.pop()

    def handle_data(self, data):
        if self._in and self._in[-1] == "" and any(c == "sh-keysteps__list" for c in self._in) and self.steps:
            self.steps[-1] += data


@pytest.fixture
def repo(tmp_path):
    minimal(tmp_path)
    shutil.copytree(ROOT / "theme", tmp_path / "theme")
    write(tmp_path, "content/passages/overdose.md", OVERDOSE)
    write(tmp_path, "content/passages/call-ems.md", CALL_EMS)
    write(tmp_path, HACK_PATH, hack_with("## What to do\n\n{{ passage: call-ems }}\n\n{{ passage: overdose }}\n"))
    write(tmp_path, "hacks/sec/cat/second-hack.md", hack_with("Plain advice, no emergency.\n", "Second hack"))
    return tmp_path


def page(pub, slug: str) -> str:
    """The hack's header and body as the site shows them (the body through the one renderer)."""
    hack = pub.hack(slug)
    return Views(pub).hack_header(hack) + markup.render(hack.body)


def test_the_hack_records_the_passages_it_includes_most_specific_first(repo):
    pub, found = load_publication(repo)
    assert found == []
    # call-ems is included first, but overdose includes it too: overdose is the more specific.
    assert list(pub.hack("first-hack").passages) == ["overdose", "call-ems"]
    assert pub.hack("second-hack").passages == {}


def test_the_header_lists_the_key_steps_in_order_once_each_and_links_to_the_passage(repo):
    pub, _ = load_publication(repo)
    html = page(pub, "first-hack")
    found = Steps(html)
    assert found.steps == ["Call 911 now.", "Give the medicine.", "Anyone may call 911.", "Stay on the line."]
    assert len(found.links) == 1 and found.links[0].startswith("#")
    assert found.links[0][1:] in found.ids, "the link's target is on the page"
    # The target sits where the passage's text starts, after the hack's own heading.
    assert html.index(f'id="{found.links[0][1:]}"') > html.index("What to do")


def test_the_anchor_survives_the_sanitizer(repo):
    pub, _ = load_publication(repo)
    assert 'id="passage-call-ems"' in markup.render(pub.hack("first-hack").body)


def test_a_hack_without_such_a_passage_has_no_callout(repo):
    write(repo, "content/passages/call-ems.md", CALL_EMS.replace(
        "key_steps:\n  - Anyone may call 911.\n  - Stay on the line.\n", ""))
    write(repo, "hacks/sec/cat/second-hack.md", hack_with("{{ passage: call-ems }}\n", "Second hack"))
    pub, found = load_publication(repo)
    assert found == []
    assert "sh-keysteps" not in Views(pub).hack_header(pub.hack("second-hack"))
    write(repo, "hacks/sec/cat/second-hack.md", hack_with("Plain advice.\n", "Second hack"))
    pub, _ = load_publication(repo)
    assert "sh-keysteps" not in Views(pub).hack_header(pub.hack("second-hack"))
    assert "Key steps" not in Views(pub).hack_header(pub.hack("second-hack"))


@pytest.mark.parametrize("value, says", [
    ("Call 911.", "not a single word"),
    ("[]", "of 1 to 5 items, but it has 0"),
    ("[a, b, c, d, e, f]", "of 1 to 5 items, but it has 6"),
    ("[ok, '']", "item 2 is empty"),
    (f"[{'x' * 161}]", "item 1 is 161 characters long"),
    ("[{a: b}]", "of plain words"),
])
def test_a_bad_key_steps_value_is_reported_with_file_and_line(repo, value, says):
    write(repo, "content/passages/call-ems.md", f"---\ntitle: Call EMS\nkey_steps: {value}\n---\n\nCall.\n")
    p = only(repo)
    assert (p.path, p.line) == ("content/passages/call-ems.md", 3)
    assert "'key_steps'" in p.message and says in p.message, p.message


def test_the_book_boxes_the_key_steps_and_drops_the_site_anchor(repo):
    pub, _ = load_publication(repo)
    html = Book(pub, repo).html()
    box = re.search(r'<aside class="key-steps".*?</aside>', html, re.S)
    assert box and re.findall(r"<li>(.*?)</li>", box.group(0)) == [
        "Call 911 now.", "Give the medicine.", "Anyone may call 911.", "Stay on the line."]
    assert html.count('class="key-steps"') == 1, "only the hack that includes such a passage"
    assert "passage-call-ems" not in html and "passage-overdose" not in html


def test_dates_are_written_the_us_way():
    assert us_date(dt.date(2026, 11, 21)) == "November 21, 2026"
    assert us_date(dt.date(2027, 3, 1)) == "March 1, 2027"


def test_the_hack_header_dates_its_update_the_us_way(repo):
    write(repo, "hacks/sec/cat/second-hack.md", hack_with("Text.\n", "Second hack").replace(
        "tags:", "updated: 2026-11-21\ntags:"))
    pub, found = load_publication(repo)
    assert found == []
    assert ">November 21, 2026</time>" in Views(pub).hack_header(pub.hack("second-hack"))


def test_shipped_key_steps_keep_their_passages_numbers():
    """A key step repeats its passage's words: every number in it (911, 2 hours, 100 to 120) is
    one the passage's text says (with the passages it includes), so the two never disagree."""
    from spacehacks.passages import Expander, load_passages
    passages, found = load_passages(ROOT)
    assert found == []
    with_steps = {n: p for n, p in passages.items() if p.key_steps}
    assert {"call-ems", "overdose-response", "needle-stick-first-steps"} <= set(with_steps)
    words = {"two": "2", "three": "3", "five": "5"}
    for name, p in with_steps.items():
        text = Expander(passages).expand(p.body, p.path, p.body_line).text
        body = re.sub(r"\b(two|three|five)\b", lambda m: words[m.group(1)], text.lower())
        for step in p.key_steps:
            for number in re.findall(r"\d+", re.sub(r"\b(two|three|five)\b", lambda m: words[m.group(1)],
                                                    step.lower())):
                assert re.search(rf"\b{number}\b", body), f"{name}: '{number}' in '{step}' is not in the passage"
