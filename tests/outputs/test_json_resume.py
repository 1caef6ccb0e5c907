"""to_json_resume: the JSON Resume structure an ATS expects, screening results under x-resume-signals."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from resume_signals.outputs.json_resume import to_json_resume
from resume_signals.redact import redact_lines
from resume_signals.report import (
    Contribution,
    DateRange,
    Entry,
    ErrorInfo,
    Flag,
    Report,
    Section,
    Seniority,
    Signal,
    Source,
)
from resume_signals.schema import load_schema

LINES = [
    "Jane Doe",
    "Berlin | jane.doe@example.com | +49 30 555 0101 | janedoe.dev | github.com/janedoe | linkedin.com/in/jane-doe",
    "Summary",
    "ML engineer who ships ranking systems.",
    "Experience",
    "Senior ML Engineer — Acme\tJan 2020 – Present",
    "• Shipped a ranking model to production",
    "serving 3M users a day",
    "• Owned monitoring in Grafana",
    "Data Scientist — Beta GmbH\t03/2017 - 12/2019",
    "Built churn models for the retention team.",
    "Projects",
    "Open Ranker\t2021 – 2022",
    "• Released v2 with an A/B-tested reranker, code at https://example.org/ranker",
    "Skills",
    "Platforms: Kubernetes, Airflow; MLflow",
    "Python, SQL, Go",
    "Education",
    "MSc Computer Science, Technical University of Berlin, 2016",
    "BSc Mathematics, University of Leeds, 2012 – 2015",
]


def _build(lines: list[str]) -> Report:
    text = "\n".join(lines)
    starts = [sum(len(x) + 1 for x in lines[:i]) for i in range(len(lines))]

    def span(a: int, b: int) -> tuple[int, int]:
        return starts[a], (starts[b] + len(lines[b]))

    heads = [(2, "summary"), (4, "experience"), (11, "projects"), (14, "skills"), (17, "education")]
    sections = [Section("contact", None, 0, starts[2])]
    for k, (i, kind) in enumerate(heads):
        end = starts[heads[k + 1][0]] if k + 1 < len(heads) else len(text)
        sections.append(Section(kind, lines[i], starts[i], end))
    entries = [
        Entry("experience", "Senior ML Engineer", "Acme", DateRange("Jan 2020 – Present", "2020-01", None, True),
              *span(5, 8)),
        Entry("experience", "Data Scientist", "Beta GmbH", DateRange("03/2017 - 12/2019", "2017-03", "2019-12"),
              *span(9, 10)),
        Entry("projects", "Open Ranker", None, DateRange("2021 – 2022", "2021-01", "2022-12"), *span(12, 13)),
    ]
    shipped = text.index("Shipped")
    return Report(
        source=Source(name="jane_doe_cv.pdf", path="/inbox/jane_doe_cv.pdf", format="pdf", sha256="ab" * 32,
                      bytes=1234, pages=1),
        text=text, sections=tuple(sections), entries=tuple(entries),
        signals=(Signal("shipped", lines[6], "Shipped", shipped, shipped + 7, "experience", "shipped.past"),),
        flags=(Flag("architecture_padding", "many architectures", {"count": 7}),),
        seniority=Seniority("senior", 6.8), score=42.5,
        contributions=(Contribution("shipped", 1, 12.0),),
    )


@pytest.fixture(scope="module")
def doc() -> dict[str, Any]:
    return to_json_resume(_build(LINES))


def test_json_resume_basics_from_the_contact_section(doc: dict[str, Any]) -> None:
    basics = doc["basics"]
    assert basics["name"] == "Jane Doe"
    assert basics["email"] == "jane.doe@example.com"
    assert basics["phone"] == "+49 30 555 0101"
    assert basics["url"] == "https://janedoe.dev"
    assert basics["profiles"] == [
        {"network": "GitHub", "username": "janedoe", "url": "https://github.com/janedoe"},
        {"network": "LinkedIn", "username": "jane-doe", "url": "https://linkedin.com/in/jane-doe"},
    ]
    assert basics["summary"] == "ML engineer who ships ranking systems."


def test_json_resume_work_entries_with_dates_and_highlights(doc: dict[str, Any]) -> None:
    first, second = doc["work"]
    assert first == {"name": "Acme", "position": "Senior ML Engineer", "startDate": "2020-01",
                     "highlights": ["Shipped a ranking model to production serving 3M users a day",
                                    "Owned monitoring in Grafana"]}
    assert "endDate" not in first  # a current job has no end date in JSON Resume
    assert (second["startDate"], second["endDate"]) == ("2017-03", "2019-12")
    assert second["highlights"] == ["Built churn models for the retention team."]


def test_json_resume_projects_from_project_entries(doc: dict[str, Any]) -> None:
    assert doc["projects"] == [{
        "name": "Open Ranker", "startDate": "2021", "endDate": "2022",
        "highlights": ["Released v2 with an A/B-tested reranker, code at https://example.org/ranker"],
        "url": "https://example.org/ranker",
    }]


def test_json_resume_skills_from_labelled_and_plain_lines(doc: dict[str, Any]) -> None:
    assert doc["skills"] == [{"name": "Platforms", "keywords": ["Kubernetes", "Airflow", "MLflow"]},
                             {"name": "Skills", "keywords": ["Python", "SQL", "Go"]}]


def test_json_resume_education_best_effort(doc: dict[str, Any]) -> None:
    assert doc["education"] == [
        {"studyType": "Master", "area": "Computer Science", "institution": "Technical University of Berlin",
         "endDate": "2016"},
        {"studyType": "Bachelor", "area": "Mathematics", "institution": "University of Leeds",
         "startDate": "2012", "endDate": "2015"},
    ]


def test_json_resume_screening_results_under_extension_key(doc: dict[str, Any]) -> None:
    x = doc["x-resume-signals"]
    assert x["score"] == 42.5 and x["status"] == "ok"
    assert x["contributions"] == [{"name": "shipped", "count": 1, "points": 12.0, "ml": 0}]
    assert x["signals"][0]["name"] == "shipped" and x["signals"][0]["match"] == "Shipped"
    assert x["flags"][0]["name"] == "architecture_padding"
    assert x["seniority"] == {"level": "senior", "years": 6.8, "evidence": [], "jobs": [], "present_until": None}
    assert x["source"] == {"sha256": "ab" * 32, "format": "pdf", "pages": 1}
    assert "jane_doe" not in json.dumps(doc["x-resume-signals"])  # file names often carry the person's name


def test_json_resume_dates_are_year_month(doc: dict[str, Any]) -> None:
    dated = [*doc["work"], *doc["projects"], *doc["education"]]
    values = [item[k] for item in dated for k in ("startDate", "endDate") if k in item]
    assert values and all(re.fullmatch(r"\d{4}(-(0[1-9]|1[0-2]))?", v) for v in values)


# The shape of JSON Resume (a subset of its published schema: the keys this export fills).
DATE = {"type": "string", "pattern": r"^\d{4}(-(0[1-9]|1[0-2]))?$"}
SHAPE = {
    "type": "object",
    "required": ["basics", "work", "education", "skills", "projects", "x-resume-signals"],
    "properties": {
        "basics": {"type": "object", "additionalProperties": False, "properties": {
            "name": {"type": "string"}, "email": {"type": "string", "format": "email"},
            "phone": {"type": "string"}, "url": {"type": "string", "pattern": "^https?://"},
            "summary": {"type": "string"},
            "profiles": {"type": "array", "items": {"type": "object", "additionalProperties": False,
                                                     "required": ["network", "url"], "properties": {
                                                         "network": {"type": "string"},
                                                         "username": {"type": "string"},
                                                         "url": {"type": "string"}}}}}},
        "work": {"type": "array", "items": {"type": "object", "additionalProperties": False, "properties": {
            "name": {"type": "string"}, "position": {"type": "string"}, "startDate": DATE, "endDate": DATE,
            "highlights": {"type": "array", "items": {"type": "string"}}}}},
        "education": {"type": "array", "items": {"type": "object", "additionalProperties": False, "properties": {
            "institution": {"type": "string"}, "area": {"type": "string"}, "studyType": {"type": "string"},
            "startDate": DATE, "endDate": DATE}}},
        "skills": {"type": "array", "items": {"type": "object", "additionalProperties": False,
                                              "required": ["name", "keywords"], "properties": {
                                                  "name": {"type": "string"},
                                                  "keywords": {"type": "array", "items": {"type": "string"}}}}},
        "projects": {"type": "array", "items": {"type": "object", "additionalProperties": False, "properties": {
            "name": {"type": "string"}, "entity": {"type": "string"}, "description": {"type": "string"},
            "url": {"type": "string"}, "startDate": DATE, "endDate": DATE,
            "highlights": {"type": "array", "items": {"type": "string"}}}}},
        "x-resume-signals": {"type": "object", "required": ["status", "score", "signals", "flags", "seniority",
                                                            "contributions"]},
    },
}


def test_json_resume_matches_the_json_resume_shape(doc: dict[str, Any]) -> None:
    jsonschema.validate(json.loads(json.dumps(doc)), SHAPE)


def test_json_resume_redacted_report_exports_no_contact_details() -> None:
    report = _build(redact_lines(LINES))
    out = to_json_resume(report)
    assert not {"name", "email", "phone", "url", "profiles"} & set(out["basics"])
    blob = json.dumps(out)
    for secret in ("Jane", "jane.doe@", "555 0101", "janedoe.dev", "github.com/janedoe", "jane-doe"):
        assert secret not in blob
    assert out["work"][0]["highlights"][0].startswith("Shipped")


def test_json_resume_failed_report_keeps_the_structure() -> None:
    failed = Report(source=Source("x.pdf", None, None, "", 0), status="failed",
                    errors=(ErrorInfo("encrypted", "password", "extract"),))
    out = to_json_resume(failed)
    assert (out["basics"], out["work"], out["education"], out["skills"], out["projects"]) == ({}, [], [], [], [])
    assert out["x-resume-signals"]["status"] == "failed"
    assert out["x-resume-signals"]["errors"][0]["code"] == "encrypted"
    jsonschema.validate(out, SHAPE)


@pytest.mark.parametrize(("line", "expected"), [
    ("Ph.D. in Statistics, Kelvin University, 2019", {"studyType": "PhD", "area": "Statistics",
                                                      "institution": "Kelvin University", "endDate": "2019"}),
    ("Bachelor of Science in Physics | ETH Zürich | Sep 2010 – Jun 2013",
     {"studyType": "Bachelor", "area": "Physics", "institution": "ETH Zürich", "startDate": "2010-09",
      "endDate": "2013-06"}),
    ("Coursework: Machine Learning, Databases", None),
    ("MS, Columbia School of Engineering", {"studyType": "Master", "institution": "Columbia School of Engineering"}),
])
def test_json_resume_education_lines(line: str, expected: dict[str, str] | None) -> None:
    lines = ["Education", line]
    report = Report(source=Source("a", None, "txt", "0", 1), text="\n".join(lines),
                    sections=(Section("education", "Education", 0, len("\n".join(lines))),))
    assert to_json_resume(report)["education"] == ([expected] if expected else [])


def test_json_resume_pipeline_report(tmp_path: Any) -> None:
    import resume_signals

    resume = "\n".join(["Alex Example", "alex@example.com | github.com/alexample", "", "EXPERIENCE",
                        "Senior ML Engineer, Acme Corp\tJan 2018 – Present",
                        "• Shipped a ranking model to production serving 3M daily users",
                        "• Led a team of 5 engineers", "", "SKILLS", "Cloud: AWS, Kubernetes"])
    report = resume_signals.score(resume.encode(), as_of="2026-11-01")
    jsonschema.validate(json.loads(report.to_json()), load_schema())
    out = to_json_resume(report)
    jsonschema.validate(json.loads(json.dumps(out)), SHAPE)
    assert out["basics"]["email"] == "alex@example.com"
    assert out["work"][0]["startDate"] == "2018-01" and "endDate" not in out["work"][0]
    assert "Shipped a ranking model to production serving 3M daily users" in out["work"][0]["highlights"]
    assert {s["name"] for s in out["x-resume-signals"]["signals"]} >= {"shipped", "team_size"}


# ---------------------------------------------------------------------------------------------------------------------
# Every field right or absent (issue 11): links, grid labels, education dates and areas, "Title - Org, Remote"

def _jr(text: str) -> dict[str, Any]:
    import resume_signals

    return to_json_resume(resume_signals.score(text.encode(), as_of="2026-01-01"))


@pytest.mark.parametrize(("line", "urls"), [
    ("kim.park@example.com | LinkedIn | GitHub", []),                       # labels, not addresses
    ("kim.park@example.com | github.com/kpark", ["https://github.com/kpark"]),
    ("kim.park@example.com | kimpark.dev", ["https://kimpark.dev"]),
])
def test_json_resume_links_are_web_addresses(line: str, urls: list[str]) -> None:
    basics = _jr(f"Kim Park\n{line}\nEXPERIENCE\nML Engineer, Acme (2019 - 2022)\n")["basics"]
    got = ([basics["url"]] if "url" in basics else []) + [p["url"] for p in basics.get("profiles", [])]
    assert got == urls


def test_json_resume_grid_row_labels_are_not_keywords() -> None:
    doc = _jr("Kim Park\nkim@example.com\nEXPERIENCE\nML Engineer, Acme (2019 - 2022)\n"
              "SKILLS\nProgramming\nPython, Go, Rust\nProficient\nDocker, Kafka\n")
    keywords = [k for g in doc["skills"] for k in g["keywords"]]
    assert keywords == ["Python", "Go", "Rust", "Docker", "Kafka"]
    assert [g["name"] for g in doc["skills"]] == ["Programming", "Proficient"]


@pytest.mark.parametrize(("line", "area"), [
    ("MSc in Data Science, Example University, 2016", "Data Science"),
    ("MSc iN DATA SCiENCE (WiTH, Example University, 2016", None),          # small-caps garble, cut bracket
])
def test_json_resume_education_area_and_single_date(line: str, area: str | None) -> None:
    (edu,) = _jr(f"Kim Park\nkim@example.com\nEXPERIENCE\nML Engineer, Acme (2019 - 2022)\nEDUCATION\n{line}\n"
                 )["education"]
    assert edu.get("area") == area
    assert "startDate" not in edu and edu["endDate"].startswith("2016")


@pytest.mark.parametrize(("title", "position", "name"), [
    ("ML Engineer - Lumen Labs, Remote", "ML Engineer", "Lumen Labs"),
    ("Data Scientist – Orbit Health", "Data Scientist", "Orbit Health"),
    ("Staff Engineer at Fernway (Hybrid)", "Staff Engineer", "Fernway"),
])
def test_json_resume_title_dash_org(title: str, position: str, name: str) -> None:
    from resume_signals.outputs.json_resume import _title_and_org

    assert _title_and_org(title) == (position, name)


def test_json_resume_work_names_are_never_none() -> None:
    work = _jr("Kim Park\nkim@example.com\nEXPERIENCE\nML Engineer - Lumen Labs, Remote\nJan 2020 - Present\n"
               "- Shipped a ranking model\n")["work"]
    assert work and all(w.get("name") is not None for w in work if "name" in w)
    assert any(w.get("name") == "Lumen Labs" and w.get("position") == "ML Engineer" for w in work), work


CORPUS = Path(__file__).resolve().parents[2].parent / "shared" / "corpus" / "files"


@pytest.mark.skipif(not CORPUS.is_dir(), reason="the shared corpus is not on this machine (outside the project)")
def test_json_resume_corpus_fields_right_or_absent() -> None:
    import resume_signals

    files = sorted(str(p) for p in CORPUS.iterdir() if p.suffix.lower() in {".pdf", ".docx", ".txt"})
    for report in resume_signals.score_many(files, workers=2, as_of="2026-11-01", progress=False):
        if report.status == "failed":
            continue
        doc = to_json_resume(report)
        basics = doc["basics"]
        for url in [basics.get("url")] + [p["url"] for p in basics.get("profiles", [])]:
            assert url is None or re.match(r"https?://[^/\s]*\.[A-Za-z]{2,}", url), (report.source.sha256, url)
        for w in doc["work"]:
            assert all(v is not None for v in w.values()), report.source.sha256
        for e in doc["education"]:
            assert not ("startDate" in e and e.get("startDate") == e.get("endDate")), report.source.sha256
            assert "area" not in e or e["area"][:1].isupper(), report.source.sha256
        for g in doc["skills"]:
            assert not {k.lower() for k in g["keywords"]} & {"proficient", "programming"}, report.source.sha256
