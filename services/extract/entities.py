"""People, organisations and places: candidates from capitalised runs and the gazetteer.

Pass one reads every segment: gazetteer hits (places, organisations), organisation
patterns ("... Ministry", "Ministry of ..."), and person names that carry a cue (a
title or role before them, a known first name, "X said", an apposition).  Pass two
resolves what had no cue against the people found (surnames, repeated names) and
role nouns ("the Kremlin spokesman") against the roles people were introduced with.
"""

from __future__ import annotations

import bisect
import dataclasses
import functools
import itertools
import re
import zlib
from collections import Counter
from dataclasses import dataclass, field
from typing import cast

from services.core.models import Entity, EntityType, Geo, Mention
from services.core.text import fold

from . import gazetteer as gz
from .places import resolve_places
from .text import (
    NAME_PARTICLES,
    RUN_RE,
    TOKEN_RE,
    Segment,
    alternation,
    find_words,
    sentence_initial,
)

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
        "Congress",
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
        "Corps",
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
        "Materials",
        "Renewables",
        "Resources",
        "Solutions",
        "Pharmaceuticals",
        "Pharma",
        "Electronics",
        "Semiconductor",
        "Chemicals",
        "Logistics",
        "Operator",
        "Confederation",
        "Railway",
        "Bahn",
        "Expedition",
        "Railways",
        "Gallery",
        "Crescent",
        "Cross",
        "Airport",
        "Authority",
        "Prosecutor's Office",
        "Presidency",
        "Prosecution",
        "Ministries",
        "Secretariat",
        "Observatory",
        "Laboratory",
        "Laboratories",
        "Labs",
        "Mining",
        "Motor",
        "Steel",
        "Shipping",
        "Broadcasting",
        "Television",
        "Radio",
        "Sport",
        "Sports",
        "TV",
        "Securities",
        "Communications",
        "Survey",
        "Investments",
        "Insurance",
        "Entertainment",
        "Therapeutics",
        "Biotech",
        "Robotics",
        "Conservatory",
        "Conservatoire",
        "Philharmonic",
        "Orchestra",
        "Theatre",
        "Theater",
        "Opera",
        "Ballet",
        "Holding",
        "Library",
        "Archive",
        "Archives",
        "Racing",
        "Motorsport",
        "Motorsports",
        # sector nouns that close a company's name and are nobody's surname ("Leroy Seafood", "Marcus Foods")
        "Seafood",
        "Foods",
        "Beverages",
        "Brands",
        "Dairy",
        "Fisheries",
        "Minerals",
        "Metals",
        "Fertilizers",
        "Fertilisers",
        "Textiles",
        "Software",
        "Aerospace",
        "Automotive",
        "Engineering",
        "Properties",
        "Realty",
        "Shipyard",
        "Shipyards",
        "Ventures",
        "Healthcare",
        "Biosciences",
        "Diagnostics",
        "Semiconductors",
        "Networks",
        "Hotels",
        "Resorts",
        "Cruises",
        "Bancorp",
        "Publishing",
        "Radiotelevision",
        # legal forms of the former Soviet Union and the Nordics: "Azerenerji OJSC", "Equinor ASA"
        "OJSC",
        "PJSC",
        "CJSC",
        "JSC",
        "ASA",
        "Oyj",
    ]
)
ORG_HEAD = frozenset(
    [
        "Ministry",
        "Department",
        "Directorate",
        "Presidency",
        "Port",
        "Diocese",
        "Archdiocese",
        "Patriarchate",
        "Authority",
        "Secretariat",
        "Assembly",
        "Inspectorate",
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
        "Congress",
        "Confederation",
        "Federal",
        "Central",
        "National",
        "State",
    ]
)
PRONOUNS = {"he": "m", "him": "m", "his": "m", "she": "f", "her": "f"}
# Abbreviated titles stand for a role noun a later mention may use ("Gov. Ann Lee" ... "the governor said").
TITLE_ROLE = {
    "gov": "governor",
    "sen": "senator",
    "rep": "representative",
    "gen": "general",
    "lt": "lieutenant",
    "col": "colonel",
    "sgt": "sergeant",
    "capt": "captain",
    "cmdr": "commander",
    "adm": "admiral",
    "amb": "ambassador",
    "dr": "doctor",
    "prof": "professor",
    "pres": "president",
    "atty": "attorney",
    "insp": "inspector",
    "supt": "superintendent",
    "maj": "major",
    "congressman": "lawmaker",
    "congresswoman": "lawmaker",
}
# Organisation nouns that may speak ("the central bank said") -> words one of which the
# organisation's name must contain; an empty tuple accepts any organisation that is not a public body.
ORG_SPEAKER_NOUNS: dict[str, tuple[str, ...]] = {
    "bank": ("Bank", "Reserve", "Sberbank"),
    "central bank": ("Bank", "Reserve"),
    "lender": ("Bank", "Fund"),
    "fund": ("Fund",),
    "court": ("Court", "Tribunal"),
    "tribunal": ("Tribunal", "Court"),
    "ministry": ("Ministry", "Department"),
    "department": ("Department", "Ministry"),
    "agency": (
        "Agency",
        "Administration",
        "Service",
        "Authority",
        "Bureau",
        "Commission",
        "Programme",
        "Program",
        "Fund",
        "Organization",
        "Organisation",
    ),
    "regulator": ("Commission", "Authority", "Agency", "Administration", "Office", "Board"),
    "watchdog": ("Commission", "Authority", "Agency", "Office", "Board"),
    "commission": ("Commission",),
    "union": ("Union", "Metall", "Federation", "Confederation"),
    "party": ("Party",),
    "university": ("University", "College", "Institute"),
    "hospital": ("Hospital", "Clinic", "Institute", "Medical"),
    "museum": ("Museum", "Gallery", "Museo", "Musée", "Museu", "Museen"),
    "gallery": ("Gallery", "Museum", "Galleria", "Galerie"),
    "institute": ("Institute", "Foundation", "Council"),
    "council": ("Council",),
    "service": ("Service",),
    "directorate": ("Directorate",),
    "office": ("Office",),
    "observatory": ("Observatory",),
    "orchestra": ("Orchestra", "Philharmonic"),
    "church": ("Church",),
    "diocese": ("Diocese", "Archdiocese"),
    "expedition": ("Expedition",),
    "presidency": ("Presidency",),
    "authority": ("Authority",),
    "federation": ("Federation",),
    "association": ("Association",),
    "committee": ("Committee",),
    "board": ("Board",),
    "organisation": (),
    "organization": (),
    "company": (),
    "firm": (),
    "group": (),
    "carmaker": (),
    "automaker": (),
    "planemaker": (),
    "chipmaker": (),
    "drugmaker": (),
    "trainmaker": (),
    "shipbuilder": (),
    "league": ("League", "Liga", "Serie", "Bundesliga", "Ligue"),
    "manufacturer": (),
    "maker": (),
    "airline": (),
    "carrier": (),
    "operator": (),
    "retailer": (),
    "insurer": (),
    "startup": (),
    "developer": (),
    "producer": (),
    "miner": (),
    "club": (),
    "team": (),
    "conglomerate": (),
    "giant": (),
    "utility": (),
    "broadcaster": (),
    "network": (),
    "charity": (),
    "brewer": (),
    "railway": ("Railway", "Railways", "Rail", "Bahn"),
    "inspectorate": ("Inspectorate",),
    "foundation": ("Foundation",),
    "bureau": ("Bureau",),
    "confederation": ("Confederation", "Federation"),
    "coast guard": ("Guard",),
    "bench": ("Court", "Tribunal"),  # "the bench observed": the court that sat
    "opera house": ("Opera", "Theatre", "Theater"),
    "opera": ("Opera",),
    "theatre": ("Theatre", "Theater", "Opera"),
    "theater": ("Theater", "Theatre", "Opera"),
    "ngo": (),
    "forecaster": ("Office", "Service", "Agency", "Bureau", "Administration", "Institute"),
    "supplier": (),
    "distributor": (),
}
# Name words a noun may also mean, below its own ("the aviation authority" for a Federal Air Transport
# Agency; "the weather bureau" for a meteorological Administration): only when no name says the noun.
ORG_SPEAKER_SECONDARY: dict[str, frozenset[str]] = {
    "authority": frozenset(["Agency", "Administration", "Service", "Commission", "Directorate", "Inspectorate"]),
    "bureau": frozenset(["Administration", "Agency", "Service", "Office"]),
}
# A role noun a later mention may use for a person introduced with a related role.
ROLE_KIN: dict[str, tuple[str, ...]] = {
    "diplomat": ("ambassador", "envoy", "representative", "minister"),
    "envoy": ("ambassador", "representative", "diplomat"),
    "ambassador": ("envoy", "representative"),
    "lawmaker": ("senator", "representative", "legislator", "congressman", "congresswoman", "deputy", "mp"),
    "legislator": ("senator", "representative", "lawmaker", "deputy"),
    "official": ("spokesman", "spokeswoman", "spokesperson", "director", "head", "chief", "secretary"),
    "executive": ("ceo", "chairman", "chairwoman", "president", "chief", "director"),
    "boss": ("ceo", "chairman", "chairwoman", "chief", "head", "coach", "manager"),
    "politician": ("senator", "lawmaker", "legislator", "minister", "mayor", "governor", "leader"),
    "spokesperson": ("spokesman", "spokeswoman"),
    "spokesman": ("spokesperson",),
    "spokeswoman": ("spokesperson",),
    "leader": ("president", "premier", "chancellor", "prime minister"),
    "skipper": ("captain",),
    "captain": ("skipper",),
    "coach": ("manager",),
    "manager": ("coach",),
    "jurist": ("judge", "justice"),
    "magistrate": ("judge",),
    "scientist": ("researcher", "professor", "physicist", "chemist", "biologist", "astronomer"),
    "researcher": ("scientist", "professor"),
}
_TEAM_NOUNS = frozenset(["club", "team", "side"])
_ARMED_GROUP_WORDS = frozenset(["Forces", "Front", "Movement", "Brigade", "Brigades", "Army"])
# Name words that mark what kind of organisation a name is, and the nouns that may refer to it: "the airline
# said" prefers Qatar Airways to Boeing, and "the planemaker said" never means Qatar Airways.
ORG_KIND_WORDS: dict[str, frozenset[str]] = {
    "Airways": frozenset(["airline", "carrier"]),
    "Airlines": frozenset(["airline", "carrier"]),
    "Bank": frozenset(["bank", "lender", "central bank"]),
    "Motor": frozenset(["carmaker", "automaker", "manufacturer", "maker"]),
    "Motors": frozenset(["carmaker", "automaker", "manufacturer", "maker"]),
    "Insurance": frozenset(["insurer"]),
    "University": frozenset(["university"]),
    "Museum": frozenset(["museum", "gallery"]),
    "Club": frozenset(["club", "team"]),
    "FC": frozenset(["club", "team"]),
    # A league or a federation runs the game: "the club said" never means one.
    "League": frozenset(["league", "organiser", "organizer"]),
    "Federation": frozenset(["federation", "governing body"]),
    "Confederation": frozenset(["confederation", "governing body"]),
}
_ANY_COMPANY_NOUNS = frozenset(["company", "group", "firm", "operator", "organisation", "organization"])
# "the central bank": a name that says it before a plain "Bank of ..." (Bank of America is a lender too).
_CENTRAL_BANK_WORDS = frozenset(["Central", "Reserve", "Bundesbank", "People's"])
PUBLIC_BODY_WORDS = frozenset(
    [
        "Ministry",
        "Department",
        "Court",
        "Council",
        "Party",
        "Senate",
        "Parliament",
        "Assembly",
        "Chamber",
        "House",
        "Congress",
        "Government",
        "Agency",
        "Commission",
        "Police",
        "Army",
        "Navy",
        "Forces",
        "United",
        "Nations",
        "Organization",
        "Organisation",
        "Union",
        "Kremlin",
        "Office",
        "Service",
        "Administration",
    ]
)
# Sector nouns that close company names ("Acme Energy") but, after a nationality alone, name no one.
SECTOR_SUFFIX = frozenset(
    [
        "Energy",
        "Oil",
        "Gas",
        "Petroleum",
        "Capital",
        "Media",
        "Steel",
        "Mining",
        "Shipping",
        "Telecom",
        "Pharma",
        "Pharmaceuticals",
        "Electronics",
        "Chemicals",
        "Logistics",
        "Renewables",
        "Resources",
        "Materials",
        "Television",
        "Radio",
        "Broadcasting",
        "Press",
        "News",
        "Defence",
        "Defense",
        "Trade",
        "Industries",
        "Systems",
        "Technologies",
        "Aerospace",
        "Automotive",
        "Engineering",
        "Software",
        "Healthcare",
        "Seafood",
        "Dairy",
        "Fisheries",
        "Textiles",
        "Metals",
        "Minerals",
    ]
)
# Nouns that make a place's name a company's ("Kenya Power", "Sydney Water", "Israel Post"): after a place
# alone; "Samantha Power" is still a person.
PLACE_ORG_TAIL = frozenset(
    [
        "Power",
        "Electric",
        "Electricity",
        "Water",
        "Post",
        "Rail",
        "Ports",
        "Airports",
        "Grid",
        "Mobile",
        "Cement",
        "Breweries",
        "Pipelines",
        "Re",
        "Lottery",
        "Mint",
        "Sugar",
        "Tobacco",
        "Metro",
        "Transit",
        "Buses",
    ]
)
MEDIA_SUFFIX = frozenset(["Sport", "Sports", "TV", "News", "Radio", "Television"])
# Sports clubs: "FC Porto", "Union Berlin", "Bayer Leverkusen"; "Leeds United", "Blackburn Rovers".
CLUB_HEAD = frozenset(
    [
        "FC",
        "Team",
        "SC",
        "AC",
        "AS",
        "SV",
        "VfB",
        "VfL",
        "TSG",
        "RB",
        "SpVgg",
        "Real",
        "Atletico",
        "Atlético",
        "Athletic",
        "Sporting",
        "Dynamo",
        "Dinamo",
        "Spartak",
        "Lokomotiv",
        "CSKA",
        "Zenit",
        "Olympique",
        "Olympiacos",
        "Union",
        "Eintracht",
        "Borussia",
        "Bayer",
        "Hertha",
        "Werder",
        "Fortuna",
        "Hapoel",
        "Maccabi",
        "Inter",
        "Racing",
        "Stade",
        "Red",
        "Young",
        "Paris",
        "Galatasaray",
        "Fenerbahce",
        "Besiktas",
        "Benfica",
        "Ajax",
        "Feyenoord",
        "PSV",
    ]
)
# Team nicknames closing a club's name: "Penrith Panthers", "Yomiuri Giants", "Melbourne Storm".
NICKNAMES = frozenset(
    [
        "Indians",
        "Kings",
        "Capitals",
        "Riders",
        "Sunrisers",
        "Strikers",
        "Scorchers",
        "Sixers",
        "Renegades",
        "Tigers",
        "Lions",
        "Bears",
        "Eagles",
        "Giants",
        "Dragons",
        "Panthers",
        "Broncos",
        "Roosters",
        "Warriors",
        "Cubs",
        "Sharks",
        "Knights",
        "Bulls",
        "Rams",
        "Raiders",
        "Titans",
        "Storm",
        "Heat",
        "Thunder",
        "Magic",
        "Jazz",
        "Lightning",
        "Celtics",
        "Lakers",
        "Yankees",
        "Dodgers",
        "Mets",
        "Hawks",
        "Falcons",
        "Ravens",
        "Seahawks",
        "Cardinals",
        "Jets",
        "Patriots",
        "Packers",
        "Steelers",
        "Cowboys",
        "Saints",
        "Chargers",
        "Colts",
        "Jaguars",
        "Texans",
        "Vikings",
        "Bengals",
        "Browns",
        "Dolphins",
        "Buccaneers",
        "Rockets",
        "Spurs",
        "Suns",
        "Nets",
        "Knicks",
        "Bucks",
        "Pistons",
        "Pacers",
        "Hornets",
        "Wizards",
        "Grizzlies",
        "Pelicans",
        "Clippers",
        "Blazers",
        "Timberwolves",
        "Nuggets",
        "Mavericks",
        "Cavaliers",
        "Raptors",
        "Bruins",
        "Canadiens",
        "Penguins",
        "Flyers",
        "Islanders",
        "Devils",
        "Sabres",
        "Oilers",
        "Flames",
        "Canucks",
        "Predators",
        "Hurricanes",
        "Ducks",
        "Coyotes",
        "Kraken",
        "Marlins",
        "Braves",
        "Phillies",
        "Brewers",
        "Astros",
        "Angels",
        "Mariners",
        "Royals",
        "Twins",
        "Orioles",
        "Rays",
        "Rockies",
        "Padres",
        "Diamondbacks",
        "Crusaders",
        "Highlanders",
        "Brumbies",
        "Waratahs",
        "Stormers",
        "Eels",
        "Rabbitohs",
        "Bulldogs",
        "Sea-Eagles",
        "Carp",
        "Swallows",
        "BayStars",
        "Fighters",
        "Marines",
        "Buffaloes",
        "Steelers",
        "Wolves",
        "Foxes",
        "Magpies",
        "Gunners",
        "Hammers",
        "Saracens",
        "Harlequins",
        "Leinster",
        "Munster",
        "Wasps",
        "Tigers",
        "Chiefs",
        "Blues",
        "Reds",
        "Sox",
    ]
)
CLUB_TAIL = frozenset(
    [
        "FC",
        "SC",
        "CF",
        "AFC",
        "United",
        "Rovers",
        "Wanderers",
        "Athletic",
        "Albion",
        "Hotspur",
        "Rangers",
        "Wednesday",
        "Argyle",
    ]
)
# German compounds naming a body: "Kulturstiftung der Länder", "Bauernverband Sachsen".
_GERMAN_BODY_ENDINGS = ("stiftung", "verband", "gesellschaft", "gewerkschaft", "kammer", "anstalt")
# The "of" of other languages after a foreign head noun: "Hospital de São Bernardo", "Cortes de Aragón".
_FOREIGN_OF = frozenset(["de", "do", "da", "dos", "das", "di", "del", "della", "des", "du"])
# Organisation head nouns in other languages, opening the name: "Borsa Istanbul", "Banco Santander".
FOREIGN_ORG_HEAD = frozenset(
    [
        "Borsa",
        "Bolsa",
        "Bourse",
        "Banco",
        "Banca",
        "Banque",
        "Universidad",
        "Universitat",
        "Università",
        "Universität",
        "Université",
        "Universidade",
        "Museo",
        "Musée",
        "Museu",
        "Instituto",
        "Istituto",
        "Institut",
        "Ministerio",
        "Ministero",
        "Ministère",
        "Partido",
        "Partito",
        "Parti",
        "Partei",
        "Grupo",
        "Gruppo",
        "Groupe",
        "Hôpital",
        "Ospedale",
        "Klinikum",
        "Fundación",
        "Fondazione",
        "Fondation",
        "Stiftung",
        "Compagnie",
        "Compañía",
        "Empresa",
        "Societe",
        "Société",
        "Deutsche",
        # parties, movements, councils and public bodies in Spanish, Portuguese, Italian and French
        "Frente",
        "Movimiento",
        "Movimento",
        "Mouvement",
        "Alianza",
        "Aliança",
        "Alleanza",
        "Coalición",
        "Rassemblement",
        "Fuerza",
        "Forza",
        "Unión",
        "União",
        "Unione",
        "Sindicato",
        "Confederación",
        "Confederação",
        "Federación",
        "Federação",
        "Federazione",
        "Asociación",
        "Associação",
        "Associazione",
        "Comisión",
        "Comissão",
        "Commissione",
        "Consejo",
        "Conselho",
        "Consiglio",
        "Conseil",
        "Agencia",
        "Agência",
        "Agenzia",
        "Cámara",
        "Câmara",
        "Senado",
        "Congreso",
        "Congresso",
        "Asamblea",
        "Assemblée",
        "Policía",
        "Polícia",
        "Polizia",
        "Ejército",
        "Exército",
        "Teatro",
        "Théâtre",
        "Orquesta",
        "Orquestra",
        "Orchestre",
        "Sociedad",
        "Sociedade",
        "Società",
        "Ferrovie",
        "Ferrocarriles",
        "Petróleos",
        "Comité",
        "Comitato",
        "Secretaría",
        "Fiscalía",
        "Procuraduría",
        "Defensoría",
        "Contraloría",
        "Superintendencia",
        "Prefeitura",
        "Ayuntamiento",
        "Municipalidad",
        "Generalitat",
        "Xunta",
        "Juzgado",
        "Clínica",
        "Escuela",
        "Escola",
        "Scuola",
        "École",
        "Academia",
        "Accademia",
        "Servicio",
        "Serviço",
        "Servizio",
        "Cooperativa",
        "Caixa",
        "Cassa",
        "Cortes",
        "Ordem",
        "Hospital",
    ]
)
# Lower-case nouns that put the capitalised name after them in an organisation: "club Union Berlin".
ORG_CONTEXT = frozenset(
    [
        "club",
        "side",
        "team",
        "company",
        "firm",
        "group",
        "carrier",
        "operator",
        "lender",
        "insurer",
        "retailer",
        "broadcaster",
        "newspaper",
        "daily",
        "agency",
        "party",
        "movement",
        "militia",
        "organisation",
        "organization",
        "bank",
        "automaker",
        "carmaker",
        "airline",
        "manufacturer",
        "maker",
        "producer",
        "giant",
        "conglomerate",
        "startup",
        "start-up",
        "network",
        "channel",
        "outlet",
        "regulator",
        "watchdog",
        "ministry",
        "union",
        "insurgents",
        "rebels",
        "faction",
        "platform",
        "utility",
        "distributor",
        "exchange",
        "lender",
        "developer",
        "supplier",
        "museum",
        "university",
        "publisher",
        "refiner",
        "miner",
        "chain",
        "subsidiary",
        "brand",
        "label",
        "studio",
        "charity",
        "rival",
        "rivals",
        "competitor",
        "association",
        "federation",
        "foundation",
        "consortium",
        "alliance",
        "coalition",
        "cooperative",
        "co-operative",
        "body",
        "chipmaker",
        "shipper",
    ]
)
_SHARE_MOVE_AFTER = re.compile(
    r"[ \u00a0](?:rose|fell|gained|lost|slipped|climbed|jumped|dropped|added|shed|declined|slumped|surged|tumbled|"
    r"advanced|eased|sank|soared|plunged|rallied|was[ \u00a0](?:up|down)|closed[ \u00a0](?:up|down))"
    r"[ \u00a0](?:by[ \u00a0])?\d{1,3}(?:\.\d{1,2})?[ \u00a0]?(?:%|percent\b|per[ \u00a0]cent\b)"
)
# A blend of two capitalised words, the first of four letters or more ("EuroLeague", "TurkStat", "PowerChina");
# "McDonald", "DeShawn", "MacArthur" open with shorter prefixes.
_CAMEL_BODY = re.compile(r"^[A-Z][a-z]{3,}[A-Z][a-z]+$")
# A capitalised word with a profession's ending opening a sentence before a name ("Hygienist ...").
_PROFESSION_ENDINGS = ("ist", "ician", "ologist", "ographer")
# "asset manager Amundi": the kinds of manager that are firms, not people.
_FIRM_MANAGER = frozenset(["asset", "wealth", "investment", "property", "hotel", "fleet"])
# A name ending in one of these is a feature, route, event or document, never a person.
NOT_PERSON_TAIL = frozenset(
    [
        "Slam",  # "Grand Slam"
        "Garros",  # "Roland Garros", the tournament and its grounds
        "Prix",  # "Hungarian Grand Prix"
        "Trophy",  # "Syed Mushtaq Ali Trophy"
        "Boulevard",
        "Sea",
        "Route",
        "River",
        "Street",
        "Square",
        "Road",
        "Avenue",
        "Bridge",
        "Island",
        "Islands",
        "Lake",
        "Ocean",
        "Gulf",
        "Bay",
        "Strait",
        "Canal",
        "Mountain",
        "Mountains",
        "Valley",
        "Desert",
        "Peninsula",
        "Airport",
        "Station",
        "Stadium",
        "Arena",
        "Park",
        "Palace",
        "Hall",
        "Building",
        "Tower",
        "Plaza",
        "Coast",
        "Border",
        "Corridor",
        "Pipeline",
        "Highway",
        "Prize",
        "Cup",
        "League",
        "Games",
        "Olympics",
        "Championship",
        "Championships",
        "Summit",
        "Forum",
        "Agreement",
        "Treaty",
        "Accord",
        "Act",
        "Day",
        "War",
        "Crisis",
        "Declaration",
        "Plan",
        "Initiative",
        "Index",
        "Award",
        "Awards",
        "Festival",
        "Expo",
        "Conference",
        "Week",
        "Bill",
        "Law",
        "Convention",
        "Protocol",
        "Doctrine",
        "Strategy",
        "Project",
        "Programme",
        "Program",
        "Mission",
        "Operation",
        "Region",
        "Province",
        "State",
        "District",
        "County",
        "Oblast",
        "Krai",
        "Republic",
        "City",  # "Sabah Al-Ahmad City": a town, not a person "Al-Ahmad City"
        "Town",
        "Village",
        "Governorate",
        "Prefecture",
        "Municipality",
    ]
)
# Upper-case tokens that are units, abbreviations or titles, not organisations.
NOT_ORG_ACRONYM = frozenset(
    [
        "GMT",
        "UTC",
        "CEO",
        "CFO",
        "COO",
        "CTO",
        "GDP",
        "GNP",
        "AM",
        "PM",
        "TV",
        "OK",
        "ID",
        "PC",
        "IT",
        "AI",
        "LNG",
        "LPG",
        "CPI",
        "PMI",
        "VAT",
        "TNT",
        "DNA",
        "HIV",
        "AIDS",
        "COVID",
        "SUV",
        "MP",
        "MEP",
        "PR",
        "HQ",
        "AGM",
        "IPO",
        "ETF",
        "FY",
        "Q1",
        "Q2",
        "Q3",
        "Q4",
        "NGO",
        "OPINION",
        "UPDATE",
        "URGENT",
        "BREAKING",
        "FLASH",
        "ADVISORY",
    ]
)
_LOCATION_PREP = frozenset(
    [
        "in",
        "at",
        "from",
        "near",
        "to",
        "outside",
        "into",
        "via",
        "across",
        "around",
        "toward",
        "towards",
        "of",
        "between",
        "through",
        "off",
        "inside",
        "within",
        "and",
    ]
)

