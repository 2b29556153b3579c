"""Stage 3: find direct quotations, attribute them, and choose the call-outs.

Extraction is a single left-to-right scan per paragraph (linear in the text, no
backtracking): an opening mark starts a quotation, its matching closing mark ends it,
and a mark left open at the end of a paragraph either continues into the next
paragraph (which must open again, the newspaper convention) or is dropped. An
unbalanced mark therefore never swallows more than its own paragraph.

Attribution looks only at a short window around each quotation, for the patterns
in ``ATTRIBUTION_AFTER`` / ``ATTRIBUTION_BEFORE``, and resolves the mention ("he",
"the French president", "Macron") against the people the article has introduced so
far (:class:`People`). When that is ambiguous the speaker is ``None``: never guessed.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace

from .attribution import (
    HONORIFIC_TITLES,
    NAME_RUN,
    PARTICIPLES,
    SPEECH_VERBS,
    Discourse,
    Mention,
    clause_subject,
    cue_after,
    cue_before,
    name_part,
    speech_subjects,
    subject_after,
)
from .model import Article, Quote
from .patterns import SENTENCE_END
from .settings import Settings

#: Marks that open a quotation, and the marks that may close it. Damaged text mixes them
#: ("” … ”", "« … “"), so any closing-capable mark closes whatever is open.
OPENING = frozenset(
    "\N{LEFT DOUBLE QUOTATION MARK}\N{LEFT-POINTING DOUBLE ANGLE QUOTATION MARK}"
    "\N{DOUBLE LOW-9 QUOTATION MARK}\N{DOUBLE HIGH-REVERSED-9 QUOTATION MARK}"
)
CLOSING = frozenset("\N{RIGHT DOUBLE QUOTATION MARK}\N{RIGHT-POINTING DOUBLE ANGLE QUOTATION MARK}")
MARKS = OPENING | CLOSING | {'"'}
#: Typewriter stand-ins for a double mark: two apostrophes (''), TeX's `` and ''.
_DOUBLED = re.compile(
    r"''|``|\N{RIGHT SINGLE QUOTATION MARK}\N{RIGHT SINGLE QUOTATION MARK}"
    r"|\N{LEFT SINGLE QUOTATION MARK}\N{LEFT SINGLE QUOTATION MARK}"
)
#: Markup pasted with the text (an embedded tweet's ``<tweet id="...">``): never speech.
_TAG = re.compile(r"</?[A-Za-z][\w\-]*(?:\s[^<>]{0,400})?/?>")


def mark_view(text: str) -> str:
    """The paragraph as the scanner reads it, offset for offset: doubled apostrophes
    become one double mark, single quotation marks that quote (British style) become
    double ones, and markup tags become spaces."""
    view = _DOUBLED.sub(lambda m: '" ', text)
    view = _single_quotes(view)
    return _TAG.sub(lambda m: " " * len(m[0]), view)


_SINGLE_OPEN = re.compile(
    r"(?:(?<=^)|(?<=[\s(\[\N{EM DASH}\N{EN DASH}\N{LEFT DOUBLE QUOTATION MARK}:]))"
    r"[\N{LEFT SINGLE QUOTATION MARK}'](?=[^\W_])"
)
#: A single mark that closes: after the quotation's last word or its punctuation, and
#: before a space, punctuation or the end (not the apostrophe of "she'd").
_SINGLE_CLOSE = re.compile(
    r"(?<=[^\s\N{LEFT SINGLE QUOTATION MARK}'])[\N{RIGHT SINGLE QUOTATION MARK}'](?=[\s,.;:!?)\N{EM DASH}\N{EN DASH}]|$)"
)


def _single_quotes(view: str) -> str:
    """ "‘We are not going away,’ he said." reads as a double-marked quotation: each
    opening single mark pairs with the first closing one that follows punctuation (so
    "the doctors’ union" inside it does not end it), or else the first closing one.
    Double marks inside become plain apostrophes, as nested quotes."""
    if "\N{LEFT SINGLE QUOTATION MARK}" not in view and "'" not in view:
        return view
    first_double = next((i for i, c in enumerate(view) if c in MARKS), len(view))
    first_single = _SINGLE_OPEN.search(view)
    if first_single is None or first_double < first_single.start():
        return view  # single marks inside a double-marked quotation are nested quotes
    chars = list(view)
    position = 0
    while True:
        opener = _SINGLE_OPEN.search(view, position)
        if opener is None:
            return "".join(chars)
        start = opener.start()
        following = _SINGLE_OPEN.search(view, start + 1)
        limit = following.start() if following else len(view)
        closers = [m.start() for m in _SINGLE_CLOSE.finditer(view, start + 1, limit)]
        closers = [c for c in closers if not _apostrophe_s(view, c)]
        if not closers:
            position = start + 1
            continue
        punctuated = [c for c in closers if view[c - 1] in ".,!?;:"]
        end = punctuated[0] if punctuated else closers[0]
        if view[start] == "'" and not punctuated:
            position = start + 1  # a straight mark needs its punctuation: "rock 'n' roll"
            continue
        chars[start], chars[end] = (
            "\N{LEFT DOUBLE QUOTATION MARK}",
            "\N{RIGHT DOUBLE QUOTATION MARK}",
        )
        for inner in range(start + 1, end):
            if chars[inner] in MARKS:
                chars[inner] = "'"
        position = end + 1


def _apostrophe_s(view: str, at: int) -> bool:
    """ "the Smiths’ house", "James’ view": a possessive after a plural or an s."""
    return view[at - 1] == "s" and view[at + 1 : at + 2] == " " and view[at + 2 : at + 3].islower()


@dataclass(frozen=True)
class Span:
    paragraph: int
    start: int  # of the opening mark
    end: int  # just past the closing mark (in end_paragraph)
    end_paragraph: int


def find_spans(paragraphs: Sequence[str]) -> list[Span]:
    """Every balanced quotation, including ones that run over several paragraphs.

    ``paragraphs`` are :func:`mark_view` views. A mark opens when it is not glued to a
    word before it and closes when it is not glued to a word after it, whatever its
    shape, so spaced (``" de-escalation "``) and mismatched marks still pair up.

    >>> [(s.paragraph, s.start, s.end) for s in find_spans(['He said "yes" and \\u201cno\\u201d.'])]
    [(0, 8, 13), (0, 18, 22)]
    >>> find_spans(['An "unbalanced mark.', 'Next paragraph.'])
    []
    """
    spans: list[Span] = []
    pending: tuple[int, int] | None = None  # (paragraph, start) of a quote still open
    for index, text in enumerate(paragraphs):
        opened: tuple[int, int] | None = None
        first = 0
        if pending is not None:
            if text[:1] in MARKS:  # the newspaper convention: the next paragraph reopens
                opened, first = pending, 1
            elif _hard_wrapped(paragraphs[index - 1]) and index - pending[0] <= 12:
                opened = pending  # a line break inside a sentence (a PDF or a narrow column)
            pending = None
        for pos in range(first, len(text)):
            char = text[pos]
            if char not in MARKS:
                continue
            before = text[pos - 1] if pos else " "
            after = text[pos + 1] if pos + 1 < len(text) else " "
            if opened is None:
                if _can_open(char, before, after):
                    opened = (index, pos)
            elif _can_close(char, before, after):
                spans.append(Span(opened[0], opened[1], pos + 1, index))
                opened = None
        if opened is not None:
            rest = text[opened[1] + 1 :] if opened[0] == index else text
            if (opened[0] == index and len(rest.split()) >= 4) or opened[0] != index:
                pending = opened
    return spans


def _hard_wrapped(text: str) -> bool:
    """Does a paragraph stop mid-sentence, as a hard-wrapped line does?"""
    end = text.rstrip()[-1:]
    return bool(end) and (end.isalnum() or end in ",;-\N{EN DASH}")


def _can_open(char: str, before: str, after: str) -> bool:
    if before.isalnum() or (char in CLOSING and after.isspace()):
        return False
    return not (before in ".,;!?" and after.isspace())


def _can_close(char: str, before: str, after: str) -> bool:
    if after.isalnum() and not (char not in OPENING and before in ",.!?"):
        return False  # a mark glued to the next word opens, unless punctuation ends the quote
    return not (char in OPENING and before.isspace() and not after.isspace())


_TRAIL = " ,;:'\N{NO-BREAK SPACE}\N{RIGHT SINGLE QUOTATION MARK}"


def _words_span(text: str, start: int, end: int) -> tuple[int, int]:
    """Offsets of the quoted words: inside the marks, without spaces or a trailing comma."""
    while start < end and text[start] in " '\N{NO-BREAK SPACE}":
        start += 1
    while end > start and text[end - 1] in _TRAIL:
        end -= 1
    return start, end


#: The words between the halves of a split quotation: '," he said, '.
_SPLIT = re.compile('[,!?]["\u201d\u00bb]\\s*[^"\u201c\u201d\u00ab.]{2,80},\\s*$')


def classify_quote(text: str, before: str, tagged: bool = False) -> str:
    """``full`` for a sentence or more of speech, ``fragment`` for a few words or a term.

    ``tagged``: a speech verb stands right next to the quotation (``"...," he replied``),
    which makes even two words speech.

    >>> classify_quote("unity", "calls for Western ")
    'fragment'
    >>> classify_quote("We must put together a joint proposal, a joint vision", "")
    'full'
    >>> classify_quote("Le Monde Diplomatique Weekly Review", "a piece in ")
    'fragment'
    """
    words = text.split()
    long_words = [w for w in words if w.isalpha() and len(w) > 3]
    if (
        len(words) > 1
        and len(long_words) > 1
        and all(w[:1].isupper() for w in long_words)
        and not tagged
    ):
        return "fragment"  # a title of a work or a name, not speech
    if text[:1].islower() and tagged and _SPLIT.search(before):
        return "full"  # the second half of a split quotation: '"It's the Tour," he said, "and ...'
    if text[:1].islower() and before.strip() and before.rstrip()[-1:] != ":":
        # words quoted inside the writer's own sentence: 'called it "a rescue operation"';
        # only a long stretch right after its speech verb is a quotation ('said that "..."')
        return "full" if tagged and len(words) >= 8 else "fragment"
    if len(words) < 4:
        # a short sentence that opens its paragraph ("Energy is security," he said) is speech
        opens = not before.strip() or before.rstrip()[-1:] in ":.!?"
        return "full" if len(words) > 1 and text[:1].isupper() and (opens or tagged) else "fragment"
    if len(words) >= 8 or SENTENCE_END.search(text):
        return "full"  # long, or a whole sentence with its full stop inside the marks
    starts_sentence = text[:1].isupper() and (not before.strip() or before.rstrip()[-1:] in ".:,")
    return "full" if starts_sentence or tagged else "fragment"


#: What quoted words become in the masked view: not a letter, so never part of a name.
MASK = "\N{MIDDLE DOT}"


def _mask(views: Sequence[str], spans: Sequence[Span]) -> list[str]:
    """The views with quoted words blanked to ``MASK`` (a full stop that ends the quoted
    sentence is kept), so that sentences and names are read outside quotations only."""
    masked = [list(v) for v in views]
    for span in spans:
        for index in range(span.paragraph, span.end_paragraph + 1):
            first = span.start + 1 if index == span.paragraph else 0
            last = span.end - 1 if index == span.end_paragraph else len(views[index])
            for pos in range(first, last):
                if not views[index][pos].isspace():
                    masked[index][pos] = MASK
            keep = last - 1
            while keep > first and views[index][keep] in " ,'":
                keep -= 1
            if keep >= first and views[index][keep] in ".!?":
                masked[index][keep] = views[index][keep]
    return [_PHRASAL.sub(lambda m: "said".ljust(len(m[0])), "".join(m)) for m in masked]


#: Two-word speech verbs, read as "said" (same length, so offsets hold): "shot back".
_PHRASAL = re.compile(
    r"\b(?:shot|fired|pushed|hit) back\b|\b(?:chimed|weighed|piped|spoke) (?:in|up)\b"
)


def _sentence_bounds(starts: Sequence[int], pos: int, length: int) -> tuple[int, int]:
    """The sentence around ``pos`` (``starts`` ascending); a boundary right at ``pos`` (a
    quotation that ends its sentence) does not end it."""
    index = bisect.bisect_right(starts, pos)
    begin = starts[index - 1] if index else 0
    later = bisect.bisect_right(starts, pos + 2)
    return begin, starts[later] if later < len(starts) else length


_SIGNATURE = re.compile(
    r"^[\N{EM DASH}\N{EN DASH}\-]+\s*(?P<m>[A-Z][\w.'\N{RIGHT SINGLE QUOTATION MARK}\-]*"
    r"(?: [A-Z][\w.'\N{RIGHT SINGLE QUOTATION MARK}\-]*){0,4})\s*(?:\(@\w{1,30}\)|[.,]|$)"
)


def extract_quotes(paragraphs: Sequence[str]) -> tuple[Quote, ...]:
    """All quotations in body paragraphs, with kinds and speakers."""
    views = [mark_view(p) for p in paragraphs]
    spans = find_spans(views)
    masked = _mask(views, spans)
    discourse = Discourse(paragraphs, masked)
    quotes: list[Quote] = []
    # (paragraph, speaker, end) of the last quotation with a speaker
    previous: tuple[int, str | None, int] | None = None
    for span in spans:
        text, start, end = _quoted_words(span, paragraphs, views)
        if not any(c.isalpha() for c in text):
            continue
        mention, where, tagged, adjacent = _find_tag(span, text, masked, discourse)
        before = paragraphs[span.paragraph][max(0, span.start - 120) : span.start]
        kind = classify_quote(text, before, tagged and adjacent)
        if kind == "full" and not tagged and _quoted_heading(span, text, views):
            kind = "fragment"  # a paragraph that is only '"Not a tipping point, but a warning"'
        if mention is not None and kind != "full" and not tagged:
            mention = None  # a quoted term takes a speaker only from a tag beside it
        if mention is not None:
            speaker = discourse.resolve(mention, where)
        elif kind == "full":
            speaker = _carried_speaker(span, previous, paragraphs, masked, discourse)
        else:
            speaker = None
        if speaker is not None:
            speaker = discourse.canonical(speaker)
            discourse.note(speaker, discourse.offsets[span.paragraph] + span.start)
            previous = (span.end_paragraph, speaker, span.end)
        quotes.append(
            Quote(
                text=text,
                speaker=speaker,
                mention=mention.text if mention is not None else None,
                kind="full" if kind == "full" else "fragment",
                paragraph=span.paragraph,
                start=start,
                end=end,
                end_paragraph=span.end_paragraph,
            )
        )
    quoted = {i for span in spans for i in range(span.paragraph, span.end_paragraph + 1)}
    quotes += _transcript(paragraphs, quoted, discourse)
    quotes += _signed_posts(views, quoted, discourse)
    quotes += _dash_quotes(paragraphs, views, quoted, discourse)
    return tuple(sorted(quotes, key=lambda q: (q.paragraph, q.start)))


def _quoted_heading(span: Span, text: str, views: Sequence[str]) -> bool:
    """A short quoted line standing alone, without a full stop: a sub-heading or a pull
    quote's title ('"Not a tipping point, but a warning"'), not speech."""
    view = views[span.paragraph]
    alone = (
        span.paragraph == span.end_paragraph and not (view[: span.start] + view[span.end :]).strip()
    )
    return alone and len(text.split()) < 10 and text.rstrip()[-1:] not in ".!?,;:"


