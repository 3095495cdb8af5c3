"""Chaos: push articles while random workers are kill -9'd and restarted; count what came out.

    .venv/bin/python -m benchmarks.chaos --articles 10000

Runs against a private redis-server (services.localredis), two ``wirestream run STAGE``
processes per stage, and prints the figures: articles, kills, wall time, throughput,
duplicates and losses on wire:enriched, entries pending, dead letters. The CI-sized run is
tests/e2e/test_chaos.py, which calls :func:`run_chaos` below.
"""

from __future__ import annotations

import argparse
import random
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

import redis

if __package__ in (None, ""):  # run as a file: make the repo importable
    sys.path.append(str(Path(__file__).resolve().parents[1]))  # after site-packages: an installed build wins

from benchmarks.corpus import FILLER
from services.core.streams import STAGES
from services.core.text import clean_text
from services.ingest.logic import stable_id
from services.localredis import private_redis
from tests.e2e._workers import ConfiguredWorkers, dead_letters, enriched_subjects, pending

CITIES = (
    ("OSLO", "Reuters"), ("BERLIN", "dpa"), ("MOSCOW", "TASS"), ("NAIROBI", "AFP"), ("LIMA", "AP"),
    ("JAKARTA", "Reuters"), ("OTTAWA", "CP"), ("CAIRO", "AFP"), ("MADRID", "EFE"), ("SEOUL", "Yonhap"),
)  # fmt: skip
SUBJECTS = ("harbour", "railway", "grain market", "election", "copper mine", "bridge", "airport", "dam", "port strike")
VERBS = ("reopened", "was shut", "drew protests", "won approval", "missed its target", "was expanded", "stalled")
PEOPLE = ("Lise Berg", "Anna Lindqvist", "Daniel Hynes", "Maria Costa", "Kenji Sato", "Omar Haddad", "Ruth Mwangi")
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October")


def story(i: int) -> str:
    """A distinct, plausible wire story of about 1-2 KB (distinct text, so dedupe keeps it)."""
    rng = random.Random(i)
    city, agency = CITIES[i % len(CITIES)]
    subject, verb, person = rng.choice(SUBJECTS), rng.choice(VERBS), rng.choice(PEOPLE)
    month, day = MONTHS[i % len(MONTHS)], 1 + i % 28
    paragraphs = [
        f"{subject.capitalize()} {verb} in {city.title()} (story {i})",
        f"{city}, {month} {day} ({agency}) - The {subject} {verb} on Tuesday, officials said, "
        f"in a decision that affects about {rng.randint(2, 900)},000 people.",
        f'"We expect the {subject} to be fully back in service within {rng.randint(2, 30)} days," {person} said.',
    ]
    paragraphs += rng.sample(FILLER, k=rng.randint(9, len(FILLER)))
    paragraphs.append(f"The cost was put at ${rng.randint(1, 900)} million, reference {i:06d}.")
    return "\n\n".join(paragraphs) + "\n"


@dataclass
class Figures:
    articles: int
    kills: int = 0
    wall_s: float = 0.0
    enriched_entries: int = 0
    distinct: int = 0
    duplicates: int = 0
    missing: int = 0
    unexpected: int = 0
    pending: dict[str, int] = field(default_factory=dict)
    dead: int = 0
    finished: bool = False
    exit_codes: list[int | None] = field(default_factory=list)

    @property
    def throughput(self) -> float:
        return self.distinct / self.wall_s if self.wall_s else 0.0

    def lines(self) -> list[str]:
        return [
            f"articles            {self.articles}",
            f"kills (kill -9)     {self.kills}",
            f"wall time           {self.wall_s:.1f} s",
            f"throughput          {self.throughput:.1f} articles/s end to end",
            f"enriched entries    {self.enriched_entries} ({self.distinct} distinct)",
            f"duplicates          {self.duplicates}",
            f"missing             {self.missing}",
            f"unexpected ids      {self.unexpected}",
            f"pending             {sum(self.pending.values())} {self.pending}",
            f"dead letters        {self.dead}",
            f"finished in time    {self.finished}",
            f"exit codes (TERM)   {self.exit_codes}",
        ]


STARTUP_S = 5.0


