"""Detection: the rule engine, the family hooks and the ConText pass.

`Detector` is built once from a `RuleSet` (it compiles spaCy matchers on a
``spacy.blank("en")`` pipeline) and returns `Signal` evidence for a document.

Modules: ``engine`` (compiles rules and matches a document in one pass),
``families`` (the hooks a signal family may add: ``team`` parses the size,
``stack`` carries the canonical tool names; strict lookup by name),
``context`` (ConText modifiers) and ``ml`` (whether each signal's evidence is
about a machine-learning system). Every rule and veto is data, in
``spec/data/signals/``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..document import Document
    from ..report import Entry, Section, Signal
    from ..spec.rules import RuleSet
    from .engine import Cancelled


class Detector:
    """Finds every signal of the rule set in a document, with evidence.

    >>> from resume_signals.document import LineDraft, assemble
    >>> from resume_signals.report import Section
    >>> from resume_signals.spec.rules import load_rules
    >>> doc = assemble([LineDraft("EXPERIENCE"), LineDraft("• Shipped a ranking model on k8s", bullet=True)], "txt")
    >>> secs = [Section("experience", "EXPERIENCE", 0, len(doc.text))]
    >>> [(s.name, s.match, s.value, s.ml) for s in Detector(load_rules()).detect(doc, secs, [])]
    [('shipped', 'Shipped', None, True), ('production_stack', 'k8s', ('Kubernetes',), True)]
    """

    def __init__(self, rules: RuleSet) -> None:
        from .engine import Engine
        from .ml import MlReader

        self.rules = rules
        self.engine = Engine(rules)
        self.ml = MlReader(rules)

    def detect(self, doc: Document, sections: list[Section], entries: list[Entry],
               trail: list[Cancelled] | None = None) -> list[Signal]:
        """Signals in text order (by start, then name), at most one of a name per unit, each with its ``ml``.

        ``entries`` are used to skip job titles and employer names in entry
        headers ("Lead Data Scientist" is a title, "New Relic" an employer).

        ``trail``, when given, receives one `engine.Cancelled` record per cancelled
        candidate (which rule matched, and the veto, section or ConText rule that cancelled it),
        for debugging rules; it is never part of a report.
        """
        return self.ml.mark(self.engine.detect(doc, sections, trail, entries), entries)
