"""Stage 2: a :class:`RawArticle` becomes an :class:`Article` (metadata + clean paragraphs).

The paste is split into blocks (:func:`split_blocks`: hard wraps joined, fused
paragraphs split), each block is repaired (:data:`generator.fixes.FIXES`) and judged on
its own (:data:`generator.rules.LINE_RULES`). Layout decides the rest
(:func:`assign_positions`, with :mod:`generator.layout`): the body is found by the shape
of its blocks, the headline is chosen among the blocks before it by weighed evidence,
what stands before the body is the page's header and what stands after it the footer; a
repeated block is a caption or a repeated title, a run of one-word lines is a tag cloud.
A paste with no headline gets one derived from its URL's slug or first sentence.

Nothing is lost silently: every block that leaves the body is reported with its rule
(``Article.removed``), a block holding a quotation is never junk, and a block the rules
are unsure of is kept and flagged in ``Article.warnings``.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from collections.abc import Sequence
from urllib.parse import urlsplit

from . import layout as L
from . import patterns as P
from .dates import all_dates, find_date, scan_dates
from .errors import InputError
from .fixes import apply_fixes
from .formats import header_date, markdown_paragraphs, pelican_header
from .model import Article, RawArticle, Removal
from .rules import Verdict, classify, has_quotation

# --------------------------------------------------------------------------------------
# Splitting text into blocks

_FUSED = re.compile(r"(?<=[a-z]{2}[.!?])(?=[A-Z][a-z]+\b|[A-Z]{2,}\b)")


def split_blocks(text: str) -> list[str]:
    """Blank-line separated blocks, with hard-wrapped lines joined and fused paragraphs split.

    A block whose lines are all of similar, wrapped length is one paragraph; a block of
    short unrelated lines (a menu, a tag cloud) stays one block per line; a column of text
    with no blank lines at all (a PDF's text layer) is cut into its paragraphs
    (:func:`reflow_column`), and a paragraph cut by a page break is joined again.

    >>> split_blocks("Europe can no longer rely on\\nthe US to provide its security.\\n\\nWorld")
    ['Europe can no longer rely on the US to provide its security.', 'World']
    >>> split_blocks("in Paris.Relations improved.")
    ['in Paris.', 'Relations improved.']
    """
    blocks: list[str] = []
    column = False
    for chunk in re.split(r"\n[ \t]*\n", text):
        lines = [line.strip() for line in chunk.split("\n") if line.strip()]
        if not lines:
            continue
        if len(lines) > 1 and _is_wrapped(lines):
            lines = [_join_wrapped(lines, soft_hyphens=False)]
        elif (width := column_width(lines)) is not None:
            lines = reflow_column(lines, width)
            column = True
        elif len(lines) > 1:
            lines = _join_run_on(lines)
        for line in lines:
            blocks.extend(part for part in _FUSED.split(line) if part.strip())
    return _join_page_breaks(blocks) if column else blocks


def _join_run_on(lines: Sequence[str]) -> list[str]:
    """Lines that go on into a line starting in lower case, among lines that do not (an
    embed's caption above a wrapped paragraph): the wrapped lines become one."""
    out = [lines[0]]
    for line in lines[1:]:
        last = out[-1]
        if (
            len(last) >= 30
            and not P.SENTENCE_END.search(last)
            and P.GOES_ON.match(line)
            and not re.match(r"(?:by|from|via)\s+[A-Z]", line)  # a byline under a headline
            and not _stands_alone(last)
            and not _stands_alone(line)
        ):
            out[-1] = _join_wrapped([last, line], soft_hyphens=False)
        else:
            out.append(line)
    return out


def _join_wrapped(lines: Sequence[str], soft_hyphens: bool) -> str:
    """Lines of one paragraph as one line. A word cut at the line's end (``pro-`` /
    ``tect``) is whole again when the text was typeset (``soft_hyphens``); a hyphen that
    a plain-text wrap left at a line's end belongs to the word (``well-`` / ``known``)."""
    text = lines[0]
    for line in lines[1:]:
        if text.endswith("-") and text[-2:-1].isalpha() and line[:1].isalpha():
            cut = re.search(r"(\w+)-$", text)
            keep = not soft_hyphens or (cut is not None and cut.group(1)[:1].isupper())
            text = text if keep else text[:-1]
            text += line
        else:
            text += " " + line
    return text


def column_width(lines: Sequence[str]) -> int | None:
    """The width of a column of hard-wrapped text with no blank lines between its
    paragraphs (a PDF's text layer, a print edition), or None for anything else.

    Most lines are nearly as long as the longest, and many run on into a line that starts
    in lower case, as no list of headlines or menu does.
    """
    if len(lines) < 6:
        return None
    lengths = sorted(len(line) for line in lines)
    width = lengths[max(0, int(len(lengths) * 0.9) - 1)]
    if not 25 <= width <= 100:
        return None
    if sum(1 for n in lengths if n >= 0.7 * width) < 0.6 * len(lines):
        return None
    run_on = sum(1 for a, b in itertools.pairwise(lines) if b[:1].islower() or a.endswith("-"))
    return width if run_on >= 0.3 * (len(lines) - 1) else None


def reflow_column(lines: Sequence[str], width: int) -> list[str]:
    """The paragraphs of a column: a line well short of the column's width ends its
    paragraph unless the next line starts in lower case (a headline broken over two lines);
    a line a rule claims whole (a byline, a date) and a line in capitals stand alone."""
    out: list[str] = []
    current: list[str] = []

    def flush() -> None:
        if current:
            out.append(_join_wrapped(current, soft_hyphens=True))
            current.clear()

    for k, line in enumerate(lines):
        upper = _capitals(line)
        alone = (
            (not line[:1].islower() and _stands_alone(line))
            or len(line) > 1.25 * width  # set across the columns: a headline's deck
            or bool(P.PAGE_JUMP.match(line))
            or bool(re.search(r"\S {3,}\S", line))  # a running head laid out in columns
            or bool(
                re.fullmatch(
                    r"[\"\N{LEFT DOUBLE QUOTATION MARK}].{5,}[\"\N{RIGHT DOUBLE QUOTATION MARK}]",
                    line,
                )
            )
        )  # ... and a pull quote on a line of its own
        if current and (upper != _capitals(current[-1]) or alone):
            flush()
        current.append(line)
        following = lines[k + 1] if k + 1 < len(lines) else ""
        ends = P.SENTENCE_END.search(line) is not None or line.endswith(":")
        short = len(line) < 0.75 * width or (len(line) < 0.85 * width and ends)
        headline_goes_on = (  # a headline in capitals over several short lines
            upper and short and _capitals(following) and len(following) < 0.75 * width
        )
        if ((short and not following[:1].islower()) or alone) and not headline_goes_on:
            flush()
    flush()
    return out


def _capitals(line: str) -> bool:
    letters = [c for c in line if c.isalpha()]
    return len(letters) >= 4 and all(c.isupper() for c in letters)


def _join_page_breaks(blocks: list[str]) -> list[str]:
    """A paragraph that stops in mid-sentence and goes on, after a few short lines (a page's
    foot and the next page's head), with a line in lower case: one paragraph again."""
    out = list(blocks)
    i = 0
    while i < len(out):
        text = out[i]
        words = text.split()
        lower = sum(1 for w in words if w[:1].islower())
        if len(words) >= 8 and text[-1:].isalnum() and lower >= 0.4 * len(words):
            for j in range(i + 1, min(i + 6, len(out))):
                if P.GOES_ON.match(out[j]):
                    if all(len(out[k].split()) <= 8 for k in range(i + 1, j)):
                        out[i] = _join_wrapped([text, out.pop(j)], soft_hyphens=True)
                    break
        i += 1
    return out


def _stands_alone(line: str) -> bool:
    """A line some rule claims whole (a byline, a date, a credit), or a short line that
    carries a date or a time ago: never part of a wrap."""
    found = find_date(line) if len(line) <= 60 else None
    if found and len((line[: found.start] + line[found.end :]).split()) <= 5:
        return True
    if len(line) <= 40 and re.search(r"\b\d+\s+\w+\s+ago\b", line):
        return True
    verdict = classify(apply_fixes(line)[0])
    return verdict is not None and verdict.keep is None


def _is_wrapped(lines: Sequence[str]) -> bool:
    """Lines of one hard-wrapped paragraph: similar lengths, most run on, none stands alone.
    A line that runs on into a capital is only evidence when most lines run on: a headline
    above two sentences is three lines, not one paragraph."""
    body = lines[:-1]
    if len(set(lines)) < len(lines) or len(lines[-1]) > max(map(len, body)) + 15:
        return False
    long_enough = all(len(line) >= 25 for line in body)
    ends = [bool(P.SENTENCE_END.search(line)) for line in body]
    lower_next = any(not e and nxt[:1].islower() for e, nxt in zip(ends, lines[1:], strict=True))
    run_on = sum(1 for e in ends if not e)
    wrapped = run_on == len(body) or (run_on >= len(body) / 2 and lower_next)
    if not (long_enough and (wrapped or lines[-1][:1].islower())):
        return False
    return not any(_stands_alone(line) for line in lines)


# --------------------------------------------------------------------------------------
# Position: title, repeats, front matter, lists, related blocks, footer


def _headline_like(text: str) -> bool:
    return (
        len(text.split()) <= 16
        and not text.rstrip().endswith(".")
        and not has_quotation(text)
        and text[:1].isupper()
    )


def _is_list_item(text: str) -> bool:
    return len(text.split()) <= 3 and not P.SENTENCE_END.search(text) and not has_quotation(text)


def split_title_suffix(title: str) -> tuple[str, str | None]:
    """Take a site name off a headline: ``Title | Section | Site``, ``Title - Site News``.

    >>> split_title_suffix("Moscow publishes drafts - Sputnik International")
    ('Moscow publishes drafts', 'Sputnik International')
    >>> split_title_suffix("Putin - Russia's President")
    ("Putin - Russia's President", None)
    """
    if " | " in title:
        head, _, tail = title.partition(" | ")
        if head.strip():
            return head.strip(), tail.split(" | ")[-1].strip()
    match = P.TITLE_SUFFIX.search(title)
    if match:
        suffix = match.group().strip(" |-\N{EN DASH}\N{EM DASH}")
        known = {name.lower() for name in P.OUTLET_BY_DOMAIN.values()}
        if suffix.lower() in known or suffix.split()[-1].lower() in P.OUTLET_WORDS:
            return title[: match.start()].strip(), suffix
    return title, None


def tidy_title(text: str) -> str:
    """A headline without the label or the markup a paste can bring with it: ``Title:``
    typed in front of it (a form people fill in), or HTML tags copied from a page's source
    (the text of a ``<script>`` goes with it: it was never part of the headline).

    >>> tidy_title("Title: Macron warns NATO")
    'Macron warns NATO'
    >>> tidy_title("Macron <script>alert(1)</script>warns <b>NATO</b>")
    'Macron warns NATO'
    """
    text = P.HEADLINE_MARKUP.sub(" ", re.sub(r"^#{1,2}\s+", "", text))
    return " ".join(P.TITLE_LABEL.sub("", text.strip()).split())


def _take_title(text: str) -> Verdict:
    title, site = split_title_suffix(tidy_title(text))
    if not title:  # nothing but markup: the title is derived as for a paste without one
        return Verdict("take_title", meta=(("site", site),) if site else ())
    return Verdict("take_title", meta=(("title", title),) + ((("site", site),) if site else ()))


def _claim(out: list[Verdict | None], i: int, rule: str, *meta: tuple[str, str]) -> None:
    out[i] = Verdict(rule, meta=tuple(meta), drops_text=not meta)


def assign_positions(
    blocks: Sequence[str], verdicts: Sequence[Verdict | None], url: str | None = None
) -> tuple[list[Verdict | None], list[str]]:
    """Judge the blocks no rule claimed by where they stand; return verdicts and flags.

    The body is found first (:func:`generator.layout.find_body`), then the headline among
    the blocks before it (:func:`generator.layout.choose_title`); what else stands before
    the body is the page's furniture, what stands after it the site's footer.
    """
    out = list(verdicts)
    notes: list[str] = []
    _mark_repeats(blocks, out)
    _mark_embedded_posts(blocks, out)
    shapes = [L.shape(b) for b in blocks]
    entries = L.live_entries(blocks, shapes)
    found = L.find_body(blocks, out, shapes, entries)
    if found is None:  # no prose at all: keep what could be text, as the old cleaner did
        for i in range(len(blocks)):
            if out[i] is None and (
                shapes[i].chrome or shapes[i].words < 3 or shapes[i].letters_words == 0
            ):
                _claim(out, i, "drop_site_furniture")
        if all(v is not None for v in out):  # a short text printed twice is still the text
            for i, v in enumerate(out):
                if v is not None and v.rule == "take_caption" and shapes[i].letters_words:
                    out[i] = None
        return out, notes
    start, end = found
    title_at = L.choose_title(blocks, out, shapes, start, url)
    if title_at is not None:
        out[title_at] = _take_title(blocks[title_at])
        for i, block in enumerate(blocks):  # the headline printed again is not body text
            if i != title_at and out[i] is None and block.casefold() == blocks[title_at].casefold():
                out[i] = Verdict("drop_repeated_block", drops_text=True)
        deck = next((j for j in range(title_at + 1, start) if out[j] is None), start)
        if (
            deck < start
            and out[deck] is None
            and shapes[deck].words >= 6
            and not shapes[deck].chrome
            and not (shapes[deck].words <= 14 and find_date(blocks[deck]) is not None)
            and not re.search(r"(?i)\b(?:photo|image|credit|pic)\b", blocks[deck])
        ):
            _claim(out, deck, "take_standfirst", ("standfirst", blocks[deck]))
    for i in range(start):  # before the body: menus, mastheads, bylines, captions
        if out[i] is None:
            rule = (
                "take_caption"
                if L.caption_at(blocks, out, i) and shapes[i].words >= 5
                else ("drop_page_header")
            )
            if rule == "take_caption":
                _claim(out, i, rule, ("caption", blocks[i]))
            else:
                _claim(out, i, rule)
    front = {
        blocks[i].casefold()
        for i, v in enumerate(out)
        if v is not None and v.rule == "take_standfirst"
    }
    for i, block in enumerate(blocks):  # the standfirst printed again is not body text
        if out[i] is None and block.casefold() in front:
            out[i] = Verdict("drop_repeated_block", drops_text=True)
    for i in range(start + 1, len(out)):
        if out[i] is not None and out[i].rule == "take_section_label":  # type: ignore[union-attr]
            _claim(out, i, "drop_site_furniture")  # a nav link below the story
    _mark_footer(blocks, out, start, notes)
    _mark_related_blocks(blocks, out, start)
    _mark_lists(blocks, out)
    if not entries:  # a live blog's entries each carry their own time
        _mark_second_article(blocks, out, shapes, start, end, notes=notes)
    _mark_body(blocks, out, shapes, start, end)
    _mark_tail_notes(blocks, out, shapes, start, end, live=bool(entries))
    _mark_pull_quotes(blocks, out, start, end)
    for i in range(end + 1, len(blocks)):  # after the body: the site's footer
        if out[i] is None:
            _claim(out, i, "drop_footer")
    _flag_stray_headlines(blocks, out, start, notes)
    return out, notes


def _mark_body(
    blocks: Sequence[str],
    out: list[Verdict | None],
    shapes: Sequence[L.Shape],
    start: int,
    end: int,
) -> None:
    """Inside the body: appeals, captions and author notes go; a lone short line between
    paragraphs is a sub-heading; runs of short lines (related headlines) go."""

    def good(j: int) -> bool:
        v = out[j]
        return (v is None or v.keep is not None) and (shapes[j].prose or shapes[j].sentence)

    for i in range(start, end + 1):
        if out[i] is not None:
            continue
        form, text = shapes[i], blocks[i]
        if P.SPEAKER_TURN.match(text):
            continue  # a transcript's turn, however short: "GWEN TALLIS: So what would help?"
        if i > start and _after_link_label(blocks, out, i) and L.headline_like(text, form):
            _claim(out, i, "drop_related_links")  # "Read next" / "Sponsored": its headline
            continue
        if form.prose or form.sentence or form.quote:
            if L.is_appeal(text, form) and not form.quote:
                _claim(out, i, "drop_banner")
            elif (
                i > start
                and (L.caption_at(blocks, out, i) or L.PHOTO_SCENE.search(text))
                and not form.quote
            ):
                _claim(out, i, "take_caption", ("caption", text))
            elif i > start + 1 and L.is_bio(text, None):
                _claim(out, i, "drop_author_note")
            elif L.site_note(text, form) >= (2 if form.words <= 25 else 3):
                _claim(out, i, "drop_site_note")
            continue
        if i > start and L.caption_at(blocks, out, i) and not form.quote:
            _claim(out, i, "take_caption", ("caption", text))
            continue
        if form.words <= 8 and L.is_appeal(text, form) and L._PROMPT.match(text):
            _claim(out, i, "drop_banner")  # "Upgrade to paid", "Scroll to continue"
            continue
        if form.words >= 12 and form.stop_ratio >= 0.25 and not form.chrome:
            continue  # running text that lost its full stop
        if form.words <= 12 and L.CREDIT.search(text):
            _claim(out, i, "take_photo_credit", ("credit", text))
            continue
        if (
            form.chrome
            or form.letters_words == 0
            or P.PAGE_JUMP.match(text)
            or L.COMMENTS.match(text)
            or (len(text) <= 20 and L.TIME_STAMP.fullmatch(text))
        ):
            _claim(out, i, "drop_site_furniture")
            continue
        before = next((j for j in range(i - 1, start - 1, -1) if not L._skippable(out[j])), None)
        after = next((j for j in range(i + 1, end + 1) if not L._skippable(out[j])), None)
        lone = before is not None and good(before) and after is not None and good(after)
        previous = out[i - 1]
        if (
            previous is not None
            and previous.rule in ("drop_related_links", "drop_pull_quote")
            and not L.TIME_STAMP.fullmatch(blocks[i - 1])
        ) or _after_link_label(blocks, out, i):
            lone = False  # the second line of a box: a pull quote's name, a list
        if re.fullmatch(
            r"(?:\d{1,4}\s+)?[^\W\d_]+(?:\s+[^\W\d_]+)?(?:\s+\d{1,4})?", text
        ) and re.search(r"\d", text):
            lone = False  # a running head with its page number: "NEWS 7", "8 NEWS"
        if (lone and form.words <= 14 and not form.upper) or (lone and form.words <= 6):
            continue  # a sub-heading
        if _introduced(blocks, out, shapes, i, start):
            continue  # an item of a list the story announces: "The cooling centers are at:"
        if L.SHORT_SENTENCE.fullmatch(text) and not form.chrome:
            continue  # "Critics disagreed.": a sentence, however short
        _claim(out, i, "drop_related_links")


def _introduced(
    blocks: Sequence[str],
    out: Sequence[Verdict | None],
    shapes: Sequence[L.Shape],
    i: int,
    start: int,
) -> bool:
    """Block ``i`` follows, through other kept items, a body paragraph ending in a colon."""
    j = i - 1
    while j > start and out[j] is None and not (shapes[j].prose or shapes[j].sentence):
        j -= 1
    return (
        j >= start
        and (out[j] is None or out[j].keep is not None)  # type: ignore[union-attr]
        and blocks[j].rstrip().endswith(":")
        and (shapes[j].prose or shapes[j].sentence or shapes[j].words >= 4)
        and not shapes[i].chrome
        and not shapes[i].upper
    )


#: The signature of a post embedded in the page: ``— Name (@handle) November 17, 2022``.
_POST_SIGNATURE = re.compile(
    r"(?:^|\s)[\N{EM DASH}\N{EN DASH}-]{1,2}\s*[^()@\n\N{EM DASH}]{2,60}?\s*\(@\w{1,30}\)[^()]{0,40}$"
)


def _mark_embedded_posts(blocks: Sequence[str], out: list[Verdict | None]) -> None:
    """A social-media post embedded in the page, with its signature: the page shows it, the
    article's writer did not write it (a reporter who quotes it says so in the text)."""
    for i, block in enumerate(blocks):
        if "(@" not in block or not _POST_SIGNATURE.search(block) or len(block.split()) > 90:
            continue
        out[i] = Verdict("drop_embedded_post", drops_text=True)
        alone = _POST_SIGNATURE.match(block) is not None
        if alone and i and len(blocks[i - 1].split()) <= 70 and out[i - 1] is None:
            out[i - 1] = Verdict("drop_embedded_post", drops_text=True)


def _quoted_words(text: str) -> str:
    return " ".join(re.findall(r"[^\W_]+", text.casefold()))


def _mark_second_article(
    blocks: Sequence[str],
    out: list[Verdict | None],
    shapes: Sequence[L.Shape],
    start: int,
    end: int,
    *,
    notes: list[str],
) -> None:
    """Another article pasted after the first (a site's endless scroll, two copies in one
    file): a headline, its byline or date line within two lines, then prose. From its
    headline on, nothing is this article's; the paste is flagged."""
    story = 0
    for k in range(start, end + 1):
        verdict = out[k]
        if verdict is None and shapes[k].prose:
            story += 1
            continue
        if story < 2 or not L.headline_like(blocks[k], shapes[k]):
            continue
        if verdict is not None and verdict.rule != "drop_related_links":
            continue
        if not any(
            (out[j] is not None and out[j].drops_text) or shapes[j].chrome  # type: ignore[union-attr]
            for j in range(max(0, k - 2), k)
        ):
            continue  # a story's own sub-heading and date ("Timeline" / "12 March 2021")
        meta = next(
            (
                j
                for j in range(k + 1, min(k + 4, len(blocks)))
                if out[j] is not None and out[j].rule in ("take_byline", "take_date_line")  # type: ignore[union-attr]
            ),
            None,
        )
        if meta is None or not any(
            out[j] is None and shapes[j].prose for j in range(meta + 1, min(meta + 3, len(blocks)))
        ):
            continue
        for i in range(k, len(blocks)):
            if out[i] is None or out[i].rule == "drop_related_links":  # type: ignore[union-attr]
                out[i] = Verdict("drop_second_article", drops_text=True)
        notes.append(
            f"another article seems to follow this one from {blocks[k]!r}; it was left out"
        )
        return


def _after_link_label(blocks: Sequence[str], out: Sequence[Verdict | None], i: int) -> bool:
    """The block before ``i`` is a short label some rule set aside (``READ NEXT``,
    ``Sponsored Content``, ``list 1 of 4``), not an advertisement's slot."""
    label = out[i - 1]
    return (
        label is not None
        and label.drops_text
        and label.rule != "drop_repeated_block"
        and len(blocks[i - 1].split()) <= 6
        and not re.match(r"(?i)advert", blocks[i - 1])
    )


def _mark_tail_notes(
    blocks: Sequence[str],
    out: list[Verdict | None],
    shapes: Sequence[L.Shape],
    start: int,
    end: int,
    *,
    live: bool = False,
) -> None:
    """From the body's end back: the site's notes (an author's bio, a print-edition line,
    an appeal, contact addresses, rules for comments) and headlines of other stories, up to
    the story's last paragraph."""
    for i in range(end, start + 1, -1):
        if out[i] is not None:
            continue
        text, form = blocks[i], shapes[i]
        if L.SHORT_SENTENCE.fullmatch(text) and not form.chrome:
            break  # "Critics disagreed.": the story's last sentence
        if L.site_note(text, form) >= 2 or L.is_bio(text, None) or L.FOOTNOTE.match(text):
            _claim(out, i, "drop_site_note")
        elif text[:1].islower() and not form.quote:
            _claim(out, i, "drop_footer")  # the rest of a line cut off the note above it
        elif not form.sentence and not form.prose and L.headline_like(text, form):
            _claim(out, i, "drop_related_links")
        elif not (form.sentence or form.prose or form.quote) and form.words <= 12:
            _claim(out, i, "drop_footer")  # a sign-off, a line of the site's footer
        else:
            break
    if not live:  # a live blog's last entry is no teaser
        _mark_teaser_at_end(blocks, out, shapes, start, end)
    for i in range(start, end + 1):  # a newsletter's greeting before the story
        if out[i] is not None:
            continue
        if L.site_note(blocks[i], shapes[i]) < 2:
            break
        _claim(out, i, "drop_site_note")


def _mark_teaser_at_end(
    blocks: Sequence[str],
    out: list[Verdict | None],
    shapes: Sequence[L.Shape],
    start: int,
    end: int,
) -> None:
    """The body's last paragraph standing under a label and another story's headline
    ("Don't Miss" / "Lagos-Ibadan train resumes ..." / its opening): that story's teaser."""
    last = next((i for i in range(end, start, -1) if out[i] is None), None)
    if last is None or last < start + 3 or not shapes[last].prose:
        return
    headline, label = last - 1, last - 2
    if (
        out[headline] is not None
        and out[headline].rule == "drop_related_links"  # type: ignore[union-attr]
        and L.headline_like(blocks[headline], shapes[headline])
        and shapes[headline].words >= 4
        and out[label] is not None
        and out[label].drops_text  # type: ignore[union-attr]
        and shapes[label].words <= 5
        and not L.TIME_STAMP.fullmatch(blocks[label])  # a live blog's last entry
    ):
        _claim(out, last, "drop_related_links")


def _mark_pull_quotes(
    blocks: Sequence[str], out: list[Verdict | None], start: int, end: int
) -> None:
    """A short quotation printed again beside the story (a pull quote, a ``>`` block quote):
    its words stand in full inside a longer paragraph of the body."""
    body = [i for i in range(start, end + 1) if out[i] is None]
    texts = {i: _quoted_words(blocks[i]) for i in body}
    candidates = [
        i
        for i in body
        if 5 <= len(texts[i].split()) <= 45
        and (
            blocks[i].startswith(">")
            or re.search(
                r"[\"\N{LEFT DOUBLE QUOTATION MARK}\N{RIGHT DOUBLE QUOTATION MARK}«»]", blocks[i]
            )
        )
    ][:200]
    joined = "\n".join(f" {texts[i]} " for i in body)
    for i in candidates:
        if joined.count(f" {texts[i]} ") >= 2:  # itself, and inside another paragraph
            out[i] = Verdict("drop_pull_quote", drops_text=True)
            following = i + 1
            if (
                following < len(blocks)
                and out[following] is None
                and blocks[following][:1] in "-\N{EN DASH}\N{EM DASH}"
                and len(blocks[following].split()) <= 10
            ):  # the pull quote's signature: "— Daniel Keir, Meridale Water"
                out[following] = Verdict("drop_pull_quote", drops_text=True)


def _mark_repeats(blocks: Sequence[str], out: list[Verdict | None]) -> None:
    """A block printed twice in a row: the copy goes; an unclaimed original is a caption."""
    for i in range(1, len(blocks)):
        if blocks[i].casefold() != blocks[i - 1].casefold():
            continue
        out[i] = Verdict("drop_repeated_block", drops_text=True)
        if out[i - 1] is None and not has_quotation(blocks[i - 1]):
            _claim(out, i - 1, "take_caption", ("caption", blocks[i - 1]))


def _mark_footer(
    blocks: Sequence[str], out: list[Verdict | None], body_start: int, notes: list[str]
) -> None:
    """From "Dear readers" or "Leave a Reply" on, unclaimed blocks are the site's footer."""
    start = next(
        (
            i
            for i in range(body_start + 1, len(blocks))
            if P.FOOTER_START.match(blocks[i]) and (out[i] is None or out[i].drops_text)  # type: ignore[union-attr]
        ),
        None,
    )
    if start is None:
        return
    for i in range(start, len(blocks)):
        if out[i] is not None and not out[i].drops_text:  # type: ignore[union-attr]
            continue
        if has_quotation(blocks[i]) and _SPOKEN.search(blocks[i]):
            notes.append(f"kept a quotation in what looks like the site's footer: {blocks[i]!r}")
            continue
        _claim(out, i, "drop_footer")


#: A quotation someone could have spoken: four words or more between the marks (not the
#: "anticipate," "believe" of a legal notice).
_SPOKEN = re.compile(
    r"[\"\N{LEFT DOUBLE QUOTATION MARK}\N{LEFT-POINTING DOUBLE ANGLE QUOTATION MARK}]"
    r"[^\"\N{RIGHT DOUBLE QUOTATION MARK}\N{RIGHT-POINTING DOUBLE ANGLE QUOTATION MARK}]*?"
    r"(?:\S+\s+){3,}"
)


def _mark_related_blocks(blocks: Sequence[str], out: list[Verdict | None], start: int = 0) -> None:
    """Headlines listed under "More from Europe", "Related Topics", a lone "Read also"."""
    i = start
    while i < len(blocks):
        verdict = out[i]
        lone = P.RELATED_LINE.match(blocks[i])
        i += 1
        if not (verdict and verdict.rule == "drop_related_links" and lone and not lone["rest"]):
            continue
        while i < len(blocks):
            claimed = out[i]
            if claimed is None and _headline_like(blocks[i]):
                _claim(out, i, "drop_related_links")
            elif claimed is None or not claimed.drops_text:
                break
            i += 1


def _mark_lists(blocks: Sequence[str], out: list[Verdict | None], least: int = 4) -> None:
    """A run of one- to three-word lines (a tag cloud, a menu) is not article text."""
    run: list[int] = []
    for i in [*range(len(blocks)), len(blocks)]:
        verdict = out[i] if i < len(blocks) else None
        if (
            i < len(blocks)
            and _is_list_item(blocks[i])
            and (verdict is None or verdict.drops_text or verdict.rule == "take_section_label")
        ):
            run.append(i)
            continue
        if len(run) >= least:
            for j in run:
                if out[j] is None:
                    _claim(out, j, "drop_tag_cloud")
        run = []


def _flag_stray_headlines(
    blocks: Sequence[str], out: list[Verdict | None], body_start: int, notes: list[str]
) -> None:
    """A headline-like line between body paragraphs is kept, but flagged for a human."""
    for i in range(body_start + 1, len(blocks) - 1):
        if out[i] is None and _headline_like(blocks[i]) and len(blocks[i].split()) >= 6:
            notes.append(f"kept a line that may be a related headline: {blocks[i]!r}")


# --------------------------------------------------------------------------------------
# The stage


def _outlet(
    url: str | None, agency: str | None, site: str | None, header: Sequence[str] = ()
) -> str | None:
    """The outlet: known by its address, else the agency's tag, else the site's name as
    printed, else the masthead whose letters spell the address's host name ("Harbour
    Gazette" at harbourgazette.example)."""
    host = (urlsplit(url).hostname or "").removeprefix("www.") if url else ""
    for domain, name in P.OUTLET_BY_DOMAIN.items():
        if host and (host == domain or host.endswith("." + domain)):
            return name
    if agency:
        return P.OUTLET_BY_TAG.get(agency.lower(), agency)
    if site:
        return site
    label = host.split(".")[0]
    for line in header:
        letters = "".join(c for c in line.lower() if c.isalnum())
        if len(label) >= 4 and len(line.split()) <= 6 and letters in (label, "the" + label):
            return line.strip()
    return None


def _safe_url(url: str | None) -> str | None:
    """Only web addresses: anything else (``javascript:``, ``data:``) is not a source link."""
    if url and urlsplit(url).scheme in ("http", "https"):
        return url
    return None


def _first_date(texts: Sequence[str], year: int | None) -> dt.date | None:
    for text in texts:
        found = find_date(text)
        if found and (date := found.resolve(year)):
            return date
    return None


#: Rules whose blocks may print the article's date: the page's header, bylines, date and
#: credit lines. Captions are left out: their dates are the photo's.
_DATED_RULES = (
    "drop_page_header",
    "take_byline",
    "take_date_line",
    "take_staff_credits",
    "drop_site_furniture",
    "take_section_label",
    "take_standfirst",
    "drop_promo_headline",
)


def _date_evidence(
    blocks: Sequence[str], verdicts: Sequence[Verdict | None], paragraphs: Sequence[str]
) -> list[str]:
    """Lines that may give the date, best first: the header's, the first paragraph's
    opening (``Bratislava, 31 May 2023 -``), then the footer's (a source line)."""
    head = [
        b for b, v in zip(blocks, verdicts, strict=True) if v is not None and v.rule in _DATED_RULES
    ]
    opening = [paragraphs[0][:60]] if paragraphs else []
    tail = [
        b
        for b, v in zip(blocks, verdicts, strict=True)
        if v is not None and v.rule == "drop_footer"
    ]
    short_captions = [  # "Episode 142 · 23 January 2024 · 48 min": a line of facts, no photo's
        b
        for b, v in zip(blocks, verdicts, strict=True)
        if v is not None and v.rule == "take_caption" and len(b.split()) <= 10
    ]
    return (
        head
        + opening
        + [t for t in tail if not re.search(r"(?i)print\s+edition|appeared\s+in", t)]
        + short_captions
    )


def _article_date(
    meta: dict[str, list[str]],
    url: str | None,
    blocks: Sequence[str],
    verdicts: Sequence[Verdict | None],
    paragraphs: Sequence[str],
) -> tuple[dt.date | None, list[str]]:
    """The article's date and the warnings about it: the lines that label it first
    (:func:`resolve_date`), then any line around the article that carries one, then a
    dateline's day completed by the same day printed elsewhere."""
    told = paragraphs[:30]  # the days the story tells of settle an ambiguous date
    date, warnings = resolve_date(meta, url, told)
    if date is None and not meta.get("header_date"):
        date, scanned = scan_dates(
            _date_evidence(blocks, verdicts, paragraphs), _url_year(url), told
        )
        warnings.extend(scanned)
    if date is None and meta.get("line_date"):
        date = _dateline_year(meta["line_date"][0], blocks)
    return date, warnings


def _dateline_year(line_date: str, blocks: Sequence[str]) -> dt.date | None:
    """A dateline's day and month (``PERTH, Nov 14 (FinWire) -``) completed by a full date
    with the same day and month printed anywhere in the paste (a terminal's header line,
    a caption): the year the page gives that day, and no guess when none does."""
    found = find_date(line_date)
    if found is None or found.year is not None:
        return None
    for block in blocks:
        for other in all_dates(block[:2000]):
            if other.year and (other.month, other.day) == (found.month, found.day):
                return other.resolve()
    return None


def _url_year(url: str | None) -> int | None:
    found = re.search(r"/((?:19|20)\d{2})/", url or "")
    return int(found.group(1)) if found else None


def resolve_date(
    meta: dict[str, list[str]], url: str | None, context: Sequence[str] = ()
) -> tuple[dt.date | None, list[str]]:
    """The date from, in order: the header line, a dateline or byline, the original URL,
    then a "Published" line. Disagreements and guesses become warnings.
    """
    warnings: list[str] = []
    header = meta.get("header_date", [""])[0]
    header_date = _first_date([header], None) if header.count("-") == 2 else None
    if header and header.count("-") == 2 and header_date is None:
        warnings.append(f"the header date {header} is not a real date; it was ignored")
    header_month = header if header.count("-") == 1 else None
    url_found = P.URL_DATE.search(url or "")
    url_date = (
        _first_date(["{year}-{month}-{day}".format(**url_found.groupdict())], None)
        if url_found
        else None
    )
    year = (
        header_date.year
        if header_date
        else int(header[:4])
        if header_month
        else url_date.year
        if url_date
        else None
    )
    published, flagged = scan_dates(meta.get("published", []), year, context)
    line_date, flagged_line = scan_dates(
        meta.get("line_date", []), year or (published.year if published else None), context
    )
    warnings.extend(flagged_line if line_date else flagged)
    chosen = next((d for d in (header_date, line_date, url_date, published) if d), None)
    if url_date and line_date and url_date != line_date:
        warnings.append(
            f"the dateline says {line_date} but the URL says {url_date}; the dateline was used"
        )
    if header_month:
        if chosen is None:
            chosen = _first_date([header + "-01"], None)
            warnings.append(f"the header gives only the month ({header}); the 1st was used")
        elif chosen.strftime("%Y-%m") != header_month:
            warnings.append(f"the header says {header_month} but the article says {chosen}")
    return chosen, warnings


def _header(lines: list[str], meta: dict[str, list[str]], removed: list[Removal]) -> list[str]:
    """Take the `` date 2022-01-20 ...`` line; whatever is fused after it is judged as a block."""
    match = P.HEADER_LINE.match(lines[0]) if lines else None
    if not match:
        return lines
    removed.append(Removal(lines[0][: match.start("rest")].strip(), "take_header_line"))
    meta["header_date"] = [match["date"]]
    rest = match["rest"].strip()
    if rest and classify(rest) is None and len(rest.split()) <= 4 and rest.istitle():
        meta.setdefault("section", []).append(rest)
        removed.append(Removal(rest, "take_section_label"))
        rest = ""
    return ([rest, ""] if rest else []) + lines[1:]


def unquote_email(text: str) -> str:
    """A forwarded or replied e-mail quotes the article with ``> `` before every line: the
    marks go (a bare ``>`` is a blank line) when most lines carry them.

    >>> unquote_email("Fwd note\\n> Headline\\n>\\n> First line\\n> goes on\\n> to the end.")
    'Fwd note\\nHeadline\\n\\nFirst line\\ngoes on\\nto the end.'
    """
    lines = text.split("\n")
    marked = sum(1 for line in lines if line.startswith(">"))
    if marked < 5 or marked < 0.3 * sum(1 for line in lines if line.strip()):
        return text
    return "\n".join(re.sub(r"^>(?: ?>)* ?", "", line) for line in lines)


def read_clean_markdown(raw: RawArticle) -> Article | None:
    """A ``.md`` file with a full Pelican header is already clean: take it as written."""
    found = pelican_header(raw.text) if raw.format == "markdown" else None
    if found is None:
        return None
    fields, body = found
    paragraphs = markdown_paragraphs(body)
    if not paragraphs:
        raise InputError(raw.path, "the Markdown file has a header but no text after it")
    date = header_date(fields["date"])
    warnings = [] if date else [f"the Date: {fields['date']!r} is not a date (YYYY-MM-DD)"]
    url = _safe_url(fields.get("url"))
    known = {"title", "date", "source", "url", "dateline", "section", "standfirst", "byline"}
    return Article(
        path=raw.path,
        sha256=raw.sha256,
        title=fields["title"],
        date=date,
        source=fields.get("source") or _outlet(url, None, None),
        paragraphs=paragraphs,
        dateline=fields.get("dateline"),
        section=fields.get("section"),
        standfirst=fields.get("standfirst") or fields.get("summary"),
        url=url,
        byline=fields.get("byline") or fields.get("author"),
        removed=(),
        warnings=tuple(warnings),
        repairs=raw.repairs,
        extra=tuple((re.sub(r"[ \-]", "_", k), v) for k, v in fields.items() if k not in known),
    )


def clean_article(raw: RawArticle) -> Article:
    """Clean one raw article. Raises :class:`InputError` if no title or no body is left.

    A Markdown file with a Pelican header is taken as already clean
    (:func:`read_clean_markdown`); everything else goes through the rules.
    """
    written = read_clean_markdown(raw)
    if written is not None:
        return written
    meta: dict[str, list[str]] = {}
    removed: list[Removal] = []
    lines = _header(unquote_email(raw.text).split("\n"), meta, removed)

    repairs: list[str] = list(raw.repairs)
    blocks: list[str] = []
    originals: list[str] = []  # as pasted, for the report of what was set aside
    for block in split_blocks("\n".join(lines)):
        fixed, fired = apply_fixes(block)
        repairs.extend(fired)
        if fixed:
            blocks.append(fixed)
            originals.append(block)
    claims = [classify(b) for b in blocks]
    pasted_url = next(
        (value for v in claims if v is not None for key, value in v.meta if key == "url"), None
    )
    verdicts, notes = assign_positions(blocks, claims, _safe_url(pasted_url))

    paragraphs: list[str] = []
    for block, original, verdict in zip(blocks, originals, verdicts, strict=True):
        if verdict is None:
            paragraphs.append(P.MD_HEADING.sub("", block))
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
    marked = next(
        (
            tag
            for original, verdict in zip(originals, verdicts, strict=True)
            if verdict is not None and verdict.rule == "take_title"
            for tag in re.findall(r"</?([A-Za-z][\w-]*)[^<>]*>", original)[:1]
        ),
        None,
    )
    markup = [f"the headline held HTML markup (<{marked}>); it was removed"] if marked else []
    if not paragraphs:
        raise InputError(
            raw.path, "no article text is left after cleaning", "is this the whole paste?"
        )
    url = _safe_url(first("url"))
    derived: list[str] = []
    if title is None:
        title, origin = derive_title(url, paragraphs[0])
        derived.append(f"no headline found in the paste: title derived from {origin}")
    date, warnings = _article_date(meta, url, blocks, verdicts, paragraphs)
    warnings[:0] = derived + markup
    if date is None:
        warnings.append("no date found: give it with `briefing fix NAME --date YYYY-MM-DD`")
    if first("url") and url is None:
        warnings.append(f"the original URL {first('url')!r} is not a web address; it was dropped")
    extra = tuple(
        (key, value)
        for key in ("site", "credits", "updated", "published")
        for value in meta.get(key, [])[:1]
    ) + tuple(
        (key, value)
        for key in ("pin_quote", "suppress_quote", "link_to", "no_link_to", "thread_title")
        for value in meta.get(key, [])
    )
    return Article(
        path=raw.path,
        sha256=raw.sha256,
        title=title,
        date=date,
        source=_outlet(
            url,
            first("agency"),
            first("site"),
            [b for b, v in zip(blocks, verdicts, strict=True) if v is not None and v.drops_text],
        ),
        paragraphs=tuple(paragraphs),
        dateline=first("dateline"),
        section=first("section"),
        standfirst=first("standfirst"),
        caption=first("caption"),
        credit=first("credit"),
        agencies=tuple(dict.fromkeys(meta.get("agencies", []))),
        url=url,
        time=first("time"),
        byline=first("byline"),
        removed=tuple(removed),
        warnings=tuple([*warnings, *notes]),
        repairs=tuple(dict.fromkeys(repairs)),
        extra=extra,
    )


def derive_title(url: str | None, first_paragraph: str) -> tuple[str, str]:
    """A headline for a paste that has none, and where it came from.

    >>> derive_title("https://example.org/2020/03/24/eu-opens-talks-with-skopje", "x")
    ('Eu opens talks with skopje', "the original URL's slug")
    """
    from_slug = L.slug_title(url)
    if from_slug:
        return from_slug, "the original URL's slug"
    plain = re.sub(
        r"<(script|style)\b.*?</\1\s*>|<[^<>]{1,300}>", " ", first_paragraph, flags=re.I | re.S
    )
    return L.first_sentence_title(" ".join(plain.split()) or first_paragraph), "the first sentence"


def as_markdown(article: Article) -> str:
    """The cleaned article as Markdown with a Pelican header: what golden tests pin."""
    header = [
        ("Title", article.title),
        ("Date", article.date.isoformat() if article.date else None),
        ("Source", article.source),
        ("Byline", article.byline),
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
