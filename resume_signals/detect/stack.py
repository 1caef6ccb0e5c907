"""The ``stack`` family (``production_stack``): named production infrastructure.

The tools live in ``data/stack.toml`` (canonical name, family, aliases), loaded
into one PhraseMatcher per case mode by the engine; a matched alias arrives
here with its canonical name as the value ("k8s", "K8s" and "EKS" all arrive
as "Kubernetes"). Unlike other signals, production_stack counts in skills
sections and certifications too (``exclude_sections = []``).
"""

from __future__ import annotations

from typing import Any

from .families import Family, register


class StackFamily(Family):
    name = "stack"

    def finish(self, signal: str, match: str, value: Any) -> tuple[bool, Any]:
        return (value is not None), value


FAMILY = register(StackFamily())
