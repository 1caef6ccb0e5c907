"""Print the accuracy figures on the project's labelled fixtures (for closing notes and reviews).

Scores every file in fixtures/build against its spec in fixtures/specs, exactly as
tests/test_accuracy.py does, and prints section, entry, per-signal, flag and seniority
figures as a table. ``--misses`` also lists every miss (which line, expected, found);
``--only f03`` limits the run to some spec ids.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from fixtures_gold import BUILD_DIR, SPEC_DIR, load_specs, misses_text, score_fixtures, table  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--misses", action="store_true", help="list every miss after the table")
    ap.add_argument("--only", nargs="*", default=None, help="spec ids to score (default: all)")
    ap.add_argument("--limit", type=int, default=200, help="misses shown per kind")
    ap.add_argument("--specs", type=Path, default=SPEC_DIR, help="spec directory (default fixtures/specs)")
    ap.add_argument("--build", type=Path, default=BUILD_DIR, help="rendered files (default fixtures/build)")
    args = ap.parse_args(argv)
    specs = [s for s in load_specs(args.specs) if not args.only or s.id in args.only]
    res = score_fixtures(specs, args.build)
    print(table(res))
    if res.failed:
        print("failed:", *res.failed, sep="\n  ")
    if args.misses:
        print(misses_text(res, limit=args.limit))
    return 0


if __name__ == "__main__":
    sys.exit(main())
