from __future__ import annotations

import pytest

from services.core.errors import EmptyInput
from services.normalise.formats import anpa1312
from tests.unit._formats_fixtures import fixture


def test_writethru_heads_byline_and_take_key() -> None:
    """An AP write-through yields headline, byline, slugline and its take key as a signal."""
    parsed = anpa1312.parse(fixture("anpa_harbour.tst"))
    assert parsed.format == "anpa1312"
    assert parsed.headline == "Grey seals return to a harbour they left a century ago"
    assert parsed.byline == "By MARGARET OSTLER"
    assert parsed.slugline == "Harbour-Seals"
    assert parsed.signals == ["2ndLd-Writethru"]


def test_editors_notes_go_to_boilerplate_not_body() -> None:
    """Eds:, EDITOR'S NOTE, photo lines, byline title and trailer are boilerplate."""
    parsed = anpa1312.parse(fixture("anpa_harbour.tst"))
    assert parsed.boilerplate == [
        "AP Photo ZZZ101, ZZZ102",
        "Eds: Updates with comment from harbour master. With AP Photos.",
        "EDITOR'S NOTE _ This story is part of an occasional series on coastal wildlife.",
        "Associated Press",
        "AP-WF-03-14-24 1630GMT",
    ]
    assert not any("EDITOR" in block.text or "Eds:" in block.text for block in parsed.body)


def test_dateline_cut_from_first_paragraph() -> None:
    """The "PORTLAND, Maine (AP) _" dateline is read and cut from the first paragraph."""
    parsed = anpa1312.parse(fixture("anpa_harbour.tst"))
    assert parsed.dateline is not None
    assert (parsed.dateline.city, parsed.dateline.agency) == ("PORTLAND", "AP")
    assert parsed.body[0].text.startswith("A colony of grey seals has settled")
    assert [b.kind for b in parsed.body] == ["paragraph"] * 3
    assert parsed.body[1].text.startswith("``We counted forty-two")


def test_header_fields_and_trailer_time() -> None:
    """The transmission header gives sequence, priority, category, word count and time."""
    header = anpa1312.read_header(fixture("anpa_harbour.tst"))
    assert (header.sequence, header.priority, header.category) == ("1234", "r", "a")
    assert header.word_count == 412
    assert header.tabular is False
    assert header.transmitted is not None
    assert header.transmitted.isoformat() == "2024-03-14T16:30:00+00:00"


def test_tabular_rows_are_preformatted() -> None:
    """DC4+DC2 agate keeps its rows together as one preformatted block."""
    parsed = anpa1312.parse(fixture("anpa_glance.tst"))
    assert anpa1312.read_header(fixture("anpa_glance.tst")).tabular is True
    assert parsed.headline == "County Championship Table"
    assert parsed.byline == "By The Associated Press"
    assert parsed.body[0].model_dump() == {"kind": "heading", "text": "DIVISION ONE"}
    assert parsed.body[1].model_dump() == {
        "kind": "preformatted",
        "text": ";P;W;L;Pts\nKent;9;6;1;142\nNorth Riding;9;5;2;128",
    }
    assert parsed.body[2].text == "Table correct after Sunday's matches."


def test_take_without_etx_still_parses() -> None:
    """A take cut off before ETX keeps its heads and the text received so far."""
    parsed = anpa1312.parse(fixture("anpa_no_etx.tst"))
    assert parsed.headline == "Storm closes river bridge for second day"
    assert parsed.dateline is not None and parsed.dateline.city == "HAMBURG"
    assert parsed.body[-1].text == "Police said the crossing would reopen once gusts fell below"


def test_empty_take_is_empty_input() -> None:
    """White space alone is EmptyInput."""
    with pytest.raises(EmptyInput):
        anpa1312.parse(" \r\n ")
