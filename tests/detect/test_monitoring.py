"""monitoring: systems and models (alerts, drift, SLOs, on-call, observability tools), not patients or stock."""

import pytest

POSITIVE = [
    "Wrote PSI-based drift checks and Grafana alerts on approval-rate shifts",
    "On call for the scoring API (99.95% SLO)",
    "Carried the pager for the nightly warehouse loads",
    "Joined the on-call rotation in month 4 and resolved 11 pages",
    "Set up Looker alerts that flag when the experiment service skews traffic",
    "Built a Grafana board of per-site detection confidence with alerts on sudden drops",
    "Set up weekly Evidently reports on input drift and calibration for the live model",
    "Lead a team responsible for training, serving and model monitoring",
    "Added monitoring and alerting for the feature pipeline",
    "Monitored model latency and error rates with Prometheus",
    "Defined SLOs and error budgets for the inference service",
    "Added data drift detection to the ingestion jobs",
    "Instrumented the recommender with Datadog dashboards",
    "Built observability for the batch scoring jobs",
    "Rolled out concept drift alerts for the credit model",
    "Rolled back the ranker after catching a dip in approval rate on the dashboard",
]

NEGATIVE = [
    "Monitored ventilated patients and titrated vasopressors in a 24-bed ICU",
    "Supported the remote patient monitoring programme with weekly reports",
    "Built a deterioration risk model from bedside patient-monitoring data",
    "Ran stock monitoring and cycle counts for the high-value cage",
    "Built the site's inventory-monitoring dashboard in Power BI",
    "Monitored students during exams",
    "Sit in a squad of 6 that maintains the AML transaction-monitoring model",
    "Built the weekly channel-performance dashboard in Tableau",
    "Went live through the EHR's alerting module",
    "Plan to add monitoring next quarter",
    "Will set up drift detection once the model is live",
    "Eager to learn observability tooling",
    "Monitoring of competitor prices for the pricing team",
    "Measuring Faithfulness Drift Across Languages in Abstractive Summarisation",
    "Monitored KPIs and reported to leadership weekly",
    "Spotted a spike in store sales on the marketing dashboard",
]


@pytest.mark.parametrize("text", POSITIVE)
def test_monitoring_positive(found, text):
    assert "monitoring" in found(text)


@pytest.mark.parametrize("text", NEGATIVE)
def test_monitoring_near_miss(found, text):
    assert "monitoring" not in found(text)


def test_monitoring_tool_in_skills_is_stack_only(found):
    got = found("Monitoring: Prometheus, Grafana, PagerDuty", section="skills", bullet=False)
    assert "monitoring" not in got
    assert got["production_stack"].value == "Prometheus"
