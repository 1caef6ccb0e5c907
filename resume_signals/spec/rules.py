"""Rule data: the bundled tables in ``data/`` merged with an optional user rule pack.

Rules are data; code runs them. `load_rules` reads the package's TOML files
with `importlib.resources` and, when given a user pack (TOML or YAML), merges
it on top after validating every key: a bad pack raises one `RulesError`
naming the file, the key and the problem, and nothing of it is applied (the
merge works on a copy and the result is validated whole before it is returned).

User rule pack format (TOML shown; YAML has the same structure). Every
top-level key is optional; any other key is an error.

``[headings]``
    ``kind = ["Alias", ...]``: heading aliases for a section kind. An alias
    already listed under another kind moves to this one (override).

``[lexicons]``
    ``name = ["word", ...]``: words added to a bundled word list (or a new
    list), or ``name = {words = [...], mode = "add" | "replace" | "remove"}``.

``[stack.<Canonical name>]``
    ``family = "orchestration"``, ``aliases = [...]`` (case-insensitive),
    ``exact = [...]`` (case-sensitive). A new canonical name adds a tool; an
    existing one gets the aliases added (``mode = "replace"`` to replace them).

``[signals.<name>]``
    For a bundled signal: ``exclude_sections``, ``context``, ``description``,
    and ``rules`` / ``vetoes`` arrays whose entries are added, or replace the
    bundled rule with the same ``id``. For a new name: a new signal, which
    needs at least one rule. A rule has an ``id`` and exactly one of
    ``pattern`` (a spaCy Matcher token pattern; ``{IN = "@lexicon"}`` refers to
    a word list), ``phrases`` (a list, or ``"@lexicon"``), ``regex`` (Python
    syntax, case-insensitive unless ``case = "exact"``; ``<<name>>`` inserts a
    fragment or a lexicon alternation) or ``stack_family`` (a family of
    ``stack.toml``, or ``"*"``). Optional: ``case`` (phrases: ``"lower"`` or
    ``"exact"``), ``requires`` (a word list or ``"@lexicon"``: the unit must
    contain one of these words), ``at_unit_start`` (true: the match must open
    the bullet or sentence, for present-tense resume verbs), ``prefilter`` (a
    cheap regex, or a list of them, that the lowercased unit must all contain
    before a costly ``regex`` rule runs, e.g. ``['\\d', '%']`` for rules about
    percentages; each gate is tested once per unit). Vetoes take the same fields plus ``scope``
    (``"overlap"``, ``"unit"`` or ``"near"``), ``window`` and ``window_after``
    (characters before and after the match, for ``near``), ``unless`` (words that disable the veto) and
    ``rules`` (rule ids it applies to; all when absent).

``[[context]]``
    A ConText rule: ``id``, ``kind`` (``"modifier"``, ``"pseudo"``,
    ``"terminate"``; default modifier), ``category`` (FUTURE, WISH, NEGATION,
    HYPOTHETICAL; modifiers only), ``direction`` (forward, backward,
    bidirectional), ``phrases`` and/or ``pattern``, optional ``max_scope``
    (tokens). A rule with a bundled id replaces it; ``enabled = false``
    removes it.

``[weights]``
    ``key = number``: keys are signal names (bundled or defined in the pack)
    and ``padding_penalty``.

See ``resume_signals/spec/data/example_rules.toml`` for a complete example.
"""

from __future__ import annotations

import copy
import functools
import os
import pickle
import re
import tomllib
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar, cast

from ..errors import RulesError
from .data import DATA_PREFIX, cache_dirs, data_digest, data_files, data_toml

_T = TypeVar("_T")

CATEGORIES = ("FUTURE", "WISH", "NEGATION", "HYPOTHETICAL")
DIRECTIONS = ("forward", "backward", "bidirectional")
CONTEXT_KINDS = ("modifier", "pseudo", "terminate")
VETO_SCOPES = ("overlap", "unit", "near")
RULE_KINDS = ("pattern", "phrases", "regex", "stack_family")
DEFAULT_EXCLUDE = ("skills",)
SECTION_KINDS = ("contact", "summary", "experience", "education", "skills", "projects", "publications",
                 "certifications", "awards", "volunteering", "interests", "references", "other")

