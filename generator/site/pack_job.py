"""The PDF pack as part of a build: laid out by a worker process beside page rendering.

:mod:`generator.pack` decides what goes in and lays it out; this module only starts the
worker early (``initialized``), hands it the pack's HTML once the corpus is linked, and
waits for it at the end (``finalized``).
"""

from __future__ import annotations

import logging
import os
from pathlib import Path
from typing import Any

from ..analyst import note_html, read_summary
from ..cache import cache_folder
from ..errors import BuildError
from ..model import Corpus
from ..pack import lay_out_pack, pack_available, pack_markup, prepare_worker
from ..settings import Settings
from .config import briefing_settings

logger = logging.getLogger(__name__)


def start_pack_worker(settings: dict[str, Any]) -> None:
    """``initialized``: start the process that lays out ``briefing.pdf``, before any article
    is read. The pack's layout is the longest single task of a build, and adding one article
    changes the pack (its article count, at least): a worker that imports WeasyPrint while
    Pelican reads and links the articles takes most of a second off ``briefing add``."""
    if pack_wanted(briefing_settings(settings)):
        settings["_BRIEFING_PACK_POOL"] = _pack_pool()


def pack_wanted(settings: Settings) -> bool:
    """The settings ask for the pack, and WeasyPrint is installed."""
    return settings.pack and pack_available()


def _pack_pool() -> Any:
    """A worker process for the pack. A fresh interpreter ("spawn"), not a fork: ``briefing
    serve`` builds while its web server thread runs, and forking a threaded process is
    unsafe."""
    import multiprocessing  # noqa: PLC0415

    return multiprocessing.get_context("spawn").Pool(
        1, initializer=prepare_worker, initargs=(os.getpid(),)
    )


def start_pack(generator: Any, corpus: Corpus, settings: Settings) -> None:
    """Hand the pack's HTML to the worker, which lays it out while Pelican renders the pages
    (this machine has two cores). Pelican's own ``--autoreload`` builds many times after one
    ``initialized``: the later builds start a worker here."""
    pool = generator.settings.pop("_BRIEFING_PACK_POOL", None) or _pack_pool()
    summary = note_html(read_summary(Path(generator.path)))
    markup, count = pack_markup(corpus, settings, limit=settings.pack_limit, summary=summary)
    job = pool.apply_async(
        lay_out_pack,
        (markup, count, Path(generator.output_path) / "briefing.pdf"),
        {"reuse": cache_folder(Path(generator.path)) / "pack"},
    )
    generator.settings["_BRIEFING_PACK"] = (pool, job)


def finish_pack(pelican_object: Any) -> None:
    """At the end of the build: wait for the pack; a failure is a warning, not a lost site."""
    idle = pelican_object.settings.pop("_BRIEFING_PACK_POOL", None)
    if idle is not None:  # a worker no pack was handed to (a briefing with no articles)
        idle.terminate()
        idle.join()
    started = pelican_object.settings.pop("_BRIEFING_PACK", None)
    if started is None:
        return
    pool, job = started
    try:
        report = job.get(timeout=1800)
    except BuildError as error:
        logger.warning("briefing.pdf: %s", error)
    except Exception as error:
        logger.warning("briefing.pdf: the PDF pack could not be made (%s)", error)
    else:
        logger.info("briefing.pdf: %d articles on %d pages", report.articles, report.pages)
    finally:
        pool.terminate()
        pool.join()
