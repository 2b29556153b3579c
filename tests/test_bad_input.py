"""The bad-input catalogue (docs/bad-input.md): every entry has a test here."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.errors import InputError
from generator.pipeline import MAX_BYTES, process_bytes, process_file
from generator.settings import Settings
from generator.slugs import article_slug

from .conftest import briefing, new_project, tree_hash

BODY = b"A paragraph that is long enough to be the body of an article, and it ends here.\n"
SETTINGS = Settings()


def clean(data: bytes, name: str = "raw/x.txt"):
    return process_bytes(data, name, SETTINGS)


@pytest.mark.parametrize(
    ("name", "data", "problem"),
    [
        ("empty", b"", "empty"),
        ("whitespace", b" \n\t\n  \n", "empty"),
        ("png renamed", b"\x89PNG\r\n\x1a\n" + b"\x00" * 64, "PNG"),
        ("pdf renamed", b"%PDF-1.7\n%\xe2\xe3\n1 0 obj", "PDF"),
        ("binary", bytes(range(256)) * 40, "not text"),
        (
            "only junk",
            b" date 2022-01-01\nSkip to main content\n\nShare\n\nAdvertisement\n",
            "no article text",
        ),
    ],
)
def test_unusable_files_get_a_clear_message_naming_them(
    name: str, data: bytes, problem: str
) -> None:
    with pytest.raises(InputError) as caught:
        clean(data, "raw/bad file.txt")
    assert str(caught.value).startswith("raw/bad file.txt: ") and problem in str(caught.value), name


@pytest.mark.parametrize(
    ("name", "data", "title"),
    [
        ("invalid UTF-8", b" date 2022-01-01\nTitle \xff\xfe bad\n\n" + BODY, "Title ÿþ bad"),
        (
            "UTF-16 with BOM",
            (" date 2022-01-01\nTitle utf16\n\n" + BODY.decode()).encode("utf-16"),
            "Title utf16",
        ),
        ("cp1252", " date 2022-01-01\nCafé “crème”\n\n".encode("cp1252") + BODY, "Café “crème”"),
        ("latin-1", " date 2022-01-01\nCafé crème\n\n".encode("latin-1") + BODY, "Café crème"),
        (
            "NUL and control bytes",
            b" date 2022-01-01\nTi\x00tle with \x07bell\n\n" + BODY,
            "Title with bell",
        ),
        (
            "right-to-left",
            " date 2022-01-01\nעיתונות חופשית בירושלים\n\n".encode() + BODY,
            "עיתונות חופשית בירושלים",
        ),
        (
            "emoji and combining marks",
            " date 2022-01-01\nMacron 🇫🇷 speaks e\u0301\n\n".encode() + BODY,
            "Macron 🇫🇷 speaks é",
        ),
    ],
)
def test_odd_encodings_and_characters_give_sane_articles(
    name: str, data: bytes, title: str
) -> None:
    article = clean(data)
    assert article.title == title, name
    assert article.paragraphs == (BODY.decode().strip(),)
    assert "\x00" not in article.title and "\x07" not in article.title


def test_slugs_are_ascii_never_empty_and_never_a_path() -> None:
    for raw_title in ("Macron 🇫🇷 speaks é", "!!!", "../../etc/passwd", "עיתונות"):
        article = clean(f" date 2022-01-01\n{raw_title}\n\n".encode() + BODY)
        slug = article_slug(article)
        assert (
            slug.isascii()
            and "/" not in slug
            and ".." not in slug
            and slug.startswith("2022-01-01-")
        )
        assert len(slug) > len("2022-01-01-")


@pytest.mark.parametrize(
    ("header", "warning"),
    [
        (b"", "no date found"),
        (b" date 2022-02-30\n", "not a real date"),
    ],
)
def test_missing_or_impossible_dates_are_warnings(header: bytes, warning: str) -> None:
    article = clean(header + b"A title\n\n" + BODY)
    assert article.date is None and any(warning in w for w in article.warnings)


def test_a_one_megabyte_line_and_unbalanced_quotes_clean_in_linear_time() -> None:
    article = clean(b" date 2022-01-01\nTitle\n\n" + b"word " * 200_000 + b".\n")
    assert len(article.paragraphs[0]) > 900_000
    text = (
        b" date 2022-01-01\nTitle\n\n"
        + (b'He said "this opens and never closes ' + b"word " * 10_000 + b"\n\n") * 2
    )
    article = clean(text)
    assert all(q.end - q.start < 70_000 for q in article.quotes)  # no mark swallows the rest


def test_files_too_large_are_refused_before_reading(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    with big.open("wb") as handle:
        handle.truncate(MAX_BYTES + 1)  # a sparse 5 MB file: fast to make
    with pytest.raises(InputError, match=r"big\.txt: larger than 5 MB"):
        process_file(big, "big.txt", SETTINGS)


def test_deeply_nested_html_and_a_broken_markdown_header() -> None:
    page = b"<html><head><title>Deep page</title></head><body>" + b"<div>" * 5000
    page += b"<p>Deep paragraph that is long enough to be read as the body of a saved page.</p>"
    page += b"</div>" * 5000 + b"</body></html>"
    article = clean(page, "raw/deep.html")
    assert article.paragraphs and "Deep paragraph" in article.paragraphs[0]
    broken = b"Title: Only a title\nDate: not-a-date\n\n" + BODY
    article = clean(broken, "raw/broken.md")
    assert article.title == "Only a title" and any("not a date" in w for w in article.warnings)


@pytest.fixture(scope="module")
def bad_project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A project whose content folder holds the file-level entries of the catalogue."""
    root = new_project(tmp_path_factory.mktemp("bad"))
    raw = root / "content" / "raw"
    tass = next(raw.glob("2018-*.txt")).read_bytes()
    (raw / "copy of the TASS piece.txt").write_bytes(tass)  # identical text, a name with spaces
    (raw / "ünïcödé ..name.txt").write_bytes(b" date 2023-03-01\nSame headline\n\n" + BODY)
    (raw / "other.txt").write_bytes(b" date 2023-03-01\nSame headline\n\nAnother text. " + BODY)
    (raw / "future.txt").write_bytes(b" date 2031-02-03\nA piece from the future\n\n" + BODY)
    (raw / "undated.txt").write_bytes(b"A headline without a date\n\n" + BODY)
    (raw / "long.txt").write_bytes(
        b" date 2023-03-04\n" + b"Longwordwithoutspaces" * 240 + b"\n\n" + BODY
    )
    (raw / "picture.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 64)
    (raw / "bangs.txt").write_bytes(b" date 2023-03-02\n!!!\n\n" + BODY)
    outside = root / "secret.txt"
    outside.write_bytes(b" date 2023-03-03\nSecret\n\n" + BODY)
    (raw / "link.txt").symlink_to(outside)
    return root


def test_bad_files_are_named_and_the_rest_builds(bad_project: Path) -> None:
    before = tree_hash(bad_project / "content")
    result = briefing("build", cwd=bad_project)
    assert result.returncode == 0, result.stderr
    log = result.stderr
    duplicate = next(line for line in log.splitlines() if "the same file as" in line)
    assert "copy of the TASS piece.txt" in duplicate and "2018-08-27-tass" in duplicate
    assert duplicate.startswith(
        "warning: raw/copy of the TASS piece.txt: the same file as raw/2018-"
    )
    assert "is published and this copy is left out (the earlier is kept, or the first" in duplicate
    assert "undated.txt: no date found" in log and "picture.txt" in log and "PNG" in log
    assert "undated.txt: no date found; built as 'Date unknown'" in log
    undated = bad_project / "output" / "articles" / "undated-a-headline-without-a-date.html"
    assert "Date unknown" in undated.read_text(encoding="utf-8")
    archive = (bad_project / "output" / "archives.html").read_text(encoding="utf-8")
    assert archive.index("Date unknown") > archive.index("2023"), "undated listed last"
    longest = max((bad_project / "output" / "articles").glob("*.html"), key=lambda p: len(p.name))
    assert len(longest.name) <= 120  # a first line of 5,000 characters is not a page name
    assert "future.txt: the date 2031-02-03 is in the future" in log
    assert "link.txt: a symbolic link: give the file it points to" in log
    pages = sorted(p.name for p in (bad_project / "output" / "articles").glob("*.html"))
    assert len([p for p in pages if p.startswith("2023-03-01-same-headline")]) == 2  # no overwrite
    assert any(p.startswith("2023-03-02-") for p in pages)  # "!!!" is no headline: one is derived
    assert not any("secret" in p.lower() for p in pages)
    for page in (bad_project / "output").rglob("*"):
        assert page.resolve().is_relative_to((bad_project / "output").resolve())
    assert tree_hash(bad_project / "content") == before  # raw files are never modified


def test_strict_build_and_check_exit_1_when_a_file_has_a_problem(bad_project: Path) -> None:
    strict = briefing("build", "--strict", cwd=bad_project)
    assert strict.returncode == 1 and "picture.txt" in strict.stderr
    check = briefing("check", cwd=bad_project)
    assert check.returncode == 1
    assert "picture.txt" in check.stderr and "undated.txt" in check.stderr
    assert "with problems" in check.stdout
