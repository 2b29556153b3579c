"""Who said it: the speaker of each quotation, as a reader would write it under a pull quote.

News style names a speaker in a small number of frames, and this module reads those
frames rather than a list of sentences it has seen:

- after the quotation: ``"...," said NAME`` / ``"...," NAME said`` / ``"...," NAME, an
  appositive, told reporters`` / ``"...?" he asked``;
- before it: ``NAME said: "...`` / ``NAME told X that "...`` / ``NAME, who ..., said the
  "...`` / ``According to NAME, "...`` / a transcript's ``NAME: "...``;
- around it: a paragraph that is only a quotation carries on the previous speaker (or
  the person a ``NAME said:`` line introduced), and a quotation later in a paragraph
  carries on the speaker of the one before it; ``- Name`` or ``— Name (@handle)`` on the
  next line signs it.

The words next to the verb are the *mention*. :class:`Discourse` resolves it: a name to
the fullest form the article uses ("Mr. Trump" -> "Donald Trump"), a pronoun to the
person the text last put in subject position or quoted (agreeing in gender where the
article or a first name tells), a title ("the French president") to the person last
named in that role. An unnamed source ("a senior official") and anything unclear stay
``None``: never a capitalised word that is not a person or an institution.

Everything is a scan over a short window, linear in the text.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import NamedTuple

from .names import FEMALE_NAMES, MALE_NAMES, PLACES
from .people import fold

UPPER = "A-Z\u00c0-\u00d6\u00d8-\u00de\u0100-\u017f\u0400-\u042f\u0391-\u03a9"
#: A word that may belong to a name: capitalised, or an initial ("J."), or O'Malley.
NAME_WORD = rf"(?:(?:al|el|ad|ar|as|ash|at|bin|ibn)-)?(?:(?:[{UPPER}]\.){{2,3}}|[{UPPER}][\w'\u2019\-]*\.?|[{UPPER}]\.)"
PARTICLE = r"(?:von|van|der|den|de|da|del|della|di|du|dos|das|la|le|bin|ibn|al|el|ben|ter|in 't|'t)"
NAME_RUN = re.compile(
    rf"(?<![\w'\u2019.\-])(?:{PARTICLE} )?{NAME_WORD}(?: (?:{PARTICLE} )*{NAME_WORD}){{0,6}}"
)

_REGULAR = """add note argue warn insist declare state announce continue recall acknowledge admit
    concede contend maintain observe remark comment quip joke shout yell exclaim boast
    complain predict promise pledge vow urge demand claim suggest counter retort emphasize
    emphasise stress assure caution lament muse charge allege assert reason elaborate
    interject testify recount describe agree affirm reiterate underline sum conclude confirm
    confide whisper thunder cry laugh sigh plead wonder offer opine proclaim text email
    message explain respond reply ask tweet post answer scoff quote write bark boom snap fume
    mock marvel gush rave rant gripe grumble mutter mumble scream chant bellow intone tease
    hint speculate surmise mention blog exhort chime weigh counsel advise caution insist
    express assess highlight
    implore beg recommend report address question sing start point crack react""".split()
_IRREGULAR = "said says say told tells tell wrote writes went put puts read reads began begins sang"


def _forms(verb: str) -> set[str]:
    """ "argue" -> argue, argues, argued; "reply" -> replies, replied; "admit" -> admitted."""
    if verb.endswith("y") and verb[-2] not in "aeiou":
        return {verb, verb[:-1] + "ies", verb[:-1] + "ied"}
    if verb.endswith("e"):
        return {verb, verb + "s", verb + "d"}
    past = verb + verb[-1] + "ed" if verb in {"admit", "quip", "sum", "plead"} else verb + "ed"
    ending = "es" if verb.endswith(("s", "sh", "ch", "x")) else "s"
    return {verb, verb + ending, past}


SPEECH_VERBS = frozenset(
    {form for verb in _REGULAR for form in _forms(verb) if form != verb} | set(_IRREGULAR.split())
) - {"writed", "tell", "say"}
#: Verbs that take the speaker after them in news style ("said Macron").
INVERTING_VERBS = SPEECH_VERBS - frozenset(
    "told tells tell assured assures urged urges ask say write add note put read reads reported"
    " reports mentioned mentions advised advises".split()
)
PARTICIPLES = frozenset(
    """adding saying noting stressing warning insisting explaining arguing continuing
    telling writing declaring asking recalling calling""".split()
)
#: Words between a subject and its verb: "has said", "also told", "later wrote".
AUXILIARIES = frozenset(
    """has had have also then later once previously recently again would will did does
    further simply quickly only just still often repeatedly""".split()
)
PRONOUNS = {"he": "m", "she": "f"}
DETERMINERS = frozenset("the a an one another his her their its this that some two".split())
INDEFINITE = frozenset("a an one another some two".split())
ABBREVIATIONS = frozenset(
    """mr mrs ms dr prof sen rep gov lt gen col adm sgt capt maj rev fr st jr sr no mt vs hon
    inc corp co ltd jan feb mar apr aug sept sep oct nov dec u.s u.k u.n e.u d.c""".split()
)
HONORIFICS = {
    "mr": "m",
    "mrs": "f",
    "ms": "f",
    "miss": "f",
    "sir": "m",
    "dame": "f",
    "lord": "m",
    "lady": "f",
    "madame": "f",
    "monsieur": "m",
    "king": "m",
    "queen": "f",
    "prince": "m",
    "princess": "f",
}
#: Surnames that are also titles or words: a name after a first name ("Priya King").
SURNAME_WORDS = frozenset(
    "king young black white brown green french english will rice bush".split()
)
#: Letters after a name: "Gerardine Kinsella SC", "Ann Cole MP", "Ray Ito PhD".
POST_NOMINALS = frozenset("SC QC KC MP MEP MSP MLA TD OBE CBE MBE KBE DBE PhD MD".split())
#: Abbreviated titles always followed by a name: "Mr. King", "Sen. Young".
HONORIFIC_TITLES = frozenset("mr mrs ms dr sen rep gov rev".split())
#: Words of a capitalised run that are titles, roles, places or institutions, never
#: a person's name: "Polish President Piotr Nowak" -> the name is "Piotr Nowak".
TITLE_WORDS = frozenset(
    """president minister secretary chancellor spokesman spokeswoman spokesperson chief
    leader head envoy ambassador general commissioner adviser advisor aide official
    representative senator mayor governor king queen pope colonel director chairman
    chairwoman chair prosecutor judge justice commander deputy vice speaker attorney
    sen sen. rep rep. gov gov. gen gen. lt lt. col col. adm adm. sgt sgt. capt capt. maj
    maj. rev rev. dr dr. prof prof. mr mr. mrs mrs. ms ms. miss sir dame lord lady fr fr.
    st. father sister brother former acting interim prime foreign defense defence interior
    state first lady prince princess madame monsieur sheikh ayatollah imam rabbi bishop
    cardinal archbishop reverend professor doctor officer detective sheriff chef coach
    premier emir sultan pastor host anchor candidate nominee strategist pollster councillor
    councilor councilman councilwoman alderman mp mep lawmaker congressman congresswoman
    boss manager coach captain striker player owner founder executive economist analyst
    researcher lawyer scientist historian author editor columnist reporter correspondent
    hon hon. honourable honorable""".split()
)
#: Capitalised words that start sentences or name places, groups and months.
NOT_NAMES = TITLE_WORDS | frozenset(
    """the a an in on at of for and but or as by with from to this that these those it its
    he she they we i you his her their our my your if when while after before since
    although though because so yet not no yes there here what who why how where which
    french russian german british american european ukrainian chinese israeli iranian
    polish italian spanish japanese indian turkish syrian
    u.s. us uk eu un union united states kingdom parliament commission council ministry
    u.n. u.k. e.u. d.c. u.s.a.
    kremlin white house nato osce cold war affairs republican republicans democrat
    democrats democratic gop congress senate party committee campaign administration
    monday tuesday wednesday thursday friday saturday sunday january february march april
    may june july august september october november december europe russia france germany
    ukraine moscow paris kyiv kiev washington brussels geneva london berlin beijing china
    america west western national republic federation new times tass reuters afp ap
    related read see post news click watch photo video twitter facebook instagram
    some many most all both few several each every any other another such even only just also
    still now meanwhile however indeed perhaps maybe later earlier today yesterday ever
    once soon back last next first already instead thus moreover furthermore nevertheless
    nonetheless otherwise together
    thursday's tuesday's monday's wednesday's friday's saturday's sunday's""".split()
)
#: Words that make a capitalised run an institution, which may speak ("the Kremlin said").
#: Titles that are only a form of address, not a role one can be referred to by.
HONOR_ONLY = frozenset("mr mr. mrs mrs. ms ms. miss sir dame hon hon. dr dr.".split())
#: The last word of a place's name, never a person's: "Stokes Hill Wharf", "Sri City".
PLACE_HEADS = frozenset(
    """wharf pier quay harbour harbor street road avenue boulevard lane highway bridge
    river square airport station depot stadium valley island islands peninsula mountains""".split()
)
INSTITUTION_WORDS = frozenset(
    """kremlin ministry party committee department office agency council commission
    campaign house post times journal news network foundation institute court police
    government administration union bank company group association center centre
    research university press service army navy command embassy senate congress
    parliament elysee élysée pentagon corp corporation ltd limited inc nv ag sa gmbh plc llc
    co holding holdings securities organization organisation fund trust authority board
    bureau directorate federation council chamber exchange terminal airlines airways motors
    energy electric electron industries technologies systems partners capital media radio
    television tv magazine review tribune herald gazette daily weekly museum gallery library
    hospital clinic school college academy church cathedral mosque club society league
    alliance coalition forum movement airport railway railways utilities petroleum mining
    pharmaceuticals steel workers institute""".split()
)


