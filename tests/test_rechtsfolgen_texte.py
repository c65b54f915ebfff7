"""The texts of a Rechtsfolgenbelehrung, word by word (the Bausteine of ``Rechtsfolge.text``),
checked sentence by sentence against the statute.

The expected values are written from the statute (SGB II a.F./n.F., kooplan/gesetzestexte) and
docs/fachliches.md section 6: § 31a Abs. 1 a.F. (10 / 20 / 30 % for 1 / 2 / 3 months), § 31a Abs. 3 (Härte:
no Minderung), § 31a Abs. 4 (cap of 30 %), § 31a Abs. 7 a.F. ("innerhalb des letzten Jahres
gemindert"), § 31b Abs. 2 Satz 2 (lifting, "jedoch nicht vor Ablauf eines Monats"), § 32 a.F.
(10 % for one month) and n.F. (first miss free, "wiederholt" 30 %, § 7b Abs. 4 n.F.: nicht
erreichbar). The Regelbedarf of Stufe 1 in 2024 is 563 Euro (10 % = 56,30 Euro).
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from kooplan import (
    PlanErstellt,
)
from kooplan.ereignisse import HaerteFestgestellt, Tatbestand
from kooplan.motor.rechtsfolgen import (
    Baustein,
    Rechtsfolge,
    rechtsfolge,
)
from regeln_bau import minderung as _m
from regeln_bau import versaeumte_termine as _versaeumt
from regeln_bau import zustand as _z

D = dt.date


# -- the full Belehrung texts (checked sentence by sentence against the statute) ---------------


def test_the_b_belehrung_for_eigenbemuehungen_word_by_word() -> None:
    # § 31 Abs. 1 Satz 1 Nr. 1, Satz 2 a.F.; § 31a Abs. 1 Satz 1, 6 a.F.; § 31b Abs. 1 Satz 1,
    # Abs. 2 a.F.; Unterkunft und Heizung are not reduced (docs/fachliches.md section 6)
    z = _z(PlanErstellt(am=D(2024, 1, 15)), bis=D(2024, 3, 1))
    rf, _ = rechtsfolge(z, "eigenbemuehungen", D(2024, 3, 1), D(2024, 3, 15))
    assert [(b.art, b.text) for b in rf.bausteine] == [
        (
            "folge",
            "Wenn Sie der Aufforderung, die geforderten Eigenbemühungen zu unternehmen und "
            "nachzuweisen, ohne wichtigen Grund nicht nachkommen, mindert sich Ihr Bürgergeld um "
            "10 Prozent des für Sie maßgebenden Regelbedarfs.",
        ),
        (
            "dauer",
            "Die Minderung dauert einen Monat. Sie beginnt mit dem Kalendermonat, der auf das "
            "Wirksamwerden des Bescheids folgt, der sie feststellt.",
        ),
        (
            "wichtiger_grund",
            "Die Minderung tritt nicht ein, wenn Sie einen wichtigen Grund für Ihr Verhalten "
            "darlegen und nachweisen.",
        ),
        (
            "vorzeitiges_ende",
            "Kommen Sie der Pflicht nachträglich nach oder erklären Sie sich ernsthaft und "
            "nachhaltig bereit, ihr künftig nachzukommen, wird die Minderung ab diesem Zeitpunkt "
            "aufgehoben, jedoch nicht vor Ablauf eines Monats.",
        ),
        (
            # § 31a Abs. 1 Satz 2 bis 5 a.F. (the next steps within a year), Abs. 4 Satz 1 (cap)
            "wiederholung",
            "Begehen Sie nach der Feststellung dieser Minderung und innerhalb eines Jahres nach "
            "dem Beginn ihres Minderungszeitraums eine weitere Pflichtverletzung, mindert sich "
            "Ihr Bürgergeld um 20 Prozent für zwei Monate, bei jeder weiteren um 30 Prozent für "
            "drei Monate. Alle Minderungen zusammen betragen höchstens 30 Prozent des "
            "maßgebenden Regelbedarfs.",
        ),
        ("unterkunft", "Die Leistungen für Unterkunft und Heizung werden nicht gemindert."),
        # § 31b Abs. 3 SGB II in the text of 1.7.2023
        (
            "sozialhilfe",
            "Während der Minderung besteht kein Anspruch auf ergänzende Hilfe zum "
            "Lebensunterhalt nach dem Zwölften Buch Sozialgesetzbuch (Sozialhilfe).",
        ),
    ]
    assert rf.bausteine[-1].norm == "§ 31b Abs. 3 SGB II a.F."
    # 15.3.2024 lies in Rechtsstand 2023-07 (2024-03 begins on 28.3.2024)
    assert [s.rechtsstand for s in rf.folgestufen] == ["2023-07", "2023-07"]


ENTZUG = (
    "Weigern Sie sich willentlich, diese zumutbare Arbeit aufzunehmen, obwohl ihre Aufnahme "
    "tatsächlich und unmittelbar möglich ist, entfällt Ihr Anspruch in Höhe des Regelbedarfs "
    "ganz (§ 31a Abs. 7 SGB II). Für die Dauer des Entzugs geht die Minderung darin auf; die "
    "Grenze von 30 Prozent aller Minderungen gilt für den Entzug nicht."
)


BEGINN_ENTZUG = (
    "Der Entzug beginnt mit dem Kalendermonat, der auf das Wirksamwerden des Bescheids folgt, "
    "der ihn feststellt."
)


def _entzug(rf: Rechtsfolge) -> list[tuple[str, str]]:
    return [(b.art, b.text) for b in rf.bausteine if b.art.startswith("entzug_")]


def test_the_abs7_baustein_of_2024_with_a_qualifying_minderung() -> None:
    # § 31a Abs. 7 Satz 1 to 3 a.F. with § 31b Abs. 3 a.F. ("aufgehoben, wenn die Möglichkeit der
    # Arbeitsaufnahme nicht mehr besteht, spätestens aber mit dem Ablauf eines Zeitraums von zwei
    # Monaten"; Abs. 2 Satz 2 entsprechend: not before a month) and § 31a Abs. 4 Satz 2
    m = _m(D(2024, 9, 1), D(2024, 10, 1), id="m1", tatbestand=Tatbestand.ABS1_NR2)
    z = _z(m, bis=D(2025, 3, 3))
    rf, _ = rechtsfolge(z, "vermittlungsvorschlag", D(2025, 3, 3), D(2025, 3, 3))
    assert rf.entzug_regelbedarf is True
    assert _entzug(rf) == [
        (
            "entzug_regelbedarf",
            "Ihr Bürgergeld war im letzten Jahr wegen einer Pflichtverletzung nach § 31 Abs. 1 "
            "Satz 1 Nr. 2 oder Abs. 2 Nr. 3 oder 4 SGB II gemindert. " + ENTZUG,
        ),
        (
            "entzug_dauer",
            BEGINN_ENTZUG + " Er wird aufgehoben, sobald die Möglichkeit der Arbeitsaufnahme "
            "nicht mehr besteht, spätestens nach zwei Monaten.",
        ),
        (
            "entzug_vorzeitiges_ende",
            "Nehmen Sie die Arbeit doch auf oder erklären Sie sich nachträglich ernsthaft und "
            "nachhaltig bereit, Ihren Pflichten künftig nachzukommen, wird der Entzug ab diesem "
            "Zeitpunkt aufgehoben, jedoch nicht vor Ablauf eines Monats.",
        ),
        (
            "entzug_unterkunft",
            "Die Leistungen für Unterkunft und Heizung werden auch beim Entzug nicht gemindert.",
        ),
    ]
    assert "verhindern" in rf.bausteine[0].text  # the Tatbestand of § 31 Abs. 1 Satz 1 Nr. 2


def test_the_abs7_baustein_of_the_new_law() -> None:
    # § 31a Abs. 7 n.F. (no prior Minderung; Satz 3: the landlord; Satz 4 with Abs. 1 Satz 2:
    # lifted on compliance), § 31b Abs. 3 n.F. (one month, at most two), § 31a Abs. 4 Satz 3 n.F.
    z = _z(PlanErstellt(am=D(2026, 7, 1)), bis=D(2026, 8, 3))
    rf, _ = rechtsfolge(z, "vermittlungsvorschlag", D(2026, 8, 3), D(2026, 8, 3))
    assert rf.entzug_regelbedarf is True
    assert _entzug(rf) == [
        ("entzug_regelbedarf", ENTZUG),
        (
            "entzug_dauer",
            BEGINN_ENTZUG + " Besteht die Möglichkeit der Arbeitsaufnahme nach dem ersten Monat "
            "nicht mehr, wird er aufgehoben; spätestens endet er nach zwei Monaten.",
        ),
        (
            "entzug_vorzeitiges_ende",
            "Nehmen Sie die Arbeit doch auf oder erklären Sie sich nachträglich ernsthaft und "
            "nachhaltig bereit, Ihren Pflichten künftig nachzukommen, wird der Entzug aufgehoben.",
        ),
        (
            "entzug_unterkunft",
            "Die Leistungen für Unterkunft und Heizung werden auch beim Entzug nicht gemindert; "
            "sie sollen dann für die gesamte Bedarfsgemeinschaft an Ihren Vermieter oder andere "
            "Empfangsberechtigte gezahlt werden.",
        ),
        (
            "entzug_ein_euro",
            "Ergäbe sich allein wegen des Entzugs rechnerisch kein Leistungsanspruch, wird für "
            "seine Dauer Grundsicherungsgeld von monatlich 1 Euro bewilligt.",
        ),
    ]


def test_the_c_first_miss_text_word_by_word() -> None:
    # § 32 Abs. 1, 2 n.F. (the first miss is free, a repeated one 30 % for one month) and
    # § 7b Abs. 4 n.F. (three consecutive Meldeaufforderungen with RFB: nicht erreichbar)
    rf, _ = rechtsfolge(_z(bis=D(2026, 7, 6)), "einladung", D(2026, 7, 6), D(2026, 7, 13))
    assert [(b.art, b.text) for b in rf.bausteine] == [
        (
            "folge",
            "Wenn Sie der Einladung ohne wichtigen Grund nicht folgen, zählt das als erstes "
            "Meldeversäumnis nach § 32 Abs. 1 SGB II: Es führt noch zu keiner Minderung.",
        ),
        (
            "wichtiger_grund",
            "Ein Versäumnis, für das Sie einen wichtigen Grund für Ihr Verhalten darlegen und "
            "nachweisen, zählt nicht.",
        ),
        (
            "wiederholung",
            "Jedes weitere Meldeversäumnis mindert Ihr Grundsicherungsgeld um 30 Prozent des "
            "maßgebenden Regelbedarfs für einen Monat; die Leistungen für Unterkunft und Heizung "
            "werden nicht gemindert. Alle Minderungen zusammen betragen höchstens 30 Prozent des "
            "maßgebenden Regelbedarfs. Kommen Sie drei aufeinanderfolgenden Meldeaufforderungen "
            "mit Rechtsfolgenbelehrung ohne wichtigen Grund nicht nach, gelten Sie als nicht "
            "erreichbar (§ 7b Abs. 4 SGB II): Ihr Leistungsanspruch entfällt dann ab dem Monat "
            "nach der Feststellung des dritten Versäumnisses bis zum Ende des "
            "Bewilligungszeitraums, im ersten Monat ohne die Leistungen für den Regelbedarf; er "
            "lebt wieder auf, sobald Sie sich persönlich im Jobcenter melden.",
        ),
    ]
    assert rf.text == " ".join(b.text for b in rf.bausteine)
    assert rf.norm == "§ 32 Abs. 1 Satz 1 SGB II n.F."
    assert [s.rechtsstand for s in rf.folgestufen] == ["2026-07", "2026-07"]


def _nicht_erreichbar_bloecke(
    regelbedarf: str, minderung: str, bis: str
) -> list[tuple[str, str, str]]:
    """The blocks of § 7b Abs. 4 Satz 1 to 5 n.F. with § 32 Abs. 3 Satz 1, 2 n.F. and § 31a
    Abs. 4 Satz 3 n.F., with their norms; § 7b Abs. 4 Satz 2 n.F.: "§ 31b Absatz 4 gilt
    entsprechend" (the last block)."""
    return [
        (
            "nicht_erreichbar",
            "§ 7b Abs. 4 Satz 1, 2 SGB II n.F., § 32 Abs. 3 Satz 1 SGB II n.F.",
            "Kommen Sie dieser dritten aufeinanderfolgenden Meldeaufforderung ohne wichtigen "
            "Grund nicht nach, gelten Sie als nicht erreichbar (§ 7b Abs. 4 SGB II). Ihr "
            "Leistungsanspruch entfällt dann mit Beginn des Kalendermonats, der auf die "
            "Feststellung des dritten versäumten Meldetermins folgt. An die Stelle einer "
            "Minderung wegen dieses Meldeversäumnisses treten diese Folgen (§ 32 Abs. 3 SGB II).",
        ),
        (
            "nicht_erreichbar_erster_monat",
            "§ 7b Abs. 4 Satz 4 SGB II n.F., § 31a Abs. 4 Satz 3 SGB II n.F.",
            "Für diesen ersten Kalendermonat erhalten Sie Grundsicherungsgeld ohne die Leistungen "
            f"für den Regelbedarf{regelbedarf}; die Leistungen für Unterkunft und Heizung werden "
            "in diesem Monat weiter erbracht. Ergäbe sich dadurch rechnerisch kein "
            "Leistungsanspruch, wird für diesen Monat Grundsicherungsgeld von 1 Euro bewilligt.",
        ),
        (
            "nicht_erreichbar_dauer",
            "§ 7b Abs. 4 Satz 2, 3 SGB II n.F.",
            f"Danach erhalten Sie bis zum Ablauf des ursprünglichen Bewilligungszeitraums{bis} "
            "keine Leistungen, auch nicht für Unterkunft und Heizung, es sei denn, Sie melden "
            "sich vorher persönlich im Jobcenter: Von da an gelten Sie wieder als erreichbar.",
        ),
        (
            "nicht_erreichbar_vorzeitiges_ende",
            "§ 7b Abs. 4 Satz 5 SGB II n.F., § 32 Abs. 3 Satz 2 SGB II n.F.",
            "Melden Sie sich innerhalb dieses ersten Kalendermonats persönlich im Jobcenter, "
            "gelten Sie als durchgehend erreichbar; Ihr Regelbedarf wird dann für diesen einen "
            f"Monat um 30 Prozent gemindert{minderung} erbracht.",
        ),
        (
            "wichtiger_grund",
            "§ 7b Abs. 4 Satz 1 SGB II n.F.",
            "Diese Folgen treten nicht ein, wenn Sie einen wichtigen Grund für Ihr Verhalten "
            "darlegen und nachweisen.",
        ),
        (
            "sozialhilfe",
            "§ 7b Abs. 4 Satz 2 SGB II n.F., § 31b Abs. 4 SGB II n.F.",
            "Solange Ihr Leistungsanspruch entfällt, besteht kein Anspruch auf ergänzende Hilfe "
            "zum Lebensunterhalt nach dem Zwölften Buch Sozialgesetzbuch (Sozialhilfe).",
        ),
    ]


