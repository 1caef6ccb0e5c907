"""PDF extraction with pdfminer.six: characters with positions in, visual lines in reading order out.

pdfminer's own layout analysis (LAParams) groups text boxes with a quadratic
algorithm and interleaves columns that sit on the same baselines, so this
module asks pdfminer only for positioned characters (``laparams=None``,
vector paths ignored) and builds lines, columns and bullets itself
(`resume_signals.extract._pdf_layout`).

Hostile files are refused before the expensive part: the page count is read
from the page tree before any page is interpreted, every compressed stream is
measured in bounded steps before pdfminer inflates it, and a cooperative
deadline stops runaway pages. pdfminer's log chatter is captured into
``Document.warnings`` instead of reaching the user's terminal.

Text a reader cannot see (invisible render modes, a colour like what lies
under it, covered, tiny, clipped or off the page) is kept out of the lines and
summarised in ``Document.hidden``; pdfminer does not track clipping paths, so
the interpreter here records them (as boxes) for the device.
"""

from __future__ import annotations

import io
import logging
import math
import re
import threading
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from ..document import Document, assemble
from ..errors import DocumentError, ErrorCode
from ..limits import Limits
from ._pdf_guard import Deadline, check_document_streams, check_font, check_raw_streams
from ._pdf_layout import VECTOR_BULLET, Glyph, PageGlyphs, build_lines, upright
from .visibility import RGB, Box, GlyphState, Paint, hidden_reason, hidden_text, keep_paint, to_rgb

log = logging.getLogger(__name__)

__all__ = ["extract_pdf"]

_MAX_WARNINGS = 20
_PAGE_CONTENT_BUDGET = 3 * 1024 * 1024
"""Content a page may make pdfminer parse, forms included (and never more than max_part_bytes). The densest
page of the real resumes tried holds 185 KB; pdfminer parses about 0.3 MB a second, so 3 MB bounds a page
to roughly ten seconds."""
_MAX_PAGE_SIZE = 14_400.0
"""Largest page side in points the PDF format allows (200 inches); geometry beyond it is damage."""
_MAX_GLYPH_SIZE = 2_000.0
_MAX_FORMS_PER_PAGE = 5000
_BULLET_MIN, _BULLET_MAX = 1.5, 7.0
"""Side in points of a filled shape that may be a list bullet (a 3 pt dot in the real resumes tried)."""
"""Form XObjects drawn on one page (nested drawings multiply): resumes draw a handful."""
_CHECK_EVERY = 2000
"""Characters rendered between two deadline / size checks."""


_filters_lock = threading.Lock()


class _Collector(logging.Filter):
    """Takes this thread's pdfminer records for one extraction: warnings kept (deduplicated, capped), all dropped.

    A filter on a logger runs before its handlers and before propagation, so a
    record it refuses reaches no handler anywhere; records of other threads
    pass through untouched.
    """

    def __init__(self) -> None:
        super().__init__()
        self.thread = threading.get_ident()
        self.messages: list[str] = []

    def filter(self, record: logging.LogRecord) -> bool:
        if record.thread != self.thread:
            return True
        if record.levelno >= logging.WARNING:
            try:
                msg = record.getMessage()
            except Exception:  # a malformed log call inside pdfminer must not break extraction
                msg = str(record.msg)
            self.add(msg)
        return False

    def add(self, msg: str) -> None:
        msg = " ".join(msg.split())[:200]
        if msg not in self.messages and len(self.messages) < _MAX_WARNINGS:
            self.messages.append(msg)


def _pdfminer_loggers() -> list[logging.Logger]:
    """Every logger pdfminer's modules created (a filter applies only to records logged on its own logger)."""
    import pdfminer.converter
    import pdfminer.pdfinterp
    import pdfminer.pdfpage  # noqa: F401  (with their imports: every module extraction runs)

    names = [n for n in logging.root.manager.loggerDict if n == "pdfminer" or n.startswith("pdfminer.")]
    return [logging.getLogger(n) for n in sorted(names)]


def _skip_debug(*args: Any, **kwargs: Any) -> None:
    """Stands in for `logging.Logger.debug` on a pdfminer logger that has DEBUG off (see `_captured_pdfminer_logs`)."""


