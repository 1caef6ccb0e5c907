"""score_many and the batch command: order, failed reports, killed workers, and resuming after SIGKILL."""

from __future__ import annotations

import io
import json
import multiprocessing
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import batch_hooks
import pytest

from resume_signals import Limits, score_many
from resume_signals.batch import BatchScorer, file_sha256
from resume_signals.errors import RulesError

ROOT = Path(__file__).resolve().parents[1]
Validate = Callable[[Any], dict[str, Any]]
WriteResumes = Callable[[Path, int], list[Path]]


def _codes(reports: list[Any]) -> list[str | None]:
    return [r.error_code for r in reports]


def test_batch_score_many_yields_in_input_order(tmp_path: Path, write_resumes: WriteResumes,
                                               validate_report: Validate) -> None:
    good = write_resumes(tmp_path, 6)
    sources: list[Any] = [good[3], str(good[0]), tmp_path / "missing.pdf", good[5], b"", good[1], tmp_path]
    reports = list(score_many(sources, workers=2, as_of="2026-01-01", progress=False))
    assert len(reports) == len(sources)
    assert [r.source.path for r in reports] == [str(s) if not isinstance(s, bytes) else None for s in sources]
    assert _codes(reports) == [None, None, "not_found", None, "empty", None, "not_a_file"]
    for report in reports:
        validate_report(report)


def test_batch_score_many_accepts_bytes_and_named_streams(write_resumes: WriteResumes, tmp_path: Path) -> None:
    path = write_resumes(tmp_path, 1)[0]
    stream = io.BytesIO(path.read_bytes())
    stream.name = "from_upload.txt"  # type: ignore[attr-defined]
    reports = list(score_many([path.read_bytes(), stream], workers=2, as_of="2026-01-01", progress=False))
    assert [(r.source.name, r.status) for r in reports] == [("<bytes>", "ok"), ("from_upload.txt", "ok")]
    assert reports[0].source.sha256 == reports[1].source.sha256 == file_sha256(path)


@pytest.mark.parametrize("workers", [0, 1, 2])
def test_batch_failed_reports_sit_beside_good_ones(tmp_path: Path, write_resumes: WriteResumes, workers: int) -> None:
    good = write_resumes(tmp_path / "good", 3)
    (tmp_path / "zero.pdf").write_bytes(b"")
    sources = [good[0], tmp_path / "zero.pdf", good[1], tmp_path / "nope.docx", good[2]]
    reports = list(score_many(sources, workers=workers, as_of="2026-01-01", progress=False))
    assert [r.status for r in reports] == ["ok", "failed", "ok", "failed", "ok"]
    assert _codes(reports) == [None, "empty", None, "not_found", None]


def test_batch_hanging_document_times_out_while_the_others_finish(tmp_path: Path, write_resumes: WriteResumes,
                                                                   test_hooks: None, validate_report: Validate) -> None:
    good = write_resumes(tmp_path, 4)
    hang = tmp_path / "hang.txt"
    hang.write_text("RESUME_SIGNALS_TEST_SLEEP\n" + good[0].read_text(encoding="utf-8"), encoding="utf-8")
    sources = [good[0], hang, good[1], good[2], good[3]]
    reports = list(score_many(sources, workers=2, timeout=1.5, as_of="2026-01-01", progress=False))
    assert _codes(reports) == [None, "timeout", None, None, None]
    timeout = validate_report(reports[1])
    assert timeout["source"]["sha256"] == file_sha256(hang)  # resumable by hash like any other line
    assert timeout["source"]["bytes"] == hang.stat().st_size
    assert "1.5 s" in timeout["errors"][0]["message"]


def test_batch_crashing_worker_is_replaced_and_the_pool_goes_on(tmp_path: Path, write_resumes: WriteResumes,
                                                                 test_hooks: None) -> None:
    good = write_resumes(tmp_path, 6)
    crash = [tmp_path / f"crash{i}.txt" for i in range(3)]
    for i, path in enumerate(crash):
        path.write_text(f"RESUME_SIGNALS_TEST_CRASH {i}\n", encoding="utf-8")
    # More crashes than workers: every crash must be replaced for the good ones after it to be scored.
    sources = [crash[0], good[0], crash[1], good[1], good[2], crash[2], good[3], good[4], good[5]]
    reports = list(score_many(sources, workers=2, timeout=20, as_of="2026-01-01", progress=False))
    expected = ["worker_crashed" if s in crash else None for s in sources]
    assert _codes(reports) == expected
    assert "exit status 70" in reports[0].errors[0].message


def test_batch_memory_hog_becomes_memory_limit(tmp_path: Path, write_resumes: WriteResumes, test_hooks: None) -> None:
    good = write_resumes(tmp_path, 2)
    hog = tmp_path / "hog.txt"
    hog.write_text("RESUME_SIGNALS_TEST_MEMORY\n", encoding="utf-8")
    limits = Limits(max_memory_mb=1024)
    reports = list(score_many([good[0], hog, good[1]], workers=1, limits=limits, as_of="2026-01-01",
                              progress=False))
    assert _codes(reports) == [None, "memory_limit", None]


