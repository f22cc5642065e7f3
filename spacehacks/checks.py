"""Checks that need the whole publication: duplicates, links between files, safe markup."""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from . import fillins, html_check
from .problems import Problem, did_you_mean

if TYPE_CHECKING:
    from .model import Hack, Publication, Quote, Template

INFO_FILE = "content/publication.yml"
MAX_TAGS = 4
MAX_SUMMARY = 200


# Curly quotes and dashes compare as their plain forms.
_PLAIN = str.maketrans("“”„‘’‚—–", "\"\"\"'''--")


def normalise(text: str) -> str:
    """Text as a reader compares it: case, spacing and quote style do not matter."""
    text = unicodedata.normalize("NFKC", text)
    text = text.translate(_PLAIN)
    text = re.sub(r"\s+", " ", text).strip().strip("\"'").strip()
    return text.casefold()


def check_publication(pub: Publication) -> list[Problem]:
    problems: list[Problem] = []
    problems += _check_hacks(pub)
    problems += _check_quotes(pub)
    problems += _check_templates(pub)
    return problems


def _duplicate_titles(items: Sequence[Hack | Template]) -> list[Problem]:
    """A title another file of the same kind already uses (compared as readers compare them)."""
    out: list[Problem] = []
    seen: dict[str, Hack | Template] = {}
    for item in items:
        key = normalise(item.title)
        if key in seen:
            out.append(Problem(item.path, item.key_lines.get("title", 1), (
                f"the title '{item.title}' is already used by {seen[key].path}. "
                "Give one of them a more specific title.")))
        seen.setdefault(key, item)
    return out


def _unknown_related(item: Hack | Template, hack_slugs: set[str]) -> list[Problem]:
    """`related` entries (hacks and templates both have them) that name no hack."""
    line = item.key_lines.get("related", 1)
    out = []
    for r in item.related:
        if r == item.slug and item.path.startswith("hacks/"):
            out.append(Problem(item.path, line, "a hack cannot be related to itself; remove its own name."))
        elif r not in hack_slugs:
            out.append(Problem(item.path, line, (
                f"'related' names '{r}', but there is no hack with that file name."
                f"{did_you_mean(r, hack_slugs)} Use the hack's file name without '.md'.")))
    return out


def _check_hacks(pub: Publication) -> list[Problem]:
    out = _duplicate_titles(pub.hacks)
    by_slug: dict[str, Hack] = {}
    slugs = {h.slug for h in pub.hacks} | pub.unreadable_hacks
    for h in pub.hacks:
        line = h.key_lines.get
        if h.slug in by_slug:
            out.append(Problem(h.path, 1, (
                f"another hack already has the file name '{h.slug}.md' ({by_slug[h.slug].path}). "
                "File names must be unique across all sections, because related links use them; "
                "rename one of the two files.")))
        by_slug.setdefault(h.slug, h)
        if len(h.summary) > MAX_SUMMARY:
            out.append(Problem(h.path, line("summary", 1), (
                f"the summary is {len(h.summary)} characters long; keep it to one sentence of at "
                f"most {MAX_SUMMARY} characters (the details belong in the body).")))
        if len(h.tags) > MAX_TAGS:
            out.append(Problem(h.path, line("tags", 1), (
                f"a hack may have at most {MAX_TAGS} tags; this one has {len(h.tags)}. Keep the "
                "ones a reader would most likely look for.")))
        for tag in h.tags:
            if tag not in pub.tags:
                out.append(Problem(h.path, line("tags", 1), (
                    f"the tag '{tag}' is not in the tag list (content/tags.yml).{did_you_mean(tag, pub.tags)} "
                    "Use a listed tag, or add the new tag to content/tags.yml.")))
        if len(set(h.tags)) != len(h.tags):
            out.append(Problem(h.path, line("tags", 1), "a tag is listed twice; keep it once."))
        out += _unknown_related(h, slugs)
    return out


TEMPLATE_KINDS = ("policy", "protocol", "form")


