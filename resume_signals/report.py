"""The report: result types and their JSON, the contract for ATS integrations.

Every type is a small frozen dataclass with an explicit ``to_dict()``; the
field names are the schema (``data/report.schema.json``) and never change
within a ``schema_version``. Offsets always point into ``Report.text``.

>>> Span = Section(kind="skills", heading="Toolbox", start=0, end=12)
>>> Span.to_dict()["kind"]
'skills'
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field, replace
from typing import Any

SCHEMA_VERSION = "1"


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
        return {"name": self.name, "path": self.path, "format": self.format,
                "sha256": self.sha256, "bytes": self.bytes, "pages": self.pages}


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
    id that fired, ``value`` the normalised value (a team size, a canonical
    tool name) or None.
    """

    name: str
    text: str
    match: str
    start: int
    end: int
    section: str
    rule: str
    value: str | int | float | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "text": self.text, "match": self.match, "start": self.start,
                "end": self.end, "section": self.section, "rule": self.rule, "value": self.value}


@dataclass(frozen=True)
class Flag:
    """A document-level screening flag with a readable reason and its evidence."""

    name: str
    reason: str
    evidence: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "reason": self.reason, "evidence": self.evidence}


@dataclass(frozen=True)
class Seniority:
    """Estimated level (junior, mid, senior, staff_plus, unknown) and years."""

    level: str = "unknown"
    years: float | None = None
    evidence: tuple[dict[str, Any], ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {"level": self.level, "years": self.years, "evidence": list(self.evidence)}


@dataclass(frozen=True)
class Contribution:
    """How many points one signal (or the padding penalty) added to the score."""

    name: str
    count: int
    points: float

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "count": self.count, "points": self.points}


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

    @property
    def contact(self) -> dict[str, Any]:
        """Name, email, phone and links from the contact block (absent when not found; ``{}`` when redacted)."""
        from .outputs.json_resume import contact

        return contact(self)

    @property
    def skills(self) -> list[str]:
        """The keywords of the skills section, each once, in the order written."""
        from .outputs.json_resume import skills

        return skills(self)

    def signal_counts(self) -> dict[str, int]:
        """How many times each signal was found, by name (only those found)."""
        counts: dict[str, int] = {}
        for s in self.signals:
            counts[s.name] = counts.get(s.name, 0) + 1
        return dict(sorted(counts.items()))

    def _repr_html_(self) -> str:
        """Jupyter shows a report as its evidence view."""
        return self.to_html()

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
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent, sort_keys=False)

    def to_html(self) -> str:
        """A standalone HTML page: score, flags, and the text with each signal highlighted."""
        from .outputs.html import render_html

        return render_html(self)

    def to_json_resume(self) -> dict[str, Any]:
        """The resume in the JSON Resume structure, screening results under ``x-resume-signals``."""
        from .outputs.json_resume import to_json_resume

        return to_json_resume(self)

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Report:
        """Rebuild a report from ``to_dict()`` output (e.g. a line of a batch file)."""
        dates = lambda x: DateRange(**x) if x else None  # noqa: E731
        sen = d.get("seniority") or {}
        return cls(
            source=Source(**d["source"]),
            status=d["status"],
            errors=tuple(ErrorInfo(**e) for e in d.get("errors", [])),
            warnings=tuple(ErrorInfo(**e) for e in d.get("warnings", [])),
            text=d.get("text", ""),
            sections=tuple(Section(**s) for s in d.get("sections", [])),
            entries=tuple(Entry(**{**e, "dates": dates(e.get("dates"))}) for e in d.get("entries", [])),
            signals=tuple(Signal(**s) for s in d.get("signals", [])),
            flags=tuple(Flag(**f) for f in d.get("flags", [])),
            seniority=Seniority(level=sen.get("level", "unknown"), years=sen.get("years"),
                                evidence=tuple(sen.get("evidence", []))),
            score=d.get("score"),
            contributions=tuple(Contribution(**c) for c in d.get("contributions", [])),
            schema_version=d.get("schema_version", SCHEMA_VERSION),
        )
