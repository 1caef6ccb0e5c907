"""The recruiter's evidence view: one standalone HTML page per report.

A recruiter must be able to check every point of the score against the
resume itself, so the page puts the score (with each signal's contribution)
and the flags (with their reasons) at the top and then shows the resume's
canonical text with every signal highlighted in place and labelled by name.

Why a renderer of our own rather than displaCy's span style: signals carry
character offsets into a text with newlines and tabs, and displaCy renders
tokens joined by spaces, which would lose the layout and need a tokenizer
round trip. Here the text is cut at every signal boundary; each piece is
underlined once per signal covering it, in that signal's colour and in a
fixed vertical slot, so overlapping signals stay visible side by side (the
same idea as displaCy's span style). Each signal starts with a label chip that
carries ``data-signal``, ``data-start`` and ``data-end``: the page is
machine-checkable, which the browser test relies on.

The header reads like a recruiter's notes: the candidate's name (unless
redacted), the jobs with the years each added to seniority, score and flags,
the production signals not found with the question to ask about each (as
``screen`` prints them), then the evidence (production_stack rows folded into
one line of tools) and the text with its section headings marked. Character
offsets stay in ``data-`` attributes and the JSON, out of the reader's way.

A resume is untrusted input: every piece of text and every attribute value
goes through `html.escape`, and the page's Content-Security-Policy forbids
scripts outright, so even a missed escape could not run code.

>>> from resume_signals.report import Report, Signal, Source
>>> src = Source(name="cv.txt", path=None, format="txt", sha256="0", bytes=9)
>>> sig = Signal(name="shipped", text="Shipped it", match="Shipped", start=0, end=7, section="experience", rule="r1")
>>> page = render_html(Report(source=src, text="Shipped it", signals=(sig,), score=9.0))
>>> 'data-signal="shipped" data-ml="false" data-start="0" data-end="7"' in page
True
"""

from __future__ import annotations

import hashlib
import html
import json
from collections import Counter
from collections.abc import Iterable, Sequence

from ..report import Report, Section, Signal, json_safe
from ..spec.vocab import SIGNALS
from .json_resume import contact

#: Colours given to the vocabulary's signals in its order; other names (user rule packs, or signals beyond
#: the palette) get one from FALLBACK.
PALETTE = ("#d62728", "#ff7f0e", "#1f77b4", "#9467bd", "#2ca02c", "#17becf", "#e377c2", "#8c564b", "#7f7f7f",
           "#bcbd22", "#393b79", "#637939", "#843c39")
COLORS: dict[str, str] = dict(zip(SIGNALS, PALETTE, strict=False))
FALLBACK = ("#5254a3", "#8ca252", "#bd9e39", "#ad494a", "#a55194", "#6b6ecf", "#3182bd", "#e6550d")

#: The signal whose evidence rows fold into one line of tools.
STACK = "production_stack"

#: Pixels between two stacked underlines.
_STEP = 3

_CSS = """
.rs-report { font-family: system-ui, -apple-system, "Segoe UI", sans-serif; margin: 2rem auto; max-width: 60rem;
             color: #222; padding: 0 1rem; }
.rs-report h1 { font-size: 1.4rem; margin-bottom: .2rem; }
.rs-report h2 { font-size: 1.1rem; margin-top: 1.6rem; border-bottom: 1px solid #ddd; }
.rs-report .score { font-size: 1.1rem; }
.rs-report .score strong { font-size: 1.8rem; }
.rs-report .status-failed { color: #b00020; }
.rs-report table { border-collapse: collapse; font-size: .9rem; }
.rs-report td, .rs-report th { padding: .15rem .6rem; border-bottom: 1px solid #eee; text-align: left;
                               vertical-align: top; }
.rs-report td.num { text-align: right; font-variant-numeric: tabular-nums; }
.rs-report .flag { margin: .3rem 0; }
.rs-report .banner { background: #fdecea; border: 1px solid #b00020; padding: .5rem .8rem; border-radius: 4px; }
.rs-report .flag-name { font-weight: 600; color: #b00020; }
.rs-report details pre { font-size: .8rem; white-space: pre-wrap; background: #f7f7f7; padding: .4rem; }
.rs-report .legend span.chip { display: inline-block; margin: .1rem .3rem .1rem 0; }
.rs-report .resume { white-space: pre-wrap; tab-size: 6; font-family: ui-monospace, "DejaVu Sans Mono", monospace;
                     font-size: .85rem; line-height: 2.1; background: #fff; border: 1px solid #ddd; padding: 1rem; }
.rs-report .hl { box-decoration-break: clone; -webkit-box-decoration-break: clone; border-radius: 2px; }
.rs-report .sig-label, .rs-report .chip { font-family: system-ui, sans-serif; font-size: .65rem; color: #fff;
                                          border-radius: 3px; padding: 0 .25rem; margin-right: .15rem;
                                          vertical-align: super; white-space: nowrap; }
.rs-report .sig-label.other { opacity: .6; }
.rs-report .muted { color: #777; }
.rs-report .file { color: #555; margin-top: 0; }
.rs-report .sec-head { font-weight: 700; background: #eef2f7; border-left: 3px solid #4a6a8a;
                       padding: 0 .3rem; }
.rs-report .sec-head::after { content: " · " attr(data-kind); font-weight: 400; color: #4a6a8a;
                              font-family: system-ui, sans-serif; font-size: .7rem; }
.rs-report .ask { margin: .2rem 0 .6rem 0; }
.rs-report .listen { color: #555; font-size: .9rem; }
"""