@contextmanager
def _captured_pdfminer_logs() -> Iterator[_Collector]:
    """This call's pdfminer warnings (and Python warnings) into a collector, for ``Document.warnings``.

    Nothing about the loggers changes for the process (level, propagation,
    handlers): a filter scoped to this call and this thread is attached to
    pdfminer's loggers and removed afterwards, so pdfminer's warnings ("CropBox
    missing", font warnings) never reach the application's handlers or the
    terminal, and another thread's pdfminer logging is left alone.

    pdfminer's parser calls ``log.debug`` for every token: tens of thousands of
    calls per resume, each one deciding again that DEBUG is off, which was 15%
    of a PDF's whole time. For this call, a logger with DEBUG off answers
    ``debug`` with a bare no-op; what it logs does not change. (An application
    that turns pdfminer's DEBUG on while a resume is being read sees that
    resume's debug lines from the next one.)
    """
    collector = _Collector()
    loggers = _pdfminer_loggers()
    # Copy on write: a thread logging meanwhile iterates the old list, which no one changes under it.
    with _filters_lock:
        for logger in loggers:
            logger.filters = [*logger.filters, collector]
        muted = [lg for lg in loggers if "debug" not in vars(lg) and not lg.isEnabledFor(logging.DEBUG)]
        for logger in muted:
            logger.debug = _skip_debug  # type: ignore[method-assign]
    try:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            yield collector
        for w in caught:
            collector.add(str(w.message))
    finally:
        with _filters_lock:
            for logger in loggers:
                logger.filters = [f for f in logger.filters if f is not collector]
            for logger in muted:
                if vars(logger).get("debug") is _skip_debug:
                    del logger.debug


