"""Panels: one fold per case, a decision at each Stichtag on the way.

The invariant of every panel function: its answer at a Stichtag is the answer of deciding that
Stichtag alone, decision or error, byte for byte in the contract's JSON, for legal histories,
rearranged (often illegal) histories and lines that are no case at all.
"""

from __future__ import annotations

import collections
import datetime as dt
import json
import multiprocessing.connection
import os
import signal
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import kooplan
from eingaben_bau import mutiert, umgestellt
from kooplan.batch import (
    Zeitreihenauftrag,
    entscheide_jsonl,
    entscheide_zeitreihe,
    entscheide_zeitreihe_jsonl,
    monatsenden,
)
from kooplan.entscheidung import entscheide_stichtage
from kooplan.fehler import KooplanError, UngueltigeEingabe
from kooplan.phasen import falte, falte_stichtage
from kooplan.policy import Policy, RfbUmfang
from kooplan.testing import faelle, fall_als_dict
from kooplan.testing import stichtage as ein_stichtag
from kooplan.vertrag.ausgabe import entscheidung_als_zeile, fehler_als_dict, zeile
from kooplan.vertrag.laden import fall_aus_objekt

ANLIEGEN = [a.value for a in kooplan.Anliegen]
#: Stichtage of the law kooplan covers and some before it (each decided there is an error)
STICHTAGE = st.lists(
    st.one_of(ein_stichtag(), st.dates(dt.date(2023, 1, 1), dt.date(2023, 7, 3))),
    min_size=1,
    max_size=6,
)
POLICIES = st.sampled_from([kooplan.STANDARD, Policy(rfb_umfang=RfbUmfang.EINZELFALL)])


def _als_text(wert: kooplan.Entscheidung | KooplanError) -> str:
    """The contract's line of a decision or of an error (what the two paths must share)."""
    if isinstance(wert, KooplanError):
        return zeile(fehler_als_dict(wert))
    return entscheidung_als_zeile(wert)


def _allein(
    fall: kooplan.Fall, anliegen: str, stichtag: dt.date, policy: Policy
) -> kooplan.Entscheidung | KooplanError:
    try:
        return kooplan.entscheide(fall, anliegen, stichtag, policy=policy)
    except KooplanError as err:
        return err


def _gefaltet(fall: kooplan.Fall, stichtag: dt.date) -> kooplan.Zustand | str:
    try:
        return falte(fall, stichtag)
    except KooplanError as err:
        return zeile(fehler_als_dict(err))


@st.composite
def beliebige_faelle(draw: st.DrawFn) -> kooplan.Fall:
    """A legal history, or a rearranged one the reader accepts (often illegal for the fold)."""
    if draw(st.booleans()):
        fall: kooplan.Fall = draw(faelle(max_ereignisse=12, ungeordnet=True, alte_ev=True))
        return fall
    obj = draw(umgestellt())
    try:
        return fall_aus_objekt(obj)
    except KooplanError:
        return draw(faelle(max_ereignisse=6))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(beliebige_faelle(), STICHTAGE)
def test_die_faltung_ueber_stichtage_gleicht_je_einer_faltung(
    fall: kooplan.Fall, tage: list[dt.date]
) -> None:
    tage.sort()
    werte = list(falte_stichtage(fall, tage))
    assert len(werte) == len(tage)
    for tag, wert in zip(tage, werte, strict=True):
        erwartet = _gefaltet(fall, tag)
        if isinstance(wert, KooplanError):
            assert zeile(fehler_als_dict(wert)) == erwartet
        else:
            assert wert == erwartet


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(beliebige_faelle(), st.sampled_from(ANLIEGEN), STICHTAGE, POLICIES)
def test_entscheide_stichtage_gleicht_je_einer_entscheidung(
    fall: kooplan.Fall, anliegen: str, tage: list[dt.date], policy: Policy
) -> None:
    tage.sort()
    werte = list(entscheide_stichtage(fall, anliegen, tage, policy))
    assert [_als_text(w) for w in werte] == [
        _als_text(_allein(fall, anliegen, t, policy)) for t in tage
    ]


