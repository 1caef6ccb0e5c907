"""The ``ab_testing`` family: A/B tests, online/controlled experiments, holdouts, bandits,
interleaving, experiment platforms.

Every rule and veto of this family is data (``data/signals/ab_testing.toml``): token
patterns, phrase lists and word-sense vetoes. This module only registers the
family; word sense lives in the vetoes so that a rule pack can extend it.
"""

from __future__ import annotations

from .families import Family, register


class AbTestingFamily(Family):
    name = "ab_testing"


FAMILY = register(AbTestingFamily())
