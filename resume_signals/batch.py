"""Batch scoring: many resumes through a pool of worker processes, each in bounded time and memory.

Why a pool of our own instead of `concurrent.futures`: a document that hangs must
be stopped, and the only reliable way to stop a hung parser (a pathological PDF
in C-accelerated code, a regex gone quadratic) is to kill the process running
it. `ProcessPoolExecutor` cannot kill one worker, and a worker that dies breaks
the whole executor. Here every worker is a `multiprocessing.Process` with its
own pipe; the parent waits on all pipes and process sentinels at once, kills a
worker whose document is past its deadline, and starts a replacement. So a
document that raises, hangs or kills its worker becomes a failed report
(``timeout``, ``worker_crashed``, ``memory_limit``) and the batch goes on.

How the pipeline is built once: the parent builds the `Pipeline` before any
worker starts (a bad rule pack or weights file raises right there, before any
work). With the ``fork`` start method (the default on Linux) every worker
inherits that pipeline, so it is built once for the whole batch and a
replacement worker is ready at once; with ``spawn``/``forkserver`` each worker
builds its own once, at start-up, from the same arguments.

Limits per worker: the wall time (``timeout``, default ``limits.timeout``, 30 s)
is enforced by killing the worker; its address space is capped with
``RLIMIT_AS`` at ``limits.max_memory_mb`` so one document cannot take the
machine (a `MemoryError` under the cap becomes a ``memory_limit`` report).
Workers die with their parent (Linux ``PR_SET_PDEATHSIG``), so a batch killed
with SIGKILL leaves no orphan still chewing on a document.

``workers=0`` runs in the calling process, for debugging (pdb, profilers,
stack traces): no memory cap, the timeout is enforced with ``SIGALRM`` when
called from the main thread (a hung C call is only interrupted when it returns
to Python), and a crash takes the caller down. ``workers=1`` is one worker
process with every guarantee.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import logging
import math
import multiprocessing
import multiprocessing.connection
import os
import signal
import stat
import sys
import threading
import time
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from types import FrameType
from typing import TYPE_CHECKING, Any, TextIO

from .errors import DocumentError, ErrorCode
from .limits import DEFAULT_LIMITS, Limits
from .pipeline import AsOf, Pipeline, default_pipeline, failed_report, parse_as_of
from .report import Report, Source
from .sources import SourceLike, describe

if TYPE_CHECKING:
    import datetime as dt

    from .spec.rules import RuleSet
    from .spec.weights import Weights

log = logging.getLogger(__name__)

__all__ = ["BatchScorer", "file_sha256", "score_many"]

SHA256_CAP = 1 << 30
"""Largest file whose sha256 is computed for a failed report (1 GiB); beyond it the hash stays ""."""

_KILL_GRACE = 5.0


# ---------------------------------------------------------------------------------------------------------------------
# Tasks and the failed reports the batch itself produces


@dataclass(frozen=True)
class _Task:
    """One document on its way to a worker: a path, or bytes (with the file object's name, if any)."""

    index: int
    path: str | None = None
    data: bytes | None = None
    name: str | None = None


def _make_task(index: int, source: SourceLike, limits: Limits) -> _Task:
    if isinstance(source, (str, os.PathLike)):
        return _Task(index, path=os.fspath(source))
    if isinstance(source, (bytes, bytearray, memoryview)):
        return _Task(index, data=bytes(source))
    # A file object cannot cross a process boundary: read it here, as `sources.load` would.
    data = source.read(limits.max_bytes + 1)
    if not isinstance(data, (bytes, bytearray)):
        raise TypeError("file objects must be opened in binary mode")
    name = getattr(source, "name", None)
    return _Task(index, data=bytes(data), name=name if isinstance(name, str) else None)


def _task_source(task: _Task) -> SourceLike:
    if task.path is not None:
        return task.path
    assert task.data is not None
    if task.name is not None:
        stream = io.BytesIO(task.data)
        stream.name = task.name
        return stream
    return task.data


def file_sha256(path: str | os.PathLike[str], cap: int = SHA256_CAP) -> str:
    """sha256 of a regular file, streamed; "" when it is not a readable regular file or is over ``cap`` bytes.

    Batch resume keys on (path, sha256): a file that is too large to score still
    gets its hash (so a re-run recognises it), a directory or unreadable path does not.
    """
    try:
        st = os.stat(path)
        if not stat.S_ISREG(st.st_mode) or st.st_size > cap:
            return ""
        digest = hashlib.sha256()
        with open(path, "rb") as fh:
            for chunk in iter(lambda: fh.read(1 << 20), b""):
                digest.update(chunk)
        return digest.hexdigest()
    except OSError:
        return ""


def _source_of(task: _Task) -> Source:
    """What is known of a task's document without the pipeline, for the batch's own failed reports."""
    name, path = describe(_task_source(task))
    if task.data is not None:
        return Source(name=name, path=path, format=None, sha256=hashlib.sha256(task.data).hexdigest(),
                      bytes=len(task.data))
    assert task.path is not None
    try:
        st = os.stat(task.path)
        size = st.st_size if stat.S_ISREG(st.st_mode) else 0
    except OSError:
        size = 0
    return Source(name=name, path=path, format=None, sha256=file_sha256(task.path), bytes=size)


def _batch_failure(task: _Task, code: ErrorCode, message: str | None = None) -> Report:
    return failed_report(_source_of(task), DocumentError(code, message))


def _complete_source(report: Report, task: _Task) -> Report:
    """Give a failed path report the file's sha256 and size when the pipeline stopped before reading it.

    `sources.load` refuses a too-large file before reading it, so its report has
    no hash; batch resume and ATS integrations need one to recognise the file.
    """
    if report.status != "failed" or report.source.sha256 or task.path is None:
        return report
    digest = file_sha256(task.path)
    if not digest:
        return report
    size = os.stat(task.path).st_size
    src = report.source
    return report.replace(source=Source(name=src.name, path=src.path, format=src.format, sha256=digest,
                                        bytes=size, pages=src.pages))


# ---------------------------------------------------------------------------------------------------------------------
# Scoring one task (shared by workers and the in-process mode)


def _score_task(pipe: Pipeline, task: _Task, as_of: dt.date, *, in_worker: bool) -> Report:
    report = pipe.score(_task_source(task), as_of=as_of)
    return _complete_source(report, task)


# ---------------------------------------------------------------------------------------------------------------------
# Worker process


def _die_with_parent(parent_pid: int) -> None:
    """Ask Linux to SIGKILL this worker when the parent dies (no orphan keeps scoring after a SIGKILLed batch)."""
    if sys.platform.startswith("linux"):
        try:
            import ctypes

            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(1, int(signal.SIGKILL))  # PR_SET_PDEATHSIG
        except (OSError, AttributeError):  # pragma: no cover - exotic libc
            pass
    if os.getppid() != parent_pid:  # the parent died before prctl took effect
        os._exit(0)


def _address_space() -> int:
    """This process's virtual size in bytes (Linux /proc), or 0 when unknown."""
    try:
        with open("/proc/self/statm", "rb") as fh:
            return int(fh.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        return 0


def _cap_memory(max_memory_mb: int) -> None:
    """Lower this process's RLIMIT_AS soft limit to the cap (never raise it)."""
    if max_memory_mb <= 0:
        return
    try:
        import resource
    except ImportError:  # pragma: no cover - not POSIX
        return
    soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    want = max_memory_mb * 1024 * 1024
    # A forked worker starts with its parent's address space (a notebook may already hold gigabytes): the cap is
    # about what one document may add, so never set it below what the worker already has plus some headroom.
    floor = _address_space() + 256 * 1024 * 1024
    if want < floor:
        log.warning("worker address space is already %d MB; memory cap raised from %d MB to %d MB",
                    _address_space() >> 20, max_memory_mb, floor >> 20)
        want = floor
    if hard != resource.RLIM_INFINITY:
        want = min(want, hard)
    if soft == resource.RLIM_INFINITY or soft > want:
        resource.setrlimit(resource.RLIMIT_AS, (want, hard))


def _worker_main(conn: multiprocessing.connection.Connection, pipe_or_config: Pipeline | dict[str, Any],
                 as_of: dt.date, parent_pid: int) -> None:
    """Loop: receive a task, score it, send ("result", index, report). ``None`` means stop."""
    _die_with_parent(parent_pid)
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle: it kills the workers
    try:
        pipe = pipe_or_config if isinstance(pipe_or_config, Pipeline) else Pipeline(**pipe_or_config)
    except BaseException as exc:  # noqa: BLE001 - reported to the parent, which raises it
        with contextlib.suppress(OSError):
            conn.send(("init_error", -1, f"{type(exc).__name__}: {exc}"))
        return
    _cap_memory(pipe.limits.max_memory_mb)
    while True:
        try:
            task = conn.recv()
        except (EOFError, OSError):
            return
        if task is None:
            return
        try:
            report = _score_task(pipe, task, as_of, in_worker=True)
        except MemoryError:
            report = _batch_failure(task, ErrorCode.MEMORY_LIMIT,
                                    f"Scoring needed more than the {pipe.limits.max_memory_mb} MB per-worker "
                                    "memory limit.")
        except Exception as exc:  # Pipeline.score never raises by contract; this is the last line of defence
            log.exception("unexpected error in batch worker")
            report = _batch_failure(task, ErrorCode.INTERNAL_ERROR,
                                    f"Internal error while scoring ({type(exc).__name__}: {exc}).")
        try:
            conn.send(("result", task.index, report))
        except MemoryError:
            conn.send(("result", task.index, _batch_failure(task, ErrorCode.MEMORY_LIMIT)))
        except (OSError, EOFError):
            return


# ---------------------------------------------------------------------------------------------------------------------
# The pool


class _Worker:
    def __init__(self, proc: multiprocessing.process.BaseProcess, conn: multiprocessing.connection.Connection) -> None:
        self.proc = proc
        self.conn = conn
        self.task: _Task | None = None
        self.deadline = math.inf

    def stop(self, *, kill: bool) -> None:
        if kill:
            with contextlib.suppress(OSError, ValueError):
                self.proc.kill()
        self.proc.join(_KILL_GRACE)
        if self.proc.is_alive():  # pragma: no cover - a worker that ignores SIGKILL does not exist
            log.warning("worker %s did not stop", self.proc.pid)
        self.conn.close()


class _Pool:
    """Worker processes with one pipe each; kills and replaces a worker past its deadline or dead."""

    def __init__(self, size: int, pipe: Pipeline, config: dict[str, Any], as_of: dt.date, timeout: float,
                 ctx: multiprocessing.context.BaseContext) -> None:
        self.size = size
        self.pipe = pipe
        self.config = config
        self.as_of = as_of
        self.timeout = timeout
        self.ctx: Any = ctx  # typeshed's BaseContext lacks Process/Pipe
        self.workers: list[_Worker] = []
        self._idle_deaths = 0

    def _spawn(self) -> _Worker:
        parent_conn, child_conn = self.ctx.Pipe(duplex=True)
        # With fork the child inherits the parent's pipeline (nothing is pickled); otherwise it builds its own.
        payload: Pipeline | dict[str, Any] = self.pipe if self.ctx.get_start_method() == "fork" else self.config
        proc = self.ctx.Process(target=_worker_main, args=(child_conn, payload, self.as_of, os.getpid()),
                                name="resume-signals-worker", daemon=True)
        proc.start()
        child_conn.close()
        return _Worker(proc, parent_conn)

    def _assign(self, slot: int, task: _Task) -> bool:
        """Send ``task`` to the idle worker in ``slot``; False (and a fresh worker there) if it had died."""
        worker = self.workers[slot]
        try:
            worker.conn.send(task)
        except (OSError, ValueError):  # the idle worker died (or its pipe broke): replace it, keep the task
            self._idle_deaths += 1
            if self._idle_deaths > 3 * self.size + 3:
                raise RuntimeError("resume_signals batch workers keep dying before they take any work") from None
            worker.stop(kill=True)
            self.workers[slot] = self._spawn()
            return False
        worker.task = task
        worker.deadline = time.monotonic() + self.timeout
        return True

    def run(self, tasks: Iterator[_Task]) -> Iterator[tuple[int, Report]]:
        """Yield (index, report) in completion order until ``tasks`` is exhausted."""
        self.workers = [self._spawn() for _ in range(self.size)]
        queue: deque[_Task] = deque()
        exhausted = False
        try:
            while True:
                for slot in range(len(self.workers)):
                    while self.workers[slot].task is None:
                        task = queue.popleft() if queue else None if exhausted else next(tasks, None)
                        if task is None:
                            exhausted = True
                            break
                        if not self._assign(slot, task):
                            queue.appendleft(task)
                busy = [slot for slot, w in enumerate(self.workers) if w.task is not None]
                if not busy:
                    return  # every worker idle means no task is left: the loop above would have assigned it
                wait_for = min(self.workers[slot].deadline for slot in busy) - time.monotonic()
                handles: list[Any] = [self.workers[slot].conn for slot in busy]
                handles += [self.workers[slot].proc.sentinel for slot in busy]
                multiprocessing.connection.wait(handles, timeout=max(wait_for, 0.0))
                now = time.monotonic()
                for slot in busy:
                    done = self._collect(slot, now)
                    if done is not None:
                        yield done
        finally:
            self._shutdown()

    def _collect(self, slot: int, now: float) -> tuple[int, Report] | None:
        """The busy worker's result if it has one, a failed report if it died or is past its deadline, else None."""
        worker = self.workers[slot]
        task = worker.task
        assert task is not None
        if worker.conn.poll():
            try:
                kind, index, payload = worker.conn.recv()
            except (EOFError, OSError):
                worker.proc.join(_KILL_GRACE)  # the pipe closed: the worker is exiting; fall through to "died"
            else:
                if kind == "init_error":
                    raise RuntimeError(f"resume_signals batch worker could not start: {payload}")
                worker.task, worker.deadline = None, math.inf
                self._idle_deaths = 0
                return index, payload
        if not worker.proc.is_alive():
            worker.stop(kill=False)
            self.workers[slot] = self._spawn()
            code = worker.proc.exitcode
            why = f"signal {signal.Signals(-code).name}" if code is not None and code < 0 else f"exit status {code}"
            return task.index, _batch_failure(task, ErrorCode.WORKER_CRASHED,
                                              f"The worker process scoring this file died unexpectedly ({why}).")
        if now >= worker.deadline:
            worker.stop(kill=True)
            self.workers[slot] = self._spawn()
            return task.index, _batch_failure(task, ErrorCode.TIMEOUT,
                                              f"Scoring took longer than the {self.timeout:g} s limit and was "
                                              "stopped.")
        return None

    def _shutdown(self) -> None:
        for worker in self.workers:
            if worker.task is None:
                with contextlib.suppress(OSError, ValueError):
                    worker.conn.send(None)
        for worker in self.workers:
            worker.stop(kill=worker.task is not None)
        self.workers = []


# ---------------------------------------------------------------------------------------------------------------------
# In-process mode (workers=0)


class _InlineTimeout(BaseException):
    """Raised by SIGALRM in in-process mode; a BaseException so that `except Exception` in parsers cannot eat it."""


def _run_inline(pipe: Pipeline, tasks: Iterator[_Task], as_of: dt.date,
                timeout: float) -> Iterator[tuple[int, Report]]:
    can_alarm = (hasattr(signal, "setitimer") and math.isfinite(timeout)
                 and threading.current_thread() is threading.main_thread())
    if math.isfinite(timeout) and not can_alarm:
        log.warning("workers=0 outside the main thread: the %g s timeout cannot be enforced", timeout)
    for task in tasks:
        previous: Any = None
        if can_alarm:
            def _alarm(signum: int, frame: FrameType | None) -> None:
                raise _InlineTimeout

            previous = signal.signal(signal.SIGALRM, _alarm)
            signal.setitimer(signal.ITIMER_REAL, timeout)
        try:
            report = _score_task(pipe, task, as_of, in_worker=False)
        except _InlineTimeout:
            report = _batch_failure(task, ErrorCode.TIMEOUT,
                                    f"Scoring took longer than the {timeout:g} s limit and was stopped.")
        except MemoryError:
            report = _batch_failure(task, ErrorCode.MEMORY_LIMIT, "Scoring ran out of memory.")
        except Exception as exc:
            log.exception("unexpected error while scoring in-process")
            report = _batch_failure(task, ErrorCode.INTERNAL_ERROR,
                                    f"Internal error while scoring ({type(exc).__name__}: {exc}).")
        finally:
            if can_alarm:
                signal.setitimer(signal.ITIMER_REAL, 0)
                signal.signal(signal.SIGALRM, previous)
        yield task.index, report


# ---------------------------------------------------------------------------------------------------------------------
# Progress


def _in_notebook() -> bool:
    if "ipykernel" not in sys.modules:
        return False
    try:
        from IPython import get_ipython
    except ImportError:
        return False
    shell = get_ipython()
    return shell is not None and type(shell).__name__ == "ZMQInteractiveShell"


class TextBar:
    """A one-line progress bar on stderr, used when tqdm is not installed (it is an extra: the runtime install
    stays small). Same three calls as tqdm: ``update``, ``close`` and the constructor's ``total``/``desc``."""

    def __init__(self, total: int | None, desc: str = "scoring", file: TextIO | None = None) -> None:
        self.total, self.desc, self.n = total, desc, 0
        self.file = file or sys.stderr
        self.started = time.monotonic()
        self._draw()

    def _draw(self) -> None:
        elapsed = time.monotonic() - self.started
        if self.total:
            width = 30
            done = int(width * self.n / self.total)
            bar = "#" * done + "." * (width - done)
            line = f"{self.desc} [{bar}] {self.n}/{self.total} docs, {elapsed:.0f}s"
        else:
            line = f"{self.desc} {self.n} docs, {elapsed:.0f}s"
        self.file.write("\r" + line)
        self.file.flush()

    def update(self, n: int = 1) -> None:
        self.n += n
        self._draw()

    def close(self) -> None:
        self.file.write("\n")
        self.file.flush()


def progress_bar(enabled: bool | None, total: int | None, desc: str = "scoring") -> Any:
    """A progress bar on stderr (tqdm when installed, a notebook widget in Jupyter; else `TextBar`), or None.

    ``enabled=None`` means: on in a notebook or when stderr is a terminal. The
    tqdm monitor thread is disabled: workers are forked while it runs, and
    forking a process with extra threads is unsafe.
    """
    notebook = _in_notebook()
    if enabled is False or (enabled is None and not (notebook or sys.stderr.isatty())):
        return None
    try:
        from tqdm import tqdm as std_tqdm
    except ImportError:
        return TextBar(total, desc)

    base: Any = std_tqdm
    if notebook:
        try:
            from tqdm.notebook import tqdm as nb_tqdm

            class _NbBar(nb_tqdm):
                monitor_interval = 0

            return _NbBar(total=total, desc=desc, unit="doc")
        except ImportError:  # ipywidgets missing: fall back to the text bar
            base = std_tqdm

    class _Bar(base):
        monitor_interval = 0

    return _Bar(total=total, desc=desc, unit="doc", file=sys.stderr, dynamic_ncols=True)


# ---------------------------------------------------------------------------------------------------------------------
# Public API


def _pipeline_for(config: dict[str, Any]) -> Pipeline:
    """The pipeline for a batch. With the bundled rules and weights, the default pipeline's compiled parts are
    reused (building the detector costs seconds; a notebook calls score_many many times) in a new pipeline with
    this batch's limits and redaction; the default pipeline itself is never changed."""
    if config["rules"] is None and config["weights"] is None:
        return default_pipeline().with_settings(limits=config["limits"], redact=config["redact"],
                                                 backend=config["backend"])
    return Pipeline(**config)


def _default_context() -> multiprocessing.context.BaseContext:
    if "fork" in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context()


class BatchScorer:
    """A configured batch: the pipeline built once, then any number of runs over sources.

    `score_many` is the ordered convenience on top; `imap_unordered` yields
    ``(index, report)`` as each document finishes, which is what a writer that
    must flush each result at once (the ``batch`` command) wants.

    >>> with BatchScorer(workers=0, as_of="2026-01-01") as batch:
    ...     [r.status for _, r in batch.imap_unordered([b"", "/no/such/file.pdf"])]
    ['failed', 'failed']
    """

    def __init__(self, *, workers: int | None = None, as_of: AsOf = None, timeout: float | None = None,
                 rules: RuleSet | str | Path | None = None, weights: Weights | str | Path | None = None,
                 limits: Limits | None = None, redact: bool = False, backend: str = "pdfminer",
                 mp_context: multiprocessing.context.BaseContext | None = None) -> None:
        if workers is not None and workers < 0:
            raise ValueError(f"workers must be >= 0, not {workers}")
        self.limits = limits or DEFAULT_LIMITS
        self.timeout = float(self.limits.timeout if timeout is None else timeout)
        if not self.timeout > 0:
            raise ValueError(f"timeout must be > 0 seconds (math.inf for none), not {timeout}")
        self.workers = (os.cpu_count() or 1) if workers is None else workers
        self.as_of = parse_as_of(as_of)
        self.config: dict[str, Any] = {"rules": rules, "weights": weights, "limits": self.limits, "redact": redact,
                                     "backend": backend}
        self.pipeline = _pipeline_for(self.config)  # raises RulesError / OSError now, before any work
        self.ctx = mp_context or _default_context()

    def __enter__(self) -> BatchScorer:
        return self

    def __exit__(self, *exc: object) -> None:
        return None

    def imap_unordered(self, sources: Iterable[SourceLike], *, progress: bool | None = False,
                       total: int | None = None) -> Iterator[tuple[int, Report]]:
        """Score ``sources``; yield ``(input index, report)`` in completion order.

        Sources are read lazily, so a generator of a million paths is fine. The
        workers stop when the iterator is exhausted or closed.
        """
        if total is None and hasattr(sources, "__len__"):
            total = len(sources)  # type: ignore[arg-type]
        tasks = (_make_task(i, s, self.limits) for i, s in enumerate(sources))
        if self.workers == 0:
            results = _run_inline(self.pipeline, tasks, self.as_of, self.timeout)
        else:
            size = self.workers if total is None else max(1, min(self.workers, total))
            results = _Pool(size, self.pipeline, self.config, self.as_of, self.timeout, self.ctx).run(tasks)
        bar = progress_bar(progress, total)
        try:
            for item in results:
                if bar is not None:
                    bar.update(1)
                yield item
        finally:
            if bar is not None:
                bar.close()
            close = getattr(results, "close", None)
            if close is not None:
                close()


RESUME_SUFFIXES = (".pdf", ".docx", ".txt")


def resume_files(folder: str | os.PathLike[str], *, recursive: bool = False) -> list[str]:
    """The resumes in ``folder``: its non-hidden ``.pdf``, ``.docx`` and ``.txt`` files, sorted by path
    (every level below it with ``recursive``). A folder also holds notes, images and exports that are not
    resumes; a file named explicitly is always read, whatever its suffix. A broken link or a FIFO with a resume
    suffix is listed, so that it gets its own failed report rather than vanishing."""
    root = Path(folder)
    found = root.rglob("*") if recursive else root.iterdir()
    return sorted(str(p) for p in found
                  if p.suffix.lower() in RESUME_SUFFIXES and not p.is_dir()
                  and not any(part.startswith(".") for part in p.relative_to(root).parts))


def _as_sources(sources: Any) -> Iterable[SourceLike]:
    """``score_many``'s argument as sources: a folder path means the resumes in it, any other path or bytes
    one document, an iterable its items; anything else is a TypeError (a str is not iterated by character)."""
    if isinstance(sources, (str, os.PathLike)):
        return resume_files(sources) if os.path.isdir(sources) else [sources]
    if isinstance(sources, (bytes, bytearray, memoryview)):
        return [bytes(sources)]
    if not isinstance(sources, Iterable):
        raise TypeError("score_many() takes a folder, a path or an iterable of sources, "
                        f"not {type(sources).__name__}")
    return sources


def score_many(sources: Iterable[SourceLike] | str | os.PathLike[str], *, workers: int | None = None,
               as_of: AsOf = None,
               timeout: float | None = None, progress: bool | None = None,
               rules: RuleSet | str | Path | None = None, weights: Weights | str | Path | None = None,
               limits: Limits | None = None, redact: bool = False, backend: str = "pdfminer") -> Iterator[Report]:
    """Score many resumes in worker processes; yield one report per source, in input order.

    ``sources``: paths, bytes or binary file objects (any iterable, read lazily);
    a folder path (str or Path) means the resumes in it (`resume_files`), a
    single file path that file.
    ``workers``: processes (default ``os.cpu_count()``; 0 = in this process, for
    debugging). ``timeout``: seconds per document (default ``limits.timeout``,
    30 s; ``math.inf`` for none); a document past it has its worker killed and
    becomes a ``timeout`` report. ``progress``: a tqdm bar; None = on in
    notebooks and when stderr is a terminal. ``rules``, ``weights``,
    ``limits``, ``redact``, ``backend`` as for `resume_signals.score`.

    A bad rule pack or weights file raises here, at the call, before any work;
    a bad document never raises: it is a failed report in its place.

    >>> reports = list(score_many([b"", "/no/such/resume.pdf"], workers=0))
    >>> [(r.status, r.error_code) for r in reports]
    [('failed', 'empty'), ('failed', 'not_found')]
    """
    items = _as_sources(sources)
    scorer = BatchScorer(workers=workers, as_of=as_of, timeout=timeout, rules=rules, weights=weights,
                         limits=limits, redact=redact, backend=backend)
    return _in_order(scorer.imap_unordered(items, progress=progress))


def _in_order(results: Iterator[tuple[int, Report]]) -> Iterator[Report]:
    pending: dict[int, Report] = {}
    expected = 0
    try:
        for index, report in results:
            pending[index] = report
            while expected in pending:
                yield pending.pop(expected)
                expected += 1
    finally:
        close = getattr(results, "close", None)
        if close is not None:
            close()
