"""Translations: files named <name>.<language>.md beside their source, read and checked.

A translation holds the words readers see (title, summary or tagline, and the body), translated,
plus `reviewed` and `source_hash`: the hash of the source's words when the translation was last
marked (`build.py translations --mark`). Everything else (slug, tags, related hacks, templates,
order) comes from the source. Checking a translation is checking English content (the markup,
the passages, the limits), except the spelling, whose dictionary is English.
"""
from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from . import history, schema
from .checks import MAX_SUMMARY, check_body, normalise
from .fillins import FIELD, VOCABULARY, scan
from .frontmatter import Source, entry_lines, parse_source, read_source
from .model import Publication, Translation
from .passages import Expander, Passage, expand_anchored, expand_checked, markers, without_markers
from .problems import WARNING, Problem, did_you_mean, rel
from .sources import (
    LANGUAGE_NAMES,
    TRANSLATION_LANGUAGES,
    source_of,
    translation_language,
)

# Where translations may live (beside sources of these kinds), and the folders that hold none.
FOLDERS = ("hacks", "content/sections", "content/pages", "content/passages", "content/templates")
KIND_FIELDS = {"hack": schema.HACK, "section": schema.SECTION, "category": schema.CATEGORY,
               "page": schema.PAGE, "template": schema.TEMPLATE, "passage": schema.PASSAGE}
HASH = re.compile(r"^[0-9a-f]{16}$")
MARK = "python build.py translations --mark"


@dataclass(frozen=True)
class SourceFile:
    """A source a translation may translate: its kind and its path."""
    kind: str
    path: str


def sources(pub: Publication) -> dict[str, SourceFile]:
    """Every translatable source file of the (English) publication, by path, in reading order."""
    found = [SourceFile("section", s.path) for s in pub.sections]
    found += [SourceFile("category", c.path) for c in pub.categories]
    found += [SourceFile("page", p.path) for p in pub.pages]
    found += [SourceFile("hack", h.path) for h in pub.hacks]
    found += [SourceFile("passage", p.path) for p in pub.passages.values() if p.title]
    found += [SourceFile("template", t.path) for t in pub.templates]
    return {s.path: s for s in found}


def text_hash(src: Source, kind: str) -> str:
    """The hash a translation records: the source's translated fields and its body, as written
    (line endings and trailing spaces aside). Other fields (tags, order…) do not count: changing
    them leaves every translation as current as it was."""
    parts = [f"{name}: {src.meta.get(name, '')}" for name in schema.TRANSLATED
             if any(f.name == name for f in KIND_FIELDS[kind])]
    body = "\n".join(line.rstrip() for line in src.body.strip("\n").split("\n"))
    return hashlib.sha256("\n".join([*parts, "", body]).encode("utf-8")).hexdigest()[:16]


def hash_of_text(text: str, path: str, kind: str) -> str | None:
    src = parse_source(text.replace("\r\n", "\n"), path)
    return None if src.problems else text_hash(src, kind)


def files(root: Path) -> list[Path]:
    """Every file named as a translation, in any language code, wherever it is."""
    found = []
    for top in (*FOLDERS, "quotes"):
        folder = root / top
        if folder.is_dir():
            found += [p for p in folder.rglob("*.md") if p.is_file() and translation_language(p)]
    return sorted(found)


def load_translations(pub: Publication) -> list[Problem]:
    """Read every translation into pub.translations, after the sources and their passages."""
    root = Path(pub.root)
    problems: list[Problem] = []
    known = sources(pub)
    pub.translations = {language: {} for language in TRANSLATION_LANGUAGES}
    for file in files(root):
        path = rel(file, root)
        t = _load_one(root, file, path, known, problems)
        if t is not None:
            pub.translations[t.language][t.source_path] = t
    for language in TRANSLATION_LANGUAGES:
        problems += _expand(pub, language)
        problems += _check_titles(pub.translations[language].values())
        labels, found = load_labels(root, language, pub.fill_ins)
        pub.fill_in_labels[language] = labels
        problems += found
        problems += _missing_labels(pub, language, labels)
    return problems


