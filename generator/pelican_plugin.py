"""The only module that imports Pelican: a reader for raw pastes, and the corpus hooks.

* ``readers_init``: :class:`RawArticleReader` reads pastes (``.txt``), Markdown and saved
  pages through parse -> clean -> quotes -> word counts (cached per article).
* ``article_generator_finalized``: once every article is read, the links stage runs over
  the whole corpus and each Pelican article gets ``article.briefing`` (a view dict).
* ``get_generators``: :class:`BriefingPagesGenerator` writes thread timelines and the
  "Who said what" page.
* ``get_writer``: :class:`IncrementalWriter` copies unchanged pages from the previous site.
* ``article_writer_finalized`` / ``finalized``: the search index (Pagefind) and the PDF pack
  run beside page rendering; the page manifest is saved last.

Receivers are module-level functions because Pelican holds them by weak reference.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import hashlib
import html
import logging
import os
import re
import subprocess
import threading
from pathlib import Path
from typing import Any, ClassVar

import nh3
import pelican
from pelican import signals
from pelican.contents import Content
from pelican.generators import ArticlesGenerator, Generator
from pelican.readers import BaseReader
from pelican.urlwrappers import URLWrapper
from pelican.utils import SafeDatetime, sanitised_join
from pelican.writers import Writer

from .analyst import SIDECAR_SUFFIX, note_html, read_summary
from .build import BuildReport
from .cache import cache_folder, code_fingerprint, process_file_cached
from .children import helper_command
from .duplicates import find_duplicates
from .errors import BuildError, InputError, SettingsError
from .incremental import (
    Manifest,
    NoFingerprintError,
    digest,
    files_fingerprint,
    load_manifest,
    manifest_path,
    previous_page,
    reuse_file,
    reuse_folder,
    save_manifest,
    settings_fingerprint,
)
from .links import link_corpus, passage_anchor
from .model import Article, Corpus
from .pack import lay_out_pack, pack_available, pack_markup, prepare_worker
from .pipeline import content_files, process_file
from .search import SEARCH_FOLDER, brace_glob, bundle_urls, plan_shards
from .settings import Settings, load_settings
from .slugs import article_slug
from .view import (
    archive_years,
    article_views,
    people_views,
    quote_view,
    speaker_views,
    thread_views,
)

logger = logging.getLogger(__name__)


def briefing_settings(settings: dict[str, Any]) -> Settings:
    return load_settings(settings.get("BRIEFING"))


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
                " articles (add a first line such as ' date 2022-01-20')",
                label,
            )
        elif article.date > dt.date.today():
            logger.warning("%s: the date %s is in the future; check it", label, article.date)
        copy = (self.settings.get("_BRIEFING_DUPLICATES") or {}).get(label)
        if copy is not None:  # decided over every file at once: see find_copies()
            logger.error("%s: %s", label, copy.message())
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
    generator.errors.SettingsError: BRIEFING_SITEURL 'briefings.example.net/nato' is not a full address: it needs https:// in front (BRIEFING_SITEURL=https://briefings.example.net/nato make publish); nothing was built
    """
    example = "BRIEFING_SITEURL=https://example.org/briefings/NAME make publish"
    if not siteurl:
        raise SettingsError(
            "publishing needs the site's address, and BRIEFING_SITEURL is not set:"
            f" {example} (the address the site will be served from); nothing was built"
        )
    if "://" not in siteurl:
        raise SettingsError(
            f"BRIEFING_SITEURL {siteurl!r} is not a full address: it needs https:// in front"
            f" (BRIEFING_SITEURL=https://{siteurl} make publish); nothing was built"
        )
    if not _SITE_URL.fullmatch(siteurl):
        raise SettingsError(
            f"BRIEFING_SITEURL {siteurl!r} is not a web address such as"
            " https://example.org/briefings/NAME (http or https, a host name, a path; no"
            " spaces, query or fragment); nothing was built"
        )


