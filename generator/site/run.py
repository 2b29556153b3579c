"""One Pelican build of a content folder, with the plugin, collecting its warnings."""

from __future__ import annotations

import logging
from pathlib import Path

from ..build import BuildReport
from ..cache import cache_folder
from .config import briefing_settings, read_build_settings
from .search_job import SearchJob


class _Collector(logging.Handler):
    """Keeps the warnings and errors of one build so the command can report and judge them."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


def run_pelican(
    settings_file: Path,
    content: Path,
    output: Path,
    previous: Path | None = None,
    report: BuildReport | None = None,
) -> list[logging.LogRecord]:
    """One Pelican build of ``content`` into ``output``; returns its warnings and errors.

    With ``previous`` (the site being replaced), unchanged pages are copied from it instead of
    rendered. ``report``, if given, receives what the build did (see :class:`BuildReport`).
    """
    from pelican import Pelican  # noqa: PLC0415 - imported late: only builds need it

    settings = read_build_settings(settings_file, content, output, previous)
    settings["_BRIEFING_REPORT"] = report  # filled in by the hooks: counts, the corpus
    jinja = settings.get("JINJA_ENVIRONMENT") or {}
    if briefing_settings(settings).cache and "bytecode_cache" not in jinja:
        # Each of Pelican's generators compiles every template it uses, on every build;
        # Jinja's own cache (keyed by each template's source) keeps the compiled code.
        from jinja2 import FileSystemBytecodeCache  # noqa: PLC0415

        folder = cache_folder(content.resolve()) / "templates"
        folder.mkdir(parents=True, exist_ok=True)
        settings["JINJA_ENVIRONMENT"] = {
            **jinja,
            "bytecode_cache": FileSystemBytecodeCache(str(folder)),
        }
    collector = _Collector()
    root = logging.getLogger()
    root.addHandler(collector)
    try:
        Pelican(settings).run()
    finally:
        root.removeHandler(collector)
        search = settings.pop("_BRIEFING_PAGEFIND", None)
        if isinstance(search, SearchJob):  # the build failed after Pagefind started: stop it
            search.stop()
            search.wait()
        pack = settings.pop("_BRIEFING_PACK", None)
        idle = settings.pop("_BRIEFING_PACK_POOL", None)
        for pool in (pack[0] if pack else None, idle):
            if pool is not None:  # ... or after the pack's worker started
                pool.terminate()
                pool.join()
    return collector.records
