"""More general extraction rules (quote marks, speakers, names, organisations, places), on invented sentences."""

from __future__ import annotations

from services.core.models import Dateline
from services.extract.analyse import Analysis
from tests.unit._articles import names, run, speakers


def place(r: Analysis, name: str) -> str | None:
    ent = next(e for e in r.entities if e.type == "place" and e.name == name)
    return ent.geo.country_code if ent.geo else None


# --------------------------------------------------------------------------- quote marks


def test_anpa_backtick_quotes() -> None:
    """ANPA ``...'' marks delimit a quote, with offsets inside the marks."""
    text = "``We will rebuild,'' Mayor Olwen Price said."
    r = run(text)
    q = r.quotes[0]
    assert q.text == "We will rebuild" and q.speaker == "Olwen Price"
    assert text[q.start : q.end] == "We will rebuild"


def test_other_quote_mark_styles() -> None:
    """German „…“ and ‚…‘, French ‹…› and CJK 「…」 marks are quotes too."""
    r = run(
        "„Wir sind bereit“, sagte Tamsin Kohl.",
        "Er nannte es ‚verfrüht‘.",
        "Il a dit ‹ jamais ›.",
        "「We will win」 said Oren Vale.",
    )
    assert {q.text.strip() for q in r.quotes} == {"Wir sind bereit", "verfrüht", "jamais", "We will win"}


def test_lone_apostrophes_are_not_quotes() -> None:
    """Apostrophes and a closing '' with no opener never make a quote."""
    r = run("The players' union said it won't comment.", "He said it was over.''")
    assert r.quotes == []


# --------------------------------------------------------------------------- speakers


def test_organisation_noun_speaks_for_the_last_matching_organisation() -> None:
    """ "the central bank said" and "the company said" name the last organisation of that kind."""
    r = run(
        "The Bank of Norland held rates. Tarvo Mining Corp. reported a loss.",
        '"Inflation is easing," the central bank said.',
        '"We expect a better year," the company said.',
    )
    got = speakers(r)
    assert got["Inflation is easing"] == "Bank of Norland"
    assert got["We expect a better year"] == "Tarvo Mining"  # companies without legal suffix


def test_title_abbreviation_gives_a_role_noun() -> None:
    """ "Gov. Ann Miller" is later "the governor" who speaks."""
    r = run("Gov. Ann Miller toured the damage.", '"We will rebuild," the governor said.')
    assert speakers(r)["We will rebuild"] == "Ann Miller"


def test_partial_quote_in_reported_speech() -> None:
    """The subject of the sentence's reporting verb speaks a partial quote after it."""
    r = run(
        'Opposition leader Dario Ferri accused the government of "gagging the courts".',
        'Speaker Ruth Bell of Ohio said the bill was "not good enough".',
    )
    got = speakers(r)
    assert got["gagging the courts"] == "Dario Ferri"
    assert got["not good enough"] == "Ruth Bell"


def test_possessive_role_apposition_names_the_speaker() -> None:
    """In "said Lyon's deputy mayor, Ann Roux," the person after the role speaks, not the town."""
    r = run('"The bridge stays shut," said Lyon\'s deputy mayor, Ann Roux, on Monday.')
    assert speakers(r)["The bridge stays shut"] == "Ann Roux"
    assert "Lyon's deputy mayor" not in names(r, "person")


def test_pronoun_prefers_the_subject_of_the_last_reporting_clause() -> None:
    """ "he said" goes to the paragraph's reporting subject, not a nearer person named as an object."""
    r = run(
        "Reliever Kenji Aoki struck out rookie Daniel Brooks in the ninth.",
        'Aoki, who earned the save, said he enjoyed challenging the rookie. "I trusted my fastball," he said.',
    )
    assert speakers(r)["I trusted my fastball"] == "Kenji Aoki"


# --------------------------------------------------------------------------- people


def test_international_given_names_and_accent_folding() -> None:
    """Given names from many languages, written with or without accents, mark a person."""
    r = run(
        "Joao Pereira met Ayşe Demir and Oleksandr Hrytsenko.",
        "Later Haruto Mizuno joined Priyanka Menon.",
    )
    assert {"Joao Pereira", "Ayşe Demir", "Oleksandr Hrytsenko", "Haruto Mizuno", "Priyanka Menon"} <= names(
        r, "person"
    )


def test_surname_first_names_merge_with_their_surname() -> None:
    """ "Zhang Liwei" is a person whose later "Zhang" is the same person."""
    r = run("Researcher Zhang Liwei led the study. Zhang said the results were clear.")
    person = next(e for e in r.entities if e.type == "person")
    assert person.name == "Zhang Liwei" and "Zhang" in person.aliases
    assert len([e for e in r.entities if e.type == "person"]) == 1


def test_age_apposition_marks_a_person() -> None:
    """ "Tobin Quarry, 54," is a person even with an unknown given name."""
    r = run("Tobin Quarry, 54, was arrested on Friday.")
    assert "Tobin Quarry" in names(r, "person")


