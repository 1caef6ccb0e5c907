"""Job and project entries: every common header layout, built the way extractors draft lines."""

from __future__ import annotations

import pytest

from resume_signals.document import Document, LineDraft, assemble
from resume_signals.report import Entry
from resume_signals.sections import find_entries, find_sections
from resume_signals.spec.rules import load_rules

RULES = load_rules()


def _b(text: str) -> LineDraft:
    return LineDraft("• " + text, bullet=True)


def _resume(*body: LineDraft, heading: str = "EXPERIENCE") -> Document:
    return assemble([LineDraft("Jane Doe", bold=True, size=16.0), LineDraft("jane@example.com"),
                     LineDraft(heading, bold=True, size=13.0), *body,
                     LineDraft("EDUCATION", bold=True, size=13.0), LineDraft("B.Sc. Physics, Acme University, 2014")],
                    "docx")


def _entries(doc: Document) -> list[Entry]:
    return find_entries(doc, find_sections(doc, RULES), RULES)


def _triples(doc: Document) -> list[tuple[str | None, str | None, str | None]]:
    return [(e.title, e.organization, e.dates.raw if e.dates else None) for e in _entries(doc)]


LAYOUTS = {
    "title_dash_org_over_dates": [
        LineDraft("Data Engineer — Quillon Lending", bold=True), LineDraft("Jun 2021 – Dec 2022", italic=True),
        _b("Rebuilt the invoice queue on RabbitMQ."),
        LineDraft("Software Developer Intern — Tarnwick Savings Bank", bold=True),
        LineDraft("May 2020 – Aug 2020", italic=True), _b("Wrote tests."),
    ],
    "org_over_title_tab_dates": [
        LineDraft("Quillon Lending", bold=True), LineDraft("Data Engineer\tJun 2021 – Dec 2022", bold=True),
        _b("Rebuilt the invoice queue on RabbitMQ."),
        LineDraft("Tarnwick Savings Bank", bold=True), LineDraft("Software Developer Intern\tMay 2020 – Aug 2020"),
        _b("Wrote tests."),
    ],
    "title_at_org_tab_dates": [
        LineDraft("Data Engineer at Quillon Lending\tJun 2021 – Dec 2022", bold=True),
        _b("Rebuilt the invoice queue on RabbitMQ."),
        LineDraft("Software Developer Intern at Tarnwick Savings Bank\tMay 2020 – Aug 2020", bold=True),
        _b("Wrote tests."),
    ],
    "title_comma_org_paren_dates": [
        LineDraft("Data Engineer, Quillon Lending (Jun 2021 – Dec 2022)"), _b("Rebuilt the invoice queue on RabbitMQ."),
        LineDraft("Software Developer Intern, Tarnwick Savings Bank (May 2020 – Aug 2020)"), _b("Wrote tests."),
    ],
    "org_pipe_title_pipe_dates": [
        LineDraft("Quillon Lending | Data Engineer | Jun 2021 – Dec 2022"),
        _b("Rebuilt the invoice queue on RabbitMQ."),
        LineDraft("Tarnwick Savings Bank | Software Developer Intern | May 2020 – Aug 2020"), _b("Wrote tests."),
    ],
    "org_line_title_pipe_dates": [
        LineDraft("Quillon Lending", bold=True), LineDraft("Data Engineer | Jun 2021 – Dec 2022"),
        _b("Rebuilt the invoice queue on RabbitMQ."),
        LineDraft("Tarnwick Savings Bank", bold=True), LineDraft("Software Developer Intern | May 2020 – Aug 2020"),
        _b("Wrote tests."),
    ],
    "dates_column_left": [
        LineDraft("Jun 2021 – Dec 2022\tData Engineer, Quillon Lending"), _b("Rebuilt the invoice queue on RabbitMQ."),
        LineDraft("May 2020 – Aug 2020\tSoftware Developer Intern, Tarnwick Savings Bank"), _b("Wrote tests."),
    ],
    "title_dates_over_org_location": [
        LineDraft("Data Engineer\tJun 2021 – Dec 2022", bold=True), LineDraft("Quillon Lending, Halifax, NS"),
        _b("Rebuilt the invoice queue on RabbitMQ."),
        LineDraft("Software Developer Intern\tMay 2020 – Aug 2020", bold=True),
        LineDraft("Tarnwick Savings Bank, Remote"), _b("Wrote tests."),
    ],
    "org_location_over_title_dates": [
        LineDraft("Quillon Lending, Halifax, Canada", bold=True), LineDraft("Data Engineer\tJun 2021 – Dec 2022"),
        _b("Rebuilt the invoice queue on RabbitMQ."),
        LineDraft("Tarnwick Savings Bank, Remote", bold=True),
        LineDraft("Software Developer Intern\tMay 2020 – Aug 2020"),
        _b("Wrote tests."),
    ],
    "no_bullets_paragraph_body": [
        LineDraft("Data Engineer — Quillon Lending", bold=True), LineDraft("Jun 2021 – Dec 2022", italic=True),
        LineDraft("Rebuilt the invoice queue on RabbitMQ and Celery, and answered pages for the nightly batch."),
        LineDraft("Software Developer Intern — Tarnwick Savings Bank", bold=True),
        LineDraft("May 2020 – Aug 2020", italic=True),
    ],
}
EXPECTED = [("Data Engineer", "Quillon Lending", "Jun 2021 – Dec 2022"),
            ("Software Developer Intern", "Tarnwick Savings Bank", "May 2020 – Aug 2020")]


