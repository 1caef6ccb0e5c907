"""Build small PDFs inside the tests (no binaries committed).

Two kinds: `raw_pdf` writes PDF objects byte by byte with a correct
cross-reference table, for hostile structures a PDF library would refuse to
write (stream bombs, deep nesting, a thousand pages, broken xref); the
reportlab helpers (`canvas_pdf`, `frames_pdf`) draw real layouts the way
resume generators do.
"""

from __future__ import annotations

import io
import zlib
from collections.abc import Callable, Sequence
from typing import Any

HELVETICA = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"


def raw_pdf(objects: Sequence[bytes], *, root: int = 1, xref: bool = True) -> bytes:
    """Objects numbered from 1 in order, then a classic xref table and trailer pointing at ``root``."""
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets: list[int] = []
    for n, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % n + body + b"\nendobj\n"
    start = len(out)
    if xref:
        out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
        for off in offsets:
            out += b"%010d 00000 n \n" % off
    out += b"trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, root, start)
    return bytes(out)


def stream(data: bytes, extra: bytes = b"", *, flate: bool = False) -> bytes:
    """A stream object body; ``flate`` compresses ``data`` and declares /FlateDecode."""
    if flate:
        data = zlib.compress(data, 9)
        extra += b" /Filter /FlateDecode"
    return b"<< /Length %d%s >>\nstream\n" % (len(data), extra) + data + b"\nendstream"


def text_content(lines: Sequence[tuple[float, float, str]], size: float = 11) -> bytes:
    """A content stream drawing each (x, y, text) in Helvetica (resource name /F1)."""
    ops = []
    for x, y, text in lines:
        safe = text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
        ops.append(b"BT /F1 %.1f Tf %.1f %.1f Td (%s) Tj ET" % (size, x, y, safe.encode("latin-1")))
    return b"\n".join(ops)


def one_page_pdf(content: bytes) -> bytes:
    """One Letter page with Helvetica as /F1 and ``content`` (a stream object) as its contents.

    Object order: catalog, pages, page, font, content.
    """
    return raw_pdf([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 4 0 R >> >>"
        b" /Contents 5 0 R >>",
        HELVETICA,
        content,
    ])


def simple_pdf(lines: Sequence[tuple[float, float, str]], *, size: float = 11, flate: bool = False) -> bytes:
    """One Letter page of Helvetica text."""
    return one_page_pdf(stream(text_content(lines, size), flate=flate))



SAMPLE_LINES = [(72, 700 - 14 * i, f"Line number {i} of the resume") for i in range(5)]


def late_root_pdf(lines: Sequence[tuple[float, float, str]] = SAMPLE_LINES) -> bytes:
    """Font, content, page, pages and only then the catalog, so any cut before its end loses the root."""
    return raw_pdf([
        HELVETICA,
        stream(text_content(lines)),
        b"<< /Type /Page /Parent 4 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 1 0 R >> >>"
        b" /Contents 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Catalog /Pages 4 0 R >>",
    ], root=5)

def many_pages_pdf(n: int) -> bytes:
    """``n`` pages sharing one font and one content stream (a few KB for a thousand pages)."""
    first_page = 5
    kids = b" ".join(b"%d 0 R" % (first_page + i) for i in range(n))
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [" + kids + b"] /Count %d >>" % n,
        HELVETICA,
        stream(text_content([(72, 700, "Page of a very long document")])),
    ]
    page = (b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >>"
            b" /Contents 4 0 R >>")
    objects.extend(page for _ in range(n))
    return raw_pdf(objects)


def image_only_pdf() -> bytes:
    """A 'scan': one page that paints a small grey image and holds no text."""
    pixels = bytes(range(256)) * 16  # 64 x 64 grey
    return raw_pdf([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /XObject << /Im1 4 0 R >> >>"
        b" /Contents 5 0 R >>",
        stream(pixels, b" /Type /XObject /Subtype /Image /Width 64 /Height 64 /ColorSpace /DeviceGray"
                       b" /BitsPerComponent 8", flate=True),
        stream(b"q 500 0 0 700 50 50 cm /Im1 Do Q"),
    ])