def _quoted_words(
    span: Span, paragraphs: Sequence[str], views: Sequence[str]
) -> tuple[str, int, int]:
    """The quoted words of a span, and their offsets in the first / last paragraph."""
    first_text, last_text = paragraphs[span.paragraph], paragraphs[span.end_paragraph]
    if span.paragraph == span.end_paragraph:
        start, end = _words_span(first_text, span.start + 1, span.end - 1)
        text = first_text[start:end]
        bare = text.strip("'\N{RIGHT SINGLE QUOTATION MARK} ")
        if bare:
            start += text.index(bare)
            end = start + len(bare)
        return bare, start, end
    start, _ = _words_span(first_text, span.start + 1, len(first_text))
    _, end = _words_span(last_text, 0, span.end - 1)
    parts = [first_text[start:]]
    parts += [
        p[1:] if views[i][:1] in MARKS else p
        for i, p in enumerate(
            paragraphs[span.paragraph + 1 : span.end_paragraph], span.paragraph + 1
        )
    ]
    reopened = views[span.end_paragraph][:1] in MARKS
    parts.append(last_text[1:end] if reopened else last_text[:end])
    text = " ".join(part.strip() for part in parts)
    return text.strip("'\N{RIGHT SINGLE QUOTATION MARK} "), start, end


