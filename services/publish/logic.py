"""Publish: validate the finished article against schemas/ and write each version once."""

from __future__ import annotations

from services.core.models import ArticleBase, EnrichedArticle, ExtractedArticle
from services.core.schemas import validate_event
from services.core.stage import Stage, StageContext

PUBLISHED_TTL_S = 7 * 86_400


def publish(article: ExtractedArticle, ctx: StageContext | None = None) -> EnrichedArticle:
    return EnrichedArticle(**dict(article))


def once_guard(article: ArticleBase, ctx: StageContext) -> tuple[str, int]:
    """(article, version) is written to wire:enriched once: the key is set with the XADD."""
    return ctx.keys.published(article.id, article.version), max(PUBLISHED_TTL_S, ctx.settings.dedupe_ttl)


STAGE = Stage("publish", input_model=ExtractedArticle, run=publish, guard=once_guard, validate=validate_event)
