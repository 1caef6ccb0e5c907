"""Builders for extraction tests: DOCX via python-docx plus raw-zip surgery, and a tiny PDF.

Everything is generated in memory so no binary fixture is committed. Shared by
tests/extract and tests/fuzz (the fuzz module puts this folder on sys.path).
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable, Iterable

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NSDECL = (
    'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
    'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
    'xmlns:v="urn:schemas-microsoft-com:vml"'
)


def docx_bytes(build: Callable[..., None] | None = None) -> bytes:
    """A DOCX written by python-docx; ``build(document)`` adds the content."""
    import docx

    document = docx.Document()
    if build is not None:
        build(document)
    buf = io.BytesIO()
    document.save(buf)
    return buf.getvalue()


def simple_resume_docx() -> bytes:
    """A small, typical resume: heading styles, bullets, a dates line with a tab."""

    def build(d: object) -> None:
        d.add_paragraph("Jordan Example", style="Title")  # type: ignore[attr-defined]
        d.add_paragraph("jordan@example.com | 555-0100")  # type: ignore[attr-defined]
        d.add_heading("Experience", level=1)  # type: ignore[attr-defined]
        d.add_paragraph("ML Engineer, Acme\tJan 2020 – Present")  # type: ignore[attr-defined]
        d.add_paragraph("Shipped a ranking model to 30M users", style="List Bullet")  # type: ignore[attr-defined]
        d.add_paragraph("Added drift monitoring in Grafana", style="List Bullet")  # type: ignore[attr-defined]
        d.add_heading("Skills", level=1)  # type: ignore[attr-defined]
        d.add_paragraph("Python, Kubernetes, Airflow")  # type: ignore[attr-defined]

    return docx_bytes(build)


def rezip(data: bytes, *, replace: dict[str, bytes] | None = None, drop: Iterable[str] = (),
          add: dict[str, bytes] | None = None) -> bytes:
    """Copy a zip, replacing, dropping or adding members (deflated)."""
    replace = dict(replace or {})
    dropped = set(drop)
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            if info.filename in dropped:
                continue
            payload = replace.pop(info.filename, None)
            dst.writestr(info.filename, payload if payload is not None else src.read(info.filename))
        for name, payload in {**replace, **(add or {})}.items():
            dst.writestr(name, payload)
    return out.getvalue()


def read_part(data: bytes, name: str) -> bytes:
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        return zf.read(name)


def body_xml(inner: str) -> bytes:
    """A complete word/document.xml around body content ``inner``."""
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            f"<w:document {NSDECL}><w:body>{inner}<w:sectPr/></w:body></w:document>").encode()


def docx_with_body(inner: str, base: bytes | None = None) -> bytes:
    """A python-docx package whose document.xml body is replaced by ``inner``."""
    return rezip(base or docx_bytes(), replace={"word/document.xml": body_xml(inner)})


def para(text: str, *, bold: bool = False, style: str | None = None) -> str:
    ppr = f'<w:pPr><w:pStyle w:val="{style}"/></w:pPr>' if style else ""
    rpr = "<w:rPr><w:b/></w:rPr>" if bold else ""
    return f'<w:p>{ppr}<w:r>{rpr}<w:t xml:space="preserve">{text}</w:t></w:r></w:p>'


def textbox_para(choice_text: str, fallback_text: str) -> str:
    """A paragraph anchoring a DrawingML text box, with the VML copy in mc:Fallback."""
    return (
        "<w:p><w:r><mc:AlternateContent>"
        "<mc:Choice Requires=\"wps\"><w:drawing><wp:anchor><a:graphic><a:graphicData>"
        f"<wps:wsp><wps:txbx><w:txbxContent>{para(choice_text)}</w:txbxContent></wps:txbx></wps:wsp>"
        "</a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>"
        "<mc:Fallback><w:pict><v:shape><v:textbox>"
        f"<w:txbxContent>{para(fallback_text)}</w:txbxContent>"
        "</v:textbox></v:shape></w:pict></mc:Fallback>"
        "</mc:AlternateContent></w:r></w:p>"
    )


def minimal_pdf(lines: Iterable[str] = ("Jordan Example", "EXPERIENCE", "Shipped a ranking model")) -> bytes:
    """A hand-written one-page PDF with a Helvetica text layer and a correct xref table."""
    ops = ["BT", "/F1 12 Tf", "72 720 Td", "14 TL"]
    for line in lines:
        escaped = line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
        ops.append(f"({escaped}) Tj T*")
    ops.append("ET")
    stream = "\n".join(ops).encode("latin-1")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 4 0 R >> >> "
        b"/Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        b"<< /Length " + str(len(stream)).encode() + b" >>\nstream\n" + stream + b"\nendstream",
    ]
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    for offset in offsets:
        out += f"{offset:010d} 00000 n \n".encode()
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


# --- hidden-text stuffing (issue 10) -------------------------------------------------------------------

DOCX_HIDING_METHODS = ("vanish", "spec_vanish", "white_text", "same_as_shading", "same_as_page", "tiny_font",
                       "deleted_revision")
_VISIBLE = ("Robin Example", "EXPERIENCE", "Analyst, Northwind Traders (2019 - 2024)")
_BULLETS = ("Built internal reporting tools for the finance team", "Wrote weekly summaries for managers")


def stuffed_docx(method: str | None, stuffing: str, *, grey_dates: bool = False,
                 coloured_heading: bool = False) -> bytes:
    """A small DOCX resume; with ``method``, a run of keyword stuffing hidden that way after the first bullet.

    ``method=None`` gives the visible-only document, "visible" a plain run (the control that shows the
    stuffing would score). ``grey_dates`` and ``coloured_heading`` add ordinary design that must stay visible.
    """
    rprs = {"vanish": "<w:vanish/>", "spec_vanish": "<w:specVanish/>", "white_text": '<w:color w:val="FFFFFF"/>',
            "same_as_shading": '<w:color w:val="DDEEFF"/>', "same_as_page": '<w:color w:val="FDF6E3"/>',
            "tiny_font": '<w:sz w:val="2"/>', "visible": ""}
    body = [para(_VISIBLE[0])]
    heading_rpr = '<w:rPr><w:b/><w:color w:val="1F7A8C"/></w:rPr>' if coloured_heading else "<w:rPr><w:b/></w:rPr>"
    body.append(f'<w:p><w:r>{heading_rpr}<w:t>{_VISIBLE[1]}</w:t></w:r></w:p>')
    dates = ('<w:r><w:rPr><w:color w:val="A0A0A0"/></w:rPr><w:t xml:space="preserve">\tJan 2019 - Mar 2024</w:t>'
             '</w:r>' if grey_dates else "")
    body.append(f'<w:p><w:r><w:t>{_VISIBLE[2]}</w:t></w:r>{dates}</w:p>')
    for i, bullet in enumerate(_BULLETS):
        extra = ""
        shading = ""
        if i == 0 and method is not None:
            if method == "deleted_revision":
                extra = (f'<w:del w:id="1" w:author="x" w:date="2024-01-01T00:00:00Z"><w:r>'
                         f'<w:delText xml:space="preserve"> {stuffing}</w:delText></w:r></w:del>')
            else:
                extra = f'<w:r><w:rPr>{rprs[method]}</w:rPr><w:t xml:space="preserve"> {stuffing}</w:t></w:r>'
            if method == "same_as_shading":
                shading = '<w:pPr><w:shd w:val="clear" w:color="auto" w:fill="DDEEFF"/></w:pPr>'
        body.append(f'<w:p>{shading}<w:r><w:t xml:space="preserve">- {bullet}</w:t></w:r>{extra}</w:p>')
    xml = body_xml("".join(body))
    if method == "same_as_page":
        xml = xml.replace(b"<w:body>", b'<w:background w:color="FDF6E3"/><w:body>')
    return rezip(docx_bytes(), replace={"word/document.xml": xml})
