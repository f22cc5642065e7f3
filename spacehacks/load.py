"""Reading the content folders into a Publication, collecting every problem on the way."""
from __future__ import annotations

import dataclasses
import os
import re
from collections.abc import Callable, Iterator
from pathlib import Path

from . import frontmatter, interface, passages, schema, spelling, translations
from .checks import check_body, check_inline_fields, check_publication
from .fillins import load_vocabulary
from .frontmatter import Source, control_character, entry_lines, load_settings, read_source, read_text
from .model import Category, Hack, Page, Publication, Quote, Section, Tag, Template
from .problems import WARNING, ContentError, Problem, did_you_mean, errors, rel, warnings
from .slugs import SLUG, slugify
from .sources import CONTENT_DIRS, RESERVED, TRANSLATION_LANGUAGES, translation_language


def check(root: Path) -> Publication:
    """The publication, or ContentError with every problem when any is an error: what `build.py
    check` runs, and the first step of every build. Warnings (an outdated translation) never stop
    a build; they are kept on pub.warnings. It imports no output (WeasyPrint alone takes most of
    a second)."""
    pub, problems = load_publication(root)
    if errors(problems):
        raise ContentError(problems)
    pub.warnings = warnings(problems)
    return pub


def load_publication(root: Path) -> tuple[Publication, list[Problem]]:
    root = Path(root)
    problems: list[Problem] = []
    pub = Publication(root=root, info=_load_info(root, problems))
    pub.tags = _load_tags(root, problems)
    problems += _odd_files(root)
    pub.sections = _load_sections(root, problems)
    _load_hacks(root, pub, problems)
    pub.quotes = _load_quotes(root, problems)
    pub.pages = _load_pages(root, problems, {s.slug for s in pub.sections})
    _load_templates(root, pub, problems)
    problems += check_publication(pub)
    # After the checks above, which read each file's own lines; outputs then read the expanded text.
    problems += passages.expand_publication(pub)
    problems += translations.load_translations(pub)
    pub.tag_translations = _load_tag_translations(root, pub.tags, problems)
    problems += interface.load_catalogues(pub)
    problems += spelling.check_publication(pub)
    return pub, sorted(set(problems))


# What each file read to, with the bytes it was read from: a live preview loads the publication
# again on every save, and an unchanged file (the same bytes) need not be parsed and checked
# again. Values are copied out, so no caller can change what the next load gets.
_READS: dict[tuple[str, str, str], tuple[bytes, Source, dict, list[Problem]]] = {}


def _read(file: Path, root: Path, fields: tuple[schema.Field, ...], kind: str,
          problems: list[Problem]) -> tuple[Source, dict]:
    """Read one file; field problems do not stop its body from being checked too."""
    key = (str(file), str(root), kind)
    known = _READS.get(key)
    raw = file.read_bytes() if known is not None and file.stat().st_size == len(known[0]) else None
    if known is not None and raw == known[0]:
        problems += known[3]
        return _copy(known[1]), _copy_values(known[2])
    # The bytes are taken before parsing: a save in between is then seen as a change next time.
    if raw is None and not frontmatter.too_big(file, ""):
        raw = file.read_bytes()
    found: list[Problem] = []
    src, values = _read_afresh(file, root, fields, kind, found)
    problems += found
    if raw is not None:
        _READS[key] = (raw, _copy(src), _copy_values(values), found)
    return src, values


def _copy(src: Source) -> Source:
    return dataclasses.replace(src, meta=_copy_values(src.meta), key_lines=dict(src.key_lines),
                               problems=list(src.problems))


def _copy_values(values: dict) -> dict:
    """Front matter values are strings, numbers, dates and lists of them: lists are what a caller could change."""
    return {k: list(v) if isinstance(v, list) else v for k, v in values.items()}


def _read_afresh(file: Path, root: Path, fields: tuple[schema.Field, ...], kind: str,
                 problems: list[Problem]) -> tuple[Source, dict]:
    src = read_source(file, rel(file, root))
    if src.problems:
        problems += src.problems
        return src, {}
    values = schema.validate(src, fields, f"a {kind}")
    problems += src.problems
    problems += check_body(src.path, src.body, src.body_line, kind)
    problems += check_inline_fields(src.path, values, src.line_of)
    return src, values


