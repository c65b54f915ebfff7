"""The transition table is checked when it is defined: a broken table fails with a message
naming the row (`kooplan.recht.uebergaenge.pruefe_uebergaenge`, and in the fold
`kooplan.motor.phasen.pruefe_bedingungen` for the conditions' predicates).

The rows for one (phase, trigger) are tried in table order and the first whose condition holds
is taken, so a row after an unconditional one, or after one with the same condition, could never
be taken; each case below breaks the real table in exactly one way.
"""

from __future__ import annotations

import enum

import attrs
import pytest

from kooplan.motor.phasen import pruefe_bedingungen
from kooplan.recht import Quelle, Regime
from kooplan.recht.uebergaenge import (
    UEBERGAENGE,
    Bedingung,
    Uebergang,
    Ziel,
    pruefe_uebergaenge,
    uebergang,
)
from kooplan.werte.fehler import UngueltigeTabelle
from kooplan.werte.phase import Phase


def _zeile(row_id: str) -> Uebergang:
    return next(r for r in UEBERGAENGE if r.id == row_id)


def _ersetzt(row_id: str, **aenderung: object) -> tuple[Uebergang, ...]:
    return tuple(attrs.evolve(r, **aenderung) if r.id == row_id else r for r in UEBERGAENGE)


def _fehler(tabelle: tuple[Uebergang, ...]) -> str:
    with pytest.raises(UngueltigeTabelle) as info:
        pruefe_uebergaenge(tabelle)
    return str(info.value)


def test_the_real_table_passes() -> None:
    pruefe_uebergaenge(UEBERGAENGE)
    pruefe_bedingungen(UEBERGAENGE)


def test_a_duplicate_id_names_the_row() -> None:
    erste = UEBERGAENGE[0]
    kopie = attrs.evolve(UEBERGAENGE[5], id=erste.id)
    meldung = _fehler((*UEBERGAENGE, kopie))
    assert repr(erste.id) in meldung and "zweimal" in meldung


def test_an_unknown_trigger_names_the_row_and_the_trigger() -> None:
    meldung = _fehler(_ersetzt("erstkontakt.plan_erstellt", ausloeser=("plan_erstelt",)))
    assert "'erstkontakt.plan_erstellt'" in meldung and "'plan_erstelt'" in meldung


def test_a_row_without_phase_or_trigger_is_refused() -> None:
    assert "'erstkontakt.plan_erstellt'" in _fehler(
        _ersetzt("erstkontakt.plan_erstellt", von=frozenset())
    )
    assert "'erstkontakt.plan_erstellt'" in _fehler(
        _ersetzt("erstkontakt.plan_erstellt", ausloeser=())
    )


def test_an_unknown_note_code_names_the_row() -> None:
    meldung = _fehler(_ersetzt("erstkontakt.plan_erstellt", hinweise=("kein.solcher_hinweis",)))
    assert "'erstkontakt.plan_erstellt'" in meldung and "'kein.solcher_hinweis'" in meldung


def test_a_row_without_any_norm_is_refused() -> None:
    meldung = _fehler(_ersetzt("erstkontakt.plan_erstellt", normen={}))
    assert "'erstkontakt.plan_erstellt'" in meldung and "ohne Norm" in meldung


def test_a_row_limited_to_the_buergergeld_cites_no_norm_of_the_new_law() -> None:
    """§ 15a a.F. (Schlichtung) was repealed on 1.7.2026: its row cannot cite the new law."""
    meldung = _fehler(
        _ersetzt(
            "schlichtung_begonnen",
            normen={Regime.B: "§ 15a Abs. 1 SGB II a.F.", Regime.C: "§ 15a SGB II n.F."},
        )
    )
    assert "'schlichtung_begonnen'" in meldung


def test_a_row_after_an_unconditional_one_for_the_same_phase_and_trigger_is_refused() -> None:
    vorne = _zeile("erstkontakt.plan_erstellt")
    schatten = attrs.evolve(vorne, id="erstkontakt.plan_erstellt.zweite", nach=Phase.OHNE_PLAN)
    meldung = _fehler((*UEBERGAENGE, schatten))
    assert "'erstkontakt.plan_erstellt.zweite'" in meldung
    assert "'erstkontakt.plan_erstellt'" in meldung and "nie genommen" in meldung


def test_a_row_with_the_same_condition_as_an_earlier_one_is_refused() -> None:
    mit_bedingung = next(r for r in UEBERGAENGE if r.bedingung is not None)
    schatten = attrs.evolve(mit_bedingung, id="doppelt")
    meldung = _fehler((*UEBERGAENGE, schatten))
    assert "'doppelt'" in meldung and "dieselbe Bedingung" in meldung


