"""The spaCy component: nlp.add_pipe("resume_signals") puts every signal in doc.spans with its attributes."""

from __future__ import annotations

import subprocess
import sys

import spacy

import resume_signals

TEXT = ("EXPERIENCE\nML Engineer, Acme (2019 - 2023)\n"
        "- Shipped a churn model and set up drift alerts in Grafana\n"
        "- Led a team of 4 engineers\n")


def test_spacy_component_spans_match_the_report() -> None:
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("resume_signals", config={"as_of": "2026-01-01"})
    doc = nlp(TEXT)
    report = resume_signals.score(TEXT.encode(), as_of="2026-01-01")
    spans = doc.spans["resume_signals"]
    assert [(s.label_, s.start_char, s.end_char) for s in spans] == [(s.name, s.start, s.end) for s in report.signals]
    assert {"shipped", "team_size"} <= {s.label_ for s in spans}
    team = next(s for s in spans if s.label_ == "team_size")
    signal = next(s for s in report.signals if s.name == "team_size")
    assert (team._.rs_rule, team._.rs_section, team._.rs_value, team._.rs_ml, team._.rs_evidence) == (
        signal.rule, signal.section, signal.value, signal.ml, signal.text)
    assert doc._.rs_report.score == report.score


def test_spacy_component_registered_by_entry_point_without_import() -> None:
    code = ("import spacy, sys\nnlp = spacy.blank('en')\nnlp.add_pipe('resume_signals')\n"
            "doc = nlp('EXPERIENCE\\nML Engineer, Acme (2019 - 2021)\\n- Shipped a ranking model')\n"
            "print([s.label_ for s in doc.spans['resume_signals']])\n")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip() == "['shipped']"
