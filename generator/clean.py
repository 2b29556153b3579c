"""Stage 2: a :class:`RawArticle` becomes an :class:`Article` (metadata + clean paragraphs).

Two kinds of rule, each small, pure and named with a verb and its object:

* ``FIXES`` repair text inside a paragraph (``str -> str``, idempotent), ftfy-style.
* ``LINE_RULES`` look at one block (a paragraph or a lone line) and say what it is:
  site furniture to drop, a photo credit to take into metadata, a dateline to cut off
  the first body paragraph... A block no rule claims is body text.

Position decides the rest (:func:`assign_positions`): the title is the first unclaimed
block, the body starts at the wire dateline or the first block of real prose, and
unclaimed blocks between them are the standfirst or a stray related headline.

Nothing is lost silently: every block that leaves the body is reported with its rule
(``Article.removed``), and a block the rules are unsure of is kept and flagged.
"""

from __future__ import annotations

import datetime as dt
import html
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from urllib.parse import urlsplit

from . import patterns as P
from .errors import InputError
from .model import Article, RawArticle, Removal

# --------------------------------------------------------------------------------------
# FIXES: in-paragraph repairs


def unwrap_inline_html(text: str) -> str:
    """Drop inline tags such as ``<u>`` that copying a page leaves around link text.

    >>> unwrap_inline_html("Macron <u>urged</u> the <b>EU</b>")
    'Macron urged the EU'
    """
    return P.INLINE_TAG.sub("", text) if "<" in text else text


def unescape_entities(text: str) -> str:
    """Turn HTML entities (``&#039;``, ``&amp;``) back into characters.

    >>> unescape_entities("Europe&#039;s AT&amp;T")
    "Europe's AT&T"
    """
    return html.unescape(text) if P.ENTITY.search(text) else text


def strip_markdown_emphasis(text: str) -> str:
    """Remove ``**bold**`` and ``__bold__`` markers that rich-text pastes turn into asterisks.

    >>> strip_markdown_emphasis("**Andriy Dubchak / AP**")
    'Andriy Dubchak / AP'
    """
    return P.MD_EMPHASIS.sub(r"\g<inner>", text) if ("**" in text or "__" in text) else text


def fix_apostrophes(text: str) -> str:
    """Use the typographic apostrophe where a paste left U+02BC or a backtick inside a word.

    >>> fix_apostrophes("Europe\\N{MODIFIER LETTER APOSTROPHE}s don`t")
    'Europe’s don’t'
    """
    return re.sub(
        r"(?<=\w)[\N{MODIFIER LETTER APOSTROPHE}`](?=\w)", "\N{RIGHT SINGLE QUOTATION MARK}", text
    )


def collapse_spaces(text: str) -> str:
    """Fold runs of spaces, tabs and no-break spaces left by indentation and layout tables.

    >>> collapse_spaces("    Europe  can\\tno longer ")
    'Europe can no longer'
    """
    return re.sub(r"[ \t\N{NO-BREAK SPACE}\N{NARROW NO-BREAK SPACE}]+", " ", text).strip()


FIXES: tuple[Callable[[str], str], ...] = (
    unwrap_inline_html,
    unescape_entities,
    strip_markdown_emphasis,
    fix_apostrophes,
    collapse_spaces,
)


def apply_fixes(text: str) -> tuple[str, tuple[str, ...]]:
    """Run every fix in order; return the text and the names of the fixes that changed it."""
    fired = []
    for fix in FIXES:
        fixed = fix(text)
        if fixed != text:
            fired.append(fix.__name__)
            text = fixed
    return text, tuple(fired)


# --------------------------------------------------------------------------------------
# Splitting text into blocks

_FUSED = re.compile(r"(?<=[a-z]{2}[.!?])(?=[A-Z][a-z]+\b)")


def split_blocks(text: str) -> list[str]:
    """Blank-line separated blocks, with hard-wrapped lines joined and fused paragraphs split.

    A block whose lines are all of similar, wrapped length is one paragraph; a block of
    short unrelated lines (a menu, a tag cloud) stays one block per line.

    >>> split_blocks("Europe can no longer rely on\\nthe US to provide its security.\\n\\nWorld")
    ['Europe can no longer rely on the US to provide its security.', 'World']
    >>> split_blocks("in Paris.Relations improved.")
    ['in Paris.', 'Relations improved.']
    """
    blocks: list[str] = []
    for chunk in re.split(r"\n[ \t]*\n", text):
        lines = [line.strip() for line in chunk.split("\n") if line.strip()]
        if not lines:
            continue
        if len(lines) > 1 and _is_wrapped(lines):
            lines = [" ".join(lines)]
        for line in lines:
            blocks.extend(part for part in _FUSED.split(line) if part.strip())
    return blocks


