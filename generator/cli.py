"""The ``briefing`` command: a thin layer over the library, no logic of its own.

Exit codes: 0 success, 1 the content has problems (or the build failed), 2 usage errors.
"""

from __future__ import annotations

import argparse
import contextlib
import dataclasses
import datetime as dt
import glob
import json
import logging
import os
import signal
import sys
import threading
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from .analyst import (
    SIDECAR_SUFFIX,
    Corrections,
    apply_corrections,
    article_date,
    format_corrections,
    is_analyst_file,
    note_html,
    plain_field,
    read_corrections,
    read_summary,
    sidecar_path,
)
from .build import BuildReport, build_atomically
from .cache import cache_folder, process_file_cached, prune, warm
from .duplicates import KEPT_RULE, duplicate_in, find_duplicates, kept_first
from .errors import BriefingError, InputError
from .model import Article, Corpus, CrossLink, Quote
from .people import corpus_names
from .pipeline import content_files, process_bytes, process_file, read_bytes, with_analyst
from .settings import Settings, load_settings
from .slugs import article_slug, slugify
from .uptodate import State, load_state, save_state, site_stamp, state_path

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
    paths: Sequence[str], settings: Settings, plain: bool = False, raw_reading: bool = False
) -> dict[str, Article | InputError]:
    out: dict[str, Article | InputError] = {}
    for name in paths:
        try:
            if name == "-":
                data = sys.stdin.buffer.read()
            elif name.endswith(".case"):  # a labelled test case: clean the paste it holds
                from .evaluate import parse_case  # noqa: PLC0415 - ftfy: only for cases

                data = parse_case(Path(name).read_text(encoding="utf-8"), name).raw
            else:
                path = Path(name)
                if not path.exists() and (Path("content") / "raw" / name).is_file():
                    path = Path("content") / "raw" / name  # a paste's name, as `fix` takes it
                data = path.read_bytes()
            if plain:
                from .parse import parse_bytes  # noqa: PLC0415
                from .quotes import add_quotes  # noqa: PLC0415

                raw = parse_bytes(data, name)
                paragraphs = tuple(p.strip() for p in raw.text.split("\n\n") if p.strip())
                base = Article(name, raw.sha256, None, None, None, paragraphs)
                out[name] = add_quotes(base, settings)
            else:
                article = process_bytes(data, name, settings)
                if name != "-" and not name.endswith(".case") and not raw_reading:
                    article = with_analyst(article, path, name)  # what the build shows
                out[name] = article
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
        "corrected": [f.replace("source", "outlet") for f in article.corrected],
        "note": article.note,
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
    from .evaluate import parse_case, score, totals  # noqa: PLC0415
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
    results = _read(args.files, _settings_from(args.settings), raw_reading=args.raw)
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
        if a.corrected or a.note:
            mine = ", ".join(f.replace("source", "outlet") for f in a.corrected) or "a note"
            print(
                f"(the analyst's file {sidecar_path(Path(name)).name} sets {mine};"
                " --raw shows the paste's own reading)"
            )
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
        if a.note:
            print(f"\nanalyst's note:\n  {a.note}")
        for warning in a.warnings:
            print(f"warning: {name}: {warning}", file=sys.stderr)
        print()
    return EXIT_PROBLEMS if failed else EXIT_OK


def cmd_evaluate_quotes(args: argparse.Namespace) -> int:
    """``briefing quotes --evaluate FILE``: extraction and attribution against gold quotes."""
    from .evaluate import parse_quote_set, score_quotes  # noqa: PLC0415
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

    def listed(article: Article) -> list[tuple[int, Quote]]:
        return [(i, q) for i, q in enumerate(article.quotes) if args.all or q.kind == "full"]

    if args.json:
        payload = {
            name: {"error": str(r)}
            if isinstance(r, InputError)
            else [quote_json(q) for _, q in listed(r)]
            for name, r in results.items()
        }
        print(json.dumps(payload, ensure_ascii=False, indent=2))
        return EXIT_PROBLEMS if failed else EXIT_OK
    for name, result in results.items():
        if isinstance(result, InputError):
            print(f"error: {result}", file=sys.stderr)
            continue
        terms = sum(1 for q in result.quotes if q.kind != "full")
        print(
            f"== {name}: {len(result.quotes) - terms} quotations"
            f"{f' and {terms} quoted terms' if terms else ''}, call-outs: {[i + 1 for i in result.callouts]}"
        )
        for i, q in listed(result):
            star = "*" if i in result.callouts else " "
            print(
                f" {star}{i + 1:>2}. [{q.kind:<8}] {q.speaker or '(unattributed)'}"
                f"{f' (as {q.mention!r})' if q.mention and q.mention != q.speaker else ''}, ¶{q.paragraph + 1}"
            )
            print(f"      “{q.text}”")
        if terms and not args.all:
            print(f"      ({terms} quoted terms and titles not listed; --all lists them)")
    merged = corpus_names(r for r in results.values() if not isinstance(r, InputError))
    merges = sorted((n, m) for n, m in merged.items() if m.why)
    if merges:
        print("== one person, one page:")
        for name, merge in merges:
            print(f"   {name!r} is shown as {merge.name!r} ({merge.why})")
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


