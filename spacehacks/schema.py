"""The front matter each kind of file may have: names, types, and what each field is for.

One table per kind; validation and the editors' field reference are both read from here.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

from .frontmatter import Source, control_character
from .problems import Problem, did_you_mean


@dataclass(frozen=True)
class Field:
    name: str
    kind: str            # "text", "line", "bool", "int", "date", "list"
    required: bool
    help: str
    example: str = ""
    # For a list: how many items it may hold, and how long each may be (None: any).
    count: tuple[int, int] | None = None
    item_max: int | None = None


HACK = (
    Field("title", "line", True, "The hack's title, as readers see it.", "Saying no without closing the door"),
    Field("summary", "line", True,
          "One sentence saying what the reader gets from this hack; shown in lists and search.",
          "A short script for refusing a request while keeping the relationship."),
    Field("featured", "bool", False, "true to show this hack on the home page and in 'Featured hacks'.", "true"),
    Field("tags", "list", False, "1 to 4 tags from content/tags.yml.", "[boundaries, communication]"),
    Field("related", "list", False, "Other hacks a reader may want next, by their file name without '.md'.",
          "[five-senses-grounding]"),
    Field("templates", "list", False, "Policy, protocol or form templates this hack refers to, by their file name "
          "in content/templates/ without '.md'.", "[incident-report-form]"),
    Field("updated", "date", False, "When the hack last changed in substance, as YYYY-MM-DD.", "2026-11-20"),
)
QUOTE = (
    Field("attribution", "line", False, "Who said or wrote it, exactly as published. Leave out if unknown.",
          "Audre Lorde"),
    Field("source", "line", False, "Where it was published, if known.", "A Burst of Light (1988)"),
)
SECTION = (
    Field("title", "line", True, "The section's title.", "Hacks for Preventing Escalation"),
    Field("tagline", "line", True, "One short line under the title.", "Most escalations are prevented early."),
    Field("order", "int", True, "Position among the sections (1 comes first).", "2"),
)
CATEGORY = (
    Field("title", "line", True, "The category's title.", "Community Building"),
    Field("tagline", "line", True, "One short line under the title.", "A space people feel part of is safer."),
    Field("order", "int", True, "Position within its section (1 comes first).", "3"),
)
PAGE = (
    Field("title", "line", True, "The page title.", "Background and method"),
    Field("summary", "line", False, "One sentence describing the page.", "How Space Hacks was made."),
    Field("order", "int", True, "Position in the 'About' menu (1 comes first).", "3"),
)
TEMPLATE = (
    Field("title", "line", True, "The template's title.", "Incident report form"),
    Field("kind", "line", True, "One of: policy, protocol, form.", "form"),
    Field("summary", "line", True, "One sentence saying what the template is for.", "Record what happened, fairly."),
    Field("related", "list", False, "Hacks that explain when and how to use it, by file name without '.md'.",
          "[investigating-fairly]"),
)
# A passage's key steps are read in a hurry at the top of a hack: a few, each a line.
MIN_KEY_STEPS, MAX_KEY_STEPS, MAX_KEY_STEP = 1, 5, 160
PASSAGE = (
    Field("title", "line", True, "What the passage is, for editors: readers only ever see its body, where it is "
          "included.", "Calling emergency medical services"),
    Field("summary", "line", False, "One sentence on when to include it.",
          "Include in every hack where someone may need an ambulance."),
    Field("key_steps", "list", False, f"{MIN_KEY_STEPS} to {MAX_KEY_STEPS} short lines, each at most "
          f"{MAX_KEY_STEP} characters: the most urgent steps, worded as the passage's body says them. "
          "Every hack that includes the passage shows them in a 'Key steps' box at its top.",
          '["Anyone may call 911 now, without asking permission."]',
          count=(MIN_KEY_STEPS, MAX_KEY_STEPS), item_max=MAX_KEY_STEP),
)

# One-line fields are read as a line in a list, a heading or a search result; a title longer than
# this is a paragraph, and a longer line is a paragraph pasted into the wrong place.
MAX_TITLE = 200
MAX_LINE = 400
MAX_SHOWN = 60      # characters of a wrong value quoted back in a message


def shown(value: object) -> str:
    text = str(value)
    return text if len(text) <= MAX_SHOWN else text[:MAX_SHOWN] + "…"


# A translation (<name>.es.md beside <name>.md) holds the words of its source's front matter that
# readers see, translated, and these two fields. Every other field comes from the source.
TRANSLATED = ("title", "summary", "tagline", "key_steps")
TRANSLATION = (
    Field("reviewed", "bool", False, "true once a native speaker has reviewed the translation against "
          "the current source; false (or left out) until then, and readers are told so.", "false"),
    Field("source_hash", "line", False, "Which version of the source this translates. Written by "
          "`python build.py translations --mark FILE` (and by `build.py new translation`), never by hand.",
          '"0123456789abcdef"'),
)


def translation_fields(source_fields: tuple[Field, ...]) -> tuple[Field, ...]:
    """What a translation of a file with `source_fields` may hold: the translated fields (required
    as in the source), the translation's own fields, and the source's other fields, which may only
    repeat the source's value (the check compares them)."""
    translated = tuple(f for f in source_fields if f.name in TRANSLATED)
    copied = tuple(replace(f, required=False) for f in source_fields if f.name not in TRANSLATED)
    return translated + TRANSLATION + copied


