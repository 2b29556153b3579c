"""The corpus's TF-IDF index: rows for articles and for paragraphs, over one vocabulary.

Each distinct raw word of the cached counts (``"European"``, ``"relations"``) is mapped to a
term (``"european"``, ``"relation"``) the first time it is seen, so the per-word work is one
dictionary lookup; counting, weighting and normalising are sparse-matrix operations
(scipy), with scikit-learn's smoothed TF-IDF formula. Only the links stage needs it.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import chain

import numpy as np
from scipy import sparse

from .model import WordCounts
from .terms import singular, term

#: An article's lead: its title and standfirst and this many body paragraphs, what the
#: piece is about. Two pieces of one story each have a lead that speaks of the other.
LEAD_PARAGRAPHS = 2


@dataclass(frozen=True)
class TermIndex:
    """TF-IDF rows (L2-normalised) over one vocabulary of terms."""

    docs: sparse.csr_matrix  # one row per article: title, standfirst and body
    leads: sparse.csr_matrix  # one row per article: title, standfirst, first paragraphs
    paragraphs: sparse.csr_matrix  # one row per body paragraph, articles in order
    first_paragraph: np.ndarray  # row of each article's first paragraph; last = total
    forms: tuple[str, ...]  # each term as the articles print it most often ("European")
    #: Phrases: two terms printed side by side in one block, no stop word between ("floor
    #: price", "wind farm", "Saltmarsh Bank"), each as ``first * len(terms) + second``,
    #: article after article; article k's are ``phrases[phrase_start[k]:phrase_start[k + 1]]``.
    phrases: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.int64))
    phrase_start: np.ndarray = field(default_factory=lambda: np.zeros(1, dtype=np.int64))
    #: each term as a reader saw it printed, for the reasons on the pages: "Tomas", never
    #: the folded "Toma" that ``forms`` may hold (which stays the key names are matched by)
    shown: tuple[str, ...] = ()
    terms: dict[str, int] = field(default_factory=dict)  # each term's column

    def paragraph_rows(self, article: int) -> slice:
        return slice(int(self.first_paragraph[article]), int(self.first_paragraph[article + 1]))

    def phrase_key(self, first: str, second: str) -> int | None:
        """The key of the phrase of two terms, or None when a term is in no article."""
        a, b = self.terms.get(first), self.terms.get(second)
        return None if a is None or b is None else a * max(len(self.terms), 1) + b

    def phrase_rows(self, articles: np.ndarray) -> sparse.csr_matrix:
        """One 0/1 row per article of ``articles``, one column per phrase key: the phrases
        it prints. Made on demand, for the few articles asked about: sorting the phrases of
        every article would cost a tenth of the link stage at 10,000 articles.

        >>> from generator.terms import count_words
        >>> index = build_index([count_words(("Floor price set",), ("The floor price holds.",))])
        >>> row = index.phrase_rows(np.array([0]))
        >>> row.nnz, index.phrase_key("floor", "price") in row.indices.tolist()
        (3, True)
        """
        start, end = self.phrase_start[articles], self.phrase_start[articles + 1]
        sizes = end - start
        offsets = np.arange(int(sizes.sum())) - np.repeat(np.cumsum(sizes) - sizes, sizes)
        keys = self.phrases[np.repeat(start, sizes) + offsets]
        width = max(len(self.terms), 1) ** 2
        found = sparse.csr_matrix(
            (np.ones(keys.size, dtype=np.float32), keys, np.concatenate(([0], np.cumsum(sizes)))),
            shape=(articles.size, width),
        )
        found.sum_duplicates()
        found.data[:] = 1.0
        return found


def build_index(articles: Sequence[WordCounts]) -> TermIndex:
    """Index the articles' word counts (head blocks count for the article only).

    Whole-corpus passes, no loop per article: at 10,000 articles the words, tokens and
    blocks are 2.5, 4 and 0.1 million long.
    """
    # Every raw word once, in first-seen order, never set order: term ids (and so ties)
    # must not depend on the hash seed.
    raw_ids = {
        w: k for k, w in enumerate(dict.fromkeys(chain.from_iterable(a.words for a in articles)))
    }
    term_ids: dict[str, int] = {}
    raw_terms = [  # raw id -> term id (-1: stop word)
        -1 if (found := term(word)) is None else term_ids.setdefault(found, len(term_ids))
        for word in raw_ids
    ]
    n_words = np.fromiter((len(a.words) for a in articles), np.int64, len(articles))
    n_tokens = np.fromiter((len(a.tokens) for a in articles), np.int64, len(articles))
    n_blocks = np.fromiter((len(a.lengths) for a in articles), np.int64, len(articles))
    heads = np.fromiter((a.heads for a in articles), np.int64, len(articles))
    word_ids = np.fromiter(
        map(raw_ids.__getitem__, chain.from_iterable(a.words for a in articles)),
        np.int64,
        int(n_words.sum()),
    )
    tokens = np.fromiter(
        chain.from_iterable(a.tokens for a in articles), np.int64, int(n_tokens.sum())
    )
    # every token's raw id: tokens index their own article's words
    raw = word_ids[tokens + np.repeat(np.cumsum(n_words) - n_words, n_tokens)]
    sizes = np.fromiter(
        chain.from_iterable(a.lengths for a in articles), np.int64, int(n_blocks.sum())
    )
    doc_of_block = np.repeat(np.arange(len(articles)), n_blocks)
    in_article = np.arange(sizes.size) - np.repeat(np.cumsum(n_blocks) - n_blocks, n_blocks)
    is_body = in_article >= np.repeat(heads, n_blocks)
    paragraph_of_block = np.where(is_body, np.cumsum(is_body) - 1, -1)  # -1: title, standfirst
    first_paragraph = np.concatenate(([0], np.cumsum(n_blocks - heads)))
    terms_of = np.asarray(raw_terms, dtype=np.int64)[raw] if raw.size else raw
    keep = terms_of >= 0
    n_terms = max(len(term_ids), 1)
    doc_rows = np.repeat(doc_of_block, sizes)[keep]
    para_rows = np.repeat(paragraph_of_block, sizes)[keep]
    cols = terms_of[keep]
    ones = np.ones(cols.size, dtype=np.float32)
    doc_counts = sparse.csr_matrix((ones, (doc_rows, cols)), shape=(len(articles), n_terms))
    in_lead = np.repeat(in_article < np.repeat(heads + LEAD_PARAGRAPHS, n_blocks), sizes)[keep]
    lead_counts = sparse.csr_matrix(
        (ones[in_lead], (doc_rows[in_lead], cols[in_lead])), shape=(len(articles), n_terms)
    )
    in_body = para_rows >= 0
    para_counts = sparse.csr_matrix(
        (ones[in_body], (para_rows[in_body], cols[in_body])),
        shape=(int(first_paragraph[-1]), n_terms),
    )
    docs = _tfidf(doc_counts)
    phrases, phrase_start = _phrases(
        np.asarray(raw_terms, dtype=np.int64)[raw] if raw.size else raw,
        np.repeat(np.arange(sizes.size), sizes),
        np.repeat(doc_of_block, sizes),
        n_terms,
        len(articles),
    )
    return TermIndex(
        docs=docs,
        leads=_tfidf(lead_counts, idf_of=doc_counts),
        paragraphs=_tfidf(para_counts),
        first_paragraph=np.asarray(first_paragraph, dtype=np.int64),
        forms=_forms(raw_ids, raw_terms, np.bincount(raw, minlength=len(raw_terms)), n_terms),
        shown=_forms(
            raw_ids, raw_terms, np.bincount(raw, minlength=len(raw_terms)), n_terms, printed=True
        ),
        phrases=phrases,
        phrase_start=phrase_start,
        terms=term_ids,
    )


def _phrases(
    terms: np.ndarray, blocks: np.ndarray, docs: np.ndarray, n_terms: int, n_docs: int
) -> tuple[np.ndarray, np.ndarray]:
    """The keys of the phrases each article prints (two different terms side by side in one
    block, no stop word between: ``first * n_terms + second``), article after article, and
    where each article's begin.

    >>> keys, start = _phrases(np.array([0, 1, -1, 1, 0, 1]), np.zeros(6, int), np.array([0, 0, 0, 1, 1, 1]), 2, 2)
    >>> keys.tolist(), start.tolist()
    ([1, 2, 1], [0, 1, 3])
    """
    first, second = terms[:-1], terms[1:]
    side_by_side = (first >= 0) & (second >= 0) & (first != second) & (blocks[:-1] == blocks[1:])
    keys = first[side_by_side] * n_terms + second[side_by_side]
    start = np.searchsorted(docs[:-1][side_by_side], np.arange(n_docs + 1))
    return keys.astype(np.int64), start.astype(np.int64)


def _tfidf(counts: sparse.csr_matrix, idf_of: sparse.csr_matrix | None = None) -> sparse.csr_matrix:
    """Sublinear TF-IDF, rows L2-normalised: tf = 1 + ln(count), idf = ln((1 + n) / (1 + df))
    + 1 (scikit-learn's ``TfidfTransformer(sublinear_tf=True)``, the same float32 steps).
    ``idf_of``: the rows whose document frequencies weigh the terms (default: ``counts``)."""
    counts.sum_duplicates()
    if counts.shape[0] == 0:
        return counts
    weighted = sparse.csr_matrix(counts, dtype=np.float32, copy=True)
    source = weighted if idf_of is None else idf_of.tocsr()
    if idf_of is not None:
        source.sum_duplicates()
    df = np.bincount(source.indices, minlength=weighted.shape[1]).astype(np.float32)
    df += 1.0
    idf = np.full_like(df, weighted.shape[0] + 1, dtype=np.float32)
    idf /= df
    np.log(idf, out=idf)
    idf += 1.0
    np.log(weighted.data, out=weighted.data)
    weighted.data += 1.0
    weighted.data *= idf[weighted.indices]
    squares = (weighted.data * weighted.data).astype(np.float64)
    sums = np.zeros(weighted.shape[0], dtype=np.float64)
    rows = np.repeat(np.arange(weighted.shape[0]), np.diff(weighted.indptr))
    np.add.at(sums, rows, squares)  # in order, row by row, as the reference does
    norms = np.sqrt(sums)
    norms[norms == 0] = 1.0
    weighted.data /= norms[rows]
    return weighted


def _forms(
    raw_ids: dict[str, int],
    raw_terms: Sequence[int],
    counts: np.ndarray,
    n_terms: int,
    printed: bool = False,
) -> tuple[str, ...]:
    """The printed form of each term: its most frequent spelling, folded to the singular;
    with ``printed``, as printed (a lower-case word lower-cased, a name as it stands)."""
    best: dict[int, Counter[str]] = {}
    for word, raw_id in raw_ids.items():
        term_id = raw_terms[raw_id]
        if term_id >= 0:
            form = word if word[:1].isupper() else word.lower()
            best.setdefault(term_id, Counter())[form if printed else singular(form)] += int(
                counts[raw_id]
            )
    return tuple(
        max(sorted(best[i]), key=lambda form: best[i][form]) if i in best else ""
        for i in range(n_terms)
    )
