"""The law tables beside the transition table are checked when they are defined: the mode table
and the rules of the notes (`pruefe_regeln`), the Rechtsstand table (`pruefe_rechtsstaende`, and
its notes' codes `pruefe_hinweiscodes`), the consequences by Rechtsstand
(`pruefe_sanktionsrecht`) and the dated series (`pruefe_reihe`). Each case breaks the real table
in exactly one way; the message names the row.
"""

from __future__ import annotations

import datetime as dt

import attrs
import pytest

from kooplan.recht import (
    RECHTSSTAENDE,
    Regime,
    rechtsstand_am,
    rechtsstand_andere_lesart,
    rechtsstand_nach_id,
    regime_beginn,
)
from kooplan.recht import rechtsstaende as rechtsstand_tabelle
from kooplan.recht.begruendung import pruefe_hinweiscodes
from kooplan.recht.parameter import BEKANNTGABE_TAGE, Datiert, pruefe_reihe, wert_am
from kooplan.recht.rechtsstaende import (
    Hinweisfenster,
    normen_nach_regime,
    pruefe_rechtsstaende,
)
from kooplan.recht.regeln import (
    HINWEIS_REGELN,
    REGELN,
    Lage,
    Regel,
    nach_umfang,
    pruefe_regeln,
)
from kooplan.recht.sanktionen import SANKTIONSRECHT, Abs7, pruefe_sanktionsrecht
from kooplan.werte.anliegen import Anliegen, Modus
from kooplan.werte.fehler import RechtsstandNichtAbgedeckt, UngueltigeEingabe, UngueltigeTabelle
from kooplan.werte.phase import Phase

D = dt.date


def _regel(row_id: str) -> Regel:
    return next(r for r in REGELN if r.id == row_id)


def _regeln_ersetzt(row_id: str, **aenderung: object) -> tuple[Regel, ...]:
    return tuple(attrs.evolve(r, **aenderung) if r.id == row_id else r for r in REGELN)


def _fehler_regeln(regeln: tuple[Regel, ...], hinweis_regeln: tuple = HINWEIS_REGELN) -> str:
    with pytest.raises(UngueltigeTabelle) as info:
        pruefe_regeln(regeln, hinweis_regeln)
    return str(info.value)


# -- the mode table ------------------------------------------------------------------------------


def test_the_real_rule_tables_pass() -> None:
    pruefe_regeln(REGELN, HINWEIS_REGELN)


def test_a_duplicate_rule_id_names_the_row() -> None:
    kopie = attrs.evolve(REGELN[5], id=REGELN[0].id)
    meldung = _fehler_regeln((*REGELN, kopie))
    assert repr(REGELN[0].id) in meldung and "zweimal" in meldung


def test_a_rule_without_the_norm_of_a_regime_it_covers_is_refused() -> None:
    """A row for both regimes must cite the norm under each: "alle.terminversaeumnis" rests on
    § 32 a.F. under the Bürgergeld and on § 32 n.F., § 7b Abs. 4 n.F. under the new law."""
    row = _regel("alle.terminversaeumnis")
    meldung = _fehler_regeln(_regeln_ersetzt(row.id, normen={Regime.B: row.norm(Regime.B)}))
    assert repr(row.id) in meldung and "fehlt für Regime C" in meldung


def test_a_rule_citing_a_norm_for_a_regime_it_does_not_cover_is_refused() -> None:
    row = _regel("b.ohne_plan")
    meldung = _fehler_regeln(
        _regeln_ersetzt(
            row.id, normen={Regime.B: "§ 15 Abs. 6 SGB II a.F.", Regime.C: "§ 15a SGB II n.F."}
        )
    )
    assert repr(row.id) in meldung and "Regime C" in meldung


def test_a_rule_after_an_unconditional_one_for_all_it_covers_is_refused() -> None:
    """The first matching row decides: a copy of "b.ohne_plan" after it is never taken."""
    vorne = _regel("b.ohne_plan")
    schatten = attrs.evolve(vorne, id="b.ohne_plan.zweite", modus=Modus.OHNE_RFB)
    meldung = _fehler_regeln((*REGELN, schatten))
    assert "'b.ohne_plan.zweite'" in meldung and "'b.ohne_plan'" in meldung
    assert "nie genommen" in meldung


