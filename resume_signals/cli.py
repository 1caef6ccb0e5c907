"""The ``resume-signals`` command: score, batch, schema, html, screen.

The only module that prints. Exit status: 0 when every document was read, 1
when any document failed (a failed report is still written for it), 2 on a
usage error (bad option, bad ``--as-of``, a rule pack or weights file that does
not load), 3 when ``screen`` rejects a resume, 4 when results could not be
written (a full disk: nothing half-written is left); 130 on Ctrl-C.

Inputs: a directory argument means the resumes directly inside it (every
level below it with ``-r``): its non-hidden ``.pdf``, ``.docx`` and ``.txt``
files, sorted by path. A file named explicitly is always read, whatever its
suffix. An argument with glob characters that names no
existing file is expanded (``**`` recurses), directories among the matches
skipped. Any other argument is scored as given, so a missing path gets a
``not_found`` report and a link loop a ``symlink_loop`` one; ``-`` is one
document read from stdin (``score``).

``batch`` writes one JSON line per resume to ``--out`` as each finishes, in
completion order (not input order: use ``source.path`` to join). Each line is
written with a single ``write`` on an ``O_APPEND`` descriptor, and on start a
trailing incomplete line (left by a kill during a write) is cut away. A re-run
of the same command skips every input already in the file, keyed by
(absolute path, sha256 of the file's bytes): a run killed at any moment, even
with SIGKILL, is finished by running it again, with no resume lost and none
scored twice. A file whose content changed since is scored again; a path that
cannot be hashed (missing, a directory, unreadable) is keyed by path alone.
At the end of a run the file keeps one line per path, the newest (a rescored
file, a ``--retry-failed`` transient failure), and lines that are not reports
go to ``RESULTS.rejected.jsonl``; that rewrite is a temporary file renamed
over the results, never an edit in place.
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import datetime as dt
import glob
import json
import logging
import os
import shutil
import stat
import sys
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any, TextIO

from . import __version__
from .errors import BackendError, RulesError
from .report import Report

log = logging.getLogger("resume_signals.cli")

SIGNALS_DOC = "docs/signals.md"
"""Where every signal, flag, section kind, seniority and score rule is defined (in the repository)."""
PROGRESS_ABOVE = 20
"""score and screen show a progress bar on a terminal for more inputs than this, as batch does."""
EXIT_OK, EXIT_FAILED_DOC, EXIT_USAGE, EXIT_SCREEN_FAIL, EXIT_INTERRUPTED = 0, 1, 2, 3, 130
EXIT_WRITE = 4
"""Results could not be written (a full disk, a quota): nothing half-written is left; run again to finish."""


class UsageError(Exception):
    """A problem with the command line or its files: message on stderr, exit 2."""


class WriteError(Exception):
    """Results could not be written: one message on stderr, exit 4."""


# ---------------------------------------------------------------------------------------------------------------------
# Inputs


def expand_inputs(args: Iterable[str], *, recursive: bool = False) -> list[str]:
    """Turn PATH/DIR/GLOB arguments into the list of documents to score, in argument order."""
    from .batch import resume_files

    out: list[str] = []
    for arg in args:
        if os.path.isdir(arg):
            out += resume_files(arg, recursive=recursive)
        elif glob.has_magic(arg) and not os.path.lexists(arg):
            matches = sorted(glob.glob(arg, recursive=True))
            files = [m for m in matches if not os.path.isdir(m)]
            out += files if files else [arg] if not matches else []
        else:
            out.append(arg)
    return out


def _as_of(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"invalid date {value!r}: use YYYY-MM-DD") from None


def _positive_float(value: str) -> float:
    try:
        number = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {value!r}") from None
    if not number > 0:
        raise argparse.ArgumentTypeError(f"must be > 0, not {value}")
    return number


def _non_negative_int(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not an integer: {value!r}") from None
    if number < 0:
        raise argparse.ArgumentTypeError(f"must be >= 0, not {value}")
    return number


def _names(values: list[str] | None) -> tuple[str, ...]:
    """``--require a,b --require c`` -> ("a", "b", "c")."""
    return tuple(n.strip() for v in values or () for n in v.split(",") if n.strip())


# ---------------------------------------------------------------------------------------------------------------------
# Scoring shared by the subcommands


def _scorer(args: argparse.Namespace, *, workers: int | None = None) -> Any:
    """A `BatchScorer` for the command's options; a rule pack or weights file that does not load is exit 2."""
    from .batch import BatchScorer

    try:
        return BatchScorer(workers=args.workers if workers is None else workers, as_of=args.as_of,
                           timeout=args.timeout, rules=args.rules, weights=args.weights, redact=args.redact,
                           backend=args.backend)
    except BackendError as exc:
        raise UsageError(str(exc)) from exc
    except (RulesError, OSError, ValueError) as exc:
        which = " / ".join(f"{flag} {value}" for flag, value in (("--rules", args.rules), ("--weights", args.weights))
                           if value)
        raise UsageError(f"cannot load {which or 'the bundled rules'}: {exc}") from exc