def is_person_name(name: str) -> bool:
    """A person's full name ("Emmanuel Macron"), not a single word ("Kremlin") or an
    institution ("European Commission", "Tokyo Electron Ltd")."""
    words = name.split()
    return (
        len(words) >= 2
        and name[:1].isupper()
        and not {w.lower().strip(".,") for w in words} & INSTITUTION_WORDS
    )


# --------------------------------------------------------------------------------------
# Sentences


def _is_abbreviation(text: str, dot: int) -> bool:
    """Is the period at ``dot`` part of "Mr.", "U.S." or an initial, not a sentence end?"""
    start = dot
    while start > 0 and (text[start - 1].isalpha() or text[start - 1] == "."):
        start -= 1
    word = text[start:dot].lower()
    return len(word) == 1 or word in ABBREVIATIONS or "." in word


_END = re.compile(
    "[.!?][\"'\u201d\u2019)]*\\s+(?=[\"'\u201c\u2018(\\[\u2013\u2014]? ?[" + UPPER + "0-9\u00b7])"
)


def sentence_starts(masked: str) -> list[int]:
    """Where the sentences of a paragraph begin (quoted words already masked out)."""
    starts = [0]
    for match in _END.finditer(masked):
        if masked[match.start()] == "." and _is_abbreviation(masked, match.start()):
            continue
        starts.append(match.end())
    return starts


# --------------------------------------------------------------------------------------
# Mentions: the words that name a speaker


@dataclass(frozen=True)
class Mention:
    """How the text names a speaker at one place."""

    text: str  # as written: "the French president", "he", "Mr. Trump"
    kind: str  # "name", "pronoun", "title" (a definite description), "unnamed", "owned"
    offset: int  # in the paragraph


_TOKEN = re.compile(r"\([^()]{0,40}\)|[\w'\u2019.\-@]+|[,;:]")


def _tokens(chunk: str) -> list[tuple[str, int]]:
    return [(m[0], m.start()) for m in _TOKEN.finditer(chunk)]


def _is_name_word(word: str) -> bool:
    return bool(word) and (
        (word[0].isupper() and any(c.isalpha() for c in word))
        or bool(re.match(rf"(?:al|el|ad|ar|as|ash|at|bin|ibn)-[{UPPER}]", word))  # "el-Tayeb"
    )


def name_part(words: Sequence[str]) -> tuple[list[str], list[str]]:
    """Split a capitalised run into (title words, name words): "Sen. Ted Cruz" -> (Sen., Ted Cruz).

    A surname that is also a common word stays a name after a first name or an
    honorific: "David French", "Mr. King".
    """
    bare = [w.removesuffix("'s").removesuffix("\u2019s").rstrip("'\u2019") for w in words]
    while len(bare) > 2 and bare[-1].rstrip(".,") in POST_NOMINALS:
        bare = bare[:-1]  # "Gerardine Kinsella SC", "Ann Cole MP"
    if len(bare) >= 2 and bare[-1].lower() in SURNAME_WORDS and _plain(bare[-2]) not in NOT_NAMES:
        titles, name = name_part(bare[:-1])  # "Priya King", "Rachel Young"
        return titles, [*name, bare[-1]]
    lead = len(bare)
    while lead > 0 and _plain(bare[lead - 1]) not in NOT_NAMES:
        lead -= 1
    for index in range(lead - 1, -1, -1):  # "David French", "Mr. King", "Sen. Young"
        word = bare[index].rstrip(".")
        first = (
            word in MALE_NAMES
            or word in FEMALE_NAMES
            or (re.fullmatch(r"(?:[A-Z]\.)+", bare[index]) and _plain(bare[index]) not in NOT_NAMES)
        )
        if first and (index == 0 or _plain(bare[index - 1]) in NOT_NAMES):
            return bare[:index], bare[index:]
        if word.lower() in HONORIFIC_TITLES and index + 1 < len(bare):
            return bare[: index + 1], bare[index + 1 :]
    return bare[:lead], bare[lead:]


def _plain(word: str) -> str:
    word = word.lower()
    if "-" in word and all(p in TITLE_WORDS or p == "general" for p in word.split("-")):
        return "secretary"  # "Secretary-General", "Vice-President": a title
    return word if word in NOT_NAMES else word.rstrip(".,")


_PREPOSITIONS = frozenset("of in from at for with on by to".split())
#: Time words between a subject and its verb: "Priebus later Thursday told".
_WHEN_WORDS = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday today yesterday tonight".split()
)
#: Words that open a clause before the subject: "Asked about X, Christie said ..."
_OPENERS = frozenset(
    """asked in on at after before when while although though as if since despite
    speaking during with without unlike like following for by because according""".split()
)


def subject_before(chunk: str) -> Mention | None:
    """The subject of a verb that follows ``chunk`` ("Jeff Weaver, the manager," -> Jeff Weaver)."""
    tokens = _tokens(chunk.rstrip())
    who = next(
        (i for i, (t, _) in enumerate(tokens) if t in {"who", "whose", "which"} and i > 0), None
    )
    if who is not None:
        tail = [i for i, (t, _) in enumerate(tokens) if t == "," and i > who]
        after = tokens[tail[-1] + 1 :] if tail else []
        if after and _is_name_word(after[0][0]) and after[0][0].lower() not in NOT_NAMES:
            who = None  # "As for pundits who prefer Clinton, Bolton said": a new subject
    if who is not None:  # "Nate Silver, the polling guru who founded a site, tweeted"
        tokens = tokens[:who]
        commas = [i for i, (t, _) in enumerate(tokens) if t == ","]
        if (
            commas
            and commas[-1] + 1 < len(tokens)
            and tokens[commas[-1] + 1][0].lower() in DETERMINERS
        ):
            tokens = tokens[: commas[-1]]
        elif len(commas) == 1 and commas[0] == len(tokens) - 1:
            return _np_at_end(tokens[:-1])  # "Warren, who has not endorsed anyone, told"
    while tokens:
        word = tokens[-1][0]
        if (
            word.lower() in AUXILIARIES
            or (word.endswith("ly") and word.islower())
            or word.lower().rstrip(",") in _WHEN_WORDS
        ):
            tokens.pop()  # "has also", "forcefully", "later Thursday"
        elif word.startswith("("):
            tokens.pop()  # "Harry Reid (D-Nev.)"
        elif word in {"and", "then"} and len(tokens) > 2 and tokens[-2][0].islower():
            clause = clause_subject(chunk)  # "Trump called on her to resign and said"
            if clause is not None:
                return clause
            tokens = tokens[:-2]  # "he laughed and said": the subject of the first verb
        else:
            break
    if tokens and tokens[-1][0] == ",":
        return _before_appositives(tokens)
    commas = [i for i, (t, _) in enumerate(tokens) if t == ","]
    if (
        commas
        and commas[-1] + 1 < len(tokens)
        and tokens[commas[-1] + 1][0].lower() in DETERMINERS | TITLE_WORDS
    ):
        role = [t.lower() for t, _ in tokens[commas[-1] + 1 :]]
        named = _np_at_end(tokens[: commas[-1]])
        if (
            named
            and named.kind == "name"
            and len(named.text.split()) >= 2
            and any(
                w in TITLE_WORDS or re.search(r"(?:er|or|ist|ant|ent|man|woman)$", w) for w in role
            )
        ):  # "Sam Lau, the communications director for the party said": no closing comma
            return named
    return _np_at_end(tokens)


