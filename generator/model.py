"""Frozen records passed between the pipeline's stages.

Every stage takes one of these and returns a new one (``dataclasses.replace``);
nothing is mutated in place, so any stage's result can be cached or compared.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from itertools import repeat
from typing import Literal, NamedTuple, overload

Format = Literal["text", "markdown", "html"]
QuoteKind = Literal["full", "fragment"]


@dataclass(frozen=True)
class RawArticle:
    """One file as received: decoded text, no judgement yet."""

    path: str  # the file's path relative to the content folder (POSIX separators)
    text: str  # decoded, NFC, ``\n`` line endings
    format: Format
    encoding: str  # what the bytes were decoded from
    sha256: str  # of the raw bytes: the cache and duplicate key
    repairs: tuple[str, ...] = ()  # text-level repairs (e.g. ftfy's) that changed something


@dataclass(frozen=True)
class Removal:
    """A line that did not make it into the body, and the rule that took it."""

    line: str
    rule: str


@dataclass(frozen=True)
class Quote:
    """A direct quotation found in the body."""

    text: str  # the words only, without quotation marks
    speaker: str | None  # canonical name ("Emmanuel Macron"), or None: never guessed
    mention: str | None  # how the text names the speaker ("the French president", "he")
    kind: QuoteKind
    paragraph: int  # index of the body paragraph the quote starts in
    start: int  # character offset of the first quoted word in that paragraph
    end: int  # offset just past the last quoted word (in the paragraph it ends in)
    end_paragraph: int = -1  # paragraph the quote ends in; -1 means the same as ``paragraph``


@dataclass(frozen=True)
class WordCounts:
    """An article's words as the links stage reads them: counted once, per article, and
    cached with it, so linking a grown briefing re-reads no text.

    ``tokens`` lists every word of every block (title, standfirst, then the paragraphs) as an
    index into ``words``; ``lengths`` says how many tokens each block has, and the first
    ``heads`` blocks are the title and standfirst.
    """

    words: tuple[str, ...]  # distinct words as printed, in first-seen order
    tokens: tuple[int, ...]
    lengths: tuple[int, ...]
    heads: int


@dataclass(frozen=True)
class Article:
    """A cleaned article: metadata, body paragraphs, and what the cleaner did."""

    path: str
    sha256: str
    title: str | None
    date: dt.date | None
    source: str | None  # the outlet: "TASS", "The Moscow Times"
    paragraphs: tuple[str, ...]
    dateline: str | None = None  # the place: "PARIS"
    section: str | None = None
    standfirst: str | None = None
    caption: str | None = None
    credit: str | None = None
    agencies: tuple[str, ...] = ()  # agencies that contributed reporting ("AFP")
    url: str | None = None  # the original article's address
    time: str | None = None  # local time of publication as printed ("14:15 UTC+3")
    byline: str | None = None  # the author(s) as printed
    removed: tuple[Removal, ...] = ()
    warnings: tuple[str, ...] = ()
    repairs: tuple[str, ...] = ()  # names of the in-text fixes that changed something
    people: tuple[str, ...] = ()  # canonical names of people and institutions mentioned
    quotes: tuple[Quote, ...] = ()
    callouts: tuple[int, ...] = ()  # indexes into ``quotes``, best first
    extra: tuple[tuple[str, str], ...] = field(default=())  # front-matter fields kept as given
    words: WordCounts | None = None  # filled by :func:`generator.terms.add_word_counts`
    # The analyst's (generator/analyst.py): never the cleaner's, never the source's text
    corrected: tuple[str, ...] = ()  # fields the analyst set: "title", "date", "source"
    note: str | None = None  # the analyst's note, Markdown as written
    #: the addresses the page had before the analyst's corrections moved it (the cleaner's
    #: own reading, then each earlier correction's): they redirect, so links and bookmarks
    #: made before a correction still arrive
    former_slugs: tuple[str, ...] = ()


class PassageLink(NamedTuple):
    """A paragraph of one article that speaks of the same thing as one of another.

    A named tuple rather than a dataclass: a large briefing makes them by the hundred thousand.
    """

    source_paragraph: int
    target_paragraph: int
    score: float


class PassageColumns(NamedTuple):
    """The passage links of many links, one list per field, in the links' order."""

    source_paragraph: list[int]
    target_paragraph: list[int]
    score: list[float]


class Passages(Sequence[PassageLink]):
    """One link's passage links: a slice of columns that many links share.

    A briefing of 10,000 articles holds about 800,000 passage links. Kept as three lists
    rather than as 800,000 tuples, they cost the links stage no object each and the cycle
    collector nothing to walk; a ``PassageLink`` is made when one is read. Equal to any
    sequence of the same passage links, a tuple included.
    """

    __slots__ = ("_columns", "_start", "_stop")

    def __init__(self, columns: PassageColumns, start: int, stop: int) -> None:
        self._columns, self._start, self._stop = columns, start, stop

    def __len__(self) -> int:
        return self._stop - self._start

    @overload
    def __getitem__(self, index: int) -> PassageLink: ...
    @overload
    def __getitem__(self, index: slice) -> tuple[PassageLink, ...]: ...
    def __getitem__(self, index: int | slice) -> PassageLink | tuple[PassageLink, ...]:
        if isinstance(index, slice):
            return tuple(self)[index]
        at = range(self._start, self._stop)[index]  # negative indices, and IndexError
        source, target, score = self._columns
        return PassageLink(source[at], target[at], score[at])

    def __iter__(self) -> Iterator[PassageLink]:
        a, b = self._start, self._stop
        source, target, score = self._columns
        # ``PassageLink._make`` without its Python call per link
        rows = zip(source[a:b], target[a:b], score[a:b], strict=True)
        return map(tuple.__new__, repeat(PassageLink), rows)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Sequence) and not isinstance(other, str):
            return tuple(self) == tuple(other)
        return NotImplemented

    def __hash__(self) -> int:
        return hash(tuple(self))

    def __repr__(self) -> str:
        return f"Passages({list(self)!r})"


class CrossLink(NamedTuple):
    """A scored, explained link from one article to another (both directions are stored).

    A named tuple, like ``PassageLink``: a frozen dataclass sets each field through
    ``object.__setattr__``, and a briefing of 10,000 articles makes 140,000 links.
    """

    source: str  # raw path, relative to the content folder
    target: str
    score: float
    reasons: tuple[str, ...]
    passages: Sequence[PassageLink] = ()  # a tuple, or ``Passages`` from the links stage
    relation: Literal["earlier", "later", "same-report"] = "later"


@dataclass(frozen=True)
class Thread:
    """Articles that link, directly or through others, into one story."""

    slug: str  # the address: named after the first article, so it lasts as the thread grows
    title: str
    members: tuple[str, ...]  # raw paths in date order
    aliases: tuple[str, ...] = ()  # the other members' names: old addresses that redirect


@dataclass(frozen=True)
class Corpus:
    """The result of the links stage over all articles."""

    articles: tuple[Article, ...]
    links: tuple[CrossLink, ...]
    threads: tuple[Thread, ...]
    speakers: tuple[tuple[str, str], ...] = ()  # (name as written, canonical name) merges
    near_misses: tuple[CrossLink, ...] = ()  # pairs scored just under the threshold, if asked
