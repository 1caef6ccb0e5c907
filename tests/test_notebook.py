"""notebooks/batch_screening.ipynb runs top to bottom on the fixtures without a cell error.

The kernel is this interpreter (the project's .venv): a kernelspec pointing at
``sys.executable`` is written to a temporary Jupyter path for the test, so a
``python3`` kernel installed elsewhere on the machine can never be picked up.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOK = ROOT / "notebooks" / "batch_screening.ipynb"
KERNEL = "resume-signals-test"


@pytest.fixture(scope="module")
def executed(tmp_path_factory: pytest.TempPathFactory) -> nbformat.NotebookNode:
    spec_dir = tmp_path_factory.mktemp("jupyter") / "kernels" / KERNEL
    spec_dir.mkdir(parents=True)
    (spec_dir / "kernel.json").write_text(json.dumps({
        "argv": [sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}"],
        "display_name": "resume_signals test kernel", "language": "python",
        "env": {"MPLBACKEND": "Agg"},
    }), encoding="utf-8")
    mp = pytest.MonkeyPatch()
    mp.setenv("JUPYTER_PATH", str(spec_dir.parent.parent))
    try:
        nb = nbformat.read(NOTEBOOK, as_version=4)
        client = NotebookClient(nb, timeout=120, kernel_name=KERNEL,
                                resources={"metadata": {"path": str(NOTEBOOK.parent)}})
        client.execute()  # raises CellExecutionError on the first failing cell
    finally:
        mp.undo()
    return nb


def _outputs(nb: nbformat.NotebookNode) -> list[dict]:
    return [out for cell in nb.cells if cell.cell_type == "code" for out in cell.get("outputs", [])]


def test_notebook_runs_without_errors(executed: nbformat.NotebookNode) -> None:
    errors = [o for o in _outputs(executed) if o.get("output_type") == "error"]
    assert errors == []
    assert all(c.get("execution_count") for c in executed.cells if c.cell_type == "code")


def test_notebook_scores_the_fixtures(executed: nbformat.NotebookNode) -> None:
    text = "".join(o.get("text", "") for o in _outputs(executed) if o.get("output_type") == "stream")
    fixtures = [p for p in (ROOT / "fixtures" / "build").iterdir() if p.suffix in {".pdf", ".docx", ".txt"}]
    assert fixtures, "fixtures/build holds no resumes"
    assert f"{len(fixtures)} resumes in fixtures/build" in text
    assert f"{len(fixtures)} rows read back from JSONL" in text


def test_notebook_shows_the_table_the_plots_and_the_evidence_view(executed: nbformat.NotebookNode) -> None:
    data = [o.get("data", {}) for o in _outputs(executed) if o.get("output_type") in {"execute_result",
                                                                                       "display_data"}]
    html = [d["text/html"] for d in data if "text/html" in d]
    assert sum("image/png" in d for d in data) == 2  # score distribution and signal counts
    assert any("signal_shipped" in h and "<table" in h for h in html)  # the frame sorted by score
    assert any('class="sig-label"' in h and "data-signal=" in h for h in html)  # the evidence view


def test_notebook_is_committed_without_outputs() -> None:
    nb = nbformat.read(NOTEBOOK, as_version=4)
    nbformat.validate(nb)
    assert all(not c.get("outputs") and c.get("execution_count") is None for c in nb.cells if c.cell_type == "code")
