"""find_mentions: spans, descriptors, context from the rest of the article, no persons or ordinary words."""

TEXT = ("Russian forces shelled the village of Kozachi Laheri and the outskirts of Oleshky in Kherson Oblast on "
        "Monday, the regional governor said. Later, a drone hit Ivanivka in the Kakhovka district. "
        "President Jordan met Mr Paris in the afternoon.")


def names(mentions):
    return [m.name for m in mentions]


def test_spans_are_offsets_into_the_text(geo):
    ms = geo.find_mentions(TEXT)
    assert ms
    for m in ms:
        assert TEXT[m.start:m.end] == m.name


def test_places_and_descriptors_are_found(geo):
    ms = {m.name: m for m in geo.find_mentions(TEXT)}
    assert "Kozachi Laheri" in ms and ms["Kozachi Laheri"].place.admin1 == "Kherson"
    assert "Kherson Oblast" in ms and ms["Kherson Oblast"].place.geo_precision == 3
    assert ms["Oleshky"].place.geo_precision == 2          # "the outskirts of"
    assert any(n.startswith("Kakhovka") for n in ms)


def test_article_context_resolves_ambiguous_names(geo):
    ms = {m.name: m for m in geo.find_mentions(TEXT)}
    assert ms["Ivanivka"].place.admin1 == "Kherson"


def test_titles_and_weekdays_are_not_places(geo):
    found = names(geo.find_mentions(TEXT))
    assert "Jordan" not in found and "Paris" not in found and "Monday" not in found


def test_demonyms_only_on_request(geo):
    assert "Russian" not in names(geo.find_mentions(TEXT))
    assert "Russian" in names(geo.find_mentions(TEXT, demonyms=True))


def test_world_article(geo):
    text = "Fighting between the army and the RSF spread from Khartoum to El Fasher in North Darfur, Sudan."
    ms = {m.name: m.place for m in geo.find_mentions(text)}
    assert ms["Khartoum"].country == "Sudan"
    assert ms["North Darfur"].geo_precision == 3
    assert ms["Sudan"].country == "Sudan"


def test_empty_and_placeless_texts(geo):
    assert geo.find_mentions("") == []
    assert geo.find_mentions("the quick brown fox jumps over the lazy dog") == []


def test_region_written_after_a_name_holds_it(geo):
    text = "Snow fell in Edmonton, Alberta, and in London, Kentucky, while Vasilyevka, Zaporozhye region, was shelled."
    ms = {m.name: m.place for m in geo.find_mentions(text)}
    assert ms["Edmonton"].admin1 == "Alberta"
    assert ms["London"].admin1 == "Kentucky"
    assert ms["Vasilyevka"].admin1 == "Zaporizhzhia"
    assert ms["Zaporozhye region"].geo_precision == 3


def test_person_names_are_not_places(geo):
    text = "Marty Walsh said the plan would work. Walsh later left for the airport."
    assert not [m for m in geo.find_mentions(text) if m.name == "Walsh"]


def test_geoparse_mode_keeps_the_most_likely_reading(geo):
    text = "Explosions were reported in Ivanivka."
    strict = geo.find_mentions(text)
    guess = geo.find_mentions(text, best_guess=True)
    assert strict and guess and guess[0].place.geo_precision == 3
    assert len(guess[0].place.candidates) > 1 and guess[0].place.feature == "P"


def test_given_name_and_surname_are_a_person(geo):
    text = ("Russian-installed official Vladimir Rogov said the strikes hit Enerhodar. Andrei Malets and "
            "Elvino Dias spoke later; Rogov left.")
    found = names(geo.find_mentions(text))
    assert "Enerhodar" in found
    assert not {"Vladimir", "Rogov", "Malets", "Dias", "Elvino"} & set(found)


def test_title_in_the_run_and_possessive_person_noun_block_places(geo):
    text = ("Mayor Ihor Terekhov said. Governor Vitaliy Kim spoke in Mykolaiv. "
            "Yevgeny Balitsky's office said the shelling of Vasylivka, Zaporizhzhia region, killed one.")
    found = names(geo.find_mentions(text))
    assert not {"Terekhov", "Kim", "Balitsky"} & set(found)
    assert "Mykolaiv" in found and "Vasylivka" in found


def test_a_big_city_survives_a_possessive_and_a_country_its_people(geo):
    found = names(geo.find_mentions("Russia's deputy minister spoke. London's mayor said more."))
    assert "Russia" in found and "London" in found


