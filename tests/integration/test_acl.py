"""The Redis ACL users on a real redis-server: each can do its job, and nothing more.

The server loads the shipped template, rendered with passwords made here, through
``--aclfile`` exactly as the compose Redis does; every test ends by checking that Redis
logged no denied command (ACL LOG), so a permission the code needs cannot go missing.
"""

from __future__ import annotations

import asyncio
import os
import secrets
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, cast

import orjson
import pytest
import redis
from redis.backoff import NoBackoff
from redis.exceptions import AuthenticationError, NoPermissionError, ResponseError
from redis.retry import Retry

from services.core.acl import TEMPLATE_PATH, USERS, build_template, password_variable, render_acl
from services.core.admin import Admin
from services.core.envelope import DATA_FIELD
from services.core.settings import load_settings
from services.core.stage import Entry
from services.core.store import Store, connect
from services.core.streams import STAGES, Keys
from services.core.worker import StageWorker
from services.localredis import NoRedisAvailable, RedisServer
from services.pipeline import load_stage, run_offline_until

REPO = Path(__file__).resolve().parents[2]
ENTRYPOINT = REPO / "services" / "core" / "redis" / "entrypoint.sh"
WIRESTREAM = str(Path(sys.executable).with_name("wirestream"))
KEYS = Keys()
StreamReply = list[tuple[bytes, list[tuple[bytes, dict[bytes, bytes]]]]]
STORY = (
    "MOSCOW, December 12. /TASS/. Kremlin spokesman Dmitry Peskov said on Monday that talks with "
    "Washington on Syria would go on. \u201cWe hope for progress soon,\u201d Peskov told reporters.\n\n"
    "He gave no date for the next round.\n"
)


def no_retry() -> Retry:
    """A refused login is final: redis-py would otherwise retry it with backoff for seconds."""
    return Retry(NoBackoff(), 0)


def make_passwords() -> dict[str, str]:
    return {user: secrets.token_hex(24) for user in USERS}


class AclRedis:
    """A redis-server running the rendered ACL file, with a URL and a client per user."""

    def __init__(self, server: RedisServer, passwords: dict[str, str], aclfile: Path) -> None:
        self.server, self.passwords, self.aclfile = server, passwords, aclfile

    def url(self, user: str) -> str:
        return f"redis://{user}:{self.passwords[user]}@127.0.0.1:{self.server.port}/0"

    def client(self, user: str) -> redis.Redis:
        return redis.Redis.from_url(self.url(user))

    def denied(self) -> list[str]:
        """What Redis refused since the last reset (ACL LOG), one line per denial."""
        with self.client("admin") as admin:
            log = admin.acl_log()
        return [f"{e['username']}: {e['context']} {e['object']} ({e['reason']})" for e in log]


def start_acl_redis(
    tmp: Path, *extra_args: str, probe_url: Callable[[RedisServer], str] | None = None, **client_kwargs: Any
) -> AclRedis:
    """Render the shipped template with fresh passwords and start redis-server with it as --aclfile."""
    passwords = make_passwords()
    aclfile = tmp / "users.acl"
    aclfile.write_text(render_acl(TEMPLATE_PATH.read_text(), passwords))

    def probe(server: RedisServer) -> redis.Redis:
        url = probe_url(server) if probe_url else f"redis://127.0.0.1:{server.port}/0"
        return redis.Redis.from_url(
            url, username="admin", password=passwords["admin"], socket_connect_timeout=0.5, **client_kwargs
        )

    # DEBUG is refused before the ACL is asked unless enabled: enable it so the test sees the ACL refuse it.
    args = extra_args or ("--port", "{port}", "--enable-debug-command", "yes")
    server = RedisServer(probe=probe)
    # The port comes first (the server picks it); redis-server takes the last --port it is given.
    server.extra_args = [a.format(port=server.port) for a in args] + ["--aclfile", str(aclfile)]
    try:
        server.start()
    except NoRedisAvailable as exc:
        server.cleanup()
        pytest.fail(str(exc))
    return AclRedis(server, passwords, aclfile)


