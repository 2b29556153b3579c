"""Where the article stands in a paste: the head, the body and the tail, judged by shape.

The line rules (:mod:`generator.rules`) know the furniture of sites we have seen. This
module generalises to sites we have not, the way jusText and Boilerpipe do: every block
gets shallow features (its length, its share of function words, how it ends, whether it
reads as an appeal to the reader or as site chrome), and the blocks' context decides.

- The **body** starts at the first block of prose that is followed by more prose (or at a
  wire dateline), and is not a photo caption (a sentence followed by its credit). It ends
  at its last block of prose before a long run of non-prose or a comments marker.
- The **headline** is chosen among the head's blocks by weighing evidence
  (:func:`title_score`): its shape, the URL's slug, a repeat with a site suffix, how close
  it stands to the byline, date and body, and marks of chrome against it.
- Inside the body, a short line between paragraphs is a sub-heading; site chrome, runs of
  short lines (lists of related headlines) and appeals to the reader are dropped.

Every decision is a :class:`~generator.rules.Verdict` with a rule name, so each removal is
still explained.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass
from urllib.parse import unquote, urlsplit

from . import patterns as P
from .dates import find_date
from .names import FEMALE_NAMES, MALE_NAMES
from .rules import Verdict, has_quotation

#: Function words: prose has many, menus, headlines of names and tickers few.
STOP_WORDS = frozenset(
    """a about after against all also an and any are as at be because been before being
    between both but by can could did do does during each for from had has have he her his
    how i if in into is it its itself more most no nor not of on once only or other our out
    over own said says she should so some such than that the their them then there these
    they this those through to too under until up very was we were what when where which
    while who whom why will with would you your""".split()
)

#: Words of site chrome: navigation, accounts, sharing, apps, promotion. Each marks a line
#: whatever its length.
CHROME = re.compile(
    r"\b(?:skip\s+to|subscrib\w*|sign\s+(?:in|up)|log\s*in|login|newsletters?|"
    r"cookies?|privacy\s+(?:policy|settings|notice)|your\s+privacy|trending|learn\s+more|advertisement|advertising|"
    r"sponsored|back\s+to\s+home|read\s+(?:next|more|also)|further\s+reading|most\s+(?:popular|read|viewed)|"
    r"watch\s+(?:live|now)|become\s+a|support\s+us|(?:support|fund)\b.{0,40}\bjournalism|donat\w+|paywall|unlimited|"
    r"all\s+rights|copyright|terms\s+of|rss|today'?s\s+paper|e-?paper|jump\s+to|show\s+(?:more|original|key)|load\s+more|"
    r"click|view\s+(?:this\s+email\s+)?in\s+(?:your\s+)?browser|unsubscribe|forwarded\s+message|translated\s+from|powered\s+by|"
    r"key\s+events|keep\s+reading|visual\s+stories|popular\s+on|now\s+playing|text\s+size|"
    r"breaking\s+news|top\s+stories|more\s+from|(?:story|article)\s+continues\s+(?:below|after)|"
    r"you\s+may\s+(?:also|be\s+interested|like)|continue\s+reading|recommended|editor'?s\s+picks?|print\s+edition|javascript|"
    r"(?<=\w)\.(?:com|org|net|co|ch|ru|uk|de|fr|in|ke|ng|au)|www(?=\.))\b",
    re.IGNORECASE,
)

#: Words that are chrome on a short line ("Share", "Latest news", "Follow us") but ordinary
#: words in a headline ("members pause cooperation", "shares fall", "search for survivors").
CHROME_WORD = re.compile(
    r"\b(?:weather|register|menu|search|download|apps?|privacy|follow|share|comments?|reply|"
    r"listen|podcasts?|videos?|gallery|members?(?:hip)?|premium|latest(?:\s+news)?|whatsapp|"
    r"telegram|facebook|twitter|instagram|youtube|linkedin|live\s+updates)\b",
    re.IGNORECASE,
)

#: An appeal to the reader: the site speaking, not the story.
APPEAL = re.compile(
    r"\b(?:you|your|you're|we've|subscribe\w*|subscription|support\s+(?:us|our|independent)|"
    r"donat\w+|become\s+a\s+\w+|membership|"
    r"newsletter|sign\s+up|signing\s+up|register|download|app|inbox|unsubscribe|"
    r"journalism|paywall|free\s+access|unlimited\s+access|cookies|privacy|consent|"
    r"whatsapp|telegram|click|tap\s+here|e-?mail|comments?|upgrade|log\s+in|subscribers?|"
    r"scroll\s+to\s+continue|continue\s+reading|have\s+a\s+(?:story|tip)|news\s+tips?|send\s+us|"
    r"message\s+us|tell\s+us|contact\s+us|write\s+to\s+us|facebook\s+page)\b",
    re.IGNORECASE,
)

#: A credit under a photo: ``Image: Name / Yle``, ``PHOTO: ...``, ``Credit...``,
#: ``Photographer: ...``, ``Courtesy of ...``, ``(AA Photo)``, ``PHOTO | FILE``.
CREDIT = re.compile(
    r"^(?:(?:photo(?:graph|grapher)?s?|image|picture|credit|courtesy|illustration|foto|video)"
    r"\b\s*(?:by|of)?\s*[:|.\-]*\s*\S"
    r"|\(?(?:[A-Z]{2,}\s+)?photo\)?$)"
    r"|(?:\b(?:photo|image|credit)\s*[:|]|/\s*(?:AFP|AP|Reuters|EPA|Getty\s+Images|Yle|TASS|"
    r"Xinhua|Anadolu|Kyodo|Yonhap|Bloomberg|Shutterstock|Pool|File)|\|\s*[A-Z][A-Z ]{1,30})\s*$",
    re.IGNORECASE,
)

#: The start of readers' comments: nothing after it is the article's.
COMMENTS = re.compile(
    r"^(?:comments?(?:\s*\(\d+\))?|\d+\s+comments?|reply|join\s+the\s+(?:conversation|discussion)|"
    r"leave\s+a\s+(?:reply|comment)|add\s+a\s+comment|show\s+comments|jump\s+to\s+comments)$",
    re.IGNORECASE,
)

#: A live blog's entry stamp on its own line: ``19.20 GMT``, ``10:32 am``, ``34m ago``.
TIME_STAMP = re.compile(
    r"(?i)(?:\[\d{1,2}:\d{2}(?::\d{2})?\]"  # a transcript's "[00:01:27]"
    r"|\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?(?:\s+[A-Z]{2,4})?"
    r"|\d{1,3}\s*(?:m|mins?|minutes?|h|hrs?|hours?)\s+ago)"
)


def live_entries(blocks: Sequence[str], shapes: Sequence[Shape]) -> set[int]:
    """The prose blocks that open a live blog's entries: each stands within two lines of a
    time stamp of its own, and a page has three such entries or more."""
    entries = set()
    for i, block in enumerate(blocks):
        if len(block) <= 20 and TIME_STAMP.fullmatch(block):
            j = next((j for j in range(i + 1, min(i + 3, len(blocks))) if shapes[j].prose), None)
            if j is not None:
                entries.add(j)
    return entries if len(entries) >= 3 else set()


_WORD = re.compile(r"[^\W\d_]+(?:['\N{RIGHT SINGLE QUOTATION MARK}][^\W\d_]+)?")


@dataclass(frozen=True)
class Shape:
    """The shallow features of one block."""

    words: int  # whitespace-separated words
    letters_words: int  # words made of letters
    stop_ratio: float  # share of function words among the letter words
    ends: bool  # ends as a sentence does
    quote: bool  # holds a quotation of three words or more
    chrome: bool  # holds a word of site chrome
    appeal: float  # share of words that address the reader or promote the site
    upper: bool  # written in capitals

    @property
    def prose(self) -> bool:
        """A sentence or more of running text."""
        if self.quote and self.words >= 8 and (self.ends or self.words >= 15):
            return True
        return (self.words >= 10 and self.ends and self.stop_ratio >= 0.12) or (
            self.words >= 25 and self.stop_ratio >= 0.12
        )

    @property
    def sentence(self) -> bool:
        """A short sentence that can stand in a body (``He did not elaborate.``)."""
        return self.ends and self.words >= 3 and self.stop_ratio >= 0.1 and not self.upper


def shape(text: str) -> Shape:
    """The features of a block.

    >>> shape("Foreign ministers ended their two-day meeting in Rovaniemi on Tuesday.").prose
    True
    >>> shape("Latest news").prose, shape("Latest news").chrome
    (False, True)
    """
    words = text.split()
    letter_words = [w.lower() for w in _WORD.findall(text)]
    stops = sum(1 for w in letter_words if w in STOP_WORDS)
    plain = re.sub(
        r"[\"\N{LEFT DOUBLE QUOTATION MARK}\N{RIGHT DOUBLE QUOTATION MARK}«»][^\"\N{RIGHT DOUBLE QUOTATION MARK}»]*[\"\N{RIGHT DOUBLE QUOTATION MARK}»]",
        " ",
        text,
    )
    appeals = len(APPEAL.findall(plain))
    letters = "".join(filter(str.isalpha, text))
    return Shape(
        words=len(words),
        letters_words=len(letter_words),
        stop_ratio=stops / max(len(letter_words), 1),
        ends=bool(P.SENTENCE_END.search(text.rstrip())) or text.rstrip().endswith(":"),
        quote=has_quotation(text),
        chrome=_is_chrome(text, len(words)),
        appeal=appeals / max(len(words), 1),
        upper=len(letters) >= 4 and letters.isupper(),
    )


def _is_chrome(text: str, words: int) -> bool:
    """A line of site chrome: a word that only chrome uses, or a chrome word on a short line.
    Menu items fused by the copy (``professionalsLearn more``) are read apart."""
    text = _FUSED_CASE.sub(r"\1 \2", text)
    if CHROME.search(text):
        return True
    hits = len(CHROME_WORD.findall(text))
    return hits >= 1 and (words <= 4 or (hits >= 2 and words <= 12))


_FUSED_CASE = re.compile(r"([a-z]{2})([A-Z][a-z])")


#: A line that tells the reader to do something for the site.
_PROMPT = re.compile(
    r"(?:get|sign|subscribe|join|download|follow|become|try|register|listen|watch|don't\s+miss|"
    r"upgrade|scroll|log\s+in)\b",
    re.IGNORECASE,
)


def is_appeal(text: str, form: Shape) -> bool:
    """The site speaking to its reader: a donation, newsletter or app appeal, a paywall."""
    if form.quote and form.appeal < 0.15:
        return False
    if P.SPEAKER_TURN.match(text) or re.match(r"[A-Z][A-Z.]{0,5}:\s", text):
        return False  # a transcript or an interview ("CD: Why did you stay?"): people speak
    hits = round(form.appeal * form.words)
    if hits >= 1 and form.words <= 30 and not form.quote and _PROMPT.match(text):
        return True  # "Get the Sediment & Sky newsletter ...", "Get unlimited access to ..."
    if hits < 2 and not (hits == 1 and form.words <= 8):
        return False
    return (form.appeal >= 0.12 and form.words <= 80) or (form.appeal >= 0.08 and form.words <= 25)


#: Words of a note about the article or the site, not the story: print-edition lines,
#: contact lines, rules for comments, appeals for support.
SITE_NOTE = re.compile(
    r"\b(?:this\s+(?:article|story|post|page|piece|newsletter|issue|report|commentary|column|blog|"
    r"interview)|edited\s+(?:and\s+condensed\s+)?for\s+(?:length|clarity)|(?:edited|condensed)\s+and\s+(?:condensed|edited)|the\s+author'?s?|the\s+article|"
    r"in\s+print|print\s+edition|appeared\s+in|reprints?|today'?s\s+paper|the\s+reporters?|"
    r"the\s+editors?|contact\s+(?:the|us|our)|subscribers?|readers?|journalism|paywall|"
    r"comments?|moderated|hyperlinks?|materials|newsletters?|forward\s+(?:it|this)|must-reads|"
    r"channel|whatsapp|telegram|summary\s+of|sign\s+up|inbox|help\s+us|your\s+(?:help|support)|"
    r"text-to-speech|audio\s+version|views\s+expressed|transcripts?|automatically\s+generated|"
    r"generated\s+automatically|may\s+contain\s+errors|lightly\s+edited|free\s+articles?|articles?\s+(?:left|remaining)|subscribe\s+now|keep\s+up\s+to\s+date|stay\s+(?:informed|up\s+to\s+date)|support\s+(?:us|our|my))\b"
    r"|\b[\w.+\-]+@[\w\-]+\.\w{2,}",
    re.IGNORECASE,
)
#: A note at the foot of a commentary: ``[3] Marine Licensing Authority, Guidance ...``.
FOOTNOTE = re.compile(r"^\[\d{1,2}\]\s+\S")

#: What only a photo's caption says: a gallery's counter (``[1/2]``), people "seen" or
#: "pictured", who stands on the left.
PHOTO_SCENE = re.compile(
    r"^\[\d{1,2}/\d{1,2}\]|\b(?:is|are)\s+(?:seen|pictured|shown)\s+(?:during|at|in|on|as|after|before|with|near|outside|inside)\b"
    r"|\((?:left|right|centre|center|L|R)\)|,\s+(?:left|right|centre|center),\s|\b(?:from\s+)?left\s+to\s+right\b"
)

#: "You" and "we" (never "US", the country).
_SELF = re.compile(r"\b(?:[Yy]ou|[Yy]our|[Ww]e|[Ww]e've|[Ww]e're|[Oo]ur|us)\b")


def site_note(text: str, form: Shape) -> int:
    """How strongly a block reads as the site speaking about itself or to its reader (0 is
    not at all): words of the site's notes, and "you" and "we" outside quotations; an
    e-mail address counts twice. A quotation of three words or more weighs against."""
    if P.SPEAKER_TURN.match(text):
        return 0  # a transcript's turn: people speak to each other
    plain = re.sub(
        r"[\"\N{LEFT DOUBLE QUOTATION MARK}][^\"\N{RIGHT DOUBLE QUOTATION MARK}]*[\"\N{RIGHT DOUBLE QUOTATION MARK}]",
        " ",
        text,
    )
    notes = SITE_NOTE.findall(plain)
    score = len(notes) + sum(1 for n in notes if "@" in n)
    if notes and _SELF.search(plain):
        score += 1
    if form.quote:
        score -= 1
    return score if form.words <= 90 else 0


def headline_like(text: str, form: Shape) -> bool:
    """Shaped as a headline: a few words up to twenty, no full stop at the end, no
    quotation of its own, not a time or a number."""
    return (
        2 <= form.words <= 20
        and not text.rstrip().endswith(".")
        and not form.quote
        and form.letters_words >= 2
        and text[:1].isupper()
    )


def is_bio(text: str, byline: str | None) -> bool:
    """An author's note: ``Jane Doe covers trade for The Times.``, ``X is a reporter ...``."""
    match = re.match(
        r"^(?P<name>[A-Z][\w'\-]+(?: [A-Z][\w'.\-]+){1,3}) (?:is|was|covers|writes|reports|"
        r"has\s+been|has\s+written|has\s+reported|contributed)\b.{0,200}\b(?:reporter|correspondent|journalist|editor|writer|"
        r"researcher|fellow|professor|director|analyst|columnist|covers|covering|author|"
        r"based\s+in|for\s+(?:the\s+)?[A-Z])",
        text,
    )
    if not match or len(text.split()) > 60:
        return False
    return byline is None or match["name"].split()[-1].lower() in byline.lower()


