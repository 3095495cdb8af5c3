"""Every Redis call wirestream makes, behind one small class, so the broker can change.

Writing a batch's outputs, its dead letters and the XACK of its inputs happens in one Lua
script: Redis runs it atomically, so an entry is acknowledged exactly when its output is
written, and the guard keys (dedupe at ingest, (article, version) at publish) are set in
the same step as the XADD they protect.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any, cast

import redis.asyncio as aioredis
from redis.exceptions import RedisError, ResponseError

from services.core.envelope import event_id
from services.core.errors import TransientError
from services.core.stage import Entry, Outcome, StoryState
from services.core.streams import STAGES, Keys, group_of

# KEYS: 1 input stream, 2 output stream, 3 dead stream, 4.. guard and story keys.
# ARGV: 1 group, 2 story ttl, then 10 per item: entry id, kind (out|dead), payload,
#   guard key index (0: none), guard ttl, story key index (0: none), expected latest
#   version, version, article id, id of the event it supersedes.
# A story claim whose expected latest version no longer holds (another worker published a
# version meanwhile) is a 'conflict': nothing is written and the entry stays pending.
_COMMIT = """
local statuses = {}
local group, story_ttl = ARGV[1], tonumber(ARGV[2])
local n = (#ARGV - 2) / 10
for i = 0, n - 1 do
  local b = 3 + i * 10
  local entry_id, kind, payload = ARGV[b], ARGV[b + 1], ARGV[b + 2]
  local gi, ttl, si = tonumber(ARGV[b + 3]), tonumber(ARGV[b + 4]), tonumber(ARGV[b + 5])
  local expected, version, article, supersedes = tonumber(ARGV[b + 6]), ARGV[b + 7], ARGV[b + 8], ARGV[b + 9]
  local status = 'ok'
  if kind == 'out' and si > 0 then
    local assigned = redis.call('HGET', KEYS[si], 'v:' .. article)
    if assigned then
      if string.match(assigned, '^[0-9]+') ~= version then status = 'conflict' end
    elseif tonumber(redis.call('HGET', KEYS[si], 'latest') or '0') ~= expected then
      status = 'conflict'
    end
  end
  if status == 'ok' and kind == 'out' and gi > 0 then
    local ok
    if ttl > 0 then
      ok = redis.call('SET', KEYS[gi], entry_id, 'NX', 'EX', ttl)
    else
      ok = redis.call('SET', KEYS[gi], entry_id, 'NX')
    end
    if not ok then
      local prev = redis.call('GET', KEYS[gi])
      if prev == entry_id then status = 'redelivered' else status = 'duplicate:' .. tostring(prev) end
    end
  end
  if status == 'ok' then
    if kind == 'out' then
      redis.call('XADD', KEYS[2], '*', '__data__', payload)
      if si > 0 and not redis.call('HGET', KEYS[si], 'v:' .. article) then
        redis.call('HSET', KEYS[si], 'latest', version, 'latest_article', article,
          'v:' .. article, version .. '|' .. supersedes)
        redis.call('EXPIRE', KEYS[si], story_ttl)
      end
    else
      redis.call('XADD', KEYS[3], '*', '__data__', payload)
    end
  end
  if status ~= 'conflict' then redis.call('XACK', KEYS[1], group, entry_id) end
  statuses[#statuses + 1] = status
end
return statuses
"""


@dataclass(slots=True)
class GroupInfo:
    name: str
    consumers: int
    pending: int
    last_delivered: str
    lag: int | None


def connect(url: str, **kwargs: Any) -> aioredis.Redis:
    return aioredis.Redis.from_url(
        url,
        decode_responses=False,
        health_check_interval=15,
        socket_keepalive=True,
        retry_on_timeout=True,
        **kwargs,
    )


class Store:
    def __init__(self, client: aioredis.Redis, keys: Keys) -> None:
        self.client = client
        self.keys = keys
        self._commit = client.register_script(_COMMIT)

    async def ensure_groups(self, stages: Iterable[str] = STAGES) -> None:
        """Create each stage's group at id 0 (with MKSTREAM), so no earlier entry is skipped."""
        for stage in stages:
            await self.ensure_group(self.keys.input(stage), group_of(stage))

    async def ensure_group(self, stream: str, group: str, start_id: str = "0") -> bool:
        try:
            await self.client.xgroup_create(stream, group, id=start_id, mkstream=True)
        except ResponseError as exc:
            if "BUSYGROUP" not in str(exc):
                raise
            return False
        return True

    async def commit(self, stage: str, outcomes: Sequence[Outcome], story_ttl: int = 30 * 86_400) -> list[str]:
        """Write outputs and dead letters and XACK their inputs, atomically; returns statuses.

        Statuses, one per outcome that is not a retry: ``ok``; ``redelivered`` (already
        written, acknowledged only); ``duplicate:<entry id>`` (the guard key belongs to
        another entry); ``conflict`` (a story version raced another worker; left pending).
        """
        done = [o for o in outcomes if o.kind != "retry"]
        if not done:
            return []
        keys = [self.keys.input(stage), self.keys.output(stage), self.keys.dead]
        index: dict[str, int] = {}

        def key_index(key: str | None) -> int:
            if key is None:
                return 0
            if key not in index:
                keys.append(key)
                index[key] = len(keys)
            return index[key]

        args: list[Any] = [group_of(stage), story_ttl]
        for o in done:
            out = o.kind == "out"
            story = o.story if out else None
            args += [
                o.entry.id,
                o.kind,
                o.payload,
                key_index(o.guard_key if out else None),
                o.guard_ttl,
                key_index(story.key if story else None),
                story.expected_latest if story else 0,
                story.version if story else 0,
                story.article_id if story else "",
                (story.supersedes or "") if story else "",
            ]
        try:
            statuses = await self._commit(keys=keys, args=args)
        except RedisError as exc:
            raise TransientError(f"commit of {len(done)} entries failed: {exc}") from exc
        return [s.decode() for s in statuses]

    async def story_states(self, wanted: Iterable[tuple[str, str]], event_type: str) -> dict[str, StoryState]:
        """What Redis knows of each (story key, article id): latest version, and the article's."""
        pairs = list(dict.fromkeys(wanted))
        if not pairs:
            return {}
        async with self.client.pipeline(transaction=False) as pipe:
            for key, article_id in pairs:
                pipe.hmget(key, ["latest", "latest_article", f"v:{article_id}"])
            replies = await pipe.execute()
        states: dict[str, StoryState] = {}
        for (key, article_id), (latest, latest_article, assigned) in zip(pairs, replies, strict=True):
            state = states.setdefault(key, StoryState())
            if latest is not None and latest_article is not None:
                state.latest = int(latest)
                state.latest_event = event_id(_s(latest_article), event_type, state.latest)
            if assigned is not None:
                version, _, supersedes = _s(assigned).partition("|")
                state.assigned[article_id] = (int(version), supersedes or None)
        return states

    async def reclaim(self, stage: str, consumer: str, min_idle_ms: int, count: int) -> list[Entry]:
        """Claim entries idle longer than ``min_idle_ms`` from any consumer of the stage's group."""
        stream, group = self.keys.input(stage), group_of(stage)
        _next, claimed, *_ = await self.client.xautoclaim(
            stream, group, consumer, min_idle_time=min_idle_ms, start_id="0-0", count=count
        )
        entries = [Entry(id=eid.decode(), fields=fields or {}) for eid, fields in claimed if fields is not None]
        if not entries:
            return []
        pending = await self.client.xpending_range(
            stream, group, min=entries[0].id, max=entries[-1].id, count=len(entries) * 4, consumername=consumer
        )
        counts = {_s(cast(bytes, p["message_id"])): int(p["times_delivered"]) for p in pending}
        for e in entries:
            e.deliveries = counts.get(e.id, 1)
        return entries

    async def groups(self, stream: str) -> list[GroupInfo]:
        try:
            raw = await self.client.xinfo_groups(stream)
        except ResponseError:
            return []
        return [
            GroupInfo(
                name=_s(g["name"]),
                consumers=int(g["consumers"]),
                pending=int(g["pending"]),
                last_delivered=_s(g["last-delivered-id"]),
                lag=None if g.get("lag") is None else int(g["lag"]),
            )
            for g in raw
        ]

    async def safe_trim_id(self, stream: str) -> str | None:
        """The oldest id some group still needs (pending, or not yet delivered); None if no group."""
        groups = await self.groups(stream)
        if not groups:
            return None
        candidates: list[tuple[int, int]] = []
        for g in groups:
            oldest = (await self.client.xpending(stream, g.name))["min"] if g.pending else None
            if oldest is not None:
                candidates.append(_parse_id(_s(oldest)))
            else:  # nothing pending (any more): the group needs only what it has not read
                ms, seq = _parse_id(g.last_delivered)
                candidates.append((ms, seq + 1))
        ms, seq = min(candidates)
        return f"{ms}-{seq}"

    async def trim(self, stream: str, retain: int | None) -> int:
        """Trim ``stream``, never past an entry that some group has not acknowledged.

        Pipeline streams (``retain`` None) lose what every group has acknowledged. Streams
        read outside the pipeline keep their newest ``retain`` entries when no group reads
        them; once groups read them, acknowledged entries go when the stream passes ``retain``.
        """
        safe = await self.safe_trim_id(stream)
        if retain is None:
            if safe is None:
                return 0
            removed: int = await self.client.xtrim(stream, minid=safe, approximate=True)
            return removed
        if await self.client.xlen(stream) <= retain:
            return 0
        if safe is None:
            removed = await self.client.xtrim(stream, maxlen=retain, approximate=True)
        else:
            removed = await self.client.xtrim(stream, minid=safe, approximate=True)
        return removed

    async def add_raw(self, fields: dict[str, str | bytes], maxlen: int | None = None) -> str:
        eid = await self.client.xadd(self.keys.raw, fields)  # type: ignore[arg-type]
        return _s(eid)


def _s(value: bytes | str) -> str:
    return value.decode() if isinstance(value, bytes) else value


def _parse_id(eid: str) -> tuple[int, int]:
    ms, _, seq = eid.partition("-")
    return int(ms), int(seq or 0)
