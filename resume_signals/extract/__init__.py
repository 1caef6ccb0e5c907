"""Extraction: bytes in, one canonical `Document` out, format decided from the bytes.

One module per format (`pdf`, `docx`, `txt`) plus `sniff`, which looks at
magic bytes, never at the file name. Every failure is a `DocumentError` with
a stable code (see `resume_signals.errors`).

The dispatcher is the last line of defence for a batch: whatever a format
extractor does on a hostile file (a parser bug, a RecursionError on deep
nesting, a MemoryError), the caller gets a `DocumentError`, and an "ok"
document always has readable text.

>>> extract(b"Jane Doe\\n- Shipped a ranking model", limits=Limits()).text
'Jane Doe\\n• Shipped a ranking model'
"""

from __future__ import annotations

import logging

from ..document import Document
from ..errors import DocumentError, ErrorCode
from ..limits import Limits
from .sniff import sniff

__all__ = ["BACKENDS", "Document", "extract", "sniff"]

BACKENDS = ("pdfminer", "pdfium")
"""PDF backends: pdfminer.six (the default, pure Python) and PDFium (the ``[fast]`` extra, about 4x faster)."""

log = logging.getLogger(__name__)


def extract(data: bytes, *, limits: Limits, backend: str = "pdfminer") -> Document:
    """Decide the format from ``data`` and extract it (PDFs with ``backend``). Raises `DocumentError` only."""
    fmt = ""
    try:
        fmt = sniff(data)
        if fmt == "pdf" and backend == "pdfium":
            from .pdfium import extract_pdf_pdfium

            doc = extract_pdf_pdfium(data, limits=limits)
        elif fmt == "pdf":
            from .pdf import extract_pdf

            doc = extract_pdf(data, limits=limits)
        elif fmt == "docx":
            from .docx import extract_docx

            doc = extract_docx(data, limits=limits)
        else:
            from .txt import extract_txt

            doc = extract_txt(data, limits=limits)
    except DocumentError:
        raise
    except RecursionError:
        log.debug("%s extraction recursed too deep", fmt or "sniff")
        raise DocumentError(ErrorCode.TOO_DEEPLY_NESTED, f"The {_label(fmt)} is nested too deeply to parse.") from None
    except MemoryError as exc:
        log.debug("%s extraction gave up: %r", fmt or "sniff", exc)
        raise DocumentError(ErrorCode.CORRUPT, f"The {_label(fmt)} is too large to parse "
                            f"({type(exc).__name__}).") from None
    except Exception as exc:  # a parser bug on a hostile file must not escape into a batch
        log.debug("%s extraction failed", fmt or "sniff", exc_info=True)
        raise DocumentError(ErrorCode.CORRUPT, f"The {_label(fmt)} could not be parsed "
                            f"({type(exc).__name__}).") from None
    if not any(ch.isalnum() for ch in doc.text):
        raise DocumentError(ErrorCode.EMPTY, f"The {_label(fmt)} holds no readable text.")
    return doc


def _label(fmt: str) -> str:
    return f"{fmt.upper()} file" if fmt else "file"
