"""PDF extraction with PDFium (the optional ``[fast]`` extra): the same glyphs, read in C.

pdfminer.six interprets page content in Python; PDFium (through pypdfium2)
does it in C and hands back each character with its position, font and
drawing state. This module turns those into the same `Glyph` records the
pdfminer backend makes, so lines, columns, bullets, wraps and repeated
headers come from the one shared builder (`resume_signals.extract._pdf_layout`)
and everything downstream is the same code.

The hostile-input guards are the pdfminer backend's: compressed streams are
measured in bounded steps before PDFium may inflate them, the page count is
checked before any page is loaded, a cooperative deadline is checked per page
and every few thousand characters, and PDFium's error codes map to
``encrypted`` / ``corrupt``. PDFium is not thread-safe, so one lock serialises
extractions within a process (a batch runs processes, not threads).
"""

from __future__ import annotations

import ctypes
import functools
import math
import struct
import threading
from typing import Any

from ..document import Document
from ..errors import DocumentError, ErrorCode
from ..limits import Limits
from ._pdf_guard import Deadline, check_raw_streams
from ._pdf_layout import VECTOR_BULLET, Glyph, PageGlyphs
from .pdf import _BULLET_MAX, _BULLET_MIN, _CHECK_EVERY, _MAX_GLYPH_SIZE, _MAX_PAGE_SIZE, _WORD_PROCESSORS, finish

__all__ = ["available", "extract_pdf_pdfium"]

_lock = threading.Lock()
_ITALIC_FLAG = 1 << 6
_FORCE_BOLD_FLAG = 1 << 18
_BOLD_WEIGHT = 600
_MAX_OBJECTS = 100_000
"""Drawing objects a page may hold, forms' contents included (the real resumes tried hold a few thousand)."""


def available() -> bool:
    """Whether pypdfium2 (the ``[fast]`` extra) can be imported."""
    try:
        import pypdfium2  # noqa: F401
    except ImportError:
        return False
    return True


def _address(handle: Any) -> int:
    return ctypes.cast(handle, ctypes.c_void_p).value or 0


@functools.cache
def _calls() -> Any:
    """PDFium calls with plain handles: pypdfium2's typed pointers cost more than the calls themselves, and an
    integer handle is a cheap cache key for a font or a text object.

    The calls made per character or per text object (``bare``) declare no argument types: ctypes'
    conversion of each argument through its declared type costs more than the call itself. Their callers
    pass handles as ``c_void_p``, indexes as ints (C ints, as declared in C) and out-parameters with
    ``byref``, so nothing needs converting.
    """
    import types

    import pypdfium2.raw as raw

    vp, i = ctypes.c_void_p, ctypes.c_int

    def proto(fn: Any, restype: Any, *argtypes: Any) -> Any:
        return ctypes.CFUNCTYPE(restype, *argtypes)(_address(fn))

    def bare(fn: Any, restype: Any) -> Any:
        return ctypes.CFUNCTYPE(restype)(_address(fn))  # no argtypes: the arguments pass as they are

    return types.SimpleNamespace(
        unicode=bare(raw.FPDFText_GetUnicode, ctypes.c_uint),
        generated=bare(raw.FPDFText_IsGenerated, i),
        textobj=bare(raw.FPDFText_GetTextObject, vp),
        matrix=bare(raw.FPDFText_GetMatrix, i),
        size=bare(raw.FPDFText_GetFontSize, ctypes.c_double),
        origin=bare(raw.FPDFText_GetCharOrigin, i),
        box=bare(raw.FPDFText_GetLooseCharBox, i),
        font=proto(raw.FPDFTextObj_GetFont, vp, vp),
        base_name=proto(raw.FPDFFont_GetBaseFontName, ctypes.c_ulong, vp, ctypes.c_char_p, ctypes.c_ulong),
        flags=proto(raw.FPDFFont_GetFlags, i, vp),
        weight=proto(raw.FPDFFont_GetWeight, i, vp),
        render_mode=proto(raw.FPDFTextObj_GetTextRenderMode, i, vp),
        fill=bare(raw.FPDFPageObj_GetFillColor, i),
        matrix_type=raw.FS_MATRIX,
    )


_Run = tuple[float, str, bool, bool, int, "tuple[int, int, int, int] | None"] | None
"""What every character of one text object shares: (size as drawn, font name, bold, italic, render mode, fill
RGBA); None when the object is rotated or mirrored."""


