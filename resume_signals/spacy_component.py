"""The detectors inside a user's own spaCy pipeline: ``nlp.add_pipe("resume_signals")``.

spaCy users keep their own tokenizer and components and want the findings as spans. The component scores the
doc's text with the bundled rules (the same `Pipeline` as `resume_signals.score`) and puts every signal in
``doc.spans["resume_signals"]``: the label is the signal's name, and the rest of the signal is on span
extensions ``rs_rule``, ``rs_section``, ``rs_value``, ``rs_ml`` (about an ML system?) and ``rs_evidence`` (the
whole bullet). The report itself is on ``doc._.rs_report`` for the score, flags and seniority.

The factory is registered when this module is imported and through the ``spacy_factories`` entry point, so
``spacy.blank("en").add_pipe("resume_signals")`` works without importing resume_signals first.

>>> import spacy
>>> nlp = spacy.blank("en")
>>> _ = nlp.add_pipe("resume_signals", config={"as_of": "2026-01-01"})
>>> doc = nlp("EXPERIENCE\\nML Engineer, Acme (2019 - 2021)\\n- Shipped a ranking model")
>>> [(s.label_, s.text) for s in doc.spans["resume_signals"]]
[('shipped', 'Shipped')]
"""

from __future__ import annotations

from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span

from .pipeline import Pipeline, default_pipeline
from .report import Report

SPANS_KEY = "resume_signals"
_SPAN_ATTRS = ("rs_rule", "rs_section", "rs_value", "rs_ml", "rs_evidence")

for _attr in _SPAN_ATTRS:
    if not Span.has_extension(_attr):
        Span.set_extension(_attr, default=None)
if not Doc.has_extension("rs_report"):
    Doc.set_extension("rs_report", default=None)


class ResumeSignalsComponent:
    """Score ``doc.text`` and add each signal as a span; offsets map one to one when the text is unchanged
    by extraction, else each match is found in order in ``doc.text``."""

    def __init__(self, as_of: str | None = None, redact: bool = False) -> None:
        self.as_of = as_of
        self.pipeline = Pipeline(redact=True) if redact else default_pipeline()

    def __call__(self, doc: Doc) -> Doc:
        report = self.pipeline.score(doc.text.encode("utf-8"), as_of=self.as_of)
        doc._.rs_report = report
        doc.spans[SPANS_KEY] = list(self._spans(doc, report))
        return doc

    @staticmethod
    def _spans(doc: Doc, report: Report) -> Any:
        same = report.text == doc.text
        cursor = 0
        for s in report.signals:
            start = s.start if same else doc.text.find(s.match, cursor)
            if start < 0:
                continue
            cursor = start
            span = doc.char_span(start, start + len(s.match), label=s.name, alignment_mode="expand")
            if span is None:
                continue
            span._.rs_rule, span._.rs_section, span._.rs_value, span._.rs_evidence = s.rule, s.section, s.value, s.text
            span._.rs_ml = s.ml
            yield span


@Language.factory("resume_signals", default_config={"as_of": None, "redact": False})
def make_resume_signals(nlp: Language, name: str, as_of: str | None, redact: bool) -> ResumeSignalsComponent:
    """The ``resume_signals`` pipe: ``as_of`` pins "Present" (YYYY-MM-DD), ``redact`` drops contact details."""
    return ResumeSignalsComponent(as_of=as_of, redact=redact)
