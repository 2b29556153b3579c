"""Helper processes (Pagefind, the PDF pack's worker) that die with the build that started them.

A build killed with SIGKILL runs no clean-up code, so its helpers must not outlive it and
write into the folder it abandoned. On Linux each helper asks the kernel for SIGKILL when its
parent dies (``PR_SET_PDEATHSIG``). This module imports nothing of the generator's, so a
helper starts in a few milliseconds.
"""

from __future__ import annotations

import os
import sys


def die_with_parent(parent: int) -> None:
    """In a helper process: be killed when the build process ``parent`` dies."""
    import ctypes  # noqa: PLC0415
    import signal  # noqa: PLC0415

    try:
        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # 1: PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        return  # not Linux: helpers may outlive a killed build; the next build sweeps up
    if os.getppid() != parent:  # the build died before we could ask
        os._exit(1)


def helper_command(command: list[str]) -> list[str]:
    """``command`` started so that it dies with this process (the setting survives ``exec``)."""
    return [sys.executable, "-m", __name__, str(os.getpid()), *command]


if __name__ == "__main__":
    die_with_parent(int(sys.argv[1]))
    os.execv(sys.argv[2], sys.argv[2:])
