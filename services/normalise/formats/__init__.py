"""One module per wire format, each with ``parse(text: str) -> ParsedCopy``."""

from __future__ import annotations

import functools
import importlib
from typing import Protocol

from services.core.errors import Unparseable
from services.core.models import FORMATS
from services.normalise.formats.detect import detect_format
from services.normalise.parsed import ParsedCopy


class _Parser(Protocol):
    def parse(self, text: str) -> ParsedCopy: ...


@functools.cache  # import_module costs a microsecond a call, as much as a regex
def parser_for(fmt: str) -> _Parser:
    if fmt not in FORMATS:
        raise Unparseable(f"unknown format {fmt!r}; expected one of {', '.join(FORMATS)}")
    module: _Parser = importlib.import_module(f"services.normalise.formats.{fmt}")
    return module


def parse_copy(text: str, hint: str = "auto") -> ParsedCopy:
    """Parse ``text`` in the hinted format, or in the detected one when the hint is ``auto``."""
    fmt = detect_format(text) if hint == "auto" else hint
    return parser_for(fmt).parse(text)