def bomb_pdf(inflated: int, *, layers: int = 1) -> bytes:
    """A page whose content stream inflates to ``inflated`` bytes (zeros), optionally Flate inside Flate."""
    data = zlib.compress(b"\0" * inflated, 9)
    filters = [b"/FlateDecode"]
    for _ in range(layers - 1):
        data = zlib.compress(data, 9)
        filters.append(b"/FlateDecode")
    content = b"<< /Length %d /Filter [%s] >>\nstream\n" % (len(data), b" ".join(filters)) + data + b"\nendstream"
    return one_page_pdf(content)


def nested_pdf(depth: int, *, kind: str = "array") -> bytes:
    """A page dictionary carrying an object nested ``depth`` levels deep (arrays or dictionaries)."""
    if kind == "array":
        deep = b"[" * depth + b"1" + b"]" * depth
    else:
        deep = b"<< /A " * depth + b"1" + b" >>" * depth
    return raw_pdf([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 4 0 R >> >>"
        b" /Contents 5 0 R /Deep " + deep + b" >>",
        HELVETICA,
        stream(text_content([(72, 700, "Jane Doe")])),
    ])


# --- reportlab ---------------------------------------------------------------------------------------

def canvas_pdf(draw: Callable[[Any], None], *, pages: int = 1, encrypt: Any = None) -> bytes:
    """Draw with a reportlab canvas callback, once per page (the callback sees ``canvas.getPageNumber()``)."""
    from reportlab.lib.pagesizes import letter
    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=letter, encrypt=encrypt, invariant=1)
    for _ in range(pages):
        draw(c)
        c.showPage()
    c.save()
    return buf.getvalue()


def encrypted_pdf(user: str, owner: str) -> bytes:
    """A one-line PDF encrypted with the given passwords (empty user password: opens without one)."""
    from reportlab.lib.pdfencrypt import StandardEncryption

    def draw(c: Any) -> None:
        c.setFont("Helvetica", 11)
        c.drawString(72, 700, "Jane Doe, Machine Learning Engineer")

    return canvas_pdf(draw, encrypt=StandardEncryption(user, ownerPassword=owner, strength=128))


def frames_pdf(left: Sequence[str], right: Sequence[str], *, left_width: float = 180) -> bytes:
    """A two-frame page (a sidebar and a main column) flowed by reportlab's platypus, as resume builders do."""
    from reportlab.lib.pagesizes import letter
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import BaseDocTemplate, Frame, FrameBreak, PageTemplate, Paragraph

    buf = io.BytesIO()
    width, height = letter
    doc = BaseDocTemplate(buf, pagesize=letter, invariant=1)
    margin = 40
    frames = [
        Frame(margin, margin, left_width, height - 2 * margin, id="left"),
        Frame(margin + left_width + 20, margin, width - 2 * margin - left_width - 20, height - 2 * margin,
              id="right"),
    ]
    doc.addPageTemplates([PageTemplate(id="two", frames=frames)])
    style = getSampleStyleSheet()["BodyText"]
    story: list[Any] = [Paragraph(t, style) for t in left]
    story.append(FrameBreak())
    story.extend(Paragraph(t, style) for t in right)
    doc.build(story)
    return buf.getvalue()


def nested_pages_pdf(depth: int) -> bytes:
    """A page tree ``depth`` levels deep: Pages -> Pages -> ... -> Page (pdfminer walks it recursively)."""
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>"]
    for level in range(depth):
        n = 2 + level
        kid = n + 1
        objects.append(b"<< /Type /Pages /Kids [%d 0 R] /Count 1 >>" % kid)
    page_n = 2 + depth
    objects.append(b"<< /Type /Page /MediaBox [0 0 612 792] /Resources << /Font << /F1 %d 0 R >> >>"
                   b" /Contents %d 0 R >>" % (page_n + 1, page_n + 2))
    objects.append(HELVETICA)
    objects.append(stream(text_content([(72, 700, "Jane Doe")])))
    return raw_pdf(objects)


