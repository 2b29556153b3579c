"""The analyst's workflow (issue 23), tried as a person would: start a briefing, add a paste
and review what was decided, correct it beside the paste, write a note and a summary, and
publish it safely. Every test runs the `briefing` command and reads what a reader gets."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from .conftest import ROOT, briefing, new_project, tree_hash

# Fictional pastes, written for these tests.
MENU_PASTE = b"""Menu Europe World Business Opinion
Defence
7 November 2019
Harbour city council votes to keep the ferry running

PORTLAND BAY \xe2\x80\x94 The harbour city council voted on Thursday to keep the night ferry running for another year, after a campaign by shift workers who said the last bus left too early for them to get home.

"We were told the ferry was a luxury, but for us it is the only way home," said Mira Castell, a nurse who led the campaign.

The council's finance committee had proposed ending the service in January to save money, a plan it dropped after more than two thousand residents signed a petition.

The vote leaves the question of how to pay for the service open until the budget is set in the spring.
"""

SECOND_PASTE = b""" date 2021-05-12
Ferry service wins a second reprieve from the harbour council

The harbour city council has again voted to keep the night ferry running, citing the shift workers who depend on it to get home from the hospital district.

"The ferry is part of how this city works at night," said councillor Tomas Rell, who chairs the transport committee.

The service will be reviewed again next year, when a new bridge is expected to open to cyclists and pedestrians.

Campaigners said they would go on collecting signatures until the service was guaranteed for good.
"""


@pytest.fixture
def briefing_dir(tmp_path: Path) -> Path:
    """A briefing started with `briefing new`, as the README's first screen says."""
    result = briefing(
        "new",
        "harbour",
        "--title",
        "The harbour ferry",
        "--description",
        "A city's night ferry.",
        cwd=tmp_path,
    )
    assert result.returncode == 0, result.stderr
    return tmp_path / "harbour"


def paste(folder: Path, name: str, data: bytes) -> Path:
    path = folder / name
    path.write_bytes(data)
    return path


