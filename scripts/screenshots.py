"""Screenshots of the real build for the README (headless Chromium): `make screenshots`."""

from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def main() -> int:
    site = ROOT / "output"
    out = ROOT / "docs" / "screenshots"
    out.mkdir(parents=True, exist_ok=True)
    pages = {
        "front": site / "index.html",
        "article": next((site / "articles").glob("2022-*.html")),
        # a thread's page (its title made from the articles), and the first passage excerpt
        "thread": next((site / "threads").glob("2018-*.html")),
        "passages": next((site / "articles").glob("2022-*.html")),
    }
    with tempfile.TemporaryDirectory() as profile, sync_playwright() as p:
        browser = p.chromium.launch_persistent_context(
            profile,
            executable_path=shutil.which("chromium"),
            args=FLAGS,
            headless=True,
            viewport={"width": 1100, "height": 900},
        )
        for name, path in pages.items():
            for scheme in ("light", "dark"):
                page = browser.new_page()
                page.emulate_media(color_scheme=scheme)
                page.goto(path.as_uri())
                if name == "passages":  # the paragraph before the excerpts, then the excerpts
                    page.locator(".passages").first.evaluate(
                        "e => e.previousElementSibling.scrollIntoView()"
                    )
                page.screenshot(path=str(out / f"{name}-{scheme}.png"))
                page.close()
        browser.close()
    print(f"Wrote {len(pages) * 2} screenshots to {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
