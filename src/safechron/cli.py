"""The `safechron` command line (command-line.md, version 1).

    safechron merge PATH... [--out FILE] [--format xlsx|csv|docx|json]
    safechron link PATH... --format json
    safechron analyse PATH... [--as-of YYYY-MM-DD] --format json|text|html [--out FILE]
    safechron review PATH... --from YYYY-MM-DD --to YYYY-MM-DD [--as-of YYYY-MM-DD] [--anonymise]
                     --format xlsx|docx|html|json [--out FILE]   (docs/review.md)
    safechron demo

Exit status 0 on success (quarantined rows are reported on standard error, one line each,
and in the output); 2 on a usage error or a submission that cannot be read, with one line
on standard error naming the file, the problem and the fix.
"""

from __future__ import annotations

import argparse
import io
import json
import logging
import os
import shutil
import sys
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import Any, NoReturn

from safechron.chronology.model import Chronology
from safechron.formats import SubmissionError
from safechron.pipeline import analyse, load
from safechron.reports.anonymise import AnonymiseOptions
from safechron.reports.exports import chronology_csv, chronology_json, write_docx, write_xlsx
from safechron.reports.html import render_html
from safechron.reports.review import REVIEW_FORMATS, ReviewScope, review_build, review_json, write_review
from safechron.reports.shapes import analyse_json, link_json
from safechron.reports.text import render_text

__all__ = ["main"]

USAGE_ERROR = 2
MERGE_FORMATS = ("xlsx", "csv", "docx", "json")
ANALYSE_FORMATS = ("json", "text", "html")
#: Where a format that cannot go to the terminal is written when no --out is given.
DEFAULT_FILES = {"xlsx": "chronology.xlsx", "docx": "chronology.docx", "html": "safechron-report.html"}
REVIEW_FILES = {"xlsx": "review.xlsx", "docx": "review.docx", "html": "review.html"}


class UsageError(Exception):
    """A command line that cannot be run; the message is one line saying what to change."""