_VERBS = alternation(gz.reporting_verbs())
_ROLES = alternation(gz.roles())
_AFTER_SAID = re.compile(rf"^,?[ \u00a0](?:{_VERBS})\b")
_APPOSITION = re.compile(
    rf"^,[ \u00a0](?:the |a |an )?(?:[\w'\u2019-]{{1,30}}[ \u00a0]){{0,3}}?({_ROLES})\b(?![ \u00a0](?:{_VERBS})\b)"
)
_BEFORE_SAID = re.compile(rf"\b(?:{_VERBS}|according to)[ \u00a0]$")
_BEFORE_ROLE = re.compile(rf"(?<![\w-])((?:[a-z][\w-]{{0,30}}[ \u00a0]){{0,2}}?({_ROLES}))[ \u00a0]$")
# "its chair, Per-Anders Nutti, said", "the club's coach, Anna Berg,": a role, then the name in apposition.
_ROLE_COMMA_BEFORE = re.compile(
    rf"\b(?:[Ii]ts|[Hh]is|[Hh]er|[Tt]heir|[Tt]he|[A-Z][\w-]+['\u2019]s)[ \u00a0](?:[\w'\u2019-]+[ \u00a0]){{0,2}}?"
    rf"(?:{_ROLES}),[ \u00a0]$"
)
_ROLE_PREP = re.compile(rf"\b(?:{_ROLES})[ \u00a0](?:at|for|with|of|in)\b")
_ROLE_AT = re.compile(rf"\b(?:{_ROLES})[ \u00a0](?:at|for|with)[ \u00a0](?:the[ \u00a0])?$")
_ORG_NOUNS_APPOS = (
    r"company|firm|group|corporation|conglomerate|carmaker|automaker|drugmaker|chipmaker|planemaker|steelmaker|"
    r"maker|manufacturer|producer|supplier|distributor|operator|utility|retailer|lender|bank|insurer|airline|carrier|"
    r"broadcaster|newspaper|platform|startup|start-up|developer|exchange|regulator|agency|union|party|club|team|"
    r"museum|university|hospital|institute|foundation|charity|organisation|organization|association|federation|"
    r"league|network|chain|brand|giant|subsidiary|unit|owner|publisher|miner|refiner|shipper|builder|exporter|importer|"
    r"service|authority|watchdog|inspectorate|directorate|observatory|orchestra|trust|consortium|coalition|"
    r"alliance|cooperative|co-operative|"
    r"[a-z]{2,12}maker|[a-z]{2,12}builder"  # "trainmaker", "shipbuilder"
)
# "Iberdrola, the electricity distributor", "Acme, the world's biggest chipmaker".
_ORG_APPOSITION = re.compile(
    rf",[ \u00a0](?:the|a|an)[ \u00a0](?:[\w'\u2019-]{{1,30}}[ \u00a0]){{0,6}}?(?:{_ORG_NOUNS_APPOS})\b"
    rf"(?!['\u2019]s\b|-|[ \u00a0](?:{_ROLES}|members?|workers?|employees?|staff|boss)\b|[ \u00a0][A-Z])"
)  # "Cauca, the agency UNGRD said": an apposition naming another body describes that one
_WHICH_SAID = re.compile(rf",[ \u00a0]which[ \u00a0][^.;:\"\u201c\u201d]{{1,100}}?,[ \u00a0](?:{_VERBS})\b")
# "Acme said in a statement": people speak in interviews, organisations in statements and filings.
# "Acme said its profit rose", "Acme said on its website": "its" is the organisation's own.
_STATEMENT_START = (
    " said in",
    ", said in",
    " said on",
    " says in",
    " announced",
    " confirmed",
    ", said on",
    " said its",
    " says its",
)
_STATEMENT_AFTER = re.compile(
    r",?[ \u00a0](?:said|says|announced|confirmed)[ \u00a0](?:on[ \u00a0][A-Z]\w+[ \u00a0])?"
    r"(?:in[ \u00a0]an?[ \u00a0](?:(?:emailed|e-mailed|written|brief|short|joint|separate)[ \u00a0])?"
    r"(?:statement|filing|regulatory filing|press release|release|stock exchange filing|notice)\b"
    r"|on[ \u00a0]its[ \u00a0]website\b|(?:that[ \u00a0])?its[ \u00a0])"
)
# "Acme posted a net loss": people do not report quarterly results.
_RESULTS_START = (" posted", " reported", " booked", " swung")
_RESULTS_AFTER = re.compile(
    r"[ \u00a0](?:posted|reported|booked|swung[ \u00a0]to)[ \u00a0](?:an?[ \u00a0])?(?:[\w-]+[ \u00a0]){0,2}?"
    r"(?:profit|loss|revenue|revenues|sales|earnings)\b"
)
_NATIVE_AFTER = re.compile(r"[ \u00a0]\(([A-Z][a-z]{4,24})\)")
# "(FTC)", "(MoD)", and blends written in camel case: "(TurkStat)", "(GeoNet)".
_ACRONYM_AFTER = re.compile(r"[ \u00a0]\(([A-Z][A-Za-z]{0,2}[A-Z][A-Za-z]{0,8}|[A-Z][a-z]{2,8}[A-Z][a-z]{2,10})\)")
# "..., known by its initials, INEC,": the acronym introduced later.
_KNOWN_AS = re.compile(
    r",[ \u00a0]known[ \u00a0](?:by[ \u00a0](?:its|their|the)[ \u00a0](?:initials|acronym|abbreviation)|as)"
    r",?[ \u00a0](?:the[ \u00a0])?([A-Z][A-Za-z]{0,2}[A-Z][A-Za-z]{0,8})\b"
)
_FACILITY_AFTER = re.compile(
    r"[ \u00a0](?:(?:nuclear|atomic|hydroelectric|hydropower|thermal|coal-fired|gas-fired|power)[ \u00a0])?"
    r"(?:power[ \u00a0])?(?:plant|power[ \u00a0]station|nuclear[ \u00a0]station|dam|refinery|steelworks)\b"
)
_EVENT_AFTER = re.compile(
    r"[ \u00a0](?:Open|Masters|Grand[ \u00a0]Prix|Marathon|Olympics|Paralympics|Games|Biennale|Biennial|Triennale|"
    r"Expo|Film[ \u00a0]Festival|Book[ \u00a0]Fair|Motor[ \u00a0]Show|Air[ \u00a0]Show|Fashion[ \u00a0]Week)\b"
)
_DOC_AFTER = re.compile(r"[ \u00a0](?:Convention|Treaty|Accords?|Agreement|Protocol|Declaration|Conventions)\b")
_ORG_NOUN_AFTER = re.compile(
    r"[ \u00a0](?:(?:state|state-owned|state-run|private|national|electoral|news|oil|gas|energy|mining|"
    r"media|defence|defense|tech|technology|construction|shipping|football|ruling|opposition)[ \u00a0])?"
    r"(?:corporation|company|firm|group|agency|party|club|bank|organisation|organization|movement|"
    r"militia|airline|carrier|conglomerate|service|broadcaster|newspaper|holding|concern|union|museum|"
    r"utility|platform|exchange|gallery|foundation|institute|hospital|university|television|consortium|"
    r"cooperative|co-operative|alliance|coalition|association|federation|network|charity|watchdog|regulator)\b"
    r"(?![ \u00a0][A-Z])"
)
_ORG_LIST_TAIL = re.compile(
    r"(?:,[ \u00a0][A-Z][\w-]{1,30}(?:[ \u00a0][A-Z][\w-]{1,30}){0,2}){1,4},?[ \u00a0]and[ \u00a0]"
    r"[A-Z][\w-]{1,30}(?:[ \u00a0][A-Z][\w-]{1,30}){0,3}"
)
_ROLE_SET = gz.roles()
_MALAY_HONOURS = frozenset(["Datuk", "Dato", "Tan", "Puan", "Tun"])
_ORG_HEAD_ADJ = frozenset(["State", "National", "Federal", "Central"])
# "a woman who fled Keratea said": the name is the object of the relative clause's verb, not who speaks.
_RELATIVE_VERB = re.compile(r"\b(?:who|that)[ \u00a0][a-z]+[ \u00a0]$")
_PLACE_PREPS = frozenset(["in", "at", "near", "outside", "around"])
# "in Kamikoani, a village of about 2,000 people", "at Chisamba, north of Lusaka"
_TOWN_APPOS = re.compile(
    r",[ \u00a0](?:(?:a|the)[ \u00a0](?:[\w-]+[ \u00a0]){0,3}?(?:village|town|city|township|district|suburb|hamlet|"
    r"settlement|municipality|commune|county|province|region|port|island|oasis)\b|(?:north|south|east|west|"
    r"northeast|northwest|southeast|southwest)[ \u00a0]of[ \u00a0][A-Z])"
)
_CLAUSE_ENDS = re.compile(
    r"(?:[.;]|,(?![ \u00a0](?:who|whose)\b)|[ \u00a0](?:on|last|this|next|since|until|before|after|during|where|"
    r"when|while|and|or|to|from|for|in|at|by)\b|$)"
)
_ROLE_PREFIXES = frozenset(["co", "vice", "ex", "deputy", "acting", "former"])
_RUN_CONNECTORS = frozenset(["and", "of", "of the", "for", "for the", "upon"])
# "Acme's chief executive", "Acme's shares": what only an organisation has.
_ORG_POSS_AFTER = re.compile(
    r"['\u2019]s[ \u00a0](?:(?:new|former|outgoing|interim|acting|top)[ \u00a0])?(?:chief[ \u00a0]executive|CEO|chairman|"
    r"chairwoman|board|shares|stock|spokesperson|spokesman|spokeswoman|chief[ \u00a0]financial|subsidiary|headquarters|"
    r"shareholders|market[ \u00a0]value|annual[ \u00a0]revenue|quarterly|net[ \u00a0]profit|profit|revenue|"
    r"press[ \u00a0]service|press[ \u00a0]office)\b"
)
_POSS_NAME_VERB = re.compile(
    r"['\u2019]s[ \u00a0](?:said|says|reported|announced|downgraded|upgraded|cut|raised|lowered|affirmed|posted)\b"
)
# Sport copy: "Belgrano beat Talleres 2-1", "coach of Dortmund": a city's name is its club.
_SPORT_AFTER = re.compile(
    r"(?:,[ \u00a0]who)?[ \u00a0](?:(?:beat|defeated|edged|thrashed|routed|hammered|stunned|drew[ \u00a0]with|lost[ \u00a0](?:\d{1,3}-\d{1,3}[ \u00a0])?to|"
    r"drew[ \u00a0]\d{1,3}-\d{1,3}[ \u00a0]with)[ \u00a0](?:the[ \u00a0])?[A-Z]|\d{1,3}-\d{1,3}\b"
    r"|(?:sacked|sack|sacks|dismissed|fired|appointed|hired)[ \u00a0](?:(?:its|their|head)[ \u00a0]){0,2}(?:coach|manager)\b)"
)
_SPORT_BEFORE = re.compile(
    r"(?:\b(?:beat|beaten|defeated|edged|thrashed|routed|hammered|stunned|drew[ \u00a0]with|lost[ \u00a0]to|coach[ \u00a0]of|"
    r"manager[ \u00a0]of|striker|midfielder|defender|goalkeeper|playmaker|winger)|\d{1,3}-\d{1,3}[ \u00a0](?:win|victory|"
    r"defeat|loss|draw)[ \u00a0](?:over|against|to|for|with))[ \u00a0]$"
)
# "a Kelvara spokesperson said": a name between an article and a spokes-noun is the body spoken for.
_SPOKEN_FOR_BEFORE = re.compile(
    r"\b(?:press[ \u00a0](?:service|office)|spokes(?:person|man|woman))[ \u00a0](?:of|for)[ \u00a0](?:the[ \u00a0])?$"
)
_SPOKES_AFTER = re.compile(r"[ \u00a0]spokes(?:person|man|woman)\b(?![ \u00a0][A-Z])")
# An employee's role noun, then a capitalised name: "Sydbank analyst Sofie Krag".
_LISTED_NAME = r"[A-Z][\w&'\u2019-]*(?:[ \u00a0][A-Z][\w&'\u2019-]*)?"
_LIST_PLURAL_AFTER = re.compile(
    rf"(?:,[ \u00a0]{_LISTED_NAME})*(?:,?[ \u00a0]and[ \u00a0]{_LISTED_NAME})?[ \u00a0](?:unions|parties|banks|lenders|"
    r"companies|firms|groups|clubs|teams|carriers|airlines|insurers|operators|broadcasters|newspapers|carmakers|"
    r"automakers|retailers|associations|federations|organisations|organizations|chains|miners|refiners)\b"
)
_ROLE_THEN_NAME = re.compile(
    r"[ \u00a0](?:analyst|economist|strategist|spokesperson|spokesman|spokeswoman|chief[ \u00a0]executive|"
    r"chief[ \u00a0]economist|chairman|chairwoman|head|boss|director|researcher|scientist|engineer|executive|"
    r"coach|manager|striker|midfielder|defender|goalkeeper|captain|winger|forward|playmaker|meteorologist|"
    r"seismologist|volcanologist|epidemiologist|virologist|curator|conductor|pilot|trader|lawyer|prosecutor|"
    r"inspector|commander|founder|partner|adviser|advisor|consultant)[ \u00a0][A-Z][a-z]"
)
# Roles that also follow a capitalised common noun at a sentence's start ("Opposition leader", "Jury president"):
# a body's name only inside a sentence ("said Slc-Cgil representative Davide Brambilla").
_ROLE_THEN_NAME_INNER = re.compile(
    r"[ \u00a0](?:representative|secretary|leader|official|negotiator|delegate|president)[ \u00a0][A-Z][a-z]"
)
# Capitalised at a sentence start, these qualify the role after them ("Veteran analyst Ann Lee").
_ROLE_MODIFIERS = frozenset(
    [
        "Former",
        "Veteran",
        "Senior",
        "Junior",
        "Top",
        "Independent",
        "Local",
        "Outgoing",
        "Interim",
        "Acting",
        "Assistant",
        "Head",
        "Lead",
        "Retired",
        "Fellow",
        "Rival",
        "Then",
        "Ex",
        "New",
        "Longtime",
        "Star",
        "Young",
        "Injured",
        "Legendary",
        "Influential",
        "Caretaker",
        "Incoming",
        "Substitute",
        "Municipal",
        "Regional",
        "Federal",
        "Provincial",
        "Private",
        "Public",
        "Market",
        "Political",
        "Military",
        "Defence",
        "Defense",
    ]
)
_SCORE = re.compile(r"\d(?<!\w\d)\d{0,2}-\d{1,3}\b")  # \b\d{1,3}-\d{1,3}\b, opening with a class


# Two sets in a row ("6-4 7-6(5)", "6-2, 6-3"): tennis, badminton, squash, where players, not clubs, win.
_SET_SCORES = re.compile(r"[0-7](?<!\w\d)-[0-7](?:\(\d{1,2}\))?,?[ \u00a0][0-7]-[0-7]\b")


# Results written without a hyphenated score: "won by 14 points", Australian football's "12.10 (82)".
_MARGIN = re.compile(
    r"\bby[ \u00a0]\d{1,3}[ \u00a0](?:points|goals|runs|wickets|strokes|lengths)\b|\d\.\d{1,2}[ \u00a0]\(\d{1,3}\)"
)


@functools.lru_cache(maxsize=64)
def _sporty(text: str) -> bool:
    return bool(_SCORE.search(text)) or " coach of " in text or (" by " in text and bool(_MARGIN.search(text)))


def sport_context(text: str, start: int, end: int) -> bool:
    """A name in a sport clause: before/after a result verb or a score."""
    if not _sporty(text):
        return False
    return bool(_SPORT_AFTER.match(text, end)) or bool(_SPORT_BEFORE.search(text[max(0, start - 40) : start]))


@functools.lru_cache(maxsize=64)
def _set_scores(text: str) -> bool:
    return _SET_SCORES.search(text) is not None


def _player(text: str, start: int, end: int) -> bool:
    """A name winning or losing a match with set scores ("Casper Ruud beat Carlos Alcaraz 6-4 7-6(5)")."""
    return _set_scores(text) and sport_context(text, start, end)


