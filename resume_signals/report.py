"""The report: result types and their JSON, the contract for ATS integrations.

Every type is a small frozen dataclass with an explicit ``to_dict()``; the
field names are the schema (``data/report.schema.json``) and never change
within a ``schema_version``. Offsets always point into ``Report.text``.

>>> Span = Section(kind="skills", heading="Toolbox", start=0, end=12)
>>> Span.to_dict()["kind"]
'skills'
"""

from __future__ import annotations

import base64
import json
import os
import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import Any

SCHEMA_VERSION = "2"


@dataclass(frozen=True)
class Source:
    """Where the document came from; ``path`` is None for bytes or streams."""

    name: str
    path: str | None
    format: str | None
    sha256: str
    bytes: int
    pages: int | None = None

    def to_dict(self) -> dict[str, Any]:
        """The source as JSON; a file name that is not valid UTF-8 is written with ``\\xNN`` escapes in
        ``name`` and ``path``, and the path's exact bytes go to ``path_bytes_b64`` (lossless, and JSON-safe)."""
        d = {"name": json_safe(self.name), "path": json_safe(self.path) if self.path is not None else None,
             "format": self.format, "sha256": self.sha256, "bytes": self.bytes, "pages": self.pages}
        if self.path is not None and d["path"] != self.path:
            d["path_bytes_b64"] = base64.b64encode(path_bytes(self.path)).decode("ascii")
        return d

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Source:
        d = dict(d)
        raw = d.pop("path_bytes_b64", None)
        if raw is not None:
            d["path"] = os.fsdecode(base64.b64decode(raw))
            d["name"] = os.path.basename(d["path"])
        return cls(**d)

    @property
    def shown_name(self) -> str:
        """The name as a terminal may print it: control characters and undecodable bytes escaped."""
        return printable(self.name)


def path_bytes(path: str) -> bytes:
    """A path's bytes as the file system holds them (undecodable bytes come back from surrogate escapes)."""
    try:
        return os.fsencode(path)
    except UnicodeEncodeError:
        return path.encode("utf-8", "surrogatepass")


def json_safe(text: str) -> str:
    """``text`` unchanged when it is valid Unicode; else each undecodable byte written as ``\\xNN``."""
    try:
        text.encode("utf-8")
        return text
    except UnicodeEncodeError:
        return path_bytes(text).decode("utf-8", "backslashreplace")


_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2066-\u2069]")


def printable(text: str) -> str:
    """``text`` safe to print on a terminal: escape sequences, controls and bidi overrides shown as escapes."""
    text = json_safe(text)
    return _CONTROL.sub(lambda m: m.group(0).encode("unicode_escape").decode("ascii"), text)


@dataclass(frozen=True)
class ErrorInfo:
    """One error or warning: a stable ``code``, a readable message and the stage."""

    code: str
    message: str
    stage: str

    def to_dict(self) -> dict[str, Any]:
        return {"code": self.code, "message": self.message, "stage": self.stage}


@dataclass(frozen=True)
class Section:
    """A section of the resume: its kind, the heading as written, its span."""

    kind: str
    heading: str | None
    start: int
    end: int

    def to_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, "heading": self.heading, "start": self.start, "end": self.end}


@dataclass(frozen=True)
class DateRange:
    """A date range as written (``raw``) and at month precision ("YYYY-MM")."""

    raw: str
    start: str | None
    end: str | None
    present: bool = False

    def to_dict(self) -> dict[str, Any]:
        return {"raw": self.raw, "start": self.start, "end": self.end, "present": self.present}


@dataclass(frozen=True)
class Entry:
    """A job or project entry inside an experience or projects section."""

    section: str
    title: str | None
    organization: str | None
    dates: DateRange | None
    start: int
    end: int

    def to_dict(self) -> dict[str, Any]:
        return {"section": self.section, "title": self.title, "organization": self.organization,
                "dates": self.dates.to_dict() if self.dates else None,
                "start": self.start, "end": self.end}


