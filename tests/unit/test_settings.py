"""Settings come from WIRESTREAM_* once, are validated, and fail fast with a clear message."""

from __future__ import annotations

import pytest

from services.core.errors import ConfigError
from services.core.settings import load_settings


def test_defaults_match_the_design(monkeypatch: pytest.MonkeyPatch) -> None:
    """With no environment, the defaults are the ones DESIGN.md lists."""
    for key in ("REDIS_URL", "PREFIX", "MAX_DELIVERIES", "MAX_BYTES", "RETAIN", "MIN_IDLE_MS"):
        monkeypatch.delenv(f"WIRESTREAM_{key}", raising=False)
    s = load_settings()
    assert (s.redis_url, s.prefix, s.max_deliveries, s.max_bytes, s.retain, s.min_idle_ms) == (
        "redis://localhost:6379/0",
        "wire",
        5,
        1048576,
        1_000_000,
        60_000,
    )


def test_environment_is_read(monkeypatch: pytest.MonkeyPatch) -> None:
    """Each WIRESTREAM_* variable sets its field."""
    monkeypatch.setenv("WIRESTREAM_PREFIX", "staging")
    monkeypatch.setenv("WIRESTREAM_BATCH", "7")
    monkeypatch.setenv("WIRESTREAM_CONSUMER", "box-1")
    s = load_settings()
    assert (s.prefix, s.batch, s.consumer) == ("staging", 7, "box-1")


@pytest.mark.parametrize(
    ("var", "value", "named"),
    [
        ("WIRESTREAM_BATCH", "0", "WIRESTREAM_BATCH"),
        ("WIRESTREAM_BATCH", "lots", "WIRESTREAM_BATCH"),
        ("WIRESTREAM_REDIS_URL", "http://x", "WIRESTREAM_REDIS_URL"),
        ("WIRESTREAM_LOG_FORMAT", "xml", "WIRESTREAM_LOG_FORMAT"),
        ("WIRESTREAM_PREFIX", "has space", "WIRESTREAM_PREFIX"),
    ],
)
def test_bad_values_fail_fast_naming_the_variable(
    monkeypatch: pytest.MonkeyPatch, var: str, value: str, named: str
) -> None:
    """A bad value raises ConfigError whose message names the variable."""
    monkeypatch.setenv(var, value)
    with pytest.raises(ConfigError, match=named):
        load_settings()


def test_default_consumer_is_hostname_and_pid(monkeypatch: pytest.MonkeyPatch) -> None:
    """Copies of a worker get distinct consumer names by default (hostname-pid)."""
    import os
    import socket

    monkeypatch.delenv("WIRESTREAM_CONSUMER", raising=False)
    assert load_settings().consumer == f"{socket.gethostname()}-{os.getpid()}"
