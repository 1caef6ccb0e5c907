"""Scoring opens no network connection: sockets are blocked and every fixture is scored."""

from __future__ import annotations

import socket
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from resume_signals import Pipeline, score_many

FIXTURES_BUILD = Path(__file__).resolve().parents[1] / "fixtures" / "build"
WriteResumes = Callable[[Path, int], list[Path]]


class NetworkUsed(AssertionError):
    pass


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every way to open a connection records the attempt and raises; returns the list of attempts."""
    attempts: list[str] = []

    def refuse(what: str, original: Callable[..., Any] | None = None) -> Callable[..., Any]:
        def blocked(*args: Any, **kwargs: Any) -> Any:
            if original is not None and args[0].family == socket.AF_UNIX:
                return original(*args, **kwargs)  # local IPC (multiprocessing's pipes) is not network
            attempts.append(f"{what}{args[1:] if original else args}")
            raise NetworkUsed(f"network access attempted: {what}")
        return blocked

    for name in ("connect", "connect_ex", "sendto", "bind"):
        monkeypatch.setattr(socket.socket, name, refuse(f"socket.{name}", getattr(socket.socket, name)))
    for name in ("create_connection", "getaddrinfo", "gethostbyname"):
        monkeypatch.setattr(socket, name, refuse(name))
    return attempts


def _inputs(tmp_path: Path, write_resumes: WriteResumes) -> list[Path]:
    built = sorted(p for p in FIXTURES_BUILD.glob("*") if p.is_file()) if FIXTURES_BUILD.is_dir() else []
    return [*built, *write_resumes(tmp_path, 3)]


def test_network_the_blocker_catches_a_connection(no_network: list[str]) -> None:
    with pytest.raises(NetworkUsed):
        socket.create_connection(("example.org", 80), timeout=1)
    assert no_network  # the blocker itself works, so an empty list below means something


def test_network_scoring_opens_no_connection(tmp_path: Path, write_resumes: WriteResumes,
                                             no_network: list[str]) -> None:
    paths = _inputs(tmp_path, write_resumes)
    pipe = Pipeline()  # built under the blocker too: loading rules must not fetch anything
    reports = [pipe.score(p, as_of="2026-01-01") for p in paths]
    assert no_network == []
    assert all(r.error_code not in {"internal_error", "corrupt"} for r in reports), \
        [(r.source.name, r.error_code) for r in reports]
    assert sum(r.status == "ok" for r in reports) >= 3


def test_network_batch_workers_open_no_connection(tmp_path: Path, write_resumes: WriteResumes,
                                                  no_network: list[str]) -> None:
    # Forked workers inherit the blocker; a blocked call would turn into a failed report.
    paths = _inputs(tmp_path, write_resumes)
    reports = list(score_many(paths, workers=2, as_of="2026-01-01", progress=False))
    pipe = Pipeline()
    assert [r.error_code for r in reports] == [pipe.score(p, as_of="2026-01-01").error_code for p in paths]
    assert all(r.error_code not in {"internal_error", "corrupt"} for r in reports)
    assert no_network == []
