"""The shared worker machinery: a FastStream batch subscriber per stage, plus reclaim,
trimming and heartbeat loops. Stage apps only say which stage they run.
"""

from __future__ import annotations

import asyncio
import contextlib
import ctypes
import gc
import logging
import time
from collections import Counter
from collections.abc import Awaitable, Callable, Sequence
from typing import Annotated, Any

import orjson
import prometheus_client
import structlog
from faststream import Context, FastStream
from faststream.middlewares import AckPolicy
from faststream.redis import RedisBroker, StreamSub
from faststream.redis.message import FAKE_CONSUMER, BatchStreamMessage, RedisBatchStreamMessage
from redis.exceptions import RedisError

from services import __version__
from services.core import metrics
from services.core.errors import TransientError
from services.core.logging import configure_logging, get_logger
from services.core.settings import Settings
from services.core.stage import Decoded, Entry, Outcome, Stage, StageContext, decode_entry, finish_entry
from services.core.store import Store, connect
from services.core.streams import Keys, group_of

log = get_logger("wirestream.worker")
HEARTBEAT_EVERY_S = 5.0
STORY_CONFLICT_RETRIES = 3
STORY_TTL_S = 30 * 86_400
HEARTBEAT_TTL_S = 20
TRIM_EVERY_S = 5.0
SHUTDOWN_LOOPS_S = 3.0
# A batch allocates many small objects (models, dicts, lists) that die with it: collect the
# youngest generation every GC_YOUNG allocations rather than CPython's 700.
GC_YOUNG = 10_000


async def _passthrough_parser(
    msg: BatchStreamMessage, original: Callable[[BatchStreamMessage], Awaitable[Any]]
) -> RedisBatchStreamMessage:
    # Entries on wire:raw are plain producer fields, not FastStream envelopes: hand the
    # raw entries to the handler untouched instead of letting FastStream decode them.
    return RedisBatchStreamMessage(raw_message=msg, body=b"", consumer=FAKE_CONSUMER, group=None)


