"""Family hooks: strict lookup by name, and the two families that compute a value."""

from __future__ import annotations

import pytest

from resume_signals.detect.families import GENERIC, HOOKS, hook_for


def test_families_unknown_name_is_an_error():
    with pytest.raises(KeyError):
        hook_for("teem", frozenset({"team", "shipped"}))


def test_families_declared_name_without_code_is_generic():
    assert hook_for("shipped", frozenset({"shipped"})) is HOOKS[GENERIC]


@pytest.mark.parametrize("match, value, expected", [
    ("team of 6", None, (True, 6)),
    ("team of 1", None, (False, None)),  # one person is not a team
    ("a team", None, (False, None)),
])
def test_families_team_parses_the_size(match, value, expected):
    assert hook_for("team", frozenset())(match, value) == expected


@pytest.mark.parametrize("value, accepted", [("Kubernetes", True), (None, False)])
def test_families_stack_needs_a_canonical_tool(value, accepted):
    assert hook_for("stack", frozenset())("k8s", value)[0] is accepted
