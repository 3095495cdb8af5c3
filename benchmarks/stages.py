"""In-process micro-benchmark of each stage on one core, no Redis.

    .venv/bin/python -m benchmarks.stages --articles 2000

Prints, on the benchmark corpus (benchmarks/corpus.py, 1-3 KB stories):
- normalise MB/s and extract MB/s per core, through services.normalise.logic.normalise and
  services.extract.analyse.analyse directly (MB of raw input text; issue 3's target is
  normalise >= 5 MB/s, issue 4's extract >= 1 MB/s);
- extract MB/s again on the hand-written evaluation stories (tests/eval), whose names all
  differ, as unseen copy's do;
- each whole stage's cost per article through services.core.stage.handle_entry (the code the
  workers run: decode JSON, validate the model, the stage function, dump, CloudEvent, encode),
  next to the stage function alone, so the envelope overhead is plain.
"""

from __future__ import annotations

import argparse
import gc
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

if __package__ in (None, ""):  # run as a file: make the repo importable
    sys.path.append(str(Path(__file__).resolve().parents[1]))  # after site-packages: an installed build wins

from benchmarks.corpus import corpus
from services import build
from services.core.envelope import DATA_FIELD, decode
from services.core.models import ExtractedArticle, IngestedArticle, NormalisedArticle
from services.core.settings import load_settings
from services.core.stage import Entry, Outcome, StageContext, handle_entry
from services.core.streams import STAGES, Keys
from services.extract.analyse import analyse
from services.normalise.logic import normalise
from services.pipeline import load_stage, run_offline_until

EVAL_DIR = Path(__file__).resolve().parents[1] / "tests" / "eval"


def _is_story(path: Path) -> bool:
    return path.suffix in (".txt", ".xml", ".json") and not path.name.endswith(".expected.json")


def _best(fn: Callable[[], Any], repeat: int) -> float:
    """Best of ``repeat`` timings of ``fn`` (seconds): the least disturbed by other processes."""
    best = float("inf")
    for _ in range(repeat):
        t0 = time.process_time()
        fn()
        best = min(best, time.process_time() - t0)
    return best


def load_average() -> str:
    one, five, fifteen = os.getloadavg()
    return f"{one:.2f} {five:.2f} {fifteen:.2f}"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--articles", type=int, default=1000, help="stories in the corpus (default 1000)")
    ap.add_argument("--repeat", type=int, default=3, help="timed passes; the best is kept (default 3)")
    args = ap.parse_args(argv)

    stories = corpus(args.articles)
    raw_bytes = sum(len(t.encode()) for t, _ in stories)
    settings = load_settings(consumer="bench", log_format="json")
    ctx = StageContext(settings=settings, keys=Keys(settings.prefix), consumer="bench")
    stages = [load_stage(s) for s in STAGES]

    # Carry every story through the stages once, keeping each stage's input entries.
    inputs: dict[str, list[Entry]] = {s: [] for s in STAGES}
    for i, (text, agency) in enumerate(stories):
        entry = Entry(id=f"{1_700_000_000_000 + i}-0", fields={b"text": text.encode(), b"source": agency.encode()})
        for stage in stages:
            inputs[stage.name].append(entry)
            outcome: Outcome = handle_entry(stage, entry, ctx)
            if outcome.kind != "out":
                raise SystemExit(f"story {i} did not pass {stage.name}: {outcome.reason}")
            entry = Entry(id=entry.id, fields={DATA_FIELD: outcome.payload})
        ctx.stories.clear()

    ingested = [IngestedArticle.model_validate(decode(e.fields[DATA_FIELD])["data"]) for e in inputs["normalise"]]
    normalised = [NormalisedArticle.model_validate(decode(e.fields[DATA_FIELD])["data"]) for e in inputs["extract"]]
    _ = [ExtractedArticle.model_validate(decode(e.fields[DATA_FIELD])["data"]) for e in inputs["publish"]]

    # The hand-written evaluation stories: every name differs from story to story, so a cost per
    # new name (a pattern compiled, a cache missed) shows here where the generated corpus repeats.
    eval_raw = [p.read_bytes() for p in sorted(EVAL_DIR.iterdir()) if _is_story(p)]
    eval_articles: list[NormalisedArticle] = []
    for i, raw in enumerate(eval_raw):
        out = run_offline_until("normalise", {b"text": raw, b"received_at": b"2025-03-04T10:00:00Z"}, settings, seq=i)
        if out.kind == "out":
            eval_articles.append(NormalisedArticle.model_validate(decode(out.payload)["data"]))
    eval_mb = sum(len(r) for r in eval_raw) / 1e6
    # As each worker does after warm-up: what is loaded now lives on, out of the collector's way
    # (else the first timed pass pays for full collections over every input built above).
    gc.collect()
    gc.freeze()
    t_eval = _best(lambda: [analyse(a) for a in eval_articles], args.repeat)

    n, mb = len(stories), raw_bytes / 1e6
    t_norm = _best(lambda: [normalise(a) for a in ingested], args.repeat)
    t_extract = _best(lambda: [analyse(a) for a in normalised], args.repeat)
    whole: dict[str, float] = {}
    for stage in stages:

        def run_stage(stage: Any = stage) -> None:
            for e in inputs[stage.name]:
                handle_entry(stage, e, ctx)
            ctx.stories.clear()

        whole[stage.name] = _best(run_stage, args.repeat)

    print(f"wirestream stage micro-benchmark: {n} stories, {mb:.2f} MB raw text "
          f"(mean {raw_bytes / n:.0f} B), one core, CPU time, best of {args.repeat}; {build()} build")  # fmt: skip
    print(f"load average at the end: {load_average()}")
    print()
    print(f"{'':34}{'MB/s':>8}{'µs/article':>12}{'target':>16}")
    print(f"{'normalise (parse_copy + clean-up)':34}{mb / t_norm:8.2f}{t_norm / n * 1e6:12.0f}{'>= 5 MB/s':>16}")
    print(f"{'extract (analyse)':34}{mb / t_extract:8.2f}{t_extract / n * 1e6:12.0f}{'>= 1 MB/s':>16}")
    ne = len(eval_articles)
    print(f"{f'extract, {ne} evaluation stories':34}{eval_mb / t_eval:8.2f}{t_eval / ne * 1e6:12.0f}{'>= 1 MB/s':>16}")
    print()
    print("whole stage per article (handle_entry: decode, validate, run, dump, envelope, encode)")
    print(f"{'stage':12}{'µs/article':>12}{'articles/s/core':>18}")
    for name, t in whole.items():
        print(f"{name:12}{t / n * 1e6:12.0f}{n / t:18.0f}")
    total = sum(whole.values())
    print(f"{'all four':12}{total / n * 1e6:12.0f}{n / total:18.0f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