def test_a_rule_with_the_same_condition_as_an_earlier_one_is_refused() -> None:
    vorne = _regel("b.mitwirkung_eingefordert.offene_art")
    zweite = attrs.evolve(vorne, id="b.mitwirkung_eingefordert.offene_art.zweite")
    i = REGELN.index(vorne)
    meldung = _fehler_regeln((*REGELN[: i + 1], zweite, *REGELN[i + 1 :]))
    assert "'b.mitwirkung_eingefordert.offene_art.zweite'" in meldung
    assert "dieselbe Bedingung" in meldung


def test_a_rule_shadowed_only_for_some_requests_is_kept() -> None:
    """ "b.kooperation" covers every Anliegen after the policy row for Maßnahmen: the row with a
    condition comes first, and the row without one decides the rest. Moving a conditional row
    behind its unconditional sibling leaves it with nothing to decide."""
    pol = _regel("b.kooperation.massnahme_policy")
    ohne = [r for r in REGELN if r.id != pol.id]
    i = next(n for n, r in enumerate(ohne) if r.id == "b.kooperation")
    meldung = _fehler_regeln((*ohne[: i + 1], pol, *ohne[i + 1 :]))
    assert "'b.kooperation.massnahme_policy'" in meldung and "'b.kooperation'" in meldung


def test_a_request_no_unconditional_rule_decides_is_refused() -> None:
    """Without "c.ohne_plan.einladung" an invitation in ohne_plan under the new law would find no
    row (the engine would have nothing to answer)."""
    meldung = _fehler_regeln(tuple(r for r in REGELN if r.id != "c.ohne_plan.einladung"))
    assert "'einladung'" in meldung and "'ohne_plan'" in meldung and "Regime C" in meldung


def test_a_policy_choice_must_name_a_policy_field_and_every_value() -> None:
    row = _regel("b.mitwirkung_eingefordert.andere_art")
    falsch = attrs.evolve(nach_umfang(Modus.MIT_RFB), schluessel="rfb_umfang_x")
    meldung = _fehler_regeln(_regeln_ersetzt(row.id, modus=falsch))
    assert repr(row.id) in meldung and "'rfb_umfang_x'" in meldung
    halb = attrs.evolve(nach_umfang(Modus.MIT_RFB), werte={})
    assert "jeden Wert" in _fehler_regeln(_regeln_ersetzt(row.id, modus=halb))


def test_an_unknown_note_code_of_a_rule_is_refused() -> None:
    meldung = _fehler_regeln(_regeln_ersetzt("c.kooperation", hinweise=("kein.hinweis",)))
    assert "'c.kooperation'" in meldung and "'kein.hinweis'" in meldung


def test_rules_of_notes_need_a_known_code_once() -> None:
    unbekannt = attrs.evolve(HINWEIS_REGELN[0], code="kein.hinweis")
    assert "'kein.hinweis'" in _fehler_regeln(REGELN, (*HINWEIS_REGELN, unbekannt))
    doppelt = attrs.evolve(HINWEIS_REGELN[1], lagen=(Lage.TERMINLAUF,))
    meldung = _fehler_regeln(REGELN, (*HINWEIS_REGELN, doppelt))
    assert repr(doppelt.code) in meldung and "schon eine Regel" in meldung
    leer = attrs.evolve(HINWEIS_REGELN[0], phasen=frozenset())
    assert "ohne Regime, Phase oder Anliegen" in _fehler_regeln(REGELN, (leer,))


# -- the Rechtsstand table -----------------------------------------------------------------------


def _fehler_rs(tabelle: tuple) -> str:
    with pytest.raises(UngueltigeTabelle) as info:
        pruefe_rechtsstaende(tabelle)
    return str(info.value)


def test_the_real_rechtsstand_table_passes() -> None:
    pruefe_rechtsstaende(RECHTSSTAENDE)
    pruefe_hinweiscodes(RECHTSSTAENDE)
    pruefe_sanktionsrecht(SANKTIONSRECHT, RECHTSSTAENDE)