def signal_color(name: str) -> str:
    """The colour of a signal: fixed for known names, stable (hash-based) for others."""
    if name in COLORS:
        return COLORS[name]
    digest = hashlib.sha256(name.encode("utf-8")).digest()
    return FALLBACK[digest[0] % len(FALLBACK)]


def _e(value: object) -> str:
    """Escape anything for use as element text or a quoted attribute value."""
    return html.escape("" if value is None else str(value), quote=True)


def _tint(color: str, alpha: float = 0.16) -> str:
    r, g, b = (int(color[i:i + 2], 16) for i in (1, 3, 5))
    return f"rgba({r},{g},{b},{alpha})"


def assign_slots(spans: Sequence[tuple[int, int]]) -> list[int]:
    """A vertical slot per span so that overlapping spans never share one (greedy interval colouring).

    >>> assign_slots([(0, 10), (5, 15), (12, 20)])
    [0, 1, 0]
    """
    order = sorted(range(len(spans)), key=lambda i: (spans[i][0], -(spans[i][1] - spans[i][0]), i))
    slots = [0] * len(spans)
    placed: list[int] = []
    for i in order:
        start, end = spans[i]
        busy = {slots[j] for j in placed if spans[j][0] < end and start < spans[j][1]}
        slot = 0
        while slot in busy:
            slot += 1
        slots[i] = slot
        placed.append(i)
    return slots


def _clamped(signals: Iterable[Signal], size: int) -> list[tuple[int, Signal, int, int]]:
    """(index, signal, start, end) with offsets clamped into the text; empty spans dropped."""
    out = []
    for i, s in enumerate(signals):
        start, end = max(0, min(s.start, size)), max(0, min(s.end, size))
        if end > start:
            out.append((i, s, start, end))
    return out


def heading_spans(text: str, sections: Iterable[Section]) -> list[tuple[int, int, str]]:
    """(start, end, kind) of every section heading as written in ``text`` (looked for on its first line).

    >>> heading_spans("Ann\\nSKILLS\\nGo", [Section("skills", "SKILLS", 4, 13)])
    [(4, 10, 'skills')]
    """
    out = []
    for sec in sections:
        if sec.heading:
            line_end = text.find("\n", sec.start, sec.end)
            at = text.find(sec.heading, sec.start, sec.end if line_end < 0 else line_end)
            if at >= 0:
                out.append((at, at + len(sec.heading), sec.kind))
    return out