def cmd_evaluate_links(args: argparse.Namespace) -> int:
    """``briefing links --evaluate DIR``: link precision, coverage and threads by story label."""
    from .link_score import score_links, story_labels  # noqa: PLC0415
    from .links import link_corpus  # noqa: PLC0415 - numpy, scipy: only linking needs them

    settings = _settings_from(args.settings)
    worst = EXIT_OK
    for folder in map(Path, args.evaluate):
        try:
            labels = story_labels(folder)
        except InputError as error:
            print(f"error: {error}", file=sys.stderr)
            return EXIT_USAGE
        if not labels:
            print(
                f"error: {folder} has no story labels (NAME.json or stories.txt)", file=sys.stderr
            )
            return EXIT_USAGE
        articles = []
        for name in sorted(labels):
            try:
                articles.append(process_file(folder / name, name, settings))
            except InputError as error:  # scored as unlinked, not a stop
                print(f"warning: {error}", file=sys.stderr)
        figures = score_links(link_corpus(articles, settings), labels)
        if args.show:
            for miss in figures.misses:
                print(f"    {miss}")
        print(f"{folder!s:<28} {figures.line()}")
        worst = EXIT_PROBLEMS if figures.misses else worst
    return worst


def cmd_links(args: argparse.Namespace) -> int:
    from .links import link_corpus  # noqa: PLC0415 - numpy, scipy: only linking needs them

    if args.evaluate:
        return cmd_evaluate_links(args)
    settings = _settings_from(args.settings)
    content = _content_folder(args)
    if content is None:
        return EXIT_USAGE
    articles, errors = _corpus_articles(content, settings)
    for error in errors:
        print(f"error: {error}", file=sys.stderr)
    corpus = link_corpus(articles, settings, near_misses=args.candidates)
    from .view import shown_relation  # noqa: PLC0415 - the pages' rule, loaded when needed

    dates = {a.path: a.date for a in corpus.articles}

    def relation(link: CrossLink) -> str:  # undated: no earlier or later, as on the pages
        return shown_relation(link.relation, dates.get(link.source), dates.get(link.target))

    if args.candidates:
        _print_near_misses(corpus, settings, as_json=args.json)
    elif args.json:
        payload = [
            {
                "source": link.source,
                "target": link.target,
                "score": link.score,
                "reasons": list(link.reasons),
                "passages": [p._asdict() for p in link.passages],
                "relation": relation(link),
            }
            for link in corpus.links
        ]
        print(json.dumps(payload, ensure_ascii=False, indent=2))
    else:
        for link in corpus.links:
            print(f"{link.source} -> {link.target}  [{relation(link)}, score {link.score:.3f}]")
            print(f"    why: {'; '.join(link.reasons)}")
            for p in link.passages:
                print(
                    f"    ¶{p.source_paragraph + 1} -> ¶{p.target_paragraph + 1}  ({p.score:.3f})"
                )
        for thread in corpus.threads:
            print(f"thread {thread.slug}: {thread.title} ({len(thread.members)} articles)")
    return EXIT_PROBLEMS if errors else EXIT_OK


def _print_near_misses(corpus: Corpus, settings: Settings, *, as_json: bool) -> None:
    """``briefing links --candidates``: the pairs scored just under the threshold."""
    if as_json:
        payload = [
            {"source": x.source, "target": x.target, "score": x.score, "shares": list(x.reasons)}
            for x in corpus.near_misses
        ]
        print(json.dumps(payload, ensure_ascii=False, indent=2))
        return
    if not corpus.near_misses:
        print(f"No near misses: no unlinked pair scores near {settings.link_threshold:.3f}.")
    for miss in corpus.near_misses:
        print(
            f"{miss.source} -- {miss.target}  [score {miss.score:.3f}, "
            f"links from {settings.link_threshold:.3f}]"
        )
        print(f"    shares: {'; '.join(miss.reasons) or 'nothing named'}")
        target = miss.target.rsplit("/", 1)[-1]
        print(f"    to link them, add a line 'Link to: {target}' to {miss.source}")


def build(
    content: Path,
    output: Path,
    settings_file: Path,
    strict: bool = False,
    report: BuildReport | None = None,
) -> int:
    """Build the site atomically; report problems by file. Shared by ``build``, ``add`` and
    ``serve``; ``report`` receives what the build did (pages rendered, the links it made)."""
    from .site.config import inputs_key  # noqa: PLC0415 - Pelican only when building

    if not content.is_dir():
        print(
            f"error: the content folder {content} does not exist (give --content the folder"
            " that holds raw/, or start a briefing with `briefing new FOLDER`)",
            file=sys.stderr,
        )
        return EXIT_USAGE
    records: list[logging.LogRecord] = []
    report = report or BuildReport()
    started = time.perf_counter()
    state_file = state_path(cache_folder(content), output)
    key = inputs_key(settings_file, content, output)
    state = load_state(state_file) if key else None
    if state and state.key == key and _up_to_date(output, state, strict):
        # Nothing a build reads has changed, and the site is the one it wrote: done.
        _report_messages(state.messages)
        pages = sum(1 for _ in output.rglob("*.html"))
        report.reused, report.siteurl, report.private = pages, state.siteurl, state.private
        print(
            f"Built {pages} pages into {output}/ in {time.perf_counter() - started:.1f} s;"
            f" 0 rendered, {pages} unchanged (nothing changed since the last build)."
        )
        _print_built(output, list(state.undated), report)
        return EXIT_OK
    from .pelican_plugin import run_pelican  # noqa: PLC0415 - the whole edge: only builds

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
    undated = (
        sorted(a.path for a in report.corpus.articles if a.date is None) if report.corpus else []
    )
    if key:  # the inputs as they were when the build started (see generator.uptodate)
        messages = tuple((r.levelno, r.getMessage()) for r in records)
        built = State(
            key, site_stamp(output), messages, tuple(undated), report.siteurl, report.private
        )
        save_state(state_file, built)
    prune(cache_folder(content))  # entries no build has used for a month
    errors = sum(1 for r in records if r.levelno >= logging.ERROR)
    pages = sum(1 for _ in output.rglob("*.html"))
    reused = f"; {report.rendered} rendered, {report.reused} unchanged" if report.reused else ""
    print(
        f"Built {pages} pages into {output}/ in {time.perf_counter() - started:.1f} s{reused}"
        f"{f' ({errors} file(s) skipped, see above)' if errors else ''}."
    )
    _print_built(output, undated, report)
    return EXIT_OK


