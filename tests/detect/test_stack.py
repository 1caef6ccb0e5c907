"""production_stack: canonical tool names, anywhere incl. skills and certifications; not libraries or DBs."""

import pytest

# (text, section, every canonical tool in the order written, ml): a bullet lists all its tools (SIGNALS.md);
# ``ml`` is true only where the line names an ML system (an ML platform or serving tool counts as one).
POSITIVE = [
    ("Set up blue-green deploys on Fly.io behind an Istio mesh", "experience", ("Fly.io", "Istio"), False),
    ("Monitored the WAN through SolarWinds and PRTG", "experience", ("SolarWinds", "PRTG"), False),
    ("Infra: Kubernetes (GKE), Pulumi, GitLab CI, Helm, Docker", "skills",
     ("Kubernetes", "Pulumi", "GitLab CI", "Helm", "Docker"), False),
    ("k8s, helm charts, ArgoCD", "skills", ("Kubernetes", "Helm", "Argo CD"), False),
    ("K8s", "skills", ("Kubernetes",), False),
    ("EKS and GKE clusters", "skills", ("Kubernetes",), False),  # two managed Kubernetes: one tool
    ("Certified Kubernetes Application Developer (CKAD), 2022", "certifications", ("Kubernetes",), False),
    ("AWS Certified Solutions Architect – Associate, 2021", "certifications", ("AWS",), False),
    ("Microsoft Azure Data Fundamentals (DP-900), 2023", "certifications", ("Azure",), False),
    ("Airflow (running my own nightly exports), Git", "skills", ("Airflow",), False),
    ("Pipelines: Airflow, Flink, Spark, Tecton, Kubeflow, pandas", "skills",
     ("Airflow", "Flink", "Spark", "Tecton", "Kubeflow"), True),
    ("PySpark, pandas", "skills", ("Spark",), False),
    ("Runs on a Heroku hobby dyno", "projects", ("Heroku",), False),
    ("Ported the segmenter to ONNX Runtime on a Raspberry Pi", "experience", ("ONNX Runtime",), True),
    ("Set up CI: GitHub Actions runs the tests and pushes images to GCR", "experience", ("GitHub Actions",), False),
    ("Looked after 150+ hourly Airflow DAGs", "experience", ("Airflow",), False),
    ("Served models with TensorFlow Serving and Triton", "experience", ("TensorFlow Serving", "Triton"), True),
    ("Vertex AI pipelines and BigQuery", "skills", ("Vertex AI",), True),
    ("Hadoop and Hive administration for the reporting cluster", "experience", ("Hadoop", "Hive"), False),
    ("Built golden AMIs with Packer and Puppet", "experience", ("AWS", "Packer", "Puppet"), False),
    ("Moved host metrics from Telegraf and Nagios to SignalFx", "experience",
     ("Telegraf", "Nagios", "SignalFx"), False),
    ("Next.js front end on Vercel", "projects", ("Vercel",), False),
    ("Stream Analytics jobs reading the orders Event Hub", "experience", ("Azure",), False),
    ("Shipped logs through Logstash into an ELK stack", "experience", ("Logstash", "Elastic Stack"), False),
    ("Schema design of the Amazon Redshift warehouse, loaded by Dataduct workflows", "experience",
     ("AWS", "Dataduct"), False),
]

NEGATIVE = [
    ("Edited a new translation of Kafka's The Trial", "other"),
    ("BA thesis on Franz Kafka's unfinished novels", "education"),
    ("Training: PyTorch, JAX, DeepSpeed, custom Triton kernels", "skills"),
    ("Python, JAX, CatBoost, XGBoost, scikit-learn, NumPy", "skills"),
    ("SQL (SQLite, MySQL), Python (NumPy, SciPy), Julia", "skills"),
    ("PostgreSQL, Redis, MongoDB, ClickHouse", "skills"),
    ("Rust, Python, Kotlin, SQL", "skills"),
    ("Jupyter, NumPy, Keras, TensorFlow", "skills"),
    ("Git, GitHub", "skills"),
    ("Ray Chen", "contact"),
    ("Sparked interest in data at a summer camp", "summary"),
    ("Google Project Management Professional Certificate, 2021", "certifications"),
    ("Power BI, Metabase, Mixpanel, Amplitude", "skills"),
    ("Ami Tanaka, hive of activity, puppet theatre volunteer, packer at a warehouse", "interests"),
    ("Balanced the airflow through the ductwork of the server room", "experience"),
    ("Reading (Kafka, Borges), hiking, Docker Hub memes", "interests"),
    ("Built real-time stream analytics for the sales team in Excel", "experience"),
    ("Elk hunting and hub-and-spoke cycling tours", "interests"),
    ("Ball & Beam: a PID controller that balances a ball on a beam (Arduino)", "projects"),
    ("Implemented Beam search decoding for the speech model", "experience"),
]


@pytest.mark.parametrize("text,section,tools,ml", POSITIVE)
def test_stack_canonical(found, text, section, tools, ml):
    sig = found(text, section=section, bullet=section == "experience")["production_stack"]
    assert sig.value == tools
    assert sig.ml is ml
    assert sig.rule == "production_stack.tool"


@pytest.mark.parametrize("text,section", NEGATIVE)
def test_stack_near_miss(found, text, section):
    assert "production_stack" not in found(text, section=section, bullet=False)


@pytest.mark.parametrize("alias", ["k8s", "K8s", "Kubernetes", "KUBERNETES", "kubernetes"])
def test_stack_aliases_are_one_tool(found, alias):
    got = found(f"{alias}, Docker, {alias.lower()}", section="skills", bullet=False)["production_stack"]
    assert got.value == ("Kubernetes", "Docker")  # each tool once, in the order first written


def test_stack_lexicon_has_no_excluded_tools():
    from resume_signals.spec.rules import load_rules

    tools = load_rules().tools.values()
    aliases = {a.lower() for t in tools for a in t.aliases + t.exact}
    for name in ("scikit-learn", "pytorch", "tensorflow", "keras", "xgboost", "pandas", "numpy", "python", "jupyter",
                 "postgresql", "mysql", "mongodb", "redis", "git"):
        assert name not in aliases
