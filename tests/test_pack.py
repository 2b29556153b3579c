"""The briefing pack: a real PDF from WeasyPrint, read back with poppler."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

from generator.links import link_corpus
from generator.model import Article, Corpus
from generator.pack import write_pack
from generator.pipeline import process_file
from generator.settings import Settings

from .conftest import CASES, SEEDS

TITLE = "Baltic grid, Danube bridge and Macron"


def page_text(pdf: Path, page: int | None = None) -> str:
    command = ["pdftotext", "-layout"]
    if page is not None:
        command += ["-f", str(page), "-l", str(page)]
    result = subprocess.run([*command, str(pdf), "-"], capture_output=True, text=True, check=True)
    return result.stdout


def flat(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture(scope="module")
def corpus() -> Corpus:
    settings = Settings()
    paths = [*SEEDS, *sorted((CASES / "corpus").glob("*.txt"))]
    articles: list[Article] = [
        process_file(p, p.name, settings) for p in paths if p.name != "stories.txt"
    ]
    return link_corpus(articles, settings)


@pytest.fixture(scope="module")
def pack(corpus: Corpus, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, int]:
    out = tmp_path_factory.mktemp("pack") / "briefing.pdf"
    report = write_pack(corpus, Settings(title=TITLE), out)
    return out, report.pages


def toc_page(corpus: Corpus, pdf: Path, article: Article) -> int:
    toc = flat(page_text(pdf, 2))
    start = toc.index(flat(article.title or "")[:30])
    return int(re.search(r"(?:\. )+(\d+)", toc[start:]).group(1))  # type: ignore[union-attr]


def test_contents_page_numbers_are_where_each_article_starts(
    corpus: Corpus, pack: tuple[Path, int]
) -> None:
    pdf, pages = pack
    assert "Contents" in page_text(pdf, 2)
    starts = []
    for article in sorted(corpus.articles, key=lambda a: (a.date, a.path)):
        number = toc_page(corpus, pdf, article)
        body = flat(page_text(pdf, number))
        heading = flat(article.title or "")[:30]
        # the article's heading is on that page, after the running header, and not on the page before
        assert body.count(heading) >= 1, (article.path, number)
        assert (article.source or "") in body
        starts.append(number)
    assert starts == sorted(starts) and len(set(starts)) == len(starts) and max(starts) <= pages


def test_running_header_and_page_x_of_y(pack: tuple[Path, int]) -> None:
    pdf, pages = pack
    for number in range(2, pages + 1):
        text = flat(page_text(pdf, number))
        assert f"Page {number} of {pages}" in text
        assert TITLE in text  # the briefing title runs along the top of every page
    assert "Page 1 of" not in page_text(pdf, 1)  # not on the cover


def test_cover_timeline_callouts_and_appendix(corpus: Corpus, pack: tuple[Path, int]) -> None:
    pdf, _ = pack
    cover = flat(page_text(pdf, 1))
    assert TITLE in cover and f"{len(corpus.articles)} articles" in cover
    assert "14 May 2018 to 30 June 2025" in cover
    everything = flat(page_text(pdf))
    assert "Story timeline" in everything and "Who said what" in everything
    assert "— Petra Ionescu" in everything and "— Emmanuel Macron" in everything
    assert re.search(r"\(see p\. \d+\)", everything)  # passage links become page references


def test_a_thread_pack_has_only_its_articles(corpus: Corpus, tmp_path: Path) -> None:
    report = write_pack(corpus, Settings(title=TITLE), tmp_path / "bridge.pdf", thread="bridge")
    assert report.articles == 4
    text = flat(page_text(tmp_path / "bridge.pdf"))
    assert "Danube" in text and "Baltic" not in text


def test_a_one_article_pack_gives_its_date_once(corpus: Corpus, tmp_path: Path) -> None:
    one = sorted(corpus.articles, key=lambda a: a.path)[:1]
    report = write_pack(link_corpus(one, Settings()), Settings(title=TITLE), tmp_path / "one.pdf")
    assert report.articles == 1
    cover = flat(page_text(tmp_path / "one.pdf", 1))
    label = f"{one[0].date:%-d %B %Y}"
    assert f"1 article, {label}" in cover and f"{label} to {label}" not in cover


def test_pack_renders_ink(pack: tuple[Path, int], tmp_path: Path) -> None:
    pdf, _ = pack
    subprocess.run(
        ["pdftoppm", "-png", "-r", "30", "-f", "4", "-l", "4", str(pdf), str(tmp_path / "p")],
        check=True,
    )
    png = next(tmp_path.glob("p*.png"))
    assert png.stat().st_size > 2000


def test_the_site_build_makes_and_links_the_pack(built_site: Path) -> None:
    pdf = built_site / "briefing.pdf"
    assert pdf.read_bytes()[:5] == b"%PDF-"
    assert 'href="./briefing.pdf"' in (built_site / "index.html").read_text(encoding="utf-8")
