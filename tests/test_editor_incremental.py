"""`make site` with nothing changed reuses the last build; a change rebuilds what depends on it."""
from __future__ import annotations

import time
from pathlib import Path

import pytest

from spacehacks import publish as publishing
from spacehacks.buildstamp import fingerprint
from spacehacks.publish import publish

ROOT = Path(__file__).resolve().parent.parent


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


def test_unchanged_inputs_reuse_the_site_and_a_changed_hack_rebuilds(repo_copy, counted_steps, pub):
    out = repo_copy / "site"
    start = time.perf_counter()
    publish(repo_copy, out)
    full = time.perf_counter() - start
    assert len(counted_steps) == 1
    page = out / pub.hacks[0].url / "index.html"
    built_at = page.stat().st_mtime_ns

    start = time.perf_counter()
    publish(repo_copy, out)
    again = time.perf_counter() - start
    print(f"full build {full:.2f} s, no-change build {again:.3f} s")
    assert len(counted_steps) == 1, "an output step ran although nothing had changed"
    assert page.stat().st_mtime_ns == built_at
    assert again <= full / 10

    hack = repo_copy / pub.hacks[0].path
    hack.write_text(hack.read_text(encoding="utf-8").replace(f"title: {pub.hacks[0].title}",
                                                             "title: A freshly renamed hack", 1), encoding="utf-8")
    publish(repo_copy, out)
    assert len(counted_steps) == 2 and counted_steps[1] == out / "downloads"   # steps may reuse
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


def test_shipped_publication_no_change_build_is_quick(site):
    """The real build (PDF and templates included) is reused as a whole when nothing changed."""
    index = site / "index.html"
    built_at = index.stat().st_mtime_ns
    start = time.perf_counter()
    publish(ROOT, site)
    took = time.perf_counter() - start
    print(f"no-change build of the shipped publication: {took:.3f} s")
    assert index.stat().st_mtime_ns == built_at
    assert took < 3.0
