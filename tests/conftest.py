"""Shared fixtures: a real Redis for the integration and e2e tiers, and the sample paths.

Redis comes from WIRESTREAM_TEST_REDIS_URL if set, else a redis-server started on a free
port, else testcontainers. It is started once per session and flushed before each test.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
import redis

from services.localredis import NoRedisAvailable, private_redis

REPO = Path(__file__).resolve().parents[1]


def samples_dir() -> Path:
    """The shared real-agency samples; a test that needs them fails, never skips, without them."""
    path = Path(os.environ.get("WIRESTREAM_SAMPLES", REPO.parent / "shared" / "wire-samples"))
    if not path.is_dir():
        pytest.fail(
            f"wire samples not found at {path}: check out ../shared beside the repo "
            "or set WIRESTREAM_SAMPLES (CI sets it)"
        )
    return path


@pytest.fixture(scope="session")
def samples() -> Path:
    return samples_dir()


@pytest.fixture(scope="session")
def tass_text(samples: Path) -> str:
    return (samples / "tass" / "kremlin-palmyra-2016-12-12.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def redis_url() -> Iterator[str]:
    given = os.environ.get("WIRESTREAM_TEST_REDIS_URL")
    if given:
        yield given
        return
    try:
        with private_redis() as url:
            yield url
    except NoRedisAvailable as exc:
        pytest.fail(str(exc))


@pytest.fixture
def redis_client(redis_url: str) -> Iterator[redis.Redis]:
    client = redis.Redis.from_url(redis_url)
    client.flushdb()
    yield client
    client.close()
