"""An article's words, counted once, and the terms they count as.

Every article is tokenised exactly once, by the per-article stage after quotes
(:func:`add_word_counts`), and the counts are cached with the article. Pure Python: the
cleaning workers and ``briefing clean`` never load numpy or scipy. The corpus's TF-IDF
index over these counts is :mod:`generator.index`.
"""

from __future__ import annotations

import ast
import importlib.util
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from .model import Article, WordCounts

#: Words too common in news copy to say two stories are about the same thing.
NEWS_STOP_WORDS = frozenset(
    """said says told added noted stressed according year years week weeks month months
    monday tuesday wednesday thursday friday saturday sunday today yesterday time new
    called calls call including percent mr ms just like did does going make made""".split()
)


def _english_stop_words() -> frozenset[str]:
    """scikit-learn's English stop words (the Glasgow IR group's list), read from the
    installed package's data without importing scikit-learn: that import alone costs most of
    a second of every build, and nothing else of scikit-learn is used."""
    spec = importlib.util.find_spec("sklearn")  # a top-level spec: nothing is imported
    if spec and spec.origin:
        source = Path(spec.origin).parent / "feature_extraction" / "_stop_words.py"
        try:
            tree = ast.parse(source.read_text(encoding="utf-8"))
            for node in tree.body:
                named = isinstance(node, ast.Assign) and ast.unparse(node.targets[0])
                call = node.value if named == "ENGLISH_STOP_WORDS" else None  # type: ignore[attr-defined]
                if isinstance(call, ast.Call) and call.args:
                    return frozenset(ast.literal_eval(call.args[0]))
        except (OSError, SyntaxError, ValueError):
            pass
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS  # noqa: PLC0415

    return frozenset(ENGLISH_STOP_WORDS)


STOP_WORDS = frozenset(_english_stop_words() | NEWS_STOP_WORDS | {"s", "t", "ll", "ve", "re"})
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
    return None if low in STOP_WORDS else fold_spelling(low)


#: Endings that transliterations of one name spell differently: Sergei / Sergey,
#: Zelenskyy / Zelenskiy / Zelensky.
_ENDINGS = (("yy", "y"), ("iy", "y"), ("ei", "ey"))


def fold_spelling(low: str) -> str:
    """One spelling for the forms a name takes in other transliterations and with or
    without its accents, so that pieces translated or written apart still share it.

    >>> [fold_spelling(w) for w in ("sergei", "sergey", "zelenskyy", "zelenskiy", "türkiye")]
    ['sergey', 'sergey', 'zelensky', 'zelensky', 'turkiye']
    """
    if not low.isascii():
        bare = "".join(
            c for c in unicodedata.normalize("NFKD", low) if not unicodedata.combining(c)
        )
        low = unicodedata.normalize("NFC", bare)
    if len(low) >= 5:
        for ending, fold in _ENDINGS:
            if low.endswith(ending):
                return low[: -len(ending)] + fold
    return low


def count_words(head: Sequence[str], body: Sequence[str]) -> WordCounts:
    """The words of an article's head blocks (title, standfirst) and body paragraphs.

    >>> counts = count_words(("Macron on Russia",), ("Macron spoke.",))
    >>> counts.words, counts.tokens, counts.lengths, counts.heads
    (('Macron', 'on', 'Russia', 'spoke'), (0, 1, 2, 0, 3), (3, 2), 1)
    """
    heads = [h for h in head if h]
    local: dict[str, int] = {}
    tokens: list[int] = []
    lengths = []
    for block in [*heads, *body]:
        found = TOKEN.findall(block)
        tokens.extend(local.setdefault(word, len(local)) for word in found)
        lengths.append(len(found))
    return WordCounts(tuple(local), tuple(tokens), tuple(lengths), len(heads))


def word_counts(article: Article) -> WordCounts:
    """The article's cached counts, or counted now (articles made without the pipeline)."""
    if article.words is not None:
        return article.words
    return count_words((article.title or "", article.standfirst or ""), article.paragraphs)


def add_word_counts(article: Article) -> Article:
    """The per-article stage after quotes: count the words once, to be cached."""
    return replace(article, words=word_counts(article))