@pytest.fixture(scope="module")
def acl_redis(tmp_path_factory: pytest.TempPathFactory) -> Iterator[AclRedis]:
    running = start_acl_redis(tmp_path_factory.mktemp("acl"))
    yield running
    running.server.cleanup()


@pytest.fixture
def acl(acl_redis: AclRedis) -> Iterator[AclRedis]:
    """The ACL server, emptied; the test fails if Redis denied any command it did not expect."""
    with acl_redis.client("admin") as admin:
        admin.flushall()
        admin.acl_log_reset()
    yield acl_redis


async def read_group(store: Store, group: str, consumer: str, stream: str) -> list[Entry]:
    """XREADGROUP as the store's user, as FastStream's subscriber does for a worker."""
    rows = cast(StreamReply, await store.client.xreadgroup(group, consumer, {stream: ">"}, count=10))
    return [Entry(eid.decode(), fields) for _name, entries in rows for eid, fields in entries]


def assert_nothing_denied(acl: AclRedis) -> None:
    denied = acl.denied()
    assert not denied, "Redis denied commands the code needs:\n" + "\n".join(denied)


# --- the template and its rendering -------------------------------------------------------


def test_template_is_generated_from_the_stream_names() -> None:
    """The shipped template is exactly what services/core/acl.py builds from services/core/streams.py."""
    assert TEMPLATE_PATH.read_text() == build_template(), "stale: run python -m services.core.acl --write"


def test_rendered_file_holds_hashes_not_passwords() -> None:
    """Rendering puts each password's SHA-256 in the file and never the password itself."""
    passwords = make_passwords()
    text = render_acl(TEMPLATE_PATH.read_text(), passwords)
    for user, password in passwords.items():
        assert password not in text
        assert f"user {user} on resetpass #" in text
    assert "user default off" in text
    assert "${" not in text and "\n#" not in text


def test_render_refuses_a_missing_password_or_a_glob_prefix() -> None:
    """A user without a password, or a prefix with glob characters, is an error naming the problem."""
    passwords = make_passwords()
    del passwords["producer"]
    with pytest.raises(ValueError, match=password_variable("producer")):
        render_acl(TEMPLATE_PATH.read_text(), passwords)
    with pytest.raises(ValueError, match="prefix"):
        render_acl(TEMPLATE_PATH.read_text(), make_passwords(), prefix="wire*")


def test_another_prefix_gets_its_own_keys() -> None:
    """With WIRESTREAM_PREFIX=news every key pattern names news:..., none wire:..."""
    text = render_acl(TEMPLATE_PATH.read_text(), make_passwords(), prefix="news")
    assert "~news:raw" in text and "%W~news:enriched" in text
    assert "wire:" not in text


def _entrypoint_env(passwords: dict[str, str], **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("WIRESTREAM_")}
    env.update({password_variable(u): p for u, p in passwords.items()}, **extra)
    return env


def test_entrypoint_renders_exactly_like_render_acl(tmp_path: Path) -> None:
    """The container's POSIX-sh entrypoint gives the same file as render_acl, also from secret files."""
    passwords = make_passwords()
    env = _entrypoint_env(passwords, WIRESTREAM_PREFIX="news")
    out = subprocess.run(["sh", str(ENTRYPOINT), "render"], env=env, capture_output=True, check=True, timeout=30)
    assert out.stdout.decode() == render_acl(TEMPLATE_PATH.read_text(), passwords, prefix="news")
    # The same with every password in a file, as compose secrets provide them.
    env = _entrypoint_env({})
    for user, password in passwords.items():
        (tmp_path / user).write_text(password + "\n")
        env[password_variable(user) + "_FILE"] = str(tmp_path / user)
    target = tmp_path / "users.acl"
    subprocess.run(["sh", str(ENTRYPOINT), "render", str(target)], env=env, capture_output=True, check=True, timeout=30)
    assert target.read_text() == render_acl(TEMPLATE_PATH.read_text(), passwords)
    assert target.stat().st_mode & 0o077 == 0, "the rendered ACL file must be private to its owner"


