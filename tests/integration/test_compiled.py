"""The compiled build (setup.py, WIRESTREAM_COMPILE=1, mypyc) gives the pure build's output.

The Docker image and the benchmark run the compiled normalise and extract modules while the
other tests run the pure ones, so this test builds them from a copy of the tree and compares
the two on every evaluation story, a slice of the benchmark corpus and the shared agency
samples, field by field.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Sequence
from importlib.machinery import EXTENSION_SUFFIXES
from pathlib import Path
from typing import Any

import orjson
import pytest
from pydantic import BaseModel

from benchmarks.corpus import corpus
from services.core.envelope import decode
from services.core.models import IngestedArticle, NormalisedArticle
from services.core.settings import load_settings
from services.evaluate import story_files
from services.extract.analyse import analyse
from services.normalise.logic import normalise
from services.pipeline import run_offline_until

ROOT = Path(__file__).resolve().parents[2]
EVAL_DIR = ROOT / "tests" / "eval"

if shutil.which(os.environ.get("CC", "cc")) is None and not os.environ.get("CI"):
    pytest.skip("no C compiler for the mypyc build; CI has one", allow_module_level=True)

# Run with the compiled tree first on sys.path: analyse each normalised article given on stdin.
CHILD = """
import sys, orjson
from services import build
from services.core.models import IngestedArticle, NormalisedArticle
from services.extract.analyse import analyse
from services.normalise.logic import normalise
assert build() == "compiled", build()
for line in sys.stdin.buffer:
    a = analyse(NormalisedArticle.model_validate_json(line))
    sys.stdout.buffer.write(orjson.dumps([[x.model_dump(mode="json", by_alias=True) for x in xs]
        for xs in (a.entities, a.quotes, a.dates, a.quantities)] + [a.dateline_date]) + b"\\n")
"""


# The same for normalise: each ingested article given on stdin, or the error it raises.
CHILD_NORMALISE = """
import sys, orjson
from services import build
from services.core.models import IngestedArticle
from services.normalise.logic import normalise
assert build() == "compiled", build()
for line in sys.stdin.buffer:
    try:
        out = normalise(IngestedArticle.model_validate_json(line)).model_dump(mode="json", by_alias=True)
    except Exception as exc:
        out = {"error": type(exc).__name__, "message": str(exc)}
    sys.stdout.buffer.write(orjson.dumps(out) + b"\\n")
"""


def _ingested() -> list[IngestedArticle]:
    """Evaluation stories, benchmark stories and the shared agency samples, through ingest."""
    settings = load_settings(consumer="test", log_format="json")
    raw: list[dict[bytes, bytes]] = []
    for story, _expected in story_files(EVAL_DIR):
        raw.append({b"text": story.read_bytes()})
    raw += [{b"text": text.encode(), b"source": agency.encode()} for text, agency in corpus(300)]
    samples = Path(os.environ.get("WIRESTREAM_SAMPLES", ROOT.parent / "shared" / "wire-samples"))
    if samples.is_dir():
        raw += [{b"text": p.read_bytes()} for p in sorted(samples.rglob("*")) if p.is_file() and p.suffix != ".md"]
    out = []
    for i, fields in enumerate(raw):
        outcome = run_offline_until("ingest", fields, settings, i)
        if outcome.kind == "out":
            out.append(IngestedArticle.model_validate(decode(outcome.payload)["data"]))
    return out


def _normalised() -> list[NormalisedArticle]:
    """Evaluation stories and benchmark stories, through ingest and normalise (pure)."""
    settings = load_settings(consumer="test", log_format="json")
    raw: list[dict[bytes, bytes]] = []
    for story, expected in story_files(EVAL_DIR):
        fields = {b"text": story.read_bytes()}
        for key in ("source", "received_at"):
            if (value := orjson.loads(expected.read_bytes()).get(key)) is not None:
                fields[key.encode()] = str(value).encode()
        raw.append(fields)
    raw += [{b"text": text.encode(), b"source": agency.encode()} for text, agency in corpus(300)]
    out = []
    for i, fields in enumerate(raw):
        outcome = run_offline_until("normalise", fields, settings, i)
        assert outcome.kind == "out", outcome.reason
        out.append(NormalisedArticle.model_validate(decode(outcome.payload)["data"]))
    return out


def _run_compiled(src: Path, program: str, models: Sequence[BaseModel]) -> list[Any]:
    """Run `program` on the compiled tree in `src`, one model per line in, one JSON result per line out."""
    child = subprocess.run(
        [sys.executable, "-P", "-c", program],
        cwd=src, env={**os.environ, "PYTHONPATH": str(src)},
        input=b"".join(m.model_dump_json(by_alias=True).encode() + b"\n" for m in models),
        capture_output=True, timeout=600, check=False,
    )  # fmt: skip
    assert child.returncode == 0, child.stderr.decode()[-3000:]
    got = [orjson.loads(line) for line in child.stdout.splitlines()]
    assert len(got) == len(models)
    return got


@pytest.mark.slow
@pytest.mark.timeout(900)
def test_compiled_build_matches_pure_python(tmp_path: Path) -> None:
    src = tmp_path / "src"
    src.mkdir()
    for name in ("pyproject.toml", "setup.py", "README.md"):
        shutil.copy(ROOT / name, src / name)
    shutil.copytree(ROOT / "services", src / "services", ignore=shutil.ignore_patterns("__pycache__", "*.so"))
    env = {**os.environ, "WIRESTREAM_COMPILE": "1"}
    built = subprocess.run(
        [sys.executable, "setup.py", "-q", "build_ext", "--inplace"],
        cwd=src, env=env, capture_output=True, text=True, timeout=800, check=False,
    )  # fmt: skip
    assert built.returncode == 0, built.stdout[-3000:] + built.stderr[-3000:]
    compiled = [p for p in (src / "services" / "extract").iterdir() if p.name.endswith(tuple(EXTENSION_SUFFIXES))]
    assert {p.name.split(".")[0] for p in compiled} >= {"entities", "quotes", "gazetteer", "dates", "quantities"}
    assert any(p.name.startswith("boilerplate.") for p in (src / "services" / "normalise").iterdir())

    ingested = _ingested()
    got_normalised = _run_compiled(src, CHILD_NORMALISE, ingested)
    for ingested_article, compiled_doc in zip(ingested, got_normalised, strict=True):
        try:
            pure_doc = normalise(ingested_article).model_dump(mode="json", by_alias=True)
        except Exception as exc:
            pure_doc = {"error": type(exc).__name__, "message": str(exc)}
        assert compiled_doc == pure_doc, ingested_article.id

    articles = _normalised()
    got = _run_compiled(src, CHILD, articles)
    for article, compiled_result in zip(articles, got, strict=True):
        a = analyse(article)
        pure = [
            [x.model_dump(mode="json", by_alias=True) for x in xs]
            for xs in (a.entities, a.quotes, a.dates, a.quantities)
        ]
        assert compiled_result == [*pure, a.dateline_date], article.headline
