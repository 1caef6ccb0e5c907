"""One wrap joiner: when a line carries on the one above, and how the two become one line."""

from __future__ import annotations

import pytest

from resume_signals.text.wraps import Hyphens, carries_on, compounds, ends_sentence, join, open_end


@pytest.mark.parametrize(("above", "below", "wraps"), [
    ("Built a churn model and deployed it to", "production behind a feature flag.", True),
    ("Led the migration of the scoring service from", "à la carte batch jobs to streaming", True),
    ("Rolled out the fraud model across", "  three regions within a quarter", True),
    # near misses: the sentence ended, the next line starts anew, or the lines are columns of a row
    ("Deployed the ranking model to production.", "retrained weekly on fresh clicks", False),
    ("Tools:", "python, docker, kubernetes", False),
    ("Cut fraud losses by 12% (measured in an A/B test);", "reported monthly", False),
    ("Improved fraud recall with models such as", "XGBoost and random forests", True),
    ("Built and maintained the pricing API using Python,", "Django and AWS.", True),
    ("Built a churn model and deployed it", "Production monitoring came later.", False),
    ("Machine Learning Engineer\tAcme", "berlin office", False),
    ("Machine Learning Engineer", "2019\t2021", False),
    ("", "and then some", False),
])
def test_wraps_carries_on(above: str, below: str, wraps: bool) -> None:
    assert carries_on(above, below) is wraps


@pytest.mark.parametrize(("text", "ended"), [
    ("Shipped the model.", True), ("Skills:", True), ('He said "done."', True), ("(see the demo.)", True),
    ("Shipped the model", False), ("Python, Docker,", False), ("Acme (2019)", False),
])
def test_wraps_ends_sentence(text: str, ended: bool) -> None:
    assert ends_sentence(text) is ended


@pytest.mark.parametrize(("text", "open_"), [
    ("Master of Science in Data &", True), ("Head of", True), ("Python, Docker,", True), ("Data and", True),
    ("Senior Engineer (", True), ("models such as", True), ("deployed it using", True),
    ("Research Engineer", False), ("Shipped it.", False), ("Theory", False), ("Data Analyst", False),
])
def test_wraps_open_end(text: str, open_: bool) -> None:
    assert open_end(text) is open_


@pytest.mark.parametrize(("above", "below", "soft", "keep", "joined"), [
    ("Moved the pipeline to produc-", "tion in two weeks", True, (), "Moved the pipeline to production in two weeks"),
    ("Trained a U-", "Net for segmentation", True, (), "Trained a U-Net for segmentation"),
    ("Built low-", "resource speech models", True, ("low-resource",), "Built low-resource speech models"),
    # a word processor breaks only at a hyphen the author typed: keep it
    ("Built a state-of-", "the-art ranker", False, (), "Built a state-of-the-art ranker"),
    ("Saved 2 hours per week for", "the support team", True, (), "Saved 2 hours per week for the support team"),
    ("Built the model  ", "  and served it", True, (), "Built the model and served it"),
])
def test_wraps_join(above: str, below: str, soft: bool, keep: tuple[str, ...], joined: str) -> None:
    assert join(above, below, Hyphens(soft, frozenset(keep))) == joined


def test_wraps_join_without_hyphen_rules_keeps_the_hyphen() -> None:
    assert join("Moved it to produc-", "tion") == "Moved it to produc- tion"


def test_wraps_compounds_are_hyphenated_words_written_whole() -> None:
    assert compounds(["Built low-resource ASR", "a state-of-the-art model", "2019-2021"]) == frozenset(
        {"low-resource", "state-of-the-art"})
