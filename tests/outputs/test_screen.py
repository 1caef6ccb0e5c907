"""screen(): the pre-screen decision, its reasons, and the questions for missing signals."""

from __future__ import annotations

import json

import pytest

from resume_signals.errors import RulesError
from resume_signals.outputs.frame import SIGNAL_NAMES
from resume_signals.outputs.screen import ScreenResult, check_names, load_questions, production_signals, screen
from resume_signals.report import ErrorInfo, Flag, Report, Signal, Source

PRODUCTION = ("shipped", "deployed", "monitoring", "rollback", "ab_testing", "post_launch_iteration",
              "outcome_metric", "team_size", "ownership", "production_stack", "versioning")


def _report(score: float | None, *names: str, flags: tuple[str, ...] = (), status: str = "ok",
            ml: bool = True) -> Report:
    sigs = tuple(Signal(n, "t", "m", i, i + 1, "experience", f"{n}.r", ml=ml) for i, n in enumerate(names))
    return Report(source=Source(name="cv.pdf", path="/in/cv.pdf", format="pdf", sha256="0" * 64, bytes=1),
                  status=status, score=score, signals=sigs,
                  flags=tuple(Flag(f, f"because {f}") for f in flags))


ALL = _report(90.0, *PRODUCTION)


@pytest.mark.parametrize(("report", "kwargs", "passed", "reason"), [
    (_report(70.0, "shipped"), {"min_score": 60}, True, "score 70.0 meets the minimum 60"),
    (_report(60.0, "shipped"), {"min_score": 60}, True, "score 60.0 meets the minimum 60"),
    (_report(59.9, "shipped"), {"min_score": 60}, False, "score 59.9 is below the minimum 60"),
    (_report(None), {"min_score": 0}, False, "score — is below the minimum 0"),
    (_report(80.0, "shipped"), {"min_score": 50, "require": ["shipped", "monitoring"]}, False,
     "required signal missing: monitoring"),
    (_report(80.0, "shipped", "monitoring"), {"min_score": 50, "require": ["shipped", "monitoring"]}, True,
     "required signals found: shipped, monitoring"),
    (_report(80.0, flags=("architecture_padding",)), {"min_score": 50, "reject_flags": ["architecture_padding"]},
     False, "rejected flag raised: architecture_padding (because architecture_padding)"),
    # a flag that is raised but not rejected does not fail the resume
    (_report(80.0, flags=("architecture_padding",)), {"min_score": 50,
                                                     "reject_flags": ["competition_without_production"]},
     True, "no rejected flag raised (competition_without_production)"),
    # the screen is for production ML: evidence about other software meets --require only with --any-domain
    (_report(70.0, "deployed", ml=False), {"min_score": 60, "require": ["deployed"]}, False,
     "required signal missing: deployed (found only on other software than ML)"),
    (_report(70.0, "deployed", ml=False), {"min_score": 60, "require": ["deployed"], "any_domain": True}, True,
     "required signals found: deployed"),
    (_report(70.0, "deployed"), {"min_score": 60, "require": ["deployed"]}, True, "required signals found: deployed"),
    (_report(70.0, "monitoring", ml=False), {"min_score": 60, "require": ["deployed"]}, False,
     "required signal missing: deployed"),
])
def test_screen_decision_and_reason(report: Report, kwargs: dict, passed: bool, reason: str) -> None:
    result = screen(report, **kwargs)
    assert result.passed is passed
    assert result.status == ("pass" if passed else "fail")
    assert reason in result.reasons


def test_screen_every_failing_reason_is_listed() -> None:
    result = screen(_report(10.0, flags=("architecture_padding",)), min_score=50, require=["rollback"],
                    reject_flags=["architecture_padding"])
    assert len(result.reasons) == 3 and not result.passed


def test_screen_failed_document_is_an_error_with_its_code() -> None:
    failed = Report(source=Source(name="x.pdf", path=None, format=None, sha256="", bytes=0), status="failed",
                    errors=(ErrorInfo("encrypted", "The PDF is protected by a password.", "extract"),))
    result = screen(failed, min_score=0)
    assert (result.passed, result.status, result.score, result.file) == (False, "error", None, "x.pdf")
    assert result.reasons == ("document could not be read: encrypted: The PDF is protected by a password.",)
    assert result.questions == () and result.missing == ()
    assert result.error_code == "encrypted" and result.to_dict()["error_code"] == "encrypted"