_TOP_KEYS = {"headings", "lexicons", "stack", "signals", "context", "weights"}
_SIGNAL_KEYS = {"family", "description", "exclude_sections", "context", "rules", "vetoes"}
_RULE_KEYS = {"id", "pattern", "phrases", "regex", "stack_family", "case", "requires", "at_unit_start", "prefilter"}
_VETO_KEYS = _RULE_KEYS | {"scope", "window", "window_after", "unless", "rules"}
_CTX_KEYS = {"id", "kind", "category", "direction", "phrases", "pattern", "max_scope", "enabled", "at_unit_start"}
_TOOL_KEYS = {"family", "aliases", "exact", "mode"}
_NAME = re.compile(r"^[a-z][a-z0-9_]*$")
_PLACEHOLDER = re.compile(r"<<([A-Za-z_][A-Za-z0-9_]*)>>")


@dataclass(frozen=True)
class RuleSet:
    """Every rule table the pipeline runs, after merging.

    headings: section kind -> heading aliases (the sectioner's lexicon).
    signals: signal name -> its detection rules (patterns, phrases, sections).
    context: ConText modifier rules (direction, scope, pseudo, terminate).
    lexicons: named word tables (stack canonical names, architectures, ...).
    weights: overrides of the scoring weights, by key.
    sources: the files this set was loaded from, for error messages and debugging.
    """

    headings: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    signals: Mapping[str, Any] = field(default_factory=dict)
    context: tuple[Any, ...] = ()
    lexicons: Mapping[str, Any] = field(default_factory=dict)
    weights: Mapping[str, float] = field(default_factory=dict)
    sources: tuple[str, ...] = ()
    _derived: dict[str, Any] = field(default_factory=dict, init=False, repr=False, compare=False)

    def derived(self, key: str, build: Callable[[RuleSet], _T]) -> _T:
        """A table compiled from this rule set by ``build``, built once and kept with the set.

        Stages that compile their own view of the rules (flags, seniority) call
        this so that a pipeline, which keeps one rule set for every document,
        compiles each view once; a new rule set starts with an empty cache.
        """
        if key not in self._derived:
            self._derived[key] = build(self)
        return cast(_T, self._derived[key])


# ---------------------------------------------------------------------------------------------
# bundled data


def _bundled_headings() -> dict[str, tuple[str, ...]]:
    try:
        from ..sections.headings import bundled_aliases
    except ImportError:  # the sectioner may not be installed in a partial checkout
        return {}
    return {k: tuple(v) for k, v in bundled_aliases().items()}


@functools.lru_cache(maxsize=1)
def _bundled_raw() -> dict[str, Any]:
    """The bundled tables as plain dicts (cached; callers deep-copy before changing them)."""
    raw: dict[str, Any] = {"headings": _bundled_headings(), "lexicons": {}, "fragments": {}, "stack": {},
                           "signals": {}, "context": [], "sources": []}
    for name in data_files("signals"):
        data = data_toml(name)
        raw["sources"].append(f"{DATA_PREFIX}/{name}")
        for key, value in data.get("lexicons", {}).items():
            raw["lexicons"].setdefault(key, [])
            raw["lexicons"][key] = list(raw["lexicons"][key]) + list(value)
        raw["fragments"].update(data.get("fragments", {}))
        for name, spec in data.get("signals", {}).items():
            raw["signals"][name] = spec
    raw["sources"].append(f"{DATA_PREFIX}/stack.toml")
    raw["stack"] = data_toml("stack.toml")["tools"]
    raw["sources"].append(f"{DATA_PREFIX}/context.toml")
    ctx = data_toml("context.toml")
    for kind, key in (("modifier", "modifiers"), ("pseudo", "pseudo"), ("terminate", "terminate")):
        for rule in ctx.get(key, []):
            raw["context"].append({**rule, "kind": kind})
    raw["lexicons"]["sentence_abbreviations"] = list(ctx.get("units", {}).get("abbreviations", []))
    return raw


# ---------------------------------------------------------------------------------------------
# validation


