"""What the templates page's form reads to fill templates in, published beside the templates.

fields.json describes every shared fill-in field (grouped, with a plain description, an example,
its kind and the templates that use it) and every template's files: a machine-readable description
others may use too. fill-data.js carries the same description plus the fillable files themselves,
for a reader who opened the site from disk, where browsers refuse to fetch files but still run
scripts; the form loads it only there. (The fillable PDFs, a third of a megabyte each, stay out
of it: from disk they are beside it in the same folder.)
"""
from __future__ import annotations

import base64
import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..downloads import FILLABLE, PRINTABLE, formats_for
from ..fillins import KINDS
from ..shared_fields import GROUPS, fill_templates, labels_in, shared_fields

if TYPE_CHECKING:
    from ..model import Publication

FIELDS_NAME = "fields.json"
DISK_SCRIPT = "fill-data.js"
# suffix -> the format's name in fields.json and the form.
# The A4 PDF to print was the only one, and keeps its name "pdf".
FORMAT_NAMES = {".docx": "docx", ".odt": "odt", ".md": "markdown",
                **{suffix: "pdf" if paper == "a4" else f"pdf-{paper}" for suffix, _, paper in PRINTABLE},
                **{suffix: f"fillable-pdf-{paper}" for suffix, _, paper in FILLABLE}}
# What the form fills in (the others it offers as they are).
FILLED = ("docx", "odt", "markdown")


def description(pub: Publication, folder: Path) -> dict[str, Any]:
    groups = [{"id": g, "title": pub.t(title)} for g, title in GROUPS]
    fields = [{"label": f.label, "name": f.name, "kind": f.kind, "kind_description": KINDS.get(f.kind, ""),
               "group": f.group, "description": f.hint, "example": f.example, "templates": list(f.templates)}
              for f in shared_fields(pub)]
    templates = [{"slug": t.slug, "title": t.title, "kind": t.kind, "page": t.url,
                  "fields": labels_in(t.body),
                  "files": [{"format": FORMAT_NAMES[suffix], "label": label, "name": t.slug + suffix,
                             "bytes": (folder / (t.slug + suffix)).stat().st_size}
                            for suffix, label in formats_for(t) if (folder / (t.slug + suffix)).is_file()]}
                 for t in fill_templates(pub)]
    return {"version": 1, "language": pub.language, "filled_formats": list(FILLED), "groups": groups, "fields": fields,
            "templates": templates}


def write_fill_data(pub: Publication, folder: Path) -> None:
    """fields.json and fill-data.js in the templates' download folder."""
    data = description(pub, folder)
    (folder / FIELDS_NAME).write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    files = {f["name"]: base64.b64encode((folder / f["name"]).read_bytes()).decode("ascii")
             for t in data["templates"] for f in t["files"] if f["format"] in FILLED}
    # ASCII-only JSON with <, > and & escaped too: content can neither end the script nor smuggle
    # in line separators that some engines read as the end of a statement.
    payload = json.dumps({"description": data, "files": files}, ensure_ascii=True)
    for char, escaped in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026")):
        payload = payload.replace(char, escaped)
    (folder / DISK_SCRIPT).write_text(f"window.__spacehacksFill = {payload};\n", encoding="ascii")
