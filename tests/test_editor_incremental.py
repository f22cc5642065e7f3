"""`make site` with nothing changed reuses the last build; a change rebuilds what depends on it."""
from __future__ import annotations

import pytest
from paths import ROOT

from spacehacks import publish as publishing
from spacehacks.buildstamp import fingerprint
from spacehacks.publish import publish


@pytest.fixture
def site_builds(monkeypatch) -> list[object]:
    """Every run of the site engine, so a test can say whether a build ran or was reused."""
    runs: list[object] = []
    real = publishing.build_site

    def counting(root, out, pub=None, downloads=None):
        if pub is None or pub.language == "en":   # each translation's site is built beside it
            runs.append(out)
        return real(root, out, pub, downloads)

    monkeypatch.setattr(publishing, "build_site", counting)
    return runs


@pytest.fixture
def counted_steps(monkeypatch):
    """Stand-in output steps that count their runs (the real PDF and template steps have their own
    reuse tests); the site stage around them is what is measured here."""
    runs = []

    def step(pub, out, previous):
        runs.append(previous)
        (out / "marker.txt").write_text(f"{len(pub.hacks)} hacks, run {len(runs)}")
        return []

    monkeypatch.setattr(publishing, "OUTPUT_STEPS", [step])
    return runs


def test_unchanged_inputs_reuse_the_site_and_a_changed_hack_rebuilds(repo_copy, counted_steps, site_builds, pub):
    out = repo_copy / "site"
    publish(repo_copy, out)
    assert len(counted_steps) == 1 and len(site_builds) == 1
    page = out / pub.hacks[0].url / "index.html"
    built_at = page.stat().st_mtime_ns

    publish(repo_copy, out)
    assert len(counted_steps) == 1, "an output step ran although nothing had changed"
    assert len(site_builds) == 1, "the site engine ran although nothing had changed"
    assert page.stat().st_mtime_ns == built_at

    hack = repo_copy / pub.hacks[0].path
    hack.write_text(hack.read_text(encoding="utf-8").replace(f"title: {pub.hacks[0].title}",
                                                             "title: A freshly renamed hack", 1), encoding="utf-8")
    publish(repo_copy, out)
    assert len(counted_steps) == 2 and counted_steps[1] == out / "downloads"   # steps may reuse
    assert len(site_builds) == 2
    assert "A freshly renamed hack" in page.read_text(encoding="utf-8")
    assert "A freshly renamed hack" in (out / "hacks.json").read_text(encoding="utf-8")
    assert (out / "downloads" / "marker.txt").exists()


def test_theme_change_rebuilds_and_a_deleted_site_is_rebuilt(repo_copy, counted_steps):
    out = repo_copy / "site"
    publish(repo_copy, out)
    view = repo_copy / "theme" / "views" / "home.html"
    view.write_text(view.read_text(encoding="utf-8") + "<p>Theme marker 5d1e.</p>\n", encoding="utf-8")
    publish(repo_copy, out)
    assert len(counted_steps) == 2
    assert "Theme marker 5d1e." in (out / "index.html").read_text(encoding="utf-8")
    (out / "index.html").unlink()
    publish(repo_copy, out)
    assert len(counted_steps) == 3 and (out / "index.html").exists()


def test_fingerprint_follows_every_input(repo_copy):
    before = fingerprint(repo_copy)
    assert fingerprint(repo_copy) == before
    for name in ("quotes", "content", "theme"):
        file = next(p for p in sorted((repo_copy / name).rglob("*")) if p.is_file())
        original = file.read_bytes()
        file.write_bytes(original + b"\n")
        assert fingerprint(repo_copy) != before, name
        file.write_bytes(original)
    assert fingerprint(repo_copy) == before


def test_shipped_publication_no_change_build_reuses_everything(site, site_builds, monkeypatch):
    """The real build (PDF and templates included) is reused as a whole when nothing changed:
    no output step and no site engine runs (how long that takes is bench/'s business)."""
    ran: list[str] = []
    monkeypatch.setattr(publishing, "OUTPUT_STEPS",
                        [lambda pub, out, previous: ran.append("step") or []])
    index = site / "index.html"
    built_at = index.stat().st_mtime_ns
    publish(ROOT, site)
    assert ran == [] and site_builds == []
    assert index.stat().st_mtime_ns == built_at