class _Checker:
    """Collects the first problem with its key path; the caller raises one RulesError."""

    def __init__(self, source: str) -> None:
        self.source = source

    def fail(self, key: str, problem: str) -> RulesError:
        return RulesError(f"{self.source}: {key}: {problem}")

    def strings(self, key: str, value: Any, *, allow_ref: bool = False) -> None:
        if allow_ref and isinstance(value, str) and value.startswith("@"):
            return
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
            raise self.fail(key, f"expected a list of non-empty strings, got {_describe(value)}")

    def keys(self, key: str, value: Any, allowed: set[str]) -> None:
        if not isinstance(value, dict):
            raise self.fail(key, f"expected a table, got {_describe(value)}")
        unknown = sorted(set(value) - allowed)
        if unknown:
            raise self.fail(f"{key}.{unknown[0]}" if key else unknown[0],
                            f"unknown key (allowed: {', '.join(sorted(allowed))})")


def _describe(value: Any) -> str:
    return f"{type(value).__name__} {value!r}"[:80]


def _resolve_pattern(pattern: Any, lexicons: Mapping[str, Any], check: _Checker, key: str) -> list[dict[str, Any]]:
    """A Matcher pattern with "@lexicon" references replaced by the lexicon's words."""
    if not isinstance(pattern, list) or not pattern or not all(isinstance(t, dict) for t in pattern):
        raise check.fail(key, f"a pattern is a non-empty list of token tables, got {_describe(pattern)}")

    def sub(value: Any) -> Any:
        if isinstance(value, str) and value.startswith("@"):
            words = lexicons.get(value[1:])
            if not isinstance(words, list):
                raise check.fail(key, f"unknown lexicon {value!r}")
            return list(words)
        if isinstance(value, dict):
            return {k: sub(v) for k, v in value.items()}
        if isinstance(value, list):
            return [sub(v) for v in value]
        return value

    return [sub(tok) for tok in pattern]


_ESCAPE = re.compile(r"\\.|\(\?[A-Za-z-]+[:)]|\[[^\]]*\]")


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


def _check_rule(rule: Any, key: str, check: _Checker, lexicons: Mapping[str, Any], fragments: Mapping[str, str],
                families: set[str], *, veto: bool, signal_rules: set[str] | None = None) -> None:
    check.keys(key, rule, _VETO_KEYS if veto else _RULE_KEYS)
    if not isinstance(rule.get("id"), str) or not rule["id"].strip():
        raise check.fail(f"{key}.id", "every rule needs a string id")
    kinds = [k for k in RULE_KINDS if k in rule]
    if len(kinds) != 1:
        raise check.fail(key, f"a rule needs exactly one of {', '.join(RULE_KINDS)} (found {kinds or 'none'})")
    kind = kinds[0]
    if kind == "pattern":
        resolved = _resolve_pattern(rule["pattern"], lexicons, check, f"{key}.pattern")
        _compile_pattern(resolved, check, f"{key}.pattern")
    elif kind == "phrases":
        value = rule["phrases"]
        if isinstance(value, str) and value.startswith("@"):
            if not isinstance(lexicons.get(value[1:]), list):
                raise check.fail(f"{key}.phrases", f"unknown lexicon {value!r}")
        else:
            check.strings(f"{key}.phrases", value)
    elif kind == "regex":
        if not isinstance(rule["regex"], str) or not rule["regex"]:
            raise check.fail(f"{key}.regex", f"expected a regular expression string, got {_describe(rule['regex'])}")
        try:
            expanded = expand_regex(rule["regex"], fragments, lexicons, lower=rule.get("case") != "exact")
            re.compile(expanded)
            if rule.get("case") != "exact" and uppercase_literal(expanded):
                raise check.fail(f"{key}.regex", "case-insensitive regexes run on lowercased text: write literals "
                                 "in lower case, or set case = \"exact\"")
        except KeyError as exc:
            raise check.fail(f"{key}.regex", f"unknown placeholder <<{exc.args[0]}>>") from None
        except re.error as exc:
            raise check.fail(f"{key}.regex", f"invalid regular expression: {exc}") from None
    else:
        fam = rule["stack_family"]
        if not isinstance(fam, str) or (fam != "*" and fam not in families):
            known = ", ".join(sorted(families))
            raise check.fail(f"{key}.stack_family", f"unknown stack family {fam!r} (known: {known})")
    if "case" in rule and rule["case"] not in ("lower", "exact"):
        raise check.fail(f"{key}.case", f"expected 'lower' or 'exact', got {_describe(rule['case'])}")
    if "requires" in rule:
        _check_words(rule["requires"], f"{key}.requires", check, lexicons)
    if "prefilter" in rule:
        gates = rule["prefilter"] if isinstance(rule["prefilter"], list) else [rule["prefilter"]]
        for gate in gates:
            try:
                re.compile(gate)
            except (re.error, TypeError) as exc:
                raise check.fail(f"{key}.prefilter", f"invalid regular expression: {exc}") from None
    if not isinstance(rule.get("at_unit_start", False), bool):
        raise check.fail(f"{key}.at_unit_start", f"expected true or false, got {_describe(rule['at_unit_start'])}")
    if veto:
        if rule.get("scope", "overlap") not in VETO_SCOPES:
            raise check.fail(f"{key}.scope",
                             f"expected one of {', '.join(VETO_SCOPES)}, got {_describe(rule['scope'])}")
        for wkey in ("window", "window_after"):
            if wkey in rule and (not isinstance(rule[wkey], int) or isinstance(rule[wkey], bool) or rule[wkey] < 0):
                raise check.fail(f"{key}.{wkey}", f"expected a non-negative integer, got {_describe(rule[wkey])}")
        if "unless" in rule:
            _check_words(rule["unless"], f"{key}.unless", check, lexicons)
        if "rules" in rule:
            check.strings(f"{key}.rules", rule["rules"])
            missing = [r for r in rule["rules"] if signal_rules is not None and r not in signal_rules]
            if missing:
                raise check.fail(f"{key}.rules", f"no rule with id {missing[0]!r} in this signal")


