"""Fairness: who the candidate is never changes what the library finds or the score.

Swapping a name, an e-mail, a phone number, a school, a location, a date of
birth or an age, pronouns or gendered words must leave the score, the
contributions, the flags, the seniority and the signals (name and matched
phrase) exactly as they were. Two sources of resumes:

- three resumes written here as templates with persona slots, each rendered
  with every persona below (several swaps at once and one at a time);
- the project's fixtures (``fixtures/build``: TXT and DOCX), with the
  protected strings of each file found through its spec (contact and
  education lines) and replaced in place.

This test runs the whole pipeline (extract, sections, detectors, seniority,
flags, score).
"""

from __future__ import annotations

import io
import json
import re
from pathlib import Path
from typing import Any

import pytest

import resume_signals

AS_OF = "2026-11-01"
ROOT = Path(__file__).resolve().parents[1]

PERSONAS: list[dict[str, str]] = [
    {"name": "Maria Fernández Ruiz", "email": "maria.fernandez@example.com", "phone": "+34 612 555 019",
     "city": "Madrid, Spain", "school": "Universidad Politécnica de Madrid", "dob": "14 March 1991", "age": "35",
     "They": "She", "they": "she", "their": "her", "them": "her", "parent": "mother", "chair": "chairwoman",
     "club": "Women in Data Science Madrid", "title": "Ms."},
    {"name": "John Smith", "email": "jsmith78@example.org", "phone": "(415) 555-0134",
     "city": "San Francisco, CA", "school": "Stanford University", "dob": "02/07/1978", "age": "48",
     "They": "He", "they": "he", "their": "his", "them": "him", "parent": "father", "chair": "chairman",
     "club": "Bay Area Men's Rowing Club", "title": "Mr."},
    {"name": "Nguyễn Thị Lan", "email": "lan.nguyen@example.net", "phone": "+84 24 5550 7788",
     "city": "Hanoi, Vietnam", "school": "Hanoi University of Science and Technology", "dob": "1 January 2003",
     "age": "23", "They": "They", "they": "they", "their": "their", "them": "them", "parent": "parent",
     "chair": "chair", "club": "Hanoi Coding Circle", "title": "Mx."},
    {"name": "Oluwaseun Adébáyọ̀", "email": "seun.adebayo@example.ng", "phone": "+234 803 555 0192",
     "city": "Lagos, Nigeria", "school": "University of Lagos", "dob": "30 September 1969", "age": "57",
     "They": "He", "they": "he", "their": "his", "them": "him", "parent": "grandfather", "chair": "chairman",
     "club": "Lagos Chess Society", "title": "Dr."},
    {"name": "Zoë Müller-Schmidt", "email": "zoe.mueller-schmidt@example.ch", "phone": "+41 44 555 12 34",
     "city": "Zürich, Switzerland", "school": "ETH Zürich", "dob": "22.11.1985", "age": "41",
     "They": "She", "they": "she", "their": "her", "them": "her", "parent": "mother", "chair": "chairwoman",
     "club": "Girls Who Code Zürich", "title": "Mrs."},
]

# Three resumes of different strength, written for this test. Slots in braces are
# the protected attributes; everything else is the evidence and must not move.
TEMPLATES: dict[str, str] = {
    "strong": """{title} {name}
{city} | {email} | {phone}
Date of birth: {dob} (age {age})

SUMMARY
Machine learning engineer for payments risk. {They} judge a model by week ten in production, not by demo day; \
colleagues count on {them} to draft the rollback runbook before anything ships.

EXPERIENCE
Senior Machine Learning Engineer, Northwind Payments, {city}
Mar 2019 – Present
- Shipped the card-fraud scoring service that now screens 9M transactions a day, cutting fraud losses by 23%.
- Rolled out every new model behind a canary at 2% of traffic, with automatic rollback on alert.
- Added Grafana dashboards and PagerDuty alerts for prediction drift; took part in the on-call rotation.
- Ran A/B tests on decline thresholds that lifted approval rate by 1.8 points.
- Led a team of 4 engineers that moved training to Airflow with weekly retraining on production labels.
Data Scientist, Harbor Analytics, {city}
Jan 2015 – Feb 2019
- Deployed a churn model to production on AWS SageMaker, saving $400K a year in retention spend.
- Versioned models and training data together in the MLflow model registry.

EDUCATION
MSc Computer Science, {school}, 2014

SKILLS
Python, SQL, PyTorch, Kubernetes, Docker, Kafka, Terraform

VOLUNTEERING
{chair} of {club}; {parent} of two.
""",
    "moderate": """{name}
{email} · {phone} · {city}

PROFILE
Data scientist in retail pricing, born {dob}. {They} enjoy turning analyses into tools people use.

WORK EXPERIENCE
Data Scientist — Greenleaf Grocers
Sep 2021 – Present
- Deployed a markdown-pricing model to 60 stores, reducing waste by 12%.
- Built a demand forecast in scikit-learn with 0.87 R² on the validation set.
- Worked in a team of 6 analysts and engineers; {their} dashboards are used weekly by store managers.
Junior Analyst — Greenleaf Grocers
Jun 2020 – Aug 2021
- Automated the monthly stock-count summary with Python and SQL.

EDUCATION
BSc Statistics, {school}, 2020

SKILLS
Python, pandas, scikit-learn, Docker, Airflow
""",
    "weak": """{name}, age {age}
{city}
{email} | {phone}

ABOUT
Graduate student at {school}. {They} want to learn how to deploy models; next goal is an A/B test.

PROJECTS
Toxic Comment Classification (Kaggle)
2024
- Won a silver medal with an ensemble of BERT, RoBERTa, LSTM, GRU, XGBoost and a CNN (0.986 AUC, private LB).
Image Classifier
2023
- Compared ResNet, VGG and EfficientNet on CIFAR-10, reaching 94% test accuracy.

EXPERIENCE
Machine Learning Intern, Orbital Labs
Jun 2024 – Aug 2024
- Helped the team clean datasets; {parent} mentor in the {club}.

EDUCATION
MSc Data Science, {school}, expected 2026
""",
}


