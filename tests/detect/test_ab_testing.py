"""ab_testing: A/B tests, online experiments, holdouts, bandits, interleaving; not A/B parts or lab experiments."""

import pytest

POSITIVE = [
    "Sized every test before launch with power calculations",
    "Launched the new ETA model as a 50/50 experiment",
    "Raised offline NDCG by 4% before taking the ranker to an online test",
    "Lifted sell-through 6% in a 40-store controlled test against business-as-usual pricing",
    "3 holdout cohorts kept for 6 months",
    "Ran a three-week A/B of the new ETA model against production",
    "Held out 3% of customers from the recommender for a quarter",
    "Split traffic 50/50 between the old and new checkout page",
    "Ran a 6-week holdout across 40 regional warehouses before the launch",
    "Measured against a 10% holdout of traffic that always goes to humans",
    "Four generations of the forecast, each judged in live store-level experiments on waste and margin",
    "Launched 11 ranking models in 3 years; 9 beat control in A/B",
    "Streams per session +3.1% vs. control",
    "A geo holdout for the TV campaign showed no incremental lift",
    "Cut readmissions by 8% in a stepped-wedge trial across 6 wards",
    "Set up remote config for UI experiments on the onboarding flow",
    "Designed the holdout-group method for direct-mail campaigns",
    "Ran 45+ push-notification and pricing-page A/B tests with the growth squad",
    "A/B tested it against the incumbent for 2 weeks on 30% of app traffic",
    "A subject-line test lifted click-through 18% (p < 0.01)",
    "Designed a 5% holdout group for loyalty-coupon mailings",
    "Analysed geo-split tests matching test and control regions",
    "Built the interleaving harness the job-search ranking team relies on",
    "Replaced static rules with a multi-armed bandit for offers",
    "Ran online experiments on the checkout flow",
    "Ran A/B/n tests on the paywall copy",
    "Built the experimentation platform used by 20 teams",
    "Flagged sample ratio mismatch in the experiment-assignment service",
    "+4.6% listens per visit, significant at 95%",
    "Add-to-cart +9% from the reranker (3-week A/B)",
    "Lifted basket size 6% in a 10-day A/B against the old ranker",
    "Ran a holdout experiment on the new ranking features: bookings rose 3%",
    "Validated the uplift model against a randomised holdout of 5% of members",
    "Ran an 8-week pilot of 15 stores against 15 matched control stores",
]

NEGATIVE = [
    "Repaired 200 one-armed bandits and slot machines on the casino floor",
    "Built an A/B testing calculator spreadsheet for PMs",
    "Ran controlled experiments on catalyst loading in a batch reactor",
    "Wrote Cypress tests and tested A/B variants of landing-page components",
    "Ran controlled experiments on mouse models of obesity",
    "Split users into cohorts by signup month",
    "0.994 AUC on a time-split test set",
    "Lead statistician on three Phase III randomised controlled trials in heart failure",
    "Wrote firmware for the control plane against the control system spec",
    "Bench-tested A/B drone propellers for noise",
    "Compared defect counts across the A/B crew rota",
    "Thesis: ran 300 lab experiments on 40 datasets",
    "Ran ablation experiments across 18 encoder configurations",
    "Next goal: run my first real A/B test on the menu layout",
    "Eager to learn A/B testing",
    "Online course: Testing for Product Managers, on sequential designs, holdout groups and bandits",
    "0.79 AUC on a 2020 holdout",
    "School science fair: controlled experiment on plant growth",
    "Worked A/B shifts on the packing line, cutting overtime 12%",
    "Built an A/B testing simulator in R for a statistics class",
    "0.84 AUC on the holdout test set",
    "Kept a holdout year of claims for the final evaluation",
    "Compared the treated leaves against the control plants in the greenhouse",
]


@pytest.mark.parametrize("text", POSITIVE)
def test_ab_testing_positive(found, text):
    assert "ab_testing" in found(text)


@pytest.mark.parametrize("text", NEGATIVE)
def test_ab_testing_near_miss(found, text):
    assert "ab_testing" not in found(text)


def test_ab_testing_skills_section_does_not_count(found):
    assert "ab_testing" not in found("A/B testing, bandits, power analysis", section="skills", bullet=False)
