"""The `safechron` command line end to end: real submission folders written to tmp_path, the real
reader, linkage, tagger and indicators, run through the console entry point."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest
from docx import Document

from safechron.cli import main

REPO = Path(__file__).resolve().parents[1]
EXAMPLES = REPO / "examples"

POLICE_PEOPLE = """agency,person_ref,given_names,family_name,date_of_birth,sex,nhs_number,postcode,role,lives_with_child
Lancashire Constabulary,P-0041,Kerry,Smith,11/02/1994,f,943 476 5919,FY1 4AB,mother,yes
Lancashire Constabulary,P-0042,Dean,Jones,1990-05-03,m,,FY1 4AB,partner,yes
"""
POLICE_ENTRIES = """agency,agency_type,record_id,date,time,subjects,event_type,summary,action,outcome,tags
Lancashire Constabulary,police,INC-2231,2016-04-02,23:40,P-0041;P-0042,domestic_abuse_incident,\
"Police called to a fight: Dean hit Kerry, who was pregnant.",DASH completed,Dean arrested,domestic_abuse
Lancashire Constabulary,police,INC-2290,31/02/2016,,P-0041,police_callout,Neighbour called about shouting.,,,
Lancashire Constabulary,police,INC-2301,2016-05,,P-0042,intelligence,=1+1 Dean seen drinking heavily,,,
"""
CSC_PEOPLE = """agency,person_ref,given_names,family_name,date_of_birth,sex,nhs_number,postcode,role
Blackpool CSC,77812,Kerry,Smyth,1994-02-11,female,9434765919,fy14ab,mother
Blackpool CSC,77813,Baby,Smith,2016-10-19,male,,FY1 4AB,child
"""
CSC_ENTRIES = """agency,agency_type,record_id,date,subjects,event_type,summary,tags
Blackpool CSC,childrens_social_care,R-1,?2016-05-22,77812,referral,\
"Referral from midwife: Kerry is pregnant, low in mood.",
Blackpool CSC,childrens_social_care,R-2,2016-06-01,77812;77813,home_visit,Home visit. No concerns about drug use.,
"""


def _write(folder: Path, files: dict[str, str]) -> Path:
    folder.mkdir(parents=True)
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


@pytest.fixture
def review(tmp_path: Path) -> Path:
    """A review folder holding two agencies' submission folders."""
    root = tmp_path / "review"
    _write(root / "police", {"people.csv": POLICE_PEOPLE, "entries.csv": POLICE_ENTRIES})
    _write(root / "csc", {"people.csv": CSC_PEOPLE, "entries.csv": CSC_ENTRIES})
    return root


def _run(*arguments: str | Path) -> subprocess.CompletedProcess[str]:
    """The real entry point in a fresh interpreter, as a person would run it."""
    return subprocess.run(
        [sys.executable, "-m", "safechron.cli", *map(str, arguments)],
        capture_output=True, text=True, encoding="utf-8", cwd=REPO, check=False, timeout=300,
    )  # fmt: skip


def test_analyse_json_through_the_entry_point(review: Path) -> None:
    result = _run("analyse", review, "--as-of", "2016-06-30", "--format", "json")
    assert result.returncode == 0, result.stderr
    assert result.stderr.splitlines() == [
        line for line in result.stderr.splitlines() if line.startswith(("quarantined: ", "warning: "))
    ]
    quarantined = [line for line in result.stderr.splitlines() if line.startswith("quarantined: ")]
    assert len(quarantined) == 1 and "row 3" in quarantined[0] and "date" in quarantined[0]
    data = json.loads(result.stdout)
    assert list(data) == ["as_of", "persons", "alerts", "entries", "quarantine", "entries_after_as_of"]
    assert data["as_of"] == "2016-06-30" and data["entries_after_as_of"] == 0
    records = [record for person in data["persons"] for record in person["records"]]
    assert sorted(records) == sorted(
        [
            "Lancashire Constabulary:P-0041",
            "Lancashire Constabulary:P-0042",
            "Blackpool CSC:77812",
            "Blackpool CSC:77813",
        ]
    )
    kerry = next(p for p in data["persons"] if "Lancashire Constabulary:P-0041" in p["records"])
    assert "Blackpool CSC:77812" in kerry["records"]  # same NHS number: one person across agencies
    assert [e["record_id"] for e in data["entries"]] == ["INC-2231", "INC-2301", "R-1", "R-2"]
    assert [e["date"] for e in data["entries"]] == ["2016-04-02", "2016-05", "?2016-05-22", "2016-06-01"]
    incident = data["entries"][0]
    assert incident["agency"] == "Lancashire Constabulary" and incident["subjects"][0] == kerry["person_id"]
    for key in ("event_type", "summary", "tags", "proposed_tags"):
        assert key in incident
    assert "domestic_abuse" in incident["tags"]
    assert "substance_misuse_parent" not in data["entries"][3]["proposed_tags"]  # "no concerns about drug use"
    assert data["quarantine"][0]["row"] == 3 and data["quarantine"][0]["column"] == "date"
    for alert in data["alerts"]:
        assert {
            "code",
            "severity",
            "children",
            "adults",
            "first_met_on",
            "evidence",
            "explanation",
            "reference",
        } <= set(alert)
        assert all(item["date"].lstrip("?") <= "2016-06-30" for item in alert["evidence"])