def test_a_gap_between_rechtsstaende_names_the_row() -> None:
    rs = list(RECHTSSTAENDE)
    rs[1] = attrs.evolve(rs[1], von=rs[1].von + dt.timedelta(days=1))
    meldung = _fehler_rs(tuple(rs))
    assert repr(rs[1].id) in meldung and "Tag nach dem Ende" in meldung


def test_the_table_begins_on_1_july_2023_and_ends_open() -> None:
    rs = list(RECHTSSTAENDE)
    assert "1.7.2023" in _fehler_rs((attrs.evolve(rs[0], von=D(2023, 7, 2)), *rs[1:]))
    ende = _fehler_rs((*rs[:-1], attrs.evolve(rs[-1], bis=D(2030, 12, 31))))
    assert repr(rs[-1].id) in ende and "bis=None" in ende
    mitte = _fehler_rs((attrs.evolve(rs[0], bis=None), *rs[1:]))
    assert repr(rs[0].id) in mitte


def test_a_duplicate_rechtsstand_id_and_a_foreign_row_are_refused() -> None:
    rs = list(RECHTSSTAENDE)
    rs[1] = attrs.evolve(rs[1], id=rs[0].id)
    assert "zweimal" in _fehler_rs(tuple(rs))
    assert "keine Zeile" in _fehler_rs(("2027-01", *RECHTSSTAENDE))
    assert "ohne Zeilen" in _fehler_rs(())


def test_a_note_window_outside_its_row_is_refused() -> None:
    rs = list(RECHTSSTAENDE)
    i = next(n for n, r in enumerate(rs) if r.id == "2026-04")
    rs[i] = attrs.evolve(
        rs[i], hinweise=(Hinweisfenster("offen.beginn_2026_04", bis=D(2026, 7, 31)),)
    )
    meldung = _fehler_rs(tuple(rs))
    assert "'2026-04'" in meldung and "'offen.beginn_2026_04'" in meldung


def test_a_note_of_a_rechtsstand_must_be_in_the_catalogue() -> None:
    rs = (*RECHTSSTAENDE[:-1], attrs.evolve(RECHTSSTAENDE[-1], hinweise=(Hinweisfenster("x.y"),)))
    with pytest.raises(UngueltigeTabelle, match=r"'2026-07'.*'x\.y'"):
        pruefe_hinweiscodes(rs)


def test_the_other_reading_of_a_first_day_belongs_to_an_unverified_row() -> None:
    rs = list(RECHTSSTAENDE)
    rs[0] = attrs.evolve(rs[0], von_andere_lesart=D(2023, 7, 3))
    assert "'2023-07'" in _fehler_rs(tuple(rs))


# -- the consequences by Rechtsstand -----------------------------------------------------------


def _fehler_sr(zeilen: dict) -> str:
    with pytest.raises(UngueltigeTabelle) as info:
        pruefe_sanktionsrecht(zeilen, RECHTSSTAENDE)
    return str(info.value)


def test_every_rechtsstand_has_its_consequences_and_no_other() -> None:
    ohne = {k: v for k, v in SANKTIONSRECHT.items() if k != "2026-03"}
    assert "'2026-03'" in _fehler_sr(ohne) and "fehlt" in _fehler_sr(ohne)
    mehr = {**SANKTIONSRECHT, "2027-01": SANKTIONSRECHT["2026-07"]}
    assert "'2027-01'" in _fehler_sr(mehr)


def test_the_consequences_follow_the_regime_of_their_rechtsstand() -> None:
    """Under the Bürgergeld § 31a Abs. 1 a.F. has three steps (10, 20, 30 %); under the new law
    one rate (30 %): a row under the wrong key or regime is refused."""
    falsch = {**SANKTIONSRECHT, "2026-07": SANKTIONSRECHT["2026-04"]}
    assert "'2026-07'" in _fehler_sr(falsch)
    stufen = attrs.evolve(
        SANKTIONSRECHT["2024-03"], pflichtverletzung=SANKTIONSRECHT["2026-07"].pflichtverletzung
    )
    assert "Stufen" in _fehler_sr({**SANKTIONSRECHT, "2024-03": stufen})
    # the key and the row's own Rechtsstand must agree, and so must the regimes, each alone
    andere_id = attrs.evolve(SANKTIONSRECHT["2026-04"], rechtsstand="2026-03")
    assert "Rechtsstand oder Regime" in _fehler_sr({**SANKTIONSRECHT, "2026-04": andere_id})
    anderes_regime = attrs.evolve(SANKTIONSRECHT["2026-07"], regime=Regime.B)
    assert "Rechtsstand oder Regime" in _fehler_sr({**SANKTIONSRECHT, "2026-07": anderes_regime})


