"""Ingest: limits, decoding, the stable id, and producer field handling."""

from __future__ import annotations

import asyncio
import codecs

import orjson
import pytest
from faststream.redis.parser.binary import BinaryMessageFormatV1

from services.core.errors import EmptyInput, TooLarge, Undecodable, Unparseable
from services.core.settings import load_settings
from services.core.stage import Entry, StageContext
from services.core.streams import Keys
from services.ingest.decoding import decode_bytes
from services.ingest.logic import ingest, stable_id

STORY = "ROME (AP) — Italy's parliament passed the budget on Friday.\n\nThe vote was 201 to 120."


def ctx(**overrides: object) -> StageContext:
    return StageContext(settings=load_settings(consumer="test", **overrides), keys=Keys(), consumer="test")


def run(fields: dict[bytes, bytes], entry_id: str = "1700000000000-0", **settings: object):  # type: ignore[no-untyped-def]
    return ingest(Entry(id=entry_id, fields=fields), ctx(**settings))


def test_same_source_and_text_give_the_same_id() -> None:
    """The id depends on source and cleaned text only, not on entry id or time."""
    a = run({b"text": STORY.encode(), b"source": b"ap"}, "1-0")
    b = run({b"text": STORY.encode(), b"source": b"ap"}, "2-0")
    assert a.id == b.id


def test_id_changes_with_source_or_text() -> None:
    """Another source or another text gives another id."""
    base = stable_id("ap", STORY)
    assert stable_id("reuters", STORY) != base
    assert stable_id("ap", STORY + " More.") != base


def test_unicode_variants_of_one_text_share_an_id() -> None:
    """Text differing only in NFC form, no-break spaces or CRLF is the same article."""
    composed = "Café in Zürich closes.\nOwner says goodbye."
    decomposed = "Cafe\u0301 in Zu\u0308rich\u00a0closes.\r\nOwner says goodbye."
    assert run({b"text": composed.encode()}).id == run({b"text": decomposed.encode()}).id


def test_received_at_defaults_to_the_entry_time() -> None:
    """Without received_at, the entry's stream time is used (RFC 3339, UTC)."""
    article = run({b"text": STORY.encode()}, "1481544000000-0")
    assert article.received_at == "2016-12-12T12:00:00.000Z"


def test_received_at_is_kept_when_given() -> None:
    """A producer's RFC 3339 received_at is kept, normalised to Z."""
    article = run({b"text": STORY.encode(), b"received_at": b"2016-12-12T15:00:00+00:00"})
    assert article.received_at == "2016-12-12T15:00:00Z"


@pytest.mark.parametrize(
    ("fields", "error", "words"),
    [
        ({b"source": b"ap"}, EmptyInput, "no 'text' field"),
        ({b"text": b""}, EmptyInput, "empty"),
        ({b"text": b"  \n\t "}, EmptyInput, "empty"),
        ({b"text": b"\xe2\x80\x8b\xe2\x80\x8b"}, EmptyInput, "no visible"),
        ({b"text": b"x" * 2001}, TooLarge, "2001 bytes"),
        ({b"text": b"PK\x03\x04\x00\x00binary"}, Undecodable, "NUL"),
        ({b"text": STORY.encode(), b"format": b"docx"}, Unparseable, "unknown format hint"),
        ({b"text": STORY.encode(), b"received_at": b"yesterday"}, Unparseable, "RFC 3339"),
    ],
)
def test_invalid_input_raises_a_specific_error(fields: dict[bytes, bytes], error: type, words: str) -> None:
    """Each kind of bad input raises its own InvalidInput subclass with a readable reason."""
    with pytest.raises(error, match=words):
        run(fields, max_bytes=2000)


def test_latin1_and_utf16_are_decoded() -> None:
    """Latin-1 bytes and UTF-16 with a BOM decode to the same text as UTF-8."""
    text = "Müller sagte, die Straße sei gesperrt. Die Polizei prüfte den Unfall am Nachmittag."
    assert decode_bytes(text.encode("utf-8"))[0] == text
    assert decode_bytes(text.encode("latin-1"))[0] == text
    assert decode_bytes(codecs.BOM_UTF16_LE + text.encode("utf-16-le")) == (text, "utf-16")


def test_binary_noise_is_undecodable() -> None:
    """Bytes full of control characters are refused as binary."""
    with pytest.raises(Undecodable):
        decode_bytes(bytes(range(1, 32)) * 50)


def test_a_faststream_producer_json_object_is_accepted() -> None:
    """A FastStream publish of a JSON object (its binary envelope in __data__) reads like plain fields."""
    wire = asyncio.run(
        BinaryMessageFormatV1.encode(
            message={"text": STORY, "source": "ap", "external_id": "AP-1"},
            reply_to=None,
            headers=None,
            correlation_id="c-1",
        )
    )
    article = run({b"__data__": wire})
    assert (article.source, article.external_id) == ("ap", "AP-1")
    assert article.raw.text == STORY


def test_plain_json_in_data_is_accepted() -> None:
    """A JSON object written to __data__ by any client reads like plain fields."""
    article = run({b"__data__": orjson.dumps({"text": STORY, "source": "reuters"})})
    assert article.source == "reuters"


def test_json_with_wrong_types_is_unparseable() -> None:
    """A JSON producer object whose text is not a string is refused with a reason."""
    with pytest.raises(Unparseable, match="'text' must be a string"):
        run({b"__data__": orjson.dumps({"text": 42})})
