from __future__ import annotations

import dataclasses

import pytest

from services.core.errors import Unparseable
from services.normalise.formats import newsml2, newsml12, nitf
from services.normalise.formats._html import blocks_from_html
from tests.unit._formats_fixtures import fixture


def _passwd_markers() -> list[str]:
    try:
        with open("/etc/passwd", encoding="utf-8", errors="replace") as handle:
            lines = [line.strip() for line in handle if line.strip()]
    except OSError:
        lines = []
    return (lines[:3] or []) + ["root:x:0:0"]


def test_billion_laughs_is_refused() -> None:
    """A DTD that declares nested entities is refused before anything is expanded."""
    with pytest.raises(Unparseable, match="entities"):
        nitf.parse(fixture("xml_billion_laughs.xml"))


def test_external_entity_never_leaks_a_local_file() -> None:
    """An entity pointing at file:///etc/passwd is refused, and no line of the file shows up."""
    with pytest.raises(Unparseable) as caught:
        newsml12.parse(fixture("xml_xxe_passwd.xml"))
    for marker in _passwd_markers():
        assert marker not in str(caught.value)


def test_external_dtd_is_not_fetched() -> None:
    """A DOCTYPE naming a local file as its DTD parses without reading that file."""
    parsed = nitf.parse(fixture("xml_xxe_dtd_fetch.xml"))
    assert parsed.headline == "Harmless headline"
    dumped = repr(dataclasses.asdict(parsed))
    for marker in _passwd_markers():
        assert marker not in dumped


def test_deep_xml_is_unparseable() -> None:
    """XML nested 50,000 deep is Unparseable, for every XML format."""
    for parser, root in ((nitf, "nitf"), (newsml12, "NewsML"), (newsml2, "newsMessage")):
        deep = f"<{root}>" + "<p>" * 50_000 + "x" + "</p>" * 50_000 + f"</{root}>"
        with pytest.raises(Unparseable):
            parser.parse(deep)


def test_nested_html_fragment_keeps_its_text() -> None:
    """An HTML body nested 200 deep keeps its text."""
    blocks = blocks_from_html("<div>" * 200 + "deep text" + "</div>" * 200)
    assert [b.text for b in blocks] == ["deep text"]


def test_deep_html_fragment_is_unparseable() -> None:
    """An HTML body nested 50,000 deep is Unparseable rather than silently cut."""
    with pytest.raises(Unparseable):
        blocks_from_html("<div>" * 50_000 + "deep text" + "</div>" * 50_000)
