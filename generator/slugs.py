"""Slugs for output file names: ASCII, short, never empty, never a path."""

from __future__ import annotations

import re
import unicodedata

from .model import Article


def slugify(text: str, max_words: int = 9) -> str:
    """Lower-case ASCII words joined by hyphens; nothing that could leave a folder.

    >>> slugify("Macron says EU can’t rely on US for security, calls for more")
    'macron-says-eu-cant-rely-on-us-for-security'
    >>> slugify("../../etc/passwd"), slugify("!!!")
    ('etc-passwd', '')
    """
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    ascii_text = re.sub(r"['\N{RIGHT SINGLE QUOTATION MARK}]", "", ascii_text.lower())
    words = re.findall(r"[a-z0-9]+", ascii_text)
    return "-".join(words[:max_words])


def article_slug(article: Article) -> str:
    """``2018-08-27-macron-says-eu-cant-rely-on-us-for-security``: date, then title words."""
    date = article.date.isoformat() if article.date else "undated"
    words = slugify(article.title or "") or f"article-{article.sha256[:8]}"
    return f"{date}-{words}"
