"""Shared text primitives: the segments an article is analysed in, and name regexes.

Python's `re` has no \\p{Lu}, so the upper-case class is built once from the
Unicode tables; every pattern here uses bounded repetition so that hostile
input (50k capitals, 20k quote marks) stays linear.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any, Literal

from services.core.models import NormalisedArticle

In = Literal["headline", "subheadline"] | None


def _upper_class() -> str:
    ranges: list[tuple[int, int]] = []
    for cp in range(0x250):
        if chr(cp).isupper():
            if ranges and ranges[-1][1] == cp - 1:
                ranges[-1] = (ranges[-1][0], cp)
            else:
                ranges.append((cp, cp))
    return "".join(re.escape(chr(a)) + ("-" + re.escape(chr(b)) if b > a else "") for a, b in ranges)


UP = _upper_class()
# Hyphen-joined particles belong to the word ("al-Barrazi"); spaced ones join a run only
# between two capitalised words ("Ludwig van Beethoven"), so "such as Russia" stays clean.
_PARTICLES = ("al", "el", "ad", "ash", "bin", "ibn", "abu", "bint")
PARTICLE = f"(?:{'|'.join(_PARTICLES)})"
NAME_PARTICLES = frozenset(
    [
        "al",
        "el",
        "bin",
        "ibn",
        "abu",
        "bint",
        "ben",
        "van",
        "von",
        "der",
        "den",
        "de",
        "del",
        "della",
        "di",
        "da",
        "dos",
        "du",
        "la",
        "le",
        "ter",
        "zu",
    ]
)
# One capitalised word: "Peskov", "al-Barrazi", "O'Brien", "U.S.", "Inc." (never the possessive 's).
_ABBREVS = (
    *("Inc", "Corp", "Ltd", "Co", "Jr", "Sr", "St", "Dr", "Mr", "Mrs", "Ms", "Gen", "Lt", "Col", "Sgt", "Capt"),
    *("Prof", "Rev", "Sen", "Rep", "Gov"),
)
ABBREV = f"(?:{'|'.join(_ABBREVS)})\\."
_TOKEN_TAIL = rf"(?:[-'\u2019](?!s\b)\w{{1,40}}){{0,3}}(?:(?<=s)'(?=[ \u00a0][{UP}]))?"
TOKEN = rf"(?:{ABBREV}|(?:[{UP}]\.){{2,4}}|(?:{PARTICLE}-)?[{UP}]\w{{0,40}}{_TOKEN_TAIL})"


def alternation(words: Iterable[str]) -> str:
    """The regex alternation of the literal ``words``, written as a trie.

    "said|says|stated" becomes "s(?:a(?:id|ys)|tated)". `re` tries an alternation's branches
    one by one wherever it gets to it; over a long word list (roles, reporting verbs) that is
    hundreds of tries per position, where the trie rejects a position after one character per
    level. It matches what the plain alternation of the same words sorted longest first
    matches: two words can both match at one position only when one is a prefix of the
    other, and the trie tries the longer first. For case-sensitive patterns.
    """
    root: dict[str, Any] = {}
    for word in words:
        if word:
            node = root
            for ch in word:
                node = node.setdefault(ch, {})
            node[""] = {}
    return _trie_pattern(root) or "(?!)"


def _trie_pattern(node: dict[str, Any]) -> str:
    branches = [re.escape(ch) + _trie_pattern(sub) for ch, sub in sorted(node.items()) if ch]
    if not branches:
        return ""
    if "" in node:  # a word ends here: try the longer words first, then stop
        return f"(?:{'|'.join(branches)})?"
    return branches[0] if len(branches) == 1 else f"(?:{'|'.join(branches)})"


def _firsts(words: tuple[str, ...]) -> str:
    return "".join(sorted({w[0] for w in words}))


def _after_first(words: tuple[str, ...]) -> str:
    """The alternation of `words` written as: the first letter (just consumed), then the rest."""
    return "|".join(f"(?<={w[0]}){w[1:]}" for w in words)


# TOKEN at a run's start, rewritten to open with a character class: `re` scans for a class in
# C, where RUN_RE's former opening look-behind was tried at every position of every paragraph.
# The class consumes the first character; each alternative of TOKEN then checks, looking back,
# that it began with that character, in TOKEN's order, so both match the same text the same way.
_FIRST_TOKEN = (
    rf"[{UP}{_firsts(_PARTICLES)}](?<![\w.].)"
    rf"(?:(?<=[{_firsts(_ABBREVS)}])(?:{_after_first(_ABBREVS)})\.|(?<=[{UP}])\.(?:[{UP}]\.){{1,3}}"
    rf"|(?:(?<=[{_firsts(_PARTICLES)}])(?:{_after_first(_PARTICLES)})-[{UP}]|(?<=[{UP}]))\w{{0,40}}{_TOKEN_TAIL})"
)
CONNECTOR = r"(?:of the|of|for the|for|and|al|el|bin|ibn|abu|bint|ben|van|von|der|den|de|del|della|di|da|dos|du|des|la|le|ter|zu|y|upon|am)"
RUN_RE = re.compile(rf"{_FIRST_TOKEN}(?:[ \u00a0](?:{CONNECTOR}[ \u00a0])?{TOKEN}){{0,7}}")
TOKEN_RE = re.compile(rf"{TOKEN}|\b{CONNECTOR}\b")
SENTENCE_END = frozenset('.!?:;"`\u201c\u201d\u201e\u201a\u00ab\u00bb\u2018\u2019\u2039\u203a\u300c\u300d\n()[]')


@dataclass(frozen=True, slots=True)
class Segment:
    """A piece of text offsets refer to: a body block, or the headline/subheadline."""

    order: int  # reading order: headline, subheadline, then blocks
    block: int | None
    in_: In
    text: str


def segments(article: NormalisedArticle) -> list[Segment]:
    out: list[Segment] = []
    if article.headline:
        out.append(Segment(-2, None, "headline", article.headline))
    if article.subheadline:
        out.append(Segment(-1, None, "subheadline", article.subheadline))
    for i, block in enumerate(article.body):
        if block.kind in ("paragraph", "heading") and block.text:
            out.append(Segment(i, i, None, block.text))
    return out


def sentence_initial(text: str, start: int) -> bool:
    """True when nothing but punctuation/space precedes `start` in its sentence."""
    i = start - 1
    while i >= 0 and text[i] in " \t\u00a0":
        i -= 1
    return i < 0 or text[i] in SENTENCE_END


_DIGIT = re.compile(r"\d")
_ASCII_DIGITS = b"0123456789"


def has_digit(text: str) -> bool:
    """Whether `\\d` matches anywhere in `text`.

    ASCII text (the common case) is tested by deleting the digits from its bytes, a plain C
    loop about twice as fast as the regex engine's scan.
    """
    if text.isascii():
        return len(text.encode().translate(None, _ASCII_DIGITS)) < len(text)
    return _DIGIT.search(text) is not None


def _word_char(ch: str) -> bool:
    return ch.isalnum() or ch == "_"  # what `re` calls \w


def bounded(text: str, start: int, end: int, also: str = "") -> bool:
    """Whether ``text[start:end]`` has neither a word character nor one of ``also`` on either
    side: the look-arounds ``(?<![\\w...])`` and ``(?![\\w...])``."""
    if start > 0 and (_word_char(text[start - 1]) or text[start - 1] in also):
        return False
    return not (end < len(text) and (_word_char(text[end]) or text[end] in also))


def contains_word(text: str, word: str) -> bool:
    """``re.search(rf"(?<!\\w){re.escape(word)}(?!\\w)", text)``, with no pattern to compile.

    Names differ from article to article, so a pattern per name would be compiled afresh
    (tens of microseconds) for nearly every article of real traffic."""
    at = text.find(word) if word else -1
    while at >= 0:
        if bounded(text, at, at + len(word)):
            return True
        at = text.find(word, at + 1)
    return False


def find_words(text: str, words: Iterable[str], also: str = "") -> list[tuple[int, int, str]]:
    """The bounded occurrences of ``words`` (see :func:`bounded`), left to right and not
    overlapping, the longest word first where several start at one place: what ``finditer``
    of the words' alternation, sorted longest first, between those look-arounds finds."""
    hits: list[tuple[int, int, str]] = []
    for word in words:
        at = text.find(word) if word else -1
        while at >= 0:
            if bounded(text, at, at + len(word), also):
                hits.append((at, -len(word), word))
            at = text.find(word, at + 1)
    hits.sort()
    out: list[tuple[int, int, str]] = []
    pos = 0
    for at, neg, word in hits:
        if at >= pos:
            pos = at - neg
            out.append((at, pos, word))
    return out


def finditer_at(pattern: re.Pattern[str], text: str, starts: re.Pattern[str]) -> Iterator[re.Match[str]]:
    """The matches of `pattern.finditer(text)`, trying `pattern` only where `starts` matches.

    `re` tries a pattern that opens with \\b or a look-behind at every position of the text;
    one that opens with a character class is scanned for in C. So `starts` opens with a class
    and matches one character at (at least) every position a match of `pattern` can begin.
    `pattern` must never match the empty string.
    """
    pos = 0
    for at in starts.finditer(text):
        s = at.start()
        if s >= pos:
            m = pattern.match(text, s)
            if m is not None:
                pos = m.end()
                yield m
