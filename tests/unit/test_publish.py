"""Publish: which articles are versions of one story; the document passes through, checked by its schema."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import orjson
import pytest

from services.core.envelope import DATA_FIELD
from services.core.models import ExtractedArticle, RawInfo
from services.core.settings import load_settings
from services.core.stage import Entry, StageContext, handle_entry
from services.core.streams import Keys
from services.pipeline import load_stage, run_offline_until
from services.publish.logic import story_key


def article(**fields: object) -> ExtractedArticle:
    base: dict[str, object] = {
        "id": "a-1",
        "received_at": "2024-01-01T00:00:00Z",
        "correlation_id": "a-1",
        "raw": RawInfo(sha256="0", size=1, charset="utf-8"),
        "format": "text",
        "source": "ap",
    }
    return ExtractedArticle(**(base | fields))  # type: ignore[arg-type]


def test_external_id_makes_the_story() -> None:
    """Two articles with one external id (and source) share a story key."""
    assert story_key(article(external_id="X1", slugline="A")) == story_key(article(id="a-2", external_id="X1"))


@pytest.mark.parametrize(
    ("first", "later"),
    [
        ("BC-US--Earns-Nutrisystem", "BC-US--Earns-Nutrisystem, 1st Ld-Writethru"),
        ("Harbour-Seals", "Harbour-Seals, 2nd Ld-Writethru"),
        ("Germany-politics", "Germany-politics Correction"),
        ("Storm-Carolina", "storm-carolina"),
    ],
)
def test_slugline_with_take_keys_stripped_makes_the_story(first: str, later: str) -> None:
    """A slugline keeps its story across write-throughs, corrections and case changes."""
    assert story_key(article(slugline=first)) == story_key(article(id="a-2", slugline=later))


def test_another_source_is_another_story() -> None:
    """The same slugline from another provider is a different story."""
    assert story_key(article(slugline="Storm")) != story_key(article(slugline="Storm", source="afp"))


def test_update_signal_links_by_headline() -> None:
    """Copy flagged as an update, with no id or slugline, joins the story of the same headline."""
    v2 = article(id="a-2", headline="Gold rises on Fed bets", signals=["update:2"])
    v1 = article(headline="Gold rises on Fed bets", signals=["update:1"])
    assert story_key(v2) == story_key(v1)
    assert story_key(v2) is not None


def test_plain_copy_has_no_story() -> None:
    """Copy with no id, slugline or update signal is a story of its own (version 1)."""
    assert story_key(article(headline="Gold rises")) is None


STORY = (
    "MOSCOW, March 3 (TASS) - Kremlin spokesman Dmitry Peskov said on Tuesday that talks with "
    'the European Commission would resume. "We are ready," Peskov told reporters in Moscow.'
)


def _extracted_entry() -> tuple[Entry, StageContext]:
    """An extracted event as the extract stage writes it, for the story above."""
    settings = load_settings(consumer="test", log_format="json")
    outcome = run_offline_until("extract", {b"text": STORY.encode(), b"source": b"tass"}, settings)
    assert outcome.kind == "out", outcome.reason
    ctx = StageContext(settings=settings, keys=Keys(settings.prefix), consumer="test")
    return Entry(id=outcome.entry.id, fields={DATA_FIELD: outcome.payload}), ctx


def test_publish_passes_the_extracted_document_through_whole() -> None:
    entry, ctx = _extracted_entry()
    before = orjson.loads(entry.fields[DATA_FIELD])["data"]
    outcome = handle_entry(load_stage("publish"), entry, ctx)
    assert outcome.kind == "out", outcome.reason
    after = orjson.loads(outcome.payload)["data"]
    assert {e["name"] for e in after["entities"]} >= {"Dmitry Peskov", "Moscow", "European Commission"}
    assert after["quotes"][0]["speaker"] == "Dmitry Peskov"
    # Only the version, the supersedes link and the stage trace are publish's own.
    assert {k: v for k, v in after.items() if k not in ("trace", "supersedes")} == {
        k: v for k, v in before.items() if k != "trace"
    }
    assert after["supersedes"] is None and set(after["trace"]) == {"ingest", "normalise", "extract", "publish"}


@pytest.mark.parametrize(
    ("damage", "where"),
    [
        (lambda d: d["entities"][0].update(type="animal"), "entities/0/type"),
        (lambda d: d["entities"][0]["mentions"][0].update(start="three"), "entities/0/mentions/0/start"),
        (lambda d: d["quotes"][0].pop("text"), "quotes/0"),
        (lambda d: d.update(colour="red"), "'colour' was unexpected"),
    ],
)
def test_a_malformed_extracted_event_is_dead_lettered_with_the_schema_error(
    damage: Callable[[dict[str, Any]], object], where: str
) -> None:
    entry, ctx = _extracted_entry()
    event = orjson.loads(entry.fields[DATA_FIELD])
    damage(event["data"])
    bad = Entry(id=entry.id, fields={DATA_FIELD: orjson.dumps(event)})
    outcome = handle_entry(load_stage("publish"), bad, ctx)
    assert outcome.kind == "dead"
    assert outcome.error_type == "SchemaViolation"
    assert "enriched" in (outcome.reason or "") and where in (outcome.reason or "")