def _load_one(root: Path, file: Path, path: str, known: dict[str, SourceFile],
              problems: list[Problem]) -> Translation | None:
    language = translation_language(file) or ""
    if language not in TRANSLATION_LANGUAGES:
        problems.append(Problem(path, 1, (
            f"'{language}' is not a language this publication is translated into."
            f"{did_you_mean(language.lower(), TRANSLATION_LANGUAGES)} A translation is named "
            f"<name>.<language>.md with one of: {', '.join(TRANSLATION_LANGUAGES)}. Rename the file, "
            "or ask the editors to add the language.")))
        return None
    source = source_of(file)
    source_path = rel(source, root)
    if path.startswith("quotes/"):
        problems.append(Problem(path, 1, (
            "quotes are not translated: they keep the words their author published. "
            "Delete this file.")))
        return None
    target = known.get(source_path)
    if target is None:
        if not source.exists():
            problems.append(Problem(path, 1, (
                f"this translation has no source: there is no {source_path} beside it. Rename it "
                f"after the file it translates (<name>.{language}.md beside <name>.md), or delete it "
                "if the English was removed.")))
        return None   # a source that exists but has problems of its own is reported there
    src = read_source(file, path)
    if src.problems:
        problems += src.problems
        return None
    what = f"a {LANGUAGE_NAMES.get(language, language)} translation of a {target.kind}"
    fields = schema.translation_fields(KIND_FIELDS[target.kind])
    values = schema.validate(src, fields, what)
    problems += src.problems
    original = read_source(source, source_path)
    problems += _compare(src, values, original, target.kind)
    problems += check_body(path, src.body, src.body_line, target.kind)
    current = text_hash(original, target.kind)
    recorded = src.meta.get("source_hash")
    problems += _status(root, src, recorded, current, source_path, target.kind)
    translated = {k: v for k, v in values.items() if k in schema.TRANSLATED}
    if target.kind == "hack" and len(translated.get("summary", "")) > MAX_SUMMARY:
        problems.append(Problem(path, src.line_of("summary"), (
            f"the summary is {len(translated['summary'])} characters long; keep it to one sentence of "
            f"at most {MAX_SUMMARY} characters, as in English.")))
    return Translation(language, target.kind, path, source_path, translated, src.body, src.body_line,
                       bool(values.get("reviewed", False)), recorded if isinstance(recorded, str) else None,
                       current, key_lines=src.key_lines)


def _compare(src: Source, values: dict, original: Source, kind: str) -> list[Problem]:
    """A translation repeats no field of its source's with another value, and translates the
    optional fields its source has."""
    out = []
    source_fields = KIND_FIELDS[kind]
    source_values = schema.validate(Source(original.path, original.meta, {}, "", 1), source_fields, "")
    for f in source_fields:
        if f.name in schema.TRANSLATED:
            # A required field's absence is reported by the schema already.
            if not f.required and f.name in source_values and f.name not in src.meta:
                out.append(Problem(src.path, 2, (
                    f"the source ({original.path}) has a '{f.name}'; translate it here too, on a line "
                    f"'{f.name}: …'.")))
            continue
        if f.name in values and values[f.name] != source_values.get(f.name):
            out.append(Problem(src.path, src.line_of(f.name), (
                f"'{f.name}' comes from the source ({original.path}) and differs here; a translation "
                f"has the same {f.name} as its source. Remove this line.")))
    return out


def _status(root: Path, src: Source, recorded: object, current: str, source_path: str, kind: str) -> list[Problem]:
    """The warnings about which version of the source a translation translates."""
    line = src.line_of("source_hash")
    if not isinstance(recorded, str) or not HASH.match(recorded):
        state = "never marked" if recorded is None else "its source_hash is not one the command wrote"
        return [Problem(src.path, line if "source_hash" in src.meta else 2, (
            f"{state}: it is not known which version of {source_path} this translates. When the "
            f"translation matches the current source, run `{MARK} {src.path}`."), WARNING)]
    if recorded == current:
        return []
    change = history.change_since(root, source_path, recorded,
                                  lambda text: hash_of_text(text, source_path, kind))
    return [Problem(src.path, line, outdated_message(change, source_path, src.path), WARNING)]


def outdated_message(change: history.Change | None, source_path: str, path: str) -> str:
    then = f"Update the translation, then run `{MARK} {path}`."
    if change is None:
        return f"outdated: the source ({source_path}) changed since this was translated. Compare them. {then}"
    when = f"on {change.date}" if change.date else "in changes not committed yet"
    if change.since:
        return f"outdated: the English changed {when}; see git diff {change.since}.. -- {source_path}. {then}"
    return (f"outdated: the English changed {when} (last on {change.latest}); see git log -p -- "
            f"{source_path}. {then}")


