"""Sections and entries: the structure a recruiter reads a resume by.

`find_sections` cuts the canonical text into contiguous sections (contact,
summary, experience, ...) at heading lines found from layout cues and the
heading lexicon (`headings`); `find_entries` splits experience and projects
sections into job / project entries with title, organisation and dates
(`entries`, `dates`).
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from typing import TYPE_CHECKING

from ..document import Document, Line
from ..report import Entry, Section
from . import entries as _entries
from .dates import find_date_ranges, is_span, parse_date_range
from .headings import HeadingHit, bundled_aliases, detect_headings, has_dates, lexicon_for
from .lexicon import EntryLexicon, entry_lexicon

if TYPE_CHECKING:
    from ..spec.rules import RuleSet

__all__ = ["bundled_aliases", "find_date_ranges", "find_entries", "find_sections", "parse_date_range"]


def find_sections(doc: Document, rules: RuleSet | None = None) -> list[Section]:
    """Sections in text order covering ``doc.text``: the first starts at 0, the last ends at its length.

    Text before the first heading is ``contact``; each other section starts at
    its heading line and runs to the next heading. ``rules.headings`` is the
    alias lexicon (the bundled one when empty).

    >>> from resume_signals.document import LineDraft, assemble
    >>> doc = assemble([LineDraft("Ada Lovelace"), LineDraft("TOOLBOX", bold=True), LineDraft("Python")], "txt")
    >>> [(s.kind, s.heading) for s in find_sections(doc)]
    [('contact', None), ('skills', 'TOOLBOX')]
    """
    aliases = getattr(rules, "headings", None) or bundled_aliases()
    elex = entry_lexicon(rules.entries) if rules is not None else entry_lexicon()
    hits = detect_headings(doc, lexicon_for(aliases), elex)
    total = len(doc.text)
    starts: list[tuple[int, str, str | None]] = [
        (doc.lines[h.index].start, h.kind if h.known else _kind_by_content(doc, h.index, hits, elex), h.heading)
        for h in hits]
    starts = sorted(starts + _column_continuations(doc, starts), key=lambda s: s[0])
    out: list[Section] = []
    if not starts or starts[0][0] > 0:
        first = starts[0][0] if starts else total
        out.append(Section(kind="contact", heading=None, start=0, end=first))
    for j, (start, kind, heading) in enumerate(starts):
        end = starts[j + 1][0] if j + 1 < len(starts) else total
        out.append(Section(kind=kind, heading=heading, start=start, end=end))
    return out


def _kind_by_content(doc: Document, index: int, hits: Sequence[HeadingHit], elex: EntryLexicon) -> str:
    """The kind of a section whose heading no lexicon knows ("Professional Journey"), read from what it holds.

    Jobs (a job title next to a date range, on its line or the line before or after) make it experience; else it
    stays "other". A reader does the same with a heading in words nobody listed.
    """
    end = next((h.index for h in hits if h.index > index), len(doc.lines))
    block = doc.lines[index + 1:end]
    for k, line in enumerate(block):
        if has_dates(line.text) and any(elex.title_score(ln.text) > 0 for ln in block[max(0, k - 1):k + 2]):
            return "experience"
    return "other"


#: Kinds a sidebar holds: short lists that rarely run over a page, unlike the main column's jobs and papers.
_SIDEBAR_KINDS = frozenset({"contact", "skills", "interests", "awards", "certifications", "references", "other"})


def _column_continuations(doc: Document, starts: Sequence[tuple[int, str, str | None]]
                          ) -> list[tuple[int, str, str | None]]:
    """Sections that a page's column continues from the same column of the page before.

    A two-column resume reads a page's columns one after the other; when a later page's column opens with no
    heading (first on the page, or after the whole of the other column), its lines belong to that column's last
    section on the page before (the jobs that carry on), not to the section the other column ended in. Only PDF
    lines have positions; a column is the lines starting within 15 pt of each other.
    """
    body = [ln for ln in doc.lines if ln.region == "body" and ln.x0 is not None]
    heads = {s for s, _, _ in starts}
    out: list[tuple[int, str, str | None]] = []

    def kind_at(pos: int) -> str | None:
        marks = sorted([*starts, *out])  # a column carried over earlier on the page counts too
        i = bisect.bisect_right([m[0] for m in marks], pos) - 1
        return marks[i][1] if i >= 0 else "contact"

    def in_column(ln: Line, x0: float) -> bool:
        return ln.x0 is not None and abs(ln.x0 - x0) <= 15

    for k, (prev, first) in enumerate(zip(body, body[1:], strict=False), start=1):
        if first.start in heads or first.x0 is None or prev.x0 is None or abs(first.x0 - prev.x0) < 100:
            continue  # a heading, or the same column goes on: nothing to carry over
        if any(ln.page == first.page and in_column(ln, first.x0) for ln in body[:k]):
            continue  # not the column's first line on this page
        # the column read last comes back later on this page
        comes_back = any(ln.page == first.page and in_column(ln, prev.x0) for ln in body[k + 1:])
        if prev.page == first.page and comes_back:
            continue  # the columns take turns row by row: a form's labels and values, not two columns
        column = [ln for ln in body[:k] if ln.page == first.page - 1 and in_column(ln, first.x0)]
        if len(column) < 5:
            continue
        kind, here = kind_at(column[-1].start), kind_at(first.start)
        if kind in _SIDEBAR_KINDS and here not in _SIDEBAR_KINDS and not comes_back:
            # frames that one story flows through (a sidebar, the main column, then the next page's first frame): the
            # main column does not come back at its place, and what runs over is its text, not a sidebar's list
            continue
        if kind is not None and kind != here and kind != "contact":
            out.append((first.start, kind, None))
    return out


def find_entries(doc: Document, sections: Sequence[Section], rules: RuleSet | None = None) -> list[Entry]:
    """Job and project entries of the experience and projects sections, in text order.

    ``rules.entries`` are the entry tables (title words, organisation suffixes, places); the bundled ones when None.
    """
    return _entries.find_entries(doc, sections, entry_lexicon(rules.entries) if rules is not None else None)


#: Every section kind of a resume (SIGNALS.md) except the two any document has (text before a heading, "other").
_STRUCTURE_KINDS = frozenset({"summary", "experience", "education", "skills", "projects", "publications",
                              "certifications", "awards", "volunteering", "interests", "references"})


def looks_like_resume(text: str, sections: Sequence[Section], entries: Sequence[Entry], *,
                      redacted: bool = False) -> bool:
    """Whether ``text`` has the structure of a resume: at least two of a resume section heading, a dated job or
    project entry, and a contact line (an e-mail or a phone, or their placeholders when ``redacted``; a bare
    link is not enough, since any document may hold one).

    A README or a spreadsheet export is still scored, but with this said, so it does not rank as a candidate.

    >>> looks_like_resume("Install with pip. See the docs.", [], [])
    False
    """
    from ..redact import find_contacts

    heading = any(s.kind in _STRUCTURE_KINDS and s.heading for s in sections)
    # A resume written without headings has no entries (they live under a heading), so a date range
    # anywhere in the text ("2019 - 2022", "Jan 2020 - Present") counts as the dated entry.
    dated = any(e.dates for e in entries) or (
        not entries and any(is_span(dr) for _, _, dr in find_date_ranges(text)))
    if heading and dated:
        return True  # two of three already: the contact search (regexes over 40 lines) is not needed
    head = text.split("\n")[:40]
    if redacted:
        contact = any("[email]" in line or "[phone]" in line for line in head)
    else:
        contact = any(c.kind in ("email", "phone") for found in find_contacts(head) for c in found)
    return heading + dated + contact >= 2
