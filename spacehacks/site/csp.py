"""The Content-Security-Policy every page carries, as a <meta> element (static hosts differ in
what headers they let a site set).

Readers' browsers load scripts, styles, images, fonts and workers from the site only, and run an
inline script only if its hash is listed. The hashes are taken from each finished page, so they
follow Material when it changes; the page's content is left out before hashing, so a script that
slipped into content is never allowed.
"""
from __future__ import annotations

import base64
import hashlib
import re
from pathlib import Path

from mkdocs.exceptions import PluginError

PLACEHOLDER = "__SPACEHACKS_CSP__"
_INLINE_SCRIPT = re.compile(r"<script(?P<attrs>(?:\s[^>]*)?)>(?P<code>.*?)</script\s*>", re.DOTALL | re.IGNORECASE)
_NOT_CODE = re.compile(r"""\b(src|type\s*=\s*["']?application/json)""", re.IGNORECASE)

DIRECTIVES = (
    "default-src 'self'",
    # Pagefind's search worker compiles its WebAssembly index reader: 'wasm-unsafe-eval' allows
    # exactly that, not eval() of script text.
    "script-src 'self' 'wasm-unsafe-eval'{hashes}",
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "worker-src 'self'",
    "frame-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
)


def script_hashes(html: str) -> list[str]:
    """'sha256-…' sources for each inline script of the page, in order, without repeats."""
    out: list[str] = []
    for m in _INLINE_SCRIPT.finditer(html):
        if _NOT_CODE.search(m.group("attrs")):
            continue
        digest = base64.b64encode(hashlib.sha256(m.group("code").encode("utf-8")).digest()).decode()
        source = f"'sha256-{digest}'"
        if source not in out:
            out.append(source)
    return out


def policy(hashes: list[str]) -> str:
    return "; ".join(DIRECTIVES).format(hashes="".join(" " + h for h in hashes))


def apply(output: str, content: str) -> str:
    """The finished page with its policy filled in; `content` is the page's own (untrusted) HTML."""
    head, sep, rest = output.partition("</head>")
    trusted = head + sep + (rest.replace(content, "", 1) if content else rest)
    return output.replace(PLACEHOLDER, policy(script_hashes(trusted)), 1)


SHIM = "assets/vendor/iframe-worker.min.js"
SHIM_BOOT = "assets/iframe-worker-boot.js"
# The shim's inline bootstrap (see theme/assets/iframe-worker-boot.js), as iframe-worker 1.0.4 writes it.
_SHIM_INLINE = re.compile(r"<script>postMessage=\$\{c\};importScripts=\$\{d\};.*?<\\/script>")


def point_shim_at_boot_file(site_dir: Path) -> None:
    """Make the from-disk worker shim load its bootstrap as a file the policy allows."""
    shim = Path(site_dir) / SHIM
    if not shim.exists():
        return
    text = shim.read_text(encoding="utf-8")
    if "iframe-worker-boot" in text:
        return    # mkdocs serve rebuilds into the same folder
    patched, count = _SHIM_INLINE.subn("<script src=${__shBoot}><\\\\/script>", text)
    if count != 1:
        raise PluginError(f"{SHIM} has changed: the build no longer knows how to keep its inline "
                          "script out of the page (see spacehacks/site/csp.py).")
    boot = 'var __shBoot=new URL("../iframe-worker-boot.js",document.currentScript.src).href;\n'
    shim.write_text(boot + patched, encoding="utf-8")
