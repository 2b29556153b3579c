"""Nothing downstream is built from junk (issue 19): people pages, link reasons and thread
titles come only from what the cleaner kept as the article, never from lines it set aside.

The pastes are our own labelled sets, written by helpers in the layouts of many kinds of
site, full of menus, banners, captions, bylines and related headlines."""

from __future__ import annotations

import re

import pytest

from generator.links import link_corpus
from generator.model import Article
from generator.pipeline import process_file
from generator.settings import Settings
from generator.view import people_views

from .conftest import CASES

SETS = [
    "pastes-dev",
    "pastes-holdout",
    "pastes-clean-holdout",
    "pastes-clean-dev2",
    "pastes-quotes-holdout",
    "pastes-quotes-blind",
    "pastes-blind8",
    "pastes-blind9",
]


def _kept(article: Article) -> str:
    return " ".join([article.title, article.standfirst or "", *article.paragraphs])


def _folded(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.casefold()))


@pytest.mark.parametrize("name", SETS)
def test_people_reasons_and_threads_come_from_the_kept_text(name: str) -> None:
    settings = Settings()
    files = sorted((CASES / name).glob("*.txt"))
    articles = [process_file(path, f"raw/{path.name}", settings) for path in files]
    corpus = link_corpus(articles, settings)
    kept = {a.path: _folded(_kept(a)) for a in corpus.articles}
    everything = " ".join(kept.values())

    people = people_views(corpus, {a.path: "x.html" for a in corpus.articles})
    assert people, "these sets quote named people"
    for person in people:
        surname = _folded(person["name"]).split()[-1]
        assert f" {surname} " in f" {everything} ", person["name"]

    for link in corpus.links:
        both = f" {kept[link.source]} {kept[link.target]} "
        for reason in link.reasons:
            named = reason.split(": ", 1)[-1] if reason.startswith("shared") else reason
            for word in re.findall(r"\b[A-Z][\w'\-]+", named):
                if word in {"Both", "Linked", "Shared"}:
                    continue
                stem = _folded(word)[:5]  # the index's terms are stems: "Worker" for "workers"
                assert f" {stem}" in both, (link.source, link.target, reason)

    titles = {_folded(a.title) for a in corpus.articles}
    for thread in corpus.threads:
        title = _folded(re.sub(r",? \d{4}(?:\N{EN DASH}\d{4})?$", "", thread.title))
        assert any(t.startswith(title) or title.startswith(t) for t in titles), thread.title


def test_chrome_in_title_case_never_becomes_a_person(tmp_path) -> None:  # type: ignore[no-untyped-def]
    paste = tmp_path / "chrome.txt"
    paste.write_text(
        "Skip to main content\nHerald Shift\nPrivacy Policy\nMost Read\n\n"
        "Ferry operator doubles winter timetable\n"
        "By Anna Example\n"
        "Published 12 January 2023\n\n"
        "The island ferry will sail twice a day through the winter, its operator said on "
        "Thursday, after a campaign by residents who said one sailing was not enough.\n\n"
        "“Two boats a day is what a living island needs,” said Tomas Example, who chairs the "
        "residents' association.\n\n"
        "Read more\nMacron Says Europe Must Act Now\n\n"
        "Privacy Policy | Terms of Use | Cookie Settings\n",
        encoding="utf-8",
    )
    settings = Settings()
    article = process_file(paste, "raw/chrome.txt", settings)
    corpus = link_corpus([article], settings)
    names = {p["name"] for p in people_views(corpus, {article.path: "x.html"})}
    assert names == {"Tomas Example"}
    assert article.title == "Ferry operator doubles winter timetable"
    assert not any("Privacy" in p or "Macron" in p for p in article.paragraphs)
