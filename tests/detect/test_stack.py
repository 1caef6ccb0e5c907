"""production_stack: canonical tool names, anywhere incl. skills and certifications; not libraries or DBs."""

import pytest

POSITIVE = [
    ("Platform: Kubernetes (EKS), Argo CD, Terraform, GitHub Actions, Docker", "skills", "Kubernetes"),
    ("k8s, helm charts, ArgoCD", "skills", "Kubernetes"),
    ("K8s", "skills", "Kubernetes"),
    ("EKS and GKE clusters", "skills", "Kubernetes"),
    ("Certified Kubernetes Administrator (CKA), 2024", "certifications", "Kubernetes"),
    ("AWS Certified Machine Learning – Specialty, 2023", "certifications", "AWS"),
    ("Microsoft Azure Fundamentals (AZ-900), 2024", "certifications", "Azure"),
    ("Airflow (scheduling my own report jobs), Git", "skills", "Airflow"),
    ("Data & ML: Airflow, Kafka, Spark, Feast, MLflow, scikit-learn", "skills", "Airflow"),
    ("PySpark, pandas", "skills", "Spark"),
    ("Runs on a Heroku hobby dyno", "projects", "Heroku"),
    ("Moved the detector to ONNX Runtime on the Jetson", "experience", "ONNX Runtime"),
    ("Built the release pipeline: GitHub Actions builds, images pushed to ECR", "experience", "GitHub Actions"),
    ("Kept 300+ nightly Airflow DAGs running", "experience", "Airflow"),
    ("Served models with TensorFlow Serving and Triton", "experience", "TensorFlow Serving"),
    ("Vertex AI pipelines and BigQuery", "skills", "Vertex AI"),
]

NEGATIVE = [
    ("Python, PyTorch, LightGBM, XGBoost, scikit-learn, Polars", "skills"),
    ("SQL (PostgreSQL, MySQL), Python (pandas, statsmodels), R", "skills"),
    ("PostgreSQL, Redis, MongoDB, ClickHouse", "skills"),
    ("Go, Python, TypeScript, SQL", "skills"),
    ("Jupyter, NumPy, Keras, TensorFlow", "skills"),
    ("Git, GitHub", "skills"),
    ("Ray Chen", "contact"),
    ("Sparked interest in data at a summer camp", "summary"),
    ("Google Data Analytics Professional Certificate, 2022", "certifications"),
    ("Tableau, Looker, GA4, Optimizely", "skills"),
]


@pytest.mark.parametrize("text,section,tool", POSITIVE)
def test_stack_canonical(found, text, section, tool):
    sig = found(text, section=section, bullet=section == "experience")["production_stack"]
    assert sig.value == tool
    assert sig.rule == "production_stack.tool"


@pytest.mark.parametrize("text,section", NEGATIVE)
def test_stack_near_miss(found, text, section):
    assert "production_stack" not in found(text, section=section, bullet=False)


@pytest.mark.parametrize("alias", ["k8s", "K8s", "Kubernetes", "KUBERNETES", "kubernetes"])
def test_stack_aliases_are_one_tool(found, alias):
    assert found(f"{alias}, Docker", section="skills", bullet=False)["production_stack"].value == "Kubernetes"


def test_stack_lexicon_has_no_excluded_tools():
    from resume_signals.rules import load_rules

    tools = load_rules().lexicons["stack"].values()
    aliases = {a.lower() for t in tools for a in t.get("aliases", []) + t.get("exact", [])}
    for name in ("scikit-learn", "pytorch", "tensorflow", "keras", "xgboost", "pandas", "numpy", "python", "jupyter",
                 "postgresql", "mysql", "mongodb", "redis", "git"):
        assert name not in aliases