def test_credits_and_organisations_are_not_places(geo):
    text = ("Photo: Getty Images\nAuthor: Maria Petrenko\nAnadolu Agency reported that the Regional State "
            "Administration counted damage in Sumy. (Reporting by Bill Rigby; Editing by Jon Orr)")
    found = names(geo.find_mentions(text))
    assert found == ["Sumy"]


def test_place_names_after_a_given_name_word_stay_places(geo):
    found = names(geo.find_mentions("Fishing along Anthony Creek and in Vladimir Oblast."))
    assert "Vladimir Oblast" in found


def test_state_abbreviation_after_a_name_holds_it_for_the_whole_article(geo):
    text = "GLASGOW, Ky. (WXYZ) -- A woman died after being struck by a car in Glasgow on Friday."
    ms = geo.find_mentions(text)
    assert [m.place.admin1 for m in ms if m.name.lower() == "glasgow"] == ["Kentucky", "Kentucky"]
    assert any(m.name == "Ky." and m.place.admin1 == "Kentucky" for m in ms)


def test_sentence_initial_village_kept_when_the_article_is_about_its_area(geo):
    text = "Kosunka came under fire overnight. Shells also hit Beryslav and Tiahynka in Kherson Oblast."
    ms = {m.name: m.place for m in geo.find_mentions(text)}
    assert ms["Kosunka"].name == "Korsunka" and ms["Kosunka"].admin1 == "Kherson"


def test_english_words_are_no_spelling_variants_of_villages(geo):
    text = ("The Council for the Protection of Freedom of Speech met in Sumy. Radio reports said Shell and "
            "Kharkiv Oblast officials agreed.")
    found = names(geo.find_mentions(text))
    assert "Sumy" in found and not {"Speech", "Radio", "Shell"} & set(found)


def test_upper_case_datelines_are_places(geo):
    ms = {m.name: m.place for m in geo.find_mentions("KYIV, Ukraine (AP) — Russian drones hit the capital.")}
    assert ms["KYIV"].name == "Kyiv"


def test_street_names_are_not_the_places_they_are_named_after(geo):
    found = names(geo.find_mentions("A car hit a tree on Kharkiv Highway. He lived on Patrick Street in Dublin."))
    assert "Dublin" in found and "Kharkiv" not in found and "Patrick" not in found


def test_abbreviated_saint_joins_its_name(geo):
    ms = {m.name: m.place for m in geo.find_mentions("He moved to St. Louis last year.")}
    assert ms["St. Louis"].admin1 == "Missouri"


def test_demonyms_at_sentence_starts_in_geoparse_mode(geo):
    text = "Russian troops advanced. Swiss banks froze assets. Ukrainian drones hit Kursk."
    found = names(geo.find_mentions(text, demonyms=True, best_guess=True))
    assert "Russian" in found and "Kursk" in found


def test_a_place_after_said_is_kept_when_it_is_what_was_attacked(geo):
    text = "The regional administration said Beryslav and Tiahynka were shelled overnight; Kim said Mykolaiv was hit."
    found = names(geo.find_mentions(text))
    assert {"Beryslav", "Tiahynka", "Mykolaiv"} <= set(found)


def test_a_street_named_in_two_words_is_not_a_place(geo):
    names = [m.name for m in geo.find_mentions("A car was blown up in Melitopol at Heroiv Ukrainy Street on Monday.")]
    assert names == ["Melitopol"]


def test_a_city_in_a_news_outlets_name_is_not_a_mention(geo):
    text = "RIA Melitopol, a Russian news agency, reported a blast in Melitopol."
    assert [m.start for m in geo.find_mentions(text)] == [text.rindex("Melitopol")]


def test_a_country_name_with_of_inside_is_read_whole(geo):
    text = "ADF fighters killed 12 civilians in the east of the Democratic Republic of Congo on Monday."
    (m,) = [m for m in geo.find_mentions(text) if "Congo" in m.name]
    assert m.name == "Democratic Republic of Congo" and m.place.country == "Democratic Republic of the Congo"


def test_a_name_after_of_that_makes_no_longer_place_stays_alone(geo):
    ms = geo.find_mentions("The Governor of Kherson said Russian forces shelled the city overnight.")
    assert [m.name for m in ms] == ["Kherson"]


