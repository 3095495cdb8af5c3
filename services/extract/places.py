"""Choosing one GeoNames record per place name, by the article's country context.

"Homs" is a city in Syria and (as an alternate name) in Libya; "Damascus" is also
a town in Oregon. The country context is every country named in the article, the
dateline city's country, and the country of every name with a single reading;
an ambiguous name takes its most populous reading inside that context, else its
most populous reading overall (primary names before alternate names).
"""

from __future__ import annotations

from collections import Counter

from .gazetteer import Hit, Place


def _rank(p: Place) -> tuple[bool, int]:
    return (p.primary, p.population)


def resolve_places(hits: list[Hit], context: list[Hit]) -> list[Place]:
    """One Place per hit, in order; `context` hits (the dateline city) only add context."""
    votes: Counter[str] = Counter()
    for h in context:
        votes[max(h.places, key=_rank).country_code] += 3
    for h in hits:
        codes = {p.country_code for p in h.places}
        if len(codes) == 1:
            votes[next(iter(codes))] += 1
    out: list[Place] = []
    cache: dict[int, Place] = {}
    for h in hits:
        key = id(h)
        if key not in cache:
            inside = [p for p in h.places if votes[p.country_code]]
            if inside:
                cache[key] = max(inside, key=lambda p: (votes[p.country_code] > 0, *_rank(p)))
            else:
                cache[key] = max(h.places, key=_rank)
        out.append(cache[key])
    return out