def test_capitalised_noun_before_a_name_is_dropped() -> None:
    """ "Anthropologist Marta Ruiz" names Marta Ruiz."""
    r = run("Anthropologist Marta Ruiz told reporters the find was rare.")
    assert "Marta Ruiz" in names(r, "person")


def test_month_abbreviation_after_a_title_is_a_given_name() -> None:
    """ "Defence Minister Jan Vosse" names Jan Vosse, not "Vosse" after the month Jan."""
    r = run("Defence Minister Jan Vosse said the army needed more soldiers.")
    assert "Jan Vosse" in names(r, "person")


def test_sentence_initial_common_nouns_are_not_people() -> None:
    """ "Forecasters warned" and "Infrastructure spending" name no one."""
    r = run("Forecasters warned of storms.", "Infrastructure said nothing.")
    assert names(r, "person") == set()


def test_role_noun_before_a_town_name_makes_a_person() -> None:
    """ "the painter Vellano" is a person even when a small town has that name."""
    r = run("A sketch by the painter Caravaggio was found.")
    assert "Caravaggio" in names(r, "person")


# --------------------------------------------------------------------------- organisations


def test_organisation_contexts_without_suffix() -> None:
    """An apposition, "said in a statement", "shares of" and "drugmaker X" mark an organisation."""
    r = run(
        "Quellix, the electricity distributor in the area, restored power.",
        "Brontavo said in a statement it would appeal.",
        "Shares of Miravent rose 4%.",
        "The ministry asked drugmaker Halcyra to secure supply.",
    )
    assert {"Quellix", "Brontavo", "Miravent", "Halcyra"} <= names(r, "organisation")


def test_common_noun_inside_an_organisation_name() -> None:
    """ "Federal Trade Commission" keeps "Trade" though it is a stopword alone."""
    r = run("The Federal Trade Commission sued the company.")
    assert "Federal Trade Commission" in names(r, "organisation")


def test_nationality_and_sector_is_not_an_organisation() -> None:
    """ "Saudi Energy Minister" is a title, not the company "Saudi Energy"."""
    r = run("Saudi Energy Minister Faisal Adeeb spoke on Monday.")
    assert "Saudi Energy" not in names(r, "organisation")
    assert "Faisal Adeeb" in names(r, "person")


def test_media_name_runs_past_its_suffix() -> None:
    """ "Sky Sport Italia" is one broadcaster, not a person."""
    r = run('"We deserved it," coach Pino Ravelli told Sky Sport Italia.')
    assert "Sky Sport Italia" in names(r, "organisation")
    assert "Sky Sport Italia" not in names(r, "person")


def test_foreign_head_noun_opens_an_organisation() -> None:
    """ "Borsa Istanbul" is an exchange, and Istanbul is not a place mention there."""
    r = run("Its shares rose 3% on Borsa Istanbul.")
    assert "Borsa Istanbul" in names(r, "organisation")
    assert "Istanbul" not in names(r, "place")


def test_team_nickname_after_the_joins_the_club() -> None:
    """ "the Hornets" after "Charlotte Hornets" is the same club."""
    r = run("The Charlotte Hornets beat Boston. Boston led until the Hornets rallied.")
    orgs = [e for e in r.entities if e.type == "organisation"]
    assert [e.name for e in orgs] == ["Charlotte Hornets"]
    assert "Hornets" in orgs[0].aliases


def test_story_spelling_of_a_gazetteer_organisation() -> None:
    """A gazetteer organisation keeps the full name the story writes ("Bank of Russia")."""
    r = run("The Bank of Russia kept rates on hold.")
    assert "Bank of Russia" in names(r, "organisation")


def test_plural_possessive_in_an_organisation_name() -> None:
    """ "German Farmers' Association" is one name."""
    r = run("The German Farmers' Association warned of a poor harvest.")
    assert "German Farmers' Association" in names(r, "organisation")


# --------------------------------------------------------------------------- places


def test_subnational_regions_with_country() -> None:
    """States and provinces (ISO 3166-2, English names) are places in their country."""
    r = run("Floods hit Lower Saxony and Bavaria, and later Andalusia.")
    assert place(r, "Lower Saxony") == "DE" and place(r, "Bavaria") == "DE" and place(r, "Andalusia") == "ES"


def test_us_county() -> None:
    """ "Lamar County" is a US place."""
    r = run("Deputies in Lamar County searched the area.")
    assert place(r, "Lamar County") == "US"


def test_natural_features_and_world_regions() -> None:
    """Seas, rivers and regions are places; multi-country ones have no country code."""
    r = run("Ships crossed the North Sea while the Rhine ran low across the Middle East and Siberia.")
    assert place(r, "North Sea") is None and place(r, "Rhine") is None
    assert place(r, "Siberia") == "RU"


def test_small_town_needs_location_context() -> None:
    """A town under 15,000 people counts after "in", never as a bare word ("Harlan said")."""
    r = run("Sen. Ada Harlan spoke. Harlan said the vote was close.", "The storm hit houses in Kaub.")
    assert "Harlan" not in names(r, "place")


