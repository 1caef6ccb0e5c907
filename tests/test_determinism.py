"""Same input, same JSON, byte for byte: across worker counts and across interpreter runs."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

from resume_signals import score_many

ROOT = Path(__file__).resolve().parents[1]
FIXTURES_BUILD = ROOT / "fixtures" / "build"
WriteResumes = Callable[[Path, int], list[Path]]


def _inputs(tmp_path: Path, write_resumes: WriteResumes) -> list[Path]:
    built = sorted(p for p in FIXTURES_BUILD.glob("*") if p.is_file()) if FIXTURES_BUILD.is_dir() else []
    (tmp_path / "empty.pdf").write_bytes(b"")
    return [*built, *write_resumes(tmp_path, 3), tmp_path / "empty.pdf", tmp_path / "missing.txt"]


def _jsons(paths: list[Path], workers: int) -> list[str]:
    return [r.to_json() for r in score_many(paths, workers=workers, as_of="2026-01-01", progress=False)]


def test_determinism_same_bytes_in_process_and_across_workers(tmp_path: Path, write_resumes: WriteResumes) -> None:
    paths = _inputs(tmp_path, write_resumes)
    pooled = _jsons(paths, workers=2)
    assert len(pooled) == len(paths)
    assert _jsons(paths, workers=0) == pooled


def test_determinism_same_bytes_across_interpreter_runs(tmp_path: Path, write_resumes: WriteResumes) -> None:
    # Separate interpreters with different hash seeds: set and dict iteration order must never leak into output.
    every = _inputs(tmp_path, write_resumes)
    first_of_format = {p.suffix: p for p in reversed(every[:-2])}  # one file per extension keeps this quick
    paths = [str(p) for p in every if p in first_of_format.values() or p in every[-2:]]
    assert len(paths) >= 3
    outputs = []
    for seed in ("0", "4242"):
        done = subprocess.run([sys.executable, "-m", "resume_signals", "score", "--as-of", "2026-01-01", *paths],
                              cwd=ROOT, env={**os.environ, "PYTHONHASHSEED": seed}, capture_output=True, timeout=300)
        assert done.returncode == 1, done.stderr  # the empty and the missing file fail
        outputs.append(done.stdout)
    assert outputs[0].count(b"\n") == len(paths)
    assert outputs[0] == outputs[1]
