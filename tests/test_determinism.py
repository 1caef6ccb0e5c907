"""Same input, same JSON, byte for byte: across runs, worker counts, and the CLI."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path

import pytest

from resume_signals import score_many
from resume_signals.cli import main

FIXTURES_BUILD = Path(__file__).resolve().parents[1] / "fixtures" / "build"
WriteResumes = Callable[[Path, int], list[Path]]


def _inputs(tmp_path: Path, write_resumes: WriteResumes) -> list[Path]:
    built = sorted(p for p in FIXTURES_BUILD.glob("*") if p.is_file()) if FIXTURES_BUILD.is_dir() else []
    (tmp_path / "empty.pdf").write_bytes(b"")
    return [*built, *write_resumes(tmp_path, 3), tmp_path / "empty.pdf", tmp_path / "missing.txt"]


def _digest(paths: list[Path], workers: int) -> list[str]:
    return [r.to_json() for r in score_many(paths, workers=workers, as_of="2026-01-01", progress=False)]


def test_determinism_same_bytes_across_runs_and_worker_counts(tmp_path: Path, write_resumes: WriteResumes) -> None:
    paths = _inputs(tmp_path, write_resumes)
    first = _digest(paths, workers=2)
    assert len(first) == len(paths)
    assert _digest(paths, workers=1) == first
    assert _digest(paths, workers=0) == first


@pytest.mark.parametrize("fmt", ["jsonl", "json", "table"])
def test_determinism_cli_output_is_stable(fmt: str, tmp_path: Path, write_resumes: WriteResumes,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    write_resumes(tmp_path, 4)
    outputs = []
    for workers in ("1", "2", "2"):
        main(["score", "--format", fmt, "--as-of", "2026-01-01", "--workers", workers, str(tmp_path)])
        outputs.append(hashlib.sha256(capsys.readouterr().out.encode()).hexdigest())
    assert len(set(outputs)) == 1