def test_dominant_reading_votes_for_its_country() -> None:
    """Naples (Italy) makes Florence the Italian city, not the one in Alabama."""
    r = run("The works travel from Naples to Florence in June.")
    assert place(r, "Florence") == "IT"


def test_first_word_of_a_longer_place() -> None:
    """ "Rio" after "Rio de Janeiro" is the same place."""
    r = run("Rain flooded Rio de Janeiro on Sunday. Rio has seen worse.")
    assert [e.name for e in r.entities if e.type == "place"] == ["Rio de Janeiro"]


# --------------------------------------------------------------------------- second review (dev2 classes)


def test_and_between_two_places_is_not_a_name() -> None:
    """ "Kenya and Uganda": a country that is also a given name stays a place before "and"."""
    r = run("Cases rose in Kenya and Uganda.")
    assert {"Kenya", "Uganda"} <= names(r, "place")
    assert names(r, "person") == set()


def test_club_head_word_does_not_make_a_sea_a_club() -> None:
    """ "Red Sea" is a place even though "Red" opens club names ("Red Star")."""
    r = run("Ships avoided the Red Sea for a year.")
    assert "Red Sea" in names(r, "place") and "Red Sea" not in names(r, "organisation")


def test_bare_name_before_an_employee_role_is_an_organisation() -> None:
    """ "Sydbank analyst Sofie Krag": the body, then its analyst (and Sofie is not Sofia)."""
    r = run("Sydbank analyst Sofie Krag said the guidance was cautious.")
    assert names(r, "organisation") == {"Sydbank"}
    assert names(r, "person") == {"Sofie Krag"}
    assert names(r, "place") == set()


def test_sentence_initial_adjective_before_an_organisation_noun_is_nothing() -> None:
    """ "Former bank executive ..." names no organisation called "Former"."""
    r = run("Former bank executive sentenced to 8 years for loan fraud.")
    assert names(r, "organisation") == set()


def test_counted_noun_is_not_a_person() -> None:
    """ "who played 31 Tests, said": "Tests" is counted, not a name."""
    r = run("Rakesh Venkat, who played 31 Tests, said he would speak to the captain.")
    assert names(r, "person") == {"Rakesh Venkat"}


def test_apposition_naming_another_body_does_not_make_an_organisation() -> None:
    """ "Cauca, the agency UNGRD said": Cauca is the department, UNGRD the agency."""
    r = run("Rain hit the department of Cauca, the agency UNGRD said.")
    assert "Cauca" in names(r, "place") and "Cauca" not in names(r, "organisation")
    assert "UNGRD" in names(r, "organisation")


def test_settlement_of_name_is_a_place_even_when_unknown() -> None:
    """ "the village of Jeomgok", "the town of Kamituga": places though the gazetteer lacks them."""
    r = run("In the village of Jeomgok, farmer Kwon Oh-sung ran. It began in the town of Kamituga.")
    assert {"Jeomgok", "Kamituga"} <= names(r, "place")
    assert names(r, "person") == {"Kwon Oh-sung"}


def test_place_named_with_its_administrative_unit() -> None:
    """ "Uiseong County" is the place Uiseong; "North Gyeongsang Province" one place, not "North"."""
    r = run("The fire started in Uiseong County and spread across North Gyeongsang Province.")
    assert "Uiseong" in names(r, "place")
    assert "North" not in names(r, "place")
    assert any(n.startswith("North Gyeongsang") for n in names(r, "place"))


def test_place_naming_a_power_plant_is_not_a_place() -> None:
    """ "the Zaporizhzhia nuclear power plant": the place is part of the plant's name."""
    r = run("The Zaporizhzhia nuclear power plant will remain in cold shutdown.")
    assert names(r, "place") == set()


def test_all_quote_paragraph_continues_the_previous_paragraph_speaker() -> None:
    """A paragraph that is all quote, after "Dr Ann Lee ... said the figures ...", is Ann Lee's."""
    r = run(
        "Dr Hanna Vilde, the agency's regional director, said the figures should alarm every government.",
        "\u201cMeasles is back, and this is a wake-up call.\u201d",
    )
    assert speakers(r)["Measles is back, and this is a wake-up call"] == "Hanna Vilde"


def test_pronoun_after_a_paragraph_break_is_the_previous_clause_subject() -> None:
    """ "Venkat said he would call captain Arjun Malhotra." then "'...,' he told reporters": Venkat."""
    r = run(
        "Rakesh Venkat said he would speak to captain Arjun Malhotra before the squad was picked.",
        '"Nobody is guaranteed a place," he told reporters.',
    )
    assert speakers(r)["Nobody is guaranteed a place"] == "Rakesh Venkat"


def test_related_role_noun_refers_to_a_person_named_earlier() -> None:
    """ "the diplomat" after "Ambassador Olga Brandt" is Brandt; with nobody named before, nobody."""
    r = run('Ambassador Olga Brandt spoke first. "We are ready," the diplomat told the council.')
    assert speakers(r)["We are ready"] == "Olga Brandt"


