"""The ``wirestream`` command."""

from __future__ import annotations

import asyncio
import contextlib
import glob
import signal
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Annotated, Any

import orjson
import typer
from rich.console import Console, Group
from rich.live import Live
from rich.progress import BarColumn, Progress, TaskProgressColumn, TextColumn, TimeRemainingColumn
from rich.table import Table

from services import __version__
from services.core.admin import Admin
from services.core.envelope import DATA_FIELD
from services.core.errors import ConfigError, TransientError
from services.core.settings import Settings, load_settings
from services.core.streams import STAGES, Keys, group_of

app = typer.Typer(help="wirestream: news-wire copy in, structured article events out.", no_args_is_help=True)
dlq_app = typer.Typer(help="List, replay or purge dead letters on wire:dead.", no_args_is_help=True)
app.add_typer(dlq_app, name="dlq")
out = Console()
err = Console(stderr=True)


def _settings(**overrides: Any) -> Settings:
    try:
        return load_settings(**{k: v for k, v in overrides.items() if v is not None})
    except ConfigError as exc:
        err.print(f"[red]error:[/red] {exc}")
        raise typer.Exit(2) from exc


def _admin(settings: Settings) -> Admin:
    try:
        return Admin(settings.redis_url, Keys(settings.prefix))
    except TransientError as exc:
        err.print(f"[red]error:[/red] {exc}")
        raise typer.Exit(2) from exc


def _files(paths: list[str]) -> Iterator[tuple[str, bytes]]:
    """Files named, folders walked, globs expanded, ``-`` read from stdin."""
    for p in paths:
        if p == "-":
            yield "<stdin>", sys.stdin.buffer.read()
            continue
        path = Path(p)
        matches = [path] if path.exists() else [Path(m) for m in sorted(glob.glob(p, recursive=True))]
        if not matches:
            err.print(f"[red]error:[/red] no such file or folder: {p}")
            raise typer.Exit(2)
        for match in matches:
            if match.is_dir():
                for child in sorted(c for c in match.rglob("*") if c.is_file() and not c.name.startswith(".")):
                    yield str(child), child.read_bytes()
            else:
                yield str(match), match.read_bytes()


_JSONL_KEYS = ("text", "source", "format", "external_id", "received_at", "correlation_id")


def _entries(
    paths: list[str], source: str | None, fmt: str, jsonl: bool
) -> Iterator[tuple[str, dict[str, str | bytes]]]:
    """Producer entries: one per file, or one per line of JSON-lines input."""
    for name, data in _files(paths):
        if not jsonl:
            fields: dict[str, str | bytes] = {"text": data, "format": fmt}
            if source:
                fields["source"] = source
            yield name, fields
            continue
        for number, line in enumerate(data.splitlines(), 1):
            if not line.strip():
                continue
            try:
                obj = orjson.loads(line)
            except orjson.JSONDecodeError as exc:
                err.print(f"[red]error:[/red] {name}:{number}: not JSON: {exc}")
                raise typer.Exit(2) from exc
            if not isinstance(obj, dict) or not isinstance(obj.get("text"), str):
                err.print(f"[red]error:[/red] {name}:{number}: expected an object with a string 'text'")
                raise typer.Exit(2)
            fields = {k: str(obj[k]) for k in _JSONL_KEYS if obj.get(k) is not None}
            fields.setdefault("format", fmt)
            if source:
                fields.setdefault("source", source)
            yield f"{name}:{number}", fields


@app.command()
def version() -> None:
    """Print the wirestream version and build (compiled with mypyc, or pure Python)."""
    from services import build

    out.print(f"{__version__} ({build()})")


@app.command()
def push(
    paths: Annotated[list[str], typer.Argument(help="files, folders, globs, or - for stdin")],
    source: Annotated[str | None, typer.Option(help="provider name, e.g. tass")] = None,
    fmt: Annotated[str, typer.Option("--format", help="format hint: auto, text, anpa1312, ...")] = "auto",
    jsonl: Annotated[bool, typer.Option("--jsonl", help="each input line is a JSON object with 'text' etc.")] = False,
) -> None:
    """Push stories onto wire:raw: one entry per file, or per JSON line with --jsonl."""
    admin = _admin(_settings())
    items = list(_entries(paths, source, fmt, jsonl))
    started, size = time.monotonic(), 0
    with Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        TaskProgressColumn(),
        TimeRemainingColumn(),
        console=err,
        transient=True,
        disable=len(items) < 2,
    ) as progress:
        task = progress.add_task("pushing", total=len(items))
        for name, fields in items:
            entry_id = admin.push(fields)
            text = fields["text"]
            size += len(text) if isinstance(text, bytes) else len(text.encode())
            progress.advance(task)
            if len(items) < 2:
                err.print(f"pushed {name} as {entry_id}")
    elapsed = max(time.monotonic() - started, 1e-6)
    err.print(
        f"pushed {len(items)} stories ({size:,} bytes) to {admin.keys.raw} in {elapsed:.2f}s ({len(items) / elapsed:,.0f}/s)"
    )


