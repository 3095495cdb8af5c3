"""The evaluation scorer (services/evaluate.py) and the hand-annotated set in tests/eval/."""

from __future__ import annotations

import html
import json
import re
from collections import Counter
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

from services.evaluate import (
    ENTITY_TYPES,
    Counts,
    EntityRef,
    QuoteRef,
    agency_key,
    aggregate,
    dateline_matches,
    fold,
    fold_name,
    headline_matches,
    main,
    match_entities,
    quotes_match,
    score_quotes,
    score_story,
    story_files,
)

EVAL_DIR = Path(__file__).parents[1] / "eval"
FORMATS = {"text", "nitf", "ninjs", "anpa1312", "iptc7901", "newsml2", "newsml12"}
PAIRS = story_files(EVAL_DIR)


# --------------------------------------------------------------------------- scoring functions


def test_counts_two_tp_one_fp_one_fn() -> None:
    """2 TP, 1 FP, 1 FN give precision 2/3, recall 2/3 and F1 2/3."""
    c = Counts(tp=2, fp=1, fn=1)
    assert c.precision == pytest.approx(2 / 3)
    assert c.recall == pytest.approx(2 / 3)
    assert c.f1 == pytest.approx(2 / 3)
    assert c.support == 3


def test_counts_uneven_and_empty() -> None:
    """3 TP, 1 FP, 2 FN give P=3/4, R=3/5, F1=2/3; empty counts score 0 without dividing by zero."""
    c = Counts(tp=3, fp=1, fn=2)
    assert (c.precision, c.recall) == (pytest.approx(0.75), pytest.approx(0.6))
    assert c.f1 == pytest.approx(2 * 0.75 * 0.6 / 1.35)
    assert (Counts().precision, Counts().recall, Counts().f1) == (0.0, 0.0, 0.0)


def test_fold_ignores_case_punctuation_and_diacritics() -> None:
    """Names compare without case, dots, apostrophes, quote marks, diacritics or a leading 'the'."""
    assert fold("U.S.") == fold("US") == "us"
    assert fold("Türkiye") == "turkiye"
    assert fold("``We stopped,'' Mbeki said") == "we stopped mbeki said"
    assert fold("« premature »") == "premature"
    assert fold_name("the Kremlin") == fold_name("Kremlin")


def test_match_entities_by_name_and_alias() -> None:
    """An alias on either side matches; a miss and an extra are counted per type."""
    expected = [
        EntityRef("Dmitry Peskov", "person", ("Peskov",)),
        EntityRef("Moscow", "place"),
        EntityRef("Syria", "place"),
        EntityRef("Islamic State", "organisation", ("IS", "Daesh")),
    ]
    predicted = [
        EntityRef("Peskov", "person"),
        EntityRef("MOSCOW", "place"),
        EntityRef("Daesh", "organisation"),
        EntityRef("Kremlin", "organisation"),
    ]
    m = match_entities(predicted, expected)
    assert (m.counts("person").tp, m.counts("person").fp, m.counts("person").fn) == (1, 0, 0)
    assert (m.counts("place").tp, m.counts("place").fp, m.counts("place").fn) == (1, 0, 1)
    assert (m.counts("organisation").tp, m.counts("organisation").fp, m.counts("organisation").fn) == (1, 1, 0)
    assert [e.name for e in m.false_negatives] == ["Syria"]
    assert [e.name for e in m.false_positives] == ["Kremlin"]


def test_expected_name_in_predicted_aliases_matches() -> None:
    """The expected name found among the predicted entity's aliases is a match (the 'vice versa' rule)."""
    m = match_entities([EntityRef("US", "place", ("United States",))], [EntityRef("United States", "place")])
    assert m.counts("place").tp == 1


def test_split_entity_gives_false_positive() -> None:
    """One real-world thing predicted twice matches once; the second copy is a false positive."""
    expected = [EntityRef("Dmitry Peskov", "person", ("Peskov",))]
    predicted = [EntityRef("Peskov", "person"), EntityRef("Dmitry Peskov", "person")]
    c = match_entities(predicted, expected).counts("person")
    assert (c.tp, c.fp, c.fn) == (1, 1, 0)


