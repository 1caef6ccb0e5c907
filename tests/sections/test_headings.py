"""Section headings: aliases by meaning, layout cues, and lines that must not become headings."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import pytest

from resume_signals.document import Document, LineDraft, assemble
from resume_signals.report import Section
from resume_signals.sections import find_sections
from resume_signals.sections.headings import bundled_aliases, classify_text, default_lexicon, normalize
from resume_signals.spec.rules import load_rules

RULES = load_rules()


def _doc(*drafts: LineDraft, fmt: str = "docx") -> Document:
    return assemble(list(drafts), fmt)


def _kinds(doc: Document) -> list[tuple[str, str | None]]:
    return [(s.kind, s.heading) for s in find_sections(doc, RULES)]


def _covers(sections: list[Section], text: str) -> bool:
    return (sections[0].start == 0 and sections[-1].end == len(text)
            and all(a.end == b.start for a, b in zip(sections, sections[1:], strict=False)))


@pytest.mark.parametrize(("heading", "kind"), [
    ("Where I've Worked", "experience"),
    ("Client Engagements", "experience"),
    ("Capstone", "projects"),
    ("Core Capabilities", "skills"),
    ("Grants & Funding", "awards"),
    ("Kaggle Medals & Awards", "awards"),
    ("Research Focus", "summary"),
    ("Experiance", "experience"),
    ("Work History", "experience"),
    ("Professional Experience", "experience"),
    ("EMPLOYMENT", "experience"),
    ("Industry Experience", "experience"),
    ("Contracts & Employment", "experience"),
    ("Career", "experience"),
    ("Toolbox", "skills"),
    ("Technical Skills", "skills"),
    ("Core Competencies", "skills"),
    ("Tech", "skills"),
    ("Selected Projects", "projects"),
    ("Side Projects", "projects"),
    ("Competitions & Projects", "projects"),
    ("Publications & Talks", "publications"),
    ("Talks & Papers", "publications"),
    ("Kaggle & Hackathons", "awards"),
    ("Honours", "awards"),
    ("Outside Work", "interests"),
    ("Hobbies", "interests"),
    ("Certificates & Licences", "certifications"),
    ("Education & Training", "education"),
    ("Personal Statement", "summary"),
    ("Professional Synopsis", "summary"),
    ("In Short", "summary"),
    ("Research Summary", "summary"),  # the head noun decides, not "research"
    ("Off the Clock", "interests"),
    ("Board & Advisory", "other"),
    ("What I Do", "summary"),
    ("Hello!", "summary"),
    ("Technical", "skills"),
    ("Certs", "certifications"),
    ("ACADEMIA", "education"),
    ("Computer Proficiency", "skills"),
    ("About Me", "summary"),
    ("Volunteering", "volunteering"),
    ("Referees", "references"),
    ("Experiance", "experience"),  # a typo still names the section
    ("ACHIEVEMENTSANDAWARDS", "awards"),  # words glued together by a PDF
])
def test_headings_alias_by_meaning(heading: str, kind: str) -> None:
    match = default_lexicon().match(heading)
    assert match is not None
    assert match.kind == kind


@pytest.mark.parametrize("text", ["Acme Corp", "Jane Doe", "Python, SQL, Spark", "Machine Learning Engineer",
                                  "Academic Medical Center", "Proficient in Excel", "Deployment", "Deployments"])
def test_headings_alias_near_misses_match_nothing(text: str) -> None:
    assert default_lexicon().match(text) is None


def test_headings_normalize_drops_case_punctuation_and_ampersand() -> None:
    assert normalize("PUBLICATIONS & TALKS:") == normalize("Publications and Talks") == "publication talk"


@pytest.mark.parametrize("cue", [
    {"bold": True}, {"style": "Heading 1"}, {"size": 14.0}, {"gap_before": 1.0},
])
def test_headings_contained_alias_needs_a_layout_cue(cue: dict[str, Any]) -> None:
    style: dict[str, Any] = {"size": 11.0, **cue}
    doc = _doc(LineDraft("Ada Lovelace", size=11.0), LineDraft("relevant industry experience", **style),
               LineDraft("Engineer, Acme", size=11.0), LineDraft("Acme builds things.", size=11.0))
    assert _kinds(doc)[-1] == ("experience", "relevant industry experience")


def test_headings_contained_alias_without_cue_is_body() -> None:
    doc = _doc(LineDraft("Ada Lovelace", size=11.0), LineDraft("SUMMARY", bold=True, size=11.0),
               LineDraft("relevant industry experience", size=11.0))
    assert [k for k, _ in _kinds(doc)] == ["contact", "summary"]


@pytest.mark.parametrize("line", [
    "Experience with Kafka, Flink and Kubernetes in production.",
    "5+ years of experience building data pipelines",
    "My experience at Acme taught me to ship small changes",
    "Skills matter more than titles, and projects prove them",
])
def test_headings_body_line_with_section_word_is_not_a_heading(line: str) -> None:
    doc = _doc(LineDraft("Jane Doe", bold=True, size=16.0), LineDraft("SUMMARY", bold=True),
               LineDraft(line), LineDraft("EDUCATION", bold=True), LineDraft("B.Sc. Physics, 2015"))
    assert [k for k, _ in _kinds(doc)] == ["contact", "summary", "education"]


def test_headings_bullet_is_never_a_heading() -> None:
    doc = _doc(LineDraft("SUMMARY", bold=True), LineDraft("• Experience", bullet=True),
               LineDraft("- Skills", bullet=False))
    assert [k for k, _ in _kinds(doc)] == ["summary"]


def test_headings_name_at_top_is_contact() -> None:
    doc = _doc(LineDraft("PRIYA NAIR", bold=True, size=20.0), LineDraft("priya@example.com | 555-0100"),
               LineDraft("EXPERIENCE", bold=True, size=13.0), LineDraft("ML Engineer, Acme (2019 - 2021)"))
    secs = find_sections(doc, RULES)
    assert [(s.kind, s.heading) for s in secs] == [("contact", None), ("experience", "EXPERIENCE")]
    assert doc.text[secs[0].start:secs[0].end].startswith("PRIYA NAIR")


def test_headings_unknown_bold_caps_heading_is_other() -> None:
    doc = _doc(LineDraft("Jane Doe"), LineDraft("EDUCATION", bold=True, size=13.0), LineDraft("PhD, 2014"),
               LineDraft("ACADEMIC SERVICE", bold=True, size=13.0), LineDraft("Reviewer for two journals"))
    assert _kinds(doc)[-1] == ("other", "ACADEMIC SERVICE")


def _titled(line: LineDraft) -> Document:
    """A resume whose headings are large bold title-case words, with ``line`` after its skills list."""
    body = 10.0
    return _doc(LineDraft("Jane Doe", size=body), LineDraft("Experience", bold=True, size=15.0),
                LineDraft("Research Engineer\t2016 – 2020", size=body),
                LineDraft("• Built things", bullet=True, size=body),
                LineDraft("Skills", bold=True, size=15.0), LineDraft("Python, SQL", size=body), line,
                LineDraft("2022\tTwo interns on speech projects", size=body), fmt="pdf")


@pytest.mark.parametrize(("line", "last"), [
    # half of the label is an 'other' heading and the rest no heading word: dressed like the headings, it is one
    (LineDraft("Academic Service & Supervision", bold=True, size=15.0), ("other", "Academic Service & Supervision")),
    (LineDraft("Supporting Documentation", bold=True, size=15.0), ("other", "Supporting Documentation")),
    (LineDraft("Professional Memberships", bold=True, size=15.0), ("other", "Professional Memberships")),
    # near misses: the same words in body type, and a large bold line in lower case, stay in the skills list
    (LineDraft("Academic Service & Supervision", size=10.0), ("skills", "Skills")),
    (LineDraft("academic service and supervision of students", bold=True, size=15.0), ("skills", "Skills")),
])
def test_headings_unknown_title_case_heading_dressed_like_the_others(line: LineDraft,
                                                                    last: tuple[str, str]) -> None:
    assert _kinds(_titled(line))[-1] == last


@pytest.mark.parametrize("line", ["Page 2", "Page 2 of 3", "2 / 3"])
def test_headings_page_number_is_not_a_heading(line: str) -> None:
    doc = _doc(LineDraft("Jane Doe"), LineDraft("SKILLS", bold=True), LineDraft("Python"),
               LineDraft(line, bold=True, gap_before=2.0), LineDraft("SQL"))
    assert [k for k, _ in _kinds(doc)] == ["contact", "skills"]


def test_headings_bold_job_title_over_dates_is_not_a_heading() -> None:
    doc = _doc(LineDraft("Jane Doe"), LineDraft("EXPERIENCE", bold=True, size=13.0),
               LineDraft("Project Manager", bold=True), LineDraft("Jan 2019 – Present", italic=True),
               LineDraft("KAGGLE", bold=True), LineDraft("Competition Grandmaster\t2020 – 2022"),
               LineDraft("Acme Labs", bold=True), LineDraft("Research Engineer | 2017 – 2019"))
    assert [k for k, _ in _kinds(doc)] == ["contact", "experience", "awards"]


def test_headings_inline_label_starts_a_section() -> None:
    doc = _doc(LineDraft("Jane Doe"), LineDraft("SUMMARY", bold=True), LineDraft("Backend engineer."),
               LineDraft("Skills: Python, SQL, Kafka"), LineDraft("Languages: English, Polish"))
    secs = find_sections(doc, RULES)
    assert [(s.kind, s.heading) for s in secs][-1] == ("skills", "Skills")
    assert doc.text[secs[-1].start:].startswith("Skills: Python")


@pytest.mark.parametrize(("line", "kinds"), [
    ("Portfolio: janedoe.io\tMobile: +1 555 0100", ["contact", "experience"]),
    ("Portfolio: github.com/janedoe", ["contact", "experience"]),
    # Near miss: a label with content that is not a contact detail still starts its section.
    ("Projects: a route planner and a chess engine", ["contact", "projects", "experience"]),
])
def test_headings_contact_label_above_the_first_heading_is_contact(line: str, kinds: list[str]) -> None:
    doc = _doc(LineDraft("Jane Doe\tEmail: jane@example.com"), LineDraft(line), LineDraft("EXPERIENCE", bold=True),
               LineDraft("Developer, Acme\t2019 – 2022"))
    assert [k for k, _ in _kinds(doc)] == kinds


@pytest.mark.parametrize(("line", "kinds"), [
    # a group of a skills list named like a section ("Leadership", "Strengths") stays in the list
    ("Leadership: hiring, budgets, vendor management", ["contact", "skills"]),
    ("Strengths: retrieval, ranking, experiment design", ["contact", "skills"]),
    ("Training: PyTorch, JAX, DeepSpeed", ["contact", "skills"]),
    ("Languages: Python, C++, CUDA", ["contact", "skills"]),
    # near miss: a section of its own kind still starts after the skills
    ("Interests: cycling, chess", ["contact", "skills", "interests"]),
])
def test_headings_skill_group_label_stays_in_the_skills(line: str, kinds: list[str]) -> None:
    doc = _doc(LineDraft("Jane Doe"), LineDraft("Core Competencies:", bold=True),
               LineDraft("Data science: pricing, forecasting"), LineDraft(line))
    assert [k for k, _ in _kinds(doc)] == kinds


def test_headings_org_word_that_is_a_heading_word_names_a_kind() -> None:
    """ "Kaggle" is a company and a heading word: in "BOOTCAMP & KAGGLE PROJECTS" it names a kind, not an employer."""
    doc = _doc(LineDraft("Jane Doe"), LineDraft("EXPERIENCE"), LineDraft("Analyst, Acme (2024 - 2025)"),
               LineDraft("BOOTCAMP & KAGGLE PROJECTS"), LineDraft("House prices"), fmt="txt")
    assert [k for k, _ in _kinds(doc)] == ["contact", "experience", "projects"]


def test_headings_inline_label_under_a_job_stays_in_the_job() -> None:
    doc = _doc(LineDraft("Jane Doe"), LineDraft("EXPERIENCE", bold=True),
               LineDraft("ML Engineer, Acme (2019 - 2021)"), LineDraft("• Shipped a ranker", bullet=True),
               LineDraft("Tools: Docker, Airflow"))
    assert [k for k, _ in _kinds(doc)] == ["contact", "experience"]


def test_headings_section_label_after_a_job_starts_its_section() -> None:
    doc = _doc(LineDraft("Jane Doe"), LineDraft("Experience:", bold=True),
               LineDraft("ML Engineer, Acme\tJan 2019 – Present", bold=True),
               LineDraft("• Shipped a ranker", bullet=True),
               LineDraft("Skills: Python, PyTorch, Docker"), LineDraft("Education: MSc Statistics, 2018"))
    assert [k for k, _ in _kinds(doc)] == ["contact", "experience", "skills", "education"]


def test_headings_header_region_is_contact() -> None:
    doc = _doc(LineDraft("CONTACT DETAILS", region="header", bold=True), LineDraft("jane@example.com", region="header"),
               LineDraft("Summary", style="Heading 1"), LineDraft("Engineer."))
    assert [k for k, _ in _kinds(doc)] == ["contact", "summary"]


@pytest.mark.parametrize("fmt_drafts", [
    [LineDraft("EXPERIENCE", bold=True), LineDraft("Engineer, Acme (2019 - 2021)")],
    [LineDraft("Jane"), LineDraft("Experience", style="Heading 1"), LineDraft("x"), LineDraft("Skills:"),
     LineDraft("Go")],
    [LineDraft("Just a paragraph of text with no headings at all.")],
])
def test_headings_sections_cover_the_text(fmt_drafts: list[LineDraft]) -> None:
    doc = assemble(fmt_drafts, "docx")
    secs = find_sections(doc, RULES)
    assert _covers(secs, doc.text)


def test_headings_empty_document_is_one_empty_contact_section() -> None:
    doc = assemble([], "txt")
    assert find_sections(doc, RULES) == [Section("contact", None, 0, 0)]


def test_headings_user_alias_table_is_used() -> None:
    doc = _doc(LineDraft("Jane"), LineDraft("STUFF I BUILT", bold=True), LineDraft("A compiler"))
    rules = replace(load_rules(), headings={**bundled_aliases(), "projects": ("stuff i built",)})
    assert [(s.kind, s.heading) for s in find_sections(doc, rules)][-1] == ("projects", "STUFF I BUILT")


def test_headings_empty_rules_fall_back_to_bundled_lexicon() -> None:
    doc = _doc(LineDraft("Jane"), LineDraft("Toolbox", bold=True), LineDraft("Go"))
    assert [s.kind for s in find_sections(doc, replace(load_rules(), headings={}))] == ["contact", "skills"]


@pytest.mark.parametrize(("text", "kind"), [
    ("PROFESSIONAL EXPERIENCE:", "experience"),
    ("Educational Qualifications", "education"),
    ("Technical Skills:", "skills"),
    ("Experience with Kafka and Flink in production", None),
    ("Project Manager", None),
    ("• Skills", None),
    ("Skills: Python, SQL", None),
])
def test_headings_classify_text_without_layout(text: str, kind: str | None) -> None:
    match = classify_text(text, default_lexicon())
    assert (match.kind if match else None) == kind


@pytest.mark.parametrize("line", ["EDUCATION\tMSc Physics, ETH Zurich\t2006 - 2007",
                                  "EDUCATION MSc Physics, ETH Zurich, 2006 - 2007"])
def test_headings_margin_label_starts_a_section(line: str) -> None:
    doc = _doc(LineDraft("Jane Doe"), LineDraft("SUMMARY", bold=True), LineDraft("Physicist."), LineDraft(line))
    assert _kinds(doc)[-1] == ("education", "EDUCATION")


def test_headings_heading_with_dates_after_a_tab() -> None:
    doc = _doc(LineDraft("Jane Doe", size=10.0), LineDraft("Summary", size=14.0), LineDraft("Engineer.", size=10.0),
               LineDraft("Employment\tMar 2011 to Aug 2016", size=14.0),
               LineDraft("Software Engineer, Brambleway Inc\tApr 2012 to Jun 2014", size=12.0))
    assert _kinds(doc)[-1] == ("experience", "Employment")


def test_headings_small_entry_tag_is_not_a_second_section() -> None:
    doc = _doc(LineDraft("Jane Doe", size=10.0), LineDraft("Projects", bold=True, size=18.0),
               LineDraft("Leaf disease spotter", bold=True, size=13.0), LineDraft("PERSONAL PROJECT", size=9.0),
               LineDraft("• Small CNN on phone photos of leaves", bullet=True, size=9.0),
               LineDraft("PERSONAL PROJECT\tJuly 2019", size=9.0))
    assert [k for k, _ in _kinds(doc)] == ["contact", "projects"]


@pytest.mark.parametrize("line", ["JANE DOE · RÉSUMÉ", "CURRICULUM VITAE", "PUNE, MAHARASHTRA, INDIA"])
def test_headings_running_head_and_places_are_not_other_headings(line: str) -> None:
    doc = _doc(LineDraft("Jane Doe"), LineDraft("SKILLS", bold=True), LineDraft("Python"),
               LineDraft(line, bold=True, gap_before=2.0), LineDraft("SQL"))
    assert [k for k, _ in _kinds(doc)] == ["contact", "skills"]


def test_headings_job_sub_label_stays_in_the_job() -> None:
    doc = _doc(LineDraft("Jane Doe", size=10.0), LineDraft("EXPERIENCE", bold=True, size=14.0),
               LineDraft("ML Engineer, Acme (2019 - 2021)", size=10.0),
               LineDraft("Key Achievements:", bold=True, size=10.0), LineDraft("• Shipped a ranker", bullet=True),
               LineDraft("Analyst, Globex (2017 - 2019)", size=10.0), LineDraft("• Reports", bullet=True),
               LineDraft("ACHIEVEMENTS", bold=True, size=14.0), LineDraft("Best paper, 2020", size=10.0))
    assert [(k, h) for k, h in _kinds(doc)] == [("contact", None), ("experience", "EXPERIENCE"),
                                               ("awards", "ACHIEVEMENTS")]


@pytest.mark.parametrize(("heading", "kind"), [
    # Whole meaning: the kind whose aliases cover most of the words wins.
    ("Research Methods & Software", "skills"),
    ("Methods and Tools", "skills"),
    ("Research", "publications"),  # near miss: research alone still names publications
    ("Papers, Projects and Publications", "projects"),  # near miss: two short aliases of one kind do not add up
    ("Service", "volunteering"),
    ("Service & Outreach", "volunteering"),
    ("Professional Service", "other"),  # near miss: reviewing duties are not volunteering
    ("Links", "contact"),
    ("Find Me Online", "contact"),
    ("What I'm Looking For", "summary"),
    ("Extracurricular", "volunteering"),
    # Headings in the other languages of the lexicon
    ("Zertifizierungen", "certifications"),
    ("Sprachkenntnisse", "other"),
    ("Veröffentlichungen", "publications"),
    ("Publicações", "publications"),
    ("Línguas", "other"),
    ("Hobby", "interests"),
])
def test_headings_whole_meaning_and_new_aliases(heading: str, kind: str) -> None:
    match = default_lexicon().match(heading)
    assert match is not None and match.kind == kind


def _with_jobs_first(heading: LineDraft, *after: LineDraft) -> Document:
    return _doc(LineDraft("Jane Doe"), LineDraft("EXPERIENCE", bold=True, size=13.0),
                LineDraft("Data Engineer, Acme\t2019 – 2022"), LineDraft("• Built the feeds", bullet=True),
                heading, *after)


@pytest.mark.parametrize(("heading", "kind"), [
    # A compound heading after the jobs names what is new in it.
    ("OTHER EXPERIENCE AND AWARDS", "awards"),
    ("Additional Experience & Certifications", "certifications"),
    # Near misses: a compound whose first kind is new keeps it; a plain second experience heading stays.
    ("PROJECTS AND AWARDS", "projects"),
    ("RESEARCH EXPERIENCE", "experience"),
])
def test_headings_compound_heading_names_what_is_new(heading: str, kind: str) -> None:
    doc = _with_jobs_first(LineDraft(heading, bold=True, size=13.0), LineDraft("Finalist, city data challenge"))
    assert _kinds(doc)[-1] == (kind, heading)


@pytest.mark.parametrize(("line", "dress", "kind"), [
    # A short note in brackets after the heading words does not hide them (weak labels such as "Projects"
    # under a job must still be dressed like the other headings).
    ("Selected publications (with links)", {"gap_before": 1.5}, "publications"),
    ("Projects (most recent first)", {"bold": True, "size": 13.0}, "projects"),
    ("Talks (2019-2023)", {"bold": True, "size": 13.0}, "publications"),
])
def test_headings_trailing_note_in_brackets(line: str, dress: dict[str, Any], kind: str) -> None:
    doc = _with_jobs_first(LineDraft(line, **dress), LineDraft("A line of content"))
    assert _kinds(doc)[-1] == (kind, line.split(" (")[0])


def test_headings_bracket_note_near_miss_is_not_a_heading() -> None:
    doc = _with_jobs_first(LineDraft("Acme Labs (remote)"), LineDraft("Analyst\t2016 – 2018"))
    assert [k for k, _ in _kinds(doc)] == ["contact", "experience"]


@pytest.mark.parametrize("label", ["Honors", "Relevant Courses", "Projects", "Activities and Societies", "Thesis",
                                   "Capstone"])
def test_headings_education_field_label_stays_in_education(label: str) -> None:
    doc = _doc(LineDraft("Jane Doe"), LineDraft("EDUCATION", bold=True, size=13.0),
               LineDraft("BSc Physics, Northfield College\t2012 – 2016"),
               LineDraft(f"{label}: first item, second item"),
               LineDraft("MSc Statistics, Northfield College\t2016 – 2018"),
               LineDraft("EXPERIENCE", bold=True, size=13.0), LineDraft("Analyst, Acme\t2018 – 2020"))
    assert [k for k, _ in _kinds(doc)] == ["contact", "education", "experience"]


@pytest.mark.parametrize(("label", "kind"), [
    # Near misses: a bold label is dressed as a heading, and a skills list after a degree is a section.
    ("Awards", "awards"),
    ("Skills", "skills"),
])
def test_headings_label_after_education_that_starts_a_section(label: str, kind: str) -> None:
    bold = label == "Awards"
    doc = _doc(LineDraft("Jane Doe"), LineDraft("EDUCATION", bold=True, size=13.0),
               LineDraft("BSc Physics, Northfield College\t2012 – 2016"),
               LineDraft(f"{label}: first item, second item", bold=bold))
    assert [k for k, _ in _kinds(doc)] == ["contact", "education", kind]


def test_headings_employer_line_with_a_heading_word_over_dates_is_an_entry() -> None:
    # "Fairbank Research" (bold, body size) over its dated title names an employer, not publications.
    doc = _with_jobs_first(LineDraft("Fairbank Research", bold=True), LineDraft("Analyst\t2016 – 2018"),
                           LineDraft("• Priced options", bullet=True))
    assert [k for k, _ in _kinds(doc)] == ["contact", "experience"]


def test_headings_contained_alias_dressed_as_heading_over_dates_stays_a_heading() -> None:
    # Near miss: a larger "Selected Research Experience" over a dated line is a heading.
    doc = _with_jobs_first(LineDraft("SELECTED PROJECT WORK", bold=True, size=13.0),
                           LineDraft("Flood maps\t2016 – 2018"), LineDraft("• Mapped rivers", bullet=True))
    assert _kinds(doc)[-1] == ("projects", "SELECTED PROJECT WORK")


def test_headings_heading_wrapped_over_two_stacked_lines_is_one() -> None:
    doc = _doc(LineDraft("Jane Doe"), LineDraft("EDUCATION", bold=True, size=13.0), LineDraft("PhD, 2014"),
               LineDraft("INVITED", bold=True, size=13.0), LineDraft("PRESENTATIONS", bold=True, size=13.0),
               LineDraft("Keynote at a regional meetup"))
    assert _kinds(doc)[-1] == ("publications", "INVITED PRESENTATIONS")


@pytest.mark.parametrize("line", ["Fairbank Research, Norway", "Northgate Projects, TX"])
def test_headings_contained_alias_with_a_place_is_an_entry_line(line: str) -> None:
    doc = _with_jobs_first(LineDraft(line, bold=True), LineDraft("Analyst"), LineDraft("• Priced options", bullet=True))
    assert [k for k, _ in _kinds(doc)] == ["contact", "experience"]


def test_headings_contained_alias_without_a_place_stays_a_heading() -> None:
    # Near miss: the same dress without a place is a heading.
    doc = _with_jobs_first(LineDraft("Selected Projects, Open Source", bold=True), LineDraft("A line of content"))
    assert _kinds(doc)[-1][0] == "projects"


def test_headings_sub_headings_of_a_smaller_rank_stay_in_their_section() -> None:
    """Sections in 16 pt, their groups in 12 pt bold: a known word ("LANGUAGES") or an organisation set as a
    group title is a sub-heading; a section heading of the first rank after them still starts its section."""
    body = {"size": 10.0}
    doc = _doc(LineDraft("Jane Doe", size=20.0), LineDraft("SKILLS", size=16.0),
               LineDraft("FRAMEWORKS", bold=True, size=12.0), LineDraft("React, Django", **body),
               LineDraft("LANGUAGES", bold=True, size=12.0), LineDraft("Python, Go", **body),
               LineDraft("EXPERIENCE", size=16.0), LineDraft("EXAMPLE CONSORTIUM", bold=True, size=12.0),
               LineDraft("Committee chair (2019)", **body), LineDraft("Developer, Acme\t2014 – 2016", **body),
               LineDraft("EDUCATION", size=16.0), LineDraft("MSc, 2013", **body))
    assert _kinds(doc) == [("contact", None), ("skills", "SKILLS"), ("experience", "EXPERIENCE"),
                           ("education", "EDUCATION")]


def test_headings_one_rank_of_bold_headings_keeps_every_heading() -> None:
    """Near miss: headings of one size (and a name set larger) are all sections."""
    doc = _doc(LineDraft("Jane Doe", size=20.0), LineDraft("SKILLS", bold=True, size=12.0),
               LineDraft("Python, Go", size=10.0), LineDraft("LANGUAGES", bold=True, size=12.0),
               LineDraft("English, Spanish", size=10.0), LineDraft("EXPERIENCE", bold=True, size=12.0),
               LineDraft("Developer, Acme\t2014 – 2016", size=10.0))
    assert [k for k, _ in _kinds(doc)] == ["contact", "skills", "other", "experience"]


def test_headings_smaller_headings_of_a_sidebar_or_before_the_first_big_one_are_sections() -> None:
    """Near misses of the sub-heading rank: a sidebar's smaller headings start where no big heading stands above
    them, and smaller headings before the first big one are sections of their own."""
    def pdf(text: str, size: float, x0: float, bold: bool = False) -> LineDraft:
        return LineDraft(text, size=size, x0=x0, x1=x0 + 8 * len(text), bold=bold)

    doc = _doc(pdf("Jane Doe", 20.0, 30), pdf("EDUCATION (2019 - 2023)", 12.0, 30), pdf("BSc, Example U", 10.0, 30),
               pdf("SUMMARY", 16.0, 30, True), pdf("Backend engineer.", 10.0, 30),
               pdf("EXPERIENCE", 16.0, 30, True), pdf("Developer, Acme\t2019 – 2022", 10.0, 30),
               pdf("PROJECTS", 16.0, 30, True), pdf("A route planner", 10.0, 30),
               pdf("SKILLS", 13.0, 400, True), pdf("Python, Go", 10.0, 400), fmt="pdf")
    assert [k for k, _ in _kinds(doc)] == ["contact", "education", "summary", "experience", "projects", "skills"]



def test_headings_small_label_after_a_big_summary_starts_its_section() -> None:
    """A summary is prose, not groups: a small "Skills:" label after it starts the skills section, while the same
    label under a big SKILLS heading would be one of its groups."""
    doc = _doc(LineDraft("Jane Doe", size=20.0), LineDraft("Summary", size=16.0, bold=True),
               LineDraft("Backend engineer who runs data platforms.", size=10.0), LineDraft("Skills:", size=9.0),
               LineDraft("• Docker, Kubernetes", size=9.0, bullet=True),
               LineDraft("Experience", size=16.0, bold=True), LineDraft("Developer, Acme\t2019 – 2022", size=10.0),
               LineDraft("Education", size=16.0, bold=True), LineDraft("BSc, Example University, 2018", size=10.0))
    assert [k for k, _ in _kinds(doc)] == ["contact", "summary", "skills", "experience", "education"]


def _two_column_pages(next_x0: float) -> Document:
    def at(text: str, x0: float, page: int, **kw: Any) -> LineDraft:
        return LineDraft(text, size=10.0, x0=x0, x1=x0 + 6 * len(text), page=page, **kw)

    page1 = [at("Jane Doe", 50, 1), at("EXPERIENCE", 50, 1, bold=True),
             *[at(f"Sales lead, Example {n}\t201{n} – 201{n + 1}", 50, 1) for n in range(5)],
             at("SKILLS", 400, 1, bold=True), at("Negotiation", 400, 1), at("Forecasting in Excel", 400, 1)]
    page2 = [at("Account manager, Sample Ltd\t2008 – 2010", next_x0, 2), at("Grew the northern region", next_x0, 2),
             at("EDUCATION", 50, 2, bold=True), at("BA, Example University, 2008", 50, 2)]
    return _doc(*page1, *page2, fmt="pdf")


@pytest.mark.parametrize(("next_x0", "kind"), [
    (50, "experience"),  # the main column carries on after the sidebar: its jobs stay jobs
    (400, "skills"),  # near miss: the next page opens in the column read last, which carries on as it is
])
def test_headings_next_page_continues_its_own_column(next_x0: float, kind: str) -> None:
    doc = _two_column_pages(next_x0)
    assert _kind_at(doc, "Account manager") == kind
    assert find_sections(doc, RULES)[-1].kind == "education"


def _kind_at(doc: Document, text: str) -> str:
    """The kind of the section that holds ``text``."""
    pos = doc.text.index(text)
    return next(s.kind for s in find_sections(doc, RULES) if s.start <= pos < s.end)


def _at(text: str, x0: float, page: int, **kw: Any) -> LineDraft:
    return LineDraft(text, size=10.0, x0=x0, x1=x0 + 6 * len(text), page=page, **kw)


@pytest.mark.parametrize(("page2_order", "kind"), [
    # the next page reads its sidebar first, then the main column carries on with no heading: its jobs stay jobs
    ("sidebar, then main", "experience"),
    # near miss: the columns take turns row by row (a form's labels and values), so nothing carries over
    ("rows", "awards"),
])
def test_headings_column_after_the_sidebar_continues_its_own_section(page2_order: str, kind: str) -> None:
    page1 = [_at("Jane Doe", 50, 1), _at("SKILLS", 50, 1, bold=True), _at("Negotiation", 50, 1),
             _at("EXPERIENCE", 300, 1, bold=True),
             *[_at(f"Sales lead, Example {n}\t201{n} – 201{n + 1}", 300, 1) for n in range(5)]]
    sidebar = [_at("AWARDS", 50, 2, bold=True), _at("Top seller 2015", 50, 2)]
    main = [_at("Account manager, Sample Ltd\t2008 – 2010", 300, 2), _at("Grew the northern region", 300, 2)]
    page2 = [*sidebar, *main] if page2_order != "rows" else [*sidebar, main[0], _at("Rookie of the year", 50, 2),
                                                             main[1]]
    doc = _doc(*page1, *page2, fmt="pdf")
    assert _kind_at(doc, "Account manager") == kind


@pytest.mark.parametrize(("left", "kind"), [
    # a sidebar list first, then the main column: what runs over into page 2's first (left) frame is the main text
    ("INTERESTS", "experience"),
    # near miss: two main columns side by side (a table's cells): page 2's left text continues the left column
    ("PUBLICATIONS", "publications"),
])
def test_headings_story_flowing_through_frames_continues_the_main_column(left: str, kind: str) -> None:
    sidebar = [_at("Jane Doe", 50, 1), _at(left, 50, 1, bold=True), *[_at(f"Item number {n}", 50, 1) for n in range(6)]]
    main = [_at("EXPERIENCE", 300, 1, bold=True),
            *[_at(f"Built pipeline {n} for the sales team", 300, 1) for n in range(14)]]
    page2 = [_at("Account manager, Sample Ltd\t2008 – 2010", 50, 2), _at("Grew the northern region", 50, 2)]
    doc = _doc(*sidebar, *main, *page2, fmt="pdf")
    assert _kind_at(doc, "Account manager") == kind


@pytest.mark.parametrize(("current", "kind"), [
    # under PROJECTS a bold "Kaggle: <title>" is a project's title; after the jobs it starts an awards section
    ("PROJECTS", "projects"),
    ("EXPERIENCE", "awards"),
])
def test_headings_contest_label_under_projects_is_a_project(current: str, kind: str) -> None:
    doc = _doc(LineDraft("Jane Doe"), LineDraft(current, bold=True, size=13.0),
               LineDraft("Churn model, Example Telecom\t2021 – 2022"), LineDraft("• Built a churn model", bullet=True),
               LineDraft("Kaggle: Retinal Lesion Grading Challenge", bold=True),
               LineDraft("• Won a silver medal with an ensemble", bullet=True))
    assert _kinds(doc)[-1][0] == kind


@pytest.mark.parametrize(("body", "kind"), [
    # a heading in words no lexicon lists is read by what it holds: jobs make it experience
    ([LineDraft("Data Analyst, Brazos Freight"), LineDraft("Aug 2017 – May 2019"),
      LineDraft("• Built reports.", bullet=True)], "experience"),
    # near miss: prose with a year in it is no job
    ([LineDraft("Gardening, chess and long walks since 2015.")], "other"),
])
def test_headings_unknown_heading_is_read_by_what_it_holds(body: list[LineDraft], kind: str) -> None:
    doc = _doc(LineDraft("Jane Doe"), LineDraft("SUMMARY", bold=True), LineDraft("Analyst."),
               LineDraft("THE ROAD SO FAR", bold=True), *body)
    assert [k for k, _ in _kinds(doc)][-1] == kind
