"""Incremental builds: unchanged pages are copied from the previous site, and the result is
byte for byte what a full build of the same content gives."""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

import pytest

from .conftest import CASES, briefing, new_project, tree_hash

CORPUS = sorted(p for p in (CASES / "corpus").glob("*.txt") if p.name != "stories.txt")


def _project(root: Path) -> Path:
    root.mkdir(parents=True)
    project = new_project(root)
    for path in CORPUS:
        shutil.copy(path, project / "content" / "raw" / path.name)
    return project


def _build(project: Path) -> tuple[int, int]:
    """Build as a user does; return (pages rendered, pages copied unchanged)."""
    result = briefing("build", cwd=project)
    assert result.returncode == 0, result.stderr
    found = re.search(
        r"Built (\d+) pages into .* in [\d.]+ s(?:; (\d+) rendered, (\d+) unchanged)?",
        result.stdout,
    )
    assert found, result.stdout
    total = int(found.group(1))
    if found.group(2) is None:
        return total, 0
    return int(found.group(2)), int(found.group(3))


def _site(project: Path) -> str:
    """The site's hash without Pagefind's folder (its file order is not stable, see README)."""
    site = project / "output"
    kept = project.parent / f"{project.name}-site"
    shutil.copytree(site, kept, ignore=shutil.ignore_patterns("pagefind"))
    try:
        return tree_hash(kept)
    finally:
        shutil.rmtree(kept)


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return _project(tmp_path / "work")


def test_adding_and_removing_articles_rebuilds_only_what_changed(
    project: Path, tmp_path: Path
) -> None:
    raw = project / "content" / "raw"
    added, removed = CORPUS[3], CORPUS[11]
    (raw / added.name).unlink()
    rendered, reused = _build(project)
    assert reused == 0 and rendered > 40  # first build: everything rendered

    shutil.copy(added, raw / added.name)
    (raw / removed.name).unlink()
    rendered, reused = _build(project)
    assert rendered > 0 and reused >= 15  # the unaffected pages came from the previous site

    # The same content built from scratch (a fresh project, no cache) gives the same bytes.
    fresh = _project(tmp_path / "fresh")
    (fresh / "content" / "raw" / removed.name).unlink()
    assert _build(fresh)[1] == 0
    assert _site(project) == _site(fresh)


def test_nothing_changed_means_nothing_rendered(project: Path) -> None:
    _build(project)
    before, search = _site(project), tree_hash(project / "output" / "pagefind")
    rendered, reused = _build(project)
    assert rendered == 0 and reused > 40
    assert _site(project) == before
    # The search index was kept too (Pagefind itself never writes the same bytes twice).
    assert tree_hash(project / "output" / "pagefind") == search

    raw = project / "content" / "raw"
    (raw / CORPUS[0].name).unlink()
    _build(project)
    assert tree_hash(project / "output" / "pagefind") != search  # re-indexed after a change


def test_adding_an_article_reindexes_only_its_years_search_shard(project: Path) -> None:
    raw, search = project / "content" / "raw", project / "output" / "pagefind"
    added = next(p for p in CORPUS if p.name.startswith("2019-11-07"))
    (raw / added.name).unlink()
    _build(project)
    before = {shard.name: tree_hash(shard) for shard in search.iterdir()}
    assert {"2018", "2019", "2025"} <= set(before)  # one Pagefind bundle per year

    shutil.copy(added, raw / added.name)
    _build(project)
    after = {shard.name: tree_hash(shard) for shard in search.iterdir()}
    assert after.keys() == before.keys()
    changed = {name for name in after if after[name] != before[name]}
    # The new article links to others in other years, but links are not searchable text:
    # only the year it joined was indexed again.
    assert changed == {"2019"}


FISHING = """ date 2021-03-01
Fishing quotas dominate talks in Brussels

Ministers met in Brussels on Monday to settle the year's fishing quotas for the North Sea.

"We cannot let the boats sit idle while the stocks recover," Macron said after the session.

Negotiators expect a deal on cod and herring by Friday, though the mackerel share is open.
"""
FROST = """ date 2023-06-10
Vineyards count the cost of a late frost

Growers across Burgundy are counting the cost of a late frost that hit the vines in April.

French President Emmanuel Macron visited a cooperative near Beaune and promised help.

"The harvest will be small, but the wine will be good," the cooperative's director said.
"""


def test_a_speaker_named_in_full_elsewhere_rerenders_the_page_that_quotes_him(
    tmp_path: Path,
) -> None:
    # "Macron" becomes "Emmanuel Macron" on the fishing page only while the frost article,
    # which names him in full, is in the briefing; the two articles share no link.
    (tmp_path / "work").mkdir()
    project = new_project(tmp_path / "work")
    shutil.rmtree(project / "content")
    raw = project / "content" / "raw"
    raw.mkdir(parents=True)
    (raw / "fishing.txt").write_text(FISHING, encoding="utf-8")
    (raw / "frost.txt").write_text(FROST, encoding="utf-8")
    page = (
        project
        / "output"
        / "articles"
        / "2021-03-01-fishing-quotas-dominate-talks-in-brussels.html"
    )
    _build(project)
    assert "Emmanuel Macron" in page.read_text(encoding="utf-8")
    assert "2023-06-10" not in page.read_text(encoding="utf-8")  # no link to the frost piece
    (raw / "frost.txt").unlink()
    _build(project)
    assert "Emmanuel Macron" not in page.read_text(encoding="utf-8")
    (raw / "frost.txt").write_text(FROST, encoding="utf-8")
    _build(project)
    assert "Emmanuel Macron" in page.read_text(encoding="utf-8")


