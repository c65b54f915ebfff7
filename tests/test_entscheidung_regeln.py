"""What a decision (``kooplan.entscheide``) says beyond the mode table's row: the norm by regime,
the old Eingliederungsvereinbarung, the end of the benefit receipt, the review date and the notes
on a change of the law.

Expectations from docs/fachliches.md section 4 (the mode table, its norms by regime, the notes),
section 5 (the review date, § 15 Abs. 3 Satz 2 SGB II) and section 8 no. 4 (the open start of
``2026-04``).
"""

from __future__ import annotations

import datetime as dt

import pytest

from kooplan import (
    EinladungVersandt,
    Mitwirkung,
    MitwirkungUnterblieben,
    Modus,
    PlanErstellt,
    TerminVersaeumt,
    entscheide,
)
from kooplan.fehler import KeinLeistungsbezug, RechtsstandNichtAbgedeckt
from regeln_bau import codes as _codes
from regeln_bau import eingefordert as _eingefordert
from regeln_bau import fall as _fall

D = dt.date


# -- norms by regime ---------------------------------------------------------------------------


def test_the_reason_cites_the_norm_of_the_regime_of_the_stichtag() -> None:
    ereignisse = [
        EinladungVersandt(am=D(2026, 7, 1), id="e1"),
        TerminVersaeumt(am=D(2026, 7, 8), wichtiger_grund=False, einladung="e1"),
    ]
    e = entscheide(_fall(*ereignisse), "einladung", D(2026, 7, 10))
    assert e.regel == "alle.terminversaeumnis"
    # regime C: § 32 n.F. and § 7b Abs. 4 n.F. (docs/fachliches.md section 4 and section 6)
    assert e.gruende[0].norm == (
        "§ 32 Abs. 1 SGB II n.F., § 7b Abs. 4 SGB II n.F. i.V.m. § 59 SGB II, § 309 SGB III"
    )
    b = entscheide(
        _fall(
            EinladungVersandt(am=D(2024, 7, 1), id="e1"),
            TerminVersaeumt(am=D(2024, 7, 8), wichtiger_grund=False, einladung="e1"),
        ),
        "einladung",
        D(2024, 7, 10),
    )
    assert b.gruende[0].norm == "§ 32 Abs. 1 SGB II a.F. i.V.m. § 59 SGB II, § 309 SGB III"


def test_an_old_agreement_until_2023_is_refused_with_its_norm() -> None:
    from kooplan.ereignisse import Eingliederungsvereinbarung

    with pytest.raises(RechtsstandNichtAbgedeckt) as info:
        entscheide(_fall(Eingliederungsvereinbarung(am=D(2023, 3, 1))), "einladung", D(2023, 9, 1))
    assert info.value.norm == "§ 65 Abs. 4 SGB II a.F."
    # § 65 Abs. 4: "§ 15 ist in der bis zum Ablauf des 30. Juni 2023 geltenden Fassung für bis zu
    # diesem Zeitpunkt abgeschlossene Eingliederungsvereinbarungen bis zur erstmaligen Erstellung
    # eines Kooperationsplans nach § 15, spätestens bis zum Ablauf des 31. Dezember 2023, weiter
    # anzuwenden."
    assert info.value.meldung == (
        "Eine Eingliederungsvereinbarung aus der Zeit vor dem 1.7.2023 gilt noch: Bis zum "
        "ersten Kooperationsplan, längstens bis 31.12.2023, ist § 15 SGB II in der bis "
        "30.6.2023 geltenden Fassung anzuwenden, den kooplan nicht abdeckt."
    )


def test_after_the_benefit_ended_there_is_nothing_to_decide() -> None:
    from kooplan import LeistungsbezugBeendet

    with pytest.raises(KeinLeistungsbezug) as info:
        entscheide(_fall(LeistungsbezugBeendet(am=D(2024, 2, 1))), "einladung", D(2024, 3, 1))
    assert info.value.meldung.startswith("Der Leistungsbezug ist beendet")
    assert info.value.meldung.endswith("zu entscheiden.")


