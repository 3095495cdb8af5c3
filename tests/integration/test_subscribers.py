"""Events are plain JSON in __data__: FastStream, redis-py and redis-cli read them as they are."""

from __future__ import annotations

import asyncio
import json
import shutil
import subprocess
from typing import Any

import redis
from faststream import FastStream
from faststream.redis import RedisBroker, StreamSub

from services.core.envelope import DATA_FIELD, encode, make_event


def _event() -> dict[str, Any]:
    return make_event(
        event_type="wirestream.article.enriched.v1",
        stage="publish",
        subject="a-1",
        data={"id": "a-1", "headline": "Überschrift “quoted”"},
        correlation_id="a-1",
        event_id_="e-1",
    )


async def test_a_faststream_subscriber_receives_the_event_as_a_dict(redis_url: str, redis_client: redis.Redis) -> None:
    """A plain FastStream subscriber on wire:enriched gets the CloudEvent parsed from JSON."""
    redis_client.xgroup_create("wire:enriched", "my-app", id="0", mkstream=True)
    redis_client.xadd("wire:enriched", {DATA_FIELD: encode(_event())})
    broker = RedisBroker(redis_url, logger=None)
    got: asyncio.Queue[Any] = asyncio.Queue()

    @broker.subscriber(stream=StreamSub("wire:enriched", group="my-app", consumer="me", max_records=10))
    async def on_article(event: dict[str, Any]) -> None:
        await got.put(event)

    app = FastStream(broker, logger=None)
    async with broker:
        await broker.start()
        event = await asyncio.wait_for(got.get(), timeout=10)
    assert app is not None
    assert event["type"] == "wirestream.article.enriched.v1"
    assert event["data"]["headline"] == "Überschrift “quoted”"


def test_redis_py_and_redis_cli_read_plain_json(redis_url: str, redis_client: redis.Redis) -> None:
    """XRANGE with redis-py and with redis-cli returns the event as readable UTF-8 JSON."""
    redis_client.xadd("wire:enriched", {DATA_FIELD: encode(_event())})
    ((_id, fields),) = redis_client.xrange("wire:enriched")
    assert json.loads(fields[b"__data__"])["subject"] == "a-1"
    cli = shutil.which("redis-cli")
    assert cli
    out = subprocess.run([cli, "-u", redis_url, "XRANGE", "wire:enriched", "-", "+"], capture_output=True, check=True)
    line = next(x for x in out.stdout.decode().splitlines() if x.startswith("{"))
    assert json.loads(line)["data"]["headline"] == "Überschrift “quoted”"
