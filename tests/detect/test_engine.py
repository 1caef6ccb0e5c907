"""Detector contract: exact offsets, one signal of a name per unit, sections, ordering, determinism."""

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from resume_signals.detect.engine import compile_gate
from resume_signals.document import LineDraft, assemble
from resume_signals.report import Section

RESUME = [
    ("Ada Example", False), ("ada@example.com", False),
    ("EXPERIENCE", False),
    ("Senior ML Engineer, Acme\tJan 2019 – Present", False),
    ("• Shipped a ranking model to 12M daily users and shipped v2 a month later; cut p99 latency from 180 ms to "
     "40 ms.", True),
    ("• Led a team of 6 engineers; rolled out canary releases on k8s with Grafana alerts on drift.", True),
    ("• Will add A/B tests next quarter.", True),
    ("SKILLS", False),
    ("Docker, Kubernetes, Airflow, MLflow registry, A/B testing, monitoring, shipped", False),
    ("AWARDS", False),
    ("Kaggle Grandmaster; Silver medal (top 3%)", False),
]


def _doc():
    doc = assemble([LineDraft(t, bullet=b) for t, b in RESUME], "txt")
    t = doc.text
    secs = [Section("contact", None, 0, t.index("EXPERIENCE")),
            Section("experience", "EXPERIENCE", t.index("EXPERIENCE"), t.index("SKILLS")),
            Section("skills", "SKILLS", t.index("SKILLS"), t.index("AWARDS")),
            Section("awards", "AWARDS", t.index("AWARDS"), len(t))]
    return doc, secs


def test_engine_offsets_are_exact(detector):
    doc, secs = _doc()
    signals = detector.detect(doc, secs, [])
    assert signals
    for s in signals:
        assert doc.text[s.start:s.end] == s.match
        assert s.match in s.text
        unit_start = doc.text.index(s.text)
        assert unit_start <= s.start and s.end <= unit_start + len(s.text)


def test_engine_one_signal_of_a_name_per_unit(detector):
    doc, secs = _doc()
    signals = detector.detect(doc, secs, [])
    keys = [(s.text, s.name) for s in signals]
    assert len(keys) == len(set(keys))
    shipped = [s for s in signals if s.name == "shipped"]
    assert len(shipped) == 1 and shipped[0].match == "Shipped"  # the earliest match of the bullet


def test_engine_skills_section_only_production_stack(detector):
    doc, secs = _doc()
    in_skills = {s.name for s in detector.detect(doc, secs, []) if s.section == "skills"}
    assert in_skills == {"production_stack"}


def test_engine_signals_per_section_and_values(detector):
    doc, secs = _doc()
    got = {(s.name, s.section, s.value) for s in detector.detect(doc, secs, [])}
    assert ("team_size", "experience", 6) in got
    assert ("production_stack", "experience", ("Kubernetes", "Grafana")) in got  # every tool of the bullet, in order
    assert ("competition", "awards", None) in got
    assert not any(name == "ab_testing" for name, _, _ in got)  # a plan, and a skills list


def test_engine_order_is_by_start_then_name(detector):
    doc, secs = _doc()
    signals = detector.detect(doc, secs, [])
    assert signals == sorted(signals, key=lambda s: (s.start, s.name, s.end))


def test_engine_deterministic_across_detectors():
    from resume_signals.detect import Detector
    from resume_signals.spec.rules import load_rules

    doc, secs = _doc()
    a = Detector(load_rules()).detect(doc, secs, [])
    b = Detector(load_rules()).detect(doc, secs, [])
    assert a == b


def test_engine_empty_document(detector):
    doc = assemble([], "txt")
    assert detector.detect(doc, [], []) == []


@settings(max_examples=60, deadline=None)
@given(st.lists(st.text(alphabet=st.sampled_from(list("ab shippedlogrtu-/%$0123456789.,;•\t")), max_size=60),
                min_size=1, max_size=6))
def test_engine_offsets_hold_on_arbitrary_text(detector, lines):
    doc = assemble([LineDraft(t, bullet=t.startswith("•")) for t in lines], "txt")
    for s in detector.detect(doc, [Section("experience", None, 0, len(doc.text))], []):
        assert doc.text[s.start:s.end] == s.match
        assert s.start < s.end


