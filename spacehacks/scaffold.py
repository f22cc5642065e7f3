"""`build.py new hack|quote|translation`: start a new content file from its archetype, in the right place.

Like Hugo's archetypes: the skeletons live in archetypes/ so editors can change them. The new file
is checked against the schema before it is written, and an existing file is never overwritten.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import sys
from pathlib import Path
from typing import TypeVar

import jinja2
import yaml

from . import schema, translation_commands
from .checks import normalise
from .frontmatter import control_character, parse_source
from .load import load_publication
from .model import Category, Section
from .problems import did_you_mean, rel
from .slugs import SLUG, slugify

G = TypeVar("G", Section, Category)

ARCHETYPES = Path("archetypes")   # relative to the publication root
PLACEHOLDER_SUMMARY = "Write one sentence saying what the reader gets from this hack."


class ScaffoldError(Exception):
    """A plain-words reason the file was not created."""


def _yaml_scalar(value: object) -> str:
    """A value as it should stand after 'key: '; quoted only when YAML would misread it plain."""
    text = str(value)
    try:
        if yaml.safe_load(f"k: {text}") == {"k": text} and "\n" not in text:
            return text
    except yaml.YAMLError:
        pass
    return json.dumps(text, ensure_ascii=False)   # a JSON string is a valid YAML double-quoted one


def _render(root: Path, name: str, **values: object) -> str:
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(root / ARCHETYPES), trim_blocks=True,
                             lstrip_blocks=True, keep_trailing_newline=True, undefined=jinja2.StrictUndefined)
    env.filters["yaml"] = _yaml_scalar
    return env.get_template(name).render(**values)


def _pick(given: str, options: dict[str, G], what: str, where: str = "") -> G:
    """Find a section or category by folder name or by title, forgiving case and spacing."""
    for key, item in options.items():
        if given == key or normalise(given) in (normalise(key), normalise(item.title)):
            return item
    names = list(options) + [item.title for item in options.values()]
    listing = "\n".join(f"  {key}  ({item.title})" for key, item in options.items())
    raise ScaffoldError(f"'{given}' is not a {what}{where}.{did_you_mean(given, names)} "
                        f"Use a folder name or a title:\n{listing}")


def _write(root: Path, file: Path, text: str, fields: tuple[schema.Field, ...], what: str) -> Path:
    path = rel(file, root)
    src = parse_source(text, path)
    schema.validate(src, fields, what)
    if src.problems:   # the archetype itself was edited into something invalid
        raise ScaffoldError(f"the archetype in {ARCHETYPES}/ gives an invalid file:\n"
                            + "\n".join(map(str, src.problems)))
    file.parent.mkdir(parents=True, exist_ok=True)
    try:
        with file.open("x", encoding="utf-8") as out:   # "x": never overwrite, even in a race
            out.write(text)
    except FileExistsError:
        raise ScaffoldError(f"{path} already exists; nothing was changed.") from None
    return file


def _no_controls(**given: str | None) -> None:
    """What is typed or pasted on the command line must make a valid file: no control character,
    no line longer than the schema allows."""
    for name, value in given.items():
        code = control_character(value or "")
        if code:
            raise ScaffoldError(f"the {name} holds an invisible control character ({code}); "
                                "type it again without it.")
        limit = schema.MAX_TITLE if name == "title" else schema.MAX_LINE
        length = len(" ".join((value or "").split()))
        if name != "text" and length > limit:
            raise ScaffoldError(f"the {name} is {length} characters long; keep it to at most {limit}.")


def new_hack(root: Path, title: str, section: str, category: str, summary: str | None = None,
             tags: list[str] | None = None, slug: str | None = None, today: dt.date | None = None) -> Path:
    root = Path(root)
    _no_controls(title=title, summary=summary)
    title = " ".join(title.split())
    if not title:
        raise ScaffoldError("give the new hack a title, for example: new hack \"Saying no kindly\" …")
    pub, _ = load_publication(root)   # a problem elsewhere must not stop an editor starting a hack
    sec = _pick(section, {s.slug: s for s in pub.sections}, "section")
    cat = _pick(category, {c.slug: c for c in sec.categories}, "category", f" of '{sec.slug}'")
    if slug and slug.isdigit():
        raise ScaffoldError(f"'{slug}' cannot be a hack's file name: a long category's later pages use "
                            f"addresses made of digits. Use a word too, like 'hack-{slug}'.")
    slug = _valid_slug(slug) if slug else slugify(title)
    if slug.isdigit():   # a title of digits alone: "2"
        slug = f"hack-{slug}"
    existing = {p.stem: p for p in (root / "hacks").rglob("*.md")}
    if slug in existing:
        raise ScaffoldError(f"a hack with the file name '{slug}.md' already exists "
                            f"({rel(existing[slug], root)}). File names must be unique across all "
                            "sections; choose another title or pass --slug.")
    for h in pub.hacks:
        if normalise(h.title) == normalise(title):
            raise ScaffoldError(f"the title '{title}' is already used by {h.path}; "
                                "give the new hack a more specific title.")
    tags = tags or []
    for tag in tags:
        if tag not in pub.tags:
            raise ScaffoldError(f"the tag '{tag}' is not in content/tags.yml.{did_you_mean(tag, pub.tags)}")
    text = _render(root, "hack.md", title=title, summary=summary or PLACEHOLDER_SUMMARY, tags=tags,
                   today=(today or dt.date.today()).isoformat())
    return _write(root, root / "hacks" / sec.slug / cat.slug / f"{slug}.md", text, schema.HACK, "a hack")


def _valid_slug(slug: str) -> str:
    """A --slug given by hand must be a file name the checks accept, in the folder it is for."""
    if not SLUG.match(slug) or slug == "index":
        raise ScaffoldError(f"'{slug}' cannot be a file name: use lowercase letters, digits and single "
                            f"hyphens, like '{slugify(slug)}' (and not 'index').")
    return slug


def quote_slug(text: str, attribution: str | None) -> str:
    """The existing quotes' convention: the speaker's last name, then the first few words."""
    lead = attribution.split()[-1] if attribution and attribution.split() else ""
    words = re.findall(r"[a-z0-9]+", slugify(text, 200).replace("-", " "))
    return slugify(" ".join(([lead] if lead else []) + words[:3 if lead else 4]))


def new_quote(root: Path, text: str, attribution: str | None = None, source: str | None = None,
              slug: str | None = None) -> Path:
    root = Path(root)
    _no_controls(text=text, attribution=attribution, source=source)
    text = " ".join(text.split())
    if not text:
        raise ScaffoldError("give the words of the quote, for example: new quote \"Meet people where they are.\"")
    pub, _ = load_publication(root)
    for q in pub.quotes:
        if normalise(q.text) == normalise(text):
            raise ScaffoldError(f"this quote is already in {q.path}; nothing was changed.")
    slug = _valid_slug(slug) if slug else quote_slug(text, attribution)
    body = _render(root, "quote.md", text=text, attribution=attribution, source=source)
    return _write(root, root / "quotes" / f"{slug}.md", body, schema.QUOTE, "a quote")


def add_commands(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """The `new` command and its two kinds, for cli.py."""
    p_new = sub.add_parser("new", help="start a new hack, quote or translation from its archetype")
    kinds = p_new.add_subparsers(dest="kind", required=True)
    p_hack = kinds.add_parser("hack", help='new hack "Title" --section S --category C')
    p_hack.add_argument("title")
    p_hack.add_argument("--section", required=True, help="section folder name or title")
    p_hack.add_argument("--category", required=True, help="category file name or title")
    p_hack.add_argument("--summary", help="one sentence (you can also write it in the file)")
    p_hack.add_argument("--tags", help="comma-separated tags from content/tags.yml")
    p_hack.add_argument("--slug", help="file name without .md (default: from the title)")
    p_quote = kinds.add_parser("quote", help='new quote "The words" [--attribution NAME]')
    p_quote.add_argument("text")
    p_quote.add_argument("--attribution")
    p_quote.add_argument("--source")
    p_quote.add_argument("--slug", help="file name without .md (default: from the name and words)")
    translation_commands.add_new_command(kinds)


def run(args: argparse.Namespace) -> int:
    if args.kind == "translation":
        return translation_commands.run_new(args)
    try:
        if args.kind == "hack":
            tags = [t.strip() for t in (args.tags or "").split(",") if t.strip()]
            file = new_hack(args.root, args.title, args.section, args.category, args.summary, tags, args.slug)
            then = "Open it, write the summary and the hack, then run `make check`."
        else:
            file = new_quote(args.root, args.text, args.attribution, args.source, args.slug)
            then = "Run `make check` to be sure, then commit it."
    except ScaffoldError as exc:
        print(f"Nothing was created: {exc}", file=sys.stderr)
        return 1
    print(f"Created {rel(file, args.root)}. {then}")
    return 0
