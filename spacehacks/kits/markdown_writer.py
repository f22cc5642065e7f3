"""Templates as Markdown: the source body, with the title, summary and adoption note around it,
and fill-in fields left in their [[Label]] form so they stay easy to find and replace."""
from __future__ import annotations

from .frame import Frame


def markdown_text(template, frame: Frame) -> str:
    note = ("This is a first draft to make your own. Words in double square brackets, like "
            "[[Organization name]], are fill-in fields: replace each one, brackets included, with "
            "your program's details. Change anything else that does not fit, and write the final "
            "version together with participants and staff.")
    return (f"# {template.title}\n\n*{template.summary}*\n\n> {note}\n\n"
            f"{template.body.strip()}\n\n---\n\n{frame.colophon}\n")
