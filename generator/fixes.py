"""Repairs inside one paragraph: ``str -> str``, each idempotent, applied in order (cf. ftfy).

Encoding damage (mojibake, wrong code page) is repaired earlier, in :mod:`generator.parse`,
by ftfy and charset-normalizer; these fixes handle what copying from a web page does to
the text itself.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable

from . import patterns as P


def unwrap_inline_html(text: str) -> str:
    """Drop inline tags such as ``<u>`` that copying a page leaves around link text.

    >>> unwrap_inline_html("Macron <u>urged</u> the <b>EU</b>")
    'Macron urged the EU'
    """
    return P.INLINE_TAG.sub("", text) if "<" in text else text


def unescape_entities(text: str) -> str:
    """Turn HTML entities (``&#039;``, ``&amp;``) back into characters.

    >>> unescape_entities("Europe&#039;s AT&amp;T")
    "Europe's AT&T"
    """
    return html.unescape(text) if P.ENTITY.search(text) else text


def strip_markdown_emphasis(text: str) -> str:
    """Remove ``**bold**``, ``__bold__`` and ``*italic*`` marks that rich-text pastes leave.

    >>> strip_markdown_emphasis("**Andriy Dubchak / AP** and *this*")
    'Andriy Dubchak / AP and this'
    """
    if "*" not in text and "__" not in text:
        return text
    return P.MD_ITALIC.sub(r"\g<inner>", P.MD_EMPHASIS.sub(r"\g<inner>", text))


def strip_markdown_links(text: str) -> str:
    """Keep the words of ``[link text](https://...)`` and ``_underscored_`` emphasis that a
    web clipper or a notes app writes; an image (``![alt](url)``) is left for the rules.

    >>> strip_markdown_links("behind the [Grand Dam](https://x.org/tag/gerd/) and _water security_")
    'behind the Grand Dam and water security'
    """
    if "](" in text:
        text = P.MD_LINK.sub(r"\g<inner>", text)
    if "<http" in text and len(text.split()) >= 12:
        text = P.INLINE_AUTOLINK.sub("", text)  # "In a letter <https://...> to the council"
    if "_" in text:
        text = P.MD_UNDERSCORE.sub(r"\g<inner>", text)
    return text


def fix_apostrophes(text: str) -> str:
    """Use the typographic apostrophe where a paste left U+02BC or a backtick inside a word.

    >>> fix_apostrophes("Europe\\N{MODIFIER LETTER APOSTROPHE}s don`t")
    'Europe’s don’t'
    """
    return re.sub(
        r"(?<=\w)[\N{MODIFIER LETTER APOSTROPHE}`](?=\w)", "\N{RIGHT SINGLE QUOTATION MARK}", text
    )


def close_spaced_quotes(text: str) -> str:
    """``" unreliable partner "`` - guillemets flattened into spaced straight quotes -,
    ``<< ... >>`` and French-spaced ``« ... »`` become ordinary quotations again.

    >>> close_spaced_quotes('an " unreliable partner ", he said. << We are ready >>, he said.')
    'an "unreliable partner", he said. «We are ready», he said.'
    """
    text = re.sub(
        "(\N{LEFT-POINTING DOUBLE ANGLE QUOTATION MARK})[ \N{NO-BREAK SPACE}\N{NARROW NO-BREAK SPACE}]+"
        "|[ \N{NO-BREAK SPACE}\N{NARROW NO-BREAK SPACE}]+(\N{RIGHT-POINTING DOUBLE ANGLE QUOTATION MARK})",
        r"\1\2",
        text,
    )
    if '" ' not in text and "<<" not in text:
        return text
    text = P.ASCII_GUILLEMETS.sub(
        "\N{LEFT-POINTING DOUBLE ANGLE QUOTATION MARK}\\g<inner>"
        "\N{RIGHT-POINTING DOUBLE ANGLE QUOTATION MARK}",
        text,
    )
    return P.SPACED_QUOTE.sub(r'"\g<inner>"', text)


def separate_fused_words(text: str) -> str:
    """Put back the space lost where link text met a short word: ``according toThe Times``.

    >>> separate_fused_words("as explained inThe Gazette, said McDonald")
    'as explained in The Gazette, said McDonald'
    """
    return P.FUSED_WORD.sub(r"\1 ", text)


def collapse_spaces(text: str) -> str:
    """Fold runs of spaces, tabs and no-break spaces left by indentation and layout tables.

    >>> collapse_spaces("    Europe  can\\tno longer ")
    'Europe can no longer'
    """
    return re.sub(r"[ \t\N{NO-BREAK SPACE}\N{NARROW NO-BREAK SPACE}]+", " ", text).strip()


FIXES: tuple[Callable[[str], str], ...] = (
    unwrap_inline_html,
    unescape_entities,
    strip_markdown_emphasis,
    strip_markdown_links,
    fix_apostrophes,
    close_spaced_quotes,
    separate_fused_words,
    collapse_spaces,
)


def apply_fixes(text: str) -> tuple[str, tuple[str, ...]]:
    """Run every fix in order; return the text and the names of the fixes that changed it.

    >>> apply_fixes("  the <b>EU</b>&#039;s plan")
    ("the EU's plan", ('unwrap_inline_html', 'unescape_entities', 'collapse_spaces'))
    """
    fired = []
    for fix in FIXES:
        fixed = fix(text)
        if fixed != text:
            fired.append(fix.__name__)
            text = fixed
    return text, tuple(fired)