def _find_tag(
    span: Span, text: str, masked: Sequence[str], discourse: Discourse
) -> tuple[Mention | None, int, bool, bool]:
    """The mention naming a quotation's speaker, its global offset, whether a speech verb
    stands near the quotation (a tag: it names a quoted term's speaker too), and whether
    it stands right beside it (which makes even two words speech)."""
    head = masked[span.paragraph]
    begin, _ = _sentence_bounds(discourse.sentence_of[span.paragraph], span.start, len(head))
    begin = max(begin, span.start - 400)  # a tag stands near its quotation: linear time
    lead = head[begin : span.start]
    tail = _tail(span, masked, discourse)
    closed = text.rstrip()[-1:] == "." and not tail.lstrip()[:1].islower()
    mention = cue_after(tail, closed)
    if mention is not None:
        return (
            mention,
            discourse.offsets[span.end_paragraph] + span.end + mention.offset,
            True,
            True,
        )
    here = discourse.offsets[span.paragraph] + begin
    mention = cue_before(lead)
    if mention is not None:
        return mention, here + mention.offset, _tight(lead), _adjacent(lead)
    if lead.strip():
        return None, here, False, False
    intro = masked[span.paragraph - 1].rstrip() if span.paragraph > 0 else ""
    if intro.endswith(":"):  # 'In a 1963 speech, he declared:' then the quotation
        last = max(s for s in discourse.sentence_of[span.paragraph - 1] if s < len(intro))
        mention = cue_before(intro[last:])
        if mention is not None:
            offset = discourse.offsets[span.paragraph - 1] + last + mention.offset
            return mention, offset, True, True
    if begin > 0:
        window = max(0, begin - 400)
        mention = _said_before(head[window:begin])  # 'Dianne Bystrom agreed. "Mainstream ..."'
        if mention is not None:
            return (
                mention,
                discourse.offsets[span.paragraph] + window + mention.offset,
                False,
                False,
            )
    after = _VERDICT.match(masked[span.end_paragraph][span.end :])
    if (
        after and text.rstrip()[-1:] in ".!?"
    ):  # '"..." That was the assessment of Evelyn Marsh, who'
        mention = Mention(after["m"], "name", after.start("m"))
        offset = discourse.offsets[span.end_paragraph] + span.end + after.start("m")
        return mention, offset, True, True
    return None, here, False, False