KIND_NAMES = {"text": "text", "line": "a single line of text", "bool": "true or false",
              "int": "a whole number", "date": "a date written YYYY-MM-DD", "list": "a list"}


def validate(src: Source, fields: tuple[Field, ...], what: str) -> dict:
    """Check src.meta against fields; return the cleaned values. Problems go on src.problems."""
    known = {f.name: f for f in fields}
    out: dict = {}
    for key in src.meta:
        if key not in known:
            src.problems.append(Problem(src.path, src.line_of(key), (
                f"'{shown(key)}' is not a known field for {what}.{did_you_mean(key, known)} "
                f"Known fields: {', '.join(known)}.")))
    for f in fields:
        line = src.line_of(f.name)
        value = src.meta.get(f.name)
        if value is None or (isinstance(value, str) and not value.strip()):
            if f.required:
                src.problems.append(Problem(src.path, line if f.name in src.meta else 2, (
                    f"the required field '{f.name}' is {'empty' if f.name in src.meta else 'missing'}"
                    f"{' (only spaces)' if isinstance(value, str) and value else ''}. "
                    f"Add a line like: {f.name}: {f.example}")))
            continue
        value, error = _coerce(value, f)
        if error:
            src.problems.append(Problem(src.path, line, (
                f"'{f.name}' should be {KIND_NAMES[f.kind]}, {error}. For example: {f.name}: {f.example}")))
        else:
            out[f.name] = value
    return out


def _coerce(value: object, f: Field) -> tuple[object, str | None]:
    if f.kind in ("line", "text"):
        if isinstance(value, bool) or isinstance(value, (dict, list)):
            return None, f"not {type(value).__name__}"
        text = str(value).strip()
        code = control_character(text)
        if code:
            return None, f"but it holds an invisible control character ({code}); remove it"
        if f.kind == "line" and "\n" in text:
            return None, "but it runs over several lines; put it on one line"
        limit = MAX_TITLE if f.name == "title" else MAX_LINE
        if f.kind == "line" and len(text) > limit:
            return None, f"but it is {len(text)} characters long; keep it to at most {limit}"
        return text, None
    if f.kind == "bool":
        if isinstance(value, bool):
            return value, None
        return None, f"not '{shown(value)}'"
    if f.kind == "int":
        if isinstance(value, int) and not isinstance(value, bool):
            return value, None
        return None, f"not '{shown(value)}'"
    if f.kind == "date":
        if isinstance(value, dt.datetime):
            return value.date(), None
        if isinstance(value, dt.date):
            return value, None
        return None, f"and '{shown(value)}' is not a real date"
    if f.kind == "list":
        if isinstance(value, str):
            return None, f"not a single word: write it in brackets, [{shown(value)}]"
        if not isinstance(value, list) or not all(isinstance(v, (str, int)) and not isinstance(v, bool)
                                                 for v in value):
            return None, "of plain words"
        items = [str(v).strip() for v in value]
        return _list_limits(items, f)
    raise AssertionError(f.kind)


def _list_limits(items: list[str], f: Field) -> tuple[list[str] | None, str | None]:
    if f.count and not f.count[0] <= len(items) <= f.count[1]:
        return None, f"of {f.count[0]} to {f.count[1]} items, but it has {len(items)}"
    for n, item in enumerate(items, 1):
        code = control_character(item)
        if not item or code or "\n" in item:
            why = "is empty" if not item else f"holds an invisible control character ({code})" if code \
                else "runs over several lines"
            return None, f"but item {n} {why}"
        if f.item_max and len(item) > f.item_max:
            return None, f"but item {n} is {len(item)} characters long; keep each to at most {f.item_max}"
    return items, None
