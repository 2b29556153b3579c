"""The analyst's own files beside the pastes: corrections and a note per article, and the
briefing's summary. Pastes are never edited; what the analyst decides lives here.

```
content/raw/2022-01-20-outlet-title.txt           the paste, as received (never modified)
content/raw/2022-01-20-outlet-title.analyst.md    corrections and the analyst's note (optional)
content/summary.md                                the briefing's summary (optional)
```

An article's file is a header of ``Field: value`` lines (``Title``, ``Date``, ``Outlet``),
then the note in Markdown ("why it matters"). Either part may be left out. ``briefing fix``
and ``briefing add --title/--date/--outlet`` write it; it can be edited by hand as well.
Corrections are applied after cleaning (:func:`apply_corrections`), so the cleaner's cached
work stays valid and the paste's own reading is still shown by ``briefing clean --raw``.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import difflib
import re
from dataclasses import dataclass
from pathlib import Path

import nh3

from .model import Article
from .slugs import article_slug

#: How an article's file is named: the paste's name without its suffix, then this.
SIDECAR_SUFFIX = ".analyst.md"
#: The briefing's summary, at the top of the content folder.
SUMMARY_NAME = "summary.md"
#: The header's fields, as written in the file, and the article field each one sets.
FIELDS = {"title": "title", "date": "date", "outlet": "source"}
#: The earliest date an analyst can give (the cleaner takes no earlier date from a paste).
EARLIEST = dt.date(1900, 1, 1)
#: Longest title or outlet a correction may set (a longer one is a pasted paragraph).
MAX_FIELD = 300


@dataclass(frozen=True)
class Corrections:
    """What one ``.analyst.md`` file says; ``problems`` are lines it could not use."""

    title: str | None = None
    date: dt.date | None = None
    outlet: str | None = None
    note: str = ""  # Markdown, as written
    problems: tuple[str, ...] = ()
    #: ``Moved from:`` lines: addresses (slugs) the page had under earlier corrections,
    #: written by ``briefing fix`` so that each keeps redirecting
    moved: tuple[str, ...] = ()

    def is_empty(self) -> bool:
        return not (self.title or self.date or self.outlet or self.note.strip() or self.moved)


def sidecar_path(paste: Path) -> Path:
    """The analyst's file for a paste: beside it, the same name with ``.analyst.md``.

    >>> sidecar_path(Path("content/raw/2022-01-20-x.txt")).as_posix()
    'content/raw/2022-01-20-x.analyst.md'
    """
    return paste.with_name(paste.name[: -len(paste.suffix) or None] + SIDECAR_SUFFIX)


def is_analyst_file(path: Path, content: Path | None = None) -> bool:
    """An analyst's file (an article's, or the summary), not a paste to read as an article.

    >>> is_analyst_file(Path("raw/a.analyst.md")), is_analyst_file(Path("raw/a.md"))
    (True, False)
    """
    if path.name.lower().endswith(SIDECAR_SUFFIX):
        return True
    return content is not None and path.parent == content and path.name.lower() == SUMMARY_NAME


def article_date(value: str, today: dt.date) -> dt.date:
    """A date given for an article (``--date``, the prompt's answer, a ``Date:`` line), or
    ``ValueError`` saying what is wrong with it.

    >>> today = dt.date(2026, 12, 2)
    >>> article_date(" 2022-01-20 ", today)
    datetime.date(2022, 1, 20)
    >>> for bad in ("2022-02-30", "20/01/2022", "1850-01-01", "2031-01-01"):
    ...     try:
    ...         article_date(bad, today)
    ...     except ValueError as error:
    ...         print(error)
    2022-02-30 is not a real date
    20/01/2022 is not a date in the form YYYY-MM-DD
    1850-01-01 is before 1900: give the date the article was published
    2031-01-01 is in the future: give the date the article was published
    """
    value = value.strip()
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        raise ValueError(f"{value} is not a date in the form YYYY-MM-DD")
    try:
        date = dt.date.fromisoformat(value)
    except ValueError:
        raise ValueError(f"{value} is not a real date") from None
    if date < EARLIEST:
        raise ValueError(
            f"{value} is before {EARLIEST.year}: give the date the article was published"
        )
    if date > today + dt.timedelta(days=1):  # a day's grace: time zones
        raise ValueError(f"{value} is in the future: give the date the article was published")
    return date


def plain_field(value: str) -> str:
    """A title or outlet as the analyst typed it, on one line, without markup.

    >>> plain_field("  Macron <b>warns</b>\\n Europe ")
    'Macron warns Europe'
    """
    value = nh3.clean(value, tags=set())
    value = value.replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">")
    return " ".join(value.split())[:MAX_FIELD]


_HEADER = re.compile(r"^(?P<key>[A-Za-z][A-Za-z ]{0,20}):(?P<value>.*)$")


def parse_corrections(text: str, today: dt.date | None = None) -> Corrections:
    """Read an ``.analyst.md`` file: ``Field: value`` lines first, then the note.

    >>> c = parse_corrections("Title: Macron warns NATO\\nDate: 2019-11-07\\n\\n**Why**: it matters.")
    >>> c.title, c.date, c.outlet, c.note
    ('Macron warns NATO', datetime.date(2019, 11, 7), None, '**Why**: it matters.')
    >>> parse_corrections("Date: 07/11/2019\\nTitel: X\\nOutlet: Bay News\\n\\nWhy.").problems
    ('Date: 07/11/2019 is not a date in the form YYYY-MM-DD', "'Titel:' is not a field Briefing knows; did you mean 'Title:'? (the line was not applied)")
    >>> parse_corrections("Titel: X\\nOutlet: Bay News\\nDeck: none\\n\\nWhy.").outlet
    'Bay News'
    >>> parse_corrections("Why it matters: the first time he says so.").note
    'Why it matters: the first time he says so.'
    """
    today = today or dt.date.today()
    values: dict[str, str] = {}
    problems: list[str] = []
    moved: list[str] = []
    lines = text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff").split("\n")
    at = 0
    header = False  # a field, or a mistyped one, has been read: the block is the header
    while at < len(lines):
        match = _HEADER.match(lines[at].strip())
        if not match:
            break
        key = match["key"].strip().lower()
        if key == "moved from":
            slug = match["value"].strip()
            if re.fullmatch(r"[a-z0-9][a-z0-9\-]{0,150}", slug):
                moved.append(slug)
            else:
                problems.append(f"Moved from: {slug!r} is not a page name (the line was left out)")
            header = True
        elif key in FIELDS:
            values[key] = match["value"].strip()
            header = True
        else:
            close = difflib.get_close_matches(key, FIELDS, n=1)
            if not close and not header:
                break  # a note that opens with "Why it matters: ..."
            problems.append(
                f"{match['key']!r}:".replace("':", ":'")
                + " is not a field Briefing knows; "
                + (
                    f"did you mean '{close[0].title()}:'? (the line was not applied)"
                    if close
                    else "the fields are Title, Date and Outlet (the line was left out)"
                )
            )
            header = True
        at += 1
    note = "\n".join(lines[at:]).strip()
    date = None
    if values.get("date"):
        try:
            date = article_date(values["date"], today)
        except ValueError as error:
            problems.insert(0, f"Date: {error}")
    title = plain_field(values.get("title", "")) or None
    outlet = plain_field(values.get("outlet", "")) or None
    return Corrections(title, date, outlet, note, tuple(problems), tuple(dict.fromkeys(moved)))


def format_corrections(corrections: Corrections) -> str:
    """The file's text for ``corrections`` (what ``briefing fix`` writes).

    >>> print(format_corrections(Corrections(title="T", outlet="Euro Wire", note="Why.")), end="")
    Title: T
    Outlet: Euro Wire
    <BLANKLINE>
    Why.
    """
    header = [
        f"{name.title()}: {value.isoformat() if isinstance(value, dt.date) else value}"
        for name, value in (
            ("title", corrections.title),
            ("date", corrections.date),
            ("outlet", corrections.outlet),
        )
        if value
    ] + [f"Moved from: {slug}" for slug in corrections.moved]
    parts = ["\n".join(header)] if header else []
    if corrections.note.strip():
        parts.append(corrections.note.strip())
    return "\n\n".join(parts) + "\n" if parts else ""


def read_corrections(paste: Path, label: str) -> Corrections | None:
    """The analyst's file beside ``paste``, or None if there is none. An unreadable file is
    reported as a problem of the article, never a reason to leave the article out."""
    path = sidecar_path(paste)
    try:
        if path.is_symlink() or not path.is_file():
            return None
        data = path.read_bytes()[:1_000_000]
    except OSError as error:
        return Corrections(problems=(f"{path.name} cannot be read: {error.strerror}",))
    return parse_corrections(data.decode("utf-8", errors="replace"))


#: Warnings a correction answers: the analyst has settled what the cleaner was unsure of.
_SETTLED = {
    "title": ("no headline", "headline", "title"),
    "date": ("no date", "date", "ambiguous"),
    "source": ("outlet", "source"),
}


#: What a note may hold that its page will not show: scripts, frames, images, styles, and
#: links that would run code.
_UNSAFE = re.compile(
    r"<\s*(?:script|iframe|img|style|object|embed|form|svg)\b|\bjavascript:", re.IGNORECASE
)


def apply_corrections(article: Article, corrections: Corrections | None) -> Article:
    """The article with the analyst's corrections and note: a pure step after cleaning.

    >>> a = Article("raw/a.txt", "", "Menu Europe World", None, "Defence", ("Body.",),
    ...             warnings=("no date found in the paste",))
    >>> b = apply_corrections(a, Corrections(title="Macron warns", date=dt.date(2019, 11, 7)))
    >>> b.title, b.date, b.source, b.corrected, b.warnings
    ('Macron warns', datetime.date(2019, 11, 7), 'Defence', ('title', 'date'), ())
    """
    if corrections is None:
        return article
    changes: dict[str, object] = {}
    for name, value in (
        ("title", corrections.title),
        ("date", corrections.date),
        ("source", corrections.outlet),
    ):
        if value is not None:
            changes[name] = value
    settled = [word for name in changes for word in _SETTLED[name]]
    mine = sidecar_path(Path(article.path)).name
    unsafe = _UNSAFE.findall(corrections.note)
    problems = [*corrections.problems] + (
        [
            f"the note's {', '.join(dict.fromkeys(u.lower() for u in unsafe))} is not shown"
            " (a note keeps text, emphasis, links and lists)"
        ]
        if unsafe
        else []
    )
    warnings = tuple(
        w for w in article.warnings if not any(word in w.lower() for word in settled)
    ) + tuple(f"{mine}: {p}" for p in problems)
    corrected = dataclasses.replace(
        article,
        **changes,  # type: ignore[arg-type]
        warnings=warnings,
        corrected=tuple(changes),
        note=corrections.note or None,
    )
    after = article_slug(corrected)
    former = (article_slug(article), *corrections.moved)
    return dataclasses.replace(
        corrected, former_slugs=tuple(s for s in dict.fromkeys(former) if s != after)
    )


def note_html(text: str | None) -> str:
    """The analyst's Markdown as HTML, through an allow-list: text, emphasis, links, lists.

    >>> note_html("**Why it matters:** the first *public* call. <script>x()</script>")
    '<p><strong>Why it matters:</strong> the first <em>public</em> call. </p>'
    >>> note_html("[site](javascript:alert(1)) [ok](https://example.org/)")
    '<p><a rel="noopener noreferrer">site</a> <a href="https://example.org/" rel="noopener noreferrer">ok</a></p>'
    """
    if not text or not text.strip():
        return ""
    import markdown  # type: ignore[import-untyped]  # noqa: PLC0415 - only pages with a note need it, not the cleaning workers

    rendered = markdown.markdown(text, output_format="html")
    tags = {"p", "em", "strong", "a", "ul", "ol", "li", "blockquote", "br", "code", "h3", "h4"}
    return nh3.clean(
        rendered,
        tags=tags,
        attributes={"a": {"href"}},
        url_schemes={"http", "https", "mailto"},
        link_rel="noopener noreferrer",
        clean_content_tags={"script", "style"},
    ).strip()


def read_summary(content: Path) -> str:
    """The briefing's summary (``summary.md`` in the content folder), or "" if none."""
    path = content / SUMMARY_NAME
    try:
        if path.is_symlink() or not path.is_file():
            return ""
        return path.read_bytes()[:1_000_000].decode("utf-8", errors="replace").strip()
    except OSError:
        return ""
