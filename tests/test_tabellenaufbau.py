"""What kooplan builds while it is imported: the rows of the rule tables from their shorthands
(the notes, the mode table, the transition table, the Rechtsstände of the Rechtsfolgen), the
fold's index of the rows, and the typed cache of the euro amounts.

These helpers run before any test does, so a test that only decides cases never calls them;
they are called here directly (the one file of tests that speaks private names on purpose), with
expectations written from the statute and docs/fachliches.md sections 3, 4 and 6.
"""

from __future__ import annotations

import datetime as dt

import pytest

from kooplan import (
    UEBERGAENGE,
    Anliegen,
    Fall,
    Modus,
    Phase,
    PlanErstellt,
    Policy,
    Zustand,
    falte,
)
from kooplan.fehler import UngueltigeEingabe
from kooplan.motor.entscheidung import _passt
from kooplan.motor.phasen import (
    Bedingung,
    Uebergang,
    Ziel,
    _index,
)
from kooplan.motor.rechtsfolgen import (
    Abs7,
    _minderung_euro,
    rechtsfolge,
)
from kooplan.policy import RfbUmfang
from kooplan.recht import Quelle, Regime
from kooplan.recht.begruendung import _h
from kooplan.recht.regeln import HinweisRegel, Lage, PolicyWahl, Regel, _nach_umfang, _r
from kooplan.recht.sanktionen import _b
from kooplan.recht.uebergaenge import _u

D = dt.date


def test_the_catalogue_shorthand_sets_the_bounds_of_a_note() -> None:
    beide = _h("x.beide", Quelle.WEISUNG, "§ 15 SGB II", "Ein Text.")
    assert (beide.code, beide.quelle, beide.norm, beide.text) == (
        "x.beide",
        Quelle.WEISUNG,
        "§ 15 SGB II",
        "Ein Text.",
    )
    assert (beide.gilt_bis, beide.gilt_ab) == (None, None)
    b = _h("x.b", Quelle.GESETZ, None, "Ein Text.", nur_b=True)
    assert (b.gilt_bis, b.gilt_ab) == (D(2026, 6, 30), None)
    c = _h("x.c", Quelle.GESETZ, None, "Ein Text.", nur_c=True)
    assert (c.gilt_bis, c.gilt_ab) == (None, D(2026, 7, 1))


# -- the table shorthands (built at import; called here directly) -------------------------------


def test_the_policy_choice_by_rfb_umfang() -> None:
    wahl = _nach_umfang(Modus.MIT_RFB)
    assert wahl == PolicyWahl(
        "rfb_umfang", {RfbUmfang.FALL: Modus.MIT_RFB, RfbUmfang.EINZELFALL: Modus.OHNE_RFB}
    )
    assert wahl.modus(Policy()) is Modus.MIT_RFB
    assert wahl.modus(Policy(rfb_umfang=RfbUmfang.EINZELFALL)) is Modus.OHNE_RFB
    assert (
        _nach_umfang(Modus.VERPFLICHTUNG_VA, Modus.MIT_RFB).modus(
            Policy(rfb_umfang=RfbUmfang.EINZELFALL)
        )
        is Modus.MIT_RFB
    )


def test_the_rule_shorthand() -> None:
    r = _r(
        "x",
        frozenset({Regime.B}),
        frozenset({Phase.KOOPERATION}),
        frozenset({Anliegen.EINLADUNG}),
        Modus.OHNE_RFB,
        ("§ alt", "§ neu"),
        Quelle.WEISUNG,
        "t",
    )
    assert r == Regel(
        "x",
        frozenset({Regime.B}),
        frozenset({Phase.KOOPERATION}),
        frozenset({Anliegen.EINLADUNG}),
        Modus.OHNE_RFB,
        "§ alt",
        "§ neu",
        Quelle.WEISUNG,
        "t",
        None,
        (),
    )
    assert (r.norm(Regime.B), r.norm(Regime.C)) == ("§ alt", "§ neu")
    eine = _r(
        "y",
        frozenset(Regime),
        frozenset(Phase),
        frozenset(Anliegen),
        Modus.MIT_RFB,
        "§ beide",
        Quelle.GESETZ,
        "u",
        None,
        ("h",),
    )
    assert (eine.norm_b, eine.norm_c, eine.hinweise) == ("§ beide", "§ beide", ("h",))
    mit_lage = _r(
        "z",
        frozenset(Regime),
        frozenset(Phase),
        frozenset(Anliegen),
        Modus.MIT_RFB,
        "§ 1",
        Quelle.GESETZ,
        "v",
        Lage.TERMINLAUF,
    )
    assert mit_lage.lage is Lage.TERMINLAUF


def test_a_rule_applies_only_where_regime_phase_and_anliegen_all_fit() -> None:
    r = HinweisRegel(
        "x", frozenset({Regime.C}), frozenset({Phase.KOOPERATION}), frozenset({Anliegen.MASSNAHME})
    )
    assert _passt(Regime.C, Phase.KOOPERATION, Anliegen.MASSNAHME, r)
    assert not _passt(Regime.B, Phase.KOOPERATION, Anliegen.MASSNAHME, r)
    assert not _passt(Regime.C, Phase.OHNE_PLAN, Anliegen.MASSNAHME, r)
    assert not _passt(Regime.C, Phase.KOOPERATION, Anliegen.EINLADUNG, r)
    assert not _passt(Regime.B, Phase.OHNE_PLAN, Anliegen.MASSNAHME, r)
    assert not _passt(Regime.B, Phase.KOOPERATION, Anliegen.EINLADUNG, r)


