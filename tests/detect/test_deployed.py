"""deployed: past-tense acts of putting work in front of users or production; not people or plans."""

import pytest

from resume_signals.document import LineDraft, assemble
from resume_signals.report import Section

POSITIVE = [
    ("Deployment in production of the churn model for the operator (2019)", "Deployment in production of"),
    ("Realised with my team of 11 the putting in production of 9 models", "putting in production of"),
    ("Putted in production a real-time fraud detection model", "Putted in production"),
    ("Took care of the going live of the voice assistant in 3 languages", "the going live of"),
    ("Made the industrialisation of the churn model with the IT team", "industrialisation of"),
    ("Phased rollout of the ETA model: 1%, 10%, 50%, then all the cities",
     "rollout of the ETA model: 1%, 10%, 50%, then all the cities"),
    ("Served the image-moderation model in production on Triton", "Served the image-moderation model in production"),
    ("Subrogation model (pilot): built with a vendor and deployed to two claims offices", "deployed"),
    ("Iterated on the live ranker from user feedback, releasing v3 six weeks after launch", ", releasing v3"),
    ("Led a 6-person team that took 2 credit models to production", "took 2 credit models to production"),
    ("Piloted the triage model with 4 underwriters on live referrals", "Piloted the triage model with 4 underwriters"),
    ("Ownership of the ads CTR model; 3 launches/yr", "3 launches/yr"),
    ("Released the first version of the vector store to the search team", "Released"),
    ("GA'd the experiment platform to all product teams", "GA'd"),
    ("Put the flag behind a kill switch and staged it to 10%, 50%, then 100% of users",
     "staged it to 10%, 50%, then 100% of"),
    ("Staged rollout of the routing model across four regions",
     "Staged rollout of the routing model across four regions"),
    ("Took the speech-to-text model to production on Triton", "Took the speech-to-text model to production"),
    ("Led the team that deployed the claims model", "deployed"),
    ("Deployed the classifier myself as a FastAPI service on the bank's cluster", "Deployed"),
    ("Put the radar nowcasting model into operational production in May 2023",
     "Put the radar nowcasting model into operational production"),
    ("Release a live-ops update every week for the game", "Release a"),
    ("Rolled the new multilingual embedding model out in phases", "Rolled the new multilingual embedding model out"),
    ("Serve all search models in production on Triton and Kubernetes", "Serve all search models in production"),
    ("Packaged the models with Docker and served them through Triton at each hub", "served them through"),
    ("I build defect detection models and deploy them on edge devices at the line", "deploy them"),
    ("A platform for clinical predictions which enabled turn-key deployment of new models",
     "enabled turn-key deployment of"),
    ("Owned the credit models, responsible for testing, validation, deployment, and retraining",
     "responsible for testing, validation, deployment,"),
    ("Launched the churn model with the growth team", "Launched"),
    ("Rolled out the pastry-demand forecaster to 40 bakeries", "Rolled out"),
    ("Deployed an XGBoost invoice-matching model as an hourly Vertex AI batch job", "Deployed"),
    ("Launched them on 25k recipe pages", "Launched"),
    ("Released the initial build of the labelling tool to the claims analysts", "Released"),
    ("Rolled out challenger-vs-champion pricing for motor renewals", "Rolled out"),
    ("Rolled it out to the kiosk terminals in October 2022", "Rolled it out"),
    ("Productionized the demand forecast for 300 stores", "Productionized"),
    ("Put the ranking model into production in 2021", "Put the ranking model into production"),
    ("Design, implementation, deployment of a booking app for a sports club",
     "Design, implementation, deployment of"),
    ("Built the stock dashboards, which were implemented into production", "implemented into production"),
    ("Refactored the camera system that is deployed on the edge boxes", "deployed"),
    # SIGNALS.md's release verbs in the other languages the sectioner reads
    ("Desplegué el modelo de riesgo en AWS", "Desplegué"),
    ("Coloquei o serviço de recomendação em produção em 2021", "Coloquei o serviço de recomendação em produção"),
    ("Mise en production du modèle de scoring", "Mise en production"),
    ("Betrugsmodell in Produktion gebracht", "in Produktion gebracht"),
    ("Took the query-serving tier to production in 2022", "Took the query-serving tier to production"),
    ("Went live in 6 depots in May 2023 through the dispatch console", "Went live"),
    ("Model served in production behind a gRPC API", "served in production"),
    ("Deployed the model to staging and then to production", "Deployed"),
    ("Deployed the churn model to production after a week of soak tests on the test cluster", "Deployed"),
    ("Oversaw the deployment of 12 models", "Oversaw the deployment of"),
    ("Led the launch of the new checkout flow", "Led the launch of"),
    ("Productionised the churn model as a FastAPI service", "Productionised"),
    ("Rolled out a podcast recommendation carousel to all app users", "Rolled out"),
    ("Deployed the model as a Lambda function", "Deployed"),
    ("Launched the bank's first GPT-based support agent to all retail clients", "Launched"),
    ("Grew basket size 5% by deploying a session-based recommender", "by deploying"),
    ("Churn fell 3 points after releasing the retention model", "after releasing"),
    ("Four years building, testing and deploying fraud models for card issuers",
     "Four years building, testing and deploying"),
    ("ML engineer specialising in deploying speech models on device", "specialising in deploying"),
    # the act as a noun opening the bullet, with where it went
    ("Deployment of the claims-triage model to production on SageMaker",
     "Deployment of the claims-triage model to production"),
    ("Rollout of the new ranking model to all users", "Rollout of the new ranking model to all users"),
    ("Productionisation of the demand forecaster", "Productionisation of"),
    ("Routing engine: deployment of the ETA model into production", "deployment of the ETA model into production"),
    # the act as one verb of a list that opens the bullet
    ("Design, build and deploy fraud models for three markets", "deploy"),
    ("Designing, implementing, & deploying retrieval assistants for call centres", "deploying"),
]

