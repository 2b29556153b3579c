"""The briefing command: --help everywhere, and the stable JSON shapes."""

from __future__ import annotations

import codecs
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import ROOT, SEEDS, briefing, new_project


def run(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "generator.cli", *args],
        cwd=ROOT,
        capture_output=True,
        input=stdin,
        timeout=300,
    )


@pytest.mark.parametrize("command", ["build", "clean", "quotes", "links", "serve"])
def test_every_subcommand_has_help(command: str) -> None:
    result = run(command, "--help")
    assert result.returncode == 0 and b"usage: briefing" in result.stdout


def test_usage_error_exits_2() -> None:
    assert run("frobnicate").returncode == 2


def test_clean_json_shape() -> None:
    result = run("clean", "--json", *map(str, SEEDS))
    payload = json.loads(result.stdout)
    assert result.returncode == 0 and set(payload) == {str(p) for p in SEEDS}
    for value in payload.values():
        assert {
            "title",
            "date",
            "source",
            "dateline",
            "url",
            "paragraphs",
            "removed",
            "warnings",
        } <= set(value)
        assert all(set(r) == {"line", "rule"} for r in value["removed"])


def test_quotes_json_shape_and_plain_mode() -> None:
    payload = json.loads(run("quotes", "--json", str(SEEDS[0])).stdout)
    (quotes,) = payload.values()
    keys = {"text", "speaker", "mention", "kind", "paragraph", "start", "end"}
    assert quotes and all(keys <= set(q) for q in quotes)
    plain = json.loads(
        run(
            "quotes", "--json", "--plain", "-", stdin=b'"We are ready to talk," Anna Berg said.'
        ).stdout
    )
    assert plain["-"][0]["speaker"] == "Anna Berg"


def test_links_json_shape(tmp_path: Path) -> None:
    content = tmp_path / "content"  # a copy: the cache is written beside the content folder
    shutil.copytree(ROOT / "tests" / "site", content)
    links = json.loads(run("links", "--json", "--content", str(content)).stdout)
    assert {(x["source"], x["target"]) for x in links} >= {
        (f"raw/{SEEDS[0].name}", f"raw/{SEEDS[1].name}"),
        (f"raw/{SEEDS[1].name}", f"raw/{SEEDS[0].name}"),
    }
    for link in links:
        assert {"source", "target", "score", "reasons", "passages"} <= set(link)
        assert all(
            set(p) == {"source_paragraph", "target_paragraph", "score"} for p in link["passages"]
        )


def test_links_candidates_list_near_misses_to_pin(tmp_path: Path) -> None:
    content = tmp_path / "content"
    shutil.copytree(ROOT / "tests" / "cases" / "corpus", content / "raw")
    (content / "raw" / "stories.txt").unlink()
    # At the default threshold the corpus has no pair just under it; a stricter one has some.
    strict = tmp_path / "strict.py"
    strict.write_text('BRIEFING = {"link_threshold": 0.3}\n', encoding="utf-8")
    result = run("--settings", str(strict), "links", "--candidates", "--content", str(content))
    text = result.stdout.decode()
    assert result.returncode == 0 and "links from 0.300" in text
    assert "shares: " in text and "add a line 'Link to: " in text
    as_json = ("--settings", str(strict), "links", "--candidates", "--json")
    misses = json.loads(run(*as_json, "--content", str(content)).stdout)
    assert misses and all({"source", "target", "score", "shares"} <= set(m) for m in misses)
    assert all(0.21 <= m["score"] < 0.3 for m in misses)
    default = run("links", "--candidates", "--content", str(content)).stdout.decode()
    assert "No near misses" in default


def test_links_evaluate_scores_our_story_corpus() -> None:
    result = run("links", "--evaluate", str(ROOT / "tests" / "cases" / "corpus"))
    line = result.stdout.decode()
    assert result.returncode == 0, line
    assert "precision=1.000 coverage=1.000 cross_story=0" in line
    assert "split_stories=0 mixed_threads=0" in line


def test_clean_names_a_bad_file() -> None:
    result = run("clean", "does-not-exist.txt")
    assert result.returncode == 1 and b"does-not-exist.txt" in result.stderr


# `briefing add` of undated pastes, and of several files where one is bad (issue 19).
UNDATED = (
    b"Macron urges Europe to take charge of its own security\n\n"
    b"French President Emmanuel Macron said on Monday that Europe must build its own security"
    b" and talk to Russia about it, in a speech to ambassadors in Paris.\n"
)


@pytest.fixture
def project(tmp_path: Path) -> Path:
    (tmp_path / "project").mkdir()
    root = new_project(tmp_path / "project")
    (tmp_path / "undated.txt").write_bytes(UNDATED)
    return root