class _Parser(argparse.ArgumentParser):
    """An argument parser whose usage errors are one line on standard error and exit status 2."""

    def error(self, message: str) -> NoReturn:
        raise UsageError(f"{message} (see '{self.prog} --help')")


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command; return its exit status."""
    for stream in (sys.stdout, sys.stderr):
        if isinstance(stream, io.TextIOWrapper):
            stream.reconfigure(encoding="utf-8")  # names and summaries are not ASCII, whatever the locale
    _log_warnings_only()
    try:
        arguments = _parser().parse_args(argv)
        return int(arguments.run(arguments))
    except UsageError as error:
        print(f"safechron: {error}", file=sys.stderr)
        return USAGE_ERROR
    except SubmissionError as error:
        print(str(error), file=sys.stderr)
        return USAGE_ERROR
    except BrokenPipeError:
        # The reader stopped early (`safechron merge … | head`): nothing more to say, and nothing to flush.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1


def _log_warnings_only() -> None:
    """Standard error is for the person at the terminal: one line a problem, no library progress messages
    (Splink logs its timings at INFO level to the root handler unless one is already set up)."""
    handler = logging.StreamHandler()
    handler.setLevel(logging.WARNING)
    logging.basicConfig(handlers=[handler], format="%(name)s: %(message)s")


def _parser() -> _Parser:
    parser = _Parser(
        prog="safechron",
        description="Combine agency chronologies, link people across agencies and keep cumulative risk in view.",
    )
    commands = parser.add_subparsers(title="commands", metavar="COMMAND", required=True, parser_class=_Parser)

    merge = commands.add_parser("merge", help="the combined multi-agency chronology, as a file or JSON")
    _add_paths(merge)
    merge.add_argument("--out", type=Path, help="file to write (default: JSON and CSV to standard output)")
    merge.add_argument(
        "--format",
        choices=MERGE_FORMATS,
        help="default: from the --out file's extension, otherwise json",
    )
    merge.set_defaults(run=_merge)

    link = commands.add_parser("link", help="which agency person records are the same person")
    _add_paths(link)
    link.add_argument("--format", choices=("json",), default="json")
    link.set_defaults(run=_link)

    analyse_command = commands.add_parser("analyse", help="every indicator as of a date, with its evidence")
    _add_paths(analyse_command)
    analyse_command.add_argument(
        "--as-of", type=_iso_day, default=None, metavar="YYYY-MM-DD", help="the date to analyse as of (default: today)"
    )
    analyse_command.add_argument("--format", choices=ANALYSE_FORMATS, default="text")
    analyse_command.add_argument("--out", type=Path, help="file to write (default: standard output; html to a file)")
    analyse_command.set_defaults(run=_analyse)

    _add_review(commands)

    demo = commands.add_parser("demo", help="serve the web application with the demonstration family")
    demo.set_defaults(run=_demo)
    return parser


def _add_review(commands: Any) -> None:
    review = commands.add_parser(
        "review", help="a case review's chronology: its period, what was known on a date, anonymised exports"
    )
    _add_paths(review)
    review.add_argument("--from", dest="start", type=_iso_day, required=True, metavar="YYYY-MM-DD",
                        help="first day of the review period")
    review.add_argument("--to", dest="end", type=_iso_day, required=True, metavar="YYYY-MM-DD",
                        help="last day of the review period")
    review.add_argument("--as-of", type=_iso_day, default=None, metavar="YYYY-MM-DD",
                        help="show only what was known on this date, and the indicators open then (default: --to)")
    review.add_argument("--include-before", action="append", default=[], metavar="AGENCY:RECORD_ID",
                        help="an entry before the period to show as significant (repeat for more); the other "
                             "earlier entries are counted, agency by agency")
    review.add_argument("--anonymise", action="store_true", help="labels for people, names and identifiers removed")
    review.add_argument("--subject", metavar="PERSON_ID",
                        help="the subject child: a person id from 'safechron link', or a record as AGENCY:PERSON_REF")
    review.add_argument("--subject-label", default="Child", metavar="TEXT",
                        help="what the review calls the subject child, such as 'Child BY' (default: Child)")
    review.add_argument("--agencies", choices=("name", "type"), default="name",
                        help="with --anonymise, show agencies by name or by type (default: name)")
    review.add_argument("--dates", choices=("day", "month"), default="day",
                        help="with --anonymise, show dates to the day or to the month (default: day)")
    review.add_argument("--format", choices=REVIEW_FORMATS, help="default: from the --out file's extension, else json")
    review.add_argument("--out", type=Path, help="file to write (default: JSON to standard output, else review.FORMAT)")
    review.set_defaults(run=_review)


def _add_paths(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "paths",
        nargs="+",
        type=Path,
        metavar="PATH",
        help="a submission (.xlsx, .zip, or folder with people.csv and entries.csv), or a folder of them",
    )


def _iso_day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a date; give it as YYYY-MM-DD, e.g. 2016-06-30") from None


def _load(paths: Sequence[Path]) -> Chronology:
    """Read and combine the submissions, reporting each quarantined row and warning on standard error."""
    chronology = load(paths)
    for row in chronology.quarantine:
        print(f"quarantined: {row.message()}", file=sys.stderr)
    for issue in chronology.warnings:
        print(f"warning: {issue.message()}", file=sys.stderr)
    return chronology


def _merge(arguments: argparse.Namespace) -> int:
    out: Path | None = arguments.out
    fmt: str = arguments.format or _format_of(out, MERGE_FORMATS, default="json")
    chronology = _load(arguments.paths)
    if fmt == "json":
        _emit(chronology_json(chronology) + "\n", out)
    elif fmt == "csv":
        _emit(chronology_csv(chronology), out)
    else:
        writer: Callable[..., None] = write_xlsx if fmt == "xlsx" else write_docx
        target = out or Path(DEFAULT_FILES[fmt])
        writer(chronology=chronology, path=target)
        _announce(target, out)
    return 0


def _link(arguments: argparse.Namespace) -> int:
    _emit(_json(link_json(_load(arguments.paths))), None)
    return 0


def _analyse(arguments: argparse.Namespace) -> int:
    as_of: date = arguments.as_of or date.today()
    out: Path | None = arguments.out
    loaded = _load(arguments.paths)
    alerts = analyse(loaded, as_of)
    chronology = loaded.as_known_on(as_of)  # a child not yet born is shown as the pregnancy was recorded
    if arguments.format == "json":
        _emit(_json(analyse_json(chronology=chronology, alerts=alerts, as_of=as_of)), out)
    elif arguments.format == "text":
        width = 100 if out is not None else min(max(shutil.get_terminal_size((100, 24)).columns, 60), 120)
        _emit(render_text(chronology=chronology, alerts=alerts, as_of=as_of, width=width), out)
    else:
        target = out or Path(DEFAULT_FILES["html"])
        target.write_text(render_html(chronology=chronology, alerts=alerts, as_of=as_of), encoding="utf-8")
        _announce(target, out)
    return 0


def _review(arguments: argparse.Namespace) -> int:
    out: Path | None = arguments.out
    fmt: str = arguments.format or _format_of(out, REVIEW_FORMATS, default="json")
    if not arguments.anonymise and (arguments.agencies != "name" or arguments.dates != "day"):
        raise UsageError("--agencies and --dates change only an anonymised review; add --anonymise")
    include_before = set()
    for text in arguments.include_before:
        agency, colon, record_id = text.rpartition(":")
        if not colon or not agency or not record_id:
            raise UsageError(
                f"--include-before '{text}' is not AGENCY:RECORD_ID, e.g. 'Lancashire Constabulary:INC-2231'"
            )
        include_before.add((agency, record_id))
    chronology = _load(arguments.paths)
    scope = ReviewScope(
        start=arguments.start, end=arguments.end, as_of=arguments.as_of, include_before=frozenset(include_before)
    )
    labelling = AnonymiseOptions(
        subject_id=_person_id(chronology, arguments.subject) if arguments.subject else None,
        subject_label=arguments.subject_label,
        agencies_by_type=arguments.agencies == "type",
        dates_by_month=arguments.dates == "month",
    )
    try:
        review = review_build(chronology=chronology, scope=scope, labelling=labelling, anonymised=arguments.anonymise)
    except ValueError as error:
        raise UsageError(str(error)) from None
    except KeyError as error:
        raise UsageError(f"--include-before names no entry of these submissions: {error.args[0]}") from None
    target = out or Path(REVIEW_FILES.get(fmt, "review.json"))
    if fmt == "json" and out is None:
        _emit(_json(review_json(review)), None)
    else:
        write_review(review=review, fmt=fmt, path=target)
        _announce(target, out)
    if review.anonymised:
        print("anonymised: a person must check the output before it is published; automatic anonymisation "
              "misses things", file=sys.stderr)
        if review.to_check:
            words = ", ".join(f"{item.word} ({item.count})" for item in review.to_check)
            print(f"check before publishing: capitalised words that may be names: {words}", file=sys.stderr)
    return 0


def _person_id(chronology: Chronology, subject: str) -> str:
    """A person id as given, or the person of a record given as AGENCY:PERSON_REF."""
    if any(person.person_id == subject for person in chronology.persons):
        return subject
    if subject in chronology.person_of_record:
        return chronology.person_of_record[subject]
    raise UsageError(f"--subject '{subject}' is neither a person id nor an AGENCY:PERSON_REF record of these "
                     "submissions; 'safechron link' lists them")


def _demo(arguments: argparse.Namespace) -> int:
    from safechron.web.demo import run  # the web app is only needed, and only imported, for the demo

    run()
    return 0


def _format_of(out: Path | None, formats: tuple[str, ...], *, default: str) -> str:
    if out is None:
        return default
    suffix = out.suffix.lower().lstrip(".")
    if suffix not in formats:
        raise UsageError(f"cannot tell the format of '{out}'; add --format with one of {', '.join(formats)}")
    return suffix


def _json(data: dict[str, Any]) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def _emit(text: str, out: Path | None) -> None:
    """Write text to the --out file, or to standard output."""
    if out is not None:
        out.write_text(text, encoding="utf-8", newline="")
    else:
        sys.stdout.write(text)


def _announce(target: Path, out: Path | None) -> None:
    """Say where a file went when the person did not choose the name."""
    if out is None:
        print(f"Wrote {target}", file=sys.stderr)


if __name__ == "__main__":
    raise SystemExit(main())
