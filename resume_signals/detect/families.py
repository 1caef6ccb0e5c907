"""Signal families: the small pieces of code a signal needs beyond its rule data.

Most families only name themselves (their rules and vetoes are all data); a
few compute the signal's ``value``: ``team`` parses the stated size,
``stack`` carries the canonical tool name found by the stack lexicon. A rule
pack's new signal uses the ``generic`` family unless it names another.
"""

from __future__ import annotations

from typing import Any


class Family:
    """Default hooks: accept every candidate that survived the rules, keep its value."""

    name = "generic"

    def finish(self, signal: str, match: str, value: Any) -> tuple[bool, Any]:
        """Accept or reject a candidate after vetoes, and compute its reported value."""
        return True, value


_REGISTRY: dict[str, Family] = {"generic": Family()}
_LOADED = False


def register(family: Family) -> Family:
    _REGISTRY[family.name] = family
    return family


def family_for(name: str) -> Family:
    """The family hooks for a signal (modules are imported on first use)."""
    global _LOADED
    if not _LOADED:
        from . import (  # noqa: F401  (each module registers its family)
            ab_testing,
            deployed,
            iteration,
            monitoring,
            outcomes,
            ownership,
            rollback,
            shipped,
            stack,
            team,
            versioning,
        )
        _LOADED = True
    return _REGISTRY.get(name, _REGISTRY["generic"])
