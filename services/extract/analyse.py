"""The extract stage's text analysis: one pure function over a normalised article.

No I/O beyond the gazetteer data shipped with the package (loaded once, lazily).
"""

from __future__ import annotations

from typing import NamedTuple

from services.core.models import DateValue, Entity, NormalisedArticle, Quantity, Quote

from . import spacy_engine
from .dates import dateline_date, find_dates, parse_received
from .entities import build
from .quantities import find_quantities
from .quotes import find_quotes
from .text import segments


class Analysis(NamedTuple):
    entities: list[Entity]
    quotes: list[Quote]
    dates: list[DateValue]
    quantities: list[Quantity]
    dateline_date: str | None = None  # ISO date of the dateline, for Dateline.date


def analyse(article: NormalisedArticle, ner_model: str | None = None) -> Analysis:
    """Entities, quotes, dates and quantities of one article.

    `ner_model` names an optional spaCy pipeline whose entities add recall; by default the
    module setting `spacy_engine.NER_MODEL` (from WIRESTREAM_NER_MODEL) is used.
    """
    segs = segments(article)
    dl = article.dateline
    model = ner_model if ner_model is not None else spacy_engine.NER_MODEL
    model_spans = spacy_engine.find(segs, model) if model else None
    index = build(
        segs, dl.city if dl else None, dl.agency if dl else None, dl.text if dl else None, model_spans=model_spans
    )
    quotes = find_quotes(segs, index)
    received = parse_received(article.received_at)
    dl_date = dateline_date(dl.date_text, article.received_at, segs) if dl else None
    anchor = dl_date or received
    dates: list[DateValue] = []
    if dl and dl.date_text:
        at = dl.text.find(dl.date_text) if dl.text else -1
        start = max(at, 0)
        # Offsets into Dateline.text (block None): the dateline is cut from the body.
        dates.append(
            DateValue(
                text=dl.date_text,
                value=dl_date.isoformat() if dl_date else None,
                block=None,
                start=start,
                end=start + len(dl.date_text),
            )
        )
    dates.extend(find_dates(segs, anchor, received.year if received else None))
    taken: dict[int, list[tuple[int, int]]] = {}
    for d in dates:
        if d.block is not None:
            taken.setdefault(d.block, []).append((d.start, d.end))
    quantities = find_quantities(segs, taken)
    return Analysis(index.entities, quotes, dates, quantities, dl_date.isoformat() if dl_date else None)
