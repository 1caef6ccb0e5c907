"""Document-level screening flags (see SIGNALS.md, "Flags").

Four flags about the career, each with a sentence a recruiter can read and the evidence
behind it (rules in data/flags.toml and data/architectures.toml):

``architecture_padding``
    Six or more distinct model architectures / algorithm families are named
    (anywhere but the contact and references sections) and at most a third
    of them appear *in context*: inside an experience or project bullet that
    also holds an act (a past-tense verb: a word ending in -ed or an
    irregular past form, both lists in the data) and a signal other than
    ``production_stack``. A bullet is the unit a signal was found in (its
    ``Signal.text``) or a bullet line of the document (with its wrapped
    continuation lines) inside an experience or projects section.
``missing_production_signals``
    Seniority is senior or staff_plus and none of the production acts
    (``production_signals`` in data/flags.toml, `spec.vocab.PRODUCTION_ACTS`)
    was found.
``competition_without_production``
    A competition was found and none of those acts was.
``no_ml_production``
    At least one of those acts was found, and none of them about a
    machine-learning system (every one's ``ml`` is false): production
    experience, but not with ML.

A rule pack extends the tables with word lists: ``[lexicons] architectures
= ["HydraNet"]`` adds architecture names (each its own family) and
``past_tense = ["spun"]`` adds irregular past forms (single words).

Architecture names that are also ordinary words or first names ("BERT" /
"Bert", "CLIP" / "clip") match only in their technical spelling, and e-mail
addresses and links are never read, so no flag depends on who the candidate is.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from fractions import Fraction
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from ..report import Flag
from ..spec.vocab import (
    COMPETITION_ONLY,
    HIDDEN_TEXT,
    MISSING_PRODUCTION,
    NO_ML_PRODUCTION,
    OBFUSCATED_TEXT,
    PADDING,
)
from ..text.tense import regular_past
from ..text.wraps import carries_on

if TYPE_CHECKING:
    from ..document import Document
    from ..report import Entry, Section, Seniority, Signal
    from ..spec.rules import RuleSet
    from ..spec.specs import Architecture, FlagTables


_CHUNK_STOP = frozenset("|,;()<>[]{}\"'")
_WORD = re.compile(r"[A-Za-z][A-Za-z'\u2019-]*")


@dataclass(frozen=True)
class _Rules:
    production: tuple[str, ...]
    min_distinct: int
    max_context: Fraction
    context_sections: frozenset[str]
    ignore_sections: frozenset[str]
    weak_signals: frozenset[str]
    not_past: frozenset[str]
    irregular: frozenset[str]
    arch_exact: Mapping[str, str]  # case-sensitive alias key -> family name
    arch_folded: Mapping[str, str]  # lower-cased alias key -> family name
    arch_max_tokens: int
    arch_prefixes: frozenset[str]  # lower-cased keys of the first k chunks of multi-word aliases
    arch_firsts: frozenset[str]  # lower-cased first chunk of every alias


_TOKEN = re.compile(r"[^\W_]+")
_JOINERS = frozenset(("", "-", " ", "\u2010", "\u2011"))
_VERSION = re.compile(r"[vV]?\d+[a-z]?$")


def _alias_key(alias: str) -> list[str]:
    """An alias as its alphanumeric chunks: "U-Net", "UNet" and "U Net" all give "UNet"."""
    return _TOKEN.findall(alias)


def _compile_architectures(families: tuple[Architecture, ...]
                           ) -> tuple[dict[str, str], dict[str, str], int, frozenset[str], frozenset[str]]:
    """Lookup tables from alias keys (chunks joined) to family names, and the longest alias in tokens.

    A dictionary lookup over the text's word n-grams is much faster than one
    regular expression with a hundred alternatives, and longest-first at each
    word makes "Mask R-CNN" win over "CNN".
    """
    exact: dict[str, str] = {}
    folded: dict[str, str] = {}
    prefixes: set[str] = set()
    firsts: set[str] = set()
    longest = 1
    for family in families:
        for alias in family.aliases:
            chunks = _alias_key(alias)
            if not chunks:
                continue
            longest = max(longest, len(chunks))
            firsts.add(chunks[0].lower())
            prefixes.update("".join(chunks[:k]).lower() for k in range(1, len(chunks)))
            joined = "".join(chunks)
            if family.case_sensitive:
                exact[joined] = family.name
            else:
                folded[joined.lower()] = family.name
    return exact, folded, longest, frozenset(prefixes), frozenset(firsts)


@lru_cache(maxsize=8)
def _compile(tables: FlagTables) -> _Rules:
    """The flag tables of a rule set compiled (cached by value: the tables are frozen and hashable)."""
    exact, folded, longest, prefixes, firsts = _compile_architectures(tables.architectures)
    return _Rules(production=tables.production_signals, min_distinct=tables.min_distinct,
                  max_context=Fraction(*tables.max_context), context_sections=tables.context_sections,
                  ignore_sections=tables.ignore_sections, weak_signals=tables.weak_signals,
                  not_past=tables.not_past, irregular=tables.irregular, arch_exact=exact, arch_folded=folded,
                  arch_max_tokens=longest, arch_prefixes=prefixes, arch_firsts=firsts)


def _rules_for(rules: RuleSet | None) -> _Rules:
    """The flag and architecture tables of the rule set (the bundled one when None), compiled."""
    from ..spec.rules import load_rules

    return _compile((rules or load_rules()).flags)


# ----------------------------------------------------------------- acts and units


def has_act(text: str, rules: RuleSet | None = None, *, _compiled: _Rules | None = None) -> bool:
    """Whether the text holds a past-tense verb (the simple rule the padding flag uses).

    >>> has_act("Fine-tuned BERT for support tickets"), has_act("Familiar with BERT and GPT")
    (True, False)
    """
    table = _compiled or _rules_for(rules)
    before = ""
    for m in _WORD.finditer(text):
        word = m.group(0).lower().replace("\u2019", "'")
        last = word.rsplit("-", 1)[-1]
        if word in table.irregular or last in table.irregular:
            return True
        # after an article an -ed word describes a noun ("in a featured Kaggle competition"): no act
        if (regular_past(last) and last not in table.not_past and word not in table.not_past
                and before not in _ARTICLES):
            return True
        before = word
    return False


#: Words after which an -ed word is an adjective of the noun that follows, not a verb.
_ARTICLES = frozenset({"a", "an", "the", "our", "their", "its", "my", "his", "her", "this", "that", "these", "those"})


def _in_sections(start: int, sections: list[Section], kinds: frozenset[str]) -> bool:
    return any(s.start <= start < s.end and s.kind in kinds for s in sections)


def _line_units(doc: Document, sections: list[Section], entries: list[Entry],
                kinds: frozenset[str]) -> list[tuple[int, int]]:
    """Bullet-like units of the context sections, built from the document's lines.

    A bullet line starts a unit; a following plain line that carries it on
    (no paragraph gap, not an entry's first line, and a wrap by
    `text.wraps.carries_on`) is added to it. Any other line is a unit of its
    own.
    """
    entry_starts = {e.start for e in entries}
    units: list[list[int]] = []
    prev_bullet = False
    for line in doc.lines:
        if not _in_sections(line.start, sections, kinds):
            prev_bullet = False
            continue
        continues = (prev_bullet and bool(units) and not line.bullet and line.start not in entry_starts
                     and line.gap_before < 1.0 and carries_on(doc.text[units[-1][0]:units[-1][1]], line.text))
        if continues:
            units[-1][1] = line.end
        else:
            units.append([line.start, line.end])
            prev_bullet = line.bullet
    return [(s, e) for s, e in units]


def _signal_unit(doc: Document, sig: Signal) -> tuple[int, int] | None:
    """Where the signal's evidence text sits in the document, if it is there verbatim."""
    if not sig.text:
        return None
    pos = doc.text.find(sig.text, max(0, sig.end - len(sig.text)))
    while 0 <= pos <= sig.start:
        if pos + len(sig.text) >= sig.end:
            return pos, pos + len(sig.text)
        pos = doc.text.find(sig.text, pos + 1)
    return None


