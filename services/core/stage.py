"""What a stage does to one stream entry, with no I/O: decode, transform, encode.

The workers and ``wirestream process`` both go through :func:`handle_entry`, so the
offline command and the pipeline can never disagree.
"""

from __future__ import annotations

import base64
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Literal

from pydantic import BaseModel, ValidationError

from services import __version__
from services.core.envelope import DATA_FIELD, decode, encode, event_id, make_event, now_rfc3339
from services.core.errors import InvalidInput, Unparseable
from services.core.models import ArticleBase, DeadLetter, StageTrace
from services.core.settings import Settings
from services.core.streams import DEAD_LETTER_TYPE, EVENT_TYPE_OF, Keys


@dataclass(slots=True)
class Entry:
    """One stream entry as read from Redis."""

    id: str
    fields: dict[bytes, bytes]
    deliveries: int = 1


@dataclass(slots=True)
class StoryClaim:
    """The version an article takes in its story, checked and recorded by the commit script."""

    key: str
    expected_latest: int
    version: int
    article_id: str
    supersedes: str | None


@dataclass(slots=True)
class StoryState:
    """What Redis knows of a story: its latest version and the versions given to each article."""

    latest: int = 0
    latest_event: str | None = None
    assigned: dict[str, tuple[int, str | None]] = field(default_factory=dict)


@dataclass(slots=True)
class Outcome:
    """The fate of one entry: written downstream, dead-lettered, or left pending for a retry."""

    entry: Entry
    kind: Literal["out", "dead", "retry"]
    payload: bytes = b""
    article_id: str | None = None
    guard_key: str | None = None
    guard_ttl: int = 0
    story: StoryClaim | None = None
    reason: str | None = None
    error_type: str | None = None
    event: dict[str, Any] | None = None
    status: str = "ok"


@dataclass(slots=True)
class StageContext:
    settings: Settings
    keys: Keys
    consumer: str
    stories: dict[str, StoryState] = field(default_factory=dict)


@dataclass(slots=True)
class Decoded:
    """An entry whose input has been read: the model (or the raw entry, for ingest)."""

    entry: Entry
    source: Any
    article_id: str | None
    correlation_id: str | None


Run = Callable[[Any, StageContext], ArticleBase]
Guard = Callable[[ArticleBase, StageContext], tuple[str, int] | None]
Validate = Callable[[dict[str, Any]], None]
StoryKey = Callable[[Any], str | None]


@dataclass(frozen=True, slots=True)
class Stage:
    """A stage: its name, the model it reads (None: plain producer fields) and its transform.

    ``story_key`` turns on versioning: articles sharing a story key become versions 1, 2, ...
    of one story, each superseding the one before.
    """

    name: str
    input_model: type[BaseModel] | None
    run: Run
    guard: Guard | None = None
    validate: Validate | None = None
    story_key: StoryKey | None = None
    warmup: Callable[[], object] | None = None

    @property
    def event_type(self) -> str:
        return EVENT_TYPE_OF[self.name]


def handle_entry(stage: Stage, entry: Entry, ctx: StageContext) -> Outcome:
    """Turn one entry into its outcome; never raises."""
    decoded = decode_entry(stage, entry, ctx)
    return decoded if isinstance(decoded, Outcome) else finish_entry(stage, decoded, ctx)


def decode_entry(stage: Stage, entry: Entry, ctx: StageContext) -> Decoded | Outcome:
    """Read an entry's input; an entry that cannot be read gets its outcome at once."""
    max_deliveries = ctx.settings.max_deliveries
    if entry.deliveries > max_deliveries:
        reason = (
            f"Delivered {entry.deliveries} times without being handled "
            f"(limit {max_deliveries}); a worker probably died on it each time."
        )
        return _dead(stage, entry, ctx, reason, "PoisonMessage", article_id=None)
    if stage.input_model is None:
        return Decoded(entry, entry, None, None)
    article_id: str | None = None
    try:
        raw = entry.fields.get(DATA_FIELD)
        if raw is None:
            raise Unparseable("the entry has no __data__ field")
        incoming = decode(raw)
        subject = incoming.get("subject")
        article_id = subject if isinstance(subject, str) else None
        try:
            source = stage.input_model.model_validate(incoming["data"])
        except ValidationError as exc:
            raise Unparseable(f"the event data does not match its schema: {_first_error(exc)}") from exc
        correlation = incoming.get("correlationid")
        return Decoded(entry, source, article_id, correlation if isinstance(correlation, str) else None)
    except Exception as exc:
        return _failure(stage, entry, ctx, exc, article_id)


