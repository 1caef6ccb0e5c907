"""The ConText pass: plans, wishes, learning, negation and hypotheticals cancel matches in their scope."""

import pytest

from resume_signals.detect.context import ContextRule, active_triggers, modifier_for

CANCELLED = [
    ('Speaker, PyData Berlin 2023: "Monitoring ML models without labels"', "monitoring", "other"),
    ("Looking for a role where on-call and the roadmap belong to the same people", "monitoring", "summary"),
    ("Curriculum: model deployment with Docker, MLOps basics, model monitoring", "monitoring", "education"),
    ("I like boring, reliable systems and blameless postmortems", "post_launch_iteration", "summary"),
    ("Looking for an internship where I can learn how models are deployed", "deployed", "summary"),
    ("Plan: put the batch scoring jobs into production next year", "deployed", None),
    ("The handover note says how the team could add monitoring and run it in shadow", "rollback", None),
    ("Comfortable with the whole release train: build, phased rollout, crash monitoring", "rollback", "summary"),
    ("Strong in the full cycle: labelling, training, monitoring and retraining", "monitoring", "summary"),
    ("Comfortable with canary releases and crash monitoring", "rollback", "summary"),
    ("Strong in monitoring and retraining of vision models", "monitoring", "summary"),
    ("Will ship the ranking model next quarter", "shipped", None),
    ("Plan to launch the pricing model in the next quarter", "deployed", None),
    ("We will have shipped the model by then", "shipped", None),
    ("Plan to add monitoring and alerting for the scoring API", "monitoring", None),
    ("Planning to set up drift detection on the live model", "monitoring", None),
    ("Aim to run A/B tests on the new ranker", "ab_testing", None),
    ("Goal is to add canary releases", "rollback", None),
    ("Want to build a model registry", "versioning", None),
    ("Hope to set up retraining once labels arrive", "post_launch_iteration", None),
    ("Eager to learn A/B testing and canary releases", "ab_testing", None),
    ("Interested in observability and on-call practices", "monitoring", None),
    ("Familiar with rollback strategies", "rollback", None),
    ("Coursework: A/B testing, online experiments", "ab_testing", "education"),
    ("Did not ship the model because the data contract fell through", "shipped", None),
    ("The model was never deployed", "deployed", None),
    ("It was not launched before the reorg", "deployed", None),
    ("No monitoring was in place", "monitoring", None),
    ("The pilot was cancelled before the scorer could be launched", "deployed", None),
    ("We add alerts on drift next quarter", "monitoring", None),
    ("Would have rolled back the release with a kill switch", "rollback", None),
    ("Suggested a shadow deployment for the next fraud model", "rollback", None),
    ("Course topics: drift detection, alerting and dashboards", "monitoring", "education"),
    ("Plan: roll out the new scheduler behind a canary", "rollback", None),
    ("Once approved, the model will be deployed", "deployed", None),
    ("Passionate about observability, alerting and safe releases", "monitoring", "summary"),
    ("Enthusiastic about canary releases and feature flags", "rollback", "summary"),
    ("If the ranker regresses, we would roll back to the last version", "rollback", None),
    ("Next sprint: add drift alerts to the churn model", "monitoring", None),
    ("Retraining the churn model is planned once labels arrive", "post_launch_iteration", None),
    ("Wanted to build drift dashboards, but the project was shelved later", "monitoring", None),
    ("Coached 6 analysts on dashboards and alerting for the BI team", "monitoring", None),
    ("Particularly interested these days in canary releases", "rollback", "summary"),
]

