"""Check that two commits write byte-identical reports: the guard of every refactor that must not change behaviour.

Scores the fixtures (``fixtures/build``), ``../shared/devset/build`` and
``../shared/corpus/files`` with a fixed ``--as-of`` at two commits and compares,
file by file, the report JSON (``Report.to_json()``) and, with ``--outputs``,
the JSON Resume export and the HTML view. Each commit is checked out in a
temporary ``git worktree`` and imported from there through ``PYTHONPATH``
(``--python`` runs it; the current venv by default: both commits share the
dependencies), so the working tree is never touched. ``--new`` defaults to the
working tree itself, uncommitted changes included.

    .venv/bin/python scripts/compare_reports.py --old 474682e            # HEAD's working tree vs 474682e
    .venv/bin/python scripts/compare_reports.py --old main --new HEAD --outputs

Exit status 0 when every report is byte-identical, 1 when any differs (each
difference is listed with the first differing JSON key path).
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import json
import os
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
AS_OF = "2026-11-01"
INPUTS = ("fixtures/build", "../shared/devset/build", "../shared/corpus/files")

# Run inside the checkout under test (its package first on sys.path): one JSON object per input on stdout.
_DUMP = r"""
import json, sys
from pathlib import Path
import resume_signals
from resume_signals import Pipeline
want_outputs = sys.argv[1] == "1"
as_of = sys.argv[2]
root = Path(sys.argv[3]).resolve()
print(json.dumps({"package": str(Path(resume_signals.__file__).resolve())}), flush=True)
pipe = Pipeline()
for line in sys.stdin:
    path = line.rstrip("\n")
    report = pipe.score(path, as_of=as_of)
    rec = {"path": path, "report": report.to_json()}
    if want_outputs:
        from resume_signals.outputs.html import render_html
        from resume_signals.outputs.json_resume import to_json_resume
        rec["json_resume"] = json.dumps(to_json_resume(report), ensure_ascii=False)
        rec["html"] = render_html(report)
    print(json.dumps(rec), flush=True)
"""


def input_files(root: Path, dirs: tuple[str, ...]) -> list[str]:
    """Every regular, non-hidden file directly inside each input directory, sorted (absolute paths)."""
    out: list[str] = []
    for d in dirs:
        folder = (root / d).resolve()
        if not folder.is_dir():
            print(f"skipping {d}: not a directory", file=sys.stderr)
            continue
        out += [str(p) for p in sorted(folder.iterdir()) if p.is_file() and not p.name.startswith(".")]
    return out


@contextlib.contextmanager
def checkout(commit: str | None) -> Iterator[Path]:
    """The working tree itself (commit None) or a temporary detached worktree of ``commit``."""
    if commit is None:
        yield ROOT
        return
    tmp = Path(tempfile.mkdtemp(prefix="compare-reports-"))
    tree = tmp / "tree"
    subprocess.run(["git", "-C", str(ROOT), "worktree", "add", "--detach", "--quiet", str(tree), commit], check=True)
    try:
        yield tree
    finally:
        subprocess.run(["git", "-C", str(ROOT), "worktree", "remove", "--force", str(tree)], check=False)
        with contextlib.suppress(OSError):
            tmp.rmdir()


def dump(tree: Path, files: list[str], python: str, outputs: bool) -> dict[str, dict[str, str]]:
    """Score ``files`` with the package in ``tree``; path -> {"report": ..., ...}."""
    env = {**os.environ, "PYTHONPATH": str(tree), "PYTHONHASHSEED": "0"}
    proc = subprocess.run([python, "-c", _DUMP, "1" if outputs else "0", AS_OF, str(tree)],
                          input="".join(f + "\n" for f in files), capture_output=True, text=True, env=env,
                          cwd=tree, check=False)
    if proc.returncode != 0:
        raise SystemExit(f"scoring with {tree} failed:\n{proc.stderr[-4000:]}")
    lines = proc.stdout.splitlines()
    package = json.loads(lines[0])["package"]
    if not package.startswith(str(tree.resolve())):
        raise SystemExit(f"{tree}: imported the package from {package}, not from the checkout")
    recs = [json.loads(line) for line in lines[1:]]
    return {r.pop("path"): r for r in recs}


def scored(commit: str | None, files: list[str], python: str, outputs: bool, cache: Path | None
           ) -> dict[str, dict[str, str]]:
    """`dump` at a commit; with ``cache``, a commit's results are kept (by sha, inputs and options) and reused."""
    if cache is None or commit is None:
        with checkout(commit) as tree:
            return dump(tree, files, python, outputs)
    sha = subprocess.run(["git", "-C", str(ROOT), "rev-parse", commit], capture_output=True, text=True,
                         check=True).stdout.strip()
    key = hashlib.sha256(json.dumps([sha, files, outputs, AS_OF]).encode()).hexdigest()[:16]
    path = cache / f"{sha[:12]}-{key}.json"
    if path.is_file():
        return dict(json.loads(path.read_text("utf-8")))
    with checkout(commit) as tree:
        result = dump(tree, files, python, outputs)
    cache.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(result), "utf-8")
    return result


def first_difference(a: Any, b: Any, path: str = "") -> str:
    """The key path of the first place where two JSON values differ."""
    if type(a) is not type(b):
        return path or "."
    if isinstance(a, dict):
        for k in list(a) + [k for k in b if k not in a]:
            if k not in a or k not in b or a[k] != b[k]:
                return first_difference(a.get(k), b.get(k), f"{path}.{k}")
        return path or "."
    if isinstance(a, list):
        for i, (x, y) in enumerate(zip(a, b, strict=False)):
            if x != y:
                return first_difference(x, y, f"{path}[{i}]")
        return f"{path} (length {len(a)} != {len(b)})"
    return path or "."


def compare(old: dict[str, dict[str, str]], new: dict[str, dict[str, str]]) -> list[str]:
    problems = []
    for path in sorted(set(old) | set(new)):
        if path not in old or path not in new:
            problems.append(f"{path}: scored at one commit only")
            continue
        for kind in sorted(set(old[path]) | set(new[path])):
            a, b = old[path].get(kind), new[path].get(kind)
            if a == b:
                continue
            where = ""
            if kind != "html" and a is not None and b is not None:
                where = " at " + first_difference(json.loads(a), json.loads(b))
            problems.append(f"{path}: {kind} differs{where}")
    return problems


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--old", required=True, help="the reference commit (e.g. the base of a refactor)")
    ap.add_argument("--new", default=None, help="the commit to check (default: this working tree as it is)")
    ap.add_argument("--python", default=sys.executable, help="interpreter with the dependencies installed")
    ap.add_argument("--outputs", action="store_true", help="also compare the JSON Resume export and the HTML view")
    ap.add_argument("--cache", type=Path, default=None,
                    help="keep each commit's scores here and reuse them (never used for the working tree)")
    ap.add_argument("inputs", nargs="*", default=list(INPUTS), help=f"input directories (default: {' '.join(INPUTS)})")
    args = ap.parse_args(argv)
    files = input_files(ROOT, tuple(args.inputs))
    old = scored(args.old, files, args.python, args.outputs, args.cache)
    new = scored(args.new, files, args.python, args.outputs, args.cache)
    problems = compare(old, new)
    kinds = "report JSON" + (", JSON Resume, HTML" if args.outputs else "")
    new_name = args.new or "working tree"
    if problems:
        print(f"{len(problems)} difference(s) in {len(files)} files ({kinds}), {args.old} -> {new_name}:")
        print(*problems, sep="\n")
        return 1
    print(f"byte-identical: {len(files)} files ({kinds}, as of {AS_OF}), {args.old} -> {new_name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
