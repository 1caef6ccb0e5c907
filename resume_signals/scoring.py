"""The 0-100 score: signal contributions with diminishing returns, minus padding."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .report import Contribution, Flag, Signal
    from .weights import Weights


def score(signals: list[Signal], flags: list[Flag], weights: Weights) -> tuple[float, list[Contribution]]:
    raise NotImplementedError  # issue 3
