"""Benchmark: what each page type costs a reader on first load (gzipped bytes, level 6, as a
web server sends them), and what opening search adds, for the shipped content and a synthetic
1,000-hack corpus. Measured in Debian's Chromium, so every request the page really makes counts.
A benchmark, not a timed test; tests/browser/test_light_and_offline.py holds the budget.
As rows for bench/run.py: the shipped content and the largest corpus asked for, each page type
against the 70,000-byte budget (goal: 10 % of it to spare).

Usage: python bench/page_weight.py [N]      (N: synthetic hacks, default 1000; 0 to skip)
"""
from __future__ import annotations

import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(ROOT / "tests" / "browser"))
from browsing import PHONE, SiteServer, gzipped_bytes, launch, open_search, page_types  # noqa: E402
from corpus import built_corpora, built_site  # noqa: E402
from rows import Row  # noqa: E402

BUDGET = 70_000          # bytes, gzipped: tests/browser/test_light_and_offline.py
HEADROOM = 0.10


# Editions in other languages, built beside the English one at /<language>/ (issue 16).
LANGUAGES = ("es",)


def pages_to_measure(site: Path, pub) -> dict[str, str]:
    """page type -> path: every type, and each one a translated edition has at the same path."""
    types = page_types(pub)
    out = dict(types)
    for lang in LANGUAGES:
        for kind, path in types.items():
            target = site / lang / path
            if (target / "index.html").is_file() or (target.is_file() and path.endswith(".html")):
                out[f"{kind} ({lang})"] = f"{lang}/{path}"
    return out


def measure(browser, site: Path, pub) -> list[tuple[str, int, int]]:
    """(page type, requests, gzipped bytes) for each page type, then search opened on a hack."""
    server = SiteServer(site)
    rows = []
    try:
        for kind, path in pages_to_measure(site, pub).items():
            ctx = browser.new_context(viewport=PHONE, service_workers="block")
            urls = []
            ctx.on("request", lambda r, urls=urls: urls.append(r.url))
            if kind.startswith("random"):
                ctx.route("**/assets/pick.js", lambda route: route.abort())
            page = ctx.new_page()
            page.goto(server.url + path)
            page.wait_for_load_state("networkidle")
            sizes = gzipped_bytes(site, server.url, urls)
            rows.append((kind, len(sizes), sum(sizes.values())))
            if kind == "hack":
                before = len(urls)
                open_search(page)
                page.locator("input.md-search__input").press_sequentially(pub.hacks[0].title.split()[0])
                page.locator(".md-search-result__item").first.wait_for()
                page.wait_for_load_state("networkidle")
                extra = gzipped_bytes(site, server.url, urls[before:])
                rows.append(("+ opening search", len(extra), sum(extra.values())))
            ctx.close()
    finally:
        server.close()
    return rows


def rows(sizes):
    from playwright.sync_api import sync_playwright

    from spacehacks.load import load_publication
    for n in dict.fromkeys([0, max(sizes, default=0)]):
        root, site, _ = built_site(n)
        pub = load_publication(root)[0]
        label = f"{len(pub.hacks)} hacks" + (" (shipped)" if n == 0 else "")
        with sync_playwright() as p:
            browser = launch(p)
            measured = measure(browser, site, pub)
            browser.close()
        for kind, count, size in measured:
            if kind.startswith("+"):
                yield Row(f"  {kind} on a hack, {label}", size, "bytes", goal=f"{count} files")
            else:
                yield Row(f"first load: {kind}, {label}", size, "bytes", BUDGET, baseline_name="budget",
                          goal=f"≤ {BUDGET * (1 - HEADROOM):,.0f}; {count} files")


def main(n: int) -> None:
    from playwright.sync_api import sync_playwright
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as p:
        browser = launch(p)
        for name, pub, site in built_corpora(n, Path(tmp)):
            print(f"\n{name} ({len(pub.hacks)} hacks): first load at 390x844, gzipped")
            for kind, count, size in measure(browser, site, pub):
                print(f"  {kind:18} {count:3} files {size:9,} bytes {size / 1024:8.1f} KiB")
        browser.close()


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 1000)
