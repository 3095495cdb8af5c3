from __future__ import annotations

import importlib

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from services.core.errors import InvalidInput
from services.normalise.formats.detect import detect_format

PARSERS = ("anpa1312", "iptc7901", "nitf", "newsml2", "newsml12", "ninjs")

# Arbitrary text, plus text that starts like each format so the parsers get past their
# first checks and into the code that could break.
_PREFIXES = st.sampled_from(
    [
        "",
        "\x16\x16\x01a1234\x1fasian\nr a\x13\x11 BC-US--X 1stLd   01-01 0100\n\x02^",
        "\x01eca001 4 i 10  dpa 001\n\nSlug/\n\x02",
        "ZCZC\n",
        "<nitf><body><body.content><p>",
        "<NewsML><NewsItem><NewsComponent><ContentItem><DataContent><![CDATA[<P>",
        '<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/"><contentSet><inlineXML>',
        '{"uri": "x", "body_html": "',
        '[{"type": "text", "headline": ',
    ]
)
_TEXT = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=400)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(prefix=_PREFIXES, body=_TEXT)
@pytest.mark.parametrize("fmt", PARSERS)
def test_parsers_raise_only_invalid_input(fmt: str, prefix: str, body: str) -> None:
    """Whatever the text, a parser returns a result or raises an InvalidInput subclass."""
    parser = importlib.import_module(f"services.normalise.formats.{fmt}")
    try:
        parsed = parser.parse(prefix + body)
    except InvalidInput:
        return
    assert parsed.format == fmt


@settings(max_examples=300, deadline=None)
@given(prefix=_PREFIXES, body=_TEXT)
def test_detect_format_never_raises(prefix: str, body: str) -> None:
    """detect_format returns one of the known formats for any text."""
    assert detect_format(prefix + body) in {"text", *PARSERS}
