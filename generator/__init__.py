"""Briefing: raw pasted news articles in, a cleaned, quoted, cross-linked briefing site out.

The pipeline, one article at a time, then over the corpus::

    parse.parse_file     bytes            -> RawArticle
    clean.clean_article  RawArticle       -> Article
    quotes.add_quotes    Article          -> Article (+ quotes, + call-outs)
    links.link_corpus    [Article]        -> Corpus (links, passages, threads)

Pelican appears only in :mod:`generator.pelican_plugin` and :mod:`generator.site`.
"""

__version__ = "0.1.0"
