"""Direct quotes and who said them.

Quote marks are paired by one left-to-right scan per segment (linear even on
20k marks). A quote left open at the end of a paragraph continues when the next
paragraph opens with a quote mark again (the wire convention for long quotes).
The speaker comes from the nearest reporting clause: after the quote ("...,"
Peskov said / said Peskov), before it ("Peskov said: "...), the previous quote in
the paragraph, the last clause earlier in the paragraph (reported speech, "according
to X"), or the previous paragraph's speaker when a paragraph opens with a quote.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass

from services.core.models import Quote

from . import gazetteer as gz
from .entities import ORG_HEAD, ORG_SPEAKER_NOUNS, ORG_SUFFIX, PRONOUNS, EntityIndex
from .text import TOKEN, Segment, alternation, contains_word

# Opening mark -> its closing mark. ANPA copy writes ``...'' (two backticks, two apostrophes);
# German ‚...‘ and „...“, French/Swiss ‹...›, CJK 「...」. A single ’ is an apostrophe, never a mark.
OPENERS = {
    '"': '"',
    "\u201c": "\u201d",
    "\u00ab": "\u00bb",
    "\u201e": "\u201c",
    "\u201d": "\u201d",
    "``": "''",
    "\u201a": "\u2018",
    "\u2039": "\u203a",
    "\u300c": "\u300d",
}
_MARK_RE = re.compile("``|''|[\"\u201c\u201d\u00ab\u00bb\u201e\u201a\u2018\u2039\u203a\u300c\u300d]")

_VERBS = alternation(gz.reporting_verbs())
_ROLES = alternation(gz.roles())
# Every "-maker" ("carmaker", "planemaker") in one branch: a long alternation is tried word by word.
_ORG_NOUNS = (
    f"{alternation(n for n in ORG_SPEAKER_NOUNS if not n.endswith('maker') and n != 'ngo')}|[a-z]{{0,12}}maker|NGO"
)
_ORG_NOUNS_CAP = alternation(
    n.title() for n in ORG_SPEAKER_NOUNS if not n.endswith("maker") and n != "ngo"
)  # "the Central Bank said"


def _speaker_pattern(rich: bool) -> str:
    """The speaker alternatives of a reporting clause.

    The rich form adds "a statement from the ministry", "a spokesperson for Siemens", "the company's
    statement", "a company spokesman" (the organisation behind the statement speaks) and "South Korea's
    biggest chipmaker"; it costs a scan at every capital, so it runs only on paragraphs that need it.
    """
    if rich:
        stmt = (
            rf"(?P<stmt>\b(?:[Tt]he|[Aa]n?|[Ii]ts)[ \u00a0](?:(?:(?<=[Aa][ \u00a0])|(?<=[Aa]n[ \u00a0]))"
            rf"(?P<sname>[A-Z][\w&.-]{{1,30}})[ \u00a0](?=spokes|press[ \u00a0])"
            rf"|(?<=[Tt]he[ \u00a0])(?P<pname>[A-Z][\w&.-]{{1,30}})[ \u00a0](?=press[ \u00a0]))?"
            rf"(?:(?P<snoun>{_ORG_NOUNS})(?:['\u2019]s)?[ \u00a0])?"
            rf"(?:(?:joint|brief|written|emailed|separate|official)[ \u00a0])?"
            rf"(?:statement|spokes(?:person|man|woman)|press[ \u00a0](?:service|office))"
            rf"(?:[ \u00a0](?:from|for|of|by)[ \u00a0](?:the[ \u00a0](?P<fnoun>{_ORG_NOUNS})\b"
            rf"|(?P<fname>{TOKEN}(?:[ \u00a0]{TOKEN}){{0,3}})))?)"
        )
        poss = r"(?P<poss>(?<![\w.])[A-Z][\w.]{1,30})['\u2019]s"
        the = rf"(?:\b[Tt]he|{poss})"
    else:
        stmt, the = "", r"\b[Tt]he"
    return (
        rf"(?P<pron>\b(?:[Hh]e|[Ss]he|[Tt]hey|[Ii]t)\b)"
        rf"{'|' if stmt else ''}{stmt}"
        rf"|(?P<exec>\b[Tt]he[ \u00a0](?:EU|E\.U\.|European|bloc['\u2019]s)[ \u00a0]executive\b)"
        rf"|(?P<orgn>{the}[ \u00a0]"
        rf"(?:(?:world|country|nation|region|continent|state|city)['\u2019]s[ \u00a0](?:[\w.-]{{1,30}}[ \u00a0])?)?"
        rf"(?:[\w.-]{{1,30}}[ \u00a0]){{0,2}}?(?P<noun>{_ORG_NOUNS}|{_ORG_NOUNS_CAP})\b(?!['\u2019]s\b))"
        rf"|(?P<role>\b(?:[Tt]he|[Aa]n?)[ \u00a0](?:[\w'\u2019-]{{1,30}}[ \u00a0]){{0,3}}?(?:{_ROLES})\b)"
        rf"|(?P<name>(?<![\w.]){TOKEN}(?:[ \u00a0]{TOKEN}){{0,3}})"
    )


# "read" reports only a statement: '"...," read a statement from the ministry', '"...," the statement read'.
_CUE = (
    rf"(?P<cue>(?:told|tells)[ \u00a0](?:(?:the|a|an)[ \u00a0])?(?:news[ \u00a0])?[\w-]{{1,30}}"
    rf"|(?:{_VERBS})|read(?=[ \u00a0](?:a|an|the|its)[ \u00a0](?:[\w-]{{1,20}}[ \u00a0])?statement\b)"
    rf"|(?<=statement[ \u00a0])read)\b"
)
# "Peskov said", "Peskov, the spokesman, said" (apposition up to 60 chars); [plain, rich].
_SP_VERBS = [
    re.compile(rf"(?:{_speaker_pattern(r)})(?:,(?:[^,.\"\u201c\u201d]|(?<=\d)[,.](?=\d)){{1,60}},)?,?[ \u00a0]{_CUE}")
    for r in (False, True)
]
_VERB_SPS = [re.compile(rf"{_CUE},?[ \u00a0](?:{_speaker_pattern(r)})") for r in (False, True)]
_ACCORDINGS = [re.compile(rf"(?P<cue>[Aa]ccording to)[ \u00a0](?:{_speaker_pattern(r)})") for r in (False, True)]
_POSS_NOUN = re.compile(rf"['\u2019]s[ \u00a0](?:[\w.-]{{1,30}}[ \u00a0]){{0,2}}?(?:{_ORG_NOUNS})\b")


@functools.lru_cache(maxsize=64)
def _rich(text: str) -> int:
    """1 when a paragraph may hold a statement, a spokesperson or a place's organisation noun, else 0."""
    if "statement" in text or "spokes" in text or "press s" in text or "press o" in text:
        return 1
    if "s " not in text or ("'s " not in text and "\u2019s " not in text):
        return 0
    return 1 if _POSS_NOUN.search(text) else 0


