"""Shared fixtures: the shipped publication, loaded once and built once into a temporary folder."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from paths import ROOT

from spacehacks.load import load_publication
from spacehacks.problems import errors
from spacehacks.publish import publish


@pytest.fixture(scope="session")
def pub():
    publication, problems = load_publication(ROOT)
    # Warnings (a translation behind its English, say) never stop a build; tests of the
    # translations check the shipped ones are current.
    assert errors(problems) == [], "\n".join(map(str, problems))
    return publication


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Path:
    """The whole shipped publication, built the way `make site` builds it."""
    out = tmp_path_factory.mktemp("build") / "site"
    return publish(ROOT, out)


@pytest.fixture
def repo_copy(tmp_path) -> Path:
    """A scratch copy of the repository's content and theme, for tests that break things."""
    for name in ("content", "hacks", "quotes", "theme", "archetypes"):
        shutil.copytree(ROOT / name, tmp_path / name)
    shutil.copy(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    return tmp_path
