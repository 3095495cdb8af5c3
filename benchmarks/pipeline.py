"""End-to-end benchmark: the wirestream pipeline against the plain redis-py limit, one Redis.

    .venv/bin/python -m benchmarks.pipeline                 # make bench
    .venv/bin/python -m benchmarks.pipeline --articles 5000 --paced-seconds 20
    .venv/bin/python -m benchmarks.pipeline --large         # + the 100,000-article memory run

In one run against one private redis-server (services.localredis) it:

1. runs the plain redis-py four-hop pass-through (benchmarks/passthrough.py: four processes,
   XREADGROUP COUNT 100, orjson decode + encode, pipelined XADD + XACK): the limit;
2. runs the wirestream pipeline as four ``wirestream run STAGE`` processes (JSON logs to
   files: logging is part of the cost) on the same N stories (benchmarks/corpus.py);
   throughput is N over the time from the first raw entry's stream id to the last
   enriched entry's stream id (both Redis clock); best of --repeat runs (all printed);
3. for both, a paced load of 100 articles/s: latency per article from its raw entry's id time
   to its enriched entry's id time (matched by correlation id), p50 / p99 / max, and for
   wirestream per stage from the trace times; the run with the lowest p99 of --repeat is kept;
4. each wirestream worker's CPU per article (utime + stime from /proc over the throughput
   run), its peak RSS (VmHWM), and Redis's used_memory after the run;
5. the throughput run again with two extract workers, and the gain;
6. with --large, 100,000 articles fed as fast as the pipeline takes them, with
   WIRESTREAM_RETAIN=10000, sampling Redis used_memory: bounded by trimming, or not.

Before each measurement it waits (up to 10 minutes) for the one-minute load average to drop
below 0.7, and prints the load average with every result.
"""

from __future__ import annotations

import argparse
import os
import platform
import signal
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

import orjson
import redis

if __package__ in (None, ""):  # run as a file: make the repo importable
    sys.path.append(str(Path(__file__).resolve().parents[1]))  # after site-packages: an installed build wins

from benchmarks import passthrough
from benchmarks.corpus import story
from services import build
from services.localredis import RedisServer

ROOT = Path(__file__).resolve().parents[1]
PYTHON = sys.executable
WIRESTREAM = str(Path(sys.executable).with_name("wirestream"))
STAGES = ("ingest", "normalise", "extract", "publish")
TICK = os.sysconf("SC_CLK_TCK")
PUSH_CHUNK = 500
# --uvloop: run each worker on uvloop's event loop (an experiment; `wirestream run` uses asyncio's).
UVLOOP_BOOT = (
    "import sys, asyncio, uvloop; asyncio.set_event_loop_policy(uvloop.EventLoopPolicy()); "
    "sys.argv[0] = 'wirestream'; from services.cli import main; main()"
)
USE_UVLOOP = False


# --------------------------------------------------------------------------- machine


def load_average() -> float:
    return os.getloadavg()[0]


def load_text() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def idle_share(seconds: float = 10.0) -> float:
    """Share of CPU time the machine spent idle over the next ``seconds`` (from /proc/stat)."""

    def sample() -> tuple[int, int]:
        values = [int(v) for v in Path("/proc/stat").read_text().splitlines()[0].split()[1:]]
        return values[3] + values[4], sum(values)  # idle + iowait, total

    idle0, total0 = sample()
    time.sleep(seconds)
    idle1, total1 = sample()
    return (idle1 - idle0) / max(total1 - total0, 1)