def _credit_like(text: str, verdict: Verdict | None) -> bool:
    if text[:1] in "-\N{EN DASH}\N{EM DASH}":
        return False  # a wire's sign-off under the story: "– TIMES/AFP"
    if verdict is not None and verdict.rule == "take_photo_credit":
        return True
    if verdict is not None and verdict.rule == "take_byline":
        return False  # "Nora Whitcombe | Staff Reporter": the writer, not a photographer
    return len(text.split()) <= 12 and bool(CREDIT.search(text))


#: A photo's credit in brackets at the end of its caption: ``(AFP)``, ``(Jane Roe/Agency)``.
_CREDIT_AFTER = re.compile(r"\((?P<who>[A-Z][\w.&'\-]*(?:[ /][A-Z][\w.&'\-]*){0,3})\)\s*$")
#: A sentence followed by nothing but a name, as a photographer's credit is printed.
_NAME_AFTER_SENTENCE = re.compile(
    r"[a-z0-9)][.]\s+[A-Z][\w'\-]+(?: (?:[A-Z][\w'.\-]*|de|van|von|al|el)){1,3}(?:\s*/\s*[\w ]+)?$"
)
#: A label over a list of the site's other stories.
_LIST_LABEL = re.compile(
    r"(?i)(?:trending(?:\s+now)?|most\s+(?:read|popular|viewed|shared)|popular(?:\s+now)?|"
    r"top\s+stories|latest(?:\s+news)?|editor'?s\s+picks?|recommended(?:\s+for\s+you)?)"
    r"(?:\s+(?:from|on|at|in)\s+[\w .&'\-]{1,40})?\s*:?"  # "Most Read from Cordillera Markets"
)


