"""Benchmarks (``make bench``): medians of repeated runs, and ratios measured side by side.

Machines here are shared and noisy, so every figure is a median of several runs, and the
ones that matter are ratios between things measured in the same run.

    python scripts/bench.py [quotes|links|all]
"""

from __future__ import annotations

import datetime as dt
import random
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator.clean import clean_article  # noqa: E402
from generator.evaluate import parse_case  # noqa: E402
from generator.links import link_corpus  # noqa: E402
from generator.model import Article, Quote  # noqa: E402
from generator.parse import parse_bytes  # noqa: E402
from generator.quotes import extract_quotes  # noqa: E402
from generator.settings import Settings  # noqa: E402


def median_ms(work: Callable[[], object], repeat: int = 25) -> float:
    """Median wall time of ``work`` in milliseconds (one warm-up run first)."""
    work()
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        work()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def typical_articles() -> list[tuple[str, bytes]]:
    """The seeds and the labelled cleaning cases: real-sized pastes."""
    out = [(p.name, p.read_bytes()) for p in sorted((ROOT / "content" / "raw").glob("*.txt"))]
    for path in sorted((ROOT / "tests" / "cases" / "clean").glob("*.case")):
        out.append((path.name, parse_case(path.read_text(encoding="utf-8"), path.name).raw))
    return out


def bench_quotes() -> None:
    print("== per article: parse, clean, quote extraction (median of 25 runs, ms)")
    rows = []
    for name, data in typical_articles():
        raw = parse_bytes(data, name)
        article = clean_article(raw)
        parse_ms = median_ms(lambda d=data, n=name: parse_bytes(d, n))
        clean_ms = median_ms(lambda r=raw: clean_article(r))
        quote_ms = median_ms(lambda a=article: extract_quotes(a.paragraphs))
        rows.append((name, len(data), parse_ms, clean_ms, quote_ms))
    rows.sort(key=lambda r: -r[1])
    for name, size, parse_ms, clean_ms, quote_ms in rows[:5]:
        print(
            f"  {name[:48]:<48} {size:>6} B  parse {parse_ms:6.2f}  clean {clean_ms:6.2f}  quotes {quote_ms:6.2f}"
        )
    worst = max(r[4] for r in rows)
    typical = statistics.median(r[4] for r in rows)
    ratio = statistics.median(r[4] / r[3] for r in rows)
    name, data = max(typical_articles(), key=lambda item: len(item[1]))
    long_article = clean_article(parse_bytes(data, name))
    paragraphs = long_article.paragraphs * 20
    long_ms = median_ms(lambda: extract_quotes(paragraphs), repeat=5)
    print(
        f"  a 20x longer article ({sum(map(len, paragraphs))} characters): quotes {long_ms:.1f} ms"
    )
    print(
        f"  {len(rows)} articles: quote extraction median {typical:.2f} ms, worst {worst:.2f} ms"
        f" (target < 20 ms); extraction / cleaning time, median ratio {ratio:.2f}"
    )


