"""The `sitrep` command: parses arguments and calls the library; no logic of its own lives here.

Exit codes (CONTRACT.md): 0 every input was read; 1 some inputs were skipped (each named on stderr);
2 a usage error, or nothing could be read.
"""
from __future__ import annotations

import sys
from pathlib import Path
from typing import Optional

import typer

app = typer.Typer(add_completion=False, no_args_is_help=True, help="sitrep: news reports of war in, ACLED-style events out.")
token_app = typer.Typer(no_args_is_help=True, help="Write tokens for the API.")
gazetteer_app = typer.Typer(no_args_is_help=True, help="The offline gazetteer.")
app.add_typer(token_app, name="token")
app.add_typer(gazetteer_app, name="gazetteer")

DEFAULT_DB = "sitrep.db"


def _err(message: str) -> None:
    print(message, file=sys.stderr)


def _exit_for(problems: list, read_any: bool) -> None:
    """Name every skipped input on stderr and exit with the contract's code."""
    for p in problems:
        _err(str(p))
    skipped = [p for p in problems if not getattr(p, "notice", False)]  # notices: nothing expected was lost
    if skipped and not read_any:
        raise typer.Exit(2)
    raise typer.Exit(1 if skipped else 0)


def _check_format(format: str, out: Optional[Path]) -> None:
    from sitrep.export import FORMATS

    if format not in FORMATS:
        _err(f"unknown format {format!r}; choose one of {', '.join(FORMATS)}")
        raise typer.Exit(2)
    if format == "parquet" and out is None:
        _err("--format parquet needs --out FILE")
        raise typer.Exit(2)


# --- extraction ------------------------------------------------------------------------------------------

@app.command()
def extract(
    paths: list[str] = typer.Argument(..., help="Files, folders (recursive) or - for JSONL on stdin."),
    out: Optional[Path] = typer.Option(None, "--out", "-o", help="Output file (standard output when absent)."),
    format: str = typer.Option("jsonl", "--format", "-f", help="jsonl, csv, geojson or parquet."),
    jobs: int = typer.Option(1, "--jobs", "-j", min=1, help="Worker processes."),
    engine: str = typer.Option("local", "--engine", help="local or ray."),
    table: bool = typer.Option(False, "--table", help="Also print the events as a table on stderr."),
) -> None:
    """Read articles, extract events, merge the same event across articles, write them."""
    from sitrep.export import write_events
    from sitrep.pipeline import extract_from_paths

    _check_format(format, out)
    result = extract_from_paths(paths, jobs=jobs, engine=engine, progress=sys.stderr.isatty())
    write_events(result.events, out, format)
    if table:
        from sitrep.export.table import print_table
        print_table(result.events)
    _exit_for(result.problems, result.articles_read > 0 or not paths)


@app.command(name="eval")
def evaluate(
    gold_dir: Path = typer.Argument(..., help="Folder of <id>.txt + <id>.json gold files (devset format)."),
    as_json: bool = typer.Option(False, "--json", help="Print the report as JSON."),
    only: str = typer.Option(None, "--only", help="Regular expression on article ids: score only those."),
) -> None:
    """Run the extractor on a gold folder and print event P/R/F1, per-field accuracy and why events were missed."""
    from sitrep.evaluate import evaluate_folder, format_report

    if not gold_dir.is_dir():
        _err(f"{gold_dir}: not a folder")
        raise typer.Exit(2)
    report = evaluate_folder(gold_dir, only)
    if as_json:
        import json
        print(json.dumps(report, indent=2))
    else:
        print(format_report(report))


# --- store, export ---------------------------------------------------------------------------------------

@app.command()
def ingest(
    paths: list[str] = typer.Argument(..., help="Files, folders (recursive) or - for JSONL on stdin."),
    db: str = typer.Option(DEFAULT_DB, "--db", help="SQLite path or postgresql:// URL."),
    jobs: int = typer.Option(1, "--jobs", "-j", min=1),
    engine: str = typer.Option("local", "--engine", help="local or ray."),
) -> None:
    """Extract and store; re-ingesting an article already stored changes nothing."""
    from sitrep.store import StoreError, ingest_paths

    try:
        summary = ingest_paths(paths, db, jobs=jobs, engine=engine, progress=sys.stderr.isatty())
    except StoreError as e:
        _err(f"{db}: {e}")
        raise typer.Exit(2)
    _err(summary.describe())
    _exit_for(summary.problems, summary.articles_read > 0 or summary.articles_skipped_known > 0)


