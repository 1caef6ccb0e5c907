"""The HTML evidence view, checked the way a recruiter sees it: rendered by headless Chromium.

Chromium's ``--dump-dom`` gives the DOM after parsing, so what the tests read
is what the browser built, not what we hoped to write: a highlight lost to a
broken tag or a script that slipped through escaping shows up here.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from collections import Counter
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

import jsonschema
import pytest

from resume_signals.outputs.html import assign_slots, render_html, render_text, signal_color
from resume_signals.report import Contribution, ErrorInfo, Flag, Report, Seniority, Signal, Source
from resume_signals.schema import load_schema

CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync"]
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
EVIL = "<script>alert(1)</script>"


CHROMIUM_PATHS = ("/usr/bin/chromium",)


def _chromium() -> str:
    found = shutil.which("chromium") or next((p for p in CHROMIUM_PATHS if Path(p).exists()), None)
    if found is None:
        pytest.fail("headless Chromium is required for the HTML evidence tests but `chromium` is not installed; "
                    "install the Debian package (apt-get install chromium) or run .ci/run, which installs it")
    return found


def dump_dom(page: str, tmp: Path) -> str:
    """Open the page in headless Chromium and return the DOM it built."""
    path = tmp / "report.html"
    path.write_text(page, encoding="utf-8")
    cmd = [_chromium(), *CHROMIUM_FLAGS, f"--user-data-dir={tmp / 'profile'}", "--dump-dom", path.as_uri()]
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0 and "<html" in done.stdout, f"chromium failed: {done.stderr[-2000:]}"
    return done.stdout


@dataclass
class El:
    tag: str
    attrs: dict[str, str]
    text: list[str] = field(default_factory=list)

    @property
    def content(self) -> str:
        return "".join(self.text)

    @property
    def classes(self) -> set[str]:
        return set(self.attrs.get("class", "").split())


class Dom(HTMLParser):
    """Every element with its attributes and the text inside it (nested text included)."""

    def __init__(self, markup: str) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[El] = []
        self._open: list[El] = []
        self._plain: list[str] = []
        self.feed(markup)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        el = El(tag, {k: v or "" for k, v in attrs})
        self.elements.append(el)
        if tag not in VOID:
            self._open.append(el)

    def handle_endtag(self, tag: str) -> None:
        for i in range(len(self._open) - 1, -1, -1):
            if self._open[i].tag == tag:
                del self._open[i:]
                break

    def handle_data(self, data: str) -> None:
        for el in self._open:
            el.text.append(data)
        if any(e.attrs.get("id") == "resume-text" for e in self._open) and not any(
                "sig-label" in e.classes for e in self._open):
            self._plain.append(data)

    def find(self, cls: str | None = None, **attr: str) -> list[El]:
        return [e for e in self.elements if (cls is None or cls in e.classes)
                and all(e.attrs.get(k.replace("_", "-")) == v for k, v in attr.items())]

    def one(self, **attr: str) -> El:
        hits = self.find(**attr)
        assert len(hits) == 1, (attr, hits)
        return hits[0]

    def resume_text(self) -> str:
        """The text of the resume container with the label chips left out."""
        return "".join(self._plain)


def _sig(name: str, text: str, match: str, at: int | None = None, section: str = "experience") -> Signal:
    start = text.index(match) if at is None else at
    assert text[start:start + len(match)] == match
    return Signal(name=name, text=match, match=match, start=start, end=start + len(match), section=section,
                  rule=f"{name}.test", value=None)


TEXT = ("Jane Roe\n"
        "EXPERIENCE\n"
        "ML Engineer, Acme\tJan 2020 – Present\n"
        "• Shipped and deployed a fraud model to production, cutting losses by $1.2M\n"
        "• Owned monitoring with Prometheus and Grafana dashboards for drift\n"
        f"• Pasted from the web: {EVIL} & \"quotes\" 'apostrophes'\n"
        "SKILLS\n"
        "Kubernetes, Airflow, MLflow")


def _hand_report() -> Report:
    line3 = TEXT.index("• Shipped")
    sigs = [
        _sig("shipped", TEXT, "Shipped"),
        _sig("deployed", TEXT, "deployed a fraud model to production"),
        # ownership spans both shipped and deployed: nested and partial overlaps at once.
        _sig("ownership", TEXT, "Shipped and deployed"),
        _sig("outcome_metric", TEXT, "cutting losses by $1.2M"),
        _sig("ownership", TEXT, "Owned"),
        _sig("monitoring", TEXT, "monitoring with Prometheus"),
        _sig("production_stack", TEXT, "Prometheus"),
        _sig("production_stack", TEXT, "Grafana"),
        # the same span under two names
        _sig("monitoring", TEXT, "dashboards for drift"),
        _sig("post_launch_iteration", TEXT, "dashboards for drift"),
        _sig("production_stack", TEXT, "Kubernetes", section="skills"),
        _sig("production_stack", TEXT, "Airflow", section="skills"),
        # adjacent spans: "MLflow" right after the comma
        _sig("versioning", TEXT, "MLflow", section="skills"),
        _sig("production_stack", TEXT, "MLflow", section="skills"),
    ]
    assert line3 > 0
    return Report(
        source=Source(name="jane<img src=x onerror=alert(1)>.txt", path=None, format="txt", sha256="ab" * 32,
                      bytes=len(TEXT)),
        text=TEXT,
        signals=tuple(sigs),
        flags=(Flag(name="architecture_padding", reason=f"Lists 7 architectures, 1 in context {EVIL}",
                    evidence={"architectures": ["BERT", "<i>GAN</i>"], "count": 7}),
               Flag(name="competition_without_production", reason="Kaggle only, nothing shipped")),
        seniority=Seniority(level="mid", years=4.5),
        score=63.25,
        contributions=(Contribution("shipped", 1, 12.0, ml=1), Contribution("deployed", 1, 10.0),
                       Contribution("architecture_padding", 1, -8.0)),
    )


@pytest.fixture(scope="module")
def hand(tmp_path_factory: pytest.TempPathFactory) -> tuple[Report, Dom]:
    report = _hand_report()
    return report, Dom(dump_dom(render_html(report), tmp_path_factory.mktemp("html")))


def _check_highlights(report: Report, dom: Dom) -> None:
    labels = dom.find("sig-label")
    got = Counter((e.attrs["data-signal"], int(e.attrs["data-start"]), int(e.attrs["data-end"])) for e in labels)
    want = Counter((s.name, s.start, s.end) for s in report.signals)
    assert got == want
    assert len(labels) == len(report.signals)
    for i, s in enumerate(report.signals):
        label = dom.one(id=f"sig-{i}")
        assert label.content == s.name
        pieces = [e for e in dom.find("hl") if f"sig-{i}" in e.attrs["data-sigs"].split()]
        assert pieces, f"signal {i} ({s.name}) has no highlighted text"
        assert "".join(p.content for p in pieces) == s.match == report.text[s.start:s.end]
        assert int(pieces[0].attrs["data-seg-start"]) == s.start
        assert int(pieces[-1].attrs["data-seg-end"]) == s.end
    # the highlighted and plain pieces together are the resume text, in order and unchanged
    assert dom.resume_text() == report.text


def test_html_every_signal_is_highlighted_in_the_browser(hand: tuple[Report, Dom]) -> None:
    report, dom = hand
    _check_highlights(report, dom)


def test_html_overlapping_signals_get_distinct_slots(hand: tuple[Report, Dom]) -> None:
    report, dom = hand
    slot = {(e.attrs["data-signal"], int(e.attrs["data-start"]), int(e.attrs["data-end"])): int(e.attrs["data-slot"])
            for e in dom.find("sig-label")}
    for a in report.signals:
        for b in report.signals:
            if a is not b and a.start < b.end and b.start < a.end:
                assert slot[(a.name, a.start, a.end)] != slot[(b.name, b.start, b.end)], (a.match, b.match)
    # a piece under two signals shows both names
    both = [e for e in dom.find("hl") if e.content == "dashboards for drift"]
    assert len(both) == 1 and set(both[0].attrs["data-names"].split()) == {"monitoring", "post_launch_iteration"}


def test_html_score_contributions_flags_and_seniority_are_at_the_top(hand: tuple[Report, Dom]) -> None:
    report, dom = hand
    score = dom.one(id="score")
    assert score.attrs["data-score"] == "63.25" and "63.2" in score.content
    assert dom.one(id="seniority").attrs["data-level"] == "mid"
    rows = {e.attrs["data-contribution"]: e.content for e in dom.find(None) if "data-contribution" in e.attrs}
    assert set(rows) == {"shipped", "deployed", "architecture_padding"}
    assert "-8.0" in rows["architecture_padding"] and "+12.0" in rows["shipped"]
    assert rows["shipped"] == "shipped11+12.0" and rows["deployed"] == "deployed10+10.0"  # count, about ML, points
    flags = {e.attrs["data-flag"]: e.content for e in dom.elements if "data-flag" in e.attrs}
    assert set(flags) == {"architecture_padding", "competition_without_production"}
    assert "Kaggle only, nothing shipped" in flags["competition_without_production"]
    order = [e.attrs.get("id") for e in dom.elements if e.attrs.get("id") in {"score", "flags", "resume-text"}]
    assert order == ["score", "flags", "resume-text"]


def test_html_untrusted_text_is_escaped_not_executed(hand: tuple[Report, Dom]) -> None:
    report, dom = hand
    assert [e for e in dom.elements if e.tag in {"script", "img", "i", "iframe"}] == []
    assert not any(k.startswith("on") for e in dom.elements for k in e.attrs)
    assert EVIL in dom.one(id="resume-text").content
    assert EVIL in dom.one(data_flag="architecture_padding").content
    assert "<i>GAN</i>" in dom.one(data_flag="architecture_padding").content
    h1 = [e for e in dom.elements if e.tag == "h1"]
    assert len(h1) == 1 and h1[0].content == "Jane Roe"  # the candidate's name; the file name below it
    assert [e.content for e in dom.find("file")] == [report.source.name]


def test_html_failed_report_shows_the_error(tmp_path: Path) -> None:
    report = Report(source=Source(name="locked.pdf", path=None, format="pdf", sha256="00" * 32, bytes=10),
                    status="failed", errors=(ErrorInfo("encrypted", "The PDF is protected by a password.", "extract"),))
    dom = Dom(dump_dom(render_html(report), tmp_path))
    assert dom.one(id="score").attrs["data-status"] == "failed"
    assert [e.attrs["data-code"] for e in dom.find("error")] == ["encrypted"]
    assert dom.find("sig-label") == []


def test_html_pipeline_report_is_fully_highlighted(tmp_path: Path) -> None:
    import resume_signals

    resume = ("Alex Example\nalex@example.com\n\nEXPERIENCE\nSenior ML Engineer, Acme Corp\tJan 2018 – Present\n"
              "• Shipped a ranking model to production serving 3M daily users\n"
              "• Led a team of 5 engineers and owned the model's monitoring in Grafana\n"
              "• Rolled back a bad release within 10 minutes using a canary rollout\n\n"
              "SKILLS\nKubernetes, Docker, Airflow, MLflow model registry\n").encode()
    report = resume_signals.score(resume, as_of="2026-11-01")
    assert report.status == "ok" and len(report.signals) >= 4
    jsonschema.validate(json.loads(report.to_json()), load_schema())
    dom = Dom(dump_dom(render_html(report), tmp_path))
    _check_highlights(report, dom)
    assert float(dom.one(id="score").attrs["data-score"]) == report.score
    assert [e.attrs["data-flag"] for e in dom.elements if "data-flag" in e.attrs] == [f.name for f in report.flags]
    assert {e.attrs["data-contribution"] for e in dom.elements if "data-contribution" in e.attrs} == {
        c.name for c in report.contributions}


@pytest.mark.parametrize(("spans", "slots"), [
    ([], []),
    ([(0, 5)], [0]),
    ([(0, 5), (5, 9)], [0, 0]),            # adjacent spans do not overlap
    ([(0, 10), (2, 4), (3, 8)], [0, 1, 2]),
    ([(0, 4), (0, 4)], [0, 1]),            # identical spans
    ([(5, 9), (0, 20)], [1, 0]),           # the longer, earlier span gets the lower slot
])
def test_html_assign_slots_never_shares_a_slot_between_overlaps(spans: list[tuple[int, int]],
                                                                slots: list[int]) -> None:
    assert assign_slots(spans) == slots


def test_html_render_text_clamps_offsets_outside_the_text() -> None:
    bad = Signal(name="shipped", text="x", match="x", start=5, end=99, section="other", rule="r")
    empty = Signal(name="shipped", text="x", match="", start=50, end=60, section="other", rule="r")
    out = render_text("abcdefgh", [bad, empty])
    assert out.count('class="sig-label') == 1 and 'data-end="8"' in out


def test_html_attribute_values_are_quoted_and_escaped() -> None:
    sig = Signal(name='x" onmouseover="alert(1)', text='"><script>', match="ab", start=0, end=2,
                 section="other", rule="r\"'")
    out = render_text("ab", [sig])
    assert 'onmouseover="' not in out and "<script>" not in out


@pytest.mark.parametrize("name", ["shipped", "monitoring", "custom_signal_from_a_pack"])
def test_html_signal_colors_are_stable_hex(name: str) -> None:
    color = signal_color(name)
    assert color == signal_color(name) and color.startswith("#") and len(color) == 7


def test_html_page_is_standalone_and_forbids_scripts() -> None:
    page = render_html(_hand_report())
    assert "script-src 'none'" in page and "http://" not in page and "https://" not in page


def test_html_missing_chromium_fails_loudly(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(shutil, "which", lambda _name: None)
    monkeypatch.setattr(sys.modules[__name__], "CHROMIUM_PATHS", ("/nonexistent/chromium",))
    with pytest.raises(pytest.fail.Exception, match="apt-get install chromium"):
        _chromium()


def test_html_hidden_text_banner() -> None:
    """A resume that hides text gets a banner with the sample; a clean one does not."""
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "extract"))
    from pdf_builders import stuffed_pdf

    from resume_signals import score

    stuffed = render_html(score(stuffed_pdf("white_text"), as_of="2026-01-01"))
    clean = render_html(score(stuffed_pdf(None), as_of="2026-01-01"))
    assert 'id="hidden-text-banner"' in stuffed and "Shipped and deployed" in stuffed
    assert 'id="hidden-text-banner"' not in clean


def test_html_recruiter_view_name_jobs_questions_headings_stack_no_offsets(tmp_path: Path) -> None:
    import resume_signals

    resume = ("Robin Vale\nrobin@example.com\n\nEXPERIENCE\nSenior ML Engineer, Acme Corp\tJan 2018 – Dec 2023\n"
              "• Shipped a ranking model to production serving 3M daily users\n"
              "• Ran the service on Kubernetes and Docker\n\n"
              "SKILLS\nKubernetes, Airflow, Terraform\n").encode()
    report = resume_signals.score(resume, as_of="2026-11-01")
    dom = Dom(dump_dom(render_html(report), tmp_path))
    assert [e.content for e in dom.elements if e.tag == "h1"] == ["Robin Vale"]
    jobs = [e.content for e in dom.elements if "data-job" in e.attrs]
    assert len(jobs) == 1 and "Acme Corp" in jobs[0] and "6.0" in jobs[0]
    missing = {e.attrs["data-missing"] for e in dom.elements if "data-missing" in e.attrs}
    assert "monitoring" in missing and "shipped" not in missing
    assert any("listen for" in e.content for e in dom.find("listen"))
    heads = {e.attrs["data-kind"]: e.content for e in dom.find("sec-head")}
    assert heads == {"experience": "EXPERIENCE", "skills": "SKILLS"}
    stack_rows = [e for e in dom.elements if e.attrs.get("data-evidence") == "production_stack"]
    stack = [s for s in report.signals if s.name == "production_stack"]
    assert len(stack) >= 2 and len(stack_rows) == 1
    assert all(tool in stack_rows[0].content for s in stack for tool in s.value)
    assert dom.resume_text() == report.text
    shipped = next(s for s in report.signals if s.name == "shipped")
    visible = "".join(e.content for e in dom.elements if e.tag in {"table", "p", "ul", "h1", "h2"})
    assert f"{shipped.start}–{shipped.end}" not in visible and f"{shipped.start}-{shipped.end}" not in visible


def test_html_redacted_report_has_no_name() -> None:
    import resume_signals

    page = render_html(resume_signals.score(
        b"Robin Vale\nrobin@example.com\nEXPERIENCE\nEngineer, Acme (2019 - 2021)\n", redact=True))
    assert "Robin Vale" not in page
