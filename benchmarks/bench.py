"""`make bench`: where the time and memory of scoring go, per format, backend and stage.

Usage (from the repository root):  .venv/bin/python benchmarks/bench.py [--batch N] [--docs N] [--only PART ...]

``--only text cold`` runs only the text-to-report rate and the cold start (about a minute), for iterating
on those two.

It builds its own corpus from the fixture generator (scripts/make_fixtures.py): every labelled spec
rendered as TXT, DOCX and PDF (reportlab layouts), with its body repeated to make 1-3 pages, about 300
documents; it also reads ../shared/corpus/files when present. It prints:

- per format and PDF backend: median and p95 ms per document for extract, sections, detection, score, total;
- in the same process on the same files: pdfminer.six ``extract_pages`` (the PDF floor) and a plain
  python-docx paragraph read (the DOCX floor), with our totals as ratios to each;
- text to report (everything after extraction) in resumes per second on one core;
- documents per second with 1 and 2 worker processes;
- peak RSS, and RSS after every 1,000 documents over a batch of ``--batch`` (default 10,000) short documents;
- the cold start of ``resume-signals score one.pdf`` as a whole process.

Timings on a shared machine are noisy: medians are the figures to quote.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import io
import logging
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "scripts"), str(ROOT / "tests")]

from fixtures_gold import load_specs  # noqa: E402
from make_fixtures import render_docx, render_reportlab_frames, render_reportlab_single, render_txt  # noqa: E402

from resume_signals import Pipeline  # noqa: E402
from resume_signals.extract import extract  # noqa: E402
from resume_signals.extract.pdfium import available as pdfium_available  # noqa: E402
from resume_signals.report import Source  # noqa: E402

AS_OF = dt.date(2026, 11, 1)
CORPUS = ROOT.parent / "shared" / "corpus" / "files"
STAGES = ("extract", "sections", "detection", "score", "total")


def build_corpus(target: int = 300) -> list[tuple[str, bytes]]:
    """(format, bytes) for about ``target`` generated resumes of 1-3 pages."""
    rng = random.Random(12)
    renderers = {"txt": render_txt, "docx": render_docx, "pdf": render_reportlab_single,
                 "pdf2": render_reportlab_frames}
    specs = load_specs()
    out: list[tuple[str, bytes]] = []
    while len(out) < target:
        for spec in specs:
            body = [ln for ln in spec.lines if ln.section not in ("contact",)]
            head = [ln for ln in spec.lines if ln.section == "contact"]
            pages = rng.randint(1, 3)
            lines = tuple(head + body * pages)
            lines = tuple(dataclasses.replace(ln, index=i) for i, ln in enumerate(lines))
            for fmt, render in renderers.items():
                data = dict(spec.data)
                data["layout"] = dict(data.get("layout", {}), renderer={"pdf2": "reportlab_frames"}.get(fmt, fmt))
                variant = dataclasses.replace(spec, id=f"{spec.id}-{len(out)}", lines=lines, data=data)
                try:
                    out.append((fmt[:4].rstrip("2"), render(variant)))
                except Exception as exc:  # a layout the renderer cannot stretch: skip that one variant
                    print(f"  (skipped {spec.id} as {fmt}: {type(exc).__name__})", file=sys.stderr)
    return out[:target]


def staged(pipe: Pipeline, data: bytes) -> dict[str, float] | None:
    """Seconds per stage for one document, the same steps as `Pipeline.score`."""
    from resume_signals import sections
    from resume_signals.judge import flags, scoring, seniority

    t0 = time.perf_counter()
    try:
        doc = extract(data, limits=pipe.limits, backend=pipe.backend)
    except Exception:
        return None
    t1 = time.perf_counter()
    secs = sections.find_sections(doc, pipe.rules)
    entries = sections.find_entries(doc, secs, pipe.rules)
    t2 = time.perf_counter()
    signals = pipe.detector.detect(doc, secs, entries)
    t3 = time.perf_counter()
    level = seniority.estimate(doc, secs, entries, as_of=AS_OF, rules=pipe.rules)
    raised = flags.raise_flags(doc, secs, entries, signals, level, pipe.rules)
    scoring.score(signals, raised, pipe.weights)
    t4 = time.perf_counter()
    return {"extract": t1 - t0, "sections": t2 - t1, "detection": t3 - t2, "score": t4 - t3, "total": t4 - t0}


def pdf_floor(data: bytes) -> float:
    from pdfminer.high_level import extract_pages

    t = time.perf_counter()
    for _ in extract_pages(io.BytesIO(data)):
        pass
    return time.perf_counter() - t


def docx_floor(data: bytes) -> float:
    import docx  # python-docx, from the [test] extra

    t = time.perf_counter()
    "\n".join(p.text for p in docx.Document(io.BytesIO(data)).paragraphs)
    return time.perf_counter() - t


def ms(values: list[float]) -> str:
    if not values:
        return "     -        -"
    values = sorted(values)
    p95 = values[min(len(values) - 1, int(0.95 * len(values)))]
    return f"{1000 * statistics.median(values):6.1f} {1000 * p95:8.1f}"


def stage_table(title: str, docs: list[tuple[str, bytes]], pipes: dict[str, Pipeline]) -> None:
    print(f"\n## {title}: ms per document, median and p95 ({len(docs)} documents)")
    print(f"{'format':6} {'backend':9} " + " ".join(f"{s:>15}" for s in STAGES) + f" {'floor':>15} {'ratio':>6}")
    for fmt in ("pdf", "docx", "txt"):
        files = [d for f, d in docs if f == fmt]
        if not files:
            continue
        floor_of = {"pdf": pdf_floor, "docx": docx_floor}.get(fmt)
        floor = [floor_of(d) for d in files] if floor_of else []
        for name, pipe in pipes.items():
            if fmt != "pdf" and name != "pdfminer":
                continue
            times: dict[str, list[float]] = defaultdict(list)
            ratios = []
            for i, data in enumerate(files):
                got = staged(pipe, data)
                if got is None:
                    continue
                for k, v in got.items():
                    times[k].append(v)
                if floor:
                    ratios.append(got["total"] / floor[i])
            backend = name if fmt == "pdf" else "-"
            ratio = f"{statistics.median(ratios):6.2f}" if ratios else "     -"
            print(f"{fmt:6} {backend:9} " + " ".join(ms(times[s]) for s in STAGES) + f" {ms(floor)} {ratio}")


def text_rate(docs: list[tuple[str, bytes]], pipe: Pipeline, label: str) -> None:
    """Resumes per second from extracted text to report, one core."""
    texts = []
    for _, data in docs:
        try:
            texts.append(extract(data, limits=pipe.limits))
        except Exception:
            continue
    if not texts:
        return
    src = Source(name="bench", path=None, format="txt", sha256="", bytes=0)
    start = time.perf_counter()
    n = 0
    while time.perf_counter() - start < 10 or n < len(texts):
        pipe._analyse(src, texts[n % len(texts)], AS_OF)
        n += 1
    rate = n / (time.perf_counter() - start)
    chars = statistics.mean(len(d.text) for d in texts)
    print(f"text -> report on {label}: {rate:.0f} resumes/s on one core ({len(texts)} documents, "
          f"{chars:.0f} characters on average)")


def workers_rate(docs: list[bytes], backend: str) -> None:
    from resume_signals.batch import score_many

    rates = {}
    for workers in (1, 2):
        start = time.perf_counter()
        for _ in score_many(docs, workers=workers, as_of=AS_OF, progress=False, backend=backend):
            pass
        rates[workers] = len(docs) / (time.perf_counter() - start)
    print(f"score_many ({backend}, {len(docs)} documents): 1 worker {rates[1]:.1f} docs/s, 2 workers "
          f"{rates[2]:.1f} docs/s, speed-up {rates[2] / rates[1]:.2f}x")


def rss_mb() -> float:
    with open("/proc/self/statm") as fh:
        return int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def rss_batch(docs: list[bytes], n: int, pipe: Pipeline) -> None:
    marks = []
    for i in range(n):
        pipe.score(docs[i % len(docs)], as_of=AS_OF)
        if (i + 1) % 1000 == 0:
            marks.append(rss_mb())
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"RSS over {n} documents, MB after every 1,000: " + " ".join(f"{m:.0f}" for m in marks))
    print(f"peak RSS of this process: {peak:.0f} MB")


def cold_start(pdf: bytes) -> None:
    exe = ROOT / ".venv" / "bin" / "resume-signals"
    with tempfile.NamedTemporaryFile(suffix=".pdf") as fh:
        fh.write(pdf)
        fh.flush()
        runs = []
        for _ in range(5):
            start = time.perf_counter()
            subprocess.run([str(exe), "score", fh.name], check=False, capture_output=True)
            runs.append(time.perf_counter() - start)
    print(f"cold start, `resume-signals score one.pdf` as a process: median {statistics.median(runs):.2f} s "
          f"(min {min(runs):.2f} s over 5)")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--batch", type=int, default=10_000, help="documents in the RSS batch (default 10,000)")
    ap.add_argument("--docs", type=int, default=300, help="generated documents (default 300)")
    ap.add_argument("--only", nargs="+", choices=("text", "cold"),
                    help="run only these parts: text (text to report), cold (cold start)")
    args = ap.parse_args(argv)
    logging.getLogger("pdfminer").setLevel(logging.ERROR)  # the floor's font chatter is not a result
    print(f"machine: {os.cpu_count()} CPUs, Python {sys.version.split()[0]}; load {os.getloadavg()[0]:.1f} "
          "(a shared machine: medians are the figures to quote)")
    pipes = {"pdfminer": Pipeline()}
    if pdfium_available():
        pipes["pdfium"] = Pipeline(backend="pdfium")
    else:
        print("pypdfium2 is not installed: the pdfium rows are left out (pip install 'resume_signals[fast]')")
    corpus: list[tuple[str, bytes]] = []
    if CORPUS.is_dir():
        for path in sorted(CORPUS.iterdir()):
            fmt = path.suffix.lstrip(".").lower()
            if fmt in ("pdf", "docx", "txt"):
                corpus.append((fmt, path.read_bytes()))
    if args.only:
        if "text" in args.only:
            text_rate(corpus, pipes["pdfminer"], "the real resumes of the corpus")
        if "cold" in args.only:  # the same first generated PDF as the full run (the generator is seeded)
            cold_start(next(d for f, d in build_corpus(4) if f == "pdf"))
        return 0
    generated = build_corpus(args.docs)
    stage_table("generated corpus", generated, pipes)
    if corpus:
        stage_table(f"{CORPUS}", corpus, pipes)
    print()
    text_rate(corpus, pipes["pdfminer"], "the real resumes of the corpus")
    text_rate(generated, pipes["pdfminer"], "the generated resumes")
    pdfs = [d for f, d in generated if f == "pdf"][:60]
    for backend in pipes:
        workers_rate(pdfs, backend)
    short = [d for f, d in generated if f == "txt"]
    rss_batch(short, args.batch, pipes["pdfminer"])
    cold_start(pdfs[0])
    return 0


if __name__ == "__main__":
    sys.exit(main())
