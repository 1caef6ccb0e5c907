"""Weights: the bundled defaults, overrides, save/load, and fitting from past decisions."""

from __future__ import annotations

import json
import math
import pickle
import random
from pathlib import Path

import pytest

from resume_signals.errors import RulesError
from resume_signals.report import Flag, Report, Signal, Source
from resume_signals.spec.weights import Weights, diminishing, features, fit_weights, load_weights

SIGNALS = ["shipped", "deployed", "monitoring", "rollback", "ab_testing", "post_launch_iteration", "outcome_metric",
           "offline_metric", "competition", "team_size", "ownership", "production_stack", "versioning"]


def test_weights_bundled_defaults_cover_every_signal() -> None:
    w = load_weights()
    assert set(w.signals) == set(SIGNALS)
    assert 0 <= w.decay < 1 and w.cap == 100.0 and w.padding_penalty > 0
    assert w.source == "bundled"


@pytest.mark.parametrize(
    ("overrides", "attr", "value"),
    [
        ({"shipped": 12}, "shipped", 12.0),
        ({"competition": 1.5}, "competition", 1.5),
        ({"padding_penalty": 30}, "padding_penalty", 30.0),
        ({"decay": 0.25}, "decay", 0.25),
        ({"cap": 90}, "cap", 90.0),
    ],
)
def test_weights_with_overrides(overrides: dict, attr: str, value: float) -> None:
    base = load_weights()
    changed = base.with_overrides(overrides)
    got = changed.signals[attr] if attr in changed.signals else getattr(changed, attr)
    assert got == value
    # The original is untouched and everything else is kept.
    assert base == load_weights()
    untouched = [n for n in SIGNALS if n != attr]
    assert all(changed.signals[n] == base.signals[n] for n in untouched)


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"shiped": 3}, "'shiped'"),  # a typo is an error, never a silently ignored key
        ({"shipped": "high"}, "expected a number"),
        ({"shipped": True}, "expected a number"),
        ({"shipped": -1}, ">= 0"),
        ({"shipped": float("nan")}, "finite"),
        ({"decay": 1.0}, "[0, 1)"),
        ({"padding_penalty": -5}, ">= 0"),
        ({"cap": 0}, "> 0"),
    ],
)
def test_weights_bad_overrides_raise(overrides: dict, message: str) -> None:
    with pytest.raises(RulesError, match=None) as info:
        load_weights().with_overrides(overrides)
    assert message in str(info.value)
    assert list(overrides)[0] in str(info.value)


def test_weights_new_signal_needs_to_be_declared() -> None:
    with pytest.raises(RulesError):
        load_weights().with_overrides({"internal_platform": 5})
    w = load_weights().with_overrides({"internal_platform": 5}, new_signals=["internal_platform"])
    assert w.signals["internal_platform"] == 5.0


def test_weights_empty_overrides_return_same_object() -> None:
    w = load_weights()
    assert w.with_overrides({}) is w


def test_weights_save_load_roundtrip(tmp_path: Path) -> None:
    w = load_weights().with_overrides({"shipped": 11.5, "padding_penalty": 20})
    path = w.save(tmp_path / "team.json")
    data = json.loads(path.read_text())
    assert data["format"] == "resume_signals.spec.weights" and data["signals"]["shipped"] == 11.5
    again = load_weights(path)
    assert again == w
    assert again.padding_penalty == 20.0
    assert Weights.from_dict(w.to_dict()) == w