class _PageFonts:
    """One page's caches keyed by PDFium handles: a font's name and traits, a text object's shared state.

    They live for one page: once a page is closed, PDFium may free its fonts and objects and hand the same
    addresses to the next page's.
    """

    def __init__(self) -> None:
        self.calls = _calls()
        self.fonts: dict[int, tuple[str, bool, bool]] = {}
        self.matrix = self.calls.matrix_type()
        self.rgba = [ctypes.c_uint() for _ in range(4)]
        self.out = (ctypes.byref(self.matrix), *map(ctypes.byref, self.rgba))

    def font(self, handle: int | None) -> tuple[str, bool, bool]:
        key = handle or 0
        hit = self.fonts.get(key)
        if hit is None:
            calls = self.calls
            name = "unknown"
            if key:
                buf = ctypes.create_string_buffer(256)
                if calls.base_name(key, buf, 256) > 1:
                    name = buf.value.decode("utf-8", "replace") or "unknown"
                flags = calls.flags(key)
                weight = calls.weight(key)
                hit = (name, weight >= _BOLD_WEIGHT or bool(flags > 0 and flags & _FORCE_BOLD_FLAG),
                       bool(flags > 0 and flags & _ITALIC_FLAG))
            else:
                hit = (name, False, False)
            self.fonts[key] = hit
        return hit

    def run(self, obj: int, tp: ctypes.c_void_p, index: int) -> _Run:
        """The shared state of text object ``obj``, read through its character ``index``.

        PDFium gives every character of a text object the object's matrix and font size, so these are read
        once per object rather than once per character.
        """
        calls, matrix, out = self.calls, self.matrix, self.out
        calls.matrix(tp, index, out[0])
        if abs(matrix.b) > 1e-3 or abs(matrix.c) > 1e-3 or matrix.a <= 0 or matrix.d <= 0:
            return None  # rotated or mirrored text (a vertical sidebar label)
        size = calls.size(tp, index) * matrix.d  # the nominal size (Tf) scaled as drawn, as pdfminer measures it
        name, bold, italic = self.font(calls.font(obj))
        mode = calls.render_mode(obj)
        r, g, b, a = self.rgba
        fill = (r.value, g.value, b.value, a.value) if calls.fill(ctypes.c_void_p(obj), *out[1:]) else None
        return (size, name, bold, italic, mode, fill)


def _page_objects(raw: Any, page: Any, glyphs: list[Glyph], deadline: Deadline) -> int:
    """Count images and add small filled shapes as bullet pseudo-glyphs (as the pdfminer device does).

    Objects inside form XObjects count too, against a budget: a page drawing forms that draw forms (a
    million drawings from a 2 KB file) or megabytes of path operators is refused as the pdfminer backend
    refuses it, with ``decompression_limit``.
    """
    images = 0
    seen = 0
    left, bottom, right, top = (ctypes.c_float() for _ in range(4))
    fillmode, stroke = ctypes.c_int(), ctypes.c_int()
    forms: list[Any] = []
    count, get = raw.FPDFPage_CountObjects(page), lambda i: raw.FPDFPage_GetObject(page, i)
    on_page = True  # shapes inside forms are not read as bullets (their bounds are in the form's space)
    while True:
        for i in range(count):
            seen += 1
            if seen % _CHECK_EVERY == 0:
                deadline.check()
                if seen > _MAX_OBJECTS:
                    raise DocumentError(ErrorCode.DECOMPRESSION_LIMIT, "A page of this PDF holds far more drawing "
                                                                       "instructions than a resume; it was not read.")
            obj = get(i)
            kind = raw.FPDFPageObj_GetType(obj)
            if kind == raw.FPDF_PAGEOBJ_IMAGE:
                images += 1
            elif kind == raw.FPDF_PAGEOBJ_FORM:
                forms.append(obj)
            elif kind == raw.FPDF_PAGEOBJ_PATH and on_page:
                filled = raw.FPDFPath_GetDrawMode(obj, ctypes.byref(fillmode), ctypes.byref(stroke))
                if not filled or not fillmode.value:
                    continue
                if raw.FPDFPath_CountSegments(obj) > 64:
                    continue
                if not raw.FPDFPageObj_GetBounds(obj, ctypes.byref(left), ctypes.byref(bottom), ctypes.byref(right),
                                                 ctypes.byref(top)):
                    continue
                w, h = right.value - left.value, top.value - bottom.value
                if not (_BULLET_MIN <= w <= _BULLET_MAX and _BULLET_MIN <= h <= _BULLET_MAX and 0.6 <= w / h <= 1.6):
                    continue
                size = 3.3 * max(w, h)
                centre = (top.value + bottom.value) / 2
                glyphs.append(Glyph(text="\u2022", x0=left.value, x1=right.value, base=centre - 0.3 * size,
                                    size=size, font=VECTOR_BULLET))
        if not forms:
            return images
        form = forms.pop()
        count, on_page = raw.FPDFFormObj_CountObjects(form), False
        get = functools.partial(raw.FPDFFormObj_GetObject, form)