def link_articles(generator: ArticlesGenerator) -> None:
    """After all reading: cross-links, passages and threads over the whole corpus."""
    settings = briefing_settings(generator.settings)
    pelican_articles = [a for a in generator.articles if hasattr(a, "record")]
    for article in generator.articles:
        for translation in getattr(article, "translations", []):
            if hasattr(translation, "record"):
                pelican_articles.append(translation)
    settle_slugs(pelican_articles)
    put_undated_last(generator)
    corpus = link_corpus([a.record for a in pelican_articles], settings)
    pack = _pack_wanted(settings)
    if pack:  # first: the pack's layout is the longest task, and it needs only the corpus
        start_pack(generator, corpus, settings)
    # Pelican works a URL out anew from its pattern each time it is read: read once here.
    urls = {a.record.path: a.url for a in pelican_articles}
    save_as = {a.record.path: a.save_as for a in pelican_articles}
    thread_urls = {t.slug: f"threads/{t.slug}.html" for t in corpus.threads}
    views = article_views(corpus, urls)
    for article in pelican_articles:
        view = article.briefing = views[article.record.path]
        # What the page's searchable text is made of: everything but the links, which the
        # template keeps out of the search index (see :mod:`generator.search`). The record
        # and the rest of the view follow from the raw bytes, the file's name, the settings
        # and the generator's code (the per-article cache's key); every page's fingerprint
        # covers the last two, so the bytes' hash and the name stand for the record. Only
        # the speakers' names can change with the rest of the briefing ("Macron" becomes
        # "Emmanuel Macron" once one article names him in full): they count as they are shown.
        shown = view["record"]
        article.briefing_search_key = digest(
            {
                "url": urls[article.record.path],
                "save_as": save_as[article.record.path],
                "metadata": {k: v for k, v in article.metadata.items() if k != "record"},
                "record": (article.record.sha256, article.record.path),
                "analyst": article.record.note,  # the corrections are in the metadata
                "names": (shown.people, [q.speaker for q in shown.quotes]),
            },
            pelican_data,
        )
        article.briefing_key = digest(
            {
                "content": article.briefing_search_key,
                "links": {k: view[k] for k in _LINK_LISTS},
                "passages": [p["links"] for p in view["paragraphs"]],
            },
            pelican_data,
        )
    generator.settings["_BRIEFING_SHARDS"] = plan_shards(
        (save_as[a.record.path], a.record.date) for a in pelican_articles if save_as[a.record.path]
    )
    report = generator.settings.get("_BRIEFING_REPORT")
    if isinstance(report, BuildReport):  # for the command that runs the build
        report.corpus = corpus
        siteurl = str(generator.settings.get("SITEURL") or "")
        report.siteurl = siteurl if siteurl.startswith(("http://", "https://")) else ""
        report.private = settings.private
    generator.context["briefing"] = {
        "settings": settings,
        "threads": thread_views(corpus, urls, thread_urls),
        "speakers": speaker_views(corpus, urls),
        "people": people_views(corpus, urls),
        "callouts": [
            {**quote_view(a, a.quotes[a.callouts[0]], urls[a.path]), "article_url": urls[a.path]}
            for a in sorted(corpus.articles, key=lambda a: (a.date or dt.date.max, a.path))
            if a.callouts and a.path in views
        ],
        "archive": archive_years(
            [(a.record.date, a) for a in generator.dates if hasattr(a, "record")]
        ),
        "corpus": corpus,
        "pack": pack,
        "pelican_articles": {a.record.path: a for a in pelican_articles},
        "search_bundles": bundle_urls(generator.settings["_BRIEFING_SHARDS"]),
        "summary": note_html(read_summary(Path(generator.path))),
    }


#: The link lists of an article's view (its paragraphs carry the passage links).
_LINK_LISTS = ("earlier", "later", "also_reported", "related")


