"""Contact details: finding them (for the JSON Resume export) and removing them (redaction).

Systems that must not log personal data ask for ``redact=True``: the
pipeline then calls `redact_document` right after extraction, so the report's
text, every signal's evidence and every export are built from a text in
which the person's name, e-mail addresses, phone numbers, street addresses
and profile links are already replaced by tokens such as ``[email]``. Nothing
downstream ever sees the originals, and all offsets are offsets into the
redacted text, so they stay consistent by construction.

The same finder feeds `json_resume` (``basics``), so what the export shows as
contact details is exactly what redaction would remove. The word lists and
replacement tokens are data (``data/contact.toml``); the patterns are code.

Redaction works line by line and never joins or splits lines, so the layout
cues the sectioner reads (bold, size, bullets, gaps) survive unchanged.

>>> from resume_signals.document import LineDraft, assemble
>>> doc = assemble([LineDraft("Jane Doe"), LineDraft("jane@example.com | +1 (555) 010-2030"),
...                 LineDraft("EXPERIENCE"), LineDraft("• Shipped a model")], "txt")
>>> redact_document(doc).text
'[name]\\n[email] | [phone]\\nEXPERIENCE\\n• Shipped a model'
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

from .document import Document, LineDraft, assemble
from .spec.data import data_toml
from .text.bullets import CANONICAL
from .text.normalise import Change

#: How far into the resume the contact block (and so the name) is looked for.
MAX_CONTACT_LINES = 8
_SEPARATORS = re.compile(r"\s*(?:[|·•—–\t,;]|\s-\s)\s*")


@dataclass(frozen=True)
class Contact:
    """One contact detail in a line: its kind, offsets into the line and the text as written.

    ``network`` names the profile site for links to one (``"GitHub"``), else None.
    """

    kind: str
    start: int
    end: int
    text: str
    network: str | None = None


@functools.lru_cache(maxsize=1)
def _config() -> dict[str, Any]:
    return data_toml("contact.toml")


def tokens() -> dict[str, str]:
    """Replacement token per kind: name, email, phone, link, address."""
    return dict(_config()["tokens"])


def _alt(words: Sequence[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@functools.lru_cache(maxsize=1)
def _patterns() -> dict[str, re.Pattern[str]]:
    cfg = _config()
    profiles = _alt(list(cfg["profiles"]))
    tlds = _alt(cfg["domains"]["tlds"])
    addr = cfg["address"]
    cap = r"(?:[A-ZÀ-ÞĀ-Ž][\w'’.-]*|\d{1,4}(?:st|nd|rd|th))"
    sep = r"[ .\-‐‑‒–]"
    city = r"[A-ZÀ-ÞĀ-Ž][^\W\d_]*(?:['’.-][^\W\d_]+)*(?!\w)"
    postal = (r"(?:,?[ ]*(?:[A-Z]{1,2}-)?\d{4,5}[ ]+" + city + r"(?:[ ]+" + city + r")?)?")
    us_tail = (r"(?:,?[ ]+(?:Apt|Apartment|Suite|Ste|Unit|Flat|Floor|Fl|#)\.?[ ]*#?[\w-]+)?"
               r"(?:,[ ]*" + city + r"(?:[ ]+" + city + r")*){0,2}"
               r"(?:,?[ ]+\d{5}(?:-\d{4})?|[ ]+[A-Z]\d[A-Z][ ]?\d[A-Z]\d|[ ]+[A-Z]{1,2}\d[A-Z\d]?[ ]?\d[A-Z]{2})?")
    def address(types: Sequence[str]) -> re.Pattern[str]:
        return re.compile(
            r"(?<!\w)(?:P\.?[ ]?O\.?[ ]?Box[ ]+\d+"
            r"|\d{1,6}[A-Za-z]?(?:-\d{1,4})?(?:[ ]+(?:" + cap + r"|of|the)){1,4}?[ ]+(?i:" + _alt(types)
            + r")\b\.?(?:[ ]+(?:N|S|E|W|NE|NW|SE|SW)\b\.?)?" + us_tail
            + r"|(?:[A-ZÀ-Þ][\w'’-]*[ ]+)?(?=[A-ZÀ-Þ])[\w'’-]*?(?i:" + _alt(addr["street_suffixes"])
            + r")[ ]*\d{1,4}[a-z]?(?!\w)" + postal
            + r"|\d{1,4}(?:[ ]?(?:bis|ter))?,?[ ]+(?:" + _alt(addr["number_first_types"])
            + r")[ ]+(?:(?:de|du|des|la|le|l['’]|d['’])[ ]*)*" + cap + r"(?:[ ]+" + cap + r")*" + postal
            + r"|(?:" + _alt(addr["name_first_types"]) + r")[ ]+" + cap + r"(?:[ ]+" + cap + r")*,?[ ]+\d{1,4}[a-z]?"
            + r"(?!\w)" + postal + r")")

    return {
        "address": address(addr["street_types"]),
        "address_block": address([*addr["street_types"], *addr["street_types_contact_only"]]),
        "email": re.compile(r"(?:mailto:)?(?<![\w.+'-])[\w.+'-]+@(?:[\w-]+\.)+[^\W\d_]{2,}(?![\w-])"
                            r"|(?<![\w.+-])[\w.+-]+[ ]?(?:\[at\]|\(at\)|\{at\})[ ]?[\w-]+"
                            r"(?:[ ]?(?:\.|\[dot\]|\(dot\))[ ]?[\w-]+)+", re.IGNORECASE),
        "url": re.compile(r"(?<![\w@/])(?:https?://|www\.)[^\s<>\"'|,;•·]+", re.IGNORECASE),
        "profile": re.compile(r"(?<![\w@./-])(?:[\w-]+\.)*(?:" + profiles + r")(?:/[^\s<>\"'|,;•·]*)?(?![\w.-])",
                              re.IGNORECASE),
        "domain": re.compile(r"(?<![\w@./-])[a-z0-9][a-z0-9-]*(?:\.[a-z0-9-]+)*\.(?:" + tlds + r")"
                             r"(?:/[^\s<>\"'|,;•·]*)?(?![\w.-])"),
        "phone": re.compile(r"(?<![\w+/.\-‐‑‒–])(?:(?:\(\+?\d{1,4}\)|\+\d{1,4})" + sep + r"{0,2})?"
                            r"(?:\(\d{1,5}\)" + sep + r"{0,2})?\d{1,12}(?:" + sep + r"{1,2}\d{1,12}){0,5}"
                            r"(?!\w|[.,\-‐‑‒–]\d)"),
        "handle_label": re.compile(r"(?i)\b(?:linkedin|github|gitlab|twitter|kaggle|medium|portfolio|website|web|"
                                   r"site|blog|homepage|linktree|scholar|orcid|leetcode|skype|telegram)[ ]*:[ ]*"
                                   r"(?!\[)(@?[^\s|,;•·]+)"),
        "zip_city": re.compile(city + r"(?:[ ]+" + city + r")*,[ ]*(?:[A-Z]{2}|" + city + r"(?:[ ]+" + city
                               + r")?)[ ]+\d{5}(?:-\d{4})?(?!\d)"),
        "phone_label": re.compile(r"(?:phone|tel|telephone|mobile|mob|cell|call)\.?[ ]*:?[ ]*$", re.IGNORECASE),
    }


def _profile_network(url: str) -> str | None:
    host = re.sub(r"^(?:https?://)?(?:www\.)?", "", url.lower()).split("/", 1)[0]
    for domain, network in _config()["profiles"].items():
        if host == domain or host.endswith("." + domain):
            return str(network)
    return None


def _is_phone(text: str, line: str, start: int) -> bool:
    """Tell a phone number from the other digit runs of a resume (dates, amounts, versions, IPs)."""
    digits = sum(c.isdigit() for c in text)
    if not 7 <= digits <= 15:
        return False
    labelled = bool(_patterns()["phone_label"].search(line[max(0, start - 14):start]))
    groups = [g for g in re.split(r"[ .()\-‐‑‒–+]+", text) if g]
    if not text.startswith(("+", "(")) and not labelled:
        if digits < 9:
            return False
        # 1 234 567 style amounts and IP addresses, not phones
        if len(groups) > 2 and 1 <= len(groups[0]) <= 3 and all(len(g) == 3 for g in groups[1:]):
            return False
    # two years in a row ("2019-2020 3") are a date range, not a phone
    years = [len(g) == 4 and g[:2] in {"19", "20"} for g in groups]
    return not any(a and b for a, b in zip(years, years[1:], strict=False))


def _heading_like(line: str) -> bool:
    """A short line naming a section ("Work History"), or a line led by one ("Summary: ...")."""
    label, colon, _ = line.partition(":")
    if colon and 0 < len(label.split()) <= 3 and not any(c.isdigit() or c == "@" for c in label):
        line = label
    words = [w.strip(":&/,.()").lower() for w in line.split()]
    if not words or len(words) > 5 or "@" in line or any(c.isdigit() for c in line):
        return False
    return any(w in _config()["names"]["heading_words"] for w in words)


def contact_block_end(lines: Sequence[str]) -> int:
    """Index of the first line after the contact block: the first heading or bullet (at most 8 lines in)."""
    for i, line in enumerate(lines[:MAX_CONTACT_LINES]):
        if line.lstrip().startswith(CANONICAL) or _heading_like(line):
            return i
    return min(len(lines), MAX_CONTACT_LINES)


def _name_core(segment: str) -> tuple[int, int] | None:
    """(start, end) of a person's name in a segment, honorifics and post-nominals included, or None."""
    names = _config()["names"]
    words = [(m.start(), m.end(), m.group()) for m in re.finditer(r"\S+", segment)]
    core = list(words)
    while core and core[0][2].lower() in names["prefixes"]:
        core.pop(0)
    while core and core[-1][2].lower().strip(",") in names["suffixes"]:
        core.pop()
    if not 2 <= len(core) <= 5:
        return None
    full = 0
    for i, (_, _, w) in enumerate(core):
        bare = w.strip(".,'’")
        if bare.lower() in names["not_name"]:
            return None
        if 0 < i < len(core) - 1 and w in names["particles"]:
            continue
        if not (w[0].isupper() and all(c.isalpha() or c in "'’-." for c in w)):
            return None
        if len(bare) > 1:
            full += 1
    if full < 2:
        return None
    return words[0][0], words[-1][1]


