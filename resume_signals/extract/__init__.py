"""Extraction: bytes in, one canonical `Document` out, format decided from the bytes.

One module per format (`pdf`, `docx`, `txt`) plus `sniff`, which looks at
magic bytes, never at the file name. Every failure is a `DocumentError` with
a stable code (see `resume_signals.errors`).
"""

from __future__ import annotations

from ..document import Document
from ..limits import Limits

__all__ = ["Document", "extract"]


def extract(data: bytes, *, limits: Limits) -> Document:
    """Decide the format from ``data`` and extract it. Raises `DocumentError`."""
    raise NotImplementedError  # filled in by the extraction work (issue 2)
