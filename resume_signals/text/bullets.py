"""The one table of list-item glyphs: what opens a bullet, in source files and in the canonical text.

Extractors turn every list marker they recognise into the canonical ``"• "``
(`CANONICAL`); the sectioner, the entry finder and the unit splitter still
strip a glyph left at a line's start (a marker the layout did not confirm).
Each of them builds its pattern from these sets, so a glyph added here is
known everywhere at once.
"""

from __future__ import annotations

import re

CANONICAL = "•"
"""The glyph every recognised list marker becomes in ``Document.text``."""

GLYPHS = "•●▪◦‣∙·■□▫◆◇►▸▹▶➢➤➣➔→✓✔✗❖◾◽⦁⁃∗○◉◼"
"""Glyphs that open a list item by themselves (no space needed after them)."""

PRIVATE_USE = "\uf0a7\uf0b7\uf076\uf0d8\uf0fc\uf0a8"
"""Private-use code points that Symbol and Wingdings fonts draw as bullets (Word and PDF exports)."""

DASHES = "-–—"
"""Dashes: a list marker only when a space follows ("- Shipped", not "-5% churn")."""

ASCII_MARKERS = "*+"
"""Typed markers that, like dashes, need a following space in plain text."""


def char_class(chars: str) -> str:
    """A regex character class body for ``chars`` (each character escaped)."""
    return "".join(re.escape(c) for c in chars)
