"""The resume in the JSON Resume structure (jsonresume.org), for ATS integrations.

ATS systems already speak JSON Resume, so the export fills its standard keys
(``basics``, ``work``, ``education``, ``skills``, ``projects``) from what the
pipeline found: contact details from the contact section (with the same
finder redaction uses, so a redacted report exports no contact details),
jobs and projects from the entries, skills from "Label: a, b, c" lines.
The screening results go under the ``x-resume-signals`` extension key, which
JSON Resume tools ignore.

Everything here is best effort and never raises for odd input: a key is left
out rather than guessed. Dates are "YYYY-MM" (or "YYYY" when only the year is
known); a current job has no ``endDate``, as JSON Resume expects.

>>> from resume_signals.report import Report, Source
>>> text = "Ada Lovelace\\nada@example.com | github.com/ada\\nSKILLS\\nCloud: AWS, GCP"
>>> doc = to_json_resume(Report(source=Source("a.txt", None, "txt", "0", 1), text=text))
>>> doc["basics"]["email"], doc["basics"]["profiles"][0]["username"]
('ada@example.com', 'ada')
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from typing import Any

from ..redact import Contact, contact_block_end, find_contacts, find_name
from ..report import DateRange, Entry, Report, Section
from ..spec.data import data_toml
from ..text.bullets import CANONICAL
from ..text.wraps import carries_on, join, open_end

JSON_RESUME_SCHEMA = "https://raw.githubusercontent.com/jsonresume/resume-schema/v1.0.0/schema.json"
_BULLET = CANONICAL
_ITEM_SPLIT = re.compile(r"\s*[,;|•·\t]\s*")
_YEAR_OR_MONTH = re.compile(r"^\d{4}(?:-\d{2})?")


@functools.lru_cache(maxsize=1)
def _education_words() -> tuple[list[tuple[re.Pattern[str], str]], re.Pattern[str]]:
    data = data_toml("education.toml")
    degrees = []
    for written, kind in sorted(data["degrees"].items(), key=lambda kv: -len(kv[0])):
        flags = 0 if len(written) <= 5 or written.isupper() else re.IGNORECASE
        degrees.append((re.compile(r"(?<![\w.])" + re.escape(written) + r"(?![\w'’])", flags), str(kind)))
    words = data["institutions"]["words"]
    lower = [re.escape(w) for w in words if not w.isupper()]
    upper = [re.escape(w) for w in words if w.isupper()]
    inst = re.compile(r"(?i:\b(?:" + "|".join(lower) + r")\b)|\b(?:" + "|".join(upper) + r")\b")
    return degrees, inst


def _date(value: str | None) -> str | None:
    """ "YYYY-MM" (or "YYYY") from a DateRange field; None for anything else."""
    if not value:
        return None
    m = _YEAR_OR_MONTH.match(value)
    return m.group() if m else None


def _lines(text: str, start: int, end: int) -> Iterator[tuple[int, str]]:
    """(offset, line) for every line that starts inside [start, end)."""
    pos = 0
    for line in text.split("\n"):
        if start <= pos < end:
            yield pos, line
        pos += len(line) + 1


def _body(text: str, section: Section) -> list[str]:
    """The lines of a section without its heading (an inline "Heading: rest" keeps the rest)."""
    out = []
    for i, (_, line) in enumerate(_lines(text, section.start, section.end)):
        stripped = line.strip()
        if i == 0 and section.heading:
            head = section.heading.strip()
            if stripped.rstrip(":").strip() == head.rstrip(":").strip():
                continue
            if stripped.startswith(head) and section.kind != "skills":
                stripped = stripped[len(head):].lstrip(" :–—-\t")
        if stripped:
            out.append(stripped)
    return out


def _unbullet(line: str) -> str:
    return line.lstrip().lstrip(_BULLET).strip()


def _highlights(text: str, entry: Entry) -> list[str]:
    """Bullet lines of an entry (continuation lines joined), or its plain lines after the header."""
    lines = [line for _, line in _lines(text, entry.start, entry.end)]
    bullets: list[str] = []
    seen_bullet = False
    for line in lines:
        if line.lstrip().startswith(_BULLET):
            seen_bullet = True
            bullets.append(_unbullet(line))
        elif seen_bullet and line.strip():
            bullets[-1] = f"{bullets[-1]} {line.strip()}"
    if seen_bullet:
        return [b for b in bullets if b]
    header = [x for x in (entry.title, entry.organization, entry.dates.raw if entry.dates else None) if x]
    return [line.strip() for line in lines[1:] if line.strip() and not any(h in line for h in header)]


_UNDATED_WORDS = re.compile(r"(?i)present|current(?:ly)?|now|today|ongoing|date|expected|to|till|until|since")
_MONTH_DIGITS = re.compile(r"\d{1,2}\s*[/.]\s*\d{4}|\d{4}\s*[/.-]\s*\d{1,2}(?!\d)")


def _range_dates(dr: DateRange) -> dict[str, str]:
    """startDate / endDate of a range; year precision when the resume gives years only (no invented months)."""
    core = _UNDATED_WORDS.sub("", dr.raw)
    years_only = not re.search(r"[A-Za-z]", core) and not _MONTH_DIGITS.search(core)
    start, end = _date(dr.start), _date(dr.end)
    if years_only:
        start, end = start and start[:4], end and end[:4]
    out: dict[str, str] = {}
    if start and not (years_only and start == end and not dr.present):
        out["startDate"] = start
    if end and not dr.present:
        out["endDate"] = end
    return out


def _entry_dates(entry: Entry) -> dict[str, str]:
    return _range_dates(entry.dates) if entry.dates else {}


#: A web address: a host with a dot and a letters-only top-level domain. A "link" without one is a word from
#: a label ("LinkedIn") or a piece of an e-mail address split by the layout, never a URL to hand an ATS.
_WEB_ADDRESS = re.compile(r"(?i)^(?:https?://)?(?:www\.)?[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}(?:[/?#:]\S*)?$")
#: Proficiency levels and category words that skills grids use as row labels, not skills.
_ROW_LABELS = frozenset({"proficient", "familiar", "experienced", "advanced", "intermediate", "beginner", "expert",
                         "basic", "fluent", "native", "working knowledge", "exposure", "programming", "skills"})
#: A work-arrangement word after the organisation ("Title - Org, Remote").
_ARRANGEMENT = re.compile(r"(?i),?\s*\(?\b(?:remote|hybrid|on-?site|full[- ]time|part[- ]time|contract)\b\)?\s*$")


def _with_scheme(url: str) -> str:
    return url if re.match(r"(?i)^https?://", url) else "https://" + url


def _username(url: str) -> str | None:
    path = re.sub(r"(?i)^(?:https?://)?[^/]+/?", "", url).strip("/")
    parts = [p for p in path.split("/") if p and p.lower() not in {"in", "u", "user", "users", "profile", "pub"}]
    return parts[0].lstrip("@") if parts else None


def _basics(report: Report) -> dict[str, Any]:
    lines = report.text.split("\n")
    contact_secs = [s for s in report.sections if s.kind == "contact"]
    if contact_secs:
        region = {i for i, (pos, _) in enumerate(_lines(report.text, 0, len(report.text)))
                  if any(s.start <= pos < s.end for s in contact_secs)}
    else:
        region = set(range(contact_block_end(lines)))
    contacts = find_contacts(lines)
    found: list[Contact] = [c for i in sorted(region) if i < len(contacts) for c in contacts[i]
                            if c.kind != "link" or _WEB_ADDRESS.match(c.text)]
    basics: dict[str, Any] = {}
    located = find_name(lines)
    if located and located[0] in region:
        basics["name"] = lines[located[0]][located[1]:located[2]]
    for kind in ("email", "phone"):
        hit = next((c for c in found if c.kind == kind), None)
        if hit:
            basics[kind] = hit.text.removeprefix("mailto:")
    site = next((c for c in found if c.kind == "link" and c.network is None), None)
    if site:
        basics["url"] = _with_scheme(site.text)
    profiles = []
    for c in found:
        if c.kind == "link" and c.network:
            profile = {"network": c.network, "url": _with_scheme(c.text)}
            user = _username(c.text)
            if user:
                profile["username"] = user
            profiles.append(profile)
    if profiles:
        basics["profiles"] = profiles
    summary = [line for s in report.sections if s.kind == "summary" for line in _body(report.text, s)]
    if summary:
        basics["summary"] = " ".join(summary)
    return basics


def contact(report: Report) -> dict[str, Any]:
    """The flat contact fields (``name``, ``email``, ``phone``, ``links``) found in the contact block; a field
    not found is absent, so a redacted report gives ``{}``."""
    basics = _basics(report)
    flat: dict[str, Any] = {k: basics[k] for k in ("name", "email", "phone") if k in basics}
    links = ([basics["url"]] if "url" in basics else []) + [p["url"] for p in basics.get("profiles", [])]
    if links:
        flat["links"] = links
    return flat


def skills(report: Report) -> list[str]:
    """Every skills keyword once, in the order written."""
    return list(dict.fromkeys(k for group in _skills(report) for k in group["keywords"]))


def _education(report: Report) -> list[dict[str, Any]]:
    degrees, inst = _education_words()
    try:
        from ..sections.dates import find_date_ranges
    except ImportError:  # pragma: no cover - the sections package is part of the library
        find_date_ranges = None  # type: ignore[assignment]
    items: list[dict[str, Any]] = []
    current: dict[str, Any] = {}
    for s in (s for s in report.sections if s.kind == "education"):
        for line in _logical_lines(_body(report.text, s)):
            found: dict[str, Any] = {}
            for part in (p for p in _ITEM_SPLIT.split(line) if p):
                if "institution" not in found and inst.search(part):
                    found["institution"] = re.sub(r"\s*\(?\b(?:19|20)\d{2}\b.*$", "", part).strip(" ,()–—-")
                    continue
                for pattern, kind in degrees:
                    m = pattern.search(part)
                    if m and "studyType" not in found:
                        found["studyType"] = kind
                        area = part[m.end():].strip()
                        area = re.sub(r"^(?:\.|,|\(|degree\b|of\b|in\b|–|—|-|:|\s)+", "", area)
                        area = re.sub(r"\s*\(?\b(?:19|20)\d{2}\b.*$", "", area).strip(" ,()–—-")
                        if area:
                            found["area"] = area
                        break
            if find_date_ranges is not None:
                dates = find_date_ranges(line)
                if dates:
                    span = _range_dates(dates[-1][2])
                    if span.get("startDate") == span.get("endDate"):  # one date written: when it ended
                        span.pop("startDate")
                    found.update(span)
            if "area" in found and not _plausible_area(found["area"]):
                del found["area"]
            if not found:
                continue
            if current and any(k in current for k in found if k in ("institution", "studyType")):
                items.append(current)
                current = {}
            for k, v in found.items():
                current.setdefault(k, v)
    if current:
        items.append(current)
    return items


def _plausible_area(area: str) -> bool:
    """A field of study as a reader would write it: starts with a capital, balanced brackets, a few words.
    Lines garbled by a PDF's small-caps fonts ("iN PHYSiCS") or cut mid-bracket are left out."""
    return (area[:1].isupper() and area.count("(") == area.count(")") and len(area.split()) <= 10
            and not re.search(r"\b[a-z]+[A-Z]{2,}", area))