# -- the review date: § 15 Abs. 3 Satz 2 ("spätestens nach Ablauf von sechs Monaten") ------------


def test_the_plan_is_overdue_only_after_its_review_day() -> None:
    fall = _fall(PlanErstellt(am=D(2024, 1, 15)))
    am_tag = entscheide(fall, "einladung", D(2024, 7, 15))
    assert am_tag.naechste_ueberpruefung == D(2024, 7, 15)
    assert "ueberpruefung.ueberfaellig" not in _codes(am_tag)
    danach = entscheide(fall, "einladung", D(2024, 7, 16))
    assert "ueberpruefung.ueberfaellig" in _codes(danach)


# -- notes on a change of the law (docs/fachliches.md section 4, section 8) -------------------------------------


def test_a_decision_without_rfb_gets_no_note_on_a_change_of_the_law() -> None:
    # kooperation, B: Eigenbemühungen without RFB; 1.7.2026 is within three months
    e = entscheide(_fall(PlanErstellt(am=D(2026, 5, 4))), "eigenbemuehungen", D(2026, 5, 11))
    assert e.modus is Modus.OHNE_RFB
    assert "rechtsstand.wechsel_absehbar" not in _codes(e)


@pytest.mark.parametrize(
    ("stichtag", "erwartet"),
    [
        # the next boundary is 28.3.2024 (2. HFG 2024): three months before it and later -> note
        (D(2023, 12, 27), False),
        (D(2023, 12, 28), True),
        # on a boundary day the law has already changed; no later boundary after 1.7.2026
        (D(2026, 7, 1), False),
    ],
)
def test_the_note_on_a_foreseeable_change_looks_three_months_ahead(
    stichtag: dt.date, erwartet: bool
) -> None:
    e = entscheide(_eingefordert(stichtag - dt.timedelta(days=1)), "eigenbemuehungen", stichtag)
    assert e.rfb
    assert ("rechtsstand.wechsel_absehbar" in _codes(e)) is erwartet


@pytest.mark.parametrize(
    ("stichtag", "faellig", "erwartet"),
    [
        (D(2026, 3, 27), D(2026, 3, 27), False),
        (D(2026, 3, 28), D(2026, 3, 28), True),
        (D(2026, 4, 30), D(2026, 4, 30), True),
        (D(2026, 3, 20), D(2026, 4, 30), True),
        (D(2026, 3, 28), D(2026, 5, 4), True),
        (D(2026, 4, 30), D(2026, 5, 4), True),
        (D(2026, 5, 1), D(2026, 5, 1), False),
    ],
)
def test_the_open_start_of_2026_04_is_noted_from_28_march_to_30_april_2026(
    stichtag: dt.date, faellig: dt.date, erwartet: bool
) -> None:
    # docs/fachliches.md sections 2, 8 no. 4: the note is given when the Stichtag or faellig lies in
    # 28.3.–30.4.2026
    e = entscheide(_fall(PlanErstellt(am=D(2026, 1, 5))), "einladung", stichtag, faellig)
    assert ("offen.beginn_2026_04" in _codes(e)) is erwartet


def test_a_note_given_by_the_phase_and_by_a_rule_is_listed_once() -> None:
    # C, mitwirkung_eingefordert: a later Mitwirkung missed with wichtiger Grund raises
    # va.wichtiger_grund_offen with the phase; the VA for Eigenbemühungen raises it as a rule
    fall = _fall(
        PlanErstellt(am=D(2026, 7, 1)),
        MitwirkungUnterblieben(
            am=D(2026, 7, 6), mitwirkung=Mitwirkung.EIGENBEMUEHUNGEN, wichtiger_grund=False
        ),
        MitwirkungUnterblieben(
            am=D(2026, 7, 8), mitwirkung=Mitwirkung.MASSNAHME, wichtiger_grund=True
        ),
    )
    e = entscheide(fall, "eigenbemuehungen", D(2026, 7, 10))
    assert e.modus is Modus.VERPFLICHTUNG_VA
    assert _codes(e).count("va.wichtiger_grund_offen") == 1
    assert len(_codes(e)) == len(set(_codes(e)))