def test_a_template_change_rerenders_every_page(project: Path) -> None:
    _build(project)
    base = project / "theme" / "templates" / "base.html"
    base.write_text(
        base.read_text(encoding="utf-8").replace("</footer>", "<p>Edited footer</p></footer>"),
        encoding="utf-8",
    )
    rendered, reused = _build(project)
    assert reused == 0 and rendered > 40
    pages = list((project / "output").rglob("*.html"))
    assert pages and all("Edited footer" in p.read_text(encoding="utf-8") for p in pages)


def test_a_settings_change_rerenders_every_page(project: Path) -> None:
    _build(project)
    settings = project / "pelicanconf.py"
    settings.write_text(
        settings.read_text(encoding="utf-8").replace(
            'SITENAME = "Macron, European security and Russia"', 'SITENAME = "Renamed briefing"'
        ),
        encoding="utf-8",
    )
    rendered, reused = _build(project)
    assert reused == 0 and rendered > 40
    assert "Renamed briefing" in (project / "output" / "index.html").read_text(encoding="utf-8")


def test_a_page_edited_by_hand_in_output_is_rendered_again(project: Path) -> None:
    _build(project)
    page = sorted((project / "output" / "articles").glob("*.html"))[0]
    original = page.read_bytes()
    page.write_bytes(original.replace(b"</main>", b"<p>tampered</p></main>"))
    rendered, reused = _build(project)
    assert rendered == 1 and reused > 40  # only the page whose bytes no longer match
    assert page.read_bytes() == original


def _scratch(project: Path, where: Path) -> Path:
    """The same settings, theme and content in a new folder, without the cache or the site."""
    shutil.copytree(
        project, where, ignore=shutil.ignore_patterns(".briefing-cache", "output", ".output.*")
    )
    return where


def test_additions_edits_and_removals_give_what_a_build_from_scratch_gives(
    project: Path, tmp_path: Path
) -> None:
    raw = project / "content" / "raw"
    held = [CORPUS[2], CORPUS[5], CORPUS[9]]
    for path in held:
        (raw / path.name).unlink()
    _build(project)
    edited = raw / CORPUS[0].name
    original = edited.read_bytes()

    def add(path: Path) -> None:
        shutil.copy(path, raw / path.name)

    def edit() -> None:  # a new quoted paragraph: new quotes, call-outs, maybe new links
        edited.write_bytes(
            original + b'\n"Europe must decide for itself," the minister told reporters.\n'
        )

    def correct() -> None:  # the analyst's corrections, beside the paste
        name = CORPUS[1].name.removesuffix(".txt") + ".analyst.md"
        (raw / name).write_text("Title: A corrected headline\n", encoding="utf-8")

    steps = [
        [lambda: add(held[0])],
        [lambda: add(held[1]), edit],
        [(raw / CORPUS[7].name).unlink, correct],
        [lambda: add(held[2]), lambda: edited.write_bytes(original)],
    ]
    for number, step in enumerate(steps):
        for change in step:
            change()
        rendered, reused = _build(project)
        assert rendered > 0 and reused > 0, number  # incremental: some pages kept, some made
        fresh = _scratch(project, tmp_path / f"fresh-{number}")
        assert _build(fresh)[1] == 0  # from scratch: every page rendered
        assert _site(project) == _site(fresh), number
        shutil.rmtree(fresh)


def test_a_build_with_nothing_changed_is_skipped_and_says_so(project: Path) -> None:
    _build(project)
    before = tree_hash(project / "output")
    result = briefing("build", cwd=project)
    assert result.returncode == 0, result.stderr
    assert "nothing changed since the last build" in result.stdout
    assert tree_hash(project / "output") == before


def test_a_skipped_build_repeats_the_warnings_of_the_build_it_stands_for(project: Path) -> None:
    raw = project / "content" / "raw"
    (raw / "undated.txt").write_text(
        "A headline without a date\n\n" + FISHING.split("\n", 2)[2], encoding="utf-8"
    )
    first = briefing("build", cwd=project)
    second = briefing("build", cwd=project)
    assert first.returncode == second.returncode == 0
    assert "nothing changed since the last build" in second.stdout
    assert "no date found" in first.stderr
    assert second.stderr == first.stderr
    assert "1 article has no date: raw/undated.txt" in second.stdout


def test_a_new_day_builds_again(project: Path) -> None:
    # The pack says the day it was made on: the same content another day is another site.
    day_one = {**os.environ, "SOURCE_DATE_EPOCH": "1700000000"}
    day_two = {**day_one, "SOURCE_DATE_EPOCH": "1700086400"}
    assert briefing("build", cwd=project, env=day_one).returncode == 0
    pack = (project / "output" / "briefing.pdf").read_bytes()
    result = briefing("build", cwd=project, env=day_two)
    assert result.returncode == 0, result.stderr
    assert "nothing changed" not in result.stdout
    assert (project / "output" / "briefing.pdf").read_bytes() != pack


def test_a_file_removed_from_the_site_is_put_back(project: Path) -> None:
    _build(project)
    before = tree_hash(project / "output")
    (project / "output" / "robots.txt").unlink()
    result = briefing("build", cwd=project)
    assert result.returncode == 0, result.stderr
    assert "nothing changed" not in result.stdout
    assert tree_hash(project / "output") == before
