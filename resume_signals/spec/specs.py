"""Typed rule specs: the merged rule tables (plain dicts from TOML/YAML) turned into frozen objects.

`build_specs` walks the merged tables once, checks every value and builds the
`RuleSet` the stages run: `SignalSpec` with its `Rule` and `Veto` objects,
`ContextRule`, `Tool`, `FlagTables`, `SeniorityTables`, `EntryTables`. It
never stops at the first mistake: every problem is collected with its key
path (``signals.team_size.rules[2].regex``) and all of them are raised
together as one `RulesError` (its ``problems``), so a pack author fixes a
pack in one round. Nothing downstream reads the raw dicts.

The tables are hashable (tuples, frozensets), so a stage may cache what it
compiles from one by value (``functools.lru_cache``) instead of keeping state
in the rule set.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from ..detect.families import GENERIC, HOOKS
from ..errors import Problem, RulesError
from .vocab import SECTION_KINDS

CATEGORIES = ("FUTURE", "WISH", "NEGATION", "HYPOTHETICAL", "OTHERS")
DIRECTIONS = ("forward", "backward", "bidirectional")
CONTEXT_KINDS = ("modifier", "pseudo", "terminate")
VETO_SCOPES = ("overlap", "unit", "near", "entry")
RULE_KINDS = ("pattern", "phrases", "regex", "stack_family")
DEFAULT_EXCLUDE = ("skills",)

SIGNAL_KEYS = frozenset({"family", "description", "exclude_sections", "first_person_sections", "context", "rules",
                         "vetoes"})
RULE_KEYS = frozenset({"id", "pattern", "phrases", "regex", "stack_family", "case", "requires", "at_unit_start",
                       "prefilter"})
VETO_KEYS = RULE_KEYS | {"scope", "window", "window_after", "unless", "rules"}
CONTEXT_KEYS = frozenset({"id", "kind", "category", "direction", "phrases", "pattern", "max_scope", "enabled",
                          "at_unit_start"})
TOOL_KEYS = frozenset({"family", "aliases", "exact", "mode"})
_NAME = re.compile(r"^[a-z][a-z0-9_]*$")
_PLACEHOLDER = re.compile(r"<<([A-Za-z_][A-Za-z0-9_]*)>>")
_ESCAPE = re.compile(r"\\.|\(\?[A-Za-z-]+[:)]|\[[^\]]*\]")

Pattern = tuple[Mapping[str, Any], ...]


# ---------------------------------------------------------------------------------------------
# the typed specs


@dataclass(frozen=True)
class Rule:
    """One detection rule of a signal, with its @lexicon references and <<placeholders>> resolved.

    ``kind`` says which matcher runs it: ``pattern`` (a spaCy Matcher token
    pattern), ``phrases`` (a PhraseMatcher list; ``exact`` = case-sensitive),
    ``regex`` (expanded; run on the lowercased unit unless ``exact``) or
    ``stack_family`` (every tool of that family of the stack lexicon, ``"*"``
    for all). ``requires``: words one of which the unit must hold;
    ``prefilter``: regexes the lowercased unit must all match first.
    """

    signal: str
    id: str
    kind: str
    pattern: Pattern = ()
    phrases: tuple[str, ...] = ()
    regex: str = ""
    stack_family: str = ""
    exact: bool = False
    requires: tuple[str, ...] | None = None
    at_unit_start: bool = False
    prefilter: tuple[str, ...] = ()


@dataclass(frozen=True)
class Veto(Rule):
    """A rule that cancels its signal's candidates: where it matches (``scope``) and when it does not."""

    scope: str = "overlap"
    window: int = 40
    window_after: int = 0
    unless: tuple[str, ...] | None = None
    rules: frozenset[str] | None = None  # the rule ids it applies to; None: all


