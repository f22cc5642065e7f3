"""Each check an editor can trip, with the file, the line and a message that says how to fix it."""
from __future__ import annotations

import pytest
from minirepo import HACK, minimal, only, problems, write

from spacehacks.checks import MAX_TAGS

HACK_PATH = "hacks/sec/cat/first-hack.md"


@pytest.fixture
def repo(tmp_path):
    return minimal(tmp_path)


def test_minimal_repo_is_clean(repo):
    assert problems(repo) == []


def test_yaml_syntax_error_names_its_line(repo):
    write(repo, HACK_PATH, "---\ntitle: Fine\nsummary: Fine\ntags: [boundaries\nfeatured: true\n---\n\nText.\n")
    p = only(repo)
    assert (p.path, p.line) == (HACK_PATH, 5)
    assert "not valid YAML" in p.message and "bracket" in p.message


def test_bracket_left_open_at_the_end_points_at_where_it_opened(repo):
    write(repo, HACK_PATH, "---\ntitle: Fine\nsummary: Fine\ntags: [boundaries\n---\n\nText.\n")
    assert only(repo).line == 4


def test_unquoted_colon_in_value_is_reported_on_its_line(repo):
    write(repo, HACK_PATH, "---\ntitle: Fine\nsummary: Note: this breaks\n---\n\nText.\n")
    p = only(repo)
    assert (p.path, p.line) == (HACK_PATH, 3)


@pytest.mark.parametrize("text,line,words", [
    ("---\nsummary: S\n---\n\nText.\n", 2, "required field 'title' is missing"),
    ("---\ntitle:\nsummary: S\n---\n\nText.\n", 2, "required field 'title' is empty"),
    ("---\ntitle: T\nsummary: S\nfeatured: yes please\n---\n\nText.\n", 4, "'featured' should be true or false"),
    ("---\ntitle: T\nsummary: S\ntags: boundaries\n---\n\nText.\n", 4, "write it in brackets, [boundaries]"),
    ("---\ntitle: T\nsummary: S\nupdated: 2026-13-45\n---\n\nText.\n", 4, "not a real date"),
    ("---\ntitle: T\nsummary: S\nfeaturd: true\n---\n\nText.\n", 4, "Did you mean 'featured'?"),
])
def test_field_problems(repo, text, line, words):
    write(repo, HACK_PATH, text)
    p = only(repo)
    assert (p.path, p.line) == (HACK_PATH, line)
    assert words in p.message


def test_a_hack_has_at_most_four_tags(repo):
    write(repo, "content/tags.yml", "boundaries: B | Limits.\nconsent: C | Asking.\n"
          + "".join(f"tag-{n}: T | D.\n" for n in range(4)))
    write(repo, HACK_PATH, "---\ntitle: T\nsummary: S\ntags: [boundaries, tag-0, tag-1, tag-2, tag-3]\n---\n\nText.\n")
    p = only(repo)
    assert (p.path, p.line) == (HACK_PATH, 4)
    assert f"at most {MAX_TAGS} tags; this one has 5" in p.message


def test_unknown_section_folder_suggests_the_right_one(repo):
    write(repo, "hacks/secc/cat/stray.md", HACK.format(title="Stray"))
    p = only(repo)
    assert p.path == "hacks/secc/cat/stray.md" and p.line == 1
    assert "'hacks/secc' is not a section" in p.message and "Did you mean 'sec'?" in p.message


def test_unknown_category_folder(repo):
    write(repo, "hacks/sec/kat/stray.md", HACK.format(title="Stray"))
    p = only(repo)
    assert "'kat' is not a category" in p.message and "Did you mean 'cat'?" in p.message


def test_hack_outside_section_and_category_folders(repo):
    write(repo, "hacks/loose.md", HACK.format(title="Loose"))
    assert "hacks/<section>/<category>/<name>.md" in only(repo).message


def test_duplicate_slug_across_categories(repo):
    write(repo, "content/sections/sec/other.md", "---\ntitle: Other\ntagline: T\norder: 2\n---\n\nIntro.\n")
    write(repo, "hacks/sec/other/first-hack.md", HACK.format(title="Another title"))
    p = only(repo)
    assert p.path == "hacks/sec/other/first-hack.md"
    assert "hacks/sec/cat/first-hack.md" in p.message and "rename" in p.message


def test_duplicate_title_ignores_case(repo):
    write(repo, "hacks/sec/cat/second.md", HACK.format(title="FIRST HACK"))
    p = only(repo)
    assert p.path == "hacks/sec/cat/second.md" and p.line == 2
    assert "already used by hacks/sec/cat/first-hack.md" in p.message


def test_related_naming_no_hack(repo):
    write(repo, "hacks/sec/cat/second.md",
          "---\ntitle: Second\nsummary: S\ntags: [consent]\nrelated: [frist-hack]\n---\n\nText.\n")
    p = only(repo)
    assert (p.path, p.line) == ("hacks/sec/cat/second.md", 5)
    assert "no hack with that file name" in p.message and "Did you mean 'first-hack'?" in p.message


