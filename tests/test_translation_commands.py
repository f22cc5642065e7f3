"""`build.py translations`, `--mark`, `new translation` and `check` as a translator runs them,
in a git repository, as on a pull request."""
from __future__ import annotations

import subprocess
import sys

import pytest
from minirepo import minimal, write
from paths import ROOT

HACK_PATH = "hacks/sec/cat/first-hack.md"
ES_PATH = "hacks/sec/cat/first-hack.es.md"
SPANISH = "---\ntitle: Primer hack\nsummary: Un resumen breve.\nreviewed: false\n---\n\nUn texto práctico.\n"


def run(root, *args):
    return subprocess.run([sys.executable, str(ROOT / "build.py"), "--root", str(root), *args],
                          check=False, capture_output=True, text=True, timeout=300)


def git(root, *args, date: str = "2026-11-20") -> str:
    env = {"GIT_AUTHOR_NAME": "T", "GIT_AUTHOR_EMAIL": "t@example.org", "GIT_COMMITTER_NAME": "T",
           "GIT_COMMITTER_EMAIL": "t@example.org", "GIT_AUTHOR_DATE": f"{date}T12:00:00Z",
           "GIT_COMMITTER_DATE": f"{date}T12:00:00Z", "PATH": "/usr/bin:/bin", "HOME": str(root)}
    return subprocess.run(["git", "-C", str(root), *args], capture_output=True, text=True, check=True,
                          env=env).stdout


@pytest.fixture
def repo(tmp_path):
    minimal(tmp_path)
    write(tmp_path, "archetypes/translation.md", (ROOT / "archetypes" / "translation.md").read_text())
    write(tmp_path, ES_PATH, SPANISH)
    git(tmp_path, "init", "-q")
    return tmp_path


def commit(root, message: str, date: str = "2026-11-20") -> str:
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", message, date=date)
    return git(root, "rev-parse", "--short", "HEAD").strip()


def test_mark_records_the_hash_and_check_is_then_clean(repo):
    before = run(repo, "check")
    assert before.returncode == 0 and "never marked" in before.stdout
    marked = run(repo, "translations", "--mark", str(repo / ES_PATH))
    assert marked.returncode == 0, marked.stderr
    text = (repo / ES_PATH).read_text()
    assert "source_hash: \"" in text and "reviewed: false" in text
    assert text.replace(text.split("\n")[4] + "\n", "") == SPANISH   # only the one line added
    after = run(repo, "check")
    assert after.returncode == 0 and "warning" not in after.stdout and "All good" in after.stdout


def test_a_one_word_english_edit_warns_lists_and_mark_clears_it(repo):
    run(repo, "translations", "--mark", ES_PATH)
    base = commit(repo, "A hack and its Spanish")
    english = repo / HACK_PATH
    english.write_text(english.read_text().replace("Some practical text.", "Some useful text."))
    commit(repo, "One word", "2026-11-25")

    check = run(repo, "check")
    assert check.returncode == 0, check.stderr
    assert (f"{ES_PATH}:5: warning: outdated: the English changed on 2026-11-25; "
            f"see git diff {base}.. -- {HACK_PATH}") in check.stdout
    github = run(repo, "check", "--format", "github")
    assert github.returncode == 0
    assert github.stdout.startswith(f"::warning file={ES_PATH},line=5::outdated:")

    listing = run(repo, "translations")
    assert listing.returncode == 0
    outdated = listing.stdout.split("Outdated")[1].split("\n\n")[0]
    assert "(1):" in outdated and ES_PATH in outdated and f"git diff {base}.." in outdated
    assert "1 outdated" in listing.stdout

    run(repo, "translations", "--mark", ES_PATH)
    assert "warning" not in run(repo, "check").stdout
    assert "0 outdated" in run(repo, "translations").stdout


def test_an_uncommitted_english_edit_is_reported_as_such(repo):
    run(repo, "translations", "--mark", ES_PATH)
    base = commit(repo, "A hack and its Spanish")
    english = repo / HACK_PATH
    english.write_text(english.read_text().replace("Some practical text.", "Some useful text."))
    check = run(repo, "check")
    assert f"changed in changes not committed yet; see git diff {base}.. -- {HACK_PATH}" in check.stdout


