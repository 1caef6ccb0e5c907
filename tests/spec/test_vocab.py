"""The vocabulary is derived from the data, and every copy of a name in the package agrees with it."""

from __future__ import annotations

from resume_signals.outputs import html
from resume_signals.outputs.frame import to_frame
from resume_signals.outputs.screen import load_questions
from resume_signals.report import Report, Source
from resume_signals.schema import load_schema
from resume_signals.spec import vocab
from resume_signals.spec.data import data_toml
from resume_signals.spec.rules import load_rules
from resume_signals.spec.weights import load_weights


def test_vocab_signals_are_the_bundled_signals_in_weights_order() -> None:
    assert set(vocab.SIGNALS) == set(load_rules().signals)
    rows = list(data_toml("weights.toml")["signals"])
    assert list(vocab.SIGNALS) == [n for n in rows if n in vocab.SIGNALS]
    assert vocab.SIGNALS[:len(vocab.PRODUCTION_ACTS)] == vocab.PRODUCTION_ACTS


def test_vocab_every_signal_has_a_weight() -> None:
    assert set(load_weights().signals) == set(vocab.SIGNALS)


def test_vocab_schema_enums_equal_the_vocabulary() -> None:
    defs = load_schema()["$defs"]
    assert set(defs["section_kind"]["enum"]) == set(vocab.SECTION_KINDS)
    assert set(defs["seniority"]["properties"]["level"]["enum"]) == set(vocab.LEVELS)


def test_vocab_section_kinds_are_the_headings_kinds() -> None:
    assert set(load_rules().headings) <= set(vocab.SECTION_KINDS)


def test_vocab_questions_ask_about_signals() -> None:
    asked = [q.signal for q in load_questions()]
    assert set(asked) <= set(vocab.SIGNALS)
    assert set(vocab.PRODUCTION_ACTS) <= set(asked)


def test_vocab_outputs_take_their_names_from_it() -> None:
    assert list(html.COLORS) == list(vocab.SIGNALS)
    assert len(set(html.COLORS.values())) == len(vocab.SIGNALS)  # one colour each
    try:
        frame = to_frame([Report(source=Source("a.txt", None, "txt", "0", 1))])
    except ImportError:  # pandas is an extra; the column names are what matters
        return
    assert [c for c in frame.columns if c.startswith("signal_")] == [f"signal_{n}" for n in vocab.SIGNALS]
    assert [c for c in frame.columns if c.startswith("flag_")] == [f"flag_{n}" for n in vocab.FLAGS]
