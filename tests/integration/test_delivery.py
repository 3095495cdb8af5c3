"""Delivery on a real Redis: groups at 0, atomic commit, dedupe, exactly once, reclaim, trimming."""

from __future__ import annotations

from collections.abc import AsyncIterator

import orjson
import pytest
import redis

from services.core.envelope import DATA_FIELD
from services.core.settings import load_settings
from services.core.stage import Entry, Outcome
from services.core.store import Store, connect
from services.core.streams import Keys
from services.core.worker import StageWorker
from services.ingest.logic import STAGE as INGEST


@pytest.fixture
async def store(redis_url: str, redis_client: redis.Redis) -> AsyncIterator[Store]:
    s = Store(connect(redis_url), Keys())
    yield s
    await s.client.aclose()


def _out(entry_id: str, payload: bytes, guard: str | None = None, ttl: int = 0) -> Outcome:
    return Outcome(entry=Entry(entry_id, {}), kind="out", payload=payload, guard_key=guard, guard_ttl=ttl)


async def _read(store: Store, stream: str, group: str, consumer: str, count: int = 100) -> list[str]:
    rows = await store.client.xreadgroup(group, consumer, {stream: ">"}, count=count)
    return [eid.decode() for _name, entries in rows for eid, _f in entries]


async def test_groups_start_at_zero_so_earlier_entries_are_read(store: Store) -> None:
    """Entries pushed before any worker ran are delivered once the group exists."""
    ids = [await store.add_raw({"text": f"story {i}"}) for i in range(3)]
    await store.ensure_groups(["ingest"])
    assert await _read(store, "wire:raw", "ingest", "c1") == ids


async def test_ensure_groups_is_idempotent(store: Store) -> None:
    """Creating the groups twice keeps the first group and its position."""
    assert await store.ensure_group("wire:raw", "ingest") is True
    assert await store.ensure_group("wire:raw", "ingest") is False


async def test_commit_writes_outputs_dead_letters_and_acks_together(store: Store) -> None:
    """After a commit, outputs and dead letters are on their streams and nothing is pending."""
    await store.ensure_groups(["ingest"])
    a, b = await store.add_raw({"text": "a"}), await store.add_raw({"text": "b"})
    await _read(store, "wire:raw", "ingest", "c1")
    dead = Outcome(entry=Entry(b, {}), kind="dead", payload=b'{"dead":1}')
    statuses = await store.commit("ingest", [_out(a, b'{"ok":1}'), dead])
    assert statuses == ["ok", "ok"]
    assert await store.client.xlen("wire:ingested") == 1
    assert await store.client.xlen("wire:dead") == 1
    assert (await store.client.xpending("wire:raw", "ingest"))["pending"] == 0


async def test_retry_outcomes_stay_pending(store: Store) -> None:
    """An entry left for retry is neither written nor acknowledged."""
    await store.ensure_groups(["ingest"])
    a, b = await store.add_raw({"text": "a"}), await store.add_raw({"text": "b"})
    await _read(store, "wire:raw", "ingest", "c1")
    retry = Outcome(entry=Entry(b, {}), kind="retry")
    await store.commit("ingest", [_out(a, b"{}"), retry])
    pending = await store.client.xpending_range("wire:raw", "ingest", min="-", max="+", count=10)
    assert [p["message_id"].decode() for p in pending] == [b]


async def test_guard_key_drops_duplicates_but_acks_redeliveries(store: Store) -> None:
    """Same guard, another entry: duplicate, not written; same entry again: acknowledged only."""
    await store.ensure_groups(["ingest"])
    a, b = await store.add_raw({"text": "x"}), await store.add_raw({"text": "x"})
    await _read(store, "wire:raw", "ingest", "c1")
    assert await store.commit("ingest", [_out(a, b"{}", "wire:dedupe:k", 60)]) == ["ok"]
    assert await store.commit("ingest", [_out(b, b"{}", "wire:dedupe:k", 60)]) == [f"duplicate:{a}"]
    assert await store.commit("ingest", [_out(a, b"{}", "wire:dedupe:k", 60)]) == ["redelivered"]
    assert await store.client.xlen("wire:ingested") == 1
    assert 0 < await store.client.ttl("wire:dedupe:k") <= 60


