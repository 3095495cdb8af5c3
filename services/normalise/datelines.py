"""Find the dateline ("MOSCOW, December 12. /TASS/.") that opens a story's first paragraph.

A few general shapes cover the agencies: where the agency sits (in parentheses, between
slashes, bare before a dash, or first), then city, optional region and date. Every
pattern is anchored at the start and only ever sees a short window of the paragraph,
so hostile input cannot make it backtrack for long.
"""

from __future__ import annotations

import re

from services.core.models import Dateline
from services.core.text import fold

# Agencies written in mixed or lower case ("Reuters", "dpa"); all-caps acronyms in
# parentheses or slashes are accepted without being listed.
KNOWN_AGENCIES = frozenset(
    name.casefold()
    for name in (
        "AA", "AAP", "AFP", "ANA", "ANA-MPA", "ANSA", "AP", "APA", "Anadolu", "Antara",
        "Belga", "Bernama", "BSS", "BTA", "CNA", "CP", "CTK", "dpa", "EFE", "epd", "HINA",
        "IANS", "Interfax", "IRNA", "Jiji", "KNA", "KUNA", "Kyodo", "Lusa", "MENA", "MTI",
        "NTB", "PAP", "PTI", "QNA", "Reuters", "RIA", "Ritzau", "SDA", "SPA", "STT",
        "Tanjug", "TASS", "TT", "UNIAN", "Ukrinform", "UPI", "WAM", "Xinhua", "Yonhap",
        "Bloomberg", "Notimex", "Agerpres", "Kazinform", "Prensa Latina",
        "Armenpress", "Trend", "AzerTag", "Azertac", "BelTA", "Sputnik", "Petra", "Mehr", "Tasnim",
        "Fars", "Telam", "Andina", "Adnkronos", "Europa Press", "Agencia Brasil", "Xinhua News Agency",
    )
)  # fmt: skip

_WINDOW = 200  # a dateline is never longer than this
_S = r" {1,3}"
_WORD = r"[^\W\d_][\w'’.\-]{0,24}"
_CITY = rf"(?P<city>{_WORD}(?:[ /]{_WORD}){{0,4}})"
# ", Texas", ", Trinidad & Tobago" or ANI's " [India]"
_REGION = rf"(?:,{_S}{_WORD}(?: (?:& )?{_WORD}){{0,2}}|{_S}\[{_WORD}(?: {_WORD}){{0,2}}\])"
_MONTH = r"[^\W\d_]{3,9}\.?"
_DATE = (
    rf"(?P<date>(?:{_MONTH}{_S}\d{{1,2}}|\d{{1,2}}{_S}{_MONTH}"
    rf"|\d{{1,2}}[./]\d{{1,2}}(?:[./]\d{{2,4}})?)(?:,?{_S}\d{{4}}|/\d{{4}})?)"
)
_PLACE = rf"{_CITY}{_REGION}?(?:[,.]{_S}{_DATE})?"
_AGENCY = r"(?P<agency>[^\W\d_][\w.&'’\-]{0,20}(?: [\w.&'’\-]{1,20}){0,2})"
_DASH = r"(?:-{1,2}|[–—_]{1,2})"
_SEP = rf"(?: {{0,3}}(?:\.?{_DASH}|:)|\.)?"
# The dateline ends at a space or the end; after an agency's bracket and dash the copy may follow at once
# ("(Jiji Press)--Japan's").
_END = r"(?:(?=\s|$)|(?:(?<=\)-)|(?<=\)--)|(?<=\)[\u2013\u2014]))(?=[\"\u201c\u2018'\w]))"

_DASHES = "-–—_"

