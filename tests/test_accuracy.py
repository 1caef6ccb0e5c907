"""Accuracy on the project's own labelled fixtures: the figures cannot silently regress.

Every file in ``fixtures/build`` is scored with ``resume_signals.score(path, as_of=spec as_of)``
and compared with its spec in ``fixtures/specs`` (see ``tests/fixtures_gold.py`` for how lines
are located and predictions matched). Thresholds: section accuracy line by line >= 0.95, every
entry field >= 0.9, precision and recall >= 0.9 for every signal (issue 3), flags >= 0.9,
seniority level exact on every fixture, and a stronger tier outscores a weaker one in >= 0.9 of file pairs.
A failure prints the figures and the misses: which line, what was expected, what was found.
"""

from __future__ import annotations

import importlib.util
import io
import re
import sys
import zipfile
from functools import lru_cache
from types import ModuleType

import pytest
from fixtures_gold import (
    BUILD_DIR,
    ENTRY_FIELDS,
    FLAG_NAMES,
    LEVELS,
    ROOT,
    SIGNAL_NAMES,
    Results,
    Spec,
    load_specs,
    misses_text,
    score_fixtures,
    table,
    validate_spec,
)

from resume_signals.extract.pdfium import available as pdfium_available
from resume_signals.spec.vocab import INTEGRITY_FLAGS

SPECS = load_specs()
SECTION_MIN = 0.95
ENTRY_MIN = 0.9
SIGNAL_MIN = 0.9
FLAG_MIN = 0.9
SENIORITY_MIN = 1.0  # every fixture: a one-resume slip (a title read the wrong way) must show
TIER_ORDER_MIN = 0.9


_BACKEND = "pdfminer"
PDF_BACKENDS = ["pdfminer", pytest.param("pdfium", marks=pytest.mark.skipif(not pdfium_available(), reason=(
    "pypdfium2 is not installed (pip install 'resume_signals[fast]'); make test installs it")))]