def self_drawing_form_pdf() -> bytes:
    """A form XObject that paints itself (a cycle pdfminer follows until the recursion limit)."""
    return raw_pdf([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /XObject << /X1 4 0 R >> >>"
        b" /Contents 5 0 R >>",
        stream(b"/X1 Do", b" /Type /XObject /Subtype /Form /BBox [0 0 10 10]"
                         b" /Resources << /XObject << /X1 4 0 R >> >>"),
        stream(b"/X1 Do"),
    ])


def page_pdf(contents: Sequence[bytes], fonts: dict[str, bytes] | None = None, *,
             extra: bytes | None = None) -> bytes:
    """One page per content stream, sharing the named fonts (default: /F1 Helvetica).

    ``extra`` becomes object 99 (padding objects fill the numbers in between), for fonts that refer to it.
    """
    fonts = fonts or {"F1": HELVETICA}
    n_pages = len(contents)
    font_ids = {name: 3 + i for i, name in enumerate(fonts)}
    first_page = 3 + len(fonts)
    first_content = first_page + n_pages
    font_dict = b" ".join(b"/%s %d 0 R" % (name.encode(), n) for name, n in font_ids.items())
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [%s] /Count %d >>" % (b" ".join(b"%d 0 R" % (first_page + i)
                                                                for i in range(n_pages)), n_pages),
    ]
    objects.extend(fonts.values())
    for i in range(n_pages):
        objects.append(b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << "
                       + font_dict + b" >> >> /Contents %d 0 R >>" % (first_content + i))
    objects.extend(stream(c) for c in contents)
    if extra is not None:
        while len(objects) < 98:
            objects.append(b"null")
        objects.append(extra)
    return raw_pdf(objects)


def differences_font(base: str, code: int, glyph: str) -> bytes:
    """A simple Type1 font whose byte ``code`` draws the named glyph (e.g. 'uniF0B7', a private-use bullet)."""
    return (b"<< /Type /Font /Subtype /Type1 /BaseFont /%s /Encoding << /Type /Encoding /BaseEncoding "
            b"/WinAnsiEncoding /Differences [%d /%s] >> >>" % (base.encode(), code, glyph.encode()))


CID_FONT_NO_MAP = (b"<< /Type /Font /Subtype /Type0 /BaseFont /IconFont /Encoding /Identity-H /DescendantFonts "
                   b"[<< /Type /Font /Subtype /CIDFontType2 /BaseFont /IconFont /CIDSystemInfo << /Registry (Adobe)"
                   b" /Ordering (Identity) /Supplement 0 >> /DW 600 >>] >>")
"""A CID font without a ToUnicode map: pdfminer can only report its glyphs as '(cid:N)'."""


def truetype_font(name: str, first: int = 32, last: int = 255, width: int = 600) -> bytes:
    """A non-embedded TrueType font with a descriptor (as Word exports Symbol and Wingdings)."""
    widths = b" ".join(b"%d" % width for _ in range(first, last + 1))
    return (b"<< /Type /Font /Subtype /TrueType /BaseFont /%s /FirstChar %d /LastChar %d /Widths [%s]"
            b" /FontDescriptor << /Type /FontDescriptor /FontName /%s /Flags 4 /FontBBox [0 -200 1000 900]"
            b" /ItalicAngle 0 /Ascent 900 /Descent -200 /CapHeight 700 /StemV 80 >> >>"
            % (name.encode(), first, last, widths, name.encode()))


