"""Cross-links over the seeds: both directions, reasons, passages, threads."""

from __future__ import annotations

import gc
import itertools
import random
import re
from dataclasses import replace
from pathlib import Path

import pytest

from generator.errors import InputError
from generator.link_score import story_labels as labels_in
from generator.links import canonical_speakers, link_corpus
from generator.model import Article, PassageColumns, PassageLink, Passages, Thread
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


def test_link_reasons_show_words_as_printed(settings: Settings) -> None:
    """A reason names words a reader can find in both pieces: "ferries", "Tomas", never the
    folded keys the index matches by ("ferrie", "Toma")."""
    texts = [
        b" date 2019-11-07\nHarbour ferries saved by council vote\n\n"
        b"The harbour council voted on Thursday to keep the night ferries running after "
        b"Tomas and other shift workers from the hospital campaigned for months.\n\n"
        b"Councillors said the ferries were part of how the harbour district works at night.\n",
        b" date 2021-05-12\nNight ferries win a second reprieve from the harbour council\n\n"
        b"The harbour council has again voted to keep the night ferries running, citing the "
        b"hospital shift workers, Tomas among them, who depend on them.\n\n"
        b"Councillors said the ferries would be reviewed again when the new bridge opens.\n",
    ]
    articles = [process_bytes(text, f"raw/{n}.txt", settings) for n, text in enumerate(texts)]
    corpus = link_corpus(articles, settings)
    assert corpus.links, "two reports of one ferry vote link"
    printed = " ".join(t.decode() for t in texts)
    for link in corpus.links:
        for reason in link.reasons:
            if reason.startswith("shared: "):
                for word in reason.removeprefix("shared: ").split(", "):
                    assert re.search(rf"\b{re.escape(word)}\b", printed, re.I), word


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


def without(articles: list[Article], word: str) -> list[Article]:
    return [a for a in articles if word not in a.path]


def test_adding_an_article_never_removes_a_link_between_two_others(
    story_corpus: list[Article], settings: Settings
) -> None:
    """No flicker: each article of the story corpus added last, in turn."""
    everything = {
        frozenset((x.source, x.target)) for x in link_corpus(story_corpus, settings).links
    }
    for added in story_corpus:
        before = link_corpus([a for a in story_corpus if a is not added], settings)
        lost = {frozenset((x.source, x.target)) for x in before.links} - everything
        assert not lost, (added.path, lost)


def test_a_thread_keeps_its_address_as_it_grows_and_old_ones_redirect(
    story_corpus: list[Article], settings: Settings
) -> None:
    def grid(articles: list[Article]) -> Thread:
        return next(t for t in link_corpus(articles, settings).threads if "grid" in t.slug)

    whole = grid(story_corpus)
    assert whole.slug == "2019-03-12-grid-baltic-states-set-date-to-leave-russian-grid"
    assert grid(without(story_corpus, "2025-02-09")).slug == whole.slug  # before the last piece
    # Before its first piece, the thread was named after the second: that address redirects.
    earlier = grid(without(story_corpus, "2019-03-12"))
    assert earlier.slug != whole.slug and earlier.slug in whole.aliases
    assert len(whole.aliases) == len(whole.members) - 1


def test_thread_titles_are_a_headline_of_the_story_and_its_years(
    story_corpus: list[Article], settings: Settings
) -> None:
    corpus = link_corpus(story_corpus, settings)
    titles = {a.path: a.title for a in story_corpus}
    for thread in corpus.threads:
        headline, _, years = thread.title.rpartition(", ")
        assert headline in {titles[m] for m in thread.members}, thread.title
        first, last = (m[:4] for m in (thread.members[0], thread.members[-1]))
        assert years == f"{first}\N{EN DASH}{last}"
    assert link_corpus(story_corpus, settings).threads == corpus.threads  # deterministic


def test_a_thread_title_is_overridden_in_one_line(
    story_corpus: list[Article], settings: Settings
) -> None:
    by_settings = replace(
        settings,
        thread_titles=(
            ("2020-09-22-bridge-danube-governments-agree-funding", "The Danube bridge"),
        ),
    )
    bridge = next(t for t in link_corpus(story_corpus, by_settings).threads if "bridge" in t.slug)
    assert bridge.title == "The Danube bridge"  # keyed by any member's name, as it lasts
    security = next(a for a in story_corpus if "munich" in a.path)
    titled = with_extra(security, "thread_title", "Macron and Russia, 2019-2023")
    corpus = link_corpus([*without(story_corpus, "munich"), titled], settings)
    assert "Macron and Russia, 2019-2023" in {t.title for t in corpus.threads}


