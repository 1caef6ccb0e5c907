"""The ``rollback`` family: Rollback, canary, staged rollout, blue-green, shadow mode, challenger
models, kill switches, flags.

Every rule and veto of this family is data (``data/signals/rollback.toml``): token
patterns, phrase lists and word-sense vetoes. This module only registers the
family; word sense lives in the vetoes so that a rule pack can extend it.
"""

from __future__ import annotations

from .families import Family, register


class RollbackFamily(Family):
    name = "rollback"


FAMILY = register(RollbackFamily())