_TOP_WORDS = frozenset(["top", "highest", "apex"])
_TOP_COURT_WORDS = frozenset(["supreme", "constitutional"])
_GAP = re.compile(r"[\s,.;:!?\u2014\u2013-]{0,4}")
_ANY_CUE = re.compile(rf"\b(?:{_VERBS}|told)\b")
_CLAUSE_END = re.compile(
    r"[.!?;](?:[\s\"\u201c\u201d]|$)|[\"\u201c\u201d\u00ab\u00bb\u201e\u2039\u203a\u300c\u300d]|``|''"
)
_TOLD_BEFORE = re.compile(r"\b(?:told|tells|telling)[ \u00a0](?:the[ \u00a0])?$")
# "a spokesperson for NHS Wales said": with no person named, the organisation speaks.
_FOR_ORG = re.compile(
    r"\b(?:spokes(?:person|man|woman)|representative|statement|press[ \u00a0]office|source)[ \u00a0](?:for|from|of|at)[ \u00a0]"
)
# "Toyota's spokesman said": the organisation speaks; a person's spokesman is not that person.
_POSS_SPOKES = re.compile(
    r"['\u2019]s?[ \u00a0](?:(?:(?:chief|main|top|official|deputy|press)[ \u00a0])?spokes(?:person|man|woman)"
    r"|press[ \u00a0](?:service|office)),?[ \u00a0]*$"
)
_PRONOUN = re.compile(r"\b(?:[Hh]e|[Ss]he|[Tt]hey)\b")
_ROLE_OF = re.compile(rf"\b(?:{_ROLES})[ \u00a0](?:of|at|for)[ \u00a0]")  # "the head of Rosatom, Alexei Likhachev"
_PRESS = re.compile(r"['\u2019]s[ \u00a0]press[ \u00a0](?:service|office)\b")


@dataclass(slots=True)
class Span:
    """A quote's content span inside a segment."""

    seg: Segment
    start: int
    end: int
    open_mark: int  # index of the opening mark
    close_mark: int | None  # index of the closing mark; None when left open
    close_end: int = 0  # index just past the closing mark
    speaker: int | None = None
    cue: str | None = None


def _pair(text: str) -> list[tuple[int, int, int | None, int]]:
    """(open mark, content start, close mark or None, end past the close) per quote, left to right."""
    out: list[tuple[int, int, int | None, int]] = []
    open_at: int | None = None
    open_len = 1
    want = ""
    for mark in _MARK_RE.finditer(text):
        i, ch = mark.start(), mark.group()
        if open_at is None:
            if ch in OPENERS:  # a lone closing mark opens too: some styles use ” on both sides
                open_at, want, open_len = i, OPENERS[ch], len(ch)
        elif ch == want or (want == '"' and ch == "\u201d") or (want == "\u201d" and ch == '"'):
            out.append((open_at, open_at + open_len, i, mark.end()))
            open_at = None
    if open_at is not None:
        out.append((open_at, open_at + open_len, None, len(text)))
    return out


def _spans(seg: Segment) -> list[Span]:
    text = seg.text
    out: list[Span] = []
    for o, content, c, c_end in _pair(text):
        s, e = content, (c if c is not None else len(text))
        while s < e and text[s].isspace():
            s += 1
        # The comma before an attribution ("...soon," he said) is the writer's, not the speaker's.
        while e > s and (text[e - 1].isspace() or text[e - 1] == ","):
            e -= 1
        if not any(ch.isalpha() for ch in text[s:e]):
            continue
        out.append(Span(seg, s, e, o, c, c_end))
    return out


def _group(m: re.Match[str], name: str) -> str | None:
    """A group of the rich speaker pattern, None under the plain one."""
    return m.group(name) if name in m.re.groupindex else None


