"""Section headings: layout cues plus a heading lexicon matched by meaning.

A heading is a short line of its own that a reader's eye jumps to (bold, caps,
larger, a Word heading style, a trailing colon, space above) and whose words
name a kind of section. Neither cue alone is enough: "Experience with Kafka
and Flink" holds the word but is body text, and a bold "Acme Corp" stands out
but names an employer. So a line becomes a heading when

* its words equal an alias of the lexicon (any order, small typos allowed), or
* they contain an alias ("Industry Experience") and the line has a layout cue, or
* they match nothing but the line looks like a heading in every other way
  (caps or heading style, short, no digits, no dates nearby, no job-title or
  organisation words) and a known heading came earlier: kind ``other``.

Inline labels ("Skills: Python, SQL") start a section too. Bullets, long
lines, sentences, dated lines and "Page 2" never do.

Whole meaning: a longer contained alias outweighs a shorter one ("Research
Methods & Software" is skills), and a compound heading whose first kind was
already seen names its new kind ("Additional Experience and Awards" after the
jobs is awards). A short bracket note after the words is ignored. A contained
alias over a dated line, or followed by a place, is an entry's organisation
unless dressed as a heading (caps, larger, styled, colon); "Honors: ..." under
a degree is a field of that degree; a heading stacked over two lines is one.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from functools import cache, lru_cache

from rapidfuzz import fuzz, process

from ..document import Document, Line
from ..spec.data import data_toml
from ..text.bullets import DASHES, GLYPHS, PRIVATE_USE, char_class
from .dates import find_date_ranges, is_span, parse_date_range
from .lexicon import EntryLexicon, entry_lexicon

FULL_MATCH = 88.0
"""token_sort_ratio at or above which a line's words are an alias (typos and word order forgiven)."""
CONTAINS_SCORE = 90.0
"""The score of a line that contains every word of an alias plus a few more."""
MAX_HEADING_WORDS = 6
MAX_EXTRA_WORDS = 2
"""A line may hold an alias plus at most this many other words ("Selected Industry Experience")."""
MAX_HEADING_CHARS = 60

_BULLET_START = re.compile(rf"^\s*(?:[{char_class(GLYPHS + DASHES + PRIVATE_USE)}*>]|o\s)\s*")
_PAGE = re.compile(r"^(?:page\s*\d+(?:\s*(?:of|/)\s*\d+)?|\d+\s*(?:of|/)\s*\d+|-\s*\d+\s*-)$", re.I)
_CONTACTISH = re.compile(r"@|https?:|www\.|\.com\b|\.io\b|linkedin|github|\+?\d[\d\s().\-]{6,}\d")
_SENTENCE_END = re.compile(r"[.!?;,]$")


@lru_cache(maxsize=1)
def _doc_title_re() -> re.Pattern[str]:
    raw = data_toml("headings.toml")
    titles = [str(t).lower() for t in raw["meta"].get("document_titles", ())] or ["curriculum vitae"]
    return re.compile(r"\b(?:" + "|".join(re.escape(t) for t in titles) + r")\b", re.I)


def is_document_title(text: str) -> bool:
    """ "Jane Doe · Résumé", "CURRICULUM VITAE": the document's own title or running head, not a heading."""
    return bool(_doc_title_re().search(text))


@lru_cache(maxsize=1)
def _bundled() -> tuple[dict[str, tuple[str, ...]], tuple[str, ...], frozenset[str]]:
    raw = data_toml("headings.toml")
    aliases = {kind: tuple(str(a) for a in names) for kind, names in raw["aliases"].items()}
    priority = tuple(raw.get("meta", {}).get("priority", ()))
    weak = frozenset(normalize(str(w)) for w in raw.get("inline", {}).get("weak", ()))
    return aliases, priority, weak


@cache
def _inline_words(key: str) -> frozenset[str]:
    """A word list of headings.toml's [inline] table, normalised ("education_fields", "skill_groups")."""
    return frozenset(normalize(str(w)) for w in data_toml("headings.toml").get("inline", {}).get(key, ()))


