"""The fold is the left fold of the pure transition function (the fold works on a mutable copy
of the state, built frozen once, for speed; these tests hold it to the pure definition).

    falte(fall, t) == zeitschritte(schritt(... schritt(zeitschritte(Zustand(), e1.am), e1) ...), t)
"""

from __future__ import annotations

import contextlib
import datetime as dt

import attrs
from hypothesis import given, settings
from hypothesis import strategies as st

from kooplan import Fall
from kooplan.fehler import KooplanError
from kooplan.phasen import Zustand, _Arbeit, falte, schritt, verlauf, zeitschritte
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
    assert set(_Arbeit.__slots__) == {f.name for f in attrs.fields(Zustand)}


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
