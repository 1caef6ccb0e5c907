"""The error-code table is complete, stable and documented in the README."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from resume_signals.errors import ERROR_TABLE, DocumentError, ErrorCode

ROOT = Path(__file__).resolve().parents[1]


def _readme_table() -> str:
    spec = importlib.util.spec_from_file_location("error_table", ROOT / "scripts" / "error_table.py")
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return str(mod.table())


def test_errors_every_code_has_a_table_row() -> None:
    assert set(ERROR_TABLE) == set(ErrorCode)


def test_errors_readme_documents_every_code() -> None:
    assert _readme_table() in (ROOT / "README.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("code", list(ErrorCode))
def test_errors_document_error_defaults_come_from_the_table(code: ErrorCode) -> None:
    exc = DocumentError(code)
    stage, message = ERROR_TABLE[code]
    assert (exc.code, exc.stage, exc.message) == (code, stage, message)
    assert str(exc).startswith(code.value)


def test_errors_codes_are_lowercase_snake_case() -> None:
    for code in ErrorCode:
        assert code.value == code.value.lower() and " " not in code.value
