"""Settings for the published site: `make publish` (or `briefing build --publish`).

Set BRIEFING_SITEURL to where the site will live, e.g. https://example.org/briefings/macron:
the build stops, and says so, if it is missing or not a full address.
"""

import os
import sys

sys.path.append(os.curdir)
from pelicanconf import *  # noqa: E402,F403

BRIEFING_PUBLISH = True  # the address is checked before anything is built
SITEURL = os.environ.get("BRIEFING_SITEURL", "").strip().rstrip("/")
# BRIEFING_PRIVATE=1 publishes privately: noindex on every page, robots.txt disallowing all,
# no sitemap and no feeds (the "private" setting of pelicanconf.py, which 0 turns off).
if os.environ.get("BRIEFING_PRIVATE", "").strip():
    BRIEFING = {**BRIEFING, "private": os.environ["BRIEFING_PRIVATE"].strip() not in ("0", "no")}  # noqa: F405
RELATIVE_URLS = False
FEED_DOMAIN = SITEURL
FEED_ALL_ATOM = "feeds/all.atom.xml" if SITEURL else None  # (no address: the build stops)
DELETE_OUTPUT_DIRECTORY = True