def _check_words(value: Any, key: str, check: _Checker, lexicons: Mapping[str, Any]) -> None:
    if isinstance(value, str) and value.startswith("@"):
        if not isinstance(lexicons.get(value[1:]), list):
            raise check.fail(key, f"unknown lexicon {value!r}")
        return
    check.strings(key, value)


@functools.lru_cache(maxsize=1)
def _vocab_matcher() -> Any:
    import spacy
    from spacy.matcher import Matcher

    return Matcher(spacy.blank("en").vocab, validate=True)


def _compile_pattern(pattern: list[dict[str, Any]], check: _Checker, key: str) -> None:
    """Compile a Matcher pattern once, so that a bad one fails at load time with its key."""
    matcher = _vocab_matcher()
    try:
        matcher.add("__check__", [pattern])
    except Exception as exc:  # spaCy raises ValueError / MatchPatternError with a long message
        message = " ".join(str(exc).split())
        raise check.fail(key, f"invalid spaCy Matcher pattern: {message[:300]}") from None
    finally:
        if "__check__" in matcher:
            matcher.remove("__check__")


def _validate(merged: dict[str, Any], check: _Checker) -> None:
    """Validate the whole merged rule set (the pack's errors surface with the pack's name)."""
    lexicons = merged["lexicons"]
    for name, words in lexicons.items():
        check.strings(f"lexicons.{name}", words)
    families = set()
    for canon, tool in merged["stack"].items():
        check.keys(f"stack.{canon}", tool, _TOOL_KEYS)
        if not isinstance(tool.get("family"), str) or not tool["family"]:
            raise check.fail(f"stack.{canon}.family", "every tool needs a family (a string)")
        families.add(tool["family"])
        for k in ("aliases", "exact"):
            if k in tool:
                check.strings(f"stack.{canon}.{k}", tool[k])
        if not tool.get("aliases") and not tool.get("exact"):
            raise check.fail(f"stack.{canon}", "a tool needs at least one alias")
    for name, spec in merged["signals"].items():
        key = f"signals.{name}"
        if not _NAME.match(name):
            raise check.fail(key, "signal names are lower_snake_case")
        check.keys(key, spec, _SIGNAL_KEYS)
        excl = spec.get("exclude_sections", list(DEFAULT_EXCLUDE))
        check.strings(f"{key}.exclude_sections", excl) if excl else None
        bad = [s for s in excl if s not in SECTION_KINDS]
        if bad:
            raise check.fail(f"{key}.exclude_sections", f"unknown section kind {bad[0]!r}")
        ctx = spec.get("context", True)
        if not isinstance(ctx, bool):
            check.strings(f"{key}.context", ctx)
            if any(c not in CATEGORIES for c in ctx):
                raise check.fail(f"{key}.context", f"categories are {', '.join(CATEGORIES)}")
        if "family" in spec and not isinstance(spec["family"], str):
            raise check.fail(f"{key}.family", f"expected a string, got {_describe(spec['family'])}")
        rules = spec.get("rules", [])
        if not isinstance(rules, list) or not rules:
            raise check.fail(f"{key}.rules", "a signal needs a non-empty list of rules")
        ids = set()
        for i, rule in enumerate(rules):
            _check_rule(rule, f"{key}.rules[{i}]", check, lexicons, merged["fragments"], families, veto=False)
            ids.add(rule["id"])
        vetoes = spec.get("vetoes", [])
        if not isinstance(vetoes, list):
            raise check.fail(f"{key}.vetoes", f"expected a list of tables, got {_describe(vetoes)}")
        for i, rule in enumerate(vetoes):
            _check_rule(rule, f"{key}.vetoes[{i}]", check, lexicons, merged["fragments"], families, veto=True,
                        signal_rules=ids)
    for i, rule in enumerate(merged["context"]):
        key = f"context[{i}]" if "id" not in rule else f"context.{rule['id']}"
        check.keys(key, rule, _CTX_KEYS)
        if rule.get("kind", "modifier") not in CONTEXT_KINDS:
            raise check.fail(f"{key}.kind",
                             f"expected one of {', '.join(CONTEXT_KINDS)}, got {_describe(rule['kind'])}")
        if "phrases" not in rule and "pattern" not in rule:
            raise check.fail(key, "a context rule needs phrases or a pattern")
        if "phrases" in rule:
            check.strings(f"{key}.phrases", rule["phrases"])
        if "pattern" in rule:
            _compile_pattern(_resolve_pattern(rule["pattern"], lexicons, check, f"{key}.pattern"), check,
                             f"{key}.pattern")
        if rule.get("kind", "modifier") == "modifier":
            if rule.get("category") not in CATEGORIES:
                raise check.fail(f"{key}.category", f"expected one of {', '.join(CATEGORIES)}, "
                                 f"got {_describe(rule.get('category'))}")
            if rule.get("direction") not in DIRECTIONS:
                raise check.fail(f"{key}.direction", f"expected one of {', '.join(DIRECTIONS)}, "
                                 f"got {_describe(rule.get('direction'))}")
        if "max_scope" in rule and (not isinstance(rule["max_scope"], int) or isinstance(rule["max_scope"], bool)
                                    or rule["max_scope"] < 1):
            raise check.fail(f"{key}.max_scope", f"expected a positive integer, got {_describe(rule['max_scope'])}")
    for kind, aliases in merged["headings"].items():
        if kind not in SECTION_KINDS:
            raise check.fail(f"headings.{kind}", f"unknown section kind (known: {', '.join(SECTION_KINDS)})")
        check.strings(f"headings.{kind}", list(aliases))
    for key, value in merged["weights"].items():
        if key != "padding_penalty" and key not in merged["signals"]:
            raise check.fail(f"weights.{key}", "unknown weight (keys are signal names and padding_penalty)")
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise check.fail(f"weights.{key}", f"expected a number, got {_describe(value)}")