def _is_wrapped(lines: Sequence[str]) -> bool:
    """Lines of one hard-wrapped paragraph: all but the last are long and most run on."""
    body = lines[:-1]
    long_enough = all(len(line) >= 25 for line in body)
    run_on = sum(1 for line in body if not P.SENTENCE_END.search(line)) >= len(body) / 2
    return long_enough and (run_on or lines[-1][:1].islower())


# --------------------------------------------------------------------------------------
# LINE_RULES: what one block is


@dataclass(frozen=True)
class Verdict:
    """What a rule says of a block: its name, metadata it yields, and body text it keeps."""

    rule: str
    meta: tuple[tuple[str, str], ...] = ()
    keep: str | None = None  # the part of the block that stays in the body, if any
    drops_text: bool = False  # True when words leave the article altogether


def drop_site_furniture(text: str) -> Verdict | None:
    """Menus, share buttons and banners copied along with the article.

    >>> drop_site_furniture("Get short URL").rule
    'drop_site_furniture'
    """
    if text.lower().rstrip(" .:") in P.FURNITURE:
        return Verdict("drop_site_furniture", drops_text=True)
    return None


def drop_related_links(text: str) -> Verdict | None:
    """``Related article: ...`` lines: a link to another story, not part of this one.

    >>> drop_related_links("Related article: No New Ukraine Talks").rule
    'drop_related_links'
    """
    return Verdict("drop_related_links", drops_text=True) if P.RELATED_LINE.match(text) else None


def take_original_url(text: str) -> Verdict | None:
    """``Original url:`` labels and the bare address that follows them.

    >>> take_original_url("https://example.org/2022/01/20/x").meta
    (('url', 'https://example.org/2022/01/20/x'),)
    """
    match = P.ORIGINAL_URL.match(text) or P.BARE_URL.match(text)
    if not match:
        return None
    url = match.group("url")
    return Verdict("take_original_url", meta=(("url", url),) if url else ())


def take_photo_credit(text: str) -> Verdict | None:
    """``© EPA-EFE/PHILIPPE WOJAZER/POOL``: a credit for a photo the paste no longer has.

    >>> take_photo_credit("\N{COPYRIGHT SIGN} EPA-EFE/POOL").meta
    (('credit', 'EPA-EFE/POOL'),)
    """
    match = P.PHOTO_CREDIT.match(text)
    return Verdict("take_photo_credit", meta=(("credit", match["credit"]),)) if match else None


def take_caption(text: str) -> Verdict | None:
    """A photo caption with its credit fused on: ``A soldier in a trench. **Name / AP**``.

    >>> take_caption("A soldier in a trench. **Andriy Dubchak / AP / TASS**").meta
    (('caption', 'A soldier in a trench.'), ('credit', 'Andriy Dubchak / AP / TASS'))
    """
    match = P.CAPTION_CREDIT.match(text)
    if not match:
        return None
    credit = (match["bold"] or match["bare"]).strip()
    if "/" not in credit and match["bold"] is None:
        return None
    return Verdict("take_caption", meta=(("caption", match["caption"]), ("credit", credit)))


def take_contributing_agencies(text: str) -> Verdict | None:
    """``AFP contributed reporting.``: a credit line, kept as metadata.

    >>> take_contributing_agencies("AFP and Reuters contributed reporting.").meta
    (('agencies', 'AFP'), ('agencies', 'Reuters'))
    """
    match = P.CONTRIBUTED.match(text)
    if not match:
        return None
    names = re.split(r"\s*(?:,|\band\b)\s*", match["agencies"])
    return Verdict("take_contributing_agencies", meta=tuple(("agencies", n) for n in names if n))


def take_timestamp(text: str) -> Verdict | None:
    """``August 27, 14:15 UTC+3 PARIS`` or ``January 20, 2022``: when and where, not text.

    >>> take_timestamp("August 27, 14:15 UTC+3 PARIS").meta
    (('month', '8'), ('day', '27'), ('time', '14:15 UTC+3'), ('dateline', 'PARIS'))
    """
    match = P.TIMESTAMP_LINE.match(text)
    if not match:
        return None
    meta = [("month", str(P.MONTH_ABBR[match["month"][:3].lower()])), ("day", match["day"])]
    for key in ("year", "time"):
        if match[key]:
            meta.append((key, match[key]))
    if match["place"]:
        meta.append(("dateline", match["place"].strip()))
    return Verdict("take_timestamp", meta=tuple(meta))


def take_section_label(text: str) -> Verdict | None:
    """A lone section label (``World``) printed above the headline.

    >>> take_section_label("World").meta
    (('section', 'World'),)
    """
    if text.lower() in P.SECTION_LABELS:
        return Verdict("take_section_label", meta=(("section", text),))
    return None


