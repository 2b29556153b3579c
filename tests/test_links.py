"""Cross-links over the seeds: both directions, reasons, passages, threads."""

from __future__ import annotations

import random

import pytest

from generator.links import link_corpus
from generator.model import Article
from generator.pipeline import process_file
from generator.settings import Settings

from .conftest import SEEDS


@pytest.fixture(scope="module")
def seeds(settings: Settings) -> list[Article]:
    return [process_file(p, f"raw/{p.name}", settings) for p in SEEDS]


def test_seeds_link_both_ways_with_reasons(seeds: list[Article], settings: Settings) -> None:
    corpus = link_corpus(seeds, settings)
    tass, mt = (a.path for a in sorted(seeds, key=lambda a: a.date))
    by_pair = {(link.source, link.target): link for link in corpus.links}
    forward, backward = by_pair[(tass, mt)], by_pair[(mt, tass)]
    assert (forward.relation, backward.relation) == ("later", "earlier")
    assert "Both quote Emmanuel Macron" in forward.reasons
    assert any(
        r.startswith("shared:") and "Russia" in r and "security" in r for r in forward.reasons
    )
    assert forward.passages and backward.passages


def test_passage_from_2022_retrospective_to_2018_speech(
    seeds: list[Article], settings: Settings
) -> None:
    corpus = link_corpus(seeds, settings)
    tass, mt = sorted(seeds, key=lambda a: a.date)
    link = next(x for x in corpus.links if x.source == mt.path)
    since_2017 = next(i for i, p in enumerate(mt.paragraphs) if "since taking office in 2017" in p)
    targets = {p.source_paragraph: p.target_paragraph for p in link.passages}
    assert since_2017 in targets
    assert "Cold War" in tass.paragraphs[targets[since_2017]]


def test_links_do_not_depend_on_input_order(seeds: list[Article], settings: Settings) -> None:
    shuffled = seeds[:]
    random.Random(4).shuffle(shuffled)
    assert link_corpus(seeds, settings).links == link_corpus(shuffled[::-1], settings).links


def test_no_self_links_and_one_thread(seeds: list[Article], settings: Settings) -> None:
    corpus = link_corpus(seeds, settings)
    assert all(link.source != link.target for link in corpus.links)
    assert len(corpus.threads) == 1 and len(corpus.threads[0].members) == 2


def test_unrelated_article_is_not_linked(seeds: list[Article], settings: Settings) -> None:
    other = Article(
        "raw/other.txt",
        "x",
        "Harbour opens tidal plant",
        seeds[0].date,
        "Local",
        (
            "The harbour city opened a tidal power plant on the old ferry pier on Monday.",
            "Engineers said the turbines would supply a tenth of homes in the city.",
        ),
    )
    corpus = link_corpus([*seeds, other], settings)
    assert all("other" not in (link.source + link.target) for link in corpus.links)


def test_one_canonical_name_per_person_across_the_briefing(settings: Settings) -> None:
    from generator.links import canonical_speakers
    from generator.pipeline import process_bytes

    first = process_bytes(
        b" date 2022-02-07\nMacron in Moscow\n\n"
        b'"I am not naive, but I believe in dialogue with Moscow," Mr Macron told a weekly.\n',
        "raw/a.txt",
        settings,
    )
    second = process_bytes(
        b" date 2018-08-27\nMacron on Europe\n\n"
        b"French President Emmanuel Macron spoke to ambassadors in Paris on Monday.\n\n"
        b'"Europe can no longer rely on the United States for its security," Macron said.\n',
        "raw/b.txt",
        settings,
    )
    assert first.quotes[0].speaker == "Macron"  # alone, the article cannot know more
    merged, used = canonical_speakers([first, second])
    assert {a.quotes[0].speaker for a in merged} == {"Emmanuel Macron"}
    assert used == {"Macron": "Emmanuel Macron"}
