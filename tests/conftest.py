"""Shared fixtures: paths, the settings, and one real site build per test session."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from generator.pelican_plugin import run_pelican
from generator.settings import Settings

ROOT = Path(__file__).resolve().parent.parent
CASES = ROOT / "tests" / "cases"
SEEDS = sorted((ROOT / "content" / "raw").glob("*.txt"))
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