def _in_listing(blocks: Sequence[str], out: Sequence[Verdict | None], i: int) -> bool:
    """Block ``i`` is one of the headlines listed under a "Trending" label, and not the last
    line before the article's byline or date (where the article's own headline stands)."""
    nxt = out[i + 1] if i + 1 < len(out) else None
    if nxt is not None and nxt.rule in ("take_byline", "take_date_line"):
        return False
    if bare_byline(blocks, out, i + 1):
        return False
    j = i - 1
    while j >= 0 and out[j] is None and not _LIST_LABEL.fullmatch(blocks[j].strip()):
        if len(blocks[j].split()) < 3 or blocks[j].rstrip().endswith("."):
            return False
        j -= 1
    return j >= 0 and _LIST_LABEL.fullmatch(blocks[j].strip()) is not None


def bare_byline(blocks: Sequence[str], out: Sequence[Verdict | None], j: int) -> bool:
    """Block ``j`` is a reporter's name printed alone above the date line, with no "By":
    "Valentina Rojas-Whitaker" / "April 2, 2024 at 6:14 PM EDT"."""
    if j + 1 >= len(blocks) or out[j] is not None:
        return False
    after = out[j + 1]
    words = blocks[j].split()
    return (
        after is not None
        and after.rule == "take_date_line"
        and 2 <= len(words) <= 4
        and words[0] in MALE_NAMES | FEMALE_NAMES
        and all(re.fullmatch(r"[A-Z][\w'\-]+", w) for w in words)
    )


