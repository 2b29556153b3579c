"""Render fingerprints: which pages a rebuild can take from the previous site unchanged.

Every page gets a fingerprint: a hash of everything its rendering reads (the theme's files,
the generator's code, the settings, and the page's own inputs). A manifest beside the
content (``.briefing-cache/pages-*.json``) keeps, per page, the fingerprint it was rendered
with and the SHA-256 of the bytes written. On the next build, a page whose fingerprint is
unchanged is copied from the previous ``output/`` instead of rendered, but only if that file
still has the recorded hash, so a stale or damaged manifest can only cost speed, never give
a wrong page.

Pure functions only; the Pelican writer that uses them is in :mod:`generator.site.writer`.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import json
import os
import shutil
import tempfile
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Any

Manifest = dict[str, tuple[str, str]]  # page name -> (fingerprint, SHA-256 of its bytes)


class NoFingerprintError(TypeError):
    """A page input we cannot hash faithfully: the page is simply rendered."""


def _refuse(value: Any) -> Any:
    raise NoFingerprintError(type(value).__name__)


#: Digests of frozen dataclass records already hashed, by ``id`` (the record is kept with
#: its digest, so that the ``id`` cannot be reused while the memo lives).
Memo = dict[int, tuple[Any, str]]


def digest(value: Any, adapt: Callable[[Any], Any] = _refuse, memo: Memo | None = None) -> str:
    """SHA-256 of ``value``'s data (dicts, lists, tuples, dataclasses, dates, scalars).

    ``adapt`` turns other objects into data, or raises :class:`NoFingerprintError`. JSON's
    C encoder walks the structure; only dates, dataclasses and foreign objects call back.
    With ``memo``, a frozen dataclass (an article's record, which a build's pages hand
    around by the hundred) is hashed once and then stands in by its own digest.

    >>> digest({"b": 1, "a": (dt.date(2022, 1, 20),)}) == digest({"a": ["2022-01-20"], "b": 1})
    True
    >>> from generator.model import Quote
    >>> quote, memo = Quote("Yes.", "Ann Lee", "Lee", "full", 0, 0, 4), {}
    >>> digest([quote, quote], memo=memo) == digest([quote, quote], memo=memo)
    True
    >>> other = Quote("No.", "Ann Lee", "Lee", "full", 0, 0, 3)
    >>> digest([quote], memo={}) == digest([other], memo={})
    False
    """

    def data(item: Any) -> Any:
        if isinstance(item, dt.date):  # datetimes too
            return item.isoformat()
        if dataclasses.is_dataclass(item) and not isinstance(item, type):
            fields = {f.name: getattr(item, f.name) for f in dataclasses.fields(item)}
            if memo is None or not type(item).__dataclass_params__.frozen:  # type: ignore[attr-defined]
                return fields
            known = memo.get(id(item))
            if known is None or known[0] is not item:
                known = memo[id(item)] = (item, digest(fields, adapt, memo))
            return {"record digest": known[1]}
        return adapt(item)

    try:
        text = json.dumps(value, sort_keys=True, ensure_ascii=False, default=data)
    except (ValueError, TypeError) as error:  # a circular structure, keys of mixed types
        raise NoFingerprintError(str(error)) from error
    return hashlib.sha256(text.encode()).hexdigest()


def files_fingerprint(folders: Iterable[Path]) -> str:
    """A hash of every file's path and bytes under ``folders``: a theme, the generator."""
    hasher = hashlib.sha256()
    for folder in folders:
        for path in sorted(p for p in folder.rglob("*") if p.is_file()):
            hasher.update(f"{path.relative_to(folder).as_posix()}\0".encode())
            hasher.update(hashlib.sha256(path.read_bytes()).digest())
    return hasher.hexdigest()


def settings_fingerprint(settings: Mapping[str, Any], ignore: Iterable[str]) -> str:
    """A hash of the settings that can change a page; functions and such count by name."""
    skipped = set(ignore)

    def name_of(value: Any) -> str:
        kind = type(value)
        return f"{kind.__module__}.{kind.__qualname__}:{getattr(value, '__qualname__', '')}"

    chosen = {k: v for k, v in settings.items() if k not in skipped and not k.startswith("_")}
    return digest(chosen, name_of)


def manifest_path(cache: Path, output: Path) -> Path:
    """One manifest per output folder (``output/`` and a publish build differ)."""
    tag = hashlib.sha256(str(output.resolve()).encode()).hexdigest()[:12]
    return cache / f"pages-{tag}.json"


def load_manifest(path: Path) -> Manifest:
    """The previous build's manifest; empty if missing or damaged."""
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
        return {str(k): (str(v[0]), str(v[1])) for k, v in raw.items()}
    except (OSError, ValueError, TypeError, KeyError, IndexError):
        return {}


def save_manifest(path: Path, manifest: Manifest) -> None:
    """Write the manifest atomically; a read-only disk only costs speed next time."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, suffix=".partial")
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            json.dump({k: list(v) for k, v in sorted(manifest.items())}, out)
        os.replace(temporary, path)
    except OSError:
        pass


def reuse_file(source: Path, target: Path) -> None:
    """Put the previous site's file at ``target``: a hard link where the file system allows
    (the previous site is deleted once the new one is in place, and no build writes into a
    file it did not create), else a copy."""
    target.parent.mkdir(parents=True, exist_ok=True)
    try:
        os.link(source, target)
    except OSError:
        shutil.copyfile(source, target)


def reuse_folder(source: Path, target: Path) -> None:
    """:func:`reuse_file` for every file under ``source``."""
    shutil.copytree(source, target, copy_function=lambda s, t: reuse_file(Path(s), Path(t)))


def previous_page(previous: Path, name: str, fingerprint: str, manifest: Manifest) -> bytes | None:
    """The previous site's bytes for page ``name``, if rendered from the same fingerprint
    and still exactly what was written then; ``None`` means render it."""
    entry = manifest.get(name)
    if entry is None or entry[0] != fingerprint:
        return None
    try:
        data = (previous / name).read_bytes()
    except OSError:
        return None
    return data if hashlib.sha256(data).hexdigest() == entry[1] else None
