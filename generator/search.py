"""The search index in shards, so that adding an article re-indexes a year, not the briefing.

Pagefind has no incremental mode: it indexes every page it is given, about 2 ms a page. The
index is therefore made of shards, one Pagefind bundle per year of articles (per month in a
year of more than :data:`SHARD_PAGES` articles), under ``pagefind/<shard>/``. The search page
loads one bundle and merges the others (Pagefind's ``mergeIndex``). A shard whose pages'
indexed content is unchanged is copied from the previous site; the links an article makes are
marked ``data-pagefind-ignore`` in the template, so new links alone never re-index a shard.

The plan is a function of the articles alone (names and dates), so two builds of the same
content make the same shards. Pure functions only; Pelican and Pagefind are driven from
:mod:`generator.site.search_job`.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence

#: A year with more article pages than this is split into months. Each shard costs the
#: search page one more fetch of Pagefind's WebAssembly (72 KB, loaded per bundle), so shards
#: stay few: ten years of a briefing are ten bundles, and a year is split only when indexing
#: it again (about 2 ms a page, beside the rendering) would hold up a rebuild.
SHARD_PAGES = 2000
#: Where the shards go, and the manifest entries' prefix.
SEARCH_FOLDER = "pagefind"


def plan_shards(pages: Iterable[tuple[str, dt.date | None]]) -> dict[str, list[str]]:
    """Article pages (output name, date) grouped into shards, in name order.

    >>> plan_shards([("a/x.html", dt.date(2018, 8, 27)), ("a/y.html", dt.date(2022, 1, 20)),
    ...              ("a/z.html", None)])
    {'2018': ['a/x.html'], '2022': ['a/y.html'], 'undated': ['a/z.html']}
    >>> busy = [(f"a/{i}.html", dt.date(2020, 1 + i % 12, 1)) for i in range(SHARD_PAGES + 1)]
    >>> sorted(plan_shards(busy))[:2], len(plan_shards(busy))
    (['2020-01', '2020-02'], 12)
    """
    by_year: dict[str, list[tuple[str, dt.date | None]]] = defaultdict(list)
    for name, date in pages:
        by_year[str(date.year) if date else "undated"].append((name, date))
    shards: dict[str, list[str]] = {}
    for year, members in sorted(by_year.items()):
        if len(members) <= SHARD_PAGES or year == "undated":
            shards[year] = sorted(name for name, _ in members)
            continue
        for name, date in sorted(members):  # dated: the undated are never split
            shards.setdefault(f"{year}-{date.month:02d}", []).append(name)  # type: ignore[union-attr]
    return shards


_GLOB_SPECIAL = re.compile(r"([\\{}\[\]*?,!])")


def brace_glob(names: Sequence[str]) -> str:
    """A Pagefind ``--glob`` that matches exactly these output names.

    >>> brace_glob(["articles/a.html", "articles/b,c.html"])
    '{articles/a.html,articles/b\\\\,c.html}'
    """
    return "{" + ",".join(_GLOB_SPECIAL.sub(r"\\\1", n) for n in names) + "}"


def bundle_urls(shards: Mapping[str, object]) -> list[str]:
    """The bundles the search page loads, the first one's UI included: ``pagefind/2018/``."""
    return [f"{SEARCH_FOLDER}/{shard}/" for shard in sorted(shards)]
