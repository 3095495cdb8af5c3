"""The plain-text wire parser: real TASS copy, invented agency stories, and properties."""

from __future__ import annotations

import os
import time
import unicodedata
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from services.core.errors import EmptyInput, InvalidInput
from services.core.models import Block
from services.core.text import clean_text
from services.normalise.formats.text import parse
from services.normalise.parsed import ParsedCopy

REPO = Path(__file__).resolve().parents[2]
FIXTURES = REPO / "tests" / "fixtures" / "text"
SAMPLES = Path(os.environ.get("WIRESTREAM_SAMPLES", REPO.parent / "shared" / "wire-samples"))


def _fixture(name: str) -> ParsedCopy:
    return parse((FIXTURES / name).read_text(encoding="utf-8"))


def _kinds(parsed: ParsedCopy) -> list[str]:
    return [block.kind for block in parsed.body]


def test_tass_reference_sample() -> None:
    """The TASS reference story splits into navigation, headline, standfirst, dateline and body."""
    path = SAMPLES / "tass" / "kremlin-palmyra-2016-12-12.txt"
    if not path.is_file():
        pytest.fail(f"TASS reference sample missing at {path}; set WIRESTREAM_SAMPLES")
    parsed = parse(path.read_text(encoding="utf-8"))
    assert parsed.format == "text"
    assert parsed.boilerplate == ["All news"]
    assert parsed.headline == (
        "Kremlin stresses cooperation with US vital to avoid IS militants’ revitalization in Syria"
    )
    assert parsed.subheadline == (
        "The Kremlin believes possible loss of Palmyra is a blow to the image of the entire humankind"
    )
    assert parsed.dateline is not None
    assert parsed.dateline.text == "MOSCOW, December 12. /TASS/."
    assert parsed.dateline.city == "MOSCOW"
    assert parsed.dateline.date_text == "December 12"
    assert parsed.dateline.agency == "TASS"
    assert parsed.dateline.date is None
    assert parsed.body[0].text.startswith("A lack of cooperation with the United States")
    headings = [i for i, block in enumerate(parsed.body) if block.kind == "heading"]
    assert [parsed.body[i].text for i in headings] == ["Palmyra developments"]
    assert 0 < headings[0] < len(parsed.body) - 1
    assert parsed.body[headings[0] - 1].kind == parsed.body[headings[0] + 1].kind == "paragraph"
    assert '"We hope that these counterattacks by Islamic State gunmen will be suppressed soon," Peskov said.' in [
        block.text for block in parsed.body
    ]
    assert all("\u00a0" not in block.text for block in parsed.body)
    assert parsed.body[-1].text.endswith("to withdraw troops from the city.")
    assert parsed.language == "en"
    assert parsed.byline is None
    assert parsed.signals == []


def test_reuters_web_copy() -> None:
    """Reuters web copy: navigation, timestamp and trust line go; UPDATE marker is a signal."""
    parsed = _fixture("reuters_web.txt")
    assert parsed.headline == "Baltic ferry operator cuts winter routes as fuel costs bite"
    assert parsed.signals == ["update:2"]
    assert parsed.subheadline is None
    assert parsed.byline == "By Anna Novak"
    assert parsed.boilerplate == [
        "Business",
        "World > Europe",
        "Updated 14:25 GMT",
        "Read more: Sweden's ports brace for a quiet season",
        "Our Standards: The Thomson Reuters Trust Principles.",
    ]
    assert parsed.dateline is not None
    assert (parsed.dateline.city, parsed.dateline.date_text, parsed.dateline.agency) == (
        "RIGA",
        "March 16",
        "Reuters",
    )
    assert parsed.body[0].text.startswith("A Baltic ferry operator will suspend")
    assert parsed.body[-1].text == "Shares in the company fell 3.1 percent in early trading."
    assert _kinds(parsed) == ["paragraph"] * 4