def _resolve(m: re.Match[str], seg: Segment, base: int, index: EntityIndex, cap: int | None = None) -> int | None:
    """Entity index for the speaker group of a clause match (offset by `base`).

    `cap` is the opening mark of the quote a clause after it attributes: a pronoun or an organisation
    noun there ("...we beat Ericsson," the company said) looks for its antecedent before the quote,
    never among the names the speaker's own words mention.
    """
    lim = 1 << 30 if cap is None else cap
    if _group(m, "stmt"):
        sname = "sname" if m.group("sname") else "pname" if m.group("pname") else ""
        if sname:  # "a Kelvara spokesperson said", "the Gazprom press office"
            named = index.at(seg.order, base + m.start(sname), base + m.end(sname))
            return named if named is not None and index.entities[named].type == "organisation" else None
        if m.group("fname"):
            named = index.at(seg.order, base + m.start("fname"), base + m.end("fname"))
            return named if named is not None and index.entities[named].type == "organisation" else None
        noun = m.group("fnoun") or m.group("snoun")
        if noun:
            noun, pos = noun.lower(), min(lim, base + m.start("stmt"))
            if noun not in _TEAM_NOUNS and not ORG_SPEAKER_NOUNS.get(noun, ()):
                # "a statement from the operator": the organisation the copy was just about, if it fits
                topic = _topic_org(seg, pos, index, noun)
                if topic is not None:
                    return topic
            return index.org_before(seg.order, pos, noun)
        # "the statement said": the statement the story named before, else nobody knowable.
        bare = m.group("stmt")
        return index.statement_by if bare.endswith("statement") and bare[:3] in ("the", "The") else None
    if m.group("pron"):
        pron = m.group("pron").lower()
        pos = min(lim, base + m.start("pron"))
        if pron == "it":
            topic = _topic_org(seg, pos, index, None)
            return topic if topic is not None else _noun_subject(seg, pos, index)
        g = PRONOUNS.get(pron)
        if g is None:
            return None  # "they": no honest single speaker
        # "Lee, who lost, said he ... "...," he said": the subject of the paragraph's last reporting
        # clause beats a nearer person named as an object ("challenging the rookie").
        clauses = _clauses(seg.text)
        k = bisect.bisect_left(clauses, pos, key=lambda c: c[0])
        for _c_at, c in reversed(clauses[max(0, k - 4) : k]):
            if c.group("pron"):
                continue
            if c.group("role") and c.group("role")[:2] in ("a ", "A ", "an", "An"):
                return None  # "a fruit seller said ... "...," she said": someone unnamed
            if c.group("name") or c.group("role"):
                who = _resolve(c, seg, 0, index)
                if who is not None and index.entities[who].type == "person" and index.gender.get(who, g) == g:
                    return who
            break
        else:
            if _unnamed_subject_before(seg, pos, index):
                return None  # "a pensioner leaving a polling station said ... "...," he said": nobody named
            who = _previous_subject(seg, pos, g, index)
            if who is not None:
                return who
        return index.person_before(seg.order, pos, g)
    if m.group("exec"):
        # "the EU executive said": the European Commission, named so earlier.
        return index.org_before(seg.order, min(lim, base + m.start("exec")), "commission")
    if m.group("orgn"):
        # "the Central Bank said": the organisation written there; "the central bank said": the
        # organisation of that kind mentioned last.
        if _group(m, "poss"):
            # "Europe's biggest airline said" names the company; "Lee's team said" does not; "Rosseti's press
            # service said" is Rosseti.
            owner = index.at(seg.order, base + m.start("poss"), base + m.end("poss"))
            if (
                owner is not None
                and index.entities[owner].type == "organisation"
                and _PRESS.match(seg.text, base + m.end("poss"))
            ):
                return owner
            if owner is None or index.entities[owner].type != "place":
                return None
        # The name must cover the noun: "the U.N. health agency" is not the UN itself.
        here = index.at(seg.order, base + m.start("noun"), base + m.end("noun"))
        if here is not None and index.entities[here].type == "organisation":
            return here
        noun = m.group("noun").lower()
        mods = frozenset(seg.text[base + m.start("orgn") : base + m.start("noun")].lower().split()[1:])
        if noun == "court" and mods & _TOP_WORDS:
            mods = mods | _TOP_COURT_WORDS  # "the top court": the Supreme Court, not a High Court
        pos = min(lim, base + m.start("orgn"))
        if noun not in _TEAM_NOUNS and not ORG_SPEAKER_NOUNS.get(noun, ()):
            # "the medical charity said", "the Swedish company said": the organisation the sentence or
            # paragraph before is about, when the noun fits it, beats the one named most often.
            topic = _topic_org(seg, pos, index, noun)
            if topic is not None:
                return topic
        found = index.org_before(seg.order, pos, noun, mods=mods)
        if found is None and noun in _PUBLIC_NOUNS:
            # "Rosaviatsiya closed ..." then "the aviation authority said": a bare name with no head noun,
            # the subject just written about, is the body the noun means.
            topic = _topic_org(seg, pos, index, None)
            if topic is not None and not set(index.entities[topic].name.split()) & _HEAD_WORDS:
                return topic
        return found
    grp = "role" if m.group("role") else "name"
    start = base + m.start(grp)
    if _TOLD_BEFORE.search(seg.text, max(0, start - 12), start):
        return None  # "told Interfax": the agency is spoken to
    if grp == "role" and seg.text[start : start + 4].lower() == "the " and _unnamed_role_before(seg, start, m, index):
        return None  # "An industry official, who asked not to be named, said ... the official said": nobody named
    idx = index.at(seg.order, start, base + m.end(grp))
    if idx is None or index.entities[idx].type != "person":
        # "said Acme chief executive Priya Raman": the person named right after wins.
        stop = _past_titles(_STOP, seg.text, start, start + 80)  # the end of the phrase naming the speaker
        hi = stop.start() if stop else start + 80
        phrase = seg.text[start:hi]
        if (
            stop
            and stop.group() == ","
            and (phrase.rsplit(None, 1)[-1].lower() in gz.roles() or _ROLE_OF.search(phrase))
        ):
            # "said Lyon's deputy mayor, Ann Lee,": the role's apposition names the speaker.
            more = _STOP.search(seg.text, hi + 1, hi + 80)
            hi = more.start() if more else hi + 80
        near = index.person_near(seg.order, start, hi)
        idx = near if near is not None else idx
        if idx is None and grp == "role" and seg.text[start : start + 4].lower() == "the ":
            idx = _role_introduced(seg, start, m.group("role").rsplit(None, 1)[-1].lower(), index)
    if idx is not None and index.entities[idx].type == "place":
        return None
    return idx


def _past_titles(pattern: re.Pattern[str], text: str, lo: int, hi: int) -> re.Match[str] | None:
    """`pattern`'s first match in text[lo:hi] that is not the full stop of an abbreviated title: "PNP chief
    Gen. Rommel Marbil said", "said Maj. Gen. Fahd Al-Otaibi," go on past "Gen." and "Maj."."""
    m = pattern.search(text, lo, hi)
    while m is not None and m.group()[0] == ".":
        last = text[lo : m.start()].rsplit(None, 1)[-1:]
        if not last or last[0] not in gz.titles():
            break
        m = pattern.search(text, m.end(), hi)
    return m


def _clause_end(text: str, lo: int, hi: int) -> re.Match[str] | None:
    """Where the clause from `lo` ends (before `hi`)."""
    return _past_titles(_CLAUSE_END, text, lo, hi)


_STOP = re.compile(r"[.,;:!?\"\u201c\u201d]")


_TEAM_NOUNS = frozenset(["club", "team", "side"])
_PUBLIC_NOUNS = frozenset(["agency", "authority", "regulator", "watchdog", "bureau", "service", "inspectorate"])
_HEAD_WORDS = ORG_SUFFIX | ORG_HEAD
_FUNCTION_WORDS = frozenset(["in", "at", "of", "for", "to", "with", "by", "from", "on", "and", "than", "against"])
_LEAD_WORDS = re.compile(r"(?:[\w'\u2019-]+[ \u00a0]){0,3}$")