def test_museum_speaker_noun_by_head_word_not_by_name_list() -> None:
    """ "the museum said" finds the organisation whose name has a museum head word."""
    r = run('The Ethnological Museum in Berlin returned 22 figures. "This is a start," the museum said in a statement.')
    assert speakers(r)["This is a start"] == "Ethnological Museum"


def aliases(r: Analysis, name: str) -> set[str]:
    return {a for e in r.entities if e.name == name for a in e.aliases}


def test_middle_initial_and_generation_suffix_stay_in_the_name() -> None:
    """ "Marcus T. Ellery Jr." is one person, and "Ellery" later is his surname, not "Jr."."""
    r = run("Marcus T. Ellery Jr., 40, was charged on Monday.", "Ellery said he would fight the charges.")
    assert names(r, "person") == {"Marcus T. Ellery Jr."}
    assert "Ellery" in aliases(r, "Marcus T. Ellery Jr.")


def test_leading_initial_opens_a_name() -> None:
    """ "opener R. Sunil Iyer" keeps the initial: the name is not cut to "Sunil Iyer"."""
    r = run("The team's opener R. Sunil Iyer scored 90 on Sunday.", "Iyer said the pitch was slow.")
    assert names(r, "person") == {"R. Sunil Iyer"}


def test_two_particles_join_a_surname() -> None:
    """ "Joost van den Berg" is one name, and "Van den Berg" at a sentence start is his surname."""
    r = run("Joost van den Berg, an analyst at Rabobank, was cautious.", "Van den Berg said rates would fall.")
    assert "Joost van den Berg" in names(r, "person")
    assert "Van den Berg" in aliases(r, "Joost van den Berg")


def test_patronymic_short_form_and_capitalised_particle_surname() -> None:
    """ "Hassan bin Jaafar" goes by "Hassan"; "Karim Abu Salem" by "Abu Salem"."""
    r = run(
        "Former minister Hassan Rizal bin Jaafar was charged on Monday. Hassan Rizal denied the charges.",
        "Spokesman Karim Abu Salem said the talks failed. Abu Salem did not elaborate.",
    )
    assert names(r, "person") == {"Hassan Rizal bin Jaafar", "Karim Abu Salem"}


def test_double_surname_written_alone() -> None:
    """ "Ortega Blanco" after "Ana Lucía Ortega Blanco" is the same person."""
    r = run("Spain's Ana Lucía Ortega Blanco won on Monday.", "Ortega Blanco, 24, saved three set points.")
    assert names(r, "person") == {"Ana Lucía Ortega Blanco"}


def test_title_between_titles_and_after_an_organisation_name() -> None:
    """ "Deputy Public Prosecutor X" and "Bank of Greece Governor Y": the titles are not names or the bank."""
    r = run(
        "Deputy Public Prosecutor Nadia Karim asked for a long sentence.",
        "Bank of Greece Governor Yannis Petridis told reporters rates would fall.",
    )
    assert names(r, "person") == {"Nadia Karim", "Yannis Petridis"}
    assert "Bank of Greece" in names(r, "organisation")


def test_role_of_the_organisation_before_an_acronym() -> None:
    """ "Head of the National Water Agency (NWA) Budi" names the agency, not "Head of the ..."."""
    r = run("Head of the National Water Agency (NWA) Budiman said reservoirs were low.")
    assert "National Water Agency" in names(r, "organisation")


def test_organisation_continues_after_for_the_and_in_country() -> None:
    """ "UN Office for the Coordination of ..." and "Board of Control for Cricket in India" are whole names."""
    r = run(
        "The UN Office for the Coordination of Humanitarian Affairs warned of shortages.",
        "The Board of Control for Cricket in India said the final was moved.",
    )
    orgs = names(r, "organisation")
    assert "Office for the Coordination of Humanitarian Affairs" in orgs
    assert "Board of Control for Cricket in India" in orgs
    assert "Board of Control for Cricket" not in orgs


def test_acronym_follows_the_full_name_in_the_story() -> None:
    """ "ECB" in a story naming the European Central Bank is that bank, whatever else the acronym means."""
    r = run("The European Central Bank held rates.", "ECB officials said inflation was easing.")
    assert "England and Wales Cricket Board" not in names(r, "organisation")


def test_statement_context_does_not_make_a_named_person_an_organisation() -> None:
    """ "commissioner Azlan bin Osman said in a statement": a person."""
    r = run("Anti-graft commissioner Azlan bin Osman said in a statement that the case was closed.")
    assert "Azlan bin Osman" in names(r, "person")


def test_nationality_noun_and_age_noun_speak_for_the_person() -> None:
    """ "the Swede said" goes to "Sweden's X"; "the 31-year-old said" to "Y, 31,"."""
    r = run(
        "Sweden's Mette Lund beat Clara Voss 6-3, 6-4.",
        '"I felt calm today," the Swede said.',
        "Voss, 31, had won their last meeting.",
        '"My serve let me down," the 31-year-old said.',
    )
    sp = speakers(r)
    assert sp["I felt calm today"] == "Mette Lund"
    assert sp["My serve let me down"] == "Clara Voss"
    assert "Swede" not in names(r, "person")


