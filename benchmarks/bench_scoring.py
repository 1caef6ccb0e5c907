"""Scoring speed on already-extracted text: resumes per second on one core (no PDF/DOCX parsing).

Usage: .venv/bin/python benchmarks/bench_scoring.py [--seconds N] [--detector-only]

Documents are extracted once up front (fixtures/build and ../shared/devset/build, whichever exist;
a built-in synthetic resume otherwise), then the timed loop runs what `Pipeline` runs after
extraction: sections, entries, the Detector, seniority, flags and the score, single process.
The target is >= 300 resumes/second. Prints the figure; never asserts (speed is measured, not tested).
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import time
from pathlib import Path

from resume_signals import extract
from resume_signals.document import Document, LineDraft, assemble
from resume_signals.limits import DEFAULT_LIMITS
from resume_signals.pipeline import Pipeline

ROOT = Path(__file__).resolve().parent.parent

_SYNTHETIC = [
    ("EXPERIENCE", False), ("Senior ML Engineer, Example Corp\tJan 2019 – Present", False),
    ("• Shipped a ranking model to 12M daily users; cut p99 latency from 180 ms to 40 ms.", True),
    ("• Built Grafana dashboards and drift alerts; on call for the scoring API.", True),
    ("• Led a team of 6 engineers; rolled out canary releases on Kubernetes.", True),
    ("SKILLS", False), ("Python, Docker, Kubernetes, Airflow, MLflow, Kafka, Terraform", False),
]


def load_documents() -> list[Document]:
    docs: list[Document] = []
    for folder in (ROOT / "fixtures" / "build", ROOT.parent / "shared" / "devset" / "build"):
        if not folder.is_dir():
            continue
        for path in sorted(folder.iterdir()):
            if path.suffix.lower() not in (".txt", ".docx", ".pdf"):
                continue
            try:
                docs.append(extract.extract(path.read_bytes(), limits=DEFAULT_LIMITS))
            except Exception as exc:  # a fixture the extractor rejects is not part of this measurement
                print(f"skip {path.name}: {type(exc).__name__}", file=sys.stderr)
    if not docs:
        docs.append(assemble([LineDraft(t, bullet=b) for t, b in _SYNTHETIC], "txt"))
    return docs


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--seconds", type=float, default=5.0, help="how long to run the timed loop")
    ap.add_argument("--detector-only", action="store_true", help="time the Detector alone (sections precomputed)")
    args = ap.parse_args()
    pipe = Pipeline()
    docs = load_documents()
    as_of = dt.date(2026, 11, 1)
    pipe._analyse  # noqa: B018  (the method timed below; fails early if the pipeline changes shape)
    from resume_signals import sections as sect

    pre = [(d, sect.find_sections(d, pipe.rules)) for d in docs]
    for d, _ in pre:  # warm caches (tokenizer, regexes)
        pipe._analyse(_source(d), d, as_of)
    n = 0
    chars = 0
    start = time.process_time()
    deadline = start + args.seconds
    while time.process_time() < deadline:
        for d, secs in pre:
            if args.detector_only:
                pipe.detector.detect(d, secs, [])
            else:
                pipe._analyse(_source(d), d, as_of)
            n += 1
            chars += len(d.text)
    elapsed = time.process_time() - start
    what = "Detector only" if args.detector_only else "sections+entries+detector+seniority+flags+score"
    print(f"{n / elapsed:.0f} resumes/second ({what}; {len(docs)} distinct documents, "
          f"mean {chars / max(n, 1):.0f} chars, {n} runs in {elapsed:.1f}s, one process)")
    return 0


def _source(doc: Document):  # type: ignore[no-untyped-def]
    from resume_signals.report import Source

    return Source(name="bench", path=None, format=doc.format, sha256="", bytes=len(doc.text), pages=doc.pages)


if __name__ == "__main__":
    sys.exit(main())