async def test_reclaim_takes_over_a_dead_consumers_entries(store: Store) -> None:
    """Entries pending on a consumer that died are claimed by another after the idle time."""
    await store.ensure_groups(["ingest"])
    ids = [await store.add_raw({"text": f"s{i}"}) for i in range(5)]
    assert await _read(store, "wire:raw", "ingest", "dead-consumer") == ids
    assert await store.reclaim("ingest", "live", min_idle_ms=60_000, count=10) == []
    claimed = await store.reclaim("ingest", "live", min_idle_ms=0, count=10)
    assert [e.id for e in claimed] == ids
    assert {e.deliveries for e in claimed} == {2}
    assert claimed[0].fields == {b"text": b"s0"}


async def test_worker_processes_a_batch_and_drops_exact_duplicates(store: Store) -> None:
    """The ingest worker writes one event for two identical stories and dead-letters an empty one."""
    settings = load_settings(consumer="w1")
    worker = StageWorker(INGEST, settings, store)
    await store.ensure_groups(["ingest"])
    story = "LIMA, Jan 3 (Reuters) - Peru's central bank held rates."
    for text in (story, story, ""):
        await store.add_raw({"text": text, "source": "reuters"})
    rows = await store.client.xreadgroup("ingest", "w1", {"wire:raw": ">"}, count=10)
    entries = [Entry(eid.decode(), f) for _n, es in rows for eid, f in es]
    outcomes = await worker.process(entries)
    assert [o.kind for o in outcomes] == ["out", "out", "dead"]
    assert await store.client.xlen("wire:ingested") == 1
    assert await store.client.xlen("wire:dead") == 1
    assert (await store.client.xpending("wire:raw", "ingest"))["pending"] == 0
    event = (await store.client.xrange("wire:ingested"))[0][1][DATA_FIELD]
    assert b'"source":"reuters"' in event


async def test_trim_never_passes_an_unacknowledged_entry(store: Store) -> None:
    """Trimming removes only what every group acknowledged; pending and unread entries stay."""
    await store.ensure_group("wire:extracted", "publish")
    await store.ensure_group("wire:extracted", "slow")
    added = [(await store.client.xadd("wire:extracted", {"n": str(i)})).decode() for i in range(300)]
    # 'publish' reads and acks everything; 'slow' reads 100 and acks none of them.
    got = await _read(store, "wire:extracted", "publish", "p", count=300)
    await store.client.xack("wire:extracted", "publish", *got)
    slow = await _read(store, "wire:extracted", "slow", "s", count=100)
    assert await store.safe_trim_id("wire:extracted") == slow[0]
    await store.trim("wire:extracted", retain=None)
    remaining = [eid.decode() for eid, _ in await store.client.xrange("wire:extracted")]
    assert remaining[-300:] == added  # nothing was removed: 'slow' still needs them all
    await store.client.xack("wire:extracted", "slow", *slow)
    await store.trim("wire:extracted", retain=None)
    remaining = [eid.decode() for eid, _ in await store.client.xrange("wire:extracted")]
    assert len(remaining) < 300, "acknowledged entries should have been trimmed"
    assert set(added[100:]) <= set(remaining), "entries 'slow' has not read yet must stay"


async def test_streams_without_groups_keep_the_newest_retain_entries(store: Store) -> None:
    """A stream no group reads is trimmed to about RETAIN entries, newest kept."""
    last = None
    for i in range(2000):
        last = await store.client.xadd("wire:enriched", {"n": str(i)})
    await store.trim("wire:enriched", retain=500)
    length = await store.client.xlen("wire:enriched")
    assert 500 <= length < 2000
    newest = await store.client.xrevrange("wire:enriched", count=1)
    assert newest[0][0] == last


