"""Data from content written into JavaScript or a <script> element."""
from __future__ import annotations

import json

# Inside a script, '</script>' or '<!--' would end or bend the element, '&' matters in XHTML, and
# U+2028/U+2029 end a line in older JavaScript: written as \\u escapes they are plain characters.
_ESCAPES = {ord("<"): "\\u003c", ord(">"): "\\u003e", ord("&"): "\\u0026",
            0x2028: "\\u2028", 0x2029: "\\u2029"}


def script_json(data: object, indent: int | None = None) -> str:
    """JSON that reads the same as data and as JavaScript, and cannot close its script element."""
    return script_text(json.dumps(data, ensure_ascii=False, indent=indent))


def script_text(json_text: str) -> str:
    """JSON text already written, made as safe as script_json's."""
    return json_text.translate(_ESCAPES)
