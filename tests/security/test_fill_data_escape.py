"""What the templates page's form reads (fields.json, and fill-data.js for a site opened from
disk) keeps every title of a hostile editor's templates exactly, as data: the
script cannot be ended or broken by any of them."""
from __future__ import annotations

import json
import re
from pathlib import Path

from hostile import CLOSERS, FIELDS, hostile_repo, payload

from spacehacks.load import load_publication
from spacehacks.templates.fill_data import DISK_SCRIPT, FIELDS_NAME, write_fill_data


def test_fields_json_and_the_disk_script_keep_hostile_titles_as_data(tmp_path: Path) -> None:
    pub, _ = load_publication(hostile_repo(tmp_path / "repo"))
    folder = tmp_path / "templates"
    folder.mkdir()
    for t in pub.templates:
        for suffix in (".docx", ".odt", ".md"):
            (folder / (t.slug + suffix)).write_bytes(CLOSERS.encode())
    write_fill_data(pub, folder)
    script = (folder / DISK_SCRIPT).read_text(encoding="ascii")
    assert not re.search("[<>&\u2028\u2029]", script)
    carried = json.loads(script.removeprefix("window.__spacehacksFill = ").removesuffix(";\n"))
    published = json.loads((folder / FIELDS_NAME).read_text(encoding="utf-8"))
    for data in (carried["description"], published):
        assert "Form " + payload(FIELDS["template title"]) in {t["title"] for t in data["templates"]}