def _device_class() -> type:
    """Build the glyph-collecting pdfminer device (pdfminer is imported lazily)."""
    from pdfminer.converter import PDFLayoutAnalyzer
    from pdfminer.pdffont import PDFUnicodeNotDefined

    class GlyphDevice(PDFLayoutAnalyzer):
        """Records each character as a light `Glyph` and counts images.

        pdfminer's own render_char builds an LTChar object per character and a
        layout tree around it; recording only what the line builder reads
        (text, x extent, baseline, size, font name) is cheaper. Vector paths
        matter only twice: small filled dots are list bullets, and filled areas
        are what text is drawn on or covered by. Each glyph also keeps its
        drawing state (render mode, fill colour, clip box, drawing order) so
        that `resume_signals.extract.visibility` can drop what a reader cannot see.
        """

        def __init__(self, rsrcmgr: Any, deadline: Deadline, max_glyphs: int) -> None:
            super().__init__(rsrcmgr, pageno=1, laparams=None)
            self.deadline = deadline
            self.max_glyphs = max_glyphs
            self.rendered = 0
            self.images = 0
            self.rotated = 0
            self.glyphs: list[Glyph] = []
            self.states: list[GlyphState | None] = []
            self.paints: list[Paint] = []
            self.clip: Box | None = None
            self.render_mode = 0
            self.content_bytes = 0
            self.content_calls = 0
            self.content_budget = 1 << 30
            self.paths = 0
            self._ncolor: Any = None
            self._fill: RGB | None = (0.0, 0.0, 0.0)

        def begin_page(self, page: Any, ctm: Any) -> None:
            super().begin_page(page, ctm)
            self.glyphs = []
            self.states = []
            self.paints = []
            self.clip = None
            self.rotated = 0

        def render_string(self, textstate: Any, seq: Any, ncs: Any, graphicstate: Any) -> None:
            self.render_mode = textstate.render  # render_char is not told the text render mode
            super().render_string(textstate, seq, ncs, graphicstate)

        def _order(self) -> int:
            return len(self.glyphs) + len(self.paints)

        def paint_path(self, gstate: Any, stroke: bool, fill: bool, evenodd: bool, path: Any) -> None:
            """Ignore vector art except small filled dots and squares: bullets drawn as shapes (HTML to PDF)."""
            self.paths += 1
            if self.paths % _CHECK_EVERY == 0:
                self.deadline.check()
            if not fill or len(path) > 64:
                return
            try:
                subpath: list[tuple[float, float]] = []
                points: list[tuple[float, float]] = []
                for seg in list(path) + [("m",)]:
                    if seg[0] == "m" and subpath:
                        self._vector_bullet(subpath)
                        subpath = []
                    nums = [v for v in seg[1:] if isinstance(v, (int, float))]
                    pairs = list(zip(nums[0::2], nums[1::2], strict=False))
                    subpath.extend(pairs)
                    points.extend(pairs)
                self._paint(points, gstate)
            except (TypeError, ValueError, IndexError, OverflowError):
                return  # a malformed path is only decoration lost

        def _paint(self, points: list[tuple[float, float]], gstate: Any) -> None:
            """Remember a filled area: text drawn on it must contrast with it, text drawn before it is covered."""
            colour = to_rgb(gstate.ncolor)
            if colour is not None and points:
                keep_paint(self.paints, self._device_box(points), colour, self._order())

        def _device_box(self, points: list[tuple[float, float]]) -> Box:
            a, b, c, d, e, f = self.ctm
            xs = [a * x + c * y + e for x, y in points]
            ys = [b * x + d * y + f for x, y in points]
            return Box(min(xs), min(ys), max(xs), max(ys))

        def set_clip(self, points: list[tuple[float, float]]) -> None:
            """Intersect the clipping box with a clipping path's bounding box (called by the interpreter)."""
            if not points:
                return
            box = self._device_box(points)
            if self.clip is not None:
                box = Box(max(box.x0, self.clip.x0), max(box.y0, self.clip.y0),
                          min(box.x1, self.clip.x1), min(box.y1, self.clip.y1))
            self.clip = box

        def _vector_bullet(self, points: list[tuple[float, float]]) -> None:
            box = self._device_box(points)
            w, h = box.x1 - box.x0, box.y1 - box.y0
            if not (_BULLET_MIN <= w <= _BULLET_MAX and _BULLET_MIN <= h <= _BULLET_MAX and 0.6 <= w / h <= 1.6):
                return
            size = 3.3 * max(w, h)  # a list bullet is about a third of an em across
            centre = (box.y0 + box.y1) / 2
            self.glyphs.append(Glyph(text="\u2022", x0=box.x0, x1=box.x1, base=centre - 0.3 * size, size=size,
                                     font=VECTOR_BULLET))
            self.states.append(None)

        def render_image(self, name: str, stream: Any) -> None:
            self.images += 1

        def render_char(self, matrix: Any, font: Any, fontsize: float, scaling: float, rise: float, cid: int,
                        ncs: Any, graphicstate: Any) -> float:
            self.rendered += 1
            if self.rendered % _CHECK_EVERY == 0:
                self.deadline.check()
                if self.rendered > self.max_glyphs:
                    raise DocumentError(ErrorCode.TOO_MUCH_TEXT,
                                        "This PDF holds far more text than a resume; it was not read.")
            if font.is_vertical():  # vertical CJK writing: let pdfminer compute its geometry
                adv: float = super().render_char(matrix, font, fontsize, scaling, rise, cid, ncs, graphicstate)
                self.rotated += 1
                return adv
            try:
                text = font.to_unichr(cid)
            except PDFUnicodeNotDefined:
                text = f"(cid:{cid})"
            adv = font.char_width(cid) * fontsize * scaling
            a, b, c, d, e, f = matrix
            if not upright(a, b, c, d):
                self.rotated += 1  # rotated or mirrored text (a vertical sidebar label)
                return adv
            name = font.fontname
            if not isinstance(name, str):  # damaged files give keywords or bytes here
                name = getattr(name, "name", None) or "unknown"
                name = name.decode("latin-1") if isinstance(name, bytes) else str(name)
            size = d * fontsize
            ncolor = graphicstate.ncolor
            if ncolor is not self._ncolor:  # the interpreter sets a new object on each colour change
                self._ncolor = ncolor
                self._fill = to_rgb(ncolor) if ncolor is not None else (0.0, 0.0, 0.0)
            fill = self._fill
            self.states.append(GlyphState(bbox=Box(e, f - 0.2 * size, e + a * adv, f + 0.7 * size), size=size,
                                          render_mode=self.render_mode, fill=fill, clip=self.clip,
                                          order=self._order()))
            self.glyphs.append(Glyph(text=str(text), x0=e, x1=e + a * adv, base=f, size=size, font=name))
            return adv

        def receive_layout(self, ltpage: Any) -> None:
            self.page_box = ltpage.bbox

    return GlyphDevice


