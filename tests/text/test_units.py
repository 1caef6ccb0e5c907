"""Units of evidence: bullets whole, sentences of other lines, tabs split columns, sections by offset."""

import pytest

from resume_signals.document import LineDraft, assemble
from resume_signals.report import Section
from resume_signals.text.units import UnitSplitter


def units_of(lines, sections=None, abbreviations=("e.g.", "i.e.")):
    doc = assemble([LineDraft(t, bullet=t.startswith("•")) for t in lines], "txt")
    secs = sections(doc) if sections else [Section("experience", None, 0, len(doc.text))]
    return doc, UnitSplitter(abbreviations).split(doc, secs)


def test_units_bullet_is_one_unit_with_several_sentences():
    doc, units = units_of(["• Shipped it. Then we monitored it. No full stop at the end"])
    assert [doc.text[u.start:u.end] for u in units] == ["Shipped it. Then we monitored it. No full stop at the end"]
    assert units[0].bullet


def test_units_two_bullets_never_merge():
    doc, units = units_of(["• Shipped the ranker", "• monitored it with Grafana"])
    assert [doc.text[u.start:u.end] for u in units] == ["Shipped the ranker", "monitored it with Grafana"]


@pytest.mark.parametrize("line,expected", [
    ("I shipped the ranker. We monitored it.", ["I shipped the ranker.", "We monitored it."]),
    ("Tools e.g. Docker. Then more", ["Tools e.g. Docker.", "Then more"]),
    ("Scored 0.91 AUC. Shipped v2", ["Scored 0.91 AUC.", "Shipped v2"]),
    ("ML Engineer\tJan 2020 – Present", ["ML Engineer", "Jan 2020 – Present"]),
    ("- dash bullet without the flag", ["dash bullet without the flag"]),
])
def test_units_sentences_of_plain_lines(line, expected):
    doc, units = units_of([line])
    assert [doc.text[u.start:u.end] for u in units] == expected


def test_units_heading_line_is_no_unit_and_sections_follow_offsets():
    # a heading names its section ("Kaggle Competitions", "Deployments"): it is not evidence of an act
    def secs(doc):
        cut = doc.text.index("KAGGLE")
        return [Section("experience", "EXPERIENCE", 0, cut),
                Section("awards", "Kaggle Competitions:", cut, len(doc.text))]

    doc, units = units_of(["EXPERIENCE", "• Shipped it", "KAGGLE COMPETITIONS", "Docker, Kubernetes"], secs)
    assert [(doc.text[u.start:u.end], u.section) for u in units] == [
        ("Shipped it", "experience"), ("Docker, Kubernetes", "awards")]


def test_units_inline_label_keeps_its_text():
    # "Skills: Docker, Kafka" opens the section on the same line: the line is more than its heading
    def secs(doc):
        return [Section("skills", "Skills", 0, len(doc.text))]

    doc, units = units_of(["Skills: Docker, Kafka"], secs)
    assert [doc.text[u.start:u.end] for u in units] == ["Skills: Docker, Kafka"]
