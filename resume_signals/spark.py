"""Scoring on Spark: one result row per file of a ``binaryFile`` DataFrame.

Why Spark rather than a cluster of our own: an ATS that rescores an archive of
millions of resumes already runs Spark (Databricks, EMR, Dataproc), with its
scheduling, retries and storage. This module makes the library a plain
DataFrame transformation there.

How it runs:

- ``mapInPandas`` hands each Python worker Arrow batches of
  ``(path, length, content)``; the worker scores them and returns Arrow batches
  of result rows. Arrow keeps the bytes columnar and avoids pickling each row.
- The scorer (a `BatchScorer`, whose `Pipeline` holds the compiled rules) is
  built once per Python worker process and kept in this module, keyed by its
  configuration: Spark reuses Python workers (``spark.python.worker.reuse``,
  on by default), so the seconds it takes to compile the rules are paid once
  per executor core, not per row or per batch.
- Each document is scored in a child process of the Python worker, exactly as
  ``score_many`` does: a document that hangs is killed at its time budget and
  becomes a ``timeout`` row, one that exhausts its memory cap a
  ``memory_limit`` row, one that kills its process ``worker_crashed``. Every
  limit of `Limits` applies, so one bad file never fails a Spark task.
- Files larger than ``limits.max_bytes`` are split off by their ``length``
  column before ``content`` is selected, so Spark never reads their bytes
  (``binaryFile`` prunes the content column); they become ``too_large`` rows.
- Spark's file sources drop zero-length files when they list a folder, so an
  empty file gets no row at all (``score_many`` gives it an ``empty`` report).
  Compare the row count with a listing if empty uploads matter to you.

pyspark is an optional extra: ``pip install 'resume_signals[spark]'`` (Java 17
or newer is needed by Spark itself).
"""

from __future__ import annotations

import hashlib
import io
import logging
import os
import pickle
import sys
from collections import deque
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .batch import BatchScorer, _in_order
from .errors import DocumentError, ErrorCode
from .limits import DEFAULT_LIMITS, Limits
from .pipeline import AsOf, check_backend, failed_report, parse_as_of
from .report import Report, Source
from .sources import too_large_message
from .spec.vocab import FLAGS as FLAG_NAMES
from .spec.vocab import SIGNALS as SIGNAL_NAMES

if TYPE_CHECKING:
    import pandas
    from pyspark.sql import DataFrame, SparkSession
    from pyspark.sql.types import StructType

    from .spec.rules import RuleSet
    from .spec.weights import Weights

log = logging.getLogger(__name__)

#: The columns before the per-signal and per-flag ones, with their Spark SQL types.
BASE_FIELDS: tuple[tuple[str, str], ...] = (
    ("path", "string"), ("sha256", "string"), ("status", "string"), ("error_code", "string"),
    ("score", "double"), ("seniority", "string"), ("years", "double"), ("tools", "string"),
)


def result_columns() -> list[tuple[str, str]]:
    """Every result column with its Spark SQL type, in order (the last one is the full report JSON)."""
    cols = list(BASE_FIELDS)
    cols += [(f"signal_{name}", "int") for name in SIGNAL_NAMES]
    cols += [(f"ml_{name}", "int") for name in SIGNAL_NAMES]
    cols += [(f"flag_{name}", "boolean") for name in FLAG_NAMES]
    cols.append(("report", "string"))
    return cols


def result_schema() -> StructType:
    """The result DataFrame's schema (what an empty input gives too)."""
    from pyspark.sql.types import StructType

    schema = StructType.fromDDL(", ".join(f"`{name}` {kind}" for name, kind in result_columns()))
    assert isinstance(schema, StructType)
    return schema


def result_row(path: str, report: Report) -> dict[str, Any]:
    """One result row: the input's path, the report's headline fields, counts per signal, flags, the JSON."""
    row: dict[str, Any] = {
        "path": path,
        "sha256": report.source.sha256 or None,
        "status": report.status,
        "error_code": report.error_code,
        "score": report.score,
        "seniority": report.seniority.level if report.status != "failed" else None,
        "years": report.seniority.years,
        "tools": ", ".join(report.tools()),
    }
    counts = dict.fromkeys(SIGNAL_NAMES, 0)
    ml_counts = dict.fromkeys(SIGNAL_NAMES, 0)
    for sig in report.signals:
        if sig.name in counts:
            counts[sig.name] += 1
            ml_counts[sig.name] += sig.ml
    row.update({f"signal_{n}": c for n, c in counts.items()})
    row.update({f"ml_{n}": c for n, c in ml_counts.items()})
    raised = {flag.name for flag in report.flags}
    row.update({f"flag_{n}": n in raised for n in FLAG_NAMES})
    row["report"] = report.to_json()
    return row


# ---------------------------------------------------------------------------------------------------------------------
# The Python-worker side


_SCORERS: dict[str, BatchScorer] = {}
"""Scorers built in this process, by configuration digest: one per Python worker and configuration."""


def _scorer(config: dict[str, Any]) -> BatchScorer:
    key = hashlib.sha256(pickle.dumps(sorted(config.items(), key=lambda kv: kv[0]))).hexdigest()
    scorer = _SCORERS.get(key)
    if scorer is None:
        scorer = BatchScorer(**config)
        _SCORERS[key] = scorer
    return scorer


def _frame(rows: list[dict[str, Any]]) -> pandas.DataFrame:
    import pandas as pd

    names = [name for name, _ in result_columns()]
    df = pd.DataFrame(rows, columns=names)
    for name, kind in result_columns():
        if kind == "int":
            df[name] = df[name].astype("int32")
        elif kind == "boolean":
            df[name] = df[name].astype("bool")
        elif kind == "double":
            df[name] = df[name].astype("float64")
    return df


