"""Measure the cleaner against hand-labelled cases: body recall and junk removal.

A labelled case (``*.case``) is a raw paste with a label in front of every line::

    #! outlet: wire agency       directives: the kind of site, the expected date
    #! date: 2022-01-20          (or "none"), and how the raw bytes are written:
    #! encoding: cp1252          encoding, newline (crlf), bom
    J Skip to main content       J  junk: must leave the body (dropped or taken as metadata)
    T Macron calls for a pact    T  the title
    S A short deck.              S  standfirst: kept, in the standfirst or the body
    B PARIS (Reuters) - Macron   B  body text; consecutive B lines are one paragraph
    B [[Read more]] He said.     [[...]] marks junk fused inside a labelled line

Stripping the labels and the ``[[``/``]]`` marks gives the raw file exactly as a
user would paste it. Scores compare words (lower case, punctuation ignored), so a
repaired apostrophe or a rejoined line still counts as kept.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

import ftfy

from .model import Article, Quote

LABELS = frozenset("TBSJ")
_FRAGMENT = re.compile(r"\[\[(.*?)\]\]")
_TAG = re.compile(r"<[^<>]{0,500}>")


@dataclass(frozen=True)
class LabelledCase:
    """One labelled paste: the raw bytes and what a careful reader says each line is."""

    name: str
    outlet: str  # the kind of site it imitates ("wire agency, TASS style")
    raw: bytes
    title: str | None
    date: str | None  # "YYYY-MM-DD", "none" for no date, None if the case does not say
    paragraphs: tuple[str, ...]
    decks: tuple[str, ...]
    junk: tuple[str, ...]


@dataclass(frozen=True)
class Score:
    """How one cleaned article compares with its labels."""

    name: str
    paragraphs: int
    recalled: int
    junk: int
    removed: int
    title_ok: bool
    date_ok: bool | None
    missed: tuple[str, ...]
    kept_junk: tuple[str, ...]


def words(text: str) -> tuple[str, ...]:
    """The comparable words of a text: entities, tags and mojibake repaired, lower case.

    >>> words("Europe&#039;s <u>own</u> pact")
    ('europe', 's', 'own', 'pact')
    """
    text = ftfy.fix_text(_TAG.sub("", html.unescape(text)), uncurl_quotes=False)
    text = re.sub(r"(?<=[a-z])(?=[A-Z])", " ", text)  # link text fused to its neighbour
    text = re.sub(r"[`\N{MODIFIER LETTER APOSTROPHE}]", "'", text)
    return tuple(re.findall(r"\w+", text.lower()))


def parse_case(text: str, name: str) -> LabelledCase:
    """Read a labelled case; raises ``ValueError`` naming the line for a bad label."""
    directives: dict[str, str] = {}
    raw_lines: list[str] = []
    units: list[tuple[str, list[str]]] = []  # (label, lines) runs
    junk: list[str] = []
    previous = ""
    for number, line in enumerate(text.split("\n"), 1):
        if line.startswith("#!"):
            key, _, value = line[2:].partition(":")
            directives[key.strip()] = value.strip()
            continue
        if not line.strip():
            raw_lines.append(line[2:] if line[:1] in LABELS else "")
            previous = ""
            continue
        label, text_part = line[0], line[2:]
        if label not in LABELS or line[1:2] not in (" ", ""):
            raise ValueError(f"{name}:{number}: a line must start with one of T B S J and a space")
        raw_lines.append(text_part.replace("[[", "").replace("]]", ""))
        junk.extend(f for f in _FRAGMENT.findall(text_part) if words(f))
        kept = _FRAGMENT.sub(" ", text_part)
        if label == "J":
            junk.append(kept)
        elif label == previous and units:
            units[-1][1].append(kept)
        else:
            units.append((label, [kept]))
        previous = label
    raw_text = "\n".join(raw_lines)
    if directives.get("newline") == "crlf":
        raw_text = raw_text.replace("\n", "\r\n")
    raw = raw_text.encode(directives.get("encoding", "utf-8"))
    if "bom" in directives:
        raw = b"\xef\xbb\xbf" + raw
    titles = [" ".join(lines) for label, lines in units if label == "T"]
    return LabelledCase(
        name=name,
        outlet=directives.get("outlet", "unknown"),
        raw=raw,
        title=titles[0] if titles else None,
        date=directives.get("date"),
        paragraphs=tuple(" ".join(lines) for label, lines in units if label == "B"),
        decks=tuple(" ".join(lines) for label, lines in units if label == "S"),
        junk=tuple(j for j in junk if words(j)),
    )


def _contains(haystack: tuple[str, ...], needle: tuple[str, ...]) -> bool:
    return f" {' '.join(needle)} " in f" {' '.join(haystack)} "


def _kept(fragment: tuple[str, ...], blocks: Iterable[tuple[str, ...]]) -> bool:
    """Is a junk fragment still in the text? Short ones only count as a whole block or its end."""
    for block in blocks:
        if len(fragment) >= 3:
            if _contains(block, fragment):
                return True
        elif (
            block == fragment
            or block[: len(fragment)] == fragment
            or (block[-len(fragment) :] == fragment)
        ):
            return True
    return False


def score(case: LabelledCase, article: Article) -> Score:
    """Compare a cleaned article with its labels."""
    body = tuple(w for p in article.paragraphs for w in words(p))
    kept = body + words(article.standfirst or "")
    missed = tuple(p for p in (*case.paragraphs, *case.decks) if not _contains(kept, words(p)))
    blocks = [words(p) for p in article.paragraphs]
    kept_junk = tuple(j for j in case.junk if _kept(words(j), blocks))
    date_ok = None
    if case.date is not None:
        got = article.date.isoformat() if article.date else "none"
        date_ok = got == case.date
    return Score(
        name=case.name,
        paragraphs=len(case.paragraphs) + len(case.decks),
        recalled=len(case.paragraphs) + len(case.decks) - len(missed),
        junk=len(case.junk),
        removed=len(case.junk) - len(kept_junk),
        title_ok=words(case.title or "") == words(article.title or ""),
        date_ok=date_ok,
        missed=missed,
        kept_junk=kept_junk,
    )


@dataclass(frozen=True)
class Totals:
    """Figures over a labelled set."""

    cases: int
    paragraphs: int
    recalled: int
    junk: int
    removed: int
    titles_ok: int
    dates: int
    dates_ok: int

    @property
    def recall(self) -> float:
        return self.recalled / self.paragraphs if self.paragraphs else 1.0

    @property
    def junk_removal(self) -> float:
        return self.removed / self.junk if self.junk else 1.0


def totals(scores: Iterable[Score]) -> Totals:
    scores = list(scores)
    return Totals(
        cases=len(scores),
        paragraphs=sum(s.paragraphs for s in scores),
        recalled=sum(s.recalled for s in scores),
        junk=sum(s.junk for s in scores),
        removed=sum(s.removed for s in scores),
        titles_ok=sum(s.title_ok for s in scores),
        dates=sum(s.date_ok is not None for s in scores),
        dates_ok=sum(bool(s.date_ok) for s in scores),
    )


# --------------------------------------------------------------------------------------
# Quotes: extraction and attribution against a gold set


@dataclass(frozen=True)
class GoldQuote:
    kind: str
    speaker: str | None
    text: str


@dataclass(frozen=True)
class QuoteItem:
    """A few body paragraphs and the quotations a careful reader finds in them."""

    name: str
    paragraphs: tuple[str, ...]
    gold: tuple[GoldQuote, ...]


def parse_quote_set(text: str, name: str = "eval") -> list[QuoteItem]:
    """Read ``=== item`` / paragraphs / ``---`` / ``kind | speaker | text`` blocks."""
    items: list[QuoteItem] = []
    for number, chunk in enumerate(re.split(r"^=== ", text, flags=re.M)[1:], 1):
        head, _, rest = chunk.partition("\n")
        body, sep, gold_text = rest.partition("\n---\n")
        if not sep:
            raise ValueError(f"{name}: item {number} ({head.strip()}) has no '---' line")
        gold = []
        for line in gold_text.strip().splitlines():
            if not line.strip() or line.startswith("#"):
                continue
            kind, speaker, quote = (part.strip() for part in line.split("|", 2))
            if kind not in ("full", "fragment"):
                raise ValueError(f"{name}: {head.strip()}: kind must be full or fragment: {line}")
            gold.append(GoldQuote(kind, None if speaker == "null" else speaker, quote))
        paragraphs = tuple(p.strip() for p in body.split("\n\n") if p.strip())
        items.append(QuoteItem(head.strip(), paragraphs, tuple(gold)))
    return items


def _same_words(text: str) -> str:
    return " ".join(text.split()).strip(" \"'.,;:").casefold()


@dataclass(frozen=True)
class QuoteTotals:
    """Extraction precision/recall/F1, kind accuracy, attribution accuracy."""

    items: int
    paragraphs: int
    gold: int
    found: int
    matched: int
    kinds_ok: int
    full_matched: int
    speakers_ok: int
    problems: tuple[str, ...]

    @property
    def precision(self) -> float:
        return self.matched / self.found if self.found else 1.0

    @property
    def recall(self) -> float:
        return self.matched / self.gold if self.gold else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def attribution(self) -> float:
        return self.speakers_ok / self.full_matched if self.full_matched else 1.0


def score_quotes(
    items: Iterable[QuoteItem], extract: Callable[[tuple[str, ...]], Sequence[Quote]]
) -> QuoteTotals:
    """Match found quotes to gold ones by their words; count kinds and speakers."""
    items = list(items)
    gold_n = found_n = matched = kinds_ok = full_matched = speakers_ok = 0
    problems: list[str] = []
    for item in items:
        found = list(extract(item.paragraphs))
        gold_n += len(item.gold)
        found_n += len(found)
        unmatched = list(found)
        for gold in item.gold:
            hit = next(
                (q for q in unmatched if _same_words(q.text) == _same_words(gold.text)), None
            )
            if hit is None:
                problems.append(f"{item.name}: not found: {gold.text[:70]!r}")
                continue
            unmatched.remove(hit)
            matched += 1
            kinds_ok += hit.kind == gold.kind
            if hit.kind != gold.kind:
                problems.append(f"{item.name}: {gold.text[:50]!r} is {gold.kind}, found {hit.kind}")
            if gold.kind == "full":
                full_matched += 1
                speakers_ok += hit.speaker == gold.speaker
                if hit.speaker != gold.speaker:
                    problems.append(
                        f"{item.name}: {gold.text[:50]!r} said by {gold.speaker}, found {hit.speaker}"
                    )
        problems.extend(f"{item.name}: not a quote: {q.text[:70]!r}" for q in unmatched)
    return QuoteTotals(
        items=len(items),
        paragraphs=sum(len(i.paragraphs) for i in items),
        gold=gold_n,
        found=found_n,
        matched=matched,
        kinds_ok=kinds_ok,
        full_matched=full_matched,
        speakers_ok=speakers_ok,
        problems=tuple(problems),
    )
