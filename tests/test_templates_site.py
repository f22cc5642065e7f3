"""The Templates section of the built site: the list, one preview page per template, and the
links between templates and the hacks that name them."""
from __future__ import annotations

import posixpath
import re
from pathlib import Path

import lxml.html


def page(site: Path, url: str):
    return lxml.html.parse(str(site / url / "index.html")).getroot()


def css(el, selector: str) -> list:
    """Elements matching a chain like '.a .b' or 'tag.a' (class selectors and tags only)."""
    path = "."
    for part in selector.split():
        tag, _, cls = part.partition(".")
        path += f"//{tag or '*'}"
        for c in cls.split(".") if cls else []:
            path += f"[contains(concat(' ', normalize-space(@class), ' '), ' {c} ')]"
    return el.xpath(path)


def resolve(site: Path, url: str, href: str) -> Path:
    """The file a relative link on the page at `url` points to."""
    target = posixpath.normpath(posixpath.join(url, href.split("#")[0]))
    path = site / target
    return path / "index.html" if path.is_dir() else path


def test_the_templates_list_shows_every_template_with_each_format_and_size(pub, site):
    doc = page(site, "templates")
    items = css(doc, ".sh-template-item")
    assert len(items) == len(pub.templates)
    for t in pub.templates:
        [item] = [i for i in items if css(i, ".sh-template-item__title")[0].text == t.title]
        assert item.get("data-kind") == t.kind
        assert css(item, ".sh-template-item__summary")[0].text_content() == t.summary
        files = css(item, ".sh-template-files li")
        labels = [css(li, "a")[0].text for li in files]
        assert labels[:5] == ["Word (DOCX)", "LibreOffice (ODT)", "PDF (A4)", "PDF (US Letter)", "Markdown"]
        fillable = [label for label in labels if label.startswith("Fillable PDF")]
        assert fillable == (["Fillable PDF (A4)", "Fillable PDF (US Letter)"] if t.kind == "form" else [])
        for li in files:
            href = css(li, "a")[0].get("href")
            target = resolve(site, "templates/", href)
            assert target.is_file(), href
            size = css(li, ".sh-meta")[0].text
            assert re.fullmatch(r"\d+ KB|\d+\.\d MB", size)
        assert resolve(site, "templates/", css(item, "a")[0].get("href")).is_file()
    zip_link = css(doc, ".sh-template-all a")[0]
    assert resolve(site, "templates/", zip_link.get("href")).name == "space-hacks-templates.zip"


def test_each_template_page_previews_the_document_and_links_to_its_hacks(pub, site):
    for t in pub.templates:
        doc = page(site, t.url)
        # Headings' long words carry soft hyphens (spacehacks/site/reflow.py), unseen unless a line breaks.
        assert css(doc, "h1")[0].text_content().replace("\u00ad", "") == t.title
        preview = css(doc, ".sh-template-doc")[0]
        shown = [m.text_content().strip("[]") for m in css(preview, "mark.sh-fill")]
        assert shown == re.findall(r"\[\[([^\]]+)\]\]", t.body)
        headings = [h.text_content().replace("\u00ad", "") for h in css(preview, "h3")]  # under "Preview"
        assert headings == [ln[3:].strip() for ln in t.body.split("\n") if ln.startswith("## ")]
        linked = {resolve(site, t.url, a.get("href")) for a in css(doc, ".sh-related a.sh-hack__title")}
        for h in t.hacks + [pub.hack(s) for s in t.related]:
            assert site / h.url / "index.html" in linked, (t.slug, h.slug)


def test_hack_pages_link_to_the_templates_they_name(pub, site):
    named = [h for h in pub.hacks if h.templates]
    assert len(named) >= 5
    for h in named:
        doc = page(site, h.url)
        links = css(doc, ".sh-use-with a")
        assert [a.text for a in links] == [pub.template(s).title for s in h.templates]
        for a in links:
            assert resolve(site, h.url, a.get("href")).is_file()


def test_templates_are_in_the_navigation_and_on_the_downloads_page(pub, site):
    nav = [a for a in css(page(site, "hacks"), "a.md-nav__link") if a.text_content().strip() == "Templates"]
    assert nav and resolve(site, "hacks/", nav[0].get("href")) == site / "templates" / "index.html"
    downloads = page(site, "downloads").text_content()
    assert "All templates in one zip" in downloads
    assert pub.template("incident-report-form").title in downloads
    # each template's meta line names both papers of its PDF to print
    assert downloads.count("PDF (US Letter)") >= len(pub.templates)
    assert downloads.count("PDF (A4)") >= len(pub.templates)
