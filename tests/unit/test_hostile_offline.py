"""The hostile-input matrix through all four stages in-process (services.pipeline.run_offline)."""

from __future__ import annotations

import re
import time

import orjson
import pytest

from services.core.schemas import validate_event
from services.core.settings import Settings, load_settings
from services.pipeline import run_offline
from tests.fixtures.hostile.cases import CASES, ENTITY_TEXT, PASSWD_MARKER, Case

BUDGET_S = 2.0
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


@pytest.fixture(scope="module")
def settings() -> Settings:
    settings = load_settings(consumer="t")
    # Load every stage's data once, so no case pays for the gazetteer.
    run_offline({b"text": b"OSLO (Reuters) - Lise Berg said on Tuesday the harbour in Bergen reopened."}, settings)
    return settings


def test_the_matrix_covers_the_issue() -> None:
    """The table has at least 28 distinct cases, both fates, and the kinds the issue names."""
    ids = [c.id for c in CASES]
    assert len(ids) >= 28 and len(set(ids)) == len(ids)
    assert {c.fate for c in CASES} == {"enriched", "dead"}
    for kind in ("empty", "whitespace", "missing-text", "over-cap", "900KB", "utf8", "latin-1", "utf-16", "nul",
                 "binary", "html", "json", "xml", "billion-laughs", "xxe", "deep", "anpa", "iptc7901",
                 "50000-lines", "quote", "right-to-left", "emoji", "ansi", "unknown-format", "mismatched", "ninjs"):  # fmt: skip
        assert any(kind in i for i in ids), kind


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_hostile_input_ends_enriched_or_dead_lettered_in_time(case: Case, settings: Settings) -> None:
    """Each hostile input meets its expected fate within 2 s, and no file content or entity expansion leaks."""
    started = time.perf_counter()
    outcome = run_offline(case.entry(), settings)
    elapsed = time.perf_counter() - started
    assert outcome.kind != "retry", f"an unexpected exception (a bug): {outcome.reason}"
    assert outcome.event is not None
    assert elapsed < BUDGET_S, f"{case.id} took {elapsed:.2f}s"
    dumped = orjson.dumps(outcome.event).decode()
    assert PASSWD_MARKER not in dumped
    assert dumped.count(ENTITY_TEXT) <= case.fields.get("text", b"").decode("utf-8", "replace").count(ENTITY_TEXT)
    if case.fate == "dead":
        assert outcome.kind == "dead", f"{case.id} was enriched: {outcome.event['data'].get('headline')!r}"
        data = outcome.event["data"]
        assert data["reason"]
        assert case.expect in f"{data['error_type']}: {data['reason']}"
        validate_event(outcome.event)
        return
    assert outcome.kind == "out", f"{case.id} was dead-lettered: {outcome.error_type}: {outcome.reason}"
    event = outcome.event
    assert event["type"] == "wirestream.article.enriched.v1"
    validate_event(event)
    article = event["data"]
    assert ENTITY_TEXT not in dumped
    assert case.expect in orjson.dumps(article).decode()
    for text in [article["headline"] or "", *(b["text"] for b in article["body"])]:
        assert not _CONTROL.search(text), f"control character left in {text[:80]!r}"


_STRESS = {
    "capitalised-run": lambda n: "Harbour\n\nOSLO (Reuters) - " + "Aa " * n + "said.",
    "dateline-no-dash": lambda n: "OSLO, " + "March 3 " * n + "harbour",
    "titles": lambda n: "Harbour\n\n" + "Mr. Dr. St. " * n + "Berg said.",
    "said-chains": lambda n: "Harbour\n\n" + 'said "x," said ' * n,
    "quote-marks": lambda n: "Harbour\n\nOSLO (Reuters) - " + '"' * (4 * n) + " said Berg.",
    "open-parens": lambda n: "Harbour\n\nOSLO " + "(" * (4 * n) + "Reuters -",
    "digit-groups": lambda n: "Harbour\n\nIt cost $" + "1," * (4 * n) + "1 in total.",
    "spaces": lambda n: "Harbour\n\n" + " " * (20 * n) + "x\n" + "\t" * (10 * n) + "y",
    "dash-lines": lambda n: "Harbour\n\n" + "- -- " * (4 * n) + "\n" + "=" * (4 * n),
    "by-lines": lambda n: "Harbour\n\n" + "By A. B. " * n + "\n\nOSLO (Reuters) - Text.",
}


@pytest.mark.parametrize("build", _STRESS.values(), ids=list(_STRESS))
def test_time_grows_linearly_with_hostile_input(build, settings: Settings) -> None:  # type: ignore[no-untyped-def]
    """Four times the hostile input takes well under sixteen times as long: no regex backtracks quadratically."""

    def best_of_two(n: int) -> float:
        times = []
        for _ in range(2):
            started = time.perf_counter()
            outcome = run_offline({b"text": build(n).encode(), b"source": b"stress"}, settings)
            times.append(time.perf_counter() - started)
            assert outcome.kind in {"out", "dead"}, outcome.reason
        return min(times)

    small, large = best_of_two(1_000), best_of_two(4_000)
    assert large < 8 * small + 0.1, f"1,000 → {small:.3f}s, 4,000 → {large:.3f}s"
