"""The AsyncAPI 3.0.0 description of every wirestream stream and message.

Generated from the same sources as everything else: stream names from :class:`Keys`, the
stage wiring from ``services.core.streams``, and the CloudEvent payload schemas from
:func:`services.core.schemas.event_schema`. ``schemas/asyncapi.yaml`` holds the rendered
document; a test fails when it drifts (``wirestream schemas`` rewrites it).

The document is self-contained: each event's JSON Schema is embedded under
``components.schemas`` with its ``$defs`` merged there and its ``$ref``s rewritten to point
at them. The generated schemas use no keyword newer than draft-07, so they are valid as
AsyncAPI's default schema format.

Redis bindings (bindings/redis 0.1.0) define no fixed fields, only ``x-`` extensions; the
extensions here say which Redis command, consumer group and entry field each side uses.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, get_args
from urllib.parse import urlsplit

import orjson
import yaml

from services.core.envelope import DATA_FIELD
from services.core.models import FormatHint
from services.core.schemas import DATA_MODELS, SCHEMA_DIR, event_schema
from services.core.settings import Settings
from services.core.streams import (
    DEAD_LETTER_TYPE,
    EVENT_TYPE_OF,
    INPUT_OF,
    OUTPUT_OF,
    STAGES,
    STREAM_SUFFIXES,
    Keys,
    group_of,
)

ASYNCAPI_VERSION = "3.0.0"
# Version of the described API: the v1 event types. Bump with a new event version.
API_VERSION = "1.0.0"
ASYNCAPI_PATH = SCHEMA_DIR / "asyncapi.yaml"
SERVER = "redis"
RAW_MESSAGE = "RawEntry"
CONTENT_TYPE = "application/json"

_STREAM_TITLES = {
    "raw": "Raw producer entries",
    "ingested": "Ingested articles",
    "normalised": "Normalised articles",
    "extracted": "Extracted articles",
    "enriched": "Enriched articles",
    "dead": "Dead letters",
}
_STAGE_DUTIES = {
    "ingest": "enforces limits, decodes the bytes, gives the article a stable id and drops exact duplicates",
    "normalise": "detects the format and parses headline, byline, dateline and body; repairs Unicode; detects the language",
    "extract": "finds people, organisations and places, quotes with their speakers, dates and quantities",
    "publish": "validates against schemas/, versions updates and writes each (article, version) to the enriched stream once",
}


def _message_key(event_type: str) -> str:
    return f"{DATA_MODELS[event_type].__name__}Event"


def _component_refs(node: Any) -> Any:
    """The schema with ``#/$defs/X`` references pointing at ``#/components/schemas/X``."""
    if isinstance(node, dict):
        out = {}
        for key, value in node.items():
            if key == "$ref" and isinstance(value, str) and value.startswith("#/$defs/"):
                out[key] = "#/components/schemas/" + value.removeprefix("#/$defs/")
            else:
                out[key] = _component_refs(value)
        return out
    if isinstance(node, list):
        return [_component_refs(v) for v in node]
    return node


def _schemas() -> dict[str, Any]:
    envelopes: dict[str, Any] = {}
    defs: dict[str, Any] = {}
    for event_type in DATA_MODELS:
        schema = event_schema(event_type)
        for name, sub in schema.pop("$defs").items():
            if defs.setdefault(name, sub) != sub:
                raise ValueError(f"two events define the schema {name!r} differently")
        schema.pop("$schema")
        schema_id = schema.pop("$id")
        schema["x-schema-id"] = schema_id
        envelopes[_message_key(event_type)] = schema
    combined = {**envelopes, **dict(sorted(defs.items()))}
    result: dict[str, Any] = _component_refs(combined)
    return result


