"""Superdesk's real agency wire samples parse to the values SOURCES.md records for them.

Expected values are restated by hand from SOURCES.md. Superdesk-only fields (category,
priority, subjects, word counts, dates) have no equivalent in ParsedCopy and are not
checked. Where our contract differs on purpose, the test says so: the dateline is cut
from the first paragraph, external_id is the version-independent id, a take key is a
signal.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from services.normalise.formats import parse_copy
from services.normalise.formats.detect import detect_format
from services.normalise.parsed import ParsedCopy

ROOT = (
    Path(os.environ.get("WIRESTREAM_SAMPLES", Path(__file__).resolve().parents[2].parent / "shared" / "wire-samples"))
    / "superdesk"
)
if not ROOT.is_dir():
    pytest.fail(
        f"Superdesk wire samples not found at {ROOT}; set WIRESTREAM_SAMPLES to the wire-samples folder",
        pytrace=False,
    )

FOLDERS = {"anpa": "anpa1312", "iptc7901": "iptc7901", "nitf": "nitf", "ninjs": "ninjs"}
NEWSML = {
    "afp.xml": "newsml12",
    "afp20.xml": "newsml12",
    "ana1.xml": "newsml12",
    "text.xml": "newsml2",
    "tag_reuters.com,0000_newsml_L4N1FL0N0_1132689232": "newsml2",
    "LISTING 1 A NewsML-G2 News Item.xml": "newsml2",
    "ap.xml": "newsml2",
    "dpa.xml": "newsml2",
}


def read(path: Path) -> str:
    """Decode as ingest does: UTF-8, else cp1252 (a superset of Latin-1's printable range)."""
    data = path.read_bytes()
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252")


def parsed(folder: str, name: str) -> ParsedCopy:
    return parse_copy(read(ROOT / folder / name))


def _all_samples() -> list[tuple[str, str, str]]:
    cases = [(f, p.name, fmt) for f, fmt in FOLDERS.items() for p in sorted((ROOT / f).iterdir())]
    return cases + [("newsml", name, fmt) for name, fmt in NEWSML.items()]


@pytest.mark.parametrize(("folder", "name", "fmt"), _all_samples())
def test_every_sample_detects_and_parses(folder: str, name: str, fmt: str) -> None:
    """Every sample is detected as its format and parses to a headline or a body."""
    text = read(ROOT / folder / name)
    assert detect_format(text) == fmt
    copy = parse_copy(text)
    assert copy.format == fmt
    assert copy.headline or copy.body


def test_newsml_folder_is_fully_listed() -> None:
    """The NewsML expectations above cover every file in the folder."""
    assert {p.name for p in (ROOT / "newsml").iterdir()} == set(NEWSML)


# --- ANPA-1312 -----------------------------------------------------------------------


def test_anpa_1_heads_and_body_start() -> None:
    """anpa-1: headline, byline, slugline; the body starts at BUENOS AIRES, the dateline."""
    copy = parsed("anpa", "anpa-1.tst")
    assert copy.headline == "For Argentine chemo patients, mirrors can hurt"
    assert copy.byline == "By PAUL BYRNE and ALMUDENA CALATRAVA"
    assert copy.slugline == "Argentina-Cancer"
    assert copy.dateline is not None and copy.dateline.city == "BUENOS AIRES"
    assert copy.dateline.agency == "AP"
    assert copy.body[0].text.startswith("For cancer patients dealing with")


def test_anpa_2_ednote_and_take_key() -> None:
    """anpa-2: the EDITOR'S NOTE line is boilerplate; 1stLd-Writethru is a signal."""
    copy = parsed("anpa", "anpa-2.tst")
    assert any(
        "This is part of an Associated Press investigation into the hidden costs of green energy." in line
        for line in copy.boilerplate
    )
    assert "1stLd-Writethru" in copy.signals
    assert all("EDITOR'S NOTE" not in block.text for block in copy.body)


def test_anpa_3_table_is_preformatted() -> None:
    """anpa-3: the DC4+DC2 weather table is kept preformatted."""
    copy = parsed("anpa", "anpa-3.tst")
    tables = [b for b in copy.body if b.kind == "preformatted"]
    assert tables and "Amsterdam;42;50;rn;0.08;39;52;pc;39;48;rn" in tables[0].text


def test_anpa_4_head_lines_only() -> None:
    """anpa-4: a take of head lines only keeps the listed headlines as paragraphs."""
    copy = parsed("anpa", "anpa-4.tst")
    texts = [b.text for b in copy.body]
    assert "Ex-bodyguard testifies about lewd messages sent to Paltrow" in texts


def test_ap_anpa_1_dateline() -> None:
    """ap_anpa-1: the body's "ATLANTA (AP) _" is the dateline (trailer date not merged)."""
    copy = parsed("anpa", "ap_anpa-1.tst")
    assert copy.dateline is not None
    assert (copy.dateline.city, copy.dateline.agency) == ("ATLANTA", "AP")


def test_ap_anpa_2_slugline_and_table_row() -> None:
    """ap_anpa-2: slugline, and the BS-opened Baltimore row kept preformatted."""
    copy = parsed("anpa", "ap_anpa-2.tst")
    assert copy.slugline == "BBO--BaseballExpanded"
    rows = "\n".join(b.text for b in copy.body if b.kind == "preformatted")
    assert "Baltimore;23;13;.639;_;_;8-2;L-1;16-6;7-7" in rows


def test_ap_anpa_4_eds_line() -> None:
    """ap_anpa-4: the "(Eds: ...)" header line is boilerplate, not body."""
    copy = parsed("anpa", "ap_anpa-4.tst")
    note = "Minor edits. A longer version of this story is available. With AP Photos. With BC-AS--China-Lawyer Trial."
    assert any(note in line for line in copy.boilerplate)
    assert all(note not in b.text for b in copy.body)


def test_ap_anpa_6_and_7_sluglines() -> None:
    """ap_anpa-6 and ap_anpa-7: sluglines, including one that starts with digits."""
    assert parsed("anpa", "ap_anpa-6.tst").slugline == "BBO--WildCardGlance"
    assert parsed("anpa", "ap_anpa-7.tst").slugline == "10ThingstoKnow-Today"


# --- IPTC 7901 -----------------------------------------------------------------------


def test_iptc7901_dpa_fields() -> None:
    """IPTC7901.txt: dpa headline without " =", slugline, Berlin/dpa dateline, body start."""
    copy = parsed("iptc7901", "IPTC7901.txt")
    assert copy.headline == "Germany Social Democrats: Coalition talks with Merkel could fail"
    assert copy.slugline == "Germany-politics"
    assert copy.dateline is not None
    assert (copy.dateline.city, copy.dateline.agency) == ("Berlin", "dpa")
    assert copy.body[0].text.startswith("Negotiations")
    assert any("not for publication" in line for line in copy.boilerplate)


def test_iptc7901_odd_charset() -> None:
    """IPTC7901_odd_charset.txt: Latin-1 "Müller" survives; editorial contacts are boilerplate."""
    copy = parsed("iptc7901", "IPTC7901_odd_charset.txt")
    assert any("Müller" in b.text for b in copy.body)
    assert "## Editorial contacts" in copy.boilerplate


def test_dpa_copyright() -> None:
    """dpa_copyright.txt: headline, slugline and the "(Achtung)" take key."""
    copy = parsed("iptc7901", "dpa_copyright.txt")
    assert (copy.headline, copy.slugline) == ("Impressum", "Impressum")
    assert copy.signals == ["(Achtung)"]


def test_dpa_four_line() -> None:
    """dpa_four_line.txt: headline, slugline and the two-line take key."""
    copy = parsed("iptc7901", "dpa_four_line.txt")
    assert copy.headline == "Switzerland joins list of countries resisting UN migration pact"
    assert copy.slugline == "Switzerland/migration/UN"
    assert copy.signals == ["REFILE 1ST LEAD"]


def test_dpa_two_line() -> None:
    """dpa_two_line.txt: headline, slugline and the EXTRA take key."""
    copy = parsed("iptc7901", "dpa_two_line.txt")
    assert copy.headline == "Peace talks on Yemen to take place in Sweden next month, Mattis says"
    assert copy.slugline == "Yemen/conflict"
    assert copy.signals == ["EXTRA"]


def test_dpa_two_by_line() -> None:
    """dpa_two_by_line.txt: headline and slugline; the By line is not the headline."""
    copy = parsed("iptc7901", "dpa_two_by_line.txt")
    assert copy.headline == "Chiefs-Rams 2.0? Would be a fun Super Bowl, but don't count on it"
    assert copy.slugline == "American Football/NFL"


# --- NITF ----------------------------------------------------------------------------


def test_nitf_aap() -> None:
    """aap.xml: headline, slugline, id, Sydney dateline, byline and the first story paragraph."""
    copy = parsed("nitf", "aap.xml")
    assert copy.headline == "The main stories on today's 1900 ABC TV news"
    assert copy.slugline == "Monitor 1900 ABC News"
    assert copy.external_id == "AAP.115314987.5417374"
    assert copy.dateline is not None and copy.dateline.city == "Sydney"
    assert copy.byline == "By John Doe"
    assert any(
        b.text.startswith("1A) More extreme weather forecast over the next few days the fire situation is likely")
        for b in copy.body
    )


def test_nitf_ap() -> None:
    """ap-nitf.xml: headline, byline and the ed-msg note."""
    copy = parsed("nitf", "ap-nitf.xml")
    assert copy.headline == "Can trading pollution like stocks help fight climate change?"
    assert copy.byline == "By BERNARD CONDON"
    assert "For global distribution" in copy.boilerplate


def test_nitf_fishing() -> None:
    """nitf-fishing.xml: headline, canceled status, doc-id, ed-msg and byline."""
    copy = parsed("nitf", "nitf-fishing.xml")
    assert copy.headline == "Weather and Tide Updates for Norfolk"
    assert "canceled" in copy.signals
    assert copy.external_id == "iptc.321656141.b"
    assert "Today begins an expanded format of this popular column." in copy.boilerplate
    assert copy.byline == "By Alan Karben"


def test_nitf_pa2() -> None:
    """pa2.xml: generic headline, doc-id, and the results table as preformatted text."""
    copy = parsed("nitf", "pa2.xml")
    assert copy.headline == "1 SOCCER INT-Teams"
    assert copy.external_id == "T201510140143580001T"
    assert [b.kind for b in copy.body] == ["preformatted"]


def test_nitf_pa5_pound_sign() -> None:
    """pa5.xml: Latin-1 bytes decode to "£66" in headline and first paragraph."""
    copy = parsed("nitf", "pa5.xml")
    assert copy.headline == "HARD BREXIT TO COST UK UP TO £66BN A YEAR, SAYS TREASURY"
    assert copy.body[0].text.startswith(
        "Treasury coffers will take a £66 billion annual hit if Britain goes for a so-called hard Brexit"
    )


def test_nitf_efe() -> None:
    """efe_nitf.xml: headline, no byline (only desk initials), Tegucigalpa, slugline."""
    copy = parsed("nitf", "efe_nitf.xml")
    assert copy.headline == "Honduran president announces Cabinet changes"
    assert copy.byline is None
    assert copy.dateline is not None and copy.dateline.city == "Tegucigalpa"
    assert copy.slugline == "HONDURAS GOVERNMENT"


# --- NewsML 1.2 ----------------------------------------------------------------------


def test_newsml12_afp() -> None:
    """afp.xml: headline, DateLine, slugline, empty byline, language, id without revision."""
    copy = parsed("newsml", "afp.xml")
    assert copy.headline == "Sweden court accepts receivership for Saab carmaker"
    assert copy.dateline is not None
    assert copy.dateline.text == "STOCKHOLM, Aug 29, 2014 (AFP) -"
    assert (copy.dateline.city, copy.dateline.agency) == ("STOCKHOLM", "AFP")
    assert copy.slugline == "Sweden-SAAB"
    assert not copy.byline
    assert copy.language == "en"
    assert copy.external_id == "urn:newsml:afp.com:20140829T135002Z:TX-PAR-FXW86"


def test_newsml12_afp20_wrong_declaration() -> None:
    """afp20.xml: declared iso-8859-1 but UTF-8; accents intact; both paragraphs present."""
    copy = parsed("newsml", "afp20.xml")
    assert copy.headline == "Décès de Naomi Musenga: l'opératrice du Samu définitivement condamnée"
    assert copy.dateline is not None and copy.dateline.text == "Strasbourg, 10 juil 2024 (AFP)"
    assert copy.slugline == "procès-santé-secours"
    assert not copy.byline
    assert copy.language == "fr"
    assert copy.external_id == "urn:newsml:afp.com:20240710:240710125902.qpsp2jzk"
    assert copy.body[0].text.startswith("L'opératrice du Samu condamnée pour non-assistance à personne en danger")
    assert copy.body[1].text == "L'opératrice, Corinne M."


def test_newsml12_ana() -> None:
    """ana1.xml: headline, Athens dateline, body from CDATA HTML ending "job positions."."""
    copy = parsed("newsml", "ana1.xml")
    assert copy.headline == "Wage employment balance positive in Jan-March"
    assert copy.dateline is not None and copy.dateline.city == "Athens"
    # SOURCES.md's "ANA" is built by Superdesk; the file's own credit line names the agency in Greek.
    assert copy.dateline.agency == "ΑΠΕ-ΜΠΕ"
    assert copy.body[0].text.startswith("Wage employment")
    assert copy.body[-1].text.endswith(" job positions.")


# --- NewsML-G2 -----------------------------------------------------------------------


def test_newsml2_reuters_text() -> None:
    """text.xml: id and version, slugline, headline, language, the one-line body."""
    copy = parsed("newsml", "text.xml")
    assert copy.external_id == "tag:reuters.com,0000:newsml_L4N0BT5PJ"
    assert "version:263518268" in copy.signals
    assert copy.slugline == "SOCCER-ENGLAND/CHELSEA-BENITEZ"
    assert copy.headline == ("Soccer-Smiling Benitez pleads for support after midweek outburst against opponent")
    assert copy.language == "en"
    assert [b.text for b in copy.body] == ["By Toby Davis"]
    assert "Editorial Note" in copy.boilerplate


def test_newsml2_reuters_gold() -> None:
    """tag_reuters...: headline, uri, and the body opening "(Adds comments, detail)"."""
    copy = parsed("newsml", "tag_reuters.com,0000_newsml_L4N1FL0N0_1132689232")
    assert copy.headline == "PRECIOUS-Gold rises as Trump policy fuels safe haven demand"
    assert copy.external_id == "tag:reuters.com,0000:newsml_L4N1FL0N0"
    assert copy.body[0].text == "(Adds comments, detail)"


def test_newsml2_iptc_listing() -> None:
    """LISTING 1: uri, the embargo ed note, and the headline."""
    copy = parsed("newsml", "LISTING 1 A NewsML-G2 News Item.xml")
    assert copy.external_id == "urn:newsml:acmenews.com:20161018:US-FINANCE-FED"
    assert any("STRICTLY EMBARGOED" in line for line in copy.boilerplate)
    assert copy.headline == 'Fed to halt QE to avert "bubble"'


def test_newsml2_ap() -> None:
    """ap.xml: version 2, headline, slugline with its writethru, the FORT WASHINGTON dateline."""
    copy = parsed("newsml", "ap.xml")
    assert "version:2" in copy.signals
    assert "1st Ld-Writethru" in copy.signals
    assert copy.headline == "Nutrisystem beats 4Q earnings and revenue expectations"
    assert copy.slugline == "BC-US--Earns-Nutrisystem, 1st Ld-Writethru"
    assert copy.external_id == "tag:ap.org,2011:5e565888b587889c5c8bd62b6164118c-text"
    assert copy.dateline is not None
    assert (copy.dateline.city, copy.dateline.agency) == ("FORT WASHINGTON", "AP")
    # SOURCES.md's body opens with the dateline, which our contract cuts off.
    assert copy.body[0].text == (
        "Nutrisystem Inc. (NTRI) on Monday reported fourth-quarter net income of $10.9 million."
    )


def test_newsml2_dpa() -> None:
    """dpa.xml: German headline, no slugline or byline, uri, London/dpa dateline span."""
    copy = parsed("newsml", "dpa.xml")
    assert copy.headline == "Eintracht in London: Hintereggers Tränen und Attacke auf Reporter"
    assert not copy.slugline
    assert copy.byline is None
    assert copy.language == "de"
    assert copy.external_id == "urn:newsml:dpa.com:20090101:221011-930-4303"
    assert copy.dateline is not None
    assert (copy.dateline.city, copy.dateline.agency) == ("London", "dpa")
    assert copy.body[0].text.startswith("2019 gab es bittere Tränen in der Kurve")


# --- ninjs ---------------------------------------------------------------------------


def test_ninjs1() -> None:
    """ninjs1.json: headline and abstract."""
    copy = parsed("ninjs", "ninjs1.json")
    assert copy.headline == "headline"
    assert copy.subheadline == "abstract"


def test_ninjs2_main_text_item() -> None:
    """ninjs2.json: the text item, not its associated picture, is the article."""
    copy = parsed("ninjs", "ninjs2.json")
    assert copy.headline == "Oil prices edge up on first drop in US drilling in months"
    assert copy.subheadline == (
        "Oil prices edged up on Monday, supported by the first fall in US drilling activity in month."
    )


def test_ninjs_simple_text() -> None:
    """ninjsExSimpleText1.json: uri as id, GROSSETO as dateline from body_xhtml."""
    copy = parsed("ninjs", "ninjsExSimpleText1.json")
    assert copy.external_id == "http://ninjs.example.com/newsitems/20130709simp123"
    assert copy.dateline is not None and copy.dateline.city == "GROSSETO"


def test_ninjs_medium_text_language() -> None:
    """ninjsExMediumText1.json: language en."""
    assert parsed("ninjs", "ninjsExMediumText1.json").language == "en"


def test_ninjs_embargoed_main_item() -> None:
    """ninjs_embargoed.json: the main item's headline."""
    copy = parsed("ninjs", "ninjs_embargoed.json")
    assert copy.headline == "Trouble is brewing for the future of beer"