def _logical_lines(lines: list[str]) -> list[str]:
    """Bullets unmarked and lines wrapped by the layout joined back ("Data &" + "Analytics, ...")."""
    out: list[str] = []
    for raw in lines:
        line = _unbullet(raw)
        if out and not raw.lstrip().startswith(_BULLET) and (open_end(out[-1]) or carries_on(out[-1], line)):
            out[-1] = join(out[-1], line)
        else:
            out.append(line)
    return out


def _skills(report: Report) -> list[dict[str, Any]]:
    groups: list[dict[str, Any]] = []
    loose: dict[str, list[str]] = {}
    for s in (s for s in report.sections if s.kind == "skills"):
        label = (s.heading or "Skills").strip().rstrip(":")
        lines = [_unbullet(raw) for raw in _body(report.text, s)]
        for i, line in enumerate(lines):
            m = re.match(r"^([^:,;|]{1,60}):\s*(.+)$", line)
            if m:
                keywords = _keywords(m.group(2))
                if keywords:
                    groups.append({"name": m.group(1).strip(), "keywords": keywords})
                continue
            items = _keywords(line)
            if _is_row_label(items, lines[i + 1] if i + 1 < len(lines) else ""):
                label = line.strip(" .:") or label  # a grid's row label names the items that follow
                continue
            loose.setdefault(label, []).extend(items)
    groups += [{"name": name, "keywords": kws} for name, kws in loose.items() if kws]
    return groups


