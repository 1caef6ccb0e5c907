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


def _token_view(doc):
    return [(t.idx, t.text, t.whitespace_) for t in doc]


@pytest.mark.parametrize("text", [
    "Shipped e.g. a ranker (Jan. 2021 - Feb. '23) for U.S. users :) and didn't stop.",
    "  led\u00a0 two  teams;\u2009cut p95 latency 40% @ 1.2k rps, w/ Docker/K8s -- A/B tested .",
    "x ", " x", "   ", "", "client's API, the clients' APIs: e.g.(see) etc.)",
    "Jan. Jan. Jan. e.g. mid-2020 – 2021 co-led 3x faster 'quoted' \"double\" ... $1.2M",
])
def test_nlp_chunk_tokenizer_gives_make_docs_tokens(text):
    from resume_signals.nlp import ChunkTokenizer

    nlp = new_nlp()
    tokenize = ChunkTokenizer(nlp)
    for _ in range(2):  # the second pass reads every chunk from the memo
        assert _token_view(tokenize(text)) == _token_view(nlp.make_doc(text))


def test_nlp_chunk_tokenizer_matches_make_doc_on_random_text():
    import random

    from resume_signals.nlp import ChunkTokenizer

    rng = random.Random(7)
    alphabet = list("aZ09 .,;:'\"()[]-–/&%$+#@!?") + [
        "\u00a0", "\u2009", "  ", "e.g.", "Jan.", "n't", "'s", ":)", "Prof.", "a.m.", ":P", "-"]
    nlp = new_nlp()
    tokenize = ChunkTokenizer(nlp, max_chunks=50)  # small: the memo is cleared and refilled on the way
    for _ in range(2000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 60)))
        assert _token_view(tokenize(text)) == _token_view(nlp.make_doc(text)), text
