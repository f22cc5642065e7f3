"""`make serve` under the Content-Security-Policy: MkDocs' inline reloader is refused like any
inline script, and the site's own assets/livereload.js reloads the page when a hack changes."""
from __future__ import annotations

import pytest

import hostile  # noqa: F401  (puts tests/ and tests/browser/ on the path)
from browsing import DESKTOP, shared_browser
from test_editor_serve import server  # noqa: F401  (the preview server fixture)

pytestmark = pytest.mark.browser


def test_preview_reloads_when_a_hack_changes(server, pub):  # noqa: F811
    base, root, log = server
    hack = pub.hacks[0]
    context = shared_browser().new_context(viewport=DESKTOP)
    try:
        page = context.new_page()
        page.goto(base + hack.url)
        assert page.locator("script[src$='assets/livereload.js']").count() == 1
        page.wait_for_timeout(1000)    # the reloader has asked for the server's epoch
        file = root / hack.path
        marker = "Reloaded under the policy 5d1e."
        with page.expect_event("load", timeout=20_000):
            file.write_text(file.read_text(encoding="utf-8") + f"\n\n{marker}\n", encoding="utf-8")
        assert marker in page.content()
    finally:
        context.close()


def test_built_site_has_no_reloader(site):
    assert not (site / "assets" / "livereload.js").exists()
    assert "livereload.js" not in (site / "index.html").read_text(encoding="utf-8")