@dataclass(frozen=True)
class SignalSpec:
    """A signal: its family hook name, where it may not be found, its ConText categories, rules and vetoes.

    ``context`` None: every ConText category cancels it; empty: none does.
    """

    name: str
    family: str
    description: str
    exclude_sections: frozenset[str]
    context: frozenset[str] | None
    rules: tuple[Rule, ...]
    vetoes: tuple[Veto, ...] = ()
    first_person_sections: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True)
class ContextRule:
    """One ConText rule: a modifier (category, direction, scope), a pseudo-trigger or a terminator.

    It checks itself when built, so a rule made in code is held to the same
    limits as one read from a pack.
    """

    id: str
    kind: str
    category: str | None = None
    direction: str = "forward"
    max_scope: int | None = None
    at_unit_start: bool = False
    phrases: tuple[str, ...] = ()
    pattern: Pattern | None = None

    def __post_init__(self) -> None:
        if self.kind not in CONTEXT_KINDS:
            raise ValueError(f"context rule {self.id!r}: kind must be one of {', '.join(CONTEXT_KINDS)}")
        if self.kind == "modifier" and (self.category not in CATEGORIES or self.direction not in DIRECTIONS):
            raise ValueError(f"context rule {self.id!r}: a modifier needs a category ({', '.join(CATEGORIES)}) "
                             f"and a direction ({', '.join(DIRECTIONS)})")
        if self.max_scope is not None and self.max_scope < 1:
            raise ValueError(f"context rule {self.id!r}: max_scope must be positive")

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> ContextRule:
        pattern = d.get("pattern")
        return cls(id=d["id"], kind=d.get("kind", "modifier"), category=d.get("category"),
                   direction=d.get("direction", "forward"), max_scope=d.get("max_scope"),
                   at_unit_start=bool(d.get("at_unit_start", False)), phrases=tuple(d.get("phrases", ())),
                   pattern=tuple(pattern) if pattern is not None else None)


@dataclass(frozen=True)
class Tool:
    """A production tool of the stack lexicon: canonical name, family, aliases (any case) and exact spellings."""

    name: str
    family: str
    aliases: tuple[str, ...]
    exact: tuple[str, ...] = ()


@dataclass(frozen=True)
class Architecture:
    """A model architecture family (flags): its name and aliases, matched case-sensitively or not."""

    name: str
    aliases: tuple[str, ...]
    case_sensitive: bool = False


@dataclass(frozen=True)
class FlagTables:
    """``flags.toml`` and ``architectures.toml``, typed (see `judge.flags`)."""

    production_signals: tuple[str, ...]
    min_distinct: int
    max_context: tuple[int, int]
    context_sections: frozenset[str]
    ignore_sections: frozenset[str]
    weak_signals: frozenset[str]
    not_past: frozenset[str]
    irregular: frozenset[str]
    architectures: tuple[Architecture, ...]


@dataclass(frozen=True)
class SeniorityTables:
    """``seniority.toml``, typed (see `judge.seniority`)."""

    mid_years: float
    senior_years: float
    staff_titles: tuple[str, ...]
    senior_titles: tuple[str, ...]
    junior_titles: tuple[str, ...]
    not_level: tuple[str, ...]
    internship: tuple[str, ...]
    education: tuple[str, ...]
    within_degree: tuple[str, ...]
    stale_months: int
    summary_years: str | None


@dataclass(frozen=True)
class EntryTables:
    """``entries.toml``, typed (see `sections.lexicon`)."""

    titles: tuple[str, ...]
    places: tuple[str, ...]
    org_anywhere: tuple[str, ...]
    org_suffixes: tuple[str, ...]
    verbs: tuple[str, ...]


@dataclass(frozen=True)
class MlTables:
    """``ml.toml``, typed (see `detect.ml`): what makes a signal's evidence about a machine-learning system."""

    words: tuple[str, ...]
    exact: tuple[str, ...]
    not_ml: tuple[str, ...]
    systems: tuple[str, ...]
    titles: tuple[str, ...]
    stack_families: frozenset[str]
    by_definition: frozenset[str] = frozenset()


