"""Render the labelled fixture specs (fixtures/specs/*.json) into resumes in fixtures/build/.

Why: the accuracy tests need resumes whose every line is labelled, in the layouts
that break naive parsers (Word tables, text boxes, page headers, two-frame PDFs).
Writing them by hand would drift from the labels; this script renders each spec's
lines, in their reading order, with the layout the spec asks for:

- ``txt``: plain UTF-8 (optionally with a BOM), right-aligned dates padded with spaces.
- ``docx``: python-docx; heading styles, bold caps, larger-font or inline "Heading:" labels,
  tab stops for right-aligned or left-column dates, a two-column table, a page header,
  a VML text box (``w:txbxContent``). ``pdf`` for a docx spec is that file exported by
  LibreOffice (``soffice --headless --convert-to pdf``, a throwaway profile).
- ``reportlab_frames``: a PDF drawn in two frames (sidebar and main column).
- ``reportlab_single``: a single-column PDF with U+2022 bullets and a header and footer
  repeated on every page (two pages).

Output is deterministic: zip members of DOCX files get a fixed timestamp, reportlab runs
with ``invariant=1`` and LibreOffice's creation dates and document IDs are overwritten with
fixed values of the same length. Usage: ``python scripts/make_fixtures.py [--no-pdf] [ID...]``.
"""

from __future__ import annotations

import argparse
import io
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile
from collections.abc import Iterable
from datetime import datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from fixtures_gold import BUILD_DIR, SPEC_DIR, GoldLine, Spec, load_specs, validate_spec  # noqa: E402

FIXED_TIME = datetime(2026, 1, 1, 9, 0, 0)
TXT_WIDTH = 78
DATES_LEFT_COL = 18


def _groups(lines: Iterable[GoldLine]) -> list[tuple[str, list[GoldLine]]]:
    """Consecutive lines grouped by place, in order."""
    out: list[tuple[str, list[GoldLine]]] = []
    for ln in lines:
        if out and out[-1][0] == ln.place:
            out[-1][1].append(ln)
        else:
            out.append((ln.place, [ln]))
    return out


# ----------------------------------------------------------------------------------------------
# TXT

def render_txt(spec: Spec) -> bytes:
    lay = spec.data["layout"]
    glyph = lay.get("bullet", "-")
    out: list[str] = []
    for ln in spec.lines:
        text = ln.text
        if "\t" in text:
            left, right = text.split("\t", 1)
            if lay.get("tab") == "dates_left":
                text = left.ljust(max(DATES_LEFT_COL, len(left) + 3)) + right
            else:
                text = left + " " * max(3, TXT_WIDTH - len(left) - len(right)) + right
        if ln.kind == "heading" and out:
            out.append("")
        if ln.kind == "bullet":
            text = f"{glyph} {text}"
        out.append(text)
        if ln.kind == "heading" and lay.get("underline") and not ln.inline:
            out.append("")
    body = "\n".join(out) + "\n"
    encoding = lay.get("encoding", "utf-8")
    return (b"\xef\xbb\xbf" if lay.get("bom") else b"") + body.encode(encoding)


# ----------------------------------------------------------------------------------------------
# DOCX

def _fixed_zip(data: bytes) -> bytes:
    """Rewrite a zip with fixed member timestamps, so the same document gives the same bytes."""
    src = zipfile.ZipFile(io.BytesIO(data))
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            zi = zipfile.ZipInfo(info.filename, date_time=(1980, 1, 1, 0, 0, 0))
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = 0o644 << 16
            dst.writestr(zi, src.read(info.filename))
    return buf.getvalue()


