"""Plain-text resumes: decode, one line per line, normalise bullets.

Text has no layout cues beyond characters, so this module recovers the ones
that survive: list markers ("-", "*", "o", "1.") become the canonical "• "
bullet, Markdown/setext headings keep a heading style, and decoration rules
("-----", "=====") are dropped but leave a paragraph gap. Tabs are kept;
runs of three or more spaces become tabs in `assemble`.

The size check comes first: a 5 MB file on one line must be refused in time
proportional to reading it, not to splitting and cleaning it.
"""

from __future__ import annotations

import re

from ..document import Document, LineDraft, assemble
from ..errors import DocumentError, ErrorCode
from ..limits import Limits
from ..text.bullets import ASCII_MARKERS, CANONICAL, DASHES, GLYPHS, PRIVATE_USE, char_class
from ..text.wraps import carries_on, join
from .sniff import TEXT_SAMPLE, text_encoding

#: Leading list markers of typed bullets, in text and in DOCX paragraphs typed by hand.
#: "o" and digits need a following space so "office" or "2019" are not bullets.
BULLET_RE = re.compile(
    rf"^[ \t\u00a0]*(?:[{char_class(GLYPHS + PRIVATE_USE)}]|[{char_class(DASHES + ASCII_MARKERS)}](?=[ \t\u00a0])"
    r"|o(?=[ \t\u00a0])|\(?\d{1,2}[.)](?=[ \t\u00a0])|\(?[a-z][.)](?=[ \t\u00a0]))[ \t\u00a0]*"
)
_RULE = re.compile(r"^[ \t]*([-=_*~#.·•])(?:[ \t]*\1){2,}[ \t]*$")
_COLUMNS = re.compile(r"\t|\S {3,}\S")
"""Fields set apart by a tab or a run of spaces (`assemble` turns such runs into tabs): a row, not a wrap."""
_MD_HEADING = re.compile(r"^[ \t]*(#{1,6})[ \t]+(.*?)[ \t#]*$")


def normalise_bullet(text: str) -> tuple[str, bool]:
    """("• rest", True) when ``text`` starts with a list marker, else (text, False).

    >>> normalise_bullet("- Shipped a ranking model")
    ('• Shipped a ranking model', True)
    >>> normalise_bullet("2. Led a team of 4")
    ('• Led a team of 4', True)
    >>> normalise_bullet("-5% churn"), normalise_bullet("office hours")
    (('-5% churn', False), ('office hours', False))
    """
    m = BULLET_RE.match(text)
    if not m or not text[m.end():].strip():
        return text, False
    return CANONICAL + " " + text[m.end():], True


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" \t\u00a0"))


def _bullet_tail(bullet: str, line: str, *, hanging: int) -> bool:
    """A plain line that is the hard-wrapped rest of the bullet above: indented to the bullet's text (a hanging
    indent), or going on in lower case where the bullet stopped mid-sentence; never a row of columns, a
    heading or another list item."""
    if not line.strip() or BULLET_RE.match(line) or _COLUMNS.search(line.strip()):
        return False
    return _indent(line) >= hanging > 1 or carries_on(bullet, line)


def decode(data: bytes) -> str:
    """The text of ``data`` in the codec `sniff` would pick; undecodable bytes become U+FFFD."""
    codec = text_encoding(data[:TEXT_SAMPLE], truncated=len(data) > TEXT_SAMPLE)
    if codec is None:
        raise DocumentError(ErrorCode.UNSUPPORTED_FORMAT, "The file is not text in a recognised encoding.",
                            stage="sniff")
    # Strict first; a stray byte (in the sample or past it) is replaced rather than re-reading the
    # whole file in another codec, which would turn every correct accent into mojibake.
    try:
        return data.decode(codec)
    except UnicodeDecodeError:
        return data.decode(codec, errors="replace")


def extract_txt(data: bytes, *, limits: Limits) -> Document:
    """A plain-text resume as a `Document` (format "txt")."""
    if len(data) > 4 * limits.max_chars:  # no codec packs more than 4 bytes into one character
        raise DocumentError(ErrorCode.TOO_MUCH_TEXT,
                            f"The text file holds more than {limits.max_chars:,} characters.")
    text = decode(data).lstrip("\ufeff")
    if len(text) > limits.max_chars:
        raise DocumentError(ErrorCode.TOO_MUCH_TEXT,
                            f"The text file holds {len(text):,} characters, over the {limits.max_chars:,} limit.")
    drafts: list[LineDraft] = []
    hanging = 0  # the column where the last bullet's text starts
    for raw in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        line = raw.replace("\f", " ")
        if _RULE.match(line):
            if drafts and drafts[-1].text.strip() and line.strip()[0] in "=-" and not drafts[-1].bullet:
                drafts[-1].style = drafts[-1].style or "Heading 2"  # setext-style underline
            drafts.append(LineDraft(""))  # keep the visual break
            continue
        heading = _MD_HEADING.match(line)
        if heading and heading.group(2):
            drafts.append(LineDraft(heading.group(2), style=f"Heading {len(heading.group(1))}"))
            continue
        if drafts and drafts[-1].bullet and _bullet_tail(drafts[-1].text, line, hanging=hanging):
            drafts[-1].text = join(drafts[-1].text, line)
            continue
        marker = BULLET_RE.match(line)
        hanging = marker.end() if marker else 0
        line, bullet = normalise_bullet(line)
        drafts.append(LineDraft(line, bullet=bullet))
    replaced = text.count("\ufffd")
    warnings = (f"{replaced} undecodable byte(s) in the text file were replaced.",) if replaced else ()
    doc = assemble(drafts, "txt", pages=None, warnings=warnings)
    if not doc.text:
        raise DocumentError(ErrorCode.EMPTY, "The text file holds no readable text.")
    return doc
