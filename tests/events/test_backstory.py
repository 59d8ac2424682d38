"""Back-story tied to the news inside one sentence ("came days after", "followed") is an event of its own."""
from sitrep.events.backstory import split_backstory
from sitrep.model import Article
from sitrep.nlp.sentences import split_sentences
from sitrep.pipeline import extract_article


def _events(text: str, published: str = "2024-05-10"):
    return extract_article(Article(text=text, id="t", published=published, language="en"))


def test_a_sentence_with_came_days_after_is_read_as_two_parts():
    text = "The attack on Marka came days after militants attacked a base in Afgoye, officials said."
    parts, told = split_backstory(split_sentences(text))
    assert [p.text for p in parts] == ["The attack on Marka came days after",
                                       "militants attacked a base in Afgoye, officials said."]
    assert told[1].precision == "week" and told[1].days == 3


def test_a_back_story_with_no_date_is_dated_before_the_news_it_explains():
    evs = _events("MOGADISHU, May 10 (Reuters) - Al Shabaab fighters attacked a military base in Marka on Thursday, "
                  "killing five soldiers, officials said.\nThe attack came days after the militants attacked a base "
                  "in Afgoye, 30 km northwest of Mogadishu.")
    by_place = {e.location[:4]: e for e in evs}     # (the gazetteer spells it Afgooye)
    assert by_place["Mark"].event_date == "2024-05-09" and by_place["Mark"].fatalities == 5
    assert by_place["Afgo"].event_date == "2024-05-06" and by_place["Afgo"].date_precision == "week"
    assert by_place["Afgo"].fatalities is None


def test_followed_the_slaying_of_people_on_another_day_is_that_days_event():
    evs = _events("OUAGADOUGOU, May 10 (AFP) - Gunmen killed 30 villagers in Koumbri on Thursday, officials "
                  "said.\nThe slaughter followed the slaying of 14 people late Wednesday in the village of Tadirga.")
    assert sorted((e.location, e.event_date, e.fatalities) for e in evs) == \
        [("Koumbri", "2024-05-09", 30), ("Tadirga", "2024-05-08", 14)]