def render_docx(spec: Spec) -> bytes:
    import docx
    from docx.enum.table import WD_TABLE_ALIGNMENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT
    from docx.oxml.ns import qn
    from docx.shared import Inches, Pt

    lay = spec.data["layout"]
    heads = lay.get("headings", "styles")
    d = docx.Document()
    sec = d.sections[0]
    sec.page_width, sec.page_height = Inches(8.5), Inches(11)
    for side in ("left_margin", "right_margin"):
        setattr(sec, side, Inches(0.8))
    sec.top_margin = sec.bottom_margin = Inches(0.7)
    normal = d.styles["Normal"]
    normal.font.name = lay.get("font", "Arial")
    normal.font.size = Pt(10)
    normal.paragraph_format.space_after = Pt(2)
    text_width = 8.5 - 1.6

    cp = d.core_properties
    cp.author = cp.last_modified_by = "resume_signals fixtures"
    cp.title = f"Fixture {spec.id}"
    cp.created = cp.modified = cp.last_printed = FIXED_TIME
    cp.revision = 1
    cp.comments = cp.keywords = cp.subject = cp.category = ""

    def add(container: Any, ln: GoldLine, width: float) -> Any:
        if ln.kind == "heading" and heads == "styles":
            p = container.add_paragraph(style="Heading 1")
            p.add_run(ln.text)
            return p
        if ln.kind == "bullet" and lay.get("bullet", "list_style") == "list_style":
            p = container.add_paragraph(style="List Bullet")
        else:
            p = container.add_paragraph()
        text = ln.text
        if ln.kind == "bullet" and lay.get("bullet", "list_style") != "list_style":
            text = f"{lay['bullet']}\t{text}"
            p.paragraph_format.left_indent = Inches(0.25)
            p.paragraph_format.first_line_indent = Inches(-0.18)
            p.paragraph_format.tab_stops.add_tab_stop(Inches(0.25))
        if "\t" in ln.text:
            pos = Inches(1.7) if lay.get("tab") == "dates_left" else Inches(width)
            align = WD_TAB_ALIGNMENT.LEFT if lay.get("tab") == "dates_left" else WD_TAB_ALIGNMENT.RIGHT
            p.paragraph_format.tab_stops.add_tab_stop(pos, align)
        if ln.kind == "heading":
            if ln.inline and ": " in text:
                label, rest = text.split(": ", 1)
                r = p.add_run(label + ":")
                r.bold = True
                p.add_run(" " + rest)
            else:
                r = p.add_run(text)
                r.bold = heads != "larger"
                if heads == "larger":
                    r.font.size = Pt(15)
                p.paragraph_format.space_before = Pt(8)
            return p
        if ln.kind == "entry":
            parts = text.split("\t")
            if lay.get("tab") == "dates_left" and len(parts) == 2:
                p.add_run(parts[0] + "\t")
                p.add_run(parts[1]).bold = True
            else:
                p.add_run(parts[0]).bold = True
                for part in parts[1:]:
                    p.add_run("\t" + part)
            return p
        r = p.add_run(text)
        if ln.kind == "dates":
            r.italic = True
        if ln.place == "header" and ln.index == 0:
            r.bold = True
            r.font.size = Pt(13)
        return p

    def textbox_anchor(body: Any, lines: list[GoldLine], width: float) -> None:
        """A VML text box holding ``lines``, anchored in its own paragraph (``w:txbxContent``)."""
        from lxml import etree

        anchor = body.add_paragraph()
        run = anchor.add_run()
        w, v = "http://schemas.openxmlformats.org/wordprocessingml/2006/main", "urn:schemas-microsoft-com:vml"
        height = 0.22 * len(lines) + 0.3
        pict = etree.SubElement(run._r, f"{{{w}}}pict")
        shape = etree.SubElement(pict, f"{{{v}}}shape", id=f"{spec.id}_box", type="#_x0000_t202",
                                 style=f"width:{width}in;height:{height:.2f}in")
        box = etree.SubElement(shape, f"{{{v}}}textbox")
        content = etree.SubElement(box, qn("w:txbxContent"))
        for ln in lines:
            p = add(body, ln, width - 0.3)
            content.append(p._p)  # moves the paragraph out of the body into the box

    body_lines = [ln for ln in spec.lines if ln.place not in ("header", "footer")]
    for place in ("header", "footer"):
        hf = [ln for ln in spec.lines if ln.place == place]
        if hf:
            part = sec.header if place == "header" else sec.footer
            part.is_linked_to_previous = False
            first = part.paragraphs[0]
            for k, ln in enumerate(hf):
                p = add(part, ln, text_width)
                if k == 0:
                    first._p.addnext(p._p)
                    first._p.getparent().remove(first._p)

    if lay.get("columns") == "table":
        left_w, right_w = lay.get("left_width", 2.3), text_width - lay.get("left_width", 2.3)
        table = d.add_table(rows=1, cols=2)
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        table.autofit = False
        cells = {"left": table.rows[0].cells[0], "right": table.rows[0].cells[1]}
        widths = {"left": left_w, "right": right_w}
        for place, cell in cells.items():
            cell.width = Inches(widths[place])
        for col, wd in zip(table.columns, (left_w, right_w), strict=True):
            col.width = Inches(wd)
        used = {"left": False, "right": False}
        for ln in body_lines:
            if ln.place not in cells:
                add(d, ln, text_width)
                continue
            cell = cells[ln.place]
            if lay.get("nested_headers") and ln.kind == "entry" and "\t" in ln.text:
                # the entry header is a table nested in the cell: title and organisation | dates
                inner = cell.add_table(rows=1, cols=2)
                inner_w = (widths[ln.place] - 0.15 - 1.5, 1.5)
                for col, wd in zip(inner.columns, inner_w, strict=True):
                    col.width = Inches(wd)
                inner.autofit = False
                for k, (part, icell, wd) in enumerate(zip(ln.text.split("\t", 1), inner.rows[0].cells, inner_w,
                                                          strict=True)):
                    icell.width = Inches(wd)
                    ip = icell.paragraphs[0]
                    ip.add_run(part).bold = k == 0
                    if k == 1:
                        ip.alignment = WD_ALIGN_PARAGRAPH.RIGHT
                p = None
            else:
                p = add(cell, ln, widths[ln.place] - 0.15)
            if not used[ln.place]:
                first = cell.paragraphs[0]
                first._p.getparent().remove(first._p)
                used[ln.place] = True
        # the table follows anything placed in the body before it
        tbl = table._tbl
        tbl.getparent().remove(tbl)
        body_el = d.element.body
        first_cell_line = next(ln for ln in body_lines if ln.place in cells)
        before = [ln for ln in body_lines if ln.index < first_cell_line.index and ln.place not in cells]
        anchor_p = body_el.findall(qn("w:p"))[len(before) - 1] if before else None
        if anchor_p is not None:
            anchor_p.addnext(tbl)
        else:
            body_el.insert(0, tbl)
    elif lay.get("columns") == "rows":
        # one table row per entry: the "left" lines (dates) in the first cell, the following
        # "right" lines (title, organisation, bullets) in the second
        left_w = lay.get("left_width", 1.6)
        widths = {"left": left_w, "right": text_width - left_w}
        table, row = None, None
        for place, group in _groups(body_lines):
            if place not in widths:
                table = None
                for ln in group:
                    add(d, ln, text_width)
                continue
            if table is None:
                table = d.add_table(rows=0, cols=2)
                table.autofit = False
                for col, key in zip(table.columns, ("left", "right"), strict=True):
                    col.width = Inches(widths[key])
            if place == "left" or row is None:
                row = table.add_row()
                for cell, key in zip(row.cells, ("left", "right"), strict=True):
                    cell.width = Inches(widths[key])
            cell = row.cells[0 if place == "left" else 1]
            for k, ln in enumerate(group):
                add(cell, ln, widths[place] - 0.15)
                if k == 0:
                    first = cell.paragraphs[0]
                    first._p.getparent().remove(first._p)
    else:
        for place, group in _groups(body_lines):
            if place == "textbox":
                textbox_anchor(d, group, lay.get("textbox_width", 4.5))
            else:
                for ln in group:
                    add(d, ln, text_width)

    buf = io.BytesIO()
    d.save(buf)
    return _fixed_zip(buf.getvalue())


