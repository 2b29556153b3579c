"""Quotes: golden lists for the seeds, attribution patterns, call-out choice."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from generator.cli import quote_json
from generator.evaluate import parse_quote_set, score_quotes
from generator.model import Article
from generator.pipeline import process_bytes, process_file
from generator.quotes import add_quotes, extract_quotes
from generator.settings import Settings

from .conftest import CASES, SEEDS, golden


@pytest.mark.parametrize("path", SEEDS, ids=lambda p: p.stem)
def test_seed_quotes_golden(path: Path, settings: Settings) -> None:
    article = process_file(path, path.name, settings)
    actual = (
        json.dumps(
            {"quotes": [quote_json(q) for q in article.quotes], "callouts": list(article.callouts)},
            ensure_ascii=False,
            indent=2,
        )
        + "\n"
    )
    assert actual == golden(CASES / "quotes" / f"seed_{path.stem}.quotes.json", actual)


@pytest.mark.parametrize("path", SEEDS, ids=lambda p: p.stem)
def test_quotes_are_substrings_of_their_paragraph(path: Path, settings: Settings) -> None:
    article = process_file(path, path.name, settings)
    for quote in article.quotes:
        assert article.paragraphs[quote.paragraph][quote.start : quote.end] == quote.text


def test_tass_callouts_are_macrons_full_quotes(settings: Settings) -> None:
    path = next(p for p in SEEDS if "tass" in p.name)
    article = process_file(path, path.name, settings)
    assert 1 <= len(article.callouts) <= 3
    for index in article.callouts:
        assert article.quotes[index].speaker == "Emmanuel Macron"
        assert article.quotes[index].kind == "full"
    mentions = {q.mention: q.speaker for q in article.quotes}
    assert mentions["the French president"] == "Emmanuel Macron"
    assert mentions["He"] == "Emmanuel Macron"


def test_moscow_times_fragments_are_never_callouts(settings: Settings) -> None:
    path = next(p for p in SEEDS if "moscow" in p.name)
    article = process_file(path, path.name, settings)
    kinds = {q.text: q.kind for q in article.quotes}
    assert kinds["unity"] == kinds["destroying"] == kinds["pragmatic"] == "fragment"
    chosen = [article.quotes[i] for i in article.callouts]
    assert all(q.kind == "full" and q.speaker for q in chosen)
    speakers = {q.text[:20]: q.speaker for q in article.quotes}
    assert speakers["We should build as E"] == "Emmanuel Macron"  # "he added"
    assert speakers["I think one of Mosco"] == "Antony Blinken"
    assert speakers["I don't even know ho"] == "Sergei Lavrov"


def quotes_of(*paragraphs: str) -> list[tuple[str, str | None, str]]:
    article = add_quotes(Article("t.txt", "0", "T", None, None, paragraphs), Settings())
    return [(q.text, q.speaker, q.kind) for q in article.quotes]


@pytest.mark.parametrize(
    ("paragraphs", "speaker"),
    [
        (
            (
                "Prime Minister Jane Holt spoke.",
                '"We will not give up on this plan at all," said Holt.',
            ),
            "Jane Holt",
        ),
        (
            (
                "Prime Minister Jane Holt spoke.",
                'Holt said: "We will not give up on this plan at all."',
            ),
            "Jane Holt",
        ),
        (
            (
                "Prime Minister Jane Holt spoke.",
                'Holt said that "we will not give up on this plan at all."',
            ),
            "Jane Holt",
        ),
        (
            (
                "Mayor Tom Reyes visited.",
                '"The bridge will open in the spring of next year," according to Reyes.',
            ),
            "Tom Reyes",
        ),
        (
            ("\u201cWe are ready for the next step in the talks,\u201d the Kremlin said.",),
            "Kremlin",
        ),
        (
            (
                "\u00abNous sommes pr\u00eats pour la suite des discussions\u00bb, said Marie Dupont.",
            ),
            "Marie Dupont",
        ),
    ],
)
def test_attribution_patterns(paragraphs: tuple[str, ...], speaker: str) -> None:
    found = [q for q in quotes_of(*paragraphs) if q[2] == "full"]
    assert found and found[-1][1] == speaker


def test_unknown_speaker_is_none_never_guessed() -> None:
    found = quotes_of(
        '"This will change everything for the region and beyond," one observer wrote.'
    )
    assert found == [("This will change everything for the region and beyond", None, "full")]


def test_ambiguous_title_is_not_resolved() -> None:
    found = quotes_of(
        "French President Anne Marchal met Polish President Piotr Nowak.",
        '"We agreed on a common approach to the border crisis," the president said.',
    )
    assert found[0][1] is None


def test_unbalanced_mark_does_not_swallow_the_article() -> None:
    paragraphs = [
        'He called it "a deal and left early.',
        "Next paragraph without marks.",
        '"A real quote that is long enough," she said.',
    ]
    texts = [q.text for q in extract_quotes(paragraphs)]
    assert texts == ["A real quote that is long enough"]


def test_quote_over_several_paragraphs_is_one() -> None:
    paragraphs = [
        '"We will rebuild the port and the railway line within two years.',
        '"And we will do it without new taxes," Governor Lena Brandt said.',
    ]
    quotes = extract_quotes(paragraphs)
    assert len(quotes) == 1 and quotes[0].end_paragraph == 1


QUOTE_SETS = (CASES / "quotes" / "eval.quotes", CASES / "quotes" / "holdout.quotes")


@pytest.mark.parametrize("path", QUOTE_SETS, ids=lambda p: p.stem)
def test_quote_evaluation_meets_the_targets(path: Path) -> None:
    """The figures `make eval` prints: extraction F1 >= 0.95, attribution >= 0.95."""
    items = parse_quote_set(path.read_text(encoding="utf-8"), path.name)
    total = score_quotes(items, extract_quotes)
    assert total.f1 >= 0.95, total.problems
    assert total.attribution >= 0.95, total.problems
    assert total.kinds_ok == total.matched, total.problems


def test_the_evaluation_set_covers_sixty_paragraphs() -> None:
    items = parse_quote_set(QUOTE_SETS[0].read_text(encoding="utf-8"))
    assert sum(len(i.paragraphs) for i in items) >= 60
    assert {q.kind for i in items for q in i.gold} == {"full", "fragment"}
    assert any(q.speaker is None for i in items for q in i.gold if q.kind == "full")


PASTE = """ date 2022-02-07
Macron meets Putin in Moscow

