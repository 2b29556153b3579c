"""The ``briefing`` command: a thin layer over the library, no logic of its own.

Exit codes: 0 success, 1 the content has problems (or the build failed), 2 usage errors.
"""

from __future__ import annotations

import argparse
import contextlib
import dataclasses
import json
import logging
import os
import sys
import threading
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from .build import BuildReport, build_atomically
from .cache import cache_folder, process_file_cached, prune, warm
from .errors import BriefingError, InputError
from .evaluate import parse_case, parse_quote_set, score, score_quotes, totals
from .links import link_corpus
from .model import Article, Corpus, Quote
from .pipeline import content_files, process_bytes, process_file, read_bytes
from .settings import Settings, load_settings
from .slugs import slugify

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE = 0, 1, 2


def _settings_from(settings_file: Path | str) -> Settings:
    """The BRIEFING dict of a settings file, read without running a build."""
    settings_file = Path(settings_file)
    namespace: dict[str, Any] = {"__file__": str(settings_file)}
    if settings_file.exists():
        code = compile(settings_file.read_text(encoding="utf-8"), str(settings_file), "exec")
        exec(code, namespace)  # the user's own settings file, as Pelican itself does
    return load_settings(namespace.get("BRIEFING"))


def _read(
    paths: Sequence[str], settings: Settings, plain: bool = False
) -> dict[str, Article | InputError]:
    out: dict[str, Article | InputError] = {}
    for name in paths:
        try:
            if name == "-":
                data = sys.stdin.buffer.read()
            elif name.endswith(".case"):  # a labelled test case: clean the paste it holds
                data = parse_case(Path(name).read_text(encoding="utf-8"), name).raw
            else:
                data = Path(name).read_bytes()
            if plain:
                from .parse import parse_bytes  # noqa: PLC0415
                from .quotes import add_quotes  # noqa: PLC0415

                raw = parse_bytes(data, name)
                paragraphs = tuple(p.strip() for p in raw.text.split("\n\n") if p.strip())
                base = Article(name, raw.sha256, None, None, None, paragraphs)
                out[name] = add_quotes(base, settings)
            else:
                out[name] = process_bytes(data, name, settings)
        except InputError as error:
            out[name] = error
        except OSError as error:
            out[name] = InputError(name, f"cannot be read: {error.strerror}")
    return out


def clean_json(article: Article) -> dict[str, Any]:
    """The stable ``briefing clean --json`` shape (keys may be added, never renamed)."""
    return {
        "title": article.title,
        "date": article.date.isoformat() if article.date else None,
        "source": article.source,
        "dateline": article.dateline,
        "byline": article.byline,
        "url": article.url,
        "paragraphs": list(article.paragraphs),
        "removed": [{"line": r.line, "rule": r.rule} for r in article.removed],
        "warnings": list(article.warnings),
        "section": article.section,
        "standfirst": article.standfirst,
        "caption": article.caption,
        "credit": article.credit,
        "agencies": list(article.agencies),
        "time": article.time,
        "repairs": list(article.repairs),
    }


def quote_json(quote: Quote) -> dict[str, Any]:
    """The stable ``briefing quotes --json`` shape."""
    return {
        "text": quote.text,
        "speaker": quote.speaker,
        "mention": quote.mention,
        "kind": quote.kind,
        "paragraph": quote.paragraph,
        "start": quote.start,
        "end": quote.end,
        "end_paragraph": quote.end_paragraph if quote.end_paragraph >= 0 else quote.paragraph,
    }


def _case_files(names: Sequence[str]) -> list[Path]:
    paths: list[Path] = []
    for name in names:
        path = Path(name)
        paths.extend(sorted(path.glob("*.case")) if path.is_dir() else [path])
    return paths