def test_entrypoint_fails_clearly_without_a_password() -> None:
    """A missing password stops Redis from starting, with a message naming the variable and `make secrets`."""
    passwords = make_passwords()
    del passwords["consumer"]
    out = subprocess.run(
        ["sh", str(ENTRYPOINT), "render"], env=_entrypoint_env(passwords), capture_output=True, check=False, timeout=30
    )
    assert out.returncode != 0
    assert b"WIRESTREAM_CONSUMER_PASSWORD" in out.stderr and b"make secrets" in out.stderr


def test_entrypoint_starts_redis_with_the_acl_file(tmp_path: Path) -> None:
    """`entrypoint.sh redis-server ...` renders the file and starts Redis with it; its health check passes."""
    passwords = make_passwords()
    port = RedisServer().port
    env = _entrypoint_env(
        passwords, WIRESTREAM_ACL_FILE=str(tmp_path / "run" / "users.acl"), WIRESTREAM_REDIS_PORT=str(port)
    )
    proc = subprocess.Popen(
        ["sh", str(ENTRYPOINT), "redis-server", "--port", str(port), "--bind", "127.0.0.1", "--save", "",
         "--dir", str(tmp_path)],
        env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
    )  # fmt: skip
    try:
        deadline = time.monotonic() + 10
        while True:
            check = subprocess.run(
                ["sh", str(ENTRYPOINT), "healthcheck"], env=env, capture_output=True, timeout=10, check=False
            )
            if check.returncode == 0:
                break
            assert proc.poll() is None, proc.stderr.read().decode() if proc.stderr else "redis-server exited"
            assert time.monotonic() < deadline, "the health check never passed"
            time.sleep(0.1)
        with redis.Redis(port=port, username="producer", password=passwords["producer"]) as producer:
            assert producer.xadd("wire:raw", {"text": "x"})
            with pytest.raises(NoPermissionError):
                producer.xrange("wire:raw")
        with redis.Redis(port=port, retry=no_retry()) as anonymous, pytest.raises(AuthenticationError):
            anonymous.ping()
    finally:
        proc.terminate()
        proc.wait(timeout=10)
        if proc.stderr:
            proc.stderr.close()


# --- what each user may do ---------------------------------------------------------------


def _input_fields(stage: str) -> tuple[dict[bytes, bytes], dict[bytes, bytes]]:
    """A valid entry for the stage's input stream and one it must dead-letter."""
    raw = {b"text": STORY.encode(), b"source": b"tass", b"external_id": b"tass-1"}  # a story: versioned at publish
    if stage == "ingest":
        return raw, {b"text": b"", b"source": b"tass"}
    previous = STAGES[STAGES.index(stage) - 1]
    outcome = run_offline_until(previous, raw, load_settings(consumer="offline"))
    assert outcome.kind == "out", outcome.reason
    return {DATA_FIELD: outcome.payload}, {DATA_FIELD: b"{not json"}


@pytest.mark.parametrize("stage", STAGES)
async def test_stage_user_runs_the_whole_worker_cycle(acl: AclRedis, stage: str) -> None:
    """As its own user a stage creates its group, reads, commits outputs and dead letters, reclaims,
    trims, beats and passes the health check's reads, and Redis denies none of it."""
    url = acl.url(stage)
    settings = load_settings(redis_url=url, consumer="w1", min_idle_ms=100, block_ms=50)
    store = Store(connect(url), KEYS)
    worker = StageWorker(load_stage(stage), settings, store)
    inp = KEYS.input(stage)
    good, bad = _input_fields(stage)
    with acl.client("admin") as admin:
        try:
            admin.xadd(inp, good)
            admin.xadd(inp, bad)
            await store.ensure_groups([stage])
            entries = await read_group(store, stage, "w1", inp)
            outcomes = await worker.process(entries)
            assert [o.kind for o in outcomes] == ["out", "dead"], [o.reason for o in outcomes]
            # The same story again, read by a consumer that dies: a live one reclaims it.
            admin.xadd(inp, good)
            await store.client.xreadgroup(stage, "gone", {inp: ">"}, count=10)
            await asyncio.sleep(0.2)
            assert await worker.reclaim_once() == 1
            await worker.heartbeat_once()
            await worker.trim_once()
            assert admin.xpending(inp, stage)["pending"] == 0
            assert admin.xlen(KEYS.output(stage)) >= 1
            assert admin.xlen(KEYS.dead) == 1
            health = Admin(url, KEYS)  # what `wirestream health` reads, as the compose check runs it
            try:
                assert [b["stage"] for b in health.heartbeats()] == [stage]
                assert any(r.group == stage for r in health.groups())
            finally:
                health.client.close()
            await store.client.delete(KEYS.heartbeat(stage, "w1"))  # as the worker does on shutdown
        finally:
            await store.client.aclose()
    assert_nothing_denied(acl)


