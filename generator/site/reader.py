"""The reader: raw pastes (and Markdown, saved pages) into Pelican content and metadata.

* :class:`RawArticleReader` (``readers_init``) reads each file through parse -> clean ->
  quotes -> word counts, from the per-article cache when it can.
* :func:`find_copies` (``article_generator_init``) reads every file first, so that copies
  are decided over the whole folder, in a stable order.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import html
import logging
import re
from pathlib import Path
from typing import Any, ClassVar

import nh3
from pelican.generators import ArticlesGenerator
from pelican.readers import BaseReader
from pelican.utils import SafeDatetime

from ..cache import cache_folder, process_file_cached
from ..duplicates import find_duplicates
from ..errors import InputError
from ..links import passage_anchor
from ..model import Article
from ..pipeline import content_files, process_file
from ..slugs import article_slug
from .config import briefing_settings

logger = logging.getLogger(__name__)


def body_html(article: Article) -> str:
    """The article body as HTML for feeds and summaries: escaped text, anchored paragraphs.

    The text is escaped, and the result passes nh3's allow-list (only ``<p id>``) as well:
    whatever a paste holds, this HTML can carry no markup of its own into a feed.
    """
    markup = "\n".join(
        f'<p id="{passage_anchor(i)}">{html.escape(text, quote=False)}</p>'
        for i, text in enumerate(article.paragraphs)
    )
    return nh3.clean(markup, tags={"p"}, attributes={"p": {"id"}}, link_rel=None)


_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


class RawArticleReader(BaseReader):  # type: ignore[misc]
    """Reads a raw pasted article (``.txt``) into Pelican content and metadata."""

    enabled = True
    file_extensions: ClassVar[list[str]] = ["txt", "text", "md", "markdown", "html", "htm"]

    @functools.cached_property
    def _content_root(self) -> Path:
        return Path(self.settings["PATH"]).resolve()

    def process_metadata(self, name: str, value: Any) -> Any:
        """Pelican's, with a shortcut for the date its ``FILENAME_METADATA`` takes from a
        name such as ``2022-01-20-the-moscow-times-....txt`` (every name ``briefing add``
        gives): it is parsed here, not by dateutil, once per file and build. (The date the
        reader finds in the paste replaces it anyway.)"""
        if name == "date" and isinstance(value, str) and _ISO_DAY.fullmatch(value):
            year, month, day = map(int, value.split("-"))
            with contextlib.suppress(ValueError):  # 2022-02-30: Pelican's error, below
                return SafeDatetime(year, month, day)
        return super().process_metadata(name, value)

    def read(self, source_path: str) -> tuple[str, dict[str, Any]]:
        content_root = self._content_root
        path = Path(source_path)
        try:
            label = path.resolve().relative_to(content_root).as_posix()
        except ValueError:
            label = path.name
        try:
            article = _read_article(self.settings, path, label)
        except InputError as error:
            # Name the file and the problem, skip it, and let the rest of the site build.
            logger.error("%s", error)
            return "", {"status": "skip", "title": label}
        for warning in article.warnings:
            if article.date is None and warning.startswith("no date found"):
                continue  # said once, below, with what the build does about it
            logger.warning("%s: %s", label, warning)
        if article.date is None:
            logger.warning(
                "%s: no date found; built as 'Date unknown' and listed after the dated"
                " articles (give it with `briefing fix NAME --date YYYY-MM-DD`)",
                label,
            )
        elif article.date > dt.date.today():
            logger.warning("%s: the date %s is in the future; check it", label, article.date)
        copy = (self.settings.get("_BRIEFING_DUPLICATES") or {}).get(label)
        if copy is not None:  # decided over every file at once: see find_copies()
            logger.warning("%s: %s", label, copy.message())  # left out on purpose
            return "", {"status": "skip", "title": label}
        seen: dict[str, str] = self.settings.setdefault("_BRIEFING_SEEN", {})
        slug = article_slug(article)
        if slug in seen:  # another article has this date and title: keep both, apart
            slug = f"{slug}-{article.sha256[:6]}"
        seen[slug] = label
        metadata: dict[str, Any] = {
            "title": article.title,
            "date": _pelican_date(article.date),
            "slug": slug,
            "briefing_slug": article_slug(article),  # settled in name order: settle_slugs()
            "summary": html.escape(article.standfirst or article.paragraphs[0], quote=False),
            "record": article,
        }
        labels = [
            x for x in (article.section, article.source) if x and "," not in x and len(x) <= 80
        ]
        if labels:  # tags: the outlet and the section label, as printed
            metadata["tags"] = self.process_metadata("tags", ", ".join(dict.fromkeys(labels)))
        for key in ("source", "dateline", "section", "url", "standfirst", "caption", "credit"):
            value = getattr(article, key)
            if value:
                metadata[f"briefing_{key}"] = value
        return body_html(article), metadata


def _read_article(settings: dict[str, Any], path: Path, label: str) -> Article:
    """One file through the per-article stages (from the cache when it can be), once per
    build: :func:`find_copies` reads every file first, the reader takes its result."""
    known = settings.get("_BRIEFING_READ")
    if isinstance(known, dict) and label in known:
        found = known.pop(label)
        if isinstance(found, InputError):
            raise found
        return found  # type: ignore[no-any-return]
    briefing = briefing_settings(settings)
    if briefing.cache:  # per-article results survive between builds
        return process_file_cached(path, label, briefing, cache_folder(Path(settings["PATH"])))
    return process_file(path, label, briefing)


def find_copies(generator: ArticlesGenerator) -> None:
    """``article_generator_init``: before Pelican reads any file, read them all (the cache
    answers, and the reader then takes these results) and decide which are copies of others.
    Pelican reads files in a set's order, which changes between runs: deciding while reading
    published one copy on one build and the other on the next."""
    content = Path(generator.settings["PATH"]).resolve()
    paths = generator.settings.get("ARTICLE_PATHS") or [""]
    read: dict[str, Article | InputError] = {}
    for folder in paths:
        for path in content_files(content / folder) if (content / folder).is_dir() else []:
            label = path.relative_to(content).as_posix()  # a symlink: the reader refuses it
            try:
                read[label] = _read_article(generator.settings, path, label)
            except InputError as error:
                read[label] = error
    generator.settings["_BRIEFING_READ"] = read
    generator.settings["_BRIEFING_DUPLICATES"] = find_duplicates(
        a for a in read.values() if isinstance(a, Article)
    )


#: What Pelican is given for an undated article: it needs a date to sort and file it. Fixed,
#: so builds stay byte-identical, and older than any plausible article, so undated articles
#: sort after the dated ones in Pelican's newest-first lists. Readers never see it: every
#: page shows the view's "Date unknown" instead.
UNDATED = SafeDatetime(1900, 1, 1)


def _pelican_date(date: dt.date | None) -> SafeDatetime:
    return UNDATED if date is None else SafeDatetime(date.year, date.month, date.day)


def add_reader(readers: Any) -> None:
    for extension in RawArticleReader.file_extensions:
        readers.reader_classes[extension] = RawArticleReader
