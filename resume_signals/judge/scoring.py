"""The 0-100 score: signal contributions with diminishing returns, minus padding.

The formula, every number of which lives in `Weights` (data/weights.toml):

    points(signal) = weight[signal] * (1 + decay + decay**2 + ... , one term per mention)
                   = weight[signal] * (1 - decay**count) / (1 - decay)     when every mention is about ML;
                     the ML mentions take the first terms, each other one's term is multiplied by non_ml
    positive       = min(cap, sum of points over signal names)
    score          = max(0, positive - padding_penalty if architecture_padding is raised)

Why this shape: the first mention of an act (a shipped model, a rollback)
is the evidence; repeats corroborate it but should not let one signal drown
the rest, so each repeat is worth ``decay`` of the one before and a signal
can never earn more than ``weight / (1 - decay)``. Breadth of evidence
therefore beats repetition, which is how a recruiter reads a resume. The
screen is for production ML: evidence about other software (a signal whose
``ml`` is false) earns ``non_ml`` of its term (a quarter by default).

Every point is traceable: each contribution is rounded to one decimal and
the score is their exact sum. One
`Contribution` per signal name found (zero-weight ones included, so the
report shows that a competition was seen and earned nothing), then ``cap``
(negative: the part of the evidence above the cap) when the cap bites, then
``architecture_padding`` (negative) when the flag is raised. The score reads
signal names and flags only: never text, names, contact details or schools.

>>> from resume_signals.report import Signal
>>> from resume_signals.spec.weights import Weights
>>> sig = lambda n, ml=True: Signal(n, "t", "t", 0, 1, "experience", "r", ml=ml)
>>> total, parts = score([sig("shipped"), sig("shipped")], [], Weights({"shipped": 10.0}))
>>> total, [(c.name, c.count, c.points) for c in parts]
(15.0, [('shipped', 2, 15.0)])
>>> score([sig("shipped", ml=False), sig("shipped")], [], Weights({"shipped": 10.0}, non_ml=0.2))[0]
11.0
"""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from ..report import Contribution
from ..spec.weights import PADDING_FLAG

if TYPE_CHECKING:
    from ..report import Flag, Signal
    from ..spec.weights import Weights

#: Name of the contribution that removes evidence above the cap.
CAP = "cap"


def score(signals: list[Signal], flags: list[Flag], weights: Weights) -> tuple[float, list[Contribution]]:
    """The score (0-100, one decimal) and the contributions that add up to it.

    Signal contributions are sorted by points (largest first), then name, so
    that the same signals give the same list whatever their order.
    """
    counts = Counter(sig.name for sig in signals)
    ml = Counter(sig.name for sig in signals if sig.ml)
    contributions = sorted((Contribution(name=name, count=count, ml=ml[name],
                                         points=round(weights.points(name, count, ml[name]), 1))
                            for name, count in counts.items()),
                           key=lambda c: (-c.points, c.name))
    total = round(sum(c.points for c in contributions), 1)
    if total > weights.cap:
        contributions.append(Contribution(name=CAP, count=0, points=round(weights.cap - total, 1)))
        total = round(weights.cap, 1)
    padding = sum(1 for f in flags if f.name == PADDING_FLAG)
    if padding:
        penalty = round(min(weights.padding_penalty, total), 1)
        contributions.append(Contribution(name=PADDING_FLAG, count=padding, points=-penalty if penalty else 0.0))
        total = round(total - penalty, 1)
    return max(0.0, total), contributions
