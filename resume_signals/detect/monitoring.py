"""The ``monitoring`` family: Monitoring, alerting, dashboards, drift, observability, SLOs, on-call on
a live system or model.

Every rule and veto of this family is data (``data/signals/monitoring.toml``): token
patterns, phrase lists and word-sense vetoes. This module only registers the
family; word sense lives in the vetoes so that a rule pack can extend it.
"""

from __future__ import annotations

from .families import Family, register


class MonitoringFamily(Family):
    name = "monitoring"


FAMILY = register(MonitoringFamily())