# ---------------------------------------------------------------------------------------------
# merging a user pack


def _read_pack(path: Path) -> dict[str, Any]:
    name = str(path)
    try:
        text = path.read_text("utf-8")
    except OSError as exc:
        raise RulesError(f"{name}: cannot read the rule pack ({exc.strerror or exc})") from None
    if path.suffix.lower() in (".yaml", ".yml"):
        try:
            import yaml
        except ImportError:
            raise RulesError(f"{name}: YAML rule packs need PyYAML: pip install 'resume_signals[yaml]'") from None
        try:
            data = yaml.safe_load(text)
        except yaml.YAMLError as exc:
            raise RulesError(f"{name}: not valid YAML: {' '.join(str(exc).split())}") from None
        data = {} if data is None else data
    else:
        try:
            data = tomllib.loads(text)
        except tomllib.TOMLDecodeError as exc:
            raise RulesError(f"{name}: not valid TOML: {exc}") from None
    if not isinstance(data, dict):
        raise RulesError(f"{name}: a rule pack is a table of sections, got {type(data).__name__}")
    return data


def _merge_pack(merged: dict[str, Any], pack: dict[str, Any], check: _Checker) -> None:
    check.keys("", pack, _TOP_KEYS)
    _merge_headings(merged, pack.get("headings", {}), check)
    _merge_lexicons(merged, pack.get("lexicons", {}), check)
    _merge_stack(merged, pack.get("stack", {}), check)
    _merge_signals(merged, pack.get("signals", {}), check)
    _merge_context(merged, pack.get("context", []), check)
    weights = pack.get("weights", {})
    if not isinstance(weights, dict):
        raise check.fail("weights", f"expected a table, got {_describe(weights)}")
    merged["weights"].update(weights)


