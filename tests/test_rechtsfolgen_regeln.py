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
    Bekanntgabeart,
    EinladungVersandt,
    MinderungFestgestellt,
    Minderungsgrund,
    PlanErstellt,
    TerminVersaeumt,
)
from kooplan.ereignisse import HaerteFestgestellt, MinderungAufgehoben, Sperrzeit, Tatbestand
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
from kooplan.policy import STANDARD, Policy
from kooplan.regelbedarf import Regelbedarfsjahr
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


_LAND = "'land' muss ein Land als ISO 3166-2 sein (z. B. \"DE-BE\")."
_BEKANNTGABE = "'bekanntgabe' muss eine kooplan.Bekanntgabeart sein."
_POLICY = "'policy' muss eine kooplan.Policy sein."
_BWZ = "'bewilligungszeitraum_ende' muss ein Datum sein (ohne Uhrzeit)."


@pytest.mark.parametrize("fall_tag", ["plan", "massnahme"])
@pytest.mark.parametrize(
    ("argumente", "ort", "meldung"),
    [
        ({"land": "DE-XX"}, "land", _LAND),
        ({"land": 11}, "land", _LAND),
        ({"bekanntgabe": "post"}, "bekanntgabe", _BEKANNTGABE),
        ({"policy": {"rfb_umfang": "fall"}}, "policy", _POLICY),
        ({"policy": None}, "policy", _POLICY),
        ({"bewilligungszeitraum_ende": "2024-12-31"}, "bewilligungszeitraum_ende", _BWZ),
        (
            {"bewilligungszeitraum_ende": dt.datetime(2024, 12, 31)},
            "bewilligungszeitraum_ende",
            _BWZ,
        ),
    ],
)
def test_rechtsfolge_names_a_wrong_land_bekanntgabe_policy_or_end_of_the_period(
    fall_tag: str, argumente: dict[str, object], ort: str, meldung: str
) -> None:
    if fall_tag == "plan":
        z, tag = kooplan.falte(_arg_fall(), ARG_TAG), ARG_TAG
    else:
        z, tag = falte(_FALL, _TAG), _TAG
    with pytest.raises(UngueltigeEingabe) as info:
        rechtsfolge(z, "massnahme", tag, tag, **argumente)  # type: ignore[arg-type]
    assert (info.value.ort, info.value.meldung) == (ort, meldung)


@pytest.mark.parametrize(
    ("land", "bis", "notiz"),
    [
        # 6.1.2027 is a Wednesday, a holiday in Bavaria (Heilige Drei Könige), not in Berlin
        ("DE-BE", D(2027, 1, 6), None),
        ("DE-BY", D(2027, 1, 7), "offen.feststellung_frist_verschoben"),
        (None, D(2027, 1, 6), "rf.feststellung_ohne_land"),
    ],
)
def test_the_land_given_moves_the_end_of_the_six_months_for_the_feststellung(
    land: str | None, bis: dt.date, notiz: str | None
) -> None:
    # "Die Feststellung der Minderung ist nur innerhalb von sechs Monaten ab dem Zeitpunkt der
    # Pflichtverletzung zulässig." (§ 31b Abs. 1 Satz 3); "Fällt das Ende einer Frist auf einen
    # Sonntag, einen gesetzlichen Feiertag oder einen Sonnabend, endet die Frist mit dem Ablauf
    # des nächstfolgenden Werktages." (§ 26 Abs. 3 Satz 1 SGB X)
    z = _z(PlanErstellt(am=D(2026, 6, 1)), bis=D(2026, 7, 6))
    rf, codes = rechtsfolge(z, "massnahme", D(2026, 7, 6), D(2026, 7, 6), land=land)
    assert rf.minderung_prozent == 30
    assert rf.feststellung_bis == bis
    moeglich = {"offen.feststellung_frist_verschoben", "rf.feststellung_ohne_land"}
    assert moeglich & set(codes) == ({notiz} if notiz else set())


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


# -- § 20 SGB II: a Regelbedarf the caller supplies for a year kooplan's table lacks -------------

#: An invented row for 2027 (kooplan's table ends with 2026): Stufe 1 570 Euro.
_ZEILE_2027 = Regelbedarfsjahr(
    2027,
    Decimal("570"),
    Decimal("513"),
    Decimal("456"),
    Decimal("477"),
    "Testzeile",
    verifiziert=False,
)
_MIT_2027 = Policy(regelbedarfe=(_ZEILE_2027,))


