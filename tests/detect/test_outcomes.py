"""outcome_metric vs offline_metric vs competition: three different jobs behind a number."""

import pytest

OUTCOME = [
    "Introduced blue-green deploys, which took failed-release downtime from about 15 minutes to zero",
    "Shipped 4 major releases of the Android app, which has ~3M MAU",
    "Ranking and serving for 41M monthly active buyers",
    "Cut GPU frame time 2.1 ms on console with a new culling pass",
    "Kept first-response time under 2 hours across 3 shifts",
    "11-point jump in first-contact resolution once the routing model was live",
    "The eligibility screener ran 220K screenings in year one",
    "Model's live Sharpe 1.3 over 22 months; +£4.8M net P&L in 2025",
    "Underwriters used the score on 230 cases; triage time fell from 2 days to half a day",
    "Launched to 100% of 40M DAU in 2021",
    "The cup final hit 2.8M concurrent streams with zero dropped sessions",
    "An augmentation library with about 250k pip downloads a month",
    "Own the shelf-scanning models running on 800 store robots across 40 sites",
    "Tuned alerting across 300 hosts, removing a third of noisy pages",
    "The routing model trimmed a quarter off delivery calls",
    "The intake classifier now handles 60% of inbound forms without a person",
    "Halved the payments API p99 latency by batching reads",
    "Models I built serve 12M MAU across two apps",
    "Met a 99.9% availability SLO through the holiday peak",
    "Put a demo of my captioning model on Heroku; ~800 visitors in its first week",
    "Automated the monthly load reports, which saved the team about three days of work a month",
    # a result after a past act, and the current role's present tense
    "Retrained the claims model to reduce leakage by 12%",
    "Tuned the bidding service's queries to improve page load by around 80%",
    "Cut p99 latency of the ranking API by 30% this year",
    "Stopped flaky merges, lowering change failure (>30%) across the monorepo",
    "Automated the release, which brought deploy time to 40 minutes from 6 hours",
    "Save 3 weeks of manual labelling per quarter with the active-learning tool",
    "Wrote an internal grading app with 120+ weekly users",
    "Own the SLOs for playback start across 31 million monthly viewers",
    "An LLM agent that now resolves about a third of inbound chats without a human",
    "Shipped the churn model to 3 gyms; 61 gyms pay for it today",
    "Reduced the median turnaround from approximately four working days to under one hour",
    "9-day reduction in average cycle time for low-complexity claims",
    "2.1-point improvement in retention among targeted policies",
    "Growers got lodging maps within 4 hours of a flight instead of the next morning",
    "From merged PR to canary in about 25 minutes; it used to take two weeks",
    "Built the invoicing dashboard, used daily by about 30,000 small businesses",
    "The feature store serves 2,300 features to 60 models at 11 ms p99",
    "2.1M listings a day are classified at a third of the old cost",
    "p95 scoring latency is 38 ms",
    "Shortening the wait for fresh features from about 6 hours to under 5 seconds",
    "Nurses now get alerts a median 4.2 hours earlier than with the old score",
    "99.95% of online features land within 5 minutes of their source event",
    "Network reports went from next-day to under 15 minutes",
    "Fine-tuned classifiers that route 60k incoming claim documents a day to 23 queues",
    "Detector inference time is 18 ms per frame on the line",
    "Serves 140 online features at a p99 read latency of 8 ms",
    "The returns dashboard replaced a 6-hour manual Excel process every week",
    "Shipped a re-ranker in v2 that recovered 2.3% of session length",
    "Within a quarter it accounted for 6% of basket value",
    "Daily retraining on its own added 0.6% revenue",
    "Built a progress bar that drove up weekly retention by 20%",
    "Shipped a search box that enables thousands of daily active users to find recipes",
    "Cut vendor fees by Rs 40 lakh a year",
    "Grew the fraud product's revenue to 5.0Cr in six months",
    "Cut the catalogue update cycle from 5 weeks of hand edits to 3 days",
    "Order-to-screen delay fell from 12 minutes to under 30 seconds",
    "Lifted click-through 18% (p < 0.01)",
    "Cutting the legacy mailer saved $85k a year",
    "Saving the team about 10 hours a month",
    "Cut its nightly reconciliation from 5 hours to 25 minutes",
    "It serves 800M lookups a day at p99 60 ms, down from 240 ms",
    "A new product page is indexed in 90 seconds instead of 4 hours",
    "Self-checkout usage rose 22% the following quarter",
    "Now called roughly 600k times a day by 3,500 pharmacies",
    "p95 page load dropped from 2.4 s to 650 ms",
    "Drove a 14% cut in mis-picks",
    "Cut false fraud holds by 47%",
    "+7.9% streams per session",
    "Cut feature-store storage cost by about €6k a month",
    "Cutting GPU spend by 27% (about €290k a year)",
    "Median time to antibiotics fell by 41 minutes",
    "Serving 30M daily users across three regions",
    "Cut p99 latency from 180 ms to 40 ms",
    "Reduced fraud losses by $1.2M annually",
    "Reduced churn by 3 percentage points",
    "Handles 40k requests per second at peak",
    "Made inference 3x faster",
    "Decreased p95 latency to under 100 ms",
    "Released a parser now used by 12 port authorities",
    "The rostering tool is now used by all 64 depot supervisors",
    "Generated $4M in incremental revenue through personalised offers",
    "Maintained 99.95% availability for the payments API",
    "Improved F1 from 0.71 to 0.80, which reduced manual review time by 30%",
    "Cut build times in half",
    "Doubled throughput of the ingestion service",
    "Went from zero to 1M users in 6 months",
    "Browser plugin for note-taking, released in May; 4k monthly users",
    "Launched the triage bot to 800 pilot users in two clinics",
    "Rolled out the voice assistant to 1.5M customers in the Nordics",
    "Published the Android app on F-Droid; 25k+ installs",
    "CSAT up 7 points once the routing model was live",
    "Moved 7-day activation +0.8 pts with the new onboarding ranker",
    "Cut checkout latency 4x (1.2 s→300 ms) by caching embeddings",
    "Trimmed cold-start time (900→250 ms) by precompiling the graph",
    "Raised recall to 0.91 on the validation split, and approvals by 3% in the live funnel",
    "Reduced manual claim reviews by two thirds with a triage model",
    "Shipped the offline mode of the field app to 60K users",  # an app feature, not an offline evaluation
    "Cut nightly restore time by a factor of eight",
    "Sped up the batch scorer tenfold after moving it to Arrow",
    "A 5-fold drop in duplicate tickets after the triage model went live",
    "Automated the replica setup, saving the platform team hundreds of hours a year",
    "Scoring service processing 40k+ loan applications a month in four markets",
    "Lowered the backlog of the claims teams by 15% with an intake classifier",
    "Delivered a 20% cost reduction on the inference fleet",
    "Achieved a 35% query performance enhancement through index tuning",
    "Enhancing checkout conversion by 3% with ranked recommendations",
    # people using the work, as the subject; time saved as a count; durations in words; one-word modifiers
    "Built a routing model that 60 depots now rely on every morning",
    "Released the invoice bot, which 300 accountants use daily",
    "Shipped the churn template that 25 analysts adopted",
    "Shipped one-tap refunds; 18% of eligible customers opted in within a month",
    "Built and deployed a flood model that sends alerts to 9,000 residents",
    "Agents now spend 3 fewer hours a week on manual review",
    "Nightly refresh time fell from a full day to under an hour",
    "Runs fraud scoring for 12M card transactions a day",
    "Launched the triage bot; 700 people used it in the first week",
    "Shipped an intent router that now handles 70% of tickets without human review",
]

