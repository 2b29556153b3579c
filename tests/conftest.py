"""Shared fixtures: paths, the settings, and one real site build per test session."""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, sync_playwright

from generator.pelican_plugin import run_pelican
from generator.settings import Settings

ROOT = Path(__file__).resolve().parent.parent
CASES = ROOT / "tests" / "cases"
#: The two seed articles the tests use: their own copy in tests/site/, never content/, so
#: the suite passes whatever a user has put in content/.
SEEDS = sorted((ROOT / "tests" / "site" / "raw").glob("*.txt"))
UPDATE_GOLDEN = os.environ.get("BRIEFING_UPDATE_GOLDEN") == "1"


@pytest.fixture(scope="session")
def settings() -> Settings:
    return Settings()


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One real Pelican build of tests/site (the two seeds) with the project's theme."""
    work = tmp_path_factory.mktemp("site")
    content = work / "content"
    shutil.copytree(ROOT / "tests" / "site", content)
    output = work / "output"
    records = run_pelican(ROOT / "pelicanconf.py", content, output)
    errors = [r.getMessage() for r in records if r.levelname == "ERROR"]
    assert not errors, errors
    return output


def golden(path: Path, actual: str) -> str:
    """The expected text; written only when BRIEFING_UPDATE_GOLDEN=1 (review the diff)."""
    if UPDATE_GOLDEN or not path.exists():
        if not UPDATE_GOLDEN:
            pytest.fail(f"{path} is missing: run with BRIEFING_UPDATE_GOLDEN=1 and review it")
        path.write_text(actual, encoding="utf-8")
    return path.read_text(encoding="utf-8")


#: How every test starts Debian's Chromium: headless, sandbox off, nothing from the network.
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="session")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Browser]:
    """One headless Chromium (with a fresh profile) for every browser test of the session."""
    executable = shutil.which("chromium")
    assert executable, "chromium is missing: run ./scripts/install-system-deps (make test does)"
    with sync_playwright() as p:
        context = p.chromium.launch_persistent_context(
            str(tmp_path_factory.mktemp("chromium-profile")),
            executable_path=executable,
            args=CHROMIUM_FLAGS,
            headless=True,
        )
        yield context  # type: ignore[misc]
        context.close()


def new_project(root: Path) -> Path:
    """A project folder to build in: the settings, the theme and tests/site as content/."""
    for name in ("pelicanconf.py", "theme"):
        source = ROOT / name
        (shutil.copytree if source.is_dir() else shutil.copy)(source, root / name)
    shutil.copytree(ROOT / "tests" / "site", root / "content")
    return root


def briefing(
    *args: str, cwd: Path, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """Run the briefing command as a user would, in ``cwd`` (``env``: the environment, by
    default this one's)."""
    env = {**(os.environ if env is None else env), "PYTHONPATH": str(ROOT)}
    command = [sys.executable, "-m", "generator.cli", *args]
    return subprocess.run(command, cwd=cwd, capture_output=True, text=True, timeout=600, env=env)


def tree_hash(folder: Path) -> str:
    """One hash over every file's name and bytes (symlinks are not followed), but the
    build's cache (``.briefing-cache/``, inside the content folder)."""
    digest = hashlib.sha256()
    for path in sorted(folder.rglob("*")):
        if ".briefing-cache" in path.relative_to(folder).parts:
            continue
        if path.is_file() and not path.is_symlink():
            digest.update(path.relative_to(folder).as_posix().encode() + path.read_bytes())
    return digest.hexdigest()
