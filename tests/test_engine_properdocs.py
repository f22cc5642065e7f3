"""Engine independence: the site built by ProperDocs (the maintained fork of MkDocs 1.6) is the
same as the site built by MkDocs, file for file, apart from the generator's name."""
from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from paths import ROOT

# Builds the shipped publication's site (no downloads) with one engine. ProperDocs answers every
# `import mkdocs…` once `properdocs.replacement` is imported, so our plugin and Material run on it
# unchanged; each engine gets its own process so the two never mix.
BUILD = """
import sys
from pathlib import Path
if sys.argv[1] == "properdocs":
    import properdocs.replacement  # noqa: F401
from spacehacks.load import load_publication
from spacehacks.publish import build_site
root = Path(sys.argv[2])
pub, problems = load_publication(root)
assert not problems, problems
build_site(root, Path(sys.argv[3]), pub, [])
import mkdocs
print(mkdocs.__name__)
"""

GENERATOR = re.compile(rb'<meta name="generator" content="[^"]*">')


def build_with(engine: str, out: Path) -> str:
    done = subprocess.run([sys.executable, "-c", BUILD, engine, str(ROOT), str(out)],
                          capture_output=True, text=True, cwd=ROOT, check=False)
    assert done.returncode == 0, done.stderr[-3000:]
    return done.stdout.strip().splitlines()[-1]


def files(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): GENERATOR.sub(b"", p.read_bytes())
            for p in sorted(site.rglob("*")) if p.is_file()}


@pytest.mark.slow
def test_properdocs_builds_the_same_site_as_mkdocs(tmp_path):
    assert build_with("mkdocs", tmp_path / "mkdocs") == "mkdocs"
    assert build_with("properdocs", tmp_path / "properdocs") == "properdocs"
    ours, theirs = files(tmp_path / "mkdocs"), files(tmp_path / "properdocs")
    assert sorted(ours) == sorted(theirs)
    assert any(name.endswith(".html") for name in ours) and "hacks.json" in ours
    differ = [name for name in ours if ours[name] != theirs[name]]
    assert differ == [], f"{len(differ)} files differ between MkDocs and ProperDocs, e.g. {differ[:5]}"