NOT_OUTCOME = [
    "Co-investigator, federal award: nowcasting respiratory admissions, $900k, 2020-2025",
    "Led two externally funded projects ($1.4M in total) on nowcasting",
    "Define and review SLOs for the ranking path (p99 under 250 ms, 99.95% availability)",
    "Shipped the feature store before the team grew from 2 to 7",
    "Reconcile roughly 9,000 shipped orders a week against carrier invoices",
    "Balanced a cash drawer of up to $25,000 daily",
    "Grew the org from 14 to 40 people while keeping regretted attrition below 8%",
    "The forecast went live in 140 stores after a six-week shadow run",
    "Answered roughly 40 ad-hoc data requests a month from epidemiologists",
    "Review about 30 pull requests a month for the library",
    "Shadow scoring + 5% canary for every ranker release",
    "Took half of the afternoon off for the offsite",
    "Wrote load tests showing the payout API held p95 under 300 ms at 900 requests per second",
    "Saved a few hours of rework by writing the checklist",
    "Aim to reduce churn by 5% with the new retention model",
    "Tasked with cutting cloud spend by 20% next year",
    "Set a target to grow revenue by 10% from the ranking work",
    "Could lower fraud losses by 8% if the bank adopts it",
    "Tested the prototype app with 8 users in two sessions",
    "Moved to the Berlin office from Paris in 2019",
    "Answer 20-30 ad-hoc data requests a month from Product and Risk",
    "Assisted in cleaning 2 lakh customer-support tickets for a classifier",
    "Load testing the appointment service with k6 (2k requests/s sustained)",
    "Canary every ranker at 5% traffic with auto rollback if add-to-cart drops >1.5%",
    "Won 1st place ($2,000) with a food-waste classifier app",
    "Set its SLOs (p99 under 30 ms, 99.9% availability)",
    "Reviewed 80-120 flagged transactions a day",
    "Presented a retention plan that could cut churn by 10% if adopted",
    "Alert the owner when the Brier score worsens by more than 10%",
    "Rebuilt it from scratch once its lift fell below 1.5x",
    "Grew the function from 9 to 38 over four years",
    "Improved grasp success in simulation from 71% to 76%",
    "Drove up to the site twice a week to calibrate the sensors",
    "A library that enables thousands of lines of code to be checked",
    "Completed 3 cr of graduate statistics",
    "Used by all three analysts for ad-hoc reporting",
    "0.83 AUC on a held-out year",
    "Raised mAP@0.5 on our held-out drone imagery from 0.62 to 0.77",
    "Spearman correlation with rater scores rose from 0.38 to 0.59",
    "MAE of €112 on a held-out set",
    "Finished 23rd of 2,400 teams (silver)",
    "Silver medal (top 3%) with a transformer",
    "GPA 3.9/4.0",
    "5 years of experience in Python",
    "Worked there from 2019 to 2021",
    "Led a team of 6 engineers",
    "Scraped 60k rental listings",
    "Built 14 credit-risk models",
    "On call for the scoring API (99.95% SLO)",
    "Carried the pager, roughly 2 pages a month",
    "Every candidate ranker gets 2% of traffic for a day",
    "Grew the team from 3 to 12 engineers",
    "Negotiated a salary of $120k",
    "Will cut costs by 20% next year",
    "Dashboards refresh at intervals from 5 seconds to 30 minutes",
    "Won over $40,000 in research fellowships",
    "Dispatched 6,000 parcels per day from the regional fulfilment centre",
    "Sent a feedback survey to 400 users after the beta",
    "Ported the codebase from Python 2 -> 3 across 30 services",
    "Ramped the new ranker 1% → 5% → 50% of traffic over two weeks",
    "Raised F1 to 0.91 on the test split, and recall by 3% on validation",
    "Ranked 4 points above the baseline on the benchmark",
    "Shrank the analytics team by a third after the reorg",
    "Beat the offline baseline by 12% on recall",  # an offline evaluation, next to its near-miss above
    "Made matrix multiply 3x faster in a GPU programming class",  # coursework: offline at most
    "Thesis: cut simulation time by 40% with a surrogate model",
    "Capstone project that reduced checkout latency by 30% in a mock store",
    "Grew the data team by 50% in a year",  # the team's own size, next to "backlog of the claims teams" above
    "Read hundreds of hours of interview transcripts",  # no saving
    "A 3-fold cross-validation on the training set",  # "fold" of an evaluation, not a change
    "A team of 3 engineers used Spark to rebuild the reporting jobs",
    "Led 4 engineers who rely on Kafka for the event bus",
    "Carried a 99.95% availability SLO for the payments API",
    "Hit the sales goal of 40 cars per month",
    "Proposed a pruning scheme that cut FLOPs by 30% at equal accuracy",
    "Trained a model with 40% fewer parameters than the baseline",
]

