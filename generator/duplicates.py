"""Which articles are copies of others, decided the same way on every build.

Two files are the same article when they hold the same bytes, the same cleaned headline and
text, the same original article (its address without tracking parameters such as
``utm_source``), or the same headline over text that differs in one paragraph only, from the
same outlet (a paste saved again with a line changed). Two articles that share only a body
under different headlines are left to the links stage (a "same report"). Of each group the earliest is kept, then the first by file name;
the others are left out of the site and named, with the one kept in their place. The order
the files were read in never matters.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from .model import Article

#: Query parameters that say how a reader arrived, not which article it is.
TRACKING = frozenset(
    "fbclid gclid dclid msclkid mc_cid mc_eid igshid yclid ref ref_src cmpid ito"
    " ocid smid smtyp cid icid __twitter_impression at_medium at_campaign".split()
)
#: A near copy (one paragraph changed) needs at least this many paragraphs: two short
#: pieces sharing a boilerplate paragraph are not copies.
NEAR_MIN_PARAGRAPHS = 3


def canonical_url(url: str | None) -> str | None:
    """An article's address as it identifies the article: without tracking parameters,
    fragment, ``www.`` or trailing slash, the host in small letters.

    >>> canonical_url("https://WWW.Example.org/news/x/?utm_source=tw&id=4&fbclid=9#top")
    'https://example.org/news/x?id=4'
    >>> canonical_url("http://example.org/news/x") == canonical_url("https://example.org/news/x/")
    True
    """
    if not url:
        return None
    parts = urlsplit(url.strip())
    if parts.scheme not in ("http", "https"):
        return None
    host = (parts.hostname or "").lower().removeprefix("www.")
    query = [
        (k, v)
        for k, v in parse_qsl(parts.query, keep_blank_values=True)
        if not k.lower().startswith("utm_") and k.lower() not in TRACKING
    ]
    path = parts.path.rstrip("/") or ""
    return urlunsplit(("https", host, path, urlencode(sorted(query)), ""))


def _normal(text: str) -> str:
    return " ".join(text.casefold().split())


def text_key(article: Article) -> str:
    """The cleaned article's fingerprint, headline and body: what a reader would read, not
    the paste's furniture (a menu line more or less gives the same key)."""
    lines = [_normal(article.title or ""), *map(_normal, article.paragraphs)]
    return hashlib.sha256("\n".join(lines).encode()).hexdigest()


def kept_first(article: Article) -> tuple[bool, dt.date, str, int, str]:
    """The order in which copies are kept: the earliest (by its date as corrected), then the
    first by file name, a stored copy (``name-2.txt``) after its original; the undated after
    the dated. The same answer whatever order the files are read in."""
    stem, _, extension = article.path.rpartition(".")
    numbered = re.fullmatch(r"(?P<base>.*)-(?P<n>\d{1,3})", stem)
    base, copy = (numbered["base"], int(numbered["n"])) if numbered else (stem, 0)
    return (
        article.date is None,
        article.date or dt.date.max,
        f"{base}.{extension}",
        copy,
        article.path,
    )


@dataclass(frozen=True)
class Duplicate:
    """An article left out because another is the same; ``reason`` says how they are."""

    path: str
    kept: str
    reason: str
    corrected: bool = False  # the copy left out has the analyst's corrections or note

    def message(self) -> str:
        lost = (
            f" Its corrections and note ({self.path.rpartition('.')[0]}.analyst.md) are not"
            f" shown: move them beside {self.kept}."
            if self.corrected
            else ""
        )
        return (
            f"{self.reason} as {self.kept}; {self.kept} is published and this copy is left out"
            f" ({KEPT_RULE}).{lost} Delete the copy, or change it"
        )


#: Which of two copies is published, as every message says it.
KEPT_RULE = "the earlier is kept, or the first by name, an original before its copy"


