"""The output step that publishes every template under downloads/templates/.

Each template becomes DOCX, ODT, PDF and Markdown, the PDF in A4 and US Letter (forms also a fillable
PDF in both), and all of them go into one zip. templates.json lists every file with its size and
the fingerprint of what it was made from, so the next build copies unchanged files from the
previous site instead of rendering them again (WeasyPrint is most of the build time).
"""
from __future__ import annotations

import hashlib
import json
import logging
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .. import markup
from ..buildstamp import file_hash, hash_paths, reuse_unchanged
from ..downloads import (
    FILLABLE,
    INDEX_NAME,
    PRINTABLE,
    Download,
    formats_for,
    human_size,
    template_folder,
    zip_name,
)
from ..sources import TRANSLATION_LANGUAGES
from .fill_data import write_fill_data
from .frame import KIND_NAMES, frame_for

if TYPE_CHECKING:
    from ..model import Publication, Template

log = logging.getLogger("spacehacks")

FOLDER = template_folder()            # the source language's: downloads/templates/
FIXED_TIME = (2024, 1, 1, 0, 0, 0)    # zip entry time: the same templates give the same bytes


@dataclass
class TemplateDownload(Download):
    """A Download that also knows which template it is and each of its files."""
    slug: str = ""
    files: list[dict[str, str]] = field(default_factory=list)  # {"label", "url", "size"}


def build_templates(pub: Publication, out: Path, previous: Path | None) -> list[Download]:
    """Output step: write every template's files into out/templates/ and list them; then each
    translated template, in its language, into out/templates/<language>/."""
    records = _build(pub, list(pub.templates), out, previous)
    for language in TRANSLATION_LANGUAGES:
        view = pub.in_language(language)
        translated = [t for t in view.templates if t.language == language]
        if translated:
            records += _build(view, translated, out, previous)
    return records


def _build(pub: Publication, templates: list[Template], out: Path, previous: Path | None) -> list[Download]:
    """The files of `templates`, in the language of `pub`, and the records the site lists."""
    if not templates:
        return []
    name = template_folder(pub.language)
    folder = out / name
    folder.mkdir(parents=True, exist_ok=True)
    old = _previous_index(previous / name if previous else None)
    kit = _kit_fingerprint(pub)
    entries: list[dict[str, Any]] = []
    index = {"version": 1, "templates": entries}
    made = reused = 0
    for t in templates:
        fingerprint = _fingerprint(pub, t, kit)
        names = [t.slug + suffix for suffix, _ in formats_for(t)]
        before = old.get(t.slug, {})
        if previous is not None and reuse_unchanged(previous / name, folder, names, fingerprint,
                                                    before.get("fingerprint"), _recorded(before)):
            reused += 1
        else:
            _render(pub, t, folder)
            made += 1
        entries.append({
            "slug": t.slug, "title": t.title, "kind": t.kind, "summary": t.summary,
            "fingerprint": fingerprint,
            "files": [{"name": n, "bytes": (folder / n).stat().st_size, "sha256": file_hash(folder / n)}
                      for n in names],
        })
    _zip(folder, [f["name"] for e in entries for f in e["files"]], zip_name(pub.language))
    (folder / INDEX_NAME).write_text(json.dumps(index, indent=1, ensure_ascii=False), encoding="utf-8")
    write_fill_data(pub, folder)
    log.info("Templates (%s): %d rendered, %d unchanged and reused.", pub.language, made, reused)
    return _records(pub, templates, folder)


def _render(pub: Publication, t: Template, folder: Path) -> None:
    from ..fetch import Source
    from ..template_document import parse
    from .docx_writer import write_docx
    from .markdown_writer import markdown_text
    from .odt_writer import write_odt
    from .pdf_writer import write_pdf

    doc = parse(t, pub.fill_ins)
    frame = frame_for(pub, t)
    write_docx(doc, frame, folder / f"{t.slug}.docx")
    write_odt(doc, frame, folder / f"{t.slug}.odt")
    for package in (folder / f"{t.slug}.docx", folder / f"{t.slug}.odt"):
        _settle_times(package)
    source = Source(t.path, f"{t.summary}\n{t.body}")
    for suffix, _, paper in PRINTABLE:
        write_pdf(doc, frame, pub.root, folder / (t.slug + suffix), source=source, paper=paper)
    (folder / f"{t.slug}.md").write_text(markdown_text(t, frame), encoding="utf-8")
    if t.kind == "form":
        for suffix, _, paper in FILLABLE:
            write_pdf(doc, frame, pub.root, folder / (t.slug + suffix), fillable=True, source=source, paper=paper)