def test_ap_copy_with_byline_caption_and_heading() -> None:
    """AP copy: byline under the headline, photo caption and copyright out, heading kept."""
    parsed = _fixture("ap_byline.txt")
    assert parsed.headline == "Firefighters hold wildfire to ridge above wine valley"
    assert parsed.byline == "By JOHN SMITH and JANE DOE"
    assert parsed.dateline is not None
    assert parsed.dateline.text == "SANTA ROSA, Calif. (AP) _"
    assert parsed.dateline.city == "SANTA ROSA"
    assert parsed.boilerplate == [
        "Firefighters watch the flames from a road near Santa Rosa. (AP Photo/Jane Roe)",
        "Copyright 2019 The Associated Press. All rights reserved.",
    ]
    assert _kinds(parsed) == ["paragraph", "paragraph", "paragraph", "heading", "paragraph"]
    assert parsed.body[3].text == "Evacuation orders"


def test_hard_wrapped_copy_is_rejoined() -> None:
    """Teletype lines wrapped at a fixed width are joined into paragraphs; Enditem is cut."""
    parsed = _fixture("xinhua_wrapped.txt")
    assert parsed.headline == "China launches new weather satellite"
    assert parsed.dateline is not None
    assert parsed.dateline.text == "BEIJING, Dec. 12 (Xinhua) --"
    assert [block.text for block in parsed.body] == [
        "China on Tuesday launched a new meteorological satellite from a launch center in"
        " the northwest of the country, which will improve forecasts of typhoons and floods.",
        "The satellite was carried into orbit by a Long March rocket, the launch center said,"
        " and is the fourth of its series.",
        "It will work together with satellites already in orbit to watch clouds and rain over the Pacific.",
    ]


def test_dpa_german_copy() -> None:
    """dpa copy in German: title-case city, standfirst, German furniture, (dpa) sign-off."""
    parsed = _fixture("dpa_german.txt")
    assert parsed.headline == "Bahn bestellt neue Züge für den Nahverkehr"
    assert parsed.subheadline == "Die Flotte soll bis 2028 um ein Drittel wachsen"
    assert parsed.dateline is not None
    assert (parsed.dateline.city, parsed.dateline.agency) == ("Berlin", "dpa")
    assert parsed.boilerplate == ["Mehr zum Thema"]
    assert parsed.body[-1].text.endswith("mehr Personal in den Zügen.")
    assert parsed.language == "de"


def test_efe_spanish_copy() -> None:
    """EFE copy in Spanish: day-first date, ".-" separator, bare EFE sign-off."""
    parsed = _fixture("efe_spanish.txt")
    assert parsed.dateline is not None
    assert (parsed.dateline.text, parsed.dateline.date_text) == ("Madrid, 12 dic (EFE).-", "12 dic")
    assert parsed.body[0].text.startswith("El Consejo de Ministros")
    assert parsed.boilerplate == ["Compartir"]
    assert parsed.body[-1].text == "Los sindicatos pidieron que se mejoren las pensiones más bajas."
    assert parsed.language == "es"


def test_aap_signoff_with_initials() -> None:
    """AAP copy loses its "AAP RTV" sign-off from the last paragraph."""
    parsed = _fixture("aap_signoff.txt")
    assert parsed.dateline is not None
    assert parsed.dateline.text == "SYDNEY, Dec 7 AAP -"
    assert parsed.body[-1].text == "No blackouts were reported."


def test_one_paragraph_per_line_without_dateline() -> None:
    """Copy with no blank lines and no dateline: first line is the headline, lines are paragraphs."""
    parsed = _fixture("one_per_line.txt")
    assert parsed.headline == "City council approves new river bridge"
    assert parsed.subheadline is None
    assert parsed.dateline is None
    assert parsed.boilerplate == ["Share this article"]
    assert len(parsed.body) == 4
    assert parsed.body[0].text.startswith("The council voted 31 to 9")
    assert parsed.body[3].text.startswith("Residents of the east bank")


