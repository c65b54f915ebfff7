"""The phases of a case (``kooplan.falte``, ``kooplan.schritt``, ``kooplan.verlauf``): what the
state holds after a fold and what a step or a refused event says.

Each test states what docs/fachliches.md section 3 (the state machine), section 5 (periods) and
section 6 (the bookkeeping the Rechtsfolgen need) or the statute require of the state after a
fold; the expected values are written here from those texts, not taken from the program. The
time-driven end of a Schlichtung has its own file (``test_schlichtung_ende.py``).
"""

from __future__ import annotations

import datetime as dt

import pytest

from kooplan import (
    UEBERGAENGE,
    BereitschaftErklaert,
    Eingliederungsvereinbarung,
    EinladungVersandt,
    Fall,
    LeistungsbezugAufgenommen,
    LeistungsbezugBeendet,
    MinderungFestgestellt,
    Minderungsgrund,
    Mitwirkung,
    MitwirkungErbracht,
    MitwirkungUnterblieben,
    Phase,
    PlanErstellt,
    PlanFortgeschrieben,
    PlanGescheitert,
    SchlichtungBeendet,
    SchlichtungBegonnen,
    TerminVersaeumt,
    TerminWahrgenommen,
    UnzulaessigerUebergang,
    VerlangtVon,
    WichtigerGrundNachgewiesen,
    Zustand,
    falte,
    schritt,
    verlauf,
)
from kooplan.ereignisse import HaerteFestgestellt, MinderungAufgehoben
from kooplan.fehler import UngueltigeEingabe
from kooplan.phasen import zeitschritte
from kooplan.plan import Kooperationsplan
from kooplan.recht import Regime

D = dt.date


STICHTAG = D(2027, 12, 31)


def _fall(*ereignisse: object) -> Fall:
    return Fall("JC-Regeln", list(ereignisse))  # type: ignore[arg-type]


# -- § 7b Abs. 4 n.F.: which invitation a missed meeting belongs to -------------------------------
#
# "Kommt eine Person drei aufeinanderfolgenden Meldeaufforderungen mit schriftlicher
# Rechtsfolgenbelehrung ohne wichtigen Grund nicht nach …": whether a miss counts depends on the
# invitation it answers. A ``termin_versaeumt`` that names its invitation (``einladung``) takes
# that invitation's RFB; one that does not takes the RFB of the last invitation sent
# (docs/vertrag.md, ``termin_versaeumt.einladung``).


def test_a_miss_takes_the_rfb_of_the_invitation_it_names() -> None:
    z = falte(
        _fall(
            EinladungVersandt(am=D(2026, 7, 6), id="e1", rfb=True),
            EinladungVersandt(am=D(2026, 7, 8), id="e2", rfb=False),
            TerminVersaeumt(am=D(2026, 7, 20), wichtiger_grund=False, einladung="e1"),
            TerminVersaeumt(am=D(2026, 7, 21), wichtiger_grund=False, einladung="e2"),
        ),
        STICHTAG,
    )
    assert [v.rfb for v in z.versaeumnisse] == [True, False]
    assert z.einladungen_rfb == (("e1", True), ("e2", False))


def test_a_miss_without_named_invitation_takes_the_last_invitation_sent() -> None:
    mit = falte(
        _fall(
            EinladungVersandt(am=D(2026, 7, 6), id="e1", rfb=False),
            EinladungVersandt(am=D(2026, 7, 8), rfb=True),
            TerminVersaeumt(am=D(2026, 7, 20), wichtiger_grund=False),
        ),
        STICHTAG,
    )
    # an invitation without id is not recorded by id, but it is the last one sent
    assert mit.letzte_einladung_rfb is True
    assert mit.einladungen_rfb == (("e1", False),)
    assert [v.rfb for v in mit.versaeumnisse] == [True]

    ohne = falte(
        _fall(
            EinladungVersandt(am=D(2026, 7, 6), rfb=True),
            EinladungVersandt(am=D(2026, 7, 8), id="e2", rfb=False),
            TerminVersaeumt(am=D(2026, 7, 20), wichtiger_grund=False),
        ),
        STICHTAG,
    )
    assert ohne.letzte_einladung_rfb is False
    assert [v.rfb for v in ohne.versaeumnisse] == [False]