def test_the_text_of_abs_7_belongs_exactly_where_abs_7_applies() -> None:
    ohne_text = attrs.evolve(SANKTIONSRECHT["2026-04"], abs7_vorzeitiges_ende=None)
    assert "'2026-04'" in _fehler_sr({**SANKTIONSRECHT, "2026-04": ohne_text})
    zuviel = attrs.evolve(SANKTIONSRECHT["2026-03"], abs7_vorzeitiges_ende="n")
    assert SANKTIONSRECHT["2026-03"].abs7 is Abs7.KEINE
    assert "'2026-03'" in _fehler_sr({**SANKTIONSRECHT, "2026-03": zuviel})


# -- a dated series ------------------------------------------------------------------------------


def test_the_bekanntgabe_series_is_the_statute() -> None:
    """§ 37 Abs. 2 Satz 1 SGB X: "am dritten Tag nach der Aufgabe zur Post" until 31.12.2024,
    "am vierten Tag" from 1.1.2025 (PostModG)."""
    pruefe_reihe("BEKANNTGABE_TAGE", BEKANNTGABE_TAGE)
    assert [(d.von, d.bis, d.wert) for d in BEKANNTGABE_TAGE] == [
        (None, D(2024, 12, 31), 3),
        (D(2025, 1, 1), None, 4),
    ]


def test_a_broken_series_is_refused() -> None:
    alt, neu = BEKANNTGABE_TAGE
    with pytest.raises(UngueltigeTabelle, match="Wert 2"):
        pruefe_reihe("x", (alt, attrs.evolve(neu, von=D(2025, 1, 2))))
    with pytest.raises(UngueltigeTabelle, match="letzte Wert"):
        pruefe_reihe("x", (alt,))
    with pytest.raises(UngueltigeTabelle, match="erste Wert"):
        pruefe_reihe("x", (neu,))
    with pytest.raises(UngueltigeTabelle, match="ohne Werte"):
        pruefe_reihe("x", ())
    with pytest.raises(UngueltigeTabelle, match="Wert 2: kein datierter Wert"):
        pruefe_reihe("x", (alt, 4))  # type: ignore[arg-type]
    assert Datiert(None, None, 1, "§", "q").gilt_am(D(2030, 1, 1))


def test_a_series_of_three_values_is_checked_value_by_value() -> None:
    erst = Datiert(None, D(2024, 12, 31), 3, "§ 1", "q")
    mitte = Datiert(D(2025, 1, 1), D(2025, 6, 30), 4, "§ 1", "q")
    pruefe_reihe("x", (erst, mitte, Datiert(D(2025, 7, 1), None, 5, "§ 1", "q")))
    with pytest.raises(UngueltigeTabelle, match="Wert 3: beginnt nicht"):
        pruefe_reihe("x", (erst, mitte, Datiert(D(2025, 7, 2), None, 5, "§ 1", "q")))


def test_a_day_without_a_value_in_an_unchecked_series_is_named() -> None:
    with pytest.raises(UngueltigeTabelle, match=r"01\.01\.2025.*keinen Wert"):
        wert_am((Datiert(None, D(2024, 12, 31), 3, "§ 1", "q"),), D(2025, 1, 1))


def test_a_note_given_after_one_rule_names_a_rule_of_the_table() -> None:
    """The note on the first invitation of a new Leistungsbezug belongs to the rule of § 15
    Abs. 4 a.F. ("alle.erste_einladung"); a rule of the notes that names no rule of the table
    is refused."""
    echt = next(h for h in HINWEIS_REGELN if h.code == "offen.erste_einladung_neuer_zeitraum")
    assert echt.nach_regel == "alle.erste_einladung"
    falsch = attrs.evolve(echt, nach_regel="alle.erste_einladungen")
    andere = tuple(h for h in HINWEIS_REGELN if h.code != echt.code)
    meldung = _fehler_regeln(REGELN, (*andere, falsch))
    assert repr(echt.code) in meldung and "'alle.erste_einladungen'" in meldung