@pytest.mark.parametrize("layout", sorted(LAYOUTS))
def test_entries_every_layout_gives_title_org_dates(layout: str) -> None:
    assert _triples(_resume(*LAYOUTS[layout])) == EXPECTED


@pytest.mark.parametrize("layout", sorted(LAYOUTS))
def test_entries_spans_run_from_header_to_next_entry(layout: str) -> None:
    doc = _resume(*LAYOUTS[layout])
    entries = _entries(doc)
    exp = next(s for s in find_sections(doc, RULES) if s.kind == "experience")
    assert entries[0].end == entries[1].start
    assert entries[-1].end == exp.end
    assert doc.text[entries[1].start:].startswith(("Software", "Tarnwick", "May 2020"))
    assert "Rebuilt" in doc.text[entries[0].start:entries[0].end]


def test_entries_dates_are_parsed_to_months() -> None:
    doc = _resume(LineDraft("ML Engineer, Acme Inc (Jan 2019 – Present)"), _b("Shipped a ranker."))
    (entry,) = _entries(doc)
    assert entry.dates is not None
    assert (entry.dates.start, entry.dates.end, entry.dates.present) == ("2019-01", None, True)
    assert doc.text[entry.start:].startswith("ML Engineer")


@pytest.mark.parametrize("cut,rest,start,end,present", [
    ("Apr 2023 –", "Till Date", "2023-04", None, True),
    ("Aug 2021 – Mar", "2023", "2021-08", "2023-03", False),
    ("06/2018 -", "11/2020", "2018-06", "2020-11", False),
])
def test_entries_date_range_cut_over_two_lines(cut: str, rest: str, start: str, end: str | None,
                                                present: bool) -> None:
    """A header whose range wraps after its dash: the next line ends the range and opens no entry."""
    doc = _resume(LineDraft(f"Consultant at Northwind Analytics\t{cut}"), LineDraft(rest), _b("Shipped a ranker."))
    (entry,) = _entries(doc)
    assert entry.dates is not None
    assert (entry.dates.start, entry.dates.end, entry.dates.present) == (start, end, present)


