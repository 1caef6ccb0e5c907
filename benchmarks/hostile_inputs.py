"""Issue 5's hostile inputs, built in a temporary directory, scored one by one and then as one batch.

Usage (from the repository root):  .venv/bin/python benchmarks/hostile_inputs.py   (or `make hostile`)

Why a script and not a test: the closing note of issue 5 needs the code each
hostile input got and the time it took, and timings are not asserted in tests.
Every input is built here from the tests' own builders (tests/extract), nothing
binary is committed. Part one scores each input in this process with
`resume_signals.score` and prints the outcome, the seconds and the growth of
the process's peak RSS (the high-water mark only moves when an input needs
more memory than anything before it, so most rows show 0). Part two runs
`resume-signals batch` over all of them together with the good resumes of
fixtures/build and checks that exactly one line per input comes out and every
good resume is still scored.

Exit status 0 when every outcome matches the expected one, no input took longer
than the per-document time limit, and the batch lost nothing; 1 otherwise.
"""

from __future__ import annotations

import ctypes
import io
import json
import os
import random
import re
import resource
import shutil
import struct
import subprocess
import sys
import tempfile
import time
import zipfile
import zlib
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "extract"))

from extract_builders import (  # noqa: E402
    DOCX_HIDING_METHODS,
    body_xml,
    docx_with_body,
    para,
    read_part,
    rezip,
    simple_resume_docx,
    stuffed_docx,
)
from pdf_builders import (  # noqa: E402
    CID_FONT_NO_MAP,
    PDF_DESIGNS,
    PDF_HIDING_METHODS,
    STUFFING,
    designed_pdf,
    encrypted_pdf,
    image_only_pdf,
    late_root_pdf,
    many_pages_pdf,
    nested_pages_pdf,
    nested_pdf,
    one_page_pdf,
    page_pdf,
    simple_pdf,
    stuffed_pdf,
)

import resume_signals  # noqa: E402
from resume_signals.extract.pdfium import available as pdfium_available  # noqa: E402
from resume_signals.limits import DEFAULT_LIMITS  # noqa: E402
from resume_signals.report import Report, printable  # noqa: E402

AS_OF = "2026-01-01"
MB = 1024 * 1024
PDF_BOMB_BYTES = 4 << 30  # declared inflation of the stream bomb: 4 GiB
DOCX_BOMB_BYTES = 256 * MB  # word/document.xml of the zip bomb (5x the default part limit)
LINES = [(72, 700 - 14 * i, f"Line number {i} of the resume") for i in range(5)]
PR_CAPBSET_DROP, CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH = 24, 1, 2


@dataclass
class Case:
    """One input: the file name in the temp dir, the outcome it must get ("ok" or an error code), a remark."""

    name: str
    expected: str
    note: str = ""


# --- builders for what the test builders do not cover directly -------------------------------------