def render(template: str, persona: dict[str, str]) -> bytes:
    return template.format(**persona).encode("utf-8")


def _no_offsets(value: Any) -> Any:
    """Evidence without character offsets, which move when a name is longer."""
    if isinstance(value, dict):
        return {k: _no_offsets(v) for k, v in value.items() if k not in ("start", "end")}
    if isinstance(value, list | tuple):
        return [_no_offsets(v) for v in value]
    return value


def fingerprint(report: resume_signals.Report) -> dict[str, Any]:
    """Everything the screen decides, without offsets (which move when a name is longer)."""
    assert report.status != "failed", report.errors
    return {
        "score": report.score,
        "contributions": [c.to_dict() for c in report.contributions],
        "signals": sorted((s.name, s.match, s.section, str(s.value)) for s in report.signals),
        "flags": sorted((f.name, json.dumps(_no_offsets(f.evidence), sort_keys=True, default=str))
                        for f in report.flags),
        "seniority": (report.seniority.level, report.seniority.years),
    }


def score_bytes(data: bytes) -> dict[str, Any]:
    return fingerprint(resume_signals.score(data, as_of=AS_OF))


@pytest.mark.parametrize("tier", sorted(TEMPLATES))
@pytest.mark.parametrize("persona", range(1, len(PERSONAS)), ids=lambda i: PERSONAS[i]["name"].split()[0])
def test_fairness_persona_swap_changes_nothing(tier: str, persona: int) -> None:
    baseline = score_bytes(render(TEMPLATES[tier], PERSONAS[0]))
    assert baseline["signals"], "the template must produce evidence for the comparison to mean anything"
    assert score_bytes(render(TEMPLATES[tier], PERSONAS[persona])) == baseline


SLOTS = {"name": ["name"], "email": ["email"], "phone": ["phone"], "location": ["city"], "school": ["school"],
         "date_of_birth_and_age": ["dob", "age"], "pronouns": ["They", "they", "their", "them"],
         "gendered_words": ["parent", "chair", "club", "title"]}


@pytest.mark.parametrize("slot", sorted(SLOTS))
@pytest.mark.parametrize("tier", sorted(TEMPLATES))
def test_fairness_single_attribute_swap(tier: str, slot: str) -> None:
    """One attribute at a time, so a failure names the attribute that leaks."""
    base = PERSONAS[0]
    other = PERSONAS[1] if slot != "pronouns" else PERSONAS[2]
    swapped = {**base, **{k: other[k] for k in SLOTS[slot]}}
    assert score_bytes(render(TEMPLATES[tier], swapped)) == score_bytes(render(TEMPLATES[tier], base))


def test_fairness_templates_rank_by_strength() -> None:
    """Sanity: the three templates are scored in the order they were written for."""
    scores = {tier: score_bytes(render(t, PERSONAS[0]))["score"] for tier, t in TEMPLATES.items()}
    assert scores["strong"] > scores["moderate"] > scores["weak"]


# ------------------------------------------------------------------------ fixtures

SPEC_DIR = ROOT / "fixtures" / "specs"
BUILD_DIR = ROOT / "fixtures" / "build"
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_PHONE = re.compile(r"\+?\(?\d[\d ()./-]{7,}\d")
_SCHOOL = re.compile(r"\b(?:University|Universit[äaée]t?|Universidad|Universitat|Università|College|Institute|"
                     r"Polytechnic|Politecnico|School|Academy|TU|ETH|EPFL|UCL|MIT)\b", re.IGNORECASE)
_LOCATION = re.compile(r"^[A-ZÀ-Ý][\w.'À-ÿ -]+,\s*[A-Z][\w.'À-ÿ -]+$")
_PRONOUNS = {"she": "he", "he": "she", "her": "his", "his": "her", "him": "her", "She": "He", "He": "She",
             "Her": "His", "His": "Her", "hers": "his", "herself": "himself", "himself": "herself"}
_PRONOUN_RE = re.compile(r"\b(?:" + "|".join(sorted(_PRONOUNS, key=len, reverse=True)) + r")\b")


