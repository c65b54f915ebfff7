"""Mutation-testing follow-up for ``kooplan.entscheidung`` (docs/mutation.md).

Expectations from docs/fachliches.md section 4 (the mode table, its norms by regime, the notes),
section 5 (the review date, § 15 Abs. 3 Satz 2 SGB II), section 8 no. 4 (the open start of
``2026-04``) and the
contract of ``entscheide`` (docs/vertrag.md; every refused argument is an ``UngueltigeEingabe``
with its ``ort``).
"""

from __future__ import annotations

import datetime as dt

import pytest

from faelle_bau import offene_massnahme
from kooplan import (
    Anliegen,
    EinladungVersandt,
    Fall,
    Mitwirkung,
    MitwirkungUnterblieben,
    Modus,
    Phase,
    PlanErstellt,
    Policy,
    TerminVersaeumt,
    entscheide,
)
from kooplan.fehler import KeinLeistungsbezug, RechtsstandNichtAbgedeckt, UngueltigeEingabe
from kooplan.motor.entscheidung import _passt, entscheide_zustand
from kooplan.phasen import Zustand, falte
from kooplan.policy import RfbUmfang
from kooplan.recht import Quelle, Regime
from kooplan.recht.regeln import HinweisRegel, Lage, PolicyWahl, Regel, _nach_umfang, _r
from kooplan.vertrag import fall_aus_objekt

D = dt.date


def _fall(*ereignisse: object, **kw: object) -> Fall:
    return Fall("JC-Mutanten", list(ereignisse), **kw)  # type: ignore[arg-type]


def _codes(e: object) -> list[str]:
    return [h.code for h in e.hinweise]  # type: ignore[attr-defined]


#: A case in mitwirkung_eingefordert for Eigenbemühungen (plan on 15.1., missed on the given day).
def _eingefordert(am: dt.date) -> Fall:
    return _fall(
        PlanErstellt(am=am - dt.timedelta(days=30)),
        MitwirkungUnterblieben(
            am=am, id="u1", mitwirkung=Mitwirkung.EIGENBEMUEHUNGEN, wichtiger_grund=False
        ),
    )


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


# -- the table shorthands (built at import; called here directly) -------------------------------


def test_the_policy_choice_by_rfb_umfang() -> None:
    wahl = _nach_umfang(Modus.MIT_RFB)
    assert wahl == PolicyWahl(
        "rfb_umfang", {RfbUmfang.FALL: Modus.MIT_RFB, RfbUmfang.EINZELFALL: Modus.OHNE_RFB}
    )
    assert wahl.modus(Policy()) is Modus.MIT_RFB
    assert wahl.modus(Policy(rfb_umfang=RfbUmfang.EINZELFALL)) is Modus.OHNE_RFB
    assert (
        _nach_umfang(Modus.VERPFLICHTUNG_VA, Modus.MIT_RFB).modus(
            Policy(rfb_umfang=RfbUmfang.EINZELFALL)
        )
        is Modus.MIT_RFB
    )


