"""Chaos at CI size: 1,200 articles while random workers are kill -9'd and restarted."""

from __future__ import annotations

from pathlib import Path

import redis

from benchmarks.chaos import run_chaos


def test_every_article_is_enriched_exactly_once_despite_kill_9(
    redis_url: str, redis_client: redis.Redis, tmp_path: Path
) -> None:
    """With two workers per stage and one kill -9 every 0.5-1 s, each of 1,200 articles is enriched once, nothing pending or dead."""
    figures = run_chaos(redis_url, tmp_path, articles=1200, kill_for_s=25.0, max_kills=30, timeout_s=85.0)
    report = "\n".join(figures.lines())
    assert figures.kills >= 15, report
    assert figures.finished, report
    assert figures.enriched_entries == 1200, report
    assert figures.distinct == 1200, report
    assert figures.duplicates == 0 and figures.missing == 0 and figures.unexpected == 0, report
    assert not any(figures.pending.values()), report
    assert figures.dead == 0, report
    assert figures.exit_codes == [0] * len(figures.exit_codes), report