# -- the table shorthand and index (built at import; called here directly) ----------------------


def test_the_row_shorthand_normalises_phase_trigger_and_norm() -> None:
    einfach = _u(
        "x", Phase.KOOPERATION, "plan_erstellt", Phase.KOOPERATION, "§ 1", Quelle.GESETZ, "t"
    )
    assert einfach == Uebergang(
        "x",
        frozenset({Phase.KOOPERATION}),
        ("plan_erstellt",),
        Phase.KOOPERATION,
        "§ 1",
        "§ 1",
        Quelle.GESETZ,
        "t",
        None,
        (),
    )
    mehrfach = _u(
        "y",
        frozenset({Phase.ERSTKONTAKT, Phase.OHNE_PLAN}),
        ("a", "b"),
        Ziel.UNVERAENDERT,
        ("§ alt", None),
        Quelle.WEISUNG,
        "u",
        Bedingung.EINIGUNG,
        ("h",),
    )
    assert mehrfach.von == frozenset({Phase.ERSTKONTAKT, Phase.OHNE_PLAN})
    assert mehrfach.ausloeser == ("a", "b")
    assert (mehrfach.norm_b, mehrfach.norm_c) == ("§ alt", None)
    assert mehrfach.bedingung is Bedingung.EINIGUNG
    assert mehrfach.hinweise == ("h",)
    assert mehrfach.quelle is Quelle.WEISUNG and mehrfach.text == "u"
    keine = _u("z", Phase.BEENDET, "a", Phase.ERSTKONTAKT, None, Quelle.GESETZ, "v")
    assert (keine.norm_b, keine.norm_c) == (None, None)


def test_the_index_lists_every_row_under_each_phase_and_trigger_in_table_order() -> None:
    idx = _index()
    erwartet: dict[tuple[Phase, str], list[str]] = {}
    for row in UEBERGAENGE:
        for phase in sorted(row.von, key=lambda p: p.value):
            for a in row.ausloeser:
                erwartet.setdefault((phase, a), []).append(row.id)
    assert {k: [z.row.id for z in v] for k, (v, _) in idx.items()} == erwartet
    assert all(isinstance(v, tuple) for v, _ in idx.values())
    # a step needs the state before the booking exactly where some row has a condition
    for v, bedingt in idx.values():
        assert bedingt == any(z.row.bedingung is not None for z in v)
        for z in v:
            assert (z.pruefung is None) == (z.row.bedingung is None)
            assert [h.code for h in z.hinweise] == list(z.row.hinweise)
    # spot checks written from docs/fachliches.md section 3
    assert [z.row.id for z in idx[(Phase.SCHLICHTUNG, "schlichtung_beendet")][0]] == [
        "schlichtung.einigung",
        "schlichtung.keine_einigung",
    ]
    assert [z.row.id for z in idx[(Phase.OHNE_PLAN, "plan_erstellt")][0]] == ["ohne_plan.plan"]
    assert idx[(Phase.SCHLICHTUNG, "schlichtung_beendet")][1] is True
    assert idx[(Phase.OHNE_PLAN, "plan_erstellt")][1] is False


def _fall(*ereignisse: object, **kw: object) -> Fall:
    return Fall("JC-Regeln", list(ereignisse), **kw)  # type: ignore[arg-type]


SPAET = D(2027, 12, 31)


def _z(*ereignisse: object, bis: dt.date = SPAET) -> Zustand:
    return falte(_fall(*ereignisse), bis)


# -- the B rows of the table (built at import; called here directly) --------------------------


def test_the_b_rows_are_the_buergergeld_law() -> None:
    r = _b("2024-03", Abs7.MIT_VORMINDERUNG, "§ 31a Abs. 7 SGB II a.F.")
    assert (r.rechtsstand, r.regime, r.leistung) == ("2024-03", Regime.B, "Bürgergeld")
    assert [(s.prozent, s.monate) for s in r.pflichtverletzung] == [(10, 1), (20, 2), (30, 3)]
    assert (r.meldeversaeumnis.prozent, r.meldeversaeumnis.monate) == (10, 1)
    # § 32 a.F. has no free first miss, and no § 7b Abs. 4 n.F.
    assert r.erstes_meldeversaeumnis_frei is False
    assert r.nichterreichbarkeit is False
    assert (r.abs7, r.abs7_norm) == (Abs7.MIT_VORMINDERUNG, "§ 31a Abs. 7 SGB II a.F.")


def test_a_regelbedarfsstufe_of_true_is_refused_even_after_stufe_1_was_asked() -> None:
    """The amount is kept per (stufe, year, percent), and ``True == 1`` in Python: the cache
    must not hand the amount of stufe 1 to ``True``."""
    z = _z(PlanErstellt(am=D(2025, 1, 10)), bis=D(2025, 3, 10))
    rf, _ = rechtsfolge(z, "massnahme", D(2025, 3, 10), D(2025, 4, 1), regelbedarfsstufe=1)
    assert rf.betrag_euro is not None
    with pytest.raises(UngueltigeEingabe):
        rechtsfolge(z, "massnahme", D(2025, 3, 10), D(2025, 4, 1), regelbedarfsstufe=True)
    assert _minderung_euro(1, 2025, 10) == _minderung_euro(1, 2025, 10)
    with pytest.raises(UngueltigeEingabe):
        _minderung_euro(True, 2025, 10)  # typed cache: True is not the key 1
