"""Word tables for entries (job-title words, organisation cues, places), read from data/entries.toml.

Both the heading finder (a bold "Project Manager" line is a job title, not a
"Projects" heading) and the entry splitter need them, so they live here once.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..spec.data import data_toml
from ..spec.specs import EntryTables, entry_tables
from ..text.tense import regular_past

_WORD = re.compile(r"[a-z0-9][a-z0-9.\-']*[a-z0-9]|[a-z0-9]")


def words(text: str) -> list[str]:
    """Lower-case word tokens, keeping inner dots, dashes and apostrophes ("co-founder", "s.a.")."""
    return _WORD.findall(text.lower().replace("’", "'"))


@dataclass(frozen=True)
class EntryLexicon:
    """Title words, organisation words (anywhere / as last word) and place words."""

    title_words: frozenset[str]
    title_phrases: tuple[tuple[str, ...], ...]
    org_anywhere: frozenset[str]
    org_suffixes: frozenset[str]
    places: frozenset[str]
    place_phrases: tuple[tuple[str, ...], ...]
    verbs: frozenset[str] = frozenset()

    def is_description(self, text: str) -> bool:
        """A line of work description ("Developed a model for ...") rather than a header."""
        toks = text.split()
        if len(toks) < 3:
            return False
        first = toks[0].strip("•-–*,.:;()").lower()
        if first in self.verbs:
            return True
        # "Developed ..." is a description; "Applied Scientist", "Registered Nurse" are titles.
        return regular_past(first, min_len=5) and toks[0][:1].isupper() and not self.title_score(
            " ".join(toks[:4]))

    def title_score(self, text: str) -> int:
        """2 when the head word (the last) is a job-title word, 1 when another word is, else 0."""
        toks = [t for t in words(_drop_brackets(text)) if not _ROMAN.fullmatch(t)]
        if not toks:
            return 0
        if toks[-1] in self.title_words or _ends_with_phrase(toks, self.title_phrases):
            return 2
        if any(t in self.title_words for t in toks) or _has_phrase(toks, self.title_phrases):
            return 1
        return 0

    def org_score(self, text: str) -> int:
        """2 for an organisation suffix or marker word, 1 for an ampersand name ("Ashby & Crane"), else 0."""
        toks = words(_drop_brackets(text))
        if not toks:
            return 0
        if toks[-1] in self.org_suffixes or any(t in self.org_anywhere for t in toks):
            return 2
        if "&" in text and not any(t in self.title_words for t in toks):
            return 1
        return 0

    def is_place(self, text: str) -> bool:
        """A location such as "Remote", "Berlin, Germany" or "Austin, TX"."""
        part = text.strip().strip("()").strip()
        if not part:
            return False
        if _CITY_STATE.fullmatch(part) or _CODE.fullmatch(part):
            return True
        toks = words(part)
        if not toks:
            return False
        if all(t in self.places for t in toks) or _has_phrase(toks, self.place_phrases) and len(toks) <= 3:
            return True
        return False


_ROMAN = re.compile(r"i{1,3}|iv|v|vi{1,3}")
_CODE = re.compile(r"[A-Z]{2}")  # a state or country code: "TX", "ON", "DE"
_CITY_STATE = re.compile(r"[A-Z][a-zA-Z.\- ]{1,30},\s*[A-Z]{2}")
_BRACKETS = re.compile(r"\([^)]*\)|\[[^\]]*\]")


def _drop_brackets(text: str) -> str:
    return _BRACKETS.sub(" ", text)


def _has_phrase(toks: list[str], phrases: tuple[tuple[str, ...], ...]) -> bool:
    """Whether some phrase is a run of ``toks``: the line's runs of each phrase length, built once, against all."""
    runs = {tuple(toks[i:i + n]) for n in {len(ph) for ph in phrases} for i in range(len(toks) - n + 1)}
    return not runs.isdisjoint(phrases)


def _ends_with_phrase(toks: list[str], phrases: tuple[tuple[str, ...], ...]) -> bool:
    return any(len(toks) >= len(ph) and tuple(toks[-len(ph):]) == ph for ph in phrases)


def entry_lexicon(tables: EntryTables | None = None) -> EntryLexicon:
    """The entry lexicon of a rule set's entry tables (the bundled ``entries.toml`` when None)."""
    return _compile(tables or entry_tables(data_toml("entries.toml")))


@lru_cache(maxsize=8)
def _compile(raw: EntryTables) -> EntryLexicon:
    """Compiled once per distinct table (the tables are frozen and hashable)."""
    title = [w.lower() for w in raw.titles]
    places = [w.lower() for w in raw.places]
    return EntryLexicon(
        title_words=frozenset(w for w in title if " " not in w),
        title_phrases=tuple(tuple(w.split()) for w in title if " " in w),
        org_anywhere=frozenset(w.lower() for w in raw.org_anywhere),
        org_suffixes=frozenset(w.lower() for w in raw.org_suffixes),
        places=frozenset(w for w in places if " " not in w),
        place_phrases=tuple(tuple(w.split()) for w in places if " " in w),
        verbs=frozenset(w.lower() for w in raw.verbs),
    )
