"""The Rechtsfolgen asked directly (``kooplan.motor.rechtsfolgen``): the steps and amounts, the
Härte, § 32 n.F. and § 7b Abs. 4 n.F., § 31a Abs. 7, the Minderungszeitraum and its early end,
and the checks of a ``Rechtsfolge`` and of the arguments of ``rechtsfolge``.

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
from typing import Any

import pytest

import kooplan
from faelle_bau import offene_massnahme
from kooplan import (
    EinladungVersandt,
    Minderungsgrund,
    PlanErstellt,
    TerminVersaeumt,
)
from kooplan.ereignisse import HaerteFestgestellt, MinderungAufgehoben, Tatbestand
from kooplan.fehler import UngueltigeEingabe
from kooplan.kalender import feststellung_spaetestens, minderung_beginn
from kooplan.motor.rechtsfolgen import (
    Monat,
    Rechtsfolge,
    minderungen_in_kraft,
    minderungen_monatlich,
    rechtsfolge,
    stufe_31,
    vorminderung_2024,
)
from kooplan.phasen import Zustand, falte
from kooplan.policy import Policy
from kooplan.vertrag import fall_aus_objekt
from regeln_bau import fall as _fall
from regeln_bau import minderung as _m
from regeln_bau import versaeumte_termine as _versaeumt
from regeln_bau import zustand as _z

D = dt.date


#: The reading of § 32 Abs. 1 n.F. under which an earlier miss of an invitation without RFB counts.
KENNTNIS = Policy(wiederholt_auch_ohne_belehrung=True)


# -- § 31 under B: the first step, its text and the later steps ---------------------------------


def test_first_pflichtverletzung_in_b_announces_10_percent_for_one_month_with_euro() -> None:
    z = _z(PlanErstellt(am=D(2024, 1, 15)), bis=D(2024, 3, 1))
    rf, codes = rechtsfolge(
        z, "eigenbemuehungen", D(2024, 3, 1), D(2024, 3, 15), regelbedarfsstufe=1
    )
    assert (rf.minderung_prozent, rf.monate) == (10, 1)
    assert rf.betrag_euro == Decimal("56.30")
    assert [b.art for b in rf.bausteine] == [
        "folge",
        "dauer",
        "wichtiger_grund",
        "vorzeitiges_ende",
        "wiederholung",
        "unterkunft",
        "sozialhilfe",
    ]
    folge, dauer = rf.bausteine[0].text, rf.bausteine[1].text
    assert "mindert sich Ihr Bürgergeld um 10 Prozent" in folge
    assert folge.endswith("Regelbedarfs (56,30 Euro monatlich).")
    assert dauer.startswith("Die Minderung dauert einen Monat.")
    assert rf.text == " ".join(b.text for b in rf.bausteine)
    # § 31a Abs. 1 Satz 2, 3 a.F.: the next steps
    assert [(s.minderung_prozent, s.monate, s.text) for s in rf.folgestufen] == [
        (
            20,
            2,
            "Bei einer weiteren Pflichtverletzung innerhalb eines Jahres: 20 Prozent für zwei "
            "Monate.",
        ),
        (
            30,
            3,
            "Bei einer weiteren Pflichtverletzung innerhalb eines Jahres: 30 Prozent für drei "
            "Monate.",
        ),
    ]
    # the earliest month: posted on the due day, made known on the third day (§ 37 Abs. 2
    # SGB X until 31.12.2024), the month after (§ 31b Abs. 1 Satz 1)
    assert rf.beginn_fruehestens == minderung_beginn(D(2024, 3, 18))
    assert rf.beginn_fruehestens is not None and rf.beginn_fruehestens.day == 1
    assert rf.beginn_fruehestens > D(2024, 3, 15)
    assert rf.feststellung_bis == feststellung_spaetestens(D(2024, 3, 15))
    assert "rf.betrag_unbekannt" not in codes


def test_without_regelbedarfsstufe_no_euro_amount_is_named() -> None:
    z = _z(PlanErstellt(am=D(2024, 1, 15)), bis=D(2024, 3, 1))
    rf, codes = rechtsfolge(z, "massnahme", D(2024, 3, 1), D(2024, 3, 15))
    assert rf.betrag_euro is None
    assert "Euro" not in rf.text
    assert rf.bausteine[0].text.endswith("des für Sie maßgebenden Regelbedarfs.")
    assert "rf.betrag_unbekannt" in codes


def test_a_third_step_lasts_three_months() -> None:
    z = _z(
        _m(D(2024, 1, 10), D(2024, 2, 1), 10, stufe=1),
        _m(D(2024, 3, 10), D(2024, 4, 1), 20, stufe=2),
        bis=D(2024, 6, 1),
    )
    rf, _ = rechtsfolge(z, "massnahme", D(2024, 6, 1), D(2024, 6, 1))
    assert (rf.minderung_prozent, rf.monate) == (30, 3)
    assert rf.bausteine[1].text.startswith("Die Minderung dauert drei Monate.")
    assert rf.folgestufen == ()


def test_a_minderung_found_on_the_day_of_the_new_violation_counts_as_earlier() -> None:
    z = _z(_m(D(2024, 3, 1), D(2024, 4, 1), 10, stufe=1), bis=D(2024, 3, 1))
    assert stufe_31(z, D(2024, 3, 1)) == 2


# -- § 31a Abs. 3: Härte -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("tag", "anliegen", "norm"),
    [
        (D(2024, 3, 15), "eigenbemuehungen", "§ 31a Abs. 3 SGB II a.F."),
        (D(2024, 3, 15), "einladung", "§ 31a Abs. 3 SGB II a.F."),
        (D(2026, 8, 3), "eigenbemuehungen", "§ 31a Abs. 3 SGB II n.F."),
    ],
)
def test_a_haerte_found_on_the_due_day_means_no_minderung(
    tag: dt.date, anliegen: str, norm: str
) -> None:
    z = _z(PlanErstellt(am=tag - dt.timedelta(days=40)), HaerteFestgestellt(am=tag), bis=tag)
    rf, codes = rechtsfolge(z, anliegen, tag, tag)
    assert (rf.minderung_prozent, rf.monate) == (0, 0)
    assert rf.norm == norm
    assert rf.text.startswith("Wenn Sie ")
    assert rf.text.endswith(
        ", erfolgt wegen der festgestellten außergewöhnlichen Härte keine Leistungsminderung."
    )
    assert [b.art for b in rf.bausteine] == ["folge"]
    assert rf.bausteine[0].text == rf.text
    assert "rf.haerte" in codes


# -- § 32 n.F. and § 7b Abs. 4 n.F. ------------------------------------------------------------


def test_c_first_miss_is_free_and_announces_the_later_steps() -> None:
    z = _z(bis=D(2026, 7, 6))
    rf, _ = rechtsfolge(z, "einladung", D(2026, 7, 6), D(2026, 7, 13))
    assert (rf.minderung_prozent, rf.monate) == (0, 0)
    assert [(s.minderung_prozent, s.monate, s.nicht_erreichbar) for s in rf.folgestufen] == [
        (30, 1, None),
        (0, 0, True),
    ]
    assert rf.folgestufen[0].text == (
        "Bei einem wiederholten Meldeversäumnis: 30 Prozent des maßgebenden Regelbedarfs für "
        "einen Monat."
    )


def test_c_third_consecutive_miss_with_rfb_means_nicht_erreichbar() -> None:
    z = _z(*_versaeumt(2), bis=D(2026, 8, 1))
    rf, _ = rechtsfolge(z, "einladung", D(2026, 8, 1), D(2026, 8, 10))
    assert rf.nicht_erreichbar is True
    assert (rf.minderung_prozent, rf.monate) == (0, 0)
    assert rf.norm == "§ 7b Abs. 4 SGB II n.F., § 32 Abs. 3 Satz 1, 2 SGB II n.F."
    assert [b.art for b in rf.bausteine] == [
        "nicht_erreichbar",
        "nicht_erreichbar_erster_monat",
        "nicht_erreichbar_dauer",
        "nicht_erreichbar_vorzeitiges_ende",
        "wichtiger_grund",
        "sozialhilfe",
    ]
    text = rf.bausteine[0].text
    assert text.startswith("Kommen Sie dieser dritten aufeinanderfolgenden Meldeaufforderung")
    assert "(§ 7b Abs. 4 SGB II)" in text
    assert "bis zum Ablauf des ursprünglichen Bewilligungszeitraums" in rf.bausteine[2].text
    assert "Grundsicherungsgeld ohne die Leistungen für den Regelbedarf" in rf.bausteine[1].text
    assert "gelten Sie als durchgehend erreichbar" in rf.bausteine[3].text


def test_c_two_misses_without_rfb_are_a_repeated_miss_not_nicht_erreichbar() -> None:
    # with the policy that counts earlier misses without RFB ("oder deren Kenntnis")
    z = _z(*_versaeumt(2, rfb=False), bis=D(2026, 8, 1))
    rf, _ = rechtsfolge(
        z, "einladung", D(2026, 8, 1), D(2026, 8, 10), regelbedarfsstufe=1, policy=KENNTNIS
    )
    assert rf.nicht_erreichbar is False
    assert (rf.minderung_prozent, rf.monate) == (30, 1)
    assert "wiederholtes Meldeversäumnis" in rf.bausteine[0].text
    assert rf.bausteine[1].text.startswith("Die Minderung dauert einen Monat.")


def test_b_meldeversaeumnis_is_10_percent_for_one_month() -> None:
    z = _z(bis=D(2024, 3, 1))
    rf, _ = rechtsfolge(z, "einladung", D(2024, 3, 1), D(2024, 3, 8), regelbedarfsstufe=1)
    assert (rf.minderung_prozent, rf.monate) == (10, 1)
    assert rf.betrag_euro == Decimal("56.30")
    assert rf.bausteine[0].text.endswith("(56,30 Euro monatlich).")
    # § 32 Abs. 2 Satz 1 a.F. applies § 31a Abs. 4 (cap, Unterkunft und Heizung)
    assert [b.art for b in rf.bausteine] == [
        "folge",
        "dauer",
        "wichtiger_grund",
        "wiederholung",
        "unterkunft",
        "sozialhilfe",
    ]


# -- the Rechtsstand of the due day and the next three months ----------------------------------


def test_without_faellig_given_a_change_within_three_months_is_shown_as_alternative() -> None:
    # 28.3.2024: § 31a Abs. 7 a.F. (Entzug des Regelbedarfs) for a Vermittlungsvorschlag
    z = _z(PlanErstellt(am=D(2023, 10, 2)), bis=D(2023, 12, 28))
    mit, _ = rechtsfolge(
        z, "vermittlungsvorschlag", D(2023, 12, 28), D(2023, 12, 28), faellig_gegeben=False
    )
    assert [a.rechtsstand for a in mit.alternativen] == ["2024-03"]
    ohne, _ = rechtsfolge(
        z, "vermittlungsvorschlag", D(2023, 12, 27), D(2023, 12, 27), faellig_gegeben=False
    )
    assert ohne.alternativen == ()
    # faellig given (the default): the law of that day, no look-ahead
    gegeben, _ = rechtsfolge(z, "vermittlungsvorschlag", D(2023, 12, 28), D(2023, 12, 28))
    assert gegeben.alternativen == ()


def test_the_transition_note_of_65a_is_for_obligations_not_for_invitations() -> None:
    z = _z(PlanErstellt(am=D(2026, 5, 4)), bis=D(2026, 6, 15))
    _, pflicht = rechtsfolge(z, "eigenbemuehungen", D(2026, 6, 15), D(2026, 7, 6))
    _, einladung = rechtsfolge(z, "einladung", D(2026, 6, 15), D(2026, 7, 6))
    assert "offen.uebergang_65a" in pflicht
    assert "offen.uebergang_65a" not in einladung


# -- § 31a Abs. 7 a.F.: "innerhalb des letzten Jahres gemindert" ------------------------------


FAELLIG_ABS7 = D(2025, 3, 3)


def _abs7(*ereignisse: object, faellig: dt.date = FAELLIG_ABS7) -> bool | None:
    z = _z(*ereignisse, bis=faellig)
    rf, _ = rechtsfolge(z, "vermittlungsvorschlag", faellig, faellig)
    return rf.entzug_regelbedarf


def test_abs7_2024_counts_a_qualifying_minderung_after_others() -> None:
    melde = _m(D(2024, 9, 1), D(2024, 10, 1), grund=Minderungsgrund.MELDEVERSAEUMNIS, id="m0")
    alt = _m(D(2023, 9, 1), D(2023, 10, 1), id="m1", tatbestand=Tatbestand.ABS1_NR2)
    neu = _m(D(2024, 11, 1), D(2024, 12, 1), id="m2", tatbestand=Tatbestand.ABS1_NR2)
    # a Meldeversäumnis and a Minderung older than a year come first: still found
    assert _abs7(melde, alt, neu) is True
    assert _abs7(melde, alt) is False


def test_abs7_2024_year_boundaries() -> None:
    # one month from 1.3.2024: last day 31.3.2024; violation on 31.3.2025 -> within the year
    m = _m(D(2024, 2, 10), D(2024, 3, 1), id="m1", tatbestand=Tatbestand.ABS1_NR2)
    assert _abs7(m, faellig=D(2025, 3, 31)) is True
    assert _abs7(m, faellig=D(2025, 4, 1)) is False
    # a Minderung beginning on the day of the violation: gemindert within the year
    heute = _m(D(2025, 2, 10), D(2025, 3, 3), id="m2", tatbestand=Tatbestand.ABS2_NR4)
    assert _abs7(heute, faellig=D(2025, 3, 3)) is True


# -- Minderungszeitraum and its early end (§ 31b) -------------------------------------------------


def test_a_minderung_is_in_force_through_its_last_day() -> None:
    m = _m(D(2024, 2, 10), D(2024, 3, 1), 30, id="m1", stufe=3)  # 3 months
    z = _z(m, bis=D(2024, 3, 1))
    assert minderungen_in_kraft(z, D(2024, 5, 31)) == (m,)
    assert minderungen_in_kraft(z, D(2024, 6, 1)) == ()


def test_a_meldeversaeumnis_minderung_lasts_one_month() -> None:
    m = _m(D(2024, 2, 10), D(2024, 3, 1), grund=Minderungsgrund.MELDEVERSAEUMNIS)
    z = _z(m, bis=D(2024, 3, 1))
    assert minderungen_in_kraft(z, D(2024, 3, 31)) == (m,)
    assert minderungen_in_kraft(z, D(2024, 4, 1)) == ()


def test_a_minderung_lifted_in_its_first_month_runs_to_the_end_of_that_month() -> None:
    m = _m(D(2024, 2, 10), D(2024, 3, 1), 30, id="m1", stufe=3)
    z = _z(m, MinderungAufgehoben(am=D(2024, 3, 10), bezug="m1"), bis=D(2024, 3, 10))
    assert minderungen_in_kraft(z, D(2024, 3, 20)) == (m,)
    assert minderungen_in_kraft(z, D(2024, 3, 31)) == (m,)
    assert minderungen_in_kraft(z, D(2024, 4, 1)) == ()
    # lifted later: it ends the day before
    z2 = _z(m, MinderungAufgehoben(am=D(2024, 4, 15), bezug="m1"), bis=D(2024, 4, 15))
    assert minderungen_in_kraft(z2, D(2024, 4, 14)) == (m,)
    assert minderungen_in_kraft(z2, D(2024, 4, 15)) == ()


def test_minderungen_month_by_month_with_the_cap() -> None:
    m1 = _m(D(2024, 1, 10), D(2024, 2, 1), 20, id="m1", stufe=2)  # Feb, Mar
    m2 = _m(D(2024, 2, 10), D(2024, 3, 1), 30, id="m2", stufe=3)  # Mar, Apr, May
    fall = _fall(m1, m2, regelbedarfsstufe=1)
    monate = minderungen_monatlich(fall, D(2024, 6, 1), D(2024, 2, 15), D(2024, 4, 1))
    assert monate == (
        Monat(D(2024, 2, 1), (m1,), 20, 20, Decimal("112.60")),
        Monat(D(2024, 3, 1), (m1, m2), 50, 30, Decimal("168.90")),
        Monat(D(2024, 4, 1), (m2,), 30, 30, Decimal("168.90")),
    )
    ohne = minderungen_monatlich(_fall(m1), D(2024, 6, 1), D(2024, 2, 1), D(2024, 2, 1))
    assert ohne == (Monat(D(2024, 2, 1), (m1,), 20, 20, None),)


# -- § 32 n.F. counts misses from 1.7.2026 (docs/fachliches.md section 6, section 8) --------------------------------


def test_a_miss_on_1_july_2026_counts_under_the_new_law() -> None:
    wiederholt = _z(
        EinladungVersandt(am=D(2026, 6, 24), rfb=True),
        TerminVersaeumt(am=D(2026, 7, 1), wichtiger_grund=False),
        bis=D(2026, 7, 2),
    )
    rf, codes = rechtsfolge(wiederholt, "einladung", D(2026, 7, 2), D(2026, 7, 9))
    assert (rf.minderung_prozent, rf.monate) == (30, 1)
    assert "offen.versaeumnis_vor_2026_07" not in codes
    # two consecutive misses with RFB from 1.7.2026: the third is nicht erreichbar
    lauf = _z(
        EinladungVersandt(am=D(2026, 6, 24), id="e0", rfb=True),
        TerminVersaeumt(am=D(2026, 7, 1), wichtiger_grund=False, einladung="e0"),
        EinladungVersandt(am=D(2026, 7, 2), id="e1", rfb=True),
        TerminVersaeumt(am=D(2026, 7, 9), wichtiger_grund=False, einladung="e1"),
        bis=D(2026, 7, 10),
    )
    ne, _ = rechtsfolge(lauf, "einladung", D(2026, 7, 10), D(2026, 7, 17))
    assert ne.nicht_erreichbar is True


def test_an_unexcused_miss_before_1_july_2026_raises_the_open_question() -> None:
    vorher = _z(TerminVersaeumt(am=D(2026, 6, 20), wichtiger_grund=False), bis=D(2026, 7, 2))
    _, codes = rechtsfolge(vorher, "einladung", D(2026, 7, 2), D(2026, 7, 9))
    assert "offen.versaeumnis_vor_2026_07" in codes
    entschuldigt = _z(TerminVersaeumt(am=D(2026, 6, 20), wichtiger_grund=True), bis=D(2026, 7, 2))
    _, codes2 = rechtsfolge(entschuldigt, "einladung", D(2026, 7, 2), D(2026, 7, 9))
    assert "offen.versaeumnis_vor_2026_07" not in codes2


def test_the_alternative_under_the_coming_law_is_judged_on_its_first_day() -> None:
    # a Minderung (§ 31 Abs. 1 Satz 1 Nr. 2) beginning 1.2.2024: not yet running on 15.1.2024, but
    # within the year before 28.3.2024, when § 31a Abs. 7 a.F. begins
    m = _m(D(2024, 1, 10), D(2024, 2, 1), id="m1", tatbestand=Tatbestand.ABS1_NR2)
    z = _z(m, bis=D(2024, 1, 15))
    rf, _ = rechtsfolge(
        z, "vermittlungsvorschlag", D(2024, 1, 15), D(2024, 1, 15), faellig_gegeben=False
    )
    assert [(a.rechtsstand, a.entzug_regelbedarf) for a in rf.alternativen] == [("2024-03", True)]


def test_a_miss_earlier_on_the_due_day_makes_the_next_one_repeated() -> None:
    z = _z(
        EinladungVersandt(am=D(2026, 7, 3), rfb=True),
        TerminVersaeumt(am=D(2026, 7, 10), wichtiger_grund=False),
        bis=D(2026, 7, 10),
    )
    rf, _ = rechtsfolge(z, "einladung", D(2026, 7, 10), D(2026, 7, 10))
    assert (rf.minderung_prozent, rf.monate) == (30, 1)


def test_the_age_note_applies_on_the_day_of_birth_too() -> None:
    # § 31a Abs. 6: "das 25. Lebensjahr noch nicht vollendet" - also on the day of birth
    z = _z(PlanErstellt(am=D(2024, 1, 15)), bis=D(2024, 3, 1))
    _, codes = rechtsfolge(
        z, "eigenbemuehungen", D(2024, 3, 1), D(2024, 3, 15), geburtsdatum=D(2024, 3, 15)
    )
    assert "rf.unter_25" in codes


# -- the checks of a Rechtsfolge (its fields: every value object checks every field) --------------


def _folge(**felder: object) -> Rechtsfolge:
    werte: dict[str, object] = {
        "rechtsstand": "2024-03",
        "minderung_prozent": 10,
        "monate": 1,
        "norm": "§ 31a Abs. 1 Satz 1 SGB II a.F.",
        "text": "Text",
    }
    return Rechtsfolge(**(werte | felder))  # type: ignore[arg-type]


@pytest.mark.parametrize("betrag", ["0", "0.00", "56.30", "1234567.89"])
def test_an_amount_of_zero_or_more_euro_is_taken(betrag: str) -> None:
    assert _folge(betrag_euro=Decimal(betrag)).betrag_euro == Decimal(betrag)
    assert _folge(betrag_euro=None).betrag_euro is None


@pytest.mark.parametrize(
    "betrag", [Decimal("-0.01"), Decimal("-1"), Decimal("NaN"), Decimal("Infinity"), 5, 5.5, "5"]
)
def test_an_amount_that_is_no_euro_amount_is_refused_at_its_field(betrag: object) -> None:
    with pytest.raises(UngueltigeEingabe) as info:
        _folge(betrag_euro=betrag)
    assert info.value.ort == "betrag_euro"
    assert info.value.meldung == "'betrag_euro' muss ein Betrag in Euro sein (Decimal, ≥ 0)."


@pytest.mark.parametrize("feld", ["folgestufen", "alternativen"])
def test_further_rechtsfolgen_must_be_rechtsfolgen(feld: str) -> None:
    innen = _folge()
    assert getattr(_folge(**{feld: (innen,)}), feld) == (innen,)
    with pytest.raises(UngueltigeEingabe) as info:
        _folge(**{feld: [innen]})
    assert info.value.ort == feld
    assert info.value.meldung == f"'{feld}' muss eine Liste von Rechtsfolgen sein (ein Tupel)."
    with pytest.raises(UngueltigeEingabe) as info:
        _folge(**{feld: (innen, "keine")})
    assert info.value.ort == f"{feld}[1]"
    assert "erwartet ist eine Liste von Rechtsfolgen" in info.value.meldung


def test_a_haerte_for_one_minderung_leaves_the_others_in_force() -> None:
    """§ 31a Abs. 3: a Härte found for one Minderung (``bezug``) excludes only that one; the
    Minderungen with their own id and those without stay in force."""
    z = _z(
        PlanErstellt(am=D(2024, 1, 8)),
        _m(D(2024, 2, 1), D(2024, 3, 1), 10, id="m1"),
        _m(D(2024, 2, 2), D(2024, 3, 1), 10, id="m2"),
        _m(D(2024, 2, 3), D(2024, 3, 1), 10),
        HaerteFestgestellt(am=D(2024, 2, 20), bezug="m1"),
    )
    in_kraft = minderungen_in_kraft(z, D(2024, 3, 15))
    assert [m.id for m in in_kraft] == ["m2", None]
    assert [m.id for m in minderungen_in_kraft(_z(*_ohne_haerte()), D(2024, 3, 15))] == [
        "m1",
        "m2",
        None,
    ]


def _ohne_haerte() -> list[object]:
    return [
        PlanErstellt(am=D(2024, 1, 8)),
        _m(D(2024, 2, 1), D(2024, 3, 1), 10, id="m1"),
        _m(D(2024, 2, 2), D(2024, 3, 1), 10, id="m2"),
        _m(D(2024, 2, 3), D(2024, 3, 1), 10),
    ]


# -- rechtsfolge checks its arguments (it is public) ---------------------------------------------


@pytest.mark.parametrize(
    ("argumente", "ort", "meldung"),
    [
        ({"z": None}, "z", "'z' muss ein kooplan.Zustand sein (aus kooplan.falte)."),
        (
            {"anliegen": "brief"},
            "anliegen",
            "Unbekanntes Anliegen; erlaubt sind: einladung, massnahme, vermittlungsvorschlag, "
            "eigenbemuehungen.",
        ),
        ({"anliegen": ["massnahme"]}, "anliegen", None),
        ({"stichtag": None}, "stichtag", "'stichtag' muss ein Datum sein (ohne Uhrzeit)."),
        ({"faellig": dt.datetime(2025, 4, 1)}, "faellig", None),
        ({"faellig": D(2100, 1, 1)}, "faellig", None),
        ({"faellig": D(2025, 3, 9)}, "faellig", "'faellig' darf nicht vor dem Stichtag liegen."),
        (
            {"faellig_gegeben": None},
            "faellig_gegeben",
            "'faellig_gegeben' muss true oder false sein.",
        ),
        ({"regelbedarfsstufe": [1]}, "regelbedarfsstufe", None),
        ({"regelbedarfsstufe": True}, "regelbedarfsstufe", None),
        (
            {"geburtsdatum": D(2025, 4, 2)},
            "geburtsdatum",
            "'geburtsdatum' liegt nach dem Fälligkeitstag; das Geburtsdatum kann nicht stimmen.",
        ),
        ({"geburtsdatum": 1990}, "geburtsdatum", None),
    ],
)
def test_rechtsfolge_names_a_wrong_argument(
    argumente: dict[str, object], ort: str, meldung: str | None
) -> None:
    z = _z(PlanErstellt(am=D(2025, 1, 10)), bis=D(2025, 3, 10))
    werte: dict[str, object] = {
        "z": z,
        "anliegen": "massnahme",
        "stichtag": D(2025, 3, 10),
        "faellig": D(2025, 4, 1),
        "regelbedarfsstufe": 1,
    }
    with pytest.raises(UngueltigeEingabe) as info:
        rechtsfolge(**(werte | argumente))  # type: ignore[arg-type]
    assert info.value.ort == ort
    if meldung is not None:
        assert info.value.meldung == meldung


# -- rechtsfolge refuses a land, a Bekanntgabe or a policy of the wrong kind; the § 31a Abs. 7
# a.F. look-back also answers without a list for its notes (no public caller asks so)

#: A case with a plan (15.1.2024) and a day of Rechtsstand 2023-07, for the argument checks.
ARG_TAG = dt.date(2024, 3, 11)


def _arg_fall() -> kooplan.Fall:
    return kooplan.Fall("ARG-1", [kooplan.PlanErstellt(am=dt.date(2024, 1, 15))])


#: A case with an outstanding Maßnahme, and its day.
_FALL = fall_aus_objekt(offene_massnahme("JC-A"))
_TAG = dt.date(2025, 3, 10)


@pytest.mark.parametrize(
    ("argumente", "ort"),
    [
        ({"land": "DE-XX"}, "land"),
        ({"bekanntgabe": "post"}, "bekanntgabe"),
        ({"policy": {"rfb_umfang": "fall"}}, "policy"),
    ],
)
def test_rechtsfolge_refuses_arguments_of_the_wrong_kind(
    argumente: dict[str, Any], ort: str
) -> None:
    z = kooplan.falte(_arg_fall(), ARG_TAG)
    with pytest.raises(UngueltigeEingabe) as info:
        rechtsfolge(z, "massnahme", ARG_TAG, ARG_TAG, **argumente)
    assert info.value.ort == ort


@pytest.mark.parametrize(
    ("argumente", "ort"),
    [
        ({"land": "DE-XX"}, "land"),
        ({"land": 11}, "land"),
        ({"bekanntgabe": "post"}, "bekanntgabe"),
        ({"policy": None}, "policy"),
    ],
)
def test_rechtsfolge_names_a_wrong_land_bekanntgabe_or_policy(
    argumente: dict[str, object], ort: str
) -> None:
    z = falte(_FALL, _TAG)
    with pytest.raises(UngueltigeEingabe) as info:
        rechtsfolge(z, "massnahme", _TAG, _TAG, **argumente)  # type: ignore[arg-type]
    assert info.value.ort == ort


def test_the_abs7_look_back_answers_without_a_list_for_its_notes() -> None:
    """§ 31a Abs. 7 a.F. looks back a year for a Minderung of the qualifying kinds; with none,
    the answer is no, whether or not the caller collects notes."""
    assert vorminderung_2024(Zustand(), ARG_TAG) is False
    notizen: list[str] = []
    assert vorminderung_2024(Zustand(), ARG_TAG, notizen) is False
    assert notizen == []


def test_the_2024_condition_of_31a_abs_7_can_be_asked_without_collecting_notes() -> None:
    # § 31a Abs. 7 a.F.: a case without an earlier Minderung does not meet it
    assert vorminderung_2024(falte(_FALL, _TAG), _TAG) is False