def test_producer_pushes_to_raw(acl: AclRedis) -> None:
    """The producer pushes a story as `wirestream push` does (PING, then XADD to wire:raw)."""
    producer = Admin(acl.url("producer"), KEYS)
    try:
        producer.push({"text": STORY, "source": "tass"})
    finally:
        producer.client.close()
    with acl.client("admin") as admin:
        assert admin.xlen("wire:raw") == 1
    assert_nothing_denied(acl)


def test_consumer_reads_enriched_with_xread_and_its_own_group(acl: AclRedis) -> None:
    """The consumer follows wire:enriched with XREAD, and with a group it creates, reads and acks."""
    with acl.client("admin") as admin:
        first = admin.xadd("wire:enriched", {"__data__": "{}"})
    with acl.client("consumer") as consumer:
        assert consumer.xread({"wire:enriched": "0"}, count=10)[0][1][0][0] == first
        consumer.xgroup_create("wire:enriched", "my-app", id="0")
        got = consumer.xreadgroup("my-app", "me", {"wire:enriched": ">"}, count=10)
        assert consumer.xack("wire:enriched", "my-app", got[0][1][0][0]) == 1
        assert consumer.xpending("wire:enriched", "my-app")["pending"] == 0
        assert consumer.xinfo_groups("wire:enriched")[0]["name"] == b"my-app"
        consumer.xautoclaim("wire:enriched", "my-app", "me", min_idle_time=0)
        assert consumer.xrange("wire:enriched")[0][0] == first
    assert_nothing_denied(acl)


# --- what each user may not do -----------------------------------------------------------

ADMIN_ONLY: list[tuple[str, ...]] = [
    ("FLUSHALL",), ("FLUSHDB",), ("CONFIG", "GET", "*"), ("CONFIG", "SET", "appendonly", "no"), ("KEYS", "*"),
    ("DEBUG", "SLEEP", "0"), ("SHUTDOWN", "NOSAVE"), ("ACL", "LIST"), ("ACL", "SETUSER", "x", "on"),
    ("MODULE", "LIST"), ("SCRIPT", "FLUSH"), ("SCRIPT", "KILL"), ("CLIENT", "LIST"), ("CLIENT", "KILL", "ID", "1"),
    ("INFO",), ("SAVE",), ("BGREWRITEAOF",), ("REPLICAOF", "NO", "ONE"), ("SWAPDB", "0", "1"), ("SELECT", "1"),
    ("MONITOR",), ("PUBLISH", "wire:news", "x"), ("DEL", "wire:raw"), ("UNLINK", "wire:enriched"),
    ("RENAME", "wire:raw", "wire:x"), ("SET", "wire:x", "1"), ("FUNCTION", "FLUSH"),
]  # fmt: skip


