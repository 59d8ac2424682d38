"""A summary that names its source once: the events listed after it are told by that source."""
from sitrep.model import Article
from sitrep.pipeline import extract_article


def _events(text: str):
    return extract_article(Article(text=text, id="t", published="2024-08-01", language="en"))


def test_the_items_of_a_governors_summary_carry_his_name():
    evs = _events("On Wednesday, Russian troops shelled Izium in Kharkiv region, governor Oleh Synehubov reported. "
                  "A private house was damaged by shelling in Balakliia. In Kupiansk, a shop caught fire due to "
                  "shelling.")
    assert len(evs) == 3 and {e.claimed_by for e in evs} == {"Oleh Synehubov"}
    assert all(any(p.field == "claimed_by" for p in e.provenance) for e in evs)


def test_another_speaker_in_between_stops_the_carry():
    evs = _events("On Wednesday, Russian troops shelled Izium in Kharkiv region, governor Oleh Synehubov reported. "
                  "Police said a car exploded. Russian shelling hit Balakliia on Wednesday.")
    balakliia = [e for e in evs if e.location == "Balakliia"]
    assert balakliia and balakliia[0].claimed_by != "Oleh Synehubov"
