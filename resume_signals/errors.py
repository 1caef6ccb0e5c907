"""Stable error codes and the exception hierarchy behind failed reports.

Every way a document can fail has one code here. Integrations switch on the
code (a string that never changes meaning), recruiters read the message.
The table `ERROR_TABLE` is the single source for the README's error table and
for the JSON Schema's enum.

>>> ErrorCode.ENCRYPTED.value
'encrypted'
"""

from __future__ import annotations

import enum
from typing import NamedTuple


class ErrorCode(enum.StrEnum):
    """Why a document could not be (fully) scored."""

    UNSUPPORTED_FORMAT = "unsupported_format"
    ENCRYPTED = "encrypted"
    NO_TEXT_LAYER = "no_text_layer"
    CORRUPT = "corrupt"
    EMPTY = "empty"
    TOO_LARGE = "too_large"
    TOO_MANY_PAGES = "too_many_pages"
    TOO_MUCH_TEXT = "too_much_text"
    DECOMPRESSION_LIMIT = "decompression_limit"
    UNSAFE_CONTENT = "unsafe_content"
    NOT_FOUND = "not_found"
    NOT_A_FILE = "not_a_file"
    PERMISSION_DENIED = "permission_denied"
    TIMEOUT = "timeout"
    WORKER_CRASHED = "worker_crashed"
    MEMORY_LIMIT = "memory_limit"
    INTERNAL_ERROR = "internal_error"
    UNDECODABLE_TEXT = "undecodable_text"
    TOO_DEEPLY_NESTED = "too_deeply_nested"
    SYMLINK_LOOP = "symlink_loop"
    HIDDEN_TEXT = "hidden_text"
    NOT_A_RESUME = "not_a_resume"


#: code -> (stage, what it means, in words a recruiter understands)
ERROR_TABLE: dict[ErrorCode, tuple[str, str]] = {
    ErrorCode.UNSUPPORTED_FORMAT: (
        "sniff", "The file is not a PDF, DOCX or plain-text resume (e.g. a legacy .doc, RTF, HTML or an image)."),
    ErrorCode.ENCRYPTED: ("extract", "The PDF is protected by a password that is needed to open it."),
    ErrorCode.NO_TEXT_LAYER: ("extract", "The PDF holds only images (a scan): there is no text to read without OCR."),
    ErrorCode.CORRUPT: ("extract", "The file is damaged or truncated and could not be parsed."),
    ErrorCode.EMPTY: ("extract", "The file holds no readable text."),
    ErrorCode.TOO_LARGE: ("read", "The file is larger than the configured maximum size."),
    ErrorCode.TOO_MANY_PAGES: ("extract", "The document has more pages than the configured maximum."),
    ErrorCode.TOO_MUCH_TEXT: ("extract", "The document holds more text than the configured maximum."),
    ErrorCode.DECOMPRESSION_LIMIT: (
        "extract", "A compressed part of the file expands beyond the configured limit (a likely zip or stream bomb)."),
    ErrorCode.UNSAFE_CONTENT: (
        "extract", "The file contains XML entity declarations or other constructs that are refused for safety."),
    ErrorCode.NOT_FOUND: ("read", "The path does not exist."),
    ErrorCode.NOT_A_FILE: ("read", "The path is a directory or another non-regular file."),
    ErrorCode.PERMISSION_DENIED: ("read", "The file could not be opened for reading."),
    ErrorCode.TIMEOUT: ("batch", "Scoring took longer than the configured time limit and was stopped."),
    ErrorCode.WORKER_CRASHED: ("batch", "The worker process scoring this file died unexpectedly."),
    ErrorCode.MEMORY_LIMIT: ("batch", "Scoring needed more memory than the configured per-worker limit."),
    ErrorCode.INTERNAL_ERROR: (
        "score", "An unexpected error inside resume_signals; please report it with the file's sha256."),
    ErrorCode.UNDECODABLE_TEXT: (
        "extract", "The PDF's fonts carry no character map, so its text cannot be decoded (route it to OCR)."),
    ErrorCode.TOO_DEEPLY_NESTED: (
        "extract", "The file's structure (XML elements, PDF objects) is nested deeper than any parser allows."),
    ErrorCode.SYMLINK_LOOP: ("read", "The path is a symbolic link that points back to itself (a link loop)."),
    ErrorCode.HIDDEN_TEXT: (
        "extract", "Warning (status partial): the file holds text a reader cannot see; it was removed, not scored."),
    ErrorCode.NOT_A_RESUME: (
        "sections", "A warning, not a failure: the document has no resume structure (at most one of a section "
                    "heading, a dated job entry, an e-mail or phone), so its score says little; status is partial."),
}

TRANSIENT_CODES: frozenset[ErrorCode] = frozenset({ErrorCode.TIMEOUT, ErrorCode.WORKER_CRASHED})
"""Codes that describe the run, not the file: `batch --retry-failed` scores such files again."""


class ResumeSignalsError(Exception):
    """Base of every error the library raises on purpose."""


class Problem(NamedTuple):
    """One mistake in a rule pack: where (a key path such as ``signals.team_size.rules[2].regex``) and what."""

    key: str
    message: str


class RulesError(ResumeSignalsError, ValueError):
    """A rule pack or weights file is invalid; raised at load time, never half-applied.

    ``problems`` lists every mistake found in the pack (all of them, so that
    a pack is fixed in one round); the message names the file and each one.
    """

    def __init__(self, message: str, problems: tuple[Problem, ...] = ()) -> None:
        super().__init__(message)
        self.problems = problems

    @classmethod
    def from_problems(cls, source: str, problems: list[Problem] | tuple[Problem, ...]) -> RulesError:
        if len(problems) == 1:
            return cls(f"{source}: {problems[0].key}: {problems[0].message}", tuple(problems))
        lines = "".join(f"\n  {p.key}: {p.message}" for p in problems)
        return cls(f"{source}: {len(problems)} problems:{lines}", tuple(problems))


class BackendError(ResumeSignalsError, ValueError):
    """An unknown PDF backend, or one whose optional library is not installed (raised when a pipeline is built)."""


class DocumentError(ResumeSignalsError):
    """A document cannot be scored; carried into a failed report, never raised by `score`."""

    def __init__(self, code: ErrorCode, message: str | None = None, *, stage: str | None = None) -> None:
        default_stage, default_message = ERROR_TABLE[code]
        self.code = code
        self.message = message or default_message
        self.stage = stage or default_stage
        super().__init__(f"{code.value}: {self.message}")
