"""The rule engine behind `Detector`: compiles a RuleSet once, then matches a document in one pass.

Compilation turns every signal's rules (Matcher patterns, phrase lists, regexes,
stack families), vetoes and the ConText rules into one spaCy ``Matcher``, two
``PhraseMatcher`` (case-insensitive LOWER and case-sensitive ORTH) and a list
of precompiled regexes. Detection tokenises the whole canonical text once
(``make_doc``: a tokenizer, no statistical model), runs the matchers once, and
hands each match to the unit (bullet or sentence) that holds it. Per unit, a
candidate survives if no veto applies, the section allows the signal, the
family hook accepts it, and no ConText modifier scopes over it; the earliest
survivor of each signal name is reported.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from spacy.attrs import IDX, LENGTH, LOWER
from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc

from ..document import Document
from ..nlp import ChunkTokenizer, new_nlp
from ..report import Entry, Section, Signal
from ..spec.rules import RuleSet, bundled_families
from ..spec.specs import SECTION_KINDS, ContextRule, Rule, SignalSpec, Tool, Veto
from ..text.bullets import CANONICAL
from ..text.units import Unit, UnitSplitter
from .context import Hit, active_triggers, modifier_for
from .families import COLLECTS_VALUES, KEEPS_TITLE_MATCHES, Hook, hook_for


@dataclass(frozen=True, slots=True)
class _Signal:
    """A signal as the engine runs it: its spec and its family hook."""

    spec: SignalSpec
    family: Hook


class _Substrings:
    """A gate that is only plain words ("dashboard", "a/b", "third|quarter"): ``in`` tests, several times faster than
    the regular expression they spell; ``search`` answers like ``re.Pattern.search`` (None when nothing is there)."""

    __slots__ = ("pattern", "words")

    def __init__(self, pattern: str, words: tuple[str, ...]) -> None:
        self.pattern, self.words = pattern, words

    def search(self, text: str) -> bool | None:
        for w in self.words:
            if w in text:
                return True
        return None


_Gate = re.Pattern[str] | _Substrings


def compile_gate(pattern: str) -> _Gate:
    """A rule's prefilter: plain words as `_Substrings`, anything else as a compiled regular expression."""
    words = pattern.split("|")
    if all(w and re.escape(w) == w.replace(" ", "\\ ") for w in words):
        return _Substrings(pattern, tuple(words))
    return re.compile(pattern)


@dataclass(frozen=True, slots=True)
class _Rule:
    """A detection rule compiled: its rank (earlier rules win ties) and its gates as compiled regexes."""

    signal: str
    id: str
    order: int
    at_unit_start: bool = False
    requires: re.Pattern[str] | None = None
    prefilter: tuple[_Gate, ...] = ()
    keeps_title: bool = False  # its matches count inside an entry's title (the stack family)


@dataclass(frozen=True, slots=True)
class _Veto:
    signal: str
    id: str
    scope: str
    window: int
    window_after: int
    unless: re.Pattern[str] | None
    rules: frozenset[str] | None


@dataclass(slots=True)
class _Candidate:
    rule: _Rule
    cs: int  # char start / end in Document.text
    ce: int
    ts: int  # token start / end
    te: int
    value: Any = None


_RegexMember = tuple[_Rule, re.Pattern[str], bool, tuple[_Gate, ...]]
_RegexGroup = tuple[_Gate | None, list[_RegexMember]]
#: What a matcher key stands for: the engine routes a match by the type of its payload.
_Payload = _Rule | _Veto | ContextRule | Tool


@dataclass(slots=True)
class _UnitHits:
    cands: list[_Candidate] = field(default_factory=list)
    vetoes: list[tuple[_Veto, int, int]] = field(default_factory=list)
    ctx: list[Hit] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class Cancelled:
    """One candidate that did not become a signal, and why (``section``, ``entry_header``, ``veto:<id>``,
    ``family``, ``context:<category>:<id>``): the trail `Detector.detect` fills for debugging rules."""

    name: str
    rule: str
    match: str
    start: int
    end: int
    section: str
    cancelled_by: str

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "rule": self.rule, "match": self.match, "start": self.start, "end": self.end,
                "section": self.section, "cancelled_by": self.cancelled_by}