def wait_quiet(threshold: float, max_wait_s: float, note: str) -> None:
    """Wait (up to ``max_wait_s``) until the 1-min load average is below ``threshold``.

    The load average lags by a minute or more, so right after one of our own phases it still
    counts our finished workers: a machine idle for >= 95% of the last 10 s counts as quiet too.
    """
    deadline = time.monotonic() + max_wait_s
    while time.monotonic() < deadline:
        if load_average() < threshold:
            return
        idle = idle_share()
        if idle >= 0.95:
            print(f"  [{note}] load average {load_text()}, but {idle:.0%} idle over 10 s: quiet", flush=True)
            return
        print(f"  [{note}] load average {load_text()}, {idle:.0%} idle; waiting 50 s", flush=True)
        time.sleep(50)
    if load_average() < threshold:
        return
    print(f"  [{note}] load still {load_text()} after waiting; measuring anyway (numbers may be low)", flush=True)


def machine() -> str:
    cpu = "?"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem_gb = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    return f"{os.cpu_count()} cores ({cpu}), {mem_gb:.0f} GB RAM, Python {platform.python_version()}, {build()} build"


def cpu_seconds(pid: int) -> float:
    """utime + stime of a process, in seconds (from /proc/<pid>/stat)."""
    stat = Path(f"/proc/{pid}/stat").read_text()
    fields = stat[stat.rindex(")") + 2 :].split()
    return (int(fields[11]) + int(fields[12])) / TICK


def peak_rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def id_ms(entry_id: bytes | str) -> int:
    s = entry_id.decode() if isinstance(entry_id, bytes) else entry_id
    return int(s.partition("-")[0])


# --------------------------------------------------------------------------- processes


@dataclass
class Proc:
    name: str
    popen: subprocess.Popen[bytes]
    log: Path

    @property
    def pid(self) -> int:
        return self.popen.pid


@dataclass
class Fleet:
    """A set of worker processes: the four pass-through hops, or wirestream workers."""

    kind: str  # "passthrough" | "wirestream"
    procs: list[Proc] = field(default_factory=list)

    def stop(self) -> None:
        for p in self.procs:
            if p.popen.poll() is None:
                p.popen.send_signal(signal.SIGTERM)
        for p in self.procs:
            try:
                p.popen.wait(timeout=20)
            except subprocess.TimeoutExpired:
                p.popen.kill()
                p.popen.wait()

    def check_alive(self) -> None:
        for p in self.procs:
            if p.popen.poll() is not None:
                tail = p.log.read_text(errors="replace")[-2000:]
                raise SystemExit(f"{p.name} exited with {p.popen.returncode}; its log ends:\n{tail}")

    def cpu(self) -> dict[str, float]:
        return {p.name: cpu_seconds(p.pid) for p in self.procs}


def start_passthrough(url: str, logs: Path, client: redis.Redis) -> Fleet:
    fleet = Fleet("passthrough")
    for hop in range(4):
        log = logs / f"passthrough-{hop}.log"
        with log.open("wb") as out:
            popen = subprocess.Popen(
                [PYTHON, "-m", "benchmarks.passthrough", "hop", "--url", url, "--hop", str(hop)],
                cwd=ROOT,
                stdout=out,
                stderr=out,
            )
        fleet.procs.append(Proc(passthrough.HOPS[hop], popen, log))
    deadline = time.monotonic() + 30
    while not all(client.exists(passthrough.ready_key(h)) for h in range(4)):
        fleet.check_alive()
        if time.monotonic() > deadline:
            raise SystemExit("pass-through hops did not start within 30 s")
        time.sleep(0.05)
    return fleet


