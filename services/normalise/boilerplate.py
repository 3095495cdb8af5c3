"""Tell web-page furniture (navigation, share widgets, credits, timestamps) from copy.

Every rule here must fail safe: a line is boilerplate only when it is short and made
wholly of furniture, because dropping a real sentence is worse than keeping a "Share".
"""

from __future__ import annotations

import re

from services.normalise.datelines import KNOWN_AGENCIES

_MAX_LEN = 300  # furniture is short; a longer line is taken as copy whatever it says
_TIMESTAMP_MAX = 80  # "Last updated: Monday, 12 December 2016, 14:25 GMT+3" and a little more
_BREADCRUMB_MAX = 200  # at most a few dozen short parts
_ALNUM = re.compile(r"[^\W_]")
_DIGIT = re.compile(r"\d")
_SIGNOFF_ALONE_MAX = 40  # "(Reuters)", "-- Xinhua", "/TASS/", "AAP RTV", "ENDITEM"
# The longest standalone phrase or share widget ("comments on" and 30 more characters);
# a longer line skips those tests (tests/unit/test_boilerplate.py holds this bound).
_FURNITURE_MAX = 42
# "Lesen sie auch:" is the longest labelled prefix: its colon comes within 16 characters.
_PREFIX_COLON_BY = 16

# Lines that are boilerplate when they stand alone (compared case-folded, without
# trailing punctuation or a count such as "(3)").
_PHRASES = frozenset(
    p.casefold()
    for p in (
        "all news", "home", "menu", "news", "latest", "latest news", "top stories",
        "read more", "read also", "also read", "see also", "related", "related articles",
        "related news", "related stories", "related topics", "more", "more news",
        "more on this story", "share", "share this", "share this article", "share this story",
        "tweet", "email", "e-mail", "print", "comment", "comments", "subscribe", "sign up",
        "sign in", "log in", "login", "advertisement", "advert", "sponsored", "back to top",
        "skip to content", "skip to main content", "follow us", "next", "previous",
        "facebook", "twitter", "whatsapp", "telegram", "linkedin", "copy link", "newsletter",
        "photo", "photos", "video", "watch", "listen", "close", "search", "trending",
        "most read", "most popular", "editor's picks", "show more", "load more",
        "story continues below", "article continues below", "continue reading",
        "story continues below advertisement", "end", "ends", "-30-", "xxx",
        "все новости", "читайте также", "alle nachrichten", "mehr zum thema",
        "lesen sie auch", "lire aussi", "leer más", "leggi anche", "toutes les actualités",
        "compartir", "teilen", "partager", "condividi", "поделиться",
        # Section names, as site navigation prints them above a headline.
        "business", "world", "politics", "sport", "sports", "markets", "technology",
        "science", "health", "opinion", "culture", "entertainment", "economy", "lifestyle",
        "world news", "business news", "breaking news",
    )
)  # fmt: skip

_PREFIX = re.compile(
    r"(?:read more|read also|also read|see also|related|more|photo|photos|image|picture|"
    r"video|watch|foto|фото|tags|topics|keywords|disclaimer|advertisement|"
    r"(?:photo|image) (?:by|credit)|lesen sie auch|lire aussi|читайте также)\s?:",
    re.IGNORECASE,
)
_WIDGET = re.compile(
    r"(?:share|tweet|email|e-mail|print|comments?|likes?|views?|shares?)"
    r"(?: (?:on|via) [\w ]{1,30}| this(?: \w{1,20})?| ?\(?\d{1,7}\)?)?",
    re.IGNORECASE,
)
_COUNT_FIRST = re.compile(r"\d{1,7} (?:comments?|shares?|likes?|views?)", re.IGNORECASE)
_SOCIAL = re.compile(r"(?:follow (?:us|\w{1,20} on)|subscribe|sign up)\b", re.IGNORECASE)
_COPYRIGHT = re.compile(r"(?:©|\(c\)|copyright\s?(?:©|\(c\)|\d{4}))", re.IGNORECASE)


def _has_rights_notice(folded: str) -> bool:
    # Plain substring tests on the case-folded line: several times faster than an alternation regex.
    return (
        "all rights reserved" in folded
        or "trust principles" in folded
        or "not been edited by" in folded
        or "syndicated feed" in folded
    )


