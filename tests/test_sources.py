"""sources: a path, bytes or a binary file object into bytes, each failure with its own error code."""

from __future__ import annotations

import hashlib
import io
from pathlib import Path

import pytest

from resume_signals.errors import DocumentError, ErrorCode
from resume_signals.limits import Limits
from resume_signals.sources import describe, load

LIMITS = Limits(max_bytes=100)


@pytest.mark.parametrize("source, expected", [
    ("some/dir/cv.pdf", ("cv.pdf", "some/dir/cv.pdf")),
    (Path("cv.docx"), ("cv.docx", "cv.docx")),
    (b"raw", ("<bytes>", None)),
    (bytearray(b"raw"), ("<bytes>", None)),
    (memoryview(b"raw"), ("<bytes>", None)),
    (io.BytesIO(b"raw"), ("<stream>", None)),
])
def test_sources_describe(source, expected) -> None:
    assert describe(source) == expected


def test_sources_describe_named_stream(tmp_path: Path) -> None:
    path = tmp_path / "cv.txt"
    path.write_bytes(b"x")
    with path.open("rb") as fh:
        assert describe(fh) == ("cv.txt", str(path))


@pytest.mark.parametrize("make", [
    lambda p: str(p), lambda p: p, lambda p: p.read_bytes(), lambda p: io.BytesIO(p.read_bytes()),
], ids=["str", "path", "bytes", "stream"])
def test_sources_load_every_kind_gives_the_same_bytes_and_hash(tmp_path: Path, make) -> None:
    path = tmp_path / "cv.txt"
    path.write_bytes(b"Shipped a model")
    loaded = load(make(path), LIMITS)
    assert loaded.data == b"Shipped a model"
    assert loaded.size == 15
    assert loaded.sha256 == hashlib.sha256(b"Shipped a model").hexdigest()


def test_sources_load_at_the_limit_and_one_byte_over(tmp_path: Path) -> None:
    assert load(b"x" * 100, LIMITS).size == 100
    for source in (b"x" * 101, io.BytesIO(b"x" * 101)):
        with pytest.raises(DocumentError) as err:
            load(source, LIMITS)
        assert err.value.code is ErrorCode.TOO_LARGE
    big = tmp_path / "big.txt"
    big.write_bytes(b"x" * 101)
    with pytest.raises(DocumentError) as err:
        load(big, LIMITS)
    assert err.value.code is ErrorCode.TOO_LARGE and "limit" in err.value.message


def test_sources_stream_reads_at_most_one_byte_past_the_limit() -> None:
    stream = io.BytesIO(b"x" * 10_000)
    with pytest.raises(DocumentError):
        load(stream, LIMITS)
    assert stream.tell() == 101


def test_sources_missing_and_directory(tmp_path: Path) -> None:
    with pytest.raises(DocumentError) as err:
        load(tmp_path / "absent.pdf", LIMITS)
    assert err.value.code is ErrorCode.NOT_FOUND
    with pytest.raises(DocumentError) as err:
        load(tmp_path, LIMITS)
    assert err.value.code is ErrorCode.NOT_A_FILE


def test_sources_unreadable(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "locked.txt"
    path.write_bytes(b"x")

    def denied(self: Path, *args: object, **kwargs: object) -> None:
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(Path, "open", denied)  # root reads any file whatever its mode: deny it this way
    with pytest.raises(DocumentError) as err:
        load(path, LIMITS)
    assert err.value.code is ErrorCode.PERMISSION_DENIED and str(path) in err.value.message


def test_sources_text_stream_is_a_type_error() -> None:
    with pytest.raises(TypeError, match="binary mode"):
        load(io.StringIO("text"), LIMITS)  # type: ignore[arg-type]
