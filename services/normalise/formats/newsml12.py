"""NewsML 1.2 (AFP, ANA-MPE and others): NewsLines for the heads, DataContent for the text.

The text sits in the first Text ContentItem and comes in three dialects: an embedded
NITF document (AFP), bare XHTML paragraphs (newer AFP), or escaped HTML in CDATA (ANA).
"""

from __future__ import annotations

import re

from lxml import etree

from services.core.errors import Unparseable
from services.core.models import Block
from services.normalise.formats._common import (
    clean,
    cut_dateline,
    dateline_from_field,
    is_initials,
    language_tag,
    slug_take_keys,
    unique,
    version_signal,
)
from services.normalise.formats._html import blocks_from_element, blocks_from_html
from services.normalise.formats._xml import attr, first, parse_xml, text_of, xml_lang
from services.normalise.parsed import ParsedCopy

# "urn:newsml:afp.com:20140829T135002Z:TX-PAR-FXW86:1" -> the id without its revision,
# so that every revision of a story shares one external id.
_REVISION_SUFFIX = re.compile(r":\d+[A-Z]?$")
_COPYRIGHT = re.compile(r"^(?:©|\(c\)|copyright\b)", re.I)


def parse(text: str) -> ParsedCopy:
    root = parse_xml(text)
    if root.tag != "NewsML":
        raise Unparseable(f"expected a NewsML 1.2 document, found <{root.tag}>")
    item = first(root, ".//NewsItem")
    if item is None:
        raise Unparseable("the NewsML document holds no NewsItem")

    lines = first(item, ".//NewsLines")
    headline = clean(text_of(first(lines, "HeadLine"))) if lines is not None else None
    subheadline = clean(text_of(first(lines, "SubHeadLine"))) if lines is not None else None
    byline = clean(text_of(first(lines, "ByLine"))) if lines is not None else None
    slugline = clean(text_of(first(lines, "SlugLine"))) if lines is not None else None
    written = clean(text_of(first(lines, "DateLine"))) if lines is not None else None
    # The credit line names the agency when the dateline does not ("4/4/2018").
    credit = clean(text_of(first(lines, "CreditLine"))) if lines is not None else None

    body, boilerplate = _body(item)
    hint = dateline_from_field(written, city=_property(item, "City"), agency=credit) if written else None
    dateline, body = cut_dateline(body, hint)

    language = attr(item, ".//DescriptiveMetadata/Language", "FormalName") or xml_lang(item)
    status = (attr(item, ".//NewsManagement/Status", "FormalName") or "").lower()
    public_id = clean(text_of(first(item, ".//NewsIdentifier/PublicIdentifier")))
    return ParsedCopy(
        format="newsml12",
        headline=headline,
        subheadline=subheadline if subheadline != headline else None,
        byline=byline,
        slugline=slugline,
        dateline=dateline,
        body=body,
        boilerplate=boilerplate,
        language=language_tag(language),
        signals=unique(
            [
                *version_signal(text_of(first(item, ".//NewsIdentifier/RevisionId"))),
                *slug_take_keys(slugline),
                "canceled" if status == "canceled" else None,
            ]
        ),
        external_id=_REVISION_SUFFIX.sub("", public_id) if public_id else None,
    )


def _body(item: etree._Element) -> tuple[list[Block], list[str]]:
    content = None
    for component in item.iter("ContentItem"):
        media = (attr(component, "MediaType", "FormalName") or "text").lower()
        data = component.find("DataContent")
        if media == "text" and data is not None:
            content = data
            break
    if content is None:
        return [], []
    blocks = blocks_from_element(content) if len(content) else blocks_from_html(content.text or "")
    # Trailing desk initials and the copyright notice ANA appends are not the story.
    boilerplate: list[str] = []
    while blocks and (is_initials(blocks[-1].text) or _COPYRIGHT.match(blocks[-1].text)):
        boilerplate.insert(0, blocks.pop().text)
    return blocks, boilerplate


def _property(item: etree._Element, name: str) -> str | None:
    for el in item.iter("Property"):
        if el.get("FormalName") == name and el.get("Value"):
            return clean(el.get("Value"))
    return None