def _zeros_flate(n: int) -> bytes:
    """A zlib stream of ``n`` zero bytes (n a multiple of 1 MiB) without compressing ``n`` bytes.

    One MiB is deflated once and ended with a full flush, which resets the
    compressor's history, so every further MiB deflates to the very same bytes;
    the Adler-32 of n zeros is (n mod 65521) << 16 | 1. Building a 4 GiB bomb
    this way takes milliseconds instead of the ~20 s that zlib.compress needs.
    """
    chunk = bytes(MB)
    first = zlib.compressobj(9)
    head = first.compress(chunk) + first.flush(zlib.Z_FULL_FLUSH)
    again = zlib.compressobj(9)
    again.compress(chunk)
    again.flush(zlib.Z_FULL_FLUSH)
    body = again.compress(chunk) + again.flush(zlib.Z_FULL_FLUSH)
    tail = again.flush()[:-4] + struct.pack(">I", ((n % 65521) << 16) | 1)
    return head + body * (n // MB - 1) + tail


def _gigabyte_bomb_pdf(inflated: int) -> bytes:
    """pdf_builders.bomb_pdf's page, with its content stream built by `_zeros_flate` (bomb_pdf holds it in RAM)."""
    data = _zeros_flate(inflated)
    return one_page_pdf(b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(data) + data + b"\nendstream")


def _bomb_docx(size: int) -> bytes:
    """A DOCX whose word/document.xml is ``size`` bytes of one letter (compresses ~1000:1)."""
    head, tail = body_xml("<w:p><w:r><w:t>@@</w:t></w:r></w:p>").split(b"@@")
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(simple_resume_docx())) as src, \
            zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            if info.filename != "word/document.xml":
                dst.writestr(info.filename, src.read(info.filename))
                continue
            with dst.open("word/document.xml", "w", force_zip64=True) as fh:
                fh.write(head)
                for _ in range(size // MB):
                    fh.write(b"a" * MB)
                fh.write(tail)
    return out.getvalue()


XXE = ('<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
       '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
       "<w:body><w:p><w:r><w:t>&xxe;</w:t></w:r></w:p></w:body></w:document>")
LAUGHS = ('<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
          + "".join(f'<!ENTITY lol{i} "{(f"&lol{i - 1};" if i > 1 else "&lol;") * 10}">' for i in range(1, 10))
          + ']><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
          "<w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>")


def _docm() -> bytes:
    """A macro-enabled document: the .docm content type and a vbaProject.bin whose text must never be read."""
    base = simple_resume_docx()
    types = read_part(base, "[Content_Types].xml").replace(
        b"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
        b"application/vnd.ms-word.document.macroEnabled.main+xml")
    return rezip(base, replace={"[Content_Types].xml": types},
                 add={"word/vbaProject.bin": b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"Sub AutoOpen()" * 50})


def _png() -> bytes:
    """A real 32x32 grey PNG (a photo of a resume, as far as the library can know)."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    rows = b"".join(b"\0" + bytes(range(0, 256, 8)) for _ in range(32))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 32, 32, 8, 0, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b""))


def build(base: Path) -> list[Case]:
    """Write every input of issue 5 into ``base`` (plus near misses that must stay readable)."""
    rng = random.Random(5)
    cases: list[Case] = []

    def put(name: str, data: bytes, expected: str, note: str = "") -> None:
        (base / name).write_bytes(data)
        cases.append(Case(name, expected, note))

    put("zero_bytes.pdf", b"", "empty")
    put("random.pdf", rng.randbytes(50_000), "unsupported_format", "bytes decide, not the name")
    put("random.docx", rng.randbytes(50_000), "unsupported_format", "bytes decide, not the name")
    put("random_after_zip_magic.docx", b"PK\x03\x04" + rng.randbytes(20_000), "corrupt")

    late = late_root_pdf(LINES)
    catalog_end = late.index(b"endobj", late.index(b"/Catalog")) + len(b"endobj")
    for pct in (5, 25, 50, 75, 95):
        put(f"truncated_{pct:02d}pct.pdf", late[:max(9, catalog_end * pct // 100)], "corrupt")
    put("truncated_in_xref.pdf", late[:catalog_end + 40], "corrupt")
    put("truncated_in_trailer.pdf", late[:len(late) - 60], "corrupt")
    put("truncated_before_eof_marker.pdf", late[:late.rindex(b"%%EOF")], "ok", "near miss: only %%EOF lost")

    good = simple_pdf(LINES)
    put("broken_xref_offsets.pdf", re.sub(rb"\d{10} 00000 n", b"0000000001 00000 n", good), "ok",
        "every offset wrong: recovered by scanning")
    put("broken_xref_table.pdf", good[:good.index(b"\nxref") + 1] + b"xref\n0 9\ngarbage, not a table\n%%EOF\n",
        "corrupt", "xref and trailer replaced by garbage")

    put("encrypted_user_password.pdf", encrypted_pdf("secret", "owner-secret"), "encrypted")
    put("encrypted_owner_only.pdf", encrypted_pdf("", "owner-secret"), "ok", "opens without a password: read")
    put("image_only_scan.pdf", image_only_pdf(), "no_text_layer")
    put("pages_1000.pdf", many_pages_pdf(1000), "too_many_pages")
    put(f"stream_bomb_{PDF_BOMB_BYTES >> 30}gib.pdf", _gigabyte_bomb_pdf(PDF_BOMB_BYTES), "decompression_limit",
        f"content stream declares {PDF_BOMB_BYTES >> 30} GiB")
    put("nested_arrays_20000.pdf", nested_pdf(20_000), "ok", "deep object parsed without recursion: read")
    put("nested_dicts_20000.pdf", nested_pdf(20_000, kind="dict"), "ok", "deep object parsed without recursion")
    put("nested_page_tree_5000.pdf", nested_pages_pdf(5000), "too_deeply_nested", "page tree 5000 levels deep")
    cid_only = page_pdf([b"BT /F1 10 Tf 72 700 Td <001200130014> Tj ET"], {"F1": CID_FONT_NO_MAP})
    put("cid_only_no_tounicode.pdf", cid_only, "undecodable_text", "every glyph a (cid:N): route to OCR")
    deep = para("deep")
    for _ in range(150):
        deep = f"<w:tbl><w:tr><w:tc>{deep}</w:tc></w:tr></w:tbl>"
    put("xml_depth_450.docx", docx_with_body(deep), "too_deeply_nested", "past libxml2's depth limit")

    put(f"zip_bomb_{DOCX_BOMB_BYTES // MB}mb.docx", _bomb_docx(DOCX_BOMB_BYTES), "decompression_limit",
        f"word/document.xml inflates to {DOCX_BOMB_BYTES // MB} MB")
    put("no_document_xml.docx", rezip(simple_resume_docx(), drop=["word/document.xml"]), "corrupt")
    put("external_entity.docx", rezip(simple_resume_docx(), replace={"word/document.xml": XXE.encode()}),
        "unsafe_content")
    put("billion_laughs.docx", rezip(simple_resume_docx(), replace={"word/document.xml": LAUGHS.encode()}),
        "unsafe_content")
    put("macros.docm", _docm(), "ok", "text read, macros never run")

    put("legacy.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(4096), "unsupported_format")
    put("resume.rtf", b"{\\rtf1\\ansi\\deff0 {\\fonttbl {\\f0 Times;}} Jane Doe \\par Experience \\par}",
        "unsupported_format")
    put("resume.html", b"<!DOCTYPE html>\n<html><head><title>CV</title></head><body><h1>Jane Doe</h1>"
        b"<h2>Experience</h2><p>Shipped a ranking model</p></body></html>", "unsupported_format")
    put("photo.png", _png(), "unsupported_format")

    big = base / "padded_50mb.pdf"  # a readable resume PDF followed by 50 MB of zeros (sparse on disk)
    big.write_bytes((ROOT / "fixtures" / "build" / "f02.pdf").read_bytes())
    with big.open("r+b") as fh:
        fh.truncate(50 * MB)
    cases.append(Case(big.name, "too_large", "a real resume padded to 50 MB"))

    put("unknown_encoding.txt", bytes(rng.randrange(0xA0, 0x100) for _ in range(5000)), "unsupported_format")
    put("cp1252.txt", "Résumé — José Müller\nExperience\n• Shipped a ranking model\n".encode("cp1252"), "ok",
        "near miss: a legacy encoding is still read")
    put("one_line_5mb.txt", b"shipped " * (5 * MB // 8), "too_much_text")

    cases.append(Case("not_uploaded.pdf", "not_found", "path does not exist"))
    (base / "a_directory").mkdir()
    cases.append(Case("a_directory", "not_a_file"))
    unreadable = base / "unreadable.txt"
    unreadable.write_text("Experience\nML Engineer, Acme (2019 - 2021)\n- Shipped a ranking model\n", encoding="utf-8")
    unreadable.chmod(0)
    try:
        unreadable.open("rb").close()
        cases.append(Case(unreadable.name, "ok", "chmod 000, but root bypasses file permissions"))
    except PermissionError:
        cases.append(Case(unreadable.name, "permission_denied", "chmod 000"))

    # file-system faults (issue 10): names no terminal or JSON should choke on, link loops
    resume = b"EXPERIENCE\nML Engineer, Acme (2019 - 2024)\n- Shipped a fraud model to production\n"
    put(os.fsdecode(b"caf\xe9_latin1_name.txt"), resume, "ok", "name not UTF-8: path_bytes_b64")
    put("escape_\x1b[31mred_name.txt", resume, "ok", "terminal escape in the name: printed escaped")
    os.symlink("self_loop", base / "self_loop")
    cases.append(Case("self_loop", "symlink_loop", "a link to itself"))
    os.symlink("loop_b", base / "loop_a")
    os.symlink("loop_a", base / "loop_b")
    cases.append(Case("loop_a", "symlink_loop", "two links pointing at each other"))
    cases.append(Case("loop_b", "symlink_loop", "two links pointing at each other"))
    return cases


# --- unreadable files under root ----------------------------------------------------------------------

def _drop_dac_capabilities() -> None:
    """preexec_fn (as in tests/test_batch_hostile.py): root without the DAC-override capabilities honours chmod."""
    libc = ctypes.CDLL(None, use_errno=True)
    for cap in (CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH):
        if libc.prctl(PR_CAPBSET_DROP, cap, 0, 0, 0) != 0:
            raise OSError(ctypes.get_errno(), "prctl(PR_CAPBSET_DROP)")


BACKENDS = ["pdfminer"] + (["pdfium"] if pdfium_available() else [])
"""The hostile-input report runs on both PDF backends when the [fast] extra is installed."""

PREEXEC = _drop_dac_capabilities if os.geteuid() == 0 else None


def _score_denied(path: Path) -> tuple[str, float]:
    """Score ``path`` in a child that cannot bypass permissions; the seconds include the child's start-up."""
    code = (f"import sys, resume_signals; r = resume_signals.score(sys.argv[1], as_of={AS_OF!r}); "
            "print(r.error_code or r.status)")
    start = time.perf_counter()
    try:
        done = subprocess.run([sys.executable, "-c", code, str(path)], preexec_fn=PREEXEC, capture_output=True,
                              text=True, timeout=120)
    except OSError as exc:  # the capabilities could not be dropped here
        return f"n/a ({exc.strerror})", time.perf_counter() - start
    out = done.stdout.strip().splitlines()
    return (out[-1] if done.returncode == 0 and out else f"exit {done.returncode}"), time.perf_counter() - start


# --- the two parts ------------------------------------------------------------------------------------

def _maxrss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


def score_each(base: Path, cases: list[Case], backend: str) -> bool:
    """Part one: every input in this process; prints the table, returns whether all matched in time."""
    resume_signals.score(ROOT / "fixtures" / "build" / "f01.txt", as_of=AS_OF)  # warm-up: rules, spaCy
    bound = DEFAULT_LIMITS.timeout
    print(f"Part 1 ({backend}): resume_signals.score(path, backend={backend!r}) in process "
          f"(bound per input: {bound:.0f} s, the default timeout)")
    header = f"{'input':<34} {'bytes':>10} {'expected':<20} {'got':<20} {'seconds':>8} {'peak+MB':>8}  note"
    print(header)
    print("-" * len(header))
    all_good = True
    rows: list[tuple[str, str, str, str, float, str, str]] = []
    for case in cases:
        path = base / case.name
        size = str(path.stat().st_size) if path.is_file() else "-"
        rss = _maxrss_mb()
        start = time.perf_counter()
        report = resume_signals.score(path, as_of=AS_OF, backend=backend)
        seconds = time.perf_counter() - start
        grew = f"{_maxrss_mb() - rss:.0f}"
        rows.append((printable(case.name), size, case.expected, _outcome(report), seconds, grew,
                     case.note + (f" (warning: {report.error_code})" if report.status == "partial" else "")))
    if os.geteuid() == 0:
        got, seconds = _score_denied(base / "unreadable.txt")
        rows.append(("unreadable.txt (no DAC caps)", str((base / "unreadable.txt").stat().st_size),
                     "permission_denied", got, seconds, "-", "child process without CAP_DAC_*; incl. start-up"))
    for name, size, expected, got, seconds, grew, note in rows:
        bad = []
        if got.startswith("n/a"):  # capabilities cannot be dropped on this machine: nothing to compare
            note += "; not measurable here"
        elif got != expected:
            bad.append("MISMATCH")
        if seconds > bound:
            bad.append("SLOW")
        all_good &= not bad
        flag = f"  <-- {' '.join(bad)}" if bad else ""
        print(f"{name:<34} {size:>10} {expected:<20} {got:<20} {seconds:>8.3f} {grew:>8}  {note}{flag}")
    mismatches = sum(1 for r in rows if r[3] != r[2] and not r[3].startswith("n/a"))
    print(f"{len(rows)} rows, {mismatches} mismatches, slowest {max(r[4] for r in rows):.3f} s")
    return all_good


def _outcome(report: Report) -> str:
    """A failed report's code, else "ok": a warning (not_a_resume on a one-line test file) still means read."""
    return (report.error_code or "failed") if report.status == "failed" else "ok"


def batch(base: Path, cases: list[Case], out: Path, backend: str) -> bool:
    """Part two: one `resume-signals batch` run over the hostile inputs and the good fixtures together."""
    good = sorted(p for p in (ROOT / "fixtures" / "build").iterdir() if p.is_file())
    for p in good:
        shutil.copy(p, base / p.name)
    missing = base / "not_uploaded.pdf"
    # A folder means its resumes (.pdf, .docx, .txt, links included); part one reads the other names directly.
    inputs = sorted(p.name for p in base.iterdir() if (p.is_file() or p.is_symlink())
                    and p.suffix.lower() in (".pdf", ".docx", ".txt")) + [missing.name]
    expected = {c.name: c.expected for c in cases}
    denied = False
    if os.geteuid() == 0:
        denied = _score_denied(base / "unreadable.txt")[0] == "permission_denied"
        expected["unreadable.txt"] = "permission_denied" if denied else "ok"
    cmd = [str(ROOT / ".venv" / "bin" / "resume-signals"), "batch", str(base), str(missing), "--out", str(out),
           "--quiet", "--workers", "2", "--as-of", AS_OF, "--backend", backend]
    out.unlink(missing_ok=True)  # a re-run would skip what the previous backend's run wrote
    print()
    print("Part 2: " + " ".join(["resume-signals", "batch", "<tmpdir>", "<tmpdir>/not_uploaded.pdf", "--out",
                                 "<tmp>/results.jsonl", "--quiet", "--workers", "2", "--as-of", AS_OF,
                                 "--backend", backend]))
    if os.geteuid() == 0:
        print(f"  run without CAP_DAC_OVERRIDE/CAP_DAC_READ_SEARCH: {'yes' if denied else 'no (not possible here)'}")
    start = time.perf_counter()
    done = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=600,
                          preexec_fn=PREEXEC if denied else None)
    wall = time.perf_counter() - start
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    reports = [Report.from_dict(line) for line in lines]  # names as the file system holds them
    names = Counter(r.source.name for r in reports)
    got = {r.source.name: _outcome(r) for r in reports}
    duplicates = sorted(n for n, k in names.items() if k > 1)
    lost = sorted(set(inputs) - set(names))
    extra = sorted(set(names) - set(inputs))
    good_not_ok = sorted(p.name for p in good if got.get(p.name) != "ok")
    wrong = sorted(f"{n}: expected {expected[n]}, got {got[n]}" for n in expected
                   if n in got and got[n] != expected[n])
    print(f"  inputs: {len(inputs)} ({len(good)} good fixtures, {len(inputs) - len(good)} hostile;"
          f" a folder's subdirectories and files without a resume suffix are not inputs of a directory batch)")
    print(f"  output lines: {len(lines)}")
    print(f"  duplicates: {', '.join(duplicates) or 'none'}")
    print(f"  lost: {', '.join(lost) or 'none'};  unexpected: {', '.join(extra) or 'none'}")
    print(f"  good resumes ok: {len(good) - len(good_not_ok)}/{len(good)}"
          + (f"  NOT OK: {', '.join(good_not_ok)}" if good_not_ok else ""))
    print(f"  hostile codes differing from part 1's expectation: {'; '.join(wrong) or 'none'}")
    print(f"  exit status {done.returncode} (1 = some input failed, as expected); traceback on stderr:"
          f" {'YES' if 'Traceback' in done.stderr else 'no'}")
    print(f"  wall time: {wall:.1f} s")
    return (len(lines) == len(inputs) and not duplicates and not lost and not extra and not good_not_ok
            and not wrong and "Traceback" not in done.stderr)


