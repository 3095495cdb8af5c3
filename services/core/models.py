"""The article document (v1) as it grows stage by stage.

Each stage's model extends the one before it, so a consumer may subscribe at any
stage and find everything known so far. Schema evolution rule: a new field always
has a default; an existing field never changes type; a breaking change is a v2.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

FORMATS = ("text", "anpa1312", "iptc7901", "nitf", "newsml2", "newsml12", "ninjs")
Format = Literal["text", "anpa1312", "iptc7901", "nitf", "newsml2", "newsml12", "ninjs"]
FormatHint = Literal["auto", "text", "anpa1312", "iptc7901", "nitf", "newsml2", "newsml12", "ninjs"]
EntityType = Literal["person", "organisation", "place"]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=False, populate_by_name=True)


class StageTrace(_Model):
    """When a stage handled the article, and which worker did it."""

    at: str = Field(description="RFC 3339 time the stage emitted the article")
    worker: str = Field(description="consumer name of the worker")
    version: str = Field(description="wirestream version of the worker")


class RawInfo(_Model):
    """What is kept of the raw input once it has been parsed."""

    sha256: str
    size: int = Field(description="size of the input in bytes, before decoding")
    charset: str = Field(description="charset the input was decoded from")


class RawText(RawInfo):
    text: str = Field(description="the decoded input text, travelling up to normalise")


class Dateline(_Model):
    text: str = Field(description="the dateline as written")
    city: str | None = None
    date_text: str | None = Field(None, description="the date as written")
    date: str | None = Field(None, description="ISO 8601 date, when it can be resolved")
    agency: str | None = None


class Block(_Model):
    kind: Literal["paragraph", "heading", "preformatted"]
    text: str


class Mention(_Model):
    block: int | None = Field(description="index into body; null for headline/subheadline")
    start: int
    end: int
    in_: Literal["headline", "subheadline"] | None = Field(None, alias="in")


class Geo(_Model):
    country_code: str | None = None
    lat: float | None = None
    lon: float | None = None
    geonames_id: int | None = None


class Entity(_Model):
    id: str
    name: str = Field(description="canonical name")
    type: EntityType
    aliases: list[str] = Field(default_factory=list)
    mentions: list[Mention] = Field(default_factory=list)
    geo: Geo | None = None


class Quote(_Model):
    text: str
    speaker: str | None = Field(None, description="canonical name of the speaker")
    speaker_entity: str | None = Field(None, description="id of the speaker's entity")
    block: int | None = None
    start: int
    end: int
    cue: str | None = Field(None, description="the reporting verb or phrase")
    in_: Literal["headline", "subheadline"] | None = Field(None, alias="in")


class DateValue(_Model):
    text: str
    value: str | None = Field(description="ISO 8601 date, or null when unresolved")
    block: int | None
    start: int
    end: int


class Quantity(_Model):
    text: str
    value: float
    unit: str | None = None
    block: int | None
    start: int
    end: int


class ArticleBase(_Model):
    id: str = Field(description="stable article id: same source + same content, same id")
    version: int = 1
    source: str | None = None
    external_id: str | None = None
    received_at: str = Field(description="RFC 3339")
    format_hint: FormatHint = "auto"
    correlation_id: str
    trace: dict[str, StageTrace] = Field(default_factory=dict)


class IngestedArticle(ArticleBase):
    raw: RawText


class NormalisedArticle(ArticleBase):
    raw: RawInfo
    format: Format
    language: str | None = None
    headline: str | None = None
    subheadline: str | None = None
    byline: str | None = None
    slugline: str | None = None
    dateline: Dateline | None = None
    body: list[Block] = Field(default_factory=list)
    boilerplate: list[str] = Field(default_factory=list)
    signals: list[str] = Field(
        default_factory=list,
        description="update signals seen in the copy (take keys, writethru, versions)",
    )


class ExtractedArticle(NormalisedArticle):
    entities: list[Entity] = Field(default_factory=list)
    quotes: list[Quote] = Field(default_factory=list)
    dates: list[DateValue] = Field(default_factory=list)
    quantities: list[Quantity] = Field(default_factory=list)


class EnrichedArticle(ExtractedArticle):
    supersedes: str | None = Field(None, description="CloudEvent id of the version this one replaces")


class PublishInput(ArticleBase):
    """What publish reads of an extracted article: the fields that key and version its story.

    Everything else passes through untouched as parsed JSON (no model per entity and
    mention on the hot path); the enriched event is then checked whole against its JSON
    Schema, so a malformed extracted event is still caught, by the committed schema.
    """

    model_config = ConfigDict(extra="allow", frozen=False, populate_by_name=True)

    headline: str | None = None
    slugline: str | None = None
    signals: list[str] = Field(default_factory=list)
    supersedes: str | None = None


class DeadLetter(_Model):
    stage: str
    reason: str = Field(description="a sentence saying why")
    error_type: str
    deliveries: int
    stream: str
    entry_id: str
    article_id: str | None = None
    original: dict[str, str] = Field(
        description="the entry's fields; a value that is not UTF-8 is base64 with key suffix ':b64'"
    )
