"""From positioned glyphs to visual lines in reading order (the geometry half of the PDF extractor).

Steps, per page: glyphs are grouped into rows by baseline; each row is cut
into fragments where the horizontal gap is wide; a vertical gutter that no
fragment crosses over most of the page splits the page into columns, which
are read one after the other; fragments left on one row of one column are
joined, with a tab where the gap is wide (right-aligned dates) or the style
changes (a bold label, then its content). Then, over the whole document:
repeated headers and footers are dropped, bullet glyphs (including symbol-font,
private-use, undecodable and shape-drawn ones) are normalised, wrapped bullets
are joined into one line and words hyphenated across a line break are rejoined.

Everything here is pure geometry on plain data (no pdfminer import), so it is
cheap to test and its cost is linear in the glyphs apart from sorting.
"""

from __future__ import annotations

import bisect
import itertools
import operator
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field

from ..document import LineDraft
from ..text.bullets import CANONICAL, DASHES, GLYPHS
from ..text.wraps import Hyphens, carries_on, compounds, hyphen_join, join

# --- tuning, in units of the font size (em) unless said otherwise -----------------------------------

_ROW_TOL = 0.35
"""Glyphs whose baselines differ by less than this share a row."""
_FRAG_GAP = 0.8
"""A horizontal gap wider than this cuts a row into fragments (columns, right-aligned fields)."""
_TAB_GAP = 1.5
"""Fragments of one row and column further apart than this are joined with a tab, else a space."""
_SPACE_GAP = 0.1
"""Gap above the row's typical letter gap that makes a word break without a space character (TeX squeezes
word gaps of a tight line down to about 0.14 em; kerning inside words stays under about 0.05 em)."""
_MIN_GUTTER = 0.5
"""Narrowest vertical band (em of the body font) that can separate two columns."""
_CONT_GAP = 0.6
"""Largest extra vertical gap (line heights) between a bullet and its continuation line."""
_MARGIN_BAND = 0.12
"""Share of the page height at the top and bottom where running headers and footers live."""

VECTOR_BULLET = "(vector shape)"
"""Font name of the pseudo glyphs made from small filled shapes; they count only as a line's leading bullet."""
_BULLET_CHARS = set(GLYPHS + "*")  # a lone "*" glyph before a line is a marker in a PDF
_DASH_BULLETS = set(DASHES)
_ICON_FONT = re.compile(r"awesome|fontello|icomoon|academicons|materialicons|material-icons|octicons|"
                        r"glyphicons|devicon|simple-?icons|ionicons|feather", re.I)
_SYMBOL_FONT = re.compile(r"symbol|dingbat|wingding|webding|zapf", re.I)
_BOLD_FONT = re.compile(r"bold|black|heavy|semibold|demibold|extrabold|ultrabold|[-,_ ]bd\b|[-,]b$|"
                        r"^(cmbx|cmb\d|cmssbx|cmbsy|ecbx|ecsx|lmbx|sfbx|ptmb|phvb|pplb|pagd|pbkd)", re.I)
_ITALIC_FONT = re.compile(r"italic|oblique|[-,]it$|[-,]ital|[-,]i$|"
                          r"^(cmti|cmsl|cmmi|cmitt|cmssi|cmbxti|cmbxsl|ecti|ecsl|ecsi|sfti|sfsi|ptmri|phvro|pplri)",
                          re.I)
_LIGATURES = str.maketrans({"\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi", "\ufb04": "ffl",
                            "\ufb05": "st", "\ufb06": "st", "\u00ad": "", "\u2010": "-", "\u2011": "-"})
_ACCENTS = {"¨": "\u0308", "´": "\u0301", "`": "\u0300", "ˆ": "\u0302", "˜": "\u0303", "¸": "\u0327",
            "ˇ": "\u030c", "˘": "\u0306", "˙": "\u0307", "˚": "\u030a", "˝": "\u030b", "¯": "\u0304"}
