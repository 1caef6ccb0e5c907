"""Detection: one module per signal family, plus the ConText pass.

`Detector` is built once from a `RuleSet` (it compiles spaCy matchers on a
``spacy.blank("en")`` pipeline) and returns `Signal` evidence for a document.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..document import Document
    from ..report import Entry, Section, Signal
    from ..rules import RuleSet


class Detector:
    """Finds every signal of the rule set in a document, with evidence."""

    def __init__(self, rules: RuleSet) -> None:
        self.rules = rules

    def detect(self, doc: Document, sections: list[Section], entries: list[Entry]) -> list[Signal]:
        raise NotImplementedError  # issue 3
