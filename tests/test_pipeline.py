"""pipeline: the stages in order, failed reports instead of exceptions, and pipelines sharing compiled parts."""

from __future__ import annotations

import datetime as dt

import pytest

from resume_signals import Pipeline
from resume_signals.errors import DocumentError, ErrorCode
from resume_signals.limits import Limits
from resume_signals.pipeline import default_pipeline, failed_report, parse_as_of
from resume_signals.report import Source

RESUME = (b"Ada Lovelace\nada@example.com\nEXPERIENCE\nSenior ML Engineer, Acme (2015 - Present)\n"
          b"- Shipped a ranking model to production\n- Set up drift monitoring with alerts\n")
AS_OF = "2026-11-01"


@pytest.fixture(scope="module")
def pipe() -> Pipeline:
    return default_pipeline()


@pytest.mark.parametrize("value, expected", [
    (dt.date(2026, 1, 2), dt.date(2026, 1, 2)),
    (dt.datetime(2026, 1, 2, 13, 5), dt.date(2026, 1, 2)),
    ("2026-01-02", dt.date(2026, 1, 2)),
])
def test_pipeline_parse_as_of(value, expected) -> None:
    assert parse_as_of(value) == expected


def test_pipeline_parse_as_of_defaults_to_today() -> None:
    assert parse_as_of(None) == dt.date.today()


def test_pipeline_runs_every_stage(pipe: Pipeline) -> None:
    report = pipe.score(RESUME, as_of=AS_OF)
    assert report.status == "ok" and report.source.format == "txt"
    assert [s.kind for s in report.sections] == ["contact", "experience"]
    assert [(e.title, e.organization) for e in report.entries] == [("Senior ML Engineer", "Acme")]
    assert {"shipped", "monitoring"} <= {s.name for s in report.signals}
    assert report.seniority.level == "senior"
    assert report.score is not None and report.score > 0
    assert sum(c.points for c in report.contributions) == pytest.approx(report.score)


def test_pipeline_same_input_same_report(pipe: Pipeline) -> None:
    assert pipe.score(RESUME, as_of=AS_OF).to_json() == Pipeline().score(RESUME, as_of=AS_OF).to_json()


@pytest.mark.parametrize("source, code", [
    (b"", "empty"),
    (b"%PDF-1.7 not really a pdf", "corrupt"),
    ("/no/such/resume.pdf", "not_found"),
])
def test_pipeline_bad_input_is_a_failed_report(pipe: Pipeline, source, code: str) -> None:
    report = pipe.score(source, as_of=AS_OF)
    assert (report.status, report.error_code, report.text, report.signals) == ("failed", code, "", ())


def test_pipeline_limits_apply(pipe: Pipeline) -> None:
    small = pipe.with_settings(limits=Limits(max_bytes=10))
    assert small.score(RESUME, as_of=AS_OF).error_code == "too_large"
    assert pipe.score(RESUME, as_of=AS_OF).status == "ok"


def test_pipeline_with_settings_shares_compiled_parts_and_leaves_the_original(pipe: Pipeline) -> None:
    before = (pipe.limits, pipe.redact)
    redacting = pipe.with_settings(redact=True)
    assert redacting.detector is pipe.detector and redacting.rules is pipe.rules
    assert (pipe.limits, pipe.redact) == before
    report = redacting.score(RESUME, as_of=AS_OF)
    assert "ada@example.com" not in report.text and "[email]" in report.text
    assert "ada@example.com" in pipe.score(RESUME, as_of=AS_OF).text


def test_pipeline_a_stage_bug_is_an_internal_error_report(pipe: Pipeline, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr("resume_signals.judge.seniority.estimate", broken)
    report = pipe.score(RESUME, as_of=AS_OF)
    assert report.error_code == "internal_error" and "boom" in report.errors[0].message


def test_pipeline_an_extractor_bug_is_a_corrupt_report(pipe: Pipeline, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*args: object, **kwargs: object) -> None:
        raise ValueError("parser bug")

    monkeypatch.setattr("resume_signals.extract.extract", broken)
    assert pipe.score(RESUME, as_of=AS_OF).error_code == "corrupt"


def test_pipeline_failed_report_carries_the_error() -> None:
    src = Source("a.pdf", None, None, "", 0)
    report = failed_report(src, DocumentError(ErrorCode.ENCRYPTED))
    assert (report.status, report.error_code, report.source) == ("failed", "encrypted", src)
    assert report.errors[0].message
