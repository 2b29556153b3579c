"""The per-article cache: same answers, recomputed when anything that matters changes."""

from __future__ import annotations

import json
from pathlib import Path

from generator.cache import KEEP_DAYS, cache_key, from_json, process_file_cached, prune, to_json
from generator.pipeline import process_file
from generator.settings import Settings

from .conftest import SEEDS


def test_a_cached_article_is_the_same_article(tmp_path: Path) -> None:
    for seed in SEEDS:
        fresh = process_file(seed, f"raw/{seed.name}", Settings())
        assert from_json(json.loads(json.dumps(to_json(fresh)))) == fresh
        first = process_file_cached(seed, f"raw/{seed.name}", Settings(), tmp_path)
        again = process_file_cached(seed, f"raw/{seed.name}", Settings(), tmp_path)
        assert first == again == fresh
    assert len(list(tmp_path.glob("*.json"))) == len(SEEDS)


def test_an_article_read_twice_in_one_process_is_read_from_disk_once(tmp_path: Path) -> None:
    """``briefing add`` checks the briefing for duplicates, then builds it: one read each."""
    seed = SEEDS[0]
    first = process_file_cached(seed, "raw/x.txt", Settings(), tmp_path)
    assert process_file_cached(seed, "raw/x.txt", Settings(), tmp_path) is first
    other = tmp_path / "elsewhere"  # another cache folder has its own entries
    assert process_file_cached(seed, "raw/x.txt", Settings(), other) == first
    assert len(list(other.glob("*.json"))) == 1
    (entry,) = tmp_path.glob("*.json")
    entry.unlink()  # a pruned entry is computed and written again
    assert process_file_cached(seed, "raw/x.txt", Settings(), tmp_path) == first
    assert entry.is_file()


def test_the_key_changes_with_the_bytes_the_label_and_the_settings() -> None:
    base = cache_key(b"text", "raw/a.txt", Settings())
    assert cache_key(b"text!", "raw/a.txt", Settings()) != base
    assert cache_key(b"text", "raw/b.txt", Settings()) != base
    assert cache_key(b"text", "raw/a.txt", Settings(max_callouts=2)) != base
    assert cache_key(b"text", "raw/a.txt", Settings()) == base


def test_a_damaged_entry_is_recomputed(tmp_path: Path) -> None:
    seed = SEEDS[0]
    article = process_file_cached(seed, "raw/x.txt", Settings(), tmp_path)
    entry = next(tmp_path.glob("*.json"))
    entry.write_text("{not json", encoding="utf-8")
    assert process_file_cached(seed, "raw/x.txt", Settings(), tmp_path) == article
    assert json.loads(entry.read_text(encoding="utf-8"))["title"] == article.title


def test_entries_unused_for_a_month_are_pruned_and_used_ones_are_kept(tmp_path: Path) -> None:
    import os  # noqa: PLC0415
    import time  # noqa: PLC0415

    used, stale = SEEDS
    process_file_cached(used, "raw/used.txt", Settings(), tmp_path)
    process_file_cached(stale, "raw/stale.txt", Settings(), tmp_path)
    long_ago = time.time() - (KEEP_DAYS + 5) * 86_400
    for entry in tmp_path.glob("*.json"):
        os.utime(entry, (long_ago, long_ago))
    process_file_cached(used, "raw/used.txt", Settings(), tmp_path)  # read: marked as used
    assert prune(tmp_path) == 1
    (kept,) = tmp_path.glob("*.json")
    assert kept.name == f"{cache_key(used.read_bytes(), 'raw/used.txt', Settings())}.json"


def test_warming_on_two_cores_fills_the_cache_with_what_a_build_would_compute(
    tmp_path: Path,
) -> None:
    from generator.cache import WARM_MIN_FILES, cache_folder, warm  # noqa: PLC0415

    raw = tmp_path / "content" / "raw"
    raw.mkdir(parents=True)
    seed = SEEDS[0].read_bytes()
    for number in range(WARM_MIN_FILES + 2):  # enough files to be worth two processes
        (raw / f"copy-{number:02d}.txt").write_bytes(seed + f"\nNote {number}.\n".encode())
    assert warm(tmp_path / "content", Settings(), workers=2) == WARM_MIN_FILES + 2
    folder = cache_folder(tmp_path / "content")
    assert len(list(folder.glob("*.json"))) == WARM_MIN_FILES + 2
    path = raw / "copy-03.txt"
    assert process_file_cached(path, "raw/copy-03.txt", Settings(), folder) == process_file(
        path, "raw/copy-03.txt", Settings()
    )
    assert warm(tmp_path / "content", Settings(), workers=2) == 0  # nothing left to do
