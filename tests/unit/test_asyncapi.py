"""schemas/asyncapi.yaml is generated, structurally valid AsyncAPI 3, and its payloads match real events."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import orjson
import pytest
import yaml
from jsonschema import Draft7Validator
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT7

from services.core.asyncapi import ASYNCAPI_PATH, asyncapi_document, render_asyncapi, write_asyncapi
from services.core.settings import load_settings
from services.core.stage import Entry, StageContext, handle_entry
from services.core.streams import STAGES, Keys
from services.ingest.logic import _FIELDS as INGEST_FIELDS
from services.ingest.logic import STAGE as INGEST
from services.pipeline import run_offline

DOC_URI = "urn:wirestream:asyncapi"


@pytest.fixture(scope="module")
def doc() -> dict[str, Any]:
    return asyncapi_document()


def _resolve(doc: dict[str, Any], ref: str) -> Any:
    assert ref.startswith("#/"), f"{ref} is not a local reference"
    node: Any = doc
    for raw in ref[2:].split("/"):
        part = raw.replace("~1", "/").replace("~0", "~")
        assert isinstance(node, dict) and part in node, f"{ref} does not resolve"
        node = node[part]
    return node


def _refs(node: Any) -> list[str]:
    if isinstance(node, dict):
        found = [node["$ref"]] if isinstance(node.get("$ref"), str) else []
        return found + [r for value in node.values() for r in _refs(value)]
    if isinstance(node, list):
        return [r for value in node for r in _refs(value)]
    return []


def _payload_validator(doc: dict[str, Any], message: str) -> Draft7Validator:
    registry: Registry = Registry().with_resource(DOC_URI, Resource.from_contents(doc, default_specification=DRAFT7))
    payload_ref = doc["components"]["messages"][message]["payload"]["$ref"]
    return Draft7Validator({"$ref": DOC_URI + payload_ref}, registry=registry)


def test_committed_asyncapi_matches_the_code() -> None:
    """schemas/asyncapi.yaml equals what the code renders (run `wirestream schemas` after a change)."""
    assert ASYNCAPI_PATH.exists(), f"{ASYNCAPI_PATH} is missing: run `wirestream schemas`"
    committed = ASYNCAPI_PATH.read_text(encoding="utf-8")
    assert committed == render_asyncapi(), f"{ASYNCAPI_PATH} drifted from the code: run `wirestream schemas`"


def test_render_is_deterministic_and_round_trips(doc: dict[str, Any], tmp_path: Path) -> None:
    """Two renders are identical, write_asyncapi writes that text, and the YAML loads back to the document."""
    text = render_asyncapi()
    assert text == render_asyncapi()
    assert "&id" not in text and "*id" not in text, "the YAML must not use anchors"
    written = write_asyncapi(tmp_path / "out" / "asyncapi.yaml")
    assert written.read_text(encoding="utf-8") == text
    assert yaml.safe_load(text) == doc


def test_every_stream_has_a_channel_and_the_server_is_redis(doc: dict[str, Any]) -> None:
    """AsyncAPI 3.0.0, a redis server with a host variable, and one channel per stream of Keys()."""
    assert doc["asyncapi"] == "3.0.0"
    assert doc["info"]["title"] == "wirestream" and doc["info"]["version"]
    server = doc["servers"]["redis"]
    assert server["protocol"] == "redis"
    assert server["host"] == "{host}:{port}"
    assert server["variables"]["host"]["default"] == "localhost"
    addresses = sorted(ch["address"] for ch in doc["channels"].values())
    assert addresses == sorted(Keys().all_streams())
    assert sorted(Keys().all_streams()) == sorted(
        ["wire:raw", "wire:ingested", "wire:normalised", "wire:extracted", "wire:enriched", "wire:dead"]
    )


def test_every_reference_resolves(doc: dict[str, Any]) -> None:
    """Every $ref in the document, payload schemas included, points at something in it."""
    refs = _refs(doc)
    assert len(refs) > 50
    for ref in refs:
        _resolve(doc, ref)


def test_operations_use_their_channels_messages(doc: dict[str, Any]) -> None:
    """Each operation sends or receives on a channel, and its messages are that channel's messages."""
    used: set[str] = set()
    for name, op in doc["operations"].items():
        assert op["action"] in {"send", "receive"}, name
        channel_ref = op["channel"]["$ref"]
        channel = _resolve(doc, channel_ref)
        assert op["messages"], f"{name} names no message"
        for message in op["messages"]:
            assert message["$ref"].startswith(channel_ref + "/messages/"), f"{name}: {message['$ref']}"
            used.add(_resolve(doc, message["$ref"])["$ref"])
        for message in channel["messages"].values():
            _resolve(doc, message["$ref"])
    assert used == {f"#/components/messages/{key}" for key in doc["components"]["messages"]}, "an unused message"


