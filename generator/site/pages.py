"""``get_generators``: the pages of ours that are not Pelican's (threads, people, Who said
what) and the publishing files (robots.txt, sitemap.xml, thread feeds)."""

from __future__ import annotations

import html
from pathlib import Path
from typing import Any

from pelican.generators import Generator


class BriefingPagesGenerator(Generator):  # type: ignore[misc]
    """Writes the thread, Who-said-what and people pages, the publishing files and the pack."""

    def generate_output(self, writer: Any) -> None:
        briefing = self.context.get("briefing")
        if not briefing:
            return
        for thread in briefing["threads"]:
            self._page(writer, "thread", thread["url"], thread=thread)
            for alias in thread["aliases"]:  # the addresses it had, or its parts had, before
                self._page(writer, "redirect", alias, target=thread, kind="thread")
        taken = {a.url for a in briefing["pelican_articles"].values()}
        for article in sorted(briefing["pelican_articles"].values(), key=lambda a: a.url):
            for former in article.record.former_slugs:  # before the analyst's corrections
                url = f"articles/{former}.html"
                if url not in taken:
                    taken.add(url)
                    target = {"title": article.title, "url": article.url}
                    self._page(writer, "redirect", url, target=target, kind="article")
        self._page(writer, "quotes", "who-said-what.html")
        for person in briefing["people"]:
            self._page(writer, "person", person["url"], person=person)
        self._page(writer, "people", "people/index.html")
        self._write_publishing_files(writer, briefing)

    def _page(self, writer: Any, template: str, url: str, **values: Any) -> None:
        """Render one page of ours with the site's context, at ``url``."""
        writer.write_file(
            url,
            self.get_template(template),
            self.context,
            relative_urls=self.settings["RELATIVE_URLS"],
            page_name=url.removesuffix(".html"),
            url=url,
            **values,
        )

    def _write_publishing_files(self, writer: Any, briefing: dict[str, Any]) -> None:
        """robots.txt always; with an absolute SITEURL (publishing), sitemap.xml and one Atom
        feed per thread as well."""
        siteurl = str(self.settings.get("SITEURL", ""))
        output = Path(self.output_path)
        absolute = siteurl.startswith(("http://", "https://"))
        if briefing["settings"].private:  # private: no crawler is welcome, nothing is listed
            robots = "User-agent: *\nDisallow: /\n"
            (output / "robots.txt").write_text(robots, encoding="utf-8")
            return
        robots = "User-agent: *\nAllow: /\n" + (
            f"Sitemap: {siteurl}/sitemap.xml\n" if absolute else ""
        )
        (output / "robots.txt").write_text(robots, encoding="utf-8")
        if not absolute:
            return
        pelican_articles = briefing["pelican_articles"]
        pages = ["index.html", "archives.html", "who-said-what.html"]
        pages += [t["url"] for t in briefing["threads"]]
        entries = [(f"{siteurl}/{page}", None) for page in pages]
        entries += [
            (f"{siteurl}/{a.url}", a.record.date.isoformat() if a.record.date else None)
            for a in sorted(pelican_articles.values(), key=lambda a: a.url)
        ]
        lines = ['<?xml version="1.0" encoding="utf-8"?>']
        lines.append('<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">')
        for loc, lastmod in entries:
            modified = f"<lastmod>{lastmod}</lastmod>" if lastmod else ""
            lines.append(f"  <url><loc>{html.escape(loc)}</loc>{modified}</url>")
        lines.append("</urlset>")
        (output / "sitemap.xml").write_text("\n".join(lines) + "\n", encoding="utf-8")
        if not self.settings.get("FEED_DOMAIN"):
            return
        corpus = briefing["corpus"]
        for thread in corpus.threads:
            members = [pelican_articles[p] for p in thread.members if p in pelican_articles]
            for name in (thread.slug, *thread.aliases):  # a subscription to an old address lasts
                writer.write_feed(
                    sorted(members, key=lambda a: a.date, reverse=True),
                    self.context,
                    f"feeds/threads/{name}.atom.xml",
                    feed_title=f"{self.settings['SITENAME']}: {thread.title}",
                )


def add_generators(pelican: Any) -> type[Generator]:
    return BriefingPagesGenerator