def _parts(text: str) -> list[str]:
    return [p.strip() for p in re.split(r"\s[|·•]\s|,\s(?=\S)(?![A-Z]{2}\b)|\t", text) if p.strip()]


def protected_swaps(spec: dict[str, Any], persona: dict[str, str]) -> dict[str, str]:
    """Original -> replacement for the protected strings of one fixture, read from its spec."""
    swaps: dict[str, str] = {}
    lines = spec.get("lines", [])
    contact = [ln["text"] for ln in lines if ln.get("section") == "contact"]
    if contact:
        swaps[contact[0].strip()] = persona["name"]
    for text in contact[1:]:
        for m in _EMAIL.finditer(text):
            swaps[m.group(0)] = persona["email"]
        for m in _PHONE.finditer(text):
            swaps[m.group(0)] = persona["phone"]
        for part in re.split(r"\s[|·•]\s", text):
            if _LOCATION.match(part.strip()) and not _EMAIL.search(part):
                swaps[part.strip()] = persona["city"]
    for ln in lines:
        if ln.get("section") != "education" or ln.get("kind") == "heading":
            continue
        for part in re.split(r",\s|\s[|·–—-]\s", ln["text"]):
            if _SCHOOL.search(part) and not re.search(r"\b(?:BSc|MSc|PhD|B\.?A|M\.?A|Bachelor|Master)\b", part):
                swaps[part.strip()] = persona["school"]
    return {k: v for k, v in swaps.items() if k and k != v}


def swap_text(text: str, swaps: dict[str, str], pronouns: bool) -> tuple[str, int]:
    done = 0
    for old in sorted(swaps, key=len, reverse=True):
        if old in text:
            text = text.replace(old, swaps[old])
            done += 1
    if pronouns:
        text, n = _PRONOUN_RE.subn(lambda m: _PRONOUNS[m.group(0)], text)
        done += n
    return text, done


def swap_docx(data: bytes, swaps: dict[str, str], pronouns: bool) -> tuple[bytes, int]:
    """Replace inside runs (so formatting and layout cues stay as they were)."""
    import docx  # python-docx

    document = docx.Document(io.BytesIO(data))
    done = 0

    def paragraphs() -> Any:
        yield from document.paragraphs
        for table in document.tables:
            for row in table.rows:
                for cell in row.cells:
                    yield from cell.paragraphs
        for section in document.sections:
            for part in (section.header, section.footer):
                yield from part.paragraphs
                for table in part.tables:
                    for row in table.rows:
                        for cell in row.cells:
                            yield from cell.paragraphs

    for para in paragraphs():
        for run in para.runs:
            new, n = swap_text(run.text, swaps, pronouns)
            if n:
                run.text = new
                done += n
    out = io.BytesIO()
    document.save(out)
    return out.getvalue(), done


def _decode(data: bytes) -> tuple[str, str]:
    """The fixture's text and its encoding (fixtures include UTF-16 and legacy Windows files)."""
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        return data.decode("utf-16"), "utf-16"
    try:
        return data.decode("utf-8-sig"), "utf-8-sig" if data[:3] == b"\xef\xbb\xbf" else "utf-8"
    except UnicodeDecodeError:
        return data.decode("cp1252"), "cp1252"


def _fixture_cases() -> list[tuple[str, str]]:
    if not SPEC_DIR.is_dir():
        return []
    cases = []
    for spec_path in sorted(SPEC_DIR.glob("*.json")):
        for ext in ("txt", "docx"):
            if (BUILD_DIR / f"{spec_path.stem}.{ext}").is_file():
                cases.append((spec_path.stem, ext))
    return cases


FIXTURE_CASES = _fixture_cases()


def test_fairness_fixture_set_is_present() -> None:
    """The fixture-based swaps below must have TXT and DOCX files to run on."""
    exts = {ext for _, ext in FIXTURE_CASES}
    assert {"txt", "docx"} <= exts


@pytest.mark.parametrize(("fixture", "ext"), FIXTURE_CASES)
def test_fairness_fixture_swaps(fixture: str, ext: str) -> None:
    spec = json.loads((SPEC_DIR / f"{fixture}.json").read_text(encoding="utf-8"))
    data = (BUILD_DIR / f"{fixture}.{ext}").read_bytes()
    baseline = score_bytes(data)
    applied = 0
    for i, persona in enumerate(PERSONAS[1:4]):
        swaps = protected_swaps(spec, persona)
        pronouns = i == 0
        if ext == "txt":
            original, encoding = _decode(data)
            text, n = swap_text(original, swaps, pronouns)
            if i == 2:  # and a date of birth with an age, under the name
                first, _, rest = text.partition("\n")
                text = f"{first}\nDate of birth: {persona['dob']} (age {persona['age']})\n{rest}"
                n += 1
            swapped = text.encode(encoding, errors="replace")
        else:
            swapped, n = swap_docx(data, swaps, pronouns)
        applied += n
        assert score_bytes(swapped) == baseline, f"swap with {persona['name']} changed the result: {swaps}"
    assert applied >= 3, "the fixture should hold a name, contact details or a school to swap"