def _up_to_date(output: Path, state: State, strict: bool) -> bool:
    """The site is still the one the last build wrote, and building again would end the
    same way (``--strict`` with files in error fails, so it runs)."""
    if strict and any(level >= logging.ERROR for level, _ in state.messages):
        return False
    return output.is_dir() and site_stamp(output) == state.stamp


def _print_built(output: Path, undated_names: list[str], report: BuildReport) -> None:
    """The build summary's closing lines: undated articles, the pack, where to look."""
    undated = undated_note(undated_names)
    if undated:
        print(undated)
    if (output / "briefing.pdf").is_file():
        print(f"The briefing pack is {output / 'briefing.pdf'}.")
    serve = "make serve" if Path("Makefile").exists() else "briefing serve"
    if report.siteurl:  # a published build: its links only work at its address
        kind = (
            "privately (noindex, robots.txt disallowing all, no sitemap, no feeds)"
            if report.private
            else "publicly (sitemap, Atom feeds)"
        )
        print(
            f"Built for {report.siteurl}/ {kind}: copy {output}/ to the host that serves that"
            f" address. Its links point there, so do not open it from disk; to preview, run"
            f" `{serve}`."
        )
        if report.private and urlsplit(report.siteurl).path.strip("/"):
            print(
                "  Crawlers read robots.txt only at the host's root: this site lives under"
                f" {urlsplit(report.siteurl).path}/, so its own robots.txt is not read there;"
                " every page's noindex still asks them to stay away (add the Disallow line"
                " to the root's robots.txt as well if you can)."
            )
    else:
        print(f"Open {output.resolve() / 'index.html'} in a browser, or run `{serve}`.")


def undated_note(names: Sequence[str]) -> str:
    """The build summary's line naming the articles built without a date ("" if none).

    >>> print(undated_note(["raw/a.txt", "raw/b.txt"]))
    2 articles have no date: raw/a.txt, raw/b.txt — give each with `briefing fix NAME --date YYYY-MM-DD` (until then their pages say 'Date unknown', listed after the dated ones).
    """
    if not names:
        return ""
    many = len(names) > 1
    return (
        f"{len(names)} article{'s have' if many else ' has'} no date: {', '.join(names)}"
        " \N{EM DASH} give each with `briefing fix NAME --date YYYY-MM-DD`"
        f" (until then {'their pages say' if many else 'its page says'} 'Date unknown',"
        " listed after the dated ones)."
    )


def _report(records: Sequence[logging.LogRecord]) -> None:
    _report_messages([(record.levelno, record.getMessage()) for record in records])


def _report_messages(messages: Sequence[tuple[int, str]]) -> None:
    for levelno, text in messages:
        level = "error" if levelno >= logging.ERROR else "warning"
        message = text.replace("\n", ": ")
        print(f"{level}: {message}", file=sys.stderr)


def raw_name(article: Article, suffix: str) -> str:
    """``YYYY-MM-DD-outlet-slug.txt``: the readable name ``briefing add`` stores a paste under.

    >>> when = dt.date(2022, 1, 20)
    >>> raw_name(Article("x", "", "Macron calls for a pact", when, "The Moscow Times", ()), ".txt")
    '2022-01-20-the-moscow-times-macron-calls-for-a-pact.txt'
    >>> len(raw_name(Article("x", "", "Word" * 2000, None, "Outlet" * 500, ()), ".txt")) < 200
    True
    """
    date = article.date.isoformat() if article.date else "undated"
    words = [date, slugify(article.source or "", 4), slugify(article.title or "", 8) or "article"]
    return "-".join(w for w in words if w) + suffix


def _ask_date(name: str, today: dt.date) -> dt.date | None:
    """Ask for an undated paste's date on the terminal; an empty answer keeps it undated."""
    while True:
        try:
            answer = input(
                f"{name}: no date found. The article's date (YYYY-MM-DD), or Enter to add it"
                " undated: "
            )
        except EOFError:
            print()
            return None
        if not answer.strip():
            return None
        try:
            return article_date(answer, today)
        except ValueError as error:
            print(f"  {error}; try again")


def _read_paste(name: str) -> bytes:
    """The bytes of a file to add ('-': standard input), with the problem named if none."""
    if name == "-":
        return sys.stdin.buffer.read()
    path = Path(name)
    if not path.exists() and not path.is_symlink():
        raise InputError(
            name, "the file does not exist", "check the name and the folder you are in"
        )
    return read_bytes(path, name)


