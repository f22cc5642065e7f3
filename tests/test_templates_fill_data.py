"""The shared fill-in fields the templates page's form asks for, and what the build publishes for
it: fields.json (for the form and anyone else) and fill-data.js (the same, with the files, for a
site opened from disk). Content is untrusted: neither file can be broken by what a title holds."""
from __future__ import annotations

import base64
import json
import re
from pathlib import Path

from spacehacks.model import Publication, Template
from spacehacks.shared_fields import GROUPS, SHARED, grouped, labels_in, shared_fields
from spacehacks.templates.fill_data import DISK_SCRIPT, FIELDS_NAME, write_fill_data


def test_every_shared_field_is_a_known_fill_in_with_a_group_and_an_example(pub) -> None:
    groups = {g for g, _ in GROUPS}
    for label, (group, hint, example) in SHARED.items():
        assert label in pub.fill_ins, label
        assert group in groups and hint and example, label


def test_shared_fields_list_the_templates_that_use_them_in_group_order(pub) -> None:
    fields = shared_fields(pub)
    assert {f.label for f in fields} == {label for label in SHARED
                                         if any(f"[[{label}]]" in t.body for t in pub.templates)}
    for f in fields:
        assert list(f.templates) == [t.slug for t in pub.templates if f"[[{f.label}]]" in t.body]
    order = [g for g, _ in GROUPS]
    assert [order.index(f.group) for f in fields] == sorted(order.index(f.group) for f in fields)
    assert [g for g, _, _ in grouped(pub)] == [g for g in order if any(f.group == g for f in fields)]
    # Per-use fields stay blank for the person using the form.
    assert "Date of incident" not in {f.label for f in fields}


def test_labels_in_keeps_first_use_order_once_each() -> None:
    assert labels_in("[[B]] x [[A]] [[B]] [C] [[]]") == ["B", "A", ""]


HOSTILE = "</script><script>alert(1)</script> \u2028\u2029 \"quote\" & <b>"


def _pub(tmp_path: Path) -> tuple[Publication, Path]:
    body = "Ask [[Organization name]] or [[Emergency number]] about [[What happened]]."
    t = Template("odd", HOSTILE, "form", HOSTILE, body, "content/templates/odd.md")
    pub = Publication(tmp_path, {}, templates=[t], fill_ins={"Organization name": "text", "Emergency number": "text",
                                                             "What happened": "long"})
    folder = tmp_path / "templates"
    folder.mkdir()
    for suffix in (".docx", ".odt", ".md", ".pdf", "-fillable.pdf", "-fillable-letter.pdf"):
        (folder / f"odd{suffix}").write_bytes(b"<" + suffix.encode() + b"/>\x00\xff")
    return pub, folder


def test_fields_json_describes_fields_and_files_and_survives_hostile_titles(tmp_path) -> None:
    pub, folder = _pub(tmp_path)
    write_fill_data(pub, folder)
    data = json.loads((folder / FIELDS_NAME).read_text(encoding="utf-8"))
    assert [f["label"] for f in data["fields"]] == ["Organization name", "Emergency number"]
    org = data["fields"][0]
    assert org["group"] == "organization" and org["kind"] == "text" and org["templates"] == ["odd"]
    assert org["name"] == "organization_name" and org["example"] and org["description"]
    [t] = data["templates"]
    assert t["title"] == HOSTILE
    assert t["fields"] == ["Organization name", "Emergency number", "What happened"]
    assert [f["format"] for f in t["files"]] == ["docx", "odt", "pdf", "markdown", "fillable-pdf-a4",
                                                    "fillable-pdf-letter"]
    assert data["filled_formats"] == ["docx", "odt", "markdown"]


def test_the_disk_script_cannot_be_ended_by_content_and_carries_the_fillable_files(tmp_path) -> None:
    pub, folder = _pub(tmp_path)
    write_fill_data(pub, folder)
    script = (folder / DISK_SCRIPT).read_text(encoding="ascii")
    assert not re.search("[<>&\u2028\u2029]", script)
    prefix = "window.__spacehacksFill = "
    assert script.startswith(prefix) and script.endswith(";\n")
    data = json.loads(script[len(prefix):-2])
    assert data["description"]["templates"][0]["title"] == HOSTILE
    assert set(data["files"]) == {"odd.docx", "odd.odt", "odd.md"}    # the PDFs stay out
    assert base64.b64decode(data["files"]["odd.odt"]) == (folder / "odd.odt").read_bytes()


def test_the_built_site_publishes_the_description_of_every_template(site, pub) -> None:
    data = json.loads((site / "downloads" / "templates" / FIELDS_NAME).read_text(encoding="utf-8"))
    assert [t["slug"] for t in data["templates"]] == [t.slug for t in pub.templates]
    for t in data["templates"]:
        for f in t["files"]:
            assert (site / "downloads" / "templates" / f["name"]).stat().st_size == f["bytes"]
    assert (site / "downloads" / "templates" / DISK_SCRIPT).is_file()


def test_a_translated_view_asks_for_its_own_templates_fields_with_their_translated_labels(pub, tmp_path) -> None:
    es = pub.in_language("es")
    fields = shared_fields(es)
    spanish = [t for t in es.templates if t.language == "es"]
    assert spanish and fields
    for f in fields:
        # The label the Spanish files' fill-ins carry (ODT description, DOCX alias, Markdown), and
        # the tag the Spanish DOCX writes for it.
        assert all(f"[[{f.label}]]" in t.body for t in spanish if t.slug in f.templates), f.label
        assert set(f.templates) <= {t.slug for t in spanish}
    org = next(f for f in fields if f.group == "organization" and f.label == es.label("Organization name"))
    assert org.label == "Nombre de la organización" and org.hint == "El nombre con el que se conoce a tu organización"
    assert [heading for _, heading, _ in grouped(es)][0] == "Tu organización"
    # The English view is as it was: English labels, every template.
    assert shared_fields(pub)[0].label == "Organization name"
    folder = tmp_path / "es"
    folder.mkdir()
    write_fill_data(es, folder)
    data = json.loads((folder / FIELDS_NAME).read_text(encoding="utf-8"))
    assert data["language"] == "es" and [t["slug"] for t in data["templates"]] == [t.slug for t in spanish]
    assert {f["label"] for f in data["fields"]} == {f.label for f in fields}
    assert data["fields"][0]["name"] == org.name