# --- issue 10: hidden text, obfuscation, file-system faults ------------------------------------------

def hiding_methods() -> bool:
    """Part three: each hiding method's score without the stuffing, with it hidden, and with it shown.

    PDF rows run on every PDF backend: the same rule must see the same drawing state through each."""
    print()
    print("Part 3: hidden-text stuffing (one line of production keywords added to a page that scores 0)")
    header = f"{'format':<14} {'method':<26} {'visible-only':>12} {'hidden':>8} {'shown':>8}  flag   status"
    print(header)
    print("-" * len(header))
    good = True
    kinds = [(f"pdf/{b}", b, stuffed_pdf, PDF_HIDING_METHODS) for b in BACKENDS]
    kinds.append(("docx", "pdfminer", lambda m: stuffed_docx(m, STUFFING), DOCX_HIDING_METHODS))
    for fmt, backend, make, methods in kinds:
        plain = resume_signals.score(make(None), as_of=AS_OF, backend=backend)
        shown = resume_signals.score(make("visible"), as_of=AS_OF, backend=backend)
        for method in methods:
            report = resume_signals.score(make(method), as_of=AS_OF, backend=backend)
            flagged = any(f.name == "hidden_text" for f in report.flags)
            ok = report.score == plain.score and flagged and report.status == "partial"
            good &= ok
            print(f"{fmt:<14} {method:<26} {plain.score:>12.1f} {report.score or 0:>8.1f} {shown.score or 0:>8.1f}"
                  f"  {'yes' if flagged else 'NO':<5}  {report.status}{'' if ok else '  <-- MISMATCH'}")
    designs = []
    for backend in BACKENDS:
        designs += [(f"pdf/{backend}", backend, d, stuffed_pdf(None, **{d: True}))
                    for d in ("grey_dates", "coloured_heading")]
        designs += [(f"pdf/{backend}", backend, d, designed_pdf(d)) for d in PDF_DESIGNS]
    designs += [("docx", "pdfminer", d, stuffed_docx(None, STUFFING, **{d: True}))
                for d in ("grey_dates", "coloured_heading")]
    for fmt, backend, design, data in designs:
        report = resume_signals.score(data, as_of=AS_OF, backend=backend)
        flagged = any(f.name == "hidden_text" for f in report.flags)
        good &= not flagged
        print(f"{fmt:<14} {design:<26} {'(near miss: ordinary design)':>30}  {'YES' if flagged else 'no':<5}"
              f"  {report.status}{'  <-- FALSE FLAG' if flagged else ''}")
    return good


