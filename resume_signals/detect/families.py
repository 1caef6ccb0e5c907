"""Signal families: the few pieces of code a signal needs beyond its rule data.

A signal's ``family`` (its TOML ``family`` key) names the hook that accepts or
rejects a candidate after the vetoes and computes its reported ``value``. Most
families need no code: their rules and vetoes are all data, and the family
name only groups them. Two compute a value: ``team`` parses the stated size,
``stack`` carries the canonical tool name found by the stack lexicon.

The lookup is strict: a name is known when it has a hook here or when a
bundled signal declares it (see `spec.specs`); anything else (``family =
"teem"``) is a rule-pack error, never a silent fallback to ``generic``.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

#: A family hook: (matched text, value carried by the rule) -> (accepted, reported value).
Hook = Callable[[str, Any], tuple[bool, Any]]

GENERIC = "generic"

_NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "dozen": 12,
}
_NUM = re.compile(r"\d[\d,]*|[a-z]+")


def parse_size(text: str) -> int | None:
    """The largest number in a phrase, from digits or English number words ("grew the team from 3 to 12": 12)."""
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


def _generic(match: str, value: Any) -> tuple[bool, Any]:
    """Accept every candidate that survived the rules, keep its value."""
    return True, value


def _team(match: str, value: Any) -> tuple[bool, Any]:
    """``team_size``: the stated size as an int; a phrase without a plausible number is dropped."""
    size = parse_size(match)
    if size is None or size < 2 or size > 100_000:
        return False, None
    return True, size


def _stack(match: str, value: Any) -> tuple[bool, Any]:
    """``production_stack``: only stack-lexicon matches count; each carries its canonical tool name."""
    return (value is not None), value


#: Families whose matches count inside an entry's title: a project title often lists its stack
#: ("Scraper | Python, Docker"), while a job title names a role, not an act ("Lead Data Scientist").
KEEPS_TITLE_MATCHES = frozenset({"stack"})

#: Families whose signal reports every value its unit names, in order (SIGNALS.md: a bullet's
#: ``production_stack`` lists every canonical tool it names), instead of the first one only.
COLLECTS_VALUES = frozenset({"stack"})

#: The families that run code. Every other known family (declared by a bundled signal) uses `GENERIC`.
HOOKS: dict[str, Hook] = {GENERIC: _generic, "team": _team, "stack": _stack}


def hook_for(name: str, known: frozenset[str] | set[str]) -> Hook:
    """The hook of family ``name``; a name neither in `HOOKS` nor in ``known`` raises KeyError."""
    if name in HOOKS:
        return HOOKS[name]
    if name in known:
        return HOOKS[GENERIC]
    raise KeyError(name)
