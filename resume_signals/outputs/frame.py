"""Reports as a pandas DataFrame: one row per resume, for notebooks and batch analysis.

The columns are the same whatever the batch holds: every known signal gets a
``signal_<name>`` count column, an ``ml_<name>`` count of the mentions about
ML systems, and every known flag a ``flag_<name>`` bool column, even when no
resume has it, so frames from two runs concatenate and
compare column by column. Names a user rule pack adds appear too, after the
known ones.

pandas is an optional extra (``pip install resume_signals[frame]``) and is
imported only when `to_frame` is called.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

from ..report import Report
from ..spec.vocab import FLAGS, SIGNALS

if TYPE_CHECKING:
    import pandas

#: One column per signal and per flag of the vocabulary, in its order.
SIGNAL_NAMES: tuple[str, ...] = SIGNALS
FLAG_NAMES: tuple[str, ...] = FLAGS

BASE_COLUMNS: tuple[str, ...] = ("file", "path", "format", "status", "error_code", "score", "seniority", "years",
                                 "name", "email", "phone", "skills", "tools")


def _as_report(report: Report | Mapping[str, Any]) -> Report:
    if isinstance(report, Report):
        return report
    if isinstance(report, Mapping):
        return Report.from_dict(dict(report))
    raise TypeError(f"to_frame takes Report objects or their dicts, not {type(report).__name__}")


def _row(report: Report) -> dict[str, Any]:
    contact = report.contact  # {} for a failed or redacted report
    return {
        "file": report.source.name,
        "path": report.source.path,
        "format": report.source.format,
        "status": report.status,
        "error_code": report.error_code,
        "score": report.score,
        "seniority": report.seniority.level,
        "years": report.seniority.years,
        "name": contact.get("name"),
        "email": contact.get("email"),
        "phone": contact.get("phone"),
        "skills": ", ".join(report.skills),
        "tools": ", ".join(report.tools()),
    }


def _import_pandas() -> Any:
    try:
        import pandas as pd
    except ImportError as exc:  # pragma: no cover - exercised by a test that hides pandas
        raise ImportError("resume_signals.to_frame needs pandas, an optional extra: "
                          "pip install 'resume_signals[frame]'") from exc
    return pd


def to_frame(reports: Iterable[Report | Mapping[str, Any]]) -> pandas.DataFrame:
    """One row per report (a `Report` or its ``to_dict()``, e.g. a line of a batch JSONL file).

    Columns: file, path, format, status, error_code, score, seniority, years,
    name, email, phone (`Report.contact`; empty when redacted), skills
    (`Report.skills`, comma-separated), tools (every production tool named,
    comma-separated, in text order),
    ``signal_<name>`` (int count) for every signal, ``ml_<name>`` (how many of
    those are about ML systems), ``flag_<name>`` (bool) for every flag. A
    failed report has its error code, no score and zero counts.

    >>> from resume_signals.report import Report, Signal, Source
    >>> r = Report(source=Source(name="a.txt", path=None, format="txt", sha256="0", bytes=1), score=12.5,
    ...            signals=(Signal("shipped", "t", "Shipped", 0, 7, "experience", "r"),))
    >>> df = to_frame([r])
    >>> int(df.loc[0, "signal_shipped"]), int(df.loc[0, "ml_shipped"]), int(df.loc[0, "signal_rollback"])
    (1, 0, 0)
    >>> bool(df.loc[0, "flag_architecture_padding"])
    False
    """
    pd = _import_pandas()
    parsed = [_as_report(r) for r in reports]
    signals = list(SIGNAL_NAMES)
    flags = list(FLAG_NAMES)
    for r in parsed:
        signals += [n for n in dict.fromkeys(s.name for s in r.signals) if n not in signals]
        flags += [n for n in dict.fromkeys(f.name for f in r.flags) if n not in flags]
    rows = []
    for r in parsed:
        row = _row(r)
        counts = dict.fromkeys(signals, 0)
        ml = dict.fromkeys(signals, 0)
        for sig in r.signals:
            counts[sig.name] += 1
            ml[sig.name] += sig.ml
        raised = {f.name for f in r.flags}
        row.update({f"signal_{n}": c for n, c in counts.items()})
        row.update({f"ml_{n}": c for n, c in ml.items()})
        row.update({f"flag_{n}": n in raised for n in flags})
        rows.append(row)
    columns = [*BASE_COLUMNS, *(f"signal_{n}" for n in signals), *(f"ml_{n}" for n in signals),
               *(f"flag_{n}" for n in flags)]
    df = pd.DataFrame(rows, columns=columns)
    df["score"] = df["score"].astype("float64")
    df["years"] = df["years"].astype("float64")
    for n in signals:
        df[f"signal_{n}"] = df[f"signal_{n}"].astype("int64")
        df[f"ml_{n}"] = df[f"ml_{n}"].astype("int64")
    for n in flags:
        df[f"flag_{n}"] = df[f"flag_{n}"].astype("bool")
    return df
