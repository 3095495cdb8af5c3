from __future__ import annotations

import pytest

from services.core.errors import EmptyInput
from services.normalise.formats import iptc7901
from tests.unit._formats_fixtures import fixture


def test_heads_take_keys_and_byline() -> None:
    """Take-key lines become one signal; the " =" is cut from the heads; "By" is the byline."""
    parsed = iptc7901.parse(fixture("iptc_floods.txt"))
    assert parsed.format == "iptc7901"
    assert parsed.headline == "River Danube bursts its banks in three Austrian towns"
    assert parsed.byline == "By Karin Lehner, dpa"
    assert parsed.slugline == "Austria/weather/floods"
    assert parsed.signals == ["REFILE 1ST LEAD"]


def test_wrapped_lines_join_into_paragraphs_after_dateline() -> None:
    """Hard-wrapped lines join into paragraphs, and the "Vienna (dpa) - " dateline is cut."""
    parsed = iptc7901.parse(fixture("iptc_floods.txt"))
    assert parsed.dateline is not None
    assert (parsed.dateline.city, parsed.dateline.agency) == ("Vienna", "dpa")
    assert [b.text for b in parsed.body] == [
        "The Danube burst its banks in three Austrian towns on Thursday after a week of "
        "heavy rain, forcing hundreds of residents to leave their homes.",
        "Firefighters built walls of sandbags along the river in Krems, the local fire brigade said.",
        '"We have not seen water this high since 2013," mayor Anna Berger said.',
    ]


def test_not_for_publication_block_is_boilerplate() -> None:
    """The notebook, the not-for-publication block, initials and trailer stay out of the body."""
    parsed = iptc7901.parse(fixture("iptc_floods.txt"))
    assert "The following information is not intended for publication" in parsed.boilerplate
    assert "- Reporting by: Karin Lehner" in parsed.boilerplate
    assert parsed.boilerplate[-2:] == ["dpa kl xy", "141210 GMT Mar 14"]
    assert all("Reporting by" not in b.text for b in parsed.body)


def test_header_line_fields() -> None:
    """The numeric header gives service, sequence, priority, category, words and source."""
    header = iptc7901.read_header(fixture("iptc_floods.txt"))
    assert header == iptc7901.IptcHeader(
        service="eca", sequence="0311", priority="3", category="i", word_count=180, source="dpa"
    )


def test_extra_take_key_and_wrapped_headline_in_latin1() -> None:
    """An EXTRA take key is a signal; a headline over two lines is joined; umlauts survive."""
    parsed = iptc7901.parse(fixture("iptc_extra_latin1.txt"))
    assert parsed.signals == ["EXTRA"]
    assert parsed.headline == "Cologne coach Jürgen Faßbender resigns after cup defeat"
    assert parsed.body[0].text.startswith("Jürgen Faßbender has resigned")


def test_zczc_telex_framing() -> None:
    """ZCZC ... NNNN framing without STX still gives slug, headline and text."""
    parsed = iptc7901.parse(fixture("iptc_zczc.txt"))
    assert parsed.slugline == "Iceland/volcano"
    assert parsed.headline == "Volcano erupts near Icelandic fishing town"
    assert parsed.body[0].text.startswith("A volcano erupted on the Reykjanes peninsula")


def test_truncated_message_still_parses() -> None:
    """A message cut off with no " =" and no ETX keeps its headline and partial text."""
    parsed = iptc7901.parse(fixture("iptc_truncated.txt"))
    assert parsed.headline == "Copper mine strike enters third week"
    assert parsed.dateline is not None and parsed.dateline.city == "Santiago de Chile"
    assert parsed.body[0].text == "Workers at the country's largest copper mine"


def test_empty_message_is_empty_input() -> None:
    """White space alone is EmptyInput."""
    with pytest.raises(EmptyInput):
        iptc7901.parse("\r\n")
