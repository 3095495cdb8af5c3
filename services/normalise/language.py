"""Guess the language of a story from its script and its commonest function words.

Chosen over a model (py3langid costs ~125 MB of numpy and a 0.5 s load per worker):
news copy is long and well-formed, and a few dozen stopwords per language tell the
major wire languages apart reliably on a paragraph or more.
"""

from __future__ import annotations

import re
from collections import Counter

_STOPWORDS = {
    "en": "the of and to in a is that for on was with he it as at by from said his be "
    "has have are were which this but not an will who they their its had been would",
    "de": "der die und in den von zu das mit sich des auf für ist im dem nicht ein eine "
    "als auch es an werden aus er hat dass sie nach wird bei einer um am sind noch wie",
    "fr": "le la les de des et du un une en est que qui dans pour pas au sur par il ne "
    "se plus ce sont a été avec aux elle ont son sa ses cette mais",
    "es": "el la de que y en los del se las por un para con no una su al es lo como más "
    "pero sus le ha fue este ya entre cuando muy sin sobre también",
    "it": "il di che e la per un in non del una le della si sono al da dei nel alla con "
    "ha gli è anche delle più ma come questo nella io ci degli",
    "pt": "de a o que e do da em um para com não uma os no se na por mais as dos como "
    "mas foi ao ele das à seu sua ou ser quando muito nos já está também pelo pela",
    "nl": "de het een van en in is dat op te zijn voor met niet aan er die ook als door "
    "maar bij om nog werd naar hij heeft wordt worden deze dit uit",
    "sv": "och i att det som en på är av för med till den har de inte om ett han var "
    "men sig från vi så kan hade ska efter",
    "da": "og i at det er en til på som de med af for ikke der var han har et om vi "
    "men sig fra efter også kan skal blev når være hvor eller deres jeg hun dette",
    "no": "og i at det er en til på som de med av for ikke var han har et om vi men "
    "seg fra etter også kan skal ble når være hvor eller deres jeg hun dette sier",
    "pl": "w i na nie z się do że to jest o jak po co ale przez dla od za jego tak są "
    "jej już był była przy oraz może również tym także",
    "tr": "ve bir bu da de için ile olarak olan daha çok en gibi ama ne kadar sonra ise değil her şey ancak göre",
    "cs": "a se na je že v to s z do o jsou by jako ale i k za jeho tak po který která které také bylo byl jeho podle",
    "ro": "și de în la cu a că nu o pe din un o este mai care pentru au fost sunt se ca dar această acest după",
    "ru": "и в не на что с по как это он к из у за от о же так но был было она для все "
    "который также его их года заявил",
    "uk": "і в не на що з у як це та до за від він про але й так був було вона для всі який також його їх року заявив",
    "bg": "и на в да се за от с не е че по са това като но до той ще при които беше",
}
_WORD_LANGS: dict[str, tuple[str, ...]] = {}
for _lang, _words in _STOPWORDS.items():
    for _word in set(_words.split()):
        _WORD_LANGS[_word] = (*_WORD_LANGS.get(_word, ()), _lang)

# Scripts that belong to one language here; Cyrillic and Latin go to the stopwords.
_SCRIPTS = (
    ("el", re.compile(r"[\u0370-\u03ff]")),
    ("he", re.compile(r"[\u0590-\u05ff]")),
    ("ar", re.compile(r"[\u0600-\u06ff]")),
    ("hi", re.compile(r"[\u0900-\u097f]")),
    ("th", re.compile(r"[\u0e00-\u0e7f]")),
    ("ko", re.compile(r"[\uac00-\ud7af]")),
    ("ja", re.compile(r"[\u3040-\u30ff]")),
    ("zh", re.compile(r"[\u4e00-\u9fff]")),
)
# Any of those scripts: one scan of the sample finds the few characters the counts need.
_ANY_SCRIPT = re.compile("[" + "".join(pattern.pattern[1:-1] for _, pattern in _SCRIPTS) + "]")
_PERSIAN = re.compile(r"[پچژگ]")
_WORDS = re.compile(r"[^\W\d_]+")
# Typographic punctuation that is neither a letter nor in any script above: as spaces,
# it leaves the words as they were and lets English copy take the ASCII path.
_PUNCTUATION = "“”‘’„‚«»‹›—–‐‑‒―…•·°€£"
# ASCII letters lower-cased, everything else a space: the words of ASCII copy in one pass,
# the same as _WORDS finds in its case-folded text, at several times the speed.
_ASCII_LETTERS = bytes(
    c | 0x20 if chr(c).isascii() and chr(c).isalpha() else ord(" ") for c in range(256)
)  # fmt: skip
_LANGS = tuple(_STOPWORDS)
_SAMPLE = 1000  # characters: some 150 words settle it; more adds time, not certainty
_MIN_LETTERS = 20
_MIN_HITS = 3


def _by_script(sample: str, letters: int) -> str | None:
    hits = "".join(_ANY_SCRIPT.findall(sample))
    counts = {lang: len(pattern.findall(hits)) if hits else 0 for lang, pattern in _SCRIPTS}
    # Kana marks Japanese even among the Han characters it is written with.
    if counts["ja"] and counts["ja"] + counts["zh"] > letters / 2:
        return "ja"
    lang, count = max(counts.items(), key=lambda item: item[1])
    if count <= letters / 2:
        return None
    if lang == "ar" and _PERSIAN.search(sample):
        return "fa"
    return lang


def _ascii_letters(sample: str) -> str | None:
    """``sample`` case-folded with spaces for all but its letters, when it is ASCII but
    for punctuation; else None."""
    if not sample.isascii():
        for mark in _PUNCTUATION:
            if mark in sample:
                sample = sample.replace(mark, " ")
        if not sample.isascii():
            return None
    return sample.encode("ascii").translate(_ASCII_LETTERS).decode("ascii")


def _by_stopwords(words: list[str]) -> str | None:
    scores = dict.fromkeys(_LANGS, 0)
    # Each stopword's languages counted once per distinct tuple, not once per word.
    for langs, n in Counter(filter(None, map(_WORD_LANGS.get, words))).items():
        for lang in langs:
            scores[lang] += n
    counts = list(scores.values())
    top = max(counts)
    if top < _MIN_HITS or counts.count(top) > 1:
        return None
    return _LANGS[counts.index(top)]


def detect_language(text: str) -> str | None:
    """Return the BCP 47 primary tag of ``text``'s language, or None when unsure."""
    sample = text[:_SAMPLE]
    letters_only = _ascii_letters(sample)
    if letters_only is not None:
        # Letters and punctuation only, none of them in a script of its own: no script count.
        if len(letters_only) - letters_only.count(" ") < _MIN_LETTERS:
            return None
        return _by_stopwords(letters_only.split())
    words = _WORDS.findall(sample.casefold())
    letters = sum(map(len, words))
    if letters < _MIN_LETTERS:
        return None
    return _by_script(sample, letters) or _by_stopwords(words)