def cmd_evaluate(args: argparse.Namespace) -> int:
    """``briefing clean --evaluate DIR``: recall and junk removal against labelled cases."""
    from .clean import clean_article  # noqa: PLC0415
    from .parse import parse_bytes  # noqa: PLC0415

    scores, failed = [], False
    for path in _case_files(args.files):
        try:
            case = parse_case(path.read_text(encoding="utf-8"), path.as_posix())
            article = clean_article(parse_bytes(case.raw, path.as_posix()))
        except (OSError, ValueError, InputError) as error:
            print(f"error: {error}", file=sys.stderr)
            failed = True
            continue
        result = score(case, article)
        scores.append((case.outlet, result))
        if not args.json:
            marks = "" if result.title_ok else "  title differs"
            marks += "" if result.date_ok is not False else "  date differs"
            print(
                f"{path.name:<44} body {result.recalled:>2}/{result.paragraphs:<2}"
                f" junk {result.removed:>2}/{result.junk:<2}{marks}"
            )
            for missed in result.missed:
                print(f"    lost body text: {missed[:100]}")
            for kept in result.kept_junk:
                print(f"    junk kept:      {kept[:100]}")
    total = totals(s for _, s in scores)
    outlets = sorted({outlet for outlet, _ in scores})
    if args.json:
        print(
            json.dumps(
                {
                    **dataclasses.asdict(total),
                    "recall": total.recall,
                    "junk_removal": total.junk_removal,
                    "outlets": outlets,
                },
                indent=2,
            )
        )
    else:
        print(
            f"\n{total.cases} cases from {len(outlets)} kinds of outlet:"
            f" body-paragraph recall {total.recall:.3f} ({total.recalled}/{total.paragraphs}),"
            f" junk-line removal {total.junk_removal:.3f} ({total.removed}/{total.junk}),"
            f" titles {total.titles_ok}/{total.cases}, dates {total.dates_ok}/{total.dates}"
        )
    return EXIT_PROBLEMS if failed else EXIT_OK


def cmd_clean(args: argparse.Namespace) -> int:
    if args.evaluate:
        return cmd_evaluate(args)
    results = _read(args.files, _settings_from(args.settings))
    failed = False
    if args.json:
        payload: dict[str, Any] = {}
        for name, result in results.items():
            if isinstance(result, InputError):
                failed = True
                payload[name] = {"error": str(result)}
            else:
                payload[name] = clean_json(result)
        print(json.dumps(payload, ensure_ascii=False, indent=2))
        return EXIT_PROBLEMS if failed else EXIT_OK
    for name, result in results.items():
        if isinstance(result, InputError):
            print(f"error: {result}", file=sys.stderr)
            failed = True
            continue
        a = result
        print(f"== {name}")
        print(f"title:    {a.title}")
        print(
            f"date:     {a.date or '(none)'}    source: {a.source or '(unknown)'}    dateline: {a.dateline or '-'}"
        )
        if a.url:
            print(f"url:      {a.url}")
        for key in ("byline", "section", "standfirst", "caption", "credit"):
            if getattr(a, key):
                print(f"{key + ':':<9} {getattr(a, key)}")
        print(f"\n{len(a.paragraphs)} paragraphs:")
        for i, paragraph in enumerate(a.paragraphs, 1):
            print(f"  [{i}] {paragraph}")
        print(f"\n{len(a.removed)} lines set aside:")
        for removal in a.removed:
            print(f"  - {removal.rule:<28} {removal.line}")
        for warning in a.warnings:
            print(f"warning: {name}: {warning}", file=sys.stderr)
        print()
    return EXIT_PROBLEMS if failed else EXIT_OK


def cmd_evaluate_quotes(args: argparse.Namespace) -> int:
    """``briefing quotes --evaluate FILE``: extraction and attribution against gold quotes."""
    from .quotes import extract_quotes  # noqa: PLC0415

    items = []
    for name in args.files:
        try:
            items.extend(parse_quote_set(Path(name).read_text(encoding="utf-8"), name))
        except (OSError, ValueError) as error:
            print(f"error: {name}: {error}", file=sys.stderr)
            return EXIT_PROBLEMS
    total = score_quotes(items, extract_quotes)
    figures = {
        "items": total.items,
        "paragraphs": total.paragraphs,
        "gold_quotes": total.gold,
        "found_quotes": total.found,
        "precision": round(total.precision, 4),
        "recall": round(total.recall, 4),
        "f1": round(total.f1, 4),
        "kind_accuracy": round(total.kinds_ok / total.matched, 4) if total.matched else 1.0,
        "attribution_accuracy": round(total.attribution, 4),
        "problems": list(total.problems),
    }
    if args.json:
        print(json.dumps(figures, ensure_ascii=False, indent=2))
        return EXIT_OK
    for problem in total.problems:
        print(f"  {problem}")
    print(
        f"{total.items} items, {total.paragraphs} paragraphs, {total.gold} gold quotes:"
        f" extraction precision {total.precision:.3f}, recall {total.recall:.3f},"
        f" F1 {total.f1:.3f}; kinds {total.kinds_ok}/{total.matched};"
        f" attribution accuracy {total.attribution:.3f}"
        f" ({total.speakers_ok}/{total.full_matched} full quotes)"
    )
    return EXIT_OK


