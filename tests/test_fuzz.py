"""Property tests over parse -> clean -> quotes. `make fuzz` runs them with 100,000 examples.

Nothing may fail except with the project's own InputError; cleaning is idempotent; every
quote is a substring of its paragraph.
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, given
from hypothesis import settings as hsettings
from hypothesis import strategies as st

from generator.clean import clean_article
from generator.errors import InputError
from generator.model import Article
from generator.parse import parse_bytes
from generator.quotes import add_quotes
from generator.settings import Settings

from .conftest import SEEDS

EXAMPLES = int(os.environ.get("BRIEFING_FUZZ_EXAMPLES", "150"))
FUZZ = hsettings(
    max_examples=EXAMPLES,
    deadline=None,
    derandomize=EXAMPLES <= 1000,  # the quick run in `make test` is the same every time
    suppress_health_check=[HealthCheck.too_slow],
)
SEED_TEXTS = [p.read_text(encoding="utf-8") for p in SEEDS]


def check(data: bytes, idempotent: bool = True) -> None:
    try:
        article = add_quotes(clean_article(parse_bytes(data, "fuzz.txt")), Settings())
    except InputError as error:
        assert str(error).startswith("fuzz.txt: ")
        return
    assert article.title and article.paragraphs
    assert_quotes_are_substrings(article)
    if not idempotent:
        return
    again = f" date 2022-01-01\n{article.title}\n\n" + "\n\n".join(
        [article.standfirst or "", *article.paragraphs]
    )
    try:
        second = clean_article(parse_bytes(again.encode(), "fuzz.txt"))
    except InputError:
        return  # a body of only junk-looking lines: reported, never a crash
    assert second.paragraphs == article.paragraphs


def assert_quotes_are_substrings(article: Article) -> None:
    for quote in article.quotes:
        if quote.end_paragraph in (-1, quote.paragraph):
            assert article.paragraphs[quote.paragraph][quote.start : quote.end] == quote.text


@FUZZ
@given(st.text(max_size=2000))
def test_fuzz_arbitrary_text(text: str) -> None:
    check(text.encode("utf-8", "surrogatepass"))


@st.composite
def mutated_seed(draw: st.DrawFn) -> str:
    text = draw(st.sampled_from(SEED_TEXTS))
    for _ in range(draw(st.integers(1, 8))):
        at = draw(st.integers(0, len(text)))
        action = draw(st.sampled_from(["insert", "delete", "newline", "quote", "duplicate"]))
        if action == "insert":
            text = text[:at] + draw(st.text(max_size=20)) + text[at:]
        elif action == "delete":
            text = text[:at] + text[at + draw(st.integers(1, 200)) :]
        elif action == "newline":
            text = text[:at] + draw(st.sampled_from(["\n", "\r\n", "\n\n", "\r"])) + text[at:]
        elif action == "quote":
            text = (
                text[:at] + draw(st.sampled_from(['"', "“", "”", "«", "»", "„", "'"])) + text[at:]
            )
        else:
            line = text[at : at + 120]
            text = text[:at] + line + "\n" + line + text[at:]
    return text


@FUZZ
@given(mutated_seed())
def test_fuzz_mutated_seeds(text: str) -> None:
    # Idempotence is not asserted here: seeds whose title and header are cut and pasted
    # into each other can still re-clean differently (docs/bad-input.md, "Fuzzing").
    check(text.encode("utf-8", "surrogatepass"), idempotent=False)