def test_a_miss_without_any_invitation_carries_no_rfb() -> None:
    z = falte(_fall(TerminVersaeumt(am=D(2026, 7, 20), wichtiger_grund=False)), STICHTAG)
    assert [v.rfb for v in z.versaeumnisse] == [False]


def test_the_three_consecutive_misses_with_rfb_are_a_run_of_three() -> None:
    ereignisse: list[object] = []
    for i, tag in enumerate((D(2026, 7, 6), D(2026, 7, 20), D(2026, 8, 3)), start=1):
        ereignisse.append(EinladungVersandt(am=tag, id=f"e{i}", rfb=True))
        ereignisse.append(
            TerminVersaeumt(
                am=tag + dt.timedelta(days=7), id=f"t{i}", wichtiger_grund=False, einladung=f"e{i}"
            )
        )
    z = falte(_fall(*ereignisse), STICHTAG)
    lauf = z.terminlauf
    assert [(v.id, v.rfb, v.entschuldigt) for v in lauf] == [
        ("t1", True, False),
        ("t2", True, False),
        ("t3", True, False),
    ]
    # their place in fold order: the misses are the 2nd, 4th and 6th event
    assert [v.folge for v in lauf] == [1, 3, 5]
    assert [v.am for v in lauf] == [D(2026, 7, 13), D(2026, 7, 27), D(2026, 8, 10)]


def test_a_kept_meeting_or_an_excused_miss_breaks_the_run() -> None:
    basis = [
        EinladungVersandt(am=D(2026, 7, 6), id="e1", rfb=True),
        TerminVersaeumt(am=D(2026, 7, 13), id="t1", wichtiger_grund=False, einladung="e1"),
    ]
    wahrgenommen = falte(_fall(*basis, TerminWahrgenommen(am=D(2026, 7, 20))), STICHTAG)
    assert wahrgenommen.terminlauf == ()
    assert wahrgenommen.lauf_ab == 2  # the kept meeting is the third event (folge 2)

    entschuldigt = falte(
        _fall(*basis, TerminVersaeumt(am=D(2026, 7, 20), id="t2", wichtiger_grund=True)),
        STICHTAG,
    )
    assert entschuldigt.terminlauf == ()
    assert entschuldigt.lauf_ab == 2

    nachgewiesen = falte(
        _fall(*basis, WichtigerGrundNachgewiesen(am=D(2026, 7, 20), bezug="t1")), STICHTAG
    )
    assert nachgewiesen.terminlauf == ()
    assert [v.entschuldigt for v in nachgewiesen.versaeumnisse] == [True]
    assert nachgewiesen.lauf_ab == 1


def test_a_later_wichtiger_grund_for_an_older_miss_does_not_move_the_run_back() -> None:
    z = falte(
        _fall(
            TerminVersaeumt(am=D(2026, 7, 6), id="t1", wichtiger_grund=False),
            TerminWahrgenommen(am=D(2026, 7, 13)),
            TerminVersaeumt(am=D(2026, 7, 20), id="t2", wichtiger_grund=False),
            WichtigerGrundNachgewiesen(am=D(2026, 7, 27), bezug="t1"),
        ),
        STICHTAG,
    )
    # the run after the kept meeting (folge 1) still holds t2
    assert z.lauf_ab == 1
    assert [v.id for v in z.terminlauf] == ["t2"]
    assert [v.entschuldigt for v in z.versaeumnisse] == [True, False]


# -- a new benefit period (docs/fachliches.md section 3: beendet -> erstkontakt) ------------------------------