@dataclass(frozen=True)
class RuleSet:
    """Every rule table the pipeline runs, after merging, typed.

    headings: section kind -> heading aliases (the sectioner's lexicon).
    signals: signal name -> its typed spec (rules, vetoes, sections, family).
    context: ConText rules (modifiers, pseudo-triggers, terminators).
    tools: the stack lexicon, canonical name -> `Tool`.
    flags, seniority, entries: the tables of the flags, the seniority estimate and the entry finder.
    ml: the words that say a signal's evidence is about a machine-learning system.
    lexicons: the named word lists rules refer to ("@name").
    weights: overrides of the scoring weights, by key.
    sources: the files this set was loaded from, for error messages and debugging.
    """

    headings: Mapping[str, tuple[str, ...]]
    signals: Mapping[str, SignalSpec]
    context: tuple[ContextRule, ...]
    tools: Mapping[str, Tool]
    flags: FlagTables
    seniority: SeniorityTables
    entries: EntryTables
    ml: MlTables
    lexicons: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    weights: Mapping[str, float] = field(default_factory=dict)
    sources: tuple[str, ...] = ()


# ---------------------------------------------------------------------------------------------
# helpers shared with the engine


def uppercase_literal(regex: str) -> bool:
    """True when a regex has an upper-case letter outside escapes, flags and classes.

    Case-insensitive rules run on the lowercased unit text (Python's re is
    several times faster without IGNORECASE), so such a letter could never match.
    """
    return any(ch.isupper() for ch in _ESCAPE.sub("", regex))


def expand_regex(regex: str, fragments: Mapping[str, str], lexicons: Mapping[str, Any], *, lower: bool = False) -> str:
    """Replace <<name>> by a fragment or by an alternation of a lexicon's words (longest first).

    With ``lower``, lexicon words are lowercased (for rules run on lowercased text).
    """

    def repl(m: re.Match[str]) -> str:
        name = m.group(1)
        if name in fragments:
            return _PLACEHOLDER.sub(repl, fragments[name])
        words = lexicons.get(name)
        if not isinstance(words, list):
            raise KeyError(name)
        items = {w.lower() if lower else w for w in words}
        return "|".join(re.escape(w) for w in sorted(items, key=lambda w: (-len(w), w)))

    return _PLACEHOLDER.sub(repl, regex)


@functools.lru_cache(maxsize=1)
def _vocab_matcher() -> Any:
    import spacy
    from spacy.matcher import Matcher

    return Matcher(spacy.blank("en").vocab, validate=True)


def describe(value: Any) -> str:
    return f"{type(value).__name__} {value!r}"[:80]


# ---------------------------------------------------------------------------------------------
# building, with every problem collected


class Problems:
    """Collects problems with their key paths; `raise_if_any` raises them all as one `RulesError`."""

    def __init__(self, source: str) -> None:
        self.source = source
        self.items: list[Problem] = []

    def add(self, key: str, message: str) -> None:
        self.items.append(Problem(key, message))

    def raise_if_any(self) -> None:
        if self.items:
            raise RulesError.from_problems(self.source, self.items)

    def strings(self, key: str, value: Any) -> bool:
        """A list of non-empty strings (recorded as a problem otherwise)."""
        if not isinstance(value, list | tuple) or not all(isinstance(v, str) and v.strip() for v in value):
            self.add(key, f"expected a list of non-empty strings, got {describe(value)}")
            return False
        return True

    def keys(self, key: str, value: Any, allowed: frozenset[str] | set[str]) -> bool:
        """A table with only ``allowed`` keys; an unknown key is a problem of its own, the rest still checked."""
        if not isinstance(value, dict):
            self.add(key, f"expected a table, got {describe(value)}")
            return False
        for unknown in sorted(set(value) - set(allowed)):
            self.add(f"{key}.{unknown}" if key else unknown, f"unknown key (allowed: {', '.join(sorted(allowed))})")
        return True


