"""The corpus's content words, counted once: TF-IDF rows for articles and for paragraphs.

Every article is tokenised exactly once. Each distinct raw word (``"European"``,
``"relations"``) is mapped to a term (``"european"``, ``"relation"``) the first time it is
seen, so the per-word work is one dictionary lookup; counting, weighting and
normalising are sparse-matrix operations (scipy, scikit-learn's ``TfidfTransformer``).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import chain

import numpy as np
from scipy import sparse
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS, TfidfTransformer

#: Words too common in news copy to say two stories are about the same thing.
NEWS_STOP_WORDS = frozenset(
    """said says told added noted stressed according year years week weeks month months
    monday tuesday wednesday thursday friday saturday sunday today yesterday time new
    called calls call including percent mr ms just like did does going make made""".split()
)
STOP_WORDS = frozenset(ENGLISH_STOP_WORDS | NEWS_STOP_WORDS | {"s", "t", "ll", "ve", "re"})
TOKEN = re.compile(r"\w{2,}")  # digits and "_" are dropped by :func:`term`


def singular(word: str) -> str:
    """A light plural fold so "relations" meets "relation"; stays a readable word.

    >>> [singular(w) for w in ("relations", "issues", "countries", "process", "us", "news")]
    ['relation', 'issue', 'country', 'process', 'us', 'news']
    """
    if len(word) <= 3 or word.endswith(("ss", "us", "is", "news")):
        return word
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    return word[:-1] if word.endswith("s") else word


def term(word: str) -> str | None:
    """The term a raw word counts as, or None for a stop word.

    >>> term("Relations"), term("the"), term("Europe")
    ('relation', None, 'europe')
    """
    if not word.isalpha():
        return None  # numbers, "2022", "_id"
    low = singular(word.lower())
    return None if low in STOP_WORDS else low


@dataclass(frozen=True)
class TermIndex:
    """TF-IDF rows (L2-normalised) over one vocabulary of terms."""

    docs: sparse.csr_matrix  # one row per article: title, standfirst and body
    paragraphs: sparse.csr_matrix  # one row per body paragraph, articles in order
    first_paragraph: np.ndarray  # row of each article's first paragraph; last = total
    forms: tuple[str, ...]  # each term as the articles print it most often ("European")

    def paragraph_rows(self, article: int) -> slice:
        return slice(int(self.first_paragraph[article]), int(self.first_paragraph[article + 1]))


def build_index(articles: Sequence[tuple[Sequence[str], Sequence[str]]]) -> TermIndex:
    """Index ``(head blocks, body paragraphs)`` per article (heads count for the article only)."""
    raw_ids: dict[str, int] = {}
    raw_terms: list[int] = []  # raw id -> term id (-1: stop word)
    term_ids: dict[str, int] = {}
    flat: list[int] = []  # raw word ids of every block, one after the other
    lengths: list[int] = []  # words per block
    doc_of_block: list[int] = []
    paragraph_of_block: list[int] = []  # -1 for a title or standfirst
    first_paragraph = [0]
    for number, (head, body) in enumerate(articles):
        blocks = [*(h for h in head if h), *body]
        lists = [TOKEN.findall(block) for block in blocks]
        # first-seen order, never set order: term ids (and so ties) must not depend on the hash seed
        for new in [w for w in dict.fromkeys(chain.from_iterable(lists)) if w not in raw_ids]:
            found = term(new)
            raw_ids[new] = len(raw_terms)
            raw_terms.append(-1 if found is None else term_ids.setdefault(found, len(term_ids)))
        flat.extend(map(raw_ids.__getitem__, chain.from_iterable(lists)))
        lengths.extend(map(len, lists))
        doc_of_block.extend([number] * len(blocks))
        paragraph_of_block.extend([-1] * (len(blocks) - len(body)))
        paragraph_of_block.extend(range(first_paragraph[-1], first_paragraph[-1] + len(body)))
        first_paragraph.append(first_paragraph[-1] + len(body))
    raw = np.array(flat, dtype=np.int64)
    sizes = np.array(lengths, dtype=np.int64)
    terms_of = np.asarray(raw_terms, dtype=np.int64)[raw] if raw.size else raw
    keep = terms_of >= 0
    n_terms = max(len(term_ids), 1)
    doc_rows = np.repeat(np.asarray(doc_of_block, dtype=np.int64), sizes)[keep]
    para_rows = np.repeat(np.asarray(paragraph_of_block, dtype=np.int64), sizes)[keep]
    cols = terms_of[keep]
    ones = np.ones(cols.size, dtype=np.float32)
    doc_counts = sparse.csr_matrix((ones, (doc_rows, cols)), shape=(len(articles), n_terms))
    in_body = para_rows >= 0
    para_counts = sparse.csr_matrix(
        (ones[in_body], (para_rows[in_body], cols[in_body])),
        shape=(first_paragraph[-1], n_terms),
    )
    return TermIndex(
        docs=_tfidf(doc_counts),
        paragraphs=_tfidf(para_counts),
        first_paragraph=np.asarray(first_paragraph, dtype=np.int64),
        forms=_forms(raw_ids, raw_terms, np.bincount(raw, minlength=len(raw_terms)), n_terms),
    )


def _tfidf(counts: sparse.csr_matrix) -> sparse.csr_matrix:
    counts.sum_duplicates()
    if counts.shape[0] == 0:
        return counts
    weighted = TfidfTransformer(sublinear_tf=True).fit_transform(counts)
    return sparse.csr_matrix(weighted, dtype=np.float32)


def _forms(
    raw_ids: dict[str, int], raw_terms: Sequence[int], counts: np.ndarray, n_terms: int
) -> tuple[str, ...]:
    """The printed form of each term: its most frequent spelling, folded to the singular."""
    best: dict[int, Counter[str]] = {}
    for word, raw_id in raw_ids.items():
        term_id = raw_terms[raw_id]
        if term_id >= 0:
            best.setdefault(term_id, Counter())[
                singular(word) if word[:1].isupper() else singular(word.lower())
            ] += int(counts[raw_id])
    return tuple(
        max(sorted(best[i]), key=lambda form: best[i][form]) if i in best else ""
        for i in range(n_terms)
    )
