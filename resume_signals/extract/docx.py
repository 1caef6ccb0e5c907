"""DOCX resumes: the body in reading order, with the layout cues headings need.

Parsed with lxml directly rather than through python-docx: python-docx reads
every part of the package into memory unbounded when it opens a file, and has
no API for text boxes, ``mc:AlternateContent`` or merged-cell continuation.
Every part read here goes through `SafeZip` (bounded inflation) and
`parse_xml` (no DOCTYPE, no entities, no network).

What comes out, in order:

* header parts (region "header"; contact details often live there), each
  distinct text once even when every section repeats it;
* the body in document order: paragraphs; tables row by row and cell by cell
  (nested tables recursively, a vertically merged cell once; a row whose
  cells are one short line each becomes one line joined by tabs, as a PDF
  renders right-aligned dates); text boxes (``w:txbxContent``) right after the
  paragraph that anchors them, taking the ``mc:Choice`` and skipping the VML
  ``mc:Fallback`` copy of the same text;
* footer parts (region "footer").

Each paragraph keeps its style name ("Heading 1", "List Bullet"), whether most
of its characters are bold / italic (run formatting, else character style,
else paragraph style, else document defaults), its dominant font size, and
whether it is a list item (numbering, list style or a typed bullet), which is
normalised to a leading "• ". Manual line breaks split a paragraph into lines
only where the text really starts a new line (not mid-sentence). Text a reader
cannot see is skipped and counted (`Document.hidden`): hidden runs
(``w:vanish``, ``w:specVanish``, ``w:webHidden``), a font under 3 pt, a colour
that melts into the run's, paragraph's, cell's, text box's or page's colour
(thresholds in `resume_signals.extract.visibility`), and deleted tracked
changes (``w:del``, ``w:moveFrom``).
"""

from __future__ import annotations

import functools
import logging
import posixpath
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from ..document import Document, LineDraft, assemble
from ..errors import DocumentError, ErrorCode
from ..limits import Limits
from ..text.bullets import CANONICAL
from ..text.wraps import carries_on
from ._zip import SafeZip, parse_xml
from .sniff import main_part_from_content_types
from .txt import normalise_bullet
from .visibility import MIN_SIZE, RGB, WHITE, blends_in, hex_rgb, hidden_text

log = logging.getLogger(__name__)

_W_NS = ("http://schemas.openxmlformats.org/wordprocessingml/2006/main",
         "http://purl.oclc.org/ooxml/wordprocessingml/main")
_R_NS = ("http://schemas.openxmlformats.org/officeDocument/2006/relationships",
         "http://purl.oclc.org/ooxml/officeDocument/relationships")
_MC_NS = "http://schemas.openxmlformats.org/markup-compatibility/2006"
_M_NS = "http://schemas.openxmlformats.org/officeDocument/2006/math"
_PKG_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"

_MAX_DEPTH = 120
"""Nesting (tables in cells in text boxes...) beyond which a document is refused as corrupt."""
_MAX_HEADER_PARTS = 24
_OFF = {"0", "false", "off", "none"}


def _local(el: Any) -> str:
    tag = el.tag
    if not isinstance(tag, str):  # comments, processing instructions
        return ""
    return tag.rpartition("}")[2] if tag.startswith("{") else tag


def _ns(el: Any) -> str:
    tag = el.tag
    return tag[1:].partition("}")[0] if isinstance(tag, str) and tag.startswith("{") else ""


@functools.lru_cache(maxsize=512)
def _w_tags(name: str) -> frozenset[str]:
    """The full tags of a WordprocessingML element in every namespace we accept (Clark notation)."""
    return frozenset(f"{{{ns}}}{name}" for ns in _W_NS)


def _is_w(el: Any, name: str) -> bool:
    return el.tag in _w_tags(name)  # one set lookup: this runs for every element of every part


def _w_attr(el: Any, name: str) -> str | None:
    for ns in _W_NS:
        value = el.get(f"{{{ns}}}{name}")
        if value is not None:
            return str(value)
    value = el.get(name)
    return None if value is None else str(value)


def _r_id(el: Any) -> str | None:
    for ns in _R_NS:
        value = el.get(f"{{{ns}}}id")
        if value is not None:
            return str(value)
    return None


