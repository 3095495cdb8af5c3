"""Invented stories in several agencies' styles (tests/fixtures/extract/stories.json)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from services.core.models import Block, Dateline, Entity, NormalisedArticle, RawInfo
from services.extract.analyse import Analysis, analyse

STORIES = json.loads((Path(__file__).parents[1] / "fixtures" / "extract" / "stories.json").read_text("utf-8"))


def article(key: str) -> NormalisedArticle:
    s = STORIES[key]
    return NormalisedArticle(
        id=key,
        received_at=s["received_at"],
        correlation_id="c",
        format="text",
        raw=RawInfo(sha256="0" * 64, size=1, charset="utf-8"),
        headline=s["headline"],
        dateline=Dateline(**s["dateline"]),
        body=[Block(kind="paragraph", text=t) for t in s["body"]],
    )


@pytest.fixture(scope="module", params=list(STORIES))
def story(request: pytest.FixtureRequest) -> tuple[str, Analysis]:
    return request.param, analyse(article(request.param))


def entity(result: Analysis, name: str) -> Entity:
    hits = [e for e in result.entities if e.name == name]
    assert hits, f"{name!r} not in {[e.name for e in result.entities]}"
    return hits[0]


def test_politics_people_and_speakers() -> None:
    """A headline surname joins the body's full name, and "She added:" resolves to the woman named before."""
    r = analyse(article("politics_reuters"))
    kovac = entity(r, "Anton Kovac")
    assert "Kovac" in kovac.aliases and any(m.in_ == "headline" for m in kovac.mentions)
    assert entity(r, "Maria Lindqvist").type == "person"
    assert entity(r, "European Commission").type == "organisation"
    assert entity(r, "Brussels").geo.country_code == "BE"  # type: ignore[union-attr]
    speakers = [q.speaker for q in r.quotes]
    assert speakers == ["Anton Kovac", "Anton Kovac", "Maria Lindqvist"]
    assert r.quotes[0].cue == "told reporters"
    assert {(d.text, d.value) for d in r.dates} >= {("March 14", "2024-03-14"), ("Thursday", "2024-03-14")}
    assert [(q.value, q.unit) for q in r.quantities][:2] == [(3.5, "percent"), (4.1, "percent")]


def test_business_companies_money_and_counts() -> None:
    """Company names with legal suffixes, their short forms, and money/counted quantities are found."""
    r = analyse(article("business_ap"))
    acme = entity(r, "Acme Robotics")  # companies without legal suffix
    assert "Acme Robotics Inc." in acme.aliases
    assert acme.type == "organisation" and "Acme" in acme.aliases
    assert entity(r, "Nordlicht").type == "organisation"
    assert entity(r, "Priya Raman").type == "person"
    assert r.quotes[0].speaker == "Priya Raman"
    got = {q.text: (q.value, q.unit) for q in r.quantities}
    assert got["$10.9 million"] == (10.9e6, "USD")
    assert got["59 drones"] == (59.0, "drones")
    assert got["€2 billion"] == (2e9, "EUR")
    assert entity(r, "Associated Press").type == "organisation"


def test_sport_guillemets_and_context_resolution() -> None:
    """Guillemet quotes get speakers; "beat Valencia 3-1" names the club; Madrid resolves to Spain."""
    r = analyse(article("sport_afp"))
    assert [q.speaker for q in r.quotes] == ["Tiago Ramos", "Helena Ferreira"]
    assert r.quotes[0].text == "We knew the first goal would decide everything"
    assert entity(r, "Valencia").type == "organisation"  # "beat Valencia 3-1": the club, not the city
    assert entity(r, "Madrid").geo.country_code == "ES"  # type: ignore[union-attr]
    assert {(q.value, q.unit) for q in r.quantities} >= {(48000.0, "fans"), (120.0, "km")}
    assert {(d.text, d.value) for d in r.dates} >= {("Sunday", "2022-05-08")}


def test_disaster_multi_paragraph_quote() -> None:
    """A quote left open at a paragraph's end and reopened in the next keeps one speaker."""
    r = analyse(article("disaster_dpa"))
    assert [q.speaker for q in r.quotes] == ["Mehmet Arslan"] * 3
    assert [q.block for q in r.quotes] == [1, 2, 3]
    assert r.quotes[1].text == "The cold is our biggest enemy now."
    assert {e.name for e in r.entities if e.type == "place"} >= {"Turkey", "Ankara", "Izmir", "Istanbul"}
    assert {(d.text, d.value) for d in r.dates} >= {("last Friday", "2021-11-12")}
    assert {(q.value, q.unit) for q in r.quantities} >= {(41.0, "people"), (10000.0, "people"), (12.0, "hours")}


def test_offsets_index_text(story: tuple[str, Analysis]) -> None:
    """Every mention, quote, date and quantity offset indexes its own text exactly."""
    key, r = story
    art = article(key)

    def seg(block: int | None, in_: str | None) -> str:
        if block is not None:
            return art.body[block].text
        return (art.headline if in_ == "headline" else art.subheadline) or ""

    for e in r.entities:
        for m in e.mentions:
            assert seg(m.block, m.in_)[m.start : m.end] in [e.name, *e.aliases]
    for q in r.quotes:
        assert seg(q.block, q.in_)[q.start : q.end] == q.text
    for x in [*r.quantities, *[d for d in r.dates if d.block is not None]]:
        assert seg(x.block, None)[x.start : x.end] == x.text


def test_not_entities(story: tuple[str, Analysis]) -> None:
    """Weekdays, months, pronouns and nationality adjectives never become entities."""
    _, r = story
    names = {e.name for e in r.entities} | {a for e in r.entities for a in e.aliases}
    assert not names & {"Thursday", "Friday", "Sunday", "March", "He", "She", "Austrian", "German", "The"}
