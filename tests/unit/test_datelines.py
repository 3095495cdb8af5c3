"""Datelines in each agency's style, written for these tests (invented stories)."""

from __future__ import annotations

import time

import pytest

from services.normalise.datelines import find_dateline

# (paragraph, dateline text, city, date_text, agency, body starts with)
CASES = [
    # TASS
    ("MOSCOW, December 12. /TASS/. The ministry opened a new depot.",
     "MOSCOW, December 12. /TASS/.", "MOSCOW", "December 12", "TASS", "The ministry"),
    ("ST. PETERSBURG, March 3. /TASS/. A ferry line to Kaliningrad resumed on Friday.",
     "ST. PETERSBURG, March 3. /TASS/.", "ST. PETERSBURG", "March 3", "TASS", "A ferry"),
    ("VLADIVOSTOK, September 5. /TASS/. Fishermen landed a record catch of pollock.",
     "VLADIVOSTOK, September 5. /TASS/.", "VLADIVOSTOK", "September 5", "TASS", "Fishermen"),
    # Reuters
    ("LONDON, March 16 (Reuters) - Britain's bakers raised bread prices.",
     "LONDON, March 16 (Reuters) -", "LONDON", "March 16", "Reuters", "Britain's"),
    ("FRANKFURT, Jan 4 (Reuters) - A regional lender cut its forecast.",
     "FRANKFURT, Jan 4 (Reuters) -", "FRANKFURT", "Jan 4", "Reuters", "A regional"),
    ("LONDON/PARIS, Oct 21 (Reuters) - Two ferry operators agreed to merge.",
     "LONDON/PARIS, Oct 21 (Reuters) -", "LONDON/PARIS", "Oct 21", "Reuters", "Two ferry"),
    # AP, em dash
    ("NEW YORK (AP) — A subway line reopened after a weekend of repairs.",
     "NEW YORK (AP) —", "NEW YORK", None, "AP", "A subway"),
    ("CHICAGO (AP) — Snow closed two runways at the city's main airport.",
     "CHICAGO (AP) —", "CHICAGO", None, "AP", "Snow closed"),
    ("DENVER (AP) — A lost hiker walked out of the forest on Tuesday.",
     "DENVER (AP) —", "DENVER", None, "AP", "A lost"),
    # AP, state and underscore
    ("FORT WASHINGTON, Pa. (AP) _ A drugmaker said it would hire 300 people.",
     "FORT WASHINGTON, Pa. (AP) _", "FORT WASHINGTON", None, "AP", "A drugmaker"),
    ("SANTA ROSA, Calif. (AP) _ Firefighters held a blaze to a ridge.",
     "SANTA ROSA, Calif. (AP) _", "SANTA ROSA", None, "AP", "Firefighters"),
    ("BANGOR, Maine (AP) — A lobster boat was towed to safety.",
     "BANGOR, Maine (AP) —", "BANGOR", None, "AP", "A lobster"),
    # AFP
    ("PARIS, Aug 29, 2014 (AFP) - French farmers blocked a motorway.",
     "PARIS, Aug 29, 2014 (AFP) -", "PARIS", "Aug 29, 2014", "AFP", "French farmers"),
    ("DAKAR, Feb 2, 2019 (AFP) - Senegal opened a new rail link.",
     "DAKAR, Feb 2, 2019 (AFP) -", "DAKAR", "Feb 2, 2019", "AFP", "Senegal"),
    ("Strasbourg, 10 juil 2024 (AFP) - Le tribunal a rendu sa décision.",
     "Strasbourg, 10 juil 2024 (AFP) -", "Strasbourg", "10 juil 2024", "AFP", "Le tribunal"),
    # APP: a two-word country joined by "&", a colon after the agency
    ("SAN FERNANDO, Trinidad & Tobago, July 9 (APP): Fishermen asked for new moorings.",
     "SAN FERNANDO, Trinidad & Tobago, July 9 (APP):", "SAN FERNANDO", "July 9", "APP", "Fishermen"),
    # Jiji: the copy follows the agency's dash with no space
    ("OSAKA, Jan. 8 (Jiji Press)--Department store sales rose for a third month.",
     "OSAKA, Jan. 8 (Jiji Press)--", "OSAKA", "Jan. 8", "Jiji Press", "Department store"),
    # An agency this code does not list, in a dateline with a capitals city and a dash
    ("TASHKENT, May 2 (Dunyo) - Cotton growers raised their forecast.",
     "TASHKENT, May 2 (Dunyo) -", "TASHKENT", "May 2", "Dunyo", "Cotton growers"),
    # ANI: the country in square brackets, a colon after the agency
    ("GUWAHATI [India], March 9 (ANI): Tea growers in Assam asked for a support price.",
     "GUWAHATI [India], March 9 (ANI):", "GUWAHATI", "March 9", "ANI", "Tea growers"),
    ("Colombo [Sri Lanka], Jan 14 (ANI): The island's central bank held rates.",
     "Colombo [Sri Lanka], Jan 14 (ANI):", "Colombo", "Jan 14", "ANI", "The island's"),
    # Xinhua
    ("BEIJING, Dec. 12 (Xinhua) -- China launched a weather satellite.",
     "BEIJING, Dec. 12 (Xinhua) --", "BEIJING", "Dec. 12", "Xinhua", "China launched"),
    ("NAIROBI, June 7 (Xinhua) -- Kenya's tea exports rose in May.",
     "NAIROBI, June 7 (Xinhua) --", "NAIROBI", "June 7", "Xinhua", "Kenya's"),
    ("URUMQI, Sept. 30 (Xinhua) -- Cotton picking began in the region.",
     "URUMQI, Sept. 30 (Xinhua) --", "URUMQI", "Sept. 30", "Xinhua", "Cotton"),
    # dpa
    ("Berlin (dpa) - Die Bahn hat neue Züge bestellt.",
     "Berlin (dpa) -", "Berlin", None, "dpa", "Die Bahn"),
    ("Frankfurt am Main (dpa) - Der Flughafen meldet mehr Passagiere.",
     "Frankfurt am Main (dpa) -", "Frankfurt am Main", None, "dpa", "Der Flughafen"),
    ("Hamburg (dpa) - Im Hafen wurde ein Rekord beim Umschlag erzielt.",
     "Hamburg (dpa) -", "Hamburg", None, "dpa", "Im Hafen"),
    # Anadolu
    ("ANKARA (AA) - Turkey's central bank kept rates on hold.",
     "ANKARA (AA) -", "ANKARA", None, "AA", "Turkey's"),
    ("ISTANBUL (AA) - A new bridge opened to traffic on Sunday.",
     "ISTANBUL (AA) -", "ISTANBUL", None, "AA", "A new bridge"),
    ("IZMIR (AA) - Olive growers expect a larger harvest.",
     "IZMIR (AA) -", "IZMIR", None, "AA", "Olive"),
    # Interfax
    ("MOSCOW, Dec 12 (Interfax) - A regional airline ordered ten jets.",
     "MOSCOW, Dec 12 (Interfax) -", "MOSCOW", "Dec 12", "Interfax", "A regional"),
    ("KAZAN, Apr 2 (Interfax) - The city council approved its budget.",
     "KAZAN, Apr 2 (Interfax) -", "KAZAN", "Apr 2", "Interfax", "The city"),
    ("NOVOSIBIRSK, Nov 19 (Interfax) - Frost delayed trains on the main line.",
     "NOVOSIBIRSK, Nov 19 (Interfax) -", "NOVOSIBIRSK", "Nov 19", "Interfax", "Frost"),
    # Ukrinform / UNIAN
    ("KYIV, Dec 12 (Ukrinform) - Grain shipments from the port rose.",
     "KYIV, Dec 12 (Ukrinform) -", "KYIV", "Dec 12", "Ukrinform", "Grain"),
    ("LVIV, May 8 (Ukrinform) - A rebuilt school reopened its doors.",
     "LVIV, May 8 (Ukrinform) -", "LVIV", "May 8", "Ukrinform", "A rebuilt"),
    ("ODESA, Jul 14 (UNIAN) - The opera house announced a new season.",
     "ODESA, Jul 14 (UNIAN) -", "ODESA", "Jul 14", "UNIAN", "The opera"),
    # PTI, no separator
    ("NEW DELHI, Dec 12 (PTI) The monsoon session of Parliament ended.",
     "NEW DELHI, Dec 12 (PTI)", "NEW DELHI", "Dec 12", "PTI", "The monsoon"),
    ("MUMBAI, Mar 9 (PTI) Local trains ran late after heavy rain.",
     "MUMBAI, Mar 9 (PTI)", "MUMBAI", "Mar 9", "PTI", "Local trains"),
    ("CHENNAI, Oct 1 (PTI) A new metro line began trial runs.",
     "CHENNAI, Oct 1 (PTI)", "CHENNAI", "Oct 1", "PTI", "A new metro"),
    # Yonhap
    ("SEOUL, Dec. 12 (Yonhap) -- Exports of chips rose for a fifth month.",
     "SEOUL, Dec. 12 (Yonhap) --", "SEOUL", "Dec. 12", "Yonhap", "Exports"),
    ("BUSAN, Aug. 3 (Yonhap) -- A film festival named its jury.",
     "BUSAN, Aug. 3 (Yonhap) --", "BUSAN", "Aug. 3", "Yonhap", "A film"),
    ("INCHEON, Jan. 22 (Yonhap) -- The airport added a cargo terminal.",
     "INCHEON, Jan. 22 (Yonhap) --", "INCHEON", "Jan. 22", "Yonhap", "The airport"),
    # Kyodo
    ("TOKYO (Kyodo) -- The Bank of Japan left policy unchanged.",
     "TOKYO (Kyodo) --", "TOKYO", None, "Kyodo", "The Bank"),
    ("OSAKA (Kyodo) -- A robot cafe opened near the station.",
     "OSAKA (Kyodo) --", "OSAKA", None, "Kyodo", "A robot"),
    ("SAPPORO (Kyodo) -- Heavy snow halted flights for a day.",
     "SAPPORO (Kyodo) --", "SAPPORO", None, "Kyodo", "Heavy snow"),
    # ANSA, agency first
    ("(ANSA) - ROMA, 1 LUG - Il governo ha approvato il decreto.",
     "(ANSA) - ROMA, 1 LUG -", "ROMA", "1 LUG", "ANSA", "Il governo"),
    ("(ANSA) - MILANO, 15 GIU - La Borsa ha chiuso in rialzo.",
     "(ANSA) - MILANO, 15 GIU -", "MILANO", "15 GIU", "ANSA", "La Borsa"),
    ("(ANSA) - NAPOLI, 3 MAR - Riapre la funicolare dopo i lavori.",
     "(ANSA) - NAPOLI, 3 MAR -", "NAPOLI", "3 MAR", "ANSA", "Riapre"),
    # EFE
    ("Madrid, 12 dic (EFE).- El Gobierno aprobó el presupuesto.",
     "Madrid, 12 dic (EFE).-", "Madrid", "12 dic", "EFE", "El Gobierno"),
    ("Bogotá, 3 feb (EFE).- La ciudad amplió su red de bicicletas.",
     "Bogotá, 3 feb (EFE).-", "Bogotá", "3 feb", "EFE", "La ciudad"),
    ("Sevilla, 21 abr (EFE).- Miles de personas visitaron la feria.",
     "Sevilla, 21 abr (EFE).-", "Sevilla", "21 abr", "EFE", "Miles"),
    # ANA
    ("ATHENS, April 4 ANA - Greek ports handled more cruise ships.",
     "ATHENS, April 4 ANA -", "ATHENS", "April 4", "ANA", "Greek ports"),
    ("THESSALONIKI, May 20 ANA - The trade fair drew record crowds.",
     "THESSALONIKI, May 20 ANA -", "THESSALONIKI", "May 20", "ANA", "The trade"),
    ("PATRAS, June 2 ANA - A new ferry route to Italy was announced.",
     "PATRAS, June 2 ANA -", "PATRAS", "June 2", "ANA", "A new ferry"),
    # AAP
    ("SYDNEY, Dec 7 AAP - A heatwave pushed power demand to a record.",
     "SYDNEY, Dec 7 AAP -", "SYDNEY", "Dec 7", "AAP", "A heatwave"),
    ("PERTH, Feb 11 AAP - Iron ore shipments slowed in January.",
     "PERTH, Feb 11 AAP -", "PERTH", "Feb 11", "AAP", "Iron ore"),
    ("HOBART, Sep 23 AAP - A research ship left for Antarctica.",
     "HOBART, Sep 23 AAP -", "HOBART", "Sep 23", "AAP", "A research"),
    # SPA: the year and a comma before the agency
    ("Jeddah, May 2, 2025, SPA -- The port handled a record number of pilgrims.",
     "Jeddah, May 2, 2025, SPA --", "Jeddah", "May 2, 2025", "SPA", "The port"),
    # A listed agency's own service, hyphenated
    ("KYIV, Feb 3 (Interfax-Ukraine) - Rail operator Ukrzaliznytsia added night trains.",
     "KYIV, Feb 3 (Interfax-Ukraine) -", "KYIV", "Feb 3", "Interfax-Ukraine", "Rail operator"),
    # A listed agency's partner, and a listed name written with its accents
    ("SION, Feb 11 (Keystone-SDA) - Avalanche danger rose in the Valais.",
     "SION, Feb 11 (Keystone-SDA) -", "SION", "Feb 11", "Keystone-SDA", "Avalanche danger"),
    ("BRASÍLIA, Aug 7 (Agência Brasil) - Deforestation alerts fell.",
     "BRASÍLIA, Aug 7 (Agência Brasil) -", "BRASÍLIA", "Aug 7", "Agência Brasil", "Deforestation"),
    # ENA: the year after the day with a slash
    ("Addis Ababa, March 10/2025 (ENA) - The federation named its team.",
     "Addis Ababa, March 10/2025 (ENA) -", "Addis Ababa", "March 10/2025", "ENA", "The federation"),
    # No agency, colon
    ("WELLINGTON: New Zealand's dairy prices fell at auction.",
     "WELLINGTON:", "WELLINGTON", None, None, "New Zealand's"),
    ("ISLAMABAD: The cabinet approved a new tax on property.",
     "ISLAMABAD:", "ISLAMABAD", None, None, "The cabinet"),
    ("KUALA LUMPUR: Palm oil futures climbed for a third day.",
     "KUALA LUMPUR:", "KUALA LUMPUR", None, None, "Palm oil"),
    # No agency, date and dash
    ("WELLINGTON, Dec 12 - Parliament passed the housing bill.",
     "WELLINGTON, Dec 12 -", "WELLINGTON", "Dec 12", None, "Parliament"),
    ("AUCKLAND, Mar 2 - A ferry strike disrupted commuters.",
     "AUCKLAND, Mar 2 -", "AUCKLAND", "Mar 2", None, "A ferry"),
    ("CHRISTCHURCH, Nov 5 — The city council voted on a stadium.",
     "CHRISTCHURCH, Nov 5 —", "CHRISTCHURCH", "Nov 5", None, "The city"),
]  # fmt: skip


