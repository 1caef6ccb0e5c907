"""Document-level screening flags (see SIGNALS.md, "Flags")."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .document import Document
    from .report import Entry, Flag, Section, Seniority, Signal
    from .rules import RuleSet


def raise_flags(doc: Document, sections: list[Section], entries: list[Entry], signals: list[Signal],
                seniority: Seniority, rules: RuleSet) -> list[Flag]:
    raise NotImplementedError  # issue 3