_TOWN_AFTER = re.compile(r"(?:,[ \u00a0][A-Z][a-z]|[ \u00a0](?:district|town|village|province|county|municipality)\b)")
_POSSESSIVE = re.compile(r"^['\u2019]s?\b")
# "Ann Lee, 54, said": an age in apposition marks a person.
_AGE_AFTER = re.compile(r"^,[ \u00a0]\d{1,3}(?:,|[ \u00a0](?:and|who|of|from)\b|\.|$)")
# The given-name part of a surname-first name: "Liwei", "Jae-myung", "Van An".
_EA_GIVEN = re.compile(r"^[A-Z][a-z]{1,9}(?:-[a-z]{1,8})?$")
_DATELINE_REGION = re.compile(r"^\s*([^,(]{2,40}),\s*([A-Z][A-Za-z. ]{1,30}?)\s*(?:\(|,|/|\u2014|--?|$)")
_ATTRIBUTIVE_TOKEN = re.compile(r"-[a-z]+$")  # "Osaka-based"
_BASED_SUFFIX = (
    "-based",
    "-owned",
    "-listed",
    "-run",
    "-backed",
    "-controlled",
    "-operated",
    "-funded",
    "-headquartered",
)
_BASED_BEFORE = re.compile(
    r"(?<![\w-])[A-Za-z]+-(?:based|owned|listed|run|backed|controlled|operated|funded|headquartered)[ \u00a0]$"
)
_STOP_LOWER = frozenset(w.lower() for w in gz.stopwords())
_ROLE_NP = re.compile(
    rf"([Tt](?<!\w.)he)[ \u00a0]((?:[A-Za-z][\w-]{{0,30}}[ \u00a0]){{0,2}}?({_ROLES}))\b(?![ \u00a0][A-Z])"
)


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
    alias: str = ""  # another written form to keep as an alias ("Gov. Josh Stein")

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
    # The paragraph read before the one whose quotes are being attributed (set by find_quotes).
    prev_segment: Segment | None = None
    # Who issued the statement the story last named ("X said in a statement"): "the statement said" is theirs.
    statement_by: int | None = None
    # Organisation -> nouns the story puts beside its name ("the Verdi union", "carmaker Porsche",
    # "KB Kookmin Bank, the country's largest commercial lender,").
    org_nouns: dict[int, set[str]] = field(default_factory=dict)

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

    def person_ends_at(self, order: int, lo: int, hi: int) -> bool:
        """Whether a person's mention in segment `order` ends in [lo, hi) ("Ann Lee, a farmer": apposition)."""
        k = bisect.bisect_left(self.spans, (order, hi))
        for o, _s, e, idx in reversed(self.spans[max(0, k - 4) : k]):
            if o == order and lo <= e < hi and self.entities[idx].type == "person":
                return True
        return False

    def person_last(self, order: int, lo: int, hi: int) -> int | None:
        """The last person mentioned in [lo, hi) of segment `order`."""
        k = bisect.bisect_left(self._people, (order, hi))
        if k > 0 and self._people[k - 1][0] == order and self._people[k - 1][1] >= lo:
            return self._people[k - 1][2]
        return None

    def org_before(
        self, order: int, pos: int, noun: str, lo_order: int = -3, mods: frozenset[str] = frozenset()
    ) -> int | None:
        """The organisation mentioned before (order, pos) that a noun ("the central bank") refers to.

        One the story named with that very noun ("the Verdi union") wins; then one whose name says
        the noun's kind ("Bank of Korea" for "the central bank"); a company noun ("the carmaker")
        with no such name means the organisation the story is about, named most often so far.
        Among equals, one whose name has a word of the phrase's own ("the health ministry": the Health
        Ministry, not the Interior Ministry named since) wins.
        """
        need = ORG_SPEAKER_NOUNS.get(noun, () if noun.endswith("maker") else None)  # "the toymaker"
        if need is None:
            return None
        k = bisect.bisect_left(self.spans, (order, pos))
        seen: dict[int, int] = {}  # candidate -> mentions before pos, in recency order
        rank: dict[int, int] = {}  # candidate -> how plainly its name or label says the noun
        first = -1  # the candidate named first
        for o, _s, _e, idx in reversed(self.spans[:k]):
            if o < lo_order:
                break
            ent = self.entities[idx]
            if ent.type != "organisation":
                continue
            if idx not in rank:
                rank[idx] = self._org_rank(idx, noun, need, mods)
            if rank[idx] >= 0:
                seen[idx] = seen.get(idx, 0) + 1
                first = idx
        if not seen:
            return None
        best = max(rank[i] for i in seen)
        pool = [i for i in seen if rank[i] == best]
        if noun not in _TEAM_NOUNS and (need or best >= 4):
            return pool[0]  # the most recent of the plainest
        # "the club said", "the carmaker said": the organisation the story is about (named most
        # often), not the rival named last.
        # A club named first (the headline's or lead's subject) counts one mention more, and wins ties.
        lead = first if noun in _TEAM_NOUNS else -1
        return max(pool, key=lambda i: (seen[i] + (i == lead), i == lead, -pool.index(i)))

    def org_fits(self, idx: int, noun: str) -> bool:
        """Whether an organisation noun ("the medical charity") may mean organisation `idx`."""
        need = ORG_SPEAKER_NOUNS.get(noun, () if noun.endswith("maker") else None)
        return need is not None and self._org_rank(idx, noun, need, frozenset()) >= 0

    def _org_rank(self, idx: int, noun: str, need: tuple[str, ...], mods: frozenset[str]) -> int:
        """-1: the noun cannot mean organisation `idx`; higher: it plainly does."""
        ent = self.entities[idx]
        words = set(ent.name.split()) | {w for a in ent.aliases for w in a.split()}
        base = self._org_kind_rank(idx, noun, need, words)
        if base < 0:
            return base
        return 2 * base + (1 if mods and mods & {w.lower() for w in words} else 0)

    def _org_kind_rank(self, idx: int, noun: str, need: tuple[str, ...], words: set[str]) -> int:
        ent = self.entities[idx]
        if noun in self.org_nouns.get(idx, ()):
            return 3
        kinds = [ORG_KIND_WORDS[w] for w in words if w in ORG_KIND_WORDS]
        if need:
            if not words & set(need):
                secondary = ORG_SPEAKER_SECONDARY.get(noun)
                return 0 if secondary is not None and words & secondary else -1
            if noun == "central bank":
                central = words & _CENTRAL_BANK_WORDS or "National Bank" in ent.name
                return 2 if central or ent.name.startswith("Bank of ") else 0
            return 1 if noun in ORG_SPEAKER_SECONDARY else 0
        if noun in ("group", "militia") and words & _ARMED_GROUP_WORDS:
            return 1  # "the group said" for the Rapid Support Forces or the Arakan Army
        if words & PUBLIC_BODY_WORDS:
            return -1
        if kinds and any(noun in k for k in kinds):
            return 2
        return 0 if not kinds or noun in _ANY_COMPANY_NOUNS else -1

    def org_last(self, order: int, lo: int, hi: int) -> int | None:
        """The last organisation mentioned in [lo, hi) of segment `order`."""
        k = bisect.bisect_left(self.spans, (order, hi))
        for o, s, _e, idx in reversed(self.spans[:k]):
            if o != order or s < lo:
                return None
            if self.entities[idx].type == "organisation":
                return idx
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


_INITIAL_GAP = re.compile(r"(?<![\w.])[A-Z]\.[ \u00a0]$")
_PARTICLE_GAP = re.compile(r" (?:van|von|de|da|di|du|del|della|dos|das) (?:der|den|de|la|le|los|las|dem) ")
_GENERATION = frozenset(["Jr.", "Jr", "Sr.", "Sr", "II", "III", "IV"])


def _runs(text: str, stop: frozenset[str]) -> list[tuple[int, int]]:
    """Capitalised runs, joined across a middle initial: "Dwayne A. Brown Jr.", "K. Srinath Rao".

    A run that ends in a one-letter initial ("Dwayne A") joins the run after its full stop when
    that run does not open with a function word ("Plan B. The ..." stays two).
    """
    out: list[tuple[int, int]] = []
    for run in RUN_RE.finditer(text):
        rs, re_ = run.span()
        cut = text.find(" for the ", rs, re_)
        if cut > 0:
            head = text[rs:cut].rsplit(None, 1)[-1]
            if head not in ORG_SUFFIX and head not in ORG_HEAD and head not in gz.titles():
                # "left the Kuril Islands for the Sea of Okhotsk": two names; "Office for the
                # Coordination of Humanitarian Affairs", "Minister for the Environment": one
                out.append((rs, cut))
                rs = cut + 9
        if out and 6 <= rs - out[-1][1] <= 12 and _PARTICLE_GAP.fullmatch(text, out[-1][1], rs):
            out[-1] = (out[-1][0], re_)  # "Pieter van der Linden", "Maria de la Cruz"
            continue
        if (
            out
            and (
                text[out[-1][1] : rs] in ("'s ", "\u2019s ", "' ", "\u2019 ")
                or (rs == out[-1][1] + 1 and text[out[-1][1] - 1] in "'\u2019")
            )
            and _possessive_name(text, out[-1], rs, re_)
        ):
            out[-1] = (out[-1][0], re_)  # "the U.S. Attorney's Office for ...", "Pakistan People's Party"
            continue
        if out and rs == out[-1][1] + 2 and _INITIAL_GAP.search(text, max(0, rs - 4), rs):
            first = text[rs:re_].split(None, 1)[0]
            prev = text[out[-1][0] : out[-1][1]]
            if first not in stop and (len(prev) == 1 or " " in prev) and prev.split()[0] not in stop:
                out[-1] = (out[-1][0], re_)
                continue
        out.append((rs, re_))
    return out


def _possessive_name(text: str, prev: tuple[int, int], rs: int, re_: int) -> bool:
    """ "Attorney's Office", "People's Party", "Workers' Party": a possessive inside one body's name, where the
    next run opens with a body's head and the owner is no place or person ("Russia's Ministry of Defence")."""
    head = text[rs:re_].split(None, 1)[0]
    if head not in ORG_SUFFIX and head not in ORG_HEAD and head[:-1] not in ORG_SUFFIX:
        return False  # (a plural head too: "National Confederation of Parents' Associations")
    owner = text[prev[0] : prev[1]].rsplit(maxsplit=1)[-1].rstrip("'\u2019")
    # the owner is a role or a plural noun: "Attorney's", "General's", "People's", "Workers'", "Farmers'"
    return (
        owner.lower() in gz.roles()
        or owner in ("People", "Children", "Women", "Men")
        or (
            owner.endswith("s")
            and ("'" in text[prev[1] - 1 : prev[1] + 1] or "\u2019" in text[prev[1] - 1 : prev[1] + 1])
        )
    )


def _scan(seg: Segment, out: list[Found]) -> None:
    """Pass one over one segment."""
    text = seg.text
    gaz = gz.gazetteer()
    # A small town named out of a location context is read as a plain word ("Harlan said").
    hits = [h for h in gaz.find(text) if not h[2].minor or _place_ok(seg, h[0], h[1], h[2])]
    stop, nat, titles, firsts = gz.stopwords(), gz.nationalities(), gz.titles(), gz.first_names()
    hi = 0
    covered = 0  # end of the last organisation name, which may run past its capitalised run
    ext_from = len(text)  # where that name left its own run ("Ministry of Health, Labour and Welfare")
    for rs, re_ in _runs(text, stop):
        if rs < covered:
            continue
        while hi < len(hits) and hits[hi][1] <= rs:
            if not (ext_from <= hits[hi][0] and hits[hi][1] <= covered):
                _add_hit(seg, hits[hi], out)
            hi += 1
        inner: list[tuple[int, int, gz.Hit]] = []
        while hi < len(hits) and hits[hi][0] < re_:
            h = hits[hi]
            if h[0] < rs and text[h[0] : rs] in ("the ", "The "):
                h = (rs, h[1], h[2])  # "to the UN Grigory Lavrentyev": the alias "the UN" starts before the run
            inner.append(h)
            hi += 1
        word = text[rs:re_]
        if not inner and word in stop:
            continue  # "The", "However": a lone function word names nothing
        if word in _PLATFORMS and text[max(0, rs - 4) : rs] in (" on ", "via "):
            continue  # "a statement on Telegram, the group said": the medium of a post names no body
        toks = [(m.group(), m.start() + rs, m.end() + rs) for m in TOKEN_RE.finditer(word)]
        if text.startswith(" & ", re_):
            amp = _ampersand_org(seg, toks, re_, stop, titles)
            if amp is not None:
                out.append(amp)
                covered, ext_from = amp.end, amp.start
                continue
        n_before = len(out)
        _run(seg, toks=toks, inner=inner, out=out, stop=stop, nat=nat, titles=titles, firsts=firsts)
        for f in out[n_before:]:
            if f.kind == "organisation" and f.end > covered:
                covered = f.end
                if f.end > re_:
                    ext_from = re_  # names inside the continuation belong to the organisation
    for h in hits[hi:]:
        if not (ext_from <= h[0] and h[1] <= covered):
            _add_hit(seg, h, out)
    _feature_lists(seg, out)


_AMP_RIGHT = re.compile(r" & ((?:[A-Z][\w'\u2019.-]*)(?:[ \u00a0][A-Z][\w'\u2019.-]*){0,3})")


def _ampersand_org(
    seg: Segment, toks: list[tuple[str, int, int]], re_: int, stop: frozenset[str], titles: frozenset[str]
) -> Found | None:
    """ "Smith & Nephew", "Ernst & Young", "Rothschild & Co": people are never joined by an ampersand,
    firms are (a place such as "Trinidad & Tobago" stays a place)."""
    text = seg.text
    k = len(toks)
    while k > 0 and toks[k - 1][0][0].isupper() and toks[k - 1][0] not in stop and toks[k - 1][0] not in titles:
        k -= 1
    right = _AMP_RIGHT.match(text, re_)
    if k == len(toks) or right is None:
        return None
    words = right.group(1).split()
    n = next((i for i, w in enumerate(words) if w in stop or w in titles or w.rstrip(".,") in gz.titles()), len(words))
    if n == 0:
        return None
    end = right.start(1) + len(" ".join(words[:n]))
    if text[end - 1] == "." and words[n - 1] not in ("Co.", "Inc.", "Corp.", "Ltd."):
        end -= 1
    name = text[toks[k][1] : end]
    gaz = gz.gazetteer()
    for form in (name, name.replace(" & ", " and ")):
        hit = gaz.lookup(form)
        if hit is not None and hit.kind == "place":
            # "Trinidad & Tobago": the whole name is the country, not the town "Trinidad" and "Tobago".
            return Found(seg, toks[k][1], end, "place", hit=hit) if hit.places[0].is_country else None
    key = gaz.org_aliases.get(name) or strip_legal(name)
    return Found(seg, toks[k][1], end, "organisation", key)


def _add_hit(seg: Segment, h: tuple[int, int, gz.Hit], out: list[Found]) -> None:
    start, end, hit = h
    word = seg.text[start:end]
    if word in gz.stopwords():
        return
    if hit.kind == "organisation":
        if word in _PLATFORMS and seg.text[max(0, start - 4) : start] in (" on ", "via "):
            return  # "wrote on Facebook", "said on X": the medium of a post, not the company
        out.append(Found(seg, start, end, "organisation", hit.org or word, hit=hit))
    elif _place_ok(seg, start, end, hit):
        out.append(Found(seg, start, end, "place", hit=hit))


# A place's name before a currency noun names the currency ("U.S. dollars", "Hong Kong dollar").
_CURRENCY_AFTER = re.compile(r"[ \u00a0](?:dollars?|cents|pesos?|rupees?|yuan|francs?|kronas?|kronor|kroner)\b")


def _place_ok(seg: Segment, start: int, end: int, hit: gz.Hit) -> bool:
    """A place name that is also a common word ("Turn", "Reading") needs a location context.

    Alternate spellings that are common words never count; a primary name counts only
    mid-sentence, after a location preposition ("in Reading") or before ", <Name>".
    """
    text = seg.text
    if _DOC_AFTER.match(text, end):
        return False  # "Montreux Convention", "Paris Agreement": a document named after a place
    if start > 1 and text[start - 1] == "-" and text[start - 2].islower():
        return False  # "trans-Pacific routes", "pan-Arab": an adjective made of a place's name
    if text.endswith(("Tour of ", "Tour de ", "Giro d'", "Tour of the "), 0, start):
        return False  # "the Tour of Flanders": a race, not the region
    if text.startswith(" ", end) and _EVENT_AFTER.match(text, end):
        return False  # "Malaysia Open", "Tokyo Olympics", "Boston Marathon": the place names an event
    if text.startswith(" ", end) and _CURRENCY_AFTER.match(text, end):
        return False  # "9.4 billion U.S. dollars", "the Singapore dollar": a currency, not the place
    if text.startswith(" ", end) and _FACILITY_AFTER.match(text, end) and not hit.places[0].is_country:
        return False  # "the Zaporizhzhia nuclear power plant": the place names the plant
    if hit.minor:
        # A small town's name is often a surname or a word: only "in Kaub", "Kaub, Germany", "Kaub district".
        prev = text[max(0, start - 15) : start].split()
        return (bool(prev) and prev[-1].lower() in _LOCATION_PREP and prev[-1] not in ("and", "of")) or bool(
            _TOWN_AFTER.match(text, end)
        )
    if text[start:end] not in gz.common_words():
        return True
    if not any(p.primary for p in hit.places) or seg.in_ is not None or sentence_initial(text, start):
        return False
    prev = text[max(0, start - 15) : start].split()
    if prev and prev[-1].lower() in _LOCATION_PREP:
        return True
    return text[end : end + 2] == ", " and text[end + 2 : end + 3].isupper()


def _org_from_span(
    seg: Segment,
    toks: list[tuple[str, int, int]],
    org: tuple[int, int],
    inner: list[tuple[int, int, gz.Hit]],
    out: list[Found],
    stop: frozenset[str],
) -> tuple[int, int]:
    """Add the organisation `_org_span` found in a run (and the acronym or own-language name bracketed after
    it); return the characters it covers."""
    text = seg.text
    s, e = toks[org[0]][1], toks[org[1]][2]
    if org[1] == len(toks) - 1 and " of " in text[s:e]:
        # "Ministry of Health, Labour and Welfare": a listed field of competence continues the name.
        more = _ORG_LIST_TAIL.match(text, e)
        e = more.end() if more else e
    if org[1] == len(toks) - 1:
        e = _org_continuation(text, s, e)
    exact = [h for h in inner if h[0] == s and h[1] == e]
    if exact:
        _add_hit(seg, exact[0], out)
    else:
        name = text[s:e]
        if name.startswith(("The ", "the ")):
            s, name = s + 4, name[4:]
        lead_word, _, rest_name = name.partition(" ")
        if (
            lead_word in gz.nationalities()
            and set(rest_name.split()) <= _COURT_WORDS
            and rest_name.endswith(("Court", "Tribunal"))
        ):
            # "the Czech Constitutional Court": the country's court is the Constitutional Court.
            s, name = s + len(lead_word) + 1, rest_name
        cut = max(name.find("' "), name.find("\u2019 "))
        if (
            cut > 0
            and name[cut - 1] == "s"
            and name[cut + 2 : cut + 3].isupper()
            and any(w in ORG_HEAD for w in name[:cut].split()[:-1])
        ):
            # "the Russian Academy of Sciences' Institute of Geography": the owner, then its body (but
            # "Exporters' Association", "Workers' Party" are one name)
            owner = name[:cut]
            out.append(Found(seg, s, s + cut, "organisation", gz.gazetteer().org_aliases.get(owner, owner)))
            s, name = s + cut + 2, name[cut + 2 :]
        key = gz.gazetteer().org_aliases.get(name, name)
        un = _UN_PREFIX.match(name)
        if key == name and un is not None:  # "UN Office for the Coordination of Humanitarian Affairs"
            key = gz.gazetteer().org_aliases.get(name[un.end() :], key)
        out.append(Found(seg, s, e, "organisation", key))
        acr = _ACRONYM_AFTER.match(text, e) or _KNOWN_AS.match(text, e)
        if acr is None and text.startswith(" (", e):
            # "Federal Air Transport Agency (Rosaviatsiya)": the body's own-language name in brackets
            acr = _NATIVE_AFTER.match(text, e)
            if acr is not None and (acr.group(1) in stop or gz.gazetteer().lookup(acr.group(1)) is not None):
                acr = None
        if acr is not None:  # "Federal Trade Commission (FTC)"
            s2 = _comma_start(text, s, e, acr.group(1))
            if s2 != s:
                s, key = s2, gz.gazetteer().org_aliases.get(text[s2:e], text[s2:e])
                out[-1] = Found(seg, s, e, "organisation", key)
            out.append(Found(seg, acr.start(1), acr.end(1), "organisation", key))
    return s, e


_COMMA_LEAD = re.compile(r"((?:[A-Z][\w'\u2019-]*[ \u00a0]){0,3}[A-Z][\w'\u2019-]*),[ \u00a0]$")


