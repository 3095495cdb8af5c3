"""Versions on a real Redis: updates of one story become v2, v3 ... each written once."""

from __future__ import annotations

from collections.abc import AsyncIterator

import orjson
import pytest
import redis

from services.core.envelope import DATA_FIELD, event_id
from services.core.settings import load_settings
from services.core.stage import Entry, Outcome, StoryClaim
from services.core.store import Store, connect
from services.core.streams import Keys
from services.core.worker import StageWorker
from services.pipeline import load_stage, run_offline_until

ENRICHED = "wirestream.article.enriched.v1"


@pytest.fixture
async def store(redis_url: str, redis_client: redis.Redis) -> AsyncIterator[Store]:
    s = Store(connect(redis_url), Keys())
    await s.ensure_groups(["publish"])
    yield s
    await s.client.aclose()


def extracted(text: str, external_id: str | None = None, source: str = "reuters") -> bytes:
    """The extracted event for a story, made by the real first three stages."""
    fields = {b"text": text.encode(), b"source": source.encode()}
    if external_id:
        fields[b"external_id"] = external_id.encode()
    outcome = run_offline_until("extract", fields, load_settings(consumer="t"))
    assert outcome.kind == "out"
    return outcome.payload


async def publish(store: Store, payloads: list[bytes]) -> list[Outcome]:
    worker = StageWorker(load_stage("publish"), load_settings(consumer="p1"), store)
    for p in payloads:
        await store.client.xadd("wire:extracted", {DATA_FIELD: p})
    rows = await store.client.xreadgroup("publish", "p1", {"wire:extracted": ">"}, count=100)
    return await worker.process([Entry(eid.decode(), f) for _n, es in rows for eid, f in es])


async def enriched(store: Store) -> list[dict]:  # type: ignore[type-arg]
    return [orjson.loads(f[DATA_FIELD]) for _i, f in await store.client.xrange("wire:enriched")]


V1 = "TOKYO, Feb 3 (Reuters) - Japan's Nikkei rose 1 percent on Monday."
V2 = "TOKYO, Feb 3 (Reuters) - Japan's Nikkei rose 2 percent on Monday, its best day in a month."
V3 = "TOKYO, Feb 3 (Reuters) - Japan's Nikkei closed up 2.3 percent on Monday, its best day in a month."


async def test_updates_with_one_external_id_become_versions(store: Store) -> None:
    """v1 then an update with the same external id: versions 1 and 2, v2 superseding v1."""
    await publish(store, [extracted(V1, "TKY-1")])
    await publish(store, [extracted(V2, "TKY-1")])
    first, second = await enriched(store)
    assert (first["data"]["version"], second["data"]["version"]) == (1, 2)
    assert first["data"]["supersedes"] is None
    assert second["data"]["supersedes"] == first["id"] == event_id(first["data"]["id"], ENRICHED, 1)
    assert second["id"] == event_id(second["data"]["id"], ENRICHED, 2)


async def test_two_updates_in_one_batch_take_consecutive_versions(store: Store) -> None:
    """Three versions of one story in one batch get 1, 2, 3, each superseding the one before."""
    await publish(store, [extracted(V1, "TKY-2"), extracted(V2, "TKY-2"), extracted(V3, "TKY-2")])
    events = await enriched(store)
    assert [e["data"]["version"] for e in events] == [1, 2, 3]
    assert [e["data"]["supersedes"] for e in events] == [None, events[0]["id"], events[1]["id"]]


async def test_the_same_article_again_is_not_a_new_version(store: Store) -> None:
    """An article published twice (a replay, a second push) keeps its version and is written once."""
    payload = extracted(V1, "TKY-3")
    await publish(store, [payload])
    outcomes = await publish(store, [payload])
    assert outcomes[0].status.startswith("duplicate")
    assert [e["data"]["version"] for e in await enriched(store)] == [1]


async def test_stories_without_a_key_stay_version_one(store: Store) -> None:
    """Unrelated copy with no id, slugline or update signal is version 1 each time."""
    await publish(store, [extracted(V1), extracted(V2)])
    assert [e["data"]["version"] for e in await enriched(store)] == [1, 1]


async def test_a_story_conflict_leaves_the_entry_pending(store: Store) -> None:
    """If another worker published a version meanwhile, nothing is written and the entry stays pending."""
    eid = (await store.client.xadd("wire:extracted", {"x": "1"})).decode()
    await store.client.xreadgroup("publish", "p1", {"wire:extracted": ">"}, count=1)
    key = store.keys.story("ext:reuters:TKY-9")
    await store.client.hset(key, mapping={"latest": 1, "latest_article": "a-other"})
    claim = StoryClaim(key=key, expected_latest=0, version=1, article_id="a-mine", supersedes=None)
    out = Outcome(entry=Entry(eid, {}), kind="out", payload=b"{}", story=claim)
    assert await store.commit("publish", [out]) == ["conflict"]
    assert await store.client.xlen("wire:enriched") == 0
    assert (await store.client.xpending("wire:extracted", "publish"))["pending"] == 1


async def test_written_but_unacknowledged_entry_is_only_acknowledged(store: Store) -> None:
    """An entry whose output exists (guard key set) but that is still pending is acked, not rewritten."""
    payload = extracted(V1, "TKY-4")
    eid = (await store.client.xadd("wire:extracted", {DATA_FIELD: payload})).decode()
    article_id = orjson.loads(payload)["subject"]
    # The state a crash between write and ack would leave: guard key names this entry.
    await store.client.set(store.keys.published(article_id, 1), eid)
    rows = await store.client.xreadgroup("publish", "p1", {"wire:extracted": ">"}, count=1)
    worker = StageWorker(load_stage("publish"), load_settings(consumer="p1"), store)
    outcomes = await worker.process([Entry(e.decode(), f) for _n, es in rows for e, f in es])
    assert outcomes[0].status == "redelivered"
    assert await store.client.xlen("wire:enriched") == 0
    assert (await store.client.xpending("wire:extracted", "publish"))["pending"] == 0
