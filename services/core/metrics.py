"""Prometheus metrics, all prefixed ``wirestream_``, served on WIRESTREAM_METRICS_PORT."""

from __future__ import annotations

from prometheus_client import Counter, Gauge, Histogram, start_http_server

IN = Counter("wirestream_articles_in", "Entries read by a stage", ["stage"])
OUT = Counter("wirestream_articles_out", "Articles written downstream by a stage", ["stage"])
DEAD = Counter("wirestream_articles_dead_lettered", "Entries dead-lettered by a stage", ["stage"])
RETRIED = Counter("wirestream_articles_retried", "Entries left pending after an unexpected failure", ["stage"])
DUPLICATES = Counter("wirestream_duplicates_dropped", "Exact duplicates dropped", ["stage"])
VERSIONS = Counter("wirestream_versions_issued", "Articles published as version 2 or later of a story", ["stage"])
REDELIVERED = Counter(
    "wirestream_redeliveries_acked", "Redelivered entries whose output was already written", ["stage"]
)
BATCH_SECONDS = Histogram(
    "wirestream_batch_seconds",
    "Time to handle and commit one batch",
    ["stage"],
    buckets=(0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5),
)
BATCH_SIZE = Histogram(
    "wirestream_batch_size", "Entries per batch", ["stage"], buckets=(1, 2, 5, 10, 20, 50, 100, 200, 500, 1000)
)

STREAM_LENGTH = Gauge("wirestream_stream_length", "Entries in a stream (sampled)", ["stream"])
GROUP_LAG = Gauge("wirestream_group_lag", "Entries not yet delivered to a group (sampled)", ["stream", "group"])
GROUP_PENDING = Gauge(
    "wirestream_group_pending", "Entries delivered but not acknowledged (sampled)", ["stream", "group"]
)

_served = False


def observe_batch(stage: str, size: int, seconds: float) -> None:
    BATCH_SIZE.labels(stage).observe(size)
    BATCH_SECONDS.labels(stage).observe(seconds)


def serve(port: int | None) -> None:
    global _served
    if port is None or _served:
        return
    start_http_server(port)
    _served = True
