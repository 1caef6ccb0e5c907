"""Typed rule specs: built from dicts, every mistake of a pack reported at once with its key path."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from resume_signals.errors import RulesError
from resume_signals.spec.rules import load_rules
from resume_signals.spec.specs import ContextRule, Rule, SignalSpec, Veto

FIVE_MISTAKES = """
    [signals.team_size]
    family = "teem"

    [[signals.shipped.rules]]
    id = "shipped.bad_regex"
    regex = "(unclosed"

    [[signals.shipped.vetoes]]
    id = "shipped.bad_scope"
    phrases = ["shipped goods"]
    scope = "everywhere"

    [stack.Zookeeper]
    aliases = ["zookeeper"]

    [weights]
    shippped = 2.0
"""


def _pack(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "pack.toml"
    path.write_text(textwrap.dedent(body), encoding="utf-8")
    return path


def test_specs_pack_with_five_mistakes_lists_all_five(tmp_path: Path) -> None:
    pack = _pack(tmp_path, FIVE_MISTAKES)
    with pytest.raises(RulesError) as err:
        load_rules(pack)
    keys = [p.key for p in err.value.problems]
    n_shipped = len(load_rules().signals["shipped"].rules)
    n_vetoes = len(load_rules().signals["shipped"].vetoes)
    assert sorted(keys) == sorted([
        "signals.team_size.family",
        f"signals.shipped.rules[{n_shipped}].regex",
        f"signals.shipped.vetoes[{n_vetoes}].scope",
        "stack.Zookeeper.family",
        "weights.shippped",
    ])
    message = str(err.value)
    assert message.startswith(f"{pack}: 5 problems:")
    assert all(key in message for key in keys)
    assert "unknown family 'teem'" in message


def test_specs_one_mistake_reads_as_one_line(tmp_path: Path) -> None:
    with pytest.raises(RulesError) as err:
        load_rules(_pack(tmp_path, '[signals.team_size]\nfamily = "teem"\n'))
    assert str(err.value).count("\n") == 0
    assert [p.key for p in err.value.problems] == ["signals.team_size.family"]


def test_specs_bundled_signals_are_typed() -> None:
    rules = load_rules()
    team = rules.signals["team_size"]
    assert isinstance(team, SignalSpec) and team.family == "team"
    assert all(isinstance(r, Rule) and r.signal == "team_size" for r in team.rules)
    assert all(isinstance(v, Veto) for s in rules.signals.values() for v in s.vetoes)
    assert rules.signals["production_stack"].exclude_sections == frozenset({"contact", "references", "interests"})
    assert rules.signals["team_size"].exclude_sections == frozenset({"skills"})  # the default
    assert rules.signals["shipped"].exclude_sections == frozenset({"skills"})
    # a title tells of the author's own act only in the first person ("how we shipped ...")
    assert rules.signals["shipped"].first_person_sections == frozenset({"publications"})
    assert rules.signals["team_size"].first_person_sections == frozenset()
    assert hash(rules.flags) == hash(load_rules().flags)  # hashable: stages cache what they compile by value


def test_specs_regex_is_expanded_at_build_time() -> None:
    rules = [r for s in load_rules().signals.values() for r in s.rules if r.kind == "regex"]
    assert rules and not any("<<" in r.regex for r in rules)


@pytest.mark.parametrize("kwargs", [
    {"id": "x", "kind": "sometimes"},
    {"id": "x", "kind": "modifier", "category": "MAYBE", "direction": "forward"},
    {"id": "x", "kind": "modifier", "category": "FUTURE", "direction": "sideways"},
    {"id": "x", "kind": "modifier", "category": "FUTURE", "direction": "forward", "max_scope": 0},
])
def test_specs_context_rule_validates_itself(kwargs: dict) -> None:
    with pytest.raises(ValueError):
        ContextRule(**kwargs)


def test_specs_context_rule_valid() -> None:
    assert ContextRule("t", "terminate").direction == "forward"


def test_specs_pack_changes_entry_tables(tmp_path: Path) -> None:
    rules = load_rules(_pack(tmp_path, '[entries.title]\nwords = ["wrangler"]\n'))
    assert rules.entries.titles == ("wrangler",)
    assert "engineer" in load_rules().entries.titles


@pytest.mark.parametrize("body, key", [
    ('[entries.title]\nwords = "wrangler"\n', "entries.title.words"),
    ("[seniority.years]\nsenior = \"six\"\n", "seniority.years.senior"),
    ("[flags.padding]\nmin_distinkt = 5\n", "flags.padding.min_distinkt"),
    ("[flags.padding]\nmax_context = [1, 0]\n", "flags.padding.max_context"),
    ("[seniority.summary]\nyears_pattern = '(('\n", "seniority.summary.years_pattern"),
])
def test_specs_table_overlay_mistakes(tmp_path: Path, body: str, key: str) -> None:
    with pytest.raises(RulesError) as err:
        load_rules(_pack(tmp_path, body))
    assert [p.key for p in err.value.problems] == [key]


def test_specs_pack_entry_tables_reach_the_entry_finder(tmp_path: Path) -> None:
    """A title word added by a pack tells the entry finder which part of a header is the job title."""
    from resume_signals.document import LineDraft, assemble
    from resume_signals.sections import find_entries, find_sections

    lines = ["EXPERIENCE", "Zorblax, Wrangler (2019 - 2021)", "• Shipped a ranking model"]
    doc = assemble([LineDraft(t, bullet=t.startswith("•")) for t in lines], "txt")

    def title_org(rules):
        return [(e.title, e.organization) for e in find_entries(doc, find_sections(doc, rules), rules)]

    bundled = load_rules()
    words = [*bundled.entries.titles, "wrangler"]
    pack = load_rules(_pack(tmp_path, f"[entries.title]\nwords = {words!r}\n".replace("'", '"')))
    assert title_org(bundled) == [("Zorblax", "Wrangler")]  # an unknown word: the first part is taken as title
    assert title_org(pack) == [("Wrangler", "Zorblax")]
