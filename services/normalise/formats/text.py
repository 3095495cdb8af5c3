"""Parse plain web or teletype copy (format "text"): headline, standfirst, byline,
dateline, body paragraphs and in-body headings, with page furniture set aside.

Plain copy has no markup, so structure comes from layout: blank lines, line lengths,
and where the dateline sits. A dateline opens the first paragraph, after at most a
headline and a standfirst; without one, a short first line is the headline.
"""

from __future__ import annotations

import email
import email.policy
import re
from email.message import EmailMessage

from lxml import etree

from services.core.errors import EmptyInput, InvalidInput, Unparseable
from services.core.models import Block, Dateline
from services.core.text import clean_text
from services.normalise.boilerplate import cut_signoff, is_boilerplate
from services.normalise.datelines import find_dateline
from services.normalise.formats._html import blocks_from_element, blocks_from_html
from services.normalise.formats._xml import parse_xml, text_of
from services.normalise.language import detect_language
from services.normalise.parsed import ParsedCopy

_BLANK_LINES = re.compile(r"\n{2,}")
# A whole web page pasted as copy: its markup is not article text.
_HTML_PAGE = re.compile(r"<(?:!doctype\s+html|html)[\s>]", re.IGNORECASE)
_XML_ROOT = re.compile(r"<[A-Za-z_][\w.:-]{0,64}[\s>/]")
# An RFC 822 message: header lines first, a Subject among them.
_MAIL_HEADER = re.compile(r"(?:[A-Za-z][A-Za-z0-9-]{0,40}): \S")
_MAIL_SUBJECT = re.compile(r"^Subject: ", re.MULTILINE)
_MAIL_HEADERS_MAX = 16384
_XML_HEADLINES = frozenset({"headline", "title", "hl1", "heading", "hedline"})
_XML_BODIES = frozenset({"body", "content", "text", "bodytext", "story", "body.content", "article"})
_COLUMN_GAP = re.compile(r"(?<=\S) {2,}(?=\S)")
_WRAP_WIDTH = 120  # hard-wrapped copy is narrower than this; web copy has long lines
_WRAPPED = 0.75  # a wrapped line fills at least this share of the widest line
_HEADLINE_MAX = 300
_HEADING_MAX = 80
_FRONT_MAX = 2  # headline and standfirst: the dateline comes no later
_LANGUAGE_SAMPLE = 5000
_TERMINAL = frozenset(".!?")
_HEADING_END = frozenset(".!?:;,-–—\"'”’»)")
_QUOTES = frozenset("\"'“”‘’«»„")

_BYLINE = re.compile(r"by ", re.IGNORECASE)
_BYLINE_WORDS = frozenset(["and", "&", "of", "the", "in", "de", "van", "von", "der", "da", "al", "bin"])
_SIGNAL_PREFIX = re.compile(
    r"(?P<word>UPDATE|WRAPUP|CORRECTED|CORRECTION|REFILE|RPT|REPEAT|Update|Correction)"
    r"(?: ?(?P<n>\d{1,3}))?(?: ?[-–—:] ?)"
)
_SIGNAL_SUFFIX = re.compile(
    r" ?[(\[](?i:(?P<nth>\d{1,2})(?:st|nd|rd|th) (?P<what>take|ld-writethru)"
    r"|take (?P<take>\d{1,2})|(?P<corr>corrected|correction)|(?P<upd>updated?))[)\]]$"
)
_SIGNAL_NAMES = {
    "update": "update",
    "wrapup": "wrapup",
    "corrected": "corrected",
    "correction": "corrected",
    "refile": "refile",
    "rpt": "repeat",
    "repeat": "repeat",
}


def _groups(text: str) -> list[str]:
    """The blank-line-separated groups of ``text``."""
    # Without a run of three newlines every separator is exactly two: str.split is exact.
    return _BLANK_LINES.split(text) if "\n\n\n" in text else text.split("\n\n")


def _squash(text: str) -> str:
    return " ".join(text.split())


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _units(group: str) -> list[Block]:
    """Split a blank-line-separated group into paragraphs, rejoining hard-wrapped lines."""
    if "\n" not in group:  # web copy: one paragraph per group, nothing to rejoin
        text = _squash(group)
        return [Block(kind="paragraph", text=text)] if text else []
    lines = [line for line in group.split("\n") if line.strip()]
    if not lines:
        return []
    if len(lines) >= 3 and 3 * sum(len(_COLUMN_GAP.findall(line.strip())) >= 2 for line in lines) >= 2 * len(lines):
        return [Block(kind="preformatted", text="\n".join(line.rstrip() for line in lines))]
    width = max(len(line) for line in lines)
    units: list[list[str]] = []
    for i, line in enumerate(lines):
        prev = lines[i - 1] if i else ""
        continues = (
            i > 0
            and width <= _WRAP_WIDTH
            and len(prev) >= _WRAPPED * width
            and prev.rstrip()[-1:] not in _TERMINAL
            and _indent(line) <= _indent(prev)
            and find_dateline(line.strip()) is None
            and _byline(line.strip()) is None
        )
        if continues:
            units[-1].append(line)
        else:
            units.append([line])
    return [Block(kind="paragraph", text=_squash(" ".join(u))) for u in units]


