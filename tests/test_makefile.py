"""The Makefile's set-up path: `make test` gets Chromium itself or stops at once with the command to run."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.skipif(shutil.which("make") is None, reason="make is not installed")
def test_makefile_chromium_missing_without_apt_stops_with_the_command() -> None:
    done = subprocess.run(["make", "-s", "chromium", "CHROMIUM=/nonexistent/chromium", "APT_GET=/nonexistent/apt"],
                          cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert done.returncode != 0
    assert "sudo apt-get update && sudo apt-get install -y chromium" in done.stderr


@pytest.mark.skipif(shutil.which("make") is None, reason="make is not installed")
def test_makefile_python_without_venv_and_without_apt_stops_with_the_command(tmp_path: Path) -> None:
    no_venv = tmp_path / "python3"
    no_venv.write_text("#!/bin/sh\necho 'No module named venv' >&2\nexit 1\n", encoding="utf-8")
    no_venv.chmod(0o755)
    venv = tmp_path / "venv"
    done = subprocess.run(["make", "-s", f"{venv}/bin/python", f"VENV={venv}", f"PYTHON={no_venv}",
                           "APT_GET=/nonexistent/apt"], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert done.returncode != 0 and not venv.exists()
    assert "run: sudo apt-get install -y python3-venv" in done.stderr


def test_makefile_test_target_depends_on_chromium_and_demo_installs_runtime_only() -> None:
    text = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert "\ntest: chromium " in text
    assert "\ndemo: $(RUNTIME)" in text
    assert "pip install -q -e . " in text