def _given(args: argparse.Namespace) -> Corrections:
    """The corrections given on the command line (``--title``, ``--date``, ``--outlet``)."""
    return Corrections(
        title=plain_field(args.title) if args.title else None,
        date=args.date,
        outlet=plain_field(args.outlet) if args.outlet else None,
    )


def _take_paste(
    name: str, args: argparse.Namespace, existing: list[Article], settings: Settings
) -> tuple[bytes, Article, Corrections]:
    """One paste to add, read and checked: its bytes (stored verbatim), the article as it
    will be built, and the corrections to store beside it (given, or the date asked for)."""
    label = name if name != "-" else "standard input"
    data = _read_paste(name)
    cleaned = process_bytes(data, label, settings)
    given = _given(args)
    if cleaned.date is None and given.date is None and args.interactive and name != "-":
        given = dataclasses.replace(given, date=_ask_date(label, dt.date.today()))
    article = apply_corrections(cleaned, None if given.is_empty() else given)
    same = duplicate_in(article, existing)
    if same and not args.force:
        raise InputError(
            label,
            f"{same.reason} as {same.kept}: already in the briefing",
            f"use --force to add it anyway; the build publishes only one ({KEPT_RULE})",
        )
    return data, article, given  # warnings the corrections settle ("no date found") are gone


def _count(n: int, word: str) -> str:
    """``1 paragraph``, ``2 paragraphs``."""
    return f"{n} {word}{'' if n == 1 else 's'}"


def _decisions(article: Article, cleaned_title: str | None = None) -> list[str]:
    """What the cleaner (and the analyst) decided for an article, one line each, with where
    each value came from: for ``briefing add``, ``briefing fix`` and a reader's review."""
    mine = set(article.corrected)

    def origin(field: str, found: bool) -> str:
        if field in mine:
            return "  (set by you)"
        return "" if found else "  (not found in the paste)"

    derived = next((w for w in article.warnings if w.startswith("no headline found")), None)
    lines = [
        f"headline: {article.title}"
        + (
            origin("title", True)
            if "title" in mine
            else f"  ({derived.split(': ', 1)[1]})"
            if derived
            else ""
        ),
        f"date:     {article.date.strftime('%-d %B %Y') + f' ({article.date})' if article.date else 'Date unknown'}"
        + (
            f"  ({rejected.split('; ')[0]}; not used)"
            if article.date is None
            and "date" not in mine
            and (
                rejected := next(
                    (w for w in article.warnings if "printed in the paste is" in w), ""
                )
            )
            else origin("date", article.date is not None)
        ),
        f"outlet:   {article.source or 'unknown'}" + origin("source", article.source is not None),
    ]
    if article.standfirst:
        lines.append(f"deck:     {article.standfirst[:160]}")
    if article.byline:
        lines.append(f"byline:   {article.byline}")
    rules: dict[str, int] = {}
    for removal in article.removed:
        rules[removal.rule] = rules.get(removal.rule, 0) + 1
    aside = ", ".join(f"{rule} {n}" for rule, n in sorted(rules.items(), key=lambda r: -r[1]))
    lines.append(
        f"kept {_count(len(article.paragraphs), 'paragraph')};"
        f" set aside {_count(len(article.removed), 'line')}" + (f" ({aside})" if aside else "")
    )
    lines.append(
        f"quotes:   {sum(q.kind == 'full' for q in article.quotes)}"
        f" ({_count(len(article.callouts), 'call-out')})"
    )
    if article.note:
        lines.append(f"note:     {' '.join(article.note.split())[:160]}")
    for warning in article.warnings:
        if warning.startswith("no headline found") or (
            article.date is None and warning.startswith("no date found")
        ):
            continue  # said above, with where the value came from
        lines.append(f"doubtful: {warning}")
    return lines


def _correct_hint(path: str, article: Article) -> str:
    return (
        f'To correct it: briefing fix {path} --title "..." --date YYYY-MM-DD --outlet "..."'
        f" (stored beside the paste in {Path(path).name.removesuffix(Path(path).suffix)}{SIDECAR_SUFFIX};"
        " the paste is never changed)"
    )


def _say_which_copy(stored: Article, existing: Sequence[Article]) -> None:
    """A copy stored with ``--force``: say now which of the two the site will publish,
    ranked by the names they are stored under, as the build ranks them."""
    same = duplicate_in(stored, existing)
    if same is None:
        return
    kept = next((a for a in existing if a.path == same.kept), None)
    winner = (
        same.kept
        if kept is None or kept_first(kept) <= kept_first(stored)
        else f"this one, {stored.path}"
    )
    print(
        f"note: {stored.path}: {same.reason} as {same.kept}; stored (--force), but the site"
        f" publishes only one of the two: {winner} ({KEPT_RULE})"
    )


