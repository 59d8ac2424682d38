from sitrep.nlp.sentences import split_sentences


def test_offsets_point_back_into_the_text():
    text = "KYIV, May 3 - Russian forces shelled Kharkiv. Two people died.\n\nThe mayor said so."
    for s in split_sentences(text):
        assert text[s.start:s.end] == s.text


def test_splits_on_sentence_punctuation_and_line_breaks():
    text = "Headline without a full stop\nRussian forces shelled Kharkiv. Two people died."
    assert [s.text for s in split_sentences(text)] == [
        "Headline without a full stop", "Russian forces shelled Kharkiv.", "Two people died."]


def test_abbreviations_do_not_end_a_sentence():
    text = "Gen. Valery Gerasimov said on Feb. 25 that troops advanced. It was denied."
    assert len(split_sentences(text)) == 2


def test_paragraphs_are_numbered_apart():
    ss = split_sentences("One here.\n\nTwo here.")
    assert ss[0].paragraph != ss[1].paragraph


def test_etc_before_a_capital_ends_the_sentence():
    from sitrep.nlp.sentences import split_sentences
    parts = [s.text for s in split_sentences("Shells hit Synkivka, Kotliarivka, etc. The settlements of Ivanivka "
                                             "and Kyslivka were subjected to airstrikes.")]
    assert parts == ["Shells hit Synkivka, Kotliarivka, etc.",
                     "The settlements of Ivanivka and Kyslivka were subjected to airstrikes."]


def test_a_full_stop_with_no_space_before_a_capitalised_word_still_ends_the_sentence():
    parts = [s.text for s in split_sentences("It was a hot spot for gangs.Local media said police came. St.Petersburg "
                                             "and Mr.Smith stay whole.")]
    assert parts == ["It was a hot spot for gangs.", "Local media said police came.",
                     "St.Petersburg and Mr.Smith stay whole."]
