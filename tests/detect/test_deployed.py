"""deployed: past-tense acts of putting work in front of users or production; not people or plans."""

import pytest

POSITIVE = [
    ("Deployed a LightGBM claims-triage model as a nightly SageMaker batch job", "Deployed"),
    ("Launched them on 40k product pages", "Launched"),
    ("Released the first version of the feature store to the risk team", "Released"),
    ("Rolled out champion/challenger scoring for underwriting", "Rolled out"),
    ("Rolled it out to the mobile apps in June 2023", "Rolled it out"),
    ("Productionized the demand forecast for 300 stores", "Productionized"),
    ("Put the ranking model into production in 2021", "Put the ranking model into production"),
    ("Took the query-serving tier to production in 2022", "Took the query-serving tier to production"),
    ("Went live on 4 wards in March 2024 through the EHR", "Went live"),
    ("Model served in production behind a gRPC API", "served in production"),
    ("Deployed the model to staging and then to production", "Deployed"),
    ("Oversaw the deployment of 12 models", "Oversaw the deployment of"),
    ("Led the launch of the new checkout flow", "Led the launch of"),
    ("Productionised the churn model as a FastAPI service", "Productionised"),
    ("Rolled out a podcast recommendation carousel to all app users", "Rolled out"),
    ("Deployed the model as a Lambda function", "Deployed"),
    ("Launched the bank's first GPT-based support agent to all retail clients", "Launched"),
    ("Grew basket size 5% by deploying a session-based recommender", "by deploying"),
    ("Churn fell 3 points after releasing the retention model", "after releasing"),
]

NEGATIVE = [
    "Deployed agency staff across inbound and outbound",
    "Deployed on-site to the client's Warsaw office for the first month",
    "Deployed to Afghanistan with the 3rd Infantry Battalion",
    "Deployed my intern project, a scraper, to the staging environment only",
    "Model deployment planning for shift labour",
    "Plan to deploy the model in 2026 once the data contract is signed",
    "The team plans to deploy the model in 2026",
    "Next step: deploy it as a small web app",
    "The contract ended before the model could be launched",
    "It was never taken to production before the reorg",
    "0.78 AUC on a holdout month, but it never went into production",
    "Will launch the new onboarding flow next quarter",
    "Released a paper on retrieval at SIGIR",
    "Currently building the returns API, target launch Q1 2027",
    "Introduced a 1% to 50% staged rollout for schema changes",
    "Deployed to client sites to gather requirements",
    "Ran a phased rollout by region with a kill switch",
    "Drove a canary release process for all services",
    "Launched a podcast about data science",
    "Rolled out a new onboarding process for hires",
    "Deployed as a consultant to a major bank",
    "Launched the company newsletter for alumni",
    "Hope to grow sales by launching a pricing model next year",
    "Deployed capital into 9 early-stage startups as an associate",
    "Deployed $4M of fund capital across seed rounds",
    "Released from my contract early after the merger",
]


@pytest.mark.parametrize("text,match", POSITIVE)
def test_deployed_positive(found, text, match):
    assert found(text)["deployed"].match == match


@pytest.mark.parametrize("text", NEGATIVE)
def test_deployed_near_miss(found, text):
    assert "deployed" not in found(text)


def test_deployed_skills_section_noun_does_not_count(found):
    assert "deployed" not in found("Model deployment, deployed models, CI/CD", section="skills", bullet=False)