def _terminate(workers: ConfiguredWorkers, timeout: float = 15.0) -> list[int | None]:
    """SIGTERM every worker and collect the exit codes (None: still running after ``timeout``)."""
    for proc in workers.procs:
        if proc.poll() is None:
            proc.terminate()
    codes: list[int | None] = []
    for proc in workers.procs:
        try:
            codes.append(proc.wait(timeout=timeout))
        except subprocess.TimeoutExpired:
            codes.append(None)
    return codes


def run_chaos(
    url: str,
    logs: Path,
    *,
    articles: int = 1200,
    copies: int = 2,
    kill_for_s: float = 25.0,
    max_kills: int = 30,
    kill_every_s: tuple[float, float] = (0.5, 1.0),
    timeout_s: float = 120.0,
    batch: int = 20,
    seed: int = 7,
) -> Figures:
    """Push ``articles`` while killing random workers; wait for the survivors to finish."""
    client = redis.Redis.from_url(url)
    rng = random.Random(seed)
    texts = [story(i) for i in range(articles)]
    expected = {stable_id("chaos", clean_text(t)) for t in texts}
    assert len(expected) == articles, "generated stories must be distinct"
    workers = ConfiguredWorkers(
        url, logs, WIRESTREAM_MIN_IDLE_MS="2000", WIRESTREAM_BLOCK_MS="200", WIRESTREAM_BATCH=str(batch)
    )
    figures = Figures(articles=articles)
    started = time.monotonic()
    try:
        workers.start(*[["run", stage] for stage in STAGES for _ in range(copies)])

        def push() -> None:
            for lo in range(0, articles, 100):
                pipe = client.pipeline(transaction=False)
                for text in texts[lo : lo + 100]:
                    pipe.xadd("wire:raw", {"text": text, "source": "chaos"})
                pipe.execute()
                time.sleep(0.2)

        pusher = threading.Thread(target=push, daemon=True)
        pusher.start()
        kill_until = started + kill_for_s
        while time.monotonic() < kill_until and figures.kills < max_kills:
            time.sleep(rng.uniform(*kill_every_s))
            workers.kill_slot(rng.randrange(len(workers.procs)))
            figures.kills += 1
        pusher.join()
        deadline = started + timeout_s
        while time.monotonic() < deadline:
            for slot in workers.dead():  # a worker that died on its own is a failure, shown in the logs
                raise RuntimeError(f"worker {workers.commands[slot]} exited by itself:\n{workers.tail()}")
            if client.xlen("wire:enriched") >= articles and not any(pending(client).values()):
                figures.finished = True
                break
            time.sleep(0.25)
        figures.wall_s = time.monotonic() - started
        # Anything still in flight would show up now; and a worker restarted a moment ago
        # gets to finish starting up before it is asked to stop.
        time.sleep(max(1.0, STARTUP_S - workers.youngest_age()))
        figures.exit_codes = _terminate(workers)
    finally:
        workers.kill()
    subjects = enriched_subjects(client)
    figures.enriched_entries = sum(subjects.values())
    figures.distinct = len(subjects)
    figures.duplicates = figures.enriched_entries - figures.distinct
    figures.missing = len(expected - subjects.keys())
    figures.unexpected = len(subjects.keys() - expected)
    figures.pending = pending(client)
    figures.dead = len(dead_letters(client))
    client.close()
    return figures


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--copies", type=int, default=2, help="worker processes per stage")
    parser.add_argument("--kill-for", type=float, default=120.0, help="seconds during which workers are killed")
    parser.add_argument("--max-kills", type=int, default=150)
    parser.add_argument("--timeout", type=float, default=900.0)
    parser.add_argument("--batch", type=int, default=20)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args(argv)
    with private_redis() as url, tempfile.TemporaryDirectory(prefix="wirestream-chaos-") as logs:
        figures = run_chaos(
            url,
            Path(logs),
            articles=args.articles,
            copies=args.copies,
            kill_for_s=args.kill_for,
            max_kills=args.max_kills,
            timeout_s=args.timeout,
            batch=args.batch,
            seed=args.seed,
        )
    print("\n".join(figures.lines()))
    ok = figures.finished and not (
        figures.duplicates or figures.missing or figures.dead or any(figures.pending.values())
    )
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
