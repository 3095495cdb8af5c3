"""Failure on a real Redis: a worker killed mid-batch, SIGTERM, and Redis going away."""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import orjson
import pytest
import redis

from services.core.streams import STAGES, Keys
from services.localredis import RedisServer
from tests.e2e.test_workers import WIRESTREAM

KEYS = Keys()
FAST = {"WIRESTREAM_MIN_IDLE_MS": "1500", "WIRESTREAM_BLOCK_MS": "200", "WIRESTREAM_LOG_FORMAT": "json"}


def story(i: int) -> str:
    cities = ("OSLO", "LIMA", "CAIRO", "HANOI", "QUITO", "DAKAR", "RIGA", "SOFIA")
    return (
        f"Port workers end strike number {i}\n\n"
        f"{cities[i % len(cities)]}, March {1 + i % 28} (Reuters) - Dock workers ended strike number {i} on Tuesday "
        f"after {i + 3} days, the union said, reopening berth {i % 17} to container traffic.\n\n"
        f'"We have an agreement on pay for all {100 + i} members," union leader Maria Lopez told reporters. '
        f"Shipping lines said {i % 9 + 1} vessels were waiting outside the harbour."
    )


def spawn(url: str, logs: Path, name: str, *args: str, **env: str) -> subprocess.Popen[bytes]:
    log = (logs / f"{name}.log").open("wb")
    proc = subprocess.Popen(
        [WIRESTREAM, *args], env={**os.environ, **FAST, "WIRESTREAM_REDIS_URL": url, **env}, stdout=log, stderr=log
    )
    log.close()
    return proc


def wait_until(predicate, timeout: float, what: str) -> None:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return
        time.sleep(0.05)
    pytest.fail(f"timed out after {timeout}s waiting for {what}")


def pending(client: redis.Redis) -> int:
    total = 0
    for s in STAGES:
        with contextlib.suppress(redis.ResponseError):  # the group does not exist yet
            total += int(client.xpending(KEYS.input(s), s)["pending"])
    return total


def enriched_subjects(client: redis.Redis) -> list[str]:
    return [orjson.loads(f[b"__data__"])["subject"] for _i, f in client.xrange(KEYS.enriched)]


@pytest.fixture
def procs() -> Iterator[list[subprocess.Popen[bytes]]]:
    started: list[subprocess.Popen[bytes]] = []
    yield started
    for p in started:
        if p.poll() is None:
            p.kill()
            p.wait()


def test_entries_of_a_worker_killed_mid_batch_are_reclaimed(
    redis_url: str, redis_client: redis.Redis, tmp_path: Path, procs: list[subprocess.Popen[bytes]]
) -> None:
    """kill -9 an extract worker holding a batch: another worker claims and finishes all of it, once each."""
    n = 300
    for i in range(n):
        redis_client.xadd(KEYS.raw, {"text": story(i), "source": "reuters"})
    prep = [spawn(redis_url, tmp_path, f"prep-{s}", "run", s) for s in ("ingest", "normalise")]
    procs.extend(prep)
    wait_until(lambda: redis_client.xlen(KEYS.output("normalise")) >= n, 60, "the normalised articles")
    for p in prep:
        p.terminate()
        p.wait()
    # One large batch: the victim holds all 300 for the second or so that extraction takes.
    victim = spawn(
        redis_url, tmp_path, "victim", "run", "extract", WIRESTREAM_CONSUMER="victim", WIRESTREAM_BATCH="300"
    )
    procs.append(victim)
    wait_until(lambda: pending(redis_client) > 0, 60, "the victim to hold a batch")
    victim.send_signal(signal.SIGKILL)
    victim.wait()
    held = redis_client.xpending(KEYS.input("extract"), "extract")["pending"]
    assert held > 0, "the victim finished its batch before the kill; nothing to reclaim"
    survivor = spawn(redis_url, tmp_path, "survivor", "run", "all", WIRESTREAM_CONSUMER="survivor")
    procs.append(survivor)
    wait_until(lambda: redis_client.xlen(KEYS.enriched) >= n and pending(redis_client) == 0, 120, "all articles")
    subjects = enriched_subjects(redis_client)
    assert len(subjects) == len(set(subjects)) == n
    assert redis_client.xlen(KEYS.dead) == 0
    assert b"reclaimed idle entries" in (tmp_path / "survivor.log").read_bytes()


