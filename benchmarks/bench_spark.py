"""Spark on local[2] against score_many(workers=2) over the same 1,000 resumes (`make bench-spark`).

The corpus is 1,000 copies cycling over the generated fixtures in fixtures/build (PDF, DOCX and TXT), written to a
temporary folder. Prints documents per second by each path and Spark's per-task overhead, estimated from the same
files run as 2 partitions and as 100 partitions: (t100 - t2) / 98 is what one more task costs.

Timings are wall-clock on whatever else the machine runs: quote medians of repeated runs, not one figure.
"""

from __future__ import annotations

import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

from resume_signals import score_many
from resume_signals.spark import score_files, session

ROOT = Path(__file__).resolve().parents[1]
N = int(os.environ.get("BENCH_SPARK_DOCS", "1000"))
REPEAT = int(os.environ.get("BENCH_SPARK_REPEAT", "3"))
AS_OF = "2026-11-01"


def _corpus(folder: Path) -> list[Path]:
    sources = sorted(p for p in (ROOT / "fixtures" / "build").iterdir() if p.suffix in (".pdf", ".docx", ".txt"))
    out = []
    for i in range(N):
        src = sources[i % len(sources)]
        dst = folder / f"r{i:05d}{src.suffix}"
        shutil.copy(src, dst)
        out.append(dst)
    return out


def _timed(run: object) -> float:
    start = time.perf_counter()
    run()  # type: ignore[operator]
    return time.perf_counter() - start


def main() -> None:
    folder = Path(tempfile.mkdtemp(prefix="bench-spark-"))
    try:
        files = _corpus(folder)
        spark = session("local[2]", "resume-signals-bench")
        total = sum(f.stat().st_size for f in files)

        def frame(partitions: int) -> object:
            # Pack the files into about `partitions` input splits (no shuffle): each split is one task.
            spark.conf.set("spark.sql.files.openCostInBytes", "0")
            spark.conf.set("spark.sql.files.maxPartitionBytes", str(max(1, total // partitions)))
            df = spark.read.format("binaryFile").load(str(folder))
            return df.coalesce(partitions) if partitions <= 2 else df

        def local() -> None:
            reports = list(score_many(files, workers=2, as_of=AS_OF, progress=False))
            assert len(reports) == N

        def on_spark(partitions: int) -> None:
            df = frame(partitions)
            rows = score_files(df, as_of=AS_OF).select("status").collect()  # type: ignore[arg-type]
            assert len(rows) == N

        on_spark(2)  # warm the Python workers (each builds its pipeline once)
        t_local = statistics.median(_timed(local) for _ in range(REPEAT))
        t_spark = statistics.median(_timed(lambda: on_spark(2)) for _ in range(REPEAT))
        t_many = statistics.median(_timed(lambda: on_spark(100)) for _ in range(REPEAT))
        tasks = frame(100).rdd.getNumPartitions()  # type: ignore[attr-defined]
        spark.stop()
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    print(f"{N} resumes (copies cycling over fixtures/build), median of {REPEAT} runs, {os.cpu_count()} cores")
    print(f"  score_many(workers=2):        {t_local:7.2f} s  {N / t_local:7.1f} docs/s")
    print(f"  Spark local[2], 2 tasks:      {t_spark:7.2f} s  {N / t_spark:7.1f} docs/s")
    print(f"  Spark local[2], {tasks} tasks:    {t_many:7.2f} s  {N / t_many:7.1f} docs/s")
    print(f"  per-task overhead:            {(t_many - t_spark) / (tasks - 2) * 1000:7.1f} ms")
    sys.stdout.flush()


if __name__ == "__main__":
    main()
