"""The ConText pass: modifiers (plans, wishes, learning, negation, hypotheticals) scoped over matches.

In the style of the ConText algorithm (Chapman et al.), with our own rules in
``data/context.toml``: a trigger phrase has a category and a direction; its
scope runs from the trigger to the edge of the unit (bullet or sentence), to
the first terminate phrase ("but", "which", ";"), or to ``max_scope`` tokens.
A signal match inside the scope of a trigger is cancelled. Pseudo-triggers
("not only", "no longer", "without downtime") contain trigger words but must
not fire: a trigger overlapping a pseudo match is dropped.

The triggers are registered on the Detector's shared Matcher/PhraseMatcher so
the document is matched once; this module holds the rule objects and the
scope arithmetic (token offsets within one unit).
"""

from __future__ import annotations

from collections.abc import Sequence

from ..spec.specs import ContextRule

__all__ = ["ContextRule", "Hit", "active_triggers", "modifier_for"]

FORWARD = "forward"
BACKWARD = "backward"
BIDIRECTIONAL = "bidirectional"


Hit = tuple[ContextRule, int, int]  # rule, token start, token end (exclusive)


def active_triggers(hits: Sequence[Hit], unit_start: int) -> tuple[list[Hit], list[tuple[int, int]]]:
    """The modifiers that may fire (pseudo-overlapped ones removed) and the terminator spans, in token order."""
    pseudo = [(s, e) for r, s, e in hits if r.kind == "pseudo"]
    terms = sorted((s, e) for r, s, e in hits if r.kind == "terminate")
    triggers: list[Hit] = []
    for hit in hits:
        rule, s, e = hit
        if rule.kind != "modifier":
            continue
        if rule.at_unit_start and s != unit_start:
            continue
        if any(ps < e and s < pe for ps, pe in pseudo):
            continue
        triggers.append(hit)
    return triggers, terms


def modifier_for(start: int, end: int, triggers: Sequence[Hit], terms: Sequence[tuple[int, int]],
                 unit_start: int, unit_end: int, allowed: frozenset[str] | None) -> ContextRule | None:
    """The first modifier whose scope covers the match [start, end) (token offsets), or None."""
    for rule, ts, te in triggers:
        if allowed is not None and rule.category not in allowed:
            continue
        if ts < end and start < te:  # the trigger is part of the match itself
            continue
        if rule.direction != BACKWARD and start >= te:
            stop = unit_end
            for a, _ in terms:
                if a >= te:
                    stop = min(stop, a)
                    break
            if rule.max_scope is not None:
                stop = min(stop, te + rule.max_scope)
            if start < stop:
                return rule
        if rule.direction != FORWARD and end <= ts:
            begin = unit_start
            for _, b in terms:
                if b <= ts:
                    begin = max(begin, b)
            if rule.max_scope is not None:
                begin = max(begin, ts - rule.max_scope)
            if start >= begin:
                return rule
    return None