# -- exact messages and edge cases of the checks ---------------------------------------------------


def test_a_rule_of_the_mode_table_applies_only_where_regime_phase_and_anliegen_all_fit() -> None:
    r = _regel("c.ohne_plan.einladung")  # regime C, ohne_plan, einladung
    assert r.gilt_fuer(Regime.C, Phase.OHNE_PLAN, Anliegen.EINLADUNG)
    assert not r.gilt_fuer(Regime.B, Phase.OHNE_PLAN, Anliegen.EINLADUNG)
    assert not r.gilt_fuer(Regime.C, Phase.KOOPERATION, Anliegen.EINLADUNG)
    assert not r.gilt_fuer(Regime.C, Phase.OHNE_PLAN, Anliegen.MASSNAHME)
    assert not r.gilt_fuer(Regime.B, Phase.KOOPERATION, Anliegen.EINLADUNG)
    assert not r.gilt_fuer(Regime.B, Phase.OHNE_PLAN, Anliegen.MASSNAHME)


def test_the_checks_of_the_rules_name_the_place_of_a_foreign_row() -> None:
    assert _fehler_regeln(("x",)) == "Regeltabelle, Zeile 1: keine Zeile (Regel)."  # type: ignore[arg-type]
    assert _fehler_regeln(REGELN, ("x",)) == (  # type: ignore[arg-type]
        "Hinweisregeln, Zeile 1: keine Zeile (HinweisRegel)."
    )


def test_a_rule_without_phases_or_without_anliegen_is_refused_each_alone() -> None:
    for leer in ({"phasen": frozenset()}, {"anliegen": frozenset()}, {"regime": frozenset()}):
        meldung = _fehler_regeln(_regeln_ersetzt("c.kooperation", **leer))
        assert meldung == "Regeltabelle, Zeile 'c.kooperation': ohne Regime, Phase oder Anliegen."


def test_the_missing_norms_are_all_named() -> None:
    meldung = _fehler_regeln(_regeln_ersetzt("alle.terminversaeumnis", normen={}))
    assert meldung.endswith("eine Norm fehlt für Regime B, C.")


def test_the_message_of_a_rule_behind_one_with_the_same_condition() -> None:
    vorne = _regel("b.mitwirkung_eingefordert.offene_art")
    zweite = attrs.evolve(vorne, id="zweite")
    i = REGELN.index(vorne)
    assert _fehler_regeln((*REGELN[: i + 1], zweite, *REGELN[i + 1 :])) == (
        "Regeltabelle, Zeile 'zweite': wird nie genommen, eine Zeile davor hat dieselbe Bedingung."
    )


def test_a_row_of_norms_must_be_a_mapping_of_regimes_to_texts() -> None:
    with pytest.raises(UngueltigeEingabe) as info:
        normen_nach_regime(["§ 1"])  # type: ignore[arg-type]
    assert str(info.value).endswith("Zuordnung Regime → Norm, nicht list.")
    with pytest.raises(UngueltigeEingabe) as info:
        normen_nach_regime({"B": "§ 1"})  # type: ignore[dict-item]
    assert str(info.value).endswith("'B' ist kein Regime (B oder C).")
    for leer in (" ", "", 7):
        with pytest.raises(UngueltigeEingabe) as info:
            normen_nach_regime({Regime.C: leer})  # type: ignore[dict-item]
        assert str(info.value).endswith("Die Norm für Regime C ist kein Text.")


def test_a_window_of_a_note_begins_on_its_first_day() -> None:
    rs = attrs.evolve(
        RECHTSSTAENDE[-1], hinweise=(Hinweisfenster("x", von=D(2026, 8, 1), bis=D(2026, 8, 31)),)
    )
    assert rs.hinweise_am(D(2026, 8, 1)) == ("x",)
    assert rs.hinweise_am(D(2026, 8, 31)) == ("x",)
    assert rs.hinweise_am(D(2026, 7, 31)) == ()
    assert rs.hinweise_am(D(2026, 9, 1)) == ()
    pruefe_rechtsstaende((*RECHTSSTAENDE[:-1], rs))


