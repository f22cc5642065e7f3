"""Sentences every output prints the same way (the site, the PDF edition, the templates)."""
from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .model import Publication, Translatable

from .model import SOURCE_LANGUAGE, fill

Translate = Callable[..., str]


def english(text: str, **values: object) -> str:
    """The `t()` of the source language: the string itself, placeholders filled in."""
    return fill(text, values)


def count_line(n: int, where: str, t: Translate = english) -> str:
    """ "There are N hacks in this section", as section and category pages state their size.
    Each sentence is written out whole, so a translation can word it its own way."""
    if where == "section":
        if n == 0:
            return t("There are no hacks in this section yet.")
        if n == 1:
            return t("There is 1 hack in this section.")
        return t("There are {n} hacks in this section.", n=n)
    if n == 0:
        return t("There are no hacks in this category yet.")
    if n == 1:
        return t("There is 1 hack in this category.")
    return t("There are {n} hacks in this category.", n=n)


def translation_notices(pub: Publication, item: Translatable) -> list[str]:
    """What a reader of a language view must be told about the words of one hack, page, section,
    category or template: that they are the source's (no translation yet), that the translation
    has not been reviewed by a native speaker, or that the source changed since it was translated.
    Empty in the source language and for a current, reviewed translation."""
    if pub.language == item.language and item.translation is None:
        return []
    t = pub.t
    if pub.untranslated(item):
        return [t("This text has not been translated yet, so it is shown in English.")]
    notes: list[str] = []
    if item.translation is None:   # a source-language item in a source-language view
        return notes
    if item.translation.outdated:
        notes.append(t("The English text has changed since this translation was made; the current "
                       "English may say more."))
    if not item.translation.reviewed:
        notes.append(t("This translation has not yet been reviewed by a native speaker."))
    return notes


MONTHS = {"es": ("enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre",
                 "octubre", "noviembre", "diciembre")}


# The edition's ordinals, and the word "edition" after an ordinal and before a number.
EDITIONS = {
    "en": (("First", "Second", "Third", "Fourth", "Fifth", "Sixth", "Seventh", "Eighth", "Ninth", "Tenth"),
           "edition", "Edition"),
    "es": (("Primera", "Segunda", "Tercera", "Cuarta", "Quinta", "Sexta", "Séptima", "Octava", "Novena",
            "Décima"), "edición", "Edición"),
}


def edition_label(number: int, day: dt.date, language: str = SOURCE_LANGUAGE) -> str:
    """Which edition a reader holds, in words: "First edition, December 2026"."""
    ordinals, after, before = EDITIONS.get(language, EDITIONS["en"])
    month = f"{MONTHS[language][day.month - 1]} de {day.year}" if language in MONTHS else f"{day:%B %Y}"
    if 1 <= number <= len(ordinals):
        return f"{ordinals[number - 1]} {after}, {month}"
    return f"{before} {number}, {month}"


def us_date(day: dt.date) -> str:
    """A date as US English readers write it, "November 21, 2026", on the site and in the book."""
    return f"{day:%B} {day.day}, {day.year}"


def human_date(day: dt.date, language: str = SOURCE_LANGUAGE) -> str:
    """A date as readers of `language` write it: November 21, 2026; 21 de noviembre de 2026."""
    if language in MONTHS:
        return f"{day.day} de {MONTHS[language][day.month - 1]} de {day.year}"
    return us_date(day)


# The "make it your own" note: every template download, the site's template pages and the book's
# appendix print these same words (each output says beside it how its own fill-ins look).
MAKE_IT_YOURS = ("A template is a first draft to make your own: replace every fill-in field with your "
                 "program's details, change anything else that does not fit, and write the final "
                 "version together with participants and staff.")