def _recent_mentions(seg: Segment, pos: int, index: EntityIndex) -> Iterator[tuple[str, int, int]]:
    """(paragraph text, mention start, entity) of the mentions before `pos` in this paragraph, nearest
    first, then of the previous paragraph's, last first: where a noun's or a role's antecedent lies."""
    for sg, until in ((seg, pos), (index.prev_segment, None)):
        if sg is None or (until is None and sg.order >= seg.order):
            continue
        text = sg.text
        k = bisect.bisect_left(index.spans, (sg.order, len(text) if until is None else until))
        for o, s, _e, idx in reversed(index.spans[max(0, k - 16) : k]):
            if o != sg.order:
                break
            yield text, s, idx


def _topic_org(seg: Segment, pos: int, index: EntityIndex, noun: str | None) -> int | None:
    """The organisation a sentence opens with ("Ericsson, which also supplies Bharti, said"; "Rival Maersk
    said"), last in this paragraph before `pos`, else in the previous paragraph; it must fit `noun`.

    "...," it said / the medical charity said: the organisation the copy was just about.
    """
    for text, s, idx in _recent_mentions(seg, pos, index):
        cut = max(text.rfind(". ", 0, s), text.rfind('" ', 0, s), text.rfind("\u201d ", 0, s))
        lead = text[cut + 2 if cut >= 0 else 0 : s]
        if index.entities[idx].type != "organisation" or not _LEAD_WORDS.fullmatch(lead):
            continue
        if "," in lead or (lead and not lead[0].isupper()) or _FUNCTION_WORDS & set(lead.lower().split()):
            continue  # "Analysts at ING": not what the sentence is about
        if noun is None or index.org_fits(idx, noun):
            return idx
    return None


_NOUN_OPENS = re.compile(
    rf"(?:^|(?<=[.!?] )|(?<=[.!?][\"\u201d] ))[Tt]he[ \u00a0](?:[\w-]{{1,30}}[ \u00a0]){{0,2}}?({_ORG_NOUNS})\b"
)


def _noun_subject(seg: Segment, pos: int, index: EntityIndex) -> int | None:
    """ "The office said it would open 40 points. "...," it said": a sentence of this paragraph opening with
    an organisation noun, the organisation that noun means."""
    found = None
    for m in _NOUN_OPENS.finditer(seg.text, 0, pos):
        found = m
    if found is None:
        return None
    return index.org_before(seg.order, found.start(), found.group(1).lower())


def _role_introduced(seg: Segment, pos: int, role: str, index: EntityIndex) -> int | None:
    """ "The mayor of Pechea, Ionel Dobre, told Agerpres ..." then "...," the mayor said: the person
    last named in a sentence that wrote the role before the name, in this paragraph or the previous."""
    for text, s, idx in _recent_mentions(seg, pos, index):
        if index.entities[idx].type != "person":
            continue
        lead = text[max(0, s - 60) : s]
        lead = lead[max(lead.rfind(". "), lead.rfind('"'), lead.rfind("\u201d")) + 1 :].lower()
        if contains_word(lead, role):
            return idx
    return None


def _previous_subject(seg: Segment, pos: int, gender: str, index: EntityIndex) -> int | None:
    """ "Venkat said he would call captain Arjun Malhotra." then "'...,' he told reporters": with no
    clause or person before the pronoun in its own paragraph, the subject of the previous paragraph's
    last reporting clause beats a person named there as an object."""
    prev = index.prev_segment
    if prev is None or prev.order >= seg.order or index.person_last(seg.order, 0, pos) is not None:
        return None
    for _c_at, c in reversed(_clauses(prev.text)[-4:]):
        if c.group("pron"):
            return None
        who = _resolve(c, prev, 0, index)
        if who is not None and index.entities[who].type == "person" and index.gender.get(who, gender) == gender:
            return who
        return None
    return None


# "TASS quoted Lavrov as saying", "..., the ministry quoted Fidan as saying.": the one quoted speaks.
_QUOTED_AS = re.compile(
    r"\b(?:quot(?:ed|ing)|cit(?:ed|ing))[ \u00a0]([^.!?;\"\u201c\u201d]{1,80}?)[ \u00a0]as[ \u00a0]"
    r"(?:saying|telling|stating|having[ \u00a0]said)\b"
)


@functools.lru_cache(maxsize=64)
def _mentions_quoting(text: str) -> bool:
    """Once per paragraph, not once per quote: a paragraph of thousands of quotes stays linear."""
    return "quot" in text or "cit" in text


def _quoted_as(sp: Span, index: EntityIndex) -> tuple[int | None, str | None] | None:
    """The person (or organisation) a "quoted X as saying" clause names, in the quote's own sentence:
    right after the quote, or before it."""
    text = sp.seg.text
    if not _mentions_quoting(text):
        return None
    windows = []
    if sp.close_mark is not None:
        end_m = _clause_end(text, sp.close_end, sp.close_end + 200)
        windows.append((sp.close_end, end_m.start() if end_m else min(len(text), sp.close_end + 200)))
    start = max(0, sp.open_mark - 300)
    for m in _SENT_START.finditer(text, start, sp.open_mark):
        start = m.end()
    windows.append((start, sp.open_mark))
    for lo, hi in windows:
        q = _QUOTED_AS.search(text, lo, hi)
        if q is None:
            continue
        order = sp.seg.order
        who = index.person_near(order, q.start(1), q.end(1))
        if who is None:
            who = index.org_last(order, q.start(1), q.end(1))
        if who is not None and index.entities[who].type != "place":
            return who, "saying"
    return None


def _clause_after(sp: Span, index: EntityIndex) -> tuple[int | None, str | None] | None:
    text = sp.seg.text
    if sp.close_mark is None or text[sp.close_mark - 1 : sp.close_mark] == ".":
        # '... called the strike "unnecessary." Its board member said: "..."': a full stop inside the
        # marks ends the sentence; what follows is not this quote's attribution.
        return None
    pos = _GAP.match(text, sp.close_end)
    at = pos.end() if pos else sp.close_end
    r = _rich(text)
    for rx in (_VERB_SPS[r], _SP_VERBS[r], _ACCORDINGS[r]):
        m = rx.match(text, at)
        if m:
            if _INTRODUCES.match(text, m.end()):
                return None  # 'X said: "..."' introduces the next quote
            return _resolve(m, sp.seg, 0, index, cap=sp.open_mark), m.group("cue")
    return _clause_after_loose(sp.seg, at, index)


