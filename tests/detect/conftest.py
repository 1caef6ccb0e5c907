"""Shared helpers for detector tests: one Detector per session, one-line documents by hand."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from resume_signals.detect import Detector
from resume_signals.document import LineDraft, assemble
from resume_signals.report import Section, Signal
from resume_signals.spec.rules import load_rules


@pytest.fixture(scope="session")
def detector() -> Detector:
    return Detector(load_rules())


@pytest.fixture(scope="session")
def found(detector: Detector) -> Callable[..., dict[str, Signal]]:
    """found(text, section="experience", bullet=True) -> {signal name: Signal} for a one-line document."""

    def run(text: str, section: str = "experience", bullet: bool = True) -> dict[str, Signal]:
        doc = assemble([LineDraft(("• " if bullet else "") + text, bullet=bullet)], "txt")
        signals = detector.detect(doc, [Section(section, None, 0, len(doc.text))], [])
        for s in signals:
            assert doc.text[s.start:s.end] == s.match
        return {s.name: s for s in signals}

    return run