# Each pattern with the characters it cannot match without (one of them at least), so
# that a paragraph with none of them skips the pattern: most copy skips most of them.
_PATTERNS = tuple(
    (re.compile(p), re.compile(f"[{re.escape(marks)}]"))
    for p, marks in (
        # TASS: MOSCOW, December 12. /TASS/.
        (rf"{_PLACE}\.?{_S}/{_AGENCY}/{_SEP}{_END}", "/"),
        # Reuters, AP, AFP, Xinhua, dpa, EFE...: LONDON, March 16 (Reuters) -
        (rf"{_PLACE},?{_S}\({_AGENCY}\){_SEP}{_END}", "("),
        # ANSA and Reuters without city: (ANSA) - ROMA, 1 LUG -
        (rf"\({_AGENCY}\){_S}{_DASH}(?:{_S}{_PLACE}{_S}{_DASH})?{_END}", "("),
        # ANA, AAP: ATHENS, April 4 ANA - ; SPA: Riyadh, June 18, 2025, SPA --
        (rf"{_CITY}{_REGION}?[,.]{_S}{_DATE},?{_S}(?P<agency>[A-Z]{{2,6}}){_S}{_DASH}{_END}", _DASHES),
        # No agency: WELLINGTON: / WELLINGTON, Dec 12 -
        (rf"{_CITY}(?:[,.]{_S}{_DATE})?(?::| {{0,3}}{_DASH}){_END}", ":" + _DASHES),
    )
)

# All-caps words that open a paragraph with a colon or dash but are no city.
_NOT_CITIES = frozenset({
    "ADVISORY", "ALERT", "ANALYSIS", "BREAKING", "CORRECTION", "EDITORS", "EXCLUSIVE",
    "FACTBOX", "FLASH", "LIVE", "NOTE", "PHOTOS", "QUOTE", "UPDATE", "UPDATED", "URGENT",
    "VIDEO", "WATCH", "WARNING",
})  # fmt: skip
_CONNECTORS = frozenset({
    "am", "an", "de", "del", "der", "di", "do", "dos", "du", "el", "en", "im", "in", "la",
    "las", "le", "les", "los", "of", "on", "sur", "upon", "van", "von", "y",
})  # fmt: skip


def _agency_ok(agency: str) -> bool:
    compact = agency.replace("-", "")
    folded = fold(agency)
    return (
        folded in KNOWN_AGENCIES
        or (compact.isalpha() and compact.isupper() and 2 <= len(compact) <= 8)
        # "Interfax-Ukraine", "Keystone-SDA", "Xinhua News Agency": a listed agency's own service or partner
        or any(part in KNOWN_AGENCIES for part in folded.replace("-", " ").split(" "))
    )


def _unlisted_agency_ok(agency: str, city: str | None, dateline: str) -> bool:
    """An agency not listed here, in a dateline whose city is in capitals and that ends with its
    dash or colon: one Title-case word ("YEREVAN, April 3 (Armenpress) -")."""
    return (
        city is not None
        and _city_ok(city, strict=True)
        and agency.isalpha()
        and agency.istitle()
        and len(agency) >= 3
        and dateline.rstrip()[-1:] in _DASHES + ":"
    )


def _city_ok(city: str, strict: bool) -> bool:
    """Without an agency only an all-caps city will do; with one, Title Case too."""
    letters = [c for c in city if c.isalpha()]
    if strict:
        return len(letters) >= 3 and city.isupper() and city not in _NOT_CITIES
    words = city.replace("/", " ").split()
    return words[0][0].isupper() and all(w[0].isupper() or w in _CONNECTORS for w in words[1:])


def find_dateline(paragraph: str) -> tuple[Dateline, int] | None:
    """Return the dateline opening ``paragraph`` and where the text after it starts."""
    window = paragraph[:_WINDOW]
    for pattern, marks in _PATTERNS:
        if marks.search(window) is None:
            continue
        match = pattern.match(window)
        if match is None:
            continue
        groups = match.groupdict()
        city, agency = groups.get("city"), groups.get("agency")
        if agency is not None and not _agency_ok(agency) and not _unlisted_agency_ok(agency, city, match.group(0)):
            continue
        if city is not None and not _city_ok(city, strict=agency is None):
            continue
        end = match.end()
        start = end
        while start < len(paragraph) and paragraph[start].isspace():
            start += 1
        dateline = Dateline(
            text=match.group(0).strip(),
            city=city,
            date_text=groups.get("date"),
            agency=agency,
        )
        return dateline, start
    return None