_TITLE_JOINERS = frozenset(["of", "for", "and", "the"])
_AFFILIATION = re.compile(
    r",?[ \u00a0](?:of|at|from|with)[ \u00a0](?:the[ \u00a0])?"
    r"(?:[A-Z][\w'\u2019&.-]*|of|for|and|the)(?:[ \u00a0](?:[A-Z][\w'\u2019&.-]*|of|for|and|the))*"
    r"(?:[ \u00a0]\([A-Z][\w&.-]{0,15}\))?,?[ \u00a0]"
)
_INTRODUCES = re.compile(r"(?:[ \u00a0][\w-]{1,20}){0,4}:")
# "..., party candidate Sabyasachi Ghoshal, who won Naihati by 49,000 votes, told reporters": a relative clause.
_WHO_GAP = re.compile(r",[ \u00a0]who[ \u00a0][^\"\u201c\u201d;:]{1,90}?,[ \u00a0]")


def _clause_after_loose(seg: Segment, at: int, index: EntityIndex) -> tuple[int | None, str | None] | None:
    """The reporting clause right after a quote, read loosely up to the sentence end.

    "...," sporting director Horst Heldt said in a club statement: the person (or role,
    or pronoun) mentioned before the reporting verb speaks; with the verb first
    ("said the club's coach, Anna Berg"), the first person after it does.
    """
    text = seg.text
    end_m = _clause_end(text, at, at + 160)
    end = end_m.start() if end_m else min(len(text), at + 160)
    cue = _ANY_CUE.search(text, at, end)
    if cue is None or _INTRODUCES.match(text, cue.end()):
        return None
    lead = text[at : cue.start()].split()
    # "...," Minister of Energy Transition and Sustainable Development Nadia Bennani said: a long title;
    # "...," meteorologist Afroza Sultana of the Bangladesh Meteorological Department (BMD) told UNB: a long
    # affiliation after the name.
    if len(lead) > 8 and (len(lead) > 14 or not all(w[0].isupper() or w in _TITLE_JOINERS for w in lead)):
        near = index.person_near(seg.order, at, at + len(" ".join(lead[:4])) + 1)
        if near is None or len(lead) > 16:
            return None
        gap_at = _mention_end(index, seg.order, near, cue.start())
        if not (_AFFILIATION.fullmatch(text, gap_at, cue.start()) or _WHO_GAP.fullmatch(text, gap_at, cue.start())):
            return None
    who = index.person_last(seg.order, at, cue.start())
    if who is not None and _POSS_SPOKES.match(text, _mention_end(index, seg.order, who, cue.start()), cue.start()):
        return None  # "Putin's spokesman said": not Putin's own words
    if who is None:
        prons = list(_PRONOUN.finditer(text, at, cue.start()))
        if prons:
            pron = prons[-1]
            g = PRONOUNS.get(pron.group().lower())
            who = index.person_before(seg.order, pron.start(), g) if g else None
            return (who, cue.group()) if who is not None else None
    if who is None and not text[at : cue.start()].strip():
        who = index.person_near(seg.order, cue.end(), end)
    if who is None:
        org = index.org_last(seg.order, at, cue.start())
        if org is not None:
            after_org = _mention_end(index, seg.order, org, cue.start())
            # "the NADMA (...) said", "the Climate Observatory, a network of environmental groups, said": an
            # acronym or an apposition may sit between the body and its verb.
            gap = _APPOSITION_GAP.sub("", _ACRONYM_GAP.sub("", text[after_org : cue.start()]))
            if (
                _FOR_ORG.search(text, at, cue.start())
                or _POSS_SPOKES.match(text, after_org, cue.start())
                or not gap.strip(" ,)")
            ):
                who = org
    if who is None:
        return None
    return who, cue.group()


# "the National Disaster Management Agency (NADMA) said": the acronym between name and verb.
_ACRONYM_GAP = re.compile(r"[ \u00a0]*\([A-Z][\w&.-]{0,15}\)")
_APPOSITION_GAP = re.compile(r"^,[ \u00a0](?:a|an|the|its)[ \u00a0][^,.;:\"\u201c\u201d]{1,60},")


def _mention_end(index: EntityIndex, order: int, idx: int, hi: int) -> int:
    """End of entity `idx`'s last mention before `hi` in segment `order`."""
    k = bisect.bisect_left(index.spans, (order, hi))
    for o, _s, e, i in reversed(index.spans[max(0, k - 8) : k]):
        if o == order and i == idx:
            return e
    return 0


def _clause_before(sp: Span, index: EntityIndex) -> tuple[int | None, str | None] | None:
    text = sp.seg.text
    lo = max(0, sp.open_mark - 160)
    window = text[lo : sp.open_mark]
    tail = window.rstrip()
    if not tail.endswith((":", ",")):
        return None
    last = None
    r = _rich(text)
    for m in _SP_VERBS[r].finditer(window):
        if not re.search(r"[.!?\"\u201c\u201d]", window[m.end() :]):
            last = m
    if last is None:
        for m in _ACCORDINGS[r].finditer(window):
            last = m
    if last is None:
        return _subject_before(sp, tail, lo, index) or _colon_subject(sp, tail, lo, index)
    who = _resolve(last, sp.seg, lo, index)
    if who is None and last.group("name"):
        # "... coached Al-Wahda in the United Arab Emirates, said:": a place is no speaker
        return _subject_before(sp, tail, lo, index) or (None, last.group("cue"))
    return who, last.group("cue")


_CUE_END = re.compile(rf"\b(?:{_VERBS})[,:]$")


