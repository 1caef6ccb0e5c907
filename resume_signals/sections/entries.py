"""Job and project entries: where each one starts, its title, organisation and dates.

Templates lay entry headers out in many ways ("Title — Org" over a dates line,
the organisation alone over "Title<TAB>dates", "Title at Org<TAB>dates",
"Title, Org (dates)", "Org | Title | dates", a dates column on the left, ...),
but they share a shape: one to three short non-bullet lines, one of which
carries a date range, followed by bullets or a paragraph. So the splitter
reads the section line by line:

1. each line is a bullet, a dates line (a date range and at most a place), a
   short header line, or body text;
2. a date range closes an entry: the header lines just before it (at most two)
   belong to it; when the dated line comes first, the short org / place line
   right after it belongs to it as well;
3. a short cued line directly over bullets, with no dates, is an undated entry
   (common for projects);
4. the header text, dates removed, is cut at its separators, and the job-title
   and organisation lexicons (data/entries.toml) decide which part is which.

An entry spans from its first header line to the start of the next entry (or
the section's end).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from ..document import Document, Line
from ..report import DateRange, Entry, Section
from ..text.bullets import CANONICAL, DASHES, GLYPHS, char_class
from ..text.tense import regular_past
from ..text.wraps import carries_on, join, open_end
from .dates import find_date_ranges, is_span, parse_date_range
from .headings import is_bullet, is_document_title
from .lexicon import EntryLexicon, entry_lexicon

ENTRY_KINDS = ("experience", "projects")
MAX_HEADER_WORDS = 16
MAX_HEADER_CHARS = 140

_SEPARATORS = re.compile(r"\s*\t\s*|\s+[|•·–—]\s+|\s*\|\s*|\s*—\s*|\s+-\s+|\s+@\s+|\s*·\s*")
_AT = re.compile(r"\s+at\s+", re.I)
# "University of Texas at Austin": the "at" names a campus of the organisation, not where a title works
_CAMPUS_AT = re.compile(r"\b(?:university|college|institute|polytechnic)\s+of\s+[\w.'&-]+(?:\s+[\w.'&-]+)?$", re.I)
_LEFTOVER = re.compile(r"^[\s,;:.|•·()\[\]\-–—/]*$")
_DATE_WORDS = re.compile(r"\b(?:from|since|dates?|duration|period)\b\s*:?", re.I)
_CALENDAR_DATE = re.compile(
    r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}\b"
    r"|\b\d{1,2}(?:st|nd|rd|th)?\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?,?\s+\d{4}\b",
    re.I)  # "January 4, 2025": a page footer's print date, never a job's range
_BULLET_GLYPH = re.compile(rf"^\s*[{char_class(GLYPHS + DASHES)}*]\s*")
_SENTENCE_WORDS = frozenset({"is", "are", "was", "were", "has", "have", "had", "will", "can", "available"})
_EMPTY_BRACKETS = re.compile(r"\(\s*[,;\-–—]?\s*\)|\[\s*\]")


@dataclass
class _Info:
    line: Line
    kind: str  # bullet | dates | header | body
    date: tuple[int, int, DateRange] | None = None  # offsets relative to the line's text


@dataclass
class _Draft:
    lines: list[_Info] = field(default_factory=list)
    backward: bool = False  # the dated line came first: later org/place lines attach to it
    trailing: int = 0
    right: float | None = None  # the section's right text edge (PDF), to rejoin wrapped header lines


def _pick_date(text: str) -> tuple[int, int, DateRange] | None:
    """The line's date range: a real range (two ends or present) first, else a lone year / month."""
    found = find_date_ranges(text)
    if not found:
        return None
    ranges = [f for f in found if _is_range(f[2])]
    return ranges[0] if ranges else found[0]


def _is_range(dr: DateRange) -> bool:
    return is_span(dr)


def _remainder(text: str, date: tuple[int, int, DateRange]) -> str:
    """The line without its date range, empty brackets and date labels."""
    rest = text[:date[0]] + " " + text[date[1]:]
    rest = _DATE_WORDS.sub(" ", rest)
    rest = _EMPTY_BRACKETS.sub(" ", rest)
    return rest


