"""Offline search (Pagefind): indexed at the end of the build, used as a reader would."""

from __future__ import annotations

import functools
import http.server
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from playwright.sync_api import Browser


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def served(built_site: Path) -> Iterator[str]:
    handler = functools.partial(_Quiet, directory=str(built_site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


def test_the_build_writes_a_search_index_per_year(built_site: Path) -> None:
    shards = sorted(p.name for p in (built_site / "pagefind").iterdir())
    years = sorted({p.name[:4] for p in (built_site / "articles").glob("*.html")})
    assert shards == years
    for shard in shards:
        assert list((built_site / "pagefind" / shard / "index").iterdir())
    page = BeautifulSoup((built_site / "search.html").read_text(encoding="utf-8"), "html.parser")
    bundles = page.find(id="search")["data-bundles"].split()  # type: ignore[index]
    assert bundles == [f"./pagefind/{shard}/" for shard in shards]


def test_search_finds_articles_and_offers_filters(browser: Browser, served: str) -> None:
    page = browser.new_page()
    errors: list[str] = []
    outside: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("request", lambda r: outside.append(r.url) if not r.url.startswith(served) else None)
    page.goto(f"{served}/search.html")
    page.fill(".pagefind-ui__search-input", "Blinken")
    page.wait_for_selector(".pagefind-ui__result", timeout=15000)
    titles = page.locator(".pagefind-ui__result-title").all_inner_texts()
    assert any("Security Pact" in t for t in titles), titles
    panel = page.locator(".pagefind-ui__filter-panel").inner_text()
    assert "Year" in panel and "Outlet" in panel and "Person" in panel
    assert not page.locator("#search-note").is_visible()  # the no-JS note steps aside
    page.close()
    assert errors == [] and outside == []


def test_without_javascript_the_search_page_points_elsewhere(built_site: Path) -> None:
    page = BeautifulSoup((built_site / "search.html").read_text(encoding="utf-8"), "html.parser")
    note = page.find(id="search-note")
    assert note is not None and not note.has_attr("hidden")
    assert {a["href"] for a in note.find_all("a")} >= {"./archives.html", "./people/index.html"}
    article = (next((built_site / "articles").glob("2018-*.html"))).read_text(encoding="utf-8")
    assert "pagefind-ui.js" not in article  # only the search page loads any script


def test_search_opened_from_disk_says_it_needs_a_server(browser: Browser, built_site: Path) -> None:
    page = browser.new_page()
    page.goto((built_site / "search.html").as_uri())
    page.wait_for_load_state("load")
    note = page.locator("#search-note")
    assert note.is_visible()
    text = note.inner_text()
    assert "Search does not work on a site opened from a file" in text and "briefing serve" in text
    assert page.locator(".pagefind-ui__search-input").count() == 0  # no box that would hang
    links = {a.get_attribute("href") for a in note.locator("a").all()}
    assert {"./archives.html", "./tags/index.html", "./people/index.html"} <= links
    page.close()