#: § 7b Abs. 4 n.F. for a person of Regelbedarfsstufe 1 in 2026 (563 Euro; § 32 Abs. 3 Satz 2
#: n.F. keeps the 30 % of § 32 Abs. 1: 168,90 Euro), Bewilligungszeitraum until 31.12.2026.
_NE_2026 = _nicht_erreichbar_bloecke(" (563,00 Euro)", " (um 168,90 Euro)", " am 31.12.2026")


def test_the_nicht_erreichbar_text_word_by_word() -> None:
    z = _z(*_versaeumt(2), bis=D(2026, 8, 1))
    rf, _ = rechtsfolge(
        z,
        "einladung",
        D(2026, 8, 1),
        D(2026, 8, 10),
        regelbedarfsstufe=1,
        bewilligungszeitraum_ende=D(2026, 12, 31),
    )
    # § 7b Abs. 4 Satz 1 to 5 n.F.; § 32 Abs. 3 Satz 1, 2 n.F.; § 31a Abs. 4 Satz 3 n.F.; 563 Euro
    # (Regelbedarfsstufe 1, 2026), 30 % = 168,90 Euro
    assert [(b.art, b.text) for b in rf.bausteine] == [(a, t) for a, _, t in _NE_2026]
    assert rf.text == " ".join(b.text for b in rf.bausteine)