def cmd_quotes(args: argparse.Namespace) -> int:
    if args.evaluate:
        return cmd_evaluate_quotes(args)
    results = _read(args.files, _settings_from(args.settings), plain=args.plain)
    failed = any(isinstance(r, InputError) for r in results.values())
    if args.json:
        payload = {
            name: {"error": str(r)}
            if isinstance(r, InputError)
            else [quote_json(q) for q in r.quotes]
            for name, r in results.items()
        }
        print(json.dumps(payload, ensure_ascii=False, indent=2))
        return EXIT_PROBLEMS if failed else EXIT_OK
    for name, result in results.items():
        if isinstance(result, InputError):
            print(f"error: {result}", file=sys.stderr)
            continue
        print(
            f"== {name}: {len(result.quotes)} quotes, call-outs: {[i + 1 for i in result.callouts]}"
        )
        for i, q in enumerate(result.quotes, 1):
            star = "*" if i - 1 in result.callouts else " "
            print(
                f" {star}{i:>2}. [{q.kind:<8}] {q.speaker or '(unattributed)'}"
                f"{f' (as {q.mention!r})' if q.mention and q.mention != q.speaker else ''}, ¶{q.paragraph + 1}"
            )
            print(f"      “{q.text}”")
    return EXIT_PROBLEMS if failed else EXIT_OK


def _corpus_articles(content: Path, settings: Settings) -> tuple[list[Article], list[InputError]]:
    articles, errors = [], []
    for path in content_files(content):
        label = path.relative_to(content).as_posix()
        try:
            if settings.cache:  # the same cache a build fills: unchanged files are not re-read
                folder = cache_folder(content)
                articles.append(process_file_cached(path, label, settings, folder))
            else:
                articles.append(process_file(path, label, settings))
        except InputError as error:
            errors.append(error)
    return articles, errors


def cmd_links(args: argparse.Namespace) -> int:
    settings = _settings_from(args.settings)
    articles, errors = _corpus_articles(Path(args.content), settings)
    for error in errors:
        print(f"error: {error}", file=sys.stderr)
    corpus = link_corpus([a for a in articles if a.date], settings)
    if args.json:
        payload = [
            {
                "source": link.source,
                "target": link.target,
                "score": link.score,
                "reasons": list(link.reasons),
                "passages": [p._asdict() for p in link.passages],
                "relation": link.relation,
            }
            for link in corpus.links
        ]
        print(json.dumps(payload, ensure_ascii=False, indent=2))
    else:
        for link in corpus.links:
            print(f"{link.source} -> {link.target}  [{link.relation}, score {link.score:.3f}]")
            print(f"    why: {'; '.join(link.reasons)}")
            for p in link.passages:
                print(
                    f"    ¶{p.source_paragraph + 1} -> ¶{p.target_paragraph + 1}  ({p.score:.3f})"
                )
        for thread in corpus.threads:
            print(f"thread {thread.slug}: {thread.title} ({len(thread.members)} articles)")
    return EXIT_PROBLEMS if errors else EXIT_OK


def build(
    content: Path,
    output: Path,
    settings_file: Path,
    strict: bool = False,
    report: BuildReport | None = None,
) -> int:
    """Build the site atomically; report problems by file. Shared by ``build``, ``add`` and
    ``serve``; ``report`` receives what the build did (pages rendered, the links it made)."""
    from .pelican_plugin import run_pelican  # noqa: PLC0415 - Pelican only when building

    if not content.is_dir():
        print(f"error: the content folder {content} does not exist", file=sys.stderr)
        return EXIT_USAGE
    records: list[logging.LogRecord] = []
    report = report or BuildReport()
    started = time.perf_counter()
    # New files are cleaned on every core first. Only a speed-up, so never an error here:
    # a broken settings file is reported by the build itself.
    with contextlib.suppress(Exception):
        warm(content, _settings_from(settings_file), os.cpu_count() or 1)

    def _run(staging: Path) -> None:
        records.extend(run_pelican(settings_file, content, staging, output, report))
        if strict and any(r.levelno >= logging.ERROR for r in records):
            raise BriefingError(
                "--strict: some files had problems (see above); the previous site is kept"
            )

    try:
        build_atomically(output, _run)
    except BriefingError as error:
        _report(records)
        print(f"error: {error}", file=sys.stderr)
        return EXIT_PROBLEMS
    except Exception as error:  # Pelican or a template failed: keep the old site
        _report(records)
        print(f"error: the build failed, {output} is unchanged: {error}", file=sys.stderr)
        return EXIT_PROBLEMS
    _report(records)
    prune(cache_folder(content))  # entries no build has used for a month
    errors = sum(1 for r in records if r.levelno >= logging.ERROR)
    pages = sum(1 for _ in output.rglob("*.html"))
    reused = f"; {report.rendered} rendered, {report.reused} unchanged" if report.reused else ""
    print(
        f"Built {pages} pages into {output}/ in {time.perf_counter() - started:.1f} s{reused}"
        f"{f' ({errors} file(s) skipped, see above)' if errors else ''}."
    )
    if (output / "briefing.pdf").is_file():
        print(f"The briefing pack is {output / 'briefing.pdf'}.")
    print(f"Open {output.resolve() / 'index.html'} in a browser, or run `make serve`.")
    return EXIT_OK


