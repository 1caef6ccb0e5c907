"""Hostile and broken PDFs: each gets its own error code, in bounded time and memory.

Every file is built here (see pdf_builders); none is committed.
"""

from __future__ import annotations

import logging
import random
import re
import sys

import pytest
from pdf_backends import BACKENDS, extractor
from pdf_builders import (
    CID_FONT_NO_MAP,
    HELVETICA,
    bomb_pdf,
    embedded_truetype_cid_font,
    encrypted_pdf,
    form_bomb_pdf,
    image_only_pdf,
    late_root_pdf,
    lzw_bomb_pdf,
    many_pages_pdf,
    nested_pages_pdf,
    nested_pdf,
    page_pdf,
    range_cmap_font,
    self_drawing_form_pdf,
    simple_pdf,
    stream,
    truetype_cmap12,
)

from resume_signals.document import Document
from resume_signals.errors import DocumentError, ErrorCode
from resume_signals.limits import Limits

LIMITS = Limits()
LINES = [(72, 700 - 14 * i, f"Line number {i} of the resume") for i in range(5)]


_BACKEND = "pdfminer"


@pytest.fixture(autouse=True, params=BACKENDS)
def _backend(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every hostile file gets the same code from both PDF backends."""
    monkeypatch.setattr(sys.modules[__name__], "_BACKEND", request.param)


def extract_pdf(data: bytes, *, limits: Limits) -> Document:
    return extractor(_BACKEND)(data, limits=limits)


def _code(data: bytes, limits: Limits = LIMITS) -> ErrorCode:
    with pytest.raises(DocumentError) as info:
        extract_pdf(data, limits=limits)
    assert info.value.message  # a sentence for the recruiter, never empty
    return info.value.code




@pytest.mark.parametrize("data", [b"", b"   \n\t  "], ids=["zero-bytes", "whitespace"])
def test_pdf_hostile_empty_input(data: bytes) -> None:
    assert _code(data) is ErrorCode.EMPTY


@pytest.mark.parametrize("seed", range(4))
@pytest.mark.parametrize("header", [b"", b"%PDF-1.7\n"], ids=["bare", "pdf-header"])
def test_pdf_hostile_random_bytes_corrupt(seed: int, header: bytes) -> None:
    rng = random.Random(seed)
    data = header + bytes(rng.randrange(256) for _ in range(4000))
    assert _code(data) is ErrorCode.CORRUPT


_LATE = late_root_pdf(LINES)
_CATALOG_END = _LATE.index(b"endobj", _LATE.index(b"/Catalog")) + len(b"endobj")


@pytest.mark.parametrize("fraction", [i / 20 for i in range(1, 20)])
def test_pdf_hostile_truncated_corrupt(fraction: float) -> None:
    cut = max(9, int(_CATALOG_END * fraction))
    assert _code(_LATE[:cut]) is ErrorCode.CORRUPT


@pytest.mark.parametrize("cut", [_CATALOG_END + 40, len(_LATE) - 60])
def test_pdf_hostile_truncated_in_trailer_corrupt(cut: int) -> None:
    """Cut inside the xref or trailer: no root can be found, even by pdfminer's fallback scan."""
    assert _code(_LATE[:cut]) is ErrorCode.CORRUPT


def test_pdf_hostile_truncated_eof_marker_still_read() -> None:
    doc = extract_pdf(_LATE[: _LATE.rindex(b"%%EOF")], limits=LIMITS)
    assert doc.text.splitlines()[0] == "Line number 0 of the resume"


def test_pdf_hostile_broken_xref_offsets_recovered() -> None:
    """Every xref offset wrong: pdfminer's fallback scan finds the objects, the resume is read."""
    good = simple_pdf(LINES)
    broken = re.sub(rb"\d{10} 00000 n", b"0000000001 00000 n", good)
    assert broken != good
    doc = extract_pdf(broken, limits=LIMITS)
    assert doc.text.splitlines() == [t for _x, _y, t in LINES]


def test_pdf_hostile_broken_xref_and_trailer_corrupt() -> None:
    good = simple_pdf(LINES)
    start = good.index(b"\nxref") + 1
    broken = good[:start] + b"xref\n0 9\ngarbage that is not a table\n%%EOF\n"
    assert _code(broken) is ErrorCode.CORRUPT


def test_pdf_hostile_user_password_encrypted() -> None:
    assert _code(encrypted_pdf("secret", "owner-secret")) is ErrorCode.ENCRYPTED


def test_pdf_hostile_owner_password_only_is_read() -> None:
    doc = extract_pdf(encrypted_pdf("", "owner-secret"), limits=LIMITS)
    assert doc.text == "Jane Doe, Machine Learning Engineer"


def test_pdf_hostile_image_only_no_text_layer() -> None:
    assert _code(image_only_pdf()) is ErrorCode.NO_TEXT_LAYER


def test_pdf_hostile_blank_page_empty() -> None:
    assert _code(simple_pdf([])) is ErrorCode.EMPTY


def test_pdf_hostile_thousand_pages_refused_before_layout() -> None:
    assert _code(many_pages_pdf(1000)) is ErrorCode.TOO_MANY_PAGES


@pytest.mark.parametrize(("pages", "ok"), [(3, True), (4, False)])
def test_pdf_hostile_page_limit_boundary(pages: int, ok: bool) -> None:
    limits = Limits(max_pages=3)
    data = many_pages_pdf(pages)
    if ok:
        assert extract_pdf(data, limits=limits).pages == pages
    else:
        assert _code(data, limits) is ErrorCode.TOO_MANY_PAGES


def test_pdf_hostile_stream_bomb_small_limit() -> None:
    assert _code(bomb_pdf(3_000_000), Limits(max_part_bytes=1_000_000)) is ErrorCode.DECOMPRESSION_LIMIT


def test_pdf_hostile_stream_under_limit_is_read() -> None:
    """The same construction under the limit is not refused: zeros are no text, so the page is empty."""
    assert _code(bomb_pdf(500_000), Limits(max_part_bytes=1_000_000)) is ErrorCode.EMPTY


def test_pdf_hostile_stream_bomb_default_limit() -> None:
    """60 MB of zeros (60 KB compressed) against the default 50 MB limit: measured in bounded steps."""
    assert _code(bomb_pdf(60 * 1024 * 1024)) is ErrorCode.DECOMPRESSION_LIMIT


def test_pdf_hostile_chained_flate_bomb() -> None:
    """Flate inside Flate squares the ratio: the inner layer is measured too."""
    data = bomb_pdf(4_000_000, layers=2)
    assert len(data) < 10_000
    assert _code(data, Limits(max_part_bytes=1_000_000)) is ErrorCode.DECOMPRESSION_LIMIT


@pytest.mark.parametrize("kind", ["array", "dict"])
def test_pdf_hostile_deeply_nested_object_tolerated(kind: str) -> None:
    """Deep nesting that pdfminer parses without recursion: the text is still read."""
    doc = extract_pdf(nested_pdf(20_000, kind=kind), limits=LIMITS)
    assert doc.text == "Jane Doe"


def test_pdf_hostile_deeply_nested_page_tree_has_its_own_code() -> None:
    """A page tree thousands of levels deep drives pdfminer into RecursionError: too_deeply_nested."""
    assert _code(nested_pages_pdf(5000)) is ErrorCode.TOO_DEEPLY_NESTED


def test_pdf_hostile_self_drawing_form_terminates() -> None:
    assert _code(self_drawing_form_pdf()) is ErrorCode.EMPTY


def test_pdf_hostile_too_much_text() -> None:
    lines = [(40, 760 - 12 * i, "x" * 90) for i in range(60)]
    assert _code(simple_pdf(lines, size=6), Limits(max_chars=1000)) is ErrorCode.TOO_MUCH_TEXT


def test_pdf_hostile_timeout_is_cooperative() -> None:
    assert _code(simple_pdf(LINES), Limits(timeout=0.0)) is ErrorCode.TIMEOUT


def test_pdf_hostile_pdfminer_logs_captured(caplog: pytest.LogCaptureFixture) -> None:
    """pdfminer's warnings go to Document.warnings, not to the application's log handlers; PDFium reads the same
    file without a word to any logger."""
    data = simple_pdf(LINES).replace(b"/MediaBox [0 0 612 792] ", b"")
    with caplog.at_level(logging.DEBUG):
        doc = extract_pdf(data, limits=LIMITS)
    assert "Line number 4" in doc.text
    if _BACKEND == "pdfminer":
        assert any("MediaBox" in w for w in doc.warnings)
    assert not [r for r in caplog.records if r.name.startswith("pdfminer")]
    assert logging.getLogger("pdfminer").propagate is True


def test_pdf_hostile_nested_form_bomb() -> None:
    """Six levels of forms drawing each other ten times: a million drawings from a 2 KB file."""
    data = form_bomb_pdf(6)
    assert len(data) < 4000
    assert _code(data) is ErrorCode.DECOMPRESSION_LIMIT


def test_pdf_hostile_few_nested_forms_are_read() -> None:
    doc = extract_pdf(form_bomb_pdf(2, fanout=3), limits=LIMITS)
    assert doc.text == "x"  # the same glyph drawn three times at one place is one glyph


@pytest.mark.parametrize(("inflated", "code"), [(300_000, ErrorCode.DECOMPRESSION_LIMIT),
                                                (100_000, ErrorCode.EMPTY)])
def test_pdf_hostile_lzw_stream_measured(inflated: int, code: ErrorCode) -> None:
    """LZW expands data thousands of times too; zeros are no text, so under the limit the page is empty."""
    assert _code(lzw_bomb_pdf(inflated), Limits(max_part_bytes=200_000)) is code


def test_pdf_hostile_absurd_glyph_width_tolerated() -> None:
    """A damaged width table (one glyph 1e40 units wide) must not blow up the geometry."""
    font = (b"<< /Type /Font /Subtype /TrueType /BaseFont /Damaged /FirstChar 65 /LastChar 66 /Widths"
            b" [100000000000000000000000000000000000000000 600] /FontDescriptor << /Type /FontDescriptor"
            b" /FontName /Damaged /Flags 32 /FontBBox [0 -200 1000 900] /ItalicAngle 0 /Ascent 900 /Descent -200"
            b" /CapHeight 700 /StemV 80 >> >>")
    body = b" ".join(b"BT /F2 10 Tf 72 %d Td (Line %d of the resume) Tj ET" % (660 - 14 * i, i) for i in range(8))
    content = b"BT /F1 10 Tf 72 700 Td (AB) Tj ET BT /F2 10 Tf 72 680 Td (Jane Doe) Tj ET " + body
    doc = extract_pdf(page_pdf([content], {"F1": font, "F2": HELVETICA}), limits=LIMITS)
    assert doc.text.splitlines()[1:3] == ["Jane Doe", "Line 0 of the resume"]


def test_pdf_hostile_font_name_not_a_name() -> None:
    """'/FontName Damaged' without the slash makes the font name a bare keyword: still read."""
    font = (b"<< /Type /Font /Subtype /TrueType /BaseFont /Damaged /FirstChar 32 /LastChar 126 /Widths ["
            + b" ".join(b"500" for _ in range(95)) + b"] /FontDescriptor << /Type /FontDescriptor /FontName Damaged"
            b" /Flags 32 /FontBBox [0 -200 1000 900] /ItalicAngle 0 /Ascent 900 /Descent -200 /CapHeight 700"
            b" /StemV 80 >> >>")
    doc = extract_pdf(page_pdf([b"BT /F1 10 Tf 72 700 Td (Jane Doe) Tj ET"], {"F1": font}), limits=LIMITS)
    assert doc.text == "Jane Doe"


def test_pdf_hostile_zero_width_font_keeps_every_letter() -> None:
    """A font without widths stacks its glyphs on one point: no letter may be taken for a duplicate."""
    font = b"<< /Type /Font /Subtype /Type1 /BaseFont Helvetica /Encoding /WinAnsiEncoding >>"
    doc = extract_pdf(page_pdf([b"BT /F1 10 Tf 72 700 Td (Jane Doe) Tj ET"], {"F1": font}), limits=LIMITS)
    assert doc.text == "Jane Doe"


@pytest.mark.parametrize(("start", "end", "code"), [
    (b"00000000", b"FFFFFFFF", ErrorCode.CORRUPT),  # four billion codes: pdfminer would expand each one
    (b"0000", b"00FF", None),  # an ordinary range is read
])
def test_pdf_hostile_tounicode_range_bomb(start: bytes, end: bytes, code: ErrorCode | None) -> None:
    font, cmap = range_cmap_font(start, end)
    data = page_pdf([b"BT /F1 10 Tf 72 700 Td (Jane Doe) Tj ET", b"BT /F2 10 Tf 72 700 Td (Jane Doe) Tj ET"],
                    {"F1": HELVETICA, "F2": font}, extra=cmap)
    if code is None or _BACKEND == "pdfium":  # PDFium maps codes on demand: the huge map costs it nothing
        assert extract_pdf(data, limits=LIMITS).text.splitlines()[0] == "Jane Doe"
    else:
        assert _code(data) is code


@pytest.mark.parametrize(("groups", "code"), [
    ([(0, 0xFFFFFFF0, 0)], ErrorCode.CORRUPT),  # a cmap group spanning the whole 32-bit space
    ([(0x41, 0x5A, 1)], None),
])
def test_pdf_hostile_truetype_cmap_bomb(groups: list[tuple[int, int, int]], code: ErrorCode | None) -> None:
    data = page_pdf([b"BT /F1 10 Tf 72 700 Td (Jane Doe) Tj ET BT /F2 10 Tf 72 680 Td <00410042> Tj ET"],
                    {"F1": HELVETICA, "F2": embedded_truetype_cid_font(99)}, extra=stream(truetype_cmap12(groups)))
    if code is None or _BACKEND == "pdfium":  # PDFium maps codes on demand: the huge map costs it nothing
        assert extract_pdf(data, limits=LIMITS).text.splitlines()[0] == "Jane Doe"
    else:
        assert _code(data) is code


def test_pdf_hostile_page_content_budget() -> None:
    """Megabytes of drawing instructions on one page (cheap to compress) are refused, not parsed for minutes."""
    content = b"1 2 m 3 4 l S " * (4 * 1024 * 1024 // 14)
    assert _code(page_pdf([content])) is ErrorCode.DECOMPRESSION_LIMIT


def test_pdf_hostile_undecodable_text_has_its_own_code() -> None:
    """Text only in a font without a character map comes out as (cid:N) codes: an ATS routes it to OCR."""
    content = b"BT /F1 10 Tf 72 700 Td <001200130014> Tj ET BT /F1 10 Tf 72 680 Td <00150016> Tj ET"
    data = page_pdf([content], {"F1": CID_FONT_NO_MAP})
    with pytest.raises(DocumentError) as info:
        extract_pdf(data, limits=LIMITS)
    assert info.value.code is ErrorCode.UNDECODABLE_TEXT
    assert "cannot be decoded" in info.value.message


_STREAM_KEYWORD = re.compile(rb"(?<!end)stream(?:\r\n|\n|\r)")
_OBJ_HEADER = re.compile(rb"\d+\s+\d+\s+obj\b")
_TOKENS = (b"stream", b"endstream", b"\r", b"\n", b"\r\n", b" ", b"\t", b"\x0b", b"obj", b"endobj", b"objx", b"1",
           b"23", b"x", b"_", b"<<", b"/Subtype /Image", b"\xa0")


@pytest.mark.parametrize("seed", range(2))
def test_pdf_hostile_stream_scan_matches_its_regexes(seed: int) -> None:
    """The guard finds `stream` keywords and their `N G obj` headers with bytes.find; the regexes are the spec."""
    from resume_signals.extract._pdf_guard import _LOOKBACK, _stream_dict, _stream_keywords

    rng = random.Random(seed)
    for _ in range(1500):
        data = b"".join(rng.choice(_TOKENS) for _ in range(rng.randint(0, 40)))
        assert list(_stream_keywords(data)) == [(m.start(), m.end()) for m in _STREAM_KEYWORD.finditer(data)]
        for at in range(len(data) + 1):
            window = data[max(0, at - _LOOKBACK):at]
            headers = list(_OBJ_HEADER.finditer(window))
            assert _stream_dict(data, at) == (window[headers[-1].end():] if headers else window)
