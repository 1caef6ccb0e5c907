"""Print the extraction fuzz outcome counts at the end of `make fuzz`."""

from __future__ import annotations

import sys
from typing import Any


def pytest_terminal_summary(terminalreporter: Any) -> None:
    module = sys.modules.get("test_fuzz_extract")
    outcomes = getattr(module, "OUTCOMES", None)
    if not outcomes:
        return
    terminalreporter.write_line(f"extraction fuzz, {module.EXAMPLES} examples per family:")  # type: ignore[union-attr]
    for family, counts in outcomes.items():
        detail = ", ".join(f"{k}={v}" for k, v in sorted(counts.items()))
        terminalreporter.write_line(f"  {family}: {sum(counts.values())} inputs: {detail}")
