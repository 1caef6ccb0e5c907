"""The ``iteration`` family: Retraining, recalibration, post-mortems, post-launch analysis, production feedback loops.

Every rule and veto of this family is data (``data/signals/iteration.toml``): token
patterns, phrase lists and word-sense vetoes. This module only registers the
family; word sense lives in the vetoes so that a rule pack can extend it.
"""

from __future__ import annotations

from .families import Family, register


class IterationFamily(Family):
    name = "iteration"


FAMILY = register(IterationFamily())
