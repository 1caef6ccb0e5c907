"""Redaction: contact details out, everything else (and every offset) intact."""

from __future__ import annotations

import json
import re

import jsonschema
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from resume_signals.document import Document, LineDraft, assemble
from resume_signals.outputs.html import render_html
from resume_signals.outputs.json_resume import to_json_resume
from resume_signals.redact import contact_block_end, find_contacts, find_name, redact_document, redact_lines
from resume_signals.schema import load_schema

HEAD = ["EXPERIENCE"]  # puts the tested line after the contact block


def _after_heading(line: str) -> str:
    return redact_lines(["Resume", *HEAD, line])[-1]


@pytest.mark.parametrize(("line", "expected"), [
    ("Write to jane.doe+cv@mail.example.co.uk today", "Write to [email] today"),
    ("mailto:j_doe@example.org", "[email]"),
    ("jane [at] example [dot] com", "[email]"),
    ("Call +1 (555) 010-2030 or 555.010.2030", "Call [phone] or [phone]"),
    ("UK: 07700 555 0198; DE: +49 30 555-0147", "UK: [phone]; DE: [phone]"),
    ("India +91 9000000417, Korea (+82) 10-5550-0199", "India [phone], Korea [phone]"),
    ("phone: 555 0100", "phone: [phone]"),
    ("See https://janedoe.dev/blog, or www.example.com/x.", "See [link], or [link]."),
    ("Code at github.com/janedoe/ranker", "Code at [link]"),
    ("Profile: linkedin.com/in/jane-doe-123", "Profile: [link]"),
    ("Lives at 221B Baker Street, London NW1 6XE", "Lives at [address]"),
    ("1600 Pennsylvania Avenue NW, Washington, DC 20500", "[address]"),
    ("1287 33rd Ave, Oakland, CA 94601", "[address]"),
    ("Hauptstraße 5, 10115 Berlin", "[address]"),
    ("12 rue de la Paix, 75002 Paris", "[address]"),
    ("Calle Mayor 3, 28013 Madrid", "[address]"),
    ("P.O. Box 1234", "[address]"),
])
def test_redact_replaces_contact_details_anywhere(line: str, expected: str) -> None:
    assert _after_heading(line) == expected


@pytest.mark.parametrize("line", [
    "• Shipped 2019-2021 model serving 30,000,000 users, cut p99 from 180 ms to 40 ms, saved $1.2M",
    "• Lifted mAP@0.5 from 0.62 to 0.79; 0.88 AUC; 99.9% SLO",
    "• Monitoring 24/7 with 3 via Kafka on 192.168.100.200, version 3.10.12",
    "ML Engineer, Acme\tJan 2019 – Present",
    "Data Scientist\t03/2018 - 06/2021",
    "• Served 1 000 000 users; 123 456 789 events a day; ISO 27001 audit",
    "2021 2nd Place, City Datathon\tOnline",
    "• Ran CI on github.com for 40 repos; docs on scikit-learn.org",
    "• Led a team of 6 in 2017 2018 2019",
    "• Moved to the Way of Working 2 Place Court initiative",
    "DOI 10.1145/3292500.3330701",
])
def test_redact_leaves_evidence_alone(line: str) -> None:
    assert _after_heading(line) == line


@pytest.mark.parametrize(("lines", "name"), [
    (["Jane Doe", "jane@example.com"], "Jane Doe"),
    (["JANE DOE", "ML ENGINEER"], "JANE DOE"),
    (["Dr Saoirse Mulcahy", "Galway"], "Dr Saoirse Mulcahy"),
    (["Resume", "Yara El-Masri"], "Yara El-Masri"),
    (["Grzegorz Wójcik | Gdańsk"], "Grzegorz Wójcik"),
    (["Ludwig van Beethoven, PhD"], "Ludwig van Beethoven"),
    (["Meera Raghavan\tEmail: m@example.com"], "Meera Raghavan"),
])
def test_redact_finds_the_name_in_the_contact_block(lines: list[str], name: str) -> None:
    found = find_name([*lines, "EXPERIENCE", "• Shipped"])
    assert found is not None
    i, a, b = found
    assert lines[i][a:b] == name


