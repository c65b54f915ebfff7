"""The end of a Schlichtung by time (§ 15a Abs. 4 SGB II a.F.; docs/fachliches.md sections 3, 5).

§ 15a Abs. 4 SGB II a.F.: "Das Schlichtungsverfahren endet durch eine Einigung oder spätestens
mit Ablauf von vier Wochen ab Beginn." The four weeks are counted by §§ 187 Abs. 1, 188 Abs. 2
BGB: the last day is the same weekday four weeks (28 days) after the Beginn
(``kooplan.fristen.schlichtung_letzter_tag``), and from the day after
(``schlichtung_endet_wirksam``) the case is in ``ohne_plan`` by the time step
``zeit:vier_wochen``. § 15a a.F. is repealed from 1.7.2026 (13. SGB II-ÄndG): a Schlichtung still
running then ends on that day by ``zeit:aufhebung_15a``.

This is the one home of these rules: the period itself, the fold's time steps, and what an event
after the end, a later event or the end of the benefit receipt change.
"""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kooplan import (
    Fall,
    LeistungsbezugBeendet,
    Phase,
    PlanErstellt,
    SchlichtungBeendet,
    SchlichtungBegonnen,
    VerlangtVon,
    Zustand,
    falte,
    verlauf,
)
from kooplan.fristen import schlichtung_endet_wirksam, schlichtung_letzter_tag
from kooplan.motor.phasen import ZEIT_AUFHEBUNG_15A, ZEIT_VIER_WOCHEN, zeitschritte

D = dt.date
S, O = Phase.SCHLICHTUNG, Phase.OHNE_PLAN
C_AB = D(2026, 7, 1)
STICHTAG = D(2027, 12, 31)


def _fall(*ereignisse: object) -> Fall:
    return Fall("JC-Regeln", list(ereignisse))  # type: ignore[arg-type]


# -- the period: four weeks from the Beginn --------------------------------------------------------


def test_schlichtung_four_weeks() -> None:
    # docs/fachliches.md section 5: begun on Thursday 1 Feb 2024, the last day is Thursday 29 Feb 2024
    assert schlichtung_letzter_tag(D(2024, 2, 1)) == D(2024, 2, 29)
    assert schlichtung_endet_wirksam(D(2024, 2, 1)) == D(2024, 3, 1)
    assert schlichtung_letzter_tag(D(2025, 5, 5)) == D(2025, 6, 2)  # worked example 8/8b


@given(st.dates(min_value=D(2023, 7, 1), max_value=D(2026, 6, 30)))
def test_schlichtung_ends_on_the_same_weekday(beginn: dt.date) -> None:
    ende = schlichtung_letzter_tag(beginn)
    assert ende.weekday() == beginn.weekday()
    assert (ende - beginn).days == 28


# -- the fold: the time step on the day after the last day ------------------------------------

#: Also the cases through which test_tabelle.py sees the time-driven rows taken. The example of
#: section 5 (begun Thursday 1.2.2024, last day Thursday 29.2.2024) is asked, with more to
#: check, by test_the_schlichtung_runs_to_its_last_day_and_ends_the_day_after below.
ZEIT_FAELLE = [
    # (begun, Stichtag, expected phase, trigger of the last step or None)
    (dt.date(2025, 5, 5), dt.date(2025, 6, 2), S, None),  # the last day of the four weeks
    (dt.date(2025, 5, 5), dt.date(2025, 6, 3), O, "zeit:vier_wochen"),
    (dt.date(2026, 6, 15), dt.date(2026, 6, 30), S, None),
    (dt.date(2026, 6, 15), dt.date(2026, 7, 1), O, "zeit:aufhebung_15a"),
    (dt.date(2026, 6, 15), dt.date(2026, 12, 1), O, "zeit:aufhebung_15a"),
]


