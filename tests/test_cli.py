"""The resume-signals command: every subcommand, exit codes 0/1/2/3, inputs, formats."""

from __future__ import annotations

import argparse
import csv
import fcntl
import io
import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from resume_signals import __version__
from resume_signals.batch import file_sha256
from resume_signals.cli import expand_inputs, main
from resume_signals.schema import load_schema

ROOT = Path(__file__).resolve().parents[1]
Validate = Callable[[Any], dict[str, Any]]
WriteResumes = Callable[[Path, int], list[Path]]
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x02\x00\x00\x00\x90wS\xde"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def jsonl(text: str) -> list[dict[str, Any]]:
    return [json.loads(line) for line in text.splitlines()]


# ---------------------------------------------------------------------------------------------------------------------
# inputs


def test_cli_expand_inputs_directory_takes_resume_suffixes(tmp_path: Path) -> None:
    for name in ("b.txt", "a.pdf", "c.png", "d.DOCX", "README.md", ".hidden.txt"):
        (tmp_path / name).write_bytes(b"x")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "inner.txt").write_bytes(b"x")
    assert expand_inputs([str(tmp_path)]) == [str(tmp_path / n) for n in ("a.pdf", "b.txt", "d.DOCX")]
    assert expand_inputs([str(tmp_path)], recursive=True) == [
        str(tmp_path / n) for n in ("a.pdf", "b.txt", "d.DOCX", "sub/inner.txt")]
    assert expand_inputs([str(tmp_path / "c.png")]) == [str(tmp_path / "c.png")]  # named: always read


def test_cli_expand_inputs_globs_and_literal_paths(tmp_path: Path) -> None:
    for name in ("x1.txt", "x2.txt", "y.pdf"):
        (tmp_path / name).write_bytes(b"x")
    (tmp_path / "deep").mkdir()
    (tmp_path / "deep" / "z.txt").write_bytes(b"x")
    assert expand_inputs([str(tmp_path / "*.txt")]) == [str(tmp_path / "x1.txt"), str(tmp_path / "x2.txt")]
    assert expand_inputs([str(tmp_path / "**" / "z.txt")]) == [str(tmp_path / "deep" / "z.txt")]
    # a pattern that matches nothing stays an input (and gets a not_found report); so does a missing path
    assert expand_inputs([str(tmp_path / "*.docx"), "nope.pdf"]) == [str(tmp_path / "*.docx"), "nope.pdf"]


# ---------------------------------------------------------------------------------------------------------------------
# score


def test_cli_score_directory_gives_one_jsonl_line_per_file_sorted(
        tmp_path: Path, write_resumes: WriteResumes, capsys: pytest.CaptureFixture[str],
        validate_report: Validate) -> None:
    paths = write_resumes(tmp_path, 3)
    (tmp_path / ".hidden.txt").write_text("ignored", encoding="utf-8")
    (tmp_path / "subdir").mkdir()
    code, out, _ = run(capsys, "score", "--as-of", "2026-01-01", "--workers", "2", str(tmp_path))
    lines = jsonl(out)
    assert code == 0
    assert [line["source"]["path"] for line in lines] == [str(p) for p in paths]
    assert all(line["status"] == "ok" for line in lines)
    for line in lines:
        validate_report(line)


