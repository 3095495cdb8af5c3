"""Language detection from script and function words."""

from __future__ import annotations

import time

import pytest

from services.normalise.language import detect_language

SAMPLES = {
    "en": "The city council voted on Tuesday to build a new bridge over the river, which "
    "has been closed to trucks since the spring floods.",
    "de": "Der Stadtrat hat am Dienstag beschlossen, eine neue Brücke über den Fluss zu "
    "bauen, die seit dem Hochwasser im Frühjahr für Lastwagen gesperrt ist.",
    "fr": "Le conseil municipal a voté mardi la construction d'un nouveau pont sur la "
    "rivière, qui est fermé aux camions depuis les crues du printemps.",
    "es": "El ayuntamiento votó el martes la construcción de un nuevo puente sobre el río, "
    "que está cerrado a los camiones desde las inundaciones de la primavera.",
    "it": "Il consiglio comunale ha votato martedì la costruzione di un nuovo ponte sul "
    "fiume, che è chiuso ai camion dopo le alluvioni della primavera.",
    "pt": "A câmara municipal votou na terça-feira a construção de uma nova ponte sobre o "
    "rio, que está fechada aos camiões desde as cheias da primavera.",
    "nl": "De gemeenteraad heeft dinsdag besloten een nieuwe brug over de rivier te bouwen, "
    "die sinds de overstromingen in het voorjaar is gesloten voor vrachtwagens.",
    "ru": "Городской совет во вторник проголосовал за строительство нового моста через "
    "реку, который закрыт для грузовиков после весеннего паводка.",
    "uk": "Міська рада у вівторок проголосувала за будівництво нового мосту через річку, "
    "який закритий для вантажівок після весняної повені.",
    "pl": "Rada miasta zagłosowała we wtorek za budową nowego mostu na rzece, który jest "
    "zamknięty dla ciężarówek od wiosennej powodzi.",
    "tr": "Belediye meclisi salı günü nehir üzerinde yeni bir köprü yapılması için oy verdi "
    "ve bu köprü bahar selinden sonra kamyonlara kapalı olan eski köprünün yerini alacak.",
    "sv": "Kommunfullmäktige röstade på tisdagen för att bygga en ny bro över älven, som "
    "har varit stängd för lastbilar sedan vårens översvämningar.",
    "el": "Το δημοτικό συμβούλιο ψήφισε την Τρίτη την κατασκευή νέας γέφυρας στο ποτάμι.",
    "ar": "صوت مجلس المدينة يوم الثلاثاء على بناء جسر جديد فوق النهر المغلق أمام الشاحنات.",
    "zh": "市议会周二投票决定在河上修建一座新桥，该桥自春季洪水以来一直禁止卡车通行。",
    "ja": "市議会は火曜日、春の洪水以来トラックの通行が禁止されている川に新しい橋を建設することを決めた。",
    "ko": "시의회는 화요일 봄 홍수 이후 트럭 통행이 금지된 강에 새 다리를 건설하기로 의결했다.",
}


@pytest.mark.parametrize(("expected", "text"), SAMPLES.items())
def test_major_languages(expected: str, text: str) -> None:
    """A sentence of news copy in a major language gives its primary tag."""
    assert detect_language(text) == expected


@pytest.mark.parametrize("text", ["", "Hello", "12:45 GMT 2016", "!!! ??? ...", "Peskov Putin"])
def test_too_short_or_unknown(text: str) -> None:
    """Text too short or without function words gives None rather than a guess."""
    assert detect_language(text) is None


def test_fast_on_a_story() -> None:
    """A 3 KB story is classified fast: a hundred calls take under a second."""
    text = SAMPLES["en"] * 25
    started = time.perf_counter()
    for _ in range(100):
        detect_language(text)
    assert time.perf_counter() - started < 1.0


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Regeringen har besluttet at hæve skatten på benzin, og det er ikke populært blandt bilisterne, "
            "siger eksperter til avisen. Men ministeren fastholder, at der ikke er andre muligheder.",
            "da",
        ),
        (
            "Regjeringen har bestemt at skatten på bensin skal økes, og det er ikke populært blant bilistene, "
            "sier eksperter til avisen. Men statsråden sier at det ikke finnes andre muligheter.",
            "no",
        ),
        (
            "Regeringen har beslutat att höja skatten på bensin, och det är inte populärt bland bilisterna, "
            "säger experter till tidningen. Men ministern säger att det inte finns andra möjligheter.",
            "sv",
        ),
    ],
)
def test_scandinavian_languages_are_told_apart(text: str, expected: str) -> None:
    """Danish, Norwegian and Swedish copy each get their own tag."""
    assert detect_language(text) == expected


def test_typographic_punctuation_does_not_change_the_language() -> None:
    """Curly quotes and dashes read like their ASCII stand-ins (the fast path agrees)."""
    from services.normalise.language import detect_language

    plain = '"We are ready," the minister said - and the talks went on at the port of the city.'
    curly = "“We are ready,” the minister said — and the talks went on at the port of the city."
    assert detect_language(plain) == detect_language(curly) == "en"
