"""The spaCy pipeline: blank English, no model, rule components only; units from lines."""

import pytest

from resume_signals.nlp import build_nlp, new_nlp


def test_nlp_is_blank_english_with_unit_component():
    nlp = build_nlp()
    assert nlp.lang == "en"
    assert nlp.pipe_names == ["resume_units"]
    assert nlp.meta.get("name") == "pipeline"  # spacy.blank: nothing downloaded


@pytest.mark.parametrize("text,sents", [
    ("EXPERIENCE\n• Shipped it. Then more.\nI did this. We did Y", [
        "EXPERIENCE", "• Shipped it. Then more.", "I did this.", "We did Y"]),
    ("• one bullet\n• another bullet", ["• one bullet", "• another bullet"]),
    ("Tools e.g. Docker. Done", ["Tools e.g. Docker.", "Done"]),
])
def test_nlp_sentences_follow_lines_and_bullets(text, sents):
    doc = build_nlp(("e.g.",))(text)
    assert [s.text.strip() for s in doc.sents] == sents


def test_nlp_new_pipelines_do_not_share_vocab():
    assert new_nlp().vocab is not new_nlp().vocab


@pytest.mark.parametrize("text,tokens", [
    ("client's API", ["client", "'s", "API"]),
    ("didn't ship", ["did", "n't", "ship"]),
])
def test_nlp_tokenizer_keeps_splits_without_special_cases(text, tokens):
    assert [t.text for t in new_nlp().make_doc(text)] == tokens


@pytest.mark.parametrize("text", [
    "Python\tDocker\tKubernetes",
    "EXPERIENCE\n• Shipped it. Then more.\nI did this. We did Y",
    "Tools e.g. Docker. Done\n\n  • Led a team of 4; cut costs 10%.",
])
def test_nlp_sentences_are_the_unit_splitters_units(text):
    """One definition of a unit: the spaCy component and the splitter the detector uses agree."""
    from resume_signals.text.units import UnitSplitter

    doc = build_nlp(("e.g.",))(text)
    units = [text[s:e] for s, e in UnitSplitter(("e.g.",)).text_spans(text)]
    assert [s.text.strip().lstrip("• ") for s in doc.sents] == units