OFFLINE = [
    ("Calibrated the click model: 0.012 lower ECE than the baseline", "0.012 lower ECE"),
    ("Clustered 40,000 transactions with k-means; silhouette score of 0.41", "silhouette score of 0.41"),
    ("Qini coefficient of 0.21 vs 0.09 for the RFM rules on a time-split validation set", "Qini coefficient of 0.21 "),
    ("Forecast error (WMAPE) fell from 34% to 22% on a 26-week backtest", "WMAPE) fell from 34%"),
    ("Beats CQL on 7 of 9 D4RL tasks (normalised score 78.4 vs 71.0)", "normalised score 78.4 "),
    ("ML module project: random forest on insurance data, 0.28 normalised Gini", "0.28 normalised Gini"),
    ("Depth network for shelf gaps: 7.1% AbsRel on the held-out set", "7.1% AbsRel"),
    ("Excel forecast with a mean absolute percentage error of 12% over two quarters",
     "mean absolute percentage error of 12%"),
    ("Kaggle Titanic: 0.79 public-leaderboard accuracy", "0.79 public-leaderboard accuracy"),
    ("Raised MRR@10 from 0.31 to 0.38 on the validation queries", "MRR@10 from 0.31 "),
    ("Groundedness on the replay set went from 0.81 to 0.93", None),
    ("Fractions skill score at 10 km rose from 0.52 to 0.61 at 60-minute lead time", None),
    ("Prognostic model: C-statistic 0.76 in an external validation cohort", "C-statistic 0.76 "),
    ("93.4% balanced accuracy on a held-out week", "93.4% balanced accuracy"),
    ("Random survival forest on public telco data, C-index 0.81", "C-index 0.81"),
    ("WER on the internal far-field test set fell from 8.9% to 6.7%", None),
    ("At a cost of 0.3 points of absolute WER on the dictation benchmark", "0.3 points of absolute WER"),
    ("Upweighting code improved GSM8K by 4.1 points at the 7B scale", "GSM8K by 4.1 "),
    ("LLM-as-judge calibrated against human raters at 0.87 Cohen's kappa", "0.87 Cohen's kappa"),
    ("A carry-momentum model: backtest Sharpe 1.6 over 2012-2021", "Sharpe 1.6 "),
    ("Coursework: machine translation (course project: 27.4 BLEU on a news test set)", "27.4 BLEU"),
    ("Compared KNN (acc: 96%) and a CNN (acc: 98%) on handwritten digits", "acc: 96%"),
    ("0.83 AUC on a held-out year", "0.83 AUC"),
    ("Reaching 0.91 macro-F1 on a held-out month", "0.91 macro-F1"),
    ("Raised mAP@0.5 on our held-out drone imagery from 0.62 to 0.77", None),
    ("Beat the prior best ROUGE-2 on CNN/DailyMail by 1.4 points", None),
    ("+2.7 BLEU on average over the shared-task baseline", "+2.7 BLEU"),
    ("MAE of €112 on a held-out set", None),
    ("Top model +0.03 NDCG@20 over the most-viewed baseline", None),
    ("0.83 top-5 accuracy on the open leaderboard", None),
    ("RMSE of 0.21 on the validation set", None),
    ("94% test accuracy on CIFAR-10", None),
    ("0.947 private leaderboard AUC in a fraud-detection challenge", "0.947 private leaderboard AUC"),
    ("Tabular playground: 0.79 public LB score with CatBoost", "0.79 public LB"),
    ("Finished with a private LB RMSLE of 0.41", "private LB RMSLE of 0.41"),
    ("A DETR-style detector reaching 39.2 box AP on the rare classes", "39.2 box AP"),
    ("AP50 of 0.71 on the held-out warehouse images", "AP50 of 0.71"),
    ("Proposed a decoding method that improves BLEU by 1.2 on a news benchmark", "BLEU by 1.2 "),
    ("Store-level forecasts at 14.2% WAPE on a 52-week backtest", "14.2% WAPE"),
    ("Raised the public LB score from 0.74 to 0.79 over a month of submissions", "public LB score from 0.74"),
]

