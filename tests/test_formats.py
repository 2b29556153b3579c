"""Input formats: saved web pages (trafilatura, BeautifulSoup fallback) and Markdown."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from generator.clean import clean_article
from generator.errors import InputError
from generator.parse import parse_bytes
from generator.pelican_plugin import run_pelican

from .conftest import CASES, ROOT

FORMATS = CASES / "formats"


def clean(path: Path):
    return clean_article(parse_bytes(path.read_bytes(), f"raw/{path.name}"))


def test_saved_web_page_keeps_the_article_and_loses_the_page() -> None:
    article = clean(FORMATS / "saved_page.html")
    assert article.title == "Harbour board backs new quay"
    assert article.date == dt.date(2023, 5, 9)
    assert (
        article.url
        == "https://www.example-coast-herald.org/2023/05/09/harbour-board-backs-new-quay"
    )
    body = " ".join(article.paragraphs)
    assert body.startswith("The harbour board voted on Tuesday")
    assert "Construction is due to begin next spring" in body
    assert '"This is the biggest investment' in body
    for junk in ("Skip to main", "Home", "newsletter", "Read more", "Copyright", "tracking"):
        assert junk not in body


def test_page_without_article_markup_falls_back_to_paragraphs() -> None:
    article = clean(FORMATS / "no_article_markup.html")
    assert article.title == "Ferry timetable changes"
    assert len(article.paragraphs) == 2
    assert any("no date" in w for w in article.warnings)


def test_page_without_text_is_a_clear_error() -> None:
    with pytest.raises(InputError, match=r"raw/empty\.html.*no article text"):
        clean_article(parse_bytes(b"<html><body><nav>Home</nav></body></html>", "raw/empty.html"))


def test_markdown_with_a_pelican_header_is_taken_as_clean() -> None:
    article = clean(FORMATS / "already_clean.md")
    assert article.title == "Museum extends opening hours for the summer"
    assert (article.date, article.source) == (dt.date(2023, 6, 1), "Example City News")
    assert article.paragraphs == (
        "The city museum will stay open until 9 p.m. on Thursdays from June to August, "
        "its director said on Wednesday.",
        '"We want people to come after work," said the director, Ines Varga.',
    )
    assert article.removed == ()
    assert ("tags", "culture") in article.extra


def test_markdown_without_a_header_is_cleaned_like_a_paste() -> None:
    article = clean(FORMATS / "markdown_paste.md")
    assert article.title == "Council delays vote on parking charges"
    assert article.paragraphs[-1] == "The vote will now take place in September."
    assert {r.rule for r in article.removed} >= {"drop_site_furniture", "drop_related_links"}


def test_all_formats_build_into_one_site(tmp_path: Path) -> None:
    content = tmp_path / "content" / "raw"
    content.mkdir(parents=True)
    for path in FORMATS.iterdir():
        (content / path.name).write_bytes(path.read_bytes())
    records = run_pelican(ROOT / "pelicanconf.py", tmp_path / "content", tmp_path / "out")
    assert [r.getMessage() for r in records if r.levelname == "ERROR"] == []
    warnings = [r.getMessage() for r in records if r.levelname == "WARNING"]
    assert "raw/no_article_markup.html: no date found; built as 'Date unknown'" in "\n".join(
        warnings
    )
    pages = sorted(p.name for p in (tmp_path / "out" / "articles").glob("*.html"))
    assert len(pages) == 4, pages  # the undated page is built too, as "Date unknown"
    assert any(p.startswith("undated-") for p in pages), pages
    museum = next(p for p in pages if "museum" in p)
    html = (tmp_path / "out" / "articles" / museum).read_text(encoding="utf-8")
    assert "Ines Varga" in html and "*Wednesday*" not in html
