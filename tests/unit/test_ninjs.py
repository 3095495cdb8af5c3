"""The enriched article rendered as IPTC ninjs 2.2, validated against the IPTC schema file."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import orjson
import pytest
from jsonschema import FormatChecker
from jsonschema.protocols import Validator
from jsonschema.validators import validator_for
from referencing import Registry, Resource

from services.core.models import EnrichedArticle
from services.core.settings import load_settings
from services.pipeline import run_offline
from services.publish.ninjs import to_ninjs
from tests.tass import HEADLINE, STANDFIRST

GEOJSON_URI = "https://geojson.org/schema/GeoJSON.json"
# The ninjs schema refers to the online GeoJSON schema for places[].geojson. Tests run
# offline, so that URI is served the official GeoJSON Point schema (geojson/schema,
# Point.json): stricter than "any GeoJSON", and a Point is all to_ninjs writes.
GEOJSON_POINT = {
    "$schema": "http://json-schema.org/draft-07/schema#",
    "$id": "https://geojson.org/schema/Point.json",
    "title": "GeoJSON Point",
    "type": "object",
    "required": ["type", "coordinates"],
    "properties": {
        "type": {"type": "string", "enum": ["Point"]},
        "coordinates": {"type": "array", "minItems": 2, "items": {"type": "number"}},
        "bbox": {"type": "array", "minItems": 4, "items": {"type": "number"}},
    },
}

_formats = FormatChecker(formats=())


def _is_uri(value: object) -> bool:
    return not isinstance(value, str) or (bool(urlsplit(value).scheme) and " " not in value)


def _is_date_time(value: object) -> bool:
    return not isinstance(value, str) or ("T" in value and datetime.fromisoformat(value).tzinfo is not None)


_formats.checks("uri", raises=ValueError)(_is_uri)
_formats.checks("date-time", raises=ValueError)(_is_date_time)


@pytest.fixture(scope="module")
def validator(samples: Path) -> Validator:
    schema = orjson.loads((samples / "ninjs-schema" / "ninjs-schema_2.2.json").read_bytes())
    cls = validator_for(schema)
    registry: Registry = Registry().with_resource(GEOJSON_URI, Resource.from_contents(GEOJSON_POINT))
    cls.check_schema(schema)
    return cls(schema, registry=registry, format_checker=_formats)


def _errors(validator: Validator, doc: dict[str, Any]) -> list[str]:
    return [f"{'/'.join(map(str, e.absolute_path)) or '(root)'}: {e.message}" for e in validator.iter_errors(doc)]


def _rich_article() -> dict[str, Any]:
    article = EnrichedArticle.model_validate(
        {
            "id": "a-0123456789abcdef01234567",
            "version": 2,
            "source": "afp",
            "external_id": "urn:newsml:afp.com:20240301:ABC123",
            "received_at": "2024-03-01T09:30:00Z",
            "correlation_id": "a-0123456789abcdef01234567",
            "trace": {"publish": {"at": "2024-03-01T09:30:02.250Z", "worker": "w1", "version": "0.1.0"}},
            "raw": {"sha256": "0" * 64, "size": 420, "charset": "utf-8"},
            "format": "nitf",
            "language": "fr",
            "headline": "Macron & Scholz agree <new> energy pact",
            "subheadline": "Talks in Paris end a month of disputes",
            "byline": "By Anne Martin",
            "slugline": "France-Germany-Energy",
            "dateline": {"text": "PARIS, March 1 (AFP) -", "city": "PARIS", "date_text": "March 1", "agency": "AFP"},
            "body": [
                {"kind": "paragraph", "text": 'Emmanuel Macron said: "We agree." Prices fell 5% & rose.'},
                {"kind": "heading", "text": "Next steps"},
                {"kind": "preformatted", "text": "A <b>table</b>"},
            ],
            "entities": [
                {"id": "person:emmanuel-macron", "name": "Emmanuel Macron", "type": "person"},
                {"id": "person:olaf-scholz", "name": "Olaf Scholz", "type": "person"},
                {"id": "organisation:afp", "name": "Agence France-Presse", "type": "organisation"},
                {
                    "id": "place:paris",
                    "name": "Paris",
                    "type": "place",
                    "geo": {"country_code": "FR", "lat": 48.85341, "lon": 2.3488, "geonames_id": 2988507},
                },
                {"id": "place:rhine-valley", "name": "Rhine valley", "type": "place"},
            ],
            "quotes": [
                {
                    "text": "We agree.",
                    "speaker": "Emmanuel Macron",
                    "speaker_entity": "person:emmanuel-macron",
                    "block": 0,
                    "start": 23,
                    "end": 32,
                }
            ],
            "supersedes": "5d1c2a3e-0000-5000-8000-000000000001",
        }
    )
    return article.model_dump(mode="json", by_alias=True)


def test_rich_article_renders_valid_ninjs_with_every_field(validator: Validator) -> None:
    """A hand-built rich article gives a schema-valid ninjs 2.2 document with the expected values."""
    doc = to_ninjs(_rich_article())
    assert _errors(validator, doc) == []
    assert doc["uri"] == "urn:wirestream:article:a-0123456789abcdef01234567"
    assert doc["version"] == "2"
    assert doc["type"] == "text"
    assert doc["language"] == "fr"
    assert doc["versioncreated"] == "2024-03-01T09:30:02.250Z"
    assert "firstcreated" not in doc, "version 2 does not know when version 1 was created"
    assert doc["headlines"] == [
        {"role": "main", "value": "Macron & Scholz agree <new> energy pact"},
        {"role": "sub", "value": "Talks in Paris end a month of disputes"},
    ]
    html, plain = doc["bodies"]
    assert html["contenttype"] == "text/html"
    assert html["value"] == (
        '<p>Emmanuel Macron said: "We agree." Prices fell 5% &amp; rose.</p>'
        "<h2>Next steps</h2>"
        "<pre>A &lt;b&gt;table&lt;/b&gt;</pre>"
    )
    assert plain["contenttype"] == "text/plain"
    assert plain["value"] == 'Emmanuel Macron said: "We agree." Prices fell 5% & rose.\n\nNext steps\n\nA <b>table</b>'
    assert (plain["wordcount"], plain["charcount"]) == (14, 80)
    assert (doc["by"], doc["slugline"], doc["located"]) == ("By Anne Martin", "France-Germany-Energy", "Paris")
    assert doc["people"] == [
        {
            "name": "Emmanuel Macron",
            "rel": "quoted",
            "uri": "urn:wirestream:entity:person:emmanuel-macron",
            "literal": "person:emmanuel-macron",
        },
        {
            "name": "Olaf Scholz",
            "rel": "mentioned",
            "uri": "urn:wirestream:entity:person:olaf-scholz",
            "literal": "person:olaf-scholz",
        },
    ]
    assert [o["name"] for o in doc["organisations"]] == ["Agence France-Presse"]
    assert doc["places"] == [
        {
            "name": "Paris",
            "rel": "mentioned",
            "uri": "https://sws.geonames.org/2988507/",
            "literal": "place:paris",
            "geojson": {"type": "Point", "coordinates": [2.3488, 48.85341]},
        },
        {
            "name": "Rhine valley",
            "rel": "mentioned",
            "uri": "urn:wirestream:entity:place:rhine-valley",
            "literal": "place:rhine-valley",
        },
    ]
    assert doc["infosources"] == [{"name": "AFP", "role": "source", "literal": "afp"}]
    assert doc["altids"] == [
        {"role": "wirestream", "value": "a-0123456789abcdef01234567"},
        {"role": "external", "value": "urn:newsml:afp.com:20240301:ABC123"},
    ]


def test_bare_article_has_no_nulls_and_stays_valid(validator: Validator) -> None:
    """An article that knows almost nothing leaves fields out instead of writing null or empty lists."""
    bare = {
        "id": "a-1",
        "received_at": "2024-03-01T09:30:00+01:00",
        "correlation_id": "c",
        "format": "text",
        "raw": {"sha256": "0" * 64, "size": 1, "charset": "utf-8"},
    }
    doc = to_ninjs(EnrichedArticle.model_validate(bare).model_dump(mode="json", by_alias=True))
    assert _errors(validator, doc) == []
    assert doc["firstcreated"] == doc["versioncreated"] == "2024-03-01T09:30:00+01:00"
    for absent in ("headlines", "bodies", "people", "places", "organisations", "located", "by", "language"):
        assert absent not in doc
    assert None not in doc.values()


def test_schema_check_is_live(validator: Validator) -> None:
    """The validator refuses an undefined property, a bad date-time or uri, and a Point with one coordinate."""
    doc = to_ninjs(_rich_article())
    assert _errors(validator, {**doc, "headline": "x"}), "unevaluatedProperties must refuse 'headline'"
    assert _errors(validator, {**doc, "versioncreated": "2024-03-01"}), "a date-time needs a time and a zone"
    assert _errors(validator, {**doc, "uri": "article 1"}), "a uri needs a scheme"
    doc["places"][0]["geojson"]["coordinates"] = [2.3]
    assert _errors(validator, doc), "the GeoJSON Point schema must refuse one coordinate"


def test_tass_pipeline_output_renders_valid_ninjs(validator: Validator, samples: Path) -> None:
    """The real pipeline's enriched TASS article renders to valid ninjs with its headline, dateline, people and places."""
    text = (samples / "tass" / "kremlin-palmyra-2016-12-12.txt").read_bytes()
    outcome = run_offline({b"text": text, b"source": b"tass"}, load_settings(consumer="t"))
    assert outcome.kind == "out", outcome
    doc = to_ninjs(orjson.loads(outcome.payload)["data"])
    assert _errors(validator, doc) == []
    assert doc["headlines"] == [{"role": "main", "value": HEADLINE}, {"role": "sub", "value": STANDFIRST}]
    assert doc["language"] == "en"
    assert doc["located"] == "Moscow"
    assert doc["bodies"][0]["value"].startswith("<p>A lack of cooperation with the United States")
    assert "<h2>Palmyra developments</h2>" in doc["bodies"][0]["value"]
    people = {p["name"]: p for p in doc["people"]}
    assert people["Dmitry Peskov"]["rel"] == "quoted"
    places = {p["name"]: p for p in doc["places"]}
    palmyra = places["Palmyra"]
    assert palmyra["uri"] == "https://sws.geonames.org/163808/"
    lon, lat = palmyra["geojson"]["coordinates"]
    assert (round(lon, 1), round(lat, 1)) == (38.3, 34.6)
    assert {"Syria", "Moscow", "Damascus"} <= set(places)
    assert doc["infosources"] == [{"name": "TASS", "role": "source", "literal": "tass"}]
