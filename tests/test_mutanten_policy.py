"""Mutation-testing follow-up for ``kooplan.policy`` (issue #6, item 4; docs/mutation.md).

The contract (CONTRACT.md, errors; ``kooplan.fehler``) fixes for every refused input the code,
the ``ort`` (JSON path of the offending value) and a ``meldung`` that is one German sentence
saying what was wrong. For a policy file that means: an unknown key is named, with the keys that
are allowed; a wrong ``rfb_umfang`` names the two values a caller may write (FACHKONZEPT § 4:
``fall`` / ``einzelfall``, spelled as the file must spell them).
"""

from __future__ import annotations

import pytest

from kooplan.fehler import UngueltigeEingabe
from kooplan.policy import Policy, RfbUmfang

ERLAUBT = ("massnahme_mit_rfb_in_kooperation", "plan_max_schritte", "rfb_umfang")


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
    }
    assert Policy.aus_mapping(p.als_mapping()) == p
