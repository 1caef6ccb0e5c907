"""Hidden text: each hiding method, in PDF and DOCX, earns nothing and raises `hidden_text`; design stays visible.

The PDF cases run on both PDF backends: the verdict is one rule (`hidden_reason`), and each backend must feed it
the same drawing state.
"""

from __future__ import annotations

import functools

import pytest
from extract_builders import DOCX_HIDING_METHODS, stuffed_docx
from pdf_backends import BACKENDS
from pdf_builders import DESIGN_LINE, PDF_DESIGNS, PDF_HIDING_METHODS, STUFFING, designed_pdf, stuffed_pdf

import resume_signals
from resume_signals.extract.visibility import Box, GlyphState, Paint, contrast, hidden_reason, settled
from resume_signals.report import Report

AS_OF = "2026-01-01"
PAGE = Box(0, 0, 612, 792)
GLYPH = Box(72, 700, 78, 711)


def _score(data: bytes, backend: str = "pdfminer") -> Report:
    return resume_signals.score(data, as_of=AS_OF, backend=backend)


@functools.cache
def _pdf_visible_only(backend: str) -> Report:
    return _score(stuffed_pdf(None), backend)


def _flag(report: Report, name: str) -> dict | None:
    return next((f.evidence for f in report.flags if f.name == name), None)


@pytest.mark.parametrize(("state", "paints", "reason"), [
    (GlyphState(bbox=GLYPH, size=11, render_mode=3), (), "invisible_render_mode"),
    (GlyphState(bbox=GLYPH, size=11, render_mode=7), (), "invisible_render_mode"),
    (GlyphState(bbox=GLYPH, size=2.5), (), "tiny_font"),
    (GlyphState(bbox=Box(700, 700, 706, 711), size=11), (), "off_page"),
    (GlyphState(bbox=GLYPH, size=11, clip=Box(0, 0, 20, 20)), (), "clipped"),
    (GlyphState(bbox=GLYPH, size=11, fill=(1, 1, 1)), (), "background_colour"),
    (GlyphState(bbox=GLYPH, size=11, fill=(0.1, 0.2, 0.5), order=2),
     (Paint(Box(60, 690, 300, 720), (0.1, 0.2, 0.5), order=1),), "background_colour"),
    (GlyphState(bbox=GLYPH, size=11, order=1), (Paint(Box(60, 690, 300, 720), (1, 1, 1), order=2),), "covered"),
    # near misses: ordinary design
    (GlyphState(bbox=GLYPH, size=11, fill=(0.62, 0.62, 0.62)), (), None),  # light-grey dates
    (GlyphState(bbox=GLYPH, size=11, fill=(0.0, 0.45, 0.55)), (), None),  # a teal heading
    (GlyphState(bbox=GLYPH, size=7), (), None),  # a footnote
    (GlyphState(bbox=GLYPH, size=11, fill=(1, 1, 1), order=2),
     (Paint(Box(60, 690, 300, 720), (0.1, 0.2, 0.4), order=1),), None),  # white on a dark sidebar
    (GlyphState(bbox=GLYPH, size=11, fill=None), (), None),  # an unknown colour never hides
    (GlyphState(bbox=GLYPH, size=11, clip=Box(0, 0, 612, 792)), (), None),
    # opacity: the fill is seen laid over the background
    (GlyphState(bbox=GLYPH, size=11, alpha=0.0), (), "background_colour"),
    (GlyphState(bbox=GLYPH, size=11, fill=(0.1, 0.2, 0.5), alpha=0.0, order=2),
     (Paint(Box(60, 690, 300, 720), (0.9, 0.9, 0.2), order=1),), "background_colour"),
    (GlyphState(bbox=GLYPH, size=11, alpha=0.5), (), None),  # half-opaque black reads as mid grey
    (GlyphState(bbox=GLYPH, size=11, fill=(1, 1, 1), render_mode=2), (), None),  # a white letter, black outline
    (GlyphState(bbox=GLYPH, size=11, fill=(1, 1, 1), render_mode=1), (), None),  # outline only
])
def test_visibility_hidden_reason(state: GlyphState, paints: tuple[Paint, ...], reason: str | None) -> None:
    assert hidden_reason(state, PAGE, paints) == reason


def test_visibility_contrast_is_symmetric_and_bounded() -> None:
    assert contrast((0, 0, 0), (1, 1, 1)) == pytest.approx(21.0)
    assert contrast((1, 1, 1), (0, 0, 0)) == contrast((0, 0, 0), (1, 1, 1))
    assert contrast((0.5, 0.5, 0.5), (0.5, 0.5, 0.5)) == 1.0


@pytest.mark.parametrize(("box", "clip", "paints", "settles"), [
    (Box(72, 700, 300, 711), None, (), True),
    (Box(72, 700, 300, 711), Box(0, 0, 612, 792), (Paint(Box(0, 0, 612, 100), (0.9, 0.9, 0.9), 1),), True),
    (Box(72, 700, 700, 711), None, (), False),  # runs off the page
    (Box(72, 700, 300, 711), Box(0, 0, 200, 792), (), False),  # partly clipped
    (Box(72, 700, 300, 711), None, (Paint(Box(250, 690, 400, 720), (0.1, 0.1, 0.1), 1),), False),  # on a box
])
def test_visibility_settled_box(box: Box, clip: Box | None, paints: tuple[Paint, ...], settles: bool) -> None:
    held = settled(box, PAGE, clip, paints)
    assert (held is not None) is settles
    if settles:
        assert held == tuple(p for p in paints if p.box.overlaps(box))  # the paints every glyph inside is on


