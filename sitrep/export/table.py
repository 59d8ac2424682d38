"""A quick look at events in the terminal (`--table`): a rich table on standard error."""
from __future__ import annotations

from sitrep.model import Event


def print_table(events: list[Event]) -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table(title=f"{len(events)} event(s)", show_lines=False)
    for col in ("date", "sub-event type", "actor1", "actor2", "location", "admin1", "fatalities"):
        table.add_column(col, justify="right" if col == "fatalities" else "left", overflow="fold")
    for ev in events:
        fat = "" if ev.fatalities is None else str(ev.fatalities)
        if ev.fatalities_min is not None and ev.fatalities_max is not None and ev.fatalities_min != ev.fatalities_max:
            fat += f" ({ev.fatalities_min}-{ev.fatalities_max})"
        table.add_row(ev.event_date or "?", ev.sub_event_type, ev.actor1 or "",
                      ev.actor2 or "", ev.location or "", ev.admin1 or "", fat)
    console = Console(stderr=True)
    if not console.is_terminal:  # a log or a pipe has no width of its own: do not squeeze the columns
        console = Console(stderr=True, width=180)
    console.print(table)
