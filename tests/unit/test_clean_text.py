"""Unicode clean-up: repairs that keep legit text, idempotent and fast."""

from __future__ import annotations

import time
import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from services.core.text import clean_text


def test_line_ends() -> None:
    """CRLF and lone CR become LF."""
    assert clean_text("one\r\ntwo\rthree\n") == "one\ntwo\nthree\n"


def test_mojibake_is_repaired() -> None:
    """UTF-8 read as cp1252 is decoded back to the intended characters."""
    assert clean_text("cafÃ© â€œopenâ€\x9d") == "café “open”"


def test_c1_control_read_as_cp1252() -> None:
    """C1 controls from cp1252 quotes become the quotes they stood for."""
    assert clean_text("\x93Yes,\x94 he said") == "“Yes,” he said"


def test_legit_typography_is_kept() -> None:
    """Curly quotes, dashes, accents, Cyrillic and full-width forms are left alone."""
    text = "It’s “fine” — naïve Straße, Москва, ＡＢＣ 東京"
    assert clean_text(text) == text


def test_html_entities_are_kept() -> None:
    """Entities are not unescaped, since unescaping twice would not be idempotent."""
    assert clean_text("AT&amp;T") == "AT&amp;T"


def test_spaces_and_invisible_characters() -> None:
    """No-break spaces become spaces; zero-width characters vanish."""
    assert clean_text("a\u00a0b\u202fc\u2007d\u200be\u200cf\u200dg\ufeffh\u2060i") == "a b c defghi"


def test_control_characters() -> None:
    """C0 and C1 controls go, except newline; a tab becomes a space."""
    assert clean_text("a\x00b\x07c\x1bd\x7fe\tf\ng") == "abcde f\ng"


def test_line_separators_become_newlines() -> None:
    """Form feed and Unicode line separators break lines instead of joining words."""
    assert clean_text("one\x0ctwo\u2028three") == "one\ntwo\nthree"


def test_trailing_spaces_are_stripped() -> None:
    """Spaces at the end of each line are removed."""
    assert clean_text("a  \nb \t\n  c ") == "a\nb\n  c"


def test_nfc() -> None:
    """Decomposed accents are composed."""
    assert clean_text("cafe\u0301") == "caf\u00e9"


def test_empty() -> None:
    """Empty text stays empty."""
    assert clean_text("") == ""


def test_ascii_speed() -> None:
    """ASCII-ish copy is cleaned at well over 5 MB/s (a guard, not a benchmark)."""
    text = "MOSCOW, December 12. /TASS/. A lack of cooperation, he said.  \r\n" * 40000
    started = time.perf_counter()
    clean_text(text)
    assert len(text) / (time.perf_counter() - started) > 5e6


def test_curly_quote_speed() -> None:
    """Copy with curly quotes and no-break spaces skips ftfy's slow path."""
    text = "“We regret it,” Peskov\u00a0said about the city’s fate.\n" * 40000
    started = time.perf_counter()
    clean_text(text)
    assert len(text) / (time.perf_counter() - started) > 5e6


_TRICKY = st.sampled_from(
    [
        *"\r\n\t \x00\x85\x93\x94\u00a0\u200b\u00c3\u00a9\u00e2\u20ac\u0153\u0301Рѕ",
        "Ã©",
        "â€œ",
        "Ã\u200b©",
        "\r\n",
        "\u2028",
    ]
)


@given(st.lists(st.one_of(st.text(max_size=8), _TRICKY), max_size=40).map("".join))
def test_idempotent(text: str) -> None:
    """Cleaning twice gives the same text as cleaning once."""
    once = clean_text(text)
    assert clean_text(once) == once


@given(st.lists(st.one_of(st.text(max_size=8), _TRICKY), max_size=40).map("".join))
def test_no_control_characters_remain(text: str) -> None:
    """The output holds no control character but newline, and no carriage return."""
    cleaned = clean_text(text)
    assert all(c == "\n" or unicodedata.category(c) != "Cc" for c in cleaned)
    assert unicodedata.is_normalized("NFC", cleaned)