def settle_slugs(articles: list[Any]) -> None:
    """Articles whose date and title give the same slug: the first by file name keeps it,
    the others get the start of their text's hash after it. The reader already kept them
    apart, but in the order Pelican read the files (a set's order, which changes from one
    run to the next); settled here, the page names are the same on every build."""
    by_slug: dict[str, list[Any]] = {}
    for article in articles:
        by_slug.setdefault(article.metadata.get("briefing_slug", article.slug), []).append(article)
    for slug, same in by_slug.items():
        if len(same) < 2:
            continue
        same.sort(key=lambda a: a.record.path)
        for i, article in enumerate(same):
            article.slug = slug if i == 0 else f"{slug}-{article.record.sha256[:6]}"
            article.metadata["slug"] = article.slug


def _undated(article: Any) -> bool:
    record = getattr(article, "record", None)
    return isinstance(record, Article) and record.date is None


def _chronological(article: Any) -> tuple[bool, int, str]:
    """Oldest first, then by file name; the undated last."""
    record = getattr(article, "record", None)
    if not isinstance(record, Article):  # not ours: by Pelican's date
        return (False, article.date.toordinal(), article.source_path)
    return (record.date is None, record.date.toordinal() if record.date else 0, record.path)


def _newest_first(article: Any) -> tuple[bool, int, str]:
    """Newest first, then by file name; the undated last."""
    undated, day, path = _chronological(article)
    return (undated, -day, path)


def put_undated_last(generator: ArticlesGenerator) -> None:
    """Every list Pelican hands to templates in a total order, the undated articles after
    the dated ones: the index and archives newest first, each tag's page oldest first, ties
    by file name. Pelican sorted them by date alone, ties in the order it read the files (a
    set's order, which changes between runs), and the undated by their stand-in date
    (:data:`UNDATED`). Sorted in place: the generator and its context share these lists."""
    generator.articles.sort(key=_newest_first)
    generator.dates.sort(key=_newest_first)
    for tagged in generator.tags.values():
        tagged.sort(key=_chronological)


def pelican_data(value: Any) -> Any:
    """Pelican's objects as fingerprint data: an article by its key, a tag by its name."""
    if isinstance(value, Content) and hasattr(value, "briefing_key"):
        return {"article": value.briefing_key}
    if isinstance(value, URLWrapper):
        return {"name": value.name, "slug": value.slug, "url": value.url}
    raise NoFingerprintError(type(value).__name__)


