"""Fixtures of the e2e tier: worker processes that are always stopped after the test."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.e2e.test_workers import Workers


@pytest.fixture
def workers(redis_url: str, tmp_path: Path) -> Iterator[Workers]:
    w = Workers(redis_url, tmp_path)
    yield w
    w.kill()