def _comma_start(text: str, s: int, e: int, acronym: str) -> int:
    """Where a name followed by its acronym begins: "Philippine Atmospheric, Geophysical and Astronomical
    Services Administration (PAGASA)" runs back over its comma when the acronym says so."""
    lead = _COMMA_LEAD.search(text, max(0, s - 60), s)
    if lead is None or not acronym.isupper() or _initials_match(acronym, text[s:e].split()):
        return s
    start = lead.start(1) + (4 if lead.group(1).startswith("The ") else 0)
    return start if _initials_match(acronym, text[start:e].replace(",", "").split()) else s


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
    chain = _title_chain(seg, toks, words, inner, out, titles=titles, firsts=firsts)
    if chain is not None:
        # The field ("Bank of England" in "Governor of the Bank of England Andrew Bailey") may name a body.
        field, field_inner = chain
        fwords = [t[0] for t in field]
        if any(w in ORG_HEAD and w not in _ORG_HEAD_ADJ for w in fwords) or any(
            h[2].kind == "organisation" for h in field_inner
        ):
            org = _org_span(text, field, fwords, stop)
            if org is not None:
                _org_from_span(seg, field, org, field_inner, out, stop)
            elif len(field_inner) == 1 and field_inner[0][0] == field[0][1] and field_inner[0][1] == field[-1][2]:
                _add_hit(seg, field_inner[0], out)  # "Permanent Representative to the UN Grigory Lavrentyev"
        elif len(field_inner) == 1 and field_inner[0][0] == field[0][1] and field_inner[0][1] == field[-1][2]:
            _add_hit(seg, field_inner[0], out)  # "Ambassador to the US Ann Lee": the country is named
        return
    if _settlement_run(seg, toks, inner, out):
        return
    if len(toks) >= 2 and words[-1] == "City" and text[max(0, toks[0][1] - 3) : toks[0][1]] == "in ":
        # "in Sabah Al-Ahmad City": a city named with its head noun, even when the gazetteer lacks it
        s, e = toks[0][1], toks[-1][2]
        exact = [h for h in inner if h[0] == s and h[1] == e]
        if not exact and toks[0][0] not in stop:
            out.append(Found(seg, s, e, "place", hit=_synthetic_place(text[s:e])))
            return
    if words[-1] in FACILITY_TAIL and len(toks) >= 2 and _facility_run(seg, toks, words, out, stop | nat):
        return
    if "and" in words and _listed_bodies(seg, toks, words, inner, out):
        return
    if words[-1] == "League" and len(words) >= 2 and words[-2] in _COMPETITION_LEAGUES:
        return  # "the EHF Champions League", "the Diamond League": a competition, not a body
    lead_the = 1 if words[0] in ("The", "the") and len(toks) > 1 else 0
    if text[toks[lead_the][1] : toks[-1][2]] in STOCK_INDEXES and not _PAPER_AFTER.match(text, toks[-1][2]):
        return  # "the Nikkei share average", "the Hang Seng": a market index, not a body
    if _whole_run_org(seg, toks, words, inner, out, stop=stop, titles=titles, firsts=firsts):
        return
    if (
        len(toks) == 2
        and words[0] == "Al"
        and toks[1][0] not in firsts
        and toks[1][0] not in stop
        and "-" not in toks[1][0]
        and not inner
        and not _role_before(text, toks[0][1])
    ):
        s0, e0 = toks[0][1], toks[1][2]
        if text[max(0, s0 - 12) : s0].rsplit(None, 1)[-1:] in _IN_WORDS or _PLACE_NOUN_AFTER.match(text, e0):
            out.append(Found(seg, s0, e0, "place", hit=_synthetic_place(text[s0:e0])))  # "in Al Dhafra"
        else:
            # "Al Sadd", "Al Kass": the Arabic article opens a club's, a company's or a channel's name; a
            # person's family name written so ("Al Thani") goes back to the person at assembly.
            out.append(Found(seg, s0, e0, "organisation", text[s0:e0]))
        return
    if (
        len(toks) <= 2
        and text[toks[-1][2] + 1 : toks[-1][2] + 2] in _QUARTER_INITIALS
        and not inner
        and _QUARTER_AFTER.match(text, toks[-1][2])
        and not any(w in stop or w in nat for w in words)
        and words[-1] not in firsts
        and _QUARTER_BEFORE.search(text, max(0, toks[0][1] - 30), toks[0][1]) is not None
    ):
        # "the Lyulin district", "Zagreb's Tresnjevka neighbourhood", "the Abu Shouk camp", "the low-lying
        # Innstadt district": a part of a town
        name = text[toks[0][1] : toks[-1][2]]
        out.append(Found(seg, toks[0][1], toks[-1][2], "place", hit=_synthetic_place(name)))
        return
    if (
        len(toks) == 2
        and words[1] in PLACE_ORG_TAIL
        and any(h[0] == toks[0][1] and h[1] == toks[0][2] and h[2].kind == "place" for h in inner)
    ):
        # "Kenya Power", "Manila Water", "Georgia Power": a place, then a utility's noun, is the company.
        out.append(Found(seg, toks[0][1], toks[1][2], "organisation", text[toks[0][1] : toks[1][2]]))
        return
    if (
        len(toks) == 2
        and (words[0] not in stop or words[0] in gz.stop_nouns())
        and words[0] not in firsts
        and words[0] not in gz.census_names()
        and words[0] not in titles
        and words[0] not in nat
        and words[0] not in FEATURE_HEAD  # "Mount Kenya", "Lake Chad": a feature, not a body
        and any(
            h[0] == toks[1][1] and h[1] == toks[1][2] and h[2].kind == "place" and h[2].places[0].is_country
            for h in inner
        )
        and not any(h[0] == toks[0][1] for h in inner)
    ):
        # "Statistics Norway", "Curling Canada", "WWF Greece": a word that is no name, then a country, is the
        # country's body (a person called after a country has a given name first: "Michael Jordan").
        out.append(Found(seg, toks[0][1], toks[1][2], "organisation", text[toks[0][1] : toks[1][2]]))
        return
    if _admin_run(seg, toks, words, inner, out) or _unit_after_run(seg, toks, words, inner, out):
        return
    if not inner and _feature_run(seg, toks, words, out, stop=stop):
        return
    sq = 1 if words[0] in stop and len(toks) > 2 else 0
    if (
        words[sq] in SQUARE_HEAD
        and len(toks) - sq >= 2
        and (toks[sq + 1][0][0].isupper() or (len(toks) - sq >= 3 and words[sq + 1] in _FOREIGN_OF))
    ):
        # "Plaza de España", "Piazza San Marco", "Praça do Comércio": a square or a street, whatever its words
        j = next((i for i in range(sq + 2, len(toks)) if toks[i][0] == "and"), len(toks))
        s0, e0 = toks[sq][1], toks[j - 1][2]
        out.append(Found(seg, s0, e0, "place", hit=_synthetic_place(text[s0:e0])))
        if j + 1 < len(toks):  # "Piazza San Marco and Palace Square": the next name on its own
            later = [h for h in inner if h[0] >= toks[j + 1][1]]
            _run(seg, toks=toks[j + 1 :], inner=later, out=out, stop=stop, nat=nat, titles=titles, firsts=firsts)
        return
    first_hit = [x for x in inner if x[0] == toks[0][1] and x[1] == toks[0][2]] if len(toks) == 2 else []
    if (
        first_hit
        and words[1] in COMPASS_AFTER
        and all(x[0] >= toks[1][1] for x in inner if x[0] != toks[0][1])
        and first_hit[0][2].kind == "place"
    ):
        p0 = first_hit[0][2].places[0]
        if not p0.is_country:
            # "Lunda Norte", "Sumatera Utara": a region named by its compass point
            hit = _known_or_synthetic_place(text[toks[0][1] : toks[1][2]], p0.country_code)
            out.append(Found(seg, toks[0][1], toks[1][2], "place", hit=hit))
            return
    second = [x for x in inner if x[0] == toks[1][1] and x[1] == toks[1][2]] if len(toks) == 2 else []
    if second and words[0] in ("Lake", "Mount", "Cape") and second[0][2].kind == "place" and len(inner) == 1:
        # "Lake Balkhash", "Mount Kenya": a feature named after a town or a country, lying there
        hit = _known_or_synthetic_place(text[toks[0][1] : toks[1][2]], second[0][2].places[0].country_code)
        out.append(Found(seg, toks[0][1], toks[1][2], "place", hit=hit))
        return
    if second and words[0] in COMPASS and all(x[1] <= toks[0][2] or x == second[0] for x in inner):
        sh = second[0][2]
        if sh.kind == "place" and not sh.places[0].is_country:
            # "East Siberia": the compass word belongs to the name
            p0 = sh.places[0]
            name = text[toks[0][1] : toks[1][2]]
            out.append(Found(seg, toks[0][1], toks[1][2], "place", hit=_synthetic_place(name, p0.country_code)))
            return
    org = _org_span(text, toks, words, stop)
    if org is not None:
        s, e = _org_from_span(seg, toks, org, inner, out, stop)
        inner = [h for h in inner if h[1] <= s or h[0] >= e]
        if org[0] > 2 and toks[org[0] - 1][0] == "and" and words[org[0] - 2] in ORG_SUFFIX:
            # "Marcus Foods and Orkla Brands": the name before "and" is a second company
            first = _org_span(text, toks[: org[0] - 1], words[: org[0] - 1], stop)
            if first is not None and first[1] == org[0] - 2:
                s, e = _org_from_span(seg, toks, first, inner, out, stop)
                inner = [h for h in inner if h[1] <= s or h[0] >= e]
                org = (first[0], org[1])
        toks = toks[: org[0]] + toks[org[1] + 1 :]
    hit_at = {h[0]: h for h in inner}
    rest: list[tuple[str, int, int]] = []
    kinds: list[str] = []
    skip_to = -1
    for tok in toks:
        if tok[1] < skip_to:
            continue
        h = hit_at.get(tok[1])
        if (
            h is not None
            and h[1] == tok[2]
            and (tok[0] in titles or tok[0].rstrip(".") in titles)
            and h[2].kind == "place"
        ):
            h = None  # "Chair", "Marshal": a title before a name, not the town of that name
        if tok[0] in ("Van", "Thi") and rest and rest[-1][0] in _VIET_SURNAMES:
            rest.append(tok)
            kinds.append("name")  # "Nguyen Van Binh": a Vietnamese middle name, not the town of Van or a particle
            continue
        if h is not None:
            rest.append((text[h[0] : h[1]], h[0], h[1]))
            kinds.append("gaz")
            skip_to = h[1]
            continue
        word = tok[0]
        low = word.lower()
        if (
            # Malaysian honours before a name: "Tan Sri", "Puan Sri", "Datuk Seri" (Tan is also a family name)
            (word in ("Seri", "Sri") and kinds and kinds[-1] == "title" and rest[-1][0] in _MALAY_HONOURS)
            or (word in ("Tan", "Puan") and text.startswith(" Sri ", tok[2]))
            or word in titles
            or word.rstrip(".") in titles
            or (low in _ROLE_SET and word[0].isupper() and not word.isupper())
            # "Judge-rapporteur Pavel Novotny", "Minister-counsellor Ann Lee": a title, hyphenated on
            or (
                "-" in word
                and word[0].isupper()
                and (
                    word.split("-", 1)[0] in titles
                    # "Co-author Wang Jinfeng", "Vice-captain Ann Lee", "Ex-minister Jan Novak"
                    or (low.split("-", 1)[0] in _ROLE_PREFIXES and low.split("-", 1)[1] in _ROLE_SET)
                )
                and (not kinds or kinds[-1] != "name")
            )
        ):
            kinds.append("title")  # "District Attorney Gary Loftis", "FTC Chair Naomi Barstow"
        elif low.endswith("s") and low[:-1] in _ROLE_SET:
            kinds.append("stop")  # "Prosecutors said"
        elif word in firsts and kinds and kinds[-1] == "title":
            kinds.append("name")  # "Defence Minister Jan Ostermann": not the month
        elif kinds and kinds[-1] == "title" and word.endswith(_PROFESSION_ENDINGS) and word not in firsts:
            kinds.append("title")  # "Chief Hygienist Miroslava Dudasova": a profession inside the title
        elif len(word) == 1 and kinds and kinds[-1] == "name" and text[tok[2] : tok[2] + 1] == ".":
            kinds.append("name")  # "Dwayne A. Brown": a middle initial, not the article
        elif (
            word in firsts
            and kinds
            and kinds[-1] in ("name", "gaz")
            and rest[-1][0] in gz.east_asian_surnames()
            and _EA_GIVEN.match(word)
        ):
            kinds.append("name")  # "Chen Jun", "Li Jan": a given name that is also a month's abbreviation
        elif word in nat or word in stop or word in _RUN_CONNECTORS:
            kinds.append("stop")  # "Kenya and Uganda": "and" joins two names, it is not one
        else:
            kinds.append("name")
        rest.append(tok)
    if (
        len(kinds) >= 3
        and kinds[0] == "name"
        and rest[0][0] in ORG_SUFFIX
        and rest[1][0] in firsts
        and text[max(0, rest[0][1] - 4) : rest[0][1]] == "the "
    ):
        kinds[0] = "stop"  # "PSD leader in the Chamber Adriana Voicu said": the body, then the person
    for i in range(len(kinds) - 1):
        if (
            kinds[i] == "name"
            and kinds[i + 1] == "title"
            and (rest[i][0] in ORG_SUFFIX or (i and kinds[i - 1] == "title"))
        ):
            # "Agriculture Cabinet Secretary Joseph Kiprono", "Deputy Public Prosecutor Lim Hui Shan"
            kinds[i] = "title"
        elif (
            kinds[i] == "name"
            and kinds[i + 1] == "title"
            and i == 0
            and 2 <= len(rest[i][0]) <= 8
            and rest[i][0].isalpha()
            and rest[i][0].isupper()
            and rest[i][0] not in titles
        ):
            # "DISY MP Marios Stylianou", "ANC MP ...": a party's or a body's acronym before the title
            out.append(
                Found(
                    seg, rest[i][1], rest[i][2], "organisation", gz.gazetteer().org_aliases.get(rest[i][0], rest[i][0])
                )
            )
            kinds[i] = "stop"
    # A city name read as a person's name: "Hillary Clinton", "chief executive Priya Raman".
    after_run = text[rest[-1][2] : rest[-1][2] + 40] if rest else ""
    run_cue = (
        bool(rest)
        and bool(
            _role_before(text, rest[0][1])
            or _AFTER_SAID.match(after_run)
            or (len(rest) >= 2 and _player(text, rest[0][1], rest[-1][2]))
            # "Shoji Ueda, 81,", "Josh Whitby, who ...", "its director, Agron Shala,": said of a person
            or (
                len(rest) >= 2
                and (
                    _AGE_AFTER.match(after_run)
                    or after_run.startswith((", who ", ", whose "))
                    or (
                        text[rest[0][1] - 2 : rest[0][1]] == ", "
                        and _ROLE_COMMA_BEFORE.search(text, max(0, rest[0][1] - 60), rest[0][1])
                    )
                )
            )
        )
    )
    lead = 0  # "Dr Anna Bayer": the titles before a name
    while lead < len(kinds) and kinds[lead] == "title":
        lead += 1
    for i, k in enumerate(kinds):
        if k != "gaz":
            continue
        word_i = rest[i][0]
        if (
            hit_at[rest[i][1]][2].kind == "organisation"
            and " " not in word_i
            and i > lead
            and kinds[i - 1] == "name"
            and rest[lead][0] in firsts
            and all(kd == "name" for kd in kinds[lead:i])
        ):
            kinds[i] = "name"  # "(Dr) Helena Vasconcellos Prado": a surname that is also a museum or a company
            continue
        if (
            word_i in gz.east_asian_surnames()
            and i + 1 < len(kinds)
            and kinds[i + 1] == "name"
            and _EA_GIVEN.match(rest[i + 1][0])
            and hit_at[rest[i][1]][2].kind == "place"
            and not hit_at[rest[i][1]][2].places[0].is_country
            and rest[i + 1][0] not in gz.common_words()
            and (i + 2 == len(kinds) or kinds[i + 2] != "name")
        ):
            kinds[i] = "name"  # "Gao Yuxin": a Chinese family name that is also a town
            continue
        if hit_at[rest[i][1]][2].kind != "place":
            continue
        p = i - 1
        while p > 0 and rest[p][0] in NAME_PARTICLES:
            p -= 1  # "Pieter van der Linden": the particles join the surname to the given name
        prev_name = (
            p >= 0
            and kinds[p] == "name"
            and (
                rest[p][0] in firsts
                or (p > 0 and kinds[p - 1] == "title")
                # "Cricket West Indies confirmed": a country or a region of several is no surname
                or (p == 0 and run_cue and bool(hit_at[rest[i][1]][2].places[0].country_code))
            )
        )
        place0 = hit_at[rest[i][1]][2].places[0]
        if (
            not prev_name
            and p >= 1
            and kinds[p] == "name"
            and not place0.is_country
            and (place0.population < 1_000_000 or place0.region)
        ):
            # "Juan Carlos Villanueva Orellana", "Oscar Benitez Lara": a second surname that is also a town,
            # after a given name and a surname.
            q = p
            while q >= 0 and kinds[q] == "name" and rest[q][0] not in firsts:
                q -= 1
            prev_name = q >= 0 and kinds[q] == "name" and q < p
        before_name = i + 1 < len(kinds) and kinds[i + 1] == "name"
        first_here = (rest[i][0] in firsts and i + 1 < len(kinds) and kinds[i + 1] in ("name", "gaz")) or (
            # "coach Bo Svensson": a small place's name opening a cued name is a given name.
            i == 0
            and run_cue
            and before_name
            and not place0.is_country
            # "analyst Sofie Krag": a city's other-language name ("Sofie" for Sofia) opening a cued name
            and (place0.population < 1_000_000 or not any(p.primary for p in hit_at[rest[i][1]][2].places))
        )
        # "painter Caravaggio", "coach Bo": a town's name right after a role noun is a person's.
        after_role = (
            len(rest) == 1
            and not place0.is_country
            and place0.population < 1_000_000
            and bool(_role_before(text, rest[0][1]))
        )
        # A small town's name after name words runs on in the name when a title opens it ("President Tan Sri
        # Mohd Azlan Ismail") or it ends a name cued by "said" ("said Raimundo Nonato Barbosa, Ibama's director").
        small_tail = (
            i > 0
            and not place0.is_country
            and place0.population < 500_000
            and all(kd == "name" for kd in kinds[lead:i])
        )
        after_title = small_tail and 0 < lead < i + 1 and kinds[lead - 1] == "title"
        cued = (
            small_tail
            and i > lead
            and i == len(kinds) - 1
            and (run_cue or _BEFORE_SAID.search(text, max(0, rest[0][1] - 20), rest[0][1]) is not None)
        )
        if after_role or prev_name or first_here or after_title or cued:
            kinds[i] = "name"
    for i in range(len(kinds) - 1):
        if (
            kinds[i] == kinds[i + 1] == "gaz"
            and hit_at[rest[i][1]][2].kind == "organisation"
            and hit_at[rest[i + 1][1]][2].kind == "place"
            and rest[i + 1][1] == rest[i][2] + 1
            and (hit_at[rest[i + 1][1]][2].places[0].is_country or not hit_at[rest[i + 1][1]][2].places[0].country_code)
        ):
            # "MTN Nigeria", "Airtel Africa": a company, then a country or a continent, is its subsidiary there.
            name = text[rest[i][1] : rest[i + 1][2]]
            out.append(Found(seg, rest[i][1], rest[i + 1][2], "organisation", name))
            kinds[i] = kinds[i + 1] = "sub"
    for i, k in enumerate(kinds):
        if k == "gaz":
            _add_hit(seg, hit_at[rest[i][1]], out)
    # Person name groups.
    n_before = len(out)
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
    if _sporty(text):  # a doubles pair, "Mikkel Vestergaard and Rasmus Holm 21-17, 21-19": both people
        people = [f for f in out[n_before:] if f.kind == "person" and " " in f.text]
        for a, b in itertools.pairwise(people):
            if (a.cue or b.cue) and text[a.end : b.start] == " and " and not sentence_initial(text, a.start):
                a.cue = b.cue = True


FEATURE_TAIL = frozenset(
    [
        "Peninsula",
        "Desert",
        "Island",
        "Islands",
        "Strait",
        "Straits",
        "River",
        "Sea",
        "Mountains",
        "Lake",
        "Bay",
        "Gulf",
        "Canal",
        "Ocean",
        "Glacier",
        "Plateau",
        "Basin",
        "Archipelago",
        "Reef",
        "Delta",
        "Range",
        "Atoll",
        "Lagoon",
        "Fjord",
        "Square",
        "Valley",
    ]
)
COMPASS = frozenset(
    ["East", "West", "North", "South", "Northern", "Southern", "Eastern", "Western", "Central", "Upper", "Lower"]
)
# Compass points written after a region's name in Portuguese, Spanish, French, Italian and Indonesian/Malay.
COMPASS_AFTER = frozenset(["Norte", "Sul", "Sur", "Nord", "Sud", "Utara", "Selatan", "Barat", "Timur", "Tengah"])
# Share indexes: measures, not bodies ("the Nikkei" is the newspaper only as "the Nikkei business daily").
STOCK_INDEXES = frozenset(
    ["Nikkei", "Topix", "Hang Seng", "Kospi", "Kosdaq", "Sensex", "Nifty", "DAX", "MDAX", "CAC 40", "FTSE 100",
     "FTSE", "Dow", "Dow Jones", "S&P 500", "Nasdaq Composite", "Stoxx 600", "Euro Stoxx 50", "IBEX 35", "MOEX",
     "RTS", "BIST 100", "Shanghai Composite", "CSI 300", "ASX 200", "Bovespa", "Ibovespa", "Merval", "TAIEX",
     "Straits Times Index", "KLCI", "PSEi", "SMI", "AEX", "OMX", "WIG20", "Tadawul All Share Index", "EGX30"]
)  # fmt: skip
_PAPER_AFTER = re.compile(r"[ \u00a0](?:newspaper|daily|business[ \u00a0]daily|Asia|Shimbun|reported|said)\b")
# "<X> League" names that are competitions (events), not the bodies that run them.
_COMPETITION_LEAGUES = frozenset(["Champions", "Europa", "Conference", "Nations", "Diamond", "Golden"])
# Venues: places, whatever words their names hold.
FACILITY_TAIL = frozenset(["Airport", "Stadium", "Arena", "Coliseum", "Colosseum", "Velodrome", "Racecourse", "Oval"])
# Squares and streets in Spanish, Italian, Portuguese and Polish: the head opens the name.
SQUARE_HEAD = frozenset(["Plaza", "Piazza", "Praça", "Praca", "Calle", "Avenida", "Rua", "Puerta", "Plac"])
FEATURE_HEAD = frozenset(["Cape", "Sea", "Gulf", "Lake", "Mount", "Bay", "Strait", "Isle", "Mountains", "Wadi"])
_PLACE_PLURALS = (
    r"rivers|islands|lakes|seas|straits|deserts|peninsulas|provinces|districts|counties|regions|states|"
    r"municipalities|villages|towns|prefectures|governorates|departments|cantons|oblasts|unions|communes|"
    r"neighbourhoods|neighborhoods|suburbs"
)
_LIST_NAME = r"[A-Z][\w'\u2019-]{2,20}(?:[ \u00a0][A-Z][\w'\u2019-]{1,20})?"
# "the Jinsha and Chishui rivers", "Lunda Sul and Lunda Norte provinces", "the counties of Norrbotten and
# Västerbotten": each name listed with a plural place noun is a place.
_FEATURE_LIST = re.compile(
    rf"(?<![\w.])({_LIST_NAME})(?:,[ \u00a0]({_LIST_NAME}))?,?[ \u00a0]and[ \u00a0]({_LIST_NAME})[ \u00a0]"
    rf"(?:{_PLACE_PLURALS})\b"
    rf"|\b(?:{_PLACE_PLURALS})[ \u00a0]of[ \u00a0]({_LIST_NAME})(?:,[ \u00a0]({_LIST_NAME}))?,?[ \u00a0]and[ \u00a0]"
    rf"({_LIST_NAME})\b"
)
_PLURAL_WORD = re.compile(rf" (?:{_PLACE_PLURALS})\b")


_PLATFORMS = frozenset(
    ["Facebook", "Instagram", "X", "Twitter", "Telegram", "WhatsApp", "YouTube", "TikTok", "LinkedIn", "Weibo",
     "WeChat", "VKontakte", "VK", "Threads", "Bluesky", "Truth Social", "Snapchat", "Reddit"]
)  # fmt: skip


# "the village of Jeomgok", "the department of Cauca", "residents of Balakliia": whatever the gazetteer
# knows, the name is a place.
_SETTLEMENT_OF = re.compile(
    r"\b(?:town|village|city|hamlet|settlement|municipality|commune|district|province|department|county|region|"
    r"prefecture|township|island|oblast|governorate|residents|inhabitants|villagers|outskirts|suburbs|mayor)"
    r"[ \u00a0]of[ \u00a0]$"
)
# "Uiseong County", "Kherson Oblast": a place named with its administrative unit.
ADMIN_TAIL = frozenset(
    ["Province", "County", "Prefecture", "Oblast", "Governorate", "District", "Region", "Krai", "Ward"]
)


def _settlement_run(
    seg: Segment, toks: list[tuple[str, int, int]], inner: list[tuple[int, int, gz.Hit]], out: list[Found]
) -> bool:
    text = seg.text
    s = toks[0][1]
    if text[s - 3 : s - 1] != "of" or not _SETTLEMENT_OF.search(text, max(0, s - 20), s):
        return False
    # The name runs over capitalised words only ("Teotitlán del Valle" keeps its particle).
    n = 1
    while n < len(toks) and n < 4 and (toks[n][0][0].isupper() or toks[n][0] in NAME_PARTICLES):
        n += 1
    while n > 1 and not toks[n - 1][0][0].isupper():
        n -= 1
    e = toks[n - 1][2]
    if toks[n - 1][0] in ADMIN_TAIL:
        return False  # "the province of Cauca Province": the admin rule names it
    exact = [h for h in inner if h[0] == s and h[1] == e]
    if exact and exact[0][2].kind == "organisation":
        return False
    if exact:
        out.append(Found(seg, s, e, "place", hit=exact[0][2]))
    elif any(h[0] == s for h in inner):
        return False  # it opens with a known place ("Kharkiv Oblast"): let the run's own rules read it
    else:
        out.append(Found(seg, s, e, "place", hit=_synthetic_place(text[s:e])))
    for h in inner:
        if h[0] >= e:
            _add_hit(seg, h, out)
    return n == len(toks)


