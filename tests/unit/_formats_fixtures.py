"""Reads the invented wire stories under tests/fixtures/formats/ as ingest would decode them."""

from __future__ import annotations

from pathlib import Path

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "formats"


def fixture(name: str) -> str:
    data = (FIXTURES / name).read_bytes()
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252")
