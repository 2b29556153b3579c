"""One person, one page: spellings merged across a briefing, and no page name shared."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generator.people import merge_names, person_key

from .conftest import CASES, briefing, new_project


@pytest.mark.parametrize(
    ("variant", "why"),
    [
        ("EMMANUEL MACRON", "case"),
        ("Emmanuel Macrón", "accents"),
        ("Mr. Emmanuel Macron", "honorific"),
        ("Emanuel Macron", "typo"),
        ("Emmanuel Macon", "typo"),
        ("Emmanuel Macronin", "ending"),
    ],
)
def test_spellings_of_one_person_merge_with_a_reason(variant: str, why: str) -> None:
    merged = merge_names({"Emmanuel Macron": 4, variant: 1})
    assert merged[variant].name == "Emmanuel Macron"
    assert merged[variant].why == why
    assert merged["Emmanuel Macron"].why == ""


def test_transliterations_merge_and_different_people_do_not() -> None:
    merged = merge_names(
        {
            "Sergei Lavrov": 2,
            "Sergey Lavrov": 1,
            "Bill Clinton": 1,
            "Hillary Clinton": 3,
            "Mark Kelly": 1,
            "Mary Kelly": 1,
        }
    )
    assert merged["Sergey Lavrov"].name == "Sergei Lavrov"
    assert merged["Bill Clinton"].name == "Bill Clinton"
    assert merged["Mark Kelly"].name == "Mark Kelly" and merged["Mary Kelly"].name == "Mary Kelly"
    assert person_key("Volodymyr Zelenskyy") == person_key("Volodymyr Zelensky")


def test_the_display_name_does_not_depend_on_order() -> None:
    names = {"EMMANUEL MACRON": 2, "Emmanuel Macron": 2, "Emmanuel Macon": 1}
    reverse = dict(reversed(list(names.items())))
    assert merge_names(names) == merge_names(reverse)
    assert {m.name for m in merge_names(names).values()} == {"Emmanuel Macron"}


SHOUTING = (
    "date 2022-05-02\nEurope must stand on its own feet\n\n"
    "EMMANUEL MACRON spoke in Strasbourg on Monday.\n\n"
    '"Europe must learn to defend itself without waiting for anyone else," EMMANUEL MACRON said.\n'
)
PLAIN = (
    "date 2022-05-03\nMacron calls for a new security order\n\n"
    "Emmanuel Macron spoke in Berlin on Tuesday.\n\n"
    '"We need a new security order for the whole continent, and we need it soon," '
    "Emmanuel Macron said.\n\n"
    '"It will take years of patient work, but we will get there together," Emmanuel Macon said.\n'
)


def test_two_spellings_build_one_person_page(tmp_path: Path) -> None:
    root = new_project(tmp_path)
    raw = root / "content" / "raw"
    (raw / "shouting.txt").write_text(SHOUTING, encoding="utf-8")
    (raw / "plain.txt").write_text(PLAIN, encoding="utf-8")
    result = briefing("build", cwd=root)
    assert result.returncode == 0, result.stderr
    pages = sorted(p.name for p in (root / "output" / "people").glob("emmanuel-*.html"))
    assert pages == ["emmanuel-macron.html"]
    page = (root / "output" / "people" / "emmanuel-macron.html").read_text(encoding="utf-8")
    assert "defend itself without waiting" in page and "years of patient work" in page
    listing = briefing("quotes", str(raw / "shouting.txt"), str(raw / "plain.txt"), cwd=root)
    assert "'EMMANUEL MACRON' is shown as 'Emmanuel Macron' (case)" in listing.stdout
    assert "'Emmanuel Macon' is shown as 'Emmanuel Macron' (typo)" in listing.stdout


CORPORA = [
    "pastes-dev",
    "pastes-holdout",
    "pastes-quotes-holdout",
    "pastes-quotes-blind",
    "pastes-blind8",
    "pastes-blind9",
    "corpus",
]


@pytest.mark.parametrize("corpus", CORPORA)
def test_each_corpus_builds_together_and_one_article_at_a_time(corpus: str, tmp_path: Path) -> None:
    files = sorted((CASES / corpus).glob("*.txt"))
    assert len(files) >= 15
    (tmp_path / "together").mkdir()
    (tmp_path / "single").mkdir()
    together = new_project(tmp_path / "together")
    shutil.rmtree(together / "content" / "raw")
    (together / "content" / "raw").mkdir()
    for path in files:
        shutil.copy(path, together / "content" / "raw" / path.name)
    result = briefing("build", cwd=together)
    assert result.returncode == 0, result.stderr
    assert len(list((together / "output" / "articles").glob("*.html"))) == len(files)
    single = new_project(tmp_path / "single")
    with (single / "pelicanconf.py").open("a", encoding="utf-8") as settings:
        settings.write('\nBRIEFING = {**BRIEFING, "pack": False}  # one article: no PDF needed\n')
    for path in files:
        shutil.rmtree(single / "content" / "raw")
        (single / "content" / "raw").mkdir()
        shutil.copy(path, single / "content" / "raw" / path.name)
        result = briefing("build", cwd=single)
        assert result.returncode == 0, f"{path.name}: {result.stderr[-800:]}"
        assert len(list((single / "output" / "articles").glob("*.html"))) == 1, path.name