def finish_entry(stage: Stage, decoded: Decoded, ctx: StageContext) -> Outcome:
    """Run the stage's transform on a decoded entry and encode its event; never raises."""
    entry, article_id = decoded.entry, decoded.article_id
    try:
        article = stage.run(decoded.source, ctx)
        article_id = article.id
        story = _claim_version(stage, article, ctx)
        article.trace[stage.name] = StageTrace(at=now_rfc3339(), worker=ctx.consumer, version=__version__)
        event = make_event(
            event_type=stage.event_type,
            stage=stage.name,
            subject=article.id,
            data=document(article),
            correlation_id=decoded.correlation_id or article.correlation_id,
            event_id_=event_id(article.id, stage.event_type, article.version),
        )
        if stage.validate is not None:
            stage.validate(event)
        guard = stage.guard(article, ctx) if stage.guard else None
        if story is not None:  # later articles of the same story in this batch build on this one
            state = ctx.stories.setdefault(story.key, StoryState())
            if story.version > state.latest:
                state.latest, state.latest_event = story.version, event["id"]
            state.assigned[article.id] = (story.version, story.supersedes)
        return Outcome(
            entry=entry,
            kind="out",
            payload=encode(event),
            article_id=article.id,
            guard_key=guard[0] if guard else None,
            guard_ttl=guard[1] if guard else 0,
            story=story,
            event=event,
        )
    except Exception as exc:
        return _failure(stage, entry, ctx, exc, article_id)


def document(article: BaseModel) -> dict[str, Any]:
    """The article as the JSON object of its event's ``data``.

    Extra fields a model allows (see PublishInput) were parsed from JSON and are still
    JSON values: they are copied as they are rather than walked by the serializer.
    """
    extra = article.__pydantic_extra__
    if not extra:
        return article.model_dump(mode="json", by_alias=True)
    data = article.model_dump(mode="json", by_alias=True, exclude=set(extra))
    data.update(extra)
    return data


def _claim_version(stage: Stage, article: ArticleBase, ctx: StageContext) -> StoryClaim | None:
    """Give the article its version in its story, from what Redis knew at the batch's start."""
    key = stage.story_key(article) if stage.story_key else None
    if key is None:
        return None
    key = ctx.keys.story(key)
    state = ctx.stories.get(key, StoryState())
    if article.id in state.assigned:  # the same article again: it keeps its version
        article.version, supersedes = state.assigned[article.id]
    else:
        article.version, supersedes = state.latest + 1, state.latest_event
    if hasattr(article, "supersedes"):
        article.supersedes = supersedes
    return StoryClaim(key, state.latest, article.version, article.id, supersedes)


def _failure(stage: Stage, entry: Entry, ctx: StageContext, exc: Exception, article_id: str | None) -> Outcome:
    if isinstance(exc, InvalidInput):
        return _dead(stage, entry, ctx, str(exc), type(exc).__name__, article_id=article_id)
    # A bug or a fault: retry until the delivery limit, then dead-letter.
    reason = f"{type(exc).__name__}: {exc}"
    if entry.deliveries >= ctx.settings.max_deliveries:
        reason = f"Failed on each of {entry.deliveries} deliveries; last error {reason}"
        return _dead(stage, entry, ctx, reason, type(exc).__name__, article_id=article_id)
    return Outcome(entry=entry, kind="retry", reason=reason, error_type=type(exc).__name__, article_id=article_id)


def _first_error(exc: ValidationError) -> str:
    err = exc.errors()[0]
    return f"{'.'.join(str(p) for p in err['loc'])}: {err['msg']}"


def original_fields(fields: dict[bytes, bytes]) -> dict[str, str]:
    """An entry's fields as text; a value that is not UTF-8 travels as base64 under 'key:b64'."""
    out: dict[str, str] = {}
    for key, value in fields.items():
        name = key.decode("utf-8", "replace")
        try:
            out[name] = value.decode("utf-8")
        except UnicodeDecodeError:
            out[f"{name}:b64"] = base64.b64encode(value).decode("ascii")
    return out


def _dead(
    stage: Stage, entry: Entry, ctx: StageContext, reason: str, error_type: str, *, article_id: str | None
) -> Outcome:
    stream = ctx.keys.input(stage.name)
    letter = DeadLetter(
        stage=stage.name,
        reason=reason,
        error_type=error_type,
        deliveries=entry.deliveries,
        stream=stream,
        entry_id=entry.id,
        article_id=article_id,
        original=original_fields(entry.fields),
    )
    event = make_event(
        event_type=DEAD_LETTER_TYPE,
        stage=stage.name,
        subject=article_id,
        data=letter.model_dump(mode="json"),
        correlation_id=article_id or f"{stream}/{entry.id}",
        event_id_=str(uuid.uuid5(uuid.NAMESPACE_URL, f"{stream}/{entry.id}/{stage.name}")),
    )
    return Outcome(
        entry=entry,
        kind="dead",
        payload=encode(event),
        article_id=article_id,
        reason=reason,
        error_type=error_type,
        event=event,
    )