def _entries(root: Path, folder: Path, fields: tuple[schema.Field, ...], kind: str, problems: list[Problem],
             *, accept: Callable[[Path], bool] | None = None, top_level: bool = False,
             ) -> Iterator[tuple[Path, Source, dict]]:
    """The readable source files of one content folder, each with its checked front matter.
    A file left out has had its problem reported (by `accept`, the name check or the reading)."""
    for file in _markdown_files(folder):
        if accept is not None and not accept(file):
            continue
        if not _slug_ok(file, root, problems, f"{kind} file", top_level=top_level):
            continue
        src, values = _read(file, root, fields, kind, problems)
        if not src.problems:
            yield file, src, values


def _slug_ok(file: Path, root: Path, problems: list[Problem], what: str, top_level: bool = False) -> bool:
    """The file or folder name can be part of a web address (and, at the top level, a free one)."""
    if SLUG.match(file.stem):
        if top_level and file.stem in RESERVED:
            problems.append(Problem(rel(file, root), 1, (
                f"'{file.stem}' is a web address the site already uses; rename the {what}.")))
            return False
        return True
    problems.append(Problem(rel(file, root), 1, (
        f"the {what} name '{file.stem}' becomes part of a web address, so it may only use "
        "lowercase letters, digits and single hyphens. Rename the file, for example to "
        f"'{slugify(file.stem)}{file.suffix}'.")))
    return False


# Settings that become links on the site, in the feed and in the PDF.
ADDRESSES = ("repository_url", "licence_url", "site_url")
MARKDOWN_SUFFIXES = (".markdown", ".mdown", ".mkd", ".mkdn")


def _walk(base: Path) -> list[Path]:
    """Every file and link under base, never following a link (a loop or a link out of the
    repository must not be read, and is reported by _odd_files)."""
    out = []
    for folder, dirs, names in os.walk(base, followlinks=False):
        here = Path(folder)
        out += [here / n for n in names]
        out += [here / d for d in dirs if (here / d).is_symlink()]
        dirs[:] = sorted(d for d in dirs if not (here / d).is_symlink())
    return sorted(out)


def _odd_files(root: Path) -> list[Problem]:
    """Links and Markdown files with another extension: both would otherwise be skipped silently."""
    out = []
    for name in CONTENT_DIRS:
        for path in _walk(root / name) if (root / name).is_dir() else []:
            if path.is_symlink():
                target = os.readlink(path)
                out.append(Problem(_where(path, root), 1, (
                    f"this is a symbolic link (to '{target}'), which the build does not follow. "
                    "Put the file itself here instead (copy it), or delete the link.")))
            elif path.suffix.lower() in (".md", *MARKDOWN_SUFFIXES) and path.suffix != ".md":
                out.append(Problem(_where(path, root), 1, (
                    f"content files end in '.md' (lowercase); this one ends in '{path.suffix}' and "
                    f"would be left out. Rename it to '{path.stem}.md'.")))
    return out


def _where(path: Path, root: Path) -> str:
    """A reported file's name, its folder resolved (done only for files reported: it costs)."""
    return rel(path.parent, root) + "/" + path.name


def _markdown_files(folder: Path) -> list[Path]:
    """The source files of one folder (translations beside them are read as translations);
    symlinks are reported by the loader, never followed."""
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.glob("*.md")
                  if p.is_file() and not p.is_symlink() and translation_language(p) is None)


def _load_info(root: Path, problems: list[Problem]) -> dict:
    file = root / "content" / "publication.yml"
    path = rel(file, root)
    if not file.exists():
        problems.append(Problem(path, 1, "this file is missing: it holds the publication's title and publisher."))
        return {}
    text, unreadable = read_text(file, path)
    if text is None:
        problems += unreadable
        return {}
    info, found = load_settings(text, path)
    problems += found
    if found:
        return {}
    for key in ("title", "subtitle", "publisher", "language"):
        if not info.get(key) or not str(info[key]).strip():
            problems.append(Problem(path, 1, f"the field '{key}' is missing."))
    for key in ADDRESSES:
        value = info.get(key)
        if value is not None and (not isinstance(value, str) or not re.match(r"https?://[^\s\"'<>]+$", value)):
            problems.append(Problem(path, 1, (
                f"'{key}' must be a web address starting with https:// (or http://), "
                "with no spaces or quote marks in it.")))
    for key, value in info.items():
        code = control_character(str(value))
        if code:
            problems.append(Problem(path, 1, (
                f"the field '{key}' holds an invisible control character ({code}); remove it.")))
    return info