def _score_in_order(args: argparse.Namespace, paths: Sequence[str], *, progress: bool | None = False,
                    scorer: Any = None) -> Iterator[Report]:
    from .batch import _in_order

    scorer = scorer or _scorer(args, workers=_workers_for(args, len(paths)))
    return _in_order(scorer.imap_unordered(paths, progress=progress))


def _workers_for(args: argparse.Namespace, n: int) -> int:
    if args.workers is not None:
        return int(args.workers)
    return max(1, min(os.cpu_count() or 1, n))


def _progress(n: int) -> bool | None:
    """On a terminal (None = batch's own check of stderr) for more than PROGRESS_ABOVE inputs, else off."""
    return None if n > PROGRESS_ABOVE else False


def _exit_for(reports: Iterable[Report]) -> int:
    return EXIT_FAILED_DOC if any(r.status == "failed" for r in reports) else EXIT_OK


# ---------------------------------------------------------------------------------------------------------------------
# score


def cmd_score(args: argparse.Namespace, out: TextIO) -> int:
    paths = expand_inputs(args.paths, recursive=args.recursive)
    if not paths:
        raise UsageError("no input files (the directories given hold no .pdf, .docx or .txt; -r enters subfolders)")
    sources: list[Any] = [_stdin_bytes() if p == "-" else p for p in paths]
    fmt = args.format or ("table" if out.isatty() else "jsonl")
    reports: Iterable[Report] = _score_in_order(args, sources, progress=_progress(len(paths)))
    if args.sort == "score" or args.top is not None or fmt in ("table", "csv"):
        everything = list(reports)
        failed = _exit_for(everything) != EXIT_OK  # counts every input, also those --top leaves out
        reports = _ranked(everything, args.sort, args.top)
    else:
        failed = False
    if fmt == "csv":
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(CSV_FIELDS)
        writer.writerows(_csv_row(r) for r in reports)
    elif fmt == "table":
        width = shutil.get_terminal_size((120, 24)).columns
        out.write("\n".join(format_table(list(reports), width)) + "\n")
    else:
        # Streamed: each report is written and dropped, so memory stays flat however many files there are.
        if fmt == "json":
            out.write("[")
        for n, report in enumerate(reports):
            failed |= report.status == "failed"
            if fmt == "jsonl":
                out.write(report.to_json() + "\n")
            else:
                out.write(("," if n else "") + "\n" + "\n".join("  " + line for line in
                                                                  report.to_json(indent=2).splitlines()))
            out.flush()
        if fmt == "json":
            out.write("\n]\n")
    return EXIT_FAILED_DOC if failed else EXIT_OK


def _stdin_bytes() -> bytes:
    """``-``: one document read from stdin (bounded like a file: one byte over the limit is enough to refuse)."""
    from .limits import DEFAULT_LIMITS

    return sys.stdin.buffer.read(DEFAULT_LIMITS.max_bytes + 1)


def _ranked(reports: list[Report], sort: str | None, top: int | None) -> list[Report]:
    if sort == "score":  # highest first; documents that are not resumes after every resume
        reports = sorted(reports, key=lambda r: (r.error_code != "not_a_resume", -1.0 if r.score is None else r.score),
                         reverse=True)
    return reports if top is None else reports[:top]


