"""A decision is built once, from values that are valid already (the checked arguments, the rows
of the law tables, values the engine built with their own validators), without running the
validators of `Entscheidung` a second time. These properties hold every decision so built to the
validators and to the validated constructor, over generated cases, Anliegen, Stichtage, due days
and case data.
"""

from __future__ import annotations

import datetime as dt

import attrs
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import kooplan
from kooplan import Anliegen, Entscheidung, KooplanError, entscheide
from kooplan.testing import faelle, stichtage

_EINSTELLUNGEN = settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)


def _entscheidung_oder_none(
    fall: kooplan.Fall, anliegen: Anliegen, stichtag: dt.date, faellig: dt.date | None
) -> Entscheidung | None:
    try:
        return entscheide(fall, anliegen, stichtag, faellig=faellig)
    except KooplanError:
        return None  # the rules refuse the question: no decision is built


@_EINSTELLUNGEN
@given(
    fall=faelle(),
    anliegen=st.sampled_from(list(Anliegen)),
    stichtag=stichtage(),
    spaeter=st.one_of(st.none(), st.integers(min_value=0, max_value=120)),
)
def test_every_decision_passes_the_validators_of_its_fields(
    fall: kooplan.Fall, anliegen: Anliegen, stichtag: dt.date, spaeter: int | None
) -> None:
    faellig = None if spaeter is None else stichtag + dt.timedelta(days=spaeter)
    e = _entscheidung_oder_none(fall, anliegen, stichtag, faellig)
    if e is None:
        return
    attrs.validate(e)  # raises for any field its validator refuses
    neu = Entscheidung(**{f.name: getattr(e, f.name) for f in attrs.fields(Entscheidung)})
    assert neu == e
    assert repr(neu) == repr(e)
    assert hash(neu) == hash(e)
    # the decision is frozen like one built by its constructor
    try:
        e.modus = kooplan.Modus.OHNE_RFB  # type: ignore[misc]
    except attrs.exceptions.FrozenInstanceError:
        pass
    else:  # pragma: no cover - the assertion below reports it
        raise AssertionError("a decision could be changed after it was built")


def test_a_decision_has_every_field_set() -> None:
    """No field is left unset (a missing slot would raise AttributeError when read)."""
    fall = kooplan.Fall("JC-1", [kooplan.PlanGescheitert(am=dt.date(2025, 5, 2))])
    e = entscheide(fall, "vermittlungsvorschlag", dt.date(2025, 5, 6))
    werte = {f.name: getattr(e, f.name) for f in attrs.fields(Entscheidung)}
    assert werte["fall"] == "JC-1" and werte["modus"] is kooplan.Modus.MIT_RFB
    assert werte["rechtsfolgen"] is not None
