"""Both PDF backends for the extraction and hostile-input tests: pdfium runs when the [fast] extra is installed."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from resume_signals.document import Document
from resume_signals.extract.pdf import extract_pdf
from resume_signals.extract.pdfium import available, extract_pdf_pdfium
from resume_signals.limits import Limits

BACKENDS = [
    pytest.param("pdfminer"),
    pytest.param("pdfium", marks=pytest.mark.skipif(not available(), reason=(
        "pypdfium2 is not installed (pip install 'resume_signals[fast]'); make test installs it"))),
]

EXTRACTORS: dict[str, Callable[..., Document]] = {"pdfminer": extract_pdf, "pdfium": extract_pdf_pdfium}


def extractor(backend: str) -> Callable[..., Document]:
    return EXTRACTORS[backend]


__all__ = ["BACKENDS", "Limits", "extractor"]
