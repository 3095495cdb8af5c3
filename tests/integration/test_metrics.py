"""A worker serves Prometheus metrics named wirestream_* that count what it did."""

from __future__ import annotations

import os
import subprocess
import time
import urllib.request
from pathlib import Path

import redis

from services.localredis import free_port
from tests.e2e.test_workers import WIRESTREAM


def test_worker_metrics_count_articles_duplicates_and_dead_letters(
    redis_url: str, redis_client: redis.Redis, tmp_path: Path
) -> None:
    """After 2 good stories, 1 duplicate and 1 empty entry, the ingest worker's counters say so."""
    story = "APIA, Jan 9 (Reuters) - Samoa's parliament met on Tuesday."
    for text in (story, story.replace("Tuesday", "Wednesday"), story, ""):
        redis_client.xadd("wire:raw", {"text": text, "source": "reuters"})
    port = free_port()
    env = {**os.environ, "WIRESTREAM_REDIS_URL": redis_url, "WIRESTREAM_METRICS_PORT": str(port)}
    log = (tmp_path / "ingest.log").open("wb")
    proc = subprocess.Popen([WIRESTREAM, "run", "ingest"], env=env, stdout=log, stderr=log)
    try:
        deadline, body = time.monotonic() + 30, ""
        while time.monotonic() < deadline:
            try:
                body = urllib.request.urlopen(f"http://127.0.0.1:{port}/metrics", timeout=2).read().decode()
            except OSError:
                body = ""
            if 'wirestream_group_pending{group="ingest",stream="wire:raw"}' in body:
                break
            time.sleep(0.3)
        assert 'wirestream_articles_out_total{stage="ingest"} 2.0' in body
        assert 'wirestream_duplicates_dropped_total{stage="ingest"} 1.0' in body
        assert 'wirestream_articles_dead_lettered_total{stage="ingest"} 1.0' in body
        assert 'wirestream_articles_in_total{stage="ingest"} 4.0' in body
        assert 'wirestream_group_pending{group="ingest",stream="wire:raw"} 0.0' in body
        assert "wirestream_batch_seconds_bucket" in body
    finally:
        proc.terminate()
        proc.wait(timeout=15)
        log.close()
