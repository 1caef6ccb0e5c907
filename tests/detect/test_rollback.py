"""rollback: reverts, canaries, staged rollouts, blue-green, shadow mode, challengers, kill switches; not prices."""

import pytest

POSITIVE = [
    "Gated every new feature behind remote-config flags",
    "Models are registered with lineage, so reverting to the previous version is one command",
    "Built rollback automation that would have saved us in 2022",
    "Each index build is versioned with its model, so any release can be rolled back in minutes",
    "Rolled back the v5 recommender within the hour after click-through fell",
    "Ran the sepsis model in silent mode for 10 weeks beside usual care",
    "New pipeline versions write to a shadow schema for a day before promotion",
    "New weights go to 10% of devices first, with automatic fallback",
    "Released the ranker to 5% of traffic in an A/B test, then ramped to 50%",
    "Shadow-scored the new elasticity model against the incumbent for 8 weeks",
    "Shadow-deployed the new model beside the old one for three weeks",
    "Designed the OTA updater with automatic fallback to the previous slot when a new image fails to boot",
    "Rolled back the v7 tote detector at two sites after missed detections",
    "Deployed the takeover model with a 10% / 50% / 100% ramp",
    "Silent (shadow) mode for 90 days at every new site before clinicians see a score",
    "I have shipped ranking models that moved revenue, and rolled back the ones that did not",
    "Rolled out the new fabric across three data centres as a phased migration",
    "Changed the core routers with a tested back-out plan for every window",
    "3 faulty model versions were rolled back automatically with no customer impact",
    "Wired canary analysis into the Seldon deploy pipeline",
    "Introduced a 2% to 25% staged rollout for every feature-store migration",
    "Cut over with a blue-green deployment and dual writes",
    "Ran it next to human underwriters for 6 weeks in shadow mode",
    "New fraud scorers run in shadow for 2 weeks before they get real traffic",
    "Released the shadow-mode service that scores challenger pricing models",
    "Rolled out champion-challenger testing for the bid model",
    "Released the new tokenizer behind a feature flag",
    "Added a kill switch to the pricing model",
    "Added a kill switch to the robot-picking model for safe release",
    "Proposed the canary plan, then ran canary releases for every ranker",
    "Automated rollback when error rates spike",
    "Reverted the ranking release within minutes of the alert",
    "Ramped traffic from 5% to 100% over a week",
    "Wrote the rollback plan for the payments migration",
    "Released the new ranking model to 5% of traffic first",
    "Implemented blue/green deployments on ECS",
    "Designed a champion-challenger framework for credit models",
    "Ran challenger/champion comparisons for every new pricing model",
    "Reverted to the previous model version after the alert fired",
    "Automated the rollback of the pricing model when error rates spiked",
    "Released the new dispatch model to all regions in three waves",
    "Launched the fraud ranker in phased stages, two countries at a time",
    "Built the ledger service and rolled it out market by market over a quarter",
    "Migrated the ingestion jobs to the new cluster one source at a time",
    "Send every pricing model through a shadow stage before it takes decisions",
]

NEGATIVE = [
    "Designed the anti-rollback valve of the hydraulic lift",
    "If a model regresses, a rollback would take about an hour with the current tooling",
    "Coordinated the team's move into the new Canary Wharf office",
    "Negotiated a fuel surcharge rollback with two carriers",
    "Rolled back small-business premium rates 3% after the regulator's review",
    "Reverted 2021 overtime rates after the arbitration ruling",
    "Monitored blue-green algae blooms in 4 reservoirs",
    "Considering a shadow run of the pricing model next year",
    "The rescorer was launched to 10% of voice-search traffic in a three-week A/B test",
    "Rebuilt a challenger model in scikit-learn and compared it with the vendor model offline",
    "Partnered with ops when we rolled back airport fares to 2023 levels",
    "Cut churn from 5%, 4% the year after, for 40,000 users",
    "Keeps canaries and finches; bird-keeping club treasurer",
    "Studied the sale in which the grocer rolled back prices on 400 products",
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
    "Fitted emergency kill switches to the packing machines",
    "Proposed a canary approach for future ranking releases",
    "Launched the search redesign to 100% of traffic in March",
    "Ran the holiday 'rollback' price campaign for 300 stores",
    "Toured the country city by city with the band",
    "If the model regressed, we would roll back by hand",
    "Next sprint: automate rollback for the orders API",
]


@pytest.mark.parametrize("text", POSITIVE)
def test_rollback_positive(found, text):
    assert "rollback" in found(text)


@pytest.mark.parametrize("text", NEGATIVE)
def test_rollback_near_miss(found, text):
    assert "rollback" not in found(text)
