"""Scoring weights: the bundled defaults (data/weights.toml), overrides, and fitting."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Weights:
    """Per-signal weights and the padding penalty."""

    def with_overrides(self, overrides: Mapping[str, float]) -> Weights:
        raise NotImplementedError  # issue 3


def load_weights(path: str | Path | None = None) -> Weights:
    raise NotImplementedError  # issue 3
