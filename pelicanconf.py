"""Pelican settings for the briefing site. `briefing build` and `pelican content -s pelicanconf.py`
both read this file."""

AUTHOR = "Briefing"
SITENAME = "Macron, European security and Russia"
SITEURL = ""
PATH = "content"
OUTPUT_PATH = "output"
TIMEZONE = "UTC"
DEFAULT_LANG = "en"
DEFAULT_DATE_FORMAT = "%-d %B %Y"
THEME = "theme"

# Briefing's own pipeline (parse, clean, quotes, links) is a Pelican plugin in generator/.
PLUGINS = ["generator.pelican_plugin"]
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
}

# Raw pastes live in content/raw/; they are articles, never static files to copy.
ARTICLE_PATHS = ["raw"]
STATIC_PATHS = []
ARTICLE_URL = "articles/{slug}.html"
ARTICLE_SAVE_AS = "articles/{slug}.html"
DIRECT_TEMPLATES = ["index", "archives", "search", "404", "tags"]
INDEX_SAVE_AS = "index.html"
ARCHIVES_SAVE_AS = "archives.html"
DEFAULT_CATEGORY = "briefing"
CATEGORY_SAVE_AS = ""
CATEGORIES_SAVE_AS = ""
TAG_URL = "tags/{slug}.html"
TAG_SAVE_AS = "tags/{slug}.html"
TAGS_SAVE_AS = "tags/index.html"
AUTHOR_SAVE_AS = ""
AUTHORS_SAVE_AS = ""
DEFAULT_PAGINATION = False

# Opening output/index.html from disk must work, so links are relative in development.
RELATIVE_URLS = True
FEED_ALL_ATOM = None
CATEGORY_FEED_ATOM = None
TRANSLATION_FEED_ATOM = None
AUTHOR_FEED_ATOM = None
AUTHOR_FEED_RSS = None

# Everything pasted is escaped unless the theme marks it safe (only our own escaped HTML).
JINJA_ENVIRONMENT = {"trim_blocks": True, "lstrip_blocks": True, "autoescape": True}
