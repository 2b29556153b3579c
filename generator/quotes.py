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

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace

from .model import Article, Quote
from .patterns import SENTENCE_END
from .settings import Settings

OPENERS = {
    "\N{LEFT DOUBLE QUOTATION MARK}": "\N{RIGHT DOUBLE QUOTATION MARK}",
    "\N{LEFT-POINTING DOUBLE ANGLE QUOTATION MARK}": "\N{RIGHT-POINTING DOUBLE ANGLE QUOTATION MARK}",
    "\N{DOUBLE LOW-9 QUOTATION MARK}": "\N{LEFT DOUBLE QUOTATION MARK}\N{RIGHT DOUBLE QUOTATION MARK}",
    '"': '"',
}

SPEECH_VERBS = (
    "said|says|added|adds|stressed|stresses|noted|notes|told|tells|stated|states|explained|"
    "warned|warns|insisted|insists|declared|asked|asks|argued|argues|continued|wrote|writes|"
    "tweeted|emphasi[sz]ed|underlined|pointed out|remarked|announced|addressed|replied|"
    "concluded|claimed|claims|urged|recalled|admitted|acknowledged|commented|observed|"
    "suggested|affirmed|reiterated|went on|put it|responded|countered|cautioned|vowed"
)
_WORD = r"[\w.'\N{RIGHT SINGLE QUOTATION MARK}\-]+"
_PLAIN = r"[\w'\N{RIGHT SINGLE QUOTATION MARK}\-]+"  # a word that does not end a sentence
#: Lower-case particles inside names: "Ursula von der Leyen", "Luiz Inacio Lula da Silva".
PARTICLES = r"(?:(?:von|van|der|den|de|da|del|della|di|du|la|le|bin|ibn|al)\s)"
MENTION = (
    rf"(?:[Hh]e|[Ss]he|[Tt]hey|[Tt]he(?: {_PLAIN}){{1,4}}?|(?:Mr\.? |Mrs\.? |Ms\.? )?"
    rf"[A-Z]{_WORD}(?: (?:of )?{PARTICLES}*[A-Z]{_WORD}){{0,5}})"
)
PARTICIPLES = "adding|saying|noting|stressing|warning|insisting|explaining|arguing|continuing"
ATTRIBUTION_AFTER = (
    # ", Macron said."  ", the French president said."  " in the next weeks, he added."
    re.compile(
        rf"^[^\"\N{{LEFT DOUBLE QUOTATION MARK}}.;]{{0,60}}?(?:^|,|\s)\s*(?P<m>{MENTION})"
        rf"(?: (?:has|had|also|then|later))? (?:{SPEECH_VERBS})\b"
    ),
    # ", said Macron."
    re.compile(rf"^\W{{0,3}}(?:{SPEECH_VERBS}) (?P<m>{MENTION})"),
    # ", the Lithuanian energy minister, Rokas Vaitkus, told reporters."
    re.compile(
        rf"^\W{{0,3}}(?:[Tt]he|[Hh]is|[Hh]er|[Aa]n?) [^\"\N{{LEFT DOUBLE QUOTATION MARK}}.;,]{{1,60}}, "
        rf"(?P<m>[A-Z]{_WORD}(?: {PARTICLES}*[A-Z]{_WORD}){{1,4}}), (?:{SPEECH_VERBS})\b"
    ),
)
ATTRIBUTION_BEFORE = (
    # 'Macron said: "'  'He noted "'  'Macron said that "'  'Macron told reporters: "'
    re.compile(
        rf"(?:^|[.;,] |\s)(?P<m>{MENTION})(?: (?:has|had|also|then|later))? (?:{SPEECH_VERBS})"
        r"(?: (?!that\b)[\w.]+){0,3}?(?: that)?\s*[:,]?\s*$"
    ),
    # 'Borrell said the EU would not be a "spectator", adding: "'
    re.compile(
        rf"(?:^|[.;] )(?P<m>{MENTION})(?: (?:has|had|also|then|later))? (?:{SPEECH_VERBS})\b"
        rf"[^.;]{{0,160}}?,\s*(?:{PARTICIPLES})(?: that)?\s*[:,]?\s*$"
    ),
)
#: "a spokesman", "one diplomat": an unnamed speaker a following "he" may refer to.
ANONYMOUS = re.compile(
    r"\b(?:[Aa]n?|[Oo]ne|[Aa]nother|[Tt]wo|[Ss]everal)\s+(?:[a-z\-]+\s+){0,2}?"
    r"(?:spokes(?:man|woman|person)|officials?|diplomats?|sources?|ministers?|aides?|advis[eo]rs?"
    r"|analysts?|experts?|lawmakers?|residents?|witness(?:es)?|members?|soldiers?|man|woman)\b"
)
ACCORDING_TO = re.compile(rf"\b[Aa]ccording to (?P<m>{MENTION})")
TWEET_SIGNATURE = re.compile(
    r"^[\N{EM DASH}\N{EN DASH}\-]\s*(?P<m>[^()@\n]{2,60}?)\s*\(@\w{1,30}\)"
)

