"""Copy that arrives as "text" inside a container: an e-mail, an unknown XML dialect, an HTML page."""

from __future__ import annotations

from services.normalise.formats.text import parse

MAIL = """From: Desk <desk@example.org>
To: wire@example.org
Subject: Ferry service to Stewart Island resumes
Content-Type: text/plain; charset=utf-8

INVERCARGILL, June 3 (Reuters) - Ferry sailings to Stewart Island resumed on Monday after a
three-day storm, the operator said.

"Passengers can travel again from noon," a spokeswoman said.
"""

XML = """<?xml version="1.0" encoding="utf-8"?>
<Story><Meta><Id>77-1</Id><Desk>Foreign</Desk></Meta>
<Title>Dutch court halts airport expansion</Title>
<Content>&lt;p&gt;THE HAGUE, May 2 (ANP) - A Dutch court halted the expansion of Lelystad airport on Thursday.&lt;/p&gt;
&lt;p&gt;The ruling can be appealed within six weeks.&lt;/p&gt;</Content></Story>
"""


def test_an_email_gives_its_subject_as_headline_and_its_body_as_copy() -> None:
    """An RFC 822 message: Subject is the headline; the plain body is parsed as copy."""
    parsed = parse(MAIL)
    assert parsed.headline == "Ferry service to Stewart Island resumes"
    assert parsed.dateline is not None and parsed.dateline.city == "INVERCARGILL"
    assert parsed.body[0].text.startswith("Ferry sailings to Stewart Island resumed")
    assert not any("desk@example.org" in b.text for b in parsed.body)


def test_an_unknown_xml_dialect_gives_its_title_and_content() -> None:
    """An XML document of no known wire format: the title-like element heads the content-like one."""
    parsed = parse(XML)
    assert parsed.headline == "Dutch court halts airport expansion"
    assert parsed.dateline is not None and parsed.dateline.agency == "ANP"
    assert [b.text for b in parsed.body] == [
        "A Dutch court halted the expansion of Lelystad airport on Thursday.",
        "The ruling can be appealed within six weeks.",
    ]
    assert not any("77-1" in b.text for b in parsed.body), "metadata is not copy"
