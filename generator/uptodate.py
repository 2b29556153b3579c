"""A build with nothing to do: the site is already what a build would write.

A build from scratch is a function of its inputs: the content folder's files, the settings
as Pelican reads them, the theme's files, the generator's code, the versions of the libraries
that write pages, the search index and the pack, and the day (the pack's "made on" date,
dates judged plausible). After each build, ``.briefing-cache/state-*.json`` keeps the hash of
those inputs and a stamp of the site it wrote (every file's path, size, modification time and
inode). When the next build finds the same inputs and the site still carries the same stamp,
there is nothing to do: it repeats the last build's warnings instead of building.

A file edited by hand in ``output/``, a site swapped in by another build, a damaged or missing
state: each changes the stamp or the key, and the build runs as before (incrementally, see
:mod:`generator.incremental`). The state is written only after the new site is in place, from
the inputs as they were when the build started, so a build killed at any moment, or a file
saved while a build runs, can cost a build, never give a stale site.

Pure functions of files; no Pelican here (the settings arrive as Pelican read them).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .cache import code_fingerprint
from .incremental import digest, files_fingerprint, settings_fingerprint

#: What else writes the site: a new version of any of these may write other bytes.
LIBRARIES = (
    "pelican",
    "jinja2",
    "markdown",
    "nh3",
    "weasyprint",
    "pydyf",
    "pagefind",
    "pagefind-bin",
)
#: The cache's folder inside the content folder: the build's own, not an input.
CACHE_NAME = ".briefing-cache"
STATE_VERSION = 1


def _versions() -> dict[str, str | None]:
    from importlib.metadata import PackageNotFoundError, version  # noqa: PLC0415

    found: dict[str, str | None] = {}
    for name in LIBRARIES:
        try:
            found[name] = version(name)
        except PackageNotFoundError:
            found[name] = None
    return found


def content_fingerprint(content: Path) -> str:
    """A hash of every file's path and bytes under ``content`` (symlinks by their target),
    but the build's cache. Hidden files count too: more than Pelican reads, never less."""
    hasher = hashlib.sha256()
    entries: list[tuple[str, Path]] = []
    for root, folders, files in os.walk(content):
        here = Path(root)
        if here == content:
            folders[:] = [name for name in folders if name != CACHE_NAME]
        for name in folders:  # a symlinked folder is not walked: count it by its target
            if (here / name).is_symlink():
                entries.append(((here / name).relative_to(content).as_posix(), here / name))
        entries.extend(((here / n).relative_to(content).as_posix(), here / n) for n in files)
    for label, path in sorted(entries):
        hasher.update(f"{label}\0".encode())
        if path.is_symlink():
            hasher.update(f"->{os.readlink(path)}\0".encode())
        else:
            hasher.update(hashlib.sha256(path.read_bytes()).digest())
    return hasher.hexdigest()


def inputs_key(
    content: Path, settings: Mapping[str, Any], days: tuple[dt.date, ...], epoch: str = ""
) -> str:
    """The hash of everything a build from scratch reads (see the module's docstring).
    ``settings`` as Pelican read them; ``days``: today, here and in UTC; ``epoch``:
    ``SOURCE_DATE_EPOCH`` (the pack's date)."""
    theme = Path(str(settings.get("THEME", "")))
    return digest(
        {
            "version": STATE_VERSION,
            "content": content_fingerprint(content),
            "settings": settings_fingerprint(settings, ["OUTPUT_PATH", "BRIEFING_PREVIOUS_OUTPUT"]),
            "theme": files_fingerprint([theme]) if theme.is_dir() else str(theme),
            "code": code_fingerprint(),
            "libraries": _versions(),
            "days": [day.isoformat() for day in days],
            "epoch": epoch,
        }
    )


def site_stamp(output: Path) -> str:
    """A hash of every file's path, size, modification time and inode under ``output``: any
    change made to the site after it was written changes it."""
    hasher = hashlib.sha256()
    rows: list[str] = []
    for root, _folders, files in os.walk(output):
        for name in files:
            path = Path(root) / name
            status = path.lstat()
            label = path.relative_to(output).as_posix()
            rows.append(f"{label}\0{status.st_size}\0{status.st_mtime_ns}\0{status.st_ino}")
    for row in sorted(rows):
        hasher.update(row.encode() + b"\n")
    return hasher.hexdigest()


@dataclass(frozen=True)
class State:
    """What the last build left: its inputs' key, its site's stamp, and what it said."""

    key: str
    stamp: str
    messages: tuple[tuple[int, str], ...] = ()  # (logging level, message), in order
    undated: tuple[str, ...] = ()  # the articles built without a date
    siteurl: str = ""
    private: bool = False


def state_path(cache: Path, output: Path) -> Path:
    """One state per output folder (``output/`` and a publish build differ)."""
    tag = hashlib.sha256(str(output.resolve()).encode()).hexdigest()[:12]
    return cache / f"state-{tag}.json"


def load_state(path: Path) -> State | None:
    """The last build's state; ``None`` if missing or damaged."""
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
        return State(
            key=str(raw["key"]),
            stamp=str(raw["stamp"]),
            messages=tuple((int(level), str(text)) for level, text in raw["messages"]),
            undated=tuple(str(name) for name in raw["undated"]),
            siteurl=str(raw["siteurl"]),
            private=bool(raw["private"]),
        )
    except (OSError, ValueError, TypeError, KeyError):
        return None


def save_state(path: Path, state: State) -> None:
    """Write the state atomically; a read-only disk only costs speed next time."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, suffix=".partial")
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            json.dump(
                {
                    "key": state.key,
                    "stamp": state.stamp,
                    "messages": [list(m) for m in state.messages],
                    "undated": list(state.undated),
                    "siteurl": state.siteurl,
                    "private": state.private,
                },
                out,
            )
        os.replace(temporary, path)
    except OSError:
        pass
