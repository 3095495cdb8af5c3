"""Score the extraction pipeline against the hand-annotated evaluation set (``wirestream eval DIR``).

Each story ``NAME.txt|xml|json`` in the directory has ``NAME.expected.json`` beside it, written by
hand (see ``tests/eval/README.md``). Every story goes through the same in-process path as
``wirestream process`` and the result is compared with its annotation:

* entities, per type: a predicted entity matches an expected one of the same type when the names
  are equal after normalisation (casefold, no punctuation, no diacritics), or when one's name is
  one of the other's aliases; matching is one-to-one, so a real-world thing split in two gives a
  false positive. Precision, recall and F1 are micro-averaged over the set.
* quotes: a predicted quote matches an expected one when the normalised texts overlap strongly
  (one contains the other, or token Jaccard >= 0.8). Recall counts matched expected quotes,
  precision matched predicted ones; speaker accuracy is, over matched expected quotes, the share
  whose best-matching predicted quote names the same speaker (null == null).
* headline (normalised equality) and dateline (city casefold and agency through an alias table,
  or both null).

Everything but :func:`main` and :func:`evaluate_directory` is a pure function.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.table import Table
from rich.text import Text

from services.core.settings import load_settings
from services.pipeline import run_offline

ENTITY_TYPES: tuple[str, ...] = ("person", "organisation", "place")
STORY_SUFFIXES: tuple[str, ...] = (".txt", ".xml", ".json")
EXPECTED_SUFFIX = ".expected.json"
JACCARD_THRESHOLD = 0.8
MIN_CONTAINED_TOKENS = 4

# Normalised agency spellings -> one key. Datelines write "AP", credits "Associated Press".
AGENCY_ALIASES: dict[str, str] = {
    "ap": "ap",
    "associated press": "ap",
    "the associated press": "ap",
    "afp": "afp",
    "agence france presse": "afp",
    "dpa": "dpa",
    "deutsche presse agentur": "dpa",
    "aa": "anadolu",
    "anadolu": "anadolu",
    "anadolu agency": "anadolu",
    "anadolu ajansi": "anadolu",
    "pti": "pti",
    "press trust of india": "pti",
    "yonhap": "yonhap",
    "yonhap news agency": "yonhap",
    "kyodo": "kyodo",
    "kyodo news": "kyodo",
    "xinhua": "xinhua",
    "xinhua news agency": "xinhua",
    "tass": "tass",
    "itar tass": "tass",
    "aap": "aap",
    "australian associated press": "aap",
    "efe": "efe",
    "agencia efe": "efe",
    "ansa": "ansa",
    "interfax": "interfax",
    "ukrinform": "ukrinform",
    "reuters": "reuters",
    "thomson reuters": "reuters",
}

# Dots are deleted, so that "U.S." == "US"; everything else that is not a letter or digit
# (apostrophes, quote marks of every kind, ANPA ``...'' marks) becomes a space.
_DELETED = str.maketrans({".": None})
_NON_WORD = re.compile(r"[^\w]+", re.UNICODE)


# --------------------------------------------------------------------------- normalisation


def fold(text: str) -> str:
    """Casefold, strip diacritics and punctuation, collapse whitespace."""
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    stripped = stripped.replace("_", " ").translate(_DELETED)
    return " ".join(_NON_WORD.sub(" ", stripped.casefold()).split())


def fold_name(name: str) -> str:
    """Normalise an entity name: :func:`fold`, and a leading article dropped ("the Kremlin")."""
    folded = fold(name)
    return folded[4:] if folded.startswith("the ") else folded


def agency_key(agency: str | None) -> str | None:
    """The canonical key of an agency name ("AP" and "Associated Press" give the same key)."""
    if agency is None:
        return None
    folded = fold(agency)
    if not folded:
        return None
    return AGENCY_ALIASES.get(folded, folded)


# --------------------------------------------------------------------------- counts


@dataclass(slots=True)
class Counts:
    """True positives, false positives and false negatives, with the derived scores."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def support(self) -> int:
        """Number of expected items."""
        return self.tp + self.fn

    def add(self, other: Counts) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn


def ratio(num: int, den: int) -> float:
    return num / den if den else 0.0


# --------------------------------------------------------------------------- entities