def _top_signals(report: Report) -> list[str]:
    ranked = sorted(report.contributions, key=lambda c: (-c.points, c.name))
    top = [f"{c.name}:{c.count}" for c in ranked if c.points > 0][:3]
    if not top:
        counts = report.signal_counts()
        top = [f"{n}:{k}" for n, k in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:3]]
    return top


CSV_FIELDS = ("file", "path", "status", "error_code", "message", "score", "seniority", "years", "top_signals",
              "flags")


def _csv_row(report: Report) -> tuple[Any, ...]:
    failed = report.status == "failed"
    return (report.source.name, report.source.path or "", report.status, report.error_code or "",
            report.errors[0].message if report.errors else "", "" if report.score is None else report.score,
            "" if failed else report.seniority.level,
            "" if report.seniority.years is None else report.seniority.years,
            " ".join(_top_signals(report)), " ".join(f.name for f in report.flags))


def shorten_middle(text: str, width: int) -> str:
    """``text`` cut to ``width`` by dropping its middle: file names differ at both ends (a shared prefix, a
    numbered suffix), so both are kept.

    >>> shorten_middle("candidate_resume_final_v2.pdf", 15)
    'candida…_v2.pdf'
    """
    if len(text) <= width:
        return text
    if width <= 1:
        return text[:width]
    head = width // 2
    tail = width - 1 - head
    return text[:head] + "…" + (text[-tail:] if tail else "")


def _cut(text: str, width: int) -> str:
    return text if len(text) <= width else text[: max(0, width - 1)] + "…"


_HEAD = ("FILE", "STATUS", "SCORE", "LEVEL", "YEARS", "TOP SIGNALS", "FLAGS")


def _table_cells(report: Report) -> tuple[str, ...]:
    if report.status == "failed":
        message = report.errors[0].message if report.errors else "failed"
        return (report.source.shown_name, report.error_code or "failed", "-", "-", "-", message, "")
    score = "-" if report.score is None else f"{report.score:.1f}"
    years = "-" if report.seniority.years is None else f"{report.seniority.years:.1f}"
    return (report.source.shown_name, report.error_code or report.status, score, report.seniority.level, years,
            ", ".join(_top_signals(report)) or "-", ", ".join(f.name for f in report.flags) or "-")


