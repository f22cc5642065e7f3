"""Every body construct of issue 10 is a plain error from the check, on its line, and harmless in
the rendered HTML even if the check were skipped."""
from __future__ import annotations

import re

import pytest

from hostile import BODY_ATTACKS, dangers
from minirepo import minimal, problems, write

from spacehacks import markup, sanitize
from spacehacks.html_check import scan

HACK_PATH = "hacks/sec/cat/first-hack.md"
HEAD = "---\ntitle: First hack\nsummary: S\ntags: [boundaries]\n---\n\nIntro.\n\n"   # body starts on line 7


@pytest.fixture
def repo(tmp_path):
    return minimal(tmp_path)


@pytest.mark.parametrize("name", sorted(BODY_ATTACKS))
def test_body_attack_is_an_error_on_its_line(repo, name):
    write(repo, HACK_PATH, HEAD + BODY_ATTACKS[name] + "\n")
    found = [p for p in problems(repo) if p.path == HACK_PATH]
    assert found, f"{name}: nothing reported"
    lines = range(9, 9 + BODY_ATTACKS[name].count("\n") + 1)
    assert all(p.line in lines for p in found), found


@pytest.mark.parametrize("name", sorted(BODY_ATTACKS))
def test_body_attack_is_harmless_when_rendered(name):
    raw = markup.render_raw(BODY_ATTACKS[name])
    assert dangers(raw), f"{name}: the test's own detector sees nothing in the raw HTML"
    assert dangers(markup.render(BODY_ATTACKS[name])) == []


@pytest.mark.parametrize("text,words", [
    ("<script>alert(1)</script>", "raw <script>"),
    ('<a href="jav&#x61;script:alert(1)">x</a>', "'javascript:' link"),
    ('<a href="#"\nonclick="alert(1)">x</a>', "'on…=' attribute ('onclick' on <a>)"),
    ('<img src=" https://tracker.example/a.png" alt="v">', "loaded from another website"),
    ('<p style="color:red">x</p>', "style attribute (on <p>)"),
    ('<img src="van.jpg" alt="v" srcset="https://t.example/a.png 1x">', "'srcset' on <img>"),
    ('<p id="__config">x</p>', "the id '__config'"),
    ("<video></video>", "<video> is not allowed"),
    ("<span>x</span>", "<span> is not one of the elements"),
    ('<a href="ftp://x.example/">x</a>', "starting with 'ftp:'"),
    ('<img src="data:image/png;base64,AAAA" alt="v">', "'data:' address"),
    ("![](van.jpg)", "no alt text"),
    ('<img src="van.jpg" alt="  ">', "no alt text"),
])
def test_messages_name_the_construct_and_the_fix(text, words):
    messages = [m for _, m in scan(text)]
    assert any(words in m for m in messages), messages


def test_markup_in_code_is_no_problem():
    text = "Write `<script>` to show code.\n\n```\n<img src=x onerror=alert(1)>\n```\n\n    <script>x</script>\n"
    assert scan(text) == []


def test_lines_follow_the_source():
    text = "Intro.\n\n<span>a</span>\n\nMore.\n\n<p style=\"x\">b</p>\n"
    assert [line for line, _ in scan(text)] == [2, 6]


def test_summary_and_tagline_are_checked_too(repo):
    write(repo, HACK_PATH, "---\ntitle: First hack\nsummary: S <b onclick=alert(1)>x</b>\n---\n\nText.\n")
    found = problems(repo)
    assert [(p.line, p.message.split(":")[0]) for p in found] == [(3, "in 'summary'"), (3, "in 'summary'")]


def test_template_preview_gets_no_script_link(repo):
    write(repo, "content/templates/fields.yml", "Name: text\n")
    write(repo, "content/templates/form.md", "---\ntitle: F\nkind: form\nsummary: S\n---\n\n"
          "[open](jav&#x61;script:alert(1)) and [ok](https://example.org)\n")
    found = problems(repo)
    assert [p.line for p in found if p.path == "content/templates/form.md"] == [7]
    from spacehacks.template_document import parse
    from spacehacks.load import load_publication
    pub, _ = load_publication(repo)
    runs = [r for b in parse(pub.templates[0], pub.fill_ins).blocks for r in b.runs]
    assert [r.href for r in runs if r.href] == ["https://example.org"]


def test_shipped_content_has_nothing_the_policy_refuses(pub):
    """The policy keeps everything our own Markdown writes (else it would be a silent loss)."""
    from spacehacks import html_check
    for text in [h.body for h in pub.hacks] + [p.body for p in pub.pages] + [t.body for t in pub.templates]:
        reader = html_check._Reader()    # the full reading, shortcut or not
        reader.feed(markup.render_raw(text))
        assert reader.found == [], text[:80]


@pytest.mark.parametrize("text", ["Plain words, *emphasis*, **bold**, `code`, 1. lists\n- items\n\n| a | b |\n|---|---|\n| 1 | 2 |\n",
                                  "## A heading\n\n!!! note\n    An admonition.\n\nTerm\n:   Definition\n\n```\ncode\n```\n",
                                  "    indented code\n\n> a quote\n\n---\n\nfin &amp; done",
                                  "Name: [[Name]] and [[Date]], [x] done, [ ] to do"])
def test_texts_skipped_as_safe_render_to_nothing_the_policy_refuses(text):
    """The shortcut (no '<', '{', link, image or leading '_') skips only texts the full reading passes."""
    from spacehacks import html_check
    assert not html_check.needs_reading(text)
    reader = html_check._Reader()
    reader.feed(markup.render_raw(text))
    assert reader.found == []


def test_pdf_book_holds_nothing_weasyprint_would_fetch_from_elsewhere(tmp_path):
    """Summaries, taglines and bodies reach the book through the sanitizer: no remote image, no
    style, no attachment link for WeasyPrint to follow (its fetcher is the second line of defence)."""
    from hostile import ALL_BODY_ATTACKS, hostile_repo
    from spacehacks.load import load_publication
    from spacehacks.pdf.book import Book

    root = hostile_repo(tmp_path, body=ALL_BODY_ATTACKS)
    write(root, "content/sections/sec/cat.md", "---\ntitle: Cat\ntagline: 'T <img src=\"https://tracker.example/t.png\" "
          "alt=\"t\"> <span style=\"background:url(https://tracker.example/s.png)\">s</span>'\norder: 1\n---\n\nIntro.\n")
    pub, found = load_publication(root)
    assert any(p.path == "content/sections/sec/cat.md" and "in 'tagline':" in p.message for p in found)
    html = Book(pub).html()
    assert "zebra" in html.lower() and "Cat" in html
    assert not re.search(r"""=["']?[^"'>]*(tracker\.example|file:)""", html)
    assert "style=" not in html.split("<body", 1)[1] and 'rel="attachment"' not in html


def test_what_the_sanitizer_removes_unnamed_still_gets_a_message(monkeypatch):
    """Should the sanitizer's parser and the check's ever differ, the difference is reported."""
    real = sanitize.clean
    monkeypatch.setattr(sanitize, "clean", lambda html: real(html).replace(' title="t"', ""))
    assert scan('[x](https://example.org "t")') == [
        (0, "the site would remove some of the HTML in this text (a title), though no rule above "
            "names it; write the passage in plain Markdown instead.")]
    assert scan("[x](https://example.org)") == []
