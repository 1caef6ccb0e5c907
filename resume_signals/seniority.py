"""Seniority from experience entry dates and titles (see SIGNALS.md, "Seniority")."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from .report import Seniority

if TYPE_CHECKING:
    from .document import Document
    from .report import Entry, Section
    from .rules import RuleSet


def estimate(doc: Document, sections: list[Section], entries: list[Entry], *, as_of: dt.date,
             rules: RuleSet) -> Seniority:
    raise NotImplementedError  # issue 3
