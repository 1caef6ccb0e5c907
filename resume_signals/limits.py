"""Resource limits applied to every document, with documented defaults.

A hostile upload must cost bounded time and memory. The defaults suit resumes;
an integration passes its own `Limits` to `score` / `score_many`.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Limits:
    """Per-document limits. Each breach has its own error code."""

    max_bytes: int = 10 * 1024 * 1024
    """Largest accepted file (`too_large`)."""
    max_pages: int = 30
    """Most PDF pages read (`too_many_pages`)."""
    max_chars: int = 300_000
    """Most characters of extracted text (`too_much_text`)."""
    max_part_bytes: int = 50 * 1024 * 1024
    """Largest decompressed DOCX part or PDF stream (`decompression_limit`)."""
    timeout: float = 30.0
    """Wall-clock seconds per document in batch runs (`timeout`)."""
    max_memory_mb: int = 2048
    """Address-space cap of a batch worker process (`memory_limit`)."""


DEFAULT_LIMITS = Limits()
