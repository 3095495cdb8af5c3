"""What a correct pipeline makes of the TASS reference story, written by hand from the text."""

from __future__ import annotations

from typing import Any

HEADLINE = "Kremlin stresses cooperation with US vital to avoid IS militants’ revitalization in Syria"
STANDFIRST = "The Kremlin believes possible loss of Palmyra is a blow to the image of the entire humankind"
PESKOV_QUOTES = (
    "We regret that we still did not manage to prevent such active offences",
    "This cooperation was likely to enable us to avoid similar attacks of terrorists",
    "We hope that these counterattacks by Islamic State gunmen will be suppressed soon",
    "What is happening around Palmyra is further evidence",
    "Possible loss of Palmyra is a blow to the entire civilized humankind",
    "It is not Russia that is losing Palmyra",
)


def assert_tass_article(data: dict[str, Any]) -> None:
    """The enriched TASS article has the hand-checked headline, dateline, blocks and quotes."""
    assert data["headline"] == HEADLINE
    assert data["subheadline"] == STANDFIRST
    assert data["boilerplate"] == ["All news"]
    dateline = data["dateline"]
    assert (dateline["city"], dateline["date_text"], dateline["agency"]) == ("MOSCOW", "December 12", "TASS")
    body = data["body"]
    assert body[0]["kind"] == "paragraph"
    assert body[0]["text"].startswith("A lack of cooperation with the United States")
    assert "MOSCOW" not in body[0]["text"], "the dateline must be cut from the first paragraph"
    headings = [b["text"] for b in body if b["kind"] == "heading"]
    assert headings == ["Palmyra developments"]
    assert not any("\u00a0" in b["text"] for b in body), "no-break spaces must be cleaned"
    by_text = {q["text"]: q for q in data["quotes"]}
    for opening in PESKOV_QUOTES:
        matches = [q for t, q in by_text.items() if t.startswith(opening)]
        assert matches, f"quote not found: {opening!r}"
        assert matches[0]["speaker"] == "Dmitry Peskov", f"{opening!r} attributed to {matches[0]['speaker']!r}"
    people = {e["name"] for e in data["entities"] if e["type"] == "person"}
    assert "Dmitry Peskov" in people
    places = {e["name"] for e in data["entities"] if e["type"] == "place"}
    assert {"Palmyra", "Syria", "Moscow"} <= places
