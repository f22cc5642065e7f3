"""Benchmark: what a reader's first search costs, Pagefind (the site's engine) next to Material's
Lunr index (what the site used before, and what still serves site/ opened from disk), for the
shipped content and a synthetic corpus of N hacks. Measured in Debian's Chromium on 127.0.0.1:
gzipped bytes fetched for the first query (level 6, as a web server sends them) and the time
from the query to the first result shown. A benchmark, not a test.

Goals (issue 13), at 1,000 hacks: at most 150 KB gzipped for a first query, results within 0.5 s.
Usage: python bench/search.py [N]      (N: synthetic hacks, default 1000; 0 to skip)
"""
from __future__ import annotations

import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(ROOT / "tests" / "browser"))
from browsing import PHONE, SiteServer, gzipped_bytes, launch, open_search
from corpus import built_corpora

QUERIES = ("naloxone", "grievance", "breathing")

# Material's Lunr path as the site ran it: fetch the whole index, start Material's worker on it,
# ask one query. Timed in the page, from the first byte asked to the first result returned.
# (The index script is gzipped in base64 and unpacked by fflate: spacehacks/site/lazy_search.py.)
LUNR = """async ([query, scripts]) => {
  const config = JSON.parse(document.getElementById('__config').textContent);
  const worker = new URL(config.search, location.href).searchParams.get('worker');
  const t0 = performance.now();
  for (const src of scripts) await new Promise((ok, fail) => {
    const s = document.createElement('script'); s.src = src; s.onload = ok; s.onerror = fail;
    document.head.appendChild(s); });
  const index = window.__index;
  const w = new Worker(worker);
  const next = type => new Promise(r => w.addEventListener('message', function on(e) {
    if (e.data.type === type) { w.removeEventListener('message', on); r(e.data.data); } }));
  const ready = next(1);
  w.postMessage({type: 0, data: {config: index.config, docs: index.docs, options: {suggest: false}}});
  await ready;
  const result = next(3);
  w.postMessage({type: 2, data: query});
  const found = await result;
  const ms = performance.now() - t0;
  w.terminate();
  return [ms, found.items.length, worker];
}"""


def pagefind_first_query(browser: Any, server: SiteServer, site: Path, query: str) -> tuple[int, float, int]:
    ctx = browser.new_context(viewport=PHONE, service_workers="block")
    urls: list[str] = []
    ctx.on("request", lambda r: urls.append(r.url))
    page = ctx.new_page()
    page.goto(server.url)
    page.wait_for_load_state("networkidle")
    open_search(page)
    before = len(urls)
    box = page.locator("input.md-search__input")
    box.fill(query)
    ms = page.evaluate("""() => new Promise(resolve => {
        const t0 = performance.now();
        const list = document.querySelector('.md-search-result__list');
        new MutationObserver((_, o) => { if (list.querySelector('.md-search-result__item')) {
            o.disconnect(); resolve(performance.now() - t0); } }).observe(list, {childList: true, subtree: true});
        document.querySelector('input.md-search__input').dispatchEvent(
            new KeyboardEvent('keyup', {key: 'End', bubbles: true}));
    })""")
    page.wait_for_load_state("networkidle")
    found = page.locator(".md-search-result__item").count()
    size = sum(gzipped_bytes(site, server.url, urls[before:]).values())
    ctx.close()
    return size, ms, found


def lunr_first_query(browser: Any, server: SiteServer, site: Path, query: str) -> tuple[int, float, int]:
    ctx = browser.new_context(viewport=PHONE, service_workers="block")
    page = ctx.new_page()
    page.goto(server.url)
    scripts = ["assets/vendor/fflate.min.js", "search/search_index.js"]
    ms, found, worker = page.evaluate(LUNR, [query, scripts])
    ctx.close()
    size = sum(gzipped_bytes(site, server.url, [server.url + s for s in scripts] + [worker]).values())
    return size, ms, found


def main(n: int) -> None:
    import logging

    from playwright.sync_api import sync_playwright
    logging.getLogger("mkdocs").setLevel(logging.ERROR)
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as p:
        browser = launch(p)
        for name, pub, site in built_corpora(n, Path(tmp)):
            print(f"\n{name} ({len(pub.hacks)} hacks): first query, 390x844, gzipped")
            print(f"  {'engine':9} {'query':10} {'KiB':>8} {'ms':>7} {'results':>8}")
            server = SiteServer(site)
            try:
                for query in QUERIES:
                    for engine, fn in (("pagefind", pagefind_first_query), ("lunr", lunr_first_query)):
                        size, ms, found = fn(browser, server, site, query)
                        print(f"  {engine:9} {query:10} {size / 1024:8.1f} {ms:7.0f} {found:8}")
            finally:
                server.close()
        browser.close()


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 1000)
