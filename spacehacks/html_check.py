"""What the sanitizer would take out of a text, told to its editor with the nearest source line.

The text is rendered as every output renders it, then the raw HTML is read the way a browser
tokenizes it (entities decoded, attributes over several lines, quotes in values) and compared
with the sanitizer's own policy. Code spans and fenced code come out escaped, so they never count.
"""
from __future__ import annotations

import re
from collections import Counter
from html.parser import HTMLParser

from . import markup, sanitize

_RUNS_OR_LOADS = {"script", "iframe", "object", "embed", "frame", "frameset", "applet", "base", "form",
                  "link", "meta", "style", "template", "noscript", "portal"}
_MEDIA = {"video", "audio", "source", "track", "picture", "svg", "math", "image", "input", "canvas",
          "button", "textarea", "select"}
_LOADS = {"srcset", "poster", "background", "data", "formaction", "action", "lowsrc", "dynsrc",
          "ping", "xlink:href", "codebase", "cite", "longdesc", "usemap", "manifest"}
_INLINE_HINT = {"b": "**bold**", "strong": "**bold**", "i": "*italic*", "em": "*italic*",
                "span": "plain text", "u": "*italic*", "font": "plain text", "center": "plain text"}


def _element(tag: str) -> str:
    if tag in _RUNS_OR_LOADS:
        return (f"raw <{tag}> is not allowed in content: it could run code or load material from "
                "another site in readers' browsers. Remove it; to point to something, use a normal "
                "Markdown link like [text](https://example.org).")
    if tag in _MEDIA:
        return (f"<{tag}> is not allowed in content: it loads material or takes input in readers' "
                "browsers. Remove it; for a picture, save it in content/media/ and use "
                "![what it shows](file.jpg).")
    hint = _INLINE_HINT.get(tag, "Markdown")
    return (f"<{tag}> is not one of the elements the site publishes (those Markdown writes: "
            f"paragraphs, headings, lists, tables, links, images, emphasis, code), so it would be "
            f"removed. Write it with {hint} instead.")


def _attribute(tag: str, attr: str, value: str, why: str) -> str:
    if why == "event handler":
        return (f"an 'on…=' attribute ('{attr}' on <{tag}>) is not allowed in content: it runs code "
                "in readers' browsers. Remove the attribute.")
    if why == "scheme":
        scheme = sanitize.url_scheme(value)
        if scheme in ("javascript", "vbscript", "livescript"):
            return (f"a '{scheme}:' link is not allowed in content: it runs code when clicked. "
                    "Link to a web address starting with https:// instead.")
        return (f"a link starting with '{scheme}:' is not allowed in content: links may only use "
                "https://, http://, mailto:, tel: or an address within the site. Change or remove it.")
    if why == "remote":
        if sanitize.url_scheme(value) == "data":
            return ("this image is written into the page as a 'data:' address; save the image in "
                    "content/media/ and link to the file instead.")
        return ("this image is loaded from another website, which would tell that site who is "
                "reading. Save the image in content/media/ and link to the file instead.")
    if why == "name":
        return (f"the {attr} '{value[:60]}' on <{tag[:20]}> is not allowed: names starting with 'md-', 'sh-' "
                "or '_' belong to the site's own interface, and a name is letters, digits, '-' and "
                "'_'. Choose another name or remove it.")
    if attr == "style":
        return (f"a style attribute (on <{tag}>) is not allowed in content: styles can load material "
                "from other sites and disguise text. Remove it; the site's own styles apply.")
    if attr in _LOADS:
        return (f"the attribute '{attr}' on <{tag}> is not allowed in content: it can load material "
                "from another site in readers' browsers. Remove it.")
    return (f"the attribute '{attr}' on <{tag}> is not one the site publishes, so it would be "
            "removed. Remove it.")


NO_ALT = ("this image has no alt text, so readers using a screen reader will not know what it "
          "shows. Describe it: ![A van set up for outreach](van.jpg), or alt=\"…\" on <img>.")
# Where an attribute's value may come from in Markdown, when the value itself is not in the source
# (written with entities, say).
_MARKERS = {"href": ("](", "]:", "href"), "src": ("](", "]:", "src")}


class _Reader(HTMLParser):
    """Collects (message, words to find in the source) for each construct the policy refuses."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[str, list[str]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {a: v or "" for a, v in attrs}
        if tag not in sanitize.TAGS:
            self.found.append((_element(tag), [f"<{tag}", tag]))
            self.found += [(_attribute(tag, a, v, "event handler"), [a]) for a, v in values.items()
                           if a.startswith("on")]
            return
        for attr, value in values.items():
            why = sanitize.refusal(tag, attr, value)
            if why is not None:
                self.found.append((_attribute(tag, attr, value, why), [value, *_MARKERS.get(attr, ()), attr]))
        if tag == "img" and not values.get("alt", "").strip():
            self.found.append((NO_ALT, [values.get("src", ""), "![", "<img"]))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)


class _Census(HTMLParser):
    """How many of each element and each element's attribute a fragment holds."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.counts: Counter[str] = Counter()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.counts[tag] += 1
        self.counts.update(f"{tag} {a}" for a, _ in attrs)


def _census(html: str) -> Counter[str]:
    census = _Census()
    census.feed(html)
    census.close()
    return census.counts


LOST = ("the site would remove some of the HTML in this text ({what}), though no rule above names "
        "it; write the passage in plain Markdown instead.")


def _line_of(lines: list[str], needles: list[str], start: int) -> int:
    """The first source line at or after `start` holding one of the needles (best first)."""
    for needle in needles:
        needle = needle.strip().casefold()
        if not needle:
            continue
        for order in (range(start, len(lines)), range(start)):
            for i in order:
                if needle in lines[i].casefold():
                    return i
    return start


# Markdown writes only what the policy allows unless the text holds raw HTML or an autolink (<),
# attributes ({), a link or image ('](', '][', ']:', '!['), or a line starting with '_' (a heading
# whose id would take a name of the interface). Most texts have none (a template's [[fill-in]] is
# none of them), and then need not be rendered to be checked: rendering is most of what a check
# costs, and every no-change build runs one.
_MAY_BE_REFUSED = re.compile(r"[<{]|\]\s*[(\[:]|!\[|^[#\s]*_", re.M)


def needs_reading(body: str) -> bool:
    return _MAY_BE_REFUSED.search(body) is not None


def scan(body: str) -> list[tuple[int, str]]:
    """(line offset within body, message) for each construct the sanitizer would remove."""
    if not needs_reading(body):
        return []
    raw = markup.render_raw(body)
    reader = _Reader()
    reader.feed(raw)
    reader.close()
    if not reader.found:
        # The backstop: whatever the sanitizer's own parser takes out that the reading above
        # did not name (a case where the two parsers differ) still gets a message.
        lost = _census(raw) - _census(sanitize.clean(raw))
        if lost:
            return [(0, LOST.format(what=", ".join(sorted(lost)[:3])))]
    lines = body.split("\n")
    out, cursor = [], 0
    for message, needles in reader.found:
        cursor = _line_of(lines, needles, cursor)
        out.append((cursor, message))
    return out