def _report(records: Sequence[logging.LogRecord]) -> None:
    for record in records:
        level = "error" if record.levelno >= logging.ERROR else "warning"
        message = record.getMessage().replace("\n", ": ")
        print(f"{level}: {message}", file=sys.stderr)


def raw_name(article: Article, suffix: str) -> str:
    """``YYYY-MM-DD-outlet-slug.txt``: the readable name ``briefing add`` stores a paste under.

    >>> import datetime as dt
    >>> when = dt.date(2022, 1, 20)
    >>> raw_name(Article("x", "", "Macron calls for a pact", when, "The Moscow Times", ()), ".txt")
    '2022-01-20-the-moscow-times-macron-calls-for-a-pact.txt'
    """
    date = article.date.isoformat() if article.date else "undated"
    words = [date, slugify(article.source or "", 4), slugify(article.title or "", 8) or "article"]
    return "-".join(w for w in words if w) + suffix


def cmd_add(args: argparse.Namespace) -> int:
    """``briefing add FILE... | -``: check, store verbatim in content/raw/, show what it makes, rebuild."""
    settings = _settings_from(args.settings)
    content = Path(args.content)
    raw_dir = content / "raw"
    existing, _ = _corpus_articles(content, settings)
    hashes = {a.sha256: a.path for a in existing}
    urls = {a.url: a.path for a in existing if a.url}
    added: list[Article] = []
    for name in args.files:
        suffix = ".txt" if name == "-" else (Path(name).suffix.lower() or ".txt")
        try:
            data = sys.stdin.buffer.read() if name == "-" else read_bytes(Path(name), name)
            article = process_bytes(data, name if name != "-" else "standard input", settings)
        except InputError as error:
            print(f"error: {error}", file=sys.stderr)
            return EXIT_PROBLEMS
        same = hashes.get(article.sha256) or (urls.get(article.url) if article.url else None)
        if same and not args.force:
            print(
                f"error: {name}: already in the briefing as {same} (use --force to add it anyway)",
                file=sys.stderr,
            )
            return EXIT_PROBLEMS
        if article.date is None and not args.force:
            print(
                f"error: {name}: no date found; add a first line such as ' date 2022-01-20'",
                file=sys.stderr,
            )
            return EXIT_PROBLEMS
        raw_dir.mkdir(parents=True, exist_ok=True)
        target = raw_dir / raw_name(article, suffix)
        number = 2
        while target.exists():  # never overwrite a raw file
            target = raw_dir / raw_name(article, f"-{number}{suffix}")
            number += 1
        with target.open("xb") as handle:
            handle.write(data)
        label = target.relative_to(content).as_posix()
        stored = dataclasses.replace(article, path=label)
        added.append(stored)
        hashes[article.sha256] = label
        print(f"Added {label}")
        print(
            f"  {article.title} · {article.date or 'undated'} · {article.source or 'unknown outlet'}"
        )
        print(
            f"  {len(article.paragraphs)} paragraphs kept, {len(article.removed)} lines set aside,"
            f" {sum(q.kind == 'full' for q in article.quotes)} quotes"
        )
        for warning in article.warnings:
            print(f"  warning: {warning}")
    if args.no_build:
        _print_links(link_corpus([a for a in [*existing, *added] if a.date], settings), added)
        return EXIT_OK
    # The build links the whole briefing anyway: its links are shown, not computed twice.
    print("Rebuilding...")
    report = BuildReport()
    status = build(content, Path(args.output), Path(args.settings), report=report)
    if report.corpus is not None:
        _print_links(report.corpus, added)
    return status


