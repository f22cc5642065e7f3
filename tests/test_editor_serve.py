"""`make serve`: a change to a hack is served, with the generated views, within a few seconds."""
from __future__ import annotations

import json
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request

import pytest
from paths import ROOT

# How long to wait for a change to be served before calling the preview broken: a bound on a
# hang, not a speed target (bench/ measures how fast the preview is).
WITHIN = 60.0


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return None


def _wait_for(url: str, text: str, seconds: float) -> float | None:
    """Seconds until `text` is served at `url`, or None."""
    start = time.monotonic()
    while time.monotonic() - start < seconds:
        page = _get(url)
        if page is not None and text in page:
            return time.monotonic() - start
        time.sleep(0.1)
    return None


@pytest.fixture
def server(repo_copy, tmp_path_factory):
    port = _free_port()
    log = tmp_path_factory.mktemp("serve") / "serve.log"
    with log.open("w") as out:
        proc = subprocess.Popen([sys.executable, str(ROOT / "build.py"), "--root", str(repo_copy), "serve",
                                 "--port", str(port)], stdout=out, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}/"
    try:
        if _wait_for(base, "Space Hacks", 90) is None:
            pytest.fail("the preview server did not start:\n" + log.read_text())
        yield base, repo_copy, log
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()


def test_changed_hack_and_generated_views_are_served(server, pub):
    base, root, log = server
    hack = pub.hacks[0]
    file = root / hack.path
    text = file.read_text(encoding="utf-8")
    marker = "Live preview marker paragraph 7f3a."
    new_title = hack.title + " (revised)"
    file.write_text(text.replace(f"title: {hack.title}", f"title: {new_title}", 1) + f"\n\n{marker}\n",
                    encoding="utf-8")

    took = _wait_for(base + hack.url, marker, WITHIN)
    assert took is not None, "the changed hack was not served in time:\n" + log.read_text()[-3000:]
    print(f"changed hack served after {took:.2f} s")
    # The views generated from the whole publication follow the same rebuild.
    assert new_title in _get(base + hack.url)
    assert new_title in _get(base + "hacks/")
    assert new_title in _get(base + hack.category.url)
    assert new_title in [h["title"] for h in json.loads(_get(base + "hacks.json"))["hacks"]]


def test_theme_view_change_is_served(server):
    base, root, log = server
    view = root / "theme" / "views" / "home.html"
    view.write_text(view.read_text(encoding="utf-8") + "\n<p>Theme view marker 91c2.</p>\n", encoding="utf-8")
    assert _wait_for(base, "Theme view marker 91c2.", WITHIN) is not None, log.read_text()[-3000:]
