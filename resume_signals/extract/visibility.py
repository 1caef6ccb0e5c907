"""Whether a reader can see a character: one decision shared by every backend and format.

Keyword stuffing hides text a human never sees (white on white, a 1 pt font,
render mode 3, a box drawn over it, text clipped away or placed off the page)
while a parser still reads it. Each backend (pdfminer today, pdfium later,
the DOCX reader) reports the drawing state of a character in the neutral
terms below; `hidden_reason` decides, so the rule is written once and a
new backend cannot drift from it.

The thresholds leave ordinary design alone: a light-grey date column or a
coloured heading keeps a contrast ratio well above `MIN_CONTRAST`, and
footnote-sized text is far above `MIN_SIZE`.

>>> page = Box(0, 0, 612, 792)
>>> hidden_reason(GlyphState(bbox=Box(72, 700, 78, 711), size=11, fill=(1.0, 1.0, 1.0)), page)
'background_colour'
>>> hidden_reason(GlyphState(bbox=Box(72, 700, 78, 711), size=11, fill=(0.6, 0.6, 0.6)), page) is None
True
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass

from ..document import HiddenText

RGB = tuple[float, float, float]

WHITE: RGB = (1.0, 1.0, 1.0)
MIN_SIZE = 3.0
"""Font size in points under which text is unreadable (footnotes are 7-8 pt)."""
MIN_CONTRAST = 1.2
"""WCAG contrast ratio under which text melts into its background (light grey #ccc on white is 1.6)."""
INVISIBLE_RENDER_MODES = frozenset({3, 7})
"""PDF text render modes that paint nothing (3: invisible; 7: add to clip path only)."""
STROKED_RENDER_MODES = frozenset({1, 2, 5, 6})
"""PDF text render modes that outline the letters: the stroke colour (which no backend reports) shows them, so
the fill colour alone cannot hide them."""

MAX_PAINTS = 400
"""Filled areas per page remembered as backgrounds or covers (resumes fill a few)."""
MIN_PAINT_SIDE = 4.0
"""Smaller filled shapes (bullets, rules, icons) neither hide nor carry text."""

REASONS = ("invisible_render_mode", "tiny_font", "off_page", "clipped", "covered", "background_colour")


@dataclass(frozen=True)
class Box:
    """An axis-aligned rectangle in page coordinates (x0 <= x1, y0 <= y1)."""

    x0: float
    y0: float
    x1: float
    y1: float

    def contains_point(self, x: float, y: float) -> bool:
        return self.x0 <= x <= self.x1 and self.y0 <= y <= self.y1

    def centre(self) -> tuple[float, float]:
        return (self.x0 + self.x1) / 2, (self.y0 + self.y1) / 2

    def overlaps(self, other: Box) -> bool:
        return self.x0 < other.x1 and other.x0 < self.x1 and self.y0 < other.y1 and other.y0 < self.y1


@dataclass(frozen=True)
class Paint:
    """A filled opaque area (a rectangle, a shape's bounding box) and its colour, in drawing order."""

    box: Box
    colour: RGB
    order: int


@dataclass(frozen=True)
class GlyphState:
    """What a backend knows about one drawn character.

    ``fill`` is None when the colour is unknown (a pattern, a colour space the
    backend does not convert): unknown never hides. ``clip`` is the clipping
    box in force (None: the page). ``order`` places the glyph among `Paint`
    areas so that a box drawn later covers it and one drawn earlier is its
    background.
    """

    bbox: Box
    size: float
    render_mode: int = 0
    fill: RGB | None = (0.0, 0.0, 0.0)
    clip: Box | None = None
    order: int = 0
    alpha: float = 1.0


def keep_paint(paints: list[Paint], box: Box, colour: RGB, order: int) -> None:
    """Remember a filled area as a background or a cover, within the per-page bound (every backend's rule)."""
    if len(paints) < MAX_PAINTS and box.x1 - box.x0 >= MIN_PAINT_SIDE and box.y1 - box.y0 >= MIN_PAINT_SIDE:
        paints.append(Paint(box=box, colour=colour, order=order))


def luminance(colour: RGB) -> float:
    """Relative luminance (WCAG 2) of an sRGB colour with channels in 0..1."""

    def lin(c: float) -> float:
        c = min(max(c, 0.0), 1.0)
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = colour
    return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b)


@functools.lru_cache(maxsize=1024)
def contrast(a: RGB, b: RGB) -> float:
    """WCAG contrast ratio between two colours: 1 (identical) to 21 (black on white).

    Cached: it is asked for every glyph, and a page uses a handful of colours.
    """
    la, lb = sorted((luminance(a), luminance(b)))
    return (lb + 0.05) / (la + 0.05)


def blends_in(fill: RGB | None, background: RGB) -> bool:
    """Whether text in ``fill`` on ``background`` is too faint to read."""
    return fill is not None and contrast(fill, background) < MIN_CONTRAST