def _load_tags(root: Path, problems: list[Problem], file: Path | None = None) -> dict[str, Tag]:
    """content/tags.yml, or the same shape in another file (a translation of it)."""
    file = file or root / "content" / "tags.yml"
    path = rel(file, root)
    tags: dict[str, Tag] = {}
    if not file.exists():
        problems.append(Problem(path, 1, "the tag vocabulary file is missing."))
        return tags
    entries, unreadable = entry_lines(file, path)
    problems += unreadable
    for n, line in entries:
        m = re.match(r"^([^:\s]+):\s*([^|]+?)\s*\|\s*(.+?)\s*$", line)
        if not m:
            problems.append(Problem(path, n, (
                "each tag is one line 'slug: Title | description', for example "
                "'boundaries: Boundaries | Setting, saying and keeping limits.'")))
            continue
        slug, title, desc = m.groups()
        if not SLUG.match(slug):
            problems.append(Problem(path, n, f"the tag '{slug}' may only use lowercase letters, digits and hyphens."))
        elif slug in tags:
            problems.append(Problem(path, n, f"the tag '{slug}' is listed twice; keep one line."))
        else:
            tags[slug] = Tag(slug, title, desc)
    return tags


def _load_tag_translations(root: Path, tags: dict[str, Tag], problems: list[Problem]) -> dict[str, dict[str, Tag]]:
    """content/tags.<lang>.yml: the same lines as tags.yml, with the title and description translated."""
    found: dict[str, dict[str, Tag]] = {}
    for language in TRANSLATION_LANGUAGES:
        file = root / "content" / f"tags.{language}.yml"
        if not file.exists():
            continue
        path = rel(file, root)
        before = len(problems)
        translated = _load_tags(root, problems, file)
        for n, line in entry_lines(file, path)[0] if len(problems) == before else []:
            slug = line.split(":", 1)[0].strip()
            if slug not in tags:
                problems.append(Problem(path, n, (
                    f"'{slug}' is not a tag in content/tags.yml.{did_you_mean(slug, tags)} A translated "
                    "tag keeps its English slug; only the title and the description are translated.")))
        for slug in tags:
            if slug not in translated:
                problems.append(Problem(path, 1, (
                    f"the tag '{slug}' has no translation here, so readers see it in English: add a line "
                    f"'{slug}: Title | description' with both translated."), WARNING))
        found[language] = {slug: tag for slug, tag in translated.items() if slug in tags}
    return found


def _load_sections(root: Path, problems: list[Problem]) -> list[Section]:
    base = root / "content" / "sections"
    sections = []
    for folder in sorted(p for p in base.iterdir() if p.is_dir() and not p.is_symlink()) if base.is_dir() else []:
        sfile = folder / "_section.md"
        if sfile.is_symlink():
            continue    # reported by _odd_files
        if not sfile.exists():
            problems.append(Problem(rel(folder, root) + "/_section.md", 1, (
                f"the folder '{rel(folder, root)}' has no _section.md defining the section's "
                "title, tagline and order. Add one (copy another section's) or remove the folder.")))
            continue
        if not _slug_ok(folder, root, problems, "section folder", top_level=True):
            continue
        src, v = _read(sfile, root, schema.SECTION, "section", problems)
        if src.problems:
            continue
        section = Section(folder.name, v.get("title", folder.name), v.get("tagline", ""),
                          v.get("order", 0), src.body, src.path, body_line=src.body_line)
        def category_name(cfile: Path) -> bool:
            if cfile.stem == "index":
                problems.append(Problem(rel(cfile, root), 1, "'index' cannot be a category name; rename the file."))
            return cfile.name != "_section.md" and cfile.stem != "index"

        for cfile, csrc, cv in _entries(root, folder, schema.CATEGORY, "category", problems, accept=category_name):
            section.categories.append(Category(cfile.stem, cv.get("title", cfile.stem), cv.get("tagline", ""),
                                               cv.get("order", 0), csrc.body, csrc.path, section,
                                               body_line=csrc.body_line))
        section.categories.sort(key=lambda c: (c.order, c.slug))
        sections.append(section)
    sections.sort(key=lambda s: (s.order, s.slug))
    return sections