@pytest.mark.parametrize(
    ("versaeumt", "erwartet"),
    [
        # the first miss: nothing now; the stages announced carry the amounts of 2027
        (0, (0, None)),
        # the second (the first missed on 14.12.2026): § 32 Abs. 1 Satz 1 n.F., 30 % of 570 Euro
        # = 171,00 Euro
        (1, (30, Decimal("171.00"))),
        # the third consecutive one with RFB (missed on 30.11. and 14.12.2026): § 7b Abs. 4 n.F.,
        # the whole Regelbedarf of the first month (570,00 Euro) and the 30 % kept by § 32
        # Abs. 3 Satz 2 n.F.
        (2, (0, None)),
    ],
)
def test_a_meldeversaeumnis_in_a_year_after_the_table_uses_the_row_of_the_policy(
    versaeumt: int, erwartet: tuple[int, Decimal | None]
) -> None:
    # due 11.1.2027: the Verwaltungsakt takes effect in January at the earliest, the Minderung
    # runs from 1.2.2027 (§ 31b Abs. 1 Satz 1), in the year of the policy's row
    # invitations two weeks apart, the last on 7.12.2026, each meeting missed a week later
    ab = D(2026, 12, 7) - dt.timedelta(days=14 * (versaeumt - 1))
    z = _z(*_versaeumt(versaeumt, ab=ab), bis=D(2027, 1, 4))
    rf, codes = rechtsfolge(
        z,
        "einladung",
        D(2027, 1, 4),
        D(2027, 1, 11),
        regelbedarfsstufe=1,
        bewilligungszeitraum_ende=D(2027, 6, 30),
        policy=_MIT_2027,
    )
    assert "rf.regelbedarf_vorgegeben" in codes
    assert (rf.minderung_prozent, rf.betrag_euro) == erwartet
    texte = " ".join(s.text for s in (rf, *rf.folgestufen))
    assert "570,00 Euro" in texte
    assert "171,00 Euro" in texte
    ohne, ohne_codes = rechtsfolge(
        z, "einladung", D(2027, 1, 4), D(2027, 1, 11), regelbedarfsstufe=1
    )
    assert "rf.regelbedarf_vorgegeben" not in ohne_codes
    assert ohne.betrag_euro is None
    assert "Euro)" not in " ".join(s.text for s in (ohne, *ohne.folgestufen))


def test_the_entzug_of_31a_abs_7_in_a_year_after_the_table_uses_the_row_of_the_policy() -> None:
    # § 31a Abs. 7 n.F.: "entfällt der Leistungsanspruch in Höhe des Regelbedarfes" (570 Euro)
    z = _z(PlanErstellt(am=D(2026, 11, 2)), bis=D(2027, 1, 4))
    rf, codes = rechtsfolge(
        z,
        "vermittlungsvorschlag",
        D(2027, 1, 4),
        D(2027, 1, 11),
        regelbedarfsstufe=1,
        policy=_MIT_2027,
    )
    assert rf.entzug_regelbedarf is True
    assert "rf.regelbedarf_vorgegeben" in codes
    assert "570,00 Euro" in rf.text


# -- § 20 SGB II: a Minderungszeitraum that reaches into the next year ---------------------------


def test_a_minderung_into_a_year_with_another_regelbedarf_says_so() -> None:
    # § 31a Abs. 1 Satz 2 a.F.: the second step, 20 % for two months (§ 31b Abs. 2 Nr. 2 a.F.).
    # Due 20.11.2023: from 1.12.2023, so December 2023 (502 Euro: 100,40 Euro) and January 2024
    # (563 Euro: 112,60 Euro). The amount given is of the first month's year.
    z = _z(
        PlanErstellt(am=D(2023, 9, 1)),
        _m(D(2023, 9, 10), D(2023, 10, 1), 10, stufe=1),
        bis=D(2023, 11, 20),
    )
    rf, codes = rechtsfolge(
        z, "eigenbemuehungen", D(2023, 11, 20), D(2023, 11, 20), regelbedarfsstufe=1
    )
    assert (rf.minderung_prozent, rf.monate, rf.betrag_euro) == (20, 2, Decimal("100.40"))
    assert rf.beginn_fruehestens == D(2023, 12, 1)
    assert "rf.betrag_jahreswechsel" in codes