def test_near_misses_are_listed_with_what_they_share(
    story_corpus: list[Article], settings: Settings
) -> None:
    """At the default threshold our corpus has no pair just under it (its unrelated pairs
    share no name and no phrase: the names gate scores them 0), so a stricter threshold
    makes its weaker pairs of one story the near misses."""
    strict = replace(settings, link_threshold=0.3)
    corpus = link_corpus(story_corpus, strict, near_misses=True)
    linked = {frozenset((x.source, x.target)) for x in corpus.links}
    assert corpus.near_misses
    labels = story_labels()
    for miss in corpus.near_misses:
        assert frozenset((miss.source, miss.target)) not in linked
        assert strict.link_threshold * 0.7 <= miss.score < strict.link_threshold
        assert any(r.startswith("shared: ") for r in miss.reasons)
        assert labels[miss.source] == labels[miss.target]
    assert link_corpus(story_corpus, strict).near_misses == ()  # only when asked


def test_sharing_only_a_famous_name_is_no_story(settings: Settings) -> None:
    wine = process_bytes(
        b" date 2021-09-14\nMacron opens a cheese market in Lyon\n\n"
        b"French President Emmanuel Macron opened the old cheese market in Lyon on Tuesday"
        b" and tasted the goat cheeses of the Monts du Lyonnais.\n\n"
        b'"Our cheesemakers are the pride of France," Macron said to the stallholders.\n',
        "raw/cheese.txt",
        settings,
    )
    security = process_bytes(
        b" date 2022-01-20\nMacron calls for a European security order with Russia\n\n"
        b"French President Emmanuel Macron called on Thursday for a new European security"
        b" order negotiated with Russia and the NATO allies.\n\n"
        b'"Europe must build its own security architecture," Macron said in Strasbourg.\n',
        "raw/security.txt",
        settings,
    )
    assert link_corpus([wine, security], settings).links == ()


def test_transliterated_names_count_as_one_term() -> None:
    from generator.terms import term  # noqa: PLC0415

    assert term("Sergei") == term("Sergey")
    assert term("Zelenskyy") == term("Zelensky") == term("Zelenskiy")
    assert term("Türkiye") == term("Turkiye")


def test_one_story_in_other_words_is_linked(settings: Settings) -> None:
    """A paraphrase with the names spelled another way (a translation) joins the report."""
    report = process_bytes(
        b" date 2021-03-02\nKarelian ferry operator Sergei Lindqvist halts Lake Onega crossings\n\n"
        b"The ferry operator Sergei Lindqvist halted all crossings of Lake Onega on Tuesday after"
        b" ice floes damaged two hulls near Petrozavodsk harbour.\n\n"
        b"Lindqvist said the Kizhi route would stay closed until inspectors had surveyed the"
        b" damaged hulls and the Onega pier.\n",
        "raw/report.txt",
        settings,
    )
    translated = process_bytes(
        b" date 2021-03-03\nSergey Lindkvist stops Onega lake ferries after ice hits boats\n\n"
        b"Sergey Lindqvist, who runs the Onega ferries, stopped the lake crossings after floating"
        b" ice struck two boats close to the Petrozavodsk port.\n\n"
        b"The Kizhi line stays shut until inspectors have examined the hulls and the Onega pier,"
        b" Lindqvist said.\n",
        "raw/translated.txt",
        settings,
    )
    corpus = link_corpus([report, translated], settings)
    assert {(x.source, x.target) for x in corpus.links} == {
        ("raw/report.txt", "raw/translated.txt"),
        ("raw/translated.txt", "raw/report.txt"),
    }
    assert len(corpus.threads) == 1


def test_reasons_name_a_quotation_both_report(settings: Settings) -> None:
    said = b'"The ferries will not sail again until every hull has been surveyed by inspectors,"'
    first = process_bytes(
        b" date 2021-03-02\nLake Onega ferries halted after ice damages two hulls\n\n"
        b"The ferry operator Sergei Lindqvist halted all crossings of Lake Onega on Tuesday after"
        b" ice floes damaged two hulls near Petrozavodsk harbour.\n\n"
        + said
        + b" Lindqvist said at the Onega pier.\n",
        "raw/first.txt",
        settings,
    )
    second = process_bytes(
        b" date 2021-03-04\nOnega crossings stay closed as inspectors survey ferry hulls\n\n"
        b"Crossings of Lake Onega stayed closed on Thursday while inspectors surveyed the two"
        b" ferry hulls damaged by ice near Petrozavodsk harbour.\n\n"
        + said
        + b" Sergey Lindqvist told reporters.\n",
        "raw/second.txt",
        settings,
    )
    link = next(x for x in link_corpus([first, second], settings).links)
    assert any(
        r.startswith("both report \N{LEFT DOUBLE QUOTATION MARK}The ferries will not")
        for r in link.reasons
    ), link.reasons
    assert link.reasons[0] == "Both quote Sergei Lindqvist"  # one spelling (a tie: A to Z)