@dataclass(frozen=True)
class Signal:
    """One piece of evidence: ``match`` is ``report.text[start:end]``.

    ``text`` is the whole bullet or sentence that holds it, ``rule`` the rule
    id that fired, ``value`` the normalised value (a team size; for
    ``production_stack`` every canonical tool the bullet names, in order) or
    None. ``ml`` says whether the evidence is about a machine-learning
    system (SIGNALS.md): the score counts other software's evidence for less.
    """

    name: str
    text: str
    match: str
    start: int
    end: int
    section: str
    rule: str
    value: str | int | float | tuple[str, ...] | None = None
    ml: bool = False

    def to_dict(self) -> dict[str, Any]:
        value = list(self.value) if isinstance(self.value, tuple) else self.value
        return {"name": self.name, "text": self.text, "match": self.match, "start": self.start,
                "end": self.end, "section": self.section, "rule": self.rule, "value": value, "ml": self.ml}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Signal:
        """The inverse of `to_dict` (a JSON list value becomes a tuple, so the signal stays hashable)."""
        value = d.get("value")
        return cls(**{**d, "value": tuple(value) if isinstance(value, list) else value})


@dataclass(frozen=True)
class Flag:
    """A document-level screening flag with a readable reason and its evidence."""

    name: str
    reason: str
    evidence: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "reason": self.reason, "evidence": self.evidence}


@dataclass(frozen=True)
class SeniorityJob:
    """One experience entry as seniority read it: which dates it had and how many months it gave.

    ``start`` and ``end`` are the months counted ("YYYY-MM", ``end`` included); a "Present" end is the
    reference month, or the end of the newest written year on a stale resume. ``why`` says why an
    entry counted nothing (an internship, a student job, no dates).
    """

    title: str | None
    organization: str | None
    dates: str | None
    months: float
    counted: bool
    start: str | None = None
    end: str | None = None
    why: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"title": self.title, "organization": self.organization, "dates": self.dates,
                "months": self.months, "counted": self.counted, "start": self.start, "end": self.end,
                "why": self.why}


@dataclass(frozen=True)
class Seniority:
    """Estimated level (junior, mid, senior, staff_plus, unknown) and years.

    ``jobs`` are the experience entries read, in text order, with the months each added;
    ``present_until`` is set ("YYYY-MM") when a stale resume's "Present" was stopped at the end of
    its newest written year instead of the reference date.
    """

    level: str = "unknown"
    years: float | None = None
    evidence: tuple[dict[str, Any], ...] = ()
    jobs: tuple[SeniorityJob, ...] = ()
    present_until: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"level": self.level, "years": self.years, "evidence": list(self.evidence),
                "jobs": [j.to_dict() for j in self.jobs], "present_until": self.present_until}


@dataclass(frozen=True)
class Contribution:
    """How many points one signal (or the padding penalty) added to the score.

    ``ml`` is how many of the ``count`` mentions are about ML systems: those count fully, the rest
    at the reduced weight of other software (`spec.weights.Weights.non_ml`).
    """

    name: str
    count: int
    points: float
    ml: int = 0

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "count": self.count, "points": self.points, "ml": self.ml}


#: The views of a report that live with its consumers in ``outputs/`` (the evidence page, the contact and skills
#: fields of JSON Resume), by name. The package fills it when it is imported (``resume_signals/__init__.py``),
#: so this module, which every output imports, imports none of them back.
VIEWS: dict[str, Callable[[Report], Any]] = {}


def _view(name: str) -> Callable[[Report], Any]:
    try:
        return VIEWS[name]
    except KeyError:  # pragma: no cover - importing resume_signals.report always runs the package's __init__
        raise RuntimeError(f"the {name!r} view of a Report is registered by importing resume_signals") from None


