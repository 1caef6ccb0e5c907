"""The normaliser reads words as displayed, records each change, and leaves legitimate scripts alone."""

from __future__ import annotations

import pytest

import resume_signals
from resume_signals.text.normalise import normalise_line

AS_OF = "2026-01-01"
RESUME = "EXPERIENCE\nML Engineer, Acme (2019 - 2024)\n- {bullet}\n"


@pytest.mark.parametrize(("raw", "shown", "kinds"), [
    ("Sh\u0456pped a model", "Shipped a model", [("confusable",)]),  # Cyrillic i
    ("\u0405hipped", "Shipped", [("confusable",)]),  # Cyrillic capital dze
    ("m\u03bfdel", "model", [("confusable",)]),  # Greek omicron
    ("Ship\u200bped", "Shipped", [("zero_width",)]),
    ("Ship\u00adped", "Shipped", [("soft_hyphen",)]),
    ("\uff33\uff48\uff49\uff50\uff50\uff45\uff44", "Shipped", [("compatibility",)]),  # fullwidth
    ("\u202edeppihS\u202c a model", "Shipped a model", [("bidi_override",)]),
    ("\u202eShipped\u202c", "deppihS", [("bidi_override",)]),  # displays reversed: read reversed
    # near misses: left alone
    ("Machine learning", "Machine learning", []),
    ("\u041c\u0430\u0448\u0438\u043d\u043d\u043e\u0435 \u043e\u0431\u0443\u0447\u0435\u043d\u0438\u0435",
     "\u041c\u0430\u0448\u0438\u043d\u043d\u043e\u0435 \u043e\u0431\u0443\u0447\u0435\u043d\u0438\u0435", []),
    ("\u03b2-VAE and \u03bcs latency", "\u03b2-VAE and \u03bcs latency", []),  # Greek letters as symbols
    ("\u673a\u5668\u5b66\u4e60\u5de5\u7a0b\u5e08", "\u673a\u5668\u5b66\u4e60\u5de5\u7a0b\u5e08", []),
    ("emoji \U0001f468\u200d\U0001f4bb ok", "emoji \U0001f468\U0001f4bb ok", []),  # a joiner between symbols
])
def test_normalise_line(raw: str, shown: str, kinds: list[tuple[str, ...]]) -> None:
    text, changes = normalise_line(raw)
    assert text == shown
    assert [c.kinds for c in changes] == kinds


def test_normalise_offsets_point_into_the_normalised_text() -> None:
    text, changes = normalise_line("We sh\u0456pped it and m\u200bonitored it", offset=100)
    assert [text[c.start - 100:c.end - 100] for c in changes] == ["shipped", "monitored"]
    assert [c.original for c in changes] == ["sh\u0456pped", "m\u200bonitored"]


@pytest.mark.parametrize("bullet", [
    "Sh\u0456pped a fraud model to production",
    "Ship\u200bped a fraud model to production",
    "\u202enoitcudorp ot ledom duarf a deppihS\u202c",
])
def test_normalise_obfuscated_words_are_read_and_flagged(bullet: str) -> None:
    report = resume_signals.score(RESUME.format(bullet=bullet).encode(), as_of=AS_OF)
    shipped = [s for s in report.signals if s.name == "shipped"]
    assert shipped and report.text[shipped[0].start:shipped[0].end] == shipped[0].match
    flag = next(f for f in report.flags if f.name == "obfuscated_text")
    word = flag.evidence["words"][0]
    assert report.text[word["start"]:word["end"]] == word["read_as"]


def test_normalise_reversed_display_never_scores() -> None:
    """Stored forwards inside an override, the word displays backwards: it must not count."""
    report = resume_signals.score(RESUME.format(bullet="\u202eShipped a fraud model\u202c").encode(), as_of=AS_OF)
    assert not [s for s in report.signals if s.name == "shipped"]
    assert any(f.name == "obfuscated_text" for f in report.flags)


@pytest.mark.parametrize("bullet", [
    "\u4e3a\u63a8\u8350\u7cfb\u7edf\u90e8\u7f72\u4e86\u6a21\u578b\uff0c\u5e76\u8fdb\u884c\u76d1\u63a7",
    "Shipped a ranking model, latency under 5 \u00b5s",
    "Trained a \u03b2-VAE",
])
def test_normalise_legitimate_text_is_not_flagged(bullet: str) -> None:
    report = resume_signals.score(RESUME.format(bullet=bullet).encode(), as_of=AS_OF)
    assert not any(f.name == "obfuscated_text" for f in report.flags)


def test_normalise_evidence_stays_exact_after_redaction() -> None:
    """Redaction rewrites contact lines; the obfuscated words' offsets still point at them."""
    from resume_signals import Pipeline

    text = "Robin Example, robin.example@example.com, +1 555 010 0000\n" + RESUME.format(
        bullet="Sh\u0456pped a fraud model to production")
    report = Pipeline(redact=True).score(text.encode(), as_of=AS_OF)
    assert "robin.example@example.com" not in report.text
    word = next(f for f in report.flags if f.name == "obfuscated_text").evidence["words"][0]
    assert report.text[word["start"]:word["end"]] == word["read_as"] == "Shipped"
