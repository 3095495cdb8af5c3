"""Every real agency file in the shared samples goes through all four stages without a bug.

A sample may be refused as invalid input, with a reason; none may make a stage raise (which
a worker would retry and then dead-letter as poison).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from services.core.schemas import validate_event
from services.core.settings import load_settings
from services.pipeline import run_offline
from tests.conftest import samples_dir

SETTINGS = load_settings(consumer="acceptance")


def _files() -> list[Path]:
    root = samples_dir()
    return sorted(p for p in root.rglob("*") if p.is_file() and p.suffix != ".md" and "ninjs-schema" not in p.parts)


@pytest.mark.parametrize("path", _files(), ids=lambda p: f"{p.parent.name}/{p.name}")
def test_sample_is_enriched_with_a_valid_event(path: Path) -> None:
    """The sample comes out enriched, its event valid against the schema, with a headline or body."""
    outcome = run_offline({b"text": path.read_bytes(), b"source": path.parent.name.encode()}, SETTINGS)
    assert outcome.kind == "out", f"{outcome.error_type}: {outcome.reason}"
    assert outcome.event is not None
    validate_event(outcome.event)
    data = outcome.event["data"]
    assert data["headline"] or data["body"]
    for entity in data["entities"]:
        for m in entity["mentions"]:
            if m["block"] is not None:
                text = data["body"][m["block"]]["text"][m["start"] : m["end"]]
                assert text.strip(), f"empty mention of {entity['name']}"


def test_the_tass_reference_story_has_its_dateline_date_from_the_weekday() -> None:
    """Received in 2016, the TASS story's 'December 12' resolves to 2016-12-12 (a Monday)."""
    path = samples_dir() / "tass" / "kremlin-palmyra-2016-12-12.txt"
    fields = {b"text": path.read_bytes(), b"source": b"tass", b"received_at": b"2016-12-12T13:05:00Z"}
    outcome = run_offline(fields, SETTINGS)
    assert outcome.event is not None
    assert outcome.event["data"]["dateline"]["date"] == "2016-12-12"