def _w_child(el: Any, name: str) -> Any | None:
    tags = _w_tags(name)
    for child in el:
        if child.tag in tags:
            return child
    return None


def _toggle(el: Any | None) -> bool | None:
    """A toggle property (w:b, w:i, w:caps, w:vanish): None when absent."""
    if el is None:
        return None
    val = _w_attr(el, "val")
    return val is None or val.lower() not in _OFF


def _half_points(el: Any | None) -> float | None:
    if el is None:
        return None
    try:
        value = float(_w_attr(el, "val") or "")
    except ValueError:
        return None
    return value / 2 if 1 <= value <= 3276 else None


@dataclass
class RunProps:
    """Character formatting; None means "not set here, inherit"."""

    bold: bool | None = None
    italic: bool | None = None
    size: float | None = None
    caps: bool | None = None
    hidden: bool | None = None
    color: str | None = None
    shade: str | None = None

    @classmethod
    def parse(cls, rpr: Any | None) -> RunProps:
        if rpr is None:
            return cls()
        hidden = None
        for name in ("vanish", "specVanish", "webHidden"):
            value = _toggle(_w_child(rpr, name))
            hidden = value if hidden is None else hidden or bool(value)
        return cls(bold=_toggle(_w_child(rpr, "b")), italic=_toggle(_w_child(rpr, "i")),
                   size=_half_points(_w_child(rpr, "sz")), caps=_toggle(_w_child(rpr, "caps")),
                   hidden=hidden, color=_w_val(rpr, "color", "val"), shade=_w_val(rpr, "shd", "fill"))

    def over(self, base: RunProps) -> RunProps:
        """These properties with ``base`` filling the gaps."""
        return RunProps(
            bold=self.bold if self.bold is not None else base.bold,
            italic=self.italic if self.italic is not None else base.italic,
            size=self.size if self.size is not None else base.size,
            caps=self.caps if self.caps is not None else base.caps,
            hidden=self.hidden if self.hidden is not None else base.hidden,
            color=self.color if self.color is not None else base.color,
            shade=self.shade if self.shade is not None else base.shade,
        )

    def hidden_reason(self, background: RGB) -> str | None:
        """Why a reader cannot see text with these properties on ``background`` (None: visible)."""
        if self.hidden:
            return "vanish"
        if self.size is not None and self.size < MIN_SIZE:
            return "tiny_font"
        if blends_in(hex_rgb(self.color), hex_rgb(self.shade) or background):
            return "background_colour"
        return None


def _w_val(parent: Any, child: str, attr: str) -> str | None:
    el = _w_child(parent, child)
    return _w_attr(el, attr) if el is not None else None


@dataclass
class Style:
    name: str
    based_on: str | None
    run: RunProps
    num_id: str | None
    ilvl: str | None


def _ui_name(name: str) -> str:
    """Built-in styles are stored lower-case ("heading 1"); Word shows them title-cased."""
    return name.title() if name == name.lower() else name