def _open(data: bytes) -> Any:
    """Parse the file structure; map pdfminer's encryption errors to ``encrypted``."""
    from pdfminer.pdfdocument import PDFDocument, PDFEncryptionError, PDFPasswordIncorrect
    from pdfminer.pdfparser import PDFParser

    parser = PDFParser(io.BytesIO(data))
    try:
        return PDFDocument(parser, password="")
    except PDFPasswordIncorrect as e:
        raise DocumentError(ErrorCode.ENCRYPTED, "This PDF needs a password to open; please send an unprotected copy."
                            ) from e
    except PDFEncryptionError as e:
        raise DocumentError(ErrorCode.ENCRYPTED,
                            "This PDF is encrypted in a way that cannot be opened without its password.") from e


def _hide_startxref(data: bytes) -> bytes:
    """The same bytes with every 'startxref N' blanked (same length, so offsets stay valid).

    The offset goes too: left alone, pdfminer's fallback would take it for the trailer.
    """
    return _STARTXREF.sub(lambda m: b" " * len(m.group(0)), data)


def _pages(document: Any, limits: Limits, deadline: Deadline) -> list[Any]:
    """Walk the page tree (cheap: no content is interpreted) and refuse too many pages early."""
    from pdfminer.pdfpage import PDFPage

    pages: list[Any] = []
    for page in PDFPage.create_pages(document):
        pages.append(page)
        if len(pages) > limits.max_pages:
            raise DocumentError(ErrorCode.TOO_MANY_PAGES,
                                f"This PDF has more than {limits.max_pages} pages; a resume is expected to be shorter.")
        if len(pages) % 16 == 0:
            deadline.check()
    return pages


def _page_glyphs(device: Any, number: int) -> PageGlyphs:
    x0, y0, x1, y1 = device.page_box
    if not all(map(math.isfinite, (x0, y0, x1, y1))) or max(x1 - x0, y1 - y0) > _MAX_PAGE_SIZE:
        # An absurd page box (a damaged or hostile file): keep a plausible one so geometry stays bounded.
        x0, y0, x1, y1 = 0.0, 0.0, min(max(x1 - x0, 1.0), _MAX_PAGE_SIZE), min(max(y1 - y0, 1.0), _MAX_PAGE_SIZE)
        if not all(map(math.isfinite, (x1, y1))):
            x1 = y1 = _MAX_PAGE_SIZE
    # Glyphs a reader cannot see (off the page, clipped, invisible, too small, coloured like what lies under
    # them, or covered) are kept apart: they are a known keyword-stuffing trick and never read.
    page_box = Box(x0, y0, x1, y1)
    glyphs: list[Glyph] = []
    hidden: list[tuple[Glyph, str]] = []
    for g, state in zip(device.glyphs, device.states, strict=True):
        if not (0.0 < g.size < _MAX_GLYPH_SIZE and all(map(math.isfinite, (g.x0, g.x1, g.base)))):
            continue
        reason = hidden_reason(state, page_box, device.paints) if state is not None else None
        if reason is not None:
            hidden.append((g, reason))
            continue
        if g.x1 - g.x0 > 4 * g.size or g.x1 < g.x0:  # a damaged width table: keep the glyph, not its width
            g.x1 = g.x0 + 0.5 * g.size
        glyphs.append(g)
    return PageGlyphs(number=number, width=x1 - x0, height=y1 - y0, glyphs=glyphs, rotated=device.rotated,
                      hidden=hidden)


def _hidden_pieces(hidden: list[tuple[Glyph, str]]) -> list[tuple[str, str]]:
    """Hidden glyphs as text pieces, a space where the glyphs leave a gap or start a new line."""
    pieces: list[tuple[str, str]] = []
    prev: Glyph | None = None
    for g, reason in hidden:
        gap = prev is not None and (abs(g.base - prev.base) > 0.5 * g.size or g.x0 - prev.x1 > 0.25 * g.size)
        pieces.append(((" " if gap else "") + g.text, reason))
        prev = g
    return pieces


