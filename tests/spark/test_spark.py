"""resume_signals.spark: Spark rows equal score_many on the same files; bad files become rows, never failures."""

from __future__ import annotations

import json
import math
import shutil
from pathlib import Path
from typing import Any

import pytest

from resume_signals import Limits, score_many
from resume_signals.outputs.frame import FLAG_NAMES, SIGNAL_NAMES
from resume_signals.spark import read_files, result_columns, result_schema, score_files

ROOT = Path(__file__).resolve().parents[2]
AS_OF = "2026-11-01"


def _hostile(folder: Path) -> list[Path]:
    """A few bad files next to the fixtures: empty, random bytes, a truncated PDF, a zip that is no DOCX."""
    pdf = (ROOT / "fixtures" / "build" / "f02.pdf").read_bytes()
    files = {
        "empty.pdf": b"",
        "noise.pdf": bytes(range(256)) * 8,
        "truncated.pdf": pdf[: len(pdf) // 2],
        "not-a-docx.docx": b"PK\x03\x04" + b"\x00" * 200,
        "plain.txt": b"EXPERIENCE\nML Engineer, Acme (2019 - 2022)\n- Shipped a churn model to production\n",
    }
    out = []
    for name, data in files.items():
        path = folder / name
        path.write_bytes(data)
        out.append(path)
    return out


def _by_name(rows: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    return {Path(row["path"].removeprefix("file:")).name: row for row in rows}


def _spark_rows(spark: Any, folder: Path, **kwargs: Any) -> list[dict[str, Any]]:
    return [row.asDict() for row in score_files(read_files(spark, str(folder)), **kwargs).collect()]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("spark-corpus")
    for path in sorted((ROOT / "fixtures" / "build").iterdir()):
        shutil.copy(path, folder / path.name)
    _hostile(folder)
    return folder


def test_spark_rows_equal_score_many_row_by_row(spark: Any, corpus: Path) -> None:
    files = sorted(corpus.iterdir())
    expected = {p.name: r for p, r in zip(files, score_many(files, workers=2, as_of=AS_OF, progress=False),
                                          strict=True)}
    rows = _by_name(_spark_rows(spark, corpus, as_of=AS_OF))
    # Spark's file index drops zero-length files before any row exists (SPARK-26161); everything else is a row.
    assert sorted(rows) == sorted(set(expected) - {"empty.pdf"})
    del expected["empty.pdf"]
    assert {r.status for r in expected.values()} >= {"ok", "failed"}
    for name, report in expected.items():
        row = rows[name]
        assert (row["status"], row["error_code"]) == (report.status, report.error_code), name
        assert row["score"] == report.score, name
        assert row["seniority"] == (report.seniority.level if report.status != "failed" else None), name
        assert row["sha256"] == (report.source.sha256 or None), name
        for signal in SIGNAL_NAMES:
            assert row[f"signal_{signal}"] == sum(s.name == signal for s in report.signals), (name, signal)
        raised = {f.name for f in report.flags}
        assert {f for f in FLAG_NAMES if row[f"flag_{f}"]} == raised & set(FLAG_NAMES), name
        full = json.loads(row["report"])
        assert full["signals"] == report.to_dict()["signals"], name


def test_spark_oversized_file_is_refused_without_reading(spark: Any, tmp_path: Path) -> None:
    (tmp_path / "big.txt").write_bytes(b"EXPERIENCE\n" + b"x" * 5000)
    (tmp_path / "small.txt").write_bytes(b"EXPERIENCE\nData Scientist, Acme (2020 - 2023)\n")
    rows = _by_name(_spark_rows(spark, tmp_path, as_of=AS_OF, limits=Limits(max_bytes=1000)))
    assert rows["big.txt"]["status"] == "failed" and rows["big.txt"]["error_code"] == "too_large"
    assert "limit" in json.loads(rows["big.txt"]["report"])["errors"][0]["message"]
    assert rows["small.txt"]["status"] == "ok"


def test_spark_hanging_file_becomes_timeout_row(spark: Any, tmp_path: Path) -> None:
    # A rule pack whose regex backtracks exponentially on a long run of one letter: a real way for a document
    # to hang a scorer (a user's rule gone quadratic), stopped only by killing the process that runs it.
    pack = tmp_path / "slow.toml"
    pack.write_text('[signals.slow]\nrules = [{id = "nested", regex = "(a+)+b"}]\n', encoding="utf-8")
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "hangs.txt").write_text("EXPERIENCE\n- " + "a" * 40 + "\n", encoding="utf-8")
    (docs / "fine.txt").write_text("EXPERIENCE\nML Engineer, Acme (2019 - 2021)\n- Shipped a model\n", encoding="utf-8")
    rows = _by_name(_spark_rows(spark, docs, as_of=AS_OF, rules=pack, timeout=3))
    assert rows["hangs.txt"]["error_code"] == "timeout"
    assert rows["fine.txt"]["status"] == "ok" and rows["fine.txt"]["signal_shipped"] == 1


def test_spark_empty_input_gives_empty_result_with_schema(spark: Any, tmp_path: Path) -> None:
    empty = spark.createDataFrame([], "path string, modificationTime timestamp, length long, content binary")
    result = score_files(empty, as_of=AS_OF)
    assert result.count() == 0
    assert result.schema == result_schema()
    assert [f.name for f in result.schema.fields] == [name for name, _ in result_columns()]


def test_spark_result_types_and_ml_counts(spark: Any, corpus: Path) -> None:
    row = _by_name(_spark_rows(spark, corpus, as_of=AS_OF))["plain.txt"]
    assert isinstance(row["score"], float) and not math.isnan(row["score"])
    assert all(isinstance(row[f"ml_{s}"], int) and row[f"ml_{s}"] <= row[f"signal_{s}"] for s in SIGNAL_NAMES)
    assert all(isinstance(row[f"flag_{f}"], bool) for f in FLAG_NAMES)


def test_spark_pdfium_backend_rows_equal_score_many(spark: Any, corpus: Path) -> None:
    pytest.importorskip("pypdfium2", reason="the pdfium backend is the [fast] extra")
    files = sorted(p for p in corpus.iterdir() if p.suffix == ".pdf" and p.stat().st_size)
    expected = dict(zip((p.name for p in files),
                        score_many(files, workers=1, as_of=AS_OF, progress=False, backend="pdfium"), strict=True))
    rows = _by_name(_spark_rows(spark, corpus, as_of=AS_OF, backend="pdfium"))
    for name, report in expected.items():
        assert (rows[name]["status"], rows[name]["score"]) == (report.status, report.score), name


def test_spark_unknown_backend_raises_on_the_driver(spark: Any, tmp_path: Path) -> None:
    from resume_signals.errors import BackendError

    with pytest.raises(BackendError):
        score_files(read_files(spark, str(tmp_path)), backend="tesseract")


def test_spark_bad_rule_pack_raises_on_the_driver(spark: Any, tmp_path: Path) -> None:
    from resume_signals.errors import RulesError

    pack = tmp_path / "bad.toml"
    pack.write_text("[signals.x]\nfamily = 3\n", encoding="utf-8")
    with pytest.raises(RulesError):
        score_files(read_files(spark, str(tmp_path)), rules=pack)


def test_spark_batch_command_writes_parquet_and_counts(tmp_path: Path) -> None:
    import subprocess
    import sys

    import pandas as pd

    docs = tmp_path / "docs"
    docs.mkdir()
    for name in ("f01.txt", "f03.pdf", "f05.docx"):
        shutil.copy(ROOT / "fixtures" / "build" / name, docs / name)
    (docs / "noise.pdf").write_bytes(bytes(range(256)))
    out = tmp_path / "results.parquet"
    cmd = [sys.executable, "-m", "resume_signals", "spark-batch", str(docs / "*"), "--out", str(out),
           "--master", "local[1]", "--as-of", AS_OF]
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 1, proc.stderr[-2000:]  # one unreadable file: exit 1, as `batch`
    assert "4 files: 3 scored, 1 failed" in proc.stderr
    table = pd.read_parquet(out)
    assert sorted(Path(p).name for p in table["path"]) == ["f01.txt", "f03.pdf", "f05.docx", "noise.pdf"]
    assert list(table.columns) == [name for name, _ in result_columns()]
    again = subprocess.run(cmd, capture_output=True, text=True, timeout=300)
    assert again.returncode == 2 and "already exists: pass --overwrite" in again.stderr  # never overwrites silently
