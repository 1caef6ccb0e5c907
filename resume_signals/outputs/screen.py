"""The pre-screen: PASS or FAIL for one report, with reasons and the questions to ask.

A pre-screen script must make a decision a recruiter can defend, so every
result says why (score against the minimum, required signals, rejected
flags). A missing production signal is not proof that the candidate lacks
the experience (the resume may just not say it), so for each one the result
carries the interview question a recruiter should ask instead, from
``data/questions.toml``.

The screen is for production ML: a required signal counts only when its
evidence is about an ML system (its ``ml`` is true), so a web release does not
meet ``--require deployed``; ``any_domain=True`` (``--any-domain``) counts
every domain.

`screen` is pure: the CLI's ``screen`` subcommand calls it per report and maps
results to exit codes (0 all pass, 3 any fail, 1 any failed document).

>>> from resume_signals.report import Report, Signal, Source
>>> src = Source(name="cv.pdf", path=None, format="pdf", sha256="0", bytes=1)
>>> sig = Signal("shipped", "Shipped X", "Shipped", 0, 7, "experience", "r", ml=True)
>>> result = screen(Report(source=src, score=55.0, signals=(sig,)), min_score=50, require=["monitoring"])
>>> result.passed, result.status, result.reasons
(False, 'fail', ('required signal missing: monitoring',))
>>> [q.signal for q in result.questions][:2]
['deployed', 'monitoring']
"""

from __future__ import annotations

import functools
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from ..errors import RulesError
from ..report import Report, printable
from ..spec.data import data_toml
from ..spec.vocab import FLAGS, SIGNALS

PASS, FAIL, ERROR = "pass", "fail", "error"
NOT_A_RESUME = "not_a_resume"


@dataclass(frozen=True)
class Question:
    """What to ask when ``signal`` is missing, and what a good answer contains."""

    signal: str
    question: str
    listen_for: str

    def to_dict(self) -> dict[str, Any]:
        return {"signal": self.signal, "question": self.question, "listen_for": self.listen_for}


@dataclass(frozen=True)
class ScreenResult:
    """The decision for one resume.

    ``status`` is ``pass``, ``fail`` or ``error`` (the document could not be
    read; ``passed`` is False, ``error_code`` is the report's first error
    code and ``reasons`` holds the messages). ``missing``
    lists the production signals not found (plus any required signal not
    found), ``questions`` the interview question for each of them.
    """

    file: str
    passed: bool
    status: str
    score: float | None
    reasons: tuple[str, ...]
    missing: tuple[str, ...] = ()
    questions: tuple[Question, ...] = ()
    error_code: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"file": self.file, "passed": self.passed, "status": self.status, "score": self.score,
                "error_code": self.error_code, "reasons": list(self.reasons), "missing": list(self.missing),
                "questions": [q.to_dict() for q in self.questions]}

    def format_line(self) -> str:
        """One line: verdict, score, file and the first reason (a compact list of many resumes)."""
        score = "—" if self.score is None else f"{self.score:.1f}"
        why = self.reasons[0] if self.reasons else ""
        return f"{self.status.upper():5} {score:>5}  {self.file}  {why}".rstrip()

    def format_text(self, *, questions: bool = True) -> str:
        """Readable lines for a terminal: the verdict, the reasons, then (``questions``) what to ask."""
        score = "—" if self.score is None else f"{self.score:.1f}"
        lines = [f"{self.status.upper():5} {printable(self.file)}  score {score}"]
        lines += [f"      - {printable(r)}" for r in self.reasons]
        if self.missing:
            lines.append(f"      missing: {', '.join(self.missing)}")
        for q in self.questions if questions else ():
            lines.append(f"      ask ({q.signal}): {q.question}")
            lines.append(f"          listen for: {q.listen_for}")
        return "\n".join(lines)


