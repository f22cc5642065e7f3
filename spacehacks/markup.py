"""Markdown as every output renders it, and the scan that keeps unsafe markup out of content."""
from __future__ import annotations

import re

import markdown

# One list for every output, so the site, the PDF and the templates read Markdown alike.
EXTENSIONS = ["tables", "def_list", "attr_list", "admonition", "sane_lists", "fenced_code", "toc"]
EXTENSION_CONFIGS = {"toc": {"permalink": False}}


_parser: markdown.Markdown | None = None


def render(text: str) -> str:
    # One parser, reset between texts: building it costs more than converting a short hack.
    global _parser
    if _parser is None:
        _parser = markdown.Markdown(extensions=EXTENSIONS, extension_configs=EXTENSION_CONFIGS)
    return _parser.reset().convert(text)


def render_inline(text: str) -> str:
    """Markdown for a single line (a summary or tagline), without the wrapping paragraph."""
    html = render(text).strip()
    return html[3:-4] if html.startswith("<p>") and html.endswith("</p>") else html


_FENCE = re.compile(r"^\s*(```|~~~)")
_CODE_SPAN = re.compile(r"(`+)(.+?)\1")
_RULES = [
    (re.compile(r"<\s*(script|iframe|object|embed|frame|frameset|applet|base|form|link|meta|style)\b", re.I),
     lambda m: (f"raw <{m.group(1).lower()}> is not allowed in content: it could run code or load "
                "material from another site in readers' browsers. Remove it; to point to something, "
                "use a normal Markdown link like [text](https://example.org).")),
    (re.compile(r"[<{][^>}]*?\bon[a-z]{3,}\s*=", re.I),
     lambda m: ("an 'on…=' attribute (like onclick=) is not allowed in content: it runs code in "
                "readers' browsers. Remove the attribute.")),
    (re.compile(r"(?:java|vb)script\s*:", re.I),
     lambda m: ("a 'javascript:' link is not allowed in content. Link to a web address starting "
                "with https:// instead.")),
    (re.compile(r"!\[\s*\]\("),
     lambda m: ("this image has no alt text, so readers using a screen reader will not know what it "
                "shows. Describe it between the brackets: ![A van set up for outreach](van.jpg)")),
    (re.compile(r"<img\b(?![^>]*\balt\s*=\s*(\"[^\"]+\"|'[^']+'))[^>]*>", re.I),
     lambda m: ("this image has no alt text. Add alt=\"…\" describing what it shows, or use Markdown: "
                "![description](file.jpg)")),
    (re.compile(r"(?:!\[[^\]]*\]\(\s*|<img\b[^>]*\bsrc\s*=\s*[\"']?)(?:https?:)?//", re.I),
     lambda m: ("this image is loaded from another website, which would tell that site who is "
                "reading. Save the image in the repository and link to the file instead.")),
]


def scan(body: str) -> list[tuple[int, str]]:
    """(line offset within body, message) for each unsafe construct outside code."""
    found = []
    in_fence = None
    for offset, line in enumerate(body.split("\n")):
        fence = _FENCE.match(line)
        if fence:
            if in_fence is None:
                in_fence = fence.group(1)
            elif fence.group(1) == in_fence:
                in_fence = None
            continue
        if in_fence or line.startswith(("    ", "\t")) and not line.lstrip().startswith(("-", "*", "<", "{")):
            continue
        visible = _CODE_SPAN.sub("", line)
        for pattern, message in _RULES:
            m = pattern.search(visible)
            if m:
                found.append((offset, message(m)))
    return found
