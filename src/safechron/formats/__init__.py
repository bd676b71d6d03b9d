"""Reading agency chronology submissions: .xlsx workbooks, zips and folders of CSV files.

from safechron.formats import read_submission, read_paths, SubmissionError
"""

from safechron.formats.errors import SubmissionError
from safechron.formats.reader import read_paths, read_submission

__all__ = ["SubmissionError", "read_paths", "read_submission"]