class _Builder:
    def __init__(self, merged: Mapping[str, Any], problems: Problems) -> None:
        self.p = problems
        self.lexicons: Mapping[str, Any] = merged["lexicons"]
        self.fragments: Mapping[str, str] = merged["fragments"]
        self.families: set[str] = set()

    # -- words and patterns

    def words(self, key: str, value: Any) -> tuple[str, ...] | None:
        """An inline word list or an "@lexicon" reference, resolved; a list may also name lexicons among its words
        (``["@competition_cues", "@ml_cues"]``: either kind of word)."""
        if isinstance(value, str) and value.startswith("@"):
            value = [value]
        if not self.p.strings(key, value):
            return None
        out: list[str] = []
        for item in value:
            if item.startswith("@"):
                words = self.lexicons.get(item[1:])
                if not isinstance(words, list):
                    self.p.add(key, f"unknown lexicon {item!r}")
                    return None
                out.extend(words)
            else:
                out.append(item)
        return tuple(out)

    def pattern(self, key: str, pattern: Any) -> Pattern | None:
        """A Matcher pattern with "@lexicon" references replaced by the lexicon's words, compiled once to check it."""
        if not isinstance(pattern, list) or not pattern or not all(isinstance(t, dict) for t in pattern):
            self.p.add(key, f"a pattern is a non-empty list of token tables, got {describe(pattern)}")
            return None
        unknown: list[str] = []

        def sub(value: Any) -> Any:
            if isinstance(value, str) and value.startswith("@"):
                words = self.lexicons.get(value[1:])
                if not isinstance(words, list):
                    unknown.append(value)
                    return []
                return list(words)
            if isinstance(value, dict):
                return {k: sub(v) for k, v in value.items()}
            if isinstance(value, list):
                return [sub(v) for v in value]
            return value

        resolved = [sub(tok) for tok in pattern]
        if unknown:
            self.p.add(key, f"unknown lexicon {unknown[0]!r}")
            return None
        matcher = _vocab_matcher()
        try:
            matcher.add("__check__", [resolved])
        except Exception as exc:  # spaCy raises ValueError / MatchPatternError with a long message
            message = " ".join(str(exc).split())
            self.p.add(key, f"invalid spaCy Matcher pattern: {message[:300]}")
            return None
        finally:
            if "__check__" in matcher:
                matcher.remove("__check__")
        return tuple(resolved)

    def regex(self, key: str, rule: Mapping[str, Any]) -> str | None:
        value = rule["regex"]
        if not isinstance(value, str) or not value:
            self.p.add(key, f"expected a regular expression string, got {describe(value)}")
            return None
        exact = rule.get("case") == "exact"
        try:
            expanded = expand_regex(value, self.fragments, self.lexicons, lower=not exact)
            re.compile(expanded)
        except KeyError as exc:
            self.p.add(key, f"unknown placeholder <<{exc.args[0]}>>")
            return None
        except re.error as exc:
            self.p.add(key, f"invalid regular expression: {exc}")
            return None
        if not exact and uppercase_literal(expanded):
            self.p.add(key, "case-insensitive regexes run on lowercased text: write literals in lower case, "
                            "or set case = \"exact\"")
            return None
        return expanded

    # -- rules, vetoes, signals

    def rule(self, signal: str, key: str, raw: Any, *, veto: bool, signal_rules: set[str]) -> Rule | None:
        if not self.p.keys(key, raw, VETO_KEYS if veto else RULE_KEYS):
            return None
        before = len(self.p.items)
        rid = raw.get("id")
        if not isinstance(rid, str) or not rid.strip():
            self.p.add(f"{key}.id", "every rule needs a string id")
        kinds = [k for k in RULE_KINDS if k in raw]
        fields: dict[str, Any] = {}
        if len(kinds) != 1:
            self.p.add(key, f"a rule needs exactly one of {', '.join(RULE_KINDS)} (found {kinds or 'none'})")
        elif kinds[0] == "pattern":
            fields["pattern"] = self.pattern(f"{key}.pattern", raw["pattern"])
        elif kinds[0] == "phrases":
            fields["phrases"] = self.words(f"{key}.phrases", raw["phrases"])
        elif kinds[0] == "regex":
            fields["regex"] = self.regex(f"{key}.regex", raw)
        else:
            fam = raw["stack_family"]
            if not isinstance(fam, str) or (fam != "*" and fam not in self.families):
                self.p.add(f"{key}.stack_family",
                           f"unknown stack family {fam!r} (known: {', '.join(sorted(self.families))})")
            fields["stack_family"] = fam
        if "case" in raw and raw["case"] not in ("lower", "exact"):
            self.p.add(f"{key}.case", f"expected 'lower' or 'exact', got {describe(raw['case'])}")
        requires = self.words(f"{key}.requires", raw["requires"]) if "requires" in raw else None
        gates = raw.get("prefilter", [])
        gates = gates if isinstance(gates, list) else [gates]
        for gate in gates:
            try:
                re.compile(gate)
            except (re.error, TypeError) as exc:
                self.p.add(f"{key}.prefilter", f"invalid regular expression: {exc}")
        if not isinstance(raw.get("at_unit_start", False), bool):
            self.p.add(f"{key}.at_unit_start", f"expected true or false, got {describe(raw['at_unit_start'])}")
        extra: dict[str, Any] = {}
        if veto:
            extra = self._veto_fields(key, raw, signal_rules)
        if len(self.p.items) > before:
            return None
        common = dict(signal=signal, id=rid, kind=kinds[0], exact=raw.get("case") == "exact", requires=requires,
                      at_unit_start=bool(raw.get("at_unit_start", False)), prefilter=tuple(gates), **fields)
        return Veto(**common, **extra) if veto else Rule(**common)

    def _veto_fields(self, key: str, raw: Mapping[str, Any], signal_rules: set[str]) -> dict[str, Any]:
        scope = raw.get("scope", "overlap")
        if scope not in VETO_SCOPES:
            self.p.add(f"{key}.scope", f"expected one of {', '.join(VETO_SCOPES)}, got {describe(scope)}")
        elif scope == "entry" and "regex" not in raw:
            self.p.add(f"{key}.scope", "scope 'entry' reads the entry's title, which needs a regex")
        for wkey in ("window", "window_after"):
            value = raw.get(wkey, 0)
            if not isinstance(value, int) or isinstance(value, bool) or value < 0:
                self.p.add(f"{key}.{wkey}", f"expected a non-negative integer, got {describe(value)}")
        unless = self.words(f"{key}.unless", raw["unless"]) if "unless" in raw else None
        rules = None
        if "rules" in raw and self.p.strings(f"{key}.rules", raw["rules"]):
            rules = frozenset(raw["rules"])
            missing = sorted(rules - signal_rules)
            if missing:
                self.p.add(f"{key}.rules", f"no rule with id {missing[0]!r} in this signal")
        return dict(scope=scope, window=raw.get("window", 40), window_after=raw.get("window_after", 0),
                    unless=unless, rules=rules)

    def _section_kinds(self, key: str, value: Any) -> frozenset[str]:
        """A list of section kinds (``exclude_sections``, ``first_person_sections``); problems are recorded."""
        if not value or not self.p.strings(key, value):
            return frozenset()
        bad = [s for s in value if s not in SECTION_KINDS]
        if bad:
            self.p.add(key, f"unknown section kind {bad[0]!r}")
        return frozenset(value)

    def signal(self, name: str, raw: Any, known_families: set[str]) -> SignalSpec | None:
        key = f"signals.{name}"
        if not _NAME.match(name):
            self.p.add(key, "signal names are lower_snake_case")
        if not self.p.keys(key, raw, SIGNAL_KEYS):
            return None
        before = len(self.p.items)
        excl = self._section_kinds(f"{key}.exclude_sections", raw.get("exclude_sections", list(DEFAULT_EXCLUDE)))
        first = self._section_kinds(f"{key}.first_person_sections", raw.get("first_person_sections", []))
        ctx = raw.get("context", True)
        if not isinstance(ctx, bool) and self.p.strings(f"{key}.context", ctx):
            if any(c not in CATEGORIES for c in ctx):
                self.p.add(f"{key}.context", f"categories are {', '.join(CATEGORIES)}")
        family = raw.get("family", GENERIC)
        if not isinstance(family, str):
            self.p.add(f"{key}.family", f"expected a string, got {describe(family)}")
        elif family not in known_families:
            self.p.add(f"{key}.family", f"unknown family {family!r} (known: {', '.join(sorted(known_families))})")
        raw_rules = raw.get("rules", [])
        rules: list[Rule | None] = []
        if not isinstance(raw_rules, list) or not raw_rules:
            self.p.add(f"{key}.rules", "a signal needs a non-empty list of rules")
        else:
            rules = [self.rule(name, f"{key}.rules[{i}]", r, veto=False, signal_rules=set())
                     for i, r in enumerate(raw_rules)]
        ids = {str(r.get("id")) for r in raw_rules if isinstance(r, dict)} if isinstance(raw_rules, list) else set()
        raw_vetoes = raw.get("vetoes", [])
        vetoes: list[Rule | None] = []
        if not isinstance(raw_vetoes, list):
            self.p.add(f"{key}.vetoes", f"expected a list of tables, got {describe(raw_vetoes)}")
        else:
            vetoes = [self.rule(name, f"{key}.vetoes[{i}]", v, veto=True, signal_rules=ids)
                      for i, v in enumerate(raw_vetoes)]
        # an id names what fired or what cancelled in every report: it must name one rule or veto
        used = Counter(str(r.get("id")) for group in (raw_rules, raw_vetoes) if isinstance(group, list)
                       for r in group if isinstance(r, dict))
        for twice in sorted(i for i, n in used.items() if n > 1):
            self.p.add(key, f"id {twice!r} names more than one rule or veto")
        if len(self.p.items) > before:
            return None
        return SignalSpec(name=name, family=family, description=str(raw.get("description", "")),
                          exclude_sections=excl, context=None if ctx is True else frozenset(ctx or ()),
                          first_person_sections=first,
                          rules=tuple(r for r in rules if r is not None),
                          vetoes=tuple(v for v in vetoes if isinstance(v, Veto)))

    def context(self, i: int, raw: Any) -> ContextRule | None:
        key = f"context[{i}]" if not isinstance(raw, dict) or "id" not in raw else f"context.{raw['id']}"
        if not self.p.keys(key, raw, CONTEXT_KEYS):
            return None
        before = len(self.p.items)
        kind = raw.get("kind", "modifier")
        if kind not in CONTEXT_KINDS:
            self.p.add(f"{key}.kind", f"expected one of {', '.join(CONTEXT_KINDS)}, got {describe(kind)}")
        if "phrases" not in raw and "pattern" not in raw:
            self.p.add(key, "a context rule needs phrases or a pattern")
        if "phrases" in raw:
            self.p.strings(f"{key}.phrases", raw["phrases"])
        pattern = self.pattern(f"{key}.pattern", raw["pattern"]) if "pattern" in raw else None
        if kind == "modifier":
            if raw.get("category") not in CATEGORIES:
                self.p.add(f"{key}.category",
                           f"expected one of {', '.join(CATEGORIES)}, got {describe(raw.get('category'))}")
            if raw.get("direction") not in DIRECTIONS:
                self.p.add(f"{key}.direction",
                           f"expected one of {', '.join(DIRECTIONS)}, got {describe(raw.get('direction'))}")
        scope = raw.get("max_scope", 1)
        if not isinstance(scope, int) or isinstance(scope, bool) or scope < 1:
            self.p.add(f"{key}.max_scope", f"expected a positive integer, got {describe(scope)}")
        if len(self.p.items) > before:
            return None
        return ContextRule.from_dict({**raw, "pattern": pattern} if pattern is not None else raw)

    def tool(self, name: str, raw: Any) -> Tool | None:
        key = f"stack.{name}"
        if not self.p.keys(key, raw, TOOL_KEYS):
            return None
        before = len(self.p.items)
        if not isinstance(raw.get("family"), str) or not raw["family"]:
            self.p.add(f"{key}.family", "every tool needs a family (a string)")
        for k in ("aliases", "exact"):
            if k in raw:
                self.p.strings(f"{key}.{k}", raw[k])
        if not raw.get("aliases") and not raw.get("exact"):
            self.p.add(key, "a tool needs at least one alias")
        if len(self.p.items) > before:
            return None
        return Tool(name=name, family=raw["family"], aliases=tuple(raw.get("aliases", ())),
                    exact=tuple(raw.get("exact", ())))