class StageWorker:
    """Runs one stage: reads its input through the stage's group and commits outcomes."""

    def __init__(self, stage: Stage, settings: Settings, store: Store) -> None:
        self.stage = stage
        self.settings = settings
        self.store = store
        self.ctx = StageContext(settings=settings, keys=store.keys, consumer=settings.consumer)
        self.processed = 0
        self.story_ttl = max(STORY_TTL_S, settings.dedupe_ttl)
        self.last_batch_at = 0.0
        self._busy = asyncio.Lock()
        # Entries this process has read and not yet committed: the reclaimer must not take
        # them back from ourselves when a slow batch makes them look idle.
        self._in_hand: set[str] = set()
        self._beat_at, self._beat_processed = 0.0, 0

    def register(self, broker: RedisBroker) -> None:
        sub = StreamSub(
            self.store.keys.input(self.stage.name),
            group=group_of(self.stage.name),
            consumer=self.settings.consumer,
            batch=True,
            max_records=self.settings.batch,
            polling_interval=self.settings.block_ms,
        )

        async def handle(msg: Annotated[RedisBatchStreamMessage, Context("message")]) -> None:
            raw = msg.raw_message
            entries = [
                Entry(id=mid.decode(), fields=fields)
                for mid, fields in zip(raw["message_ids"], raw["data"], strict=True)
            ]
            self._in_hand.update(e.id for e in entries)
            try:
                await self.process(entries)
            finally:
                self._in_hand.difference_update(e.id for e in entries)

        handle.__name__ = f"handle_{self.stage.name}"
        broker.subscriber(
            stream=sub, ack_policy=AckPolicy.MANUAL, parser=_passthrough_parser, title=f"{self.stage.name}"
        )(handle)

    async def process(self, entries: Sequence[Entry]) -> list[Outcome]:
        """Handle a batch; outputs, dead letters and acks are written in one atomic step."""
        if not entries:
            return []
        async with self._busy:
            started = time.perf_counter()
            outcomes: list[Outcome] = []
            todo = list(entries)
            for _attempt in range(STORY_CONFLICT_RETRIES):
                done, todo = await self._attempt(todo)
                outcomes += done
                if not todo:
                    break
            # Still racing another worker on a story: leave them pending; reclaim retries.
            outcomes += [Outcome(entry=e, kind="retry", reason="story version conflict") for e in todo]
            self._report(outcomes, time.perf_counter() - started)
            self.processed += len(entries)
            self.last_batch_at = time.time()
            return outcomes

    async def _attempt(self, entries: Sequence[Entry]) -> tuple[list[Outcome], list[Entry]]:
        """One pass over entries; returns their outcomes and the entries that hit a story conflict."""
        decoded = [decode_entry(self.stage, e, self.ctx) for e in entries]
        if self.stage.story_key is not None:
            wanted = []
            for d in decoded:
                if isinstance(d, Decoded) and (key := self.stage.story_key(d.source)) is not None:
                    wanted.append((self.store.keys.story(key), d.source.id))
            self.ctx.stories = await self.store.story_states(wanted, self.stage.event_type)
        outcomes = [d if isinstance(d, Outcome) else finish_entry(self.stage, d, self.ctx) for d in decoded]
        statuses = iter(await self.store.commit(self.stage.name, outcomes, story_ttl=self.story_ttl))
        done: list[Outcome] = []
        conflicts: list[Entry] = []
        for o in outcomes:
            if o.kind != "retry":
                o.status = next(statuses)
            if o.status == "conflict":
                conflicts.append(o.entry)
            else:
                done.append(o)
        return done, conflicts

    def _report(self, outcomes: Sequence[Outcome], elapsed: float) -> None:
        """One log line per entry; the counters move once per batch."""
        stage = self.stage.name
        metrics.observe_batch(stage, len(outcomes), elapsed)
        counts: Counter[prometheus_client.Counter] = Counter()
        for o in outcomes:
            fields: dict[str, Any] = {
                "stage": stage,
                "entry_id": o.entry.id,
                "article_id": o.article_id,
                "deliveries": o.entry.deliveries,
            }
            if o.event is not None and o.kind == "out":
                fields["correlation_id"] = o.event.get("correlationid")
            if o.kind == "retry":
                counts[metrics.RETRIED] += 1
                log.error("article failed; left pending for retry", reason=o.reason, **fields)
                continue
            status = o.status
            if o.kind == "dead":
                counts[metrics.DEAD] += 1
                log.warning("dead-lettered", reason=o.reason, error_type=o.error_type, **fields)
            elif status.startswith("duplicate"):
                counts[metrics.DUPLICATES] += 1
                log.info(
                    "exact duplicate dropped", repeats=o.article_id, first_entry=status.partition(":")[2], **fields
                )
            elif status == "redelivered":
                counts[metrics.REDELIVERED] += 1
                log.info("already written; acknowledged only", **fields)
            else:
                counts[metrics.OUT] += 1
                if o.story is not None and o.story.version > 1:
                    counts[metrics.VERSIONS] += 1
                    fields["version"], fields["supersedes"] = o.story.version, o.story.supersedes
                log.info("article handled", **fields)
        counts[metrics.IN] += len(outcomes)
        for counter, n in counts.items():
            counter.labels(stage).inc(n)

    async def reclaim_once(self) -> int:
        claimed = await self.store.reclaim(
            self.stage.name, self.settings.consumer, self.settings.min_idle_ms, self.settings.batch
        )
        entries = [e for e in claimed if e.id not in self._in_hand]
        if entries:
            log.info("reclaimed idle entries", stage=self.stage.name, count=len(entries))
            await self.process(entries)
        return len(entries)

    async def heartbeat_once(self) -> None:
        keys = self.store.keys
        now = time.time()
        rate = (self.processed - self._beat_processed) / max(now - self._beat_at, 1e-3) if self._beat_at else 0.0
        self._beat_at, self._beat_processed = now, self.processed
        beat = {
            "stage": self.stage.name,
            "consumer": self.settings.consumer,
            "version": __version__,
            "at": time.time(),
            "processed": self.processed,
            "rate": round(rate, 2),
            "last_batch_at": self.last_batch_at,
        }
        await self.store.client.set(
            keys.heartbeat(self.stage.name, self.settings.consumer), orjson.dumps(beat), ex=HEARTBEAT_TTL_S
        )
        await self._sample_streams()

    async def _sample_streams(self) -> None:
        """Sample the length, lag and pending count of the stage's input for the metrics."""
        stream = self.store.keys.input(self.stage.name)
        metrics.STREAM_LENGTH.labels(stream).set(await self.store.client.xlen(stream))
        for g in await self.store.groups(stream):
            if g.lag is not None:
                metrics.GROUP_LAG.labels(stream, g.name).set(g.lag)
            metrics.GROUP_PENDING.labels(stream, g.name).set(g.pending)

    async def trim_once(self) -> None:
        keys = self.store.keys
        await self.store.trim(keys.input(self.stage.name), retain=None)
        if self.stage.name == "publish":
            await self.store.trim(keys.enriched, retain=self.settings.retain)
            await self.store.trim(keys.dead, retain=self.settings.retain)


