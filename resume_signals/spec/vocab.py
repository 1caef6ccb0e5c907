"""The vocabulary: every signal, flag, section-kind, level and production-act name, defined once.

Names come from the bundled data wherever the data defines them, so adding a
signal means adding its TOML file (``data/signals/``), its row in
``weights.toml`` and its tests; the outputs (frame columns, HTML colours,
the pre-screen's name check), the questions and the flags take the names
from here.

- `SIGNALS`: the signals the bundled TOML files define, in the order of the
  ``[signals]`` rows of ``weights.toml`` (the order of SIGNALS.md: the six
  production acts first); a signal without a weights row comes last, by name.
- `PRODUCTION_ACTS`: ``production_signals`` of ``flags.toml``.
- `SECTION_KINDS`: the ``priority`` list of ``headings.toml`` (every kind the
  sectioner can assign).
- `FLAGS` and `LEVELS` are the code's own: each flag and each level is
  computed by code (``judge/``), so its name is defined here for all to share.
"""

from __future__ import annotations

from .data import data_files, data_toml


def _signals() -> tuple[str, ...]:
    defined = [name for file in data_files("signals") for name in data_toml(file).get("signals", {})]
    rows = list(data_toml("weights.toml").get("signals", {}))
    return tuple(sorted(defined, key=lambda n: (rows.index(n) if n in rows else len(rows), n)))


SIGNALS: tuple[str, ...] = _signals()
"""Every bundled signal, in the specification's order."""

PRODUCTION_ACTS: tuple[str, ...] = tuple(data_toml("flags.toml")["production_signals"])
"""The acts of running software in production (shipped, deployed, ...): what a production-ML screen looks for."""

SECTION_KINDS: tuple[str, ...] = tuple(data_toml("headings.toml")["meta"]["priority"])
"""Every section kind, in the sectioner's priority order (the first listed wins a two-kind heading)."""

PADDING = "architecture_padding"
MISSING_PRODUCTION = "missing_production_signals"
COMPETITION_ONLY = "competition_without_production"
NO_ML_PRODUCTION = "no_ml_production"
HIDDEN_TEXT = "hidden_text"
OBFUSCATED_TEXT = "obfuscated_text"
FLAGS: tuple[str, ...] = (PADDING, MISSING_PRODUCTION, COMPETITION_ONLY, NO_ML_PRODUCTION, HIDDEN_TEXT,
                          OBFUSCATED_TEXT)
"""The document-level flags (see `judge.flags`)."""
INTEGRITY_FLAGS: tuple[str, ...] = (HIDDEN_TEXT, OBFUSCATED_TEXT)
"""The flags about the file rather than the career: raised from how the text is drawn, not what it says."""

LEVELS: tuple[str, ...] = ("unknown", "junior", "mid", "senior", "staff_plus")
"""Seniority levels, lowest first (``unknown`` when nothing dates the career)."""