@pytest.mark.parametrize(("beginn", "stichtag", "phase", "ausloeser"), ZEIT_FAELLE, ids=str)
def test_time_driven_end_of_a_schlichtung(
    beginn: dt.date, stichtag: dt.date, phase: Phase, ausloeser: str | None
) -> None:
    fall = Fall("T-zeit", [SchlichtungBegonnen(am=beginn, verlangt_von=VerlangtVon.JOBCENTER)])
    assert falte(fall, stichtag).phase is phase
    schritte = verlauf(fall, stichtag)
    assert schritte[-1].ausloeser == (ausloeser or "schlichtung_begonnen")
    if ausloeser is not None:
        erwarteter_tag = min(beginn + dt.timedelta(days=29), C_AB)
        assert schritte[-1].tag == erwarteter_tag
        assert (schritte[-1].von, schritte[-1].nach) == (S, O)


def test_an_event_on_the_last_day_still_meets_the_schlichtung() -> None:
    beginn = dt.date(2025, 5, 5)
    letzter = beginn + dt.timedelta(days=28)
    sb = SchlichtungBegonnen(am=beginn, verlangt_von=VerlangtVon.JOBCENTER)
    fall = Fall("T-letzter", [sb, PlanErstellt(am=letzter)])
    assert [s.regel.id for s in verlauf(fall, letzter)][-1] == "schlichtung.plan"
    fall = Fall(
        "T-danach", [sb, SchlichtungBeendet(am=letzter + dt.timedelta(days=1), einigung=True)]
    )
    schritte = verlauf(fall, letzter + dt.timedelta(days=1))
    assert [s.ausloeser for s in schritte] == [
        "schlichtung_begonnen",
        "zeit:vier_wochen",
        "schlichtung_beendet",
    ]
    assert schritte[-1].nach is O  # recorded late: an Einigung now needs plan_erstellt


# -- the time step as the fold records it, the repeal of § 15a a.F., later events --------------


@pytest.mark.parametrize(
    ("beginn", "letzter_tag"),
    [
        (D(2024, 2, 1), D(2024, 2, 29)),
        (D(2026, 6, 2), D(2026, 6, 30)),  # four weeks end exactly on the last day of § 15a a.F.
    ],
)
def test_the_schlichtung_runs_to_its_last_day_and_ends_the_day_after(
    beginn: dt.date, letzter_tag: dt.date
) -> None:
    fall = _fall(
        PlanErstellt(am=beginn - dt.timedelta(days=20)),
        SchlichtungBegonnen(am=beginn, verlangt_von=VerlangtVon.JOBCENTER),
    )
    assert falte(fall, letzter_tag).phase is Phase.SCHLICHTUNG
    z = falte(fall, letzter_tag + dt.timedelta(days=1))
    assert z.phase is Phase.OHNE_PLAN
    assert z.schlichtung_auto_ende == letzter_tag + dt.timedelta(days=1)
    schritte = verlauf(fall, letzter_tag + dt.timedelta(days=1))
    letzter = schritte[-1]
    # ending by the four weeks, not by the repeal of § 15a a.F. on 1.7.2026
    assert letzter.ausloeser == ZEIT_VIER_WOCHEN
    assert letzter.regel.id == "schlichtung.vier_wochen"
    assert letzter.tag == letzter_tag + dt.timedelta(days=1)
    assert (letzter.von, letzter.nach) == (Phase.SCHLICHTUNG, Phase.OHNE_PLAN)
    assert letzter.ereignis is None and letzter.position is None
    assert letzter.norm == "§ 15a Abs. 4 SGB II a.F."


def test_a_schlichtung_still_running_on_1_july_2026_ends_by_the_repeal() -> None:
    fall = _fall(
        PlanErstellt(am=D(2026, 5, 4)),
        SchlichtungBegonnen(am=D(2026, 6, 3), verlangt_von=VerlangtVon.LEISTUNGSBERECHTIGTE),
    )
    assert falte(fall, D(2026, 6, 30)).phase is Phase.SCHLICHTUNG
    z = falte(fall, D(2026, 7, 1))
    assert z.phase is Phase.OHNE_PLAN
    assert z.schlichtung_auto_ende == D(2026, 7, 1)
    assert [h.code for h in z.hinweise] == ["offen.schlichtung_aufgehoben"]
    letzter = verlauf(fall, D(2026, 7, 1))[-1]
    assert letzter.ausloeser == ZEIT_AUFHEBUNG_15A
    assert letzter.tag == D(2026, 7, 1)
    # cited as on a day of the new law (regime C)
    assert letzter.norm == "§ 15a Abs. 3 SGB II n.F."