def test_a_new_benefit_period_keeps_the_history_and_starts_the_rest_anew() -> None:
    m = MinderungFestgestellt(
        am=D(2024, 2, 1),
        id="m1",
        grund=Minderungsgrund.PFLICHTVERLETZUNG,
        prozent=10,
        beginn=D(2024, 3, 1),
        stufe=1,
    )
    h = HaerteFestgestellt(am=D(2024, 2, 10), bezug="m1")
    a = MinderungAufgehoben(am=D(2024, 2, 20), bezug="m1")
    z = falte(
        _fall(
            EinladungVersandt(am=D(2024, 1, 2), id="e1", rfb=True),
            TerminVersaeumt(am=D(2024, 1, 9), wichtiger_grund=False, einladung="e1"),
            PlanErstellt(am=D(2024, 1, 15)),
            m,
            h,
            a,
            LeistungsbezugBeendet(am=D(2024, 5, 31)),
            LeistungsbezugAufgenommen(am=D(2024, 9, 1)),
        ),
        STICHTAG,
    )
    assert z.phase is Phase.ERSTKONTAKT
    assert z.zeitraum_nr == 1
    assert z.zeitraum_begonnen is True
    # carried over: Minderungen, their lifting, Härte findings (with the period they were made
    # in) and the invitations by id
    assert z.minderungen == (m,)
    assert z.aufhebungen == (("m1", D(2024, 2, 20)),)
    assert z.haerten == ((h, 0),)
    assert z.einladungen_rfb == (("e1", True),)
    assert z.angewandt == 8
    # begun anew: no plan, no contact, no misses, no last invitation
    assert z.plan_am is None and z.plan_im_zeitraum is False
    assert z.kontakt_im_zeitraum is False
    assert z.versaeumnisse == () and z.letzte_einladung_rfb is False
    assert z.lauf_ab == -1


def test_leistungsbezug_aufgenommen_as_the_first_event_only_opens_the_period() -> None:
    z = falte(_fall(LeistungsbezugAufgenommen(am=D(2024, 1, 2))), STICHTAG)
    assert z.phase is Phase.ERSTKONTAKT
    assert z.zeitraum_nr == 0
    assert z.zeitraum_begonnen is True


# -- entering a phase ---------------------------------------------------------------------------


def test_entering_ohne_plan_drops_the_plan_and_leaving_it_forgets_the_automatic_end() -> None:
    beginn = D(2024, 2, 1)
    ereignisse = [
        PlanErstellt(am=D(2024, 1, 15)),
        SchlichtungBegonnen(am=beginn, verlangt_von=VerlangtVon.LEISTUNGSBERECHTIGTE),
    ]
    # § 15a Abs. 4 a.F.: the Schlichtung ends with the lapse of four weeks (last day 29.2.2024)
    z = falte(_fall(*ereignisse), D(2024, 3, 1))
    assert z.phase is Phase.OHNE_PLAN
    assert z.plan is None and z.plan_am is None and z.schlichtung_beginn is None
    assert z.schlichtung_auto_ende == D(2024, 3, 1)
    # a plan made afterwards leads back to kooperation; the automatic end is no longer relevant
    z2 = falte(_fall(*ereignisse, PlanErstellt(am=D(2024, 3, 10))), D(2024, 3, 10))
    assert z2.phase is Phase.KOOPERATION
    assert z2.schlichtung_auto_ende is None
    assert z2.plan_am == D(2024, 3, 10)


PLAN = Kooperationsplan("Fachkraft Lagerlogistik", ["Unterlagen einreichen", "Staplerschein"])


def test_plan_gescheitert_drops_the_plan() -> None:
    # § 15 Abs. 6 a.F. / § 15a Abs. 3 n.F.: the plan "kommt nicht zustande oder kann nicht
    # fortgeschrieben werden" - there is no plan any more
    z = falte(
        _fall(PlanErstellt(am=D(2024, 1, 15), plan=PLAN), PlanGescheitert(am=D(2024, 4, 2))),
        STICHTAG,
    )
    assert z.phase is Phase.OHNE_PLAN
    assert z.plan_am is None and z.plan is None


def test_a_plan_update_without_details_keeps_the_plan() -> None:
    z = falte(
        _fall(PlanErstellt(am=D(2024, 1, 15), plan=PLAN), PlanFortgeschrieben(am=D(2024, 7, 1))),
        STICHTAG,
    )
    assert z.phase is Phase.KOOPERATION
    assert z.plan == PLAN
    assert z.plan_am == D(2024, 7, 1)  # § 15 Abs. 3 Satz 2: the six months begin anew


