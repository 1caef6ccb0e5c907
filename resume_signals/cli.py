"""The ``resume-signals`` command: score, batch, schema, html, screen.

The only module that prints. Exit status: 0 when every document was read, 1
when any document failed (a failed report is still written for it), 2 on a
usage error (bad option, bad ``--as-of``, a rule pack or weights file that does
not load), 3 when ``screen`` rejects a resume; 130 on Ctrl-C.

Inputs: a directory argument means the files directly inside it, sorted by
name: every regular file except hidden ones (a stray PNG gets an
``unsupported_format`` report rather than being silently skipped);
subdirectories are not entered. An argument with glob characters that names no
existing file is expanded (``**`` recurses), directories among the matches
skipped. Any other argument is scored as given, so a missing path gets a
``not_found`` report.

``batch`` writes one JSON line per resume to ``--out`` as each finishes, in
completion order (not input order: use ``source.path`` to join). Each line is
written with a single ``write`` on an ``O_APPEND`` descriptor, and on start a
trailing incomplete line (left by a kill during a write) is cut away. A re-run
of the same command skips every input already in the file, keyed by
(absolute path, sha256 of the file's bytes): a run killed at any moment, even
with SIGKILL, is finished by running it again, with no resume lost and none
scored twice. A file whose content changed since is scored again; a path that
cannot be hashed (missing, a directory, unreadable) is keyed by path alone.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import glob
import json
import logging
import os
import sys
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any, TextIO

from . import __version__
from .errors import BackendError, RulesError
from .report import Report

log = logging.getLogger("resume_signals.cli")

EXIT_OK, EXIT_FAILED_DOC, EXIT_USAGE, EXIT_SCREEN_FAIL, EXIT_INTERRUPTED = 0, 1, 2, 3, 130


class UsageError(Exception):
    """A problem with the command line or its files: message on stderr, exit 2."""


# ---------------------------------------------------------------------------------------------------------------------
# Inputs


def expand_inputs(args: Iterable[str]) -> list[str]:
    """Turn PATH/DIR/GLOB arguments into the list of documents to score, in argument order."""
    out: list[str] = []
    for arg in args:
        if os.path.isdir(arg):
            out += _dir_files(arg)
        elif glob.has_magic(arg) and not os.path.lexists(arg):
            matches = sorted(glob.glob(arg, recursive=True))
            files = [m for m in matches if not os.path.isdir(m)]
            out += files if files else [arg] if not matches else []
        else:
            out.append(arg)
    return out


def _dir_files(directory: str) -> list[str]:
    with os.scandir(directory) as it:
        names = sorted(e.name for e in it if not e.name.startswith(".") and not e.is_dir())
    return [os.path.join(directory, n) for n in names]


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


def _exit_for(reports: Iterable[Report]) -> int:
    return EXIT_FAILED_DOC if any(r.status == "failed" for r in reports) else EXIT_OK


# ---------------------------------------------------------------------------------------------------------------------
# score


def cmd_score(args: argparse.Namespace, out: TextIO) -> int:
    paths = expand_inputs(args.paths)
    if not paths:
        raise UsageError("no input files (the directories given are empty)")
    reports = _score_in_order(args, paths)
    done: list[Report] = []
    if args.format == "jsonl":
        for report in reports:
            out.write(report.to_json() + "\n")
            out.flush()
            done.append(report)
    elif args.format == "json":
        done = list(reports)
        out.write(json.dumps([r.to_dict() for r in done], ensure_ascii=False, indent=2) + "\n")
    else:
        out.write(format_table_header() + "\n")
        for report in reports:
            out.write(format_table_row(report) + "\n")
            out.flush()
            done.append(report)
    return _exit_for(done)


_COLUMNS = (("FILE", 28), ("STATUS", 18), ("SCORE", 5), ("LEVEL", 10), ("YEARS", 5), ("TOP SIGNALS", 50),
            ("FLAGS", 0))


def _cell(text: str, width: int, *, right: bool = False) -> str:
    if width == 0:
        return text
    if len(text) > width:
        text = text[: width - 2] + ".."
    return text.rjust(width) if right else text.ljust(width)


def format_table_header() -> str:
    """The header of the ``--format table`` output (fixed width, readable in a terminal)."""
    return "  ".join(_cell(name, width, right=name in ("SCORE", "YEARS")) for name, width in _COLUMNS).rstrip()


def format_table_row(report: Report) -> str:
    """One resume as a fixed-width row: file, status or error code, score, seniority, years, top signals, flags."""
    status = report.status if report.status != "failed" else (report.error_code or "failed")
    score = "-" if report.score is None else f"{report.score:.1f}"
    years = "-" if report.seniority.years is None else f"{report.seniority.years:.1f}"
    level = report.seniority.level if report.status != "failed" else "-"
    ranked = sorted(report.contributions, key=lambda c: (-c.points, c.name))
    top = [f"{c.name}:{c.count}" for c in ranked if c.points > 0][:3]
    if not top:
        counts: dict[str, int] = {}
        for s in report.signals:
            counts[s.name] = counts.get(s.name, 0) + 1
        top = [f"{n}:{k}" for n, k in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:3]]
    flags = ", ".join(f.name for f in report.flags) or "-"
    cells = (report.source.name, status, score, level, years, ", ".join(top) or "-", flags)
    return "  ".join(_cell(text, width, right=name in ("SCORE", "YEARS"))
                     for (name, width), text in zip(_COLUMNS, cells, strict=True)).rstrip()


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
        try:
            import fcntl

            fcntl.flock(self.fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(self.fd)
            raise UsageError(f"another resume-signals batch is writing to {path}") from None
        except ImportError:  # pragma: no cover - not POSIX
            pass
        self.cut = self._cut_incomplete_tail()
        self.done: dict[tuple[str, str], str] = {}
        """(path, sha256) -> status of every report already in the file."""
        self.paths: set[str] = set()
        self._load()

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
                    source = record["source"]
                    key = (str(source["path"] or ""), str(source["sha256"] or ""))
                    self.done[key] = str(record["status"])
                    self.paths.add(key[0])
                except (ValueError, KeyError, TypeError):
                    log.warning("%s line %d is not a report; ignored", self.path, number)

    def status_of(self, path: str) -> str | None:
        """The stored status of ``path`` if the file already holds a report for it as it is now, else None."""
        from .batch import file_sha256

        if path not in self.paths:  # hash only files the results already mention
            return None
        return self.done.get((path, file_sha256(path)))

    def append(self, report: Report) -> None:
        """Write one line with one ``write`` on the O_APPEND descriptor (a kill cannot leave half of it)."""
        data = memoryview((report.to_json() + "\n").encode("utf-8"))
        while data:
            written = os.write(self.fd, data)
            data = data[written:]
        key = (report.source.path or "", report.source.sha256)
        self.done[key] = report.status
        self.paths.add(key[0])

    def close(self) -> None:
        os.fsync(self.fd)
        os.close(self.fd)


def cmd_batch(args: argparse.Namespace, out: TextIO) -> int:
    paths = list(dict.fromkeys(os.path.abspath(p) for p in expand_inputs(args.inputs)))
    if not paths:
        raise UsageError("no input files (the directories or patterns given match nothing)")
    scorer = _scorer(args, workers=_workers_for(args, len(paths)))  # validate rules before touching --out
    results = ResultsFile(args.out)
    try:
        if results.cut:
            print(f"resume-signals: cut an incomplete last line ({results.cut} bytes) from {args.out}",
                  file=sys.stderr)
        todo: list[str] = []
        statuses: list[str] = []
        for path in paths:
            status = results.status_of(path)
            if status is None:
                todo.append(path)
            else:
                statuses.append(status)
        skipped = len(statuses)
        progress = False if args.quiet else None
        for _, report in scorer.imap_unordered(todo, progress=progress):
            results.append(report)
            statuses.append(report.status)
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
    page = report.to_html()
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
    paths = expand_inputs(args.paths)
    if not paths:
        raise UsageError("no input files (the directories given are empty)")
    scorer = _scorer(args, workers=_workers_for(args, len(paths)))
    try:
        check_names(require, reject, extra_signals=scorer.pipeline.rules.signals)
    except ValueError as exc:
        raise UsageError(str(exc)) from exc
    results = []
    reports = []
    for report in _score_in_order(args, paths, scorer=scorer):
        result = screen(report, min_score=args.min_score, require=require, reject_flags=reject)
        reports.append(report)
        results.append(result)
        if args.format == "text":
            out.write(result.format_text() + "\n")
            out.flush()
    if args.format == "json":
        out.write(json.dumps([r.to_dict() for r in results], ensure_ascii=False, indent=2) + "\n")
    if any(r.status == "failed" for r in reports):
        return EXIT_FAILED_DOC
    return EXIT_OK if all(r.passed for r in results) else EXIT_SCREEN_FAIL


# ---------------------------------------------------------------------------------------------------------------------
# Parser and entry point


def _add_scoring_options(p: argparse.ArgumentParser, *, workers: bool = True) -> None:
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
        epilog="Exit status: 0 all documents read, 1 a document failed, 2 usage error, 3 screen rejected a resume.")
    parser.add_argument("--version", action="version", version=f"resume-signals {__version__}")
    parser.add_argument("-v", "--verbose", action="count", default=0, help="log more (twice: debug, tracebacks)")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    p = sub.add_parser("score", help="score resumes; one report per input, in input order, on stdout")
    p.add_argument("paths", nargs="+", metavar="PATH", help="files, directories (their files) or globs")
    p.add_argument("--format", choices=("jsonl", "json", "table"), default="jsonl")
    _add_scoring_options(p)
    p.set_defaults(func=cmd_score)

    p = sub.add_parser(
        "batch", help="score many resumes into a resumable JSONL file",
        description="Score resumes into --out, one JSON line per resume, written as each finishes (completion "
                    "order, not input order: join on source.path). Run the same command again after a crash or a "
                    "kill to finish: inputs already in the file (same absolute path and sha256) are skipped, an "
                    "incomplete last line is cut away. A directory means the non-hidden files directly inside it.")
    p.add_argument("inputs", nargs="+", metavar="DIR_OR_GLOB")
    p.add_argument("--out", required=True, metavar="FILE", help="JSONL results; a re-run skips what it holds")
    p.add_argument("--quiet", action="store_true", help="no progress bar")
    _add_scoring_options(p)
    p.set_defaults(func=cmd_batch)

    p = sub.add_parser("schema", help="print the report's JSON Schema")
    p.set_defaults(func=cmd_schema)

    p = sub.add_parser("html", help="write the HTML evidence view of one resume")
    p.add_argument("file", metavar="FILE")
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
    p.add_argument("paths", nargs="+", metavar="PATH")
    p.add_argument("--min-score", type=float, required=True, metavar="N")
    p.add_argument("--require", action="append", metavar="SIGNALS", help="comma-separated signals that must be found")
    p.add_argument("--reject-flag", action="append", metavar="FLAGS", help="comma-separated flags that reject")
    p.add_argument("--format", choices=("text", "json"), default="text")
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
                                          redact=args.redact, timeout=args.timeout)
        except (RulesError, OSError) as exc:
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
    except KeyboardInterrupt:
        print("resume-signals: interrupted (a batch is finished by running the same command again)",
              file=sys.stderr)
        return EXIT_INTERRUPTED
    except BrokenPipeError:  # `resume-signals score ... | head`
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_OK


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
