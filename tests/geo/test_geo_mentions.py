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