def _check_templates(pub: Publication) -> list[Problem]:
    out: list[Problem] = []
    folder = pub.root / "content" / "templates"
    # Files that exist but could not be read still count as names, so one mistake is reported once.
    names = {p.stem for p in folder.glob("*.md")} if folder.is_dir() else set()
    hacks = {h.slug for h in pub.hacks} | pub.unreadable_hacks
    for h in pub.hacks:
        for name in h.templates:
            if name not in names:
                out.append(Problem(h.path, h.key_lines.get("templates", 1), (
                    f"'templates' names '{name}', but there is no template with that file name."
                    f"{did_you_mean(name, names)} Use a file name from content/templates/ without '.md'.")))
    out += _duplicate_titles(pub.templates)
    for t in pub.templates:
        line = t.key_lines.get
        if t.kind not in TEMPLATE_KINDS:
            out.append(Problem(t.path, line("kind", 1), (
                f"'kind' is '{t.kind}', but a template is one of: {', '.join(TEMPLATE_KINDS)}."
                f"{did_you_mean(t.kind, TEMPLATE_KINDS)}")))
        out += _unknown_related(t, hacks)
        from .passages import without_markers  # here, not at the top: passages reuses check_body
        out += fillins.scan(t.path, without_markers(t.body), t.body_line, pub.fill_ins)
    return out


def _check_quotes(pub: Publication) -> list[Problem]:
    out: list[Problem] = []
    seen: dict[str, Quote] = {}
    for q in pub.quotes:
        if not q.text:
            continue
        key = normalise(q.text)
        if key in seen:
            out.append(Problem(q.path, q.body_line, (
                f"this quote is already in {seen[key].path} (the same words, perhaps with different "
                "quote marks or spacing). Keep one of the two files and delete the other.")))
        else:
            seen[key] = q
    return out


def check_body(path: str, body: str, body_line: int, what: str) -> list[Problem]:
    """Problems in one file's Markdown body; run for every file whose front matter could be read."""
    out = []
    if not body.strip():
        out.append(Problem(path, body_line, (
            f"this {what} has no text below the front matter. "
            + {"hack": "Write the hack itself there.", "quote": "Write the quotation there."}.get(
                what, "Write a short introduction there."))))
    for offset, message in html_check.scan(body):
        out.append(Problem(path, body_line + offset, message))
    if what == "hack":
        for offset, line in enumerate(body.split("\n")):
            if re.match(r"^#\s", line):
                out.append(Problem(path, body_line + offset, (
                    "a hack's body should not use a top-level '# ' heading: the title comes "
                    "from the front matter. Use '## ' for sub-headings.")))
    return out


# One-line fields that outputs render as Markdown (the PDF shows summaries and taglines so), with
# the words that start their messages.
INLINE_MARKDOWN = {"summary": "in 'summary':", "tagline": "in 'tagline':"}


def check_inline_fields(path: str, values: dict, line_of: Callable[[str], int]) -> list[Problem]:
    """What the sanitizer would remove from a summary or tagline, reported on its field's line."""
    return [Problem(path, line_of(name), f"{lead} {message}")
            for name, lead in INLINE_MARKDOWN.items() if isinstance(values.get(name), str)
            for _, message in html_check.scan(values[name])]


def advice(pub: Publication) -> list[Problem]:
    """What the publication could set to print better, without being wrong: `make check` shows
    these as notes, and the build goes on."""
    if pub.info.get("site_url") or not pub.templates:
        return []
    try:  # point at the commented-out example, where the editor would set it
        lines = (pub.root / INFO_FILE).read_text(encoding="utf-8").splitlines()
        line = next((n for n, text in enumerate(lines, 1) if "site_url:" in text), 1)
    except OSError:
        line = 1
    return [Problem(INFO_FILE, line,
                    "note: no site_url is set, so the PDF book cannot print the templates' full web "
                    "addresses: its appendix names the website's Templates page and each file instead "
                    "(and the Atom feed links relative to itself). Set site_url to the address the site "
                    "is published at, e.g. 'site_url: https://<your-site>/space-hacks/'.")]