PRONOUNS = {"he", "she", "they"}
HONORIFICS = re.compile(r"^(?:Mr|Mrs|Ms|Dr)\.? ")
TITLE_NOUNS = frozenset(
    """president minister secretary chancellor spokesman spokeswoman spokesperson chief
    leader head envoy ambassador general commissioner adviser advisor aide official
    representative senator mayor governor king queen pope colonel director chairman
    chairwoman prosecutor judge commander deputy vice""".split()
)
HONORIFIC_WORDS = frozenset("mr mr. mrs mrs. ms ms. dr dr. sir dame".split())
#: Words of a capitalised run that are titles, places or institutions, never a person's name.
NOT_NAMES = (
    TITLE_NOUNS
    | frozenset(
        """the a an in on at of for and but or as by with from to this that these those it its
    prime foreign state french russian german british american european ukrainian chinese
    u.s. us uk eu un union united states kingdom parliament commission council ministry
    kremlin white house nato osce cold war defense defence security affairs
    monday tuesday wednesday thursday friday saturday sunday january february march april
    may june july august september october november december europe russia france germany
    ukraine moscow paris kyiv kiev washington brussels geneva london berlin beijing china
    america west western national republic federation new times tass reuters afp ap related
    read""".split()
    )
    | HONORIFIC_WORDS
)


@dataclass(frozen=True)
class Person:
    name: str  # canonical: "Emmanuel Macron"
    title: str  # lower case, as introduced: "french president"
    position: int  # where first mentioned (global character offset)


@dataclass(frozen=True)
class Mention:
    name: str  # "" for an unnamed person ("a spokesman")
    position: int
    is_person: bool


def _bare(token: str) -> str:
    """A name token without a possessive or a sentence-final period ("Holt." -> "Holt")."""
    token = token.removesuffix("'s").removesuffix("\N{RIGHT SINGLE QUOTATION MARK}s")
    if token.endswith(".") and not re.fullmatch(r"(?:[A-Z]\.)+", token):
        token = token[:-1]
    return token


class People:
    """Who the article introduces, and in what order they are mentioned."""

    def __init__(self, paragraphs: Sequence[str]) -> None:
        self.people: list[Person] = []
        self.mentions: list[Mention] = []
        offset = 0
        for text in paragraphs:
            self._scan(text, offset)
            offset += len(text) + 2

    def _scan(self, text: str, offset: int) -> None:
        for unnamed in ANONYMOUS.finditer(text):
            self.mentions.append(Mention("", offset + unnamed.start(), True))
        for run in re.finditer(rf"(?:[A-Z]{_WORD})(?: (?:of )?{PARTICLES}*[A-Z]{_WORD})*", text):
            tokens = [_bare(t) for t in run[0].split()]
            # The name is the longest tail of the run made of name-like words:
            # "Polish President Piotr Nowak" -> "Piotr Nowak", titled "polish president".
            lead = len(tokens)
            while lead > 0 and tokens[lead - 1].lower() not in NOT_NAMES:
                lead -= 1
            name_tokens = tokens[lead:]
            if not name_tokens:
                continue
            position = offset + run.start()
            if len(name_tokens) >= 2:
                name = " ".join(name_tokens[:5])
                title = " ".join(tokens[:lead]).lower()
                before = text[max(0, run.start() - 40) : run.start()].split()
                if before and before[-1].lower() in TITLE_NOUNS:
                    start = max(
                        (i + 1 for i, w in enumerate(before) if w.lower() == "the"), default=0
                    )
                    title = " ".join([*before[start:], title]).strip().lower()
                if not any(p.name == name for p in self.people):
                    self.people.append(Person(name, title, position))
                self.mentions.append(Mention(name, position, True))
            else:
                person = self.by_surname(name_tokens[0])
                if person is not None:
                    self.mentions.append(Mention(person.name, position, True))
        self.mentions.sort(key=lambda m: m.position)

    def by_surname(self, surname: str) -> Person | None:
        matches = [p for p in self.people if p.name.split()[-1] == surname]
        return matches[0] if len(matches) == 1 else None

    def resolve(self, mention: str, position: int) -> str | None:
        """The canonical speaker for a mention at a global offset, or None if unsure."""
        words = HONORIFICS.sub("", mention.strip()).split()
        mention = " ".join([*words[:-1], _bare(words[-1])])
        low = mention.lower()
        if low in PRONOUNS:
            earlier = [m for m in self.mentions if m.position < position and m.is_person]
            # None for "they", and for "he" after "a spokesman": an unnamed speaker
            return earlier[-1].name or None if earlier and low != "they" else None
        if low.startswith("the "):
            words = low.split()[1:]
            head = words[-1]
            if head in TITLE_NOUNS:
                wanted = set(words[:-1])
                found = [
                    p
                    for p in self.people
                    if p.position < position
                    and head in p.title.split()
                    and wanted <= set(p.title.split())
                ]
                return found[0].name if len(found) == 1 else None
            return mention[4:] if mention[4:5].isupper() else None  # "the Kremlin"
        if not mention[:1].isupper():
            return None
        if any(p.name == mention for p in self.people):
            return mention
        tokens = [_bare(t) for t in mention.split()]
        lead = len(tokens)
        while lead > 0 and tokens[lead - 1].lower() not in NOT_NAMES:
            lead -= 1
        if 0 < lead < len(tokens):  # "Polish Prime Minister Anna Nowak" -> "Anna Nowak"
            return self.resolve(" ".join(tokens[lead:]), position)
        if tokens[0].lower() in NOT_NAMES and len(tokens) > 1:
            return mention  # an institution: "Russia's Foreign Ministry"
        person = self.by_surname(tokens[-1])
        if person is not None and len(tokens) == 1:
            return person.name
        return mention

    def note(self, name: str, position: int) -> None:
        """Record a resolved speaker as the latest mention (for a following "he said")."""
        self.mentions.append(Mention(name, position, any(p.name == name for p in self.people)))
        self.mentions.sort(key=lambda m: m.position)


