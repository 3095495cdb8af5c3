"""NewsML-G2: a newsMessage (or a bare newsItem) whose text item carries the story.

contentMeta holds the heads and metadata; contentSet holds the text as inline XHTML,
inline NITF or plain inlineData. A message may carry several items (AP sends one per
story version, Reuters a text item with its pictures): the first text item is parsed.
"""

from __future__ import annotations

from lxml import etree

from services.core.errors import Unparseable
from services.core.models import Block
from services.normalise.formats._common import (
    clean,
    cut_dateline,
    dateline_from_field,
    language_tag,
    slug_take_keys,
    split_paragraphs,
    unique,
    version_signal,
)
from services.normalise.formats._html import blocks_from_element
from services.normalise.formats._xml import attr, parse_xml, text_of, xml_lang
from services.normalise.parsed import ParsedCopy

_ROOTS = frozenset({"newsMessage", "newsItem"})
_SUMMARY_ROLES = ("summary", "abstract", "drol:summary")
# itemMeta signals and pubStatus values that mark an update of earlier copy.
_SIGNALS = {"update": "update", "correction": "correction", "cwarn": "correction"}


def parse(text: str) -> ParsedCopy:
    root = parse_xml(text)
    if root.tag not in _ROOTS:
        raise Unparseable(f"expected a NewsML-G2 newsMessage or newsItem, found <{root.tag}>")
    item = _main_item(root)
    meta = item.find("contentMeta")
    if meta is None:
        meta = etree.Element("contentMeta")

    headline = clean(text_of(_headline(meta)))
    slugline = clean(text_of(meta.find("slugline")))
    body = _body(item.find("contentSet"))
    hint = (
        dateline_from_field(text_of(meta.find("dateline")), city=clean(text_of(meta.find("located/name"))))
        if meta.find("dateline") is not None
        else None
    )
    dateline, body = cut_dateline(body, hint)

    item_meta = item.find("itemMeta")
    notes = [clean(text_of(el)) for el in item.iterfind("itemMeta/edNote")]
    return ParsedCopy(
        format="newsml2",
        headline=headline,
        subheadline=_subheadline(meta, headline),
        byline=clean(text_of(meta.find("by"))),
        slugline=slugline,
        dateline=dateline,
        body=body,
        boilerplate=unique(notes),
        language=language_tag(attr(meta, "language", "tag") or xml_lang(item)),
        signals=unique(
            [
                *version_signal(item.get("version")),
                *slug_take_keys(slugline),
                *(_signals(item_meta) if item_meta is not None else []),
            ]
        ),
        external_id=clean(item.get("guid")),
    )


def _main_item(root: etree._Element) -> etree._Element:
    items = [root] if root.tag == "newsItem" else list(root.iter("newsItem"))
    if not items:
        raise Unparseable("the NewsML-G2 message holds no newsItem")
    for item in items:
        qcode = attr(item, "itemMeta/itemClass", "qcode") or ""
        if qcode.endswith(":text"):
            return item
    return items[0]


def _headline(meta: etree._Element) -> etree._Element | None:
    headlines = meta.findall("headline")
    for el in headlines:
        if (el.get("role") or "").endswith(("main", "headline")):
            return el
    return headlines[0] if headlines else None


def _subheadline(meta: etree._Element, headline: str | None) -> str | None:
    candidates = [el for el in meta.findall("headline") if "sub" in (el.get("role") or "").lower()]
    candidates += [
        el
        for el in meta.findall("description")
        if not el.get("role") or (el.get("role") or "").lower().endswith(_SUMMARY_ROLES)
    ]
    for el in candidates:
        value = clean(text_of(el))
        if value and value != headline:
            return value
    return None


def _body(content_set: etree._Element | None) -> list[Block]:
    if content_set is None:
        return []
    inline = content_set.find("inlineXML")
    if inline is not None:
        return blocks_from_element(inline)
    data = content_set.find("inlineData")
    if data is not None:
        return [Block(kind="paragraph", text=p) for p in split_paragraphs(data.text or "")]
    return []


def _signals(item_meta: etree._Element) -> list[str]:
    found = []
    status = (attr(item_meta, "pubStatus", "qcode") or "").rpartition(":")[2].lower()
    if status in {"canceled", "withheld"}:
        found.append(status)
    for el in item_meta.iterfind("signal"):
        code = (el.get("qcode") or "").rpartition(":")[2].lower()
        if code in _SIGNALS:
            found.append(_SIGNALS[code])
    return found