def _admin_run(
    seg: Segment,
    toks: list[tuple[str, int, int]],
    words: list[str],
    inner: list[tuple[int, int, gz.Hit]],
    out: list[Found],
) -> bool:
    """ "North Gyeongsang Province", "Uiseong County": a place the gazetteer lacks, named without the unit."""
    if len(toks) < 2 or len(toks) > 4 or words[-1] not in ADMIN_TAIL or (seg.in_ is not None and len(toks) > 3):
        return False
    if any(not t[0][0].isupper() for t in toks) or any(w in ORG_SUFFIX or w in gz.titles() for w in words[:-1]):
        return False
    s, e = toks[0][1], toks[-2][2]
    if words[0] in ("The", "A", "An") or any(h[1] > e for h in inner):
        return False
    exact = [h for h in inner if h[0] == s and h[1] == e]
    if exact:
        return False  # "Guizhou Province": the gazetteer's place, read as usual
    if len(toks) == 2 and words[0] in COMPASS:
        return False
    out.append(Found(seg, s, e, "place", hit=_synthetic_place(seg.text[s:e])))
    return True


# "Sangareddy district", "Evros prefecture", "Al Dhafra region": the unit written after the name, in lower case.
_UNIT_AFTER = re.compile(
    r"[ \u00a0](?:district|region|province|prefecture|governorate|municipality|county|oblast|krai|state)\b"
)


@functools.cache
def _unit_name_blocked() -> frozenset[str]:
    """Words no place name with a unit after it holds: titles, nationalities, organisation words."""
    return gz.titles() | gz.nationalities() | ORG_SUFFIX | ORG_HEAD


def _unit_after_run(
    seg: Segment,
    toks: list[tuple[str, int, int]],
    words: list[str],
    inner: list[tuple[int, int, gz.Hit]],
    out: list[Found],
) -> bool:
    """A name the gazetteer does not know, followed by its administrative unit in lower case, is a place."""
    if inner or len(toks) > 3 or any(not t[0][0].isupper() for t in toks):
        return False
    s, e = toks[0][1], toks[-1][2]
    unit = _UNIT_AFTER.match(seg.text, e)
    if words[0] in ("The", "A", "An") or unit is None:
        return False
    prev = seg.text[max(0, s - 15) : s].split()
    after = seg.text[unit.end() : unit.end() + 2]
    if after[:1] == " " and after[1:].islower() and not (prev and prev[-1].lower() in _LOCATION_PREP):
        return False  # "the Carioca state championship": the unit qualifies a noun, outside a location phrase
    blocked = _unit_name_blocked()
    if any(w in blocked for w in words):
        return False
    out.append(Found(seg, s, e, "place", hit=_synthetic_place(seg.text[s:e])))
    return True


# "Minister of Energy Transition and " before "Sustainable Development Nadia Bennani": a title's field of
# competence, written in capitals, runs on over "and" into the run that holds the name.
_FIELD_BEFORE = re.compile(
    r"\b(?:of|for)[ \u00a0](?:the[ \u00a0])?(?:[A-Z][\w'\u2019-]*[ \u00a0](?:of[ \u00a0])?){1,5}and[ \u00a0]$"
)
_OF_BEFORE = re.compile(r"([A-Z][a-z]+)[ \u00a0](?:of|for|to)[ \u00a0](?:the[ \u00a0])?$")


def _title_chain(
    seg: Segment,
    toks: list[tuple[str, int, int]],
    words: list[str],
    inner: list[tuple[int, int, gz.Hit]],
    out: list[Found],
    *,
    titles: frozenset[str],
    firsts: dict[str, str],
) -> tuple[list[tuple[str, int, int]], list[tuple[int, int, gz.Hit]]] | None:
    """ "Secretary of State for Mineral Resources Eugénio Ndala", "Minister of Energy Transition and
    Sustainable Development Nadia Bennani", "Governor of the Bank of England Andrew Bailey": after a
    title's "of", the run is the title's field of competence, then the person.

    The person starts at the first known given name (else the run's last two words) and is added here;
    the field's own tokens are returned for the organisations they may name, or None when the run is
    no such field. A field with no name after it (before "and ...") names no one.
    """
    text = seg.text
    lead: list[tuple[str, int, int]] = []
    if len(toks) >= 5 and words[0] == "The" and words[1] in titles:
        toks, words = toks[1:], words[1:]  # "The Minister for the Environment Jan Lee"
    if len(toks) >= 4 and words[0] in titles and toks[1][0] in ("of", "for", "of the", "for the"):
        lead, toks, words = toks[:1], toks[2:], words[2:]  # the run opens with the title
    s = toks[0][1]
    if not lead and not text.endswith(("of ", "for ", "the ", "and "), 0, s):
        return None  # cheap test first: this runs once per capitalised run
    of = None if lead else _OF_BEFORE.search(text, max(0, s - 30), s)
    titled = bool(lead) or (of is not None and of.group(1) in titles)
    if not titled and (not text.endswith("and ", 0, s) or _FIELD_BEFORE.search(text, max(0, s - 100), s) is None):
        return None
    if not titled:
        head = text[max(0, s - 100) : s]
        titled = any(t in titles for t in re.findall(r"([A-Z][a-z]+)[ \u00a0](?:of|for)[ \u00a0]", head))
        if not titled:
            return None
    end = toks[-1][2]
    if text.startswith(" and ", end) and text[end + 5 : end + 6].isupper():
        return toks, inner  # the field goes on after "and": the name comes in the next run
    j = next((i for i in range(1, len(toks) - 1) if words[i] in firsts), None)
    if j is None:
        if len(toks) < 3 or not all(t[0][0].isupper() for t in toks[-2:]):
            return None
        j = len(toks) - 2
    if toks[j - 1][0] in ("of", "for", "of the", "for the", "and", "the"):
        return None
    if not lead:
        title = of.group(1) if of is not None else "Minister"
        lead = [(title, s, s)]
    _person(seg, grp=toks[j:], titled=True, before_toks=lead, before_kinds=["title"], out=out, firsts=firsts)
    field_end = toks[j - 1][2]
    return toks[:j], [h for h in inner if h[1] <= field_end]


_COMMA_NAME = re.compile(r",[ \u00a0]([A-Z][\w'\u2019-]+(?:[ \u00a0][A-Z][\w'\u2019-]+)?)\b")


def _country_after(after: str) -> bool:
    """ "in Täsch, Switzerland": a name followed by its country or first-level region."""
    m = _COMMA_NAME.match(after)
    if m is None:
        return False
    hit = gz.gazetteer().lookup(m.group(1))
    return hit is not None and hit.kind == "place" and (hit.places[0].is_country or hit.places[0].region)


def _city_unknown(hit: gz.Hit | None, name: str, countries: set[str]) -> bool:
    """A dateline city the gazetteer lacks (a word of letters, not "UN"), or knows only as another name of
    a city in none of the story's countries ("SION" in Swiss copy is not Jerusalem's old name)."""
    if hit is not None:
        if hit.kind != "place" or any(p.primary or fold(p.name) == fold(name) for p in hit.places):
            return False
        return bool(countries) and not any(p.country_code in countries for p in hit.places)
    return len(name) >= 3 and name.replace(" ", "").replace("-", "").isalpha() and name.upper() != "UNITED NATIONS"


def _synthetic_place(name: str, country_code: str = "") -> gz.Hit:
    """A geographic feature named by its cue word, with no gazetteer record behind it (in a country, when
    the name says which: "East Siberia", "Lunda Norte")."""
    pid = -(1_000_000_000 + zlib.crc32(name.encode("utf-8")))
    return gz.Hit("place", None, (gz.Place(name, country_code, 0.0, 0.0, pid, 0, False, True, True),))


def _known_or_synthetic_place(name: str, country_code: str) -> gz.Hit:
    """The gazetteer's place of that whole name, else a synthetic one in the country given."""
    hit = gz.gazetteer().lookup(name)
    return hit if hit is not None and hit.kind == "place" else _synthetic_place(name, country_code)


def _and_parts(words: list[str]) -> list[list[int]]:
    """The token indexes of a run's parts joined by "and" ("Kenya and Uganda" -> [[0], [2]])."""
    parts: list[list[int]] = [[]]
    for i, w in enumerate(words):
        if w == "and":
            parts.append([])
        else:
            parts[-1].append(i)
    return parts


def _listed_bodies(
    seg: Segment,
    toks: list[tuple[str, int, int]],
    words: list[str],
    inner: list[tuple[int, int, gz.Hit]],
    out: list[Found],
) -> bool:
    """ "Real Madrid and Olympiacos", "Hapag-Lloyd and COSCO Shipping": names the list knows, joined by "and",
    are as many bodies."""
    hits = []
    for part in _and_parts(words):
        name_part = part[1:] if part and part[0] == 0 and words[0] in ("The", "the") else part
        if not name_part:
            return False
        a, b = name_part[0], name_part[-1]
        h = next((h for h in inner if h[0] == toks[a][1] and h[1] == toks[b][2]), None)
        if h is None or h[2].kind != "organisation":
            return False
        hits.append(h)
    for h in hits:
        _add_hit(seg, h, out)
    return True


def _facility_run(
    seg: Segment, toks: list[tuple[str, int, int]], words: list[str], out: list[Found], stop: frozenset[str]
) -> bool:
    """ "Muscat International Airport and Sohar Airport", "Bislett Stadium": venues are places, whatever
    words their names hold (but "Changi Airport Group" is a company: its last word is no venue's)."""
    spans = []
    for part in _and_parts(words):
        if len(part) < 2 or words[part[-1]] not in FACILITY_TAIL:
            return False
        f0 = part[0]
        while f0 < part[-1] - 1 and words[f0] in stop:
            f0 += 1
        if any(words[i] in ORG_SUFFIX and words[i] not in FACILITY_TAIL for i in range(f0, part[-1])):
            return False
        spans.append((toks[f0][1], toks[part[-1]][2]))
    for s0, e0 in spans:
        out.append(Found(seg, s0, e0, "place", hit=_synthetic_place(seg.text[s0:e0])))
    return True


def _feature_run(
    seg: Segment, toks: list[tuple[str, int, int]], words: list[str], out: list[Found], *, stop: frozenset[str]
) -> bool:
    """ "the Taman Peninsula", "Cape Farewell", "Sea of Okhotsk": a feature by its cue word, unknown to the gazetteer.

    "the Varanger Peninsula and Cape Farewell": each part of a run joined by "and" must be one.
    """
    if "and" in words:
        n0 = len(out)
        for part in _and_parts(words):
            if not part or not _feature_run(seg, [toks[i] for i in part], [words[i] for i in part], out, stop=stop):
                del out[n0:]
                return False
        return True
    k = 0
    while k < len(toks) and words[k] in stop:
        k += 1
    toks, words = toks[k:], words[k:]
    if len(toks) < 2 or len(toks) > 5 or seg.in_ is not None:
        return False
    if not (words[-1] in FEATURE_TAIL or (words[0] in FEATURE_HEAD and words[-1] not in FEATURE_TAIL)):
        return False
    if any(not t[0][0].isupper() and t[0] not in ("of", "of the") for t in toks):
        return False
    if any(w in ORG_SUFFIX or w in gz.titles() for w in words if w not in FEATURE_TAIL and w not in FEATURE_HEAD):
        return False
    s, e = toks[0][1], toks[-1][2]
    out.append(Found(seg, s, e, "place", hit=_synthetic_place(seg.text[s:e])))
    return True


def _feature_lists(seg: Segment, out: list[Found]) -> None:
    """ "the Jinsha and Chishui rivers": each name before a plural feature noun is a place."""
    text = seg.text
    if " and " not in text or _PLURAL_WORD.search(text) is None:
        return
    spans: list[tuple[int, int]] = []
    for m in _FEATURE_LIST.finditer(text):
        if m.group().endswith(" unions") and not text.endswith(
            ("in ", "of ", "across ", "in the ", "of the "), 0, m.start()
        ):
            continue  # "in Gabura and Padmapukur unions" are places; "the Slc-Cgil, Fials and Uilcom unions" bodies
        for g in range(1, 7):
            name = m.group(g)
            if name and name not in gz.stopwords() and name.split()[0] not in gz.stopwords():
                spans.append((m.start(g), m.end(g)))
    if not spans:
        return
    kept = {(f.start, f.end) for f in out if f.seg is seg and f.kind == "place" and (f.start, f.end) in spans}
    # "in Gabura and Padmapukur unions": whatever else read the names (a person cued by "said", a town
    # called "Lunda" inside "Lunda Sul") gives way.
    out[:] = [
        f
        for f in out
        if f.seg is not seg or (f.start, f.end) in kept or not any(s <= f.start and f.end <= e for s, e in spans)
    ]
    for s, e in spans:
        if (s, e) not in kept:
            out.append(Found(seg, s, e, "place", hit=_synthetic_place(text[s:e])))


def _org_span(
    text: str, toks: list[tuple[str, int, int]], words: list[str], stop: frozenset[str]
) -> tuple[int, int] | None:
    """Token range of an organisation name inside a run, or None.

    "Ministry of X" (a head noun before "of") runs to the end of the run; otherwise the
    name ends at the last organisation suffix ("Securities and Exchange Commission",
    "Keio University Hospital"), takes a following "of <Name>" ("Public Health Foundation
    of India"), and starts after the last lower-case "of"/"for" before it ("K Srinath Rao
    of the Public Health Foundation").
    """
    n = len(toks)
    nouns = gz.stop_nouns()

    def start_of(i: int) -> int:
        j = i
        # Common nouns ("Trade", "Security") belong to the name; function words end it.
        while j > 0 and toks[j - 1][0][0].isupper() and (words[j - 1] not in stop or words[j - 1] in nouns):
            j -= 1
        while (
            j > 1
            and toks[j - 1][0] == "and"
            and toks[j - 2][0][0].isupper()
            and words[j] not in gz.nationalities()
            and not (
                i > j
                and words[j - 2] in ORG_SUFFIX
                and j > 2
                and toks[j - 3][0][0].isupper()
                and words[j - 3] not in stop
            )
        ):
            j -= 2  # "Securities and Exchange"; not "Tata Steel and JSW Steel", two whole names
            while j > 0 and toks[j - 1][0][0].isupper() and (words[j - 1] not in stop or words[j - 1] in nouns):
                j -= 1
        # A capitalised function word mid-sentence belongs to the name ("the All India Institute").
        if (
            j > 0
            and toks[j - 1][0][0].isupper()
            and words[j - 1] not in ("The", "A", "An")
            and not sentence_initial(text, toks[j - 1][1])
        ):
            j -= 1
        return j

    for i, w in enumerate(words):
        if w in ORG_HEAD and i + 1 < n and words[i + 1] in ("of", "of the", "for", "for the"):
            end = n - 1
            for t in range(i + 3, n - 1):
                if words[t] in gz.titles() and toks[t + 1][0][0].isupper() and words[t + 1] not in ORG_SUFFIX:
                    # "Bank of Portugal Governor Rui Simoes": the name ends at the title (but "Directorate of
                    # the National Health Service" goes on)
                    end = t - 1
                    break
                if toks[t][0] == "and" and gz.gazetteer().lookup(text[toks[t + 1][1] : toks[end][2]]) is not None:
                    end = t - 1  # "Bank of England and Barclays": a known name after "and" is another body
                    break
            if end == n - 1 and i + 2 == end and _owner_of_next_body(text, toks[end][2]):
                end = i  # "the Aerospace Committee of Kazakhstan's Ministry of ...": the country owns the next body
            return (start_of(i), end)
        if w in FOREIGN_ORG_HEAD and i + 2 < n and words[i + 1] in _FOREIGN_OF and toks[i + 2][0][0].isupper():
            return (i, n - 1)  # "Hospital de São Bernardo", "Cortes de Aragón": the head opens the name
        if w in FOREIGN_ORG_HEAD and 0 < i < n - 1 and toks[i - 1][0] == "and" and toks[i + 1][0][0].isupper():
            return (i, n - 1)  # "in Loures and Hospital Fernando Fonseca in Amadora": a second name opens there
        if (
            w == "General"
            and 0 < i < n - 1
            and words[i - 1] in ORG_SUFFIX
            and words[i + 1] in ("of", "of the", "for", "for the")
        ):
            return (start_of(i - 1), n - 1)  # "Directorate General of Migration Management"
    last = -1
    for i in range(n - 1, 0, -1):
        if (
            words[i] in ORG_SUFFIX or (words[i][:-1] in ORG_SUFFIX and toks[i - 1][0].endswith(("'", "\u2019")))
        ) and toks[i][0][0].isupper():
            last = i  # (a plural after a plural possessive: "National Confederation of Parents' Associations")
            break
    if last <= 0:
        return None
    j = start_of(last)
    if j >= last:
        return None
    if last + 1 < n and words[j] in gz.titles() and words[last + 1] in gz.titles():
        return None  # "Chief Cabinet Secretary Yoshio Hayashida": a title, not an organisation
    if (
        last - j == 1
        and words[j] in gz.nationalities()
        and words[last] in SECTOR_SUFFIX
        and not (last == n - 1 and _ACRONYM_AFTER.match(text, toks[last][2]))  # "Latvian Television (LTV)"
    ):
        return None  # "Saudi Energy Minister", "Turkish Energy": a nationality and a sector, not a name
    end = last
    if words[end] in MEDIA_SUFFIX:
        while end + 1 < n and toks[end + 1][0][0].isupper() and words[end + 1] not in stop:
            end += 1  # "Sky Sport Italia", "Fox News Latino"
    if (
        end + 2 < n
        and toks[end + 1][0] in ("of", "of the", "for", "for the")
        and toks[end + 2][0][0].isupper()
        and not (end + 3 == n and _owner_of_next_body(text, toks[end + 2][2]))
    ):
        end += 2
        while end + 1 < n and toks[end + 1][0][0].isupper():
            end += 1
        if (
            end + 2 == n - 1
            and toks[end + 1][0] == "and"
            and toks[end + 2][0][0].isupper()
            and toks[end + 2][0] not in gz.first_names()
            and gz.gazetteer().lookup(toks[end + 2][0]) is None
        ):
            end += 2  # "Administration of Culture and Tourism": a second field of competence
    return (j, end)


_POSS_NEXT = re.compile(r"['\u2019]s[ \u00a0]([A-Z][a-z]+)\b")


def _owner_of_next_body(text: str, at: int) -> bool:
    """ "... of Kazakhstan's Ministry": the name at `at` is a possessive owning a capitalised body."""
    m = _POSS_NEXT.match(text, at)
    return m is not None and (m.group(1) in ORG_HEAD or m.group(1) in ORG_SUFFIX)


_IN_WORDS = [
    [w] for w in ("in", "near", "outside", "across", "around", "inside", "into", "through", "toward", "towards")
]
_PLACE_NOUN_AFTER = re.compile(
    r"[ \u00a0](?:region|city|town|village|area|district|province|governorate|emirate|oasis|desert|camp)\b"
)
_QUARTER_INITIALS = frozenset("dnsqtcrv")
_QUARTER_BEFORE = re.compile(r"(?:\b[Tt]he|['\u2019]s)(?:[ \u00a0][a-z][a-z-]*){0,2}[ \u00a0]$")
_QUARTER_AFTER = re.compile(
    r"[ \u00a0](?:district|neighbourhood|neighborhood|suburb|quarter|township|camp|refugee[ \u00a0]camp|town|village)\b"
)
_COURT_WORDS = frozenset(
    ["Constitutional", "Supreme", "High", "Administrative", "Federal", "Cassation", "Court", "Tribunal", "of"]
)
_UN_PREFIX = re.compile(r"(?:UN|U\.N\.|United Nations)[ \u00a0]")
_FOR_THE = re.compile(r"[ \u00a0]for(?:[ \u00a0]the)?[ \u00a0](?=[A-Z])")
_IN_COUNTRY = re.compile(r"[ \u00a0]in[ \u00a0]([A-Z][\w-]+(?:[ \u00a0][A-Z][\w-]+){0,2})")


def _org_continuation(text: str, s: int, e: int) -> int:
    """Where an organisation name that fills its run really ends.

    "UN Office" + " for the Coordination of Humanitarian Affairs": a name breaks its capitalised
    run at "for the" and goes on; a name with "for" takes a following "in <Country>" ("Board of
    Control for Cricket in India").
    """
    ft = _FOR_THE.match(text, e)
    if ft is not None:
        nxt = RUN_RE.match(text, ft.end())
        if nxt is not None and any(w in ORG_SUFFIX for w in text[s:e].split()):
            e = nxt.end()
    if " for " in text[s:e]:
        inc = _IN_COUNTRY.match(text, e)
        if inc is not None:
            hit = gz.gazetteer().lookup(inc.group(1))
            if hit is not None and hit.kind == "place" and hit.places[0].is_country:
                e = inc.end()
    return e


def _strict_initials(name: str) -> str:
    """ "Reserve Bank of India" -> "RBI": the capitals that open its words, function words left out."""
    return "".join(w[0] for w in name.split() if w[0].isupper())


def _initials_match(acronym: str, words: list[str]) -> bool:
    """ "AFP" for "Agence France-Presse": the acronym's capitals appear in order in the words."""
    letters = [c for c in acronym if c.isupper()]
    if not letters or not words or letters[0] != words[0][0]:
        return False
    flat = " ".join(words)
    i = 0
    for c in letters:
        i = flat.find(c, i) + 1
        if i == 0:
            return False
    return True


