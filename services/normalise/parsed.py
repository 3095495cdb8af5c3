"""What a format parser returns: the copy split into its parts, before it joins the article."""

from __future__ import annotations

from dataclasses import dataclass, field

from services.core.models import Block, Dateline


@dataclass(slots=True)
class ParsedCopy:
    format: str
    headline: str | None = None
    subheadline: str | None = None
    byline: str | None = None
    slugline: str | None = None
    dateline: Dateline | None = None
    body: list[Block] = field(default_factory=list)
    boilerplate: list[str] = field(default_factory=list)
    language: str | None = None
    signals: list[str] = field(default_factory=list)
    external_id: str | None = None
