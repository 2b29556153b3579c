"""Stage 4 (corpus): score article pairs, explain them, link passages, form story threads.

Runs once every article has been read and quoted (Pelican's ``article_generator_finalized``).
Signals, all from what the articles say:

* themes: TF-IDF over words and two-word phrases, so rare shared terms count most;
* people: canonical names mentioned in both (an amplifier, never enough alone);
* speakers: the same person quoted in both;
* time: links weaken slowly with the years between two pieces.

The text similarity is a sparse matrix product restricted to each article's nearest
candidates, so the stage stays close to linear in the number of articles.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import replace

import numpy as np
from scipy import sparse
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS, TfidfVectorizer

from .model import Article, Corpus, CrossLink, PassageLink, Thread
from .settings import Settings

#: Words too common in news copy to say two stories are about the same thing.
NEWS_STOP_WORDS = frozenset(
    """said says told added noted stressed according year years week weeks month months
    monday tuesday wednesday thursday friday saturday sunday today yesterday time new
    called calls call including percent mr ms just like did does going make made""".split()
)
_STOP_SET = frozenset(ENGLISH_STOP_WORDS | NEWS_STOP_WORDS | {"s", "t", "ll", "ve", "re"})


_TOKEN = re.compile(r"[^\W\d_]{2,}")


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


def terms(text: str) -> list[str]:
    """Content words of a text, lower-cased and singular, hyphenated words split.

    >>> terms("Post-Cold War relations with Moscow")
    ['post', 'cold', 'war', 'relation', 'moscow']
    """
    words = (
        singular(w)
        for w in _TOKEN.findall(text.lower().replace("\N{RIGHT SINGLE QUOTATION MARK}", "'"))
    )
    return [w for w in words if w not in _STOP_SET]


def terms_and_phrases(text: str) -> list[str]:
    """Terms plus adjacent two-term phrases ("european security")."""
    words = terms(text)
    return words + [f"{a} {b}" for a, b in zip(words, words[1:], strict=False)]


def _vectorizer(phrases: bool = True) -> TfidfVectorizer:
    return TfidfVectorizer(
        analyzer=terms_and_phrases if phrases else terms,
        dtype=np.float32,
    )


def canonical_speakers(articles: Sequence[Article]) -> tuple[list[Article], dict[str, str]]:
    """One name per person across the briefing: "Macron" -> "Emmanuel Macron".

    A one-word name is merged into a full name only when exactly one full name in the
    whole corpus ends with it; otherwise it is left as written.
    """
    full_names = {name for a in articles for name in a.people if " " in name}
    by_surname: dict[str, set[str]] = defaultdict(set)
    for name in full_names:
        by_surname[name.split()[-1]].add(name)
    merges = {
        surname: next(iter(names)) for surname, names in by_surname.items() if len(names) == 1
    }

    def canon(name: str | None) -> str | None:
        if name is None or " " in name:
            return name
        return merges.get(name, name)

    out = []
    for article in articles:
        quotes = tuple(replace(q, speaker=canon(q.speaker)) for q in article.quotes)
        people = tuple(dict.fromkeys(canon(p) or p for p in article.people))
        out.append(replace(article, quotes=quotes, people=people))
    used = {name: merges[name] for a in articles for name in a.people if name in merges}
    return out, used


def _document(article: Article) -> str:
    return "\n".join([article.title or "", article.standfirst or "", *article.paragraphs])


def _top_terms(
    a: sparse.csr_matrix, b: sparse.csr_matrix, vocabulary: np.ndarray, exclude: set[str], k: int
) -> list[str]:
    """The terms that contribute most to the similarity of two rows, phrases before words."""
    weights = a.multiply(b).tocoo()
    # A phrase says more than its words: rank it by its weight plus its words' best weight.
    ranked = sorted(
        (
            (float(w) * (2.0 if " " in str(vocabulary[c]) else 1.0), int(c))
            for w, c in zip(weights.data, weights.col, strict=True)
        ),
        key=lambda x: (-x[0], x[1]),
    )
    chosen: list[str] = []
    for _, col in ranked:
        term = str(vocabulary[col])
        if any(w.lower() in exclude for w in term.split()):
            continue
        if any(set(term.split()) & set(c.split()) for c in chosen):
            continue  # "security" adds nothing next to "european security"
        chosen.append(term)
        if len(chosen) == k:
            break
    return chosen


def link_corpus(articles: Sequence[Article], settings: Settings) -> Corpus:
    """Cross-links, passage links and threads for the whole briefing (order-independent)."""
    ordered, merges = canonical_speakers(sorted(articles, key=lambda a: a.path))
    n = len(ordered)
    if n < 2:
        return Corpus(tuple(ordered), (), (), tuple(sorted(merges.items())))
    vectorizer = _vectorizer()
    try:
        matrix = vectorizer.fit_transform([_document(a) for a in ordered]).tocsr()
    except ValueError:  # every document is empty of content words
        return Corpus(tuple(ordered), (), (), tuple(sorted(merges.items())))
    casing = casing_map(ordered)
    vocabulary = np.array(
        [" ".join(casing.get(w, w) for w in t.split()) for t in vectorizer.get_feature_names_out()]
    )
    similarity = (matrix @ matrix.T).tocsr()
    name_words = {w.lower() for a in ordered for p in a.people for w in p.split()}
    links: list[CrossLink] = []
    themes_by_pair: dict[tuple[str, str], list[str]] = {}
    for i in range(n):
        row = similarity.getrow(i)
        candidates = sorted(
            ((float(s), int(j)) for s, j in zip(row.data, row.indices, strict=True) if j > i),
            reverse=True,
        )[: settings.max_links * 4]
        for text_score, j in candidates:
            pair = _score_pair(ordered[i], ordered[j], text_score, settings)
            if pair is None:
                continue
            score, shared_people, shared_speakers = pair
            themes = _top_terms(matrix.getrow(i), matrix.getrow(j), vocabulary, name_words, 4)
            themes_by_pair[(ordered[i].path, ordered[j].path)] = themes
            reasons = []
            if shared_speakers:
                reasons.append("Both quote " + _join(shared_speakers))
            others = [p for p in shared_people if p not in shared_speakers]
            if others:
                reasons.append("both mention " + _join(others))
            if themes:
                reasons.append("shared: " + ", ".join(themes))
            links.extend(
                _both_ways(ordered[i], ordered[j], score, text_score, tuple(reasons), settings)
            )
    links = _cap(links, settings)
    passages = _passages(ordered, links, settings)
    links = [replace(link, passages=passages.get((link.source, link.target), ())) for link in links]
    links.sort(key=lambda link: (link.source, -link.score, link.target))
    return Corpus(
        tuple(ordered),
        tuple(links),
        _threads(ordered, links, themes_by_pair),
        tuple(sorted(merges.items())),
    )


def casing_map(articles: Sequence[Article]) -> dict[str, str]:
    """Each term as the articles print it most often ("european" -> "European")."""
    counts: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for article in articles:
        for word in _TOKEN.findall(_document(article)):
            form = singular(word) if word[:1].isupper() else singular(word.lower())
            counts[singular(word.lower())][form] += 1
    return {low: max(sorted(forms), key=lambda f: forms[f]) for low, forms in counts.items()}


def _join(names: Sequence[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def _score_pair(
    a: Article, b: Article, text_score: float, settings: Settings
) -> tuple[float, list[str], list[str]] | None:
    """Combine the signals; entities only amplify text similarity, never replace it."""
    people_a, people_b = set(a.people), set(b.people)
    shared_people = sorted(people_a & people_b)
    speakers_a = {q.speaker for q in a.quotes if q.kind == "full" and q.speaker}
    speakers_b = {q.speaker for q in b.quotes if q.kind == "full" and q.speaker}
    shared_speakers = sorted(speakers_a & speakers_b)
    union = len(people_a | people_b) or 1
    years = abs((a.date - b.date).days) / 365.25 if a.date and b.date else 0.0
    score = (
        text_score
        * (1 + 0.5 * len(shared_people) / union + 0.25 * bool(shared_speakers))
        / (1 + years / 10)
    )
    if score < settings.link_threshold:
        return None
    return round(score, 4), shared_people, shared_speakers


def _both_ways(
    a: Article, b: Article, score: float, text_score: float, reasons: tuple[str, ...], s: Settings
) -> list[CrossLink]:
    if text_score >= s.duplicate_threshold:
        return [
            CrossLink(a.path, b.path, score, reasons, relation="same-report"),
            CrossLink(b.path, a.path, score, reasons, relation="same-report"),
        ]
    earlier, later = sorted((a, b), key=lambda x: (x.date or _NO_DATE, x.path))
    return [
        CrossLink(earlier.path, later.path, score, reasons, relation="later"),
        CrossLink(later.path, earlier.path, score, reasons, relation="earlier"),
    ]


def _cap(links: list[CrossLink], s: Settings) -> list[CrossLink]:
    """At most ``max_links`` per article and relation, the strongest first."""
    kept: list[CrossLink] = []
    counts: dict[tuple[str, str], int] = defaultdict(int)
    for link in sorted(links, key=lambda x: (-x.score, x.source, x.target)):
        key = (link.source, link.relation)
        if counts[key] < s.max_links:
            counts[key] += 1
            kept.append(link)
    return kept


def _passages(
    articles: Sequence[Article], links: Sequence[CrossLink], s: Settings
) -> dict[tuple[str, str], tuple[PassageLink, ...]]:
    """For each linked pair, paragraphs that speak of the same thing (best match each)."""
    by_path = {a.path: a for a in articles}
    pairs = {tuple(sorted((link.source, link.target))) for link in links}
    if not pairs:
        return {}
    paths = sorted({p for pair in pairs for p in pair})
    rows: list[str] = []
    first_row: dict[str, int] = {}
    for path in paths:
        first_row[path] = len(rows)
        rows.extend(by_path[path].paragraphs)
    vectorizer = _vectorizer(phrases=False)
    try:
        matrix = vectorizer.fit_transform(rows).tocsr()
    except ValueError:
        return {}
    out: dict[tuple[str, str], tuple[PassageLink, ...]] = {}
    for source, target in sorted(pairs):
        a, b = by_path[source], by_path[target]
        block_a = matrix[first_row[source] : first_row[source] + len(a.paragraphs)]
        block_b = matrix[first_row[target] : first_row[target] + len(b.paragraphs)]
        sims = (block_a @ block_b.T).toarray()
        forward = _best_matches(sims, s)
        backward = _best_matches(sims.T, s)
        out[(source, target)] = forward
        out[(target, source)] = backward
    return out


def _best_matches(sims: np.ndarray, s: Settings) -> tuple[PassageLink, ...]:
    """Each source paragraph's most similar target paragraph, where the match is strong.

    Several paragraphs may point at one target (two reports of one speech often do);
    only the ``max_passages`` strongest are kept, listed in paragraph order.
    """
    if sims.size == 0:
        return ()
    best = sims.argmax(axis=1)
    found = [
        PassageLink(i, int(j), round(float(sims[i, j]), 4))
        for i, j in enumerate(best)
        if sims[i, j] >= s.passage_threshold
    ]
    found.sort(key=lambda p: (-p.score, p.source_paragraph))
    return tuple(sorted(found[: s.max_passages], key=lambda p: p.source_paragraph))


_NO_DATE = dt.date.min


def _threads(
    articles: Sequence[Article],
    links: Sequence[CrossLink],
    themes: dict[tuple[str, str], list[str]],
) -> tuple[Thread, ...]:
    """Connected components of the link graph, in date order; single articles are no thread."""
    parent = {a.path: a.path for a in articles}

    def find(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for link in links:
        parent[find(link.source)] = find(link.target)
    groups: dict[str, list[Article]] = defaultdict(list)
    for article in articles:
        groups[find(article.path)].append(article)
    threads = []
    for members in groups.values():
        if len(members) < 2:
            continue
        members.sort(key=lambda a: (a.date or _NO_DATE, a.path))
        paths = {a.path for a in members}
        thread_themes: dict[str, int] = defaultdict(int)
        for (a, _), words in themes.items():
            if a in paths:
                for rank, word in enumerate(words):
                    thread_themes[word] += len(words) - rank
        title = _thread_title(members, sorted(thread_themes, key=lambda w: (-thread_themes[w], w)))
        threads.append(Thread(_slug(title), title, tuple(a.path for a in members)))
    threads.sort(key=lambda t: t.members[0])
    seen: dict[str, int] = defaultdict(int)
    unique = []
    for thread in threads:
        seen[thread.slug] += 1
        slug = thread.slug if seen[thread.slug] == 1 else f"{thread.slug}-{seen[thread.slug]}"
        unique.append(replace(thread, slug=slug))
    return tuple(unique)


def _thread_title(members: Sequence[Article], themes: Sequence[str]) -> str:
    """Named after the person most quoted, the strongest shared themes and the years."""
    counts: dict[str, int] = defaultdict(int)
    for article in members:
        for quote in article.quotes:
            if quote.kind == "full" and quote.speaker:
                counts[quote.speaker] += 1
    years = sorted({a.date.year for a in members if a.date})
    span = (
        f"{years[0]}\N{EN DASH}{years[-1]}" if len(years) > 1 else (str(years[0]) if years else "")
    )
    lead = max(sorted(counts), key=lambda k: counts[k]) if counts else (members[0].title or "Story")
    if themes:
        lead += ": " + _join(list(themes[:3]))
    return f"{lead}, {span}" if span else lead


def _slug(text: str) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
    return slug[:60].strip("-") or "thread"


def passage_anchor(paragraph: int) -> str:
    """The stable anchor of a body paragraph (1-based, as a reader would count)."""
    return f"p{paragraph + 1}"