def start_wirestream(url: str, logs: Path, client: redis.Redis, extract_workers: int = 1, **env: str) -> Fleet:
    fleet = Fleet("wirestream")
    stages = ["ingest", "normalise", *["extract"] * extract_workers, "publish"]
    base_env = {**os.environ, "WIRESTREAM_REDIS_URL": url, "WIRESTREAM_LOG_FORMAT": "json", **env}
    base_env.pop("WIRESTREAM_METRICS_PORT", None)
    for k, stage in enumerate(stages):
        name = stage if stages.count(stage) == 1 else f"{stage}-{k}"
        log = logs / f"wirestream-{name}-{os.getpid()}-{time.monotonic_ns()}.log"
        with log.open("wb") as out:
            command = [PYTHON, "-c", UVLOOP_BOOT] if USE_UVLOOP else [WIRESTREAM]
            popen = subprocess.Popen([*command, "run", stage], cwd=ROOT, env=base_env, stdout=out, stderr=out)
        fleet.procs.append(Proc(name, popen, log))
    deadline = time.monotonic() + 60
    while len(client.keys("wire:heartbeat:*")) < len(stages):
        fleet.check_alive()
        if time.monotonic() > deadline:
            raise SystemExit("wirestream workers did not start within 60 s")
        time.sleep(0.1)
    time.sleep(0.5)  # let the start-up settle (imports done, first polls issued)
    return fleet


# --------------------------------------------------------------------------- load


def fields_of(i: int, cid: str) -> dict[str, bytes]:
    text, agency = story(i)
    return {"text": text.encode(), "source": agency.encode(), "correlation_id": cid.encode()}


def push_all(client: redis.Redis, raw: str, start: int, n: int, tag: str) -> tuple[str, dict[str, int]]:
    """Push stories start..start+n as fast as possible (pipelined); first id, cid -> raw id ms."""
    payloads = [fields_of(start + i, f"{tag}-{start + i}") for i in range(n)]  # built before the clock starts
    sent: dict[str, int] = {}
    first = ""
    for at in range(0, n, PUSH_CHUNK):
        pipe = client.pipeline(transaction=False)
        chunk = payloads[at : at + PUSH_CHUNK]
        for f in chunk:
            pipe.xadd(raw, f)  # type: ignore[arg-type]
        ids = pipe.execute()
        first = first or ids[0].decode()
        for f, eid in zip(chunk, ids, strict=True):
            sent[f["correlation_id"].decode()] = id_ms(eid)
    return first, sent


def entries_added(client: redis.Redis, stream: str) -> int:
    try:
        return int(client.xinfo_stream(stream)["entries-added"])
    except redis.ResponseError:
        return 0


def wait_out(client: redis.Redis, out: str, target: int, fleet: Fleet, timeout: float) -> bytes:
    """Wait until ``out`` has had ``target`` entries added; the id of the last one."""
    deadline = time.monotonic() + timeout
    while entries_added(client, out) < target:
        fleet.check_alive()
        if time.monotonic() > deadline:
            raise SystemExit(f"{out}: only {entries_added(client, out)} of {target} entries after {timeout:.0f} s")
        time.sleep(0.02)
    last = client.xrevrange(out, count=1)
    return last[0][0]  # type: ignore[no-any-return]


@dataclass
class Throughput:
    articles: int
    seconds: float
    cpu: dict[str, float]  # seconds per process over the run
    redis_cpu: float
    load: str  # 1-, 5- and 15-minute load averages just before the run
    all_rates: list[float] = field(default_factory=list)

    @property
    def rate(self) -> float:
        return self.articles / self.seconds

    def runs(self) -> str:
        return "best of " + ", ".join(f"{r:,.0f}" for r in self.all_rates)


def throughput_run(
    client: redis.Redis, fleet: Fleet, server_pid: int, raw: str, out: str, start: int, n: int, tag: str
) -> Throughput:
    before, load = entries_added(client, out), load_text()
    cpu0, r0 = fleet.cpu(), cpu_seconds(server_pid)
    first, _sent = push_all(client, raw, start, n, tag)
    last = wait_out(client, out, before + n, fleet, timeout=max(120.0, n / 20))
    time.sleep(0.3)  # a worker's last commit returns just after the entry lands
    cpu1, r1 = fleet.cpu(), cpu_seconds(server_pid)
    seconds = max(id_ms(last) - id_ms(first), 1) / 1000
    return Throughput(n, seconds, {k: cpu1[k] - cpu0[k] for k in cpu0}, r1 - r0, load)


