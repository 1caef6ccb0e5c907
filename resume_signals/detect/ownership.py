"""The ``ownership`` family: Owned, led, drove, architected, accountable/responsible for, end-to-end
ownership, tech lead of.

Every rule and veto of this family is data (``data/signals/ownership.toml``): token
patterns, phrase lists and word-sense vetoes. This module only registers the
family; word sense lives in the vetoes so that a rule pack can extend it.
"""

from __future__ import annotations

from .families import Family, register


class OwnershipFamily(Family):
    name = "ownership"


FAMILY = register(OwnershipFamily())