@dataclass(frozen=True)
class Report:
    """Everything resume_signals found in one document.

    ``status`` is ``ok``, ``partial`` (scored, with errors worth knowing) or
    ``failed`` (``errors`` says why; text and findings are empty).
    """

    source: Source
    status: str = "ok"
    errors: tuple[ErrorInfo, ...] = ()
    warnings: tuple[ErrorInfo, ...] = ()
    text: str = ""
    sections: tuple[Section, ...] = ()
    entries: tuple[Entry, ...] = ()
    signals: tuple[Signal, ...] = ()
    flags: tuple[Flag, ...] = ()
    seniority: Seniority = field(default_factory=Seniority)
    score: float | None = None
    contributions: tuple[Contribution, ...] = ()
    schema_version: str = SCHEMA_VERSION

    @property
    def ok(self) -> bool:
        return self.status != "failed"

    @property
    def error_code(self) -> str | None:
        """The first error's code, or None: the one field a batch table needs."""
        return self.errors[0].code if self.errors else None

    def tools(self) -> tuple[str, ...]:
        """Every production tool the resume names, once, in text order (the ``production_stack`` values)."""
        return tuple(dict.fromkeys(t for s in self.signals if isinstance(s.value, tuple) for t in s.value))

    @property
    def contact(self) -> dict[str, Any]:
        """The flat contact fields found in the contact block (``name``, ``email``, ``phone``, ``links``); a field
        not found is absent, so a redacted report gives ``{}``. Never read by the score."""
        return dict(_view("contact")(self))

    @property
    def skills(self) -> list[str]:
        """Every keyword of the skills sections once, in the order written."""
        return list(_view("skills")(self))

    def _repr_html_(self) -> str:
        """In a notebook a report displays as its evidence view (`resume_signals.to_html`)."""
        return str(_view("html")(self))

    def signal_counts(self) -> dict[str, int]:
        """How many times each signal was found, by name (only those found)."""
        counts: dict[str, int] = {}
        for s in self.signals:
            counts[s.name] = counts.get(s.name, 0) + 1
        return dict(sorted(counts.items()))

    def replace(self, **changes: Any) -> Report:
        return replace(self, **changes)

    def to_dict(self) -> dict[str, Any]:
        return {
            "schema_version": self.schema_version,
            "source": self.source.to_dict(),
            "status": self.status,
            "errors": [e.to_dict() for e in self.errors],
            "warnings": [w.to_dict() for w in self.warnings],
            "text": self.text,
            "sections": [s.to_dict() for s in self.sections],
            "entries": [e.to_dict() for e in self.entries],
            "signals": [s.to_dict() for s in self.signals],
            "flags": [f.to_dict() for f in self.flags],
            "seniority": self.seniority.to_dict(),
            "score": self.score,
            "contributions": [c.to_dict() for c in self.contributions],
        }

    def to_json(self, *, indent: int | None = None) -> str:
        """Deterministic JSON: same input, same bytes."""
        text = json.dumps(self.to_dict(), ensure_ascii=False, indent=indent, sort_keys=False)
        try:
            text.encode("utf-8")
        except UnicodeEncodeError:  # a lone surrogate (an undecodable name in a message): escape, never crash
            text = json.dumps(self.to_dict(), ensure_ascii=True, indent=indent, sort_keys=False)
        return text

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Report:
        """Rebuild a report from ``to_dict()`` output (e.g. a line of a batch file)."""
        dates = lambda x: DateRange(**x) if x else None  # noqa: E731
        sen = d.get("seniority") or {}
        return cls(
            source=Source.from_dict(d["source"]),
            status=d["status"],
            errors=tuple(ErrorInfo(**e) for e in d.get("errors", [])),
            warnings=tuple(ErrorInfo(**e) for e in d.get("warnings", [])),
            text=d.get("text", ""),
            sections=tuple(Section(**s) for s in d.get("sections", [])),
            entries=tuple(Entry(**{**e, "dates": dates(e.get("dates"))}) for e in d.get("entries", [])),
            signals=tuple(Signal.from_dict(s) for s in d.get("signals", [])),
            flags=tuple(Flag(**f) for f in d.get("flags", [])),
            seniority=Seniority(level=sen.get("level", "unknown"), years=sen.get("years"),
                                evidence=tuple(sen.get("evidence", []))),
            score=d.get("score"),
            contributions=tuple(Contribution(**c) for c in d.get("contributions", [])),
            schema_version=d.get("schema_version", SCHEMA_VERSION),
        )