def docx_to_pdf(docx_bytes: bytes, name: str) -> bytes:
    """Export a DOCX to PDF with LibreOffice in a throwaway profile, then pin its dates and IDs."""
    soffice = shutil.which("soffice") or "/usr/bin/soffice"
    with tempfile.TemporaryDirectory(prefix="rs_fixtures_") as tmp:
        t = Path(tmp)
        src = t / f"{name}.docx"
        src.write_bytes(docx_bytes)
        subprocess.run([soffice, f"-env:UserInstallation=file://{t / 'profile'}", "--headless",
                        "--convert-to", "pdf", "--outdir", str(t), str(src)],
                       check=True, capture_output=True, timeout=180)
        pdf = (t / f"{name}.pdf").read_bytes()
    return pin_pdf(pdf)


def pin_pdf(pdf: bytes) -> bytes:
    """Overwrite creation/modification dates and /ID with fixed values of the same length."""
    def date(m: re.Match[bytes]) -> bytes:
        return m.group(1) + b"20260101090000" + m.group(2)[14:]

    pdf = re.sub(rb"(/(?:CreationDate|ModDate)\s*\(D:)([0-9+\-Z']+)", date, pdf)
    pdf = re.sub(rb"(<xmp:(?:CreateDate|ModifyDate|MetadataDate)>)([^<]+)",
                 lambda m: m.group(1) + b"2026-01-01T09:00:00"[:len(m.group(2))].ljust(len(m.group(2)), b" "), pdf)

    def ids(m: re.Match[bytes]) -> bytes:
        return re.sub(rb"<([0-9A-Fa-f]+)>", lambda h: b"<" + b"0" * len(h.group(1)) + b">", m.group(0))

    pdf = re.sub(rb"/DocChecksum\s*/([0-9A-Fa-f]+)", lambda m: b"/DocChecksum /" + b"0" * len(m.group(1)), pdf)
    return re.sub(rb"/ID\s*\[\s*<[0-9A-Fa-f]+>\s*<[0-9A-Fa-f]+>\s*\]", ids, pdf)


