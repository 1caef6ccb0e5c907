"""The ``outcomes`` and ``competition`` families: numbers that mean different jobs.

``outcome_metric`` (business or production results with a number: money,
latency, cost, conversion, users served, time saved), ``offline_metric``
(accuracy, F1, AUC, BLEU, mAP, RMSE... on a test set or leaderboard) and
``competition`` (Kaggle medals, ranks, tiers, hackathon prizes) are kept
apart by their regexes and vetoes in ``data/signals/outcomes.toml`` and
``competition.toml``: an offline metric word near a number vetoes the
outcome reading, a rank needs a competition cue in the same unit, and sports
vetoes competition. Numbers are regex work (spaCy tokens split "1.2M" and
"$220k" unevenly), so these rules are regexes over the unit text.
"""

from __future__ import annotations

from .families import Family, register


class OutcomesFamily(Family):
    name = "outcomes"


class CompetitionFamily(Family):
    name = "competition"


FAMILY = register(OutcomesFamily())
COMPETITION = register(CompetitionFamily())
