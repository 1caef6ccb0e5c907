"""rollback: reverts, canaries, staged rollouts, blue-green, shadow mode, challengers, kill switches; not prices."""

import pytest

POSITIVE = [
    "4 bad releases were rolled back automatically without user impact",
    "Built canary analysis into the KServe release path",
    "Introduced a 1% to 50% staged rollout for every index schema change",
    "Cut over with a blue-green deployment and dual writes",
    "Ran it alongside clinicians for 10 weeks in shadow mode",
    "New underwriting models run in shadow for 30 days before they take live traffic",
    "Released the shadow-mode harness that compares challenger rankers",
    "Rolled out champion/challenger scoring",
    "Released webhook retries behind a feature flag",
    "Added a kill switch to the pricing model",
    "Automated rollback when error rates spike",
    "Reverted the ranking release within minutes of the alert",
    "Ramped traffic from 5% to 100% over a week",
    "Wrote the rollback plan for the payments migration",
    "Released the new ranking model to 5% of traffic first",
    "Implemented blue/green deployments on ECS",
    "Designed a champion-challenger framework for credit models",
    "Reverted to the previous model version after the alert fired",
    "Automated the rollback of the pricing model when error rates spiked",
    "Released the new dispatch model to all regions in three waves",
    "Launched the fraud ranker in phased stages, two countries at a time",
]

NEGATIVE = [
    "Analysed the promotion in which the retailer rolled back prices on 250 lines",
    "Measured the effect of the price rollback on basket size",
    "Rolled back tariffs for loyalty customers",
    "Will add canary releases next quarter",
    "Familiar with rollback strategies",
    "Shadowed senior engineers during onboarding",
    "Organised a chess challenger tournament",
    "Reverted to manual processes during the outage",
    "Handled the rollback of a seasonal discount for the retail team",
    "Reverted the summer promotion after customer complaints",
    "Wrote up the dissertation in three stages",
]


@pytest.mark.parametrize("text", POSITIVE)
def test_rollback_positive(found, text):
    assert "rollback" in found(text)


@pytest.mark.parametrize("text", NEGATIVE)
def test_rollback_near_miss(found, text):
    assert "rollback" not in found(text)