KEPT = [
    # a tool is named wherever a reader sees it, in a claim of familiarity too (SIGNALS.md: "anywhere")
    ("Exposure to Kubernetes and Airflow", "production_stack"),
    ("Familiar with Kubernetes and Airflow from a distributed systems module", "production_stack"),
    ("Currently learning Kubernetes", "production_stack"),
    ("Self-serve refunds rose 18% the next quarter", "outcome_metric"),
    ("Shipped the model; will add monitoring next quarter", "shipped"),
    ("Not only shipped the ranker but also owned its on-call", "shipped"),
    ("Not only shipped the ranker but also owned its on-call", "monitoring"),
    ("Migrated with zero downtime using a blue-green cutover", "rollback"),
    ("Rolled back 4 bad releases without downtime", "rollback"),
    ("Shipped a no-code workflow builder", "shipped"),
    ("Deployed the model, which no longer needs manual review", "deployed"),
    ("Automated retraining so the team no longer retrains by hand", "post_launch_iteration"),
    ("Shipped the API but did not add caching", "shipped"),
    ("Wrote a canary checker: a faulty ranker is rolled back on its own if SLOs are breached", "rollback"),
    ("Wrote a canary checker: a faulty ranker is rolled back on its own if SLOs are breached", "monitoring"),
    ("Of course we deployed it to production", "deployed"),
    ("Deployed 12 models over the course of two years", "deployed"),
    ("Led sprint planning and shipped the feature weekly", "shipped"),
    ("Machine learning engineer who shipped three ranking models", "shipped"),
    ("Interested in MLOps. Deployed 5 models to production at Acme.", "deployed"),
    ("Deployed once approved by the risk committee", "deployed"),
    ("Learning Rust in my spare time; shipped 3 Go services this year", "shipped"),
    ("Passionate about reliability; built drift monitoring for 12 models", "monitoring"),
    ("Wanted to ship faster, so we automated canary releases for every model", "rollback"),
    ("Deployed the ranker; retraining is scheduled weekly in Airflow", "post_launch_iteration"),
    ("Trained the churn model on Databricks, then deployed it", "production_stack"),
]


@pytest.mark.parametrize("text,signal,section", CANCELLED)
def test_context_cancels(found, text, signal, section):
    assert signal not in found(text, section=section or "experience")


# a tool is named wherever a reader sees it (SIGNALS.md: "anywhere"), in a plan, a wish or a negation too: the mood
# cancels the act, not the name
NAMED_IN_ANY_MOOD = [
    "Plan: migrate the batch jobs to Kubernetes next year",
    "Eager to learn: MLflow, Airflow",
    "Familiar with Kubeflow from a proof of concept that was never adopted",
]


@pytest.mark.parametrize("text", NAMED_IN_ANY_MOOD)
def test_context_never_cancels_a_named_tool(found, text):
    assert "production_stack" in found(text)


@pytest.mark.parametrize("text,signal", KEPT)
def test_context_keeps(found, text, signal):
    assert signal in found(text)


def test_context_cancelled_match_in_trail(detector):
    from resume_signals.document import LineDraft, assemble
    from resume_signals.report import Section

    doc = assemble([LineDraft("• Plan to ship the ranking model and we never shipped it", bullet=True)], "txt")
    trail: list[dict] = []
    signals = detector.detect(doc, [Section("experience", None, 0, len(doc.text))], [], trail=trail)
    assert not [s for s in signals if s.name == "shipped"]
    reasons = [t.cancelled_by for t in trail if t.name == "shipped"]
    assert len(reasons) == 1 and reasons[0].startswith("context:")


FWD = ContextRule("f", "modifier", "FUTURE", "forward")
BWD = ContextRule("b", "modifier", "FUTURE", "backward", max_scope=3)
TERM = ContextRule("t", "terminate")
PSEUDO = ContextRule("p", "pseudo")


@pytest.mark.parametrize("hits,match,expected", [
    ([(FWD, 1, 2)], (4, 5), "f"),             # forward trigger before the match
    ([(FWD, 6, 7)], (4, 5), None),            # forward trigger after the match
    ([(FWD, 1, 2), (TERM, 3, 4)], (4, 5), None),  # terminated before the match
    ([(BWD, 8, 9)], (6, 7), "b"),             # backward within max_scope
    ([(BWD, 9, 10)], (2, 3), None),           # backward beyond max_scope
    ([(FWD, 1, 2), (PSEUDO, 0, 3)], (4, 5), None),  # pseudo-trigger swallows the trigger
])
def test_context_scope_arithmetic(hits, match, expected):
    triggers, terms = active_triggers(hits, 0)
    rule = modifier_for(match[0], match[1], triggers, terms, 0, 20, None)
    assert (rule.id if rule else None) == expected


def test_context_category_filter():
    triggers, terms = active_triggers([(FWD, 0, 1)], 0)
    assert modifier_for(3, 4, triggers, terms, 0, 10, frozenset({"NEGATION"})) is None
    assert modifier_for(3, 4, triggers, terms, 0, 10, frozenset({"FUTURE"})) is FWD