@dataclass
class Index:
    """The articles kept so far, looked up every way a copy can match."""

    sha: dict[str, str] = field(default_factory=dict)
    text: dict[str, str] = field(default_factory=dict)
    urls: dict[str, str] = field(default_factory=dict)
    paragraphs: dict[str, list[Article]] = field(default_factory=dict)

    def add(self, article: Article, kept: str | None = None) -> None:
        """Index ``article``; a copy (``kept``: the article published for it) only by its
        bytes, text and address, each pointing to the one kept."""
        target = kept or article.path
        self.sha.setdefault(article.sha256, target)
        self.text.setdefault(text_key(article), target)
        url = canonical_url(article.url)
        if url:
            self.urls.setdefault(url, target)
        if kept:
            return
        for paragraph in set(map(_normal, article.paragraphs)):
            self.paragraphs.setdefault(paragraph, []).append(article)

    def match(self, article: Article) -> Duplicate | None:
        """The kept article ``article`` is a copy of, and how; None if it is new."""
        if article.sha256 in self.sha:
            return Duplicate(article.path, self.sha[article.sha256], "the same file")
        same = self.text.get(text_key(article))
        if same:
            return Duplicate(
                article.path, same, "the same headline and text (only furniture differs)"
            )
        url = canonical_url(article.url)
        if url and url in self.urls:
            return Duplicate(
                article.path,
                self.urls[url],
                f"the same original article ({url}, tracking parameters aside)",
            )
        near = self._near(article)
        if near:
            return Duplicate(article.path, near, "nearly the same text (one paragraph differs)")
        return None

    def _near(self, article: Article) -> str | None:
        mine = [_normal(p) for p in article.paragraphs]
        shared: dict[str, int] = {}
        others: dict[str, Article] = {}
        for paragraph in set(mine):
            for other in self.paragraphs.get(paragraph, ()):
                shared[other.path] = shared.get(other.path, 0) + 1
                others[other.path] = other
        for path in sorted(shared):
            other = others[path]
            longest = max(len(set(mine)), len(set(map(_normal, other.paragraphs))))
            same_outlet = not (article.source and other.source) or article.source == other.source
            same_title = _normal(article.title or "") == _normal(other.title or "")
            if (
                longest >= NEAR_MIN_PARAGRAPHS
                and shared[path] >= longest - 1
                and same_outlet
                and same_title
            ):
                return path
        return None


def find_duplicates(articles: Iterable[Article]) -> dict[str, Duplicate]:
    """Every copy among ``articles``, by path: the same answer whatever their order.

    >>> day = dt.date(2019, 11, 7)
    >>> body = ("One paragraph.", "Two paragraphs.", "Three paragraphs.")
    >>> a = Article("raw/b.txt", "1", "T", day, "Wire", body, url="https://x.org/a?utm_source=t")
    >>> b = Article("raw/a.txt", "2", "T", day, "Wire", body[:2] + ("Changed.",))
    >>> c = Article("raw/c.txt", "3", "T", day, "Wire", ("Other.",), url="https://x.org/a")
    >>> for d in find_duplicates([c, b, a]).values(): print(d.path, "->", d.kept, d.reason)
    raw/b.txt -> raw/a.txt nearly the same text (one paragraph differs)
    raw/c.txt -> raw/a.txt the same original article (https://x.org/a, tracking parameters aside)
    """
    index = Index()
    found: dict[str, Duplicate] = {}
    for article in sorted(articles, key=kept_first):
        duplicate = index.match(article)
        if duplicate:
            root = _root(found, duplicate.kept)
            found[article.path] = Duplicate(
                duplicate.path, root, duplicate.reason, bool(article.corrected or article.note)
            )
            index.add(article, kept=root)
        else:
            index.add(article)
    return found


def _root(found: dict[str, Duplicate], path: str) -> str:
    while path in found:
        path = found[path].kept
    return path


def duplicate_in(article: Article, existing: Sequence[Article]) -> Duplicate | None:
    """Is ``article`` (about to be added) a copy of one already in the briefing?"""
    index = Index()
    for other in sorted(existing, key=kept_first):
        index.add(other)
    return index.match(article)
