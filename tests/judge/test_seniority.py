"""Seniority: years from merged experience ranges, titles outranking years, messy dates.

Entries are built by hand so these tests depend on nothing but seniority.py.
"""

from __future__ import annotations

import datetime as dt

import pytest

from resume_signals.document import LineDraft, assemble
from resume_signals.judge.seniority import estimate
from resume_signals.report import DateRange, Entry, Section
from resume_signals.spec.rules import load_rules

AS_OF = dt.date(2026, 11, 1)
DOC = assemble([LineDraft("Experience"), LineDraft("Updated October 2026")], "txt")


def job(title: str | None, start: str | None, end: str | None = None, *, present: bool = False,
        section: str = "experience", org: str = "Some Org") -> Entry:
    raw = f"{start} - {'Present' if present else end}"
    dates = DateRange(raw=raw, start=start, end=end, present=present) if (start or end or present) else None
    return Entry(section=section, title=title, organization=org, dates=dates, start=0, end=1)


def run(entries: list[Entry], *, doc=DOC, sections: list[Section] | None = None, rules=None):
    return estimate(doc, sections or [], entries, as_of=AS_OF, rules=rules or load_rules())


@pytest.mark.parametrize(
    ("entries", "level", "years"),
    [
        # Present counts through the as_of month (2026-11): Jan 2023 .. Nov 2026 = 47 months.
        ([job("ML Engineer", "2023-01", present=True)], "mid", 3.9),
        # Overlapping ranges merge: 2019-01..2022-12 is 4 years, not 5.
        ([job("Data Scientist", "2019-01", "2021-12"), job("Consultant", "2021-01", "2022-12")], "mid", 4.0),
        # Two jobs at once for the whole time count once.
        ([job("Engineer", "2020-01", "2025-12"), job("Engineer (part-time)", "2020-01", "2025-12")], "senior", 6.0),
        # A gap is not counted.
        ([job("Analyst", "2010-01", "2010-12"), job("Engineer", "2020-01", "2020-12")], "junior", 2.0),
        # Boundaries: exactly 3 years is mid, one month less junior, exactly 6 senior.
        ([job("Engineer", "2020-01", "2022-12")], "mid", 3.0),
        ([job("Engineer", "2020-01", "2022-11")], "junior", 2.9),
        ([job("Engineer", "2015-01", "2020-12")], "senior", 6.0),
        # Internships are excluded, whatever their length.
        ([job("Software Engineering Intern", "2015-01", "2021-12"), job("Engineer", "2024-01", "2024-12")],
         "junior", 1.0),
        ([job("Working Student, Data", "2015-01", "2021-12"), job("Engineer", "2024-01", "2024-12")], "junior", 1.0),
        ([job("Research Trainee", "2015-01", "2021-12"), job("Engineer", "2024-01", "2024-12")], "junior", 1.0),
        ([job("Co-op Developer", "2015-01", "2021-12"), job("Engineer", "2024-01", "2024-12")], "junior", 1.0),
        # "Internal" is not "intern".
        ([job("Internal Tools Engineer", "2015-01", "2021-12")], "senior", 7.0),
        # Education is excluded: entries outside experience, and student titles inside it.
        ([job("BSc Computer Science", "2010-01", "2016-12", section="education"), job("Dev", "2024-01", "2024-12")],
         "junior", 1.0),
        ([job("PhD Student", "2010-01", "2016-12"), job("Dev", "2024-01", "2024-12")], "junior", 1.0),
        ([job("Side project", "2010-01", "2016-12", section="projects"), job("Dev", "2024-01", "2024-12")],
         "junior", 1.0),
    ],
)
def test_seniority_years_and_level(entries: list[Entry], level: str, years: float) -> None:
    result = run(entries)
    assert (result.level, result.years) == (level, years)