_RULE = re.compile(r"_{4,}|(?:^|(?<=\s))[-=–—~.·*]{5,}(?=\s|$)")
"""A run of underscores, or a whole word of dashes or dots: a horizontal rule drawn with characters."""
_NO_SPACE_BEFORE = set(",.;:)]}!?%")
_NO_SPACE_AFTER = set("([{")
"""A gap (not a space character) next to these is italic correction or kerning, not a word break."""
_CID = re.compile(r"^\(cid:\d+\)$")
_DATEISH = re.compile(r"\b(?:19|20)\d\d\b|\b(?:present|current|now|today)\b|"
                      r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s*'?\d", re.I)
_PAGE_NUMBER = re.compile(r"^(?:page\s*)?[-–—(]?\s*\d{1,3}\s*[-–—)]?(?:\s*(?:of|/)\s*\d{1,3})?$", re.I)


@dataclass(slots=True)
class Glyph:
    """One character as pdfminer placed it: page coordinates, baseline, font size and font name."""

    text: str
    x0: float
    x1: float
    base: float
    size: float
    font: str
    bold: bool = False
    italic: bool = False
    """Set by a backend that reads the weight and slant from the font itself (pdfium); the name is read too."""


@dataclass
class PageGlyphs:
    number: int
    width: float
    height: float
    glyphs: list[Glyph]
    rotated: int = 0
    images: int = 0
    hidden: list[tuple[Glyph, str]] = field(default_factory=list)
    """Glyphs a reader cannot see and why (see `resume_signals.extract.visibility`); never read."""


@dataclass(slots=True)
class _Unit:
    """A piece of line text with its x position and kind: text, space, tab, cid, pua, icon, symbol."""

    text: str
    x0: float
    kind: str
    bold: bool = False
    italic: bool = False
    size: float = 0.0
    x1: float = 0.0
    base: float = 0.0


@dataclass
class _Frag:
    row: int
    units: list[_Unit]
    x0: float
    x1: float
    base: float
    size: float
    sizes: dict[float, int]
    """Characters per exact font size (`_size_tally`), merged into the line's."""

    def plain(self) -> str:
        return "".join(u.text for u in self.units if u.kind in ("text", "space"))


@dataclass
class _Line:
    """A visual line before document-level clean-up."""

    page: int
    units: list[_Unit]
    x0: float
    x1: float
    base: float
    size: float
    region: str
    page_height: float
    first_in_region: bool = False
    text: str = ""
    text_x0: float = 0.0
    bullet: bool = False
    bold: bool = False
    italic: bool = False
    gap_before: float = 0.0
    drop: bool = False
    region_x1: float = 0.0
    last_x1: float = 0.0
    first_word: float = 0.0
    """Width of the line's first word: whether it would have fitted at the end of the line above."""


# --- glyph classification -----------------------------------------------------------------------------

_font_cache: dict[str, tuple[bool, bool, bool, bool]] = {}


def upright(a: float, b: float, c: float, d: float) -> bool:
    """Whether a glyph drawn with text matrix ``[a b c d]`` reads left to right on a level baseline.

    Rotated or mirrored text (a vertical sidebar label) is skipped; slanted text is not: a template that fakes
    italics shears its job titles ([1 0 0.23 1]), and those titles must be read.
    """
    return abs(b) <= 1e-3 and a > 0 and d > 0 and abs(c) <= 0.4 * d


def _font_traits(font: str) -> tuple[bool, bool, bool, bool]:
    """(bold, italic, icon font, symbol font) from a font name such as 'ABCDEF+Calibri-BoldItalic'."""
    hit = _font_cache.get(font)
    if hit is None:
        name = font.split("+", 1)[-1]
        hit = (bool(_BOLD_FONT.search(name)), bool(_ITALIC_FONT.search(name)), bool(_ICON_FONT.search(name)),
               bool(_SYMBOL_FONT.search(name)))
        if len(_font_cache) < 4096:
            _font_cache[font] = hit
    return hit


def _glyph_text(raw: str) -> str:
    """A glyph's text with ligatures expanded and odd ToUnicode maps tamed ('-\u00ad\u2010' for one hyphen)."""
    text = raw.translate(_LIGATURES)
    if len(text) > 1 and len(set(text)) == 1 and not text[0].isalnum():
        text = text[0]
    return text


_unit_cache: dict[tuple[str, str], tuple[str, str, bool, bool]] = {}


def _unit_style(raw: str, font: str) -> tuple[str, str, bool, bool]:
    """(text, kind, bold, italic) of a glyph from its raw text and font name; cached, as a page repeats both."""
    key = (raw, font)
    hit = _unit_cache.get(key)
    if hit is None:
        bold, italic, icon, symbol = _font_traits(font)
        text = _glyph_text(raw)
        hit = (text, _kind(text, icon, symbol, font), bold, italic)
        if len(_unit_cache) < 65_536:
            _unit_cache[key] = hit
    return hit


def _kind(text: str, icon: bool, symbol: bool, font: str = "") -> str:
    if font == VECTOR_BULLET:
        return "vector"
    if icon:
        return "icon"
    if _CID.match(text):
        return "cid"
    if any(0xE000 <= ord(c) <= 0xF8FF for c in text):
        return "pua"
    if symbol:
        return "symbol"
    return "text"


# --- rows and fragments -------------------------------------------------------------------------------

_X0 = operator.attrgetter("x0")
_BASE = operator.attrgetter("base")


def _rows(glyphs: list[Glyph]) -> list[list[Glyph]]:
    """Group glyphs into rows by baseline, top of the page first; duplicates (fake bold) removed."""
    seen: set[tuple[str, int, int]] = set()
    unique: list[Glyph] = []
    last_base, half_base = None, 0  # glyphs come a line at a time: round each baseline once
    for g in glyphs:
        if g.x1 - g.x0 < 0.01:  # no width (a font without metrics): position says nothing, keep it
            unique.append(g)
            continue
        if g.base != last_base:
            last_base, half_base = g.base, round(g.base * 2)
        key = (g.text, round(g.x0 * 2), half_base)
        if key in seen:
            continue
        seen.add(key)
        unique.append(g)
    unique.sort(key=_X0)  # then by baseline, top first: a stable sort keeps x order within a baseline
    unique.sort(key=_BASE, reverse=True)
    rows: list[list[Glyph]] = []
    row: list[Glyph] | None = None
    anchor = 0.0
    anchor_size = 0.0
    for g in unique:
        if row is not None:
            if g.base == anchor:  # the common case, settled without the tolerance
                row.append(g)
                continue
            em = anchor_size if anchor_size < g.size else g.size
            if abs(anchor - g.base) <= _ROW_TOL * (em if em > 1.0 else 1.0):
                row.append(g)
                continue
        row = [g]
        rows.append(row)
        anchor, anchor_size = g.base, g.size
    for i, row in enumerate(rows):
        row.sort(key=_X0)
        rows[i] = _attach_accents(row)
    return rows


def _attach_accents(row: list[Glyph]) -> list[Glyph]:
    """Fold TeX-style accents (a spacing '¨' drawn over a letter) into the letter: 'Zu¨rich' -> 'Zürich'."""
    if _ACCENTS.keys().isdisjoint([g.text for g in row]):
        return row
    out: list[Glyph] = []
    pending: Glyph | None = None
    for g in row:
        if g.text in _ACCENTS:
            mid = (g.x0 + g.x1) / 2
            if out and out[-1].x0 - 0.5 <= mid <= out[-1].x1 + 0.5 and out[-1].text.isalpha():
                out[-1] = _accented(out[-1], g.text)
                continue
            pending = g
            continue
        if pending is not None:
            mid = (pending.x0 + pending.x1) / 2
            if g.x0 - 0.5 <= mid <= g.x1 + 0.5 and g.text.isalpha():
                g = _accented(g, pending.text)
            else:
                out.append(pending)
            pending = None
        out.append(g)
    if pending is not None:
        out.append(pending)
    return out


def _accented(base: Glyph, accent: str) -> Glyph:
    letter = {"ı": "i", "ȷ": "j"}.get(base.text, base.text)
    text = unicodedata.normalize("NFC", letter + _ACCENTS[accent])
    return Glyph(text=text, x0=base.x0, x1=base.x1, base=base.base, size=base.size, font=base.font,
                 bold=base.bold, italic=base.italic)


def _size_tally(units: list[_Unit]) -> dict[float, int]:
    """Characters per exact font size, in first-seen order (a fragment's, merged into its line's)."""
    tally: dict[float, int] = {}
    for u in units:
        tally[u.size] = tally.get(u.size, 0) + len(u.text)
    return tally


def _dominant(tally: dict[float, int]) -> float:
    """The size (to 0.1) that most characters are set in; the first one met on a tie.

    Each distinct size is rounded once (a line holds a handful); merging in first-seen order keeps the
    first-seen order of the rounded sizes, so ties break as they would unit by unit.
    """
    count: dict[float, int] = {}
    for size, n in tally.items():
        k = round(size, 1)
        count[k] = count.get(k, 0) + n
    return max(count, key=count.__getitem__) if count else 0.0


def _fragments(row: list[Glyph], row_id: int) -> list[_Frag]:
    """Cut one row at wide gaps; insert word spaces from the glyph positions."""
    blank = [not g.text or g.text.isspace() for g in row]  # what `not text.strip()` says, without a copy
    if all(blank):
        return []
    # Typical gap between glyphs with no space character between them (letter spacing pushes it up);
    # a word break is a gap clearly wider than that, or a space character.
    gaps: list[float] = []
    prev_g: Glyph | None = None
    spaced = False
    for g, is_blank in zip(row, blank, strict=True):
        if is_blank:
            spaced = True
            continue
        if prev_g is not None and not spaced:  # max() written out: this runs once per glyph
            gap = g.x0 - prev_g.x1
            gaps.append((gap if gap > 0.0 else 0.0) / (prev_g.size if prev_g.size > 1.0 else 1.0))
        prev_g, spaced = g, False
    gaps.sort()
    typical = gaps[len(gaps) // 2] if gaps else 0.0
    space_gap = max(_SPACE_GAP, min(typical, 0.4) + _SPACE_GAP)
    frag_gap, style = _FRAG_GAP, _unit_cache
    frags: list[_Frag] = []
    units: list[_Unit] = []
    prev: Glyph | None = None
    pending_space = False
    for i, g in enumerate(row):
        if blank[i]:
            pending_space = prev is not None
            continue
        size = g.size
        if prev is not None:
            em = prev.size if prev.size > size else size
            if em < 1.0:
                em = 1.0
            gap = g.x0 - prev.x1
            if gap > frag_gap * em:
                frags.append(_make_frag(units, row_id))
                units = []
            elif pending_space or (gap > space_gap * em and not _glued(prev, g, row, i, space_gap)):
                units.append(_Unit(" ", g.x0, "space"))
        text, kind, bold, italic = style.get((g.text, g.font)) or _unit_style(g.text, g.font)
        units.append(_Unit(text, g.x0, kind, bold or g.bold, italic or g.italic, size, g.x1, g.base))
        prev = g
        pending_space = False
    if units:
        frags.append(_make_frag(units, row_id))
    return frags


def _glued(prev: Glyph, g: Glyph, row: list[Glyph], i: int, space_gap: float) -> bool:
    """A gap that is not a word break: before closing punctuation, after an opening bracket.

    A '.' or ',' glued to the letters after it starts a word (".NET") and keeps its gap.
    """
    if prev.text[-1:] in _NO_SPACE_AFTER:
        return True
    if g.text[:1] not in _NO_SPACE_BEFORE:
        return False
    if g.text[:1] in ".," and i + 1 < len(row):
        nxt = row[i + 1]
        if nxt.text[:1].isalnum() and nxt.x0 - g.x1 <= space_gap * max(g.size, 1.0):
            return False
    return True


def _make_frag(units: list[_Unit], row_id: int) -> _Frag:
    glyph_units = [u for u in units if u.kind != "space"]
    x1 = max(u.x1 for u in glyph_units)
    sizes = _size_tally(glyph_units)
    base = sum(u.base for u in glyph_units) / len(glyph_units)
    return _Frag(row=row_id, units=units, x0=glyph_units[0].x0, x1=x1, base=base, size=_dominant(sizes),
                 sizes=sizes)


# --- columns ------------------------------------------------------------------------------------------

def _side_is_column(side: list[_Frag], other: list[_Frag], right_side: bool) -> bool:
    """Whether the smaller side of a gutter is a column of its own rather than fields of the other side's lines.

    Right-aligned dates, locations and left-margin labels sit on the same
    baseline as a line of the main text, one per entry; a real column (a
    sidebar, the other cell of a table) has runs of consecutive lines and its
    own left edge, or lines whose baselines do not match the other side's.
    """
    rows = sorted({f.row for f in side})
    if len(rows) < 3:
        return False
    texts = [f.plain() for f in side]
    dateish = sum(1 for t in texts if _DATEISH.search(t) and len(t) < 40)
    if dateish >= 0.5 * len(side):
        return False
    sizes = [f.size for f in side]
    em = sorted(sizes)[len(sizes) // 2] or 10.0
    # Fields share the exact baseline of a main-text line; rows merged within the row tolerance do not.
    other_bases = sorted(f.base for f in other)
    unpaired = sum(1 for f in side if not _near(other_bases, f.base, 0.15 * em)) / len(side)
    if unpaired >= 0.34:
        return True
    # A form's labels ("Date of birth:", "Projects:") beside their values, with the entries' dates under them, are
    # fields of the other side's lines however many follow one another.
    labels = sum(1 for t in texts if t.rstrip().endswith(":") and len(t) < 40)
    if dateish + labels >= 0.5 * len(side):
        return False
    bases = sorted((f.base for f in side), reverse=True)
    close = [False] * len(bases)
    for i in range(len(bases) - 1):
        if bases[i] - bases[i + 1] <= 2.5 * em:
            close[i] = close[i + 1] = True
    consecutive = sum(close) / len(bases)
    if consecutive < 0.6:
        return False
    edges = Counter(round(f.x0 / 2) for f in side)
    left_aligned = edges.most_common(1)[0][1] / len(side)
    if right_side:
        return left_aligned >= 0.6
    rights = Counter(round(f.x1 / 2) for f in side)
    right_aligned = rights.most_common(1)[0][1] / len(side)
    return left_aligned >= 0.6 and right_aligned < 0.9


def _near(sorted_values: list[float], x: float, tol: float) -> bool:
    i = bisect.bisect_left(sorted_values, x - tol)
    return i < len(sorted_values) and sorted_values[i] <= x + tol


def _find_split(frags: list[_Frag], body_em: float) -> tuple[float, set[int]] | None:
    """An x position of a gutter between two real columns, and the rows that cross it (full-width lines)."""
    if len(frags) < 6:
        return None
    xmin = min(f.x0 for f in frags)
    xmax = max(f.x1 for f in frags)
    width = xmax - xmin
    if not 100 <= width <= 20_000:  # a page is at most 14,400 pt wide; beyond that the geometry is damaged
        return None
    n_rows = len({f.row for f in frags})
    points = int(width) + 2
    starts_ends = [0] * (points + 1)  # fragments starting minus ending at each point: cov is its running sum
    for f in frags:
        a, b = int(f.x0 - xmin), min(int(f.x1 - xmin) + 1, points)
        if a < b:
            starts_ends[a] += 1
            starts_ends[b] -= 1
    cov = list(itertools.accumulate(starts_ends[:points]))
    allow = max(1, round(0.1 * n_rows))
    lo, hi = int(0.08 * width), int(0.92 * width)
    runs: list[tuple[int, int]] = []
    start = None
    for i in range(lo, hi + 1):
        if cov[i] <= allow:
            if start is None:
                start = i
        elif start is not None:
            runs.append((start, i))
            start = None
    if start is not None:
        runs.append((start, hi + 1))
    candidates: list[tuple[int, int, float]] = []
    for a, b in runs:
        if b - a < max(4.0, _MIN_GUTTER * body_em):
            continue
        low = min(cov[a:b])
        idx = [i for i in range(a, b) if cov[i] == low]
        mid = idx[len(idx) // 2]
        candidates.append((low, -(b - a), xmin + mid + 0.5))
    candidates.sort()
    for _low, _w, xs in candidates:
        left = [f for f in frags if f.x1 <= xs]
        right = [f for f in frags if f.x0 >= xs]
        crossing = {f.row for f in frags if f.x0 < xs < f.x1}
        if not left or not right:
            continue
        left_rows = {f.row for f in left} - crossing
        right_rows = {f.row for f in right} - crossing
        if len(left_rows) <= len(right_rows):
            ok = _side_is_column([f for f in left if f.row in left_rows], right, right_side=False)
        else:
            ok = _side_is_column([f for f in right if f.row in right_rows], left, right_side=True)
        if ok:
            return xs, crossing
    return None


def _continued_split(frags: list[_Frag], gutter: float) -> tuple[float, set[int]] | None:
    """The page before's gutter, when this page's text keeps to its two sides.

    A two-column layout carries on over the page break: the next page may hold too little of the sidebar for a
    gutter of its own (a two-line "Interests" block beside the jobs that carry on), and its rows would then be
    read across both columns. Text on both sides and (almost) nothing across is the same layout.
    """
    left = any(f.x1 <= gutter for f in frags)
    right = any(f.x0 >= gutter for f in frags)
    crossing = {f.row for f in frags if f.x0 < gutter < f.x1}
    rows = {f.row for f in frags}
    if not (left and right) or len(crossing) > max(1, round(0.1 * len(rows))):
        return None
    return gutter, crossing


def _order(frags: list[_Frag], body_em: float, key: str, split: tuple[float, set[int]] | None,
           depth: int = 0) -> list[tuple[list[_Frag], str]]:
    """Fragments grouped into (row pieces, region key) in reading order: columns one after the other.

    ``split``: the gutter to cut at, already looked for by the caller (None: one column); each column is looked at
    again for a gutter of its own, three levels deep at most.
    """
    by_row: dict[int, list[_Frag]] = {}
    for f in frags:
        by_row.setdefault(f.row, []).append(f)
    rows = sorted(by_row, key=lambda r: -max(f.base for f in by_row[r]))
    if split is None:
        return [(sorted(by_row[r], key=lambda f: f.x0), key) for r in rows]
    xs, crossing = split
    out: list[tuple[list[_Frag], str]] = []
    left: list[_Frag] = []
    right: list[_Frag] = []
    seg = 0

    def column(side: list[_Frag], name: str) -> list[tuple[list[_Frag], str]]:
        inner = _find_split(side, body_em) if depth + 1 < 3 else None
        return _order(side, body_em, f"{key}.{seg}{name}", inner, depth + 1)

    def flush() -> None:
        nonlocal seg, left, right
        if left:
            out.extend(column(left, "L"))
        if right:
            out.extend(column(right, "R"))
        left, right = [], []
        seg += 1

    for r in rows:
        if r in crossing:
            flush()
            out.append((sorted(by_row[r], key=lambda f: f.x0), f"{key}.{seg}C"))
            seg += 1
            continue
        for f in by_row[r]:
            (left if f.x1 <= xs else right).append(f)
    flush()
    return out


# --- lines --------------------------------------------------------------------------------------------

def _style(frag: _Frag) -> tuple[bool, bool, float]:
    letters = [u for u in frag.units if u.kind == "text" and u.text.isalnum()]
    if not letters:
        return (False, False, frag.size)
    half = len(letters) / 2
    return (sum(u.bold for u in letters) > half, sum(u.italic for u in letters) > half, frag.size)


def _starts_bullet(frag: _Frag) -> bool:
    first = next((u for u in frag.units if u.kind != "space"), None)
    return first is not None and (first.kind != "text" or first.text in _BULLET_CHARS or first.text in _DASH_BULLETS)


def _join_row(pieces: list[_Frag]) -> list[_Unit]:
    units: list[_Unit] = []
    prev: _Frag | None = None
    for f in pieces:
        if prev is not None:
            em = max(prev.size, f.size, 1.0)
            # A wide gap, or a narrower one (fragments are cut above 0.8 em) where the style changes:
            # a bold label in a left margin and its content, "Title   Dates" set in another font.
            wide = f.x0 - prev.x1 > _TAB_GAP * em or (prev is pieces[0] and not _starts_bullet(prev)
                                                      and _style(prev) != _style(f))
            units.append(_Unit("\t" if wide else " ", f.x0, "tab" if wide else "space"))
        units.extend(f.units)
        prev = f
    return units


def _page_lines(page: PageGlyphs, body_em: float, gutter: float | None = None) -> tuple[list[_Line], float | None]:
    """The page's lines in reading order, and the gutter its columns were cut at (for the next page)."""
    rows = _rows(page.glyphs)
    frags: list[_Frag] = []
    for i, row in enumerate(rows):
        frags.extend(_fragments(row, i))
    split = _find_split(frags, body_em)
    if split is None and gutter is not None:
        split = _continued_split(frags, gutter)
    lines: list[_Line] = []
    prev_region = None
    for pieces, region in _order(frags, body_em, f"p{page.number}", split):
        units = _join_row(pieces)
        glyph_units = [u for u in units if u.kind not in ("space", "tab")]
        if not glyph_units:
            continue
        sizes: dict[float, int] = {}
        for piece in pieces:  # the line's glyph units are its pieces' in order: merge their tallies
            for key, n in piece.sizes.items():
                sizes[key] = sizes.get(key, 0) + n
        letters = n_bold = n_italic = 0
        for u in glyph_units:
            if u.kind == "text" and _has_alnum(u.text):
                letters += 1
                n_bold += u.bold
                n_italic += u.italic
        bold = bool(letters) and n_bold >= 0.6 * letters
        italic = bool(letters) and n_italic >= 0.6 * letters
        lines.append(_Line(page=page.number, units=units, x0=pieces[0].x0, x1=max(p.x1 for p in pieces),
                           base=pieces[0].base, size=_dominant(sizes), region=region, page_height=page.height,
                           first_in_region=region != prev_region, bold=bold, italic=italic))
        prev_region = region
    return lines, split[0] if split is not None else None


def _has_alnum(text: str) -> bool:
    return text.isalnum() or (len(text) > 1 and any(c.isalnum() for c in text))


def _render(line: _Line) -> None:
    """Set the line's text: leading bullet glyph normalised to '• ', icon and undecodable glyphs removed."""
    units = line.units
    i = 0
    while i < len(units) and units[i].kind in ("space", "tab"):
        i += 1
    bullet = False
    rest_at = i
    if i < len(units):
        u = units[i]
        nxt = units[i + 1] if i + 1 < len(units) else None
        spaced = nxt is not None and nxt.kind in ("space", "tab")
        lone = u.text.strip()
        if u.kind in ("cid", "pua", "vector"):
            bullet = nxt is not None
        elif u.kind == "symbol" and lone and not lone.isalnum():
            bullet = nxt is not None
        elif lone in _BULLET_CHARS and nxt is not None:
            bullet = True
        elif lone in _DASH_BULLETS and spaced:
            bullet = True
        elif lone == "o" and nxt is not None and nxt.kind == "tab":
            bullet = True  # Word's second-level bullet: a Courier 'o' and a tab stop
        if bullet:
            rest_at = i + 1
    kept = [u for u in units[rest_at:] if u.kind in ("text", "space", "tab", "symbol")]
    text = "".join(u.text for u in kept)
    text = re.sub(r"[ \u00a0]*\t[ \u00a0\t]*", "\t", text)
    text = re.sub(r" {2,}", " ", text).strip(" \t")
    if _RULE.search(text):  # rules typed as characters: 'Experience____________'
        text = "\t".join(p for p in (_RULE.sub("", part).strip() for part in text.split("\t")) if p)
    first = next((u for u in kept if u.kind not in ("space", "tab")), None)
    line.text_x0 = first.x0 if first is not None else line.x0
    word_end = line.text_x0
    for u in kept:
        if u.kind in ("space", "tab"):
            if u.x0 > line.text_x0:
                break
            continue
        word_end = max(word_end, u.x1)
    line.first_word = word_end - line.text_x0
    line.last_x1 = line.x1
    if bullet and text:
        line.text = CANONICAL + " " + text
        line.bullet = True
    else:
        line.text = text
        line.bullet = False


def _norm_key(text: str) -> str:
    return re.sub(r"\d+", "#", " ".join(text.lower().split()))


def _drop_running_heads(lines: list[_Line], n_pages: int) -> int:
    """Drop page-number lines and repeated headers/footers (keeping the first), returning how many went."""
    dropped = 0
    in_margin: list[_Line] = []
    for ln in lines:
        if not ln.text:
            continue
        top = ln.base > ln.page_height * (1 - _MARGIN_BAND)
        bottom = ln.base < ln.page_height * _MARGIN_BAND
        if not (top or bottom):
            continue
        if _PAGE_NUMBER.match(ln.text.strip()):
            ln.drop = True
            dropped += 1
            continue
        in_margin.append(ln)
    if n_pages < 2:
        return dropped
    groups: dict[tuple[str, bool], list[_Line]] = {}
    for ln in in_margin:
        if ln.bullet:
            continue
        groups.setdefault((_norm_key(ln.text), ln.base > ln.page_height / 2), []).append(ln)
    # A running head is on (nearly) every page; content that merely repeats (the same bullet under two
    # jobs) and happens to fall in a margin on two pages of a long CV is not.
    needed = max(2, (n_pages + 1) // 2)
    for members in groups.values():
        first = members[0]
        same_place = [m for m in members if abs(m.base - first.base) <= 0.05 * first.page_height]
        if len({m.page for m in same_place}) < needed:
            continue
        for m in same_place:
            if m.page != first.page:
                m.drop = True
                dropped += 1
    return dropped


def _gaps(lines: list[_Line]) -> None:
    prev: _Line | None = None
    for ln in lines:
        if prev is None:
            ln.gap_before = 0.0
        elif ln.page != prev.page or ln.region != prev.region or ln.first_in_region:
            ln.gap_before = 1.0
        else:
            height = 1.2 * max(ln.size, 1.0)
            ln.gap_before = round(max(0.0, (prev.base - ln.base) / height - 1.0), 2)
        prev = ln


def _merge_wrapped(lines: list[_Line], hy: Hyphens) -> None:
    """Join continuation lines into their bullet; rejoin hyphenated words across plain line breaks."""
    kept: list[_Line] = []
    for ln in lines:
        if ln.drop or not ln.text:
            continue
        prev = kept[-1] if kept else None
        same_flow = prev is not None and prev.page == ln.page and prev.region == ln.region
        # A bullet may also run on at the top of the next page, in a column at the same x.
        next_page = (prev is not None and ln.page == prev.page + 1 and ln.first_in_region
                     and abs(ln.x0 - prev.x0) < 2 * max(prev.size, 1.0))
        if prev is not None and not ln.bullet and (
                (prev.bullet and (same_flow or next_page) and _continues(prev, ln, next_page=next_page))
                or (not prev.bullet and same_flow and _paragraph_continues(prev, ln))):
            prev.text = join(prev.text, ln.text, hy)
            prev.x1 = max(prev.x1, ln.x1)
            prev.last_x1 = ln.last_x1
            prev.base = ln.base
            continue
        if prev is not None and same_flow and ln.gap_before < _CONT_GAP:
            joined = hyphen_join(prev.text, ln.text, hy)
            if joined is not None:
                prev.text, ln.text = joined
                if not ln.text:
                    prev.base = ln.base
                    continue
        kept.append(ln)
    lines[:] = kept


def _continues(bullet: _Line, ln: _Line, *, next_page: bool = False) -> bool:
    """Whether ``ln`` is the wrapped tail of the bullet line above it (no new entry or heading cue)."""
    if "\t" in ln.text or (ln.gap_before >= _CONT_GAP and not next_page):
        return False
    em = max(bullet.size, 1.0)
    if ln.size > bullet.size + 0.6 or (ln.bold and not bullet.bold):
        return False
    if ln.x0 < bullet.x0 - 0.6 * em:
        return False
    # The line above must have wrapped: the tail's first word would not have fitted after it. A tail
    # aligned with the bullet's text (hanging indent) is a strong cue on its own, so it gets more slack.
    hanging = bullet.text_x0 - bullet.x0 > 1.0 and ln.x0 - bullet.x0 > 0.5 * (bullet.text_x0 - bullet.x0)
    slack = (3.0 if hanging else 0.5) * em
    if bullet.last_x1 + 0.3 * em + ln.first_word < bullet.region_x1 - slack:
        return False
    return next_page or abs((bullet.base - ln.base) - 1.2 * ln.size) < 1.2 * ln.size


def _paragraph_continues(prev: _Line, ln: _Line) -> bool:
    """Whether ``ln`` carries on the plain paragraph line above it, which ran into the column's edge.

    A sentence wrapped over plain lines is one piece of evidence, like a wrapped bullet: same type, same
    left edge, ordinary line spacing, the line above too full to have taken the next word and not ending
    its sentence, and the line below going on in lower case.
    """
    em = max(prev.size, 1.0)
    # a narrow sidebar (a column the page was split into) fills a line with three or four words; a page-wide
    # line that short is a list item
    words = 3 if prev.region.endswith(("L", "R")) and prev.region_x1 - prev.x0 < 25 * em else 6
    if ln.gap_before >= _CONT_GAP or len(prev.text.split()) < words or not carries_on(prev.text, ln.text):
        return False  # only a sentence cut mid-way is rejoined: equal lines of a list or column stay apart
    if abs(ln.size - prev.size) > 0.3 or ln.bold != prev.bold or ln.italic != prev.italic:
        return False
    if abs(ln.x0 - prev.x0) > 0.6 * em:
        return False
    if prev.last_x1 + 0.3 * em + ln.first_word < prev.region_x1 - 0.5 * em:
        return False
    return abs((prev.base - ln.base) - 1.2 * ln.size) < 1.2 * ln.size


def build_lines(pages: list[PageGlyphs], *, soft_hyphens: bool = True) -> tuple[list[LineDraft], list[str]]:
    """All pages' glyphs to line drafts in reading order, plus notes for ``Document.warnings``.

    ``soft_hyphens`` says whether the producer hyphenates words at line ends
    (TeX does; Word, LibreOffice and browsers only break at hyphens the author
    typed, so there a line-final hyphen is kept).
    """
    notes: list[str] = []
    exact: dict[float, int] = {}
    for p in pages:
        for g in p.glyphs:
            exact[g.size] = exact.get(g.size, 0) + 1
    sizes: Counter[float] = Counter()
    for size, n in exact.items():  # each distinct size rounded once; first-seen order (for ties) is kept
        sizes[round(size)] += n
    body_em = float(sizes.most_common(1)[0][0]) if sizes else 10.0
    lines: list[_Line] = []
    gutter: float | None = None
    for p in pages:
        page_lines, gutter = _page_lines(p, max(body_em, 4.0), gutter)
        lines.extend(page_lines)
        if p.rotated:
            notes.append(f"page {p.number}: {p.rotated} rotated characters were skipped")
    right: dict[str, float] = {}
    right_any: dict[str, float] = {}
    for ln in lines:
        _render(ln)
        if len(ln.text) <= 3 and not any(c.isalnum() for c in ln.text):
            ln.text = ""  # a lone ornament ('!' drawn as a rule, an empty bullet): no content
        # The right edge of running text: lines with a right-aligned field (a tab) may reach further.
        right_any[ln.region] = max(right_any.get(ln.region, 0.0), ln.x1)
        if "\t" not in ln.text:
            right[ln.region] = max(right.get(ln.region, 0.0), ln.x1)
    for ln in lines:
        ln.region_x1 = right.get(ln.region, right_any[ln.region])
    _gaps(lines)
    dropped = _drop_running_heads(lines, len(pages))
    if dropped:
        notes.append(f"{dropped} repeated header, footer or page-number lines were dropped")
    _merge_wrapped(lines, Hyphens(soft_hyphens, compounds([ln.text for ln in lines])))
    drafts = [LineDraft(text=ln.text, page=ln.page, size=ln.size or None, bold=ln.bold, italic=ln.italic,
                        bullet=ln.bullet, x0=round(ln.x0, 1), x1=round(ln.x1, 1), gap_before=ln.gap_before)
              for ln in lines]
    return drafts, notes