def summary(event: dict[str, Any]) -> str:
    """A readable digest of an enriched event: headline, dateline, quotes, entities."""
    d = event.get("data", {})
    lines = [f"[bold]{d.get('headline') or '(no headline)'}[/bold]  [dim]{d.get('id')} v{d.get('version')}[/dim]"]
    if d.get("subheadline"):
        lines.append(f"  {d['subheadline']}")
    dl = d.get("dateline") or {}
    if dl:
        lines.append(f"  dateline: {dl.get('city')} / {dl.get('date') or dl.get('date_text')} / {dl.get('agency')}")
    lines.append(f"  format {d.get('format')}, language {d.get('language')}, {len(d.get('body', []))} blocks")
    for kind in ("person", "organisation", "place"):
        names = [e["name"] for e in d.get("entities", []) if e.get("type") == kind]
        if names:
            lines.append(f"  {kind}s: {', '.join(names)}")
    for q in d.get("quotes", [])[:5]:
        text = q["text"] if len(q["text"]) < 90 else q["text"][:87] + "..."
        lines.append(f"  “{text}” — {q.get('speaker') or 'unknown'}")
    if len(d.get("quotes", [])) > 5:
        lines.append(f"  ... {len(d['quotes']) - 5} more quotes")
    return "\n".join(lines)


def _print_event(event: dict[str, Any], as_json: bool, ninjs: bool) -> None:
    if ninjs:
        from services.publish.ninjs import to_ninjs

        sys.stdout.write(orjson.dumps(to_ninjs(event.get("data", {}))).decode() + "\n")
    elif as_json:
        sys.stdout.write(orjson.dumps(event).decode() + "\n")
    else:
        out.print(summary(event), highlight=False)
        out.print()
        return
    sys.stdout.flush()


@app.command()
def tail(
    as_json: Annotated[bool, typer.Option("--json", help="one CloudEvent JSON per line")] = False,
    ninjs: Annotated[bool, typer.Option("--ninjs", help="one IPTC ninjs 2.2 document per line")] = False,
    from_start: Annotated[bool, typer.Option("--from-start", help="begin at the oldest retained event")] = False,
    follow: Annotated[bool, typer.Option("--follow/--no-follow", help="keep waiting for new events")] = True,
    group: Annotated[str | None, typer.Option(help="read through this durable consumer group of your own")] = None,
    count: Annotated[int | None, typer.Option(help="stop after this many events")] = None,
    stream: Annotated[str, typer.Option(help="stream suffix to read")] = "enriched",
) -> None:
    """Follow wire:enriched (or another stage stream) and print each event.

    With --group, events are read through a consumer group you name and acknowledged once
    printed, so a restarted tail resumes where it stopped and trimming waits for it.
    """
    settings = _settings()
    admin = _admin(settings)
    key = admin.keys.stream(stream)
    if group:
        admin.ensure_group(key, group, "0" if from_start else "$")
    last = "0" if from_start else "$"
    seen = 0
    with contextlib.suppress(KeyboardInterrupt):
        while count is None or seen < count:
            wait = 1000 if follow else None
            rows = list(
                admin.read_group(key, group, settings.consumer, wait) if group else admin.follow(key, last, wait)
            )
            for entry_id, fields in rows:
                last, seen = entry_id, seen + 1
                _print_event(orjson.loads(fields.get(DATA_FIELD, b"{}")), as_json, ninjs)
                if group:
                    admin.ack(key, group, entry_id)
                if count is not None and seen >= count:
                    return
            if not rows and not follow:
                return


