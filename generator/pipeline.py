"""The per-article stages in order, for one file: the only place that chains them."""

from __future__ import annotations

from pathlib import Path

from .analyst import apply_corrections, is_analyst_file, read_corrections
from .errors import InputError
from .model import Article
from .settings import Settings

#: Files read as articles: pastes, Markdown (with or without a Pelican header), saved pages.
CONTENT_SUFFIXES = (".txt", ".text", ".md", ".markdown", ".html", ".htm")

#: Larger files are refused rather than read: no real article is this long.
MAX_BYTES = 5 * 1024 * 1024


def read_bytes(path: Path, label: str) -> bytes:
    """Read a content file (read-only), refusing what cannot be an article."""
    try:
        if path.is_symlink():
            raise InputError(label, "a symbolic link: give the file it points to")
        if path.is_dir():
            raise InputError(label, "a folder, not a file: give the files in it (FOLDER/*.txt)")
        if not path.is_file():
            raise InputError(label, "not a regular file")
        if path.stat().st_size > MAX_BYTES:
            raise InputError(
                label, f"larger than {MAX_BYTES // 2**20} MB; is this really one article?"
            )
        with path.open("rb") as handle:
            return handle.read()
    except OSError as error:
        raise InputError(label, f"cannot be read: {error.strerror}") from error


def process_bytes(data: bytes, label: str, settings: Settings) -> Article:
    """parse -> clean -> quotes -> word counts for one article's bytes."""
    # The stages are imported here, not above: their rules (regular expressions, word lists)
    # take 0.2 s to load, which a build with nothing to clean should not pay.
    from .clean import clean_article  # noqa: PLC0415
    from .parse import parse_bytes  # noqa: PLC0415
    from .quotes import add_quotes  # noqa: PLC0415
    from .terms import add_word_counts  # noqa: PLC0415

    return add_word_counts(add_quotes(clean_article(parse_bytes(data, label)), settings))


def process_file(path: Path, label: str, settings: Settings) -> Article:
    """parse -> clean -> quotes for one file, then the analyst's corrections beside it;
    ``label`` is the name used in messages and links."""
    return with_analyst(process_bytes(read_bytes(path, label), label, settings), path, label)


def with_analyst(article: Article, path: Path, label: str) -> Article:
    """The last per-article step: the analyst's corrections and note (``.analyst.md`` beside
    the paste). Kept out of the cleaned article's cache entry, so editing them re-reads no text."""
    return apply_corrections(article, read_corrections(path, label))


def content_files(content: Path) -> list[Path]:
    """Raw article files under a content folder, in a stable order (hidden files and the
    analyst's own files skipped)."""
    return sorted(
        p
        for p in content.rglob("*")
        if p.suffix.lower() in CONTENT_SUFFIXES
        and not is_analyst_file(p, content)
        and not any(part.startswith(".") for part in p.relative_to(content).parts)
    )
