"""Shared passages: included by name, expanded once in the model, checked with each file's own lines."""
from __future__ import annotations

import pytest
from minirepo import HACK, minimal, only, problems, write
from pagefind_index import fragments

from spacehacks.load import load_publication
from spacehacks.passages import Expander, Passage

HACK_PATH = "hacks/sec/cat/first-hack.md"


def passage(body: str, title: str = "A passage") -> str:
    return f"---\ntitle: {title}\n---\n\n{body}"


def hack_with(body: str) -> str:
    return "---\ntitle: First hack\nsummary: S.\ntags: [boundaries]\n---\n\n" + body


@pytest.fixture
def repo(tmp_path):
    minimal(tmp_path)
    write(tmp_path, "content/passages/call-ems.md", passage("Anyone may call for an ambulance.\n"))
    write(tmp_path, HACK_PATH, hack_with("Before.\n\n{{ passage: call-ems }}\n\nAfter.\n"))
    return tmp_path


def test_a_passage_is_expanded_where_it_is_included(repo):
    pub, found = load_publication(repo)
    assert found == []
    # The anchor lets the hack page's key steps link to where the passage's text starts.
    assert pub.hack("first-hack").body.split("\n") == [
        "", "Before.", "", '<a id="passage-call-ems"></a>', "", "Anyone may call for an ambulance.", "",
        "After.", ""]


def test_spaces_inside_the_braces_are_optional(repo):
    write(repo, HACK_PATH, hack_with("{{passage:call-ems}}\n"))
    pub, found = load_publication(repo)
    assert found == [] and "Anyone may call" in pub.hack("first-hack").body


def test_an_indented_include_keeps_the_list_item_indent(repo):
    write(repo, "content/passages/call-ems.md", passage("Line one.\nLine two.\n"))
    write(repo, HACK_PATH, hack_with("- Item:\n\n    {{ passage: call-ems }}\n"))
    pub, found = load_publication(repo)
    assert found == []
    assert "    Line one.\n    Line two." in pub.hack("first-hack").body


def test_a_marker_in_fenced_code_is_shown_not_expanded(repo):
    write(repo, "hacks/sec/cat/second-hack.md", HACK.format(title="Second hack").replace(
        "Some practical text.", "```\n{{ passage: nowhere }}\n```\n"))
    pub, found = load_publication(repo)
    assert found == []
    assert "{{ passage: nowhere }}" in pub.hack("second-hack").body


def test_an_unknown_passage_is_reported_where_it_is_included(repo):
    write(repo, HACK_PATH, hack_with("Text.\n\n{{ passage: call-emz }}\n"))
    found = problems(repo)
    unknown = [p for p in found if "does not exist" in p.message]
    assert [(p.path, p.line) for p in unknown] == [(HACK_PATH, 9)]
    assert "Did you mean 'call-ems'?" in unknown[0].message


def test_an_include_loop_is_reported_at_the_line_that_closes_it(repo):
    write(repo, "content/passages/call-ems.md", passage("Call.\n\n{{ passage: overdose }}\n"))
    write(repo, "content/passages/overdose.md", passage("Steps.\n{{ passage: call-ems }}\n"))
    found = [p for p in problems(repo) if "loop" in p.message]
    assert {(p.path, p.line) for p in found} == {("content/passages/overdose.md", 6),
                                                  ("content/passages/call-ems.md", 7)}
    assert all("call-ems" in p.message and "overdose" in p.message for p in found)


def test_a_passage_including_itself_is_a_loop(repo):
    write(repo, "content/passages/call-ems.md", passage("Call.\n{{ passage: call-ems }}\n"))
    p = only(repo)
    assert (p.path, p.line, "loop" in p.message) == ("content/passages/call-ems.md", 6, True)


def test_a_passage_nobody_uses_is_reported_on_its_own_file(repo):
    write(repo, "content/passages/spare.md", passage("Never included.\n"))
    p = only(repo)
    assert (p.path, p.line) == ("content/passages/spare.md", 1)
    assert "not included anywhere" in p.message and "{{ passage: spare }}" in p.message


def test_a_passage_used_only_by_another_passage_counts_as_used(repo):
    write(repo, "content/passages/call-ems.md", passage("Call.\n\n{{ passage: dispatcher }}\n"))
    write(repo, "content/passages/dispatcher.md", passage("Tell them the address.\n"))
    pub, found = load_publication(repo)
    assert found == []
    assert "Tell them the address." in pub.hack("first-hack").body


def test_unsafe_markup_in_a_passage_names_the_passages_file_and_line(repo):
    write(repo, "content/passages/call-ems.md", passage("Fine.\n<script>x()</script>\n"))
    p = only(repo)
    assert (p.path, p.line) == ("content/passages/call-ems.md", 6)


