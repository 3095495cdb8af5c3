"""Normalise: detect the format, parse the copy into its parts, clean its text."""

from __future__ import annotations

from services.core.errors import Unparseable
from services.core.models import IngestedArticle, NormalisedArticle, RawInfo
from services.core.stage import Stage, StageContext
from services.normalise.formats import parse_copy
from services.normalise.language import detect_language

# Enough copy to tell a language reliably; detection cost grows with it.
_LANGUAGE_SAMPLE = 4000


def normalise(article: IngestedArticle, ctx: StageContext | None = None) -> NormalisedArticle:
    raw = article.raw
    parsed = parse_copy(raw.text, article.format_hint)
    if not parsed.headline and not parsed.body:
        raise Unparseable(f"no headline and no body text found in the {parsed.format} copy")
    language = parsed.language or detect_language(
        " ".join([parsed.headline or "", *(b.text for b in parsed.body[:20])])[:_LANGUAGE_SAMPLE]
    )
    base = dict(article)
    base.pop("raw")
    base["external_id"] = article.external_id or parsed.external_id
    return NormalisedArticle(
        **base,
        raw=RawInfo(sha256=raw.sha256, size=raw.size, charset=raw.charset),
        format=parsed.format,
        language=language,
        headline=parsed.headline,
        subheadline=parsed.subheadline,
        byline=parsed.byline,
        slugline=parsed.slugline,
        dateline=parsed.dateline,
        body=parsed.body,
        boilerplate=parsed.boilerplate,
        signals=parsed.signals,
    )


STAGE = Stage("normalise", input_model=IngestedArticle, run=normalise)