def _raw_message(keys: Keys) -> dict[str, Any]:
    return {
        "name": RAW_MESSAGE,
        "title": "Raw wire copy",
        "summary": "What a producer writes: plain stream fields, no library of ours needed.",
        "description": (
            f"One entry of plain field/value pairs, e.g. `redis-cli XADD {keys.raw} '*' text \"$(cat story.txt)\" "
            "source tass`. A FastStream producer publishing a JSON object with the same keys is accepted too."
        ),
        "payload": {
            "type": "object",
            "required": ["text"],
            "description": "Fields not listed here are ignored.",
            "properties": {
                "text": {
                    "type": "string",
                    "minLength": 1,
                    "description": (
                        "the wire copy: UTF-8, or bytes in another charset (detected); "
                        "at most WIRESTREAM_MAX_BYTES bytes (default 1 MiB)"
                    ),
                },
                "source": {"type": "string", "description": "provider name, e.g. tass"},
                "format": {
                    "type": "string",
                    "enum": list(get_args(FormatHint)),
                    "default": "auto",
                    "description": "format hint",
                },
                "external_id": {"type": "string", "description": "the provider's id of the item"},
                "received_at": {
                    "type": "string",
                    "format": "date-time",
                    "description": "RFC 3339 with a UTC offset; default: the entry's stream time",
                },
                "correlation_id": {
                    "type": "string",
                    "description": "carried as the correlationid of every event; default: the article id",
                },
            },
        },
        "bindings": {"redis": {"x-entry": "plain fields"}},
    }


def _event_message(event_type: str, stage: str | None) -> dict[str, Any]:
    model = DATA_MODELS[event_type]
    source = f"wirestream/{stage}" if stage else "wirestream/<stage>"
    return {
        "name": event_type,
        "title": model.__name__,
        "summary": f"CloudEvents 1.0, structured mode, carrying a {model.__name__} in 'data'.",
        "description": (
            f"The entry has one field, `{DATA_FIELD.decode()}`, whose value is the CloudEvent as plain UTF-8 JSON "
            "(structured content mode; never FastStream's binary envelope). "
            f"`type` {event_type}, `source` {source}, `subject` the article id, `datacontenttype` {CONTENT_TYPE}, "
            "`dataschema` the schema id below, extension `correlationid` carried end to end."
        ),
        "contentType": CONTENT_TYPE,
        "payload": {"$ref": f"#/components/schemas/{_message_key(event_type)}"},
        "correlationId": {
            "description": "the correlationid extension attribute, carried from ingest to the enriched event",
            "location": "$message.payload#/correlationid",
        },
        "bindings": {"redis": {"x-entry-field": DATA_FIELD.decode()}},
        "x-cloudevents": {"specversion": "1.0", "mode": "structured", "type": event_type, "source": source},
    }


def _channel(keys: Keys, suffix: str, message_keys: list[str]) -> dict[str, Any]:
    readers = [s for s in STAGES if INPUT_OF[s] == suffix]
    if readers:
        read = f"read by the {readers[0]} stage through consumer group `{group_of(readers[0])}`"
    elif keys.stream(suffix) == keys.dead:
        read = "listed and replayed by `wirestream dlq`, or read by any consumer through a consumer group of its own"
    else:
        read = "read by any consumer, through a consumer group of its own"
    return {
        "address": keys.stream(suffix),
        "title": _STREAM_TITLES[suffix],
        "description": (
            f"Redis stream, {read}. The key prefix is configurable (WIRESTREAM_PREFIX); past one Redis, "
            f"partitioned keys are hash-tagged, e.g. `{Keys(keys.prefix, 0).stream(suffix)}`."
        ),
        "messages": {key: {"$ref": f"#/components/messages/{key}"} for key in message_keys},
        "bindings": {"redis": {"x-type": "stream"}},
    }


def _operation(
    action: str, channel: str, message_keys: list[str], summary: str, binding: dict[str, str], tag: str
) -> dict[str, Any]:
    return {
        "action": action,
        "channel": {"$ref": f"#/channels/{channel}"},
        "summary": summary,
        "messages": [{"$ref": f"#/channels/{channel}/messages/{key}"} for key in message_keys],
        "bindings": {"redis": binding},
        "tags": [{"name": tag}],
    }


def _server() -> dict[str, Any]:
    default_url = urlsplit(str(Settings.model_fields["redis_url"].default))
    return {
        "host": "{host}:{port}",
        "pathname": "/{db}",
        "protocol": default_url.scheme,
        "title": "Redis",
        "description": "The Redis that holds every stream; set WIRESTREAM_REDIS_URL (redis://, rediss:// or unix://).",
        "variables": {
            "host": {"default": default_url.hostname or "localhost", "description": "Redis host name"},
            "port": {"default": str(default_url.port or 6379), "description": "Redis port"},
            "db": {"default": default_url.path.strip("/") or "0", "description": "Redis database number"},
        },
    }