@functools.lru_cache(maxsize=1)
def load_questions() -> tuple[Question, ...]:
    """The bundled interview questions, one per production signal, in file order."""
    try:
        data = data_toml("questions.toml")
    except tomllib.TOMLDecodeError as exc:
        raise RulesError(f"data/questions.toml: {exc}") from exc
    out = []
    for signal, entry in data.items():
        if not isinstance(entry, dict):
            raise RulesError(f"data/questions.toml: [{signal}] must be a table")
        if signal not in SIGNALS:
            raise RulesError(f"data/questions.toml: [{signal}] is not a signal (signals: {', '.join(SIGNALS)})")
        fields = {k: entry.get(k) for k in ("question", "listen_for")}
        for key, value in fields.items():
            if not isinstance(value, str) or not value.strip():
                raise RulesError(f"data/questions.toml: [{signal}] needs a non-empty '{key}'")
        out.append(Question(signal=signal, question=str(fields["question"]).strip(),
                            listen_for=str(fields["listen_for"]).strip()))
    return tuple(out)


def production_signals() -> tuple[str, ...]:
    """The signals a pre-screen asks about when missing (those with a question)."""
    return tuple(q.signal for q in load_questions())


def check_names(require: Iterable[str] = (), reject_flags: Iterable[str] = (), *,
                extra_signals: Iterable[str] = (), extra_flags: Iterable[str] = ()) -> None:
    """Raise ValueError for a required signal or rejected flag nobody could ever find (a typo).

    ``extra_*`` add names a user rule pack defines. The CLI turns the error
    into a usage error (exit 2) before scoring anything.
    """
    signals = set(SIGNALS) | set(extra_signals)
    flags = set(FLAGS) | set(extra_flags)
    bad = [f"unknown signal {n!r}" for n in require if n not in signals]
    bad += [f"unknown flag {n!r}" for n in reject_flags if n not in flags]
    if bad:
        raise ValueError("; ".join(bad) + f" (signals: {', '.join(sorted(signals))}; "
                         f"flags: {', '.join(sorted(flags))})")


def screen(report: Report, *, min_score: float, require: Iterable[str] = (),
           reject_flags: Iterable[str] = (), any_domain: bool = False) -> ScreenResult:
    """Decide PASS or FAIL for one report.

    Passes when the document was read, its score is at least ``min_score``,
    every signal in ``require`` was found about an ML system (about any
    software with ``any_domain``) and no flag in ``reject_flags`` was raised.
    Raises ValueError for an unknown name or a minimum outside 0-100.
    """
    require = tuple(dict.fromkeys(require))
    reject_flags = tuple(dict.fromkeys(reject_flags))
    if not 0 <= float(min_score) <= 100:
        raise ValueError(f"min_score must be between 0 and 100, not {min_score}")
    check_names(require, reject_flags, extra_signals=(s.name for s in report.signals),
                extra_flags=(f.name for f in report.flags))
    file = report.source.path or report.source.name
    if report.status == "failed":
        why = tuple(f"document could not be read: {e.code}: {e.message}" for e in report.errors)
        return ScreenResult(file=file, passed=False, status=ERROR, score=None,
                            reasons=why or ("document could not be read",), error_code=report.error_code)
    found = {s.name for s in report.signals if s.ml or any_domain}
    elsewhere = {s.name for s in report.signals} - found
    failing: list[str] = [f"not a resume: {e.message}" for e in report.errors if e.code == NOT_A_RESUME]
    passing: list[str] = []
    score = report.score
    if score is None or score < min_score:
        failing.append(f"score {'—' if score is None else f'{score:.1f}'} is below the minimum {min_score:g}")
    else:
        passing.append(f"score {score:.1f} meets the minimum {min_score:g}")
    absent = [n for n in require if n not in found]
    failing += [f"required signal missing: {n}" + (" (found only on other software than ML)" if n in elsewhere else "")
                for n in absent]
    if require and not absent:
        passing.append(f"required signals found: {', '.join(require)}")
    raised = {f.name: f for f in report.flags}
    failing += [f"rejected flag raised: {n} ({raised[n].reason})" for n in reject_flags if n in raised]
    if reject_flags and not any(n in raised for n in reject_flags):
        passing.append(f"no rejected flag raised ({', '.join(reject_flags)})")
    missing = [n for n in production_signals() if n not in found]
    missing += [n for n in absent if n not in missing]
    questions = {q.signal: q for q in load_questions()}
    passed = not failing
    return ScreenResult(file=file, passed=passed, status=PASS if passed else FAIL, score=score,
                        reasons=tuple(passing if passed else failing), missing=tuple(missing),
                        questions=tuple(questions[n] for n in missing if n in questions))
