"""The cheap scans of dates, quantities and the gazetteer find exactly what the full searches find."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from services.extract import entities
from services.extract.dates import DATE_AT, DATE_RE, REL_AT, REL_RE
from services.extract.gazetteer import gazetteer
from services.extract.quantities import QTY_AT, QTY_RE
from services.extract.text import (
    CONNECTOR,
    RUN_RE,
    TOKEN,
    alternation,
    contains_word,
    find_words,
    finditer_at,
    has_digit,
)

TOKENS = st.sampled_from(
    [
        *("Monday", "Wednesday", "Saturday", "Sunday", "Mondays", "holiday", "days", "Xday"),
        *("last", "Last", "next", "Next", "this", "past", "coming", "Coming"),
        *("yesterday", "Yesterday", "today", "Today", "tomorrow", "Tomorrow", "orrow"),
        *("May", "MAY", "Sept", "September", "SEPTEMBER", "Jan", "Dec", "Mon", "of", "the", "and"),
        *("1", "12", "2024", "31st", "3rd", "05", "2023-01-05", "5.6.2024", "\u0663", "\u0661\u0662"),
        *("$", "US$", "USD", "EUR", "\u20ac", "\u00a3", "km", "million", "bn", "m", "k", "per cent", "%"),
        *("1,234", "1,234,567.89", "3.5", "people", "troops", "drones", "x", "A", "ABC", "a"),
        *(".", ",", "-", "/", ":", "(", "\n", " ", "\u00a0"),
    ]
)
SEPARATORS = st.sampled_from(["", " ", " ", "\u00a0", "-", ".", ","])
TEXTS = st.lists(st.tuples(TOKENS, SEPARATORS), max_size=30).map(lambda ts: "".join(a + b for a, b in ts))


def spans(matches: object) -> list[tuple[tuple[int, int], str]]:
    return [(m.span(), m.group()) for m in matches]  # type: ignore[attr-defined]


@settings(max_examples=1500, deadline=None)
@given(TEXTS)
def test_prescanned_matches_equal_finditer(text: str) -> None:
    """For any text, finditer_at with each pattern's start scan yields pattern.finditer's matches."""
    for pattern, starts in ((DATE_RE, DATE_AT), (REL_RE, REL_AT), (QTY_RE, QTY_AT)):
        assert spans(pattern.finditer(text)) == spans(finditer_at(pattern, text, starts))


@given(st.text(max_size=40) | TEXTS)
def test_has_digit_is_a_digit_search(text: str) -> None:
    """has_digit agrees with a plain \\d search, for ASCII and non-ASCII text."""
    assert has_digit(text) == (re.search(r"\d", text) is not None)


def test_prescan_examples() -> None:
    """Each kind of date and quantity is found after a scan that skips the plain words around it."""
    text = "On 5 May, 2024-05-06 and May 7, 6.5.2024, last Monday and tomorrow: US$5 bn, 300 troops, EUR 4."
    for pattern, starts in ((DATE_RE, DATE_AT), (REL_RE, REL_AT), (QTY_RE, QTY_AT)):
        expected = spans(pattern.finditer(text))
        assert expected
        assert expected == spans(finditer_at(pattern, text, starts))


def test_gazetteer_sentinels_match_no_name() -> None:
    """The gazetteer's speed-up sentinels (words ending in U+FFFF) are never returned as hits."""
    gaz = gazetteer()
    text = "Talks in Paris\uffff and e\uffff, \uffff Moscow ended."
    assert [(text[s:e], hit.kind) for s, e, hit in gaz.find(text)] == [("Paris", "place"), ("Moscow", "place")]
    assert gaz.lookup("e\uffff") is None
    assert gaz.lookup(" \uffff") is None


# RUN_RE as it was written before its first token was rewritten to open with a character class.
PLAIN_RUN_RE = re.compile(rf"(?<![\w.]){TOKEN}(?:[ \u00a0](?:{CONNECTOR}[ \u00a0])?{TOKEN}){{0,7}}")
NAME_TOKENS = st.sampled_from(
    [
        *("Inc.", "Inc", "Co.", "Col.", "Corp.", "Mr.", "Mrs.", "Ms", "St.", "Gov.", "U.S.", "U.", "A.B.C.D.E."),
        *("al-Barrazi", "al-", "bin-Laden", "bint-Ali", "bin", "bint", "ibn-Saud", "abu-Bakr", "ash-Sham", "ad-Din"),
        *("el-Sisi", "el", "al", "of", "of the", "and", "van", "de", "la", "y", "the", "said", "a", "be", "in", "is"),
        *("Peskov", "O'Brien", "Peskov's", "Jones'", "Smith-Jones", "d'Arc", "\u00c9lys\u00e9e", "\u014csaka", "eBay"),
        *("X", "US", "NATO", "Ludwig", "Beethoven", "s'", "'s", "\u0178", "\u01c5", "_", "9", "3rd"),
    ]
)
NAME_SEPARATORS = st.sampled_from([" ", " ", "\u00a0", "", ".", ",", "-", "'", "\u2019", "\n", "("])
NAME_TEXTS = st.lists(st.tuples(NAME_TOKENS, NAME_SEPARATORS), max_size=16).map(
    lambda ts: "".join(a + b for a, b in ts)
)


@settings(max_examples=1500, deadline=None)
@given(NAME_TEXTS)
def test_run_re_matches_as_written_plainly(text: str) -> None:
    """RUN_RE, opening with a character class, finds the same runs as its plain look-behind form."""
    assert spans(PLAIN_RUN_RE.finditer(text)) == spans(RUN_RE.finditer(text))