def asyncapi_document(keys: Keys | None = None) -> dict[str, Any]:
    """The AsyncAPI 3.0.0 document of every stream, message and stage operation."""
    keys = keys or Keys()
    dead = _message_key(DEAD_LETTER_TYPE)
    on_channel: dict[str, list[str]] = {"raw": [RAW_MESSAGE], "dead": [dead]}
    for stage in STAGES:
        on_channel[OUTPUT_OF[stage]] = [_message_key(EVENT_TYPE_OF[stage])]

    messages: dict[str, Any] = {RAW_MESSAGE: _raw_message(keys)}
    for stage in STAGES:
        messages[_message_key(EVENT_TYPE_OF[stage])] = _event_message(EVENT_TYPE_OF[stage], stage)
    messages[dead] = _event_message(DEAD_LETTER_TYPE, None)

    channels = {suffix: _channel(keys, suffix, on_channel[suffix]) for suffix in STREAM_SUFFIXES}
    data_field = DATA_FIELD.decode()
    operations: dict[str, Any] = {
        "producer.pushRaw": _operation(
            "send",
            "raw",
            on_channel["raw"],
            "A producer pushes wire copy as plain fields.",
            {"x-command": "XADD"},
            "producer",
        )
    }
    for stage in STAGES:
        source, target = INPUT_OF[stage], OUTPUT_OF[stage]
        read = {"x-command": "XREADGROUP", "x-group": group_of(stage), "x-reclaim": "XAUTOCLAIM"}
        write = {"x-command": "XADD", "x-entry-field": data_field}
        operations[f"{stage}.receive"] = _operation(
            "receive",
            source,
            on_channel[source],
            f"The {stage} stage reads {keys.stream(source)}: it {_STAGE_DUTIES[stage]}.",
            read,
            stage,
        )
        operations[f"{stage}.send"] = _operation(
            "send",
            target,
            on_channel[target],
            f"The {stage} stage writes each handled article to {keys.stream(target)}, then acknowledges its input.",
            write,
            stage,
        )
        operations[f"{stage}.deadLetter"] = _operation(
            "send",
            "dead",
            on_channel["dead"],
            f"The {stage} stage dead-letters invalid input at once, and an entry that fails unexpectedly "
            "after WIRESTREAM_MAX_DELIVERIES deliveries.",
            write,
            stage,
        )
    operations["consumer.subscribeEnriched"] = _operation(
        "receive",
        "enriched",
        on_channel["enriched"],
        f"A consumer subscribes to {keys.enriched} with a consumer group of its own "
        "(any earlier stage stream can be read the same way).",
        {"x-command": "XREADGROUP", "x-group": "<the consumer's own group>"},
        "consumer",
    )
    operations["operator.inspectDeadLetters"] = _operation(
        "receive",
        "dead",
        on_channel["dead"],
        f"`wirestream dlq list|replay|purge` reads {keys.dead}.",
        {"x-command": "XRANGE"},
        "operator",
    )

    return {
        "asyncapi": ASYNCAPI_VERSION,
        "info": {
            "title": "wirestream",
            "version": API_VERSION,
            "description": (
                "News-wire copy in, structured and enriched article events out, over Redis Streams. "
                "Every stage stream carries CloudEvents 1.0 in structured mode as plain JSON in the entry field "
                f"`{data_field}`; each event carries the whole article known so far, so a consumer may "
                "subscribe at any stage."
            ),
            "license": {"name": "Apache-2.0", "url": "https://www.apache.org/licenses/LICENSE-2.0"},
        },
        "servers": {SERVER: _server()},
        "channels": channels,
        "operations": operations,
        "components": {"messages": messages, "schemas": _schemas()},
    }


def render_asyncapi() -> str:
    """The document as YAML, byte for byte the same on every run."""
    # A JSON round trip leaves no object shared between two places, so the YAML has no anchors.
    plain = orjson.loads(orjson.dumps(asyncapi_document()))
    text: str = yaml.safe_dump(plain, sort_keys=False, allow_unicode=True, width=120, default_flow_style=False)
    return text


def write_asyncapi(path: Path = ASYNCAPI_PATH) -> Path:
    """Write the rendered document to ``path`` (default ``schemas/asyncapi.yaml``)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(render_asyncapi(), encoding="utf-8")
    return path