@dataclass
class Styles:
    """styles.xml resolved: per style id, the name and inherited formatting."""

    styles: dict[str, Style] = field(default_factory=dict)
    default_para: str | None = None
    defaults: RunProps = field(default_factory=RunProps)

    @classmethod
    def parse(cls, root: Any | None) -> Styles:
        out = cls()
        if root is None:
            return out
        for el in root:
            if _is_w(el, "docDefaults"):
                rpr_default = _w_child(el, "rPrDefault")
                if rpr_default is not None:
                    out.defaults = RunProps.parse(_w_child(rpr_default, "rPr"))
            elif _is_w(el, "style"):
                sid = _w_attr(el, "styleId")
                if not sid:
                    continue
                name_el = _w_child(el, "name")
                based = _w_child(el, "basedOn")
                ppr = _w_child(el, "pPr")
                num_pr = _w_child(ppr, "numPr") if ppr is not None else None
                num_id = ilvl = None
                if num_pr is not None:
                    num_el, ilvl_el = _w_child(num_pr, "numId"), _w_child(num_pr, "ilvl")
                    num_id = _w_attr(num_el, "val") if num_el is not None else None
                    ilvl = _w_attr(ilvl_el, "val") if ilvl_el is not None else None
                name = _w_attr(name_el, "val") if name_el is not None else None
                out.styles[sid] = Style(name=_ui_name(name or sid),
                                        based_on=_w_attr(based, "val") if based is not None else None,
                                        run=RunProps.parse(_w_child(el, "rPr")), num_id=num_id, ilvl=ilvl)
                if _w_attr(el, "type") == "paragraph" and (_w_attr(el, "default") or "").lower() in {"1", "true", "on"}:
                    out.default_para = sid
        return out

    def chain(self, sid: str | None) -> Iterator[Style]:
        """The style and its ancestors, nearest first (cycles and deep chains cut off)."""
        seen: set[str] = set()
        while sid and sid not in seen and len(seen) < 32:
            seen.add(sid)
            style = self.styles.get(sid)
            if style is None:
                return
            yield style
            sid = style.based_on

    def run_props(self, sid: str | None) -> RunProps:
        props = RunProps()
        for style in self.chain(sid):
            props = props.over(style.run)
        return props

    def numbering(self, sid: str | None) -> tuple[str | None, str | None]:
        for style in self.chain(sid):
            if style.num_id is not None:
                return style.num_id, style.ilvl
        return None, None


@dataclass
class Numbering:
    """numbering.xml: which (numId, level) pairs draw a visible list marker."""

    visible: dict[tuple[str, str], bool] = field(default_factory=dict)
    known: set[str] = field(default_factory=set)

    @classmethod
    def parse(cls, root: Any | None) -> Numbering:
        out = cls()
        if root is None:
            return out
        abstract: dict[str, dict[str, bool]] = {}
        for el in root:
            if _is_w(el, "abstractNum"):
                levels: dict[str, bool] = {}
                for lvl in el:
                    if not _is_w(lvl, "lvl"):
                        continue
                    fmt_el, text_el = _w_child(lvl, "numFmt"), _w_child(lvl, "lvlText")
                    fmt = (_w_attr(fmt_el, "val") if fmt_el is not None else None) or "decimal"
                    text = _w_attr(text_el, "val") if text_el is not None else None
                    levels[_w_attr(lvl, "ilvl") or "0"] = fmt != "none" and not (text is not None and not text.strip())
                abstract[_w_attr(el, "abstractNumId") or ""] = levels
        for el in root:
            if _is_w(el, "num"):
                num_id = _w_attr(el, "numId") or ""
                ref = _w_child(el, "abstractNumId")
                levels = abstract.get((_w_attr(ref, "val") or "") if ref is not None else "", {})
                out.known.add(num_id)
                for lvl_id, shown in levels.items():
                    out.visible[(num_id, lvl_id)] = shown
        return out

    def is_list(self, num_id: str | None, ilvl: str | None) -> bool:
        if num_id is None or num_id.strip() in {"", "0"}:
            return False
        if num_id not in self.known:
            return True  # numbering part missing or damaged: numPr still says "list item"
        return self.visible.get((num_id, ilvl or "0"), True)


_BREAK = object()


@dataclass
class _Piece:
    text: str
    props: RunProps


@dataclass
class _Ctx:
    styles: Styles
    numbering: Numbering
    limits: Limits
    chars: int = 0
    hidden: list[tuple[str, str]] = field(default_factory=list)
    """Text a reader cannot see, with the reason, in reading order."""
    backgrounds: list[RGB] = field(default_factory=lambda: [WHITE])
    """The colour under the text being walked: page, then text box, cell and paragraph shading on top."""
    warnings: list[str] = field(default_factory=list)