def _whole_run_org(
    seg: Segment,
    toks: list[tuple[str, int, int]],
    words: list[str],
    inner: list[tuple[int, int, gz.Hit]],
    out: list[Found],
    *,
    stop: frozenset[str],
    titles: frozenset[str],
    firsts: dict[str, str],
) -> bool:
    """A whole capitalised run that is an organisation by its context or its shape.

    Sports clubs ("Union Berlin", "Leeds United"), a name after an organisation noun
    ("club Hertha", "lender Sberbank"), after "<role> at/for" ("strategist at ANZ"), or
    followed by a bracketed acronym ("Disaster and Emergency Management Presidency (AFAD)").
    The acronym becomes an alias of the organisation.
    """
    text = seg.text
    k = 0
    # "Climate Observatory": a common noun before the suffix is the name's
    nouns = gz.stop_nouns() if words[-1] in ORG_SUFFIX else frozenset()
    while k < len(toks) and (
        (
            words[k] in stop
            and words[k] not in nouns
            and not (k == 0 and words[0] == "Team" and len(toks) > 1)  # "Team Reggeborgh", "Team Sky"
            # "The Ministry of Agriculture and Forestry": a head noun before "of" opens the name
            and not (
                words[k] in ORG_HEAD and k + 1 < len(toks) and toks[k + 1][0] in ("of", "for", "of the", "for the")
            )
        )
        or toks[k][0] in ("of", "and", "for", "for the", "the")
    ):
        k += 1
    while k < len(toks) - 1 and _ATTRIBUTIVE_TOKEN.search(toks[k][0]):
        k += 1  # "Kyiv-based Ukrenergo": the attribute is not part of the name
    if (
        k == 0
        and len(toks) >= 2
        and words[1] not in stop
        and (words[0].lower() in ORG_CONTEXT or words[0].endswith("maker"))
        and words[0] not in ORG_SUFFIX
        and words[0] not in ORG_HEAD
        and words[0] not in CLUB_HEAD  # "Team Reggeborgh coach ..."
        and sentence_initial(text, toks[0][1])
    ):
        k = 1  # "Chipmaker Kioxia said", "Insurer Zurich Kantonal": the sentence opens with the body's noun
    # "Lagos-based Chapel Hill Denham": a firm is based somewhere; a person is "London-based analyst X".
    # "state-owned Codelco", "Oslo-listed Hexagon Purus", "Kremlin-backed Gazprom": owned, listed, run or
    # backed is what a body is, never a person.
    based = (0 < k < len(toks) and toks[k - 1][0].endswith(_BASED_SUFFIX)) or (
        k == 0
        and text.find("-", max(0, toks[0][1] - 24), toks[0][1]) >= 0
        and _BASED_BEFORE.search(text, max(0, toks[0][1] - 24), toks[0][1]) is not None
        and "and" not in words  # "state-owned Sonatrach and Italy's Eni"
        and "of" not in words
    )
    # "rival lenders BIDV and VietinBank", "the companies Acme and Zeta": a plural body noun, then names.
    plural_at = toks[k][1] if k < len(toks) else 0
    before = text[max(0, plural_at - 16) : plural_at].split() if text[plural_at - 2 : plural_at] == "s " else []
    plural = before[-1].lower() if before and before[-1].endswith("s") and not before[-1][0].isupper() else ""
    plural_ctx = bool(plural) and (plural[:-3] + "y" if plural.endswith("ies") else plural[:-1]) in ORG_CONTEXT
    # "The Slc-Cgil, Fials and Uilcom unions": names listed before a plural body noun
    e_run = toks[-1][2]
    listed = text[e_run : e_run + 1] in (",", " ") and bool(_LIST_PLURAL_AFTER.match(text, e_run))
    if listed and ("and" in words or not text.startswith(" ", e_run)):
        plural_ctx = True
    if k + 2 < len(toks) and words[k].lower() in _ROLE_SET and toks[k + 1][0] in ("of", "of the"):
        k += 2  # "Head of the National Disaster Management Agency (BNPB)": the role is not the name
    all_toks, all_words, skipped = toks, words, k
    toks, words = toks[k:], words[k:]
    if toks and toks[0][0] in _RUN_CONNECTORS:
        return False  # "The Ministry of the Environment ...": no name opens with a connector; the span rule decides
    of_at = next((i for i, t in enumerate(toks) if t[0] in ("of", "of the")), 0)
    if (
        of_at >= 2
        and not any(w in ORG_SUFFIX or w in ORG_HEAD for w in words[:of_at])
        and (words[0] in firsts or _role_before(seg.text, toks[0][1]) is not None)
    ):
        return False  # "Nika Beridze of the United National Movement": a person, then the organisation
    if not toks or words[0] in titles or words[0] in gz.nationalities() or _ATTRIBUTIVE_TOKEN.search(toks[-1][0]):
        return False
    s, e = toks[0][1], toks[-1][2]
    acr = _ACRONYM_AFTER.match(text, e) if text[e : e + 2] == " (" else None
    if acr is None and text.startswith(", known", e):
        acr = _KNOWN_AS.match(text, e)
    if acr is not None and skipped and not _initials_match(acr.group(1), words):
        # "Energy and Water Regulatory Commission (EWRC)": a common noun opening the name belongs to it
        # when the acronym says so.
        j = skipped
        while j > 0 and (all_words[j - 1] in gz.stop_nouns() or all_toks[j - 1][0] in ("and", "of", "for", "for the")):
            j -= 1
        while j < skipped and all_words[j] not in gz.stop_nouns():
            j += 1
        if j < skipped and _initials_match(acr.group(1), all_words[j:]):
            toks, words = all_toks[j:], all_words[j:]
            s = toks[0][1]
    multi = len(toks) >= 2
    if (
        multi
        and text[s - 2 : s] == ", "
        and not any(w in ORG_SUFFIX or w in ORG_HEAD for w in words)
        and _ROLE_COMMA_BEFORE.search(text, max(0, s - 60), s)
    ):
        return False  # "its chair, Per-Anders Nutti, said in a statement": the person the role names
    club = multi and (
        (words[0] in CLUB_HEAD and words[1] not in titles and words[-1] not in NOT_PERSON_TAIL)
        or (words[-1] in CLUB_TAIL and words[0] not in firsts)
        or (words[-1] in NICKNAMES and not any(t[0][0].islower() for t in toks))
    )
    prev = text[max(0, s - 20) : s].split()
    # "Christie's said", "Moody's downgraded": a possessive with no noun after it is a firm's name.
    poss_name = (
        text[e : e + 1] in "'\u2019" and bool(_POSS_NAME_VERB.match(text, e)) and not (multi and words[0] in firsts)
    )
    share_move = text[e : e + 1] == " " and words[0] not in gz.stop_nouns() and bool(_SHARE_MOVE_AFTER.match(text, e))
    context = (
        (
            bool(prev)
            and (
                prev[-1].lower() in ORG_CONTEXT
                # "chipmaker Kioxia", "asset manager Van Lanschot Kempen" (not "playmaker X", "fund manager X")
                or (prev[-1].endswith("maker") and prev[-1].islower() and prev[-1] not in gz.roles())
                or (len(prev) >= 2 and prev[-1] == "manager" and prev[-2].lower() in _FIRM_MANAGER)
            )
        )
        or (
            text[e + 1 : e + 2].islower()
            and bool(_ORG_NOUN_AFTER.match(text, e))
            and (multi or not sentence_initial(text, s))  # "Former bank executive ..."
        )
        or (
            # "Sydbank analyst Sofie Krag", "Rosatom head Sergei Volkov": a body, then its employee
            text[e + 1 : e + 2].islower()
            and (
                bool(_ROLE_THEN_NAME.match(text, e))
                or ((multi or not sentence_initial(text, s)) and bool(_ROLE_THEN_NAME_INNER.match(text, e)))
            )
            and not (len(toks) == 1 and words[0].lower() in _FIRM_MANAGER)  # "Asset manager Amundi"
            and not (words[0] in firsts and multi)
            and not (multi and words[-1] in firsts)
            and not any(h[2].kind == "place" for h in inner)
            and not (not multi and words[0] in _ROLE_MODIFIERS)
            # "Hospital director Amina Yusuf said": a sentence's first word alone is a common noun there
            and not (not multi and words[0] in ORG_SUFFIX and sentence_initial(text, s))
        )
        or (
            bool(prev)
            and prev[-1] in ("a", "an", "A", "An")
            and text[e + 1 : e + 2] == "s"
            and bool(_SPOKES_AFTER.match(text, e))
            and not any(w in titles or w in firsts for w in words)
        )
        or (len(prev) >= 2 and prev[-2].lower() in ("shares", "stock", "stake") and prev[-1] in ("of", "in"))
        # "Puma gained 1.8%": only a listed company's shares move by a percentage
        or share_move
        # "the press service of Rosseti", "a spokesman for Sodiam": the body spoken for
        or bool(_SPOKEN_FOR_BEFORE.search(text, max(0, s - 40), s))
        or (
            text.startswith(_STATEMENT_START, e)
            and bool(_STATEMENT_AFTER.match(text, e))
            and not any(w in titles or w in firsts for w in words)
            # "commissioner Rosli bin Hamzah said in a statement": a person, named after a role
            and not (multi and any(t[0] in NAME_PARTICLES for t in toks))
            and _role_before(text, s) is None
        )
        or (
            text.startswith(", ", e)
            and (appos := _ORG_APPOSITION.match(text, e)) is not None
            and not (multi and words[0] in firsts)
            # "Zhou Haiyan, a researcher at the institute,": a person described by where they work
            and not _ROLE_PREP.search(text, e, appos.end())
        )
        or (
            (
                text.startswith(", whose shares", e)
                or (text.startswith(_RESULTS_START, e) and bool(_RESULTS_AFTER.match(text, e)))
            )
            and not any(w in titles or w in firsts for w in words)
            and not all(w in ORG_SUFFIX for w in words)  # "SK hynix Inc. reported"
            and _role_before(text, s) is None
        )
        # "Fraport, which runs Frankfurt airport, said": people are "who", and a ship or a treaty does not
        # speak; a place named so stays a place below.
        or (
            text.startswith(", which ", e)
            and bool(_WHICH_SAID.match(text, e))
            and not (multi and words[0] in firsts)
            and words[0] not in titles
        )
        or (
            text[e : e + 1] in "'\u2019" and bool(_ORG_POSS_AFTER.match(text, e)) and not (multi and words[0] in firsts)
        )
        or poss_name
        or based
        or plural_ctx
        or (
            # "Codelco halted its output", "Hexagon Purus raised its forecast": "its" is a body's own
            text.find(" its ", e, e + 30) >= 0
            and _VERB_ITS.match(text, e) is not None
            and words[0] not in firsts
            and not any(h[2].kind == "place" for h in inner)
            and not _PLURAL_NOUN.search(words[-1])
            and words[-1].lower() not in _ROLE_SET
            and sentence_initial(text, s)
        )
        or (
            not multi
            and not inner
            and _noun_said_after(text, e)
            and words[0] not in firsts
            and words[0] not in gz.common_words()
            and words[0].lower() not in _ROLE_SET
            and not _PLURAL_NOUN.search(words[0])  # "Flights were halted, the agency said"
            and sentence_initial(text, s)
        )
    )
    # A club named after its city, in sport copy (never a country: national teams stay places).
    named_club = club
    club = (
        club
        or (
            seg.in_ is None
            and not (words[0] in firsts and multi)
            # "Denmark's Mikkel Vestergaard and Rasmus Holm": a pair of players, one with a known given name
            and not any(w == "and" and words[k + 1 : k + 2] and words[k + 1] in firsts for k, w in enumerate(words))
            # "champion Aryna Kovalchuk beat ...": a player, named after a role or by a family name's ending
            and not (multi and words[-1].endswith(_SURNAME_ENDINGS))
            # "Casper Ruud beat Carlos Alcaraz 6-4 7-6(5)": set scores are played by people, not clubs
            and not (multi and _set_scores(text))
            and sport_context(text, s, e)
            and _role_before(text, s) is None
            and not any(h[2].kind == "place" and h[2].places[0].is_country for h in inner)
        )
    )
    # "Borsa Istanbul", "Banco Santander": a head noun in another language opens an organisation.
    club = club or (
        multi
        and (words[0] in FOREIGN_ORG_HEAD or words[0].endswith(_GERMAN_BODY_ENDINGS))
        and words[1] not in gz.stop_nouns()
        and words[1] not in stop
    )
    # "face the Broncos": a team nickname after "the" is the club.
    club = club or (
        not multi and words[0] in NICKNAMES and text[max(0, s - 4) : s] in ("the ", "The ") and seg.in_ is None
    )
    role_at = bool(prev) and prev[-1] in ("at", "for", "with", "the") and bool(_ROLE_AT.search(text, max(0, s - 60), s))
    with_acr = (
        acr is not None
        and multi
        and (len(toks) >= 3 or _initials_match(acr.group(1), words))
        # "the Democratic Republic of the Congo (DRC)": a country with its initials is still the country
        and not any(h[0] == s and h[1] == e and h[2].kind == "place" and h[2].places[0].is_country for h in inner)
    )
    if not (club or context or role_at or with_acr):
        return False
    if not (club or with_acr):
        # Context alone: not a person's name, not a country or a city named as such.
        if (
            words[0] in firsts
            and multi
            and not (words[0] == "Al" and words[1] not in firsts)
            and not any(h[0] == s and h[2].kind == "place" and h[2].places[0].is_country for h in inner)
        ):
            # "Al Kass television": the Arabic article, not the given name Al; "broadcaster France
            # Télévisions": a country's name, not the given name France
            return False
        exact = [h for h in inner if h[0] == s and h[1] == e]
        if exact and exact[0][2].kind == "place" and not (share_move and exact[0][2].places[0].population < 200_000):
            return False  # (but "rival Puma gained 1.8%": a company named like a town)
    if poss_name:
        e += 2
    # "rival lenders BIDV and VietinBank", "behind Bordeaux-Begles and Toulon, who beat Clermont": two bodies
    two = (plural_ctx and not (club or with_acr)) or (club and not named_club and not with_acr)
    cut = next((i for i, t in enumerate(toks) if t[0] == "and"), 0) if two else 0
    if 0 < cut < len(toks) - 1:
        for a, b in ((0, cut - 1), (cut + 1, len(toks) - 1)):
            name = text[toks[a][1] : toks[b][2]]
            out.append(Found(seg, toks[a][1], toks[b][2], "organisation", gz.gazetteer().org_aliases.get(name, name)))
        return True
    if acr is not None:
        s = _comma_start(text, s, e, acr.group(1))
    exact = [h for h in inner if h[0] == s and h[1] == e and h[2].kind == "organisation"]
    key = (exact[0][2].org or text[s:e]) if exact else gz.gazetteer().org_aliases.get(text[s:e], text[s:e])
    out.append(Found(seg, s, e, "organisation", key))
    if acr is not None:
        out.append(Found(seg, acr.start(1), acr.end(1), "organisation", key))
    for h in inner if based else ():
        if h[1] <= s:
            _add_hit(seg, h, out)  # "Lagos-based": the place stays a place
    return True


# "Rosaviatsiya closed two airports, the agency said": the sentence's subject is the body its noun names.
_NOUN_SAID_END = re.compile(
    rf",[ \u00a0]the[ \u00a0](?:[\w-]{{1,30}}[ \u00a0]){{0,2}}?(?:{_ORG_NOUNS_APPOS})[ \u00a0]"
    rf"(?:said|says|added|announced|confirmed|reported)\b[^.;:\"\u201c\u201d]{{0,40}}\.(?:\s|$)"
)


_VERB_ITS = re.compile(
    r"[ \u00a0](?:has[ \u00a0]|had[ \u00a0]|will[ \u00a0])?[a-z]{3,14}(?<=ed|es|ts|ds|ns|ks|ps)[ \u00a0]its[ \u00a0]"
)
_PLURAL_NOUN = re.compile(r"[^sauio']s$")
_NEXT_WORD = re.compile(r"[ \u00a0]([a-z]+)\b")
_REPORTING = gz.reporting_verbs()


def _noun_said_after(text: str, e: int) -> bool:
    """The sentence from `e` opens with an action in the past ("closed", not "said": "Lee said ..., the
    agency reported" reports a person) and ends with ", the <organisation noun> said"."""
    if text.find(", the ", e, e + 240) < 0 or text[e : e + 1] != " ":
        return False
    verb = _NEXT_WORD.match(text, e)
    if verb is None or not verb.group(1).endswith("ed") or verb.group(1) in _REPORTING:
        return False
    stop = text.find(". ", e, e + 240)
    hi = len(text) if stop < 0 and len(text) - e < 240 else (stop + 2 if stop >= 0 else e)
    at = text.find(", the ", e, hi)
    while at >= 0:
        if _NOUN_SAID_END.match(text, at, hi):
            return True
        at = text.find(", the ", at + 6, hi)
    return False


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
    if text[max(0, grp[0][1] - 4) : grp[0][1]] == "(By " or text[max(0, grp[0][1] - 3) : grp[0][1]] == "By ":
        return  # "(By Lin Hsiao-wen) Enditem": a byline, not a person in the story
    if (
        len(grp) >= 3
        and grp[0][0] not in firsts
        and grp[1][0] in firsts
        and not titled
        and "-" not in grp[0][0]
        and len(grp[0][0]) > 1  # "K. Srinath Rao": an initial opens the name
        and not _surname_first(grp)  # "Tan Wei Ming"
        # "engineer Dalal Yousef Al-Mutairi": an unknown given name mid-sentence still opens the name;
        # only a role noun, a listed word or a sentence's first word is read as a noun before it.
        and (
            grp[0][0].lower() in _ROLE_SET
            or grp[0][0] in gz.common_words()
            or grp[0][0] in gz.stopwords()
            or sentence_initial(seg.text, grp[0][1])
        )
    ) or (
        len(grp) >= 3
        and not titled
        and grp[0][0].endswith(_PROFESSION_ENDINGS)
        and grp[0][0] not in firsts
        and sentence_initial(seg.text, grp[0][1])
    ):
        # "Anthropologist Marta Rios", "Rookie Haruto Sato", "Hygienist Miroslava Dudasova": a capitalised noun
        # before the name
        grp = grp[1:]
    if len(grp) >= 4 and not titled:
        # "(Minister of Energy Transition and) Sustainable Development Nadia Bennani": the rest of a title's
        # field of competence, capitalised common nouns, before a known given name.
        k = next((i for i, t in enumerate(grp) if t[0] in firsts), 0)
        if k >= 2 and len(grp) - k >= 2 and all(t[0] in gz.stop_nouns() for t in grp[:k]):
            grp = grp[k:]
    s, e = grp[0][1], grp[-1][2]
    name = text[s:e]
    if len(name) < 2 or (len(grp) > 1 and grp[-1][0] in NOT_PERSON_TAIL) or (len(grp) == 1 and grp[0][0] in ORG_SUFFIX):
        return
    # "Park", "Hall", "Law" alone: a person only as the surname of someone named in full ("Park Seong-woo").
    surname_only = grp[-1][0] in NOT_PERSON_TAIL
    before = text[max(0, s - 60) : s]
    after = text[e : e + 80]
    if len(grp) == 1 and before[-2:-1].isdigit() and before[-1:] == " ":
        return  # "who played 31 Tests, said": a counted noun, not a name
    prep = [w.lower() for w in before.rsplit(None, 1)[-1:]]
    town = next(
        (
            f.hit
            for f in out[-3:]
            if f.seg is seg
            and f.kind == "place"
            and f.hit is not None
            and not f.hit.places[0].is_country
            and text[f.end : s] in (" and ", " to ")
        ),
        None,
    )
    if (
        town is not None
        and not titled
        and len(grp) <= 2
        and not any(t[0] in firsts or t[0] in gz.census_names() for t in grp)
        and not _AFTER_SAID.match(after)
    ):
        # "between Passau and Plattling", "from Cuffe Parade to Marol": a name joined to a town is a town, in its
        # country
        out.append(Found(seg, s, e, "place", hit=_synthetic_place(name, town.places[0].country_code)))
        return
    if (
        prep
        and prep[0] in _PLACE_PREPS
        and not titled
        and grp[0][0] not in firsts
        and not _POSSESSIVE.match(after)
        and (
            prep[0] not in ("in", "at")
            or _AFTER_SAID.match(after)
            or after.startswith(" told ")
            or _country_after(after)
            or _TOWN_APPOS.match(after)
            # "farms in Chao.", "a hospital in Perinthalmanna, ...": a name no one is called, ending the clause
            or (
                prep[0] == "in"
                and _CLAUSE_ENDS.match(after)
                and grp[0][0] not in gz.census_names()
                and not any(c.isdigit() for c in name)  # "in H2": a half-year, not a town
            )
        )
    ):
        # "farms near Regueb, said", "a woman in Gabura told UNB": a place the gazetteer lacks, not a speaker
        out.append(Found(seg, s, e, "place", hit=_synthetic_place(name)))
        return
    if name.isupper() and len(grp) == 1 and not titled:
        # "AFAD said", "according to NATO", "analyst at ANZ": an acronym with a cue is an organisation.
        if (
            len(name) >= 2
            and name.isalpha()
            and name not in NOT_ORG_ACRONYM
            and name not in gz.stopwords()
            and (
                _AFTER_SAID.match(after)
                or (not before_toks and (_BEFORE_SAID.search(before) or _ROLE_AT.search(before)))
            )
        ):
            out.append(Found(seg, s, e, "organisation", gz.gazetteer().org_aliases.get(name, name)))
        return
    roles: list[str] = []
    cue = titled
    alias = ""
    if titled:
        k = len(before_kinds) - 1
        while k >= 0 and before_kinds[k] == "title":
            k -= 1
        title_words = [t[0] for t in before_toks[k + 1 :]]
        head = title_words[-1].rstrip(".").lower()
        roles.append(head)
        if head in TITLE_ROLE:
            roles.append(TITLE_ROLE[head])
        alias = text[before_toks[k + 1][1] : e]
    m = _role_before(text, s)
    if m and (not before_toks):
        cue = True
        roles.append(m.group(2).lower())
        rs = m.start(1)
        for word in m.group(1).split()[:-1]:  # "sacked coach", "of far-right contender": trim to the role
            if word.lower() in _STOP_LOWER or word.endswith("ed"):
                rs = m.start(1) + m.group(1).index(word) + len(word) + 1
        out.append(Found(seg, rs, m.end(1), "person", name, roles=(m.group(2).lower(),)))
    ap = _APPOSITION.match(after)
    if ap:
        cue = True
        roles.append(ap.group(1).lower())
    if _AGE_AFTER.match(after) or (len(grp) >= 2 and before.endswith(", ") and _ROLE_COMMA_BEFORE.search(before)):
        cue = True
    if len(grp) >= 2 and (after.startswith((", who ", ", whose ")) or grp[-1][0].endswith(_SURNAME_ENDINGS)):
        cue = True  # "Ana Petrovic, who ...", "Uros Milenkovic missed": people are "who"; "-ovic" ends a surname
    if len(grp) >= 2 and _player(text, s, e):
        cue = True  # "Casper Ruud beat ... 6-4 7-6(5)"
    if len(grp) >= 2 and (
        grp[0][0] in firsts
        or (len(grp[0][0]) == 1 and grp[1][0] in firsts)  # "K. Srinath Rao"
        or _surname_first(grp)
        or any(("-" in t[0] and t[0].split("-")[0].lower() in NAME_PARTICLES) or t[0] in NAME_PARTICLES for t in grp)
    ):
        cue = True
    if (_AFTER_SAID.match(after) and not (len(grp) == 1 and _RELATIVE_VERB.search(before))) or (
        not before_toks and _BEFORE_SAID.search(before) and not _POSSESSIVE.match(after)
    ):
        cue = True  # "said Lee" (but not "said Lyon's mayor")
    if len(grp) == 1 and name in gz.stopwords():
        return
    if (
        cue
        and not titled
        and len(grp) == 1
        and name.endswith("ing")
        and name not in firsts
        and sentence_initial(text, s)
        and not before_toks
    ):
        cue = False  # '"Rerouting adds two weeks," ...': a gerund opening a sentence or a quote, unless a known surname
    if cue and len(grp) == 1 and not titled and _CAMEL_BODY.match(name):
        # "The EuroLeague said", "PowerChina said": a blend of words is a body's name, never a person's
        out.append(Found(seg, s, e, "organisation", gz.gazetteer().org_aliases.get(name, name), cue=True))
        return
    if (
        cue
        and not titled
        and len(grp) == 1
        and gz.agent_plural(name)
        and name not in firsts
        and name not in gz.agent_plural_surnames()
        and sentence_initial(text, s)
        and not before_toks
    ):
        cue = False  # "Exhibitors warned that ...": a plural noun opening a sentence, not a surname
    cue = cue and not surname_only
    out.append(Found(seg, s, e, "person", name, roles=tuple(roles), cue=cue, alias=alias))


