"""The only module that imports Pelican: a reader for raw pastes, and the corpus hooks.

* ``readers_init``: :class:`RawArticleReader` reads pastes (``.txt``), Markdown and saved pages through parse -> clean -> quotes.
* ``article_generator_finalized``: once every article is read, the links stage runs over
  the whole corpus and each Pelican article gets ``article.briefing`` (a view dict).
* ``get_generators``: :class:`BriefingPagesGenerator` writes thread timelines and the
  "Who said what" page.

Receivers are module-level functions because Pelican holds them by weak reference.
"""

from __future__ import annotations

import datetime as dt
import html
import logging
import subprocess
import sys
from pathlib import Path
from typing import Any, ClassVar

import nh3
from pelican import signals
from pelican.generators import ArticlesGenerator, Generator
from pelican.readers import BaseReader
from pelican.utils import SafeDatetime

from .cache import cache_folder, process_file_cached
from .errors import BuildError, InputError
from .links import link_corpus, passage_anchor
from .model import Article
from .pack import pack_available, write_pack
from .pipeline import process_file
from .settings import Settings, load_settings
from .slugs import article_slug
from .view import article_views, people_views, speaker_views, thread_views

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


class RawArticleReader(BaseReader):  # type: ignore[misc]
    """Reads a raw pasted article (``.txt``) into Pelican content and metadata."""

    enabled = True
    file_extensions: ClassVar[list[str]] = ["txt", "text", "md", "markdown", "html", "htm"]

    def read(self, source_path: str) -> tuple[str, dict[str, Any]]:
        content_root = Path(self.settings["PATH"]).resolve()
        path = Path(source_path)
        try:
            label = path.resolve().relative_to(content_root).as_posix()
        except ValueError:
            label = path.name
        try:
            settings = briefing_settings(self.settings)
            if settings.cache:  # per-article results survive between builds
                article = process_file_cached(path, label, settings, cache_folder(content_root))
            else:
                article = process_file(path, label, settings)
            if article.date is None:
                raise InputError(
                    label, "no date found", "add a first line such as ' date 2022-01-20'"
                )
        except InputError as error:
            # Name the file and the problem, skip it, and let the rest of the site build.
            logger.error("%s", error)
            return "", {"status": "skip", "title": label}
        for warning in article.warnings:
            logger.warning("%s: %s", label, warning)
        if article.date > dt.date.today():
            logger.warning("%s: the date %s is in the future; check it", label, article.date)
        seen: dict[str, str] = self.settings.setdefault("_BRIEFING_SEEN", {})
        if article.sha256 in seen:
            logger.error(
                "%s: the same text as %s; only the first is published", label, seen[article.sha256]
            )
            return "", {"status": "skip", "title": label}
        seen[article.sha256] = label
        slug = article_slug(article)
        if slug in seen:  # another article has this date and title: keep both, apart
            slug = f"{slug}-{article.sha256[:6]}"
        seen[slug] = label
        metadata: dict[str, Any] = {
            "title": article.title,
            "date": SafeDatetime(article.date.year, article.date.month, article.date.day),
            "slug": slug,
            "summary": html.escape(article.standfirst or article.paragraphs[0], quote=False),
            "record": article,
        }
        labels = [x for x in (article.section, article.source) if x and "," not in x]
        if labels:  # tags: the outlet and the section label, as printed
            metadata["tags"] = self.process_metadata("tags", ", ".join(dict.fromkeys(labels)))
        for key in ("source", "dateline", "section", "url", "standfirst", "caption", "credit"):
            value = getattr(article, key)
            if value:
                metadata[f"briefing_{key}"] = value
        return body_html(article), metadata


def add_reader(readers: Any) -> None:
    for extension in RawArticleReader.file_extensions:
        readers.reader_classes[extension] = RawArticleReader


def check_settings(pelican: Any) -> None:
    """Validate ``BRIEFING`` once, before any file is read; a bad key stops the build."""
    briefing_settings(pelican.settings)