def _byline(text: str) -> str | None:
    """ "By John Smith" or "By JOHN SMITH and JANE DOE, Reuters" -> the byline."""
    if not _BYLINE.match(text) or len(text) > 120:
        return None
    words = text[3:].replace(",", " ").replace("|", " ").split()
    # A final period belongs to an initial or "Jr.", never to a sentence.
    if not words or len(words) > 12 or (text.endswith(".") and len(words[-1]) > 3):
        return None
    if all(w[0].isupper() or w in _BYLINE_WORDS for w in words):
        return text
    return None


def _signals(headline: str) -> tuple[str, list[str]]:
    """Strip update markers ("UPDATE 2-", "(2nd take)") from a headline; list them."""
    original, pos = headline, 0
    signals: list[str] = []
    # A marker is stripped only when a real headline remains beside it.
    last = len(headline) - 1
    while last >= 0 and not headline[last].isalnum():
        last -= 1
    if last < 0:
        return headline, signals
    while (match := _SIGNAL_PREFIX.match(headline, pos)) is not None and match.end() <= last:
        name = _SIGNAL_NAMES[match.group("word").casefold()]
        signals.append(f"{name}:{match.group('n')}" if match.group("n") else name)
        pos = match.end()
    first = next(i for i in range(pos, last + 1) if headline[i].isalnum())
    end = len(headline)
    while (suffix := _SIGNAL_SUFFIX.search(headline, max(pos, end - 30), end)) is not None and (first < suffix.start()):
        if suffix.group("nth"):
            kind = "take" if suffix.group("what").casefold() == "take" else "writethru"
            signals.append(f"{kind}:{suffix.group('nth')}")
        elif suffix.group("take"):
            signals.append(f"take:{suffix.group('take')}")
        else:
            signals.append("corrected" if suffix.group("corr") else "update")
        end = suffix.start()
    headline = headline[pos:end]
    if signals and (is_boilerplate(headline) or _byline(headline.strip())):
        return original, []  # "(AP) (2nd take)" is no headline with a take key
    return headline.strip(), signals


def _is_heading(text: str) -> bool:
    # The word count last: most paragraphs end in a full stop and go no further.
    return (
        len(text) <= _HEADING_MAX
        and text[-1] not in _HEADING_END
        and text[0] not in _QUOTES
        and text[0].isupper()
        and len(text.split()) <= 10
    )


def _dateline_at(units: list[Block]) -> tuple[int, Dateline, str] | None:
    """The first paragraph that opens with a dateline, if only headline matter precedes it."""
    for i, unit in enumerate(units[: _FRONT_MAX + 1]):
        if unit.kind != "paragraph":
            return None
        found = find_dateline(unit.text)
        if found is not None:
            dateline, start = found
            rest = unit.text[start:]
            # Without an agency, "NATO: Allies agree" is a headline, not a dateline.
            if dateline.agency is not None or rest.rstrip('"”’»)')[-1:] in _TERMINAL:
                return i, dateline, rest
        if len(unit.text) > _HEADLINE_MAX:
            return None
    return None


def _front_without_dateline(units: list[Block]) -> int:
    """How many leading units are headline and standfirst when there is no dateline."""

    def titled(unit: Block, limit: int) -> bool:
        return unit.kind == "paragraph" and len(unit.text) <= limit and unit.text[-1] != "."

    if not units or not titled(units[0], 200):
        return 0
    if len(units) > 2 and titled(units[1], _HEADLINE_MAX):
        return 2
    return 1


def _front(units: list[Block]) -> tuple[int, Dateline | None, list[Block]]:
    """How many units are headline matter, the dateline, and the units with it cut."""
    found = _dateline_at(units)
    if found is None:
        return _front_without_dateline(units), None, units
    front, dateline, rest = found
    cut = [Block(kind="paragraph", text=rest)] if rest else []
    return front, dateline, [*units[:front], *cut, *units[front + 1 :]]


