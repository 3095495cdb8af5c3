"""The limit: a four-hop pass-through with plain redis-py, one process per hop, no processing.

Each hop reads its input stream through a consumer group (XREADGROUP COUNT 100), decodes
each entry with orjson (the first hop turns the producer's fields into a JSON document),
encodes it again, and writes the outputs and the XACK of the inputs in one pipeline.
Streams are ``pt:raw`` -> ``pt:ingested`` -> ``pt:normalised`` -> ``pt:extracted`` ->
``pt:enriched``, so it can share a Redis with the wirestream streams.

    .venv/bin/python -m benchmarks.passthrough hop --url redis://... --hop 0

:mod:`benchmarks.pipeline` starts the four hops and measures them.
"""

from __future__ import annotations

import argparse
import signal
import sys
from pathlib import Path

import orjson
import redis

if __package__ in (None, ""):  # run as a file: make the repo importable
    sys.path.append(str(Path(__file__).resolve().parents[1]))  # after site-packages: an installed build wins

PREFIX = "pt"
STREAMS = ("raw", "ingested", "normalised", "extracted", "enriched")
HOPS = ("ingest", "normalise", "extract", "publish")
DATA = b"__data__"


def stream(name: str) -> str:
    return f"{PREFIX}:{name}"


def ready_key(hop: int) -> str:
    return f"{PREFIX}:ready:{hop}"


def run_hop(url: str, hop: int, count: int = 100, block_ms: int = 1000) -> None:
    client = redis.Redis.from_url(url)
    src, dst, group = stream(STREAMS[hop]), stream(STREAMS[hop + 1]), HOPS[hop]
    try:
        client.xgroup_create(src, group, id="0", mkstream=True)
    except redis.ResponseError as exc:
        if "BUSYGROUP" not in str(exc):
            raise
    client.set(ready_key(hop), 1)
    stopping = False

    def stop(_sig: int, _frame: object) -> None:
        nonlocal stopping
        stopping = True

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    first = hop == 0
    while not stopping:
        reply = client.xreadgroup(group, f"{group}-1", {src: ">"}, count=count, block=block_ms)
        if not reply:
            continue
        entries = reply[0][1]
        pipe = client.pipeline(transaction=False)
        ids = []
        for eid, fields in entries:
            if first:
                doc = {
                    "text": fields[b"text"].decode(),
                    "source": fields.get(b"source", b"").decode(),
                    "correlationid": fields.get(b"correlation_id", b"").decode(),
                }
            else:
                doc = orjson.loads(fields[DATA])
            pipe.xadd(dst, {DATA: orjson.dumps(doc)})
            ids.append(eid)
        pipe.xack(src, group, *ids)
        pipe.execute()
    client.close()


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("command", choices=["hop"])
    ap.add_argument("--url", required=True)
    ap.add_argument("--hop", type=int, required=True, choices=range(4))
    ap.add_argument("--count", type=int, default=100)
    args = ap.parse_args(argv)
    run_hop(args.url, args.hop, args.count)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