class _Walker:
    """Turns block-level XML (body, cell, text box, header) into LineDrafts."""

    def __init__(self, ctx: _Ctx) -> None:
        self.ctx = ctx

    # ---- blocks -------------------------------------------------------------------------------
    def blocks(self, parent: Any, region: str, depth: int) -> list[LineDraft]:
        if depth > _MAX_DEPTH:
            raise DocumentError(ErrorCode.TOO_DEEPLY_NESTED, "The DOCX nests tables or text boxes too deeply to read.")
        out: list[LineDraft] = []
        for el in parent:
            name = _local(el)
            if _ns(el) == _MC_NS and name == "AlternateContent":
                chosen = _choose(el)
                if chosen is not None:
                    out += self.blocks(chosen, region, depth + 1)
            elif _ns(el) not in _W_NS:
                continue
            elif name == "p":
                out += self.paragraph(el, region, depth)
            elif name == "tbl":
                out += self.table(el, region, depth + 1)
            elif name == "sdt":
                content = _w_child(el, "sdtContent")
                if content is not None:
                    out += self.blocks(content, region, depth + 1)
            elif name in {"customXml", "ins", "moveTo", "smartTag"}:
                out += self.blocks(el, region, depth + 1)
            elif name == "altChunk":
                self.ctx.warnings.append("The DOCX embeds another document (altChunk) that was not read.")
        return out

    def table(self, tbl: Any, region: str, depth: int) -> list[LineDraft]:
        cell_region = region if region in {"header", "footer", "textbox"} else "table"
        out: list[LineDraft] = []
        for row in _w_items(tbl, "tr"):
            cells: list[list[LineDraft]] = []
            simple = True
            for tc in _w_items(row, "tc"):
                tc_pr = _w_child(tc, "tcPr")
                if tc_pr is not None and _merged_continuation(tc_pr):
                    continue  # the text lives in the cell the merge started from
                with self._background(hex_rgb(_w_val(tc_pr, "shd", "fill")) if tc_pr is not None else None):
                    drafts = self.blocks(tc, cell_region, depth + 1)
                if _w_local_desc(tc, "tbl") or any(d.region != cell_region for d in drafts):
                    simple = False
                cells.append(drafts)
            out += _row_lines(cells, simple)
        return out

    # ---- paragraphs ---------------------------------------------------------------------------
    def paragraph(self, p: Any, region: str, depth: int) -> list[LineDraft]:
        ppr = _w_child(p, "pPr")
        style_id = None
        num_id = ilvl = None
        if ppr is not None:
            pstyle = _w_child(ppr, "pStyle")
            style_id = _w_attr(pstyle, "val") if pstyle is not None else None
            num_pr = _w_child(ppr, "numPr")
            if num_pr is not None:
                num_el, ilvl_el = _w_child(num_pr, "numId"), _w_child(num_pr, "ilvl")
                num_id = _w_attr(num_el, "val") if num_el is not None else None
                ilvl = _w_attr(ilvl_el, "val") if ilvl_el is not None else None
        styles = self.ctx.styles
        style_id = style_id if style_id in styles.styles else styles.default_para
        style = styles.styles.get(style_id) if style_id else None
        style_name = style.name if style else None
        if num_id is None:
            num_id, style_ilvl = styles.numbering(style_id)
            ilvl = ilvl or style_ilvl
        para_props = styles.run_props(style_id).over(styles.defaults)
        lowered = (style_name or "").lower()
        heading_like = lowered.startswith(("heading", "title", "subtitle"))
        listed = not heading_like and (
            self.ctx.numbering.is_list(num_id, ilvl)
            or (num_id is None and lowered.startswith(("list bullet", "list number"))))

        pieces: list[_Piece | object] = []
        boxes: list[Any] = []
        with self._background(hex_rgb(_w_val(ppr, "shd", "fill")) if ppr is not None else None):
            self._inline(p, para_props, pieces, boxes, depth)
        out = [_line_draft(group, style_name, region, listed)
               for group in _split_breaks(pieces)]
        if not out:
            out = [LineDraft("", style=style_name, region=region)]
        for draft in out:
            self.ctx.chars += len(draft.text) + 1
        if self.ctx.chars > self.ctx.limits.max_chars:
            raise DocumentError(ErrorCode.TOO_MUCH_TEXT,
                                f"The DOCX holds more than {self.ctx.limits.max_chars:,} characters of text.")
        box_region = region if region in {"header", "footer"} else "textbox"
        for box in _reading_order(boxes):
            with self._background(_box_fill(box)):
                out += self.blocks(box, box_region, depth + 1)
        return out

    @contextmanager
    def _background(self, colour: RGB | None) -> Iterator[None]:
        """Text walked inside sits on ``colour`` (None: on whatever lies under it already)."""
        stack = self.ctx.backgrounds
        stack.append(colour or stack[-1])
        try:
            yield
        finally:
            stack.pop()

    def _inline(self, parent: Any, para: RunProps, pieces: list[_Piece | object], boxes: list[Any],
                depth: int) -> None:
        if depth > _MAX_DEPTH:
            raise DocumentError(ErrorCode.TOO_DEEPLY_NESTED, "The DOCX nests inline content too deeply to read.")
        for el in parent:
            name, ns = _local(el), _ns(el)
            if ns == _MC_NS and name == "AlternateContent":
                chosen = _choose(el)
                if chosen is not None:
                    self._inline(chosen, para, pieces, boxes, depth + 1)
            elif ns == _M_NS and name in {"oMath", "oMathPara"}:
                text = "".join(t.text or "" for t in el.iter() if _local(t) == "t")
                if text:
                    pieces.append(_Piece(text, para))
            elif ns not in _W_NS:
                continue
            elif name == "r":
                self._run(el, para, pieces, boxes, depth)
            elif name in {"hyperlink", "smartTag", "customXml", "fldSimple", "ins", "moveTo", "dir", "bdo"}:
                self._inline(el, para, pieces, boxes, depth + 1)
            elif name == "sdt":
                content = _w_child(el, "sdtContent")
                if content is not None:
                    self._inline(content, para, pieces, boxes, depth + 1)
            elif name in {"del", "moveFrom"}:  # deleted tracked changes: in the file, not on the page
                text = "".join(t.text or "" for t in el.iter() if _local(t) in {"delText", "t"})
                if text.strip():
                    self.ctx.hidden.append((" " + text, "deleted_revision"))
            # w:pPr, bookmarks, proofing marks: nothing to read

    def _run(self, r: Any, para: RunProps, pieces: list[_Piece | object], boxes: list[Any], depth: int) -> None:
        rpr = _w_child(r, "rPr")
        props = RunProps()
        if rpr is not None:
            rstyle = _w_child(rpr, "rStyle")
            char_style = self.ctx.styles.run_props(_w_attr(rstyle, "val") if rstyle is not None else None)
            props = RunProps.parse(rpr).over(char_style)
        props = props.over(para)
        for el in r:
            name, ns = _local(el), _ns(el)
            if ns == _MC_NS and name == "AlternateContent":
                chosen = _choose(el)
                if chosen is not None:
                    boxes.extend(_text_boxes(chosen))
                continue
            if ns not in _W_NS:
                continue
            if name == "t":
                text = el.text or ""
                reason = props.hidden_reason(self.ctx.backgrounds[-1]) if text.strip() else None
                if reason is not None:
                    self.ctx.hidden.append((text, reason))
                    continue
                pieces.append(_Piece(text.upper() if props.caps else text, props))
            elif name == "tab" or name == "ptab":
                pieces.append(_Piece("\t", props))
            elif name in {"br", "cr"}:
                if not props.hidden:
                    pieces.append(_BREAK)
            elif name == "noBreakHyphen":
                pieces.append(_Piece("-", props))
            elif name == "sym":
                code = _w_attr(el, "char") or ""
                try:
                    char = chr(int(code, 16))
                except (ValueError, OverflowError):
                    continue
                pieces.append(_Piece(char, props))
            elif name in {"drawing", "pict", "object"}:
                boxes.extend(_text_boxes(el))
            elif name == "ruby":
                base = _w_child(el, "rubyBase")
                if base is not None:
                    self._inline(base, para, pieces, boxes, depth + 1)


