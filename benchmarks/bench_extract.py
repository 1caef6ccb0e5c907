"""Time resume_signals' PDF extractor against pdfminer.six's own extract_pages on real PDFs.

Usage (from the repository root):  .venv/bin/python benchmarks/bench_extract.py [--repeat N] [PDF ...]

Without arguments it reads the PDFs of the shared corpus and the development
set (../shared/corpus/files, ../shared/devset/build). Each method runs in its
own child process so that the peak RSS it reports is its own. pdfminer's
extract_pages runs with its default layout analysis and all pages consumed,
which is what a caller of pdfminer gets out of the box; our extractor does its
own line and column analysis on the characters instead.
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DIRS = [ROOT / ".." / "shared" / "corpus" / "files", ROOT / ".." / "shared" / "devset" / "build"]
METHODS = ("resume_signals", "pdfminer")


def _run_one(method: str, data: bytes) -> None:
    if method == "resume_signals":
        from resume_signals.extract.pdf import extract_pdf
        from resume_signals.limits import Limits

        extract_pdf(data, limits=Limits())
    else:
        import io

        from pdfminer.high_level import extract_pages

        for _page in extract_pages(io.BytesIO(data)):
            pass


def _worker(method: str, paths: list[str], repeat: int) -> None:
    """Child process: time every file (best of ``repeat``) and report peak RSS, as JSON on stdout."""
    import logging

    logging.getLogger("pdfminer").setLevel(logging.ERROR)  # pdfminer's own path would print warnings
    times: dict[str, float] = {}
    failures: dict[str, str] = {}
    for path in paths:
        data = Path(path).read_bytes()
        best = float("inf")
        for _ in range(repeat):
            start = time.perf_counter()
            try:
                _run_one(method, data)
            except Exception as e:  # a failure is a result too (e.g. a refused file)
                failures[path] = f"{type(e).__name__}: {e}"[:120]
            best = min(best, time.perf_counter() - start)
        times[path] = best
    rss_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    json.dump({"times": times, "failures": failures, "peak_rss_mb": rss_kb / 1024}, sys.stdout)


def _percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    k = max(0, min(len(ordered) - 1, round(q * (len(ordered) - 1))))
    return ordered[k]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("pdfs", nargs="*", help="PDF files (default: shared corpus and devset PDFs)")
    parser.add_argument("--repeat", type=int, default=3, help="runs per file; the best is kept")
    parser.add_argument("--worker", choices=METHODS, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    paths = [str(Path(p)) for p in args.pdfs] or [str(p) for d in DEFAULT_DIRS for p in sorted(d.glob("*.pdf"))]
    if args.worker:
        _worker(args.worker, paths, args.repeat)
        return 0
    if not paths:
        print("no PDFs found", file=sys.stderr)
        return 2
    results = {}
    for method in METHODS:
        out = subprocess.run([sys.executable, __file__, "--worker", method, "--repeat", str(args.repeat), *paths],
                             check=True, capture_output=True, text=True, cwd=ROOT)
        results[method] = json.loads(out.stdout)
    print(f"{len(paths)} PDFs, best of {args.repeat} runs each\n")
    print(f"{'method':<16}{'median ms':>10}{'p90 ms':>10}{'max ms':>10}{'total s':>10}{'peak RSS MB':>13}{'failed':>8}")
    for method in METHODS:
        t = list(results[method]["times"].values())
        print(f"{method:<16}{statistics.median(t) * 1000:>10.1f}{_percentile(t, 0.9) * 1000:>10.1f}"
              f"{max(t) * 1000:>10.1f}{sum(t):>10.2f}{results[method]['peak_rss_mb']:>13.1f}"
              f"{len(results[method]['failures']):>8}")
    ratio = [results["resume_signals"]["times"][p] / results["pdfminer"]["times"][p] for p in paths
             if results["pdfminer"]["times"][p] > 0]
    print(f"\nper-file time ratio resume_signals / pdfminer: median {statistics.median(ratio):.2f}, "
          f"max {max(ratio):.2f}")
    for method in METHODS:
        for path, why in results[method]["failures"].items():
            print(f"{method} failed on {Path(path).name}: {why}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