def _colon_subject(sp: Span, tail: str, lo: int, index: EntityIndex) -> tuple[int | None, str | None] | None:
    """ "Brettschneider then cut in: "..."", "Lee was blunt: "..."": a short sentence that opens with a
    person and ends in a colon introduces that person's words."""
    if not tail.endswith(":"):
        return None
    text = sp.seg.text
    colon = lo + len(tail) - 1
    start = 0
    for m in _SENT_START.finditer(text, max(0, colon - 120), colon):
        start = m.end()
    if start == 0 and colon > 120:
        return None
    if len(text[start:colon].split()) > 8:
        return None
    who = index.person_near(sp.seg.order, start, start + 1)
    return (who, ":") if who is not None else None


def _subject_before(sp: Span, tail: str, lo: int, index: EntityIndex) -> tuple[int | None, str | None] | None:
    """ "Valadares, 52, who previously coached Al-Wahda in the UAE, said: "..."": appositions too long
    for the clause pattern; the person or organisation the sentence opens with speaks."""
    cue = _CUE_END.search(tail, max(0, len(tail) - 16))
    if cue is None:
        return None
    text = sp.seg.text
    far = max(0, lo - 240)
    start = far
    for m in _SENT_START.finditer(text, far, lo + cue.start()):
        start = m.end()
    if start == far and far > 0:
        return None  # the sentence starts too far back: its subject is unknown
    k = bisect.bisect_left(index.spans, (sp.seg.order, start))
    if k < len(index.spans):
        o, s, _e, idx = index.spans[k]
        lead = text[start:s]
        if (
            o == sp.seg.order
            and s < lo + cue.start()
            and index.entities[idx].type != "place"
            and _LEAD_WORDS.fullmatch(lead)
            and "," not in lead
            and not _FUNCTION_WORDS & set(lead.lower().split())
        ):
            return idx, cue.group().rstrip(",:")
    return None


# Verbs that introduce reported speech with a partial quote ("accused the government of "..."").
_REPORT_CUE = re.compile(
    rf"\b(?:{_VERBS}|accused|accuses|accusing|called|calls|calling|described|describes|describing|saying|"
    r"criticised|criticized|denounced|dismissed|hailed|branded|labelled|labeled|welcomed|slammed|praised|"
    r"condemned|defended|rejected|expressed|voiced|decried|lamented|blamed|likened|compared|characterised|"
    r"characterized|insisting|arguing|adding|warning|noting|ruled|found|observed|observing|stated|stating|"
    r"directed|directing)\b"
)
_SENT_START = re.compile(r"[.!?](?:[\"\u201d']{1,2})?\s+(?=[A-Z`\"\u201c])")
_ORG_NP = re.compile(rf"\b[Tt]he[ \u00a0](?:[\w-]{{1,30}}[ \u00a0]){{0,2}}?({_ORG_NOUNS})\b")
_IT = re.compile(r"\b[Ii]t\b")
_LAST_PRONOUN = re.compile(r"\b([Hh]e|[Ss]he)\b")


def _clause_reported(sp: Span, index: EntityIndex) -> tuple[int | None, str | None] | None:
    """A partial quote in reported speech: the subject of the sentence's reporting verb before the quote.

    "Speaker Ann Lee of Ohio said the bill was "not enough"", "Lee accused the government of
    "..."": the last person named before the verb in the same sentence, else the pronoun
    there, else the organisation named there.
    """
    text = sp.seg.text
    lo = max(0, sp.open_mark - 300)
    start = lo
    for m in _SENT_START.finditer(text, lo, sp.open_mark):
        start = m.end()
    window = text[start : sp.open_mark]
    if _MARK_RE.search(window):
        return None  # another quote sits between: its own attribution rules
    cues = list(_REPORT_CUE.finditer(text, start, sp.open_mark))
    if not cues:
        return None
    cue = cues[0]
    order = sp.seg.order
    for later in cues[1:]:
        # "The team found that ..., which Li described as "..."": a person right before a later verb
        named = index.person_last(order, max(start, later.start() - 40), later.start())
        if named is not None and _mention_end(index, order, named, later.start()) >= later.start() - 1:
            return named, later.group()
    # "Kenji Takemura, who studied with Reisinger, wrote": not a person inside the relative clause.
    # "The Idaho Contractors Board, which revoked Pruitt's registration, said": nor inside a "which" clause.
    rel = min((i for i in (text.find(", who", start, cue.start()), text.find(", which", start, cue.start())) if i >= 0),
              default=-1)  # fmt: skip
    who = index.person_last(order, start, rel if rel >= 0 else cue.start())
    if who is not None and cue.group().endswith("ing") and text[cue.start() - 2 : cue.start()] == ", " and rel < 0:
        # "Judge Carmen Ortega-Baca allowed Yazzie-Montoya to remain free, noting that she had "...": the
        # participle's subject is the sentence's, its first person
        who = index.person_near(order, start, cue.start())
    if who is None and rel >= 0 and text.startswith(", who", rel):
        who = index.person_last(order, start, cue.start())
    if who is None:
        prons = list(_LAST_PRONOUN.finditer(text, start, cue.start()))
        if prons:
            g = PRONOUNS.get(prons[-1].group().lower())
            who = index.person_before(order, prons[-1].start(), g)
    if who is None:
        noun = _ORG_NP.search(text[start : cue.start()])
        if noun and text.startswith(" and ", start + noun.end()):
            return None  # "The university and research ministry called it "..."": no one body, no name
        if noun:
            who = index.org_before(order, start + noun.start(), noun.group(1).lower())
    if who is None and _IT.search(text, start, cue.start()):
        # "In a statement, it called the election "..."": the organisation the copy was just about
        who = _topic_org(sp.seg, start, index, None)
        who = who if who is not None else _noun_subject(sp.seg, start, index)
    if who is None and rel >= 0:
        # "The Dicastery for Evangelisation, which is organising the Holy Year, said": the body before the clause
        who = index.org_last(order, start, rel)
    if who is None:
        who = index.org_last(order, start, cue.start())
    return (who, cue.group()) if who is not None else None


def _clause_earlier(
    sp: Span, clauses: list[tuple[int, re.Match[str]]], index: EntityIndex
) -> tuple[int | None, str | None] | None:
    """Reported speech: the last "X said/noted that" or "according to X" before the quote."""
    k = bisect.bisect_left(clauses, sp.open_mark, key=lambda c: c[0])
    for _, m in reversed(clauses[max(0, k - 3) : k]):
        if m.end() <= sp.open_mark:
            idx = _resolve(m, sp.seg, 0, index)
            return (idx, m.group("cue")) if idx is not None else None
    return None