def test_cli_score_keeps_argument_order(tmp_path: Path, write_resumes: WriteResumes,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    a, b, c = write_resumes(tmp_path, 3)
    code, out, _ = run(capsys, "score", "--workers", "2", str(c), str(a), str(b), str(a))
    assert code == 0
    assert [line["source"]["name"] for line in jsonl(out)] == [c.name, a.name, b.name, a.name]


def test_cli_score_exit_1_when_any_document_failed(tmp_path: Path, write_resumes: WriteResumes,
                                                   capsys: pytest.CaptureFixture[str],
                                                   validate_report: Validate) -> None:
    write_resumes(tmp_path, 2)
    (tmp_path / "photo.png").write_bytes(PNG)
    code, out, err = run(capsys, "score", str(tmp_path), str(tmp_path / "photo.png"), str(tmp_path / "missing.pdf"))
    lines = jsonl(out)
    assert code == 1
    assert [(line["source"]["name"], line["errors"][0]["code"] if line["errors"] else None) for line in lines] == [
        ("resume_00.txt", None), ("resume_01.txt", None), ("photo.png", "unsupported_format"),
        ("missing.pdf", "not_found")]
    assert "Traceback" not in err
    for line in lines:
        validate_report(line)


def test_cli_score_json_format_is_one_array(tmp_path: Path, write_resumes: WriteResumes,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    paths = write_resumes(tmp_path, 2)
    code, out, _ = run(capsys, "score", "--format", "json", *map(str, paths))
    data = json.loads(out)
    assert code == 0
    assert isinstance(data, list) and [d["source"]["name"] for d in data] == [p.name for p in paths]


def test_cli_score_table_format_has_a_row_per_file(tmp_path: Path, write_resumes: WriteResumes,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    write_resumes(tmp_path, 2)
    (tmp_path / "zero.pdf").write_bytes(b"")
    code, out, _ = run(capsys, "score", "--format", "table", "--as-of", "2026-01-01", str(tmp_path))
    header, *rows = out.splitlines()
    assert code == 1
    assert header.split() == ["FILE", "STATUS", "SCORE", "LEVEL", "YEARS", "TOP", "SIGNALS", "FLAGS"]
    assert [row.split()[0] for row in rows] == ["resume_00.txt", "resume_01.txt", "zero.pdf"]
    assert rows[0].split()[1] == "ok" and rows[2].split()[1] == "empty"
    level_at = header.index("LEVEL")  # fixed width: every row's level starts under the header
    assert [row[level_at:].split()[0] for row in rows] == ["senior", "senior", "-"]


def test_cli_score_as_of_sets_the_present_date(tmp_path: Path, write_resumes: WriteResumes,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    path = str(write_resumes(tmp_path, 1)[0])
    _, early, _ = run(capsys, "score", "--as-of", "2020-01-01", path)
    _, late, _ = run(capsys, "score", "--as-of", "2021-01-01", path)
    _, stale, _ = run(capsys, "score", "--as-of", "2026-01-01", path)
    years_early = json.loads(early)["seniority"]["years"]
    years_late = json.loads(late)["seniority"]["years"]
    assert years_early is not None and years_late is not None
    assert 0.9 <= years_late - years_early <= 1.1
    # The resume's newest written year is 2019: years later, its "Present" stops at the end of 2019.
    seniority = json.loads(stale)["seniority"]
    assert seniority["present_until"] == "2019-12"
    assert seniority["years"] == round((2019 * 12 + 12 - (2016 * 12 + 2)) / 12, 1)


def test_cli_score_redact_drops_contact_details(tmp_path: Path, write_resumes: WriteResumes,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    path = str(write_resumes(tmp_path, 1)[0])
    _, plain, _ = run(capsys, "score", path)
    _, redacted, _ = run(capsys, "score", "--redact", path)
    assert "candidate0@example.org" in json.loads(plain)["text"]
    assert "candidate0@example.org" not in json.loads(redacted)["text"]


@pytest.mark.parametrize("argv", [
    [],
    ["score"],
    ["score", "--as-of", "2026-02-30", "x.txt"],
    ["score", "--as-of", "yesterday", "x.txt"],
    ["score", "--format", "xml", "x.txt"],
    ["score", "--workers", "-1", "x.txt"],
    ["score", "--timeout", "0", "x.txt"],
    ["batch", "x.txt"],
    ["html", "x.txt"],
    ["screen", "x.txt"],
    ["frobnicate"],
])
def test_cli_usage_errors_exit_2(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        main(argv)
    assert exc.value.code == 2
    assert "usage:" in capsys.readouterr().err


def test_cli_bad_rules_file_exits_2_with_a_message(tmp_path: Path, write_resumes: WriteResumes,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    path = str(write_resumes(tmp_path, 1)[0])
    bad = tmp_path / "pack.toml"
    bad.write_text("[signals\nnot toml at all", encoding="utf-8")
    code, out, err = run(capsys, "score", "--rules", str(bad), path)
    assert (code, out) == (2, "")
    assert "error" in err and "pack.toml" in err
    code, out, err = run(capsys, "score", "--rules", str(tmp_path / "absent.toml"), path)
    assert (code, out) == (2, "")
    assert "absent.toml" in err
    weights = tmp_path / "weights.json"
    weights.write_text("{not json", encoding="utf-8")
    code, out, err = run(capsys, "batch", path, "--out", str(tmp_path / "r.jsonl"), "--weights", str(weights))
    assert (code, out) == (2, "")
    assert "weights.json" in err
    assert not (tmp_path / "r.jsonl").exists()  # nothing is touched before the configuration loads


def test_cli_empty_directory_is_a_usage_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "score", str(tmp_path))
    assert (code, out) == (2, "")
    assert "no input files" in err


# ---------------------------------------------------------------------------------------------------------------------
# schema, version, python -m


def test_cli_schema_prints_the_packaged_schema(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "schema")
    assert code == 0
    assert json.loads(out) == load_schema()


def test_cli_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["--version"])
    assert exc.value.code == 0
    assert capsys.readouterr().out.strip() == f"resume-signals {__version__}"


def test_cli_python_dash_m_runs_the_same_cli(tmp_path: Path) -> None:
    done = subprocess.run([sys.executable, "-m", "resume_signals", "score", str(tmp_path / "missing.txt")],
                          cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 1
    assert json.loads(done.stdout)["errors"][0]["code"] == "not_found"


# ---------------------------------------------------------------------------------------------------------------------
# html


def test_cli_html_writes_the_evidence_page(tmp_path: Path, write_resumes: WriteResumes,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    path = write_resumes(tmp_path, 1)[0]
    page = tmp_path / "out.html"
    code, _, _ = run(capsys, "html", str(path), "-o", str(page), "--as-of", "2026-01-01")
    html = page.read_text(encoding="utf-8")
    assert code == 0
    assert html.lstrip().lower().startswith("<!doctype html")
    assert "Northwind Labs 0" in html


def test_cli_html_of_a_failed_document_exits_1(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    page = tmp_path / "out.html"
    code, _, err = run(capsys, "html", str(tmp_path / "gone.pdf"), "-o", str(page))
    assert code == 1
    assert "not_found" in err
    assert page.exists()


# ---------------------------------------------------------------------------------------------------------------------
# screen


def test_cli_screen_exit_codes(tmp_path: Path, write_resumes: WriteResumes,
                               capsys: pytest.CaptureFixture[str]) -> None:
    paths = [str(p) for p in write_resumes(tmp_path, 2)]
    code, out, _ = run(capsys, "screen", "--min-score", "0", *paths)
    assert code == 0 and out.count("PASS") == 2
    code, out, _ = run(capsys, "screen", "--min-score", "100", *paths)
    assert code == 3 and out.count("FAIL") == 2
    code, out, _ = run(capsys, "screen", "--min-score", "0", paths[0], str(tmp_path / "gone.pdf"))
    assert code == 1 and "PASS" in out and "not_found" in out


def test_cli_screen_json_and_name_lists(tmp_path: Path, write_resumes: WriteResumes,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    path = str(write_resumes(tmp_path, 1)[0])
    code, out, _ = run(capsys, "screen", "--min-score", "0", "--require", "shipped,monitoring",
                       "--require", "ab_testing", "--reject-flag", "architecture_padding", "--format", "json", path)
    (result,) = json.loads(out)
    assert result["file"] == path
    assert code == (0 if result["passed"] else 3)
    assert any("ab_testing" in r for r in result["reasons"]) or result["passed"]


@pytest.mark.parametrize("extra", [["--require", "shiped"], ["--reject-flag", "padding"], ["--min-score", "101"]])
def test_cli_screen_unknown_names_are_usage_errors(extra: list[str], tmp_path: Path, write_resumes: WriteResumes,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    path = str(write_resumes(tmp_path, 1)[0])
    argv = ["screen", "--min-score", "10", path, *extra]
    code, out, err = run(capsys, *argv)
    assert (code, out) == (2, "")
    assert "error" in err


# ---------------------------------------------------------------------------------------------------------------------
# batch


def test_cli_batch_writes_lines_then_skips_them_on_rerun(tmp_path: Path, write_resumes: WriteResumes,
                                                         capsys: pytest.CaptureFixture[str],
                                                         validate_report: Validate) -> None:
    paths = write_resumes(tmp_path / "in", 4)
    out = tmp_path / "results.jsonl"
    code, stdout, err = run(capsys, "batch", str(tmp_path / "in"), "--out", str(out), "--workers", "2", "--quiet")
    lines = jsonl(out.read_text(encoding="utf-8"))
    assert (code, stdout) == (0, "")
    assert sorted(line["source"]["path"] for line in lines) == [str(p) for p in paths]
    assert "4 inputs: 4 ok, 0 failed, 0 skipped" in err
    for line in lines:
        validate_report(line)

    code, _, err = run(capsys, "batch", str(tmp_path / "in" / "*.txt"), "--out", str(out), "--quiet")
    assert code == 0 and "4 skipped" in err
    assert jsonl(out.read_text(encoding="utf-8")) == lines


def test_cli_batch_rescores_a_changed_file_and_keeps_failures_failing(
        tmp_path: Path, write_resumes: WriteResumes, capsys: pytest.CaptureFixture[str]) -> None:
    paths = write_resumes(tmp_path / "in", 2)
    (tmp_path / "in" / "zero.txt").write_bytes(b"")
    out = tmp_path / "r.jsonl"
    argv = ["batch", str(tmp_path / "in"), str(tmp_path / "gone.pdf"), "--out", str(out), "--quiet"]
    code, _, err = run(capsys, *argv)
    assert code == 1 and "4 inputs: 2 ok, 2 failed, 0 skipped" in err
    stale = file_sha256(paths[1])
    paths[1].write_text(paths[1].read_text(encoding="utf-8") + "\nExtra line\n", encoding="utf-8")
    code, _, err = run(capsys, *argv)
    assert code == 1 and "2 failed, 3 skipped" in err
    lines = jsonl(out.read_text(encoding="utf-8"))
    shas = [line["source"]["sha256"] for line in lines]
    assert shas.count(file_sha256(paths[1])) == 1 and stale not in shas  # the new line replaced the stale one
    assert len(lines) == 4


def test_cli_batch_cuts_an_incomplete_last_line(tmp_path: Path, write_resumes: WriteResumes,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    paths = write_resumes(tmp_path / "in", 3)
    out = tmp_path / "r.jsonl"
    run(capsys, "batch", str(paths[0]), "--out", str(out), "--quiet")
    whole = out.read_bytes()
    with out.open("ab") as fh:  # what a kill in the middle of a write would leave
        fh.write(b'{"schema_version": "1", "source": {"name": "resume_01.txt", "pa')
    code, _, err = run(capsys, "batch", str(tmp_path / "in"), "--out", str(out), "--quiet")
    data = out.read_bytes()
    assert code == 0
    assert "incomplete last line" in err and "1 skipped" in err
    assert data.startswith(whole) and data.endswith(b"\n")
    assert sorted(line["source"]["name"] for line in jsonl(data.decode())) == [p.name for p in paths]


def test_cli_batch_refuses_an_output_another_batch_is_writing(tmp_path: Path, write_resumes: WriteResumes,
                                                              capsys: pytest.CaptureFixture[str]) -> None:
    paths = write_resumes(tmp_path / "in", 1)
    out = tmp_path / "r.jsonl"
    fd = os.open(out, os.O_RDWR | os.O_CREAT)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        code, _, err = run(capsys, "batch", str(paths[0]), "--out", str(out))
    finally:
        os.close(fd)
    assert code == 2 and "another resume-signals batch" in err
    assert out.read_bytes() == b""


def test_cli_table_fits_columns_shortens_middle_and_shows_failure_message(
        tmp_path: Path, write_resumes: WriteResumes, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    (a,) = write_resumes(tmp_path, 1)
    long_a = a.rename(tmp_path / ("candidate_with_a_really_long_file_name_" + "x" * 40 + "_final_v2.txt"))
    monkeypatch.setenv("COLUMNS", "80")
    code, out, _ = run(capsys, "score", "--format", "table", str(long_a), str(tmp_path / "gone.pdf"))
    header, ok_row, failed_row = out.splitlines()
    assert code == 1
    assert all(len(line) <= 80 for line in (header, ok_row, failed_row))
    assert ok_row.startswith("candidate_") and "…" in ok_row.split()[0] and ok_row.split()[0].endswith("_v2.txt")
    assert "not_found" in failed_row and "no such file" in failed_row.lower()


def test_cli_score_sort_top_and_csv(tmp_path: Path, write_resumes: WriteResumes,
                                    capsys: pytest.CaptureFixture[str]) -> None:
    paths = write_resumes(tmp_path, 2)
    (tmp_path / "empty.txt").write_bytes(b"")
    code, out, _ = run(capsys, "score", "--format", "csv", "--sort", "score", "--top", "2",
                       str(tmp_path / "empty.txt"), *map(str, paths))
    rows = list(csv.DictReader(io.StringIO(out)))
    assert code == 1 and len(rows) == 2
    assert {r["file"] for r in rows} == {p.name for p in paths}
    assert float(rows[0]["score"]) >= float(rows[1]["score"])


def test_cli_score_piped_default_is_jsonl_and_v_after_subcommand(tmp_path: Path, write_resumes: WriteResumes,
                                                                 capsys: pytest.CaptureFixture[str]) -> None:
    (a,) = write_resumes(tmp_path, 1)
    code, out, _ = run(capsys, "score", "-v", str(a))
    assert code == 0 and json.loads(out.splitlines()[0])["source"]["name"] == a.name


@pytest.mark.parametrize("argv", [
    ["-v", "score", "a.txt"],
    ["score", "-v", "a.txt"],
    ["--verbose", "screen", "--min-score", "1", "a.txt"],
    ["batch", "in", "--out", "out", "--verbose"],
    ["score", "a.txt"],
])
def test_cli_verbose_before_or_after_the_subcommand(argv: list[str]) -> None:
    from resume_signals.cli import build_parser

    assert build_parser().parse_args(argv).verbose == (1 if any(a.startswith("-") for a in argv) else 0)


def test_cli_help_describes_every_option_and_links_the_definitions(capsys: pytest.CaptureFixture[str]) -> None:
    from resume_signals.cli import build_parser

    parser = build_parser()
    assert "docs/signals.md" in parser.format_help()
    sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    for name, p in sub.choices.items():
        for action in p._actions:
            assert action.help, f"{name} {action.option_strings or action.dest} has no --help text"


def test_cli_batch_out_dash_is_stdout(tmp_path: Path, write_resumes: WriteResumes,
                                      capsys: pytest.CaptureFixture[str]) -> None:
    write_resumes(tmp_path, 2)
    code, out, _ = run(capsys, "batch", str(tmp_path), "--out", "-", "--workers", "0")
    assert code == 0 and sorted(line["source"]["name"] for line in jsonl(out)) == ["resume_00.txt", "resume_01.txt"]
    assert not (Path.cwd() / "-").exists()


def test_cli_html_output_dash_is_stdout(tmp_path: Path, write_resumes: WriteResumes,
                                       capsys: pytest.CaptureFixture[str]) -> None:
    path = write_resumes(tmp_path, 1)[0]
    code, out, _ = run(capsys, "html", str(path), "-o", "-", "--as-of", "2026-01-01")
    assert code == 0 and out.lstrip().lower().startswith("<!doctype html") and "Northwind Labs 0" in out
    assert not (Path.cwd() / "-").exists()


def test_cli_screen_summary_compact_and_no_questions(tmp_path: Path, write_resumes: WriteResumes,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    (a,) = write_resumes(tmp_path, 1)
    (tmp_path / "empty.txt").write_bytes(b"")
    args = ["screen", "--min-score", "100", "--as-of", "2026-01-01", str(a), str(tmp_path / "empty.txt")]
    code, out, _ = run(capsys, *args, "--compact")
    lines = out.splitlines()
    assert code == 1 and len(lines) == 3
    assert lines[0].startswith("FAIL") and lines[1].startswith("ERROR")
    assert lines[-1] == "0 passed, 1 failed, 1 unreadable"
    _, with_q, _ = run(capsys, *args)
    _, without_q, _ = run(capsys, *args, "--no-questions")
    assert "ask (" in with_q and "ask (" not in without_q


def test_cli_progress_only_above_twenty_inputs_and_text_bar_without_tqdm() -> None:
    from resume_signals.batch import TextBar
    from resume_signals.cli import PROGRESS_ABOVE, _progress

    assert _progress(PROGRESS_ABOVE) is False and _progress(PROGRESS_ABOVE + 1) is None  # None: on when a tty
    buf = io.StringIO()
    bar = TextBar(total=4, desc="scoring", file=buf)
    bar.update(3)
    bar.close()
    assert "3/4 docs" in buf.getvalue() and buf.getvalue().endswith("\n")


def test_cli_not_a_resume_fails_the_screen_and_ranks_last(tmp_path: Path, write_resumes: WriteResumes,
                                                          capsys: pytest.CaptureFixture[str]) -> None:
    (a,) = write_resumes(tmp_path, 1)
    notes = tmp_path / "notes.txt"
    notes.write_text("Release notes\nWe shipped, deployed and monitored the new build, then rolled back.\n",
                     encoding="utf-8")
    code, out, _ = run(capsys, "screen", "--min-score", "0", "--compact", str(notes), str(a))
    assert code == 3 and out.splitlines()[0].startswith("FAIL") and "not a resume" in out.splitlines()[0]
    code, out, _ = run(capsys, "score", "--format", "csv", "--sort", "score", str(notes), str(a))
    assert [row["file"] for row in csv.DictReader(io.StringIO(out))] == [a.name, notes.name]
