"""Real phrasing (issue 9, section 2): present-tense acts, labels before the act, more wordings of the signals.

Each signal's rows hold positives and, next to them, the near misses that must stay silent.
"""

import pytest


def _rows(signal, pairs):
    """(text, signal, expected) rows of one signal, from (text, expected) pairs."""
    return [(text, signal, expected) for text, expected in pairs]


ROWS = [
    # present tense of a current role opens the bullet with the act; a noun or a plan does not
    ("Deploy credit-limit models for four lending markets", "deployed", True),
    ("Productionize the weekly demand forecast for the grocery chain", "deployed", True),
    ("Deployment of credit-limit models is owned by another group", "deployed", False),
    ("Plan to deploy credit-limit models next year", "deployed", False),
    ("Ships the weekly newsletter to subscribers", "shipped", False),
    # a label before the act does not hide it; a list that a plan heads stays a plan
    ("Storm alerts (harbour planning): built and deployed a surge model", "deployed", True),
    ("Route planning: launched the dispatch optimiser in 9 depots", "deployed", True),
    ("Future work: deploy the surge model to every harbour", "deployed", False),
    ("Next steps: launched dashboards for the pilot", "deployed", False),
    ("Coursework: deployed a toy recommender on a laptop", "deployed", False),
    # an act done with another team is the act
    ("Partnered with the infra group to deploy the fraud scorers into production", "deployed", True),
    ("Collaborated with ops to launch the routing model in production", "deployed", True),
    ("Hope to deploy the fraud scorers into production", "deployed", False),
    ("Partnered with the infra group to deploy a demo to staging", "deployed", False),
    # watching the street through cameras is what a vision system does; watching a network's traffic is monitoring
    ("Built a traffic monitoring system on junction cameras with a YOLO detector", "monitoring", False),
    ("Ran parking monitoring for the city garages", "monitoring", False),
    ("Added network traffic monitoring and alerts to the inference API", "monitoring", True),
    ("Monitored drift of the pedestrian detector in production", "monitoring", True),
    # a stated stretch of deploying, the gerund before it with its object; tooling that let the team deploy
    ("Engineer with 8 years specializing in migrating batch scorers and deploying ranking models", "deployed", True),
    ("Built release tooling that allowed us to quickly deploy 300 services a day", "deployed", True),
    ("Wrote the rota that allowed us to deploy nurses across wards", "deployed", False),
    ("Specializing in modernizing legacy services, eager to learn deploying models", "deployed", False),
    # the current role's progressive form opens the bullet; a title opening with the gerund is a topic
    ("Deploying and monitoring claim-triage models for three insurers", "deployed", True),
    ("Deploying models: lessons from a year of on-call (meetup talk)", "deployed", False),
    # a course, class or thesis deploy is coursework unless people outside it used the result
    ("Course project: deployed a bird-call classifier to Render for the final demo", "deployed", False),
    ("Launched a quiz bot for classmates during the term", "deployed", False),
    ("Deployed a Flask scorer to AWS as part of the distributed systems module", "deployed", False),
    ("Thesis: deployed the triage model as an API now used by 3 clinics", "deployed", True),
    ("Deployed the fraud model in the course of the data-centre migration", "deployed", True),
    # keeping a model fresh is iteration; watching its freshness is monitoring
    ("Built incremental training for the speech models for model freshness", "post_launch_iteration", True),
    ("Kept the ranking models fresh with nightly jobs", "post_launch_iteration", True),
    ("Watched click-through and model freshness on a Grafana board", "post_launch_iteration", False),
    # a state told after the act, in brackets: it has not happened
    ("Weekly retraining of the churn model agreed with finance (not yet implemented)", "post_launch_iteration", False),
    ("Retrained the churn model weekly; the drift alerts are not yet live", "post_launch_iteration", True),
    ("Retrained the churn model weekly; the drift alerts are not yet live", "monitoring", False),
    # an SLA in a contract is not a service level watched on a system
    ("Negotiated SLAs with the cleaning contractors", "monitoring", False),
    ("Defined SLAs and alerts for the scoring API", "monitoring", True),
    # automating a deployment is an act on it
    ("Automated the deployment of the scoring models into production with Argo", "deployed", True),
    ("Automated the deployment checklist reviews for the audit team", "deployed", False),
    # building or running the path that serves models is production; serving food or people is not
    ("Worked on both offline training and online serving of the recommenders", "deployed", True),
    ("Maintain the real-time serving layer for the search ranker", "deployed", True),
    ("The claims scorer is used in production by three teams", "deployed", True),
    ("Designed online serving size guides for the meal-kit site", "deployed", False),
    ("Used Python in production code reviews", "deployed", False),
    ("Read about low-latency serving systems in a reading group", "deployed", False),
    # the size of the teams the work took
    ("Own delivery of projects involving 5-10 engineers", "team_size", True),
    ("Own delivery of projects involving 3 datasets", "team_size", False),
    # a group of people is a team when it is the candidate's, an audience when spoken to
    ("Manage a 7-person applied research group", "team_size", True),
    ("Presented the roadmap to a group of 40 sales staff", "team_size", False),
    # version tracking with a tracking tool is versioning; of documents it is not
    ("Kept version tracking of every training run and artefact in MLflow", "versioning", True),
    ("Kept version tracking for contracts in SharePoint", "versioning", False),
    # a run of leadership verbs carries its number to the people noun
    ("Supervise, mentor and coach 14 data and platform engineers", "team_size", True),
    ("Hired, mentored and coached 6 junior analytics engineers", "team_size", True),
    ("Supervise, mentor and coach 3 summer projects", "team_size", False),
    # post-launch iteration: driven by live metrics, or a new version of a system in use
    ("Made iterative improvements from live usage metrics of the ranker", "post_launch_iteration", True),
    ("Iteratively tuned the pricing model on real-time performance metrics", "post_launch_iteration", True),
    ("Built the next version of the invoice classifier", "post_launch_iteration", True),
    ("Overhauled the existing search ranking service", "post_launch_iteration", True),
    ("Made iterative improvements to the notebook on validation data", "post_launch_iteration", False),
    ("Revamped the current onboarding process for new hires", "post_launch_iteration", False),
    ("Built a new model for churn", "post_launch_iteration", False),
    ("Designed a new logo for the app", "post_launch_iteration", False),
]


