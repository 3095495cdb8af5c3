"""The Redis ACL users of a deployment, generated from the key names in :mod:`services.core.streams`.

Every user but ``admin`` gets only the commands its job needs, each on only the keys it
needs (Redis 7 selectors tie a command to its keys). The shipped template
``services/core/redis/users.acl.template`` is this module's output with placeholders for
the key prefix and the password hashes; a test fails when the two differ, so the ACL cannot
drift from the code. Redis's container entrypoint (``services/core/redis/entrypoint.sh``)
and :func:`render_acl` fill the placeholders in the same way, with SHA-256 hashes: no
password is ever written to the ACL file, the repo or an image.

Regenerate the template with ``python -m services.core.acl --write``.
"""

from __future__ import annotations

import argparse
import hashlib
import re
import sys
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from services.core.streams import STAGES, Keys

TEMPLATE_PATH = Path(__file__).with_name("redis") / "users.acl.template"
PREFIX_PLACEHOLDER = "${WIRESTREAM_PREFIX}"
PREFIX_PATTERN = re.compile(r"^[A-Za-z0-9_.-]{1,64}$")  # as Settings.prefix: nothing glob-special
ADMIN, PRODUCER, CONSUMER = "admin", "producer", "consumer"
USERS: tuple[str, ...] = (ADMIN, *STAGES, PRODUCER, CONSUMER)

