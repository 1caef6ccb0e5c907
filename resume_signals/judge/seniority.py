"""Seniority from experience entry dates and titles (see SIGNALS.md, "Seniority").

Years: the date ranges of ``experience`` entries on a month timeline, an
entry covering its start month to the end of its end month ("Present" up to
``as_of``'s month, included), overlapping ranges merged so two jobs at once count once,
internships and education-like entries left out. Levels: junior below 3
years, mid below 6, senior from 6 (thresholds in data/seniority.toml).

Titles outrank years: a Staff / Principal / Distinguished / Head of /
Director / VP title makes the level ``staff_plus`` whatever the years, a
Senior (or Lead) title makes it at least ``senior``. A title held in the
past counts as much as the current one: a rank once reached is a fact about
the candidate even after a change of employer. Internship titles never
count; a resume whose only jobs are internships is junior with 0 years.
A title or a "10 years" stated only in the summary is a claim, not a
dated entry: it is used only when no entry gives dates or a level title.

Jobs held while studying are education: graduate and teaching
assistantships, resident advisors and student workers always, and a role
whose title says assistant, student, graduate or fellow when its dates lie
inside the (merged) date ranges of the education section; the same research
assistant after the degree is a job. A stale resume does not age: when the
newest date written anywhere in it (a bare year read as its December) is more
than two years before ``as_of``, "Present" stops at the end of that date's
year (``present_until``).

Messy dates: an end before its start is read as the two swapped; a start
without an end (and not "Present") counts its start month only; dates after
``as_of`` are clamped to it and an entry that starts after it counts
nothing; duplicate entries merge away with the overlaps. The evidence lists
every entry with the months it added (or why none), and what decided the level.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from ..report import Seniority, SeniorityJob
from ..sections.dates import find_date_ranges, is_span
from ..spec.vocab import LEVELS

if TYPE_CHECKING:
    from ..document import Document
    from ..report import DateRange, Entry, Section
    from ..spec.rules import RuleSet
    from ..spec.specs import SeniorityTables

_RANK = {level: i for i, level in enumerate(LEVELS)}


@dataclass(frozen=True)
class _Rules:
    mid: float
    senior: float
    staff: re.Pattern[str] | None
    senior_title: re.Pattern[str] | None
    junior_title: re.Pattern[str] | None
    not_level: re.Pattern[str] | None
    internship: re.Pattern[str] | None
    education: re.Pattern[str] | None
    within_degree: re.Pattern[str] | None
    stale_months: int
    summary_years: re.Pattern[str] | None


def _words(words: list[str]) -> re.Pattern[str] | None:
    """One case-insensitive whole-word pattern for a word list, longest first."""
    if not words:
        return None
    parts = sorted((r"\s+".join(re.escape(w) for w in word.split()) for word in words), key=len, reverse=True)
    return re.compile(r"(?<![\w])(?:" + "|".join(parts) + r")(?![\w])", re.IGNORECASE)


@lru_cache(maxsize=8)
def _compile(tables: SeniorityTables) -> _Rules:
    """The seniority tables of a rule set compiled (cached by value: the tables are frozen and hashable)."""
    return _Rules(mid=tables.mid_years, senior=tables.senior_years, staff=_words(list(tables.staff_titles)),
                  senior_title=_words(list(tables.senior_titles)), junior_title=_words(list(tables.junior_titles)),
                  not_level=_words(list(tables.not_level)), internship=_words(list(tables.internship)),
                  education=_words(list(tables.education)), within_degree=_words(list(tables.within_degree)),
                  stale_months=tables.stale_months,
                  summary_years=re.compile(tables.summary_years) if tables.summary_years else None)


def _rules_for(rules: RuleSet | None) -> _Rules:
    """The seniority tables of the rule set (the bundled one when None), compiled."""
    from ..spec.rules import load_rules

    return _compile((rules or load_rules()).seniority)


# ------------------------------------------------------------------ the timeline


def _month_index(value: str) -> tuple[int, bool] | None:
    """("YYYY-MM" | "YYYY") -> (months since year 0, whether only the year was given)."""
    m = re.fullmatch(r"\s*(\d{4})(?:-(\d{1,2}))?\s*", value or "")
    if not m:
        return None
    year = int(m.group(1))
    if m.group(2) is None:
        return year * 12, True
    month = min(max(int(m.group(2)), 1), 12)
    return year * 12 + month - 1, False


def _as_of_point(as_of: dt.date) -> float:
    """The end of ``as_of``'s month on the timeline: "Present" counts that month as worked.

    Whole months keep the arithmetic a recruiter would do by hand ("Jan 2023
    to Present, as of November 2026" is 47 months).
    """
    return float(as_of.year * 12 + as_of.month)


def _month_text(point: float) -> str:
    """A month index back to "YYYY-MM"."""
    m = int(point)
    return f"{m // 12:04d}-{m % 12 + 1:02d}"


def _interval(dates: DateRange, now: float,
              present: float | None = None) -> tuple[float, float, str | None] | tuple[None, None, str]:
    """The entry's [start, end) on the month timeline and a note on what was repaired.

    ``present`` is where an open end stops (``now`` unless the resume is stale).
    """
    start = _month_index(dates.start) if dates.start else None
    end = _month_index(dates.end) if dates.end else None
    note: str | None = None
    if start is None and end is None:
        return None, None, "no usable dates"
    if start is None:
        assert end is not None
        return None, None, "no start date"
    s = float(start[0])
    if dates.present:
        e = now if present is None else min(present, now)
    elif end is None:
        e = s + (12 if start[1] else 1)
        note = "no end date: counted the start " + ("year" if start[1] else "month") + " only"
    else:
        e = float(end[0] + (12 if end[1] else 1))
        if e <= s:
            s, e = float(end[0]), float(start[0] + (12 if start[1] else 1))
            note = "end before start: read as swapped"
    if s >= now:
        return None, None, "starts after the reference date"
    if e > now:
        e = now
        note = (note + "; " if note else "") + "clamped to the reference date"
    return s, e, note


def _merge(intervals: list[tuple[float, float]]) -> float:
    """Total months covered by the intervals, overlaps counted once."""
    total = 0.0
    cur_s: float | None = None
    cur_e = 0.0
    for s, e in sorted(intervals):
        if cur_s is None or s > cur_e:
            if cur_s is not None:
                total += cur_e - cur_s
            cur_s, cur_e = s, e
        else:
            cur_e = max(cur_e, e)
    if cur_s is not None:
        total += cur_e - cur_s
    return total


# ---------------------------------------------------------------------- titles


def title_level(title: str | None, rules: _Rules) -> tuple[str | None, str | None]:
    """The level a title names (staff_plus, senior, junior) and the word that named it."""
    if not title:
        return None, None
    text = rules.not_level.sub(" ", title) if rules.not_level else title
    for level, pattern in (("staff_plus", rules.staff), ("senior", rules.senior_title),
                           ("junior", rules.junior_title)):
        m = pattern.search(text) if pattern else None
        if m:
            return level, m.group(0)
    return None, None


def _excluded(title: str | None, rules: _Rules) -> str | None:
    if not title:
        return None
    for why, pattern in (("internship", rules.internship), ("education", rules.education)):
        m = pattern.search(title) if pattern else None
        if m:
            return f"{why} ({m.group(0)!r} in the title)"
    return None


def _years_level(years: float, rules: _Rules) -> str:
    if years >= rules.senior:
        return "senior"
    if years >= rules.mid:
        return "mid"
    return "junior"


def _summary_clues(doc: Document, sections: list[Section], rules: _Rules) -> tuple[float | None, str | None, str]:
    """A stated "N years" and a level title in the summary (weak evidence), and the text read."""
    for sec in sections:
        if sec.kind != "summary":
            continue
        text = doc.text[sec.start:sec.end]
        if sec.heading and text.lstrip().startswith(sec.heading):
            text = text.lstrip()[len(sec.heading):]
        first = re.split(r"(?<=[.!?])\s|\n", text.strip(), maxsplit=1)[0] if text.strip() else ""
        years = None
        m = rules.summary_years.search(text) if rules.summary_years else None
        if m:
            years = float(m.group(1))
        level, _ = title_level(first, rules)
        return years, level if level in ("staff_plus", "senior") else None, first
    return None, None, ""


def _written_points(doc: Document, entries: list[Entry]) -> list[int]:
    """Every date written anywhere in the resume (its lines and its entries' ranges), as the last month it can mean:
    "June 2024" is June, a bare "2024" December."""
    points: list[int] = []
    ranges = [dr for line in doc.lines for _, _, dr in find_date_ranges(line.text)]
    ranges += [e.dates for e in entries if e.dates is not None]
    for dr in ranges:
        for value in (dr.start, dr.end):
            idx = _month_index(value) if value else None
            if idx is not None:
                points.append(idx[0] + 11 if idx[1] else idx[0])
    return points


def _stale_present(doc: Document, entries: list[Entry], now: float, rules: _Rules) -> float | None:
    """Where "Present" stops on a stale resume: the end of its newest written year, or None (not stale).

    A resume last touched years ago says nothing about the years since: when the newest date written in it
    ("June 2024"; a bare year read as its December) lies more than ``rules.stale_months`` before the reference
    date, an open range ends at the end of that date's year instead of at the reference date.
    """
    points = _written_points(doc, entries)
    if not points:
        return None
    newest = max(points)
    return float((newest // 12 + 1) * 12) if now - (newest + 1) > rules.stale_months else None


def _dated_education(doc: Document, sections: list[Section]) -> bool:
    """An education section writes a date: a degree's range, or only its graduation ("expected May 2026")."""
    return any(sec.kind == "education" and sec.start <= line.start < sec.end and find_date_ranges(line.text)
               for sec in sections for line in doc.lines)


def _degree_intervals(doc: Document, sections: list[Section], now: float) -> list[tuple[float, float]]:
    """When the candidate studied: the date ranges written in education sections, merged.

    Degrees that follow each other (a BSc to 2021, an MSc from 2021) make one stretch of study, so an
    assistantship across the two still lies inside it.
    """
    out: list[tuple[float, float]] = []
    for sec in sections:
        if sec.kind != "education":
            continue
        for line in doc.lines:
            if not sec.start <= line.start < sec.end:
                continue
            for _, _, dr in find_date_ranges(line.text):
                if not is_span(dr):
                    continue
                s, e, _ = _interval(dr, now)
                if s is not None and e is not None:
                    out.append((s, e))
    merged: list[tuple[float, float]] = []
    for s, e in sorted(out):
        if merged and s <= merged[-1][1] + 1:
            merged[-1] = (merged[-1][0], max(merged[-1][1], e))
        else:
            merged.append((s, e))
    return merged


def _while_studying(title: str | None, span: tuple[float, float], degrees: list[tuple[float, float]],
                    rules: _Rules) -> str | None:
    """A student-like title ("Lab Assistant") on a role whose dates lie inside a degree's: a job held while studying."""
    m = rules.within_degree.search(title) if (title and rules.within_degree) else None
    if m is None:
        return None
    for ds, de in degrees:
        if span[0] >= ds - 1 and span[1] <= de + 1:
            return f"education ({m.group(0)!r} in the title, dates inside a degree's {_month_text(ds)[:4]}-" \
                   f"{_month_text(de - 1)[:4]})"
    return None


def estimate(doc: Document, sections: list[Section], entries: list[Entry], *, as_of: dt.date,
             rules: RuleSet | None = None) -> Seniority:
    """Level and professional years, with the evidence that decided them."""
    table = _rules_for(rules)
    now = _as_of_point(as_of)
    present = _stale_present(doc, entries, now, table)
    degrees = _degree_intervals(doc, sections, now)
    evidence: list[dict[str, Any]] = []
    jobs: list[SeniorityJob] = []
    intervals: list[tuple[float, float]] = []
    best_title: tuple[str, str, str] | None = None  # (level, title, word)
    junior_title: str | None = None
    seen: set[tuple[str | None, str | None, str | None]] = set()
    for entry in entries:
        if entry.section != "experience":
            continue
        item: dict[str, Any] = {"title": entry.title, "organization": entry.organization,
                                "dates": entry.dates.raw if entry.dates else None}
        evidence.append(item)
        span: tuple[float, float] | None = None
        why = _excluded(entry.title, table)
        if why is None:
            if entry.dates is None:
                why = "no dates"
            else:
                s, e, note = _interval(entry.dates, now, present)
                if s is None or e is None:
                    why = note
                else:
                    span = (s, e)
                    why = _while_studying(entry.title, span, degrees, table)
                    if note:
                        item["note"] = note
        if why is None or not why.startswith(("internship", "education")):
            level, word = title_level(entry.title, table)
            if level in ("staff_plus", "senior") and entry.title and word:
                if best_title is None or _RANK[level] > _RANK[best_title[0]]:
                    best_title = (level, entry.title, word)
            elif level == "junior" and junior_title is None:
                junior_title = entry.title
        if why is not None or span is None:
            item.update(months=0.0, counted=False, why=why)
            jobs.append(SeniorityJob(entry.title, entry.organization, item["dates"], 0.0, False, why=why))
            continue
        assert entry.dates is not None
        key = (entry.dates.start, entry.dates.end if not entry.dates.present else "present", entry.title)
        intervals.append(span)
        item.update(months=round(span[1] - span[0], 1), counted=True)
        if key in seen:
            item["note"] = (item.get("note", "") + "; " if item.get("note") else "") + "duplicate entry"
        seen.add(key)
        jobs.append(SeniorityJob(entry.title, entry.organization, item["dates"], item["months"], True,
                                 start=_month_text(span[0]), end=_month_text(span[1] - 1)))

    years = round(_merge(intervals) / 12, 1) if intervals else None
    if years is None and any(item.get("why", "").startswith(("internship", "education")) for item in evidence):
        # Only internships (or study) so far: a career that has not started yet is junior, not unknown.
        years = 0.0
    decision: dict[str, Any] = {"years": years}
    present_until = _month_text(present - 1) if present is not None else None
    if present_until is not None and any(e.dates is not None and e.dates.present for e in entries):
        decision["present_until"] = present_until
        decision["note"] = (f"stale resume: the newest date written is in {present_until[:4]}, so Present "
                            f"counts to {present_until}")
    else:
        present_until = None
    level = "unknown"
    if years is not None:
        level = _years_level(years, table)
        decision.update(decided_by="years", level=level)
    if best_title is not None and _RANK[best_title[0]] > _RANK[level]:
        level = best_title[0]
        decision.update(decided_by="title", level=level, title=best_title[1], word=best_title[2])
    elif best_title is not None:
        decision["title"] = best_title[1]
    if level == "unknown":
        claimed, summary_level, first = _summary_clues(doc, sections, table)
        if summary_level is not None:
            level = summary_level
            decision.update(decided_by="summary_title", level=level, text=first)
        elif claimed is not None:
            level = _years_level(claimed, table)
            decision.update(decided_by="summary_years", level=level, claimed_years=claimed)
        elif junior_title is not None:
            level = "junior"
            decision.update(decided_by="title", level=level, title=junior_title)
        elif degrees or _dated_education(doc, sections):
            # Dates, but none on a job: a student or a new graduate has no professional years yet (SIGNALS.md:
            # unknown is for a resume with no dates and no title).
            level, years = "junior", 0.0
            decision.update(decided_by="no_job_dates", level=level, years=years,
                            why="dated education, but no dated professional experience: no professional years yet")
        else:
            decision.update(decided_by="none", level="unknown",
                            why="no dated experience entry and no title that names a level")
    evidence.append(decision)
    return Seniority(level=level, years=years, evidence=tuple(evidence), jobs=tuple(jobs),
                     present_until=present_until)