@dataclass(frozen=True, slots=True)
class EntityRef:
    """An entity as far as scoring cares: name, type, aliases, country code of a place."""

    name: str
    type: str
    aliases: tuple[str, ...] = ()
    country_code: str | None = None

    def keys(self) -> set[str]:
        return {k for k in (fold_name(n) for n in (self.name, *self.aliases)) if k}


def entity_from_dict(raw: Mapping[str, Any]) -> EntityRef:
    """Read an expected or predicted entity (``geo.country_code`` or ``country_code``)."""
    geo = raw.get("geo") or {}
    code = raw.get("country_code") or (geo.get("country_code") if isinstance(geo, Mapping) else None)
    return EntityRef(
        name=str(raw["name"]),
        type=str(raw["type"]),
        aliases=tuple(str(a) for a in raw.get("aliases") or ()),
        country_code=str(code).upper() if code else None,
    )


def names_match(predicted: EntityRef, expected: EntityRef) -> bool:
    """Same name after normalisation, or one's name is one of the other's aliases."""
    p, e = fold_name(predicted.name), fold_name(expected.name)
    if p and p == e:
        return True
    return p in {fold_name(a) for a in expected.aliases} or e in {fold_name(a) for a in predicted.aliases}


@dataclass(slots=True)
class EntityMatch:
    """One story's entity comparison: the matched pairs and what was left on either side."""

    pairs: list[tuple[EntityRef, EntityRef]] = field(default_factory=list)  # (predicted, expected)
    false_positives: list[EntityRef] = field(default_factory=list)
    false_negatives: list[EntityRef] = field(default_factory=list)

    def counts(self, entity_type: str) -> Counts:
        return Counts(
            tp=sum(1 for _, e in self.pairs if e.type == entity_type),
            fp=sum(1 for p in self.false_positives if p.type == entity_type),
            fn=sum(1 for e in self.false_negatives if e.type == entity_type),
        )


def match_entities(predicted: Sequence[EntityRef], expected: Sequence[EntityRef]) -> EntityMatch:
    """One-to-one matching per type: exact name matches first, then alias matches."""
    result = EntityMatch()
    used: set[int] = set()
    pending: list[EntityRef] = []
    matched: dict[int, int] = {}  # expected index -> predicted index
    for exact in (True, False):
        for ei, exp in enumerate(expected):
            if ei in matched:
                continue
            for pi, pred in enumerate(predicted):
                if pi in used or pred.type != exp.type:
                    continue
                ok = fold_name(pred.name) == fold_name(exp.name) if exact else names_match(pred, exp)
                if ok:
                    matched[ei] = pi
                    used.add(pi)
                    break
    for ei, exp in enumerate(expected):
        if ei in matched:
            result.pairs.append((predicted[matched[ei]], exp))
        else:
            pending.append(exp)
    result.false_negatives = pending
    result.false_positives = [p for pi, p in enumerate(predicted) if pi not in used]
    return result


# --------------------------------------------------------------------------- quotes


@dataclass(frozen=True, slots=True)
class QuoteRef:
    text: str
    speaker: str | None


def quote_overlap(a: str, b: str) -> float:
    """How strongly two quote texts overlap: 1.0 when one contains the other, else token Jaccard."""
    ta, tb = fold(a).split(), fold(b).split()
    if not ta or not tb:
        return 0.0
    short, long_ = (ta, tb) if len(ta) <= len(tb) else (tb, ta)
    if len(short) >= min(MIN_CONTAINED_TOKENS, len(long_)) and f" {' '.join(short)} " in f" {' '.join(long_)} ":
        return 1.0
    sa, sb = set(ta), set(tb)
    return len(sa & sb) / len(sa | sb)


def quotes_match(a: str, b: str) -> bool:
    return quote_overlap(a, b) >= JACCARD_THRESHOLD


def speaker_matches(predicted: str | None, expected: str | None, expected_entities: Sequence[EntityRef]) -> bool:
    """Null equals null; otherwise names match as for entities, using the expected speaker's aliases.

    A speaker is usually a person, but may be an organisation ("the central bank said").
    """
    if predicted is None or expected is None:
        return predicted is None and expected is None
    exp = next(
        (e for e in expected_entities if fold_name(e.name) == fold_name(expected)),
        EntityRef(name=expected, type="person"),
    )
    return names_match(EntityRef(name=predicted, type=exp.type), exp)


