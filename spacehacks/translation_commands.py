"""`build.py translations` (what is translated, outdated, missing), `build.py translations --mark`
(record which version of the source a translation translates) and `build.py new translation`.

Only these commands write `source_hash`: a translator never types a hash, so the status cannot be
claimed by hand.
"""
from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

import jinja2

from . import history, interface, schema, translations
from .frontmatter import parse_source, read_source
from .load import load_publication
from .model import Publication, Translation
from .problems import rel
from .sources import (
    LANGUAGE_NAMES,
    TRANSLATION_LANGUAGES,
    source_of,
    translation_language,
    translation_path,
)

ARCHETYPE = "translation.md"


class TranslationError(Exception):
    """A plain-words reason nothing was changed."""


def add_commands(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("translations", help="what is translated, outdated and missing, per language; "
                       "--mark FILE… records that translations match the current source")
    p.add_argument("--mark", nargs="+", metavar="FILE", help="translation files to mark as translating "
                   "the current version of their source")
    p.add_argument("--reviewed", action="store_true", help="with --mark: a native speaker has reviewed them")


def run(args: argparse.Namespace) -> int:
    root = Path(args.root)
    try:
        if args.mark:
            for line in mark(root, args.mark, reviewed=args.reviewed):
                print(line)
            return 0
        if args.reviewed:
            raise TranslationError("--reviewed goes with --mark FILE…: say which translations were reviewed.")
    except TranslationError as exc:
        print(f"Nothing was changed: {exc}", file=sys.stderr)
        return 1
    print(report(root))
    return 0


def _resolve(root: Path, given: str) -> Path:
    path = Path(given)
    for candidate in (path, root / path):
        if candidate.is_file():
            return candidate.resolve()
    raise TranslationError(f"there is no file {given}.")


def _source_kind(pub: Publication, root: Path, source: Path) -> str:
    found = translations.sources(pub).get(rel(source, root))
    if found is None:
        what = "does not exist" if not source.exists() else (
            "is not a hack, section, category, page, passage or template that reads without problems "
            "(run `make check`)")
        raise TranslationError(f"{rel(source, root)} {what}.")
    return found.kind


def mark(root: Path, files: list[str], reviewed: bool = False) -> list[str]:
    """Record the current source hash in each translation (all are checked before any is written)."""
    root = Path(root).resolve()
    pub, _ = load_publication(root)
    changes = []
    for given in files:
        file = _resolve(root, given)
        path = rel(file, root)
        if translation_language(file) not in TRANSLATION_LANGUAGES:
            raise TranslationError(f"{path} is not a translation: a translation is named <name>.<language>.md "
                                   f"({', '.join(TRANSLATION_LANGUAGES)}) beside the file it translates.")
        source = source_of(file)
        kind = _source_kind(pub, root, source)
        text = file.read_text(encoding="utf-8")
        src = parse_source(text, path)
        if src.problems:
            raise TranslationError(f"{path} cannot be read:\n" + "\n".join(map(str, src.problems)))
        current = translations.text_hash(read_source(source, rel(source, root)), kind)
        was_reviewed = src.meta.get("reviewed") is True
        keep_review = was_reviewed and src.meta.get("source_hash") == current
        now_reviewed = reviewed or keep_review
        text = set_field(text, "source_hash", f'"{current}"')
        if reviewed or "reviewed" in src.meta or was_reviewed:
            text = set_field(text, "reviewed", "true" if now_reviewed else "false")
        state = "reviewed" if now_reviewed else "not yet reviewed"
        if was_reviewed and not now_reviewed:
            state += " (it was reviewed against an older version; review it again, then mark it --reviewed)"
        changes.append((file, text, f"Marked {path}: it translates the current {rel(source, root)}; {state}."))
    for file, text, _ in changes:
        file.write_text(text, encoding="utf-8")
    return [message for _, _, message in changes]


def set_field(text: str, name: str, value: str) -> str:
    """`text` with the front matter line `name: value`, replacing that field or adding it last."""
    lines = text.split("\n")
    end = next(i for i in range(1, len(lines)) if lines[i].strip() in ("---", "..."))
    pattern = re.compile(rf"^{re.escape(name)}\s*:")
    for i in range(1, end):
        if pattern.match(lines[i]):
            lines[i] = f"{name}: {value}"
            return "\n".join(lines)
    lines.insert(end, f"{name}: {value}")
    return "\n".join(lines)


def report(root: Path) -> str:
    """Per language: translated (reviewed or not), outdated, never marked and missing, counted and listed."""
    root = Path(root).resolve()
    pub, problems = load_publication(root)
    out = []
    for language in TRANSLATION_LANGUAGES:
        name = LANGUAGE_NAMES.get(language, language)
        found = translations.status(pub, language)
        total = len(translations.sources(pub))
        done = len(found["reviewed"]) + len(found["not reviewed"])
        out.append(f"{name} ({language}): {done} of {total} texts translated — {len(found['reviewed'])} reviewed, "
                   f"{len(found['not reviewed'])} not yet reviewed by a native speaker; "
                   f"{len(found['outdated'])} outdated, {len(found['never marked'])} never marked, "
                   f"{len(found['missing'])} missing.")
        sections = [
            ("Reviewed", found["reviewed"], _plain),
            ("Not yet reviewed by a native speaker", found["not reviewed"], _plain),
            ("Outdated: the source changed since they were translated", found["outdated"],
             lambda t: _outdated(root, t)),
            (f"Never marked: run `{translations.MARK} FILE` once they match their source",
             found["never marked"], _plain),
            ("Missing (the English is shown instead)", found["missing"], lambda s: f"{s.kind}: {s.path}"),
        ]
        for heading, items, line in sections:
            out.append(f"\n{heading} ({len(items)}):")
            out += [f"  {line(item)}" for item in items]
        labels = translations.labels_file(language)
        if not (root / labels).exists():
            out.append(f"\nFill-in labels: there is no {labels.as_posix()} yet, so the templates' fill-in "
                       "fields show their English labels.")
        strings = pub.catalogues.get(language, {})
        used = interface.used_strings(root, pub.info)
        missing = [s for s in used if s not in strings]
        catalogue = interface.catalogue_file(language).as_posix()
        if not (root / catalogue).exists():
            out.append(f"\nInterface strings: there is no {catalogue} yet, so readers see our own "
                       "strings in English.")
        out.append(f"\nInterface strings ({catalogue}): {len(used) - len(missing)} of {len(used)} translated.")
        out += [f"  missing: {s}" for s in missing]
        out += [f"  no longer used: {s}" for s in interface.unused(pub, language)]
        out.append("")
    errors = [p for p in problems if p.severity != "warning"]
    if errors:
        plural = "s" if len(errors) != 1 else ""
        out.append(f"`make check` also reports {len(errors)} problem{plural}; run it for the details.")
    return "\n".join(out).rstrip() + "\n"


def _plain(t: Translation) -> str:
    return t.path


def _outdated(root: Path, t: Translation) -> str:
    change = history.change_since(root, t.source_path, t.source_hash or "",
                                  lambda text: translations.hash_of_text(text, t.source_path, t.kind))
    if change is None:
        return f"{t.path} (compare with {t.source_path})"
    when = f"changed on {change.date}" if change.date else "changed in changes not committed yet"
    see = f"git diff {change.since}.. -- {t.source_path}" if change.since else f"git log -p -- {t.source_path}"
    return f"{t.path} (the English {when}; see {see})"


def new_translation(root: Path, language: str, source: str) -> Path:
    """Start the translation of `source` into `language`: the fields to translate, empty, with the
    English beside them as comments, `reviewed: false`, the source's hash, and the English body."""
    from .scaffold import _render  # the archetype machinery of `build.py new`
    root = Path(root).resolve()
    if language not in TRANSLATION_LANGUAGES:
        raise TranslationError(f"'{language}' is not a language this publication is translated into; "
                               f"use one of: {', '.join(TRANSLATION_LANGUAGES)}.")
    file = _resolve(root, source)
    if translation_language(file):
        raise TranslationError(f"{rel(file, root)} is itself a translation; give the file it translates.")
    if rel(file, root).startswith("quotes/"):
        raise TranslationError("quotes are not translated: they keep the words their author published.")
    pub, _ = load_publication(root)
    kind = _source_kind(pub, root, file)
    src = read_source(file, rel(file, root))
    target = translation_path(file, language)
    fields = [(f.name, str(src.meta[f.name]).strip()) for f in translations.KIND_FIELDS[kind]
              if f.name in schema.TRANSLATED and src.meta.get(f.name) not in (None, "")]
    try:
        text = _render(root, ARCHETYPE, fields=fields, language=LANGUAGE_NAMES.get(language, language),
                       source_hash=translations.text_hash(src, kind), body=src.body)
    except jinja2.TemplateNotFound:
        raise TranslationError(f"archetypes/{ARCHETYPE} is missing; restore it from git.") from None
    try:
        with target.open("x", encoding="utf-8") as out:   # never overwrite a translation in progress
            out.write(text)
    except FileExistsError:
        raise TranslationError(f"{rel(target, root)} already exists; nothing was changed.") from None
    return target


def add_new_command(kinds: argparse._SubParsersAction) -> None:
    p = kinds.add_parser("translation", help="new translation es hacks/…/name.md")
    p.add_argument("language", help=f"the language code: {', '.join(TRANSLATION_LANGUAGES)}")
    p.add_argument("source", help="the file to translate (a hack, section, category, page, passage or template)")


def run_new(args: argparse.Namespace) -> int:
    try:
        file = new_translation(args.root, args.language, args.source)
    except TranslationError as exc:
        print(f"Nothing was created: {exc}", file=sys.stderr)
        return 1
    path = rel(file, Path(args.root))
    print(f"Created {path}. Translate each field (the English is in the comment above it) and the "
          "text below the front matter, keeping every {{ passage: … }} line and [[fill-in field]] "
          f"as it is; then run `make check`. Once a native speaker has reviewed it: "
          f"`{translations.MARK} {path} --reviewed`.")
    return 0
