"""The Python API of the core, beyond the contract: direct construction, folded-state decisions,
errors as values. Expectations come from docs/fachliches.md sections 2–5 and docs/vertrag.md."""

from __future__ import annotations

import datetime as dt
import pickle
from typing import Any

import pytest

import kooplan
from faelle_bau import offene_massnahme
from kooplan import (
    Anliegen,
    Bekanntgabeart,
    Fall,
    Mitwirkung,
    MitwirkungUnterblieben,
    Modus,
    PlanErstellt,
    Policy,
    entscheide,
)
from kooplan.ereignisse import Minderungsgrund, Tatbestand
from kooplan.fehler import KooplanError, UngueltigeEingabe
from kooplan.motor.entscheidung import entscheide_zustand
from kooplan.motor.rechtsfolgen import Rechtsfolge
from kooplan.phasen import Phase, Zustand, falte, zeitschritte
from kooplan.recht import Fassung, Regime, alle_grenzen, fassung_am, regime_am
from kooplan.vertrag import fall_aus_objekt
from regeln_bau import codes as _codes
from regeln_bau import eingefordert as _eingefordert
from regeln_bau import fall as _fall
from regeln_bau import versaeumte_termine as _versaeumt

D = dt.date
PFLICHT = Minderungsgrund.PFLICHTVERLETZUNG
MELDE = Minderungsgrund.MELDEVERSAEUMNIS


def _schlichtungsfall() -> kooplan.Fall:
    return kooplan.Fall(
        "API-1",
        [
            kooplan.PlanErstellt(am=D(2025, 3, 3)),
            kooplan.SchlichtungBegonnen(am=D(2025, 5, 5), verlangt_von=kooplan.VerlangtVon.BEIDE),
        ],
    )


def test_decision_on_a_folded_state_equals_the_decision_on_the_case():
    fall = _schlichtungsfall()
    z = falte(fall, D(2025, 5, 20))
    a = kooplan.entscheide_zustand(z, kooplan.Anliegen.MASSNAHME, D(2025, 5, 20), fall="API-1")
    b = kooplan.entscheide(fall, "massnahme", D(2025, 5, 20))
    assert a == b
    assert a.regel == "b.schlichtung.pflichten"


def test_schlichtung_due_after_its_latest_end_gets_the_note():
    # begun 5.5.2025, last day 2.6.2025 (§ 15a Abs. 4 a.F.); due 3.6.2025 is after it
    e = kooplan.entscheide(_schlichtungsfall(), "massnahme", D(2025, 5, 20), faellig=D(2025, 6, 3))
    assert e.modus is kooplan.Modus.OHNE_RFB
    assert "b.schlichtung.modus_neu_pruefen" in [h.code for h in e.hinweise]
    e = kooplan.entscheide(_schlichtungsfall(), "massnahme", D(2025, 5, 20), faellig=D(2025, 6, 2))
    assert "b.schlichtung.modus_neu_pruefen" not in [h.code for h in e.hinweise]


def test_time_driven_steps_without_an_event():
    z = falte(_schlichtungsfall(), D(2025, 5, 20))
    assert z.phase is Phase.SCHLICHTUNG
    assert zeitschritte(z, D(2025, 6, 2)).phase is Phase.SCHLICHTUNG
    assert zeitschritte(z, D(2025, 6, 3)).phase is Phase.OHNE_PLAN
    assert z.phase is Phase.SCHLICHTUNG  # the state is a value: unchanged


def test_decide_refuses_what_is_not_a_case():
    with pytest.raises(kooplan.UngueltigeEingabe):
        kooplan.entscheide({"fall": "x"}, "einladung", D(2024, 1, 1))  # type: ignore[arg-type]


@pytest.mark.parametrize("anliegen", ["brief", 3, None])
def test_unknown_anliegen_is_refused_with_its_place(anliegen):
    with pytest.raises(kooplan.UngueltigeEingabe) as info:
        kooplan.entscheide(kooplan.Fall("A", []), anliegen, D(2024, 1, 1))  # type: ignore[arg-type]
    assert info.value.ort == "anliegen"
    assert info.value.fall == "A"


def test_faellig_before_stichtag_and_datetimes_are_refused():
    fall = kooplan.Fall("A", [])
    with pytest.raises(kooplan.UngueltigeEingabe) as info:
        kooplan.entscheide(fall, "einladung", D(2024, 1, 2), faellig=D(2024, 1, 1))
    assert info.value.ort == "faellig"
    with pytest.raises(kooplan.UngueltigeEingabe) as info:
        kooplan.entscheide(fall, "einladung", dt.datetime(2024, 1, 2, 8, 0))  # type: ignore[arg-type]
    assert info.value.ort == "stichtag"