def _w_items(parent: Any, name: str) -> Iterator[Any]:
    """Rows of a table or cells of a row, looking through content controls and customXml wrappers."""
    for el in parent:
        if _is_w(el, name):
            yield el
        elif _ns(el) in _W_NS and _local(el) in {"sdt", "customXml"}:
            inner = _w_child(el, "sdtContent") if _local(el) == "sdt" else el
            if inner is not None:
                yield from _w_items(inner, name)


def _w_local_desc(el: Any, name: str) -> bool:
    return any(_is_w(child, name) for child in el)


def _merged_continuation(tc_pr: Any) -> bool:
    vmerge = _w_child(tc_pr, "vMerge")
    if vmerge is not None and (_w_attr(vmerge, "val") or "continue") != "restart":
        return True
    hmerge = _w_child(tc_pr, "hMerge")
    return hmerge is not None and (_w_attr(hmerge, "val") or "continue") != "restart"


def _choose(alt: Any) -> Any | None:
    """The first ``mc:Choice`` of an AlternateContent (the modern markup), else its Fallback."""
    fallback = None
    for child in alt:
        if _ns(child) == _MC_NS and _local(child) == "Choice":
            return child
        if _ns(child) == _MC_NS and _local(child) == "Fallback":
            fallback = child
    return fallback


