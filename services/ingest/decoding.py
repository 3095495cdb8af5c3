"""Bytes to text: UTF-8 first, a BOM when there is one, else a charset detector."""

from __future__ import annotations

import codecs
import re

from charset_normalizer import from_bytes

from services.core.errors import Undecodable

# Control characters other than those wire formats use on purpose (ANPA-1312, IPTC 7901
# framing: TAB LF CR SOH STX ETX EOT VT FF DC1-DC4 SYN GS RS US DEL).
_STRAY_CONTROL = re.compile("[\x00\x05-\x08\x0e\x0f\x10\x15\x17-\x1c]")
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_MAX_CONTROL_SHARE = 0.05
# Terminal escape sequences (colours, cursor moves, window titles) from copy captured off
# a terminal: CSI "ESC [ ... final", OSC "ESC ] ... BEL|ESC \\", and two-byte escapes.
# Each alternative stops at the next ESC, so the scan stays linear on hostile input.
_ANSI = re.compile(r"\x1b(?:\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)?|[@-Z\\-_])")


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Return (text, charset name); raise Undecodable for binary or unknown encodings."""
    for bom, charset in _BOMS:
        if data.startswith(bom):
            try:
                return _checked(data.decode(charset), charset)
            except UnicodeDecodeError as exc:
                raise Undecodable(f"the text starts with a {charset} byte-order mark but is not {charset}") from exc
    if b"\x00" in data:
        raise Undecodable("the text contains NUL bytes: it looks like binary data, not wire copy")
    try:
        return _checked(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    best = from_bytes(data[:65536]).best()
    charset = best.encoding if best is not None else "cp1252"
    try:
        text = data.decode(charset)
    except (UnicodeDecodeError, LookupError):
        text, charset = data.decode("latin-1"), "latin-1"
    return _checked(text, charset)


def _checked(text: str, charset: str) -> tuple[str, str]:
    if "\x1b" in text:
        text = _ANSI.sub("", text)
    sample = text[:65536]
    if sample:
        controls = len(_STRAY_CONTROL.findall(sample))
        if controls / len(sample) > _MAX_CONTROL_SHARE:
            raise Undecodable(f"{controls} control characters in the first {len(sample)}: it looks like binary data")
    return text, charset
