"""team_size: the stated size goes in value (an int); clients, years and model counts are not teams."""

import pytest

POSITIVE = [
    ("Responsible of the pricing and risk models, with 4 teams in total 38 people", 38),
    ("Charge nurse for a 30-bed unit, supervising 9 RNs and 4 CNAs", 9),
    ("Tech lead of the identity platform (12 engineers across 3 teams)", 12),
    ("Accountable for a 600-person plant and its budget", 600),
    ("Supervised 5 machinists and an apprentice on the night shift", 5),
    ("Run the platform on-call rotation of 9 engineers", 9),
    ("Tech lead of the claims data mart rebuild, a 4-person effort", 4),
    ("Line management of 15: 9 data scientists, 4 ML engineers, 2 analysts", 15),
    ("One of four analysts in the Retail Insights team", 4),
    ("ML engineer at a 14-person legal-AI startup", 14),
    ("Lead the checkout squad (5 engineers plus a designer)", 5),
    ("Tech lead for the search serving stack (8 engineers)", 8),
    ("Nine engineers I mentored now lead teams of their own", 9),
    ("Share the on-call rota with three other DBAs", 3),
    ("On-call rotation with 4 other mobile engineers", 4),
    ("Mentor 6 senior and mid-level engineers", 6),
    ("Grew the function from 9 to 38 over four years", 38),
    ("Coordinated a 7-person cross-functional team on the speech model", 7),
    ("Mentoring: 2 junior MLEs", 2),
    ("Team: lead the ML platform group (5 engineers)", 5),
    ("Duration: 2019 - 2021 | Team Size: 10 | Skill Used: forecasting", 10),
    ("Direction d'une équipe de 3 chercheurs en apprentissage automatique", 3),
    ("Coordiné un equipo de 4 ingenieros de datos", 4),
    ("Sit in a pod of 7 (4 ML engineers, 2 analysts, 1 designer)", 7),
    ("Led 4 engineers on the ranking rewrite", 4),
    ("Managed 12 people across two sites", 12),
    ("Mentored 3 juniors through their first year", 3),
    ("Tech lead for 2 squads (14 engineers) across pricing and checkout", 14),
    ("Mentored 4 analysts, three of whom now run teams", 4),
    ("Lead the speech group with 3 scientists and 2 summer interns", 3),
    ("Supervised 15 drivers, porters and cleaners on the early shift", 15),
    ("Worked in a localisation team of 5", 5),
    ("Lead a team of 5 data engineers", 5),
    ("Precepted 4 new ward nurses through their first rotation", 4),
    ("Supervised 3 community midwives and 2 pharmacists", 3),
    ("Managed a team of six data scientists", 6),
    ("Built a 5-person ML platform team from scratch", 5),
    ("Manager of 9 direct reports", 9),
    ("Grew the data team from 2 to 9 people", 9),
    ("Supervised two interns", 2),
    ("Headcount of 9 under me across search and ads", 9),
    ("Four engineers reporting to me across two squads", 4),
    ("Managing 5 reports on the pricing team", 5),
    ("Manager with 7 direct reports", 7),
]

NEGATIVE = [
    "Ran a controlled experiment against a holdout group of 150 adjusters",
    "Coached 30 runners for the city marathon",
    "Teaching assistant: ran recitations for 90 students",
    "Managed 12 servers and 40 containers for the lab",
    "Managed 6 Kafka brokers across two regions",
    "Hired 20 engineers in a year for the platform org",
    "Spoilage fell 11%, measured against a holdout group of 20 matched stores",
    "Presented the results to the personalisation guild (about 40 people)",
    "Selected as one of 200 young researchers for the laureate forum",
    "Reports: quarterly, to the board",
    "Team size grew quickly after the launch",
    "Une équipe dynamique et motivée",
    "Un equipo dinámico de alto rendimiento",
    "Led groups of 9 junior high students in discussions on study skills",
    "Served 40 clients across retail and banking",
    "3 years of experience with Spark",
    "Built 11 churn and lifetime-value models",
    "Compiled monthly media reports for 9 hotel clients",
    "Produced quarterly reports for 41 GP practices",
    "Managed 200 models in production",
    "A team of 3 years' experience",
    "Led 3 projects to launch",
    "Met with 10 warehouse staff every week to plan shifts",
    "Presented findings to a group of 30 students and faculty",
    "Ranked in the top 5% of a cohort of 600 students",
    "Wrote 12 reports on churn for the board",
]


@pytest.mark.parametrize("text,size", POSITIVE)
def test_team_size_value(found, text, size):
    sig = found(text)["team_size"]
    assert sig.value == size
    assert isinstance(sig.value, int)


@pytest.mark.parametrize("text", NEGATIVE)
def test_team_size_near_miss(found, text):
    assert "team_size" not in found(text)


@pytest.mark.parametrize("text,n", [("team of 1,200 people", 1200), ("grew the team from 3 to 12", 12),
                                    ("a dozen engineers", 12), ("six", 6), ("no number", None)])
def test_team_parse_size(text, n):
    from resume_signals.detect.families import parse_size

    assert parse_size(text) == n