def _before_appositives(tokens: list[tuple[str, int]]) -> Mention | None:
    """ "Harry Bond, 30, of Raleigh, N.C., who was polled," -> Harry Bond; "Ms. Merkel's
    spokesman, Steffen Seibert," -> Steffen Seibert; "Xinhua, the agency," -> Xinhua."""
    segments: list[list[tuple[str, int]]] = [[]]
    for token in tokens[:-1]:
        if token[0] == ",":
            segments.append([])
        else:
            segments[-1].append(token)
    inner = segments[-1]
    while len(inner) > 1 and (
        inner[0][0].lower().rstrip(".") in HONORIFICS
        or (inner[0][0].endswith(".") and inner[0][0].lower() in TITLE_WORDS)
    ):
        inner = inner[1:]  # "The chair, Hon. Celestine Marais,", "Dr. Ann Lee"
    outer = segments[-2] if len(segments) > 1 else []
    outer_words = [t.lower() for t, _ in outer]
    role_of = any(w in TITLE_WORDS for w in outer_words) and bool(
        {"of", "for"} & set(outer_words)
    )  # "The Chair of the Committee, Celestine Marais,"
    if (
        inner
        and outer
        and all(_is_name_word(t) or re.fullmatch(PARTICLE, t) for t, _ in inner)
        and name_part([t for t, _ in inner])[1]
        and (outer[-1][0].islower() or outer[-1][0].lower() in TITLE_WORDS or role_of)
        and outer[-1][0] not in DETERMINERS | _PREPOSITIONS
    ):
        return Mention(" ".join(t for t, _ in inner), "name", inner[0][1])
    for index in range(len(segments) - 1):  # the first segment is the subject, the rest apposed
        segment = segments[index]
        while segment and segment[-1][0].startswith("("):
            segment = segment[:-1]
        if not segment or not _is_name_word(segment[-1][0]):
            continue
        if index > 1 and segments[index - 1] and segments[index - 1][0][0].lower() in _PREPOSITIONS:
            continue  # "of Raleigh, N.C.": a place, not the subject
        if segment[0][0].lower() in _PREPOSITIONS or segment[0][0][:1].isdigit():
            continue
        return _np_at_end(segment)
    return None


def _np_at_end(tokens: list[tuple[str, int]]) -> Mention | None:
    """The noun phrase that ends a run of tokens: a pronoun, a name or a description."""
    if not tokens:
        return None
    last, at = tokens[-1]
    low = last.lower()
    if low in PRONOUNS:
        return Mention(last, "pronoun", at)
    if low in {"they", "i", "we", "you", "it", "who", "which", "that"}:
        return Mention(last, "unnamed", at)
    if _is_name_word(last) and not last.endswith(("'s", "\u2019s")):
        first = len(tokens) - 1
        while first > 0 and (
            _is_name_word(tokens[first - 1][0])
            or (
                re.fullmatch(PARTICLE, tokens[first - 1][0])
                and first > 1
                and _is_name_word(tokens[first - 2][0])
            )
        ):
            first -= 1
        while first < len(tokens) - 1 and tokens[first][0].lower() in _CONJUNCTIONS:
            first += 1  # "But Sen. Durbin"
        for cut in range(
            len(tokens) - 2, first - 1, -1
        ):  # "Iowa State University's Dianne Bystrom"
            if tokens[cut][0].endswith(("'s", "\u2019s")):
                if len(name_part([t for t, _ in tokens[cut + 1 :]])[1]) >= 2:
                    first = cut + 1
                break
        words = [t for t, _ in tokens[first:]]
        if first > 0 and tokens[first - 1][0].lower() in _PREPOSITIONS:
            # "a mine manager in Chile": the name is in a phrase about the speaker
            for back in range(first - 2, max(-1, first - 10), -1):
                word = tokens[back][0].lower()
                if word in {",", ";", ":"}:
                    break
                if word in DETERMINERS:
                    head = {t.lower() for t, _ in tokens[back:first]}
                    owner = {w.lower().rstrip("'s\u2019") for w in words} & INSTITUTION_WORDS
                    spokes = head & _SPOKES and tokens[first - 1][0].lower() in {"for", "of"}
                    if (head & (_SPOKES | {"official", "representative"}) and owner) or spokes:
                        return Mention(" ".join(words), "name", tokens[first][1])  # its voice
                    text = " ".join(t for t, _ in tokens[back:])
                    kind = "unnamed" if word in INDEFINITE else "title"
                    return Mention(text, kind, tokens[back][1])
        if (
            first > 0
            and tokens[first - 1][0].lower() == "the"
            and (not name_part(words)[1] or words[0].lower() not in TITLE_WORDS)
            and not (name_part(words)[0] and len(name_part(words)[1]) >= 2)
        ):  # "the Kremlin", "the Baltic (states)": not a person's name; "the Rev. Al Sharpton" is
            return Mention("the " + " ".join(words), "title", tokens[first - 1][1])
        return Mention(" ".join(words), "name", tokens[first][1])
    if low in _OWNED_VOICES and len(tokens) > 1 and tokens[-2][0].endswith(("'s", "\u2019s")):
        holder = _np_at_end([*tokens[:-2], (tokens[-2][0][:-2], tokens[-2][1])])
        if holder is not None and holder.kind == "name":  # "Powell's office said"
            return Mention(f"{holder.text}'s {last}", "owned", holder.offset)
    # a description: "the independent Vermont senator", "a Nevada Democrat", "one user"
    for back in range(1, min(len(tokens), 10) + 1):
        word = tokens[-back][0]
        if word in {",", ";", ":"}:
            break
        if word.lower() in DETERMINERS:
            inner = tokens[-back + 1 : -1]
            if (
                tokens[-1][0].lower() in _SPOKES
                and inner
                and _is_name_word(inner[0][0])
                and _is_name_word(inner[-1][0])
                and all(_is_name_word(t) or t.lower() in _NAME_LINKS for t, _ in inner)
                and (
                    not {t.lower() for t, _ in inner} - _NAME_LINKS & NOT_NAMES
                    or (len(inner) > 2 and {_plain(t) for t, _ in inner} & INSTITUTION_WORDS)
                )
            ):  # "a Greyfin spokesperson said", "a Department for Transport spokesperson"
                return Mention(" ".join(t for t, _ in inner), "name", inner[0][1])
            if (
                tokens[-1][0].lower() in _SPOKES
                and len(inner) == 1
                and inner[0][0] in _ORGANISATION_HEADS
            ):  # "a company spokesperson told": the company named before speaks through them
                return Mention("the " + inner[0][0], "title", inner[0][1])
            kind = "unnamed" if word.lower() in INDEFINITE else "title"
            text = " ".join(t for t, _ in tokens[-back:])
            return Mention(text, kind, tokens[-back][1])
    return None


_CONJUNCTIONS = frozenset("but and so yet or then now also still".split())
#: Lower-case words inside an institution's name: "Department for Transport".
_NAME_LINKS = frozenset("of for and & the de".split())
#: Lower-case roles between an organisation and a name: "Band member Flea".
_ROLE_NOUNS = frozenset("member co-host cohost co-founder cofounder frontman singer star".split())
_NOT_VERBS = _PREPOSITIONS | DETERMINERS | frozenset("and or but who which that".split())


