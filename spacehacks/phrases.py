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
