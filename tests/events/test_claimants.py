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


def test_a_source_line_names_who_the_report_comes_from():
    from sitrep.model import Article
    from sitrep.pipeline import extract_article
    evs = extract_article(Article(id="t", published="2024-06-17", language="en", text=(
        "The Russians have attacked the Nikopol district with artillery in the evening, damaging houses.\n\n"
        "Source: Serhii Lysak, Head of Dnipropetrovsk Oblast Military Administration, on Telegram\n\n"
        "Quote: \"[The Russians] attacked Marhanets hromada [an administrative unit designating a village or a "
        "town - ed.] and Nikopol in the evening. A private house was damaged.\"")))
    assert sorted(e.location for e in evs) == ["Marhanets", "Nikopol"]
    assert {e.claimed_by for e in evs} == {"Serhii Lysak"}