def test_entries_roles_under_one_org_line_share_it() -> None:
    doc = _resume(LineDraft("Lanternfly Travel", bold=True), LineDraft("ML Platform Lead\tApr 2022 – Present"),
                  _b("Led a team of 5."), LineDraft("Senior MLOps Engineer\tSep 2019 – Mar 2022"), _b("Shipped it."))
    assert _triples(doc) == [("ML Platform Lead", "Lanternfly Travel", "Apr 2022 – Present"),
                             ("Senior MLOps Engineer", "Lanternfly Travel", "Sep 2019 – Mar 2022")]


@pytest.mark.parametrize(("header", "title", "org"), [
    ("Staff Research Scientist, Vision, Tidewell Labs", "Staff Research Scientist, Vision", "Tidewell Labs"),
    ("Working Student, Supply Chain Analytics — Lindenhof Brewing GmbH", "Working Student, Supply Chain Analytics",
     "Lindenhof Brewing GmbH"),
    ("Acme GmbH — Machine Learning Intern", "Machine Learning Intern", "Acme GmbH"),
    ("Warehouse Supervisor (Weekends) — Ashby & Crane Logistics", "Warehouse Supervisor (Weekends)",
     "Ashby & Crane Logistics"),
    ("Globex Corporation, Head of Data", "Head of Data", "Globex Corporation"),
    ("Postdoc, University of Colorado, Boulder", "Postdoc", "University of Colorado, Boulder"),
    ("Back End Engineer, Pellucid Diagnostics Inc. | Dayton, Ohio, USA", "Back End Engineer",
     "Pellucid Diagnostics Inc."),
    ("Applied Scientist, Hallbrook Insurance Group", "Applied Scientist", "Hallbrook Insurance Group"),
    ("Teaching Assistant (Statistics, Machine Learning), Acme University",
     "Teaching Assistant (Statistics, Machine Learning)", "Acme University"),
    # "at" inside a university's name is its campus, not "title at organisation"
    ("Research Assistant, University of Ridgeway at Easton", "Research Assistant", "University of Ridgeway at Easton"),
    ("Research Assistant at Ridgeway Robotics Lab", "Research Assistant", "Ridgeway Robotics Lab"),
])
def test_entries_title_and_org_decided_by_lexicon(header: str, title: str, org: str) -> None:
    doc = _resume(LineDraft(header, bold=True), LineDraft("2019 – 2021", italic=True), _b("Did things."))
    assert _triples(doc) == [(title, org, "2019 – 2021")]


@pytest.mark.parametrize(("org_line", "org"), [
    # a company form written with dots closes the name, not a sentence
    ("Pressmetal Automotive Parts S.A.", "Pressmetal Automotive Parts S.A."),
    ("Optivis Machine Vision Sp. z o.o.", "Optivis Machine Vision Sp. z o.o."),
    ("Acme Inc.", "Acme Inc."),
    # near miss: a sentence above the job is no organisation
    ("Worked at a bank.", None),
])
def test_entries_org_line_ending_in_a_company_form(org_line: str, org: str | None) -> None:
    doc = _resume(LineDraft(org_line, bold=True), LineDraft("Computer Vision Engineer\t03/2023 – Present"),
                  _b("Built a detector."))
    assert [(e.title, e.organization) for e in _entries(doc)] == [("Computer Vision Engineer", org)]


def test_entries_bullets_are_never_headers() -> None:
    doc = _resume(LineDraft("Data Engineer — Quillon Lending"), LineDraft("2019 – 2021"),
                  _b("Data Engineer at Acme 2015 – 2016"), _b("Analyst, Globex (2014 - 2015)"))
    assert len(_entries(doc)) == 1


def test_entries_education_gives_no_entries() -> None:
    doc = assemble([LineDraft("Jane"), LineDraft("EDUCATION", bold=True),
                    LineDraft("M.Sc. Statistics, Ridgeway State University\t2019 – 2021"), _b("Thesis on GLMs.")],
                   "docx")
    assert _entries(doc) == []


