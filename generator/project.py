"""``briefing new FOLDER``: the files of a new briefing, each in one place.

```
FOLDER/pelicanconf.py      title, description, private or public: the settings to edit
FOLDER/publishconf.py      the published build (its address comes from BRIEFING_SITEURL)
FOLDER/content/raw/        the pastes (``briefing add`` stores them here)
FOLDER/content/summary.md  the analyst's summary, shown on the front page and the pack's cover
```
The theme and the pipeline are this installation's: a briefing holds only its own content
and settings, so every briefing gets fixes to the cleaner and the theme.
"""

from __future__ import annotations

from pathlib import Path

from .errors import BriefingError

SETTINGS = '''"""Settings of the briefing {title!r}: its title, its description and whether its
published site is private. `briefing build` (run in this folder) and
`pelican content -s pelicanconf.py` read this file."""

# The page layout every briefing shares (URLs, templates, the theme): generator/defaults.py.
# Any of its settings can be overridden below it.
from generator.defaults import *  # noqa: F403

SITENAME = {title!r}
BRIEFING = {{
    "title": SITENAME,
    # One sentence under the title on the front page and in every page's description.
    "description": {description!r},
    # True: the published site asks search engines to stay away (noindex, robots.txt
    # disallowing all) and has no sitemap and no feeds. For a briefing of third-party
    # articles, keep it private unless you may republish them.
    "private": {private!r},
}}
'''

PUBLISH = '''"""The published build: `briefing --settings publishconf.py build`.

Set the site's address first: BRIEFING_SITEURL=https://example.org/briefings/NAME
(the build stops if it is missing or not a full https:// address).
BRIEFING_PRIVATE=1 or 0 overrides the "private" setting of pelicanconf.py.
"""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from pelicanconf import *  # noqa: E402,F403

BRIEFING_PUBLISH = True  # the address is checked before anything is built
SITEURL = os.environ.get("BRIEFING_SITEURL", "").strip().rstrip("/")
if os.environ.get("BRIEFING_PRIVATE", "").strip():
    BRIEFING = {{**BRIEFING, "private": os.environ["BRIEFING_PRIVATE"].strip() not in ("0", "no")}}
RELATIVE_URLS = False
FEED_DOMAIN = SITEURL
FEED_ALL_ATOM = "feeds/all.atom.xml" if SITEURL else None  # (no address: the build stops)
DELETE_OUTPUT_DIRECTORY = True
'''

SUMMARY = """<!-- The analyst's summary of this briefing, in Markdown: shown on the front page and the
pack's cover as "Analyst's summary". Delete these lines and write it; an empty file shows
nothing. -->
"""

GITIGNORE = "output/\n.output.*\n.briefing-cache/\n"


def new_briefing(folder: Path, title: str, description: str, private: bool = True) -> list[Path]:
    """Create a briefing's folder; refuses to write into a folder that is not empty."""
    if folder.exists() and (not folder.is_dir() or any(folder.iterdir())):
        raise BriefingError(f"{folder} already exists and is not empty: give a new folder's name")
    title = " ".join(title.split())
    if not title:
        raise BriefingError("--title is empty: give the briefing a title")
    files = {
        "pelicanconf.py": SETTINGS.format(
            title=title,
            description=" ".join(description.split()),
            private=private,
        ),
        "publishconf.py": PUBLISH.format(),
        "content/summary.md": SUMMARY,
        ".gitignore": GITIGNORE,
    }
    (folder / "content" / "raw").mkdir(parents=True)
    written = []
    for name, text in files.items():
        path = folder / name
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return written
