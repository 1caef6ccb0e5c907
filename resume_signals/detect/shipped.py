"""The ``shipped`` family: Past-tense 'shipped' for software, models, features, services, releases, products.

Every rule and veto of this family is data (``data/signals/shipped.toml``): token
patterns, phrase lists and word-sense vetoes. This module only registers the
family; word sense lives in the vetoes so that a rule pack can extend it.
"""

from __future__ import annotations

from .families import Family, register


class ShippedFamily(Family):
    name = "shipped"


FAMILY = register(ShippedFamily())