def test_country_named_surname_that_speaks_is_the_person() -> None:
    """ "Chad told reporters" after "Marcus Chad": the person, not the country."""
    r = run("Marcus Chad lost in three sets.", '"I was tired," Chad told reporters.')
    assert speakers(r)["I was tired"] == "Marcus Chad"


def test_wire_agency_spoken_to_is_an_organisation() -> None:
    """ "told Bernama" names the agency, not a person."""
    r = run('"We will appeal," the lawyer told Bernama.')
    assert "Bernama" in names(r, "organisation") and "Bernama" not in names(r, "person")


def test_entity_ids_fold_accents_and_the_name_is_the_first_written_form_on_a_tie() -> None:
    r = run("Prices in Malmö rose. Banks in Malmo and Lund said costs fell.")
    malmo = [e for e in r.entities if e.type == "place" and e.geo and e.geo.geonames_id == 2692969]
    assert len(malmo) == 1
    assert malmo[0].id == "place:malmo"
    assert malmo[0].name == "Malmö" and malmo[0].aliases == ["Malmo"]


def _places(r: Analysis) -> dict[str, str | None]:
    return {e.name: e.geo.country_code if e.geo else None for e in r.entities if e.type == "place"}


def test_a_world_city_is_meant_whatever_the_country_context() -> None:
    # Three US mentions make the US the context; Rome, Georgia and Stuttgart, Arkansas are towns.
    r = run(
        "The United States said on Monday that US envoys would meet in Rome and Stuttgart.",
        "Officials in Washington and Texas welcomed the talks.",
    )
    assert _places(r)["Rome"] == "IT" and _places(r)["Stuttgart"] == "DE"


def test_the_dateline_city_keeps_its_reading_in_the_body() -> None:
    r = run(
        "Officials in Paris said the town would vote on a new school levy.",
        dateline=Dateline(text="PARIS, Texas (AP) —", city="PARIS", agency="AP"),
    )
    paris = [e for e in r.entities if e.name == "Paris"]
    assert len(paris) == 1 and paris[0].geo is not None and paris[0].geo.country_code == "US"
    assert len(paris[0].mentions) == 1  # the body mention; the dateline is cut from the body


# --------------------------------------------------------------------------- organisation speakers


def test_central_bank_noun_prefers_the_central_bank_to_a_commercial_bank_named_later() -> None:
    """ "the central bank said" means the Bank of Japan even when a commercial bank was named since."""
    r = run(
        "The Bank of Japan kept rates on hold on Friday, while Mizuho Bank said it would raise loan rates.",
        '"Inflation is close to target," the central bank said.',
    )
    assert speakers(r)["Inflation is close to target"] == "Bank of Japan"


def test_noun_written_beside_an_organisation_names_it() -> None:
    """ "the Verdi union ... the union said": the organisation the story labelled with that noun."""
    r = run(
        "The Verdi union called on staff at Rolls-Royce to strike on Wednesday.",
        '"We have no choice," the union said.',
    )
    assert speakers(r)["We have no choice"] == "Verdi"


def test_company_noun_means_the_organisation_the_story_is_about() -> None:
    """ "the carmaker said" after "rival Volvo": the company named most often so far, not the last one."""
    r = run(
        "Renault cut its forecast on Tuesday. Renault blamed weak demand, while rival Volvo said sales rose.",
        '"The market is very difficult," the carmaker said.',
    )
    assert speakers(r)["The market is very difficult"] == "Renault"


def test_kind_word_in_the_name_picks_the_organisation_a_noun_refers_to() -> None:
    """ "the airline said" means Singapore Airlines, "the planemaker said" never does."""
    r = run(
        "Singapore Airlines ordered 12 Airbus jets on Monday, and Airbus said deliveries start in 2027.",
        '"This deal is good for our fleet," the airline said.',
        '"We are proud of this order from Singapore Airlines," the planemaker said.',
    )
    got = speakers(r)
    assert got["This deal is good for our fleet"] == "Singapore Airlines"
    assert got["We are proud of this order from Singapore Airlines"] == "Airbus"


def test_un_agency_noun_refers_to_a_programme() -> None:
    """ "the agency said" may mean a UN programme (World Food Programme), whose name has no "Agency"."""
    r = run(
        "The World Food Programme said on Tuesday it would cut rations in Sudan.",
        "Donors met in Geneva, where the Red Cross said aid was short.",
        '"Families will go hungry," the agency said in a statement.',
    )
    assert speakers(r)["Families will go hungry"] == "World Food Programme"


def test_name_with_which_clause_that_reports_is_an_organisation() -> None:
    """ "Fraport, which runs Frankfurt airport, said": people are "who", so the speaker is an organisation."""
    r = run("Kelvantor, which runs the city's airport, said travellers should check their flights.")
    assert names(r, "organisation") == {"Kelvantor"}
    assert names(r, "person") == set()


def test_which_clause_without_reporting_verb_makes_no_organisation() -> None:
    """ "the Arvida Convention, which took effect in 1990": a thing that does not speak stays no entity."""
    r = run("Talks turned on the Arvida Accord, which took effect in 1990, and its limits.")
    assert names(r, "organisation") == set()