NEGATIVE = [
    "Preparing the model to be deployed in Q3 after the legal review",
    "Putted in place the monitoring of the models in production",
    "Shipped care packages to deployed alumni for the student council",
    "Consulted on a readmission score; the engagement ended before anything was deployed",
    "Assigned loads for a fleet of 60 tractors; deployed spare trucks to the Dayton depot",
    "Led the 8-person ML platform team and owned the model serving roadmap",
    "Deployed $25M across 9 seed rounds in climate tech",
    "Deployed to a 500-bed hospital client for 6 months to redesign rosters",
    "Deployed with the 82nd Airborne and managed movement of 400 vehicles",
    "Launched a private-label haircare line in 150 stores",
    "Rolled out a new nurse onboarding curriculum to 3 hospitals",
    "Own release testing for the apps: about two releases a week, each gated by a test suite",
    "Nothing deployed, it was a class project",
    "Was deployed to partner farms in Kenya for six weeks to install cameras",
    "Trained a PPO policy; it was deployed to the warehouse simulator only",
    "Matched units that had not yet gone live",
    "Deployed to the regional emergency operations center during the 2019 floods",
    "Rolled back prices to 100% of the old level",
    "Assisted the team that deployed the pricing model",
    "Deployed myself to the Lyon plant for six weeks",
    "Reviewed a proposal from the ML team to run model serving on our clusters; not adopted yet",
    "Deployed to 4 branch libraries to help staff with the new print system",
    "Deployed the detector as a Flask demo for the project review panel; it was not used outside the college",
    "Retraining is signed off by a safety board before each new version goes live",
    "I was asked to deploy them on edge devices next year",
    "Model registry links each released version to its data snapshot",
    "Reviewed the design, testing, deployment of plans for the clinic",
    "Oversaw a telemetry server for deployed devices",
    "Puse mucho esfuerzo en producción audiovisual",
    "Despliegue continuo con Jenkins como objetivo del equipo",
    "Tracked the latency of the deployed model across regions",
    "Implemented into the production schedule a new shift plan",
    "Moved into production recommendation work after the reorg",
    "Responsible for deployment documentation",
    "Enabled deployment planning workshops for the sales team",
    "Launched a new cross-functional team with Growth Marketing",
    "Rolled out pastry and pasta for the evening menu",
    "Deployed temporary pickers across the day and night shifts",
    "Deployed on-site to the customer's Lyon plant for six weeks",
    "Deployed to Afghanistan with the 3rd Infantry Battalion",
    "Deployed my capstone demo, a chatbot, to the staging cluster only",
    "Deployed the thesis prototype to a test cluster only",
    "Deployed the new ranker to a dev server for the hackathon",
    "Model deployment planning for shift labour",
    "Plan to deploy the classifier in 2027 once legal approves the data use",
    "The team plans to deploy the model in 2026",
    "Next step: deploy it as a tiny Streamlit demo",
    "The grant ran out before the forecaster could be launched",
    "It was never taken to production after the budget freeze",
    "0.81 AUC on a held-out week, but it never went into production",
    "Will launch the new onboarding flow next quarter",
    "Released a paper on retrieval at SIGIR",
    "Currently building the refunds service, target launch Q3 2027",
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
    "Interested in deploying language models at scale",
    "Two years studying how teams approach deploying models",
    "Deployment of models on AWS",
    "Deployment strategies for language models in production",
    "Deployment of the fraud model to production is planned for Q3",
    "Design, build and document the data model for billing",
]


@pytest.mark.parametrize("text,match", POSITIVE)
def test_deployed_positive(found, text, match):
    assert found(text)["deployed"].match == match


@pytest.mark.parametrize("text", NEGATIVE)
def test_deployed_near_miss(found, text):
    assert "deployed" not in found(text)


def test_deployed_certification_title_is_no_act(found):
    assert "deployed" not in found("Vendor Academy: Deploying Models on Edge GPUs (2024)", section="certifications",
                                   bullet=False)


def test_deployed_skills_section_noun_does_not_count(found):
    assert "deployed" not in found("Model deployment, deployed models, CI/CD", section="skills", bullet=False)


def test_deployed_unit_end_is_not_read_with_the_next_line(detector) -> None:
    """A bullet ending "into production" stays an act when the next bullet starts with a word; the veto for
    "production" qualifying a noun ("into production recommendation work") reads within one bullet only."""
    doc = assemble([LineDraft("• Moved the ranking models into production", bullet=True),
                    LineDraft("• Site reliability reviews every week", bullet=True)], "txt")
    signals = detector.detect(doc, [Section("experience", None, 0, len(doc.text))], [])
    assert [s.match for s in signals if s.name == "deployed"] == ["Moved the ranking models into production"]
