"""Refused arguments of the public functions that no other test reaches, each with its `ort`.

The contract (docs/vertrag.md, errors) fixes for every refused input the code and the `ort`:
a policy built in Python with a wrong Regelbedarf row, a policy file whose `regelbedarfe` hold
something that is no row or lack a key, an amount that is no finite number, and the arguments of
`entscheide` and `kooplan.rechtsfolgen.rechtsfolge` given directly.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from faelle_bau import offene_massnahme
from kooplan import Policy, entscheide
from kooplan.fehler import UngueltigeEingabe
from kooplan.motor.rechtsfolgen import _vorminderung_2024, rechtsfolge
from kooplan.phasen import falte
from kooplan.regelbedarf import Regelbedarfsjahr
from kooplan.vertrag import fall_aus_objekt

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