class IncrementalWriter(Writer):  # type: ignore[misc]
    """Pelican's writer, except that a page whose fingerprint has not changed since the last
    build is copied from the previous site instead of rendered (see :mod:`generator.incremental`).

    A page's fingerprint covers the theme's templates, the generator's code, Pelican's version,
    the settings, and the page's inputs. Pages of the templates in ``OWN_INPUTS`` depend only
    on the values handed to them (an article, a thread, a person, a tag and its articles);
    every other page (index, archives, tag list, people, Who said what) depends on the whole
    corpus as well, so it is rendered whenever any article changes.
    """

    OWN_INPUTS: ClassVar[dict[str, tuple[str, ...]]] = {
        "article": ("article", "category"),
        "tag": ("tag", "articles"),
        "thread": ("thread",),
        "redirect": ("thread",),
        "person": ("person",),
    }

    def __init__(self, output_path: str, settings: dict[str, Any] | None = None) -> None:
        super().__init__(output_path, settings=settings)
        settings = self.settings
        previous = settings.get("BRIEFING_PREVIOUS_OUTPUT")
        self.enabled = bool(previous) and briefing_settings(settings).cache
        self.previous = Path(previous) if previous else Path(output_path)
        self.manifest_file = manifest_path(cache_folder(Path(settings["PATH"])), self.previous)
        self.old: Manifest = load_manifest(self.manifest_file) if self.enabled else {}
        self.new: Manifest = {}
        self.rendered = self.reused = 0
        self.blind = 0  # pages rendered without a fingerprint (nothing to compare next time)
        self._base = ""
        self._corpus = ""
        self.articles_written = self.search_started = False
        self.search_keys: dict[str, str | None] = {}  # article page -> its searchable content
        settings["_BRIEFING_WRITER"] = self

    def write_file(  # noqa: PLR0917  Pelican's Writer.write_file signature, overridden
        self,
        name: str,
        template: Any,
        context: dict[str, Any],
        relative_urls: bool = False,
        paginated: Any = None,
        template_name: str | None = None,
        override_output: bool = False,
        url: str | None = None,
        **kwargs: Any,
    ) -> None:
        if "article" in kwargs:  # an article page (or a translation), whatever its template
            self.articles_written = True
            self.search_keys[name] = getattr(kwargs["article"], "briefing_search_key", None)
        elif self.articles_written and not self.search_started:
            # Pelican writes every article page first: the first other page means the search
            # index can start now, on the second core, while the rest of the site is made.
            start_search_index(Path(self.output_path), self.settings, self)
        fingerprint = None
        if name and self.enabled and not override_output and not self._paginates(template_name):
            try:
                fingerprint = self._fingerprint(name, template, context, relative_urls, url, kwargs)
            except NoFingerprintError:
                fingerprint = None
        path = sanitised_join(self.output_path, name) if name else ""
        if fingerprint and path not in self._written_files:
            data = previous_page(self.previous, name, fingerprint, self.old)
            if data is not None:
                reuse_file(self.previous / name, Path(path))
                self._written_files.add(path)
                self.new[name] = (fingerprint, hashlib.sha256(data).hexdigest())
                self.reused += 1
                return
        if path in self._written_files and os.path.lexists(path):
            # Pelican overwrites in place (``override_output``): never through a hard link
            # into the previous site, which stays whole until the new one replaces it.
            os.unlink(path)
        super().write_file(
            name,
            template,
            context,
            relative_urls=relative_urls,
            paginated=paginated,
            template_name=template_name,
            override_output=override_output,
            url=url,
            **kwargs,
        )
        if name:
            self.rendered += 1
            self.blind += 0 if fingerprint else 1
        if fingerprint:
            written = hashlib.sha256(Path(path).read_bytes()).hexdigest()
            self.new[name] = (fingerprint, written)

    def write_feed(self, elements: Any, context: dict[str, Any], *args: Any, **kwargs: Any) -> Any:
        """Pelican's, without the undated articles: a feed entry must carry a date, and an
        undated article has none to give (its stand-in, :data:`UNDATED`, would be a false
        one). Its page, the index and the archives still list it."""
        dated = [e for e in elements if not _undated(e)]
        return super().write_feed(dated, context, *args, **kwargs)

    def _paginates(self, template_name: str | None) -> bool:
        per_page = self.settings.get("PAGINATED_TEMPLATES", {}).get(template_name or "")
        return bool(per_page or (template_name and self.settings.get("DEFAULT_PAGINATION")))

    def _fingerprint(  # noqa: PLR0917  write_file's arguments, passed on as they came
        self,
        name: str,
        template: Any,
        context: dict[str, Any],
        relative_urls: bool,
        url: str | None,
        kwargs: dict[str, Any],
    ) -> str:
        kind = Path(template.name).stem
        if kind in self.OWN_INPUTS:
            inputs = {k: kwargs.get(k) for k in self.OWN_INPUTS[kind]}
        else:
            skip = {"articles", "dates", "all_articles", "paginated"}
            inputs = {k: v for k, v in kwargs.items() if k not in skip}
            inputs["corpus"] = self._corpus_key(context)
        page = {
            "base": self._base_key(context),
            "name": name,
            "template": template.name,
            "relative_urls": relative_urls,
            "url": url,
            "page_name": kwargs.get("page_name"),
            "inputs": inputs,
        }
        return digest(page, pelican_data)

    def _base_key(self, context: dict[str, Any]) -> str:
        """What every page depends on: theme files, generator code, Pelican, settings."""
        if not self._base:
            briefing = context.get("briefing") or {}
            self._base = digest(
                {
                    # templates only: static files (CSS, JS) are copied on every build anyway
                    "theme": files_fingerprint([Path(self.settings["THEME"]) / "templates"]),
                    "code": code_fingerprint(),
                    "pelican": pelican.__version__,
                    "settings": settings_fingerprint(
                        self.settings, ["OUTPUT_PATH", "BRIEFING_PREVIOUS_OUTPUT"]
                    ),
                    "pack": bool(briefing.get("pack")),
                }
            )
        return self._base

    def _corpus_key(self, context: dict[str, Any]) -> str:
        """What listing pages depend on: every article and every list built from them."""
        if not self._corpus:
            briefing = context.get("briefing") or {}
            # Each article's key covers its record (bytes, name), URL, metadata and links;
            # the people, Who-said-what and call-out lists follow from the records and URLs
            # alone. Threads are named from the words linked articles share, so they count.
            self._corpus = digest(
                {
                    "articles": context.get("articles", []),
                    "tags": _tag_lists(context.get("tags") or []),
                    "threads": briefing.get("threads"),
                    "summary": briefing.get("summary"),
                },
                pelican_data,
            )
        return self._corpus


