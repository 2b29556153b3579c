"""Cross-links over the seeds: both directions, reasons, passages, threads."""

from __future__ import annotations

import gc
import itertools
import random
from dataclasses import replace

import pytest

from generator.links import canonical_speakers, link_corpus
from generator.model import Article, PassageColumns, PassageLink, Passages
from generator.pipeline import process_bytes, process_file
from generator.settings import Settings

from .conftest import CASES, SEEDS


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


CORPUS = CASES / "corpus"


def story_labels() -> dict[str, str]:
    lines = (CORPUS / "stories.txt").read_text(encoding="utf-8").splitlines()
    return dict(line.split() for line in lines if line.strip() and not line.startswith("#"))


@pytest.fixture(scope="module")
def story_corpus(settings: Settings) -> list[Article]:
    return [process_file(CORPUS / name, name, settings) for name in sorted(story_labels())]


def test_story_corpus_link_precision_and_recall(
    story_corpus: list[Article], settings: Settings
) -> None:
    """Our own 20-article corpus: three continuing stories, a reprint, seven near-misses."""
    labels = story_labels()
    assert len(story_corpus) >= 20
    corpus = link_corpus(story_corpus, settings)
    wrong = [
        (link.source, link.target)
        for link in corpus.links
        if labels[link.source] != labels[link.target]
    ]
    assert not wrong, wrong  # link precision 1.0: no distractor is linked to anything
    linked = {frozenset((link.source, link.target)) for link in corpus.links}
    same_story = [
        frozenset((a, b))
        for a, b in itertools.combinations(sorted(labels), 2)
        if labels[a] == labels[b] != "-"
    ]
    recall = sum(pair in linked for pair in same_story) / len(same_story)
    assert recall >= 0.9, recall
    threads = sorted(sorted(labels[m] for m in t.members) for t in corpus.threads)
    assert threads == [["bridge"] * 4, ["grid"] * 6, ["security"] * 3]


def test_reprint_is_also_reported_by_not_a_story_step(
    story_corpus: list[Article], settings: Settings
) -> None:
    corpus = link_corpus(story_corpus, settings)
    pair = {
        (link.source, link.target): link.relation
        for link in corpus.links
        if "2023-02-08" in link.source and "2023-02-08" in link.target
    }
    assert set(pair.values()) == {"same-report"} and len(pair) == 2


def test_links_explain_themselves_with_the_signals(
    story_corpus: list[Article], settings: Settings
) -> None:
    corpus = link_corpus(story_corpus, settings)
    bridge = [link for link in corpus.links if "bridge" in link.source and "bridge" in link.target]
    assert bridge and all(link.reasons[0] == "Both quote Petra Ionescu" for link in bridge)
    assert all(any(r.startswith("shared: ") for r in link.reasons) for link in corpus.links)
    assert all("Danube" in r or "bridge" in r for link in bridge for r in link.reasons[1:])


def with_extra(article: Article, key: str, value: str) -> Article:
    return replace(article, extra=(*article.extra, (key, value)))


def test_links_can_be_pinned_and_forbidden_in_the_article(
    story_corpus: list[Article], settings: Settings
) -> None:
    wine = next(a for a in story_corpus if "wine-fair" in a.path)
    munich = next(a for a in story_corpus if "munich" in a.path)
    others = [a for a in story_corpus if a not in (wine, munich)]
    pinned = with_extra(wine, "link_to", "Macron defends dialogue with Russia")
    forbidding = with_extra(munich, "no_link_to", "2019-11-07-security-macron-nato-brain-death.txt")
    corpus = link_corpus([*others, pinned, forbidding], settings)
    pairs = {(link.source, link.target): link for link in corpus.links}
    assert pairs[(wine.path, munich.path)].reasons[0] == "Linked by hand"
    assert (munich.path, "2019-11-07-security-macron-nato-brain-death.txt") not in pairs
    assert ("2019-11-07-security-macron-nato-brain-death.txt", munich.path) not in pairs


def test_link_choices_are_read_from_the_paste(settings: Settings) -> None:
    article = process_bytes(
        b" date 2021-09-14\nA headline\n\nLink to: 2019-11-07-security.txt\n\n"
        b"No link to: Baltic capitals expect record summer\n\n"
        b"A paragraph long enough to be the body of this short test article, ending here.\n",
        "raw/x.txt",
        settings,
    )
    assert ("link_to", "2019-11-07-security.txt") in article.extra
    assert ("no_link_to", "Baltic capitals expect record summer") in article.extra
    assert len(article.paragraphs) == 1


def test_cycle_collector_is_back_on_after_linking(seeds: list[Article], settings: Settings) -> None:
    """The stage pauses the cycle collector for speed; it must never leave it off."""
    assert gc.isenabled()
    link_corpus(seeds, settings)
    assert gc.isenabled()
    with pytest.raises(AttributeError):
        link_corpus([*seeds, None], settings)  # type: ignore[list-item]
    assert gc.isenabled()


def test_passages_read_from_shared_columns_behave_as_a_tuple() -> None:
    columns = PassageColumns([0, 2, 5, 1], [3, 3, 0, 4], [0.5, 0.25, 0.75, 0.3])
    middle = Passages(columns, 1, 3)  # the second and third rows only
    expected = (PassageLink(2, 3, 0.25), PassageLink(5, 0, 0.75))
    assert len(middle) == 2
    assert tuple(middle) == expected
    assert middle == expected and expected == middle
    assert middle[0] == expected[0] and middle[-1] == expected[-1]
    assert middle[::-1] == expected[::-1]
    with pytest.raises(IndexError):
        middle[2]
    assert hash(middle) == hash(expected)
    assert middle != Passages(columns, 0, 2)
    assert not Passages(columns, 4, 4) and Passages(columns, 4, 4) == ()
    assert middle[1].score == 0.75 and middle[1].source_paragraph == 5
    assert "PassageLink(source_paragraph=2" in repr(middle)
