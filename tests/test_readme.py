"""The README's Python examples print exactly what the README says, and write nothing into the repository."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
FENCE = re.compile(r"```python\n(?P<code>.*?)```\s*\n```\n(?P<output>.*?)```", re.S)


def readme_examples() -> list[tuple[str, str]]:
    """(code, expected output) for every ```python block followed directly by a plain ``` output block."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    return [(m["code"], m["output"]) for m in FENCE.finditer(text)]


def _tree() -> set[str]:
    skip = {".venv", ".git", ".pytest_cache", ".mypy_cache", ".ruff_cache", "__pycache__"}
    return {str(p.relative_to(ROOT)) for p in ROOT.rglob("*")
            if not skip & set(p.relative_to(ROOT).parts) and "egg-info" not in str(p)}


def test_readme_has_examples_with_output() -> None:
    assert len(readme_examples()) >= 2


@pytest.mark.parametrize("index", range(len(readme_examples())))
def test_readme_example_prints_what_it_says(index: int) -> None:
    code, expected = readme_examples()[index]
    before = _tree()
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr[-3000:]
    assert done.stdout == expected
    assert _tree() == before, "a README example wrote into the repository"
