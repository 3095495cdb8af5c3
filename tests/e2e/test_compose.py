"""docker-compose.yml is valid and runs what the README says, from one image."""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest
import yaml

REPO = Path(__file__).resolve().parents[2]
ACL_USERS = ("admin", "ingest", "normalise", "extract", "publish", "producer", "consumer")
# Stand-ins for what `make secrets` writes to .env; compose refuses to start without them.
PASSWORDS = {f"WIRESTREAM_{u.upper()}_PASSWORD": f"test-{u}-password-0123456789" for u in ACL_USERS}


def _compose(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[bytes]:
    binary = shutil.which("docker-compose")
    if binary is None:
        if os.environ.get("CI"):
            pytest.fail("docker-compose is missing in CI: .ci/run installs Debian's docker-compose")
        pytest.skip("docker-compose (Debian package) not installed")
    clean = {k: v for k, v in os.environ.items() if not k.startswith("WIRESTREAM_")}
    # An empty --env-file: a developer's own .env must not make these tests pass or fail.
    with tempfile.TemporaryDirectory() as tmp:
        empty = Path(tmp) / "empty.env"
        empty.touch()
        return subprocess.run(
            [binary, "--env-file", str(empty), *args],
            cwd=REPO,
            capture_output=True,
            timeout=60,
            check=False,
            env={**clean, **(PASSWORDS if env is None else env)},
        )


def _config() -> dict:  # type: ignore[type-arg]
    result = _compose("config")
    assert result.returncode == 0, result.stderr.decode()
    config: dict = yaml.safe_load(result.stdout)  # type: ignore[type-arg]
    return config


def test_compose_file_is_accepted_and_runs_one_worker_per_stage() -> None:
    """`docker-compose config` accepts the file; each stage service runs `wirestream run STAGE`."""
    services = _config()["services"]
    for stage in ("ingest", "normalise", "extract", "publish"):
        svc = services[stage]
        assert svc["command"] == ["run", stage]
        assert svc["depends_on"]["redis"]["condition"] == "service_healthy"
        assert "wirestream" in svc["healthcheck"]["test"]
        assert svc["image"] == "wirestream:latest"
    assert "cli" in services["cli"]["profiles"]


def test_redis_has_aof_and_a_health_check() -> None:
    """Redis runs with appendonly and is health-checked."""
    redis = _config()["services"]["redis"]
    command = " ".join(redis["command"])
    assert "--appendonly yes" in command
    assert "--appendfsync everysec" in command
    assert redis["healthcheck"]["test"]


def test_each_process_logs_in_as_its_own_acl_user() -> None:
    """Each stage worker's URL names its own Redis user and password; the CLI is the admin."""
    services = _config()["services"]
    for stage in ("ingest", "normalise", "extract", "publish"):
        env = services[stage]["environment"]
        password = PASSWORDS[f"WIRESTREAM_{stage.upper()}_PASSWORD"]
        assert env["WIRESTREAM_REDIS_URL"] == f"redis://{stage}:{password}@redis:6379/0"
        assert env["WIRESTREAM_PREFIX"] == "wire" and env["WIRESTREAM_LOG_FORMAT"] == "json"
    assert services["cli"]["environment"]["WIRESTREAM_REDIS_URL"].startswith("redis://admin:")


def test_redis_loads_the_repo_acl_file_and_checks_health_as_a_user() -> None:
    """Redis starts through the ACL entrypoint with the repo's template mounted and every password set."""
    redis = _config()["services"]["redis"]
    assert redis["entrypoint"] == ["/bin/sh", "/etc/wirestream/redis/entrypoint.sh"]
    assert redis["command"][0] == "redis-server"
    mounts = [str(v) for v in redis["volumes"]]
    assert any("services/core/redis" in m and "/etc/wirestream/redis" in m for m in mounts), mounts
    assert (REPO / "services/core/redis/entrypoint.sh").is_file()
    assert (REPO / "services/core/redis/users.acl.template").is_file()
    assert redis["healthcheck"]["test"][-1] == "healthcheck"
    for name, value in PASSWORDS.items():
        assert redis["environment"][name] == value


@pytest.mark.parametrize("missing", sorted(PASSWORDS))
def test_compose_refuses_to_start_without_a_password(missing: str) -> None:
    """With one password unset, `docker-compose config` fails and its message names the variable."""
    result = _compose("config", "-q", env={k: v for k, v in PASSWORDS.items() if k != missing})
    assert result.returncode != 0
    message = result.stderr.decode()
    assert f"{missing} is not set" in message and "make secrets" in message


def test_no_password_in_the_repo_files_or_the_image() -> None:
    """The compose file, Dockerfile and ACL template hold only placeholders, never a password value."""
    for path in ("docker-compose.yml", "Dockerfile", "services/core/redis/users.acl.template"):
        text = (REPO / path).read_text()
        assert ">" not in "".join(line for line in text.splitlines() if line.startswith("user ")), path
    template = (REPO / "services/core/redis/users.acl.template").read_text()
    assert all(f"#${{WIRESTREAM_{u.upper()}_PASSWORD_SHA256}}" in template for u in ACL_USERS)
    assert "PASSWORD" not in (REPO / "Dockerfile").read_text()