def test_an_outstanding_mitwirkung_records_its_day_and_event() -> None:
    z = falte(
        _fall(
            PlanErstellt(am=D(2024, 1, 10)),
            MitwirkungUnterblieben(
                am=D(2024, 3, 4), id="u1", mitwirkung=Mitwirkung.MASSNAHME, wichtiger_grund=False
            ),
        ),
        STICHTAG,
    )
    assert [(o.mitwirkung, o.am, o.id) for o in z.offen] == [
        (Mitwirkung.MASSNAHME, D(2024, 3, 4), "u1")
    ]


def test_an_event_step_records_its_event() -> None:
    e = PlanErstellt(am=D(2024, 1, 10))
    s = verlauf(_fall(e), STICHTAG)[0]
    assert s.ereignis == e and s.position == 0
    assert (s.tag, s.ausloeser, s.von, s.nach) == (
        D(2024, 1, 10),
        "plan_erstellt",
        Phase.ERSTKONTAKT,
        Phase.KOOPERATION,
    )


def test_errors_of_verlauf_name_the_case() -> None:
    # nothing is outstanding in kooperation: a Mitwirkung cannot be "erbracht" (docs/fachliches.md section 3)
    fall = _fall(
        PlanErstellt(am=D(2024, 1, 15)),
        MitwirkungErbracht(am=D(2024, 2, 1), mitwirkung=Mitwirkung.MASSNAHME),
    )
    with pytest.raises(UnzulaessigerUebergang) as info:
        verlauf(fall, STICHTAG)
    assert info.value.fall == "JC-Regeln"
    assert info.value.ort == "ereignisse[1]"


def test_the_first_day_covered_is_1_july_2023() -> None:
    z = falte(_fall(PlanErstellt(am=D(2023, 7, 1))), D(2023, 7, 1))
    assert z.phase is Phase.KOOPERATION


def test_a_note_raised_again_in_the_same_phase_is_not_repeated() -> None:
    # B: each failed attempt in ohne_plan raises the Schlichtung note of § 15a Abs. 1 a.F.
    z = falte(
        _fall(
            PlanGescheitert(am=D(2024, 1, 15)),
            PlanGescheitert(am=D(2024, 2, 15)),
            PlanGescheitert(am=D(2024, 3, 15)),
        ),
        D(2024, 4, 1),
    )
    assert z.phase is Phase.OHNE_PLAN
    assert [h.code for h in z.hinweise] == ["b.plan_gescheitert.schlichtung"]


def test_a_same_phase_step_adds_its_note_to_those_already_raised() -> None:
    # the first note is raised on 15.6.2026 (it applies to the old law), the second, on the new
    # law only, on 2.7.2026: both stay with the phase
    z = falte(
        _fall(
            PlanGescheitert(am=D(2026, 6, 15)),
            MitwirkungUnterblieben(
                am=D(2026, 7, 2), mitwirkung=Mitwirkung.EIGENBEMUEHUNGEN, wichtiger_grund=True
            ),
        ),
        D(2026, 7, 10),
    )
    assert z.phase is Phase.OHNE_PLAN
    assert [h.code for h in z.hinweise] == [
        "b.plan_gescheitert.schlichtung",
        "va.wichtiger_grund_offen",
    ]


def test_a_note_of_the_old_law_is_not_raised_by_a_step_after_30_june_2026() -> None:
    z = falte(_fall(PlanGescheitert(am=D(2026, 7, 1))), STICHTAG)
    assert z.phase is Phase.OHNE_PLAN
    assert z.hinweise == ()