def _text_boxes(el: Any) -> list[Any]:
    """``w:txbxContent`` under a drawing in document order, outermost only, honouring AlternateContent."""
    found: list[Any] = []

    def visit(node: Any) -> None:
        for child in node:
            if _ns(child) == _MC_NS and _local(child) == "AlternateContent":
                chosen = _choose(child)
                if chosen is not None:
                    visit(chosen)
            elif _is_w(child, "txbxContent"):
                found.append(child)  # nested boxes are reached when this one is walked
            elif isinstance(child.tag, str):
                visit(child)

    visit(el)
    return found


_WP_NS = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
_FILL = re.compile(r"#?([0-9A-Fa-f]{6})$")


def _box_fill(box: Any) -> RGB | None:
    """The solid fill of the shape holding a text box (DrawingML ``a:solidFill``, VML ``fillcolor``), if any."""
    node = box.getparent()
    for _ in range(6):
        if node is None:
            return None
        vml = node.get("fillcolor")
        if vml and _FILL.match(vml) and (node.get("filled") or "t").lower() not in _OFF | {"f"}:
            return hex_rgb(_FILL.match(vml).group(1))  # type: ignore[union-attr]
        for child in node:
            if _local(child) == "spPr":
                for fill in child:
                    if _local(fill) == "solidFill":
                        for colour in fill:
                            if _local(colour) == "srgbClr":
                                return hex_rgb(colour.get("val"))
                return None
        node = node.getparent()
    return None


def _box_position(box: Any) -> tuple[str, int, int] | None:
    """(vertical reference, y, x) in EMU of the floating shape holding a text box, when it says so."""
    node = box.getparent()
    while node is not None and not (_ns(node) == _WP_NS and _local(node) in {"anchor", "inline"}):
        node = node.getparent()
    if node is None or _local(node) != "anchor":
        return None
    found: dict[str, tuple[str, int]] = {}
    for axis in ("positionV", "positionH"):
        for child in node:
            if _ns(child) == _WP_NS and _local(child) == axis:
                offset = next((c.text for c in child if _local(c) == "posOffset"), None)
                try:
                    found[axis] = (child.get("relativeFrom") or "", int((offset or "").strip()))
                except ValueError:
                    return None
    if len(found) != 2:
        return None
    return found["positionV"][0], found["positionV"][1], found["positionH"][1]


def _reading_order(boxes: list[Any]) -> list[Any]:
    """Text boxes anchored to one paragraph, top to bottom then left to right.

    Templates often anchor every box of a page to a single paragraph in
    arbitrary XML order; their positions are the only reading order there is.
    Sorted only when every box has an offset from the same vertical
    reference, otherwise XML order is kept.
    """
    if len(boxes) < 2:
        return boxes
    positions = [_box_position(box) for box in boxes]
    if any(pos is None for pos in positions) or len({pos[0] for pos in positions if pos}) != 1:
        return boxes
    order = sorted(range(len(boxes)), key=lambda i: (positions[i][1], positions[i][2]))  # type: ignore[index]
    return [boxes[i] for i in order]