def synthetic_corpus(n: int, seed: int = 7) -> list[Article]:
    """``n`` made-up articles: stories of about ten pieces over several years, each with its
    own themes and people, written in a shared vocabulary of 20,000 content words (Zipf-like,
    exponent 0.8, as news copy is once stop words are gone)."""
    rng = random.Random(seed)
    syllables = "ka lo mi ren tu sa vor pel ind ost bra kel mun dar fi ga ne ro sol tem".split()

    def word(k: int) -> str:
        return "".join(rng.choice(syllables) for _ in range(k))

    common = [word(3) for _ in range(20000)]
    weights = [1 / (rank + 1) ** 0.8 for rank in range(len(common))]
    stories = max(1, n // 10)
    themes = [[word(4) for _ in range(12)] for _ in range(stories)]
    people = [[f"{word(2).title()} {word(3).title()}" for _ in range(3)] for _ in range(stories)]
    articles = []
    for i in range(n):
        story = i % stories
        paragraphs = []
        for _ in range(8):
            words = rng.choices(common, weights, k=34) + rng.sample(themes[story], 3)
            rng.shuffle(words)
            paragraphs.append(" ".join(words).capitalize() + ".")
        names = tuple(rng.sample(people[story], 2))
        date = dt.date(2016 + rng.randrange(8), 1 + rng.randrange(12), 1 + rng.randrange(28))
        quote = Quote(paragraphs[1][:80], names[0], names[0], "full", 1, 0, 80)
        articles.append(
            Article(
                path=f"raw/{i:05d}.txt",
                sha256=f"{i:064x}",
                title=" ".join(rng.sample(themes[story], 4)).title(),
                date=date,
                source=None,
                paragraphs=tuple(paragraphs),
                people=names,
                quotes=(quote,),
                callouts=(0,),
            )
        )
    return articles


SIZES = (1000, 10000)


def bench_links() -> None:
    print("== link stage alone (link_corpus) on synthetic corpora (median of 3 runs)")
    settings = Settings()
    results = {}
    for n in SIZES:
        corpus = synthetic_corpus(n)
        seconds = median_ms(lambda c=corpus: link_corpus(c, settings), repeat=3) / 1000
        links = link_corpus(corpus, settings).links
        results[n] = seconds
        print(f"  {n:>6} articles: {seconds:6.2f} s, {len(links)} links")
    print(
        f"  10,000 / 1,000 time ratio {results[10000] / results[1000]:.1f}x (target <= 15x);"
        f" 10,000 articles in {results[10000]:.2f} s (target < 5 s)"
    )


def bench_pack() -> None:
    """The PDF pack for 50 real-sized articles (our labelled cases, the corpus, the seeds)."""
    import tempfile  # noqa: PLC0415

    from generator.pack import write_pack  # noqa: PLC0415
    from generator.quotes import add_quotes  # noqa: PLC0415

    settings = Settings(title="Bench pack")
    articles = []
    for name, data in typical_articles():
        try:
            articles.append(add_quotes(clean_article(parse_bytes(data, name)), settings))
        except Exception:
            continue
    corpus_dir = ROOT / "tests" / "cases" / "corpus"
    for path in sorted(corpus_dir.glob("*.txt")):
        if path.name != "stories.txt":
            articles.append(
                add_quotes(clean_article(parse_bytes(path.read_bytes(), path.name)), settings)
            )
    articles = [a for a in articles if a.date][:50]
    corpus = link_corpus(articles, settings)
    with tempfile.TemporaryDirectory() as folder:
        start = time.perf_counter()
        report = write_pack(corpus, settings, Path(folder) / "pack.pdf")
        seconds = time.perf_counter() - start
    print("== the PDF pack (WeasyPrint), one run")
    print(f"  {report.articles} articles, {report.pages} pages in {seconds:.1f} s (target < 15 s)")


def bench_lighthouse() -> None:
    """Lighthouse (npm, Debian's Chromium) on an article page of the built site, served."""
    import functools  # noqa: PLC0415
    import http.server  # noqa: PLC0415
    import json  # noqa: PLC0415
    import os  # noqa: PLC0415
    import subprocess  # noqa: PLC0415
    import tempfile  # noqa: PLC0415
    import threading  # noqa: PLC0415

    site = ROOT / "output"
    tool = ROOT / "node_modules" / ".bin" / "lighthouse"
    print("== Lighthouse on an article page (make site first; npm ci for the tool)")
    if not tool.exists() or not (site / "articles").is_dir():
        print("  skipped: run `make site` and `npm ci` first")
        return

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, format: str, *args: object) -> None:
            pass

    handler = functools.partial(Quiet, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    article = sorted((site / "articles").glob("*.html"))[0].name
    url = f"http://127.0.0.1:{server.server_address[1]}/articles/{article}"
    with tempfile.TemporaryDirectory() as profile, tempfile.TemporaryDirectory() as out:
        flags = (
            "--headless --no-sandbox --disable-gpu --no-first-run --disable-background-networking"
            f" --disable-component-update --disable-sync --user-data-dir={profile}"
        )
        report = Path(out) / "lighthouse.json"
        subprocess.run(
            [
                str(tool),
                url,
                "--quiet",
                f"--chrome-flags={flags}",
                "--output=json",
                f"--output-path={report}",
                "--only-categories=performance,accessibility,best-practices,seo",
            ],
            check=True,
            env={**os.environ, "CHROME_PATH": "/usr/bin/chromium"},
            timeout=600,
        )
        categories = json.loads(report.read_text(encoding="utf-8"))["categories"]
    server.shutdown()
    scores = ", ".join(f"{name} {round(c['score'] * 100)}" for name, c in categories.items())
    print(f"  {article}: {scores} (target 100 each)")


SECTIONS = {
    "quotes": bench_quotes,
    "links": bench_links,
    "pack": bench_pack,
    "lighthouse": bench_lighthouse,
}


def main(argv: list[str]) -> int:
    wanted = argv[1:] or ["all"]
    for name, run in SECTIONS.items():
        if "all" in wanted or name in wanted:
            run()
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
