"""Argument checks of the rule modules that no scenario reaches, each with its ``ort``: a wrong
kind of argument from Python (``entscheide``, ``kooplan.rechtsfolgen.rechtsfolge``), a policy
built in Python or read from a file whose Regelbedarf rows hold something that is no row, lack a
key or hold an amount that is no finite number, and the Abs. 7 look-back asked without a list
for its notes.

Each wrong argument is an :class:`~kooplan.fehler.UngueltigeEingabe` naming the argument (``ort``),
never a bare ``TypeError`` or ``AttributeError`` (docs/vertrag.md, errors).
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest

import kooplan
from faelle_bau import offene_massnahme
from kooplan import Policy, entscheide
from kooplan.fehler import UngueltigeEingabe
from kooplan.motor.rechtsfolgen import _vorminderung_2024, rechtsfolge
from kooplan.phasen import Zustand, falte
from kooplan.regelbedarf import Regelbedarfsjahr, regelbedarfsjahr
from kooplan.vertrag import fall_aus_objekt

TAG = dt.date(2024, 3, 11)
ZEILE: dict[str, Any] = {
    "jahr": 2031,
    "stufe_1": 600,
    "stufe_2": "540.00",
    "stufe_3": 480,
    "stufe_4": 470,
    "quelle": "Verordnung für 2031",
}


def _fall() -> kooplan.Fall:
    return kooplan.Fall("ARG-1", [kooplan.PlanErstellt(am=dt.date(2024, 1, 15))])


def test_a_policy_of_the_wrong_kind_is_refused_by_entscheide() -> None:
    with pytest.raises(UngueltigeEingabe) as info:
        kooplan.entscheide(_fall(), "einladung", TAG, None, "einzelfall")  # type: ignore[arg-type]
    assert info.value.ort == "policy"


@pytest.mark.parametrize(
    ("argumente", "ort"),
    [
        ({"land": "DE-XX"}, "land"),
        ({"bekanntgabe": "post"}, "bekanntgabe"),
        ({"policy": {"rfb_umfang": "fall"}}, "policy"),
    ],
)
def test_rechtsfolge_refuses_arguments_of_the_wrong_kind(
    argumente: dict[str, Any], ort: str
) -> None:
    z = kooplan.falte(_fall(), TAG)
    with pytest.raises(UngueltigeEingabe) as info:
        rechtsfolge(z, "massnahme", TAG, TAG, **argumente)
    assert info.value.ort == ort


def test_regelbedarf_rows_must_be_rows() -> None:
    with pytest.raises(UngueltigeEingabe) as info:
        Policy(regelbedarfe=[1])  # type: ignore[list-item]
    assert info.value.ort == "regelbedarfe"


def test_the_policy_finds_the_row_of_its_year_among_several() -> None:
    a, b = regelbedarfsjahr(2024), regelbedarfsjahr(2025)
    assert a is not None and b is not None
    policy = Policy(regelbedarfe=(a, b))
    assert policy.regelbedarf(2025) is b
    assert policy.regelbedarf(2031) is None


@pytest.mark.parametrize(
    ("eintrag", "ort"),
    [
        (5, "regelbedarfe[0]"),
        ({"jahr": 2031}, "regelbedarfe[0].stufe_1"),
        ({**ZEILE, "stufe_1": "NaN"}, "regelbedarfe[0].stufe_1"),
        ({**ZEILE, "stufe_4": "Infinity"}, "regelbedarfe[0].stufe_4"),
    ],
)
def test_regelbedarf_rows_of_a_policy_file_are_checked_row_by_row(eintrag: Any, ort: str) -> None:
    """A row that is no object, lacks a key, or holds an amount that is no finite number."""
    with pytest.raises(UngueltigeEingabe) as info:
        Policy.aus_mapping({"regelbedarfe": [eintrag]})
    assert info.value.ort == ort
    assert Policy.aus_mapping({"regelbedarfe": [ZEILE]}).regelbedarf(2031) is not None


def test_the_abs7_look_back_answers_without_a_list_for_its_notes() -> None:
    """§ 31a Abs. 7 a.F. looks back a year for a Minderung of the qualifying kinds; with none,
    the answer is no, whether or not the caller collects notes."""
    assert _vorminderung_2024(Zustand(), TAG) is False
    notizen: list[str] = []
    assert _vorminderung_2024(Zustand(), TAG, notizen) is False
    assert notizen == []


D = dt.date


_ZEILE = {
    "jahr": 2027,
    "stufe_1": 570,
    "stufe_2": 513,
    "stufe_3": 456,
    "stufe_4": 477,
    "quelle": "Gesetz",
}


def _jahr(jahr: int) -> Regelbedarfsjahr:
    e = Decimal
    return Regelbedarfsjahr(jahr, e(570), e(513), e(456), e(477), "Gesetz", verifiziert=False)


def test_a_policy_with_something_that_is_no_regelbedarf_row_is_refused() -> None:
    with pytest.raises(UngueltigeEingabe) as info:
        Policy(regelbedarfe=(_jahr(2027), 5))  # type: ignore[arg-type]
    assert info.value.ort == "regelbedarfe"


def test_the_policy_finds_its_row_for_a_year_among_several() -> None:
    p = Policy(regelbedarfe=(_jahr(2027), _jahr(2028)))
    assert p.regelbedarf(2028) == _jahr(2028)
    assert p.regelbedarf(2029) is None


@pytest.mark.parametrize(
    ("zeilen", "ort"),
    [
        ([5], "regelbedarfe[0]"),
        ([_ZEILE, "2028"], "regelbedarfe[1]"),
        ([{k: v for k, v in _ZEILE.items() if k != "stufe_4"}], "regelbedarfe[0].stufe_4"),
        ([{**_ZEILE, "stufe_2": "NaN"}], "regelbedarfe[0].stufe_2"),
        ([{**_ZEILE, "stufe_3": "Infinity"}], "regelbedarfe[0].stufe_3"),
    ],
)
def test_a_policy_file_with_a_wrong_regelbedarf_entry_names_its_place(
    zeilen: list[object], ort: str
) -> None:
    with pytest.raises(UngueltigeEingabe) as info:
        Policy.aus_mapping({"regelbedarfe": zeilen})
    assert info.value.ort == ort
    assert isinstance(info.value.meldung, str) and info.value.meldung.endswith(".")


_FALL = fall_aus_objekt(offene_massnahme("JC-A"))


_TAG = D(2025, 3, 10)


def test_entscheide_refuses_a_policy_that_is_not_one() -> None:
    with pytest.raises(UngueltigeEingabe) as info:
        entscheide(_FALL, "massnahme", _TAG, policy="standard")  # type: ignore[arg-type]
    assert info.value.ort == "policy"


@pytest.mark.parametrize(
    ("argumente", "ort"),
    [
        ({"land": "DE-XX"}, "land"),
        ({"land": 11}, "land"),
        ({"bekanntgabe": "post"}, "bekanntgabe"),
        ({"policy": None}, "policy"),
    ],
)
def test_rechtsfolge_names_a_wrong_argument(argumente: dict[str, object], ort: str) -> None:
    z = falte(_FALL, _TAG)
    with pytest.raises(UngueltigeEingabe) as info:
        rechtsfolge(z, "massnahme", _TAG, _TAG, **argumente)  # type: ignore[arg-type]
    assert info.value.ort == ort


def test_the_2024_condition_of_31a_abs_7_can_be_asked_without_collecting_notes() -> None:
    # § 31a Abs. 7 a.F.: a case without an earlier Minderung does not meet it
    assert _vorminderung_2024(falte(_FALL, _TAG), _TAG) is False
