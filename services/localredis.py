"""A private, throw-away Redis for the demo and the tests.

Order of preference: a ``redis-server`` binary on PATH started on a free port, else a
testcontainers Redis where Docker runs, else a clear error saying how to get one.
"""

from __future__ import annotations

import contextlib
import shutil
import socket
import subprocess
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import redis


class NoRedisAvailable(RuntimeError):
    pass


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


class RedisServer:
    """A redis-server process on a free loopback port, in its own temporary directory."""

    def __init__(
        self,
        *extra_args: str,
        port: int | None = None,
        appendonly: bool = False,
        probe: Callable[[RedisServer], redis.Redis] | None = None,
    ) -> None:
        binary = shutil.which("redis-server")
        if binary is None:
            raise NoRedisAvailable("redis-server is not on PATH")
        self.binary = binary
        self.port = port or free_port()
        self.dir = Path(tempfile.mkdtemp(prefix="wirestream-redis-"))
        self.extra_args = list(extra_args)
        self.appendonly = appendonly
        self.proc: subprocess.Popen[bytes] | None = None
        # How to tell it is up: by default an unauthenticated PING on the plain port; a server
        # with its default user off, or TLS only, needs a client of its own.
        self.probe = probe or (lambda s: redis.Redis(host="127.0.0.1", port=s.port, socket_connect_timeout=0.5))

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self, timeout: float = 10.0) -> RedisServer:
        args = [
            self.binary,
            "--port",
            str(self.port),
            "--bind",
            "127.0.0.1",
            "--dir",
            str(self.dir),
            "--save",
            "",
            "--appendonly",
            "yes" if self.appendonly else "no",
            "--daemonize",
            "no",
            "--loglevel",
            "warning",
            *self.extra_args,
        ]
        self.proc = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                err = self.proc.stderr.read().decode() if self.proc.stderr else ""
                raise NoRedisAvailable(f"redis-server exited at start: {err.strip()}")
            with contextlib.suppress(redis.RedisError, OSError):
                client = self.probe(self)
                try:
                    if client.ping():
                        return self
                finally:
                    client.close()
            time.sleep(0.05)
        self.stop()
        raise NoRedisAvailable(f"redis-server did not answer on port {self.port} within {timeout}s")

    def stop(self, kill: bool = False) -> None:
        if self.proc is None:
            return
        if self.proc.poll() is None:
            if kill:
                self.proc.kill()
            else:
                self.proc.terminate()
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        if self.proc.stderr:
            self.proc.stderr.close()
        self.proc = None

    def cleanup(self) -> None:
        self.stop()
        shutil.rmtree(self.dir, ignore_errors=True)


@contextlib.contextmanager
def private_redis() -> Iterator[str]:
    """Yield the URL of a private Redis and stop it afterwards."""
    try:
        server = RedisServer().start()
    except NoRedisAvailable as first:
        try:
            from testcontainers.redis import RedisContainer  # noqa: PLC0415 - only when no redis-server
        except ImportError:  # pragma: no cover - testcontainers is a dev dependency
            raise NoRedisAvailable(_HOW_TO) from first
        try:
            container = RedisContainer("redis:7-alpine").start()
        except Exception as exc:
            raise NoRedisAvailable(_HOW_TO) from exc
        try:
            host, port = container.get_container_host_ip(), container.get_exposed_port(6379)
            yield f"redis://{host}:{port}/0"
        finally:
            container.stop()
        return
    try:
        yield server.url
    finally:
        server.cleanup()


_HOW_TO = (
    "No Redis to run on: install redis-server (Debian/Ubuntu: `sudo apt-get install redis-server`; "
    "macOS: `brew install redis`), or start Docker so testcontainers can run one, "
    "or point WIRESTREAM_REDIS_URL / WIRESTREAM_TEST_REDIS_URL at a Redis you own."
)
