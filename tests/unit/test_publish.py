"""Publish: which articles are versions of one story."""

from __future__ import annotations

import pytest

from services.core.models import ExtractedArticle, RawInfo
from services.publish.logic import story_key


def article(**fields: object) -> ExtractedArticle:
    base: dict[str, object] = {
        "id": "a-1",
        "received_at": "2024-01-01T00:00:00Z",
        "correlation_id": "a-1",
        "raw": RawInfo(sha256="0", size=1, charset="utf-8"),
        "format": "text",
        "source": "ap",
    }
    return ExtractedArticle(**(base | fields))  # type: ignore[arg-type]


def test_external_id_makes_the_story() -> None:
    """Two articles with one external id (and source) share a story key."""
    assert story_key(article(external_id="X1", slugline="A")) == story_key(article(id="a-2", external_id="X1"))


@pytest.mark.parametrize(
    ("first", "later"),
    [
        ("BC-US--Earns-Nutrisystem", "BC-US--Earns-Nutrisystem, 1st Ld-Writethru"),
        ("Harbour-Seals", "Harbour-Seals, 2nd Ld-Writethru"),
        ("Germany-politics", "Germany-politics Correction"),
        ("Storm-Carolina", "storm-carolina"),
    ],
)
def test_slugline_with_take_keys_stripped_makes_the_story(first: str, later: str) -> None:
    """A slugline keeps its story across write-throughs, corrections and case changes."""
    assert story_key(article(slugline=first)) == story_key(article(id="a-2", slugline=later))


def test_another_source_is_another_story() -> None:
    """The same slugline from another provider is a different story."""
    assert story_key(article(slugline="Storm")) != story_key(article(slugline="Storm", source="afp"))


def test_update_signal_links_by_headline() -> None:
    """Copy flagged as an update, with no id or slugline, joins the story of the same headline."""
    v2 = article(id="a-2", headline="Gold rises on Fed bets", signals=["update:2"])
    v1 = article(headline="Gold rises on Fed bets", signals=["update:1"])
    assert story_key(v2) == story_key(v1)
    assert story_key(v2) is not None


def test_plain_copy_has_no_story() -> None:
    """Copy with no id, slugline or update signal is a story of its own (version 1)."""
    assert story_key(article(headline="Gold rises")) is None
