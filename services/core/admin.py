"""Synchronous Redis access for the CLI and the demo: pushing, reading, stats, dead letters.

Kept in core beside :mod:`services.core.store`, so no command talks to Redis directly.
"""

from __future__ import annotations

import base64
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, cast

import orjson
import redis

from services.core.envelope import DATA_FIELD
from services.core.errors import TransientError
from services.core.streams import INPUT_OF, Keys

Row = tuple[str, dict[bytes, bytes]]


@dataclass(slots=True)
class GroupRow:
    stream: str
    length: int
    group: str | None
    consumers: int
    lag: int | None
    pending: int


def _s(value: bytes | str) -> str:
    return value.decode() if isinstance(value, bytes) else value


class Admin:
    def __init__(self, url: str, keys: Keys) -> None:
        self.client = redis.Redis.from_url(url, socket_connect_timeout=5)
        self.keys = keys
        try:
            self.client.ping()
        except redis.RedisError as exc:
            raise TransientError(f"cannot reach Redis at {url.rsplit('@', 1)[-1]}: {exc}") from exc

    def push(self, fields: dict[str, str | bytes], stream: str | None = None) -> str:
        entry_id = self.client.xadd(stream or self.keys.raw, cast(Any, fields))
        return _s(cast(bytes, entry_id))

    def length(self, stream: str) -> int:
        return int(self.client.xlen(stream))

    def rows(self, stream: str, start: str = "-", end: str = "+", count: int | None = None) -> list[Row]:
        raw = cast(list[tuple[bytes, dict[bytes, bytes]]], self.client.xrange(stream, start, end, count=count))
        return [(_s(eid), fields) for eid, fields in raw]

    def follow(self, stream: str, last: str, block_ms: int | None) -> Iterator[Row]:
        """Entries after ``last`` (XREAD), waiting up to ``block_ms``; none when nothing came."""
        reply = cast(
            list[tuple[bytes, list[tuple[bytes, dict[bytes, bytes]]]]],
            self.client.xread({stream: last}, count=100, block=block_ms) or [],
        )
        for _name, entries in reply:
            for eid, fields in entries:
                yield _s(eid), fields

    def ensure_group(self, stream: str, group: str, start: str = "$") -> None:
        try:
            self.client.xgroup_create(stream, group, id=start, mkstream=True)
        except redis.ResponseError as exc:
            if "BUSYGROUP" not in str(exc):
                raise

    def read_group(self, stream: str, group: str, consumer: str, block_ms: int | None) -> Iterator[Row]:
        """This consumer's own pending entries first (after a restart), then new ones."""
        for start in ("0", ">"):
            reply = cast(
                list[tuple[bytes, list[tuple[bytes, dict[bytes, bytes]]]]],
                self.client.xreadgroup(
                    group, consumer, {stream: start}, count=100, block=block_ms if start == ">" else None
                )
                or [],
            )
            rows = [(_s(eid), fields) for _n, entries in reply for eid, fields in entries if fields]
            if rows:
                yield from rows
                return

    def ack(self, stream: str, group: str, entry_id: str) -> None:
        self.client.xack(stream, group, entry_id)

    def events(self, stream: str, count: int | None = None) -> list[tuple[str, dict[str, Any]]]:
        return [(eid, orjson.loads(f.get(DATA_FIELD, b"{}"))) for eid, f in self.rows(stream, count=count)]

    def groups(self) -> list[GroupRow]:
        out = []
        for stream in self.keys.all_streams():
            length = self.length(stream)
            try:
                groups = self.client.xinfo_groups(stream)
            except redis.ResponseError:
                groups = []
            if not groups:
                out.append(GroupRow(stream, length, None, 0, None, 0))
            for g in groups:
                lag = g.get("lag")
                out.append(
                    GroupRow(
                        stream,
                        length,
                        _s(g["name"]),
                        int(g["consumers"]),
                        None if lag is None else int(lag),
                        int(g["pending"]),
                    )
                )
        return out

    def heartbeats(self) -> list[dict[str, Any]]:
        names = list(self.client.scan_iter(match=self.keys.heartbeat_pattern(), count=500))
        values = cast(list[bytes | None], self.client.mget(names)) if names else []
        return [orjson.loads(v) for v in values if v]

    def replay(self, entry_id: str) -> tuple[str, str] | str:
        """Re-push one dead letter's original fields to its stage's input; (stream, new id) or a reason."""
        rows = self.rows(self.keys.dead, entry_id, entry_id)
        if not rows:
            return f"no dead letter {entry_id}"
        data = orjson.loads(rows[0][1].get(DATA_FIELD, b"{}")).get("data", {})
        stage = data.get("stage")
        if stage not in INPUT_OF:
            return f"unknown stage {stage!r}"
        original: dict[str, str | bytes] = {}
        for key, value in (data.get("original") or {}).items():
            original[key[:-4] if key.endswith(":b64") else key] = (
                base64.b64decode(value) if key.endswith(":b64") else value
            )
        if not original:
            return "no original fields to replay"
        stream = self.keys.input(stage)
        new_id = self.push(original, stream)
        self.client.xdel(self.keys.dead, entry_id)
        return stream, new_id

    def purge_dead(self) -> int:
        n = self.length(self.keys.dead)
        self.client.xtrim(self.keys.dead, maxlen=0)
        return n