def _keywords(text: str) -> list[str]:
    return [k for k in (k.strip(" .") for k in _ITEM_SPLIT.split(text)) if k and k.lower() not in _ROW_LABELS]


def _is_row_label(items: list[str], next_line: str) -> bool:
    """A line that is one short word group with a list on the next line, or nothing but a level word: a skills
    grid's row label ("Programming" / "Python, Go"), not a skill."""
    return not items or (len(items) == 1 and len(items[0].split()) <= 2 and not any(ch.isdigit() for ch in items[0])
                         and len(_keywords(next_line)) >= 2)


def _title_and_org(title: str) -> tuple[str, str | None]:
    """ "Title - Org, Remote" -> ("Title", "Org") when the entry parser found no organisation."""
    m = re.match(r"^(.+?)\s+(?:[-–—]|at|@)\s+(.+)$", title)
    if not m:
        return title, None
    org = _ARRANGEMENT.sub("", m.group(2)).strip(" ,")
    return m.group(1).strip(), org or None


def _work(report: Report) -> list[dict[str, Any]]:
    out = []
    for e in report.entries:
        if e.section != "experience":
            continue
        item: dict[str, Any] = {}
        title, org = e.title, e.organization
        if title and not org:
            title, org = _title_and_org(title)
        if org:
            item["name"] = _ARRANGEMENT.sub("", org).strip(" ,") or org
        if title:
            item["position"] = title
        item.update(_entry_dates(e))
        item["highlights"] = _highlights(report.text, e)
        out.append(item)
    return out


