"""Benchmarks (``make bench``): medians of repeated runs, and ratios measured side by side.

Machines here are shared and noisy, so every figure is a median of several runs, and the
ones that matter are ratios between things measured in the same run.

    python scripts/bench.py [quotes|links|all]
"""

from __future__ import annotations

import datetime as dt
import os
import random
import statistics
import sys
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator.clean import clean_article  # noqa: E402
from generator.evaluate import parse_case  # noqa: E402
from generator.links import link_corpus  # noqa: E402
from generator.model import Article, Quote  # noqa: E402
from generator.parse import parse_bytes  # noqa: E402
from generator.pipeline import process_bytes  # noqa: E402
from generator.quotes import extract_quotes  # noqa: E402
from generator.settings import Settings  # noqa: E402
from generator.terms import add_word_counts  # noqa: E402


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
    # hostile layouts: thousands of quotations or tags in one paragraph stay linear
    for label, unit in (
        ("tagged quotations", "Mr. Smith said, ''yes,'' "),
        ("dash-led lines", "\N{EN DASH} word, says Ann Lee. "),
    ):
        small = median_ms(lambda u=unit: extract_quotes((u * 3000,)), repeat=3)
        large = median_ms(lambda u=unit: extract_quotes((u * 6000,)), repeat=3)
        print(f"  one paragraph of 3,000 / 6,000 {label}: {small:.0f} / {large:.0f} ms")
    print(
        f"  {len(rows)} articles: quote extraction median {typical:.2f} ms, worst {worst:.2f} ms"
        f" (target < 10 ms); extraction / cleaning time, median ratio {ratio:.2f}"
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


def _processed(job: tuple[str, str]) -> Article:
    name, raw = job
    article = process_bytes(raw.encode("utf-8"), f"raw/{name}.txt", Settings())
    return replace(article, words=None)  # counted in the benchmark, to show that cost apart


def paste_corpus(n: int) -> list[Article]:
    """The build benchmark's ``n`` raw pastes (scripts/synthetic.py), through the per-article
    stages (parse, clean, quotes, word counts) on every core, as a build's cache holds them."""
    import multiprocessing  # noqa: PLC0415
    from concurrent.futures import ProcessPoolExecutor  # noqa: PLC0415

    sys.path.insert(0, str(ROOT / "scripts"))
    from synthetic import synthetic_pastes  # noqa: PLC0415

    jobs = [(paste.name, paste.raw) for paste in synthetic_pastes(n)]
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(os.cpu_count() or 1, mp_context=context) as pool:
        return list(pool.map(_processed, jobs, chunksize=64))


def bench_links() -> None:
    print("== link stage alone (link_corpus), two synthetic corpora (median of 3 runs)")
    print("   Word counting is a per-article stage, cached with each article like cleaning;")
    print("   its cost is shown apart, and the link stage reads the counted words.")
    settings = Settings()
    corpora: list[tuple[str, Callable[[int], list[Article]]]] = [
        ("stories (bench.py: ten-piece stories, 8 paragraphs)", synthetic_corpus),
        ("raw pastes (synthetic.py, the build benchmark's articles)", paste_corpus),
    ]
    for label, make in corpora:
        print(f"  {label}:")
        results = {}
        for n in SIZES:
            made = make(n)
            start = time.perf_counter()
            corpus = [add_word_counts(a) for a in made]
            counting = time.perf_counter() - start
            seconds = median_ms(lambda c=corpus: link_corpus(c, settings), repeat=3) / 1000
            linked = link_corpus(corpus, settings)
            passages = sum(len(link.passages) for link in linked.links)
            results[n] = seconds
            print(
                f"  {n:>6} articles: {seconds:6.2f} s, {len(linked.links)} links,"
                f" {passages} passage links (word counting, once: {counting:.2f} s in all)"
            )
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


def _timed(command: list[str], cwd: Path) -> tuple[float, int]:
    """Wall seconds and peak RSS (MB, the process and the children it waited for) of one run."""
    import subprocess  # noqa: PLC0415
    import tempfile  # noqa: PLC0415

    env = {**os.environ, "PYTHONPATH": str(ROOT), "SOURCE_DATE_EPOCH": "1700000000"}
    with tempfile.TemporaryFile() as errors:
        start = time.perf_counter()
        process = subprocess.Popen(
            command, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=errors
        )
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - start
        process.returncode = os.waitstatus_to_exitcode(status)
        if process.returncode != 0:
            errors.seek(0)
            tail = errors.read().decode(errors="replace")[-600:]
            raise RuntimeError(f"{' '.join(command[:4])} failed in {cwd}:\n{tail}")
    return seconds, usage.ru_maxrss // 1024


BRIEFING = [sys.executable, "-m", "generator.cli"]
PELICAN = [sys.executable, "-m", "pelican", "content", "-s", "pelicanconf.py", "-o", "output", "-q"]
PLAIN_PELICAN_SETTINGS = """AUTHOR = "Bench"
SITENAME = "Bench"
SITEURL = ""
PATH = "content"
TIMEZONE = "UTC"
DEFAULT_LANG = "en"
THEME = "simple"
FEED_ALL_ATOM = None
CATEGORY_FEED_ATOM = None
TRANSLATION_FEED_ATOM = None
AUTHOR_FEED_ATOM = None
AUTHOR_FEED_RSS = None
DEFAULT_PAGINATION = 10
RELATIVE_URLS = True
"""
HUGO_CONFIG = """baseURL = "http://127.0.0.1/"
title = "Bench"
disableKinds = ["RSS", "sitemap"]
"""
HUGO_SINGLE = """<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{{ .Title }}</title></head>
<body><main><h1>{{ .Title }}</h1><time>{{ .Date.Format "2006-01-02" }}</time>{{ .Content }}
{{ with .Site.RegularPages.Related . | first 8 }}<aside><h2>Related</h2><ul>
{{ range . }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> {{ .Date.Format "2006-01-02" }}</li>{{ end }}
</ul></aside>{{ end }}</main></body></html>
"""
HUGO_LIST = """<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{{ .Title }}</title></head>
<body><main><h1>{{ .Title }}</h1><ul>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul></main></body></html>
"""


def _projects(n: int, work: Path) -> dict[str, Path]:
    """The same ``n`` synthetic articles three ways: raw pastes for Briefing, pre-cleaned
    Markdown for plain Pelican (simple theme), and Markdown for Hugo."""
    import shutil  # noqa: PLC0415

    from synthetic import synthetic_pastes, write_markdown, write_raw  # noqa: PLC0415

    pastes = synthetic_pastes(n)
    ours = work / f"briefing-{n}"
    ours.mkdir(parents=True)
    shutil.copy(ROOT / "pelicanconf.py", ours / "pelicanconf.py")
    shutil.copytree(ROOT / "theme", ours / "theme")
    write_raw(pastes, ours / "content")
    plain = work / f"pelican-{n}"
    plain.mkdir()
    (plain / "pelicanconf.py").write_text(PLAIN_PELICAN_SETTINGS, encoding="utf-8")
    write_markdown(pastes, plain / "content")
    hugo = work / f"hugo-{n}"
    (hugo / "layouts" / "_default").mkdir(parents=True)
    (hugo / "hugo.toml").write_text(HUGO_CONFIG, encoding="utf-8")
    (hugo / "layouts" / "_default" / "single.html").write_text(HUGO_SINGLE, encoding="utf-8")
    (hugo / "layouts" / "_default" / "list.html").write_text(HUGO_LIST, encoding="utf-8")
    (hugo / "layouts" / "index.html").write_text(HUGO_LIST, encoding="utf-8")
    posts = hugo / "content" / "posts"
    posts.mkdir(parents=True)
    for paste in pastes:
        head, _, body = paste.markdown.partition("\n\n")
        fields = dict(line.split(": ", 1) for line in head.splitlines())
        front = (
            f'---\ntitle: "{fields["Title"]}"\ndate: {fields["Date"]}\n'
            f'tags: ["{fields["Tags"]}"]\n---\n\n'
        )
        (posts / f"{paste.name}.md").write_text(front + body, encoding="utf-8")
    return {"ours": ours, "plain": plain, "hugo": hugo}


def _hugo() -> str | None:
    """Debian's Hugo, installed if missing (the bench may; tests never need it)."""
    import shutil  # noqa: PLC0415
    import subprocess  # noqa: PLC0415

    if not shutil.which("hugo"):
        print("  installing Debian's hugo package for the comparison...")
        subprocess.run(
            ["apt-get", "install", "-y", "-qq", "hugo"], check=False, capture_output=True
        )
    return shutil.which("hugo")


def _fresh(project: Path) -> None:
    """Remove what a previous build left: output, caches."""
    import shutil  # noqa: PLC0415

    for name in ("output", ".briefing-cache", "public", "resources", ".hugo_build.lock"):
        target = project / name
        if target.is_dir():
            shutil.rmtree(target)
        elif target.exists():
            target.unlink()


BUILD_SIZES = (100, 1000, 10000)
Row = tuple[str, str, str, str]


def _rounds(n: int, projects: dict[str, Path], paste: Path | None) -> list[Row]:
    """Every build of one size, side by side: each round runs Briefing from scratch, Briefing
    with its cache (every page rendered again, as after a template change) and plain Pelican,
    and, with ``paste``, a build with nothing changed, ``briefing add`` of the paste and Hugo
    from scratch. Ratios are medians of each round's own ratios, so that the machine's
    drift (it is shared) hits both sides of a ratio alike."""
    import shutil  # noqa: PLC0415

    times: dict[str, list[float]] = {}
    memory = plain_memory = 0
    raw = projects["ours"] / "content" / "raw"
    before = set(raw.iterdir())
    hugo = _hugo() if paste else None

    def timed(key: str, command: list[str], project: str) -> int:
        seconds, rss = _timed(command, projects[project])
        times.setdefault(key, []).append(seconds)
        return rss

    for _ in range(3 if n <= 1000 else 1):
        _fresh(projects["ours"])
        memory = max(memory, timed("full", [*BRIEFING, "build"], "ours"))
        shutil.rmtree(projects["ours"] / "output")
        timed("warm", [*BRIEFING, "build"], "ours")
        if paste:
            timed("nothing", [*BRIEFING, "build"], "ours")
            timed("add", [*BRIEFING, "add", str(paste)], "ours")
            for path in set(raw.iterdir()) - before:
                path.unlink()  # back to the n articles for the next round
        _fresh(projects["plain"])
        plain_memory = max(plain_memory, timed("pelican", PELICAN, "plain"))
        if hugo:
            _fresh(projects["hugo"])
            timed("hugo", [hugo, "--quiet", "-d", "public"], "hugo")
    median = {key: statistics.median(values) for key, values in times.items()}

    def ratio(key: str, against: str) -> str:
        pairs = zip(times[key], times[against], strict=True)
        return f"{statistics.median(a / b for a, b in pairs):.2f}x"

    full, pelican = median["full"], median["pelican"]
    print(
        f"  {n:>6}: Briefing {full:.1f} s (cache warm {median['warm']:.1f} s, {memory} MB),",
        end=" ",
    )
    print(f"plain Pelican {pelican:.1f} s ({plain_memory} MB)")
    rows: list[Row] = [
        (
            f"full build, {n:,} articles",
            f"{full:.1f} s",
            f"{pelican:.1f} s (Pelican)",
            ratio("full", "pelican"),
        ),
        (
            f"every page again, cache warm, {n:,}",
            f"{median['warm']:.1f} s",
            f"{pelican:.1f} s (Pelican)",
            ratio("warm", "pelican"),
        ),
        (
            f"peak memory, {n:,} articles",
            f"{memory} MB",
            f"{plain_memory} MB (Pelican)",
            f"{memory / plain_memory:.2f}x",
        ),
    ]
    if not paste:
        return rows
    add, nothing = median["add"], median["nothing"]
    print(f"  add one article to {n:,}: {add:.1f} s; nothing changed: {nothing:.1f} s")
    rows += [
        (
            f"add 1 article to {n:,} (`briefing add`)",
            f"{add:.1f} s",
            f"{full:.1f} s (our full build)",
            ratio("add", "full"),
        ),
        (
            f"build, nothing changed, {n:,}",
            f"{nothing:.1f} s",
            f"{full:.1f} s (our full build)",
            ratio("nothing", "full"),
        ),
        (
            f"build, nothing changed, vs Pelican, {n:,}",
            f"{nothing:.1f} s",
            f"{pelican:.1f} s (Pelican)",
            ratio("nothing", "pelican"),
        ),
    ]
    if hugo:
        rows.append(
            (
                f"add 1 article vs Hugo full build, {n:,}",
                f"{add:.1f} s",
                f"{median['hugo']:.2f} s (Hugo)",
                ratio("add", "hugo"),
            )
        )
    return rows


def _extra_paste(n: int, work: Path) -> Path:
    """One more paste of the same stories: what ``briefing add`` adds to ``n`` articles."""
    from synthetic import synthetic_pastes  # noqa: PLC0415

    extra = synthetic_pastes(n + 1)[-1]
    paste = work / f"{extra.name}.txt"
    paste.write_text(extra.raw, encoding="utf-8")
    return paste


def bench_build() -> None:
    """Whole builds, side by side: Briefing, plain Pelican, Hugo, and adding one article."""
    import platform  # noqa: PLC0415
    import shutil  # noqa: PLC0415
    import tempfile  # noqa: PLC0415

    sys.path.insert(0, str(ROOT / "scripts"))
    sizes = [int(a) for a in sys.argv[2:] if a.isdigit()] or list(BUILD_SIZES)
    rows: list[Row] = []
    print("== whole builds on synthetic raw pastes (scripts/synthetic.py), wall seconds")
    with tempfile.TemporaryDirectory(prefix="briefing-bench-") as folder:
        work = Path(folder)
        for n in sizes:
            projects = _projects(n, work)
            regenerate = n == 1000 or (n == sizes[-1] and 1000 not in sizes)
            rows += _rounds(n, projects, _extra_paste(n, work) if regenerate else None)
            for project in projects.values():
                shutil.rmtree(project)
    print(
        f"\n{dt.date.today()}, {platform.platform()}, {os.cpu_count()} cores, Python {platform.python_version()}\n"
    )
    print("| measure | Briefing | compared with | ratio |")
    print("|---|---|---|---|")
    for row in rows:
        print("| " + " | ".join(row) + " |")


SECTIONS = {
    "quotes": bench_quotes,
    "links": bench_links,
    "pack": bench_pack,
    "lighthouse": bench_lighthouse,
    "build": bench_build,
}


def main(argv: list[str]) -> int:
    wanted = argv[1:] or ["all"]
    for name, run in SECTIONS.items():
        if "all" in wanted or name in wanted:
            run()
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
