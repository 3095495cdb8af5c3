from __future__ import annotations

import pytest

from services.normalise.formats.detect import detect_format
from tests.unit._formats_fixtures import fixture


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("anpa_harbour.tst", "anpa1312"),
        ("anpa_glance.tst", "anpa1312"),
        ("anpa_no_etx.tst", "anpa1312"),
        ("iptc_floods.txt", "iptc7901"),
        ("iptc_extra_latin1.txt", "iptc7901"),
        ("iptc_zczc.txt", "iptc7901"),
        ("iptc_truncated.txt", "iptc7901"),
        ("nitf_lighthouse.xml", "nitf"),
        ("nitf_canceled.xml", "nitf"),
        ("nitf_market.xml", "nitf"),
        ("newsml2_orchard.xml", "newsml2"),
        ("newsml2_item_plain.xml", "newsml2"),
        ("newsml2_nitf_inline.xml", "newsml2"),
        ("newsml12_vineyard.xml", "newsml12"),
        ("newsml12_cdata.xml", "newsml12"),
        ("newsml12_wrong_decl.xml", "newsml12"),
        ("ninjs1_bakery.json", "ninjs"),
        ("ninjs2_bridge.json", "ninjs"),
        ("ninjs_list_picture_first.json", "ninjs"),
    ],
)
def test_fixture_formats(name: str, expected: str) -> None:
    """Each invented story is detected as the format it was written in."""
    assert detect_format(fixture(name)) == expected


@pytest.mark.parametrize(
    "text",
    [
        "MOSCOW, December 12. /TASS/. Plain web copy.",
        '{"hello": "world"}',
        "<html><body><p>A web page</p></body></html>",
        "",
        "\ufeff   ",
    ],
)
def test_other_input_is_text(text: str) -> None:
    """Plain copy, non-ninjs JSON, HTML pages and empty input are "text"."""
    assert detect_format(text) == "text"


def test_dpa_copy_without_header() -> None:
    """dpa heads ending " =" followed by a "(dpa) -" paragraph are IPTC 7901 even without a header."""
    text = "Flood warning for Cologne =\n\nCologne (dpa) - The Rhine rose overnight.\n"
    assert detect_format(text) == "iptc7901"


def test_only_the_head_is_read() -> None:
    """Markers after the first few KB do not change the verdict."""
    assert detect_format("plain words " * 1000 + "<nitf>") == "text"
