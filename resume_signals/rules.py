"""Rule data: the bundled tables in ``data/`` merged with an optional user rule pack.

Rules are data; code runs them. `load_rules` reads the package's TOML files
with `importlib.resources` and, when given a user pack (TOML or YAML), merges
it on top after validating every key: a bad pack raises one `RulesError`
naming the file, the key and the problem, and nothing of it is applied.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Mapping


@dataclass(frozen=True)
class RuleSet:
    """Every rule table the pipeline runs, after merging.

    headings: section kind -> heading aliases (the sectioner's lexicon).
    signals: signal name -> its detection rules (patterns, phrases, sections).
    context: ConText modifier rules (direction, scope, pseudo, terminate).
    lexicons: named word tables (stack canonical names, architectures, ...).
    weights: overrides of the scoring weights, by key.
    sources: the files this set was loaded from, for error messages and debugging.
    """

    headings: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    signals: Mapping[str, Any] = field(default_factory=dict)
    context: tuple[Any, ...] = ()
    lexicons: Mapping[str, Any] = field(default_factory=dict)
    weights: Mapping[str, float] = field(default_factory=dict)
    sources: tuple[str, ...] = ()


def load_rules(extra: str | Path | None = None) -> RuleSet:
    """The bundled rules, with the user pack at ``extra`` merged on top when given."""
    raise NotImplementedError  # filled in by the detection work (issue 3)
