"""The key and stamp that let a build with nothing changed be skipped (generator/uptodate.py)."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

from generator.uptodate import (
    State,
    content_fingerprint,
    inputs_key,
    load_state,
    save_state,
    site_stamp,
    state_path,
)


def _content(root: Path) -> Path:
    raw = root / "content" / "raw"
    raw.mkdir(parents=True)
    (raw / "a.txt").write_bytes(b"First paste.\n")
    (raw / "a.analyst.md").write_bytes(b"Title: Corrected\n")
    return root / "content"


def test_the_content_key_follows_every_byte_but_the_cache(tmp_path: Path) -> None:
    content = _content(tmp_path)
    before = content_fingerprint(content)
    cache = content / ".briefing-cache"
    cache.mkdir()
    (cache / "entry.json").write_text("{}", encoding="utf-8")
    assert content_fingerprint(content) == before  # the build's own cache is no input

    paste = content / "raw" / "a.txt"
    stat = paste.stat()
    paste.write_bytes(b"First paste!\n")  # same size, same time: the bytes still count
    os.utime(paste, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    assert content_fingerprint(content) != before
    paste.write_bytes(b"First paste.\n")
    assert content_fingerprint(content) == before

    (content / "raw" / "a.analyst.md").write_bytes(b"Title: Corrected again\n")
    assert content_fingerprint(content) != before  # the analyst's files are inputs too


def test_the_inputs_key_covers_settings_and_the_day(tmp_path: Path) -> None:
    content = _content(tmp_path)
    settings = {"SITENAME": "One", "THEME": str(tmp_path / "no-theme")}
    day = (dt.date(2026, 12, 3),)
    key = inputs_key(content, settings, day)
    assert inputs_key(content, settings, day) == key
    assert inputs_key(content, {**settings, "SITENAME": "Two"}, day) != key
    assert inputs_key(content, {**settings, "OUTPUT_PATH": "/elsewhere"}, day) == key
    assert inputs_key(content, settings, (dt.date(2026, 12, 4),)) != key
    assert inputs_key(content, settings, day, epoch="1700000000") != key


def test_the_site_stamp_changes_when_a_file_is_touched_or_removed(tmp_path: Path) -> None:
    site = tmp_path / "output"
    (site / "articles").mkdir(parents=True)
    page = site / "articles" / "a.html"
    page.write_text("<p>a</p>", encoding="utf-8")
    (site / "index.html").write_text("<p>index</p>", encoding="utf-8")
    stamp = site_stamp(site)
    assert site_stamp(site) == stamp
    os.utime(page, ns=(0, 1_000_000_000))
    assert site_stamp(site) != stamp
    touched = site_stamp(site)
    (site / "index.html").unlink()
    assert site_stamp(site) != touched


def test_the_state_round_trips_and_a_damaged_one_is_ignored(tmp_path: Path) -> None:
    path = state_path(tmp_path / "cache", tmp_path / "output")
    state = State("k", "s", ((30, "raw/a.txt: no date found"),), ("raw/a.txt",), "", False)
    save_state(path, state)
    assert load_state(path) == state
    path.write_text("{not json", encoding="utf-8")
    assert load_state(path) is None