def test_the_repeated_miss_text_and_amount() -> None:
    z = _z(*_versaeumt(1), bis=D(2026, 8, 1))
    rf, _ = rechtsfolge(z, "einladung", D(2026, 8, 1), D(2026, 8, 10), regelbedarfsstufe=1)
    assert rf.bausteine[0].art == "folge"
    # 30 % of 563 Euro (Regelbedarfsstufe 1, 2026)
    assert rf.bausteine[0].text == (
        "Wenn Sie der Einladung ohne wichtigen Grund nicht folgen, ist das ein wiederholtes "
        "Meldeversäumnis: Ihr Grundsicherungsgeld mindert sich um 30 Prozent des für Sie "
        "maßgebenden Regelbedarfs (168,90 Euro monatlich)."
    )
    assert rf.text == " ".join(b.text for b in rf.bausteine)


def test_the_b_meldeversaeumnis_text_is_its_bausteine() -> None:
    rf, _ = rechtsfolge(_z(bis=D(2024, 3, 1)), "einladung", D(2024, 3, 1), D(2024, 3, 8))
    assert rf.text == " ".join(b.text for b in rf.bausteine)
    assert rf.bausteine[0].text.startswith(
        "Wenn Sie der Einladung ohne wichtigen Grund nicht folgen,"
    )