def test_wrong_type_is_both_false_positive_and_false_negative() -> None:
    """Georgia predicted as an organisation does not match Georgia the place."""
    m = match_entities([EntityRef("Georgia", "organisation")], [EntityRef("Georgia", "place")])
    assert (m.counts("place").fn, m.counts("organisation").fp, len(m.pairs)) == (1, 1, 0)


def test_quotes_match_by_containment_and_jaccard() -> None:
    """Containment or token Jaccard >= 0.8 matches; a short fragment of a long quote does not."""
    long_quote = "We regret that we still did not manage to prevent such active offences"
    assert quotes_match(long_quote, f"{long_quote}. This cooperation was likely to help")
    assert quotes_match("the pipes are there the gas is there", "The pipes are there, and the gas is there")
    assert not quotes_match("We regret", long_quote)
    assert not quotes_match("a completely different sentence here", long_quote)


def test_score_quotes_recall_precision_speaker() -> None:
    """3 expected, 3 predicted: 2 matched each way (recall 2/3, precision 2/3), 1 of 2 speakers right."""
    expected = [
        QuoteRef("We have a common understanding of the timetable", "Alexei Dorofeyev"),
        QuoteRef("The pipes are there. The gas is there", "Igor Sventitsky"),
        QuoteRef("a bridge between producers and consumers", "Kemal Yavuzer"),
    ]
    predicted = [
        QuoteRef("We have a common understanding of the timetable, and the groups will meet", "Dorofeyev"),
        QuoteRef("the pipes are there the gas is there", "Alexei Dorofeyev"),
        QuoteRef("something nobody said", None),
    ]
    entities = [EntityRef("Alexei Dorofeyev", "person", ("Dorofeyev",)), EntityRef("Igor Sventitsky", "person")]
    r = score_quotes(predicted, expected, entities)
    assert (r.expected, r.matched_expected, r.predicted, r.matched_predicted) == (3, 2, 3, 2)
    assert r.recall == pytest.approx(2 / 3)
    assert r.precision == pytest.approx(2 / 3)
    assert r.speaker_correct == 1
    assert r.speaker_accuracy == pytest.approx(1 / 2)
    assert [q.text for q in r.missed] == ["a bridge between producers and consumers"]
    assert r.wrong_speakers == [("The pipes are there. The gas is there", "Igor Sventitsky", "Alexei Dorofeyev")]


def test_speaker_null_and_organisation() -> None:
    """Null equals null, a name for a null speaker is wrong, and an organisation speaker matches by alias."""
    entities = [EntityRef("Bank of Russia", "organisation", ("central bank",))]
    r = score_quotes(
        [
            QuoteRef("No to the Russian law", None),
            QuoteRef("Inflationary pressure is easing", "central bank"),
            QuoteRef("We have never seen water rise so fast", "Paiporta"),
        ],
        [
            QuoteRef("No to the Russian law!", None),
            QuoteRef("Inflationary pressure is easing", "Bank of Russia"),
            QuoteRef("We have never seen water rise so fast", None),
        ],
        entities,
    )
    assert (r.matched_expected, r.speaker_correct) == (3, 2)


def test_headline_matches_normalised() -> None:
    """Headlines compare after case, quote-mark and whitespace normalisation; null only equals null."""
    assert headline_matches("Kenya’s tea earnings rise ", "kenya's tea earnings rise")
    assert not headline_matches("Kenya tea earnings rise", "Kenya tea earnings fall")
    assert headline_matches(None, None)
    assert not headline_matches(None, "x")