#: The sentence after a quotation names its speaker: "That was the assessment of NAME",
#: "The verdict came from NAME", "That is how NAME describes ...".
_VERDICT = re.compile(
    rf"^[.\s]*(?:That|This|Such|The [a-z]+)\b[^.!?\"\u201c]{{0,60}}?\b(?:of|from|by|how)\s+"
    rf"(?:the\s+)?(?P<m>{NAME_RUN.pattern})"
)


def _tail(span: Span, masked: Sequence[str], discourse: Discourse) -> str:
    """The rest of the sentence after a quotation, past hard line breaks."""
    text = masked[span.end_paragraph]
    _, stop = _sentence_bounds(discourse.sentence_of[span.end_paragraph], span.end, len(text))
    tail = text[span.end : stop]
    following = span.end_paragraph + 1
    while stop == len(text) and following < len(masked) and len(tail) < 200:
        if not _hard_wrapped(masked[following - 1]):
            break  # the tag goes on past a hard line break: '..." said / Osman el-Tayeb'
        tail += " " + masked[following]
        following += 1
    return tail


#: A post pasted without marks and signed: "Words of the post https://t.co/x — Name (@handle) date"
_SIGNED_POST = re.compile(
    r"(?P<text>\S.{9,700}?)\s+[\N{EM DASH}\N{EN DASH}-]{1,2}\s*(?P<name>[^()@\n\N{EM DASH}]{2,60}?)"
    r"\s*\(@\w{1,30}\)"
)
_LINK = re.compile(r"\s*(?:https?://\S+|pic\.twitter\.com/\S+|SIGN UP FOR OUR NEWSLETTER)\s*$")


