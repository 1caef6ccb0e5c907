"""The spaCy pipeline: ``spacy.blank("en")`` plus rule components, never a downloaded model.

Detection needs only tokens (for the Matcher and PhraseMatcher) and unit
boundaries (bullets and sentences that respect the extracted lines), so the
pipeline is the blank English tokenizer and one rule component,
``resume_units``, which marks sentence starts from the canonical text's line
structure: every line starts a sentence, a bullet line ("• ...") is one
sentence however many full stops it holds, and other lines are split after a
full stop followed by a capitalised word (unless the stop ends a known
abbreviation). Two bullets never merge and a line never merges with a heading.

The Detector does not call the full pipeline per document (it tokenises with
``make_doc`` and computes units from ``Document.lines``, which is faster); the
component is here so that ``build_nlp()(text).sents`` gives the same units to
anyone exploring the rules interactively.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

BULLET = "•"
_ENDERS = {".", "!", "?"}


@Language.factory("resume_units", default_config={"abbreviations": []})
def _make_units(nlp: Language, name: str, abbreviations: list[str]) -> ResumeUnits:
    return ResumeUnits(abbreviations)


class ResumeUnits:
    """Sets ``is_sent_start`` from line breaks, bullets and sentence-final stops."""

    def __init__(self, abbreviations: Iterable[str] = ()) -> None:
        self.abbreviations = {a.lower() for a in abbreviations}

    def __call__(self, doc: Doc) -> Doc:
        line_start = True
        bullet = False
        prev_ender = False
        for tok in doc:
            text = tok.text
            if "\n" in text:  # the newline joining two lines belongs to neither
                tok.is_sent_start = line_start
                line_start, prev_ender = True, False
                continue
            if line_start:
                tok.is_sent_start = True
                bullet = text == BULLET
                line_start = False
            else:
                tok.is_sent_start = (prev_ender and not bullet and (text[:1].isupper() or text[:1].isdigit()))
            prev_ender = text in _ENDERS and tok.i > 0 and doc[tok.i - 1].text.lower() + text not in self.abbreviations
        return doc


def new_nlp(abbreviations: tuple[str, ...] = ()) -> Language:
    """A new blank English pipeline with the ``resume_units`` component.

    Each Detector builds its own: it adds lexeme flags to the vocab for its
    word sets, and two rule sets must not see each other's flags.
    """
    import spacy

    nlp = spacy.blank("en")
    # spaCy stops caching a document's tokenisation after its first special-case hit (the
    # newline and possessive "'s" are special cases), which made tokenising ~100x slower.
    # The suffix rules still split "'s"; the Detector tokenises with newlines and tabs as spaces.
    tokenizer: Any = nlp.tokenizer
    tokenizer.rules = {k: v for k, v in tokenizer.rules.items() if k.strip() and not k.lower().endswith(("'s", "’s"))}
    nlp.add_pipe("resume_units", config={"abbreviations": list(abbreviations)})
    return nlp


@functools.lru_cache(maxsize=4)
def build_nlp(abbreviations: tuple[str, ...] = ()) -> Language:
    """A shared pipeline for exploring units interactively (cached per abbreviation set)."""
    return new_nlp(abbreviations)
