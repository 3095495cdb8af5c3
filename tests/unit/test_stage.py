"""handle_entry decides each entry's fate: written, dead-lettered at once, or retried."""

from __future__ import annotations

import base64

import orjson
import pytest

from services.core.envelope import DATA_FIELD, event_id
from services.core.errors import Unparseable
from services.core.models import ArticleBase, IngestedArticle
from services.core.settings import load_settings
from services.core.stage import Entry, Stage, StageContext, handle_entry
from services.core.streams import Keys
from services.ingest.logic import STAGE as INGEST

CTX = StageContext(settings=load_settings(consumer="t", max_deliveries=3), keys=Keys(), consumer="t")
GOOD = {b"text": b"OSLO, May 2 (Reuters) - Norway cut rates.", b"source": b"reuters"}


def _boom(article: IngestedArticle, ctx: StageContext) -> ArticleBase:
    raise KeyError("a bug")


def _refuse(article: IngestedArticle, ctx: StageContext) -> ArticleBase:
    raise Unparseable("the copy is not NITF")


def test_good_entry_is_written_with_a_deterministic_event_id() -> None:
    """A good entry gives an 'out' outcome whose CloudEvent id depends on article, type and version."""
    first = handle_entry(INGEST, Entry("1-0", dict(GOOD)), CTX)
    again = handle_entry(INGEST, Entry("9-0", dict(GOOD)), CTX)
    assert first.kind == "out" and first.event is not None and again.event is not None
    assert first.event["id"] == again.event["id"] == event_id(first.article_id or "", INGEST.event_type, 1)
    assert first.event["source"] == "wirestream/ingest"
    assert first.event["subject"] == first.article_id
    assert orjson.loads(first.payload)["type"] == "wirestream.article.ingested.v1"


def test_invalid_input_is_dead_lettered_at_once_with_its_fields() -> None:
    """Invalid input on its first delivery becomes a dead letter holding reason and original fields."""
    out = handle_entry(INGEST, Entry("5-1", {b"text": b"", b"source": b"afp"}), CTX)
    assert out.kind == "dead" and out.event is not None
    data = out.event["data"]
    assert data["stage"] == "ingest"
    assert data["error_type"] == "EmptyInput"
    assert data["stream"] == "wire:raw"
    assert data["entry_id"] == "5-1"
    assert data["deliveries"] == 1
    assert data["original"] == {"text": "", "source": "afp"}
    assert out.event["type"] == "wirestream.dead_letter.v1"


def test_non_utf8_original_fields_travel_as_base64() -> None:
    """A field that is not UTF-8 is kept in the dead letter as base64 under 'name:b64'."""
    raw = b"\x00\x01\xffbinary\x00"
    out = handle_entry(INGEST, Entry("5-2", {b"text": raw}), CTX)
    assert out.kind == "dead" and out.event is not None
    assert base64.b64decode(out.event["data"]["original"]["text:b64"]) == raw


@pytest.mark.parametrize(("deliveries", "kind"), [(1, "retry"), (2, "retry"), (3, "dead")])
def test_a_bug_is_retried_until_the_delivery_limit(deliveries: int, kind: str) -> None:
    """An unexpected error leaves the entry for retry until its last allowed delivery."""
    stage = Stage("normalise", input_model=IngestedArticle, run=_boom)
    ingested = handle_entry(INGEST, Entry("1-0", dict(GOOD)), CTX)
    out = handle_entry(stage, Entry("2-0", {DATA_FIELD: ingested.payload}, deliveries), CTX)
    assert out.kind == kind
    assert "KeyError" in (out.reason or "")
    assert out.article_id == ingested.article_id


def test_an_entry_over_the_limit_is_dead_without_running() -> None:
    """An entry already delivered more than the limit is dead-lettered as poison."""
    stage = Stage("normalise", input_model=IngestedArticle, run=_boom)
    out = handle_entry(stage, Entry("2-0", {DATA_FIELD: b"{}"}, deliveries=4), CTX)
    assert (out.kind, out.error_type) == ("dead", "PoisonMessage")


def test_invalid_output_of_a_stage_is_dead_lettered() -> None:
    """A stage raising InvalidInput dead-letters on the first delivery, with the message as reason."""
    stage = Stage("normalise", input_model=IngestedArticle, run=_refuse)
    ingested = handle_entry(INGEST, Entry("1-0", dict(GOOD)), CTX)
    out = handle_entry(stage, Entry("2-0", {DATA_FIELD: ingested.payload}), CTX)
    assert (out.kind, out.reason) == ("dead", "the copy is not NITF")


@pytest.mark.parametrize(
    "payload",
    [b"not json", b"[1,2]", b'{"specversion":"1.0","data":"x"}', b'{"specversion":"1.0","data":{"id":3}}'],
)
def test_malformed_events_between_stages_are_dead_lettered(payload: bytes) -> None:
    """Garbage in __data__ on a stage stream is dead-lettered as Unparseable, never raised."""
    stage = Stage("normalise", input_model=IngestedArticle, run=_boom)
    out = handle_entry(stage, Entry("3-0", {DATA_FIELD: payload}), CTX)
    assert (out.kind, out.error_type) == ("dead", "Unparseable")


def test_missing_data_field_is_dead_lettered() -> None:
    """An entry on a stage stream without __data__ is refused with that reason."""
    stage = Stage("normalise", input_model=IngestedArticle, run=_boom)
    out = handle_entry(stage, Entry("3-0", {b"text": b"hi"}), CTX)
    assert out.kind == "dead" and "__data__" in (out.reason or "")