def _dated_item(text: str) -> bool:
    """ "• Org (Title)<TAB>June 2021 - July 2023": a list glyph before an entry's header, not a bullet.

    A short first field and, in the last tab-separated field, a date range and nothing else: the
    shape of an entry line, whatever glyph the template puts in front of it.
    """
    head, tab, tail = text.rpartition("\t")
    dates = parse_date_range(tail.strip()) if tab else None
    return dates is not None and is_span(dates) and 0 < len(head.split()) <= 10


def _classify(line: Line, elex: EntryLexicon) -> _Info:
    text = line.text
    if is_bullet(line) and not _dated_item(text):
        return _Info(line, "bullet")
    if _CALENDAR_DATE.search(text) or is_document_title(text):
        return _Info(line, "body")
    date = _pick_date(text)
    if date is not None:
        rest = _remainder(text, date)
        parts = [p for p in _split_parts(rest) if not _LEFTOVER.match(p)]
        if not parts or all(elex.is_place(p) for p in parts):
            return _Info(line, "dates", date)
        if len(rest.split()) <= MAX_HEADER_WORDS and len(text) <= MAX_HEADER_CHARS:
            return _Info(line, "header", date)
        return _Info(line, "body")
    stripped = text.strip()
    if elex.is_description(stripped):
        return _Info(line, "body")
    # a final dot that closes a company form ("Pressmetal Parts S.A.", "Acme Inc.") ends no sentence
    closes_sentence = re.search(r"[.!?;:]$", stripped) is not None and not (
        stripped.endswith(".") and elex.org_score(stripped) == 2 and len(stripped.split()) <= 6)
    if len(stripped.split()) <= MAX_HEADER_WORDS and len(stripped) <= MAX_HEADER_CHARS and not closes_sentence:
        return _Info(line, "header")
    return _Info(line, "body")


def _indented(line: Line, header: Line) -> bool:
    """``line`` sits further right than the dated header: description, not part of the header."""
    return line.x0 is not None and header.x0 is not None and line.x0 > header.x0 + 4 and line.page == header.page


def _bullet_header(line: Line) -> bool:
    """A list item that is really an entry's organisation line: short, no sentence, no dates."""
    text = line.text.strip().lstrip(CANONICAL).strip()
    return (len(text.split()) <= 8 and not re.search(r"[.!?;:]$", text) and not find_date_ranges(text)
            and ("\t" in text or line.bold))


def _continues(bullet: Line, line: Line) -> bool:
    """``line`` is the wrapped rest of ``bullet``: indented past its glyph, or starting lower case."""
    if "\t" in line.text or "\t" in bullet.text or _pick_date(line.text):
        return False
    if carries_on(bullet.text, line.text) and not line.bold:
        return True
    return bullet.x0 is not None and line.x0 is not None and line.x0 > bullet.x0 + 2 and line.page == bullet.page


def _split_parts(text: str) -> list[str]:
    return [p.strip(" ,;:()") for p in _SEPARATORS.split(text) if p and p.strip(" ,;:()")]


def _cued(info: _Info, section: str, elex: EntryLexicon) -> bool:
    """A header line that can stand as an undated entry's header."""
    text = info.line.text.strip()
    if "http" in text or (":" in text and "project" not in text.partition(":")[0].lower()):
        return False  # "Tech: Python, Docker", "All projects on github: https://..." describe, not head
    if info.line.bold or elex.title_score(text) or elex.org_score(text):
        return True
    if _SEPARATORS.search(text) and len(text.split()) <= 10:
        return True
    if _SENTENCE_WORDS & set(text.lower().split()):
        return False
    return section == "projects" and len(text.split()) <= 8


def _complete_header(info: _Info, elex: EntryLexicon) -> bool:
    """A dated header line holding both a title and, after a comma, something that is not a place (its employer)."""
    assert info.date is not None
    pieces = [p.strip() for p in _top_level_commas(_remainder(info.line.text, info.date).strip()) if p.strip()]
    return len(pieces) >= 2 and elex.title_score(pieces[0]) > 0 and not elex.is_place(pieces[-1])


def _attachable(info: _Info, elex: EntryLexicon) -> bool:
    """A line after a dated header that names its organisation or place (not a description)."""
    text = info.line.text.strip()
    first = text.split()[0].lower() if text.split() else ""
    if len(text.split()) > 8 or regular_past(first, min_len=2) or _SENTENCE_WORDS & set(text.lower().split()):
        return False
    parts = [p.strip() for p in text.split(",")]
    return (elex.org_score(text) > 0 or all(elex.is_place(p) for p in parts) or elex.is_place(parts[-1])
            or info.line.bold or info.line.italic)