@dataclass(slots=True)
class _Pass:
    """One document being matched: its text, units and tokens, and the unit of each token span."""

    text: str
    units: list[Unit]
    tokens: Doc
    tstart: list[int]
    tend: list[int]
    u_tok: list[tuple[int, int]]
    u_tok_starts: list[int]
    hits: dict[int, _UnitHits] = field(default_factory=dict)
    titles: dict[int, str] = field(default_factory=dict)  # unit index -> title of the entry that holds it

    @property
    def n_tok(self) -> int:
        return len(self.tstart)

    def unit_of(self, ts: int) -> int | None:
        i = bisect.bisect_right(self.u_tok_starts, ts) - 1
        if i < 0 or ts >= self.u_tok[i][1]:
            return None
        return i

    def unit_hits(self, ui: int) -> _UnitHits:
        return self.hits.setdefault(ui, _UnitHits())


# where a veto's window stops: a new clause (", and" starts one: "F1 0.9 on a held-out set, and CTR +2% live"), or a
# comma or an "and" before a new signed figure ("NDCG +0.06 offline, +2.8% conversion online")
_CLAUSE_BREAK = re.compile(r";|,\s*and\b|(?:,\s*|\s+and\s+)(?=[+±−]\d)"
                           r"|\b(?:which|while|but|whereas|and then|so that|resulting in|leading to)\b", re.I)
_STOP = frozenset("a an the of in into to on at by for with from and or as is are was were be been it its this "
                  "that these those my our their i we".split())
_UNBOUNDED = 8  # "*" and "+" repeat at most this often inside one window (units are short)
_OP_RANGE = re.compile(r"^\{(\d*)(,?)(\d*)\}$")


def _repeats(tok: dict[str, Any]) -> tuple[int, int]:
    """(min, max) tokens a pattern token consumes."""
    op = tok.get("OP")
    if op is None or op == "!":
        return (1, 1) if op is None else (0, 0)
    if op == "?":
        return 0, 1
    if op == "*":
        return 0, _UNBOUNDED
    if op == "+":
        return 1, _UNBOUNDED
    m = _OP_RANGE.match(op)
    if not m:
        return 0, _UNBOUNDED
    lo = int(m.group(1) or 0)
    hi = int(m.group(3)) if m.group(3) else (lo if not m.group(2) else _UNBOUNDED)
    return lo, hi


def _anchor(pattern: list[dict[str, Any]]) -> tuple[int, frozenset[str]] | None:
    """The pattern token to look up first: mandatory, a word or word set, no stop words in it."""
    best: tuple[int, frozenset[str]] | None = None
    for i, tok in enumerate(pattern):
        if _repeats(tok)[0] < 1 or set(tok) - {"LOWER", "ORTH", "TEXT", "OP"}:
            continue
        for attr in ("LOWER", "ORTH", "TEXT"):
            spec = tok.get(attr)
            if isinstance(spec, str):
                words = frozenset([spec.lower()])
            elif isinstance(spec, dict) and set(spec) == {"IN"}:
                words = frozenset(w.lower() for w in spec["IN"])
            else:
                continue
            if words & _STOP or not all(any(ch.isalnum() for ch in w) for w in words):
                continue  # stop words and punctuation are everywhere: a poor first lookup
            if best is None or len(words) < len(best[1]):
                best = (i, words)
    return best


def _required_words(pattern: list[dict[str, Any]], skip: int) -> list[frozenset[str]]:
    """The word sets every match must hold besides its anchor (mandatory tokens that name words).

    A window lacking one of them cannot match, so the Matcher, whose cost grows with a
    pattern's optional gaps, is not run there.
    """
    out: list[frozenset[str]] = []
    for i, tok in enumerate(pattern):
        if i == skip or _repeats(tok)[0] < 1 or set(tok) - {"LOWER", "ORTH", "TEXT", "OP"}:
            continue
        for attr in ("LOWER", "ORTH", "TEXT"):
            spec = tok.get(attr)
            if isinstance(spec, str):
                out.append(frozenset([spec.lower()]))
            elif isinstance(spec, dict) and set(spec) == {"IN"}:
                out.append(frozenset(str(w).lower() for w in spec["IN"]))
    return out


