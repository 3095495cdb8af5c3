"""Unicode clean-up shared by ingest (the stable id hashes its output) and normalise.

It must be idempotent, or the same story would get two ids, and cheap, because every
entry passes through it twice.
"""

from __future__ import annotations

import re
import unicodedata

import ftfy

# Repair mojibake only: legit typography (curly quotes, full-width CJK forms) stays,
# and HTML entities stay too, since unescaping "&amp;amp;" twice is not idempotent.
_FTFY = ftfy.TextFixerConfig(
    unescape_html=False,
    uncurl_quotes=False,
    fix_character_width=False,
    normalization="NFC",
    explain=False,
)

# Line and paragraph separators become newlines rather than vanishing, so that words
# on either side of them do not run together. (str.replace per character beats
# str.translate, which is slow on non-ASCII text.)
_REPLACEMENTS = (
    *((c, "\n") for c in "\x0b\x0c\x85\u2028\u2029"),
    *((c, " ") for c in "\t\u00a0\u2007\u202f"),
    *((c, "") for c in "\u200b\u200c\u200d\u2060\ufeff"),
)
_CONTROL = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f]")
# ftfy reads at ~2 MB/s, so it only sees text that could hold mojibake: C1 controls, or
# a UTF-8 lead byte read as Latin-1/cp1252 ("Ã©", "â€œ") or cp1251 ("Рѕ") followed by a
# continuation byte read the same way. Clean text, curly quotes included, skips it.
_CP1252_HIGH = "€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ"
_CP1251_HIGH = "ЂЃ‚ѓ„…†‡€‰Љ‹ЊЌЋЏђ‘’“”•–—™љ›њќћџЎўЈ¤Ґ¦§Ё©Є«¬®Ї°±Ііґµ¶·ё№є»јЅѕї"
# One leading character class lets the regex engine skip ahead fast (~200 MB/s).
_MAYBE_MOJIBAKE = re.compile(
    "[\x80-\x9f\u00c2-\u00f4РС](?:(?<=[\x80-\x9f])"
    f"|(?<=[\u00c2-\u00f4])[\u00a0-\u00bf{_CP1252_HIGH}]"
    f"|(?<=[РС])[\u00a0\u00ad{_CP1251_HIGH}])"
)


def _basic(text: str) -> str:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    for char, replacement in _REPLACEMENTS:
        if char in text:
            text = text.replace(char, replacement)
    text = _CONTROL.sub("", text)
    if not text.isascii():
        text = unicodedata.normalize("NFC", text)
    # Per-line rstrip rather than a regex: " +$" rescans long runs of spaces and
    # goes quadratic on hostile input.
    if " \n" in text or text.endswith(" "):
        text = "\n".join(line.rstrip(" ") for line in text.split("\n"))
    return text


def clean_text(text: str) -> str:
    """Return ``text`` with line ends, mojibake, spaces and control characters repaired."""
    if text.isascii():
        return _basic(text)
    # Removing invisible characters can expose mojibake for ftfy to repair, so go on
    # to a fixed point, as idempotency needs; clean copy is done after one pass.
    for _ in range(3):
        fixed = _basic(ftfy.fix_text(text, _FTFY) if _MAYBE_MOJIBAKE.search(text) else text)
        if fixed == text or not _MAYBE_MOJIBAKE.search(fixed):
            return fixed
        text = fixed
    return text


def fold(text: str) -> str:
    """ "Agência Brasil" -> "agencia brasil": casefolded, without accents (letters with no ASCII form drop)."""
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().casefold()
