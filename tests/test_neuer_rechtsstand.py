"""A new Fassung of the law is new rows in the tables, not new code.

The Rechtsstand here is invented, for this test only: from 1.1.2027 a Pflichtverletzung under the
Neue Grundsicherung costs 25 % for two months instead of 30 % for three, a repeated
Meldeversäumnis 20 % instead of 30 %, and every decision on its days carries one more note. The
test adds a row to a copy of the Rechtsstand table, a row of consequences and the note, and shows
that the decisions change on its days (and, where a change of the law lies ahead, before them)
with no line of kooplan's code edited; the real law is back after the test.

Each row is checked the way the real tables are checked at import.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import attrs
import pytest

import kooplan
from kooplan import (
    Fall,
    PlanErstellt,
    PlanGescheitert,
    entscheide,
)
from kooplan.recht import RECHTSSTAENDE, Quelle, Regime, rechtsstand_am
from kooplan.recht import rechtsstaende as rechtsstand_tabelle
from kooplan.recht.begruendung import HINWEISE, Hinweis, pruefe_hinweiscodes
from kooplan.recht.rechtsstaende import Hinweisfenster, Rechtsstand, pruefe_rechtsstaende
from kooplan.recht.sanktionen import SANKTIONSRECHT, Stufe, pruefe_sanktionsrecht
from kooplan.werte import zwischenspeicher

D = dt.date
NEU_AB = D(2027, 1, 1)


def _tabellen() -> tuple[tuple[Rechtsstand, ...], dict[str, object], Hinweis]:
    geltend = RECHTSSTAENDE[-1]
    erfunden = Rechtsstand(
        id="2027-01",
        von=NEU_AB,
        bis=None,
        name="Erfundener Rechtsstand (nur für diesen Test)",
        quelle="erfunden: ein Änderungsgesetz, das es nicht gibt",
        regime=Regime.C,
        hinweise=(Hinweisfenster("test.erfundenes_recht"),),
    )
    tabelle = (
        *RECHTSSTAENDE[:-1],
        attrs.evolve(geltend, bis=NEU_AB - dt.timedelta(days=1)),
        erfunden,
    )
    folgen = attrs.evolve(
        SANKTIONSRECHT[geltend.id],
        rechtsstand=erfunden.id,
        pflichtverletzung=(Stufe(25, 2, "§ 31a Abs. 1 Satz 1 SGB II (erfunden)"),),
        meldeversaeumnis=Stufe(20, 1, "§ 32 Abs. 1 Satz 1 SGB II (erfunden)"),
    )
    note = Hinweis("test.erfundenes_recht", Quelle.GESETZ, None, "Ein erfundener Hinweis.")
    return tabelle, {**SANKTIONSRECHT, erfunden.id: folgen}, note


@pytest.fixture
def recht_2027(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    tabelle, folgen, note = _tabellen()
    katalog = {**HINWEISE, note.code: note}
    # the rows pass the checks the real tables pass at import
    pruefe_rechtsstaende(tabelle)
    pruefe_hinweiscodes(tabelle, katalog)
    pruefe_sanktionsrecht(folgen, tabelle)  # type: ignore[arg-type]
    monkeypatch.setattr(rechtsstand_tabelle, "RECHTSSTAENDE", tabelle)
    monkeypatch.setitem(SANKTIONSRECHT, "2027-01", folgen["2027-01"])  # type: ignore[arg-type]
    monkeypatch.setitem(HINWEISE, note.code, note)  # type: ignore[index]
    zwischenspeicher.alle_leeren()
    yield
    zwischenspeicher.alle_leeren()


def _ohne_plan() -> Fall:
    """A plan that could not be continued. § 15a Abs. 3 n.F.: "Wenn ein Kooperationsplan nicht
    zustande kommt oder nicht fortgeschrieben werden kann, verpflichtet die Agentur für Arbeit
    die erwerbsfähige leistungsberechtigte Person durch schriftlichen Verwaltungsakt zur
    Vornahme der erforderlichen Mitwirkungshandlungen." A Vermittlungsvorschlag goes out as a
    Verpflichtung, with the Rechtsfolgen of § 31a announced."""
    return Fall(
        "JC-2027-1",
        [PlanErstellt(am=D(2026, 8, 3)), PlanGescheitert(am=D(2026, 9, 1))],
    )


def _codes(e: kooplan.Entscheidung) -> set[str]:
    return {h.code for h in e.hinweise}


def test_without_the_new_row_the_law_of_1_july_2026_goes_on() -> None:
    """The real table. § 31a Abs. 1 Satz 1 n.F.: "Bei einer Pflichtverletzung nach § 31 mindert
    sich das Grundsicherungsgeld um 30 Prozent des nach § 20 jeweils maßgebenden
    Regelbedarfs." § 31b Abs. 2 Satz 1 n.F.: "Der Minderungszeitraum beträgt drei Monate." """
    e = entscheide(_ohne_plan(), "vermittlungsvorschlag", D(2027, 2, 1))
    assert e.rechtsstand.id == "2026-07"
    assert e.rechtsfolgen is not None
    assert (e.rechtsfolgen.minderung_prozent, e.rechtsfolgen.monate) == (30, 3)
    assert "test.erfundenes_recht" not in _codes(e)