# ----------------------------------------------------------------------------------------------
# reportlab

FONT_FILES = {
    "liberation": ("/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf",
                   "/usr/share/fonts/truetype/liberation/LiberationSans-Bold.ttf",
                   "/usr/share/fonts/truetype/liberation/LiberationSans-Italic.ttf"),
    "dejavu": ("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
               "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf",
               "/usr/share/fonts/truetype/dejavu/DejaVuSans-Oblique.ttf"),
}


def _rl_fonts(family: str) -> tuple[str, str, str]:
    """Embed a TrueType family (with a ToUnicode map, so U+2022 and accents extract as text)."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    names = (f"{family}-Regular", f"{family}-Bold", f"{family}-Italic")
    for name, path in zip(names, FONT_FILES[family], strict=True):
        if not Path(path).exists():
            raise SystemExit(f"font file missing: {path} (install fonts-liberation / fonts-dejavu-core)")
        if name not in pdfmetrics.getRegisteredFontNames():
            pdfmetrics.registerFont(TTFont(name, path))
    return names


def _rl_styles(family: str) -> dict[str, Any]:
    from reportlab.lib.enums import TA_RIGHT
    from reportlab.lib.styles import ParagraphStyle

    regular, bold, italic = _rl_fonts(family)
    base = ParagraphStyle("base", fontName=regular, fontSize=9.5, leading=12.5)
    return {
        "line": base,
        "name": ParagraphStyle("name", parent=base, fontName=bold, fontSize=15, leading=19),
        "heading": ParagraphStyle("heading", parent=base, fontName=bold, fontSize=11.5, leading=15,
                                  spaceBefore=9, spaceAfter=2),
        "entry": ParagraphStyle("entry", parent=base, fontName=bold, spaceBefore=4),
        "dates": ParagraphStyle("dates", parent=base, fontName=italic),
        "right": ParagraphStyle("right", parent=base, alignment=TA_RIGHT),
        "bullet": ParagraphStyle("bullet", parent=base, leftIndent=12, bulletIndent=2, bulletFontName=regular),
        "fonts": (regular, bold, italic),
    }


def _esc(s: str) -> str:
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _rl_flowables(lines: list[GoldLine], width: float, st: dict[str, Any], first_is_name: bool) -> list[Any]:
    from reportlab.platypus import Paragraph, Table, TableStyle

    out: list[Any] = []
    for k, ln in enumerate(lines):
        if ln.kind == "bullet":
            out.append(Paragraph(_esc(ln.text), st["bullet"], bulletText="\u2022"))
        elif "\t" in ln.text:
            left, right = ln.text.split("\t", 1)
            style = st["entry"] if ln.kind == "entry" else st["line"]
            from reportlab.pdfbase.pdfmetrics import stringWidth

            right_w = stringWidth(right, st["right"].fontName, st["right"].fontSize) + 8
            t = Table([[Paragraph(_esc(left), style), Paragraph(_esc(right), st["right"])]],
                      colWidths=[width - right_w, right_w])
            t.setStyle(TableStyle([("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                                   ("TOPPADDING", (0, 0), (-1, -1), 3), ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
                                   ("VALIGN", (0, 0), (-1, -1), "BOTTOM")]))
            out.append(t)
        elif k == 0 and first_is_name:
            out.append(Paragraph(_esc(ln.text), st["name"]))
        else:
            out.append(Paragraph(_esc(ln.text), st.get(ln.kind, st["line"])))
    return out


def render_reportlab_frames(spec: Spec) -> bytes:
    """Two real frames: a narrow sidebar (place "left") and the main column (place "right")."""
    from reportlab.lib.pagesizes import letter
    from reportlab.lib.units import inch
    from reportlab.platypus import BaseDocTemplate, Frame, FrameBreak, PageTemplate

    st = _rl_styles(spec.data["layout"].get("font", "liberation"))
    buf = io.BytesIO()
    doc = BaseDocTemplate(buf, pagesize=letter, invariant=1, title=f"Fixture {spec.id}",
                          author="resume_signals fixtures", creator="resume_signals fixtures",
                          leftMargin=0.5 * inch, rightMargin=0.5 * inch, topMargin=0.6 * inch,
                          bottomMargin=0.6 * inch)
    h = letter[1] - 1.2 * inch
    left_w, gap = 2.2 * inch, 0.3 * inch
    right_w = letter[0] - 1.0 * inch - left_w - gap
    frames = [Frame(0.5 * inch, 0.6 * inch, left_w, h, id="side", leftPadding=0, rightPadding=0),
              Frame(0.5 * inch + left_w + gap, 0.6 * inch, right_w, h, id="main", leftPadding=0, rightPadding=0)]
    doc.addPageTemplates([PageTemplate(id="two", frames=frames)])
    left = [ln for ln in spec.lines if ln.place == "left"]
    right = [ln for ln in spec.lines if ln.place == "right"]
    story = _rl_flowables(left, left_w, st, True) + [FrameBreak()] + _rl_flowables(right, right_w, st, False)
    doc.build(story)
    return buf.getvalue()


def render_reportlab_single(spec: Spec) -> bytes:
    """One column, U+2022 bullets, a header and footer drawn on every page, a page break where asked."""
    from reportlab.lib.pagesizes import letter
    from reportlab.lib.units import inch
    from reportlab.platypus import PageBreak, SimpleDocTemplate

    st = _rl_styles(spec.data["layout"].get("font", "dejavu"))
    regular, bold, _ = st["fonts"]
    header = [ln.text for ln in spec.lines if ln.place == "header"]
    footer = [ln.text for ln in spec.lines if ln.place == "footer"]
    body = [ln for ln in spec.lines if ln.place == "body"]
    breaks = set(spec.data["layout"].get("page_break_before", []))

    def decorate(canvas: Any, doc: Any) -> None:
        canvas.saveState()
        y = letter[1] - 0.5 * inch
        for k, text in enumerate(header):
            canvas.setFont(bold if k == 0 else regular, 12 if k == 0 else 9)
            canvas.drawString(0.75 * inch, y, text)
            y -= 14
        canvas.setFont(regular, 8)
        for k, text in enumerate(footer):
            canvas.drawString(0.75 * inch, 0.5 * inch - 10 * k, text)
        canvas.restoreState()

    buf = io.BytesIO()
    doc = SimpleDocTemplate(buf, pagesize=letter, invariant=1, title=f"Fixture {spec.id}",
                            author="resume_signals fixtures", creator="resume_signals fixtures",
                            leftMargin=0.75 * inch, rightMargin=0.75 * inch,
                            topMargin=0.6 * inch + 14 * len(header), bottomMargin=0.9 * inch)
    width = letter[0] - 1.5 * inch
    story: list[Any] = []
    for ln in body:
        if ln.text in breaks:
            story.append(PageBreak())
        story += _rl_flowables([ln], width, st, False)
    doc.build(story, onFirstPage=decorate, onLaterPages=decorate)
    return buf.getvalue()


FONT_FILES["liberation_serif"] = ("/usr/share/fonts/truetype/liberation/LiberationSerif-Regular.ttf",
                                  "/usr/share/fonts/truetype/liberation/LiberationSerif-Bold.ttf",
                                  "/usr/share/fonts/truetype/liberation/LiberationSerif-Italic.ttf")


def _wrap(text: str, font: str, size: float, width: float) -> list[str]:
    from reportlab.lib.utils import simpleSplit

    return simpleSplit(text, font, size, width) or [""]


def _hyphenated(ln: GoldLine, hyphen: str | None, font: str, size: float, width: float) -> list[str]:
    """Visual lines of a bullet; with ``hyphen`` ("monitor|ing") one word is broken across two lines."""
    if not hyphen:
        return _wrap(ln.text, font, size, width)
    word = hyphen.replace("|", "")
    head, tail = hyphen.split("|")
    at = ln.text.index(word)
    first = _wrap(ln.text[:at] + head + "-", font, size, width)
    return first + _wrap(tail + ln.text[at + len(word):], font, size, width)


def render_reportlab_canvas(spec: Spec) -> bytes:
    """A LaTeX-style CV drawn line by line on the canvas: a full-width top block, then a wide
    main column ("left") and a narrow sidebar ("right") side by side, serif fonts, en-dash
    bullets and words hyphenated across line ends where a line asks for it ("hyphen")."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.units import inch
    from reportlab.pdfgen.canvas import Canvas

    regular, bold, italic = _rl_fonts(spec.data["layout"].get("font", "liberation_serif"))
    buf = io.BytesIO()
    c = Canvas(buf, pagesize=A4, invariant=1)
    c.setTitle(f"Fixture {spec.id}")
    c.setAuthor("resume_signals fixtures")
    c.setCreator("resume_signals fixtures")
    margin, gutter, side_w = 0.7 * inch, 0.35 * inch, 2.0 * inch
    page_w, page_h = A4
    main_w = page_w - 2 * margin - gutter - side_w
    size, lead = 9.5, 12.0
    hyphens = spec.data["layout"].get("hyphenate", {})

    def column(lines: list[GoldLine], x: float, width: float, y: float) -> float:
        for ln in lines:
            if ln.kind == "heading":
                y -= 6
                c.setFont(bold, 11.5)
                c.drawString(x, y, ln.text.upper())
                c.setLineWidth(0.5)
                c.line(x, y - 3, x + width, y - 3)
                y -= lead + 2
            elif "\t" in ln.text:
                left, right = ln.text.split("\t", 1)
                c.setFont(bold, size)
                c.drawString(x, y, left)
                c.setFont(regular, size)
                c.drawRightString(x + width, y, right)
                y -= lead
            elif ln.kind == "bullet":
                c.setFont(regular, size)
                c.drawString(x + 2, y, "\u2013")
                for part in _hyphenated(ln, hyphens.get(ln.text), regular, size, width - 12):
                    c.drawString(x + 12, y, part)
                    y -= lead
            else:
                font = italic if ln.kind == "entry" else regular
                for part in _wrap(ln.text, font, size, width):
                    c.setFont(font, size)
                    c.drawString(x, y, part)
                    y -= lead
        return y

    top = [ln for ln in spec.lines if ln.place == "body"]
    y = page_h - margin - 16
    for k, ln in enumerate(top):
        if k == 0:
            c.setFont(bold, 20)
            c.drawCentredString(page_w / 2, y, ln.text)
            y -= 20
        else:
            c.setFont(regular, size)
            c.drawCentredString(page_w / 2, y, ln.text)
            y -= lead
    y -= 8
    column([ln for ln in spec.lines if ln.place == "left"], margin, main_w, y)
    column([ln for ln in spec.lines if ln.place == "right"], margin + main_w + gutter, side_w, y)
    c.showPage()
    c.save()
    return buf.getvalue()