def test_a_minderung_within_one_year_or_of_one_month_in_december_says_nothing_of_it() -> None:
    # the same second step from 1.11.2023 ends with December: one year, one Regelbedarf
    z = _z(
        PlanErstellt(am=D(2023, 8, 1)),
        _m(D(2023, 8, 10), D(2023, 9, 1), 10, stufe=1),
        bis=D(2023, 10, 16),
    )
    rf, codes = rechtsfolge(
        z, "eigenbemuehungen", D(2023, 10, 16), D(2023, 10, 16), regelbedarfsstufe=1
    )
    assert (rf.minderung_prozent, rf.monate, rf.beginn_fruehestens) == (20, 2, D(2023, 11, 1))
    assert "rf.betrag_jahreswechsel" not in codes
    # a first step (one month) from 1.12.2023
    z = _z(PlanErstellt(am=D(2023, 9, 1)), bis=D(2023, 11, 20))
    rf, codes = rechtsfolge(
        z, "eigenbemuehungen", D(2023, 11, 20), D(2023, 11, 20), regelbedarfsstufe=1
    )
    assert (rf.monate, rf.beginn_fruehestens) == (1, D(2023, 12, 1))
    assert "rf.betrag_jahreswechsel" not in codes


@pytest.mark.parametrize("policy", [STANDARD, _MIT_2027])
def test_a_minderung_into_a_year_whose_regelbedarf_is_unknown_or_supplied_says_so(
    policy: Policy,
) -> None:
    # § 31a Abs. 1 n.F.: 30 % for three months (§ 31b Abs. 2 n.F.); due 16.11.2026, from
    # 1.12.2026: December 2026 (563 Euro), January and February 2027 (no table row; with the
    # policy's row 570 Euro, which the note on the supplied row names)
    z = _z(PlanErstellt(am=D(2026, 9, 1)), bis=D(2026, 11, 16))
    rf, codes = rechtsfolge(
        z, "eigenbemuehungen", D(2026, 11, 16), D(2026, 11, 16), regelbedarfsstufe=1, policy=policy
    )
    assert (rf.minderung_prozent, rf.monate, rf.betrag_euro) == (30, 3, Decimal("168.90"))
    assert rf.beginn_fruehestens == D(2026, 12, 1)
    assert "rf.betrag_jahreswechsel" in codes
    assert ("rf.regelbedarf_vorgegeben" in codes) is (policy is _MIT_2027)


# -- § 7b Abs. 4 n.F. and a Härte that does not last ----------------------------------------------


@pytest.mark.parametrize(
    ("haerte", "zaehlt"),
    [
        # found before the due day and lasting: the § 32 Minderung kept by Satz 5 is excluded
        (HaerteFestgestellt(am=D(2026, 7, 30)), True),
        # found before the due day but ended before the first month the loss could run
        (HaerteFestgestellt(am=D(2026, 7, 30), bis=D(2026, 8, 20)), False),
    ],
)
def test_the_haerte_on_the_third_miss_counts_only_if_it_lasts_into_the_first_month(
    haerte: HaerteFestgestellt, zaehlt: bool
) -> None:
    # "Eine Leistungsminderung erfolgt nicht, wenn sie im Einzelfall eine außergewöhnliche
    # Härte bedeuten würde." (§ 31a Abs. 3 with § 32 Abs. 2 Satz 1 n.F.): the Minderung would
    # run in the month after the loss begins; due 10.8.2026, that month is September
    z = _z(*_versaeumt(2), haerte, bis=D(2026, 8, 1))
    rf, codes = rechtsfolge(z, "einladung", D(2026, 8, 1), D(2026, 8, 10), regelbedarfsstufe=1)
    assert rf.nicht_erreichbar is True
    assert ("offen.haerte_nichterreichbarkeit" in codes) is zaehlt
    ende = next(b for b in rf.bausteine if b.art == "nicht_erreichbar_vorzeitiges_ende")
    assert ("168,90 Euro" in ende.text) is not zaehlt


def test_a_haerte_found_after_the_due_day_does_not_change_the_announcement_for_it() -> None:
    # the announcement follows the facts of the due day: a Härte found only later (here in a
    # state folded past it) is for the Feststellung to weigh, not for this Belehrung
    z = _z(*_versaeumt(2), HaerteFestgestellt(am=D(2026, 8, 11)), bis=D(2026, 8, 12))
    rf, codes = rechtsfolge(z, "einladung", D(2026, 8, 10), D(2026, 8, 10), regelbedarfsstufe=1)
    assert rf.nicht_erreichbar is True
    assert "offen.haerte_nichterreichbarkeit" not in codes