def _signed_posts(views: Sequence[str], quoted: set[int], discourse: Discourse) -> list[Quote]:
    """Embedded posts quoted without marks but signed ``— Name (@handle)``: the words are
    the name's (a tweet's markup is already blank in the view)."""
    found = []
    for index, view in enumerate(views):
        match = None if index in quoted or "(@" not in view else _SIGNED_POST.search(view)
        if match is None:
            continue
        start, end = match.start("text"), match.end("text")
        while True:  # links and a site's sign-up line are not the post's words
            trimmed = _LINK.search(view, start, end)
            if trimmed is None or trimmed.start() <= start:
                break
            end = trimmed.start()
        if len(view[start:end].split()) < 3:
            continue
        speaker = discourse.resolve(Mention(match["name"].strip(), "name", 0), 0)
        found.append(
            Quote(view[start:end], speaker, match["name"].strip(), "full", index, start, end, index)
        )
    return found


#: Speech set off by a dash, as Scandinavian and some European papers print it:
#: "– We have followed every rule, says communications director Siri Bakke."
_DASH_QUOTE = re.compile(
    r"^[\N{EN DASH}\N{EM DASH}]\s+(?P<text>\S.*?)(?P<tag>,\s+(?:\w+\s+){0,2}"
    r"(?:says|said|adds|added|tells|told|continues|asks|asked)\b.*)?$",
    re.DOTALL,
)


