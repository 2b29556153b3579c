"""``initialized``: the settings checked once, before any file is read."""

from __future__ import annotations

import logging
import re
from typing import Any

from ..analyst import SIDECAR_SUFFIX
from ..errors import SettingsError
from .config import briefing_settings
from .pack_job import start_pack_worker

logger = logging.getLogger(__name__)


def check_settings(pelican: Any) -> None:
    """``initialized``: validate ``BRIEFING`` once, before any file is read (a bad key stops
    the build), then start the pack's worker."""
    briefing = briefing_settings(pelican.settings)
    if pelican.settings.get("BRIEFING_PUBLISH"):
        check_site_url(str(pelican.settings.get("SITEURL") or ""))
    if briefing.private:  # not public: nothing that invites indexing or following
        feeds = [k for k in pelican.settings if "FEED" in k and k.endswith(("_ATOM", "_RSS"))]
        for feed in feeds:  # FEED_ALL_ATOM, CATEGORY_FEED_ATOM, ...
            pelican.settings[feed] = None
    # The analyst's files beside the pastes are not articles (Pelican matches names only).
    ignored = list(pelican.settings.get("IGNORE_FILES") or [])
    pelican.settings["IGNORE_FILES"] = [*ignored, f"*{SIDECAR_SUFFIX}"]
    start_pack_worker(pelican.settings)


_SITE_URL = re.compile(
    r"https?://(?:localhost|[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+)(?::\d+)?(?:/[^\s?#]*)?"
)


def check_site_url(siteurl: str) -> None:
    """A published build needs the site's full address: without it every absolute link,
    the canonical links, the sitemap and the feeds would point nowhere (or somewhere else).

    >>> check_site_url("https://example.org/briefings/nato")
    >>> check_site_url("briefings.example.net/nato")
    Traceback (most recent call last):
    ...
    generator.errors.SettingsError: BRIEFING_SITEURL 'briefings.example.net/nato' is not a full address: it needs https:// in front (BRIEFING_SITEURL=https://briefings.example.net/nato briefing --settings publishconf.py build); nothing was built
    """
    example = (
        "BRIEFING_SITEURL=https://example.org/briefings/NAME briefing --settings publishconf.py"
        " build"
    )
    if not siteurl:
        raise SettingsError(
            "publishing needs the site's address, and BRIEFING_SITEURL is not set:"
            f" {example} (the address the site will be served from); nothing was built"
        )
    if "://" not in siteurl:
        raise SettingsError(
            f"BRIEFING_SITEURL {siteurl!r} is not a full address: it needs https:// in front"
            f" (BRIEFING_SITEURL=https://{siteurl} briefing --settings publishconf.py build);"
            " nothing was built"
        )
    if not _SITE_URL.fullmatch(siteurl):
        raise SettingsError(
            f"BRIEFING_SITEURL {siteurl!r} is not a web address such as"
            " https://example.org/briefings/NAME (http or https, a host name, a path; no"
            " spaces, query or fragment); nothing was built"
        )
    if siteurl.startswith("http://") and not re.match(r"http://(?:localhost|127\.)", siteurl):
        logger.warning(
            "BRIEFING_SITEURL %s is plain http: readers' browsers will mark the site as not"
            " secure; use https://%s if the host serves it",
            siteurl,
            siteurl[len("http://") :],
        )