def render_text(text: str, signals: Sequence[Signal], headings: Sequence[tuple[int, int, str]] = ()) -> str:
    """The resume text as HTML with every signal underlined and labelled.

    The text is cut at every signal boundary. A piece covered by signals is a
    ``<span class="hl">`` whose ``data-sigs`` lists the ids of those signals;
    each signal's first piece is preceded by its label chip
    (``<span class="sig-label" id="sig-N" data-signal=... data-ml=... data-start=... data-end=...>``;
    class ``other`` when the evidence is not about an ML system, drawn paler).

    >>> from resume_signals.report import Signal
    >>> s = Signal(name="monitoring", text="x", match="<b>", start=3, end=6, section="experience", rule="r")
    >>> render_text("ab <b> c", [s]).count("&lt;b&gt;")
    1
    """
    spans = _clamped(signals, len(text))
    slots = assign_slots([(a, b) for _, _, a, b in spans])
    cuts = sorted({0, len(text)} | {a for _, _, a, _ in spans} | {b for _, _, _, b in spans}
                  | {x for a, b, _ in headings for x in (a, b) if 0 <= x <= len(text)})
    starts: dict[int, list[int]] = {}
    for k, (_, _, a, _) in enumerate(spans):
        starts.setdefault(a, []).append(k)
    out: list[str] = []
    for lo, hi in zip(cuts, cuts[1:], strict=False):
        for k in sorted(starts.get(lo, []), key=lambda k: slots[k]):
            i, s, a, b = spans[k]
            title = f"{s.name} ({s.section}, rule {s.rule})"
            if s.value is not None:
                title += f" value={', '.join(s.value) if isinstance(s.value, tuple) else s.value}"
            if not s.ml:
                title += " [not about an ML system: counts for less]"
            title += f": {s.text}"
            out.append(
                f'<span class="sig-label{"" if s.ml else " other"}" id="sig-{i}" data-signal="{_e(s.name)}" '
                f'data-ml="{str(s.ml).lower()}" data-start="{a}" '
                f'data-end="{b}" data-section="{_e(s.section)}" data-rule="{_e(s.rule)}" '
                f'data-slot="{slots[k]}" style="background:{signal_color(s.name)}" title="{_e(title)}">'
                f"{_e(s.name)}</span>")
        active = [k for k, (_, _, a, b) in enumerate(spans) if a <= lo and hi <= b]
        piece = _e(text[lo:hi])
        kind = next((k for a, b, k in headings if a <= lo and hi <= b), None)
        if kind is not None:
            piece = f'<span class="sec-head" data-kind="{_e(kind)}">{piece}</span>'
        if not active:
            out.append(piece)
            continue
        by_slot = {slots[k]: spans[k][1].name for k in active}
        shadows = [f"0 {_STEP * (n + 1)}px 0 0 {signal_color(by_slot[n]) if n in by_slot else '#fff'}"
                   for n in range(max(by_slot) + 1)]
        top = spans[min(active, key=lambda k: slots[k])][1].name
        ids = " ".join(f"sig-{spans[k][0]}" for k in sorted(active, key=lambda k: slots[k]))
        names = " ".join(spans[k][1].name for k in sorted(active, key=lambda k: slots[k]))
        out.append(f'<span class="hl" data-sigs="{_e(ids)}" data-names="{_e(names)}" data-seg-start="{lo}" '
                   f'data-seg-end="{hi}" style="background:{_tint(signal_color(top))};'
                   f'box-shadow:{", ".join(shadows)}">{piece}</span>')
    return "".join(out)


def _fmt(x: float | None) -> str:
    return "—" if x is None else f"{x:.1f}"


def _jobs(report: Report) -> list[str]:
    """The jobs seniority read, with the years each one added (or why it did not count)."""
    jobs = [e for e in report.seniority.evidence if "months" in e]
    if not jobs:
        return []
    out = ['<h2>Experience counted</h2>', '<table id="jobs"><tr><th>title</th><th>organisation</th><th>dates</th>'
           "<th>years</th></tr>"]
    for job in jobs:
        counted = job.get("counted", True)
        years = f"{float(job['months']) / 12:.1f}" if counted and job.get("months") is not None else "not counted"
        out.append(f'<tr data-job="{_e(job.get("title"))}"><td>{_e(job.get("title") or "")}</td>'
                   f'<td>{_e(job.get("organization") or "")}</td><td>{_e(job.get("dates") or "")}</td>'
                   f'<td class="num">{_e(years)}</td></tr>')
    out.append("</table>")
    return out


def _questions(report: Report) -> list[str]:
    """The production signals not found, each with the interview question ``screen`` would ask."""
    if report.status == "failed":
        return []
    from .screen import load_questions

    found = {s.name for s in report.signals}
    missing = [q for q in load_questions() if q.signal not in found]
    if not missing:
        return []
    out = ["<h2>Missing signals: what to ask</h2>", '<ul id="missing">']
    for q in missing:
        out.append(f'<li class="ask" data-missing="{_e(q.signal)}"><strong>{_e(q.signal)}</strong>: '
                   f'{_e(q.question)}<div class="listen">listen for: {_e(q.listen_for)}</div></li>')
    out.append("</ul>")
    return out