NOT_OFFLINE = [
    "Shipped 18,000 orders a day while raising pick accuracy from 97.9% to 99.6%",
    "A small library of ranking metrics (nDCG, MRR, ERR) with about 300 stars",
    "Ensured 100% accuracy on monthly payroll for 600 employees",
    "Grew the app to $12k MRR in a year",
    "Talk: \"What WER hides\", speech meetup, March 2026",
    "Alerts on latency and error rate, and the model now routes 9,000 e-mails a day",
    "Retrained monthly, and out of cycle after any week with MAPE above 4%",
    "A bad release rolls back automatically when the error rate passes 2%",
    "Used mixed precision training and gradient accumulation, leading to a 2x reduction in training time",
    "Lead the checkout squad (5 engineers plus a designer)",
    "The model's live Sharpe 1.3 over 22 months",
    "Alert the model owner when the Brier score worsens by more than 10%",
    "Opened 3 accounts for the new region",
    "Lifted click-through 18%",
    "Tried GRU, TCN and attention decoders; none beat the XGBoost baseline",
    "Cut p99 latency from 180 ms to 40 ms",
    "Improved precision agriculture workflows",
    "Treasurer, ECE Student Society (2012-2014)",
    "Ranked 14th on the private leaderboard of 2,100 teams",
    "Carried 20 lb sacks on the loading dock",
    "Took 4 AP classes and 2 college courses in senior year",
    "Graded AP Calculus exams for 2 summers",
]