def _table(tables: Mapping[str, Any], path: str) -> Any:
    value: Any = tables
    for part in path.split("."):
        value = value.get(part, {}) if isinstance(value, Mapping) else {}
    return value


def _flags(tables: Mapping[str, Any], p: Problems) -> FlagTables:
    flags, archs = tables["flags"], tables["architectures"]
    fraction = _table(flags, "padding.max_context") or [1, 3]
    if (not isinstance(fraction, list) or len(fraction) != 2
            or not all(isinstance(n, int) and not isinstance(n, bool) and n >= 0 for n in fraction) or not fraction[1]):
        p.add("flags.padding.max_context", f"expected [numerator, denominator] (integers), got {describe(fraction)}")
        fraction = [1, 3]
    num, den = fraction
    architectures = []
    for key, family in archs.items():
        if not isinstance(family, Mapping):
            continue
        name = str(family.get("name", key))
        aliases = family.get("aliases", [name])
        if p.strings(f"architectures.{key}.aliases", aliases):
            architectures.append(Architecture(name=name, aliases=tuple(str(a) for a in aliases),
                                              case_sensitive=bool(family.get("case_sensitive", False))))
    padding = _table(flags, "padding")
    acts = _table(flags, "acts")
    return FlagTables(
        production_signals=tuple(flags.get("production_signals", ())),
        min_distinct=int(padding.get("min_distinct", 6)), max_context=(int(num), int(den)),
        context_sections=frozenset(padding.get("context_sections", ("experience", "projects"))),
        ignore_sections=frozenset(padding.get("ignore_sections", ("contact", "references"))),
        weak_signals=frozenset(padding.get("weak_signals", ("production_stack",))),
        not_past=frozenset(w.lower() for w in acts.get("not_past", ())),
        irregular=frozenset(w.lower() for w in acts.get("irregular", ())),
        architectures=tuple(architectures))


