"""The spaCy pipeline: ``spacy.blank("en")`` plus rule components, never a downloaded model.

Detection needs only tokens (for the Matcher and PhraseMatcher) and unit
boundaries (bullets and sentences that respect the extracted lines), so the
pipeline is the blank English tokenizer and one rule component,
``resume_units``, which marks sentence starts at the units of
`text.units.UnitSplitter`: every line starts a sentence, a bullet line
("• ...") is one sentence however many full stops it holds, and other lines
are split at tabs (columns) and after a full stop followed by a capitalised
word (unless the stop ends a known abbreviation).

The Detector does not call the full pipeline per document (it tokenises with
``make_doc`` and takes units from `UnitSplitter` directly, which is faster);
the component is here so that ``build_nlp()(text).sents`` gives the same units
to anyone exploring the rules interactively.
"""

from __future__ import annotations

import bisect
import functools
from collections.abc import Iterable

from spacy.lang.en import English, EnglishDefaults
from spacy.language import Language
from spacy.tokens import Doc

from .text.bullets import CANONICAL
from .text.units import UnitSplitter


@Language.factory("resume_units", default_config={"abbreviations": []})
def _make_units(nlp: Language, name: str, abbreviations: list[str]) -> ResumeUnits:
    return ResumeUnits(abbreviations)


class ResumeUnits:
    """Sets ``is_sent_start`` at the units of `text.units.UnitSplitter`, the one definition of a unit.

    A sentence opens at the first token of each line that holds a unit (so a
    bullet glyph belongs to its item) and at every later unit of that line;
    other tokens, newlines included, continue the sentence before them.
    """

    def __init__(self, abbreviations: Iterable[str] = ()) -> None:
        self.splitter = UnitSplitter(abbreviations)

    def __call__(self, doc: Doc) -> Doc:
        starts: list[int] = []
        pos = 0
        for line in doc.text.split("\n"):
            spans = self.splitter.line_spans(line, pos, line.startswith(CANONICAL))
            if spans:
                starts += [pos] + [s for s, _ in spans[1:]]
            pos += len(line) + 1
        idx = [tok.idx for tok in doc]
        opening = {0}
        for start in starts:
            j = bisect.bisect_right(idx, start) - 1
            if j < 0 or start >= idx[j] + len(doc[j]):
                j += 1
            while j < len(doc) and doc[j].is_space:
                j += 1
            opening.add(j)
        for tok in doc:
            tok.is_sent_start = tok.i in opening
        return doc


def _kept_exception(key: str) -> bool:
    return bool(key.strip()) and not key.lower().endswith(("'s", "’s"))


class _Defaults(EnglishDefaults):
    # spaCy stops caching a document's tokenisation after its first special-case hit (the newline and
    # possessive "'s" are special cases), which made tokenising ~100x slower. The suffix rules still split
    # "'s"; the Detector tokenises with newlines and tabs as spaces.
    tokenizer_exceptions = {k: v for k, v in EnglishDefaults.tokenizer_exceptions.items() if _kept_exception(k)}


class ResumeEnglish(English):
    """``spacy.blank("en")`` with the tokenizer exceptions above.

    They are filtered in the class's defaults rather than assigned to a built
    tokenizer, which would load the ~1,300 special cases a second time on
    every cold start.
    """

    Defaults = _Defaults


def new_nlp(abbreviations: tuple[str, ...] = ()) -> Language:
    """A new blank English pipeline with the ``resume_units`` component.

    Each Detector builds its own: it adds lexeme flags to the vocab for its
    word sets, and two rule sets must not see each other's flags.
    """
    nlp = ResumeEnglish()
    nlp.add_pipe("resume_units", config={"abbreviations": list(abbreviations)})
    return nlp


@functools.lru_cache(maxsize=4)
def build_nlp(abbreviations: tuple[str, ...] = ()) -> Language:
    """A shared pipeline for exploring units interactively (cached per abbreviation set)."""
    return new_nlp(abbreviations)
