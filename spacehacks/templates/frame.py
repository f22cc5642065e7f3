"""The words every template download carries around its own text: how to adapt it, and where it
came from. Kept in one place so the DOCX, ODT, PDF and Markdown versions say the same thing."""
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


def frame_for(pub: Publication, template: Template) -> Frame:
    info = pub.info
    title = info.get("title", "Space Hacks")
    publisher = info.get("publisher", "")
    licence = info.get("licence", "")
    preamble = [MAKE_IT_YOURS.format(
        fields="The highlighted words are fill-in fields: replace each one with your program's details.")]
    colophon = (f"{KIND_NAMES.get(template.kind, 'Template')} template from {title}"
                + (f" by {publisher}" if publisher else "")
                + (f". Shared under {licence}." if licence else "."))
    return Frame(title, publisher, licence, preamble, colophon)
