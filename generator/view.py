"""What templates receive: plain dicts built from the records, already sorted and chosen.

Templates only format. Everything a page lists (which links, in which order, which
quotes) is decided here, from a :class:`Corpus` and the URL Pelican gave each article.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from collections.abc import Mapping, Sequence
from typing import Any

from .analyst import note_html
from .attribution import is_person_name
from .links import RELATIONS, passage_anchor
from .model import Article, Corpus, CrossLink, Quote
from .people import Merge, corpus_names

View = dict[str, Any]


def date_fields(date: dt.date | None) -> View:
    """ISO and human labels for a date: ``2018-08-27`` and ``27 August 2018``."""
    if date is None:
        return {"date": None, "date_iso": "", "date_label": "Date unknown"}
    return {"date": date, "date_iso": date.isoformat(), "date_label": f"{date.day} {date:%B %Y}"}


def archive_years(items: Sequence[tuple[dt.date | None, Any]]) -> list[View]:
    """The archive's sections: one per year, in the order given (newest first), then one
    "Date unknown" section for the undated, last whatever their place in ``items``.

    >>> when = dt.date
    >>> [(v["heading"], v["anchor"], v["articles"]) for v in archive_years(
    ...     [(when(2022, 1, 20), "b"), (None, "u"), (when(2022, 1, 2), "c"), (when(2018, 8, 27), "a")]
    ... )]
    [('2022', 'y2022', ['b', 'c']), ('2018', 'y2018', ['a']), ('Date unknown', 'undated', ['u'])]
    """
    sections: list[View] = []
    undated = [item for date, item in items if date is None]
    for date, item in items:
        if date is None:
            continue
        if not sections or sections[-1]["year"] != date.year:
            sections.append(
                {
                    "year": date.year,
                    "heading": str(date.year),
                    "anchor": f"y{date.year}",
                    "articles": [],
                }
            )
        sections[-1]["articles"].append(item)
    if undated:
        sections.append(
            {"year": None, "heading": "Date unknown", "anchor": "undated", "articles": undated}
        )
    return sections


def quote_view(article: Article, quote: Quote, url: str) -> View:
    return {
        "text": quote.text,
        "speaker": quote.speaker,
        "mention": quote.mention,
        "kind": quote.kind,
        "anchor": passage_anchor(quote.paragraph),
        "url": f"{url}#{passage_anchor(quote.paragraph)}",
        **date_fields(article.date),
        "title": article.title,
        "source": article.source,
    }


def article_views(corpus: Corpus, urls: Mapping[str, str]) -> dict[str, View]:
    """Per article: body paragraphs with passage links, call-outs, and the link lists."""
    by_path = {a.path: a for a in corpus.articles}

    refs: dict[str, View] = {}  # each article is linked to from many pages: made once

    def ref(path: str) -> View:
        if path not in refs:
            a = by_path[path]
            refs[path] = {"url": urls[path], "title": a.title, "source": a.source}
            refs[path].update(date_fields(a.date))
        return refs[path]

    excerpts: dict[tuple[str, int], str] = {}  # a paragraph is often the target of many links

    def excerpt_of(path: str, paragraph: int) -> str:
        if (path, paragraph) not in excerpts:
            excerpts[(path, paragraph)] = excerpt(by_path[path].paragraphs[paragraph])
        return excerpts[(path, paragraph)]

    by_source: dict[str, list[CrossLink]] = defaultdict(list)
    for link in corpus.links:
        if link.target in urls:
            by_source[link.source].append(link)
    views: dict[str, View] = {}
    for article in corpus.articles:
        if article.path not in urls:
            continue
        url = urls[article.path]
        outgoing = by_source.get(article.path, [])
        passages: dict[int, list[tuple[float, View]]] = defaultdict(list)
        groups: dict[str, list[View]] = {g: [] for g in (*RELATIONS, "related")}
        for link in outgoing:
            target = ref(link.target)
            group = shown_relation(link.relation, article.date, target["date"])
            groups[group].append({**target, "reasons": list(link.reasons)})
            for passage in link.passages:  # hundreds of thousands in a large briefing: small
                passages[passage.source_paragraph].append(
                    (
                        passage.score,
                        {
                            "url": f"{target['url']}#{passage_anchor(passage.target_paragraph)}",
                            "source": target["source"],
                            "date_label": target["date_label"],
                            "paragraph": passage.target_paragraph + 1,
                            "excerpt": excerpt_of(link.target, passage.target_paragraph),
                        },
                    )
                )
        for items in groups.values():
            items.sort(key=lambda v: (v["date"] or dt.date.max, v["title"] or ""))
        views[article.path] = ArticleView(
            record=article,
            url=url,
            **date_fields(article.date),
            paragraphs=[
                {
                    "anchor": passage_anchor(i),
                    "text": text,
                    "links": _by_strength(passages.get(i, [])),
                }
                for i, text in enumerate(article.paragraphs)
            ],
            earlier=groups["earlier"],
            later=groups["later"],
            also_reported=groups["same-report"],
            related=groups["related"],
        )
    return views


_SENTENCE = re.compile(r"(.+?[.!?][\N{RIGHT DOUBLE QUOTATION MARK}\"']?)\s")


def excerpt(text: str, limit: int = 180) -> str:
    """A short excerpt of a paragraph, shown beside a passage link in a ``<q>`` (which adds
    the quotation marks): its first sentence when that is short enough, else its start cut
    at a word, with an ellipsis. Quotation marks inside become single ones, as a quote
    within a quote; a quotation cut short is closed.

    >>> excerpt("Macron spoke. He said more, and then more again.", limit=30)
    'Macron spoke.'
    >>> excerpt("One long sentence that goes on and on without an end in sight", limit=30)
    'One long sentence that goes\N{HORIZONTAL ELLIPSIS}'
    >>> excerpt('"Europe can no longer rely on the US. It is up to us," he said.', limit=40)
    'Europe can no longer rely on the US.'
    >>> excerpt('\N{LEFT DOUBLE QUOTATION MARK}We are recruiting,\N{RIGHT DOUBLE QUOTATION MARK} said Anna Kovac.')
    '\N{LEFT SINGLE QUOTATION MARK}We are recruiting,\N{RIGHT SINGLE QUOTATION MARK} said Anna Kovac.'
    >>> excerpt('He said "we must talk to Russia about all of it" on Monday in Paris', limit=30)
    'He said \N{LEFT SINGLE QUOTATION MARK}we must talk to\N{HORIZONTAL ELLIPSIS}\N{RIGHT SINGLE QUOTATION MARK}'
    """
    text = " ".join(text.split())
    first = _SENTENCE.match(text + " ")
    if first and len(first[1]) <= limit:
        part = first[1]
    elif len(text) <= limit:
        part = text
    else:
        part = text[:limit].rsplit(" ", 1)[0].rstrip(",;:") + "\N{HORIZONTAL ELLIPSIS}"
    if part[:1] in _OPENING:  # the <q> gives the outer marks, if the quotation is the whole
        close = next((k for k in range(1, len(part)) if part[k] in _CLOSING), None)
        if close is None or not part[close + 1 :].strip(".,;:!?\N{HORIZONTAL ELLIPSIS} "):
            part = part[1:].rstrip("".join(_CLOSING))
    opened = closed = 0
    out = []
    for char in part:
        if char in _OPENING and (char != '"' or opened == closed):
            opened += 1
            out.append("\N{LEFT SINGLE QUOTATION MARK}")
        elif char in _CLOSING:
            closed += 1
            out.append("\N{RIGHT SINGLE QUOTATION MARK}")
        else:
            out.append(char)
    return "".join(out) + "\N{RIGHT SINGLE QUOTATION MARK}" * (opened > closed)


_OPENING = ('"', "\N{LEFT DOUBLE QUOTATION MARK}")
_CLOSING = ('"', "\N{RIGHT DOUBLE QUOTATION MARK}")


def shown_relation(relation: str, source: dt.date | None, target: dt.date | None) -> str:
    """Where a page lists a link: under its relation, except that "earlier" and "later"
    claim an order that an undated article cannot have: such links are ``related``.

    >>> when = dt.date(2022, 1, 20)
    >>> shown_relation("later", when, when), shown_relation("later", None, when)
    ('later', 'related')
    >>> shown_relation("same-report", when, None)
    'same-report'
    """
    if relation != "same-report" and (source is None or target is None):
        return "related"
    return relation


class ArticleView(dict[str, Any]):
    """An article page's view. The links are made at once (a rebuild compares them); the
    call-outs, quotes and JSON-LD follow from the record alone and are made when a template
    first reads them, since most pages of a rebuild are copied, not rendered."""

    def __missing__(self, key: str) -> Any:
        article, url = self["record"], self["url"]
        if key == "callouts":
            value: Any = [quote_view(article, article.quotes[i], url) for i in article.callouts]
        elif key == "quotes":
            value = [quote_view(article, q, url) for q in article.quotes if q.kind == "full"]
        elif key == "json_ld":
            value = news_article(article)
        elif key == "note":  # the analyst's, as HTML through an allow-list
            value = note_html(article.note)
        else:
            raise KeyError(key)
        self[key] = value
        return value


def _by_strength(passages: list[tuple[float, View]]) -> list[View]:
    """Strongest first. Scores only order the list: a page shows no score, so none is kept
    (a score drifts whenever an article is added, and would make every page look changed)."""
    return [view for _, view in sorted(passages, key=lambda item: -item[0])]


def news_article(article: Article) -> View:
    """schema.org ``NewsArticle`` for the page's JSON-LD block (templates serialise it)."""
    data: View = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": article.title,
        "datePublished": article.date.isoformat() if article.date else None,
        "mentions": [{"@type": "Person", "name": name} for name in article.people if " " in name],
    }
    if article.source:
        data["publisher"] = {"@type": "Organization", "name": article.source}
    if article.url:
        data["isBasedOn"] = article.url
    if article.byline:
        data["author"] = {"@type": "Person", "name": article.byline}
    return {k: v for k, v in data.items() if v not in (None, [])}


