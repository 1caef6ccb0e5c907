#!/usr/bin/env python3
"""Measure the heading classifier on labelled resume lines (text only, no layout).

Usage: eval_headings.py PATH/TO/section-lines.csv [--misses N]

The CSV (columns clean_text, main_label, sub_label) labels real resume lines as
header / content / meta. It carries no layout, so this measures the text half of
the classifier (`headings.classify_text`: lexicon by meaning plus the cues
visible in text: caps, trailing colon, Title Case, shape). Prints precision and
recall of "is a heading", and with --misses samples of each error kind. The
file is read by path and never copied into the project.
"""

from __future__ import annotations

import csv
import random
import sys
from collections import Counter

from resume_signals.sections.headings import classify_text, default_lexicon


def main(argv: list[str]) -> int:
    path = argv[1]
    n_miss = int(argv[argv.index("--misses") + 1]) if "--misses" in argv else 0
    lex = default_lexicon()
    counts: Counter[str] = Counter()
    fps: list[str] = []
    fns: list[str] = []
    with open(path, newline="", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            text = (row.get("clean_text") or "").strip()
            if not text:
                continue
            gold = row.get("main_label") == "header"
            pred = classify_text(text, lex) is not None
            counts[("t" if gold == pred else "f") + ("p" if pred else "n")] += 1
            if pred and not gold:
                fps.append(f"{text!r} ({row.get('main_label')}/{row.get('sub_label')})")
            elif gold and not pred:
                fns.append(f"{text!r} ({row.get('sub_label')})")
    tp, fp, fn = counts["tp"], counts["fp"], counts["fn"]
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    rng = random.Random(0)
    for label, items in (("false positives", fps), ("false negatives", fns)):
        if n_miss:
            sys.stdout.write(f"-- {label} (sample of {min(n_miss, len(items))} / {len(items)})\n")
            for item in rng.sample(items, min(n_miss, len(items))):
                sys.stdout.write(f"   {item}\n")
    sys.stdout.write(f"lines {sum(counts.values())}  headers {tp + fn}  tp {tp} fp {fp} fn {fn}\n")
    sys.stdout.write(f"precision {precision:.3f} recall {recall:.3f} F1 {f1:.3f}\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