# --------------------------------------------------------------------------------------
# Extraction


@dataclass(frozen=True)
class Span:
    paragraph: int
    start: int  # of the opening mark
    end: int  # just past the closing mark (in end_paragraph)
    end_paragraph: int


def find_spans(paragraphs: Sequence[str]) -> list[Span]:
    """Every balanced quotation, including ones that run over several paragraphs.

    >>> [(s.paragraph, s.start, s.end) for s in find_spans(['He said "yes" and \\u201cno\\u201d.'])]
    [(0, 8, 13), (0, 18, 22)]
    >>> find_spans(['An "unbalanced mark.', 'Next paragraph.'])
    []
    """
    spans: list[Span] = []
    pending: tuple[int, int, str] | None = None  # (paragraph, start, closers)
    for index, text in enumerate(paragraphs):
        opened: tuple[int, int, str] | None = None
        if pending is not None:
            if text[:1] in OPENERS:
                opened = pending
                first = 1
            else:
                first = 0
            pending = None
        else:
            first = 0
        for pos in range(first, len(text)):
            char = text[pos]
            if opened is None:
                if char in OPENERS and _can_open(text, pos):
                    opened = (index, pos, OPENERS[char])
            elif char in opened[2] and (char != '"' or _can_close(text, pos)):
                spans.append(Span(opened[0], opened[1], pos + 1, index))
                opened = None
        if opened is not None:
            rest = text[opened[1] + 1 :] if opened[0] == index else text
            if (opened[0] == index and len(rest.split()) >= 4) or opened[0] != index:
                pending = opened
    return spans


def _can_open(text: str, pos: int) -> bool:
    return pos == 0 or not text[pos - 1].isalnum()


def _can_close(text: str, pos: int) -> bool:
    return pos + 1 == len(text) or not text[pos + 1].isalnum()


_TRAIL = " ,;:\N{NO-BREAK SPACE}"


def _words_span(text: str, start: int, end: int) -> tuple[int, int]:
    """Offsets of the quoted words: inside the marks, without spaces or a trailing comma."""
    while start < end and text[start] in " \N{NO-BREAK SPACE}":
        start += 1
    while end > start and text[end - 1] in _TRAIL:
        end -= 1
    return start, end


def classify_quote(text: str, before: str) -> str:
    """``full`` for a sentence or more of speech, ``fragment`` for a few words or a term.

    >>> classify_quote("unity", "calls for Western ")
    'fragment'
    >>> classify_quote("We must put together a joint proposal, a joint vision", "")
    'full'
    >>> classify_quote("Le Monde Diplomatique Weekly Review", "a piece in ")
    'fragment'
    """
    words = text.split()
    long_words = [w for w in words if w.isalpha() and len(w) > 3]
    if len(words) > 1 and long_words and all(w[:1].isupper() for w in long_words):
        return "fragment"  # a title of a work or a name, not speech
    if len(words) < 4:
        # a short sentence that opens its paragraph ("Energy is security," he said) is speech
        return (
            "full" if len(words) > 1 and not before.strip() and text[:1].isupper() else "fragment"
        )
    if len(words) >= 8 or SENTENCE_END.search(text):
        return "full"  # long, or a whole sentence with its full stop inside the marks
    starts_sentence = text[:1].isupper() and (not before.strip() or before.rstrip()[-1:] in ".:,")
    return "full" if starts_sentence else "fragment"


