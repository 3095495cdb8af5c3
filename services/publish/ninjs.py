"""Render an enriched article as an IPTC ninjs 2.2 document.

``to_ninjs`` takes the ``data`` of a ``wirestream.article.enriched.v1`` CloudEvent (the
EnrichedArticle as JSON) and returns a document valid against the IPTC schema
``http://www.iptc.org/std/ninjs/ninjs-schema_2.2.json#``. ninjs has no ``null`` values, so
anything the article does not know is left out rather than written as null.

Mapping:

- ``uri`` ``urn:wirestream:article:<id>``; ``version`` the article version as a string;
  ``altids`` the wirestream id and the producer's external id.
- ``versioncreated`` when publish issued this version (trace), else ``received_at``;
  ``firstcreated`` ``received_at``, for version 1 only (a later version does not know when
  the first one was created).
- ``headlines`` role ``main`` (headline) and ``sub`` (subheadline); ``bodies`` role ``main``
  twice: ``text/html`` (``<p>``, ``<h2>``, ``<pre>``, text HTML-escaped) and ``text/plain``
  (blocks separated by a blank line), each with ``charcount`` and ``wordcount``.
- ``by`` the byline, ``slugline``, ``language``, ``located`` the dateline city (the
  canonical name of the place entity it names, else the city as written).
- ``people``, ``organisations``, ``places`` from the entities: ``name``, ``literal`` the
  entity id, ``rel`` ``quoted`` for a person who is the speaker of a quote and ``mentioned``
  otherwise, ``uri`` the GeoNames URI of a place that has one, else a wirestream URN; a place
  with coordinates has ``geojson``, a GeoJSON Point ``[lon, lat]``.
- ``infosources`` the producer (``source``) and the dateline agency.
"""

from __future__ import annotations

import html
from datetime import datetime
from typing import Any
from urllib.parse import quote

NINJS_VERSION = "2.2"
NINJS_SCHEMA = "http://www.iptc.org/std/ninjs/ninjs-schema_2.2.json#"
URN_BASE = "urn:wirestream:"
PROFILE = "text-only"
GEONAMES_URI = "https://sws.geonames.org/{}/"
_HTML_TAG = {"paragraph": "p", "heading": "h2", "preformatted": "pre"}
_ENTITY_FIELD = {"person": "people", "organisation": "organisations", "place": "places"}


def _urn(kind: str, ident: str) -> str:
    return f"{URN_BASE}{kind}:{quote(ident, safe='-._~:')}"


def _text(value: Any) -> str | None:
    """A non-empty string, or None: ninjs has no nulls and empty strings say nothing."""
    if isinstance(value, str) and value.strip():
        return value
    return None


def _datetime(value: Any) -> str | None:
    """An RFC 3339 date-time with a zone, as given; None when it is not one."""
    text = _text(value)
    if text is None:
        return None
    try:
        parsed = datetime.fromisoformat(text)
    except ValueError:
        return None
    return text if parsed.tzinfo is not None and "T" in text.upper() else None


def _trace_time(article: dict[str, Any], stage: str) -> str | None:
    entry = (article.get("trace") or {}).get(stage)
    return _datetime(entry.get("at")) if isinstance(entry, dict) else None


def _body_html(blocks: list[dict[str, Any]]) -> str:
    parts = []
    for block in blocks:
        tag = _HTML_TAG.get(block.get("kind", ""), "p")
        parts.append(f"<{tag}>{html.escape(block.get('text', ''), quote=False)}</{tag}>")
    return "".join(parts)


def _bodies(blocks: list[dict[str, Any]]) -> list[dict[str, Any]]:
    texts = [b.get("text", "") for b in blocks if _text(b.get("text"))]
    if not texts:
        return []
    plain = "\n\n".join(texts)
    counts = {"charcount": sum(len(t) for t in texts), "wordcount": len(plain.split())}
    return [
        {"role": "main", "contenttype": "text/html", **counts, "value": _body_html(blocks)},
        {"role": "main", "contenttype": "text/plain", **counts, "value": plain},
    ]