def test_entries_projects_without_dates_and_without_org() -> None:
    doc = _resume(LineDraft("tidepool-lint (open source)", bold=True), LineDraft("2022 – 2024", italic=True),
                  _b("Linter for tide-table CSV files."), LineDraft("choir-reminder", bold=True),
                  _b("Telegram bot that reminds a choir of rehearsals."), heading="SIDE PROJECTS")
    entries = _entries(doc)
    assert [(e.section, e.title, e.organization) for e in entries] == [
        ("projects", "tidepool-lint (open source)", None), ("projects", "choir-reminder", None)]
    assert entries[0].dates is not None and entries[0].dates.raw == "2022 – 2024"
    assert entries[1].dates is None


def test_entries_wrapped_bullet_year_opens_no_entry() -> None:
    doc = _resume(LineDraft("Data Engineer — Quillon Lending"), LineDraft("2019 – 2021"),
                  _b("Cut cost by half in Dec"), LineDraft("2020."),
                  LineDraft("Analyst — Globex Corp"), LineDraft("2017 – 2019"), _b("Reports."))
    assert [t for t, _, _ in _triples(doc)] == ["Data Engineer", "Analyst"]


def test_entries_txt_dash_bullets_are_bullets() -> None:
    doc = assemble([LineDraft("Jane"), LineDraft(""), LineDraft("EXPERIENCE"),
                    LineDraft("Software Engineer I, Sendwell (Jul 2024 – Present)"),
                    LineDraft("- Shipped the rate endpoint in 2024 – 2025"), LineDraft("- Wrote a post-mortem")], "txt")
    assert _triples(doc) == [("Software Engineer I", "Sendwell", "Jul 2024 – Present")]


def test_entries_bulleted_org_line_over_dated_title() -> None:
    doc = _resume(_b("Vantaggio\tDenver, CO"), LineDraft("Software Engineer\tNov 2017 – Present", italic=True),
                  _b("Waymark: an internal service that geocodes delivery addresses."),
                  _b("Brightnote\tBoulder, CO"), LineDraft("Senior Software Engineer\tFeb 2014 – Nov 2017"),
                  _b("Ledgerline: a batch job for nightly invoices."))
    assert _triples(doc) == [("Software Engineer", "Vantaggio", "Nov 2017 – Present"),
                             ("Senior Software Engineer", "Brightnote", "Feb 2014 – Nov 2017")]


def test_entries_unbulleted_descriptions_do_not_join_the_next_header() -> None:
    doc = _resume(LineDraft("Software engineer, Kettleby, Porto, Portugal\t2014–2017"),
                  LineDraft("Developed scheduling tools for warehouse staff"),
                  LineDraft("Managed a group of 5 testers"),
                  LineDraft("Software engineer, St. Ives Web Studio, Porto, Portugal\t2006–2007"),
                  LineDraft("Developed and maintained booking pages"))
    assert _triples(doc) == [("Software engineer", "Kettleby", "2014–2017"),
                             ("Software engineer", "St. Ives Web Studio", "2006–2007")]


def test_entries_footer_print_date_is_not_an_entry() -> None:
    doc = _resume(LineDraft("Data Engineer — Quillon Lending"), LineDraft("2019 – 2021"), _b("Pipelines."),
                  LineDraft("JANUARY 4, 2025\tJANE DOE · RÉSUMÉ\t1"), LineDraft("Analyst — Globex Corp"),
                  LineDraft("2017 – 2019"), _b("Reports."))
    assert [t for t, _, _ in _triples(doc)] == ["Data Engineer", "Analyst"]


