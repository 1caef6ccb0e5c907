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

Text a reader cannot see is judged by the one rule both backends share
(`resume_signals.extract.visibility.hidden_reason`) and kept in
``PageGlyphs.hidden``. PDFium reports per text object its render mode, fill
colour and opacity, its place in the drawing order and its clipping paths
(``FPDFPageObj_GetClipPath``, reduced to a box as the pdfminer backend reduces
them); filled shapes are read as `Paint`s in the same pass over the page's
objects, inside form XObjects too (their boxes mapped through the forms'
matrices). A text clip (render mode 7 text used as a clip) is not among
PDFium's clip paths and is not applied, as in the pdfminer backend. The
verdict is reached once per text object where its position cannot change it
(`visibility.settled`), else per character.
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
from ._pdf_layout import VECTOR_BULLET, Glyph, PageGlyphs, upright
from .pdf import (
    _BULLET_MAX,
    _BULLET_MIN,
    _CHECK_EVERY,
    _MAX_GLYPH_SIZE,
    _MAX_PAGE_SIZE,
    _WORD_PROCESSORS,
    finish,
)
from .visibility import Box, GlyphState, Paint, hidden_reason, keep_paint, settled

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
        text=bare(raw.FPDFText_GetText, i),
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
        page_objects=proto(raw.FPDFPage_CountObjects, i, vp),
        page_object=proto(raw.FPDFPage_GetObject, vp, vp, i),
        form_objects=proto(raw.FPDFFormObj_CountObjects, i, vp),
        form_object=proto(raw.FPDFFormObj_GetObject, vp, vp, ctypes.c_ulong),
        kind=proto(raw.FPDFPageObj_GetType, i, vp),
        bounds=bare(raw.FPDFPageObj_GetBounds, i),
        obj_matrix=bare(raw.FPDFPageObj_GetMatrix, i),
        draw_mode=bare(raw.FPDFPath_GetDrawMode, i),
        segments=proto(raw.FPDFPath_CountSegments, i, vp),
        clip_path=bare(raw.FPDFPageObj_GetClipPath, vp),
        clip_paths=bare(raw.FPDFClipPath_CountPaths, i),
        clip_segments=bare(raw.FPDFClipPath_CountPathSegments, i),
        clip_segment=bare(raw.FPDFClipPath_GetPathSegment, vp),
        point=bare(raw.FPDFPathSegment_GetPoint, i),
        matrix_type=raw.FS_MATRIX,
    )


_Run = tuple[float, str, bool, bool, "str | None", "tuple[float, float, float, float] | None", int,
             "tuple[float, float, float] | None", "Box | None", int, float, float] | None
"""What every character of one text object shares: size as drawn, font name, bold, italic; the visibility
verdict and where it holds (x0, x1 and the lowest and highest baseline: see `settled`); the drawing state
(render mode, fill, clip, order, opacity); the slant of faked italics (0.0 upright). None when the object is rotated
or mirrored."""

_Matrix = tuple[float, float, float, float, float, float]
_UNSEEN = (1 << 30, None, None)
"""Drawing order, clip and form matrix of a text object the object pass did not meet: drawn last, never
clipped (unknown never hides)."""


