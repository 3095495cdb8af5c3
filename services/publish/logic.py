"""Publish: validate the finished article against schemas/, version it, write each version once."""

from __future__ import annotations

import re

from services.core.models import ArticleBase, PublishInput
from services.core.schemas import validate_event
from services.core.stage import Stage, StageContext

PUBLISHED_TTL_S = 7 * 86_400
# Signals (from normalise) that say the copy updates an earlier story: "update:2",
# "2ndLd-Writethru", "REFILE 1ST LEAD", "version:3", "corrected", "take:2".
_UPDATE_SIGNAL = re.compile(
    r"update|writethru|\bld\b|\d(?:st|nd|rd|th)\s*ld|lead|correct|refile|version|take", re.IGNORECASE
)
# Take keys and write-through markers at the end of a slugline: "BC-US--Earns, 1st Ld-Writethru".
_SLUG_VERSION = re.compile(
    r"(?:[,;]\s*|\s+|-)(?:\d+(?:st|nd|rd|th)\s*(?:Ld|Lead)\b.*|(?:Writethru|Write-thru|Correction|Corrected|Refile|"
    r"Update\s*\d*|Urgent|Advisory|Takes?\s*\d+|\d+(?:st|nd|rd|th)\s*Add)\b.*)$",
    re.IGNORECASE,
)
# Reuters-style headline prefixes: "UPDATE 2-", "CORRECTED-", "REFILE-".
_HEADLINE_VERSION = re.compile(r"^(?:UPDATE\s*\d*|CORRECTED|REFILE|RPT|WRAPUP\s*\d*)\s*[-:]\s*", re.IGNORECASE)
_SPACE = re.compile(r"\s+")


def _norm(text: str) -> str:
    return _SPACE.sub(" ", text).strip().casefold()


def story_key(article: PublishInput) -> str | None:
    """Articles with one key are versions of one story: same external id, or same source and
    slugline, or (for copy flagged as an update) same source and headline."""
    source = article.source or "-"
    if article.external_id:
        return f"ext:{source}:{article.external_id}"
    if article.slugline:
        slug = _norm(_SLUG_VERSION.sub("", article.slugline))
        if slug:
            return f"slug:{source}:{slug}"
    if article.headline and any(_UPDATE_SIGNAL.search(s) for s in article.signals):
        return f"head:{source}:{_norm(_HEADLINE_VERSION.sub('', article.headline))}"
    return None


def publish(article: PublishInput, ctx: StageContext | None = None) -> PublishInput:
    """The article as it is: the stage sets its version and ``supersedes``, and the whole
    enriched event is then validated against schemas/ (``validate_event``)."""
    return article


def once_guard(article: ArticleBase, ctx: StageContext) -> tuple[str, int]:
    """(article, version) is written to wire:enriched once: the key is set with the XADD."""
    return ctx.keys.published(article.id, article.version), max(PUBLISHED_TTL_S, ctx.settings.dedupe_ttl)


STAGE = Stage(
    "publish",
    input_model=PublishInput,
    run=publish,
    guard=once_guard,
    validate=validate_event,
    story_key=story_key,
)
