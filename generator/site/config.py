"""The build's settings as Pelican reads them, and the key of a build's inputs: light, so
that a build with nothing to do (:mod:`generator.uptodate`) imports neither the rest of the
plugin nor the link stage's numpy and scipy."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..settings import Settings, load_settings


def briefing_settings(settings: dict[str, Any]) -> Settings:
    """The ``BRIEFING`` dict of Pelican's settings, validated."""
    return load_settings(settings.get("BRIEFING"))


def read_build_settings(
    settings_file: Path, content: Path, output: Path, previous: Path | None = None
) -> dict[str, Any]:
    """The settings a build of ``content`` into ``output`` runs with, as Pelican reads them."""
    from pelican.settings import read_settings  # noqa: PLC0415 - imported late

    return read_settings(  # type: ignore[no-any-return]
        str(settings_file),
        override={
            "PATH": str(content.resolve()),
            "OUTPUT_PATH": str(output.resolve()),
            "DELETE_OUTPUT_DIRECTORY": False,
            "BRIEFING_PREVIOUS_OUTPUT": str(previous.resolve()) if previous else "",
        },
    )


def inputs_key(settings_file: Path, content: Path, output: Path) -> str | None:
    """The key of everything a build of ``content`` reads (:func:`generator.uptodate.inputs_key`),
    or ``None`` when the build has to run anyway: the settings cannot be read (the build says
    why), or they turn the cache off."""
    import datetime as dt  # noqa: PLC0415
    import os  # noqa: PLC0415

    from ..uptodate import inputs_key as key_of  # noqa: PLC0415

    try:
        settings = read_build_settings(settings_file, content, output)
        if not briefing_settings(settings).cache:
            return None
    except Exception:  # a broken settings file: the build itself reports it
        return None
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    days = (dt.date.today(), dt.datetime.now(dt.UTC).date())
    return key_of(content.resolve(), settings, days, epoch)