#: A promotion's call: "Win tickets to ...!", "Enter our photo contest", "Subscribe for ...".
_CONTEST = re.compile(
    r"(?i)(?:win|enter|subscribe|sign\s+up|download|register)\b.*(?:!|\bcontest\b|\bfree\b)"
)
#: A label that announces the page's next item: what follows it is another story's title.
_NEXT_LABEL = re.compile(
    r"(?i)(?:up\s+next|next\s+up|watch\s+next|read\s+next|next\s+story|more\s+videos)\s*:?"
)
#: What a headline may end with in brackets, which no photo's credit is.
_GENRES = frozenset(
    "video update analysis opinion live photos watch explainer podcast exclusive interview "
    "review editorial audio poll graphic map".split()
)


def caption_at(blocks: Sequence[str], out: Sequence[Verdict | None], i: int) -> bool:
    """A sentence followed by its photo credit, or ending in one (``... | KYODO``)."""
    if i + 1 < len(blocks) and _credit_like(blocks[i + 1], out[i + 1]):
        return True
    text = blocks[i]
    if PHOTO_SCENE.search(text) and not has_quotation(text):
        return True
    if i and re.fullmatch(
        r"(?i)(?:image|photo|picture|video|media)?\s*caption\s*[,:]?", blocks[i - 1].strip()
    ):
        return True  # "Image caption," on its own line, then the caption
    credit = _CREDIT_AFTER.search(text)
    if (
        credit
        and credit["who"].casefold() not in _GENRES
        and (text[: credit.start()].rstrip().endswith(".") or len(text.split()) >= 10)
        and not has_quotation(text)
    ):
        return True  # "... south of Basra (AFP)", "... on Tuesday. (Yonhap)"
    if len(text.split()) >= 8 and _NAME_AFTER_SENTENCE.search(text) and not has_quotation(text):
        return True  # "... at the Capitol on Tuesday. Greg Nash": the photographer after it
    return bool(
        re.search(
            r"(?:\|\s*[A-Z][A-Z ]{1,30}|\[[\w .\-/]{2,30}\]|[A-Z\N{LATIN CAPITAL LETTER Z WITH CARON}]{2,}(?: [A-Z]{2,})* / [A-Z]{2,}[\w/ ]{0,20}|\((?:[A-Z]+ )?Photo\)|\((?:Photo|Image|Credit|Picture|Pic|Foto)s?\b[^()]{0,80}\)|(?:Photo(?:grapher)?|Image|Credit|PHOTO)\s*:\s*[^.]{2,80})\s*$",
            text,
        )
    )


def _skippable(verdict: Verdict | None) -> bool:
    """A block some rule claimed as metadata or furniture: the body may run past it."""
    return verdict is not None and verdict.keep is None and verdict.rule != "take_dateline"


def _opens_story(verdict: Verdict) -> bool:
    """A dateline that opens the story's first paragraph, not a masthead shaped like one
    (``CPA – Castrava Press Agency``)."""
    return verdict.keep is None or len(verdict.keep.split()) >= 8


#: A sentence of two words, a subject and its verb: "Critics disagreed.", "Nobody answered."
SHORT_SENTENCE = re.compile(r"[A-Z][a-z]+ [a-z]{3,}[.!]")


