"""The one error a submission reader raises: a file it cannot read, said so a person can fix it."""

from __future__ import annotations

__all__ = ["SubmissionError"]


def _one_line(text: str) -> str:
    return " ".join(text.split())


class SubmissionError(Exception):
    """A submission that cannot be read at all. `str(error)` is one line: 'FILE: PROBLEM. FIX'."""

    def __init__(self, *, file: str, problem: str, fix: str) -> None:
        self.file = _one_line(file)
        self.problem = _one_line(problem)
        self.fix = _one_line(fix)
        super().__init__(f"{self.file}: {self.problem}. {self.fix}")
