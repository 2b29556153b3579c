"""The briefing pack: one PDF for a meeting, made with WeasyPrint from the linked corpus.

Cover, table of contents with page numbers (``target-counter``), thread timelines, every
article on a new page with its call-outs, running headers and "Page X of Y", and the Who
said what appendix. Passage links become "see p. N" references to the paragraph they point at.

The pack is HTML rendered from ``theme/templates/pack.html`` (the theme formats; this module
only decides what goes in), then laid out by WeasyPrint.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import os
import re
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jinja2

from .analyst import note_html
from .errors import BuildError
from .model import Article, Corpus, CrossLink, Thread
from .settings import Settings
from .view import date_fields

THEME = Path(__file__).resolve().parent.parent / "theme"


def _anchor(path: str) -> str:
    return "a-" + re.sub(r"[^a-z0-9]+", "-", path.lower()).strip("-")


def build_date(corpus: Corpus) -> dt.date:
    """The date a pack is "made on", as a reader of the handout understands it: today (UTC),
    or ``SOURCE_DATE_EPOCH`` if set (reproducible builds). The cover gives the newest
    article's date beside it ("articles up to ..."): the two are different facts. (The pack
    used to print the newest article's date as "Made on", which a handout printed years
    later contradicted.) The same content on the same day gives the same bytes."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), tz=dt.UTC).date()
    return dt.datetime.now(dt.UTC).date()


def pick_thread(corpus: Corpus, name: str) -> Thread:
    """A thread by its slug or by words of its title; a clear error if none or several match."""
    wanted = name.casefold()
    found = [
        t for t in corpus.threads if name in (t.slug, *t.aliases) or wanted in t.title.casefold()
    ]
    if len(found) != 1:
        known = ", ".join(t.slug for t in corpus.threads) or "none"
        problem = "no thread" if not found else "more than one thread"
        raise BuildError(f"{problem} matches {name!r}; threads: {known}")
    return found[0]


def newest(articles: list[Article], limit: int) -> list[Article]:
    """The newest ``limit`` of articles in date order (the undated last): the dated come
    first, newest first, and undated ones fill the places left, since nothing says they are
    recent. Kept in the order given.

    >>> day = dt.date
    >>> pieces = [Article(p, "", p, d, None, ()) for p, d in
    ...           [("a", day(2018, 8, 27)), ("b", day(2022, 1, 20)), ("u", None)]]
    >>> [a.path for a in newest(pieces, 1)], [a.path for a in newest(pieces, 2)]
    (['b'], ['a', 'b'])
    >>> [a.path for a in newest(pieces[:1] + pieces[2:], 2)]  # room left: the undated too
    ['a', 'u']
    """
    dated = [a for a in articles if a.date is not None]
    undated = [a for a in articles if a.date is None]
    chosen = {a.path for a in [*dated[::-1], *undated][:limit]}
    return [a for a in articles if a.path in chosen]


def pack_context(
    corpus: Corpus,
    settings: Settings,
    generated: dt.date,
    thread: Thread | None = None,
    limit: int = 0,
    *,
    summary: str = "",
) -> dict[str, Any]:
    """Everything the pack template shows, already chosen and ordered: the articles of the
    briefing (or of one thread), only the newest ``limit`` of them when ``limit`` is set."""
    members = set(thread.members) if thread else {a.path for a in corpus.articles}
    articles = sorted(
        (a for a in corpus.articles if a.path in members),
        key=lambda a: (a.date is None, a.date or dt.date.min, a.path),
    )
    total = len(articles)
    if 0 < limit < total:
        articles = newest(articles, limit)
    anchors = {a.path: _anchor(a.path) for a in articles}
    by_path = {a.path: a for a in articles}
    outgoing: dict[str, list[CrossLink]] = {}
    for link in corpus.links:
        if link.source in anchors and link.target in anchors:
            outgoing.setdefault(link.source, []).append(link)
    views = []
    for article in articles:
        passages: dict[int, list[dict[str, Any]]] = {}
        for link in outgoing.get(article.path, []):
            for passage in link.passages:
                passages.setdefault(passage.source_paragraph, []).append(
                    {
                        "href": f"#{anchors[link.target]}-p{passage.target_paragraph + 1}",
                        "title": by_path[link.target].title,
                        "score": passage.score,
                    }
                )
        views.append(
            {
                "anchor": anchors[article.path],
                "record": article,
                **date_fields(article.date),
                "paragraphs": [
                    {
                        "anchor": f"{anchors[article.path]}-p{i + 1}",
                        "text": text,
                        "links": sorted(passages.get(i, []), key=lambda v: -v["score"])[:1],
                    }
                    for i, text in enumerate(article.paragraphs)
                ],
                "callouts": [article.quotes[i] for i in article.callouts],
                "note": note_html(article.note),
            }
        )
    threads = [t for t in corpus.threads if thread is None or t.slug == thread.slug]
    speakers: dict[str, list[dict[str, Any]]] = {}
    for article in articles:
        for quote in article.quotes:
            if quote.kind == "full" and quote.speaker:
                speakers.setdefault(quote.speaker, []).append(
                    {
                        "text": quote.text,
                        "href": f"#{anchors[article.path]}-p{quote.paragraph + 1}",
                        "title": article.title,
                        **date_fields(article.date),
                    }
                )
    dates = [a.date for a in articles if a.date]
    return {
        "title": thread.title if thread else settings.title,
        "briefing_title": settings.title,
        "paper": settings.paper,
        "generated": date_fields(generated),
        "summary": summary if thread is None else "",  # the briefing's, on its own pack
        "count": len(articles),
        "undated": sum(a.date is None for a in articles),
        "total": total,
        "start": date_fields(min(dates) if dates else None),
        "end": date_fields(max(dates) if dates else None),
        "articles": views,
        "threads": [
            {
                "title": t.title,
                "entries": [
                    {"anchor": anchors[p], "record": by_path[p], **date_fields(by_path[p].date)}
                    for p in t.members
                    if p in by_path
                ],
            }
            for t in threads
        ],
        "speakers": sorted(speakers.items(), key=lambda kv: (-len(kv[1]), kv[0])),
    }


