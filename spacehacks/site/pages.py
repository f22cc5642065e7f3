"""The site's pages as (path, title, meta, body) records, independent of any site engine."""
from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from html import escape
from typing import TYPE_CHECKING, Any

from ..jsdata import script_text
from ..sources import VIEW_PAGES, ViewPage
from ..views import Views, all_hacks_url, category_pages, category_url, tag_pages, tag_url, used_tags

if TYPE_CHECKING:
    from ..model import Hack, Publication, Translatable


@dataclass
class SitePage:
    src: str                      # e.g. "preventing-escalation/community-building/index.md"
    title: str
    # Markdown for content pages; for views, the finished HTML, or what renders it when first
    # asked (the live preview renders only the views an edit changed).
    source: str | Callable[[], str]
    meta: dict[str, object] = field(default_factory=dict)
    hack: Hack | None = None      # the Hack, for hack pages
    item: Translatable | None = None   # the hack, page, section, category or template whose words it shows
    is_html: bool = False         # a view rendered by views.py: no Markdown pass needed

    @property
    def body(self) -> str:
        if not isinstance(self.source, str):
            self.source = self.source()
        return self.source

    @property
    def url(self) -> str:
        """The page's address as the model writes it ("" for home, "a/b/" for the others)."""
        path = self.src.removesuffix(".md").removesuffix("index")
        return path if not path or path.endswith("/") else path + "/"


# Listing pages repeat the titles and summaries of the pages they list: kept out of search, so a
# query finds the hack, not every list that names it.
UNSEARCHED = {"search": {"exclude": True}}


def view(src: str, title: str, html: str | Callable[[], str], meta: dict[str, object] | None = None,
         searchable: bool = False, item: Translatable | None = None) -> SitePage:
    return SitePage(src, title, html, {**(meta or {}), **({} if searchable else UNSEARCHED)}, is_html=True,
                    item=item)


def site_pages(pub: Publication, views: Views) -> list[SitePage]:
    title = pub.info.get("title", "Home")
    page_title = f"{title}: {pub.info['subtitle']}" if pub.info.get("subtitle") else title
    pages = [view("index.md", title, views.home,
                  {"hide": ["navigation", "toc"], "description": pub.info.get("description", ""),
                   "page_title": page_title})]
    for p in pub.pages:
        pages.append(SitePage(f"{p.slug}.md", p.title, p.body, {"description": p.summary or ""}, item=p))
    for s in pub.sections:
        pages.append(view(f"{s.slug}/index.md", s.title, partial(views.section, s), {"description": s.tagline},
                          item=s))
        for c in s.categories:
            pages.append(view(f"{s.slug}/{c.slug}/index.md", c.title, partial(views.category, c),
                              {"description": c.tagline}, item=c))
            count = len(category_pages(c))
            pages += [view(f"{category_url(c, k)}index.md", pub.t("{category}, page {n} of {pages}", category=c.title,
                                                                  n=k, pages=count),
                           partial(views.category, c, k), {"description": c.tagline}) for k in range(2, count + 1)]
            for h in c.hacks:
                tags = [pub.tags[t].title for t in h.tags if t in pub.tags]
                pages.append(SitePage(f"{s.slug}/{c.slug}/{h.slug}.md", h.title, h.body,
                                      {"description": h.summary, "tags": tags, "template": "hack.html"},
                                      hack=h, item=h))
    for v in view_pages(pub):
        pages.append(view(f"{v.slug}/index.md", pub.t(v.title), getattr(views, v.view), {"hide": ["toc"]},
                          searchable=v.searchable))
    for slug in used_tags(pub):
        tag, count = pub.tags[slug], len(tag_pages(pub, slug))
        pages += [view(f"{tag_url(slug, k)}index.md",
                       pub.t("Hacks tagged “{tag}”", tag=tag.title) if k == 1 else
                       pub.t("Hacks tagged “{tag}”, page {n} of {pages}", tag=tag.title, n=k, pages=count),
                       partial(views.tag, slug, k), {"description": tag.description, "hide": ["toc"]})
                  for k in range(1, count + 1)]
    pages_of_all = len(views.all_hacks_pages)
    pages += [view(f"{all_hacks_url(k)}index.md", pub.t("All hacks, page {n} of {pages}", n=k, pages=pages_of_all),
                   partial(views.all_hacks, k), {"hide": ["toc"]}) for k in range(2, pages_of_all + 1)]
    pages += [view(f"templates/{t.slug}/index.md", t.title, partial(views.template_page, t),
                   {"description": t.summary}, searchable=True, item=t) for t in pub.templates]
    return pages


