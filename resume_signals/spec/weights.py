"""Scoring weights: the bundled defaults (data/weights.toml), overrides, save/load and fitting.

The score (see `resume_signals.judge.scoring`) is a weighted sum of diminishing-returns
counts, one per signal name (evidence about other software than ML counting ``non_ml``
of its weight), capped, minus a padding penalty. `Weights` holds
every number of that formula, so a team can change one weight (a rule pack's
``[weights]`` table, `Weights.with_overrides`), load a whole set from a file
(``--weights FILE``), or learn a set from its own screening history
(`fit_weights`). Weights files are small JSON documents; the bundled defaults
are TOML so they can carry comments explaining each number.

>>> w = load_weights()
>>> w.points("shipped", 1) == w.signals["shipped"]
True
>>> w.with_overrides({"shipped": 10}).signals["shipped"]
10.0
"""

from __future__ import annotations

import json
import logging
import math
import tomllib
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

from ..errors import RulesError
from .data import data_toml
from .vocab import PADDING

if TYPE_CHECKING:
    from ..report import Report

log = logging.getLogger(__name__)

FORMAT = "resume_signals.spec.weights"
#: Keys of `with_overrides` that are not signal names.
PARAMETER_KEYS = ("decay", "cap", "padding_penalty", "non_ml")
_TOP_KEYS = {"format", "version", "source", "decay", "cap", "padding_penalty", "non_ml", "signals", "meta"}
#: The flag whose presence costs ``padding_penalty`` points.
PADDING_FLAG = PADDING


class _FrozenMap(Mapping[str, float]):
    """A read-only, hashable, picklable name -> weight mapping (sorted by name).

    A plain dict would make the frozen `Weights` unhashable and mutable by
    accident; ``MappingProxyType`` cannot be pickled into batch workers.
    """

    __slots__ = ("_items",)

    def __init__(self, items: Mapping[str, float]) -> None:
        self._items = dict(sorted(items.items()))

    def __getitem__(self, key: str) -> float:
        return self._items[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._items)

    def __len__(self) -> int:
        return len(self._items)

    def __hash__(self) -> int:
        return hash(tuple(self._items.items()))

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Mapping):
            return dict(self._items) == dict(other)
        return NotImplemented

    def __repr__(self) -> str:
        return repr(self._items)

    def __reduce__(self) -> tuple[Any, ...]:
        return (_FrozenMap, (self._items,))


def diminishing(count: int, decay: float) -> float:
    """How many "first mentions" ``count`` repeats are worth: 1 + decay + decay**2 + ...

    This is the one feature both `scoring.score` and `fit_weights` use, so a
    fitted weight means exactly what a hand-set one does.

    >>> diminishing(0, 0.5), diminishing(1, 0.5), diminishing(3, 0.5)
    (0.0, 1.0, 1.75)
    """
    if count <= 0:
        return 0.0
    if decay == 0:
        return 1.0
    return (1.0 - decay ** count) / (1.0 - decay)


def mentions(ml: int, other: int, decay: float, non_ml: float) -> float:
    """What ``ml`` mentions about ML systems and ``other`` about other software are worth, in first mentions.

    The ML mentions come first and count fully; each other mention then counts ``non_ml`` of what
    it would have. So a bullet about a web release never outranks the same act on a model, and the
    decay runs over all mentions of the signal: repeats still add less and less.

    >>> mentions(2, 0, 0.5, 1 / 3), mentions(0, 1, 0.5, 0.25), mentions(1, 1, 0.5, 0.25)
    (1.5, 0.25, 1.125)
    """
    return diminishing(ml, decay) + decay ** max(ml, 0) * non_ml * diminishing(other, decay)


def _fail(where: str, key: str, problem: str) -> NoReturn:
    raise RulesError(f"{where}: key {key!r}: {problem}")


def _number(where: str, key: str, value: object) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        _fail(where, key, f"expected a number, got {type(value).__name__} {value!r}")
    number = float(value)
    if not math.isfinite(number):
        _fail(where, key, f"expected a finite number, got {value!r}")
    return number


