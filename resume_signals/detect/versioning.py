"""The ``versioning`` family: DVC, model registry, data/model versioning, lakeFS, time travel, W&B artifacts, lineage.

Every rule and veto of this family is data (``data/signals/versioning.toml``): token
patterns, phrase lists and word-sense vetoes. This module only registers the
family; word sense lives in the vetoes so that a rule pack can extend it.
"""

from __future__ import annotations

from .families import Family, register


class VersioningFamily(Family):
    name = "versioning"


FAMILY = register(VersioningFamily())
