"""The words every template download carries around its own text: how to adapt it, and where it
came from. Kept in one place so the DOCX, ODT, PDF and Markdown versions say the same thing, in
the language of the publication view they are made from (our words go through its t())."""
from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..model import SOURCE_LANGUAGE
from ..phrases import MAKE_IT_YOURS

if TYPE_CHECKING:
    from ..model import Publication, Template

KIND_NAMES = {"policy": "Policy", "protocol": "Protocol", "form": "Form"}
# How each format shows its fill-ins, said after the shared "make it your own" note.
FILL_INS_SHOWN = "The highlighted words are its fill-in fields."
MARKDOWN_FILL_INS = ("Its fill-in fields are in double square brackets, like [[{example}]]: replace each one, "
                     "brackets included.")


@dataclass
class Frame:
    publication: str
    publisher: str
    licence: str
    preamble: list[str]
    colophon: str
    markdown_note: str = ""   # the preamble as the Markdown file says it (fields in [[brackets]])
    language: str = SOURCE_LANGUAGE      # of the words, for the PDF's lang attribute
    form_note: str = "Type into the boxes in any PDF reader, then save or print. Tick boxes are clickable."


def frame_for(pub: Publication, template: Template) -> Frame:
    info, t = pub.info, pub.t
    title = info.get("title", "Space Hacks")
    publisher = info.get("publisher", "")
    licence = info.get("licence", "")
    make_it_yours = t(MAKE_IT_YOURS)
    preamble = [f"{make_it_yours} {t(FILL_INS_SHOWN)}"]
    note = f"{make_it_yours} " + t(MARKDOWN_FILL_INS, example=pub.label("Organization name"))
    kind = t(KIND_NAMES.get(template.kind, "Template"))
    colophon = (t("{kind} template from {title}", kind=kind, title=title)
                + (t(" by {publisher}", publisher=publisher) if publisher else "")
                + (t(". Shared under {licence}.", licence=licence) if licence else "."))
    form_note = t("Type into the boxes in any PDF reader, then save or print. Tick boxes are clickable.")
    return Frame(title, publisher, licence, preamble, colophon, note, pub.language, form_note)