@app.command()
def process(
    paths: Annotated[list[str], typer.Argument(help="files, folders, or - for stdin")],
    source: Annotated[str | None, typer.Option(help="provider name")] = None,
    fmt: Annotated[str, typer.Option("--format", help="format hint")] = "auto",
    ninjs: Annotated[bool, typer.Option("--ninjs", help="print IPTC ninjs 2.2 instead of the CloudEvent")] = False,
) -> None:
    """Run all four stages in-process, no Redis: one enriched CloudEvent JSON line per input.

    Input that a worker would dead-letter prints its dead-letter event instead, and the
    command then exits 1.
    """
    from services.pipeline import run_offline

    settings = _settings()
    failed = 0
    for seq, (name, data) in enumerate(_files(paths)):
        fields: dict[bytes, bytes] = {b"text": data, b"format": fmt.encode()}
        if source:
            fields[b"source"] = source.encode()
        outcome = run_offline(fields, settings, seq)
        if outcome.kind == "out" and ninjs and outcome.event is not None:
            _print_event(outcome.event, as_json=True, ninjs=True)
        elif outcome.kind == "out":
            sys.stdout.write(outcome.payload.decode() + "\n")
        else:
            failed += 1
            if outcome.event is not None:
                sys.stdout.write(orjson.dumps(outcome.event).decode() + "\n")
            err.print(f"[red]{name}:[/red] {outcome.reason}")
    sys.stdout.flush()
    if failed:
        raise typer.Exit(1)


@app.command()
def run(
    stage: Annotated[str, typer.Argument(help="ingest, normalise, extract, publish, or all")],
) -> None:
    """Run a stage worker (or all four in one process) until SIGTERM or Ctrl-C."""
    # Until FastStream installs its own handlers, a SIGTERM (nothing is in hand yet) is a clean exit.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    from services.core.worker import serve
    from services.pipeline import load_stage

    if stage != "all" and stage not in STAGES:
        err.print(f"[red]error:[/red] unknown stage {stage!r}; use one of {', '.join(STAGES)} or all")
        raise typer.Exit(2)
    settings = _settings()
    stages = [load_stage(name) for name in (STAGES if stage == "all" else [stage])]
    with contextlib.suppress(KeyboardInterrupt):
        asyncio.run(serve(stages, settings))


def _dashboard(admin: Admin, settings: Settings) -> Group:
    streams = Table(title=f"wirestream streams ({settings.redis_url.rsplit('@', 1)[-1]}, prefix {settings.prefix})")
    for col in ("stream", "length", "group", "consumers", "lag", "pending"):
        streams.add_column(col, justify="left" if col in ("stream", "group") else "right")
    for row in admin.groups():
        streams.add_row(
            row.stream,
            f"{row.length:,}",
            row.group or "-",
            str(row.consumers) if row.group else "-",
            "-" if row.group is None else ("?" if row.lag is None else f"{row.lag:,}"),
            f"{row.pending:,}" if row.group else "-",
        )
    workers = Table(title="workers")
    for col in ("stage", "consumer", "version", "processed", "rate/s", "last batch"):
        workers.add_column(col, justify="right" if col in ("processed", "rate/s") else "left")
    now = time.time()
    order = {name: i for i, name in enumerate(STAGES)}
    beats = sorted(admin.heartbeats(), key=lambda b: (order.get(b["stage"], 9), b["consumer"]))
    for b in beats:
        ago = f"{now - b['last_batch_at']:.0f}s ago" if b.get("last_batch_at") else "never"
        workers.add_row(b["stage"], b["consumer"], b["version"], f"{b['processed']:,}", f"{b.get('rate', 0):,.1f}", ago)
    rates = "  ".join(f"{s} {sum(b.get('rate', 0) for b in beats if b['stage'] == s):,.1f}/s" for s in STAGES)
    dead = admin.length(admin.keys.dead)
    return Group(streams, workers, f"rates: {rates}", f"dead letters: {dead:,}")


@app.command()
def stats() -> None:
    """Stream lengths, group lag and pending, live workers, per-stage rates, dead letters."""
    settings = _settings()
    out.print(_dashboard(_admin(settings), settings))


@app.command()
def top(interval: Annotated[float, typer.Option(help="seconds between refreshes")] = 1.0) -> None:
    """`stats`, live: refreshed every second until Ctrl-C."""
    settings = _settings()
    admin = _admin(settings)
    with contextlib.suppress(KeyboardInterrupt), Live(_dashboard(admin, settings), console=out, screen=False) as live:
        while True:
            time.sleep(interval)
            live.update(_dashboard(admin, settings))


