"""The "Add a signal" contract: a signal TOML and a weights row are all a new signal needs.

A copy of the bundled data with one new signal file and one new weights row
is loaded in a fresh interpreter (the vocabulary is read at import); the new
signal is detected, weighed, gets its DataFrame column, its HTML colour and
passes the pre-screen's name check, with no Python changed.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

DATA = Path(__file__).resolve().parents[2] / "resume_signals" / "spec" / "data"

NEW_SIGNAL = """
# postmortem: wrote or led the incident review after a production failure.

[signals.postmortem]
family = "postmortem"
description = "Wrote or led a postmortem (incident review) after a production failure."

[[signals.postmortem.rules]]
id = "postmortem.phrase"
phrases = ["postmortem", "post-mortem", "incident review"]
"""

CHECK = """
import json, sys
from pathlib import Path
import resume_signals.spec.data as data
data._root = lambda: Path(sys.argv[1])
from resume_signals import Pipeline
from resume_signals.outputs.frame import to_frame
from resume_signals.outputs.html import COLORS
from resume_signals.outputs.screen import check_names
from resume_signals.spec.vocab import SIGNALS
check_names(["postmortem"])
report = Pipeline().score(b"EXPERIENCE\\nSRE, Acme (2019 - 2021)\\n- Wrote the postmortem for the ranking outage\\n",
                          as_of="2026-11-01")
print(json.dumps({"signals": list(SIGNALS), "found": [s.name for s in report.signals],
                  "points": {c.name: c.points for c in report.contributions},
                  "column": int(to_frame([report]).loc[0, "signal_postmortem"]), "color": COLORS.get("postmortem")}))
"""


def test_add_signal_needs_its_toml_and_its_weights_row_only(tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    (data / "signals" / "postmortem.toml").write_text(textwrap.dedent(NEW_SIGNAL), encoding="utf-8")
    weights = (data / "weights.toml").read_text(encoding="utf-8")
    assert "\nversioning = " in weights
    weights = weights.replace("\nversioning = ", "\npostmortem = 3.0\nversioning = ", 1)
    (data / "weights.toml").write_text(weights, encoding="utf-8")
    done = subprocess.run([sys.executable, "-c", CHECK, str(data)], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    got = json.loads(done.stdout)
    assert got["signals"].index("postmortem") == got["signals"].index("versioning") - 1  # its row's place
    assert "postmortem" in got["found"]
    assert got["points"]["postmortem"] == 3.0
    assert got["column"] == 1
    assert got["color"] is not None