def _last_clause_speaker(seg: Segment, index: EntityIndex) -> tuple[int | None, str | None]:
    """The speaker of a paragraph's last reporting clause, when it names one; else nobody."""
    if _ANY_CUE.search(seg.text) is None:
        return None, None
    clauses = _clauses(seg.text)
    if not clauses:
        return None, None
    m = clauses[-1][1]
    idx = _resolve(m, seg, 0, index)
    return (idx, m.group("cue")) if idx is not None else (None, None)


@functools.lru_cache(maxsize=64)
def _clauses(text: str) -> list[tuple[int, re.Match[str]]]:
    r = _rich(text)
    found = [(m.start(), m) for rx in (_SP_VERBS[r], _ACCORDINGS[r]) for m in rx.finditer(text)]
    found.sort(key=lambda c: c[0])
    return found


_ISSUED = re.compile(
    r"\b(?:said|says|announced|confirmed|added)[ \u00a0](?:on[ \u00a0]\w+[ \u00a0])?in[ \u00a0](?:an?|its)[ \u00a0]"
    r"(?:[\w-]{1,20}[ \u00a0])?statement\b|\bstatement[ \u00a0](?:from|by|issued[ \u00a0]by)[ \u00a0]"
)


def _statement_issuer(seg: Segment, index: EntityIndex) -> int | None:
    """Who a paragraph names as issuing a statement: the last organisation or person before
    "said in a statement" in its sentence, or the organisation after "a statement from"."""
    text = seg.text
    found: int | None = None
    for m in _ISSUED.finditer(text):
        if m.group().startswith("statement"):
            hit = index.org_last(seg.order, m.end(), m.end() + 60)
            k = bisect.bisect_left(index.spans, (seg.order, m.end()))
            if k < len(index.spans) and index.spans[k][0] == seg.order and index.spans[k][1] < m.end() + 4:
                hit = index.spans[k][3]
        else:
            lo = max(0, m.start() - 200)
            for s_m in _SENT_START.finditer(text, lo, m.start()):
                lo = s_m.end()
            hit = _last_named(index, seg.order, lo, m.start())
        if hit is not None and index.entities[hit].type != "place":
            found = hit
    return found


def _last_named(index: EntityIndex, order: int, lo: int, hi: int) -> int | None:
    """The last person or organisation mentioned in [lo, hi) of segment `order`."""
    k = bisect.bisect_left(index.spans, (order, hi))
    for o, s, _e, idx in reversed(index.spans[max(0, k - 12) : k]):
        if o != order or s < lo:
            return None
        if index.entities[idx].type != "place":
            return idx
    return None


# "...," a ministry official added / said one villager: someone the story does not name.
_UNNAMED_AFTER = re.compile(
    rf"[\s,.;:!?\u2014\u2013-]{{0,4}}(?:(?:{_VERBS})[ \u00a0])?(?:[Aa]n?|[Oo]ne)[ \u00a0]"
    rf"(?:[\w'\u2019-]{{1,30}}[ \u00a0]){{0,3}}?(?:{_ROLES})\b"
)


# "...," one voter in Zagreb told HINA / a fisherman in Aparri said / read a note left among flowers: an
# indefinite subject right after the quote is someone the story does not name.
_INDEFINITE_AFTER = re.compile(
    rf"[\s,.;:!?\u2014\u2013-]{{0,4}}(?P<verb>(?:{_VERBS}|read)[ \u00a0])?(?:[Aa]n?|[Oo]ne|[Aa]nother)[ \u00a0]"
)
_AFFILIATION_PREP = re.compile(r"[ \u00a0](?:at|of|for|from|with|in)[ \u00a0]")
_SPOKEN_FOR = re.compile(r"spokes|statement|representative|press[ \u00a0](?:service|office)")


def _indefinite_after(sp: Span, index: EntityIndex) -> str | None:
    """The cue of an attribution right after the quote whose subject is indefinite and names no body
    ("one passenger wrote online", "said a resident of Baku"), else None."""
    if sp.close_mark is None:
        return None
    text = sp.seg.text
    m = _INDEFINITE_AFTER.match(text, sp.close_end)
    if m is None:
        return None
    end_m = _clause_end(text, m.end(), m.end() + 160)
    end = end_m.start() if end_m else min(len(text), m.end() + 160)
    if m.group("verb"):
        cue, hi = m.group("verb").strip(), end
    else:
        c = _ANY_CUE.search(text, m.end(), end)
        if c is None or len(text[m.end() : c.start()].split()) > 8:
            return None
        cue, hi = c.group(), c.start()
    if _SPOKEN_FOR.search(text, m.end(), hi) or (
        index.org_last(sp.seg.order, m.end(), hi) is not None
        and _AFFILIATION_PREP.search(text, m.end(), hi) is not None
    ):
        # "a statement from the ministry", "an analyst at ING": a body speaks or is named (but "one EU
        # diplomat" is someone unnamed)
        return None
    # "a woman who fled Keratea said": a name inside the subject's relative clause is not the subject
    rel = [i for i in (text.find(" who ", m.end(), hi), text.find(" whose ", m.end(), hi)) if i >= 0]
    if index.person_near(sp.seg.order, m.end(), min(rel) if rel else hi) is not None:
        return None
    return cue


# "a fruit seller said", "one pensioner told TASS": someone the story does not name reports something.
_UNNAMED_NOUNS = (
    rf"(?:{_ROLES}|woman|man|seller|vendor|shopper|passenger|customer|voter|local|person|girl|boy|traveler|traveller|"
    r"commuter|spectator|onlooker|bystander|tourist|visitor|pilgrim|patient|parent|fan|mourner|motorist)"
)
_UNNAMED_SUBJECT = re.compile(
    rf"(?<![\w-])(?:[Aa]n?|[Oo]ne|[Aa]nother)[ \u00a0](?:[\w'\u2019-]{{1,30}}[ \u00a0]){{0,3}}?{_UNNAMED_NOUNS}\b"
    rf"[^.!?\"\u201c\u201d]{{0,80}}?\b(?:{_VERBS}|told)\b"
    # "A TNT fan from Cebu who flew in was more cautious.": a sentence about someone unnamed
    rf"|(?:^|(?<=[.!?][ \u00a0]))(?:An?|One|Another)[ \u00a0](?:[\w'\u2019-]{{1,30}}[ \u00a0]){{0,3}}?{_UNNAMED_NOUNS}\b"
    rf"[^.!?\"\u201c\u201d]{{0,120}}[.:](?=[ \u00a0]*[\"\u201c])"
)


