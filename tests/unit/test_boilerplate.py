"""Page furniture is set aside; copy is never thrown away."""

from __future__ import annotations

import pytest

from services.normalise.boilerplate import cut_signoff, is_boilerplate, is_signoff

FURNITURE = [
    "All news",
    "Home",
    "Menu",
    "World > Europe",
    "News › Business › Markets",
    "Home / World / Europe",
    "Read more: Pension reform passes first reading",
    "Read also",
    "See also:",
    "Related: Ferry strike ends after two days",
    "Share",
    "Tweet",
    "Comments (3)",
    "12 comments",
    "Subscribe",
    "Share on Facebook",
    "Follow us on Telegram",
    "Photo: EPA",
    "© Reuters",
    "© 2021 Example Media Ltd",
    "(AP Photo/Jane Roe)",
    "Copyright 2019 The Associated Press. All rights reserved.",
    "Our Standards: The Thomson Reuters Trust Principles.",
    "12 December 2016, 14:25",
    "Updated 14:25 GMT",
    "Published: Dec 12, 2016 at 2:25 pm",
    "Mon, 3 Apr 2023 09:10 UTC",
    "Advertisement",
    "Story continues below advertisement",
    "Dock workers unload containers in the port of Riga. REUTERS/Ivan Petrov",
    "Protesters gather outside parliament on Monday. (AP Photo/Efrem Lukas)",
    "Firefighters at the scene. Photo: Getty Images",
    "(Reporting by Anna Novak; Editing by Tom Hale)",
    "Reporting by Anna Novak in Warsaw",
    "Tags: Syria, Russia, Palmyra",
    "***",
    "(Reuters)",
    "-- Xinhua",
    "/TASS/",
]

COPY = [
    "The Kremlin said on Monday it would keep talking to Washington.",
    "Home prices rose 3% in May, the statistics office said.",
    "Share prices fell sharply on Monday after the profit warning.",
    "Copyright infringement cases rose by a fifth last year.",
    "Reporting by the BBC showed that the ministry knew of the leak.",
    "Palmyra developments",
    "Kremlin stresses cooperation with US vital to avoid IS militants’ revitalization in Syria",
    "Sign up for military service is mandatory for men over 18, officials said on Monday.",
    "He took a photo Monday",
    "Syria war | Kremlin says cooperation vital",
    "Leaders meet at EU/NATO Summit",
    "On Monday, 12 people were injured in the crash.",
    '"We will not stop," he said.',
    "The photo agency said it would appeal.",
    "Follow the money, the prosecutor told the jury.",
]


@pytest.mark.parametrize("line", FURNITURE)
def test_furniture_is_boilerplate(line: str) -> None:
    """Navigation, widgets, credits, copyright and bare timestamps are boilerplate."""
    assert is_boilerplate(line)


@pytest.mark.parametrize("line", COPY)
def test_copy_is_kept(line: str) -> None:
    """Real sentences, headlines and headings are never boilerplate."""
    assert not is_boilerplate(line)


def test_long_line_is_never_boilerplate() -> None:
    """A line longer than any furniture is kept even when it starts like a widget."""
    assert not is_boilerplate("Read more: " + "the ministry said it would review rules. " * 10)


@pytest.mark.parametrize(
    ("paragraph", "expected"),
    [
        ("The plant will reopen in May, he said. (Reuters)", "The plant will reopen in May, he said."),
        ("Trade rose 8 percent in the period. -- Xinhua", "Trade rose 8 percent in the period."),
        ("The bridge is due to open in 2026. /TASS/", "The bridge is due to open in 2026."),
        ("Rain is expected on Sunday. AAP RTV", "Rain is expected on Sunday."),
        ("Talks resume on Friday. (dpa)", "Talks resume on Friday."),
        (
            "Output fell. (Reporting by Li Wei; Editing by Sam Holt) (Reuters)",
            "Output fell.",
        ),
        ("The band played on (AP)", "The band played on (AP)"),
        ("It was a well-known", "It was a well-known"),
        ("He met the head of the agency (NATO).", "He met the head of the agency (NATO)."),
    ],
)  # fmt: skip
def test_cut_signoff(paragraph: str, expected: str) -> None:
    """Agency sign-offs glued to the last sentence are cut; text ending otherwise stays."""
    assert cut_signoff(paragraph) == expected


def test_signoff_line() -> None:
    """A sign-off standing alone is recognised; an agency named in a sentence is not."""
    assert is_signoff("(Reuters)")
    assert is_signoff("AAP RTV")
    assert not is_signoff("Reuters reported the deal on Monday.")


def test_hostile_lines_are_fast() -> None:
    """Long repetitive lines are judged quickly."""
    import time

    for hostile in ("A" * 50000, "(" * 50000, ", " * 25000, '"' * 20000, "(AP) " * 10000):
        started = time.perf_counter()
        is_boilerplate(hostile)
        cut_signoff(hostile)
        assert time.perf_counter() - started < 2.0


def test_cheap_gates_hold_the_longest_furniture() -> None:
    """The length and colon gates in front of the regexes let the longest furniture through."""
    from services.normalise import boilerplate

    assert max(map(len, boilerplate._PHRASES)) <= boilerplate._FURNITURE_MAX
    widest_widget = "Comments on " + "x" * 30
    assert len(widest_widget) == boilerplate._FURNITURE_MAX
    assert is_boilerplate(widest_widget)
    assert is_boilerplate("Share ..............................................................")
    assert is_boilerplate("Lesen Sie auch : Mehr Geld für Schulen")
    assert is_boilerplate("Advertisement: Buy now")
