"""Checks on templates and their fill-in fields: every mistake is a Problem with file and line."""
from __future__ import annotations

import subprocess
import sys

from minirepo import minimal, only, problems, write
from paths import ROOT

from spacehacks.fillins import FillIn, split

VOCAB = "# fields\nOrganization name: text\nDate adopted: date\nWhat happened: long\n"
TEMPLATE = """\
---
title: A policy
kind: policy
summary: What it is for.
related: [first-hack]
---

## Purpose

{body}
"""


def repo(tmp_path, body="[[Organization name]] agrees this on [[Date adopted]]."):
    minimal(tmp_path)
    write(tmp_path, "content/templates/fields.yml", VOCAB)
    write(tmp_path, "content/templates/a-policy.md", TEMPLATE.format(body=body))
    return tmp_path


def test_a_good_template_loads_and_links_both_ways(tmp_path):
    root = repo(tmp_path)
    write(root, "hacks/sec/cat/first-hack.md",
          "---\ntitle: First hack\nsummary: S.\ntags: [boundaries]\ntemplates: [a-policy]\n---\n\nText.\n")
    assert problems(root) == []
    from spacehacks.load import load_publication
    pub, _ = load_publication(root)
    [t] = pub.templates
    assert (t.slug, t.kind, t.related, t.url) == ("a-policy", "policy", ["first-hack"], "templates/a-policy/")
    assert [h.slug for h in t.hacks] == ["first-hack"]
    assert pub.hack("first-hack").templates == ["a-policy"]
    assert pub.fill_ins == {"Organization name": "text", "Date adopted": "date", "What happened": "long"}


def test_an_unknown_fill_in_field_names_the_line_and_the_likely_label(tmp_path):
    p = only(repo(tmp_path, body="Line one.\n\nSigned for [[Organisation name]]."))
    assert (p.path, p.line) == ("content/templates/a-policy.md", 12)
    assert "'[[Organisation name]]' is not a known fill-in field" in p.message
    assert "Did you mean 'Organization name'?" in p.message and "fields.yml" in p.message


def test_a_label_in_the_wrong_case_is_pointed_at_the_right_one(tmp_path):
    p = only(repo(tmp_path, body="[[organization name]]"))
    assert p.line == 10 and "Did you mean 'Organization name'? Labels must match exactly." in p.message


def test_malformed_fill_in_fields_each_get_a_plain_message(tmp_path):
    cases = {
        "Signed for [[Organization name].": "not closed properly",
        "Signed for [[Organization name": "not closed properly",
        "Signed for Organization name]].": "not closed properly",
        "Signed for {{ organization_name }}.": "like [[Organization name]]",
        "Signed for [Organization name].": "single brackets; write it as [[Organization name]]",
        "Signed for [[ Organization name ]].": "extra spaces; write it as [[Organization name]]",
        "Signed for [[]].": "empty fill-in field",
    }
    for body, words in cases.items():
        p = only(repo(tmp_path, body=body))
        assert (p.path, p.line) == ("content/templates/a-policy.md", 10), body
        assert words in p.message, (body, p.message)


def test_links_and_checkboxes_are_not_mistaken_for_fill_in_fields(tmp_path):
    body = "- [ ] Ask [a peer](https://example.org) about [[What happened]].\n- [x] Done [see above]."
    assert problems(repo(tmp_path, body=body)) == []


def test_a_hacks_templates_must_name_a_template(tmp_path):
    root = repo(tmp_path)
    write(root, "hacks/sec/cat/first-hack.md",
          "---\ntitle: First hack\nsummary: S.\ntags: [boundaries]\ntemplates: [a-polcy]\n---\n\nText.\n")
    p = only(root)
    assert (p.path, p.line) == ("hacks/sec/cat/first-hack.md", 5)
    assert "no template with that file name. Did you mean 'a-policy'?" in p.message


def edited(tmp_path, old: str, new: str):
    """The one problem found after replacing `old` with `new` in a good template."""
    root = repo(tmp_path)
    path = root / "content/templates/a-policy.md"
    path.write_text(path.read_text().replace(old, new))
    return only(root)


def test_a_templates_related_must_name_a_hack(tmp_path):
    p = edited(tmp_path, "[first-hack]", "[frist-hack]")
    assert (p.path, p.line) == ("content/templates/a-policy.md", 5)
    assert "no hack with that file name. Did you mean 'first-hack'?" in p.message


def test_a_template_kind_must_be_policy_protocol_or_form(tmp_path):
    p = edited(tmp_path, "kind: policy", "kind: polcy")
    assert p.line == 3 and p.message.endswith("one of: policy, protocol, form. Did you mean 'policy'?")


def test_a_template_needs_its_front_matter(tmp_path):
    p = edited(tmp_path, "summary: What it is for.\n", "")
    assert p.path == "content/templates/a-policy.md" and "'summary' is missing" in p.message


def test_mistakes_in_the_vocabulary_file_name_their_line(tmp_path):
    root = repo(tmp_path)
    write(root, "content/templates/fields.yml", VOCAB + "Due date: datum\nno colon here\nDate adopted: date\n")
    found = problems(root)
    assert [(p.path, p.line) for p in found] == [("content/templates/fields.yml", n) for n in (5, 6, 7)]
    assert "'datum' is not a kind of fill-in field. Did you mean 'date'?" in found[0].message
    assert "'Label: kind'" in found[1].message
    assert "listed twice" in found[2].message


def test_build_check_prints_file_and_line_and_fails(tmp_path):
    root = repo(tmp_path, body="[[Organisation name]]")
    run = subprocess.run([sys.executable, str(ROOT / "build.py"), "--root", str(root), "check"],
                         capture_output=True, text=True)
    assert run.returncode == 1
    assert "content/templates/a-policy.md:10: '[[Organisation name]]' is not a known fill-in field" in run.stderr


def test_split_yields_text_and_fields_in_order():
    assert list(split("For [[A]], on [[B]].")) == [("text", "For "), ("field", "A"), ("text", ", on "),
                                                  ("field", "B"), ("text", ".")]
    assert FillIn("Contact, if offered", "text").name == "contact_if_offered"
