"""Optional spaCy NER: a statistical model adds recall to the rule engine where one is installed.

The model is named by ``WIRESTREAM_NER_MODEL`` (an installed pipeline package such as
``en_core_web_sm``, or a directory written by ``nlp.to_disk``), read with the other settings
in ``services/core/settings.py``; the extract stage passes it to
:func:`services.extract.analyse.analyse`, which falls back to :data:`NER_MODEL` (set with
:func:`configure`, for callers outside a worker).

Model entities are candidates only: the rule engine keeps its canonical names, aliases,
gazetteer geo and filters, and its own mention wins where the two overlap. NORP (nationalities)
is never an entity. When the setting is empty, or spaCy is not installed, nothing is imported
and nothing changes.
"""

from __future__ import annotations

import functools
import importlib.util
import logging
from typing import Any

from .text import Segment

ENV_VAR = "WIRESTREAM_NER_MODEL"
# spaCy labels (OntoNotes and WikiNER schemes) -> entity types; anything else is ignored.
LABELS: dict[str, str] = {
    "PERSON": "person",
    "PER": "person",
    "ORG": "organisation",
    "GPE": "place",
    "LOC": "place",
}

log = logging.getLogger(__name__)


def model_from_env(value: str | None) -> str | None:
    """The model name or path from the variable's value; ``None`` when unset or blank."""
    if value is None:
        return None
    value = value.strip()
    return value or None


NER_MODEL: str | None = None


def configure(model: str | None) -> None:
    """Set (or clear, with ``None``) the model every later :func:`analyse` call uses by default."""
    global NER_MODEL
    NER_MODEL = model_from_env(model)


def available() -> bool:
    """True when spaCy can be imported (checked without importing it)."""
    return importlib.util.find_spec("spacy") is not None


@functools.lru_cache(maxsize=4)
def load(model: str) -> Any | None:
    """The loaded pipeline, once per process and model; ``None`` (logged once) when it cannot load."""
    if not available():
        log.warning("%s=%s but spaCy is not installed; the rule engine runs alone", ENV_VAR, model)
        return None
    import spacy  # noqa: PLC0415 - optional dependency, imported only when a model is configured

    try:
        return spacy.load(model)
    except (OSError, ImportError, ValueError) as exc:
        log.warning("cannot load spaCy model %r (%s); the rule engine runs alone", model, exc)
        return None


def find(segs: list[Segment], model: str | None) -> dict[int, list[tuple[int, int, str]]]:
    """Model entities per segment (by reading order): ``(start, end, entity type)``, offsets into the text."""
    if not model:
        return {}
    nlp = load(model)
    if nlp is None:
        return {}
    out: dict[int, list[tuple[int, int, str]]] = {}
    for seg, doc in zip(segs, nlp.pipe(s.text for s in segs), strict=True):
        spans = [(e.start_char, e.end_char, LABELS[e.label_]) for e in doc.ents if e.label_ in LABELS]
        if spans:
            out[seg.order] = spans
    return out
