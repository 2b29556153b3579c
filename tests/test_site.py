"""One real Pelican build of tests/site, checked with BeautifulSoup as a reader would see it."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from .conftest import ROOT, briefing, new_project, tree_hash


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def article_pages(site: Path) -> dict[str, BeautifulSoup]:
    return {p.name: soup(p) for p in sorted((site / "articles").glob("*.html"))}


def test_article_pages_have_the_stable_hooks(built_site: Path) -> None:
    pages = article_pages(built_site)
    assert len(pages) == 2
    for name, page in pages.items():
        assert len(page.find_all("h1")) == 1, name
        times = page.select("article time[datetime]")
        assert times and re.match(r"\d{4}-\d{2}-\d{2}", times[0]["datetime"])
        callouts = page.select(".callout")
        assert 1 <= len(callouts) <= 3
        for callout in callouts:
            assert callout.select_one(".speaker").get_text() == "Emmanuel Macron" or "2022" in name
        assert page.select_one(".crosslinks") is not None
        assert page.select("a.passage-link")
        assert page.select_one(".source-line .outlet") is not None


def test_links_point_both_ways_and_say_why(built_site: Path) -> None:
    pages = article_pages(built_site)
    old = next(p for n, p in pages.items() if n.startswith("2018"))
    new = next(p for n, p in pages.items() if n.startswith("2022"))
    later = old.select_one(".crosslinks").get_text(" ", strip=True)
    earlier = new.select_one(".crosslinks").get_text(" ", strip=True)
    assert "Later on this story" in later and "Earlier" not in later
    assert "Earlier on this story" in earlier
    assert "Both quote Emmanuel Macron" in later and "Russia" in later


def test_every_internal_link_resolves(built_site: Path) -> None:
    for page in built_site.rglob("*.html"):
        for tag in soup(page).select("[href], [src]"):
            target = tag.get("href") or tag.get("src")
            if target.startswith(("http:", "https:", "mailto:")) or target == "data:,":
                continue  # external, or the empty favicon that stops a request for /favicon.ico
            path, _, anchor = target.partition("#")
            resolved = (page.parent / path).resolve() if path else page
            assert resolved.is_file(), f"{page.name}: {target}"
            if anchor:
                assert soup(resolved).find(id=anchor), f"{page.name}: {target}"


def test_front_page_reads_as_a_briefing(built_site: Path) -> None:
    page = soup(built_site / "index.html")
    assert len(page.find_all("h1")) == 1
    text = page.get_text(" ", strip=True)
    assert "The story so far" in text and "Key quotes" in text
    assert len(page.select(".timeline li")) >= 2
    assert page.select_one(".timeline time")["datetime"] == "2018-08-27"
    assert (built_site / "archives.html").is_file() and (
        built_site / "who-said-what.html"
    ).is_file()


def test_pasted_markup_is_escaped_not_rendered(built_site: Path) -> None:
    for page in built_site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        html = re.sub(r'<script type="application/ld\+json">[^<]*</script>', "", html)
        # and the search page's two scripts, both files of the site itself
        html = re.sub(
            r'<script src="\./(?:\.\./)*(?:pagefind/[0-9a-z-]+/pagefind-ui|theme/js/search)\.js"( defer)?></script>',
            "",
            html,
        )
        assert "<u>" not in html and "<script" not in html  # JSON-LD data is the only script


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return new_project(tmp_path)


def test_build_never_modifies_raw_files_and_reports_pages(project: Path) -> None:
    before = tree_hash(project / "content")
    result = briefing("build", cwd=project)
    assert result.returncode == 0, result.stderr
    assert "Built" in result.stdout and "index.html" in result.stdout
    assert tree_hash(project / "content") == before
    assert (project / "output" / "index.html").is_file()


def test_bad_file_is_named_and_the_rest_still_builds(project: Path) -> None:
    (project / "content" / "raw" / "broken.txt").write_bytes(b"%PDF-1.4 not an article")
    result = briefing("build", cwd=project)
    assert result.returncode == 0
    assert "broken.txt" in result.stderr and "PDF" in result.stderr
    assert len(list((project / "output" / "articles").glob("*.html"))) == 2
    strict = briefing("build", "--strict", cwd=project)
    assert strict.returncode == 1 and "broken.txt" in strict.stderr


def test_failed_build_keeps_the_previous_site(project: Path) -> None:
    assert briefing("build", cwd=project).returncode == 0
    before = tree_hash(project / "output")
    settings = project / "pelicanconf.py"
    settings.write_text(settings.read_text() + "\nBRIEFING['link_treshold'] = 0.5\n")
    result = briefing("build", cwd=project)
    assert result.returncode == 1
    assert "link_threshold" in result.stderr  # the hint names the right key
    assert tree_hash(project / "output") == before


def test_plain_pelican_command_builds_the_same_site(project: Path, tmp_path: Path) -> None:
    pelican = Path(sys.executable).with_name("pelican")
    result = subprocess.run(
        [str(pelican), "content", "-s", "pelicanconf.py", "-o", str(tmp_path / "plain")],
        cwd=project,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    assert len(list((tmp_path / "plain" / "articles").glob("*.html"))) == 2


def test_who_said_what_lists_macron_2018_and_2022_with_paragraph_links(built_site: Path) -> None:
    page = soup(built_site / "who-said-what.html")
    headings = [h.get_text(" ", strip=True) for h in page.find_all("h2")]
    assert headings[0].startswith("Emmanuel Macron"), headings  # the most quoted speaker first
    section = page.find("h2").find_parent("section") or page
    years = [t["datetime"][:4] for t in section.select("time[datetime]")]
    assert "2018" in years and "2022" in years and years == sorted(years)
    links = [a["href"] for a in section.select("a[href*='#p']")]
    assert links and all(href.split("#")[1].startswith("p") for href in links)
    assert "Antony Blinken" in " ".join(headings)


def test_article_pages_carry_json_ld_opengraph_and_robots(built_site: Path) -> None:
    import json  # noqa: PLC0415

    page = soup(next((built_site / "articles").glob("2018-*.html")))
    data = json.loads(page.find("script", type="application/ld+json").string)
    assert data["@type"] == "NewsArticle" and data["datePublished"] == "2018-08-27"
    assert data["publisher"]["name"] == "TASS"
    assert {"@type": "Person", "name": "Emmanuel Macron"} in data["mentions"]
    assert page.find("meta", property="og:title")["content"].startswith("Macron says EU")
    assert page.find("meta", property="og:type")["content"] == "article"
    assert (built_site / "robots.txt").read_text().startswith("User-agent: *")
    assert not (built_site / "sitemap.xml").exists()  # relative preview build: no absolute URLs


def test_publish_build_has_canonical_links_sitemap_and_thread_feeds(tmp_path: Path) -> None:
    from generator.pelican_plugin import run_pelican  # noqa: PLC0415

    content = tmp_path / "content"
    shutil.copytree(ROOT / "tests" / "site", content)
    os.environ["BRIEFING_SITEURL"] = "https://example.org/briefings/macron"
    os.environ["BRIEFING_PRIVATE"] = "0"  # the sample briefing is private; this build is not
    try:
        run_pelican(ROOT / "publishconf.py", content, tmp_path / "out")
    finally:
        del os.environ["BRIEFING_SITEURL"], os.environ["BRIEFING_PRIVATE"]
    out = tmp_path / "out"
    article = soup(next((out / "articles").glob("2022-*.html")))
    canonical = article.find("link", rel="canonical")["href"]
    assert canonical.startswith("https://example.org/briefings/macron/articles/2022-01-20-")
    sitemap = (out / "sitemap.xml").read_text(encoding="utf-8")
    assert sitemap.count("<loc>https://example.org/briefings/macron/") >= 6
    assert (
        "Sitemap: https://example.org/briefings/macron/sitemap.xml"
        in (out / "robots.txt").read_text()
    )
    # The thread's feed at its address (its first article's name), and at the address its
    # second article would give it, so a subscription lasts whichever piece came first.
    feeds = {f.stem: f.read_text(encoding="utf-8") for f in (out / "feeds" / "threads").glob("*")}
    assert sorted(feeds) == [
        "2018-08-27-tass-macron-eu-cant-rely-on-us-for-security.atom",
        "2022-01-20-moscow-times-macron-calls-for-eu-russia-security.atom",
    ]
    assert all(feed.count("<entry>") == 2 for feed in feeds.values())
    assert (out / "feeds" / "all.atom.xml").is_file()


def test_serve_previews_and_rebuilds_when_content_changes(project: Path) -> None:
    import socket  # noqa: PLC0415
    import time  # noqa: PLC0415
    import urllib.request  # noqa: PLC0415

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    # Started from outside the project: the theme it watches is the one the settings name.
    settings = f"--settings={project / 'pelicanconf.py'}"
    places = [f"--{name}={project / name}" for name in ("content", "output")]
    server = subprocess.Popen(
        [sys.executable, "-m", "generator.cli", settings, "serve", "--port", str(port), *places],
        cwd=project.parent,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )

    def fetch(path: str) -> str:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/{path}", timeout=5) as response:
            return response.read().decode("utf-8")

    def wait_for(check: object, seconds: float = 60) -> str:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            try:
                page = fetch("archives.html")
                if check(page):  # type: ignore[operator]
                    return page
            except OSError:
                pass
            time.sleep(0.5)
        raise AssertionError("the preview did not show the expected page in time")

    try:
        wait_for(lambda page: "Macron" in page)
        (project / "content" / "raw" / "2023-05-09-new.txt").write_text(
            " date 2023-05-09\nA new piece on the harbour board\n\n"
            "The harbour board voted on Tuesday to build a new quay, the board said.\n",
            encoding="utf-8",
        )
        wait_for(lambda page: "A new piece on the harbour board" in page)
        css = project / "theme" / "static" / "css" / "screen.css"
        css.write_text(css.read_text(encoding="utf-8") + "\n/* edited */\n", encoding="utf-8")
        deadline = time.monotonic() + 60
        while "/* edited */" not in fetch("theme/css/screen.css"):
            assert time.monotonic() < deadline, "the preview did not pick up the CSS change"
            time.sleep(0.5)
    finally:
        server.terminate()
        output = server.communicate(timeout=10)[0]
    # The rebuild after the new article took the unchanged pages from the previous site.
    assert re.search(r"\d+ rendered, \d+ unchanged", output), output


def test_add_stores_the_paste_verbatim_shows_its_links_and_rebuilds(project: Path) -> None:
    paste = (
        b" date 2019-11-07\nMacron says Europe must think of itself as a military power\n\n"
        b"French President Emmanuel Macron said Europe must start thinking of itself as a "
        b"strategic power and talk to Russia about European security.\n\n"
        b'"Europe will disappear geopolitically if it does not think of itself as a power," '
        b"Macron said.\n"
    )
    command = [sys.executable, "-m", "generator.cli", "add", "-"]
    result = subprocess.run(command, cwd=project, input=paste, capture_output=True, timeout=300)
    out = result.stdout.decode()
    assert result.returncode == 0, result.stderr.decode()
    stored = (
        project / "content" / "raw" / "2019-11-07-macron-says-europe-must-think-of-itself-as.txt"
    )
    assert stored.read_bytes() == paste  # verbatim
    assert "quotes:   1 (" in out and "link (later)" in out and "Built" in out
    assert "headline: Macron says Europe must think of itself as a military power" in out
    assert "date:     7 November 2019 (2019-11-07)" in out and "briefing fix" in out
    assert any("2019-11-07" in p.name for p in (project / "output" / "articles").iterdir())
    # the links shown are the ones the build made, as `briefing links` lists them
    listed = subprocess.run(
        [sys.executable, "-m", "generator.cli", "links", "--json"],
        cwd=project,
        capture_output=True,
        timeout=300,
        check=True,
    )
    label = stored.relative_to(project / "content").as_posix()
    made = [link for link in json.loads(listed.stdout) if link["source"] == label]
    assert made and f"{label}: {len(made)} link(s):" in out
    for link in made:
        assert f"link ({link['relation']}) -> {link['target']}: {'; '.join(link['reasons'])}" in out
    again = subprocess.run(command, cwd=project, input=paste, capture_output=True, timeout=300)
    assert again.returncode == 1 and b"already in the briefing" in again.stderr
    forced = subprocess.run(
        [*command, "--force", "--no-build"],
        cwd=project,
        input=paste,
        capture_output=True,
        timeout=300,
    )
    assert forced.returncode == 0
    assert stored.with_name(stored.stem + "-2.txt").read_bytes() == paste  # never overwritten


def test_two_builds_of_the_same_content_are_byte_identical(project: Path, tmp_path: Path) -> None:
    for run, seed in (("one", "1"), ("two", "2")):  # different hash seeds: no set order leaks
        result = subprocess.run(
            [sys.executable, "-m", "generator.cli", "build", "--output", str(tmp_path / run)],
            cwd=project,
            capture_output=True,
            timeout=300,
            env={**os.environ, "PYTHONHASHSEED": seed},
        )
        assert result.returncode == 0, result.stderr
    # Everything Briefing and Pelican write is identical, the PDF included. Pagefind 1.5
    # writes its filter index in a varying order (hash-named files), so its folder is set
    # aside here (docs/bad-input.md is unaffected; noted in the README).
    for run in ("one", "two"):
        shutil.rmtree(tmp_path / run / "pagefind")
    one, two = tree_hash(tmp_path / "one"), tree_hash(tmp_path / "two")
    assert one == two


def test_a_build_killed_at_any_moment_leaves_the_previous_site(project: Path) -> None:
    import signal  # noqa: PLC0415
    import time  # noqa: PLC0415

    assert briefing("build", cwd=project).returncode == 0
    before = tree_hash(project / "output")
    # A change to build: with nothing changed, the build would have nothing to do.
    paste = sorted((project / "content" / "raw").glob("*.txt"))[0]
    paste.write_bytes(paste.read_bytes() + b"\nOne more sentence, added by the test.\n")
    for delay in (0.3, 1.0, 2.0):  # early, during reading, during writing
        build = subprocess.Popen(
            [sys.executable, "-m", "generator.cli", "build"],
            cwd=project,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        time.sleep(delay)
        build.send_signal(signal.SIGKILL)
        build.wait(timeout=30)
        assert tree_hash(project / "output") == before, delay
    assert briefing("build", cwd=project).returncode == 0  # and the next build sweeps up
    assert not list(project.glob(".output.*"))


# Issue 19: an article with a body is built, whatever its date or title.
ODD_BODY = (
    b"French President Emmanuel Macron said on Monday that Europe must build its own security"
    b" and talk to Russia about it, in a speech to ambassadors in Paris.\n\n"
    b'"Europe can no longer rely on the US to provide its security," Macron said, adding that'
    b" the European Union had to take its responsibilities.\n"
)


def odd_pastes(raw: Path) -> None:
    """Two undated pastes (one titled in Cyrillic), a first line of 5,000 characters, and
    two pastes with the same date and headline."""
    (raw / "undated-b.txt").write_bytes(
        b"Macron urges Europe to take charge of its own security\n\n" + ODD_BODY
    )
    (raw / "undated-a.txt").write_bytes(
        "Макрон говорит о безопасности Европы\n\n".encode() + ODD_BODY + b"\nOne more line.\n"
    )
    (raw / "long.txt").write_bytes(
        b" date 2023-03-04\n" + b"Macroneuropesecurity" * 250 + b"\n\n" + ODD_BODY
    )
    headline = (
        b" date 2023-03-05\nMacron says Europe must talk to Russia about its security, again\n\n"
    )
    (raw / "same-1.txt").write_bytes(headline + ODD_BODY)
    # Not a copy (issue 23 counts one changed paragraph as a copy): two paragraphs of its own
    second = b"\nA second version of the text, from another desk.\n\nWith a paragraph more.\n"
    (raw / "same-2.txt").write_bytes(headline + ODD_BODY + second)


@pytest.fixture(scope="module")
def odd_site(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, str]:
    """The odd pastes beside tests/site, built twice with different hash seeds."""
    project = new_project(tmp_path_factory.mktemp("odd"))
    odd_pastes(project / "content" / "raw")
    outputs = []
    for seed in ("1", "2"):
        result = subprocess.run(
            [sys.executable, "-m", "generator.cli", "build", "--output", f"out-{seed}"],
            cwd=project,
            capture_output=True,
            text=True,
            timeout=300,
            env={**os.environ, "PYTHONHASHSEED": seed, "PYTHONPATH": str(ROOT)},
        )
        assert result.returncode == 0, result.stderr
        outputs.append(result)
    return project / "out-1", project / "out-2", outputs[0].stdout


def test_undated_articles_are_built_as_date_unknown(odd_site: tuple[Path, Path, str]) -> None:
    site, _, stdout = odd_site
    pages = sorted(p.name for p in (site / "articles").glob("*.html"))
    undated = [p for p in pages if p.startswith("undated-")]
    assert len(undated) == 2 and len(pages) == 7, pages
    page = soup(site / "articles" / "undated-macron-urges-europe-to-take-charge-of-its-own.html")
    line = page.find(class_="source-line")
    assert line.get_text(strip=True) == "Date unknown" and not line.find("time")
    assert not page.find("meta", property="article:published_time")
    json_ld = json.loads(page.find("script", type="application/ld+json").string)
    assert "datePublished" not in json_ld and json_ld["headline"].startswith("Macron urges")
    assert "1900" not in page.get_text()  # Pelican's stand-in date is never shown
    # The build's summary names them, in file order, and says what to do.
    assert (
        "2 articles have no date: raw/undated-a.txt, raw/undated-b.txt"
        " \N{EM DASH} give each with `briefing fix NAME --date YYYY-MM-DD`" in stdout
    )


def test_undated_articles_are_listed_after_the_dated_ones(odd_site: tuple[Path, Path, str]) -> None:
    site, _, _ = odd_site

    def dates(items: list) -> list[str]:
        return [item.find(["time", "span"]).get_text() for item in items]

    front = soup(site / "index.html").find(class_="article-list").find_all("li")
    assert dates(front)[-2:] == ["Date unknown"] * 2
    assert "Date unknown" not in dates(front)[:-2]
    assert "; 2 with no known date" in soup(site / "index.html").find(class_="summary").get_text()
    archive = soup(site / "archives.html")
    assert [h.get_text() for h in archive.find_all("h2")] == [
        "2023",
        "2022",
        "2018",
        "Date unknown",
    ]
    for tag in (site / "tags").glob("*.html"):
        listed = soup(tag).find(class_="article-list").find_all("li")
        assert dates(listed) == sorted(dates(listed), key=lambda d: d == "Date unknown")
    for thread in (site / "threads").glob("*.html"):
        if soup(thread).find("meta", attrs={"http-equiv": "refresh"}):
            continue  # an old address of the thread: it redirects
        when = [p.get_text() for p in soup(thread).select(".timeline .when")]
        assert when == sorted(when, key=lambda d: d.startswith("Date unknown")), when
        assert any(d.startswith("Date unknown") for d in when)  # the undated are linked too


def test_odd_titles_give_short_unique_page_names(odd_site: tuple[Path, Path, str]) -> None:
    site, _, _ = odd_site
    pages = sorted(p.name for p in (site / "articles").glob("*.html"))
    assert all(len(p) <= 100 for p in pages), pages  # not a 5,000-character file name
    assert any(p.startswith("undated-article-") for p in pages)  # the Cyrillic headline
    same = [p for p in pages if p.startswith("2023-03-05-")]
    assert (
        len(same) == 2
        and min(same, key=len) == "2023-03-05-macron-says-europe-must-talk-to-russia-about-its.html"
    )
    # the first file by name keeps the plain name, whatever order Pelican read them in
    first = soup(site / "articles" / min(same, key=len))
    assert "raw/same-1.txt" in first.find(class_="provenance").get_text()


def test_odd_pastes_build_byte_identically(odd_site: tuple[Path, Path, str]) -> None:
    one, two, _ = odd_site
    for site in (one, two):
        shutil.rmtree(site / "pagefind", ignore_errors=True)  # see the test above
    assert tree_hash(one) == tree_hash(two)


def test_published_feeds_and_sitemap_claim_no_date_for_undated(tmp_path: Path) -> None:
    from generator.pelican_plugin import run_pelican  # noqa: PLC0415

    content = tmp_path / "content"
    shutil.copytree(ROOT / "tests" / "site", content)
    odd_pastes(content / "raw")
    os.environ["BRIEFING_SITEURL"] = "https://example.org/b"
    os.environ["BRIEFING_PRIVATE"] = "0"  # the sample briefing is private; this build is not
    try:
        records = run_pelican(ROOT / "publishconf.py", content, tmp_path / "out")
    finally:
        del os.environ["BRIEFING_SITEURL"], os.environ["BRIEFING_PRIVATE"]
    assert not [r for r in records if r.levelname == "ERROR"]
    out = tmp_path / "out"
    feed = (out / "feeds" / "all.atom.xml").read_text(encoding="utf-8")
    assert feed.count("<entry>") == 5 and "Macron urges Europe" not in feed and "1900" not in feed
    for thread in (out / "feeds" / "threads").glob("*.atom.xml"):
        assert "articles/undated-" not in thread.read_text(encoding="utf-8")
    sitemap = (out / "sitemap.xml").read_text(encoding="utf-8")
    entry = next(line for line in sitemap.splitlines() if "articles/undated-macron" in line)
    assert "<lastmod>" not in entry


def test_thread_page_is_titled_by_its_story_and_old_addresses_redirect(built_site: Path) -> None:
    threads = built_site / "threads"
    page = soup(threads / "2018-08-27-tass-macron-eu-cant-rely-on-us-for-security.html")
    title = "Macron says EU can’t rely on US for security, calls for more cooperation with Russia"
    assert page.find("h1").get_text() == f"{title}, 2018\N{EN DASH}2022"
    # the address the thread would have had if the 2022 piece had come first
    moved = soup(threads / "2022-01-20-moscow-times-macron-calls-for-eu-russia-security.html")
    refresh = moved.find("meta", attrs={"http-equiv": "refresh"})["content"]
    assert refresh.endswith("threads/2018-08-27-tass-macron-eu-cant-rely-on-us-for-security.html")
    assert moved.find("link", rel="canonical") and moved.find("meta", attrs={"name": "robots"})


def test_passage_links_show_an_excerpt_of_the_passage(built_site: Path) -> None:
    pages = article_pages(built_site)
    new = next(p for n, p in pages.items() if n.startswith("2022"))
    items = new.select(".body ul.passages li")
    assert items
    for item in items:
        href = item.select_one("a.passage-link")["href"]
        target = soup(built_site / "articles" / href.split("#")[0].rsplit("/", 1)[-1])
        paragraph = target.find(id=href.split("#")[1]).get_text()
        excerpt = item.select_one("q.excerpt").get_text()
        assert 20 <= len(excerpt) <= 182, excerpt
        shown = re.findall(r"\w+", excerpt.removesuffix("\N{HORIZONTAL ELLIPSIS}"))
        assert re.findall(r"\w+", paragraph)[: len(shown)] == shown, (excerpt, paragraph)
        assert '"' not in excerpt  # the <q> gives the marks; quotes inside are single