@dataclass(slots=True)
class QuoteResult:
    expected: int = 0
    predicted: int = 0
    matched_expected: int = 0
    matched_predicted: int = 0
    speaker_correct: int = 0
    missed: list[QuoteRef] = field(default_factory=list)
    spurious: list[QuoteRef] = field(default_factory=list)
    wrong_speakers: list[tuple[str, str | None, str | None]] = field(default_factory=list)  # text, expected, got

    def add(self, other: QuoteResult) -> None:
        self.expected += other.expected
        self.predicted += other.predicted
        self.matched_expected += other.matched_expected
        self.matched_predicted += other.matched_predicted
        self.speaker_correct += other.speaker_correct

    @property
    def recall(self) -> float:
        return ratio(self.matched_expected, self.expected)

    @property
    def precision(self) -> float:
        return ratio(self.matched_predicted, self.predicted)

    @property
    def speaker_accuracy(self) -> float:
        return ratio(self.speaker_correct, self.matched_expected)


def score_quotes(
    predicted: Sequence[QuoteRef], expected: Sequence[QuoteRef], expected_entities: Sequence[EntityRef] = ()
) -> QuoteResult:
    """Match quotes by text overlap (many-to-many) and check each matched expected quote's speaker."""
    result = QuoteResult(expected=len(expected), predicted=len(predicted))
    predicted_hit = [False] * len(predicted)
    for exp in expected:
        best: tuple[float, int] | None = None
        for pi, pred in enumerate(predicted):
            score = quote_overlap(pred.text, exp.text)
            if score >= JACCARD_THRESHOLD:
                predicted_hit[pi] = True
                if best is None or score > best[0]:
                    best = (score, pi)
        if best is None:
            result.missed.append(exp)
            continue
        result.matched_expected += 1
        got = predicted[best[1]].speaker
        if speaker_matches(got, exp.speaker, expected_entities):
            result.speaker_correct += 1
        else:
            result.wrong_speakers.append((exp.text, exp.speaker, got))
    result.matched_predicted = sum(predicted_hit)
    result.spurious = [p for p, hit in zip(predicted, predicted_hit, strict=True) if not hit]
    return result


# --------------------------------------------------------------------------- headline and dateline


def headline_matches(predicted: str | None, expected: str | None) -> bool:
    if predicted is None or expected is None:
        return predicted is None and expected is None
    return fold(predicted) == fold(expected)


def dateline_matches(predicted: Mapping[str, Any] | None, expected: Mapping[str, Any] | None) -> bool:
    """City (casefold) and agency (through :data:`AGENCY_ALIASES`) both equal, or both datelines null."""
    if not predicted or not expected:
        return not predicted and not expected
    p_city, e_city = predicted.get("city"), expected.get("city")
    city_ok = fold(p_city or "") == fold(e_city or "")
    return city_ok and agency_key(predicted.get("agency")) == agency_key(expected.get("agency"))


# --------------------------------------------------------------------------- one story, the set


@dataclass(slots=True)
class StoryScore:
    """What one story got right and wrong (the per-story breakdown printed with --verbose)."""

    name: str
    format_expected: str | None = None
    format_predicted: str | None = None
    entities: EntityMatch = field(default_factory=EntityMatch)
    quotes: QuoteResult = field(default_factory=QuoteResult)
    headline_ok: bool = False
    headline: tuple[str | None, str | None] = (None, None)  # expected, predicted
    dateline_ok: bool = False
    dateline: tuple[Any, Any] = (None, None)  # expected, predicted
    country_codes: list[tuple[str, str | None, str | None]] = field(default_factory=list)  # place, expected, got
    error: str | None = None


@dataclass(slots=True)
class Report:
    """The scores over the whole set, and each story's breakdown."""

    stories: list[StoryScore] = field(default_factory=list)
    entities: dict[str, Counts] = field(default_factory=lambda: {t: Counts() for t in ENTITY_TYPES})
    quotes: QuoteResult = field(default_factory=QuoteResult)
    headline_correct: int = 0
    dateline_correct: int = 0
    format_correct: int = 0
    country_correct: int = 0
    country_total: int = 0
    errors: int = 0

    @property
    def count(self) -> int:
        return len(self.stories)

    @property
    def all_entities(self) -> Counts:
        total = Counts()
        for c in self.entities.values():
            total.add(c)
        return total

    @property
    def headline_accuracy(self) -> float:
        return ratio(self.headline_correct, self.count)

    @property
    def dateline_accuracy(self) -> float:
        return ratio(self.dateline_correct, self.count)

    @property
    def format_accuracy(self) -> float:
        return ratio(self.format_correct, self.count)

    @property
    def country_accuracy(self) -> float:
        return ratio(self.country_correct, self.country_total)