# -- § 32 a.F.: the whole Belehrung of a Meldeversäumnis, block by block with its norm -----------

_WICHTIGER_GRUND = (
    "wichtiger_grund",
    "§ 32 Abs. 1 Satz 2 SGB II",
    "Die Minderung tritt nicht ein, wenn Sie einen wichtigen Grund für Ihr Verhalten darlegen und "
    "nachweisen.",
)
_NICHT_ERREICHBAR_WARNUNG = (
    "Kommen Sie drei aufeinanderfolgenden Meldeaufforderungen mit Rechtsfolgenbelehrung ohne "
    "wichtigen Grund nicht nach, gelten Sie als nicht erreichbar (§ 7b Abs. 4 SGB II): Ihr "
    "Leistungsanspruch entfällt dann ab dem Monat nach der Feststellung des dritten Versäumnisses "
    "bis zum Ende des Bewilligungszeitraums, im ersten Monat ohne die Leistungen für den "
    "Regelbedarf; er lebt wieder auf, sobald Sie sich persönlich im Jobcenter melden."
)


@pytest.mark.parametrize(
    ("stichtag", "faellig", "rechtsstand", "sgb12_norm"),
    [
        # § 31b Abs. 3 in the text of 1.7.2023: "Während der Minderung des Auszahlungsanspruchs
        # besteht kein Anspruch auf ergänzende Hilfe zum Lebensunterhalt nach den Vorschriften
        # des Zwölften Buches."; from 28.3.2024 the same sentence is § 31b Abs. 4
        (D(2024, 3, 1), D(2024, 3, 8), "2023-07", "§ 31b Abs. 3 SGB II a.F."),
        (D(2024, 4, 8), D(2024, 4, 15), "2024-03", "§ 31b Abs. 4 SGB II a.F."),
    ],
)
def test_the_b_meldeversaeumnis_belehrung_block_by_block(
    stichtag: dt.date, faellig: dt.date, rechtsstand: str, sgb12_norm: str
) -> None:
    # § 32 Abs. 1 Satz 1 a.F.: "… mindert sich das Bürgergeld jeweils um 10 Prozent des für sie
    # nach § 20 maßgebenden Regelbedarfs." Satz 2: "Dies gilt nicht, wenn Leistungsberechtigte
    # einen wichtigen Grund für ihr Verhalten darlegen und nachweisen." Abs. 2: "§ 31a Absatz 2
    # bis 5 und § 31b Absatz 1 und 4 gelten entsprechend. Der Minderungszeitraum beträgt einen
    # Monat." § 31a Abs. 4: at most 30 % in all; Unterkunft und Heizung are not reduced.
    # Regelbedarfsstufe 1 in 2024: 563 Euro, 10 % = 56,30 Euro.
    rf, _ = rechtsfolge(_z(bis=stichtag), "einladung", stichtag, faellig, regelbedarfsstufe=1)
    assert (rf.rechtsstand, rf.minderung_prozent, rf.monate) == (rechtsstand, 10, 1)
    assert rf.betrag_euro == Decimal("56.30")
    assert rf.norm == "§ 32 Abs. 1 Satz 1, Abs. 2 Satz 2 SGB II a.F."
    assert [(b.art, b.norm, b.text) for b in rf.bausteine] == [
        (
            "folge",
            "§ 32 Abs. 1 Satz 1 SGB II a.F.",
            "Wenn Sie der Einladung ohne wichtigen Grund nicht folgen, mindert sich Ihr "
            "Bürgergeld um 10 Prozent des für Sie maßgebenden Regelbedarfs (56,30 Euro "
            "monatlich).",
        ),
        (
            "dauer",
            "§ 32 Abs. 2 Satz 2, § 31b Abs. 1 Satz 1 SGB II a.F.",
            "Die Minderung dauert einen Monat. Sie beginnt mit dem Kalendermonat, der auf das "
            "Wirksamwerden des Bescheids folgt, der sie feststellt.",
        ),
        _WICHTIGER_GRUND,
        (
            "wiederholung",
            "§ 32 Abs. 1 Satz 1, Abs. 2 Satz 1, § 31a Abs. 4 Satz 1 SGB II a.F.",
            "Jedes weitere Meldeversäumnis mindert Ihr Bürgergeld jeweils um weitere 10 Prozent "
            "für einen Monat. Alle Minderungen zusammen betragen höchstens 30 Prozent des "
            "maßgebenden Regelbedarfs.",
        ),
        (
            "unterkunft",
            "§ 32 Abs. 2 Satz 1, § 31a Abs. 4 Satz 2 SGB II a.F.",
            "Die Leistungen für Unterkunft und Heizung werden nicht gemindert.",
        ),
        (
            "sozialhilfe",
            f"§ 32 Abs. 2 Satz 1 SGB II a.F., {sgb12_norm}",
            "Während der Minderung besteht kein Anspruch auf ergänzende Hilfe zum "
            "Lebensunterhalt nach dem Zwölften Buch Sozialgesetzbuch (Sozialhilfe).",
        ),
    ]
    assert rf.text == " ".join(b.text for b in rf.bausteine)


