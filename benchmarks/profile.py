"""Profile each wirestream worker with py-spy during a throughput run.

    .venv/bin/python -m benchmarks.profile --articles 4000 --out /tmp/wirestream-profile

Starts a private Redis and the four ``wirestream run STAGE`` workers, attaches
``py-spy record`` (raw collapsed stacks) to each, pushes the stories, and prints for each
worker the functions with the most samples (inclusive and self), so hot spots are plain.
py-spy must be installed in the venv (``pip install py-spy``) and allowed to attach (root,
or ptrace permitted).
"""

from __future__ import annotations

import argparse
import collections
import subprocess
import sys
import time
from pathlib import Path

import redis

if __package__ in (None, ""):  # run as a file: make the repo importable
    sys.path.append(str(Path(__file__).resolve().parents[1]))  # after site-packages: an installed build wins

from benchmarks.pipeline import push_all, start_wirestream, wait_out
from services.localredis import RedisServer

PY_SPY = str(Path(sys.executable).with_name("py-spy"))


def summarise(path: Path, top: int) -> str:
    inclusive: collections.Counter[str] = collections.Counter()
    own: collections.Counter[str] = collections.Counter()
    total = 0
    for line in path.read_text().splitlines():
        stack, _, count = line.rpartition(" ")
        if not stack:
            continue
        n = int(count)
        total += n
        frames = [f.split(" (")[0] + " " + f.split("/")[-1].rstrip(")") if "(" in f else f for f in stack.split(";")]
        for f in set(frames):
            inclusive[f] += n
        own[frames[-1]] += n
    out = [f"  {total} samples"]
    out.append("  inclusive:")
    out += [f"    {c / total:6.1%}  {f}" for f, c in inclusive.most_common(top)]
    out.append("  self:")
    out += [f"    {c / total:6.1%}  {f}" for f, c in own.most_common(top)]
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--articles", type=int, default=4000)
    ap.add_argument("--out", type=Path, default=Path("/tmp/wirestream-profile"))
    ap.add_argument("--top", type=int, default=30)
    ap.add_argument("--rate", type=int, default=200, help="py-spy samples per second")
    args = ap.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    server = RedisServer().start()
    client = redis.Redis.from_url(server.url)
    fleet = start_wirestream(server.url, args.out, client)
    spies = []
    try:
        for p in fleet.procs:
            dest = args.out / f"{p.name}.txt"
            spies.append((p.name, dest, subprocess.Popen(
                [PY_SPY, "record", "--pid", str(p.pid), "--format", "raw", "--rate", str(args.rate),
                 "--nonblocking", "-o", str(dest)],
                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)))  # fmt: skip
        time.sleep(1.0)
        push_all(client, "wire:raw", 0, args.articles, "prof")
        wait_out(client, "wire:enriched", args.articles, fleet, timeout=600)
    finally:
        for _name, _dest, spy in spies:
            spy.send_signal(2)
        for _name, _dest, spy in spies:
            spy.wait(timeout=30)
        fleet.stop()
        client.close()
        server.cleanup()
    for name, dest, _spy in spies:
        print(f"== {name}")
        print(summarise(dest, args.top) if dest.exists() else "  (no profile)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
