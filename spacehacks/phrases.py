"""Sentences every output prints the same way (the site, the PDF edition, the templates)."""
from __future__ import annotations

from collections.abc import Callable

from .model import fill

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


def translation_notices(pub, item) -> list[str]:
    """What a reader of a language view must be told about the words of one hack, page, section,
    category or template: that they are the source's (no translation yet), that the translation
    has not been reviewed by a native speaker, or that the source changed since it was translated.
    Empty in the source language and for a current, reviewed translation."""
    if pub.language == item.language and item.translation is None:
        return []
    t = pub.t
    if pub.untranslated(item):
        return [t("This text has not been translated yet, so it is shown in English.")]
    notes = []
    if item.translation.outdated:
        notes.append(t("The English text has changed since this translation was made; the current "
                       "English may say more."))
    if not item.translation.reviewed:
        notes.append(t("This translation has not yet been reviewed by a native speaker."))
    return notes


MONTHS = {"es": ("enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre",
                 "octubre", "noviembre", "diciembre")}


def human_date(day, language: str = "en") -> str:
    """A date as readers of `language` write it: 1 December 2026, 1 de diciembre de 2026."""
    if language in MONTHS:
        return f"{day.day} de {MONTHS[language][day.month - 1]} de {day.year}"
    return day.strftime("%-d %B %Y")