def bundled_aliases() -> dict[str, tuple[str, ...]]:
    """The heading lexicon shipped in data/headings.toml: section kind -> aliases.

    >>> "toolbox" in bundled_aliases()["skills"]
    True
    """
    return dict(_bundled()[0])


def _stem(tok: str) -> str:
    if len(tok) > 3 and tok.endswith("s") and not tok.endswith("ss"):
        return tok[:-1]
    return tok


def normalize(text: str) -> str:
    """Heading words for matching: lower case, no punctuation, no "&"/"and", plural "s" folded.

    >>> normalize("Publications & Talks:")
    'publication talk'
    >>> normalize("Where I’ve Worked")
    "where i've worked"
    """
    t = text.lower().replace("’", "'").replace("‘", "'")
    t = re.sub(r"&|\+|\band\b", " ", t)
    t = re.sub(r"[^\w' ]+", " ", t)
    toks = [w.strip("'_") for w in t.split()]
    return " ".join(_stem(w) for w in toks if w)


@dataclass(frozen=True)
class Match:
    """A lexicon match: the kind, its score and whether the whole line is the alias."""

    kind: str
    score: float
    full: bool
    leftover: tuple[str, ...] = ()
    others: tuple[str, ...] = ()  # the other kinds a compound heading names ("Experience and Awards")


_MEMO_SIZE = 20_000


class HeadingLexicon:
    """Aliases normalised once; `match` finds the kind a line's words name."""

    def __init__(self, aliases: Mapping[str, Sequence[str]], priority: Sequence[str] = ()) -> None:
        self.kinds: list[str] = []
        self.norms: list[str] = []
        self.tokens: list[frozenset[str]] = []
        for kind, names in aliases.items():
            for name in names:
                n = normalize(name)
                if n:
                    self.kinds.append(kind)
                    self.norms.append(n)
                    self.tokens.append(frozenset(n.split()))
        # token_sort_ratio is ratio over sorted tokens: sort the aliases once, not on every call.
        self.sorted_norms = [" ".join(sorted(n.split())) for n in self.norms]
        self.by_token: dict[str, list[int]] = {}
        for idx, atoks in enumerate(self.tokens):
            for tok in atoks:
                self.by_token.setdefault(tok, []).append(idx)
        order = list(priority) + [k for k in aliases if k not in priority]
        self.rank = {k: i for i, k in enumerate(order)}
        # token_sort_ratio >= FULL_MATCH needs lengths within 200/FULL_MATCH - 1 of each other:
        # a longer line can never fully match an alias, which spares the fuzzy scan on body text.
        self.max_full_len = max(map(len, self.norms), default=0) * (200.0 / FULL_MATCH - 1.0)
        # Every line's label is looked up, and the same labels ("EXPERIENCE", "Skills") recur across a batch:
        # the answer depends on the text alone, so it is kept (bounded, so a long batch stays flat in memory).
        self._memo: dict[str, Match | None] = {}

    def match(self, text: str) -> Match | None:
        """The best kind for ``text``, or None. Ties go to the kind listed first in the priority.

        >>> lex = default_lexicon()
        >>> lex.match("Where I've Worked").kind, lex.match("Toolbox").kind, lex.match("Outside Work").kind
        ('experience', 'skills', 'interests')
        >>> lex.match("Competitions & Projects").kind
        'projects'
        """
        memo = self._memo
        if text in memo:
            return memo[text]
        if len(memo) >= _MEMO_SIZE:
            memo.clear()
        found = memo[text] = self._match(text)
        return found

    def _match(self, text: str) -> Match | None:
        norm = normalize(text)
        if not norm or not self.norms:
            return None
        toks = norm.split()
        if len(toks) > MAX_HEADING_WORDS and len(norm) > self.max_full_len:
            return None
        best: Match | None = None
        for _, score, idx in process.extract(" ".join(sorted(toks)), self.sorted_norms, scorer=fuzz.ratio, limit=8,
                                             score_cutoff=FULL_MATCH):
            if score < 100 and norm[0] != self.norms[idx][0]:
                continue  # a misspelling keeps its first letter: "Deployment" is another word than "Employment"
            cand = Match(self.kinds[idx], float(score), True)
            best = self._better(best, cand)
        if best is not None:
            return best
        if len(toks) > MAX_HEADING_WORDS:
            return None
        if len(toks) == 1 and len(norm) >= 8:
            glued = self._glued(norm)
            if glued is not None:
                return glued
        have = set(toks)
        candidates = sorted({i for t in have for i in self.by_token.get(t, ())})
        inside = [(self.kinds[i], self.tokens[i]) for i in candidates if self.tokens[i] <= have]
        if not inside:
            return None
        covered = set().union(*(atoks for _, atoks in inside))
        left = tuple(t for t in toks if t not in covered)
        if len(left) > MAX_EXTRA_WORDS:
            return None
        # Whole meaning: a longer alias inside the line outweighs a shorter one ("Research Methods &
        # Software" is skills, "research methods" holding the "research" that alone names publications).
        by_kind: dict[str, int] = {}
        for kind, atoks in inside:
            by_kind[kind] = max(by_kind.get(kind, 0), len(atoks))
        ranked: list[Match] = []
        for kind, longest in by_kind.items():
            cand = Match(kind, CONTAINS_SCORE - 2 * len(left) + 0.5 * longest, False, left)
            ranked.append(cand)
            best = self._better(best, cand)
        assert best is not None
        others = tuple(m.kind for m in sorted(ranked, key=lambda m: (-m.score, self.rank.get(m.kind, 99)))
                       if m.kind != best.kind)
        return Match(best.kind, best.score, False, left, others)

    def _glued(self, word: str) -> Match | None:
        """ "ACHIEVEMENTSANDAWARDS": words run together by a PDF without spaces."""
        target = word.replace("and", "")
        best: Match | None = None
        for kind, norm in zip(self.kinds, self.norms, strict=True):
            if " " in norm and fuzz.ratio(target, norm.replace(" ", "").replace("and", "")) >= 92:
                best = self._better(best, Match(kind, FULL_MATCH, True))
        return best

    def _better(self, a: Match | None, b: Match) -> Match:
        if a is None:
            return b
        if abs(a.score - b.score) > 1e-6:
            return a if a.score > b.score else b
        return a if self.rank.get(a.kind, 99) <= self.rank.get(b.kind, 99) else b