def find_body(
    blocks: Sequence[str],
    out: Sequence[Verdict | None],
    shapes: Sequence[Shape],
    entries: set[int] | None = None,
) -> tuple[int, int] | None:
    """The first and last block of the body, or None if no block is prose; ``entries`` are
    a live blog's entries (:func:`live_entries`), found here if not given."""
    start = None
    entries = live_entries(blocks, shapes) if entries is None else entries
    for i, verdict in enumerate(out):
        if verdict is not None and verdict.rule == "take_dateline" and _opens_story(verdict):
            start = i
            break
        if verdict is not None or not shapes[i].prose or caption_at(blocks, out, i):
            continue
        if teaser_of_next(blocks, i):
            continue
        if is_appeal(blocks[i], shapes[i]) or site_note(blocks[i], shapes[i]) >= 2:
            continue
        following = next((j for j in range(i + 1, len(blocks)) if not _skippable(out[j])), None)
        if following is not None and _subheading_at(blocks, out, shapes, following):
            following = next(
                (j for j in range(following + 1, len(blocks)) if not _skippable(out[j])), following
            )
        if following is not None and is_appeal(blocks[following], shapes[following]):
            continue  # a consent form's paragraphs: the site asking, not the story
        if (
            following is None
            or i in entries
            or shapes[following].prose
            or shapes[following].sentence
            or (
                out[following] is not None and out[following].rule == "take_dateline"  # type: ignore[union-attr]
            )
        ):
            start = i
            break
    if start is None:  # no two prose blocks in a row: the first lone prose block
        start = next((i for i, v in enumerate(out) if v is None and shapes[i].prose), None)
        if start is None:
            return None
    start = _after_byline(blocks, out, shapes, start)
    end, gap = start, 0
    for i in range(start + 1, len(blocks)):
        verdict = out[i]
        if verdict is None and COMMENTS.match(blocks[i]):
            break
        if verdict is not None and verdict.rule == "drop_footer":
            break
        good = (
            (verdict is None or verdict.keep is not None)
            and (
                shapes[i].prose
                or shapes[i].sentence
                or (  # "Critics disagreed.": two words, and still the story's last sentence
                    SHORT_SENTENCE.fullmatch(blocks[i]) is not None and not shapes[i].chrome
                )
            )
            and not is_appeal(blocks[i], shapes[i])
            and not caption_at(blocks, out, i)
        )
        if good:
            if gap >= 7 and not _prose_follows(blocks, out, shapes, i):
                continue  # a lone paragraph after a long stretch of furniture: not the story's
            end, gap = i, 0
            continue
        gap += 1
    return start, end


def _after_byline(
    blocks: Sequence[str], out: Sequence[Verdict | None], shapes: Sequence[Shape], start: int
) -> int:
    """A byline or date line one or two short blocks after where the body seemed to start:
    those blocks were the headline and its deck ("Did the bridge really cost £40m?", a
    deck, "By X · 11 March 2024"), and the body starts after the byline."""
    if out[start] is not None:
        return start
    for j in range(start + 1, min(start + 3, len(blocks))):
        verdict = out[j]
        if verdict is not None and verdict.rule in ("take_byline", "take_date_line"):
            if all(shapes[k].words <= 40 and out[k] is None for k in range(start, j)):
                later = next(
                    (k for k in range(j + 1, len(blocks)) if out[k] is None and shapes[k].prose),
                    None,
                )
                return later if later is not None else start
            return start
    return start


def _subheading_at(
    blocks: Sequence[str], out: Sequence[Verdict | None], shapes: Sequence[Shape], i: int
) -> bool:
    """A short heading line with a paragraph of prose right after it."""
    form = shapes[i]
    if out[i] is not None or form.prose or form.chrome or not 2 <= form.words <= 12 or form.upper:
        return False
    j = next((j for j in range(i + 1, len(blocks)) if not _skippable(out[j])), None)
    return j is not None and shapes[j].prose


def _prose_follows(
    blocks: Sequence[str], out: Sequence[Verdict | None], shapes: Sequence[Shape], i: int
) -> bool:
    """Block ``i`` starts a run of two or more paragraphs (the story resumes after a box)."""
    j = next((j for j in range(i + 1, len(blocks)) if not _skippable(out[j])), None)
    return (
        j is not None
        and shapes[i].prose
        and shapes[j].prose
        and not is_appeal(blocks[j], shapes[j])
    )


def teaser_of_next(blocks: Sequence[str], i: int) -> bool:
    """Block ``i`` is the next block's opening cut short (``The EU said on…``): a headline
    made from the first sentence, as :func:`first_sentence_title` makes one."""
    text = blocks[i].rstrip()
    if not text.endswith(("\N{HORIZONTAL ELLIPSIS}", "...")) or i + 1 >= len(blocks):
        return False
    stem = text.rstrip(".\N{HORIZONTAL ELLIPSIS}").rstrip()
    return len(stem) >= 10 and blocks[i + 1].startswith(stem)


def _slug_words(url: str | None) -> set[str]:
    if not url:
        return set()
    path = unquote(urlsplit(url).path)
    parts = [p for p in path.split("/") if p]
    best: set[str] = set()
    for part in parts:
        words = {w.lower() for w in re.findall(r"[^\W\d_]+", part)}
        if len(words) > len(best):
            best = words
    return best if len(best) >= 3 else set()


def slug_title(url: str | None) -> str | None:
    """A headline made from the URL's slug: ``/2022/01/20/macron-calls-for-pact`` ->
    ``Macron calls for pact``.

    >>> slug_title("https://example.org/news/2022/01/20/macron-calls-for-a-pact-123.html")
    'Macron calls for a pact'
    >>> slug_title("https://example.org/a/12345") is None
    True
    """
    if not url:
        return None
    path = unquote(urlsplit(url).path)
    parts = [re.sub(r"\.\w{2,5}$", "", p) for p in path.split("/") if p]
    best = max(parts, key=lambda p: len(re.findall(r"[^\W\d_]+", p)), default="")
    words = [w for w in re.split(r"[-_+\s]+", best) if w and not w.isdigit()]
    if len(words) < 3:
        return None
    text = " ".join(words)
    return text[:1].upper() + text[1:]