def test_regime_and_citation_suffix_by_day():
    assert regime_am(D(2026, 6, 30)) is Regime.B
    assert regime_am(D(2026, 7, 1)) is Regime.C
    assert fassung_am(D(2026, 6, 30)) is Fassung.AF
    assert fassung_am(D(2026, 7, 1)) is Fassung.NF
    assert alle_grenzen() == (D(2024, 3, 28), D(2026, 3, 28), D(2026, 4, 23), D(2026, 7, 1))


def test_policy_round_trip_and_refusals():
    p = kooplan.Policy.aus_mapping(
        {
            "rfb_umfang": "einzelfall",
            "massnahme_mit_rfb_in_kooperation": True,
            "plan_max_schritte": 3,
        }
    )
    assert kooplan.Policy.aus_mapping(p.als_mapping()) == p
    for schlecht in ({"rfb_umfang": "alles"}, {"unbekannt": 1}, ["rfb_umfang"]):
        with pytest.raises(kooplan.UngueltigeEingabe):
            kooplan.Policy.aus_mapping(schlecht)  # type: ignore[arg-type]


def test_long_plan_gets_the_policy_note():
    plan = kooplan.Kooperationsplan("Ziel", [f"Schritt {i}" for i in range(4)])
    fall = kooplan.Fall("A", [kooplan.PlanErstellt(am=D(2024, 1, 15), plan=plan)])
    kurz = kooplan.Policy(plan_max_schritte=3)
    codes = [
        h.code for h in kooplan.entscheide(fall, "massnahme", D(2024, 2, 1), policy=kurz).hinweise
    ]
    assert "plan.sehr_lang" in codes
    codes = [h.code for h in kooplan.entscheide(fall, "massnahme", D(2024, 2, 1)).hinweise]
    assert "plan.sehr_lang" not in codes


def test_fall_validates_its_events_in_python_too():
    with pytest.raises(kooplan.UngueltigeEingabe) as info:
        kooplan.Fall("A", ["kein Ereignis"])  # type: ignore[list-item]
    assert info.value.ort == "ereignisse[0]"
    with pytest.raises(kooplan.UngueltigeEingabe):
        kooplan.Fall("A", "ereignisse")  # type: ignore[arg-type]
    doppelt = [
        kooplan.PlanErstellt(am=D(2024, 1, 1), id="x"),
        kooplan.PlanGescheitert(am=D(2024, 2, 1), id="x"),
    ]
    with pytest.raises(kooplan.UngueltigeEingabe) as info:
        kooplan.Fall("A", doppelt)
    assert info.value.ort == "ereignisse[1].id"


@pytest.mark.parametrize(
    ("ereignisse", "ort"),
    [
        # bezug names nothing
        ([kooplan.WichtigerGrundNachgewiesen(am=D(2024, 3, 1), bezug="m1")], "ereignisse[0].bezug"),
        # bezug names a later event (fold order)
        (
            [
                kooplan.WichtigerGrundNachgewiesen(am=D(2024, 3, 1), bezug="m1"),
                kooplan.MitwirkungUnterblieben(
                    am=D(2024, 3, 5),
                    id="m1",
                    mitwirkung=kooplan.Mitwirkung.MASSNAHME,
                    wichtiger_grund=False,
                ),
            ],
            "ereignisse[0].bezug",
        ),
        # bezug names an event of the wrong art
        (
            [
                kooplan.PlanErstellt(am=D(2024, 1, 1), id="p"),
                kooplan.WichtigerGrundNachgewiesen(am=D(2024, 3, 1), bezug="p"),
            ],
            "ereignisse[1].bezug",
        ),
    ],
)
def test_fall_checks_references(ereignisse, ort):
    with pytest.raises(kooplan.UngueltigeEingabe) as info:
        kooplan.Fall("A", ereignisse)
    assert info.value.ort == ort


