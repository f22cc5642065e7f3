"""What no reader needs leaves the built site.

Material copies every asset it has into site/, whatever the site uses: source maps (1.3 MB,
read only by a developer's browser tools), Lunr's packs for 30 languages (0.9 MB), the palette
stylesheet (we set no palette) and a PNG favicon (ours is theme/assets/favicon.svg). Lunr itself
still serves search from disk and offline (lazy_search.py, theme/assets/search-fallback.js), so
the packs its worker loads for the site's own search languages stay: none for English, the
language's pack and the stemmer for Spanish.

Pages are written by Jinja templates indented for their maintainers: every line break and its
indent is one line break on the page, as a browser reads it, except where spacing is shown as
written (pre, textarea, code, kbd: `white-space: pre-wrap` in Material) or is code (script, style).
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

LUNR = "assets/javascripts/lunr"
UNUSED = ("assets/stylesheets/palette.*.min.css", "assets/images/favicon.png")
_SOURCE_MAP_COMMENT = re.compile(r"\n?(?://|/\*)# sourceMappingURL=[^\s*]+(?: \*/)?\s*$")


def lunr_files(languages: Iterable[str]) -> set[str]:
    """The files under LUNR that Material's search worker imports for these languages (as its
    setup does: assets/javascripts/workers/search.*.min.js)."""
    langs = list(languages)
    out: set[str] = set()
    for lang in langs:
        if lang == "ja":
            out.add("tinyseg.js")
        elif lang in ("hi", "th"):
            out.add("wordcut.js")
        if lang != "en":
            out.add(f"min/lunr.{lang}.min.js")
    if len(langs) > 1:
        out.add("min/lunr.multi.min.js")
    if out:
        out.add("min/lunr.stemmer.support.min.js")
    return out


def drop_unused_assets(site_dir: Path, languages: Iterable[str]) -> None:
    site_dir = Path(site_dir)
    for path in site_dir.joinpath("assets").rglob("*.map"):
        path.unlink()
        source = path.with_suffix("")
        if source.is_file():
            text = source.read_text(encoding="utf-8")
            bare = _SOURCE_MAP_COMMENT.sub("", text)
            if bare != text:
                source.write_text(bare, encoding="utf-8")
    for pattern in UNUSED:
        for path in site_dir.glob(pattern):
            path.unlink()
    keep = lunr_files(languages)
    lunr = site_dir / LUNR
    for path in sorted(lunr.rglob("*"), reverse=True) if lunr.is_dir() else ():
        if path.is_file() and path.relative_to(lunr).as_posix() not in keep:
            path.unlink()
        elif path.is_dir() and not any(path.iterdir()):
            path.rmdir()
    if lunr.is_dir() and not any(lunr.iterdir()):
        lunr.rmdir()


# Elements whose spacing is shown as written, or is code: kept exactly.
_KEEP = re.compile(r"<(pre|textarea|code|kbd|script|style)\b.*?</\1\s*>", re.DOTALL | re.IGNORECASE)
_LINE_BREAK = re.compile(r"[ \t\r\f]*\n[ \t\r\n\f]*")


def collapse_whitespace(html: str) -> str:
    """The page with each run of spaces that holds a line break written as one line break."""
    out: list[str] = []
    start = 0
    for m in _KEEP.finditer(html):
        out.append(_LINE_BREAK.sub("\n", html[start:m.start()]))
        out.append(m.group(0))
        start = m.end()
    out.append(_LINE_BREAK.sub("\n", html[start:]))
    return "".join(out)
