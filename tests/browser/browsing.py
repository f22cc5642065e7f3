"""What the browser tests and bench/page_weight.py share: a static server for the built site,
Debian's Chromium with flags that keep it from calling home, the page types, axe-core and
screenshots."""
from __future__ import annotations

import atexit
import functools
import gzip
import http.server
import threading
from pathlib import Path
from urllib.parse import unquote, urlsplit

# Named once, for the tests and the accessibility statement alike.
from spacehacks.accessibility import VIEWPORTS as VIEWPORTS_CHECKED
from spacehacks.accessibility import WCAG_TAGS, page_types  # noqa: F401 (used by the tests)

CHROMIUM = Path("/usr/bin/chromium")
# Flags that keep Chromium from calling home; the resolver rule makes any other host fail at
# once, so a request that escapes to another origin is recorded instead of hanging a test.
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run",
                 "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1"]
PHONE = {"width": VIEWPORTS_CHECKED["phone"].width, "height": VIEWPORTS_CHECKED["phone"].height}
DESKTOP = {"width": VIEWPORTS_CHECKED["desktop"].width, "height": VIEWPORTS_CHECKED["desktop"].height}
VIEWPORTS = {"phone": PHONE, "desktop": DESKTOP}
ROOT = Path(__file__).resolve().parents[2]
SCREENSHOTS = ROOT / "test-artifacts" / "screenshots"


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


class SiteServer:
    """A static server for one folder; `offline` makes it refuse every request, like a lost
    connection, without stopping it (so the port, and the service worker's origin, stay put)."""

    def __init__(self, folder: Path):
        server = self
        self.offline = False

        class Handler(_QuietHandler):
            def do_GET(self):
                if server.offline:
                    self.close_connection = True
                    self.connection.close()
                    return
                super().do_GET()

        self.httpd = http.server.ThreadingHTTPServer(
            ("127.0.0.1", 0), functools.partial(Handler, directory=str(folder)))
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}/"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    def close(self):
        self.httpd.shutdown()
        self.httpd.server_close()


def launch(playwright):
    assert CHROMIUM.exists(), (f"{CHROMIUM} is missing: install Debian's chromium "
                               "(apt-get install chromium), as .ci/run does")
    return playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)


_SHARED: list = []     # [playwright, browser] once started


def shared_browser():
    """One Chromium for the whole test run. Playwright's sync API allows one running instance per
    thread, so every test folder that drives a browser (tests/browser, tests/security) shares it."""
    if not _SHARED:
        from playwright.sync_api import sync_playwright
        playwright = sync_playwright().start()
        _SHARED[:] = [playwright, launch(playwright)]
        atexit.register(_close_shared)
    return _SHARED[1]


def _close_shared() -> None:
    playwright, browser = _SHARED
    browser.close()
    playwright.stop()


class Reader:
    """One browser context with a record of every request it made."""

    def __init__(self, context, base_url: str):
        self.context = context
        self.base_url = base_url
        self.requests: list[str] = []
        context.on("request", lambda r: self.requests.append(r.url))
        self.page = context.new_page()

    def foreign_requests(self) -> list[str]:
        return [u for u in self.requests
                if not (u.startswith(self.base_url) or u.startswith(("data:", "blob:", "about:")))]


def screenshot(page, name: str) -> Path:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path


AXE = Path(__file__).with_name("vendor") / "axe.min.js"


def run_axe(page) -> list[dict]:
    """axe-core's violations for the page as it stands, WCAG 2.x A and AA rules only."""
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        # Evaluated rather than added as a <script>: the page's own scripts are not involved.
        page.evaluate("source => { (0, eval)(source); }", AXE.read_text(encoding="utf-8"))
    result = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", WCAG_TAGS)
    return result["violations"]


def describe(violations: list[dict]) -> str:
    lines = []
    for v in violations:
        lines.append(f"{v['id']} ({v['impact']}): {v['help']}")
        for n in v["nodes"][:5]:
            lines.append(f"    {n['target']}: {n['failureSummary'].splitlines()[-1].strip()}")
    return "\n".join(lines)


def gzipped_bytes(site_dir: Path, base_url: str, urls) -> dict[str, int]:
    """What each of the site's own URLs costs over the wire, gzipped as a web server would
    (level 6), read from the built files. Other origins and data: URLs are not counted here;
    the tests forbid them outright."""
    sizes = {}
    for url in dict.fromkeys(urls):
        if not url.startswith(base_url):
            continue
        path = Path(site_dir) / unquote(urlsplit(url).path).lstrip("/")
        if path.is_dir():
            path = path / "index.html"
        if path.is_file():
            sizes[url] = len(gzip.compress(path.read_bytes(), compresslevel=6))
    return sizes


def open_search(page) -> None:
    """Open search as a reader would: the magnifier on a phone, the search box on a desktop."""
    page.locator("label.md-header__button[for=__search]:visible, input.md-search__input:visible").first.click()
    page.locator("input.md-search__input").wait_for(state="visible")


def search_for(page, query: str) -> list[str]:
    """The result links (paths under the site root, without ?h=) for one query typed whole into
    the open search box. Material sends the box's value on a key release, so filling it and
    releasing one key asks exactly this query, not each prefix of it on the way."""
    box = page.locator("input.md-search__input")
    box.fill("")
    box.press("End")
    page.locator(".md-search-result__item").first.wait_for(state="detached")
    box.fill(query)
    box.press("End")
    page.wait_for_function("""() => document.querySelector('.md-search-result__item') ||
        /^No matching/.test(document.querySelector('.md-search-result__meta').textContent)""")
    return page.locator(".md-search-result__item > a").evaluate_all(
        "links => links.map(a => a.href.split('?')[0].split('#')[0])")


def heading(page) -> str:
    """The page's first h1 as a reader reads it: long words carry soft hyphens, which only show
    where a line breaks (spacehacks/site/reflow.py)."""
    return page.locator("h1").first.inner_text().replace("\u00ad", "")
