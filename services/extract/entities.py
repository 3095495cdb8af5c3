"""People, organisations and places: candidates from capitalised runs and the gazetteer.

Pass one reads every segment: gazetteer hits (places, organisations), organisation
patterns ("... Ministry", "Ministry of ..."), and person names that carry a cue (a
title or role before them, a known first name, "X said", an apposition).  Pass two
resolves what had no cue against the people found (surnames, repeated names) and
role nouns ("the Kremlin spokesman") against the roles people were introduced with.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from typing import cast

from services.core.models import Entity, EntityType, Geo, Mention

from . import gazetteer as gz
from .places import resolve_places
from .text import NAME_PARTICLES, RUN_RE, TOKEN_RE, Segment

ORG_SUFFIX = frozenset(
    [
        "Ministry",
        "Department",
        "Council",
        "Party",
        "Committee",
        "Commission",
        "Agency",
        "Bank",
        "Group",
        "Inc",
        "Inc.",
        "Corp",
        "Corp.",
        "Corporation",
        "Ltd",
        "Ltd.",
        "LLC",
        "plc",
        "PLC",
        "AG",
        "SA",
        "GmbH",
        "Co.",
        "Company",
        "Association",
        "Federation",
        "Union",
        "University",
        "Institute",
        "Foundation",
        "Court",
        "Parliament",
        "Assembly",
        "Senate",
        "Army",
        "Forces",
        "Navy",
        "Police",
        "Service",
        "Office",
        "Organisation",
        "Organization",
        "Authority",
        "Administration",
        "Bureau",
        "Front",
        "Movement",
        "Brigade",
        "Brigades",
        "League",
        "Club",
        "FC",
        "Airlines",
        "Airways",
        "Motors",
        "Holdings",
        "Industries",
        "Systems",
        "Technologies",
        "Press",
        "News",
        "Times",
        "Post",
        "Journal",
        "Media",
        "Network",
        "Exchange",
        "Fund",
        "Board",
        "Alliance",
        "Coalition",
        "Cabinet",
        "Guard",
        "Hospital",
        "School",
        "College",
        "Church",
        "Reserve",
        "Tribunal",
        "Secretariat",
        "Chamber",
        "Duma",
        "Academy",
        "Museum",
        "Centre",
        "Center",
        "Trust",
        "Partners",
        "Capital",
        "Energy",
        "Petroleum",
        "Oil",
        "Gas",
        "Telecom",
        "Mission",
        "Directorate",
        "Command",
        "Guards",
        "Society",
        "Institution",
        "Cooperative",
        "Consortium",
        "Studios",
    ]
)
ORG_HEAD = frozenset(
    [
        "Ministry",
        "Department",
        "University",
        "Bank",
        "Council",
        "Committee",
        "Commission",
        "Court",
        "Institute",
        "Office",
        "Agency",
        "Federation",
        "Union",
        "Church",
        "Party",
        "Association",
        "Academy",
        "Museum",
        "Organization",
        "Organisation",
        "Chamber",
        "Board",
        "Bureau",
        "Fund",
        "Federal",
        "Central",
        "National",
        "State",
    ]
)
PRONOUNS = {"he": "m", "him": "m", "his": "m", "she": "f", "her": "f"}

_VERBS = "|".join(re.escape(v) for v in gz.reporting_verbs())
_ROLES = "|".join(sorted((re.escape(r) for r in gz.roles()), key=len, reverse=True))
_AFTER_SAID = re.compile(rf"^,?[ \u00a0](?:{_VERBS})\b")
_APPOSITION = re.compile(rf"^,[ \u00a0](?:the |a |an )?(?:[\w-]{{1,30}}[ \u00a0]){{0,3}}?({_ROLES})\b")
_BEFORE_SAID = re.compile(rf"\b(?:{_VERBS}|according to)[ \u00a0]$")
_BEFORE_ROLE = re.compile(rf"(?<![\w-])((?:[a-z][\w-]{{0,30}}[ \u00a0]){{0,2}}?({_ROLES}))[ \u00a0]$")
_ROLE_NP = re.compile(rf"\b([Tt]he)[ \u00a0]((?:[A-Za-z][\w-]{{0,30}}[ \u00a0]){{0,2}}?({_ROLES}))\b(?![ \u00a0][A-Z])")


@dataclass(slots=True)
class Found:
    """One mention before entities are merged."""

    seg: Segment
    start: int
    end: int
    kind: str  # person | organisation | place
    key: str = ""  # merge key: org canonical, place geonames id, person name
    roles: tuple[str, ...] = ()  # role heads a person was introduced with
    hit: gz.Hit | None = None
    cue: bool = True  # False: a bare name kept only if pass two can resolve it

    @property
    def text(self) -> str:
        return self.seg.text[self.start : self.end]


@dataclass(slots=True)
class EntityIndex:
    """Entities of one article, with what quote attribution needs to look them up."""

    entities: list[Entity] = field(default_factory=list)
    # (segment order, start, end, entity index), kept sorted in reading order
    spans: list[tuple[int, int, int, int]] = field(default_factory=list)
    gender: dict[int, str] = field(default_factory=dict)
    _people: list[tuple[int, int, int]] = field(default_factory=list)  # (order, start, idx)

    def finish(self) -> None:
        self.spans.sort()
        self._people = [(o, s, i) for o, s, _e, i in self.spans if self.entities[i].type == "person"]

    def at(self, order: int, start: int, end: int) -> int | None:
        """The entity whose mention overlaps [start, end) in segment `order`, persons first."""
        best: int | None = None
        k = bisect.bisect_left(self.spans, (order, end))
        # Mentions are short, so only a few spans before `end` can overlap.
        for o, s, e, idx in reversed(self.spans[max(0, k - 8) : k]):
            if o == order and s < end and start < e:
                if self.entities[idx].type == "person":
                    return idx
                best = idx if best is None else best
        return best

    def person_near(self, order: int, lo: int, hi: int) -> int | None:
        """The first person mentioned in [lo, hi) of segment `order`."""
        k = bisect.bisect_left(self._people, (order, lo))
        if k < len(self._people) and self._people[k][0] == order and self._people[k][1] < hi:
            return self._people[k][2]
        return None

    def person_before(self, order: int, pos: int, gender: str | None = None) -> int | None:
        """Nearest person mentioned before (order, pos); of the pronoun's gender when known."""
        k = bisect.bisect_left(self._people, (order, pos))
        fallback: int | None = None
        for _o, _s, idx in reversed(self._people[max(0, k - 30) : k]):
            g = self.gender.get(idx)
            if gender is None or g is None or g == gender:
                return idx
            fallback = idx if fallback is None else fallback
        return fallback


