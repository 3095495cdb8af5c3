"""The CLI as a user runs it: push, tail (plain, grouped, ninjs), stats, health, dlq."""

from __future__ import annotations

import os
import subprocess
import time
from pathlib import Path

import orjson
import pytest
import redis

from tests.e2e.test_workers import WIRESTREAM, Workers

STORY = "Kenya holds rates\n\nNAIROBI, May 6 (Reuters) - Kenya's central bank held its benchmark rate at 12 percent on Tuesday."


def cli(url: str, *args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    env = {**os.environ, "WIRESTREAM_REDIS_URL": url, "COLUMNS": "200"}
    return subprocess.run([WIRESTREAM, *args], env=env, input=stdin, capture_output=True, timeout=120, check=False)


def test_push_files_globs_stdin_and_json_lines(redis_url: str, redis_client: redis.Redis, tmp_path: Path) -> None:
    """push takes a file, a glob, stdin and JSON lines, one raw entry each, with the given fields."""
    (tmp_path / "a.txt").write_text(STORY)
    (tmp_path / "b.txt").write_text(STORY.replace("12", "13"))
    lines = b"\n".join(
        orjson.dumps({"text": STORY + f" {i}", "source": "afp", "external_id": f"X{i}"}) for i in range(3)
    )
    assert cli(redis_url, "push", str(tmp_path / "a.txt"), "--source", "reuters").returncode == 0
    assert cli(redis_url, "push", str(tmp_path / "*.txt")).returncode == 0
    assert cli(redis_url, "push", "-", stdin=STORY.encode()).returncode == 0
    result = cli(redis_url, "push", "--jsonl", "-", stdin=lines)
    assert result.returncode == 0, result.stderr
    assert b"pushed 3 stories" in result.stderr
    rows = redis_client.xrange("wire:raw")
    assert len(rows) == 1 + 2 + 1 + 3
    assert rows[0][1][b"source"] == b"reuters"
    assert rows[-1][1][b"external_id"] == b"X2" and rows[-1][1][b"source"] == b"afp"


def test_push_refuses_a_missing_file(redis_url: str) -> None:
    """A path that does not exist is an error with exit code 2, not a silent no-op."""
    result = cli(redis_url, "push", "/no/such/story.txt")
    assert result.returncode == 2
    assert b"no such file" in result.stderr


def test_tail_group_stats_health_and_dlq(redis_url: str, redis_client: redis.Redis, workers: Workers) -> None:
    """With workers running: tail reads through a durable group, stats and health report, dlq replays."""
    redis_client.xadd("wire:raw", {"text": STORY, "source": "reuters"})
    redis_client.xadd("wire:raw", {"text": "", "source": "broken"})
    workers.start(["run", "all"])
    tailed = cli(redis_url, "tail", "--json", "--group", "mine", "--from-start", "--count", "1")
    assert tailed.returncode == 0, tailed.stderr
    event = orjson.loads(tailed.stdout.splitlines()[0])
    assert event["data"]["dateline"]["city"] == "NAIROBI"
    group = {g["name"]: g for g in redis_client.xinfo_groups("wire:enriched")}[b"mine"]
    assert group["pending"] == 0, "tail --group acknowledges what it printed"
    ninjs = cli(redis_url, "tail", "--ninjs", "--from-start", "--no-follow", "--count", "1")
    assert orjson.loads(ninjs.stdout.splitlines()[0])["headlines"][0]["role"] == "main"
    stats = cli(redis_url, "stats")
    assert stats.returncode == 0 and b"wire:enriched" in stats.stdout and b"dead letters: 1" in stats.stdout
    health = cli(redis_url, "health")
    assert health.returncode == 0, health.stderr
    listed = cli(redis_url, "dlq", "list", "--json")
    letter = orjson.loads(listed.stdout.splitlines()[0])
    assert letter["data"]["error_type"] == "EmptyInput"
    replay = cli(redis_url, "dlq", "replay", letter["entry_id"])
    assert replay.returncode == 0 and b"1 dead letters replayed" in replay.stdout
    # The replayed entry goes back through ingest, and (still empty) is dead-lettered anew.
    deadline = time.monotonic() + 30
    again: list[dict] = []  # type: ignore[type-arg]
    while not again and time.monotonic() < deadline:
        again = [
            orjson.loads(f[b"__data__"])["data"]
            for eid, f in redis_client.xrange("wire:dead")
            if eid.decode() != letter["entry_id"]
        ]
        time.sleep(0.2)
    assert again and again[0]["original"] == letter["data"]["original"]
    assert redis_client.xrange("wire:dead", letter["entry_id"], letter["entry_id"]) == []
    purge = cli(redis_url, "dlq", "purge", "--yes")
    assert purge.returncode == 0
    assert redis_client.xlen("wire:dead") == 0
    workers.stop()


def test_health_fails_without_workers(redis_url: str, redis_client: redis.Redis) -> None:
    """With no worker running, health exits 1 and names the stages."""
    result = cli(redis_url, "health")
    assert result.returncode == 1
    assert b"ingest: no live worker" in result.stderr


def test_process_ninjs_prints_a_ninjs_document(samples: Path) -> None:
    """process --ninjs prints IPTC ninjs 2.2 for the TASS story."""
    result = cli(
        "redis://127.0.0.1:1/0", "process", "--ninjs", str(samples / "tass" / "kremlin-palmyra-2016-12-12.txt")
    )
    assert result.returncode == 0, result.stderr
    doc = orjson.loads(result.stdout)
    assert doc["located"] == "Moscow"
    assert doc["headlines"][0]["value"].startswith("Kremlin stresses cooperation")


@pytest.mark.parametrize("command", ["top", "eval", "schemas", "version"])
def test_more_commands_have_help(command: str) -> None:
    """The remaining commands answer --help."""
    result = subprocess.run([WIRESTREAM, command, "--help"], capture_output=True, timeout=60, check=False)
    assert result.returncode == 0 and b"Usage" in result.stdout


def test_version_names_the_build() -> None:
    """`wirestream version` says whether extract runs compiled (mypyc) or as pure Python."""
    from services import __version__, build

    result = subprocess.run([WIRESTREAM, "version"], capture_output=True, text=True, timeout=60, check=False)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [__version__, f"({build()})"]
    assert build() == "pure"  # the development install is editable and never compiled
