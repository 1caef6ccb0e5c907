"""DOCX extraction: reading order, regions and the layout cues that mark headings and bullets."""

from __future__ import annotations

from typing import Any

import pytest
from docx.enum.text import WD_BREAK
from docx.shared import Pt
from extract_builders import (
    docx_bytes,
    docx_with_body,
    para,
    read_part,
    rezip,
    simple_resume_docx,
    textbox_para,
)

from resume_signals.document import Document
from resume_signals.errors import DocumentError, ErrorCode
from resume_signals.extract.docx import extract_docx
from resume_signals.limits import Limits

LIMITS = Limits()


def _extract(data: bytes) -> Document:
    doc = extract_docx(data, limits=LIMITS)
    for line in doc.lines:
        assert doc.text[line.start:line.end] == line.text
    return doc


def _texts(doc: Document) -> list[str]:
    return [line.text for line in doc.lines]


def test_docx_keeps_styles_bold_size_and_bullets() -> None:
    doc = _extract(simple_resume_docx())
    by_text = {line.text: line for line in doc.lines}
    assert _texts(doc)[:3] == ["Jordan Example", "jordan@example.com | 555-0100", "Experience"]
    heading = by_text["Experience"]
    assert (heading.style, heading.bold, heading.size) == ("Heading 1", True, 14.0)
    body = by_text["jordan@example.com | 555-0100"]
    assert (body.style, body.bold, body.size) == ("Normal", False, 11.0)
    assert by_text["Jordan Example"].style == "Title"
    bullet = by_text["• Shipped a ranking model to 30M users"]
    assert bullet.bullet and bullet.style == "List Bullet"
    assert "ML Engineer, Acme\tJan 2020 – Present" in by_text
    assert doc.format == "docx"


def test_docx_bold_is_the_majority_of_characters() -> None:
    def build(d: Any) -> None:
        p = d.add_paragraph()
        p.add_run("Mostly bold heading text").bold = True
        p.add_run(" tail")
        q = d.add_paragraph()
        q.add_run("Skills:").bold = True
        q.add_run(" Python, Docker, Kubernetes, Airflow")

    doc = _extract(docx_bytes(build))
    assert [line.bold for line in doc.lines] == [True, False]


def test_docx_run_size_overrides_style_size() -> None:
    def build(d: Any) -> None:
        d.add_paragraph().add_run("Big name").font.size = Pt(20)
        d.add_paragraph("Normal text")

    doc = _extract(docx_bytes(build))
    assert [line.size for line in doc.lines] == [20.0, 11.0]


def test_docx_numbering_and_typed_bullets_become_bullet_lines() -> None:
    numbered = ('<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr>'
                "<w:r><w:t>Numbered item</w:t></w:r></w:p>")
    body = numbered + para("•\tTyped bullet") + para("Plain line") + para("- dash bullet")
    doc = _extract(docx_with_body(body))
    assert _texts(doc) == ["• Numbered item", "• Typed bullet", "Plain line", "• dash bullet"]
    assert [line.bullet for line in doc.lines] == [True, True, False, True]


def test_docx_numbered_heading_is_not_a_bullet() -> None:
    heading = ('<w:p><w:pPr><w:pStyle w:val="Heading1"/><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/>'
               "</w:numPr></w:pPr><w:r><w:t>Experience</w:t></w:r></w:p>")
    doc = _extract(docx_with_body(heading + para("Body")))
    assert doc.lines[0].text == "Experience" and not doc.lines[0].bullet


def test_docx_two_column_layout_table_reads_column_after_column() -> None:
    def build(d: Any) -> None:
        table = d.add_table(rows=1, cols=2)
        left, right = table.rows[0].cells
        left.text = "SKILLS"
        left.add_paragraph("Python")
        left.add_paragraph("Kubernetes")
        right.text = "EXPERIENCE"
        right.add_paragraph("ML Engineer, Acme")
        right.add_paragraph("Shipped a model", style="List Bullet")

    doc = _extract(docx_bytes(build))
    assert _texts(doc) == ["SKILLS", "Python", "Kubernetes", "EXPERIENCE", "ML Engineer, Acme", "• Shipped a model"]
    assert {line.region for line in doc.lines} == {"table"}


def test_docx_row_of_single_line_cells_is_one_tabbed_line() -> None:
    def build(d: Any) -> None:
        table = d.add_table(rows=2, cols=2)
        table.cell(0, 0).text = "ML Engineer, Acme"
        table.cell(0, 1).text = "Jan 2020 – Present"
        table.cell(1, 0).text = "Data Analyst, Beta"
        table.cell(1, 1).text = "2017 – 2019"

    doc = _extract(docx_bytes(build))
    assert _texts(doc) == ["ML Engineer, Acme\tJan 2020 – Present", "Data Analyst, Beta\t2017 – 2019"]