def _surname_first(grp: list[tuple[str, int, int]]) -> bool:
    """ "Zhang Liwei", "Lee Jae-myung": a family name from the list, then one given-name word."""
    if len(grp) not in (2, 3) or grp[0][0] not in gz.east_asian_surnames():
        return False
    rest = [t[0] for t in grp[1:]]
    viet = grp[0][0] in _VIET_SURNAMES  # "Nguyen Van Binh", "Tran Thi Lan": the middle names are no words
    return all(
        _EA_GIVEN.match(w)
        and ((viet and w in ("Van", "Thi")) or (w not in gz.common_words() and w not in gz.stopwords()))
        for w in rest
    )


# One or two Chinese syllables without tones ("Wei", "Liwei", "Xiaoming"): a given name, even when the
# US census lists it too.
_PINYIN_SYLLABLE = (
    r"(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?"
    r"(?:iang|iong|uang|ang|eng|ing|ong|uai|uan|ian|iao|ai|ei|ao|ou|an|en|in|un|ua|uo|ia|ie|iu|ui|er|a|o|e|i|u)"
)
_PINYIN_GIVEN = re.compile(rf"(?:{_PINYIN_SYLLABLE}){{1,2}}")


def _is_surname_first(name: str) -> bool:
    """ "Zhang Liwei", "Li Wei", "Lee Jae-won": family name first (but "Lee Anderson" is given name first)."""
    parts = name.split()
    return (
        len(parts) in (2, 3)
        and parts[0] in gz.east_asian_surnames()
        and (
            "-" in parts[1]
            or parts[1] not in gz.census_names()
            or _PINYIN_GIVEN.fullmatch(parts[1].lower()) is not None
        )
        and all(_EA_GIVEN.match(w) for w in parts[1:])
    )


_PATRONYMIC = frozenset(["bin", "binti", "bint", "ibn", "s/o", "d/o"])
_VIET_SURNAMES = frozenset(
    [
        "Nguyen",
        "Tran",
        "Le",
        "Pham",
        "Hoang",
        "Huynh",
        "Phan",
        "Vu",
        "Vo",
        "Dang",
        "Bui",
        "Do",
        "Ho",
        "Ngo",
        "Duong",
        "Ly",
        "Trinh",
        "Dinh",
        "Mai",
        "Truong",
        "Vuong",
    ]
)
# Endings only family names have (Slavic, Baltic, Greek, Georgian, Armenian, Romanian, Turkish, Ukrainian).
_SURNAME_ENDINGS = (
    "ović",
    "ević",
    "ovic",
    "evic",
    "owski",
    "ewski",
    "owska",
    "ewska",
    "wicz",
    "ová",
    "ský",
    "ská",
    "enko",
    "chuk",
    "shvili",
    "adze",
    "opoulos",
    "akis",
    "escu",
    "eanu",
    "oğlu",
    "oglu",
    "auskas",
    "evičius",
    "avičius",
    "aitis",
    "ienė",
    "aitė",
    "yan",
)


def _surnames(name: str) -> set[str]:
    """The short forms a story may use for a person named in full.

    The last word ("Brown" for "Dwayne A. Brown Jr.": a generation suffix is no surname), with
    its particles ("Abu Zeid", "van der Linden"; "Van der Linden" at a sentence start), and
    the given names before a Malay or Arabic patronymic ("Ahmad Faizal" for "Ahmad Faizal bin
    Abdul Rahman").
    """
    parts = name.split()
    if _is_surname_first(name):
        # "Khiem" for "Hoang Van Khiem": Vietnamese copy calls a person by the given name, written last;
        # Malaysian copy may call "Ong Wei Jie" "Wei Jie".
        if len(parts) == 3:
            return {parts[0], parts[-1]} if parts[0] in _VIET_SURNAMES else {parts[0], f"{parts[1]} {parts[2]}"}
        return {parts[0]}
    while len(parts) > 2 and parts[-1] in _GENERATION:
        parts = parts[:-1]
    last = parts[-1]
    out = {last}
    if "-" in last and last.split("-")[0].lower() in NAME_PARTICLES:
        out.add(last.split("-", 1)[1])
    k = len(parts) - 1
    while k >= 2 and parts[k - 1].lower() in NAME_PARTICLES:
        k -= 1
        tail = " ".join(parts[k:])
        out.add(tail)
        out.add(tail[0].upper() + tail[1:])
    cut = next((i for i, p in enumerate(parts) if p.lower() in _PATRONYMIC), 0)
    if cut >= 2:
        out.add(" ".join(parts[:cut]))
    firsts = gz.first_names()
    if (
        len(parts) >= 3
        and parts[0] in firsts
        and len(parts[-2]) > 2
        and parts[-2][0].isupper()
        and parts[-2] not in firsts
        and parts[-2].lower() not in NAME_PARTICLES
    ):
        out.add(parts[-2])  # "Benitez" for "Oscar Benitez Lara": the first of two surnames
    return out


def build(
    segs: list[Segment],
    dateline_city: str | None,
    agency: str | None,
    dateline_text: str | None = None,
    model_spans: dict[int, list[tuple[int, int, str]]] | None = None,
) -> EntityIndex:
    found: list[Found] = []
    for seg in segs:
        _scan(seg, found)
    found = _title_case_headline(found)
    # "in North Al Batinah and Al Dhahirah" after "in Al Dhahirah Governorate": a name the story made a
    # place by its administrative word is that place, not a person, wherever else it stands uncued.
    made_places = {
        f.text: f.hit for f in found if f.kind == "place" and f.hit is not None and f.hit.places[0].synthetic
    }
    if made_places:
        for f in found:
            if f.kind == "person" and not f.roles and f.text in made_places:
                f.kind, f.key, f.hit = "place", "", made_places[f.text]
    if any(_sporty(s.text) for s in segs):
        _sport_clubs(found)
    if model_spans:
        _add_model_spans(segs, model_spans, found)
    # "Acme" after "Acme Robotics Inc." is the company, whatever cue it had.
    org_heads = {f.key.split()[0]: f.key for f in found if f.kind == "organisation" and " " in f.key}
    # "Zvezda" after "Crvena Zvezda", "Betis" after "Real Betis": a two-word name's own last word.
    firsts, gaz = gz.first_names(), gz.gazetteer()
    for f in found:
        parts = f.text.split() if f.kind == "organisation" else ()
        if (
            len(parts) == 2
            and (f.key == f.text or strip_legal(f.text) != f.key)
            and len(parts[1]) >= 4
            and parts[1] not in ORG_SUFFIX
            and parts[1] not in gz.stopwords()
            and parts[1] not in firsts
            and gaz.lookup(parts[1]) is None
        ):
            org_heads.setdefault(parts[1], f.key)
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
        elif (
            f.kind == "place"
            and f.text in canon_of
            and (
                f.text not in gz.gazetteer().country_names.values()
                # "Jordan told reporters" after "Kayla Jordan": a country that speaks is the person
                or _SPEAKS_AFTER.match(f.seg.text, f.end)
            )
        ):
            # "Clinton" after "Hillary Clinton" is the person, not the town.
            f.kind, f.key, f.cue = "person", canon_of[f.text], True
    found = [f for f in found if (f.cue and f.kind != "person") or (f.kind == "person" and f.key in people)]
    _merge_nicknames(found)
    _merge_place_prefixes(found, dateline_city)
    found.extend(_short_forms(segs, found))
    found.extend(_role_mentions(segs, found, people))
    found.extend(_described_mentions(segs, found))
    return _assemble(found, dateline_city, agency, dateline_text)


# Sport copy: "Lille host Lens", "Monaco and Lille both travel", "will face Lens": a city that plays is its club.
_CLUB_VERB_AFTER = re.compile(
    r"(?:[ \u00a0]and[ \u00a0][A-Z][\w'\u2019-]+)?(?:[ \u00a0](?:both|also|now|then|next))?[ \u00a0]"
    r"(?:host|travel|visit|face|meet|welcome|entertain)\b"
)
_CLUB_VERB_BEFORE = re.compile(r"\b(?:hosts?|visits?|faces?|meets?|welcomes?|entertains?|against)[ \u00a0]$")
# "Collingwood coach Brendan Tully", "Carlton captain Harry Lennox": a town whose coach or player is named is a club;
# "Collingwood held off Carlton": a town that wins is one.
_CLUB_STAFF_AFTER = re.compile(
    r"[ \u00a0](?:head[ \u00a0])?(?:coach|captain|skipper|manager|striker|midfielder|defender|goalkeeper|forward|"
    r"winger|playmaker|ruckman|full-back|fullback|halfback|fly-half|back-rower|veteran|recruit|rookie|president|"
    r"chairman|chief[ \u00a0]executive)[ \u00a0][A-Z]"
)
_CLUB_WIN_AFTER = re.compile(
    r"[ \u00a0](?:held[ \u00a0]off|saw[ \u00a0]off|fought[ \u00a0]off|overcame|outlasted|downed|crushed|trounced|"
    r"edged[ \u00a0]past|eased[ \u00a0]past|cruised[ \u00a0]past|swept[ \u00a0]aside|came[ \u00a0]from[ \u00a0]behind)\b"
)
_IN_PLACE = frozenset(["in", "near", "outside", "across", "around", "inside", "of"])


def _sport_clubs(found: list[Found]) -> None:
    """In a sport story, a city's name is its club where the story makes it one elsewhere ("Lens beat
    Nantes 2-1" ... "Nantes, who sit 14th"), unless written "in Nantes"; and a city that hosts, visits,
    faces or travels is the club (a country stays a place: national teams are written as countries)."""
    clubs = {f.text: f.key for f in found if f.kind == "organisation" and f.hit is None}
    for f in found:  # "Ulsan's problems" after "Ulsan HD beat ...": a club's first word, a town's name, is the club
        first, _, rest = f.key.partition(" ")
        if f.kind == "organisation" and rest and sport_context(f.seg.text, f.start, f.end):
            clubs.setdefault(first, f.key)
    for f in found:
        if f.kind == "place" and f.hit is not None and not f.hit.places[0].is_country:
            text = f.seg.text
            if _CLUB_STAFF_AFTER.match(text, f.end) or _CLUB_WIN_AFTER.match(text, f.end):
                clubs.setdefault(f.text, f.text)
    for f in found:
        if f.kind != "place" or f.hit is None or f.hit.places[0].is_country:
            continue
        text = f.seg.text
        prev = text[max(0, f.start - 12) : f.start].split()
        if prev and prev[-1].lower() in _IN_PLACE:
            continue
        key = clubs.get(f.text)
        if key is None and (
            _CLUB_VERB_AFTER.match(text, f.end) or _CLUB_VERB_BEFORE.search(text, max(0, f.start - 14), f.start)
        ):
            key = f.text
        if key is not None:
            f.kind, f.key, f.hit = "organisation", key, None


def _has_word(text: str, words: str) -> bool:
    """Whether `words` occurs in `text` as whole words."""
    i = text.find(words)
    while i >= 0:
        j = i + len(words)
        if (i == 0 or not text[i - 1].isalnum()) and (j == len(text) or not text[j].isalnum()):
            return True
        i = text.find(words, i + 1)
    return False


def _title_case(text: str) -> bool:
    """ "Actress Jana Novak Dies Aged 87": a headline that capitalises its content words."""
    words = [w for w in text.split() if len(w) > 3 and w[0].isalpha()]
    return len(words) >= 3 and sum(w[0].isupper() for w in words) >= 0.8 * len(words)


def _title_case_headline(found: list[Found]) -> list[Found]:
    """In a title-case headline every word is capitalised, so a capitalised run over-reaches ("Jana
    Novak Dies", "Candidates Contest City Council", "Gets"). A person or a run-built organisation there
    is kept as the body writes it: whole when the body has its words, cut to the longest body name
    inside it, dropped when the body names nothing of it."""
    head = next((f.seg for f in found if f.seg.in_ == "headline"), None)
    if head is None or not _title_case(head.text):
        return found
    body = [f for f in found if f.seg.in_ is None]
    if not body:
        return found
    texts = {f.seg.order: f.seg.text for f in body}
    out: list[Found] = []
    for f in found:
        if f.seg is not head or f.hit is not None or f.kind == "place":
            out.append(f)
            continue
        name = f.text
        if any(_has_word(t, name) for t in texts.values()):
            out.append(f)
            continue
        inner = [b for b in body if len(b.text) < len(name) and _has_word(name, b.text)]
        if inner:
            b = max(inner, key=lambda x: len(x.text))
            at = f.start + name.index(b.text)
            out.append(
                dataclasses.replace(f, start=at, end=at + len(b.text), kind=b.kind, key=b.key, hit=b.hit, roles=())
            )
    return out


def _add_model_spans(segs: list[Segment], spans: dict[int, list[tuple[int, int, str]]], found: list[Found]) -> None:
    """Entities an optional statistical model found where the rules found nothing.

    The rules' own filters still apply: a person's name loses its titles and must not be a
    stopword or end in a feature noun; a place must be in the gazetteer (it brings the geo);
    an organisation takes its gazetteer canonical name.
    """
    gaz = gz.gazetteer()
    titles, stop = gz.titles(), gz.stopwords()
    taken: dict[int, list[tuple[int, int]]] = {}
    bare: dict[tuple[int, int, int], Found] = {}  # names the rules saw without a cue
    for f in found:
        if f.kind == "person" and not f.cue:
            bare[(f.seg.order, f.start, f.end)] = f
        else:
            taken.setdefault(f.seg.order, []).append((f.start, f.end))
    for seg in segs:
        for start, end, kind in spans.get(seg.order, []):
            text = seg.text
            s, e = start, end
            words = text[s:e].split()
            while words and (words[0] in ("the", "The") or (kind == "person" and words[0].rstrip(".") in titles)):
                s = text.index(words[0], s) + len(words[0])
                while s < e and text[s].isspace():
                    s += 1
                words = words[1:]
            while e > s and text[e - 1] in ".,;:'\u2019":
                e -= 1
            if not words or e <= s or any(a < e and s < b for a, b in taken.get(seg.order, [])):
                continue
            name = text[s:e]
            if not name[0].isupper() or (len(words) == 1 and name in stop) or words[-1] in NOT_PERSON_TAIL:
                continue
            hit = gaz.lookup(name)
            if kind == "place":
                if hit is None or hit.kind != "place":
                    continue
                found.append(Found(seg, s, e, "place", hit=hit))
            elif kind == "organisation":
                org = hit.org if hit is not None and hit.kind == "organisation" else None
                found.append(Found(seg, s, e, "organisation", org or gaz.org_aliases.get(name, name)))
            elif (seg.order, s, e) in bare:
                bare[(seg.order, s, e)].cue = True  # the model is the cue the rules lacked
            else:
                found.append(Found(seg, s, e, "person", name))
            taken.setdefault(seg.order, []).append((s, e))


def _merge_place_prefixes(found: list[Found], dateline_city: str | None) -> None:
    """ "Rio" after "Rio de Janeiro": a place named by the first word of a longer place in the story."""
    longer: dict[str, gz.Hit] = {}
    written = (dateline_city or "").strip()
    city = gz.gazetteer().lookup(written) if " " in written else None
    if city is not None and city.kind == "place":
        longer[written.title().split()[0]] = city
    for f in found:
        if f.kind == "place" and f.hit is not None and " " in f.text:
            longer.setdefault(f.text.split()[0], f.hit)
    for f in found:
        if (
            f.kind == "place"
            and f.text in longer
            and f.hit is not None
            and not any(p.is_country or p.region for p in f.hit.places)
        ):
            f.hit = longer[f.text]


def _merge_nicknames(found: list[Found]) -> None:
    """ "the Bucks" after "Milwaukee Bucks": a club's nickname alone is the club."""
    full: dict[str, str] = {}
    for f in found:
        if f.kind == "organisation" and " " in f.key and f.key.rsplit(None, 1)[-1] in NICKNAMES:
            full.setdefault(f.key.rsplit(None, 1)[-1], f.key)
    for f in found:
        if f.kind == "organisation" and f.key in full:
            f.key = full[f.key]


@functools.cache
def _short_form_blocked() -> frozenset[str]:
    return (gz.titles() | gz.stopwords() | gz.nationalities() | ORG_HEAD | ORG_SUFFIX) - CLUB_HEAD


def _short_forms(segs: list[Segment], found: list[Found]) -> list[Found]:
    """Later bare mentions of an organisation: its acronym ("AFAD") or its first word ("Union").

    The first word counts only when it names nothing else: not a title, head noun,
    nationality, stopword, country or sizeable city.
    """
    gaz = gz.gazetteer()
    forms: dict[str, str] = {}
    blocked = _short_form_blocked()
    for f in found:
        if f.kind != "organisation":
            continue
        if f.text != f.key and f.text.isupper():
            forms.setdefault(f.text, f.key)
        first = f.key.split()[0] if " " in f.key else ""
        if len(first) < 3 or first in blocked or not first[0].isupper() or first.isupper():
            continue
        h = gaz.lookup(first) if first not in gz.common_words() else None
        if h is not None and (h.kind == "organisation" or h.places[0].is_country or h.places[0].population > 100_000):
            continue
        forms.setdefault(first, f.key)
    if not forms:
        return []
    taken: dict[int, list[Found]] = {}
    for f in found:
        taken.setdefault(f.seg.order, []).append(f)
    out: list[Found] = []
    for seg in segs:
        here = taken.get(seg.order, [])
        for s, e, form in find_words(seg.text, forms, also="-"):
            clash = [f for f in here if f.start < e and s < f.end]
            if any(f.kind == "organisation" and f.key == form != forms[form] for f in clash):
                for f in clash:  # "MRD said" found on its own joins the "(MRD)" it stands for
                    f.key = forms[form]
                continue
            if any(f.kind != "place" or (f.start, f.end) != (s, e) for f in clash):
                continue
            for f in clash:  # a small place of the same name ("Union", New Jersey) gives way
                f.kind, f.key = "organisation", forms[form]
            if not clash:
                out.append(Found(seg, s, e, "organisation", forms[form]))
    return out


def _match_person(name: str, canon_of: dict[str, str]) -> str | None:
    if name in canon_of:
        return canon_of[name]
    parts = name.split()
    if len(parts) >= 2:
        for known, target in canon_of.items():
            kp = known.split()
            if len(kp) >= 2 and kp[0] == parts[0] and kp[-1] == parts[-1]:
                return target
        # "Dr Mohd Faizal said" after "Mohd Faizal Jaafar": Malay, Indonesian and Ethiopian copy calls a
        # person by the leading names of the full name.
        heads = {t for k, t in canon_of.items() if len(k.split()) > len(parts) and k.split()[: len(parts)] == parts}
        if len(heads) == 1:
            return heads.pop()
        if len(parts) == 2 and parts[0] not in gz.first_names():
            # "Fernández Ruiz" for "María José Fernández Ruiz": a double surname written alone.
            for known, target in canon_of.items():
                kp = known.split()
                if len(kp) >= 3 and kp[-2:] == parts and not _is_surname_first(known):
                    return target
    return None


# Only as the subject of a clause: "the 27-year-old striker" is a role noun's business.
_AS_SUBJECT = r"(?=[,.;:]|[ \u00a0](?:said|says|told|tells|added|admitted|explained|insisted|who|was|is|has|had)\b)"
_SPEAKS_AFTER = re.compile(rf"(?:,?[ \u00a0](?:{_VERBS}|told)|,[ \u00a0](?:who|the[ \u00a0]\d{{4}}))\b")
_AGE_NOUN = re.compile(rf"[Tt](?<!\w.)he[ \u00a0](\d{{1,3}})-year-old\b(?:[ \u00a0]([A-Z][a-z]{{2,14}}))?{_AS_SUBJECT}")
_NATIONAL_NOUN = re.compile(rf"[Tt](?<!\w.)he[ \u00a0]([A-Z][a-z]{{2,14}})\b{_AS_SUBJECT}")
_OWN_COUNTRY = re.compile(r"([A-Z][a-z]+)['\u2019]s[ \u00a0]$")


