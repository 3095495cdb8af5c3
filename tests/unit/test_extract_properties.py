"""Properties that hold for any text: no exceptions, exact offsets, linear time."""

from __future__ import annotations

import time

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from services.core.models import Dateline, NormalisedArticle
from services.extract.analyse import analyse
from tests.unit._articles import article

WORDS = st.sampled_from(
    [
        "Peskov",
        "said",
        "he",
        "she",
        "the",
        "spokesman",
        "Moscow",
        "Syria",
        "US",
        "U.S.",
        '"',
        "\u201c",
        "\u201d",
        "\u00ab",
        "\u00bb",
        ",",
        ".",
        ":",
        "$10.9",
        "million",
        "3.5",
        "percent",
        "on",
        "Monday",
        "last",
        "Friday",
        "December",
        "12",
        "Islamic",
        "State",
        "al-Barrazi",
        "Talal",
        "Ministry",
        "of",
        "Defence",
        "according",
        "to",
        "President",
        "Anna",
        "Smith",
        "\n",
        "\u00a0",
        "told",
        "journalists",
        "Inc.",
        "240",
        "kilometers",
        "'s",
    ]
)
TEXTS = st.one_of(st.text(max_size=300), st.lists(WORDS, max_size=80).map(" ".join))


def make(blocks: list[str], headline: str | None = None) -> NormalisedArticle:
    return article(
        *blocks,
        headline=headline,
        received_at="2016-12-12T00:00:00Z",
        dateline=Dateline(text="X", city="Moscow", date_text="December 12", agency="TASS"),
    )


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(TEXTS, min_size=0, max_size=4), st.one_of(st.none(), TEXTS))
def test_never_raises_and_offsets_are_exact(blocks: list[str], headline: str | None) -> None:
    """analyse never raises, and every offset indexes its text: mentions equal a name or alias."""
    art = make(blocks, headline)
    r = analyse(art)

    def text(block: int | None, in_: str | None) -> str:
        if block is not None:
            return art.body[block].text
        return (art.headline if in_ == "headline" else art.subheadline) or ""

    for e in r.entities:
        for m in e.mentions:
            assert text(m.block, m.in_)[m.start : m.end] in [e.name, *e.aliases]
    for q in r.quotes:
        assert text(q.block, q.in_)[q.start : q.end] == q.text
    for x in [*r.quantities, *(d for d in r.dates if d.block is not None)]:
        assert text(x.block, None)[x.start : x.end] == x.text


def test_hostile_inputs_are_linear() -> None:
    """20,000 quote marks or 50,000-character hostile strings each analyse in under 2 seconds."""
    analyse(make(["warm up"]))  # the gazetteer loads once, outside the timed part
    hostile = [
        '"' * 20000,
        "\u201c" * 10000 + "\u201d" * 10000,
        "\u00ab" * 20000,
        "A " * 25000,
        "Aa" * 25000,
        "al-" * 16000,
        "1," * 25000,
        "The President " * 3500,
        "said he " * 6000,
        ('"x," he said. ' * 3500)[:50000],
    ]
    for h in hostile:
        t = time.perf_counter()
        analyse(make([h], headline=h[:5000]))
        assert time.perf_counter() - t < 2.0, h[:20]