def test_a_phase_no_row_leads_to_is_refused() -> None:
    ohne_beendet = tuple(
        attrs.evolve(r, nach=Ziel.UNVERAENDERT) if r.nach is Phase.BEENDET else r
        for r in UEBERGAENGE
    )
    assert "beendet" in _fehler(ohne_beendet)


def test_something_that_is_not_a_row_is_refused() -> None:
    assert "keine Zeile" in _fehler((*UEBERGAENGE, "kein Uebergang"))  # type: ignore[arg-type]


def test_a_condition_without_a_predicate_in_the_fold_names_the_row() -> None:
    """The table names conditions; the fold holds one predicate each. A condition the fold
    does not know (here a foreign value standing for a new member) is refused before any case
    is folded."""
    assert all(r.bedingung is None or isinstance(r.bedingung, Bedingung) for r in UEBERGAENGE)
    zeile = attrs.evolve(UEBERGAENGE[0], bedingung="neue_bedingung")  # type: ignore[arg-type]
    with pytest.raises(UngueltigeTabelle) as info:
        pruefe_bedingungen((zeile,))
    assert str(info.value) == (
        f"Übergangstabelle, Zeile {UEBERGAENGE[0].id!r}: für die Bedingung neue_bedingung gibt "
        "es keine Prüfung."
    )
    # a member of a condition enumeration the fold does not know is named by its name
    neu = enum.Enum("NeueBedingung", "NEU_IM_GESETZ").NEU_IM_GESETZ
    zeile = attrs.evolve(UEBERGAENGE[0], bedingung=neu)  # type: ignore[arg-type]
    with pytest.raises(UngueltigeTabelle) as info:
        pruefe_bedingungen((zeile,))
    assert str(info.value) == (
        f"Übergangstabelle, Zeile {UEBERGAENGE[0].id!r}: für die Bedingung NEU_IM_GESETZ gibt "
        "es keine Prüfung."
    )


def test_something_that_is_not_a_row_is_named_by_its_place() -> None:
    assert _fehler(("kein Uebergang",)) == (  # type: ignore[arg-type]
        "Übergangstabelle, Zeile 1: keine Zeile (Uebergang)."
    )


def test_a_phase_is_reached_only_from_a_phase_that_is_reached() -> None:
    """A row out of an unreachable phase reaches nothing: with no row into beendet, the row
    that would lead from beendet into schlichtung does not make schlichtung reachable."""
    tabelle = tuple(
        attrs.evolve(r, nach=Ziel.UNVERAENDERT)
        if r.nach in (Phase.BEENDET, Phase.SCHLICHTUNG)
        else r
        for r in UEBERGAENGE
        if r.id != "schlichtung_begonnen"
    )
    aus_beendet = uebergang(
        "beendet.schlichtung",
        Phase.BEENDET,
        "schlichtung_begonnen",
        Phase.SCHLICHTUNG,
        "§ 15a Abs. 1 SGB II a.F.",
        Quelle.GESETZ,
        "t",
    )
    meldung = _fehler((*tabelle, aus_beendet))
    assert meldung.endswith("in die Phase(n) schlichtung, beendet.")


def test_a_phase_reached_by_the_target_once_nothing_is_outstanding_counts() -> None:
    """`kooperation, sobald nichts mehr offen ist` leads into kooperation: a table that reaches
    kooperation only that way (and the phases after it only from there) is complete."""

    def zeile(i: str, von: Phase, art: str, nach: Phase | Ziel) -> Uebergang:
        return uebergang(i, von, art, nach, "§ 1", Quelle.GESETZ, "t")

    tabelle = (
        zeile("a", Phase.ERSTKONTAKT, "mitwirkung_unterblieben", Phase.MITWIRKUNG_EINGEFORDERT),
        zeile(
            "b",
            Phase.MITWIRKUNG_EINGEFORDERT,
            "bereitschaft_erklaert",
            Ziel.KOOPERATION_WENN_NICHTS_OFFEN,
        ),
        zeile("c", Phase.KOOPERATION, "schlichtung_begonnen", Phase.SCHLICHTUNG),
        zeile("d", Phase.SCHLICHTUNG, "plan_gescheitert", Phase.OHNE_PLAN),
        zeile("e", Phase.OHNE_PLAN, "leistungsbezug_beendet", Phase.BEENDET),
    )
    pruefe_uebergaenge(tabelle)