def test_outside_git_the_warning_still_names_the_source(tmp_path):
    minimal(tmp_path)
    write(tmp_path, ES_PATH, SPANISH)
    run(tmp_path, "translations", "--mark", ES_PATH)
    english = tmp_path / HACK_PATH
    english.write_text(english.read_text().replace("Some practical", "Some useful"))
    check = run(tmp_path, "check")
    assert check.returncode == 0 and f"outdated: the source ({HACK_PATH}) changed" in check.stdout


def test_new_translation_without_its_archetype_says_so(repo):
    (repo / "archetypes" / "translation.md").unlink()
    (repo / ES_PATH).unlink()
    result = run(repo, "new", "translation", "es", HACK_PATH)
    assert result.returncode == 1 and "archetypes/translation.md is missing" in result.stderr


def test_reviewed_is_recorded_and_lost_when_the_english_changes(repo):
    run(repo, "translations", "--mark", ES_PATH, "--reviewed")
    assert "reviewed: true" in (repo / ES_PATH).read_text()
    assert "1 reviewed" in run(repo, "translations").stdout
    run(repo, "translations", "--mark", ES_PATH)   # same English: the review still holds
    assert "reviewed: true" in (repo / ES_PATH).read_text()
    english = repo / HACK_PATH
    english.write_text(english.read_text().replace("Some practical", "Some useful"))
    marked = run(repo, "translations", "--mark", ES_PATH)
    assert "review it again" in marked.stdout
    assert "reviewed: false" in (repo / ES_PATH).read_text()


def test_mark_refuses_what_is_not_a_translation_and_changes_nothing(repo):
    first = (repo / ES_PATH).read_text()
    result = run(repo, "translations", "--mark", ES_PATH, HACK_PATH)
    assert result.returncode == 1 and "is not a translation" in result.stderr
    assert (repo / ES_PATH).read_text() == first   # all checked before any is written
    result = run(repo, "translations", "--mark", "hacks/sec/cat/nowhere.es.md")
    assert result.returncode == 1 and "there is no file" in result.stderr


def test_translations_lists_what_is_translated_and_missing(repo):
    write(repo, "hacks/sec/cat/second-hack.md", "---\ntitle: Second hack\nsummary: S.\n---\n\nText.\n")
    out = run(repo, "translations").stdout
    assert out.startswith("Spanish (es): 1 of 4 texts translated")
    assert f"Not yet reviewed by a native speaker (1):\n  {ES_PATH}" in out
    missing = out.split("Missing")[1]
    assert "(3):" in missing and "hack: hacks/sec/cat/second-hack.md" in missing
    assert "section: content/sections/sec/_section.md" in missing
    assert "Never marked" in out and "there is no content/i18n/es.yml" in out


def test_new_translation_starts_from_the_source(repo):
    (repo / ES_PATH).unlink()
    result = run(repo, "new", "translation", "es", HACK_PATH)
    assert result.returncode == 0, result.stderr
    text = (repo / ES_PATH).read_text()
    assert "# title in English: First hack\ntitle:\n" in text
    assert "# summary in English: A short summary.\nsummary:\n" in text
    assert "reviewed: false" in text and text.endswith("\nSome practical text.\n")
    assert "tags" not in text
    check = run(repo, "check")   # the fields are still to be translated, and check says so
    assert check.returncode == 1 and "required field 'title' is empty" in check.stderr
    text = text.replace("title:\n", "title: Primer hack\n").replace("summary:\n", "summary: Resumen.\n")
    (repo / ES_PATH).write_text(text)
    check = run(repo, "check")
    assert check.returncode == 0 and "warning" not in check.stdout   # it is marked against this source
    again = run(repo, "new", "translation", "es", HACK_PATH)
    assert again.returncode == 1 and "already exists" in again.stderr


@pytest.mark.parametrize("args,words", [
    (("fr", HACK_PATH), "'fr' is not a language"),
    (("es", "quotes/one.md"), "quotes are not translated"),
    (("es", ES_PATH), "is itself a translation"),
])
def test_new_translation_refuses_plainly(repo, args, words):
    result = run(repo, "new", "translation", *args)
    assert result.returncode == 1 and words in result.stderr and "Traceback" not in result.stderr
