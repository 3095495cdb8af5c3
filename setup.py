"""Optional compiled build: ``WIRESTREAM_COMPILE=1`` compiles the text-analysis modules with mypyc.

Metadata and dependencies live in pyproject.toml; this file only adds the extension
modules. A plain ``pip install -e .`` (the development install) stays pure Python, so an
edit takes effect at once and tests may monkeypatch anything. The Docker image and
``make compiled`` (the build the pipeline benchmark measures) set the variable; they need
a C compiler, the Python headers, and mypy installed beside setuptools
(``pip install --no-build-isolation``). The same code runs either way: the modules are
``mypy --strict`` clean, and tests/integration/test_compiled.py checks that the compiled
normalise and extract stages give the same output as the pure ones.
"""

from __future__ import annotations

import os
from typing import Any

from setuptools import setup

# The per-article text work that dominates the pipeline's CPU time (benchmarks/stages.py).
COMPILED = [
    "services/extract/analyse.py",
    "services/extract/dates.py",
    "services/extract/entities.py",
    "services/extract/gazetteer.py",
    "services/extract/places.py",
    "services/extract/quantities.py",
    "services/extract/quotes.py",
    "services/extract/text.py",
    "services/core/text.py",
    "services/normalise/boilerplate.py",
    "services/normalise/datelines.py",
    "services/normalise/language.py",
    "services/normalise/formats/detect.py",
    "services/normalise/formats/text.py",
]


def ext_modules() -> list[Any]:
    if os.environ.get("WIRESTREAM_COMPILE", "").lower() not in ("1", "true", "yes"):
        return []
    from mypyc.build import mypycify  # noqa: PLC0415 (only the compiled build needs mypy)

    return mypycify(COMPILED, opt_level="3", debug_level="0")


setup(ext_modules=ext_modules())