def test_dateline_matches_with_agency_aliases() -> None:
    """City compares casefolded and agencies through the alias table; both null is a match."""
    assert agency_key("Associated Press") == agency_key("AP") == "ap"
    assert agency_key("Anadolu Agency") == agency_key("AA")
    assert dateline_matches({"city": "Paris", "agency": "Associated Press"}, {"city": "PARIS", "agency": "AP"})
    assert dateline_matches({"city": "WELLINGTON", "agency": None}, {"city": "Wellington", "agency": None})
    assert not dateline_matches({"city": "PARIS", "agency": "AFP"}, {"city": "PARIS", "agency": "AP"})
    assert not dateline_matches({"city": "PARIS", "agency": "AP"}, None)
    assert dateline_matches(None, None)


def test_score_story_and_aggregate() -> None:
    """One predicted document against its annotation, then micro-averaged with a failed story."""
    expected: dict[str, Any] = {
        "format": "text",
        "headline": "Giants edge Tigers",
        "dateline": {"city": "TOKYO", "agency": "Kyodo"},
        "entities": [
            {"name": "Haruto Sato", "type": "person", "aliases": ["Sato"]},
            {"name": "Tokyo", "type": "place", "aliases": [], "country_code": "JP"},
            {"name": "Kyodo News", "type": "organisation", "aliases": ["Kyodo"]},
        ],
        "quotes": [{"text": "I was only thinking about hitting something hard", "speaker": "Haruto Sato"}],
    }
    predicted: dict[str, Any] = {
        "format": "text",
        "headline": "Giants edge Tigers",
        "dateline": {"city": "TOKYO", "agency": "Kyodo News"},
        "entities": [
            {"name": "Sato", "type": "person", "aliases": []},
            {"name": "Tokyo", "type": "place", "aliases": [], "geo": {"country_code": "JP"}},
            {"name": "Giants", "type": "organisation", "aliases": []},
        ],
        "quotes": [{"text": "I was only thinking about hitting something hard.", "speaker": "Sato"}],
    }
    s = score_story("a.txt", predicted, expected)
    assert s.headline_ok and s.dateline_ok
    assert s.country_codes == [("Tokyo", "JP", "JP")]
    report = aggregate([s, score_story("b.txt", None, expected, error="dead: bad")])
    assert (report.entities["person"].tp, report.entities["person"].fn) == (1, 1)
    assert (
        report.entities["organisation"].tp,
        report.entities["organisation"].fp,
        report.entities["organisation"].fn,
    ) == (0, 1, 2)
    assert (report.all_entities.tp, report.all_entities.fp, report.all_entities.fn) == (2, 1, 4)
    assert (report.quotes.recall, report.quotes.speaker_accuracy) == (0.5, 1.0)
    assert (report.headline_accuracy, report.dateline_accuracy, report.format_accuracy) == (0.5, 0.5, 0.5)
    assert report.errors == 1


def test_story_files_requires_a_story(tmp_path: Path) -> None:
    """An annotation without its story file is an error, not a silent skip."""
    (tmp_path / "lonely.expected.json").write_text("{}", encoding="utf-8")
    with pytest.raises(FileNotFoundError):
        story_files(tmp_path)


