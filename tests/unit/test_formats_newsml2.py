from __future__ import annotations

import pytest

from services.core.errors import Unparseable
from services.core.models import Block
from services.normalise.formats import newsml2
from tests.unit._formats_fixtures import fixture


def test_text_item_chosen_over_picture() -> None:
    """In a message with a picture and a text item, the text item is the article."""
    parsed = newsml2.parse(fixture("newsml2_orchard.xml"))
    assert parsed.format == "newsml2"
    assert parsed.headline == "Late frost threatens apple harvest"
    assert parsed.external_id == "urn:newsml:example.invalid:20240502:orchard"


def test_heads_language_and_signals() -> None:
    """Subheadline, by, slugline, language and version/writethru/correction signals are read."""
    parsed = newsml2.parse(fixture("newsml2_orchard.xml"))
    assert parsed.subheadline == "Growers light fires to save blossom"
    assert parsed.byline == "By Owen Pryce"
    assert parsed.slugline == "Orchard-Frost, 2nd Ld-Writethru"
    assert parsed.language == "en-GB"
    assert parsed.signals == ["version:3", "2nd Ld-Writethru", "correction"]
    assert parsed.boilerplate == ["Corrects spelling of Mr Pryce's name in paragraph 2."]


def test_xhtml_body_skips_header_and_keeps_headings() -> None:
    """The XHTML <header> is not body; <h2> is a heading; the dateline is cut."""
    parsed = newsml2.parse(fixture("newsml2_orchard.xml"))
    assert parsed.dateline is not None
    assert (parsed.dateline.city, parsed.dateline.agency) == ("HEREFORD", "WS")
    assert parsed.body == [
        Block(kind="paragraph", text="Apple growers lit braziers among their trees overnight."),
        Block(kind="heading", text="Fires in the rows"),
        Block(
            kind="paragraph",
            text='"It is the worst frost in May I remember," grower Owen Pryce said.',
        ),
    ]


def test_bare_news_item_with_inline_data_canceled() -> None:
    """A bare newsItem with plain inlineData parses; pubStatus canceled is a signal."""
    parsed = newsml2.parse(fixture("newsml2_item_plain.xml"))
    assert parsed.headline == "Straßenbahn fährt wieder"
    assert parsed.subheadline == "Nach drei Wochen Bauzeit ist die Linie 4 wieder offen."
    assert parsed.language == "de"
    assert parsed.signals == ["canceled"]
    assert [b.text for b in parsed.body] == [
        "Die Straßenbahnlinie 4 fährt wieder. Die Bauarbeiten waren früher fertig als geplant.",
        "Die Stadtwerke danken den Fahrgästen für ihre Geduld.",
    ]


def test_inline_nitf_body() -> None:
    """Inline NITF content gives its body.content paragraphs, not its hedline."""
    parsed = newsml2.parse(fixture("newsml2_nitf_inline.xml"))
    assert parsed.slugline == "Swiss-Glacier"
    assert parsed.signals == []
    assert [b.text for b in parsed.body] == [
        "Researchers flew drones over the glacier on Tuesday.",
        "The ice has lost 12 metres since last summer.",
    ]


def test_message_without_items_is_unparseable() -> None:
    """A newsMessage with no newsItem is Unparseable."""
    with pytest.raises(Unparseable):
        newsml2.parse('<newsMessage xmlns="http://iptc.org/std/nar/2006-10-01/"/>')
