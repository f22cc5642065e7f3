"""Building the whole publication into site/: check first, build elsewhere, then swap in."""
from __future__ import annotations

import dataclasses
import logging
import os
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, cast

from . import output
from .buildstamp import Stamp
from .downloads import from_site
from .load import check
from .pdf.book import edition_date
from .pdf.step import keeping_slices, pdf_edition
from .problems import format_warnings
from .render_temp import render_temp
from .sources import LANGUAGE_NAMES, TRANSLATION_LANGUAGES
from .templates.step import TemplateDownload, build_templates

if TYPE_CHECKING:
    from .downloads import Download
    from .model import Publication
    from .site.mkdocs_plugin import SpaceHacksPlugin

log = logging.getLogger("spacehacks")


# Each output step writes its files into the downloads folder it is given and returns the
# Download records the site should list. Steps run before the site so it can show sizes.
OUTPUT_STEPS: list[Callable[[Publication, Path, Path | None], list[Download]]] = []
OUTPUT_STEPS.append(pdf_edition)       # downloads/space-hacks.pdf, space-hacks-a4.pdf
OUTPUT_STEPS.append(build_templates)   # downloads/templates/: DOCX, ODT, PDF, Markdown, zip


def build_downloads(pub: Publication, out: Path, previous: Path | None) -> list[Download]:
    """Run every output step into `out`; `previous` is the last published downloads folder."""
    out.mkdir(parents=True, exist_ok=True)
    found = []
    for step in OUTPUT_STEPS:
        found += step(pub, out, previous)
    return found


def build_site(root: Path, out: Path, pub: Publication | None = None,
               downloads: list[Download] | None = None) -> None:
    """Run MkDocs with our plugin into `out` (which must not be the live site folder)."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    config = load_config(str(root / "mkdocs.yml"), site_dir=str(out))
    if pub is not None and pub.language != config.theme["language"]:
        # A translation's site: Material's own interface in that language, at /<language>/.
        config.theme["language"] = pub.language
        if config.site_url:
            config.site_url = config.site_url.rstrip("/") + f"/{pub.language}/"
    plugin = cast("SpaceHacksPlugin", config.plugins["spacehacks"])
    plugin.publication = pub
    plugin.downloads = downloads
    config.plugins.on_startup(command="build", dirty=False)
    try:
        build(config)
    finally:
        config.plugins.on_shutdown()
        # MkDocs keeps plugin instances for the next load of a config in this process (its
        # plugin_cache, for serve): a later build or preview must load its own content, not
        # find this publication still handed over.
        plugin.publication, plugin.downloads = None, None


def language_views(pub: Publication) -> list[tuple[str, Publication]]:
    """(language, view) of every translation that has texts: each gets a site under /<language>/."""
    return [(language, pub.in_language(language)) for language in TRANSLATION_LANGUAGES
            if pub.translations.get(language)]


def site_downloads(downloads: list[Download], language: str) -> list[Download]:
    """What a translation's site lists: its own files, and the English files of the templates it
    has no translation of; addresses from its own root (/<language>/), the files being at /."""
    own = [d for d in downloads if d.language == language]
    translated = {d.slug for d in own if isinstance(d, TemplateDownload)}
    english = [d for d in downloads if d.language != language and isinstance(d, TemplateDownload)
               and d.slug not in translated]

    def up(d: Download) -> Download:
        url = from_site(d.url, language) if d.url.startswith("downloads/") else d.url
        if isinstance(d, TemplateDownload):
            return dataclasses.replace(d, url=url, files=[{**f, "url": from_site(f["url"], language)} for f in d.files])
        return dataclasses.replace(d, url=url)

    return [up(d) for d in own + english]


def publish(root: Path, site: Path | None = None) -> Path:
    """Build everything into a fresh folder beside `site`, then swap it in.

    A failure anywhere leaves the previous site exactly as it was; a target the build did not
    make is refused (output.py).
    """
    root = Path(root).resolve()
    site = Path(os.path.abspath(site or root / "site"))
    # Refusals first: a target the build may not write to, or a bad SOURCE_DATE_EPOCH, stops it
    # before anything is read or written (the content check keeps a cache of known words).
    output.check_target(root, site)
    edition_date()
    pub = check(root)
    if pub.warnings:
        log.warning("%s", format_warnings(pub.warnings))
    site = site.resolve()
    with output.build_lock(site):
        for folder in output.sweep(site):
            log.info("Removed %s, left by a build that was stopped.", folder.name)
        stamp = Stamp(root, site)
        if stamp.current():
            log.info("Nothing has changed since the last build: %s is up to date.", site)
            return site
        staging = output.staging_for(site)
        files = staging.with_name(staging.name + "-downloads")
        try:
            with render_temp(), keeping_slices(stamp.file.parent / "pdf-slices"):
                downloads = build_downloads(pub, files, site / "downloads" if site.exists() else None)
                output.hook("rendered")
            log.info("Building the website (%d hacks)…", len(pub.hacks))
            # Each language's site lists its own files; English sees exactly what it saw before.
            build_site(root, staging, pub, [d for d in downloads if d.language == pub.language])
            for language, view in language_views(pub):
                log.info("Building the %s website…", LANGUAGE_NAMES.get(language, language))
                build_site(root, staging / language, view, site_downloads(downloads, language))
            if any(files.iterdir()):
                shutil.copytree(files, staging / "downloads", dirs_exist_ok=True)
            output.mark(staging)
            output.swap(staging, site)
            stamp.record()
        except BaseException:
            shutil.rmtree(staging, ignore_errors=True)
            raise
        finally:
            shutil.rmtree(files, ignore_errors=True)
    return site