def _role_before(text: str, at: int) -> re.Match[str] | None:
    """A role phrase ending right before `at` ("presidential spokesman ")."""
    # Cheap test on the last word first: this runs once per capitalised run.
    last = text[max(0, at - 25) : at].rsplit(None, 1)[-1:]
    if not last or last[0].lower() not in gz.roles():
        return None
    return _BEFORE_ROLE.search(text, max(0, at - 60), at)


def _person_tokens(toks: list[tuple[str, int, int]]) -> list[list[tuple[str, int, int]]]:
    """Split a run's remaining tokens into name groups at connectors such as "and"/"of"."""
    groups: list[list[tuple[str, int, int]]] = []
    cur: list[tuple[str, int, int]] = []
    for tok in toks:
        if (
            (tok[0] in NAME_PARTICLES and cur)
            or tok[0][0].isupper()
            or (tok[0][0] == "a" and tok[0].startswith(("al-", "abu-")))
        ):
            cur.append(tok)
        else:
            if cur:
                groups.append(cur)
            cur = []
    if cur:
        groups.append(cur)
    for g in groups:
        while g and g[-1][0] in NAME_PARTICLES:
            g.pop()
    return [g for g in groups if g]


def _scan(seg: Segment, out: list[Found]) -> None:
    """Pass one over one segment."""
    text = seg.text
    gaz = gz.gazetteer()
    hits = gaz.find(text)
    stop, nat, titles, firsts = gz.stopwords(), gz.nationalities(), gz.titles(), gz.first_names()
    hi = 0
    for run in RUN_RE.finditer(text):
        rs, re_ = run.span()
        while hi < len(hits) and hits[hi][1] <= rs:
            _add_hit(seg, hits[hi], out)
            hi += 1
        inner: list[tuple[int, int, gz.Hit]] = []
        while hi < len(hits) and hits[hi][0] < re_:
            inner.append(hits[hi])
            hi += 1
        toks = [(m.group(), m.start() + rs, m.end() + rs) for m in TOKEN_RE.finditer(run.group())]
        _run(seg, toks=toks, inner=inner, out=out, stop=stop, nat=nat, titles=titles, firsts=firsts)
    for h in hits[hi:]:
        _add_hit(seg, h, out)


