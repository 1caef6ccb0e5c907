"""A document with no resume structure is scored, but flagged `not_a_resume` (status partial)."""

from __future__ import annotations

import pytest

import resume_signals

RESUME_LIKE = [
    "EXPERIENCE\nData Engineer, Northwind (2018 - 2022)\n- Deployed a demand model\n",      # heading + dated entry
    "Sam Ode\nsam@example.net\nSKILLS\nPython, Kafka\n",                                  # heading + e-mail
    "Sam Ode\n+44 20 7946 0958\nWork history\n- Owned the ranking service\n",                      # phone + heading
    "Sam Ode\nsam@example.net\nPUBLICATIONS\n- Drift-aware retraining, workshop paper, 2022\n",   # any resume heading
    "Sam Ode\nsam@example.net\nData Engineer - Northwind, Remote\nJan 2019 - Mar 2022\n- Ran the ETL\n",  # no heading
]
NOT_RESUMES = [
    "# toolkit\n\nInstall with pip, then call run(). See the changelog for version 2.1.\n",
    "id,item,price\n1,widget,3.50\n2,gear,7.00\n3,spring,0.25\n",
    "Meeting notes\nWe shipped the new release and deployed it to production on Tuesday.\n",
    "# toolkit\n\nAWARDS\nBest plugin of the year, two years running.\n",  # a heading alone is one of three
    "Release notes\nWrite to help@example.org. Version 2 ships in 2024.\n",  # contact + a lone year, no range
]


@pytest.mark.parametrize("text", RESUME_LIKE)
def test_not_a_resume_resume_structure_is_ok(text: str) -> None:
    report = resume_signals.score(text.encode(), as_of="2026-01-01")
    assert report.status == "ok" and report.error_code is None


@pytest.mark.parametrize("text", NOT_RESUMES)
def test_not_a_resume_documents_without_structure_are_partial(text: str) -> None:
    report = resume_signals.score(text.encode(), as_of="2026-01-01")
    assert report.status == "partial"
    assert [(e.code, e.stage) for e in report.errors] == [("not_a_resume", "sections")]
    assert report.score is not None  # still scored


def test_not_a_resume_redacted_placeholders_count_as_contact() -> None:
    text = "Sam Ode\nsam@example.net\nSKILLS\nPython, Kafka\n"
    assert resume_signals.score(text.encode(), redact=True).status == "ok"
