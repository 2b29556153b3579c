"""What one block of a paste is, judged on its own: the cleaner's ``LINE_RULES``.

Each rule is small and pure, named with a verb and its object, and returns a
:class:`Verdict` or ``None``: ``drop_*`` rules remove site furniture, ``take_*`` rules
move a credit, a date or a dateline into metadata. A rule that would drop words never
drops a block holding a quotation (:func:`classify`). Rules that need the blocks around
a line (title, footer, related blocks) live in :mod:`generator.clean`.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from . import patterns as P
from .dates import date_line, find_date


@dataclass(frozen=True)
class Verdict:
    """What a rule says of a block: its name, metadata it yields, and body text it keeps."""

    rule: str
    meta: tuple[tuple[str, str], ...] = ()
    keep: str | None = None  # the part of the block that stays in the body, if any
    drops_text: bool = False  # True when words leave the article altogether


def drop_site_furniture(text: str) -> Verdict | None:
    """Menus, share buttons, counters, form fields and reading times.

    >>> drop_site_furniture("Get short URL").rule, drop_site_furniture("Share 12").rule
    ('drop_site_furniture', 'drop_site_furniture')
    """
    plain = text.lower().rstrip(" .:")
    if plain in P.FURNITURE or text.lower() in P.FURNITURE or P.COUNTER.match(text):
        return Verdict("drop_site_furniture", drops_text=True)
    if P.TAGS_LINE.match(text) or P.PERMALINK.match(text) or P.DESK_SLUG.match(text):
        return Verdict("drop_site_furniture", drops_text=True)
    if P.BREADCRUMB.match(text):
        return Verdict("drop_site_furniture", drops_text=True)
    return None


def drop_related_links(text: str) -> Verdict | None:
    """``Related article: ...``, ``>> READ ALSO - ...``: a link to another story.

    >>> drop_related_links("Related article: No New Ukraine Talks").rule
    'drop_related_links'
    >>> drop_related_links("Read more about the plan in our guide.") is None
    True
    """
    match = P.RELATED_LINE.match(text)
    if not match or len(text) > 240:
        return None
    if match["sep"] or not match["rest"] or not P.SENTENCE_END.search(text):
        return Verdict("drop_related_links", drops_text=True)
    return None


def drop_banner(text: str) -> Verdict | None:
    """Donation, newsletter and app appeals, copyright notices, disclaimers.

    >>> drop_banner("Sign up for our daily newsletter to get the news in your inbox.").rule
    'drop_banner'
    """
    if len(text) <= 400 and P.BANNER.search(text):
        return Verdict("drop_banner", drops_text=True)
    return None


def drop_market_ticker(text: str) -> Verdict | None:
    """``BRENT 127.98 +3.9%``: a price strip from the page header.

    >>> drop_market_ticker("EUR/USD 1.0904 -0.1%").rule
    'drop_market_ticker'
    """
    return Verdict("drop_market_ticker", drops_text=True) if P.MARKET_TICKER.match(text) else None


def drop_promo_headline(text: str) -> Verdict | None:
    """An ALL-CAPS promotional headline (``EXCLUSIVE: SEE THE PHOTOS ...``).

    >>> drop_promo_headline("EXCLUSIVE: THE PHOTOS THE KREMLIN DOES NOT WANT YOU TO SEE").rule
    'drop_promo_headline'
    """
    letters = "".join(filter(str.isalpha, text))
    # Every cased letter is a capital (scripts without case, such as Hebrew, never are):
    # ``isupper`` stops at the first small letter, so body text costs next to nothing.
    if letters.isupper() and sum(map(str.isupper, letters)) >= 12 and len(text.split()) >= 4:
        return Verdict("drop_promo_headline", drops_text=True)
    return None


def take_original_url(text: str) -> Verdict | None:
    """``Original url:`` labels and the bare address that follows them.

    >>> take_original_url("https://example.org/2022/01/20/x").meta
    (('url', 'https://example.org/2022/01/20/x'),)
    """
    match = P.ORIGINAL_URL.match(text) or P.BARE_URL.match(text)
    if not match:
        return None
    url = match.groupdict().get("url") or match.groupdict().get("link")
    if url and not re.match(r"(?i)[a-z][a-z0-9+.\-]*:", url):
        url = "https://" + url  # an address pasted without its scheme: "site.co.uk/news/..."
    return Verdict("take_original_url", meta=(("url", url),) if url else ())


def _is_agency_slug(text: str) -> bool:
    """``AFP PHOTO / LUDOVIC DUPONT``, ``Maria Ivanova / Pool / EPA``: names and agencies."""
    parts = [p.strip() for p in text.split("/")]
    if len(parts) < 2 or len(parts) > 6 or not all(parts):
        return False
    if not all(re.fullmatch(r"[A-Z][\w.'\-]*(?: [A-Z][\w.'\-]*){0,3}", p) for p in parts):
        return False
    return any(p.lower() in P.PHOTO_AGENCIES or "PHOTO" in p for p in parts)


def take_photo_credit(text: str) -> Verdict | None:
    """A credit for a photo the paste no longer has, in any of the usual forms.

    >>> take_photo_credit("\N{COPYRIGHT SIGN} EPA-EFE/POOL").meta
    (('credit', 'EPA-EFE/POOL'),)
    >>> take_photo_credit("(Photo by Ludovic Dupont / AFP)").meta
    (('credit', 'Photo by Ludovic Dupont / AFP'),)
    >>> take_photo_credit("AFP PHOTO / LUDOVIC DUPONT").rule
    'take_photo_credit'
    """
    match = P.PHOTO_CREDIT.match(text)
    if match:
        credit = match["credit"] or match["paren"] or match["via"]
        return Verdict("take_photo_credit", meta=(("credit", credit.strip()),))
    if len(text) <= 120 and _is_agency_slug(text):
        return Verdict("take_photo_credit", meta=(("credit", text),))
    return None


def take_caption(text: str) -> Verdict | None:
    """A photo caption: with its credit fused on, or marked ``FILE -`` or ``Image caption,``.

    >>> take_caption("A soldier in a trench. **Andriy Dubchak / AP / TASS**").meta
    (('caption', 'A soldier in a trench.'), ('credit', 'Andriy Dubchak / AP / TASS'))
    >>> take_caption("FILE - A ferry leaves the harbour. (AP Photo/Dana Wells, File)").meta
    (('caption', 'A ferry leaves the harbour.'), ('credit', 'AP Photo/Dana Wells, File'))
    """
    match = P.CAPTION_CREDIT.match(text)
    if match:
        credit = (match["bold"] or match["bare"] or match["labelled"]).strip()
        if "/" in credit or match["bare"] is None:
            return Verdict("take_caption", meta=(("caption", match["caption"]), ("credit", credit)))
    match = P.CAPTION_LINE.match(text)
    if match and len(text) <= 500:
        meta = [("caption", (match["caption"] or match["short"]).strip())]
        if match["credit"]:
            meta.append(("credit", match["credit"].strip()))
        return Verdict("take_caption", meta=tuple(meta))
    match = P.CAPTION_BRACKET.match(text)
    if match and not has_quotation(text) and not re.search(r"[.!?] [A-Z]", text):  # one sentence
        caption, credit = match["caption"] or match["marked"], match["credit"] or match["office"]
        return Verdict("take_caption", meta=(("caption", caption.strip()), ("credit", credit)))
    return None


def take_contributing_agencies(text: str) -> Verdict | None:
    """``AFP contributed reporting.``: a credit line, kept as metadata.

    >>> take_contributing_agencies("AFP and Reuters contributed reporting.").meta
    (('agencies', 'AFP'), ('agencies', 'Reuters'))
    """
    match = P.CONTRIBUTED.match(text)
    if not match:
        return None
    names = re.split(r"\s*(?:,|\band\b)\s*", match["agencies"])
    if any(word.islower() for name in names for word in name.split()):
        # "Associated Press writer Tom Becker in Seattle": people, not agencies
        return Verdict("take_contributing_agencies", meta=(("credits", text.rstrip(".")),))
    return Verdict("take_contributing_agencies", meta=tuple(("agencies", n) for n in names if n))


def take_staff_credits(text: str) -> Verdict | None:
    """``Reporting by X; Editing by Y``: the desk's credits.

    >>> take_staff_credits("Reporting by Jane Doe; Editing by John Roe").meta
    (('credits', 'Reporting by Jane Doe; Editing by John Roe'),)
    """
    if P.STAFF_CREDITS.match(text) and not P.SENTENCE_END.search(text.rstrip(".")):
        return Verdict("take_staff_credits", meta=(("credits", text.rstrip(".")),))
    return None


def take_byline(text: str) -> Verdict | None:
    """``By Jane Doe and John Roe``, ``Text by: FRANCE 24``, ``Jane Doe7 February 2022``.

    >>> take_byline("By Daniel Brooks and Emma Hart").meta
    (('byline', 'Daniel Brooks and Emma Hart'),)
    >>> take_byline("Jane Dawson7 February 2022").meta
    (('byline', 'Jane Dawson'), ('line_date', '7 February 2022'))
    """
    match = P.BYLINE.match(text)
    if match:
        return Verdict("take_byline", meta=(("byline", match["name"]),))
    match = P.BYLINE_ROLE.match(text)
    if match:
        return Verdict("take_byline", meta=(("byline", match["name"]),))
    match = P.BYLINE_DATE.match(text)
    if match and not P.DATE_LABEL.match(text):
        return Verdict(
            "take_byline", meta=(("byline", match["name"]), ("line_date", match["date"]))
        )
    match = P.BYLINE_WITH.match(text)
    if match and (match["rest"] or match["role"] or text[:2].lower() != "by"):
        rest, role = match["rest"] or "", match["role"] or ""
        dated = find_date(rest) is not None
        if (
            (rest and (dated or re.search(r"\bmin(?:ute)?s?\b", rest)))
            or (role and not rest and len(role.split()) <= 5)
            or (not rest and not role)
        ):
            meta: tuple[tuple[str, str], ...] = (("byline", match["name"]),)
            return Verdict("take_byline", meta=meta + ((("line_date", rest),) if dated else ()))
    return None


def take_date_line(text: str) -> Verdict | None:
    """A line that is only a date and time: ``Posted: January 5, 2023``, ``20.01.2022 14:32``,
    ``August 27, 14:15 UTC+3 PARIS``. Which kind of date it is depends on its label.

    >>> take_date_line("August 27, 14:15 UTC+3 PARIS").meta[1:]
    (('time', '14:15 UTC+3'), ('dateline', 'PARIS'))
    >>> take_date_line("Updated: February 25, 2022").meta
    (('updated', 'Updated: February 25, 2022'),)
    """
    found = date_line(text)
    if found is None:
        return None
    label = P.DATE_LABEL.match(text)
    kind = "line_date"
    if label:
        kind = "updated" if re.search("updated|modified", label["label"], re.I) else "published"
    meta = [(kind, text)]
    time = P.TIME_OF_DAY.search(text)
    if time and kind == "line_date":
        meta.append(("time", time.group().strip()))
    if found[1]:
        meta.append(("dateline", found[1]))
    return Verdict("take_date_line", meta=tuple(meta))


def take_section_label(text: str) -> Verdict | None:
    """A lone section label (``World``) printed above the headline.

    >>> take_section_label("World").meta
    (('section', 'World'),)
    """
    if text.lower() in P.SECTION_LABELS:
        return Verdict("take_section_label", meta=(("section", text),))
    return None


def take_dateline(text: str) -> Verdict | None:
    """``PARIS, August 27. /TASS/.``, ``STRASBOURG, France (Reuters) -``, ``KYIV, Ukraine —``
    open a wire story: the place (and the agency) go to metadata, the body starts cleanly.

    >>> v = take_dateline("PARIS, August 27. /TASS/. French President Emmanuel Macron")
    >>> v.keep, v.meta[0], v.meta[-1]
    ('French President Emmanuel Macron', ('dateline', 'PARIS'), ('agency', 'TASS'))
    >>> take_dateline("BRUSSELS, Jan 20 (Reuters) - The EU said").meta
    (('dateline', 'BRUSSELS'), ('line_date', 'Jan 20'), ('agency', 'Reuters'))
    >>> take_dateline("PARIS and Berlin welcomed the move.") is None
    True
    """
    for pattern in (P.AGENCY_DATELINE, P.WIRE_DATELINE, P.PLAIN_DATELINE):
        match = pattern.match(text)
        if match and len(text) > match.end():
            break
    else:
        return None
    groups = match.groupdict()
    meta = [("dateline", match["place"].strip())]
    if groups.get("month"):
        meta.append(("line_date", f"{match['month']} {match['day']}"))
    if groups.get("agency"):
        meta.append(("agency", match["agency"].strip()))
    return Verdict("take_dateline", meta=tuple(meta), keep=text[match.end() :])


def take_reader_choice(text: str) -> Verdict | None:
    """``Pin quote: Europe can no longer rely`` / ``Suppress quote: 2`` / ``Link to: <file or
    title words>`` / ``No link to: ...``: choices a reader writes into the paste.

    >>> take_reader_choice("Pin quote: Europe can no longer rely").meta
    (('pin_quote', 'Europe can no longer rely'),)
    >>> take_reader_choice("No link to: 2021-09-14-wine-fair.txt").meta
    (('no_link_to', '2021-09-14-wine-fair.txt'),)
    """
    match = P.READER_CHOICE.match(text)
    if not match:
        return None
    key = re.sub(r"[ _\-]+", "_", match["key"].lower()).replace("quotes", "quote")
    return Verdict("take_reader_choice", meta=((key, match["value"].strip()),))


LINE_RULES: tuple[Callable[[str], Verdict | None], ...] = (
    take_reader_choice,
    drop_site_furniture,
    drop_related_links,
    take_original_url,
    take_photo_credit,
    take_caption,
    take_contributing_agencies,
    take_staff_credits,
    take_byline,
    take_date_line,
    take_section_label,
    take_dateline,
    drop_banner,
    drop_market_ticker,
    drop_promo_headline,
)

_W = "[\\w'\N{RIGHT SINGLE QUOTATION MARK}\\-]+"  # a word, apostrophes included
_S = "[^\\w'\N{RIGHT SINGLE QUOTATION MARK}\\-]+"
_QUOTATION = re.compile(
    '["\N{LEFT DOUBLE QUOTATION MARK}\N{LEFT-POINTING DOUBLE ANGLE QUOTATION MARK}]'
    '[^"\N{RIGHT DOUBLE QUOTATION MARK}\N{RIGHT-POINTING DOUBLE ANGLE QUOTATION MARK}]{0,2000}?'
    f"{_W}{_S}{_W}{_S}{_W}"
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
