"""The extracted document: one canonical text and its lines with layout cues.

Extractors (``extract/``) turn bytes into a `Document`; everything downstream
(sections, detectors) reads ``Document.text`` and the `Line` list, whose
offsets point into that text. Layout cues (bold, font size, heading style,
bullet) are what the sectioner uses to find headings and entries.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .text.normalise import Change, normalise_line


@dataclass(frozen=True)
class Line:
    """One visual line (PDF) or paragraph (DOCX, TXT) of the canonical text.

    ``text`` equals ``document.text[start:end]``. ``bullet`` is True when the
    line starts a list item (the glyph is normalised to "•" in the text).
    ``size`` is the dominant font size in points (None when unknown), ``style``
    a DOCX paragraph style name, ``region`` one of body, header, footer,
    table, textbox. ``gap_before`` is the vertical gap to the previous line in
    units of this line's height (PDF) or 1.0 after an empty paragraph.
    """

    text: str
    start: int
    end: int
    page: int = 0
    size: float | None = None
    bold: bool = False
    italic: bool = False
    style: str | None = None
    bullet: bool = False
    region: str = "body"
    x0: float | None = None
    x1: float | None = None
    gap_before: float = 0.0


@dataclass(frozen=True)
class Document:
    """Canonical text plus lines, the format, page count and extraction warnings."""

    text: str
    lines: tuple[Line, ...]
    format: str
    pages: int | None = None
    warnings: tuple[str, ...] = field(default_factory=tuple)
    body_size: float | None = None
    """The most common font size of body lines, for "larger than body" heading cues."""
    hidden: HiddenText | None = None
    """Text the file holds but a reader cannot see; removed from ``text`` before anything reads it."""
    changes: tuple[Change, ...] = ()
    """Words the normaliser rewrote (look-alike letters, invisible characters, bidi overrides)."""


@dataclass(frozen=True)
class HiddenText:
    """How much text was hidden (characters, not counting spaces), how, and a short sample of it."""

    chars: int
    sample: str
    methods: tuple[str, ...] = ()


@dataclass
class LineDraft:
    """A line before offsets are assigned; extractors build these."""

    text: str
    page: int = 0
    size: float | None = None
    bold: bool = False
    italic: bool = False
    style: str | None = None
    bullet: bool = False
    region: str = "body"
    x0: float | None = None
    x1: float | None = None
    gap_before: float = 0.0


_MAX_CHANGES = 500
_WIDE_GAP = re.compile(r"[ \u00a0]{3,}")
_SPACES = re.compile(r"[ \u00a0\u2000-\u200a\u202f]+")


def _clean(text: str) -> str:
    """One line of canonical text: no newlines or NULs, wide gaps become a tab."""
    text = text.replace("\x00", "").replace("\r", " ").replace("\n", " ").replace("\f", " ")
    text = _WIDE_GAP.sub("\t", text)
    text = "\t".join(_SPACES.sub(" ", part).strip() for part in text.split("\t"))
    return re.sub(r"\t{2,}", "\t", text).strip()


def assemble(drafts: list[LineDraft], fmt: str, *, pages: int | None = None,
             warnings: tuple[str, ...] = (), hidden: HiddenText | None = None) -> Document:
    """Join drafted lines with newlines into the canonical text, assigning offsets.

    Empty drafts are dropped but raise the next line's ``gap_before`` so that
    paragraph breaks survive as a layout cue.

    >>> doc = assemble([LineDraft("EXPERIENCE", bold=True), LineDraft("• Shipped it")], "txt")
    >>> doc.text
    'EXPERIENCE\\n• Shipped it'
    >>> doc.lines[1].start
    11

    Each line is read as displayed first (`resume_signals.text.normalise`), so offsets point into the
    normalised text and ``changes`` records the words that were rewritten.
    """

    parts: list[str] = []
    lines: list[Line] = []
    pos = 0
    pending_gap = 0.0
    sizes: dict[float, int] = {}
    changes: list[Change] = []
    for d in drafts:
        text = _clean(d.text)
        if not text.isascii():
            text, changed = normalise_line(text, pos + 1 if parts else pos)
            text = _clean(text)  # compatibility forms may have become spaces
            changes += changed
        if not text.strip():
            pending_gap = max(pending_gap, 1.0)
            continue
        if parts:
            pos += 1  # the joining newline
        start = pos
        parts.append(text)
        pos += len(text)
        lines.append(Line(text=text, start=start, end=pos, page=d.page, size=d.size, bold=d.bold,
                          italic=d.italic, style=d.style, bullet=d.bullet, region=d.region,
                          x0=d.x0, x1=d.x1, gap_before=max(d.gap_before, pending_gap)))
        pending_gap = 0.0
        if d.size:
            sizes[round(d.size, 1)] = sizes.get(round(d.size, 1), 0) + len(text)
    body = max(sizes, key=lambda s: sizes[s]) if sizes else None
    return Document(text="\n".join(parts), lines=tuple(lines), format=fmt, pages=pages,
                    warnings=tuple(warnings), body_size=body, hidden=hidden, changes=tuple(changes[:_MAX_CHANGES]))