def _store(content: Path, name: str, data: bytes, article: Article, given: Corrections) -> Article:
    """Write the paste into content/raw/ verbatim under its readable name (never over a
    file), the corrections beside it, say what it holds, and return the stored article."""
    suffix = ".txt" if name == "-" else (Path(name).suffix.lower() or ".txt")
    if suffix == ".md" and name.lower().endswith(SIDECAR_SUFFIX):
        suffix = ".txt"
    raw_dir = content / "raw"
    raw_dir.mkdir(parents=True, exist_ok=True)
    target = raw_dir / raw_name(article, suffix)
    number = 2
    while target.exists() or sidecar_path(target).exists():  # never overwrite a raw file
        target = raw_dir / raw_name(article, f"-{number}{suffix}")
        number += 1
    with target.open("xb") as handle:
        handle.write(data)
    if not given.is_empty():
        sidecar_path(target).write_text(format_corrections(given), encoding="utf-8")
    stored = dataclasses.replace(article, path=target.relative_to(content).as_posix())
    print(
        f"Added {stored.path}"
        + (f" (and {sidecar_path(target).name})" if not given.is_empty() else "")
    )
    for line in _decisions(stored):
        print(f"  {line}")
    if article.date is None:
        print(
            "  note: added undated: its page says 'Date unknown' and it is listed after the"
            f" dated articles. To date it: briefing fix {target} --date YYYY-MM-DD"
            " (or add the paste with --date YYYY-MM-DD)."
        )
    print(f"  {_correct_hint(str(target), stored)}")
    return stored


def _content_folder(args: argparse.Namespace) -> Path | None:
    """The ``--content`` folder, or None (having said so) if there is no such folder."""
    content = Path(args.content)
    if content.is_dir():
        return content
    problem = "is not a folder" if content.exists() else "does not exist"
    print(
        f"error: the content folder {content} {problem} (give --content the folder that holds"
        " raw/, or start a briefing with `briefing new FOLDER`)",
        file=sys.stderr,
    )
    return None


def cmd_add(args: argparse.Namespace) -> int:
    """``briefing add FILE... | -``: check, store in content/raw/, show what it makes, rebuild.

    Each file is stored verbatim. What the command line sets (``--title``, ``--date``,
    ``--outlet``, or the date typed at the prompt) is stored beside it in its
    ``.analyst.md`` file. A file with a problem is named and skipped; the others are still
    added (exit 1 at the end)."""
    from .links import link_corpus  # noqa: PLC0415 - numpy, scipy: only linking needs them

    settings = _settings_from(args.settings)
    content = _content_folder(args)
    if content is None:
        return EXIT_USAGE
    names = ", ".join("standard input" if n == "-" else n for n in args.files)
    if (args.title or args.outlet) and len(args.files) > 1:
        print(
            f"error: {names}: --title and --outlet correct one article; add the files one at a"
            " time (or correct them later with `briefing fix FILE`); nothing was added",
            file=sys.stderr,
        )
        return EXIT_USAGE
    if args.date is not None:
        try:
            args.date = article_date(args.date, dt.date.today())
        except ValueError as error:
            print(f"error: {names}: --date {error}; nothing was added", file=sys.stderr)
            return EXIT_USAGE
    args.interactive = args.date is None and sys.stdin.isatty()
    existing, _ = _corpus_articles(content, settings)
    added: list[Article] = []
    failed = False
    for name in args.files:
        try:
            data, article, given = _take_paste(name, args, [*existing, *added], settings)
        except InputError as error:
            print(f"error: {error}", file=sys.stderr)
            failed = True
            continue
        stored = _store(content, name, data, article, given)
        _say_which_copy(stored, [*existing, *added])
        added.append(stored)
    status = EXIT_PROBLEMS if failed else EXIT_OK
    if not added:
        return status
    if args.no_build:
        _print_links(link_corpus([*existing, *added], settings), added)
        return status
    # The build links the whole briefing anyway: its links are shown, not computed twice.
    print("Rebuilding...")
    report = BuildReport()
    built = build(content, Path(args.output), Path(args.settings), report=report)
    if report.corpus is not None:
        _print_links(report.corpus, added)
    return built if built != EXIT_OK else status


def _find_paste(name: str, content: Path) -> Path | None:
    """The paste ``briefing fix`` is given: a path, one relative to the content folder, or a
    name in content/raw/ (its ``.analyst.md`` file's name works too)."""
    for given in (Path(name), content / name, content / "raw" / name):
        candidates = [given]
        if given.name.lower().endswith(SIDECAR_SUFFIX):
            stem = given.name[: -len(SIDECAR_SUFFIX)]
            candidates = sorted(given.parent.glob(f"{glob.escape(stem)}.*"))
        for candidate in candidates:
            if candidate.is_file() and not is_analyst_file(candidate):
                return candidate
    return None


def _fix_target(name: str, content: Path) -> Path | None:
    """The paste ``briefing fix`` corrects, or None after saying why there is none: no
    such file, or a file that is not one of this briefing's pastes."""
    paste = _find_paste(name, content)
    if paste is None:
        print(
            f"error: {name}: no such paste (give its path, e.g. content/raw/NAME.txt, or"
            f" its name in {content / 'raw'}/)",
            file=sys.stderr,
        )
        return None
    files = content_files(content)
    if paste.resolve() not in {p.resolve() for p in files}:
        inside = paste.resolve().is_relative_to(content.resolve())
        stored = None if inside else _stored_copy(paste, files)
        if stored is not None:  # the file as downloaded, added before: its stored copy
            print(f"{name} was added as {stored}: correcting that paste")
            return stored
        hint = (
            "it is one of the briefing's own files: edit it as it is"
            if inside
            else f"add it first with `briefing add {name}`"
        )
        print(
            f"error: {name}: not a paste of this briefing (its pastes are in"
            f" {content / 'raw'}/); {hint}; nothing was written",
            file=sys.stderr,
        )
        return None
    return paste