@pytest.mark.parametrize("lines", [
    ["Senior Machine Learning Engineer", "EXPERIENCE"],
    ["Curriculum Vitae", "Summary"],
    ["EXPERIENCE", "Jane Doe"],                        # after the first heading: not the contact block
    ["[name]", "Hobart TAS · [email]", "EXPERIENCE"],  # already redacted: a city is not the name
    ["jane@example.com", "EXPERIENCE"],
])
def test_redact_no_name_where_there_is_none(lines: list[str]) -> None:
    assert find_name(lines) is None


def test_redact_repeated_name_forms_are_replaced_everywhere() -> None:
    lines = ["Jane Q. Doe", "EXPERIENCE", "• Papers: Doe, Jane and R. Roe; JANE DOE et al.; Jane Doe's talk",
             "Jane Q. Doe - page 2"]
    out = redact_lines(lines)
    assert out[0] == "[name]"
    assert out[2] == "• Papers: [name] and R. Roe; [name] et al.; [name]'s talk"
    assert out[3] == "[name] - page 2"


def test_redact_handles_in_the_contact_block() -> None:
    lines = ["Jane Doe", "+1 555 010 2030 | jdoe42 | @jdoe | LinkedIn: in/jane-doe | Email | Portfolio",
             "EXPERIENCE", "• Owned jdoe42 tooling"]
    out = redact_lines(lines)
    assert out[1] == "[phone] | [link] | [link] | LinkedIn: [link] | Email | Portfolio"
    assert out[3] == lines[3]  # handles are only trusted in the contact block


@pytest.mark.parametrize(("lines", "end"), [
    (["Jane Doe", "jane@example.com", "EXPERIENCE", "x"], 2),
    (["Jane Doe", "• Shipped"], 1),
    (["Jane Doe", "Professional Summary:", "x"], 1),
    (["Jane Doe", "Summary: ML engineer with eight years of production work", "x"], 1),
    (["Jane Doe", "Portfolio: janedoe.dev", "Skills"], 2),  # a link label is not a heading
    ([f"line {i}" for i in range(20)], 8),
])
def test_redact_contact_block_ends_at_first_heading_or_bullet(lines: list[str], end: int) -> None:
    assert contact_block_end(lines) == end


def _doc() -> Document:
    return assemble([
        LineDraft("Jane Doe", bold=True, size=18.0, region="header"),
        LineDraft("San Francisco, CA 94110 | jane.doe@example.com | (415) 555-0199 | github.com/janedoe",
                  size=10.0),
        LineDraft(""),
        LineDraft("EXPERIENCE", bold=True, size=12.0),
        LineDraft("ML Engineer, Acme\tJan 2020 – Present", bold=True, size=10.0),
        LineDraft("• Shipped a fraud model to production, saving $1.2M a year", bullet=True, size=10.0),
        LineDraft("• Paged by Jane Doe's own Grafana alerts at https://grafana.example.com/d/abc", bullet=True,
                  size=10.0, page=1),
    ], "pdf", pages=2, warnings=("font fallback",))


def test_redact_document_rebuilds_offsets_and_keeps_layout() -> None:
    doc = _doc()
    new = redact_document(doc)
    assert new is not doc and doc.text.startswith("Jane Doe")  # the input is not modified
    assert len(new.lines) == len(doc.lines)
    assert new.text == "\n".join(line.text for line in new.lines)
    for old, line in zip(doc.lines, new.lines, strict=True):
        assert new.text[line.start:line.end] == line.text
        assert (line.page, line.size, line.bold, line.bullet, line.region, line.gap_before) == (
            old.page, old.size, old.bold, old.bullet, old.region, old.gap_before)
    assert (new.format, new.pages, new.warnings, new.body_size) == (doc.format, doc.pages, doc.warnings,
                                                                    doc.body_size)
    assert new.lines[1].text == "[address] | [email] | [phone] | [link]"
    assert new.lines[4].text == doc.lines[4].text
    assert new.lines[5].text == "• Paged by [name]'s own Grafana alerts at [link]"
    for secret in ("Jane", "Doe", "jane.doe@", "555-0199", "github.com/janedoe", "94110", "grafana.example.com"):
        assert secret not in new.text


