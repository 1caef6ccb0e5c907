"""Wrapped lines: whether the line below carries on the line above, and how the two are put back together.

A layout wraps one sentence over several lines, and a resume's evidence is the
sentence, not the line. Every reader that has to undo a wrap (the PDF and DOCX
extractors, the plain-text reader, entry headers, the padding flag's units, the
JSON Resume export) asks the same text questions here, so that they cannot
disagree on what a wrap looks like:

- does the line above end its sentence (`ends_sentence`), or stop where a
  sentence cannot (`open_end`: a comma, "and", "using", "such as")?
- `carries_on` puts them together with the line below: a line that does not
  end its sentence is carried on when it stops on an open end or when the
  next line goes on in lower case.

Each caller adds only what it alone knows: positions on the page (PDF), a
bullet's hanging indent, a dated header. Text-only cues are never enough by
themselves for a line that is not a bullet's tail: an e-mail line under a
job title, or a project named in lower case under its heading, also starts
in lower case.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_SENTENCE_END = re.compile(r"[.!?:;][\"”’')\]]?\s*$")
_OPEN_END = re.compile(r"(?:[,&/(+-]|\b(?:and|or|of|in|for|the|a|an|as|with|using|to|by|on|from|into|via|at|"
                       r"including))\s*$")
_COMPOUND = re.compile(r"\b[^\W\d_]+(?:-[^\W\d_]+)+\b")


def ends_sentence(text: str) -> bool:
    """The line stops a sentence or a clause ("... in production.", "Tools:"): what follows starts anew."""
    return bool(_SENTENCE_END.search(text))


def open_end(text: str) -> bool:
    """The line stops on a mark or word that needs more ("Data &", "Head of", "Python,", "ResNet +"): it was cut."""
    return bool(_OPEN_END.search(text))


def carries_on(above: str, below: str) -> bool:
    """The text-only test of a wrap: the line above does not end its sentence, and either it stops on an open end
    ("... using Python," over "Django and AWS") or the line below goes on in lower case. Lines holding a tab are
    columns of a row, never wraps."""
    if "\t" in above or "\t" in below or not above.strip() or not below.strip():
        return False
    return not ends_sentence(above) and (open_end(above) or below.lstrip()[:1].islower())


@dataclass(frozen=True)
class Hyphens:
    """How to rejoin a word broken at a line end: soft hyphenation or a compound's own hyphen."""

    soft: bool
    """The producer hyphenates words itself (TeX, ReportLab); word processors only break at real hyphens."""
    compounds: frozenset[str] = frozenset()
    """Hyphenated words written whole elsewhere in the document ("low-resource"): keep their hyphen."""


def compounds(lines: list[str]) -> frozenset[str]:
    """Every hyphenated word written whole on one line, lower-cased: the hyphens a rejoin must keep."""
    return frozenset(m.group(0).lower() for line in lines for m in _COMPOUND.finditer(line))


def hyphen_join(above: str, below: str, hy: Hyphens) -> tuple[str, str] | None:
    """Rejoin 'produc-' + 'tion of ...' (or 'U-' + 'Net'): the new pair, or None when there is nothing to join."""
    if len(above) < 2 or not above.endswith("-") or not above[-2].isalnum() or not below or not below[0].isalnum():
        return None
    word_start = max(above.rfind(" "), above.rfind("\t")) + 1
    head = above[word_start:]
    first, _, rest = below.partition(" ")
    tail = first.rstrip(".,;:)!?")
    soft = (hy.soft and above[-2].islower() and below[0].islower() and "-" not in head[:-1]
            and (head + tail).lower() not in hy.compounds)
    return (above[:-1] if soft else above) + first, rest


def join(above: str, below: str, hy: Hyphens | None = None) -> str:
    """One line from a line and its wrapped continuation: a word broken at the end rejoined, else one space."""
    joined = hyphen_join(above, below, hy) if hy is not None else None
    if joined is not None:
        return joined[0] + (" " + joined[1] if joined[1] else "")
    return above.rstrip() + " " + below.strip()