def _header(report: Report) -> list[str]:
    src = report.source
    sen = report.seniority
    years = f", {sen.years:.1f} years" if sen.years is not None else ""
    name = contact(report).get("name") if report.status != "failed" else None
    out = [f"<h1>{_e(name or src.name)}</h1>"]
    if name:
        out.append(f'<p class="file">{_e(src.name)}</p>')
    out += [
           f'<p class="score" id="score" data-score="{_e(report.score)}" data-status="{_e(report.status)}">'
           f"Score <strong>{_fmt(report.score)}</strong> / 100 · "
           f'<span class="status-{_e(report.status)}">status {_e(report.status)}</span> · '
           f'<span id="seniority" data-level="{_e(sen.level)}">seniority {_e(sen.level)}{years}</span> · '
           f'<span class="muted">{_e(src.format or "unknown format")}, sha256 {_e(src.sha256[:12])}</span></p>']
    hidden = next((f for f in report.flags if f.name == "hidden_text"), None)
    if hidden is not None:  # a trick to game screens: say so before anything else
        out.append(f'<p class="banner" id="hidden-text-banner" role="alert"><strong>Hidden text removed.</strong> '
                   f'{_e(hidden.reason)} Sample: <q>{_e(hidden.evidence.get("sample", ""))}</q></p>')
    if report.errors or report.warnings:
        out.append('<ul id="errors">')
        for kind, items in (("error", report.errors), ("warning", report.warnings)):
            for e in items:
                out.append(f'<li class="{kind}" data-code="{_e(e.code)}"><strong>{kind}</strong> '
                           f"<code>{_e(e.code)}</code> ({_e(e.stage)}): {_e(e.message)}</li>")
        out.append("</ul>")
    out.append("<h2>Score contributions</h2>")
    if report.contributions:
        out.append('<table id="contributions"><tr><th>signal</th><th>count</th><th>about ML</th><th>points</th></tr>')
        for c in report.contributions:
            out.append(f'<tr data-contribution="{_e(c.name)}"><td>{_e(c.name)}</td><td class="num">{c.count}</td>'
                       f'<td class="num">{c.ml}</td><td class="num">{c.points:+.1f}</td></tr>')
        out.append("</table>")
    else:
        out.append('<p id="contributions" class="muted">No contributions.</p>')
    out.append("<h2>Flags</h2>")
    if report.flags:
        out.append('<ul id="flags">')
        for f in report.flags:
            evidence = json.dumps(f.evidence, ensure_ascii=False, indent=1, default=str)
            out.append(f'<li class="flag" data-flag="{_e(f.name)}"><span class="flag-name">{_e(f.name)}</span>: '
                       f"{_e(f.reason)}<details><summary>evidence</summary><pre>{_e(evidence)}</pre></details></li>")
        out.append("</ul>")
    else:
        out.append('<p id="flags" class="muted">No flags raised.</p>')
    return out + _jobs(report) + _questions(report)


def _evidence_table(report: Report) -> list[str]:
    if not report.signals:
        return []
    counts = Counter(s.name for s in report.signals)
    out = ["<h2>Evidence</h2>", '<p class="legend">' + "".join(
        f'<span class="chip" style="background:{signal_color(n)}">{_e(n)} × {c}</span>' for n, c in counts.items()
    ) + "</p>"]
    out.append('<table id="evidence"><tr><th>signal</th><th>match</th><th>section</th><th>value</th></tr>')
    for i, s in enumerate(report.signals):
        if s.name == STACK:
            continue
        out.append(f'<tr data-evidence="{_e(s.name)}"><td><a href="#sig-{i}">{_e(s.name)}</a></td>'
                   f"<td>{_e(s.match)}</td><td>{_e(s.section)}</td><td>{_e('' if s.value is None else s.value)}</td>"
                   "</tr>")
    stack = report.tools()
    if stack:
        first = next(i for i, s in enumerate(report.signals) if s.name == STACK)
        out.append(f'<tr data-evidence="{STACK}"><td><a href="#sig-{first}">{STACK}</a></td>'
                   f'<td colspan="3">{_e(", ".join(stack))}</td></tr>')
    out.append("</table>")
    return out


def render_html(report: Report) -> str:
    """A standalone, script-free HTML page for one report (UTF-8, no external resources)."""
    body = _header(report)
    body += _evidence_table(report)
    body.append("<h2>Resume text</h2>")
    if report.text:
        marked = render_text(report.text, report.signals, heading_spans(report.text, report.sections))
        body.append(f'<div id="resume-text" class="resume">{marked}</div>')
    else:
        body.append('<p id="resume-text" class="muted">No text (the document could not be read).</p>')
    csp = "default-src 'none'; style-src 'unsafe-inline'; img-src 'none'; script-src 'none'"
    # json_safe: a file name that is not UTF-8 (in the title, the heading, an error message) is shown escaped.
    return json_safe("<!DOCTYPE html>\n"
                     '<html lang="en"><head><meta charset="utf-8">'
                     f'<meta http-equiv="Content-Security-Policy" content="{csp}">'
                     '<meta name="viewport" content="width=device-width, initial-scale=1">'
                     f'<meta name="generator" content="resume_signals">'
                     f"<title>resume_signals: {_e(report.source.name)}</title><style>{_CSS}</style></head>\n"
                     '<body>\n<div class="rs-report">\n' + "\n".join(body) + "\n</div>\n</body></html>\n")
