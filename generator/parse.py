"""Stage 1: the bytes of one file become a :class:`RawArticle` (decoded text, no judgement).

Decoding is the only place Briefing guesses about bytes, and it says what it guessed:
UTF-8 first (with or without a BOM), then UTF-16 with a BOM, then charset-normalizer's
best guess for legacy pastes (cp1252, latin-1). ftfy then repairs mojibake that was
already in the text when it was copied (``canâ€™t`` -> ``can’t``), but leaves curly
quotes alone because the quote stage needs them.
"""

from __future__ import annotations

import codecs
import hashlib
import re
import unicodedata
from pathlib import PurePosixPath

import ftfy
from charset_normalizer import from_bytes

from .errors import InputError
from .formats import html_to_paste
from .model import Format, RawArticle

FORMATS: dict[str, Format] = {
    ".txt": "text",
    ".text": "text",
    ".md": "markdown",
    ".markdown": "markdown",
    ".html": "html",
    ".htm": "html",
}

#: Magic numbers of files that are commonly renamed to .txt by mistake.
BINARY_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"%PDF", "a PDF document"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"PK\x03\x04", "a ZIP archive (or a Word/OpenDocument file)"),
    (b"\xd0\xcf\x11\xe0", "an old Office document"),
    (b"RIFF", "a RIFF media file"),
)

_FTFY = ftfy.TextFixerConfig(uncurl_quotes=False, unescape_html=False, explain=True)

#: Characters that survive ftfy but are never text: C0 controls other than tab and newline,
#: and DEL. Removed by a regex scan, not ``str.translate``, which looks every character up in
#: a dict (0.2 ms for an article that has none, as nearly all do).
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


def detect_format(path: str) -> Format:
    """The article format from the file name; unknown endings are read as plain text.

    >>> detect_format("raw/2018-08-27-tass.txt"), detect_format("notes/a.MD")
    ('text', 'markdown')
    """
    return FORMATS.get(PurePosixPath(path).suffix.lower(), "text")


#: EBCDIC code pages: charset-normalizer sometimes picks them for short Western snippets.
EBCDIC = ("cp037", "cp273", "cp424", "cp500", "cp875", "cp1026", "cp1140")


def _as_western(data: bytes) -> str | None:
    """cp1252 text, if the bytes read as a Western-European paste (the common legacy case).

    Cyrillic or Greek bytes also decode as cp1252, but into words made wholly of accented
    letters; a Western text has mostly ASCII letters, so the share of accented ones decides.
    """
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        return None
    letters = [c for c in text if c.isalpha()]
    accented = sum(1 for c in letters if not c.isascii())
    return text if letters and accented / len(letters) < 0.3 else None


def decode(data: bytes, path: str) -> tuple[str, str]:
    """Decode bytes to text and name the encoding used.

    >>> decode("can’t".encode("cp1252"), "a.txt")
    ('can’t', 'cp1252')
    >>> decode(codecs.BOM_UTF8 + b"ok", "a.txt")
    ('ok', 'utf-8-sig')
    """
    for signature, what in BINARY_SIGNATURES:
        if data.startswith(signature):
            raise InputError(path, f"this is {what}, not text", "paste the article's text instead")
    if data.startswith(codecs.BOM_UTF8):
        return data[3:].decode("utf-8", errors="replace"), "utf-8-sig"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16", errors="replace"), "utf-16"
    if b"\x00" in data[:4096] and data[:4096].count(b"\x00") > len(data[:4096]) // 8:
        raise InputError(path, "this looks like binary data, not text", "paste the text instead")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    western = _as_western(data)
    if western is not None:
        return western, "cp1252"
    best = from_bytes(data[:200_000], cp_exclusion=list(EBCDIC)).best()
    if best is None:
        raise InputError(path, "the bytes are not text in any known encoding")
    encoding = codecs.lookup(best.encoding).name
    return data.decode(encoding, errors="replace"), encoding


def repair_text(text: str) -> tuple[str, tuple[str, ...]]:
    """Fix mojibake, line endings and stray control characters; NFC-normalise.

    >>> repair_text("Macron says EU canâ€™t rely on US\\r\\n")
    ('Macron says EU can’t rely on US\\n', ('ftfy:fix_encoding',))
    """
    # Line endings and C0 controls first, so ftfy judges the same text a re-clean will see.
    text = _CONTROL.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))
    fixed, explanation = ftfy.fix_and_explain(text, config=_FTFY)
    repairs = tuple(
        "ftfy:fix_encoding" if action == "decode" else f"ftfy:{name}"
        for action, name in (explanation or ())
        if action in ("decode", "transcode", "apply") and name != "fix_line_breaks"
    )
    fixed = _CONTROL.sub("", fixed.replace("\r\n", "\n").replace("\r", "\n"))
    return unicodedata.normalize("NFC", fixed), tuple(dict.fromkeys(repairs))


def parse_bytes(data: bytes, path: str) -> RawArticle:
    """Turn one file's bytes into a RawArticle, or raise :class:`InputError` naming the file."""
    text, encoding = decode(data, path)
    text, repairs = repair_text(text)
    if not text.strip():
        raise InputError(path, "the file is empty", "paste the article text into it")
    form = detect_format(path)
    if form == "html":
        text = html_to_paste(text, path)
    return RawArticle(
        path=path,
        text=text,
        format=form,
        encoding=encoding,
        sha256=hashlib.sha256(data).hexdigest(),
        repairs=repairs,
    )