@pytest.fixture(scope="module")
def docx_visible_only() -> Report:
    return _score(stuffed_docx(None, STUFFING))


@pytest.mark.parametrize("backend", BACKENDS)
def test_visibility_stuffing_would_score_if_it_were_visible(backend: str, docx_visible_only: Report) -> None:
    """The control: the same stuffing drawn plainly raises the score, so the hidden cases below can fail."""
    assert (_score(stuffed_pdf("visible"), backend).score or 0) > (_pdf_visible_only(backend).score or 0) + 10
    assert (_score(stuffed_docx("visible", STUFFING)).score or 0) > (docx_visible_only.score or 0) + 10


@pytest.mark.parametrize("backend", BACKENDS)
@pytest.mark.parametrize("method", PDF_HIDING_METHODS)
def test_visibility_pdf_hidden_stuffing_earns_nothing(method: str, backend: str) -> None:
    pdf_visible_only = _pdf_visible_only(backend)
    report = _score(stuffed_pdf(method), backend)
    assert report.score == pdf_visible_only.score
    assert report.text == pdf_visible_only.text
    evidence = _flag(report, "hidden_text")
    assert evidence is not None and evidence["chars"] >= len(STUFFING.replace(" ", "")) - 1
    assert evidence["sample"].startswith("Shipped and deployed")
    assert report.status == "partial"
    assert [e.code for e in report.errors] == ["hidden_text"] and report.errors[0].stage == "extract"


@pytest.mark.parametrize("method", DOCX_HIDING_METHODS)
def test_visibility_docx_hidden_stuffing_earns_nothing(method: str, docx_visible_only: Report) -> None:
    report = _score(stuffed_docx(method, STUFFING))
    assert report.score == docx_visible_only.score
    assert report.text == docx_visible_only.text
    evidence = _flag(report, "hidden_text")
    assert evidence is not None and "Shipped and deployed" in evidence["sample"]
    assert report.status == "partial" and report.errors[0].code == "hidden_text"


def test_visibility_pdfium_reads_fill_opacity() -> None:
    """Fully transparent text is hidden where the backend reads the fill's opacity (pdfminer ignores /ca)."""
    pytest.importorskip("pypdfium2", reason="the pdfium backend is the [fast] extra; make test installs it")
    report = _score(stuffed_pdf("transparent_text"), "pdfium")
    assert report.score == _pdf_visible_only("pdfium").score
    evidence = _flag(report, "hidden_text")
    assert evidence is not None and evidence["sample"].startswith("Shipped and deployed")


@pytest.mark.parametrize("backend", BACKENDS)
@pytest.mark.parametrize("design", [{"grey_dates": True}, {"coloured_heading": True}])
def test_visibility_ordinary_design_is_not_hidden(design: dict[str, bool], backend: str) -> None:
    for report in (_score(stuffed_pdf(None, **design), backend), _score(stuffed_docx(None, STUFFING, **design))):
        assert _flag(report, "hidden_text") is None and report.status == "ok"
        if design.get("grey_dates"):
            assert "Jan 2019 - Mar 2024" in report.text


@pytest.mark.parametrize("backend", BACKENDS)
@pytest.mark.parametrize("design", PDF_DESIGNS)
def test_visibility_pdf_design_near_misses_stay_visible(design: str, backend: str) -> None:
    """Light grey text, colour on a coloured band, white on a dark box (also inside a form), half-opaque or
    outlined text: all readable, so all read and nothing flagged."""
    report = _score(designed_pdf(design), backend)
    assert DESIGN_LINE in report.text
    assert _flag(report, "hidden_text") is None and report.status == "ok"


@pytest.mark.parametrize("inner", [
    # white text on a dark paragraph shading and in a dark table cell: a sidebar, not a trick
    '<w:p><w:pPr><w:shd w:val="clear" w:fill="1F3864"/></w:pPr><w:r><w:rPr><w:color w:val="FFFFFF"/></w:rPr>'
    '<w:t>Kubernetes and Airflow</w:t></w:r></w:p>',
    '<w:tbl><w:tr><w:tc><w:tcPr><w:shd w:val="clear" w:fill="222222"/></w:tcPr><w:p><w:r><w:rPr>'
    '<w:color w:val="FFFFFF"/></w:rPr><w:t>Kubernetes and Airflow</w:t></w:r></w:p></w:tc></w:tr></w:tbl>',
])
def test_visibility_docx_light_text_on_dark_shading_is_visible(inner: str) -> None:
    from extract_builders import docx_with_body

    report = _score(docx_with_body(inner))
    assert "Kubernetes and Airflow" in report.text and _flag(report, "hidden_text") is None