def _print_links(corpus: Corpus, added: Sequence[Article]) -> None:
    """The links each new article makes, and why."""
    for article in added:
        made = [link for link in corpus.links if link.source == article.path]
        print(f"{article.path}: {len(made)} link(s)" + (":" if made else ""))
        for link in made:
            print(f"  link ({link.relation}) -> {link.target}: {'; '.join(link.reasons)}")


def cmd_check(args: argparse.Namespace) -> int:
    """``briefing check``: read every content file as a build would, without building."""
    settings = _settings_from(args.settings)
    content = Path(args.content)
    problems = warnings = 0
    seen: dict[str, str] = {}
    files = content_files(content)
    for path in files:
        label = path.relative_to(content).as_posix()
        try:
            article = process_file(path, label, settings)
        except InputError as error:
            print(f"error: {error}", file=sys.stderr)
            problems += 1
            continue
        if article.date is None:
            print(
                f"error: {label}: no date found (add a first line such as ' date 2022-01-20')",
                file=sys.stderr,
            )
            problems += 1
        if article.sha256 in seen:
            print(f"error: {label}: the same text as {seen[article.sha256]}", file=sys.stderr)
            problems += 1
        seen.setdefault(article.sha256, label)
        for warning in article.warnings:
            print(f"warning: {label}: {warning}", file=sys.stderr)
            warnings += 1
    print(f"Checked {len(files)} files: {problems} with problems, {warnings} warnings.")
    return EXIT_PROBLEMS if problems else EXIT_OK


def cmd_pdf(args: argparse.Namespace) -> int:
    """``briefing pdf``: the briefing pack (or one thread's) as one PDF."""
    from .pack import pick_thread, write_pack  # noqa: PLC0415

    settings = _settings_from(args.settings)
    articles, errors = _corpus_articles(Path(args.content), settings)
    for error in errors:
        print(f"error: {error}", file=sys.stderr)
    corpus = link_corpus([a for a in articles if a.date], settings)
    output = args.output
    if output is None:
        output = (
            f"briefing-{pick_thread(corpus, args.thread).slug}.pdf"
            if args.thread
            else "briefing.pdf"
        )
    started = time.perf_counter()
    report = write_pack(corpus, settings, Path(output), thread=args.thread)
    print(
        f"Wrote {report.path} ({report.articles} articles, {report.pages} pages)"
        f" in {time.perf_counter() - started:.1f} s."
    )
    return EXIT_PROBLEMS if errors else EXIT_OK


def cmd_build(args: argparse.Namespace) -> int:
    return build(Path(args.content), Path(args.output), Path(args.settings), args.strict)


def _theme_folder(settings_file: Path) -> Path:
    """The theme the settings name (Pelican resolves it beside the settings file); while the
    settings file is broken, ``theme/`` beside it, so that fixing it is still noticed."""
    from pelican.settings import read_settings  # noqa: PLC0415 - only serving needs it

    try:
        return Path(read_settings(str(settings_file))["THEME"])
    except Exception:  # a settings file being edited: the build reports what is wrong
        return settings_file.parent / "theme"