def _tag_lists(tags: Any) -> list[tuple[str, Any]]:
    """Pelican's tags (a mapping or pairs of tag and articles) in a stable order."""
    pairs = tags.items() if hasattr(tags, "items") else tags
    return sorted(((str(tag), list(articles)) for tag, articles in pairs), key=lambda p: p[0])


def add_writer(pelican_object: Any) -> type[Writer]:
    return IncrementalWriter


def save_page_manifest(pelican_object: Any) -> None:
    """After writing: keep the fingerprints for the next build, and the counts for the report."""
    writer = pelican_object.settings.pop("_BRIEFING_WRITER", None)
    if isinstance(writer, IncrementalWriter):
        if writer.enabled:
            save_manifest(writer.manifest_file, writer.new)
        report = pelican_object.settings.get("_BRIEFING_REPORT")
        if isinstance(report, BuildReport):
            report.rendered, report.reused = writer.rendered, writer.reused


class BriefingPagesGenerator(Generator):  # type: ignore[misc]
    """Writes the thread, Who-said-what and people pages, the publishing files and the pack."""

    def generate_output(self, writer: Any) -> None:
        briefing = self.context.get("briefing")
        if not briefing:
            return
        for thread in briefing["threads"]:
            self._page(writer, "thread", thread["url"], thread=thread)
            for alias in thread["aliases"]:  # the addresses it had, or its parts had, before
                self._page(writer, "redirect", alias, thread=thread)
        self._page(writer, "quotes", "who-said-what.html")
        for person in briefing["people"]:
            self._page(writer, "person", person["url"], person=person)
        self._page(writer, "people", "people/index.html")
        self._write_publishing_files(writer, briefing)

    def _page(self, writer: Any, template: str, url: str, **values: Any) -> None:
        """Render one page of ours with the site's context, at ``url``."""
        writer.write_file(
            url,
            self.get_template(template),
            self.context,
            relative_urls=self.settings["RELATIVE_URLS"],
            page_name=url.removesuffix(".html"),
            url=url,
            **values,
        )

    def _write_publishing_files(self, writer: Any, briefing: dict[str, Any]) -> None:
        """robots.txt always; with an absolute SITEURL (publishing), sitemap.xml and one Atom
        feed per thread as well."""
        siteurl = str(self.settings.get("SITEURL", ""))
        output = Path(self.output_path)
        absolute = siteurl.startswith(("http://", "https://"))
        if briefing["settings"].private:  # private: no crawler is welcome, nothing is listed
            robots = "User-agent: *\nDisallow: /\n"
            (output / "robots.txt").write_text(robots, encoding="utf-8")
            return
        robots = "User-agent: *\nAllow: /\n" + (
            f"Sitemap: {siteurl}/sitemap.xml\n" if absolute else ""
        )
        (output / "robots.txt").write_text(robots, encoding="utf-8")
        if not absolute:
            return
        pelican_articles = briefing["pelican_articles"]
        pages = ["index.html", "archives.html", "who-said-what.html"]
        pages += [t["url"] for t in briefing["threads"]]
        entries = [(f"{siteurl}/{page}", None) for page in pages]
        entries += [
            (f"{siteurl}/{a.url}", a.record.date.isoformat() if a.record.date else None)
            for a in sorted(pelican_articles.values(), key=lambda a: a.url)
        ]
        lines = ['<?xml version="1.0" encoding="utf-8"?>']
        lines.append('<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">')
        for loc, lastmod in entries:
            modified = f"<lastmod>{lastmod}</lastmod>" if lastmod else ""
            lines.append(f"  <url><loc>{html.escape(loc)}</loc>{modified}</url>")
        lines.append("</urlset>")
        (output / "sitemap.xml").write_text("\n".join(lines) + "\n", encoding="utf-8")
        if not self.settings.get("FEED_DOMAIN"):
            return
        corpus = briefing["corpus"]
        for thread in corpus.threads:
            members = [pelican_articles[p] for p in thread.members if p in pelican_articles]
            for name in (thread.slug, *thread.aliases):  # a subscription to an old address lasts
                writer.write_feed(
                    sorted(members, key=lambda a: a.date, reverse=True),
                    self.context,
                    f"feeds/threads/{name}.atom.xml",
                    feed_title=f"{self.settings['SITENAME']}: {thread.title}",
                )


