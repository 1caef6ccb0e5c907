"""Compare the pdfminer and pdfium backends line by line: same section kind, entry and signals on each line.

Every PDF under the given folders (default: fixtures/build, ../shared/devset/build, ../shared/corpus/files, which
includes the real dev set) is scored with both backends. A pdfminer line agrees when the pdfium text has the same
line (whitespace-normalised, matched in order) in the same section kind, starting the same entry or not, with
the same signal names on it. Prints the share of lines that agree and lists every difference.

    .venv/bin/python scripts/compare_backends.py [DIR ...]
"""

from __future__ import annotations

import difflib
import sys
from pathlib import Path

from resume_signals import Pipeline
from resume_signals.report import Report

DEFAULT_DIRS = ("fixtures/build", "../shared/devset/build", "../shared/corpus/files")
AS_OF = "2026-11-01"


def _lines(report: Report) -> list[tuple[str, tuple[str, bool, tuple[str, ...]]]]:
    """(normalised text, (section kind, starts an entry, signal names)) per non-blank line of the report's text."""
    out = []
    pos = 0
    entry_starts = {e.start for e in report.entries}
    for raw in report.text.split("\n"):
        start, end = pos, pos + len(raw)
        pos = end + 1
        text = " ".join(raw.split())
        if not text:
            continue
        kind = next((s.kind for s in report.sections if s.start <= start < s.end), "none")
        entry = any(start <= e < end + 1 for e in entry_starts)
        signals = tuple(sorted({s.name for s in report.signals if s.start < end and s.end > start}))
        out.append((text, (kind, entry, signals)))
    return out


def compare(path: Path, slow: Pipeline, fast: Pipeline) -> tuple[int, int, list[str]]:
    """(lines, agreeing lines, differences) for one file."""
    a, b = slow.score(path, as_of=AS_OF), fast.score(path, as_of=AS_OF)
    if a.status != "ok" or b.status != "ok":
        same = (a.status, a.error_code) == (b.status, b.error_code)
        return 1, int(same), [] if same else [f"status: pdfminer {a.error_code or 'ok'}, pdfium {b.error_code or 'ok'}"]
    la, lb = _lines(a), _lines(b)
    matcher = difflib.SequenceMatcher(a=[t for t, _ in la], b=[t for t, _ in lb], autojunk=False)
    agree, diffs = 0, []
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            for i, j in zip(range(i1, i2), range(j1, j2), strict=True):
                if la[i][1] == lb[j][1]:
                    agree += 1
                else:
                    diffs.append(f"labels: {la[i][0][:70]!r}: pdfminer {la[i][1]} / pdfium {lb[j][1]}")
        else:
            for i in range(i1, i2):
                diffs.append(f"text-: {la[i][0][:90]!r} {la[i][1]}")
            for j in range(j1, j2):
                diffs.append(f"text+: {lb[j][0][:90]!r} {lb[j][1]}")
    return len(la), agree, diffs


def main(argv: list[str]) -> int:
    dirs = [Path(d) for d in (argv or DEFAULT_DIRS)]
    slow, fast = Pipeline(), Pipeline(backend="pdfium")
    total = agreed = 0
    for folder in dirs:
        files = sorted(folder.glob("*.pdf"))
        if not files:
            print(f"{folder}: no PDFs")
            continue
        f_total = f_agreed = 0
        for path in files:
            n, ok, diffs = compare(path, slow, fast)
            f_total, f_agreed = f_total + n, f_agreed + ok
            for d in diffs:
                print(f"{path.name}: {d}")
        share = f_agreed / max(f_total, 1)
        print(f"== {folder}: {f_agreed}/{f_total} lines agree ({share:.1%}) over {len(files)} PDFs")
        total, agreed = total + f_total, agreed + f_agreed
    print(f"== all: {agreed}/{total} lines agree ({agreed / max(total, 1):.1%})")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
