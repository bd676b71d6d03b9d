"""Reading an uploaded submission with the engine's reader, from the bytes kept on the import."""

from __future__ import annotations

import tempfile
from pathlib import Path

from safechron.chronology.model import Submission
from safechron.formats import read_submission

__all__ = ["ACCEPTED_SUFFIXES", "read_upload"]

#: A browser uploads files, not folders: a folder of csv files is sent zipped.
ACCEPTED_SUFFIXES = (".xlsx", ".zip")


def read_upload(*, file_name: str, content: bytes) -> Submission:
    """Read an uploaded workbook or zip exactly as the command line reads a file (SubmissionError if not)."""
    name = Path(file_name).name or "submission"
    with tempfile.TemporaryDirectory(prefix="safechron-upload-") as folder:
        path = Path(folder) / name
        path.write_bytes(content)
        return read_submission(path)
