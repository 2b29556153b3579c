"""A cache of per-article results (parse -> clean -> quotes), so a rebuild reads only new files.

An entry is keyed by the raw bytes' SHA-256, the file's label, the settings and a fingerprint
of the generator's own source code: editing a rule, a setting or the file invalidates it,
without relying on Pelican's cache (which ignores plugin code and settings). Entries are JSON,
written atomically; a damaged or unreadable entry is simply recomputed.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import functools
import hashlib
import json
import os
import tempfile
import time
from collections import OrderedDict
from pathlib import Path
from typing import Any

from .errors import InputError
from .model import Article, Quote, Removal, WordCounts
from .pipeline import content_files, process_bytes, read_bytes, with_analyst
from .settings import Settings

PACKAGE = Path(__file__).resolve().parent


@functools.cache
def code_fingerprint() -> str:
    """A hash of every module of the generator (its subpackages too): a changed rule means a
    changed result."""
    digest = hashlib.sha256()
    for path in sorted(PACKAGE.rglob("*.py")):
        digest.update(path.relative_to(PACKAGE).as_posix().encode() + path.read_bytes())
    return digest.hexdigest()


@functools.cache
def _settings_text(settings: Settings) -> str:
    return json.dumps(dataclasses.asdict(settings), sort_keys=True)


def cache_key(data: bytes, label: str, settings: Settings) -> str:
    parts = [hashlib.sha256(data).hexdigest(), label, _settings_text(settings), code_fingerprint()]
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()


def to_json(article: Article) -> dict[str, Any]:
    record = dataclasses.asdict(article)
    record["date"] = article.date.isoformat() if article.date else None
    return record


def from_json(record: dict[str, Any]) -> Article:
    """The inverse of :func:`to_json` (tuples, nested records and the date restored)."""
    fields = {f.name for f in dataclasses.fields(Article)}
    values = {k: v for k, v in record.items() if k in fields}
    values["date"] = dt.date.fromisoformat(record["date"]) if record["date"] else None
    values["removed"] = tuple(Removal(**r) for r in record["removed"])
    values["quotes"] = tuple(Quote(**q) for q in record["quotes"])
    values["extra"] = tuple(tuple(pair) for pair in record["extra"])
    for name in ("paragraphs", "agencies", "warnings", "repairs", "people", "callouts"):
        values[name] = tuple(record[name])
    values["corrected"] = tuple(record.get("corrected", ()))
    values["former_slugs"] = tuple(record.get("former_slugs", ()))
    words = record.get("words")
    values["words"] = (
        WordCounts(
            tuple(words["words"]), tuple(words["tokens"]), tuple(words["lengths"]), words["heads"]
        )
        if words
        else None
    )
    return Article(**values)


def cache_folder(content: Path) -> Path:
    """Where the cache of a content folder lives: ``.briefing-cache/`` inside it (a hidden
    folder, which neither Pelican nor :func:`~generator.pipeline.content_files` reads). It
    used to be beside it: ``--content ~/briefings/nato`` wrote into ``~/briefings/``, a
    folder the briefing does not own, and two briefings there shared one cache."""
    return content.resolve() / ".briefing-cache"


#: Entries no build has used for this many days are deleted (see :func:`prune`).
KEEP_DAYS = 30
_DAY = 86_400


def _mark_used(entry: Path) -> None:
    """Refresh an entry's time when it is used (at most once a day: one stat per read)."""
    try:
        if time.time() - entry.stat().st_mtime > _DAY:
            os.utime(entry)
    except OSError:
        pass


def prune(folder: Path, days: int = KEEP_DAYS) -> int:
    """Delete the article entries and kept PDFs no build has used for ``days`` days: the cache
    keeps what current builds use (every output folder's, every settings file's) and stops
    growing with every edit. Returns how many files went."""
    cutoff = time.time() - days * _DAY
    gone = 0
    for path in [*folder.glob("*.json"), *folder.glob("pack/pack-*")]:
        try:
            if path.stat().st_mtime < cutoff:
                path.unlink()
                gone += 1
        except OSError:
            pass
    return gone


