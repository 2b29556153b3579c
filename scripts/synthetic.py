"""A deterministic synthetic corpus of raw pastes, for ``make bench``.

Each article is a made-up paste in the style of the seeds: a header or a date line, the title,
a menu line, a photo credit, a dateline, quotes from recurring people, a "Related article:"
line and a share/footer block. Stories of about ten pieces run over several years, so the
links stage has real threads to find. The same text comes out as pre-cleaned Markdown too,
for plain Pelican to build as a baseline.

    python scripts/synthetic.py N FOLDER      # writes FOLDER/raw/*.txt

Everything is drawn from ``random.Random(seed)``: the same N and seed give the same bytes.
"""

from __future__ import annotations

import datetime as dt
import random
import sys
from dataclasses import dataclass
from pathlib import Path

_WORDS = """
government minister policy security defence talks summit agreement pressure budget energy
market trade sanctions election parliament coalition reform border troops alliance treaty
dialogue crisis economy inflation growth industry investment export import gas oil pipeline
grain harbour railway climate emissions migration court ruling inquiry report official
spokesman committee vote majority opposition campaign region province city capital council
negotiations proposal statement visit meeting conference partners cooperation strategy
framework commitment deadline package funding aid support supply shortage prices tariffs
deal framework plan review measures rules standards decision process approach response
""".split()
_FUNCTION = "the of and to in a on for with that by as at from this its their new was is".split()
_SYLLABLES = "ka lo mi ren tu sa vor pel ind ost bra kel mun dar fi ga ne ro sol tem".split()
_OUTLETS = ["Northern Wire", "The Daily Ledger", "Capital Post", "Harbour Times", "Euro Desk"]
_MENUS = ["Home | World | Politics | Business | Opinion", "News Sport Culture Weather"]
_ROLES = ["the foreign minister", "the prime minister", "a senior official", "the president"]


@dataclass(frozen=True)
class Paste:
    """One synthetic article: its file name, the raw paste and the pre-cleaned Markdown."""

    name: str
    raw: str
    markdown: str


def _word(rng: random.Random, syllables: int) -> str:
    return "".join(rng.choice(_SYLLABLES) for _ in range(syllables))


def _sentence(rng: random.Random, theme: list[str], length: int) -> str:
    words = [
        rng.choice(theme) if r < 0.12 else rng.choice(_WORDS) if r < 0.6 else rng.choice(_FUNCTION)
        for r in (rng.random() for _ in range(length))
    ]
    return " ".join(words).capitalize()


def synthetic_pastes(n: int, seed: int = 11) -> list[Paste]:
    """``n`` raw pastes in stories of about ten, with junk, quotes and recurring people."""
    rng = random.Random(seed)
    stories = max(1, n // 10)
    themes = [[_word(rng, 3) for _ in range(10)] for _ in range(stories)]
    people = [
        [(f"{_word(rng, 2).title()} {_word(rng, 3).title()}", rng.choice(_ROLES)) for _ in range(3)]
        for _ in range(stories)
    ]
    places = [_word(rng, 2).title() for _ in range(stories)]
    pastes = []
    for i in range(n):
        story = i % stories
        theme, cast, place = themes[story], people[story], places[story]
        date = dt.date(2015 + rng.randrange(10), 1 + rng.randrange(12), 1 + rng.randrange(28))
        outlet = rng.choice(_OUTLETS)
        title = (
            f"{cast[0][0]} says {' '.join(rng.sample(theme, 3))} {rng.choice(_WORDS)} must change"
        )
        body = []
        for k in range(8):
            text = ". ".join(_sentence(rng, theme, rng.randrange(14, 26)) for _ in range(2)) + "."
            if k % 3 == 1:
                name, role = rng.choice(cast)
                quote = _sentence(rng, theme, rng.randrange(10, 20))
                text = f'"{quote}," {name.split()[-1]} said. {text}'
                if k == 1:
                    text = f"{name}, {role}, spoke in {place} on Monday. " + text
            body.append(text)
        when = f"{date:%B} {date.day}, {date.year}"
        dateline = f"{place.upper()}, {date:%B} {date.day}. /{outlet}/. "
        junk_top = [
            rng.choice(_MENUS),
            "",
            when,
            "",
            f"© {_word(rng, 2).title()} {_word(rng, 3).title()} / {outlet}",
            "",
        ]
        junk_bottom = [
            "",
            "Share this article",
            "",
            f"Related article: {rng.choice(themes[rng.randrange(stories)])} talks resume",
        ]
        lines = [f" date {date.isoformat()} World", title, "", *junk_top, dateline + body[0]]
        for paragraph in body[1:]:
            lines += ["", paragraph]
        lines += junk_bottom
        raw = "\n".join(lines) + "\n"
        markdown = "\n\n".join([f"Title: {title}\nDate: {date.isoformat()}\nTags: {outlet}", *body])
        name = f"{date.isoformat()}-{i:05d}"
        pastes.append(Paste(name, raw, markdown + "\n"))
    return pastes


def write_raw(pastes: list[Paste], content: Path) -> None:
    """The pastes as ``content/raw/NAME.txt``, the layout a Briefing project uses."""
    folder = content / "raw"
    folder.mkdir(parents=True, exist_ok=True)
    for paste in pastes:
        (folder / f"{paste.name}.txt").write_text(paste.raw, encoding="utf-8")


def write_markdown(pastes: list[Paste], content: Path) -> None:
    """The same articles as pre-cleaned Markdown, for plain Pelican."""
    content.mkdir(parents=True, exist_ok=True)
    for paste in pastes:
        (content / f"{paste.name}.md").write_text(paste.markdown, encoding="utf-8")


if __name__ == "__main__":
    count, folder = int(sys.argv[1]), Path(sys.argv[2])
    write_raw(synthetic_pastes(count), folder)
