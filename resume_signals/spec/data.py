"""The one loader of bundled data: every table under ``spec/data/`` is read here, once per process.

Callers ask for a file by its path inside ``data/`` ("headings.toml",
"signals/team.toml"); parsed TOML is cached, so a table that two stages need
is read and parsed once. Callers must not mutate what they get back: rule
packs are merged onto copies (see `rules.load_rules`).
"""

from __future__ import annotations

import functools
import tomllib
from importlib import resources
from typing import Any

#: Where the bundled files live, for error messages ("resume_signals/spec/data/stack.toml").
DATA_PREFIX = "resume_signals/spec/data"


def _root() -> Any:
    return resources.files("resume_signals").joinpath("spec").joinpath("data")


@functools.cache
def data_text(name: str) -> str:
    """The text of a bundled file, by its path inside ``data/``."""
    item = _root()
    for part in name.split("/"):
        item = item.joinpath(part)
    return str(item.read_text(encoding="utf-8"))


@functools.cache
def data_toml(name: str) -> dict[str, Any]:
    """A bundled TOML table, parsed once (treat it as read-only)."""
    return tomllib.loads(data_text(name))


def data_files(folder: str) -> list[str]:
    """The ``.toml`` files of a bundled folder ("signals"), as names for `data_text`, sorted."""
    names = [item.name for item in _root().joinpath(folder).iterdir()
             if item.name.endswith(".toml") and item.is_file()]
    return [f"{folder}/{name}" for name in sorted(names)]


def data_digest() -> str:
    """A hash of every bundled file: compiled tables cached from them are stale when it changes."""
    import hashlib

    digest = hashlib.sha256()
    for folder in (_root(), _root().joinpath("signals")):
        for item in sorted(folder.iterdir(), key=lambda i: i.name):
            if item.is_file():
                digest.update(item.name.encode() + b"\0" + item.read_bytes() + b"\0")
    return digest.hexdigest()[:24]


def cache_dirs() -> list[Any]:
    """Where compiled tables are cached: beside the package data, else a user-writable folder.

    The first is used when the package folder is writable (a development or per-user install); a
    read-only install (a system site-packages, a container image) caches under ``$XDG_CACHE_HOME``.
    """
    import os
    from pathlib import Path

    user = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "resume_signals"
    return [Path(str(_root())) / "__cache__", user]
