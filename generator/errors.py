"""The project's own exceptions. Every message names the file and says what to do."""

from __future__ import annotations


class BriefingError(Exception):
    """Base class: anything Briefing raises on purpose."""


class InputError(BriefingError):
    """A content file that cannot become an article.

    >>> str(InputError("content/raw/a.txt", "the file is empty", "paste the article text"))
    'content/raw/a.txt: the file is empty (paste the article text)'
    """

    def __init__(self, path: str, problem: str, hint: str = "") -> None:
        self.path = path
        self.problem = problem
        self.hint = hint
        super().__init__(f"{path}: {problem}" + (f" ({hint})" if hint else ""))


class SettingsError(BriefingError):
    """The ``BRIEFING`` settings dict has a key or value that Briefing does not understand."""


class BuildError(BriefingError):
    """The site could not be built; the previous site is left in place."""
