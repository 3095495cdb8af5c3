"""ANPA-1312 as AP sends it: a control-character header, ``^`` head lines, TAB paragraphs.

    SYN SYN SOH W2870 US asian                 selector letter + sequence
    f l DC3 DC1 BC-LT--Argentina-CancerB  1stLd-Writethru  11-13 1049
                                               priority, category, format, keyword,
                                               take key, date, word count
    STX ^BC-LT--Argentina-Cancer Beauty,466<   slug line (full keyword, version, words)
    ^headline<  ^AP Photo ..<  ^Eds: ..<  ^By ..=  ^Associated Press=
    TAB   paragraph ...                        one line per paragraph
    ETX AP-WF-11-13-13 1509GMT                 trailer: transmission time

DC4+DC2 instead of DC3+DC1 marks tabular copy (agate): its rows, often opened by BS,
are kept as preformatted blocks. ``<`` and ``=`` end head lines (flush left, centred).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import UTC, datetime

from services.core.errors import EmptyInput, Unparseable
from services.core.models import Block
from services.normalise.formats._common import (
    clean,
    clean_pre,
    cut_dateline,
    slug_take_keys,
    unique,
)
from services.normalise.parsed import ParsedCopy

_LINE1 = re.compile(r"^\x16*\x01(?P<selector>[a-z])(?P<sequence>\d{4})\x1f?", re.I)
_LINE2 = re.compile(
    r"^(?P<priority>[a-z]) (?P<category>[a-z])(?P<format>[\x13\x14])(?P<tabular>[\x11\x12]) "
    r"(?P<keyword>\S+)(?P<take_key>.*?)\s+(?P<date>\d{1,2}-\d{1,2})(?: +(?P<words>\d{1,4}))?\s*$",
    re.I,
)
_TRAILER = re.compile(r"(?P<m>\d\d)-(?P<d>\d\d)-(?P<y>\d\d) (?P<hh>\d\d)(?P<mm>\d\d) ?GMT")
_CYCLE = re.compile(r"^(?:BC|AM|PM|AP)-", re.I)
# AP's two-letter desk codes ("BC-LT--", "BC-US--") name a regional wire, not the story;
# behind them the 24-character keyword is often cut short, so the slug line's word is used.
_DESK = re.compile(r"^[A-Z]{2}--", re.I)
_BYLINE = re.compile(r"^By\s+\S", re.I)
_BYLINE_TITLE = re.compile(r"\b(?:Associated Press|Writer|Correspondent|Editor|Reporter|Columnist|Critic)\b", re.I)
_NOTE = re.compile(r"^(?:\(?Eds?:|EDITOR'S NOTE|AP (?:Photos?|Video|Audio|Graphics?)\b)", re.I)
_RULE = re.compile(r"^(?:_{3,}|-{3,}|END)=?$")
# Transmission codes inside lines: DLE is a justifying space, RS/US cell spacers, BS
# opens a tabular row. They carry no text.
_CODES = re.compile(r"[\x08\x10\x1e\x1f]")


@dataclass(frozen=True, slots=True)
class AnpaHeader:
    sequence: str | None = None
    priority: str | None = None
    category: str | None = None
    keyword: str | None = None
    take_key: str | None = None
    word_count: int | None = None
    tabular: bool = False
    transmitted: datetime | None = None


def parse(text: str) -> ParsedCopy:
    if not text.strip():
        raise EmptyInput("the ANPA take is empty")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    header = read_header(text)
    start = text.find("\x02")
    if start == -1:
        # No STX: the content starts after the control header lines, if any.
        lines = text.split("\n")
        skip = sum(1 for line in lines[:2] if _LINE1.match(line) or _LINE2.match(line))
        content = "\n".join(lines[skip:])
    else:
        content = text[start + 1 :]
    content, _, trailer = content.partition("\x03")  # a take without ETX still parses
    lines = content.split("\n")
    if not any(line.strip() for line in lines):
        raise Unparseable("the ANPA take has no content after its header")

    head, rest = _split_head(lines)
    slug_line = head.pop(0) if head and start != -1 else None
    has_body = any(line.startswith(("\t", "\x08")) and line.strip() for line in rest)
    parts = _head_parts(head, has_body)
    body = parts.body + _body(rest, header.tabular)
    dateline, body = cut_dateline(body)

    boilerplate = parts.notes
    stamp = clean(trailer.split("\x04")[0].replace("<", " "))
    if stamp:
        boilerplate.append(stamp)
    take_key = header.take_key or next(iter(slug_take_keys(slug_line)), None)
    return ParsedCopy(
        format="anpa1312",
        headline=parts.headline,
        subheadline=parts.subheadline,
        byline=parts.byline,
        slugline=_slugline(header.keyword, slug_line),
        dateline=dateline,
        body=body,
        boilerplate=unique(boilerplate),
        signals=unique([take_key]),
    )


def read_header(text: str) -> AnpaHeader:
    """The transmission header: sequence, priority, category, keyword, take key, time."""
    lines = text[:1024].split("\n", 2)
    first = _LINE1.match(lines[0])
    second = next((m for m in map(_LINE2.match, lines[:2]) if m), None)
    trailer = _TRAILER.search(text[text.rfind("\x03") :] if "\x03" in text else "")
    transmitted = None
    if trailer:
        try:
            transmitted = datetime(
                2000 + int(trailer["y"]), int(trailer["m"]), int(trailer["d"]),
                int(trailer["hh"]), int(trailer["mm"]), tzinfo=UTC,
            )  # fmt: skip
        except ValueError:
            transmitted = None
    if second is None:
        return AnpaHeader(sequence=first["sequence"] if first else None, transmitted=transmitted)
    return AnpaHeader(
        sequence=first["sequence"] if first else None,
        priority=second["priority"].lower(),
        category=second["category"].lower(),
        keyword=second["keyword"],
        take_key=second["take_key"].strip() or None,
        word_count=int(second["words"]) if second["words"] else None,
        tabular=second["tabular"] == "\x12",
        transmitted=transmitted,
    )


def _split_head(lines: list[str]) -> tuple[list[str], list[str]]:
    """Head lines are the ``^`` lines before the first TAB or BS line."""
    head: list[str] = []
    for i, line in enumerate(lines):
        if line.startswith(("\t", "\x08")):
            return head, lines[i:]
        if line.strip():
            head.append(_head_text(line))
    return head, []


def _head_text(line: str) -> str:
    # "^*9006< ^AP-Top-Entertainment-Headlines,0176<": the last ^ opens the real line.
    return line.rsplit("^", 1)[-1].strip().rstrip("<=").strip()


@dataclass(slots=True)
class _Head:
    headline: str | None = None
    subheadline: str | None = None
    byline: str | None = None
    notes: list[str] = field(default_factory=list)
    body: list[Block] = field(default_factory=list)


def _head_parts(head: list[str], has_body: bool) -> _Head:
    parts = _Head()
    extra: list[str] = []
    after_byline = False
    for raw in head:
        line = clean(_CODES.sub("", raw))
        if not line:
            continue
        if _NOTE.match(line):
            parts.notes.append(line)
        elif after_byline and not parts.body and _BYLINE_TITLE.search(line):
            parts.notes.append(line)  # the byline's title: "Associated Press", "AP Sports Writer"
        elif parts.byline is None and _BYLINE.match(line):
            parts.byline, after_byline = line, True
        elif _RULE.match(line):
            parts.notes.append(line)
        elif parts.headline is None:
            parts.headline = line
        elif after_byline:
            parts.body.append(Block(kind="heading", text=line))  # "AMERICAN LEAGUE"
        else:
            extra.append(line)
    if has_body or parts.byline is not None:
        parts.subheadline = extra[0] if extra else None
        parts.body = [Block(kind="paragraph", text=t) for t in extra[1:]] + parts.body
    else:
        # A take of head lines only (a list of headlines): those lines are the content.
        parts.body = [Block(kind="paragraph", text=t) for t in extra] + parts.body
    return parts


def _body(lines: list[str], tabular: bool) -> list[Block]:
    blocks: list[Block] = []
    rows: list[str] = []

    def flush_rows() -> None:
        if rows:
            text = clean_pre("\n".join(rows))
            if text:
                blocks.append(Block(kind="preformatted", text=text))
            rows.clear()

    for line in lines:
        stripped = line.strip()
        if not stripped:
            continue
        if line.startswith("\x08") or (tabular and ";" in stripped):
            rows.append(_CODES.sub("", stripped).lstrip("^").rstrip("<=").rstrip())
            continue
        flush_rows()
        text = clean(_CODES.sub("", _head_text(line) if line.startswith("^") else stripped))
        if not text or _RULE.match(text.rstrip("<=")):
            continue
        text = text.rstrip("<").rstrip()
        if line.startswith("^"):
            blocks.append(Block(kind="heading", text=text))
        elif line.startswith("\t") or not blocks or blocks[-1].kind != "paragraph":
            blocks.append(Block(kind="paragraph", text=text))
        else:
            # A line that is neither TAB nor ^ continues the paragraph before it.
            blocks[-1] = Block(kind="paragraph", text=f"{blocks[-1].text} {text}")
    flush_rows()
    return blocks


def _slugline(keyword: str | None, slug_line: str | None) -> str | None:
    full = _CYCLE.sub("", (slug_line or "").split(",")[0].strip())
    if keyword:
        short = _CYCLE.sub("", keyword)
        if not _DESK.match(short):
            return clean(short)
    if _DESK.match(full):
        full = _DESK.sub("", full)
    return clean(full.split(" ")[0]) if full else clean(keyword)
