"""Per-signal precision/recall of the Detector on labelled lines, each scored as a one-line document.

Usage: .venv/bin/python scripts/eval_signal_lines.py [SPEC_DIR ...] [--misses]

SPEC_DIR defaults to ../shared/devset/specs; fixtures/specs works too.
Each labelled line (a block's ``lines`` or an entry's ``bullets``) becomes a
Document of one line (a bullet for entry bullets) inside a Section of the
gold kind, so this measures the detectors alone, independent of extraction
and sectioning. Nothing here is copied into the package; the text is read at
run time.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

from resume_signals.detect import Detector
from resume_signals.document import LineDraft, assemble
from resume_signals.report import Section
from resume_signals.spec.rules import load_rules


def labelled_lines(spec: dict) -> list[tuple[str, str, bool, list[str]]]:
    """(section, text, is_bullet, gold signals) for the devset format (blocks) and the fixtures format (lines)."""
    out = []
    for ln in spec.get("lines", []):
        if ln.get("kind") in ("line", "bullet"):
            out.append((ln["section"], ln["text"], ln["kind"] == "bullet", ln.get("signals", [])))
    for block in spec.get("blocks", []):
        for ln in block.get("lines", []):
            out.append((block["section"], ln["text"], False, ln.get("signals", [])))
        for entry in block.get("entries", []):
            for ln in entry.get("bullets", []):
                out.append((block["section"], ln["text"], True, ln.get("signals", [])))
    return out


def main(argv: list[str]) -> int:
    show = "--misses" in argv
    dirs = [Path(a) for a in argv if not a.startswith("--")]
    if not dirs:
        dirs = [Path("../shared/devset/specs")]
    detector = Detector(load_rules())
    tp: Counter[str] = Counter()
    fp: Counter[str] = Counter()
    fn: Counter[str] = Counter()
    misses = []
    for d in dirs:
        for path in sorted(d.glob("*.json")):
            spec = json.loads(path.read_text("utf-8"))
            for section, text, bullet, gold in labelled_lines(spec):
                doc = assemble([LineDraft(("• " if bullet else "") + text, bullet=bullet)], "txt")
                found = {s.name: s for s in detector.detect(doc, [Section(section, None, 0, len(doc.text))], [])}
                for name in set(gold) | set(found):
                    if name in gold and name in found:
                        tp[name] += 1
                    elif name in found:
                        fp[name] += 1
                        misses.append(f"FP {name:22} [{found[name].rule} {found[name].match!r}] {section}: {text}")
                    else:
                        fn[name] += 1
                        misses.append(f"FN {name:22} {section}: {text}")
    print(f"{'signal':24}{'P':>7}{'R':>7}{'tp':>5}{'fp':>5}{'fn':>5}")
    for name in sorted(set(tp) | set(fp) | set(fn)):
        p = tp[name] / (tp[name] + fp[name]) if tp[name] + fp[name] else 1.0
        r = tp[name] / (tp[name] + fn[name]) if tp[name] + fn[name] else 1.0
        print(f"{name:24}{p:7.3f}{r:7.3f}{tp[name]:5}{fp[name]:5}{fn[name]:5}")
    T, F, N = sum(tp.values()), sum(fp.values()), sum(fn.values())
    print(f"{'micro':24}{T / max(T + F, 1):7.3f}{T / max(T + N, 1):7.3f}{T:5}{F:5}{N:5}")
    if show:
        print("\n".join(sorted(misses)))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