def best_throughput(
    repeat: int, client: redis.Redis, fleet: Fleet, server_pid: int, raw: str, out: str, start: int, n: int, tag: str
) -> Throughput:
    """The fastest of ``repeat`` throughput runs (new stories each time): the least disturbed."""
    runs = []
    for k in range(repeat):
        runs.append(throughput_run(client, fleet, server_pid, raw, out, start + k * n, n, f"{tag}{k}"))
        time.sleep(1.0)
    best = max(runs, key=lambda r: r.rate)
    best.all_rates = [r.rate for r in runs]
    return best


@dataclass
class Latency:
    samples: list[int]
    load: str
    # wirestream only: ms from the previous stage's emit time (trace) to this stage's, per stage
    per_stage: dict[str, list[int]] = field(default_factory=dict)
    all_runs: list[str] = field(default_factory=list)

    def pct(self, q: float) -> float:
        return percentile(self.samples, q)


def best_paced(
    repeat: int,
    client: redis.Redis,
    fleet: Fleet,
    raw: str,
    out: str,
    start: int,
    rate: float,
    seconds: float,
    tag: str,
) -> tuple[Latency, int]:
    """The paced run with the lowest p99 of ``repeat`` (a shared machine's hiccup ruins one);
    every run's p50 / p99 is kept for the report. Returns it and the stories used."""
    runs = []
    for k in range(repeat):
        time.sleep(3.0)  # let the workers and Redis settle after the previous run
        runs.append(paced_run(client, fleet, raw, out, start + k * int(rate * seconds), rate, seconds, f"{tag}{k}"))
    best = min(runs, key=lambda r: r.pct(99))
    best.all_runs = [f"{r.pct(50):.0f}/{r.pct(99):.0f} (load {r.load.split()[0]})" for r in runs]
    return best, repeat * int(rate * seconds)


def percentile(values: list[int], q: float) -> float:
    s = sorted(values)
    return float(s[min(len(s) - 1, round(q / 100 * (len(s) - 1)))]) if s else float("nan")


def rfc3339_ms(value: str) -> int:
    from datetime import datetime  # noqa: PLC0415 - only for the paced report

    return int(datetime.fromisoformat(value.replace("Z", "+00:00")).timestamp() * 1000)


def paced_run(
    client: redis.Redis, fleet: Fleet, raw: str, out: str, start: int, rate: float, seconds: float, tag: str
) -> Latency:
    n = int(rate * seconds)
    payloads = [fields_of(start + i, f"{tag}-{start + i}") for i in range(n)]
    before, load = entries_added(client, out), load_text()
    since = client.xrevrange(out, count=1)
    since_id = since[0][0] if since else b"0-0"
    sent: dict[str, int] = {}
    t0 = time.perf_counter()
    for i, f in enumerate(payloads):
        delay = t0 + i / rate - time.perf_counter()
        if delay > 0:
            time.sleep(delay)
        sent[f["correlation_id"].decode()] = id_ms(client.xadd(raw, f))  # type: ignore[arg-type]
    wait_out(client, out, before + n, fleet, timeout=120)
    samples: list[int] = []
    per_stage: dict[str, list[int]] = {}
    cursor = b"(" + since_id
    while True:
        chunk = client.xrange(out, min=cursor, count=1000)
        if not chunk:
            break
        for eid, fields in chunk:
            event = orjson.loads(fields[b"__data__"])
            cid = event.get("correlationid")
            if cid in sent:
                raw_ms = sent.pop(cid)
                samples.append(id_ms(eid) - raw_ms)
                trace = event.get("data", {}).get("trace") or {}
                previous = raw_ms
                for stage in STAGES:
                    if stage in trace:
                        at = rfc3339_ms(trace[stage]["at"])
                        per_stage.setdefault(stage, []).append(at - previous)
                        previous = at
        cursor = b"(" + chunk[-1][0]
    if sent:
        raise SystemExit(f"{len(sent)} paced articles never reached {out}")
    return Latency(samples, load, per_stage)


