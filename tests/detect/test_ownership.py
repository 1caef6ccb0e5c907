"""ownership: owned, led, drove, architected, accountable for, tech lead of; never helped/assisted/participated."""

import pytest

POSITIVE = [
    "My team owns the upstream Spark jobs and the feature store",
    "Define and own SLOs for 14 payment services",
    "Responsible for 3 production models and their on-call",
    "Rearchitected the feature pipeline behind the ranking models",
    "Direction de l'équipe technique d'un projet de recommandation",
    "Liderei a migração do serviço de pagamentos para a nuvem",
    "Currently leading a team of AI engineers at a robotics lab",
    "Leading product engineering for the claims assistant",
    "Presently owning the fraud models and their alerts",
    "Led the ranking team through the holiday season launch",
    "Lideré el rediseño del motor de recomendaciones",
    "Leitung des Plattform-Teams für die Bestellabwicklung",
    "Verantwortlich für die Cloud-Plattform der Logistiksparte",
    "Led the school-admissions forecasting model from prototype to launch",
    "Architected the third iteration of the geocoding service",
    "Tech lead for 3 teams across indexing and retrieval",
    "Led the migration from Solr to Elasticsearch",
    "Owned checkout on-call for eighteen months",
    "Drove a 14% cut in mis-picks",
    "Drove the migration from Flask services to KServe",
    "Owned the forecasting slice of the customer's analytics platform",
    "Lead a team of 5 data engineers",
    "Led the post-mortem after a cache-invalidation outage",
    "Was accountable for the fraud model's loss rate",
    "Responsible for the pricing service end to end",
    "End-to-end ownership of the ranking stack",
    "Spearheaded the move to streaming features",
    "Own the feature store and its SLOs",
    "Drove adoption of the feature store to 80% of squads",
    "Responsible for the payments API and its on-call rota",
    "Lead scientist in establishing the retraining framework for the ASR models",
    "As the sole data scientist on the billing migration, rebuilt the forecasts",
    "Directed the five members of the pricing team through the re-platforming",
    "Technical guide of the analytics team",
    "Set up the booking app's architecture and its release process",
    "Spearheaded a refactor of the legacy scheduler, cleaning up years of dead code",
]

NEGATIVE = [
    "Led campus tours for prospective students",
    "The holdout showed radio spend drove 9% incremental sign-ups",
    "Supported the team that owned the search engine",
    "Drove about 9,000 km between field plots in one summer",
    "Responsible for 42 first-year residents on one floor",
    "Changed the direction of the analytics roadmap",
    "Liderança comunitária em eventos de tecnologia",
    "Currently leading provider of retail analytics in the region",
    "Leading edge research on retrieval, as the lab's newsletter put it",
    "Leading expert in causal inference for marketing",
    "Led the under-14 team to its first regional championship",
    "Planned and led weekly meetings with parents and field managers",
    "Built a progress bar that drove up weekly retention by 20%",
    "Led groups of 9 junior high students in discussions on study skills",
    "Responsabilidade compartilhada pelos testes automatizados",
    "Leitungswasser-Installationen im Bürogebäude",
    "Led weekly lab sessions and tutorials for second-year statistics",
    "Led school science experiments for a visiting class",
    "Helped the loyalty team load segments into Iterable",
    "Assisted the platform team with the Kubernetes migration",
    "Participated in fortnightly risk model committees",
    "Involved in the migration to Airflow",
    "Exposure to large-scale ranking systems",
    "Familiar with end-to-end ML pipelines",
    "That study led to a leaner discount policy",
    "Picked, packed and shipped orders and drove reach trucks",
    "The project was led by the platform team",
    "Helped lead the data quality working group",
    "Staff engineer for the build scripts no one else wants to own",
    "Lead Data Scientist, Assicura (Feb 2016 – Present)",
    "Head of Machine Learning, Kowhai Health",
    "Lead ML Engineer",
    "Lead, Data Platform",
    "Lead engineer on the billing rewrite",
    "Lead machine learning engineer",
    "Containerised the services with Docker and orchestrated them with Kubernetes",
    "Drove to partner farms twice a month to install sensors",
    "Responsible for ordering stationery and booking travel arrangements",
    "Led a fortnightly journal club on causal inference papers",
    "Lead scientist on the project",  # a role line without an act
    "As the only intern on the team, shadowed the analysts",
    "Directed customers to the right service desk",
    "Studied the architecture of transformer models",
    "Responsible for office cleaning and kitchen supplies",
]


@pytest.mark.parametrize("text", POSITIVE)
def test_ownership_positive(found, text):
    assert "ownership" in found(text)


@pytest.mark.parametrize("text", NEGATIVE)
def test_ownership_near_miss(found, text):
    assert "ownership" not in found(text)
