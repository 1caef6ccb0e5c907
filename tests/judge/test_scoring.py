"""The score: diminishing returns, the cap, the padding penalty, traceable points, ranking."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from resume_signals.judge.scoring import score
from resume_signals.report import Flag, Signal
from resume_signals.spec.weights import Weights, load_weights

DEFAULT = load_weights()
PRODUCTION = ["shipped", "deployed", "monitoring", "rollback", "ab_testing", "post_launch_iteration"]


def signals(*names: str, text: str = "evidence", ml: bool = True) -> list[Signal]:
    return [Signal(name=n, text=text, match=text[:3], start=i, end=i + 3, section="experience", rule="r", ml=ml)
            for i, n in enumerate(names)]


PADDING = Flag(name="architecture_padding", reason="r")


def test_scoring_empty_is_zero() -> None:
    assert score([], [], DEFAULT) == (0.0, [])


@pytest.mark.parametrize(("count", "points"), [(1, 8.0), (2, 12.0), (3, 14.0), (4, 15.0), (10, 16.0), (6, 15.8)])
def test_scoring_diminishing_returns(count: int, points: float) -> None:
    weights = Weights({"shipped": 8.0}, decay=0.5)
    total, parts = score(signals(*["shipped"] * count), [], weights)
    assert parts[0].count == count
    assert parts[0].points == points
    assert total == points


def test_scoring_decay_zero_counts_first_mention_only() -> None:
    total, _ = score(signals("shipped", "shipped", "shipped"), [], Weights({"shipped": 8.0}, decay=0.0))
    assert total == 8.0


@pytest.mark.parametrize(("ml", "other", "points"), [
    (1, 0, 9.0), (0, 1, 3.0), (1, 1, 10.5), (2, 0, 13.5), (0, 2, 4.5), (2, 1, 14.2)])
def test_scoring_other_software_counts_a_third_after_the_ml_mentions(ml: int, other: int, points: float) -> None:
    weights = Weights({"deployed": 9.0}, decay=0.5, non_ml=1 / 3)
    total, parts = score([*signals(*["deployed"] * ml), *signals(*["deployed"] * other, ml=False)], [], weights)
    assert (total, parts[0].count, parts[0].ml) == (points, ml + other, ml)


def test_scoring_ml_evidence_outranks_the_same_evidence_on_other_software() -> None:
    acts = [*PRODUCTION, "outcome_metric", "ownership", "team_size", "production_stack"]
    ml, _ = score(signals(*acts), [], DEFAULT)
    web, _ = score(signals(*acts, ml=False), [], DEFAULT)
    modest, _ = score(signals("deployed", "monitoring", "outcome_metric", "ownership", "production_stack"), [], DEFAULT)
    assert web < modest < ml  # a strong backend record stays under a modest ML one
    assert web > 0  # and still counts for something


def test_scoring_breadth_beats_repetition() -> None:
    repeated, _ = score(signals(*["deployed"] * 6), [], DEFAULT)
    broad, _ = score(signals(*PRODUCTION), [], DEFAULT)
    assert broad > repeated


@pytest.mark.parametrize("name", ["offline_metric", "competition"])
def test_scoring_offline_and_competition_add_little(name: str) -> None:
    total, parts = score(signals(*[name] * 5), [], DEFAULT)
    assert total <= 1.0
    assert parts[0].name == name  # listed even when it earns (almost) nothing
    shipped, _ = score(signals("shipped"), [], DEFAULT)
    assert shipped > 5 * total


@pytest.mark.parametrize("name", PRODUCTION)
def test_scoring_production_signals_weigh_most(name: str) -> None:
    others = ["outcome_metric", "ownership", "versioning", "team_size", "production_stack", "offline_metric",
              "competition"]
    assert all(DEFAULT.weight(name) > DEFAULT.weight(o) for o in others)


def test_scoring_cap_and_traceable_points() -> None:
    many = signals(*[n for n in DEFAULT.signals for _ in range(4)])
    total, parts = score(many, [], DEFAULT)
    assert total == 100.0
    assert parts[-1].name == "cap" and parts[-1].points < 0
    assert abs(sum(c.points for c in parts) - total) < 1e-9


def test_scoring_padding_penalty() -> None:
    base, _ = score(signals(*PRODUCTION), [], DEFAULT)
    total, parts = score(signals(*PRODUCTION), [PADDING], DEFAULT)
    assert total == base - DEFAULT.padding_penalty
    assert parts[-1].name == "architecture_padding" and parts[-1].points == -DEFAULT.padding_penalty
    assert abs(sum(c.points for c in parts) - total) < 1e-9


def test_scoring_penalty_never_goes_below_zero() -> None:
    total, parts = score(signals("team_size"), [PADDING], DEFAULT)
    assert total == 0.0
    assert parts[-1].points == -DEFAULT.weight("team_size")


def test_scoring_other_flags_cost_nothing() -> None:
    flags = [Flag("missing_production_signals", "r"), Flag("competition_without_production", "r")]
    assert score(signals("ownership"), flags, DEFAULT)[0] == score(signals("ownership"), [], DEFAULT)[0]


def test_scoring_unknown_signal_is_listed_with_zero_points() -> None:
    total, parts = score(signals("shipped", "team_custom_signal"), [], DEFAULT)
    assert total == DEFAULT.weight("shipped")
    assert [(c.name, c.points) for c in parts] == [("shipped", 8.0), ("team_custom_signal", 0.0)]


def test_scoring_reads_only_signal_names() -> None:
    a = signals("shipped", "monitoring", "team_size", text="Shipped it, said Maria from Lagos")
    b = signals("shipped", "monitoring", "team_size", text="Shipped it, said John from Oslo")
    assert score(a, [], DEFAULT) == score(b, [], DEFAULT)


def test_scoring_order_independent_and_sorted() -> None:
    names = ["team_size", "shipped", "monitoring", "shipped", "competition", "ownership"]
    first = score(signals(*names), [], DEFAULT)
    second = score(signals(*reversed(names)), [], DEFAULT)
    assert first == second
    points = [c.points for c in first[1]]
    assert points == sorted(points, reverse=True)


def test_scoring_ranks_strong_above_moderate_above_weak() -> None:
    strong = signals("shipped", "deployed", "deployed", "monitoring", "monitoring", "rollback", "ab_testing",
                     "post_launch_iteration", "outcome_metric", "outcome_metric", "ownership", "versioning",
                     "team_size", *["production_stack"] * 8)
    moderate = signals("deployed", "monitoring", "outcome_metric", "outcome_metric", "team_size",
                       "offline_metric", *["production_stack"] * 3)
    weak = signals("offline_metric", "offline_metric", "competition", "competition", "competition",
                   "production_stack", "team_size", "ownership")
    s, m, w = (score(x, [], DEFAULT)[0] for x in (strong, moderate, weak))
    assert s > m > w
    assert s >= 70 and w <= 20


@settings(max_examples=60, deadline=None)
@given(st.dictionaries(st.sampled_from(sorted(DEFAULT.signals)), st.integers(0, 8)), st.booleans())
def test_scoring_properties(counts: dict[str, int], padded: bool) -> None:
    sigs = signals(*[n for n, c in counts.items() for _ in range(c)])
    total, parts = score(sigs, [PADDING] if padded else [], DEFAULT)
    assert 0.0 <= total <= 100.0
    assert total == round(total, 1)
    assert abs(sum(c.points for c in parts) - total) < 1e-9
    # More evidence never lowers the score.
    more, _ = score([*sigs, *signals("shipped")], [PADDING] if padded else [], DEFAULT)
    assert more >= total


def test_scoring_ranks_fixture_tiers_end_to_end() -> None:
    """On the project's labelled fixtures, a stronger tier outscores a weaker one.

    Runs the whole pipeline (one file per fixture, the first format built).
    Pairs across tiers must be ordered right at least 95% of the time and
    the tiers' median scores strictly ordered.
    """
    import itertools
    import json
    import statistics
    from pathlib import Path

    import resume_signals

    root = Path(__file__).resolve().parents[2] / "fixtures"
    order = {"weak": 0, "moderate": 1, "strong": 2}
    scored: list[tuple[int, float]] = []
    for spec_path in sorted((root / "specs").glob("*.json")):
        spec = json.loads(spec_path.read_text(encoding="utf-8"))
        files = sorted((root / "build").glob(f"{spec['id']}.*"))
        assert files, f"{spec['id']} is not built"
        report = resume_signals.score(files[0], as_of=spec["as_of"])
        assert report.score is not None, report.errors
        scored.append((order[spec["tier"]], report.score))
    pairs = [(a, b) for a, b in itertools.combinations(scored, 2) if a[0] != b[0]]
    right = sum((a[1] > b[1]) == (a[0] > b[0]) and a[1] != b[1] for a, b in pairs)
    assert len(pairs) >= 20
    assert right / len(pairs) >= 0.95
    medians = [statistics.median(s for t, s in scored if t == tier) for tier in range(3)]
    assert medians[0] < medians[1] < medians[2]
