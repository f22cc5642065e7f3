"""A publication written by a hostile editor, shared by the security tests.

Every front matter field that reaches an output carries its own script payload (numbered, so a
leak names its field), and a hack's body holds every body construct of issue 10 at once.
"""
from __future__ import annotations

import datetime as dt
import shutil
import sys
from html.parser import HTMLParser
from pathlib import Path

import yaml

TESTS = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(TESTS), str(TESTS / "browser")]

from minirepo import write  # noqa: E402
from paths import ROOT  # noqa: E402


def payload(n: int) -> str:
    """Markup that runs script if any output writes it unescaped; `n` tells which field leaked."""
    return f"<img src=x onerror=\"window.__pwned=(window.__pwned||[]).concat({n})\">"


SEARCH_WORD = "Zebrafish"
# field -> payload number; a leak shows up as window.__pwned containing the number.
FIELDS = {
    "hack title": 1, "hack summary": 2, "section title": 3, "section tagline": 4,
    "category title": 5, "category tagline": 6, "page title": 7, "page summary": 8,
    "template title": 9, "template summary": 10, "tag title": 11, "tag description": 12,
    "publication description": 13, "quote attribution": 14, "quote source": 15,
    "hack title closing tags": 16,
}
CLOSERS = "</title></script></textarea>\u2028\u2029 & \"' "

# Each body construct of the issue that ran script or loaded from another site on the old main.
BODY_ATTACKS = {
    "entity in scheme (HTML)": '<a href="jav&#x61;script:alert(1)">x</a>',
    "entity in scheme (Markdown)": "[x](jav&#x61;script:alert(1))",
    "&colon;": '<a href="javascript&colon;alert(1)">x</a>',
    "tab in scheme": '<a href="java&#9;script:alert(1)">x</a>',
    "handler on the second line": '<a href="#"\nonclick="alert(1)">x</a>',
    "'>' inside alt": '<img alt=">" src="van.jpg" onerror="alert(1)">',
    "backticks in value": '<img src="van.jpg" alt="`" onerror="alert(1)" title="`">',
    "unclosed ~~~ fence": '~~~\n<img src="van.jpg" alt="v" onerror="alert(1)">',
    "one-line fence": '```<img src="van.jpg" alt="v" onerror="alert(1)">',
    "four-space list continuation": '- item\n\n    <img src="van.jpg" alt="v" onerror="alert(1)">',
    "srcset": '<img src="van.jpg" alt="v" srcset="https://tracker.example/a.png 1x">',
    "leading space in src": '<img src=" https://tracker.example/a.png" alt="v">',
    "reference image": "![p][r]\n\n[r]: https://tracker.example/a.png",
    "angle-bracket image": "![p](<https://tracker.example/a.png>)",
    "protocol-relative image": '<img src="//tracker.example/a.png" alt="v">',
    "data image": '<img src="data:image/svg+xml,<svg onload=alert(1)>" alt="v">',
    "style background": '<p style="background:url(https://tracker.example/a.png)">x</p>',
    "attr_list style": "A paragraph.\n{: style=\"background:url(https://tracker.example/a.png)\" }",
    "attr_list handler": "A paragraph.\n{: onclick=\"alert(1)\" }",
    "table background": '<table background="https://tracker.example/a.png"><tr><td>x</td></tr></table>',
    "video poster": '<video poster="https://tracker.example/a.png"></video>',
    "svg image": '<svg><image href="https://tracker.example/a.png"/></svg>',
    "audio": '<audio src="https://tracker.example/a.mp3" autoplay></audio>',
    "input image": '<input type="image" src="https://tracker.example/a.png">',
    "script": "<script>alert(1)</script>",
    "iframe": '<iframe src="https://tracker.example/"></iframe>',
    "object": '<object data="https://tracker.example/x.swf"></object>',
    "embed": '<embed src="https://tracker.example/x.swf">',
    "base": '<base href="https://tracker.example/">',
    "meta refresh": '<meta http-equiv="refresh" content="0;url=https://tracker.example/">',
    "link stylesheet": '<link rel="stylesheet" href="https://tracker.example/a.css">',
    "form": '<form action="https://tracker.example/"><button>go</button></form>',
    "style element": "<style>body{background:url(https://tracker.example/a.png)}</style>",
    "vbscript": '<a href="vbscript:msgbox(1)">x</a>',
    "data link": '<a href="data:text/html,<script>alert(1)</script>">x</a>',
    "clobbering id": '<p id="__config">{"search": "https://tracker.example/w.js"}</p>',
    "interface class": '<p class="md-search__input">x</p>',
    "attachment": '<a rel="attachment" href="../../.git/config">notes</a>',
    "file link": '<a href="file:///etc/hostname">x</a>',
    "math": '<math><mtext><img src="van.jpg" alt="v" onerror="alert(1)"></mtext></math>',
}