def take_agency_dateline(text: str) -> Verdict | None:
    """``PARIS, August 27. /TASS/.`` opens a wire story: the place goes to metadata.

    >>> v = take_agency_dateline("PARIS, August 27. /TASS/. French President Emmanuel Macron")
    >>> v.keep, v.meta[0], v.meta[-1]
    ('French President Emmanuel Macron', ('dateline', 'PARIS'), ('agency', 'TASS'))
    """
    match = P.AGENCY_DATELINE.match(text)
    if not match:
        return None
    meta = (
        ("dateline", match["place"].strip()),
        ("month", str(P.MONTH_ABBR[match["month"][:3].lower()])),
        ("day", match["day"]),
        ("agency", match["agency"]),
    )
    return Verdict("take_agency_dateline", meta=meta, keep=text[match.end() :])


LINE_RULES: tuple[Callable[[str], Verdict | None], ...] = (
    drop_site_furniture,
    drop_related_links,
    take_original_url,
    take_photo_credit,
    take_caption,
    take_contributing_agencies,
    take_timestamp,
    take_section_label,
    take_agency_dateline,
)

_QUOTATION = re.compile(
    r"[\"\N{LEFT DOUBLE QUOTATION MARK}\N{LEFT-POINTING DOUBLE ANGLE QUOTATION MARK}]"
    r"[^\"\N{RIGHT DOUBLE QUOTATION MARK}\N{RIGHT-POINTING DOUBLE ANGLE QUOTATION MARK}]{0,2000}?"
    r"\w+\W+\w+\W+\w+"
)


def has_quotation(text: str) -> bool:
    """True if the block holds a quotation of three words or more: such a block is never junk.

    >>> has_quotation('"We must act now," he said.'), has_quotation("Western \\"unity\\"")
    (True, False)
    """
    return bool(_QUOTATION.search(text))


def classify(text: str) -> Verdict | None:
    """The first rule that claims the block; a rule that would drop words spares quotations."""
    for rule in LINE_RULES:
        verdict = rule(text)
        if verdict is not None:
            if verdict.drops_text and has_quotation(text):
                continue
            return verdict
    return None


# --------------------------------------------------------------------------------------
# Position: title, standfirst, body start


def _looks_like_body(text: str) -> bool:
    return len(text) >= 60 and (bool(P.SENTENCE_END.search(text)) or has_quotation(text))


def assign_positions(
    blocks: Sequence[str], verdicts: Sequence[Verdict | None]
) -> list[Verdict | None]:
    """Decide title, standfirst and stray headlines among the blocks no rule claimed."""
    out = list(verdicts)
    body_start = next(
        (i for i, v in enumerate(out) if v is not None and v.rule == "take_agency_dateline"),
        None,
    )
    title_at = next((i for i, v in enumerate(out) if v is None), None)
    if title_at is not None:
        out[title_at] = Verdict("take_title", meta=(("title", blocks[title_at]),))
    if body_start is None:
        body_start = next(
            (i for i, v in enumerate(out) if v is None and _looks_like_body(blocks[i])),
            None,
        )
    if body_start is None:
        return out  # no sure start of the body: keep every unclaimed block as body text
    for i in range((title_at or 0) + 1, body_start):
        if out[i] is not None:
            continue
        previous = out[i - 1]
        after_photo = previous is not None and previous.rule in (
            "take_photo_credit",
            "take_caption",
        )
        if after_photo and not P.SENTENCE_END.search(blocks[i]) and not has_quotation(blocks[i]):
            out[i] = Verdict("drop_related_headline", drops_text=True)
        elif not any(v is not None and v.rule == "take_standfirst" for v in out):
            out[i] = Verdict("take_standfirst", meta=(("standfirst", blocks[i]),))
    return out


# --------------------------------------------------------------------------------------
# The stage


def _date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _outlet(url: str | None, agency: str | None) -> str | None:
    if url:
        host = (urlsplit(url).hostname or "").removeprefix("www.")
        for domain, name in P.OUTLET_BY_DOMAIN.items():
            if host == domain or host.endswith("." + domain):
                return name
    if agency:
        return P.OUTLET_BY_TAG.get(agency.lower(), agency)
    return None


def _safe_url(url: str | None) -> str | None:
    """Only web addresses: anything else (``javascript:``, ``data:``) is not a source link."""
    if url and urlsplit(url).scheme in ("http", "https"):
        return url
    return None