@pytest.fixture(autouse=True, params=PDF_BACKENDS)
def _backend(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> None:
    """The accuracy bars hold for both PDF backends (pdfium when the [fast] extra is installed)."""
    monkeypatch.setattr(sys.modules[__name__], "_BACKEND", request.param)


def results() -> Results:
    return _results(_BACKEND)


@lru_cache(maxsize=2)
def _results(backend: str) -> Results:
    return score_fixtures(SPECS, backend=backend)


def explain(res: Results, key: str | None) -> str:
    return "\n" + table(res) + "\n" + misses_text(res, key)


def _generator() -> ModuleType:
    spec = importlib.util.spec_from_file_location("make_fixtures", ROOT / "scripts" / "make_fixtures.py")
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


# ---------------------------------------------------------------------------------------------
# The labels themselves

@pytest.mark.parametrize("spec", SPECS, ids=[s.id for s in SPECS])
def test_accuracy_spec_is_well_formed(spec: Spec) -> None:
    assert validate_spec(spec) == []


def test_accuracy_build_holds_exactly_the_rendered_resumes() -> None:
    # `make demo` scores fixtures/build: it must hold the resumes and nothing else.
    wanted = {p.name for s in SPECS for p in s.files}
    assert {p.name for p in BUILD_DIR.iterdir()} == wanted


@pytest.mark.parametrize("spec", [s for s in SPECS if s.data["layout"]["renderer"] in ("txt", "docx")],
                         ids=lambda s: s.id)
def test_accuracy_generator_rebuilds_committed_files(spec: Spec) -> None:
    # The committed files are what the generator makes from the spec: TXT byte for byte, DOCX
    # paragraph for paragraph (its bytes also depend on the python-docx version). PDFs need
    # LibreOffice / reportlab and are rebuilt by `make fixtures`.
    gen = _generator()
    for fmt in ("txt", "docx"):
        if fmt not in spec.data["formats"]:
            continue
        committed = (BUILD_DIR / f"{spec.id}.{fmt}").read_bytes()
        if fmt == "txt":
            assert gen.render_txt(spec) == committed, f"{spec.id}.txt is stale: make fixtures"
        else:
            assert _docx_paragraphs(gen.render_docx(spec)) == _docx_paragraphs(committed), \
                f"{spec.id}.docx is stale: make fixtures"


def _docx_paragraphs(data: bytes) -> list[str]:
    """Every paragraph's text (body, tables, text boxes, headers, footers), part by part."""
    from xml.etree import ElementTree

    w = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    out = []
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        for name in sorted(n for n in z.namelist() if re.match(r"word/(document|header\d*|footer\d*)\.xml$", n)):
            root = ElementTree.fromstring(z.read(name))
            for p in root.iter(f"{w}p"):
                text = "".join((c.text or "") if c.tag == f"{w}t" else "\t"
                               for r in p.iter(f"{w}r") for c in r if c.tag in (f"{w}t", f"{w}tab"))
                out.append(f"{name}: {text}")
    return out


def test_accuracy_labels_cover_the_guide() -> None:
    # Every signal, flag, level, format and date format the issues name has labelled examples.
    lines = [ln for s in SPECS for ln in s.lines]
    for name in SIGNAL_NAMES:
        assert sum(name in ln.signals for ln in lines) >= 5, name
    # The integrity flags need crafted files (hidden or look-alike text): tests/extract/test_visibility.py and
    # tests/text/test_normalise.py label those.
    for flag in set(FLAG_NAMES) - set(INTEGRITY_FLAGS):
        assert sum(flag in s.flags for s in SPECS) >= 2, flag
    assert sum(not s.flags for s in SPECS) >= 5
    assert {s.level for s in SPECS} == set(LEVELS) - {"unknown"}
    assert {s.data["tier"] for s in SPECS} == {"weak", "moderate", "strong"}
    assert {f for s in SPECS for f in s.data["formats"]} == {"pdf", "docx", "txt"}
    raws = [e.raw or "" for s in SPECS for e in s.entries]
    patterns = [r"^[A-Z][a-z]{2} \d{4} – Present$", r"^[A-Z][a-z]{3,} \d{4} - [A-Z][a-z]{2} \d{4}$",
                r"^\d{4}-\d{4}$", r"^\d\d/\d{4} - \d\d/\d{4}$", r"^\d{4}–now$",
                r"^[A-Z][a-z]{2} '\d\d to [A-Z][a-z]{2} '\d\d$", r"^Summer \d{4}$", r"^\d{4} – current$"]
    for pat in patterns:
        assert any(re.match(pat, r) for r in raws), pat
    assert len(SPECS) >= 16


# ---------------------------------------------------------------------------------------------
# The pipeline against the labels

def test_accuracy_every_fixture_scores() -> None:
    res = results()
    assert res.failed == [], res.failed


def test_accuracy_sections_line_by_line() -> None:
    res = results()
    assert res.section_accuracy() >= SECTION_MIN, explain(res, "sections")


@pytest.mark.parametrize("field", ENTRY_FIELDS)
def test_accuracy_entry_fields(field: str) -> None:
    res = results()
    assert res.entry_accuracy(field) >= ENTRY_MIN, explain(res, "entries")


@pytest.mark.parametrize("name", SIGNAL_NAMES)
def test_accuracy_signal_precision_and_recall(name: str) -> None:
    res = results()
    precision, recall, _ = res.precision_recall(name)
    assert precision >= SIGNAL_MIN and recall >= SIGNAL_MIN, explain(res, f"signal:{name}")


def test_accuracy_production_stack_tool_names() -> None:
    # The value of each production_stack signal is a canonical tool name the line really names.
    res = results()
    st = res.stack_tools
    assert st["tp"] + st["fp"] > 0, explain(res, "stack_tools")
    assert st["tp"] / (st["tp"] + st["fp"]) >= SIGNAL_MIN, explain(res, "stack_tools")
    assert st["tp"] / (st["tp"] + st["fn"]) >= SIGNAL_MIN, explain(res, "stack_tools")  # every tool of a bullet


def test_accuracy_team_size_values() -> None:
    res = results()
    tv = res.team_values
    assert tv["ok"] + tv["bad"] > 0 and tv["ok"] / (tv["ok"] + tv["bad"]) >= SIGNAL_MIN, explain(res, "team_values")


def test_accuracy_flags() -> None:
    res = results()
    assert res.flag_accuracy() >= FLAG_MIN, explain(res, "flags")


def test_accuracy_seniority_level() -> None:
    res = results()
    assert res.seniority_accuracy() >= SENIORITY_MIN, explain(res, "seniority")


def test_accuracy_score_orders_tiers() -> None:
    # strong > moderate > weak production evidence, file pair by file pair
    res = results()
    assert res.tier_order() >= TIER_ORDER_MIN, explain(res, "tier_order")
