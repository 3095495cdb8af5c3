from __future__ import annotations

import pytest

from services.core.errors import EmptyInput, Unparseable
from services.core.models import Block
from services.normalise.formats import ninjs
from tests.unit._formats_fixtures import fixture


def test_ninjs1_fields() -> None:
    """A ninjs 1.x item gives headline, abstract, byline, slugline, language, uri, ednote."""
    parsed = ninjs.parse(fixture("ninjs1_bakery.json"))
    assert parsed.format == "ninjs"
    assert parsed.headline == "Village bakery saved by crowdfunding"
    assert parsed.subheadline == "Neighbours raised 40,000 pounds in ten days."
    assert parsed.byline == "By Ruth Amis"
    assert parsed.slugline == "Bakery-Rescue"
    assert parsed.language == "en"
    assert parsed.external_id == "urn:example.invalid:ninjs:bakery-1"
    assert parsed.boilerplate == ["Picture available."]
    assert parsed.signals == []


def test_ninjs1_body_html_and_dateline() -> None:
    """body_html paragraphs are the body, with the dateline cut from the first one."""
    parsed = ninjs.parse(fixture("ninjs1_bakery.json"))
    assert parsed.dateline is not None
    assert (parsed.dateline.city, parsed.dateline.agency) == ("LUDLOW", "WS")
    assert [b.text for b in parsed.body] == [
        "A village bakery that was due to close has been saved.",
        '"We are overwhelmed," owner Jo Hart said.',
    ]


def test_ninjs2_headlines_bodies_and_version() -> None:
    """ninjs 2.x: the main headline, the summary, "by", the HTML body, version 4 as a signal."""
    parsed = ninjs.parse(fixture("ninjs2_bridge.json"))
    assert parsed.headline == "Bergen bridge reopens after repairs"
    assert parsed.subheadline == "The crossing was shut for six months."
    assert parsed.byline == "By Ola Nordmann"
    assert parsed.language == "nb-NO"
    assert parsed.signals == ["version:4"]
    assert parsed.body == [
        Block(kind="paragraph", text="The Puddefjord bridge reopened on Monday."),
        Block(kind="heading", text="Cost"),
        Block(kind="paragraph", text="Repairs cost 90 million kroner."),
    ]


def test_list_with_picture_first_parses_text_item() -> None:
    """In a list of items, the text item is parsed, not the picture before it."""
    parsed = ninjs.parse(fixture("ninjs_list_picture_first.json"))
    assert parsed.headline == "Record field for city marathon"
    assert parsed.external_id == "urn:example.invalid:ninjs:marathon-3"
    assert [b.text for b in parsed.body] == [
        "A record 25,000 runners started the city marathon on Sunday.",
        "The race was won in 2 hours 9 minutes.",
    ]


def test_broken_html_fragment() -> None:
    """Unclosed and stray tags in an HTML body still give clean paragraphs and headline."""
    parsed = ninjs.parse(fixture("html_fragment_broken.json"))
    assert parsed.headline == "Council approves budget"
    assert [b.text for b in parsed.body] == [
        "The council approved the budget on Tuesday",
        "Second paragraph with unclosed tags",
        "Third & last",
    ]


def test_json_without_ninjs_keys_is_unparseable() -> None:
    """A JSON object with no ninjs fields is Unparseable."""
    with pytest.raises(Unparseable):
        ninjs.parse('{"hello": "world"}')


def test_invalid_json_and_empty() -> None:
    """Broken JSON is Unparseable and white space is EmptyInput."""
    with pytest.raises(Unparseable):
        ninjs.parse('{"headline": ')
    with pytest.raises(EmptyInput):
        ninjs.parse("  ")


def test_deeply_nested_json_is_unparseable() -> None:
    """JSON nested 50,000 deep is Unparseable, not a RecursionError."""
    with pytest.raises(Unparseable):
        ninjs.parse("[" * 50_000 + "]" * 50_000)
