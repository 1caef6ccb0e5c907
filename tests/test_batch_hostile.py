"""Issue 5 at batch level: good resumes and hostile inputs together end with exactly one result per input.

Tests run as root in CI, where file permissions are bypassed; an unreadable
file is made truly unreadable by running the batch subprocess without the
DAC-override capabilities (root keeps owning everything else), and the
in-process test patches ``open`` to raise EACCES instead.
"""

from __future__ import annotations

import ctypes
import json
import os
import pathlib
import random
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import batch_hooks
import pytest

from resume_signals import score_many

ROOT = Path(__file__).resolve().parents[1]
Validate = Callable[[Any], dict[str, Any]]
WriteResumes = Callable[[Path, int], list[Path]]

PR_CAPBSET_DROP, CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH = 24, 1, 2


def _drop_dac_capabilities() -> None:
    """preexec_fn: a root child without CAP_DAC_OVERRIDE / CAP_DAC_READ_SEARCH honours chmod 000 after exec."""
    libc = ctypes.CDLL(None, use_errno=True)
    for cap in (CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH):
        if libc.prctl(PR_CAPBSET_DROP, cap, 0, 0, 0) != 0:
            raise OSError(ctypes.get_errno(), "prctl(PR_CAPBSET_DROP)")


def _can_deny(path: Path) -> bool:
    """Whether a child process started like the batch below really gets EACCES on ``path``."""
    preexec = _drop_dac_capabilities if os.geteuid() == 0 else None
    try:
        done = subprocess.run([sys.executable, "-c", f"open({str(path)!r}, 'rb')"], preexec_fn=preexec,
                              capture_output=True, timeout=60)
    except OSError:
        return False
    return b"PermissionError" in done.stderr


def _hostile_dir(base: Path, write_resumes: WriteResumes) -> dict[str, set[str]]:
    """Good and hostile files in ``base``; name -> the error codes it may get (empty set: must be ok)."""
    rng = random.Random(5)
    expected: dict[str, set[str]] = {}
    for path in write_resumes(base, 4):
        expected[path.name] = set()
    (base / "zero.pdf").write_bytes(b"")
    expected["zero.pdf"] = {"empty"}
    (base / "random.pdf").write_bytes(rng.randbytes(4096))
    expected["random.pdf"] = {"unsupported_format", "corrupt"}
    (base / "random.docx").write_bytes(b"PK\x03\x04" + rng.randbytes(4096))
    expected["random.docx"] = {"unsupported_format", "corrupt"}
    (base / "hang.txt").write_text("RESUME_SIGNALS_TEST_SLEEP\nExperience\n", encoding="utf-8")
    expected["hang.txt"] = {"timeout"}
    (base / "crash.txt").write_text("RESUME_SIGNALS_TEST_CRASH\nExperience\n", encoding="utf-8")
    expected["crash.txt"] = {"worker_crashed"}
    os.mkfifo(base / "pipe.pdf")  # opening it would block forever: must be refused before reading
    expected["pipe.pdf"] = {"not_a_file"}
    (base / "dangling.docx").symlink_to(base / "nowhere.docx")
    expected["dangling.docx"] = {"not_found"}
    (base / "unreadable.txt").write_text("Experience\nML Engineer, Acme (2019 - 2021)\nShipped a model\n",
                                         encoding="utf-8")
    (base / "unreadable.txt").chmod(0)
    expected["unreadable.txt"] = {"permission_denied"}
    (base / "archive").mkdir()  # a subdirectory is not entered and is not an input
    (base / "archive" / "old.txt").write_text("old", encoding="utf-8")
    return expected


@pytest.fixture
def hostile_base(tmp_path: Path) -> Iterator[Path]:
    base = tmp_path / "hostile"
    base.mkdir()
    yield base
    (base / "unreadable.txt").chmod(0o644) if (base / "unreadable.txt").exists() else None


def test_batch_hostile_cli_batch_ends_with_one_line_per_input(hostile_base: Path, tmp_path: Path,
                                                              write_resumes: WriteResumes,
                                                              validate_report: Validate) -> None:
    expected = _hostile_dir(hostile_base, write_resumes)
    if not _can_deny(hostile_base / "unreadable.txt"):  # no way to take read permission away here
        expected["unreadable.txt"] = set()
    missing = tmp_path / "not_uploaded.pdf"
    expected[missing.name] = {"not_found"}
    out = tmp_path / "results.jsonl"
    cmd = batch_hooks.cli_command("batch", str(hostile_base), str(missing), "--out", str(out),
                                  "--workers", "2", "--timeout", "2", "--quiet", "--as-of", "2026-01-01")
    preexec = _drop_dac_capabilities if os.geteuid() == 0 else None
    done = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=180, preexec_fn=preexec)
    assert done.returncode == 1, done.stderr
    assert "Traceback" not in done.stderr
    raw = out.read_bytes()
    assert raw.endswith(b"\n")
    lines = [json.loads(line) for line in raw.decode("utf-8").splitlines()]
    names = [line["source"]["name"] for line in lines]
    assert sorted(names) == sorted(expected)  # exactly one line per input, nothing lost, nothing twice
    for line in lines:
        validate_report(line)
        code = line["errors"][0]["code"] if line["errors"] else None
        allowed = expected[line["source"]["name"]]
        assert (code in allowed) if allowed else line["status"] == "ok", (line["source"]["name"], code)

    rerun = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=180, preexec_fn=preexec)
    assert rerun.returncode == 1
    assert f"{len(expected)} skipped" in rerun.stderr
    assert out.read_bytes() == raw


def test_batch_hostile_score_many_keeps_order_and_codes(hostile_base: Path, write_resumes: WriteResumes,
                                                        test_hooks: None, monkeypatch: pytest.MonkeyPatch,
                                                        validate_report: Validate) -> None:
    expected = _hostile_dir(hostile_base, write_resumes)
    unreadable = hostile_base / "unreadable.txt"
    if os.geteuid() == 0:  # root reads anything: make opening this one path fail as EACCES would
        real_open = pathlib.Path.open

        def deny(self: pathlib.Path, *args: Any, **kwargs: Any) -> Any:
            if self == unreadable:
                raise PermissionError(13, "Permission denied", str(self))
            return real_open(self, *args, **kwargs)

        monkeypatch.setattr(pathlib.Path, "open", deny)  # inherited by the forked workers
    sources: list[Any] = sorted(hostile_base / name for name in expected)
    sources += [hostile_base / "archive", hostile_base / "missing.txt", b""]
    reports = list(score_many(sources, workers=2, timeout=2, as_of="2026-01-01", progress=False))
    assert [r.source.path for r in reports] == [str(s) if isinstance(s, Path) else None for s in sources]
    codes = [r.error_code for r in reports]
    n = len(expected)
    for name, code in zip(sorted(expected), codes[:n], strict=True):
        assert (code in expected[name]) if expected[name] else code is None, (name, code)
    assert codes[n:] == ["not_a_file", "not_found", "empty"]
    for report in reports:
        validate_report(report)