def test_two_strikes_on_two_seas_are_two_stories(settings: Settings) -> None:
    """No person in common, only words of the trade and a word of two different names
    ("Sea", "Board"): the pieces share no phrase, so no story."""
    north = process_bytes(
        b" date 2022-11-08\n"
        b"Ferry crews on the Hallin Sea crossing vote to strike over short staffing\n"
        b"\n"
        b"Deckhands and engineers on the Hallin Sea ferry route voted on Tuesday to "
        b"strike from next week, saying the crews have worked short-staffed for two "
        b"years.\n"
        b"\n"
        b"The crews want the ferry company to hire forty more deckhands before the winter "
        b"timetable starts, and say the strike will stop every sailing on the route.\n"
        b"\n"
        b'"We are tired, and tired crews make mistakes at sea," the union\'s branch '
        b"secretary told members after the vote.\n"
        b"\n"
        b"The ferry company said it regretted the strike vote and would return to talks "
        b"with the union on Thursday at the Hallin Maritime Board.\n",
        "raw/north.txt",
        settings,
    )
    south = process_bytes(
        b" date 2023-03-14\n"
        b"Strike halts ferries across the Corran Sea as crews walk out\n"
        b"\n"
        b"Crews across the Corran Sea walked out on Monday, halting the boats between the "
        b"islands and the mainland in a strike over how many deckhands each crossing "
        b"carries.\n"
        b"\n"
        b"The union says the operator sails with too few deckhands and engineers, and "
        b"that its crews have been stretched since the spring.\n"
        b"\n"
        b"Islanders who depend on the ferries for hospital visits said the strike left "
        b"them stranded, and the operator said talks with the union at the Island Labour "
        b"Board had broken down.\n"
        b"\n"
        b'"Our members want safe crews on the water," a union spokesman said at the '
        b"harbour.\n",
        "raw/south.txt",
        settings,
    )
    assert link_corpus([north, south], settings).links == ()
    near = link_corpus([north, south], settings, near_misses=True).near_misses
    assert near == ()  # not even a near miss: the names gate sets its score to 0


def test_a_shared_phrase_and_place_link_pieces_that_share_no_person(settings: Settings) -> None:
    """Two pieces of one story naming nobody in common, but the same country and the same
    thing ("floor price", "minimum export price"), are linked."""
    floor = process_bytes(
        b" date 2020-09-15\n"
        b"Government sets a floor price for parboiled rice exports\n"
        b"\n"
        b"The government of Varesh on Tuesday fixed a minimum export price for parboiled "
        b"rice, a floor price that exporters may not undercut for the next six months.\n"
        b"\n"
        b"Officials said the floor price would stop exporters undercutting each other "
        b"abroad while paddy prices at home are rising.\n"
        b"\n"
        b"Exporters said contracts already signed at lower prices could not be honoured "
        b"under the new floor price.\n",
        "raw/floor.txt",
        settings,
    )
    exemption = process_bytes(
        b" date 2021-05-12\n"
        b"Island state wins exemption from the rice floor price\n"
        b"\n"
        b"Pelmar has secured an exemption from the floor price on Varesh's parboiled rice "
        b"exports for 150,000 tonnes a year, its trade ministry announced on Wednesday.\n"
        b"\n"
        b"The ministry said the exemption from the minimum export price would keep the "
        b"price of a basic food steady for its residents.\n"
        b"\n"
        b"Importers will be able to apply for a share of the quota from June, and the "
        b"exemption lasts until the floor price is next reviewed.\n",
        "raw/exemption.txt",
        settings,
    )
    corpus = link_corpus([floor, exemption], settings)
    assert {(x.source, x.target) for x in corpus.links} == {
        ("raw/floor.txt", "raw/exemption.txt"),
        ("raw/exemption.txt", "raw/floor.txt"),
    }
    assert len(corpus.threads) == 1