async def test_a_slow_group_loses_nothing_while_ten_times_the_bound_flows_past(store: Store) -> None:
    """With RETAIN 100, a slow consumer group on wire:enriched still reads all 1,000 events in order."""
    retain = 100
    await store.ensure_group("wire:enriched", "slow-app")
    written: list[str] = []
    read: list[str] = []
    for i in range(1000):
        written.append((await store.client.xadd("wire:enriched", {"n": str(i)})).decode())
        if i % 50 == 49:
            await store.trim("wire:enriched", retain=retain)
        if i % 10 == 9:  # the slow app reads and acks 3 entries for every 10 written
            rows = await store.client.xreadgroup("slow-app", "me", {"wire:enriched": ">"}, count=3)
            ids = [eid.decode() for _n, es in rows for eid, _f in es]
            read += ids
            if ids:
                await store.client.xack("wire:enriched", "slow-app", *ids)
    assert await store.client.xlen("wire:enriched") > retain, "unread events must not be trimmed"
    while rows := await store.client.xreadgroup("slow-app", "me", {"wire:enriched": ">"}, count=100):
        ids = [eid.decode() for _n, es in rows for eid, _f in es]
        read += ids
        await store.client.xack("wire:enriched", "slow-app", *ids)
        await store.trim("wire:enriched", retain=retain)
    assert read == written, "the slow group must see every event, in order, with no gap"
    await store.trim("wire:enriched", retain=retain)
    assert await store.client.xlen("wire:enriched") < 300, "once the group catches up, the stream is bounded again"


async def test_a_bug_is_retried_then_dead_lettered_after_the_delivery_limit(store: Store) -> None:
    """An article that makes the stage raise stays pending, is retried, and is dead-lettered on delivery N."""
    from services.core.models import IngestedArticle
    from services.core.stage import Stage

    def broken(article: IngestedArticle, ctx: object) -> IngestedArticle:
        raise ZeroDivisionError("a bug in the stage")

    settings = load_settings(consumer="w1", max_deliveries=3, min_idle_ms=1001, block_ms=1000)
    await store.ensure_groups(["normalise"])
    ingested = handle_ingest(b"SUVA, Jan 2 (Reuters) - Fiji's cabinet met on Monday.")
    await store.client.xadd("wire:ingested", {DATA_FIELD: ingested})
    worker = StageWorker(Stage("normalise", input_model=IngestedArticle, run=broken), settings, store)
    rows = await store.client.xreadgroup("normalise", "w1", {"wire:ingested": ">"}, count=10)
    first = await worker.process([Entry(eid.decode(), f) for _n, es in rows for eid, f in es])
    assert [o.kind for o in first] == ["retry"]
    kinds = []
    for _attempt in range(2):  # deliveries 2 and 3 come through the reclaimer
        entries = await store.reclaim("normalise", "w1", min_idle_ms=0, count=10)
        kinds += [o.kind for o in await worker.process(entries)]
    assert kinds == ["retry", "dead"]
    letter = orjson.loads((await store.client.xrange("wire:dead"))[0][1][DATA_FIELD])["data"]
    assert letter["deliveries"] == 3
    assert letter["error_type"] == "ZeroDivisionError"
    assert "a bug in the stage" in letter["reason"]
    assert (await store.client.xpending("wire:ingested", "normalise"))["pending"] == 0


def handle_ingest(text: bytes) -> bytes:
    from services.core.stage import StageContext, handle_entry

    ctx = StageContext(settings=load_settings(consumer="t"), keys=Keys(), consumer="t")
    out = handle_entry(INGEST, Entry("1-0", {b"text": text}), ctx)
    assert out.kind == "out"
    return out.payload