def test_any_maker_noun_in_apposition_marks_an_organisation() -> None:
    """ "Velmora, the world's second-biggest trainmaker, said": a "-maker" noun describes a company."""
    r = run("Velmora, the world's second-biggest trainmaker, said it was disappointed.")
    assert names(r, "organisation") == {"Velmora"}


def test_corps_closes_an_organisation_name() -> None:
    """ "the Army's Chinar Corps said": a corps is a body, not a person."""
    r = run("The Army's Tarvan Corps said in a post that an operation was launched.")
    assert "Tarvan Corps" in names(r, "organisation")
    assert names(r, "person") == set()


def test_names_joined_by_an_ampersand_are_one_organisation() -> None:
    """ "Harlow & Pike said": people are never joined by "&", firms are; the pair is one organisation."""
    r = run("Harlow & Pike said on Monday it would cut 200 jobs, and shares of Denton & Vale rose.")
    assert names(r, "organisation") == {"Harlow & Pike", "Denton & Vale"}
    assert names(r, "person") == set()


def test_company_surname_after_a_title_and_given_name_is_the_person() -> None:
    """ "Dr Anna Porsche said": a given name after a title makes the company's name a surname."""
    r = run("Dr Anna Porsche, a chemist, said the test worked.")
    assert names(r, "person") == {"Anna Porsche"}
    assert names(r, "organisation") == set()


def test_companies_named_after_people_are_organisations() -> None:
    """ "Bosch said", "Lamborghini said": listed companies named after their founders are organisations."""
    r = run("Bosch said it would cut 5,000 jobs, and Lamborghini said deliveries rose.")
    assert names(r, "organisation") == {"Bosch", "Lamborghini"}
    assert names(r, "person") == set()


def test_org_noun_after_an_abbreviated_country_names_the_organisation() -> None:
    """ "the U.S. central bank said": a dotted country abbreviation may qualify the noun."""
    r = run(
        "The Federal Reserve held rates on Wednesday.",
        '"Inflation remains elevated," the U.S. central bank said in a statement.',
    )
    assert speakers(r)["Inflation remains elevated"] == "Federal Reserve"


def test_place_possessive_before_an_org_noun_names_the_organisation() -> None:
    """ "South Korea's biggest chipmaker said": a place's superlative noun is the company; a person's team is not."""
    r = run(
        "Samsung Electronics reported a profit drop.",
        '"Demand will recover," South Korea\'s biggest chipmaker said.',
    )
    assert speakers(r)["Demand will recover"] == "Samsung Electronics"
    r = run("Arsenal beat Chelsea. Mikel Moreno scored twice.", '"We were brilliant," Moreno\'s team said.')
    assert speakers(r)["We were brilliant"] is None


def test_org_noun_qualified_by_another_body_means_a_body_of_that_kind() -> None:
    """ "the U.N. health agency said" is the WHO named before, not the UN written inside the phrase."""
    r = run(
        "The World Health Organization declared an emergency on Friday.",
        '"The risk is high," the U.N. health agency said.',
    )
    assert speakers(r)["The risk is high"] == "World Health Organization"


def test_name_that_says_its_is_an_organisation() -> None:
    """ "Kelvara said on Monday its profit rose", "said on its website": "its" marks an organisation."""
    for text in (
        "Kelvara said on Monday its quarterly profit rose 12%.",
        "Kelvara said on its website that the outage was fixed.",
        "Kelvara said in an emailed statement that it would appeal.",
    ):
        r = run(text)
        assert names(r, "organisation") == {"Kelvara"}, text
        assert names(r, "person") == set(), text


def test_name_that_posts_results_is_an_organisation() -> None:
    """ "Kelvara posted a net loss", "Kelvara, whose shares have fallen": companies, not people."""
    for text in (
        "Kelvara posted a net loss of $20 million.",
        "Kelvara, whose shares have fallen 30% this year, said it would cut jobs.",
    ):
        r = run(text)
        assert names(r, "organisation") == {"Kelvara"}, text
    r = run("The announcement came after rival SK hynix Inc. reported record quarterly sales.")
    assert "Inc." not in names(r, "organisation")


def test_org_phrase_word_picks_among_organisations_of_one_kind() -> None:
    """ "the health ministry said" means the Health Ministry even when the Interior Ministry was named since."""
    r = run(
        "The Health Ministry reported 40 cases, while the Interior Ministry imposed a curfew.",
        '"The situation is under control," the health ministry said.',
    )
    assert speakers(r)["The situation is under control"] == "Health Ministry"


def test_unknown_acronym_of_a_written_name_is_that_organisation() -> None:
    """ "the RBI said" after "Reserve Bank of India": the acronym of exactly one name in the story."""
    r = run(
        "The Reserve Bank of India kept rates unchanged. HDFC Bank said loan growth slowed.",
        '"Growth remains resilient," the RBI said.',
    )
    assert speakers(r)["Growth remains resilient"] == "Reserve Bank of India"
    assert "RBI" not in names(r, "organisation")


