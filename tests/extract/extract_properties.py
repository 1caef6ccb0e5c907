"""Hypothesis strategies and the invariant shared by the short property run and the long fuzz run.

The invariant: extraction of any bytes ends in exactly one of two ways, a
`Document` with readable text whose line offsets point into that text, or a
`DocumentError` with a documented `ErrorCode`. The DOCX and TXT extractors
are held to more: they raise nothing but `DocumentError` themselves (the
dispatcher's catch-all turning a crash into CORRUPT is a safety net, not a
way to handle input).
"""

from __future__ import annotations

import functools
import io
import zipfile
from collections import Counter

from extract_builders import docx_bytes, docx_with_body, minimal_pdf, rezip, simple_resume_docx, textbox_para
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

from resume_signals.document import Document
from resume_signals.errors import ERROR_TABLE, DocumentError, ErrorCode
from resume_signals.extract import extract
from resume_signals.extract.docx import extract_docx
from resume_signals.extract.sniff import sniff
from resume_signals.extract.txt import extract_txt
from resume_signals.limits import Limits

#: Small enough that a mutated bomb or a huge decode stays quick, large enough for real resumes.
FUZZ_LIMITS = Limits(max_part_bytes=4 << 20, max_chars=200_000, max_pages=5)

COMMON_SETTINGS = {
    "deadline": None,
    "suppress_health_check": [HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much],
    "database": None,
}


def fuzz_settings(examples: int) -> settings:
    return settings(max_examples=examples, **COMMON_SETTINGS)  # type: ignore[arg-type]


@functools.lru_cache(maxsize=1)
def seeds() -> tuple[bytes, ...]:
    """Valid documents of each format to mutate."""

    def rich(d: object) -> None:
        d.sections[0].header.paragraphs[0].text = "Jordan Example · jordan@example.com"  # type: ignore[attr-defined]
        table = d.add_table(rows=2, cols=2)  # type: ignore[attr-defined]
        table.cell(0, 0).text = "ML Engineer"
        table.cell(0, 1).text = "2020 – 2024"
        table.cell(1, 0).merge(table.cell(1, 1)).text = "Shipped a fraud model"
        d.add_paragraph("Deployed with canary rollouts", style="List Number")  # type: ignore[attr-defined]

    return (
        simple_resume_docx(),
        docx_bytes(rich),
        docx_with_body(textbox_para("In a box", "In a box") + "<w:p><w:r><w:t>Body</w:t></w:r></w:p>"),
        "Jordan Example\nEXPERIENCE\nML Engineer\t2020 – Present\n- Shipped a model\n".encode(),
        "Résumé — José\r\n• Deployed it".encode("utf-16"),
        minimal_pdf(),
    )


MAGICS = [b"%PDF-1.4\n", b"PK\x03\x04", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", b"{\\rtf1", b"\xef\xbb\xbf",
          b"\xff\xfe", b"<html>", b"\x89PNG\r\n\x1a\n", b""]


@st.composite
def mutated(draw: st.DrawFn, base: bytes | None = None) -> bytes:
    """A seed (or ``base``) with a few byte-level mutations: flips, inserts, deletes, truncation."""
    data = bytearray(base if base is not None else draw(st.sampled_from(seeds())))
    for _ in range(draw(st.integers(1, 4))):
        if not data:
            break
        kind = draw(st.sampled_from(["flip", "insert", "delete", "truncate", "duplicate"]))
        pos = draw(st.integers(0, len(data) - 1))
        if kind == "flip":
            data[pos] = draw(st.integers(0, 255))
        elif kind == "insert":
            data[pos:pos] = draw(st.binary(min_size=1, max_size=16))
        elif kind == "delete":
            del data[pos:pos + draw(st.integers(1, 64))]
        elif kind == "truncate":
            del data[pos:]
        else:
            data[pos:pos] = data[pos:pos + draw(st.integers(1, 256))]
    return bytes(data)


@st.composite
def mutated_docx_part(draw: st.DrawFn) -> bytes:
    """A valid zip whose XML part is mutated: exercises the XML and OOXML walkers, not just zip CRCs."""
    base = draw(st.sampled_from(seeds()[:3]))
    with zipfile.ZipFile(io.BytesIO(base)) as zf:
        names = sorted(n for n in zf.namelist() if n.endswith((".xml", ".rels")))
        name = draw(st.sampled_from(names))
        part = zf.read(name)
    return rezip(base, replace={name: draw(mutated(part))})


_TEXT = st.text(alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="<>&\x00"), max_size=30)


def _escape(text: str) -> str:
    return "".join(ch for ch in text if ch in "\t\n\r" or ord(ch) >= 0x20)