class _PageFonts:
    """One page's caches keyed by PDFium handles: a font's name and traits, a text object's shared state.

    They live for one page: once a page is closed, PDFium may free its fonts and objects and hand the same
    addresses to the next page's.
    """

    def __init__(self, objects: _Objects, page: Box) -> None:
        self.calls = _calls()
        self.objects = objects
        self.page = page
        self.fonts: dict[int, tuple[str, bool, bool]] = {}
        self.verdicts: dict[tuple[Any, ...], str | None] = {}
        self.page_held = settled(page, page, None, objects.paints)
        self.box_out = [ctypes.c_float() for _ in range(4)]
        self.matrix = self.calls.matrix_type()
        self.rgba = [ctypes.c_uint() for _ in range(4)]
        self.out = (ctypes.byref(self.matrix), *map(ctypes.byref, self.rgba))

    def bounds(self, obj: int, m: _Matrix | None) -> tuple[float, float, float, float] | None:
        """The box around text object ``obj``'s letters on the page (``m``: its form's matrix)."""
        got = self.box_out
        if not self.calls.bounds(ctypes.c_void_p(obj), *map(ctypes.byref, got)):
            return None
        return _apply(m, *(v.value for v in got))

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

        PDFium gives every character of a text object the object's matrix, font size, render mode and fill,
        so these are read once per object rather than once per character; so is the visibility verdict
        wherever the object's position cannot change it (`settled`).
        """
        calls, matrix, out = self.calls, self.matrix, self.out
        calls.matrix(tp, index, out[0])
        if not upright(matrix.a, matrix.b, matrix.c, matrix.d):
            return None  # rotated or mirrored text (a vertical sidebar label)
        slant = matrix.c / matrix.d  # faked italics lean their letters; 0.0 upright
        size = calls.size(tp, index) * matrix.d  # the nominal size (Tf) scaled as drawn, as pdfminer measures it
        name, bold, italic = self.font(calls.font(obj))
        mode = calls.render_mode(obj)
        r, g, b, a = self.rgba
        fill, alpha = None, 1.0
        if calls.fill(ctypes.c_void_p(obj), *out[1:]):
            fill, alpha = (r.value / 255, g.value / 255, b.value / 255), a.value / 255
        order, clip, m = self.objects.text.get(obj, _UNSEEN)
        # Where position cannot change the verdict: the whole page, when no clip or paint cuts into it (most
        # pages); else the object's own box, read from PDFium.
        page, paints = self.page, self.objects.paints
        box = page
        held = self.page_held if clip is None else settled(page, page, clip, paints)
        if held is None:
            bounds = self.bounds(obj, m)
            if bounds is None:
                return (size, name, bold, italic, None, None, mode, fill, clip, order, alpha, slant)
            # PDFium's bounds hug the letters' outlines; the glyph boxes (`_glyphs`) reach from 0.2 em under
            # the baseline to 0.7 em over it and may overhang a little sideways.
            x0, y0, x1, y1 = bounds
            base, half = matrix.f, size / 2
            low, high = base - 0.2 * size, base + 0.7 * size
            box = Box(x0 - half, y0 if y0 < low else low, x1 + half, y1 if y1 > high else high)
            held = settled(box, page, clip, paints)
            if held is None:
                return (size, name, bold, italic, None, None, mode, fill, clip, order, alpha, slant)
        # Inside a settled box the verdict depends on the state and on the paints held, drawn before or after.
        key = (mode, fill, alpha, size, *((id(p), p.order > order) for p in held))
        try:
            reason = self.verdicts[key]
        except KeyError:
            state = GlyphState(bbox=box, size=size, render_mode=mode, fill=fill, clip=clip, order=order, alpha=alpha)
            reason = self.verdicts[key] = hidden_reason(state, page, held)
        # A glyph's box lies inside when its x extent does and its baseline is 0.2 em over the box's bottom
        # and 0.7 em under its top (`_glyphs`).
        where = (box.x0, box.x1, box.y0 + 0.2 * size, box.y1 - 0.7 * size)
        return (size, name, bold, italic, reason, where, mode, fill, clip, order, alpha, slant)


class _Objects:
    """What the pass over a page's drawing objects finds: images, shape bullets, filled areas, text objects."""

    def __init__(self) -> None:
        self.images = 0
        self.bullets: list[Glyph] = []
        self.paints: list[Paint] = []
        self.text: dict[int, tuple[int, Box | None, _Matrix | None]] = {}
        """Text object handle -> (drawing order, clip box on the page, matrix of its form: None on the page)."""


