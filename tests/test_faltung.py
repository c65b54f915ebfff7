"""The fold is the left fold of the pure transition function (the fold works on a mutable copy
of the state, built frozen once, for speed; these tests hold it to the pure definition).

    falte(fall, t) == zeitschritte(schritt(... schritt(zeitschritte(Zustand(), e1.am), e1) ...), t)
"""

from __future__ import annotations

import contextlib
import datetime as dt
from typing import Any

import attrs
from hypothesis import given, settings
from hypothesis import strategies as st

from kooplan import Fall
from kooplan.ereignisse import (
    EinladungVersandt,
    Mitwirkung,
    MitwirkungErbracht,
    MitwirkungUnterblieben,
    PlanErstellt,
    TerminVersaeumt,
    WichtigerGrundNachgewiesen,
)
from kooplan.fehler import KooplanError
from kooplan.motor.phasen import (
    ARBEITSKOPIE_INDIZES,
    ARBEITSKOPIE_SLOTS,
    Zustand,
    falte,
    schritt,
    verlauf,
    zeitschritte,
)
from kooplan.testing import faelle, stichtage


def _rein(fall: Fall, stichtag: dt.date) -> Zustand:
    """The fold spelled out with the public pure functions, one frozen state per step."""
    z = Zustand()
    for position, e in fall.in_faltordnung():
        if e.am > stichtag:
            break
        z = zeitschritte(z, e.am)
        z = schritt(z, e, position)
    return zeitschritte(z, stichtag)


def test_arbeitszustand_hat_genau_die_felder_des_zustands() -> None:
    felder = {f.name for f in attrs.fields(Zustand)}
    assert felder == ARBEITSKOPIE_SLOTS - ARBEITSKOPIE_INDIZES


@settings(max_examples=300, deadline=None)
@given(faelle(max_ereignisse=25, ungeordnet=True), stichtage())
def test_falte_gleich_linksfaltung_von_schritt(fall: Fall, stichtag: dt.date) -> None:
    try:
        erwartet = _rein(fall, stichtag)
    except KooplanError as err:
        try:
            falte(fall, stichtag)
        except KooplanError as err2:
            assert type(err2) is type(err)
            assert err2.ort == err.ort
        else:
            raise AssertionError("falte accepted what the pure fold refused") from None
        return
    assert falte(fall, stichtag) == erwartet
    schritte = verlauf(fall, stichtag)
    if schritte:
        assert schritte[-1].nach is erwartet.phase


@settings(max_examples=200, deadline=None)
@given(faelle(max_ereignisse=12), st.data())
def test_schritt_aendert_den_eingangszustand_nicht(fall: Fall, data: st.DataObject) -> None:
    """``schritt`` is pure: the state it is given is equal to itself before the call."""
    ereignisse = fall.in_faltordnung()
    if not ereignisse:
        return
    k = data.draw(st.integers(0, len(ereignisse) - 1))
    vorher = falte(fall, ereignisse[k][1].am - dt.timedelta(days=1))
    kopie = attrs.evolve(vorher)
    with contextlib.suppress(KooplanError):
        schritt(vorher, ereignisse[k][1], ereignisse[k][0])
    assert vorher == kopie


def _lange_geschichte(n: int) -> Fall:
    """A legal history of ``n`` rounds: invitations named by the missed meetings, misses excused
    later by ``bezug``, Mitwirkungen of two kinds demanded, some excused by id, some rendered."""
    ereignisse: list[Any] = [PlanErstellt(am=dt.date(2023, 7, 3))]
    tag = dt.date(2023, 7, 4)
    for k in range(1, n + 1):
        ereignisse += [
            EinladungVersandt(am=tag, id=f"e{k}", rfb=k % 2 == 0),
            TerminVersaeumt(am=tag, id=f"t{k}", einladung=f"e{k}", wichtiger_grund=False),
            MitwirkungUnterblieben(
                am=tag, id=f"m{k}", mitwirkung=ARTEN[k % 2], wichtiger_grund=False
            ),
        ]
        if k % 3 == 0:
            ereignisse.append(WichtigerGrundNachgewiesen(am=tag, bezug=f"t{k - 2}"))
            ereignisse.append(WichtigerGrundNachgewiesen(am=tag, bezug=f"m{k - 1}"))
        if k % 7 == 0:
            ereignisse.append(MitwirkungErbracht(am=tag, mitwirkung=ARTEN[k % 2]))
        tag += dt.timedelta(days=1)
    return Fall("LANG-1", ereignisse)


ARTEN = (Mitwirkung.MASSNAHME, Mitwirkung.EIGENBEMUEHUNGEN)


def test_a_long_history_folds_as_the_left_fold_of_schritt() -> None:
    """The fold keeps what grows with the events in indexed lists (the outstanding Mitwirkungen
    by kind and id, the missed meetings by id, the invitations' RFB by id); the state it builds
    is that of the pure definition, also after hundreds of misses, excuses and Mitwirkungen."""
    fall = _lange_geschichte(300)
    for stichtag in (dt.date(2023, 7, 20), dt.date(2024, 4, 1), dt.date(2030, 1, 1)):
        assert falte(fall, stichtag) == _rein(fall, stichtag)


def test_an_excuse_for_one_of_two_outstanding_of_a_kind_leaves_the_other() -> None:
    """§ 31 Abs. 1 Satz 2 SGB II: "Dies gilt nicht, wenn erwerbsfähige Leistungsberechtigte einen
    wichtigen Grund für ihr Verhalten darlegen und nachweisen." The wichtiger Grund shown for one
    Maßnahme not taken up excuses that one only; the other Maßnahme stays outstanding."""
    tag = dt.date(2024, 3, 4)
    fall = Fall(
        "ZWEI-1",
        [
            PlanErstellt(am=dt.date(2024, 1, 15)),
            MitwirkungUnterblieben(
                am=tag, id="m1", mitwirkung=Mitwirkung.MASSNAHME, wichtiger_grund=False
            ),
            MitwirkungUnterblieben(
                am=tag, id="m2", mitwirkung=Mitwirkung.MASSNAHME, wichtiger_grund=False
            ),
            WichtigerGrundNachgewiesen(am=dt.date(2024, 3, 11), bezug="m1"),
        ],
    )
    z = falte(fall, dt.date(2024, 3, 12))
    assert [o.id for o in z.offen] == ["m2"]
    assert z.phase.value == "mitwirkung_eingefordert"
    assert z == _rein(fall, dt.date(2024, 3, 12))