def clause_subject(text: str) -> Mention | None:
    """The subject of the sentence ``text`` begins: the first name followed by a verb
    ("When Mr. Trump tried ..., Mr. Kasich forcefully differed" -> Mr. Kasich)."""
    lead = re.match(r"\W*(\w+)", text)
    skip = bool(lead and lead[1].lower() in _OPENERS)
    comma = text.find(", ") if skip else -1
    pronoun = re.match(r"\W*(he|she|He|She)\b", text)
    if pronoun and not skip:
        return Mention(pronoun[1], "pronoun", pronoun.start(1))
    for run in NAME_RUN.finditer(text):
        if run.start() < comma or not name_part(run[0].split())[1]:
            continue
        if run[0].endswith(("'s", "\u2019s", "'", "\u2019")):
            continue  # "Ryan's campaign said": not Ryan
        if re.search(
            r"\b(?:of|in|at|to|for|from|with|near|on)\s+(?:the\s+)?$",
            text[max(0, run.start() - 40) : run.start()],
        ):
            continue  # "a herder in Suorva Sami village": a place, never the subject
        after = re.match(
            r"(?:(?:,[^,]{1,160}){1,4},)?\s+(?:\([^)]{0,30}\)\s+)?([a-z][\w\-]*)", text[run.end() :]
        )
        if after and after[1] not in _NOT_VERBS and after[1] not in TITLE_WORDS:
            if after[1] in _ROLE_NOUNS and re.match(
                rf"\s+{NAME_WORD}", text[run.end() + after.end() :]
            ):
                continue  # "Band member Flea shared", "Blaze co-host Stu Burguiere mused"
            return Mention(run[0], "name", run.start())
        if text[max(0, run.start() - 4) : run.start()].rstrip().endswith(",") and re.match(
            r",\s+(?:has|have|had|was|is|also)?\s*[a-z]+(?:ed|s)\b",
            text[run.end() : run.end() + 60],
        ):  # "Al Ahly's coach, Stefan Brandt, has been speaking": the apposed name
            return Mention(run[0], "name", run.start())
    return None


def subject_after(chunk: str) -> Mention | None:
    """The subject that follows an inverted verb: "said the Rev. Al Sharpton, who ..." """
    end = re.search(
        r",|;|:|\(|\s(?:who|as|in|on|at|during|after|before|when|while|from|to|"
        r"of the|about|because|that|and)\s|[.!?](?:\s|$)",
        chunk,
    )
    while end and end[0][0] in ".!?" and _is_abbreviation(chunk, end.start()):
        end = re.compile(
            r",|;|:|\(|\s(?:who|as|in|on|at|during|from|of the)\s|[.!?](?:\s|$)"
        ).search(chunk, end.end())
    phrase = chunk[: end.start()] if end else chunk
    words = phrase.split()
    if not words or len(words) > 10:
        return None
    low = words[0].lower()
    if low in PRONOUNS:
        return Mention(words[0], "pronoun", 0)
    runs = [r for r in NAME_RUN.finditer(phrase) if name_part(r[0].split())[1]]
    owners = [r for r in runs if r[0].endswith(("'s", "\u2019s", "'", "\u2019"))]
    named = _appositive_name(chunk, phrase)
    if named is not None and (not runs or runs == owners or low in DETERMINERS):
        return named  # "said Rubio's deputy campaign manager, Rich Beeson, who ..."
    runs = [r for r in runs if r not in owners]  # "Clinton's top aide Jake Sullivan"
    if low in DETERMINERS and (not runs or words[-1][:1].islower()):
        return Mention(phrase.strip(), "unnamed" if low in INDEFINITE else "title", 0)
    if runs:
        full = [r for r in runs if len(name_part(r[0].split())[1]) >= 2]
        best = full[-1] if full else runs[0]
        return Mention(best[0], "name", best.start())
    return None


def _appositive_name(chunk: str, phrase: str) -> Mention | None:
    """A name set off by commas right after a role: "the energy minister, Rokas Vaitkus," """
    if not re.search(r"[a-z]$", phrase.strip()) or len(phrase.split()) > 8:
        return None
    rest = chunk[len(phrase) :]
    match = re.match(  # "the president of the association, Janez Korosec"
        rf"(?:\s+(?:of|for|at)\s+(?:the\s+)?[\w'\-]+(?:\s+[\w'\-]+){{0,4}}?)?,\s+"
        rf"(?P<m>{NAME_RUN.pattern})\s*(?:,|\.|$)",
        rest,
    )
    if match and name_part(match["m"].split())[1]:
        return Mention(match["m"], "name", len(phrase) + match.start("m"))
    return None


# --------------------------------------------------------------------------------------
# Frames


def _words(text: str) -> list[re.Match[str]]:
    return list(re.finditer(r"[\w'\u2019\-]+", text))


def cue_after(tail: str, closed_sentence: bool) -> Mention | None:
    """The mention in the words after a quotation: ``, he said`` / ``, said Macron``."""
    according = re.match(r"^[\s,]*according to (?=\S)", tail, re.IGNORECASE)
    if according:
        found = subject_after(tail[according.end() :])
        if found is not None:
            return Mention(found.text, found.kind, according.end() + found.offset)
    lead = re.match(r"^[\s,'\u2019\N{EM DASH}\N{EN DASH}\-]*", tail)
    start = lead.end() if lead else 0
    words = _words(tail[start : start + 200])
    if not words:
        return None
    first = words[0][0].lower()
    offset = start
    if first in INVERTING_VERBS or (
        len(words) > 1 and first in AUXILIARIES and words[1][0].lower() in INVERTING_VERBS
    ):
        verb = words[0] if first in INVERTING_VERBS else words[1]
        rest = tail[offset + verb.end() :]
        rest = re.sub(r"^\s+(?:also|then|later|again|once)\b", "", rest)
        mention = subject_after(rest.lstrip())
        if mention is None:
            return None
        shift = offset + verb.end() + (len(rest) - len(rest.lstrip()))
        return Mention(mention.text, mention.kind, shift + mention.offset)
    quoted_as = re.match(
        rf"(?P<m>{NAME_RUN.pattern}|he|she)\s+(?:is|was|has\s+been)\s+(?:quoted|reported|cited)"
        r"\s+(?:by\s+[^,.]{1,40}\s+)?as\s+saying\b",
        tail[start : start + 160],
    )  # '"...," Braynard is quoted as saying'
    if quoted_as:
        kind = "pronoun" if quoted_as["m"] in ("he", "she") else "name"
        return Mention(quoted_as["m"], kind, start + quoted_as.start("m"))
    inverted = re.match(
        rf"[a-z]+(?:s|ed)\s+(?P<m>{NAME_RUN.pattern})(?=\s*(?:[,.;]|$))", tail[start : start + 120]
    )  # translated or unusual verbs: '», plagues Thomas Verhulst, spokesperson of ...'
    if (
        inverted
        and tail[:start].strip(" ").startswith(",")
        and first not in _NOT_INVERTING
        and len(name_part(inverted["m"].split())[1]) >= 2
    ):
        return Mention(inverted["m"], "name", start + inverted.start("m"))
    reach = 16 if closed_sentence else 24  # a tag after '...,"' may hold a long appositive
    for index, word in enumerate(words[:reach]):
        if word[0].lower() in SPEECH_VERBS and index > 0:
            between = _QUOTED.sub(" ", tail[offset : offset + word.start()])
            plain = re.sub(r"\([^()]{0,40}\)", " ", between)  # "(R-Fla.)"
            if re.search(
                r"[\"\u201c\u201d]|[.!?;:](?:\s|$)", plain.replace("Mr.", "Mr")
            ) and not _only_abbreviation_dots(plain):
                return None
            mention = subject_before(between)
            if mention is None:
                return None
            if re.match(r"^\s*(?:that\s*[:,]?|:)\s*[\"\u201c\u00ab]", tail[offset + word.end() :]):
                return None  # 'the minister wrote that "...': the verb introduces the next one
            if closed_sentence and not re.match(
                r"^[^.!?\"\u201c]{0,60}(?:[.,;]|$)", tail[offset + word.end() :]
            ):
                return None  # '"It was done." He said the ...': a new sentence, not a tag
            return Mention(mention.text, mention.kind, offset + mention.offset)
    return None


#: Lower-case words after a quotation's comma that are not its speech verb.
_NOT_INVERTING = frozenset(
    "includes included was is has as unless besides towards across versus minus plus".split()
)
#: A quotation inside a tag, already masked: 'wearing "Ted Cruz" pins'.
_QUOTED = re.compile('["\u201c\u00ab][\u00b7\\s]*["\u201d\u00bb]')


