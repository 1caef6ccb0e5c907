"""The pipeline: bytes -> document -> sections and entries -> signals -> score.

`Pipeline` holds everything that is costly to build (the spaCy pipeline, the
compiled rules and weights) so that a batch worker builds it once. `score`
never raises for a bad document: it returns a failed `Report` whose error
code says why.
"""

from __future__ import annotations

import datetime as dt
import logging
from pathlib import Path
from typing import TYPE_CHECKING

from . import extract
from .errors import BackendError, DocumentError, ErrorCode
from .limits import DEFAULT_LIMITS, Limits
from .report import ErrorInfo, Report, Source
from .sources import SourceLike, describe, load

if TYPE_CHECKING:
    from .spec.rules import RuleSet
    from .spec.weights import Weights

log = logging.getLogger(__name__)

AsOf = dt.date | str | None


def parse_as_of(as_of: AsOf) -> dt.date:
    """The reference date for "Present": a date, an ISO string, or today."""
    if as_of is None:
        return dt.date.today()
    if isinstance(as_of, dt.datetime):
        return as_of.date()
    if isinstance(as_of, dt.date):
        return as_of
    return dt.date.fromisoformat(str(as_of))


class Pipeline:
    """A configured scorer. Build once, call `score` many times.

    >>> from resume_signals import Pipeline
    >>> report = Pipeline().score(b"EXPERIENCE\\nML Engineer, Acme (2019 - 2021)\\n- Shipped a ranking model")
    >>> report.status
    'ok'
    """

    def __init__(self, *, rules: RuleSet | str | Path | None = None, weights: Weights | str | Path | None = None,
                 limits: Limits | None = None, redact: bool = False, backend: str = "pdfminer") -> None:
        from .detect import Detector
        from .spec.rules import RuleSet, load_rules
        from .spec.weights import Weights, load_weights

        self.rules = rules if isinstance(rules, RuleSet) else load_rules(rules)
        base = weights if isinstance(weights, Weights) else load_weights(weights)
        # A rule pack may define a new signal and weigh it: its name is a known key here.
        self.weights = base.with_overrides(self.rules.weights, new_signals=self.rules.signals)
        self.limits = limits or DEFAULT_LIMITS
        self.redact = redact
        self.backend = check_backend(backend)
        self.detector = Detector(self.rules)

    def with_settings(self, *, limits: Limits | None = None, redact: bool | None = None,
                      backend: str | None = None) -> Pipeline:
        """A new pipeline with other per-document settings, sharing this one's rules, weights and detector.

        The compiled parts depend on the rules alone, never on the limits or on
        redaction, so they are shared rather than built again; this pipeline is
        left as it is.
        """
        new = Pipeline.__new__(Pipeline)
        new.rules, new.weights, new.detector = self.rules, self.weights, self.detector
        new.limits = self.limits if limits is None else limits
        new.redact = self.redact if redact is None else redact
        new.backend = self.backend if backend is None else check_backend(backend)
        return new

    def score(self, source: SourceLike, *, as_of: AsOf = None) -> Report:
        """Score one document; a bad document gives a failed report, never an exception."""
        reference = parse_as_of(as_of)
        name, path = describe(source)
        try:
            loaded = load(source, self.limits)
        except DocumentError as exc:
            return failed_report(Source(name=name, path=path, format=None, sha256="", bytes=0), exc)
        src = Source(name=loaded.name, path=loaded.path, format=None, sha256=loaded.sha256, bytes=loaded.size)
        try:
            doc = extract.extract(loaded.data, limits=self.limits, backend=self.backend)
        except DocumentError as exc:
            return failed_report(src, exc)
        except MemoryError:  # the batch worker turns this into a `memory_limit` report
            raise
        except Exception as exc:  # a parser bug must not crash a batch
            log.exception("extraction failed for %s", name)
            message = f"The file could not be parsed ({type(exc).__name__})."
            return failed_report(src, DocumentError(ErrorCode.CORRUPT, message))
        src = Source(name=src.name, path=src.path, format=doc.format, sha256=src.sha256, bytes=src.bytes,
                     pages=doc.pages)
        try:
            return self._analyse(src, doc, reference)
        except MemoryError:
            raise
        except Exception as exc:
            log.exception("scoring failed for %s", name)
            message = f"Internal error while scoring ({type(exc).__name__}: {exc})."
            return failed_report(src, DocumentError(ErrorCode.INTERNAL_ERROR, message))

    def _analyse(self, src: Source, doc: extract.Document, as_of: dt.date) -> Report:
        from . import sections
        from .judge import flags, scoring, seniority

        if self.redact:
            from .redact import redact_document
            doc = redact_document(doc)
        secs = sections.find_sections(doc, self.rules)
        entries = sections.find_entries(doc, secs, self.rules)
        signals = self.detector.detect(doc, secs, entries)
        level = seniority.estimate(doc, secs, entries, as_of=as_of, rules=self.rules)
        raised = flags.raise_flags(doc, secs, entries, signals, level, self.rules)
        total, contributions = scoring.score(signals, raised, self.weights)
        warnings = tuple(ErrorInfo(code="extract_warning", message=w, stage="extract") for w in doc.warnings)
        errors: tuple[ErrorInfo, ...] = ()
        if doc.hidden is not None:  # scored, but the reader must know the file tried to hide text
            errors = (ErrorInfo(code=ErrorCode.HIDDEN_TEXT.value, stage="extract",
                                message=f"{doc.hidden.chars} characters of text a reader cannot see "
                                        f"({', '.join(doc.hidden.methods)}) were removed before scoring."),)
        if not sections.looks_like_resume(doc.text, secs, entries, redacted=self.redact):
            errors += (_not_a_resume(),)
        return Report(source=src, status="partial" if errors else "ok", errors=errors, warnings=warnings,
                      text=doc.text, sections=tuple(secs),
                      entries=tuple(entries), signals=tuple(signals), flags=tuple(raised), seniority=level,
                      score=total, contributions=tuple(contributions))


def _not_a_resume() -> ErrorInfo:
    exc = DocumentError(ErrorCode.NOT_A_RESUME)
    return ErrorInfo(code=exc.code.value, message=exc.message, stage=exc.stage)


def check_backend(backend: str) -> str:
    """``backend`` if it is a known PDF backend whose library is installed; else `BackendError` at once."""
    if backend not in extract.BACKENDS:
        raise BackendError(f"unknown PDF backend {backend!r}; choose one of {', '.join(extract.BACKENDS)}")
    if backend == "pdfium":
        from .extract.pdfium import available

        if not available():
            raise BackendError("the pdfium backend needs pypdfium2: pip install 'resume_signals[fast]'")
    return backend


def failed_report(src: Source, exc: DocumentError) -> Report:
    """A failed report: the error, no text, no findings."""
    return Report(source=src, status="failed",
                  errors=(ErrorInfo(code=exc.code.value, message=exc.message, stage=exc.stage),))


_default: Pipeline | None = None


def default_pipeline() -> Pipeline:
    """The process-wide pipeline with the bundled rules, built on first use."""
    global _default
    if _default is None:
        _default = Pipeline()
    return _default