def test_related_to_a_hack_with_broken_front_matter_is_one_problem_not_two(repo):
    write(repo, "hacks/sec/cat/second.md", "---\ntitle: [broken\n---\n\nText.\n")
    write(repo, "hacks/sec/cat/third.md",
          "---\ntitle: Third\nsummary: S\ntags: [consent]\nrelated: [second]\n---\n\nText.\n")
    assert [p.path for p in problems(repo)] == ["hacks/sec/cat/second.md"]


def test_unknown_tag_suggests_vocabulary(repo):
    write(repo, HACK_PATH, "---\ntitle: First hack\nsummary: S\ntags: [boundary]\n---\n\nText.\n")
    p = only(repo)
    assert p.line == 4 and "Did you mean 'boundaries'?" in p.message and "content/tags.yml" in p.message


def test_same_quote_twice_despite_quote_marks_case_and_spaces(repo):
    write(repo, "quotes/two.md", "---\n---\n\n“words  worth\nKEEPING.”\n")
    p = only(repo)
    assert (p.path, p.line) == ("quotes/two.md", 4)
    assert "already in quotes/one.md" in p.message


def test_file_that_is_not_utf8(repo):
    write(repo, HACK_PATH, "---\ntitle: Caf\xe9\nsummary: S\n---\n\nText.\n".encode("latin-1"))
    p = only(repo)
    assert (p.path, p.line) == (HACK_PATH, 2)
    assert "not saved as UTF-8" in p.message


def test_empty_body(repo):
    write(repo, HACK_PATH, "---\ntitle: First hack\nsummary: S\ntags: [boundaries]\n---\n\n")
    p = only(repo)
    assert p.line == 6
    assert p.message == "this hack has no text below the front matter. Write the hack itself there."


def test_empty_quote(repo):
    write(repo, "quotes/one.md", "---\nattribution: Someone\n---\n\n")
    assert only(repo).message.startswith("this quote has no text below the front matter. Write the quotation")


def test_top_level_heading_in_a_hack_body(repo):
    write(repo, HACK_PATH, "---\ntitle: First hack\nsummary: S\ntags: [boundaries]\n---\n\nIntro.\n\n# Steps\n")
    p = only(repo)
    assert p.line == 9 and "top-level '# ' heading" in p.message


@pytest.mark.parametrize("line,words", [
    ("<script>alert(1)</script>", "raw <script>"),
    ('<iframe src="https://example.org"></iframe>', "raw <iframe>"),
    ('<object data="x.swf"></object>', "raw <object>"),
    ('<a href="#" onclick="steal()">x</a>', "'on…=' attribute"),
    ('[click](x){onmouseover="steal()"}', "'on…=' attribute"),
    ("[click me](javascript:alert(1))", "'javascript:' link"),
    ("![](van.jpg)", "no alt text"),
    ('<img src="van.jpg">', "no alt text"),
    ("![A van](https://tracker.example/van.jpg)", "loaded from another website"),
])
def test_unsafe_markup_is_reported_on_its_line(repo, line, words):
    write(repo, HACK_PATH, f"---\ntitle: First hack\nsummary: S\ntags: [boundaries]\n---\n\nIntro.\n\n{line}\n")
    found = problems(repo)
    assert found, "nothing reported"
    assert all((p.path, p.line) == (HACK_PATH, 9) for p in found), found
    assert any(words in p.message for p in found), found


def test_markup_inside_code_is_allowed(repo):
    write(repo, HACK_PATH, "---\ntitle: First hack\nsummary: S\ntags: [boundaries]\n---\n\n"
          "Write `<script>` to show code.\n\n```\n<script>x()</script>\n```\n")
    assert problems(repo) == []


def test_every_problem_is_reported_at_once(repo):
    write(repo, HACK_PATH, "---\ntitle: First hack\nsummary: S\nfeaturd: true\ntags: [boundaries]\n---\n\n")
    write(repo, "hacks/nope/cat/x.md", HACK.format(title="X"))
    write(repo, "quotes/two.md", "---\nattribution: A\n---\n\nWords worth keeping.\n")
    found = problems(repo)
    assert {(p.path, p.line) for p in found} == {
        (HACK_PATH, 4), (HACK_PATH, 7), ("hacks/nope/cat/x.md", 1), ("quotes/two.md", 5)}


def test_bad_file_name(repo):
    write(repo, "hacks/sec/cat/Saying No.md", HACK.format(title="Saying no"))
    p = only(repo)
    assert "'saying-no.md'" in p.message


def test_section_may_not_take_a_reserved_address(repo):
    write(repo, "content/sections/hacks/_section.md", "---\ntitle: H\ntagline: T\norder: 2\n---\n\nIntro.\n")
    assert "web address the site already uses" in only(repo).message
