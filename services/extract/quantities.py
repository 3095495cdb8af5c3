"""Numbers with units, currencies or a counted noun ("59 drones") as floats.

Units are normalised to short codes (km, USD, percent); a counted noun is kept
as written. Years and numbers inside dates are not quantities.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from services.core.models import Quantity

from .text import Segment, finditer_at, has_digit

_CURRENCY = {
    "$": "USD",
    "US$": "USD",
    "€": "EUR",
    "£": "GBP",
    "¥": "JPY",
    "₽": "RUB",
    "₹": "INR",
    "USD": "USD",
    "EUR": "EUR",
    "GBP": "GBP",
    "RUB": "RUB",
    "CNY": "CNY",
    "JPY": "JPY",
}
_UNITS = {
    "kilometers": "km",
    "kilometres": "km",
    "kilometer": "km",
    "kilometre": "km",
    "km": "km",
    "miles": "mi",
    "mile": "mi",
    "meters": "m",
    "metres": "m",
    "meter": "m",
    "metre": "m",
    "centimetres": "cm",
    "centimeters": "cm",
    "cm": "cm",
    "millimetres": "mm",
    "millimeters": "mm",
    "mm": "mm",
    "kilograms": "kg",
    "kilogrammes": "kg",
    "kg": "kg",
    "grams": "g",
    "tonnes": "t",
    "tons": "t",
    "tonne": "t",
    "ton": "t",
    "percent": "percent",
    "per cent": "percent",
    "%": "percent",
    "percentage points": "pp",
    "degrees Celsius": "degC",
    "°C": "degC",
    "degrees": "degrees",
    "hectares": "ha",
    "ha": "ha",
    "square kilometres": "km2",
    "square kilometers": "km2",
    "sq km": "km2",
    "km2": "km2",
    "barrels": "barrels",
    "dollars": "USD",
    "euros": "EUR",
    "euro": "EUR",
    "rubles": "RUB",
    "roubles": "RUB",
    "yuan": "CNY",
    "yen": "JPY",
    "rupees": "INR",
    "pounds sterling": "GBP",
    "MW": "MW",
    "GW": "GW",
    "kWh": "kWh",
    "mph": "mph",
    "km/h": "km/h",
    "knots": "kn",
    "feet": "ft",
    "ft": "ft",
    "inches": "in",
    "litres": "l",
    "liters": "l",
}
_SCALE = {
    "thousand": 1e3,
    "million": 1e6,
    "billion": 1e9,
    "trillion": 1e12,
    "bn": 1e9,
    "mln": 1e6,
    "mn": 1e6,
    "m": 1e6,
    "k": 1e3,
    "tn": 1e12,
    "mld": 1e9,
}
_NOT_NOUNS = frozenset(
    [
        "and",
        "or",
        "of",
        "in",
        "on",
        "at",
        "to",
        "the",
        "a",
        "an",
        "for",
        "from",
        "by",
        "with",
        "than",
        "per",
        "as",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "has",
        "have",
        "had",
        "will",
        "would",
        "that",
        "which",
        "who",
        "after",
        "before",
        "since",
        "over",
        "under",
        "about",
        "around",
        "more",
        "less",
        "up",
        "down",
        "out",
        "into",
        "this",
        "these",
        "those",
        "it",
        "its",
        "their",
        "his",
        "her",
        "but",
        "so",
        "if",
        "when",
        "while",
        "percent",
        "against",
        "between",
        "during",
        "times",
        "am",
        "pm",
        "o'clock",
        "local",
        "gmt",
        "utc",
    ]
)
_CUR = r"US\$|\$|€|£|¥|₽|₹|(?:USD|EUR|GBP|RUB|CNY|JPY)[ \u00a0]?"
_UNIT = "|".join(sorted((re.escape(u) for u in _UNITS), key=len, reverse=True))
QTY_RE = re.compile(
    rf"(?<![\w.,/:-])(?P<cur>{_CUR})?(?P<num>\d{{1,3}}(?:,\d{{3}}){{1,5}}(?:\.\d{{1,6}})?|\d{{1,15}}(?:\.\d{{1,6}})?)"
    rf"(?![\d:/])(?:(?P<sscale>bn|mln|mn|tn|mld|m|k)\b|[ \u00a0-](?P<scale>thousand|million|billion|trillion)\b)?"
    rf"(?:[ \u00a0-]?(?P<unit>{_UNIT})(?!\w)|[ \u00a0](?P<noun>[a-z][a-z-]{{1,30}}(?:[ \u00a0][a-z][a-z-]{{1,30}}){{0,2}})\b)?"
)
# Where a QTY_RE match can begin (see text.finditer_at): a digit, or a currency sign or code
# a digit follows within three characters, after none of the characters the look-behind bars.
QTY_AT = re.compile(r"[\dU$€£¥₽₹EGRCJ](?<![\w.,/:-].)(?:(?<=\d)|(?=\D{0,3}\d))")
# Nouns that are plural without an -s.
_PLURALS = frozenset(
    ["people", "children", "men", "women", "police", "staff", "personnel", "cattle", "sheep", "livestock", "troops"]
)


def _counted(phrase: str) -> tuple[str, int] | None:
    """The counted noun of the words after a number, and where it ends in the phrase.

    "public sector jobs would" -> "jobs": the first plural-looking word before a function
    word or a verb in -ed; "homes and businesses" -> "homes".
    """
    words = phrase.split()
    pos = 0
    first: tuple[str, int] | None = None
    for w in words:
        at = phrase.index(w, pos)
        pos = at + len(w)
        if w in _NOT_NOUNS or (w.endswith("ed") and first is not None):
            break
        if first is None:
            first = (w, pos)
        if (w.endswith("s") and not w.endswith("ss")) or w in _PLURALS:
            return w, pos
    return first


def _merged(spans: list[tuple[int, int]]) -> tuple[list[int], list[int]]:
    """Spans merged where they overlap, as sorted starts and ends."""
    starts: list[int] = []
    ends: list[int] = []
    for s, e in sorted(spans):
        if ends and s < ends[-1]:
            ends[-1] = max(ends[-1], e)
        else:
            starts.append(s)
            ends.append(e)
    return starts, ends


def find_quantities(segs: list[Segment], taken: dict[int, list[tuple[int, int]]]) -> list[Quantity]:
    """Quantities in body blocks; `taken` holds date spans per block to skip."""
    out: list[Quantity] = []
    for seg in segs:
        text, block = seg.text, seg.block
        if block is None or not has_digit(text):
            continue  # every quantity holds a digit
        starts, ends = _merged(taken.get(block, []))
        for m in finditer_at(QTY_RE, text, QTY_AT):
            start, stop = m.span()
            # The first taken span ending after the match starts overlaps it if it starts
            # before the match ends: a bisection, not a scan (a block can hold 10,000 dates).
            i = bisect_right(ends, start)
            if i < len(starts) and starts[i] < stop:
                continue
            cur, num, sscale, wscale, unit, noun = m.group("cur", "num", "sscale", "scale", "unit", "noun")
            scale = wscale or sscale
            if unit:
                end = m.end("unit")
            elif noun and (counted := _counted(noun)) is not None:
                noun, end = counted[0], m.start("noun") + counted[1]
            else:
                noun = None
                end = m.end("scale") if wscale else m.end("sscale") if sscale else m.end("num")
            if not (cur or unit or noun or scale):
                continue
            if (
                not cur
                and not unit
                and not scale
                and "," not in num
                and len(num) == 4
                and num.isdigit()
                and 1800 <= int(num) <= 2100
            ):
                continue  # a year ("in 2016 militants")
            value = float(num.replace(",", "")) * (_SCALE[scale] if scale else 1.0)
            code = _CURRENCY[cur.strip()] if cur else (_UNITS[unit] if unit else noun)
            out.append(Quantity(text=text[start:end], value=value, unit=code, block=block, start=start, end=end))
    return out