@functools.lru_cache(maxsize=64)
def _unnamed_subjects(text: str) -> tuple[tuple[int, int], ...]:
    """(end, start) of each unnamed reporting subject in a paragraph, found once per paragraph."""
    return tuple((m.end(), m.start()) for m in _UNNAMED_SUBJECT.finditer(text))


def _unnamed_subject_before(seg: Segment, pos: int, index: EntityIndex) -> bool:
    """The paragraph's text before `pos` has an indefinite subject reporting something, and nobody is named
    after it: a pronoun there is that unnamed person, not a person of an earlier paragraph."""
    found = _unnamed_subjects(seg.text)
    k = bisect.bisect_right(found, (pos, pos))
    if k == 0:
        return False
    start = found[k - 1][1]
    if index.person_ends_at(seg.order, start - 3, start):
        return False  # "Akosua Frimpomaa, a farmer from Sefwi Wiawso, said": the named person, described
    return index.person_near(seg.order, start, pos) is None


def _unnamed_role_before(seg: Segment, start: int, m: re.Match[str], index: EntityIndex) -> bool:
    """ "the official" after "An industry official" in the same paragraph, with nobody named between."""
    noun = m.group("role").rsplit(None, 1)[-1].lower()
    text = seg.text
    lo = max(0, start - 400)  # a bounded look back: a paragraph of many quotes stays linear
    k = max(
        text.rfind(" a ", lo, start),
        text.rfind(" an ", lo, start),
        text.rfind("An ", lo, start),
        text.rfind("A ", lo, start),
    )
    if k < 0:
        return False
    intro = re.match(rf"[ ]?[Aa]n?[ \u00a0](?:[\w'\u2019-]+[ \u00a0]){{0,3}}?{re.escape(noun)}\b", text[k : k + 60])
    if intro is None or index.person_ends_at(seg.order, k - 3, k + 1):
        return False  # "Lee Soo-ah, an official at the ministry,": a named person, described
    return index.person_near(seg.order, k, start) is None


def _unnamed_after(sp: Span) -> bool:
    """The quote's own attribution names nobody: its words are not the previous speaker's."""
    return sp.close_mark is not None and _UNNAMED_AFTER.match(sp.seg.text, sp.close_end) is not None


def find_quotes(segs: list[Segment], index: EntityIndex) -> list[Quote]:
    all_spans: list[list[Span]] = [_spans(seg) for seg in segs]
    prev_speaker: tuple[int | None, str | None] = (None, None)
    prev_open = False  # the previous paragraph ended inside a quote
    index.prev_segment = None
    index.statement_by = None
    for seg, spans in zip(segs, all_spans, strict=True):
        if "statement" in seg.text:
            issuer = _statement_issuer(seg, index)
            index.statement_by = issuer if issuer is not None else index.statement_by
        clauses: list[tuple[int, re.Match[str]]] | None = None  # built only when needed
        for k, sp in enumerate(spans):
            nobody = _indefinite_after(sp, index)
            if nobody is not None:
                sp.speaker, sp.cue = None, nobody
                continue
            got = (
                _quoted_as(sp, index)
                or _clause_after(sp, index)
                or _clause_before(sp, index)
                or _clause_reported(sp, index)
            )
            if got is None or got[0] is None:
                starts_block = not seg.text[: sp.open_mark].strip()
                if k > 0 and spans[k - 1].speaker is not None:
                    got = (spans[k - 1].speaker, spans[k - 1].cue)
                elif (
                    starts_block
                    and (prev_open or prev_speaker[0] is not None)
                    and seg.order >= 0
                    and not (got is not None and _unnamed_after(sp))
                ):
                    got = prev_speaker if got is None or got[0] is None else got
                if got is None or got[0] is None:
                    clauses = _clauses(seg.text) if clauses is None else clauses
                    got = _clause_earlier(sp, clauses, index) or got
            if got is not None:
                sp.speaker, sp.cue = got
        if spans:
            last = spans[-1]
            prev_speaker = (last.speaker, last.cue)
            prev_open = last.close_mark is None
        elif seg.order >= 0:
            # "Dr Ann Lee, the regional director, said the figures should alarm everyone." then a
            # paragraph that is all quote: the speaker of the paragraph's last reporting clause goes on.
            prev_speaker, prev_open = _last_clause_speaker(seg, index), False
        if seg.order >= 0:
            index.prev_segment = seg
    _share_across_continuations(all_spans)
    out: list[Quote] = []
    for spans in all_spans:
        for sp in spans:
            ent = index.entities[sp.speaker] if sp.speaker is not None else None
            out.append(
                Quote(
                    text=sp.seg.text[sp.start : sp.end],
                    speaker=ent.name if ent else None,
                    speaker_entity=ent.id if ent else None,
                    block=sp.seg.block,
                    start=sp.start,
                    end=sp.end,
                    cue=sp.cue,
                    in_=sp.seg.in_,
                )
            )
    return out


def _share_across_continuations(all_spans: list[list[Span]]) -> None:
    """A quote run over paragraphs has one speaker, often named in only one part."""
    chain: list[Span] = []
    for spans in all_spans:
        if chain and spans and not spans[0].seg.text[: spans[0].open_mark].strip():
            chain.append(spans[0])
        else:
            _settle(chain)
            chain = []
        if spans and spans[-1].close_mark is None:
            if not chain or chain[-1] is not spans[-1]:
                _settle(chain)
                chain = [spans[-1]]
        else:
            _settle(chain)
            chain = []
    _settle(chain)


def _settle(chain: list[Span]) -> None:
    if len(chain) < 2 or not all(c.close_mark is None for c in chain[:-1]):
        return
    known = next((c for c in reversed(chain) if c.speaker is not None), None)
    if known is None:
        return
    for c in chain:
        if c.speaker is None:
            c.speaker, c.cue = known.speaker, known.cue