@dataclass(frozen=True)
class Weights:
    """Every number of the scoring formula, with where it came from.

    signals: signal name -> points for its first mention (>= 0).
    decay: each repeat of a signal earns ``decay`` times the previous one (0 <= decay < 1).
    cap: the most the positive evidence can add up to.
    padding_penalty: points taken off when ``architecture_padding`` is raised (>= 0).
    non_ml: the share of a signal's points that evidence about other software than ML earns (0 to 1).
    version, source: provenance ("bundled", a file path, "fitted"), shown in reports and files.
    meta: free-form details (e.g. how a fitted set was fitted); not part of equality.
    """

    signals: Mapping[str, float]
    decay: float = 0.5
    cap: float = 100.0
    padding_penalty: float = 10.0
    non_ml: float = 0.25
    version: str = "1"
    source: str = "custom"
    meta: Mapping[str, Any] = field(default_factory=dict, compare=False, hash=False)

    def __post_init__(self) -> None:
        where = f"weights ({self.source})"
        clean: dict[str, float] = {}
        for name, value in self.signals.items():
            if not isinstance(name, str) or not name:
                _fail(where, str(name), "a signal name must be a non-empty string")
            number = _number(where, name, value)
            if number < 0:
                _fail(where, name, f"a signal weight must be >= 0, got {number}")
            clean[name] = number
        object.__setattr__(self, "signals", _FrozenMap(clean))
        decay = _number(where, "decay", self.decay)
        if not 0 <= decay < 1:
            _fail(where, "decay", f"must be in [0, 1), got {decay}")
        cap = _number(where, "cap", self.cap)
        if cap <= 0:
            _fail(where, "cap", f"must be > 0, got {cap}")
        penalty = _number(where, "padding_penalty", self.padding_penalty)
        if penalty < 0:
            _fail(where, "padding_penalty", f"must be >= 0, got {penalty}")
        non_ml = _number(where, "non_ml", self.non_ml)
        if not 0 <= non_ml <= 1:
            _fail(where, "non_ml", f"must be in [0, 1], got {non_ml}")
        object.__setattr__(self, "non_ml", non_ml)
        object.__setattr__(self, "decay", decay)
        object.__setattr__(self, "cap", cap)
        object.__setattr__(self, "padding_penalty", penalty)
        object.__setattr__(self, "version", str(self.version))
        object.__setattr__(self, "meta", dict(self.meta))

    def weight(self, name: str) -> float:
        """The first-mention weight of a signal; 0 for a name this set does not know."""
        return self.signals.get(name, 0.0)

    def points(self, name: str, count: int, ml: int | None = None) -> float:
        """Points for ``count`` mentions of ``name``, ``ml`` of them about ML (all when None), before the cap."""
        ml = count if ml is None else ml
        return self.weight(name) * mentions(ml, count - ml, self.decay, self.non_ml)

    def with_overrides(self, overrides: Mapping[str, Any], *, new_signals: Iterable[str] = ()) -> Weights:
        """A copy with some numbers changed (a rule pack's ``[weights]`` table).

        Keys are signal names this set knows, or ``decay``, ``cap``,
        ``padding_penalty``. An unknown key is a typo until proven otherwise,
        so it raises `RulesError`; a rule pack that defines a new signal
        passes its name in ``new_signals`` to give it a weight.
        """
        if not overrides:
            return self
        allowed_new = set(new_signals)
        signals = dict(self.signals)
        params: dict[str, float] = {"decay": self.decay, "cap": self.cap, "padding_penalty": self.padding_penalty,
                                    "non_ml": self.non_ml}
        where = "weight overrides"
        for key, value in overrides.items():
            if key in PARAMETER_KEYS:
                params[key] = _number(where, key, value)
            elif key in signals or key in allowed_new:
                signals[key] = _number(where, key, value)
            else:
                known = ", ".join([*sorted(signals), *PARAMETER_KEYS])
                _fail(where, key, f"unknown weight (known: {known})")
        return Weights(signals=signals, version=self.version, source=f"{self.source}+overrides",
                       meta=self.meta, **params)

    def to_dict(self) -> dict[str, Any]:
        """The JSON form `save` writes and `from_dict` reads."""
        return {"format": FORMAT, "version": self.version, "source": self.source, "decay": self.decay,
                "cap": self.cap, "padding_penalty": self.padding_penalty, "non_ml": self.non_ml,
                "signals": dict(self.signals),
                "meta": dict(self.meta)}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any], *, where: str = "weights") -> Weights:
        """Rebuild from `to_dict` output (or the bundled TOML); unknown keys raise `RulesError`."""
        if not isinstance(data, Mapping):
            raise RulesError(f"{where}: expected a table of weights, got {type(data).__name__}")
        for key in data:
            if key not in _TOP_KEYS:
                _fail(where, key, f"unknown key (expected one of {', '.join(sorted(_TOP_KEYS))})")
        if data.get("format", FORMAT) != FORMAT:
            _fail(where, "format", f"expected {FORMAT!r}, got {data.get('format')!r}")
        signals = data.get("signals")
        if not isinstance(signals, Mapping):
            _fail(where, "signals", "missing, or not a table of signal name -> weight")
        meta = data.get("meta", {})
        if not isinstance(meta, Mapping):
            _fail(where, "meta", "must be a table")
        try:
            return cls(signals=signals, decay=data.get("decay", 0.5), cap=data.get("cap", 100.0),
                       padding_penalty=data.get("padding_penalty", 10.0), non_ml=data.get("non_ml", 0.25),
                       version=str(data.get("version", "1")),
                       source=str(data.get("source", where)), meta=meta)
        except RulesError as exc:
            raise RulesError(f"{where}: {exc}") from None

    def save(self, path: str | Path) -> Path:
        """Write the weights as a small, stable JSON file that `load_weights` reads back."""
        target = Path(path)
        target.write_text(json.dumps(self.to_dict(), indent=2, sort_keys=True) + "\n", encoding="utf-8")
        return target


