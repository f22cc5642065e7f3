"""Front matter, settings and file layouts that used to bring the check down, crash the build or be
accepted silently: each is now a plain message with file and line, fast, and never a traceback."""
from __future__ import annotations

import os
import subprocess
import sys

import pytest
from minirepo import minimal, only, problems, write
from paths import ROOT

HACK_PATH = "hacks/sec/cat/first-hack.md"


def hack(front: str, body: str = "Some practical text.") -> str:
    return f"---\n{front}\n---\n\n{body}\n"


@pytest.fixture
def repo(tmp_path):
    return minimal(tmp_path)


LAUGHS = ("a: &a [x, x, x, x, x, x, x, x, x]\n"
          + "".join(f"{b}: &{b} [{', '.join(['*' + a] * 9)}]\n" for a, b in zip("abcdefgh", "bcdefghi"))
          + "title: *i\nsummary: S")

# (front matter, line, words in the message)
CASES = {
    "billion laughs": (LAUGHS, 2, "is a YAML anchor"),
    "alias": ("title: T\nsummary: *x", 3, "is a YAML alias"),
    "30,000 brackets": ("title: T\nsummary: S\ntags: " + "[" * 30_000, 2, "nests brackets more than"),
    "deep block nesting": ("title: T\nsummary: S\ntags:\n" + "".join("  " * i + "-\n" for i in range(40)),
                           0, "nests more than"),
    "duplicate title": ("title: A\nsummary: S\ntitle: B", 4, "'title' is given twice, on lines 2 and 4"),
    "5,000-digit number": ("title: T\nsummary: S\nfeatured: " + "9" * 5000, 4, "should be true or false, not '999"),
    "title of spaces": ("title: '   '\nsummary: S", 2, "the required field 'title' is empty (only spaces)"),
    "5,000-character title": ("title: " + "x" * 5000 + "\nsummary: S", 2, "5000 characters long"),
    "escaped bell in a title": ('title: "a\\x07b"\nsummary: S', 2, "invisible control character (U+0007)"),
    "escaped NUL in a summary": ('title: T\nsummary: "a\\0b"', 3, "invisible control character (U+0000)"),
    "raw bell in a title": ("title: a\x07b\nsummary: S", 2, "invisible control character (U+0007)"),
    "C1 control": ("title: a\x85b\nsummary: S", 2, "invisible control character (U+0085)"),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_front_matter_limit(repo, name):
    front, line, words = CASES[name]
    write(repo, HACK_PATH, hack(front))
    found = [p for p in problems(repo) if p.path == HACK_PATH]
    assert found and any(words in p.message for p in found), found
    if line:
        assert found[0].line == line, found
    assert all(len(p.message) < 400 for p in found)


@pytest.mark.parametrize("body,line", [("A\x00b", 6), ("Page one.\n\x0cPage two.", 7), ("Bell \x07 here", 6)])
def test_control_characters_in_a_body(repo, body, line):
    write(repo, HACK_PATH, hack("title: T\nsummary: S", body))
    p = only(repo)
    assert p.line == line and "invisible control character" in p.message


def test_oversized_file(repo):
    write(repo, HACK_PATH, hack("title: T\nsummary: S", "word " * 60_000))
    assert "a content file may be at most" in only(repo).message


@pytest.mark.parametrize("text,words", [
    ("title: T\nsubtitle: S\npublisher: P\nlanguage: en\ndescription: &d D\n", "is a YAML anchor"),
    ("title: T\ntitle: U\nsubtitle: S\npublisher: P\nlanguage: en\n", "'title' is given twice"),
    ("title: T\nsubtitle: S\npublisher: '  '\nlanguage: en\n", "'publisher' is missing"),
    ("title: T\nsubtitle: S\npublisher: P\nlanguage: en\ndescription: \"a\\x07\"\n", "control character"),
    ("title: T\nsubtitle: S\npublisher: P\nlanguage: en\nx: " + "[" * 30_000 + "\n", "nests brackets"),
    ("title: T\nsubtitle: S\npublisher: P\nlanguage: en\nrepository_url: javascript:alert(1)\n", "'repository_url' must be"),
    ("title: T\nsubtitle: S\npublisher: P\nlanguage: en\nlicence_url: 'https://x\" onclick=\"a'\n", "'licence_url' must be"),
    ("title: T\nsubtitle: S\npublisher: P\nlanguage: en\nsite_url: [1]\n", "'site_url' must be"),
])
def test_publication_settings_limits(repo, text, words):
    write(repo, "content/publication.yml", text)
    assert words in only(repo).message


@pytest.mark.parametrize("name", ["x.MD", "x.markdown", "x.Md"])
def test_other_markdown_extensions_are_reported(repo, name):
    write(repo, f"hacks/sec/cat/{name}", hack("title: X\nsummary: S"))
    p = only(repo)
    assert p.path == f"hacks/sec/cat/{name}" and "Rename it to 'x.md'" in p.message


@pytest.mark.parametrize("kind", ["dangling", "loop", "outside", "folder"])
def test_symlinks_are_reported_not_followed(repo, tmp_path_factory, kind):
    folder = repo / "hacks" / "sec" / "cat"
    link = folder / ("linked" if kind == "folder" else "linked.md")
    if kind == "dangling":
        link.symlink_to("nowhere.md")
    elif kind == "loop":
        link.symlink_to("linked.md")
    elif kind == "outside":
        secret = tmp_path_factory.mktemp("outside") / "secret.md"
        secret.write_text(hack("title: Secret\nsummary: S"), encoding="utf-8")
        link.symlink_to(secret)
    else:
        link.symlink_to(folder)    # a folder that contains itself
    p = only(repo)
    assert p.path.endswith(link.name) and "symbolic link" in p.message


def test_page_named_like_a_section(repo):
    write(repo, "content/pages/sec.md", "---\ntitle: P\norder: 1\n---\n\nText.\n")
    assert "also the name of a section" in only(repo).message


@pytest.mark.parametrize("args", [["hack", "a\x01b", "--section", "sec", "--category", "cat"],
                                  ["hack", "Fine", "--section", "sec", "--category", "cat", "--summary", "a\x1bb"],
                                  ["quote", "Words\x07", "--attribution", "A"]])
def test_new_refuses_control_characters(repo, args):
    run = subprocess.run([sys.executable, str(ROOT / "build.py"), "--root", str(repo), "new", *args],
                         check=False, capture_output=True, text=True, timeout=60)
    assert run.returncode == 1 and "invisible control character" in run.stderr
    assert "Traceback" not in run.stderr


def test_new_refuses_an_over_long_title(repo):
    run = subprocess.run([sys.executable, str(ROOT / "build.py"), "--root", str(repo), "new", "hack", "x" * 5000,
                          "--section", "sec", "--category", "cat"], check=False, capture_output=True, text=True, timeout=60)
    assert run.returncode == 1 and "the title is 5000 characters long; keep it to at most 120" in run.stderr
    assert not list((repo / "hacks").rglob("x*.md"))


def test_check_command_gives_messages_not_tracebacks(repo):
    write(repo, HACK_PATH, hack("title: T\nsummary: S\ntags: " + "[" * 30_000))
    write(repo, "hacks/sec/cat/laughs.md", hack(LAUGHS))
    (repo / "hacks/sec/cat/loop.md").symlink_to("loop.md")
    run = subprocess.run([sys.executable, str(ROOT / "build.py"), "--root", str(repo), "check"],
                         check=False, capture_output=True, text=True, timeout=60, env={**os.environ, "PYTHONFAULTHANDLER": "1"})
    assert run.returncode == 1, run.stderr
    assert "Traceback" not in run.stderr and "Fatal Python error" not in run.stderr
    assert f"{HACK_PATH}:2:" in run.stderr and "hacks/sec/cat/laughs.md:2:" in run.stderr
    assert "hacks/sec/cat/loop.md:1:" in run.stderr
