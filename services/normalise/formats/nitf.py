"""NITF 3.x: the IPTC News Industry Text Format (AP, AAP, PA, EFE, IPTC examples)."""

from __future__ import annotations

from lxml import etree

from services.core.errors import Unparseable
from services.core.models import Dateline
from services.normalise.formats._common import (
    clean,
    cut_dateline,
    dateline_from_field,
    is_initials,
    language_tag,
    slug_take_keys,
    unique,
)
from services.normalise.formats._html import blocks_from_element
from services.normalise.formats._xml import attr, first, parse_xml, text_of, xml_lang
from services.normalise.parsed import ParsedCopy

_SLUG_META = ("anpa-keyword", "slugline", "keyword")


def parse(text: str) -> ParsedCopy:
    root = parse_xml(text)
    if root.tag != "nitf":
        raise Unparseable(f"expected an NITF document, found <{root.tag}>")
    return parse_element(root)


def parse_element(root: etree._Element) -> ParsedCopy:
    """Parse an <nitf> element; NewsML wrappers that carry NITF reuse this."""
    head_el = first(root, "body/body.head")
    headline = clean(text_of(first(root, "body/body.head/hedline/hl1", ".//hl1", "head/title")))
    slugline = _slugline(root)
    subheadline = next(
        (
            value
            for value in (
                clean(text_of(first(root, "body/body.head/hedline/hl2"))),
                clean(text_of(first(root, "body/body.head/abstract"))),
            )
            if value and value not in {headline, slugline}
        ),
        None,
    )
    byline = clean(text_of(first(root, "body/body.head/byline"), skip=frozenset({"byttl"})))
    boilerplate = [clean(el.get("info")) for el in root.iter("ed-msg")] + [
        clean(text_of(el)) for el in root.iter("note")
    ]
    if byline and is_initials(byline):
        boilerplate.append(byline)
        byline = None

    content = first(root, "body/body.content")
    body = blocks_from_element(content) if content is not None else []
    if body and is_initials(body[-1].text):
        boilerplate.append(body.pop().text)
    dateline, body = cut_dateline(body, _dateline_hint(head_el))

    docdata = first(root, "head/docdata")
    status = (docdata.get("management-status") if docdata is not None else None) or ""
    signals = slug_take_keys(slugline) + (["canceled"] if status.lower() == "canceled" else [])
    take_key = _meta(root, "anpa-takekey")
    return ParsedCopy(
        format="nitf",
        headline=headline,
        subheadline=subheadline,
        byline=byline,
        slugline=slugline,
        dateline=dateline,
        body=body,
        boilerplate=unique(boilerplate),
        language=language_tag(root.get("baselang") or _first_lang(root)),
        signals=unique([take_key, *signals]),
        external_id=clean(attr(root, "head/docdata/doc-id", "id-string")),
    )


def _slugline(root: etree._Element) -> str | None:
    for name in _SLUG_META:
        value = _meta(root, name)
        if value:
            return value
    return clean(attr(root, "head/docdata/key-list/keyword", "key"))


def _dateline_hint(head: etree._Element | None) -> Dateline | None:
    if head is None:
        return None
    el = head.find("dateline")
    if el is None:
        return None
    city = clean(text_of(first(el, ".//city")))
    written = clean(text_of(el, skip=frozenset({"story.date"})))
    return dateline_from_field(written, city=city)


def _meta(root: etree._Element, name: str) -> str | None:
    for el in root.iterfind("head/meta"):
        if el.get("name") == name:
            return clean(el.get("content"))
    return None


def _first_lang(root: etree._Element) -> str | None:
    for el in root.iter():
        lang = xml_lang(el)
        if lang:
            return lang
    return None