@pytest.mark.parametrize(("paragraph", "text", "city", "date_text", "agency", "start"), CASES)
def test_dateline_styles(
    paragraph: str, text: str, city: str, date_text: str | None, agency: str | None, start: str
) -> None:
    """Each agency's dateline is recognised with city, date and agency as written."""
    found = find_dateline(paragraph)
    assert found is not None
    dateline, body_start = found
    assert (dateline.text, dateline.city, dateline.date_text, dateline.agency, dateline.date) == (
        text,
        city,
        date_text,
        agency,
        None,
    )
    assert paragraph[body_start:].startswith(start)


def test_reuters_without_city() -> None:
    """A bare "(Reuters) -" opener is a dateline with no city."""
    found = find_dateline("(Reuters) - Shares of the carmaker rose 4% on Monday.")
    assert found is not None
    assert (found[0].text, found[0].city, found[0].agency) == ("(Reuters) -", None, "Reuters")


@pytest.mark.parametrize(
    "paragraph",
    [
        "The Kremlin said on Monday that talks would continue.",
        "In Moscow, officials said the metro would run all night.",
        "Peskov (pictured) said the talks went well.",
        "BREAKING: a strong earthquake hit the coast.",
        "UPDATE: the vote was postponed.",
        "US officials said the deal was close.",
        "On Monday, March 16, the ministry said nothing.",
        "He said: we will win.",
        "NATO-led forces said the road was open.",
        "LONDON (Smith) said the talks went well.",
        "EU-China talks (pictured)-style summits resumed.",
        "",
    ],
)
def test_ordinary_sentences_are_not_datelines(paragraph: str) -> None:
    """An ordinary sentence start is never taken for a dateline."""
    assert find_dateline(paragraph) is None


@pytest.mark.parametrize(
    "hostile",
    ["A" * 50000, "(" * 50000, ", " * 25000, '"' * 20000, "MOSCOW " * 8000, "(AP " * 12000,
     "A, " * 16000, "/" * 50000, "LONDON, March " * 4000],
)  # fmt: skip
def test_hostile_input_is_fast(hostile: str) -> None:
    """Long repetitive input is rejected or matched without runaway backtracking."""
    started = time.perf_counter()
    find_dateline(hostile)
    assert time.perf_counter() - started < 2.0