def _words(text: str) -> set[str]:
    return {w.lower() for w in re.findall(r"[^\W\d_]+", text)}


def title_score(  # noqa: PLR0915, PLR0917 - one weighed sum of evidence, a term per line
    blocks: Sequence[str],
    out: Sequence[Verdict | None],
    shapes: Sequence[Shape],
    i: int,
    body_start: int,
    slug: set[str],
) -> float:
    """How much block ``i`` looks like the headline; below 1 it is not one."""
    text, form = blocks[i], shapes[i]
    n = form.words
    if n < 2 or n > 40 or len(text) > 300:
        return -9.0
    score = 1.0 if n >= 3 else -1.0
    if i == 0 and body_start == 1:
        score += 2.0  # the first line, and the body right after it
    score += 1.5 if 5 <= n <= 22 else 0.0
    if form.chrome:
        score -= 3.0
    if form.upper:
        score -= 2.0
    if text.rstrip().endswith(".") and not text.rstrip().endswith("..."):
        score -= 1.5 if n < 12 else 3.0  # a sentence: a deck, a teaser, a caption
    if n >= 26:
        score -= 1.5
    if (text.count("|") >= 2 and len(text.split("|")[0].split()) < 4) or text.count(
        "\N{MIDDLE DOT}"
    ) >= 2:
        score -= 2.5  # a menu; "Headline | Section | Site" is a page title
    if re.search(r"\d[\d.,]*%|\b\d{1,2}[:.]\d{2}\b", text) and n <= 8:
        score -= 2.0
    if form.letters_words and form.stop_ratio == 0 and n <= 5:
        score -= 1.0  # a name, a masthead, a slogan of nouns
    if (
        n >= 6
        and form.stop_ratio == 0
        and all(w[:1].isupper() for w in text.split() if w[:1].isalpha())
    ):
        score -= 3.0  # a menu copied as one line: "Spain Latin America World Economy Sports"
    if re.search(r"[a-z][A-Z][a-z]", text):
        score -= 1.0  # two menu items fused by the copy ("contentSkip")
    if (caption_at(blocks, out, i) and not _repeated_headline(blocks, out, i)) or re.search(
        r"\b(?:PHOTO|AFP|AP|REUTERS)\s*$|\]$", text
    ):
        score -= 4.0  # a photo's caption
    if re.match(r"(?i)(?:by|from|credit|photo|image|source|published|updated|posted)\b", text):
        score -= 4.0  # a byline, a credit, a date line
    if find_date(text) is not None or re.search(r"\b\d{1,2}[:.]\d{2}\b|\bago\b", text):
        score -= 4.0 if n <= 8 else 2.5  # a date line, or a line that carries one
    score += min(n, 16) * 0.1  # a headline says something; a slogan or a name is short
    score -= min(1.5, 0.5 * _articles(text))  # headlines drop "a" and "the"; decks keep them
    if re.match(r"^[_*>]", text) or text.rstrip().endswith(("_", "*")):
        score -= 0.5
    if any(v is not None and v.rule in ("take_byline", "take_date_line") for v in out[:i]):
        score -= 0.5  # the headline comes before the byline and the date
    if teaser_of_next(blocks, i):
        score += 6.0
    if slug:
        mine = _words(text)
        overlap = len(mine & slug) / max(len(slug), 1)
        score += 6.0 * overlap
    score += LEAD_WEIGHT * _lead_overlap(blocks, out, text, body_start)
    # A repeat with a site suffix (the page title): "Headline | Site", "Headline - Site".
    for j, other in enumerate(blocks):
        if (
            j != i
            and len(other) > len(text) + 2
            and other.startswith(text)
            and (other[len(text) :].lstrip()[:1] in "|-\N{EN DASH}\N{EM DASH}:")
        ):
            score += 3.0
            break
    # Closeness to where the article starts: the byline, the date, the deck, the body.
    between = [j for j in range(i + 1, body_start) if out[j] is None]
    anchors = [
        j
        for j in range(i + 1, min(body_start + 1, len(out)))
        if j == body_start
        or (out[j] is not None and out[j].rule in ("take_byline", "take_date_line"))  # type: ignore[union-attr]
        or (out[j] is None and shapes[j].words <= 20 and _dated(blocks[j]))
    ]
    if anchors:
        unclaimed_before = sum(
            1
            for j in between
            if j < anchors[0]
            and shapes[j].words > 3
            and find_date(blocks[j]) is None
            and not (j == i + 1 and _deck_of(blocks, shapes, i))
        )
        score += max(0.0, 2.5 - unclaimed_before)
    if (
        between
        and between[0] == i + 1
        and shapes[i + 1].words >= 8
        and (
            shapes[i + 1].words >= n
            or _articles(blocks[i + 1]) > _articles(text)
            or _case_step(text, blocks[i + 1])
        )
        and not shapes[i + 1].chrome
        and not _dated(blocks[i + 1])  # a byline with its date is no deck
        and not _furniture_line(blocks, shapes, i)
        and not _last_before_article(blocks, out, shapes, i + 1, body_start)
    ):
        score += 2.0  # followed by its deck: longer, or written with "a" and "the"
    if (
        i
        and out[i - 1] is None
        and (shapes[i - 1].words >= 5 or (shapes[i - 1].words >= 3 and _phrased(blocks[i - 1])))
        and (
            shapes[i - 1].words <= n
            or _articles(blocks[i - 1]) < _articles(text)
            or _case_step(blocks[i - 1], text)
        )
        and not _furniture_line(blocks, shapes, i - 1)
        and not blocks[i - 1].rstrip().endswith(".")
        and not _in_listing(blocks, out, i - 1)
    ):
        score -= 2.0  # a deck under its headline
    if re.match(r"#{1,2} \S", text):
        score += 3.0  # a Markdown heading
    if _in_listing(blocks, out, i):
        score -= 3.0  # under "Trending" or "Most read": another story's headline
    if _CONTEST.match(text):
        score -= 4.0  # "Win tickets to ...!": the site's promotion
    if i and _NEXT_LABEL.fullmatch(blocks[i - 1].strip()):
        score -= 4.0  # the next video's or story's title, under "Up Next", "Read next"
    if i and re.fullmatch(r"[^\W\d_][\w ]{0,20}:", blocks[i - 1].strip()):
        score -= 4.0  # the value of a label above it ("From:", "Location:")
    site = split_title_suffix_site(text)
    if site and any(
        b.strip().casefold() == site.casefold() for j, b in enumerate(blocks) if j != i
    ):
        score -= 2.0  # the browser tab's title ("Headline - Site", the site's name printed apart)
    unquoted = re.sub(
        r"[\"\N{LEFT DOUBLE QUOTATION MARK}\N{LEFT SINGLE QUOTATION MARK}'][^\"\N{RIGHT DOUBLE QUOTATION MARK}\N{RIGHT SINGLE QUOTATION MARK}']*[\"\N{RIGHT DOUBLE QUOTATION MARK}\N{RIGHT SINGLE QUOTATION MARK}']",
        " ",
        text,
    )
    if _SELF.search(unquoted):
        score -= 1.5  # the site speaking to its reader: a slogan, a promotion
    if _categories(text):
        score -= 3.0  # a trail of categories: "Halvard CC, Match reports, Premier Division"
    if is_bio(text, None):
        score -= 4.0  # the columnist's note above the column
    if re.fullmatch(r"\([^()]{8,}\)\.?", text.strip()):
        score -= 3.0  # a note in brackets: "(Updates with economist comment in fifth paragraph.)"
    if _ABOUT_ITSELF.match(text):
        score -= 4.0  # the page's note about the article ("This article was translated ...")
    if re.search(r"(?i)\bpage\s+\d+\s+of\s+\d+\b", text):
        score -= 4.0  # a printed page's running head
    if P.SPEAKER_TURN.match(text):
        score -= 4.0  # a transcript's turn: "GWEN TALLIS: What's driving that?"
    if re.match(r"\d{1,2}[.)]\s+[A-Z]", text):
        score -= 2.5  # an item of a numbered list: "1. The engineer of record ..."
    if re.search(r"<[A-Z]{2,}>", text):
        score -= 3.0  # a terminal's function keys: "<HELP> for explanation"
    if (
        re.match(r"(?i)subject:", text)
        and text.count("|") < 2
        and any(re.match(r"(?i)from:", b) for b in blocks[:i])
        and not any(
            j != i and shapes[j].words >= 4 and blocks[j] in text for j in range(body_start)
        )
        and not any(v is not None and v.rule == "take_byline" for v in out[i + 1 : body_start])
    ):  # (with a byline of its own below, the article's headline is printed above that)
        score += 5.0  # a newsletter forwarded by e-mail: its subject is the headline
    elif re.match(r"(?i)subject:", text):
        score -= 2.0  # an e-mail's header line; the headline is printed below it
    if n <= 8 and any(
        j != i and len(other) > len(text) and other.endswith(text) and out[j] is not None
        for j, other in enumerate(blocks)
    ):
        score -= 4.0  # the end of a credit line printed again ("Source: X and agencies")
    if i == 0 and n <= 6:
        score -= 1.0  # the masthead at the very top
    if n <= 4 and re.search(
        r"\b(?:news|times|post|herald|daily|journal|tribune|agency|press|"
        r"television|radio|online)\b",
        text,
        re.I,
    ):
        score -= 2.0
    if (
        n <= 8
        and re.match(
            r"(?:(?:The|Federal|National|State|Central|Reserve)\s+)?(?:Ministry|Department|Office|"
            r"Embassy|University|Government|Secretariat|Commission|Agency|Bank)\s+(?:of|for)\b",
            text,
        )
        and not re.search(r"\b(?:says?|said|to|will|is|are|has)\b", text)
    ):
        score -= 2.0  # the name of the institution whose page it is
    return score


