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


# A reading this many times bigger than the one the context picked is meant whatever the
# context says: "Rome" in a story about the United States is still Italy's capital, not the
# Georgia town (context decides between comparable places, not against a world city).
_DWARFS = 50
_WORLD_CITY = 500_000


def _best(places: tuple[Place, ...], votes: Counter[str], world: bool = True) -> Place:
    """The best-scoring reading, the first of equals (most names have one reading: no scoring).

    ``world=False`` for the dateline's own city and region, which the context decides alone.
    """
    if len(places) == 1:
        return places[0]
    best = max(places, key=lambda p: _score(p, votes))
    if not best.primary:
        # "New Delhi" is a city's own name and, in GeoNames, an alternate name of Delhi: the copy
        # means the place whose own name it wrote, when one lies in the same country.
        own = [p for p in places if p.primary and p.country_code == best.country_code]
        if own:
            best = max(own, key=lambda p: _score(p, votes))
    if best.is_country or not world:
        return best
    biggest = max((p for p in places if p.primary and not p.region), key=lambda p: p.population, default=best)
    if biggest.population >= _WORLD_CITY and biggest.population >= _DWARFS * max(best.population, 1):
        return biggest
    return best


def resolve_places(hits: list[Hit], context: list[Hit], agency: str | None = None) -> list[Place]:
    """One Place per hit, in order; `context` hits (the dateline city) only add context."""
    votes: Counter[str] = Counter()
    if agency and agency.strip().lower() in AGENCY_COUNTRY:
        votes[AGENCY_COUNTRY[agency.strip().lower()]] += 1
    dateline: dict[tuple[Place, ...], Place] = {}
    for h in context:
        dateline[h.places] = _best(h.places, votes, world=False)
        votes[dateline[h.places].country_code] += 3
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
            # The dateline city's other mentions are that city ("PARIS, Texas": "in Paris" too).
            cache[key] = dateline.get(h.places) or _best(h.places, votes)
        out.append(cache[key])
    return out
