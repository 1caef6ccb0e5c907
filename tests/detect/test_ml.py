"""detect.ml: is a signal's evidence about a machine-learning system? (SIGNALS.md, "Unit of evidence".)

The rule: the bullet names an ML system -> ml; else it names another system -> not ml; else the entry's title
decides. Each positive sits next to its near-miss.
"""

from __future__ import annotations

import pytest

from resume_signals.detect.ml import MlReader
from resume_signals.spec.rules import load_rules


@pytest.fixture(scope="module")
def ml() -> MlReader:
    return MlReader(load_rules())


ML_ENGINEER = "Machine Learning Engineer"

# (bullet, entry title, ml)
CASES = [
    ("Infrastructure as code for every training cluster, in Pulumi", None, True),
    # 1. the bullet names an ML system: ml whatever the title
    ("Deployed the churn model behind the billing API", "Backend Engineer", True),
    ("Rolled out a new ranking service for the feed", "Software Engineer", True),
    ("Shipped personalised recommendations via a recommendation engine", None, True),
    ("Put the LLM summariser in front of support agents", None, True),
    ("Cut inference cost by 40% with batching", None, True),
    ("Served embeddings from a vector database to search", None, True),
    # an architecture with its version written on it, and model tasks named by their output
    ("Deployed YOLOv8 on edge boxes at 12 docks to count pallets", "Software Engineer", True),
    ("Deployed v2 of the payments API to every region", "Software Engineer", False),
    ("Launched a Streamlit app that explains credit decisions with SHAP values", None, True),
    ("Set up uptime alerts for a self-hosted image-captioning API", None, True),
    ("Automated revenue recognition for the finance close", None, False),
    ("Moved the fraud classifiers onto SageMaker endpoints", None, True),
    ("Tracked experiments with MLflow", None, True),
    ("Fine-tuned BERT for ticket routing and shipped it", None, True),
    ("Built the feature store that training jobs read", "Data Engineer", True),
    ("Demand forecasting for 300 stores, live since May", None, True),
    ("Ran an A/B test of the new NLP intent detector", None, True),
    ("Rolled out a recommendation carousel to every app user", None, True),
    ("Shipped a churn-risk score that the CRM reads nightly", None, True),
    ("Moved batch scoring to Airflow", "Data Engineer", True),
    ("Deployed the scoring service behind the loans API", "Backend Engineer", True),
    ("Deployed the Q-learning agent that routes the warehouse robots", "Software Engineer", True),
    ("Deployed the routing service that drives the warehouse robots", "Software Engineer", False),
    ("Put the weekly sales forecaster behind the planning tool", None, True),
    ("Ran the fraud-scoring service on call for a year", "Backend Engineer", True),
    # near-misses: an ML-looking word that names no ML system
    ("Designed the data model for the orders database", ML_ENGINEER, False),
    ("Redesigned the business model of the subscription app", ML_ENGINEER, False),
    ("Owned the sales forecast spreadsheet for the regional team", None, False),
    ("Ran threat modeling sessions for the payment service", ML_ENGINEER, False),
    ("Wrote a predictive disk-space alert for the Postgres servers", None, False),
    ("Built the capacity forecast that sizes next year's server orders", None, False),
    ("Trained a predictive disk-failure model on the storage fleet's SMART logs", None, True),
    ("Rebuilt the ingestion jobs on Beam's unified programming model for batch and streaming", None, False),
    ("Added 50 ml dosage checks to the pharmacy app", None, False),  # a unit, not "ML"
    ("Wrote recommendations for the board on the billing platform", None, False),
    ("Improved the credit score of the checkout service's vendors", None, False),
    # 2. another system, no ML word: not ml, even in an ML engineer's job
    ("Migrated the billing database to Postgres", ML_ENGINEER, False),
    ("Shipped the iOS app's new onboarding flow", ML_ENGINEER, False),
    ("Deployed the payment service to production on Kubernetes", "Data Scientist", False),
    ("Kept the website up during the launch", None, False),
    # 3. no system named: the entry's title decides
    ("Deployed to production twice a week", ML_ENGINEER, True),
    ("Deployed to production twice a week", "Senior Data Scientist", True),
    ("Deployed to production twice a week", "Applied Scientist", True),
    ("Deployed to production twice a week", "MLOps Engineer", True),
    ("Led a team of 6 engineers", "AI Engineer", True),
    ("Deployed to production twice a week", "Site Reliability Engineer", False),
    ("Deployed to production twice a week", "Data Analyst", False),
    ("Deployed to production twice a week", None, False),
    ("Led a team of 6 engineers", "Engineering Manager", False),
]