def format_table(reports: Sequence[Report], width: int = 120) -> list[str]:
    """The ``--format table`` lines (header first), every line at most ``width`` characters.

    File names are shortened in the middle; a failed row shows its message in place of signals and flags;
    the last columns give way first when the terminal is narrow.
    """
    rows = [_table_cells(r) for r in reports]
    widths = [max([len(h)] + [len(row[i]) for row in rows]) for i, h in enumerate(_HEAD)]
    fixed = sum(widths[1:5]) + 2 * 5  # status..years and the gaps around them
    widths[0] = max(8, min(widths[0], (width - fixed) // 2, width - fixed - 12))
    left = width - fixed - widths[0] - 2  # what signals, the gap and flags share
    signals_width = min(widths[5], max(11, left - 2 - min(widths[6], 28)))

    def line(cells: tuple[str, ...], failed: bool) -> str:
        parts = [shorten_middle(cells[0], widths[0]).ljust(widths[0]), cells[1].ljust(widths[1]),
                 cells[2].rjust(widths[2]), cells[3].ljust(widths[3]), cells[4].rjust(widths[4])]
        rest = cells[5] if failed else _cut(cells[5], signals_width).ljust(signals_width) + "  " + cells[6]
        text = "  ".join(parts) + "  " + rest
        return _cut(text, width).rstrip()

    out = [line(_HEAD, False)]
    out += [line(cells, r.status == "failed") for cells, r in zip(rows, reports, strict=True)]
    return out


# ---------------------------------------------------------------------------------------------------------------------
# batch


class ResultsFile:
    """The ``--out`` JSONL file of a batch: crash-safe appends and the keys of what it already holds."""

    def __init__(self, path: str) -> None:
        self.path = path
        try:
            self.fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_APPEND | os.O_CLOEXEC, 0o644)
        except OSError as exc:
            raise UsageError(f"cannot open --out {path}: {exc.strerror}") from exc
        if not stat.S_ISREG(os.fstat(self.fd).st_mode):  # a device or FIFO cannot be read back or rewritten
            os.close(self.fd)
            raise UsageError(f"--out {path} is not a regular file")
        try:
            import fcntl

            fcntl.flock(self.fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(self.fd)
            raise UsageError(f"another resume-signals batch is writing to {path}") from None
        except ImportError:  # pragma: no cover - not POSIX
            pass
        self.cut = self._cut_incomplete_tail()
        self.done: dict[tuple[str, str], tuple[str, str | None]] = {}
        """(path, sha256) -> (status, error code) of every report already in the file."""
        self.paths: set[str] = set()
        self.rejected: list[bytes] = []
        """Lines that are not reports: moved to `rejected_path` when the file is rewritten."""
        self.superseded = False
        """Whether some path has more than one line (rescored after a change or a retry): rewrite at the end."""
        self._load()

    @property
    def rejected_path(self) -> str:
        base = self.path[:-len(".jsonl")] if self.path.endswith(".jsonl") else self.path
        return base + ".rejected.jsonl"

    def _cut_incomplete_tail(self) -> int:
        """Truncate a last line that lacks its newline (a write interrupted by a kill); return the bytes cut."""
        size = os.fstat(self.fd).st_size
        end = size
        while end > 0:
            start = max(0, end - 65536)
            chunk = os.pread(self.fd, end - start, start)
            newline = chunk.rfind(b"\n")
            if newline >= 0:
                keep = start + newline + 1
                break
            end = start
        else:
            keep = 0
        if keep < size:
            os.ftruncate(self.fd, keep)
        return size - keep

    def _load(self) -> None:
        with open(self.path, "rb") as fh:
            for number, line in enumerate(fh, 1):
                if not line.strip():
                    continue
                try:
                    record = json.loads(line)
                    key = self._key(record)
                    errors = record.get("errors") or [{}]
                    self.done[key] = (str(record["status"]), errors[0].get("code"))
                    self.superseded |= key[0] in self.paths
                    self.paths.add(key[0])
                except (ValueError, KeyError, TypeError, AttributeError, IndexError):
                    self.rejected.append(line if line.endswith(b"\n") else line + b"\n")
                    log.warning("%s line %d is not a report; it is moved to %s", self.path, number,
                                self.rejected_path)

    @staticmethod
    def _key(record: dict[str, Any]) -> tuple[str, str]:
        from .report import Source

        source = Source.from_dict(record["source"])  # an undecodable name comes back as the path given
        return (source.path or "", source.sha256 or "")

    def status_of(self, path: str, *, retry: frozenset[str] = frozenset()) -> str | None:
        """The stored status of ``path`` if the file already holds a report for it as it is now, else None.

        None also when the stored report failed with a code in ``retry`` (`batch --retry-failed`).
        """
        from .batch import file_sha256

        if path not in self.paths:  # hash only files the results already mention
            return None
        stored = self.done.get((path, file_sha256(path)))
        if stored is None or stored[1] in retry:
            return None
        return stored[0]

    def append(self, report: Report) -> None:
        """Write one line with one ``write`` on the O_APPEND descriptor (a kill cannot leave half of it).

        A write that fails part way (a full disk) is cut back to the last whole line before `WriteError`.
        """
        data = memoryview((report.to_json() + "\n").encode("utf-8"))
        start = os.fstat(self.fd).st_size
        try:
            while data:
                written = os.write(self.fd, data)
                data = data[written:]
        except OSError as exc:
            with contextlib.suppress(OSError):
                os.ftruncate(self.fd, start)
            raise WriteError(f"could not write results to {self.path}: {exc.strerror}; the lines written so far "
                             "are intact, run the same command again to finish") from exc
        key = (report.source.path or "", report.source.sha256)
        self.superseded |= key[0] in self.paths
        self.done[key] = (report.status, report.error_code)
        self.paths.add(key[0])

    def rewrite(self) -> None:
        """Keep one line per path (the newest) and move rejected lines out, atomically: a temporary file in the
        same folder, fsync, then rename over the results; the old file is never edited in place."""
        if not (self.superseded or self.rejected):
            return
        folder = os.path.dirname(os.path.abspath(self.path))
        newest: dict[str, bytes] = {}
        with open(self.path, "rb") as fh:
            for line in fh:
                try:
                    newest.pop(path := self._key(json.loads(line))[0], None)
                    newest[path] = line
                except (ValueError, KeyError, TypeError, AttributeError, IndexError):
                    continue
        try:
            if self.rejected:
                with open(self.rejected_path, "ab") as out:
                    out.writelines(self.rejected)
                    out.flush()
                    os.fsync(out.fileno())
                print(f"resume-signals: warning: {len(self.rejected)} line(s) of {self.path} were not reports; "
                      f"moved to {self.rejected_path}", file=sys.stderr)
            tmp = os.path.join(folder, f".{os.path.basename(self.path)}.{os.getpid()}.tmp")
            try:
                with open(tmp, "wb") as out:
                    out.writelines(newest.values())
                    out.flush()
                    os.fsync(out.fileno())
                os.replace(tmp, self.path)
            finally:
                with contextlib.suppress(FileNotFoundError):
                    os.unlink(tmp)
        except OSError as exc:
            raise WriteError(f"could not rewrite {self.path}: {exc.strerror}; it is unchanged") from exc

    def close(self) -> None:
        with contextlib.suppress(OSError):
            os.fsync(self.fd)
        os.close(self.fd)


def cmd_batch(args: argparse.Namespace, out: TextIO) -> int:
    paths = list(dict.fromkeys(os.path.abspath(p) for p in expand_inputs(args.inputs, recursive=args.recursive)))
    if not paths:
        raise UsageError("no input files (the directories or patterns given match nothing)")
    scorer = _scorer(args, workers=_workers_for(args, len(paths)))  # validate rules before touching --out
    if args.out == "-":  # a stream has nothing to resume from: every input is scored, lines as they finish
        failed = 0
        for _, report in scorer.imap_unordered(paths, progress=False if args.quiet else None):
            out.write(report.to_json() + "\n")
            out.flush()
            failed += report.status == "failed"
        return EXIT_FAILED_DOC if failed else EXIT_OK
    results = ResultsFile(args.out)
    try:
        if results.cut:
            print(f"resume-signals: cut an incomplete last line ({results.cut} bytes) from {args.out}",
                  file=sys.stderr)
        from .errors import TRANSIENT_CODES

        retry = frozenset(c.value for c in TRANSIENT_CODES) if args.retry_failed else frozenset()
        todo: list[str] = []
        statuses: list[str] = []
        for path in paths:
            status = results.status_of(path, retry=retry)
            if status is None:
                todo.append(path)
            else:
                statuses.append(status)
        skipped = len(statuses)
        progress = False if args.quiet else None
        for _, report in scorer.imap_unordered(todo, progress=progress):
            results.append(report)
            statuses.append(report.status)
        results.rewrite()
    finally:
        results.close()
    failed = sum(s == "failed" for s in statuses)
    print(f"resume-signals batch: {len(paths)} inputs: {len(paths) - failed} ok, {failed} failed, "
              f"{skipped} skipped (already in {args.out})", file=sys.stderr)
    return EXIT_FAILED_DOC if failed else EXIT_OK


# ---------------------------------------------------------------------------------------------------------------------
# schema, html, screen


def cmd_schema(args: argparse.Namespace, out: TextIO) -> int:
    from .schema import load_schema

    out.write(json.dumps(load_schema(), indent=2, ensure_ascii=False) + "\n")
    return EXIT_OK


def cmd_html(args: argparse.Namespace, out: TextIO) -> int:
    (report,) = list(_score_in_order(args, [args.file]))  # list(): the pool is shut down before writing
    from .outputs.html import render_html

    page = render_html(report)
    if args.output == "-":
        out.write(page)
    else:
        try:
            Path(args.output).write_text(page, encoding="utf-8")
        except OSError as exc:
            raise UsageError(f"cannot write {args.output}: {exc.strerror}") from exc
    if report.status == "failed":
        print(f"resume-signals: {args.file}: {report.error_code}: {report.errors[0].message}", file=sys.stderr)
    return _exit_for([report])


def cmd_screen(args: argparse.Namespace, out: TextIO) -> int:
    from .outputs.screen import check_names, screen

    require, reject = _names(args.require), _names(args.reject_flag)
    if not 0 <= args.min_score <= 100:
        raise UsageError(f"--min-score must be between 0 and 100, not {args.min_score:g}")
    paths = expand_inputs(args.paths, recursive=args.recursive)
    if not paths:
        raise UsageError("no input files (the directories given hold no .pdf, .docx or .txt; -r enters subfolders)")
    scorer = _scorer(args, workers=_workers_for(args, len(paths)))
    try:
        check_names(require, reject, extra_signals=scorer.pipeline.rules.signals)
    except ValueError as exc:
        raise UsageError(str(exc)) from exc
    results = []
    reports = []
    for report in _score_in_order(args, paths, scorer=scorer, progress=_progress(len(paths))):
        result = screen(report, min_score=args.min_score, require=require, reject_flags=reject,
                        any_domain=args.any_domain)
        reports.append(report)
        results.append(result)
        if args.format == "text":
            out.write((result.format_line() if args.compact else result.format_text(questions=args.questions))
                      + "\n")
            out.flush()
    if args.format == "json":
        out.write(json.dumps([r.to_dict() for r in results], ensure_ascii=False, indent=2) + "\n")
    summary = screen_summary(results)
    print(summary, file=out if args.format == "text" else sys.stderr)
    if any(r.status == "failed" for r in reports):
        return EXIT_FAILED_DOC
    return EXIT_OK if all(r.passed for r in results) else EXIT_SCREEN_FAIL


def screen_summary(results: Sequence[Any]) -> str:
    """The last line of ``screen``: how many passed, failed the screen, or could not be read."""
    from .outputs.screen import ERROR, PASS

    passed = sum(r.status == PASS for r in results)
    unreadable = sum(r.status == ERROR for r in results)
    return f"{passed} passed, {len(results) - passed - unreadable} failed, {unreadable} unreadable"


# ---------------------------------------------------------------------------------------------------------------------
# Parser and entry point


def _add_common_options(p: argparse.ArgumentParser) -> None:
    """-v after the subcommand too (``resume-signals score -v x.pdf``); SUPPRESS keeps a -v given before it."""
    p.add_argument("-v", "--verbose", action="count", default=argparse.SUPPRESS,
                   help="log more (twice: debug, tracebacks)")


def _add_recursive(p: argparse.ArgumentParser) -> None:
    p.add_argument("-r", "--recursive", action="store_true",
                   help="enter subfolders of directory arguments (default: only the files directly inside)")


def _add_scoring_options(p: argparse.ArgumentParser, *, workers: bool = True) -> None:
    _add_common_options(p)
    p.add_argument("--as-of", type=_as_of, metavar="YYYY-MM-DD",
                   help="date that 'Present' counts to for seniority (default: today)")
    p.add_argument("--rules", metavar="FILE", help="a rule pack (TOML or YAML) merged over the bundled rules")
    p.add_argument("--weights", metavar="FILE", help="fitted weights (JSON) from fit_weights")
    p.add_argument("--redact", action="store_true", help="drop contact details from text and evidence")
    p.add_argument("--timeout", type=_positive_float, metavar="S",
                   help="seconds per document before its worker is killed (default 30)")
    p.add_argument("--backend", choices=("pdfminer", "pdfium"), default="pdfminer",
                   help="PDF reader: pdfminer (default) or pdfium (needs the [fast] extra; about 4x faster)")
    if workers:
        p.add_argument("--workers", type=_non_negative_int, metavar="N",
                       help="worker processes (default: CPU count; 0 = in this process, for debugging)")
    else:
        p.set_defaults(workers=None)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="resume-signals",
        description="Read resumes (PDF, DOCX, TXT) for evidence of shipped production ML.",
        epilog=f"Every signal, flag, section kind and the seniority and score rules are defined in {SIGNALS_DOC} "
               "(in the repository). Exit status: 0 all documents read, 1 a document failed, 2 usage error, "
               "3 screen rejected a resume, 4 could not write results.")
    parser.add_argument("--version", action="version", version=f"resume-signals {__version__}")
    parser.add_argument("-v", "--verbose", action="count", default=0, help="log more (twice: debug, tracebacks)")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    p = sub.add_parser("score", help="score resumes; one report per input, in input order, on stdout",
                       description="Score resumes. On a terminal prints a table; piped, one JSON report per line. "
                                   f"Signals and flags are defined in {SIGNALS_DOC}.")
    p.add_argument("paths", nargs="+", metavar="PATH",
                   help="files (always read), directories (their .pdf/.docx/.txt files) or globs")
    p.add_argument("--format", choices=("jsonl", "json", "table", "csv"), default=None,
                   help="jsonl: one report per line; json: one array; table: a row per resume fitted to the "
                        "terminal width; csv: one summary row per resume (default: table on a terminal, else jsonl)")
    p.add_argument("--sort", choices=("input", "score"), default="input",
                   help="row order: input order (default) or highest score first")
    p.add_argument("--top", type=_non_negative_int, metavar="N", help="only the first N rows (after --sort)")
    _add_recursive(p)
    _add_scoring_options(p)
    p.set_defaults(func=cmd_score)

    p = sub.add_parser(
        "batch", help="score many resumes into a resumable JSONL file",
        description="Score resumes into --out, one JSON line per resume, written as each finishes (completion "
                    "order, not input order: join on source.path). Run the same command again after a crash or a "
                    "kill to finish: inputs already in the file (same absolute path and sha256) are skipped, an "
                    "incomplete last line is cut away. A directory means the non-hidden files directly inside it.")
    p.add_argument("inputs", nargs="+", metavar="DIR_OR_GLOB", help="files, directories or globs")
    p.add_argument("--out", required=True, metavar="FILE",
                   help="JSONL results; a re-run skips what it holds ('-' for stdout, which cannot resume)")
    p.add_argument("--quiet", action="store_true", help="no progress bar")
    p.add_argument("--retry-failed", action="store_true",
                   help="score again the inputs whose stored report failed with a transient code "
                        "(worker_crashed, timeout) and replace their lines")
    _add_recursive(p)
    _add_scoring_options(p)
    p.set_defaults(func=cmd_batch)

    p = sub.add_parser("schema", help="print the report's JSON Schema")
    _add_common_options(p)
    p.set_defaults(func=cmd_schema)

    p = sub.add_parser("html", help="write the HTML evidence view of one resume")
    p.add_argument("file", metavar="FILE", help="the resume (PDF, DOCX or TXT)")
    p.add_argument("-o", "--output", required=True, metavar="OUT.html", help="output file ('-' for stdout)")
    _add_scoring_options(p, workers=False)
    p.set_defaults(func=cmd_html)

    p = sub.add_parser(
        "spark-batch", help="score files on Spark into a Parquet table (needs the [spark] extra and Java 17+)",
        description="Score every file that PATTERN matches (a path, a directory or a Hadoop glob: local, hdfs://, "
                    "s3a://, dbfs:/ ...) on Spark, one row per file, into --out as Parquet. Columns: path, sha256, "
                    "status, error_code, score, seniority, years, signal_<name> and ml_<name> counts, flag_<name> "
                    "booleans and the full report JSON. Files over the size limit are refused without being read.")
    p.add_argument("pattern", metavar="PATTERN", help="path or glob of the resumes; quote it so the shell does not "
                                                      "expand it")
    p.add_argument("--out", required=True, metavar="DIR.parquet", help="Parquet output (a directory)")
    p.add_argument("--master", metavar="URL", help="Spark master (default: the session's own, else local[*])")
    p.add_argument("-r", "--recursive", action="store_true", help="also read the files of subdirectories")
    p.add_argument("--overwrite", action="store_true", help="replace --out if it exists")
    _add_scoring_options(p, workers=False)
    p.set_defaults(func=cmd_spark_batch)

    p = sub.add_parser("screen", help="PASS or FAIL per resume, with reasons and interview questions")
    p.add_argument("paths", nargs="+", metavar="PATH", help="files (always read), directories or globs")
    p.add_argument("--min-score", type=float, required=True, metavar="N", help="lowest passing score (0-100)")
    p.add_argument("--require", action="append", metavar="SIGNALS",
                   help="comma-separated signals that must be found about an ML system")
    p.add_argument("--any-domain", action="store_true",
                   help="a required signal about any software counts (default: only evidence about ML systems)")
    p.add_argument("--reject-flag", action="append", metavar="FLAGS", help="comma-separated flags that reject")
    p.add_argument("--format", choices=("text", "json"), default="text",
                   help="text: verdicts for people, then a summary line; json: one array for scripts")
    p.add_argument("--questions", action=argparse.BooleanOptionalAction, default=True,
                   help="print the interview question for each missing signal (default: on)")
    p.add_argument("--compact", action="store_true", help="one line per resume: verdict, score, file, why")
    _add_recursive(p)
    _add_scoring_options(p)
    p.set_defaults(func=cmd_screen)
    return parser


def cmd_spark_batch(args: argparse.Namespace, out: TextIO) -> int:
    try:
        from . import spark as rs_spark
        session = rs_spark.session(args.master)
    except ImportError as exc:
        raise UsageError(f"spark-batch needs pyspark: pip install 'resume_signals[spark]' ({exc})") from exc
    try:
        df = rs_spark.read_files(session, args.pattern, recursive=args.recursive)
        try:
            result = rs_spark.score_files(df, as_of=args.as_of, rules=args.rules, weights=args.weights,
                                          redact=args.redact, timeout=args.timeout, backend=args.backend)
        except (RulesError, BackendError, OSError) as exc:
            raise UsageError(str(exc)) from exc
        try:
            result.write.mode("overwrite" if args.overwrite else "errorifexists").parquet(args.out)
        except Exception as exc:  # pyspark's AnalysisException; pyspark is an optional import
            if "PATH_ALREADY_EXISTS" in str(exc):
                raise UsageError(f"{args.out} already exists: pass --overwrite to replace it") from exc
            raise
        counts: dict[str, int] = dict(session.read.parquet(args.out).groupBy("status").count().collect())
    finally:
        session.stop()
    total, failed = sum(counts.values()), counts.get("failed", 0)
    print(f"resume-signals spark-batch: {total} files: {total - failed} scored, {failed} failed -> {args.out}",
          file=sys.stderr)
    return EXIT_FAILED_DOC if failed else EXIT_OK


class _BriefFormatter(logging.Formatter):
    """Log lines without tracebacks: a failed report already says what went wrong (``-vv`` shows them)."""

    def format(self, record: logging.LogRecord) -> str:
        return f"resume-signals: {record.levelname.lower()}: {record.getMessage()}"


@contextlib.contextmanager
def _cli_logging(verbose: int) -> Iterator[None]:
    """Library log records to stderr for the duration of a command, then the logger as it was (main() is
    also called in-process, by tests and scripts, whose own logging must not change)."""
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("resume-signals: %(levelname)s: %(name)s: %(message)s")
                         if verbose >= 2 else _BriefFormatter())
    logger = logging.getLogger("resume_signals")
    saved = (logger.handlers[:], logger.propagate, logger.level)
    logger.handlers[:] = [handler]
    logger.propagate = False
    logger.setLevel(logging.DEBUG if verbose >= 2 else logging.INFO if verbose else logging.WARNING)
    try:
        yield
    finally:
        logger.handlers[:], logger.propagate = saved[0], saved[1]
        logger.setLevel(saved[2])


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of ``resume-signals`` and ``python -m resume_signals``; returns the exit status."""
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        with _cli_logging(args.verbose):
            return int(args.func(args, sys.stdout))
    except UsageError as exc:
        print(f"resume-signals: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except WriteError as exc:
        print(f"resume-signals: error: {exc}", file=sys.stderr)
        return EXIT_WRITE
    except KeyboardInterrupt:
        print("resume-signals: interrupted (a batch is finished by running the same command again)",
              file=sys.stderr)
        return EXIT_INTERRUPTED
    except BrokenPipeError:  # `resume-signals score ... | head`
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_OK
    except OSError as exc:  # stdout on a full disk: one message, not a traceback
        print(f"resume-signals: error: could not write results: {exc.strerror}", file=sys.stderr)
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_WRITE


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