def _merge_headings(merged: dict[str, Any], headings: Any, check: _Checker) -> None:
    if not isinstance(headings, dict):
        raise check.fail("headings", f"expected a table, got {_describe(headings)}")
    for kind, aliases in headings.items():
        if kind not in SECTION_KINDS:
            raise check.fail(f"headings.{kind}", f"unknown section kind (known: {', '.join(SECTION_KINDS)})")
        check.strings(f"headings.{kind}", aliases)
        folded = {a.casefold() for a in aliases}
        for other in list(merged["headings"]):
            merged["headings"][other] = tuple(a for a in merged["headings"][other] if a.casefold() not in folded)
        current = merged["headings"].get(kind, ())
        merged["headings"][kind] = tuple(current) + tuple(a for a in aliases if a not in current)


def _merge_lexicons(merged: dict[str, Any], lexicons: Any, check: _Checker) -> None:
    if not isinstance(lexicons, dict):
        raise check.fail("lexicons", f"expected a table, got {_describe(lexicons)}")
    for name, value in lexicons.items():
        key = f"lexicons.{name}"
        mode = "add"
        if isinstance(value, dict):
            check.keys(key, value, {"words", "mode"})
            mode = value.get("mode", "add")
            if mode not in ("add", "replace", "remove"):
                raise check.fail(f"{key}.mode", f"expected add, replace or remove, got {_describe(mode)}")
            value = value.get("words", [])
            key = f"{key}.words"
        check.strings(key, value)
        current = list(merged["lexicons"].get(name, []))
        if mode == "replace":
            merged["lexicons"][name] = list(value)
        elif mode == "remove":
            drop = {w.casefold() for w in value}
            merged["lexicons"][name] = [w for w in current if w.casefold() not in drop]
        else:
            merged["lexicons"][name] = current + [w for w in value if w not in current]


def _merge_stack(merged: dict[str, Any], stack: Any, check: _Checker) -> None:
    if not isinstance(stack, dict):
        raise check.fail("stack", f"expected a table, got {_describe(stack)}")
    for canon, tool in stack.items():
        key = f"stack.{canon}"
        check.keys(key, tool, _TOOL_KEYS)
        mode = tool.get("mode", "add")
        if mode not in ("add", "replace"):
            raise check.fail(f"{key}.mode", f"expected add or replace, got {_describe(mode)}")
        for k in ("aliases", "exact"):
            if k in tool:
                check.strings(f"{key}.{k}", tool[k])
        current = merged["stack"].get(canon)
        if current is None or mode == "replace":
            merged["stack"][canon] = {k: v for k, v in tool.items() if k != "mode"}
            if current is not None and "family" not in tool:
                merged["stack"][canon]["family"] = current["family"]
            continue
        for k in ("aliases", "exact"):
            if k in tool:
                current[k] = list(current.get(k, [])) + [a for a in tool[k] if a not in current.get(k, [])]
        if "family" in tool:
            current["family"] = tool["family"]


def _merge_signals(merged: dict[str, Any], signals: Any, check: _Checker) -> None:
    if not isinstance(signals, dict):
        raise check.fail("signals", f"expected a table, got {_describe(signals)}")
    for name, spec in signals.items():
        key = f"signals.{name}"
        check.keys(key, spec, _SIGNAL_KEYS)
        current = merged["signals"].get(name)
        if current is None:
            merged["signals"][name] = dict(spec)
            merged["signals"][name].setdefault("family", "generic")
            continue
        for k in ("family", "description", "exclude_sections", "context"):
            if k in spec:
                current[k] = spec[k]
        for k in ("rules", "vetoes"):
            if k not in spec:
                continue
            if not isinstance(spec[k], list) or not all(isinstance(r, dict) for r in spec[k]):
                raise check.fail(f"{key}.{k}", f"expected a list of tables, got {_describe(spec[k])}")
            existing = list(current.get(k, []))
            for rule in spec[k]:
                idx = next((i for i, r in enumerate(existing) if r.get("id") == rule.get("id")), None)
                if idx is None:
                    existing.append(rule)
                else:
                    existing[idx] = rule
            current[k] = existing


