"""report: the frozen result types, their JSON, and the round trip through to_dict / from_dict."""

from __future__ import annotations

import dataclasses
import json

import jsonschema
import pytest

from resume_signals.report import (
    SCHEMA_VERSION,
    Contribution,
    DateRange,
    Entry,
    ErrorInfo,
    Flag,
    Report,
    Section,
    Seniority,
    Signal,
    Source,
)
from resume_signals.schema import load_schema

TEXT = "EXPERIENCE\nML Engineer, Acme (2019 - 2021)\n• Shipped a ranking model"


def _report() -> Report:
    start = TEXT.index("Shipped")
    return Report(
        source=Source(name="cv.txt", path="in/cv.txt", format="txt", sha256="ab" * 32, bytes=len(TEXT), pages=None),
        warnings=(ErrorInfo("extract_warning", "a warning", "extract"),),
        text=TEXT,
        sections=(Section("experience", "EXPERIENCE", 0, len(TEXT)),),
        entries=(Entry("experience", "ML Engineer", "Acme", DateRange("2019 - 2021", "2019-01", "2021-12"), 11,
                       len(TEXT)),),
        signals=(Signal("shipped", TEXT[start - 2:], "Shipped", start, start + 7, "experience", "shipped.verb"),),
        flags=(Flag("missing_production_signals", "A reason.", {"level": "senior"}),),
        seniority=Seniority("mid", 3.0, ({"decided_by": "years"},)),
        score=8.0,
        contributions=(Contribution("shipped", 1, 8.0),),
    )


def test_report_round_trip_through_dict_and_json() -> None:
    report = _report()
    assert Report.from_dict(report.to_dict()) == report
    assert Report.from_dict(json.loads(report.to_json())) == report


def test_report_json_is_deterministic_and_valid() -> None:
    report = _report()
    assert report.to_json() == _report().to_json()
    jsonschema.validate(json.loads(report.to_json()), load_schema())
    assert list(report.to_dict())[:3] == ["schema_version", "source", "status"]
    assert report.to_dict()["schema_version"] == SCHEMA_VERSION


def test_report_offsets_point_into_the_text() -> None:
    report = _report()
    for sig in report.signals:
        assert report.text[sig.start:sig.end] == sig.match


def test_report_is_frozen_and_replace_makes_a_new_one() -> None:
    report = _report()
    with pytest.raises(dataclasses.FrozenInstanceError):
        report.score = 1.0  # type: ignore[misc]
    changed = report.replace(score=1.0)
    assert (changed.score, report.score) == (1.0, 8.0)


@pytest.mark.parametrize("status, errors, ok, code", [
    ("ok", (), True, None),
    ("partial", (ErrorInfo("too_much_text", "m", "extract"),), True, "too_much_text"),
    ("failed", (ErrorInfo("corrupt", "m", "extract"), ErrorInfo("empty", "n", "extract")), False, "corrupt"),
])
def test_report_ok_and_error_code(status: str, errors: tuple, ok: bool, code: str | None) -> None:
    report = Report(source=Source("a", None, None, "", 0), status=status, errors=errors)
    assert (report.ok, report.error_code) == (ok, code)


def test_report_from_dict_of_a_minimal_failed_report() -> None:
    d = {"source": Source("a.pdf", None, None, "", 0).to_dict(), "status": "failed",
         "errors": [{"code": "empty", "message": "The file is empty.", "stage": "read"}]}
    report = Report.from_dict(d)
    assert (report.status, report.error_code, report.seniority.level, report.signals) == ("failed", "empty",
                                                                                          "unknown", ())