def page(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def test_new_starts_a_briefing_with_its_settings_in_one_place(tmp_path: Path) -> None:
    result = briefing("new", "nato", "--title", "Allies and ferries", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    folder = tmp_path / "nato"
    assert (folder / "content" / "raw").is_dir() and (folder / "content" / "summary.md").is_file()
    settings = (folder / "pelicanconf.py").read_text(encoding="utf-8")
    assert "SITENAME = 'Allies and ferries'" in settings and '"private": True' in settings
    assert "briefing add" in result.stdout and "publishconf.py" in result.stdout
    built = briefing("build", cwd=folder)  # an empty briefing builds
    assert built.returncode == 0, built.stderr
    index = page(folder / "output" / "index.html")
    assert index.find("h1").get_text() == "Allies and ferries"
    again = briefing("new", "nato", "--title", "Again", cwd=tmp_path)
    assert again.returncode == 2 and "not empty" in again.stderr


def test_add_shows_what_it_decided_and_takes_corrections_beside_the_paste(
    briefing_dir: Path,
) -> None:
    source = paste(briefing_dir.parent, "ferry.txt", MENU_PASTE)
    result = briefing(
        "add", "--no-build", "--outlet", "Harbour Gazette", str(source), cwd=briefing_dir
    )
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "headline: Harbour city council votes to keep the ferry running" in out
    assert "date:     7 November 2019 (2019-11-07)" in out
    assert "outlet:   Harbour Gazette  (set by you)" in out
    assert "set aside" in out and "briefing fix" in out
    raw = briefing_dir / "content" / "raw"
    (stored,) = raw.glob("*.txt")
    assert stored.read_bytes() == MENU_PASTE  # verbatim
    sidecar = stored.with_name(stored.stem + ".analyst.md")
    assert sidecar.read_text(encoding="utf-8") == "Outlet: Harbour Gazette\n"
    shown = json.loads(briefing("clean", "--json", str(stored), cwd=briefing_dir).stdout)
    assert shown[str(stored)]["source"] == "Harbour Gazette"
    assert shown[str(stored)]["corrected"] == ["outlet"]
    as_pasted = json.loads(
        briefing("clean", "--json", "--raw", str(stored), cwd=briefing_dir).stdout
    )
    assert as_pasted[str(stored)]["source"] != "Harbour Gazette"


def test_fix_corrects_the_headline_everywhere_and_never_touches_the_paste(
    briefing_dir: Path,
) -> None:
    source = paste(briefing_dir.parent, "ferry.txt", MENU_PASTE)
    assert briefing("add", "--no-build", str(source), cwd=briefing_dir).returncode == 0
    (stored,) = (briefing_dir / "content" / "raw").glob("*.txt")
    before = stored.read_bytes()
    fixed = briefing(
        "fix",
        stored.name,
        "--title",
        "Night ferry saved by council vote",
        "--note",
        "**Why it matters:** the first vote on the ferry.",
        cwd=briefing_dir,
    )
    assert fixed.returncode == 0, fixed.stderr
    assert "headline: Night ferry saved by council vote  (set by you)" in fixed.stdout
    assert stored.read_bytes() == before
    site = briefing_dir / "output"
    (article,) = (site / "articles").glob("*night-ferry-saved-by-council-vote.html")
    # The address the page had before the correction (a link someone kept) still arrives.
    (moved,) = [p for p in (site / "articles").glob("*.html") if p != article]
    refresh = page(moved).find("meta", attrs={"http-equiv": "refresh"})
    assert refresh is not None and refresh["content"].endswith(f"articles/{article.name}")
    assert "noindex" in page(moved).find("meta", attrs={"name": "robots"})["content"]
    doc = page(article)
    assert doc.find("h1").get_text() == "Night ferry saved by council vote"
    note = doc.find("aside", class_="analyst-note")
    assert note is not None and "Analyst’s note" in note.get_text()
    assert note.find("strong").get_text() == "Why it matters:"
    assert "Title set by the analyst" in doc.find(class_="provenance").get_text()
    index = page(site / "index.html")
    assert "Night ferry saved by council vote" in index.get_text()
    assert "the first vote on the ferry" in index.find(class_="article-list").get_text()
    # Shown and cleared again: an empty value removes the correction.
    shown = briefing("fix", str(stored), cwd=briefing_dir)
    assert shown.returncode == 0 and "set by you" in shown.stdout and ".analyst.md" in shown.stdout
    cleared = briefing("fix", str(stored), "--title", "", "--clear", "note", cwd=briefing_dir)
    assert cleared.returncode == 0 and "Nothing is corrected now" in cleared.stdout
    kept = stored.with_name(stored.stem + ".analyst.md").read_text(encoding="utf-8")
    assert kept == f"Moved from: {article.stem}\n"  # the corrected address still redirects
    back = page(site / "articles" / article.name).find("meta", attrs={"http-equiv": "refresh"})
    assert back is not None and back["content"].endswith(f"articles/{moved.name}")
    missing = briefing("fix", "no-such-paste.txt", "--title", "X", cwd=briefing_dir)
    assert missing.returncode == 2 and "no-such-paste.txt: no such paste" in missing.stderr


def test_the_analysts_note_shows_on_the_front_pages_story_card(tmp_path: Path) -> None:
    project = new_project(tmp_path)  # the two seeds: one story, 2018 and 2022
    name = "2022-01-20-moscow-times-macron-calls-for-eu-russia-security-pact.txt"
    note = briefing("fix", name, "--note", "The pact idea, four years on.", cwd=project)
    assert note.returncode == 0, note.stderr
    card = page(project / "output" / "index.html").find("section", class_="thread")
    assert card is not None
    shown = card.find(class_="analyst-note")
    assert shown is not None and "The pact idea, four years on." in shown.get_text()
    assert "Analyst’s note" in shown.get_text()


def test_a_hand_written_analyst_file_with_a_mistake_is_named_not_fatal(
    briefing_dir: Path,
) -> None:
    raw = briefing_dir / "content" / "raw"
    paste(raw, "2021-05-12-ferry.txt", SECOND_PASTE)
    (raw / "2021-05-12-ferry.analyst.md").write_text(
        "Date: 12/05/2021\nOutlet: Harbour Gazette\n\nWorth reading with the 2019 vote.\n",
        encoding="utf-8",
    )
    result = briefing("build", cwd=briefing_dir)
    assert result.returncode == 0, result.stderr
    assert "2021-05-12-ferry.txt" in result.stderr and "12/05/2021 is not a date" in result.stderr
    (article,) = (briefing_dir / "output" / "articles").glob("*.html")
    text = page(article).get_text()
    assert "Harbour Gazette" in text and "12 May 2021" in text  # the paste's date stands
    assert "Worth reading with the 2019 vote." in text


def test_summary_is_on_the_front_page_and_the_pack_cover(briefing_dir: Path) -> None:
    paste(briefing_dir / "content" / "raw", "2021-05-12-ferry.txt", SECOND_PASTE)
    (briefing_dir / "content" / "summary.md").write_text(
        "The ferry survives *two* budget rounds.\n\n<script>alert(1)</script>\n", encoding="utf-8"
    )
    result = briefing("build", cwd=briefing_dir)
    assert result.returncode == 0, result.stderr
    index = page(briefing_dir / "output" / "index.html")
    summary = index.find("section", class_="analyst-summary")
    assert summary is not None and "Analyst’s summary" in summary.get_text()
    assert summary.find("em").get_text() == "two" and not index.find("script", string=True)
    cover = subprocess.run(
        ["pdftotext", "-f", "1", "-l", "1", str(briefing_dir / "output" / "briefing.pdf"), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    flat = " ".join(cover.split())
    assert "ANALYST’S SUMMARY" in flat and "The ferry survives two budget rounds." in flat
    assert "from articles up to 12 May 2021" in flat
    today = time.strftime("%-d %B %Y", time.gmtime())
    assert f"Made on {today}" in flat  # the day it was made, not the newest article's


def _copy_variants(raw: Path) -> None:
    """The same article four ways: exact copy, utm-tagged address, a menu line dropped, one
    body line changed; and an earlier one that must win."""
    url = "Original url: https://gazette.example/2021/05/12/ferry-reprieve"
    base = SECOND_PASTE.replace(b" date 2021-05-12\n", b" date 2021-05-12\n" + url.encode() + b"\n")
    paste(raw, "b-original.txt", base)
    paste(raw, "a-copy.txt", base)
    paste(
        raw,
        "c-utm.txt",
        base.replace(b"reprieve\n", b"reprieve?utm_source=news&utm_medium=x\n").replace(
            b"next year", b"within the year"
        ),
    )
    paste(
        raw, "d-menu.txt", SECOND_PASTE.replace(b"2021-05-12\n", b"2021-05-12\nSkip to content\n")
    )
    paste(raw, "e-changed.txt", SECOND_PASTE.replace(b"would go on", b"will keep"))


def test_duplicates_are_decided_the_same_way_every_time_and_explained(
    briefing_dir: Path,
) -> None:
    raw = briefing_dir / "content" / "raw"
    _copy_variants(raw)
    logs = []
    for seed in ("1", "7"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        result = briefing("build", "--output", f"out-{seed}", cwd=briefing_dir, env=env)
        assert result.returncode == 0, result.stderr
        logs.append(sorted(line for line in result.stderr.splitlines() if "left out" in line))
        assert len(list((briefing_dir / f"out-{seed}" / "articles").glob("*.html"))) == 1
    assert logs[0] == logs[1] and len(logs[0]) == 4
    log = "\n".join(logs[0])
    assert "raw/b-original.txt: the same file as raw/a-copy.txt; raw/a-copy.txt is published" in log
    assert "c-utm.txt: the same original article" in log and "tracking parameters" in log
    assert "d-menu.txt" in log and "e-changed.txt: nearly the same text" in log
    check = briefing("check", cwd=briefing_dir)
    assert check.returncode == 0  # copies are left out on purpose: warnings, as in the build
    assert sorted(line for line in check.stderr.splitlines() if "left out" in line) == logs[0]


def test_add_recognises_a_near_copy_and_says_which_is_kept(briefing_dir: Path) -> None:
    first = paste(briefing_dir.parent, "first.txt", SECOND_PASTE)
    assert briefing("add", "--no-build", str(first), cwd=briefing_dir).returncode == 0
    changed = paste(
        briefing_dir.parent,
        "again.txt",
        b"Skip to content\n" + SECOND_PASTE.replace(b"would go on", b"will keep"),
    )
    again = briefing("add", "--no-build", str(changed), cwd=briefing_dir)
    assert again.returncode == 1
    assert (
        "again.txt: nearly the same text (one paragraph differs) as raw/2021-05-12-" in again.stderr
    )
    assert "--force" in again.stderr


def test_commands_given_a_missing_folder_exit_2(tmp_path: Path) -> None:
    for command in (["check"], ["links"], ["build"], ["pdf"], ["add", "x.txt"]):
        result = briefing(*command, "--content", "no-such-folder", cwd=tmp_path)
        assert result.returncode == 2, (command, result.stdout)
        assert "no-such-folder does not exist" in result.stderr, command


def test_publishing_stops_without_a_proper_address(briefing_dir: Path) -> None:
    paste(briefing_dir / "content" / "raw", "2021-05-12-ferry.txt", SECOND_PASTE)
    env = {k: v for k, v in os.environ.items() if k != "BRIEFING_SITEURL"}
    for value, problem in [
        (None, "BRIEFING_SITEURL is not set"),
        ("gazette.example/ferry", "needs https://"),
    ]:
        run_env = {**env, **({"BRIEFING_SITEURL": value} if value else {})}
        result = briefing("--settings", "publishconf.py", "build", cwd=briefing_dir, env=run_env)
        assert result.returncode == 1 and problem in result.stderr, result.stderr
        assert "nothing was built" in result.stderr and not (briefing_dir / "output").exists()
    plain = {**env, "BRIEFING_SITEURL": "http://gazette.example/ferry"}
    result = briefing("--settings", "publishconf.py", "build", cwd=briefing_dir, env=plain)
    assert result.returncode == 0, result.stderr
    assert "is plain http" in result.stderr and "https://gazette.example/ferry" in result.stderr


def _publish(folder: Path, private: str) -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "BRIEFING_PRIVATE": private,
        "BRIEFING_SITEURL": "https://gazette.example/briefings/ferry",
    }
    return briefing("--settings", "publishconf.py", "build", cwd=folder, env=env)


def test_private_publishing_asks_for_no_index_and_lists_nothing(briefing_dir: Path) -> None:
    paste(briefing_dir / "content" / "raw", "2021-05-12-ferry.txt", SECOND_PASTE)
    private = _publish(briefing_dir, "1")
    assert private.returncode == 0, private.stderr
    site = briefing_dir / "output"
    assert (site / "robots.txt").read_text() == "User-agent: *\nDisallow: /\n"
    assert not (site / "sitemap.xml").exists() and not (site / "feeds").exists()
    for html in [site / "index.html", *(site / "articles").glob("*.html")]:
        robots = page(html).find("meta", attrs={"name": "robots"})
        assert robots is not None and "noindex" in robots["content"]
    assert "privately" in private.stdout and "Open " not in private.stdout
    public = _publish(briefing_dir, "0")
    assert public.returncode == 0, public.stderr
    assert (site / "sitemap.xml").is_file() and (site / "feeds" / "all.atom.xml").is_file()
    assert page(site / "index.html").find("meta", attrs={"name": "robots"}) is None
    assert "copy output/ to the host" in public.stdout


def test_bad_input_in_headlines_urls_and_outlets(tmp_path: Path) -> None:
    project = new_project(tmp_path)
    raw = project / "content" / "raw"
    paste(
        raw,
        "2020-03-03-script.txt",
        SECOND_PASTE.replace(
            b"Ferry service wins", b"Title: <script>alert(1)</script>Ferry service wins"
        )
        .replace(b"2021-05-12", b"2020-03-03")
        .replace(b'"The ferry', b'Original url: javascript:alert(1)\n\n"The ferry'),
    )
    before = tree_hash(project / "content")
    result = briefing("build", cwd=project)
    assert result.returncode == 0, result.stderr
    assert "the headline held HTML markup (<script>); it was removed" in result.stderr
    (article,) = (project / "output" / "articles").glob("2020-03-03-*.html")
    assert "script" not in article.name and "title" not in article.name
    doc = page(article)
    assert (
        doc.find("h1").get_text() == "Ferry service wins a second reprieve from the harbour council"
    )
    assert "javascript" not in article.read_text(encoding="utf-8").lower()
    index = (project / "output" / "index.html").read_text(encoding="utf-8")
    assert ", None<" not in index and "None</a>" not in index
    assert tree_hash(project / "content") == before
    assert (project / "content" / ".briefing-cache").is_dir()  # the cache is the briefing's own
    assert not (project / ".briefing-cache").exists()


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_serve_answers_a_missing_page_with_the_sites_404_and_stops_cleanly(
    briefing_dir: Path,
) -> None:
    port = _free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "generator.cli", "serve", "--port", str(port)],
        cwd=briefing_dir,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    try:
        deadline = time.monotonic() + 120
        while True:
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/index.html", timeout=5)
                break
            except (urllib.error.URLError, ConnectionError):
                assert time.monotonic() < deadline and process.poll() is None
                time.sleep(0.5)
        with pytest.raises(urllib.error.HTTPError) as missing:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/articles/no-such.html", timeout=5)
        assert missing.value.code == 404
        body = missing.value.read().decode("utf-8")
        assert "The harbour ferry" in body and "Error response" not in body
        # Its relative links work from any depth: they are read from the site's root.
        assert '<base href="/">' in body and 'href="./archives.html"' in body
    finally:
        process.send_signal(2)  # Ctrl-C, even if this suite was started with SIGINT ignored
        _, err = process.communicate(timeout=60)
    assert process.returncode == 0
    assert "leaked semaphore" not in err and "Traceback" not in err, err


def test_the_suite_never_reads_the_users_content_folder() -> None:
    from .conftest import SEEDS  # noqa: PLC0415

    assert SEEDS and all(seed.is_relative_to(ROOT / "tests" / "site") for seed in SEEDS)
    for source in (ROOT / "tests").glob("*.py"):
        text = source.read_text(encoding="utf-8")
        needle = "ROOT / " + '"content"'  # the user's articles, not ours (spelt apart: this file)
        assert needle not in text, source.name


def test_add_with_a_date_does_not_also_say_no_date_was_found(tmp_path: Path) -> None:
    from .conftest import briefing as run  # noqa: PLC0415

    made = run(
        "new", str(tmp_path / "b"), "--title", "Ferry", "--description", "A ferry.", cwd=tmp_path
    )
    assert made.returncode == 0, made.stderr
    paste = tmp_path / "ferry.txt"
    paste.write_text(
        "Ferry vote\n\nThe council voted on Thursday to keep the night ferry running.\n\n"
        '"We listened to the people who use it every night," said councillor Mira Osei.\n',
        encoding="utf-8",
    )
    added = run("add", "--date", "2019-11-07", "--no-build", str(paste), cwd=tmp_path / "b")
    assert added.returncode == 0, added.stderr
    assert "(set by you)" in added.stdout
    assert "no date found" not in added.stdout + added.stderr


def test_a_copy_added_with_force_never_hides_the_original(briefing_dir: Path) -> None:
    source = paste(briefing_dir.parent, "ferry.txt", SECOND_PASTE)
    assert briefing("add", "--no-build", str(source), cwd=briefing_dir).returncode == 0
    (stored,) = (briefing_dir / "content" / "raw").glob("*.txt")
    fixed = briefing(
        "fix", str(stored), "--note", "The one we discussed.", "--no-build", cwd=briefing_dir
    )
    assert fixed.returncode == 0, fixed.stderr
    again = briefing("add", "--force", "--no-build", str(source), cwd=briefing_dir)
    assert again.returncode == 0, again.stderr
    assert len(list((briefing_dir / "content" / "raw").glob("*.txt"))) == 2
    built = briefing("build", cwd=briefing_dir)
    assert built.returncode == 0, built.stderr
    (article,) = (briefing_dir / "output" / "articles").glob("*.html")
    assert "The one we discussed." in page(article).get_text()
    assert f"{stored.name} is published" in built.stderr


def test_every_address_a_page_had_keeps_redirecting_after_corrections(
    briefing_dir: Path,
) -> None:
    raw = briefing_dir / "content" / "raw"
    paste(raw, "ferry.txt", SECOND_PASTE.replace(b" date 2021-05-12\n", b""))  # undated
    articles = briefing_dir / "output" / "articles"
    first = briefing("fix", "ferry.txt", "--date", "2021-05-12", cwd=briefing_dir)
    assert first.returncode == 0, first.stderr
    (dated,) = articles.glob("2021-05-12-*.html")
    second = briefing("fix", "ferry.txt", "--title", "Night ferry saved again", cwd=briefing_dir)
    assert second.returncode == 0, second.stderr
    assert f"Moved from: {dated.stem}" in (raw / "ferry.analyst.md").read_text(encoding="utf-8")
    final = articles / "2021-05-12-night-ferry-saved-again.html"
    assert page(final).find("meta", attrs={"http-equiv": "refresh"}) is None
    for old in (dated, next(articles.glob("undated-*.html"))):  # each earlier address
        refresh = page(old).find("meta", attrs={"http-equiv": "refresh"})
        assert refresh is not None and refresh["content"].endswith(f"articles/{final.name}")


def test_what_a_note_or_a_derived_headline_cannot_show_is_said(briefing_dir: Path) -> None:
    raw = briefing_dir / "content" / "raw"
    paste(raw, "2021-05-12-ferry.txt", SECOND_PASTE)
    (raw / "2021-05-12-ferry.analyst.md").write_text(
        "Date: notadate\n\nWorth reading. <script>alert(1)</script>\n", encoding="utf-8"
    )
    paste(raw, "one-line.txt", b"Just one line <script>alert(1)</script> about the ferry vote.\n")
    result = briefing("build", cwd=briefing_dir)
    assert result.returncode == 0, result.stderr
    assert "2021-05-12-ferry.analyst.md: Date: notadate is not a date" in result.stderr
    assert "2021-05-12-ferry.analyst.md: the note's <script is not shown" in result.stderr
    names = [p.name for p in (briefing_dir / "output" / "articles").glob("undated-*.html")]
    assert names and not any("script" in name for name in names), names


def test_force_names_the_copy_the_build_will_publish(briefing_dir: Path) -> None:
    undated = SECOND_PASTE.replace(b" date 2021-05-12\n", b"")
    first = paste(briefing_dir.parent, "zz-ferry.txt", undated)
    assert briefing("add", "--no-build", str(first), cwd=briefing_dir).returncode == 0
    (stored,) = (briefing_dir / "content" / "raw").glob("*.txt")
    again = paste(briefing_dir.parent, "aa-ferry.txt", undated)  # sorts first where it lies
    forced = briefing("add", "--force", "--no-build", str(again), cwd=briefing_dir)
    assert forced.returncode == 0, forced.stderr
    assert f"publishes only one of the two: raw/{stored.name}" in forced.stdout
    built = briefing("build", cwd=briefing_dir)
    assert f"raw/{stored.name} is published" in built.stderr


def test_of_two_copies_the_earlier_is_published_even_if_the_later_was_corrected(
    briefing_dir: Path,
) -> None:
    later = paste(briefing_dir.parent, "ferry.txt", SECOND_PASTE)
    added = briefing(
        "add", "--no-build", "--outlet", "Harbour Gazette", str(later), cwd=briefing_dir
    )
    assert added.returncode == 0, added.stderr
    (corrected,) = (briefing_dir / "content" / "raw").glob("*.txt")
    earlier = paste(
        briefing_dir.parent, "ferry-early.txt", SECOND_PASTE.replace(b"2021-05-12", b"2021-05-11")
    )
    forced = briefing("add", "--force", "--no-build", str(earlier), cwd=briefing_dir)
    assert forced.returncode == 0, forced.stderr
    assert "publishes only one of the two: this one" in forced.stdout  # it names the winner
    built = briefing("build", cwd=briefing_dir)
    assert built.returncode == 0, built.stderr
    (article,) = (briefing_dir / "output" / "articles").glob("*.html")
    assert article.name.startswith("2021-05-11-")
    line = next(x for x in built.stderr.splitlines() if corrected.name in x and "left out" in x)
    assert line.startswith("warning: ")  # left out on purpose: not an error
    assert f"Its corrections and note (raw/{corrected.stem}.analyst.md) are not shown" in line


def test_a_misspelt_field_is_named_and_the_rest_of_the_header_still_applies(
    briefing_dir: Path,
) -> None:
    raw = briefing_dir / "content" / "raw"
    paste(raw, "2021-05-12-ferry.txt", SECOND_PASTE)
    (raw / "2021-05-12-ferry.analyst.md").write_text(
        "Titel: Night ferry saved again\nOutlet: Bay News\nDeck: none\n\nWorth reading.\n",
        encoding="utf-8",
    )
    result = briefing("build", cwd=briefing_dir)
    assert result.returncode == 0, result.stderr
    assert "'Titel:' is not a field Briefing knows; did you mean 'Title:'?" in result.stderr
    assert "'Deck:' is not a field Briefing knows" in result.stderr
    (article,) = (briefing_dir / "output" / "articles").glob("*.html")
    text = page(article).get_text()
    assert "Bay News" in text and "Worth reading." in text
    assert "Titel" not in text and "Deck: none" not in text


def test_fix_and_add_refuse_what_is_not_a_paste_of_this_briefing(briefing_dir: Path) -> None:
    outside = paste(briefing_dir.parent, "elsewhere.txt", SECOND_PASTE)
    fixed = briefing("fix", str(outside), "--title", "X", cwd=briefing_dir)
    assert fixed.returncode == 2
    assert "not a paste of this briefing" in fixed.stderr and "briefing add" in fixed.stderr
    assert not (briefing_dir.parent / "elsewhere.analyst.md").exists()
    # Once added, the file as downloaded names its stored copy, which is what is corrected.
    assert briefing("add", "--no-build", str(outside), cwd=briefing_dir).returncode == 0
    (stored,) = (briefing_dir / "content" / "raw").glob("*.txt")
    again = briefing("fix", str(outside), "--title", "X", "--no-build", cwd=briefing_dir)
    named = stored.relative_to(briefing_dir).as_posix()
    assert again.returncode == 0 and f"was added as {named}: correcting that" in again.stdout
    assert stored.with_name(stored.stem + ".analyst.md").read_text().startswith("Title: X")
    assert not (briefing_dir.parent / "elsewhere.analyst.md").exists()
    folder = briefing("add", "--no-build", str(briefing_dir.parent), cwd=briefing_dir)
    assert folder.returncode == 1
    assert "a folder, not a file" in folder.stderr


def test_clean_and_quotes_take_a_pastes_name_as_fix_does(briefing_dir: Path) -> None:
    paste(briefing_dir / "content" / "raw", "2021-05-12-ferry.txt", SECOND_PASTE)
    cleaned = briefing("clean", "2021-05-12-ferry.txt", cwd=briefing_dir)
    assert cleaned.returncode == 0, cleaned.stderr
    assert "Ferry service wins a second reprieve" in cleaned.stdout
    quoted = briefing("quotes", "2021-05-12-ferry.txt", cwd=briefing_dir)
    assert quoted.returncode == 0 and "Tomas Rell" in quoted.stdout