def _stage_forbidden(stage: str) -> list[tuple[str, ...]]:
    """Another stage's streams, its own streams in the wrong direction, others' state, bypass by script."""
    out, inp = KEYS.output(stage), KEYS.input(stage)
    cases: list[tuple[str, ...]] = [("XADD", s, "*", "f", "v") for s in KEYS.all_streams() if s not in (out, KEYS.dead)]
    cases += [("XRANGE", s, "-", "+") for s in KEYS.all_streams()]
    cases += [
        ("XREAD", "STREAMS", out, "0"), ("XDEL", inp, "0-1"), ("XGROUP", "DESTROY", inp, stage),
        ("XGROUP", "SETID", inp, stage, "$"), ("XTRIM", out if stage != "publish" else KEYS.raw, "MAXLEN", "0"),
        ("SET", KEYS.heartbeat(next(s for s in STAGES if s != stage), "x"), "1"),
        # A script may only name the keys the commit script names, and runs with the caller's rights.
        ("EVAL", "return redis.call('XADD', KEYS[1], '*', 'f', 'v')", "1", KEYS.raw if stage != "ingest" else KEYS.enriched),
        ("EVAL", "return redis.call('XRANGE', KEYS[1], '-', '+')", "1", out),
        ("EVAL", "return redis.call('DEL', KEYS[1])", "1", inp),
    ]  # fmt: skip
    for other in STAGES:
        if other != stage:
            cases.append(("XREADGROUP", "GROUP", other, "c", "STREAMS", KEYS.input(other), ">"))
    if stage != "ingest":
        cases += [("SET", KEYS.dedupe("a"), "1"), ("GET", KEYS.dedupe("a"))]
    if stage != "publish":
        cases += [("SET", KEYS.published("a", 1), "1"), ("HSET", KEYS.story("a"), "latest", "9")]
    return cases


FORBIDDEN: list[tuple[str, tuple[str, ...]]] = [
    *((user, cmd) for user in USERS if user != "admin" for cmd in ADMIN_ONLY),
    *((stage, cmd) for stage in STAGES for cmd in _stage_forbidden(stage)),
    *(("producer", cmd) for cmd in [
        ("XADD", "wire:enriched", "*", "f", "v"), ("XADD", "wire:ingested", "*", "f", "v"), ("XRANGE", "wire:raw", "-", "+"),
        ("XREAD", "STREAMS", "wire:raw", "0"), ("XLEN", "wire:raw"), ("XDEL", "wire:raw", "0-1"),
        ("XTRIM", "wire:raw", "MAXLEN", "0"), ("XGROUP", "CREATE", "wire:raw", "g", "0"), ("SCAN", "0"),
        ("EVAL", "return 1", "0"),
    ]),
    *(("consumer", cmd) for cmd in [
        ("XREAD", "STREAMS", "wire:raw", "0"), ("XRANGE", "wire:raw", "-", "+"), ("XRANGE", "wire:dead", "-", "+"),
        ("XREADGROUP", "GROUP", "ingest", "c", "STREAMS", "wire:raw", ">"), ("XADD", "wire:enriched", "*", "f", "v"),
        ("XADD", "wire:raw", "*", "f", "v"), ("XDEL", "wire:enriched", "0-1"), ("XTRIM", "wire:enriched", "MAXLEN", "0"),
        ("XGROUP", "DESTROY", "wire:enriched", "reader"), ("XGROUP", "SETID", "wire:enriched", "reader", "0"),
        ("SCAN", "0"), ("GET", "wire:heartbeat:ingest:x"), ("EVAL", "return 1", "0"),
    ]),
]  # fmt: skip


def test_users_may_not_step_outside_their_job(acl: AclRedis) -> None:
    """Every command outside a user's job (admin commands, other stages' keys, wrong direction,
    a script reaching past the user's rights) is refused by the ACL, as ACL LOG records."""
    wrong = []
    with acl.client("admin") as admin:
        for user in USERS:
            cases = [cmd for u, cmd in FORBIDDEN if u == user]
            if not cases:
                continue
            with acl.client(user) as client:
                for cmd in cases:
                    admin.acl_log_reset()
                    try:
                        client.execute_command(*cmd)
                    except ResponseError as exc:
                        # NOPERM, or a script error wrapping the denial of a command it ran.
                        if not admin.acl_log():
                            wrong.append(f"{user}: {' '.join(cmd)} failed, but not for want of permission: {exc}")
                        continue
                    wrong.append(f"{user}: {' '.join(cmd)} was allowed")
        admin.acl_log_reset()
    assert not wrong, "\n".join(wrong)


def test_admin_may_run_admin_commands(acl: AclRedis) -> None:
    """The admin user keeps FLUSHALL, CONFIG and KEYS."""
    with acl.client("admin") as admin:
        assert admin.config_get("appendonly")
        assert admin.keys("*") == []
        assert admin.flushall()


