"""The ``team`` family (``team_size``): a stated team or org size, the number as the value.

The rules (``data/signals/team.toml``) find "team of 6", "led 4 engineers",
"6-person squad", "tech lead for 2 squads (14 engineers)"; this module turns
the matched phrase into an int: digits ("1,200") or number words ("six"),
the largest when a phrase holds several ("grew the team from 3 to 12").
A match without a readable number is dropped.
"""

from __future__ import annotations

import re
from typing import Any

from .families import Family, register

_NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "dozen": 12,
}
_NUM = re.compile(r"\d[\d,]*|[a-z]+")


def parse_size(text: str) -> int | None:
    """The largest number in a phrase, from digits or English number words."""
    best: int | None = None
    for tok in _NUM.findall(text.lower()):
        if tok[0].isdigit():
            digits = tok.replace(",", "")
            if not digits.isdigit():
                continue
            n = int(digits)
        elif tok in _NUMBER_WORDS:
            n = _NUMBER_WORDS[tok]
        else:
            continue
        best = n if best is None else max(best, n)
    return best


class TeamFamily(Family):
    name = "team"

    def finish(self, signal: str, match: str, value: Any) -> tuple[bool, Any]:
        size = parse_size(match)
        if size is None or size < 2 or size > 100_000:
            return False, None
        return True, size


FAMILY = register(TeamFamily())
