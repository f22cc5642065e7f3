"""The one allowlist every rendered HTML passes before any output uses it (site, PDF, templates).

Content is written by anyone who sends a pull request, so nothing in it may run script, load
material from another site, or change how the site's own interface behaves. The policy below
keeps what our Markdown (markup.EXTENSIONS) produces and nothing else; nh3 (Rust's ammonia)
applies it. The same policy functions tell `check` what would be removed (see markup_check.py),
so an editor gets a message for each thing the sanitizer takes away.
"""
from __future__ import annotations

import html
import re

import nh3

# What Python-Markdown and its extensions produce (tables, def_list, attr_list, admonition,
# sane_lists, fenced_code, toc).
TAGS = frozenset({
    "p", "br", "hr", "h1", "h2", "h3", "h4", "h5", "h6", "em", "strong", "code", "pre",
    "blockquote", "ul", "ol", "li", "a", "img", "table", "thead", "tbody", "tr", "th", "td",
    "dl", "dt", "dd", "div",
})
ATTRIBUTES: dict[str, set[str]] = {
    "*": {"id", "class", "title"},
    "a": {"href"},
    "img": {"src", "alt"},
    "ol": {"start"},
    "th": {"align"},
    "td": {"align"},
}
URL_SCHEMES = frozenset({"http", "https", "mailto", "tel"})
# Elements whose text is code or style, never words for a reader.
DROP_CONTENT = frozenset({"script", "style"})

_SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.\-]*):")
# Browsers drop these anywhere in a URL, and spaces and controls at either end, before they
# read the scheme: `java&#9;script:` is `javascript:` to them.
_URL_NOISE = re.compile(r"[\t\n\r]")
# Class and id names that belong to the site's interface (Material's md-…/__…, ours sh-…): taken
# by content, they would restyle or rewire the page around it.
_OWN_NAME = re.compile(r"^(md-|sh-|_)", re.IGNORECASE)
_NAME = re.compile(r"^[A-Za-z0-9][\w\-]*$")
_ALIGN = frozenset({"left", "right", "center"})


def normalise_url(value: str) -> str:
    """A URL as a browser reads it, for deciding its scheme."""
    return _URL_NOISE.sub("", html.unescape(value)).strip(" \x00\x01\x02\x03\x04\x05\x06\x07\x08"
                                                            "\x0b\x0c\x0e\x0f\x10\x11\x12\x13\x14"
                                                            "\x15\x16\x17\x18\x19\x1a\x1b\x1c\x1d"
                                                            "\x1e\x1f")


def url_scheme(value: str) -> str | None:
    m = _SCHEME.match(normalise_url(value))
    return m.group(1).lower() if m else None


def is_own_file(value: str) -> bool:
    """A relative address inside the site (never another host, never a scheme)."""
    url = normalise_url(value)
    return bool(url) and url_scheme(url) is None and not url.startswith(("/", "\\"))


def refusal(tag: str, attr: str, value: str) -> str | None:
    """Why the sanitizer drops this attribute of an allowed element, or None to keep it."""
    if attr not in ATTRIBUTES["*"] and attr not in ATTRIBUTES.get(tag, ()):
        if attr.startswith("on"):
            return "event handler"
        return "attribute"
    if attr == "href":
        scheme = url_scheme(value)
        return "scheme" if scheme is not None and scheme not in URL_SCHEMES else None
    if attr == "src":
        return None if is_own_file(value) else "remote"
    if attr == "id":
        return None if _NAME.match(value) and not _OWN_NAME.match(value) else "name"
    if attr == "class":
        return None if all(_NAME.match(c) and not _OWN_NAME.match(c) for c in value.split()) else "name"
    if attr == "align":
        return None if value.lower() in _ALIGN else "attribute"
    if attr == "start":
        return None if value.isdigit() and len(value) < 10 else "attribute"
    return None


def _filter(tag: str, attr: str, value: str) -> str | None:
    return value if refusal(tag, attr, value) is None else None


_CLEANER = nh3.Cleaner(
    tags=set(TAGS), clean_content_tags=set(DROP_CONTENT), attributes=ATTRIBUTES,
    attribute_filter=_filter, url_schemes=set(URL_SCHEMES), link_rel=None, strip_comments=True)
_TEXT = nh3.Cleaner(tags=set(), clean_content_tags=set(DROP_CONTENT), attributes={}, link_rel=None)


def clean(fragment: str) -> str:
    """The fragment with everything outside the policy removed."""
    return _CLEANER.clean(fragment)


def text_only(fragment: str) -> str:
    """HTML holding only the fragment's text, escaped: for places that show a title as HTML."""
    return _TEXT.clean(fragment)
