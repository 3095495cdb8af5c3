"""Dates, quantities and quote pairing in isolation."""

from __future__ import annotations

from datetime import date

from services.core.models import Block, Dateline, NormalisedArticle, RawInfo
from services.extract.analyse import analyse
from services.extract.dates import dateline_date, find_dates
from services.extract.quantities import find_quantities
from services.extract.text import Segment
from tests.unit._articles import article


def seg(text: str) -> list[Segment]:
    return [Segment(0, 0, None, text)]


def make(
    paragraphs: list[str],
    headline: str | None = None,
    received_at: str = "2024-05-06T10:00:00Z",
    dateline: Dateline | None = None,
) -> NormalisedArticle:
    return article(*paragraphs, headline=headline, received_at=received_at, dateline=dateline)


def test_explicit_dates_in_both_orders() -> None:
    """ "March 16, 2024", "16 March" and ISO dates resolve; a missing year comes from the anchor."""
    found = find_dates(seg("Talks on March 16, 2024 and 16 March and 2023-01-05 ended."), date(2025, 1, 1), 2025)
    assert [(d.text, d.value) for d in found] == [
        ("March 16, 2024", "2024-03-16"),
        ("16 March", "2025-03-16"),
        ("2023-01-05", "2023-01-05"),
    ]


def test_relative_dates_against_anchor() -> None:
    """yesterday, last/next weekday and a future-tense bare weekday resolve from a Wednesday anchor."""
    text = "It began yesterday. He left last Monday and returns next Monday. Talks will resume on Friday."
    got = {d.text: d.value for d in find_dates(seg(text), date(2024, 5, 8), 2024)}
    assert got == {
        "yesterday": "2024-05-07",
        "last Monday": "2024-05-06",
        "next Monday": "2024-05-13",
        "Friday": "2024-05-10",
    }


def test_dateline_date_with_written_year_is_kept() -> None:
    """A dateline that states its year is not second-guessed by weekdays."""
    assert dateline_date("Dec. 12, 2015", "2016-12-12T00:00:00Z", seg("said on Monday")) == date(2015, 12, 12)


def test_quantities_units_and_scales() -> None:
    """Money, percentages, distances and counted nouns get float values and normalised units."""
    text = "It cost $10.9 million, or €2 billion, rose 3.5 percent, spans 240 kilometers and hit 10,000 people."
    got = [(q.text, q.value, q.unit) for q in find_quantities(seg(text), {})]
    assert got == [
        ("$10.9 million", 10.9e6, "USD"),
        ("€2 billion", 2e9, "EUR"),
        ("3.5 percent", 3.5, "percent"),
        ("240 kilometers", 240.0, "km"),
        ("10,000 people", 10000.0, "people"),
    ]


def test_years_and_date_numbers_are_not_quantities() -> None:
    """A bare year and the day number of a date are not quantities."""
    art = make(["In 2016 militants struck on March 3 near the border."])
    assert analyse(art).quantities == []


def test_curly_straight_and_headline_quotes() -> None:
    """Curly and straight quotes pair; a headline quote carries in_='headline' and no block."""
    art = make(
        ['President Jane Okafor said: \u201cWe will rebuild.\u201d She added, "Every school first."'],
        headline='Okafor vows "to rebuild" after floods',
    )
    quotes = analyse(art).quotes
    assert [(q.text, q.speaker, q.block, q.in_) for q in quotes] == [
        ("to rebuild", "Jane Okafor", None, "headline"),
        ("We will rebuild.", "Jane Okafor", 0, None),
        ("Every school first.", "Jane Okafor", 0, None),
    ]


def test_unattributable_quote_has_null_speaker() -> None:
    """A quote with no speaker anywhere near it gets speaker null rather than a guess."""
    quotes = analyse(make(['The banner read "No more war" in large letters.'])).quotes
    assert [(q.text, q.speaker, q.speaker_entity) for q in quotes] == [("No more war", None, None)]


def test_according_to_and_role_noun() -> None:
    """ "according to the minister" resolves to the person introduced as minister."""
    art = make(
        [
            "Health minister Ravi Menon opened the ward on Monday.",
            'According to the minister, the hospital is "ready for the winter".',
        ]
    )
    quotes = analyse(art).quotes
    assert [(q.text, q.speaker) for q in quotes] == [("ready for the winter", "Ravi Menon")]


def test_dateline_city_is_a_place_even_if_not_in_body() -> None:
    """The dateline city becomes a place entity with coordinates even when the body never names it."""
    art = make(
        ["Officials met to discuss the harvest."],
        dateline=Dateline(text="NAIROBI, May 6 (Reuters) -", city="NAIROBI", date_text="May 6", agency="Reuters"),
    )
    r = analyse(art)
    places = [e for e in r.entities if e.type == "place"]
    assert [(p.name, p.geo.country_code) for p in places if p.geo] == [("Nairobi", "KE")]
    assert r.dateline_date == "2024-05-06"


def test_a_four_character_decimal_is_a_quantity_not_a_year() -> None:
    """'37.8 percent' (four characters, with a point) is a quantity; it must not be taken for a year."""
    from services.core.models import NormalisedArticle
    from services.extract.analyse import analyse

    article = NormalisedArticle(
        id="a",
        received_at="2024-01-01T00:00:00Z",
        correlation_id="a",
        raw=RawInfo(sha256="", size=0, charset="utf-8"),
        format="text",
        body=[Block(kind="paragraph", text="Turnout reached 37.8 percent on Sunday.")],
    )
    found = analyse(article)
    assert [(q.text, q.value) for q in found.quantities] == [("37.8 percent", 37.8)]