# -- § 32 n.F. and § 7b Abs. 4 n.F.: the stages announced, with amounts and the period's end ------


def _bloecke(rf: Rechtsfolge) -> list[tuple[str, str | None, str]]:
    return [(b.art, b.norm, b.text) for b in rf.bausteine]


def test_the_c_first_miss_announces_the_later_stages_with_their_amounts() -> None:
    # § 32 Abs. 1 Satz 1 n.F.: "… wiederholt nicht nach, mindert sich das Grundsicherungsgeld
    # jeweils um 30 Prozent des für sie nach § 20 maßgebenden Regelbedarfs." (30 % of 563 Euro =
    # 168,90 Euro); § 7b Abs. 4 Satz 1 n.F.: "drei aufeinanderfolgenden Meldeaufforderungen"
    rf, _ = rechtsfolge(
        _z(bis=D(2026, 7, 6)),
        "einladung",
        D(2026, 7, 6),
        D(2026, 7, 13),
        regelbedarfsstufe=1,
        bewilligungszeitraum_ende=D(2026, 12, 31),
    )
    assert rf.bausteine[2] == Baustein(
        "wiederholung",
        "Jedes weitere Meldeversäumnis mindert Ihr Grundsicherungsgeld um 30 Prozent des "
        "maßgebenden Regelbedarfs (168,90 Euro monatlich) für einen Monat; die Leistungen für "
        "Unterkunft und Heizung werden nicht gemindert. Alle Minderungen zusammen betragen "
        "höchstens 30 Prozent des maßgebenden Regelbedarfs. " + _NICHT_ERREICHBAR_WARNUNG,
        "§ 32 Abs. 1 Satz 1, Abs. 2, § 31a Abs. 4 Satz 1, 2, § 7b Abs. 4 Satz 1 SGB II n.F.",
    )
    wiederholt, dritter = rf.folgestufen
    assert (wiederholt.minderung_prozent, wiederholt.monate, wiederholt.betrag_euro) == (
        30,
        1,
        Decimal("168.90"),
    )
    assert wiederholt.norm == "§ 32 Abs. 1 Satz 1, Abs. 2 Satz 2 SGB II n.F."
    assert wiederholt.text == (
        "Bei einem wiederholten Meldeversäumnis: 30 Prozent des maßgebenden Regelbedarfs "
        "(168,90 Euro monatlich) für einen Monat."
    )
    assert dritter.nicht_erreichbar is True
    assert _bloecke(dritter) == _NE_2026


