from store_factory import kharkiv_strike

from sitrep.store import EventFilter, open_store


def test_actor_filter_matches_wildcard_characters_literally(tmp_path):
    with open_store(str(tmp_path / "s.db")) as store:
        store.ingest_article(*kharkiv_strike("1", "Russian forces shelled Kharkiv on Tuesday."))
        assert len(list(store.iter_events(EventFilter(actor="Russia")))) == 1
        assert list(store.iter_events(EventFilter(actor="%_%"))) == []