@pytest.mark.parametrize(
    ("entries", "level"),
    [
        # A title outranks years: Staff is staff_plus whatever the years.
        ([job("Staff ML Engineer", "2025-06", present=True)], "staff_plus"),
        ([job("Principal Engineer", "2025-06", present=True)], "staff_plus"),
        ([job("Head of Data Science", "2025-06", present=True)], "staff_plus"),
        ([job("COE Head, Machine Learning", "2025-06", present=True)], "staff_plus"),  # "Head of" after the unit
        ([job("Director of Machine Learning", "2025-06", present=True)], "staff_plus"),
        ([job("Distinguished Engineer", "2025-06", present=True)], "staff_plus"),
        # A Senior title is at least senior ...
        ([job("Senior Data Scientist", "2025-06", present=True)], "senior"),
        ([job("Sr. ML Engineer", "2025-06", present=True)], "senior"),
        ([job("VP, Machine Learning", "2025-06", present=True)], "senior"),  # an executive: not a staff rank
        ([job("CTO & Co-founder", "2025-06", present=True)], "senior"),
        # Near misses: a lead or a manager names a role, not a level (SIGNALS.md lists the level titles).
        ([job("ML Platform Lead", "2025-06", present=True)], "junior"),
        ([job("Engineering Manager", "2025-06", present=True)], "junior"),
        # ... but years can still lift nothing above senior: staff needs the title.
        ([job("Senior Engineer", "2000-01", present=True)], "senior"),
        ([job("Engineer", "2000-01", present=True)], "senior"),
        # A past Staff title counts, even after a later, plainer title.
        ([job("ML Engineer", "2024-01", present=True), job("Staff Engineer", "2022-01", "2023-12")], "staff_plus"),
        # Near misses: phrases that hold a level word but name no level.
        ([job("Staff Nurse", "2024-01", present=True)], "junior"),
        ([job("Member of Technical Staff", "2024-01", present=True)], "junior"),
        ([job("Lead Generation Specialist", "2024-01", present=True)], "junior"),
        ([job("Seniority Analyst", "2024-01", present=True)], "junior"),
        # An internship title never sets a level; only internships make a junior.
        ([job("Senior Intern", "2024-01", present=True)], "junior"),
        ([job("Research Intern", None), job("Working Student", "2023-10", "2024-03")], "junior"),
        ([job("Estágio em Engenharia de Software", "2015-01", "2020-12")], "junior"),  # internships in other languages
        ([job("Consultor Practicante", "2016-01", "2023-05")], "junior"),
        # SIGNALS.md names the titles that outrank years upwards only: a Junior title after a long career is years.
        ([job("Junior Machine Learning Engineer", "2025-09", present=True),
          job("Mathematics Teacher", "2017-01", "2025-06")], "senior"),
    ],
)
def test_seniority_title_outranks_years(entries: list[Entry], level: str) -> None:
    assert run(entries).level == level


def test_seniority_evidence_names_the_deciding_title_and_each_entry() -> None:
    result = run([job("Staff ML Engineer", "2025-06", present=True, org="Acme"),
                  job("ML Intern", "2024-01", "2024-06", org="Beta")])
    decision = result.evidence[-1]
    assert decision["decided_by"] == "title"
    assert decision["title"] == "Staff ML Engineer"
    assert decision["word"].lower() == "staff"
    entries = result.evidence[:-1]
    assert entries[0]["organization"] == "Acme" and entries[0]["counted"] is True and entries[0]["months"] > 0
    assert entries[1]["counted"] is False and "internship" in entries[1]["why"]
    assert entries[1]["dates"] == "2024-01 - 2024-06"


def test_seniority_evidence_says_years_decided() -> None:
    result = run([job("Engineer", "2015-01", "2022-12")])
    assert result.evidence[-1]["decided_by"] == "years"
    assert result.evidence[-1]["years"] == 8.0


@pytest.mark.parametrize(
    ("entry", "months", "note"),
    [
        # End before start: read as swapped.
        (job("Engineer", "2022-12", "2020-01"), 36.0, "swapped"),
        # A future end is clamped to as_of (2026-11-01): Jan 2026 .. Nov 2026 = 11 months.
        (job("Engineer", "2026-01", "2030-12"), 11.0, "clamped"),
        # Only a start and no "present": the start month only.
        (job("Engineer", "2020-05", None), 1.0, "start month"),
        # Starting in the as_of month: that month counts.
        (job("Engineer", "2026-11", present=True), 1.0, None),
        # Year-only strings: a whole year each.
        (job("Engineer", "2019", "2020"), 24.0, None),
        (job("Engineer", "2019", None), 12.0, "start year"),
    ],
)
def test_seniority_messy_dates_are_repaired(entry: Entry, months: float, note: str | None) -> None:
    item = run([entry]).evidence[0]
    assert item["counted"] is True
    assert item["months"] == months
    if note is None:
        assert "note" not in item
    else:
        assert note in item["note"]


@pytest.mark.parametrize(
    ("entry", "why"),
    [
        (job("Engineer", "2026-12", "2028-01"), "after the reference date"),
        (job("Engineer", None, "2020-01"), "no start"),
        (job("Engineer", None, None), "no dates"),
        (job("Engineer", "sometime", "later"), "no usable dates"),
    ],
)
def test_seniority_unusable_dates_count_nothing(entry: Entry, why: str) -> None:
    result = run([entry])
    assert result.evidence[0]["counted"] is False
    assert why in result.evidence[0]["why"]
    assert result.years is None


