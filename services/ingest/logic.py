"""Ingest: accept a producer's entry, enforce limits, decode, give the article its stable id."""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime
from typing import get_args

import orjson
from faststream.redis.parser.binary import BinaryMessageFormatV1

from services.core.envelope import DATA_FIELD
from services.core.errors import EmptyInput, TooLarge, Unparseable
from services.core.models import ArticleBase, FormatHint, IngestedArticle, RawText
from services.core.stage import Entry, Stage, StageContext
from services.core.text import clean_text
from services.ingest.decoding import decode_bytes

_HINTS = frozenset(get_args(FormatHint))
_FIELDS = ("text", "source", "format", "external_id", "received_at", "correlation_id")


def producer_fields(fields: dict[bytes, bytes]) -> dict[str, bytes]:
    """Plain XADD fields, or the JSON object a FastStream producer put in ``__data__``."""
    if DATA_FIELD not in fields or b"text" in fields:
        return {k.decode("utf-8", "replace"): v for k, v in fields.items()}
    body, _headers = BinaryMessageFormatV1.parse(fields[DATA_FIELD])
    try:
        obj = orjson.loads(body)
    except orjson.JSONDecodeError as exc:
        raise Unparseable(f"__data__ is not a JSON object: {exc}") from exc
    if not isinstance(obj, dict):
        raise Unparseable("__data__ must hold a JSON object with a 'text' key")
    out: dict[str, bytes] = {}
    for key in _FIELDS:
        value = obj.get(key)
        if value is None:
            continue
        if not isinstance(value, str):
            raise Unparseable(f"field {key!r} must be a string, not {type(value).__name__}")
        out[key] = value.encode("utf-8")
    return out


def stable_id(source: str | None, cleaned_text: str) -> str:
    """Same source and same text (after Unicode clean-up and white-space folding), same id."""
    # White space folded with str.split(): the same as re's \s+ for every code point, 4x faster.
    canonical = " ".join(cleaned_text.split())
    digest = hashlib.blake2b(f"{source or ''}\x00{canonical}".encode(), digest_size=12).hexdigest()
    return f"a-{digest}"


def entry_time(entry_id: str) -> str:
    ms = int(entry_id.partition("-")[0] or 0)
    return datetime.fromtimestamp(ms / 1000, UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def parse_received_at(value: str) -> str:
    try:
        parsed = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError as exc:
        raise Unparseable(f"received_at {value!r} is not an RFC 3339 time") from exc
    if parsed.tzinfo is None:
        raise Unparseable(f"received_at {value!r} has no UTC offset (RFC 3339 needs one)")
    return parsed.isoformat().replace("+00:00", "Z")


def _text_field(fields: dict[str, bytes], key: str) -> str | None:
    value = fields.get(key)
    if value is None:
        return None
    try:
        text = value.decode("utf-8").strip()
    except UnicodeDecodeError as exc:
        raise Unparseable(f"field {key!r} is not UTF-8") from exc
    return text or None


def ingest(entry: Entry, ctx: StageContext) -> IngestedArticle:
    fields = producer_fields(entry.fields)
    data = fields.get("text")
    if data is None:
        raise EmptyInput("the entry has no 'text' field")
    cap = ctx.settings.max_bytes
    if len(data) > cap:
        raise TooLarge(f"the text is {len(data)} bytes, over the {cap}-byte cap (WIRESTREAM_MAX_BYTES)")
    if not data.strip():
        raise EmptyInput("the text is empty or only white space")
    text, charset = decode_bytes(data)
    cleaned = clean_text(text)
    if not cleaned.strip():
        raise EmptyInput("the text holds no visible characters")
    hint = _text_field(fields, "format") or "auto"
    if hint not in _HINTS:
        raise Unparseable(f"unknown format hint {hint!r}; use one of {', '.join(sorted(_HINTS))}")
    source = _text_field(fields, "source")
    received = _text_field(fields, "received_at")
    article_id = stable_id(source, cleaned)
    return IngestedArticle(
        id=article_id,
        source=source,
        external_id=_text_field(fields, "external_id"),
        received_at=parse_received_at(received) if received else entry_time(entry.id),
        format_hint=hint,
        correlation_id=_text_field(fields, "correlation_id") or article_id,
        raw=RawText(text=text, sha256=hashlib.sha256(data).hexdigest(), size=len(data), charset=charset),
    )


def dedupe_guard(article: ArticleBase, ctx: StageContext) -> tuple[str, int]:
    return ctx.keys.dedupe(article.id), ctx.settings.dedupe_ttl


STAGE = Stage("ingest", input_model=None, run=ingest, guard=dedupe_guard)
