"""Test-only misbehaviour for batch runs: documents that hang, crash their worker, or blow the memory cap.

`install` wraps ``resume_signals.batch._score_task`` (by monkeypatching, never
through a switch in production code): a document whose first 64 KiB contain
``RESUME_SIGNALS_TEST_SLEEP`` sleeps for an hour, ``RESUME_SIGNALS_TEST_CRASH``
kills its worker with ``os._exit(70)``, ``RESUME_SIGNALS_TEST_MEMORY``
allocates four times the memory cap (these two in worker processes only) and
``RESUME_SIGNALS_TEST_SLOW`` adds 0.1 s (so a test can kill a batch part way).
Workers are forked, so they inherit the wrapper. For a CLI run in a subprocess,
`cli_command` starts the CLI through `install`.
"""

from __future__ import annotations

import os
import stat
import sys
import time
from pathlib import Path
from typing import Any

from resume_signals import batch

SLEEP = b"RESUME_SIGNALS_TEST_SLEEP"
CRASH = b"RESUME_SIGNALS_TEST_CRASH"
MEMORY = b"RESUME_SIGNALS_TEST_MEMORY"
SLOW = b"RESUME_SIGNALS_TEST_SLOW"
WINDOW = 64 * 1024
HERE = Path(__file__).resolve().parent


def _head(task: Any) -> bytes:
    if task.data is not None:
        return bytes(task.data[:WINDOW])
    try:
        if not stat.S_ISREG(os.stat(task.path or "").st_mode):  # never open a FIFO: it would block
            return b""
        with open(task.path or "", "rb") as fh:
            return fh.read(WINDOW)
    except OSError:
        return b""


def misbehave(task: Any, limits: Any, *, in_worker: bool) -> None:
    head = _head(task)
    if CRASH in head and in_worker:
        os._exit(70)
    if MEMORY in head and in_worker:  # only under the worker's RLIMIT_AS cap, where it fails fast
        hog = bytearray(max(limits.max_memory_mb, 1) * 4 * 1024 * 1024)
        del hog
    if SLEEP in head:
        time.sleep(3600)
    if SLOW in head:
        time.sleep(0.1)


def hooked(score_task: Any) -> Any:
    def score(pipe: Any, task: Any, as_of: Any, *, in_worker: bool) -> Any:
        misbehave(task, pipe.limits, in_worker=in_worker)
        return score_task(pipe, task, as_of, in_worker=in_worker)

    return score


def install() -> None:
    """Wrap the batch's per-document scorer for the rest of this process (and the workers it forks)."""
    batch._score_task = hooked(batch._score_task)  # type: ignore[attr-defined]


def cli_command(*args: str) -> list[str]:
    """``python -m resume_signals ARGS`` with the hooks installed first."""
    code = (f"import sys; sys.path.insert(0, {str(HERE)!r}); import batch_hooks; batch_hooks.install(); "
            "from resume_signals.cli import main; sys.exit(main(sys.argv[1:]))")
    return [sys.executable, "-c", code, *args]