def _seniority(table: Mapping[str, Any], p: Problems) -> SeniorityTables:
    years, titles = _table(table, "years"), _table(table, "titles")
    pattern = _table(table, "summary").get("years_pattern")
    if pattern:
        try:
            re.compile(pattern)
        except (re.error, TypeError) as exc:
            p.add("seniority.summary.years_pattern", f"invalid regular expression: {exc}")
    return SeniorityTables(
        mid_years=float(years.get("mid", 3.0)), senior_years=float(years.get("senior", 6.0)),
        staff_titles=tuple(titles.get("staff_plus", ())), senior_titles=tuple(titles.get("senior", ())),
        junior_titles=tuple(titles.get("junior", ())), not_level=tuple(titles.get("not_level", ())),
        internship=tuple(_table(table, "internship").get("words", ())),
        education=tuple(_table(table, "education").get("words", ())),
        within_degree=tuple(_table(table, "education").get("within_degree", ())),
        stale_months=int(_table(table, "stale").get("months", 24)),
        summary_years=_table(table, "summary").get("years_pattern") or None)


def entry_tables(table: Mapping[str, Any]) -> EntryTables:
    return EntryTables(titles=tuple(_table(table, "title").get("words", ())),
                       places=tuple(_table(table, "location").get("words", ())),
                       org_anywhere=tuple(_table(table, "organization").get("anywhere", ())),
                       org_suffixes=tuple(_table(table, "organization").get("suffixes", ())),
                       verbs=tuple(_table(table, "description").get("verbs", ())))


