"""to_frame: one row per report, fixed columns, Reports and their dicts alike."""

from __future__ import annotations

import json
import sys

import pandas as pd
import pytest

import resume_signals
from resume_signals.outputs.frame import BASE_COLUMNS, FLAG_NAMES, SIGNAL_NAMES, to_frame
from resume_signals.report import ErrorInfo, Flag, Report, Seniority, Signal, Source


def _src(name: str) -> Source:
    return Source(name=name, path=f"/cv/{name}", format="pdf", sha256=name * 4, bytes=100)


def _sig(name: str, at: int = 0, ml: bool = False, value: tuple[str, ...] | None = None) -> Signal:
    return Signal(name=name, text="t", match="m", start=at, end=at + 1, section="experience", rule=f"{name}.r",
                  value=value, ml=ml)


STRONG = Report(source=_src("strong.pdf"), text="x" * 50, score=81.5, seniority=Seniority("senior", 7.25),
                signals=(_sig("shipped", ml=True), _sig("shipped", 5), _sig("monitoring"),
                         _sig("production_stack", value=("Docker", "MLflow")),
                         _sig("production_stack", 9, value=("MLflow", "Kafka"))))
PADDED = Report(source=_src("padded.pdf"), text="y" * 50, score=12.0, seniority=Seniority("junior", 1.0),
                signals=(_sig("offline_metric"), _sig("competition")),
                flags=(Flag("architecture_padding", "many"), Flag("competition_without_production", "kaggle")))
FAILED = Report(source=_src("locked.pdf"), status="failed",
                errors=(ErrorInfo("encrypted", "password", "extract"),))


def test_frame_one_row_per_report_with_every_known_column() -> None:
    df = to_frame([STRONG, PADDED, FAILED])
    assert len(df) == 3
    expected = [*BASE_COLUMNS, *(f"signal_{n}" for n in SIGNAL_NAMES), *(f"ml_{n}" for n in SIGNAL_NAMES),
                *(f"flag_{n}" for n in FLAG_NAMES)]
    assert list(df.columns) == expected
    assert list(df["file"]) == ["strong.pdf", "padded.pdf", "locked.pdf"]


@pytest.mark.parametrize(("row", "column", "value"), [
    (0, "signal_shipped", 2),
    (0, "ml_shipped", 1),  # one of the two is about an ML system
    (0, "ml_monitoring", 0),
    (0, "tools", "Docker, MLflow, Kafka"),  # every tool once, in text order
    (1, "tools", ""),
    (0, "signal_monitoring", 1),
    (0, "signal_rollback", 0),
    (0, "flag_architecture_padding", False),
    (0, "seniority", "senior"),
    (0, "years", 7.25),
    (0, "score", 81.5),
    (0, "status", "ok"),
    (1, "signal_competition", 1),
    (1, "flag_architecture_padding", True),
    (1, "flag_competition_without_production", True),
    (1, "flag_missing_production_signals", False),
    (2, "error_code", "encrypted"),
    (2, "status", "failed"),
    (2, "signal_shipped", 0),
    (2, "seniority", "unknown"),
    (2, "path", "/cv/locked.pdf"),
    (2, "format", "pdf"),
])
def test_frame_cell_values(row: int, column: str, value: object) -> None:
    assert to_frame([STRONG, PADDED, FAILED]).loc[row, column] == value


def test_frame_failed_report_has_no_score() -> None:
    df = to_frame([FAILED, STRONG])
    assert pd.isna(df.loc[0, "score"]) and pd.isna(df.loc[1, "error_code"])


def test_frame_dtypes_support_sorting_and_sums() -> None:
    df = to_frame([STRONG, PADDED, FAILED])
    assert df["score"].dtype == "float64" and df["signal_shipped"].dtype == "int64"
    assert df["flag_architecture_padding"].dtype == bool
    assert list(df.sort_values("score", ascending=False)["file"])[:2] == ["strong.pdf", "padded.pdf"]


def test_frame_contact_and_skills_columns() -> None:
    import resume_signals

    text = (b"Dana Quill\ndana.quill@example.org | +1 415 555 0134\nEXPERIENCE\nML Engineer, Acme (2019 - 2021)\n"
            b"- Shipped a ranking model on Kubernetes\nSKILLS\nPython, Go, AWS\n")
    plain, redacted = resume_signals.score(text), resume_signals.score(text, redact=True)
    df = to_frame([plain, redacted.to_dict()])
    assert list(df.loc[0, ["name", "email", "phone", "skills", "tools"]]) == [
        "Dana Quill", "dana.quill@example.org", "+1 415 555 0134", "Python, Go, AWS", "Kubernetes, AWS"]
    assert df.loc[1, ["name", "email", "phone"]].isna().all()  # redacted: nothing to show


def test_frame_accepts_dicts_read_back_from_jsonl() -> None:
    lines = [r.to_json() for r in (STRONG, PADDED, FAILED)]
    from_dicts = to_frame(json.loads(line) for line in lines)
    pd.testing.assert_frame_equal(from_dicts, to_frame([STRONG, PADDED, FAILED]))


def test_frame_signal_from_a_rule_pack_gets_its_own_column() -> None:
    custom = Report(source=_src("c.pdf"), signals=(_sig("on_call_rotation"),), flags=(Flag("custom_flag", "x"),))
    df = to_frame([STRONG, custom])
    assert list(df["signal_on_call_rotation"]) == [0, 1]
    assert list(df["flag_custom_flag"]) == [False, True]
    assert list(df.columns).index("signal_on_call_rotation") > list(df.columns).index("signal_versioning")


def test_frame_empty_input_keeps_the_columns() -> None:
    df = to_frame([])
    assert len(df) == 0 and "signal_versioning" in df.columns and "flag_architecture_padding" in df.columns


def test_frame_rejects_other_objects() -> None:
    with pytest.raises(TypeError, match="Report objects or their dicts"):
        to_frame(["strong.pdf"])  # type: ignore[list-item]


def test_frame_without_pandas_points_to_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(ImportError, match=r"pip install 'resume_signals\[frame\]'"):
        to_frame([STRONG])


def test_frame_is_exported_lazily_from_the_package() -> None:
    assert resume_signals.to_frame is to_frame