def test_main_prints_tables(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """main runs a story through the real pipeline, prints the tables and returns 0."""
    (tmp_path / "one.txt").write_text(
        "Ferry operator cuts winter routes\n\nRIGA, March 16 (Reuters) - A Baltic ferry operator said on "
        "Thursday it would cut routes between Latvia and Sweden.\n",
        encoding="utf-8",
    )
    expected = {
        "source": "reuters",
        "format": "text",
        "headline": "Ferry operator cuts winter routes",
        "dateline": {"city": "RIGA", "agency": "Reuters"},
        "received_at": "2025-03-16T10:00:00Z",
        "entities": [{"name": "Latvia", "type": "place", "aliases": [], "country_code": "LV"}],
        "quotes": [],
    }
    (tmp_path / "one.expected.json").write_text(json.dumps(expected), encoding="utf-8")
    assert main(tmp_path, verbose=True) == 0
    out = capsys.readouterr().out
    assert "person" in out and "speaker accuracy" in out and "dateline accuracy" in out


# --------------------------------------------------------------------------- the annotated set


def story_text(path: Path) -> str:
    """The readable text of a story file: tags stripped and entities decoded for XML and JSON."""
    raw = path.read_text(encoding="utf-8")
    if path.suffix == ".xml":
        return html.unescape(re.sub(r"<[^>]+>", " ", raw))
    if path.suffix == ".json":
        strings: list[str] = []

        def walk(node: Any) -> None:
            if isinstance(node, str):
                strings.append(node)
            elif isinstance(node, dict):
                for value in node.values():
                    walk(value)
            elif isinstance(node, list):
                for value in node:
                    walk(value)

        walk(json.loads(raw))
        return html.unescape(re.sub(r"<[^>]+>", " ", "\n".join(strings)))
    return raw


def occurs(needle: str, haystack: str) -> bool:
    return f" {fold(needle)} " in f" {fold(haystack)} "


def test_set_size_and_formats() -> None:
    """At least 36 stories, with at least two of each non-text format."""
    formats = Counter(json.loads(e.read_text(encoding="utf-8"))["format"] for _, e in PAIRS)
    assert len(PAIRS) >= 36
    for fmt in ("nitf", "ninjs", "anpa1312", "iptc7901"):
        assert formats[fmt] >= 2, f"only {formats[fmt]} {fmt} stories"


@pytest.mark.parametrize(("story", "expected_path"), PAIRS, ids=[s.name for s, _ in PAIRS])
def test_annotation_is_valid(story: Path, expected_path: Path) -> None:
    """Required keys and types, known formats and entity types, speakers among the listed entities."""
    exp = json.loads(expected_path.read_text(encoding="utf-8"))
    assert set(exp) == {"source", "format", "headline", "dateline", "received_at", "entities", "quotes"}
    assert exp["source"] is None or isinstance(exp["source"], str)
    assert exp["format"] in FORMATS
    assert isinstance(exp["headline"], str) and exp["headline"]
    datetime.fromisoformat(exp["received_at"].replace("Z", "+00:00"))
    if exp["dateline"] is not None:
        assert set(exp["dateline"]) == {"city", "agency"}
        assert isinstance(exp["dateline"]["city"], str)
        assert exp["dateline"]["agency"] is None or isinstance(exp["dateline"]["agency"], str)
    seen: set[tuple[str, str]] = set()
    for e in exp["entities"]:
        assert e["type"] in ENTITY_TYPES, e
        assert isinstance(e["name"], str) and e["name"], e
        assert isinstance(e["aliases"], list) and all(isinstance(a, str) for a in e["aliases"]), e
        if e["type"] == "place":
            code = e["country_code"]
            assert code is None or re.fullmatch(r"[A-Z]{2}", code), e
        else:
            assert "country_code" not in e, e
        key = (e["type"], fold_name(e["name"]))
        assert key not in seen, f"{e['name']} listed twice"
        seen.add(key)
    names = {fold_name(e["name"]) for e in exp["entities"]}
    for q in exp["quotes"]:
        assert isinstance(q["text"], str) and q["text"].strip(), q
        assert q["speaker"] is None or fold_name(q["speaker"]) in names, f"speaker {q['speaker']!r} is not an entity"


@pytest.mark.parametrize(("story", "expected_path"), PAIRS, ids=[s.name for s, _ in PAIRS])
def test_annotation_matches_story_text(story: Path, expected_path: Path) -> None:
    """Headline, dateline city, every quote and every entity (by name or an alias) occur in the story."""
    exp = json.loads(expected_path.read_text(encoding="utf-8"))
    text = story_text(story)
    assert occurs(exp["headline"], text), exp["headline"]
    if exp["dateline"] is not None:
        assert occurs(exp["dateline"]["city"], text), exp["dateline"]
    for q in exp["quotes"]:
        assert occurs(q["text"], text), f"quote not in story: {q['text']!r}"
    for e in exp["entities"]:
        assert any(occurs(n, text) for n in (e["name"], *e["aliases"])), f"entity not in story: {e['name']!r}"