def _score_batches(batches: Iterator[pandas.DataFrame], config: dict[str, Any]) -> Iterator[pandas.DataFrame]:
    """Score a partition's Arrow batches through one worker process, yielding result batches as they fill.

    The sources of every batch feed one ``imap_unordered`` run, so a partition starts one scoring process, not
    one per Arrow batch; results come back in input order and are cut into frames of the input's batch size.
    """
    scorer = _scorer(config)
    paths: deque[str] = deque()
    size = 0

    def sources() -> Iterator[io.BytesIO]:
        nonlocal size
        for batch in batches:
            size = max(size, len(batch))
            for path, content in zip(batch["path"], batch["content"], strict=True):
                paths.append(str(path))
                stream = io.BytesIO(bytes(content))
                stream.name = str(path)
                yield stream

    rows: list[dict[str, Any]] = []
    for report in _in_order(scorer.imap_unordered(sources())):
        rows.append(result_row(paths.popleft(), report))
        if len(rows) >= size:
            yield _frame(rows)
            rows = []
    if rows:
        yield _frame(rows)


def _too_large_batches(batches: Iterator[pandas.DataFrame], limits: Limits) -> Iterator[pandas.DataFrame]:
    for batch in batches:
        rows = []
        for path, length in zip(batch["path"], batch["length"], strict=True):
            src = Source(name=Path(str(path)).name, path=str(path), format=None, sha256="", bytes=int(length))
            error = DocumentError(ErrorCode.TOO_LARGE, too_large_message(int(length), limits))
            rows.append(result_row(str(path), failed_report(src, error)))
        yield _frame(rows)


# ---------------------------------------------------------------------------------------------------------------------
# The driver side


def score_files(df: DataFrame, *, as_of: AsOf = None, backend: str = "pdfminer",
                weights: Weights | str | Path | None = None, rules: RuleSet | str | Path | None = None,
                redact: bool = False, limits: Limits | None = None, timeout: float | None = None) -> DataFrame:
    """Score every file of a ``spark.read.format("binaryFile")`` DataFrame; one result row per file.

    ``df`` needs the columns ``path``, ``length`` and ``content`` (``binaryFile``
    also gives ``modificationTime``, which is ignored). The result has the
    columns of `result_columns`: path, sha256, status, error_code, score,
    seniority, years, tools (comma-separated), ``signal_<name>`` and ``ml_<name>`` counts, a
    ``flag_<name>`` boolean per flag, and ``report``, the full report JSON.

    ``as_of`` is fixed on the driver (default: today), so every executor dates
    "Present" alike. ``rules`` and ``weights`` are loaded and validated here,
    on the driver: a bad rule pack raises at the call, before any task runs,
    and the executors receive the loaded objects (no file to ship). ``timeout``
    is the budget per file in seconds (default ``limits.timeout``).

    >>> from resume_signals.spark import result_columns
    >>> [name for name, _ in result_columns()][:4]
    ['path', 'sha256', 'status', 'error_code']
    """
    from pyspark.sql import functions as F

    from .spec.rules import RuleSet, load_rules
    from .spec.weights import Weights, load_weights

    limits = limits or DEFAULT_LIMITS
    config: dict[str, Any] = {
        "workers": 1,
        "as_of": parse_as_of(as_of),
        "timeout": timeout,
        "rules": rules if isinstance(rules, RuleSet) or rules is None else load_rules(rules),
        "weights": weights if isinstance(weights, Weights) or weights is None else load_weights(weights),
        "limits": limits,
        "redact": redact,
        "backend": check_backend(backend),  # unknown, or pypdfium2 missing: BackendError here, on the driver
    }
    schema = result_schema()
    fits = df.where(F.col("length") <= limits.max_bytes).select("path", "length", "content")
    large = df.where(F.col("length") > limits.max_bytes).select("path", "length")
    scored = fits.mapInPandas(lambda it: _score_batches(it, config), schema)
    refused = large.mapInPandas(lambda it: _too_large_batches(it, limits), schema)
    return scored.unionByName(refused)


def read_files(spark: SparkSession, pattern: str, *, recursive: bool = False) -> DataFrame:
    """``spark.read.format("binaryFile")`` over a path, directory or Hadoop glob.

    A local path without a scheme is made absolute first (Spark resolves
    relative paths against its own working directory). Hadoop globs have
    ``*``, ``?``, ``[ab]`` and ``{a,b}`` but no ``**``: use ``recursive``.
    """
    if ":/" not in pattern:
        pattern = str(Path(pattern).absolute())
    reader = spark.read.format("binaryFile")
    if recursive:
        reader = reader.option("recursiveFileLookup", "true")
    return reader.load(pattern)


def session(master: str | None = None, app_name: str = "resume-signals") -> SparkSession:
    """A SparkSession for the command line: the active one if any, else a new one on ``master`` (local[*]).

    For a local master the Python workers run this interpreter (``PYSPARK_PYTHON``), so they see the same
    installed packages as the driver; a cluster sets its own.
    """
    from pyspark.sql import SparkSession

    master = master or "local[*]"
    if master.startswith("local"):
        os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    builder = SparkSession.builder.appName(app_name).master(master).config("spark.ui.enabled", "false")
    spark = builder.getOrCreate()
    spark.sparkContext.setLogLevel("ERROR")
    return spark