OWNER_ROLES = _rows("ownership", [
    ("Product owner for the claims-triage model and its roadmap", True),
    ("Global lead for event tracking across the web shop", True),
    ("Lead trainer for new analysts on the BI tools", False),
    ("Met the product owner for the claims app weekly", False),
    ("Worked under the product owner's direction", False),
])


APPROX_SIGNS = _rows("outcome_metric", [
    ("Lifted click-through on the deals page by \u223c3x", True),  # the tilde operator some PDFs print for "~"
    ("Lifted click-through on the deals page by ~3x", True),
    ("Trained on \u223c3 TB of click logs", False),
])


COMPETITION = _rows("competition", [
    ("Winner, Quillhaven Hack Week 2024: an LLM that writes hand-off summaries", True),
    ("Won the office hack day with a parking rota spreadsheet", False),
    ("Smart Hackathon 2025, Grand Finale finalist (top 5 of 112 teams) with a crop-disease model", True),
    # a prize at a hackathon, however the event is spelt, and a contest prize-winner for a model
    ("Built an award winning parcel-routing model for a city logistics hackaton", True),
    ("Award-winning churn predictor at the regional insurers hackathon", True),
    ("Spring datathon finalist with a hospital bed-demand forecast", True),
    ("Flood-forecasting contest prizewinner with a gradient-boosted model", True),
    ("Built an award-winning product for retail analytics", False),
    ("Organised the office hackaton catering", False),
    ("Spelling contest prizewinner in primary school", False),
    ("1st prize at a weekend hackathon for a recipe-sharing web app", False),
    ("1st prize at a weekend hackathon for a recipe-recommendation model", True),
    # a placing counts next to a contest word or a model word; a generic "data" or a sport does not make it one
    ("Top 9% finish (rank 40 of 450+) with a CatBoost model", True),
    ("Ranked 12th of 900 with a pseudo-labelled ensemble", True),
    ("Ranked 2nd of 30 analysts in the data audit", False),
    ("Top 3% of the support team in data entry accuracy", False),
    ("Runner-up, Satellite Crop Segmentation Challenge, CVPR 2021", True),
    ("Runner-up, county debate championship", False),
    ("Took the top prize at HackZurich with a wait-time predictor", True),
    ("Won a prize at HackerRank for SQL puzzles", False),
    ("Won a regional hackathon with a retrieval-augmented support bot", True),
    ("Gold, 3rd of 1,200 teams: automated essay scoring with pseudo-labels", True),
    ("2nd place, national essay competition for high-school students", False),
    # the win as a label before the contest, and contests about what a model knows or why it decides
    ("Winner, Bus Delay Forecasting Challenge 2022", True),
    ("Finalist: loan-default prediction contest", True),
    ("Prize winner, model interpretability challenge", True),
    ("Hidden-representations (latent knowledge) contest prizewinner", True),
    ("Winner, regional chess challenge", False),
    ("Finalist: office bake-off contest", False),
    ("Winner, quarterly sales contest", False),
])


STACK = [
    # on-device inference runtimes serve a model as a server does
    ("Quantised the detector to TFLite for the Android app", "TensorFlow Lite"),
    ("On-device inference with Core ML on iPhone", "Core ML"),
    # production tools the lexicon lacked: big-data platforms and metrics/APM agents
    ("Ran Hadoop clusters for the nightly billing jobs", "Hadoop"),
    ("Wrote HiveQL rollups for the finance warehouse", "Hive"),
    ("Collected host metrics with Telegraf agents", "Telegraf"),
    ("Moved every service alert into SignalFx detectors", "SignalFx"),
    ("Rolled out VividCortex for query-level database insight", "VividCortex"),
    ("Kept a bee hive on the office roof", None),
    ("Studied the map-reduce paradigm in a distributed systems class", None),
]


@pytest.mark.parametrize("text,tool", STACK)
def test_real_phrasing_stack_tools(found, text, tool):
    signal = found(text).get("production_stack")
    assert (tool in signal.value if tool else signal is None)  # the value lists every tool of the bullet


OWNERSHIP = _rows("ownership", [
    # ownership as a role or a direction of people; a veto word inside a technical act does not cancel it
    ("Directed six analysts in rebuilding the churn forecasts", True),
    ("As the sole ML engineer, built and ran the pricing service", True),
    ("As the only data scientist on the lending desk, set the risk thresholds", True),
    ("Spearheaded the billing rewrite, cleaning up years of tangled code", True),
    ("Owned data cleaning for the claims feature pipeline", True),
    ("Directed acyclic graphs scheduled the nightly loads", False),
    ("Directed to the support queue for escalations", False),
    ("As the only intern, shadowed the platform team", False),
    ("Responsible for the cleaning rota and office supplies", False),
    # the current role as a present participle with its object; an adjective or a vehicle is not ownership
    ("Leading a team of four applied scientists on query understanding", True),
    ("Owning the ranking service end to end", True),
    ("Leading provider of payroll software for clinics", False),
    ("Driving a delivery van between depots", False),
    # a role that leads the work, as the subject; someone else's role is not
    ("Spearheading org-wide migration of the feature store", True),
    ("I was the primary architect on the fraud scoring service", True),
    ("Met the primary architect of the new office building", False),
    ("Serving as lead developer on the claims triage app", True),
    ("Technical product manager for the forecasting platform", True),
    ("Enterprise-wide lead for the model risk programme", True),
    # responsibility for one's own learning is not ownership
    ("Responsible for learning the billing codebase in my first month", False),
    ("Responsible for the learning-to-rank service in production", True),
    # a present-tense ownership verb joined to a past act; the idiom "lead the way" is not
    ("Launched the pricing model in May and own it end to end", True),
    ("Joined the guild early and lead the way on code reviews", False),
    # the lead is the bullet's subject doing the work, or somebody else
    ("Technical lead designing and building the lending risk platform", True),
    ("Tech lead delivering the ranking rewrite", True),
    ("Worked with the tech lead on the fraud scorer", False),
    ("Reported to the technical lead of the search relevance team", False),
    ("Technical lead meeting notes were kept in the wiki", False),
])


