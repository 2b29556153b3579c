"""The Pelican settings every briefing shares: where pages go, which templates, the theme.

A briefing's ``pelicanconf.py`` imports these and sets only what is its own (title,
description, ``BRIEFING``): this project's, and each one ``briefing new`` writes. Pelican
reads a settings file's capitalised names, so a briefing can still override any of them.
"""

from pathlib import Path

# The theme of this installation: a briefing started elsewhere gets its fixes too.
THEME = str(Path(__file__).resolve().parent.parent / "theme")
AUTHOR = "Briefing"
SITEURL = ""
PATH = "content"
OUTPUT_PATH = "output"
TIMEZONE = "UTC"
DEFAULT_LANG = "en"
DEFAULT_DATE_FORMAT = "%-d %B %Y"

# Briefing's own pipeline (parse, clean, quotes, links) is a Pelican plugin in generator/.
PLUGINS = ["generator.pelican_plugin"]

# Raw pastes live in content/raw/; they are articles, never static files to copy.
ARTICLE_PATHS = ["raw"]
STATIC_PATHS: list[str] = []
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