ALL_BODY_ATTACKS = "\n\n".join(BODY_ATTACKS.values())


def front(meta: dict, body: str) -> str:
    return "---\n" + yaml.safe_dump(meta, allow_unicode=True, sort_keys=False) + "---\n\n" + body + "\n"


def hostile_repo(root: Path, body: str = "Some practical text.") -> Path:
    """A small publication (the shipped theme and settings) with a payload in every field."""
    shutil.copytree(ROOT / "theme", root / "theme")
    shutil.copy(ROOT / "mkdocs.yml", root / "mkdocs.yml")
    p = {name: payload(n) for name, n in FIELDS.items()}
    write(root, "content/publication.yml", yaml.safe_dump({
        "title": "T", "subtitle": "S", "publisher": "P", "language": "en",
        "description": "D " + p["publication description"]}))
    write(root, "content/tags.yml", f"boundaries: B {p['tag title']} | L {p['tag description']}\n")
    write(root, "content/sections/sec/_section.md", front(
        {"title": "Sec " + p["section title"], "tagline": "Tag " + p["section tagline"], "order": 1}, "Intro."))
    write(root, "content/sections/sec/cat.md", front(
        {"title": "Cat " + p["category title"], "tagline": "Tag " + p["category tagline"], "order": 1}, "Intro."))
    write(root, "hacks/sec/cat/zebra.md", front(
        {"title": f"{SEARCH_WORD} {p['hack title']}", "summary": "Sum " + p["hack summary"],
         "tags": ["boundaries"], "updated": dt.date(2026, 11, 20), "templates": ["form"]}, body))
    write(root, "hacks/sec/cat/closing.md", front(
        {"title": f"Closing {CLOSERS}{p['hack title closing tags']}", "summary": "S", "featured": True,
         "updated": dt.date(2026, 11, 21)}, "Some text."))
    write(root, "quotes/one.md", front(
        {"attribution": "A " + p["quote attribution"], "source": "S " + p["quote source"]}, "Words worth keeping."))
    write(root, "content/pages/about.md", front(
        {"title": "About " + p["page title"], "summary": "Sum " + p["page summary"], "order": 1},
        "About us.\n\n" + body))
    write(root, "content/templates/form.md", front(
        {"title": "Form " + p["template title"], "kind": "form", "summary": "Sum " + p["template summary"]},
        "## Part\n\nName: [[Name]]\n"))
    write(root, "content/templates/fields.yml", "Name: text\n")
    (root / "content" / "media").mkdir()
    return root


def build(root: Path, out: Path) -> Path:
    """The site only (no PDF, no downloads), whatever the check says: the outputs must be safe
    even for content that never passed it."""
    from spacehacks.load import load_publication
    from spacehacks.publish import build_site

    pub, _ = load_publication(root)
    build_site(root, out, pub, [])
    return out


def text_files(site: Path) -> dict[str, str]:
    return {p.relative_to(site).as_posix(): p.read_text(encoding="utf-8")
            for p in sorted(site.rglob("*")) if p.suffix in (".html", ".json", ".js", ".xml") and p.is_file()}


class _Dangers(HTMLParser):
    """What a browser would act on: handlers (`handlers_only`), or also script URLs, loads from
    anywhere but the site, and names of the site's own interface."""

    def __init__(self, handlers_only: bool) -> None:
        super().__init__(convert_charrefs=True)
        self.handlers_only = handlers_only
        self.found: list[str] = []

    def handle_starttag(self, tag, attrs):
        from spacehacks import sanitize
        for name, value in attrs:
            value = value or ""
            if name.startswith("on"):
                self.found.append(f"{name} on <{tag}>")
            elif self.handlers_only:
                continue
            elif name in ("style", "srcset", "poster", "background", "rel"):
                self.found.append(f"{name} on <{tag}>")
            elif name == "href" and sanitize.url_scheme(value) not in (None, "http", "https", "mailto", "tel"):
                self.found.append(f"href {value!r}")
            elif name == "src" and not sanitize.is_own_file(value):
                self.found.append(f"src {value!r}")
            elif name in ("id", "class") and any(v.startswith(("md-", "__", "sh-")) for v in value.split()):
                self.found.append(f"{name} {value!r}")
        if not self.handlers_only and tag not in sanitize.TAGS:
            self.found.append(f"<{tag}>")


def _read(html: str, handlers_only: bool) -> list[str]:
    reader = _Dangers(handlers_only)
    reader.feed(html)
    reader.close()
    return reader.found


def live_markup(html: str) -> list[str]:
    """Event handlers a browser would attach from `html` (a whole page may hold anything else)."""
    return _read(html, handlers_only=True)


def dangers(html: str) -> list[str]:
    """Everything in a content fragment that a browser would act on beyond the policy."""
    return _read(html, handlers_only=False)