def _described_mentions(segs: list[Segment], found: list[Found]) -> list[Found]:
    """ "the 27-year-old", "the Spaniard": the person of that age or nationality, else the last one named.

    An age comes from "Ann Lee, 27,"; a nationality from "Spain's Ann Lee" (the noun and the
    country share their first three letters: Spaniard/Spain, Finn/Finland, Swede/Sweden).
    """
    people = sorted((f.seg.order, f.start, f) for f in found if f.kind == "person")
    if not people:
        return []
    age: dict[str, str] = {}
    land: dict[str, str] = {}
    for _o, _s, f in people:
        a = _AGE_AFTER.match(f.seg.text, f.end)
        if a is not None:
            age.setdefault(f.key, a.group().strip(", .").split()[0])
        c = _OWN_COUNTRY.search(f.seg.text, max(0, f.start - 30), f.start)
        if c is not None:
            land.setdefault(f.key, c.group(1)[:3])
    nouns = gz.nationalities()
    out: list[Found] = []
    for seg in segs:
        if "the" not in seg.text and "The" not in seg.text:
            continue
        for m in _AGE_NOUN.finditer(seg.text):
            # "the 23-year-old Norwegian": the age decides when someone was given it, else the country
            if m.group(2) is None or m.group(2) not in nouns or m.group(1) in age.values():
                out.extend(_pick(seg, m, people, age, m.group(1)))
            else:
                out.extend(_pick(seg, m, people, land, m.group(2)[:3]))
        for m in _NATIONAL_NOUN.finditer(seg.text):
            if m.group(1) in nouns and not m.group(1).endswith("s"):
                out.extend(_pick(seg, m, people, land, m.group(1)[:3]))
    return out


def _pick(
    seg: Segment, m: re.Match[str], people: list[tuple[int, int, Found]], table: dict[str, str], value: str
) -> list[Found]:
    k = bisect.bisect_left(people, (seg.order, m.start()), key=lambda p: (p[0], p[1]))
    if not k:
        return []
    chosen = next((f.key for _o, _s, f in reversed(people[:k]) if table.get(f.key) == value), None)
    if chosen is None and value in table.values():
        return []  # the person meant is introduced later: no guess
    if chosen is None:
        # No age or country to go by: the subject of the last sentence that named someone ("Ruud beat
        # Alcaraz 6-4 6-4." then "the 26-year-old said" is Ruud), its first person named.
        o, s, last = people[k - 1]
        text = last.seg.text
        start = max(text.rfind(". ", 0, s), text.rfind("? ", 0, s), text.rfind("! ", 0, s))
        chosen = next(f.key for po, ps, f in people[:k] if po == o and ps >= start)
    return [Found(seg, m.start(1), m.end(), "person", chosen)]


def _role_mentions(segs: list[Segment], found: list[Found], people: dict[str, list[str]]) -> list[Found]:
    """ "the Kremlin spokesman" -> the person most recently introduced with that role."""
    by_role: dict[str, list[str]] = {}
    for name, heads in people.items():
        for h in heads:
            by_role.setdefault(h, []).append(name)
    if not by_role:
        return []
    order = sorted((f.seg.order, f.start, f.key) for f in found if f.kind == "person")
    nationalities = gz.nationalities()
    leads: dict[str, set[str]] | None = None  # built when a role phrase has modifiers
    # The heads that can name someone here; a segment with none of them is not searched.
    wanted = [*by_role, *(h for h, kin in ROLE_KIN.items() if h not in by_role and not by_role.keys().isdisjoint(kin))]
    out: list[Found] = []
    for seg in segs:
        low = seg.text.lower()
        if not any(h in low for h in wanted):
            continue
        for m in _ROLE_NP.finditer(seg.text):
            head = m.group(3).lower()
            names = by_role.get(head)
            kin = not names
            if kin:
                # "the diplomat" for "Ambassador Ann Lee": a near role of the same kind, named earlier
                names = [n for k in ROLE_KIN.get(head, ()) for n in by_role.get(k, ())]
            if not names:
                continue
            mods = [w for w in m.group(2).lower().split()[:-1] if w not in _STOP_LOWER]
            if mods and leads is None:
                leads = _lead_words(found)
            if mods and leads is not None and len(set(names)) > 1:
                # "the Russian leader" after "Russian President Vladimir Putin met Chinese President Xi
                # Jinping": the one introduced with the phrase's own modifier.
                names = [n for n in names if _introduced_with(leads, n, mods)] or names
            elif mods and leads is not None and not _introduced_with(leads, names[0], mods):
                # "the Omani minister" after "Iranian Foreign Minister A met his Omani counterpart, B":
                # the one person introduced with the nationality, whatever the role word.
                nat = [w for w in mods if w.title() in nationalities]
                other = [n for n in leads if n in people and n not in names]
                fit = [n for n in other if nat and _introduced_with(leads, n, nat)]
                if len(fit) == 1:
                    names, kin = fit, False
            chosen = None if kin else names[0]
            for o, s, key in order:
                if (o, s) < (seg.order, m.start()) and key in names:
                    chosen = key
            if chosen is not None:
                out.append(Found(seg, m.start(2), m.end(2), "person", chosen))
    return out


def _lead_words(found: list[Found]) -> dict[str, set[str]]:
    """Person -> the lower-case words written in the 40 characters before any of their mentions, within
    the sentence: what they were introduced with ("Russian President", "his Omani counterpart,")."""
    out: dict[str, set[str]] = {}
    for f in found:
        if f.kind == "person":
            lead = f.seg.text[max(0, f.start - 40) : f.start]
            out.setdefault(f.key, set()).update(_WORD.findall(lead[lead.rfind(". ") + 1 :].lower()))
    return out


_WORD = re.compile(r"[\w-]+")


def _introduced_with(leads: dict[str, set[str]], key: str, mods: list[str]) -> bool:
    """Whether person `key` was introduced with one of `mods` ("Russian" or "Russia's" for "the Russian
    leader", "UN" for "the UN chief"), word for word or sharing the first four letters."""
    words = leads.get(key, set())
    return any(m in words or (len(m) > 4 and any(w[:4] == m[:4] for w in words)) for m in mods)


def _slug(text: str) -> str:
    """ "Zürich" -> "zurich": accents folded, so an id does not depend on how the copy spells them."""
    return re.sub(r"[^a-z0-9]+", "-", fold(text)).strip("-") or "x"


def _dateline_region(dateline_text: str | None, city: str | None) -> str | None:
    """The state or country written after the dateline city ("PARIS, Texas (AP)", "WILMINGTON, N.C.")."""
    if not dateline_text or not city:
        return None
    m = _DATELINE_REGION.match(dateline_text)
    if m is None or m.group(1).strip().upper() != city.strip().upper():
        return None
    region = m.group(2).strip()
    return gz.AP_STATES.get(region, region)


def _assemble(
    found: list[Found], dateline_city: str | None, agency: str | None, dateline_text: str | None = None
) -> EntityIndex:
    gaz = gz.gazetteer()
    if agency:
        # "told Armenpress": the agency of the dateline, named in the body, is that organisation.
        credit = agency.strip()
        for f in found:
            if f.kind == "person" and f.text == credit:
                f.kind, f.key, f.roles = "organisation", gaz.org_aliases.get(credit, credit), ()
    place_hits = [f for f in found if f.kind == "place" and f.hit is not None]
    extra: list[gz.Hit] = []
    region = _dateline_region(dateline_text, dateline_city)
    body_countries = {f.hit.places[0].country_code for f in place_hits if f.hit is not None and f.hit.places}
    for name, is_city in ((region, False), (dateline_city, True)):  # the region first: it decides which "Paris"
        h = gaz.lookup(name.strip()) if name else None
        if name and is_city and _city_unknown(h, name.strip(), body_countries):
            # "SION": a town the gazetteer lacks, or knows only as another city's old name (Jerusalem's
            # "Sion"): the city as written, in the story's main country.
            h = _synthetic_place(" ".join(w.capitalize() for w in name.strip().split()))
        if h is not None and h.kind == "place":
            extra.append(h)
            body_countries.update(p.country_code for p in h.places[:1])  # "SEVILLE, Spain"
    resolved = resolve_places([f.hit for f in place_hits if f.hit is not None] + extra, extra, agency)
    chosen, extra_places = resolved[: len(place_hits)], resolved[len(place_hits) :]
    # A feature named by its cue word ("Taman Peninsula") lies in the story's main country.
    ccs = Counter(p.country_code for p in chosen + extra_places if p.country_code)
    if ccs:
        top = ccs.most_common(1)[0][0]
        chosen, extra_places = (
            [
                dataclasses.replace(p, country_code=top)
                if p.geonames_id <= -1_000_000_000 and not p.country_code
                else p
                for p in places
            ]
            for places in (chosen, extra_places)
        )
    for f, place in zip(place_hits, chosen, strict=True):
        f.key = f"place:{place.geonames_id}"
    for f in found:
        if f.kind == "organisation":
            bare = strip_legal(f.key)
            f.key = gaz.org_aliases.get(bare, bare) if bare != f.key else bare
    # "ECB" in a story that names the European Central Bank: that bank, not the cricket board the
    # list gives for the acronym.
    written = {f.key for f in found if f.kind == "organisation" and " " in f.text}
    for f in found:
        if f.kind == "organisation" and f.text.isupper() and f.key != f.text and f.key not in written:
            mates = [k for k in written if _initials_match(f.text, k.split())]
            if len(mates) == 1:
                f.key = mates[0]
    # "RBI" in a story that names the Reserve Bank of India, "United" after Manchester United: an
    # unknown acronym of exactly one written name's initials, or the last word of exactly one name.
    # "Zvezda" after "Crvena Zvezda" listed as Red Star Belgrade: the written form's last word, too.
    written_as = {f.text: f.key for f in found if f.kind == "organisation" and " " in f.text and f.text != f.key}
    for f in found:
        if f.kind != "organisation" or f.key != f.text or " " in f.text:
            continue
        if f.text.isupper() and len(f.text) >= 2:
            mates = [k for k in written if _strict_initials(k) == f.text]
        else:
            mates = [k for k in written if k.endswith(" " + f.text) and k.split()[-1] not in ORG_SUFFIX]
            if not mates:
                mates = list({k for t, k in written_as.items() if t.endswith(" " + f.text) and len(f.text) >= 4})
        if len(mates) == 1:
            f.key = mates[0]
    _bracketed_short_forms(found, written)
    _nation_ministries(found)
    _holding_names(found)
    # "Prado said" after "Helena Vasconcellos Prado": the surname, not the museum of that name;
    # "Kelvara said" where Kelvara is a company elsewhere in the story: the company.
    full_people = {f.key.split()[-1]: f.key for f in found if f.kind == "person" and " " in f.key}
    for f in found:  # "Kang said in a press release" after "Kang Min-seo": a family name written first
        if f.kind == "person" and " " in f.key and f.key.split()[0] in gz.east_asian_surnames():
            full_people.setdefault(f.key.split()[0], f.key)
    org_words = {f.key for f in found if f.kind == "organisation" and " " not in f.key}
    org_short: dict[str, str] = {}  # "Rosaviatsiya" -> "Federal Air Transport Agency"
    org_multi: set[str] = set()
    for f in found:
        if f.kind == "organisation" and " " in f.key:
            org_multi.add(f.key)
        if f.kind == "organisation" and " " not in f.text and f.text != f.key:
            org_short[f.text] = f.key  # "(Rosaviatsiya)", a short form of the agency
    for f in found:
        if (
            f.kind == "organisation"
            and " " not in f.text
            and f.text in full_people
            and f.text not in org_words - {f.text}
        ):
            f.kind, f.key, f.hit = "person", full_people[f.text], None
        elif f.kind == "person" and " " not in f.key and f.key in org_words and f.key not in full_people:
            f.kind = "organisation"
        elif f.kind == "person" and " " not in f.key and f.key in org_short and f.key not in full_people:
            f.kind, f.key = "organisation", org_short[f.key]  # "Rosaviatsiya said" after "Agency (Rosaviatsiya)"
        elif f.kind == "organisation" and f.text.startswith("Al ") and f.hit is None:
            owner = next((g.key for g in found if g.kind == "person" and g.key.endswith(" " + f.text)), None)
            if owner is not None:
                f.kind, f.key = "person", owner  # "Sheikh Tamim bin Hamad Al Thani" ... "Al Thani said"
        elif f.kind == "person" and not f.roles and f.key in org_multi:
            f.kind = "organisation"  # "Fly Arna adds flights" after "carrier Fly Arna": one body
    # "the Central Bank" after "Central Bank of Nigeria": the short form of the one full name.
    org_keys = {f.key for f in found if f.kind == "organisation"}
    longer: dict[str, list[str]] = {}
    for k in org_keys:
        head, sep, _tail = k.partition(" of ")
        if sep and " " in head and head in org_keys:
            longer.setdefault(head, []).append(k)
    for f in found:
        if f.kind == "organisation" and len(longer.get(f.key, ())) == 1:
            f.key = longer[f.key][0]
    groups: dict[str, list[Found]] = {}
    for f in sorted(found, key=lambda f: (f.seg.order, f.start)):
        groups.setdefault(f.key if f.kind != "organisation" else f"org:{f.key}", []).append(f)
    index = EntityIndex()
    used: set[str] = set()
    places_by_key = {f"place:{p.geonames_id}": p for p in chosen}
    dateline_keys = {f"place:{p.geonames_id}" for p in extra_places}
    for key, fs in groups.items():
        kind = fs[0].kind
        if kind == "place":
            place = places_by_key[key]
            surfaces = [f.text for f in fs]
            # GeoNames' own name as the copy spells it ("Izmir"; "Mumbai" from the dateline over "Bombay"),
            # else the copy's most frequent form ("Palmyra", not GeoNames' "Tadmur").
            if key in dateline_keys:
                surfaces.append(place.name)
            own = [t for t in surfaces if fold(t) == fold(place.name)]
            pool = own or surfaces
            name = max(pool, key=pool.count)  # on a tie, the form written first: the same on every run
            geo = _geo(place)
        else:
            name, geo = (key[4:] if kind == "organisation" else key), None
            if kind == "organisation":
                name = _written_org_name(name, [f.text for f in fs])
        _add_entity(index, used=used, name=name, kind=kind, fs=fs, geo=geo)
    known = {e.name for e in index.entities}
    for place in extra_places:
        if f"place:{place.geonames_id}" not in groups:
            groups[f"place:{place.geonames_id}"] = []
            _add_entity(
                index,
                used=used,
                name=place.name,
                kind="place",
                fs=[],
                geo=_geo(place),
            )
    if agency:
        canonical = gaz.org_aliases.get(agency.strip(), agency.strip())
        # The body may already name the agency in its written form ("told Kyodo News" for canonical "Kyodo").
        org_keys_seen = {k[4:] for k in groups if k.startswith("org:")}
        # "(NAN)" after "the News Agency of Nigeria" in the body: the agency's initials name it.
        spelt = canonical.isupper() and any(_strict_initials(k) == canonical for k in org_keys_seen if " " in k)
        if canonical and canonical not in known and canonical not in org_keys_seen and not spelt:
            _add_entity(index, used=used, name=canonical, kind="organisation", fs=[], geo=None)
    index.finish()
    return index


def _geo(place: gz.Place) -> Geo:
    if place.synthetic:
        has_point = place.lat != 0.0 or place.lon != 0.0
        return Geo(
            country_code=place.country_code or None,
            lat=place.lat if has_point else None,
            lon=place.lon if has_point else None,
            geonames_id=None,
        )
    return Geo(country_code=place.country_code or None, lat=place.lat, lon=place.lon, geonames_id=place.geonames_id)


_LEGAL_SUFFIX = re.compile(
    r"(?:,?[ \u00a0](?:Group[ \u00a0]Corp\.?|Holdings[ \u00a0]Co\.|Co\.,?[ \u00a0]Ltd\.?|Inc\.?|Corp\.?|Co\.|Ltd\.?|"
    r"Limited|PLC|Plc|plc|LLC|L\.L\.C\.|AG|SE|N\.V\.|S\.A\.|SpA|S\.p\.A\.|GmbH|K\.K\.|Pty[ \u00a0]Ltd\.?|"
    r"OJSC|PJSC|CJSC|JSC|OAO|PAO|ZAO|ASA|Oyj|AB\b))+$"
)


def strip_legal(name: str) -> str:
    """ "Toyota Motor Corp." -> "Toyota Motor": companies are named without their legal suffix."""
    bare = _LEGAL_SUFFIX.sub("", name)
    return bare if bare and bare != name and bare[0].isupper() and len(bare) >= 2 else name


def _bracketed_short_forms(found: list[Found], written: set[str]) -> None:
    """ "The Joint Stock Commercial Bank for Foreign Trade of Vietnam (Vietcombank)": the bracketed short form
    the list knows under its own name is this body, named in full; "(Rosaviatsiya)" read as a person is the
    agency's own-language name."""
    by_seg: dict[int, list[Found]] = {}
    for f in found:
        if f.kind in ("organisation", "person"):
            by_seg.setdefault(id(f.seg), []).append(f)
    renamed: dict[str, str] = {}
    for fs in by_seg.values():
        fs.sort(key=lambda f: f.start)
        for a, b in itertools.pairwise(fs):
            text = a.seg.text
            if (
                a.kind == "organisation"
                and b.start == a.end + 2
                and text[a.end : a.end + 2] == " ("
                and text[b.end : b.end + 1] == ")"
                and a.key != b.key
                and " " not in b.text
            ):
                if b.kind == "person":  # "Federal Air Transport Agency (Rosaviatsiya)": its own-language name
                    b.kind, b.key, b.roles = "organisation", a.key, ()
                elif len(a.text.split()) >= 3 and b.key not in written:
                    renamed.setdefault(b.key, a.key)
    _rekey_orgs(found, renamed)


def _nation_ministries(found: list[Found]) -> None:
    """ "the Uzbek Ministry of Energy": the ministry's name is "Ministry of Energy", unless the story names the
    same ministry of two countries ("the Russian and the Ukrainian Ministry of Defence" stay two)."""
    owners: dict[str, set[str]] = {}
    for f in found:
        if f.kind == "organisation":
            nat_word, _, rest = f.key.partition(" ")
            if rest.startswith(("Ministry of ", "Ministry for ")) and nat_word in gz.nationalities():
                owners.setdefault(rest, set()).add(nat_word)
    for f in found:
        if f.kind == "organisation":
            nat_word, _, rest = f.key.partition(" ")
            if len(owners.get(rest, ())) == 1 and nat_word in owners[rest]:
                f.key = rest


def _holding_names(found: list[Found]) -> None:
    """ "Tokyo Electric Power Company Holdings Inc." written, and the list's "Tokyo Electric Power Company" for
    "TEPCO": one company, named as written."""
    org_keys_now = {f.key for f in found if f.kind == "organisation"}
    longer_of: dict[str, str] = {}
    for w in org_keys_now:
        parts = w.split()
        cut = len(parts) - 1
        while cut > 0 and parts[cut] in ORG_SUFFIX:
            head = " ".join(parts[:cut])
            if head in org_keys_now:
                longer_of.setdefault(head, w)
            cut -= 1
    _rekey_orgs(found, longer_of)


def _rekey_orgs(found: list[Found], keys: dict[str, str]) -> None:
    """Give every organisation mention under one of `keys` its new key."""
    if keys:
        for f in found:
            if f.kind == "organisation" and f.key in keys:
                f.key = keys[f.key]


def _written_org_name(canonical: str, written: list[str]) -> str:
    """The gazetteer's canonical name, or the fullest form the story writes when that is a full name.

    "Bank of Russia" stays as written (the story never says "Central Bank of Russia"); an
    abbreviation ("OPEC", "UN Security Council") still expands to the canonical name.
    """
    if not written:
        return canonical
    # "TurkStat" in the list, "Turkish Statistical Institute (TurkStat)" in the story: the name written in full
    brand = " " not in canonical
    if canonical in written and not brand:
        return canonical
    written = [strip_legal(w) for w in written]
    if canonical in written and not brand:
        return canonical
    # "LaLiga" for "La Liga", "Bristol-Myers Squibb": the story's own spelling of the full name.
    squeezed = canonical.replace(" ", "").replace("-", "")
    same = [w for w in written if len(w) > 3 and w != canonical and w.replace(" ", "").replace("-", "") == squeezed]
    if same:
        return same[0]
    full = [
        w
        for w in written
        if " " in w
        and not any(t.replace(".", "").isupper() for t in w.split())
        and not (w.endswith(" " + canonical) and w.split(None, 1)[0] in gz.nationalities())  # "Uzbek Ministry of ..."
    ]
    if not full:
        return canonical
    return max(full, key=len)


_NOUN_AFTER = re.compile(r"[ \u00a0]([a-z]+)\b")
_NOUN_BEFORE = re.compile(r"\b([a-z]+)[ \u00a0]$")
_NOUN_APPOSED = re.compile(r",[ \u00a0](?:the|a|an)[ \u00a0](?:[\w'\u2019-]+[ \u00a0]){0,5}?([a-z]+),")


def _label_org(index: EntityIndex, idx: int, f: Found) -> None:
    """Remember a speaker noun written beside an organisation's name ("the Verdi union", "carmaker
    Porsche", "KB Kookmin Bank, the country's largest commercial lender,")."""
    text = f.seg.text
    after = text[f.end : f.end + 2]
    for m in (
        _NOUN_AFTER.match(text, f.end) if after[1:].islower() else None,
        _NOUN_BEFORE.search(text, max(0, f.start - 20), f.start) if text[f.start - 2 : f.start - 1].islower() else None,
        _NOUN_APPOSED.match(text, f.end) if after == ", " else None,
    ):
        if m and m.group(1) in ORG_SPEAKER_NOUNS:
            index.org_nouns.setdefault(idx, set()).add(m.group(1))
    if after[1:].islower() and text[max(0, f.start - 4) : f.start] in ("the ", "The "):
        # "The BDEW energy industry association": the kind noun two or three words on
        for w in text[f.end : f.end + 48].split()[1:3]:
            if not w.isalpha() or not w.islower():
                break
            if w in ORG_SPEAKER_NOUNS:
                index.org_nouns.setdefault(idx, set()).add(w)


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
        for form in (f.text, f.alias):
            if form and form != name and form not in aliases:
                aliases.append(form)
        mentions.append(Mention(block=f.seg.block, start=f.start, end=f.end, in_=f.seg.in_))
        index.spans.append((f.seg.order, f.start, f.end, idx))
        if kind == "organisation":
            _label_org(index, idx, f)
    index.entities.append(
        Entity(id=eid, name=name, type=cast(EntityType, kind), aliases=aliases, mentions=mentions, geo=geo)
    )
    if kind == "person":
        parts = name.split()
        g = gz.first_names().get(parts[1] if _is_surname_first(name) else parts[0])
        if g:
            index.gender[idx] = g