_CREDIT_PARENS = re.compile(r"\([^()]{0,80}\b(?:photo|image|picture|file)\b[^()]{0,80}\)", re.I)
# A caption ends with its credit: "... in Moscow. REUTERS/Maxim Shemetov", "Photo: EPA".
_NAME = r"[A-ZА-ЯЁ][\w'’\-]{0,20}(?: [A-ZА-ЯЁ][\w'’\-]{0,20}){0,3}"
_AGENCY_CREDIT = re.compile(rf"\b([A-Z][A-Z\-]{{1,11}})(?i: (?:file )?photo)?/{_NAME}\)?$")
_PHOTO_CREDIT = re.compile(rf"\b(?i:photo|foto|фото|image|picture)(?:\s?:|(?i: by| credit):?)\s?{_NAME}\)?$")
_PHOTO_SOURCES = KNOWN_AGENCIES | {"epa", "getty", "pool", "sputnik", "handout", "ap photo"}
_CREDITS = re.compile(
    r"\(?(?:additional )?(?:reporting|writing|editing|edited|compiled|translated) by ",
    re.IGNORECASE,
)
_CREDIT_WORDS = frozenset(["and", "in", "at", "from", "for", "de", "van", "von", "al"])
# Agency sign-offs: "(Reuters)", "-- Xinhua", "/TASS/", "AAP RTV" (initials of the
# editor), "Enditem", and Reuters credits "(Reporting by ...; Editing by ...)".
_SIGNOFF = re.compile(
    r"(?:\((?i:additional )?(?i:reporting|writing|editing|compiled) by [^()]{1,250}\)"
    r"|\((?P<a>[^\W\d_][\w\-]{1,20})\)|/(?P<b>[^\W\d_][\w\-]{1,20})/"
    r"|[-–—]{1,2} ?(?P<c>[^\W\d_][\w\-]{1,20})"
    r"|(?P<d>[A-Z]{2,6})(?: [A-Za-z]{2,4}(?:/[A-Za-z]{2,4})?)?|\(?END\)?|Enditem|ENDITEM)\.?$"
)
_SENTENCE_END = frozenset('.!?"”’»)]')
_BREADCRUMB = re.compile(r" [>›»|] | / ")
_TIME_PREFIX = re.compile(
    r"(?:last |first )?(?:updated|published|posted|modified|created|date)\s?:?\s?",
    re.IGNORECASE,
)
_TIME_TOKEN = re.compile(r"\d{1,4}(?:[:.]\d{1,2}){0,2}(?:[ap]m)?|[^\W\d_]{1,12}\.?")
_TIME_WORDS = frozenset({
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    "january", "february", "march", "april", "june", "july", "august", "september", "october",
    "november", "december", "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat",
    "sun", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "am",
    "pm", "a.m", "p.m", "gmt", "utc", "bst", "cet", "cest", "msk", "est", "edt", "et", "pt",
    "pst", "pdt", "ist", "jst", "hkt", "sgt", "aest", "aedt", "at", "on", "by", "t", "z", "ago",
    "min", "mins", "minute", "minutes", "hour", "hours", "day", "days", "today", "yesterday",
    "h", "uhr",
})  # fmt: skip


def _is_time_token(token: str) -> bool:
    return token[0].isdigit() or token.rstrip(".").casefold() in _TIME_WORDS


def _is_timestamp(line: str) -> bool:
    """True when every token is a date or time word or number: "Updated 14:25 GMT"."""
    if len(line) > _TIMESTAMP_MAX or _DIGIT.search(line) is None:
        return False
    prefix = _TIME_PREFIX.match(line)
    rest = line[prefix.end() :] if prefix else line
    # Most copy fails on its first word ("Output rose 12%"): test it before all the tokens.
    first = _TIME_TOKEN.search(rest)
    if first is None or not _is_time_token(first.group()):
        return False
    tokens = _TIME_TOKEN.findall(rest)
    if not all(map(_is_time_token, tokens)) or not any(t[0].isdigit() for t in tokens):
        return False
    leftovers = _TIME_TOKEN.sub("", rest).strip(" ,|-–—/()T")
    return not leftovers.strip(" ,|-–—/()")