@pytest.mark.parametrize(("lines", "expected"), [
    ([LineDraft("Machine Learning Engineer | Acme Corp | Berlin, Germany | 2019 – 2021", bold=True)],
     ("Machine Learning Engineer", "Acme Corp", "2019 – 2021")),
    ([LineDraft("ACME CORP — Berlin", bold=True), LineDraft("Senior Data Scientist", italic=True),
      LineDraft("Jan 2020 – Present", italic=True)], ("Senior Data Scientist", "ACME CORP", "Jan 2020 – Present")),
    ([LineDraft("Acme Corp (2019–2021)", bold=True), LineDraft("ML Engineer", italic=True)],
     ("ML Engineer", "Acme Corp", "2019–2021")),
    ([LineDraft("2019 – Present | Staff Engineer | Globex")], ("Staff Engineer", "Globex", "2019 – Present")),
    ([LineDraft("Senior Engineer @ Initech (2018-2020)")], ("Senior Engineer", "Initech", "2018-2020")),
    ([LineDraft("Initech, Austin, TX — Senior Engineer, 2018–2020")], ("Senior Engineer", "Initech", "2018–2020")),
    ([LineDraft("Lead Data Scientist", bold=True), LineDraft("Initech · San Francisco, CA · 2018 – 2020")],
     ("Lead Data Scientist", "Initech", "2018 – 2020")),
    ([LineDraft("Data Scientist, Umbrella Corp – Jan 2017 – Mar 2019")],
     ("Data Scientist", "Umbrella Corp", "Jan 2017 – Mar 2019")),
    ([LineDraft("Data Scientist"), LineDraft("Umbrella Corp"), LineDraft("2017 – 2019")],
     ("Data Scientist", "Umbrella Corp", "2017 – 2019")),
])
def test_entries_more_real_world_layouts(lines: list[LineDraft], expected: tuple[str, str, str]) -> None:
    assert _triples(_resume(*lines, _b("Built churn models."))) == [expected]


def test_entries_undated_project_over_a_paragraph() -> None:
    doc = _resume(LineDraft("Solar Nowcast", bold=True),
                  LineDraft("An open-source nowcasting model for rooftop solar, released as a Docker image."),
                  LineDraft("Tech: Python, Docker"), LineDraft("It reaches an RMSE of 0.12 kW on the held-out month."),
                  LineDraft("Project 2: Sales Dashboard"), _b("Built in Power BI."), heading="PROJECTS")
    assert [(e.title, e.organization, e.dates) for e in _entries(doc)] == [
        ("Solar Nowcast", None, None), ("Project 2: Sales Dashboard", None, None)]


@pytest.mark.parametrize(("lines", "expected"), [
    # A list glyph in front of "Title, Org<TAB>dates" dresses an entry line, not a bullet.
    ([_b("Quant Analyst, Brightwater Analytics\tMar 2020 - Jan 2023"), _b("Priced weather options.")],
     [("Quant Analyst", "Brightwater Analytics", "Mar 2020 - Jan 2023")]),
    ([_b("Data Engineer, Globex Corp\t2018 – Present"), _b("Ran the ingestion jobs.")],
     [("Data Engineer", "Globex Corp", "2018 – Present")]),
    # Near misses: a bullet ending in a lone year, dates inside a sentence, a long sentence before the tab.
    ([LineDraft("Analyst — Globex Corp"), LineDraft("2017 – 2019"), _b("Won the forecasting prize\t2018")],
     [("Analyst", "Globex Corp", "2017 – 2019")]),
    ([LineDraft("Analyst — Globex Corp"), LineDraft("2017 – 2019"), _b("Ran the 2018 – 2019 budget review.")],
     [("Analyst", "Globex Corp", "2017 – 2019")]),
    ([LineDraft("Analyst — Globex Corp"), LineDraft("2017 – 2019"),
      _b("Moved every nightly report of the finance team onto one shared scheduler\t2018 – 2019")],
     [("Analyst", "Globex Corp", "2017 – 2019")]),
])
def test_entries_bulleted_dated_line_is_an_entry(lines: list[LineDraft], expected: list[tuple]) -> None:
    assert _triples(_resume(*lines)) == expected
