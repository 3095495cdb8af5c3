"""Normalised articles written inline, for the extract tests: one builder, one runner."""

from __future__ import annotations

from services.core.models import Block, Dateline, NormalisedArticle, RawInfo
from services.extract.analyse import Analysis, analyse


def article(
    *paragraphs: str,
    headline: str | None = None,
    dateline: Dateline | None = None,
    received_at: str = "2025-03-04T10:00:00Z",
    source: str | None = None,
) -> NormalisedArticle:
    return NormalisedArticle(
        id="t",
        received_at=received_at,
        correlation_id="c",
        format="text",
        source=source or None,
        raw=RawInfo(sha256="0" * 64, size=1, charset="utf-8"),
        headline=headline,
        dateline=dateline,
        body=[Block(kind="paragraph", text=p) for p in paragraphs],
    )


def run(*paragraphs: str, headline: str | None = None, dateline: Dateline | None = None, source: str = "") -> Analysis:
    return analyse(article(*paragraphs, headline=headline, dateline=dateline, source=source))


def names(r: Analysis, kind: str) -> set[str]:
    return {e.name for e in r.entities if e.type == kind}


def speakers(r: Analysis) -> dict[str, str | None]:
    return {q.text.rstrip(".,"): q.speaker for q in r.quotes}
