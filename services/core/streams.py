"""Every Redis key and group name wirestream uses, built from (prefix, stage, partition).

One partition is the default and gives the plain names ``wire:raw`` ... ``wire:dead``.
Past one Redis, partitions become hash-tagged (``wire:{p3}:raw``) so that one partition's
keys share a cluster slot and a hand-off stays atomic.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

STAGES = ("ingest", "normalise", "extract", "publish")
INPUT_OF = {"ingest": "raw", "normalise": "ingested", "extract": "normalised", "publish": "extracted"}
OUTPUT_OF = {"ingest": "ingested", "normalise": "normalised", "extract": "extracted", "publish": "enriched"}
EVENT_TYPE_OF = {
    "ingest": "wirestream.article.ingested.v1",
    "normalise": "wirestream.article.normalised.v1",
    "extract": "wirestream.article.extracted.v1",
    "publish": "wirestream.article.enriched.v1",
}
DEAD_LETTER_TYPE = "wirestream.dead_letter.v1"
STREAM_SUFFIXES = ("raw", "ingested", "normalised", "extracted", "enriched", "dead")


@dataclass(frozen=True, slots=True)
class Keys:
    prefix: str = "wire"
    partition: int | None = None

    def _base(self) -> str:
        return self.prefix if self.partition is None else f"{self.prefix}:{{p{self.partition}}}"

    def stream(self, suffix: str) -> str:
        return f"{self._base()}:{suffix}"

    @property
    def raw(self) -> str:
        return self.stream("raw")

    @property
    def enriched(self) -> str:
        return self.stream("enriched")

    @property
    def dead(self) -> str:
        return self.stream("dead")

    def input(self, stage: str) -> str:
        return self.stream(INPUT_OF[stage])

    def output(self, stage: str) -> str:
        return self.stream(OUTPUT_OF[stage])

    def all_streams(self) -> list[str]:
        return [self.stream(s) for s in STREAM_SUFFIXES]

    def dedupe(self, article_id: str) -> str:
        return f"{self._base()}:dedupe:{article_id}"

    def published(self, article_id: str, version: int) -> str:
        return f"{self._base()}:published:{article_id}:{version}"

    def story(self, story_key: str) -> str:
        """A story's versions (keyed by external id, or source + slugline), hashed to a short key."""
        digest = hashlib.blake2b(story_key.encode(), digest_size=12).hexdigest()
        return f"{self._base()}:story:{digest}"

    def heartbeat(self, stage: str, consumer: str) -> str:
        return f"{self._base()}:heartbeat:{stage}:{consumer}"

    def heartbeat_pattern(self) -> str:
        return f"{self._base()}:heartbeat:*"


def group_of(stage: str) -> str:
    """A stage reads its input through a consumer group named after the stage."""
    return stage
