"""Input formats other than a plain paste: saved web pages and Markdown with a Pelican header.

* A web page saved as ``.html`` is turned into the paste the cleaner expects (a
  `` date`` header line, the headline, paragraphs, ``Original url:``) by trafilatura,
  a library made for finding the article in a page; if it finds nothing, BeautifulSoup
  rules take the ``<h1>`` and the paragraphs of ``<article>`` (or of the whole page).
  The cleaner then runs as for any paste: captions, datelines and banners that
  survive extraction are still caught.
* A ``.md`` file whose first lines are a Pelican header with ``Title:`` and ``Date:`` is
  taken as already clean: the header is its metadata and each Markdown paragraph, as
  plain text, is a body paragraph. Without such a header it is cleaned like a paste.
"""

from __future__ import annotations

import datetime as dt
import re

from .errors import InputError

_DATE_PARAMS = {"extensive_search": False, "original_date": True}


def html_to_paste(page: str, path: str) -> str:
    """The article in a saved web page, written out as a plain paste."""
    import trafilatura  # noqa: PLC0415 - heavy (lxml, htmldate); only saved pages need it

    try:
        doc = trafilatura.bare_extraction(
            page,
            with_metadata=True,
            include_comments=False,
            include_tables=False,
            include_images=False,
            favor_precision=True,
            date_extraction_params=_DATE_PARAMS,
        )
    except Exception:
        doc = None
    title = getattr(doc, "title", None)
    date = getattr(doc, "date", None)
    url = getattr(doc, "url", None)
    paragraphs = [p for p in (getattr(doc, "text", None) or "").split("\n") if p.strip()]
    if not paragraphs:
        title, date, url, paragraphs = _soup_article(page)
    if not paragraphs:
        raise InputError(path, "no article text found in this web page", "paste the text instead")
    lines = [f" date {date}"] if date and re.fullmatch(r"\d{4}-\d{2}-\d{2}", date) else []
    lines += [title or "", "", "\n\n".join(paragraphs)]
    if url and url.startswith(("http://", "https://")):
        lines += ["", f"Original url: {url}"]
    return "\n".join(lines).strip("\n") + "\n"


def _soup_article(page: str) -> tuple[str | None, str | None, str | None, list[str]]:
    """Fallback rules: ``<h1>``, published-time meta, canonical link, paragraphs."""
    from bs4 import BeautifulSoup  # noqa: PLC0415 - only saved pages need it (0.08 s to import)

    soup = BeautifulSoup(page, "html.parser")
    for junk in soup(["script", "style", "nav", "header", "footer", "aside", "form", "figure"]):
        junk.decompose()
    heading = soup.find("h1") or soup.find("title")
    meta = soup.find("meta", attrs={"property": "article:published_time"})
    time = soup.find("time", attrs={"datetime": True})
    stamp = (meta.get("content") if meta else None) or (time.get("datetime") if time else None)
    canonical = soup.find("link", attrs={"rel": "canonical"})
    scope = soup.find("article") or soup.body or soup
    paragraphs = [p.get_text(" ", strip=True) for p in scope.find_all("p")]
    return (
        heading.get_text(" ", strip=True) if heading else None,
        str(stamp)[:10] if stamp else None,
        str(canonical.get("href")) if canonical else None,
        [p for p in paragraphs if p],
    )


_HEADER_LINE = re.compile(r"^(?P<key>[A-Za-z][\w \-]{0,40}):\s*(?P<value>.*)$")


def pelican_header(text: str) -> tuple[dict[str, str], str] | None:
    """A Pelican Markdown header (``Title:``, ``Date:`` ... then a blank line) and the body.

    >>> pelican_header("Title: A\\nDate: 2022-01-20\\n\\nBody.")
    ({'title': 'A', 'date': '2022-01-20'}, 'Body.')
    >>> pelican_header("A headline\\n\\nBody.") is None
    True
    """
    head, _, body = text.lstrip("\n").partition("\n\n")
    fields: dict[str, str] = {}
    for line in head.split("\n"):
        match = _HEADER_LINE.match(line)
        if not match:
            return None
        fields[match["key"].strip().lower()] = match["value"].strip()
    if "title" not in fields or "date" not in fields:
        return None
    return fields, body


def header_date(value: str) -> dt.date | None:
    """``2022-01-20`` or ``2022-01-20 10:15``: the date part, if it is a real date."""
    try:
        return dt.date.fromisoformat(value.strip()[:10])
    except ValueError:
        return None


def markdown_paragraphs(body: str) -> tuple[str, ...]:
    """Each Markdown block as plain text (emphasis and links rendered away).

    >>> markdown_paragraphs("Macron *urged* the [EU](https://europa.eu).\\n\\n## Next")
    ('Macron urged the EU.', 'Next')
    """
    import markdown  # type: ignore[import-untyped]  # noqa: PLC0415 - as above
    from bs4 import BeautifulSoup  # noqa: PLC0415

    rendered = BeautifulSoup(markdown.markdown(body), "html.parser")
    blocks = rendered.find_all(["p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote"])
    texts = (" ".join(b.get_text().split()) for b in blocks if not b.find("p"))
    return tuple(t for t in texts if t)
