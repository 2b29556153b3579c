"""Defaults and validation of the ``BRIEFING`` dict in ``pelicanconf.py``."""

from __future__ import annotations

import difflib
from collections.abc import Mapping
from dataclasses import dataclass, fields
from typing import Any

from .errors import SettingsError


@dataclass(frozen=True)
class Settings:
    """Every knob Briefing has, with its default."""

    title: str = "Briefing"
    description: str = ""
    link_threshold: float = 0.13  # article pairs scoring below this are not linked
    max_links: int = 8  # per article and direction
    passage_threshold: float = 0.12  # paragraph pairs scoring below this are not linked
    max_passages: int = 6  # passage links per article pair
    duplicate_threshold: float = 0.8  # text similarity above which two reports are the same story
    max_callouts: int = 3
    callout_min_chars: int = 50
    callout_max_chars: int = 320
    paper: str = "A4"  # or "Letter": print pages and the PDF pack
    pack: bool = True  # build output/briefing.pdf with the site
    pack_limit: int = 20  # the site's pack holds the newest N articles (0: all of them)
    cache: bool = True  # keep per-article results in .briefing-cache/ inside content/
    # a thread's title by hand: {"thread address or a member's file name": "Title"}
    thread_titles: tuple[tuple[str, str], ...] = ()
    private: bool = False  # published but not public: noindex, no sitemap, no feeds


def load_settings(raw: Mapping[str, Any] | None) -> Settings:
    """Validate the user's ``BRIEFING`` dict once; unknown keys are errors with a hint.

    >>> load_settings({"link_threshold": 0.3}).link_threshold
    0.3
    >>> load_settings({"link_treshold": 0.3})
    Traceback (most recent call last):
    ...
    generator.errors.SettingsError: BRIEFING has an unknown key 'link_treshold'; did you mean 'link_threshold'?
    """
    known = {f.name: f for f in fields(Settings)}
    values: dict[str, Any] = {}
    for key, value in (raw or {}).items():
        if key not in known:
            close = difflib.get_close_matches(key, known, n=1)
            hint = f"; did you mean {close[0]!r}?" if close else f"; known keys: {sorted(known)}"
            raise SettingsError(f"BRIEFING has an unknown key {key!r}{hint}")
        default = getattr(Settings, key)
        as_int = isinstance(value, int) and not isinstance(value, bool)
        given = float(value) if isinstance(default, float) and as_int else value
        if key == "thread_titles" and isinstance(value, Mapping):
            given = tuple(sorted((str(k), str(v)) for k, v in value.items()))
        if type(given) is not type(default):
            raise SettingsError(
                f"BRIEFING[{key!r}] must be a {type(default).__name__}, got {given!r}"
            )
        values[key] = given
    if values.get("paper", "A4") not in ("A4", "Letter"):
        raise SettingsError("BRIEFING['paper'] must be 'A4' or 'Letter'")
    return Settings(**values)
