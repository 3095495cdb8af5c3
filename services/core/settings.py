"""One settings object, read once from the WIRESTREAM_* environment and validated."""

from __future__ import annotations

import os
import socket
from functools import lru_cache
from typing import Literal

from pydantic import Field, ValidationError, field_validator, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from services.core.errors import ConfigError


def _default_consumer() -> str:
    return f"{socket.gethostname()}-{os.getpid()}"


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="WIRESTREAM_", extra="ignore", frozen=True)

    redis_url: str = "redis://localhost:6379/0"
    prefix: str = Field("wire", pattern=r"^[A-Za-z0-9_.-]{1,64}$")
    consumer: str = Field(default_factory=_default_consumer, min_length=1, max_length=200)
    batch: int = Field(100, ge=1, le=10_000)
    min_idle_ms: int = Field(60_000, ge=100)
    max_deliveries: int = Field(5, ge=1, le=1000)
    max_bytes: int = Field(1024 * 1024, ge=1)
    dedupe_ttl: int = Field(86_400, ge=1, description="seconds an exact duplicate is remembered")
    retain: int = Field(1_000_000, ge=1)
    metrics_port: int | None = Field(None, ge=0, le=65535)
    log_format: Literal["auto", "json", "console"] = "auto"
    block_ms: int = Field(1000, ge=1, le=60_000, description="how long one read waits for entries")
    ner_model: str | None = Field(None, description="optional spaCy pipeline (package or path) for extract")

    @field_validator("redis_url")
    @classmethod
    def _redis_scheme(cls, value: str) -> str:
        if not value.startswith(("redis://", "rediss://", "unix://")):
            raise ValueError("must start with redis://, rediss:// or unix://")
        return value

    @field_validator("metrics_port", "ner_model", mode="before")
    @classmethod
    def _empty_is_unset(cls, value: object) -> object:
        return None if isinstance(value, str) and not value.strip() else value

    @model_validator(mode="after")
    def _idle_exceeds_block(self) -> Settings:
        if self.min_idle_ms <= self.block_ms:
            raise ValueError("WIRESTREAM_MIN_IDLE_MS must exceed WIRESTREAM_BLOCK_MS")
        return self


def load_settings(**overrides: object) -> Settings:
    """Build settings from the environment; a bad value raises ConfigError naming the variable."""
    try:
        return Settings(**overrides)  # type: ignore[arg-type]
    except ValidationError as exc:
        problems = "; ".join(
            f"WIRESTREAM_{'_'.join(str(p) for p in err['loc']).upper() or '?'}: {err['msg']}" for err in exc.errors()
        )
        raise ConfigError(f"invalid settings: {problems}") from exc


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    return load_settings()