OUTCOMES = [
    # coursework numbers are offline at most; a course as a product is not coursework
    ("Wrote a 5x faster sparse solver in a parallel computing class", "outcome_metric", False),
    ("Cut training time by 40% for my master's thesis", "outcome_metric", False),
    ("Capstone: raised click-through by 12% on a simulated shop", "outcome_metric", False),
    ("Raised sign-ups by 12% with a world-class onboarding flow", "outcome_metric", True),
    ("Beat the baseline by 3 points more F1 on the held-out split", "offline_metric", True),
    # changes by a factor, time saved in words, a volume handled per period
    ("Cut nightly restore time by a factor of ten", "outcome_metric", True),
    ("Sped up fraud scoring by an order of magnitude", "outcome_metric", True),
    ("Weighted rare classes by a factor of 4 during training", "outcome_metric", False),
    ("Automated replica setup, saving the ops desk hundreds of hours of toil", "outcome_metric", True),
    ("Spent hundreds of hours labelling street images", "outcome_metric", False),
    ("Built the intake scorer, screening 12k+ loan applications per day", "outcome_metric", True),
    ("Run the claims scorer, handling 30k+ claims across 4 markets", "outcome_metric", True),
    ("Processed 40k scanned invoices for the training set", "outcome_metric", False),
    # a team's growth is not an outcome; an outcome spread across teams is
    ("Cut cloud spend across teams by 10%", "outcome_metric", True),
    ("Lowered the review load of support teams by a third", "outcome_metric", True),
    ("Grew the data team by 4 engineers", "outcome_metric", False),
    ("Scaled headcount from 4 to 12 in a year", "outcome_metric", False),
    ("Increased the analytics staff by 50%", "outcome_metric", False),
    # a duration in words on both sides, a saving written after its amount
    ("Automated the retraining runbook, reducing turnaround from one week to two hours", "outcome_metric", True),
    ("Brought label review down from three days to a few minutes", "outcome_metric", True),
    ("Moved the analytics desk from one office to three", "outcome_metric", False),
    ("Grew the training window from one week of logs to two years of logs", "outcome_metric", False),
    ("Rebuilt the churn report template (6+ hours saved per month)", "outcome_metric", True),
    ("Logged 40 hours of saved game footage for the vision dataset", "outcome_metric", False),
    # reach, speed and time saved written in words; shares of work or of the business the system carries
    ("Tuned the feed ranker for millions of daily users", "outcome_metric", True),
    ("Launched the offline maps feature. Used by thousands daily.", "outcome_metric", True),
    ("Mentored thousands of students in online classes", "outcome_metric", False),
    ("Analysed millions of rows of click logs for the churn model", "outcome_metric", False),
    ("Moved the claims feed to streaming, cutting data delay from hours to seconds", "outcome_metric", True),
    ("Made checkout hundreds of milliseconds faster", "outcome_metric", True),
    ("Built an intake bot, automating 80+ agent-hours weekly", "outcome_metric", True),
    ("Replaced 40 spreadsheets with one dashboard", "outcome_metric", False),
    ("Built intent models that resolve 25% of chat requests without an agent", "outcome_metric", True),
    ("Built the scoring service, now responsible for 60% of approved loans", "outcome_metric", True),
    ("Built the scoring service, now responsible for 60% of approved loans", "ownership", False),
    ("Ran an internal search app supporting 9,000 analysts, engineers and support users", "outcome_metric", True),
    # currency codes before the amount; a measure with its direction; the metric named after the number
    ("EUR 1.4M yearly savings from the routing model", "outcome_metric", True),
    ("CHF 90k grant for the thesis lab", "outcome_metric", False),
    ("Checkout p99 latency down 38% after the cache rewrite", "outcome_metric", True),
    ("Ramped up 5% of traffic to the challenger model", "outcome_metric", False),
    ("Reached 9% lower MAPE than the seasonal baseline", "offline_metric", True),
    ("Reached 9% lower MAPE than the seasonal baseline", "outcome_metric", False),
    ("Saw a 10x speedup from a baseline kernel in the packet path", "outcome_metric", True),
    # a change in a model's errors is model quality; told with its effect in production it is an outcome
    ("Tuned the claims classifier, leading to a 15% reduction in false positives", "offline_metric", True),
    ("Tuned the claims classifier, leading to a 15% reduction in false positives", "outcome_metric", False),
    ("Lowered the error rate of the handwriting model by 40%", "outcome_metric", False),
    ("Cut false positives of the live fraud alerts by 30%, saving analysts 12 hours a week", "outcome_metric", True),
    ("Cut support tickets by 20% after the new intent model went live", "outcome_metric", True),
    ("Scored 91% micro & macro accuracy on the held-out tickets", "offline_metric", True),
    ("Scored 91 micro and macro tickets in the queue", "offline_metric", False),
    # an amount that sizes an organisation is who the work was for; a deal or a saving is an outcome
    ("Built propensity models for a pitch to a $30B+ company", "outcome_metric", False),
    ("Tuned the uplift model for a $900M-revenue retailer", "outcome_metric", False),
    ("Shipped a scorer that won a $3M enterprise contract", "outcome_metric", True),
    ("Retrained the churn model, saving $2M for a large retailer", "outcome_metric", True),
]