def find_name(lines: Sequence[str]) -> tuple[int, int, int] | None:
    """(line index, start, end) of the person's name: the first name-like line start in the contact block.

    None when the contact block already holds the name token (a redacted
    text): a city line must not be taken for the name then.
    """
    block = contact_block_end(lines)
    if any(tokens()["name"] in line for line in lines[:block]):
        return None
    for i in range(block):
        line = lines[i]
        sep = _SEPARATORS.search(line)
        hit = _name_core(line[:sep.start()] if sep else line)
        if hit:
            return i, hit[0], hit[1]
    return None


def _name_pattern(name: str) -> re.Pattern[str] | None:
    """Every way the name may be repeated in the text: as written, first-last, "Last, First"."""
    names = _config()["names"]
    parts = [w for w in name.split() if w.lower() not in names["prefixes"]
             and w.lower().strip(",") not in names["suffixes"]]
    if len(parts) < 2:
        return None
    first, last = re.escape(parts[0]), re.escape(parts[-1])
    full = r"[ \t]+".join(re.escape(p) for p in parts)
    forms = [full, rf"{first}(?:[ \t]+\S+){{0,2}}?[ \t]+{last}", rf"{last},[ \t]*{first}"]
    return re.compile(r"(?<!\w)(?:" + "|".join(forms) + r")(?!\w)", re.IGNORECASE)


