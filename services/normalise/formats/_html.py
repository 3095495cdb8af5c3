"""Body content (HTML, XHTML, NITF body.content) to ordered body blocks.

One walker serves every markup format: block-level elements open a new block,
inline elements only add their text. The walk is iterative, so a hostile,
deeply nested fragment cannot exhaust the Python stack.
"""

from __future__ import annotations

import re

from lxml import etree, html

from services.core.errors import Unparseable
from services.core.models import Block
from services.normalise.formats._common import clean_pre, split_paragraphs

HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6", "hl1", "hl2"})
PREFORMATTED = frozenset({"pre"})
BLOCKS = HEADINGS | PREFORMATTED | frozenset(
    {
        "p", "div", "li", "ul", "ol", "dl", "dt", "dd", "blockquote", "section", "article",
        "block", "body", "body.content", "table", "tr", "caption", "aside", "main",
        "nitf", "html", "center", "address", "figure", "tagline", "bibliography",
    }
)  # fmt: skip
# Not article text: metadata, media captions, notes to editors, scripts.
SKIPPED = frozenset(
    {
        "head", "header", "footer", "nav", "script", "style", "title", "meta", "media",
        "note", "figcaption", "img", "video", "audio", "object", "iframe", "body.head",
        "body.end", "template", "noscript",
    }
)  # fmt: skip

_TAG = re.compile(r"<[a-zA-Z!/?]")
MAX_CHARS = 8 * 1024 * 1024


def blocks_from_element(root: etree._Element, *, skip: frozenset[str] = SKIPPED) -> list[Block]:
    """Walk an element's content and return its paragraphs, headings and preformatted text."""
    builder = _Builder()
    walker = etree.iterwalk(root, events=("start", "end"))
    for event, el in walker:
        tag = el.tag.lower() if isinstance(el.tag, str) else ""
        if event == "start":
            if el is not root and tag in skip:
                walker.skip_subtree()
                continue
            if tag in BLOCKS:
                builder.open(tag)
            elif tag == "br":
                builder.add("\n")
            if el.text and tag not in skip:
                builder.add(el.text)
        else:
            if tag in BLOCKS:
                builder.close()
            if el is not root and el.tail:
                builder.add(el.tail)
    builder.close()
    return builder.blocks


def blocks_from_html(fragment: str) -> list[Block]:
    """Parse an HTML fragment (or plain text in an HTML field) into body blocks."""
    if len(fragment) > MAX_CHARS:
        raise Unparseable(f"the body is larger than {MAX_CHARS} characters")
    if not _TAG.search(fragment):
        return [Block(kind="paragraph", text=p) for p in split_paragraphs(fragment)]
    parser = html.HTMLParser(no_network=True, remove_comments=True, remove_pis=True)
    try:
        root = html.fragment_fromstring(fragment, create_parent="div", parser=parser)
    except (etree.ParserError, ValueError) as exc:
        raise Unparseable(f"the HTML body cannot be parsed: {exc}") from exc
    # The HTML parser recovers from everything, even from nesting past libxml2's depth
    # limit, by dropping what lies deeper; refuse that rather than lose text silently.
    if any(e.type_name == "ERR_RESOURCE_LIMIT" for e in parser.error_log):
        raise Unparseable("the HTML body is nested too deeply")
    return blocks_from_element(root)


class _Builder:
    """Collects text into the block being built; kinds nest (a <pre> inside a <div>)."""

    def __init__(self) -> None:
        self.blocks: list[Block] = []
        self._kinds: list[str] = ["paragraph"]
        self._parts: list[str] = []

    def open(self, tag: str) -> None:
        self._flush()
        kind = "heading" if tag in HEADINGS else "preformatted" if tag in PREFORMATTED else None
        self._kinds.append(kind or self._kinds[-1])

    def close(self) -> None:
        self._flush()
        if len(self._kinds) > 1:
            self._kinds.pop()

    def add(self, text: str) -> None:
        self._parts.append(text)

    def _flush(self) -> None:
        raw, self._parts = "".join(self._parts), []
        if not raw.strip():
            return
        kind = self._kinds[-1]
        if kind == "preformatted":
            self.blocks.append(Block(kind="preformatted", text=clean_pre(raw)))
        else:
            # Wire copy inside <p> is often hard-wrapped (with <br> or newlines) and may
            # mark paragraphs by indenting them, as Reuters does; split_paragraphs knows both.
            kind_ = "heading" if kind == "heading" else "paragraph"
            self.blocks.extend(Block(kind=kind_, text=t) for t in split_paragraphs(raw))