def test_redact_is_idempotent() -> None:
    once = redact_document(_doc())
    assert redact_document(once).text == once.text


def test_redact_contacts_never_overlap_and_point_at_their_text() -> None:
    lines = _doc().text.split("\n")
    for line, contacts in zip(lines, find_contacts(lines), strict=True):
        for c in contacts:
            assert line[c.start:c.end] == c.text
        for a, b in zip(contacts, contacts[1:], strict=False):
            assert a.end <= b.start


@settings(max_examples=60, deadline=None)
@given(st.lists(st.text(alphabet=st.sampled_from(list("Jane Doe@x.com+1(555)-0123 4567|•\t/:abc")), max_size=60),
                min_size=1, max_size=8))
def test_redact_offsets_stay_consistent_on_any_text(lines: list[str]) -> None:
    doc = assemble([LineDraft(t) for t in lines], "txt")
    new = redact_document(doc)
    assert len(new.lines) == len(doc.lines)
    assert new.text == "\n".join(line.text for line in new.lines)
    for line in new.lines:
        assert new.text[line.start:line.end] == line.text


# End to end through the pipeline (needs the detection stages).

RESUME = """Jane Doe
San Francisco, CA 94110 | jane.doe@example.com | (415) 555-0199 | linkedin.com/in/janedoe | github.com/janedoe

EXPERIENCE
Senior ML Engineer, Acme Corp\tJan 2018 – Present
• Shipped a fraud model to production, cutting chargebacks by $1.2M a year
• Led a team of 5 engineers and owned the model's monitoring in Grafana and PagerDuty
• Rolled back a bad release within 10 minutes using a canary rollout

SKILLS
Kubernetes, Docker, Airflow, MLflow model registry
"""
SECRETS = ["Jane", "Doe", "jane.doe@example.com", "555-0199", "linkedin.com/in/janedoe", "github.com/janedoe",
           "94110"]


@pytest.fixture(scope="module")
def pair() -> tuple:
    import resume_signals

    plain = resume_signals.score(RESUME.encode(), as_of="2026-11-01")
    redacted = resume_signals.score(RESUME.encode(), as_of="2026-11-01", redact=True)
    assert plain.status == redacted.status == "ok", (plain.errors, redacted.errors)
    for report in (plain, redacted):
        jsonschema.validate(json.loads(report.to_json()), load_schema())
    return plain, redacted


def test_redact_pipeline_leaves_no_contact_detail_anywhere(pair: tuple) -> None:
    _, redacted = pair
    exported = [redacted.text, json.dumps([s.to_dict() for s in redacted.signals]),
                json.dumps(to_json_resume(redacted)), render_html(redacted)]
    for blob in exported:
        for secret in SECRETS:
            assert secret not in blob, secret
        assert not re.search(r"[\w.]+@[\w-]+\.\w+", blob)
    basics = to_json_resume(redacted)["basics"]
    assert not {"name", "email", "phone", "url", "profiles"} & set(basics)


def test_redact_pipeline_offsets_point_at_the_evidence(pair: tuple) -> None:
    _, redacted = pair
    assert redacted.signals
    for s in redacted.signals:
        assert redacted.text[s.start:s.end] == s.match
    for section in redacted.sections:
        assert 0 <= section.start <= section.end <= len(redacted.text)


def test_redact_pipeline_signals_unchanged_but_for_offsets(pair: tuple) -> None:
    plain, redacted = pair
    key = lambda s: (s.name, s.match, s.text, s.section, s.rule, s.value)  # noqa: E731
    assert [key(s) for s in redacted.signals] == [key(s) for s in plain.signals]
    assert redacted.score == plain.score
    assert [f.name for f in redacted.flags] == [f.name for f in plain.flags]
    assert redacted.seniority.level == plain.seniority.level