class _Found:
    """The contacts of one line so far; a new one is kept only if it overlaps none (earlier kinds win)."""

    def __init__(self, line: str) -> None:
        self.line = line
        self.items: list[Contact] = []

    def add(self, kind: str, start: int, end: int, network: str | None = None) -> None:
        if end > start and not any(c.start < end and start < c.end for c in self.items):
            self.items.append(Contact(kind, start, end, self.line[start:end], network))


def _line_contacts(line: str, in_block: bool, name_re: re.Pattern[str] | None,
                   name_at: tuple[int, int] | None) -> list[Contact]:
    pats = _patterns()
    found = _Found(line)
    if name_at:
        found.add("name", *name_at)
    for m in pats["email"].finditer(line):
        found.add("email", m.start(), m.end())
    for kind in ("url", "profile") + (("domain",) if in_block else ()):
        for m in pats[kind].finditer(line):
            text = m.group().rstrip(".,;:!?)]}'\"")
            if kind == "profile" and not in_block and "/" not in text:
                continue  # "github.com" mentioned as a tool, not a link to a person
            found.add("link", m.start(), m.start() + len(text), _profile_network(text))
    if in_block:
        for m in pats["handle_label"].finditer(line):
            found.add("link", m.start(1), m.end(1), _profile_network(m.group(1)))
    for m in pats["phone"].finditer(line):
        if _is_phone(m.group(), line, m.start()):
            found.add("phone", m.start(), m.end())
    for m in pats["address_block" if in_block else "address"].finditer(line):
        found.add("address", m.start(), m.end())
    if in_block:
        for m in pats["zip_city"].finditer(line):
            found.add("address", m.start(), m.end())
        _bare_handles(line, found)
    if name_re:
        for m in name_re.finditer(line):
            found.add("name", m.start(), m.end())
    return sorted(found.items, key=lambda c: c.start)