def _add_hit(seg: Segment, h: tuple[int, int, gz.Hit], out: list[Found]) -> None:
    start, end, hit = h
    word = seg.text[start:end]
    if word in gz.stopwords():
        return
    if hit.kind == "organisation":
        out.append(Found(seg, start, end, "organisation", hit.org or word, hit=hit))
    else:
        out.append(Found(seg, start, end, "place", hit=hit))


def _run(
    seg: Segment,
    *,
    toks: list[tuple[str, int, int]],
    inner: list[tuple[int, int, gz.Hit]],
    out: list[Found],
    stop: frozenset[str],
    nat: frozenset[str],
    titles: frozenset[str],
    firsts: dict[str, str],
) -> None:
    text = seg.text
    # Organisation patterns first: they may contain places ("Bank of England").
    words = [t[0].rstrip(".") if t[0] not in ("Inc.", "Corp.", "Co.", "Ltd.") else t[0] for t in toks]
    org: tuple[int, int] | None = None
    for i, w in enumerate(words):
        if w in ORG_HEAD and i + 2 < len(words) + 1 and i + 1 < len(words) and words[i + 1] in ("of", "of the", "for"):
            j = i
            while j > 0 and words[j - 1] not in stop and toks[j - 1][0][0].isupper():
                j -= 1
            org = (j, len(toks) - 1)
            break
        if w in ORG_SUFFIX and i > 0:
            j = 0
            while j < i and (words[j] in stop or not toks[j][0][0].isupper()):
                j += 1
            if j < i:
                org = (j, i)
                break
    if org is not None:
        s, e = toks[org[0]][1], toks[org[1]][2]
        exact = [h for h in inner if h[0] == s and h[1] == e]
        if exact:
            _add_hit(seg, exact[0], out)
        else:
            name = text[s:e]
            if name.startswith(("The ", "the ")):
                s, name = s + 4, name[4:]
            out.append(Found(seg, s, e, "organisation", gz.gazetteer().org_aliases.get(name, name)))
        inner = [h for h in inner if h[1] <= s or h[0] >= e]
        toks = toks[: org[0]] + toks[org[1] + 1 :]
    hit_at = {h[0]: h for h in inner}
    rest: list[tuple[str, int, int]] = []
    kinds: list[str] = []
    skip_to = -1
    for tok in toks:
        if tok[1] < skip_to:
            continue
        h = hit_at.get(tok[1])
        if h is not None:
            rest.append((text[h[0] : h[1]], h[0], h[1]))
            kinds.append("gaz")
            skip_to = h[1]
            continue
        word = tok[0]
        if word in titles or word.rstrip(".") in titles:
            kinds.append("title")
        elif word in nat or word in stop:
            kinds.append("stop")
        else:
            kinds.append("name")
        rest.append(tok)
    # A city name read as a person's name: "Hillary Clinton", "chief executive Priya Raman".
    run_cue = bool(rest) and bool(
        _role_before(text, rest[0][1]) or _AFTER_SAID.match(text[rest[-1][2] : rest[-1][2] + 40])
    )
    for i, k in enumerate(kinds):
        if k != "gaz" or hit_at[rest[i][1]][2].kind != "place":
            continue
        prev_name = (
            i > 0
            and kinds[i - 1] == "name"
            and (rest[i - 1][0] in firsts or (i > 1 and kinds[i - 2] == "title") or (i == 1 and run_cue))
        )
        first_here = rest[i][0] in firsts and i + 1 < len(kinds) and kinds[i + 1] in ("name", "gaz")
        if (
            prev_name
            or first_here
            or (i > 0 and kinds[i - 1] == "title" and not hit_at[rest[i][1]][2].places[0].is_country)
        ):
            kinds[i] = "name"
    for i, k in enumerate(kinds):
        if k == "gaz":
            _add_hit(seg, hit_at[rest[i][1]], out)
    # Person name groups.
    i = 0
    while i < len(rest):
        if kinds[i] != "name":
            i += 1
            continue
        j = i
        while j + 1 < len(rest) and kinds[j + 1] == "name":
            j += 1
        group_toks = list(rest[i : j + 1])
        for grp in _person_tokens(group_toks):
            _person(
                seg,
                grp=grp,
                titled=i > 0 and kinds[i - 1] == "title",
                before_toks=rest[:i],
                before_kinds=kinds[:i],
                out=out,
                firsts=firsts,
            )
        i = j + 1