def stored(project: Path) -> dict[str, bytes]:
    """The files `add` wrote, by name (tests/site's two are left out)."""
    seeds = {p.name for p in (ROOT / "tests" / "site" / "raw").iterdir()}
    return {
        p.name: p.read_bytes()
        for p in (project / "content" / "raw").iterdir()
        if p.name not in seeds
    }


def test_add_with_date_stores_it_beside_the_paste_never_in_it(project: Path) -> None:
    result = briefing("add", "--no-build", "--date", "2022-01-21", "../undated.txt", cwd=project)
    assert result.returncode == 0, result.stderr
    files = stored(project)
    name = next(n for n in files if n.endswith(".txt"))
    assert name.startswith("2022-01-21-") and files[name] == UNDATED  # verbatim
    assert files[name.removesuffix(".txt") + ".analyst.md"] == b"Date: 2022-01-21\n"
    assert "2022-01-21" in result.stdout and "(set by you)" in result.stdout
    assert "Date unknown" not in result.stdout
    cleaned = json.loads(briefing("clean", "--json", f"content/raw/{name}", cwd=project).stdout)
    assert cleaned[f"content/raw/{name}"]["date"] == "2022-01-21"
    again = briefing("add", "--no-build", "../undated.txt", cwd=project)  # the same paste
    assert again.returncode == 1
    assert f"the same file as raw/{name}: already in the briefing" in again.stderr


def test_add_with_date_keeps_the_paste_encoding_and_line_endings(project: Path) -> None:
    paste = project.parent / "utf16.txt"
    data = codecs.BOM_UTF16_LE + UNDATED.decode().replace("\n", "\r\n").encode("utf-16-le")
    paste.write_bytes(data)
    result = briefing("add", "--no-build", "--date", "2022-01-21", "../utf16.txt", cwd=project)
    assert result.returncode == 0, result.stderr
    name = next(n for n in stored(project) if n.endswith(".txt"))
    assert stored(project)[name] == data and name.startswith("2022-01-21-")


@pytest.mark.parametrize(
    ("value", "problem"),
    [
        ("2022-02-30", "not a real date"),
        ("1850-06-01", "before 1900"),
        ("2999-01-01", "in the future"),
        ("20/01/2022", "YYYY-MM-DD"),
    ],
)
def test_add_refuses_a_bad_date_naming_the_file(project: Path, value: str, problem: str) -> None:
    result = briefing("add", "--no-build", "--date", value, "../undated.txt", cwd=project)
    assert result.returncode == 2
    assert f"../undated.txt: --date {value}" in result.stderr and problem in result.stderr
    assert stored(project) == {}


def test_add_without_a_date_off_a_terminal_adds_it_undated(project: Path) -> None:
    result = briefing("add", "--no-build", "../undated.txt", cwd=project)
    assert result.returncode == 0, result.stderr
    ((name, data),) = stored(project).items()
    assert name.startswith("undated-") and data == UNDATED  # verbatim
    assert "Date unknown" in result.stdout and "added undated" in result.stdout
    assert "--date YYYY-MM-DD" in result.stdout


def test_add_on_a_terminal_asks_for_the_date(project: Path) -> None:
    import pty  # noqa: PLC0415 - POSIX only, as the project is

    leader, follower = pty.openpty()
    process = subprocess.Popen(
        [sys.executable, "-m", "generator.cli", "add", "--no-build", "../undated.txt"],
        cwd=project,
        stdin=follower,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    os.close(follower)
    os.write(leader, b"2022-02-30\n2022-01-22\n")  # a date that does not exist, then a real one
    out, err = process.communicate(timeout=300)
    os.close(leader)
    assert process.returncode == 0, err
    assert b"no date found" in out and b"not a real date; try again" in out
    files = stored(project)
    name = next(n for n in files if n.endswith(".txt"))
    assert name.startswith("2022-01-22-") and files[name] == UNDATED
    assert files[name.removesuffix(".txt") + ".analyst.md"] == b"Date: 2022-01-22\n"


def test_add_names_a_bad_file_and_adds_the_others(project: Path) -> None:
    (project.parent / "empty.txt").write_bytes(b"")
    dated = project.parent / "dated.txt"
    dated.write_bytes(b" date 2021-03-04\n" + UNDATED.replace(b"Europe", b"the union"))
    result = briefing(
        "add", "--no-build", "../undated.txt", "../empty.txt", "../dated.txt", cwd=project
    )
    assert result.returncode == 1
    assert "../empty.txt: the file is empty" in result.stderr
    names = sorted(stored(project))
    assert (
        len(names) == 2 and names[0].startswith("2021-03-04-") and names[1].startswith("undated-")
    )
    missing = briefing("add", "--no-build", "missing.txt", cwd=project)
    assert missing.returncode == 1
    assert "missing.txt: the file does not exist" in missing.stderr
    assert "not a regular file" not in missing.stderr