@pytest.mark.usefixtures("recht_2027")
def test_a_new_row_changes_the_decisions_on_its_days() -> None:
    e = entscheide(_ohne_plan(), "vermittlungsvorschlag", D(2027, 2, 1))
    assert rechtsstand_am(D(2027, 2, 1)).id == "2027-01"
    assert e.rechtsstand.id == "2027-01"
    assert e.modus is kooplan.Modus.VERPFLICHTUNG_VA  # the regime is still C
    assert e.rechtsfolgen is not None
    assert (e.rechtsfolgen.minderung_prozent, e.rechtsfolgen.monate) == (25, 2)
    assert e.rechtsfolgen.norm == "§ 31a Abs. 1 Satz 1 SGB II (erfunden)"
    assert e.rechtsfolgen.rechtsstand == "2027-01"
    assert "25 Prozent" in e.rechtsfolgen.text
    assert "test.erfundenes_recht" in _codes(e)


@pytest.mark.usefixtures("recht_2027")
def test_before_the_new_row_a_decision_sees_the_change_ahead() -> None:
    """A request made on 1.12.2026 without a due day may fall due under the new row: the
    decision announces today's law, says that the law changes within three months and shows
    the consequence under the new row beside it."""
    e = entscheide(_ohne_plan(), "vermittlungsvorschlag", D(2026, 12, 1))
    assert e.rechtsstand.id == "2026-07"
    assert e.rechtsfolgen is not None
    assert e.rechtsfolgen.minderung_prozent == 30
    assert "rechtsstand.wechsel_absehbar" in _codes(e)
    assert [(a.rechtsstand, a.minderung_prozent) for a in e.rechtsfolgen.alternativen] == [
        ("2027-01", 25)
    ]
    assert "test.erfundenes_recht" not in _codes(e)


@pytest.mark.usefixtures("recht_2027")
def test_a_due_day_under_the_new_row_is_decided_by_it() -> None:
    e = entscheide(_ohne_plan(), "vermittlungsvorschlag", D(2026, 12, 20), faellig=D(2027, 1, 5))
    assert e.rechtsstand.id == "2026-07"
    assert e.rechtsfolgen is not None
    assert (e.rechtsfolgen.rechtsstand, e.rechtsfolgen.minderung_prozent) == ("2027-01", 25)
    assert "rechtsstand.wechsel_bis_faelligkeit" in _codes(e)
    # the note of the new row is given for a due day in it, as for a Stichtag
    assert "test.erfundenes_recht" in _codes(e)


def _meldefall() -> Fall:
    """One invitation with written RFB missed without a wichtiger Grund under the new law: the
    next miss is "wiederholt" (§ 32 Abs. 1 Satz 1 n.F.)."""
    return Fall(
        "JC-2027-2",
        [
            PlanErstellt(am=D(2026, 8, 3)),
            kooplan.EinladungVersandt(am=D(2026, 9, 1), rfb=True, termin=D(2026, 9, 15)),
            kooplan.TerminVersaeumt(am=D(2026, 9, 15), wichtiger_grund=False),
        ],
    )


def test_a_repeated_meldeversaeumnis_under_the_real_law() -> None:
    """§ 32 Abs. 1 Satz 1 n.F.: "… wiederholt nicht nach, mindert sich das Grundsicherungsgeld
    jeweils um 30 Prozent des für sie nach § 20 maßgebenden Regelbedarfs"."""
    e = entscheide(_meldefall(), "einladung", D(2027, 2, 1))
    assert e.rechtsfolgen is not None
    assert e.rechtsfolgen.minderung_prozent == 30


@pytest.mark.usefixtures("recht_2027")
def test_the_new_rate_of_a_repeated_meldeversaeumnis() -> None:
    """The invented row: 20 % instead of 30 % for the repeated miss."""
    e = entscheide(_meldefall(), "einladung", D(2027, 2, 1))
    assert e.rechtsstand.id == "2027-01"
    assert e.rechtsfolgen is not None
    assert e.rechtsfolgen.minderung_prozent == 20
    assert e.rechtsfolgen.norm == "§ 32 Abs. 1 Satz 1 SGB II (erfunden)"


def test_the_law_is_the_real_one_again_after_the_test() -> None:
    assert rechtsstand_am(D(2027, 2, 1)).id == "2026-07"
    assert "2027-01" not in SANKTIONSRECHT
    assert "test.erfundenes_recht" not in HINWEISE
    assert [r.id for r in kooplan.recht.rechtsstaende.RECHTSSTAENDE][-1] == "2026-07"