async def _every(seconds: float, name: str, action: Callable[[], Awaitable[Any]], stop: asyncio.Event) -> None:
    """Run ``action`` until ``stop`` is set; a Redis fault is logged and backed off, never fatal.

    Shutdown sets ``stop`` rather than cancelling, so no Redis command is cut off halfway.
    """
    backoff = seconds
    while not stop.is_set():
        try:
            await action()
            backoff = seconds
        except (RedisError, TransientError, OSError) as exc:
            log.warning("redis unavailable; backing off", task=name, error=str(exc), retry_in=backoff)
            backoff = min(backoff * 2, 30.0)
        except Exception:  # a bug in a maintenance task must not kill the worker
            log.exception("maintenance task failed", task=name)
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(stop.wait(), timeout=backoff)


def _tune_gc() -> None:
    """What start-up loaded (modules, gazetteers, compiled patterns) lives as long as the
    worker: freeze it out of the collector's scans, and collect young objects less often."""
    gc.collect()
    gc.freeze()
    # Hand the heap that loading freed back to the OS (glibc only; elsewhere a no-op).
    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL("libc.so.6").malloc_trim(0)
    _young, middle, old = gc.get_threshold()
    gc.set_threshold(GC_YOUNG, middle, old)


async def _until_redis_answers(action: Callable[[], Awaitable[Any]]) -> None:
    """Retry ``action`` with backoff while Redis is unreachable, so a worker can start first."""
    delay = 0.5
    while True:
        try:
            await action()
            return
        except (RedisError, OSError) as exc:
            log.warning("redis unavailable at start-up; retrying", error=str(exc), retry_in=delay)
            await asyncio.sleep(delay)
            delay = min(delay * 2, 10.0)


async def serve(stages: Sequence[Stage], settings: Settings) -> None:
    """Run the stages until SIGTERM or SIGINT; the body of `wirestream run`."""
    app = build_app(stages, settings)
    try:
        await app.run()
    except Exception:
        # A signal that lands while FastStream is still starting closes the connections
        # under the start-up; nothing was in hand yet, so that is a clean stop, not a crash.
        if not app.context.get("wirestream_stopping"):
            raise
        log.info("stopped during start-up", consumer=settings.consumer)


def build_app(stages: Sequence[Stage], settings: Settings) -> FastStream:
    """One FastStream app running the given stages (one for `run STAGE`, four for `run all`)."""
    configure_logging(settings.log_format)
    # FastStream's own log lines (fetch errors, reconnects) go through the stdlib at WARNING;
    # our one line per article per stage comes from structlog.
    fs_logger = logging.getLogger("faststream")
    fs_logger.setLevel(logging.WARNING)
    broker = RedisBroker(settings.redis_url, graceful_timeout=8.0, logger=fs_logger)
    store = Store(connect(settings.redis_url), Keys(settings.prefix))
    workers = [StageWorker(stage, settings, store) for stage in stages]
    for worker in workers:
        worker.register(broker)
    app = FastStream(broker, logger=fs_logger)
    tasks: list[asyncio.Task[None]] = []
    stopping = asyncio.Event()

    @app.on_startup
    async def create_groups() -> None:
        # Before any subscriber starts: FastStream would create the group at '$'.
        structlog.contextvars.bind_contextvars(consumer=settings.consumer)
        await _until_redis_answers(lambda: store.ensure_groups(w.stage.name for w in workers))
        for w in workers:  # load gazetteers and patterns now, not inside the first batch
            if w.stage.warmup is not None:
                w.stage.warmup()
        _tune_gc()
        metrics.serve(settings.metrics_port)
        log.info(
            "worker starting", stages=[w.stage.name for w in workers], consumer=settings.consumer, version=__version__
        )

    @app.after_startup
    async def start_loops() -> None:
        reclaim_every = max(settings.min_idle_ms / 4000, 0.5)
        for w in workers:
            for every, name, action in (
                (reclaim_every, "reclaim", w.reclaim_once),
                (HEARTBEAT_EVERY_S, "heartbeat", w.heartbeat_once),
                (TRIM_EVERY_S, "trim", w.trim_once),
            ):
                tasks.append(asyncio.create_task(_every(every, f"{name}-{w.stage.name}", action, stopping)))

    @app.on_shutdown
    async def stop_loops() -> None:
        stopping.set()
        app.context.set_global("wirestream_stopping", True)
        if not tasks:
            return
        _done, stuck = await asyncio.wait(tasks, timeout=SHUTDOWN_LOOPS_S)
        for t in stuck:
            t.cancel()
        if stuck:
            log.warning("maintenance tasks cancelled at shutdown", count=len(stuck))

    @app.after_shutdown
    async def close_store() -> None:
        for w in workers:
            with contextlib.suppress(RedisError, OSError):
                await store.client.delete(store.keys.heartbeat(w.stage.name, settings.consumer))
        await store.client.aclose()
        log.info("worker stopped", consumer=settings.consumer)

    return app