def test_the_rule_shorthand() -> None:
    r = _r(
        "x",
        frozenset({Regime.B}),
        frozenset({Phase.KOOPERATION}),
        frozenset({Anliegen.EINLADUNG}),
        Modus.OHNE_RFB,
        ("§ alt", "§ neu"),
        Quelle.WEISUNG,
        "t",
    )
    assert r == Regel(
        "x",
        frozenset({Regime.B}),
        frozenset({Phase.KOOPERATION}),
        frozenset({Anliegen.EINLADUNG}),
        Modus.OHNE_RFB,
        "§ alt",
        "§ neu",
        Quelle.WEISUNG,
        "t",
        None,
        (),
    )
    assert (r.norm(Regime.B), r.norm(Regime.C)) == ("§ alt", "§ neu")
    eine = _r(
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
    assert (eine.norm_b, eine.norm_c, eine.hinweise) == ("§ beide", "§ beide", ("h",))
    mit_lage = _r(
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
    assert _passt(Regime.C, Phase.KOOPERATION, Anliegen.MASSNAHME, r)
    assert not _passt(Regime.B, Phase.KOOPERATION, Anliegen.MASSNAHME, r)
    assert not _passt(Regime.C, Phase.OHNE_PLAN, Anliegen.MASSNAHME, r)
    assert not _passt(Regime.C, Phase.KOOPERATION, Anliegen.EINLADUNG, r)
    assert not _passt(Regime.B, Phase.OHNE_PLAN, Anliegen.MASSNAHME, r)
    assert not _passt(Regime.B, Phase.KOOPERATION, Anliegen.EINLADUNG, r)


# -- arguments (docs/vertrag.md: refused with the ort of the argument) -------------------------------


def test_an_unknown_anliegen_lists_the_four_allowed() -> None:
    with pytest.raises(UngueltigeEingabe) as info:
        entscheide(_fall(), "termin", D(2024, 1, 2))
    assert info.value.ort == "anliegen"
    assert "einladung, massnahme, vermittlungsvorschlag, eigenbemuehungen" in info.value.meldung


@pytest.mark.parametrize("name", ["stichtag", "faellig"])
def test_a_datetime_argument_is_refused_with_its_name(name: str) -> None:
    kw = {"stichtag": D(2024, 1, 2), "faellig": None}
    kw[name] = dt.datetime(2024, 1, 2, 9, 0)
    with pytest.raises(UngueltigeEingabe) as info:
        entscheide(_fall(), "einladung", **kw)  # type: ignore[arg-type]
    assert info.value.ort == name
    assert isinstance(info.value.meldung, str) and f"'{name}'" in info.value.meldung


@pytest.mark.parametrize("faellig", [None, D(2024, 1, 2), dt.datetime(2024, 1, 2, 9, 0)])
def test_a_missing_stichtag_is_an_input_error_at_stichtag(faellig: dt.date | None) -> None:
    # found by the mutation review: a None Stichtag used to be skipped by the check (TypeError)
    with pytest.raises(UngueltigeEingabe) as info:
        entscheide(_fall(), "einladung", None, faellig)  # type: ignore[arg-type]
    assert info.value.ort == "stichtag"


def test_faellig_is_checked_as_a_day() -> None:
    with pytest.raises(UngueltigeEingabe) as info:
        entscheide(_fall(), "einladung", D(2024, 1, 2), dt.datetime(2024, 1, 2, 9, 0))
    assert info.value.ort == "faellig"


def test_the_last_day_allowed_is_accepted_and_the_next_refused() -> None:
    # 31.12.2099 is the last day the contract accepts
    e = entscheide(_fall(), "einladung", D(2099, 12, 31))
    assert e.stichtag == D(2099, 12, 31)
    with pytest.raises(UngueltigeEingabe) as info:
        entscheide(_fall(), "einladung", D(2099, 12, 30), D(2100, 1, 1))
    assert info.value.ort == "faellig"
    assert "31.12.2099" in info.value.meldung and "01.01.1900" in info.value.meldung


def test_faellig_before_the_stichtag_is_refused() -> None:
    with pytest.raises(UngueltigeEingabe) as info:
        entscheide(_fall(), "einladung", D(2024, 3, 2), D(2024, 3, 1))
    assert info.value.ort == "faellig"
    assert isinstance(info.value.meldung, str)
    assert info.value.meldung.startswith("'faellig'") and "Stichtag" in info.value.meldung


def test_fall_must_be_a_fall() -> None:
    with pytest.raises(UngueltigeEingabe) as info:
        entscheide({"fall": "JC-1"}, "einladung", D(2024, 3, 2))  # type: ignore[arg-type]
    assert info.value.meldung == "'fall' muss ein kooplan.Fall sein."


def test_a_birth_date_after_the_stichtag_is_refused_but_not_on_it() -> None:
    with pytest.raises(UngueltigeEingabe) as info:
        entscheide(_fall(geburtsdatum=D(2024, 3, 3)), "einladung", D(2024, 3, 2))
    assert info.value.ort == "geburtsdatum"
    assert info.value.fall == "JC-Mutanten"
    assert info.value.meldung.startswith("'geburtsdatum' liegt nach dem Stichtag")
    e = entscheide(_fall(geburtsdatum=D(2024, 3, 2)), "einladung", D(2024, 3, 2))
    assert e.phase is Phase.ERSTKONTAKT


# -- entscheide_zustand ---------------------------------------------------------------------------


def test_a_decision_on_a_state_without_case_id_is_for_an_unknown_case() -> None:
    e = entscheide_zustand(Zustand(), Anliegen.EINLADUNG, D(2024, 1, 2))
    assert e.fall == "unbekannt"
    assert e.faellig == D(2024, 1, 2)


def test_entscheide_zustand_takes_a_given_faellig_as_given() -> None:
    # B, mitwirkung_eingefordert: RFB; due after 1.7.2026 -> the law changes until then
    z = falte(_eingefordert(D(2026, 6, 1)), D(2026, 6, 2))
    e = entscheide_zustand(z, Anliegen.EIGENBEMUEHUNGEN, D(2026, 6, 2), D(2026, 7, 6))
    assert "rechtsstand.wechsel_bis_faelligkeit" in _codes(e)
    assert "rechtsstand.wechsel_absehbar" not in _codes(e)


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


# -- entscheide_zustand checks its arguments (it is public: a caller may fold elsewhere) ----------

_Z_RF = falte(fall_aus_objekt(offene_massnahme("JC-Z")), D(2025, 3, 10))


@pytest.mark.parametrize(
    ("argumente", "ort", "meldung"),
    [
        ({"zustand": 5}, "zustand", "'zustand' muss ein kooplan.Zustand sein (aus kooplan.falte)."),
        ({"anliegen": "brief"}, "anliegen", None),
        ({"stichtag": "2025-03-10"}, "stichtag", "'stichtag' muss ein Datum sein (ohne Uhrzeit)."),
        ({"faellig": D(2025, 3, 9)}, "faellig", "'faellig' darf nicht vor dem Stichtag liegen."),
        ({"policy": "standard"}, "policy", "'policy' muss eine kooplan.Policy sein."),
        ({"faellig_gegeben": 1}, "faellig_gegeben", "'faellig_gegeben' muss true oder false sein."),
        (
            {"regelbedarfsstufe": [1]},
            "regelbedarfsstufe",
            "'regelbedarfsstufe' muss eine ganze Zahl von 1 bis 4 sein.",
        ),
        ({"regelbedarfsstufe": True}, "regelbedarfsstufe", None),
        ({"regelbedarfsstufe": 0}, "regelbedarfsstufe", None),
        ({"regelbedarfsstufe": 5}, "regelbedarfsstufe", None),
        (
            {"geburtsdatum": "1990-01-01"},
            "geburtsdatum",
            "'geburtsdatum' muss ein Datum sein (ohne Uhrzeit).",
        ),
        ({"geburtsdatum": dt.datetime(1990, 1, 1)}, "geburtsdatum", None),
        (
            {"geburtsdatum": D(2025, 3, 11)},
            "geburtsdatum",
            "'geburtsdatum' liegt nach dem Stichtag; das Geburtsdatum kann nicht stimmen.",
        ),
    ],
)
def test_entscheide_zustand_names_a_wrong_argument(
    argumente: dict[str, object], ort: str, meldung: str | None
) -> None:
    werte: dict[str, object] = {
        "zustand": _Z_RF,
        "anliegen": "massnahme",
        "stichtag": D(2025, 3, 10),
        "regelbedarfsstufe": 1,
    }
    with pytest.raises(UngueltigeEingabe) as info:
        entscheide_zustand(**(werte | argumente))  # type: ignore[arg-type]
    assert info.value.ort == ort
    if meldung is not None:
        assert info.value.meldung == meldung


def test_entscheide_zustand_takes_the_edges_and_equals_entscheide() -> None:
    fall = fall_aus_objekt(offene_massnahme("JC-Z", regelbedarfsstufe=4, geburtsdatum="2025-03-10"))
    for faellig in (None, D(2025, 3, 10), D(2025, 4, 1)):
        e = entscheide_zustand(
            _Z_RF,
            "massnahme",
            D(2025, 3, 10),
            faellig,
            fall="JC-Z",
            regelbedarfsstufe=4,
            geburtsdatum=D(2025, 3, 10),
        )
        assert e == entscheide(fall, "massnahme", D(2025, 3, 10), faellig)
    gegeben = entscheide_zustand(
        _Z_RF, Anliegen.MASSNAHME, D(2025, 3, 10), fall="JC-Z", faellig_gegeben=True
    )
    assert gegeben.rechtsfolgen is not None and gegeben.rechtsfolgen.alternativen == ()


def test_entscheide_zustand_applies_the_policy_given() -> None:
    # docs/fachliches.md section 4: the Praxis (no RFB for a Maßnahme in kooperation) unless the policy says so
    z = falte(Fall("JC-P", [PlanErstellt(am=D(2025, 1, 10))]), D(2025, 3, 10))
    ohne = entscheide_zustand(z, "massnahme", D(2025, 3, 10))
    mit = entscheide_zustand(
        z, "massnahme", D(2025, 3, 10), policy=Policy(massnahme_mit_rfb_in_kooperation=True)
    )
    assert (ohne.modus, mit.modus) == (Modus.OHNE_RFB, Modus.MIT_RFB)


def test_entscheide_zustand_takes_faellig_gegeben_as_given() -> None:
    # without a due day the decision looks three months ahead for a change of the law
    # (note rechtsstand.wechsel_absehbar); a caller that knows the due day is the Stichtag says so
    stichtag = D(2026, 6, 15)
    z = falte(
        Fall(
            "JC-G",
            [
                PlanErstellt(am=D(2026, 1, 10)),
                MitwirkungUnterblieben(
                    am=D(2026, 6, 1), mitwirkung=Mitwirkung.MASSNAHME, wichtiger_grund=False
                ),
            ],
        ),
        stichtag,
    )
    offen = entscheide_zustand(z, "massnahme", stichtag)
    gegeben = entscheide_zustand(z, "massnahme", stichtag, faellig_gegeben=True)
    codes_offen = [h.code for h in offen.hinweise]
    codes_gegeben = [h.code for h in gegeben.hinweise]
    assert "rechtsstand.wechsel_absehbar" in codes_offen
    assert "rechtsstand.wechsel_absehbar" not in codes_gegeben
