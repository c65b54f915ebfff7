"""The argument errors of the panel functions: the German messages, word for word, and for
every argument `entscheide` also checks, the very error it raises (kind, message, place, case).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

import kooplan
from kooplan.fehler import KooplanError, UngueltigeEingabe
from kooplan.phasen import falte_stichtage

FALL = kooplan.Fall("JC-7", [kooplan.PlanErstellt(am=dt.date(2024, 1, 15))])
TAG = dt.date(2024, 3, 1)


def _fehler(aufruf: Any) -> KooplanError:
    with pytest.raises(KooplanError) as info:
        aufruf()
    return info.value


def _merkmale(err: KooplanError) -> tuple[type, str, str | None, str | None]:
    return type(err), err.meldung, err.ort, err.fall


@pytest.mark.parametrize(
    ("anliegen", "stichtag", "policy", "meldung", "ort"),
    [
        (
            "brief",
            TAG,
            kooplan.STANDARD,
            "Unbekanntes Anliegen; erlaubt sind: einladung, massnahme, vermittlungsvorschlag, "
            "eigenbemuehungen.",
            "anliegen",
        ),
        ("einladung", TAG, "streng", "'policy' muss eine kooplan.Policy sein.", "policy"),
        (
            "einladung",
            dt.datetime(2024, 3, 1, 8, 0),
            kooplan.STANDARD,
            "'stichtag' muss ein Datum sein (ohne Uhrzeit).",
            "stichtag",
        ),
        (
            "einladung",
            "2024-03-01",
            kooplan.STANDARD,
            "'stichtag' muss ein Datum sein (ohne Uhrzeit).",
            "stichtag",
        ),
        (
            "einladung",
            dt.date(2100, 1, 1),
            kooplan.STANDARD,
            "'stichtag' liegt außerhalb des zulässigen Zeitraums (01.01.1900 bis 31.12.2099).",
            "stichtag",
        ),
    ],
)
def test_a_bad_argument_is_the_error_of_entscheide(anliegen, stichtag, policy, meldung, ort):
    allein = _fehler(lambda: kooplan.entscheide(FALL, anliegen, stichtag, policy=policy))
    panel = _fehler(
        lambda: list(kooplan.entscheide_stichtage(FALL, anliegen, [TAG, stichtag], policy))
    )
    assert _merkmale(panel) == _merkmale(allein)
    assert isinstance(panel, UngueltigeEingabe)
    assert panel.meldung == meldung
    assert (panel.ort, panel.fall) == (ort, "JC-7")


def test_a_fall_that_is_no_fall_is_refused_at_once_as_by_entscheide():
    allein = _fehler(lambda: kooplan.entscheide("JC-7", "einladung", TAG))  # type: ignore[arg-type]
    panel = _fehler(lambda: kooplan.entscheide_stichtage("JC-7", "einladung", [TAG]))  # type: ignore[arg-type]
    assert _merkmale(panel) == _merkmale(allein)
    assert panel.meldung == "'fall' muss ein kooplan.Fall sein."


def test_falling_stichtage_are_refused_with_both_days():
    tage = [dt.date(2024, 1, 31), dt.date(2024, 2, 29), dt.date(2024, 2, 28)]
    panel = kooplan.entscheide_stichtage(FALL, "einladung", tage)
    # the values before the falling day are given; the falling day ends the panel
    assert [e.stichtag for e in (next(panel), next(panel))] == tage[:2]
    err = _fehler(lambda: next(panel))
    assert _merkmale(err) == (
        UngueltigeEingabe,
        "Die Stichtage dürfen nicht fallen: 28.02.2024 folgt auf 29.02.2024.",
        "stichtage",
        "JC-7",
    )
    fold = _fehler(lambda: list(falte_stichtage(FALL, tage)))
    assert (type(fold), fold.meldung, fold.ort) == (
        UngueltigeEingabe,
        "Die Stichtage dürfen nicht fallen: 28.02.2024 folgt auf 29.02.2024.",
        "stichtage",
    )


def test_a_repeated_stichtag_is_decided_again():
    tage = [TAG, TAG]
    werte = list(kooplan.entscheide_stichtage(FALL, "einladung", tage))
    assert [w.als_dict() for w in werte] == [
        kooplan.entscheide(FALL, "einladung", TAG).als_dict()
    ] * 2


def test_entscheide_stichtage_is_a_public_name_of_kooplan():
    assert "entscheide_stichtage" in kooplan.__all__
    from kooplan.entscheidung import entscheide_stichtage

    assert kooplan.entscheide_stichtage is entscheide_stichtage