def _last_before_article(
    blocks: Sequence[str],
    out: Sequence[Verdict | None],
    shapes: Sequence[Shape],
    j: int,
    body_start: int,
) -> bool:
    """Block ``j`` is a headline-shaped line (no article, no full stop) right above the
    article's byline or date line: the headline itself, not the deck of the line above it
    (which is then the last of a list of other stories)."""
    nxt = out[j + 1] if j + 1 < min(len(out), body_start + 1) else None
    return (
        nxt is not None
        and nxt.rule in ("take_byline", "take_date_line")
        and _articles(blocks[j]) == 0
        and not blocks[j].rstrip().endswith(".")
        and shapes[j].words <= 16
    )


def _categories(text: str) -> bool:
    parts = [p.strip() for p in text.split(",")]
    return len(parts) >= 3 and all(1 <= len(p.split()) <= 3 and p[:1].isupper() for p in parts)


def _furniture_line(blocks: Sequence[str], shapes: Sequence[Shape], j: int) -> bool:
    """A line of the page's furniture that no headline is: chrome, a menu of pipes, a
    line in capitals, a trail of categories, a bio, a browser tab's title."""
    text = blocks[j]
    return (
        shapes[j].chrome
        or shapes[j].upper
        or text.count("|") >= 2
        or _categories(text)
        or is_bio(text, None)
        or split_title_suffix_site(text) is not None
        or _ABOUT_ITSELF.match(text) is not None
    )