_LEXICON_CACHE: dict[tuple[tuple[str, tuple[str, ...]], ...], HeadingLexicon] = {}


def lexicon_for(aliases: Mapping[str, Sequence[str]]) -> HeadingLexicon:
    """A (cached) lexicon for an alias table; an empty table means the bundled one."""
    if not aliases:
        aliases = _bundled()[0]
    key = tuple(sorted((k, tuple(v)) for k, v in aliases.items()))
    lex = _LEXICON_CACHE.get(key)
    if lex is None:
        lex = HeadingLexicon(aliases, _bundled()[1])
        if len(_LEXICON_CACHE) > 16:
            _LEXICON_CACHE.clear()
        _LEXICON_CACHE[key] = lex
    return lex


def default_lexicon() -> HeadingLexicon:
    return lexicon_for({})


@dataclass(frozen=True)
class HeadingHit:
    """A heading found on line ``index``: its kind and its words as written (colon dropped)."""

    index: int
    kind: str
    heading: str
    inline: bool = False
    full: bool = True
    strong: bool = False  # caps, heading style or larger type: a heading even inside a section of its kind
    known: bool = True  # its words are in the lexicon (False: an unknown heading, kind "other")
    others: tuple[str, ...] = ()  # further kinds a compound heading names, best first


def is_bullet(line: Line) -> bool:
    """A list item: flagged by the extractor or starting with a bullet glyph or dash."""
    return line.bullet or bool(_BULLET_START.match(line.text))


def _is_caps(label: str) -> bool:
    letters = [c for c in label if c.isalpha()]
    return len(letters) >= 3 and all(c.isupper() for c in letters)