def start_pack_worker(settings: dict[str, Any]) -> None:
    """``initialized``: start the process that lays out ``briefing.pdf``, before any article
    is read. The pack's layout is the longest single task of a build, and adding one article
    changes the pack (its article count, at least): a worker that imports WeasyPrint while
    Pelican reads and links the articles takes most of a second off ``briefing add``."""
    if _pack_wanted(briefing_settings(settings)):
        settings["_BRIEFING_PACK_POOL"] = _pack_pool()


def _pack_wanted(settings: Settings) -> bool:
    """The settings ask for the pack, and WeasyPrint is installed."""
    return settings.pack and pack_available()


def _pack_pool() -> Any:
    """A worker process for the pack. A fresh interpreter ("spawn"), not a fork: ``briefing
    serve`` builds while its web server thread runs, and forking a threaded process is
    unsafe."""
    import multiprocessing  # noqa: PLC0415

    return multiprocessing.get_context("spawn").Pool(
        1, initializer=prepare_worker, initargs=(os.getpid(),)
    )


def start_pack(generator: Any, corpus: Corpus, settings: Settings) -> None:
    """Hand the pack's HTML to the worker, which lays it out while Pelican renders the pages
    (this machine has two cores). Pelican's own ``--autoreload`` builds many times after one
    ``initialized``: the later builds start a worker here."""
    pool = generator.settings.pop("_BRIEFING_PACK_POOL", None) or _pack_pool()
    summary = note_html(read_summary(Path(generator.path)))
    markup, count = pack_markup(corpus, settings, limit=settings.pack_limit, summary=summary)
    job = pool.apply_async(
        lay_out_pack,
        (markup, count, Path(generator.output_path) / "briefing.pdf"),
        {"reuse": cache_folder(Path(generator.path)) / "pack"},
    )
    generator.settings["_BRIEFING_PACK"] = (pool, job)


def finish_pack(pelican_object: Any) -> None:
    """At the end of the build: wait for the pack; a failure is a warning, not a lost site."""
    idle = pelican_object.settings.pop("_BRIEFING_PACK_POOL", None)
    if idle is not None:  # a worker no pack was handed to (a briefing with no articles)
        idle.terminate()
        idle.join()
    started = pelican_object.settings.pop("_BRIEFING_PACK", None)
    if started is None:
        return
    pool, job = started
    try:
        report = job.get(timeout=1800)
    except BuildError as error:
        logger.warning("briefing.pdf: %s", error)
    except Exception as error:
        logger.warning("briefing.pdf: the PDF pack could not be made (%s)", error)
    else:
        logger.info("briefing.pdf: %d articles on %d pages", report.articles, report.pages)
    finally:
        pool.terminate()
        pool.join()


def add_generators(pelican: Any) -> type[Generator]:
    return BriefingPagesGenerator


