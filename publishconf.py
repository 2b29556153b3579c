"""Settings for the published site: `make publish` (or `briefing build --publish`).

Set BRIEFING_SITEURL to where the site will live, e.g. https://example.org/briefings/macron
"""

import os
import sys

sys.path.append(os.curdir)
from pelicanconf import *  # noqa: E402,F403

SITEURL = os.environ.get("BRIEFING_SITEURL", "https://example.org/briefings/macron").rstrip("/")
RELATIVE_URLS = False
FEED_DOMAIN = SITEURL
FEED_ALL_ATOM = "feeds/all.atom.xml"
DELETE_OUTPUT_DIRECTORY = True
