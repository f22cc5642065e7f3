"""`build.py new hack|quote`: a valid file in the right place, never an overwrite or a duplicate."""
from __future__ import annotations

import datetime as dt
import subprocess
import sys

import pytest
from paths import ROOT

from spacehacks.load import load_publication
from spacehacks.scaffold import ScaffoldError, new_hack, new_quote, slugify


def test_slug_from_title_folds_accents_apostrophes_and_length():
    assert slugify("Don't rush: the café door") == "dont-rush-the-cafe-door"
    long = slugify("word " * 40)
    assert len(long) <= 60 and not long.endswith("-") and long.startswith("word-word")


def test_new_hack_is_valid_and_lands_in_its_folder(repo_copy):
    file = new_hack(repo_copy, "Saying no: kindly, and once", "Hacks for Preventing Escalation",
                    "community building", tags=["boundaries"], today=dt.date(2026, 11, 21))
    assert file == repo_copy / "hacks/preventing-escalation/community-building/saying-no-kindly-and-once.md"
    pub, problems = load_publication(repo_copy)
    assert problems == []
    hack = pub.hack("saying-no-kindly-and-once")
    assert hack.title == "Saying no: kindly, and once"
    assert hack.category.slug == "community-building" and hack.tags == ["boundaries"]
    assert hack.updated == dt.date(2026, 11, 21)
    assert "## What to do" in hack.body


def test_new_hack_refuses_duplicates_and_never_overwrites(repo_copy, pub):
    existing = pub.hacks[0]
    before = (ROOT / existing.path).read_text(encoding="utf-8")
    with pytest.raises(ScaffoldError, match="already exists"):
        new_hack(repo_copy, "Something new", existing.section.slug, existing.category.slug, slug=existing.slug)
    with pytest.raises(ScaffoldError, match="already used by"):
        new_hack(repo_copy, existing.title.upper(), existing.section.slug, existing.category.slug)
    assert (repo_copy / existing.path).read_text(encoding="utf-8") == before


def test_unknown_section_or_category_gets_did_you_mean(repo_copy):
    with pytest.raises(ScaffoldError, match="Did you mean 'preventing-escalation'"):
        new_hack(repo_copy, "A title", "preventing-escalatoin", "community-building")
    with pytest.raises(ScaffoldError, match="Did you mean 'community-building'"):
        new_hack(repo_copy, "A title", "preventing-escalation", "comunity-building")
    with pytest.raises(ScaffoldError, match="not in content/tags.yml. Did you mean 'boundaries'"):
        new_hack(repo_copy, "A title", "preventing-escalation", "community-building", tags=["boundary"])
    assert not list((repo_copy / "hacks").rglob("a-title.md"))


def test_new_quote_is_valid_and_refuses_the_same_words(repo_copy, pub):
    file = new_quote(repo_copy, "Nobody is “disposable” here: not one person.", attribution="Ana Ruiz",
                     source="Interview, 2024")
    assert file.name == "ruiz-nobody-is-disposable.md"
    after, problems = load_publication(repo_copy)
    assert problems == []
    quote = next(q for q in after.quotes if q.slug == "ruiz-nobody-is-disposable")
    assert (quote.attribution, quote.source) == ("Ana Ruiz", "Interview, 2024")
    assert quote.text == "Nobody is “disposable” here: not one person."
    with pytest.raises(ScaffoldError, match=f"already in {pub.quotes[0].path}"):
        new_quote(repo_copy, "  " + pub.quotes[0].text.upper() + " ")


def test_command_line_creates_then_refuses(repo_copy):
    cmd = [sys.executable, str(ROOT / "build.py"), "--root", str(repo_copy), "new", "hack", "Quiet corner",
           "--section", "preventing-escalation", "--category", "Community Building", "--summary",
           "A calm place to step away to."]
    first = subprocess.run(cmd, capture_output=True, text=True)
    assert first.returncode == 0, first.stderr
    assert "Created hacks/preventing-escalation/community-building/quiet-corner.md" in first.stdout
    second = subprocess.run(cmd, capture_output=True, text=True)
    assert second.returncode == 1
    assert "Nothing was created" in second.stderr and "already exists" in second.stderr
    check = subprocess.run([sys.executable, str(ROOT / "build.py"), "--root", str(repo_copy), "check"],
                           capture_output=True, text=True)
    assert check.returncode == 0, check.stderr


@pytest.mark.parametrize("slug", ["../escape", "My Hack", "index"])
def test_a_hand_given_slug_must_be_a_valid_file_name(repo_copy, slug):
    with pytest.raises(ScaffoldError, match="cannot be a file name"):
        new_hack(repo_copy, "A new hack", "preventing-escalation", "community-building", slug=slug)
    assert not (repo_copy / "hacks" / "escape.md").exists()


def test_a_hack_never_gets_a_name_of_digits_only(repo_copy):
    """A long category's later pages are <category>/2/, <category>/3/…: no hack may take those."""
    with pytest.raises(ScaffoldError, match="cannot be a hack's file name.*'hack-2'"):
        new_hack(repo_copy, "A new hack", "preventing-escalation", "community-building", slug="2")
    path = new_hack(repo_copy, "2", "preventing-escalation", "community-building")
    assert path.name == "hack-2.md"
    _, problems = load_publication(repo_copy)
    assert not [p for p in problems if p.path.endswith("hack-2.md")]


def test_docs_command_explains_a_missing_guide_without_a_traceback(tmp_path):
    from paths import ROOT
    result = subprocess.run([sys.executable, str(ROOT / "build.py"), "--root", str(tmp_path), "docs"],
                            capture_output=True, text=True)
    assert result.returncode == 1
    assert "Cannot update CONTRIBUTING.md" in result.stderr and "Traceback" not in result.stderr
