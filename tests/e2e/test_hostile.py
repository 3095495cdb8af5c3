"""The hostile-input matrix on real Redis, through `wirestream run all` as a process."""

from __future__ import annotations

import time
from collections import Counter
from pathlib import Path

import orjson
import pytest
import redis

from benchmarks.chaos import story
from services.core.text import clean_text
from services.ingest.logic import stable_id
from tests.e2e._workers import ConfiguredWorkers, dead_letters, pending
from tests.fixtures.hostile.cases import CASES, ENTITY_TEXT, PASSWD_MARKER

TIMEOUT_S = 90


def _case_of_dead_letter(letter: dict) -> str | None:  # type: ignore[type-arg]
    original = letter["original"]
    if "external_id" in original:
        return str(original["external_id"])
    if "__data__" in original:
        return orjson.loads(original["__data__"])["data"].get("external_id")
    return None


def test_hostile_inputs_meet_their_fate_and_good_stories_around_them_pass(
    redis_url: str, redis_client: redis.Redis, tmp_path: Path
) -> None:
    """Every hostile case is enriched or dead-lettered as the table says, good stories pass once, the worker lives on."""
    goods: list[str] = []

    def push_good() -> None:
        text = story(10_000 + len(goods))
        goods.append(stable_id("good", clean_text(text)))
        redis_client.xadd("wire:raw", {"text": text, "source": "good"})

    push_good()
    for case in CASES:
        # Its own source per case, so that two cases with the same text are not exact duplicates.
        source = f"hostile/{case.id}".encode() if case.fields.get("source") == b"hostile" else case.fields["source"]
        redis_client.xadd("wire:raw", {**case.fields, "source": source, "external_id": case.id.encode()})
        push_good()
    workers = ConfiguredWorkers(redis_url, tmp_path, WIRESTREAM_BATCH="10")
    started = time.monotonic()
    workers.start(["run", "all"])
    want_enriched = len(goods) + sum(c.fate == "enriched" for c in CASES)
    want_dead = sum(c.fate == "dead" for c in CASES)
    try:
        deadline = started + TIMEOUT_S
        while time.monotonic() < deadline:
            if (
                redis_client.xlen("wire:enriched") >= want_enriched
                and redis_client.xlen("wire:dead") >= want_dead
                and not any(pending(redis_client).values())
            ):
                break
            time.sleep(0.2)
        else:
            done = {_case_of_dead_letter(d) for d in dead_letters(redis_client)} | {
                orjson.loads(f[b"__data__"])["data"]["external_id"] for _i, f in redis_client.xrange("wire:enriched")
            }
            pytest.fail(
                f"not done in {TIMEOUT_S}s: {pending(redis_client)}; no fate for "
                f"{sorted(c.id for c in CASES if c.id not in done)}; workers said:\n{workers.tail()}"
            )
        wall = time.monotonic() - started
        time.sleep(1.0)
        assert workers.dead() == [], f"the worker died:\n{workers.tail()}"

        enriched = [orjson.loads(f[b"__data__"]) for _i, f in redis_client.xrange("wire:enriched")]
        subjects = Counter(e["subject"] for e in enriched)
        assert all(subjects[g] == 1 for g in goods), "a good story was lost or enriched twice"
        assert len(enriched) == want_enriched
        fates = {e["data"]["external_id"]: "enriched" for e in enriched if e["data"]["source"] != "good"}
        letters = dead_letters(redis_client)
        assert all(letter["reason"] and letter["error_type"] for letter in letters)
        reasons = {_case_of_dead_letter(letter): f"{letter['error_type']}: {letter['reason']}" for letter in letters}
        assert len(reasons) == len(letters) == want_dead
        fates.update(dict.fromkeys(reasons, "dead"))
        assert fates == {c.id: c.fate for c in CASES}
        for case in CASES:
            if case.fate == "dead":
                assert case.expect in reasons[case.id], (case.id, reasons[case.id])

        everything = b"".join(
            f[b"__data__"] for s in ("wire:enriched", "wire:dead") for _i, f in redis_client.xrange(s)
        )
        assert PASSWD_MARKER.encode() not in everything
        assert everything.count(ENTITY_TEXT.encode()) <= sum(
            c.fields.get("text", b"").count(ENTITY_TEXT.encode()) for c in CASES
        )
        assert not any(pending(redis_client).values())
        assert wall < 120, f"the matrix took {wall:.1f}s"
        workers.stop()
    finally:
        workers.kill()
