"""The words every template download carries around its own text: how to adapt it, and where it
came from. Kept in one place so the DOCX, ODT, PDF and Markdown versions say the same thing, in
the language of the publication view they are made from (our words go through its t())."""
from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..model import Publication, Template

KIND_NAMES = {"policy": "Policy", "protocol": "Protocol", "form": "Form"}
MAKE_IT_YOURS = ("This is a first draft to make your own. {fields} Change anything else that does "
                 "not fit, and write the final version together with participants and staff.")


@dataclass
class Frame:
    publication: str
    publisher: str
    licence: str
    preamble: list[str]
    colophon: str
    markdown_note: str = ""   # the preamble as the Markdown file says it (fields in [[brackets]])
    language: str = "en"      # of the words, for the PDF's lang attribute
    form_note: str = "Type into the boxes in any PDF reader, then save or print. Tick boxes are clickable."


def frame_for(pub: Publication, template: Template) -> Frame:
    info, t = pub.info, pub.t
    title = info.get("title", "Space Hacks")
    publisher = info.get("publisher", "")
    licence = info.get("licence", "")
    make_it_yours = t("This is a first draft to make your own. {fields} Change anything else that does "
                      "not fit, and write the final version together with participants and staff.")
    preamble = [make_it_yours.replace("{fields}", t(
        "The highlighted words are fill-in fields: replace each one with your program's details."))]
    note = make_it_yours.replace("{fields}", t(
        "Words in double square brackets, like [[{example}]], are fill-in fields: replace each one, "
        "brackets included, with your program's details.", example=pub.label("Organization name")))
    kind = t(KIND_NAMES.get(template.kind, "Template"))
    colophon = (t("{kind} template from {title}", kind=kind, title=title)
                + (t(" by {publisher}", publisher=publisher) if publisher else "")
                + (t(". Shared under {licence}.", licence=licence) if licence else "."))
    form_note = t("Type into the boxes in any PDF reader, then save or print. Tick boxes are clickable.")
    return Frame(title, publisher, licence, preamble, colophon, note, pub.language, form_note)