@pytest.mark.parametrize(("text", "title", "expected"), CASES)
def test_ml_bullet_then_system_then_title(ml: MlReader, text: str, title: str | None, expected: bool) -> None:
    assert ml.is_ml(text, title) is expected


@pytest.mark.parametrize(("title", "expected"), [
    ("Machine Learning Engineer", True), ("Sr. ML Engineer", True), ("Data Scientist II", True),
    ("Research Scientist, Computer Vision", True), ("NLP Engineer", True), ("Head of AI", True),
    ("Software Engineer", False), ("Data Engineer", False), ("Database Administrator", False),
    ("Model Maker at a toy studio", True),  # a model is ML wording; the title alone never outweighs the bullet
    ("Mail Carrier", False), (None, False), ("", False),
])
def test_ml_title(ml: MlReader, title: str | None, expected: bool) -> None:
    assert ml.is_ml_title(title) is expected


def test_ml_mark_takes_the_title_of_the_entry_holding_each_signal() -> None:
    import resume_signals

    text = ("EXPERIENCE\n"
            "Machine Learning Engineer, Acme Corp\tJan 2022 - Present\n"
            "- Deployed to production weekly\n"
            "Site Reliability Engineer, Beta Inc\tJan 2019 - Dec 2021\n"
            "- Deployed to production weekly\n")
    report = resume_signals.score(text.encode(), as_of="2026-11-01")
    deployed = [(s.start, s.ml) for s in report.signals if s.name == "deployed"]
    assert [ml for _, ml in sorted(deployed)] == [True, False]


@pytest.mark.parametrize(("text", "name"), [
    ("Top 2% on the Kaggle leaderboard of a tabular contest", "competition"),
    ("Reached 0.91 AUC on the held-out quarter", "offline_metric"),
])
def test_ml_offline_metrics_and_competitions_are_ml_by_definition(found, text: str, name: str) -> None:
    assert found(text)[name].ml is True  # no ML word and no title, yet a model's score is ML by definition


def test_ml_rule_pack_adds_words(tmp_path) -> None:
    pack = tmp_path / "pack.toml"
    pack.write_text('[ml.terms]\nwords = ["churn oracle"]\n', encoding="utf-8")
    assert MlReader(load_rules(pack)).is_ml("Launched the churn oracle", None)
    assert not MlReader(load_rules()).is_ml("Launched the churn oracle", None)


@pytest.mark.parametrize("text", [
    "Served the ranking model on Kubernetes", "a data-model refactor", "LLMs and embeddings", "C++ and .NET APIs",
    "x-gboost", "XGBoost", "re-ranking", "the recommender-system", "Postgres only", "", "a+b |c| (d)",
])
def test_ml_grouped_word_regex_matches_where_the_plain_one_does(text: str) -> None:
    """Grouping alternatives by first character keeps the set of matches (only which phrase wins may change)."""
    from resume_signals.detect.ml import _words

    rules = load_rules()
    words = [*rules.ml.words, *rules.ml.exact, *(a for t in rules.tools.values() for a in (t.name, *t.aliases)),
             "a+b", "|c|", "(d)", ".NET", "C++"]
    for ignore_case in (True, False):
        plain = _words(words, ignore_case=ignore_case)
        grouped = _words(words, ignore_case=ignore_case, first_match=False)
        assert plain is not None and grouped is not None
        assert bool(grouped.search(text)) == bool(plain.search(text))
