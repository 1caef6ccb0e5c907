"""One bullet table: every glyph of it opens a list item in each place that reads bullets."""

from __future__ import annotations

import pytest

from resume_signals.document import LineDraft, assemble
from resume_signals.extract.txt import normalise_bullet
from resume_signals.report import Section
from resume_signals.text.bullets import ASCII_MARKERS, CANONICAL, DASHES, GLYPHS, PRIVATE_USE
from resume_signals.text.tense import regular_past
from resume_signals.text.units import UnitSplitter


@pytest.mark.parametrize("glyph", list(GLYPHS + PRIVATE_USE))
def test_bullets_every_glyph_is_a_typed_marker(glyph: str) -> None:
    assert normalise_bullet(f"{glyph}Shipped a ranking model") == (f"{CANONICAL} Shipped a ranking model", True)


@pytest.mark.parametrize("marker", list(DASHES + ASCII_MARKERS))
def test_bullets_dashes_need_a_space(marker: str) -> None:
    assert normalise_bullet(f"{marker} Shipped it")[1]
    assert not normalise_bullet(f"{marker}5% churn")[1]  # a number, not a list item


@pytest.mark.parametrize("glyph", list(GLYPHS + DASHES))
def test_bullets_unit_splitter_strips_a_leftover_glyph(glyph: str) -> None:
    doc = assemble([LineDraft(f"{glyph} Shipped a ranking model")], "txt")
    (unit,) = UnitSplitter().split(doc, [Section("experience", None, 0, len(doc.text))])
    assert doc.text[unit.start:unit.end] == "Shipped a ranking model"


@pytest.mark.parametrize("word, min_len, past", [
    ("deployed", 4, True), ("shipped", 4, True), ("fed", 4, False), ("need", 5, False), ("ed", 2, True),
    ("deploying", 4, False),
])
def test_tense_regular_past(word: str, min_len: int, past: bool) -> None:
    assert regular_past(word, min_len=min_len) is past
