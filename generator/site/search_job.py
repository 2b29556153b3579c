"""The search index as part of a build: Pagefind over shards of the site, in a thread.

:mod:`generator.search` plans the shards; this module copies the unchanged ones from the
previous site and runs Pagefind on the others while Pelican writes the remaining pages.
"""

from __future__ import annotations

import logging
import subprocess
import threading
from pathlib import Path
from typing import Any, Protocol

from ..children import helper_command
from ..incremental import Manifest, digest, files_fingerprint, reuse_folder
from ..search import SEARCH_FOLDER, brace_glob

logger = logging.getLogger(__name__)


class ShardWriter(Protocol):
    """What the search index needs of the build's writer (:class:`.writer.IncrementalWriter`)."""

    enabled: bool  # pages are compared with the previous site's
    base: str  # the key every page shares (theme, code, settings), once known
    previous: Path  # the site being replaced
    old: Manifest  # what the previous build wrote, with its keys
    new: Manifest  # what this build has written
    search_keys: dict[str, str | None]  # article page -> its searchable content's key
    search_started: bool


class SearchJob:
    """The search shards being indexed by Pagefind, one after another, in a thread of the
    build, so that they use the second core while Pelican writes the remaining pages."""

    def __init__(self, output: Path, jobs: list[tuple[str, list[str], str | None]]) -> None:
        from pagefind_bin import get_executable  # noqa: PLC0415

        binary = get_executable()
        if binary is None:
            raise OSError("the pagefind binary is missing from pagefind[bin]")
        self.output, self.jobs, self.binary = output, jobs, str(binary)
        self.done: list[tuple[str, str | None]] = []  # (manifest entry, fingerprint) indexed
        self.failure = ""
        self.process: subprocess.Popen[str] | None = None
        self.stopped = False
        self._lock = threading.Lock()  # no Pagefind starts once stop() has run
        self.thread = threading.Thread(target=self._run, name="pagefind", daemon=True)
        self.thread.start()

    def _run(self) -> None:
        for entry, names, key in self.jobs:
            command = [
                *(self.binary, "--site", str(self.output), "--glob", brace_glob(names)),
                *("--output-path", str(self.output / entry), "--silent"),
            ]
            try:
                with self._lock:
                    if self.stopped:
                        return
                    process = self.process = subprocess.Popen(
                        helper_command(command),
                        stdout=subprocess.PIPE,
                        stderr=subprocess.PIPE,
                        text=True,
                    )
                stdout, stderr = process.communicate(timeout=600)
            except subprocess.TimeoutExpired:
                self.stop()
                process.communicate()
                self.failure = "Pagefind took over 10 minutes"
                return
            except OSError as error:
                self.failure = f"Pagefind could not run ({error})"
                return
            if process.returncode != 0 or not (self.output / entry / "pagefind.js").is_file():
                lines = (stderr or stdout).strip().splitlines()[-1:] or ["no output"]
                self.failure = f"Pagefind failed on {entry} ({lines[0]})"
                return
            self.done.append((entry, key))

    def stop(self) -> None:
        """The build failed: stop indexing (the staging folder is about to go)."""
        with self._lock:
            self.stopped = True
            if self.process is not None and self.process.poll() is None:
                self.process.kill()

    def wait(self) -> None:
        self.thread.join()


def _shard_key(writer: ShardWriter, entry: str, names: list[str]) -> str | None:
    """What a shard's index depends on: its pages' searchable content (the article's inputs
    but its links), the templates, code and settings, and Pagefind's version. None if some
    page's content could not be fingerprinted."""
    if not writer.enabled or not writer.base:
        return None
    keys = [writer.search_keys.get(name) for name in names]
    if None in keys:
        return None
    from importlib.metadata import version  # noqa: PLC0415

    return digest(
        {
            "entry": entry,
            "base": writer.base,
            "pages": list(zip(names, keys, strict=True)),
            "pagefind": version("pagefind"),
        }
    )


def search_index_after_articles(generator: Any, writer: Any) -> None:
    """``article_writer_finalized``: start the search index if no later page has yet."""
    if writer is generator.settings.get("_BRIEFING_WRITER") and not writer.search_started:
        start_search_index(Path(generator.output_path), generator.settings, writer)


def start_search_index(output: Path, settings: dict[str, Any], writer: ShardWriter) -> None:
    """Once the article pages are written: each search shard is copied from the previous
    site if its pages' searchable content is unchanged, else indexed by Pagefind in the
    background (see :mod:`generator.search`)."""
    writer.search_started = True
    jobs: list[tuple[str, list[str], str | None]] = []
    for shard, names in (settings.get("_BRIEFING_SHARDS") or {}).items():
        entry = f"{SEARCH_FOLDER}/{shard}/"
        key = _shard_key(writer, entry, names)
        kept = writer.old.get(entry)
        previous = writer.previous / entry
        if (
            key
            and kept is not None
            and kept[0] == key
            and previous.is_dir()
            and files_fingerprint([previous]) == kept[1]
        ):
            reuse_folder(previous, output / entry)
            writer.new[entry] = kept
        else:
            jobs.append((entry, names, key))
    if not jobs:
        return
    try:
        settings["_BRIEFING_PAGEFIND"] = SearchJob(output, jobs)
    except (ImportError, OSError) as error:
        logger.warning("search: Pagefind could not run (%s); the site has no search index", error)


def finish_search_index(pelican_object: Any) -> None:
    """Wait for Pagefind, say so if it failed, and remember the shards for the next build."""
    job = pelican_object.settings.pop("_BRIEFING_PAGEFIND", None)
    if not isinstance(job, SearchJob):
        return
    job.wait()
    if job.failure:
        logger.warning("search: %s; the site's search is incomplete", job.failure)
    writer = pelican_object.settings.get("_BRIEFING_WRITER")
    if writer is not None:
        for entry, key in job.done:
            if key:
                writer.new[entry] = (key, files_fingerprint([job.output / entry]))
