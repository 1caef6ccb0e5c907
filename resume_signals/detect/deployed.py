"""The ``deployed`` family: Deployed / launched / released / rolled out / productionized / put into
production / went live.

Every rule and veto of this family is data (``data/signals/deployed.toml``): token
patterns, phrase lists and word-sense vetoes. This module only registers the
family; word sense lives in the vetoes so that a rule pack can extend it.
"""

from __future__ import annotations

from .families import Family, register


class DeployedFamily(Family):
    name = "deployed"


FAMILY = register(DeployedFamily())