def test_weights_load_toml(tmp_path: Path) -> None:
    path = tmp_path / "w.toml"
    path.write_text('decay = 0.3\npadding_penalty = 5\n[signals]\nshipped = 9\n')
    w = load_weights(path)
    assert (w.decay, w.padding_penalty, dict(w.signals)) == (0.3, 5.0, {"shipped": 9.0})


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("{not json", "not a valid weights file"),
        ('{"signals": {"shipped": 1}, "colour": "red"}', "'colour'"),
        ('{"signals": [1, 2]}', "'signals'"),
        ('{"decay": 0.5}', "'signals'"),
        ('{"signals": {"shipped": "x"}}', "'shipped'"),
        ('{"format": "something.else", "signals": {}}', "'format'"),
        ("[1, 2, 3]", "expected a table"),
    ],
)
def test_weights_bad_files_name_file_and_key(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "bad.json"
    path.write_text(content)
    with pytest.raises(RulesError) as info:
        load_weights(path)
    assert str(path) in str(info.value)
    assert message in str(info.value)


def test_weights_missing_file(tmp_path: Path) -> None:
    with pytest.raises(RulesError, match="cannot read"):
        load_weights(tmp_path / "nope.json")


def test_weights_are_frozen_hashable_and_picklable() -> None:
    w = load_weights()
    with pytest.raises(AttributeError):
        w.decay = 0.9  # type: ignore[misc]
    with pytest.raises(TypeError):
        w.signals["shipped"] = 1.0  # type: ignore[index]
    assert hash(w) == hash(load_weights())
    assert pickle.loads(pickle.dumps(w)) == w


@pytest.mark.parametrize(("count", "decay", "value"), [(0, 0.5, 0.0), (1, 0.5, 1.0), (2, 0.5, 1.5), (2, 0.0, 1.0),
                                                       (3, 0.25, 1.3125)])
def test_weights_diminishing(count: int, decay: float, value: float) -> None:
    assert diminishing(count, decay) == value


# ------------------------------------------------------------------------- fitting

SRC = Source(name="synthetic", path=None, format="txt", sha256="0" * 64, bytes=0)
TRUE = {"shipped": 9.0, "deployed": 7.0, "monitoring": 8.0, "rollback": 6.0, "ab_testing": 5.0,
        "post_launch_iteration": 6.0, "outcome_metric": 5.0, "ownership": 3.0, "versioning": 4.0,
        "team_size": 1.0, "production_stack": 2.0, "offline_metric": 0.0, "competition": 0.0}
TRUE_W = Weights(TRUE, decay=0.5, padding_penalty=12.0)


def synthetic_report(rng: random.Random) -> Report:
    signals = []
    for name in SIGNALS:
        for _ in range(rng.choice([0, 0, 0, 1, 1, 2, 3])):
            signals.append(Signal(name, "t", "t", 0, 1, "experience", "r"))
    flags = (Flag("architecture_padding", "r"),) if rng.random() < 0.25 else ()
    return Report(source=SRC, signals=tuple(signals), flags=flags)


def linear(report: Report, w: Weights) -> float:
    """The score before the cap: ranking on it avoids ties at 100."""
    row = features(report, sorted(w.signals), w.decay)
    ws = [w.signals[n] for n in sorted(w.signals)]
    return sum(a * b for a, b in zip(ws, row[:-1], strict=True)) + w.padding_penalty * row[-1]


def concordance(a: list[float], b: list[float]) -> float:
    """Share of pairs ordered the same way by both lists (ties in either skipped)."""
    agree = total = 0
    for i in range(len(a)):
        for j in range(i + 1, len(a)):
            da, db = a[i] - a[j], b[i] - b[j]
            if da == 0 or db == 0:
                continue
            total += 1
            agree += (da > 0) == (db > 0)
    return agree / total


def simulate(n: int, seed: int) -> tuple[list[Report], list[bool]]:
    rng = random.Random(seed)
    reports = [synthetic_report(rng) for _ in range(n)]
    raw = [linear(r, TRUE_W) for r in reports]
    mid = sorted(raw)[len(raw) // 2]
    decisions = [rng.random() < 1 / (1 + math.exp(-(x - mid) / 4.0)) for x in raw]
    return reports, decisions


def test_weights_fit_recovers_the_ranking_of_held_back_resumes() -> None:
    reports, decisions = simulate(700, seed=7)
    train, held = reports[:500], reports[500:]
    fitted = fit_weights(train, decisions[:500], C=1.0)
    assert fitted.source == "fitted" and fitted.meta["fitted_on"] == 500
    assert all(v >= 0 for v in fitted.signals.values())
    assert fitted.padding_penalty > 0
    truth = [linear(r, TRUE_W) for r in held]
    guess = [linear(r, fitted) for r in held]
    assert concordance(truth, guess) >= 0.9
    # The learnt balance is right where it matters: production acts over offline metrics.
    assert fitted.signals["shipped"] > fitted.signals["offline_metric"]
    assert fitted.signals["monitoring"] > fitted.signals["competition"]


def test_weights_fit_beats_a_shuffled_baseline() -> None:
    # The concordance above must come from the decisions, not from the features alone.
    reports, decisions = simulate(700, seed=11)
    shuffled = decisions[:500]
    random.Random(3).shuffle(shuffled)
    held = reports[500:]
    truth = [linear(r, TRUE_W) for r in held]
    good = concordance(truth, [linear(r, fit_weights(reports[:500], decisions[:500])) for r in held])
    try:
        bad_w = fit_weights(reports[:500], shuffled)
        bad = concordance(truth, [linear(r, bad_w) for r in held])
    except ValueError:  # nothing learnable from noise is an acceptable outcome
        bad = 0.5
    assert good > bad + 0.05


def test_weights_fit_output_saves_and_loads(tmp_path: Path) -> None:
    reports, decisions = simulate(200, seed=5)
    fitted = fit_weights([r.to_dict() for r in reports], [int(d) for d in decisions])
    again = load_weights(fitted.save(tmp_path / "fitted.json"))
    assert again == fitted and again.meta["C"] == 1.0


def test_weights_fit_skips_failed_reports() -> None:
    reports, decisions = simulate(200, seed=9)
    failed = Report(source=SRC, status="failed")
    fitted = fit_weights([*reports, failed], [*decisions, True])
    assert fitted.meta["fitted_on"] == 200


@pytest.mark.parametrize(
    ("n_reports", "decisions", "message"),
    [
        (3, [True, False], "aligned"),
        (3, [True, True, True], "both"),
        (2, [True, "maybe"], "decision"),
    ],
)
def test_weights_fit_rejects_bad_input(n_reports: int, decisions: list, message: str) -> None:
    rng = random.Random(1)
    with pytest.raises(ValueError, match=message):
        fit_weights([synthetic_report(rng) for _ in range(n_reports)], decisions)


def test_weights_file_drives_the_pipeline_score(tmp_path: Path) -> None:
    """A saved weights file is what `score(..., weights=PATH)` uses, end to end."""
    import resume_signals

    resume = b"EXPERIENCE\nML Engineer, Acme (2019 - 2021)\n- Shipped a ranking model to production"
    default = resume_signals.score(resume, as_of="2026-11-01")
    assert "shipped" in {s.name for s in default.signals}
    custom = Weights({name: 0.0 for name in SIGNALS} | {"shipped": 42.0}, source="test")
    path = custom.save(tmp_path / "w.json")
    report = resume_signals.score(resume, as_of="2026-11-01", weights=path)
    assert report.score == 42.0
    assert [(c.name, c.points) for c in report.contributions if c.points] == [("shipped", 42.0)]
    assert resume_signals.score(resume, as_of="2026-11-01", weights=custom).score == 42.0