OBFUSCATIONS = {
    "cyrillic_i": "Sh\u0456pped", "cyrillic_capital_dze": "\u0405hipped", "greek_omicron": "Shipped a m\u03bfdel",
    "zero_width_space": "Ship\u200bped", "word_joiner": "Ship\u2060ped", "soft_hyphen": "Ship\u00adped",
    "fullwidth": "\uff33\uff48\uff49\uff50\uff50\uff45\uff44", "rlo_stored_reversed": "\u202edeppihS\u202c",
}


def obfuscations() -> bool:
    """Part four: each obfuscation of 'Shipped' is read as shipped; a stored-forward RLO run is not."""
    print()
    print("Part 4: obfuscated words (bullet: '<word> a fraud model to production')")
    good = True
    cases = [*OBFUSCATIONS.items(), ("rlo_displays_reversed", "\u202eShipped\u202c")]
    for name, word in cases:
        text = f"EXPERIENCE\nML Engineer, Acme (2019 - 2024)\n- {word} a fraud model to production\n"
        report = resume_signals.score(text.encode(), as_of=AS_OF)
        found = any(s.name == "shipped" for s in report.signals)
        flagged = any(f.name == "obfuscated_text" for f in report.flags)
        want_found = name != "rlo_displays_reversed"
        want_flag = name not in ("soft_hyphen", "fullwidth")  # typography, recorded but not a trick
        ok = found == want_found and flagged == want_flag
        good &= ok
        print(f"  {name:<24} shipped found: {'yes' if found else 'no':<4} obfuscated_text: "
              f"{'yes' if flagged else 'no':<4}{'' if ok else '  <-- MISMATCH'}")
    return good