def _geojson(geo: Any) -> dict[str, Any] | None:
    if not isinstance(geo, dict):
        return None
    lat, lon = geo.get("lat"), geo.get("lon")
    if not isinstance(lat, int | float) or not isinstance(lon, int | float):
        return None
    return {"type": "Point", "coordinates": [float(lon), float(lat)]}


def _entity(entity: dict[str, Any], speakers: set[str]) -> dict[str, Any]:
    ident = str(entity["id"])
    item: dict[str, Any] = {"name": entity["name"], "rel": "quoted" if ident in speakers else "mentioned"}
    geo = entity.get("geo") if isinstance(entity.get("geo"), dict) else {}
    geonames_id = geo.get("geonames_id") if geo else None
    if isinstance(geonames_id, int):
        item["uri"] = GEONAMES_URI.format(geonames_id)
    else:
        item["uri"] = _urn("entity", ident)
    item["literal"] = ident
    if entity.get("type") == "place" and (point := _geojson(geo)) is not None:
        item["geojson"] = point
    return item


def _located(article: dict[str, Any]) -> str | None:
    dateline = article.get("dateline")
    city = _text(dateline.get("city")) if isinstance(dateline, dict) else None
    if city is None:
        return None
    wanted = city.casefold()
    for entity in article.get("entities") or []:
        if entity.get("type") != "place":
            continue
        names = [entity.get("name", ""), *(entity.get("aliases") or [])]
        if any(isinstance(n, str) and n.casefold() == wanted for n in names):
            return str(entity["name"])
    return city


def _infosources(article: dict[str, Any]) -> list[dict[str, Any]]:
    source = _text(article.get("source"))
    dateline = article.get("dateline")
    agency = _text(dateline.get("agency")) if isinstance(dateline, dict) else None
    found: list[dict[str, Any]] = []
    if source is not None:
        same = agency is not None and agency.casefold() == source.casefold()
        found.append({"name": agency if same else source, "role": "source", "literal": source})
    if agency is not None and (source is None or agency.casefold() != source.casefold()):
        found.append({"name": agency, "role": "originator"})
    return found


def to_ninjs(article: dict[str, Any]) -> dict[str, Any]:
    """The enriched event's ``data`` (an EnrichedArticle as JSON) as a ninjs 2.2 document."""
    version = article.get("version", 1)
    doc: dict[str, Any] = {
        "uri": _urn("article", str(article["id"])),
        "standard": {"name": "ninjs", "version": NINJS_VERSION, "schema": NINJS_SCHEMA},
        "type": "text",
        "representationtype": "full",
        "profile": PROFILE,
        "version": str(version),
        "pubstatus": "usable",
    }
    received = _datetime(article.get("received_at"))
    if version == 1 and received is not None:
        doc["firstcreated"] = received
    if (created := _trace_time(article, "publish") or received) is not None:
        doc["versioncreated"] = created
    optional = {
        "language": _text(article.get("language")),
        "by": _text(article.get("byline")),
        "slugline": _text(article.get("slugline")),
        "located": _located(article),
    }
    doc.update({k: v for k, v in optional.items() if v is not None})

    headlines = [
        {"role": role, "value": value}
        for role, value in (("main", _text(article.get("headline"))), ("sub", _text(article.get("subheadline"))))
        if value is not None
    ]
    if headlines:
        doc["headlines"] = headlines
    if bodies := _bodies(article.get("body") or []):
        doc["bodies"] = bodies

    speakers = {q["speaker_entity"] for q in article.get("quotes") or [] if q.get("speaker_entity")}
    grouped: dict[str, list[dict[str, Any]]] = {field: [] for field in _ENTITY_FIELD.values()}
    for entity in article.get("entities") or []:
        field = _ENTITY_FIELD.get(entity.get("type", ""))
        if field is not None and _text(entity.get("name")) and _text(entity.get("id")):
            grouped[field].append(_entity(entity, speakers))
    doc.update({field: items for field, items in grouped.items() if items})

    if infosources := _infosources(article):
        doc["infosources"] = infosources
    altids = [{"role": "wirestream", "value": str(article["id"])}]
    if (external := _text(article.get("external_id"))) is not None:
        altids.append({"role": "external", "value": external})
    doc["altids"] = altids
    return doc
