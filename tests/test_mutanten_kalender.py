"""Mutation-testing follow-up for ``kooplan.kalender`` (docs/mutation.md).

The calendar rules themselves were already well covered; the survivors were in the input
checks. The contract (docs/vertrag.md, ``kooplan.fehler``): a refused argument is an
``UngueltigeEingabe`` whose ``meldung`` is one German sentence naming the argument; the calendar
functions accept the days from 1.1.2005 (SGB II began) to 31.12.2099, both included
(``kalender.SGB2_AB``, ``_pruefen.SPAETESTER_TAG``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest

from kooplan.fehler import UngueltigeEingabe
from kooplan.kalender import (
    alter_am,
    aufhebung_bei_erfuellung,
    bekanntgabe,
    beratungsangebot_bis,
    feiertage,
    feststellung_spaetestens,
    fristende,
    ist_werktag,
    minderung_beginn,
    minderung_ende,
)

D = dt.date
UHRZEIT = dt.datetime(2024, 3, 1, 10, 0)

#: Each public function with one argument that is a datetime, and that argument's name.
AUFRUFE: list[tuple[str, Callable[[], object]]] = [
    ("aufgabe_zur_post", lambda: bekanntgabe(UHRZEIT)),  # type: ignore[arg-type]
    ("wirksam_am", lambda: minderung_beginn(UHRZEIT)),  # type: ignore[arg-type]
    ("beginn", lambda: minderung_ende(UHRZEIT, 1)),  # type: ignore[arg-type]
    ("erfuellt_am", lambda: aufhebung_bei_erfuellung(D(2024, 3, 1), UHRZEIT)),  # type: ignore[arg-type]
    ("pflichtverletzung_am", lambda: feststellung_spaetestens(UHRZEIT)),  # type: ignore[arg-type]
    ("feststellung_am", lambda: beratungsangebot_bis(UHRZEIT)),  # type: ignore[arg-type]
    ("tag", lambda: ist_werktag(UHRZEIT, None)),  # type: ignore[arg-type]
    ("tag", lambda: fristende(UHRZEIT, None)),  # type: ignore[arg-type]
    ("geburtsdatum", lambda: alter_am(UHRZEIT, D(2024, 3, 1))),  # type: ignore[arg-type]
    ("tag", lambda: alter_am(D(2000, 1, 1), UHRZEIT)),  # type: ignore[arg-type]
]


@pytest.mark.parametrize(("name", "aufruf"), AUFRUFE)
def test_a_datetime_is_refused_naming_the_argument(name: str, aufruf: Callable[[], object]) -> None:
    with pytest.raises(UngueltigeEingabe) as info:
        aufruf()
    assert info.value.meldung == f"'{name}' muss ein Datum sein (datetime.date, ohne Uhrzeit)."


def test_the_last_day_of_the_range_is_a_day_and_the_message_names_the_range() -> None:
    assert ist_werktag(D(2099, 12, 31), None) is True  # a Thursday
    with pytest.raises(UngueltigeEingabe) as info:
        ist_werktag(D(2004, 12, 31), None)
    assert info.value.meldung == (
        "'tag' liegt außerhalb des zulässigen Zeitraums (01.01.2005 bis 31.12.2099)."
    )


def test_whole_numbers_are_checked_with_their_range_inclusive() -> None:
    # § 31b: a Minderung of at most 12 months is accepted here
    assert minderung_ende(D(2024, 1, 1), 12) == D(2024, 12, 31)
    with pytest.raises(UngueltigeEingabe) as info:
        minderung_ende(D(2024, 1, 1), 13)
    assert info.value.meldung == "'monate' muss zwischen 1 und 12 liegen."
    with pytest.raises(UngueltigeEingabe) as info2:
        minderung_ende(D(2024, 1, 1), "3")  # type: ignore[arg-type]
    assert info2.value.meldung == "'monate' muss eine ganze Zahl sein."
    # years of public holidays: 2005 to 2100
    assert D(2100, 12, 25) in feiertage(2100, None)
    with pytest.raises(UngueltigeEingabe) as info3:
        feiertage(2101, None)
    assert info3.value.meldung == "'jahr' muss zwischen 2005 und 2100 liegen."


def test_an_unknown_land_lists_the_sixteen_codes() -> None:
    with pytest.raises(UngueltigeEingabe) as info:
        ist_werktag(D(2024, 3, 1), "BY")
    meldung = info.value.meldung
    assert meldung.startswith("'land' muss None (nur bundesweite Feiertage) oder der ISO-3166-2")
    assert meldung.endswith(
        "Landes sein: DE-BB, DE-BE, DE-BW, DE-BY, DE-HB, DE-HE, DE-HH, DE-MV, DE-NI, DE-NW, "
        "DE-RP, DE-SH, DE-SL, DE-SN, DE-ST, DE-TH."
    )


def test_a_minderung_begins_on_the_first_of_a_month() -> None:
    # § 31b Abs. 1 Satz 1: "mit Beginn des Kalendermonats"
    with pytest.raises(UngueltigeEingabe) as info:
        minderung_ende(D(2024, 3, 2), 1)
    assert info.value.meldung == (
        "'beginn' muss der erste Tag eines Kalendermonats sein: die Minderung beginnt "
        "„mit Beginn des Kalendermonats“ (§ 31b Abs. 1 Satz 1 SGB II)."
    )
    assert info.value.norm == "§ 31b Abs. 1 Satz 1 SGB II"


def test_fristende_needs_a_fristart() -> None:
    with pytest.raises(UngueltigeEingabe) as info:
        fristende(D(2024, 3, 2), None, art="frist")  # type: ignore[arg-type]
    assert info.value.meldung == "'art' muss eine Fristart sein."


def test_an_age_on_a_day_before_birth_is_refused() -> None:
    with pytest.raises(UngueltigeEingabe) as info:
        alter_am(D(2000, 5, 1), D(2000, 4, 30))
    assert info.value.meldung == "'tag' liegt vor dem Geburtsdatum."
