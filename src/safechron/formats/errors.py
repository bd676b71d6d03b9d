"""The one error a submission reader raises: a file it cannot read, said so a person can fix it."""

from __future__ import annotations

__all__ = ["SubmissionError"]


class SubmissionError(Exception):
    """A submission that cannot be read at all. `str(error)` is one line: 'FILE: PROBLEM. FIX'."""

    def __init__(self, *, file: str, problem: str, fix: str) -> None:
        self.file = file
        self.problem = problem
        self.fix = fix
        super().__init__(f"{file}: {problem}. {fix}")