#: Articles this process has already read, by cache entry: ``briefing add`` reads the
#: briefing to check for duplicates and then builds it, and ``briefing serve`` builds again
#: and again. Memory answers only while the entry on disk is the one it was read from (same
#: modification time and size), so a damaged, pruned or rewritten entry is read again.
_READ: OrderedDict[Path, tuple[tuple[int, int], Article]] = OrderedDict()
#: At most this many are kept in memory (a few large briefings' worth).
READ_LIMIT = 25_000


def _stamp(entry: Path) -> tuple[int, int] | None:
    try:
        status = entry.stat()
    except OSError:
        return None
    return status.st_mtime_ns, status.st_size


def _remember(entry: Path, article: Article) -> Article:
    stamp = _stamp(entry)
    if stamp is not None:
        _READ[entry] = (stamp, article)
        _READ.move_to_end(entry)
        if len(_READ) > READ_LIMIT:
            _READ.popitem(last=False)
    return article


def _recalled(entry: Path) -> Article | None:
    """The article read from ``entry`` before, if the entry is unchanged and was used today
    (older entries go through :func:`_mark_used` again)."""
    known = _READ.get(entry)
    stamp = _stamp(entry)
    if known is None or stamp is None or known[0] != stamp:
        return None
    if time.time() - stamp[0] / 1e9 > _DAY:
        return None
    _READ.move_to_end(entry)
    return known[1]


def process_file_cached(path: Path, label: str, settings: Settings, folder: Path) -> Article:
    """:func:`generator.pipeline.process_file`, answered from ``folder`` when it can be (or
    from this process's memory of the same entry). The analyst's corrections are applied
    after the cache: editing them costs no cleaning."""
    return with_analyst(_cleaned_cached(path, label, settings, folder), path, label)


def _cleaned_cached(path: Path, label: str, settings: Settings, folder: Path) -> Article:
    data = read_bytes(path, label)
    entry = folder / f"{cache_key(data, label, settings)}.json"
    recalled = _recalled(entry)
    if recalled is not None:
        return recalled
    try:
        article = from_json(json.loads(entry.read_text(encoding="utf-8")))
    except (OSError, ValueError, KeyError, TypeError):
        pass  # not cached yet, or damaged: compute it again
    else:
        _mark_used(entry)
        return _remember(entry, article)
    article = process_bytes(data, label, settings)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=folder, suffix=".partial")
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            json.dump(to_json(article), out, ensure_ascii=False)
        os.replace(temporary, entry)
    except OSError:
        pass  # a read-only disk only costs speed
    return _remember(entry, article)


#: Below this many uncached files, starting worker processes costs more than it saves.
WARM_MIN_FILES = 24


def _fill(job: tuple[Path, str, Settings, Path]) -> None:
    path, label, settings, folder = job
    with contextlib.suppress(InputError):  # the build reads it again and names the problem
        _cleaned_cached(path, label, settings, folder)


def warm(content: Path, settings: Settings, workers: int) -> int:
    """Clean the files not in the cache yet on ``workers`` cores, before Pelican reads them
    one by one; returns how many were cleaned here. The results are the cache's entries, so
    the build reads exactly what it would have computed itself."""
    if not settings.cache or workers < 2:
        return 0
    folder = cache_folder(content)
    jobs = []
    for path in content_files(content):
        label = path.relative_to(content).as_posix()
        try:
            key = cache_key(read_bytes(path, label), label, settings)
        except InputError:
            continue
        if not (folder / f"{key}.json").is_file():
            jobs.append((path, label, settings, folder))
    if len(jobs) < WARM_MIN_FILES:
        return 0
    import multiprocessing  # noqa: PLC0415
    from concurrent.futures import ProcessPoolExecutor  # noqa: PLC0415

    # Fresh interpreters, not forks: `briefing serve` builds while its web server thread runs.
    with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn")) as pool:
        list(pool.map(_fill, jobs, chunksize=8))
    return len(jobs)