def _load_hacks(root: Path, pub: Publication, problems: list[Problem]) -> None:
    base = root / "hacks"
    sections = {s.slug: s for s in pub.sections}
    # _walk follows no link below `base`, so each file's rel() is the folder's and its own parts
    # (resolving every file again cost a third of a reload at 1,000 hacks).
    folder = rel(base, root)
    inside = base.resolve().is_relative_to(root.resolve())
    for file in _walk(base) if base.is_dir() else []:
        if file.is_symlink() or file.is_dir() or file.name.startswith("."):
            continue
        parts = file.relative_to(base).parts
        path = "/".join((folder, *parts)) if inside else file.as_posix()
        if file.suffix != ".md" or translation_language(file) is not None:
            continue
        if len(parts) != 3:
            problems.append(Problem(path, 1, (
                "a hack must sit in hacks/<section>/<category>/<name>.md; move this file into "
                "its section and category folders.")))
            continue
        sname, cname, _ = parts
        section = sections.get(sname)
        if section is None:
            problems.append(Problem(path, 1, (
                f"'hacks/{sname}' is not a section.{did_you_mean(sname, sections)} Sections are "
                "defined by content/sections/<name>/_section.md; move the hack or add the section.")))
            continue
        categories = {c.slug: c for c in section.categories}
        category = categories.get(cname)
        if category is None:
            problems.append(Problem(path, 1, (
                f"'{cname}' is not a category of the section '{sname}'.{did_you_mean(cname, categories)} "
                f"Categories are defined by content/sections/{sname}/<name>.md; move the hack or add "
                "the category.")))
            continue
        if not _slug_ok(file, root, problems, "hack file"):
            continue
        if file.stem == "index":
            problems.append(Problem(path, 1, "'index' cannot be a hack name; rename the file."))
            continue
        if file.stem.isdigit():
            # A long category's later pages are <category>/2/, <category>/3/…
            problems.append(Problem(path, 1, (
                f"a hack's name cannot be only digits: '{file.stem}/' is the address of a page of a long "
                f"category. Rename the file, for example to 'hack-{file.stem}.md'.")))
            continue
        src, v = _read(file, root, schema.HACK, "hack", problems)
        if src.problems:
            pub.unreadable_hacks.add(file.stem)
            continue
        category.hacks.append(Hack(
            slug=file.stem, title=v.get("title", ""), summary=v.get("summary", ""), body=src.body,
            path=path, body_line=src.body_line, featured=v.get("featured", False),
            tags=v.get("tags", []), related=v.get("related", []), templates=v.get("templates", []),
            updated=v.get("updated"), section=section, category=category, key_lines=src.key_lines))
    for c in pub.categories:
        c.hacks.sort(key=lambda h: (h.title.casefold(), h.slug))


def _load_quotes(root: Path, problems: list[Problem]) -> list[Quote]:
    quotes = []
    for file, src, v in _entries(root, root / "quotes", schema.QUOTE, "quote", problems):
        leading = len(src.body) - len(src.body.lstrip("\n"))
        quotes.append(Quote(file.stem, src.body.strip(), src.path, v.get("attribution"), v.get("source"),
                            body_line=src.body_line + leading))
    return quotes


def _load_pages(root: Path, problems: list[Problem], sections: set[str]) -> list[Page]:
    def not_a_section(file: Path) -> bool:
        if file.stem in sections:
            problems.append(Problem(rel(file, root), 1, (
                f"'{file.stem}' is also the name of a section (content/sections/{file.stem}/), and "
                "both would have the same web address, so the page would disappear. Rename the page.")))
        return file.stem not in sections

    pages = []
    for file, src, v in _entries(root, root / "content" / "pages", schema.PAGE, "page", problems,
                                 accept=not_a_section, top_level=True):
        pages.append(Page(file.stem, v.get("title", ""), v.get("order", 0), src.body, src.path,
                          v.get("summary"), body_line=src.body_line))
    pages.sort(key=lambda p: (p.order, p.slug))
    return pages


def _load_templates(root: Path, pub: Publication, problems: list[Problem]) -> None:
    """Templates and their fill-in vocabulary; each template learns which hacks name it."""
    pub.fill_ins, found = load_vocabulary(root)
    problems += found
    templates = []
    for file, src, v in _entries(root, root / "content" / "templates", schema.TEMPLATE, "template", problems):
        templates.append(Template(file.stem, v.get("title", ""), v.get("kind", ""), v.get("summary", ""),
                                  src.body, src.path, src.body_line, v.get("related", []),
                                  key_lines=src.key_lines))
    templates.sort(key=lambda t: (t.title.casefold(), t.slug))
    by_slug = {t.slug: t for t in templates}
    for h in pub.hacks:
        for slug in h.templates:
            if slug in by_slug and h not in by_slug[slug].hacks:
                by_slug[slug].hacks.append(h)
    pub.templates = templates
