"""The built site in headless Chromium (Debian's package, driven by Playwright), as a reader uses it."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from playwright.sync_api import Browser

pytestmark = pytest.mark.browser


def article(site: Path, year: str) -> Path:
    return next((site / "articles").glob(f"{year}-*.html"))


def test_article_page_reads_and_links_without_leaving_the_site(
    browser: Browser, built_site: Path
) -> None:
    page = browser.new_page()
    errors: list[str] = []
    outside: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("request", lambda r: outside.append(r.url) if not r.url.startswith("file://") else None)
    page.goto(article(built_site, "2018").as_uri())
    assert page.locator("h1").count() == 1
    assert page.locator(".callout").first.is_visible()
    assert "Emmanuel Macron" in page.locator(".callout .speaker").first.inner_text()
    page.get_by_role("link", name="Skip to content").focus()
    assert page.evaluate("document.activeElement.className") == "skip-link"
    page.locator(".crosslinks a").first.click()
    page.wait_for_load_state()
    assert "2022-01-20" in page.url
    assert "Earlier on this story" in page.locator(".crosslinks").inner_text()
    page.locator("a.passage-link").first.click()
    assert "#p" in page.url and "2018-08-27" in page.url
    assert errors == [] and outside == []
    page.close()


@pytest.mark.parametrize("year", ["2018", "2022"])
def test_printing_an_article_gives_a_clean_document(
    browser: Browser, built_site: Path, tmp_path: Path, year: str
) -> None:
    page = browser.new_page()
    page.goto(article(built_site, year).as_uri())
    pdf = tmp_path / f"{year}.pdf"
    page.pdf(path=str(pdf), format="A4", print_background=False)
    title = page.locator("h1").inner_text()
    page.close()
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    flat = " ".join(text.split())
    assert " ".join(title.split()[:6]) in flat
    assert ("TASS" if year == "2018" else "The Moscow Times") in flat
    assert "Key quotes" in flat and "Emmanuel Macron" in flat
    assert "Skip to content" not in flat and "Who said what" not in flat and "Archive" not in flat
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    pages = int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))
    assert 1 <= pages <= 3
    subprocess.run(
        ["pdftoppm", "-png", "-r", "30", "-f", "1", "-l", "1", str(pdf), str(tmp_path / "page")],
        check=True,
    )
    png = next(tmp_path.glob("page*.png"))
    assert png.stat().st_size > 2000  # a blank page compresses to almost nothing


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seeds plus pastes full of scripts, handlers, javascript: URLs, iframes and styles."""
    from generator.pelican_plugin import run_pelican  # noqa: PLC0415

    from .conftest import CASES, ROOT  # noqa: PLC0415

    work = tmp_path_factory.mktemp("hostile")
    raw = work / "content" / "raw"
    shutil.copytree(ROOT / "tests" / "site" / "raw", raw)
    for path in (CASES / "hostile").iterdir():
        shutil.copy(path, raw / path.name)
    records = run_pelican(ROOT / "pelicanconf.py", work / "content", work / "output")
    assert not [r for r in records if r.levelname == "ERROR"], [r.getMessage() for r in records]
    return work / "output"