def thread_views(
    corpus: Corpus, urls: Mapping[str, str], thread_urls: Mapping[str, str]
) -> list[View]:
    """Story threads as dated timelines, each entry with its key call-out."""
    by_path = {a.path: a for a in corpus.articles}
    out = []
    for thread in corpus.threads:
        entries = []
        for path in thread.members:
            if path not in urls:
                continue
            article = by_path[path]
            key = article.quotes[article.callouts[0]] if article.callouts else None
            entries.append(
                {
                    "url": urls[path],
                    "title": article.title,
                    **date_fields(article.date),
                    "source": article.source,
                    "standfirst": article.standfirst or article.paragraphs[0],
                    "quote": quote_view(article, key, urls[path]) if key else None,
                    "note": note_html(article.note) if article.note else None,
                }
            )
        dates = [e["date"] for e in entries if e["date"]]
        out.append(
            {
                "slug": thread.slug,
                "title": thread.title,
                "url": thread_urls[thread.slug],
                "aliases": [f"threads/{alias}.html" for alias in thread.aliases],
                "entries": entries,  # in date order, the undated last (the links stage's)
                "undated": len(entries) - len(dates),
                "start": date_fields(min(dates) if dates else None),
                "end": date_fields(max(dates) if dates else None),
            }
        )
    return out


