"""The six templates added for issue 12 (sixteen in all): each ships in every format with its
fill-in fields marked, each form's fillable PDF has a named box for every field, and the safety
and legal statements the templates promise are in them.

The checks every template shares (headings, lists and tables in DOCX and ODT) live in
test_templates_downloads.py; this file reuses its fixtures and readers."""
from __future__ import annotations

import re
from pathlib import Path

import docx
import pytest
import test_templates_downloads as downloads
from odf import teletype
from odf import text as odf_text
from odf.opendocument import load as load_odt
from pypdf import PdfReader
from test_content import words

from spacehacks.fillins import FillIn
from spacehacks.model import Publication, Template
from spacehacks.phrases import MAKE_IT_YOURS
from spacehacks.templates import step

# The download tests' fixtures, shared rather than written again.
folder = downloads.folder
sources = downloads.sources

NEW = {  # slug -> kind
    "staff-and-outreach-safety-plan": "protocol",
    "bathroom-check-in-protocol-and-log": "form",
    "police-at-the-site-protocol": "protocol",
    "confidentiality-and-release-of-information-consent": "form",
    "crisis-and-suicide-safety-plan": "form",
    "return-agreement-after-a-restriction": "form",
}

# What each template must keep saying: the interval the publication is aligned on, the crisis
# line's real options, the warrant distinction, the limits of confidentiality, the person's rights.
PROMISES = {
    "staff-and-outreach-safety-plan": ["Risk check before every home visit or outreach shift",
                                       "If a check-in is missed", "No permission is needed",
                                       "Threats and being followed", "Debrief and support afterwards"],
    "bathroom-check-in-protocol-and-log": ["every 2–3 minutes", "go in now", "naloxone",
                                           "without asking anyone's permission", "No names"],
    "police-at-the-site-protocol": ["not legal advice", "signed by a judge or magistrate", "I-200",
                                    "does not by itself authorize entry into private areas",
                                    "Never block a door with your body",
                                    "Calling emergency medical services is never delayed because police"],
    "confidentiality-and-release-of-information-consent": [
        "Mandated reporting", "Imminent danger", "Court orders", "vary by state", "HIPAA",
        "42 CFR Part 2", "in writing", "Saying no will not change the services"],
    "crisis-and-suicide-safety-plan": ["call or text 988", "988lifeline.org", "call 988 and press 1",
                                       "does not replace emergency care", "naloxone",
                                       "locked up, or with someone I trust"],
    "return-agreement-after-a-restriction": ["does not depend on signing this agreement",
                                             "You can still appeal", "supplies meanwhile",
                                             "Check-in after the first visit"],
}

# A few fields per form that must come out as named boxes, row prefixes included.
NAMED_BOXES = {
    "bathroom-check-in-protocol-and-log": {"log_date", "1_time_in", "1_check_in_times", "10_initials",
                                           "log_notes"},
    "confidentiality-and-release-of-information-consent": {
        "person_or_agency_receiving", "purpose_of_sharing", "expiry_date",
        "person_giving_permission_signature", "staff_member_who_explained_this_form_date_signed"},
    "crisis-and-suicide-safety-plan": {"my_warning_signs", "1_contact_name", "3_phone_number",
                                       "my_reasons_for_living", "plan_review_date"},
    "return-agreement-after-a-restriction": {"what_i_agree_to", "what_the_program_agrees_to",
                                             "check_in_date", "person_returning_signature"},
}


def flat(text: str) -> str:
    return re.sub(r"\s+", " ", text)


@pytest.fixture(scope="module")
def new(pub: Publication) -> dict[str, Template]:
    return {slug: pub.template(slug) for slug in NEW}