def score_story(
    name: str, predicted: Mapping[str, Any] | None, expected: Mapping[str, Any], error: str | None = None
) -> StoryScore:
    """Compare one predicted article document (``data`` of the enriched event) with its annotation."""
    exp_entities = [entity_from_dict(e) for e in expected.get("entities", [])]
    exp_quotes = [QuoteRef(str(q["text"]), q.get("speaker")) for q in expected.get("quotes", [])]
    pred = predicted or {}
    pred_entities = [entity_from_dict(e) for e in pred.get("entities", []) if e.get("type") in ENTITY_TYPES]
    pred_quotes = [QuoteRef(str(q.get("text", "")), q.get("speaker")) for q in pred.get("quotes", [])]
    match = match_entities(pred_entities, exp_entities)
    countries: list[tuple[str, str | None, str | None]] = [
        (e.name, e.country_code, p.country_code)
        for p, e in match.pairs
        if e.type == "place" and e.country_code is not None
    ]
    return StoryScore(
        name=name,
        format_expected=expected.get("format"),
        format_predicted=pred.get("format"),
        entities=match,
        quotes=score_quotes(pred_quotes, exp_quotes, exp_entities),
        headline_ok=headline_matches(pred.get("headline"), expected.get("headline")),
        headline=(expected.get("headline"), pred.get("headline")),
        dateline_ok=dateline_matches(pred.get("dateline"), expected.get("dateline")),
        dateline=(expected.get("dateline"), pred.get("dateline")),
        country_codes=countries,
        error=error,
    )


def aggregate(stories: Iterable[StoryScore]) -> Report:
    """Micro-average the per-story scores into one report."""
    report = Report()
    for story in stories:
        report.stories.append(story)
        for t in ENTITY_TYPES:
            report.entities[t].add(story.entities.counts(t))
        report.quotes.add(story.quotes)
        report.headline_correct += story.headline_ok
        report.dateline_correct += story.dateline_ok
        report.format_correct += story.format_expected is not None and story.format_expected == story.format_predicted
        report.country_total += len(story.country_codes)
        report.country_correct += sum(1 for _, e, g in story.country_codes if e == g)
        report.errors += story.error is not None
    return report


# --------------------------------------------------------------------------- the directory


def story_files(directory: Path) -> list[tuple[Path, Path]]:
    """(story, expected) pairs in the directory, sorted by name; a missing story file raises."""
    pairs = []
    for expected in sorted(directory.glob(f"*{EXPECTED_SUFFIX}")):
        stem = expected.name[: -len(EXPECTED_SUFFIX)]
        candidates = [directory / f"{stem}{suffix}" for suffix in STORY_SUFFIXES]
        found = [c for c in candidates if c.is_file()]
        if len(found) != 1:
            raise FileNotFoundError(f"{expected.name}: expected exactly one story file {stem}.txt|xml|json")
        pairs.append((found[0], expected))
    return pairs


def run_story(raw: bytes, expected: Mapping[str, Any], seq: int = 0) -> tuple[dict[str, Any] | None, str | None]:
    """Run one story through the same in-process path as ``wirestream process``: (data, error)."""
    fields: dict[bytes, bytes] = {b"text": raw, b"format": b"auto"}
    if expected.get("source"):
        fields[b"source"] = str(expected["source"]).encode()
    if expected.get("received_at"):
        fields[b"received_at"] = str(expected["received_at"]).encode()
    outcome = run_offline(fields, load_settings(consumer="eval"), seq)
    if outcome.kind != "out":
        return None, f"{outcome.kind}: {outcome.reason}"
    event = json.loads(outcome.payload)
    data: dict[str, Any] = event["data"]
    return data, None


