"""Dates in the lines that newsrooms print around an article, and the choice between them.

Four written forms cover what wires and papers print: ``2022-01-20``, ``20.01.2022`` or
``20/01/2022`` (day first, the European order), ``January 20, 2022`` / ``Feb 5th 2022``
and ``20 January 2022``. A line is a *date line* when nothing but a date, a time, a time
zone, a weekday, a label such as ``Updated:`` and perhaps a place in capitals is on it.

Why not dateparser: these lines have to be recognised *and removed* word for word, and
dateparser answers "what date is this string" with guesses (``"May"`` is a month, "2 hours
ago" is relative to now), which is the wrong question for a cleaner that must not drop
prose.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from . import patterns as P

_MONTH = r"(?P<mon>(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)[a-z]*\.?)"
_DAY = r"(?P<d>\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?P<y>(?:19|20)\d{2})"
FORMS = (
    re.compile(rf"\b{_YEAR}-(?P<m>\d{{1,2}})-{_DAY}\b"),
    re.compile(rf"\b{_DAY}[./](?P<m>\d{{1,2}})[./]{_YEAR}\b"),
    re.compile(rf"\b{_MONTH}\s+{_DAY},?(?:\s+{_YEAR})?\b"),
    re.compile(rf"\b{_DAY}\s+{_MONTH},?(?:\s+{_YEAR})?\b"),
)

#: What may stand beside a date on a date line without making it prose.
_FILLER = re.compile(
    r"\b(?:(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs)?|Fri|Sat(?:ur)?|Sun)(?:day)?\.?"
    r"|\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?|[ap]\.?m\.?|UTC|GMT|BST|CES?T|EES?T|MSK|E[SD]?T|P[SD]?T"
    r"|at|on|in|updated|published|posted|modified|issued|first|last|date|\d+\s*min(?:ute)?s?"
    r"|read|press\s+release|news\s+release|statement)\b|\((?:[A-Z][a-z]+(?: [A-Z][a-z]+)?)\)|[+\-\N{MINUS SIGN}]\d{1,2}(?::?\d{2})?\b|[|,:;.\-\N{EN DASH}\N{EM DASH}/()]",
    re.IGNORECASE,
)
_PLACE_LEFT = re.compile(r"^[A-Z][A-Z .'\-]{1,40}$")


@dataclass(frozen=True)
class Found:
    """A date written in a text: its parts (the year may be missing) and where it is."""

    year: int | None
    month: int
    day: int
    start: int
    end: int

    def resolve(self, year: int | None = None) -> dt.date | None:
        """The calendar date, borrowing ``year`` if the text gave none; None if impossible."""
        try:
            return dt.date(self.year or year or 0, self.month, self.day)
        except ValueError:
            return None


def find_date(text: str) -> Found | None:
    """The first date written in ``text``, in any of :data:`FORMS`.

    >>> find_date("Published Jan. 20, 2022 Updated Jan. 21, 2022")
    Found(year=2022, month=1, day=20, start=10, end=23)
    >>> find_date("Issued on: 15/12/2021 - 12:05").month
    12
    >>> find_date("a May day") is None
    True
    """
    best: Found | None = None
    for form in FORMS:
        for match in form.finditer(text):
            parts = match.groupdict()
            month = (
                P.MONTH_ABBR.get(parts["mon"][:3].lower(), 0)
                if parts.get("mon")
                else int(parts["m"])
            )
            if not 1 <= month <= 12 or not 1 <= int(parts["d"]) <= 31:
                continue
            found = Found(
                int(parts["y"]) if parts.get("y") else None,
                month,
                int(parts["d"]),
                match.start(),
                match.end(),
            )
            if best is None or found.start < best.start:
                best = found
            break
    return best


def date_line(text: str) -> tuple[Found, str | None] | None:
    """A line that is only a date (plus time, zone, label, place): the date and the place.

    >>> date_line("15 December, 2021, 12:05 pm")[0].day
    15
    >>> date_line("Feb 5th 2022 | PARIS")[1]
    'PARIS'
    >>> date_line("On January 20 Macron spoke to the European Parliament.") is None
    True
    """
    if len(text) > 90:
        return None
    found = find_date(text)
    if found is None:
        return None
    rest = text[: found.start] + " " + text[found.end :]
    for form in FORMS:
        rest = form.sub(" ", rest)
    rest = _FILLER.sub(" ", rest).strip()
    if not rest:
        return found, None
    return (found, rest) if _PLACE_LEFT.match(rest) else None
