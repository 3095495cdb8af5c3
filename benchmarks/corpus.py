"""A generator of varied, realistic wire stories (1-3 KB) for the benchmarks.

Each story has a headline, sometimes a standfirst and a byline, a dateline in one of the
agencies' house styles (Reuters, AP, AFP, dpa, TASS, Xinhua, EFE, Kyodo), direct quotes with
named speakers and reporting verbs, and people, places and organisations drawn from small
lists. Story ``i`` is deterministic and its text is unique (figures and a reference vary
with ``i``), so ingest's duplicate detection keeps every one of them.

    .venv/bin/python -m benchmarks.corpus 3      # print three stories
"""

from __future__ import annotations

import random
import sys

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")  # fmt: skip
AP_MONTHS = ("Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec.")
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")

# (city as written in a dateline, country, agency that files from there)
PLACES = (
    ("LONDON", "Britain"), ("PARIS", "France"), ("BERLIN", "Germany"), ("MOSCOW", "Russia"),
    ("BEIJING", "China"), ("TOKYO", "Japan"), ("NAIROBI", "Kenya"), ("LIMA", "Peru"),
    ("MADRID", "Spain"), ("CAIRO", "Egypt"), ("OTTAWA", "Canada"), ("JAKARTA", "Indonesia"),
    ("BRUSSELS", "Belgium"), ("WARSAW", "Poland"), ("SANTIAGO", "Chile"), ("SEOUL", "South Korea"),
    ("OSLO", "Norway"), ("LAGOS", "Nigeria"), ("HANOI", "Vietnam"), ("ROME", "Italy"),
)  # fmt: skip
AGENCIES = ("Reuters", "AP", "AFP", "dpa", "TASS", "Xinhua", "EFE", "Kyodo")
PEOPLE = (
    ("Anna Lindqvist", "economy minister"), ("Daniel Hynes", "senior strategist"), ("Maria Costa", "central bank governor"),
    ("Kenji Sato", "trade minister"), ("Omar Haddad", "foreign minister"), ("Ruth Mwangi", "finance minister"),
    ("Lars Eriksen", "chief executive"), ("Sofia Petrova", "deputy prime minister"), ("James Okafor", "union leader"),
    ("Elena Ruiz", "energy minister"), ("Thomas Becker", "chief economist"), ("Li Wei", "spokesman"),
    ("Fatima Zahra", "mayor"), ("Pieter de Vries", "port director"), ("Nadia Kowalski", "opposition leader"),
    ("Carlos Mendes", "transport minister"), ("Hiroshi Tanaka", "analyst"), ("Grace Achieng", "health minister"),
)  # fmt: skip
ORGS = (
    "the World Bank", "the International Monetary Fund", "the European Commission", "the United Nations",
    "the World Health Organization", "Rosatom", "Siemens", "Maersk", "the African Development Bank",
    "Toyota", "Glencore", "the Red Cross", "NATO", "the European Central Bank", "Petrobras", "Nokia",
)  # fmt: skip
SUBJECTS = (
    ("port", "cargo volumes"), ("railway", "passenger numbers"), ("copper mine", "output"), ("wind farm", "capacity"),
    ("grain market", "export prices"), ("airport", "traffic"), ("steel plant", "production"), ("bridge", "repairs"),
    ("power grid", "demand"), ("hospital network", "waiting lists"), ("fishing fleet", "catch quotas"),
    ("chip factory", "orders"), ("oil refinery", "throughput"), ("water utility", "tariffs"),
)  # fmt: skip
VERBS = ("reopened", "expanded", "won approval for", "delayed", "cut", "raised", "suspended", "restarted")
CUES = ("said", "told reporters", "said in a statement", "told a news conference", "added", "warned", "said on Twitter")
QUOTES = (
    "We expect the {s} to be fully back in service within {n} days",
    "This is the biggest investment in the {s} for a generation",
    "Nobody should expect {m} to recover overnight",
    "We have asked {o} to send experts as soon as possible",
    "The figures for {m} are better than we feared, but the risks remain",
    "Our priority is to protect jobs at the {s}",
    "There will be no further delays, I can promise that",
    "We are ready to talk to anyone who wants a solution",
    "The decision was taken after long consultation with {o}",
    "Prices will stay under pressure until the end of the year",
)
FILLER = (
    "Officials said the work would take several months and cost more than first planned.",
    "Traders said demand had picked up after a slow start to the quarter.",
    "The ministry said it would publish a full report later in the year.",
    "Local residents said they had waited years for a decision.",
    "Analysts expect the figures to be revised when final data arrive.",
    "Unions said talks would continue next week.",
    "The company did not respond to a request for comment.",
    "Shipping lines said they would reroute cargo until the situation became clearer.",
    "The regional governor said emergency funds had been released to cover the first repairs.",
    "Opposition lawmakers called for an inquiry into how the contract had been awarded.",
    "Insurers said claims were likely to run higher than in any year since records began.",
    "Engineers on the site said the weather had slowed work for most of the past month.",
    "A spokesman for the regulator said the agency was studying the request and would decide soon.",
    "Prices on the local exchange moved little after the announcement, dealers said.",
    "The plan still needs the approval of parliament, where the governing coalition holds a narrow majority.",
    "Environmental groups said the project had been rushed and threatened protected wetlands nearby.",
    "Economists said the move was likely to add to inflation in the short term.",
    "Neighbouring countries were watching the outcome closely, diplomats said.",
)