def link_articles(generator: ArticlesGenerator) -> None:
    """After all reading: cross-links, passages and threads over the whole corpus."""
    settings = briefing_settings(generator.settings)
    pelican_articles = [a for a in generator.articles if hasattr(a, "record")]
    for article in generator.articles:
        for translation in getattr(article, "translations", []):
            if hasattr(translation, "record"):
                pelican_articles.append(translation)
    corpus = link_corpus([a.record for a in pelican_articles], settings)
    urls = {a.record.path: a.url for a in pelican_articles}
    thread_urls = {t.slug: f"threads/{t.slug}.html" for t in corpus.threads}
    views = article_views(corpus, urls)
    for article in pelican_articles:
        article.briefing = views[article.record.path]
    generator.context["briefing"] = {
        "settings": settings,
        "threads": thread_views(corpus, urls, thread_urls),
        "speakers": speaker_views(corpus, urls),
        "people": people_views(corpus, urls),
        "callouts": [
            {**c, "article_url": urls[a.path]}
            for a in sorted(corpus.articles, key=lambda a: (a.date or dt.date.min, a.path))
            for c in views[a.path]["callouts"][:1]
            if a.path in views
        ],
        "corpus": corpus,
        "pack": settings.pack and pack_available(),
        "pelican_articles": {a.record.path: a for a in pelican_articles},
    }


class BriefingPagesGenerator(Generator):  # type: ignore[misc]
    """Writes the thread, Who-said-what and people pages, the publishing files and the pack."""

    def generate_output(self, writer: Any) -> None:
        briefing = self.context.get("briefing")
        if not briefing:
            return
        for thread in briefing["threads"]:
            self._page(writer, "thread", thread["url"], thread=thread)
        self._page(writer, "quotes", "who-said-what.html")
        for person in briefing["people"]:
            self._page(writer, "person", person["url"], person=person)
        self._page(writer, "people", "people/index.html")
        self._write_publishing_files(writer, briefing)
        if briefing["pack"]:
            output = Path(self.output_path) / "briefing.pdf"
            try:
                report = write_pack(briefing["corpus"], briefing["settings"], output)
            except BuildError as error:
                logger.warning("briefing.pdf: %s", error)
            else:
                logger.info("briefing.pdf: %d articles on %d pages", report.articles, report.pages)

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
            (f"{siteurl}/{a.url}", a.record.date.isoformat())
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
            path = f"feeds/threads/{thread.slug}.atom.xml"
            writer.write_feed(
                sorted(members, key=lambda a: a.date, reverse=True),
                self.context,
                path,
                feed_title=f"{self.settings['SITENAME']}: {thread.title}",
            )


def add_generators(pelican: Any) -> type[Generator]:
    return BriefingPagesGenerator


def index_for_search(pelican: Any) -> None:
    """At the end of the build: Pagefind's offline search index over the article pages."""
    output = Path(pelican.output_path)
    command = [sys.executable, "-m", "pagefind", "--site", str(output), "--silent"]
    try:
        result = subprocess.run(command, capture_output=True, text=True, timeout=600, check=False)
    except (OSError, subprocess.TimeoutExpired) as error:
        logger.warning("search: Pagefind could not run (%s); the site has no search index", error)
        return
    if result.returncode != 0 or not (output / "pagefind" / "pagefind-ui.js").is_file():
        message = (result.stderr or result.stdout).strip().splitlines()[-1:] or ["no output"]
        logger.warning("search: Pagefind failed (%s); the site has no search index", message[0])


def register() -> None:
    signals.initialized.connect(check_settings)
    signals.readers_init.connect(add_reader)
    signals.article_generator_finalized.connect(link_articles)
    signals.get_generators.connect(add_generators)
    signals.finalized.connect(index_for_search)


class _Collector(logging.Handler):
    """Keeps the warnings and errors of one build so the command can report and judge them."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


def run_pelican(settings_file: Path, content: Path, output: Path) -> list[logging.LogRecord]:
    """One Pelican build of ``content`` into ``output``; returns its warnings and errors."""
    from pelican import Pelican  # noqa: PLC0415 - imported late: only builds need it
    from pelican.settings import read_settings  # noqa: PLC0415

    settings = read_settings(
        str(settings_file),
        override={
            "PATH": str(content.resolve()),
            "OUTPUT_PATH": str(output.resolve()),
            "DELETE_OUTPUT_DIRECTORY": False,
        },
    )
    collector = _Collector()
    root = logging.getLogger()
    root.addHandler(collector)
    try:
        Pelican(settings).run()
    finally:
        root.removeHandler(collector)
    return collector.records