def _apply(m: _Matrix | None, x0: float, y0: float, x1: float, y1: float) -> tuple[float, float, float, float]:
    """The page box around a form's box (``m`` maps the form's space onto the page; None: already the page)."""
    if m is None:
        return (x0, y0, x1, y1)
    a, b, c, d, e, f = m
    xs = (a * x0 + c * y0, a * x1 + c * y0, a * x0 + c * y1, a * x1 + c * y1)
    ys = (b * x0 + d * y0, b * x1 + d * y0, b * x0 + d * y1, b * x1 + d * y1)
    return (min(xs) + e, min(ys) + f, max(xs) + e, max(ys) + f)


def _then(inner: _Matrix, outer: _Matrix | None) -> _Matrix:
    """``inner`` followed by ``outer`` (a form drawn inside a form)."""
    if outer is None:
        return inner
    a, b, c, d, e, f = inner
    A, B, C, D, E, F = outer
    return (a * A + b * C, a * B + b * D, c * A + d * C, c * B + d * D, e * A + f * C + E, e * B + f * D + F)


def _clip_box(calls: Any, clip: int, m: _Matrix | None, outer: Box | None) -> Box | None:
    """The bounding box of an object's clipping paths (``clip``, its FPDF_CLIPPATH) on the page, within
    ``outer`` (its form's clip).

    A clipping path is reduced to the box around its points, as the pdfminer backend does; a text clip
    (render mode 7 text) is not among PDFium's clip paths and is ignored.
    """
    handle = ctypes.c_void_p(clip)
    paths = calls.clip_paths(handle)
    box = outer
    if paths <= 0:
        return box
    x, y = ctypes.c_float(), ctypes.c_float()
    xr, yr = ctypes.byref(x), ctypes.byref(y)
    for p in range(paths):
        xs, ys = [], []
        for k in range(max(calls.clip_segments(handle, p), 0)):
            seg = calls.clip_segment(handle, p, k)
            if seg and calls.point(ctypes.c_void_p(seg), xr, yr):
                xs.append(x.value)
                ys.append(y.value)
        if not xs:
            continue
        got = Box(*_apply(m, min(xs), min(ys), max(xs), max(ys)))
        if box is not None:
            got = Box(max(got.x0, box.x0), max(got.y0, box.y0), min(got.x1, box.x1), min(got.y1, box.y1))
        box = got
    return box