def test_last_word_of_a_club_name_is_that_club() -> None:
    """ "United said" after "Manchester United": the short form of the one name it ends."""
    r = run(
        "Manchester United sacked their manager on Monday after a 3-0 defeat.",
        '"The club thanks him for his service," United said in a statement.',
    )
    assert speakers(r)["The club thanks him for his service"] == "Manchester United"
    assert names(r, "organisation") == {"Manchester United"}


def test_the_fund_and_the_lender_can_mean_the_imf() -> None:
    """ "the Fund said", "the lender said": a fund may be called so, not only a bank."""
    r = run(
        "The International Monetary Fund cut its forecast on Tuesday.",
        '"Risks are tilted to the downside," the Fund said.',
        '"Growth will slow," the lender said.',
    )
    got = speakers(r)
    assert got["Risks are tilted to the downside"] == "International Monetary Fund"
    assert got["Growth will slow"] == "International Monetary Fund"


def test_court_verbs_introduce_a_partial_quote_of_the_court() -> None:
    """ "The High Court directed ..., observing that ... "a matter of life"": the court speaks."""
    r = run(
        "The Delhi High Court on Monday directed the city council to clear the drains, observing that "
        'flooding was "a matter of life and death".'
    )
    assert speakers(r)["a matter of life and death"] == "Delhi High Court"


def test_possessive_name_with_a_verb_after_it_is_a_firm() -> None:
    """ "Moody's downgraded", "Christie's said": a possessive with no noun after it names a firm."""
    r = run("Moody's downgraded the country on Friday, and Christie's said the sale was postponed.")
    assert names(r, "organisation") == {"Moody's", "Christie's"}
    assert names(r, "person") == set()


def test_statement_or_spokesperson_of_an_organisation_speaks_for_it() -> None:
    """ "said a statement from the ministry", "a company spokesman said", "the company's statement said"."""
    for quote in (
        '"Demand is weak," said a statement from the company.',
        '"Demand is weak," a spokesperson for the company said.',
        '"Demand is weak," a company spokesman said.',
        '"Demand is weak," the company\'s statement said.',
        '"Demand is weak," according to a statement from Siemens.',
    ):
        r = run("Siemens cut its forecast on Monday.", quote)
        assert speakers(r)["Demand is weak"] == "Siemens", quote


def test_any_maker_noun_speaks_for_the_company() -> None:
    """ "the shoemaker said": any "-maker" noun refers back to the company, listed or not."""
    r = run("Nike cut its forecast on Tuesday.", '"Demand is soft," the shoemaker said.')
    assert speakers(r)["Demand is soft"] == "Nike"


def test_unknown_name_before_spokesperson_is_the_organisation_speaking() -> None:
    """'a Kelvara spokesperson said': the unknown capitalised name is an organisation, and it speaks."""
    r = run('"Owners are fully booked until spring," a Kelvara spokesperson said on Monday.')
    assert "Kelvara" in names(r, "organisation")
    assert "Kelvara" not in names(r, "person")
    assert speakers(r) == {"Owners are fully booked until spring": "Kelvara"}


def test_firms_named_after_people_and_subsidiaries_are_organisations() -> None:
    """'Edward Jones' and 'LaLiga' are organisations, not people; 'Siemens Healthineers' stays whole."""
    r = run(
        "Analysts at Edward Jones said LaLiga would gain.",
        "Siemens Healthineers said on Tuesday it had won the order.",
    )
    orgs = names(r, "organisation")
    assert {"Edward Jones", "LaLiga", "Siemens Healthineers"} <= orgs
    assert "Siemens" not in orgs
    assert not names(r, "person")


def test_country_before_a_currency_is_not_a_place_mention() -> None:
    """'9.4 billion U.S. dollars' names a currency; 'South Korea won' is still the country."""
    r = run("Revenue fell to 9.4 billion U.S. dollars in the first half.")
    assert "United States" not in names(r, "place")
    r = run("South Korea won the final in Seoul.")
    assert "South Korea" in names(r, "place")


def test_the_top_court_is_the_supreme_court_not_a_high_court_named_later() -> None:
    """'the top court said' means the Supreme Court even when a High Court was named after it."""
    r = run(
        "The Supreme Court on Thursday set aside an order of the Orissa High Court.",
        '"The high court went too far," the top court said.',
    )
    assert speakers(r) == {"The high court went too far": "Supreme Court"}


def test_the_eu_executive_is_the_european_commission() -> None:
    """'the EU executive said' speaks for the European Commission, not the European Union."""
    r = run(
        "The European Commission opened an investigation into EU cloud deals on Thursday.",
        '"Customers must be free to move," the EU executive said.',
    )
    assert speakers(r) == {"Customers must be free to move": "European Commission"}


def test_the_club_is_the_club_named_first_when_the_rival_is_named_as_often() -> None:
    """'the club said' after both clubs are named equally often means the story's subject, named first."""
    r = run(
        "Sevilla lost 3-1 to Real Betis on Sunday. Betis fans celebrated and Betis coach Ann Lee smiled.",
        '"We thank him," the club said.',
        headline="Sevilla sack coach after derby defeat",
    )
    assert speakers(r) == {"We thank him": "Sevilla"}