def _split_breaks(pieces: list[_Piece | object]) -> list[list[_Piece]]:
    """Split at manual line breaks, but rejoin a break that falls mid-sentence."""
    groups: list[list[_Piece]] = [[]]
    for piece in pieces:
        if piece is _BREAK:
            groups.append([])
        elif isinstance(piece, _Piece):
            groups[-1].append(piece)
    merged: list[list[_Piece]] = []
    for group in groups:
        text = "".join(p.text for p in group).strip()
        if not text:
            continue
        if merged:
            prev = "".join(p.text for p in merged[-1]).rstrip()
            if carries_on(prev, text):
                merged[-1] = merged[-1] + [_Piece(" ", merged[-1][-1].props)] + group
                continue
        merged.append(group)
    return merged


def _line_draft(pieces: list[_Piece], style: str | None, region: str, listed: bool) -> LineDraft:
    text = "".join(p.text for p in pieces)
    weights = [(len(p.text.strip()), p.props) for p in pieces if p.text.strip()]
    total = sum(w for w, _ in weights) or 1
    bold = sum(w for w, pr in weights if pr.bold) * 2 > total
    italic = sum(w for w, pr in weights if pr.italic) * 2 > total
    sizes: dict[float, int] = {}
    for w, pr in weights:
        if pr.size is not None:
            sizes[pr.size] = sizes.get(pr.size, 0) + w
    size = max(sizes, key=lambda s: sizes[s]) if sizes else None
    text, typed = normalise_bullet(text)
    if listed and not typed:
        text = CANONICAL + " " + text.lstrip()
    return LineDraft(text, size=size, bold=bold, italic=italic, style=style, bullet=listed or typed, region=region)


def _row_lines(cells: list[list[LineDraft]], simple: bool) -> list[LineDraft]:
    """One table row: cells in order; one line joined by tabs when every cell is one plain line."""
    filled = [[d for d in cell if d.text.strip()] for cell in cells]
    non_empty = [cell for cell in filled if cell]
    if simple and len(non_empty) >= 2 and all(len(c) == 1 and not c[0].bullet for c in non_empty):
        parts = [c[0] for c in non_empty]
        total = sum(len(d.text) for d in parts) or 1
        sizes: dict[float, int] = {}
        for d in parts:
            if d.size is not None:
                sizes[d.size] = sizes.get(d.size, 0) + len(d.text)
        text, bullet = normalise_bullet("\t".join(d.text.strip() for d in parts))
        return [LineDraft(text, size=max(sizes, key=lambda s: sizes[s]) if sizes else None, bullet=bullet,
                          bold=sum(len(d.text) for d in parts if d.bold) * 2 > total,
                          italic=sum(len(d.text) for d in parts if d.italic) * 2 > total,
                          style=parts[0].style, region=parts[0].region)]
    out: list[LineDraft] = []
    for cell in cells:
        out += cell
        out.append(LineDraft("", region=cells[0][0].region if cells[0] else "table"))  # cell boundary
    return out


# ---- package -----------------------------------------------------------------------------------

def _tags_cap(limits: Limits) -> int:
    """Most XML tags accepted in one part: generous markup (4 tags) per character of allowed text."""
    return max(100_000, 4 * limits.max_chars)


def _rels(zf: SafeZip, part: str) -> list[tuple[str, str, str]]:
    """(id, type, absolute target) of a part's internal relationships."""
    folder, base = posixpath.split(part)
    rels_name = posixpath.join(folder, "_rels", base + ".rels")
    data = zf.read(rels_name)
    if data is None:
        return []
    root = parse_xml(data, rels_name, max_tags=100_000)
    out = []
    for rel in root:
        if _local(rel) != "Relationship" or (rel.get("TargetMode") or "").lower() == "external":
            continue
        target = rel.get("Target") or ""
        resolved = target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join(folder, target))
        out.append((rel.get("Id") or "", rel.get("Type") or "", resolved))
    return out


def _main_part(zf: SafeZip) -> str:
    """The main document part: from the package relationships, else the content types, else the usual name."""
    for _, rtype, target in _rels(zf, ""):
        if rtype.endswith("/officeDocument") and target in zf:
            return target
    if "word/document.xml" not in zf:
        declared = main_part_from_content_types(zf.read("[Content_Types].xml") or b"")
        if declared and declared in zf:
            return declared
    return "word/document.xml"