#: A note on the page about the article itself: "This article was translated automatically
#: from French", "This story has been updated", "⚠ This page contains ...".
_ABOUT_ITSELF = re.compile(
    r"^[\W\d_]*(?:this|the)\s+(?:article|story|page|post|report|piece|text)\s+"
    r"(?:was|is|has|had|contains|may|will|includes|first)\b",
    re.IGNORECASE,
)


def _phrased(text: str) -> bool:
    """A short line written as a headline ("Rovers go down", "Algae Returns, Again"), not
    a section's or a team's name ("Arts & Entertainment", "Boise State Broncos")."""
    return "," in text or any(w[:1].islower() for w in text.split()[1:] if w[:1].isalpha())


def _deck_of(blocks: Sequence[str], shapes: Sequence[Shape], i: int) -> bool:
    """Block ``i + 1`` reads as the deck under headline ``i``: longer, or written with
    articles, or in sentence case under a headline in title case; and not chrome."""
    if i + 1 >= len(blocks):
        return False
    deck = shapes[i + 1]
    return (
        deck.words >= 6
        and not deck.chrome
        and (
            deck.words > shapes[i].words
            or _articles(blocks[i + 1]) > _articles(blocks[i])
            or _case_step(blocks[i], blocks[i + 1])
        )
    )


def _capital_share(text: str) -> tuple[int, float]:
    """How many longer words a line has, and the share of them that start with a capital."""
    words = [w for w in re.findall(r"[^\W\d_][\w'\-]*", text) if len(w) >= 4]
    return len(words), (sum(w[0].isupper() for w in words) / len(words) if words else 0.0)


def _case_step(upper: str, lower: str) -> bool:
    """A headline in title case over a deck in sentence case ("Corvanta Reports Positive
    Topline Results" over "Trial met primary endpoint with ..."): a press release's pair."""
    n_upper, share_upper = _capital_share(upper)
    n_lower, share_lower = _capital_share(lower)
    return n_upper >= 4 and share_upper >= 0.75 and n_lower >= 4 and share_lower <= 0.35


def split_title_suffix_site(text: str) -> str | None:
    """The site's name after a headline in a browser tab's title, if any."""
    match = re.search(
        r"\s(?:\||-|\N{EN DASH}|\N{EM DASH})\s+([^|\-\N{EN DASH}\N{EM DASH}]{3,40})$", text
    )
    return match.group(1).strip() if match else None


def _articles(text: str) -> int:
    """How much a line is written with articles, as decks and prose are and headlines are
    not: each "a", "an" and "the", and one more when the line opens with one."""
    opens = re.match(r"(?:a|an|the)\b", text, re.IGNORECASE) is not None
    return len(re.findall(r"\b(?:a|an|the)\b", text, re.IGNORECASE)) + opens


LEAD_WEIGHT = 1.0  # evidence, not proof: another story's headline can share the lead's names


def _stems(text: str) -> set[str]:
    return {
        w.lower()[:5] for w in _WORD.findall(text) if len(w) >= 3 and w.lower() not in STOP_WORDS
    }


def _lead_overlap(
    blocks: Sequence[str], out: Sequence[Verdict | None], text: str, body_start: int
) -> float:
    """How much of a candidate's vocabulary the story's opening uses: a headline sums up
    its lead; a menu, a slogan, a masthead or another story's headline does not."""
    mine = _stems(text)
    if not mine:
        return 0.0
    kept = (
        blocks[j]
        for j in range(body_start, len(blocks))
        if (verdict := out[j]) is None or verdict.keep is not None
    )
    theirs = _stems(" ".join(itertools.islice(kept, 2)))
    return len(mine & theirs) / len(mine)


def _dated(text: str) -> bool:
    found = find_date(text)
    return found is not None and found.year is not None


def choose_title(
    blocks: Sequence[str],
    out: Sequence[Verdict | None],
    shapes: Sequence[Shape],
    body_start: int,
    url: str | None,
) -> int | None:
    """The index of the headline among the blocks before the body, or None."""
    slug = _slug_words(url)
    scored = [
        (title_score(blocks, out, shapes, i, body_start, slug), i)
        for i in range(body_start)
        if out[i] is None or _repeated_headline(blocks, out, i)
    ]
    scored = [(s, i) for s, i in scored if s >= 1.5]
    if not scored:
        return None
    return max(scored, key=lambda pair: (pair[0], pair[1]))[1]


def _repeated_headline(blocks: Sequence[str], out: Sequence[Verdict | None], i: int) -> bool:
    """A line printed twice in a row (taken as a caption) that reads as a headline."""
    verdict = out[i]
    return (
        verdict is not None
        and verdict.rule == "take_caption"
        and i + 1 < len(blocks)
        and blocks[i + 1].casefold() == blocks[i].casefold()
        and not P.SENTENCE_END.search(blocks[i])
    )


def first_sentence_title(text: str, limit: int = 12) -> str:
    """A headline from the body's first sentence, shortened to ``limit`` words.

    >>> first_sentence_title("EU member states on Tuesday gave the green light to open talks with "
    ...                      "North Macedonia and Albania, ending years of delay.")
    'EU member states on Tuesday gave the green light to open talks…'
    """
    sentence = re.split(r"(?<=[.!?])\s+", text.strip(), maxsplit=1)[0]
    words = sentence.split()
    if len(words) <= limit:
        return sentence.rstrip(".")
    return " ".join(words[:limit]).rstrip(",;:") + "\N{HORIZONTAL ELLIPSIS}"
