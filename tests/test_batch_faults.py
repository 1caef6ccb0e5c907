"""A batch that nothing can break: odd file names, link loops, a full disk, crashed lines, bad lines, stdin."""

from __future__ import annotations

import base64
import errno
import io
import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from resume_signals.cli import EXIT_WRITE, main
from resume_signals.outputs.html import render_html
from resume_signals.report import Report, printable
from resume_signals.schema import load_schema

WriteResumes = Callable[[Path, int], list[Path]]
RESUME = b"EXPERIENCE\nML Engineer, Acme (2019 - 2024)\n- Shipped a fraud model to production\n"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def lines_of(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_bytes().splitlines() if line.strip()]


def test_batch_faults_undecodable_name_is_encoded_losslessly(tmp_path: Path,
                                                            capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    raw = os.fsencode(folder) + b"/caf\xe9.txt"
    with open(raw, "wb") as fh:
        fh.write(RESUME)
    out = tmp_path / "r.jsonl"
    code, _, _ = run(capsys, "batch", str(folder), "--out", str(out), "--quiet", "--workers", "0")
    assert code == 0
    (line,) = lines_of(out)
    assert line["source"]["name"] == "caf\\xe9.txt"
    assert base64.b64decode(line["source"]["path_bytes_b64"]) == raw
    import jsonschema

    jsonschema.validate(line, load_schema())
    assert Report.from_dict(line).source.path == os.fsdecode(raw)
    code, _, err = run(capsys, "batch", str(folder), "--out", str(out), "--quiet", "--workers", "0")
    assert code == 0 and "1 skipped" in err  # the re-run recognises the line: no crash, no rescoring
    code, stdout, _ = run(capsys, "score", "--workers", "0", os.fsdecode(raw))
    assert code == 0 and json.loads(stdout)["source"]["path_bytes_b64"]


def test_batch_faults_symlink_loops_get_a_report(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "ok.txt").write_bytes(RESUME)
    os.symlink("loop.pdf", folder / "loop.pdf")
    os.symlink("b.txt", folder / "a.docx")
    os.symlink("a.docx", folder / "b.txt")
    os.symlink("notes", folder / "notes")  # no resume suffix: a folder's non-resumes are not read
    code, stdout, _ = run(capsys, "score", "--workers", "0", str(folder))
    reports = [json.loads(line) for line in stdout.splitlines()]
    assert code == 1
    assert {r["source"]["name"]: r["errors"][0]["code"] if r["errors"] else "ok" for r in reports} == {
        "a.docx": "symlink_loop", "b.txt": "symlink_loop", "loop.pdf": "symlink_loop", "ok.txt": "ok"}


def test_batch_faults_full_disk_leaves_no_partial_line_and_the_next_run_finishes(
        tmp_path: Path, write_resumes: WriteResumes, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    paths = write_resumes(tmp_path / "in", 3)
    out = tmp_path / "r.jsonl"
    argv = ["batch", str(tmp_path / "in"), "--out", str(out), "--quiet", "--workers", "0"]
    real_write = os.write
    calls = {"n": 0}

    def full_disk(fd: int, data: Any) -> int:
        calls["n"] += 1
        if calls["n"] == 2:  # the second line: half of it fits, then the disk is full
            real_write(fd, bytes(data[: len(data) // 2]))
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        return real_write(fd, data)

    monkeypatch.setattr(os, "write", full_disk)
    code, _, err = run(capsys, *argv)
    monkeypatch.setattr(os, "write", real_write)
    assert code == EXIT_WRITE and "could not write results" in err and "Traceback" not in err
    assert out.read_bytes().endswith(b"\n") and len(lines_of(out)) == 1
    code, _, err = run(capsys, *argv)
    assert code == 0 and "1 skipped" in err
    assert sorted(line["source"]["path"] for line in lines_of(out)) == [str(p) for p in paths]


def test_batch_faults_stdout_on_a_full_disk_is_exit_4(tmp_path: Path) -> None:
    import subprocess
    import sys

    (tmp_path / "a.txt").write_bytes(RESUME)
    with open("/dev/full", "w") as full:
        proc = subprocess.run([sys.executable, "-m", "resume_signals", "score", "--workers", "0",
                               str(tmp_path / "a.txt")], stdout=full, stderr=subprocess.PIPE, text=True)
    assert proc.returncode == EXIT_WRITE
    assert "could not write results" in proc.stderr and "Traceback" not in proc.stderr


def test_batch_faults_retry_failed_rescores_transient_failures_only(
        tmp_path: Path, write_resumes: WriteResumes, capsys: pytest.CaptureFixture[str]) -> None:
    paths = write_resumes(tmp_path / "in", 2)
    (tmp_path / "in" / "zero.txt").write_bytes(b"")
    out = tmp_path / "r.jsonl"
    argv = ["batch", str(tmp_path / "in"), "--out", str(out), "--quiet", "--workers", "0"]
    assert run(capsys, *argv)[0] == 1
    lines = lines_of(out)
    crashed = next(line for line in lines if line["source"]["path"] == str(paths[0]))
    crashed.update(status="failed", score=None,
                   errors=[{"code": "worker_crashed", "message": "died", "stage": "batch"}])
    out.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
    code, _, err = run(capsys, *argv)
    assert "3 skipped" in err  # without the option a crash line is kept
    code, _, err = run(capsys, *argv, "--retry-failed")
    assert "2 skipped" in err  # the crash is scored again, the empty file (not transient) is not
    final = {line["source"]["path"]: line for line in lines_of(out)}
    assert len(final) == len(lines_of(out)) == 3
    assert final[str(paths[0])]["status"] == "ok"
    assert final[str(tmp_path / "in" / "zero.txt")]["errors"][0]["code"] == "empty"


def test_batch_faults_bad_lines_are_moved_aside(tmp_path: Path, write_resumes: WriteResumes,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    write_resumes(tmp_path / "in", 2)
    out = tmp_path / "r.jsonl"
    argv = ["batch", str(tmp_path / "in"), "--out", str(out), "--quiet", "--workers", "0"]
    run(capsys, *argv)
    good = out.read_bytes()
    out.write_bytes(b"not json at all\n" + good + b'{"source": 3}\n')
    inode = out.stat().st_ino
    code, _, err = run(capsys, *argv)
    assert code == 0 and "moved to" in err
    assert out.read_bytes() == good
    assert out.stat().st_ino != inode  # rewritten by rename, never in place
    assert (tmp_path / "r.rejected.jsonl").read_bytes() == b'not json at all\n{"source": 3}\n'
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


@pytest.mark.parametrize("name", ["evil\x1b[31mred.txt", "bell\x07.txt", "bidi\u202etxt.exe"])
def test_batch_faults_terminal_escapes_are_shown_escaped(tmp_path: Path, name: str,
                                                         capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / name).write_bytes(RESUME)
    code, table, _ = run(capsys, "score", "--format", "table", "--workers", "0", str(tmp_path / name))
    assert code == 0 and printable(name) in table
    code, screen, _ = run(capsys, "screen", "--min-score", "0", "--workers", "0", str(tmp_path / name))
    for text in (table, screen):
        assert not any(c in text for c in "\x1b\x07\u202e")


def test_batch_faults_stdin_is_one_document(monkeypatch: pytest.MonkeyPatch,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    class Stdin:
        buffer = io.BytesIO(RESUME)

    monkeypatch.setattr("sys.stdin", Stdin)
    code, stdout, _ = run(capsys, "score", "--workers", "0", "-")
    report = json.loads(stdout)
    assert code == 0 and report["status"] == "ok"
    assert any(s["name"] == "shipped" for s in report["signals"])


def test_batch_faults_score_json_streams_a_valid_array(tmp_path: Path, write_resumes: WriteResumes,
                                                       capsys: pytest.CaptureFixture[str]) -> None:
    paths = write_resumes(tmp_path / "in", 3)
    code, stdout, _ = run(capsys, "score", "--format", "json", "--workers", "0", *map(str, paths),
                          str(tmp_path / "missing.pdf"))
    reports = json.loads(stdout)
    assert code == 1 and [r["source"]["name"] for r in reports] == ["resume_00.txt", "resume_01.txt",
                                                                    "resume_02.txt", "missing.pdf"]


def test_batch_faults_out_must_be_a_regular_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A device as --out (/dev/full reads back endless zeros) is refused before any work."""
    (tmp_path / "a.txt").write_bytes(RESUME)
    code, _, err = run(capsys, "batch", str(tmp_path), "--out", "/dev/full", "--quiet", "--workers", "0")
    assert code == 2 and "not a regular file" in err


def test_batch_faults_html_and_json_of_an_undecodable_name_are_writable(tmp_path: Path) -> None:
    import resume_signals

    raw = os.fsencode(tmp_path) + b"/r\xe9sum\xe9.txt"
    with open(raw, "wb") as fh:
        fh.write(RESUME)
    for path in (os.fsdecode(raw), os.fsdecode(os.fsencode(tmp_path) + b"/missing\xff.pdf")):
        report = resume_signals.score(path, as_of="2026-01-01")
        render_html(report).encode("utf-8")  # raised UnicodeEncodeError before
        assert json.loads(report.to_json().encode("utf-8"))["source"]["path_bytes_b64"]