def test_docx_merged_cells_are_read_once() -> None:
    def build(d: Any) -> None:
        table = d.add_table(rows=3, cols=2)
        merged = table.cell(0, 0).merge(table.cell(2, 0))
        merged.text = "Acme Corp"
        table.cell(0, 1).text = "First role"
        table.cell(1, 1).text = "Second role"
        table.cell(2, 1).text = "Third role"
        wide = table.cell(1, 1)
        assert wide is not None

    doc = _extract(docx_bytes(build))
    assert doc.text.count("Acme Corp") == 1
    for role in ("First role", "Second role", "Third role"):
        assert doc.text.count(role) == 1


def test_docx_nested_table_is_read_in_place() -> None:
    def build(d: Any) -> None:
        outer = d.add_table(rows=1, cols=1)
        cell = outer.cell(0, 0)
        cell.text = "Before nested"
        inner = cell.add_table(rows=1, cols=1)
        inner.cell(0, 0).text = "Inside nested"
        cell.add_paragraph("After nested")
        d.add_paragraph("Below table")

    doc = _extract(docx_bytes(build))
    assert _texts(doc) == ["Before nested", "Inside nested", "After nested", "Below table"]


def test_docx_text_box_takes_choice_not_vml_fallback() -> None:
    doc = _extract(docx_with_body(para("Top") + textbox_para("Box text", "Box text") + para("After")))
    assert _texts(doc) == ["Top", "Box text", "After"]
    assert doc.lines[1].region == "textbox"


def test_docx_vml_only_text_box_is_read() -> None:
    vml = ("<w:p><w:r><w:pict><v:shape><v:textbox><w:txbxContent>" + para("Legacy box")
           + "</w:txbxContent></v:textbox></v:shape></w:pict></w:r></w:p>")
    doc = _extract(docx_with_body(para("Top") + vml))
    assert _texts(doc) == ["Top", "Legacy box"]


def test_docx_header_first_footer_last_and_deduped_across_sections() -> None:
    def build(d: Any) -> None:
        d.sections[0].header.paragraphs[0].text = "Jordan Example · jordan@example.com"
        d.sections[0].footer.paragraphs[0].text = "References on request"
        d.add_paragraph("Experience")
        second = d.add_section()
        second.header.is_linked_to_previous = False
        second.header.paragraphs[0].text = "Jordan Example · jordan@example.com"  # same text, own part
        d.add_paragraph("Education")

    doc = _extract(docx_bytes(build))
    assert _texts(doc) == ["Jordan Example · jordan@example.com", "Experience", "Education", "References on request"]
    assert [line.region for line in doc.lines] == ["header", "body", "body", "footer"]


def test_docx_line_breaks_split_distinct_lines_only() -> None:
    def build(d: Any) -> None:
        p = d.add_paragraph()
        p.add_run("ML Engineer, Acme")
        p.add_run().add_break(WD_BREAK.LINE)
        p.add_run("Jan 2020 – Present")
        q = d.add_paragraph()
        q.add_run("Built a model that")
        q.add_run().add_break(WD_BREAK.LINE)
        q.add_run("reduced latency by 40%")

    doc = _extract(docx_bytes(build))
    assert _texts(doc) == ["ML Engineer, Acme", "Jan 2020 – Present", "Built a model that reduced latency by 40%"]


def test_docx_hidden_text_is_skipped_and_counted() -> None:
    hidden = '<w:p><w:r><w:t>Visible </w:t></w:r><w:r><w:rPr><w:vanish/></w:rPr><w:t>kubernetes kafka</w:t></w:r></w:p>'
    doc = _extract(docx_with_body(hidden))
    assert doc.text == "Visible"
    assert doc.hidden is not None and doc.hidden.chars == 15 and doc.hidden.methods == ("vanish",)


def test_docx_caps_formatting_shows_upper_case() -> None:
    caps = '<w:p><w:r><w:rPr><w:caps/></w:rPr><w:t>Experience</w:t></w:r></w:p>'
    assert _extract(docx_with_body(caps)).text == "EXPERIENCE"


def test_docx_tracked_deletions_and_field_codes_are_not_text() -> None:
    body = ('<w:p><w:r><w:t xml:space="preserve">Kept </w:t></w:r>'
            '<w:del w:id="1" w:author="x"><w:r><w:delText>deleted</w:delText></w:r></w:del>'
            '<w:ins w:id="2" w:author="x"><w:r><w:t>inserted</w:t></w:r></w:ins></w:p>'
            '<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> HYPERLINK "x" </w:instrText></w:r>'
            '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>github.com/jordan</w:t></w:r>'
            '<w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>')
    assert _texts(_extract(docx_with_body(body))) == ["Kept inserted", "github.com/jordan"]


def test_docx_content_controls_and_hyperlinks_are_read() -> None:
    body = ('<w:sdt><w:sdtContent>' + para("In a block control") + '</w:sdtContent></w:sdt>'
            '<w:p><w:hyperlink r:id="rId99"><w:r><w:t>linkedin.com/in/jordan</w:t></w:r></w:hyperlink></w:p>')
    assert _texts(_extract(docx_with_body(body))) == ["In a block control", "linkedin.com/in/jordan"]