def _person(
    seg: Segment,
    *,
    grp: list[tuple[str, int, int]],
    titled: bool,
    before_toks: list[tuple[str, int, int]],
    before_kinds: list[str],
    out: list[Found],
    firsts: dict[str, str],
) -> None:
    text = seg.text
    s, e = grp[0][1], grp[-1][2]
    name = text[s:e]
    if len(name) < 2 or (name.isupper() and len(grp) == 1 and not titled):
        return
    roles: list[str] = []
    cue = titled
    if titled:
        k = len(before_kinds) - 1
        while k >= 0 and before_kinds[k] == "title":
            k -= 1
        title_words = [t[0] for t in before_toks[k + 1 :]]
        roles.append(title_words[-1].rstrip(".").lower())
    before = text[max(0, s - 60) : s]
    m = _role_before(text, s)
    if m and (not before_toks):
        cue = True
        roles.append(m.group(2).lower())
        rs = s - len(before) + m.start(1)
        out.append(Found(seg, rs, rs + len(m.group(1)), "person", name, roles=(m.group(2).lower(),)))
    after = text[e : e + 80]
    ap = _APPOSITION.match(after)
    if ap:
        cue = True
        roles.append(ap.group(1).lower())
    if len(grp) >= 2 and (
        grp[0][0] in firsts
        or any(("-" in t[0] and t[0].split("-")[0].lower() in NAME_PARTICLES) or t[0] in NAME_PARTICLES for t in grp)
    ):
        cue = True
    if _AFTER_SAID.match(after) or (not before_toks and _BEFORE_SAID.search(before)):
        cue = True
    if len(grp) == 1 and name in gz.stopwords():
        return
    out.append(Found(seg, s, e, "person", name, roles=tuple(roles), cue=cue))


def _surnames(name: str) -> set[str]:
    parts = name.split()
    last = parts[-1]
    out = {last}
    if "-" in last and last.split("-")[0].lower() in NAME_PARTICLES:
        out.add(last.split("-", 1)[1])
    if len(parts) >= 3 and parts[-2] in NAME_PARTICLES:
        out.add(" ".join(parts[-2:]))
    return out


def build(segs: list[Segment], dateline_city: str | None, agency: str | None) -> EntityIndex:
    found: list[Found] = []
    for seg in segs:
        _scan(seg, found)
    # "Acme" after "Acme Robotics Inc." is the company, whatever cue it had.
    org_heads = {f.key.split()[0]: f.key for f in found if f.kind == "organisation" and " " in f.key}
    people: dict[str, list[str]] = {}  # canonical name -> role heads
    canon_of: dict[str, str] = {}  # any known form (full name, surname) -> canonical
    # Fuller names first, so "Kovac" in a headline joins "Anton Kovac" from the body.
    defining = [f for f in found if f.kind == "person" and f.cue and f.text == f.key]
    defining.sort(key=lambda f: (-len(f.key.split()), f.seg.order, f.start))
    for f in defining:
        name = f.key
        if name in org_heads:
            continue
        target = _match_person(name, canon_of)
        if target is None:
            target = name
            people.setdefault(name, [])
        canon_of[name] = target
        for s_ in _surnames(name):
            canon_of.setdefault(s_, target)
    for f in found:
        if f.kind == "person" and f.key in org_heads and f.key not in canon_of:
            f.kind, f.key, f.cue = "organisation", org_heads[f.key], True
        if f.kind == "person":
            target = canon_of.get(f.key) or _match_person(f.key, canon_of)
            if target is None:
                continue
            f.key, f.cue = target, True
            people[target].extend(r for r in f.roles if r not in people[target])
        elif f.kind == "place" and f.text in canon_of and f.text not in gz.gazetteer().country_names.values():
            # "Clinton" after "Hillary Clinton" is the person, not the town.
            f.kind, f.key, f.cue = "person", canon_of[f.text], True
    found = [f for f in found if (f.cue and f.kind != "person") or (f.kind == "person" and f.key in people)]
    found.extend(_role_mentions(segs, found, people))
    return _assemble(found, dateline_city, agency)


def _match_person(name: str, canon_of: dict[str, str]) -> str | None:
    if name in canon_of:
        return canon_of[name]
    parts = name.split()
    if len(parts) >= 2:
        for known, target in canon_of.items():
            kp = known.split()
            if len(kp) >= 2 and kp[0] == parts[0] and kp[-1] == parts[-1]:
                return target
    return None


