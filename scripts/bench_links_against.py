"""The link stage of this working tree against an earlier commit's, side by side.

    python scripts/bench_links_against.py REV [N]

The machine is shared and its speed drifts by half within an hour, so one bench run against
another run minutes later says little. This makes both corpora of ``bench.py links`` once
(N articles, 10,000 by default), then times ``link_corpus`` from REV's ``generator/`` and from
the working tree's in turns, each in a fresh process on the same pickled articles, and prints
each one's median and their ratio. REV's ``Article`` must read the pickles (the model's
fields unchanged between the two).
"""

from __future__ import annotations

import io
import pickle
import statistics
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

ROUNDS = 3

TIMED = """
import pickle, sys, time
sys.path.insert(0, sys.argv[1])
from generator.links import link_corpus
from generator.settings import Settings
articles = pickle.loads(open(sys.argv[2], "rb").read())
link_corpus(articles, Settings())  # warm-up: imports, first-touch memory
start = time.perf_counter()
link_corpus(articles, Settings())
print(time.perf_counter() - start)
"""


def main(argv: list[str]) -> int:
    from bench import paste_corpus, synthetic_corpus  # noqa: PLC0415

    from generator.terms import add_word_counts  # noqa: PLC0415

    rev, n = argv[1], int(argv[2]) if len(argv) > 2 else 10_000
    with tempfile.TemporaryDirectory() as tmp:
        old = Path(tmp) / "old"
        old.mkdir()
        archive = subprocess.run(
            ["git", "archive", rev, "generator"], cwd=ROOT, capture_output=True, check=True
        ).stdout
        with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
            tar.extractall(old, filter="data")
        corpora = {}
        for label, make in (("stories", synthetic_corpus), ("raw pastes", paste_corpus)):
            path = Path(tmp) / f"{label}.pickle"
            path.write_bytes(pickle.dumps([add_word_counts(a) for a in make(n)]))
            corpora[label] = path
        print(f"== link stage at {n} articles: {rev} against the working tree, in turns")
        for label, path in corpora.items():
            times: dict[str, list[float]] = {rev: [], "now": []}
            for _ in range(ROUNDS):
                for name, root in ((rev, old), ("now", ROOT)):
                    out = subprocess.run(
                        [sys.executable, "-c", TIMED, str(root), str(path)],
                        capture_output=True,
                        text=True,
                        check=True,
                    ).stdout
                    times[name].append(float(out.split()[-1]))
            before, after = (statistics.median(times[k]) for k in (rev, "now"))
            runs = "  ".join(f"{k}: {', '.join(f'{t:.2f}' for t in v)}" for k, v in times.items())
            print(f"  {label}: {rev} {before:.2f} s, now {after:.2f} s, ratio {after / before:.2f}")
            print(f"    ({runs})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
