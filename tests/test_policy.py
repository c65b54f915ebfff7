"""The policy of a Jobcenter read from a mapping (``kooplan.Policy.aus_mapping``) and written
back (``als_mapping``).

The contract (docs/vertrag.md, errors; ``kooplan.fehler``) fixes for every refused input the code,
the ``ort`` (JSON path of the offending value) and a ``meldung`` that is one German sentence
saying what was wrong. For a policy file that means: an unknown key is named, with the keys that
are allowed; a wrong ``rfb_umfang`` names the two values a caller may write (docs/fachliches.md section 4:
``fall`` / ``einzelfall``, spelled as the file must spell them).
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest

from kooplan.fehler import UngueltigeEingabe
from kooplan.policy import Policy, RfbUmfang
from kooplan.regelbedarf import Regelbedarfsjahr, regelbedarfsjahr

ERLAUBT = (
    "massnahme_mit_rfb_in_kooperation",
    "plan_max_schritte",
    "regelbedarfe",
    "rfb_umfang",
    "schlichtung_hoechstzahl",
    "wiederholt_auch_ohne_belehrung",
)


@pytest.mark.parametrize("daten", [[("rfb_umfang", "fall")], "rfb_umfang=fall", 3, None])
def test_a_policy_that_is_not_a_mapping_is_refused_with_a_sentence(daten: object) -> None:
    with pytest.raises(UngueltigeEingabe) as info:
        Policy.aus_mapping(daten)  # type: ignore[arg-type]
    meldung = info.value.meldung
    assert isinstance(meldung, str)
    assert meldung.startswith("Die Policy") and meldung.endswith(".")
    assert "Objekt" in meldung
    assert info.value.ort is None


def test_an_unknown_key_is_named_with_the_allowed_keys_and_is_the_ort() -> None:
    with pytest.raises(UngueltigeEingabe) as info:
        Policy.aus_mapping({"rfb_umfang": "fall", "max_schritte": 5})
    fehler = info.value
    assert fehler.ort == "max_schritte"
    assert isinstance(fehler.meldung, str)
    assert "'max_schritte'" in fehler.meldung
    # the allowed keys, sorted and separated by ", ", exactly as a caller must write them
    assert ", ".join(ERLAUBT) in fehler.meldung
    assert fehler.meldung.endswith(".")


def test_an_unknown_non_string_key_is_reported_as_text() -> None:
    with pytest.raises(UngueltigeEingabe) as info:
        Policy.aus_mapping({7: True})
    assert info.value.ort == "7"


@pytest.mark.parametrize("wert", ["FALL", "Einzelfall", "alle", 1, None])
def test_a_wrong_rfb_umfang_names_the_two_values_and_the_key(wert: object) -> None:
    with pytest.raises(UngueltigeEingabe) as info:
        Policy.aus_mapping({"rfb_umfang": wert})
    fehler = info.value
    assert fehler.ort == "rfb_umfang"
    assert isinstance(fehler.meldung, str)
    # the values are case-sensitive on input, so the sentence must give them in lower case
    assert fehler.meldung.startswith("'rfb_umfang' muss") and fehler.meldung.endswith(".")
    assert "'fall'" in fehler.meldung and "'einzelfall'" in fehler.meldung
    # raised "from None": the ValueError of the enum is not the cause shown to the caller
    assert fehler.__suppress_context__


def test_the_mapping_round_trip_keeps_every_field() -> None:
    p = Policy(
        rfb_umfang=RfbUmfang.EINZELFALL,
        massnahme_mit_rfb_in_kooperation=True,
        plan_max_schritte=4,
    )
    assert p.als_mapping() == {
        "rfb_umfang": "einzelfall",
        "massnahme_mit_rfb_in_kooperation": True,
        "plan_max_schritte": 4,
        "wiederholt_auch_ohne_belehrung": False,
    }
    assert Policy.aus_mapping(p.als_mapping()) == p
    voll = Policy(
        wiederholt_auch_ohne_belehrung=True,
        schlichtung_hoechstzahl=2,
        regelbedarfe=(
            Regelbedarfsjahr(
                2027,
                Decimal("570"),
                Decimal("513"),
                Decimal("456"),
                Decimal("477.50"),
                "Platzhalter",
                verifiziert=False,
            ),
        ),
    )
    assert voll.als_mapping()["regelbedarfe"] == [
        {
            "jahr": 2027,
            "stufe_1": "570.00",
            "stufe_2": "513.00",
            "stufe_3": "456.00",
            "stufe_4": "477.50",
            "quelle": "Platzhalter",
        }
    ]
    assert Policy.aus_mapping(voll.als_mapping()) == voll


@pytest.mark.parametrize(
    ("eintrag", "ort"),
    [
        ({"jahr": 2027, "stufe_1": 1.5}, "regelbedarfe[0].stufe_1"),
        ({"jahr": 2027, "stufe_1": "abc"}, "regelbedarfe[0].stufe_1"),
        ({"jahr": 2027, "stufe_1": "-1"}, "regelbedarfe[0].stufe_1"),
        ({"jahr": "2027"}, "regelbedarfe[0].jahr"),
        ({"jahr": 2027, "quelle": ""}, "regelbedarfe[0].quelle"),
        ({"jahr": 2027, "unbekannt": 1}, "regelbedarfe[0].unbekannt"),
    ],
)
def test_a_wrong_regelbedarf_row_names_its_place(eintrag: dict[str, object], ort: str) -> None:
    zeile = {"jahr": 2027, "stufe_1": 570, "stufe_2": 513, "stufe_3": 456, "stufe_4": 477}
    zeile["quelle"] = "Gesetz"
    zeile.update(eintrag)
    with pytest.raises(UngueltigeEingabe) as info:
        Policy.aus_mapping({"regelbedarfe": [zeile]})
    assert info.value.ort == ort


def test_a_year_given_twice_is_refused() -> None:
    zeile = {"jahr": 2027, "stufe_1": 570, "stufe_2": 513, "stufe_3": 456, "stufe_4": 477}
    zeile["quelle"] = "Gesetz"
    with pytest.raises(UngueltigeEingabe) as info:
        Policy.aus_mapping({"regelbedarfe": [zeile, dict(zeile)]})
    assert info.value.ort == "regelbedarfe[1].jahr"
    with pytest.raises(UngueltigeEingabe) as info:
        Policy.aus_mapping({"regelbedarfe": {"2027": zeile}})
    assert info.value.ort == "regelbedarfe"


# -- the Regelbedarf rows of a policy, built in Python or read from a file: a row that is no
# row, lacks a key or holds an amount that is no finite number is refused at its place

ZEILE: dict[str, Any] = {
    "jahr": 2031,
    "stufe_1": 600,
    "stufe_2": "540.00",
    "stufe_3": 480,
    "stufe_4": 470,
    "quelle": "Verordnung für 2031",
}


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
