"""Gold labels of the project's own fixtures, and how reports are measured against them.

The specs in ``fixtures/specs/*.json`` are the labels (schema in
``fixtures/README.md``); ``scripts/make_fixtures.py`` renders each one to the
files in ``fixtures/build/``. This module loads the specs, locates every gold
line inside a report's canonical ``text`` (whitespace and bullet glyphs
normalised, so a PDF's wrapped bullet or a TXT tab still matches) and scores
sections, entries, signals, flags and seniority. ``tests/test_accuracy.py``
asserts thresholds on the figures; ``scripts/fixture_accuracy.py`` prints them.

Everything works on ``Report.to_dict()`` output, so a JSONL batch can be scored too.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from resume_signals.spec import vocab

ROOT = Path(__file__).resolve().parents[1]
SPEC_DIR = ROOT / "fixtures" / "specs"
BUILD_DIR = ROOT / "fixtures" / "build"

# The names are the library's vocabulary: a spec may use only names the library defines.
SECTION_KINDS = vocab.SECTION_KINDS
SIGNAL_NAMES = vocab.SIGNALS
PRODUCTION_SIGNALS = vocab.PRODUCTION_ACTS
FLAG_NAMES = vocab.FLAGS
LEVELS = vocab.LEVELS
TIERS = ("weak", "moderate", "strong")
LINE_KINDS = ("heading", "entry", "dates", "bullet", "line")
PLACES = ("body", "header", "footer", "left", "right", "textbox")
FORMATS = ("pdf", "docx", "txt")
RENDERERS = ("txt", "docx", "reportlab_frames", "reportlab_single", "reportlab_canvas")
ENTRY_SECTIONS = ("experience", "projects")
_MONTH = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")


@dataclass(frozen=True)
class GoldEntry:
    """A labelled job or project entry; ``line`` is the index of its first header line."""

    section: str
    title: str | None
    organization: str | None
    raw: str | None
    start: str | None
    end: str | None
    present: bool
    precision: str
    line: int
    internship: bool = False


@dataclass(frozen=True)
class GoldLine:
    """One labelled line in reading order (``signals`` maps a name to True, a number or tool names)."""

    index: int
    text: str
    section: str
    kind: str
    signals: dict[str, Any]
    place: str = "body"
    inline: bool = False
    scored: bool = True


@dataclass(frozen=True)
class Spec:
    """One labelled resume, rendered to ``files``."""

    id: str
    data: dict[str, Any]
    lines: tuple[GoldLine, ...]
    entries: tuple[GoldEntry, ...]

    @property
    def as_of(self) -> date:
        return date.fromisoformat(self.data["as_of"])

    @property
    def flags(self) -> frozenset[str]:
        return frozenset(self.data["flags"])

    @property
    def level(self) -> str:
        return str(self.data["seniority"]["level"])

    @property
    def files(self) -> list[Path]:
        return [BUILD_DIR / f"{self.id}.{fmt}" for fmt in self.data["formats"]]


def _precision(raw: str | None) -> str:
    """"month" when the raw range names months, else "year" (a season or bare years)."""
    if not raw:
        return "none"
    if re.search(r"(?i)\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b|\d{1,2}/\d{4}", raw):
        return "month"
    return "year"


def parse_spec(data: dict[str, Any]) -> Spec:
    lines: list[GoldLine] = []
    entries: list[GoldEntry] = []
    for i, ln in enumerate(data["lines"]):
        lines.append(GoldLine(index=i, text=ln["text"], section=ln["section"], kind=ln["kind"],
                              signals=dict(ln.get("signals", {})), place=ln.get("place", "body"),
                              inline=bool(ln.get("inline", False)), scored=bool(ln.get("scored", True))))
        e = ln.get("entry")
        if e is not None:
            d = e.get("dates") or {}
            entries.append(GoldEntry(section=ln["section"], title=e.get("title"),
                                     organization=e.get("organization"), raw=d.get("raw"),
                                     start=d.get("start"), end=d.get("end"), present=bool(d.get("present")),
                                     precision=_precision(d.get("raw")), line=i,
                                     internship=bool(e.get("internship", False))))
    return Spec(id=data["id"], data=data, lines=tuple(lines), entries=tuple(entries))


def load_specs(spec_dir: Path = SPEC_DIR) -> list[Spec]:
    """Every spec, sorted by id."""
    return [parse_spec(json.loads(p.read_text(encoding="utf-8"))) for p in sorted(spec_dir.glob("*.json"))]


def _months(ym: str) -> int:
    y, m = ym.split("-")
    return int(y) * 12 + int(m) - 1


def present_end(spec: Spec) -> str:
    """Where a "Present" range ends (SIGNALS.md, Seniority): the ``as_of`` month, unless the resume is stale.

    Stale: the newest date written anywhere in it (an entry's month, or a bare year read as its December) lies
    more than two years before ``as_of``; "Present" then ends in that date's December.
    """
    as_of = spec.as_of
    dated = {e.line for e in spec.entries if e.start}
    written = [int(y) * 12 + 11 for ln in spec.lines if ln.index not in dated
               for y in re.findall(r"(?<!\d)((?:19|20)\d\d)(?!\d)", ln.text)]
    for e in spec.entries:
        for value in (e.start, e.end):
            if value:
                y, _, m = value.partition("-")
                written.append(int(y) * 12 + (int(m) - 1 if m and e.precision == "month" else 11))
    if written and (as_of.year * 12 + as_of.month - 1) - max(written) > 24:
        return f"{max(written) // 12:04d}-12"
    return f"{as_of.year:04d}-{as_of.month:02d}"


def experience_years(spec: Spec) -> float:
    """Years from experience entries: internships out, overlaps merged, months counted inclusively."""
    spans = []
    now = present_end(spec)
    for e in spec.entries:
        if e.section != "experience" or e.internship or not e.start:
            continue
        end = now if e.present else e.end
        if end is None:
            continue
        spans.append((_months(e.start), _months(end)))
    spans.sort()
    total, cur = 0, None
    for a, b in spans:
        if cur is None or a > cur[1] + 1:
            if cur:
                total += cur[1] - cur[0] + 1
            cur = [a, b]
        else:
            cur[1] = max(cur[1], b)
    if cur:
        total += cur[1] - cur[0] + 1
    return round(total / 12, 1)


def expected_level(spec: Spec) -> str:
    """The level SIGNALS.md gives from the labelled entries: a title outranks years."""
    titles = " | ".join(e.title or "" for e in spec.entries if e.section == "experience")
    if re.search(r"\b(Staff|Principal|Distinguished|Director|Head of)\b", titles):
        return "staff_plus"
    years = experience_years(spec)
    if re.search(r"\b(?:Senior|Sr)\b", titles) or years >= 6:  # a Lead title is not a Senior one
        return "senior"
    return "mid" if years >= 3 else "junior"


def validate_spec(spec: Spec) -> list[str]:
    """Problems with a spec (empty when it is well formed and consistent with SIGNALS.md's vocabulary)."""
    d, out = spec.data, []
    for key in ("id", "name", "covers", "formats", "layout", "as_of", "tier", "seniority", "flags", "lines"):
        if key not in d:
            out.append(f"missing key {key}")
    if out:
        return out
    if d["tier"] not in TIERS:
        out.append(f"tier {d['tier']!r}")
    if d["seniority"].get("level") not in LEVELS:
        out.append(f"seniority {d['seniority']!r}")
    out += [f"flag {f!r}" for f in d["flags"] if f not in FLAG_NAMES]
    out += [f"format {f!r}" for f in d["formats"] if f not in FORMATS]
    if d["layout"].get("renderer") not in RENDERERS:
        out.append(f"renderer {d['layout'].get('renderer')!r}")
    seen: set[str] = set()
    for ln in spec.lines:
        where = f"line {ln.index} {ln.text[:40]!r}"
        if ln.section not in SECTION_KINDS:
            out.append(f"{where}: section {ln.section!r}")
        if ln.kind not in LINE_KINDS:
            out.append(f"{where}: kind {ln.kind!r}")
        if ln.place not in PLACES:
            out.append(f"{where}: place {ln.place!r}")
        if ln.text in seen and ln.kind != "heading":
            out.append(f"{where}: duplicate text")
        seen.add(ln.text)
        for name, value in ln.signals.items():
            if name not in SIGNAL_NAMES:
                out.append(f"{where}: signal {name!r}")
            elif name == "team_size" and not isinstance(value, int):
                out.append(f"{where}: team_size needs a number")
            elif name == "production_stack" and not (isinstance(value, list) and value):
                out.append(f"{where}: production_stack needs tool names")
            elif name not in ("team_size", "production_stack") and value is not True:
                out.append(f"{where}: {name} must be true")
            if ln.section == "skills" and name != "production_stack":
                out.append(f"{where}: only production_stack counts in skills")
    for e in spec.entries:
        where = f"entry at line {e.line}"
        if e.section not in ENTRY_SECTIONS:
            out.append(f"{where}: section {e.section!r}")
        for v in (e.start, e.end):
            if v is not None and not _MONTH.match(v):
                out.append(f"{where}: date {v!r} is not YYYY-MM")
        if e.present and e.end is not None:
            out.append(f"{where}: present entries have end null")
        if e.raw and e.raw not in spec.lines[e.line].text and not any(
                e.raw in ln.text for ln in spec.lines[e.line:e.line + 3]):
            out.append(f"{where}: raw dates {e.raw!r} not in the header lines")
    # The two flags that follow from the labels alone must agree with them (SIGNALS.md, Flags).
    found = {n for ln in spec.lines for n in ln.signals}
    production = bool(found & set(PRODUCTION_SIGNALS))
    if ("missing_production_signals" in d["flags"]) != (d["seniority"].get("level") in ("senior", "staff_plus")
                                                       and not production):
        out.append("missing_production_signals does not follow from the level and the labelled signals")
    if ("competition_without_production" in d["flags"]) != ("competition" in found and not production):
        out.append("competition_without_production does not follow from the labelled signals")
    if expected_level(spec) != d["seniority"].get("level"):
        out.append(f"seniority {d['seniority'].get('level')} but titles and years give {expected_level(spec)}")
    years = d["seniority"].get("years")
    if years is not None and abs(experience_years(spec) - years) > 0.05:
        out.append(f"seniority years {years} but entries give {experience_years(spec)}")
    return out


# ----------------------------------------------------------------------------------------------
# Locating gold lines in a report's text

_BULLETS = set("•▪●◦‣∙·■□➢➤►–—-*#")


def _is_glyph(ch: str) -> bool:
    return ch in _BULLETS or "\ue000" <= ch <= "\uf8ff"


def normalise(text: str) -> tuple[str, list[int]]:
    """Lower-cased text with whitespace runs, dashes, bullet glyphs and "#" folded to one space.

    Returns the normalised string and, for each of its characters, the index in
    ``text`` it came from (plus one trailing entry for the end).

    >>> normalise("• Shipped\\tit")[0]
    'shipped it'
    """
    out: list[str] = []
    idx: list[int] = []
    space = True
    for i, ch in enumerate(text):
        if ch.isspace() or _is_glyph(ch):
            if not space:
                out.append(" ")
                idx.append(i)
            space = True
            continue
        for c in unicodedata.normalize("NFKC", ch).lower().replace("’", "'").replace("‘", "'"):
            out.append(c)
            idx.append(i)
        space = False
    if out and out[-1] == " ":
        out.pop()
        idx.pop()
    idx.append(len(text))
    return "".join(out), idx


def locate_lines(lines: tuple[GoldLine, ...], text: str) -> list[tuple[int, int] | None]:
    """The (start, end) of each gold line in ``text``, or None when it is not there.

    Occurrences after the previous line come first (reading order), whole-line
    occurrences before partial ones (a heading word also appears in prose); long
    lines that are not found exactly are aligned fuzzily (a stray hyphen or
    ligature must not hide a whole bullet).
    """
    norm, idx = normalise(text)
    spans: list[tuple[int, int] | None] = []
    cursor = 0

    def whole(a: int, b: int) -> bool:
        return (a == 0 or text[a - 1] == "\n") and (b >= len(text) or text[b] == "\n")

    for ln in lines:
        needle, _ = normalise(ln.text)
        if not needle:
            spans.append(None)
            continue
        occ = []
        pos = norm.find(needle)
        while pos >= 0:
            a, b = idx[pos], idx[pos + len(needle) - 1] + 1
            occ.append((pos < cursor, not whole(a, b), pos, a, b))
            pos = norm.find(needle, pos + 1)
        if occ:
            _, _, pos, a, b = min(occ)
            spans.append((a, b))
            cursor = pos + len(needle)
            continue
        if len(needle) >= 25:
            from rapidfuzz import fuzz

            al = fuzz.partial_ratio_alignment(needle, norm, score_cutoff=90)
            if al is not None and al.dest_end > al.dest_start:
                spans.append((idx[al.dest_start], idx[al.dest_end - 1] + 1))
                cursor = al.dest_end
                continue
        spans.append(None)
    return spans


# ----------------------------------------------------------------------------------------------
# Measuring

def _field(s: str | None) -> str:
    s = unicodedata.normalize("NFKC", s or "").lower().replace("’", "'")
    return " ".join(re.findall(r"\w+|&", s))


def same_field(gold: str | None, got: str | None) -> bool:
    """Title / organisation agreement: equal words, or a rapidfuzz ratio of 90 or more."""
    g, p = _field(gold), _field(got)
    if not g or not p:
        return g == p
    if g == p:
        return True
    from rapidfuzz import fuzz

    return fuzz.ratio(g, p) >= 90


def same_raw_dates(gold: str | None, got: str | None) -> bool:
    """Raw date strings agree once dashes, quotes, case and spacing are folded."""
    def fold(s: str | None) -> str:
        s = unicodedata.normalize("NFKC", s or "").lower().replace("’", "'").replace("‘", "'")
        return " ".join(re.findall(r"[a-z]+|\d+|'", s))
    return fold(gold) == fold(got)


def _same_month(gold: str | None, got: str | None, precision: str) -> bool:
    if gold is None or got is None:
        return gold == got
    return gold[:4] == got[:4] if precision == "year" else gold[:7] == got[:7]


def _tool(s: Any) -> str:
    return re.sub(r"[^a-z0-9]", "", str(s).lower())


@dataclass
class Results:
    """Counts and misses over every scored file."""

    files: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    sections: Counter[str] = field(default_factory=Counter)         # "ok:<fmt>", "all:<fmt>"
    headings: Counter[str] = field(default_factory=Counter)         # tp / fp / fn
    entries: Counter[str] = field(default_factory=Counter)          # "<field>" -> correct, "total"
    signals: defaultdict[str, Counter[str]] = field(default_factory=lambda: defaultdict(Counter))
    stack_tools: Counter[str] = field(default_factory=Counter)     # tp / fp / fn over tool names
    team_values: Counter[str] = field(default_factory=Counter)     # ok / bad
    flags: Counter[str] = field(default_factory=Counter)           # ok / all
    seniority: Counter[str] = field(default_factory=Counter)       # ok / all
    scores: list[tuple[int, float, str]] = field(default_factory=list)  # (tier rank, score, file)
    misses: defaultdict[str, list[str]] = field(default_factory=lambda: defaultdict(list))

    def tier_order(self) -> float:
        """Share of file pairs from different tiers where the stronger tier scores higher (ties count half)."""
        good, total = 0.0, 0
        for i, (ta, sa, _) in enumerate(self.scores):
            for tb, sb, _ in self.scores[i + 1:]:
                if ta == tb:
                    continue
                total += 1
                hi, lo = (sa, sb) if ta > tb else (sb, sa)
                good += 1.0 if hi > lo else 0.5 if hi == lo else 0.0
        return good / total if total else 0.0

    def section_accuracy(self, fmt: str | None = None) -> float:
        keys = [fmt] if fmt else sorted({k.split(":")[1] for k in self.sections})
        ok = sum(self.sections[f"ok:{k}"] for k in keys)
        total = sum(self.sections[f"all:{k}"] for k in keys)
        return ok / total if total else 0.0

    def entry_accuracy(self, name: str) -> float:
        return self.entries[name] / self.entries["total"] if self.entries["total"] else 0.0

    def precision_recall(self, name: str) -> tuple[float, float, Counter[str]]:
        c = self.signals[name]
        p = c["tp"] / (c["tp"] + c["fp"]) if c["tp"] + c["fp"] else 1.0
        r = c["tp"] / (c["tp"] + c["fn"]) if c["tp"] + c["fn"] else 1.0
        return p, r, c

    def flag_accuracy(self) -> float:
        return self.flags["ok"] / self.flags["all"] if self.flags["all"] else 0.0

    def seniority_accuracy(self) -> float:
        return self.seniority["ok"] / self.seniority["all"] if self.seniority["all"] else 0.0


ENTRY_FIELDS = ("found", "title", "organization", "raw", "start", "end", "present")


def _entry_for(pred: list[dict[str, Any]], span: tuple[int, int] | None, limit: int) -> dict[str, Any] | None:
    """The predicted entry holding the gold header line's midpoint, else one starting inside the header."""
    if span is None:
        return None
    mid = (span[0] + span[1]) // 2
    holding = [e for e in pred if e["start"] <= mid < max(e["end"], e["start"] + 1)]
    if holding:
        return min(holding, key=lambda e: e["end"] - e["start"])
    near = [e for e in pred if span[0] - 1 <= e["start"] < limit]
    return min(near, key=lambda e: e["start"]) if near else None


def evaluate_report(spec: Spec, fmt: str, report: dict[str, Any], res: Results) -> None:
    """Add one report's figures and misses to ``res``."""
    name = f"{spec.id}.{fmt}"
    res.files.append(name)
    if report.get("status") == "failed":
        res.failed.append(f"{name}: {report.get('errors')}")
    text = report.get("text") or ""
    sections = report.get("sections") or []
    spans = locate_lines(spec.lines, text)

    def section_at(pos: int) -> str | None:
        for s in sections:
            if s["start"] <= pos < s["end"]:
                return str(s["kind"])
        return None

    # Sections, line by line; heading starts as a by-product.
    starts = {s["start"] for s in sections}
    for ln, sp in zip(spec.lines, spans, strict=True):
        if not ln.scored:
            continue
        res.sections[f"all:{fmt}"] += 1
        got = section_at((sp[0] + sp[1]) // 2) if sp else None
        if sp and got == ln.section:
            res.sections[f"ok:{fmt}"] += 1
        else:
            found = "line NOT FOUND in text" if sp is None else f"got {got}"
            res.misses["sections"].append(f"{name} line {ln.index}: expected {ln.section}, {found}: {ln.text[:70]!r}")
        if sp is None:
            continue
        starts_here = any(sp[0] <= s < sp[1] for s in starts)
        if ln.kind == "heading":
            res.headings["tp" if starts_here else "fn"] += 1
        elif starts_here and ln.section != "contact":
            res.headings["fp"] += 1

    # Entries.
    pred = [e for e in report.get("entries") or [] if e.get("section") in ENTRY_SECTIONS]
    for k, g in enumerate(spec.entries):
        res.entries["total"] += 1
        nxt = spec.entries[k + 1].line if k + 1 < len(spec.entries) else len(spec.lines)
        limit_span = next((spans[j] for j in range(g.line + 1, min(nxt, g.line + 3)) if spans[j]), None)
        limit = limit_span[1] if limit_span else (spans[g.line][1] if spans[g.line] else 0)
        p = _entry_for(pred, spans[g.line], limit)
        d = (p or {}).get("dates") or {}
        got = {
            "found": p is not None,
            "title": p is not None and same_field(g.title, p.get("title")),
            "organization": p is not None and same_field(g.organization, p.get("organization")),
            "raw": p is not None and same_raw_dates(g.raw, d.get("raw")),
            "start": p is not None and _same_month(g.start, d.get("start"), g.precision),
            "end": p is not None and (_same_month(g.end, d.get("end"), g.precision) or (
                g.present and d.get("end") in (None, f"{spec.as_of:%Y-%m}"))),
            "present": p is not None and bool(d.get("present")) == g.present,
        }
        for f, ok in got.items():
            res.entries[f] += int(ok)
        if not all(got.values()):
            want = (f"title={g.title!r} org={g.organization!r} dates={g.raw!r} {g.start}..{g.end}"
                    f"{' present' if g.present else ''}")
            found = "no entry" if p is None else (
                f"title={p.get('title')!r} org={p.get('organization')!r} dates={d.get('raw')!r} "
                f"{d.get('start')}..{d.get('end')}{' present' if d.get('present') else ''}")
            bad = ",".join(f for f, ok in got.items() if not ok)
            res.misses["entries"].append(f"{name} entry at line {g.line} [{bad}]: expected {want}; found {found}")

    # Signals: a prediction belongs to the gold line holding its match midpoint.
    gold = {(ln.index, n) for ln in spec.lines for n in ln.signals}
    pred_sig: dict[tuple[int | None, str], list[dict[str, Any]]] = defaultdict(list)
    for s in report.get("signals") or []:
        mid = (s["start"] + s["end"]) // 2
        line_i = next((i for i, sp in enumerate(spans) if sp and sp[0] <= mid < sp[1]), None)
        pred_sig[(line_i, s["name"])].append(s)
    for (i, sname), found in sorted(pred_sig.items(), key=lambda kv: (kv[0][0] is None, kv[0][0] or 0, kv[0][1])):
        outside = f"(outside every gold line) {found[0].get('text', '')[:60]}"
        where = spec.lines[i].text[:80] if i is not None else outside
        if (i, sname) in gold:
            res.signals[sname]["tp"] += 1
        else:
            res.signals[sname]["fp"] += 1
            match = found[0].get("match")
            res.misses[f"signal:{sname}"].append(f"{name}: FP {sname} (match {match!r}) on {where!r}")
        if i is None:
            continue
        gval = spec.lines[i].signals.get(sname)
        if sname == "production_stack":
            gold_tools = {_tool(t) for t in gval} if isinstance(gval, list) else set()
            got_tools = {_tool(t) for s in found
                         for t in (s.get("value") if isinstance(s.get("value"), list) else [s.get("value")])}
            res.stack_tools["tp"] += len(gold_tools & got_tools)
            res.stack_tools["fp"] += len(got_tools - gold_tools)
            res.stack_tools["fn"] += len(gold_tools - got_tools)
            if got_tools != gold_tools and gold_tools:
                res.misses["stack_tools"].append(
                    f"{name} line {i}: expected {sorted(gold_tools)}, found {sorted(got_tools)}")
        elif sname == "team_size" and gval is not None:
            ok = any(str(s.get("value")) == str(gval) for s in found)
            res.team_values["ok" if ok else "bad"] += 1
            if not ok:
                res.misses["team_values"].append(
                    f"{name} line {i}: expected {gval}, found {[s.get('value') for s in found]}")
    for i, sname in sorted(gold - set(pred_sig)):
        res.signals[sname]["fn"] += 1
        if sname == "production_stack":
            res.stack_tools["fn"] += len(spec.lines[i].signals[sname])
        located = "" if spans[i] else " [line NOT FOUND in text]"
        res.misses[f"signal:{sname}"].append(f"{name}: FN {sname} on {spec.lines[i].text[:80]!r}{located}")

    # Flags and seniority.
    got_flags = {f["name"] for f in report.get("flags") or []}
    for fl in FLAG_NAMES:
        res.flags["all"] += 1
        if (fl in spec.flags) == (fl in got_flags):
            res.flags["ok"] += 1
        else:
            res.misses["flags"].append(f"{name}: {fl} expected {fl in spec.flags}, found {fl in got_flags}")
    tier = TIERS.index(spec.data["tier"])
    res.scores.append((tier, float(report.get("score") or 0.0), name))
    for other_tier, other_score, other in res.scores[:-1]:
        if other_tier != tier and (other_score - float(report.get("score") or 0.0)) * (other_tier - tier) <= 0:
            res.misses["tier_order"].append(
                f"{name} ({spec.data['tier']}, {report.get('score')}) vs {other} ({TIERS[other_tier]}, {other_score})")
    sen = report.get("seniority") or {}
    res.seniority["all"] += 1
    if sen.get("level") == spec.level:
        res.seniority["ok"] += 1
    else:
        res.misses["seniority"].append(
            f"{name}: expected {spec.level} ({spec.data['seniority'].get('years')} y), "
            f"found {sen.get('level')} ({sen.get('years')} y)")


def score_fixtures(specs: list[Spec] | None = None, build_dir: Path | None = None,
                   backend: str = "pdfminer") -> Results:
    """Score every built fixture with ``resume_signals.score`` at its spec's ``as_of`` and measure.

    ``build_dir`` scores files rendered elsewhere (e.g. a held-back set rendered with
    ``make_fixtures.py --specs DIR --out DIR``).
    """
    import resume_signals

    res = Results()
    for spec in specs if specs is not None else load_specs():
        paths = spec.files if build_dir is None else [build_dir / p.name for p in spec.files]
        for path in paths:
            report = resume_signals.score(path, as_of=spec.as_of, backend=backend).to_dict()
            evaluate_report(spec, path.suffix.lstrip("."), report, res)
    return res


def table(res: Results) -> str:
    """The figures as a plain-text table (for closing notes and failing tests)."""
    rows = [f"files scored: {len(res.files)}  failed: {len(res.failed)}"]
    fmts = sorted({k.split(":")[1] for k in res.sections})
    rows.append("section accuracy: " + "  ".join(
        [f"{f}={res.section_accuracy(f):.3f}" for f in fmts] + [f"all={res.section_accuracy():.3f}"]))
    h = res.headings
    hp = h["tp"] / (h["tp"] + h["fp"]) if h["tp"] + h["fp"] else 0.0
    hr = h["tp"] / (h["tp"] + h["fn"]) if h["tp"] + h["fn"] else 0.0
    rows.append(f"heading lines starting a section: precision={hp:.3f} recall={hr:.3f}")
    rows.append("entry accuracy (n={}): ".format(res.entries["total"]) + "  ".join(
        f"{f}={res.entry_accuracy(f):.3f}" for f in ENTRY_FIELDS))
    rows.append(f"{'signal':<24}{'precision':>10}{'recall':>8}{'tp':>5}{'fp':>5}{'fn':>5}")
    for sname in SIGNAL_NAMES:
        p, r, c = res.precision_recall(sname)
        rows.append(f"{sname:<24}{p:>10.3f}{r:>8.3f}{c['tp']:>5}{c['fp']:>5}{c['fn']:>5}")
    st = res.stack_tools
    sp = st["tp"] / (st["tp"] + st["fp"]) if st["tp"] + st["fp"] else 0.0
    sr = st["tp"] / (st["tp"] + st["fn"]) if st["tp"] + st["fn"] else 0.0
    rows.append(f"production_stack tool names: precision={sp:.3f} recall={sr:.3f}")
    tv = res.team_values
    rows.append(f"team_size values right: {tv['ok']}/{tv['ok'] + tv['bad']}")
    rows.append(f"flag accuracy: {res.flag_accuracy():.3f} ({res.flags['ok']}/{res.flags['all']})")
    rows.append(f"seniority accuracy: {res.seniority_accuracy():.3f} ({res.seniority['ok']}/{res.seniority['all']})")
    rows.append(f"tier order (stronger tier scores higher, pairs): {res.tier_order():.3f}")
    return "\n".join(rows)


def misses_text(res: Results, key: str | None = None, limit: int = 60) -> str:
    """The misses of one kind (or all), so a failing test says which line and why."""
    keys = [key] if key else sorted(res.misses)
    out = []
    for k in keys:
        items = res.misses.get(k, [])
        if items:
            out.append(f"-- {k} ({len(items)})")
            out += [f"   {m}" for m in items[:limit]]
            if len(items) > limit:
                out.append(f"   ... {len(items) - limit} more")
    return "\n".join(out)
