"""Shared fixtures: schema validation of reports, small TXT resumes, the test hooks.

`validate_report` is for every test that produces a report: it checks the dict
against the packaged JSON Schema (the ATS contract) and the offset invariants
the schema cannot express (``match == text[start:end]``, spans inside the text).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator

from resume_signals.report import Report
from resume_signals.schema import load_schema

ROOT = Path(__file__).resolve().parents[1]
FIXTURES_BUILD = ROOT / "fixtures" / "build"

ReportLike = Report | dict[str, Any]


@pytest.fixture(scope="session")
def report_schema() -> dict[str, Any]:
    return load_schema()


def _offset_problems(d: dict[str, Any]) -> list[str]:
    text = d["text"]
    n = len(text)
    problems = []
    for group in ("sections", "entries", "signals"):
        for i, item in enumerate(d[group]):
            if not 0 <= item["start"] <= item["end"] <= n:
                problems.append(f"{group}[{i}]: span {item['start']}-{item['end']} outside the text (length {n})")
    for i, sig in enumerate(d["signals"]):
        if text[sig["start"]:sig["end"]] != sig["match"]:
            problems.append(f"signals[{i}]: match {sig['match']!r} != text[start:end] "
                            f"{text[sig['start']:sig['end']]!r}")
    return problems


@pytest.fixture(scope="session")
def validate_report(report_schema: dict[str, Any]) -> Callable[[ReportLike], dict[str, Any]]:
    """``validate_report(report_or_dict)`` -> the dict; fails the test with every schema or offset problem."""
    validator = Draft202012Validator(report_schema)

    def check(report: ReportLike) -> dict[str, Any]:
        d = report.to_dict() if isinstance(report, Report) else report
        errors = sorted(validator.iter_errors(d), key=lambda e: list(e.absolute_path))
        problems = [f"{'/'.join(map(str, e.absolute_path)) or '<root>'}: {e.message}" for e in errors]
        if not errors:
            problems += _offset_problems(d)
        name = (d.get("source") or {}).get("name") if isinstance(d, dict) else None
        assert not problems, f"report for {name!r} breaks the contract:\n  " + "\n  ".join(problems[:20])
        return d

    return check


def resume_text(i: int) -> str:
    """A small, distinct TXT resume (numbered so every file has its own sha256)."""
    return (
        f"Candidate Number{i}\n"
        f"candidate{i}@example.org\n"
        "\n"
        "SUMMARY\n"
        f"Machine learning engineer with {3 + i % 5} years on ranking and fraud models.\n"
        "\n"
        "EXPERIENCE\n"
        f"Senior ML Engineer — Northwind Labs {i}\n"
        "Jan 2019 – Present\n"
        f"• Shipped a fraud detection model to production serving {i + 2}M daily users\n"
        "• Added drift monitoring dashboards in Grafana with alert thresholds\n"
        "• Rolled back a bad release within 10 minutes using a canary rollout\n"
        "Data Scientist — Contoso Analytics\n"
        "03/2016 - 12/2018\n"
        "• Built churn models in scikit-learn reaching 0.91 AUC on the validation set\n"
        "\n"
        "EDUCATION\n"
        "MSc Computer Science, Example University, 2016\n"
        "\n"
        "SKILLS\n"
        "Python, Docker, Kubernetes, Airflow, MLflow\n"
    )


@pytest.fixture
def write_resumes() -> Callable[[Path, int], list[Path]]:
    """``write_resumes(directory, n)`` -> n TXT resumes resume_00.txt ... in ``directory``."""

    def write(directory: Path, n: int) -> list[Path]:
        directory.mkdir(parents=True, exist_ok=True)
        paths = []
        for i in range(n):
            path = directory / f"resume_{i:02d}.txt"
            path.write_text(resume_text(i), encoding="utf-8")
            paths.append(path)
        return paths

    return write


@pytest.fixture
def test_hooks(monkeypatch: pytest.MonkeyPatch) -> None:
    """The batch test hooks (sleep / crash / memory markers, see batch_hooks) for this test and its workers."""
    import batch_hooks

    from resume_signals import batch

    monkeypatch.setattr(batch, "_score_task", batch_hooks.hooked(batch._score_task))