@dataclass(slots=True)
class _Anchored:
    """One Matcher pattern run only on a window around each occurrence of its anchor word."""

    matcher: Matcher
    before: int
    after: int
    required: tuple[frozenset[int], ...] = ()
    """Word sets (LOWER hashes) that must each occur in the window: a cheap test before the Matcher."""


def _entry_titles(units: Sequence[Unit], entries: Sequence[Entry]) -> dict[int, str]:
    """The title of the entry holding each unit ("Capstone project"), for vetoes whose scope is the entry."""
    titled = sorted((e.start, e.end, e.title) for e in entries if e.title)
    out: dict[int, str] = {}
    if not titled:
        return out
    starts = [t[0] for t in titled]
    for ui, u in enumerate(units):
        k = bisect.bisect_right(starts, u.start) - 1
        if k >= 0 and u.start < titled[k][1]:
            out[ui] = titled[k][2]
    return out


def _header_spans(doc: Document, entries: Sequence[Entry]) -> list[tuple[int, int, bool]]:
    """Where each entry's title and organisation are written in its header lines.

    A job title ("Lead Data Scientist", "Head of ML") or an employer's name
    ("New Relic", "Docker") names a role or a company, not an act or a tool
    used, so matches there are dropped. A title keeps its production_stack
    matches (project titles often list their stack: "Scraper | Python, Docker").
    The header is the entry's first line and the lines before its first bullet (at most four).
    Returns (start, end, is_title).
    """
    spans: list[tuple[int, int, bool]] = []
    if not entries:
        return spans
    starts = [ln.start for ln in doc.lines]
    for e in entries:
        names = [(n, n is e.title) for n in (e.title, e.organization) if n and n.strip()]
        if not names:
            continue
        i = bisect.bisect_left(starts, e.start)
        end = e.start
        for k, ln in enumerate(doc.lines[i:i + 4]):
            if ln.start >= e.end or (k and (ln.bullet or ln.text.startswith(CANONICAL))):
                break  # the first line is the header even behind a bullet ("• Acme Corp<TAB>Oslo")
            end = ln.end
        header = doc.text[e.start:end]
        for name, is_title in names:
            k = header.find(name)
            if k >= 0:
                spans.append((e.start + k, e.start + k + len(name), is_title))
    return spans


def _lower(text: str) -> str:
    """Lowercase with offsets kept (the rare characters whose lower case is longer are left as they are)."""
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(c if len(c.lower()) != 1 else c.lower() for c in text)


def _word_regex(items: Sequence[str]) -> re.Pattern[str] | None:
    if not items:
        return None
    alt = "|".join(re.escape(w.lower()) for w in sorted(set(items), key=len, reverse=True))
    return re.compile(rf"(?<![\w-])(?:{alt})(?![\w-])")


