"""The commands as an editor runs them: plain errors, exit status, and no half-written site."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from minirepo import HACK, write
from paths import ROOT


def run(*args, root):
    return subprocess.run([sys.executable, str(ROOT / "build.py"), "--root", str(root), *args],
                          capture_output=True, text=True, timeout=300)


def test_check_passes_on_shipped_content():
    result = run("check", root=ROOT)
    assert result.returncode == 0, result.stderr
    assert "All good" in result.stdout


def test_check_lists_every_problem_without_a_traceback(repo_copy):
    write(repo_copy, "hacks/using-space-hacks/language/bad-one.md", "---\ntitle: [oops\n---\n\nText.\n")
    write(repo_copy, "hacks/nowhere/cat/bad-two.md", HACK.format(title="Bad two"))
    result = run("check", root=repo_copy)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr + result.stdout
    assert "hacks/using-space-hacks/language/bad-one.md:2:" in result.stderr
    assert "hacks/nowhere/cat/bad-two.md:1:" in result.stderr
    assert result.stderr.startswith("Found 2 problems in 2 files:")


def test_github_annotations(repo_copy):
    write(repo_copy, "hacks/using-space-hacks/language/bad-one.md", "---\ntitle: [oops\n---\n\nText.\n")
    result = run("check", "--format", "github", root=repo_copy)
    assert result.returncode == 1
    line = result.stdout.strip().splitlines()[0]  # GitHub reads workflow commands from stdout
    assert line.startswith("::error file=hacks/using-space-hacks/language/bad-one.md,line=2::")


def test_failed_build_leaves_the_previous_site_exactly_as_it_was(repo_copy):
    site = repo_copy / "site"
    site.mkdir()
    (site / "index.html").write_text("previous site")
    write(repo_copy, "hacks/using-space-hacks/language/bad.md", "<script>\n")
    result = run("site", root=repo_copy)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert sorted(p.name for p in site.iterdir()) == ["index.html"]
    assert (site / "index.html").read_text() == "previous site"
    assert not [p for p in repo_copy.iterdir() if p.name.startswith(".site-")], "scratch folders left behind"


def mkdocs(*args, cwd):
    return subprocess.run([str(Path(sys.executable).parent / "mkdocs"), *args], cwd=cwd,
                          capture_output=True, text=True, timeout=300)


def test_plain_mkdocs_build_works_on_its_own(repo_copy):
    result = mkdocs("build", "-q", "-d", "out", cwd=repo_copy)
    assert result.returncode == 0, result.stderr
    assert (repo_copy / "out" / "hacks.json").exists()
    assert (repo_copy / "out" / "de-escalation-in-the-moment" / "staying-present" / "five-senses-grounding"
            / "index.html").exists()


def test_plain_mkdocs_build_reports_content_problems_plainly(repo_copy):
    write(repo_copy, "hacks/using-space-hacks/language/bad.md", "---\ntitle: [oops\n---\n\nText.\n")
    result = mkdocs("build", "-q", "-d", "out", cwd=repo_copy)
    assert result.returncode == 1
    assert "hacks/using-space-hacks/language/bad.md:2:" in result.stderr
    assert "Traceback" not in result.stderr