def test_kooperation_after_mitwirkung_eingefordert_leaves_nothing_outstanding() -> None:
    basis = [
        PlanErstellt(am=D(2024, 1, 15)),
        MitwirkungUnterblieben(
            am=D(2024, 2, 1), id="u1", mitwirkung=Mitwirkung.MASSNAHME, wichtiger_grund=False
        ),
        MitwirkungUnterblieben(
            am=D(2024, 2, 5), id="u2", mitwirkung=Mitwirkung.EIGENBEMUEHUNGEN, wichtiger_grund=False
        ),
    ]
    z = falte(_fall(*basis), D(2024, 2, 10))
    assert z.phase is Phase.MITWIRKUNG_EINGEFORDERT
    assert z.offene_arten == {Mitwirkung.MASSNAHME, Mitwirkung.EIGENBEMUEHUNGEN}
    # one kind done: the other is still outstanding, the phase stays
    eins = falte(
        _fall(*basis, MitwirkungErbracht(am=D(2024, 2, 12), mitwirkung=Mitwirkung.MASSNAHME)),
        D(2024, 2, 12),
    )
    assert eins.phase is Phase.MITWIRKUNG_EINGEFORDERT
    assert eins.offene_arten == {Mitwirkung.EIGENBEMUEHUNGEN}
    # Bereitschaft: everything done, back to kooperation (§ 31a Abs. 1 Satz 6 a.F.)
    alle = falte(_fall(*basis, BereitschaftErklaert(am=D(2024, 2, 12))), D(2024, 2, 12))
    assert alle.phase is Phase.KOOPERATION
    assert alle.offen == ()
    # wichtiger Grund for the one, Mitwirkung for the other
    beide = falte(
        _fall(
            *basis,
            WichtigerGrundNachgewiesen(am=D(2024, 2, 12), bezug="u1"),
            MitwirkungErbracht(am=D(2024, 2, 13), mitwirkung=Mitwirkung.EIGENBEMUEHUNGEN),
        ),
        D(2024, 2, 13),
    )
    assert beide.phase is Phase.KOOPERATION
    assert beide.offen == ()


# -- norms by the regime of the day a step happens ---------------------------------------------


def test_a_step_cites_the_norm_of_the_regime_of_its_day() -> None:
    b = verlauf(_fall(PlanErstellt(am=D(2026, 6, 30))), D(2026, 6, 30))[-1]
    c = verlauf(_fall(PlanErstellt(am=D(2026, 7, 1))), D(2026, 7, 1))[-1]
    assert b.norm == "§ 15 Abs. 2 SGB II a.F."
    assert c.norm == "§ 15 Abs. 2 SGB II n.F."


def test_a_history_record_before_1_july_2023_cites_the_old_norm() -> None:
    m = MinderungFestgestellt(
        am=D(2023, 5, 2), grund=Minderungsgrund.MELDEVERSAEUMNIS, prozent=10, beginn=D(2023, 6, 1)
    )
    s = verlauf(_fall(m), STICHTAG)[0]
    assert s.tag == D(2023, 5, 2)
    assert s.norm == s.regel.normen[Regime.B] == "§ 31b Abs. 1 Satz 3 SGB II a.F."


def test_uebergang_norm_by_regime() -> None:
    row = next(r for r in UEBERGAENGE if r.id == "plan_gescheitert")
    assert row.norm(Regime.B) == "§ 15 Abs. 6 SGB II a.F."
    assert row.norm(Regime.C) == "§ 15a Abs. 3 SGB II n.F."
    assert row.norm(None) == "§ 15 Abs. 6 SGB II a.F."


# -- the illegal event: what the message must say (docs/vertrag.md: one German sentence) -----------


def test_an_illegal_event_names_art_day_phase_and_its_number() -> None:
    with pytest.raises(UnzulaessigerUebergang) as info:
        falte(
            _fall(
                PlanErstellt(am=D(2024, 1, 15)),
                MitwirkungErbracht(am=D(2024, 2, 1), mitwirkung=Mitwirkung.MASSNAHME),
            ),
            STICHTAG,
        )
    err = info.value
    assert err.ort == "ereignisse[1]"
    assert err.fall == "JC-Regeln"
    assert "'mitwirkung_erbracht'" in err.meldung
    assert "01.02.2024" in err.meldung
    assert "'kooperation'" in err.meldung
    # the number counts from 1 for the caseworker, the ort from 0 for the program
    assert "(Ereignis Nr. 2)" in err.meldung
    assert "keine Mitwirkung dieser Art offen" in err.meldung
    assert err.meldung.endswith("widersprüchlich.")