# -- § 37 Abs. 2 SGB X: how the Verwaltungsakt is made known decides the first month -------------


def test_a_va_handed_over_lets_the_minderung_begin_a_month_earlier() -> None:
    # due 29.4.2024: by post, made known on the third day after sending (2.5.2024), so the
    # Minderung runs from 1.6.2024; handed over on the due day, from 1.5.2024 (§ 31b Abs. 1
    # Satz 1: "mit Beginn des Kalendermonats, der auf das Wirksamwerden … folgt")
    z = _z(PlanErstellt(am=D(2024, 3, 1)), bis=D(2024, 4, 29))
    post, _ = rechtsfolge(z, "massnahme", D(2024, 4, 29), D(2024, 4, 29))
    hand, _ = rechtsfolge(
        z, "massnahme", D(2024, 4, 29), D(2024, 4, 29), bekanntgabe=Bekanntgabeart.PERSOENLICH
    )
    assert post.beginn_fruehestens == D(2024, 6, 1)
    assert hand.beginn_fruehestens == D(2024, 5, 1)


# -- § 31a Abs. 7 a.F.: a Minderung in the last year whose facts are missing ---------------------


@pytest.mark.parametrize(
    ("minderungen", "erwartet", "notizen"),
    [
        # a § 31 Abs. 2 Nr. 3 Minderung without its Sperrzeit may have been one for a
        # Meldeversäumnis (§ 31a Abs. 1 Satz 7 a.F.): open
        ((dict(tatbestand=Tatbestand.ABS2_NR3),), None, ["rf.sperrzeit_unbekannt"]),
        # one without its Tatbestand: open
        ((dict(),), None, ["rf.abs7_tatbestand_unbekannt"]),
        # both
        (
            (dict(tatbestand=Tatbestand.ABS2_NR3), dict()),
            None,
            ["rf.abs7_tatbestand_unbekannt", "rf.sperrzeit_unbekannt"],
        ),
        # one of another kind (§ 31 Abs. 1 Satz 1 Nr. 1): not met
        ((dict(tatbestand=Tatbestand.ABS1_NR1),), False, []),
        # one of the kinds named (§ 31 Abs. 1 Satz 1 Nr. 2): met
        ((dict(tatbestand=Tatbestand.ABS1_NR2),), True, []),
    ],
)
def test_the_abs7_look_back_is_open_where_a_fact_of_the_earlier_minderung_is_missing(
    minderungen: tuple[dict[str, Any], ...], erwartet: bool | None, notizen: list[str]
) -> None:
    # "… deren Bürgergeld wegen einer Pflichtverletzung nach § 31 Absatz 1 Satz 1 Nummer 2,
    # Absatz 2 Nummer 3 oder Absatz 2 Nummer 4 innerhalb des letzten Jahres gemindert war"
    # (§ 31a Abs. 7 Satz 1 a.F.)
    z = _z(
        *(
            _m(D(2024, 1, 10 + i), D(2024, 2, 1), 10, stufe=1, **kw)
            for i, kw in enumerate(minderungen)
        ),
        bis=D(2024, 6, 3),
    )
    gesammelt: list[str] = []
    assert vorminderung_2024(z, D(2024, 6, 3), gesammelt) is erwartet
    assert sorted(gesammelt) == notizen


# -- § 31a Abs. 1 Satz 7 a.F.: the step if a Minderung with the consequences of § 32 counted ------


def _sperrzeit_mv(am: dt.date, beginn: dt.date) -> MinderungFestgestellt:
    """A § 31 Abs. 2 Nr. 3 Minderung for a Sperrzeit bei Meldeversäumnis (§ 159 Abs. 1 Satz 2
    Nr. 8 SGB III): it has the consequences of § 32, not a step of § 31a Abs. 1."""
    return MinderungFestgestellt(
        am=am,
        grund=Minderungsgrund.PFLICHTVERLETZUNG,
        prozent=10,
        beginn=beginn,
        tatbestand=Tatbestand.ABS2_NR3,
        sperrzeit=Sperrzeit.MELDEVERSAEUMNIS,
    )


