"""Templates as Markdown: the source body, with the title, summary and adoption note around it,
and fill-in fields left in their [[Label]] form so they stay easy to find and replace."""
from __future__ import annotations

from typing import TYPE_CHECKING

from .frame import Frame

if TYPE_CHECKING:
    from ..model import Template


def markdown_text(template: Template, frame: Frame) -> str:
    return (f"# {template.title}\n\n*{template.summary}*\n\n> {frame.markdown_note}\n\n"
            f"{template.body.strip()}\n\n---\n\n{frame.colophon}\n")
