"""Sentences every output prints the same way (the site, the PDF edition, the templates)."""
from __future__ import annotations

import datetime as dt


def count_line(n: int, where: str) -> str:
    """ "There are N hacks in this section", as section and category pages state their size."""
    if n == 0:
        return f"There are no hacks in this {where} yet."
    if n == 1:
        return f"There is 1 hack in this {where}."
    return f"There are {n} hacks in this {where}."


def us_date(day: dt.date) -> str:
    """A date as US English readers write it, "November 21, 2026", on the site and in the book."""
    return f"{day:%B} {day.day}, {day.year}"


# The "make it your own" note: every template download, the site's template pages and the book's
# appendix print these same words (each output says beside it how its own fill-ins look).
MAKE_IT_YOURS = ("A template is a first draft to make your own: replace every fill-in field with your "
                 "program's details, change anything else that does not fit, and write the final "
                 "version together with participants and staff.")
