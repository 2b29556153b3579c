"""One person, one page: the names a briefing prints for the same person, merged.

Pastes from different sites spell a person differently: "EMMANUEL MACRON" in a shouting
headline style, "Emmanuel Macron", "Mr. Macron", "Sergey" / "Sergei Lavrov" in two
transliterations, "Emanuel Macron" or "Emmanuel Macon" as typos, "Macronin" with a
Finnish case ending. :func:`merge_names` maps every spelling to one display name, and
says why, so that the people pages, "Who said what" and ``briefing quotes`` agree.

Two names merge when their *keys* are equal (case, diacritics, honorifics, hyphens and
common transliteration endings removed), or when they share one part exactly and the
other part differs by one edit (a typo) or by a short ending. Nothing else merges: two
different people who share a surname ("Bill Clinton", "Hillary Clinton") stay two.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from .model import Article
from .names import FEMALE_NAMES, MALE_NAMES

FIRST_NAMES = MALE_NAMES | FEMALE_NAMES

_HONORIFICS = re.compile(
    r"^(?:(?:mr|mrs|ms|miss|dr|prof|sir|dame|sen|rep|gov|rev|president|prime minister)\.?\s+)+",
    re.IGNORECASE,
)
#: Transliteration endings that vary between outlets: Sergey/Sergei, Dmitry/Dmitri,
#: Zelenskyy/Zelensky/Zelenskiy, Yuriy/Yuri.
_ENDINGS = ((r"(?:yy|iy|ij|y)$", "i"), (r"ey$", "ei"))


@dataclass(frozen=True)
class Merge:
    """How a printed name maps to the person's display name."""

    name: str  # the display name: the most used well-formed spelling
    why: str  # "" when the name is the display name itself; else "case", "typo", ...


def fold(text: str) -> str:
    """Lower case without accents: "Piñera" -> "pinera"."""
    text = unicodedata.normalize("NFKD", text)
    return "".join(c for c in text if not unicodedata.combining(c)).casefold()


def person_key(name: str) -> tuple[str, ...]:
    """The parts of a name with case, accents, honorifics and transliteration removed.

    >>> person_key("Mr. Emmanuel MACRON"), person_key("Sergey Lavrov") == person_key("Sergei Lavrov")
    (('emmanuel', 'macron'), True)
    """
    bare = _HONORIFICS.sub("", " ".join(name.split()))
    parts = re.split(r"[\s\-]+", fold(bare).replace(".", " ").replace("'", ""))
    out = []
    for part in parts:
        if not part:
            continue
        folded = part
        for pattern, repl in _ENDINGS:
            folded = re.sub(pattern, repl, folded) if len(folded) > 3 else folded
        out.append(folded)
    return tuple(out)


def _one_edit(a: str, b: str) -> bool:
    """At most one insertion, deletion, substitution or swap of neighbours."""
    if a == b:
        return True
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        return len(diff) == 1 or (
            len(diff) == 2
            and diff[1] == diff[0] + 1
            and a[diff[0]] == b[diff[1]]
            and a[diff[1]] == b[diff[0]]
        )
    short, long = (a, b) if len(a) < len(b) else (b, a)
    return any(long[:i] + long[i + 1 :] == short for i in range(len(long)))


def _close(a: tuple[str, ...], b: tuple[str, ...]) -> str:
    """Why two keys are one person ("typo", "ending"), or "" if they are not."""
    if len(a) != len(b) or len(a) < 2:
        return ""
    differing = [(x, y) for x, y in zip(a, b, strict=True) if x != y]
    if len(differing) != 1:
        return ""
    x, y = differing[0]
    if {x.title(), y.title()} <= FIRST_NAMES:
        return ""  # "Mark Kelly" and "Mary Kelly" are two people
    if min(len(x), len(y)) >= 5 and _one_edit(x, y):
        return "typo"
    short, long = sorted((x, y), key=len)
    if (
        len(short) >= 5
        and long.startswith(short)
        and len(long) - len(short) <= 3
        and a[-1] != b[-1]
    ):
        return "ending"  # "Macronin", "Macronille": a case ending on the surname
    return ""


def _well_formed(name: str) -> tuple[int, int, int]:
    """Prefer mixed case over capitals, accents kept, no honorific."""
    return (
        0 if name.isupper() or name.islower() else 1,
        1 if fold(name) != name.casefold() else 0,
        0 if _HONORIFICS.match(name) else 1,
    )


def merge_names(counts: Mapping[str, int]) -> dict[str, Merge]:
    """Map every spelling to its person's display name; deterministic for any order.

    >>> m = merge_names({"Emmanuel Macron": 5, "EMMANUEL MACRON": 1, "Emmanuel Macon": 1})
    >>> m["EMMANUEL MACRON"], m["Emmanuel Macon"].name
    (Merge(name='Emmanuel Macron', why='case'), 'Emmanuel Macron')
    """
    # the most used spellings first, so that a typo joins the common form, not the reverse
    order = sorted(counts, key=lambda n: (-counts[n], tuple(-v for v in _well_formed(n)), n))
    groups: list[tuple[tuple[str, ...], list[str]]] = []
    reasons: dict[str, str] = {}
    for name in order:
        key = person_key(name)
        if not key:
            continue
        for group_key, members in groups:
            why = "" if key == group_key else _close(key, group_key)
            if key == group_key or why:
                members.append(name)
                reasons[name] = why or _same_key_reason(name, members[0])
                break
        else:
            groups.append((key, [name]))
    out: dict[str, Merge] = {}
    for _, members in groups:
        # the spelling whose parts the others share most: "Macron" over a one-off "Macon"
        support = Counter(
            part for n in members for part in set(person_key(n)) for _ in range(counts[n])
        )
        display = max(
            members,
            key=lambda n: (
                _well_formed(n)[0],  # "Emmanuel Macron" over "EMMANUEL MACRON"
                _well_formed(n)[2],  # no honorific
                sum(support[p] for p in person_key(n)),
                counts[n],
                _well_formed(n)[1],  # accents kept when nothing else decides
                n,
            ),
        )
        for name in members:
            if name == display:
                why = ""
            elif person_key(name) == person_key(display):
                why = _same_key_reason(display, name)
            else:
                why = _close(person_key(name), person_key(display)) or reasons.get(name, "spelling")
            out[name] = Merge(display, why)
    return out


def _same_key_reason(a: str, b: str) -> str:
    if a.casefold() == b.casefold():
        return "case"
    if fold(a) == fold(b):
        return "accents"
    if _HONORIFICS.match(a) or _HONORIFICS.match(b):
        return "honorific"
    return "transliteration"


def corpus_names(articles: Iterable[Article]) -> dict[str, Merge]:
    """The merge for every person an article names or quotes, across the briefing."""
    counts: Counter[str] = Counter()
    for article in articles:
        counts.update(article.people)
        counts.update(q.speaker for q in article.quotes if q.kind == "full" and q.speaker)
    return merge_names(counts)
