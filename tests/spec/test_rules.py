"""load_rules: bundled data, user packs (TOML/YAML) merged whole or rejected whole with file + key."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from resume_signals.detect import Detector
from resume_signals.document import LineDraft, assemble
from resume_signals.errors import RulesError
from resume_signals.report import Section
from resume_signals.spec.rules import load_rules, uppercase_literal

EXAMPLE = Path(__file__).resolve().parents[2] / "resume_signals" / "spec" / "data" / "example_rules.toml"
BUNDLED_SIGNALS = {"shipped", "deployed", "monitoring", "rollback", "ab_testing", "post_launch_iteration",
                   "outcome_metric", "offline_metric", "competition", "team_size", "ownership", "production_stack",
                   "versioning"}


def _pack(tmp_path: Path, body: str, name: str = "pack.toml") -> Path:
    path = tmp_path / name
    path.write_text(textwrap.dedent(body), encoding="utf-8")
    return path


def _signals(rules, text: str, section: str = "experience") -> dict:
    doc = assemble([LineDraft("• " + text, bullet=True)], "txt")
    return {s.name: s for s in Detector(rules).detect(doc, [Section(section, None, 0, len(doc.text))], [])}


def test_rules_bundled_has_every_signal_and_context():
    rules = load_rules()
    assert set(rules.signals) == BUNDLED_SIGNALS
    assert {r.kind for r in rules.context} == {"modifier", "pseudo", "terminate"}
    assert rules.tools["Kubernetes"].family == "orchestration"
    assert rules.weights == {}
    assert any(s.endswith("stack.toml") for s in rules.sources)


def test_rules_bundled_headings_come_from_the_sectioner():
    from resume_signals.sections.headings import bundled_aliases

    assert dict(load_rules().headings) == {k: tuple(v) for k, v in bundled_aliases().items()}


def test_rules_example_pack_loads_and_applies():
    rules = load_rules(EXAMPLE)
    assert "internal_platform" in rules.signals
    assert "Tours of Duty" in rules.headings["experience"]
    assert rules.weights == {"internal_platform": 2.0, "shipped": 6.0, "padding_penalty": 10.0}
    assert str(EXAMPLE) in rules.sources
    got = _signals(rules, "Onboarded 12 teams to Atlas Deploy on Nomad; graduated to GA in May")
    assert got["internal_platform"].rule in ("internal_platform.onboarded", "internal_platform.name")
    assert got["production_stack"].value == ("Nomad",)
    assert got["deployed"].rule == "deployed.graduated"
    assert "future.roadmap" in {r.id for r in rules.context}


def test_rules_pack_adds_a_phrase_to_a_bundled_signal(tmp_path):
    assert "rollback" not in _signals(load_rules(), "Added a big red button to the recommender")
    pack = _pack(tmp_path, """
        [[signals.rollback.rules]]
        id = "rollback.big_red_button"
        phrases = ["big red button"]
    """)
    got = _signals(load_rules(pack), "Added a big red button to the recommender")
    assert got["rollback"].rule == "rollback.big_red_button"


def test_rules_pack_adds_stack_alias(tmp_path):
    pack = _pack(tmp_path, """
        [stack.Kubernetes]
        aliases = ["kube"]
    """)
    assert _signals(load_rules(pack), "kube, Docker", "skills")["production_stack"].value == ("Kubernetes", "Docker")
    assert "kube" not in load_rules().tools["Kubernetes"].aliases  # bundled rules untouched


def test_rules_pack_overrides_heading_alias(tmp_path):
    bundled = load_rules().headings
    alias = bundled["projects"][0]
    pack = _pack(tmp_path, f"""
        [headings]
        experience = ["{alias}"]
    """)
    rules = load_rules(pack)
    assert alias in rules.headings["experience"]
    assert alias not in rules.headings["projects"]
    assert alias in load_rules().headings["projects"]


def test_rules_pack_defines_new_signal_with_pattern(tmp_path):
    pack = _pack(tmp_path, """
        [signals.gpu_fleet]
        [[signals.gpu_fleet.rules]]
        id = "gpu_fleet.size"
        pattern = [{LIKE_NUM = true}, {LOWER = {IN = ["gpus", "a100s", "h100s"]}}]

        [weights]
        gpu_fleet = 1.5
    """)
    rules = load_rules(pack)
    got = _signals(rules, "Scheduled training on 512 H100s")
    assert got["gpu_fleet"].match == "512 H100s"
    assert "gpu_fleet" not in _signals(rules, "Scheduled training on 512 H100s", "skills")  # default: not skills


def test_rules_pack_context_rule_and_disable(tmp_path):
    text = "Piloting canary releases for the ranker"
    assert "rollback" in _signals(load_rules(), text)
    pack = _pack(tmp_path, """
        [[context]]
        id = "future.piloting"
        category = "FUTURE"
        direction = "forward"
        phrases = ["piloting"]

        [[context]]
        id = "negation.forward"
        enabled = false
    """)
    rules = load_rules(pack)
    assert "rollback" not in _signals(rules, text)
    assert "deployed" in _signals(rules, "The model was not deployed")


def test_rules_yaml_pack(tmp_path):
    pytest.importorskip("yaml")
    pack = _pack(tmp_path, """
        lexicons:
          physical_goods: [widgets]
        weights:
          shipped: 3
    """, "pack.yaml")
    rules = load_rules(pack)
    assert "widgets" in rules.lexicons["physical_goods"]
    assert "shipped" not in _signals(rules, "Shipped widgets to retailers")


INVALID = [
    ("unknown top-level key", "[signal]\nshipped = 1\n", "signal"),
    ("unknown signal key", "[signals.shipped]\npatterns = []\n", "signals.shipped.patterns"),
    ("bad Matcher pattern", '[[signals.shipped.rules]]\nid = "x"\npattern = [{LOWERR = "a"}]\n',
     "signals.shipped.rules[1].pattern"),
    ("bad operator", '[[signals.shipped.rules]]\nid = "x"\npattern = [{LOWER = "a", OP = "%"}]\n',
     "signals.shipped.rules[1].pattern"),
    ("bad regex", '[[signals.shipped.rules]]\nid = "x"\nregex = "(unclosed"\n', "signals.shipped.rules[1].regex"),
    ("upper-case literal in a case-insensitive regex", '[[signals.shipped.rules]]\nid = "x"\nregex = "AUC"\n',
     "signals.shipped.rules[1].regex"),
    ("two rule kinds", '[[signals.shipped.rules]]\nid = "x"\nphrases = ["a"]\nregex = "a"\n',
     "signals.shipped.rules[1]"),
    ("phrases not a list", '[[signals.shipped.rules]]\nid = "x"\nphrases = "a"\n',
     "signals.shipped.rules[1].phrases"),
    ("unknown lexicon", '[[signals.shipped.rules]]\nid = "x"\nphrases = "@nope"\n', "signals.shipped.rules[1].phrases"),
    ("weight not a number", '[weights]\nshipped = "high"\n', "weights.shipped"),
    ("unknown weight", "[weights]\nshippped = 2.0\n", "weights.shippped"),
    ("unknown section kind", '[headings]\nhobbies = ["Fun"]\n', "headings.hobbies"),
    ("context category", '[[context]]\nid = "x"\ncategory = "MAYBE"\ndirection = "forward"\nphrases = ["x"]\n',
     "context.x.category"),
    ("context direction", '[[context]]\nid = "x"\ncategory = "FUTURE"\ndirection = "sideways"\nphrases = ["x"]\n',
     "context.x.direction"),
    ("new signal without rules", "[signals.empty]\ndescription = 'nothing'\n", "signals.empty.rules"),
    ("stack tool without family", '[stack.Zookeeper]\naliases = ["zookeeper"]\n', "stack.Zookeeper.family"),
    ("alias not a string", "[stack.Docker]\naliases = [1, 2]\n", "stack.Docker.aliases"),
    ("lexicon with a number", "[lexicons]\nnew_words = [1, 2]\n", "lexicons.new_words"),
    ("lexicon mode", '[lexicons]\nnew_words = {words = ["a"], mode = "merge"}\n', "lexicons.new_words.mode"),
    ("exclude an unknown section", '[signals.shipped]\nexclude_sections = ["hobbies"]\n',
     "signals.shipped.exclude_sections"),
    ("unknown family", '[signals.team_size]\nfamily = "teem"\n', "signals.team_size.family"),
    ("an id used twice", '[[signals.shipped.vetoes]]\nid = "shipped.past_tense"\nphrases = ["zz"]\n',
     "signals.shipped"),
    ("an entry-scoped veto without a regex", '[[signals.shipped.vetoes]]\nid = "shipped.zz"\nphrases = ["zz"]\n'
     'scope = "entry"\n', "signals.shipped.vetoes"),
    ("not TOML", "[[signals\n", "not valid TOML"),
]


@pytest.mark.parametrize("what,body,key", INVALID, ids=[w for w, _, _ in INVALID])
def test_rules_invalid_pack_is_rejected_whole(tmp_path, what, body, key):
    # every invalid pack also carries a valid change; none of it may leak into later loads
    prefix = '[lexicons]\nphysical_goods = ["zzwidgets"]\n\n' if "[lexicons]" not in body else ""
    pack = _pack(tmp_path, prefix + body)
    with pytest.raises(RulesError) as err:
        load_rules(pack)
    message = str(err.value)
    assert str(pack) in message
    assert key in message
    assert "zzwidgets" not in load_rules().lexicons["physical_goods"]
    assert "Zookeeper" not in load_rules().tools


def test_rules_missing_pack_file(tmp_path):
    with pytest.raises(RulesError, match="cannot read"):
        load_rules(tmp_path / "absent.toml")


def test_rules_yaml_without_pyyaml(tmp_path, monkeypatch):
    import builtins

    real = builtins.__import__

    def fake(name, *args, **kwargs):
        if name == "yaml":
            raise ImportError("no yaml")
        return real(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", fake)
    pack = _pack(tmp_path, "weights: {shipped: 2}\n", "pack.yml")
    with pytest.raises(RulesError, match=r"resume_signals\[yaml\]"):
        load_rules(pack)


@pytest.mark.parametrize("regex,upper", [(r"\d+ ms", False), (r"(?i:ab)\bfoo\B", False), ("[A-Z]x", False),
                                         ("mAP", True), (r"\d AUC", True)])
def test_rules_uppercase_literal(regex, upper):
    assert uppercase_literal(regex) is upper