def _context_units(doc: Document, sections: list[Section], entries: list[Entry], signals: list[Signal],
                   table: _Rules) -> list[tuple[int, int]]:
    """Units in experience / projects that hold an act and a signal other than the weak ones."""
    strong = [s for s in signals if s.name not in table.weak_signals and s.section in table.context_sections]
    if not strong:
        return []
    candidates = set(_line_units(doc, sections, entries, table.context_sections))
    for sig in strong:
        unit = _signal_unit(doc, sig)
        if unit is not None:
            candidates.add(unit)
    good = []
    for start, end in sorted(candidates):
        if not any(start <= s.start and s.end <= end for s in strong):
            continue
        if has_act(doc.text[start:end], _compiled=table):
            good.append((start, end))
    return good


def _lookup(key: str, table: _Rules) -> str | None:
    """The family an n-gram names, allowing a version suffix ("ResNet50", "YOLOv8") and a plural."""
    name = table.arch_exact.get(key) or table.arch_folded.get(key.lower())
    if name is not None or len(key) < 2:
        return name
    if key[-1] in "sS":
        name = table.arch_exact.get(key[:-1]) or table.arch_folded.get(key[:-1].lower())
        if name is not None:
            return name
    if key[-1].isdigit() or key[-2].isdigit():
        stripped = _VERSION.sub("", key)
        if stripped and stripped != key:
            return table.arch_exact.get(stripped) or table.arch_folded.get(stripped.lower())
    return None




