"""The Pelican plugin (``PLUGINS = ["generator.pelican_plugin"]``): connects the signals.

Each receiver lives in :mod:`generator.site`, one module per role (reader, corpus hooks,
writer, page generator, search and pack helpers). Receivers are module-level functions
because Pelican holds them by weak reference.
"""

from __future__ import annotations

from typing import Any

from pelican import signals

from .site.checks import check_settings
from .site.corpus import link_articles
from .site.pack_job import finish_pack
from .site.pages import add_generators
from .site.reader import add_reader, find_copies
from .site.run import run_pelican
from .site.search_job import finish_search_index, search_index_after_articles
from .site.writer import add_writer, save_page_manifest

__all__ = ["register", "run_pelican"]


def finish_build(pelican_object: Any) -> None:
    """After all writing, in this order: the search index, the PDF pack, then the manifest
    of what was written (so it describes the search index too)."""
    finish_search_index(pelican_object)
    finish_pack(pelican_object)
    save_page_manifest(pelican_object)


def register() -> None:
    signals.initialized.connect(check_settings)
    signals.readers_init.connect(add_reader)
    signals.article_generator_init.connect(find_copies)
    signals.article_generator_finalized.connect(link_articles)
    signals.get_generators.connect(add_generators)
    signals.get_writer.connect(add_writer)
    signals.article_writer_finalized.connect(search_index_after_articles)
    signals.finalized.connect(finish_build)