WORDS = st.lists(st.text(alphabet="ab. c", min_size=1, max_size=5), min_size=1, max_size=12)


@settings(max_examples=1500, deadline=None)
@given(WORDS, st.text(alphabet="ab. cd", max_size=40))
def test_trie_alternation_matches_as_longest_first(words: list[str], text: str) -> None:
    """The trie of any word list matches, alone and inside a larger pattern, exactly what the
    plain alternation of the words sorted longest first matches."""
    plain = "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))
    trie = alternation(words)
    for shape in ("(?:{})", "(?:{})(?!b)", "\\b(?:{})\\b", "a?(?:{})c"):
        expected = spans(re.finditer(shape.format(plain), text))
        assert spans(re.finditer(shape.format(trie), text)) == expected


def test_trie_alternation_examples() -> None:
    """Shared prefixes are written once; a word that ends where a longer one goes on is optional."""
    assert alternation(["said", "says", "stated", "say"]) == "s(?:a(?:id|y(?:s)?)|tated)"
    assert re.fullmatch(alternation(["Prime Minister", "Minister"]), "Prime Minister")
    assert re.search(alternation([]), "anything") is None


CLASS_OPENED = TEXTS | st.text(alphabet="The 12-3a,.\u00a0Xyear-old", max_size=40)


@settings(max_examples=1000, deadline=None)
@given(CLASS_OPENED)
def test_class_opened_patterns_match_as_their_word_boundary_forms(text: str) -> None:
    """Patterns rewritten to open with a character class (scanned for in C) match what their
    plain \\b-opened forms match."""
    for pattern, opened, plain in (
        (entities._ROLE_NP, "[Tt](?<!\\w.)he", "\\b[Tt]he"),
        (entities._AGE_NOUN, "[Tt](?<!\\w.)he", "\\b[Tt]he"),
        (entities._NATIONAL_NOUN, "[Tt](?<!\\w.)he", "\\b[Tt]he"),
        (entities._SCORE, "\\d(?<!\\w\\d)\\d{0,2}", "\\b\\d{1,3}"),
    ):
        assert opened in pattern.pattern
        original = re.compile(pattern.pattern.replace(opened, plain, 1))
        for sample in (text, f"the {text}", f"The 27-year-old said {text}", f"the spokesman {text} won 3-1"):
            assert spans(pattern.finditer(sample)) == spans(original.finditer(sample))


NAMES = st.lists(st.text(alphabet="Ab-_ .\u00e9", min_size=1, max_size=4), min_size=1, max_size=6)
NAMED_TEXT = st.text(alphabet="Ab-_ .\u00e91", max_size=40)


@settings(max_examples=1500, deadline=None)
@given(NAMES, NAMED_TEXT)
def test_word_finders_match_their_patterns(words: list[str], text: str) -> None:
    """find_words and contains_word find what the look-around patterns they replace find."""
    alt = "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))
    plain = re.compile(rf"(?<![\w-])(?:{alt})(?![\w-])")
    assert find_words(text, set(words), also="-") == [(m.start(), m.end(), m.group()) for m in plain.finditer(text)]
    for word in words:
        assert contains_word(text, word) == bool(re.search(rf"(?<!\w){re.escape(word)}(?!\w)", text))


def test_word_finders_examples() -> None:
    """A name inside a longer word or a hyphenated one is not a mention of it."""
    assert contains_word("The AFAD said", "AFAD")
    assert not contains_word("The AFADs said", "AFAD")
    assert find_words("Union-Berlin and Union, UN Union Bank", ["Union", "Union Bank"], also="-") == [
        (17, 22, "Union"),
        (27, 37, "Union Bank"),
    ]


GAZ_TOKENS = st.sampled_from(
    [
        *("The D", "The", "Danube", "Dan", "New York", "New York City", "York", "Newark", "Canada", "Granada"),
        *("Nice", "Nicely", "Paris", "Parisian", "Rome", "Romeo", "Sri Lanka", "Lanka", "Kharkiv-based", "a", "x"),
    ]
)
GAZ_TEXTS = st.lists(st.tuples(GAZ_TOKENS, SEPARATORS), max_size=12).map(lambda ts: "".join(a + b for a, b in ts))


def _bounded_reference(text: str) -> list[tuple[int, int]]:
    """Every key match on word boundaries, then leftmost-longest without overlaps."""
    gaz = gazetteer()
    found = []
    for end_idx, (surface, idx) in gaz._auto.iter(text):
        start, end = end_idx + 1 - len(surface), end_idx + 1
        if idx >= 0 and gaz._bounded(text, start, end):
            found.append((start, -end))
    out: list[tuple[int, int]] = []
    for start, neg_end in sorted(found):
        if not out or start >= out[-1][1]:
            out.append((start, -neg_end))
    return out


@settings(max_examples=800, deadline=None)
@given(GAZ_TEXTS)
def test_gazetteer_find_is_leftmost_longest_on_word_boundaries(text: str) -> None:
    """A key ending inside a word ("The D" in "The Danube") never hides the name it overlaps."""
    assert [(s, e) for s, e, _ in gazetteer().find(text)] == _bounded_reference(text)


def test_gazetteer_find_examples() -> None:
    """Names behind a longer key that fails are found: "The New York", "The Danube rose"."""
    found = [text[s:e] for text in ("The New York", "The Danube rose.") for s, e, _ in gazetteer().find(text)]
    assert found == ["New York", "Danube"]
