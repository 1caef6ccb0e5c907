"""Units of evidence: each bullet, or each sentence of a non-bullet line.

A signal is found in one unit and reported with the unit's text, so units
follow the extracted lines: a bullet (a `Line` with ``bullet=True``, its
wrapped continuation already merged by the extractor) is one unit even
without a full stop, two bullets never merge, and a line never merges with a
heading or with the next line. Non-bullet lines are split into sentences, and
at wide gaps (tabs: text from different columns).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from ..document import Document
from ..report import Section
from .bullets import CANONICAL, DASHES, GLYPHS, char_class

_LEAD = re.compile(rf"^[{char_class(GLYPHS + DASHES)}*>\s]+")
_SENT_END = re.compile(r"[.!?][\"”')\]]?\s+(?=[\"“(\[]?[A-Z0-9])")


def _is_heading_line(text: str, heading: str | None) -> bool:
    """True when the line is the section's heading alone; an inline label ("Skills: Docker, Kafka") keeps its text."""
    def bare(s: str) -> str:
        return s.strip().rstrip(":").strip().casefold()

    return heading is not None and bare(text) == bare(heading)


@dataclass(frozen=True, slots=True)
class Unit:
    """A span of ``Document.text`` (no leading bullet glyph), its section kind, and whether it is a bullet."""

    start: int
    end: int
    section: str
    bullet: bool


class UnitSplitter:
    """Turns a document's lines into units; built once per rule set (the abbreviation list)."""

    def __init__(self, abbreviations: Iterable[str] = ()) -> None:
        self.abbreviations = frozenset(a.lower() for a in abbreviations)

    def _sentences(self, text: str, base: int) -> list[tuple[int, int]]:
        out: list[tuple[int, int]] = []
        pos = 0
        for m in _SENT_END.finditer(text):
            word_start = text.rfind(" ", 0, m.start()) + 1
            word = text[word_start:m.start() + 1].lower()
            if word in self.abbreviations or (len(word) == 2 and word[0].isalpha()):  # "e.g.", "J." initials
                continue
            out.append((base + pos, base + m.start() + 1))
            pos = m.end()
        out.append((base + pos, base + len(text)))
        return out

    def split(self, doc: Document, sections: Sequence[Section]) -> list[Unit]:
        """The units of every line of ``doc``, each with the kind of the section holding it."""
        starts = [s.start for s in sections]
        units: list[Unit] = []
        for line in doc.lines:
            i = bisect.bisect_right(starts, line.start) - 1
            if i >= 0 and line.start == sections[i].start and _is_heading_line(line.text, sections[i].heading):
                continue  # a heading names the section ("Kaggle Competitions", "Deployments"); it is not an act
            kind = sections[i].kind if i >= 0 else ("contact" if sections else "other")
            bullet = line.bullet or line.text.startswith(CANONICAL)
            units += [Unit(s, e, kind, bullet) for s, e in self.line_spans(line.text, line.start, bullet)]
        return units

    def line_spans(self, text: str, start: int, bullet: bool) -> list[tuple[int, int]]:
        """The units of one line (offsets from ``start``): the whole bullet, or each sentence of each column."""
        if bullet:
            lead = _LEAD.match(text)
            skip = lead.end() if lead else 0
            return [(start + skip, start + len(text))] if skip < len(text) else []
        spans: list[tuple[int, int]] = []
        offset = start
        for part in text.split("\t"):
            stripped = part.strip()
            if stripped:
                base = offset + part.index(stripped[0])
                inner = _LEAD.match(stripped)
                cut = inner.end() if inner else 0
                if cut < len(stripped):
                    spans += [(s, e) for s, e in self._sentences(stripped[cut:], base + cut) if e > s]
            offset += len(part) + 1
        return spans

    def text_spans(self, text: str) -> list[tuple[int, int]]:
        """The units of a canonical text without its `Document` (a line opening with the bullet glyph is a bullet)."""
        spans: list[tuple[int, int]] = []
        pos = 0
        for line in text.split("\n"):
            spans += self.line_spans(line, pos, line.startswith(CANONICAL))
            pos += len(line) + 1
        return spans