def test_batch_in_process_mode_enforces_the_timeout(tmp_path: Path, write_resumes: WriteResumes,
                                                    test_hooks: None) -> None:
    good = write_resumes(tmp_path, 1)[0]
    hang = tmp_path / "hang.txt"
    hang.write_text("RESUME_SIGNALS_TEST_SLEEP\n", encoding="utf-8")
    reports = list(score_many([hang, good], workers=0, timeout=0.5, as_of="2026-01-01", progress=False))
    assert _codes(reports) == ["timeout", None]


def test_batch_hook_markers_are_plain_text_in_production(tmp_path: Path, write_resumes: WriteResumes) -> None:
    path = tmp_path / "crash.txt"
    path.write_text("RESUME_SIGNALS_TEST_CRASH\n" + write_resumes(tmp_path / "g", 1)[0].read_text(encoding="utf-8"),
                    encoding="utf-8")
    (report,) = score_many([path], workers=1, timeout=20, as_of="2026-01-01", progress=False)
    assert report.status == "ok"


def test_batch_too_large_report_carries_the_files_sha256(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    big.write_bytes(b"word " * 400)
    (report,) = score_many([big], workers=1, limits=Limits(max_bytes=1000), progress=False)
    assert report.error_code == "too_large"
    assert report.source.sha256 == file_sha256(big) != ""
    assert report.source.bytes == 2000


def test_batch_bad_rules_file_raises_at_the_call(tmp_path: Path) -> None:
    bad = tmp_path / "rules.toml"
    bad.write_text("[signals\nthis is not toml", encoding="utf-8")
    with pytest.raises(RulesError):
        score_many([b"x"], workers=2, rules=bad)  # before any iteration: nothing is scored


@pytest.mark.parametrize("kwargs", [{"workers": -1}, {"timeout": 0}, {"timeout": -3}, {"as_of": "2026-13-01"}])
def test_batch_bad_arguments_raise_value_error(kwargs: dict[str, Any]) -> None:
    with pytest.raises(ValueError):
        score_many([b"x"], **kwargs)


def test_batch_closing_early_stops_every_worker(tmp_path: Path, write_resumes: WriteResumes) -> None:
    paths = write_resumes(tmp_path, 8)
    reports = score_many(paths, workers=2, as_of="2026-01-01", progress=False)
    first = next(reports)
    reports.close()  # type: ignore[attr-defined]
    assert first.source.path == str(paths[0])
    assert multiprocessing.active_children() == []


def test_batch_scorer_yields_completion_order_with_indexes(tmp_path: Path, write_resumes: WriteResumes) -> None:
    paths = write_resumes(tmp_path, 5)
    with BatchScorer(workers=2, as_of="2026-01-01") as scorer:
        got = list(scorer.imap_unordered(paths))
    assert sorted(i for i, _ in got) == [0, 1, 2, 3, 4]
    assert all(r.source.path == str(paths[i]) for i, r in got)


# ---------------------------------------------------------------------------------------------------------------------
# The batch command, killed with SIGKILL and re-run


def _batch_cmd(inputs: list[str], out: Path, *extra: str) -> list[str]:
    return [sys.executable, "-m", "resume_signals", "batch", *inputs, "--out", str(out), "--workers", "2",
            "--as-of", "2026-01-01", "--quiet", *extra]


def _lines(out: Path) -> list[dict[str, Any]]:
    data = out.read_bytes()
    assert data == b"" or data.endswith(b"\n"), "a half-written line was left behind"
    return [json.loads(line) for line in data.decode("utf-8").splitlines()]


def test_batch_sigkill_then_rerun_loses_nothing_and_scores_nothing_twice(
        tmp_path: Path, write_resumes: WriteResumes, validate_report: Validate) -> None:
    paths = write_resumes(tmp_path / "in", 30)
    for path in paths:  # 0.1 s each (test hook), so that the kill lands part way through
        path.write_text("RESUME_SIGNALS_TEST_SLOW\n" + path.read_text(encoding="utf-8"), encoding="utf-8")
    out = tmp_path / "results.jsonl"
    cmd = _batch_cmd([str(tmp_path / "in")], out)
    cmd = batch_hooks.cli_command(*cmd[3:])  # the same command, with the test hooks installed first
    proc = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and proc.poll() is None:
            if out.exists() and out.read_bytes().count(b"\n") >= 3:
                break
            time.sleep(0.02)
        proc.send_signal(signal.SIGKILL)
    finally:
        proc.wait()
        assert proc.stderr is not None
        proc.stderr.close()
    first = _lines(out)
    assert 3 <= len(first) < 30, "the kill should land part way through"

    rerun = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert rerun.returncode == 0, rerun.stderr
    assert f"{len(first)} skipped" in rerun.stderr
    lines = _lines(out)
    got = [line["source"]["path"] for line in lines]
    assert sorted(got) == sorted(str(p) for p in paths)  # exactly one line per input: none lost, none twice
    assert len(set(line["source"]["sha256"] for line in lines)) == 30
    for line in lines:
        validate_report(line)