def view_pages(pub: Publication) -> list[ViewPage]:
    return [v for v in VIEW_PAGES if pub.templates or not v.needs_templates]


def nav(pub: Publication) -> list[dict[str, object]]:
    """Sections and categories only: a nav with every hack is unusable on a phone."""
    # MkDocs prints nav titles into HTML as they are, so they are handed over escaped.
    about = [{escape(p.title): f"{p.slug}.md"} for p in pub.pages]
    out: list[dict[str, object]] = [{pub.t("Home"): "index.md"}]
    if about:
        out.append({pub.t("About"): about})
    for s in pub.sections:
        out.append({escape(s.title): [f"{s.slug}/index.md"] + [{escape(c.title): f"{s.slug}/{c.slug}/index.md"}
                                                       for c in s.categories]})
    return out + [{escape(pub.t(v.title)): f"{v.slug}/index.md"} for v in view_pages(pub) if v.in_nav]


# Meta fields MkDocs and Material print into HTML without escaping (title, <meta> description).
ENGINE_PRINTS = ("title", "description")


def engine_meta(page: SitePage) -> dict[str, object]:
    """The page's meta as handed to the engine: every string from content already HTML-escaped."""
    meta: dict[str, Any] = {"title": page.title, **page.meta}   # strings and lists of them
    for key in ENGINE_PRINTS:
        if isinstance(meta.get(key), str):
            meta[key] = escape(meta[key])
    if "tags" in meta:
        meta["tags"] = [escape(t) for t in meta["tags"]]
    return meta


def manifest_data(pub: Publication) -> dict[str, object]:
    """site/hacks.json's data: a stable list of every hack (URLs relative to the site)."""
    return {
        "version": 1,
        "title": pub.info.get("title"),
        "language": pub.language,
        "hacks": [{
            "slug": h.slug, "title": h.title,
            "section": h.section.slug, "section_title": h.section.title, "section_url": h.section.url,
            "category": h.category.slug, "category_title": h.category.title, "category_url": h.category.url,
            "summary": h.summary, "tags": h.tags, "featured": h.featured,
            "updated": h.updated.isoformat() if h.updated else None, "url": h.url,
            "language": h.language,   # where a translation is missing, its English
        } for h in pub.hacks],
    }


def manifest(pub: Publication) -> str:
    """site/hacks.json (plain data: whoever shows it escapes it). Without indentation: a reader's
    browser fetches it whole for random and offline search (560 KB indented at 1,000 hacks)."""
    return json.dumps(manifest_data(pub), ensure_ascii=False, separators=(",", ":"))


def manifest_script(pub: Publication, manifest_text: str | None = None) -> str:
    """assets/hacks.js: the same data as a script, safe to read as JavaScript (from hacks.json's
    text when it is at hand: writing it takes a while at 1,000 hacks)."""
    return f"var __hacks = {script_text(manifest_text or manifest(pub))};\n"


def markdown_page(page: SitePage) -> str:
    import yaml
    meta = engine_meta(page)
    body = "" if page.is_html else page.body  # views arrive as HTML in on_page_content
    return "---\n" + yaml.safe_dump(meta, allow_unicode=True, sort_keys=False) + "---\n\n" + body