def _link_spans(text: str) -> list[tuple[int, int]]:
    """E-mail addresses and links ("x@y.org", "https://...", "github.com/x"): names there are not claims.

    Found from each "@" and "/" outwards to the surrounding whitespace, which
    is linear in the text; "CNN/RNN" or "A/B" have no domain and stay text.
    """
    spans: list[tuple[int, int]] = []
    for mark in ("@", "/"):
        pos = text.find(mark)
        while pos != -1:
            a = pos
            while a > 0 and not text[a - 1].isspace() and text[a - 1] not in _CHUNK_STOP:
                a -= 1
            b = pos
            while b < len(text) and not text[b].isspace() and text[b] not in _CHUNK_STOP:
                b += 1
            if mark == "@":
                is_link = "." in text[pos:b] and a < pos
            else:
                is_link = text[a:b].lower().startswith(("http", "www.")) or "." in text[a:pos]
            if is_link:
                spans.append((a, b))
            pos = text.find(mark, max(b, pos + 1))
    return spans


def _opens(word: str, firsts: frozenset[str]) -> bool:
    """Whether a lower-cased word can open an alias: as written, plural, or with a version suffix."""
    if word in firsts or (word[-1] == "s" and word[:-1] in firsts):
        return True
    return (word[-1].isdigit() or (len(word) > 1 and word[-2].isdigit())) and _VERSION.sub("", word) in firsts


def _word_starts(text: str, firsts: frozenset[str]) -> list[int]:
    """Offsets of the words that can open an alias.

    The distinct words of the resume (a C-speed ``findall``) are checked
    against the alias openings first; only the few that qualify are then
    located. Most resumes name few architectures, so this keeps the flag cheap.
    """
    low = text.lower()
    if len(low) != len(text):  # a character whose lower case is longer ("İ"): keep offsets aligned
        low = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
    openers = [w for w in set(_TOKEN.findall(low)) if _opens(w, firsts)]
    starts: list[int] = []
    for word in openers:
        pos = low.find(word)
        while pos != -1:
            end = pos + len(word)
            if (pos == 0 or not low[pos - 1].isalnum()) and (end == len(low) or not low[end].isalnum()):
                starts.append(pos)
            pos = low.find(word, end)
    return sorted(starts)


def find_architectures(doc: Document, sections: list[Section],
                       rules: RuleSet | None = None) -> list[dict[str, Any]]:
    """Every architecture mention outside contact / references and outside e-mails and links.

    Words are joined into n-grams only across a single space or hyphen, so
    "ResNet, VGG" is two mentions and "Mask R-CNN" one; an n-gram grows only
    while it is the start of some alias, and the longest alias wins. A
    version token right after a match ("GPT-4", "Llama 3") is kept in the match.
    """
    table = _rules_for(rules)
    if not table.arch_exact and not table.arch_folded:
        return []
    text = doc.text
    skip = [(s.start, s.end) for s in sections if s.kind in table.ignore_sections]
    links: list[tuple[int, int]] | None = None  # found on the first hit only: most words are no hit
    found = []
    consumed = 0  # text before this offset belongs to an earlier match
    for pos in _word_starts(text, table.arch_firsts):
        if pos < consumed:
            continue
        words: list[re.Match[str]] = []
        m = _TOKEN.match(text, pos)
        hit: tuple[int, str] | None = None
        key = ""
        while m is not None and len(words) < table.arch_max_tokens:
            words.append(m)
            key += m.group(0)
            name = _lookup(key, table)
            if name is not None:
                hit = (len(words), name)
            if key.lower() not in table.arch_prefixes:
                break
            m = _next_joined(text, m)
        if hit is None:
            continue
        n, name = hit
        start, end = pos, words[n - 1].end()
        version = _next_joined(text, words[n - 1])
        if version is not None and _VERSION.fullmatch(version.group(0)):
            end = version.end()
        consumed = end
        if links is None:
            links = _link_spans(text)
        if any(a < end and start < b for a, b in skip) or any(a < end and start < b for a, b in links):
            continue
        found.append({"name": name, "match": text[start:end], "start": start, "end": end})
    return found


def _next_joined(text: str, word: re.Match[str]) -> re.Match[str] | None:
    """The word right after ``word`` when only a single space or hyphen separates them."""
    after = word.end()
    for gap in (0, 1):
        if gap and (after >= len(text) or text[after] not in _JOINERS):
            return None
        m = _TOKEN.match(text, after + gap)
        if m is not None:
            return m
    return None


# ------------------------------------------------------------------------ flags