def _stored_copy(paste: Path, files: Sequence[Path]) -> Path | None:
    """The paste in the briefing that holds the same bytes as ``paste`` (the file a user
    added and now names by its old place), if any."""
    try:
        if paste.stat().st_size > 10 * 2**20:
            return None
        data = paste.read_bytes()
    except OSError:
        return None
    for path in files:
        try:
            if path.stat().st_size == len(data) and path.read_bytes() == data:
                return path
        except OSError:
            continue
    return None


def _moved_from(
    paste: Path, label: str, settings: Settings, current: Corrections, wanted: Corrections
) -> str | None:
    """The page's address under the ``current`` corrections, if ``wanted`` moves it and the
    cleaner's own reading (which always redirects) is not that address."""
    try:
        cleaned = process_bytes(read_bytes(paste, label), label, settings)
    except InputError:
        return None
    now = article_slug(apply_corrections(cleaned, current))
    later = article_slug(apply_corrections(cleaned, wanted))
    if now == later or now == article_slug(cleaned) or now in wanted.moved:
        return None
    return now


def _write_corrections(
    paste: Path, label: str, settings: Settings, current: Corrections, changes: dict[str, Any]
) -> None:
    """Store ``changes`` in the analyst's file beside ``paste`` (and the page's address so
    far, when they move it), or remove the file when nothing is left in it."""
    sidecar = sidecar_path(paste)
    wanted = dataclasses.replace(current, **changes, problems=())
    moved = _moved_from(paste, label, settings, current, wanted)
    if moved:  # the page moves: its address so far keeps redirecting
        wanted = dataclasses.replace(wanted, moved=(*wanted.moved, moved))
    text = format_corrections(wanted)
    if text and dataclasses.replace(wanted, moved=()).is_empty():
        sidecar.write_text(text, encoding="utf-8")
        print(
            f"Nothing is corrected now; {sidecar} keeps only the page's earlier addresses,"
            " so that links to them still arrive"
        )
    elif text:
        sidecar.write_text(text, encoding="utf-8")
        print(f"Wrote {sidecar} (the paste {paste.name} is unchanged)")
    elif sidecar.is_file():
        sidecar.unlink()
        print(f"Removed {sidecar}: nothing is corrected now")


def cmd_fix(args: argparse.Namespace) -> int:
    """``briefing fix FILE [--title T] [--date D] [--outlet O] [--note TEXT]``: correct what
    the cleaner decided, or add the analyst's note, in the file beside the paste (the paste
    is never changed); without options, show what was decided and where to correct it."""
    settings = _settings_from(args.settings)
    content = _content_folder(args)
    if content is None:
        return EXIT_USAGE
    paste = _fix_target(args.file, content)
    if paste is None:
        return EXIT_USAGE
    try:
        label = paste.resolve().relative_to(content.resolve()).as_posix()
    except ValueError:
        label = str(paste)
    sidecar = sidecar_path(paste)
    current = read_corrections(paste, label) or Corrections()
    changes: dict[str, Any] = {}
    if args.title is not None:
        changes["title"] = plain_field(args.title) or None
    if args.outlet is not None:
        changes["outlet"] = plain_field(args.outlet) or None
    if args.date is not None:
        try:
            changes["date"] = article_date(args.date, dt.date.today()) if args.date else None
        except ValueError as error:
            print(f"error: {label}: --date {error}; nothing was changed", file=sys.stderr)
            return EXIT_USAGE
    if args.note is not None:
        changes["note"] = args.note.replace("\\n", "\n").strip()
    for name in args.clear or ():
        changes[name] = "" if name == "note" else None
    if changes:
        _write_corrections(paste, label, settings, current, changes)
    try:
        article = process_file(paste, label, settings)
    except InputError as error:
        print(f"error: {error}", file=sys.stderr)
        return EXIT_PROBLEMS
    print(f"== {label}")
    for line in _decisions(article):
        print(f"  {line}")
    if not changes:
        state = f"corrections and note: {sidecar}" if sidecar.is_file() else "no corrections yet"
        print(f"  {state}")
        print(f"  {_correct_hint(str(paste), article)}")
        return EXIT_OK
    if args.no_build:
        print("Rebuild to see it on the site: briefing build.")
        return EXIT_OK
    print("Rebuilding...")
    return build(content, Path(args.output), Path(args.settings))


def _print_links(corpus: Corpus, added: Sequence[Article]) -> None:
    """The links each new article makes, and why."""
    for article in added:
        from .view import shown_relation  # noqa: PLC0415 - the pages' rule, loaded when needed

        made = [link for link in corpus.links if link.source == article.path]
        dates = {a.path: a.date for a in corpus.articles}
        print(f"{article.path}: {len(made)} link(s)" + (":" if made else ""))
        for link in made:
            shown = shown_relation(link.relation, dates.get(link.source), dates.get(link.target))
            print(f"  link ({shown}) -> {link.target}: {'; '.join(link.reasons)}")