def find_contacts(lines: Sequence[str]) -> list[list[Contact]]:
    """Contact details per line (offsets into each line), in line order, never overlapping.

    E-mails, links, phones and street addresses are found anywhere; bare
    domains ("janedoe.dev"), labelled or bare handles and "City, ST 12345"
    only in the contact block; the name in the contact block and then
    wherever it is repeated.
    """
    block = contact_block_end(lines)
    located = find_name(lines)
    name_re = _name_pattern(lines[located[0]][located[1]:located[2]]) if located else None
    return [_line_contacts(line, n < block, name_re,
                           (located[1], located[2]) if located and located[0] == n else None)
            for n, line in enumerate(lines)]


_HANDLE = re.compile(r"@?[A-Za-z0-9][\w.-]{2,38}")
_LIST_SEPARATORS = re.compile(r"[ ]*(?:[|·•∙\t]|[ ]—[ ])[ ]*")


def _bare_handles(line: str, found: _Found) -> None:
    """Profile handles written without their site ("jdoe42 | @jdoe"), in a line that already holds contacts.

    Icons usually stand for the site in such lines, so a lone token that is not
    a plain word (it has a digit, an @, a dash or inner capitals) is a handle.
    """
    pos = 0
    for piece in _LIST_SEPARATORS.split(line):
        start = line.find(piece, pos)
        pos = start + len(piece)
        token = piece.strip()
        if not token or not _HANDLE.fullmatch(token) or token.startswith("["):
            continue
        plain_word = token.isalpha() and (token.islower() or token.istitle() or token.isupper())
        if not plain_word or token.islower() and len(token) > 3 and not _is_word_like(token):
            offset = start + piece.index(token)
            found.add("link", offset, offset + len(token))


def _is_word_like(token: str) -> bool:
    """A lower-case token that is a label ("email", "portfolio"), not a handle."""
    return token in _config()["names"]["link_labels"]


def redact_lines(lines: Sequence[str]) -> list[str]:
    """The lines with every contact detail replaced by its token."""
    tok = tokens()
    out = []
    for line, contacts in zip(lines, find_contacts(lines), strict=True):
        pieces, pos = [], 0
        for c in contacts:
            pieces += [line[pos:c.start], tok[c.kind]]
            pos = c.end
        pieces.append(line[pos:])
        out.append("".join(pieces))
    return out


def redact_document(doc: Document) -> Document:
    """A new document with contact details replaced and every line's offsets rebuilt.

    Lines keep their layout attributes (page, size, bold, bullet, region,
    gaps); only their text changes, so offsets are recomputed by
    `document.assemble` and ``text[line.start:line.end] == line.text`` holds.
    """
    texts = redact_lines([line.text for line in doc.lines])
    drafts = [LineDraft(text=t, page=ln.page, size=ln.size, bold=ln.bold, italic=ln.italic, style=ln.style,
                        bullet=ln.bullet, region=ln.region, x0=ln.x0, x1=ln.x1, gap_before=ln.gap_before)
              for t, ln in zip(texts, doc.lines, strict=True)]
    new = assemble(drafts, doc.format, pages=doc.pages, warnings=doc.warnings)
    return replace(new, body_size=doc.body_size, hidden=doc.hidden, changes=_moved_changes(doc, new))


def _moved_changes(old: Document, new: Document) -> tuple[Change, ...]:
    """The normaliser's changes re-pointed into the redacted text; a change inside a redacted span is dropped."""
    moved: list[Change] = []
    if len(old.lines) != len(new.lines):  # a line redacted away: positions cannot be matched line by line
        return ()
    for change in old.changes:
        for before, after in zip(old.lines, new.lines, strict=True):
            if before.start <= change.start < before.end:
                word = old.text[change.start:change.end]
                at = after.text.find(word, max(0, change.start - before.start - (len(before.text) - len(after.text))))
                if at >= 0:
                    moved.append(replace(change, start=after.start + at, end=after.start + at + len(word)))
                break
    return tuple(moved)
