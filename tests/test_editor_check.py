"""`build.py check`: fast, and in GitHub's annotation format for pull requests."""
from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from paths import ROOT

from spacehacks.problems import Problem

ANNOTATION = re.compile(r"^::(?:error|warning) file=(?P<file>[^,:]+),line=(?P<line>\d+)::(?P<message>.+)$")


def _check(root: Path, *extra: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(ROOT / "build.py"), "--root", str(root), "check", *extra],
                          capture_output=True, text=True)


def test_github_format_puts_each_problem_on_its_line(repo_copy, pub):
    hack = pub.hacks[0]
    file = repo_copy / hack.path
    lines = file.read_text(encoding="utf-8").split("\n")
    lines.insert(1, "featurd: true")            # a typo on line 2
    file.write_text("\n".join(lines), encoding="utf-8")
    quote = repo_copy / pub.quotes[0].path
    (repo_copy / "quotes" / "copy-of-first.md").write_text(quote.read_text(encoding="utf-8"), encoding="utf-8")

    result = _check(repo_copy, "--format", "github")
    assert result.returncode == 1
    found = [ANNOTATION.match(line) for line in result.stdout.splitlines()]
    assert found and all(found), result.stdout
    by_file = {m["file"]: m for m in found}
    assert by_file[hack.path]["line"] == "2"
    assert "'featurd' is not a known field" in by_file[hack.path]["message"]
    assert "Did you mean 'featured'?" in by_file[hack.path]["message"]
    assert "already in" in by_file["quotes/copy-of-first.md"]["message"]


def test_text_format_names_file_and_line(repo_copy, pub):
    file = repo_copy / pub.hacks[0].path
    file.write_text(file.read_text(encoding="utf-8").replace("title:", "titel:", 1), encoding="utf-8")
    result = _check(repo_copy)
    assert result.returncode == 1
    assert f"{pub.hacks[0].path}:2: 'titel' is not a known field" in result.stderr


def test_annotation_escapes_what_would_end_it():
    problem = Problem("hacks/a,b:c.md", 3, "50% of it\nis on two lines")
    assert problem.github() == "::error file=hacks/a%2Cb%3Ac.md,line=3::50%25 of it%0Ais on two lines"


def test_check_loads_no_output_library():
    """What keeps `build.py check` quick on every save: it reads and checks, and imports none of
    the outputs' libraries (WeasyPrint alone takes most of a second). bench/check_speed.py times it."""
    heavy = ("weasyprint", "docx", "odf", "pikepdf", "pypdf", "mkdocs", "playwright", "fontTools")
    code = ("import sys\nfrom spacehacks.cli import main\nrc = main(['check'])\n"
            f"print(rc, sorted(m for m in {heavy!r} if m in sys.modules))")
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=False)
    assert result.stdout.strip().splitlines()[-1] == "0 []", result.stdout + result.stderr
