"""The words every template download carries around its own text: how to adapt it, and where it
came from. Kept in one place so the DOCX, ODT, PDF and Markdown versions say the same thing."""
from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..phrases import MAKE_IT_YOURS

if TYPE_CHECKING:
    from ..model import Publication, Template

KIND_NAMES = {"policy": "Policy", "protocol": "Protocol", "form": "Form"}
# How each format shows its fill-ins, said after the shared "make it your own" note.
FILL_INS_SHOWN = "The highlighted words are its fill-in fields."


@dataclass
class Frame:
    publication: str
    publisher: str
    licence: str
    preamble: list[str]
    colophon: str


def frame_for(pub: Publication, template: Template) -> Frame:
    info = pub.info
    title = info.get("title", "Space Hacks")
    publisher = info.get("publisher", "")
    licence = info.get("licence", "")
    preamble = [f"{MAKE_IT_YOURS} {FILL_INS_SHOWN}"]
    colophon = (f"{KIND_NAMES.get(template.kind, 'Template')} template from {title}"
                + (f" by {publisher}" if publisher else "")
                + (f". Shared under {licence}." if licence else "."))
    return Frame(title, publisher, licence, preamble, colophon)
