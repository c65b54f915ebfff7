"""The decision keeps what its rule tables answer, keyed by the facts their conditions read
(`kooplan.motor.bedingungen`). Kept answers never change a decision: on random cases, Stichtage,
due days, Anliegen and policies, a decision with a warm cache (filled by other cases) gives the
contract line (or the error) of the same decision with every cache emptied first."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import kooplan
from kooplan import testing
from kooplan.motor.bedingungen import Bedingung, pruefe_vollstaendig, schluesselplan
from kooplan.motor.entscheidung import (
    HINWEIS_REGELN,
    REGELN,
    Anliegen,
    HinweisRegel,
    Lage,
    Modus,
)
from kooplan.recht.policy import Policy, RfbUmfang
from kooplan.recht.rechtsstaende import Regime
from kooplan.vertrag import entscheidung_als_zeile, fehler_als_dict
from kooplan.werte.fehler import UngueltigeTabelle
from kooplan.werte.phase import Phase
from kooplan.werte.zwischenspeicher import alle_leeren, belegung

POLICIES = st.builds(
    Policy,
    rfb_umfang=st.sampled_from(list(RfbUmfang)),
    massnahme_mit_rfb_in_kooperation=st.booleans(),
    plan_max_schritte=st.integers(1, 12),
    wiederholt_auch_ohne_belehrung=st.booleans(),
    schlichtung_hoechstzahl=st.none() | st.integers(1, 3),
)


def _ausgabe(
    fall: kooplan.Fall, anliegen: Anliegen, stichtag: dt.date, faellig: int | None, pol: Policy
) -> str:
    """The decision as its contract line, or the error as its contract object."""
    tag = None if faellig is None else stichtag + dt.timedelta(days=faellig)
    try:
        e = kooplan.entscheide(fall, anliegen, stichtag, tag, policy=pol)
    except kooplan.KooplanError as err:
        return "fehler " + json.dumps(fehler_als_dict(err), ensure_ascii=False, sort_keys=True)
    return entscheidung_als_zeile(e)


def _umgekehrt(pol: Policy) -> Policy:
    """The policy with every choice the mode rules read turned the other way."""
    return attrs.evolve(
        pol,
        rfb_umfang=RfbUmfang.FALL
        if pol.rfb_umfang is RfbUmfang.EINZELFALL
        else RfbUmfang.EINZELFALL,
        massnahme_mit_rfb_in_kooperation=not pol.massnahme_mit_rfb_in_kooperation,
        schlichtung_hoechstzahl=1 if pol.schlichtung_hoechstzahl is None else None,
    )


@st.composite
def _faelle(draw: st.DrawFn) -> tuple[kooplan.Fall, dt.date, int | None]:
    """A case, a Stichtag mostly shortly after its last event, and a due day."""
    fall = draw(testing.faelle(max_ereignisse=12))
    letzter = max((e.am for e in fall.ereignisse), default=dt.date(2023, 7, 1))
    nah = min(letzter + dt.timedelta(days=draw(st.integers(0, 120))), dt.date(2099, 12, 31))
    stichtag = draw(st.just(nah) | testing.stichtage())
    return fall, stichtag, draw(st.none() | st.integers(0, 200))


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_faelle(), min_size=1, max_size=5), POLICIES)
def test_warm_and_cold_decisions_agree(faelle: list[tuple[Any, ...]], pol: Policy) -> None:
    fragen = [
        (fall, anliegen, stichtag, faellig, p)
        for fall, stichtag, faellig in faelle
        for anliegen in Anliegen
        for p in (pol, _umgekehrt(pol))
    ]
    warm = [_ausgabe(*f) for f in fragen]  # the cache keeps what earlier examples filled in
    nochmal = [_ausgabe(*f) for f in fragen]  # now every table answer is a kept one
    kalt = []
    for f in fragen:
        alle_leeren()
        kalt.append(_ausgabe(*f))
    assert warm == kalt
    assert nochmal == kalt


def test_the_cache_is_filled_registered_and_emptied() -> None:
    fall = kooplan.Fall("JC-1", [kooplan.PlanErstellt(am=dt.date(2024, 1, 15))])
    a = kooplan.entscheide(fall, Anliegen.MASSNAHME, dt.date(2024, 2, 1))
    assert belegung()["entscheidung.tabelle"] == 1
    b = kooplan.entscheide(fall, Anliegen.MASSNAHME, dt.date(2024, 3, 1))
    assert belegung()["entscheidung.tabelle"] == 1  # same facts: the kept answer
    assert (a.modus, a.regel, b.modus, b.regel) == (
        Modus.OHNE_RFB,
        "b.kooperation",
        Modus.OHNE_RFB,
        "b.kooperation",
    )
    streng = Policy(massnahme_mit_rfb_in_kooperation=True)
    c = kooplan.entscheide(fall, Anliegen.MASSNAHME, dt.date(2024, 3, 1), policy=streng)
    assert (c.modus, c.regel) == (Modus.MIT_RFB, "b.kooperation.massnahme_policy")
    assert belegung()["entscheidung.tabelle"] == 2
    alle_leeren()
    assert belegung()["entscheidung.tabelle"] == 0


def test_a_condition_without_its_facts_is_refused_naming_it() -> None:
    bedingungen = {
        lage: Bedingung(lambda *_: None, lambda *_: True)
        for lage in Lage
        if lage is not Lage.TERMINLAUF
    }
    with pytest.raises(
        UngueltigeTabelle, match=r"fehlt die Funktion, die ihre Fakten liest: Lage\.TERMINLAUF$"
    ):
        pruefe_vollstaendig(bedingungen, REGELN, HINWEIS_REGELN)
    pruefe_vollstaendig({**bedingungen, Lage.TERMINLAUF: bedingungen[Lage.MODUS_VA]}, (), ())
    # every condition of the enumeration needs its facts, also one no row uses yet
    with pytest.raises(UngueltigeTabelle) as info:
        pruefe_vollstaendig(bedingungen, (), ())
    assert str(info.value).endswith("fehlt die Funktion, die ihre Fakten liest: Lage.TERMINLAUF")
    ohne_zwei = {k: v for k, v in bedingungen.items() if k is not Lage.MODUS_VA}
    with pytest.raises(UngueltigeTabelle) as info:
        pruefe_vollstaendig(ohne_zwei, (), ())
    assert str(info.value) == (
        "Für diese Bedingungen der Regeltabellen fehlt die Funktion, die ihre Fakten liest: "
        "Lage.MODUS_VA, Lage.TERMINLAUF"
    )


def test_the_key_plan_lists_exactly_the_conditions_of_the_rows() -> None:
    regeln = tuple(
        r
        for r in REGELN
        if r.id in {"alle.terminversaeumnis", "b.mitwirkung_eingefordert.einladung"}
    )
    hinweise = (
        HinweisRegel(
            "x",
            frozenset(Regime),
            frozenset(Phase),
            frozenset(Anliegen),
            (Lage.MODUS_VA, Lage.TERMINLAUF),
        ),
    )
    plan = schluesselplan(regeln, hinweise)
    assert plan.lagen == (Lage.TERMINLAUF, Lage.MODUS_VA)
    assert plan.policy_schluessel == ("rfb_umfang",)
    assert schluesselplan((), ()).lagen == ()