def test_engine_entry_titles_and_employers_are_not_evidence(detector):
    from resume_signals.report import Entry

    doc = assemble([LineDraft("EXPERIENCE"), LineDraft("Lead Data Scientist\tJan 2020 – Present"),
                    LineDraft("Datadog, New York"), LineDraft("• Owned the anomaly alerts on Datadog", bullet=True)],
                   "txt")
    secs = [Section("experience", "EXPERIENCE", 0, len(doc.text))]
    entry = Entry("experience", "Lead Data Scientist", "Datadog", None, doc.text.index("Lead"), len(doc.text))
    with_entries = detector.detect(doc, secs, [entry])
    assert {(s.name, s.match) for s in with_entries} >= {("ownership", "Owned"), ("production_stack", "Datadog")}
    assert all(s.start > doc.text.index("•") for s in with_entries)  # nothing from the header lines
    without = detector.detect(doc, secs, [])
    assert any(s.start < doc.text.index("•") for s in without)


def test_engine_entry_scoped_veto_reads_the_entry_title(detector):
    # SIGNALS.md: coursework is never deployed for the course alone and its numbers are never outcomes; the course may
    # be named once, in the project's title, for every bullet under it
    from resume_signals.report import Entry

    bullets = ["• Deployed the demo on Heroku for the final presentation", "• Cut inference time from 900 ms to 120 ms",
               "• Retrained the model each week on new sign-ups"]
    acts = {"deployed", "outcome_metric", "post_launch_iteration"}
    for title, found in (("Capstone project: gym churn", set()), ("Gym churn app", acts)):
        doc = assemble([LineDraft("PROJECTS"), LineDraft(title), *(LineDraft(b, bullet=True) for b in bullets)], "txt")
        secs = [Section("projects", "PROJECTS", 0, len(doc.text))]
        entry = Entry("projects", title, None, None, doc.text.index(title), len(doc.text))
        names = {s.name for s in detector.detect(doc, secs, [entry])}
        assert names & acts == found, title


def test_engine_a_veto_does_not_reach_into_the_next_line(detector):
    # "Deployed to production weekly" then a job title starting with "Site": the places veto ("deployed to
    # ... site") must not read the next line's words; inside one unit it still cancels.
    from resume_signals.document import LineDraft, assemble
    from resume_signals.report import Section

    for lines, found in ((["• Deployed to production weekly", "Site Reliability Engineer, Acme"], True),
                         (["• Deployed to the client site every week"], False)):
        doc = assemble([LineDraft(t, bullet=t.startswith("•")) for t in lines], "txt")
        got = detector.detect(doc, [Section("experience", None, 0, len(doc.text))], [])
        assert any(s.name == "deployed" for s in got) is found


def test_engine_employer_names_are_companies_not_tools():
    # An employer written behind a bullet is still a header; its name with a possessive names the company,
    # and used as a tool it is a tool.
    import resume_signals

    text = ("EXPERIENCE\n"
            "• Datadog\tParis\n"
            "Site Reliability Engineer\tJan 2021 - Present\n"
            "• Planned Datadog's move to a new region\n"
            "• Set up Grafana alerts for the billing service\n"
            "Software Engineer, Fjord Labs\tJan 2018 - Dec 2020\n"
            "• Wired the checkout service into Datadog\n"
            "• Moved Fjord Labs's alerts to Datadog\n")
    report = resume_signals.score(text.encode(), as_of="2026-11-01")
    tools = [(s.name, s.match) for s in report.signals if s.name in ("monitoring", "production_stack")]
    datadog = [s.start for s in report.signals if s.match == "Datadog"]
    assert ("production_stack", "Grafana") in tools
    assert datadog and min(datadog) > report.text.index("Fjord")  # used as a tool in the second job only



@given(st.text(alphabet="ab/ -xyz|.\\d(", min_size=1, max_size=12), st.text(alphabet="ab/ -xyz|.(", max_size=40))
@settings(max_examples=300, deadline=None)
def test_engine_gates_answer_as_their_regex_does(pattern, text):
    """A gate of plain words is tested with ``in``; it must find exactly what its regular expression finds."""
    try:
        rx = re.compile(pattern)
    except re.error:
        return
    assert (compile_gate(pattern).search(text) is not None) == (rx.search(text) is not None)


@pytest.mark.parametrize(("pattern", "plain"), [
    ("dashboard", True), ("third|quarter|half", True), ("a/b", True), ("shared task", True),
    # near misses: anything a regular expression reads differently from the letters stays a regex
    ("hold-?out", False), ("lb\\b", False), ("p\\d", False), ("deploy|", False), ("a.b", False), ("%", True),
])
def test_engine_gate_kind(pattern, plain):
    assert isinstance(compile_gate(pattern), re.Pattern) is not plain
