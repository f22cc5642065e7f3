"""LibreOffice, run headless the way the template tests need it: a private profile, the book's
fonts visible through a private fontconfig file, every page rendered to a small grey image."""
from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

from paths import ROOT

FONTS_CONF = """<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig><include ignore_missing="yes">/etc/fonts/fonts.conf</include>
<dir>{fonts}</dir><cachedir>{cache}</cachedir></fontconfig>"""


def soffice() -> str:
    found = shutil.which("soffice")
    assert found, ("LibreOffice is missing: install Debian's libreoffice-writer-nogui "
                   "(tools/debian-packages.sh test does it)")
    return found


def to_pdf(files: list[Path], work: Path) -> dict[Path, Path]:
    """Each file converted to PDF by LibreOffice, in one run."""
    work.mkdir(parents=True, exist_ok=True)
    conf = work / "fonts.conf"
    conf.write_text(FONTS_CONF.format(fonts=ROOT / "theme" / "fonts", cache=work / "fc-cache"))
    out = work / "pdf"
    env = {"HOME": str(work), "PATH": "/usr/bin:/bin", "FONTCONFIG_FILE": str(conf)}
    subprocess.run([soffice(), f"-env:UserInstallation={(work / 'profile').as_uri()}", "--headless",
                    "--convert-to", "pdf", "--outdir", str(out), *map(str, files)],
                   env=env, capture_output=True, check=True, timeout=600)
    return {f: out / (f.stem + ".pdf") for f in files}


def page_images(pdf: Path, work: Path, dpi: int = 30) -> list[tuple[int, int, bytes]]:
    """Every page as (width, height, grey pixels), from pdftoppm's PGM output."""
    prefix = work / pdf.stem
    subprocess.run(["pdftoppm", "-r", str(dpi), "-gray", str(pdf), str(prefix)], check=True)
    pages = []
    for path in sorted(work.glob(f"{pdf.stem}-*.pgm"), key=lambda p: int(p.stem.rsplit("-", 1)[1])):
        data = path.read_bytes()
        header = re.match(rb"P5\s+(\d+)\s+(\d+)\s+\d+\s", data)
        assert header, path
        pages.append((int(header[1]), int(header[2]), data[header.end():]))
    return pages
