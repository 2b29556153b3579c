"""Building into a fresh folder and swapping it into place, so ``output/`` is never half-written.

The new site is written to ``.output.new-*`` beside ``output/``. Only when the build has
finished does it replace the old site: ``output`` is renamed to ``.output.old-*``, the
new folder is renamed to ``output`` (two renames on the same file system, microseconds
apart), and the old copy is deleted. A failed or killed build leaves ``output/`` as it was;
its leftover ``.output.new-*`` folder is removed by the next build.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from .errors import BuildError
from .model import Corpus


def _sweep(output: Path) -> None:
    """Remove folders left by a build that was killed before it could clean up."""
    for leftover in output.parent.glob(f".{output.name}.*-*"):
        if leftover.is_dir():
            shutil.rmtree(leftover, ignore_errors=True)


def build_atomically(output: Path, build: Callable[[Path], None]) -> None:
    """Run ``build(tmp_dir)`` and, if it succeeds, make ``tmp_dir`` the new ``output``."""
    output = output.resolve()
    output.parent.mkdir(parents=True, exist_ok=True)
    _sweep(output)
    staging = Path(tempfile.mkdtemp(prefix=f".{output.name}.new-", dir=output.parent))
    try:
        build(staging)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    old = output.parent / f".{output.name}.old-{os.getpid()}"
    if output.exists():
        if not output.is_dir():
            shutil.rmtree(staging, ignore_errors=True)
            raise BuildError(f"{output} exists and is not a folder; move it away and build again")
        output.rename(old)
    staging.chmod(0o755)
    staging.rename(output)
    shutil.rmtree(old, ignore_errors=True)


@dataclass
class BuildReport:
    """What one build did, for the command that ran it."""

    rendered: int = 0  # pages rendered
    reused: int = 0  # pages copied unchanged from the previous site
    corpus: Corpus | None = None  # the links, passages and threads the build computed
    siteurl: str = ""  # where a published build will be served from ("" for a preview)
    private: bool = False  # published privately (noindex, no sitemap, no feeds)