def test_seniority_duplicate_entries_merge_and_are_noted() -> None:
    result = run([job("Engineer", "2020-01", "2021-12"), job("Engineer", "2020-01", "2021-12")])
    assert result.years == 2.0
    assert "duplicate" in result.evidence[1]["note"]


def test_seniority_present_moves_with_as_of() -> None:
    entries = [job("Engineer", "2020-01", present=True)]
    early = estimate(DOC, [], entries, as_of=dt.date(2022, 1, 1), rules=load_rules())
    late = estimate(DOC, [], entries, as_of=dt.date(2027, 1, 1), rules=load_rules())
    assert (early.years, early.level) == (2.1, "junior")
    assert (late.years, late.level) == (7.1, "senior")


@pytest.mark.parametrize(
    ("entries", "level"),
    [
        ([], "unknown"),
        ([job("Data Scientist", None)], "unknown"),
        ([job(None, None)], "unknown"),
        # Without dates a junior title is the only clue.
        ([job("Junior Data Analyst", None)], "junior"),
        ([job("Senior Data Analyst", None)], "senior"),
    ],
)
def test_seniority_without_dates(entries: list[Entry], level: str) -> None:
    result = run(entries)
    assert result.level == level
    assert result.years is None
    if level == "unknown":
        assert result.evidence[-1]["decided_by"] == "none"


def _summary_doc(text: str) -> tuple:
    doc = assemble([LineDraft("Summary"), LineDraft(text)], "txt")
    return doc, [Section(kind="summary", heading="Summary", start=0, end=len(doc.text))]


@pytest.mark.parametrize(
    ("summary", "level", "by"),
    [
        ("Principal engineer for warehouse robotics.", "staff_plus", "summary_title"),
        ("Senior vision scientist focused on crop imagery.", "senior", "summary_title"),
        ("Data scientist with 12+ years of applied work.", "senior", "summary_years"),
        ("Data scientist with 4 years of applied work.", "mid", "summary_years"),
        ("Data scientist who likes clean data.", "unknown", "none"),
    ],
)
def test_seniority_summary_is_a_fallback_only(summary: str, level: str, by: str) -> None:
    doc, sections = _summary_doc(summary)
    result = run([], doc=doc, sections=sections)
    assert (result.level, result.evidence[-1]["decided_by"]) == (level, by)


def test_seniority_summary_claim_does_not_override_dated_entries() -> None:
    doc, sections = _summary_doc("Principal engineer with 16 years in payments.")
    result = run([job("Engineer", "2025-01", present=True)], doc=doc, sections=sections)
    assert result.level == "junior"
    assert result.evidence[-1]["decided_by"] == "years"


def test_seniority_rule_pack_can_move_thresholds(tmp_path) -> None:
    entries = [job("Engineer", "2021-01", "2025-12")]
    assert run(entries).level == "mid"
    pack = tmp_path / "pack.toml"
    pack.write_text("[seniority.years]\nsenior = 5.0\n", encoding="utf-8")
    rules = load_rules(pack)
    assert run(entries, rules=rules).level == "senior"


def test_seniority_to_dict_is_json_ready() -> None:
    import json

    result = run([job("Engineer", "2021-01", "2025-12")])
    data = json.loads(json.dumps(result.to_dict()))
    assert data["level"] == "mid" and data["years"] == 5.0 and isinstance(data["evidence"], list)


def _study_doc(degree: str) -> tuple:
    """A resume whose education section holds one degree line with ``degree`` as its dates."""
    doc = assemble([LineDraft("Education"), LineDraft(f"MSc Applied Statistics\t{degree}"),
                    LineDraft("Experience"), LineDraft("Updated October 2026")], "txt")
    cut = doc.lines[2].start
    return doc, [Section(kind="education", heading="Education", start=0, end=cut),
                 Section(kind="experience", heading="Experience", start=cut, end=len(doc.text))]


@pytest.mark.parametrize(
    ("title", "counted"),
    [
        # Graduate and teaching assistantships and campus jobs are education wherever their dates lie.
        ("Graduate Research Assistant, Soil Physics Lab", False),
        ("Graduate Teaching Assistant", False),
        ("Research and Teaching Assistant", False),
        ("Resident Advisor", False),
        ("Student Worker, Campus Library", False),
        ("Research Assistant, Soil Physics Lab", False),  # SIGNALS.md names research assistantships
        # Near misses: an assistant vice president, a research associate or a research engineer is a job.
        ("Research Associate, Soil Physics Lab", True),
        ("Assistant Vice President, Credit Analytics", True),
        ("Research Engineer", True),
        ("Teaching Platform Engineer", True),
    ],
)
def test_seniority_assistantships_are_education(title: str, counted: bool) -> None:
    result = run([job(title, "2015-01", "2019-12"), job("Data Engineer", "2024-01", "2024-12")])
    assert result.jobs[0].counted is counted
    assert result.years == (6.0 if counted else 1.0)
    if not counted:
        assert result.jobs[0].why is not None and result.jobs[0].why.startswith("education")