def test_screen_missing_production_signals_come_with_questions() -> None:
    result = screen(_report(80.0, "shipped", "deployed", "production_stack"), min_score=50)
    assert result.passed
    assert result.missing == tuple(n for n in PRODUCTION if n not in {"shipped", "deployed", "production_stack"})
    assert [q.signal for q in result.questions] == list(result.missing)
    assert screen(ALL, min_score=50).questions == ()


def test_screen_questions_cover_every_production_signal() -> None:
    assert production_signals() == PRODUCTION
    for q in load_questions():
        assert "?" in q.question and len(q.question) > 40 and len(q.listen_for) > 40


@pytest.mark.parametrize(("signal", "words"), [
    ("versioning", ["data", "registry", "workflow"]),
    ("monitoring", ["drift", "business metrics", "threshold", "accuracy"]),
    ("rollback", ["trigger", "how quickly", "afterwards"]),
])
def test_screen_question_content_matches_the_brief(signal: str, words: list[str]) -> None:
    q = {q.signal: q for q in load_questions()}[signal]
    text = (q.question + " " + q.listen_for).lower()
    for word in words:
        assert word in text, (signal, word)


def test_screen_required_signal_outside_production_set_is_listed_missing() -> None:
    result = screen(_report(80.0, *PRODUCTION), min_score=50, require=["offline_metric"])
    assert result.missing == ("offline_metric",) and result.questions == () and not result.passed


@pytest.mark.parametrize(("require", "reject", "message"), [
    (["monitorng"], [], "unknown signal 'monitorng'"),
    ([], ["padding"], "unknown flag 'padding'"),
])
def test_screen_unknown_names_are_usage_errors(require: list[str], reject: list[str], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        screen(ALL, min_score=50, require=require, reject_flags=reject)


def test_screen_names_from_a_rule_pack_are_accepted() -> None:
    check_names(["on_call"], ["custom_flag"], extra_signals=["on_call"], extra_flags=["custom_flag"])
    custom = _report(80.0, "on_call")
    assert screen(custom, min_score=50, require=["on_call"]).passed
    for name in SIGNAL_NAMES:
        check_names([name])


@pytest.mark.parametrize("bad", [-1, 100.5])
def test_screen_min_score_outside_range_is_rejected(bad: float) -> None:
    with pytest.raises(ValueError, match="between 0 and 100"):
        screen(ALL, min_score=bad)


def test_screen_result_is_frozen_and_serialisable() -> None:
    result = screen(_report(40.0, "shipped"), min_score=50, require=["monitoring"])
    assert isinstance(result, ScreenResult)
    with pytest.raises(AttributeError):
        result.passed = True  # type: ignore[misc]
    d = json.loads(json.dumps(result.to_dict()))
    assert d["file"] == "/in/cv.pdf" and d["status"] == "fail" and d["score"] == 40.0 and d["error_code"] is None
    assert d["questions"][0].keys() == {"signal", "question", "listen_for"}
    assert "monitoring" in d["missing"]


def test_screen_format_text_shows_verdict_reasons_and_questions() -> None:
    text = screen(_report(40.0, "shipped"), min_score=50).format_text()
    lines = text.splitlines()
    assert lines[0].startswith("FAIL  /in/cv.pdf") and "score 40.0" in lines[0]
    assert "- score 40.0 is below the minimum 50" in text
    assert "ask (monitoring):" in text and "listen for:" in text
    assert "ask (shipped)" not in text


def test_screen_bad_questions_file_raises_rules_error(monkeypatch: pytest.MonkeyPatch) -> None:
    import resume_signals.outputs.screen as mod

    monkeypatch.setattr(mod, "data_toml", lambda _name: {"rollback": {"question": "What?"}})
    mod.load_questions.cache_clear()
    try:
        with pytest.raises(RulesError, match=r"\[rollback\] needs a non-empty 'listen_for'"):
            mod.load_questions()
    finally:
        mod.load_questions.cache_clear()


def test_screen_rejects_on_hidden_text() -> None:
    """`--reject-flag hidden_text` rejects a resume that stuffs invisible keywords, and only that one."""
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "extract"))
    from pdf_builders import stuffed_pdf

    from resume_signals import score
    from resume_signals.outputs.screen import screen

    stuffed = screen(score(stuffed_pdf("tiny_font"), as_of="2026-01-01"), min_score=0, reject_flags=["hidden_text"])
    clean = screen(score(stuffed_pdf(None), as_of="2026-01-01"), min_score=0, reject_flags=["hidden_text"])
    assert not stuffed.passed and any("hidden_text" in r for r in stuffed.reasons)
    assert clean.passed
