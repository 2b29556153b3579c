"""Dates in the lines that newsrooms print around an article, and the choice between them.

The written forms cover what wires and papers print: ``2022-01-20``, ``20.01.2022`` or
``20/01/2022`` (day first unless an American time zone says otherwise; dots always day
first), ``15. 06. 2023.``, year first with dots (``2022.10.05``), ``January 20, 2022`` /
``Feb 5th 2022``, ``20 January 2022`` and a byline's ``03/04/26 5:58 PM ET``. An ambiguous
numeric date is settled by other dates in the paste or by the days the story tells of, and
flagged when nothing settles it. A line is a *date line* when nothing but a date, a time, a time
zone, a weekday, a label such as ``Updated:`` and perhaps a place in capitals is on it.

Why not dateparser: these lines have to be recognised *and removed* word for word, and
dateparser answers "what date is this string" with guesses (``"May"`` is a month, "2 hours
ago" is relative to now), which is the wrong question for a cleaner that must not drop
prose.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from . import patterns as P

#: Month names that translated and foreign pages keep (German, French, Spanish, Italian,
#: Dutch, Portuguese) where their English names would not do.
FOREIGN_MONTHS = {
    **dict.fromkeys(["januar", "janvier", "enero", "gennaio", "januari", "janeiro"], 1),
    **dict.fromkeys(
        ["februar", "février", "fevrier", "febrero", "febbraio", "februari", "fevereiro"], 2
    ),
    **dict.fromkeys(["märz", "maerz", "mars", "marzo", "maart", "março", "marco"], 3),
    **dict.fromkeys(["avril", "abril", "aprile"], 4),
    **dict.fromkeys(["mai", "mayo", "maggio", "mei", "maio"], 5),
    **dict.fromkeys(["juni", "juin", "junio", "giugno", "junho"], 6),
    **dict.fromkeys(["juli", "juillet", "julio", "luglio", "julho"], 7),
    **dict.fromkeys(["août", "aout", "agosto", "augustus"], 8),
    **dict.fromkeys(["septembre", "septiembre", "settembre", "setembro"], 9),
    **dict.fromkeys(["oktober", "octobre", "octubre", "ottobre", "outubro"], 10),
    **dict.fromkeys(["novembre", "noviembre", "novembro"], 11),
    **dict.fromkeys(["dezember", "décembre", "decembre", "diciembre", "dicembre", "dezembro"], 12),
}
_FOREIGN = "|".join(sorted(FOREIGN_MONTHS, key=len, reverse=True))
_MONTH = (
    r"(?P<mon>(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)[a-z]*\.?"
    r"|(?:JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEPT?|OCT|NOV|DEC)[A-Z]*\.?"
    rf"|(?i:{_FOREIGN})\b)"
)
_DAY = r"(?P<d>\d{1,2})(?:st|nd|rd|th)?"
# A year may have a time or the next date fused on: ``20224:52 PM``, ``6 Nov 20196 Nov``.
_YEAR = r"(?P<y>(?:19|20)\d{2})(?=\D|$|\d{1,2}[:\s])"
FORMS = (
    re.compile(rf"\b{_YEAR}-(?P<m>\d{{1,2}})-(?P<d>\d{{1,2}})(?=\b|T)"),
    re.compile(rf"\b{_DAY}(?P<sep>[./\-])(?P<m>\d{{1,2}})(?P=sep){_YEAR}"),
    # Central European pages space them: ``15. 06. 2023.``
    re.compile(rf"\b{_DAY}\.\s(?P<m>\d{{1,2}})\.\s{_YEAR}"),
    # Year first with dots or slashes, as East Asian and Hungarian pages print it:
    # ``2022.10.05 14:20``, ``2023. 06. 15.``, ``2021/12/06``
    re.compile(rf"\b{_YEAR}(?P<ysep>[./])\s?(?P<m>\d{{1,2}})(?P=ysep)\s?(?P<d>\d{{1,2}})\b"),
    # A weekly's issue prints a range, ``APRIL 10-16, 2021``: its first day.
    re.compile(rf"\b{_MONTH}\s+{_DAY}(?:\s*[\-\N{{EN DASH}}]\s*\d{{1,2}})?(?:,?\s+{_YEAR}|\b)"),
    # "12 June 2023", "12-JUN-2023" (a wire's slug), "12. Oktober 2023" (a German page)
    re.compile(rf"\b{_DAY}\.?(?:\s+|-){_MONTH},?(?:(?:\s+|-){_YEAR}|\b)"),
    # ``Feb - 20 - 2024 , 06:31``: a month's name and the day with dashes between
    re.compile(rf"\b{_MONTH}\s*-\s*{_DAY}\s*-\s*{_YEAR}"),
    # A byline's short form, ``03/04/26 5:58 PM ET``: only with a time or alone at the end.
    re.compile(
        rf"\b{_DAY}(?P<sep>/)(?P<m>\d{{1,2}})/(?P<yy>\d{{2}})(?=\s+\d{{1,2}}:\d{{2}}|\s*$|\s*[|,\N{{MIDDLE DOT}}])"
    ),
)

#: Time zones only North American pages print: their numeric dates put the month first.
_MONTH_FIRST_ZONE = re.compile(r"\b(?:E[SD]?T|C[SD]T|M[SD]T|P[SD]?T|A[KS]?[SD]T|HST)\b")

#: What may stand beside a date on a date line without making it prose.
_FILLER = re.compile(
    r"\b(?:(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs)?|Fri|Sat(?:ur)?|Sun)(?:day)?\.?"
    r"|\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?|[ap]\.?m\.?|UTC|GMT|BST|CES?T|EES?T|MSK|E[SD]?T|P[SD]?T"
    r"|at|on|in|updated|published|posted|modified|issued|first|last|date|\d+\s*min(?:ute)?s?"
    r"|read|press\s+release|news\s+release|statement)\b|\((?:[A-Z][a-z]+(?: [A-Z][a-z]+)?)\)|[+\-\N{MINUS SIGN}]\d{1,2}(?::?\d{2})?\b|[|,:;.\-\N{EN DASH}\N{EM DASH}/()]",
    re.IGNORECASE,
)
_DIGIT = re.compile(r"\d")
_PLACE_LEFT = re.compile(r"^[A-Z][A-Z .'\-]{1,40}$")


@dataclass(frozen=True)
class Found:
    """A date written in a text: its parts (the year may be missing) and where it is."""

    year: int | None
    month: int
    day: int
    start: int
    end: int
    ambiguous: bool = False  # ``04/10/2023``: day and month could be either way round
    dots: bool = False  # ``7.5.2019``: written with dots, day first by convention

    def resolve(self, year: int | None = None) -> dt.date | None:
        """The calendar date, borrowing ``year`` if the text gave none; None if impossible
        (``2022-02-30``) or before 1900 (a typing slip, not a news article's date)."""
        try:
            date = dt.date(self.year or year or 0, self.month, self.day)
        except ValueError:
            return None
        return date if date.year >= 1900 else None

    def swapped(self) -> Found:
        """The other reading of an ambiguous numeric date (month first)."""
        return Found(self.year, self.day, self.month, self.start, self.end, False, self.dots)


def plausible(date: dt.date) -> bool:
    """A date a news article can carry: from 1900 to tomorrow."""
    return dt.date(1900, 1, 1) <= date <= dt.date.today() + dt.timedelta(days=1)


def scan_dates(
    texts: list[str], year: int | None, context: Sequence[str] = ()
) -> tuple[dt.date | None, list[str]]:
    """The publication date among lines printed around an article (header lines, bylines,
    source lines), and warnings: a published or unlabelled date wins over an updated one,
    a date without a year borrows ``year``, an ambiguous ``04/10/2023`` is read day first
    unless another line agrees with the other reading, and is flagged.

    >>> scan_dates(["Updated: Jan 21, 2022", "Published Jan. 20, 2022 10:02"], None)[0]
    datetime.date(2022, 1, 20)
    >>> scan_dates(["Source: Xinhua| 2021-12-06 22:17:35|Editor: huaxia"], None)[0]
    datetime.date(2021, 12, 6)
    """
    first: list[tuple[dt.date, Found]] = []
    updated: list[dt.date] = []
    rejected: list[dt.date] = []
    for text in texts:
        if len(text) > 200 or (
            re.search(r"\b(?:ago|today|yesterday)\b", text[:40], re.I)
            and not re.search(r"\d{4}", text)
        ):
            continue
        found = find_date(text)
        if found is None:
            continue
        if found.year is None and year is None:
            continue
        date = found.resolve(year)
        if date is None:
            continue
        if not plausible(date):  # a printed date in the future is not the article's
            rejected.append(date)
            continue
        if re.search(r"\b(?:updated|modified|edited)\b", text[: found.start], re.I):
            updated.append(date)
        elif found.ambiguous and _MONTH_FIRST_ZONE.search(text[found.end :]):
            # "03/04/26 5:58 PM ET": an American page writes the month first
            first.append((found.swapped().resolve(year) or date, found.swapped()))
        else:
            first.append((date, found))
    warnings: list[str] = []
    if not first and not updated and rejected:
        when = "in the future" if rejected[0] > dt.date.today() else "before 1900"
        warnings.append(f"the date {rejected[0]} printed in the paste is {when}; it was not used")
    if not first:
        return (updated[0] if updated else None), warnings
    date, found = first[0]
    if found.ambiguous:
        other = found.swapped().resolve(year)
        evidence = [d for d, _ in first[1:]] + updated
        recent = _days_told(context, date.year)
        if other is not None and other in evidence and date not in evidence:
            date = other
        elif other is not None and _told_before(recent, other) and not _told_before(recent, date):
            date = other  # the story tells of "Monday, Feb. 10": it was written on 11 February
        elif other is not None and _told_before(recent, date) and not _told_before(recent, other):
            pass
        elif found.dots:
            pass  # "7.5.2019": day first, as every page that writes dots means it
        else:
            warnings.append(
                f"the date {text_of(found)} could be {date} or {other}; {date} (day first) was used"
            )
    return date, warnings


def _days_told(context: Sequence[str], year: int) -> list[dt.date]:
    """The days the article's opening tells of, written with a month (``Monday, Feb. 10``,
    ``on 4 October``): numeric dates are left out, being as ambiguous as the one to settle."""
    return [
        day
        for text in context
        for found in all_dates(text[:1000])
        if re.search(r"[A-Za-z]", text[found.start : found.end]) and (day := found.resolve(year))
    ]


def _told_before(days: Sequence[dt.date], date: dt.date) -> bool:
    """Some day the story tells of falls within two weeks of ``date`` (a story is written
    about what just happened or is about to, not about months away)."""
    return any(abs(date - day) <= dt.timedelta(days=14) for day in days)


def text_of(found: Found) -> str:
    return f"{found.day:02d}/{found.month:02d}/{found.year}"


def all_dates(text: str) -> Iterator[Found]:
    """Every date written in ``text``, in order, with offsets into ``text`` (read afresh,
    not through :func:`find_date`'s memory, which is for whole lines asked about often)."""
    shift = 0
    while (found := _first_date(text[shift:])) is not None:
        yield dataclasses.replace(found, start=shift + found.start, end=shift + found.end)
        shift += found.end


@functools.lru_cache(maxsize=8192)
def find_date(text: str) -> Found | None:
    """The first date written in ``text``, in any of :data:`FORMS`.

    >>> find_date("Published Jan. 20, 2022 Updated Jan. 21, 2022")
    Found(year=2022, month=1, day=20, start=10, end=23, ambiguous=False, dots=False)
    >>> find_date("Issued on: 15/12/2021 - 12:05").month
    12
    >>> find_date("a May day") is None
    True
    """
    return _first_date(text)


def _first_date(text: str) -> Found | None:
    best: Found | None = None
    if not _DIGIT.search(text):
        return None  # every form has a day or a year in figures
    for form in FORMS:
        for match in form.finditer(text):
            parts = match.groupdict()
            month = (
                FOREIGN_MONTHS.get(parts["mon"].lower())
                or P.MONTH_ABBR.get(parts["mon"][:3].lower(), 0)
                if parts.get("mon")
                else int(parts["m"])
            )
            day, ambiguous = int(parts["d"]), False
            if parts.get("sep"):  # numeric, day first unless the month cannot be one
                if month > 12 >= day:
                    day, month = month, day
                ambiguous = day <= 12 and month <= 12 and day != month
            if not 1 <= month <= 12 or not 1 <= day <= 31:
                continue
            year = int(parts["y"]) if parts.get("y") else None
            if parts.get("yy"):  # ``26`` is 2026 unless that is still to come
                year = 2000 + int(parts["yy"])
                year -= 100 if year > dt.date.today().year + 1 else 0
            found = Found(
                year,
                month,
                day,
                match.start(),
                match.end(),
                ambiguous,
                parts.get("sep") == ".",
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
