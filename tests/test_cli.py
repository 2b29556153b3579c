"""The briefing command: --help everywhere, and the stable JSON shapes."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import ROOT, SEEDS


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


def test_clean_names_a_bad_file() -> None:
    result = run("clean", "does-not-exist.txt")
    assert result.returncode == 1 and b"does-not-exist.txt" in result.stderr