def test_the_six_are_there_with_their_kind_front_matter_and_length(pub: Publication,
                                                                    new: dict[str, Template]) -> None:
    assert len(pub.templates) >= 16
    for slug, t in new.items():
        assert t.kind == NEW[slug], slug
        assert t.summary and "\n" not in t.summary and t.related, slug
        assert 400 <= words(t.body) <= 1000, (slug, words(t.body))
        assert "## Purpose" in t.body and "## Scope" in t.body and "Roles" in t.body, slug
        assert "[[Review date]]" in t.body and "[[Date adopted]]" in t.body, slug
        # The download adds the 'make it your own' note; a body that repeated it would say it twice.
        assert MAKE_IT_YOURS.split(":")[0] not in t.body, slug


def test_the_safety_and_legal_statements_are_in_every_format(new: dict[str, Template], folder: Path) -> None:
    for slug, phrases in PROMISES.items():
        pdf = flat(" ".join(p.extract_text() for p in PdfReader(folder / f"{slug}.pdf").pages))
        word = flat(" ".join(p.text for p in docx.Document(folder / f"{slug}.docx").paragraphs))
        odt_doc = load_odt(str(folder / f"{slug}.odt"))
        odt = flat(" ".join(teletype.extractText(p) for kind in (odf_text.H, odf_text.P)
                            for p in odt_doc.getElementsByType(kind)))
        md = flat((folder / f"{slug}.md").read_text(encoding="utf-8"))
        for phrase in phrases:
            assert phrase in flat(new[slug].body), (slug, phrase)
            for name, text in (("pdf", pdf), ("docx", word), ("odt", odt), ("md", md)):
                assert phrase.replace("'", "’") in text.replace("'", "’"), (slug, name, phrase)
    bathroom = new["bathroom-check-in-protocol-and-log"].body
    assert not re.search(r"\b2 ?- ?3 minutes|few minutes just|ten minutes", bathroom)


def test_each_ships_in_every_format_with_its_fill_ins_marked(new: dict[str, Template], folder: Path,
                                                             sources: dict[str, downloads.Source]) -> None:
    for slug, t in new.items():
        labels = sources[slug].fill_ins
        assert labels, slug
        suffixes = [s for s, _ in step.formats_for(t)]
        assert ("-fillable.pdf" in suffixes) == (t.kind == "form"), slug
        for suffix in suffixes:
            assert (folder / f"{slug}{suffix}").stat().st_size > 500, (slug, suffix)
        assert downloads._docx_fill_ins(docx.Document(folder / f"{slug}.docx")) == labels, slug
        # the body's fill-ins, not the page header's
        holders = load_odt(str(folder / f"{slug}.odt")).text.getElementsByType(odf_text.TextInput)
        assert [h.getAttribute("description") for h in holders] == labels, slug
        md = (folder / f"{slug}.md").read_text(encoding="utf-8")
        assert all(f"[[{label}]]" in md for label in labels), slug
        # The printable PDF shows each field's label in its highlighted blank.
        pdf = flat(" ".join(p.extract_text() for p in PdfReader(folder / f"{slug}.pdf").pages))
        for label in set(labels):
            assert label.replace("'", "’") in pdf.replace("'", "’"), (slug, label)


def test_each_forms_fillable_pdf_has_a_box_for_every_field_and_tick_box(
        pub: Publication, folder: Path, sources: dict[str, downloads.Source]) -> None:
    forms = [slug for slug, kind in NEW.items() if kind == "form"]
    assert set(forms) == set(NAMED_BOXES)
    for slug in forms:
        src = sources[slug]
        fields = PdfReader(folder / f"{slug}-fillable.pdf").get_fields()
        text = {n: f for n, f in fields.items() if f.get("/FT") == "/Tx"}
        boxes = [n for n, f in fields.items() if f.get("/FT") == "/Btn"]
        assert len(text) == len(src.fill_ins), slug
        assert len(boxes) == len(src.checkboxes), slug
        assert NAMED_BOXES[slug] <= set(text), (slug, NAMED_BOXES[slug] - set(text))
        # Long answers are multi-line boxes; a field's kind comes from fields.yml.
        for label in set(src.fill_ins):
            if pub.fill_ins[label] == "long":
                name = FillIn(label, "long").name
                assert int(text[name].get("/Ff", 0)) & (1 << 12), (slug, label)