def _page(raw: Any, pdf: Any, index: int, deadline: Deadline, budget: list[int]) -> PageGlyphs:
    page = pdf[index]
    try:
        width, height = page.get_size()
        if not all(map(math.isfinite, (width, height))) or max(width, height) > _MAX_PAGE_SIZE:
            width, height = min(max(width, 1.0), _MAX_PAGE_SIZE), min(max(height, 1.0), _MAX_PAGE_SIZE)
            if not all(map(math.isfinite, (width, height))):
                width = height = _MAX_PAGE_SIZE
        textpage = page.get_textpage()
        try:
            glyphs, rotated = _glyphs(raw, textpage, width, height, deadline, budget)
        finally:
            textpage.close()
        images = _page_objects(raw, page, glyphs, deadline)
    finally:
        page.close()
    return PageGlyphs(number=index + 1, width=width, height=height, glyphs=glyphs, rotated=rotated, images=images)


def _glyphs(raw: Any, textpage: Any, width: float, height: float, deadline: Deadline,
            budget: list[int]) -> tuple[list[Glyph], int]:
    n = raw.FPDFText_CountChars(textpage.raw)
    tp = ctypes.c_void_p(_address(textpage.raw))
    budget[0] -= max(n, 0)
    if budget[0] < 0:
        raise DocumentError(ErrorCode.TOO_MUCH_TEXT, "This PDF holds far more text than a resume; it was not read.")
    glyphs: list[Glyph] = []
    rotated = 0
    fonts = _PageFonts()
    runs: dict[int, _Run] = {}
    # One buffer for both out-parameters, read back with one unpack: origin x and y (doubles), then the loose
    # box (FS_RECTF: left, top, right, bottom as floats).
    out = (ctypes.c_double * 4)()
    origin_x, origin_y, box_ref = ctypes.byref(out, 0), ctypes.byref(out, 8), ctypes.byref(out, 16)
    unpack = _ORIGIN_AND_BOX.unpack_from
    calls = fonts.calls
    get_unicode, get_object, is_generated, get_origin, get_box = (calls.unicode, calls.textobj, calls.generated,
                                                                  calls.origin, calls.box)
    isfinite = math.isfinite
    skip, texts = _SKIP, _TEXT
    last: Glyph | None = None
    for start in range(0, n, _CHECK_EVERY):
        deadline.check()
        for i in range(start, min(start + _CHECK_EVERY, n)):
            code = get_unicode(tp, i)
            if code in skip or (code == 32 and is_generated(tp, i)):
                continue  # a space or line break PDFium inserted itself; the line builder finds gaps on its own
            obj = get_object(tp, i)
            if not obj:
                continue
            try:
                run = runs[obj]
            except KeyError:
                run = runs[obj] = fonts.run(obj, tp, i)
            if run is None:
                rotated += 1
                continue
            size = run[0]
            if not 0.0 < size < _MAX_GLYPH_SIZE:
                continue
            get_origin(tp, i, origin_x, origin_y)
            get_box(tp, i, box_ref)
            ox, base, left, _top, x1, _bottom = unpack(out)
            # pdfminer's x0 is the origin; the loose box spans the advance and gives a ligature's later
            # letters their own share of it (their origin is the ligature's).
            x0 = left if left > ox else ox
            if not x1 > x0:
                x0, x1 = ox, ox + 0.5 * size
            if not (isfinite(x0) and isfinite(x1) and isfinite(base)):
                continue
            if x1 < 0 or x0 > width or base + size < 0 or base - 0.3 * size > height:
                continue  # drawn outside the page: invisible to a reader
            if x1 - x0 > 4 * size or x1 < x0:
                x1 = x0 + 0.5 * size
            text = texts.get(code)
            if text is None:
                text = _text(code)
                if code < _TEXT_CACHED:
                    texts[code] = text
            if last is not None:
                if x0 == last.x0 and x1 == last.x1 and base == last.base:
                    last.text += text  # a ligature whose letters share one box: one glyph, as pdfminer reads 'ffi'
                    continue
                # A loose box can reach past the advance (small caps, italic overhang); pdfminer's extents end
                # where the next letter of the run starts, and the line builder reads overlaps as kerning or
                # fake bold. (A glyph starting before the middle is drawn over this one, a TeX accent: left
                # alone.)
                if last.base == base and (last.x0 + last.x1) / 2 < x0 < last.x1:
                    last.x1 = x0
            last = Glyph(text, x0, x1, base, size, run[1], run[2], run[3], run[4], run[5])
            glyphs.append(last)
    return glyphs, rotated