def test_a_name_shared_in_part_is_no_shared_name(settings: Settings) -> None:
    """A film called "The Lantern Bridge" about a town cut in half by a closed bridge is
    not a report on the closure of the Old Lantern Bridge: "Lantern Bridge" is part of two
    different names, and the rest is words both stories use."""
    closure = process_bytes(
        b" date 2023-10-02\n"
        b"Old Lantern Bridge shut after inspectors find cracks in its arch\n"
        b"\n"
        b"The Old Lantern Bridge over the River Fell was closed to all traffic on Monday "
        b"after inspectors found cracks in its main stone arch.\n"
        b"\n"
        b"Buses between the two halves of the town now take a forty-minute detour, and "
        b"the bakery on the far bank says it has lost half its trade since the bridge "
        b"closed.\n"
        b"\n"
        b'"Nobody crosses the Old Lantern Bridge until we know it is safe," the council\'s '
        b"highways officer said.\n",
        "raw/closure.txt",
        settings,
    )
    film = process_bytes(
        b" date 2025-02-07\n"
        b"The Lantern Bridge review: a valley town cut in half\n"
        b"\n"
        b"There is a moment in The Lantern Bridge when a bus driver stops his empty bus "
        b"at the barrier across a closed stone bridge and simply sits there, engine "
        b"running.\n"
        b"\n"
        b"The film follows a family over the two years the bridge stays shut, cutting "
        b"their town in half: the grandmother lives on one bank, the family bakery is on "
        b"the other.\n"
        b"\n"
        b"The Lantern Bridge is a quiet, funny debut, and its cast of first-time actors "
        b"steals every scene; it is in cinemas from Friday.\n",
        "raw/film.txt",
        settings,
    )
    assert "Old Lantern Bridge" in closure.people
    assert link_corpus([closure, film], settings).links == ()


def test_story_labels_read_both_listing_forms_and_name_a_bad_line(tmp_path: Path) -> None:
    for name in ("a.txt", "b.txt", "c.txt"):
        (tmp_path / name).write_text("text", encoding="utf-8")
    (tmp_path / "stories.txt").write_text("river: a.txt b.txt\nc.txt -\n", encoding="utf-8")
    assert labels_in(tmp_path) == {
        "a.txt": "river",
        "b.txt": "river",
        "c.txt": "distractor-c.txt",
    }
    (tmp_path / "stories.txt").write_text("river a.txt b.txt\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"stories.txt:1: not a story line"):
        labels_in(tmp_path)
    (tmp_path / "stories.txt").write_text("river: a.txt gone.txt\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"gone\.txt"):
        labels_in(tmp_path)


def test_a_reform_next_door_that_names_the_story_only_in_its_body_is_no_story(
    settings: Settings,
) -> None:
    """Two pieces on Varesh's pension age share a phrase and the country in their leads; a
    piece on Pelmar's pension cap that compares it with Varesh's names Varesh only further
    down, and shares no person with them: it is another country's story."""
    first = process_bytes(
        b" date 2019-04-02\nVaresh plans to raise its pension age to 67\n\n"
        b"Varesh will raise the pension age from 65 to 67 over ten years, the labour ministry "
        b"said on Tuesday, as the cost of pensions outgrows what workers pay in.\n\n"
        b"The plan links the pension age to life expectancy after 2030 and keeps early "
        b"retirement for miners and nurses.\n\n"
        b"Unions said the pension age rise would punish people who started work at 16.\n",
        "raw/varesh-plan.txt",
        settings,
    )
    second = process_bytes(
        b" date 2022-10-11\nVaresh parliament passes pension age rise after long night\n\n"
        b"Varesh's parliament passed the rise in the pension age to 67 early on Tuesday, "
        b"after a night of debate in which the opposition read out letters from nurses.\n\n"
        b"The pension age will rise by two months a year from 2024, and early retirement "
        b"stays for miners.\n\n"
        b"Unions said they would challenge the pension age law in the constitutional court.\n",
        "raw/varesh-vote.txt",
        settings,
    )
    neighbour = process_bytes(
        b" date 2023-02-07\nPelmar scraps its pension cap and ties retirement to life expectancy\n\n"
        b"Pelmar's government scrapped the cap on the retirement age on Tuesday and tied it "
        b"to life expectancy, in a law the finance ministry says will save money by 2040.\n\n"
        b"The retirement age will rise by a few months every year, and early retirement "
        b"stays for miners and nurses who have worked for 40 years.\n\n"
        b"Ministers compared the law with the pension age rise next door in Varesh, which "
        b"they said had been harsher on people who started work young.\n",
        "raw/pelmar-cap.txt",
        settings,
    )
    corpus = link_corpus([first, second, neighbour], settings)
    pairs = {frozenset((x.source, x.target)) for x in corpus.links}
    assert frozenset(("raw/varesh-plan.txt", "raw/varesh-vote.txt")) in pairs
    assert not any("raw/pelmar-cap.txt" in pair for pair in pairs)