def _settle_times(package: Path) -> None:
    """python-docx and odfpy stamp each zip entry with the time of writing; rewrite the package
    with a fixed time, keeping entry order and compression (ODT's 'mimetype' stays first, stored)."""
    with zipfile.ZipFile(package) as src:
        entries = [(info, src.read(info)) for info in src.infolist()]
    with zipfile.ZipFile(package, "w") as out:
        for old, data in entries:
            info = zipfile.ZipInfo(old.filename, date_time=FIXED_TIME)
            info.compress_type = old.compress_type
            info.external_attr = old.external_attr
            out.writestr(info, data)


def _zip(folder: Path, names: list[str], zip_file: str) -> None:
    # Fixed timestamps and order: the same templates give the same zip, byte for byte.
    with zipfile.ZipFile(folder / zip_file, "w", zipfile.ZIP_DEFLATED) as z:
        for name in sorted(names):
            info = zipfile.ZipInfo(f"space-hacks-templates/{name}", date_time=FIXED_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            z.writestr(info, (folder / name).read_bytes())


def _records(pub: Publication, templates: list[Template], folder: Path) -> list[Download]:
    records: list[Download] = []
    t_ = pub.t
    base = f"downloads/{template_folder(pub.language)}"
    for t in templates:
        files = [{"label": t_(label), "url": f"{base}/{t.slug}{suffix}",
                  "size": human_size(folder / f"{t.slug}{suffix}")}
                 for suffix, label in formats_for(t)]
        records.append(TemplateDownload(
            title=t.title, url=t.url, summary=t.summary, group="templates", language=pub.language,
            meta=f"{t_(KIND_NAMES.get(t.kind, t.kind))}: " + ", ".join(f"{f['label']} {f['size']}" for f in files),
            slug=t.slug, files=files))
    zip_file = zip_name(pub.language)
    zip_path = folder / zip_file
    records.append(Download(
        title=t_("All templates in one zip"), url=f"{base}/{zip_file}",
        meta=t_("ZIP, {n} templates in every format, {size}", n=len(templates), size=human_size(zip_path)),
        summary=t_("Every policy, protocol and form template as Word, LibreOffice, PDF and Markdown files."),
        group="templates", language=pub.language))
    return records


def _recorded(entry: dict) -> dict[str, object]:
    """The hash templates.json keeps of each file, by name ({} when the entry is unreadable)."""
    try:
        return {f["name"]: f["sha256"] for f in entry.get("files", [])}
    except (KeyError, TypeError, AttributeError):
        return {}


def _previous_index(previous: Path | None) -> dict:
    file = previous / INDEX_NAME if previous else None   # previous: that language's template folder
    if not file or not file.is_file():
        return {}
    try:
        data = json.loads(file.read_text(encoding="utf-8"))
        return {e["slug"]: e for e in data.get("templates", [])}
    except (ValueError, KeyError, TypeError, AttributeError):
        return {}  # an unreadable index only costs a full render


def _kit_fingerprint(pub: Publication) -> str:
    """What every template's files depend on besides its own source: this package's code and
    styles, how Markdown is read, the writers' library versions, the book's fonts, the
    publication's name and licence, and the fill-in vocabulary."""
    from importlib.metadata import version
    h = hashlib.sha256()
    hash_paths(h, [Path(__file__).parent, Path(markup.__file__), Path(pub.root) / "theme" / "fonts"])
    libraries = {name: version(name) for name in ("python-docx", "odfpy", "weasyprint", "markdown")}
    info = {k: pub.info.get(k) for k in ("title", "publisher", "licence")}
    h.update(json.dumps([libraries, info, pub.fill_ins], sort_keys=True, default=str).encode())
    return h.hexdigest()


def _fingerprint(pub: Publication, t: Template, kit: str) -> str:
    source = json.dumps([t.slug, t.title, t.kind, t.summary, t.body], ensure_ascii=False)
    return hashlib.sha256((kit + source).encode()).hexdigest()
