"""pdfminer's chatter becomes report warnings, scoped to the call: the process's logging is left as it was."""

from __future__ import annotations

import logging

import pytest
from pdf_builders import HELVETICA, raw_pdf, stream, text_content

from resume_signals.extract.pdf import extract_pdf
from resume_signals.limits import DEFAULT_LIMITS


def _pdf_without_mediabox() -> bytes:
    """A page with no MediaBox: pdfminer warns and defaults to US Letter."""
    return raw_pdf([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        HELVETICA,
        stream(text_content([(72, 700, "Shipped a ranking model to production")])),
    ])


def test_pdf_logging_warning_goes_to_the_report_not_the_handlers(caplog: pytest.LogCaptureFixture) -> None:
    logger = logging.getLogger("pdfminer")
    before = (logger.level, logger.propagate, list(logger.handlers), list(logger.filters))
    with caplog.at_level(logging.DEBUG):
        doc = extract_pdf(_pdf_without_mediabox(), limits=DEFAULT_LIMITS)
    assert any("MediaBox" in w for w in doc.warnings)
    assert not [r for r in caplog.records if r.name.startswith("pdfminer")]  # nothing reached a handler
    assert (logger.level, logger.propagate, list(logger.handlers), list(logger.filters)) == before


def test_pdf_logging_outside_a_call_is_untouched(caplog: pytest.LogCaptureFixture) -> None:
    extract_pdf(_pdf_without_mediabox(), limits=DEFAULT_LIMITS)
    with caplog.at_level(logging.WARNING):
        logging.getLogger("pdfminer.pdfpage").warning("the application's own pdfminer use")
    assert [r.getMessage() for r in caplog.records] == ["the application's own pdfminer use"]


def test_pdf_logging_concurrent_calls_each_keep_their_warnings(caplog: pytest.LogCaptureFixture) -> None:
    from concurrent.futures import ThreadPoolExecutor

    data = _pdf_without_mediabox()
    with caplog.at_level(logging.WARNING), ThreadPoolExecutor(4) as pool:
        docs = list(pool.map(lambda _: extract_pdf(data, limits=DEFAULT_LIMITS), range(16)))
    assert all(any("MediaBox" in w for w in doc.warnings) for doc in docs)
    assert not [r for r in caplog.records if r.name.startswith("pdfminer")]
    assert not logging.getLogger("pdfminer.pdfpage").filters


def test_pdf_logging_debug_is_skipped_only_while_off_and_only_during_the_call() -> None:
    """Skipping pdfminer's per-token debug calls changes nothing a logger shows, and ends with the call."""
    seen: list[int] = []

    class Count(logging.Filter):
        def filter(self, record: logging.LogRecord) -> bool:
            seen.append(record.levelno)
            return True

    logger = logging.getLogger("pdfminer.psparser")
    counter = Count()
    logger.addFilter(counter)
    try:
        extract_pdf(_pdf_without_mediabox(), limits=DEFAULT_LIMITS)  # DEBUG off: no debug record is even made
        assert logging.DEBUG not in seen
        old = logger.level
        logger.setLevel(logging.DEBUG)
        try:
            extract_pdf(_pdf_without_mediabox(), limits=DEFAULT_LIMITS)  # DEBUG on: pdfminer's debug lines flow
        finally:
            logger.setLevel(old)
        assert logging.DEBUG in seen
    finally:
        logger.removeFilter(counter)
    pdfminer_loggers = [logging.getLogger(n) for n in logging.root.manager.loggerDict if n.startswith("pdfminer")]
    assert not [lg.name for lg in pdfminer_loggers if "debug" in vars(lg)]