def _title_case(label: str) -> bool:
    ws = [w for w in re.findall(r"[A-Za-z][A-Za-z'’]*", label) if len(w) > 3]
    return bool(ws) and all(w[0].isupper() for w in ws)


def _larger(line: Line, body: float | None) -> bool:
    return bool(line.size and body and line.size >= body * 1.1)


def _styled(line: Line) -> bool:
    style = (line.style or "").lower()
    return style.startswith("heading") or style == "title"


def layout_cues(line: Line, body: float | None) -> int:
    """How many heading cues the line carries (caps, bold, larger, heading style, colon, space above)."""
    label = heading_label(line.text)
    return sum((_is_caps(label), line.bold, _larger(line, body), _styled(line), ":" in line.text[len(label):],
                line.gap_before >= 0.8))


_DECOR_END = re.compile(r"[\s:\-–—_.=*~]+$")
_INVISIBLE = re.compile(r"[\u200b-\u200f\u2060\ufeff]")


def heading_label(text: str) -> str:
    """The heading's words without decoration: "WORK EXPERIENCE: -" -> "WORK EXPERIENCE", "EDUCATION____" too."""
    text = _INVISIBLE.sub("", text).strip().lstrip("`'").strip()
    return _DECOR_END.sub("", text) or text


def _shape_ok(text: str) -> bool:
    """Short, one field, no sentence punctuation, no contact details, no dates, not a page number."""
    label = heading_label(text)
    if text.strip().endswith(".") and len(label.split()) > 3:
        return False  # "Skills." may be a heading; a longer line ending in a full stop is a sentence
    if not label or len(label) > MAX_HEADING_CHARS or "\t" in label or " | " in label or ":" in label:
        return False
    if len(label.split()) > MAX_HEADING_WORDS or _SENTENCE_END.search(label):
        return False
    if _PAGE.match(label) or _CONTACTISH.search(label) or find_date_ranges(label):
        return False
    if sum(c.isdigit() for c in label) >= 2:
        return False
    return label[0].isalpha() or label[0] in "'\"“"


def _has_job_words(label: str, elex: EntryLexicon) -> bool:
    """Job-title or organisation-marker words ("Engineer", "GmbH", "Kaggle"): an entry line, not a heading."""
    return elex.title_score(label) > 0 or elex.org_score(label) >= 2


def classify_text(text: str, lex: HeadingLexicon) -> Match | None:
    """Text-only verdict (no layout known): the lexicon kind when ``text`` reads as a heading line.

    Used to measure the lexicon on labelled lines that carry no layout. A line
    containing an alias needs caps, a trailing colon or Title Case here.

    >>> classify_text("PROFESSIONAL EXPERIENCE:", default_lexicon()).kind
    'experience'
    >>> classify_text("Experience with Kafka and Flink in production", default_lexicon()) is None
    True
    """
    text = _INVISIBLE.sub("", text).strip()
    if _BULLET_START.match(text) or not _shape_ok(text):
        return None
    label = heading_label(text)
    colon = ":" in text[len(label):]
    m = lex.match(label)
    if m is None:
        return None
    if m.full:
        return m if (label[0].isupper() or colon) else None
    cue = _is_caps(label) or colon or _title_case(label)
    if not cue or _leftover_is_job(m, entry_lexicon(), label):
        return None
    return m


def _leftover_is_job(m: Match, elex: EntryLexicon, label: str = "") -> bool:
    """A contained alias next to job or organisation words ("Project Manager", "Globex Technologies")."""
    if any(len(t) == 1 or t in elex.title_words or t in elex.org_anywhere for t in m.leftover):
        return True
    if not label:
        return False
    # an organisation word that is itself a heading word ("Bootcamp & Kaggle Projects") names a second kind, not
    # an employer
    return elex.title_score(label) >= 2 or bool(m.leftover) and not m.others and elex.org_score(label) >= 2