def tounicode_font(mapping: dict[int, str]) -> tuple[bytes, bytes]:
    """Helvetica with a ToUnicode CMap mapping byte codes to the given strings (one code may map to several chars).

    Returns the font dictionary (referring to object 99) and the CMap stream body, for `page_pdf(extra=...)`.
    """
    lines = [f"<{code:02X}> <{''.join(f'{ord(ch):04X}' for ch in text)}>" for code, text in mapping.items()]
    cmap = ("/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /Test def "
            "1 begincodespacerange <00> <FF> endcodespacerange "
            f"{len(lines)} beginbfchar " + " ".join(lines) + " endbfchar endcmap "
            "CMapName currentdict /CMap defineresource pop end end").encode()
    font = (b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding"
            b" /ToUnicode 99 0 R >>")
    return font, stream(cmap)


def form_bomb_pdf(levels: int, fanout: int = 10) -> bytes:
    """Form XObjects nested ``levels`` deep, each drawing the one below ``fanout`` times (fanout**levels drawings)."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 4 0 R >>"
        b" /XObject << /X 5 0 R >> >> /Contents %d 0 R >>" % (5 + levels),
        HELVETICA,
    ]
    for level in range(levels):  # object 5 is the top form, 5 + levels - 1 the innermost
        n = 5 + level
        if level == levels - 1:
            content = b"BT /F1 10 Tf 72 700 Td (x) Tj ET"
            resources = b"<< /Font << /F1 4 0 R >> >>"
        else:
            content = b" ".join([b"/X Do"] * fanout)
            resources = b"<< /XObject << /X %d 0 R >> >>" % (n + 1)
        objects.append(stream(content, b" /Type /XObject /Subtype /Form /BBox [0 0 612 792] /Resources " + resources))
    objects.append(stream(b"/X Do"))
    return raw_pdf(objects)


def lzw_encode(data: bytes) -> bytes:
    """LZWDecode-compatible encoding (9 to 12-bit codes, early change), for LZW bomb tests."""
    clear, eod = 256, 257
    table = {bytes([i]): i for i in range(256)}
    next_code, width = 258, 9
    bits = 0
    nbits = 0
    out = bytearray()

    def emit(code: int) -> None:
        nonlocal bits, nbits
        bits = (bits << width) | code
        nbits += width
        while nbits >= 8:
            nbits -= 8
            out.append((bits >> nbits) & 0xFF)

    emit(clear)
    word = b""
    for byte in data:
        candidate = word + bytes([byte])
        if candidate in table:
            word = candidate
            continue
        emit(table[word])
        table[candidate] = next_code
        next_code += 1
        if next_code + 1 > (1 << width) and width < 12:
            width += 1
        if next_code >= 4094:
            emit(clear)
            table = {bytes([i]): i for i in range(256)}
            next_code, width = 258, 9
        word = bytes([byte])
    if word:
        emit(table[word])
    emit(eod)
    if nbits:
        out.append((bits << (8 - nbits)) & 0xFF)
    return bytes(out)


def lzw_bomb_pdf(inflated: int) -> bytes:
    """A page whose content stream is ``inflated`` zero bytes, LZW-encoded."""
    data = lzw_encode(b"\0" * inflated)
    content = b"<< /Length %d /Filter /LZWDecode >>\nstream\n" % len(data) + data + b"\nendstream"
    return one_page_pdf(content)


def range_cmap_font(start: bytes, end: bytes) -> tuple[bytes, bytes]:
    """Helvetica with a ToUnicode CMap holding one bfrange from ``start`` to ``end`` (hex digits)."""
    cmap = (b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap 1 begincodespacerange <00> <FF>"
            b" endcodespacerange 1 beginbfrange <" + start + b"> <" + end + b"> <0041> endbfrange endcmap"
            b" CMapName currentdict /CMap defineresource pop end end")
    font = (b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding"
            b" /ToUnicode 99 0 R >>")
    return font, stream(cmap)


def truetype_cmap12(groups: Sequence[tuple[int, int, int]]) -> bytes:
    """A minimal TrueType font file holding only a cmap table with one format-12 subtable."""
    import struct

    sub = struct.pack(">HHIII", 12, 0, 16 + 12 * len(groups), 0, len(groups))
    sub += b"".join(struct.pack(">III", *g) for g in groups)
    cmap = struct.pack(">HH", 0, 1) + struct.pack(">HHL", 3, 10, 12) + sub
    head = struct.pack(">LHHHH", 0x00010000, 1, 16, 0, 0) + struct.pack(">4sLLL", b"cmap", 0, 28, len(cmap))
    return head + cmap


def embedded_truetype_cid_font(fontfile_obj: int) -> bytes:
    """A Type0 font (Identity-H, no ToUnicode) whose descendant embeds the TrueType stream ``fontfile_obj``."""
    return (b"<< /Type /Font /Subtype /Type0 /BaseFont /Embedded /Encoding /Identity-H /DescendantFonts [<< /Type"
            b" /Font /Subtype /CIDFontType2 /BaseFont /Embedded /CIDSystemInfo << /Registry (Adobe) /Ordering"
            b" (Identity) /Supplement 0 >> /DW 500 /FontDescriptor << /Type /FontDescriptor /FontName /Embedded"
            b" /Flags 4 /FontBBox [0 -200 1000 900] /ItalicAngle 0 /Ascent 900 /Descent -200 /CapHeight 700"
            b" /StemV 80 /FontFile2 %d 0 R >> >>] >>" % fontfile_obj)


# --- hidden-text stuffing (issue 10) -------------------------------------------------------------------

STUFFING = "Shipped and deployed ranking models with drift monitoring, canary rollback, A/B tests, Kubernetes"
VISIBLE_LINES = ("Robin Example", "EXPERIENCE", "Analyst, Northwind Traders (2019 - 2024)",
                 "- Built internal reporting tools for the finance team", "- Wrote weekly summaries for managers")
PDF_HIDING_METHODS = ("render_mode_3", "render_mode_7", "white_text", "same_as_box", "covered_by_box", "tiny_font",
                      "clipped", "off_page", "covered_in_form")


def stuffed_pdf(method: str | None, *, grey_dates: bool = False, coloured_heading: bool = False,
                stuffing: str = STUFFING) -> bytes:
    """A small resume page; with ``method``, one extra line of keyword stuffing hidden that way.

    ``method=None`` gives the visible-only page; "visible" draws the stuffing in plain black (the control that
    shows the stuffing would score). ``grey_dates`` and ``coloured_heading`` add ordinary design that must
    stay visible: a light-grey date column and a teal heading.
    """

    def draw(c: Any) -> None:
        c.setFont("Helvetica", 11)
        for i, line in enumerate(VISIBLE_LINES):
            if coloured_heading and line.isupper():
                c.setFillColorRGB(0.0, 0.45, 0.55)
            c.drawString(72, 720 - 16 * i, line)
            c.setFillColorRGB(0, 0, 0)
        if grey_dates:
            c.setFillColorRGB(0.62, 0.62, 0.62)
            c.drawString(460, 720 - 16 * 2, "Jan 2019 - Mar 2024")
            c.setFillColorRGB(0, 0, 0)
        if method is None:
            return
        x, y = 72, 400
        c.saveState()
        if method in ("render_mode_3", "render_mode_7"):
            text = c.beginText(x, y)
            text.setTextRenderMode(int(method[-1]))
            text.textLine(stuffing)
            c.drawText(text)
        elif method == "white_text":
            c.setFillColorRGB(1, 1, 1)
            c.drawString(x, y, stuffing)
        elif method == "same_as_box":
            c.setFillColorRGB(0.85, 0.92, 1.0)
            c.rect(x - 4, y - 6, 540, 20, stroke=0, fill=1)
            c.drawString(x, y, stuffing)
        elif method == "covered_by_box":
            c.drawString(x, y, stuffing)
            c.setFillColorRGB(1, 1, 1)
            c.rect(x - 4, y - 6, 540, 20, stroke=0, fill=1)
        elif method == "tiny_font":
            c.setFont("Helvetica", 1)
            c.drawString(x, y, stuffing)
        elif method == "clipped":
            path = c.beginPath()
            path.rect(0, 0, 20, 20)
            c.clipPath(path, stroke=0, fill=0)
            c.drawString(x, y, stuffing)
        elif method == "off_page":
            c.drawString(x, 900, stuffing)
        elif method == "covered_in_form":  # drawn by a form XObject placed on the page, then painted over
            c.beginForm("stuffing")
            c.drawString(0, 0, stuffing)
            c.endForm()
            c.saveState()
            c.translate(x, y)
            c.doForm("stuffing")
            c.restoreState()
            c.setFillColorRGB(1, 1, 1)
            c.rect(x - 4, y - 6, 540, 20, stroke=0, fill=1)
        elif method == "transparent_text":  # fill opacity 0: only PDFium reads it (pdfminer ignores /ca)
            c.setFillAlpha(0)
            c.drawString(x, y, stuffing)
        elif method == "visible":
            c.drawString(x, y, stuffing)
        else:
            raise ValueError(method)
        c.restoreState()

    return canvas_pdf(draw)


DESIGN_LINE = "Tools: Kubernetes and Airflow"
PDF_DESIGNS = ("light_grey_text", "heading_on_band", "white_on_dark_box", "white_on_dark_box_in_form",
               "translucent_text", "outlined_white_text")


def designed_pdf(design: str) -> bytes:
    """The visible-only page of `stuffed_pdf` plus `DESIGN_LINE` drawn as ordinary design a reader sees.

    Each is a near miss of a hiding method: light text, colour on colour, light on dark, half opacity.
    """
    def draw(c: Any) -> None:
        c.setFont("Helvetica", 11)
        for i, line in enumerate(VISIBLE_LINES):
            c.drawString(72, 720 - 16 * i, line)
        x, y = 72, 400
        c.saveState()
        if design == "light_grey_text":
            c.setFillColorRGB(0.78, 0.78, 0.78)
            c.drawString(x, y, DESIGN_LINE)
        elif design == "heading_on_band":
            c.setFillColorRGB(0.85, 0.92, 1.0)
            c.rect(x - 4, y - 6, 540, 20, stroke=0, fill=1)
            c.setFillColorRGB(0.1, 0.25, 0.55)
            c.drawString(x, y, DESIGN_LINE)
        elif design == "white_on_dark_box":
            c.setFillColorRGB(0.12, 0.22, 0.39)
            c.rect(x - 4, y - 6, 540, 20, stroke=0, fill=1)
            c.setFillColorRGB(1, 1, 1)
            c.drawString(x, y, DESIGN_LINE)
        elif design == "white_on_dark_box_in_form":  # a sidebar drawn as a form XObject, box and text inside
            c.beginForm("sidebar")
            c.setFillColorRGB(0.12, 0.22, 0.39)
            c.rect(-4, -6, 540, 20, stroke=0, fill=1)
            c.setFillColorRGB(1, 1, 1)
            c.drawString(0, 0, DESIGN_LINE)
            c.endForm()
            c.translate(x, y)
            c.doForm("sidebar")
        elif design == "translucent_text":
            c.setFillAlpha(0.5)
            c.drawString(x, y, DESIGN_LINE)
        elif design == "outlined_white_text":  # render mode 2: white fill, black outline
            text = c.beginText(x, y)
            text.setTextRenderMode(2)
            text.setFillColorRGB(1, 1, 1)
            text.textLine(DESIGN_LINE)
            c.drawText(text)
        else:
            raise ValueError(design)
        c.restoreState()

    return canvas_pdf(draw)