def test_no_anonymous_access_and_no_wrong_password(acl: AclRedis) -> None:
    """The default user is off and a wrong password is refused."""
    port = acl.server.port
    with redis.Redis(port=port, retry=no_retry()) as anonymous, pytest.raises(AuthenticationError):
        anonymous.ping()
    with (
        redis.Redis(port=port, username="default", password="", retry=no_retry()) as default,
        pytest.raises(AuthenticationError),
    ):
        default.ping()
    with (
        redis.Redis(port=port, username="ingest", password=acl.passwords["publish"], retry=no_retry()) as wrong,
        pytest.raises(AuthenticationError),
    ):
        wrong.ping()


# --- the whole pipeline, one user per process ---------------------------------------------


def _env(url: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("WIRESTREAM_")}
    return {**env, "WIRESTREAM_REDIS_URL": url, "WIRESTREAM_LOG_FORMAT": "json", "WIRESTREAM_BATCH": "50"}


def test_pipeline_runs_end_to_end_with_one_user_per_process(acl: AclRedis, tmp_path: Path) -> None:
    """Four `wirestream run STAGE` processes, each as its own user; the producer pushes with
    `wirestream push`, the consumer reads with its own group and `wirestream tail`; nothing is denied."""
    with acl.client("consumer") as consumer:
        consumer.xgroup_create("wire:enriched", "my-app", id="0", mkstream=True)
    procs: list[subprocess.Popen[bytes]] = []
    logs = []
    try:
        for stage in STAGES:
            log = tmp_path / f"{stage}.log"
            logs.append(log)
            with log.open("wb") as f:
                procs.append(subprocess.Popen([WIRESTREAM, "run", stage], env=_env(acl.url(stage)), stdout=f, stderr=f))
        pushed = subprocess.run(
            [WIRESTREAM, "push", "--source", "tass", "-"],
            input=STORY.encode(),
            env=_env(acl.url("producer")),
            capture_output=True,
            timeout=30,
            check=False,
        )
        assert pushed.returncode == 0, pushed.stderr.decode()
        deadline = time.monotonic() + 25
        events: list[dict[str, Any]] = []
        with acl.client("consumer") as consumer:
            while not events:
                assert time.monotonic() < deadline, "no enriched event; workers said:\n" + "\n".join(
                    p.read_text()[-1500:] for p in logs
                )
                for _name, entries in consumer.xreadgroup("my-app", "me", {"wire:enriched": ">"}, count=10, block=500):
                    for eid, fields in entries:
                        events.append(orjson.loads(fields[DATA_FIELD]))
                        consumer.xack("wire:enriched", "my-app", eid)
        assert events[0]["type"] == "wirestream.article.enriched.v1"
        assert events[0]["data"]["dateline"]["agency"] == "TASS"
        tail = subprocess.run(
            [WIRESTREAM, "tail", "--json", "--from-start", "--no-follow"],
            env=_env(acl.url("consumer")),
            capture_output=True,
            timeout=30,
            check=False,
        )
        assert tail.returncode == 0, tail.stderr.decode()
        assert orjson.loads(tail.stdout.splitlines()[0])["id"] == events[0]["id"]
        health = subprocess.run(
            [WIRESTREAM, "health"], env=_env(acl.url("ingest")), capture_output=True, timeout=30, check=False
        )
        assert health.returncode == 0, health.stdout.decode() + health.stderr.decode()
    finally:
        for p in procs:
            if p.poll() is None:
                p.send_signal(signal.SIGTERM)
        codes = []
        for p in procs:
            try:
                codes.append(p.wait(timeout=15))
            except subprocess.TimeoutExpired:
                p.kill()
                codes.append(p.wait())
    assert codes == [0, 0, 0, 0], "\n".join(p.read_text()[-1500:] for p in logs)
    with acl.client("admin") as admin:
        assert admin.keys("wire:heartbeat:*") == [], "each worker removes its heartbeat on the way out"
    assert_nothing_denied(acl)
