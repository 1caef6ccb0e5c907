"""The packaged JSON Schema describes Report.to_dict() exactly, and every kind of report validates."""

from __future__ import annotations

import copy
import tomllib
from collections.abc import Callable
from importlib import resources
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator

from resume_signals import Limits, score_many
from resume_signals.errors import ErrorCode
from resume_signals.report import (
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

FIXTURES_BUILD = Path(__file__).resolve().parents[1] / "fixtures" / "build"
Validate = Callable[[Any], dict[str, Any]]
WriteResumes = Callable[[Path, int], list[Path]]


def _full_report() -> Report:
    """A hand-built report using every field, so the schema is checked against all of to_dict()."""
    text = "Jo Doe\nEXPERIENCE\nML Engineer, Acme\tJan 2019 – Present\n• Shipped a model"
    shipped = text.index("Shipped")
    return Report(
        source=Source(name="cv.pdf", path="/x/cv.pdf", format="pdf", sha256="a" * 64, bytes=10, pages=1),
        status="partial",
        errors=(ErrorInfo(code="too_many_pages", message="only the first pages were read", stage="extract"),),
        warnings=(ErrorInfo(code="extract_warning", message="odd font", stage="extract"),),
        text=text,
        sections=(Section("contact", None, 0, 6), Section("experience", "EXPERIENCE", 7, len(text))),
        entries=(Entry("experience", "ML Engineer", "Acme", DateRange("Jan 2019 – Present", "2019-01", None, True),
                       18, len(text)),
                 Entry("experience", None, None, None, 18, 20)),
        signals=(Signal("shipped", "• Shipped a model", "Shipped", shipped, shipped + 7, "experience", "shipped.v1"),
                 Signal("team_size", "x", "Shipped", shipped, shipped + 7, "experience", "team.v1", 6),
                 Signal("my_custom_signal", "x", "Shipped", shipped, shipped + 7, "experience", "custom", 1.5),
                 Signal("production_stack", "x", "Shipped", shipped, shipped + 7, "experience", "stack.v1",
                        ("Docker", "Kubernetes"), ml=True)),
        flags=(Flag("missing_production_signals", "none found", {"missing": ["monitoring"], "level": "senior"}),),
        seniority=Seniority("senior", 7.5, ({"title": "ML Engineer", "months": 90},)),
        score=42.5,
        contributions=(Contribution("shipped", 1, 12.5, ml=1), Contribution("architecture_padding", 1, -5.0)),
    )


def test_schema_is_valid_draft_2020_12() -> None:
    schema = load_schema()
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    Draft202012Validator.check_schema(schema)
    assert schema["additionalProperties"] is False


def test_schema_top_level_keys_are_exactly_to_dict_keys() -> None:
    schema = load_schema()
    keys = list(_full_report().to_dict())
    assert set(schema["properties"]) == set(keys) == set(schema["required"])


def test_schema_error_codes_match_the_enum() -> None:
    enum = load_schema()["$defs"]["error"]["properties"]["code"]["enum"]
    assert enum == [c.value for c in ErrorCode]


def test_schema_section_kinds_match_the_heading_lexicon() -> None:
    lexicon = tomllib.loads((resources.files("resume_signals") / "spec" / "data" / "headings.toml").read_text("utf-8"))
    kinds = set(lexicon["aliases"]) | {"contact", "other"}
    assert set(load_schema()["$defs"]["section_kind"]["enum"]) == kinds


def test_schema_seniority_levels() -> None:
    levels = load_schema()["$defs"]["seniority"]["properties"]["level"]["enum"]
    assert levels == ["junior", "mid", "senior", "staff_plus", "unknown"]


def test_schema_accepts_a_report_using_every_field(validate_report: Validate) -> None:
    validate_report(_full_report())


def _mutated(path: list[str | int], value: Any) -> dict[str, Any]:
    d = copy.deepcopy(_full_report().to_dict())
    target: Any = d
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    return d


@pytest.mark.parametrize("path, value", [
    (["surprise"], 1),                                       # extra top-level key
    (["schema_version"], "1"),                               # the version before `ml`
    (["status"], "done"),
    (["errors", 0, "code"], "kaput"),                       # not an ErrorCode
    (["sections", 0, "kind"], "hobbies"),                    # not a section kind
    (["sections", 0, "start"], -1),
    (["entries", 0, "dates", "start"], "2019-13"),
    (["entries", 0, "dates", "start"], "Jan 2019"),
    (["signals", 0, "extra"], True),
    (["signals", 0, "value"], [6]),                          # tools are names
    (["signals", 0, "ml"], "yes"),
    (["seniority", "level"], "principal"),
    (["score"], 100.5),
    (["score"], -1),
    (["source", "format"], "doc"),
    (["source", "sha256"], "xyz"),
    (["contributions", 0, "count"], -1),
    (["contributions", 0, "ml"], -1),
])
def test_schema_rejects_near_misses(path: list[str | int], value: Any) -> None:
    validator = Draft202012Validator(load_schema())
    assert validator.is_valid(_full_report().to_dict())
    assert not validator.is_valid(_mutated(path, value))


def test_schema_failed_report_must_carry_an_error_and_no_score() -> None:
    validator = Draft202012Validator(load_schema())
    failed = Report(source=Source("x.pdf", "x.pdf", None, "", 0), status="failed",
                    errors=(ErrorInfo("corrupt", "broken", "extract"),)).to_dict()
    assert validator.is_valid(failed)
    assert not validator.is_valid({**failed, "errors": []})
    assert not validator.is_valid({**failed, "score": 10.0})


def test_schema_every_produced_report_validates(tmp_path: Path, write_resumes: WriteResumes, test_hooks: None,
                                                validate_report: Validate) -> None:
    built = sorted(p for p in FIXTURES_BUILD.glob("*") if p.is_file()) if FIXTURES_BUILD.is_dir() else []
    (tmp_path / "zero.pdf").write_bytes(b"")
    (tmp_path / "hang.txt").write_text("RESUME_SIGNALS_TEST_SLEEP\n", encoding="utf-8")
    (tmp_path / "crash.txt").write_text("RESUME_SIGNALS_TEST_CRASH\n", encoding="utf-8")
    (tmp_path / "big.txt").write_bytes(b"x" * 5000)
    sources: list[Any] = [*built, *write_resumes(tmp_path / "good", 2), tmp_path / "zero.pdf", tmp_path / "hang.txt",
                          tmp_path / "crash.txt", tmp_path / "gone.pdf", tmp_path, b"%PDF-1.4\n"]
    reports = list(score_many(sources, workers=2, timeout=2, as_of="2026-01-01", progress=False))
    reports += score_many([tmp_path / "big.txt"], workers=1, limits=Limits(max_bytes=4096), progress=False)
    codes = {r.error_code for r in reports}
    assert {"empty", "timeout", "worker_crashed", "too_large", "not_found", "not_a_file", None} <= codes
    for report in reports:
        validate_report(report)
        validate_report(Report.from_dict(report.to_dict()))  # a stored line reads back to the same contract
