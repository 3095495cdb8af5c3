"""The optional spaCy engine, with a blank pipeline and an entity ruler: nothing is downloaded."""

from __future__ import annotations

import importlib.util
import os
from pathlib import Path

import pytest

from services.core.models import NormalisedArticle
from services.extract import spacy_engine
from services.extract.analyse import analyse
from tests.unit._articles import article

if importlib.util.find_spec("spacy") is None and not os.environ.get("CI"):
    pytest.skip("spaCy is not installed (the [spacy] extra); CI installs it", allow_module_level=True)

TEXT = "The deal was signed by Quenby Marsh at Zorblax Industries, while Brindlecomb stayed out of it."


def _article(text: str = TEXT) -> NormalisedArticle:
    return article(text, received_at="2025-01-01T00:00:00Z")


@pytest.fixture(scope="module")
def model_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    import spacy

    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("entity_ruler")
    ruler.add_patterns(  # type: ignore[attr-defined]
        [
            {"label": "ORG", "pattern": "Zorblax Industries"},
            {"label": "PERSON", "pattern": "Quenby Marsh"},
            {"label": "ORG", "pattern": "Brindlecomb"},
            {"label": "NORP", "pattern": "Zorblaxian"},
        ]
    )
    path = tmp_path_factory.mktemp("ner") / "model"
    nlp.to_disk(path)
    return path


def _found(article: NormalisedArticle, model: str | None) -> dict[str, tuple[str, int, int]]:
    out: dict[str, tuple[str, int, int]] = {}
    for e in analyse(article, ner_model=model).entities:
        for m in e.mentions:
            out[e.name] = (e.type, m.start, m.end)
    return out


def test_model_entities_are_added_with_types_and_offsets(model_dir: Path) -> None:
    """Names only the model knows become entities of the model's type at the model's offsets."""
    got = _found(_article(), str(model_dir))
    start = TEXT.index("Quenby Marsh")
    assert got["Quenby Marsh"] == ("person", start, start + len("Quenby Marsh"))
    start = TEXT.index("Zorblax Industries")
    assert got["Zorblax Industries"] == ("organisation", start, start + len("Zorblax Industries"))
    start = TEXT.index("Brindlecomb")
    assert got["Brindlecomb"] == ("organisation", start, start + len("Brindlecomb"))


def test_without_model_the_rules_do_not_know_them() -> None:
    """With no model configured the invented person and suffix-less company are not found."""
    got = _found(_article(), None)
    assert "Quenby Marsh" not in got
    assert "Brindlecomb" not in got


def test_norp_is_never_an_entity(model_dir: Path) -> None:
    """A nationality the model labels NORP does not become an entity."""
    got = _found(_article("Zorblaxian officials met on Monday."), str(model_dir))
    assert "Zorblaxian" not in got


def test_model_setting_is_the_default(model_dir: Path) -> None:
    """analyse() uses the module setting when no model is passed, and configure(None) turns it off."""
    try:
        spacy_engine.configure(str(model_dir))
        assert "Quenby Marsh" in _found(_article(), None)
        spacy_engine.configure(None)
        assert "Quenby Marsh" not in _found(_article(), None)
    finally:
        spacy_engine.configure(None)


def test_model_from_env_reads_a_value() -> None:
    """A blank or missing variable means no model; a value is stripped."""
    assert spacy_engine.model_from_env(None) is None
    assert spacy_engine.model_from_env("  ") is None
    assert spacy_engine.model_from_env(" en_core_web_sm ") == "en_core_web_sm"


def test_a_model_that_cannot_load_changes_nothing(tmp_path: Path) -> None:
    """A path with no pipeline in it is logged and ignored, never raised."""
    assert spacy_engine.find([], str(tmp_path / "missing")) == {}
    got = _found(_article(), str(tmp_path / "missing"))
    assert "Quenby Marsh" not in got


def test_the_extract_stage_takes_the_model_from_wirestream_ner_model(
    model_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """WIRESTREAM_NER_MODEL, read with the other settings, reaches the extract stage."""
    from services.core.settings import load_settings
    from services.core.stage import StageContext
    from services.core.streams import Keys
    from services.extract.logic import extract

    monkeypatch.setenv("WIRESTREAM_NER_MODEL", str(model_dir))
    settings = load_settings(consumer="t")
    assert settings.ner_model == str(model_dir)
    article = extract(_article(), StageContext(settings=settings, keys=Keys(), consumer="t"))
    assert "Quenby Marsh" in {e.name for e in article.entities if e.type == "person"}