def test_minderung_cross_checks():
    with pytest.raises(kooplan.UngueltigeEingabe) as info:
        kooplan.MinderungFestgestellt(
            am=D(2024, 1, 1), grund=MELDE, prozent=10, beginn=D(2024, 2, 1), stufe=1
        )
    assert info.value.ort == "stufe"
    with pytest.raises(kooplan.UngueltigeEingabe) as info:
        kooplan.MinderungFestgestellt(
            am=D(2024, 1, 1),
            grund=MELDE,
            prozent=10,
            beginn=D(2024, 2, 1),
            tatbestand=Tatbestand.ABS1_NR1,
        )
    assert info.value.ort == "tatbestand"
    m = kooplan.MinderungFestgestellt(
        am=D(2024, 1, 1), grund=PFLICHT, prozent=15, beginn=D(2024, 2, 1), stufe=2
    )
    assert m.stufe_31 == 2
    assert (
        kooplan.MinderungFestgestellt(
            am=D(2024, 1, 1), grund=MELDE, prozent=10, beginn=D(2024, 2, 1)
        ).stufe_31
        is None
    )
    with pytest.raises(kooplan.UngueltigeEingabe) as info:
        kooplan.HaerteFestgestellt(am=D(2024, 3, 1), bis=D(2024, 2, 1))
    assert info.value.ort == "bis"


def test_errors_are_values_that_survive_a_process_boundary():
    err = kooplan.UnzulaessigerUebergang("Meldung", ort="ereignisse[1]", fall="A", norm="§ 15")
    kopie = pickle.loads(pickle.dumps(err))
    assert type(kopie) is type(err)
    assert (kopie.meldung, kopie.ort, kopie.fall, kopie.norm) == (
        "Meldung",
        "ereignisse[1]",
        "A",
        "§ 15",
    )
    assert repr(kopie).startswith("UnzulaessigerUebergang(code='unzulaessiger_uebergang'")
    assert str(kopie) == "[unzulaessiger_uebergang] Fall A: Meldung (Ort: ereignisse[1])"


def test_error_paths_nest():
    err = kooplan.UngueltigeEingabe("m", ort="am")
    assert err.unter("ereignisse[2]").ort == "ereignisse[2].am"
    assert kooplan.UngueltigeEingabe("m", ort="[0]").unter("ereignisse").ort == "ereignisse[0]"
    assert kooplan.UngueltigeEingabe("m").unter("plan").ort == "plan"
    assert kooplan.UngueltigeEingabe("m", ort="am").unter("").ort == "am"
    assert isinstance(err, ValueError)  # usable where callers catch ValueError
    assert issubclass(kooplan.KeinLeistungsbezug, KooplanError)


def test_a_lifted_minderung_still_runs_its_first_month():
    # § 31b Abs. 2 Satz 2: lifted from compliance "soweit der Minderungszeitraum mindestens einen
    # Monat betragen hat, andernfalls nach Ablauf dieses Monats"
    from kooplan.rechtsfolgen import minderungen_monatlich

    m = kooplan.MinderungFestgestellt(
        am=D(2024, 3, 20), id="m", grund=PFLICHT, prozent=30, beginn=D(2024, 4, 1), stufe=3
    )
    for aufgehoben, monate_in_kraft in (
        (D(2024, 4, 10), [D(2024, 4, 1)]),  # within the first month: April still runs
        (D(2024, 5, 15), [D(2024, 4, 1), D(2024, 5, 1)]),  # May 1 is before the lifting
        (D(2024, 6, 1), [D(2024, 4, 1), D(2024, 5, 1)]),
    ):
        fall = kooplan.Fall("A", [m, kooplan.MinderungAufgehoben(am=aufgehoben, bezug="m")])
        monate = minderungen_monatlich(fall, D(2024, 12, 1), D(2024, 3, 1), D(2024, 8, 1))
        assert [x.monat for x in monate if x.summe_prozent] == monate_in_kraft, aufgehoben


