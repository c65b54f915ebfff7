"""What kooplan builds while it is imported: the rows of the rule tables from their shorthands
(the notes, the mode table, the transition table, the Rechtsstände of the Rechtsfolgen), the
fold's index of the rows, and the typed cache of the euro amounts.

These builders run before any test does, so a test that only decides cases never calls them;
they are called here directly through their public names, with expectations written from the
statute and docs/fachliches.md sections 3, 4 and 6.
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
from kooplan.motor.phasen import (
    Bedingung,
    Uebergang,
    Ziel,
    zeilen_fuer,
)
from kooplan.motor.rechtsfolgen import (
    Abs7,
    rechtsfolge,
)
from kooplan.policy import RfbUmfang
from kooplan.recht import Quelle, Regime
from kooplan.recht.begruendung import HINWEISE, hinweis_zeile
from kooplan.recht.regelbedarf import minderung_euro
from kooplan.recht.regeln import HinweisRegel, Lage, PolicyWahl, Regel, nach_umfang, regel
from kooplan.recht.sanktionen import SANKTIONSRECHT, buergergeld_recht
from kooplan.recht.uebergaenge import uebergang

D = dt.date


def test_the_catalogue_bounds_a_note_by_the_law_it_rests_on() -> None:
    # a note on the Schlichtung of § 15a a.F. ends with it: "§ 15a a.F." is repealed by the
    # 13. SGB II-ÄndG from 1.7.2026, so the last day is 30.6.2026
    b = HINWEISE["b.schlichtung.loesungsvorschlag"]
    assert (b.gilt_bis, b.gilt_ab) == (D(2026, 6, 30), None)
    assert b.gilt_am(D(2026, 6, 30)) and not b.gilt_am(D(2026, 7, 1))
    # a note on the misses before the new law begins with the new law (1.7.2026)
    c = HINWEISE["offen.versaeumnis_vor_2026_07"]
    assert (c.gilt_bis, c.gilt_ab) == (None, D(2026, 7, 1))
    assert c.gilt_am(D(2026, 7, 1)) and not c.gilt_am(D(2026, 6, 30))
    # a note on a rule of both regimes is not bounded
    beide = HINWEISE["plan.sehr_lang"]
    assert (beide.gilt_bis, beide.gilt_ab) == (None, None)


def test_the_catalogue_shorthand_sets_the_bounds_of_a_note() -> None:
    beide = hinweis_zeile("x.beide", Quelle.WEISUNG, "§ 15 SGB II", "Ein Text.")
    assert (beide.code, beide.quelle, beide.norm, beide.text) == (
        "x.beide",
        Quelle.WEISUNG,
        "§ 15 SGB II",
        "Ein Text.",
    )
    assert (beide.gilt_bis, beide.gilt_ab) == (None, None)
    b = hinweis_zeile("x.b", Quelle.GESETZ, None, "Ein Text.", nur_b=True)
    assert (b.gilt_bis, b.gilt_ab) == (D(2026, 6, 30), None)
    c = hinweis_zeile("x.c", Quelle.GESETZ, None, "Ein Text.", nur_c=True)
    assert (c.gilt_bis, c.gilt_ab) == (None, D(2026, 7, 1))


# -- the table shorthands (built at import; called here directly) -------------------------------


def test_the_policy_choice_by_rfb_umfang() -> None:
    wahl = nach_umfang(Modus.MIT_RFB)
    assert wahl == PolicyWahl(
        "rfb_umfang", {RfbUmfang.FALL: Modus.MIT_RFB, RfbUmfang.EINZELFALL: Modus.OHNE_RFB}
    )
    assert wahl.modus(Policy()) is Modus.MIT_RFB
    assert wahl.modus(Policy(rfb_umfang=RfbUmfang.EINZELFALL)) is Modus.OHNE_RFB
    assert (
        nach_umfang(Modus.VERPFLICHTUNG_VA, Modus.MIT_RFB).modus(
            Policy(rfb_umfang=RfbUmfang.EINZELFALL)
        )
        is Modus.MIT_RFB
    )


def test_the_rule_shorthand() -> None:
    r = regel(
        "x",
        frozenset({Regime.B}),
        frozenset({Phase.KOOPERATION}),
        frozenset({Anliegen.EINLADUNG}),
        Modus.OHNE_RFB,
        {Regime.B: "§ alt", Regime.C: "§ neu"},
        Quelle.WEISUNG,
        "t",
    )
    assert r == Regel(
        "x",
        frozenset({Regime.B}),
        frozenset({Phase.KOOPERATION}),
        frozenset({Anliegen.EINLADUNG}),
        Modus.OHNE_RFB,
        {Regime.B: "§ alt", Regime.C: "§ neu"},
        Quelle.WEISUNG,
        "t",
        None,
        (),
    )
    assert (r.norm(Regime.B), r.norm(Regime.C)) == ("§ alt", "§ neu")
    eine = regel(
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
    assert (dict(eine.normen), eine.hinweise) == (
        {Regime.B: "§ beide", Regime.C: "§ beide"},
        ("h",),
    )
    # a single norm is cited under every regime the row covers, and only under those
    nur_c = regel(
        "c",
        frozenset({Regime.C}),
        frozenset(Phase),
        frozenset(Anliegen),
        Modus.MIT_RFB,
        "§ neu",
        Quelle.GESETZ,
        "w",
    )
    assert dict(nur_c.normen) == {Regime.C: "§ neu"}
    mit_lage = regel(
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
    assert r.gilt_fuer(Regime.C, Phase.KOOPERATION, Anliegen.MASSNAHME)
    assert not r.gilt_fuer(Regime.B, Phase.KOOPERATION, Anliegen.MASSNAHME)
    assert not r.gilt_fuer(Regime.C, Phase.OHNE_PLAN, Anliegen.MASSNAHME)
    assert not r.gilt_fuer(Regime.C, Phase.KOOPERATION, Anliegen.EINLADUNG)
    assert not r.gilt_fuer(Regime.B, Phase.OHNE_PLAN, Anliegen.MASSNAHME)
    assert not r.gilt_fuer(Regime.B, Phase.KOOPERATION, Anliegen.EINLADUNG)


# -- the table shorthand and index (built at import; called here directly) ----------------------


def test_the_row_shorthand_normalises_phase_trigger_and_norm() -> None:
    einfach = uebergang(
        "x", Phase.KOOPERATION, "plan_erstellt", Phase.KOOPERATION, "§ 1", Quelle.GESETZ, "t"
    )
    assert einfach == Uebergang(
        "x",
        frozenset({Phase.KOOPERATION}),
        ("plan_erstellt",),
        Phase.KOOPERATION,
        {Regime.B: "§ 1", Regime.C: "§ 1"},
        Quelle.GESETZ,
        "t",
        None,
        (),
    )
    mehrfach = uebergang(
        "y",
        frozenset({Phase.ERSTKONTAKT, Phase.OHNE_PLAN}),
        ("a", "b"),
        Ziel.UNVERAENDERT,
        {Regime.B: "§ alt"},
        Quelle.WEISUNG,
        "u",
        Bedingung.EINIGUNG,
        ("h",),
    )
    assert mehrfach.von == frozenset({Phase.ERSTKONTAKT, Phase.OHNE_PLAN})
    assert mehrfach.ausloeser == ("a", "b")
    assert (mehrfach.norm(Regime.B), mehrfach.norm(Regime.C)) == ("§ alt", None)
    assert mehrfach.bedingung is Bedingung.EINIGUNG
    assert mehrfach.hinweise == ("h",)
    assert mehrfach.quelle is Quelle.WEISUNG and mehrfach.text == "u"
    keine = uebergang("z", Phase.BEENDET, "a", Phase.ERSTKONTAKT, None, Quelle.GESETZ, "v")
    assert dict(keine.normen) == {}


def test_the_fold_tries_every_row_under_each_phase_and_trigger_in_table_order() -> None:
    erwartet: dict[tuple[Phase, str], list[str]] = {}
    for row in UEBERGAENGE:
        for phase in row.von:
            for a in row.ausloeser:
                erwartet.setdefault((phase, a), []).append(row.id)
    for (phase, a), ids in erwartet.items():
        assert [r.id for r in zeilen_fuer(phase, a)] == ids
        # the index built from a table given is the one the fold built at import
        assert [r.id for r in zeilen_fuer(phase, a, UEBERGAENGE)] == ids
    # a table of one row is indexed under each of its phases and triggers alone
    eine = uebergang(
        "x",
        frozenset({Phase.KOOPERATION, Phase.OHNE_PLAN}),
        ("plan_erstellt", "plan_fortgeschrieben"),
        Phase.KOOPERATION,
        "§ 1",
        Quelle.GESETZ,
        "t",
    )
    for phase in (Phase.KOOPERATION, Phase.OHNE_PLAN):
        for a in ("plan_erstellt", "plan_fortgeschrieben"):
            assert zeilen_fuer(phase, a, (eine,)) == (eine,)
    assert zeilen_fuer(Phase.ERSTKONTAKT, "plan_erstellt", (eine,)) == ()
    # a trigger no row names in a phase has no row there
    assert zeilen_fuer(Phase.BEENDET, "plan_erstellt") == ()
    # spot checks written from docs/fachliches.md section 3
    assert [r.id for r in zeilen_fuer(Phase.SCHLICHTUNG, "schlichtung_beendet")] == [
        "schlichtung.einigung",
        "schlichtung.keine_einigung",
    ]
    assert [r.id for r in zeilen_fuer(Phase.OHNE_PLAN, "plan_erstellt")] == ["ohne_plan.plan"]


def _fall(*ereignisse: object, **kw: object) -> Fall:
    return Fall("JC-Regeln", list(ereignisse), **kw)  # type: ignore[arg-type]


SPAET = D(2027, 12, 31)


def _z(*ereignisse: object, bis: dt.date = SPAET) -> Zustand:
    return falte(_fall(*ereignisse), bis)


# -- the B rows of the table (built at import; called here directly) --------------------------


def test_the_b_rows_are_the_buergergeld_law() -> None:
    r = buergergeld_recht(
        "2024-03",
        Abs7.MIT_VORMINDERUNG,
        "§ 31a Abs. 7 SGB II a.F.",
        abs7_vorzeitiges_ende="a",
        abs7_hinweise=("offen.abs7_2026_04",),
    )
    assert (r.rechtsstand, r.regime, r.leistung) == ("2024-03", Regime.B, "Bürgergeld")
    assert [(s.prozent, s.monate) for s in r.pflichtverletzung] == [(10, 1), (20, 2), (30, 3)]
    assert (r.meldeversaeumnis.prozent, r.meldeversaeumnis.monate) == (10, 1)
    # § 32 a.F. has no free first miss, and no § 7b Abs. 4 n.F.
    assert r.erstes_meldeversaeumnis_frei is False
    assert r.nichterreichbarkeit is False
    assert (r.abs7, r.abs7_norm) == (Abs7.MIT_VORMINDERUNG, "§ 31a Abs. 7 SGB II a.F.")
    assert (r.abs7_vorzeitiges_ende, r.abs7_hinweise, r.sgb12_norm) == (
        "a",
        ("offen.abs7_2026_04",),
        "§ 31b Abs. 4 SGB II a.F.",
    )
    assert SANKTIONSRECHT["2024-03"].pflichtverletzung == r.pflichtverletzung


def test_a_regelbedarfsstufe_of_true_is_refused_even_after_stufe_1_was_asked() -> None:
    """``True == 1`` in Python: having decided for stufe 1 must not let ``True`` through."""
    z = _z(PlanErstellt(am=D(2025, 1, 10)), bis=D(2025, 3, 10))
    rf, _ = rechtsfolge(z, "massnahme", D(2025, 3, 10), D(2025, 4, 1), regelbedarfsstufe=1)
    assert rf.betrag_euro is not None
    with pytest.raises(UngueltigeEingabe):
        rechtsfolge(z, "massnahme", D(2025, 3, 10), D(2025, 4, 1), regelbedarfsstufe=True)
    with pytest.raises(UngueltigeEingabe):
        minderung_euro(True, 2025, 10)