def test_a_congolese_territory_is_a_second_level_unit(geo):
    (m,) = [m for m in geo.find_mentions("Rebels attacked villages in the Lubero territory of North Kivu province.")
            if m.name.startswith("Lubero")]
    assert m.name == "Lubero territory" and m.place.geo_precision == 2


def test_a_two_word_village_spelled_otherwise_is_read_whole_not_its_first_word(geo):
    text = "Russian troops shelled the village of Velyka Pisarivka in Sumy region on Monday."
    (m,) = [m for m in geo.find_mentions(text) if m.name.startswith("Velyka")]
    assert m.name == "Velyka Pisarivka" and m.place.name == "Velyka Pysarivka" and m.place.admin1 == "Sumy"


def test_a_bare_regional_capital_is_the_city_not_its_region(geo):
    (m,) = geo.find_mentions("Russian forces shelled Kherson on Monday.")
    assert m.place.geo_precision == 1 and m.place.feature != "A"
    (r,) = geo.find_mentions("Russian forces shelled the Kherson region on Monday.")
    assert r.place.geo_precision == 3


def test_a_city_whose_name_is_also_another_name_of_its_region_is_the_city(geo):
    ms = geo.find_mentions("Israeli forces killed four men during a raid in the city of Jenin in the West Bank.")
    (m,) = [m for m in ms if m.name == "Jenin"]
    assert m.place.geo_precision == 1


def test_a_family_name_is_not_a_place(geo):
    ms = geo.find_mentions("An Israeli warplane hit the house of the Bustan family in Gaza City on Saturday.")
    assert [m.name for m in ms] == ["Gaza City"]


def test_a_surname_after_an_abbreviated_title_is_no_place(geo):
    ms = geo.find_mentions("Veracruz Gov. Cuitlahuac Garcia said a gang dispute was behind the attack.")
    assert "Garcia" not in [m.name for m in ms]


def test_a_region_whose_name_opens_with_a_compass_word_is_read_in_another_spelling(geo):
    found = [(m.name, m.place.country) for m in geo.find_mentions(
        "Soldiers killed 20 fighters in the Middle Shabelle region on Thursday.")]
    assert found == [("Middle Shabelle region", "Somalia")]


def test_a_plural_unit_after_a_list_makes_each_name_that_unit(geo):
    found = {m.place.name: m.place.geo_precision for m in geo.find_mentions(
        "The air force said it shot down 24 drones over the Poltava, Sumy and Chernihiv regions overnight.")}
    assert found == {"Poltava": 3, "Sumy": 3, "Chernihiv": 3}


def test_a_peoples_republic_is_the_region_of_its_name(geo):
    found = {m.name: (m.place.admin1, m.place.geo_precision) for m in geo.find_mentions(
        "MOSCOW - Ukrainian forces shelled the city of Gorlovka in the Donetsk People's Republic, and troops "
        "advanced in the Lugansk People's Republic, the ministry said.")}
    assert found["Donetsk People's Republic"] == ("Donetsk", 3)
    assert found["Lugansk People's Republic"] == ("Luhansk", 3)
    assert found["Gorlovka"][0] == "Donetsk"


def test_a_region_named_after_its_capital_is_read_in_the_capitals_other_spellings(geo):
    found = {m.name: m.place for m in geo.find_mentions("Drones hit the Zaporozhye region and the Kharkov region.")}
    assert found["Zaporozhye region"].admin1 == "Zaporizhzhia" and found["Zaporozhye region"].geo_precision == 3
    assert found["Kharkov region"].admin1 == "Kharkiv"


def test_the_names_of_a_list_of_communities_are_the_communities(geo):
    text = ("The hromadas of Seredyna-Buda, Velyka Pysarivka and Khotin came under Russian fire in Sumy Oblast. "
            "Russian forces also attacked the communities of Nikopol and Marhanets overnight.")
    read = {m.name: m.place.geo_precision for m in geo.find_mentions(text)}
    assert read["Khotin"] == read["Seredyna-Buda"] == read["Marhanets"] == 2


def test_names_listed_after_regions_including_are_the_regions(geo):
    text = "Russia's defence ministry said it had downed 25 drones over Russian regions including Leningrad and Tula."
    found = {m.name: m.place for m in geo.find_mentions(text)}
    assert found["Leningrad"].geo_precision == 3 and found["Leningrad"].name != "Saint Petersburg"
    assert found["Tula"].geo_precision == 3