def test_hostile_content_never_runs_or_calls_out(browser: Browser, hostile_site: Path) -> None:
    pages = sorted(hostile_site.rglob("*.html"))
    assert len([p for p in pages if p.parent.name == "articles"]) == 5
    for path in pages:
        html = path.read_text(encoding="utf-8").lower()
        # the only script blocks are JSON-LD data, serialised with </ escaped
        html = re.sub(r'<script type="application/ld\+json">[^<]*</script>', "", html)
        # and the search page's two scripts, both files of the site itself
        html = re.sub(
            r'<script src="\./(?:\.\./)*(?:pagefind/[0-9a-z-]+/pagefind-ui|theme/js/search)\.js"( defer)?></script>',
            "",
            html,
        )
        assert "<script" not in html and "<iframe" not in html and "<svg" not in html, path.name
        assert 'href="javascript:' not in html and "onerror=" not in html.replace("onerror=&", "")
        page = browser.new_page()
        requests: list[str] = []
        page.on("request", lambda r, seen=requests: seen.append(r.url))
        page.goto(path.as_uri())
        moved = re.search(r'http-equiv="refresh" content="0; url=([^"]+)"', html)
        if moved:  # an old thread address: the thread's page is where it leads
            page.wait_for_url((path.parent / moved[1]).resolve().as_uri())
        page.wait_for_load_state("load")
        assert page.evaluate("window.__pwned") is None, path.name
        assert all(url.startswith("file://") for url in requests), (path.name, requests)
        page.close()
    text = (hostile_site / "articles").glob("2022-01-01-*.html")
    shown = next(text).read_text(encoding="utf-8")
    assert "&lt;script&gt;" in shown  # the words are kept, as text, not as markup
    pdf = subprocess.run(
        ["pdftotext", str(hostile_site / "briefing.pdf"), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert "Ministers meet" in pdf  # the pack was made from the same hostile corpus


def test_hostile_content_is_inert_in_the_atom_feed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import xml.etree.ElementTree as ET  # noqa: PLC0415

    from generator.pelican_plugin import run_pelican  # noqa: PLC0415

    from .conftest import CASES, ROOT  # noqa: PLC0415

    raw = tmp_path / "content" / "raw"
    raw.mkdir(parents=True)
    for path in (CASES / "hostile").iterdir():
        shutil.copy(path, raw / path.name)
    monkeypatch.setenv("BRIEFING_SITEURL", "https://example.org/briefings/hostile")
    monkeypatch.setenv("BRIEFING_PRIVATE", "0")  # the sample's settings are private
    run_pelican(ROOT / "publishconf.py", tmp_path / "content", tmp_path / "out")
    feed = ET.parse(tmp_path / "out" / "feeds" / "all.atom.xml").getroot()
    ns = {"a": "http://www.w3.org/2005/Atom"}
    entries = feed.findall("a:entry", ns)
    assert len(entries) == 3
    for entry in entries:
        for field in ("a:title", "a:summary", "a:content"):
            node = entry.find(field, ns)
            html = (node.text or "") if node is not None else ""
            # once the XML is read, what is left is HTML: it must hold no live markup
            assert "<script" not in html and "<iframe" not in html and "<img" not in html, html
            assert "javascript:" not in "".join(e.get("href", "") for e in entry.iter())


def test_passage_excerpts_show_on_screen_and_in_print(
    browser: Browser, built_site: Path, tmp_path: Path
) -> None:
    page = browser.new_page()  # the page has no script: the excerpt needs none
    page.goto(article(built_site, "2022").as_uri())
    excerpt = page.locator(".passages .excerpt").first
    assert excerpt.is_visible()
    words = " ".join(excerpt.inner_text().split()[:6])
    pdf = tmp_path / "passages.pdf"
    page.pdf(path=str(pdf), format="A4")
    page.close()
    text = subprocess.run(
        ["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert words in " ".join(text.split())


def test_an_old_thread_address_leads_to_the_thread(browser: Browser, built_site: Path) -> None:
    threads = built_site / "threads"
    page = browser.new_page()
    page.goto(
        (threads / "2022-01-20-moscow-times-macron-calls-for-eu-russia-security.html").as_uri()
    )
    page.wait_for_url("**/threads/2018-08-27-tass-macron-eu-cant-rely-on-us-for-security.html")
    assert (
        page.locator("h1").inner_text().startswith("Macron says EU can’t rely on US for security")
    )
    assert page.locator(".timeline li").count() == 2
    page.close()


@pytest.fixture(scope="module")
def narrow_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seeds (their passage links), plus a paste with the widest things a paste brings:
    a 300-letter word, a long address, a long outlet name, and an analyst's note."""
    from generator.pelican_plugin import run_pelican  # noqa: PLC0415

    from .conftest import ROOT  # noqa: PLC0415

    work = tmp_path_factory.mktemp("narrow")
    raw = work / "content" / "raw"
    shutil.copytree(ROOT / "tests" / "site" / "raw", raw)
    word = "Harbourferrycampaign" * 15
    (raw / "2021-05-12-wide.txt").write_text(
        " date 2021-05-12\n"
        f"Original url: https://gazette.example/{'very-long-path-segment-' * 12}ferry\n"
        f"The {word} wins\n\n"
        f"The council voted to keep the {word} going, said a campaigner on the quay.\n\n"
        '"We were told the ferry was a luxury, but it is the only way home," said Mira Castell.\n',
        encoding="utf-8",
    )
    (raw / "2021-05-12-wide.analyst.md").write_text(
        f"Outlet: The Harbour Gazette and Evening Ferry Times Incorporated\n\nSee {word}.\n",
        encoding="utf-8",
    )
    records = run_pelican(ROOT / "pelicanconf.py", work / "content", work / "output")
    assert not [r for r in records if r.levelname == "ERROR"], [r.getMessage() for r in records]
    return work / "output"


def test_every_page_fits_a_320px_phone_without_sideways_scrolling(
    browser: Browser, narrow_site: Path
) -> None:
    pages = sorted(narrow_site.rglob("*.html"))
    assert any("passage-link" in p.read_text(encoding="utf-8") for p in pages)
    # an old thread address moves on at once (meta refresh): the page it leads to is measured
    pages = [p for p in pages if 'http-equiv="refresh"' not in p.read_text(encoding="utf-8")]
    page = browser.new_page()
    page.set_viewport_size({"width": 320, "height": 640})
    for path in pages:
        page.goto(path.as_uri())
        page.wait_for_load_state("load")
        wide = page.evaluate(
            """() => {
              const width = document.documentElement.clientWidth;
              const over = [...document.querySelectorAll("body *")].filter(
                (e) => e.getBoundingClientRect().right > width + 1 && e.offsetParent !== null
              ).map((e) => e.tagName + "." + e.className);
              return {scroll: document.documentElement.scrollWidth, width, over: over.slice(0, 5)};
            }"""
        )
        assert wide["scroll"] <= wide["width"] and not wide["over"], (path.name, wide)
    page.close()