def _next_text(lines: Sequence[Line], i: int) -> str:
    return lines[i + 1].text if i + 1 < len(lines) else ""


def has_dates(text: str) -> bool:
    """The line carries a date range, or is little more than a date (a lone year in a sentence is not)."""
    for start, end, dr in find_date_ranges(text):
        if is_span(dr):
            return True
        if len((text[:start] + text[end:]).split()) <= 2:
            return True
    return False


def detect_headings(doc: Document, lex: HeadingLexicon, elex: EntryLexicon | None = None) -> list[HeadingHit]:
    """Every heading line of ``doc`` in text order (see the module docstring for the rules).

    ``elex`` tells job lines from headings ("Data Engineer, Acme"): the bundled entry lexicon when None.
    """
    elex = elex or entry_lexicon()
    hits = _detect(doc, lex, elex, frozenset())
    minor = _sub_headings(doc.lines, hits)
    return _detect(doc, lex, elex, minor) if minor else hits


def _sub_headings(lines: Sequence[Line], hits: Sequence[HeadingHit]) -> frozenset[int]:
    """Heading lines set clearly smaller than the resume's own section headings: the sub-headings of a section.

    A template that sets its sections in 16 pt caps and the groups inside them in 12 pt bold ("LANGUAGES" under
    SKILLS, an organisation's name over its roles under EXPERIENCE) has two ranks; only the first starts a section.
    The first rank is the largest size that three standalone headings share; a smaller heading is a sub-heading
    only inside a first-rank section that holds groups (not a summary), starting under its heading (a sidebar's
    smaller headings are its own sections, and so are smaller headings before the first big one).
    """
    def size(h: HeadingHit) -> float | None:
        pt = lines[h.index].size
        return round(float(pt) * 2) / 2 if pt else None

    counts = Counter(pt for h in hits if not h.inline and h.known and (pt := size(h)))
    ranks = [pt for pt, n in counts.items() if n >= 3]
    if not ranks:
        return frozenset()
    first = max(ranks)
    minor: set[int] = set()
    above: Line | None = None  # the last first-rank heading over a section that has groups
    for h in hits:
        line, pt = lines[h.index], size(h)
        if h.inline or pt is None:
            continue
        if pt >= first:
            # a summary is prose, not groups: a small "Skills:" after it starts the skills
            above = None if h.kind in ("summary", "contact") else line
        # A line with a note beside its heading ("Key publications<TAB>(* equal contribution)") takes the note's
        # size, so only a heading alone on its line is measured.
        elif pt <= first - 1.5 and above is not None and "\t" not in line.text and _under(line, above):
            minor.add(h.index)
    return frozenset(minor)


def _under(line: Line, heading: Line) -> bool:
    """``line`` starts within the width of ``heading`` (from a little left of it to its end): the same column."""
    if line.x0 is None or heading.x0 is None:
        return True  # a flowed format (DOCX, text) has one column
    return heading.x0 - 20 <= line.x0 <= max(heading.x1 or heading.x0, heading.x0 + 20)