COMPETITION = [
    "Best model prize, 36-hour FinTech hackathon, for a transaction classifier",
    "Winner, Best ML Hack at HackMIT 2022 for a sign-language classifier",
    "Best Use of Data prize, HackNY 2022, for a subway-delay predictor",
    "1st place, NeurIPS 2023 Warehouse Robotics Challenge (offline RL track)",
    "Winner, NeurIPS 2022 Billion-Scale ANN challenge (T2 track)",
    "Numerai tournament: top-200 model for 2023",
    "Kaggle Competitions Expert (1 gold, 3 silver)",
    "Finished 23rd of 2,400 teams (silver) with a stacked model",
    "Bronze medal (top 8%) with a satellite-tile U-Net",
    "Kaggle Competitions Master: 3 gold, 4 silver, 7 bronze",
    "3rd place, Fjord ML Hackathon 2022",
    "Kaggle Grandmaster",
    "0.9127 ROC-AUC, private leaderboard",
    "Won the DrivenData flood-mapping challenge",
    "Best Hackathon Build, CityHack 2021 – churn prediction model",
    "Won the regional flood-forecasting challenge with a gradient-boosted model",
    "Tuned feature pipelines to raise our Kaggle submission score",
    "Built an award winning parts-demand forecaster at the Nordic Retail Hackaton 2019",
    "Churn Prediction Contest prizewinner, Telco Data Society (2020)",
    "Ideathon finalist with a crop-disease classifier",
    "2nd place, security ML challenge, with an intrusion classifier",
]

# A course result used outside the course is an outcome again.
# SIGNALS.md: coursework numbers are never outcome_metric, even when people outside the course used the result
COURSE_USED = ["Capstone: a triage model now used by 3 clinics, cutting wait times by 20%",
               "Capstone: campus events app, used by around 900 students in its first term"]

NOT_COMPETITION = [
    "Award-winning mobile banking app used by 2M people",
    "Poetry contest prizewinner, city library (2015)",
    "kaggle.com/sidkul",
    "Competitive salary and benefits",
    "Shrank the model into a container to meet the competition's time limit",
    "Chess (weekend rapid events, FIDE 1720)",
    "Seven-a-side rugby; youth league coach",
    "Best Paper Award, COLING 2022",
    "1st place in the regional chess championship",
    "2019 Silver Jubilee volunteer",
    "Won the county science fair physics competition",
    "Best Hackathon Build, CityHack 2021 – a recipe-sharing web app",
    "Published a Kaggle dataset of bus timetables",
    "Third place, capture-the-flag security contest (2016)",
    "ICPC regional programming contest, 5th place",
    "1st place, university business case competition",
]


@pytest.mark.parametrize("text", OUTCOME)
def test_outcomes_business_outcome(found, text):
    assert "outcome_metric" in found(text)


@pytest.mark.parametrize("text", NOT_OUTCOME)
def test_outcomes_not_business_outcome(found, text):
    assert "outcome_metric" not in found(text)


@pytest.mark.parametrize("text,match", OFFLINE)
def test_outcomes_offline_metric(found, text, match):
    sig = found(text)["offline_metric"]
    if match is not None:
        assert sig.match == match


@pytest.mark.parametrize("text", NOT_OFFLINE)
def test_outcomes_not_offline_metric(found, text):
    assert "offline_metric" not in found(text)


@pytest.mark.parametrize("text", COMPETITION)
def test_outcomes_competition(found, text):
    assert "competition" in found(text, section="awards", bullet=False)


@pytest.mark.parametrize("text", NOT_COMPETITION)
def test_outcomes_not_competition(found, text):
    section = "contact" if "kaggle.com" in text else "interests"
    assert "competition" not in found(text, section=section, bullet=False)
    assert "competition" not in found(text)


@pytest.mark.parametrize("text", COURSE_USED)
def test_outcomes_course_result_is_no_outcome_even_when_used(found, text):
    assert "outcome_metric" not in found(text)
