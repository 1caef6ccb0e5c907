"""monitoring: systems and models (alerts, drift, SLOs, on-call, observability tools), not patients or stock."""

import pytest

POSITIVE = [
    "Retraining is triggered automatically when drift is detected on the inputs",
    "Caught lighting-driven drift in 60 stores after an LED retrofit",
    "Freshness alerts on every feature table page the on-call",
    "Watched crash and ANR dashboards for the Android app during release weeks",
    "Migrated 23 models to KServe without a missed SLA",
    "Retrain the uplift model monthly and review its weekly redemption dashboard",
    "Track suggestion acceptance and prediction error by depot on a Power BI dashboard",
    "Built the Looker dashboard the risk team uses to watch the fraud model's approval rate",
    "Tracked the default model's monthly population stability index",
    "Automatic rollback if the approval rate drifts more than 2 points from the champion",
    "Retraining fires when PSI goes above 0.2 on any top feature",
    "Online/offline skew alerts on the 300 features",
    "Set up UptimeRobot checks on the booking API",
    "Drift-triggered retraining on Kubeflow with a human sign-off",
    "Mentored 3 newer SREs through their first primary on-call shifts",
    "Added crash-rate alerts that pinged our Slack channel whenever the crash rate went over 0.5%",
    "Category managers get an alert when forecast error stays above 30% for two weeks",
    "Retraining triggers when drift or label delay crosses a threshold",
    "Rolled back the ranker within minutes after guardrail alerts fired",
    "Data quality checks plus a freshness dashboard for the nightly loads",
    "Rolled back the bidding model when the spend-pacing dashboard showed a 9% overspend",
    "Wrote a tool that diffs the router configs nightly and raises a ticket when a device drifts",
    "Took on-call duty for the payments services two nights a week",
    "Added service level monitoring for the scoring API",
    "Set up alerts for service latency and error spikes",
    "Configured alerts on model drift for the pricing service",
    "Monitored model drift for patient triage and alerted on-call when calibration slipped",
    "Set up drift checks in Alibi Detect with Grafana alerts when default rates swing",
    "On call for the scoring API (99.95% SLO)",
    "Carried the pager for the hourly billing exports",
    "Took a spot on the on-call rotation in week 6 and handled 8 pages",
    "Set up Looker alerts that fire when the recommender's click share sags",
    "Made a Grafana panel of forecast error per store, alerting on sharp spikes",
    "Set up nightly Evidently reports on feature drift and bias for the production scorer",
    "Head a group accountable for data labelling, retraining and model monitoring",
    "Added monitoring and alerting for the feature pipeline",
    "Monitored model latency and error rates with Prometheus",
    "Defined SLOs and error budgets for the inference service",
    "Added data drift detection to the ingestion jobs",
    "Instrumented the recommender with Datadog dashboards",
    "Built observability for the batch scoring jobs",
    "Rolled out concept drift alerts for the credit model",
    "Rolled back the ranker after catching a dip in approval rate on the dashboard",
    "Wrote a plug-in framework to gather time-series metrics from every Postgres host",
    "Instrumented the booking API with request and error metrics",
    "Tied the rollout's kill switch to the approval-rate alert of the credit model",
    "Added a row-count anomaly alert to the nightly billing job",
    "Set up a weekly check that e-mails the team when the forecast misses actuals by 10%",
    "Forecast accuracy is tracked on a Looker dashboard for the planners",
]

NEGATIVE = [
    "Monitored the credit exposure of 200 corporate clients",
    "Monitored carrier on-time performance and flagged late lanes",
    "CCTV monitoring and foot patrols across the campus on night shifts",
    "Sold fibre contracts with 99.99% uptime SLAs to 20 clients",
    "Monitored influenza surveillance data weekly for the county",
    "Monitored supplier lead times and expedited late orders",
    "Attended on-call training and shadowed the SRE rotation for a week",
    "Drafted procurement guidance, including requirements for model monitoring and rollback plans",
    "Presented weekly vibration-monitoring summaries to the plant team",
    "Greek myths such as Prometheus Bound, and ray tracing",
    "Prepared interim analyses for the independent Data Monitoring Committee",
    "Monitored the open computer lab during evening shifts",
    "Spent a week in the fleet monitoring room with the dispatchers",
    "Predicted next-day PM2.5 for 30 air-quality monitoring stations with an LSTM",
    "Did building safety rounds and took on-call duty two nights a week",
    "Wrote rollback runbooks for every release of the billing system",
    "Built a garbage level monitoring system for the campus bins",
    "Set up news alerts for competitor launches",
    "Configured price alerts on stock for the buying team",
    "Monitored sedated patients and adjusted insulin drips on a 16-bed ward",
    "Monitored post-op cardiac patients through the night shift",
    "Coordinated the home patient monitoring pilot with monthly summaries",
    "Built a sepsis early-warning model from ward patient-monitoring feeds",
    "Did stock monitoring and spot counts for the cold-chain aisle",
    "Built the depot's inventory-monitoring report in Qlik",
    "Monitored students during exams",
    "The agency monitors its customers’ online reputation and answers reviews",
    "Work in a pod of 5 that upkeeps the fraud transaction-monitoring model",
    "Built the monthly store-footfall dashboard in Looker Studio",
    "Went live through the EHR's alerting module",
    "Plan to add monitoring next quarter",
    "Will set up drift detection once the model is live",
    "Eager to learn observability tooling",
    "Monitoring of competitor prices for the pricing team",
    "Tracking Topic Drift Over Decades in Parliamentary Speeches",
    "Monitored KPIs and reported to leadership weekly",
    "Spotted a spike in store sales on the marketing dashboard",
    "Collected sales metrics from 40 stores for the quarterly report",
    "Gathered requirements and defined success metrics for the launch",
    "On-call nurse on the cardiac ward two weekends a month",
    "Worked as an on call electrician for the housing association",
    "Handled stock monitoring alerts for 9 stores",
    "Issued a birth-rate alert to the regional press office",
    "Mentor 4 junior SREs in incident response",
    "Sales error by region is tracked on a Tableau dashboard",
]


@pytest.mark.parametrize("text", POSITIVE)
def test_monitoring_positive(found, text):
    assert "monitoring" in found(text)


@pytest.mark.parametrize("text", NEGATIVE)
def test_monitoring_near_miss(found, text):
    assert "monitoring" not in found(text)


def test_monitoring_tool_in_skills_is_stack_only(found):
    got = found("Monitoring: Prometheus, Loki, Opsgenie", section="skills", bullet=False)
    assert "monitoring" not in got
    assert got["production_stack"].value == ("Prometheus", "PagerDuty")  # Opsgenie is PagerDuty's family