def _dash_quotes(
    paragraphs: Sequence[str], views: Sequence[str], quoted: set[int], discourse: Discourse
) -> list[Quote]:
    """Dash-led speech: each paragraph's words up to its ", says NAME" tag; an untagged one
    carries on the speaker of the dash paragraph before it. Only where some are tagged."""
    matches = [
        None if i in quoted or '"' in views[i] or len(text) > 3000 else _DASH_QUOTE.match(text)
        for i, text in enumerate(paragraphs)
    ]
    if not any(m is not None and m["tag"] for m in matches):
        return []  # a dash list, not speech
    found: list[Quote] = []
    previous: str | None = None
    for index, match in enumerate(matches):
        if match is None or len(match["text"].split()) < 4:
            continue
        if not match["tag"] and (
            not found or index - found[-1].paragraph > 3 or match["text"].rstrip()[-1:] not in ".!?"
        ):
            continue  # an untagged dash line carries on only right after tagged speech
        words, speaker, mention = match["text"].rstrip(), previous, None
        tag = cue_after(match["tag"], closed_sentence=False) if match["tag"] else None
        if tag is not None:
            mention = tag.text
            where = discourse.offsets[index] + match.start("tag") + tag.offset
            speaker = discourse.resolve(tag, where)
        if speaker is not None:
            speaker = discourse.canonical(speaker)
        start = match.start("text")
        found.append(
            Quote(words, speaker, mention, "full", index, start, start + len(words), index)
        )
        previous = speaker
    return found


#: An interview printed as a transcript: "Kovaleva: Not dead. I would say ..."
_TRANSCRIPT = re.compile(rf"^(?P<label>{NAME_RUN.pattern})\s*:\s+(?P<text>\S.{{20,}})$", re.DOTALL)
#: Labels of a transcript's questions: they take turns, but are not quotations.
_QUESTION_LABELS = frozenset("q question questions interviewer reporter journalist".split())
#: Labels that are a role, not a name: "Spokesman: Good afternoon."
_ROLE_LABELS = frozenset(
    "spokesman spokeswoman spokesperson moderator chair chairman chairwoman host a answer".split()
)


def _transcript(paragraphs: Sequence[str], quoted: set[int], discourse: Discourse) -> list[Quote]:
    """Answers in a question-and-answer layout, when the label names someone the article
    introduces ("Anna Kovaleva ... / Kovaleva: ...", "Ms. Ould-Bah: ...") or a role
    ("Spokesman: ..."); never "Note:" or the questions ("Question: ...", "Q: ...")."""
    found = []
    turns = 0
    first_turn: int | None = None
    for index, text in enumerate(paragraphs):
        match = _TRANSCRIPT.match(text) or re.match(
            r"^(?P<label>[A-Z][a-z]{0,12})\s*:\s+(?P<text>\S.{20,})$", text, re.DOTALL
        )
        if match is None or len(match["label"].split()) > 3:
            continue
        label = match["label"].lower().rstrip(".")
        if label in _QUESTION_LABELS:
            turns += 1
            first_turn = index if first_turn is None else first_turn
            continue
        if label in _ROLE_LABELS:
            if label in {"a", "answer"}:  # the interview's subject, named before the first turn
                key = discourse.main_person(discourse.offsets[first_turn or index])
            else:
                key = discourse.resolve(
                    Mention("the " + label, "title", 0), discourse.offsets[index]
                )
        else:
            titles, name = name_part(match["label"].split())
            honorific = bool(titles) and all(
                t.lower().rstrip(".") in HONORIFIC_TITLES for t in titles
            )
            if not name or (titles and not honorific):
                continue
            key = discourse.known(" ".join(name))
            if key is None:
                continue
        start, end = match.start("text"), len(text.rstrip())
        words = text[start:end].split()
        capitals = sum(1 for w in words if w[:1].isupper()) / len(words)
        if len(words) < 6 or capitals > 0.4:
            continue  # 'Trump: "Worst Thing That Ever Happened"': a headline, not an answer
        if index in quoted and text[start : start + 1] in MARKS:
            continue  # 'Macron: "We will ..."': a quotation with its own marks, found already
        turns += 1
        found.append(Quote(text[start:end], key, match["label"], "full", index, start, end, index))
    return found if len(found) >= 2 and turns >= 2 else []  # a layout: one "Name: ..." is not one