def test_descriptors_before_an_organisation_noun_still_refer_to_it() -> None:
    """'the world's second-largest shipping group said' and 'the country's largest lender said' speak for it."""
    r = run(
        "Hapag-Lloyd cut its outlook on Tuesday.",
        '"Rerouting adds two weeks," the world\'s second-largest shipping group said.',
    )
    assert speakers(r) == {"Rerouting adds two weeks": "Hapag-Lloyd"}
    r = run("KB Kookmin Bank cut its outlook.", '"Rates will fall," the country\'s largest commercial lender said.')
    assert speakers(r) == {"Rates will fall": "KB Kookmin Bank"}


def test_the_statement_said_speaks_for_whoever_issued_the_statement_named_before() -> None:
    """'the statement said' belongs to the issuer of the statement the story named, not the last organisation."""
    r = run(
        "BOTAS signed a deal with SOCAR on Friday, the Energy Ministry said in a statement.",
        "SOCAR said the gas would flow through Georgia.",
        '"The agreement strengthens our role," the statement said.',
    )
    assert speakers(r) == {"The agreement strengthens our role": "Energy Ministry"}
    r = run(
        "According to a statement from Siemens, the plant will close.",
        "Workers at Bosch protested on Friday.",
        '"We regret this step," the statement said.',
    )
    assert speakers(r) == {"We regret this step": "Siemens"}


def test_a_quote_attributed_to_an_unnamed_official_is_not_the_previous_speakers() -> None:
    """'"...," a ministry official added' opening a paragraph does not inherit the previous paragraph's speaker."""
    r = run(
        "SOCAR said the gas would flow through Georgia. A company spokesman said the price was linked to oil.",
        '"The contract was signed in Baku," a ministry official added.',
    )
    assert speakers(r) == {"The contract was signed in Baku": None}


def test_a_city_that_sacks_its_coach_or_is_beaten_is_a_club() -> None:
    """In sport copy 'Sevilla dismissed coach X' and 'Betis had beaten Sevilla' name the club, not the city."""
    r = run(
        "Sevilla dismissed coach Mateo Varela on Monday, a day after a 3-1 home defeat.",
        "Real Betis, 2-0 winners in October, had beaten Sevilla twice in a row.",
    )
    assert "Sevilla" in names(r, "organisation")


def test_the_dateline_agency_is_not_listed_twice_when_the_body_names_it_in_full() -> None:
    """A '(Kyodo)' dateline and 'told Kyodo News' in the body are one organisation."""
    r = run(
        "Donnelly later told Kyodo News that Canberra would pay.",
        dateline=Dateline(text="TOKYO, June 4 (Kyodo) -", city="TOKYO", agency="Kyodo"),
    )
    assert [n for n in names(r, "organisation") if n.startswith("Kyodo")] == ["Kyodo News"]


def test_an_organisations_spokesman_speaks_for_it_but_a_persons_does_not() -> None:
    """'"...," Toyota's spokesman said' is Toyota's; '"...," Putin's spokesman said' is not Putin's."""
    r = run("Toyota raised its forecast.", '"Stable supply is vital," Toyota\'s spokesman said.')
    assert speakers(r) == {"Stable supply is vital": "Toyota"}
    r = run("Vladimir Putin met Xi Jinping.", '"We are calm," Putin\'s spokesman said.')
    assert speakers(r) == {"We are calm": None}


def test_a_place_named_by_its_own_name_beats_a_bigger_namesake_alternate_in_its_country() -> None:
    # GeoNames lists "New Delhi" as an alternate name of Delhi (pop. 10 million) too.
    r = run(
        "Ministers met in New Delhi on Monday.",
        dateline=Dateline(text="NEW DELHI, May 3 (PTI) -", city="NEW DELHI", agency="PTI"),
    )
    delhi = [e for e in r.entities if e.type == "place" and "Delhi" in e.name]
    assert [(e.name, e.geo.geonames_id if e.geo else None) for e in delhi] == [("New Delhi", 1261481)]


def test_dateline_agency_named_in_the_body_is_the_organisation() -> None:
    """ "told Armenpress" under a "(Armenpress)" dateline: the agency, not a person."""
    r = run(
        "The carrier told Armenpress it would add flights.",
        dateline=Dateline(text="YEREVAN, April 3 (Armenpress) -", city="YEREVAN", agency="Armenpress"),
    )
    assert "Armenpress" in names(r, "organisation")
    assert "Armenpress" not in names(r, "person")


def test_chinese_given_name_in_the_census_list_keeps_the_name_surname_first() -> None:
    """ "Li Wei" then "Li said": "Wei" is a US census name too, but a Chinese given name here."""
    r = run("The company's founder, Li Wei, told Xinhua the plant would reopen.", '"Our workers are ready," Li said.')
    assert names(r, "person") == {"Li Wei"}
    assert speakers(r)["Our workers are ready"] == "Li Wei"