def _resolve_date(meta: dict[str, list[str]], url: str | None) -> tuple[dt.date | None, list[str]]:
    """The date from, in order: the header line, the dateline or timestamp, then the URL."""
    warnings: list[str] = []
    header = meta.get("header_date", [None])[0]
    url_match = P.URL_DATE.search(url or "")
    url_date = (
        _date(int(url_match["year"]), int(url_match["month"]), int(url_match["day"]))
        if url_match
        else None
    )
    header_date: dt.date | None = None
    if header:
        parts = [int(p) for p in header.split("-")]
        header_date = _date(parts[0], parts[1], parts[2] if len(parts) > 2 else 1)
        if header_date is None:
            warnings.append(f"the header date {header} is not a real date; it was ignored")
    line_date: dt.date | None = None
    if "month" in meta and "day" in meta:
        year = next(
            (int(y) for y in meta.get("year", [])),
            header_date.year if header_date else (url_date.year if url_date else None),
        )
        if year is not None:
            line_date = _date(year, int(meta["month"][0]), int(meta["day"][0]))
    for candidate in (header_date, line_date, url_date):
        if candidate is not None:
            chosen = candidate
            break
    else:
        return None, warnings
    if url_date and line_date and url_date != line_date:
        warnings.append(
            f"the dateline says {line_date} but the URL says {url_date}; the dateline was used"
        )
    return chosen, warnings


def clean_article(raw: RawArticle) -> Article:
    """Clean one raw article. Raises :class:`InputError` if no title or no body is left."""
    lines = raw.text.split("\n")
    meta: dict[str, list[str]] = {}
    removed: list[Removal] = []
    header = P.HEADER_LINE.match(lines[0]) if lines else None
    if header:
        removed.append(Removal(lines[0].strip(), "take_header_line"))
        meta["header_date"] = [header["date"]]
        rest = header["rest"].strip()
        if (rest and rest.lower() in P.SECTION_LABELS) or (
            rest and len(rest.split()) <= 5 and rest.istitle()
        ):
            meta["section"] = [rest]
            rest = ""
        lines = ([rest] if rest else []) + lines[1:]

    repairs: list[str] = list(raw.repairs)
    blocks: list[str] = []
    originals: list[str] = []  # as pasted, for the report of what was set aside
    for block in split_blocks("\n".join(lines)):
        fixed, fired = apply_fixes(block)
        repairs.extend(fired)
        if fixed:
            blocks.append(fixed)
            originals.append(block)
    verdicts = assign_positions(blocks, [classify(b) for b in blocks])

    paragraphs: list[str] = []
    for block, original, verdict in zip(blocks, originals, verdicts, strict=True):
        if verdict is None:
            paragraphs.append(block)
            continue
        for key, value in verdict.meta:
            meta.setdefault(key, []).append(value)
        if verdict.keep is not None:
            removed.append(Removal(block[: len(block) - len(verdict.keep)].strip(), verdict.rule))
            if verdict.keep.strip():
                paragraphs.append(verdict.keep.strip())
        else:
            removed.append(Removal(original, verdict.rule))

    def first(key: str) -> str | None:
        return meta[key][0] if meta.get(key) else None

    title = first("title")
    if not paragraphs:
        raise InputError(
            raw.path, "no article text is left after cleaning", "is this the whole paste?"
        )
    if title is None:
        raise InputError(raw.path, "no title found", "put the headline on the first line")
    url = _safe_url(first("url"))
    date, warnings = _resolve_date(meta, url)
    if date is None:
        warnings.append("no date found: add a first line such as ' date 2022-01-20'")
    if first("url") and url is None:
        warnings.append(f"the original URL {first('url')!r} is not a web address; it was dropped")
    return Article(
        path=raw.path,
        sha256=raw.sha256,
        title=title,
        date=date,
        source=_outlet(url, first("agency")),
        paragraphs=tuple(paragraphs),
        dateline=first("dateline"),
        section=first("section"),
        standfirst=first("standfirst"),
        caption=first("caption"),
        credit=first("credit"),
        agencies=tuple(dict.fromkeys(meta.get("agencies", []))),
        url=url,
        time=first("time"),
        removed=tuple(removed),
        warnings=tuple(warnings),
        repairs=tuple(dict.fromkeys(repairs)),
    )


def as_markdown(article: Article) -> str:
    """The cleaned article as Markdown with a Pelican header: what golden tests pin."""
    header = [
        ("Title", article.title),
        ("Date", article.date.isoformat() if article.date else None),
        ("Source", article.source),
        ("Dateline", article.dateline),
        ("Section", article.section),
        ("Standfirst", article.standfirst),
        ("Caption", article.caption),
        ("Credit", article.credit),
        ("Agencies", ", ".join(article.agencies) or None),
        ("Url", article.url),
    ]
    lines = [f"{key}: {value}" for key, value in header if value]
    return "\n".join(lines) + "\n\n" + "\n\n".join(article.paragraphs) + "\n"