def _group(infos: Sequence[_Info], section: str, elex: EntryLexicon) -> list[_Draft]:
    drafts: list[_Draft] = []
    pending: list[_Info] = []
    open_draft: _Draft | None = None
    for i, info in enumerate(infos):
        nxt = infos[i + 1] if i + 1 < len(infos) else None
        if info.kind in ("bullet", "body"):
            if pending and open_draft is None:
                head = [p for p in pending[-2:] if _cued(p, section, elex)]
                # over bullets any cued line heads an undated entry; over a paragraph only a bold one
                if head and head[-1] is pending[-1] and (info.kind == "bullet" or head[-1].line.bold):
                    drafts.append(_Draft(head))
            pending = []
            open_draft = None
            continue
        if info.date is not None:
            if info.kind == "dates" and not pending and open_draft is not None and not any(
                    x.date for x in open_draft.lines):
                open_draft.lines.append(info)
                continue
            if info.kind == "dates" and not pending and not _is_range(info.date[2]):
                open_draft = None  # a stray year ("2024." ending a wrapped sentence) opens nothing
                continue
            pending = [p for p in pending[-2:] if not _indented(p.line, info.line)]
            if pending and _complete_header(info, elex):
                # "Software Engineer, Everydayhero<TAB>2015 - 2016" names its role and employer itself: a plain
                # line above it (the last job's tool list) is not a third part of it.
                pending = [p for p in pending if p.line.bold or elex.title_score(p.line.text.strip())
                           or elex.org_score(p.line.text.strip())]
            draft = _Draft(pending + [info], backward=not pending)
            drafts.append(draft)
            pending = []
            open_draft = draft
            continue
        # an undated header line
        next_dated_text = nxt is not None and nxt.date is not None and nxt.kind == "header"
        only_dates = open_draft is not None and all(x.kind == "dates" for x in open_draft.lines)
        if (open_draft is not None and open_draft.backward and open_draft.trailing < 2 and not next_dated_text
                and (_attachable(info, elex) or (only_dates and not elex.is_description(info.line.text)))):
            open_draft.lines.append(info)
            open_draft.trailing += 1
            continue
        if open_draft is not None and not open_draft.backward:
            open_draft = None
        pending.append(info)
    return drafts


def _clean_part(part: str) -> str:
    part = part.strip(" ,;:-–—|")
    if part.count("(") > part.count(")"):
        part = part.replace("(", "", 1) if part.endswith("(") else part + ")"
    elif part.count(")") > part.count("("):
        part = part.rstrip(")").strip() if part.endswith(")") else part
    return part.strip(" ,;:-–—|")


def _drop_place_tail(part: str, elex: EntryLexicon) -> str:
    """ "Quillon Lending, Halifax, NS" -> "Quillon Lending": a place tail and the city before it go.

    "Dayton, Ohio, USA" and "Chittagong, Bangladesh" (a short uncued name before place words) go entirely.
    """
    pieces = [p.strip() for p in part.split(",")]
    dropped = 0
    while len(pieces) > 1 and elex.is_place(pieces[-1]):
        pieces.pop()
        dropped += 1
    city = bool(pieces) and len(pieces[-1].split()) <= 3 and not elex.org_score(pieces[-1]) \
        and not elex.title_score(pieces[-1])
    if dropped and city and len(pieces) > 1:
        pieces.pop()  # the city in front of its state or country
    elif dropped and city and len(pieces[-1].split()) <= 2:
        return ""
    return ", ".join(pieces)


def _wrapped(a: Line, b: Line, right: float | None) -> bool:
    """``b`` continues header line ``a`` that ran into the column's edge (or ended on a comma)."""
    if open_end(a.text) or carries_on(a.text, b.text):
        return True
    if right is None or a.x0 is None or a.x1 is None or b.x0 is None:
        return False
    width = right - a.x0
    return width > 0 and a.x1 >= right - 0.12 * width and abs(b.x0 - a.x0) < 3 and len(b.text.split()) <= 3


