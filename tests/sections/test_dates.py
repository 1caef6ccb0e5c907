"""Date ranges: every format resumes use, and the numbers that only look like dates."""

from __future__ import annotations

import pytest

from resume_signals.report import DateRange
from resume_signals.sections.dates import find_date_ranges, parse_date_range

FORMATS = [
    ("Jan 2019 – Present", "2019-01", None, True),
    # the corpus's other languages: month names, short forms and open ends
    ("Avr 2022 – Nov 2023", "2022-04", "2023-11", False),
    ("Juil 2015 – Janv 2016", "2015-07", "2016-01", False),
    ("März 2018 - heute", "2018-03", None, True),
    ("Dic. 2019 - Ago 2021", "2019-12", "2021-08", False),
    ("Setembro 2020 - presente", "2020-09", None, True),
    ("Oct 2024 – ...", "2024-10", None, True),
    ("03/2019-EN CURSO", "2019-03", None, True),  # Spanish "in progress"
    ("Mar 2020 – em andamento", "2020-03", None, True),
    ("January 2019 - Dec 2021", "2019-01", "2021-12", False),
    ("2017-2020", "2017-01", "2020-12", False),
    ("03/2018 - 06/2021", "2018-03", "2021-06", False),
    ("2019–now", "2019-01", None, True),
    ("Jan '14 to Dec '15", "2014-01", "2015-12", False),
    ("Jan ’14 to Dec ’15", "2014-01", "2015-12", False),
    ("Summer 2020", "2020-06", "2020-08", False),
    ("2021 – current", "2021-01", None, True),
    ("Sept. 2020 – Mar. 2022", "2020-09", "2022-03", False),
    ("2020 - Today", "2020-01", None, True),
    ("Oct 2022 – Ongoing", "2022-10", None, True),
    ("Sep 2023 – expected Jun 2027", "2023-09", "2027-06", False),
    ("2015", "2015-01", "2015-12", False),
    ("2014 — 2017", "2014-01", "2017-12", False),
    ("2019 until 2020", "2019-01", "2020-12", False),
    ("Mar 2020 – Date", "2020-03", None, True),
    ("May-2015 - Jul-2017", "2015-05", "2017-07", False),
    ("2017–18", "2017-01", "2018-12", False),
    ("Summer 2019 – Fall 2020", "2019-06", "2020-11", False),
    ("Oct 2021 - Sept 2022", "2021-10", "2022-09", False),
    ("06/2022 – 12/2024", "2022-06", "2024-12", False),
    ("Jan 2023 – present", "2023-01", None, True),
    ("Feb 2016 to Now", "2016-02", None, True),
    ("Jun. 2022 ‑ Present", "2022-06", None, True),  # non-breaking hyphen
    ("04/14 - 08/14", "2014-04", "2014-08", False),
    ("Nov. 2020 Feb. 2025", "2020-11", "2025-02", False),  # the dash lost by a PDF
    ("May - August, 2022", "2022-05", "2022-08", False),
    ("2019.01 - 2020.03", "2019-01", "2020-03", False),  # year.month, common in East Asian resumes
    ("2021.09 – Present", "2021-09", None, True),
]


@pytest.mark.parametrize(("text", "start", "end", "present"), FORMATS)
def test_dates_parse_every_format(text: str, start: str, end: str | None, present: bool) -> None:
    assert parse_date_range(text) == DateRange(raw=text, start=start, end=end, present=present)


@pytest.mark.parametrize(("line", "raw"), [
    ("Data Engineer, Acme (Jun 2021 – Dec 2022)", "Jun 2021 – Dec 2022"),
    ("ML Engineer\tJan 2020 – Present", "Jan 2020 – Present"),
    ("Acme GmbH | Intern | Summer 2020", "Summer 2020"),
    ("2019 – 2021\tAnalyst, Globex", "2019 – 2021"),
    ("From Mar 2012 to Till Date", "Mar 2012 to Till Date"),
])
def test_dates_find_gives_raw_substring_and_offsets(line: str, raw: str) -> None:
    found = find_date_ranges(line)
    assert len(found) == 1
    start, end, dr = found[0]
    assert dr.raw == raw
    assert line[start:end] == raw


@pytest.mark.parametrize("text", [
    "902-555-0143",
    "(503) 555-0166",
    "+44 161 555 0172",
    "GPA 3.8/4.0",
    "Python 3.10.2",
    "v2.2019",
    "Kaggle Expert: 1 gold, 4 silver, 6 bronze",
    "2019-05-03",
    "ISO 27001",
    "cut p99 latency from 180 ms to 40 ms",
    "served 1,200,000 requests",
    "rated 5/10 by users",
    "24/7 on-call",
    "pandas 2023.12.1",
    "release 2019.05.03",
])
def test_dates_near_misses_find_nothing(text: str) -> None:
    assert find_date_ranges(text) == []


@pytest.mark.parametrize("text", ["Jan 2019 – Present, Berlin", "ML Engineer 2019", "2021 – 2019", "13/2018"])
def test_dates_parse_rejects_text_that_is_not_only_a_range(text: str) -> None:
    assert parse_date_range(text) is None


def test_dates_parse_ignores_surrounding_brackets() -> None:
    dr = parse_date_range("(2017 - 2020)")
    assert dr is not None
    assert (dr.raw, dr.start, dr.end) == ("2017 - 2020", "2017-01", "2020-12")