def test_zeitschritte_applies_the_end_only_up_to_the_given_day() -> None:
    z = falte(
        _fall(
            PlanErstellt(am=D(2024, 1, 10)),
            SchlichtungBegonnen(am=D(2024, 2, 1), verlangt_von=VerlangtVon.BEIDE),
        ),
        D(2024, 2, 1),
    )
    assert zeitschritte(z, D(2024, 2, 29)) == z
    nach = zeitschritte(z, D(2024, 3, 1))
    assert nach.phase is Phase.OHNE_PLAN
    assert nach.schlichtung_auto_ende == D(2024, 3, 1)
    assert zeitschritte(Zustand(), STICHTAG) == Zustand()


def test_an_event_after_the_automatic_end_sees_the_schlichtung_ended() -> None:
    fall = _fall(
        PlanErstellt(am=D(2024, 1, 10)),
        SchlichtungBegonnen(am=D(2024, 2, 1), verlangt_von=VerlangtVon.LEISTUNGSBERECHTIGTE),
        SchlichtungBeendet(am=D(2024, 3, 1), einigung=False),
    )
    schritte = verlauf(fall, D(2024, 3, 1))
    assert [s.regel.id for s in schritte[-2:]] == [
        "schlichtung.vier_wochen",
        "ohne_plan.schlichtung_beendet_nachgetragen_ohne_einigung",
    ]
    assert schritte[-1].position == 2


def test_time_driven_steps_up_to_the_stichtag_apply_also_when_later_events_exist() -> None:
    # an event after the Stichtag is not applied, but the four weeks of § 15a Abs. 4 a.F. have
    # run by the Stichtag all the same
    ereignisse = [
        PlanErstellt(am=D(2024, 1, 10)),
        SchlichtungBegonnen(am=D(2024, 2, 1), verlangt_von=VerlangtVon.JOBCENTER),
        PlanErstellt(am=D(2024, 5, 2)),
    ]
    z = falte(_fall(*ereignisse), D(2024, 3, 15))
    assert z.phase is Phase.OHNE_PLAN
    assert verlauf(_fall(*ereignisse), D(2024, 3, 15))[-1].regel.id == "schlichtung.vier_wochen"


@pytest.mark.parametrize(
    "ende",
    [
        SchlichtungBeendet(am=D(2024, 2, 20), einigung=True),
        PlanErstellt(am=D(2024, 2, 20)),
        SchlichtungBeendet(am=D(2024, 2, 20), einigung=False),
    ],
)
def test_after_the_schlichtung_ends_none_is_running(ende: object) -> None:
    ereignisse = [
        PlanErstellt(am=D(2024, 1, 10)),
        SchlichtungBegonnen(am=D(2024, 2, 1), verlangt_von=VerlangtVon.BEIDE),
        ende,
    ]
    z = falte(_fall(*ereignisse), D(2024, 2, 20))
    assert z.phase is not Phase.SCHLICHTUNG
    assert z.schlichtung_beginn is None
    # and no time-driven end of it follows later
    assert falte(_fall(*ereignisse), D(2024, 6, 1)).phase is z.phase


def test_a_schlichtung_cut_short_by_the_end_of_benefits_has_no_time_driven_end() -> None:
    """Only a running Schlichtung ends by time (§ 15a Abs. 4 a.F.): after the benefit receipt
    ended during a Schlichtung, its four weeks run out without a step, in the fold and at the
    Stichtag, and the decision is ``kein_leistungsbezug``."""
    ereignisse = [
        PlanErstellt(am=D(2024, 1, 15)),
        SchlichtungBegonnen(am=D(2024, 2, 1), verlangt_von=VerlangtVon.LEISTUNGSBERECHTIGTE),
        LeistungsbezugBeendet(am=D(2024, 2, 10)),
    ]
    for stichtag in (D(2024, 2, 10), D(2024, 3, 1), D(2024, 6, 1)):
        z = falte(_fall(*ereignisse), stichtag)
        assert z.phase is Phase.BEENDET
        assert z.schlichtung_auto_ende is None
        assert [s.ausloeser for s in verlauf(_fall(*ereignisse), stichtag)] == [
            "plan_erstellt",
            "schlichtung_begonnen",
            "leistungsbezug_beendet",
        ]
