"""Pelican settings for the briefing site. `briefing build` and `pelican content -s pelicanconf.py`
both read this file. The page layout every briefing shares (URLs, templates, feeds off in
development) is in generator/defaults.py; this file holds what is this briefing's own."""

from generator.defaults import *  # noqa: F403

SITENAME = "Macron, European security and Russia"
THEME = "theme"  # this project's own theme folder (a briefing made by `briefing new` uses it too)

# This briefing's own title (above) and description (the sentence under the title on the front
# page and every page's <meta name="description">): edit both when the briefing changes. A
# briefing of your own starts with `briefing new FOLDER --title ... --description ...`, which
# writes a settings file like this one. "private": True publishes with noindex, robots.txt
# disallowing all, no sitemap and no feeds (README, "Publishing").
BRIEFING = {
    "title": SITENAME,
    "description": (
        "How Emmanuel Macron's call for Europe to take charge of its own security, "
        "and to talk to Russia about it, developed between 2018 and 2022."
    ),
    # Its two articles are TASS's and The Moscow Times' text: not ours to republish openly.
    "private": True,
}
