"""schemas/ is generated from the models; drift fails, and validation catches bad events."""

from __future__ import annotations

import copy

import pytest

from services.core.errors import SchemaViolation
from services.core.schemas import DATA_MODELS, render, schema_path, validate_event
from services.core.settings import load_settings
from services.core.stage import Entry, StageContext, handle_entry
from services.core.streams import Keys
from services.ingest.logic import STAGE as INGEST


@pytest.mark.parametrize("event_type", list(DATA_MODELS))
def test_committed_schema_matches_the_models(event_type: str) -> None:
    """The file in schemas/ equals what the models generate (run `make schemas` after a change)."""
    path = schema_path(event_type)
    assert path.exists(), f"{path} is missing: run `make schemas`"
    assert path.read_bytes() == render(event_type), f"{path} drifted from the models: run `make schemas`"


def _ingested_event() -> dict:  # type: ignore[type-arg]
    ctx = StageContext(settings=load_settings(consumer="t"), keys=Keys(), consumer="t")
    out = handle_entry(INGEST, Entry("1-0", {b"text": b"PARIS (AFP) - Hello."}), ctx)
    assert out.event is not None
    return out.event


def test_a_real_event_validates() -> None:
    """An event the stage emitted passes its own schema."""
    validate_event(_ingested_event())


@pytest.mark.parametrize(
    ("mutate", "where"),
    [
        (lambda e: e.update(specversion="0.3"), "specversion"),
        (lambda e: e["data"].update(version="two"), "data/version"),
        (lambda e: e["data"].pop("id"), "data"),
        (lambda e: e.update(extra=1), "(root)"),
    ],
)
def test_a_broken_event_is_refused_with_its_location(mutate, where: str) -> None:  # type: ignore[no-untyped-def]
    """A schema violation raises SchemaViolation naming where the problem is."""
    event = copy.deepcopy(_ingested_event())
    mutate(event)
    with pytest.raises(SchemaViolation, match=where):
        validate_event(event)
