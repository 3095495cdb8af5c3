"""Text helpers every format parser shares: clean-up, paragraphs, datelines, signals.

The parsers differ in how they find the parts of a story; once found, every part goes
through the same few functions here, so two formats never disagree on what a paragraph,
a dateline or a take key looks like.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from services.core.models import Block, Dateline
from services.core.text import clean_text
from services.normalise.datelines import find_dateline

# A blank line, or a line break followed by an indent, starts a paragraph in hard-wrapped
# wire copy; a break followed by text at the margin is only the wire's line length.
_BLANK_LINE = re.compile(r"\n[ \t]*\n")
_INDENTED_BREAK = re.compile(r"\n(?=[ \t]+\S)")
_SOFT_BREAK = re.compile(r"\n(?=\S)")

# Desk initials closing a story ("hh/ph/ts/hd", "gr/bp", "dpa wsz jln"): not article text.
_INITIALS = re.compile(r"^(?:[a-z]{1,4}(?:/[a-z]{1,4})+|dpa(?: [a-z0-9]{1,5})+)$")

# Take keys that AP and others write into a slugline: "1st Ld-Writethru", "2nd Ld".
_SLUG_TAKE_KEY = re.compile(
    r"\b\d+(?:st|nd|rd|th)\s?Ld(?:-Writethru)?\b|\bWritethru\b|\bCorrection\b"
    r"|(?<=\()UPDATE \d+(?=\))",
    re.I,
)

# A dedicated dateline field that find_dateline cannot read: "CITY, date (AGENCY) -".
_DATELINE_FIELD = re.compile(
    r"^(?P<city>[^,(\d][^,(]*?)\s*(?:,\s*(?P<date>[^()]*?))?\s*"
    r"(?:\((?P<agency>[^)]+)\))?\s*[-\u2013\u2014_.]*\s*$"
)


def clean(text: str | None) -> str | None:
    """Repair and trim one text value; None when nothing is left."""
    if text is None:
        return None
    value = " ".join(clean_text(text).split())
    return value or None


def clean_pre(text: str) -> str:
    """Repair preformatted text, keeping its lines and inner spacing."""
    lines = [line.rstrip() for line in clean_text(text).split("\n")]
    return "\n".join(lines).strip("\n")


def split_paragraphs(text: str) -> list[str]:
    """Cut hard-wrapped copy into paragraphs and join each one's lines."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    chunks = _BLANK_LINE.split(text)
    if _SOFT_BREAK.search(text.strip("\n")) and _INDENTED_BREAK.search(text):
        # Indented first lines with flush continuation lines: every indent opens a paragraph.
        chunks = [part for chunk in chunks for part in _INDENTED_BREAK.split(chunk)]
    return [p for p in (clean(chunk) for chunk in chunks) if p]


def paragraphs(texts: Iterable[str]) -> list[Block]:
    return [Block(kind="paragraph", text=t) for t in texts if t]


def is_initials(text: str) -> bool:
    return bool(_INITIALS.match(text.strip()))


def slug_take_keys(slugline: str | None) -> list[str]:
    return [m.group(0) for m in _SLUG_TAKE_KEY.finditer(slugline or "")]


def dateline_from_field(text: str | None, city: str | None = None, agency: str | None = None) -> Dateline | None:
    """Read a dedicated dateline element ("STOCKHOLM, Aug 29, 2014 (AFP) -")."""
    text = clean(text)
    if text is None:
        return Dateline(text=city, city=city, agency=agency) if city else None
    found = find_dateline(text + " ")
    if found is not None:
        dateline = found[0]
        return dateline.model_copy(update={"city": dateline.city or city, "agency": dateline.agency or agency})
    m = _DATELINE_FIELD.match(text)
    if m is None or any(ch.isdigit() for ch in m.group("city")):
        # No city in the text ("4/4/2018"): the city comes from metadata, if at all.
        return Dateline(text=text, city=city, date_text=text if city else None, agency=agency)
    return Dateline(
        text=text,
        city=m.group("city") or city,
        date_text=m.group("date") or None,
        agency=m.group("agency") or agency,
    )


def cut_dateline(body: list[Block], hint: Dateline | None = None) -> tuple[Dateline | None, list[Block]]:
    """Take the dateline off the first paragraph; a dedicated element fills what it lacks."""
    if body and body[0].kind == "paragraph":
        found = find_dateline(body[0].text)
        if found is not None:
            dateline, start = found
            if hint is not None:
                dateline = dateline.model_copy(
                    update={
                        "city": dateline.city or hint.city,
                        "date_text": dateline.date_text or hint.date_text,
                        "agency": dateline.agency or hint.agency,
                    }
                )
            rest = body[0].text[start:].strip()
            first = [Block(kind="paragraph", text=rest)] if rest else []
            return dateline, first + body[1:]
    return hint, body


def language_tag(value: str | None) -> str | None:
    """Normalise a language code to BCP 47 case ("EN" -> "en", "en-gb" -> "en-GB")."""
    if not value or not value.strip() or value.strip().lower().startswith("x-"):
        return None
    parts = value.strip().replace("_", "-").split("-")
    out = [parts[0].lower()]
    for part in parts[1:]:
        out.append(part.upper() if len(part) == 2 else part.title() if len(part) == 4 else part)
    return "-".join(out)


def version_signal(version: str | None) -> list[str]:
    """A version above 1 tells publish that this copy updates an earlier one."""
    version = (version or "").strip()
    return [f"version:{version}"] if version and version not in {"0", "1"} else []


def unique(values: Iterable[str | None]) -> list[str]:
    seen: dict[str, None] = {}
    for value in values:
        if value:
            seen.setdefault(value, None)
    return list(seen)
