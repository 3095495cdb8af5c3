"""IPTC 7901 as dpa sends it: numeric header, slug line, STX, heads ending " =", text.

    SOH eca062 4 i 211 ccccb   dpa 061    service + sequence, priority, category,
                                          word count, source and its own number
    Germany-politics/                     slug line, "/"-separated, ending "/"
    STX REFILE                            take key lines (optional)
        1ST LEAD
        Switzerland joins ... pact        headline (may wrap)
        By dpa correspondents =           byline; " =" ends the heads
       Geneva (dpa) - Switzerland ...     hard-wrapped paragraphs
    # Notebook / * * * * not for publication ...   notes for editors
    dpa al rmo                            desk initials
    ETX 212322 GMT Nov 18                 trailer

Telex copy framed by ZCZC ... NNNN is read the same way. A truncated message (no ETX,
no " =") still parses: the heads then end at the first blank line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from services.core.errors import EmptyInput, Unparseable
from services.normalise.formats._common import (
    clean,
    cut_dateline,
    is_initials,
    paragraphs,
    split_paragraphs,
    unique,
)
from services.normalise.parsed import ParsedCopy

_HEADER = re.compile(
    r"^(?:ZCZC)?\s*\x01?\s*(?P<service>[a-z]{2,4})(?P<sequence>\d{3,4})\s+(?P<priority>\d)\s+"
    r"(?P<category>[a-z]{1,3})\s+(?P<words>\d{1,5})(?P<rest>.*)$",
    re.I,
)
_HEAD_END = re.compile(r"\s=\s*$|^=\s*$")
# Lines before the headline that are take keys: "REFILE", "1ST LEAD", "EXTRA", "(Achtung)".
_TAKE_KEY = re.compile(r"^(?:\([^)]{1,30}\)|[A-Z0-9][A-Z0-9 .\-]{0,29})$")
_BYLINE = re.compile(r"^(?:By|Von|Par|Por)\s+\S", re.I)
# Where the story ends and the notes for editors begin.
_NOTES_START = re.compile(
    r"^\s*(?:#\s*(?:dpa\s+)?(?:notebook|notizblock)\b|\*\s\*\s\*|"
    r"the following information is not (?:intended )?for publication)",
    re.I | re.M,
)
_TRAILER_LINE = re.compile(r"^\d{6}\s+(?:GMT\s+)?\w{3}\s+\d{1,2}\s*$")


@dataclass(frozen=True, slots=True)
class IptcHeader:
    service: str | None = None
    sequence: str | None = None
    priority: str | None = None
    category: str | None = None
    word_count: int | None = None
    source: str | None = None


def parse(text: str) -> ParsedCopy:
    if not text.strip():
        raise EmptyInput("the IPTC 7901 message is empty")
    text = text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")
    if text.lstrip().startswith("ZCZC"):
        # Telex framing: ZCZC opens the message, NNNN closes it.
        text = text.lstrip()[4:].split("NNNN", 1)[0]
    pre, stx, after = text.partition("\x02")
    if not stx:
        pre, after = _split_without_stx(text)
    message, _, trailer = after.partition("\x03")
    slugline = _slug(pre)

    lines = message.split("\n")
    head, rest = _heads(lines)
    take_keys, headline_lines, byline = _read_heads(head)
    story, notes = _split_notes("\n".join(rest))
    blocks = paragraphs(split_paragraphs(story))
    boilerplate = notes
    while blocks and is_initials(blocks[-1].text):
        boilerplate.insert(0, blocks.pop().text)
    dateline, blocks = cut_dateline(blocks)
    stamp = clean(trailer.replace("\x7f", "").replace("\x04", ""))
    if stamp:
        boilerplate.append(stamp)
    headline = clean(" ".join(headline_lines))
    if headline is None and not blocks:
        raise Unparseable("no IPTC 7901 heads or text found")
    return ParsedCopy(
        format="iptc7901",
        headline=headline,
        byline=byline,
        slugline=slugline,
        dateline=dateline,
        body=blocks,
        boilerplate=unique(boilerplate),
        signals=unique([" ".join(take_keys)]),
    )


def read_header(text: str) -> IptcHeader:
    """The numeric header line: service, sequence, priority, category, words, source."""
    for line in text[:512].replace("\r", "\n").split("\n")[:3]:
        m = _HEADER.match(line.strip(" \x16"))
        if m:
            rest = m["rest"].split()
            return IptcHeader(
                service=m["service"].lower(),
                sequence=m["sequence"],
                priority=m["priority"],
                category=m["category"].lower(),
                word_count=int(m["words"]),
                source=next((w for w in rest if w.isalpha() and not set(w) <= {"c", "b"}), None),
            )
    return IptcHeader()


def _split_without_stx(text: str) -> tuple[str, str]:
    """No STX: the header and slug lines are the leading lines that look like them."""
    lines = text.split("\n")
    i = 0
    while i < len(lines) and (not lines[i].strip() or _HEADER.match(lines[i].strip(" \x01\x16")) or _is_slug(lines[i])):
        i += 1
        if i > 4:
            break
    return "\n".join(lines[:i]), "\n".join(lines[i:])


def _is_slug(line: str) -> bool:
    line = line.strip()
    return line.endswith("/") and " =" not in line and len(line) < 120


def _slug(pre: str) -> str | None:
    for line in reversed(pre.split("\n")):
        if _is_slug(line):
            return clean(line.strip().rstrip("/"))
    return None


def _heads(lines: list[str]) -> tuple[list[str], list[str]]:
    """The heads end at the " =" line; without one (truncated copy) at the first blank line."""
    for i, line in enumerate(lines[:12]):
        if _HEAD_END.search(line):
            return lines[: i + 1], lines[i + 1 :]
    start = next((i for i, line in enumerate(lines) if line.strip()), 0)
    end = next((i for i in range(start, len(lines)) if not lines[i].strip()), len(lines))
    if end - start > 4:  # no heads at all: it is all text
        return [], lines
    return lines[start:end], lines[end:]


def _read_heads(head: list[str]) -> tuple[list[str], list[str], str | None]:
    lines = [_HEAD_END.sub("", line).strip() for line in head]
    lines = [line for line in lines if line]
    byline = None
    if lines and _BYLINE.match(lines[-1]):
        byline = clean(lines.pop())
    take_keys: list[str] = []
    while len(lines) > 1 and _TAKE_KEY.match(lines[0]):
        take_keys.append(lines.pop(0))
    return take_keys, lines, byline


def _split_notes(story: str) -> tuple[str, list[str]]:
    m = _NOTES_START.search(story)
    if m is None:
        return story, []
    notes = [
        line
        for line in (clean(raw) for raw in story[m.start() :].split("\n"))
        if line and not _TRAILER_LINE.match(line)
    ]
    return story[: m.start()], notes