def _zeilen(draw: st.DrawFn) -> list[str]:
    out = []
    for art in draw(st.lists(st.sampled_from(["gueltig", "umgestellt", "mutiert", "kaputt"]))):
        if art == "gueltig":
            out.append(json.dumps(fall_als_dict(draw(faelle(max_ereignisse=10)))))
        elif art == "umgestellt":
            out.append(json.dumps(draw(umgestellt())))
        elif art == "mutiert":
            out.append(json.dumps(draw(mutiert())))
        else:
            out.append(draw(st.sampled_from(["", "{", "[]", '{"schema": 1}', "\ufffe"])))
    return out


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data(), st.sampled_from(ANLIEGEN), STICHTAGE)
def test_zeitreihe_jsonl_gleicht_einem_lauf_je_stichtag(
    data: st.DataObject, anliegen: str, tage: list[dt.date]
) -> None:
    zeilen = _zeilen(data.draw)
    stichtage = sorted(set(tage))
    fehler: collections.Counter[str] = collections.Counter()
    panel = list(entscheide_zeitreihe_jsonl(zeilen, anliegen, tage, fehler=fehler))
    laeufe = [list(entscheide_jsonl(zeilen, anliegen, t)) for t in stichtage]
    # line k of the input, Stichtag j: the j-th run's line k
    assert panel == [lauf[k] for k in range(len(zeilen)) for lauf in laeufe]
    assert sum(fehler.values()) == sum('"schema": "kooplan/fehler/1"' in z for z in panel)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(faelle(max_ereignisse=8), max_size=4), st.sampled_from(ANLIEGEN), STICHTAGE)
def test_zeitreihe_gleicht_entscheidungen_je_fall_und_stichtag(
    liste: list[kooplan.Fall], anliegen: str, tage: list[dt.date]
) -> None:
    stichtage = sorted(set(tage))
    ergebnisse = list(entscheide_zeitreihe(liste, anliegen, tage, erste_zeile=1))
    assert [(r.index, r.zeile, r.stichtag) for r in ergebnisse] == [
        (i, i + 1, t) for i in range(len(liste)) for t in stichtage
    ]
    for r in ergebnisse:
        allein = _allein(liste[r.index], anliegen, r.stichtag, kooplan.STANDARD)
        assert r.fall == liste[r.index].fall
        assert r.ok is isinstance(allein, kooplan.Entscheidung)
        assert r.als_zeile() == (
            entscheidung_als_zeile(allein, r.zeile)
            if isinstance(allein, kooplan.Entscheidung)
            else zeile(fehler_als_dict(allein, r.zeile))
        )
        assert r.als_dict() == json.loads(r.als_zeile())


def test_zeitreihe_mit_zwei_prozessen_gleicht_einem_prozess() -> None:
    fall = {
        "schema": "kooplan/fall/1",
        "fall": "JC-1",
        "ereignisse": [
            {"art": "plan_erstellt", "am": "2024-01-15"},
            {"art": "plan_gescheitert", "am": "2024-04-02"},
        ],
    }
    zeilen = [json.dumps({**fall, "fall": f"JC-{i}"}) for i in range(600)] + ["{"]
    tage = monatsenden(dt.date(2024, 1, 1), dt.date(2024, 6, 30))
    eins = list(entscheide_zeitreihe_jsonl(zeilen, "einladung", tage))
    zwei = list(entscheide_zeitreihe_jsonl(zeilen, "einladung", tage, jobs=2, chunk=64))
    assert zwei == eins
    assert len(eins) == 601 * 6
    # the case that cannot be read gets its error once per Stichtag
    assert eins[-6:] == [eins[-1]] * 6 and '"ungueltige_eingabe"' in eins[-1]


def test_ein_fall_der_nicht_gelesen_werden_kann_hat_seinen_fehler_je_stichtag() -> None:
    err = UngueltigeEingabe("Kein Fall.")
    tage = [dt.date(2024, 1, 31), dt.date(2024, 2, 29)]
    werte = [r.wert for r in entscheide_zeitreihe([err, "[]"], "einladung", tage)]
    assert werte[:2] == [err, err]
    assert isinstance(werte[2], UngueltigeEingabe) and werte[2] is werte[3]


def test_ein_stichtag_ohne_neues_ereignis_teilt_den_zustand() -> None:
    fall = kooplan.Fall(
        "JC-1",
        [
            kooplan.PlanErstellt(am=dt.date(2024, 1, 15)),
            kooplan.SchlichtungBegonnen(
                am=dt.date(2024, 3, 4), verlangt_von=kooplan.VerlangtVon.JOBCENTER
            ),
        ],
    )
    tage = [dt.date(2024, 1, 31), dt.date(2024, 2, 29), dt.date(2024, 3, 31), dt.date(2024, 4, 30)]
    z1, z2, z3, z4 = falte_stichtage(fall, tage)
    assert z1 is z2  # nothing happened in February
    # "Das Schlichtungsverfahren endet durch eine Einigung oder spätestens mit Ablauf von vier
    # Wochen ab Beginn." (§ 15a Abs. 4 SGB II a.F.): begun on 4.3.2024, it is still running on
    # 31.3.2024 and has ended by 30.4.2024, by time alone
    assert z3.phase is kooplan.Phase.SCHLICHTUNG
    assert z4.phase is not kooplan.Phase.SCHLICHTUNG and z4 is not z3