def _only_abbreviation_dots(text: str) -> bool:
    if re.search(r"[\"\u201c\u201d;:!?]", text):
        return False
    return all(_is_abbreviation(text, m.start()) for m in re.finditer(r"\.", text))


def cue_before(lead: str) -> Mention | None:
    """The mention in the words before a quotation: ``Macron said: "`` / ``He told CNN that "``."""
    words = _words(lead)
    for index in range(len(words) - 1, max(-1, len(words) - 30), -1):
        word = words[index][0].lower()
        if word in SPEECH_VERBS or (
            word == "according" and lead[words[index].end() :].startswith(" to")
        ):
            if word == "according":
                mention = subject_after(lead[words[index].end() + 4 :])
                if mention is None:
                    return None
                return Mention(mention.text, mention.kind, words[index].end() + 4 + mention.offset)
            between = re.sub(r"[\s,:]*(?:that)?[\s,:]*$", "", lead[words[index].end() :])
            if re.search(
                r"[\"\u201c\u201d:;]|[.!?](?:\s|$)", between
            ) and not _only_abbreviation_dots(between.replace(",", " ")):
                return None
            later = between.rfind(", ")
            if later >= 0 and lead.rstrip().endswith(
                ":"
            ):  # "When X suggested ..., Rubio fired back:"
                clause = clause_subject(between[later + 2 :])
                if clause is not None and clause.kind == "name":
                    return Mention(
                        clause.text, clause.kind, words[index].end() + later + 2 + clause.offset
                    )
            mention = subject_before(lead[: words[index].start()])
            if mention is None and word in INVERTING_VERBS:  # 'Said Dorothy Poynter, who ...: "'
                rest = lead[words[index].end() :]
                after = subject_after(rest.lstrip())
                if after is not None:
                    shift = words[index].end() + len(rest) - len(rest.lstrip())
                    return Mention(after.text, after.kind, shift + after.offset)
            return mention
        if word in PARTICIPLES and lead[: words[index].start()].rstrip().rstrip(
            "\"'\u201d\u2019"
        ).endswith(","):
            return _sentence_subject(lead[: words[index].start()]) or clause_subject(lead)
    colon = re.search(
        rf"(?:^|[.!?]\s+|\s[\-\N{{EN DASH}}\N{{EM DASH}}]\s*)(?P<m>{NAME_WORD}(?: {NAME_WORD}){{0,4}})\s*:\s*$",
        lead,
    )
    if colon and name_part(colon["m"].split())[1]:  # a transcript: "JOEL BENENSON: "
        return Mention(colon["m"], "name", colon.start("m"))
    release = re.search(
        rf"(?:^|[.!?]\s+)(?:[\w\-]+ ){{0,3}}?(?P<m>{NAME_RUN.pattern})(?:\s*\([^()]{{1,20}}\))?\s*:\s*$",
        lead,
    )  # a press release: "Minister Van der Meulen-Brink: "; a hearing: "Rep. X (R-S.C.):"
    if release and len(name_part(release["m"].split())[1]) >= 2:
        named = name_part(release["m"].split())[1]
        return Mention(" ".join(named), "name", release.end("m") - len(" ".join(named)))
    if lead.rstrip().endswith(":"):  # "Trump leaned in and boomed: "
        found = clause_subject(lead)
        if found is not None:
            return found
        last = re.search(rf"(?P<m>{NAME_RUN.pattern})\s*:\s*$", lead)
        if last and len(name_part(last["m"].split())[1]) >= 2:  # "... surprise pollster Dan Shaw: "
            person = " ".join(name_part(last["m"].split())[1])
            return Mention(person, "name", last.end("m") - len(person))
    return None


def _sentence_subject(text: str) -> Mention | None:
    """The subject of the sentence that ``text`` begins: "Borrell said the EU would ..." or,
    with the verb first, '"...," said Rep. Bobby Scott at the time'."""
    for match in _words(text):
        if match[0].lower() in SPEECH_VERBS:
            found = subject_before(text[: match.start()])
            if found is None and match[0].lower() in INVERTING_VERBS:
                rest = text[match.end() :]
                after = subject_after(rest.lstrip())
                if after is not None:
                    shift = match.end() + len(rest) - len(rest.lstrip())
                    return Mention(after.text, after.kind, shift + after.offset)
            return found
    return None


#: How far from its verb a subject is looked for, in characters.
_WINDOW = 300


def speech_subjects(sentence: str) -> list[Mention]:
    """Who speaks in a sentence, quoted or reported: "Bennett said his community ..." """
    found = []
    for word in _words(sentence):
        low = word[0].lower()
        if low not in SPEECH_VERBS:
            continue
        window = max(0, word.start() - _WINDOW)  # a subject is near its verb: linear time
        mention = subject_before(sentence[window : word.start()])
        if mention is not None:
            mention = Mention(mention.text, mention.kind, window + mention.offset)
        elif low in INVERTING_VERBS and sentence[: word.start()].rstrip()[-1:] in ',"\u201d\u00bb':
            rest = sentence[word.end() : word.end() + _WINDOW]
            mention = subject_after(rest.lstrip())
            if mention is not None:
                shift = word.end() + len(rest) - len(rest.lstrip())
                mention = Mention(mention.text, mention.kind, shift + mention.offset)
        if mention is not None and mention.kind in ("name", "pronoun"):
            found.append(mention)
    return found


# --------------------------------------------------------------------------------------
# Discourse: who the article has named, and who is "he" at a given place


_FEMALE_ROLES = re.compile(
    r"\b(?:\w+woman|actress|wife|mother|daughter|sister|widow|grandmother|queen|princess"
    r"|duchess|first lady|girl)\b"
)
_MALE_ROLES = re.compile(
    r"\b(?:\w+man|actor|husband|father|son|brother|widower|grandfather|king|prince|duke|boy)\b"
)


def _role_gender(role: str) -> str:
    """ "the chairwoman of the party" -> "f"; "a spokesman" -> "m"; else ""."""
    female, male = bool(_FEMALE_ROLES.search(role)), bool(_MALE_ROLES.search(role))
    return "f" if female and not male else "m" if male and not female else ""


#: Things that speak for someone: "the statement said", "the spokesperson said".
_ISSUED = frozenset("statement communique communiqué release letter memo email report post".split())
_SPOKES = frozenset("spokesperson spokesman spokeswoman".split())
#: What speaks for the person who owns it: "Powell's office said", "Clinton's campaign said".
_OWNED_VOICES = frozenset("office campaign administration government team".split())


#: "the ministry said": a definite description of an organisation the text has named.
_ORGANISATION_HEADS = frozenset(
    """company firm group ministry agency union council department government federation
    association bank operator utility commission board committee authority regulator
    embassy institute university airline carrier insurer developer manufacturer maker
    retailer lender organisation organization office secretariat""".split()
)
#: Organisations that speak under their own name: "Huawei said ... the company said".
#: The words in an institution's name that "the regulator", "the watchdog" refer to.
_HEAD_NAMES = {
    "regulator": {"regulation", "regulatory", "authority", "commission"},
    "watchdog": {"authority", "commission", "ombudsman", "inspectorate"},
    "ministry": {"department"},
    "department": {"ministry"},
}
_COMPANY_HEADS = frozenset(
    "company firm group operator utility airline carrier insurer developer manufacturer"
    " maker retailer lender bank".split()
)
_ORGANISATION = re.compile(
    rf"(?:{NAME_WORD})(?:\s+(?:(?:of|for|and|the|de|do|da|on)\s+)*{NAME_WORD})*"
)


#: A day or month that an organisation's run swallowed: "... Authority on Tuesday."
_CALENDAR_TAIL = re.compile(
    r"(?:\s+(?:on|in|and|the)\b)*\s+(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\.?$"
    r"|(?:\s+(?:on|in|and|the)\b)*\s+(?:January|February|March|April|May|June|July|August"
    r"|September|October|November|December)\.?$|\.$"
)


_ACRONYM = re.compile(
    rf"(?P<long>{NAME_WORD}(?:\s+(?:(?:of|for|and|the|de)\s+)*{NAME_WORD}){{1,8}})"
    r"\s+\((?P<short>[A-Z][A-Za-z]?[A-Z]{1,5})\)"
)


