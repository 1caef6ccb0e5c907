"""post_launch_iteration: retraining, post-mortems, production feedback; not notebook or Kaggle iteration."""

import pytest

POSITIVE = [
    "We iterate every sprint on the ranking model based on the online metrics",
    "Thumbs-down feedback is reviewed weekly and feeds the next fine-tune",
    "Closed the loop from agent corrections back into the intent model's training set",
    "Ranker v3, built from production errors after the v2 launch",
    "Post-season review of the forecast misses led to a v2 with soil-moisture features",
    "Rolled back the release, fixed it and re-released it the next morning",
    "After launch, retuned the alert threshold on six months of production feedback",
    "Introduced quarterly reviews for every model in production and retired the ones without benefit",
    "Automated weekly retraining of the demand-forecast model in Dagster",
    "Cut false declines by 35% by retraining on hard cases pulled from dispute logs",
    "Added retraining jobs that kick off once feature drift passes a set limit",
    "Recalibrated the scorer after a new card network shifted approval patterns",
    "Led the post-mortem after a bug served stale data for 3 hours",
    "Wrote my first post-mortem (Kafka consumer lag) and patched the leak",
    "Ran blameless postmortems for 11 production incidents",
    "Built a feedback loop from production labels into training",
    "Iterated on the live ranking model using click feedback",
    "Continuous training pipeline retrains the model nightly",
    "Develop quick fixes for customer-facing issues in production models",
    "Resolved two regressions in the live pricing model within a day",
    "Built an incremental-learning loop that keeps the speech models fresh",
    "Set up incremental learning for model freshness and hotfixing",
]

NEGATIVE = [
    "Retrained the ResNet models with different hyperparameters for the paper",
    "Wrote the handover doc so the support engineering team could retrain it",
    "Retrained the baseline 40 times for the ablation study in our paper",
    "Documented a post-launch retraining plan for the forecasting model",
    "Shipped a fraud model that replaced the legacy rules engine",
    "Enabled time travel on the feature tables so the fraud team could retrain on snapshots",
    "Closed the loop with the client on requirements",
    "Trained the model on production data from 2019",
    "Retraining was never set up, so the model went stale",
    "Shipped v3 of the pallet detector to the customer fleet after a field trial",
    "Wrote the client for version 3 of the partner API",
    "Overbooked slots fell from 14% to 6% in the first two months after launch",
    "I like the week after launch, when the real numbers come in",
    "Iterated over 90 leaderboard entries, logging each one in a notebook",
    "Retrained the notebook model for the Kaggle leaderboard",
    "Post-graduate certificate in supply-chain analytics",
    "Plan to add retraining next quarter",
    "Trained a random-forest model to predict equipment failures",
    "Fine-tuned RoBERTa on support tickets",
    "Career changer retraining as a data analyst",
    "Completed a government retraining programme in analytics",
    "Fixed scheduling issues in the production of the annual report",
    "Resolved quality issues on the production line of the bottling plant",
    "Fresh graduate keen on model deployment",
    "Retrained 40 staff on the new till system",
    "Assisted with post-mortem examinations of farm animals",
]


@pytest.mark.parametrize("text", POSITIVE)
def test_iteration_positive(found, text):
    assert "post_launch_iteration" in found(text)


@pytest.mark.parametrize("text", NEGATIVE)
def test_iteration_near_miss(found, text):
    assert "post_launch_iteration" not in found(text, section="education" if "certificate" in text else "experience")