def test_table_is_preformatted() -> None:
    """Column-aligned lines stay together, line by line, as a preformatted block."""
    parsed = _fixture("results_table.txt")
    assert _kinds(parsed) == ["paragraph", "preformatted", "paragraph"]
    assert parsed.body[1].text.split("\n")[1] == "Riverside         10    7      22"


def test_kyodo_story_inline() -> None:
    """A Kyodo story with no headline keeps its dateline and gives no headline."""
    parsed = parse(
        "TOKYO (Kyodo) -- The Bank of Japan kept its policy rate unchanged on Friday.\n\n"
        "The decision was widely expected by economists.\n"
    )
    assert parsed.headline is None
    assert parsed.dateline is not None
    assert parsed.dateline.agency == "Kyodo"
    assert [block.text for block in parsed.body] == [
        "The Bank of Japan kept its policy rate unchanged on Friday.",
        "The decision was widely expected by economists.",
    ]


def test_ansa_story_inline() -> None:
    """An ANSA story in Italian keeps headline, agency-first dateline and language."""
    parsed = parse(
        "Approvato il decreto sulle infrastrutture\n\n"
        "(ANSA) - ROMA, 1 LUG - Il Consiglio dei ministri ha approvato il decreto sulle"
        " infrastrutture, che prevede nuovi fondi per le ferrovie del Sud.\n\n"
        "Il testo passa ora al Parlamento per la conversione in legge.\n"
    )
    assert parsed.headline == "Approvato il decreto sulle infrastrutture"
    assert parsed.dateline is not None
    assert (parsed.dateline.city, parsed.dateline.date_text) == ("ROMA", "1 LUG")
    assert parsed.body[0].text.startswith("Il Consiglio dei ministri")
    assert parsed.language == "it"


def test_headline_with_colon_is_not_a_dateline() -> None:
    """A headline like "NATO: Allies agree ..." stays a headline."""
    parsed = parse("NATO: Allies agree new air defence plan\n\nThe alliance said on Monday it would act.")
    assert parsed.headline == "NATO: Allies agree new air defence plan"
    assert parsed.dateline is None


@pytest.mark.parametrize(
    ("headline", "expected", "signals"),
    [
        ("UPDATE 2-Ferry operator cuts routes", "Ferry operator cuts routes", ["update:2"]),
        (
            "CORRECTED-UPDATE 1-Bank keeps rates",
            "Bank keeps rates",
            ["corrected", "update:1"],
        ),
        ("REFILE-Port traffic rises", "Port traffic rises", ["refile"]),
        ("Quake hits coast (2nd take)", "Quake hits coast", ["take:2"]),
        ("Bank keeps rates on hold", "Bank keeps rates on hold", []),
    ],
)
def test_headline_signals(headline: str, expected: str, signals: list[str]) -> None:
    """Update, correction, refile and take markers leave the headline and become signals."""
    parsed = parse(f"{headline}\n\nLONDON, May 4 (Reuters) - The market was quiet on Monday.")
    assert (parsed.headline, parsed.signals) == (expected, signals)


@pytest.mark.parametrize("text", ["", "   ", "\n\n\t\n", "\u200b\ufeff\u00a0", "\r\n\r\n"])
def test_empty_input(text: str) -> None:
    """Empty or white-space-only copy raises EmptyInput."""
    with pytest.raises(EmptyInput):
        parse(text)


@pytest.mark.parametrize(
    "hostile",
    ["A" * 50000, "(" * 50000, ", " * 25000, '"' * 20000, "MOSCOW, " * 6000, "(AP) " * 10000,
     "By " * 15000, "UPDATE 1-" * 5000, "a\n" * 25000, " " * 50000 + "x", "-" * 50000,
     "Home > " * 7000, "12:30 " * 8000],
)  # fmt: skip
def test_hostile_input_parses_fast(hostile: str) -> None:
    """50,000-character hostile inputs parse without runaway regex backtracking."""
    started = time.perf_counter()
    parse(hostile)
    assert time.perf_counter() - started < 2.0


# --- properties -------------------------------------------------------------------------