def pack_html(context: dict[str, Any]) -> str:
    environment = jinja2.Environment(
        loader=jinja2.FileSystemLoader(THEME / "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
    )
    css = (THEME / "static" / "css" / "pack.css").read_text(encoding="utf-8")
    return environment.get_template("pack.html").render(**context, css=css)


def pack_available() -> bool:
    """Is WeasyPrint installed? Found without importing it (importing takes most of a second);
    if the system lacks Pango, :func:`write_pack` says so when it runs."""
    import importlib.util  # noqa: PLC0415

    return importlib.util.find_spec("weasyprint") is not None


def prepare_worker(parent: int) -> None:
    """A pack worker's start: die with the build process ``parent``, and import WeasyPrint
    now (most of a second), while the build is still reading and linking the articles, so
    that the layout starts as soon as the pack's HTML arrives. An import that fails is
    reported by :func:`lay_out_pack`, which tries again."""
    from .children import die_with_parent  # noqa: PLC0415

    die_with_parent(parent)
    with contextlib.suppress(ImportError, OSError):
        import weasyprint  # noqa: F401, PLC0415


@dataclass(frozen=True)
class PackReport:
    path: Path
    articles: int
    pages: int


def pack_markup(
    corpus: Corpus,
    settings: Settings,
    *,
    thread: str | None = None,
    generated: dt.date | None = None,
    limit: int = 0,
    summary: str = "",
) -> tuple[str, int]:
    """The pack's HTML and how many articles it holds (quick: WeasyPrint is not involved).
    ``summary`` is the analyst's summary as HTML (:func:`generator.analyst.note_html`)."""
    chosen = pick_thread(corpus, thread) if thread else None
    made = generated or build_date(corpus)
    context = pack_context(corpus, settings, made, chosen, limit, summary=summary)
    return pack_html(context), context["count"]


def write_pack(
    corpus: Corpus,
    settings: Settings,
    output: Path,
    *,
    thread: str | None = None,
    generated: dt.date | None = None,
    limit: int = 0,
    reuse: Path | None = None,
    summary: str = "",
) -> PackReport:
    """Lay out the pack and write the PDF to ``output`` (see :func:`lay_out_pack`)."""
    markup, count = pack_markup(
        corpus, settings, thread=thread, generated=generated, limit=limit, summary=summary
    )
    return lay_out_pack(markup, count, output, reuse=reuse)


def lay_out_pack(markup: str, count: int, output: Path, *, reuse: Path | None = None) -> PackReport:
    """Lay out the pack's HTML with WeasyPrint and write the PDF to ``output`` (written next
    to it, then renamed). The slow part, so a build runs it in a second process, handing over
    only this HTML, not the corpus (at 10,000 articles, pickling the corpus for the worker cost
    the build about 5 s and 150 MB).

    With ``reuse`` (a folder), a PDF laid out before from byte-identical HTML by the same
    WeasyPrint is copied instead of laid out again.
    """
    try:
        import weasyprint  # noqa: PLC0415 - heavy; only the pack needs it
    except (ImportError, OSError) as error:  # OSError: Pango missing from the system
        raise BuildError(
            f"WeasyPrint cannot run here ({error}); the PDF pack was not made"
        ) from error
    output.parent.mkdir(parents=True, exist_ok=True)
    partial = output.with_name(f".{output.name}.partial")
    key = hashlib.sha256(f"{weasyprint.__version__}\n{markup}".encode()).hexdigest()
    kept = reuse / f"pack-{key}.pdf" if reuse else None
    if kept and kept.is_file():
        pages = _pdf_pages(kept)
        if pages:
            with contextlib.suppress(OSError):
                os.utime(kept)  # used: the newest are the ones kept
            shutil.copyfile(kept, partial)
            partial.replace(output)
            return PackReport(output, count, pages)
    document = weasyprint.HTML(string=markup, base_url=str(THEME)).render()
    document.write_pdf(partial)
    partial.replace(output)
    if kept:
        _keep(output, kept, len(document.pages))
    return PackReport(output, count, len(document.pages))


def _pdf_pages(path: Path) -> int:
    """The page count written beside a kept PDF (0 if missing or damaged)."""
    try:
        return int(path.with_suffix(".pages").read_text(encoding="ascii"))
    except (OSError, ValueError):
        return 0


def _keep(pdf: Path, kept: Path, pages: int, keep: int = 3) -> None:
    """Store a copy of the PDF for reuse, with its page count; drop all but the newest few."""
    try:
        kept.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(pdf, kept.with_suffix(".partial"))
        kept.with_suffix(".pages").write_text(str(pages), encoding="ascii")
        kept.with_suffix(".partial").replace(kept)
        old = sorted(kept.parent.glob("pack-*.pdf"), key=lambda p: p.stat().st_mtime)[:-keep]
        for path in old:
            path.unlink(missing_ok=True)
            path.with_suffix(".pages").unlink(missing_ok=True)
    except OSError:
        pass  # a read-only disk only costs speed
