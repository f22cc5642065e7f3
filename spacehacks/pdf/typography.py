"""Printer's quotes for the book: curly quotes and apostrophes in its text, never in code, URLs or
attributes. The site keeps what editors typed (straight quotes search and copy better); the
printed book is set the way books are."""
from __future__ import annotations

import re
from html import escape, unescape

# Tags whose text is set as typed: code, and what is not text at all.
_VERBATIM = {"code", "pre", "kbd", "samp", "script", "style"}
_TOKEN = re.compile(r"(<!--.*?-->|<[^>]*>)", re.DOTALL)
_TAG = re.compile(r"</?([a-zA-Z0-9]+)")
_URL = re.compile(r"\b(?:https?://|www\.)\S+")
_OPENS_AFTER = set(" \t\n\r([{\u2014\u2013-/\u00a0") | {""}


def smarten(text: str, before: str = "") -> str:
    """`text` with curly quotes; `before` is the character that precedes it (from an earlier run
    of text), which decides whether a quote at its start opens or closes."""
    out, last, pos = [], before[-1:] if before else "", 0
    for url in _URL.finditer(text):
        out.append(_quotes(text[pos:url.start()], last))
        out.append(url.group())
        last, pos = url.group()[-1], url.end()
    out.append(_quotes(text[pos:], last))
    return "".join(out)


def book_title(text: str) -> str:
    """A title as the book prints it (and as its bookmark reads): curly quotes, single spaces."""
    return " ".join(smarten(text).split())


def _quotes(text: str, last: str) -> str:
    out = []
    for n, c in enumerate(text):
        prev = text[n - 1] if n else last
        nxt = text[n + 1] if n + 1 < len(text) else ""
        if c == '"':
            c = "\u201c" if prev in _OPENS_AFTER or prev in "\u2018\u201c" else "\u201d"
        elif c == "'":
            if prev.isalnum() or (prev in _OPENS_AFTER and nxt.isdigit()):
                c = "\u2019"  # don't, people's, '90s
            else:
                c = "\u2018" if prev in _OPENS_AFTER or prev in "\u201c" else "\u2019"
        out.append(c)
    return "".join(out)


def smarten_html(html: str) -> str:
    """The same, over an HTML document's text nodes only."""
    out, verbatim, last = [], 0, ""
    for token in _TOKEN.split(html):
        if not token:
            continue
        if token.startswith("<"):
            tag = _TAG.match(token)
            if tag and tag.group(1).lower() in _VERBATIM and not token.endswith("/>"):
                verbatim += -1 if token.startswith("</") else 1
                verbatim = max(verbatim, 0)
            out.append(token)
            continue
        if verbatim or ('"' not in token and "'" not in token and "&#3" not in token and "&quot;" not in token):
            out.append(token)
        else:
            text = smarten(unescape(token), last)
            out.append(escape(text, quote=False))
        last = unescape(token)[-1:] or last
    return "".join(out)