def test_sigterm_finishes_the_batch_in_hand_and_exits_zero(
    redis_url: str, redis_client: redis.Redis, tmp_path: Path, procs: list[subprocess.Popen[bytes]]
) -> None:
    """SIGTERM mid-run: exit 0 within 10 s; what was fetched but not started is reclaimed; nothing is lost."""
    n = 400
    for i in range(n):
        redis_client.xadd(KEYS.raw, {"text": story(i), "source": "reuters"})
    first = spawn(redis_url, tmp_path, "first", "run", "all", WIRESTREAM_CONSUMER="first")
    procs.append(first)
    wait_until(lambda: redis_client.xlen(KEYS.enriched) > 0, 60, "the first enriched article")
    first.send_signal(signal.SIGTERM)
    try:
        code = first.wait(timeout=10)
    except subprocess.TimeoutExpired:
        pytest.fail("worker did not exit within 10 s of SIGTERM")
    log = (tmp_path / "first.log").read_text()
    assert code == 0, log[-2000:]
    assert '"worker stopped"' in log
    errors = [line for line in log.splitlines() if '"level":"error"' in line]
    assert not errors, f"a batch in hand must finish cleanly: {errors[:3]}"
    second = spawn(redis_url, tmp_path, "second", "run", "all", WIRESTREAM_CONSUMER="second")
    procs.append(second)
    wait_until(lambda: redis_client.xlen(KEYS.enriched) >= n and pending(redis_client) == 0, 120, "all articles")
    subjects = enriched_subjects(redis_client)
    assert len(subjects) == len(set(subjects)) == n
    assert redis_client.xlen(KEYS.dead) == 0


def test_workers_ride_out_a_redis_outage(tmp_path: Path, procs: list[subprocess.Popen[bytes]]) -> None:
    """Redis stopped for 30 s and restarted: the same worker process backs off, reconnects and resumes."""
    server = RedisServer(appendonly=True).start()
    try:
        client = redis.Redis.from_url(server.url)
        worker = spawn(server.url, tmp_path, "worker", "run", "all")
        procs.append(worker)
        for i in range(20):
            client.xadd(KEYS.raw, {"text": story(i), "source": "reuters"})
        wait_until(lambda: client.xlen(KEYS.enriched) >= 20, 60, "the first 20 articles")
        client.close()
        server.stop()
        time.sleep(30)
        assert worker.poll() is None, "the worker must survive the outage"
        server.start()
        client = redis.Redis.from_url(server.url)
        assert client.xlen(KEYS.enriched) == 20, "acknowledged work must survive the restart (AOF)"
        for i in range(20, 40):
            client.xadd(KEYS.raw, {"text": story(i), "source": "reuters"})
        wait_until(lambda: client.xlen(KEYS.enriched) >= 40, 90, "the articles pushed after the restart")
        assert worker.poll() is None
        assert pending(client) == 0
        log = (tmp_path / "worker.log").read_bytes()
        assert b"redis unavailable" in log or b"Message fetch error" in log
        client.close()
    finally:
        server.cleanup()


def test_a_worker_started_before_redis_waits_for_it(tmp_path: Path, procs: list[subprocess.Popen[bytes]]) -> None:
    """A worker whose Redis is not up yet retries instead of exiting, then works."""
    server = RedisServer()
    worker = spawn(server.url, tmp_path, "early", "run", "ingest")
    procs.append(worker)
    time.sleep(2)
    assert worker.poll() is None
    server.start()
    try:
        client = redis.Redis.from_url(server.url)
        client.xadd(KEYS.raw, {"text": story(1)})
        wait_until(lambda: client.xlen(KEYS.output("ingest")) >= 1, 30, "the ingested article")
        client.close()
    finally:
        server.cleanup()