def test_unreadable_submission_is_one_line_and_status_2(tmp_path: Path) -> None:
    broken = _write(
        tmp_path / "broken",
        {"people.csv": POLICE_PEOPLE, "entries.csv": "agency,agency_type,record_id,date,subjects,event_type\n"},
    )
    result = _run("merge", broken, "--format", "json")
    assert result.returncode == 2
    assert result.stdout == ""
    (line,) = result.stderr.splitlines()
    assert "entries.csv" in line and "summary" in line


def test_usage_errors_are_one_line_and_status_2(review: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for arguments in (
        ["analyse", str(review), "--as-of", "30/06/2016", "--format", "json"],
        ["merge", str(review), "--format", "pdf"],
        ["merge", str(review), "--out", "chronology.pdf"],
        ["frobnicate"],
        [],
    ):
        assert main(arguments) == 2
        captured = capsys.readouterr()
        assert captured.out == ""
        assert len(captured.err.splitlines()) == 1 and captured.err.startswith("safechron: "), arguments
    assert main(["analyse", str(review / "nowhere"), "--format", "json"]) == 2
    (line,) = capsys.readouterr().err.splitlines()
    assert "nowhere" in line


def test_merge_files_by_extension(review: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    xlsx, docx, csv = tmp_path / "c.xlsx", tmp_path / "c.docx", tmp_path / "c.csv"
    for out in (xlsx, docx, csv):
        assert main(["merge", str(review), "--out", str(out)]) == 0
    assert capsys.readouterr().out == ""
    sheet = openpyxl.load_workbook(xlsx)["Chronology"]
    rows = list(sheet.iter_rows(min_row=2, values_only=True))
    assert [row[0] for row in rows] == ["2016-04-02", "2016-05", "?2016-05-22", "2016-06-01"]
    assert rows[1][8] == "'=1+1 Dean seen drinking heavily"
    table = Document(str(docx)).tables[0]
    assert table.rows[3].cells[0].text == "About 22 May 2016"
    assert csv.read_bytes().startswith(b"\xef\xbb\xbf")


def test_merge_json_and_csv_to_standard_output(review: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["merge", str(review)]) == 0
    captured = capsys.readouterr()
    data = json.loads(captured.out)
    assert list(data) == ["persons", "entries", "quarantine"]
    assert len(data["entries"]) == 4 and len(data["quarantine"]) == 1
    assert "quarantined: " in captured.err
    assert main(["merge", str(review), "--format", "csv"]) == 0
    text = capsys.readouterr().out
    assert text.startswith("\ufeffDate,Time,Agency")
    assert "'=1+1 Dean" in text


def test_link_lists_every_record_once(review: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["link", str(review / "police"), str(review / "csc"), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert list(data) == ["persons"]
    records = [record for person in data["persons"] for record in person["records"]]
    assert len(records) == len(set(records)) == 4
    for person in data["persons"]:
        assert {"person_id", "display_name", "date_of_birth", "role", "records"} <= set(person)


def test_analyse_text_and_html(review: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["analyse", str(review), "--as-of", "2016-06-30", "--format", "text"]) == 0
    text = capsys.readouterr().out
    assert text.startswith("Multi-agency chronology report as of 30 June 2016")
    assert "Rows not taken in" in text and "INC-2290" not in text.split("Rows not taken in")[0]
    out = tmp_path / "report.html"
    assert main(["analyse", str(review), "--as-of", "2016-06-30", "--format", "html", "--out", str(out)]) == 0
    html = out.read_text("utf-8")
    assert html.startswith("<!DOCTYPE html>") and html.count("<svg") == 2
    assert 'id="entry-lancashire-constabulary-inc-2231"' in html


def test_html_without_out_goes_to_a_named_file(
    review: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    assert main(["analyse", str(review), "--as-of", "2016-06-30", "--format", "html"]) == 0
    assert "Wrote safechron-report.html" in capsys.readouterr().err
    assert (tmp_path / "safechron-report.html").read_text("utf-8").startswith("<!DOCTYPE html>")


def test_demonstration_family(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["analyse", str(EXAMPLES / "child-by"), "--as-of", "2016-10-19", "--format", "json"]) == 0
    captured = capsys.readouterr()
    data = json.loads(captured.out)
    records = [record for person in data["persons"] for record in person["records"]]
    assert len(records) == len(set(records))
    assert len(data["entries"]) > 200 and not data["quarantine"]
    assert {"TOXIC_TRIO", "DA_PATTERN"} <= {alert["code"] for alert in data["alerts"]}
    for alert in data["alerts"]:
        assert alert["first_met_on"] <= "2016-10-19"
        assert all(item["date"].lstrip("?")[:10] <= "2016-10-19" for item in alert["evidence"])


def test_calm_family_raises_no_high_alert(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["analyse", str(EXAMPLES / "calm-family"), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["entries"]
    assert not [alert["code"] for alert in data["alerts"] if alert["severity"] == "high"]


def test_broken_submission_is_quarantined_not_refused(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["merge", str(EXAMPLES / "broken-submission"), "--format", "json"]) == 0
    captured = capsys.readouterr()
    data = json.loads(captured.out)
    lines = [line for line in captured.err.splitlines() if line.startswith("quarantined: ")]
    assert len(lines) == len(data["quarantine"]) >= 1
    for line, row in zip(lines, data["quarantine"], strict=True):
        assert f"row {row['row']}, column {row['column']}" in line


def test_demo_runs_the_web_demonstration(monkeypatch: pytest.MonkeyPatch) -> None:
    import safechron.web.demo

    calls: list[dict[str, object]] = []
    monkeypatch.setattr(safechron.web.demo, "run", lambda **options: calls.append(options))
    assert main(["demo"]) == 0
    assert calls == [{}]


def test_review_anonymised_json(review: Path, capsys: pytest.CaptureFixture[str]) -> None:
    arguments = ["review", str(review), "--from", "2016-04-01", "--to", "2016-05-31", "--anonymise",
                 "--subject", "Blackpool CSC:77813", "--subject-label", "Child BY"]
    assert main(arguments) == 0
    captured = capsys.readouterr()
    data = json.loads(captured.out)
    assert data["scope"]["as_of"] == "2016-05-31" and data["anonymised"] is True
    assert [(person["label"], person["name"]) for person in data["key"]] == [
        ("Child BY", None), ("Mother", None), ("Partner", None),
    ]  # fmt: skip
    assert [entry["date"] for entry in data["entries"]] == ["2016-04-02", "2016-05", "?2016-05-22"]
    assert data["left_out"]["after"] == 1
    for secret in ("Kerry", "Smith", "Smyth", "Dean", "Jones", "FY1", "943 476 5919", "9434765919", "P-0041"):
        assert secret.lower() not in captured.out.lower()
    assert "a person must check the output before it is published" in captured.err


def test_review_files_by_extension_and_month_dates(review: Path, tmp_path: Path) -> None:
    out = tmp_path / "review.docx"
    arguments = ["review", str(review), "--from", "2016-01-01", "--to", "2016-12-31", "--as-of", "2016-05-01",
                 "--anonymise", "--agencies", "type", "--dates", "month", "--out", str(out)]
    assert main(arguments) == 0
    document = Document(str(out))
    texts = [p.text for p in document.paragraphs] + [c.text for t in document.tables for r in t.rows for c in r.cells]
    assert "Family key" in texts and "Check before publishing" in texts
    assert "April 2016" in texts and "Police" in texts  # the one entry known on 1 May 2016
    assert not any("Lancashire" in text or "Blackpool" in text for text in texts)


def test_review_usage_errors_say_what_to_change(review: Path, capsys: pytest.CaptureFixture[str]) -> None:
    period = ["review", str(review), "--from", "2016-01-01", "--to", "2016-12-31"]
    for arguments, words in (
        ([*period, "--agencies", "type"], "add --anonymise"),
        ([*period, "--include-before", "INC-1"], "AGENCY:RECORD_ID"),
        ([*period, "--include-before", "Lancashire Constabulary:INC-9999"], "Lancashire Constabulary:INC-9999"),
        ([*period, "--subject", "nobody"], "safechron link"),
        (["review", str(review), "--from", "2016-12-31", "--to", "2016-01-01"], "ends before it starts"),
        (["review", str(review), "--to", "2016-12-31"], "--from"),
    ):
        assert main(arguments) == 2
        captured = capsys.readouterr()
        assert captured.out == ""
        last = captured.err.splitlines()[-1]
        assert last.startswith("safechron: ") and words in last, arguments
