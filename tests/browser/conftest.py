"""Browser fixtures: the built site served on 127.0.0.1 and Debian's Chromium driven by Playwright.

Chromium missing is a failure, never a skip: CI installs it (.ci/run) and these tests are the
only check of what a reader's browser really does.
"""
from __future__ import annotations

import pytest

from browsing import VIEWPORTS, Reader, SiteServer, shared_browser


@pytest.fixture(scope="session")
def server(site):
    s = SiteServer(site)
    yield s
    s.close()


@pytest.fixture(scope="session")
def base_url(server) -> str:
    return server.url


@pytest.fixture(scope="session")
def browser():
    return shared_browser()


@pytest.fixture
def open_reader(browser, base_url):
    """Factory: a fresh reader (no cache, no service worker unless asked) at a viewport."""
    contexts = []

    def make(viewport="phone", javascript=True, service_workers=False, reduced_motion=False):
        ctx = browser.new_context(
            viewport=VIEWPORTS[viewport] if isinstance(viewport, str) else viewport,
            java_script_enabled=javascript,
            service_workers="allow" if service_workers else "block",
            reduced_motion="reduce" if reduced_motion else "no-preference",
        )
        contexts.append(ctx)
        return Reader(ctx, base_url)

    yield make
    for c in contexts:
        c.close()


@pytest.fixture(scope="session")
def body_word(pub):
    """A word found in exactly one hack's body (and not in its title or summary), with that hack:
    finding it proves search reads bodies, not only titles."""
    import re
    from collections import Counter

    def words(text):
        # By their first six letters, so that no other page holds a word of the same stem.
        return {w[:6] for w in re.findall(r"[a-z]{8,}", text.lower())}

    everything = [words(h.title + " " + h.summary + " " + h.body) for h in pub.hacks]
    everything += [words(p.title + " " + p.body) for p in pub.pages]
    everything += [words(q.text) for q in pub.quotes]
    counts = Counter(w for ws in everything for w in ws)
    for h in pub.hacks:
        for w in sorted(words(h.body) - words(h.title + " " + h.summary)):
            if counts[w] == 1:
                return next(x for x in re.findall(r"[a-z]{8,}", h.body.lower()) if x.startswith(w)), h
    raise AssertionError("no hack has a word of its own in its body")
