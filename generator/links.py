"""Stage 4 (corpus): score article pairs, explain them, link passages, form story threads.

Runs once every article has been read and quoted (Pelican's ``article_generator_finalized``).
Signals, all from what the articles say:

* themes: TF-IDF over words, so rare shared terms count most;
* leads: what each piece is about (its title, standfirst and first paragraphs) must be
  spoken of in the other, so a paragraph one piece spends on another subject, or a
  distractor that shares a place and a few words, does not make a story;
* people: canonical names mentioned in both (an amplifier, never enough alone);
* speakers: the same person quoted in both.

A pair scored just under the threshold is linked when its articles are in one thread
anyway (hysteresis), and listed as a near miss otherwise (``briefing links --candidates``).

The text similarity is a sparse matrix product restricted to each article's nearest
candidates, so the stage stays close to linear in the number of articles.
"""

from __future__ import annotations

import datetime as dt
import gc
import re
from collections import defaultdict
from collections.abc import Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import replace
from functools import partial
from itertools import pairwise
from typing import Literal, NamedTuple

import numpy as np
from scipy import sparse
from scipy.sparse import csgraph
from threadpoolctl import threadpool_limits

from .index import TermIndex, build_index
from .model import Article, Corpus, CrossLink, PassageColumns, Passages, Thread
from .people import person_key
from .settings import Settings
from .terms import TOKEN, term, word_counts

#: Up to this many articles every pair is scored; above it, candidates come from each
#: article's strongest terms (blocking), so the stage stays near-linear.
EXACT_LIMIT = 1500
#: How many of its strongest terms an article offers for candidate blocking.
BLOCKING_TERMS = 12
#: The most the people and speaker signals can multiply text similarity by (before the
#: square root :func:`_scores` takes).
MAX_AMPLIFIER = 1.75
#: Pairs scored from this share of the threshold are near misses (``briefing links
#: --candidates``), and from ``STAY_SHARE`` on they are linked inside a thread.
NEAR_SHARE, STAY_SHARE = 0.7, 0.85
#: A pair whose shared names carry less than this of its similarity is not linked.
NAME_GATE = 0.01
#: Pairs less similar than this as whole texts are not scored (in our labelled sets the
#: least similar pair linked is at 0.12).
TEXT_FLOOR = 0.08
#: The weight of whole-text similarity against lead overlap in a pair's score (the rest).
TEXT_WEIGHT = 0.25
#: How many of its strongest terms an article offers for the "shared:" reason.
REASON_TERMS = 40


def canonical_speakers(articles: Sequence[Article]) -> tuple[list[Article], dict[str, str]]:
    """One name per person across the briefing: "Macron" -> "Emmanuel Macron".

    A one-word name is merged into a full name only when exactly one full name in the
    whole corpus ends with it; otherwise it is left as written.
    """
    spellings = _spellings(articles)
    full_names = {spellings.get(n, n) for a in articles for n in a.people if " " in n}
    by_surname: dict[str, set[str]] = defaultdict(set)
    for name in full_names:
        by_surname[name.split()[-1]].add(name)
    merges = {
        surname: next(iter(names)) for surname, names in by_surname.items() if len(names) == 1
    }
    merges.update(spellings)

    def canon(name: str | None) -> str | None:
        if name is None or (" " in name and name not in spellings):
            return name
        return merges.get(name, name)

    out = []
    for article in articles:
        if not any(name in merges for name in article.people) and not any(
            q.speaker in merges for q in article.quotes
        ):
            out.append(article)  # nothing to rename
            continue
        quotes = tuple(
            q if canon(q.speaker) == q.speaker else replace(q, speaker=canon(q.speaker))
            for q in article.quotes
        )
        people = tuple(dict.fromkeys(canon(p) or p for p in article.people))
        out.append(replace(article, quotes=quotes, people=people))
    used = {name: merges[name] for a in articles for name in a.people if name in merges}
    return out, used


def _spellings(articles: Sequence[Article]) -> dict[str, str]:
    """Full names spelled two ways (Sergei / Sergey Lindqvist, with or without accents:
    one :func:`generator.people.person_key`), each mapped to the spelling most articles use
    (ties: the first in alphabetical order). Linear in the names, unlike the people pages'
    :func:`generator.people.merge_names`, which also merges typos."""
    counts: dict[str, int] = defaultdict(int)
    for article in articles:
        for name in {*article.people, *(q.speaker for q in article.quotes if q.speaker)}:
            if " " in name:
                counts[name] += 1
    groups: dict[tuple[str, ...], list[str]] = defaultdict(list)
    for name in sorted(counts):  # one key per person, as the people pages have it
        groups[person_key(name)].append(name)
    out = {}
    for names in groups.values():
        if len(names) > 1:
            chosen = max(names, key=lambda n: counts[n])  # max keeps the first of equals
            out.update({n: chosen for n in names if n != chosen})
    return out


def _top_per_row(matrix: sparse.csr_matrix, k: int) -> sparse.csr_matrix:
    """Each row's ``k`` largest entries (ties: the lower column first), as a new matrix."""
    matrix = matrix.tocsr()
    matrix.sort_indices()
    rows = np.repeat(np.arange(matrix.shape[0]), np.diff(matrix.indptr))
    order = np.argsort(rows * 2.0 - matrix.data.astype(np.float64), kind="stable")
    rank = np.arange(order.size) - matrix.indptr[rows[order]]
    keep = order[rank < k]
    keep.sort()  # back to row-major, column order
    return sparse.csr_matrix(
        (matrix.data[keep], (rows[keep], matrix.indices[keep])), shape=matrix.shape
    )


def _rowwise_dot(
    matrix: sparse.csr_matrix,
    rows: np.ndarray,
    cols: np.ndarray,
    right: sparse.csr_matrix | None = None,
) -> np.ndarray:
    """``matrix[rows[k]] . right[cols[k]]`` for every k (``right``: ``matrix`` itself), in
    chunks (exact cosine)."""
    other = matrix if right is None else right
    out = np.empty(rows.size, dtype=np.float32)
    for start in range(0, rows.size, 20_000):
        a = matrix[rows[start : start + 20_000]]
        b = other[cols[start : start + 20_000]]
        out[start : start + 20_000] = np.asarray(a.multiply(b).sum(axis=1)).ravel()
    return out