_WORDS = st.sampled_from([
    "the", "ministry", "said", "on", "Monday", "it", "would", "open", "a", "new", "bridge",
    "over", "river", "in", "Moscow", "talks", "Peskov", "Kremlin", "Reuters", "AP", "port",
    "city", "council", "vote", "share", "prices", "fell",
])  # fmt: skip
_DATELINES = st.sampled_from(
    ["", "MOSCOW, December 12. /TASS/. ", "LONDON, March 16 (Reuters) - ", "NEW YORK (AP) — ",
     "Berlin (dpa) - ", "SYDNEY, Dec 7 AAP - ", "WELLINGTON: ", "(ANSA) - ROMA, 1 LUG - "]
)  # fmt: skip
_FURNITURE = st.sampled_from(["All news", "Share", "Updated 14:25 GMT", "Read more: x", "© TASS"])


def _sentence(words: list[str]) -> str:
    return " ".join(words).capitalize() + "."


_SENTENCES = st.lists(_WORDS, min_size=3, max_size=14).map(_sentence)
_PARAGRAPHS = st.lists(_SENTENCES, min_size=1, max_size=4).map(" ".join)
_TITLES = st.lists(_WORDS, min_size=2, max_size=9).map(lambda w: " ".join(w).capitalize())


@st.composite
def _stories(draw: st.DrawFn) -> str:
    parts: list[str] = []
    for title in draw(st.lists(_TITLES, max_size=2)):
        parts.append(title)
    paragraphs = draw(st.lists(st.one_of(_PARAGRAPHS, _TITLES, _FURNITURE), min_size=1, max_size=8))
    paragraphs[0] = draw(_DATELINES) + paragraphs[0]
    parts.extend(paragraphs)
    separator = draw(st.sampled_from(["\n\n", "\n", "\r\n\r\n", "\n \n"]))
    return separator.join(parts)


def _render(parsed: ParsedCopy) -> str:
    """Headline, blank line, standfirst, blank line, dateline + paragraphs, blank-line separated."""
    texts = [block.text for block in parsed.body]
    if parsed.dateline is not None:
        texts[:1] = [f"{parsed.dateline.text} {texts[0]}" if texts else parsed.dateline.text]
    return "\n\n".join([t for t in (parsed.headline, parsed.subheadline) if t] + texts)


def _no_controls(block: Block) -> bool:
    allowed = "\n" if block.kind == "preformatted" else ""
    return all(c in allowed or unicodedata.category(c) != "Cc" for c in block.text)


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=400))
def test_any_text_raises_only_invalid_input(text: str) -> None:
    """No text makes the parser raise anything but InvalidInput, and non-empty text parses."""
    try:
        parsed = parse(text)
    except InvalidInput as exc:
        assert isinstance(exc, EmptyInput)
        assert not clean_text(text).strip()
        return
    assert all(_no_controls(block) for block in parsed.body)


@settings(max_examples=300)
@given(_stories())
def test_no_block_holds_a_control_character(story: str) -> None:
    """Body blocks hold no control character (newlines only inside preformatted blocks)."""
    parsed = parse(story)
    assert all(_no_controls(block) and block.text for block in parsed.body)


@settings(max_examples=300)
@given(_stories())
def test_rendered_output_parses_the_same(story: str) -> None:
    """Parsing the rendered result again keeps headline and body."""
    first = parse(story)
    if not first.headline and not first.body:
        return
    second = parse(_render(first))
    assert (second.headline, second.body) == (first.headline, first.body)


@settings(max_examples=200)
@given(st.text(alphabet=st.sampled_from("Ab .,:-()\n\"'/MOSCW(Reuters)"), max_size=300))
def test_rendered_output_parses_the_same_on_odd_text(text: str) -> None:
    """Even on odd punctuation-heavy text, a rendered result parses back to itself."""
    try:
        first = parse(text)
    except EmptyInput:
        return
    if not first.headline and not first.body:
        return
    second = parse(_render(first))
    assert (second.headline, second.body) == (first.headline, first.body)
