"""Dates: the dateline date, explicit dates, and relative dates resolved to ISO.

Wire datelines usually omit the year ("MOSCOW, December 12"), so the year comes
from received_at and is checked against a weekday the story names ("said on
Monday"); when the weekday disagrees, the adjacent year that agrees wins (copy
re-sent or backfilled long after it was written).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date, datetime, timedelta

from services.core.models import DateValue

from .text import Segment, finditer_at, has_digit

_MONTHS = {
    "January": 1,
    "February": 2,
    "March": 3,
    "April": 4,
    "May": 5,
    "June": 6,
    "July": 7,
    "August": 8,
    "September": 9,
    "October": 10,
    "November": 11,
    "December": 12,
    "Jan": 1,
    "Feb": 2,
    "Mar": 3,
    "Apr": 4,
    "Jun": 6,
    "Jul": 7,
    "Aug": 8,
    "Sep": 9,
    "Sept": 9,
    "Oct": 10,
    "Nov": 11,
    "Dec": 12,
}
_MONTHS.update({k.upper(): v for k, v in list(_MONTHS.items())})
WEEKDAYS = {d: i for i, d in enumerate(("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"))}
_M = "|".join(sorted(_MONTHS, key=len, reverse=True))
_WD = "|".join(WEEKDAYS)
DATE_RE = re.compile(
    rf"\b(?=[A-Z0-9])(?:(?P<m1>{_M})\.?[ \u00a0](?P<d1>\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?[ \u00a0](?P<y1>\d{{4}})\b)?"
    rf"|(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?[ \u00a0](?:of[ \u00a0])?(?P<m2>{_M})\b\.?(?:,?[ \u00a0](?P<y2>\d{{4}})\b)?"
    rf"|(?P<y3>\d{{4}})-(?P<m3>\d{{2}})-(?P<d3>\d{{2}})\b"
    rf"|(?P<d4>\d{{1,2}})\.(?P<m4>\d{{1,2}})\.(?P<y4>\d{{4}})\b)"
)
REL_RE = re.compile(
    rf"\b(?=[LlNnTtPpCcMWFSYy])(?:(?P<q>[Ll]ast|[Nn]ext|[Tt]his|[Pp]ast|[Cc]oming)[ \u00a0])?(?P<wd>{_WD})\b"
    r"|\b(?=[YyTt])(?P<rel>[Yy]esterday|[Tt]oday|[Tt]omorrow)\b"
)
# Where a DATE_RE / REL_RE match can begin (see text.finditer_at): one character, at a word start.
# A date opens with a month name followed within a dot and a space by a digit, or with a digit
# that a month name (after a space), a dash (2024-05-06) or a dot (6.5.2024) follows closely.
_M_FIRST = "".join(sorted({m[0] for m in _MONTHS}))
_M_REST = f"{{{min(map(len, _MONTHS)) - 1},{max(map(len, _MONTHS)) - 1}}}"
DATE_AT = re.compile(
    rf"[0-9{_M_FIRST}](?<!\w.)"
    rf"(?:(?<=[0-9])(?=\d?(?:st|nd|rd|th)?[ \u00a0](?:of[ \u00a0])?[{_M_FIRST}]|\d{{3}}-\d|\d?\.\d)"
    rf"|(?=[A-Za-z]{_M_REST}\.?[ \u00a0]\d))"
)
# A relative date opens with a qualifier, a weekday or yesterday/today/tomorrow, and its last
# word ends in "day" or "orrow".
REL_AT = re.compile(r"[LlNnTtPpCcMWFSYy](?<!\w.)(?=[a-z]{0,8}(?:[ \u00a0][A-Z][a-z]{0,8})?(?:day|orrow)\b)")
_FUTURE = re.compile(r"\b(?:will|'ll|\u2019ll|shall|due|scheduled|expected|plans?|planned|to be|going to)\b")


def parse_received(received_at: str | None) -> date | None:
    if not received_at:
        return None
    try:
        return datetime.fromisoformat(received_at.strip().replace("Z", "+00:00")).date()
    except ValueError:
        return None


def _make(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def _explicit(m: re.Match[str], year: int | None) -> tuple[date | None, bool]:
    """(date, year_was_written) for a DATE_RE match; year from `year` when omitted."""
    g = m.groupdict()
    if g["y3"]:
        return _make(int(g["y3"]), int(g["m3"]), int(g["d3"])), True
    if g["y4"]:
        return _make(int(g["y4"]), int(g["m4"]), int(g["d4"])), True
    month = _MONTHS[g["m1"] or g["m2"]]
    day = int(g["d1"] or g["d2"])
    y_text = g["y1"] or g["y2"]
    y = int(y_text) if y_text else year
    return (_make(y, month, day) if y is not None else None), bool(y_text)


def _rel_matches(text: str) -> Iterator[re.Match[str]] | tuple[()]:
    """REL_RE.finditer(text); every match holds "day" or "orrow", so most text costs two finds."""
    return finditer_at(REL_RE, text, REL_AT) if "day" in text or "orrow" in text else ()


def _weekday_hint(segs: list[Segment]) -> int | None:
    """The first bare weekday ("on Monday") in the body: the day the story happened."""
    for seg in segs:
        if seg.order < 0:
            continue
        for m in _rel_matches(seg.text):
            if m.group("wd") and not m.group("q"):
                return WEEKDAYS[m.group("wd")]
    return None


def dateline_date(date_text: str | None, received_at: str | None, segs: list[Segment]) -> date | None:
    if not date_text:
        return None
    received = parse_received(received_at)
    m = DATE_RE.search(date_text)
    if m is None:
        return None
    got, year_written = _explicit(m, received.year if received else None)
    if got is None or year_written:
        return got
    hint = _weekday_hint(segs)
    if hint is not None and got.weekday() != hint:
        for dy in (-1, 1):
            alt = _make(got.year + dy, got.month, got.day)
            if alt is not None and alt.weekday() == hint:
                return alt
    return got


def _relative(m: re.Match[str], anchor: date, text: str) -> date:
    rel = m.group("rel")
    if rel:
        return anchor + timedelta(days={"yesterday": -1, "today": 0, "tomorrow": 1}[rel.lower()])
    wd = WEEKDAYS[m.group("wd")]
    q = (m.group("q") or "").lower()
    back = (anchor.weekday() - wd) % 7
    ahead = (wd - anchor.weekday()) % 7
    if q in ("last", "past"):
        return anchor - timedelta(days=back or 7)
    if q in ("next", "coming"):
        return anchor + timedelta(days=ahead or 7)
    sentence = text[max(0, text.rfind(".", 0, m.start()) + 1) : m.start()]
    if _FUTURE.search(sentence[-80:]):
        return anchor + timedelta(days=ahead)
    return anchor - timedelta(days=back)


def find_dates(segs: list[Segment], anchor: date | None, year: int | None) -> list[DateValue]:
    out: list[DateValue] = []
    for seg in segs:
        if seg.block is None:
            continue  # DateValue has no headline marker; body dates carry the story
        text = seg.text
        # Every explicit date holds a digit.
        for m in finditer_at(DATE_RE, text, DATE_AT) if has_digit(text) else ():
            got, _ = _explicit(m, anchor.year if anchor else year)
            start, end = m.span()
            value = got.isoformat() if got else None
            out.append(DateValue(text=text[start:end], value=value, block=seg.block, start=start, end=end))
        for m in _rel_matches(text):
            start, end = m.span()
            value = _relative(m, anchor, text).isoformat() if anchor else None
            out.append(DateValue(text=text[start:end], value=value, block=seg.block, start=start, end=end))
    out.sort(key=lambda d: (d.block or 0, d.start))
    return out
