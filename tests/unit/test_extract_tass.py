"""The reference case: the real TASS Kremlin/Palmyra story from the shared samples."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from services.core.models import Block, Dateline, NormalisedArticle, RawInfo
from services.extract.analyse import Analysis, analyse

REPO = Path(__file__).resolve().parents[2]
SAMPLES = os.environ.get("WIRESTREAM_SAMPLES", str(REPO.parent / "shared" / "wire-samples"))
TASS = Path(SAMPLES) / "tass" / "kremlin-palmyra-2016-12-12.txt"


def _tass(received_at: str) -> NormalisedArticle:
    if not TASS.is_file():
        pytest.fail(f"TASS reference sample missing at {TASS}; set WIRESTREAM_SAMPLES to the wire-samples folder")
    paras = [p.strip() for p in TASS.read_text(encoding="utf-8").split("\n\n") if p.strip()]
    # paras[0] is the site's "All news" navigation line; [1] headline; [2] standfirst.
    first = paras[3].split("/TASS/.", 1)[1].strip()
    body = [first, *paras[4:]]
    return NormalisedArticle(
        id="tass-1",
        received_at=received_at,
        correlation_id="c",
        format="text",
        language="en",
        raw=RawInfo(sha256="0" * 64, size=1, charset="utf-8"),
        headline=paras[1],
        subheadline=paras[2],
        dateline=Dateline(text="MOSCOW, December 12. /TASS/.", city="MOSCOW", date_text="December 12", agency="TASS"),
        body=[Block(kind="heading" if b == "Palmyra developments" else "paragraph", text=b) for b in body],
    )


@pytest.fixture(scope="module")
def result() -> Analysis:
    return analyse(_tass("2016-12-12T11:30:00Z"))


def _by_name(result: Analysis, name: str):  # type: ignore[no-untyped-def]
    found = [e for e in result.entities if e.name == name]
    assert found, f"no entity named {name!r}: {[e.name for e in result.entities]}"
    return found[0]


def test_peskov_is_one_person_with_surname_and_role_aliases(result: Analysis) -> None:
    """Dmitry Peskov, "Peskov" and "the Kremlin spokesman" are one person mentioned in many blocks."""
    peskov = _by_name(result, "Dmitry Peskov")
    assert peskov.type == "person"
    assert "Peskov" in peskov.aliases
    assert any("spokesman" in a for a in peskov.aliases)
    assert len({m.block for m in peskov.mentions}) >= 5
    assert [e.name for e in result.entities].count("Peskov") == 0


def test_organisations_and_people(result: Analysis) -> None:
    """Islamic State (with ISIL), the Kremlin, TASS and Talal al-Barrazi are found with their types."""
    assert _by_name(result, "Islamic State").type == "organisation"
    assert "ISIL" in _by_name(result, "Islamic State").aliases
    assert _by_name(result, "Kremlin").type == "organisation"
    assert _by_name(result, "TASS").type == "organisation"
    assert _by_name(result, "Talal al-Barrazi").type == "person"


def test_places_have_country_codes(result: Analysis) -> None:
    """Each place named in the story resolves to the right country, and adjectives are not entities."""
    expected = {
        "Syria": "SY",
        "United States": "US",
        "Palmyra": "SY",
        "Damascus": "SY",
        "Russia": "RU",
        "Moscow": "RU",
        "Homs": "SY",
    }
    for name, code in expected.items():
        place = _by_name(result, name)
        assert place.type == "place"
        assert place.geo is not None and place.geo.country_code == code, name
        assert place.geo.lat is not None and place.geo.geonames_id is not None
    names = {e.name for e in result.entities}
    assert not names & {"Russian", "Syrian", "Apart", "The", "Monday"}


def test_every_peskov_quote_is_attributed_to_him(result: Analysis) -> None:
    """All ten quotes in the story are Peskov's, whether cued by surname, pronoun or role noun."""
    assert len(result.quotes) == 10
    peskov = _by_name(result, "Dmitry Peskov")
    for q in result.quotes:
        assert (q.speaker, q.speaker_entity) == ("Dmitry Peskov", peskov.id), q.text
    cues = {q.cue for q in result.quotes}
    assert {"told journalists", "added", "said", "stressed"} <= cues


def test_quote_offsets_index_block_text(result: Analysis) -> None:
    """Quote offsets point at the quoted words, without the marks."""
    article = _tass("2016-12-12T11:30:00Z")
    for q in result.quotes:
        assert q.block is not None
        assert article.body[q.block].text[q.start : q.end] == q.text
    assert result.quotes[0].text.startswith("We regret that we still did not manage")


def test_dateline_and_relative_dates(result: Analysis) -> None:
    """December 12 resolves to 2016-12-12 and "last Friday" to 2016-12-09."""
    values = {d.text: d.value for d in result.dates}
    assert values["December 12"] == "2016-12-12"
    assert values["last Friday"] == "2016-12-09"
    assert result.dateline_date == "2016-12-12"


def test_weekday_corrects_a_wrong_received_year() -> None:
    """Received in 2017, the dateline still resolves to 2016 because the story says "on Monday"."""
    assert analyse(_tass("2017-12-12T08:00:00Z")).dateline_date == "2016-12-12"


def test_unknown_received_at_leaves_dateline_unresolved() -> None:
    """With an unparseable received_at the year is unknown, so the date value is null."""
    values = {d.text: d.value for d in analyse(_tass("not a time")).dates}
    assert values["December 12"] is None


def test_distance_quantity(result: Analysis) -> None:
    """ "240 kilometers" is a quantity of 240 km."""
    q = [q for q in result.quantities if q.text == "240 kilometers"]
    assert q and q[0].value == 240 and q[0].unit == "km"
