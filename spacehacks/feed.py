"""site/feed.xml: an Atom feed with one entry per hack that has an `updated:` date.

Links: when content/publication.yml sets `site_url`, every link is absolute under it (what feed
readers handle best). Without it they are relative to feed.xml, which sits at the site's root, so
they resolve correctly wherever the site is hosted (RFC 4287 resolves them against the feed's own
address). Ids never depend on the address: an entry's is a name-based UUID of the hack's file name
(unique across the publication), so moving the site does not make readers show every entry again.
"""
from __future__ import annotations

import datetime as dt
import uuid
from typing import TYPE_CHECKING

from .model import SOURCE_LANGUAGE

if TYPE_CHECKING:
    from .model import Publication

FEED_PATH = "feed.xml"
# A fixed namespace keeps every id the same from build to build.
ID_NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "space-hacks:feed")


def entry_id(slug: str) -> str:
    return uuid.uuid5(ID_NAMESPACE, f"hack/{slug}").urn


def _when(day: dt.date | None) -> dt.datetime:
    assert day is not None   # only hacks of pub.recently_updated, which all have a date
    return dt.datetime(day.year, day.month, day.day, tzinfo=dt.UTC)


def _absolute(base: str, path: str) -> str:
    return f"{base.rstrip('/')}/{path}" if base else path


def atom(pub: Publication, site_url: str | None = None) -> str:
    """The feed as text. `site_url` defaults to publication.yml's `site_url`, if any."""
    from feedgen.feed import FeedGenerator  # imported here: only site builds need it

    base = (site_url if site_url is not None else pub.info.get("site_url")) or ""
    hacks = pub.recently_updated
    info = pub.info
    fg = FeedGenerator()
    # Each language's feed is a feed of its own; the English one keeps its identity.
    fg.id(uuid.uuid5(ID_NAMESPACE, "feed" if pub.language == SOURCE_LANGUAGE else f"feed/{pub.language}").urn)
    fg.title(pub.t("{title}: recently updated hacks", title=info.get("title", "Space Hacks")))
    if info.get("subtitle"):
        fg.subtitle(info["subtitle"])
    fg.author({"name": info.get("publisher") or info.get("title", "Space Hacks")})
    fg.link(href=_absolute(base, FEED_PATH), rel="self", type="application/atom+xml")
    fg.link(href=_absolute(base, "") or "./", rel="alternate", type="text/html")
    fg.language(info.get("language", "en"))
    if info.get("licence"):
        fg.rights(info["licence"])
    # The newest change dates the feed, so an unchanged publication gives the same file.
    fg.updated(_when(hacks[0].updated) if hacks else dt.datetime(2000, 1, 1, tzinfo=dt.UTC))
    for h in reversed(hacks):             # feedgen puts the last added entry first
        fe = fg.add_entry()
        translated = uuid.uuid5(ID_NAMESPACE, f"hack/{pub.language}/{h.slug}").urn
        fe.id(entry_id(h.slug) if pub.language == SOURCE_LANGUAGE else translated)
        fe.title(h.title)
        fe.updated(_when(h.updated))
        fe.link(href=_absolute(base, h.url), rel="alternate", type="text/html")
        fe.summary(h.summary)
        fe.category(term=h.section.slug, label=h.section.title)
    return fg.atom_str(pretty=True).decode("utf-8")