def to_rgb(value: object) -> RGB | None:
    """A PDF colour (gray, RGB or CMYK components in 0..1) as RGB; None when it is not a plain colour."""
    if isinstance(value, (int, float)):
        g = float(value)
        return (g, g, g)
    if not isinstance(value, (tuple, list)) or not all(isinstance(v, (int, float)) for v in value):
        return None
    comps = [float(v) for v in value]
    if len(comps) == 1:
        return (comps[0],) * 3
    if len(comps) == 3:
        return (comps[0], comps[1], comps[2])
    if len(comps) == 4:
        c, m, y, k = comps
        return ((1 - c) * (1 - k), (1 - m) * (1 - k), (1 - y) * (1 - k))
    return None


def hex_rgb(value: str | None) -> RGB | None:
    """A DOCX colour ("FF0000"); None for "auto", "clear", a theme reference or garbage."""
    if not value or len(value) != 6:
        return None
    try:
        n = int(value, 16)
    except ValueError:
        return None
    return ((n >> 16 & 255) / 255, (n >> 8 & 255) / 255, (n & 255) / 255)


def background_at(state: GlyphState, paints: Sequence[Paint], page_colour: RGB = WHITE) -> tuple[RGB, bool]:
    """The colour under the glyph's centre and whether a later opaque paint covers the glyph."""
    x, y = state.bbox.centre()
    under = page_colour
    under_order = -1
    for p in paints:
        if not p.box.contains_point(x, y):
            continue
        if p.order > state.order:
            return p.colour, True
        if p.order > under_order:
            under, under_order = p.colour, p.order
    return under, False


def hidden_reason(state: GlyphState, page: Box, paints: Sequence[Paint] = (),
                  page_colour: RGB = WHITE) -> str | None:
    """Why a reader cannot see this glyph (one of `REASONS`), or None when it is visible."""
    if state.render_mode in INVISIBLE_RENDER_MODES:
        return "invisible_render_mode"
    if 0 < state.size < MIN_SIZE:
        return "tiny_font"
    if not state.bbox.overlaps(page):
        return "off_page"
    x, y = state.bbox.centre()
    if state.clip is not None and not state.clip.contains_point(x, y):
        return "clipped"
    background, covered = background_at(state, paints, page_colour)
    if covered:
        return "covered"
    fill = state.fill
    if fill is None or state.render_mode in STROKED_RENDER_MODES:
        return None
    if state.alpha < 1.0:
        a = max(state.alpha, 0.0)
        fill = (a * fill[0] + (1 - a) * background[0], a * fill[1] + (1 - a) * background[1],
                a * fill[2] + (1 - a) * background[2])
    if blends_in(fill, background):
        return "background_colour"
    return None


def settled(box: Box, page: Box, clip: Box | None, paints: Sequence[Paint]) -> tuple[Paint, ...] | None:
    """The paints under or over all of ``box`` when position plays no part in `hidden_reason` inside it, else None.

    Position plays no part when the box lies on the page and inside the clip and every paint holds either
    all of it (a page background, a band under a heading) or none of it: every glyph whose box lies inside
    then gets the answer of any other, so a backend may decide a whole run of text (one PDF text object)
    once instead of once per character, and reuse the answer for runs in the same state on the same paints.
    """
    if not (page.x0 <= box.x0 and box.x1 <= page.x1 and page.y0 <= box.y0 and box.y1 <= page.y1):
        return None
    if clip is not None and not (clip.x0 <= box.x0 and box.x1 <= clip.x1 and clip.y0 <= box.y0
                                 and box.y1 <= clip.y1):
        return None
    held: list[Paint] = []
    for p in paints:
        b = p.box
        if b.x0 <= box.x1 and box.x0 <= b.x1 and b.y0 <= box.y1 and box.y0 <= b.y1:
            if not (b.x0 <= box.x0 and box.x1 <= b.x1 and b.y0 <= box.y0 and box.y1 <= b.y1):
                return None  # covers part of the box only
            held.append(p)
    return tuple(held)


_WORD = re.compile(r"[^\W_]{3}")
SAMPLE_CHARS = 80
"""Length of the hidden-text sample kept as evidence: enough to recognise stuffing, short enough to show."""


def hidden_text(pieces: Sequence[tuple[str, str]]) -> HiddenText | None:
    """Summarise hidden text from ``(text, reason)`` pieces in reading order.

    None when nothing hidden holds a word (three letters or digits in a row): unseen icons, a clipped letter
    or a white rule are layout leftovers, not stuffing, and must not flag a resume.
    """
    chars = sum(len(t) - t.count(" ") for t, _ in pieces)
    sample = " ".join("".join(t for t, _ in pieces).split())
    if not _WORD.search(sample):  # a clipped icon, a stray letter, a white rule of underscores: design, not text
        return None
    if len(sample) > SAMPLE_CHARS:
        sample = sample[:SAMPLE_CHARS - 1].rstrip() + "\u2026"
    methods = tuple(dict.fromkeys(r for t, r in pieces if t.strip()))
    return HiddenText(chars=chars, sample=sample, methods=methods)
