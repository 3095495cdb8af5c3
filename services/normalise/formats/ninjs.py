"""ninjs 1.x and 2.x (IPTC News in JSON; Superdesk's dialect of 1.x too).

A document may be one item, a list of items, or an item whose ``associations`` carry
pictures: only the main text item is the article. 1.x and 2.x name the same things
differently (``headline`` vs ``headlines[]``, ``body_html`` vs ``bodies[]``), so each
field is looked up in both shapes.
"""

from __future__ import annotations

import json
from typing import Any

from services.core.errors import EmptyInput, Unparseable
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
from services.normalise.formats._html import blocks_from_html
from services.normalise.parsed import ParsedCopy

_NINJS_KEYS = frozenset({"uri", "guid", "headline", "headlines", "body_html", "body_text", "body_xhtml", "bodies"})
_MAX_CHARS = 8 * 1024 * 1024
# Fields that ninjs defines as strings: any other JSON type means a broken producer, and
# reading past it would publish a headline "5" or an article without its body.
_STRING_FIELDS = (
    "uri", "guid", "headline", "body_text", "body_html", "body_xhtml", "description_text",
    "description_html", "byline", "by", "slugline", "located", "language", "pubstatus",
)  # fmt: skip


def parse(text: str) -> ParsedCopy:
    item = _main_item(_load(text))
    for key in _STRING_FIELDS:
        value = item.get(key)
        if value is not None and not isinstance(value, str):
            raise Unparseable(f"ninjs field {key!r} must be a string, not a JSON {type(value).__name__}")
    headline = _plain(_str(item.get("headline"))) or _role_value(item.get("headlines"), "main")
    slugline = clean(_str(item.get("slugline")))
    body = _body(item)
    located = _str(item.get("located"))
    dateline, body = cut_dateline(body, dateline_from_field(located) if located else None)
    subheadline = (
        clean(_str(item.get("description_text")))
        or _html_text(_str(item.get("description_html")))
        or _role_value(item.get("descriptions"), "summary")
    )
    notes = [clean(_str(item.get(key))) for key in ("ednote", "description_usage")]
    status = (_str(item.get("pubstatus")) or "").lower()
    return ParsedCopy(
        format="ninjs",
        headline=headline,
        subheadline=subheadline if subheadline != headline else None,
        byline=clean(_str(item.get("byline")) or _str(item.get("by")) or _bylines(item)),
        slugline=slugline,
        dateline=dateline,
        body=body,
        boilerplate=unique(notes),
        language=language_tag(_str(item.get("language"))),
        signals=unique(
            [
                *version_signal(_str(item.get("version"))),
                *slug_take_keys(slugline),
                status if status in {"canceled", "withheld"} else None,
            ]
        ),
        external_id=clean(_str(item.get("uri")) or _str(item.get("guid"))),
    )


def _load(text: str) -> Any:
    text = text.lstrip("\ufeff")
    if not text.strip():
        raise EmptyInput("the ninjs document is empty")
    if len(text) > _MAX_CHARS:
        raise Unparseable(f"the ninjs document is larger than {_MAX_CHARS} characters")
    try:
        return json.loads(text)
    except (ValueError, RecursionError) as exc:
        raise Unparseable(f"not valid JSON: {exc}") from exc


def _main_item(doc: Any) -> dict[str, Any]:
    """The text item of a document: itself, or the text one of a list of items."""
    items = [i for i in (doc if isinstance(doc, list) else [doc]) if isinstance(i, dict)]
    items = [i for i in items if _NINJS_KEYS & i.keys()]
    if not items:
        raise Unparseable("no ninjs item found (an object with uri, headline or body fields)")
    texts = [i for i in items if i.get("type", "text") == "text"]
    candidates = [i for i in texts if _has_body(i)] or texts or items
    # Of several text items, the one that carries the others as associations is the story.
    return next((i for i in candidates if i.get("associations")), candidates[0])


def _has_body(item: dict[str, Any]) -> bool:
    return any(item.get(k) for k in ("body_html", "body_xhtml", "body_text", "bodies"))


def _body(item: dict[str, Any]) -> list[Block]:
    for key in ("body_html", "body_xhtml"):
        value = _str(item.get(key))
        if value and value.strip():
            return blocks_from_html(value)
    bodies = item.get("bodies")
    if isinstance(bodies, list):
        for body in sorted(
            (b for b in bodies if isinstance(b, dict) and _str(b.get("value"))),
            key=lambda b: "html" not in (_str(b.get("contenttype")) or ""),
        ):
            return blocks_from_html(_str(body.get("value")) or "")
    text = _str(item.get("body_text"))
    return [Block(kind="paragraph", text=p) for p in split_paragraphs(text or "")]


def _role_value(entries: Any, role: str) -> str | None:
    """The value with the given role in a ninjs 2 list (headlines, descriptions)."""
    if not isinstance(entries, list):
        return None
    values = [e for e in entries if isinstance(e, dict) and _str(e.get("value"))]
    chosen = next((e for e in values if e.get("role") == role), values[0] if values else None)
    if chosen is None:
        return None
    value = _str(chosen.get("value")) or ""
    return _html_text(value) if "html" in (_str(chosen.get("contenttype")) or "") else clean(value)


def _bylines(item: dict[str, Any]) -> str | None:
    entries = item.get("bylines")
    if isinstance(entries, list):
        names = [_str(e.get("byline")) for e in entries if isinstance(e, dict)]
        return ", ".join(n for n in names if n) or None
    return None


def _html_text(value: str | None) -> str | None:
    if not value:
        return None
    return clean(" ".join(block.text for block in blocks_from_html(value)))


def _plain(value: str | None) -> str | None:
    """A text field that should be plain but sometimes carries inline markup."""
    return _html_text(value) if value and "<" in value else clean(value)


def _str(value: Any) -> str | None:
    if isinstance(value, str):
        return value
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    return None
