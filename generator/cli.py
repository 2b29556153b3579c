"""The ``briefing`` command: a thin layer over the library, no logic of its own.

Exit codes: 0 success, 1 the content has problems (or the build failed), 2 usage errors.
"""

from __future__ import annotations

import argparse
import codecs
import contextlib
import dataclasses
import datetime as dt
import hashlib
import json
import logging
import os
import re
import sys
import threading
import time
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from .build import BuildReport, build_atomically
from .cache import cache_folder, process_file_cached, prune, warm
from .errors import BriefingError, InputError
from .evaluate import parse_case, parse_quote_set, score, score_quotes, totals
from .links import link_corpus
from .model import Article, Corpus, Quote
from .people import corpus_names
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

    settings = _settings_from(args.settings)
    worst = EXIT_OK
    for folder in map(Path, args.evaluate):
        labels = story_labels(folder)
        if not labels:
            print(
                f"error: {folder} has no story labels (NAME.json or stories.txt)", file=sys.stderr
            )
            return EXIT_USAGE
        articles = [process_file(folder / name, name, settings) for name in sorted(labels)]
        figures = score_links(link_corpus(articles, settings), labels)
        if args.show:
            for miss in figures.misses:
                print(f"    {miss}")
        print(f"{folder!s:<28} {figures.line()}")
        worst = EXIT_PROBLEMS if figures.misses else worst
    return worst


def cmd_links(args: argparse.Namespace) -> int:
    if args.evaluate:
        return cmd_evaluate_links(args)
    settings = _settings_from(args.settings)
    articles, errors = _corpus_articles(Path(args.content), settings)
    for error in errors:
        print(f"error: {error}", file=sys.stderr)
    corpus = link_corpus(articles, settings, near_misses=args.candidates)
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
    undated = undated_note(report.corpus)
    if undated:
        print(undated)
    if (output / "briefing.pdf").is_file():
        print(f"The briefing pack is {output / 'briefing.pdf'}.")
    print(f"Open {output.resolve() / 'index.html'} in a browser, or run `make serve`.")
    return EXIT_OK


def undated_note(corpus: Corpus | None) -> str:
    """The build summary's line naming the articles built without a date ("" if none).

    >>> when = dt.date(2022, 1, 20)
    >>> pieces = [Article(p, "", "T", d, None, ()) for p, d in [("raw/b.txt", None),
    ...           ("raw/x.txt", when), ("raw/a.txt", None)]]
    >>> print(undated_note(Corpus(tuple(pieces), (), ())))
    2 articles have no date: raw/a.txt, raw/b.txt — add a first line such as ' date 2022-01-20' (until then their pages say 'Date unknown', listed after the dated ones).
    """
    names = sorted(a.path for a in corpus.articles if a.date is None) if corpus else []
    if not names:
        return ""
    many = len(names) > 1
    return (
        f"{len(names)} article{'s have' if many else ' has'} no date: {', '.join(names)}"
        " \N{EM DASH} add a first line such as ' date 2022-01-20'"
        f" (until then {'their pages say' if many else 'its page says'} 'Date unknown',"
        " listed after the dated ones)."
    )


def _report(records: Sequence[logging.LogRecord]) -> None:
    for record in records:
        level = "error" if record.levelno >= logging.ERROR else "warning"
        message = record.getMessage().replace("\n", ": ")
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


#: The earliest date ``--date`` accepts (the cleaner takes no earlier date from a paste).
EARLIEST = dt.date(1900, 1, 1)


def article_date(value: str, today: dt.date) -> dt.date:
    """A date given for an article (``--date`` or the prompt's answer), or ``ValueError``
    saying what is wrong with it.

    >>> today = dt.date(2026, 12, 2)
    >>> article_date(" 2022-01-20 ", today)
    datetime.date(2022, 1, 20)
    >>> for bad in ("2022-02-30", "20/01/2022", "1850-01-01", "2031-01-01"):
    ...     try:
    ...         article_date(bad, today)
    ...     except ValueError as error:
    ...         print(error)
    2022-02-30 is not a real date
    20/01/2022 is not a date in the form YYYY-MM-DD
    1850-01-01 is before 1900: give the date the article was published
    2031-01-01 is in the future: give the date the article was published
    """
    value = value.strip()
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        raise ValueError(f"{value} is not a date in the form YYYY-MM-DD")
    try:
        date = dt.date.fromisoformat(value)
    except ValueError:
        raise ValueError(f"{value} is not a real date") from None
    if date < EARLIEST:
        raise ValueError(
            f"{value} is before {EARLIEST.year}: give the date the article was published"
        )
    if date > today + dt.timedelta(days=1):  # a day's grace: time zones
        raise ValueError(f"{value} is in the future: give the date the article was published")
    return date


