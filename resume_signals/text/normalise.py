"""Read words as they display: the one text normaliser, run on each line before the canonical text is built.

Decorated and obfuscated words hide evidence from a reader of code points
while a human reads them fine: fullwidth letters, a zero-width space or a
soft hyphen inside "Shipped", a Cyrillic "р" in a Latin word, or a bidi
override that makes stored text display reversed. The normaliser turns
each line into what a reader sees:

- bidi: a right-to-left override (U+202E) run is reversed into display order
  (so text stored backwards is read as shown, and text shown backwards is
  never scored forwards); the other embedding and isolate controls are dropped;
- zero-width characters and soft hyphens are removed;
- NFKC folds compatibility forms (fullwidth, ligatures, styled letters);
- look-alike Cyrillic and Greek letters (table in ``spec/data/confusables.toml``)
  are folded to Latin, but only inside a word that is otherwise Latin: a word
  wholly in Cyrillic, Greek or Chinese is left alone.

Because this runs before offsets exist, every offset in a report points into
the normalised text; each word that changed is recorded as a `Change` (what the
file held, where the word now sits, and why) so the evidence stays exact.

>>> text, changes = normalise_line("Sh\\u0456pped a m\\u200bodel")
>>> text
'Shipped a model'
>>> [(c.start, c.end, c.kinds) for c in changes]
[(0, 7, ('confusable',)), (10, 15, ('zero_width',))]
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from ..spec.data import data_toml


@dataclass(frozen=True)
class Change:
    """One word as written in the file (``original``) and as read (``text[start:end]``), and why."""

    original: str
    start: int
    end: int
    kinds: tuple[str, ...]


SUSPICIOUS = frozenset({"confusable", "zero_width", "bidi_override"})
"""Change kinds that raise the ``obfuscated_text`` flag; ``compatibility`` (NFKC) and ``soft_hyphen`` are
ordinary typography and are only recorded."""

_ZERO_WIDTH = "\u200b\u200c\u200d\u2060\ufeff"
_SOFT_HYPHEN = "\u00ad"
_BIDI = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
_RLO, _POP = "\u202e", "\u202c\u2069"
_HAS_BIDI = re.compile(f"[{_BIDI}]")
_TOKEN = re.compile(r"\S+")
_LETTERS = re.compile(r"[^\W\d_]+")


@lru_cache(maxsize=1)
def confusables() -> dict[str, str]:
    """Look-alike letter -> the Latin letter it imitates (all scripts of the table merged)."""
    table: dict[str, str] = {}
    for letters in data_toml("confusables.toml").values():
        table.update(letters)
    return table


def _script(ch: str) -> str:
    if ch.isascii():
        return "LATIN" if ch.isalpha() else ""
    name = unicodedata.name(ch, "")
    return name.split(" ", 1)[0] if name else ""


def _display_order(line: str) -> tuple[str, list[tuple[int, int]]]:
    """The line with RLO runs reversed and bidi controls removed, plus the spans that were reversed."""
    if _HAS_BIDI.search(line) is None:
        return line, []  # almost every line: no control character to walk through one by one
    out: list[str] = []
    spans: list[tuple[int, int]] = []
    i = 0
    while i < len(line):
        ch = line[i]
        if ch == _RLO:
            j = i + 1
            while j < len(line) and line[j] not in _POP:
                j += 1
            run = "".join(c for c in line[i + 1:j] if c not in _BIDI)[::-1]
            start = sum(map(len, out))
            out.append(run)
            spans.append((start, start + len(run)))
            i = j + 1
            continue
        if ch not in _BIDI:
            out.append(ch)
        i += 1
    return "".join(out), spans


def _fold_word(token: str, table: dict[str, str]) -> str:
    """Fold look-alikes in each letter run with at least two Latin letters and only foldable other letters."""

    def fold(m: re.Match[str]) -> str:
        run = m.group(0)
        scripts = [_script(c) for c in run]
        latin = scripts.count("LATIN")
        foreign = [c for c, s in zip(run, scripts, strict=True) if s in ("CYRILLIC", "GREEK")]
        if latin < 2 or not foreign or not all(c in table for c in foreign):
            return run
        return "".join(table.get(c, c) if s in ("CYRILLIC", "GREEK") else c
                       for c, s in zip(run, scripts, strict=True))

    return _LETTERS.sub(fold, token)


def _read_token(token: str, table: dict[str, str]) -> tuple[str, list[str]]:
    """A whitespace-free token as displayed, and the kinds of change made to it."""
    kinds: list[str] = []
    if any(c in _ZERO_WIDTH for c in token):
        inner = any(c in _ZERO_WIDTH and 0 < i < len(token) - 1 and token[i - 1].isalnum()
                    and token[i + 1].isalnum() for i, c in enumerate(token))
        token = "".join(c for c in token if c not in _ZERO_WIDTH)
        if inner:
            kinds.append("zero_width")
    if _SOFT_HYPHEN in token:
        token = token.replace(_SOFT_HYPHEN, "")
        kinds.append("soft_hyphen")
    folded = unicodedata.normalize("NFKC", token)
    if folded != token:
        kinds.append("compatibility")
        token = folded
    folded = _fold_word(token, table)
    if folded != token:
        kinds.append("confusable")
        token = folded
    return token, kinds


def normalise_line(line: str, offset: int = 0) -> tuple[str, list[Change]]:
    """One line as displayed, and the words that changed (offsets into the result, plus ``offset``)."""
    if line.isascii():
        return line, []
    table = confusables()
    shown, reversed_spans = _display_order(line)
    parts: list[str] = []
    changes: list[Change] = []
    pos = last = 0
    for m in _TOKEN.finditer(shown):
        gap = shown[last:m.start()]
        parts.append(gap)
        pos += len(gap)
        token = m.group(0)
        read, kinds = _read_token(token, table) if not token.isascii() else (token, [])
        original = token
        if any(a < m.end() and m.start() < b for a, b in reversed_spans):
            kinds.append("bidi_override")
            original = token[::-1]
        if kinds:
            changes.append(Change(original=original, start=offset + pos, end=offset + pos + len(read),
                                  kinds=tuple(kinds)))
        parts.append(read)
        pos += len(read)
        last = m.end()
    parts.append(shown[last:])
    return "".join(parts), changes