def _body(units: list[Block]) -> list[Block]:
    """Cut the sign-off from the last paragraph and mark in-body headings."""
    if units and units[-1].kind == "paragraph":
        last = cut_signoff(units[-1].text).rstrip()
        if last != units[-1].text:
            # What is left of "... (AP)" may be nothing, or furniture such as a lone ".".
            keep = last and not is_boilerplate(last)
            units = units[:-1] + ([Block(kind="paragraph", text=last)] if keep else [])
    body: list[Block] = []
    for i, unit in enumerate(units):
        heading = (
            unit.kind == "paragraph"
            and body
            and body[-1].kind == "paragraph"
            and i + 1 < len(units)
            and units[i + 1].kind == "paragraph"
            and _is_heading(unit.text)
        )
        body.append(Block(kind="heading", text=unit.text) if heading else unit)
    return body


def _unwrap(text: str) -> str:
    """Plain copy from a container a provider may send as "text": an HTML page, an XML
    document of a dialect we have no parser for, or an RFC 822 e-mail."""
    head = text.lstrip("\ufeff \t\r\n")[:64]
    if _HTML_PAGE.match(head):
        # Keep the page's visible blocks (head, scripts, navigation and footer dropped)
        # and read them as plain copy, one paragraph each.
        return "\n\n".join(block.text for block in blocks_from_html(text))
    if head.startswith("<?xml") or _XML_ROOT.match(head):
        return _xml_as_copy(parse_xml(text))
    if _MAIL_HEADER.match(head) and _MAIL_SUBJECT.search(text[:_MAIL_HEADERS_MAX]):
        return _mail_as_copy(text)
    return text


def _xml_as_copy(root: etree._Element) -> str:
    """An unknown XML dialect: its headline-like and body-like elements, else all its text."""
    headline = next((t for el in root.iter() if _local(el) in _XML_HEADLINES and (t := text_of(el))), None)
    bodies = [el for el in root.iter() if _local(el) in _XML_BODIES]
    body_el = max(bodies, key=lambda el: len("".join(el.itertext())), default=root)
    blocks = blocks_from_element(body_el)
    # Some dialects carry escaped HTML inside an element: read that markup as HTML.
    texts = [b.text for blk in blocks for b in (blocks_from_html(blk.text) if "</" in blk.text else [blk])]
    if headline and texts and texts[0] == headline:
        texts = texts[1:]
    return "\n\n".join([headline, *texts] if headline else texts)


def _local(el: etree._Element) -> str:
    tag = el.tag if isinstance(el.tag, str) else ""
    return tag.rsplit("}", 1)[-1].casefold()


def _mail_as_copy(text: str) -> str:
    message = email.message_from_string(text, policy=email.policy.default)
    subject = str(message.get("subject") or "").strip()
    part = message.get_body(preferencelist=("plain", "html")) if isinstance(message, EmailMessage) else None
    body = part.get_content() if part is not None else ""
    if part is not None and part.get_content_subtype() == "html":
        body = "\n\n".join(block.text for block in blocks_from_html(body))
    return f"{subject}\n\n{body}" if subject else body


def _parse(text: str) -> ParsedCopy:
    text = clean_text(_unwrap(text))
    if not text.strip():
        raise EmptyInput("the copy holds no text, only white space")
    parsed = ParsedCopy(format="text")
    units: list[Block] = []
    for group in _groups(text):
        for unit in _units(group):
            if unit.kind == "paragraph" and is_boilerplate(unit.text):
                parsed.boilerplate.append(unit.text)
            elif (
                unit.kind == "paragraph"
                and parsed.byline is None
                and len(units) <= 3
                and (byline := _byline(unit.text))
            ):
                parsed.byline = byline
            else:
                units.append(unit)
    # Update markers come off the first line before it is judged as a headline, so that
    # a rendered headline parses back the same; if it is no headline, they stay on.
    first = units[0] if units and units[0].kind == "paragraph" else None
    stripped, signals = _signals(first.text) if first else ("", [])
    if signals:
        candidate = _front([Block(kind="paragraph", text=stripped), *units[1:]])
        if candidate[0] >= 1:
            front, parsed.dateline, units = candidate
            parsed.signals = signals
    if not parsed.signals:
        front, parsed.dateline, units = _front(units)
    if front >= 1:
        parsed.headline = units[0].text
    if front >= 2:
        parsed.subheadline = units[1].text
    parsed.body = _body(units[front:])
    sample = " ".join([parsed.headline or "", *(b.text for b in parsed.body[:20])])
    parsed.language = detect_language(sample[:_LANGUAGE_SAMPLE])
    return parsed


def parse(text: str) -> ParsedCopy:
    """Parse plain-text wire copy; raise EmptyInput or Unparseable, nothing else."""
    try:
        return _parse(text)
    except InvalidInput:
        raise
    except Exception as exc:
        # The parser is a pure function: an input that breaks it will break it on every
        # retry, so it is dead-lettered at once with the cause rather than retried.
        raise Unparseable(f"the text parser failed on this copy: {exc!r}") from exc