def _page_objects(raw: Any, page: Any, deadline: Deadline) -> _Objects:
    """Walk the page's drawing objects in drawing order, into forms: count images, turn small filled shapes
    into bullet pseudo-glyphs (as the pdfminer device does), keep filled areas as `Paint`s and each text
    object's drawing order, clip box and bounds for the visibility check.

    Objects inside form XObjects count too, against a budget: a page drawing forms that draw forms (a
    million drawings from a 2 KB file) or megabytes of path operators is refused as the pdfminer backend
    refuses it, with ``decompression_limit``. Their boxes are in the form's space, mapped onto the page
    with the forms' matrices; shapes inside forms are areas but never bullets (as before).
    """
    found = _Objects()
    calls = _calls()
    kind_of, get_bounds, draw_mode, segments, get_fill = (calls.kind, calls.bounds, calls.draw_mode, calls.segments,
                                                          calls.fill)
    clip_path, clip_paths = calls.clip_path, calls.clip_paths
    seen = 0
    left, bottom, right, top = (ctypes.c_float() for _ in range(4))
    bounds_out = tuple(map(ctypes.byref, (left, bottom, right, top)))
    fillmode, stroke = ctypes.c_int(), ctypes.c_int()
    mode_out = (ctypes.byref(fillmode), ctypes.byref(stroke))
    rgba = [ctypes.c_uint() for _ in range(4)]
    rgba_out = tuple(map(ctypes.byref, rgba))
    form_matrix = raw.FS_MATRIX()
    text_kind, path_kind, image_kind, form_kind = (raw.FPDF_PAGEOBJ_TEXT, raw.FPDF_PAGEOBJ_PATH,
                                                   raw.FPDF_PAGEOBJ_IMAGE, raw.FPDF_PAGEOBJ_FORM)
    handle = _address(page.raw)
    # A stack of forms being walked: (get object i, count, next index, form-to-page matrix, clip box).
    stack: list[list[Any]] = [[functools.partial(calls.page_object, handle), calls.page_objects(handle), 0,
                               None, None]]
    while stack:
        frame = stack[-1]
        get, count, i, m, outer_clip = frame
        if i >= count:
            stack.pop()
            continue
        frame[2] = i + 1
        seen += 1
        if seen % _CHECK_EVERY == 0:
            deadline.check()
            if seen > _MAX_OBJECTS:
                raise DocumentError(ErrorCode.DECOMPRESSION_LIMIT, "A page of this PDF holds far more drawing "
                                                                   "instructions than a resume; it was not read.")
        address = get(i)
        if not address:
            continue
        obj = ctypes.c_void_p(address)
        kind = kind_of(address)
        if kind == text_kind:
            path = clip_path(obj)
            clip = outer_clip if not path or clip_paths(ctypes.c_void_p(path)) <= 0 else \
                _clip_box(calls, path, m, outer_clip)
            found.text[address] = (seen, clip, m)
        elif kind == image_kind:
            found.images += 1
        elif kind == form_kind:
            inner = m
            if calls.obj_matrix(obj, ctypes.byref(form_matrix)):
                fm = form_matrix
                inner = _then((fm.a, fm.b, fm.c, fm.d, fm.e, fm.f), m)
            path = clip_path(obj)
            clip = _clip_box(calls, path, m, outer_clip) if path else outer_clip
            stack.append([functools.partial(calls.form_object, address), calls.form_objects(address), 0, inner,
                          clip])
        elif kind == path_kind:
            if not draw_mode(obj, *mode_out) or not fillmode.value:
                continue
            if segments(address) > 64:
                continue
            if not get_bounds(obj, *bounds_out):
                continue
            box = Box(*_apply(m, left.value, bottom.value, right.value, top.value))
            _paint(found, box, get_fill(obj, *rgba_out), rgba, seen)
            if m is not None:
                continue  # shapes inside forms are not read as bullets
            w, h = box.x1 - box.x0, box.y1 - box.y0
            if not (_BULLET_MIN <= w <= _BULLET_MAX and _BULLET_MIN <= h <= _BULLET_MAX and 0.6 <= w / h <= 1.6):
                continue
            size = 3.3 * max(w, h)
            centre = (box.y1 + box.y0) / 2
            found.bullets.append(Glyph(text="\u2022", x0=box.x0, x1=box.x1, base=centre - 0.3 * size, size=size,
                                       font=VECTOR_BULLET))
    return found


def _paint(found: _Objects, box: Box, known: bool, rgba: list[ctypes.c_uint], order: int) -> None:
    """Remember a filled area as the pdfminer device does (`visibility.keep_paint`).

    PDFium also reports the fill's opacity: a fully transparent shape paints nothing, a translucent one is
    taken as its colour laid over white.
    """
    r, g, b, a = (v.value for v in rgba)
    if not known or a == 0:
        return
    alpha = a / 255
    keep_paint(found.paints, box, (1 - alpha + alpha * r / 255, 1 - alpha + alpha * g / 255,
                                   1 - alpha + alpha * b / 255), order)


def _page(raw: Any, pdf: Any, index: int, deadline: Deadline, budget: list[int]) -> PageGlyphs:
    page = pdf[index]
    try:
        width, height = page.get_size()
        if not all(map(math.isfinite, (width, height))) or max(width, height) > _MAX_PAGE_SIZE:
            width, height = min(max(width, 1.0), _MAX_PAGE_SIZE), min(max(height, 1.0), _MAX_PAGE_SIZE)
            if not all(map(math.isfinite, (width, height))):
                width = height = _MAX_PAGE_SIZE
        objects = _page_objects(raw, page, deadline)  # first: the visibility check needs the drawing order
        textpage = page.get_textpage()
        try:
            glyphs, hidden, rotated = _glyphs(raw, textpage, objects, Box(0.0, 0.0, width, height), deadline,
                                              budget)
        finally:
            textpage.close()
    finally:
        page.close()
    glyphs.extend(objects.bullets)
    return PageGlyphs(number=index + 1, width=width, height=height, glyphs=glyphs, rotated=rotated,
                      images=objects.images, hidden=hidden)


