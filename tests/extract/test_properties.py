"""Property-based extraction tests, short run (the long run lives in tests/fuzz)."""

from __future__ import annotations

from extract_properties import (
    ANY_INPUT,
    check_extract,
    check_own_extractors,
    fuzz_settings,
    generated_docx,
    mutated,
    mutated_docx_part,
)
from hypothesis import given
from hypothesis import strategies as st

EXAMPLES = 50


@fuzz_settings(EXAMPLES)
@given(ANY_INPUT)
def test_properties_any_input_gives_document_or_documented_error(data: bytes) -> None:
    check_extract(data)


@fuzz_settings(EXAMPLES)
@given(st.one_of(mutated(), mutated_docx_part(), generated_docx()))
def test_properties_docx_and_txt_extractors_raise_only_document_errors(data: bytes) -> None:
    check_own_extractors(data)


@fuzz_settings(EXAMPLES)
@given(st.binary(min_size=64, max_size=4096))
def test_properties_random_bytes_are_never_read_as_text(data: bytes) -> None:
    from resume_signals.errors import DocumentError
    from resume_signals.extract.sniff import sniff

    try:
        fmt = sniff(data)
    except DocumentError:
        return
    # Hypothesis shrinks towards simple bytes, so a plain sample can be "text"; whatever is accepted
    # decodes to text with almost no control characters (binary data never does).
    if fmt == "txt":
        from resume_signals.extract.txt import decode

        text = decode(data)
        control = sum(1 for ch in text if ord(ch) < 0x09 or 0x0E <= ord(ch) < 0x20 or 0x7F <= ord(ch) < 0xA0)
        assert control <= max(1, len(text) // 100)