def test_die_schlichtung_endet_auch_an_einem_stichtag_der_ihr_erster_tag_danach_ist() -> None:
    # "… spätestens mit Ablauf von vier Wochen ab Beginn" (§ 15a Abs. 4 SGB II a.F.): begun on
    # Monday 13.5.2024, the four weeks end with Monday 10.6.2024 (§ 26 Abs. 1 SGB X, § 188 Abs. 2
    # BGB); on 11.6.2024 the case is out of the Schlichtung, on 10.6.2024 still in it
    fall = kooplan.Fall(
        "JC-1",
        [
            kooplan.PlanGescheitert(am=dt.date(2024, 5, 6)),
            kooplan.SchlichtungBegonnen(
                am=dt.date(2024, 5, 13), verlangt_von=kooplan.VerlangtVon.BEIDE
            ),
        ],
    )
    tage = [dt.date(2024, 6, 10), dt.date(2024, 6, 11)]
    vorher, danach = falte_stichtage(fall, tage)
    assert vorher.phase is kooplan.Phase.SCHLICHTUNG
    assert danach.phase is kooplan.Phase.OHNE_PLAN
    assert [falte(fall, t) for t in tage] == [vorher, danach]
    (allein,) = falte_stichtage(fall, [dt.date(2024, 6, 11)])
    assert allein == danach


def _gleich_allein(fall: kooplan.Fall, anliegen: str, tage: list[dt.date]) -> list[Any]:
    """The panel's values, each checked against deciding that Stichtag alone."""
    werte = list(entscheide_stichtage(fall, anliegen, tage))
    for tag, wert in zip(tage, werte, strict=True):
        try:
            allein: Any = kooplan.entscheide(fall, anliegen, tag)
        except KooplanError as err:
            allein = err
        assert type(wert) is type(allein)
        if isinstance(allein, KooplanError):
            assert zeile(fehler_als_dict(wert)) == zeile(fehler_als_dict(allein))
        else:
            assert entscheidung_als_zeile(wert) == entscheidung_als_zeile(allein)
    return werte


def test_ein_widerspruechlicher_verlauf_ist_ab_seinem_ereignis_ein_fehler_je_stichtag() -> None:
    # a Maßnahme "erbracht" that was never asked for: the fold refuses the event, so every
    # Stichtag from its day on has that error, the Stichtage before it a decision
    fall = kooplan.Fall(
        "JC-P",
        [
            kooplan.EinladungVersandt(am=dt.date(2024, 1, 8)),
            kooplan.MitwirkungErbracht(
                am=dt.date(2024, 2, 5), mitwirkung=kooplan.Mitwirkung.MASSNAHME
            ),
        ],
    )
    tage = [dt.date(2024, 1, 31), dt.date(2024, 2, 29), dt.date(2024, 3, 31)]
    werte = _gleich_allein(fall, "massnahme", tage)
    assert isinstance(werte[0], kooplan.Entscheidung)
    assert all(isinstance(w, kooplan.UnzulaessigerUebergang) for w in werte[1:])


def test_ein_geburtsdatum_nach_einem_stichtag_ist_fuer_diesen_ein_fehler() -> None:
    # the birth date may not lie after the Stichtag (the case data cannot be right then); the
    # later Stichtage are decided, with the Regelbedarfsstufe's amount (§ 31a Abs. 1 Satz 1 a.F.:
    # 10 % of 563 Euro in 2024)
    fall = kooplan.Fall(
        "JC-G",
        [
            kooplan.PlanErstellt(am=dt.date(2024, 1, 15)),
            kooplan.MitwirkungUnterblieben(
                am=dt.date(2024, 2, 20),
                id="u1",
                mitwirkung=kooplan.Mitwirkung.EIGENBEMUEHUNGEN,
                wichtiger_grund=False,
            ),
        ],
        geburtsdatum=dt.date(2024, 2, 10),
        regelbedarfsstufe=1,
    )
    tage = [dt.date(2024, 1, 31), dt.date(2024, 2, 29)]
    erst, dann = _gleich_allein(fall, "eigenbemuehungen", tage)
    assert isinstance(erst, UngueltigeEingabe) and erst.ort == "geburtsdatum"
    assert isinstance(dann, kooplan.Entscheidung) and dann.rechtsfolgen is not None
    assert str(dann.rechtsfolgen.betrag_euro) == "56.30"


