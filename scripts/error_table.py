"""Print the README's error-code table from resume_signals.errors.ERROR_TABLE.

Run ``python scripts/error_table.py`` and paste the output into README.md;
tests/test_errors.py fails when the two disagree.
"""

from resume_signals.errors import ERROR_TABLE, TRANSIENT_CODES


def table() -> str:
    rows = ["| code | stage | transient | meaning |", "|---|---|---|---|"]
    rows += [f"| `{code.value}` | {stage} | {'yes' if code in TRANSIENT_CODES else 'no'} | {meaning} |"
             for code, (stage, meaning) in ERROR_TABLE.items()]
    return "\n".join(rows)


if __name__ == "__main__":
    print(table())