def _role_mentions(segs: list[Segment], found: list[Found], people: dict[str, list[str]]) -> list[Found]:
    """ "the Kremlin spokesman" -> the person most recently introduced with that role."""
    by_role: dict[str, list[str]] = {}
    for name, heads in people.items():
        for h in heads:
            by_role.setdefault(h, []).append(name)
    if not by_role:
        return []
    order = sorted((f.seg.order, f.start, f.key) for f in found if f.kind == "person")
    out: list[Found] = []
    for seg in segs:
        for m in _ROLE_NP.finditer(seg.text):
            head = m.group(3).lower()
            names = by_role.get(head)
            if not names:
                continue
            chosen = names[0]
            for o, s, key in order:
                if (o, s) < (seg.order, m.start()) and key in names:
                    chosen = key
            out.append(Found(seg, m.start(2), m.end(2), "person", chosen))
    return out


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "x"


def _assemble(found: list[Found], dateline_city: str | None, agency: str | None) -> EntityIndex:
    gaz = gz.gazetteer()
    place_hits = [f for f in found if f.kind == "place" and f.hit is not None]
    extra: list[gz.Hit] = []
    if dateline_city:
        h = gaz.lookup(dateline_city.strip())
        if h is not None and h.kind == "place":
            extra.append(h)
    chosen = resolve_places([f.hit for f in place_hits if f.hit is not None], extra)
    for f, place in zip(place_hits, chosen, strict=True):
        f.key = f"place:{place.geonames_id}"
    groups: dict[str, list[Found]] = {}
    for f in sorted(found, key=lambda f: (f.seg.order, f.start)):
        groups.setdefault(f.key if f.kind != "organisation" else f"org:{f.key}", []).append(f)
    index = EntityIndex()
    used: set[str] = set()
    places_by_key = {f"place:{p.geonames_id}": p for p in chosen}
    for key, fs in groups.items():
        kind = fs[0].kind
        if kind == "place":
            place = places_by_key[key]
            surfaces = [f.text for f in fs]
            name = (
                gaz.country_names.get(place.country_code, place.name)
                if place.is_country
                else max(set(surfaces), key=surfaces.count)
            )
            if place.is_country:
                name = place.name
            geo = Geo(country_code=place.country_code, lat=place.lat, lon=place.lon, geonames_id=place.geonames_id)
        else:
            name, geo = (key[4:] if kind == "organisation" else key), None
        _add_entity(index, used=used, name=name, kind=kind, fs=fs, geo=geo)
    known = {e.name for e in index.entities}
    if dateline_city and extra:
        place = extra[0].places[0]
        if f"place:{place.geonames_id}" not in groups:
            _add_entity(
                index,
                used=used,
                name=place.name,
                kind="place",
                fs=[],
                geo=Geo(country_code=place.country_code, lat=place.lat, lon=place.lon, geonames_id=place.geonames_id),
            )
    if agency:
        canonical = gaz.org_aliases.get(agency.strip(), agency.strip())
        if canonical and canonical not in known:
            _add_entity(index, used=used, name=canonical, kind="organisation", fs=[], geo=None)
    index.finish()
    return index


def _add_entity(index: EntityIndex, *, used: set[str], name: str, kind: str, fs: list[Found], geo: Geo | None) -> None:
    base = f"{kind}:{_slug(name)}"
    eid, n = base, 2
    while eid in used:
        eid, n = f"{base}-{n}", n + 1
    used.add(eid)
    idx = len(index.entities)
    aliases: list[str] = []
    mentions: list[Mention] = []
    seen: set[tuple[int, int, int]] = set()
    for f in fs:
        if (f.seg.order, f.start, f.end) in seen:
            continue
        seen.add((f.seg.order, f.start, f.end))
        if f.text != name and f.text not in aliases:
            aliases.append(f.text)
        mentions.append(Mention(block=f.seg.block, start=f.start, end=f.end, in_=f.seg.in_))
        index.spans.append((f.seg.order, f.start, f.end, idx))
    index.entities.append(
        Entity(id=eid, name=name, type=cast(EntityType, kind), aliases=aliases, mentions=mentions, geo=geo)
    )
    if kind == "person":
        g = gz.first_names().get(name.split(maxsplit=1)[0])
        if g:
            index.gender[idx] = g