def _is_credited_caption(line: str) -> bool:
    tail = line[-100:]
    # Both credit shapes need a slash ("REUTERS/Name") or a picture word: check that cheaply first.
    if "/" not in tail:
        low = tail.casefold()
        if not ("photo" in low or "foto" in low or "фото" in low or "image" in low or "picture" in low):
            return False
    agency = _AGENCY_CREDIT.search(tail)
    if agency is not None and agency.group(1).casefold() in _PHOTO_SOURCES:
        return True
    return _PHOTO_CREDIT.search(tail) is not None


def _is_credit_line(line: str) -> bool:
    """ "Reporting by Jane Doe; Editing by John Roe", not "Reporting by the BBC showed..." """
    match = _CREDITS.match(line)
    if match is None:
        return False
    if ";" in line or (line.startswith("(") and line.endswith(")")):
        return True
    words = line[match.end() :].rstrip(".").split()
    return len(words) <= 8 and all(w[0].isupper() or w in _CREDIT_WORDS for w in words)


def _is_breadcrumb(line: str) -> bool:
    if len(line) > _BREADCRUMB_MAX or _BREADCRUMB.search(line) is None:
        return False
    parts = _BREADCRUMB.split(line)
    if len(parts) < (2 if (" > " in line or " › " in line or " » " in line) else 3):
        return False
    return all(0 < len(p) <= 30 and len(p.split()) <= 3 and not p.endswith((".", "!", "?")) for p in parts)


def _signoff_start(text: str, end: int) -> int | None:
    """Where a sign-off ending at ``text[end]`` starts, if there is one."""
    # Only the tail is searched: a sign-off is short, and this bounds the work.
    match = _SIGNOFF.search(text, max(0, end - 300), end)
    if match is None:
        return None
    agency = match.group("a") or match.group("b") or match.group("c") or match.group("d")
    if agency is not None and agency.casefold() not in KNOWN_AGENCIES:
        return None
    start = match.start()
    while start > 0 and text[start - 1].isspace():
        start -= 1
    if start and text[start - 1] not in _SENTENCE_END:
        return None
    return start


def is_signoff(line: str) -> bool:
    """True for an agency sign-off standing alone: "(Reuters)", "-- Xinhua", "/TASS/"."""
    line = line.strip()
    # Standing alone, a sign-off is short; long bracketed credits are credit lines.
    if len(line) > _SIGNOFF_ALONE_MAX:
        return False
    return _signoff_start(line, len(line)) == 0


def cut_signoff(paragraph: str) -> str:
    """``paragraph`` without agency sign-offs glued to its end ("... said. (Reuters)")."""
    end = len(paragraph)
    for _ in range(3):  # bounded: a stack of thousands of "(AP)" is an attack, not copy
        start = _signoff_start(paragraph, end)
        if start is None:
            break
        end = start
    return paragraph[:end]


def is_boilerplate(line: str) -> bool:
    """True when ``line`` is page furniture rather than article copy."""
    line = line.strip()
    size = len(line)
    if not line or size > _MAX_LEN:
        return False
    first, last = line[0], line[-1]
    if not first.isalnum() and _ALNUM.search(line) is None:  # [^\W_] is str.isalnum()
        return True  # rules such as "***" or "----"
    # Case folding maps character by character, and none of the stripped characters
    # folds to anything else: stripping after folding is the same as before it.
    folded = line.casefold()
    bare = folded.rstrip(" .:!»>›")
    if len(bare) <= _FURNITURE_MAX and (bare in _PHRASES or _WIDGET.fullmatch(bare) or _COUNT_FIRST.fullmatch(bare)):
        return True
    # Cheap tests first, each one a condition its regex cannot match without.
    if size <= 120 and ":" in line[:_PREFIX_COLON_BY] and _PREFIX.match(line):
        return True
    if size <= 60 and _SOCIAL.match(line):
        return True
    if (first in "©(cC" or not first.isascii()) and _COPYRIGHT.match(line):
        return True
    if _has_rights_notice(folded) or (first == "(" and last == ")" and _CREDIT_PARENS.fullmatch(line)):
        return True
    if " by " in folded and _is_credit_line(line):  # only B, b, Y, y match "by" ignoring case
        return True
    # A caption's credit and a breadcrumb's last part never end a sentence: most copy stops here.
    if last not in ".!?" and ((size <= 200 and _is_credited_caption(line)) or _is_breadcrumb(line)):
        return True
    return (size <= _TIMESTAMP_MAX and _is_timestamp(line)) or (size <= _SIGNOFF_ALONE_MAX and is_signoff(line))
