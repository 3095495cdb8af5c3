"""The four stages in order, and the in-process run behind ``wirestream process``.

It hands each stage's encoded CloudEvent to the next exactly as Redis would, through the
same :func:`handle_entry` the workers call.
"""

from __future__ import annotations

import importlib
import time

from services.core.envelope import DATA_FIELD
from services.core.settings import Settings
from services.core.stage import Entry, Outcome, Stage, StageContext, handle_entry
from services.core.streams import STAGES, Keys


def load_stage(name: str) -> Stage:
    """Import only the stage asked for, so a single-stage worker loads only its own data."""
    if name not in STAGES:
        raise KeyError(name)
    stage: Stage = importlib.import_module(f"services.{name}.logic").STAGE
    return stage


def pipeline() -> tuple[Stage, ...]:
    return tuple(load_stage(name) for name in STAGES)


def run_offline(fields: dict[bytes, bytes], settings: Settings, seq: int = 0) -> Outcome:
    """Carry one producer entry through all four stages with no Redis; the last outcome."""
    return run_offline_until("publish", fields, settings, seq)


def run_offline_until(last: str, fields: dict[bytes, bytes], settings: Settings, seq: int = 0) -> Outcome:
    """Carry one producer entry through the stages up to and including ``last``."""
    stages = pipeline()[: STAGES.index(last) + 1]
    ctx = StageContext(settings=settings, keys=Keys(settings.prefix), consumer=settings.consumer)
    entry = Entry(id=f"{int(time.time() * 1000)}-{seq}", fields=fields)
    outcome = handle_entry(stages[0], entry, ctx)
    for stage in stages[1:]:
        if outcome.kind != "out":
            return outcome
        entry = Entry(id=entry.id, fields={DATA_FIELD: outcome.payload})
        outcome = handle_entry(stage, entry, ctx)
    return outcome