class SearchJob:
    """The search shards being indexed by Pagefind, one after another, in a thread of the
    build, so that they use the second core while Pelican writes the remaining pages."""

    def __init__(self, output: Path, jobs: list[tuple[str, list[str], str | None]]) -> None:
        from pagefind_bin import get_executable  # noqa: PLC0415

        binary = get_executable()
        if binary is None:
            raise OSError("the pagefind binary is missing from pagefind[bin]")
        self.output, self.jobs, self.binary = output, jobs, str(binary)
        self.done: list[tuple[str, str | None]] = []  # (manifest entry, fingerprint) indexed
        self.failure = ""
        self.process: subprocess.Popen[str] | None = None
        self.stopped = False
        self._lock = threading.Lock()  # no Pagefind starts once stop() has run
        self.thread = threading.Thread(target=self._run, name="pagefind", daemon=True)
        self.thread.start()

    def _run(self) -> None:
        for entry, names, key in self.jobs:
            command = [
                *(self.binary, "--site", str(self.output), "--glob", brace_glob(names)),
                *("--output-path", str(self.output / entry), "--silent"),
            ]
            try:
                with self._lock:
                    if self.stopped:
                        return
                    process = self.process = subprocess.Popen(
                        helper_command(command),
                        stdout=subprocess.PIPE,
                        stderr=subprocess.PIPE,
                        text=True,
                    )
                stdout, stderr = process.communicate(timeout=600)
            except subprocess.TimeoutExpired:
                self.stop()
                process.communicate()
                self.failure = "Pagefind took over 10 minutes"
                return
            except OSError as error:
                self.failure = f"Pagefind could not run ({error})"
                return
            if process.returncode != 0 or not (self.output / entry / "pagefind.js").is_file():
                lines = (stderr or stdout).strip().splitlines()[-1:] or ["no output"]
                self.failure = f"Pagefind failed on {entry} ({lines[0]})"
                return
            self.done.append((entry, key))

    def stop(self) -> None:
        """The build failed: stop indexing (the staging folder is about to go)."""
        with self._lock:
            self.stopped = True
            if self.process is not None and self.process.poll() is None:
                self.process.kill()

    def wait(self) -> None:
        self.thread.join()


def _shard_key(writer: IncrementalWriter, entry: str, names: list[str]) -> str | None:
    """What a shard's index depends on: its pages' searchable content (the article's inputs
    but its links), the templates, code and settings, and Pagefind's version. None if some
    page's content could not be fingerprinted."""
    if not writer.enabled or not writer._base:
        return None
    keys = [writer.search_keys.get(name) for name in names]
    if None in keys:
        return None
    from importlib.metadata import version  # noqa: PLC0415

    return digest(
        {
            "entry": entry,
            "base": writer._base,
            "pages": list(zip(names, keys, strict=True)),
            "pagefind": version("pagefind"),
        }
    )


def search_index_after_articles(generator: Any, writer: Any) -> None:
    """``article_writer_finalized``: start the search index if no later page has yet."""
    if isinstance(writer, IncrementalWriter) and not writer.search_started:
        start_search_index(Path(generator.output_path), generator.settings, writer)


def start_search_index(output: Path, settings: dict[str, Any], writer: IncrementalWriter) -> None:
    """Once the article pages are written: each search shard is copied from the previous
    site if its pages' searchable content is unchanged, else indexed by Pagefind in the
    background (see :mod:`generator.search`)."""
    writer.search_started = True
    jobs: list[tuple[str, list[str], str | None]] = []
    for shard, names in (settings.get("_BRIEFING_SHARDS") or {}).items():
        entry = f"{SEARCH_FOLDER}/{shard}/"
        key = _shard_key(writer, entry, names)
        kept = writer.old.get(entry)
        previous = writer.previous / entry
        if (
            key
            and kept is not None
            and kept[0] == key
            and previous.is_dir()
            and files_fingerprint([previous]) == kept[1]
        ):
            reuse_folder(previous, output / entry)
            writer.new[entry] = kept
        else:
            jobs.append((entry, names, key))
    if not jobs:
        return
    try:
        settings["_BRIEFING_PAGEFIND"] = SearchJob(output, jobs)
    except (ImportError, OSError) as error:
        logger.warning("search: Pagefind could not run (%s); the site has no search index", error)