_MERGED: list[tuple[tuple[Article, ...], dict[str, Merge]]] = []


def _merged_names(articles: tuple[Article, ...]) -> dict[str, Merge]:
    """:func:`generator.people.corpus_names` of a corpus, made once for the two views that
    need it (the articles are a tuple of frozen records: the same object, the same names)."""
    if not _MERGED or _MERGED[0][0] is not articles:
        _MERGED[:] = [(articles, corpus_names(articles))]
    return _MERGED[0][1]


def speaker_views(corpus: Corpus, urls: Mapping[str, str]) -> list[View]:
    """Who said what: every full attributed quote, by speaker, in date order."""
    by_speaker: dict[str, list[View]] = defaultdict(list)
    merged = _merged_names(corpus.articles)
    for article in corpus.articles:
        if article.path not in urls:
            continue
        for quote in article.quotes:
            if quote.kind == "full" and quote.speaker:
                name = merged[quote.speaker].name if quote.speaker in merged else quote.speaker
                by_speaker[name].append(quote_view(article, quote, urls[article.path]))
    speakers = []
    anchors = _unique_anchors(sorted(by_speaker))
    for name in sorted(by_speaker, key=lambda n: (-len(by_speaker[n]), n)):
        quotes = sorted(by_speaker[name], key=lambda v: (v["date"] or dt.date.max, v["url"]))
        speakers.append({"name": name, "anchor": anchors[name], "quotes": quotes})
    return speakers


def _unique_anchors(names: Sequence[str]) -> dict[str, str]:
    """One anchor (and page name) per display name, never shared: "-2" on a clash."""
    out: dict[str, str] = {}
    used: set[str] = set()
    for name in sorted(names):
        anchor, n = _anchor(name), 2
        while anchor in used:
            anchor, n = f"{_anchor(name)[:76]}-{n}", n + 1
        used.add(anchor)
        out[name] = anchor
    return out


def _anchor(name: str) -> str:
    """A person's anchor and page name: at most 80 characters, never empty."""
    anchor = "".join(c if c.isalnum() else "-" for c in name.lower()).strip("-")
    return anchor[:80].strip("-") or "speaker"


def people_views(corpus: Corpus, urls: Mapping[str, str]) -> list[View]:
    """One page per named person: what they said (full quotes) and the articles naming them."""
    by_name: dict[str, View] = {}
    merged = _merged_names(corpus.articles)
    shown = [m.name for m in merged.values() if is_person_name(m.name)]
    anchors = _unique_anchors(sorted(set(shown)))
    for article in sorted(corpus.articles, key=lambda a: (a.date or dt.date.max, a.path)):
        if article.path not in urls:
            continue
        speakers = {q.speaker for q in article.quotes if q.kind == "full" and q.speaker}
        names = [merged[n].name for n in [*article.people, *sorted(speakers)] if n in merged]
        for name in dict.fromkeys(names):
            if name not in anchors:
                continue  # a full name: "Emmanuel Macron", not "Kremlin"
            anchor = anchors[name]
            person = by_name.setdefault(
                name,
                {
                    "name": name,
                    "slug": anchor,
                    "url": f"people/{anchor}.html",
                    "quotes": [],
                    "articles": [],
                },
            )
            person["articles"].append(
                {
                    "url": urls[article.path],
                    "title": article.title,
                    "source": article.source,
                    **date_fields(article.date),
                }
            )
            person["quotes"].extend(
                quote_view(article, q, urls[article.path])
                for q in article.quotes
                if q.kind == "full" and q.speaker in merged and merged[q.speaker].name == name
            )
    return sorted(
        by_name.values(), key=lambda p: (-len(p["quotes"]), -len(p["articles"]), p["name"])
    )