def _pair_dot(
    matrix: sparse.csr_matrix,
    rows: np.ndarray,
    cols: np.ndarray,
    right: sparse.csr_matrix | None = None,
) -> np.ndarray:
    """:func:`_rowwise_dot`; in a corpus small enough to score every pair, read from one
    sparse product of all rows (much faster when most pairs are asked for)."""
    other = matrix if right is None else right
    if matrix.shape[0] > EXACT_LIMIT or rows.size < matrix.shape[0]:
        return _rowwise_dot(matrix, rows, cols, right)
    product = (matrix @ other.T).toarray()  # at most EXACT_LIMIT squared: 9 MB
    return np.asarray(product[rows, cols], dtype=np.float32)


def candidate_pairs(
    docs: sparse.csr_matrix, per_article: int
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Pairs ``i < j`` worth scoring and their exact text similarity (cosine).

    Small corpora score every pair. Larger ones take, for each article, the
    ``per_article`` best partners among those sharing one of its strongest terms.
    """
    n = docs.shape[0]
    if n <= EXACT_LIMIT:
        upper = sparse.triu(docs @ docs.T, k=1).tocoo()
        return upper.row.astype(np.int64), upper.col.astype(np.int64), upper.data
    # Blocking terms are an article's strongest among the rarer ones: a term in more than
    # 1% of the corpus (and 50 articles) is no sign two stories are one.
    df = np.bincount(docs.indices, minlength=docs.shape[1])
    rare = docs.multiply((df <= max(50, n // 100)).astype(np.float32)[None, :]).tocsr()
    strongest = _top_per_row(rare, BLOCKING_TERMS)
    overlap = _top_per_row(sparse.triu(strongest @ strongest.T, k=1).tocsr(), per_article)
    overlap = overlap.tocoo()
    rows, cols = overlap.row.astype(np.int64), overlap.col.astype(np.int64)
    return rows, cols, _rowwise_dot(docs, rows, cols)


def _shared_terms(
    index: TermIndex, pairs: np.ndarray, excluded: np.ndarray, k: int = 4
) -> list[list[int]]:
    """For each pair of articles, the terms that add most to their similarity.

    Terms are each article's ``REASON_TERMS`` strongest; a shared term weighs the product of
    its two weights. They are ranked in steps of a tenth of the pair's strongest term, then
    alphabetically, so terms of nearly equal weight keep their order when one more article
    shifts the weights. Sparse products and one sort per chunk: no loop per pair.
    """
    if pairs.size == 0:
        return []
    top = _top_per_row(index.docs, REASON_TERMS)
    top.data[excluded[top.indices]] = 0
    top.eliminate_zeros()
    alphabetical = np.argsort(np.argsort(np.array(index.forms, dtype=object), kind="stable"))
    capital = np.array([form[:1].isupper() for form in index.forms], dtype=np.int64)
    width = len(alphabetical) + 1
    out: list[list[int]] = []
    for start in range(0, len(pairs), 50_000):
        chunk = pairs[start : start + 50_000]
        shared = top[chunk[:, 0]].multiply(top[chunk[:, 1]]).tocsr()
        shared.eliminate_zeros()
        rows = np.repeat(np.arange(len(chunk)), np.diff(shared.indptr))
        weight = shared.data.astype(np.float32)
        strongest = np.zeros(len(chunk), dtype=np.float32)
        np.maximum.at(strongest, rows, weight)
        steps = np.rint(10 * weight / np.maximum(strongest[rows], 1e-9)).astype(np.int64)
        # names first among terms of one step: a place or an institution is what a reader knows
        rank = ((10 - steps) * 2 + ~capital[shared.indices]) * width
        order = np.lexsort((rank + alphabetical[shared.indices], rows))
        rows = rows[order]
        keep = np.arange(rows.size) - np.searchsorted(rows, rows, side="left") < k
        terms = shared.indices[order][keep].tolist()
        bounds = np.concatenate(([0], np.cumsum(np.bincount(rows[keep], minlength=len(chunk)))))
        out.extend(terms[lo:hi] for lo, hi in pairwise(bounds.tolist()))
    return out


Choice = tuple[float, float, list[str], list[str], bool]  # score, text, people, speakers, by hand


def _lead_overlap(
    index: TermIndex, leads: sparse.csr_matrix, rows: np.ndarray, cols: np.ndarray
) -> np.ndarray:
    """For each pair, how well the lead of each article speaks of the other (the lesser of
    ``lead(a) . doc(b)`` and ``lead(b) . doc(a)``): what both pieces are about, not a
    paragraph one of them spends on something else. ``leads`` are the index's leads without
    the words of quoted speakers' names: a name is the people signal's to count, and a piece
    that only shares a name ("French President Emmanuel Macron") is not the same story."""
    ahead = _pair_dot(leads, rows, cols, right=index.docs)
    back = _pair_dot(leads, cols, rows, right=index.docs)
    lesser: np.ndarray = np.minimum(ahead, back)
    return lesser


def _shared_names_weight(index: TermIndex, rows: np.ndarray, cols: np.ndarray) -> np.ndarray:
    """For each pair, the part of its text similarity that names carry: terms the articles
    print with a capital (places, institutions, people, events). Two pieces of one story
    share at least one of the things it is about; two strikes on two ferry routes share
    only words."""
    return _pair_dot(_named(index, index.docs), rows, cols)


def _names_in_leads(index: TermIndex, rows: np.ndarray, cols: np.ndarray) -> np.ndarray:
    """For each pair, the lesser of how much the names in each one's lead weigh in the other
    (as :func:`_lead_overlap`, names only). A piece on Slovakia's pension cap that compares
    it with the Czech reform names "Czech" in its body; the story it tells is Slovakia's."""
    docs = _named(index, index.docs)
    leads = _named(index, index.leads)
    lesser: np.ndarray = np.minimum(
        _pair_dot(leads, rows, cols, right=docs), _pair_dot(leads, cols, rows, right=docs)
    )
    return lesser


def _named(index: TermIndex, rows: sparse.csr_matrix) -> sparse.csr_matrix:
    """``rows`` with only the terms printed with a capital."""
    capital = np.array([form[:1].isupper() for form in index.forms] or [False])
    return (rows @ sparse.diags(capital[: rows.shape[1]].astype(np.float32))).tocsr()


def _chosen_pairs(
    index: TermIndex, ordered: Sequence[Article], settings: Settings, names: np.ndarray
) -> tuple[dict[tuple[int, int], Choice], dict[tuple[int, int], Choice]]:
    """Pairs ``i < j`` to link: scored above the threshold, or linked by hand; not forbidden.
    And the near misses: pairs scored from ``NEAR_SHARE`` of the threshold up, not linked."""
    rows, cols, text = candidate_pairs(index.docs, settings.max_links * 3)
    pinned, forbidden = link_choices(ordered)
    signals = [_Signals.of(a) for a in ordered]
    leads = (index.leads @ sparse.diags((~names).astype(np.float32))).tocsr()
    hopeful = text >= TEXT_FLOOR
    rows, cols, text = rows[hopeful], cols[hopeful], text[hopeful]
    lead = _lead_overlap(index, leads, rows, cols)
    scores, nameless = _scores(signals, rows, cols, text.astype(np.float64), lead)
    floor = settings.link_threshold * NEAR_SHARE
    _gate_nameless(index, rows, cols, scores, nameless, articles=ordered, floor=floor)
    near_enough = scores >= floor
    chosen: dict[tuple[int, int], Choice] = {}
    near: dict[tuple[int, int], Choice] = {}
    for i, j, t, score in zip(
        rows[near_enough].tolist(),
        cols[near_enough].tolist(),
        text[near_enough].tolist(),
        scores[near_enough].tolist(),
        strict=True,
    ):
        if (i, j) in forbidden:
            continue
        people, speakers = _shared_names(signals[i], signals[j])
        pick = chosen if score >= settings.link_threshold else near
        pick[(i, j)] = (round(score, 4), t, people, speakers, (i, j) in pinned)
    _keep_within_threads(chosen, near, len(ordered), settings)
    missing = sorted(pinned - set(chosen) - forbidden)  # linked by hand, whatever the score
    if missing:
        rows, cols = (np.array(side, dtype=np.int64) for side in zip(*missing, strict=True))
        text = _rowwise_dot(index.docs, rows, cols)
        lead = _lead_overlap(index, leads, rows, cols)
        scores, _ = _scores(signals, rows, cols, text.astype(np.float64), lead)
        for (i, j), t, score in zip(missing, text.tolist(), scores.tolist(), strict=True):
            people, speakers = _shared_names(signals[i], signals[j])
            chosen[(i, j)] = (round(score, 4), t, people, speakers, True)
            near.pop((i, j), None)
    return chosen, near


def _components(pairs: Sequence[tuple[int, int]], n: int) -> list[int]:
    """Each article's connected component in the graph of ``pairs`` (a number)."""
    edges = np.array(pairs, dtype=np.int64).reshape(-1, 2)
    graph = sparse.coo_matrix((np.ones(len(edges)), (edges[:, 0], edges[:, 1])), shape=(n, n))
    labels: list[int] = csgraph.connected_components(graph, directed=False)[1].tolist()
    return labels


def _keep_within_threads(
    chosen: dict[tuple[int, int], Choice],
    near: dict[tuple[int, int], Choice],
    n: int,
    settings: Settings,
) -> None:
    """Hysteresis: a pair scored just under the threshold (from ``STAY_SHARE`` of it) is
    linked when its two articles are in one thread anyway, through links above it. Such a
    link changes no thread, and a score that moves a little when an article is added (the
    weights of words shift with every article) no longer makes the link come and go."""
    if not near:
        return
    thread = _components(sorted(chosen), n)
    floor = settings.link_threshold * STAY_SHARE
    for (i, j), choice in sorted(near.items()):
        if choice[0] >= floor and thread[i] == thread[j]:
            chosen[(i, j)] = near.pop((i, j))


@contextmanager
def cycle_collector_paused() -> Iterator[None]:
    """Pause Python's cycle collector while a stage makes objects by the hundred thousand.

    Links, drafts and passages hold no reference cycles, yet every few hundred new objects
    the collector walks the young ones, and often all of them: at 10,000 articles that was a
    quarter of the link stage. Reference counting still frees everything as usual.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


@cycle_collector_paused()
def link_corpus(
    articles: Sequence[Article], settings: Settings, *, near_misses: bool = False
) -> Corpus:
    """Cross-links, passage links and threads for the whole briefing (order-independent);
    with ``near_misses``, the pairs scored just under the threshold as well."""
    ordered, merges = canonical_speakers(sorted(articles, key=lambda a: a.path))
    merged = tuple(sorted(merges.items()))
    n = len(ordered)
    if n < 2:
        return Corpus(tuple(ordered), (), (), merged)
    index = build_index([word_counts(a) for a in ordered])
    if index.docs.nnz == 0:
        return Corpus(tuple(ordered), (), (), merged)
    name_words = {w.lower() for a in ordered for p in a.people for w in p.split()}
    names = np.array(
        [
            form.lower() in name_words or shown.lower() in name_words
            for form, shown in zip(index.forms, index.shown, strict=True)
        ]
        or [False]
    )
    speaker_words = {
        w.lower() for a in ordered for q in a.quotes if q.speaker for w in q.speaker.split()
    }
    speakers = np.array([form.lower() in speaker_words for form in index.forms] or [False])
    chosen, near = _chosen_pairs(index, ordered, settings, speakers[: index.docs.shape[1]])
    if not near_misses:
        near = {}
    explained = np.array(sorted({**chosen, **near}), dtype=np.int64).reshape(-1, 2)
    excluded = names.copy()
    if n >= COMMON_AFTER:  # in a large briefing, words most articles use explain no link
        df = np.bincount(index.docs.indices, minlength=index.docs.shape[1])
        excluded |= df[: excluded.size] > COMMON_SHARE * n
    themes = _shared_terms(index, explained, excluded)
    themes_of = {
        pair: [index.shown[k] for k in term_ids]
        for pair, term_ids in zip(((i, j) for i, j in explained.tolist()), themes, strict=True)
    }
    pairs = np.array(sorted(chosen), dtype=np.int64).reshape(-1, 2)
    source, target, relation, score = _directed(ordered, pairs, chosen, settings)
    linked = sorted({(min(a, b), max(a, b)) for a, b in zip(source, target, strict=True)})
    quoted: dict[int, QuoteWords] = {}  # read only for pairs that quote one speaker

    def words_of(k: int) -> QuoteWords:
        if k not in quoted:
            quoted[k] = _quote_words(ordered[k])
        return quoted[k]

    reasons = {
        (a, b): _reasons(
            chosen[(a, b)],
            themes_of[(a, b)],
            _shared_quote(words_of(a), words_of(b)) if chosen[(a, b)][3] else None,
        )
        for a, b in linked
    }
    threads = _threads(ordered, linked, chosen, settings)
    passages = _passages(index, linked, settings)
    paths = [a.path for a in ordered]
    final = [
        CrossLink(
            paths[a],
            paths[b],
            value,
            reasons[(a, b) if a < b else (b, a)],
            passages.get((a, b), ()),
            RELATIONS[kind],
        )
        for a, b, kind, value in zip(source, target, relation, score, strict=True)
    ]
    misses = [
        CrossLink(paths[i], paths[j], choice[0], _reasons(choice, themes_of[(i, j)]), (), "later")
        for (i, j), choice in sorted(near.items(), key=lambda kv: (-kv[1][0], kv[0]))
    ]
    return Corpus(tuple(ordered), tuple(final), threads, merged, tuple(misses))


def _reasons(choice: Choice, words: Sequence[str], quote: str | None = None) -> tuple[str, ...]:
    """Why two articles are linked, from the signals that scored them."""
    _, _, people, speakers, by_hand = choice
    reasons = ["Linked by hand"] if by_hand else []
    if speakers:
        reasons.append(("both quote " if reasons else "Both quote ") + _join(speakers))
    if quote:
        reasons.append(
            f"both report \N{LEFT DOUBLE QUOTATION MARK}{quote}\N{RIGHT DOUBLE QUOTATION MARK}"
        )
    others = [p for p in people if p not in speakers]
    if others:
        reasons.append("both mention " + _join(others))
    if words:
        reasons.append("shared: " + ", ".join(words))
    if not reasons:  # names and words too common to explain it: at least say how close
        reasons.append(f"similar text (score {choice[0]:.2f})")
    return tuple(reasons)


_WORD = re.compile(r"\w+")


QuoteWords = list[tuple[str, frozenset[str]]]


def _quote_words(article: Article) -> QuoteWords:
    """An article's full quotations and the set of the words of each."""
    return [
        (q.text, frozenset(_WORD.findall(q.text.lower())))
        for q in article.quotes
        if q.kind == "full"
    ]


def _shared_quote(mine: QuoteWords, theirs: QuoteWords, words: int = 8) -> str | None:
    """The start of a quotation both articles report, or None: the same words reported by
    several outlets, one often quoting more of them than the other (the shorter of the two
    has at least five words and two thirds of them in the longer one)."""
    best, found = 2 / 3, None
    for text, one in mine:
        for other_text, other in theirs:
            shorter = min(len(one), len(other))
            share = len(one & other) / shorter if shorter >= 5 else 0.0
            if share > best or (share == best and found is None):
                best = share
                found = text if len(one) <= len(other) else other_text
    if found is None:
        return None
    shown = found.split()
    return " ".join(shown[:words]) + ("\N{HORIZONTAL ELLIPSIS}" if len(shown) > words else "")


def _refers_to(value: str, article: Article) -> bool:
    """``Link to: 2018-08-27-tass...`` by file name, or by words of the title."""
    wanted = " ".join(value.split()).casefold()
    name = article.path.rsplit("/", 1)[-1].casefold()
    return bool(wanted) and (
        name == wanted
        or name.rsplit(".", 1)[0] == wanted
        or wanted in (article.title or "").casefold()
    )


def link_choices(articles: Sequence[Article]) -> tuple[set[tuple[int, int]], set[tuple[int, int]]]:
    """Pairs ``i < j`` pinned or forbidden by ``Link to:`` / ``No link to:`` in an article."""
    pinned: set[tuple[int, int]] = set()
    forbidden: set[tuple[int, int]] = set()
    for i, article in enumerate(articles):
        for key, value in article.extra:
            if key not in ("link_to", "no_link_to"):
                continue
            for j, other in enumerate(articles):
                if j != i and _refers_to(value, other):
                    (pinned if key == "link_to" else forbidden).add((min(i, j), max(i, j)))
    return pinned - forbidden, forbidden


def _join(names: Sequence[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


class _Signals(NamedTuple):
    """An article's entity signals, gathered once rather than once per pair."""

    people: frozenset[str]
    speakers: frozenset[str]

    @classmethod
    def of(cls, article: Article) -> _Signals:
        speakers = {q.speaker for q in article.quotes if q.kind == "full" and q.speaker}
        return cls(frozenset(article.people), frozenset(speakers))


def _shared_names(a: _Signals, b: _Signals) -> tuple[list[str], list[str]]:
    """The people both articles mention and the speakers both quote, sorted."""
    people = a.people & b.people
    speakers = a.speakers & b.speakers
    return sorted(people) if people else [], sorted(speakers) if speakers else []


def _indicator(sets: Sequence[frozenset[str]]) -> sparse.csr_matrix:
    """One row per article, one column per name: 1 where the article has the name."""
    columns: dict[str, int] = {}
    indices = [columns.setdefault(name, len(columns)) for names in sets for name in sorted(names)]
    indptr = np.concatenate(([0], np.cumsum([len(names) for names in sets])))
    data = np.ones(len(indices), dtype=np.float32)
    return sparse.csr_matrix((data, indices, indptr), shape=(len(sets), max(len(columns), 1)))


def _scores(
    signals: Sequence[_Signals],
    rows: np.ndarray,
    cols: np.ndarray,
    text: np.ndarray,
    lead: np.ndarray,
) -> tuple[np.ndarray, np.ndarray]:
    """Each pair's score: a weighted geometric mean of its text similarity and its lead
    overlap (:func:`_lead_overlap`), amplified by shared people (by their share of all the
    pair's people) and a shared quoted speaker, at most by ``sqrt(MAX_AMPLIFIER)``.
    Entities only amplify what the texts share, never replace it. The years between two
    pieces do not count: a story's later pieces look back at its first ones.

    And for each pair whether it has no person and no speaker in common (see
    :func:`_gate_nameless`)."""
    people = _indicator([s.people for s in signals])
    speakers = _indicator([s.speakers for s in signals])
    shared = _rowwise_dot(people, rows, cols).astype(np.float64)
    sizes = np.diff(people.indptr).astype(np.float64)
    union = sizes[rows] + sizes[cols] - shared
    union[union == 0] = 1
    quoted = (_rowwise_dot(speakers, rows, cols) > 0).astype(np.float64)
    amplifier = np.sqrt(1 + 0.5 * shared / union + 0.25 * quoted)
    base = np.power(text, TEXT_WEIGHT) * np.power(np.maximum(lead, 0.0), 1 - TEXT_WEIGHT)
    scores: np.ndarray = base * amplifier
    return scores, (shared == 0) & (quoted == 0)


def _gate_nameless(
    index: TermIndex,
    rows: np.ndarray,
    cols: np.ndarray,
    scores: np.ndarray,
    nameless: np.ndarray,
    *,
    articles: Sequence[Article],
    floor: float,
) -> None:
    """A pair that shares no name is not a story: with no person or speaker in common, its
    score is 0 unless capitalised terms carry ``NAME_GATE`` of its similarity, one of them
    is in each lead (:func:`_names_in_leads`), and the two print a phrase in common
    (:func:`_share_a_phrase`). Two ferry strikes on two seas share
    "ferry", "strike", "crew" and "Sea", but not one thing named the same way.
    Only the pairs that would count (from ``floor``) are looked at."""
    check = np.flatnonzero(nameless & (scores >= floor))
    if check.size:
        weak = _shared_names_weight(index, rows[check], cols[check]) < NAME_GATE
        weak |= _names_in_leads(index, rows[check], cols[check]) <= 0
        scores[check[weak]] = 0.0
        check = check[~weak]
    if check.size:
        scores[check[~_share_a_phrase(index, articles, rows[check], cols[check])]] = 0.0


def _share_a_phrase(
    index: TermIndex, articles: Sequence[Article], rows: np.ndarray, cols: np.ndarray
) -> np.ndarray:
    """For each pair, whether both articles print one phrase (two terms side by side:
    "floor price", "export controls") that is not part of a name only one of them
    names ("Weir Bridge" in a film called "The Weir Bridge" and in the "Old Weir Bridge":
    two names, two things; the same name in both would be a shared name already)."""
    involved, at = np.unique(np.concatenate((rows, cols)), return_inverse=True)
    printed = index.phrase_rows(involved)
    own = _name_phrases(index, [articles[k] for k in involved.tolist()])
    lines = np.repeat(np.arange(len(own)), [len(c) for c in own])
    keys = np.fromiter((c for cs in own for c in sorted(cs)), np.int64, lines.size)
    names = sparse.csr_matrix(
        (np.ones(lines.size, dtype=np.float32), (lines, keys)), shape=printed.shape
    )
    phrases = (printed - printed.multiply(names)).tocsr()
    phrases.eliminate_zeros()
    at = at.ravel()
    shared: np.ndarray = _rowwise_dot(phrases, at[: rows.size], at[rows.size :]) > 0
    return shared


def _name_phrases(index: TermIndex, articles: Sequence[Article]) -> list[set[int]]:
    """Each article's phrases that are parts of the names it mentions (its ``people``)."""
    of_name: dict[str, list[int]] = {}  # a briefing names the same people again and again
    out = []
    for article in articles:
        keys: set[int] = set()
        for name in article.people:
            if name not in of_name:
                words = [term(word) for word in TOKEN.findall(name)]
                found = (
                    index.phrase_key(first, second)
                    for first, second in pairwise(words)
                    if first and second and first != second
                )
                of_name[name] = [key for key in found if key is not None]
            keys.update(of_name[name])
        out.append(keys)
    return out


RELATIONS: tuple[Literal["earlier", "later", "same-report"], ...] = (
    "earlier",
    "later",
    "same-report",
)


def _directed(
    articles: Sequence[Article],
    pairs: np.ndarray,
    chosen: dict[tuple[int, int], Choice],
    s: Settings,
) -> tuple[list[int], list[int], list[int], list[float]]:
    """Each chosen pair as two links, one each way, capped: at most ``max_links`` per article
    and relation, the strongest first (ties by source and target), links by hand always.

    A near-duplicate pair (not linked by hand) is "same-report" both ways; otherwise the
    earlier article links "later" and the later one "earlier" (same day: by path). Returned
    as columns (source, target, relation number, score), by source, strongest first, then
    by target. Array work: at 10,000 articles there are 150,000 links before the cap.
    """
    if not len(pairs):
        return [], [], [], []
    choices = [chosen[(i, j)] for i, j in pairs.tolist()]
    score = np.array([c[0] for c in choices], dtype=np.float64)
    text = np.array([c[1] for c in choices], dtype=np.float64)
    by_hand = np.array([c[4] for c in choices], dtype=bool)
    # an undated article counts as the later one (it is listed after the dated ones);
    # pages show such links apart, claiming no order (see :func:`generator.view.shown_relation`)
    day = np.array([a.date.toordinal() if a.date else _LAST_DAY for a in articles], dtype=np.int64)
    i, j = pairs[:, 0], pairs[:, 1]  # i < j: articles are numbered in path order
    same = (text >= s.duplicate_threshold) & ~by_hand
    first_is_earlier = day[i] <= day[j]
    earlier, later = np.where(first_is_earlier, i, j), np.where(first_is_earlier, j, i)
    source = np.concatenate((np.where(same, i, earlier), np.where(same, j, later)))
    target = np.concatenate((np.where(same, j, later), np.where(same, i, earlier)))
    kind = np.concatenate((np.where(same, 2, 1), np.where(same, 2, 0)))
    score, by_hand = np.tile(score, 2), np.tile(by_hand, 2)
    strongest = np.lexsort((target, source, -score))
    group = (source * len(RELATIONS) + kind)[strongest]
    in_group = np.argsort(group, kind="stable")
    rank = np.empty_like(in_group)
    rank[in_group] = np.arange(group.size) - np.searchsorted(group[in_group], group[in_group])
    keep = strongest[(rank < s.max_links) | by_hand[strongest]]
    order = keep[np.lexsort((target[keep], -score[keep], source[keep]))]
    return (
        source[order].tolist(),
        target[order].tolist(),
        kind[order].tolist(),
        score[order].tolist(),
    )


#: From this many articles on, a term in more than ``COMMON_SHARE`` of them is never a reason.
COMMON_AFTER, COMMON_SHARE = 50, 0.2

#: A batch of source articles grows while its block of paragraph similarities (source
#: paragraphs x the paragraphs of all their targets) stays under this many cells.
PASSAGE_CELLS = 32_768
#: Batches are compared on this many threads (numpy and scipy release the GIL in their loops).
PASSAGE_THREADS = 2


def _in_story_order(partners: dict[int, set[int]]) -> list[int]:
    """The source articles, neighbours next to each other (breadth first through the links),
    so that a batch of sources shares most of its targets and its product stays small."""
    around: dict[int, set[int]] = defaultdict(set)
    for source, targets in partners.items():
        for target in targets:
            around[source].add(target)
            around[target].add(source)
    order: list[int] = []
    seen: set[int] = set()
    for start in sorted(partners):
        if start in seen:
            continue
        seen.add(start)
        queue = [start]
        for node in queue:
            if node in partners:
                order.append(node)
            for other in sorted(around[node] - seen):
                seen.add(other)
                queue.append(other)
    return order


def _batches(
    order: Sequence[int], partners: dict[int, set[int]], sizes: np.ndarray
) -> Iterator[list[int]]:
    """Consecutive sources, as many as keep a batch's block under ``PASSAGE_CELLS`` cells.
    Every cell is computed, needed or not: when neighbours share targets a batch can hold
    many sources; when their targets differ, few (a fixed batch of 32 computed twenty cells
    for every one needed on a loosely knit corpus of 10,000 articles)."""
    batch: list[int] = []
    targets: set[int] = set()
    rows = cols = 0
    for source in order:
        new = partners[source] - targets
        more_rows = rows + int(sizes[source])
        more_cols = cols + int(sizes[list(new)].sum()) if new else cols
        if batch and more_rows * more_cols > PASSAGE_CELLS:
            yield batch
            batch, targets = [], set()
            new = partners[source]
            more_rows, more_cols = int(sizes[source]), int(sizes[list(new)].sum())
        batch.append(source)
        targets |= new
        rows, cols = more_rows, more_cols
    if batch:
        yield batch


class _Block(NamedTuple):
    """One product: a batch of source articles against all their partners, and where each
    linked pair's sub-block sits in it."""

    sources: np.ndarray  # article numbers: the rows, paragraph after paragraph
    targets: np.ndarray  # article numbers: the columns
    width: int  # the number of columns
    a: np.ndarray  # per linked pair: the source article
    b: np.ndarray  # per linked pair: the target article
    row: np.ndarray  # per pair: the first row of its source article
    col: np.ndarray  # per pair: the first column of its target article
    rows: np.ndarray  # per pair: the source article's paragraphs
    cols: np.ndarray  # per pair: the target article's paragraphs


def _block(batch: list[int], partners: dict[int, set[int]], sizes: np.ndarray) -> _Block:
    wanted = sorted({b for a in batch for b in partners[a]})
    row_of = dict(zip(batch, np.cumsum([0, *sizes[batch]]).tolist(), strict=False))
    col_of = dict(zip(wanted, np.cumsum([0, *sizes[wanted]]).tolist(), strict=False))
    pairs = [(a, b) for a in batch for b in sorted(partners[a])]
    a, b = (np.array(side, dtype=np.int64) for side in zip(*pairs, strict=True))
    return _Block(
        np.array(batch, dtype=np.int64),
        np.array(wanted, dtype=np.int64),
        int(sizes[wanted].sum()),
        a,
        b,
        np.array([row_of[x] for x in a.tolist()], dtype=np.int64),
        np.array([col_of[x] for x in b.tolist()], dtype=np.int64),
        sizes[a],
        sizes[b],
    )


#: Blocks are gathered into groups of about this many needed cells, compared on one thread.
PASSAGE_GROUP = 1 << 19


def _groups(blocks: Sequence[_Block]) -> Iterator[list[_Block]]:
    group: list[_Block] = []
    cells = 0
    for block in blocks:
        more = int((block.rows * block.cols).sum())
        if group and cells + more > PASSAGE_GROUP:
            yield group
            group, cells = [], 0
        group.append(block)
        cells += more
    if group:
        yield group


def _passages(
    index: TermIndex, linked: Sequence[tuple[int, int]], s: Settings
) -> dict[tuple[int, int], Passages]:
    """For each link, by article numbers: paragraphs that speak of the same thing.

    Each linked pair is compared once (both directions come from one similarity block).
    Sources are taken in batches of neighbours, one product per batch; from each product
    only the linked pairs' cells are kept, and the best matches are chosen over many
    batches at once: array work, no loop per pair.
    """
    sizes = np.diff(index.first_paragraph)
    partners: dict[int, set[int]] = defaultdict(set)
    for first, second in linked:
        if sizes[first] and sizes[second]:
            partners[first].add(second)
    blocks = [
        _block(batch, partners, sizes)
        for batch in _batches(_in_story_order(partners), partners, sizes)
    ]
    firsts, seconds = (
        np.concatenate([getattr(block, side) for block in blocks]).tolist() if blocks else []
        for side in ("a", "b")
    )
    groups = list(_groups(blocks))
    bases = np.cumsum([0, *(sum(block.row.size for block in group) for group in groups)])
    compare = partial(_compare_group, index, s)
    # Our threads share the cores; BLAS threads inside each small product would only wait.
    with threadpool_limits(1, user_api="blas"), ThreadPoolExecutor(PASSAGE_THREADS) as pool:
        compared = list(pool.map(compare, groups, bases[:-1].tolist()))
    found = {flip: [parts[flip] for parts in compared] for flip in (False, True)}  # True: b -> a
    out: dict[tuple[int, int], Passages] = {}
    for flip, parts in found.items():
        if not parts:
            continue
        pair, source, target, value = (np.concatenate(c) for c in zip(*parts, strict=True))
        pair_ids, links_found = _strongest(pair, source, target, value, s)
        for k, passages in zip(pair_ids, links_found, strict=True):
            a, b = firsts[k], seconds[k]
            out[(b, a) if flip else (a, b)] = passages
    return out


Matches = tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]  # pair, source, target, score


def _compare_group(
    index: TermIndex, s: Settings, blocks: Sequence[_Block], base: int
) -> tuple[Matches, Matches]:
    """The best paragraph matches above the threshold of a group of blocks' linked pairs,
    a -> b and b -> a; pairs are numbered from ``base``."""
    starts = index.first_paragraph
    rows, cols = (np.concatenate([getattr(b, side) for b in blocks]) for side in ("rows", "cols"))
    row, col = (np.concatenate([getattr(b, side) for b in blocks]) for side in ("row", "col"))
    width = np.concatenate([np.full(b.row.size, b.width) for b in blocks])
    pair, cell = _expand(rows * cols)
    # Each linked pair's cells, twice: a's paragraphs x b's (row by row) and b's x a's.
    ahead_row, ahead_col = np.divmod(cell, cols[pair])
    back_col, back_row = np.divmod(cell, rows[pair])
    ahead_at = (row[pair] + ahead_row) * width[pair] + col[pair] + ahead_col
    back_at = (row[pair] + back_row) * width[pair] + col[pair] + back_col
    ahead, back = np.empty(pair.size), np.empty(pair.size)
    edges = np.cumsum([0, *((b.rows * b.cols).sum() for b in blocks)]).tolist()
    for block, lo, hi in zip(blocks, edges, edges[1:], strict=False):
        _, source_rows = _spans(starts, block.sources)
        _, target_rows = _spans(starts, block.targets)
        similar = _similarities(index.paragraphs, source_rows, target_rows).ravel()
        ahead[lo:hi] = similar[ahead_at[lo:hi]]
        back[lo:hi] = similar[back_at[lo:hi]]
    return (
        _best(ahead, pair, ahead_row, ahead_col, widths=cols, base=base, s=s),
        _best(back, pair, back_col, back_row, widths=rows, base=base, s=s),
    )


def _spans(starts: np.ndarray, ids: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The positions ``starts[k]`` up to ``starts[k + 1]`` for each k of ``ids``, one span
    after the other, and each position's span number in ``ids``: an article's paragraph
    rows (``starts``: each article's first row), or a row's stored entries (CSR ``indptr``)."""
    which, offset = _expand(starts[ids + 1] - starts[ids])
    return which, starts[ids][which] + offset


def _best(
    values: np.ndarray,
    pair: np.ndarray,
    source: np.ndarray,
    target: np.ndarray,
    *,
    widths: np.ndarray,
    base: int,
    s: Settings,
) -> Matches:
    """Cells in runs of one source paragraph against a whole article (``widths[pair]``
    long): per run, the best target paragraph (the first of equals), if above threshold."""
    first = np.flatnonzero(target == 0)
    top = np.maximum.reduceat(values, first)
    spread = np.repeat(top, widths[pair[first]])
    at = np.minimum.reduceat(np.where(values == spread, target, np.iinfo(np.int64).max), first)
    keep = top >= s.passage_threshold
    return pair[first][keep] + base, source[first][keep], at[keep], top[keep]


def _similarities(vectors: sparse.csr_matrix, rows: np.ndarray, cols: np.ndarray) -> np.ndarray:
    """``vectors[rows] @ vectors[cols].T`` as a dense array, over the terms both sides use.

    The block is almost always dense (99% of cells at 10,000 articles), so one BLAS product
    of two small dense arrays beats a sparse product and its conversion; terms that only one
    side uses add nothing to any cell and are left out before the product. It sums in double
    precision: in single precision the order of the sums, which depends on the BLAS build,
    would change a score's fourth decimal about once in 10,000 passages.
    """
    (left, left_terms, left_values), (right, right_terms, right_values) = (
        _entries(vectors, chosen) for chosen in (rows, cols)
    )
    on_left = np.zeros(vectors.shape[1], dtype=bool)
    on_left[left_terms] = True
    both = np.zeros(vectors.shape[1], dtype=bool)
    both[right_terms] = True
    both &= on_left
    column = np.cumsum(both) - 1
    width = int(column[-1]) + 1 if column.size else 0
    dense_rows, dense_cols = (
        np.zeros((size, width), dtype=np.float64) for size in (rows.size, cols.size)
    )
    for dense, row, terms, values in (
        (dense_rows, left, left_terms, left_values),
        (dense_cols, right, right_terms, right_values),
    ):
        keep = both[terms]
        dense[row[keep], column[terms[keep]]] = values[keep]
    return dense_rows @ dense_cols.T


def _entries(vectors: sparse.csr_matrix, rows: np.ndarray) -> tuple[np.ndarray, ...]:
    """The stored entries of ``vectors[rows]``: each one's position in ``rows``, term, value."""
    where, at = _spans(vectors.indptr, rows)
    return where, vectors.indices[at], vectors.data[at]


def _expand(widths: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """For spans of ``widths``: each element's span number and its offset in the span."""
    pair = np.repeat(np.arange(widths.size), widths)
    starts = np.concatenate(([0], np.cumsum(widths)[:-1]))
    return pair, np.arange(pair.size) - starts[pair]


def _strongest(
    pair: np.ndarray, source: np.ndarray, target: np.ndarray, value: np.ndarray, s: Settings
) -> tuple[list[int], list[Passages]]:
    """Per pair, of its matches (all at or above the threshold, in (pair, source) order):
    the ``max_passages`` strongest (ties to the earlier paragraph), in source paragraph order."""
    # Strongest first within each pair, ties in source order: the input is in (pair, source)
    # order, so a stable sort on pair * 2 + (1 - value) does it (exact: pair needs under 30
    # bits, a float32 value 24, and float64 has 53).
    order = np.argsort(pair * 2.0 + (1.0 - value.astype(np.float64)), kind="stable")
    pair, source, target, value = pair[order], source[order], target[order], value[order]
    first = np.searchsorted(pair, pair, side="left")
    keep = np.arange(pair.size) - first < s.max_passages
    pair, source, target, value = pair[keep], source[keep], target[keep], value[keep]
    order = np.argsort(pair * (int(source.max(initial=0)) + 1) + source, kind="stable")
    pair, source, target, value = pair[order], source[order], target[order], value[order]
    if not pair.size:
        return [], []
    columns = PassageColumns(
        source.tolist(), target.tolist(), np.round(value.astype(np.float64), 4).tolist()
    )
    bounds = [0, *(np.flatnonzero(np.diff(pair)) + 1).tolist(), pair.size]
    return pair[bounds[:-1]].tolist(), [Passages(columns, lo, hi) for lo, hi in pairwise(bounds)]


#: Where an undated article stands in a thread's date order: after every dated one.
_NO_DATE = dt.date.max
_LAST_DAY = _NO_DATE.toordinal()


def _threads(
    articles: Sequence[Article],
    linked: Sequence[tuple[int, int]],
    chosen: dict[tuple[int, int], Choice],
    settings: Settings,
) -> tuple[Thread, ...]:
    """Connected components of the link graph, in date order; single articles are no thread.

    A thread's address is its first article's name: it stays as later pieces join, and the
    other members' names are kept as aliases (pages that redirect), so that when an earlier
    piece joins, or two threads become one, or one splits, every old address still leads
    to the thread holding its article.
    """
    story = _components(linked, len(articles))
    groups: dict[int, list[int]] = defaultdict(list)
    for number, label in enumerate(story):
        groups[label].append(number)
    weight: dict[int, float] = defaultdict(float)  # how central each article is to its thread
    for a, b in linked:
        weight[a] += chosen[(a, b)][0]
        weight[b] += chosen[(a, b)][0]
    by_hand = dict(settings.thread_titles)
    threads = []
    for numbers in groups.values():
        if len(numbers) < 2:
            continue
        members = sorted((articles[k] for k in numbers), key=lambda a: (a.date or _NO_DATE, a.path))
        names = [_slug(_stem(a.path)) for a in members]
        central = sorted(numbers, key=lambda k: (-round(weight[k], 4), articles[k].path))
        asked = [by_hand[n] for n in names if n in by_hand]
        asked += [v for a in members for k, v in a.extra if k == "thread_title"]
        title = asked[0] if asked else thread_title(members, [articles[k] for k in central])
        threads.append(Thread(names[0], title, tuple(a.path for a in members), tuple(names[1:])))
    threads.sort(key=lambda t: t.members[0])
    seen: dict[str, int] = defaultdict(int)
    unique = []
    for thread in threads:
        seen[thread.slug] += 1
        slug = thread.slug if seen[thread.slug] == 1 else f"{thread.slug}-{seen[thread.slug]}"
        unique.append(replace(thread, slug=slug))
    primary = {t.slug for t in unique}
    return tuple(
        replace(t, aliases=tuple(a for a in dict.fromkeys(t.aliases) if a not in primary))
        for t in unique
    )


def thread_title(members: Sequence[Article], central: Sequence[Article]) -> str:
    """A thread's title as a person would write it: the headline of its most central piece
    (the one its links weigh most on), as printed, without the outlet's name, and the years.

    >>> from generator.model import Article
    >>> first = Article("a.txt", "", "Council pauses work | Daily Ledger", dt.date(2019, 5, 7), "Daily Ledger", ())
    >>> later = Article("b.txt", "", "Council resumes work", dt.date(2024, 3, 1), None, ())
    >>> thread_title([first, later], [first, later])
    'Council pauses work, 2019\N{EN DASH}2024'
    """
    years = sorted({a.date.year for a in members if a.date})
    span = f"{years[0]}\N{EN DASH}{years[-1]}" if len(years) > 1 else "".join(map(str, years))
    headlines = [h for h in (_headline(a) for a in central) if h]
    plain = [h for h in headlines if 3 <= len(h.split()) <= 16]  # not a slogan, not a paragraph
    lead = (plain or headlines or [_stem(members[0].path)])[0]
    return f"{lead}, {span}" if span else lead


_DASH = "[-\N{EN DASH}\N{EM DASH}]"


def _headline(article: Article) -> str | None:
    """The article's headline without the outlet's name beside it ("Title | Section |
    Outlet": the longest part; "Title - Outlet", "Outlet: Title"), or None when the cleaner
    had to make the title up."""
    title = (article.title or "").strip()
    if not title or any("title derived" in w for w in article.warnings):
        return None
    outlet = (article.source or "").strip()
    if "|" in title:
        parts = [p.strip() for p in title.split("|")]
        title = max((p for p in parts if p.casefold() != outlet.casefold()), key=len, default="")
    elif outlet:
        name = re.escape(outlet)
        title = re.sub(r"\s+" + _DASH + r"\s+" + name + "$", "", title, flags=re.I)
        title = re.sub("^" + name + r"\s*(?:" + _DASH + r"|:)\s+", "", title, flags=re.I)
    return title or None


def _stem(path: str) -> str:
    """A file's name without folder and extension: ``raw/2018-08-27-tass.txt`` -> ``2018-08-27-tass``."""
    return path.rsplit("/", 1)[-1].rsplit(".", 1)[0]


def _slug(text: str) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
    return slug[:60].strip("-") or "thread"


def passage_anchor(paragraph: int) -> str:
    """The stable anchor of a body paragraph (1-based, as a reader would count)."""
    return f"p{paragraph + 1}"