def test_monatsenden() -> None:
    assert monatsenden(dt.date(2023, 11, 30), dt.date(2024, 3, 1)) == (
        dt.date(2023, 11, 30),
        dt.date(2023, 12, 31),
        dt.date(2024, 1, 31),
        dt.date(2024, 2, 29),
        dt.date(2024, 3, 31),
    )
    assert monatsenden(dt.date(2025, 2, 1), dt.date(2025, 2, 1)) == (dt.date(2025, 2, 28),)
    assert len(monatsenden(dt.date(2024, 1, 1), dt.date(2026, 12, 31))) == 36


@pytest.mark.parametrize(
    ("aufruf", "ort"),
    [
        (lambda: monatsenden("2024-01-01", dt.date(2024, 2, 1)), "von"),  # type: ignore[arg-type]
        (lambda: monatsenden(dt.date(2024, 1, 1), dt.datetime(2024, 2, 1)), "bis"),
        (lambda: monatsenden(dt.date(2024, 2, 1), dt.date(2024, 1, 1)), "bis"),
        (lambda: Zeitreihenauftrag.neu("brief", [dt.date(2024, 1, 1)]), "anliegen"),
        (lambda: Zeitreihenauftrag.neu("einladung", dt.date(2024, 1, 1)), "stichtage"),  # type: ignore[arg-type]
        (lambda: Zeitreihenauftrag.neu("einladung", 5), "stichtage"),  # type: ignore[arg-type]
        (lambda: Zeitreihenauftrag.neu("einladung", ["2024-01-01"]), "stichtage"),  # type: ignore[list-item]
        (lambda: Zeitreihenauftrag.neu("einladung", []), "stichtage"),
        (lambda: Zeitreihenauftrag.neu("einladung", [dt.date(2024, 1, 1)], "x"), "policy"),  # type: ignore[arg-type]
        (lambda: entscheide_stichtage("JC-1", "einladung", []), None),  # type: ignore[arg-type]
        (lambda: entscheide_stichtage(kooplan.Fall("JC-1"), "brief", []), "anliegen"),
        (lambda: entscheide_stichtage(kooplan.Fall("JC-1"), "einladung", [], 1), "policy"),  # type: ignore[arg-type]
    ],
)
def test_falsche_argumente(aufruf: Any, ort: str | None) -> None:
    with pytest.raises(UngueltigeEingabe) as info:
        aufruf()
    assert info.value.ort == ort


@pytest.mark.parametrize(
    ("tage", "meldung"),
    [
        ([dt.date(2024, 2, 1), dt.date(2024, 1, 1)], "Die Stichtage dürfen nicht fallen."),
        ([dt.datetime(2024, 2, 1)], "'stichtag' muss ein Datum sein (ohne Uhrzeit)."),
        ([dt.date(2100, 1, 1)], "'stichtag' liegt außerhalb"),
    ],
)
def test_stichtage_werden_beim_falten_geprueft(tage: list[dt.date], meldung: str) -> None:
    with pytest.raises(UngueltigeEingabe, match=meldung.replace("(", r"\(").replace(")", r"\)")):
        list(falte_stichtage(kooplan.Fall("JC-1"), tage))


def test_ein_fall_dessen_arbeitsprozess_zweimal_stirbt_hat_den_abbruch_je_stichtag(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A worker killed while it sends the answer for a chunk that holds the marked case: the
    chunk is run again, then split; the marked case gets `verarbeitung_abgebrochen` at every
    Stichtag, every other line what one process gives."""
    eltern = os.getpid()
    senden = multiprocessing.connection.Connection.send_bytes

    def tot(self: Any, buf: Any, *args: Any) -> None:
        if os.getpid() != eltern and b"TOD-" in bytes(buf):
            os.kill(os.getpid(), signal.SIGKILL)
        senden(self, buf, *args)

    monkeypatch.setattr(multiprocessing.connection.Connection, "send_bytes", tot)
    zeilen = [
        b'{"schema": "kooplan/fall/1", "fall": "%s-%d", "ereignisse": []}'
        % (b"TOD" if i == 5 else b"L", i)
        for i in range(12)
    ]
    tage = [dt.date(2024, 1, 31), dt.date(2024, 2, 29), dt.date(2024, 3, 31)]
    eins = list(entscheide_zeitreihe_jsonl(zeilen, "einladung", tage))
    zwei = list(
        entscheide_zeitreihe_jsonl(zeilen, "einladung", tage, jobs=2, chunk=4, mp_kontext="fork")
    )
    assert len(zwei) == 36
    for i, (a, b) in enumerate(zip(eins, zwei, strict=True)):
        if i // 3 == 5:
            d = json.loads(b)
            assert (d["fehler"], d["zeile"], d["fall"]) == ("verarbeitung_abgebrochen", 6, None)
        else:
            assert a == b, i
