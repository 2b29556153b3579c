"""Compiled patterns and word lists the cleaning and quote rules use (cf. ftfy's chardata).

Data lives here; the rules that use it live in :mod:`generator.clean` and
:mod:`generator.quotes`. Every pattern is linear: no nested quantifiers over
overlapping classes, so a 1 MB line cannot make a rule backtrack for minutes.
"""

from __future__ import annotations

import re

MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
MONTH_ABBR = {m[:3].lower(): i for i, m in enumerate(MONTHS, 1)} | {"sept": 9}
_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)[a-z]*\.?"

#: `` date 2018-08-27 Russian Politics & Diplomacy`` - the corpus header line.
HEADER_LINE = re.compile(r"^\s*date\s+(?P<date>\d{4}-\d{2}(?:-\d{2})?)\b[ \t]*(?P<rest>.*)$")

#: ``August 27, 14:15 UTC+3 PARIS`` (TASS) or ``January 20, 2022`` (a timestamp line).
TIMESTAMP_LINE = re.compile(
    rf"^(?P<month>{_MONTH})\s+(?P<day>\d{{1,2}}),?\s*(?P<year>\d{{4}})?,?\s*"
    r"(?P<time>\d{1,2}:\d{2}(?:\s*[ap]\.?m\.?)?(?:\s*(?:UTC|GMT)\s*[+\-\N{MINUS SIGN}]?\d{0,2})?)?"
    r"\s*(?P<place>[A-Z][A-Z .'\-]{1,40})?$"
)

#: ``PARIS, August 27. /TASS/.`` at the start of the first body paragraph.
AGENCY_DATELINE = re.compile(
    rf"^(?P<place>[A-Z][A-Z .'\-]{{1,40}}),\s+(?P<month>{_MONTH})\s+(?P<day>\d{{1,2}})\.?\s*"
    r"/(?P<agency>[A-Z][A-Za-z\-]{1,20})/\.?\s+"
)

#: ``Original url:`` with or without the address on the same line.
ORIGINAL_URL = re.compile(r"^original\s+url\s*:\s*(?P<url>https?://\S+)?\s*$", re.IGNORECASE)
BARE_URL = re.compile(r"^<?(?P<url>https?://[^\s<>]+)>?$")
URL_DATE = re.compile(r"/(?P<year>(?:19|20)\d{2})/(?P<month>\d{1,2})/(?P<day>\d{1,2})(?:/|$)")

#: ``Related article: ...`` and its cousins.
RELATED_LINE = re.compile(
    r"^(?:related(?:\s+articles?)?|read\s+also|also\s+read|read\s+more|see\s+also|more\s+news)"
    r"\s*[:\-\N{EN DASH}\N{EM DASH}]",
    re.IGNORECASE,
)

#: ``© EPA-EFE/PHILIPPE WOJAZER/POOL``, ``Photo: ...``.
PHOTO_CREDIT = re.compile(
    r"^(?:\N{COPYRIGHT SIGN}|\(c\)\s|(?:photo|photograph|image|picture)\s*(?:by)?\s*:)\s*"
    r"(?P<credit>.{2,160})$",
    re.IGNORECASE,
)
#: A caption ending in a bolded or bare ``Name / Agency / Agency`` credit.
CAPTION_CREDIT = re.compile(
    r"^(?P<caption>.{10,}?[.!?\N{RIGHT DOUBLE QUOTATION MARK}\"])\s*"
    r"(?:\*\*(?P<bold>[^*]{2,120})\*\*|(?P<bare>[A-Z][\w.'\-]*(?: [A-Z][\w.'\-]*){0,3}"
    r"(?: ?/ ?[A-Z][\w.'\-]*(?: [A-Z][\w.'\-]*){0,3}){1,4}))\s*$"
)

#: ``AFP contributed reporting.``
CONTRIBUTED = re.compile(
    r"^(?P<agencies>[A-Z][\w.&' ,]{1,80}?)\s+contributed(?:\s+to)?(?:\s+this)?\s+report(?:ing)?\.?$"
)

INLINE_TAG = re.compile(
    r"</?(?:u|b|i|em|strong|span|a|font|sup|sub|mark|small)\b[^<>]{0,500}>", re.I
)
ENTITY = re.compile(r"&(?:#\d{1,7}|#x[0-9a-fA-F]{1,6}|[A-Za-z]{2,10});")
MD_EMPHASIS = re.compile(r"(\*\*|__)(?P<inner>\S(?:[^*_\n]{0,500}?\S)?)\1")

#: Site names appended to titles: ``Title - Sputnik International``.
TITLE_SUFFIX = re.compile(
    r"\s+[|\-\N{EN DASH}\N{EM DASH}]\s+(?:The\s+)?[A-Z][\w.]*(?:\s+[A-Z][\w.]*){0,3}\s*$"
)

#: Section labels a corpus header line or a lone line may carry.
SECTION_LABELS = frozenset(
    s.lower()
    for s in (
        "World",
        "Russia",
        "Europe",
        "Politics",
        "Russian Politics & Diplomacy",
        "Economy",
        "Business",
        "Business & Economy",
        "Opinion",
        "News",
        "International",
        "Military & Defense",
        "Society & Culture",
        "Science & Space",
        "Sports",
        "Emergencies",
        "Analysis",
        "Ukraine",
        "World News",
        "Diplomacy",
        "Defence",
        "Defense",
        "Security",
        "Europe News",
        "Features",
    )
)

#: Lines that are never article text: menus, share buttons, banners.
FURNITURE = frozenset(
    s.lower()
    for s in (
        "Skip to main content",
        "Accessibility links",
        "Advertisement",
        "Read more",
        "Share",
        "Breaking News",
        "Get short URL",
        "Menu",
        "Search",
        "Subscribe",
        "Print",
        "Comments",
        "Leave a Reply",
        "Join the Conversation",
        "Sign in",
        "Log in",
        "Newsletter",
        "Most read",
        "Follow us",
        "Tweet",
        "Email",
        "Facebook",
        "Twitter",
        "Telegram",
    )
)

#: Outlets by web domain and by the wire tag of a dateline.
OUTLET_BY_DOMAIN: dict[str, str] = {
    "themoscowtimes.com": "The Moscow Times",
    "tass.com": "TASS",
    "tass.ru": "TASS",
    "reuters.com": "Reuters",
    "apnews.com": "AP",
    "interfax.com": "Interfax",
    "interfax.ru": "Interfax",
    "france24.com": "France 24",
    "theguardian.com": "The Guardian",
    "bbc.co.uk": "BBC",
    "bbc.com": "BBC",
    "politico.eu": "Politico Europe",
    "sputniknews.com": "Sputnik",
    "rt.com": "RT",
    "euronews.com": "Euronews",
    "dw.com": "DW",
}
OUTLET_BY_TAG: dict[str, str] = {
    "tass": "TASS",
    "reuters": "Reuters",
    "interfax": "Interfax",
    "ap": "AP",
    "afp": "AFP",
    "ria novosti": "RIA Novosti",
}

SENTENCE_END = re.compile(
    r"[.!?\N{HORIZONTAL ELLIPSIS}][\"'\N{RIGHT DOUBLE QUOTATION MARK}\N{RIGHT SINGLE QUOTATION MARK})\]]*$"
)
QUOTE_CHARS = '"\N{LEFT DOUBLE QUOTATION MARK}\N{RIGHT DOUBLE QUOTATION MARK}\N{LEFT-POINTING DOUBLE ANGLE QUOTATION MARK}\N{RIGHT-POINTING DOUBLE ANGLE QUOTATION MARK}\N{DOUBLE LOW-9 QUOTATION MARK}'