def test_the_c_repeated_miss_belehrung_block_by_block() -> None:
    # § 32 Abs. 1 Satz 1, 2, Abs. 2 n.F.; § 31a Abs. 4 Satz 1 to 3 n.F. ("… wird für die Dauer
    # der Leistungsminderung … Grundsicherungsgeld in Höhe von monatlich 1 Euro bewilligt");
    # § 31b Abs. 4 n.F. (no Sozialhilfe); the third miss: § 7b Abs. 4 n.F.
    z = _z(*_versaeumt(1), bis=D(2026, 8, 1))
    rf, _ = rechtsfolge(
        z,
        "einladung",
        D(2026, 8, 1),
        D(2026, 8, 10),
        regelbedarfsstufe=1,
        bewilligungszeitraum_ende=D(2026, 12, 31),
    )
    assert (rf.minderung_prozent, rf.monate, rf.betrag_euro) == (30, 1, Decimal("168.90"))
    assert _bloecke(rf) == [
        (
            "folge",
            "§ 32 Abs. 1 Satz 1 SGB II n.F.",
            "Wenn Sie der Einladung ohne wichtigen Grund nicht folgen, ist das ein wiederholtes "
            "Meldeversäumnis: Ihr Grundsicherungsgeld mindert sich um 30 Prozent des für Sie "
            "maßgebenden Regelbedarfs (168,90 Euro monatlich).",
        ),
        (
            "dauer",
            "§ 32 Abs. 2 Satz 2, § 31b Abs. 1 Satz 1 SGB II n.F.",
            "Die Minderung dauert einen Monat. Sie beginnt mit dem Kalendermonat, der auf das "
            "Wirksamwerden des Bescheids folgt, der sie feststellt.",
        ),
        _WICHTIGER_GRUND,
        (
            "wiederholung",
            "§ 32 Abs. 1 Satz 1, § 31a Abs. 4 Satz 1, § 7b Abs. 4 Satz 1 SGB II n.F.",
            "Jedes weitere Meldeversäumnis mindert Ihr Grundsicherungsgeld erneut um 30 Prozent "
            "für einen Monat. Alle Minderungen zusammen betragen höchstens 30 Prozent des "
            "maßgebenden Regelbedarfs. " + _NICHT_ERREICHBAR_WARNUNG,
        ),
        (
            "unterkunft",
            "§ 32 Abs. 2 Satz 1, § 31a Abs. 4 Satz 2 SGB II n.F.",
            "Die Leistungen für Unterkunft und Heizung werden nicht gemindert.",
        ),
        (
            "ein_euro",
            "§ 32 Abs. 2 Satz 1, § 31a Abs. 4 Satz 3 SGB II n.F.",
            "Ergäbe sich allein wegen der Minderung rechnerisch kein Leistungsanspruch, wird für "
            "ihre Dauer Grundsicherungsgeld von monatlich 1 Euro bewilligt.",
        ),
        (
            "sozialhilfe",
            "§ 32 Abs. 2 Satz 1 SGB II n.F., § 31b Abs. 4 SGB II n.F.",
            "Während der Minderung besteht kein Anspruch auf ergänzende Hilfe zum "
            "Lebensunterhalt nach dem Zwölften Buch Sozialgesetzbuch (Sozialhilfe).",
        ),
    ]
    assert rf.text == " ".join(b.text for b in rf.bausteine)
    (dritter,) = rf.folgestufen
    assert _bloecke(dritter) == _NE_2026