def test_docx_tabs_and_symbol_bullets() -> None:
    body = ('<w:p><w:r><w:t>Title</w:t></w:r><w:r><w:tab/></w:r><w:r><w:t>2019</w:t></w:r></w:p>'
            '<w:p><w:r><w:sym w:font="Symbol" w:char="F0B7"/></w:r><w:r><w:tab/><w:t>Shipped it</w:t></w:r></w:p>')
    doc = _extract(docx_with_body(body))
    assert _texts(doc) == ["Title\t2019", "• Shipped it"]
    assert doc.lines[1].bullet


def test_docx_page_count_from_app_properties() -> None:
    data = simple_resume_docx()
    app = read_part(data, "docProps/app.xml")
    assert b"<Pages>" in app
    assert _extract(data).pages is not None


def test_docx_without_text_is_empty() -> None:
    with pytest.raises(DocumentError) as err:
        extract_docx(docx_bytes(), limits=LIMITS)
    assert err.value.code is ErrorCode.EMPTY


def test_docx_over_max_chars_is_too_much_text() -> None:
    data = docx_with_body(para("word " * 50) * 20)
    with pytest.raises(DocumentError) as err:
        extract_docx(data, limits=Limits(max_chars=1000))
    assert err.value.code is ErrorCode.TOO_MUCH_TEXT


@pytest.mark.parametrize(("part", "payload", "code"), [
    ("word/document.xml", b"this is not xml", ErrorCode.CORRUPT),
    ("word/document.xml", b"<w:document xmlns:w='x'><w:body><w:p>", ErrorCode.CORRUPT),
    ("word/document.xml", b'<?xml version="1.0"?><root/>', ErrorCode.CORRUPT),  # no body
    ("word/styles.xml", b"\xff\xfe\x00garbage", ErrorCode.CORRUPT),
])
def test_docx_broken_parts(part: str, payload: bytes, code: ErrorCode) -> None:
    with pytest.raises(DocumentError) as err:
        extract_docx(rezip(simple_resume_docx(), replace={part: payload}), limits=LIMITS)
    assert err.value.code is code


def _renamed_main_part(data: bytes, fix_rels: bool) -> bytes:
    types = read_part(data, "[Content_Types].xml").replace(b"/word/document.xml", b"/word/document2.xml")
    replace = {"[Content_Types].xml": types}
    if fix_rels:
        replace["_rels/.rels"] = read_part(data, "_rels/.rels").replace(b"word/document.xml", b"word/document2.xml")
    return rezip(data, replace=replace, drop=["word/document.xml", "word/_rels/document.xml.rels"],
                 add={"word/document2.xml": read_part(data, "word/document.xml"),
                      "word/_rels/document2.xml.rels": read_part(data, "word/_rels/document.xml.rels")})


@pytest.mark.parametrize("fix_rels", [True, False])
def test_docx_word_online_main_part_name_is_found(fix_rels: bool) -> None:
    from resume_signals.extract import extract

    doc = extract(_renamed_main_part(simple_resume_docx(), fix_rels), limits=LIMITS)
    assert doc.format == "docx"
    assert "• Shipped a ranking model to 30M users" in doc.text


def _anchored_box(text: str, y: int, x: int, relative: str = "paragraph") -> str:
    return ("<mc:AlternateContent><mc:Choice Requires=\"wps\"><w:drawing><wp:anchor>"
            f'<wp:positionH relativeFrom="margin"><wp:posOffset>{x}</wp:posOffset></wp:positionH>'
            f'<wp:positionV relativeFrom="{relative}"><wp:posOffset>{y}</wp:posOffset></wp:positionV>'
            f"<a:graphic><a:graphicData><wps:wsp><wps:txbx><w:txbxContent>{para(text)}</w:txbxContent>"
            "</wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>"
            "</mc:AlternateContent>")


def test_docx_text_boxes_on_one_anchor_read_top_to_bottom() -> None:
    boxes = (_anchored_box("PROJECTS", 2_000_000, 0) + _anchored_box("EDUCATION", 500_000, 0)
             + _anchored_box("2019 – 2023", 500_000, 5_000_000) + _anchored_box("SKILLS", 1_000_000, 0))
    doc = _extract(docx_with_body(f"<w:p><w:r>{boxes}</w:r></w:p>"))
    assert _texts(doc) == ["EDUCATION", "2019 – 2023", "SKILLS", "PROJECTS"]


def test_docx_text_boxes_with_mixed_references_keep_document_order() -> None:
    boxes = _anchored_box("First in XML", 2_000_000, 0, "page") + _anchored_box("Second in XML", 500_000, 0)
    doc = _extract(docx_with_body(f"<w:p><w:r>{boxes}</w:r></w:p>"))
    assert _texts(doc) == ["First in XML", "Second in XML"]