def _said_before(text: str) -> Mention | None:
    """The speaker of a sentence that ends on its speech verb, just before a quotation:
    'Dianne Bystrom agreed.' / 'Ms. Reyes told reporters on Monday.'"""
    sentence = re.search(r"(?:^|[.!?]\s+)([^.!?\"]{3,160})[.!]\s*$", text)
    if sentence is None:
        return None
    words = re.findall(r"[\w'\-]+", sentence[1])
    for back in range(1, min(5, len(words)) + 1):
        if words[-back].lower() in SPEECH_VERBS:
            verb = sentence[1].rfind(words[-back])
            found = cue_before(sentence[1][: verb + len(words[-back])] + ":")
            if found is not None and found.kind in ("name", "pronoun", "title"):
                return Mention(found.text, found.kind, sentence.start(1) + found.offset)
            return None
        if words[-back].lower() in PARTICIPLES | {"quoted"}:  # "Braynard is quoted as saying."
            found = clause_subject(sentence[1])
            if found is not None:
                return Mention(found.text, found.kind, sentence.start(1) + found.offset)
    reported = [m for m in speech_subjects(sentence[1]) if m.kind in ("name", "pronoun")]
    if len({m.text for m in reported}) == 1:  # 'Bakare-Ojo said the film had done well.'
        return Mention(reported[0].text, reported[0].kind, sentence.start(1) + reported[0].offset)
    inverted = re.search(r",\s+(?:said|says|added|adds)\s+(?P<rest>[^,.!?]{3,80}[.!])\s*$", text)
    if inverted:  # '..., said Ohio State University professor Paul Beck.'
        found = subject_after(inverted["rest"])
        if found is not None and found.kind == "name":
            return Mention(found.text, found.kind, inverted.start("rest") + found.offset)
    return None


def _tight(lead: str) -> bool:
    """Does a speech verb stand right before the quotation ("told reporters:", "said that")?"""
    if re.search(r"\b[Aa]ccording to [^,.;:]{1,60},\s*$", lead):
        return True  # 'According to Antony Blinken, "the door ...'
    words = re.findall(r"[\w'\-]+", lead[-60:])
    for back in range(1, min(5, len(words)) + 1):
        if words[-back].lower() in SPEECH_VERBS:
            between = [w.lower() for w in words[len(words) - back + 1 :]]
            return not {"a", "an"} & set(between)  # 'wrote a long essay, "...": its object
    return False


def _adjacent(lead: str) -> bool:
    """Is the speech verb right beside the quotation ("said:", "told CNN that", "added,")?
    'said the government's "Turkish economy model"' has words between: a term, not a tag."""
    words = re.findall(r"[\w'\-]+", lead[-60:])
    for back in range(1, min(3, len(words)) + 1):
        if words[-back].lower() in SPEECH_VERBS:
            between = [w.lower() for w in words[len(words) - back + 1 :]]
            return len(between) <= 1 or lead.rstrip()[-1:] in ":," or between[-1] == "that"
    return bool(re.search(r"\b[Aa]ccording to [^,.;:]{1,60},\s*$", lead))


def _carried_speaker(
    span: Span,
    previous: tuple[int, str | None, int] | None,
    paragraphs: Sequence[str],
    masked: Sequence[str],
    discourse: Discourse,
) -> str | None:
    """The speaker of a full quotation with no tag of its own, when the layout makes it clear."""
    text = masked[span.paragraph]
    if previous is not None and previous[0] == span.paragraph:
        return previous[1]  # '"...," Kolar said. "Patience is a policy too."'
    wholly = not text[: span.start].strip() and not masked[span.end_paragraph][span.end :].strip(
        " .,"
    )
    if span.end_paragraph + 1 < len(paragraphs):
        signed = _SIGNATURE.match(paragraphs[span.end_paragraph + 1])
        if signed:  # "- Hillary Clinton" or "— Name (@handle)" under the quotation
            return discourse.resolve(Mention(signed["m"].rstrip("."), "name", 0), 0)
    if wholly and previous is not None and previous[0] == span.paragraph - 1:
        return previous[1]  # a paragraph that is wholly a quote continues the last speaker
    if wholly and span.paragraph > 0:
        heading = _heading_speaker(paragraphs[span.paragraph - 1], discourse)
        return heading or _reported_before(span, masked, discourse)
    return None


def _reported_before(span: Span, masked: Sequence[str], discourse: Discourse) -> str | None:
    """'Carter said that for decades critics had predicted a withdrawal.' then a paragraph
    that is only a quotation: it is the same person's words (one speaker in that sentence)."""
    before = masked[span.paragraph - 1].rstrip()
    if not before.endswith((".", ":")) or MASK in before[-80:]:
        return None
    starts = discourse.sentence_of[span.paragraph - 1]
    last = max(s for s in starts if s < len(before))
    speakers = {m.text for m in speech_subjects(before[last:]) if m.kind in ("name", "pronoun")}
    if not speakers:  # 'Then she put on her reading glasses.' and her words follow
        beat = clause_subject(before[last:])
        if beat is None or beat.kind not in ("name", "pronoun"):
            return None
        at = discourse.offsets[span.paragraph - 1] + last + beat.offset
        return discourse.resolve(beat, at)
    if len(speakers) != 1:
        return None
    mention = next(m for m in speech_subjects(before[last:]) if m.kind in ("name", "pronoun"))
    return discourse.resolve(mention, discourse.offsets[span.paragraph - 1] + last + mention.offset)