def _expand(pub: Publication, language: str) -> list[Problem]:
    """Include the shared passages in the translations' bodies: the passage's translation where
    there is one, its source otherwise."""
    found = pub.translations[language]
    chosen: dict[str, Passage] = {}
    for name, p in pub.passages.items():
        t = found.get(p.path)
        chosen[name] = Passage(name, p.title, t.body, t.path, t.body_line) if t else p
    expander = Expander(chosen)
    problems: list[Problem] = []
    for t in found.values():
        if t.kind == "passage":
            problems += _passage_rules(t)
        body, more = expand_checked(expander, t.body, t.path, t.body_line, t.kind)
        problems += more
        if t.kind == "template":
            problems += scan(t.path, without_markers(body), t.body_line, pub.fill_ins)
        if t.kind == "hack" and markers(t.body):
            body = expand_anchored(expander, t.body, t.path, t.body_line)
        if t.kind != "passage":
            t.body = body
    return problems + expander.problems


def _passage_rules(t: Translation) -> list[Problem]:
    return [Problem(t.path, t.body_line + offset, (
        "a passage cannot hold a fill-in field: hacks and pages include passages too, and readers "
        "would see the brackets. Keep fill-in fields in the template itself."))
        for offset, line in enumerate(t.body.split("\n")) if FIELD.search(line)]


def _check_titles(found: Iterable[Translation]) -> list[Problem]:
    """Two hacks (or two templates) with one title would be as confusing in any language."""
    out: list[Problem] = []
    seen: dict[tuple[str, str], str] = {}
    for t in found:
        title = t.values.get("title")
        if t.kind not in ("hack", "template") or not isinstance(title, str) or not title:
            continue
        key = (t.kind, normalise(title))
        if key in seen:
            out.append(Problem(t.path, t.key_lines.get("title", 1), (
                f"the title '{t.values['title']}' is already used by {seen[key]}; give one of them a "
                "more specific title.")))
        seen.setdefault(key, t.path)
    return out


def labels_file(language: str) -> Path:
    return VOCABULARY.with_name(f"{VOCABULARY.stem}.{language}{VOCABULARY.suffix}")


def load_labels(root: Path, language: str, vocab: dict[str, str]) -> tuple[dict[str, str], list[Problem]]:
    """content/templates/fields.<language>.yml: one 'English label: translated label' per line."""
    file = root / labels_file(language)
    path = labels_file(language).as_posix()
    labels: dict[str, str] = {}
    if not file.exists():
        return labels, []
    entries, problems = entry_lines(file, path)
    for n, line in entries:
        label, colon, shown = line.partition(":")
        label, shown = label.strip(), shown.strip()
        if not colon or not label or not shown:
            problems.append(Problem(path, n, (
                "each line is 'English label: translated label', for example "
                "'Organization name: Nombre de la organización'.")))
        elif label not in vocab:
            problems.append(Problem(path, n, (
                f"'{label}' is not a fill-in field of {VOCABULARY.as_posix()}."
                f"{did_you_mean(label, vocab)} Use the English label exactly as listed there.")))
        elif label in labels:
            problems.append(Problem(path, n, f"the field '{label}' is listed twice; keep one line."))
        else:
            labels[label] = shown
    return labels, problems


def _missing_labels(pub: Publication, language: str, labels: dict[str, str]) -> list[Problem]:
    out, seen = [], set()
    templates = [t for t in pub.translations[language].values() if t.kind == "template"]
    if not (Path(pub.root) / labels_file(language)).exists():
        return []   # not started yet: `build.py translations` says so
    for t in templates:
        for offset, line in enumerate(t.body.split("\n")):
            for m in FIELD.finditer(line):
                label = m.group(1)
                if label in pub.fill_ins and label not in labels and label not in seen:
                    seen.add(label)
                    out.append(Problem(t.path, t.body_line + offset, (
                        f"the fill-in field [[{label}]] has no {LANGUAGE_NAMES.get(language, language)} "
                        f"label, so readers see it in English: add a line '{label}: …' to "
                        f"{labels_file(language).as_posix()}."), WARNING))
    return out


def status(pub: Publication, language: str) -> dict[str, list[SourceFile | Translation]]:
    """What `build.py translations` lists for one language."""
    found = pub.translations.get(language, {})
    out: dict[str, list[SourceFile | Translation]] = {
        "reviewed": [], "not reviewed": [], "outdated": [], "never marked": [],
                            "missing": []}
    for source in sources(pub).values():
        t = found.get(source.path)
        if t is None:
            out["missing"].append(source)
            continue
        out["reviewed" if t.reviewed else "not reviewed"].append(t)
        if t.outdated:
            out["outdated"].append(t)
        elif t.source_hash is None or not HASH.match(t.source_hash):
            out["never marked"].append(t)
    return out