def _merge_context(merged: dict[str, Any], context: Any, check: _Checker) -> None:
    if not isinstance(context, list) or not all(isinstance(r, dict) for r in context):
        raise check.fail("context", f"expected an array of tables ([[context]]), got {_describe(context)}")
    rules = merged["context"]
    for i, rule in enumerate(context):
        check.keys(f"context[{i}]", rule, _CTX_KEYS)
        if not isinstance(rule.get("id"), str):
            raise check.fail(f"context[{i}].id", "every context rule needs a string id")
        idx = next((j for j, r in enumerate(rules) if r.get("id") == rule["id"]), None)
        if rule.get("enabled", True) is False:
            if idx is None:
                raise check.fail(f"context[{i}].enabled", f"no bundled context rule {rule['id']!r} to disable")
            rules.pop(idx)
            continue
        new = {k: v for k, v in rule.items() if k != "enabled"}
        new.setdefault("kind", "modifier")
        if idx is None:
            rules.append(new)
        else:
            rules[idx] = new


# ---------------------------------------------------------------------------------------------


def _freeze(merged: dict[str, Any]) -> RuleSet:
    lexicons = dict(merged["lexicons"])
    lexicons["stack"] = merged["stack"]
    lexicons["regex_fragments"] = merged["fragments"]
    return RuleSet(headings={k: tuple(v) for k, v in merged["headings"].items()},
                   signals=merged["signals"], context=tuple(merged["context"]), lexicons=lexicons,
                   weights=dict(merged["weights"]), sources=tuple(merged["sources"]))


def load_rules(extra: str | Path | None = None) -> RuleSet:
    """The bundled rules, with the user pack at ``extra`` merged on top when given.

    Raises `RulesError` (one message naming the file, the key path and the
    problem) when the pack is unreadable, has an unknown key, a bad pattern or
    regex, or a value of the wrong type; the bundled rules are never changed.
    """
    merged = copy.deepcopy(_bundled_raw())
    merged["weights"] = {}
    if extra is None:
        return _bundled_ruleset()
    path = Path(extra)
    check = _Checker(str(path))
    pack = _read_pack(path)
    _merge_pack(merged, pack, check)
    merged["sources"] = list(merged["sources"]) + [str(path)]
    _validate(merged, check)
    return _freeze(merged)


@functools.lru_cache(maxsize=1)
def _bundled_ruleset() -> RuleSet:
    """The bundled rules, validated once per version of the data: the result is cached on disk.

    Validation compiles every pattern and regex (most of a cold start); the bundled files only change
    with the package, so the frozen set is pickled under a name holding the data's hash.
    """
    name = f"rules-{data_digest()}.pickle"
    for folder in cache_dirs():
        try:
            cached = pickle.loads((folder / name).read_bytes())
        except Exception:  # absent, unreadable or from another Python: rebuild
            continue
        if isinstance(cached, RuleSet):
            return cached
    merged = copy.deepcopy(_bundled_raw())
    merged["weights"] = {}
    _validate(merged, _Checker(DATA_PREFIX))
    rules = _freeze(merged)
    blob = pickle.dumps(rules, protocol=pickle.HIGHEST_PROTOCOL)
    for folder in cache_dirs():
        try:
            folder.mkdir(parents=True, exist_ok=True)
            tmp = folder / f"{name}.{os.getpid()}.tmp"
            tmp.write_bytes(blob)
            os.replace(tmp, folder / name)  # atomic: a concurrent reader sees the whole file or none
            break
        except OSError:  # a read-only install: try the user's cache folder
            continue
    return rules


def words(value: str | Iterable[str], lexicons: Mapping[str, Any]) -> list[str]:
    """A word list given inline or as an "@lexicon" reference."""
    if isinstance(value, str):
        return list(lexicons.get(value[1:], [])) if value.startswith("@") else [value]
    return list(value)