MORE_PHRASINGS = [
    # an online figure after an offline one, past a comma, is the online outcome; in its own clause the offline stays
    ("Ranker rebuilt: MRR +0.05 on the test split, +3.1% basket size in the live experiment", "outcome_metric", True),
    ("Ranker rebuilt: MRR +0.05 on the test split and +3% recall", "outcome_metric", False),
    # the team behind a long org name; people recruited for others are not the recruiter's team
    ("Run a 40-person applied science and data engineering department", "team_size", True),
    ("Recruited 30 engineers for the new platform org", "team_size", False),
    # goods and hardware leaving a plant; software leaving a repo is a release
    ("Shipped spare routers and switches to 30 branches", "shipped", False),
    ("Every unit shipped from the plant since May runs the new bootloader", "shipped", False),
    ("Shipped the parts-demand model from the notebook to production", "shipped", True),
    # a policy that is software rolls back; a price or a tax policy does not
    ("Rolled back a faulty routing policy push in under five minutes", "rollback", True),
    ("Rolled back the loyalty discount policy after a quarter", "rollback", False),
    ("Zero unplanned rollbacks across 60 model releases", "rollback", False),
    ("Cut failed releases to zero with automated rollbacks", "rollback", True),
    # flags cleaned up or the flag service's own storage are not a release made safe
    ("Released the ranker behind a feature flag, 5% of users first", "rollback", True),
    ("Removed 120 unused feature flags from the checkout code", "rollback", False),
    ("Moved the feature-flag service from Redis onto DynamoDB", "rollback", False),
    # exploring, learning the job, a workshop's topics, an estimate on a condition, a date set: none is an act
    ("Currently exploring canary releases for the scoring API", "rollback", False),
    ("Explored, prototyped and deployed a churn model for the telco", "deployed", True),
    ("Learning the production side (drift monitoring, on-call) on the job", "monitoring", False),
    ("Gave a workshop on drift monitoring to 50 analysts", "monitoring", False),
    ("Estimated the uplift model could save $250k a year if adopted", "outcome_metric", False),
    ("Projected a 5% sales lift if the pricing engine launches in spring", "outcome_metric", False),
    ("Saved $250k a year once the uplift model was adopted", "outcome_metric", True),
    ("A full retrain of the churn model is scheduled for Q3", "post_launch_iteration", False),
    ("Retrain the churn model every week on fresh labels", "post_launch_iteration", True),
    # the whole journey to production, however long the object; moving to other work is no deploy
    ("Took a 12-layer multi-lingual intent-detection model from research code to production", "deployed", True),
    ("Moved from writing evaluation notebooks to owning a ranking model in production", "deployed", False),
    # help with the deploy is the deploy; help deploying people is not
    ("Helped deploy the anomaly detector to production", "deployed", True),
    ("Helped deploy 20 volunteers to the flooded districts", "deployed", False),
    # coursework used by people outside the course is deployed
    ("Capstone: deployed a triage model at a partner hospital, where nurses used it daily", "deployed", True),
    ("Capstone: deployed a triage model to the course server for grading", "deployed", False),
    # production feedback, a model refreshed, measurement since launch
    ("Thumbs-down answers feed a weekly batch of prompt fixes", "post_launch_iteration", True),
    ("Gave the new office layout a thumbs up", "post_launch_iteration", False),
    ("Refresh the demand model monthly with the newest sales", "post_launch_iteration", True),
    ("Holdout has tracked the recommender's incremental revenue every month since launch", "post_launch_iteration",
     True),
    ("Sales grew 12% since launch", "post_launch_iteration", False),
    # a system's share of the work is its reach; a person's requests answered are a workload
    ("Answers 38% of inbound support chats with no human touch", "outcome_metric", True),
    ("Answered 30 data requests a week for the sales team", "outcome_metric", False),
    # prompts and models registered or versioned together
    ("Prompts are versioned with the code and their eval results", "versioning", True),
    ("Every merge trains, evaluates and registers the model", "versioning", True),
    ("Wrote prompts for the marketing team", "versioning", False),
    ("Added prompt versioning to the chat service", "versioning", False),
    # launches and releases in shops, wards, schools and fire stations; the same verbs on software
    ("Launched the spring window displays for the city-centre store", "deployed", False),
    ("Rolled out drift reports for every live model", "deployed", True),
    ("Deployed teaching aides to the two exam halls", "deployed", False),
    ("Released the reporting app to all 40 branches", "deployed", True),
    # terse and military team sizes, a multi-arm test named alone, an "and" before the online figure
    ("Commanded a 30-soldier platoon on two tours", "team_size", True),
    ("Ran a 2-soldier checkpoint rota", "ownership", False),
    ("A/B/n on checkout copy: 4 arms, 3 weeks", "ab_testing", True),
    ("Set up A/B firmware partitions on the gateway", "ab_testing", False),
    ("New ranker: +2.2 NDCG offline and +1.4% bookings in the A/B test", "outcome_metric", True),
    ("Set up 10% holdouts for every pricing model", "outcome_metric", False),
    ("Set up the pricing service, and bookings went up 10%", "outcome_metric", True),
    # a direction or a roadmap is not yet done (the tools it names are named); a clinical on-call is a trade's rota
    ("Analyst moving toward Spark and Airflow", "production_stack", True),  # a tool is named anywhere (SIGNALS.md)
    ("Moving toward Kubernetes for serving, we cut inference costs 30%", "outcome_metric", True),
    ("Canary releases are next on the team roadmap", "rollback", False),
    ("On-call charge nurse for night shifts", "monitoring", False),
    # models moved into a registry; lots and batches of medicines are no lineage
    ("Moved the team's models into a registry with data hashes", "versioning", True),
    ("Kept batch lineage and lot numbers for compounded medicines", "versioning", False),
    # diagnostic and physics-model scores, a qualified metric
    ("Reached 0.91 sensitivity at 2 false positives per scan on the test split", "offline_metric", True),
    ("Ran a price sensitivity study for 14 product lines", "offline_metric", False),
    ("Hit 3.1% relative L2 error on held-out flow fields", "offline_metric", True),
    ("Scored 96.5% pixel-level AUROC on the benchmark", "offline_metric", True),
    ("Ran 3 pixel-level labelling sprints", "offline_metric", False),
]