@pytest.mark.parametrize(
    ("minderungen", "stufe", "offen"),
    [
        # none before: the first step in either reading
        ((), 1, False),
        # only the Sperrzeit bei Meldeversäumnis: the first step (it has the consequences of
        # § 32, "Abweichend von den Sätzen 1 bis 3"); counted, it would make this the second
        ((_sperrzeit_mv(D(2024, 2, 5), D(2024, 3, 1)),), 1, True),
        # a first step in January, then the Sperrzeit: the second step; counted, the Sperrzeit
        # would itself have been the second and this the third
        (
            (
                _m(D(2024, 1, 10), D(2024, 2, 1), 10, stufe=1),
                _sperrzeit_mv(D(2024, 3, 5), D(2024, 4, 1)),
            ),
            2,
            True,
        ),
        # the Sperrzeit first, then a first step: the second step either way
        (
            (
                _sperrzeit_mv(D(2024, 1, 10), D(2024, 2, 1)),
                _m(D(2024, 3, 5), D(2024, 4, 1), 10, stufe=1),
            ),
            2,
            False,
        ),
    ],
)
def test_the_step_notes_where_counting_a_sperrzeit_bei_meldeversaeumnis_would_change_it(
    minderungen: tuple[MinderungFestgestellt, ...], stufe: int, offen: bool
) -> None:
    # "Eine weitere Pflichtverletzung liegt nur vor, wenn bereits zuvor eine Minderung
    # festgestellt wurde." (§ 31a Abs. 1 Satz 4 a.F.) "Abweichend von den Sätzen 1 bis 3 gelten
    # bei Pflichtverletzungen nach § 31 Absatz 2 Nummer 3 in Fällen einer Sperrzeit bei
    # Meldeversäumnis … die Rechtsfolgen des § 32." (Satz 7)
    z = _z(PlanErstellt(am=D(2023, 12, 1)), *minderungen, bis=D(2024, 5, 6))
    assert stufe_31(z, D(2024, 5, 6)) == stufe
    _, codes = rechtsfolge(z, "eigenbemuehungen", D(2024, 5, 6), D(2024, 5, 6))
    assert ("offen.stufe_sperrzeit_meldeversaeumnis" in codes) is offen


@pytest.mark.parametrize(
    ("ende", "vorher"),
    [(D(2026, 8, 31), True), (D(2026, 9, 1), False), (D(2026, 12, 31), False)],
)
def test_a_bewilligungszeitraum_that_ends_before_the_first_month_of_the_loss_says_so(
    ende: dt.date, vorher: bool
) -> None:
    # "Der Leistungsanspruch entfällt mit Beginn des Kalendermonats, der auf die Feststellung des
    # dritten versäumten Meldetermins … folgt" and "gilt bis zum Ablauf des ursprünglichen
    # Bewilligungszeitraums" (§ 7b Abs. 4 Satz 2, 3 n.F.): due 10.8.2026, the loss could begin
    # on 1.9.2026 at the earliest; a period that ends on 31.8.2026 ends before it, one that ends
    # on 1.9.2026 still covers that day
    z = _z(*_versaeumt(2), bis=D(2026, 8, 1))
    rf, codes = rechtsfolge(
        z, "einladung", D(2026, 8, 1), D(2026, 8, 10), bewilligungszeitraum_ende=ende
    )
    assert rf.nicht_erreichbar is True
    assert rf.beginn_fruehestens == D(2026, 9, 1)
    assert ("rf.bewilligungszeitraum_endet_vorher" in codes) is vorher


def test_a_minderung_from_a_supplied_year_into_the_next_says_so() -> None:
    # § 31a Abs. 1 n.F., 30 % for three months from 1.12.2027: December in the policy's row for
    # 2027 (570 Euro: 171,00 Euro), January and February 2028 in a year with no row
    z = _z(PlanErstellt(am=D(2027, 9, 1)), bis=D(2027, 11, 15))
    rf, codes = rechtsfolge(
        z,
        "eigenbemuehungen",
        D(2027, 11, 15),
        D(2027, 11, 15),
        regelbedarfsstufe=1,
        policy=_MIT_2027,
    )
    assert (rf.minderung_prozent, rf.monate, rf.betrag_euro) == (30, 3, Decimal("171.00"))
    assert rf.beginn_fruehestens == D(2027, 12, 1)
    assert {"rf.betrag_jahreswechsel", "rf.regelbedarf_vorgegeben"} <= set(codes)
