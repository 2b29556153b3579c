"""The Pelican edge: the only package (with :mod:`generator.pelican_plugin`) that imports Pelican.

One module per role, in the order a build meets them:

* :mod:`.checks` (``initialized``): the ``BRIEFING`` settings checked once, the pack's worker
  started.
* :mod:`.reader` (``readers_init``, ``article_generator_init``): raw pastes read through the
  per-article stages, copies decided over the whole folder.
* :mod:`.corpus` (``article_generator_finalized``): links, threads, views and render keys
  over the corpus; the lists in a total order.
* :mod:`.writer` (``get_writer``): Pelican's writer, taking unchanged pages from the
  previous site.
* :mod:`.pages` (``get_generators``): thread, people and Who-said-what pages; robots.txt,
  sitemap and thread feeds.
* :mod:`.search_job` and :mod:`.pack_job`: the search index and the PDF pack, made beside
  page rendering and waited for at the end.
* :mod:`.run`: one Pelican build of a content folder.

:mod:`generator.pelican_plugin` connects the signals (``register()``).
"""