def _glyphs(raw: Any, textpage: Any, objects: _Objects, page: Box, deadline: Deadline,
            budget: list[int]) -> tuple[list[Glyph], list[tuple[Glyph, str]], int]:
    """The page's characters as glyphs, and apart from them those a reader cannot see (`hidden_reason`)."""
    n = raw.FPDFText_CountChars(textpage.raw)
    tp = ctypes.c_void_p(_address(textpage.raw))
    budget[0] -= max(n, 0)
    if budget[0] < 0:
        raise DocumentError(ErrorCode.TOO_MUCH_TEXT, "This PDF holds far more text than a resume; it was not read.")
    glyphs: list[Glyph] = []
    hidden: list[tuple[Glyph, str]] = []
    rotated = 0
    fonts = _PageFonts(objects, page)
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
    paints = objects.paints
    codes = _codes(calls, tp, n)
    last: Glyph | None = None
    for start in range(0, n, _CHECK_EVERY):
        deadline.check()
        for i in range(start, min(start + _CHECK_EVERY, n)):
            code = codes[i] if codes is not None else get_unicode(tp, i)
            if code in skip or (code == 32 and is_generated(tp, i)):
                if code != _PAGE_TEXT_HYPHEN or codes is None:
                    continue  # a space or line break PDFium inserted itself; the line builder finds gaps itself
                code = get_unicode(tp, i)  # the page text's mark for a hyphen PDFium found at a line end
                if code in skip:
                    continue
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
            if run[11] and x1 > x0:
                x1 = max(x0, x1 - run[11] * (_top - base))  # a slanted letter's box leans past its advance
            if x1 - x0 > 4 * size or x1 < x0:
                x1 = x0 + 0.5 * size
            text = texts.get(code)
            if text is None:
                text = _text(code)
                if code < _TEXT_CACHED:
                    texts[code] = text
            # The glyph's box as the pdfminer backend draws it (0.2 em under the baseline to 0.7 em over it);
            # inside the text object's settled box the object's verdict holds, elsewhere (on a band, by a clip
            # or the page's edge) it is asked per glyph.
            where = run[5]
            if where is not None and where[0] <= x0 and x1 <= where[1] and where[2] <= base <= where[3]:
                reason = run[4]
            else:
                reason = hidden_reason(GlyphState(Box(x0, base - 0.2 * size, x1, base + 0.7 * size), size, run[6],
                                                  run[7], run[8], run[9], run[10]), page, paints)
            if reason is not None:
                hidden.append((Glyph(text, x0, x1, base, size, run[1]), reason))
                continue
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
            last = Glyph(text, x0, x1, base, size, run[1], run[2], run[3])
            glyphs.append(last)
    return glyphs, hidden, rotated


def _codes(calls: Any, tp: ctypes.c_void_p, n: int) -> list[int] | None:
    """Every character's code from one call for the whole page (one call per character costs ~1.5 ms a
    resume), or None when the page text does not map one to one onto characters (a character outside the
    Basic Multilingual Plane takes two UTF-16 units): then each is asked for on its own.

    The page text holds what ``FPDFText_GetUnicode`` gives, but for the hyphen PDFium found at a line end
    (`_text`'s code 2), which it writes as U+FFFE (`_PAGE_TEXT_HYPHEN`).
    """
    if n <= 0:
        return None
    buf = (ctypes.c_ushort * (n + 1))()
    if calls.text(tp, 0, n, buf) != n + 1:
        return None
    try:
        if len(ctypes.string_at(buf, 2 * n).decode("utf-16-le")) != n:
            return None
    except UnicodeDecodeError:  # a lone surrogate
        return None
    return buf[:n]


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
_PAGE_TEXT_HYPHEN = 0xFFFE
_SKIP = frozenset((0, 10, 13, _PAGE_TEXT_HYPHEN, 0xFFFF))
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