def test_each_stage_reads_its_input_and_writes_output_and_dead(doc: dict[str, Any]) -> None:
    """Every stage receives from its input stream and sends to its output stream and to the dead stream."""
    keys = Keys()

    def address(op: dict[str, Any]) -> str:
        return str(_resolve(doc, op["channel"]["$ref"])["address"])

    ops = doc["operations"]
    for stage in STAGES:
        assert (ops[f"{stage}.receive"]["action"], address(ops[f"{stage}.receive"])) == ("receive", keys.input(stage))
        assert ops[f"{stage}.receive"]["bindings"]["redis"]["x-group"] == stage
        assert (ops[f"{stage}.send"]["action"], address(ops[f"{stage}.send"])) == ("send", keys.output(stage))
        assert (ops[f"{stage}.deadLetter"]["action"], address(ops[f"{stage}.deadLetter"])) == ("send", keys.dead)
    assert address(ops["consumer.subscribeEnriched"]) == "wire:enriched"
    assert address(ops["producer.pushRaw"]) == "wire:raw"


def test_messages_are_cloudevents_in_json_and_raw_is_plain_fields(doc: dict[str, Any]) -> None:
    """Stage messages are application/json CloudEvents; the raw message lists the fields ingest reads."""
    messages = doc["components"]["messages"]
    assert sorted(messages) == sorted(
        [
            "RawEntry",
            "IngestedArticleEvent",
            "NormalisedArticleEvent",
            "ExtractedArticleEvent",
            "EnrichedArticleEvent",
            "DeadLetterEvent",
        ]
    )
    enriched = messages["EnrichedArticleEvent"]
    assert enriched["name"] == "wirestream.article.enriched.v1"
    assert enriched["contentType"] == "application/json"
    assert enriched["x-cloudevents"]["mode"] == "structured"
    assert enriched["correlationId"]["location"] == "$message.payload#/correlationid"
    raw = messages["RawEntry"]["payload"]
    assert raw["required"] == ["text"]
    assert sorted(raw["properties"]) == sorted(INGEST_FIELDS)
    assert set(INGEST_FIELDS) >= {"text", "source", "format", "external_id", "received_at"}


def test_payload_schemas_accept_real_events_and_refuse_broken_ones(doc: dict[str, Any], samples: Path) -> None:
    """The embedded payload schemas accept a real ingested, enriched (TASS) and dead-letter event, and refuse a bad one."""
    settings = load_settings(consumer="t")
    ctx = StageContext(settings=settings, keys=Keys(), consumer="t")
    ingested = handle_entry(INGEST, Entry("1-0", {b"text": b"PARIS (AFP) - Hello."}), ctx)
    assert ingested.event is not None
    dead = handle_entry(INGEST, Entry("2-0", {b"text": b"   "}), ctx)
    assert dead.kind == "dead" and dead.event is not None
    text = (samples / "tass" / "kremlin-palmyra-2016-12-12.txt").read_bytes()
    enriched = run_offline({b"text": text, b"source": b"tass"}, settings)
    assert enriched.kind == "out"
    cases = [
        ("IngestedArticleEvent", ingested.event),
        ("DeadLetterEvent", dead.event),
        ("EnrichedArticleEvent", orjson.loads(enriched.payload)),
    ]
    for message, event in cases:
        errors = [e.message for e in _payload_validator(doc, message).iter_errors(event)]
        assert errors == [], f"{message}: {errors[:3]}"
    broken = orjson.loads(enriched.payload)
    broken["data"]["entities"][0]["type"] = "animal"
    assert list(_payload_validator(doc, "EnrichedArticleEvent").iter_errors(broken))
    assert list(_payload_validator(doc, "IngestedArticleEvent").iter_errors(orjson.loads(enriched.payload)))