def cmd_check(args: argparse.Namespace) -> int:
    """``briefing check``: read every content file as a build would, without building."""
    settings = _settings_from(args.settings)
    content = _content_folder(args)
    if content is None:
        return EXIT_USAGE
    problems = warnings = 0
    files = content_files(content)
    articles: list[Article] = []
    for path in files:
        label = path.relative_to(content).as_posix()
        try:
            article = process_file(path, label, settings)
        except InputError as error:
            print(f"error: {error}", file=sys.stderr)
            problems += 1
            continue
        articles.append(article)
        if article.date is None:  # built, as "Date unknown": worth saying, not a problem
            print(
                f"warning: {label}: no date found; it is built as 'Date unknown' (date it:"
                f" briefing fix {path} --date YYYY-MM-DD)",
                file=sys.stderr,
            )
            warnings += 1
        for warning in article.warnings:
            if article.date is None and warning.startswith("no date found"):
                continue
            print(f"warning: {label}: {warning}", file=sys.stderr)
            warnings += 1
    for copy in find_duplicates(articles).values():  # left out on purpose, as the build does
        print(f"warning: {copy.path}: {copy.message()}", file=sys.stderr)
        warnings += 1
    print(f"Checked {len(files)} files: {problems} with problems, {warnings} warnings.")
    return EXIT_PROBLEMS if problems else EXIT_OK


def cmd_pdf(args: argparse.Namespace) -> int:
    """``briefing pdf``: the briefing pack (or one thread's) as one PDF."""
    from .links import link_corpus  # noqa: PLC0415 - numpy, scipy: only linking needs them
    from .pack import pick_thread, write_pack  # noqa: PLC0415

    settings = _settings_from(args.settings)
    content = _content_folder(args)
    if content is None:
        return EXIT_USAGE
    articles, errors = _corpus_articles(content, settings)
    for error in errors:
        print(f"error: {error}", file=sys.stderr)
    corpus = link_corpus(articles, settings)
    output = args.output
    if output is None:
        output = (
            f"briefing-{pick_thread(corpus, args.thread).slug}.pdf"
            if args.thread
            else "briefing.pdf"
        )
    started = time.perf_counter()
    summary = note_html(read_summary(content))
    report = write_pack(corpus, settings, Path(output), thread=args.thread, summary=summary)
    print(
        f"Wrote {report.path} ({report.articles} articles, {report.pages} pages)"
        f" in {time.perf_counter() - started:.1f} s."
    )
    return EXIT_PROBLEMS if errors else EXIT_OK


def cmd_new(args: argparse.Namespace) -> int:
    """``briefing new FOLDER --title T``: a new briefing's folder, settings in one place."""
    from .project import new_briefing  # noqa: PLC0415

    folder = Path(args.folder)
    try:
        written = new_briefing(folder, args.title, args.description)
    except BriefingError as error:
        print(f"error: {error}", file=sys.stderr)
        return EXIT_USAGE
    command = Path(sys.argv[0]).resolve() if Path(sys.argv[0]).name == "briefing" else "briefing"
    print(f"Started the briefing {args.title!r} in {folder}/:")
    for path in written:
        print(f"  {path}")
    print(
        f"Next, in {folder}/:\n"
        f"  {command} add ARTICLE.txt        add a paste (it shows what it decided)\n"
        f'  {command} fix content/raw/NAME.txt --title "..."   correct it, or --note "..."\n'
        f"  edit content/summary.md          the analyst's summary for the front page and pack\n"
        f"  {command} build                  build output/ (open output/index.html)\n"
        f"  BRIEFING_SITEURL=https://... {command} --settings publishconf.py build   publish\n"
        "Its title, description and private/public setting are in pelicanconf.py."
    )
    return EXIT_OK


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


def _visible_files(folder: Path) -> list[Path]:
    """The files under ``folder`` but in hidden folders (the build's own cache is one)."""
    found: list[Path] = []
    for root, folders, files in os.walk(folder):
        folders[:] = [name for name in folders if not name.startswith(".")]
        found.extend(Path(root) / name for name in files)
    return found


def cmd_serve(args: argparse.Namespace) -> int:
    import http.server  # noqa: PLC0415 - only serving needs it

    # Ctrl-C stops the server even when it was started from a shell that ignores SIGINT for
    # background jobs (a script's `briefing serve &`): Python keeps an inherited "ignore".
    signal.signal(signal.SIGINT, signal.default_int_handler)

    output, settings = Path(args.output), Path(args.settings)
    content = _content_folder(args)
    if content is None:
        return EXIT_USAGE

    def snapshot() -> tuple[tuple[str, int], ...]:
        watched = [*_visible_files(content), *_theme_folder(settings).rglob("*"), settings]
        return tuple(sorted((str(p), p.stat().st_mtime_ns) for p in watched if p.is_file()))

    class Handler(http.server.SimpleHTTPRequestHandler):
        def __init__(self, *a: Any, **k: Any) -> None:
            # Resolve the folder per request: each build swaps a new output/ into place.
            super().__init__(*a, directory=str(output.resolve()), **k)

        def log_message(self, format: str, *a: Any) -> None:
            pass

        def send_error(
            self, code: int, message: str | None = None, explain: str | None = None
        ) -> None:
            """A missing page gets the site's own 404 page, as a host would serve it."""
            page = output / "404.html"
            if code != 404 or not page.is_file():
                super().send_error(code, message, explain)
                return
            body = page.read_bytes()
            if b"<base " not in body:  # a preview's links are relative to the site's root
                body = body.replace(b"<head>", b'<head><base href="/">', 1)
            self.send_response(404, message)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(body)

    try:
        server = http.server.ThreadingHTTPServer(("127.0.0.1", args.port), Handler)
    except OSError as error:
        print(
            f"error: cannot serve on port {args.port} ({error.strerror}); is another"
            " `briefing serve` running? Try --port 8001",
            file=sys.stderr,
        )
        return EXIT_USAGE
    # Builds run in this thread and the server in another, so that Ctrl-C always reaches a
    # build: it stops cleanly (its worker processes ended, its staging folder removed, the
    # previous site kept) instead of dying with the process, which left "leaked semaphore
    # objects" and a half-built folder behind.
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        seen = snapshot()
        build(content, output, settings)
        print(
            f"Serving {output}/ at http://127.0.0.1:{args.port}/ (Ctrl-C to stop);"
            " rebuilding on changes."
        )
        while True:
            time.sleep(1.0)
            now = snapshot()
            if now != seen:
                seen = now
                print("change detected, rebuilding...")
                build(content, output, settings)
    except KeyboardInterrupt:
        print("\nStopped.")
    finally:
        server.shutdown()
        server.server_close()
    return EXIT_OK