def _bundled() -> dict[str, Any]:
    return data_toml("weights.toml")


def load_weights(path: str | Path | None = None) -> Weights:
    """The bundled default weights, or a weights file (JSON from `Weights.save`, or TOML).

    A file that cannot be read or holds a wrong key raises one `RulesError`
    naming the file and the key.
    """
    if path is None:
        data = _bundled()
        data.setdefault("source", "bundled")
        return Weights.from_dict(data, where="bundled weights.toml")
    where = str(path)
    try:
        text = Path(path).read_text(encoding="utf-8")
    except OSError as exc:
        raise RulesError(f"{where}: cannot read the weights file ({exc.strerror or exc})") from None
    try:
        if Path(path).suffix.lower() == ".toml":
            data = tomllib.loads(text)
        else:
            data = json.loads(text)
    except (ValueError, tomllib.TOMLDecodeError) as exc:
        raise RulesError(f"{where}: not a valid weights file ({exc})") from None
    if isinstance(data, dict):
        data.setdefault("source", where)
    return Weights.from_dict(data, where=where)


# --------------------------------------------------------------------------- fitting


def _as_report(item: Report | Mapping[str, Any]) -> Report:
    from ..report import Report

    if isinstance(item, Report):
        return item
    if isinstance(item, Mapping):
        return Report.from_dict(dict(item))
    raise TypeError(f"expected a Report or its to_dict() form, got {type(item).__name__}")


def _as_label(value: object) -> int:
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, int | float) and value in (0, 1):
        return int(value)
    if isinstance(value, str) and value.strip().lower() in ("1", "true", "yes", "pass", "advance", "hired"):
        return 1
    if isinstance(value, str) and value.strip().lower() in ("0", "false", "no", "fail", "reject", "rejected"):
        return 0
    raise ValueError(f"a decision must be a bool or 0/1, got {value!r}")


def features(report: Report, names: Sequence[str], decay: float, non_ml: float = 0.25) -> list[float]:
    """One row of the fitting matrix: each signal's `mentions` (as the score counts them), then the padding flag.

    The padding column is negated (-1 when the flag is raised) so that every
    coefficient the fit may use is constrained the same way: >= 0.
    """
    ml: dict[str, int] = {}
    other: dict[str, int] = {}
    for sig in report.signals:
        tally = ml if sig.ml else other
        tally[sig.name] = tally.get(sig.name, 0) + 1
    row = [mentions(ml.get(name, 0), other.get(name, 0), decay, non_ml) for name in names]
    row.append(-1.0 if any(f.name == PADDING_FLAG for f in report.flags) else 0.0)
    return row


