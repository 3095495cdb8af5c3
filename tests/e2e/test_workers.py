"""The workers as processes on a real Redis, pushed to with redis-cli, read back with redis-py."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import orjson
import pytest
import redis

from services.core.streams import STAGES
from tests.tass import assert_tass_article

WIRESTREAM = str(Path(sys.executable).with_name("wirestream"))
TIMEOUT_S = 60


def _env(url: str) -> dict[str, str]:
    return {**os.environ, "WIRESTREAM_REDIS_URL": url, "WIRESTREAM_LOG_FORMAT": "json", "WIRESTREAM_BATCH": "50"}


class Workers:
    """Worker processes whose logs go to files (a full pipe would stall a chatty worker)."""

    def __init__(self, url: str, logs: Path) -> None:
        self.url, self.logs = url, logs
        self.procs: list[subprocess.Popen[bytes]] = []

    def start(self, *commands: list[str]) -> list[subprocess.Popen[bytes]]:
        for args in commands:
            log = (self.logs / f"worker-{len(self.procs)}.log").open("wb")
            self.procs.append(subprocess.Popen([WIRESTREAM, *args], env=_env(self.url), stdout=log, stderr=log))
            log.close()
        return self.procs

    def tail(self) -> str:
        return "\n".join(p.read_text()[-1500:] for p in sorted(self.logs.glob("worker-*.log")))

    def stop(self) -> None:
        for p in self.procs:
            if p.poll() is None:
                p.send_signal(signal.SIGTERM)
        for p in self.procs:
            try:
                code = p.wait(timeout=10)
            except subprocess.TimeoutExpired:
                pytest.fail("a worker did not exit within 10 s of SIGTERM")
            assert code == 0, f"worker exited {code}:\n{self.tail()}"

    def kill(self) -> None:
        for p in self.procs:
            if p.poll() is None:
                p.kill()
                p.wait()


def _redis_cli_push(url: str, text: str, source: str) -> None:
    cli = shutil.which("redis-cli")
    assert cli, "redis-cli is needed for this test (apt-get install redis-server)"
    subprocess.run(
        [cli, "-u", url, "XADD", "wire:raw", "*", "text", text, "source", source], check=True, capture_output=True
    )


def _wait_for(client: redis.Redis, stream: str, n: int, workers: Workers) -> None:
    deadline = time.monotonic() + TIMEOUT_S
    while time.monotonic() < deadline:
        if client.xlen(stream) >= n:
            return
        time.sleep(0.1)
    pytest.fail(f"{stream} did not reach {n} entries in {TIMEOUT_S}s; workers said:\n{workers.tail()}")


def _assert_nothing_pending(client: redis.Redis) -> None:
    for stage, stream in zip(STAGES, ("wire:raw", "wire:ingested", "wire:normalised", "wire:extracted"), strict=True):
        assert client.xpending(stream, stage)["pending"] == 0, f"{stage} left entries pending"


def _enriched(client: redis.Redis) -> list[dict]:  # type: ignore[type-arg]
    return [orjson.loads(f[b"__data__"]) for _id, f in client.xrange("wire:enriched")]


@pytest.mark.parametrize(
    "layout",
    [pytest.param([["run", s] for s in STAGES], id="four-processes"), pytest.param([["run", "all"]], id="run-all")],
)
def test_tass_pushed_before_workers_comes_out_enriched(
    redis_url: str, redis_client: redis.Redis, tass_text: str, workers: Workers, layout: list[list[str]]
) -> None:
    """TASS pushed with redis-cli before any worker ran is enriched correctly, with nothing left pending."""
    _redis_cli_push(redis_url, tass_text, "tass")
    workers.start(*layout)
    _wait_for(redis_client, "wire:enriched", 1, workers)
    events = _enriched(redis_client)
    assert len(events) == 1
    event = events[0]
    assert event["specversion"] == "1.0"
    assert event["type"] == "wirestream.article.enriched.v1"
    assert event["source"] == "wirestream/publish"
    assert event["subject"] == event["data"]["id"]
    assert event["data"]["source"] == "tass"
    assert set(event["data"]["trace"]) == set(STAGES)
    assert_tass_article(event["data"])
    _assert_nothing_pending(redis_client)
    assert redis_client.xlen("wire:dead") == 0
    workers.stop()


def test_bad_input_is_dead_lettered_and_good_stories_around_it_pass(
    redis_client: redis.Redis, workers: Workers
) -> None:
    """Empty, oversized and binary entries go to wire:dead with reasons; the stories around them are enriched."""
    good = "QUITO, May 4 (Reuters) - Ecuador's president said on Sunday the state of emergency would end."
    redis_client.xadd("wire:raw", {"text": good, "source": "reuters"})
    redis_client.xadd("wire:raw", {"text": "", "source": "x"})
    redis_client.xadd("wire:raw", {"text": b"\x00\x01\x02binary", "source": "x"})
    redis_client.xadd("wire:raw", {"source": "x"})
    redis_client.xadd("wire:raw", {"text": good.replace("Sunday", "Monday"), "source": "reuters"})
    redis_client.xadd("wire:raw", {"text": good, "source": "reuters"})  # exact duplicate
    workers.start(["run", "all"])
    _wait_for(redis_client, "wire:enriched", 2, workers)
    _wait_for(redis_client, "wire:dead", 3, workers)
    time.sleep(1.0)
    assert redis_client.xlen("wire:enriched") == 2
    reasons = [orjson.loads(f[b"__data__"])["data"] for _i, f in redis_client.xrange("wire:dead")]
    assert [r["error_type"] for r in reasons] == ["EmptyInput", "Undecodable", "EmptyInput"]
    assert all(r["stage"] == "ingest" and r["reason"] for r in reasons)
    _assert_nothing_pending(redis_client)
    workers.stop()


def test_process_prints_the_enriched_event_without_redis(samples: Path) -> None:
    """`wirestream process` prints one enriched CloudEvent line per input, with no Redis at all."""
    env = {**os.environ, "WIRESTREAM_REDIS_URL": "redis://127.0.0.1:1/0"}
    tass = samples / "tass" / "kremlin-palmyra-2016-12-12.txt"
    result = subprocess.run(
        [WIRESTREAM, "process", str(tass), "--source", "tass"], env=env, capture_output=True, timeout=120, check=False
    )
    assert result.returncode == 0, result.stderr.decode()
    lines = result.stdout.decode().splitlines()
    assert len(lines) == 1
    event = orjson.loads(lines[0])
    assert event["type"] == "wirestream.article.enriched.v1"
    assert_tass_article(event["data"])


def test_process_reports_bad_input_and_exits_1(tmp_path: Path) -> None:
    """An empty file prints a dead-letter event and the command exits 1."""
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    result = subprocess.run([WIRESTREAM, "process", str(empty)], capture_output=True, timeout=60, check=False)
    assert result.returncode == 1
    assert orjson.loads(result.stdout)["type"] == "wirestream.dead_letter.v1"
    assert b"empty" in result.stderr


@pytest.mark.parametrize("command", ["push", "tail", "run", "stats", "process", "health", "dlq"])
def test_every_command_has_help(command: str) -> None:
    """Each user-facing command answers --help."""
    result = subprocess.run([WIRESTREAM, command, "--help"], capture_output=True, timeout=60, check=False)
    assert result.returncode == 0
    assert b"Usage" in result.stdout