def _detect(doc: Document, lex: HeadingLexicon, elex: EntryLexicon, skip: frozenset[int]) -> list[HeadingHit]:
    lines = doc.lines
    hits: list[HeadingHit] = []
    current = "contact"
    for i, line in enumerate(lines):
        if line.region in ("header", "footer") or is_bullet(line) or i in skip:
            continue
        hit = _heading_line(line, i, lines, doc, lex, elex, seen_known=bool(hits))
        if hit is None:
            hit = _margin_label(line, i, lex)
        if hit is None:
            hit = _inline_label(line, i, lex, current)
        if hit is None:
            continue
        if hit.inline and hit.kind == "other":
            continue  # "Languages: Python, Go" names a list, not a section
        if (current == "education" and hit.inline and not hit.strong and not line.bold
                and normalize(hit.heading) in _inline_words("education_fields")):
            continue  # "Honors: ..." or "Courses: ..." under a degree is a field of that degree
        seen = {h.kind for h in hits}
        fresh = [k for k in hit.others if k not in seen and k not in ("contact", "other")]
        if fresh and hit.kind in seen:
            # A compound heading adds what is new: "Additional Experience and Awards" after the jobs is awards.
            hit = replace(hit, kind=fresh[0], others=())
        if (current in ("experience", "projects") and not hit.inline and normalize(hit.heading) in _bundled()[2]
                and not _looks_like(line, [lines[h.index] for h in hits])):
            continue  # a bold "Key Achievements:" over a job's bullets belongs to the job
        if not hit.known and not _looks_like(line, [lines[h.index] for h in hits], caps=True):
            continue  # an unknown heading must be dressed like the known ones ("UBUNTU SJM" is an org line)
        if hits and hit.kind == current and (hit.kind == "other" or not (hit.full or hit.strong)
                                             or (hit.inline and not hit.strong)
                                             or not _looks_like(line, [lines[h.index] for h in hits])):
            # "Tools: ..." under SKILLS is a sub-label; "tidepool-lint (open source)" under PROJECTS an entry
            continue
        if hits and not hits[-1].known and hit.known and hits[-1].index == i - 1 and not hit.inline and _looks_like(
                line, [lines[hits[-1].index]]):
            # A heading wrapped over two stacked lines ("CONFERENCE" over "PRESENTATIONS") is one heading.
            prev = hits.pop()
            hit = replace(hit, index=prev.index, heading=f"{prev.heading} {hit.heading}")
        hits.append(hit)
        current = hit.kind
    return hits


_SEPARATED = re.compile(r"\s[·•∙|]\s")  # "Name · Title": a running head or contact line
# A trailing note in brackets: "(* equal contribution)", "(03/2019-2021)", "(with links)", "(selected)"
_NOTE = re.compile(r"\t\s*\([^)]*\)\s*$|\s+\([^)]*\d{2}[^)]*\)\s*$|\s+\([^()\d]{1,24}\)\s*$")


def _looks_like(line: Line, headings: Sequence[Line], *, caps: bool = False) -> bool:
    """``line`` is dressed like an earlier heading (same weight, similar size): a heading of the same rank.

    Under PROJECTS, a small "PERSONAL PROJECT" label is an entry's tag, not a second projects section.
    """
    for h in headings:
        same_size = line.size is None or h.size is None or abs(line.size - h.size) < 1.0
        if same_size and line.bold == h.bold and _styled(line) == _styled(h) and (
                not caps or _is_caps(line.text) == _is_caps(h.text)):
            return True
    return False


def _heading_line(line: Line, i: int, lines: Sequence[Line], doc: Document, lex: HeadingLexicon,
                  elex: EntryLexicon, *, seen_known: bool) -> HeadingHit | None:
    if is_document_title(line.text) or _SEPARATED.search(line.text):
        return None
    text = _NOTE.sub("", line.text).strip()  # "Key publications<TAB>(* equal contribution)"
    head, tab, rest = text.partition("\t")
    dated_label = bool(tab) and parse_date_range(rest) is not None
    if dated_label:
        text = head.strip()  # "Employment<TAB>Mar 2011 to Aug 2016": the heading spans the dates
    if not _shape_ok(text):
        return None
    label = heading_label(text)
    cues = layout_cues(line, doc.body_size)
    strong = _styled(line) or _larger(line, doc.body_size) or _is_caps(label) or ":" in text[len(label):]
    m = lex.match(label)
    if m is not None and m.kind == "other" and not m.full:
        m = None  # "Academic Service & Supervision": part of an 'other' label says no more than an unknown one
    if dated_label and (m is None or not m.full or not (_styled(line) or _larger(line, doc.body_size))):
        return None  # "PERSONAL PROJECT<TAB>2017 - 2019" labels an entry
    if m is not None:
        if not strong and has_dates(_next_text(lines, i)) and _has_job_words(label, elex):
            return None  # a bold "Kaggle" over "Title  2024" is an entry's organisation
        if m.full:
            if label[0].isupper() or cues:
                return HeadingHit(i, m.kind, label)
            return None
        if _leftover_is_job(m, elex, label):
            return None
        if not strong and has_dates(_next_text(lines, i)):
            return None  # a bold "Lindqvist Research" over "Analyst<TAB>2019 – 2021" names an employer
        if any(elex.is_place(part) for part in label.split(",")[1:]):
            return None  # "Lindqvist Research, Oslo, Norway": a place makes it an entry line
        if cues or _title_case(label):
            return HeadingHit(i, m.kind, label, full=False, strong=strong, others=m.others)
        return None
    # Not in the lexicon: only an unmistakable heading, after a known one, becomes "other".
    if not seen_known or len(label.split()) > 4 or any(c.isdigit() or c == "," for c in label):
        return None
    if has_dates(_next_text(lines, i)):
        return None
    if _has_job_words(label, elex):
        return None
    larger = _larger(line, doc.body_size)
    unmistakable = (_styled(line) or (_is_caps(label) and (line.bold or larger or line.gap_before >= 0.8))
                    or (line.bold and larger and _title_case(label)))
    if unmistakable:
        return HeadingHit(i, "other", label, known=False)
    return None