def _joined_lines(draft: _Draft) -> list[tuple[str, _Info]]:
    """The draft's lines with wrapped continuations glued back on (text, the line's info)."""
    out: list[tuple[str, _Info]] = []
    for info in draft.lines:
        if out and info.date is None and out[-1][1].date is None and out[-1][1].kind == "header" and _wrapped(
                out[-1][1].line, info.line, draft.right):
            out[-1] = (join(out[-1][0], info.line.text), out[-1][1])
        else:
            out.append((info.line.text, info))
    return out


def _parts(draft: _Draft, elex: EntryLexicon) -> list[tuple[str, bool]]:
    """(text, on the dated line) for every title/org candidate, places removed."""
    out: list[tuple[str, bool]] = []
    for text, info in _joined_lines(draft):
        if info.kind == "bullet":
            continue
        if info.date is not None:
            text = _remainder(text, info.date)  # the date's offsets index the line as written
        text = _BULLET_GLYPH.sub("", text)
        for raw in _split_parts(text):
            at = _AT.split(raw, maxsplit=1)
            split = len(at) == 2 and not _CAMPUS_AT.search(at[0]) and (elex.title_score(at[0]) or elex.org_score(at[1]))
            pieces = at if split else [raw]
            for piece in pieces:
                piece = _clean_part(_drop_place_tail(_clean_part(piece), elex))
                if piece and not _LEFTOVER.match(piece) and not elex.is_place(piece):
                    out.append((piece, info.date is not None))
    return out


def _top_level_commas(text: str) -> list[str]:
    """Split at commas outside brackets: "Teaching assistant (Statistics, Machine Learning), Acme" has one."""
    pieces: list[str] = []
    cur: list[str] = []
    depth = 0
    for ch in text:
        if ch in "([":
            depth += 1
        elif ch in ")]" and depth > 0:
            depth -= 1
        if ch == "," and depth == 0:
            pieces.append("".join(cur))
            cur = []
        else:
            cur.append(ch)
    pieces.append("".join(cur))
    return pieces


def _comma_split(text: str, elex: EntryLexicon) -> tuple[str, str]:
    """ "Title, Org" (or "Org, Title"): the last comma, unless an earlier one leaves an organisation to its right.

    "Postdoc, University of Colorado, Boulder" cuts after "Postdoc"; "Staff Research Scientist, Vision,
    Tidewell Labs" cuts before "Tidewell Labs".
    """
    pieces = _top_level_commas(text)
    cuts = [(",".join(pieces[:k]).strip(), ",".join(pieces[k:]).strip()) for k in range(len(pieces) - 1, 0, -1)]
    for left, right in cuts:
        if elex.org_score(right) > 0 and elex.title_score(left) > 0 and not elex.title_score(right):
            return left, right
    left, right = cuts[0]
    if elex.title_score(right) > elex.org_score(right) and elex.org_score(left) >= elex.title_score(left):
        return right, left
    return left, right


def _title_org(parts: list[tuple[str, bool]], draft: _Draft, section: str,
               elex: EntryLexicon) -> tuple[str | None, str | None]:
    if not parts:
        return None, None
    if len(parts) == 1:
        text = parts[0][0]
        if section == "projects":
            return text, None
        if len(_top_level_commas(text)) > 1:
            return _comma_split(text, elex)
        if elex.org_score(text) > elex.title_score(text):
            return None, text
        return text, None
    if section == "projects":
        org = parts[1][0] if len(parts[1][0].split()) <= 4 else None
        return parts[0][0], org
    org_line_first = len(draft.lines) > 1 and draft.lines[0].date is None and any(
        x.date is not None and x.kind == "header" for x in draft.lines[1:])

    def title_key(k: int) -> tuple[float, float]:
        text, dated = parts[k]
        bonus = 0.5 if (org_line_first and dated) else 0.0
        return (elex.title_score(text) - elex.org_score(text) + bonus, -k)

    ti = max(range(len(parts)), key=title_key)
    rest = [k for k in range(len(parts)) if k != ti]
    oi = max(rest, key=lambda k: (elex.org_score(parts[k][0]) - elex.title_score(parts[k][0]), -k))
    return parts[ti][0], parts[oi][0]


def _entry_date(draft: _Draft) -> DateRange | None:
    dated = [x.date for x in draft.lines if x.date is not None]
    if not dated:
        return None
    ranges = [d for d in dated if _is_range(d[2])]
    return (ranges or dated)[0][2]


