"""CONTRIBUTING.md: its field reference matches the schema, and its error guide matches the code."""
from __future__ import annotations

import re
import subprocess
import sys

from paths import ROOT

from spacehacks import editor_docs, schema

GUIDE = ROOT / "CONTRIBUTING.md"


def test_field_reference_matches_the_schema():
    assert editor_docs.is_current(GUIDE.read_text(encoding="utf-8")), (
        "CONTRIBUTING.md no longer matches spacehacks/schema.py: run `python build.py docs` and commit it.")


def test_every_field_of_every_kind_is_described():
    text = GUIDE.read_text(encoding="utf-8")
    for _, _, table in editor_docs.KINDS:
        for f in getattr(schema, table, ()):
            assert f"| `{f.name}` | {'yes' if f.required else 'no'} | {f.help}" in text.replace("\\|", "|")


def test_a_schema_change_is_caught_and_fixed(monkeypatch, tmp_path):
    text = GUIDE.read_text(encoding="utf-8")
    monkeypatch.setattr(schema, "QUOTE", schema.QUOTE + (
        schema.Field("language", "line", False, "The language the quote was first said in.", "Spanish"),))
    assert not editor_docs.is_current(text)
    fixed = editor_docs.updated(text)
    assert "| `language` | no | The language the quote was first said in." in fixed
    assert editor_docs.is_current(fixed)
    assert fixed.split(editor_docs.START)[0] == text.split(editor_docs.START)[0]   # hand-written parts kept
    assert fixed.split(editor_docs.END)[1] == text.split(editor_docs.END)[1]


def test_docs_check_command_fails_on_a_stale_guide(tmp_path):
    stale = GUIDE.read_text(encoding="utf-8").replace("| `summary` | yes |", "| `summary` | no |", 1)
    (tmp_path / "CONTRIBUTING.md").write_text(stale, encoding="utf-8")
    run = [sys.executable, str(ROOT / "build.py"), "--root", str(tmp_path), "docs"]
    check = subprocess.run(run + ["--check"], capture_output=True, text=True)
    assert check.returncode == 1 and "python build.py docs" in check.stderr
    assert subprocess.run(run, capture_output=True, text=True).returncode == 0
    assert (tmp_path / "CONTRIBUTING.md").read_text(encoding="utf-8") == GUIDE.read_text(encoding="utf-8")


def test_every_message_in_the_error_guide_is_one_the_checks_give():
    """A reworded message must be reworded in the guide too, or editors search for the wrong words."""
    guide = GUIDE.read_text(encoding="utf-8").split("## What the error messages mean", 1)[1]
    rows = [line for line in guide.splitlines() if line.startswith("| `")]
    assert len(rows) >= 15
    code = "\n".join(p.read_text(encoding="utf-8") for p in (ROOT / "spacehacks").rglob("*.py"))
    code = re.sub(r'"\s*\n\s*f?"', "", code)          # join implicitly concatenated string literals
    code = code.replace("{KIND_NAMES[f.kind]}", "|".join(schema.KIND_NAMES.values()))
    for row in rows:
        for fragment in re.findall(r"`([^`]+)`", row.split(" | ")[0]):
            if fragment.startswith("should be "):
                assert fragment.removeprefix("should be ") in schema.KIND_NAMES.values(), fragment
            else:
                assert fragment in code, f"the guide quotes {fragment!r}, which no check says any more"