def parser() -> argparse.ArgumentParser:  # noqa: PLR0915 - one statement per option
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
    # add and fix: what they store (the paste, the corrections beside it), then a rebuild
    corrects = argparse.ArgumentParser(add_help=False)
    corrects.add_argument("--no-build", action="store_true", help="store only; build later")
    corrects.add_argument("--title", help="the headline, where the cleaner's is wrong")
    corrects.add_argument(
        "--date",
        metavar="YYYY-MM-DD",
        help="the article's date, where the paste has none or a wrong one",
    )
    corrects.add_argument("--outlet", help="the outlet, where the cleaner's is wrong")

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
        "--raw",
        action="store_true",
        help="the paste's own reading, without the analyst's corrections beside it",
    )
    c.add_argument(
        "--evaluate",
        action="store_true",
        help="FILEs are labelled cases (*.case) or folders of them: report body recall and junk removal",
    )
    c.set_defaults(func=cmd_clean)

    q = sub.add_parser(
        "quotes",
        help="show the quotations found",
        description="List every quotation with its speaker; * marks the call-outs. Names that are "
        "one person across the files (case, accents, typos) are shown merged, with the reason.",
    )
    q.add_argument(
        "files", nargs="+", metavar="FILE", help="raw article files ('-' reads standard input)"
    )
    q.add_argument("--json", action="store_true", help="print one JSON object keyed by file path")
    q.add_argument(
        "--all",
        action="store_true",
        help="also list quoted terms and titles (fragments), not only quotations",
    )
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
    ln.add_argument(
        "--candidates",
        action="store_true",
        help="list the near misses instead: pairs scored just under the threshold, and what they share",
    )
    ln.add_argument(
        "--evaluate",
        nargs="+",
        metavar="DIR",
        help="score links and threads against the story labels of these folders of pastes",
    )
    ln.add_argument("--show", action="store_true", help="with --evaluate: list each miss")
    ln.set_defaults(func=cmd_links)

    ad = sub.add_parser(
        "add",
        help="add pasted articles to content/raw/ and rebuild",
        description="Check each paste, store it verbatim under a readable name, show what was"
        " decided (headline, date, outlet, deck, what was set aside, anything doubtful) and its"
        " links, rebuild. --title/--date/--outlet are stored beside the paste, never in it"
        " (--title and --outlet: one file at a time). Without --date, a terminal asks for an"
        " undated paste's date; otherwise it is added undated.",
        parents=[builds, corrects],
    )
    ad.add_argument(
        "files",
        nargs="+",
        metavar="FILE",
        help="files to add ('-' reads a paste from standard input)",
    )
    ad.add_argument(
        "--force", action="store_true", help="add pastes already in the briefing anyway"
    )
    ad.set_defaults(func=cmd_add)

    fx = sub.add_parser(
        "fix",
        help="correct an article's headline, date or outlet, or write the analyst's note",
        description="Store corrections and the analyst's note in NAME.analyst.md beside the"
        " paste (never in the paste), show the result and rebuild. Without options: show what"
        " was decided. An empty value (--title '') removes that correction.",
        parents=[builds, corrects],
    )
    fx.add_argument(
        "file",
        metavar="FILE",
        help="the paste: content/raw/NAME.txt, NAME.txt, or the file as you added it",
    )
    fx.add_argument(
        "--note", help="the analyst's note, in Markdown (why it matters); shown on its page"
    )
    fx.add_argument(
        "--clear",
        action="append",
        choices=["title", "date", "outlet", "note"],
        help="remove a correction (repeatable)",
    )
    fx.set_defaults(func=cmd_fix)

    nw = sub.add_parser(
        "new",
        help="start a new briefing in a folder of its own",
        description="Create FOLDER with its settings (pelicanconf.py: title, description,"
        " private or public), publishconf.py, content/raw/ for the pastes and content/summary.md"
        " for the analyst's summary.",
    )
    nw.add_argument("folder", metavar="FOLDER")
    nw.add_argument("--title", required=True, help="the briefing's title")
    nw.add_argument("--description", default="", help="one sentence: what the briefing covers")
    nw.set_defaults(func=cmd_new)

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
    except BrokenPipeError:  # `briefing clean FILE | head`: the reader has what it wanted
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0


if __name__ == "__main__":
    sys.exit(main())
