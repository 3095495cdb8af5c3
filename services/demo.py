"""`make demo`: a private Redis, the four workers as processes, samples/ pushed, results shown.

Everything it starts, it stops, including on Ctrl-C.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from contextlib import ExitStack
from pathlib import Path

from rich.console import Console

from services.cli import summary
from services.core.admin import Admin
from services.core.streams import STAGES, Keys
from services.localredis import NoRedisAvailable, private_redis

SAMPLES = Path(__file__).resolve().parents[1] / "samples"
console = Console()


def _start_workers(url: str) -> list[subprocess.Popen[bytes]]:
    env = {**os.environ, "WIRESTREAM_REDIS_URL": url, "WIRESTREAM_LOG_FORMAT": "json"}
    exe = Path(sys.executable).with_name("wirestream")
    return [
        subprocess.Popen([str(exe), "run", stage], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        for stage in STAGES
    ]


def _stop(workers: list[subprocess.Popen[bytes]]) -> None:
    for w in workers:
        if w.poll() is None:
            w.send_signal(signal.SIGTERM)
    for w in workers:
        try:
            w.wait(timeout=15)
        except subprocess.TimeoutExpired:
            w.kill()


def main() -> int:
    files = sorted(p for p in SAMPLES.iterdir() if p.is_file())
    try:
        with ExitStack() as stack:
            url = stack.enter_context(private_redis())
            console.print(f"[dim]private Redis at {url}[/dim]")
            admin = Admin(url, Keys())
            keys = admin.keys
            for path in files:
                admin.push({"text": path.read_bytes(), "source": path.stem.split("-")[0]})
            console.print(f"pushed {len(files)} stories from samples/ to {keys.raw}; starting four workers")
            workers = _start_workers(url)
            stack.callback(_stop, workers)
            deadline = time.monotonic() + 60
            while time.monotonic() < deadline:
                done = admin.length(keys.enriched) + admin.length(keys.dead)
                if done >= len(files) or any(w.poll() is not None for w in workers):
                    break
                time.sleep(0.2)
            for _id, event in admin.events(keys.enriched):
                console.print(summary(event), highlight=False)
                console.print()
            for _id, event in admin.events(keys.dead):
                data = event["data"]
                console.print(f"[red]dead letter[/red] at {data['stage']}: {data['reason']}")
            enriched = admin.length(keys.enriched)
            console.print(f"[bold]{enriched} of {len(files)} stories enriched[/bold]; stopping workers and Redis")
            return 0 if enriched == len(files) else 1
    except NoRedisAvailable as exc:
        console.print(f"[red]{exc}[/red]")
        return 2


if __name__ == "__main__":
    sys.exit(main())
