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
import re
from collections.abc import Iterable
from typing import cast

from spacy.lang.en import English, EnglishDefaults
from spacy.language import Language
from spacy.tokenizer import Tokenizer
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


_RUNS = re.compile(r"\S+|\s+")


class ChunkTokenizer:
    """``nlp.make_doc(text)`` with the same tokens, remembering each whitespace-separated chunk's split.

    spaCy's tokenizer splits the text at whitespace, then each chunk by its
    prefix, suffix, infix and special-case rules. spaCy caches chunks too, but
    stops caching for the rest of a document after its first special-case hit
    ("e.g.", "Jan."), so most chunks of a resume were split again every time.
    This memo does not stop; the Doc is built from the words and their
    trailing spaces, which rebuilds the same text, tokens and lexemes (only
    lexeme attributes are matched, never token-level ones such as a special
    case's NORM).

    A chunk's tokens depend on the chunk alone but for one step: spaCy also
    matches the special cases that hold punctuation (":)", "a.m.") over the
    whole token sequence, and a match across a space, though never applied,
    can hide an overlapping one inside a chunk. A text where that could
    happen (a special case split over one space next to a chunk holding a
    special case) is tokenised whole, as before.
    """

    def __init__(self, nlp: Language, max_chunks: int = 200_000) -> None:
        self.vocab = nlp.vocab
        self.tokenizer = tk = cast(Tokenizer, nlp.tokenizer)  # ResumeEnglish's: spaCy's rule tokenizer
        self.max_chunks = max_chunks  # bounded: a long batch meets new words forever
        self.memo: dict[str, tuple[str, ...]] = {}
        # the special cases spaCy matches over tokens (Tokenizer.add_special_case), split at each character
        keys = [k for k in tk.rules if not tk.faster_heuristics or " " in k
                or tk.find_prefix(k) or tk.find_infix(k) or tk.find_suffix(k)]
        self.splits: dict[tuple[str, str], list[tuple[str, str]]] = {}
        for k in keys:
            for p in range(1, len(k)):
                self.splits.setdefault((k[p - 1], k[p]), []).append((k[:p], k[p:]))
        # a one-character special case is one token either way: hiding it changes nothing. Longest first in a
        # lookahead: every position reports the longest case starting there, which covers the shorter ones.
        longer = sorted((k for k in keys if len(k) > 1), key=len, reverse=True)
        self.keys = re.compile(f"(?=({'|'.join(map(re.escape, longer))}))") if longer else None

    def __call__(self, text: str) -> Doc:
        words: list[str] = []
        spaced: list[int] = []  # the words followed by a space
        memo, splits = self.memo, self.splits
        runs = _RUNS.findall(text)
        seams: list[int] = []  # runs after a single space whose edge characters could hold a split special case
        for i, run in enumerate(runs):
            if run[0] == " " and words:  # as spaCy: one space after a token is its trailing space
                spaced.append(len(words) - 1)
                if run == " ":
                    if i + 1 < len(runs) and (runs[i - 1][-1], runs[i + 1][0]) in splits:
                        seams.append(i + 1)
                    continue
                run = run[1:]
            got = memo.get(run)
            if got is None:
                if len(memo) >= self.max_chunks:
                    memo.clear()
                got = memo[run] = tuple(t.text for t in self.tokenizer(run))
            words += got
        if any(self._hides_special(runs, i) for i in seams):
            return self.tokenizer(text)
        spaces = [False] * len(words)
        for k in spaced:
            spaces[k] = True
        return Doc(self.vocab, words=words, spaces=spaces)

    def _hides_special(self, runs: list[str], i: int) -> bool:
        """Whether a special case split over the space before ``runs[i]`` could hide one inside a chunk.

        The split one must start and end at token edges; spaCy's first pass can cut a chunk only where
        the final tokens do, or inside a special case (which the overlap test then finds anyway).
        """
        a = runs[i - 2]
        if self.keys is None:
            return False
        for head, tail in self.splits[(a[-1], runs[i][0])]:
            if not a.endswith(head):
                continue
            found = self._split_end(runs, i, tail)
            if found is None:
                continue
            last, rest = found
            seen = " ".join(runs[i - 2:last + 1])
            start, end = len(a) - len(head), len(seen) - len(runs[last]) + rest
            keys = [(m.start(), m.end(1)) for m in self.keys.finditer(seen)]
            if not self._edge(a, start, keys, 0) or not self._edge(runs[last], rest, keys, end - rest):
                continue  # "with a" could start "havin'" only if "a" were a whole token
            if any(ks < end and start < ke for ks, ke in keys):
                return True  # a special case inside a chunk overlaps the split one
        return False

    def _edge(self, chunk: str, at: int, keys: list[tuple[int, int]], offset: int) -> bool:
        """Whether spaCy's first pass could cut ``chunk`` at ``at``: its final tokens do, or a special case spans it."""
        if at in (0, len(chunk)):
            return True
        pos = 0
        toks = self.memo.get(chunk)
        if toks is None:
            return True  # not remembered (the memo was just cleared): assume it could
        for tok in toks:
            pos += len(tok)
            if pos == at:
                return True
        return any(ks < offset + at < ke for ks, ke in keys)

    @staticmethod
    def _split_end(runs: list[str], i: int, rest: str) -> tuple[int, int] | None:
        """Where ``rest`` of a special case ends, going on from ``runs[i]`` over single spaces: (run, length)."""
        while True:
            b = runs[i]
            if b.startswith(rest):
                return i, len(rest)
            if not rest.startswith(b) or i + 2 >= len(runs) or runs[i + 1] != " ":
                return None
            rest, i = rest[len(b):], i + 2


@functools.lru_cache(maxsize=4)
def build_nlp(abbreviations: tuple[str, ...] = ()) -> Language:
    """A shared pipeline for exploring units interactively (cached per abbreviation set)."""
    return new_nlp(abbreviations)
