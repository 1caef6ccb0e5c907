"""The report's JSON Schema (draft 2020-12), shipped inside the package.

ATS integrations validate what they store against it; the tests validate every
report they produce against it, so the schema and ``Report.to_dict()`` cannot
drift apart. The enums (error codes, section kinds, seniority levels) are the
contract's closed vocabularies; signal and flag names are open strings because
a user rule pack may define new ones.

>>> load_schema()["properties"]["schema_version"]["const"]
'2'
"""

from __future__ import annotations

import functools
import json
from typing import Any

from .spec.data import data_text

SCHEMA_RESOURCE = "report.schema.json"


@functools.lru_cache(maxsize=1)
def _schema_text() -> str:
    return data_text(SCHEMA_RESOURCE)


def load_schema() -> dict[str, Any]:
    """The report schema as a fresh dict (callers may modify it)."""
    schema: dict[str, Any] = json.loads(_schema_text())
    return schema