# -- § 31a Abs. 3: the Härte's announcement under each law ----------------------------------------


@pytest.mark.parametrize(
    ("tag", "anliegen", "norm", "verhalten"),
    [
        (
            D(2024, 3, 15),
            "einladung",
            "§ 31a Abs. 3 SGB II a.F.",
            "der Einladung ohne wichtigen Grund nicht folgen",
        ),
        (
            D(2024, 3, 15),
            "eigenbemuehungen",
            "§ 31a Abs. 3 SGB II a.F.",
            "der Aufforderung, die geforderten Eigenbemühungen zu unternehmen und nachzuweisen, "
            "ohne wichtigen Grund nicht nachkommen",
        ),
        (
            D(2026, 8, 3),
            "eigenbemuehungen",
            "§ 31a Abs. 3 SGB II n.F.",
            "die geforderten Eigenbemühungen ohne wichtigen Grund nicht nachweisen",
        ),
    ],
)
def test_the_haerte_announcement_names_the_law_of_its_day(
    tag: dt.date, anliegen: str, norm: str, verhalten: str
) -> None:
    # "Eine Leistungsminderung erfolgt nicht, wenn sie im Einzelfall eine außergewöhnliche Härte
    # bedeuten würde." (§ 31a Abs. 3, in both texts; for § 32 by § 32 Abs. 2 Satz 1)
    z = _z(PlanErstellt(am=tag - dt.timedelta(days=40)), HaerteFestgestellt(am=tag), bis=tag)
    rf, _ = rechtsfolge(z, anliegen, tag, tag, regelbedarfsstufe=1)
    assert (rf.minderung_prozent, rf.monate, rf.betrag_euro, rf.norm) == (0, 0, None, norm)
    assert _bloecke(rf) == [
        (
            "folge",
            norm,
            f"Wenn Sie {verhalten}, erfolgt wegen der festgestellten außergewöhnlichen Härte "
            "keine Leistungsminderung.",
        )
    ]
    assert rf.text == rf.bausteine[0].text
    assert rf.folgestufen == ()