def test_kooplan_testing_without_hypothesis_names_the_extra():
    """Without Hypothesis, ``from kooplan.testing import faelle`` fails with a message that
    names the extra ``testing``; ``import kooplan`` still works."""
    import subprocess
    import sys

    code = (
        "import sys; sys.modules['hypothesis'] = None\n"
        "import kooplan\n"
        "try:\n"
        "    from kooplan.testing import faelle\n"
        "except ImportError as err:\n"
        "    print(err.name); print(err)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    name, meldung = out.split("\n", 1)
    assert name == "hypothesis"
    assert "Extra 'testing'" in meldung and "[testing]" in meldung


# -- the arguments of entscheide and entscheide_zustand (docs/vertrag.md: every refused
# argument is an UngueltigeEingabe with its ort)


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
    assert info.value.fall == "JC-Regeln"
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
        ({"land": "DE-XX"}, "land", "'land' muss ein Land als ISO 3166-2 sein (z. B. \"DE-BE\")."),
        (
            {"bewilligungszeitraum_ende": "2025-12-31"},
            "bewilligungszeitraum_ende",
            "'bewilligungszeitraum_ende' muss ein Datum sein (ohne Uhrzeit).",
        ),
        (
            {"bekanntgabe": "post"},
            "bekanntgabe",
            "'bekanntgabe' muss eine kooplan.Bekanntgabeart sein.",
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


#: A case with a plan (15.1.2024) and a day of Rechtsstand 2023-07, for the argument checks.
ARG_TAG = dt.date(2024, 3, 11)


def _arg_fall() -> kooplan.Fall:
    return kooplan.Fall("ARG-1", [kooplan.PlanErstellt(am=dt.date(2024, 1, 15))])


#: A case with an outstanding Maßnahme, and its day.
_FALL = fall_aus_objekt(offene_massnahme("JC-A"))
_TAG = dt.date(2025, 3, 10)


def test_a_policy_of_the_wrong_kind_is_refused_by_entscheide() -> None:
    with pytest.raises(UngueltigeEingabe) as info:
        kooplan.entscheide(_arg_fall(), "einladung", ARG_TAG, None, "einzelfall")  # type: ignore[arg-type]
    assert (info.value.ort, info.value.meldung) == (
        "policy",
        "'policy' muss eine kooplan.Policy sein.",
    )


def test_entscheide_refuses_a_policy_that_is_not_one() -> None:
    with pytest.raises(UngueltigeEingabe) as info:
        entscheide(_FALL, "massnahme", _TAG, policy="standard")  # type: ignore[arg-type]
    assert (info.value.ort, info.value.meldung) == (
        "policy",
        "'policy' muss eine kooplan.Policy sein.",
    )


def test_entscheide_zustand_gives_land_period_and_bekanntgabe_to_the_rechtsfolgen() -> None:
    # B, an outstanding Maßnahme (10 %). Due 6.7.2025: the six months for the Feststellung
    # (§ 31b Abs. 1 Satz 3) end on 6.1.2026, a holiday in Bavaria, not in Berlin; "Fällt das Ende
    # einer Frist auf … einen gesetzlichen Feiertag …, endet die Frist mit dem Ablauf des
    # nächstfolgenden Werktages" (§ 26 Abs. 3 Satz 1 SGB X).
    def rf(faellig: dt.date, **kw: Any) -> Rechtsfolge:
        e = entscheide_zustand(_Z_RF, Anliegen.MASSNAHME, D(2025, 3, 10), faellig, **kw)
        assert e.rechtsfolgen is not None
        return e.rechtsfolgen

    assert rf(D(2025, 7, 6)).feststellung_bis == D(2026, 1, 6)
    assert rf(D(2025, 7, 6), land="DE-BE").feststellung_bis == D(2026, 1, 6)
    assert rf(D(2025, 7, 6), land="DE-BY").feststellung_bis == D(2026, 1, 7)
    # due 28.4.2025: by post made known on the fourth day (2.5.2025, § 37 Abs. 2 SGB X from
    # 1.1.2025), so the Minderung runs from 1.6.2025; handed over on the day, from 1.5.2025
    # (§ 31b Abs. 1 Satz 1)
    assert rf(D(2025, 4, 28)).beginn_fruehestens == D(2025, 6, 1)
    hand = rf(D(2025, 4, 28), bekanntgabe=Bekanntgabeart.PERSOENLICH)
    assert hand.beginn_fruehestens == D(2025, 5, 1)
    # C, the third consecutive missed invitation with RFB: nicht erreichbar "bis zum Ablauf des
    # ursprünglichen Bewilligungszeitraums" (§ 7b Abs. 4 Satz 3 n.F.)
    z = falte(_fall(*_versaeumt(2)), D(2026, 8, 1))
    e = entscheide_zustand(
        z,
        Anliegen.EINLADUNG,
        D(2026, 8, 1),
        D(2026, 8, 10),
        bewilligungszeitraum_ende=D(2026, 12, 31),
    )
    assert e.rechtsfolgen is not None and e.rechtsfolgen.nicht_erreichbar is True
    assert "Bewilligungszeitraums am 31.12.2026" in e.rechtsfolgen.text