_CAPS_WORD = re.compile(r"[A-Z][A-Z&/'’\-]+")


def _margin_label(line: Line, i: int, lex: HeadingLexicon) -> HeadingHit | None:
    """ "EDUCATION<TAB>MSc, ..." or "EMPLOYMENT Postdoc, ...": a caps label in a left margin, content beside it."""
    text = line.text.strip()
    head, tab, _ = text.partition("\t")
    if tab and _is_caps(head) and len(head.split()) <= 4:
        label = head.strip().rstrip(":").strip()
    else:
        words = text.split()
        caps: list[str] = []
        for w in words:
            if not _CAPS_WORD.fullmatch(w) or len(caps) >= 3:
                break
            caps.append(w)
        if not caps or len(caps) == len(words) or not words[len(caps)][:1].isupper():
            return None
        label = " ".join(caps)
    if sum(c.isalpha() for c in label) < 4:
        return None
    if parse_date_range(text[len(label):]) is not None:
        return None  # "PERSONAL PROJECT<TAB>2017 - 2019" labels an entry
    m = lex.match(label)
    if m is None or not m.full or m.kind == "other":
        return None
    return HeadingHit(i, m.kind, label, inline=True, strong=True)


#: Kinds whose labels also name a group of skills ("Leadership: ...", "Technical skills: ...", "Strengths: ...")
_SKILL_GROUP_KINDS = frozenset({"volunteering", "skills", "summary"})


def _inline_label(line: Line, i: int, lex: HeadingLexicon, current: str) -> HeadingHit | None:
    """ "Skills: Python, SQL": a known label before a colon, content after it."""
    text = line.text.strip()
    label, colon, rest = text.partition(":")
    label = label.strip()
    if not colon or not rest.strip() or not label or len(label.split()) > 4 or len(label) > 40:
        return None
    if not label[0].isupper() or _CONTACTISH.search(label) or any(c.isdigit() for c in label):
        return None
    m = lex.match(label)
    if m is None or not m.full:
        return None
    if current == "contact" and _CONTACTISH.search(rest):
        return None  # "Portfolio: github.io/jane<TAB>Mobile: +1 555 0100" above the first heading is a contact line
    dressed = line.bold or line.gap_before >= 0.8  # set apart like a heading
    if current in ("experience", "projects") and normalize(label) in _bundled()[2] and not dressed:
        return None  # "Tech stack: ..." under a job stays in the job
    if current == "projects" and normalize(label) in _inline_words("project_venues"):
        return None  # "Kaggle: Retinal Lesion Grading Challenge" is a project's title
    if current == "skills" and not dressed and (
            m.kind in _SKILL_GROUP_KINDS or normalize(label) in _inline_words("skill_groups")):
        return None  # "Leadership: hiring, budgets", "Training: PyTorch, JAX" in a skills list are its groups
    return HeadingHit(i, m.kind, label, inline=True)
