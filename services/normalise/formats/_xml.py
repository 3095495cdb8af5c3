"""Safe XML parsing for the XML wire formats (NITF, NewsML 1.2, NewsML-G2).

Wire XML comes from outside, so the parser is hardened: no DTD is loaded, no network
or file is ever fetched (an XXE cannot leak a local file), documents that declare
entities are refused outright (billion laughs), libxml2's depth limit (256 levels)
and size limits stay on. Namespaces are dropped after parsing: the parsers look
elements up by local name, which keeps them readable across dialects.
"""

from __future__ import annotations

import re

from lxml import etree

from services.core.errors import EmptyInput, Unparseable

MAX_CHARS = 8 * 1024 * 1024
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"

# The parser gets a str, already decoded by ingest, so a declared encoding is at best
# redundant and at worst wrong (AFP's afp20.xml says iso-8859-1 but is UTF-8).
_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>", re.I)
_ENTITY_DECL = re.compile(r"<!ENTITY", re.I)
_DOCTYPE = re.compile(r"<!DOCTYPE", re.I)

_PARSER_OPTIONS = {
    "resolve_entities": False,
    "no_network": True,
    "load_dtd": False,
    "dtd_validation": False,
    "huge_tree": False,
    "remove_pis": True,
    "remove_comments": True,
    "strip_cdata": True,
}


def parse_xml(text: str) -> etree._Element:
    """Parse wire XML into an element tree with namespace-free tags, or raise Unparseable."""
    body = _DECLARATION.sub("", text.lstrip("\ufeff"), count=1).lstrip()
    if not body:
        raise EmptyInput("the XML document is empty")
    if len(body) > MAX_CHARS:
        raise Unparseable(f"the XML document is larger than {MAX_CHARS} characters")
    doctype = _DOCTYPE.search(body, 0, 4096)
    if doctype and _ENTITY_DECL.search(body, doctype.start(), _doctype_end(body, doctype.start())):
        raise _entities_refused()
    parser = etree.XMLParser(**_PARSER_OPTIONS)
    try:
        root = etree.fromstring(body.encode("utf-8"), parser)
    except (etree.XMLSyntaxError, ValueError) as exc:
        raise Unparseable(f"not well-formed XML: {exc}") from exc
    if root is None:
        raise Unparseable("the XML document has no root element")
    dtd = root.getroottree().docinfo.internalDTD
    if dtd is not None and any(True for _ in dtd.iterentities()):
        raise _entities_refused()
    _strip_namespaces(root)
    return root


def _doctype_end(body: str, start: int) -> int:
    """Where the DOCTYPE ends: after its internal subset ("[ ... ]>") if it has one."""
    close = body.find(">", start)
    subset = body.find("[", start)
    if subset != -1 and (close == -1 or subset < close):
        close = body.find("]>", subset)
    return len(body) if close == -1 else close


def _entities_refused() -> Unparseable:
    return Unparseable("the XML declares DTD entities, which wire XML never needs; refused")


def _strip_namespaces(root: etree._Element) -> None:
    for el in root.iter(etree.Element):
        el.tag = etree.QName(el).localname


def first(root: etree._Element, *paths: str) -> etree._Element | None:
    """The first element found by any of the paths, in the order given."""
    for path in paths:
        found = root.find(path)
        if found is not None:
            return found
    return None


def text_of(el: etree._Element | None, *, skip: frozenset[str] = frozenset()) -> str | None:
    """All the text inside an element, leaving out the subtrees named in ``skip``."""
    if el is None:
        return None
    parts: list[str] = []
    walker = etree.iterwalk(el, events=("start", "end"))
    for event, node in walker:
        if event == "start":
            if node is not el and node.tag in skip:
                walker.skip_subtree()
            elif node.text:
                parts.append(node.text)
        elif node is not el and node.tail:
            parts.append(node.tail)
    return "".join(parts)


def attr(root: etree._Element, path: str, name: str) -> str | None:
    """An attribute of the first element at ``path``, if both exist."""
    el = root.find(path)
    return el.get(name) if el is not None else None


def xml_lang(el: etree._Element) -> str | None:
    value = el.get(XML_LANG)
    return str(value) if value else None