# ----------------------------------------------------------------------------------------------

def render(spec: Spec, fmt: str, *, cache: dict[str, bytes]) -> bytes:
    renderer = spec.data["layout"]["renderer"]
    if renderer == "txt":
        return render_txt(spec)
    if renderer == "docx":
        if "docx" not in cache:
            cache["docx"] = render_docx(spec)
        return cache["docx"] if fmt == "docx" else docx_to_pdf(cache["docx"], spec.id)
    if renderer == "reportlab_frames":
        return render_reportlab_frames(spec)
    if renderer == "reportlab_canvas":
        return render_reportlab_canvas(spec)
    return render_reportlab_single(spec)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("ids", nargs="*", help="only these spec ids (default: all)")
    ap.add_argument("--no-pdf", action="store_true", help="skip PDFs (no LibreOffice or reportlab needed)")
    ap.add_argument("--out", type=Path, default=BUILD_DIR, help="output directory (default fixtures/build)")
    ap.add_argument("--specs", type=Path, default=SPEC_DIR, help="spec directory (default fixtures/specs)")
    args = ap.parse_args(argv)
    specs = load_specs(args.specs)
    problems = {s.id: validate_spec(s) for s in specs}
    bad = {k: v for k, v in problems.items() if v}
    if bad:
        for k, v in bad.items():
            for msg in v:
                print(f"{k}: {msg}", file=sys.stderr)
        return 1
    args.out.mkdir(parents=True, exist_ok=True)
    wanted = {f"{s.id}.{f}" for s in specs for f in s.data["formats"]}
    if not args.ids and args.out == BUILD_DIR:
        for stale in args.out.iterdir():
            if stale.name not in wanted:
                stale.unlink()
    for spec in specs:
        if args.ids and spec.id not in args.ids:
            continue
        cache: dict[str, bytes] = {}
        for fmt in spec.data["formats"]:
            if fmt == "pdf" and args.no_pdf:
                continue
            data = render(spec, fmt, cache=cache)
            (args.out / f"{spec.id}.{fmt}").write_bytes(data)
            print(f"{spec.id}.{fmt}\t{len(data)} bytes\t{spec.data['name']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