def evaluate_directory(directory: Path) -> Report:
    """Run and score every annotated story in the directory."""
    scores = []
    for seq, (story, expected_path) in enumerate(story_files(directory)):
        expected = json.loads(expected_path.read_text(encoding="utf-8"))
        data, error = run_story(story.read_bytes(), expected, seq)
        scores.append(score_story(story.name, data, expected, error))
    return aggregate(scores)


# --------------------------------------------------------------------------- printing


def _pct(x: float) -> str:
    return f"{x:.3f}"


def render(report: Report, *, verbose: bool) -> list[Any]:
    """Rich renderables for the report: the score tables, then the per-story misses when verbose."""
    out: list[Any] = []
    ents = Table(title=f"Entities ({report.count} stories, micro-averaged)")
    for col in ("type", "support", "pred", "TP", "FP", "FN", "prec", "recall", "F1"):
        ents.add_column(col, justify="left" if col == "type" else "right", no_wrap=col == "type")
    for name, c in [*report.entities.items(), ("all", report.all_entities)]:
        ents.add_row(
            name,
            str(c.support),
            str(c.tp + c.fp),
            str(c.tp),
            str(c.fp),
            str(c.fn),
            _pct(c.precision),
            _pct(c.recall),
            _pct(c.f1),
        )
    out.append(ents)

    q = report.quotes
    other = Table(title="Quotes, headline, dateline")
    other.add_column("measure")
    other.add_column("score", justify="right")
    other.add_column("counts", justify="right")
    other.add_row("quote recall", _pct(q.recall), f"{q.matched_expected}/{q.expected}")
    other.add_row("quote precision", _pct(q.precision), f"{q.matched_predicted}/{q.predicted}")
    other.add_row("speaker accuracy", _pct(q.speaker_accuracy), f"{q.speaker_correct}/{q.matched_expected}")
    other.add_row("headline accuracy", _pct(report.headline_accuracy), f"{report.headline_correct}/{report.count}")
    other.add_row("dateline accuracy", _pct(report.dateline_accuracy), f"{report.dateline_correct}/{report.count}")
    other.add_row("format accuracy", _pct(report.format_accuracy), f"{report.format_correct}/{report.count}")
    other.add_row(
        "place country code", _pct(report.country_accuracy), f"{report.country_correct}/{report.country_total}"
    )
    if report.errors:
        other.add_row("stories that failed", "", str(report.errors))
    out.append(other)

    if verbose:
        for s in report.stories:
            lines: list[str] = []
            if s.error:
                lines.append(f"  error: {s.error}")
            if s.format_expected != s.format_predicted:
                lines.append(f"  format: expected {s.format_expected!r}, got {s.format_predicted!r}")
            if not s.headline_ok:
                lines.append(f"  headline: expected {s.headline[0]!r}, got {s.headline[1]!r}")
            if not s.dateline_ok:
                lines.append(f"  dateline: expected {_dl(s.dateline[0])}, got {_dl(s.dateline[1])}")
            for e in s.entities.false_negatives:
                lines.append(f"  FN {e.type}: {e.name}")
            for e in s.entities.false_positives:
                lines.append(f"  FP {e.type}: {e.name}")
            for place, want, got in s.country_codes:
                if want != got:
                    lines.append(f"  country: {place} expected {want}, got {got}")
            for mq in s.quotes.missed:
                lines.append(f"  missed quote: {_short(mq.text)!r} ({mq.speaker})")
            for sq in s.quotes.spurious:
                lines.append(f"  spurious quote: {_short(sq.text)!r} ({sq.speaker})")
            for text, want_speaker, got_speaker in s.quotes.wrong_speakers:
                lines.append(f"  speaker: {_short(text)!r} expected {want_speaker!r}, got {got_speaker!r}")
            if lines:
                out.append(Text(f"{s.name}\n" + "\n".join(lines)))
    return out


def _short(text: str, width: int = 70) -> str:
    return text if len(text) <= width else text[: width - 1] + "\u2026"


def _dl(d: Mapping[str, Any] | None) -> str:
    return "null" if not d else f"{d.get('city')!r}/{d.get('agency')!r}"


def main(directory: Path, *, verbose: bool) -> int:
    """Evaluate the stories in ``directory`` and print the score tables; the exit code is 0."""
    console = Console()
    report = evaluate_directory(directory)
    for renderable in render(report, verbose=verbose):
        console.print(renderable, soft_wrap=isinstance(renderable, Text))
    return 0