def cmd_serve(args: argparse.Namespace) -> int:
    import http.server  # noqa: PLC0415 - only serving needs it

    content, output, settings = Path(args.content), Path(args.output), Path(args.settings)
    build(content, output, settings)

    def snapshot() -> tuple[tuple[str, int], ...]:
        watched = [*content.rglob("*"), *_theme_folder(settings).rglob("*"), settings]
        return tuple(sorted((str(p), p.stat().st_mtime_ns) for p in watched if p.is_file()))

    def watch() -> None:
        seen = snapshot()
        while True:
            time.sleep(1.0)
            now = snapshot()
            if now != seen:
                seen = now
                print("change detected, rebuilding...")
                build(content, output, settings)

    threading.Thread(target=watch, daemon=True).start()

    class Handler(http.server.SimpleHTTPRequestHandler):
        def __init__(self, *a: Any, **k: Any) -> None:
            # Resolve the folder per request: each build swaps a new output/ into place.
            super().__init__(*a, directory=str(output.resolve()), **k)

        def log_message(self, format: str, *a: Any) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", args.port), Handler)
    print(
        f"Serving {output}/ at http://127.0.0.1:{args.port}/ (Ctrl-C to stop); rebuilding on changes."
    )
    with contextlib.suppress(KeyboardInterrupt):
        server.serve_forever()
    return EXIT_OK


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="briefing",
        description="Turn raw pasted news articles into a cleaned, quoted, cross-linked briefing site.",
    )
    p.add_argument(
        "--settings",
        default="pelicanconf.py",
        help="Pelican settings file (default: pelicanconf.py)",
    )
    sub = p.add_subparsers(dest="command", required=True, metavar="COMMAND")
    reads = argparse.ArgumentParser(add_help=False)  # the options commands share
    reads.add_argument("--content", default="content", help="content folder (default: content)")
    builds = argparse.ArgumentParser(add_help=False, parents=[reads])
    builds.add_argument("--output", default="output", help="output folder (default: output)")

    b = sub.add_parser(
        "build",
        help="build the site",
        description="Build output/ from content/ (atomically: a failed build keeps the previous site).",
        parents=[builds],
    )
    b.add_argument(
        "--strict",
        action="store_true",
        help="exit 1 and keep the previous site if any file had a problem",
    )
    b.set_defaults(func=cmd_build)

    c = sub.add_parser(
        "clean",
        help="show each cleaned article",
        description="Show what the cleaner keeps, takes into metadata and sets aside, with the rule for each line.",
    )
    c.add_argument(
        "files", nargs="+", metavar="FILE", help="raw article files ('-' reads standard input)"
    )
    c.add_argument("--json", action="store_true", help="print one JSON object keyed by file path")
    c.add_argument(
        "--evaluate",
        action="store_true",
        help="FILEs are labelled cases (*.case) or folders of them: report body recall and junk removal",
    )
    c.set_defaults(func=cmd_clean)

    q = sub.add_parser(
        "quotes",
        help="show the quotations found",
        description="List every quotation with its kind and speaker; * marks the call-outs.",
    )
    q.add_argument(
        "files", nargs="+", metavar="FILE", help="raw article files ('-' reads standard input)"
    )
    q.add_argument("--json", action="store_true", help="print one JSON object keyed by file path")
    q.add_argument(
        "--plain",
        action="store_true",
        help="treat files as clean body text: blank-line separated paragraphs, no cleaning",
    )
    q.add_argument(
        "--evaluate",
        action="store_true",
        help="FILEs are gold quote sets (*.quotes): report extraction P/R/F1 and attribution accuracy",
    )
    q.set_defaults(func=cmd_quotes)

    ln = sub.add_parser(
        "links",
        help="show the cross-links",
        description="Score every article pair and list the links made, with reasons and passage pairs.",
        parents=[reads],
    )
    ln.add_argument("--json", action="store_true", help="print a JSON list of links")
    ln.set_defaults(func=cmd_links)

    ad = sub.add_parser(
        "add",
        help="add pasted articles to content/raw/ and rebuild",
        description="Check each paste, store it verbatim under a readable name, show its links, rebuild.",
        parents=[builds],
    )
    ad.add_argument(
        "files",
        nargs="+",
        metavar="FILE",
        help="files to add ('-' reads a paste from standard input)",
    )
    ad.add_argument("--force", action="store_true", help="add duplicates and undated pastes anyway")
    ad.add_argument("--no-build", action="store_true", help="store only; build later")
    ad.set_defaults(func=cmd_add)

    ck = sub.add_parser(
        "check",
        help="check every content file without building",
        description="Read every file as a build would; exit 1 if any file has a problem.",
        parents=[reads],
    )
    ck.set_defaults(func=cmd_check)

    pdf = sub.add_parser(
        "pdf",
        help="make the briefing pack: one PDF to print for a meeting",
        description="Cover, contents with page numbers, timeline, every article, Who said what.",
        parents=[reads],
    )
    pdf.add_argument(
        "--thread", metavar="NAME", help="only this thread (slug or words of its title)"
    )
    pdf.add_argument(
        "--output",
        metavar="FILE",
        help="where to write it (default: briefing.pdf or briefing-<thread>.pdf)",
    )
    pdf.set_defaults(func=cmd_pdf)

    s = sub.add_parser(
        "serve",
        help="preview on localhost, rebuilding on changes",
        description="Build, serve output/ on 127.0.0.1 and rebuild when content/, theme/ or the settings change.",
        parents=[builds],
    )
    s.add_argument("--port", type=int, default=8000, help="port (default: 8000)")
    s.set_defaults(func=cmd_serve)
    return p


def main(argv: Sequence[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        return int(args.func(args))
    except BriefingError as error:
        print(f"error: {error}", file=sys.stderr)
        return EXIT_PROBLEMS


if __name__ == "__main__":
    sys.exit(main())