def _interpreter_class() -> type:
    from pdfminer.pdfinterp import PDFPageInterpreter
    from pdfminer.pdftypes import stream_value

    class BudgetInterpreter(PDFPageInterpreter):
        """Counts the content a page makes pdfminer parse, forms included, against a budget.

        A page may draw one form XObject thousands of times (or forms nested
        inside forms): each drawing re-parses the form's content, so the work
        grows far beyond the file size. The budget (kept on the shared device,
        since pdfminer builds a new interpreter per form) stops that early.
        """

        def render_contents(self, resources: Any, streams: Any, ctm: Any = (1, 0, 0, 1, 0, 0)) -> None:
            device: Any = self.device
            device.deadline.check()
            device.content_calls += 1
            for s in streams:
                data = stream_value(s).get_data()
                device.content_bytes += len(data) if data else 0
            if device.content_bytes > device.content_budget or device.content_calls > _MAX_FORMS_PER_PAGE:
                mb = device.content_budget / (1024 * 1024)
                raise DocumentError(ErrorCode.DECOMPRESSION_LIMIT,
                                    f"A page of this PDF holds more than {mb:.3g} MB of drawing instructions; "
                                    "it was not read.")
            super().render_contents(resources, streams, ctm=ctm)

        # pdfminer ignores clipping paths; the device needs them to tell clipped (unseen) text.
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self.pending_clip: list[tuple[float, float]] | None = None
            self.clips: list[Box | None] = []

        def do_W(self) -> None:
            self.pending_clip = _path_points(self.curpath)

        def do_W_a(self) -> None:
            self.do_W()

        def do_n(self) -> None:
            if self.pending_clip is not None:
                self.device.set_clip(self.pending_clip)  # type: ignore[attr-defined]
                self.pending_clip = None
            super().do_n()

        def do_q(self) -> None:
            super().do_q()
            self.clips.append(self.device.clip)  # type: ignore[attr-defined]

        def do_Q(self) -> None:
            if self.clips:
                self.device.clip = self.clips.pop()  # type: ignore[attr-defined]
            super().do_Q()

        def do_Do(self, xobjid_arg: Any) -> None:
            saved = self.device.clip  # type: ignore[attr-defined]
            try:
                super().do_Do(xobjid_arg)
            finally:
                self.device.clip = saved  # type: ignore[attr-defined]

    return BudgetInterpreter


def _path_points(path: Any) -> list[tuple[float, float]]:
    points: list[tuple[float, float]] = []
    for seg in path:
        nums = [v for v in seg[1:] if isinstance(v, (int, float))]
        points.extend(zip(nums[0::2], nums[1::2], strict=False))
    return points


def _resource_manager_class() -> type:
    from pdfminer.pdfinterp import PDFResourceManager

    class GuardedResources(PDFResourceManager):
        """Checks each font's character maps before pdfminer expands them (see `check_font`)."""

        def get_font(self, objid: Any, spec: Any) -> Any:
            if not (objid and objid in self._cached_fonts):
                try:
                    check_font(spec)
                except DocumentError:
                    raise
                except Exception:  # an unreadable spec is pdfminer's to judge
                    pass
            return super().get_font(objid, spec)

    return GuardedResources


def _interpret(document: Any, pages: list[Any], limits: Limits, deadline: Deadline) -> list[PageGlyphs]:
    rsrcmgr = _resource_manager_class()(caching=True)
    device = _device_class()(rsrcmgr, deadline, max_glyphs=3 * limits.max_chars + 10_000)
    device.content_budget = min(_PAGE_CONTENT_BUDGET, limits.max_part_bytes)
    interpreter = _interpreter_class()(rsrcmgr, device)
    result: list[PageGlyphs] = []
    for number, page in enumerate(pages, start=1):
        deadline.check()
        images_before = device.images
        device.content_bytes = device.content_calls = 0
        interpreter.process_page(page)
        pg = _page_glyphs(device, number)
        pg.images = device.images - images_before
        result.append(pg)
    return result


_STARTXREF = re.compile(rb"startxref\s*\d*")
_CID = re.compile(r"\(cid:\d+\)")
_WORD_PROCESSORS = re.compile(r"libreoffice|openoffice|microsoft|word|google|skia|chrom|wps|writer|docs", re.I)


def _soft_hyphens(document: Any) -> bool:
    """Whether the producer may hyphenate words itself; word processors and browsers do not by default."""
    for info in getattr(document, "info", None) or []:
        if not isinstance(info, dict):
            continue
        for key in ("Producer", "Creator"):
            value = info.get(key)
            try:
                from pdfminer.pdftypes import resolve1
                from pdfminer.utils import decode_text

                value = resolve1(value)
                if isinstance(value, bytes):
                    value = decode_text(value)  # PDFDocEncoding or UTF-16 with a BOM
            except Exception:
                continue
            if isinstance(value, str) and _WORD_PROCESSORS.search(value):
                return False
    return True