French President Emmanuel Macron met Russian President Vladimir Putin in Moscow on Monday.

"We have a common interest in a Europe that is stable and secure for decades to come," Macron said.

"Russia's security concerns must be heard, and they will be heard by everyone at the table," Putin said.

"I will come back to Moscow if that is what it takes to keep the dialogue going," Macron added.
"""


def paste_article(extra_lines: str, settings: Settings) -> Article:
    data = (PASTE + extra_lines).encode()
    return process_bytes(data, "raw/pin.txt", settings)


def test_callouts_can_be_pinned_and_suppressed_in_the_paste(settings: Settings) -> None:
    plain = paste_article("", settings)
    assert len(plain.callouts) == 3
    pinned = paste_article(
        "\nPin quote: I will come back to Moscow\n\nSuppress quote: 1\n", settings
    )
    texts = [pinned.quotes[i].text for i in pinned.callouts]
    assert texts[0].startswith("I will come back to Moscow")
    assert not any(t.startswith("We have a common interest") for t in texts)
    assert all("Pin quote" not in p and "Suppress quote" not in p for p in pinned.paragraphs)


def test_a_pin_that_matches_nothing_is_a_warning(settings: Settings) -> None:
    article = paste_article("\nPin quote: words nobody said\n", settings)
    assert any("matches no quotation" in w for w in article.warnings)
    assert len(article.callouts) == 3  # the automatic choice still stands


def test_callouts_can_be_pinned_in_a_markdown_header(settings: Settings) -> None:
    text = (
        "Title: Macron meets Putin\nDate: 2022-02-07\nSuppress-Quote: common interest\n\n"
        + PASTE.split("\n\n", 1)[1]
    )
    article = process_bytes(text.encode(), "raw/pin.md", settings)
    assert article.title == "Macron meets Putin"
    chosen = [article.quotes[i].text for i in article.callouts]
    assert chosen and not any("common interest" in t for t in chosen)


def test_british_single_quotation_marks_are_quotations() -> None:
    paragraphs = (
        "Chief executive Dr Orla Whitcombe said: \u2018This is not a decision any of us "
        "wanted to take. But I will not keep a ward open without doctors.\u2019",
        "Edna Falstead, 74, said: \u2018They told us it was a \u201ctemporary\u201d change. "
        "Now it\u2019s permanent and nobody asked us.\u2019",
        "\u2018The nurses\u2019 union is wrong about this,\u2019 Dr Whitcombe said.",
        "It was 'rock 'n' roll' all night at the Miners' Hall.",
    )
    found = [(q.text, q.speaker) for q in extract_quotes(paragraphs) if q.kind == "full"]
    assert found == [
        (
            "This is not a decision any of us wanted to take. But I will not keep a ward "
            "open without doctors.",
            "Orla Whitcombe",
        ),
        (
            "They told us it was a \u201ctemporary\u201d change. Now it\u2019s permanent and "
            "nobody asked us.",
            "Edna Falstead",
        ),
        ("The nurses\u2019 union is wrong about this", "Orla Whitcombe"),
    ]


def test_single_marks_inside_a_double_quotation_stay_nested() -> None:
    paragraphs = (
        "\"They said to us, 'Hey, you are fine with us,' and that was it,\" said Rena Obi.",
    )
    (quote,) = extract_quotes(paragraphs)
    assert quote.text == "They said to us, 'Hey, you are fine with us,' and that was it"
    assert quote.speaker == "Rena Obi"


def test_a_transcript_with_role_honorific_and_answer_labels() -> None:
    briefing = (
        "The following is a transcript of the noon briefing by Tobias Lindqvist-Ode, "
        "spokesman for the agency, with Ms. Hanna Ould-Rami of the relief office.",
        "Spokesman: Good afternoon. I am joined today by a guest who has just returned from "
        "the border region.",
        "Ms. Ould-Rami: Thank you. The number of people forced from their homes has tripled "
        "since the start of last year.",
        "Question: Are aid workers able to reach the camps?",
        "Ms. Ould-Rami: In many places, no. Roads are mined and our convoys need escorts.",
    )
    found = [(q.text[:20], q.speaker) for q in extract_quotes(briefing)]
    assert found == [
        ("Good afternoon. I am", "Tobias Lindqvist-Ode"),
        ("Thank you. The numbe", "Hanna Ould-Rami"),
        ("In many places, no. ", "Hanna Ould-Rami"),
    ]
    interview = (
        "Former minister Ilse Brandauer sat down with us this week. Ilse Brandauer spoke "
        "about schools.",
        "Q: Why did you take up this cause?",
        "A: Because the children needed help, and nobody else was going to give it to them.",
        "Q: What comes next?",
        "A: More of the same work, in more villages, for as long as it takes us.",
    )
    assert {q.speaker for q in extract_quotes(interview)} == {"Ilse Brandauer"}


def test_a_quotation_paragraph_after_a_persons_action_is_theirs() -> None:
    paragraphs = (
        "Senator Ruth Okello read the line twice. Then she put on her reading glasses.",
        '"Tell them I will be quick. I always am. The problem is never how long I take."',
    )
    assert [q.speaker for q in extract_quotes(paragraphs)] == ["Ruth Okello"]
