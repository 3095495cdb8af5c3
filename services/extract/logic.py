"""Extract: entities, quotes, dates and quantities from the normalised article."""

from __future__ import annotations

from services.core.models import Block, ExtractedArticle, NormalisedArticle, RawInfo
from services.core.stage import Stage, StageContext
from services.extract import gazetteer as gz
from services.extract.analyse import analyse


def extract(article: NormalisedArticle, ctx: StageContext | None = None) -> ExtractedArticle:
    found = analyse(article, ner_model=ctx.settings.ner_model if ctx is not None else None)
    fields = dict(article)
    if article.dateline is not None and found.dateline_date:
        fields["dateline"] = article.dateline.model_copy(update={"date": found.dateline_date})
    return ExtractedArticle(
        **fields,
        entities=found.entities,
        quotes=found.quotes,
        dates=found.dates,
        quantities=found.quantities,
    )


def warmup() -> None:
    """Load the gazetteers and compile the patterns once, before the first batch arrives."""
    sample = NormalisedArticle(
        id="warmup",
        received_at="2024-01-01T00:00:00Z",
        correlation_id="warmup",
        raw=RawInfo(sha256="", size=0, charset="utf-8"),
        format="text",
        headline="Minister visits Paris",
        body=[Block(kind="paragraph", text='"We are ready," Foreign Minister Anna Berg told reporters in Paris.')],
    )
    analyse(sample)
    gz.agent_plural_surnames()  # read only for a sentence opening with a plural noun: load it before any batch


STAGE = Stage("extract", input_model=NormalisedArticle, run=extract, warmup=warmup)
