"""Choosing one GeoNames record per place name, by the article's country context.

"Homs" is a city in Syria and (as an alternate name) in Libya; "Damascus" is also
a town in Oregon. The country context is every country named in the article, the
dateline city's country, and the country of every name with a single reading;
an ambiguous name takes its most populous reading inside that context, else its
most populous reading overall (primary names before alternate names).
"""

from __future__ import annotations

import math
from collections import Counter

from .gazetteer import Hit, Place

# The home country of an agency is weak context for its copy (one vote, as one unambiguous name).
AGENCY_COUNTRY = {
    "afp": "FR",
    "efe": "ES",
    "ansa": "IT",
    "kyodo": "JP",
    "pti": "IN",
    "xinhua": "CN",
    "tass": "RU",
    "yonhap": "KR",
    "aap": "AU",
    "dpa": "DE",
    "anadolu": "TR",
    "aa": "TR",
    "interfax": "RU",
    "ukrinform": "UA",
    "ap": "US",
    "rnz": "NZ",
    "ria": "RU",
    "bernama": "MY",
    "antara": "ID",
    "apa": "AT",
    "ctk": "CZ",
    "pap": "PL",
}


def _rank(p: Place) -> tuple[bool, int]:
    return (p.primary, p.population)


def _score(p: Place, votes: Counter[str]) -> float:
    """Country context first, then size; an alternate spelling counts a quarter of its population."""
    size = p.population * (1.0 if p.primary else 0.25)
    return 1.5 * min(votes.get(p.country_code, 0), 3) + math.log10(size + 10) + (1.0 if p.is_country else 0.0)


def _best(places: tuple[Place, ...], votes: Counter[str]) -> Place:
    """The best-scoring reading, the first of equals (most names have one reading: no scoring)."""
    if len(places) == 1:
        return places[0]
    return max(places, key=lambda p: _score(p, votes))


def resolve_places(hits: list[Hit], context: list[Hit], agency: str | None = None) -> list[Place]:
    """One Place per hit, in order; `context` hits (the dateline city) only add context."""
    votes: Counter[str] = Counter()
    if agency and agency.strip().lower() in AGENCY_COUNTRY:
        votes[AGENCY_COUNTRY[agency.strip().lower()]] += 1
    for h in context:
        votes[_best(h.places, votes).country_code] += 3
    ambiguous: list[Hit] = []
    for h in hits:
        if len(h.places) == 1:
            votes[h.places[0].country_code] += 1
            continue
        codes = {p.country_code for p in h.places}
        if len(codes) == 1:
            votes[next(iter(codes))] += 1
        else:
            ambiguous.append(h)
    # A name whose best reading dwarfs the others ("Naples": the Italian city, not the Florida one)
    # is context too, but weaker than a name with a single reading.
    for h in ambiguous:
        best = _best(h.places, votes)
        rivals = [p.population for p in h.places if p.country_code != best.country_code]
        if best.country_code and best.population > 10 * max(rivals, default=0):
            votes[best.country_code] += 1
    out: list[Place] = []
    cache: dict[int, Place] = {}
    for h in hits:
        key = id(h)
        if key not in cache:
            cache[key] = _best(h.places, votes)
        out.append(cache[key])
    return out