def test_a_window_beginning_before_its_row_is_refused() -> None:
    rs = attrs.evolve(RECHTSSTAENDE[-1], hinweise=(Hinweisfenster("x", von=D(2026, 6, 30)),))
    assert _fehler_rs((*RECHTSSTAENDE[:-1], rs)) == (
        "Rechtsstandstabelle, Zeile '2026-07': das Fenster des Hinweises 'x' liegt nicht in der "
        "Zeile."
    )


def test_a_rechtsstand_of_one_day_is_a_row_and_one_ending_before_it_begins_is_not() -> None:
    rs = list(RECHTSSTAENDE)
    eintag = [
        attrs.evolve(rs[0], bis=D(2023, 7, 1)),
        attrs.evolve(rs[1], von=D(2023, 7, 2)),
        *rs[2:],
    ]
    pruefe_rechtsstaende(tuple(eintag))
    verkehrt = [attrs.evolve(rs[0], bis=D(2023, 6, 30)), attrs.evolve(rs[1], von=D(2023, 7, 1))]
    assert _fehler_rs((*verkehrt, *rs[2:])) == (
        "Rechtsstandstabelle, Zeile '2023-07': endet vor ihrem Beginn."
    )


def test_the_messages_of_an_empty_table_and_of_an_end_to_the_law_in_force() -> None:
    assert _fehler_rs(()) == "Rechtsstandstabelle: ohne Zeilen."
    assert _fehler_rs(
        (*RECHTSSTAENDE[:-1], attrs.evolve(RECHTSSTAENDE[-1], bis=D(2030, 1, 1)))
    ) == (
        "Rechtsstandstabelle, Zeile '2026-07': die letzte Zeile hat ein Ende; das geltende Recht "
        "ist offen (bis=None)."
    )


def test_the_first_day_of_each_regime() -> None:
    """The Bürgergeld-Gesetz: §§ 15, 15a in force 1.7.2023; the 13. SGB II-ÄndG: 1.7.2026."""
    assert regime_beginn(Regime.B) == D(2023, 7, 1)
    assert regime_beginn(Regime.C) == D(2026, 7, 1)


def test_an_unknown_rechtsstand_id_is_a_key_error_naming_it() -> None:
    with pytest.raises(KeyError) as info:
        rechtsstand_nach_id("2027-01")
    assert info.value.args == ("2027-01",)


def test_a_day_in_a_gap_of_an_unchecked_table_is_named(monkeypatch: pytest.MonkeyPatch) -> None:
    mit_luecke = tuple(r for r in RECHTSSTAENDE if r.id != "2026-03")
    monkeypatch.setattr(rechtsstand_tabelle, "RECHTSSTAENDE", mit_luecke)
    with pytest.raises(RechtsstandNichtAbgedeckt, match=r"01\.04\.2026 ist kein Rechtsstand"):
        rechtsstand_am(D(2026, 4, 1))


def test_the_other_reading_of_a_later_first_day(monkeypatch: pytest.MonkeyPatch) -> None:
    """Were 17.4.2026 the main reading of the first day of `2026-04` and 23.4.2026 the other,
    the days 17.–22.4. would belong to `2026-04`, and to `2026-03` under the other reading."""
    rs = list(RECHTSSTAENDE)
    i = next(n for n, r in enumerate(rs) if r.id == "2026-04")
    rs[i - 1] = attrs.evolve(rs[i - 1], bis=D(2026, 4, 16))
    rs[i] = attrs.evolve(rs[i], von=D(2026, 4, 17), von_andere_lesart=D(2026, 4, 23))
    pruefe_rechtsstaende(tuple(rs))
    monkeypatch.setattr(rechtsstand_tabelle, "RECHTSSTAENDE", tuple(rs))
    for tag in (D(2026, 4, 17), D(2026, 4, 22)):
        assert rechtsstand_am(tag).id == "2026-04"
        andere = rechtsstand_andere_lesart(tag)
        assert andere is not None and andere.id == "2026-03"
    assert rechtsstand_andere_lesart(D(2026, 4, 16)) is None
    assert rechtsstand_andere_lesart(D(2026, 4, 23)) is None