def _read(data: bytes, limits: Limits, deadline: Deadline) -> tuple[list[PageGlyphs], bool]:
    """Everything that touches pdfminer; any failure inside it means the file is damaged."""
    try:
        check_raw_streams(data, limits.max_part_bytes, deadline)
        try:
            document = _open(data)
            pages = _pages(document, limits, deadline)
        except DocumentError:
            raise
        except Exception:
            pages = []
        if not pages:
            # A cross-reference table that parses but points at the wrong offsets: rebuild it by
            # scanning the file for objects, which pdfminer does when it finds no "startxref".
            document = _open(_hide_startxref(data))
            pages = _pages(document, limits, deadline)
        if document.encryption is not None:
            check_document_streams(document, limits.max_part_bytes, deadline)
        if not pages:
            raise DocumentError(ErrorCode.CORRUPT, "This PDF has no readable pages; the file may be damaged.")
        return _interpret(document, pages, limits, deadline), _soft_hyphens(document)
    except DocumentError:
        raise
    except RecursionError as e:
        raise DocumentError(ErrorCode.TOO_DEEPLY_NESTED, "This PDF's internal structure is nested too deeply to read; "
                                               "the file may be damaged or malicious.") from e
    except MemoryError as e:
        raise DocumentError(ErrorCode.DECOMPRESSION_LIMIT, "This PDF needs more memory to read than allowed.") from e
    except Exception as e:  # pdfminer raises many types (PSEOF, PDFSyntaxError, KeyError, ...) on damaged input
        log.debug("pdfminer failed: %r", e)
        raise DocumentError(ErrorCode.CORRUPT, "This PDF is damaged or truncated and could not be read.") from e


def extract_pdf(data: bytes, *, limits: Limits) -> Document:
    """Extract a PDF resume into a `Document` of visual lines in reading order.

    Raises `DocumentError` with ``empty``, ``corrupt``, ``encrypted``,
    ``too_many_pages``, ``decompression_limit``, ``no_text_layer``,
    ``too_much_text`` or ``timeout``.
    """
    if not data or not data.strip():
        raise DocumentError(ErrorCode.EMPTY, "The file is empty.")
    deadline = Deadline(limits.timeout)
    with _captured_pdfminer_logs() as collector:
        pages, soft_hyphens = _read(data, limits, deadline)
    return finish(pages, soft_hyphens, collector.messages, limits)


def finish(pages: list[PageGlyphs], soft_hyphens: bool, messages: list[str], limits: Limits) -> Document:
    """Glyphs of every page to a `Document` (shared by both PDF backends), with the empty / scan / size checks."""
    n_glyphs = sum(len(p.glyphs) for p in pages)
    n_images = sum(p.images for p in pages)
    hidden = hidden_text(_hidden_pieces([h for p in pages for h in p.hidden]))
    if n_glyphs == 0:
        if n_images:
            raise DocumentError(ErrorCode.NO_TEXT_LAYER,
                                "This PDF holds only images (a scan); there is no text to read without OCR.")
        if hidden is not None:
            raise DocumentError(ErrorCode.EMPTY, "This PDF holds no text a reader can see "
                                f"({hidden.chars} characters of hidden text were ignored).")
        raise DocumentError(ErrorCode.EMPTY, "This PDF holds no text.")
    if all(_CID.fullmatch(g.text) or not g.text.strip() for p in pages for g in p.glyphs):
        raise DocumentError(ErrorCode.UNDECODABLE_TEXT, "This PDF's fonts carry no character map, so its text "
                            "cannot be decoded; OCR of the rendered pages may read it.")
    drafts, notes = build_lines(pages, soft_hyphens=soft_hyphens)
    extra = list(messages)
    for note in notes:
        if note not in extra and len(extra) < _MAX_WARNINGS:
            extra.append(note)
    doc = assemble(drafts, "pdf", pages=len(pages), warnings=tuple(extra), hidden=hidden)
    if not doc.text.strip():
        if n_images:
            raise DocumentError(ErrorCode.NO_TEXT_LAYER,
                                "This PDF holds only images (a scan); there is no text to read without OCR.")
        raise DocumentError(ErrorCode.UNDECODABLE_TEXT, "This PDF's text cannot be decoded (its fonts carry no "
                            "character map); OCR of the rendered pages may read it.")
    if len(doc.text) > limits.max_chars:
        raise DocumentError(ErrorCode.TOO_MUCH_TEXT,
                            f"This PDF holds more than {limits.max_chars:,} characters of text; a resume is shorter.")
    return doc
