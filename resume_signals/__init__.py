"""resume_signals: read resumes the way a recruiter hiring production-ML engineers does.

>>> import resume_signals
>>> report = resume_signals.score(b"EXPERIENCE\\nML Engineer, Acme (2019 - 2021)\\n- Shipped a ranking model")
>>> [s.name for s in report.signals]
['shipped']
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from .errors import ErrorCode, ResumeSignalsError, RulesError
from .limits import Limits
from .pipeline import AsOf, Pipeline, default_pipeline
from .report import Report
from .sources import SourceLike

if TYPE_CHECKING:
    from .spec.rules import RuleSet
    from .spec.weights import Weights

__version__ = "0.1.0"

__all__ = ["ErrorCode", "Limits", "Pipeline", "Report", "ResumeSignalsError", "RulesError", "Weights", "fit_weights",
           "load_weights", "score", "score_many", "to_frame", "to_html", "to_json_resume", "__version__"]


def score(source: SourceLike, *, as_of: AsOf = None, rules: RuleSet | str | Path | None = None,
          weights: Weights | str | Path | None = None, limits: Limits | None = None,
          redact: bool = False, backend: str = "pdfminer") -> Report:
    """Score one resume (a path, bytes or a binary file object) into a `Report`.

    Bad input never raises: the report comes back with ``status == "failed"``
    and a stable error code. ``as_of`` (a date or "YYYY-MM-DD") is the date
    "Present" counts to; ``rules`` a user rule pack (TOML/YAML); ``weights``
    fitted weights (`fit_weights`); ``redact`` drops contact details; ``backend``
    the PDF reader: "pdfminer" (default) or "pdfium" (the ``[fast]`` extra).

    With only the defaults, one process-wide `Pipeline` serves every call. Any
    option builds a new pipeline per call: for many documents with options,
    build a `Pipeline` once or use `score_many`.
    """
    if rules is None and weights is None and limits is None and not redact and backend == "pdfminer":
        pipe = default_pipeline()
    else:
        pipe = Pipeline(rules=rules, weights=weights, limits=limits, redact=redact, backend=backend)
    return pipe.score(source, as_of=as_of)


def __getattr__(name: str) -> Any:
    # Heavier entry points load on first use: importing the package stays cheap.
    if name == "score_many":
        from .batch import score_many
        return score_many
    if name == "to_frame":
        from .outputs.frame import to_frame
        return to_frame
    if name == "to_html":  # outputs consume a Report; the report never imports them
        from .outputs.html import render_html
        return render_html
    if name == "to_json_resume":
        from .outputs.json_resume import to_json_resume
        return to_json_resume
    if name in ("fit_weights", "Weights", "load_weights"):
        from .spec import weights
        return getattr(weights, name)
    raise AttributeError(name)


def _register_report_views() -> None:
    """Give `Report` its views that live in ``outputs/`` (``contact``, ``skills``, ``_repr_html_``), imported on
    first use: the report module never imports the outputs that consume it."""
    from . import report

    def html(r: Report) -> str:
        from .outputs.html import render_html
        return render_html(r)

    def contact(r: Report) -> dict[str, Any]:
        from .outputs.json_resume import contact
        return contact(r)

    def skills(r: Report) -> list[str]:
        from .outputs.json_resume import skills
        return skills(r)

    report.VIEWS.update(html=html, contact=contact, skills=skills)


_register_report_views()


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
