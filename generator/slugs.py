"""Slugs for output file names: ASCII, short, never empty, never a path."""

from __future__ import annotations

import re
import unicodedata

from .model import Article

#: The longest slug made from words: a page name stays far below the 255 bytes a file
#: system allows, whatever the title (a first line of 5,000 characters included).
MAX_SLUG = 80


def slugify(text: str, max_words: int = 9, max_chars: int = MAX_SLUG) -> str:
    """Lower-case ASCII words joined by hyphens; nothing that could leave a folder.

    At most ``max_words`` words and ``max_chars`` characters, cut at a word boundary (a
    first word longer than that is cut itself).

    >>> slugify("Macron says EU can’t rely on US for security, calls for more")
    'macron-says-eu-cant-rely-on-us-for-security'
    >>> slugify("../../etc/passwd"), slugify("!!!"), slugify("Макрон")
    ('etc-passwd', '', '')
    >>> slugify("Supercalifragilistic expialidocious words", max_chars=25)
    'supercalifragilistic'
    >>> slugify("x" * 5000) == "x" * MAX_SLUG
    True
    """
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    ascii_text = re.sub(r"['\N{RIGHT SINGLE QUOTATION MARK}]", "", ascii_text.lower())
    slug = ""
    for word in re.findall(r"[a-z0-9]+", ascii_text)[:max_words]:
        longer = f"{slug}-{word}" if slug else word[:max_chars]
        if len(longer) > max_chars:
            break
        slug = longer
    return slug


def article_slug(article: Article) -> str:
    """``2018-08-27-macron-says-eu-cant-rely-on-us-for-security``: date (or ``undated``),
    then title words; a title with no Latin letters or digits gives ``article-`` and the
    start of the text's hash.

    >>> import datetime as dt
    >>> article_slug(Article("x", "0123456789ab", "!!!", None, None, ()))
    'undated-article-01234567'
    >>> len(article_slug(Article("x", "0", "Long" * 1250, dt.date(2022, 1, 20), None, ())))
    91
    """
    date = article.date.isoformat() if article.date else "undated"
    words = slugify(article.title or "") or f"article-{article.sha256[:8]}"
    return f"{date}-{words}"
