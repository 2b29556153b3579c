"""Measure the links stage against story labels: precision, coverage and threads.

Labels are read from a folder of pastes: each ``NAME.txt`` beside a ``NAME.json`` with a
``"story"`` (the shared corpus's format; a ``distractor-...`` story is a story of its own),
or one ``stories.txt`` of ``NAME STORY`` lines, ``-`` for a distractor (our own corpus), or
``STORY: NAME NAME ...`` lines.
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from .errors import InputError
from .model import Corpus


def story_labels(folder: Path) -> dict[str, str]:
    """Each labelled paste's file name and its story. ``NAME.json`` labels win over a
    ``stories.txt``; its lines are ``NAME STORY`` or ``STORY: NAME NAME ...``."""
    labels = {}
    for raw in sorted(folder.glob("*.txt")):
        label = raw.with_suffix(".json")
        if not label.exists():
            continue
        try:
            labels[raw.name] = str(json.loads(label.read_text(encoding="utf-8"))["story"])
        except (ValueError, KeyError, TypeError) as error:
            raise InputError(str(label), f"no story label ({error})", 'give it "story"') from None
    listing = folder / "stories.txt"
    if labels or not listing.exists():
        return labels
    for number, line in enumerate(listing.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        story, colon, names = line.partition(":")
        if colon and names.split() and " " not in story.strip():
            pairs = [(name, story.strip()) for name in names.split()]
        elif len(line.split()) == 2:
            pairs = [tuple(line.split())]  # type: ignore[list-item]
        else:
            raise InputError(
                f"{listing}:{number}", "not a story line", "NAME STORY, or STORY: NAME NAME ..."
            )
        for name, story in pairs:
            labels[name] = f"distractor-{name}" if story == "-" else story
    missing = sorted(name for name in labels if not (folder / name).is_file())
    if missing:
        raise InputError(str(listing), f"names files that are not there: {', '.join(missing)}")
    return labels


@dataclass(frozen=True)
class LinkFigures:
    """How the links and threads of a corpus compare with its story labels."""

    pairs: int  # linked pairs (both directions count once)
    precision: float  # linked pairs whose two articles share a story
    coverage: float  # articles of multi-article stories linked to one of their story
    cross_story: int  # linked pairs across stories
    split_stories: int  # multi-article stories not held whole by one thread
    mixed_threads: int  # threads holding articles of two stories or more
    misses: tuple[str, ...]  # what went wrong, one line each

    def line(self) -> str:
        return (
            f"links: pairs={self.pairs} precision={self.precision:.3f} "
            f"coverage={self.coverage:.3f} cross_story={self.cross_story} "
            f"split_stories={self.split_stories} mixed_threads={self.mixed_threads}"
        )


def score_links(corpus: Corpus, labels: dict[str, str]) -> LinkFigures:
    """Score ``corpus`` (linked from the labelled files) against ``labels`` (by file name).

    >>> from generator.model import CrossLink, Thread
    >>> links = (CrossLink("a.txt", "b.txt", 0.5, ()), CrossLink("b.txt", "c.txt", 0.2, ()))
    >>> corpus = Corpus((), links, (Thread("t", "T", ("a.txt", "b.txt", "c.txt")),))
    >>> score_links(corpus, {"a.txt": "x", "b.txt": "x", "c.txt": "y"}).line()
    'links: pairs=2 precision=0.500 coverage=1.000 cross_story=1 split_stories=0 mixed_threads=1'
    """
    story = {name.rsplit("/", 1)[-1]: s for name, s in labels.items()}

    def of(path: str) -> str | None:
        return story.get(path.rsplit("/", 1)[-1])

    pairs = {frozenset((x.source, x.target)) for x in corpus.links if x.source != x.target}
    good = {p for p in pairs if len({of(n) for n in p}) == 1}
    sizes: dict[str, int] = defaultdict(int)
    for s in story.values():
        sizes[s] += 1
    multi = [name for name, s in story.items() if sizes[s] > 1]
    linked = {n.rsplit("/", 1)[-1] for p in good for n in p}
    misses = [
        f"cross-story link: {' <-> '.join(sorted(p))}" for p in sorted(pairs - good, key=sorted)
    ]
    misses += [f"not linked to its story: {n} ({story[n]})" for n in multi if n not in linked]
    held: dict[str, set[str]] = defaultdict(set)  # story -> the threads holding its articles
    mixed = 0
    threaded = set()
    for thread in corpus.threads:
        stories = {of(m) for m in thread.members}
        if len(stories) > 1:
            mixed += 1
            misses.append(f"thread {thread.slug} holds {', '.join(sorted(map(str, stories)))}")
        for member in thread.members:
            held[str(of(member))].add(thread.slug)
            threaded.add(member.rsplit("/", 1)[-1])
    split = 0
    for s in sorted({story[n] for n in multi}):
        outside = [n for n in multi if story[n] == s and n not in threaded]
        if len(held[s]) != 1 or outside:
            split += 1
            misses.append(f"story {s} is in {len(held[s])} threads, {len(outside)} unthreaded")
    return LinkFigures(
        pairs=len(pairs),
        precision=len(good) / max(len(pairs), 1),
        coverage=sum(1 for n in multi if n in linked) / max(len(multi), 1),
        cross_story=len(pairs - good),
        split_stories=split,
        mixed_threads=mixed,
        misses=tuple(misses),
    )