def _projects(report: Report) -> list[dict[str, Any]]:
    out = []
    url_re = re.compile(r"(?i)\b(?:https?://|www\.)[^\s<>\"'|,;]+")
    for e in report.entries:
        if e.section != "projects":
            continue
        item: dict[str, Any] = {"name": e.title or e.organization or "Untitled project"}
        if e.title and e.organization:
            item["entity"] = e.organization
        item.update(_entry_dates(e))
        item["highlights"] = _highlights(report.text, e)
        m = url_re.search(report.text[e.start:e.end])
        if m:
            item["url"] = _with_scheme(m.group().rstrip(".,;:)"))
        out.append(item)
    if out:
        return out
    for s in (s for s in report.sections if s.kind == "projects"):
        for raw in _body(report.text, s):
            line = _unbullet(raw)
            name, _, rest = _split_name(line)
            project: dict[str, Any] = {"name": name}
            if rest:
                project["description"] = rest
            out.append(project)
    return out


def _split_name(line: str) -> tuple[str, str, str]:
    """ "Name: what it is" or "Name – what it is" -> (name, separator, rest); a long line is all description."""
    m = re.search(r"\s*[:–—]\s+|\s+-\s+", line)
    if m and m.start() <= 80:
        return line[:m.start()], m.group(), line[m.end():]
    return (line if len(line) <= 80 else line[:77].rstrip() + "..."), "", line if len(line) > 80 else ""


def screening(report: Report) -> dict[str, Any]:
    """The ``x-resume-signals`` block: the screening results without file names or paths.

    The file name often carries the person's name, so it is left out: the
    caller already knows which file it sent.
    """
    d = report.to_dict()
    return {
        "schema_version": d["schema_version"],
        "status": d["status"],
        "errors": d["errors"],
        "source": {"sha256": report.source.sha256, "format": report.source.format, "pages": report.source.pages},
        "score": d["score"],
        "contributions": d["contributions"],
        "seniority": d["seniority"],
        "flags": d["flags"],
        "signals": d["signals"],
    }


def to_json_resume(report: Report) -> dict[str, Any]:
    """The report as a JSON Resume document with the screening results under ``x-resume-signals``."""
    doc: dict[str, Any] = {"$schema": JSON_RESUME_SCHEMA}
    if report.status == "failed" or not report.text:
        doc.update({"basics": {}, "work": [], "education": [], "skills": [], "projects": []})
    else:
        doc.update({"basics": _basics(report), "work": _work(report), "education": _education(report),
                    "skills": _skills(report), "projects": _projects(report)})
    doc["x-resume-signals"] = screening(report)
    return doc