def test_under_c_the_haerte_leaves_the_warning_of_7b_abs_4() -> None:
    # § 31a Abs. 3 n.F. excludes the Minderung; § 7b Abs. 4 Satz 1 n.F. has no such clause, so
    # the Belehrung of an invitation still warns of the third miss, with its rule for the first
    # month unchanged (§ 32 Abs. 3 Satz 2 n.F.)
    tag = D(2026, 8, 3)
    z = _z(PlanErstellt(am=tag - dt.timedelta(days=40)), HaerteFestgestellt(am=tag), bis=tag)
    rf, codes = rechtsfolge(z, "einladung", tag, tag, regelbedarfsstufe=1)
    assert "rf.haerte" in codes
    assert rf.norm == "§ 31a Abs. 3 SGB II n.F."
    assert _bloecke(rf) == [
        (
            "folge",
            "§ 31a Abs. 3 SGB II n.F.",
            "Wenn Sie der Einladung ohne wichtigen Grund nicht folgen, erfolgt wegen der "
            "festgestellten außergewöhnlichen Härte keine Leistungsminderung.",
        ),
        ("wiederholung", "§ 7b Abs. 4 Satz 1 SGB II n.F.", _NICHT_ERREICHBAR_WARNUNG),
    ]
    assert rf.text == " ".join(b.text for b in rf.bausteine)
    (dritter,) = rf.folgestufen
    assert _bloecke(dritter) == _nicht_erreichbar_bloecke("", "", "")
