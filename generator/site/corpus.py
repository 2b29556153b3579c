"""``article_generator_finalized``: once every article is read, the corpus-level work.

Cross-links, passages and threads over the whole corpus (:func:`generator.links.link_corpus`),
each Pelican article's view (``article.briefing``) and render keys, the lists in a total
order, and the context the templates of the whole briefing read (``briefing``).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from pelican.contents import Content
from pelican.generators import ArticlesGenerator
from pelican.urlwrappers import URLWrapper

from ..analyst import note_html, read_summary
from ..build import BuildReport
from ..incremental import NoFingerprintError, digest
from ..links import link_corpus
from ..model import Article
from ..search import bundle_urls, plan_shards
from ..view import (
    archive_years,
    article_views,
    people_views,
    quote_view,
    speaker_views,
    thread_views,
)
from .config import briefing_settings
from .pack_job import pack_wanted, start_pack


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
    pack = pack_wanted(settings)
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


def undated(article: Any) -> bool:
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