def redis_memory(client: redis.Redis) -> tuple[float, float]:
    info = client.info("memory")
    return info["used_memory"] / 2**20, info["used_memory_rss"] / 2**20


def large_run(client: redis.Redis, url: str, logs: Path, server_pid: int, n: int, start: int) -> None:
    """``n`` articles fed as fast as the pipeline takes them; Redis memory sampled as it goes."""
    retain = 10_000
    client.flushall()
    fleet = start_wirestream(url, logs, client, WIRESTREAM_RETAIN=str(retain))
    window, chunk = 3000, 500
    pushed, samples, peak = 0, [], 0.0
    t0 = time.monotonic()
    next_sample = t0
    try:
        while True:
            done = entries_added(client, "wire:enriched")
            if done >= n:
                break
            fleet.check_alive()
            if pushed < n and pushed - done < window:
                k = min(chunk, n - pushed)
                pipe = client.pipeline(transaction=False)
                for i in range(start + pushed, start + pushed + k):
                    pipe.xadd("wire:raw", fields_of(i, f"large-{i}"))  # type: ignore[arg-type]
                pipe.execute()
                pushed += k
            else:
                time.sleep(0.05)
            if time.monotonic() >= next_sample:
                used, _rss = redis_memory(client)
                peak = max(peak, used)
                samples.append((done, used))
                next_sample += 5
        elapsed = time.monotonic() - t0
        time.sleep(6)  # one more trim round
        used, rss = redis_memory(client)
        lengths = {s: client.xlen(f"wire:{s}") for s in ("raw", "ingested", "normalised", "extracted", "enriched")}
        keys = client.dbsize()
        rss_peaks = {p.name: peak_rss_mb(p.pid) for p in fleet.procs}
    finally:
        fleet.stop()
    print()
    print(f"Large run: {n:,} articles in {elapsed:.0f} s ({n / elapsed:.0f}/s), WIRESTREAM_RETAIN={retain:,}, "
          f"load average {load_text()}")  # fmt: skip
    quarter = max(1, len(samples) // 8)
    print("  Redis used_memory while running (articles done -> MB): " + ", ".join(
        f"{d:,} -> {u:.0f}" for d, u in samples[::quarter]))  # fmt: skip
    print(f"  peak used_memory {peak:.0f} MB; after the run {used:.0f} MB (RSS {rss:.0f} MB)")
    print(f"  stream lengths after the run: {lengths}")
    print(f"  keys: {keys:,} (dedupe and published guard keys, one per article, expire after their TTLs)")
    print(f"  peak RSS per worker (MB): {', '.join(f'{k} {v:.0f}' for k, v in rss_peaks.items())}")


# --------------------------------------------------------------------------- report


def cpu_table(run: Throughput) -> list[tuple[str, float]]:
    return [(k, v / run.articles * 1e6) for k, v in run.cpu.items()]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--articles", type=int, default=5000, help="articles per throughput run (default 5000)")
    ap.add_argument("--paced-seconds", type=float, default=20.0, help="length of the paced run (default 20)")
    ap.add_argument(
        "--repeat", type=int, default=2, help="throughput and paced runs per set-up; the best is kept (default 2)"
    )
    ap.add_argument("--rate", type=float, default=100.0, help="paced load, articles/s (default 100)")
    ap.add_argument("--large", action="store_true", help="also the 100,000-article Redis-memory run")
    ap.add_argument("--large-articles", type=int, default=100_000)
    ap.add_argument("--quiet-load", type=float, default=0.7, help="wait for the 1-min load to drop below this")
    ap.add_argument("--max-wait", type=float, default=600.0, help="seconds to wait for a quiet machine at most")
    ap.add_argument("--skip", nargs="*", default=[], choices=["passthrough", "two-extract", "paced"])
    ap.add_argument("--logs", type=Path, default=None, help="folder for worker logs (default: a temp folder)")
    ap.add_argument("--uvloop", action="store_true", help="run the workers on uvloop (experiment)")
    args = ap.parse_args(argv)
    global USE_UVLOOP
    USE_UVLOOP = args.uvloop

    logs = args.logs or Path(tempfile.mkdtemp(prefix="wirestream-bench-"))
    logs.mkdir(parents=True, exist_ok=True)
    n = args.articles
    print(f"wirestream pipeline benchmark: {machine()}")
    print(f"{n:,} stories of 1-3 KB per throughput run; paced {args.rate:g}/s for {args.paced_seconds:g} s; "
          f"worker logs in {logs}", flush=True)  # fmt: skip

    server = RedisServer().start()
    assert server.proc is not None
    client = redis.Redis.from_url(server.url)
    version = client.info("server")["redis_version"]
    results: dict[str, object] = {}
    offset = 0  # every run pushes new stories, so no duplicate is dropped
    try:
        paced = "paced" not in args.skip

        def measure(fleet: Fleet, raw: str, out: str, tag: str, label: str, with_paced: bool) -> None:
            """Throughput (best of --repeat), then the paced latency run, on fresh stories each time."""
            nonlocal offset
            run = best_throughput(args.repeat, client, fleet, server.proc.pid, raw, out, offset, n, tag)
            offset += n * args.repeat
            print(f"  {label}: {run.rate:,.0f} articles/s ({run.runs()}; load before {run.load})", flush=True)
            results[tag] = run
            if with_paced:
                lat, used = best_paced(
                    args.repeat, client, fleet, raw, out, offset, args.rate, args.paced_seconds, f"{tag}p"
                )
                offset += used
                print(f"  {label} paced p50/p99 ms: {', '.join(lat.all_runs)}", flush=True)
                results[f"{tag}_lat"] = lat

        if "passthrough" not in args.skip:
            wait_quiet(args.quiet_load, args.max_wait, "pass-through")
            fleet = start_passthrough(server.url, logs, client)
            try:
                measure(fleet, "pt:raw", "pt:enriched", "pt", "pass-through", paced)
            finally:
                fleet.stop()
            client.flushall()

        wait_quiet(args.quiet_load, args.max_wait, "wirestream")
        fleet = start_wirestream(server.url, logs, client)
        try:
            measure(fleet, "wire:raw", "wire:enriched", "ws", "wirestream", paced)
            rss = {p.name: peak_rss_mb(p.pid) for p in fleet.procs}
            log_bytes = {p.name: p.log.stat().st_size for p in fleet.procs}
        finally:
            fleet.stop()
        time.sleep(6)
        results["mem"] = redis_memory(client)
        enriched_len = client.xlen("wire:enriched")
        client.flushall()

        if "two-extract" not in args.skip:
            wait_quiet(args.quiet_load, args.max_wait, "two extract workers")
            fleet = start_wirestream(server.url, logs, client, extract_workers=2)
            try:
                measure(fleet, "wire:raw", "wire:enriched", "ws2", "wirestream, 2 extract workers", False)
                rss.update({p.name: peak_rss_mb(p.pid) for p in fleet.procs if p.name not in rss})
            finally:
                fleet.stop()
            client.flushall()

        if args.large:
            wait_quiet(args.quiet_load, args.max_wait, "large run")
            large_run(client, server.url, logs, server.proc.pid, args.large_articles, offset)
    finally:
        client.close()
        server.cleanup()

    report(results, n, args, rss, log_bytes, enriched_len, version)
    return 0


def report(
    results: dict, n: int, args: argparse.Namespace, rss: dict, log_bytes: dict, enriched_len: int, version: str
) -> None:  # type: ignore[type-arg]
    pt: Throughput | None = results.get("pt")
    ws: Throughput = results["ws"]
    ws2: Throughput | None = results.get("ws2")
    print()
    print(f"Results ({n:,} articles; Redis {version}; load average now {load_text()})")
    print("-" * 78)
    print(f"{'':44}{'redis-py limit':>16}{'wirestream':>14}")
    pt_rate = f"{pt.rate:,.0f}" if pt else "-"
    print(f"{'throughput, articles/s':44}{pt_rate:>16}{ws.rate:>14,.0f}")
    if pt:
        print(f"{'  wirestream / limit':44}{'':>16}{ws.rate / pt.rate:>14.1%}")
    if ws2:
        print(f"{'throughput, two extract workers, articles/s':44}{'':>16}{ws2.rate:>14,.0f}")
        if pt:
            print(f"{'  wirestream (two extract) / limit':44}{'':>16}{ws2.rate / pt.rate:>14.1%}")
    pl, wl = results.get("pt_lat"), results.get("ws_lat")
    for label, q in (("p50", 50), ("p99", 99), ("max", 100)):
        a = f"{pl.pct(q):.0f}" if pl else "-"
        b = f"{wl.pct(q):.0f}" if wl else "-"
        print(f"{f'latency {label} at {args.rate:g}/s, ms':44}{a:>16}{b:>14}")
    if wl and wl.per_stage:
        print("  wirestream latency by stage (previous emit -> this emit), p50 / p99 ms: " + ", ".join(
            f"{k} {percentile(v, 50):.0f} / {percentile(v, 99):.0f}" for k, v in wl.per_stage.items()))  # fmt: skip
    print(f"{'CPU per article, all processes + Redis, µs':44}"
          f"{(sum(pt.cpu.values()) + pt.redis_cpu) / n * 1e6 if pt else 0:>16,.0f}"
          f"{(sum(ws.cpu.values()) + ws.redis_cpu) / n * 1e6:>14,.0f}")  # fmt: skip
    used, rss_redis = results["mem"]
    print(f"{'Redis used_memory after the run, MB':44}{'':>16}{used:>14.1f}")
    print(f"{'Redis used_memory_rss after the run, MB':44}{'':>16}{rss_redis:>14.1f}")
    print(f"{'  (wire:enriched holds, entries)':44}{'':>16}{enriched_len:>14,}")
    print(f"load average before the best runs: limit {pt.load if pt else '-'}; wirestream {ws.load}")
    print()
    print("Per wirestream worker (throughput run)")
    print(f"{'worker':12}{'CPU µs/article':>16}{'peak RSS MB':>14}{'log B/article':>15}")
    slowest = max(ws.cpu, key=lambda k: ws.cpu[k])
    for name, us in cpu_table(ws):
        mark = "  <- slowest" if name == slowest else ""
        # the log file also holds the paced run's articles
        per_log = log_bytes[name] / (n + int(args.rate * args.paced_seconds)) / args.repeat
        print(f"{name:12}{us:16,.0f}{rss[name]:14.0f}{per_log:15,.0f}{mark}")
    print(f"{'redis-server':12}{ws.redis_cpu / n * 1e6:16,.0f}")
    if pt:
        print(f"(limit, per hop µs/article: {', '.join(f'{k} {v:,.0f}' for k, v in cpu_table(pt))}; "
              f"redis-server {pt.redis_cpu / n * 1e6:,.0f})")  # fmt: skip
    if ws2:
        print()
        print(f"Two extract workers: {ws2.rate:,.0f} articles/s vs {ws.rate:,.0f} with one "
              f"({ws2.rate / ws.rate - 1:+.0%}); load {ws2.load}")  # fmt: skip
        print("  CPU µs/article: " + ", ".join(f"{k} {v:,.0f}" for k, v in cpu_table(ws2)))
        print("  peak RSS MB: " + ", ".join(f"{k} {rss[k]:.0f}" for k, _ in cpu_table(ws2) if k in rss))


if __name__ == "__main__":
    raise SystemExit(main())
