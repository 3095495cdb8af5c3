"""`rediss://` URLs on a real TLS-only redis-server, with a CA and server certificate made here.

The server also loads the shipped ACL file, so this is the production shape: TLS plus one
user per process. The CA file reaches redis-py (and so Store, Admin and FastStream's broker)
through the URL: ``rediss://user:password@host:port/0?ssl_ca_certs=/path/ca.pem``.
"""

from __future__ import annotations

import signal
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

import pytest
import redis
import trustme

from services.core.admin import Admin
from services.core.errors import TransientError
from services.core.settings import load_settings
from services.core.store import Store, connect
from services.core.streams import Keys
from services.core.worker import StageWorker
from services.ingest.logic import STAGE as INGEST
from tests.integration.test_acl import STORY, WIRESTREAM, AclRedis, _env, read_group, start_acl_redis

KEYS = Keys()


class TlsRedis:
    def __init__(self, acl: AclRedis, ca: Path) -> None:
        self.acl, self.ca = acl, ca

    def url(self, user: str, ca: Path | None = None) -> str:
        query = f"?ssl_ca_certs={quote(str(ca or self.ca))}"
        return f"rediss://{user}:{self.acl.passwords[user]}@127.0.0.1:{self.acl.server.port}/0{query}"

    def client(self, user: str) -> redis.Redis:
        return redis.Redis.from_url(self.url(user))


@pytest.fixture(scope="module")
def tls(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TlsRedis]:
    folder = tmp_path_factory.mktemp("tls")
    ca = trustme.CA()
    cert = ca.issue_cert("127.0.0.1", "localhost")
    ca.cert_pem.write_to_path(str(folder / "ca.pem"))
    cert.private_key_pem.write_to_path(str(folder / "server.key"))
    cert.cert_chain_pems[0].write_to_path(str(folder / "server.crt"))
    ca_path = folder / "ca.pem"
    running = start_acl_redis(
        folder,
        "--port", "0", "--tls-port", "{port}",
        "--tls-cert-file", str(folder / "server.crt"), "--tls-key-file", str(folder / "server.key"),
        "--tls-ca-cert-file", str(ca_path), "--tls-auth-clients", "no",
        probe_url=lambda s: f"rediss://127.0.0.1:{s.port}/0?ssl_ca_certs={quote(str(ca_path))}",
    )  # fmt: skip
    yield TlsRedis(running, ca_path)
    running.server.cleanup()


@pytest.fixture
def clean(tls: TlsRedis) -> Iterator[TlsRedis]:
    with tls.client("admin") as admin:
        admin.flushall()
    yield tls


def test_settings_accept_a_rediss_url_with_its_ca(tls: TlsRedis) -> None:
    """WIRESTREAM_REDIS_URL may be rediss:// with the CA file as a query parameter."""
    assert load_settings(redis_url=tls.url("ingest")).redis_url.startswith("rediss://ingest:")


def test_the_server_speaks_only_tls_and_checks_the_certificate(tls: TlsRedis, tmp_path: Path) -> None:
    """A plain redis:// connection to the port fails, and so does rediss:// trusting another CA."""
    plain = f"redis://admin:{tls.acl.passwords['admin']}@127.0.0.1:{tls.acl.server.port}/0"
    with (
        redis.Redis.from_url(plain, socket_connect_timeout=2, socket_timeout=2) as client,
        pytest.raises(redis.ConnectionError),
    ):
        client.ping()
    other = tmp_path / "other-ca.pem"
    trustme.CA().cert_pem.write_to_path(str(other))
    with (
        redis.Redis.from_url(tls.url("admin", ca=other)) as client,
        pytest.raises(redis.ConnectionError, match="certificate verify failed"),
    ):
        client.ping()


async def test_store_and_worker_hand_off_over_tls(clean: TlsRedis) -> None:
    """Store over rediss:// as the ingest user: groups, read, atomic commit of an output and a dead letter."""
    url = clean.url("ingest")
    store = Store(connect(url), KEYS)
    try:
        with clean.client("producer") as producer:
            producer.xadd(KEYS.raw, {"text": STORY, "source": "tass"})
            producer.xadd(KEYS.raw, {"text": ""})
        await store.ensure_groups(["ingest"])
        entries = await read_group(store, "ingest", "w1", KEYS.raw)
        worker = StageWorker(INGEST, load_settings(redis_url=url, consumer="w1"), store)
        assert [o.kind for o in await worker.process(entries)] == ["out", "dead"]
        await worker.heartbeat_once()
    finally:
        await store.client.aclose()
    with clean.client("admin") as admin:
        assert admin.xlen(KEYS.output("ingest")) == 1
        assert admin.xlen(KEYS.dead) == 1
        assert admin.xpending(KEYS.raw, "ingest")["pending"] == 0


def test_admin_pushes_and_reads_over_tls(clean: TlsRedis) -> None:
    """Admin (the CLI's client) over rediss://: the producer pushes, the admin reads stats."""
    producer = Admin(clean.url("producer"), KEYS)
    admin = Admin(clean.url("admin"), KEYS)
    try:
        entry_id = producer.push({"text": STORY})
        assert admin.length(KEYS.raw) == 1
        assert admin.rows(KEYS.raw)[0][0] == entry_id
        assert {r.stream for r in admin.groups()} == set(KEYS.all_streams())
    finally:
        producer.client.close()
        admin.client.close()


def test_admin_reports_a_tls_failure_clearly(tls: TlsRedis, tmp_path: Path) -> None:
    """A CA that does not match is a clear start-up error from the CLI's client, not a hang."""
    other = tmp_path / "other-ca.pem"
    trustme.CA().cert_pem.write_to_path(str(other))
    with pytest.raises(TransientError, match="certificate verify failed"):
        Admin(tls.url("admin", ca=other), KEYS)


def test_worker_process_and_cli_over_tls(clean: TlsRedis, tmp_path: Path) -> None:
    """`wirestream push` and `wirestream run ingest` (FastStream's broker and our Store) work over rediss://."""
    log = tmp_path / "ingest.log"
    with log.open("wb") as f:
        proc = subprocess.Popen([WIRESTREAM, "run", "ingest"], env=_env(clean.url("ingest")), stdout=f, stderr=f)
    try:
        pushed = subprocess.run(
            [WIRESTREAM, "push", "--source", "tass", "-"],
            input=STORY.encode(),
            env=_env(clean.url("producer")),
            capture_output=True,
            timeout=30,
            check=False,
        )
        assert pushed.returncode == 0, pushed.stderr.decode()
        deadline = time.monotonic() + 20
        with clean.client("admin") as admin:
            while admin.xlen(KEYS.output("ingest")) < 1:
                assert proc.poll() is None, log.read_text()[-2000:]
                assert time.monotonic() < deadline, "no hand-off over TLS; the worker said:\n" + log.read_text()[-2000:]
                time.sleep(0.1)
            assert admin.xpending(KEYS.raw, "ingest")["pending"] == 0
    finally:
        if proc.poll() is None:
            proc.send_signal(signal.SIGTERM)
        try:
            code = proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
            code = proc.wait()
    assert code == 0, log.read_text()[-2000:]