# Boundaries of each signal, stop 23: other trades' words, people who retrained, plans and topics, other people's acts,
# numbers that size data, a test or an incident, and results told against a baseline or in brackets
BOUNDARIES = [
    # a datathon is a data contest; a benchmark's test split is not taking part in its challenge
    ("2nd place at the regional datathon on bike-share demand", "competition", True),
    ("Ranked 4th of 60 teams in SemEval-2019 Task 6", "competition", True),
    ("Got 0.71 macro-F1 on the SemEval-2019 Task 6 test split", "competition", False),
    ("1st place at the office hackathon for a bot that books rooms", "competition", False),
    ("1st place at the city hackathon with a crowd-forecasting model", "competition", True),
    ("Kaggler (3x Master)", "competition", True),
    ("Signal research: rank IC of 0.03 on the out-of-sample years", "offline_metric", True),
    # a person retrained is a career; a model retrained where it runs is iteration
    ("Physics teacher who retrained in software engineering in 2021", "post_launch_iteration", False),
    ("Retrained in production each night from the day's labels", "post_launch_iteration", True),
    ("Involved in planning the retraining cadence for the churn model", "post_launch_iteration", False),
    ("Demand forecasts used in planning; retrained the model weekly", "post_launch_iteration", True),
    ("Proposed monthly retraining for the pricing model", "post_launch_iteration", False),
    ("Proposed, built and launched the pricing model", "deployed", True),
    ("Cares about life after launch: retraining, drift, incident reviews", "post_launch_iteration", False),
    ("Released 4 versions of the search ranker since 2022", "post_launch_iteration", True),
    ("Supports 4 versions of the REST API", "post_launch_iteration", False),
    ("v2.1 after launch: reworked the retriever from user reports", "post_launch_iteration", True),
    # an experiment at launch is online; a clinical trial is not
    ("In the launch experiment the new ranker lifted saves 6%", "ab_testing", True),
    ("Ran a randomised controlled trial of 200 patients on the new dressing", "ab_testing", False),
    ("Kept 3% of customers in a holdout to measure the promo model's lift", "ab_testing", True),
    # soldiers, boards and bank holds are sent or released, software is launched
    ("Deployed three times with NATO forces to the Baltics", "deployed", False),
    ("Released the Rev B sensor board to manufacturing", "deployed", False),
    ("Released holds on flagged payments after review", "deployed", False),
    ("Launched the shop's online store; $300k in year one", "deployed", True),
    ("Launched on the App Store in March", "deployed", True),
    ("Launched a pop-up store in Leeds", "deployed", False),
    # results in words, against a baseline, in brackets, to all of a base; numbers that size data, a test or a fault
    ("Late-night pages went from roughly two a week to zero", "outcome_metric", True),
    ("Moved from two offices to one", "outcome_metric", False),
    ("Claims cost 3.5 points below the regional average after launch", "outcome_metric", True),
    ("The retention model kept 1,200 more subscribers than the old rules", "outcome_metric", True),
    ("Hired 2 more engineers than planned", "outcome_metric", False),
    ("Rebuilt the booking app (250k customers) in Kotlin", "outcome_metric", True),
    ("Rebuilt the booking app (Kotlin, Room) in 2023", "outcome_metric", False),
    ("Opened the scoring API to 120 partner accounts", "outcome_metric", True),
    ("Released the assistant to all 12k employees", "outcome_metric", True),
    ("900 active installs of the browser extension", "outcome_metric", True),
    ("Added 2.4% to average order value with the new recommender", "outcome_metric", True),
    ("Added 3 features to the churn model", "outcome_metric", False),
    ("A schema bug corrupted saved carts for 2% of users until we rolled back", "outcome_metric", False),
    ("Labelled set grew from 20k to 150k images", "outcome_metric", False),
    ("Revenue grew from $2M to $5M after the launch", "outcome_metric", True),
    ("Promoted the model after a clear lift in a 5% holdout", "outcome_metric", False),
    ("A/B tested the ranker against the old baseline: +2.9% orders", "outcome_metric", True),
    ("Raised stock accuracy from 91% to 99% with cycle counts", "outcome_metric", True),
    ("Raised stock accuracy from 91% to 99% with cycle counts", "offline_metric", False),
    ("Exact-match accuracy on our 800-question eval set went from 51% to 70%", "offline_metric", True),
    ("Pages the on-call when the error rate tops 3%", "offline_metric", False),
    # other people's acts, course topics, a monitored world
    ("Sat next to the SRE team, who hold the pager for all services", "monitoring", False),
    ("My lead drove the migration to Kubernetes", "ownership", False),
    ("I drove the migration to Kubernetes", "ownership", True),
    ("Elective: Reliable ML (canaries, rollback, drift), grade A", "rollback", False),
    ("Taught a data science bootcamp covering deployment and monitoring", "monitoring", False),
    ("Runbooks covering rollback for the scoring API", "rollback", True),
    ("Monitored tide gauges and issued coastal warnings", "monitoring", False),
    ("Monitor the fraud models' precision every week", "monitoring", True),
    ("Review the overnight alerts and file tickets", "monitoring", True),
    ("Built dashboards that track the churn model in production", "monitoring", True),
    ("Added queue-depth alerting to the ingest service", "monitoring", True),
    # duties that name no system, compounds and titles with "led" and "head"
    ("Responsible for the kit and welfare of 14 sailors", "team_size", True),
    ("Responsible for the kit and welfare of 14 sailors", "ownership", False),
    ("Responsible for opening the shop and counting the till", "ownership", False),
    ("Responsible for the feature store and its SLOs", "ownership", True),
    ("Responsible for the annual pricing refresh of the motor GLMs", "ownership", True),
    ("Led a 6-person security detail", "team_size", True),
    ("'Pharmacist-led deprescribing in care homes', poster, 2022", "ownership", False),
    ("Senior MLE, owning fraud models and their alerts", "ownership", True),
    ("Head chef for a 40-cover restaurant", "ownership", False),
    ("Stored each checkpoint as a W&B artifact with its data hash", "versioning", True),
    # welding, clinical practice, engines and novels share tools' names
    ("Certified welding inspector (AWS), 2019", "production_stack", False),
    ("ICH-GCP training for clinical research staff", "production_stack", False),
    ("Replaced spark plugs and brake pads", "production_stack", False),
    ("Essay on Kafka and modernist fiction", "production_stack", False),
    ("Moved the batch jobs from Hadoop to Spark on AWS", "production_stack", True),
    # a machine's kill switch; a store's name inside a phased rollout; over-the-air waves
    ("Wired the kill switch relay on the conveyor line", "rollback", False),
    ("Launched the model behind a kill switch", "rollback", True),
    ("Shipped through phased Play Store rollouts", "rollback", True),
    ("Firmware pushed over the air in staged waves", "rollback", True),
    # dbt's models, a system's assignment, a next item, nobody's act, goods shipped, the client's engineers
    ("Converted 30 full-refresh dbt models to incremental builds", "post_launch_iteration", False),
    ("Refresh the pricing model every month with new claims", "post_launch_iteration", True),
    ("Built the variant-assignment service; cut decision time from 3 weeks to 8 days", "outcome_metric", True),
    ("Next on my list: a canary stage for the scoring API", "rollback", False),
    ("A churn model that no one dared to retrain", "post_launch_iteration", False),
    ("Boxes shipped per week grew from 9k to 14k over the season", "outcome_metric", False),
    ("Handed the model to the client's team while they deployed it", "deployed", False),
    ("Deployed three of my engineers to the payments squad for a quarter", "deployed", False),
    ("Deployed for six months at a client's head office", "deployed", False),
    # time given back, a present-tense lift, a significance level, a test named the other way round
    ("Automated the invoice check, saving the finance team half a day a week", "outcome_metric", True),
    ("Bronze medal: 0.61 F2 on the private leaderboard", "offline_metric", True),
    ("The current ranker lifts bookings 3.2% against the old one", "outcome_metric", True),
    ("Lift in bookings significant at the 99% level", "ab_testing", True),
    ("Test A/B of the new onboarding emails on 20,000 users", "ab_testing", True),
    ("Kept 5% of clients in a holdout for the upsell model", "ab_testing", True),
    ("Retrain automatically when drift of predictions passes the threshold", "monitoring", True),
    # a site run with its people, teams worked in, a role as a noun
    ("Ran a 90,000 sq ft distribution centre with 120 staff", "team_size", True),
    ("Ran a 90,000 sq ft distribution centre shipping 20,000 orders a day", "outcome_metric", False),
    ("We built the first release in 4 months with 3 engineers", "team_size", True),
    ("I have led organisations of up to 150 engineers", "team_size", True),
    ("Lead of a team of 4 ML engineers", "ownership", True),
    # acts as nouns; plans, goals and searches; what a text or a patent is about; money that sizes a scope
    ("Launch in 2022 of the fraud model to all markets", "deployed", True),
    ("Deployment of the search ranker on the web shop", "deployed", True),
    ("Go-live of the billing system in 4 plants", "deployed", True),
    ("Hypercare for two weeks after the CRM go-live", "post_launch_iteration", True),
    ("Strategy 2025-2027: model monitoring and a feature store for every team", "monitoring", False),
    ("Goal for next year: A/B test every ranking change", "ab_testing", False),
    ("Looking for a role where I can bring drift monitoring to a new team", "monitoring", False),
    ("Writing posts about canary releases and feature stores", "rollback", False),
    ("Holds a patent on shadow deployment of models", "rollback", False),
    ("Owned the P&L of the card business ($40M revenue)", "outcome_metric", False),
    ("Grew the card business revenue by $4M in a year", "outcome_metric", True),
    ("Delivered the data-centre migration 9% under budget", "outcome_metric", True),
    ("Pages on-call when the error rate is over 1%", "offline_metric", False),
    ("The classifier detects 88% of defects on the held-out test set", "offline_metric", True),
    # a lift with its interval, an experiment named by its area, a scored holdout cohort is a test set
    ("Growth experiment on 80k users: sign-ups +1.9pp (95% CI 1.1–2.7)", "ab_testing", True),
    ("Capstone model: 0.74 AUROC on a holdout cohort of 12k patients", "ab_testing", False),
    ("Annotated 5,000 reviews for sentiment, 0.81 Cohen's kappa between raters", "offline_metric", False),
    ("Classifier agreement with the gold labels: 0.81 Cohen's kappa", "offline_metric", True),
    ("GRU forecaster: 57% directional accuracy on the 2023 test months", "offline_metric", True),
    # the drop that made a release come back is the incident; a long job cut; month-end streamlined; scope in money
    ("Rolled back the pricing model after conversion dropped 6% on day one", "outcome_metric", False),
    ("After the retrain, conversion rose 4% against the old model", "outcome_metric", True),
    ("Cut the nightly feature job for the fraud model from 3 h 40 min to 35 min", "outcome_metric", True),
    ("Streamlined the quarterly close from 12 to 7 business days", "outcome_metric", True),
    ("Built weekly sales decks covering $90M in revenue", "outcome_metric", False),
    ("Managed a book of 40 accounts worth $3M ARR", "outcome_metric", False),
    ("Maintainer and tech lead of 9 open-source contributors", "team_size", True),
    # a company grown, firms served, a game's ECS, another team's test, sitting in
    ("Grew the startup from 3 founders to 14 people", "team_size", True),
    ("The claims model now serves 90 insurance firms", "outcome_metric", True),
    ("Toy game engine in Rust with a small ECS for entities and components", "production_stack", False),
    ("Moved the API containers to ECS on Fargate", "production_stack", True),
    ("Supported the growth team's A/B test of the new paywall", "ab_testing", False),
    ("Ran the team's A/B tests on the ranker", "ab_testing", True),
    ("Sat in on on-call handovers during the internship", "monitoring", False),
    # metrics by other names or another decimal mark; errors cut after launch are a production result
    ("Travel-time model: median absolute error down from 3.4 to 2.6 minutes on held-out trips", "offline_metric", True),
    ("Clustered patients; adjusted Rand index 0.64 against the expert labels", "offline_metric", True),
    ("Master thesis on churn with gradient boosting, AUC of 0,83 in the test set", "offline_metric", True),
    ("Cut false positives of the fraud model by 25% after launch with analyst feedback", "offline_metric", False),
    ("Cut false positives by 40% on the test set", "offline_metric", True),
    # others' acts and leads, a deploy one was in charge of, money is no headcount, a plan named a tool
    ("Took part in the lakehouse migration, leaded by the platform team", "ownership", False),
    ("Work with the data platform group, who run the feature pipelines in production", "deployed", False),
    ("In charge of the deploy of the churn model on Vertex AI", "deployed", True),
    ("Run a $3M analytics budget covering people and vendors", "team_size", False),
    ("Next step: serve the model on Heroku behind a Flask API", "production_stack", True),
    ("Now preparing a retraining job for the churn model, planned for spring", "post_launch_iteration", False),
    # people reached, places in a contest, feedback used, registries, an accuracy dashboard, carriers' SLAs
    ("Rolled the claims model out to 60,000 policyholders", "outcome_metric", True),
    ("Kaggle: took part in the demand forecasting competition, position 140 of 2.300", "competition", True),
    ("Our entry to the protein-folding challenge placed 3rd of 40 teams", "competition", True),
    ("Use thumbs-down feedback from users to refine the retrieval prompts every sprint", "post_launch_iteration", True),
    ("Investigated the precision drop after launch and led the fix", "post_launch_iteration", True),
    ("Wrote tooling to register, version and promote models to production", "versioning", True),
    ("Tracked runs in MLflow during hyperparameter search", "versioning", False),
    ("Registered every model in MLflow with its data snapshot", "versioning", True),
    ("Keep the forecast accuracy dashboard the planners check daily", "monitoring", True),
    ("Kept carrier SLA misses under 1% through the holidays", "monitoring", False),
    # a v2 replacing a live model, course modules, goods before "shipped", a person deployed after a clause break
    ("Rolled out the v2 demand model region by region, the old model kept in shadow", "post_launch_iteration", True),
    ("Modules included deep learning, forecasting and A/B testing", "ab_testing", False),
    ("Managed prototype builds shipped to three test labs", "shipped", False),
    ("The team shipped weekly releases of the payments SDK", "shipped", True),
    ("The risk analytics team deployed their model on our event bus; I reviewed the schema", "deployed", False),
    ("Taught for a year with a literacy charity; deployed to a rural school district", "deployed", False),
    ("Deployed twice overseas supporting convoy logistics", "deployed", False),
    ("Put the lapse model into production inside the CRM as a nightly score", "deployed", True),
    ("Capstone: deployed a parking predictor that the city still uses", "deployed", True),
    # results in clock times, a treated group, trading alpha, devices reached, a share driven, time taken
    ("Moved the feature build to Airflow so features land by 5:30 instead of 8:00", "outcome_metric", True),
    ("Renewals were 4.1 points higher in the contacted group", "outcome_metric", True),
    ("In live trading the signal added 80 bps of annualised alpha", "outcome_metric", True),
    ("Released the keyword-spotting model to 1.2M smart speakers", "outcome_metric", True),
    ("Recommendation emails now drive 9% of monthly revenue", "outcome_metric", True),
    ("Shipped the triage model, taking review time per case from 7 to 4 minutes", "outcome_metric", True),
    # metrics of speech, depth, ranking and classification; a place among ~N; a gold-medal write-up
    ("Wake-word model: false-reject rate 4.2% at one false accept per hour on the test corpus", "offline_metric", True),
    ("Ablations improved abs-rel error from 0.151 to 0.137 on the test split", "offline_metric", True),
    ("Session recommender: HR@20 0.58 on the held-out month", "offline_metric", True),
    ("Random-forest entry, 0.81 classification rate, ranked 300 of ~9,000", "competition", True),
    ("Wrote up my gold-medal Kaggle solutions for the forums", "competition", True),
    # a body's signs, a phased rollout hyphenated, a model tied to its data version, a team of four on a rebuild
    ("Built a wearable heart-rate monitoring prototype", "monitoring", False),
    ("Designed the phased-rollout plan for the pricing model, one region at a time", "rollback", True),
    ("Tagged each model package with its dataset version and commit", "versioning", True),
    ("One of four engineers on the checkout rebuild", "team_size", True),
    ("Selected as one of 200 young researchers for the forum", "team_size", False),
    ("Annotated 6,000 posts for toxicity with 0.74 Cohen's kappa between annotators", "offline_metric", False),
    # a ship/no-ship call is no negation; lookups and conversations served; callers reached; goods shipped
    ("Time to a go/no-go call on new rankers went from 2 weeks to 3 days", "outcome_metric", True),
    ("The geocoder handles about 5M lookups a day", "outcome_metric", True),
    ("The support bot now handles 30k conversations a day", "outcome_metric", True),
    ("Put the transcription model into production for 900k monthly callers", "outcome_metric", True),
    ("Shipped packages to ~5k members every spring", "outcome_metric", False),
    ("Shipped books between the branch libraries", "shipped", False),
    # simulation and the lab are offline; a robot's success is an offline score; BLEU-4
    ("Grasp success went from 52% to 81% in simulation", "outcome_metric", False),
    ("The policy reached 87% pick success over 200 lab trials", "offline_metric", True),
    ("Raised payment success rate from 91% to 97% after the retry model launched", "outcome_metric", True),
    ("Captioning model: 29.8 BLEU-4 on the validation split", "offline_metric", True),
    # others' acts on the candidate's work, an eagerness, a working group, an LLM tracer, registry verbs
    ("Built the feature extracts, which the data scientists took to production", "deployed", False),
    ("Eager to move into deploying and monitoring models", "monitoring", False),
    ("Led the informatics workgroup of 6", "team_size", True),
    ("Present findings to the quarterly safety committee (about 25 clinicians)", "team_size", False),
    ("Trace every LLM call to Langfuse", "production_stack", True),
    ("Logged each LLM call with its prompt version, model and cost", "versioning", False),
    # a hyphenated assignment is a system's; app-store releases; transfers, scans handled; days faster
    ("Tested the new rider-assignment model in a switchback experiment: +2.7% trips per hour", "outcome_metric", True),
    ("Release the banking app to the App Store and Google Play every two weeks", "deployed", True),
    ("Payments feature now handles about 120k transfers a week", "outcome_metric", True),
    ("The triage model reads ~6,000 chest X-rays a month", "outcome_metric", True),
    ("Finance now closes the quarter 3 days faster", "outcome_metric", True),
    # a diagnostic rate is an offline score; a company's size in brackets; e-mail alerts; paging; goods shipped
    ("Reader study: sensitivity rose from 0.81 to 0.90 with the model's help", "outcome_metric", False),
    ("Reader study: sensitivity rose from 0.81 to 0.90 with the model's help", "offline_metric", True),
    ("Cut price sensitivity analysis time from 3 days to 4 hours", "outcome_metric", True),
    ("Northwind Grocers (800 stores, $9B revenue)", "outcome_metric", False),
    ("Weekly dashboard with an e-mail alert when forecast coverage drops below 80%", "monitoring", True),
    ("Freshness tests with Slack alerts, so broken loads page us before the morning refresh", "monitoring", True),
    ("Audited tires shipped to three carmakers", "shipped", False),
    # people's coding accuracy, money that sizes a P&L, a book or a limit; a live game's events; a measure added
    ("Coded 50+ charts a day with 96% accuracy on audits", "offline_metric", False),
    ("Managed a team of 20 associates and a $9M annual P&L", "outcome_metric", False),
    ("Wrote policies in a $30M annual premium book", "outcome_metric", False),
    ("Launched 8 seasonal events in a live-service racing game", "deployed", True),
    ("Launched 5 marketing events in Berlin", "deployed", False),
    ("The winning thumbnail model added 2.1% watch time", "outcome_metric", True),
    # a rollback after a shadow comparison is no new version; load monitoring of appliances; upgrades owned
    ("Rolled back the v4 ranker after a shadow comparison showed empty pages", "post_launch_iteration", False),
    ("Non-intrusive load monitoring model: F1 0.74 for appliance detection", "monitoring", False),
    ("Accountable for the SCADA upgrade across two control rooms", "ownership", True),
    # a practice as software, people served by labs, a capstone used across a university
    ("Launched an adaptive practice recommender for the math app", "deployed", True),
    ("Launched the data science practice in 2021", "deployed", False),
    ("Ran weekly labs for 90 students", "team_size", False),
    ("Capstone: deployed a timetable chatbot that students across the university used", "deployed", True),
    # what ended before it shipped, was scheduled, is slated, could happen to any retrain
    ("Wrote a checker for the help centre; the contract ended before it shipped", "shipped", False),
    ("Retraining was scheduled for after my internship", "post_launch_iteration", False),
    ("Slated to own retraining for the routing model from Q1", "post_launch_iteration", False),
    ("Snapshots kept with time travel so any retrain can be reproduced", "post_launch_iteration", False),
    # results past brackets or "the", a drop that triggered a rollback, points more retained, recently owning
    ("Backfill finished in 4 hours instead of the 2 days the old job took", "outcome_metric", True),
    ("Feature freshness went from 6 hours (nightly batch) to under 2 minutes", "outcome_metric", True),
    ("Rolled back the rewrite model after the canary showed a 5% add-to-cart drop", "outcome_metric", False),
    ("The winning renewal model retained 1.4 points more premium", "outcome_metric", True),
    ("Search scientist, most recently owning the ranking stack of a large marketplace", "ownership", True),
    ("Rolled out to all new business in the second quarter", "deployed", True),
]

# a talk's or a paper's title is a topic unless the author tells an own act in the first person
PUBLICATIONS = [
    ("Talk: how we rolled back a faulty fraud model in five minutes", "rollback", True),
    ("Shadow deployments for demand forecasting, PyData 2024", "rollback", False),
    ("Paper describing the pricing model we deployed at a regional grocer", "deployed", True),
    ("Deploying models to the edge: a survey, 2023", "deployed", False),
]


@pytest.mark.parametrize("text,signal,expected", PUBLICATIONS)
def test_real_phrasing_publication_titles(found, text, signal, expected):
    assert (signal in found(text, section="publications", bullet=False)) is expected


ALL_ROWS = [*ROWS, *OWNER_ROLES, *APPROX_SIGNS, *COMPETITION, *OWNERSHIP, *OUTCOMES, *MORE_PHRASINGS, *BOUNDARIES]


@pytest.mark.parametrize("text,signal,expected", ALL_ROWS)
def test_real_phrasing(found, text, signal, expected):
    assert (signal in found(text)) is expected