def test_an_illegal_event_without_position_has_neither_number_nor_ort() -> None:
    with pytest.raises(UnzulaessigerUebergang) as info:
        schritt(Zustand(phase=Phase.KOOPERATION), MitwirkungErbracht(am=D(2024, 2, 1)))
    err = info.value
    assert err.ort is None
    assert err.meldung == (
        "Das Ereignis 'mitwirkung_erbracht' vom 01.02.2024 ist in der Phase 'kooperation' nicht "
        "zulässig. Es war keine Mitwirkung offen: Der Verlauf ist widersprüchlich."
    )


def test_a_schlichtung_after_30_june_2026_is_refused_with_the_reason() -> None:
    with pytest.raises(UnzulaessigerUebergang) as info:
        schritt(
            Zustand(phase=Phase.KOOPERATION),
            SchlichtungBegonnen(am=D(2026, 7, 1), verlangt_von=VerlangtVon.LEISTUNGSBERECHTIGTE),
            position=0,
        )
    err = info.value
    assert err.ort == "ereignisse[0]"
    assert "(Ereignis Nr. 1)" in err.meldung
    assert err.meldung.endswith(
        " Das Schlichtungsverfahren (§ 15a SGB II a.F.) gibt es seit dem 1.7.2026 nicht mehr."
    )


def test_the_repeal_reason_is_given_only_for_a_schlichtung_from_1_july_2026() -> None:
    # a second Schlichtung while one runs is not in the table: illegal, but not for the repeal
    with pytest.raises(UnzulaessigerUebergang) as info:
        schritt(
            Zustand(phase=Phase.SCHLICHTUNG, schlichtung_beginn=D(2024, 2, 1)),
            SchlichtungBegonnen(am=D(2024, 2, 5), verlangt_von=VerlangtVon.JOBCENTER),
        )
    assert "1.7.2026" not in info.value.meldung
    # another illegal event after 1.7.2026 is not a Schlichtung
    with pytest.raises(UnzulaessigerUebergang) as info2:
        schritt(Zustand(phase=Phase.BEENDET), PlanErstellt(am=D(2026, 8, 3)))
    assert info2.value.meldung == (
        "Das Ereignis 'plan_erstellt' vom 03.08.2026 ist in der Phase 'beendet' nicht zulässig."
    )


def test_other_illegal_events_give_no_extra_reason() -> None:
    with pytest.raises(UnzulaessigerUebergang) as info:
        schritt(Zustand(phase=Phase.BEENDET), PlanErstellt(am=D(2024, 2, 1)), position=4)
    assert info.value.meldung == (
        "Das Ereignis 'plan_erstellt' vom 01.02.2024 (Ereignis Nr. 5) ist in der Phase "
        "'beendet' nicht zulässig."
    )


def test_an_event_before_1_july_2023_names_the_ort_of_its_day() -> None:
    from kooplan import RechtsstandNichtAbgedeckt

    with pytest.raises(RechtsstandNichtAbgedeckt) as info:
        schritt(Zustand(), PlanErstellt(am=D(2023, 6, 30)), position=3)
    assert info.value.ort == "ereignisse[3].am"
    # docs/fachliches.md section 2: before 1.7.2023 only Minderungen and old agreements, as history
    assert info.value.meldung == (
        "Das Ereignis 'plan_erstellt' vom 30.06.2023 liegt vor dem 1.7.2023; davor werden nur "
        "festgestellte Minderungen und Eingliederungsvereinbarungen als Vorgeschichte angenommen."
    )
    with pytest.raises(RechtsstandNichtAbgedeckt) as info2:
        schritt(Zustand(), PlanErstellt(am=D(2023, 6, 30)))
    assert info2.value.ort == "am"


# -- the state shown, kept and counted -------------------------------------------------------------


def test_the_repr_of_a_state_names_its_outstanding_kinds_in_order_and_nothing_personal() -> None:
    z = falte(
        _fall(
            PlanErstellt(am=D(2024, 3, 1)),
            MitwirkungUnterblieben(
                am=D(2024, 4, 2), id="u1", mitwirkung=Mitwirkung.MASSNAHME, wichtiger_grund=False
            ),
            MitwirkungUnterblieben(
                am=D(2024, 4, 3),
                id="u2",
                mitwirkung=Mitwirkung.EIGENBEMUEHUNGEN,
                wichtiger_grund=False,
            ),
        ),
        D(2024, 4, 5),
    )
    assert repr(z) == (
        "Zustand(phase=mitwirkung_eingefordert, offen=[eigenbemuehungen,massnahme], "
        "terminlauf=0, plan_am=2024-03-01, minderungen=0)"
    )