@pytest.mark.parametrize(
    ("title", "start", "end", "counted"),
    [
        # Inside the degree's dates (2016-09 .. 2020-06) a student-like title is study.
        ("Lab Assistant", "2017-01", "2019-12", False),
        ("Graduate Fellow, Climate Modelling", "2016-09", "2020-06", False),
        ("Graduate Ambassador, Admissions Office", "2018-01", "2018-12", False),
        # Near misses: the same title after the degree, and a plain job inside it.
        ("Lab Assistant", "2021-01", "2023-12", True),
        ("Postdoctoral Fellow", "2020-09", "2023-08", True),
        ("Software Developer", "2017-01", "2019-12", True),
    ],
)
def test_seniority_student_titles_inside_degree_dates(title: str, start: str, end: str, counted: bool) -> None:
    doc, sections = _study_doc("Sep 2016 – Jun 2020")
    result = run([job(title, start, end)], doc=doc, sections=sections)
    assert result.jobs[0].counted is counted
    if not counted:
        assert "degree" in (result.jobs[0].why or "")


@pytest.mark.parametrize(
    ("lines", "years", "present_until"),
    [
        # Newest written year 2021, as of Nov 2026: "Present" stops at Dec 2021 (2019-03 .. 2021-12).
        (["Experience", "Analyst\tMar 2019 – Present", "Education", "MSc Maths\t2020 – 2021"], 2.8, "2021-12"),
        (["Experience", "Analyst\tMar 2019 – Present", "Talk at a meetup, 2021"], 2.8, "2021-12"),
        # The newest date is June 2024, 29 months before Nov 2026: stale, "Present" stops at Dec 2024.
        (["Experience", "Analyst\tMar 2019 – Present", "MSc Maths\tSep 2022 – Jun 2024"], 5.8, "2024-12"),
        # Near misses: a date in 2025 (or a degree ending in 2024) keeps the resume fresh.
        (["Experience", "Analyst\tMar 2019 – Present", "Certificate, May 2025"], 7.8, None),
        (["Experience", "Analyst\tMar 2019 – Present", "MSc Maths\t2022 – 2024"], 7.8, None),
    ],
)
def test_seniority_stale_resume_does_not_age(lines: list[str], years: float, present_until: str | None) -> None:
    doc = assemble([LineDraft(t) for t in lines], "txt")
    entry = Entry(section="experience", title="Analyst", organization=None,
                  dates=DateRange(raw="Mar 2019 – Present", start="2019-03", end=None, present=True), start=0, end=1)
    result = estimate(doc, [], [entry], as_of=AS_OF, rules=load_rules())
    assert result.years == years
    assert result.present_until == present_until
    if present_until:
        assert result.jobs[0].end == present_until
        assert "stale" in result.evidence[-1]["note"]


def test_seniority_jobs_say_which_dates_made_the_years() -> None:
    result = run([job("Engineer", "2020-01", "2021-06"), job("Data Intern", "2019-06", "2019-08"),
                  job("Analyst", None)])
    made, intern, undated = result.jobs
    assert (made.counted, made.start, made.end, made.months, made.dates) == (True, "2020-01", "2021-06", 18.0,
                                                                              "2020-01 - 2021-06")
    assert not intern.counted and intern.why.startswith("internship") and intern.start is None
    assert (undated.counted, undated.why) == (False, "no dates")
    assert result.to_dict()["jobs"][0] == made.to_dict()


@pytest.mark.parametrize(("education", "level", "by"), [
    ("BSc Computer Science, Riverside University, 2021 - 2025", "junior", "no_job_dates"),  # dates, no job
    ("BSc Computer Science, Riverside University, expected May 2026", "junior", "no_job_dates"),  # one date
    ("BSc Computer Science, Riverside University", "unknown", "none"),  # no dates at all, no title
])
def test_seniority_dates_without_a_dated_job_is_junior(education: str, level: str, by: str) -> None:
    doc = assemble([LineDraft("Education"), LineDraft(education)], "txt")
    sections = [Section(kind="education", heading="Education", start=0, end=len(doc.text))]
    result = run([], doc=doc, sections=sections)
    assert (result.level, result.evidence[-1]["decided_by"]) == (level, by)
    assert result.years == (0.0 if level == "junior" else None)
