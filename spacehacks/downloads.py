"""Files the publication offers for download (PDF editions, templates): their published names,
which are a stable public interface (organizations link to them), and the records the site lists.
Every output that writes or links one of these files takes its name from here."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from .model import SOURCE_LANGUAGE

if TYPE_CHECKING:
    from .model import Template

# The PDF editions: (paper, file name under downloads/, title).
EDITIONS = [
    ("letter", "space-hacks.pdf", "Space Hacks, the PDF edition (US Letter)"),
    ("a4", "space-hacks-a4.pdf", "Space Hacks, the PDF edition (A4)"),
]

# The PDF editions in each translation's language: (paper, file name under downloads/, title).
TRANSLATED_EDITIONS = {
    "es": [
        ("letter", "space-hacks-es.pdf", "Space Hacks, la edición en PDF en español (carta de EE. UU.)"),
        ("a4", "space-hacks-es-a4.pdf", "Space Hacks, la edición en PDF en español (A4)"),
    ],
}

# Each section as a PDF of its own: downloads/sections/<section>.pdf and <section>-a4.pdf.
SECTIONS = "sections"

# The templates, under downloads/templates/: each in every format, forms also as a fillable PDF.
FOLDER = "templates"
ZIP_NAME = "space-hacks-templates.zip"
INDEX_NAME = "templates.json"       # what each file was made from, to reuse it next build
# The PDF to print, one per paper size: (suffix, label shown to readers, paper). The A4 one keeps
# the first address, <slug>.pdf, which organizations already link to.
PRINTABLE = [
    (".pdf", "PDF (A4)", "a4"),
    ("-letter.pdf", "PDF (US Letter)", "letter"),
]
FORMATS = [  # (suffix, label shown to readers)
    (".docx", "Word (DOCX)"),
    (".odt", "LibreOffice (ODT)"),
    *((suffix, label) for suffix, label, _ in PRINTABLE),
    (".md", "Markdown"),
]
# Forms also as fillable PDFs, one per paper size (the A4 one keeps its first address).
FILLABLE = [
    ("-fillable.pdf", "Fillable PDF (A4)", "a4"),
    ("-fillable-letter.pdf", "Fillable PDF (US Letter)", "letter"),
]


def formats_for(template: Template) -> list[tuple[str, str]]:
    """(suffix, label) of every file published for one template."""
    return FORMATS + ([(suffix, label) for suffix, label, _ in FILLABLE] if template.kind == "form" else [])


def template_folder(language: str = SOURCE_LANGUAGE) -> str:
    """Where one language's template files are, under downloads/: templates/, templates/es/."""
    return FOLDER if language == SOURCE_LANGUAGE else f"{FOLDER}/{language}"


def from_site(url: str, language: str = SOURCE_LANGUAGE) -> str:
    """A published file's address (from the root, where downloads/ is) as the site of `language`
    links it: a translation's site is at /<language>/, one folder down, and its files are the
    English site's downloads/."""
    return url if language == SOURCE_LANGUAGE else f"../{url}"


def zip_name(language: str = SOURCE_LANGUAGE) -> str:
    """The zip of every template in one language: space-hacks-templates.zip, …-es.zip."""
    return ZIP_NAME if language == SOURCE_LANGUAGE else ZIP_NAME.replace(".zip", f"-{language}.zip")


def template_urls(template: Template) -> list[str]:
    """Every file of one template (in the language of its words), as addresses relative to the
    site root."""
    folder = template_folder(template.language)
    return [f"downloads/{folder}/{template.slug}{suffix}" for suffix, _ in formats_for(template)]


@dataclass
class Download:
    title: str
    url: str            # relative to the site root, e.g. "downloads/space-hacks.pdf"
    meta: str           # what a reader needs before downloading, e.g. "PDF, 96 pages, 1.4 MB"
    summary: str = ""
    group: str = "book"  # "book" or "templates"
    language: str = SOURCE_LANGUAGE  # the site of this language lists it


def human_size(path: Path) -> str:
    size = Path(path).stat().st_size
    if size < 1024 * 1024:
        return f"{max(1, round(size / 1024))} KB"
    return f"{size / (1024 * 1024):.1f} MB"
