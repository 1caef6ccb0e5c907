"""PDF extraction: lines in reading order with layout cues, built from PDFs drawn in the test.

Each test draws the layout a resume generator produces (reportlab canvas or
frames, or raw content streams for fonts reportlab cannot write) and checks
the canonical text and the line cues the sectioner relies on.
"""

from __future__ import annotations

import sys
from typing import Any

import pytest
from pdf_backends import BACKENDS, extractor
from pdf_builders import (
    CID_FONT_NO_MAP,
    HELVETICA,
    canvas_pdf,
    differences_font,
    frames_pdf,
    page_pdf,
    tounicode_font,
    truetype_font,
)

from resume_signals.document import Document
from resume_signals.extract._pdf_layout import _font_traits
from resume_signals.limits import Limits

LIMITS = Limits()
BODY = "Helvetica"


_BACKEND = "pdfminer"


@pytest.fixture(autouse=True, params=BACKENDS)
def _backend(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every test here runs on both PDF backends: the shared line builder must see the same glyphs."""
    monkeypatch.setattr(sys.modules[__name__], "_BACKEND", request.param)


def _extract(data: bytes) -> Document:
    return extractor(_BACKEND)(data, limits=LIMITS)


def _texts(doc: Document) -> list[str]:
    return [line.text for line in doc.lines]


# --- right-aligned dates stay on their line --------------------------------------------------------

ENTRIES = [
    ("Senior ML Engineer", "Jan 2020 – Present"),
    ("Machine Learning Engineer", "Mar 2017 – Dec 2019"),
    ("Data Scientist", "2015 – 2017"),
]
FILLER = "Shipped a ranking model to production and watched its latency dashboards every single week."


def _dated_entries(c: Any) -> None:
    y = 720.0
    c.setFont("Helvetica-Bold", 14)
    c.drawString(72, y, "Experience")
    y -= 24
    for title, dates in ENTRIES:
        c.setFont("Helvetica-Bold", 10)
        c.drawString(72, y, title)
        c.setFont(BODY, 10)
        c.drawRightString(540, y, dates)
        y -= 14
        for _ in range(2):
            c.drawString(72, y, FILLER)
            y -= 14
        y -= 10


def test_pdf_right_aligned_dates_joined_with_tab() -> None:
    doc = _extract(canvas_pdf(_dated_entries))
    texts = _texts(doc)
    for title, dates in ENTRIES:
        assert f"{title}\t{dates}" in texts
    assert texts.count(FILLER) == 6
    assert texts[0] == "Experience"


def test_pdf_right_aligned_dates_do_not_make_a_column() -> None:
    """Dates in a right band that body lines also cross: the page is read line by line."""
    doc = _extract(canvas_pdf(_dated_entries))
    assert doc.text.index(ENTRIES[0][1]) < doc.text.index(ENTRIES[1][0]) < doc.text.index(ENTRIES[1][1])


def test_pdf_short_lines_with_right_dates_not_split() -> None:
    """Near miss for a column: short left text and dates on the same baselines, nothing crossing the gap."""
    def draw(c: Any) -> None:
        c.setFont(BODY, 10)
        for i, (title, dates) in enumerate(ENTRIES * 2):
            c.drawString(72, 700 - 30 * i, title)
            c.drawRightString(540, 700 - 30 * i, dates)
    texts = _texts(_extract(canvas_pdf(draw)))
    assert texts == [f"{t}\t{d}" for t, d in ENTRIES * 2]


# --- two columns come out one after the other --------------------------------------------------------

SIDEBAR = ["Skills", "Python, SQL, Kubernetes", "Docker, Airflow, Terraform", "Languages",
           "English, German", "Contact", "jane@example.com", "+1 555 0100"]
MAIN = [
    "Experience",
    "Senior ML Engineer at Example Corp. Shipped the fraud model that now screens every card payment, "
    "with drift alerts in Grafana and a weekly retraining job.",
    "Led a team of 5 engineers and cut p99 latency from 180 ms to 40 ms by moving scoring to Triton.",
    "Machine Learning Engineer at Sample Ltd. Built the recommendation service and ran A/B tests "
    "on every release.",
]


def test_pdf_two_frames_read_column_by_column() -> None:
    doc = _extract(frames_pdf(SIDEBAR, MAIN))
    text = doc.text
    sidebar_end = text.index("+1 555 0100")
    assert all(text.index(s) <= sidebar_end for s in SIDEBAR)
    assert text.index("Experience") > sidebar_end
    main_lines = [ln for ln in doc.lines if ln.x0 is not None and ln.x0 > 200]
    assert main_lines and all(ln.start > sidebar_end for ln in main_lines)
    assert "Shipped the fraud model" in text.replace("\n", " ")


_AWARD = "3rd place, NeurIPS traffic-forecasting challenge, with an ensemble of gradient-boosted models"


@pytest.mark.parametrize(("items", "lines"), [
    # a narrow sidebar fills a line with three or four words: the award's sentence goes on below, one unit
    ([_AWARD], [_AWARD]),
    # near miss: short list items that each fit on their line stay apart, even when the next goes on in lower case
    (["Go, R, C,", "docker and k8s", _AWARD], ["Go, R, C,", "docker and k8s", _AWARD]),
])
def test_pdf_narrow_sidebar_sentence_wraps_into_one_line(items: list[str], lines: list[str]) -> None:
    texts = _texts(_extract(frames_pdf(["Awards", *items, "Dean's list"], MAIN, left_width=110)))
    assert texts[1:1 + len(lines)] == lines


def test_pdf_two_frames_sidebar_on_the_right() -> None:
    doc = _extract(frames_pdf(MAIN, SIDEBAR, left_width=360))
    text = doc.text
    assert text.index("Experience") < text.index("Skills")
    assert text.index("A/B tests") < text.index("Python, SQL, Kubernetes")
    assert all(s in _texts(doc) for s in SIDEBAR)


def test_pdf_two_columns_on_same_baselines() -> None:
    """A table exported to PDF: both cells use one font and one pitch, so baselines coincide."""
    left = ["Skills", "Python", "Kubernetes", "Airflow", "Terraform", "Grafana"]
    right = ["Experience", "Senior ML Engineer", "Shipped a fraud model to", "production and monitored",
             "it with Grafana alerts", "every week"]

    def draw(c: Any) -> None:
        c.setFont(BODY, 10)
        for i, (a, b) in enumerate(zip(left, right, strict=True)):
            c.drawString(72, 700 - 14 * i, a)
            c.drawString(260, 700 - 14 * i, b)
    # the right cell's sentence may come back as one line (a narrow column's wrap) or as its four lines
    assert " ".join(_texts(_extract(canvas_pdf(draw)))) == " ".join(left + right)


@pytest.mark.parametrize(("page2_left", "columns"), [
    # the next page holds two lines of the sidebar beside the jobs that carry on: still two columns
    (["Interests", "Cycling, chess"], True),
    # near miss: a page of full-width lines is one column whatever the page before was
    ([], False),
])
def test_pdf_next_page_keeps_the_columns(page2_left: list[str], columns: bool) -> None:
    left1 = ["Skills", "Python", "Kubernetes", "Airflow", "Terraform", "Grafana", "Education", "MSc, 2016"]
    right1 = ["Experience", "Senior ML Engineer, Acme", "Shipped the fraud model.", "Monitored it in Grafana.",
              "Led a team of 5.", "Cut p99 latency by half.", "Built the feature store.", "Ran the A/B tests."]
    right2 = ["Data Scientist, Globex", "Built the churn model.", "Deployed it to production."]

    def draw(c: Any) -> None:
        c.setFont(BODY, 10)
        if c.getPageNumber() == 1:
            for i, (a, b) in enumerate(zip(left1, right1, strict=True)):
                c.drawString(72, 700 - 14 * i, a)
                c.drawString(260, 700 - 14 * i, b)
        elif columns:
            for i, b in enumerate(right2):
                if i < len(page2_left):
                    c.drawString(72, 700 - 14 * i, page2_left[i])
                c.drawString(260, 700 - 14 * i, b)
        else:
            for i, b in enumerate(right2):
                c.drawString(72, 700 - 14 * i, b + " and a long tail that runs across the whole page width here")
    texts = _texts(_extract(canvas_pdf(draw, pages=2)))
    page2 = page2_left + right2 if columns else [b + " and a long tail that runs across the whole page width here"
                                                 for b in right2]
    assert texts[len(left1) + len(right1):] == page2


def test_pdf_left_labels_stay_on_their_rows() -> None:
    """Near miss: section labels in a left margin are fields of their rows, not a column."""
    rows = [("Education", "MSc Computer Science, Example University, 2019"),
            ("Experience", "Senior ML Engineer, Example Corp, 2019 – 2024"),
            ("Skills", "Python, Kubernetes, Airflow, Terraform, Grafana"),
            ("Awards", "Best paper award at an example workshop, 2021")]

    def draw(c: Any) -> None:
        y = 700
        for label, content in rows:
            c.setFont("Helvetica-Bold", 10)
            c.drawString(72, y, label)
            c.setFont(BODY, 10)
            c.drawString(160, y, content)
            y -= 14
            c.drawString(160, y, "More detail about this part of the resume goes on this line.")
            y -= 28
    texts = _texts(_extract(canvas_pdf(draw)))
    for label, content in rows:
        assert f"{label}\t{content}" in texts


def test_pdf_form_labels_and_dates_stay_on_their_rows() -> None:
    """A form's labels in a left column, then the jobs' dates under them: fields of their rows, not a column."""
    rows = [("Date of birth:", "1 January 1990"), ("Place of birth:", "Example Town"),
            ("Family status:", "married"), ("Nationality:", "Exampleland"),
            ("03/2021 – today", "Platform Engineer"), ("01/2018 – 02/2021", "Systems Administrator")]

    def draw(c: Any) -> None:
        c.setFont(BODY, 10)
        y = 700
        for label, value in rows:
            c.drawString(72, y, label)
            c.drawString(200, y, value)
            y -= 14
            if not label.endswith(":"):
                c.drawString(200, y, "Built the deployment pipelines and ran the Kubernetes clusters.")
                y -= 28
    texts = _texts(_extract(canvas_pdf(draw)))
    for label, value in rows:
        assert f"{label}\t{value}" in texts


@pytest.mark.parametrize(("matrix", "read"), [
    (b"1 0 0.23 1", True),  # faked italics: the letters lean, the baseline is level
    (b"0.8 0 0.3 0.8", True),
    (b"0 1 -1 0", False),  # near miss: a label turned on its side is skipped
    (b"1 0 0.9 1", False),  # near miss: slanted past any italic
    (b"-1 0 0 1", False),  # near miss: mirrored
])
def test_pdf_slanted_text_is_read_rotated_is_skipped(matrix: bytes, read: bool) -> None:
    content = (b"BT /F1 10 Tf 72 700 Td (Lead Data Engineer, Example Corp) Tj ET\n"
               b"BT /F1 10 Tf " + matrix + b" 72 680 Tm (Senior Platform Engineer, Sample Ltd) Tj ET")
    texts = _texts(_extract(page_pdf([content], {"F1": HELVETICA})))
    assert texts[0] == "Lead Data Engineer, Example Corp"
    assert ("Senior Platform Engineer, Sample Ltd" in texts) is read


# --- bullets ---------------------------------------------------------------------------------------

BULLET_FONTS = {
    "F1": HELVETICA,
    "F2": differences_font("Helvetica", 65, "uniF0B7"),
    "F3": CID_FONT_NO_MAP,
    "F4": truetype_font("Wingdings-Regular"),
    "F5": truetype_font("Symbol"),
}


@pytest.mark.parametrize(("glyph", "name"), [
    (b"/F1 10 Tf (\\225) Tj", "winansi-bullet"),
    (b"/F2 10 Tf (A) Tj", "private-use-F0B7"),
    (b"/F3 10 Tf <0083> Tj", "cid-without-map"),
    (b"/F4 10 Tf (\\247) Tj", "wingdings"),
    (b"/F5 10 Tf (\\267) Tj", "symbol-font"),
    (b"/F1 10 Tf (-) Tj", "hyphen"),
    (b"/F1 10 Tf (\\226) Tj", "en-dash"),
])
def test_pdf_bullet_glyphs_normalised(glyph: bytes, name: str) -> None:
    if _BACKEND == "pdfium" and name == "private-use-F0B7":
        pytest.xfail("PDFium drops a glyph whose ToUnicode maps to a private-use code point: the bullet is lost")
    content = (b"BT 72 700 Td " + glyph + b" ET BT /F1 10 Tf 84 700 Td (Shipped a churn model to production) Tj ET\n"
               b"BT /F1 10 Tf 72 670 Td (Plain line after the list) Tj ET")
    doc = _extract(page_pdf([content], BULLET_FONTS))
    assert _texts(doc) == ["• Shipped a churn model to production", "Plain line after the list"]
    assert [ln.bullet for ln in doc.lines] == [True, False]


@pytest.mark.parametrize("text", [b"-5% churn after the launch", b"2019 - 2021 at Example Corp"])
def test_pdf_dash_without_space_is_not_a_bullet(text: bytes) -> None:
    content = b"BT /F1 10 Tf 72 700 Td (" + text + b") Tj ET"
    doc = _extract(page_pdf([content]))
    assert not doc.lines[0].bullet
    assert doc.lines[0].text == text.decode()


def test_pdf_icon_glyphs_inside_a_line_removed() -> None:
    content = (b"BT /F1 10 Tf 72 700 Td (Jane Doe ) Tj /F3 10 Tf <0012> Tj /F1 10 Tf ( jane@example.com ) Tj "
               b"/F2 10 Tf (A) Tj /F1 10 Tf ( +1 555 0100) Tj ET")
    doc = _extract(page_pdf([content], BULLET_FONTS))
    assert _texts(doc) == ["Jane Doe jane@example.com +1 555 0100"]
    assert not doc.lines[0].bullet


def _wrapped_bullets(c: Any) -> None:
    c.setFont(BODY, 10)
    c.drawString(72, 700, "\u2022")
    c.drawString(84, 700, "Built the feature store and the nightly retraining pipeline that keeps the")
    c.drawString(84, 688, "fraud model fresh, with alerts on input drift and a one-click rollback.")
    c.drawString(72, 676, "\u2022")
    c.drawString(84, 676, "Ran A/B tests on every release.")
    c.setFont("Helvetica-Bold", 10)
    c.drawString(72, 652, "Data Scientist, Example Corp")


def test_pdf_wrapped_bullet_is_one_line() -> None:
    doc = _extract(canvas_pdf(_wrapped_bullets))
    assert _texts(doc) == [
        "• Built the feature store and the nightly retraining pipeline that keeps the fraud model fresh, "
        "with alerts on input drift and a one-click rollback.",
        "• Ran A/B tests on every release.",
        "Data Scientist, Example Corp",
    ]
    assert [ln.bullet for ln in doc.lines] == [True, True, False]
    assert doc.lines[2].bold and not doc.lines[0].bold


def test_pdf_wrapped_bullet_without_hanging_indent() -> None:
    """Word-style: the tail starts under the glyph; it joins because its first word did not fit above."""
    def draw(c: Any) -> None:
        c.setFont(BODY, 10)
        c.drawString(72, 700, "\u2022 Moved the scoring service to Kubernetes and cut the monthly cloud bill")
        c.drawString(72, 688, "by 30% while keeping p99 latency under 50 ms.")
        c.drawString(72, 676, "Short note.")
        c.drawString(72, 664, "Another line of plain text that starts a new paragraph here.")
    texts = _texts(_extract(canvas_pdf(draw)))
    assert texts[0] == ("• Moved the scoring service to Kubernetes and cut the monthly cloud bill by 30% while "
                        "keeping p99 latency under 50 ms.")
    assert texts[1:] == ["Short note.", "Another line of plain text that starts a new paragraph here."]


def test_pdf_bullet_followed_by_short_line_not_joined() -> None:
    """Near miss: a short bullet (it did not wrap) and a plain line under it stay two lines."""
    def draw(c: Any) -> None:
        c.setFont(BODY, 10)
        c.drawString(72, 700, "\u2022 Ran A/B tests.")
        c.drawString(72, 688, "Example Corp, Berlin")
        c.drawString(72, 676, "A long line that fills the column so that the right edge of the text is known here.")
    texts = _texts(_extract(canvas_pdf(draw)))
    assert texts[:2] == ["• Ran A/B tests.", "Example Corp, Berlin"]


@pytest.mark.parametrize(("second", "joined"), [
    # A plain sentence cut by the line end goes on in lower case: one line, one piece of evidence.
    ("models into production for the claims team.", True),
    # Near misses: a new sentence, and a new item in capitals, start their own line.
    ("Models went to production for the claims team.", False),
    ("Claims Platform, Example Corp", False),
])
def test_pdf_wrapped_plain_sentence_is_one_line(second: str, joined: bool) -> None:
    first = "Over four years I built and debugged pricing and fraud models, and deployed"

    def draw(c: Any) -> None:
        c.setFont(BODY, 10)
        c.drawString(72, 700, first)
        c.drawString(72, 688, second)
        c.drawString(72, 664, "A later paragraph that fills the column so that the right edge of the text is known.")
    texts = _texts(_extract(canvas_pdf(draw)))
    assert texts[:2 - joined] == ([f"{first} {second}"] if joined else [first, second])


def test_pdf_finished_sentence_is_not_joined_to_the_next_line() -> None:
    """Near miss: the line above ends its sentence, so even a lower-case line under it stays apart."""
    def draw(c: Any) -> None:
        c.setFont(BODY, 10)
        c.drawString(72, 700, "Over four years I built and debugged pricing and fraud models for lenders.")
        c.drawString(72, 688, "iOS and web releases shipped every second week.")
        c.drawString(72, 664, "A later paragraph that fills the column so that the right edge of the text is known.")
    assert _texts(_extract(canvas_pdf(draw)))[:2] == [
        "Over four years I built and debugged pricing and fraud models for lenders.",
        "iOS and web releases shipped every second week."]


# --- hyphenation ---------------------------------------------------------------------------------------

@pytest.mark.parametrize(("first", "second", "expected"), [
    ("Took the model to produc-", "tion in six weeks.", ["Took the model to production", "in six weeks."]),
    ("Owned the state-of-the-", "art ranking stack.", ["Owned the state-of-the-art", "ranking stack."]),
    ("Worked on the U-", "Net segmentation model.", ["Worked on the U-Net", "segmentation model."]),
    ("Dates 2019 -", "2021 were busy.", ["Dates 2019 -", "2021 were busy."]),
])
def test_pdf_hyphenated_line_break(first: str, second: str, expected: list[str]) -> None:
    def draw(c: Any) -> None:
        c.setFont(BODY, 10)
        c.drawString(72, 700, first)
        c.drawString(72, 688, second)
    assert _texts(_extract(canvas_pdf(draw))) == expected


def test_pdf_hyphen_kept_for_compound_written_elsewhere() -> None:
    def draw(c: Any) -> None:
        c.setFont(BODY, 10)
        c.drawString(72, 700, "Built a low-resource translation model.")
        c.drawString(72, 676, "Trained it on low-")
        c.drawString(72, 664, "resource language pairs.")
    texts = _texts(_extract(canvas_pdf(draw)))
    assert texts[1] == "Trained it on low-resource"


# --- running headers and footers -----------------------------------------------------------------------

def _with_running_heads(c: Any) -> None:
    n = c.getPageNumber()
    c.setFont(BODY, 9)
    c.drawString(72, 760, "Jane Doe - jane@example.com - +1 555 0100")
    c.drawCentredString(306, 30, f"Page {n} of 3")
    c.setFont(BODY, 10)
    c.drawString(72, 600, f"Body text of page {n}.")


def test_pdf_running_header_kept_once_and_page_numbers_dropped() -> None:
    doc = _extract(canvas_pdf(_with_running_heads, pages=3))
    assert _texts(doc) == ["Jane Doe - jane@example.com - +1 555 0100", "Body text of page 1.",
                           "Body text of page 2.", "Body text of page 3."]
    assert doc.pages == 3
    assert any("dropped" in w for w in doc.warnings)


def test_pdf_repeated_body_line_is_not_a_header() -> None:
    """Near miss: the same text on every page but in the body area is content, kept each time."""
    def draw(c: Any) -> None:
        c.setFont(BODY, 10)
        c.drawString(72, 500, "Tools: Python, Docker")
    assert _texts(_extract(canvas_pdf(draw, pages=2))) == ["Tools: Python, Docker"] * 2


# --- layout cues ---------------------------------------------------------------------------------------

def test_pdf_font_size_bold_italic_and_positions() -> None:
    def draw(c: Any) -> None:
        c.setFont("Helvetica-Bold", 16)
        c.drawString(72, 720, "EXPERIENCE")
        c.setFont("Helvetica-Oblique", 10)
        c.drawString(72, 700, "Jan 2020 – Present")
        c.setFont(BODY, 10)
        c.drawString(90, 686, "Deployed a model.")
        c.drawString(90, 650, "After a blank line.")
    doc = _extract(canvas_pdf(draw))
    head, dates, body, after = doc.lines
    assert (head.size, head.bold, head.italic) == (16.0, True, False)
    assert (dates.size, dates.bold, dates.italic) == (10.0, False, True)
    assert (body.bold, body.italic) == (False, False)
    assert body.x0 == pytest.approx(90, abs=0.5) and head.x0 == pytest.approx(72, abs=0.5)
    assert body.x1 is not None and body.x1 > body.x0
    assert body.gap_before < 0.3 < after.gap_before
    assert doc.body_size == 10.0
    assert {ln.page for ln in doc.lines} == {1}


@pytest.mark.parametrize(("content", "expected"), [
    (b"[(Machine) -300 (Learning) -280 (Engineer)] TJ", "Machine Learning Engineer"),
    (b"[(Py) 20 (Torch) -250 (and) -250 (JAX)] TJ", "PyTorch and JAX"),
    (b"3 Tc (EXPERIENCE) Tj", "EXPERIENCE"),
    (b"[(Led) -140 (a) -140 (team) -140 (of) -140 (three)] TJ", "Led a team of three"),
    (b"[(\\(Adobe) -250 (Stock) -150 (\\)) -250 (photos)] TJ", "(Adobe Stock) photos"),
    (b"[(built) -250 (a) -250 (.NET) -250 (API)] TJ", "built a .NET API"),
])
def test_pdf_words_from_positions_without_space_glyphs(content: bytes, expected: str) -> None:
    """TeX writes no space characters: word breaks come from gaps (0.14 em on a squeezed line)."""
    doc = _extract(page_pdf([b"BT /F1 10 Tf 72 700 Td " + content + b" ET"]))
    assert _texts(doc) == [expected]


def test_pdf_tex_accent_folded_into_letter() -> None:
    """TeX draws 'ü' as 'u' with a spacing diaeresis on top of it."""
    def draw(c: Any) -> None:
        c.setFont(BODY, 10)
        head = c.stringWidth("ETH Zu", BODY, 10)
        over_u = 72 + head - c.stringWidth("u", BODY, 10) / 2 - c.stringWidth("\u00a8", BODY, 10) / 2
        c.drawString(72, 700, "ETH Zu")
        c.drawString(over_u, 700, "\u00a8")
        c.drawString(72 + head, 700, "rich")
    assert _texts(_extract(canvas_pdf(draw))) == ["ETH Zürich"]


def test_pdf_ligatures_expanded() -> None:
    fonts = {"F1": differences_font("Helvetica", 65, "fi")}
    doc = _extract(page_pdf([b"BT /F1 10 Tf 72 700 Td (Ane-tuned) Tj ET"], fonts))
    assert _texts(doc) == ["fine-tuned"]


def test_pdf_odd_tounicode_maps_tamed() -> None:
    """Some Word exports map one hyphen to '-', U+00AD and U+2010, and a space to four blanks."""
    font, cmap = tounicode_font({0x2D: "-\u00ad\u2010", 0x20: "\t\r \u00a0"})
    doc = _extract(page_pdf([b"BT /F1 10 Tf 72 700 Td (An on-campus role) Tj ET"], {"F1": font}, extra=cmap))
    assert _texts(doc) == ["An on-campus role"]


@pytest.mark.parametrize(("drawn", "expected"), [
    (["Experience", "______________________"], ["Experience"]),
    (["Skills", "--------------------"], ["Skills"]),
])
def test_pdf_rules_typed_as_characters_removed(drawn: list[str], expected: list[str]) -> None:
    def draw(c: Any) -> None:
        c.setFont("Helvetica-Bold", 10)
        c.drawString(72, 700, drawn[0])
        c.drawString(200, 700, drawn[1])
    assert _texts(_extract(canvas_pdf(draw))) == expected


def test_pdf_lone_ornament_line_dropped() -> None:
    def draw(c: Any) -> None:
        c.setFont(BODY, 10)
        c.drawString(72, 700, "Summary")
        c.setFont(BODY, 24)
        c.drawString(72, 670, "!")
        c.setFont(BODY, 10)
        c.drawString(72, 640, "Shipped 3 models to production.")
    assert _texts(_extract(canvas_pdf(draw))) == ["Summary", "Shipped 3 models to production."]


def test_pdf_style_change_across_a_gap_is_a_tab() -> None:
    """A bold label one em before its content (a skills table) is a field boundary; a bullet's bold lead is not."""
    def draw(c: Any) -> None:
        c.setFont("Helvetica-Bold", 10)
        c.drawString(72, 700, "Programming")
        c.drawString(72, 660, "\u2022 Fraud model:")
        c.setFont(BODY, 10)
        label = c.stringWidth("Programming", "Helvetica-Bold", 10)
        lead = c.stringWidth("\u2022 Fraud model:", "Helvetica-Bold", 10)
        c.drawString(72 + label + 10, 700, "Python, SQL, Go")
        c.drawString(72 + lead + 10, 660, "shipped it to production.")
        c.drawString(72, 680, "Plain words spaced as usual stay together here.")
    texts = _texts(_extract(canvas_pdf(draw)))
    assert texts == ["Programming\tPython, SQL, Go", "Plain words spaced as usual stay together here.",
                     "• Fraud model: shipped it to production."]


@pytest.mark.parametrize(("font", "bold", "italic"), [
    ("ABCDEF+Calibri-Bold", True, False),
    ("Arial-BoldMT", True, False),
    ("ArialMT,Bold", True, False),
    ("SourceSansPro-Semibold", True, False),
    ("Lato-Black", True, False),
    ("ABCDEF+CMBX10", True, False),  # TeX bold extended
    ("TimesNewRomanPS-ItalicMT", False, True),
    ("Helvetica-Oblique", False, True),
    ("ABCDEF+CMSSI10", False, True),  # TeX sans italic
    ("Georgia-BoldItalic", True, True),
    ("Roboto-Medium", False, False),  # near miss: medium is not bold
    ("ABCDEF+CMR10", False, False),
    ("Calibri", False, False),
])
def test_pdf_font_name_cues(font: str, bold: bool, italic: bool) -> None:
    assert _font_traits(font)[:2] == (bold, italic)


def test_pdf_bullets_drawn_as_shapes() -> None:
    """HTML-to-PDF lists draw their bullets as small filled circles, not glyphs; rating dots are no text."""
    def draw(c: Any) -> None:
        c.setFont(BODY, 10)
        for i, text in enumerate(["Shipped the ranking model to production.", "Cut p99 latency by 40%."]):
            c.circle(76, 703.3 - 14 * i, 1.5, stroke=0, fill=1)
            c.drawString(84, 700 - 14 * i, text)
        c.drawString(72, 660, "Python")
        for k in range(5):
            c.circle(200 + 8 * k, 663.3, 2, stroke=0, fill=1)
        c.rect(72, 640, 400, 0.8, stroke=0, fill=1)  # a rule under a heading: not a bullet either
    doc = _extract(canvas_pdf(draw))
    assert _texts(doc) == ["• Shipped the ranking model to production.", "• Cut p99 latency by 40%.", "Python"]
    assert [ln.bullet for ln in doc.lines] == [True, True, False]