@app.command()
def export(
    db: str = typer.Option(DEFAULT_DB, "--db"),
    format: str = typer.Option("jsonl", "--format", "-f"),
    out: Optional[Path] = typer.Option(None, "--out", "-o"),
    since: Optional[str] = typer.Option(None, "--since"),
    until: Optional[str] = typer.Option(None, "--until"),
    country: Optional[str] = typer.Option(None, "--country"),
    admin1: Optional[str] = typer.Option(None, "--admin1"),
    event_type: Optional[str] = typer.Option(None, "--event-type"),
) -> None:
    """Write stored events, filtered."""
    from sitrep.export import write_events
    from sitrep.store import EventFilter, StoreError, open_store

    _check_format(format, out)
    try:
        with open_store(db, create=False) as store:
            flt = EventFilter(since=since, until=until, country=country, admin1=admin1, event_type=event_type)
            write_events(store.with_review_status(list(store.iter_events(flt))), out, format)
    except (StoreError, ValueError) as e:
        _err(f"{db}: {e}")
        raise typer.Exit(2)


# --- API and dashboard -----------------------------------------------------------------------------------

@app.command()
def serve(
    db: str = typer.Option(DEFAULT_DB, "--db"),
    host: str = typer.Option("127.0.0.1", "--host"),
    port: int = typer.Option(8000, "--port"),
) -> None:
    """Serve the REST API and the dashboard."""
    from sitrep.api.app import run_server

    run_server(db, host=host, port=port)


@token_app.command("create")
def token_create(name: str, db: str = typer.Option(DEFAULT_DB, "--db")) -> None:
    """Make a write token; prints it once (only its hash is stored)."""
    from sitrep.store import StoreError, open_store

    try:
        with open_store(db) as store:
            print(store.create_token(name))
    except (StoreError, ValueError) as e:
        _err(f"{db}: {e}")
        raise typer.Exit(2)


@token_app.command("revoke")
def token_revoke(name: str, db: str = typer.Option(DEFAULT_DB, "--db")) -> None:
    """Revoke a write token by name."""
    from sitrep.store import StoreError, open_store

    try:
        with open_store(db, create=False) as store:
            if not store.revoke_token(name):
                _err(f"no token named {name!r}")
                raise typer.Exit(1)
    except StoreError as e:
        _err(f"{db}: {e}")
        raise typer.Exit(2)


# --- live intake -----------------------------------------------------------------------------------------

@app.command()
def watch(
    feeds: list[str] = typer.Argument(None, help="RSS/Atom feed URLs."),
    feeds_file: Optional[Path] = typer.Option(None, "--feeds", help="A file of feed URLs, one a line."),
    db: str = typer.Option(DEFAULT_DB, "--db"),
    every: str = typer.Option("15m", "--every", help="Polling interval: 30s, 15m, 1h."),
    once: bool = typer.Option(False, "--once", help="Poll once and exit (for cron)."),
    allow_private: bool = typer.Option(False, "--allow-private", help="Allow loopback and private addresses."),
) -> None:
    """Poll RSS/Atom feeds, fetch new items, ingest them."""
    from sitrep.ingest.watch import WatchConfig, run_watch

    urls = list(feeds or [])
    if feeds_file is not None:
        try:
            urls += [u.strip() for u in feeds_file.read_text(encoding="utf-8").splitlines()
                     if u.strip() and not u.strip().startswith("#")]
        except (OSError, UnicodeDecodeError) as e:
            _err(f"{feeds_file}: cannot read feeds file ({e})")
            raise typer.Exit(2)
    if not urls:
        _err("no feeds given: name feed URLs or --feeds FILE")
        raise typer.Exit(2)
    try:
        cfg = WatchConfig(feeds=urls, db=db, every=every, once=once, allow_private=allow_private)
    except ValueError as e:
        _err(str(e))
        raise typer.Exit(2)
    raise typer.Exit(run_watch(cfg))


# --- geocoding -------------------------------------------------------------------------------------------

@app.command()
def geocode(
    name: Optional[str] = typer.Argument(None),
    context: Optional[str] = typer.Option(None, "--context"),
    country: Optional[str] = typer.Option(None, "--country"),
    as_json: bool = typer.Option(False, "--json"),
    batch: bool = typer.Option(False, "--batch", help="Read name<TAB>context lines on stdin."),
) -> None:
    """Resolve a place name."""
    from sitrep.geo.commands import geocode_command

    raise typer.Exit(geocode_command(name, context=context, country=country, as_json=as_json, batch=batch))


@app.command()
def geoparse(
    paths: list[str] = typer.Argument(...),
    out: Optional[Path] = typer.Option(None, "--out", "-o"),
) -> None:
    """Every place mentioned in the articles, one JSON line each."""
    from sitrep.geo.commands import geoparse_command

    raise typer.Exit(geoparse_command(paths, out))


@gazetteer_app.command("build")
def gazetteer_build(force: bool = typer.Option(False, "--force")) -> None:
    """Build (or rebuild) the gazetteer index from the installed packages."""
    from sitrep.geo.commands import build_command

    raise typer.Exit(build_command(force=force))


@gazetteer_app.command("import")
def gazetteer_import(file: Path) -> None:
    """Add a GeoNames dump (allCountries.txt, UA.txt) to the gazetteer."""
    from sitrep.geo.commands import import_command

    raise typer.Exit(import_command(file))


def main() -> None:  # pragma: no cover - console entry for `python -m sitrep`
    app()