def _ml(table: Mapping[str, Any], p: Problems) -> MlTables:
    lists: dict[str, tuple[str, ...]] = {}
    for key, path in (("words", "terms.words"), ("exact", "terms.exact"), ("not_ml", "terms.not_ml"),
                      ("systems", "terms.systems"), ("titles", "titles.words"), ("families", "stack.families"),
                      ("by_definition", "signals.by_definition")):
        value = _table(table, path) or []
        lists[key] = tuple(value) if p.strings(f"ml.{path}", value) else ()
    return MlTables(words=lists["words"], exact=lists["exact"], not_ml=lists["not_ml"], systems=lists["systems"],
                    titles=lists["titles"], stack_families=frozenset(lists["families"]),
                    by_definition=frozenset(lists["by_definition"]))


def build_specs(merged: Mapping[str, Any], problems: Problems, bundled_families: frozenset[str]) -> RuleSet | None:
    """The typed rule set of a merged table; None (with ``problems`` filled) when anything is wrong.

    ``bundled_families`` are the family names the bundled signals declare: with
    the families that have hooks, the only names a signal may use.
    """
    b = _Builder(merged, problems)
    for name, words in merged["lexicons"].items():
        problems.strings(f"lexicons.{name}", words)
    tools = {}
    for name, raw in merged["stack"].items():
        if isinstance(raw, dict) and isinstance(raw.get("family"), str) and raw["family"]:
            b.families.add(raw["family"])
        tool = b.tool(name, raw)
        if tool is not None:
            tools[name] = tool
    known = set(HOOKS) | set(bundled_families)
    signals = {name: b.signal(name, raw, known) for name, raw in merged["signals"].items()}
    context = [b.context(i, raw) for i, raw in enumerate(merged["context"])]
    for kind, aliases in merged["headings"].items():
        if kind not in SECTION_KINDS:
            problems.add(f"headings.{kind}", f"unknown section kind (known: {', '.join(SECTION_KINDS)})")
        problems.strings(f"headings.{kind}", list(aliases))
    for key, value in merged["weights"].items():
        if key not in ("padding_penalty", "non_ml") and key not in merged["signals"]:
            problems.add(f"weights.{key}", "unknown weight (keys are signal names, padding_penalty and non_ml)")
        if isinstance(value, bool) or not isinstance(value, int | float):
            problems.add(f"weights.{key}", f"expected a number, got {describe(value)}")
    tables = merged["tables"]
    flags = _flags(tables, problems)
    seniority = _seniority(tables["seniority"], problems)
    ml = _ml(tables["ml"], problems)
    for name in flags.production_signals:
        if name not in merged["signals"]:
            problems.add("flags.production_signals", f"unknown signal {name!r}")
    if problems.items:
        return None
    return RuleSet(headings={k: tuple(v) for k, v in merged["headings"].items()},
                   signals={k: v for k, v in signals.items() if v is not None},
                   context=tuple(c for c in context if c is not None), tools=tools, flags=flags,
                   seniority=seniority, entries=entry_tables(tables["entries"]), ml=ml,
                   lexicons={k: tuple(v) for k, v in merged["lexicons"].items()}, weights=dict(merged["weights"]),
                   sources=tuple(merged["sources"]))