def _heading_speaker(heading: str, discourse: Discourse) -> str | None:
    """The person a sub-heading such as "Macron on the talks" names, if it is one."""
    if len(heading.split()) > 10 or SENTENCE_END.search(heading) or '"' in heading:
        return None
    for run in NAME_RUN.finditer(heading):
        if name_part(run[0].split())[1]:
            return discourse.resolve(Mention(run[0], "name", 0), 0)
    return None


# --------------------------------------------------------------------------------------
# Call-outs


def choose_callouts(
    article: Article, quotes: Sequence[Quote], settings: Settings
) -> tuple[int, ...]:
    """The best 1-3 full, attributed quotes of a readable length; deterministic.

    Preference: a named speaker, the article's main actor (most quoted, or named in the
    title), a length near a comfortable pull-quote, and an early place in the article.
    At most two call-outs go to one speaker while another has a good quote.
    """
    pinned, suppressed, _ = callout_choices(article, quotes)
    counts = Counter(q.speaker for q in quotes if q.kind == "full" and q.speaker)
    title = (article.title or "").lower()
    scored: list[tuple[float, int]] = []
    for index, quote in enumerate(quotes):
        if quote.kind != "full" or quote.speaker is None or index in suppressed + pinned:
            continue
        if not settings.callout_min_chars <= len(quote.text) <= settings.callout_max_chars:
            continue
        main = counts[quote.speaker] == max(counts.values()) or (
            quote.speaker.split()[-1].lower() in title
        )
        score = (
            (2.0 if main else 0.0)
            + (1.0 if " " in quote.speaker else 0.5)
            + 1.0
            - abs(len(quote.text) - 180) / 400
            - 0.03 * quote.paragraph
        )
        if article.standfirst and quote.text[:60] in article.standfirst:
            score -= 0.5  # the standfirst already says it
        scored.append((score, index))
    scored.sort(key=lambda item: (-item[0], item[1]))
    chosen: list[int] = list(pinned[: settings.max_callouts])
    per_speaker: Counter[str] = Counter(quotes[i].speaker or "" for i in chosen)
    if len(chosen) == settings.max_callouts:
        return tuple(chosen)
    for _, index in scored:
        speaker = quotes[index].speaker or ""
        if per_speaker[speaker] >= 2 and any(
            quotes[i].speaker != speaker for _, i in scored if i not in chosen
        ):
            continue
        chosen.append(index)
        per_speaker[speaker] += 1
        if len(chosen) == settings.max_callouts:
            break
    return tuple(chosen)


def _pick(value: str, quotes: Sequence[Quote]) -> int | None:
    """A quote by its number as ``briefing quotes`` lists it, or by words it contains."""
    value = value.strip().strip('"\N{LEFT DOUBLE QUOTATION MARK}\N{RIGHT DOUBLE QUOTATION MARK}')
    if value.isdigit():
        number = int(value) - 1
        return number if 0 <= number < len(quotes) else None
    wanted = " ".join(value.split()).casefold()
    found = [
        i for i, q in enumerate(quotes) if wanted and wanted in " ".join(q.text.split()).casefold()
    ]
    return found[0] if found else None


def callout_choices(
    article: Article, quotes: Sequence[Quote]
) -> tuple[list[int], list[int], list[str]]:
    """Pinned and suppressed quotes from the article's metadata, and what did not match."""
    pinned: list[int] = []
    suppressed: list[int] = []
    problems: list[str] = []
    for key, value in article.extra:
        if key not in ("pin_quote", "suppress_quote"):
            continue
        index = _pick(value, quotes)
        if index is None:
            problems.append(f"{key.replace('_', ' ')} {value!r} matches no quotation")
        elif key == "suppress_quote":
            suppressed.append(index)
        elif quotes[index].kind != "full":
            problems.append(f"pin quote {value!r} is a fragment, not a quotation to call out")
        elif index not in pinned:
            pinned.append(index)
    return [i for i in pinned if i not in suppressed], suppressed, problems


def add_quotes(article: Article, settings: Settings) -> Article:
    """The quote stage: the article with its quotes, call-outs and the people it names."""
    quotes = extract_quotes(article.paragraphs)
    views = [mark_view(p) for p in article.paragraphs]
    names = Discourse(article.paragraphs, _mask(views, find_spans(views))).names()
    names += [q.speaker for q in quotes if q.kind == "full" and q.speaker]
    problems = callout_choices(article, quotes)[2]
    return replace(
        article,
        quotes=quotes,
        callouts=choose_callouts(article, quotes, settings),
        warnings=(*article.warnings, *problems),
        people=tuple(dict.fromkeys(names)),
    )
