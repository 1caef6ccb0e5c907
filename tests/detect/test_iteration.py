"""post_launch_iteration: retraining, post-mortems, production feedback; not notebook or Kaggle iteration."""

import pytest

POSITIVE = [
    "Automated monthly retraining of the affordability model in Airflow",
    "Cut false stops by 62% by retraining on hard negatives mined from field logs",
    "Set up retraining triggers that fire when prediction drift crosses thresholds",
    "Recalibrated the model after a new sensor skewed readings",
    "Led the post-mortem after a bug served stale data for 3 hours",
    "Wrote my first post-mortem (Redis eviction storm) and fixed the bug",
    "Ran blameless postmortems for 11 production incidents",
    "Built a feedback loop from production labels into training",
    "Iterated on the live ranking model using click feedback",
    "Continuous training pipeline retrains the model nightly",
]

NEGATIVE = [
    "Iterated through 140 submissions, tracking every run in a spreadsheet",
    "Retrained the notebook model for the Kaggle leaderboard",
    "Post-graduate certificate in health informatics",
    "Plan to add retraining next quarter",
    "Trained a boosted-tree model to predict warranty claims",
    "Fine-tuned BERT on adjuster notes",
    "Career changer retraining as a data analyst",
    "Completed a government retraining programme in analytics",
]


@pytest.mark.parametrize("text", POSITIVE)
def test_iteration_positive(found, text):
    assert "post_launch_iteration" in found(text)


@pytest.mark.parametrize("text", NEGATIVE)
def test_iteration_near_miss(found, text):
    assert "post_launch_iteration" not in found(text, section="education" if "certificate" in text else "experience")