class Engine:
    """Compiled rules plus the per-document matching loop.

    Everything is compiled here, once per rule set: the matchers, the regexes
    and their gates, and the regex rules each section kind runs. Detection
    keeps no state between documents.
    """

    def __init__(self, rules: RuleSet) -> None:
        abbreviations = rules.lexicons.get("sentence_abbreviations", ())
        lead_ins = "|".join(re.escape(w) for w in rules.lexicons.get("act_lead_ins", ()))
        # what may stand before a unit's opening act: a short label ending in ":" and lead-in words; then the act
        # may be any verb of a short list that opens the unit ("Define and own SLOs", "Design, build and deploy
        # fraud models", "Designing, implementing, & deploying ...")
        self.lead_in = re.compile(rf"(?:[^:\n]{{1,60}}:\s+)?(?:(?:{lead_ins})\s+)*"
                                  if lead_ins else r"(?:[^:\n]{1,60}:\s+)?")
        self.first_person = _word_regex(rules.lexicons.get("first_person", ())) or re.compile(r"(?!)")
        self.act_list_item = re.compile(r"[a-z]+(?:\s*,\s*(?:(?:and|&)\s+)?|\s+(?:and|&)\s+)")
        # a private pipeline: lexeme flags live on the vocab, so engines must not share one
        self.nlp = new_nlp(tuple(abbreviations))
        self.make_doc = ChunkTokenizer(self.nlp)
        vocab = self.nlp.vocab
        self.splitter = UnitSplitter(abbreviations)
        # spaCy's Matcher costs time per token per pattern, so each pattern runs only in a window
        # around its anchor word (found by one dict lookup per token); the rest run on the whole doc
        self.matcher = Matcher(vocab, validate=False)  # patterns were validated by load_rules
        self.anchors: dict[int, list[_Anchored]] = {}
        self._anchored_raw: list[tuple[str, list[dict[str, Any]], int, int, tuple[frozenset[int], ...]]] = []
        self._anchor_words: dict[int, list[int]] = {}
        self._gates: dict[str, _Gate] = {}  # one compiled object per distinct gate: tested once per unit
        self.lower = PhraseMatcher(vocab, attr="LOWER")
        self.exact = PhraseMatcher(vocab, attr="ORTH")
        self.keys: dict[int, _Payload] = {}
        self.signals: dict[str, _Signal] = {}
        # (rule or veto, pattern, exact): case-insensitive patterns run on the lowercased unit text
        self.regex_rules: list[tuple[_Rule, re.Pattern[str], bool]] = []
        self.regex_vetoes: list[tuple[_Veto, re.Pattern[str], bool]] = []
        self.stack_rules: dict[str, list[_Rule]] = {}  # family or "*" -> rules
        known = bundled_families()
        #: Signals that report every value their unit names (the stack's tools), not only the first.
        self.collecting = frozenset(n for n, spec in rules.signals.items() if spec.family in COLLECTS_VALUES)
        order = 0
        for name, spec in sorted(rules.signals.items()):
            self.signals[name] = _Signal(spec=spec, family=hook_for(spec.family, known))
            for r in spec.rules:
                order += 1
                self._add(r, self._compile_rule(r, order, spec.family in KEEPS_TITLE_MATCHES))
            for v in spec.vetoes:
                self._add(v, self._compile_veto(v))
        for c in rules.context:
            self._add_context(c)
        for tool in rules.tools.values():
            self._add_tool(tool)
        self._build_anchors()
        # the regex rules each section kind runs, grouped by their first gate
        self.regex_by_section = {kind: self._regex_groups(kind) for kind in SECTION_KINDS}

    # -- compilation ---------------------------------------------------------------------------

    def _compile_rule(self, r: Rule, order: int, keeps_title: bool) -> _Rule:
        return _Rule(signal=r.signal, id=r.id, order=order, at_unit_start=r.at_unit_start,
                     requires=self._cached(_word_regex(r.requires)) if r.requires else None,
                     prefilter=tuple(self._gate(p) for p in r.prefilter), keeps_title=keeps_title)

    @staticmethod
    def _compile_veto(v: Veto) -> _Veto:
        return _Veto(signal=v.signal, id=v.id, scope=v.scope, window=v.window, window_after=v.window_after,
                     unless=_word_regex(v.unless) if v.unless else None, rules=v.rules)

    def _regex_groups(self, section: str) -> list[_RegexGroup]:
        """The regex rules allowed in a section, grouped by their first gate (tested once per unit)."""
        groups: dict[_Gate | None, list[_RegexMember]] = {}
        for rule, rx, exact in self.regex_rules:
            if section in self.signals[rule.signal].spec.exclude_sections:
                continue
            gates = rule.prefilter if rule.requires is None else (*rule.prefilter, rule.requires)
            first = gates[0] if gates else None
            groups.setdefault(first, []).append((rule, rx, exact, tuple(gates[1:])))
        return list(groups.items())

    def _gate(self, pattern: str) -> _Gate:
        gate = self._gates.get(pattern)
        if gate is None:
            gate = self._gates[pattern] = compile_gate(pattern)
        return gate

    def _cached(self, rx: re.Pattern[str] | None) -> re.Pattern[str] | None:
        """One compiled object per distinct gate, so a unit tests each gate once."""
        if rx is None:
            return None
        gate = self._gates.setdefault(rx.pattern, rx)
        return gate if isinstance(gate, re.Pattern) else rx

    def _add_pattern(self, key: str, pattern: list[dict[str, Any]]) -> None:
        anchor = _anchor(pattern)
        if anchor is None:
            self.matcher.add(key, [pattern])
            return
        i, words = anchor
        index = len(self._anchored_raw)
        strings = self.nlp.vocab.strings
        required = tuple(frozenset(strings.add(w) for w in ws) for ws in _required_words(pattern, i))
        self._anchored_raw.append((key, pattern, sum(_repeats(t)[1] for t in pattern[:i]),
                                   sum(_repeats(t)[1] for t in pattern[i + 1:]), required))
        for w in words:
            self._anchor_words.setdefault(strings.add(w), []).append(index)

    def _build_anchors(self) -> None:
        """Matchers per anchor word: one for its patterns that need nothing else, one per gated pattern.

        A pattern that needs other words besides its anchor ("deployed ... to staging") gets
        its own Matcher, run only where the window holds those words.
        """
        plain: dict[tuple[int, ...], _Anchored] = {}
        gated: dict[int, _Anchored] = {}
        for word, indices in self._anchor_words.items():
            raws = sorted(set(indices))
            free = tuple(j for j in raws if not self._anchored_raw[j][4])
            entries: list[_Anchored] = []
            if free:
                entry = plain.get(free)
                if entry is None:
                    m = Matcher(self.nlp.vocab, validate=False)
                    for j in free:
                        m.add(self._anchored_raw[j][0], [self._anchored_raw[j][1]])
                    entry = plain[free] = _Anchored(m, max(self._anchored_raw[j][2] for j in free),
                                                    max(self._anchored_raw[j][3] for j in free))
                entries.append(entry)
            for j in raws:
                key, pattern, before, after, required = self._anchored_raw[j]
                if not required:
                    continue
                if j not in gated:
                    m = Matcher(self.nlp.vocab, validate=False)
                    m.add(key, [pattern])
                    gated[j] = _Anchored(m, before, after, required)
                entries.append(gated[j])
            self.anchors[word] = entries

    def _add(self, spec: Rule, item: _Rule | _Veto) -> None:
        """Register a rule or veto with the matcher its kind needs; the key's payload is the compiled object."""
        key = f"{'V' if isinstance(spec, Veto) else 'R'}|{item.signal}|{item.id}"
        if spec.kind == "stack_family":
            if isinstance(item, _Rule):
                self.stack_rules.setdefault(spec.stack_family, []).append(item)
            return
        if spec.kind == "regex":
            compiled = re.compile(spec.regex)
            if isinstance(item, _Rule):
                self.regex_rules.append((item, compiled, spec.exact))
            else:
                self.regex_vetoes.append((item, compiled, spec.exact))
            return
        self.keys[self.nlp.vocab.strings.add(key)] = item
        if spec.kind == "pattern":
            self._add_pattern(key, [dict(tok) for tok in spec.pattern])
        else:
            target = self.exact if spec.exact else self.lower
            target.add(key, [self.nlp.make_doc(p) for p in spec.phrases])

    def _add_context(self, rule: ContextRule) -> None:
        key = f"C|{rule.id}"
        self.keys[self.nlp.vocab.strings.add(key)] = rule
        if rule.phrases:
            self.lower.add(key, [self.nlp.make_doc(p) for p in rule.phrases])
        if rule.pattern is not None:
            self._add_pattern(key, [dict(tok) for tok in rule.pattern])

    def _add_tool(self, tool: Tool) -> None:
        key = f"S|{tool.name}"
        self.keys[self.nlp.vocab.strings.add(key)] = tool
        if tool.aliases:
            self.lower.add(key, [self.nlp.make_doc(a) for a in tool.aliases])
        if tool.exact:
            self.exact.add(key, [self.nlp.make_doc(a) for a in tool.exact])

    # -- detection -----------------------------------------------------------------------------

    def detect(self, doc: Document, sections: Sequence[Section], trail: list[Cancelled] | None = None,
               entries: Sequence[Entry] = ()) -> list[Signal]:
        """Signals in text order: match once, hand each match to its unit, then resolve unit by unit."""
        if not doc.text:
            return []
        units = self.splitter.split(doc, sorted(sections, key=lambda s: (s.start, s.end)))
        if not units:
            return []
        run = self._start(doc.text, units)
        run.titles = _entry_titles(units, entries)
        self._route_matches(run, trail)
        self._match_regexes(run)
        self._match_regex_vetoes(run)
        employers = frozenset(e.organization.casefold() for e in entries
                              if e.organization and e.section == "experience")
        return self._signals(run, _header_spans(doc, entries), employers, trail)

    def _start(self, text: str, units: list[Unit]) -> _Pass:
        # Newlines and tabs become spaces (same offsets; lines are units already, and the
        # tokenizer caches far better without whitespace special cases); a trailing " ." lets
        # patterns look one token past the last word. (str.replace: translate with a table costs 100x more.)
        tokens = self.make_doc(text.replace("\n", " ").replace("\t", " ").replace("\r", " ") + " .")
        arr = tokens.to_array([IDX, LENGTH])
        tstart: list[int] = arr[:, 0].tolist()
        tend: list[int] = (arr[:, 0] + arr[:, 1]).tolist()
        u_tok = [(bisect.bisect_left(tstart, u.start), bisect.bisect_left(tstart, u.end)) for u in units]
        return _Pass(text, units, tokens, tstart, tend, u_tok, [s for s, _ in u_tok])

    def _allowed(self, signal: str, unit: Unit) -> bool:
        return unit.section not in self.signals[signal].spec.exclude_sections

    def _route_matches(self, run: _Pass, trail: list[Cancelled] | None) -> None:
        """Every matcher hit, by the type of its payload: a candidate, a veto, a ConText trigger or a tool."""
        tokens = run.tokens
        matches = (self.matcher(tokens) if len(self.matcher) else []) + self.lower(tokens) + self.exact(tokens)
        matches += self._anchored_matches(tokens, run.u_tok, run.u_tok_starts, run.n_tok)
        for kid, ts, te in matches:
            ui = run.unit_of(ts)
            if ui is None:
                continue
            item = self.keys[kid]
            cs, ce, unit = run.tstart[ts], run.tend[te - 1], run.units[ui]
            if isinstance(item, _Veto):
                if te > run.u_tok[ui][1]:
                    # the next line's words are not this unit's: "...moved the models into production" then "Site
                    # reliability ..." is not "production site"
                    continue
                run.unit_hits(ui).vetoes.append((item, cs, ce))
            elif isinstance(item, ContextRule):
                run.unit_hits(ui).ctx.append((item, ts, te))
            elif te > run.u_tok[ui][1]:
                continue  # a signal match must lie inside its unit; triggers may look past it
            elif isinstance(item, _Rule):
                if self._allowed(item.signal, unit):
                    run.unit_hits(ui).cands.append(_Candidate(item, cs, ce, ts, te))
                else:
                    _cancel(trail, item, unit, run.text, cs, ce, "section")
            else:  # a stack tool: a candidate for every rule of its family
                for rule in self.stack_rules.get(item.family, []) + self.stack_rules.get("*", []):
                    if self._allowed(rule.signal, unit):
                        run.unit_hits(ui).cands.append(_Candidate(rule, cs, ce, ts, te, value=item.name))

    def _match_regexes(self, run: _Pass) -> None:
        """The regex rules of each unit's section, behind their gates (each gate tested once per unit)."""
        if not self.regex_rules:
            return
        for ui, unit in enumerate(run.units):
            groups = self.regex_by_section.get(unit.section)
            if groups is None:
                groups = self._regex_groups(unit.section)
            if not groups:
                continue
            utext = run.text[unit.start:unit.end]
            ulow = _lower(utext)
            passed: dict[_Gate, bool] = {}
            for first, members in groups:
                if first is not None and not first.search(ulow):
                    continue  # e.g. no digit: none of the number rules can match
                for rule, rx, exact, rest in members:
                    for gate in rest:  # each gate searched once per unit (inline: this loop is hot)
                        hit = passed.get(gate)
                        if hit is None:
                            hit = passed[gate] = gate.search(ulow) is not None
                        if not hit:
                            break
                    else:
                        self._regex_candidates(run, ui, rule, rx.finditer(utext if exact else ulow))

    @staticmethod
    def _regex_candidates(run: _Pass, ui: int, rule: _Rule, found: Iterable[re.Match[str]]) -> None:
        unit = run.units[ui]
        for m in found:
            cs, ce = unit.start + m.start(), unit.start + m.end()
            if ce <= cs:
                continue
            ts = max(bisect.bisect_right(run.tstart, cs) - 1, 0)
            te = min(max(bisect.bisect_left(run.tstart, ce), ts + 1), run.n_tok)
            run.unit_hits(ui).cands.append(_Candidate(rule, cs, ce, ts, te))

    def _match_regex_vetoes(self, run: _Pass) -> None:
        """Regex vetoes, only in units that hold a candidate of their signal."""
        if not self.regex_vetoes:
            return
        for ui, h in run.hits.items():
            if not h.cands:
                continue
            sigs = {c.rule.signal for c in h.cands}
            unit = run.units[ui]
            utext = run.text[unit.start:unit.end]
            ulow = _lower(utext)
            title = run.titles.get(ui)
            for veto, rx, exact in self.regex_vetoes:
                if veto.signal in sigs:
                    for m in rx.finditer(utext if exact else ulow):
                        h.vetoes.append((veto, unit.start + m.start(), unit.start + m.end()))
                    if veto.scope == "entry" and title and rx.search(title if exact else _lower(title)):
                        h.vetoes.append((veto, unit.start, unit.end))  # the entry's title says it for every bullet

    def _signals(self, run: _Pass, masked: list[tuple[int, int, bool]], employers: frozenset[str],
                 trail: list[Cancelled] | None) -> list[Signal]:
        out: list[Signal] = []
        for ui in sorted(run.hits):
            h = run.hits[ui]
            if h.cands and (masked or employers):
                h.cands = self._unmasked(h.cands, masked, employers, run.units[ui], run.text, trail)
            if h.cands:
                out.extend(self._resolve(run.units[ui], run.u_tok[ui], h, run.text, trail))
        out.sort(key=lambda s: (s.start, s.name, s.end))
        return out

    @staticmethod
    def _unmasked(cands: list[_Candidate], masked: list[tuple[int, int, bool]], employers: frozenset[str],
                  unit: Unit, text: str, trail: list[Cancelled] | None) -> list[_Candidate]:
        """Candidates outside entry titles and employer names (a title keeps the matches of a stack rule).

        An employer's name followed by a possessive is the company: "New Relic's cloud migration" in a
        bullet of a New Relic job names the employer, while "alerts on New Relic" is the tool.
        """
        kept = []
        for c in cands:
            if any(a < c.ce and c.cs < b and not (title and c.rule.keeps_title) for a, b, title in masked):
                _cancel(trail, c.rule, unit, text, c.cs, c.ce, "entry_header")
            elif employers and text[c.cs:c.ce].casefold() in employers and _POSSESSIVE.match(text, c.ce):
                _cancel(trail, c.rule, unit, text, c.cs, c.ce, "employer_name")
            else:
                kept.append(c)
        return kept

    def _anchored_matches(self, tokens: Any, u_tok: list[tuple[int, int]], u_tok_starts: list[int], n_tok: int
                          ) -> list[tuple[int, int, int]]:
        found: set[tuple[int, int, int]] = set()
        anchors = self.anchors
        lows = tokens.to_array([LOWER]).tolist()
        for i, h in enumerate(lows):
            entries = anchors.get(h)
            if entries is None:
                continue
            ui = bisect.bisect_right(u_tok_starts, i) - 1
            if ui < 0 or i >= u_tok[ui][1]:
                continue
            us, ue = u_tok[ui]
            for e in entries:
                a = max(us, i - e.before)
                b = min(n_tok, ue + 1, i + e.after + 1)
                if e.required:
                    window = set(lows[a:b])
                    if not all(req & window for req in e.required):
                        continue
                for kid, s, t in e.matcher(tokens[a:b]):
                    found.add((kid, a + s, a + t))
        return sorted(found)  # a set's order follows the offsets' hashes: sort so the text alone decides

    def _act_starts(self, lowered: str, offset: int) -> frozenset[int]:
        """Where a unit's opening act may stand: after its label and lead-in words, or after any verb of the short
        list that opens it (up to four: "Design, build, test and deploy ...")."""
        m = self.lead_in.match(lowered)
        pos = m.end() if m else 0
        starts = [pos]
        for _ in range(4):
            item = self.act_list_item.match(lowered, pos)
            if item is None:
                break
            pos = item.end()
            starts.append(pos)
        return frozenset(offset + p for p in starts)

    def _resolve(self, unit: Unit, utok: tuple[int, int], h: _UnitHits, text: str,
                 trail: list[Cancelled] | None) -> list[Signal]:
        utext = text[unit.start:unit.end]
        lowered = utext.lower()
        triggers, terms = active_triggers(h.ctx, utok[0]) if h.ctx else ([], [])
        best: dict[str, _Candidate] = {}
        collected: dict[str, list[Any]] = {}
        collected_end: dict[str, int] = {}
        act_starts: frozenset[int] | None = None  # where the unit's act may open: found when first needed
        for c in sorted(h.cands, key=lambda c: (c.cs, c.rule.order)):
            sig = c.rule.signal
            if sig in best and (sig not in self.collecting or c.cs < collected_end[sig]):
                continue  # one candidate per signal; a collecting signal's next value starts after the last
            spec = self.signals[sig]
            if c.rule.at_unit_start and c.ts != utok[0]:
                if act_starts is None:
                    act_starts = self._act_starts(lowered, unit.start)
                if c.cs not in act_starts:
                    continue
            if c.rule.requires is not None and not c.rule.requires.search(lowered):
                continue
            if unit.section in spec.spec.first_person_sections and not self.first_person.search(lowered):
                _cancel(trail, c.rule, unit, text, c.cs, c.ce, "section")
                continue
            veto = self._vetoed(c, h.vetoes, unit, lowered, text)
            if veto is not None:
                _cancel(trail, c.rule, unit, text, c.cs, c.ce, f"veto:{veto}")
                continue
            match = text[c.cs:c.ce]
            accepted, value = spec.family(match, c.value)
            if not accepted:
                _cancel(trail, c.rule, unit, text, c.cs, c.ce, "family")
                continue
            if triggers and spec.spec.context != frozenset():
                mod = modifier_for(c.ts, c.te, triggers, terms, utok[0], utok[1], spec.spec.context)
                if mod is not None:
                    _cancel(trail, c.rule, unit, text, c.cs, c.ce, f"context:{mod.category}:{mod.id}")
                    continue
            c.value = value
            best.setdefault(sig, c)
            if sig in self.collecting:
                collected_end[sig] = c.ce
                if value not in collected.setdefault(sig, []):
                    collected[sig].append(value)
        return [Signal(name=sig, text=text[unit.start:unit.end], match=text[c.cs:c.ce], start=c.cs, end=c.ce,
                       section=unit.section, rule=c.rule.id,
                       value=tuple(collected[sig]) if sig in collected else c.value) for sig, c in best.items()]

    @staticmethod
    def _vetoed(c: _Candidate, vetoes: list[tuple[_Veto, int, int]], unit: Unit, lowered: str, text: str
                ) -> str | None:
        for veto, vs, ve in vetoes:
            if veto.signal != c.rule.signal:
                continue
            if veto.rules is not None and c.rule.id not in veto.rules:
                continue
            if veto.scope == "overlap":
                if not (vs < c.ce and c.cs < ve):
                    continue
            elif veto.scope == "near":
                lo = max(unit.start, c.cs - veto.window)
                # the window stays in the match's clause (a break may look ahead at the match's first characters)
                for brk in _CLAUSE_BREAK.finditer(text, lo, min(c.cs + 2, unit.end)):
                    if brk.end() <= c.cs:
                        lo = brk.end()
                hi = min(unit.end, c.ce + veto.window_after)
                semi = text.find(";", c.ce, hi)
                if semi >= 0:
                    hi = semi
                if not (vs < max(hi, c.ce) and lo < ve):
                    continue
            if veto.unless is not None and veto.unless.search(lowered):
                continue
            return veto.id
        return None


_POSSESSIVE = re.compile(r"['’]s\b")


def _cancel(trail: list[Cancelled] | None, rule: _Rule, unit: Unit, text: str, cs: int, ce: int, reason: str
            ) -> None:
    if trail is not None:
        trail.append(Cancelled(rule.signal, rule.id, text[cs:ce], cs, ce, unit.section, reason))
