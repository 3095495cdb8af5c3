"""Extract: entities, quotes, dates and quantities from the normalised article."""

from __future__ import annotations

from services.core.models import ExtractedArticle, NormalisedArticle
from services.core.stage import Stage, StageContext
from services.extract.analyse import analyse


def extract(article: NormalisedArticle, ctx: StageContext | None = None) -> ExtractedArticle:
    found = analyse(article)
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


STAGE = Stage("extract", input_model=NormalisedArticle, run=extract)