_RUN = st.one_of(
    _TEXT.map(lambda t: f'<w:r><w:t xml:space="preserve">{_escape(t)}</w:t></w:r>'),
    st.just("<w:r><w:tab/></w:r>"),
    st.just("<w:r><w:br/></w:r>"),
    st.just("<w:r><w:rPr><w:b/><w:sz w:val=\"28\"/></w:rPr><w:t>BOLD</w:t></w:r>"),
    st.just("<w:r><w:rPr><w:vanish/></w:rPr><w:t>hidden</w:t></w:r>"),
    st.just('<w:r><w:sym w:char="F0B7"/></w:r>'),
    st.just('<w:r><w:sym w:char="zz"/></w:r>'),
)
_PPR = st.sampled_from([
    "", '<w:pPr><w:pStyle w:val="Heading1"/></w:pPr>', '<w:pPr><w:pStyle w:val="Missing"/></w:pPr>',
    '<w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="7"/></w:numPr></w:pPr>',
    '<w:pPr><w:numPr><w:numId w:val="0"/></w:numPr></w:pPr>',
])
_PARA = st.builds(lambda ppr, runs: f"<w:p>{ppr}{''.join(runs)}</w:p>", _PPR, st.lists(_RUN, max_size=5))


def _wrap_table(rows: list[list[str]]) -> str:
    cells = "".join("<w:tr>" + "".join(f"<w:tc>{c or '<w:p/>'}</w:tc>" for c in row) + "</w:tr>" for row in rows)
    return f"<w:tbl>{cells}</w:tbl>"


_BLOCKS = st.recursive(
    _PARA,
    lambda inner: st.one_of(
        st.lists(st.lists(inner, min_size=1, max_size=3).map("".join), min_size=1, max_size=3).map(
            lambda cells: _wrap_table([cells])),
        inner.map(lambda b: f"<w:sdt><w:sdtContent>{b}</w:sdtContent></w:sdt>"),
        inner.map(lambda b: "<w:p><w:r><mc:AlternateContent><mc:Choice Requires=\"wps\"><w:drawing>"
                            f"<w:txbxContent>{b}</w:txbxContent></w:drawing></mc:Choice>"
                            f"<mc:Fallback><w:txbxContent>{b}</w:txbxContent></mc:Fallback>"
                            "</mc:AlternateContent></w:r></w:p>"),
        inner.map(lambda b: f'<w:tbl><w:tr><w:tc><w:tcPr><w:vMerge/></w:tcPr>{b}</w:tc></w:tr></w:tbl>'),
    ),
    max_leaves=12,
)


@st.composite
def generated_docx(draw: st.DrawFn) -> bytes:
    """A structurally valid DOCX with random OOXML body content."""
    body = "".join(draw(st.lists(_BLOCKS, min_size=1, max_size=6)))
    return docx_with_body(body, base=seeds()[0])


ANY_INPUT = st.one_of(
    st.binary(max_size=4096),
    st.tuples(st.sampled_from(MAGICS), st.binary(max_size=4096)).map(lambda t: t[0] + t[1]),
    mutated(),
    mutated_docx_part(),
    generated_docx(),
    st.text(max_size=500).map(lambda t: t.encode("utf-8", "surrogatepass")),
)


def check_extract(data: bytes, outcomes: Counter[str] | None = None) -> None:
    """The invariant, through the dispatcher; records the outcome when ``outcomes`` is given."""
    try:
        doc = extract(data, limits=FUZZ_LIMITS)
    except DocumentError as exc:
        assert exc.code in ERROR_TABLE
        assert isinstance(exc.code, ErrorCode) and exc.message
        if outcomes is not None:
            outcomes[exc.code.value] += 1
        return
    assert isinstance(doc, Document)
    assert doc.format in {"pdf", "docx", "txt"}
    assert any(ch.isalnum() for ch in doc.text)
    assert len(doc.text) <= FUZZ_LIMITS.max_chars
    assert doc.text == "\n".join(line.text for line in doc.lines)
    for line in doc.lines:
        assert doc.text[line.start:line.end] == line.text
        assert "\n" not in line.text
    if outcomes is not None:
        outcomes[f"ok:{doc.format}"] += 1


def check_own_extractors(data: bytes) -> None:
    """DOCX and TXT extraction raise only DocumentError, never a stray parser exception."""
    try:
        fmt = sniff(data)
    except DocumentError:
        return
    try:
        if fmt == "docx":
            extract_docx(data, limits=FUZZ_LIMITS)
        elif fmt == "txt":
            extract_txt(data, limits=FUZZ_LIMITS)
    except DocumentError:
        pass
