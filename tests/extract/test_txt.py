"""Plain-text extraction: decoding, one line per line, bullets, headings, limits."""

from __future__ import annotations

import pytest

from resume_signals.errors import DocumentError, ErrorCode
from resume_signals.extract.txt import extract_txt, normalise_bullet
from resume_signals.limits import Limits

LIMITS = Limits()


@pytest.mark.parametrize(("line", "expected"), [
    ("- Shipped a model", ("• Shipped a model", True)),
    ("* Shipped a model", ("• Shipped a model", True)),
    ("• Shipped a model", ("• Shipped a model", True)),
    ("o Shipped a model", ("• Shipped a model", True)),
    ("– Shipped a model", ("• Shipped a model", True)),
    ("1. Shipped a model", ("• Shipped a model", True)),
    ("12) Shipped a model", ("• Shipped a model", True)),
    ("\uf0b7 Shipped a model", ("• Shipped a model", True)),  # Symbol-font private-use bullet
    ("   - indented bullet", ("• indented bullet", True)),
    # near misses
    ("-5% churn after launch", ("-5% churn after launch", False)),
    ("office hours", ("office hours", False)),
    ("2019 - 2021", ("2019 - 2021", False)),
    ("1.5 years at Acme", ("1.5 years at Acme", False)),
    ("-", ("-", False)),
    ("*emphasis*", ("*emphasis*", False)),
])
def test_txt_normalise_bullet_table(line: str, expected: tuple[str, bool]) -> None:
    assert normalise_bullet(line) == expected


def test_txt_lines_bullets_and_tabs() -> None:
    data = "Jane Doe\r\nEXPERIENCE\r\nML Engineer\tJan 2020 – Present\r\n- Shipped it\r\n\r\nSKILLS".encode()
    doc = extract_txt(data, limits=LIMITS)
    assert doc.format == "txt"
    assert doc.text == "Jane Doe\nEXPERIENCE\nML Engineer\tJan 2020 – Present\n• Shipped it\nSKILLS"
    assert [line.bullet for line in doc.lines] == [False, False, False, True, False]
    assert doc.lines[4].gap_before == 1.0  # the blank line survives as a layout cue
    for line in doc.lines:
        assert doc.text[line.start:line.end] == line.text


@pytest.mark.parametrize(("data", "lines"), [
    # a hard-wrapped bullet is one line, whether its tail is indented to the text or goes on in lower case
    ("- Deployed the churn model to\n  production", ["• Deployed the churn model to production"]),
    ("* Cut fraud losses by 12%, saving\n  EUR 2M a year", ["• Cut fraud losses by 12%, saving EUR 2M a year"]),
    ("- Built the ranking service and\nretrained it weekly", ["• Built the ranking service and retrained it weekly"]),
    ("- Shipped the model to\n  production,\n  monitored", ["• Shipped the model to production, monitored"]),
    # near misses: a new item, a finished sentence, a row of columns, a line after a blank one, a plain line
    ("- Shipped the model\n- retrained it weekly", ["• Shipped the model", "• retrained it weekly"]),
    ("- Shipped the model.\nretrained weekly", ["• Shipped the model.", "retrained weekly"]),
    ("- Shipped the model\nML Engineer, Acme", ["• Shipped the model", "ML Engineer, Acme"]),
    ("- Python, Docker\n  ML Engineer      2019 - 2021", ["• Python, Docker", "ML Engineer\t2019 - 2021"]),
    ("- Shipped the model\n\n  and more", ["• Shipped the model", "and more"]),
    ("Summary of the work on\nproduction systems", ["Summary of the work on", "production systems"]),
])
def test_txt_bullet_tails_are_joined(data: str, lines: list[str]) -> None:
    doc = extract_txt(data.encode(), limits=LIMITS)
    assert [line.text for line in doc.lines] == lines


def test_txt_wide_space_runs_become_tabs() -> None:
    doc = extract_txt(b"ML Engineer, Acme        2019 - 2021", limits=LIMITS)
    assert doc.text == "ML Engineer, Acme\t2019 - 2021"


@pytest.mark.parametrize(("data", "text"), [
    ("Résumé — José".encode(), "Résumé — José"),
    ("\ufeffRésumé — José".encode(), "Résumé — José"),
    ("Résumé — José".encode("utf-16"), "Résumé — José"),
    ("Résumé of José Müller".encode("cp1252"), "Résumé of José Müller"),
    ("Résumé of José Müller".encode("latin-1"), "Résumé of José Müller"),
])
def test_txt_decodes_utf8_bom_utf16_and_cp1252(data: bytes, text: str) -> None:
    assert extract_txt(data, limits=LIMITS).text == text


def test_txt_markdown_and_setext_headings_keep_a_heading_style() -> None:
    doc = extract_txt(b"# Jane Doe\nExperience\n==========\n- Shipped it\n-----\nmore", limits=LIMITS)
    assert [(line.text, line.style) for line in doc.lines] == [
        ("Jane Doe", "Heading 1"), ("Experience", "Heading 2"), ("• Shipped it", None), ("more", None)]


def test_txt_over_max_chars_is_too_much_text() -> None:
    with pytest.raises(DocumentError) as err:
        extract_txt(b"word " * 100, limits=Limits(max_chars=200))
    assert err.value.code is ErrorCode.TOO_MUCH_TEXT


def test_txt_just_under_max_chars_is_read() -> None:
    assert extract_txt(b"x" * 200, limits=Limits(max_chars=200)).text == "x" * 200


def test_txt_huge_single_line_is_refused_before_decoding() -> None:
    with pytest.raises(DocumentError) as err:
        extract_txt(b"a" * (5 * 1024 * 1024), limits=LIMITS)
    assert err.value.code is ErrorCode.TOO_MUCH_TEXT


def test_txt_only_decorations_is_empty() -> None:
    with pytest.raises(DocumentError) as err:
        extract_txt(b"-----\n=====\n", limits=LIMITS)
    assert err.value.code is ErrorCode.EMPTY


def test_txt_utf8_with_a_stray_byte_stays_utf8() -> None:
    data = "Résumé — José Müller, naïve café".encode() + b" \x93quoted\x94 " + "Zürich".encode()
    doc = extract_txt(data, limits=LIMITS)
    assert doc.text.startswith("Résumé — José Müller, naïve café")
    assert doc.text.endswith("Zürich")
    assert any("undecodable" in w for w in doc.warnings)


def test_txt_clean_file_has_no_warnings() -> None:
    assert extract_txt("Résumé — José".encode(), limits=LIMITS).warnings == ()
