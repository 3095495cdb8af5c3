from __future__ import annotations

import pytest

from services.core.errors import Unparseable
from services.normalise.formats import newsml12
from tests.unit._formats_fixtures import fixture


def test_news_lines_and_embedded_nitf() -> None:
    """NewsLines give the heads; the embedded NITF gives the text; initials are boilerplate."""
    parsed = newsml12.parse(fixture("newsml12_vineyard.xml"))
    assert parsed.format == "newsml12"
    assert parsed.headline == "Hail ruins a third of Bordeaux vineyards"
    assert parsed.byline == "By Claire Dumas"
    assert parsed.slugline == "France-wine-weather"
    assert parsed.language == "en"
    assert [b.text for b in parsed.body] == [
        "Hailstones the size of walnuts stripped vines across the region on Saturday.",
        "Growers said the harvest would be the smallest in decades.",
    ]
    assert parsed.boilerplate == ["cd/ab"]


def test_dateline_element_revision_and_stable_id() -> None:
    """The DateLine element is the dateline; revision 2 is a signal; the id drops the revision."""
    parsed = newsml12.parse(fixture("newsml12_vineyard.xml"))
    assert parsed.dateline is not None
    assert parsed.dateline.text == "BORDEAUX, Sept 15, 2024 (WS) -"
    assert (parsed.dateline.city, parsed.dateline.agency) == ("BORDEAUX", "WS")
    assert parsed.signals == ["version:2"]
    assert parsed.external_id == "urn:newsml:example.invalid:20240915:TX-VIN-01"


def test_cdata_html_body_and_city_property() -> None:
    """Escaped HTML in CDATA is parsed; the copyright line is boilerplate; City fills the dateline."""
    parsed = newsml12.parse(fixture("newsml12_cdata.xml"))
    assert parsed.headline == "Ferry strike halts island services"
    assert parsed.subheadline == "Seamen's union calls a 48-hour stoppage."
    assert parsed.language == "en"
    assert parsed.dateline is not None
    assert (parsed.dateline.text, parsed.dateline.city) == ("20/4/2024", "Piraeus")
    assert [b.text for b in parsed.body] == [
        "Ferries stayed in port on Saturday as seamen began a 48-hour strike.",
        "The union wants a new collective agreement.",
    ]
    assert parsed.boilerplate == ["© Example Agency. All rights reserved."]


def test_wrong_encoding_declaration_is_ignored() -> None:
    """A str whose XML declaration names the wrong charset parses with its accents intact."""
    parsed = newsml12.parse(fixture("newsml12_wrong_decl.xml"))
    assert parsed.headline == "Fête de la musique: la Préfecture prolonge les concerts"
    assert parsed.slugline == "fête-musique-lyon"
    assert parsed.dateline is not None and parsed.dateline.city == "Lyon"
    assert parsed.body[0].text.startswith("Les concerts pourront durer jusqu'à deux heures")


def test_bom_before_declaration() -> None:
    """A BOM before the XML declaration is tolerated."""
    parsed = newsml12.parse("\ufeff" + fixture("newsml12_cdata.xml"))
    assert parsed.headline == "Ferry strike halts island services"


def test_document_without_news_item_is_unparseable() -> None:
    """A NewsML envelope with no NewsItem is Unparseable."""
    with pytest.raises(Unparseable):
        newsml12.parse("<NewsML><NewsEnvelope/></NewsML>")