def finish_search_index(pelican_object: Any) -> None:
    """Wait for Pagefind, say so if it failed, and remember the shards for the next build."""
    job = pelican_object.settings.pop("_BRIEFING_PAGEFIND", None)
    if not isinstance(job, SearchJob):
        return
    job.wait()
    if job.failure:
        logger.warning("search: %s; the site's search is incomplete", job.failure)
    writer = pelican_object.settings.get("_BRIEFING_WRITER")
    if isinstance(writer, IncrementalWriter):
        for entry, key in job.done:
            if key:
                writer.new[entry] = (key, files_fingerprint([job.output / entry]))


def finish_build(pelican_object: Any) -> None:
    """After all writing, in this order: the search index, the PDF pack, then the manifest
    of what was written (so it describes the search index too)."""
    finish_search_index(pelican_object)
    finish_pack(pelican_object)
    save_page_manifest(pelican_object)


def register() -> None:
    signals.initialized.connect(check_settings)
    signals.readers_init.connect(add_reader)
    signals.article_generator_init.connect(find_copies)
    signals.article_generator_finalized.connect(link_articles)
    signals.get_generators.connect(add_generators)
    signals.get_writer.connect(add_writer)
    signals.article_writer_finalized.connect(search_index_after_articles)
    signals.finalized.connect(finish_build)


class _Collector(logging.Handler):
    """Keeps the warnings and errors of one build so the command can report and judge them."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


def run_pelican(
    settings_file: Path,
    content: Path,
    output: Path,
    previous: Path | None = None,
    report: BuildReport | None = None,
) -> list[logging.LogRecord]:
    """One Pelican build of ``content`` into ``output``; returns its warnings and errors.

    With ``previous`` (the site being replaced), unchanged pages are copied from it instead of
    rendered. ``report``, if given, receives what the build did (see :class:`BuildReport`).
    """
    from pelican import Pelican  # noqa: PLC0415 - imported late: only builds need it
    from pelican.settings import read_settings  # noqa: PLC0415

    settings = read_settings(
        str(settings_file),
        override={
            "PATH": str(content.resolve()),
            "OUTPUT_PATH": str(output.resolve()),
            "DELETE_OUTPUT_DIRECTORY": False,
            "BRIEFING_PREVIOUS_OUTPUT": str(previous.resolve()) if previous else "",
        },
    )
    settings["_BRIEFING_REPORT"] = report  # filled in by the hooks: counts, the corpus
    jinja = settings.get("JINJA_ENVIRONMENT") or {}
    if briefing_settings(settings).cache and "bytecode_cache" not in jinja:
        # Each of Pelican's generators compiles every template it uses, on every build;
        # Jinja's own cache (keyed by each template's source) keeps the compiled code.
        from jinja2 import FileSystemBytecodeCache  # noqa: PLC0415

        folder = cache_folder(content.resolve()) / "templates"
        folder.mkdir(parents=True, exist_ok=True)
        settings["JINJA_ENVIRONMENT"] = {
            **jinja,
            "bytecode_cache": FileSystemBytecodeCache(str(folder)),
        }
    collector = _Collector()
    root = logging.getLogger()
    root.addHandler(collector)
    try:
        Pelican(settings).run()
    finally:
        root.removeHandler(collector)
        search = settings.pop("_BRIEFING_PAGEFIND", None)
        if isinstance(search, SearchJob):  # the build failed after Pagefind started: stop it
            search.stop()
            search.wait()
        pack = settings.pop("_BRIEFING_PACK", None)
        idle = settings.pop("_BRIEFING_PACK_POOL", None)
        for pool in (pack[0] if pack else None, idle):
            if pool is not None:  # ... or after the pack's worker started
                pool.terminate()
                pool.join()
    return collector.records
