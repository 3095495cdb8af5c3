from __future__ import annotations

import pytest

from services.core.errors import Unparseable
from services.core.models import Block
from services.normalise.formats import nitf
from tests.unit._formats_fixtures import fixture


def test_heads_byline_slug_and_ids() -> None:
    """hl1, hl2, the byline without its title, anpa-keyword, doc-id and baselang are read."""
    parsed = nitf.parse(fixture("nitf_lighthouse.xml"))
    assert parsed.format == "nitf"
    assert parsed.headline == "Lighthouse keeper retires after 40 years"
    assert parsed.subheadline == "Last staffed light on the coast goes automatic"
    assert parsed.byline == "By Fiona Gault"
    assert parsed.slugline == "Lighthouse-Keeper"
    assert parsed.external_id == "WS.2024.000101"
    assert parsed.language == "en-GB"
    assert parsed.boilerplate == ["Embargoed until 0001 GMT."]


def test_body_blocks_kinds_and_dateline() -> None:
    """<p> are paragraphs, <hl2> a heading, <pre> preformatted; captions are skipped."""
    parsed = nitf.parse(fixture("nitf_lighthouse.xml"))
    assert parsed.dateline is not None
    assert (parsed.dateline.city, parsed.dateline.agency) == ("STORNOWAY", "WS")
    assert parsed.body == [
        Block(
            kind="paragraph",
            text="Angus MacLeod climbed the 97 steps of the lighthouse for the last time on Friday.",
        ),
        Block(kind="paragraph", text='"I will miss the quiet," he said.'),
        Block(kind="heading", text="A light since 1851"),
        Block(kind="paragraph", text="The light was first lit in 1851 & has burned every night since."),
        Block(kind="preformatted", text="Year   Keepers\n1851   3\n2024   1"),
    ]


def test_canceled_status_and_initials_byline() -> None:
    """management-status canceled is a signal; a byline of desk initials is boilerplate."""
    parsed = nitf.parse(fixture("nitf_canceled.xml"))
    assert parsed.signals == ["canceled"]
    assert parsed.byline is None
    assert parsed.boilerplate == ["ab/cd"]
    assert parsed.headline == "KILL: Ferry timetable story"


def test_abstract_list_items_and_line_breaks() -> None:
    """The abstract is the subheadline; <br/> joins lines; list items are paragraphs."""
    parsed = nitf.parse(fixture("nitf_market.xml"))
    assert parsed.subheadline == "Stallholders say a 30 percent rise would force them out."
    assert parsed.dateline is not None and parsed.dateline.city == "MANCHESTER"
    assert [b.text for b in parsed.body] == [
        "About 60 market traders marched on the town hall on Monday.",
        "Rents rise in April.",
        "A vote is due next week.",
    ]


def test_other_xml_root_is_unparseable() -> None:
    """An XML document that is not <nitf> is Unparseable as NITF."""
    with pytest.raises(Unparseable):
        nitf.parse("<NewsML><NewsItem/></NewsML>")


def test_malformed_xml_is_unparseable() -> None:
    """Broken XML is Unparseable, not an lxml error."""
    with pytest.raises(Unparseable):
        nitf.parse("<nitf><body><p>unclosed</body>")
