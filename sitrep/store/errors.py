"""The one exception the store raises for a database it cannot use; its message is shown to the user as is."""


class StoreError(Exception):
    """Not a sitrep database, a newer schema version, read-only, disk full, cannot connect, ..."""