def _padding(doc: Document, sections: list[Section], entries: list[Entry], signals: list[Signal],
             rules: RuleSet | None, table: _Rules) -> Flag | None:
    mentions = find_architectures(doc, sections, rules)
    names: list[str] = []
    for m in mentions:
        if m["name"] not in names:
            names.append(m["name"])
    if len(names) < table.min_distinct:
        return None
    units = _context_units(doc, sections, entries, signals, table)
    in_context: list[str] = []
    for m in mentions:
        if m["name"] not in in_context and any(s <= m["start"] and m["end"] <= e for s, e in units):
            in_context.append(m["name"])
    share = Fraction(len(in_context), len(names))
    if share > table.max_context:
        return None
    first: dict[str, dict[str, Any]] = {}
    for m in mentions:
        first.setdefault(m["name"], m)
    listed = ", ".join(names)
    if in_context:
        ctx = f"only {len(in_context)} of them ({', '.join(in_context)}) appear"
    else:
        ctx = "none of them appears"
    reason = (f"The resume names {len(names)} model architectures or algorithm families ({listed}), but {ctx} in "
              f"an experience or project bullet that says what was done with them and what came of it.")
    evidence = {"architectures": names, "count": len(names), "in_context": in_context,
                "in_context_count": len(in_context), "share": round(float(share), 3),
                "mentions": [first[n] for n in names]}
    return Flag(name=PADDING, reason=reason, evidence=evidence)


def raise_flags(doc: Document, sections: list[Section], entries: list[Entry], signals: list[Signal],
                seniority: Seniority, rules: RuleSet | None = None) -> list[Flag]:
    """The flags this resume raises, in a fixed order (padding, missing production, competition, no ML
    production, then the reading flags)."""
    table = _rules_for(rules)
    raised: list[Flag] = []
    padding = _padding(doc, sections, entries, signals, rules, table)
    if padding is not None:
        raised.append(padding)
    found = {s.name for s in signals}
    production = [name for name in table.production if name in found]
    missing = [name for name in table.production if name not in found]
    if not production and seniority.level in ("senior", "staff_plus"):
        years = f", {seniority.years} years" if seniority.years is not None else ""
        reason = (f"Estimated seniority is {seniority.level}{years}, yet the resume never says a model or system "
                  f"was shipped, deployed, monitored, rolled back, A/B tested or iterated on after launch.")
        raised.append(Flag(name=MISSING_PRODUCTION, reason=reason,
                           evidence={"level": seniority.level, "years": seniority.years, "missing": missing}))
    competitions = [s for s in signals if s.name == "competition"]
    if competitions and not production:
        reason = (f"The resume shows competition results ({len(competitions)} mention"
                  f"{'s' if len(competitions) != 1 else ''}) but no sign of putting a model in front of real "
                  f"users: nothing shipped, deployed, monitored, rolled back, A/B tested or iterated on after launch.")
        evidence = {"count": len(competitions), "missing": missing,
                    "competition": [{"match": s.match, "start": s.start, "end": s.end, "section": s.section}
                                    for s in competitions]}
        raised.append(Flag(name=COMPETITION_ONLY, reason=reason, evidence=evidence))
    acts = [s for s in signals if s.name in table.production]
    if acts and not any(s.ml for s in acts):
        reason = (f"The resume shows production work ({', '.join(production)}), but none of it is about a "
                  f"machine-learning system: every act is on other software.")
        evidence = {"acts": [{"name": s.name, "match": s.match, "start": s.start, "end": s.end,
                              "section": s.section} for s in acts]}
        raised.append(Flag(name=NO_ML_PRODUCTION, reason=reason, evidence=evidence))
    raised += _reading_flags(doc)
    return raised


def _reading_flags(doc: Document) -> list[Flag]:
    """``hidden_text`` and ``obfuscated_text``: what the extractor and the normaliser found and undid."""
    out: list[Flag] = []
    if doc.hidden is not None:
        reason = (f"The file holds {doc.hidden.chars} characters of text a reader cannot see "
                  f"({', '.join(doc.hidden.methods)}); that text was removed and earns nothing.")
        out.append(Flag(name=HIDDEN_TEXT, reason=reason,
                        evidence={"chars": doc.hidden.chars, "sample": doc.hidden.sample,
                                  "methods": list(doc.hidden.methods)}))
    from ..text.normalise import SUSPICIOUS

    words = [{"original": c.original, "read_as": doc.text[c.start:c.end], "start": c.start, "end": c.end,
              "kinds": [k for k in c.kinds if k in SUSPICIOUS]} for c in doc.changes if SUSPICIOUS & set(c.kinds)]
    if words:
        reason = (f"{len(words)} word{'s' if len(words) != 1 else ''} mix look-alike letters from another script, "
                  f"hide invisible characters or use direction overrides; they were read as they display.")
        out.append(Flag(name=OBFUSCATED_TEXT, reason=reason, evidence={"count": len(words), "words": words[:50]}))
    return out