def _section_refs(body: Any, kind: str) -> list[str]:
    """Header or footer relationship ids in section order: first page (when shown), default, even."""
    rank = {"first": 0, "default": 1, "even": 2}
    ids: list[str] = []
    for sect in body.iter(*(f"{{{ns}}}sectPr" for ns in _W_NS)):
        title_pg = _toggle(_w_child(sect, "titlePg"))
        refs = []
        for ref in sect:
            if _is_w(ref, f"{kind}Reference"):
                rtype = _w_attr(ref, "type") or "default"
                if rtype == "first" and not title_pg:
                    continue
                rid = _r_id(ref)
                if rid:
                    refs.append((rank.get(rtype, 3), rid))
        ids += [rid for _, rid in sorted(refs)]
    return ids


def _pages(zf: SafeZip) -> int | None:
    data = zf.read("docProps/app.xml")
    if data is None:
        return None
    try:
        root = parse_xml(data, "docProps/app.xml", max_tags=10_000)
    except DocumentError as exc:
        if exc.code is ErrorCode.UNSAFE_CONTENT:
            raise
        return None  # metadata only: a damaged app.xml does not stop the read
    for el in root:
        if _local(el) == "Pages" and (el.text or "").strip().isdigit():
            return int((el.text or "").strip()) or None
    return None


def extract_docx(data: bytes, *, limits: Limits) -> Document:
    """A DOCX (or DOCM: macros are never run, only the text is read) as a `Document`."""
    zf = SafeZip.for_limits(data, limits)
    try:
        main = _main_part(zf)
        doc_xml = zf.read(main)
        if doc_xml is None:
            raise DocumentError(ErrorCode.CORRUPT, "The DOCX file is missing its main part (word/document.xml).")
        root = parse_xml(doc_xml, main, max_tags=_tags_cap(limits))
        rels = _rels(zf, main)
        by_id = {rid: target for rid, _, target in rels}

        def related(kind: str) -> Any | None:
            for _, rtype, target in rels:
                if rtype.endswith("/" + kind):
                    raw = zf.read(target)
                    return parse_xml(raw, target, max_tags=_tags_cap(limits)) if raw is not None else None
            raw = zf.read(f"word/{kind}.xml")
            return parse_xml(raw, f"word/{kind}.xml", max_tags=_tags_cap(limits)) if raw is not None else None

        ctx = _Ctx(styles=Styles.parse(related("styles")), numbering=Numbering.parse(related("numbering")),
                   limits=limits)
        page_colour = hex_rgb(_w_val(root, "background", "color"))
        if page_colour is not None:
            ctx.backgrounds[0] = page_colour
        walker = _Walker(ctx)
        body = _w_child(root, "body")
        if body is None:
            raise DocumentError(ErrorCode.CORRUPT, "The DOCX main part has no document body.")

        def regions(kind: str) -> list[LineDraft]:
            out: list[LineDraft] = []
            seen: set[str] = set()
            for rid in _section_refs(body, kind)[:_MAX_HEADER_PARTS]:
                target = by_id.get(rid)
                if not target or target in seen:
                    continue
                seen.add(target)
                raw = zf.read(target)
                if raw is None:
                    continue
                drafts = walker.blocks(parse_xml(raw, target, max_tags=_tags_cap(limits)), kind, 0)
                text = "\n".join(d.text.strip() for d in drafts if d.text.strip())
                if text and text not in seen:
                    seen.add(text)
                    out += drafts + [LineDraft("", region=kind)]
            return out

        header = regions("header")
        content = walker.blocks(body, "body", 0)
        footer = regions("footer")
        pages = _pages(zf)
    finally:
        zf.close()
    drafts = header + content + ([LineDraft("", region="footer")] if footer else []) + footer
    doc = assemble(drafts, "docx", pages=pages, warnings=tuple(dict.fromkeys(ctx.warnings)),
                   hidden=hidden_text(ctx.hidden))
    if len(doc.text) > limits.max_chars:
        raise DocumentError(ErrorCode.TOO_MUCH_TEXT, f"The DOCX holds {len(doc.text):,} characters of text, "
                            f"over the {limits.max_chars:,} limit.")
    if not doc.text.strip():
        raise DocumentError(ErrorCode.EMPTY, "The DOCX holds no text (it may contain only images).")
    return doc
