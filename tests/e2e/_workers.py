"""Worker processes for the e2e tiers: the Workers of test_workers.py, plus extra settings,
one process restarted or killed at a time, and helpers that read the streams back."""

from __future__ import annotations

import subprocess
import time
from collections import Counter

import orjson
import redis

from services.core.streams import STAGES
from tests.e2e.test_workers import WIRESTREAM, Workers, _env

INPUTS = ("wire:raw", "wire:ingested", "wire:normalised", "wire:extracted")


class ConfiguredWorkers(Workers):
    """Workers started with extra WIRESTREAM_* settings, each in a slot that can be re-filled."""

    def __init__(self, url: str, logs, **env: str) -> None:  # type: ignore[no-untyped-def]
        super().__init__(url, logs)
        self.env = env
        self.commands: list[list[str]] = []
        self.spawned_at: list[float] = []
        self.started = 0

    def start(self, *commands: list[str]) -> list[subprocess.Popen[bytes]]:
        for args in commands:
            self.commands.append(list(args))
            self.procs.append(self._spawn(args))
            self.spawned_at.append(time.monotonic())
        return self.procs

    def _spawn(self, args: list[str]) -> subprocess.Popen[bytes]:
        log = (self.logs / f"worker-{self.started}.log").open("wb")
        self.started += 1
        try:
            return subprocess.Popen([WIRESTREAM, *args], env={**_env(self.url), **self.env}, stdout=log, stderr=log)
        finally:
            log.close()

    def kill_slot(self, slot: int) -> None:
        """kill -9 the process in ``slot`` and start the same command in its place."""
        proc = self.procs[slot]
        if proc.poll() is None:
            proc.kill()
        proc.wait()
        self.procs[slot] = self._spawn(self.commands[slot])
        self.spawned_at[slot] = time.monotonic()

    def youngest_age(self) -> float:
        """Seconds since the most recent (re)start."""
        return time.monotonic() - max(self.spawned_at, default=0.0)

    def dead(self) -> list[int]:
        return [i for i, p in enumerate(self.procs) if p.poll() is not None]


def pending(client: redis.Redis) -> dict[str, int]:
    """Entries pending in each stage's group."""
    return {stage: int(client.xpending(stream, stage)["pending"]) for stage, stream in zip(STAGES, INPUTS, strict=True)}


def enriched_subjects(client: redis.Redis) -> Counter[str]:
    """How many times each article id is on wire:enriched."""
    return Counter(orjson.loads(f[b"__data__"])["subject"] for _id, f in client.xrange("wire:enriched"))


def dead_letters(client: redis.Redis) -> list[dict]:  # type: ignore[type-arg]
    return [orjson.loads(f[b"__data__"])["data"] for _id, f in client.xrange("wire:dead")]