def _dateline(agency: str, city: str, month: int, day: int, rng: random.Random) -> str:
    if agency == "Reuters":
        return f"{city}, {MONTHS[month]} {day} (Reuters) - "
    if agency == "AP":
        return f"{city} (AP) — "
    if agency == "AFP":
        return f"{city.title()} (AFP) - "
    if agency == "dpa":
        return f"{city.title()} (dpa) - "
    if agency == "TASS":
        return f"{city}, {MONTHS[month]} {day}. /TASS/. "
    if agency == "Xinhua":
        return f"{city}, {AP_MONTHS[month]} {day} (Xinhua) -- "
    if agency == "EFE":
        return f"{city.title()}, {day} {MONTHS[month][:3]} (EFE).- "
    return f"{city}, {MONTHS[month]} {day} (Kyodo) -- "


def story(i: int) -> tuple[str, str]:
    """Story ``i``: (text, agency). Deterministic; 1-3 KB; unique text."""
    rng = random.Random(i * 7919 + 17)
    agency = AGENCIES[i % len(AGENCIES)]
    city, country = PLACES[rng.randrange(len(PLACES))]
    other_city, other_country = PLACES[rng.randrange(len(PLACES))]
    subject, measure = SUBJECTS[rng.randrange(len(SUBJECTS))]
    verb = rng.choice(VERBS)
    speakers = rng.sample(PEOPLE, k=3)
    org = rng.choice(ORGS)
    month, day, weekday = rng.randrange(12), 1 + rng.randrange(28), rng.choice(WEEKDAYS)
    n = 2 + rng.randrange(60)
    pct = rng.randrange(1, 400) / 10

    def quote() -> str:
        return rng.choice(QUOTES).format(s=subject, n=rng.randrange(2, 90), m=measure, o=org)

    headline = f"{country} {verb} {subject} plan after {pct:g}% swing in {measure}"
    paragraphs = [headline]
    if rng.random() < 0.4:
        paragraphs.append(f"{org[0].upper() + org[1:]} says the {subject} in {city.title()} needs more money")
    if rng.random() < 0.5:
        paragraphs.append(f"By {rng.choice(PEOPLE)[0]}")
    name0, role0 = speakers[0]
    paragraphs.append(
        _dateline(agency, city, month, day, rng)
        + f"{country} {verb} its {subject} plan on {weekday} after {measure} moved {pct:g} percent, "
        f"{role0.capitalize()} {name0} said, in a decision affecting about {rng.randrange(2, 900)},000 people."
    )
    paragraphs.append(f'"{quote()}," {name0} {rng.choice(CUES)}. "{quote()}."')
    name1, role1 = speakers[1]
    paragraphs.append(
        f"{name1}, {role1} at {org}, said talks with officials in {other_city.title()}, {other_country}, "
        f'had made progress. "{quote()}," {name1.split()[-1]} {rng.choice(CUES)}.'
    )
    body = rng.sample(FILLER, k=rng.randrange(4, len(FILLER)))
    name2, role2 = speakers[2]
    body.insert(rng.randrange(len(body)), f'"{quote()}," said {name2}, the {role2}.')
    body.insert(rng.randrange(len(body)), f"The {subject} handled {n * 1000 + i % 997:,} tonnes last year, "
                f"up from {n * 900:,} in the year before, according to {org}.")  # fmt: skip
    paragraphs += body
    paragraphs.append(
        f"The total cost was put at ${rng.randrange(1, 900)} million "
        f"({rng.randrange(1, 800)} million euros), reference {i:07d}."
    )
    if agency == "Reuters":
        paragraphs.append(f"(Reporting by {speakers[0][0]}; Editing by {rng.choice(PEOPLE)[0]})")
    elif agency == "AP":
        paragraphs.append(f"Associated Press writer {rng.choice(PEOPLE)[0]} contributed to this report.")
    text = "\n\n".join(paragraphs) + "\n"
    # Keep to 1-3 KB: trim filler from the end of the body, or add more.
    while len(text.encode()) > 3000 and len(paragraphs) > 6:
        paragraphs.pop(-2)
        text = "\n\n".join(paragraphs) + "\n"
    while len(text.encode()) < 1000:
        paragraphs.insert(-1, rng.choice(FILLER))
        text = "\n\n".join(paragraphs) + "\n"
    return text, agency


def corpus(n: int, start: int = 0) -> list[tuple[str, str]]:
    return [story(i) for i in range(start, start + n)]


if __name__ == "__main__":
    for text, agency in corpus(int(sys.argv[1]) if len(sys.argv) > 1 else 3):
        print(f"--- {agency}, {len(text.encode())} bytes\n{text}")