@app.command()
def health(
    stage: Annotated[list[str] | None, typer.Option(help="check only these stages")] = None,
    stuck_after: Annotated[
        float, typer.Option(help="seconds without progress, with a backlog, that count as stuck")
    ] = 120.0,
) -> None:
    """Exit 0 only when every stage has a live worker that is not stuck on a backlog."""
    settings = _settings()
    admin = _admin(settings)
    beats = admin.heartbeats()
    backlog = {(r.stream, r.group): (r.lag or 0) + r.pending for r in admin.groups()}
    problems = []
    now = time.time()
    for name in stage or list(STAGES):
        mine = [b for b in beats if b["stage"] == name]
        if not mine:
            problems.append(f"{name}: no live worker")
            continue
        waiting = backlog.get((admin.keys.input(name), group_of(name)), 0)
        freshest = max((b.get("last_batch_at") or b["at"]) for b in mine)
        if waiting and now - freshest > stuck_after:
            problems.append(f"{name}: {waiting} entries waiting and no progress for {now - freshest:.0f}s")
    if problems:
        for p in problems:
            err.print(f"[red]unhealthy[/red] {p}")
        raise typer.Exit(1)
    out.print("healthy: " + ", ".join(stage or list(STAGES)))


@dlq_app.command("list")
def dlq_list(
    count: Annotated[int, typer.Option(help="how many to show")] = 50,
    as_json: Annotated[bool, typer.Option("--json")] = False,
) -> None:
    """List dead letters, oldest first."""
    settings = _settings()
    admin = _admin(settings)
    rows = admin.events(admin.keys.dead, count=count)
    for entry_id, event in rows:
        if as_json:
            sys.stdout.write(orjson.dumps({"entry_id": entry_id, **event}).decode() + "\n")
            continue
        d = event.get("data", {})
        out.print(
            f"{entry_id}  [bold]{d.get('stage')}[/bold]  {d.get('error_type')}  "
            f"deliveries={d.get('deliveries')}  article={d.get('article_id')}\n    {d.get('reason')}",
            highlight=False,
        )
    if not rows and not as_json:
        out.print("no dead letters")


@dlq_app.command("replay")
def dlq_replay(
    entry_ids: Annotated[list[str] | None, typer.Argument(help="dead-letter entry ids")] = None,
    replay_all: Annotated[bool, typer.Option("--all", help="replay every dead letter")] = False,
) -> None:
    """Re-push dead letters to the input stream of the stage that failed them (same article id)."""
    if not entry_ids and not replay_all:
        err.print("[red]error:[/red] give dead-letter ids or --all")
        raise typer.Exit(2)
    admin = _admin(_settings())
    ids = [eid for eid, _f in admin.rows(admin.keys.dead)] if replay_all else list(entry_ids or [])
    replayed = 0
    for entry_id in ids:
        result = admin.replay(entry_id)
        if isinstance(result, str):
            err.print(f"skipping {entry_id}: {result}")
            continue
        replayed += 1
        out.print(f"replayed {entry_id} to {result[0]} as {result[1]}")
    out.print(f"{replayed} dead letters replayed")


@dlq_app.command("purge")
def dlq_purge(yes: Annotated[bool, typer.Option("--yes", help="do not ask")] = False) -> None:
    """Delete every dead letter."""
    admin = _admin(_settings())
    key = admin.keys.dead
    if not yes and not typer.confirm(f"delete {admin.length(key)} dead letters from {key}?"):
        raise typer.Exit(1)
    out.print(f"purged {admin.purge_dead()} dead letters")


@app.command()
def schemas(check: Annotated[bool, typer.Option(help="exit 1 if schemas/ differs from the models")] = False) -> None:
    """Regenerate the JSON Schemas and the AsyncAPI document in schemas/ from the models."""
    from services.core.asyncapi import ASYNCAPI_PATH, render_asyncapi, write_asyncapi
    from services.core.schemas import DATA_MODELS, SCHEMA_DIR, render, schema_path, write_all

    if check:
        stale = [
            schema_path(t)
            for t in DATA_MODELS
            if not schema_path(t).exists() or schema_path(t).read_bytes() != render(t)
        ]
        if not ASYNCAPI_PATH.exists() or ASYNCAPI_PATH.read_text() != render_asyncapi():
            stale.append(ASYNCAPI_PATH)
        for path in stale:
            err.print(f"stale: {path}")
        raise typer.Exit(1 if stale else 0)
    for path in [*write_all(SCHEMA_DIR), write_asyncapi()]:
        out.print(f"wrote {path}")


@app.command("eval")
def evaluate(
    directory: Annotated[Path, typer.Argument(help="folder of stories with NAME.expected.json beside each")],
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="list each story's misses")] = False,
) -> None:
    """Score extraction against hand-annotated stories: P/R/F1 per entity type, quotes, speakers."""
    from services.evaluate import main as run_eval

    if not directory.is_dir():
        err.print(f"[red]error:[/red] not a folder: {directory}")
        raise typer.Exit(2)
    raise typer.Exit(run_eval(directory, verbose=verbose))


def main() -> None:
    app()


if __name__ == "__main__":
    main()
