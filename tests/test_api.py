"""The public API's conveniences: score_many on folders and paths, flat contact/skills/counts, __all__."""

from __future__ import annotations

from pathlib import Path

import pytest

import resume_signals

RESUME = ("Dana Quill\ndana.quill@example.org | +1 415 555 0134 | github.com/dquill\n"
          "EXPERIENCE\nML Engineer, Brightloom (2019 - 2023)\n- Shipped a fraud model to production\n"
          "SKILLS\nLanguages: Python, Go\nCloud: AWS\n")


@pytest.fixture()
def folder(tmp_path: Path) -> Path:
    (tmp_path / "a.txt").write_text(RESUME, encoding="utf-8")
    (tmp_path / "notes.md").write_text("# not a resume\n", encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text(RESUME, encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.txt").write_text(RESUME, encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize("as_str", [True, False])
def test_api_score_many_folder_means_its_resumes(folder: Path, as_str: bool) -> None:
    arg = str(folder) if as_str else folder
    reports = list(resume_signals.score_many(arg, workers=0))
    assert [r.source.name for r in reports] == ["a.txt"]
    assert reports[0].status != "failed"


def test_api_score_many_single_path_and_type_error(folder: Path) -> None:
    (report,) = list(resume_signals.score_many(str(folder / "a.txt"), workers=0))
    assert report.source.name == "a.txt"
    with pytest.raises(TypeError, match="not int"):
        resume_signals.score_many(42, workers=0)  # type: ignore[arg-type]


def test_api_resume_files_recursive(folder: Path) -> None:
    from resume_signals.batch import resume_files

    assert [Path(p).name for p in resume_files(folder, recursive=True)] == ["a.txt", "b.txt"]


def test_api_contact_skills_and_counts() -> None:
    report = resume_signals.score(RESUME.encode(), as_of="2026-01-01")
    assert report.contact == {"name": "Dana Quill", "email": "dana.quill@example.org",
                              "phone": "+1 415 555 0134", "links": ["https://github.com/dquill"]}
    assert report.skills == ["Python", "Go", "AWS"]
    assert report.signal_counts() == {s: sum(x.name == s for x in report.signals) for s in {x.name for x in
                                                                                             report.signals}}
    assert report.signal_counts()["shipped"] == 1


def test_api_contact_empty_when_redacted() -> None:
    assert resume_signals.score(RESUME.encode(), redact=True).contact == {}


def test_api_all_names_resolve() -> None:
    for name in resume_signals.__all__:
        assert getattr(resume_signals, name) is not None
    assert {"score_many", "to_frame", "fit_weights", "to_html"} <= set(resume_signals.__all__)


def test_api_notebook_shows_a_report_as_its_evidence_view() -> None:
    """In Jupyter a Report displays through _repr_html_: the same page as to_html."""
    report = resume_signals.score(RESUME.encode())
    html = report._repr_html_()
    assert html == resume_signals.to_html(report)
    assert "<html" in html and "shipped" in html