def test_a_problem_only_the_expanded_hack_has_is_mapped_to_the_passages_line(repo):
    # A top-level heading is fine in a passage file but not inside a hack's body.
    write(repo, "content/passages/call-ems.md", passage("Fine.\n\n# Too big\n"))
    write(repo, HACK_PATH, hack_with("One.\nTwo.\n\n{{ passage: call-ems }}\n"))
    p = only(repo)
    assert (p.path, p.line) == ("content/passages/call-ems.md", 7)
    assert "top-level" in p.message


def test_a_fill_in_field_in_a_passage_is_reported(repo):
    write(repo, "content/passages/call-ems.md", passage("Call [[Emergency number]].\n"))
    p = only(repo)
    assert (p.path, p.line) == ("content/passages/call-ems.md", 5) and "fill-in" in p.message


def test_a_passage_without_a_title_is_reported(repo):
    write(repo, "content/passages/call-ems.md", "---\nsummary: S.\n---\n\nText.\n")
    p = only(repo)
    assert p.path == "content/passages/call-ems.md" and "'title'" in p.message


def test_a_template_includes_a_passage_without_a_curly_brace_warning(repo):
    write(repo, "content/templates/fields.yml", "Organization name: text\n")
    write(repo, "content/templates/a-policy.md", (
        "---\ntitle: A policy\nkind: policy\nsummary: S.\n---\n\n## Purpose\n\n"
        "[[Organization name]] agrees.\n\n{{ passage: call-ems }}\n"))
    pub, found = load_publication(repo)
    assert found == []
    assert "Anyone may call for an ambulance." in pub.template("a-policy").body


def test_pages_sections_and_categories_expand_passages(repo):
    write(repo, "content/pages/about.md", "---\ntitle: About\norder: 1\n---\n\n{{ passage: call-ems }}\n")
    write(repo, "content/sections/sec/cat.md",
          "---\ntitle: Cat\ntagline: Tag\norder: 1\n---\n\n{{ passage: call-ems }}\n")
    pub, found = load_publication(repo)
    assert found == []
    assert "Anyone may call" in pub.pages[0].body and "Anyone may call" in pub.categories[0].intro


def test_every_expanded_line_knows_where_it_was_written():
    passages = {"inner": Passage("inner", "T", "\nA.\nB.\n", "content/passages/inner.md", 5)}
    expansion = Expander(passages).expand("x\n{{ passage: inner }}\ny", "hacks/h.md", 7)
    assert expansion.text == "x\nA.\nB.\ny"
    assert expansion.origins == [("hacks/h.md", 7), ("content/passages/inner.md", 6),
                                 ("content/passages/inner.md", 7), ("hacks/h.md", 9)]


def test_a_passage_reaches_every_output(tmp_path):
    """Build a small publication and find the passage's words in the hack page, the search index,
    the PDF book and a template's Word file."""
    import shutil
    import subprocess

    import docx
    from paths import ROOT

    from spacehacks.publish import publish

    root = minimal(tmp_path / "repo")
    shutil.copytree(ROOT / "theme", root / "theme")
    shutil.copy(ROOT / "mkdocs.yml", root / "mkdocs.yml")
    (root / "content" / "media").mkdir()
    words = "Anyone may call an ambulance without asking permission"
    write(root, "content/passages/call-ems.md", passage(f"{words}.\n"))
    write(root, HACK_PATH, hack_with("Before.\n\n{{ passage: call-ems }}\n"))
    write(root, "content/templates/fields.yml", "Organization name: text\n")
    write(root, "content/templates/a-protocol.md", (
        "---\ntitle: A protocol\nkind: protocol\nsummary: S.\n---\n\n## Purpose\n\n"
        "[[Organization name]] follows this.\n\n{{ passage: call-ems }}\n"))
    site = publish(root, tmp_path / "site")

    page = (site / "sec" / "cat" / "first-hack" / "index.html").read_text(encoding="utf-8")
    assert words in page and "{{" not in page
    hack_doc = next(d for d in fragments(site) if d["url"].endswith("/sec/cat/first-hack/"))
    assert words in " ".join(hack_doc["text"].split())   # what search finds
    pdf_text = subprocess.run(["pdftotext", str(site / "downloads" / "space-hacks.pdf"), "-"],
                              capture_output=True, text=True, check=True).stdout
    assert words in " ".join(pdf_text.split())
    word = docx.Document(site / "downloads" / "templates" / "a-protocol.docx")
    assert any(words in p.text for p in word.paragraphs)