def fs_faults(tmp: Path) -> bool:
    """Part five: a full disk, a crashed line, a changed file and a bad line in a batch results file."""
    print()
    print("Part 5: file-system faults in `resume-signals batch`")
    cli = [str(ROOT / ".venv" / "bin" / "resume-signals")]
    folder = tmp / "fs"
    folder.mkdir()
    for i in range(3):
        (folder / f"r{i}.txt").write_text(f"EXPERIENCE\nML Engineer, Acme (2019 - 2024)\n- Shipped model {i}\n",
                                          encoding="utf-8")
    out = tmp / "fs.jsonl"
    argv = [*cli, "batch", str(folder), "--quiet", "--workers", "1", "--as-of", AS_OF]
    good = True

    def check(label: str, ok: bool, detail: str) -> None:
        nonlocal good
        good &= ok
        print(f"  {label:<34} {detail}{'' if ok else '  <-- PROBLEM'}")

    def small_disk() -> None:  # the file may not grow past 2500 bytes: writes beyond fail with EFBIG
        resource.setrlimit(resource.RLIMIT_FSIZE, (2500, resource.RLIM_INFINITY))

    full = subprocess.run([*argv, "--out", str(out)], capture_output=True, text=True, timeout=300,
                          preexec_fn=small_disk)
    whole = out.read_bytes().endswith(b"\n") and len(out.read_bytes()) <= 2500
    check("disk full part way (RLIMIT_FSIZE)", full.returncode == 4 and whole and "Traceback" not in full.stderr,
          f"exit {full.returncode}, {len(out.read_text(encoding='utf-8').splitlines())} whole line(s) kept: "
          f"{full.stderr.strip().splitlines()[-1][:70] if full.stderr.strip() else ''}")
    after = subprocess.run([*argv, "--out", str(out)], capture_output=True, text=True, timeout=300)
    check("next run finishes", after.returncode == 0 and len(out.read_text(encoding="utf-8").splitlines()) == 3,
          after.stderr.strip().splitlines()[-1])
    out.unlink()
    (folder / "r1.txt").write_text("RESUME_SIGNALS_TEST_CRASH\n", encoding="utf-8")
    # The crash marker is a test hook (tests/batch_hooks.py wraps the batch's scorer); production code has none.
    sys.path.insert(0, str(ROOT / "tests"))
    from batch_hooks import cli_command

    hooked = cli_command(*argv[1:])
    subprocess.run([*hooked, "--out", str(out)], capture_output=True, text=True, timeout=300)
    codes = {Path(r["source"]["path"]).name: (r["errors"] or [{"code": "ok"}])[0]["code"]
             for r in map(json.loads, out.read_text(encoding="utf-8").splitlines())}
    check("worker crash", codes.get("r1.txt") == "worker_crashed", f"r1.txt: {codes.get('r1.txt')}")
    plain = subprocess.run([*argv, "--out", str(out)], capture_output=True, text=True, timeout=300)
    check("re-run keeps the crash line", "3 skipped" in plain.stderr, plain.stderr.strip().splitlines()[-1])
    retry = subprocess.run([*argv, "--out", str(out), "--retry-failed"], capture_output=True, text=True,
                           timeout=300)
    lines = out.read_text(encoding="utf-8").splitlines()
    check("--retry-failed", "2 skipped" in retry.stderr and len(lines) == 3,
          f"{retry.stderr.strip().splitlines()[-1]}; {len(lines)} lines")
    (folder / "r2.txt").write_text("EXPERIENCE\n- Deployed a churn model\n", encoding="utf-8")
    with out.open("a", encoding="utf-8") as fh:
        fh.write("this is not a report\n")
    again = subprocess.run([*argv, "--out", str(out)], capture_output=True, text=True, timeout=300)
    lines = out.read_text(encoding="utf-8").splitlines()
    rejected = tmp / "fs.rejected.jsonl"
    check("changed file + a bad line", len(lines) == 3 and rejected.exists(),
          f"{len(lines)} lines, rejected file {'written' if rejected.exists() else 'MISSING'}; "
          f"{again.stderr.strip().splitlines()[-1]}")
    return good


def main() -> int:
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="hostile_") as tmp:
        base = Path(tmp) / "inputs"
        base.mkdir()
        cases = build(base)
        print(f"Built {len(cases)} inputs in {time.perf_counter() - started:.1f} s"
              f" (resume_signals {resume_signals.__version__}, uid {os.geteuid()})")
        print()
        ok_each = ok_batch = True
        for backend in BACKENDS:
            ok_each &= score_each(base, cases, backend)
            ok_batch &= batch(base, cases, Path(tmp) / "results.jsonl", backend)
            print()
        (base / "unreadable.txt").chmod(0o600)
        ok_more = hiding_methods() & obfuscations() & fs_faults(Path(tmp))
    verdict = "PASS" if ok_each and ok_batch and ok_more else "FAIL"
    print()
    print(f"{verdict}: outcomes {'all as expected' if ok_each else 'DIFFER'},"
          f" batch {'lost nothing' if ok_batch else 'HAS PROBLEMS'} (total {time.perf_counter() - started:.1f} s)")
    return 0 if verdict == "PASS" else 1


if __name__ == "__main__":
    sys.exit(main())
