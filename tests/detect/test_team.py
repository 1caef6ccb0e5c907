"""team_size: the stated size goes in value (an int); clients, years and model counts are not teams."""

import pytest

POSITIVE = [
    ("Sit in a squad of 6 (3 data scientists, 2 engineers, 1 analyst)", 6),
    ("Led 4 engineers on the ranking rewrite", 4),
    ("Managed 12 people across two sites", 12),
    ("Mentored 3 juniors through their first year", 3),
    ("Tech lead for 3 teams (19 engineers) across indexing and retrieval", 19),
    ("Mentored 5 engineers, two of whom now lead teams", 5),
    ("Lead the research strand with 4 researchers and 2 PhD interns", 4),
    ("Supervised 22 pickers, packers and loaders on the night shift", 22),
    ("Worked in a perception team of 7", 7),
    ("Lead a team of 8 platform engineers", 8),
    ("Precepted 6 graduate nurses through their first year", 6),
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
    "Served 40 clients across retail and banking",
    "3 years of experience with Spark",
    "Built 14 credit-risk and affordability models",
    "Pulled weekly campaign reports for 12 retail clients",
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
    from resume_signals.detect.team import parse_size

    assert parse_size(text) == n
