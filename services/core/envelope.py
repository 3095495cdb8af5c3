"""CloudEvents 1.0 in structured mode: the one JSON document in every entry's ``__data__``."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from typing import Any

import orjson

from services.core.errors import Unparseable

DATA_FIELD = b"__data__"
SCHEMA_BASE = "urn:wirestream:schema:"
_ID_NAMESPACE = uuid.UUID("5b1f6c1e-3a8e-4f5e-9a43-7d0d1c2b9e11")


def now_rfc3339() -> str:
    return datetime.now(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def event_id(article_id: str, event_type: str, version: int) -> str:
    """Deterministic, so a redelivered article carries the same event id."""
    return str(uuid.uuid5(_ID_NAMESPACE, f"{article_id}|{event_type}|{version}"))


def schema_id(event_type: str) -> str:
    return f"{SCHEMA_BASE}{event_type}"


def make_event(
    *,
    event_type: str,
    stage: str,
    subject: str | None,
    data: dict[str, Any],
    correlation_id: str,
    event_id_: str,
    time: str | None = None,
) -> dict[str, Any]:
    event: dict[str, Any] = {
        "specversion": "1.0",
        "id": event_id_,
        "source": f"wirestream/{stage}",
        "type": event_type,
        "time": time or now_rfc3339(),
        "datacontenttype": "application/json",
        "dataschema": schema_id(event_type),
        "correlationid": correlation_id,
        "data": data,
    }
    if subject is not None:
        event["subject"] = subject
    return event


def encode(event: dict[str, Any]) -> bytes:
    return orjson.dumps(event)


def decode(payload: bytes | str) -> dict[str, Any]:
    """Parse a ``__data__`` value; anything that is not a CloudEvent object is Unparseable."""
    try:
        event = orjson.loads(payload)
    except orjson.JSONDecodeError as exc:
        raise Unparseable(f"__data__ is not valid JSON: {exc}") from exc
    if not isinstance(event, dict) or event.get("specversion") != "1.0":
        raise Unparseable("__data__ is not a CloudEvents 1.0 JSON object")
    if not isinstance(event.get("data"), dict):
        raise Unparseable("the CloudEvent has no object in 'data'")
    return event
