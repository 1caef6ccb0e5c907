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
    For a bundled signal: ``exclude_sections``, ``first_person_sections`` (sections
    where a unit counts only when it speaks in the first person: "how we rolled back ..."
    in a talk's title), ``context``, ``description``, and ``rules`` / ``vetoes`` arrays
    whose entries are added, or replace the bundled rule with the same ``id``. For a new name: a new signal, which
    needs at least one rule. A rule has an ``id`` and exactly one of
    ``pattern`` (a spaCy Matcher token pattern; ``{IN = "@lexicon"}`` refers to
    a word list), ``phrases`` (a list, or ``"@lexicon"``), ``regex`` (Python
    syntax, case-insensitive unless ``case = "exact"``; ``<<name>>`` inserts a
    fragment or a lexicon alternation) or ``stack_family`` (a family of
    ``stack.toml``, or ``"*"``). Optional: ``case`` (phrases: ``"lower"`` or
    ``"exact"``), ``requires`` (a word list or ``"@lexicon"``, or a list
    mixing words and ``"@lexicon"`` names: the unit must contain one of
    these words), ``at_unit_start`` (true: the match must open
    the bullet or sentence, or follow a short "Label:" or the lead-in words
    of ``context.toml`` ``[units]``, for present-tense resume verbs), ``prefilter`` (a
    cheap regex, or a list of them, that the lowercased unit must all contain
    before a costly ``regex`` rule runs, e.g. ``['\\d', '%']`` for rules about
    percentages; each gate is tested once per unit). Vetoes take the same fields plus ``scope``
    (``"overlap"``, ``"unit"``, ``"near"``, or ``"entry"``: the unit or the title of its job or project entry, for a
    ``regex`` veto such as coursework under "Capstone project"), ``window`` and ``window_after``
    (characters before and after the match, for ``near``), ``unless`` (words that disable the veto) and
    ``rules`` (rule ids it applies to; all when absent).

``[[context]]``
    A ConText rule: ``id``, ``kind`` (``"modifier"``, ``"pseudo"``,
    ``"terminate"``; default modifier), ``category`` (FUTURE, WISH, NEGATION,
    HYPOTHETICAL, OTHERS; modifiers only), ``direction`` (forward, backward,
    bidirectional), ``phrases`` and/or ``pattern``, optional ``max_scope``
    (tokens). A rule with a bundled id replaces it; ``enabled = false``
    removes it.

``[weights]``
    ``key = number``: keys are signal names (bundled or defined in the pack)
    and ``padding_penalty``.

``[flags]``, ``[architectures]``, ``[seniority]``, ``[entries]``
    Values laid over the bundled ``flags.toml``, ``architectures.toml``,
    ``seniority.toml`` and ``entries.toml``: a key must exist in the bundled
    table and keep its type (a word list replaces the list); a new table in
    ``[architectures]`` adds a family. ``[lexicons] architectures = [...]``
    (each name a family of its own) and ``past_tense = [...]`` (irregular past
    forms) are kept as shorthands.

Every mistake in a pack is reported at once: one `RulesError` whose
``problems`` list each key path and what is wrong with it.

See ``resume_signals/spec/data/example_rules.toml`` for a complete example.
"""

from __future__ import annotations

import copy
import functools
import os
import pickle
import tomllib
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from ..errors import RulesError
from .data import DATA_PREFIX, cache_dirs, data_digest, data_files, data_toml
from .specs import (
    CONTEXT_KEYS,
    SECTION_KINDS,
    SIGNAL_KEYS,
    TOOL_KEYS,
    Problems,
    RuleSet,
    build_specs,
    describe,
    expand_regex,
    uppercase_literal,
)

__all__ = ["RuleSet", "expand_regex", "load_rules", "uppercase_literal"]

_TOP_KEYS = {"headings", "lexicons", "stack", "signals", "context", "weights", "flags", "architectures",
             "seniority", "entries", "ml"}
#: Bundled tables a pack may lay values over, by pack key -> bundled file.
_TABLE_FILES = {"flags": "flags.toml", "architectures": "architectures.toml", "seniority": "seniority.toml",
                "entries": "entries.toml", "ml": "ml.toml"}


# ---------------------------------------------------------------------------------------------
# bundled data


@functools.lru_cache(maxsize=1)
def _bundled_raw() -> dict[str, Any]:
    """The bundled tables as plain dicts (cached; callers deep-copy before changing them)."""
    aliases = data_toml("headings.toml")["aliases"]
    raw: dict[str, Any] = {"headings": {kind: tuple(str(a) for a in names) for kind, names in aliases.items()},
                           "lexicons": {}, "fragments": {}, "stack": {}, "signals": {}, "context": [],
                           "sources": [f"{DATA_PREFIX}/headings.toml"], "weights": {},
                           "tables": {key: data_toml(name) for key, name in _TABLE_FILES.items()}}
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
    raw["lexicons"]["act_lead_ins"] = list(ctx.get("units", {}).get("lead_ins", []))
    raw["lexicons"]["first_person"] = list(ctx.get("units", {}).get("first_person", []))
    raw["sources"] += [f"{DATA_PREFIX}/{name}" for name in _TABLE_FILES.values()]
    return raw


def bundled_families() -> frozenset[str]:
    """The family names the bundled signals declare: with `detect.families.HOOKS`, every name a pack may use."""
    return frozenset(str(spec["family"]) for spec in _bundled_raw()["signals"].values() if "family" in spec)


# ---------------------------------------------------------------------------------------------
# merging a user pack: every problem is recorded, the rest of the pack still checked


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


def _merge_pack(merged: dict[str, Any], pack: dict[str, Any], p: Problems) -> None:
    p.keys("", pack, _TOP_KEYS)
    _merge_headings(merged, pack.get("headings", {}), p)
    _merge_lexicons(merged, pack.get("lexicons", {}), p)
    _merge_stack(merged, pack.get("stack", {}), p)
    _merge_signals(merged, pack.get("signals", {}), p)
    _merge_context(merged, pack.get("context", []), p)
    for key in _TABLE_FILES:
        if key in pack:
            _overlay(merged["tables"], key, pack[key], key, p, new_tables=key == "architectures")
    weights = pack.get("weights", {})
    if isinstance(weights, dict):
        merged["weights"].update(weights)
    else:
        p.add("weights", f"expected a table, got {describe(weights)}")


def _table(p: Problems, key: str, value: Any) -> bool:
    if not isinstance(value, dict):
        p.add(key, f"expected a table, got {describe(value)}")
        return False
    return True


def _overlay(base: dict[str, Any], name: str, value: Any, key: str, p: Problems, *, new_tables: bool = False
             ) -> None:
    """Lay a pack's value over ``base[name]``: same keys, same types (a list replaces a list)."""
    current = base.get(name)
    if isinstance(current, dict):
        if not _table(p, key, value):
            return
        for k, v in value.items():
            if k not in current and not (new_tables and isinstance(v, dict)):
                p.add(f"{key}.{k}", f"unknown key (known: {', '.join(sorted(current))})")
            elif k not in current:
                current[k] = v
            else:
                _overlay(current, k, v, f"{key}.{k}", p)
    elif isinstance(current, list):
        if all(isinstance(x, str) for x in current):
            if p.strings(key, value):
                base[name] = list(value)
        elif isinstance(value, list):
            base[name] = list(value)
        else:
            p.add(key, f"expected a list, got {describe(value)}")
    elif isinstance(current, bool) or not isinstance(current, int | float):
        if type(value) is not type(current):
            p.add(key, f"expected {type(current).__name__}, got {describe(value)}")
        else:
            base[name] = value
    elif isinstance(value, bool) or not isinstance(value, int | float):
        p.add(key, f"expected a number, got {describe(value)}")
    else:
        base[name] = value


def _merge_headings(merged: dict[str, Any], headings: Any, p: Problems) -> None:
    if not _table(p, "headings", headings):
        return
    for kind, aliases in headings.items():
        if kind not in SECTION_KINDS:
            p.add(f"headings.{kind}", f"unknown section kind (known: {', '.join(SECTION_KINDS)})")
            continue
        if not p.strings(f"headings.{kind}", aliases):
            continue
        folded = {a.casefold() for a in aliases}
        for other in list(merged["headings"]):
            merged["headings"][other] = tuple(a for a in merged["headings"][other] if a.casefold() not in folded)
        current = merged["headings"].get(kind, ())
        merged["headings"][kind] = tuple(current) + tuple(a for a in aliases if a not in current)


def _merge_lexicons(merged: dict[str, Any], lexicons: Any, p: Problems) -> None:
    if not _table(p, "lexicons", lexicons):
        return
    for name, value in lexicons.items():
        key = f"lexicons.{name}"
        mode = "add"
        if isinstance(value, dict):
            p.keys(key, value, {"words", "mode"})
            mode = value.get("mode", "add")
            if mode not in ("add", "replace", "remove"):
                p.add(f"{key}.mode", f"expected add, replace or remove, got {describe(mode)}")
                continue
            value = value.get("words", [])
            key = f"{key}.words"
        if not p.strings(key, value):
            continue
        current = list(merged["lexicons"].get(name, []))
        if mode == "replace":
            merged["lexicons"][name] = list(value)
        elif mode == "remove":
            drop = {w.casefold() for w in value}
            merged["lexicons"][name] = [w for w in current if w.casefold() not in drop]
        else:
            merged["lexicons"][name] = current + [w for w in value if w not in current]


def _merge_stack(merged: dict[str, Any], stack: Any, p: Problems) -> None:
    if not _table(p, "stack", stack):
        return
    for canon, tool in stack.items():
        key = f"stack.{canon}"
        if not p.keys(key, tool, TOOL_KEYS):
            continue
        mode = tool.get("mode", "add")
        if mode not in ("add", "replace"):
            p.add(f"{key}.mode", f"expected add or replace, got {describe(mode)}")
            continue
        current = merged["stack"].get(canon)
        if current is None or mode == "replace":
            merged["stack"][canon] = {k: v for k, v in tool.items() if k != "mode"}
            if current is not None and "family" not in tool:
                merged["stack"][canon]["family"] = current["family"]
            continue
        for k in ("aliases", "exact"):
            if k in tool and p.strings(f"{key}.{k}", tool[k]):
                current[k] = list(current.get(k, [])) + [a for a in tool[k] if a not in current.get(k, [])]
        if "family" in tool:
            current["family"] = tool["family"]


def _merge_signals(merged: dict[str, Any], signals: Any, p: Problems) -> None:
    if not _table(p, "signals", signals):
        return
    for name, spec in signals.items():
        key = f"signals.{name}"
        if not p.keys(key, spec, SIGNAL_KEYS):
            continue
        current = merged["signals"].get(name)
        if current is None:
            merged["signals"][name] = dict(spec)
            merged["signals"][name].setdefault("family", "generic")
            continue
        for k in ("family", "description", "exclude_sections", "first_person_sections", "context"):
            if k in spec:
                current[k] = spec[k]
        for k in ("rules", "vetoes"):
            if k not in spec:
                continue
            if not isinstance(spec[k], list) or not all(isinstance(r, dict) for r in spec[k]):
                p.add(f"{key}.{k}", f"expected a list of tables, got {describe(spec[k])}")
                continue
            existing = list(current.get(k, []))
            for rule in spec[k]:
                idx = next((i for i, r in enumerate(existing) if r.get("id") == rule.get("id")), None)
                if idx is None:
                    existing.append(rule)
                else:
                    existing[idx] = rule
            current[k] = existing


def _merge_context(merged: dict[str, Any], context: Any, p: Problems) -> None:
    if not isinstance(context, list) or not all(isinstance(r, dict) for r in context):
        p.add("context", f"expected an array of tables ([[context]]), got {describe(context)}")
        return
    rules = merged["context"]
    for i, rule in enumerate(context):
        if not p.keys(f"context[{i}]", rule, CONTEXT_KEYS):
            continue
        if not isinstance(rule.get("id"), str):
            p.add(f"context[{i}].id", "every context rule needs a string id")
            continue
        idx = next((j for j, r in enumerate(rules) if r.get("id") == rule["id"]), None)
        if rule.get("enabled", True) is False:
            if idx is None:
                p.add(f"context[{i}].enabled", f"no bundled context rule {rule['id']!r} to disable")
            else:
                rules.pop(idx)
            continue
        new = {k: v for k, v in rule.items() if k != "enabled"}
        new.setdefault("kind", "modifier")
        if idx is None:
            rules.append(new)
        else:
            rules[idx] = new


def _pack_shorthands(merged: dict[str, Any], pack_lexicons: Mapping[str, Any]) -> None:
    """``lexicons.architectures`` (each name its own family) and ``lexicons.past_tense`` (irregular past forms)."""
    archs = pack_lexicons.get("architectures")
    if isinstance(archs, list):
        for i, n in enumerate(merged["lexicons"].get("architectures", [])):
            merged["tables"]["architectures"][f"pack_{i}"] = {"name": str(n), "aliases": [str(n)]}
    verbs = pack_lexicons.get("past_tense")
    if isinstance(verbs, list):
        acts = merged["tables"]["flags"].setdefault("acts", {})
        acts["irregular"] = [*acts.get("irregular", []), *map(str, merged["lexicons"].get("past_tense", []))]


# ---------------------------------------------------------------------------------------------


def _build(merged: dict[str, Any], problems: Problems) -> RuleSet:
    """The typed rule set of a merged table, or one `RulesError` listing every problem (the merge's too)."""
    rules = build_specs(merged, problems, bundled_families())
    problems.raise_if_any()
    assert rules is not None
    return rules


def load_rules(extra: str | Path | None = None) -> RuleSet:
    """The bundled rules, with the user pack at ``extra`` merged on top when given.

    Raises one `RulesError` listing every problem (file, key path, what is
    wrong) when the pack is unreadable, has unknown keys, bad patterns or
    regexes, or values of the wrong type; the bundled rules are never changed.
    """
    if extra is None:
        return _bundled_ruleset()
    path = Path(extra)
    pack = _read_pack(path)
    merged = copy.deepcopy(_bundled_raw())
    problems = Problems(str(path))
    _merge_pack(merged, pack, problems)
    lexicons = pack.get("lexicons")
    _pack_shorthands(merged, lexicons if isinstance(lexicons, dict) else {})
    merged["sources"] = list(merged["sources"]) + [str(path)]
    return _build(merged, problems)


def _code_digest() -> str:
    """A hash of the package's code and the Python version: a pickle is only as valid as the classes it holds,
    so a changed module (a new spec field, in a development checkout) must not load an old set."""
    import hashlib
    import sys

    digest = hashlib.sha256(sys.version.encode())
    package = Path(__file__).resolve().parents[1]
    for path in sorted(package.rglob("*.py")):
        digest.update(str(path.relative_to(package)).encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()[:16]


@functools.lru_cache(maxsize=1)
def _bundled_ruleset() -> RuleSet:
    """The bundled rules, validated once per version of the data: the result is cached on disk.

    Validation compiles every pattern and regex (most of a cold start); the bundled files only change
    with the package, so the frozen set is pickled under a name holding the data's hash.
    """
    name = f"rules-{data_digest()}-{_code_digest()}.pickle"
    for folder in cache_dirs():
        try:
            cached = pickle.loads((folder / name).read_bytes())
        except Exception:  # absent, unreadable or from another Python: rebuild
            continue
        if isinstance(cached, RuleSet):
            return cached
    rules = _build(copy.deepcopy(_bundled_raw()), Problems(DATA_PREFIX))
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