def fit_weights(reports: Iterable[Report | Mapping[str, Any]], decisions: Iterable[object], *, C: float = 1.0,
                base: Weights | None = None) -> Weights:
    """Learn per-signal weights and the padding penalty from past screening decisions.

    ``decisions[i]`` says whether ``reports[i]`` was advanced (True/1) or not.
    The model is scikit-learn's L2-regularised logistic regression (``C`` as
    in sklearn: smaller is stronger regularisation) on exactly the features
    the score adds up: each signal's diminishing-returns count, plus the
    padding flag. Evidence of production work must never lower a score, so
    the weights are kept non-negative by an active-set loop: fit, drop the
    most negative coefficient's feature (its weight becomes 0), refit, until
    no coefficient is negative. The coefficients are then rescaled so that
    their total equals the total of ``base``'s weights (the bundled defaults
    unless given): the score keeps its 0-100 range and only the balance
    between signals is learnt. The intercept (the team's pass rate) is
    dropped; it shifts every resume equally. Signals that never occur in
    ``reports`` cannot be learnt and keep ``base``'s (rescaled) weight.

    Failed reports are skipped with their decisions.
    """
    import numpy as np
    from sklearn.linear_model import LogisticRegression

    base = base or load_weights()
    rows = [_as_report(r) for r in reports]
    labels = [_as_label(d) for d in decisions]
    if len(rows) != len(labels):
        raise ValueError(f"got {len(rows)} reports but {len(labels)} decisions; they must be aligned")
    pairs = [(r, y) for r, y in zip(rows, labels, strict=True) if r.ok]
    if len(pairs) < len(rows):
        log.info("fit_weights: skipped %d failed reports", len(rows) - len(pairs))
    ys = [y for _, y in pairs]
    if len(set(ys)) < 2:
        raise ValueError("fit_weights needs both advanced and rejected resumes among the (non-failed) reports")
    names = sorted(set(base.signals) | {s.name for r, _ in pairs for s in r.signals})
    X = np.array([features(r, names, base.decay, base.non_ml) for r, _ in pairs], dtype=float)
    y = np.array(ys, dtype=int)
    varying = [j for j in range(X.shape[1]) if np.ptp(X[:, j]) > 0]
    active = list(varying)
    coef = np.zeros(X.shape[1])
    intercept = 0.0
    dropped: list[str] = []
    all_names = [*names, PADDING_FLAG]
    while active:
        model = LogisticRegression(C=C, max_iter=2000)
        model.fit(X[:, active], y)
        fitted = model.coef_[0]
        intercept = float(model.intercept_[0])
        worst = int(np.argmin(fitted))
        if fitted[worst] >= 0:
            coef[:] = 0.0
            coef[active] = fitted
            break
        dropped.append(all_names[active[worst]])
        del active[worst]
    learnt = [j for j in varying if j < len(names)]
    unseen = [j for j in range(len(names)) if j not in varying]
    learnt_total = float(sum(coef[j] for j in learnt))
    base_learnt_total = sum(base.weight(names[j]) for j in learnt)
    if learnt_total <= 0:
        raise ValueError("no signal separates the advanced resumes from the rejected ones; nothing to learn")
    scale = base_learnt_total / learnt_total if base_learnt_total > 0 else sum(base.signals.values()) / learnt_total
    signals = {names[j]: round(float(coef[j]) * scale, 4) for j in learnt}
    for j in unseen:
        signals[names[j]] = base.weight(names[j])
    padding_col = len(names)
    if padding_col in varying:
        penalty = round(float(coef[padding_col]) * scale, 4)
    else:
        penalty = base.padding_penalty
    meta = {"fitted_on": len(pairs), "advanced": int(y.sum()), "C": C, "intercept": round(intercept, 6),
            "scale": round(scale, 6), "zeroed": sorted(dropped), "kept_default": sorted(names[j] for j in unseen),
            "padding_learnt": padding_col in varying}
    return Weights(signals=signals, decay=base.decay, cap=base.cap, padding_penalty=penalty, non_ml=base.non_ml,
                   version=base.version, source="fitted", meta=meta)
