"""Date ranges as resumes write them, parsed to month precision.

Entries and seniority both need "when": a job's range decides years of
experience, and a range next to a line is the strongest sign that the line is
an entry header rather than a heading. Resumes write ranges in many ways
("Jan 2019 – Present", "2017-2020", "03/2018 - 06/2021", "Jan '14 to Dec '15",
"Summer 2020", a lone "2015"), so one tolerant pattern finds them and a small
normaliser turns each end into "YYYY-MM".

Precision rules: a year-only start is January, a year-only end December; a
season covers its months (Summer is June to August); an open end ("Present",
"Current", "Now", "Today", "Date", "Ongoing", the same in French, Spanish, Portuguese and German, or an
ellipsis) has ``end=None`` and
``present=True``. ``raw`` is always the exact substring of the searched text.

>>> parse_date_range("Jan 2019 – Present")
DateRange(raw='Jan 2019 – Present', start='2019-01', end=None, present=True)
>>> parse_date_range("2017-2020")
DateRange(raw='2017-2020', start='2017-01', end='2020-12', present=False)
>>> parse_date_range("902-555-0143") is None
True
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from ..report import DateRange

_MONTHS: dict[str, int] = {
    "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4, "april": 4,
    "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8, "sep": 9, "sept": 9,
    "september": 9, "oct": 10, "october": 10, "nov": 11, "november": 11, "dec": 12, "december": 12,
    # the corpus's other languages (French, Spanish, German, Portuguese), names and their usual short forms;
    # Portuguese "set" and "out" are left out: English words before a number ("rolled out 2020 models")
    "janv": 1, "janvier": 1, "févr": 2, "fevr": 2, "février": 2, "fevrier": 2, "mars": 3, "avr": 4, "avril": 4,
    "mai": 5, "juin": 6, "juil": 7, "juillet": 7, "août": 8, "aout": 8, "septembre": 9, "octobre": 10,
    "novembre": 11, "déc": 12, "décembre": 12, "decembre": 12,
    "ene": 1, "enero": 1, "febrero": 2, "marzo": 3, "abr": 4, "abril": 4, "mayo": 5, "junio": 6, "julio": 7,
    "ago": 8, "agosto": 8, "septiembre": 9, "setiembre": 9, "octubre": 10, "noviembre": 11, "dic": 12,
    "diciembre": 12,
    "januar": 1, "februar": 2, "mär": 3, "märz": 3, "maerz": 3, "juni": 6, "juli": 7, "okt": 10, "oktober": 10,
    "dez": 12, "dezember": 12,
    "janeiro": 1, "fev": 2, "fevereiro": 2, "março": 3, "marco": 3, "maio": 5, "junho": 6, "julho": 7,
    "setembro": 9, "outubro": 10, "novembro": 11, "dezembro": 12,
}
# Northern-hemisphere academic seasons: what "Summer 2020" means on a resume.
_SEASONS: dict[str, tuple[int, int]] = {
    "spring": (3, 5), "summer": (6, 8), "fall": (9, 11), "autumn": (9, 11), "winter": (1, 3),
}
_MONTH_RE = "(?:" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"  # longest first: "june" before "jun"
_SEASON_RE = r"(?:spring|summer|fall|autumn|winter)"
_YEAR4 = r"(?:19[5-9]\d|20[0-4]\d)"
_YEAR = rf"(?:{_YEAR4}|['’‘]\d\d)"
# One end of a range. Named groups let the normaliser read the parts back.
_POINT = (
    rf"(?:(?P<{{p}}mon>{_MONTH_RE})[\s,\-]*(?P<{{p}}my>{_YEAR})"      # Jan 2019, Sept. 2020, Jan '14, May-2015
    rf"|(?P<{{p}}sea>{_SEASON_RE})[\s,]*(?P<{{p}}sy>{_YEAR})"          # Summer 2020
    rf"|(?P<{{p}}nm>0?[1-9]|1[0-2])\s?[/.]\s?(?P<{{p}}ny>{_YEAR4})"    # 03/2018, 3.2018
    rf"|(?P<{{p}}sm>0[1-9]|1[0-2])/(?P<{{p}}smy>\d\d)(?![\d/])"         # 05/13 (only inside a range)
    rf"|(?P<{{p}}ny2>{_YEAR4})[/\-.](?P<{{p}}nm2>0[1-9]|1[0-2])(?![\d\-/.])"  # 2018-03, 2018/03, 2018.03
    rf"|(?P<{{p}}y>{_YEAR4}))"                                            # 2019
)
_PRESENT_RE = (r"(?P<present>present|current(?:ly)?|now|today|ongoing|(?:till|to|until)\s+(?:date|now|present)"
               r"|date|still\s+working"
               # the same in French, Spanish, Portuguese, German; an ellipsis left open ("Oct 2024 – ...")
               r"|présent|actuel(?:lement)?|aujourd['’]hui|actualidad|presente|atual|hoy|heute|aktuell|jetzt"
               r"|en\s+curso|em\s+andamento|en\s+cours"
               r"|\.\.\.|…)")
# "Sep 2023 – expected Jun 2027": the end of a degree still to come, a range all the same
_SEP_RE = (r"(?:\s*(?:[-–—~‑‐−]+|\bto\b|\btill\b|\buntil\b|\bthrough\b|\bthru\b)\s*(?:(?:expected|exp\.|est\.)\s*)?"
           rf"|\s+(?={_MONTH_RE}\s*\d|present\b|current\b))")  # "Nov. 2020 Feb. 2025": a dash lost in the PDF
_RANGE_RE = re.compile(
    r"(?<![\w./:+$€£‑-])"
    + _POINT.format(p="a_")
    + r"(?:" + _SEP_RE + r"(?:" + _PRESENT_RE + r"|" + _POINT.format(p="b_")
    + r"|(?P<b_yy>\d\d)(?![\d]))"  # 2017-18
    + r")?"
    + r"(?![\w/%+]|[.,]\d|[-‑]\d)",
    re.IGNORECASE,
)
# "May - August, 2022": the start month borrows the end's year.
_MONTH_PAIR = re.compile(
    rf"(?<![\w./-])(?P<m1>{_MONTH_RE})\s*(?:[-–—‑]|\bto\b)\s*(?P<m2>{_MONTH_RE})[\s,]*(?P<y>{_YEAR4})(?![\w/])",
    re.IGNORECASE,
)
# Sentences like "4 bronze, 1 silver" or "3.8/4.0" hold no year in range, so they never match.


@dataclass(frozen=True)
class _Point:
    year: int
    first: int  # first month covered
    last: int   # last month covered
    month_known: bool


def _year(text: str) -> int:
    digits = text.strip("'’‘")
    if len(digits) == 2:
        y = int(digits)
        return 2000 + y if y <= 50 else 1900 + y
    return int(digits)


def _point(m: re.Match[str], p: str) -> _Point | None:
    g = m.groupdict()
    if g.get(f"{p}mon"):
        month = _MONTHS[g[f"{p}mon"].lower().rstrip(".")]
        return _Point(_year(g[f"{p}my"]), month, month, True)
    if g.get(f"{p}sea"):
        first, last = _SEASONS[g[f"{p}sea"].lower()]
        return _Point(_year(g[f"{p}sy"]), first, last, True)
    if g.get(f"{p}sm"):
        month = int(g[f"{p}sm"])
        return _Point(_year(g[f"{p}smy"]), month, month, True)
    if g.get(f"{p}nm"):
        month = int(g[f"{p}nm"])
        return _Point(int(g[f"{p}ny"]), month, month, True)
    if g.get(f"{p}ny2"):
        month = int(g[f"{p}nm2"])
        return _Point(int(g[f"{p}ny2"]), month, month, True)
    if g.get(f"{p}y"):
        return _Point(int(g[f"{p}y"]), 1, 12, False)
    return None


def _fmt(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}"


def _from_match(m: re.Match[str]) -> DateRange | None:
    a = _point(m, "a_")
    if a is None:
        return None
    raw = m.group(0)
    if m.group("present"):
        return DateRange(raw=raw, start=_fmt(a.year, a.first), end=None, present=True)
    b = _point(m, "b_")
    if b is None and m.group("b_yy"):
        yy = int(m.group("b_yy"))
        century = a.year - a.year % 100
        if a.month_known or yy < a.year % 100:
            return None  # "Jan 2019-20" or "2019-05" style noise: not a year pair
        b = _Point(century + yy, 1, 12, False)
    if b is None and m.group("a_sm"):
        return None  # a lone "05/13" is as likely a fraction or a day as a month
    if b is None:
        # A lone point: a year, a month or a season covers itself.
        return DateRange(raw=raw, start=_fmt(a.year, a.first), end=_fmt(a.year, a.last), present=False)
    if (b.year, b.last) < (a.year, a.first) or b.year - a.year > 60:
        return None
    return DateRange(raw=raw, start=_fmt(a.year, a.first), end=_fmt(b.year, b.last), present=False)


_HAS_DIGIT = re.compile(r"\d")


def find_date_ranges(text: str) -> list[tuple[int, int, DateRange]]:
    """Every date range (or lone year / month / season) in ``text``: (start, end, DateRange).

    ``text[start:end] == range.raw``. Phone numbers, GPAs and version numbers
    do not match because a year must stand alone (no digit, dot, slash or
    dash glued to it on the outside).

    >>> [r.raw for _, _, r in find_date_ranges("ML Engineer, Acme (Jan '14 to Dec '15)")]
    ["Jan '14 to Dec '15"]
    >>> find_date_ranges("call 902-555-0143, GPA 3.8/4.0")
    []
    """
    if not _HAS_DIGIT.search(text):
        return []  # every form names a year: no digit, no date (most body lines and headings)
    return list(_find_date_ranges(text))  # a copy: the cached tuple's items are immutable, a caller's list is its own


@functools.lru_cache(maxsize=20_000)
def _find_date_ranges(text: str) -> tuple[tuple[int, int, DateRange], ...]:
    """Cached (bounded): headings, entries and seniority each ask about the same lines."""
    out: list[tuple[int, int, DateRange]] = []
    for m in _MONTH_PAIR.finditer(text):
        y = int(m.group("y"))
        first, last = _MONTHS[m.group("m1").lower().rstrip(".")], _MONTHS[m.group("m2").lower().rstrip(".")]
        if first <= last:
            out.append((m.start(), m.end(), DateRange(raw=m.group(0), start=_fmt(y, first), end=_fmt(y, last))))
    taken = [(a, b) for a, b, _ in out]
    for m in _RANGE_RE.finditer(text):
        if not m.group(0) or any(a < m.end() and m.start() < b for a, b in taken):
            continue
        dr = _from_match(m)
        if dr is not None:
            out.append((m.start(), m.end(), dr))
    return tuple(sorted(out, key=lambda f: f[0]))


def is_span(dr: DateRange) -> bool:
    """True for a range with two ends or an open end; False for a lone year, month or season.

    >>> is_span(parse_date_range("2019 – 2021")), is_span(parse_date_range("May-2015"))
    (True, False)
    """
    if dr.present or _MONTH_PAIR.fullmatch(dr.raw):
        return True
    m = _RANGE_RE.fullmatch(dr.raw)
    if m is None:
        return False
    return any(v for k, v in m.groupdict().items() if k.startswith("b_"))


def parse_date_range(s: str) -> DateRange | None:
    """The date range that makes up the whole of ``s`` (surrounding spaces and brackets ignored), or None.

    >>> parse_date_range("Summer 2020")
    DateRange(raw='Summer 2020', start='2020-06', end='2020-08', present=False)
    >>> parse_date_range("v2.2019") is None
    True
    """
    core = s.strip().strip("()[]").strip()
    found = find_date_ranges(core)
    if len(found) != 1:
        return None
    start, end, dr = found[0]
    if start != 0 or end != len(core):
        return None
    return dr