def test_time_steps_that_are_not_due_leave_every_field_of_the_state_as_it_was() -> None:
    # an old Eingliederungsvereinbarung (concluded before 1.7.2023, § 65 Abs. 4 SGB II a.F.)
    # and an invitation with its meeting day are kept by the state; no Schlichtung ends
    mit_ev = falte(
        _fall(
            Eingliederungsvereinbarung(am=D(2023, 5, 2)),
            EinladungVersandt(am=D(2023, 8, 1), id="e1", termin=D(2023, 8, 8)),
        ),
        D(2023, 8, 2),
    )
    assert mit_ev.alte_ev_am == D(2023, 5, 2)
    assert mit_ev.einladungen_termin == (("e1", D(2023, 8, 8)),)
    assert zeitschritte(mit_ev, D(2023, 8, 2)) == mit_ev
    in_schlichtung = falte(
        _fall(
            EinladungVersandt(am=D(2024, 4, 29), id="e1", termin=D(2024, 5, 6)),
            PlanGescheitert(am=D(2024, 5, 6)),
            SchlichtungBegonnen(am=D(2024, 5, 13), verlangt_von=VerlangtVon.BEIDE),
        ),
        D(2024, 5, 20),
    )
    assert zeitschritte(in_schlichtung, D(2024, 5, 20)) == in_schlichtung


def test_every_schlichtung_of_the_benefit_period_is_counted() -> None:
    # § 15a Abs. 1 SGB II a.F. sets no limit; a policy may (schlichtung_hoechstzahl), so the state
    # counts each Schlichtung begun
    z = falte(
        _fall(
            PlanGescheitert(am=D(2024, 5, 6)),
            SchlichtungBegonnen(am=D(2024, 5, 13), verlangt_von=VerlangtVon.BEIDE),
            SchlichtungBeendet(am=D(2024, 5, 27), einigung=True),
            PlanGescheitert(am=D(2024, 9, 2)),
            SchlichtungBegonnen(am=D(2024, 9, 9), verlangt_von=VerlangtVon.JOBCENTER),
        ),
        D(2024, 9, 10),
    )
    assert z.schlichtungen == 2


def test_a_step_on_the_first_day_of_the_buergergeld_law_cites_its_norm() -> None:
    # 1.7.2023: the Kooperationsplan of § 15 SGB II a.F. (Bürgergeld-Gesetz) applies from that
    # day, so a plan made on it is a step under § 15 Abs. 2 a.F.
    (schritt_1,) = verlauf(_fall(PlanErstellt(am=D(2023, 7, 1))), D(2023, 7, 2))
    assert (schritt_1.tag, schritt_1.norm) == (D(2023, 7, 1), "§ 15 Abs. 2 SGB II a.F.")


def test_a_missed_meeting_naming_an_invitation_the_state_does_not_know_is_refused() -> None:
    # whether the meeting was one "trotz schriftlicher Belehrung über die Rechtsfolgen" (§ 32
    # Abs. 1 Satz 1, § 7b Abs. 4 Satz 1 n.F.) is a fact of the invitation it names; a case read
    # from its events never names one it lacks, a state stepped by hand may
    z = falte(_fall(EinladungVersandt(am=D(2026, 7, 6), id="e1", rfb=True)), D(2026, 7, 7))
    with pytest.raises(UngueltigeEingabe) as info:
        schritt(z, TerminVersaeumt(am=D(2026, 7, 13), wichtiger_grund=False, einladung="e9"))
    assert (info.value.ort, info.value.meldung) == (
        "einladung",
        "'einladung' nennt keine Einladung, die der Zustand kennt.",
    )
    nach = schritt(z, TerminVersaeumt(am=D(2026, 7, 13), wichtiger_grund=False, einladung="e1"))
    assert [(v.rfb, v.termin) for v in nach.versaeumnisse] == [(True, None)]