def with_date_line(data: bytes, date: dt.date) -> bytes:
    r"""The paste with the project's header line `` date YYYY-MM-DD`` in front of it: the
    line a user would type by hand, in the paste's own encoding and line endings.

    >>> with_date_line(b"Title\r\n\r\nBody.\r\n", dt.date(2022, 1, 20))
    b' date 2022-01-20\r\nTitle\r\n\r\nBody.\r\n'
    >>> with_date_line(codecs.BOM_UTF16_LE + "T".encode("utf-16-le"), dt.date(2022, 1, 20))[:6]
    b'\xff\xfe \x00d\x00'
    """
    boms = [(codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le")]
    boms.append((codecs.BOM_UTF16_BE, "utf-16-be"))
    bom, encoding = next(((b, e) for b, e in boms if data.startswith(b)), (b"", "utf-8"))
    text = data[len(bom) :]
    crlf = "\r\n".encode(encoding) in text[:8192]
    line = f" date {date.isoformat()}" + ("\r\n" if crlf else "\n")
    return bom + line.encode(encoding) + text


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


def _dated(
    name: str, data: bytes, article: Article, date: dt.date, settings: Settings
) -> tuple[bytes, Article]:
    """The paste with a date line in front, read again: the date must be the one given and
    the text read as before, else :class:`InputError` (a saved web page or a Markdown file
    with a header keeps its date elsewhere)."""
    dated = with_date_line(data, date)
    again = process_bytes(dated, name, settings)
    if (again.date, again.title, again.paragraphs) != (date, article.title, article.paragraphs):
        raise InputError(
            name,
            f"a date line cannot be added to this {_kind_of_file(name)} without changing how it"
            " is read",
            "put the date in the file yourself (a first line such as ' date 2022-01-20', or"
            " the Date: of a Markdown header), then add it",
        )
    return dated, again


def _kind_of_file(name: str) -> str:
    """What kind of file ``name`` is, as a user would say it."""
    from .parse import detect_format  # noqa: PLC0415

    return {"html": "web page", "markdown": "Markdown file"}.get(detect_format(name), "paste")


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


def _already(article: Article, known: dict[str, str], force: bool, label: str) -> None:
    """Refuse a paste already in the briefing (same bytes or same original URL)."""
    same = known.get(article.sha256) or (known.get(article.url) if article.url else None)
    if same and not force:
        raise InputError(
            label, f"already in the briefing as {same}", "use --force to add it anyway"
        )


def _stored_dated(data: bytes, known: dict[str, str], dates: Iterable[dt.date]) -> str | None:
    """Where an undated paste is already in the briefing with a date line added in front
    (by ``briefing add --date``): the dates the briefing holds are the ones to try."""
    for date in sorted(dates):
        same = known.get(hashlib.sha256(with_date_line(data, date)).hexdigest())
        if same:
            return same
    return None


def _take_paste(
    name: str,
    args: argparse.Namespace,
    known: dict[str, str],
    dates: set[dt.date],
    settings: Settings,
) -> tuple[bytes, Article]:
    """One paste to add, read and checked, with its date line if a date was given for it
    (``--date``, or asked on a terminal): its bytes as they will be stored, and the article."""
    label = name if name != "-" else "standard input"
    data = _read_paste(name)
    article = process_bytes(data, label, settings)
    _already(article, known, args.force, label)
    same = _stored_dated(data, known, dates) if article.date is None else None
    if same and not args.force:
        raise InputError(
            label, f"already in the briefing as {same}, dated", "use --force to add it anyway"
        )
    date: dt.date | None = args.date
    if article.date is None and date is None and args.interactive and name != "-":
        date = _ask_date(label, dt.date.today())
    if article.date is None and date is not None:
        data, article = _dated(label, data, article, date, settings)
        _already(article, known, args.force, label)
    elif article.date is not None and args.date is not None and article.date != args.date:
        print(
            f"note: {label}: the paste gives the date {article.date};"
            f" --date {args.date} is used only for undated pastes"
        )
    return data, article


def _store(content: Path, name: str, data: bytes, article: Article) -> Article:
    """Write the paste into content/raw/ under its readable name (never over a file), say
    what it holds, and return the article under its stored name."""
    suffix = ".txt" if name == "-" else (Path(name).suffix.lower() or ".txt")
    raw_dir = content / "raw"
    raw_dir.mkdir(parents=True, exist_ok=True)
    target = raw_dir / raw_name(article, suffix)
    number = 2
    while target.exists():  # never overwrite a raw file
        target = raw_dir / raw_name(article, f"-{number}{suffix}")
        number += 1
    with target.open("xb") as handle:
        handle.write(data)
    stored = dataclasses.replace(article, path=target.relative_to(content).as_posix())
    print(f"Added {stored.path}")
    print(
        f"  {article.title} · {article.date or 'Date unknown'}"
        f" · {article.source or 'unknown outlet'}"
    )
    print(
        f"  {len(article.paragraphs)} paragraphs kept, {len(article.removed)} lines set aside,"
        f" {sum(q.kind == 'full' for q in article.quotes)} quotes"
    )
    for warning in article.warnings:
        if article.date is None and warning.startswith("no date found"):
            continue  # the note below says it, with what to do
        print(f"  warning: {warning}")
    if article.date is None:
        print(
            "  note: added undated: its page says 'Date unknown' and it is listed after the"
            f" dated articles. To date it, add a first line such as ' date 2022-01-20' to"
            f" {target} (or add the paste with --date YYYY-MM-DD)."
        )
    return stored


def cmd_add(args: argparse.Namespace) -> int:
    """``briefing add FILE... | -``: check, store in content/raw/, show what it makes, rebuild.

    Each file is stored verbatim, except that an undated paste given a date (``--date``,
    or the answer at the prompt) gets the header line `` date YYYY-MM-DD`` in front. A file
    with a problem is named and skipped; the others are still added (exit 1 at the end)."""
    settings = _settings_from(args.settings)
    content = Path(args.content)
    if args.date is not None:
        try:
            args.date = article_date(args.date, dt.date.today())
        except ValueError as error:
            names = ", ".join("standard input" if n == "-" else n for n in args.files)
            print(f"error: {names}: --date {error}; nothing was added", file=sys.stderr)
            return EXIT_USAGE
    args.interactive = args.date is None and sys.stdin.isatty()
    existing, _ = _corpus_articles(content, settings)
    known = {a.sha256: a.path for a in existing} | {a.url: a.path for a in existing if a.url}
    dates = {a.date for a in existing if a.date}
    added: list[Article] = []
    failed = False
    for name in args.files:
        try:
            data, article = _take_paste(name, args, known, dates, settings)
        except InputError as error:
            print(f"error: {error}", file=sys.stderr)
            failed = True
            continue
        added.append(_store(content, name, data, article))
        known.update({key: added[-1].path for key in (article.sha256, article.url) if key})
        dates.update([article.date] if article.date else [])
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
        if article.date is None:  # built, as "Date unknown": worth saying, not a problem
            print(
                f"warning: {label}: no date found; it is built as 'Date unknown' (add a first"
                " line such as ' date 2022-01-20')",
                file=sys.stderr,
            )
            warnings += 1
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
    corpus = link_corpus(articles, settings)
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
        description="Check each paste, store it verbatim under a readable name, show its links, rebuild.",
        parents=[builds],
    )
    ad.add_argument(
        "files",
        nargs="+",
        metavar="FILE",
        help="files to add ('-' reads a paste from standard input)",
    )
    ad.add_argument(
        "--date",
        metavar="YYYY-MM-DD",
        help="the date of undated pastes: stored as a first line ' date YYYY-MM-DD'"
        " (without it, a terminal asks; otherwise they are added undated)",
    )
    ad.add_argument(
        "--force", action="store_true", help="add pastes already in the briefing anyway"
    )
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