def _after_heading(line: Line, heading: str) -> list[Line]:
    """What follows an inline or margin heading on its own line ("EMPLOYMENT Postdoc, CU Boulder<TAB>2012 - 2015")."""
    pos = line.text.find(heading)
    if pos < 0:
        return []
    cut = pos + len(heading)
    while cut < len(line.text) and line.text[cut] in " \t:-–—|":
        cut += 1
    rest = line.text[cut:]
    if not rest.strip() or parse_date_range(rest) is not None:
        return []
    return [replace(line, text=rest, start=line.start + cut, bold=False, x0=None)]


_CUT_RANGE = re.compile(r"^\s*(?:[-–—]|to)\s*(?:[A-Za-z]{3,9}\.?)?\s*$")


def _join_cut_ranges(infos: list[_Info]) -> list[_Info]:
    """A range cut after its dash ("Consultant ... Apr 2023 –" over "Till Date", "Aug 2021 – Mar" over "2023"): the
    next line ends it.

    The header keeps its date's offsets on its own line; the range is read from both lines, and the line that only
    ended it is part of the header, not a line of its own."""
    out: list[_Info] = []
    skip = False
    for k, info in enumerate(infos):
        if skip:
            skip = False
            continue
        nxt = infos[k + 1] if k + 1 < len(infos) else None
        if info.date is not None and nxt is not None and nxt.kind != "bullet" and \
                _CUT_RANGE.match(info.line.text[info.date[1]:]) and len(nxt.line.text.split()) <= 3:
            whole = parse_date_range(f"{info.date[2].raw}{info.line.text[info.date[1]:]} {nxt.line.text.strip()}")
            if whole is not None and is_span(whole):
                info.date = (info.date[0], info.date[1], whole)
                skip = True
        out.append(info)
    return out


def entries_in_section(doc: Document, section: Section, elex: EntryLexicon | None = None) -> list[Entry]:
    """The entries of one experience or projects section, in text order."""
    elex = elex or entry_lexicon()
    lines = [ln for ln in doc.lines if section.start <= ln.start < section.end]
    if section.heading is not None and lines:
        lines = _after_heading(lines[0], section.heading) + lines[1:]
    infos = _join_cut_ranges([_classify(ln, elex) for ln in lines])
    for prev, info in zip(infos, infos[1:], strict=False):
        if prev.kind == "bullet" and info.kind != "bullet" and _continues(prev.line, info.line):
            info.kind = "bullet"  # the wrapped tail of a bullet
    for info, nxt in zip(infos, infos[1:], strict=False):
        if info.kind == "bullet" and nxt.kind == "header" and nxt.date is not None and _bullet_header(info.line):
            info.kind = "header"  # "• Vantaggio<TAB>Denver, CO" over "Engineer<TAB>2016 – Present"
    drafts = _group(infos, section.kind, elex)
    edges = [ln.x1 for ln in lines if ln.x1 is not None]
    for d in drafts:
        d.right = max(edges) if edges else None
    drafts.sort(key=lambda d: min(x.line.start for x in d.lines))
    out: list[Entry] = []
    prev_org: str | None = None
    prev_org_line = False
    for k, draft in enumerate(drafts):
        start = min(x.line.start for x in draft.lines)
        end = min(x.line.start for x in drafts[k + 1].lines) if k + 1 < len(drafts) else section.end
        title, org = _title_org(_parts(draft, elex), draft, section.kind, elex)
        if (org is None and title and section.kind == "experience" and prev_org and prev_org_line
                and len(draft.lines) == 1):
            org = prev_org  # "Title | dates" under the organisation line of the role above
        else:
            prev_org = org
            prev_org_line = len(draft.lines) > 1 and draft.lines[0].date is None
        out.append(Entry(section=section.kind, title=title, organization=org, dates=_entry_date(draft),
                         start=start, end=max(start, end)))
    return out


def find_entries(doc: Document, sections: Sequence[Section], elex: EntryLexicon | None = None) -> list[Entry]:
    """Entries of every experience and projects section of ``doc``, in text order."""
    elex = elex or entry_lexicon()
    out: list[Entry] = []
    for sec in sections:
        if sec.kind in ENTRY_KINDS:
            out.extend(entries_in_section(doc, sec, elex))
    return out