class _Place(NamedTuple):
    """A sentence: where it starts and ends in its paragraph, the paragraph's global offset,
    and the sentence's number in the article."""

    begin: int
    end: int
    offset: int
    number: int


@dataclass
class Person:
    name: str  # the fullest form the article uses: "Donald J. Trump"
    title: str  # lower case role words: "french president", "campaign manager"
    gender: str  # "m", "f" or ""


@dataclass(frozen=True)
class Entity:
    """A person (or institution) mentioned at a global offset."""

    key: str  # the person's name, "" for an unnamed source ("a spokesman")
    offset: int
    subject: int  # 2: the subject of its sentence, a speaker in it, or a quotation's speaker; 0
    sentence: int  # global sentence number
    oblique: bool = False  # a possessive or a preposition's object: "Trump's appeal", "to Lee"


_ANONYMOUS = re.compile(
    r"\b(?:[Aa]n?|[Oo]ne|[Aa]nother|[Tt]wo|[Ss]everal)\s+(?:[\w\-]+\s+){0,3}?"
    r"(?:spokes(?:man|woman|person)|officials?|diplomats?|sources?|ministers?|aides?|advis[eo]rs?"
    r"|analysts?|experts?|lawmakers?|residents?|witness(?:es)?|members?|soldiers?|man|woman"
    r"|strategists?|operatives?|supporters?|voters?|users?|observers?|insiders?|executives?"
    r"|employees?|delegates?|democrats?|republicans?)\b"
)


#: Words of a minister's portfolio, printed right before the minister's name.
_PORTFOLIO = frozenset(
    """agriculture affairs foreign state defence defense finance health education interior
    justice economy economic transport energy environment labour labor trade development rural
    culture industry tourism fisheries forestry water communications information science
    security home internal external social welfare housing infrastructure mines mining
    republic kingdom""".split()
)


_FIRST_NAMES = MALE_NAMES | FEMALE_NAMES


def _after_portfolio(text: str, start: int, name: list[str]) -> tuple[list[str], list[str]]:
    """A name run after a role's "of" loses the role's object, which goes to the role:
    "Minister of Agriculture Irena Sinko" -> (Minister of Agriculture, Irena Sinko),
    "Secretary of State John Kerry" -> (Secretary of State, John Kerry)."""
    before = re.search(r"\b([\w'\-]+) (of|for) (?:the )?$", text[max(0, start - 40) : start])
    if len(name) < 3 or before is None or before[1].lower() not in TITLE_WORDS:
        return [], name
    cut = 0
    while len(name) - cut > 2 and (
        name[cut].lower() in _PORTFOLIO
        or (name[cut] not in _FIRST_NAMES and name[cut + 1] in _FIRST_NAMES)
    ):
        cut += 1
    return ([before[1], before[2], *name[:cut]] if cut else []), name[cut:]


def _organisation_part(text: str, start: int, name: Sequence[str]) -> bool:
    """Is a capitalised run at ``start`` the rest of an organisation's name or a role's
    object, not a person: "Federation of Port Workers", "Undersecretary for Food Security",
    "chief executive of Meridale Water"? A known first name keeps a person: "a spokeswoman
    for Donald Trump"."""
    if name[0].rstrip(".") in MALE_NAMES or name[0].rstrip(".") in FEMALE_NAMES:
        return False
    before = re.search(r"([\w'\u2019]+) (?:of|for|at) (?:the )?$", text[max(0, start - 60) : start])
    if before is None:
        return False
    word = before[1]
    return word[:1].isupper() or word.lower() in TITLE_WORDS