def extract_quotes(paragraphs: Sequence[str]) -> tuple[Quote, ...]:
    """All quotations in body paragraphs, with kinds and speakers."""
    people = People(paragraphs)
    offsets = [0]
    for text in paragraphs:
        offsets.append(offsets[-1] + len(text) + 2)
    quotes: list[Quote] = []
    # (paragraph, speaker, end of the previous quote in that paragraph)
    previous_speaker: tuple[int, str | None, int | None] | None = None
    for span in find_spans(paragraphs):
        first_text = paragraphs[span.paragraph]
        last_text = paragraphs[span.end_paragraph]
        if span.paragraph == span.end_paragraph:
            start, end = _words_span(first_text, span.start + 1, span.end - 1)
            text = first_text[start:end]
        else:
            start, _ = _words_span(first_text, span.start + 1, len(first_text))
            _, end = _words_span(last_text, 0, span.end - 1)
            parts = [first_text[start:]]
            parts += [p[1:] for p in paragraphs[span.paragraph + 1 : span.end_paragraph]]
            parts.append(last_text[1:end])
            text = " ".join(part.strip() for part in parts)
        if not text.strip():
            continue
        before = first_text[max(0, span.start - 120) : span.start]
        after = last_text[span.end : span.end + 160]
        kind = classify_quote(text, before)
        mention, where = _find_mention(before, after, paragraphs, span)
        speaker = None
        if mention is not None:
            position = offsets[span.paragraph] + span.start + where
            speaker = people.resolve(mention, position)
            if speaker is not None:
                people.note(speaker, position)
        elif kind == "full" and span.start == 0 and not after.strip(" .,"):
            # A paragraph that is wholly a quote: it continues the previous speaker's
            # quote, or it stands under a sub-heading that names the speaker.
            if previous_speaker is not None and previous_speaker[0] == span.paragraph - 1:
                speaker = previous_speaker[1]
            elif span.paragraph > 0:
                speaker = _heading_speaker(
                    paragraphs[span.paragraph - 1], people, offsets[span.paragraph - 1]
                )
        elif kind == "full" and previous_speaker is not None and previous_speaker[2] is not None:
            # '"...," Kolar said. "Patience is a policy too."': the same speaker goes on
            gap = first_text[previous_speaker[2] : span.start]
            if previous_speaker[0] == span.paragraph and len(gap) <= 80 and '"' not in gap:
                speaker = previous_speaker[1]
        quotes.append(
            Quote(
                text=text,
                speaker=speaker,
                mention=mention,
                kind="full" if kind == "full" else "fragment",
                paragraph=span.paragraph,
                start=start,
                end=end,
                end_paragraph=span.end_paragraph,
            )
        )
        if kind == "full" and speaker is not None:
            previous_speaker = (span.end_paragraph, speaker, span.end)
    return tuple(quotes)


def _heading_speaker(heading: str, people: People, offset: int) -> str | None:
    """The person a sub-heading such as "Macron on the talks" names, if it is one."""
    if len(heading.split()) > 10 or SENTENCE_END.search(heading) or '"' in heading:
        return None
    for run in re.finditer(rf"[A-Z]{_WORD}(?: {PARTICLES}*[A-Z]{_WORD})*", heading):
        if run[0].lower() not in NOT_NAMES:
            return people.resolve(run[0], offset + run.start())
    return None


def _find_mention(
    before: str, after: str, paragraphs: Sequence[str], span: Span
) -> tuple[str | None, int]:
    """The mention naming the speaker, and its offset relative to the quote's opening mark."""
    for pattern in ATTRIBUTION_AFTER:
        match = pattern.search(after)
        if match:
            return match["m"], (span.end - span.start) + match.start("m")
    for pattern in ATTRIBUTION_BEFORE:
        match = pattern.search(before)
        if match:
            return match["m"], match.start("m") - len(before)
    sentence = before.rsplit(". ", 1)[-1] + after.split(". ", 1)[0]
    match = ACCORDING_TO.search(sentence)
    if match:
        return match["m"], 0
    if span.end_paragraph + 1 < len(paragraphs):
        match = TWEET_SIGNATURE.match(paragraphs[span.end_paragraph + 1])
        if match:
            return match["m"], len(paragraphs[span.end_paragraph]) + 2
    return None, 0


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
    people = People(article.paragraphs)
    names = [p.name for p in people.people]
    names += [q.speaker for q in quotes if q.kind == "full" and q.speaker]
    problems = callout_choices(article, quotes)[2]
    return replace(
        article,
        quotes=quotes,
        callouts=choose_callouts(article, quotes, settings),
        warnings=(*article.warnings, *problems),
        people=tuple(dict.fromkeys(names)),
    )
