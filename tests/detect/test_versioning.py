"""versioning: registries, DVC, data versioning, lakeFS, time travel, lineage; not version control or git alone."""

import pytest

POSITIVE = [
    "Made every production model traceable to its data version and git commit",
    "A training-set builder that reproduces any historical feature snapshot",
    "Each retraining run is registered in MLflow together with its data snapshot",
    "Every release is registered as a new model version for the audit",
    "Productionised 9 models with a shared registry and automated promotion",
    "Data, code and model versions are pinned together for every training run",
    "Registered each forecaster in the MLflow registry alongside its feature snapshot",
    "Set up a model registry so every release traces back to its data",
    "Versioned training data with DVC",
    "Adopted lakeFS for data versioning",
    "Used Delta Lake time travel to reproduce training sets",
    "Tracked W&B artifacts for every dataset and checkpoint",
    "Shipped lineage back to the training-data snapshot",
    "Built reproducible training pipelines with pinned data versions",
    "Gated model promotions in the registry on offline checks",
    "Registered every model in MLflow together with its training-data version",
]

NEGATIVE = [
    "Wrote the post-mortem for an outage caused by a stale feature snapshot",
    "Thesis: traced cell lineage with genetic barcoding",
    "PhD dissertation on reproducible training pipelines",
    "Kept a shared registry of approved vendors for procurement",
    "Coursework topics: data versioning, reproducibility and model registries",
    "Traced our family lineage back five generations for the genealogy society",
    "Kept every analysis notebook and ETL script under version control in Git",
    "Used git for version control",
    "Released the second version of the labelling tool",
    "Pushed images to the container registry",
    "Pushed container images to the Docker registry",
    "Registered 40 students for the summer school",
    "Will register all models in the registry next quarter",
]


@pytest.mark.parametrize("text", POSITIVE)
def test_versioning_positive(found, text):
    assert "versioning" in found(text)


@pytest.mark.parametrize("text", NEGATIVE)
def test_versioning_near_miss(found, text):
    assert "versioning" not in found(text)