class Discourse:
    """The people an article names, in order, and what the text says about them."""

    def __init__(self, paragraphs: Sequence[str], masked: Sequence[str]) -> None:
        self.people: dict[str, Person] = {}
        self.organisations: set[str] = set()  # "Federation of Port Workers": not a "he"
        self.entities: list[Entity] = []  # in text order
        self.last_seen: dict[str, int] = {}  # person -> offset of their latest mention
        self.sentence_of: list[list[int]] = []  # per paragraph: its sentence starts
        self.offsets: list[int] = []
        offset = 0
        sentences: list[tuple[int, int, int, int]] = []  # (paragraph, begin, end, offset)
        for index, mask in enumerate(masked):
            starts = sentence_starts(mask)
            self.sentence_of.append(starts)
            self.offsets.append(offset)
            for i, begin in enumerate(starts):
                end = starts[i + 1] if i + 1 < len(starts) else len(mask)
                sentences.append((index, begin, end, offset))
            offset += len(mask) + 2
        self.masked = masked
        self.sentences = sentences
        self.acronyms: dict[str, str] = {}  # "the Lusandrian Rail Company (LRC)"
        for text in paragraphs:
            for match in _ACRONYM.finditer(text):
                long = re.sub(r"^The\s+", "", match["long"])
                short = match["short"]
                if short in (
                    "".join(w[0] for w in long.split() if w[0].isupper()),
                    "".join(w[0] for w in long.split()),  # "Transport for Wales (TfW)"
                ):
                    self.acronyms[short] = long
        # Who speaks anywhere (also in reported speech): "Viguerie says", "said Sunshine".
        cues = [speech_subjects(masked[i][b:e]) for i, b, e, _ in sentences]
        self.speaking = {m.text for found in cues for m in found if m.kind == "name"}
        for number, ((index, begin, end, offset), found) in enumerate(
            zip(sentences, cues, strict=True)
        ):
            place = _Place(begin, end, offset, number)
            self._scan(paragraphs[index], masked[index], place, found)

    # -- reading --------------------------------------------------------------------

    def _scan(self, text: str, mask: str, place: _Place, cues: list[Mention]) -> None:
        begin, end, offset, number = place
        part = mask[begin:end]
        subject = clause_subject(part)
        speakers = {m.offset for m in cues}
        found: list[Entity] = []
        for unnamed in _ANONYMOUS.finditer(part):
            opener = unnamed.start() < 40 and re.fullmatch(
                r"\W*[A-Z][a-z]+ly,\s*|\W*(?:Later|Meanwhile|Separately|Afterwards|Then),\s*",
                part[: unnamed.start()],
            )
            verb = re.match(
                r"\s+(?:(?:also|has|had|later|then)\s+)?([a-z]+)",
                part[unnamed.end() : unnamed.end() + 60],
            )
            speaks = bool(verb and verb[1] in SPEECH_VERBS) or bool(
                re.search(
                    r"\b[Aa]ccording to\s+$", part[max(0, unnamed.start() - 30) : unnamed.start()]
                )
            )  # "In a briefing, a senior official said", "according to a diplomat"
            if (
                unnamed.start() <= 2 or opener or speaks
            ):  # "Later, a spokesman said", not "Ann Lee, a supporter,"
                found.append(Entity("", offset + begin + unnamed.start(), 2, number))
        for run in NAME_RUN.finditer(part):
            titles, name = name_part(run[0].split())
            role, name = _after_portfolio(part, run.start(), name)
            titles = [*titles, *role]  # "Minister of Agriculture": her title
            if not name:
                continue
            at = begin + run.start()
            key = self._learn(titles, name, text, at, begin + run.end())
            if key is None:
                continue
            if not titles and (
                _organisation_part(part, run.start(), name) or name[-1].lower() in PLACE_HEADS
            ):
                self.organisations.add(key)  # named, but never "he" or "she"
            if subject is not None and run.start() <= subject.offset < run.end():
                rank = 2
            elif re.search(r"\b[Aa]ccording to\s+$", part[max(0, run.start() - 30) : run.start()]):
                rank = 2  # "According to Erik Nutti, a herder, the ice ..."
            else:
                rank = 2 if not speakers.isdisjoint(range(run.start(), run.end())) else 0
            oblique = rank == 0 and (
                run[0].endswith(("'s", "\u2019s"))
                or bool(
                    re.search(
                        r"\b(?:of|to|with|about|toward|towards|for|from|against|in|at|near|by)\s+(?:the\s+)?$",
                        part[max(0, run.start() - 30) : run.start()],
                    )
                )
            )
            found.append(Entity(key, offset + at, rank, number, oblique))
            self.last_seen[key] = offset + at
        self.entities.extend(sorted(found, key=lambda e: e.offset))

    def _learn(
        self, titles: list[str], name: list[str], text: str, start: int, end: int
    ) -> str | None:
        """Record a person named at ``start``; return their key, or None if not a person."""
        words = [w.rstrip(".") if not re.fullmatch(r"(?:[A-Z]\.)+", w) else w for w in name]
        words = [w for w in words if w]
        if (
            len(words) >= 3
            and words[0] not in _FIRST_NAMES
            and words[1] in _FIRST_NAMES
            and re.fullmatch(r"[A-Z][a-z]+(?:er|or|ist|man|woman|lord|ian|ant|ent)", words[0])
        ):
            titles, words = [*titles, words[0]], words[1:]  # "Landlord Gordon Pike, 58,"
        if not words or (len(words) == 1 and len(words[0]) < 2):
            return None
        if {w.lower() for w in words} & INSTITUTION_WORDS or (
            len(words) == 1 and words[0] in PLACES
        ):
            return None  # "Commerce Department", "Ethiopia": they may speak, but are not "he"
        honorific = next(
            (
                HONORIFICS[t.lower().rstrip(".")]
                for t in titles
                if t.lower().rstrip(".") in HONORIFICS
            ),
            "",
        )
        full = " ".join(words)
        before = text[max(0, start - 60) : start].split()
        role = [t.lower() for t in titles]
        if before and before[-1].lower() in TITLE_WORDS:  # "campaign manager Jeff Weaver"
            lead = [w.lower().strip(",") for w in before[-3:]]
            role = [*lead, *role]
        apposed = re.search(  # "the Vice Minister of Rural Development, Mrs. Elena Mamani"
            r"(?:^|\bthe\s+|,\s+)(?P<role>[\w'\-]+(?:\s+[\w'\-]+){0,6}),\s*$",
            text[max(0, start - 80) : start],
        )
        if apposed and {w.lower() for w in apposed["role"].split()} & TITLE_WORDS - HONOR_ONLY:
            role = [apposed["role"].lower(), *role]
        appositive = re.match(
            r",\s+(?:the|a|an|his|her)?\s*([^,.;\"\u201c]{3,60})[,.]", text[end : end + 70]
        )
        if appositive:
            role.append(appositive[1].lower())
        if len(words) >= 2:
            key = self._match_full(words)
            person = self.people.setdefault(key, Person(key, "", ""))
            if len(full) > len(person.name) and full.split()[-1] == person.name.split()[-1]:
                person.name = full
        else:
            known = self._match_surname(words[0], honorific)
            if known is None and not honorific and words[0] not in self.speaking:
                return None  # a lone capitalised word: not known to be a person
            key = known or words[0]
            self.people.setdefault(key, Person(key, "", ""))
        person = self.people[key]
        person.title = " ".join(filter(None, [person.title, *role]))[-200:]
        gender = (
            honorific
            or ("m" if words[0] in MALE_NAMES else "f" if words[0] in FEMALE_NAMES else "")
            if len(words) >= 2 or honorific
            else ""
        )
        gender = gender or _role_gender(" ".join(role))
        if gender and not person.gender:
            person.gender = gender
        return key

    def _match_full(self, words: list[str]) -> str:
        surname = fold(words[-1])
        for key in self.people:
            parts = [fold(p) for p in key.split()]  # "Sebastian Pinera" is "Sebastián Piñera"
            if parts[-1] == surname and (parts[0] == fold(words[0]) or len(parts) == 1):
                if len(parts) == 1:  # "Mr. Rhodes" came first: now we know his first name
                    person = self.people.pop(key)
                    person.name = " ".join(words)
                    new = " ".join(words)
                    self.people[new] = person
                    self.entities = [
                        Entity(
                            new if e.key == key else e.key,
                            e.offset,
                            e.subject,
                            e.sentence,
                            e.oblique,
                        )
                        for e in self.entities
                    ]
                    return new
                return key
        return " ".join(words)

    def _match_surname(self, word: str, gender: str) -> str | None:
        found = [
            k
            for k in self.people
            if k.split()[-1] == word
            or (k.split()[0] == word and len(k.split()) > 1 and word in MALE_NAMES | FEMALE_NAMES)
            or (k.split()[0] == word and re.fullmatch(r"[A-Z][a-z]+-[a-z]+", k.split()[-1]))
            or (
                len(k.split()) == 4
                and k.split()[2] == word
                and k.split()[0] in FEMALE_NAMES | MALE_NAMES
            )
        ]  # a family name first, "Choi" for "Choi Sang-mok"; a first of two surnames, "Quispe"
        if gender:
            agreeing = [k for k in found if self.people[k].gender in ("", gender)]
            found = agreeing or found
        if not found:
            return None
        if len(found) == 1:
            return found[0]
        return max(found, key=lambda k: self.last_seen.get(k, -1))

    # -- resolving ------------------------------------------------------------------

    def resolve(self, mention: Mention, at: int) -> str | None:
        """The speaker a mention at global offset ``at`` names, or None if unclear."""
        if mention.kind == "pronoun":
            return self._antecedent(PRONOUNS.get(mention.text.lower(), ""), at)
        if mention.kind == "unnamed":
            return None
        if mention.kind == "title":
            return self._by_title(mention.text, at)
        if mention.kind == "owned":  # "Powell's office": the office of the Powell named before
            owner, _, voice = mention.text.rpartition("'s ")
            found = self.resolve(Mention(owner, "name", mention.offset), at)
            return f"{found}'s {voice}" if found else None
        words = mention.text.split()
        low = {_plain(w) for w in words}
        if low & INSTITUTION_WORDS and low & (_NAME_LINKS - {"the"}) and words[-1][:1].isupper():
            text = mention.text  # "Department for Transport", "Ministry of Agriculture"
            return text[4:] if text.lower().startswith("the ") else text
        titles, name = name_part(words)
        name = [
            w
            for w in (w.rstrip(".") if not re.fullmatch(r"(?:[A-Z]\.)+", w) else w for w in name)
            if w
        ]
        if not name and len(words) == 1 and words[0][:1].isupper():
            key = self._match_surname(words[0], "")
            if key is not None:  # 'Mr. King said ...' earlier, then '"...," King said'
                return self.people[key].name
        if not name:
            low = {_plain(w.removesuffix("'s").removesuffix("\u2019s")) for w in words}
            if low & INSTITUTION_WORDS or (len(words) > 1 and low - NOT_NAMES):
                text = mention.text  # "The Washington Post", "the Kremlin", "Judicial Watch"
                return text[4:] if text.lower().startswith("the ") else text
            return None
        if len(name) == 1:
            honorific = next(
                (
                    HONORIFICS[t.lower().rstrip(".")]
                    for t in titles
                    if t.lower().rstrip(".") in HONORIFICS
                ),
                "",
            )
            key = self._match_surname(name[0], honorific)
            if key is not None:
                return self.people[key].name
            if titles or (len(name[0]) > 2 and name[0][0].isupper() and not name[0].isupper()):
                return name[0] if (titles or self._is_speaker_like(name[0])) else None
            return None
        key = self._match_full(name)
        return self.people[key].name if key in self.people else " ".join(name)

    def _is_speaker_like(self, word: str) -> bool:
        return (word.lower() not in NOT_NAMES and not word.isupper()) or len(word) > 3

    def _antecedent(self, gender: str, at: int) -> str | None:
        """The person a "he" or "she" at ``at`` refers to: last subject or speaker, agreeing."""
        stop = self._index(at)
        before = self.entities[max(0, stop - 200) : stop]
        if not before:
            return None
        current = before[-1].sentence
        seen: set[str] = set()
        for number in range(current, max(-1, current - 8), -1):
            group = [e for e in before if e.sentence == number]
            ordered = sorted(reversed(group), key=lambda e: (-e.subject, e.oblique))  # latest first
            if not any(e.subject and e.key for e in group):
                rivals = {
                    e.key
                    for e in group
                    if e.key in self.people
                    and e.key not in self.organisations
                    and not e.oblique
                    and e.key not in seen
                    and self.people[e.key].gender in ("", gender or self.people[e.key].gender)
                    and " " in self.people[e.key].name
                }
                if len(rivals) > 1:
                    return None  # "Annalena Weber and Catherine Laurent ... she said"
            for entity in ordered:
                if entity.key == "":
                    if entity.subject:
                        return None  # "a spokesman said ... he added": unnamed
                    continue
                if entity.key in seen or entity.key in self.organisations:
                    continue
                seen.add(entity.key)
                person = self.people.get(entity.key)
                if person is None:
                    continue
                if gender and person.gender and person.gender != gender:
                    continue
                if (
                    " " not in person.name
                    and not person.gender
                    and person.name not in self.speaking
                ):
                    continue  # a lone word is "he" only if it speaks somewhere: "Brafman said"
                return person.name
        return None

    def _by_title(self, text: str, at: int) -> str | None:
        words = [w.lower().rstrip(",.") for w in text.split()[1:]]
        cut = next((i for i, w in enumerate(words) if w in _PREPOSITIONS and i > 0), len(words))
        words = words[:cut]  # "the former top aide to President Bush": the head is "aide"
        if not words:
            return None
        if text[4:5].isupper() and words[-1] in INSTITUTION_WORDS | {"house"}:
            return text[4:]  # "the Kremlin", "the White House"
        head = words[-1]
        wanted = {w for w in words if w not in NOT_NAMES or w in TITLE_WORDS}
        seen: dict[str, int] = {}
        sentence: dict[str, int] = {}
        stop = self._index(at)
        for entity in self.entities[max(0, stop - 400) : stop]:
            if entity.key:
                seen[entity.key] = entity.offset
                sentence[entity.key] = entity.sentence
        found = [
            key
            for key in seen
            if key in self.people
            and head in self.people[key].title
            and all(w in self.people[key].title for w in wanted if w != head and len(w) > 3)
        ]
        if not found and head in _ORGANISATION_HEADS:
            named = self._organisation(head, at)
            if named is not None:
                return named
        if not found:
            return self._issuer(head, at) if head in _ISSUED | _SPOKES else self._only_person(at)
        found.sort(key=lambda k: seen[k])
        if len(found) > 1 and sentence[found[-1]] == sentence[found[-2]]:
            return None  # "President Marchal met President Nowak. ... the president said"
        return self.people[found[-1]].name

    def _organisation(self, head: str, at: int) -> str | None:
        """ "the ministry said" -> the "Ministry of ..." named last; "the company said" -> the
        organisation that spoke last ("LRC said in a statement ... the company said")."""
        current = self._sentence_at(at)
        for number in range(current, max(-1, current - 6), -1):
            index, begin, end, offset = self.sentences[number]
            text = self.masked[index][begin : min(end, at - offset)]
            wanted = {head} | _HEAD_NAMES.get(head, set())
            named = [
                m[0]
                for m in _ORGANISATION.finditer(text)
                if wanted & {w.lower() for w in m[0].split()}
            ]
            if named:
                return _CALENDAR_TAIL.sub("", re.sub(r"^The\s+", "", named[-1]))
            if head not in _COMPANY_HEADS:
                continue
            spoke = [
                m.text
                for m in speech_subjects(text)
                if m.kind == "name"
                and not is_person_name(m.text)
                and m.text[:1].isupper()
                and m.text.lower() not in NOT_NAMES
            ]
            if spoke:
                return spoke[-1]
        return None

    def _sentence_at(self, at: int) -> int:
        if self._starts is None:
            self._starts = [offset + begin for _, begin, _, offset in self.sentences]
        return max(0, bisect.bisect_right(self._starts, at) - 1)

    _starts: list[int] | None = None

    def _issuer(self, head: str, at: int) -> str | None:
        """Who issued "the statement" or whose "the spokesperson" speaks: the subject of the
        last sentence that mentions it, or the institution a spokesperson speaks for."""
        current = self._sentence_at(at)
        for number in range(current, max(-1, current - 6), -1):
            index, begin, end, _ = self.sentences[number]
            text = self.masked[index][begin:end]
            if head not in text.lower():
                continue
            if head in _SPOKES:
                owner = re.search(
                    rf"(?P<a>{NAME_RUN.pattern}) spokes(?:person|man|woman)"
                    rf"|spokes(?:person|man|woman) for (?:the )?(?P<b>{NAME_RUN.pattern})"
                    r"|spokes(?:person|man|woman) for the (?P<c>[a-z]+)\b",
                    text,
                )
                if owner and owner["a"] and owner["a"].split()[0].lower() in DETERMINERS:
                    # "A spokesperson for the department": "A" opens the sentence, names no one
                    owner = re.search(r"spokes(?:person|man|woman) for the (?P<c>[a-z]+)\b", text)
                found = owner.groupdict() if owner else {}
                if found.get("a") or found.get("b"):
                    return found.get("a") or found.get("b")
                if found.get("c"):  # "a spokesperson for the department": the one named before
                    return self._organisation(found["c"], at)
                continue
            group = [e for e in self.entities if e.sentence == number and e.key in self.people]
            chosen = next((e for e in group if e.subject), group[0] if group else None)
            if chosen is not None:
                return self.people[chosen.key].name
        return None  # "..., the statement said" names no one in its own sentence: look back

    def _only_person(self, at: int) -> str | None:
        """ "the ornithologist" when the sentence before named exactly one person."""
        current = self._sentence_at(at)
        near = [e for e in self.entities if current - 1 <= e.sentence <= current and e.offset < at]
        if any(e.key == "" and e.subject for e in near):
            return None  # "An EU diplomat said ... the diplomat said": the unnamed one
        names = {e.key for e in near if " " in e.key}
        return (
            self.people[names.pop()].name
            if len(names) == 1 and next(iter(names)) in self.people
            else None
        )

    def note(self, speaker: str, at: int) -> None:
        """A quotation's speaker is the subject of its sentence for what follows."""
        key = speaker if speaker in self.people else None
        if key is None:
            key = next((k for k, p in self.people.items() if p.name == speaker), None)
        if key is None:
            return
        index = self._index(at + 1)
        self.entities.insert(index, Entity(key, at, 2, self._sentence_at(at)))
        if self._offsets is not None:
            self._offsets.insert(index, at)

    _offsets: list[int] | None = None

    def _index(self, at: int) -> int:
        """How many entities come before global offset ``at``."""
        if self._offsets is None or len(self._offsets) != len(self.entities):
            self._offsets = [e.offset for e in self.entities]
        return bisect.bisect_left(self._offsets, at)

    def known(self, name: str) -> str | None:
        """The full name of a person the article introduces, by that name or surname."""
        words = fold(name).split()  # "BIRTUKAN WOLDE:" is Birtukan Wolde
        for person in self.people.values():
            parts = fold(person.name).split()
            if len(parts) >= 2 and (parts == words or (parts[-1] == words[-1] and len(words) == 1)):
                return person.name
        return None

    def canonical(self, speaker: str) -> str:
        """The fullest form of a resolved name the article uses."""
        if speaker in self.acronyms:
            return self.acronyms[speaker]
        if " " not in speaker:  # "Gordon" for Gordon Pike; "Greyfin" for Greyfin Renewables
            longer = [
                p.name
                for p in self.people.values()
                if p.name.split()[0] == speaker and " " in p.name
            ]
            surname = any(
                p.name.split()[-1] == speaker and " " in p.name for p in self.people.values()
            )
            if len(longer) == 1 and not surname:  # "a Greyfin spokesperson": Greyfin Renewables
                return longer[0]
        for person in self.people.values():
            if person.name == speaker:
                return speaker
        words = speaker.split()
        for person in self.people.values():
            same = person.name.split()[-1] == words[-1] and len(person.name) > len(speaker)
            if same and (len(words) == 1 or person.name.split()[0] == words[0]):
                return person.name
        return speaker

    def main_person(self, before: int) -> str | None:
        """The person the text before global offset ``before`` names most, if one stands out:
        an interview's subject, who gives its "A:" answers."""
        counts: dict[str, int] = {}
        for entity in self.entities:
            if entity.offset < before and entity.key in self.people and " " in entity.key:
                counts[entity.key] = counts.get(entity.key, 0) + 1
        ranked = sorted(counts.values(), reverse=True)
        if not ranked or (len(ranked) > 1 and ranked[0] == ranked[1]):
            return None
        return self.people[max(counts, key=lambda k: counts[k])].name

    def names(self) -> list[str]:
        """The people the article names with a first name and a surname, in order."""
        return [p.name for p in self.people.values() if is_person_name(p.name)]
