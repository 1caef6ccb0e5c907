"""ab_testing: A/B tests, online experiments, holdouts, bandits, interleaving; not A/B parts or lab experiments."""

import pytest

POSITIVE = [
    "Ran 60+ email and landing-page A/B tests with the lifecycle team",
    "A/B tested it against the old version for 3 weeks on 50% of web traffic",
    "A subject-line test lifted click-through 18% (p < 0.01)",
    "Designed a 10% holdout group for paid-social retargeting",
    "Analysed geo-split tests matching test and control regions",
    "Built the interleaving framework the relevance team uses",
    "Replaced static rules with a multi-armed bandit for offers",
    "Ran online experiments on the checkout flow",
    "Ran A/B/n tests on the paywall copy",
    "Built the experimentation platform used by 20 teams",
    "Flagged sample ratio mismatch in the experiment-assignment service",
    "+7.9% streams per session, significant at 99%",
    "Add-to-cart +9% from the reranker (3-week A/B)",
    "Lifted basket size 6% in a 10-day A/B against the old ranker",
]

NEGATIVE = [
    "Bench-tested A/B camera mounts for vibration",
    "Compared pick rates across the A/B shift rotation",
    "Thesis: ran 300 lab experiments on 40 datasets",
    "Ran ablation experiments over 30 model variants",
    "Next goal: run my first proper A/B test on pick-path changes",
    "Eager to learn A/B testing",
    "Online course: Experimentation for Marketers, covering sequential tests, holdouts and bandits",
    "0.79 AUC on a 2020 holdout",
    "School science fair: controlled experiment on plant growth",
    "Worked A/B shifts on the packing line, cutting overtime 12%",
    "Built an A/B testing simulator in R for a statistics class",
]


@pytest.mark.parametrize("text", POSITIVE)
def test_ab_testing_positive(found, text):
    assert "ab_testing" in found(text)


@pytest.mark.parametrize("text", NEGATIVE)
def test_ab_testing_near_miss(found, text):
    assert "ab_testing" not in found(text)


def test_ab_testing_skills_section_does_not_count(found):
    assert "ab_testing" not in found("A/B testing, CUPED, sequential testing", section="skills", bullet=False)