def _text(code: int) -> str:
    """A character code as text; PDFium's 2 is a hyphen it found at a line end; controls are undecodable glyphs."""
    if code == 2:
        return "-"
    if code == 9:
        return " "
    if code < 32 or 0x7F <= code < 0xA0:
        return f"(cid:{code})"  # no character map (pdfminer says the same): a bullet when it leads a line
    if code >= 0x110000 or 0xD800 <= code < 0xE000:
        return "\ufffd"
    return chr(code)


_TEXT: dict[int, str] = {}
"""`_text` of the codes met so far below `_TEXT_CACHED` (Latin, Greek, Cyrillic, punctuation, bullets)."""
_TEXT_CACHED = 0x3000
_SKIP = frozenset((0, 10, 13, 0xFFFE, 0xFFFF))
_ORIGIN_AND_BOX = struct.Struct("=ddffff")


def _soft_hyphens(pdf: Any) -> bool:
    """Whether the producer may hyphenate words itself (see the pdfminer backend)."""
    try:
        meta = pdf.get_metadata_dict(skip_empty=True)
    except Exception:
        return True
    return not any(_WORD_PROCESSORS.search(str(meta.get(k, ""))) for k in ("Producer", "Creator"))


def _open(pdfium: Any, raw: Any, data: bytes) -> Any:
    try:
        return pdfium.PdfDocument(data)
    except pdfium.PdfiumError as e:
        if raw.FPDF_GetLastError() in (raw.FPDF_ERR_PASSWORD, raw.FPDF_ERR_SECURITY):
            raise DocumentError(ErrorCode.ENCRYPTED, "This PDF needs a password to open; "
                                                     "please send an unprotected copy.") from e
        raise DocumentError(ErrorCode.CORRUPT, "This PDF is damaged or truncated and could not be read.") from e


def _read(data: bytes, limits: Limits, deadline: Deadline) -> tuple[list[PageGlyphs], bool]:
    import pypdfium2 as pdfium
    import pypdfium2.raw as raw

    check_raw_streams(data, limits.max_part_bytes, deadline)
    pdf = _open(pdfium, raw, data)
    try:
        if raw.FPDF_GetSecurityHandlerRevision(pdf.raw) != -1:
            # Encrypted streams cannot be measured from the raw bytes: the pdfminer backend's check decrypts them.
            from ._pdf_guard import check_document_streams
            from .pdf import _open as open_pdfminer

            check_document_streams(open_pdfminer(data), limits.max_part_bytes, deadline)
        n = len(pdf)
        if n > limits.max_pages:
            raise DocumentError(ErrorCode.TOO_MANY_PAGES,
                                f"This PDF has more than {limits.max_pages} pages; a resume is expected to be shorter.")
        if n == 0:
            raise DocumentError(ErrorCode.CORRUPT, "This PDF has no readable pages; the file may be damaged.")
        budget = [3 * limits.max_chars + 10_000]
        pages = []
        for index in range(n):
            deadline.check()
            pages.append(_page(raw, pdf, index, deadline, budget))
        return pages, _soft_hyphens(pdf)
    finally:
        pdf.close()


def extract_pdf_pdfium(data: bytes, *, limits: Limits) -> Document:
    """Extract a PDF resume with PDFium into the same `Document` the pdfminer backend makes.

    Raises `DocumentError` with the same codes as `resume_signals.extract.pdf.extract_pdf`. `Pipeline` checks
    that pypdfium2 is installed (`available`) when the backend is chosen, before any document.
    """
    if not data or not data.strip():
        raise DocumentError(ErrorCode.EMPTY, "The file is empty.")
    deadline = Deadline(limits.timeout)
    with _lock:
        try:
            pages, soft_hyphens = _read(data, limits, deadline)
        except DocumentError as e:
            if e.code is not ErrorCode.CORRUPT:
                raise
            corrupt: DocumentError = e
        except MemoryError as e:
            raise DocumentError(ErrorCode.DECOMPRESSION_LIMIT,
                                "This PDF needs more memory to read than allowed.") from e
        except Exception as e:
            corrupt = DocumentError(ErrorCode.CORRUPT, "This PDF is damaged or truncated and could not be read.")
            corrupt.__cause__ = e
        else:
            return finish(pages, soft_hyphens, [], limits)
    # PDFium says only "cannot read" (a page tree past its depth limit, a broken cross-reference table it does
    # not repair): the pdfminer backend then reads the file or names the exact fault. Rare, so its cost is too.
    from .pdf import extract_pdf

    try:
        return extract_pdf(data, limits=limits)
    except DocumentError as e:
        raise (corrupt if e.code is ErrorCode.CORRUPT else e) from None
