"""Every key comes from one function of (prefix, stage, partition)."""

from __future__ import annotations

from services.core.streams import STAGES, Keys, group_of


def test_default_names_are_the_designed_ones() -> None:
    """One partition and prefix 'wire' give the stream names of DESIGN.md."""
    k = Keys()
    assert [k.input(s) for s in STAGES] == ["wire:raw", "wire:ingested", "wire:normalised", "wire:extracted"]
    assert [k.output(s) for s in STAGES] == ["wire:ingested", "wire:normalised", "wire:extracted", "wire:enriched"]
    assert k.dead == "wire:dead"
    assert [group_of(s) for s in STAGES] == ["ingest", "normalise", "extract", "publish"]


def test_prefix_and_partition_share_a_hash_tag() -> None:
    """A partition's keys carry one hash tag, so they land in one cluster slot."""
    k = Keys(prefix="news", partition=3)
    assert k.raw == "news:{p3}:raw"
    assert k.published("a-1", 2) == "news:{p3}:published:a-1:2"
    assert k.dedupe("a-1").startswith("news:{p3}:")
