"""Long fuzz run of extraction (`make fuzz`; FUZZ_EXAMPLES sets the examples per property).

Same properties as tests/extract/test_properties.py, many more examples, each
input family fuzzed on its own so none is starved. Outcome counts per family
are printed at the end of the session (tests/fuzz/conftest.py).
"""

from __future__ import annotations

import os
import sys
from collections import Counter
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "extract"))

from extract_properties import (  # noqa: E402
    MAGICS,
    check_extract,
    check_own_extractors,
    fuzz_settings,
    generated_docx,
    mutated,
    mutated_docx_part,
)
from hypothesis import given  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "2000"))
OUTCOMES: dict[str, Counter[str]] = {}


FAMILIES = {
    "random_bytes": st.binary(max_size=8192),
    "magic_prefixed": st.tuples(st.sampled_from(MAGICS), st.binary(max_size=8192)).map(lambda t: t[0] + t[1]),
    "mutated_files": mutated(),
    "mutated_docx_parts": mutated_docx_part(),
    "generated_docx": generated_docx(),
    "text": st.text(max_size=2000).map(lambda t: t.encode("utf-8", "surrogatepass")),
}


@pytest.mark.parametrize("family", list(FAMILIES))
def test_fuzz_extract_outcomes_are_documents_or_documented_errors(family: str) -> None:
    counts = OUTCOMES.setdefault(family, Counter())

    @fuzz_settings(EXAMPLES)
    @given(FAMILIES[family])
    def run(data: bytes) -> None:
        check_extract(data, counts)

    run()


@pytest.mark.parametrize("family", ["mutated_files", "mutated_docx_parts", "generated_docx"])
def test_fuzz_docx_and_txt_extractors_raise_only_document_errors(family: str) -> None:
    @fuzz_settings(EXAMPLES)
    @given(FAMILIES[family])
    def run(data: bytes) -> None:
        check_own_extractors(data)

    run()