# What every client library sends on connecting (AUTH and HELLO are allowed to anyone anyway).
CONNECT = ("ping", "hello", "auth", "client|setname", "client|getname", "client|id")
# A stage worker on its input stream: FastStream's group reads, our group set-up, reclaim and trim.
GROUP_READ = ("xreadgroup", "xack", "xgroup|create", "xautoclaim", "xpending", "xinfo|groups", "xtrim", "xlen")
# Trimming a stream that others read (publish trims wire:enriched and wire:dead).
TRIM = ("xinfo|groups", "xpending", "xlen", "xtrim")
# `wirestream health` run as the worker's user (the compose health check): lengths, group
# state and heartbeats; metadata only, never an entry's content.
HEALTH_STREAMS = ("xlen", "xinfo|groups")
HEALTH_BEATS = ("get", "mget")
# Store.commit: redis-py sends EVALSHA, then SCRIPT LOAD when the script is not cached yet.
SCRIPT = ("evalsha", "eval")
# A consumer of wire:enriched reading with XREAD, or with its own consumer group.
CONSUME = (
    "xread", "xreadgroup", "xack", "xgroup|create", "xgroup|createconsumer", "xinfo|groups",
    "xinfo|stream", "xinfo|consumers", "xpending", "xautoclaim", "xclaim", "xrange", "xrevrange", "xlen",
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class Grant:
    """Some commands on some keys: one Redis 7 selector (or the user's root permissions).

    ``access`` narrows the key permission: "R" read only (``%R~``), "W" write only
    (``%W~``, e.g. XADD, which returns nothing of the stream), "" both (``~``).
    """

    commands: tuple[str, ...]
    keys: tuple[str, ...] = ()
    access: str = ""

    def rules(self) -> str:
        mark = f"%{self.access}~" if self.access else "~"
        return " ".join([*(f"{mark}{k}" for k in self.keys), *(f"+{c}" for c in self.commands)])


@dataclass(frozen=True, slots=True)
class User:
    name: str
    purpose: str
    root: tuple[str, ...]  # commands without keys
    grants: tuple[Grant, ...] = ()

    def line(self) -> str:
        head = f"user {self.name} on resetpass #{hash_placeholder(self.name)} resetkeys resetchannels -@all"
        parts = [head, *(f"+{c}" for c in self.root), *(f"({g.rules()})" for g in self.grants)]
        return " ".join(parts)


def password_variable(user: str) -> str:
    """The environment variable holding ``user``'s password: WIRESTREAM_INGEST_PASSWORD, ..."""
    return f"WIRESTREAM_{user.upper()}_PASSWORD"


def hash_placeholder(user: str) -> str:
    return "${" + password_variable(user) + "_SHA256}"


def family(keys: Keys, key: str) -> str:
    """The pattern of every key of ``key``'s kind: ``wire:published:a1:2`` gives ``wire:published:*``."""
    base = keys.raw.removesuffix(":raw")
    rest = key.removeprefix(base + ":")
    if rest == key or ":" not in rest:
        raise ValueError(f"{key!r} is not a {base}:<kind>:... key")
    return f"{base}:{rest.split(':', 1)[0]}:*"


# The state a stage keeps beside its streams, set by its commit script: guard keys (SET NX,
# GET) and, at publish, each story's versions (a hash, read before the commit too).
GUARD = ("set", "get")
STORY = ("hget", "hmget", "hset", "expire")


def state_grants(keys: Keys, stage: str) -> tuple[Grant, ...]:
    if stage == "ingest":
        return (Grant(GUARD, (family(keys, keys.dedupe("a")),)),)
    if stage == "publish":
        return (Grant(GUARD, (family(keys, keys.published("a", 1)),)), Grant(STORY, (family(keys, keys.story("a")),)))
    return ()


def stage_user(keys: Keys, stage: str) -> User:
    inp, out, dead = keys.input(stage), keys.output(stage), keys.dead
    state = state_grants(keys, stage)
    grants = [
        Grant(GROUP_READ, (inp,)),
        Grant(("xadd",), (out, dead), "W"),
        # EVAL(SHA) must name every key its script touches and needs read+write on each; the
        # script's own commands are then checked one by one against this user's other grants.
        Grant(SCRIPT, (inp, out, dead, *(k for g in state for k in g.keys))),
        *state,
    ]
    if stage == "publish":
        grants.append(Grant(TRIM, (keys.enriched, keys.dead)))
    grants += [
        Grant(("set", "del"), (keys.heartbeat(stage, "*"),), "W"),
        Grant(HEALTH_BEATS, (keys.heartbeat_pattern(),), "R"),
        Grant(HEALTH_STREAMS, tuple(keys.all_streams()), "R"),
    ]
    return User(
        stage,
        f"the {stage} worker: reads {inp} through group {stage}, writes {out} and {dead}",
        (*CONNECT, "script|load", "scan"),
        tuple(grants),
    )


def users(keys: Keys) -> list[User]:
    return [
        *(stage_user(keys, s) for s in STAGES),
        User(PRODUCER, f"pushes stories: XADD to {keys.raw}, nothing else", CONNECT,
             (Grant(("xadd",), (keys.raw,), "W"),)),
        User(CONSUMER, f"reads {keys.enriched}, with XREAD or with its own consumer groups", CONNECT,
             (Grant(CONSUME, (keys.enriched,)),)),
    ]  # fmt: skip


def build_template(prefix: str = PREFIX_PLACEHOLDER) -> str:
    """The ACL file with placeholders for the password hashes (and, by default, the prefix)."""
    keys = Keys(prefix)
    lines = [
        "# wirestream Redis users (Redis >= 7.0, selectors). Generated by services/core/acl.py from",
        "# services/core/streams.py: edit that, then run `python -m services.core.acl --write`.",
        "# ${...} placeholders are filled by services/core/redis/entrypoint.sh (or acl.render_acl)",
        "# with the key prefix and the SHA-256 of each password; comment lines are dropped then.",
        "#",
        "# default: no anonymous access.",
        "user default off resetpass resetkeys resetchannels -@all",
        "# admin: everything, for operators (FLUSHALL, CONFIG, KEYS, ACL ... are for this user only).",
        f"user {ADMIN} on resetpass #{hash_placeholder(ADMIN)} ~* &* +@all",
    ]
    for user in users(keys):
        lines += [f"# {user.name}: {user.purpose}.", user.line()]
    return "\n".join(lines) + "\n"


def password_hash(password: str) -> str:
    return hashlib.sha256(password.encode()).hexdigest()


def render_acl(template: str, passwords: Mapping[str, str], prefix: str = "wire") -> str:
    """Fill ``template`` with ``prefix`` and each user's password hash; comment lines are dropped.

    ``passwords`` maps user name (admin, ingest, ..., consumer) to its password; a missing or
    empty one, a placeholder left over, or a prefix with glob characters raises ValueError.
    """
    if not PREFIX_PATTERN.match(prefix):
        raise ValueError(f"prefix {prefix!r} must match {PREFIX_PATTERN.pattern}")
    missing = [u for u in USERS if not passwords.get(u)]
    if missing:
        raise ValueError("no password for " + ", ".join(f"{u} ({password_variable(u)})" for u in missing))
    out = template.replace(PREFIX_PLACEHOLDER, prefix)
    for user in USERS:
        out = out.replace(hash_placeholder(user), password_hash(passwords[user]))
    lines = [line for line in out.splitlines() if line.strip() and not line.startswith("#")]
    left = sorted({m for line in lines for m in re.findall(r"\$\{[A-Z0-9_]+\}", line)})
    if left:
        raise ValueError(f"unfilled placeholders in the ACL template: {', '.join(left)}")
    return "\n".join(lines) + "\n"


def main(argv: Iterable[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Print, write or check the Redis ACL template.")
    parser.add_argument("--write", action="store_true", help=f"write {TEMPLATE_PATH}")
    parser.add_argument("--check", action="store_true", help="exit 1 if the shipped template is stale")
    args = parser.parse_args(list(argv) if argv is not None else None)
    text = build_template()
    if args.check:
        stale = not TEMPLATE_PATH.exists() or TEMPLATE_PATH.read_text() != text
        if stale:
            print(f"stale: {TEMPLATE_PATH}; run python -m services.core.acl --write", file=sys.stderr)
        return 1 if stale else 0
    if args.write:
        TEMPLATE_PATH.parent.mkdir(parents=True, exist_ok=True)
        TEMPLATE_PATH.write_text(text)
        return 0
    sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
