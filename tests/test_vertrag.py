"""The JSON contract (docs/vertrag.md, "A case" and "A decision").

Every expectation here is derived from docs/vertrag.md and docs/fachliches.md sections 2–5, not from running the
code. Paths in ``ort`` are the contract's JSON paths (``ereignisse[2].am``); where the contract does
not spell out the path of a missing or duplicated key, the path of that key is expected.
"""

from __future__ import annotations

import copy
import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest

import faelle_bau
import kooplan
from faelle_bau import ENTSCHEIDUNG_SCHLUESSEL, FEHLER_SCHLUESSEL, GEBURTSDATUM, ev
from kooplan.fehler import UngueltigeEingabe
from kooplan.vertrag.ausgabe import entscheidung_als_dict, fehler_als_dict, zeile
from kooplan.vertrag.laden import (
    MAX_BYTES_JE_FALL,
    faelle_lesen,
    fall_aus_json,
    fall_aus_objekt,
    json_lesen,
    zeilen_lesen,
)

DATEN = Path(__file__).parent / "daten"

FALL_ID = "JC-TEST-0001"
#: The birth date (faelle_bau.GEBURTSDATUM, in every spelling and as the year alone) and a plan
#: text that must never appear in any message, path, repr or output.
GEB_FORMEN = (*faelle_bau.GEB_FORMEN, "1987")
GEHEIM = "GEHEIM-1234"

ARTEN = [
    "einladung_versandt",
    "termin_versaeumt",
    "termin_wahrgenommen",
    "plan_erstellt",
    "plan_fortgeschrieben",
    "plan_gescheitert",
    "schlichtung_begonnen",
    "schlichtung_beendet",
    "mitwirkung_unterblieben",
    "mitwirkung_erbracht",
    "bereitschaft_erklaert",
    "wichtiger_grund_nachgewiesen",
    "minderung_festgestellt",
    "eingliederungsvereinbarung",
    "leistungsbezug_beendet",
    "leistungsbezug_aufgenommen",
]


# -- helpers ---------------------------------------------------------------------------------


def fall(*ereignisse: dict[str, Any], **oben: Any) -> dict[str, Any]:
    """A case object with the required keys, in contract order."""
    obj: dict[str, Any] = {"schema": "kooplan/fall/1", "fall": FALL_ID}
    obj.update(oben)
    obj["ereignisse"] = list(ereignisse)
    return obj


def plan(**mehr: Any) -> dict[str, Any]:
    p: dict[str, Any] = {"eingliederungsziel": f"{GEHEIM} Ziel", "schritte": [f"{GEHEIM} a"]}
    p.update(mehr)
    return p


def eigen(**mehr: Any) -> dict[str, Any]:
    e: dict[str, Any] = {
        "art": f"{GEHEIM} Bewerbungen",
        "anzahl": 4,
        "zeitraum": "monat",
        "nachweis": f"{GEHEIM} Liste",
    }
    e.update(mehr)
    return e


def laden(obj: Any) -> kooplan.Fall:
    return fall_aus_json(json.dumps(obj, ensure_ascii=False))


def fehler(quelle: Any) -> kooplan.KooplanError:
    """The error loading ``quelle`` (a JSON text, bytes, or an object to dump) raises."""
    text = quelle if isinstance(quelle, str | bytes) else json.dumps(quelle, ensure_ascii=False)
    with pytest.raises(kooplan.KooplanError) as info:
        fall_aus_json(text)
    return info.value


def ungueltig(quelle: Any, ort: str | None, fall_id: str | None = FALL_ID) -> None:
    err = fehler(quelle)
    assert err.code == "ungueltige_eingabe", repr(err)
    assert isinstance(err, kooplan.UngueltigeEingabe)
    assert err.ort == ort, repr(err)
    assert err.fall == fall_id, repr(err)
    assert isinstance(err.meldung, str) and err.meldung.strip()


def entscheide(obj: dict[str, Any], anliegen: str, stichtag: str, **kw: Any) -> dict[str, Any]:
    e = kooplan.entscheide(laden(obj), anliegen, dt.date.fromisoformat(stichtag), **kw)
    return entscheidung_als_dict(e)


def entscheide_fehler(obj: dict[str, Any], anliegen: str, stichtag: str) -> kooplan.KooplanError:
    with pytest.raises(kooplan.KooplanError) as info:
        kooplan.entscheide(laden(obj), anliegen, dt.date.fromisoformat(stichtag))
    return info.value


# -- a valid full case -----------------------------------------------------------------------

VOLLER_PLAN = {
    "eingliederungsziel": f"Fachkraft Lagerlogistik {GEHEIM}",
    "schritte": ["Bewerbungsunterlagen aktualisieren", f"Staplerschein {GEHEIM}"],
    "eigenbemuehungen": {
        "art": "Bewerbungen",
        "anzahl": 4,
        "zeitraum": "monat",
        "nachweis": f"Liste {GEHEIM}",
        "x_eb": {"frei": [1, 2, None]},
    },
    "leistungen": ["Vermittlungsbudget"],
    "vermittlungsziele": ["Lager", "Logistik"],
    "andere_leistungstraeger": ["Rentenversicherung"],
    "gesundheit": [f"Reha-Beratung {GEHEIM}"],
    "bedarfsgemeinschaft": ["Kinderbetreuung"],
    "integrationskurs": False,
    "reha_bedarf": True,
    "x_plan": f"{GEHEIM} intern",
}


def voller_fall() -> dict[str, Any]:
    """Every event art, a plan with every field, ``x_`` keys at every level; a legal history."""
    return {
        "schema": "kooplan/fall/1",
        "fall": FALL_ID,
        "geburtsdatum": GEBURTSDATUM,
        "regelbedarfsstufe": 2,
        "x_system": {"quelle": "XWERT-777", "liste": [1, "zwei"]},
        "ereignisse": [
            ev(
                "minderung_festgestellt",
                "2023-03-01",
                grund="pflichtverletzung",
                prozent=20,
                beginn="2023-04-01",
                stufe=2,
                tatbestand="abs1_nr2",
                x_az="XWERT-777",
            ),
            ev("eingliederungsvereinbarung", "2023-05-02"),
            ev("einladung_versandt", "2023-07-10", rfb=True, id="e1"),
            ev("termin_versaeumt", "2023-07-17", wichtiger_grund=False, id="t1"),
            ev("wichtiger_grund_nachgewiesen", "2023-07-20", bezug="t1"),
            ev("termin_wahrgenommen", "2023-07-24"),
            ev("plan_erstellt", "2023-08-01", plan=VOLLER_PLAN),
            ev(
                "mitwirkung_unterblieben",
                "2023-09-04",
                id="m1",
                mitwirkung="massnahme",
                wichtiger_grund=False,
            ),
            ev("mitwirkung_erbracht", "2023-09-18", mitwirkung="massnahme"),
            ev(
                "mitwirkung_unterblieben",
                "2023-10-02",
                mitwirkung="eigenbemuehungen",
                wichtiger_grund=True,
            ),
            ev("bereitschaft_erklaert", "2023-10-09"),
            ev("plan_fortgeschrieben", "2023-11-06", plan=plan()),
            ev("plan_gescheitert", "2024-01-08"),
            ev("schlichtung_begonnen", "2024-01-15", verlangt_von="beide"),
            ev("schlichtung_beendet", "2024-01-29", einigung=True),
            ev("leistungsbezug_beendet", "2024-06-28"),
            ev("leistungsbezug_aufgenommen", "2024-09-02", x_notiz="XWERT-777"),
        ],
    }


def test_full_case_with_every_event_art_loads():
    obj = voller_fall()
    assert sorted({e["art"] for e in obj["ereignisse"]}) == sorted(ARTEN)
    f = laden(obj)
    assert f.fall == FALL_ID
    assert f.geburtsdatum == dt.date(1987, 6, 5)
    assert f.regelbedarfsstufe == 2
    assert [e.art for e in f.ereignisse] == [e["art"] for e in obj["ereignisse"]]
    assert [e.am for e in f.ereignisse] == [
        dt.date.fromisoformat(e["am"]) for e in obj["ereignisse"]
    ]
    m = f.ereignisse[0]
    assert (m.grund.value, m.prozent, m.beginn, m.stufe, m.tatbestand.value) == (
        "pflichtverletzung",
        20,
        dt.date(2023, 4, 1),
        2,
        "abs1_nr2",
    )
    assert f.ereignisse[2].rfb is True and f.ereignisse[2].id == "e1"
    assert f.ereignisse[3].wichtiger_grund is False
    assert f.ereignisse[4].bezug == "t1"
    p = f.ereignisse[6].plan
    assert p.eingliederungsziel == VOLLER_PLAN["eingliederungsziel"]
    assert list(p.schritte) == VOLLER_PLAN["schritte"]
    assert list(p.leistungen) == ["Vermittlungsbudget"]
    assert list(p.vermittlungsziele) == ["Lager", "Logistik"]
    assert list(p.andere_leistungstraeger) == ["Rentenversicherung"]
    assert list(p.gesundheit) == [f"Reha-Beratung {GEHEIM}"]
    assert list(p.bedarfsgemeinschaft) == ["Kinderbetreuung"]
    assert p.integrationskurs is False and p.reha_bedarf is True
    eb = p.eigenbemuehungen
    assert (eb.art, eb.anzahl, eb.zeitraum.value, eb.nachweis) == (
        "Bewerbungen",
        4,
        "monat",
        f"Liste {GEHEIM}",
    )
    assert f.ereignisse[7].mitwirkung.value == "massnahme"
    assert f.ereignisse[8].mitwirkung.value == "massnahme"
    assert f.ereignisse[9].wichtiger_grund is True
    assert f.ereignisse[13].verlangt_von.value == "beide"
    assert f.ereignisse[14].einigung is True


def test_full_case_loads_from_bytes_and_from_an_object():
    obj = voller_fall()
    aus_bytes = fall_aus_json(json.dumps(obj, ensure_ascii=False).encode("utf-8"))
    aus_objekt = fall_aus_objekt(json.loads(json.dumps(obj)))
    assert len(aus_bytes.ereignisse) == len(aus_objekt.ereignisse) == len(obj["ereignisse"])


def test_full_case_is_decided_after_the_new_benefit_period():
    # docs/fachliches.md section 3: beendet --leistungsbezug_aufgenommen--> erstkontakt; section 4 rule 2: the first
    # invitation of the period goes out without RFB.
    d = entscheide(voller_fall(), "einladung", "2024-09-03")
    assert (d["phase"], d["modus"], d["rfb"]) == ("erstkontakt", "ohne_rfb", False)
    assert d["naechste_ueberpruefung"] is None


def test_contract_example_case_loads():
    f = fall_aus_json((DATEN / "vertrag_beispiel.json").read_bytes())
    assert f.fall == "JC-4711-0001"
    assert [e.art for e in f.ereignisse] == [
        "einladung_versandt",
        "plan_erstellt",
        "mitwirkung_unterblieben",
        "mitwirkung_erbracht",
    ]


def test_optional_fields_may_be_left_out():
    f = laden(
        fall(
            ev("einladung_versandt", "2024-01-08"),
            ev("plan_erstellt", "2024-01-15"),
            ev("plan_fortgeschrieben", "2024-02-15", plan=plan()),
            ev("mitwirkung_erbracht", "2024-03-01"),
            ev(
                "minderung_festgestellt",
                "2024-03-02",
                grund="pflichtverletzung",
                prozent=30,
                beginn="2024-04-01",
            ),
        )
    )
    assert f.ereignisse[0].rfb is False  # default false
    assert f.ereignisse[1].plan is None
    assert f.ereignisse[2].plan.eigenbemuehungen is None
    assert f.ereignisse[3].mitwirkung is None  # without: all outstanding
    assert f.ereignisse[4].stufe is None and f.ereignisse[4].tatbestand is None
    assert f.geburtsdatum is None and f.regelbedarfsstufe is None


def test_empty_event_list_is_allowed():
    assert laden(fall()).ereignisse == ()


@pytest.mark.parametrize("fall_id", ["A", "a.b_c-1", "JC-4711-0001", "X" * 64, "0.0", "___"])
def test_valid_case_ids(fall_id):
    assert laden(fall(fall=fall_id)).fall == fall_id


# -- unknown keys and x_ keys ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("obj", "ort"),
    [
        (fall(fallnummer=1), "fallnummer"),
        (fall(Fall="x"), "Fall"),
        (fall(X_intern=1), "X_intern"),
        (fall(_x=1), "_x"),
        (fall(xintern=1), "xintern"),
        (
            fall(
                ev("plan_gescheitert", "2024-01-08"), ev("plan_gescheitert", "2024-01-09", datum=1)
            ),
            "ereignisse[1].datum",
        ),
        # a field of another art is unknown for this art
        (
            fall(ev("termin_versaeumt", "2024-01-08", wichtiger_grund=False, rfb=True)),
            "ereignisse[0].rfb",
        ),
        (fall(ev("plan_gescheitert", "2024-01-08", plan=plan())), "ereignisse[0].plan"),
        (
            fall(ev("bereitschaft_erklaert", "2024-01-08", mitwirkung="massnahme")),
            "ereignisse[0].mitwirkung",
        ),
        (fall(ev("plan_erstellt", "2024-01-15", plan=plan(ziel="x"))), "ereignisse[0].plan.ziel"),
        (
            fall(ev("plan_erstellt", "2024-01-15", plan=plan(unterschrift=True))),
            "ereignisse[0].plan.unterschrift",
        ),
        (fall(ev("plan_erstellt", "2024-01-15", plan=plan(rfb=True))), "ereignisse[0].plan.rfb"),
        (
            fall(
                ev("plan_gescheitert", "2024-01-08"),
                ev(
                    "plan_fortgeschrieben",
                    "2024-01-15",
                    plan=plan(eigenbemuehungen=eigen(haeufigkeit="oft")),
                ),
            ),
            "ereignisse[1].plan.eigenbemuehungen.haeufigkeit",
        ),
    ],
)
def test_unknown_key_is_refused_with_its_path(obj, ort):
    ungueltig(obj, ort)


def test_x_keys_are_accepted_at_every_level_and_never_output():
    obj = fall(
        ev(
            "plan_erstellt",
            "2024-01-15",
            x_e="XWERT-777",
            plan=plan(x_p={"XWERT-777": [1]}, eigenbemuehungen=eigen(x_eb="XWERT-777")),
        ),
        ev(
            "mitwirkung_unterblieben",
            "2024-03-04",
            mitwirkung="massnahme",
            wichtiger_grund=False,
            x_weitere={"a": None, "b": [True, 1.5]},
        ),
        x_top="XWERT-777",
        x_=None,
    )
    f = laden(obj)
    assert len(f.ereignisse) == 2
    for anliegen in ("einladung", "massnahme", "vermittlungsvorschlag", "eigenbemuehungen"):
        d = entscheide(obj, anliegen, "2024-03-10")
        text = zeile(d)
        assert "XWERT-777" not in text
        assert '"x_' not in text
        assert not any(k.startswith("x_") for k in d)


def test_x_value_of_any_shape_is_ignored():
    # x_ values are the caller's: not checked as dates, ints etc.
    f = laden(fall(x_datum="2024-02-30", x_zahl=4.0, x_bool="false", x_liste=[{}, [], None]))
    assert f.fall == FALL_ID


# -- duplicate keys -------------------------------------------------------------------------

_KOPF = '{"schema": "kooplan/fall/1", "fall": "JC-TEST-0001", '


@pytest.mark.parametrize(
    ("text", "ort", "fall_id"),
    [
        (
            '{"schema": "kooplan/fall/1", "fall": "JC-TEST-0001", "fall": "JC-TEST-0001", '
            '"ereignisse": []}',
            "fall",
            None,
        ),
        (
            '{"schema": "kooplan/fall/1", "fall": "A-1", "ereignisse": [], "fall": "B-2"}',
            "fall",
            None,
        ),
        (_KOPF + '"ereignisse": [], "ereignisse": []}', "ereignisse", FALL_ID),
        # the caller's own key is not named: the error is at the object that holds it
        (_KOPF + '"x_a": 1, "ereignisse": [], "x_a": 1}', None, FALL_ID),
        (
            _KOPF + '"geburtsdatum": "1990-01-01", "geburtsdatum": "1990-01-01", "ereignisse": []}',
            "geburtsdatum",
            FALL_ID,
        ),
        (
            _KOPF + '"ereignisse": [{"art": "plan_gescheitert", "am": "2024-01-08", '
            '"am": "2024-01-09"}]}',
            "ereignisse[0].am",
            FALL_ID,
        ),
        (
            _KOPF + '"ereignisse": [{"art": "plan_gescheitert", "am": "2024-01-08"}, '
            '{"art": "einladung_versandt", "art": "einladung_versandt", "am": "2024-01-09"}]}',
            "ereignisse[1].art",
            FALL_ID,
        ),
        (
            _KOPF + '"ereignisse": [{"art": "plan_erstellt", "am": "2024-01-15", "plan": '
            '{"eingliederungsziel": "Z", "schritte": ["a"], "schritte": ["b"]}}]}',
            "ereignisse[0].plan.schritte",
            FALL_ID,
        ),
        (
            _KOPF + '"ereignisse": [{"art": "plan_erstellt", "am": "2024-01-15", "plan": '
            '{"eingliederungsziel": "Z", "schritte": ["a"], "eigenbemuehungen": {"art": "B", '
            '"anzahl": 4, "anzahl": 5, "zeitraum": "monat", "nachweis": "L"}}}]}',
            "ereignisse[0].plan.eigenbemuehungen.anzahl",
            FALL_ID,
        ),
    ],
)
def test_duplicate_key_is_refused(text, ort, fall_id):
    ungueltig(text, ort, fall_id)


def test_duplicate_key_inside_an_x_value_is_refused():
    err = fehler(_KOPF + '"ereignisse": [], "x_intern": {"k": 1, "k": 2}}')
    assert err.code == "ungueltige_eingabe"


# -- dates ------------------------------------------------------------------------------------

SCHLECHTE_DATEN = [
    "20240115",
    "2024-W03-1",
    "2024-015",
    "2024-1-5",
    "2024-01-5",
    "24-01-15",
    "2024-02-30",
    "2023-02-29",
    "2024-13-01",
    "2024-00-10",
    "2024-01-00",
    "2024-01-15T00:00",
    "2024-01-15T00:00:00Z",
    "2024-01-15 ",
    " 2024-01-15",
    "2024-01-15\n",
    "2024/01/15",
    "15.01.2024",
    "+2024-01-15",
    "２０２４-０１-１５",
    "",
    20240115,
    2024.0115,
    None,
    True,
    [2024, 1, 15],
    {"jahr": 2024},
]


def _mit_datum(feld: str, wert: Any) -> tuple[dict[str, Any], str]:
    if feld == "am":
        obj = fall(ev("plan_gescheitert", "2024-01-08"), {"art": "plan_gescheitert", "am": wert})
        return obj, "ereignisse[1].am"
    if feld == "geburtsdatum":
        return fall(geburtsdatum=wert), "geburtsdatum"
    return (
        fall(
            ev(
                "minderung_festgestellt",
                "2024-01-08",
                grund="meldeversaeumnis",
                prozent=10,
                beginn=wert,
            )
        ),
        "ereignisse[0].beginn",
    )


@pytest.mark.parametrize("feld", ["am", "geburtsdatum", "beginn"])
@pytest.mark.parametrize("wert", SCHLECHTE_DATEN, ids=repr)
def test_dates_must_be_exactly_yyyy_mm_dd(feld, wert):
    obj, ort = _mit_datum(feld, wert)
    ungueltig(obj, ort)


@pytest.mark.parametrize("feld", ["am", "geburtsdatum", "beginn"])
@pytest.mark.parametrize("wert", ["2024-02-29", "2024-12-31", "2023-07-01"])
def test_valid_dates_are_accepted(feld, wert):
    obj, _ = _mit_datum(feld, wert)
    laden(obj)


# -- no coercion ------------------------------------------------------------------------------

_EB_PLAN = "ereignisse[0].plan.eigenbemuehungen"


@pytest.mark.parametrize(
    ("obj", "ort"),
    [
        # booleans are JSON true/false only
        (
            fall(ev("termin_versaeumt", "2024-01-08", wichtiger_grund="false")),
            "ereignisse[0].wichtiger_grund",
        ),
        (
            fall(ev("termin_versaeumt", "2024-01-08", wichtiger_grund=0)),
            "ereignisse[0].wichtiger_grund",
        ),
        (
            fall(ev("termin_versaeumt", "2024-01-08", wichtiger_grund=None)),
            "ereignisse[0].wichtiger_grund",
        ),
        (
            fall(
                ev(
                    "mitwirkung_unterblieben",
                    "2024-01-08",
                    mitwirkung="massnahme",
                    wichtiger_grund="true",
                )
            ),
            "ereignisse[0].wichtiger_grund",
        ),
        (fall(ev("einladung_versandt", "2024-01-08", rfb="false")), "ereignisse[0].rfb"),
        (fall(ev("einladung_versandt", "2024-01-08", rfb=1)), "ereignisse[0].rfb"),
        (fall(ev("schlichtung_beendet", "2024-01-08", einigung="ja")), "ereignisse[0].einigung"),
        (
            fall(ev("plan_erstellt", "2024-01-15", plan=plan(integrationskurs="false"))),
            "ereignisse[0].plan.integrationskurs",
        ),
        (
            fall(ev("plan_erstellt", "2024-01-15", plan=plan(reha_bedarf=0))),
            "ereignisse[0].plan.reha_bedarf",
        ),
        # integers are JSON integers only
        (
            fall(ev("plan_erstellt", "2024-01-15", plan=plan(eigenbemuehungen=eigen(anzahl=4.0)))),
            f"{_EB_PLAN}.anzahl",
        ),
        (
            fall(ev("plan_erstellt", "2024-01-15", plan=plan(eigenbemuehungen=eigen(anzahl="4")))),
            f"{_EB_PLAN}.anzahl",
        ),
        (
            fall(ev("plan_erstellt", "2024-01-15", plan=plan(eigenbemuehungen=eigen(anzahl=True)))),
            f"{_EB_PLAN}.anzahl",
        ),
        (
            fall(ev("plan_erstellt", "2024-01-15", plan=plan(eigenbemuehungen=eigen(anzahl=4.5)))),
            f"{_EB_PLAN}.anzahl",
        ),
        (
            fall(
                ev(
                    "minderung_festgestellt",
                    "2024-01-08",
                    grund="meldeversaeumnis",
                    prozent=10.0,
                    beginn="2024-02-01",
                )
            ),
            "ereignisse[0].prozent",
        ),
        (
            fall(
                ev(
                    "minderung_festgestellt",
                    "2024-01-08",
                    grund="meldeversaeumnis",
                    prozent="10",
                    beginn="2024-02-01",
                )
            ),
            "ereignisse[0].prozent",
        ),
        (
            fall(
                ev(
                    "minderung_festgestellt",
                    "2024-01-08",
                    grund="meldeversaeumnis",
                    prozent=True,
                    beginn="2024-02-01",
                )
            ),
            "ereignisse[0].prozent",
        ),
        (
            fall(
                ev(
                    "minderung_festgestellt",
                    "2024-01-08",
                    grund="pflichtverletzung",
                    prozent=10,
                    beginn="2024-02-01",
                    stufe=1.0,
                )
            ),
            "ereignisse[0].stufe",
        ),
        (
            fall(
                ev(
                    "minderung_festgestellt",
                    "2024-01-08",
                    grund="pflichtverletzung",
                    prozent=10,
                    beginn="2024-02-01",
                    stufe=True,
                )
            ),
            "ereignisse[0].stufe",
        ),
        (fall(regelbedarfsstufe=True), "regelbedarfsstufe"),
        (fall(regelbedarfsstufe="1"), "regelbedarfsstufe"),
        (fall(regelbedarfsstufe=1.0), "regelbedarfsstufe"),
        # ranges
        (fall(regelbedarfsstufe=0), "regelbedarfsstufe"),
        (fall(regelbedarfsstufe=5), "regelbedarfsstufe"),
        (
            fall(
                ev(
                    "minderung_festgestellt",
                    "2024-01-08",
                    grund="pflichtverletzung",
                    prozent=10,
                    beginn="2024-02-01",
                    stufe=4,
                )
            ),
            "ereignisse[0].stufe",
        ),
        (
            fall(ev("plan_erstellt", "2024-01-15", plan=plan(eigenbemuehungen=eigen(anzahl=0)))),
            f"{_EB_PLAN}.anzahl",
        ),
        # strings and lists
        (
            fall(ev("plan_erstellt", "2024-01-15", plan=plan(eingliederungsziel=5))),
            "ereignisse[0].plan.eingliederungsziel",
        ),
        (
            fall(ev("plan_erstellt", "2024-01-15", plan=plan(schritte="Staplerschein"))),
            "ereignisse[0].plan.schritte",
        ),
        (
            fall(ev("plan_erstellt", "2024-01-15", plan=plan(leistungen="x"))),
            "ereignisse[0].plan.leistungen",
        ),
        (fall(ev("plan_erstellt", "2024-01-15", plan=[])), "ereignisse[0].plan"),
        (
            fall(ev("plan_erstellt", "2024-01-15", plan=plan(eigenbemuehungen="4 je Monat"))),
            f"{_EB_PLAN}",
        ),
        (fall(ev("plan_gescheitert", "2024-01-08", id=5)), "ereignisse[0].id"),
        (
            fall(
                ev("termin_versaeumt", "2024-01-08", wichtiger_grund=False, id="t1"),
                ev("wichtiger_grund_nachgewiesen", "2024-01-09", bezug=1),
            ),
            "ereignisse[1].bezug",
        ),
        (fall(ev("plan_gescheitert", "2024-01-08"), "plan_gescheitert"), "ereignisse[1]"),
        (
            {
                "schema": "kooplan/fall/1",
                "fall": FALL_ID,
                "ereignisse": {"art": "plan_gescheitert", "am": "2024-01-08"},
            },
            "ereignisse",
        ),
    ],
)
def test_no_coercion_and_types_are_checked(obj, ort):
    ungueltig(obj, ort)


@pytest.mark.parametrize("konstante", ["NaN", "Infinity", "-Infinity"])
def test_nan_and_infinity_are_not_json(konstante):
    err = fehler(_KOPF + f'"regelbedarfsstufe": {konstante}, "ereignisse": []}}')
    assert err.code == "ungueltige_eingabe"


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "{",
        "[]",
        "null",
        "42",
        '"JC-1"',
        "{'schema': 'kooplan/fall/1'}",
        '{"schema": "kooplan/fall/1",}',
        b"\xff\xfe\x00{",
    ],
    ids=repr,
)
def test_non_object_or_non_json_input_is_refused_without_a_case(text):
    err = fehler(text)
    assert err.code == "ungueltige_eingabe"
    assert err.fall is None


# -- required fields --------------------------------------------------------------------------


def _ohne(obj: dict[str, Any], *pfad: Any) -> dict[str, Any]:
    obj = copy.deepcopy(obj)
    ziel = obj
    for p in pfad[:-1]:
        ziel = ziel[p]
    del ziel[pfad[-1]]
    return obj


_MINDERUNG = ev(
    "minderung_festgestellt",
    "2024-01-08",
    grund="pflichtverletzung",
    prozent=10,
    beginn="2024-02-01",
)
_UNTERBLIEBEN = ev(
    "mitwirkung_unterblieben", "2024-01-08", mitwirkung="massnahme", wichtiger_grund=False
)


@pytest.mark.parametrize(
    ("obj", "ort", "fall_id"),
    [
        (_ohne(fall(), "schema"), "schema", FALL_ID),
        (_ohne(fall(), "fall"), "fall", None),
        (_ohne(fall(), "ereignisse"), "ereignisse", FALL_ID),
        (
            _ohne(fall(ev("plan_gescheitert", "2024-01-08")), "ereignisse", 0, "art"),
            "ereignisse[0].art",
            FALL_ID,
        ),
        (
            _ohne(fall(ev("plan_gescheitert", "2024-01-08")), "ereignisse", 0, "am"),
            "ereignisse[0].am",
            FALL_ID,
        ),
        (
            _ohne(fall(_UNTERBLIEBEN), "ereignisse", 0, "mitwirkung"),
            "ereignisse[0].mitwirkung",
            FALL_ID,
        ),
        (
            _ohne(fall(_UNTERBLIEBEN), "ereignisse", 0, "wichtiger_grund"),
            "ereignisse[0].wichtiger_grund",
            FALL_ID,
        ),
        (fall(ev("termin_versaeumt", "2024-01-08")), "ereignisse[0].wichtiger_grund", FALL_ID),
        (fall(ev("schlichtung_begonnen", "2024-01-08")), "ereignisse[0].verlangt_von", FALL_ID),
        (fall(ev("schlichtung_beendet", "2024-01-08")), "ereignisse[0].einigung", FALL_ID),
        (fall(ev("wichtiger_grund_nachgewiesen", "2024-01-08")), "ereignisse[0].bezug", FALL_ID),
        (_ohne(fall(_MINDERUNG), "ereignisse", 0, "grund"), "ereignisse[0].grund", FALL_ID),
        (_ohne(fall(_MINDERUNG), "ereignisse", 0, "prozent"), "ereignisse[0].prozent", FALL_ID),
        (_ohne(fall(_MINDERUNG), "ereignisse", 0, "beginn"), "ereignisse[0].beginn", FALL_ID),
        (
            fall(ev("plan_erstellt", "2024-01-15", plan={"schritte": ["a"]})),
            "ereignisse[0].plan.eingliederungsziel",
            FALL_ID,
        ),
        (
            fall(ev("plan_fortgeschrieben", "2024-01-15", plan={"eingliederungsziel": "Z"})),
            "ereignisse[0].plan.schritte",
            FALL_ID,
        ),
        *[
            (
                fall(
                    ev("plan_erstellt", "2024-01-15", plan=plan(eigenbemuehungen=_ohne(eigen(), k)))
                ),
                f"{_EB_PLAN}.{k}",
                FALL_ID,
            )
            for k in ("art", "anzahl", "zeitraum", "nachweis")
        ],
    ],
)
def test_missing_required_field(obj, ort, fall_id):
    ungueltig(obj, ort, fall_id)


# -- enums ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("obj", "ort"),
    [
        (fall(schema="kooplan/fall/2"), "schema"),
        (fall(schema="kooplan/entscheidung/1"), "schema"),
        (fall(ev("plan_erstellen", "2024-01-15")), "ereignisse[0].art"),
        (fall(ev("Plan_erstellt", "2024-01-15")), "ereignisse[0].art"),
        (fall(ev("termin_verschoben", "2024-01-15", bezug="x")), "ereignisse[0].art"),
        (fall({"art": None, "am": "2024-01-15"}), "ereignisse[0].art"),
        (
            fall(
                ev(
                    "mitwirkung_unterblieben",
                    "2024-01-08",
                    mitwirkung="Massnahme",
                    wichtiger_grund=False,
                )
            ),
            "ereignisse[0].mitwirkung",
        ),
        (
            fall(
                ev(
                    "mitwirkung_unterblieben",
                    "2024-01-08",
                    mitwirkung="termin",
                    wichtiger_grund=False,
                )
            ),
            "ereignisse[0].mitwirkung",
        ),
        (
            fall(ev("mitwirkung_erbracht", "2024-01-08", mitwirkung="alle")),
            "ereignisse[0].mitwirkung",
        ),
        (
            fall(ev("mitwirkung_erbracht", "2024-01-08", mitwirkung=None)),
            "ereignisse[0].mitwirkung",
        ),
        (
            fall(ev("schlichtung_begonnen", "2024-01-08", verlangt_von="jc")),
            "ereignisse[0].verlangt_von",
        ),
        (
            fall(
                ev(
                    "minderung_festgestellt",
                    "2024-01-08",
                    grund="sanktion",
                    prozent=10,
                    beginn="2024-02-01",
                )
            ),
            "ereignisse[0].grund",
        ),
        (
            fall(
                ev(
                    "minderung_festgestellt",
                    "2024-01-08",
                    grund="pflichtverletzung",
                    prozent=10,
                    beginn="2024-02-01",
                    tatbestand="abs3_nr1",
                )
            ),
            "ereignisse[0].tatbestand",
        ),
        (
            fall(
                ev(
                    "plan_erstellt",
                    "2024-01-15",
                    plan=plan(eigenbemuehungen=eigen(zeitraum="jahr")),
                )
            ),
            f"{_EB_PLAN}.zeitraum",
        ),
        (
            fall(
                ev(
                    "plan_erstellt",
                    "2024-01-15",
                    plan=plan(eigenbemuehungen=eigen(zeitraum="Monat")),
                )
            ),
            f"{_EB_PLAN}.zeitraum",
        ),
    ],
)
def test_wrong_enum_value(obj, ort):
    ungueltig(obj, ort)


# -- the case id ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "fall_id",
    [
        "",
        "X" * 65,
        "JC 4711",
        "JC/4711",
        "JC-4711\n",
        "JC:1",
        "JC#1",
        4711,
        None,
        ["JC-1"],
        {"id": "JC-1"},
        True,
    ],
    ids=repr,
)
def test_invalid_case_id_is_reported_with_fall_null(fall_id):
    ungueltig(fall(fall=fall_id), "fall", None)


def test_invalid_case_id_stays_null_when_another_fault_comes_first():
    obj = {
        "schema": "kooplan/fall/1",
        "ereignisse": [{"art": "plan_gescheitert", "am": "2024-1-8"}],
        "fall": "kein gültiger Fall",
    }
    ungueltig(obj, "ereignisse[0].am", None)


@pytest.mark.parametrize(
    "obj",
    [
        fall(ev("plan_gescheitert", "2024-01-08", x=1)),
        fall(ev("plan_erstellt", "2024-01-15", plan={"schritte": []})),
        fall(geburtsdatum="1987-13-01"),
        fall(schema="kooplan/fall/0"),
    ],
)
def test_errors_of_a_valid_case_carry_its_id(obj):
    err = fehler(obj)
    assert err.fall == FALL_ID
    assert fehler_als_dict(err)["fall"] == FALL_ID


def test_decision_errors_carry_the_case_id():
    unzulaessig = entscheide_fehler(
        fall(ev("plan_erstellt", "2023-10-02"), ev("mitwirkung_erbracht", "2023-12-11")),
        "massnahme",
        "2024-01-01",
    )
    assert (unzulaessig.code, unzulaessig.fall) == ("unzulaessiger_uebergang", FALL_ID)
    assert isinstance(unzulaessig, kooplan.UnzulaessigerUebergang)
    frueh = entscheide_fehler(fall(), "einladung", "2023-06-30")
    assert (frueh.code, frueh.fall) == ("rechtsstand_nicht_abgedeckt", FALL_ID)
    beendet = entscheide_fehler(
        fall(ev("leistungsbezug_beendet", "2024-01-10")), "einladung", "2024-02-01"
    )
    assert (beendet.code, beendet.fall) == ("leistungsbezug_beendet", FALL_ID)


# -- the first fault in document order --------------------------------------------------------


@pytest.mark.parametrize(
    ("obj", "ort"),
    [
        pytest.param(
            fall(ev("plan_gescheitert", "2024-1-8"), ev("plan_erstellen", "2024-01-09")),
            "ereignisse[0].am",
            id="two-faulty-events",
        ),
        pytest.param(
            fall(
                ev("plan_gescheitert", "2024-01-08"),
                ev("plan_gescheitert", "2024-01-09", y=1),
                ev("plan_gescheitert", "2024-01-10", x=1),
            ),
            "ereignisse[1].y",
            id="second-event-before-third",
        ),
        pytest.param(
            fall({"art": "termin_versaeumt", "am": "2024-1-8", "wichtiger_grund": "nein"}),
            "ereignisse[0].am",
            id="am-before-wichtiger_grund",
        ),
        pytest.param(
            fall({"wichtiger_grund": "nein", "art": "termin_versaeumt", "am": "2024-1-8"}),
            "ereignisse[0].wichtiger_grund",
            id="wichtiger_grund-before-am",
        ),
        pytest.param(
            {
                "geburtsdatum": "1987-6-5",
                "schema": "kooplan/fall/9",
                "fall": FALL_ID,
                "ereignisse": [],
            },
            "geburtsdatum",
            id="geburtsdatum-before-schema",
        ),
        pytest.param(
            {
                "schema": "kooplan/fall/9",
                "geburtsdatum": "1987-6-5",
                "fall": FALL_ID,
                "ereignisse": [],
            },
            "schema",
            id="schema-before-geburtsdatum",
        ),
        pytest.param(
            {
                "schema": "kooplan/fall/1",
                "fall": FALL_ID,
                "zusatz": 1,
                "ereignisse": [ev("plan_gescheitert", "2024-1-8")],
            },
            "zusatz",
            id="unknown-key-before-events",
        ),
        pytest.param(
            {
                "schema": "kooplan/fall/1",
                "fall": FALL_ID,
                "ereignisse": [ev("plan_gescheitert", "2024-1-8")],
                "zusatz": 1,
            },
            "ereignisse[0].am",
            id="events-before-unknown-key",
        ),
        pytest.param(
            fall(
                ev("plan_erstellt", "2024-01-15", plan={"schritte": ["a"], "ziel": "Z"}),
                ev("plan_gescheitert", "2024-1-8"),
            ),
            "ereignisse[0].plan.ziel",
            id="plan-before-later-event",
        ),
        pytest.param(
            fall(
                ev("termin_versaeumt", "2024-01-08", wichtiger_grund=False, id="t1"),
                ev("wichtiger_grund_nachgewiesen", "2024-01-09", bezug="t9"),
                ev("plan_gescheitert", "2024-1-10"),
            ),
            "ereignisse[1].bezug",
            id="bezug-before-later-event",
        ),
        pytest.param(
            fall(ev("eingliederungsvereinbarung", "2024-01-08", notiz="x")),
            "ereignisse[0].am",
            id="ev-date-before-unknown-key",
        ),
        pytest.param(
            fall(
                ev(
                    "minderung_festgestellt",
                    "2024-01-08",
                    grund="pflichtverletzung",
                    prozent=15,
                    beginn="2024-2-1",
                )
            ),
            "ereignisse[0].prozent",
            id="prozent-before-beginn",
        ),
        pytest.param(
            fall(
                ev(
                    "plan_erstellt",
                    "2024-01-15",
                    plan={"eingliederungsziel": "Z", "schritte": [], "ziel": "Z"},
                )
            ),
            "ereignisse[0].plan.schritte",
            id="empty-schritte-before-unknown-key",
        ),
        pytest.param(
            '{"schema": "kooplan/fall/1", "fall": "JC-TEST-0001", "geburtsdatum": "1987-6-5", '
            '"ereignisse": [], "regelbedarfsstufe": 1, "regelbedarfsstufe": 2}',
            "geburtsdatum",
            id="bad-value-before-duplicate-key",
        ),
    ],
)
def test_first_fault_in_document_order_is_reported(obj, ort):
    ungueltig(obj, ort)


# -- ids and bezug ----------------------------------------------------------------------------

_T1 = ev("termin_versaeumt", "2024-01-08", wichtiger_grund=False, id="t1")


@pytest.mark.parametrize(
    ("obj", "ort"),
    [
        pytest.param(
            fall(_T1, ev("wichtiger_grund_nachgewiesen", "2024-01-10", bezug="t2")),
            "ereignisse[1].bezug",
            id="unknown",
        ),
        pytest.param(
            fall(ev("wichtiger_grund_nachgewiesen", "2024-01-05", bezug="t1"), _T1),
            "ereignisse[0].bezug",
            id="later-date-later-input",
        ),
        pytest.param(
            fall(ev("wichtiger_grund_nachgewiesen", "2024-01-08", bezug="t1"), _T1),
            "ereignisse[0].bezug",
            id="same-day-later-input",
        ),
        pytest.param(
            fall(
                ev("termin_versaeumt", "2024-01-20", wichtiger_grund=False, id="t1"),
                ev("wichtiger_grund_nachgewiesen", "2024-01-10", bezug="t1"),
            ),
            "ereignisse[1].bezug",
            id="earlier-input-but-later-date",
        ),
        pytest.param(
            fall(ev("wichtiger_grund_nachgewiesen", "2024-01-08", id="w", bezug="w")),
            "ereignisse[0].bezug",
            id="itself",
        ),
        pytest.param(
            fall(
                ev("plan_erstellt", "2024-01-02", id="p"),
                ev("wichtiger_grund_nachgewiesen", "2024-01-08", bezug="p"),
            ),
            "ereignisse[1].bezug",
            id="plan_erstellt",
        ),
        pytest.param(
            fall(
                ev("einladung_versandt", "2024-01-02", id="e"),
                ev("wichtiger_grund_nachgewiesen", "2024-01-08", bezug="e"),
            ),
            "ereignisse[1].bezug",
            id="einladung_versandt",
        ),
        pytest.param(
            fall(
                _T1,
                ev("wichtiger_grund_nachgewiesen", "2024-01-09", id="w", bezug="t1"),
                ev("wichtiger_grund_nachgewiesen", "2024-01-10", bezug="w"),
            ),
            "ereignisse[2].bezug",
            id="another-nachweis",
        ),
        pytest.param(
            fall(_T1, ev("plan_gescheitert", "2024-01-09", id="t1")),
            "ereignisse[1].id",
            id="duplicate-id",
        ),
        pytest.param(
            fall(
                _T1,
                ev("termin_versaeumt", "2024-01-09", wichtiger_grund=False, id="t1"),
                ev("wichtiger_grund_nachgewiesen", "2024-01-10", bezug="t1"),
            ),
            "ereignisse[1].id",
            id="duplicate-id-of-a-bezug-target",
        ),
    ],
)
def test_bezug_and_id_faults_are_reported_at_the_field(obj, ort):
    ungueltig(obj, ort)


def test_bezug_follows_fold_order_not_input_order():
    # the referenced miss is later in the input but earlier in date: earlier in fold order
    f = laden(
        fall(
            ev("wichtiger_grund_nachgewiesen", "2024-01-10", bezug="m1"),
            ev(
                "mitwirkung_unterblieben",
                "2024-01-08",
                id="m1",
                mitwirkung="massnahme",
                wichtiger_grund=False,
            ),
        )
    )
    assert f.ereignisse[0].bezug == "m1"


@pytest.mark.parametrize("ziel", [_T1, _UNTERBLIEBEN | {"id": "t1"}])
def test_bezug_to_a_miss_is_accepted(ziel):
    laden(fall(ziel, ev("wichtiger_grund_nachgewiesen", "2024-01-10", bezug="t1")))


# -- history before 1.7.2023 (docs/fachliches.md section 2) --------------------------------------------------


@pytest.mark.parametrize("am", ["2023-07-01", "2023-07-02", "2024-01-01"])
def test_eingliederungsvereinbarung_from_1_7_2023_is_invalid(am):
    ungueltig(fall(ev("eingliederungsvereinbarung", am)), "ereignisse[0].am")


def test_eingliederungsvereinbarung_before_1_7_2023_is_history():
    f = laden(fall(ev("eingliederungsvereinbarung", "2023-06-30")))
    assert f.ereignisse[0].art == "eingliederungsvereinbarung"


def test_old_agreement_governs_until_the_first_plan():
    obj = fall(ev("eingliederungsvereinbarung", "2023-05-02"))
    err = entscheide_fehler(obj, "einladung", "2023-09-01")
    assert (err.code, err.fall) == ("rechtsstand_nicht_abgedeckt", FALL_ID)
    # at the latest until 31.12.2023
    assert entscheide(obj, "einladung", "2024-01-02")["phase"] == "erstkontakt"
    # the first plan ends it
    obj["ereignisse"].append(ev("plan_erstellt", "2023-10-02"))
    assert entscheide(obj, "massnahme", "2023-10-03")["phase"] == "kooperation"


def test_other_events_before_1_7_2023_are_refused_at_their_date():
    err = entscheide_fehler(
        fall(ev("plan_erstellt", "2023-10-02"), ev("plan_gescheitert", "2023-06-30")),
        "einladung",
        "2024-01-01",
    )
    assert err.code == "rechtsstand_nicht_abgedeckt"
    assert err.ort == "ereignisse[1].am"
    assert err.fall == FALL_ID


def test_event_long_before_1_7_2023_is_refused_as_not_covered():
    with pytest.raises(kooplan.KooplanError) as info:
        kooplan.entscheide(
            laden(fall(ev("plan_gescheitert", "2004-12-31"))), "einladung", dt.date(2024, 1, 2)
        )
    assert info.value.code == "rechtsstand_nicht_abgedeckt"
    assert info.value.ort == "ereignisse[0].am"


def test_minderung_before_1_7_2023_is_history():
    d = entscheide(
        fall(
            ev(
                "minderung_festgestellt",
                "2023-02-01",
                grund="pflichtverletzung",
                prozent=10,
                beginn="2023-03-01",
            ),
            ev("plan_erstellt", "2023-10-02"),
        ),
        "eigenbemuehungen",
        "2023-11-01",
    )
    assert (d["phase"], d["modus"]) == ("kooperation", "ohne_rfb")


@pytest.mark.parametrize("stichtag", ["2023-06-30", "2023-01-01", "2005-01-01"])
def test_stichtag_before_1_7_2023_is_not_covered(stichtag):
    err = entscheide_fehler(fall(), "einladung", stichtag)
    assert err.code == "rechtsstand_nicht_abgedeckt"


# -- minderung_festgestellt: prozent and stufe (docs/fachliches.md section 6) ---------------------------------


@pytest.mark.parametrize("prozent", [15, 5, 40, 100])
def test_pflichtverletzung_prozent_without_stufe_must_give_the_step(prozent):
    ungueltig(
        fall(
            ev(
                "minderung_festgestellt",
                "2024-01-08",
                grund="pflichtverletzung",
                prozent=prozent,
                beginn="2024-02-01",
            )
        ),
        "ereignisse[0].prozent",
    )


@pytest.mark.parametrize(
    ("prozent", "stufe"), [(15, 2), (10, None), (20, None), (30, None), (30, 3), (25, 1)]
)
def test_pflichtverletzung_prozent_with_stufe_or_standard_rate_is_valid(prozent, stufe):
    e = ev(
        "minderung_festgestellt",
        "2024-01-08",
        grund="pflichtverletzung",
        prozent=prozent,
        beginn="2024-02-01",
    )
    if stufe is not None:
        e["stufe"] = stufe
    m = laden(fall(e)).ereignisse[0]
    assert m.prozent == prozent and m.stufe == stufe


# -- the plan (docs/fachliches.md section 7) ------------------------------------------------------------------


@pytest.mark.parametrize("art", ["plan_erstellt", "plan_fortgeschrieben"])
@pytest.mark.parametrize(
    ("p", "feld"),
    [
        ({"eingliederungsziel": "Z", "schritte": []}, "schritte"),
        ({"schritte": ["a"]}, "eingliederungsziel"),
        ({"eingliederungsziel": "", "schritte": ["a"]}, "eingliederungsziel"),
        ({"eingliederungsziel": "   ", "schritte": ["a"]}, "eingliederungsziel"),
        ({"eingliederungsziel": None, "schritte": ["a"]}, "eingliederungsziel"),
        ({"eingliederungsziel": "Z", "schritte": None}, "schritte"),
        ({}, "eingliederungsziel"),
    ],
)
def test_plan_without_goal_or_step_is_invalid(art, p, feld):
    ungueltig(fall(ev(art, "2024-01-15", plan=p)), f"ereignisse[0].plan.{feld}")


@pytest.mark.parametrize("eintrag", [5, None, ["a"], {"a": 1}])
def test_plan_step_entries_must_be_strings(eintrag):
    err = fehler(
        fall(
            ev(
                "plan_erstellt",
                "2024-01-15",
                plan={"eingliederungsziel": "Z", "schritte": ["a", eintrag]},
            )
        )
    )
    assert err.code == "ungueltige_eingabe"
    assert err.ort in ("ereignisse[0].plan.schritte[1]", "ereignisse[0].plan.schritte")


# -- privacy: no birth date, no plan text in any error ------------------------------------------


def _verraet(text: str) -> list[str]:
    return [s for s in (GEHEIM, *GEB_FORMEN) if s in text]


def _privat(obj: dict[str, Any]) -> dict[str, Any]:
    obj = copy.deepcopy(obj)
    obj.setdefault("geburtsdatum", GEBURTSDATUM)
    return obj


_P = f"{GEHEIM} Text"
PRIVATE_FEHLER = [
    # the birth date itself is faulty
    fall(geburtsdatum="1987-06-31"),
    fall(geburtsdatum="1987-6-5"),
    fall(geburtsdatum="05.06.1987"),
    fall(geburtsdatum="1987-06-05T00:00"),
    fall(geburtsdatum=19870605),
    fall(geburtsdatum="1887-06-05"),
    # plan texts in the wrong place or with a fault elsewhere
    fall(ev("plan_erstellt", "2024-01-15", plan={"eingliederungsziel": _P})),
    fall(ev("plan_erstellt", "2024-01-15", plan={"eingliederungsziel": _P, "schritte": _P})),
    fall(ev("plan_erstellt", "2024-01-15", plan={"eingliederungsziel": [_P], "schritte": [_P]})),
    fall(ev("plan_erstellt", "2024-01-15", plan={"eingliederungsziel": _P, "schritte": [_P, 1]})),
    fall(ev("plan_erstellt", "2024-01-15", plan={"eingliederungsziel": _P, "schritte": []})),
    fall(ev("plan_erstellt", "2024-01-15", plan=plan(eigenbemuehungen=eigen(anzahl=0)))),
    fall(ev("plan_erstellt", "2024-01-15", plan=plan(eigenbemuehungen=eigen(zeitraum=_P)))),
    fall(ev("plan_erstellt", "2024-01-15", plan=plan(eigenbemuehungen=eigen(art=5)))),
    fall(ev("plan_erstellt", "2024-01-15", plan=plan(leistungen=_P))),
    fall(ev("plan_erstellt", "2024-01-15", plan=plan(gesundheit=[_P, None]))),
    fall(ev("plan_erstellt", "2024-01-15", plan=plan(integrationskurs=_P))),
    fall(ev("plan_erstellt", "2024-01-15", plan=plan()), ev("plan_gescheitert", "1887-06-05")),
    fall(ev("plan_erstellt", "2024-01-15", plan=plan()), ev("plan_gescheitert", _P)),
    fall(ev("mitwirkung_unterblieben", "2024-01-08", mitwirkung=_P, wichtiger_grund=False)),
    fall(ev(_P, "2024-01-08")),
    fall(schema=_P),
    fall(fall=_P),
    fall(fall=f"{GEHEIM} {GEBURTSDATUM}"),
    fall(ev("plan_erstellt", "2024-01-15", plan=plan()), regelbedarfsstufe=_P),
]


@pytest.mark.parametrize("obj", PRIVATE_FEHLER, ids=range(len(PRIVATE_FEHLER)))
def test_errors_never_contain_birth_date_or_plan_text(obj):
    err = fehler(_privat(obj))
    assert err.code == "ungueltige_eingabe"
    for text in (err.meldung, err.ort or "", str(err), repr(err), zeile(fehler_als_dict(err, 7))):
        assert not _verraet(text), text


@pytest.mark.parametrize(
    "text",
    [
        '{"schema": "kooplan/fall/1", "fall": "JC-1", "geburtsdatum": "1987-06-05", "ereignisse": '
        '[{"art": "plan_erstellt", "am": "2024-01-15", "plan": {"eingliederungsziel": "GEHEIM-1234',
        '{"schema": "kooplan/fall/1", "fall": "JC-1", "geburtsdatum": "1987-06-05" '
        '"ereignisse": []}',
        '{"schema": "kooplan/fall/1", "fall": "JC-1", "geburtsdatum": 1987-06-05, '
        '"ereignisse": []}',
        '{"schema": "kooplan/fall/1", "fall": "JC-1", "x": "GEHEIM-1234\x01"}',
        '{"schema": "kooplan/fall/1", "fall": "JC-1", "x": "GEHEIM-1234\\q"}',
        '{"schema": "kooplan/fall/1", "fall": "JC-1", "geburtsdatum": "1987-06-05", '
        '"ereignisse": []} GEHEIM-1234',
        b'{"schema": "kooplan/fall/1", "fall": "JC-1", "x": "GEHEIM-1234\xff"}',
    ],
)
def test_syntax_errors_never_echo_the_input(text):
    err = fehler(text)
    assert err.code == "ungueltige_eingabe"
    for t in (err.meldung, err.ort or "", str(err), repr(err)):
        assert not _verraet(t), t


def _privater_fall(*ereignisse: dict[str, Any]) -> dict[str, Any]:
    return fall(
        ev("plan_erstellt", "2024-01-15", plan=plan(eigenbemuehungen=eigen())),
        *ereignisse,
        geburtsdatum=GEBURTSDATUM,
    )


@pytest.mark.parametrize(
    ("obj", "stichtag", "code"),
    [
        (
            _privater_fall(ev("mitwirkung_erbracht", "2024-02-01")),
            "2024-03-01",
            "unzulaessiger_uebergang",
        ),
        (_privater_fall(), "2023-06-30", "rechtsstand_nicht_abgedeckt"),
        (
            _privater_fall(ev("leistungsbezug_beendet", "2024-02-01")),
            "2024-03-01",
            "leistungsbezug_beendet",
        ),
        (
            _privater_fall(ev("plan_gescheitert", "2023-06-05")),
            "2024-03-01",
            "rechtsstand_nicht_abgedeckt",
        ),
    ],
)
def test_decision_errors_never_contain_birth_date_or_plan_text(obj, stichtag, code):
    err = entscheide_fehler(obj, "massnahme", stichtag)
    assert err.code == code
    for text in (err.meldung, err.ort or "", str(err), repr(err), zeile(fehler_als_dict(err))):
        assert not _verraet(text), text


def test_case_and_plan_repr_hide_personal_data():
    f = laden(_privater_fall())
    assert not _verraet(repr(f))
    assert not _verraet(repr(f.ereignisse[0]))
    assert not _verraet(repr(f.ereignisse[0].plan))


@pytest.mark.parametrize(
    "anliegen", ["einladung", "massnahme", "vermittlungsvorschlag", "eigenbemuehungen"]
)
@pytest.mark.parametrize("stichtag", ["2024-02-01", "2026-08-03"])
def test_decisions_never_contain_birth_date_or_plan_text(anliegen, stichtag):
    obj = _privater_fall(
        ev("mitwirkung_unterblieben", "2024-01-20", mitwirkung="massnahme", wichtiger_grund=False)
    )
    assert not _verraet(zeile(entscheide(obj, anliegen, stichtag)))


# -- the decision (output) ---------------------------------------------------------------------

BEISPIEL_FAELLE = {
    # a case like the example of the contract page (docs/vertrag.md), with a Mitwirkung done later
    "vertrag": (
        json.loads((DATEN / "vertrag_beispiel.json").read_text("utf-8")),
        "massnahme",
        "2024-03-10",
    ),
    "erstkontakt": (fall(), "einladung", "2023-09-04"),
    "kooperation": (fall(ev("plan_erstellt", "2023-10-02")), "eigenbemuehungen", "2023-11-01"),
    "ohne_plan": (
        fall(ev("plan_gescheitert", "2025-05-02")),
        "vermittlungsvorschlag",
        "2025-05-06",
    ),
    "schlichtung": (
        fall(
            ev("plan_erstellt", "2025-03-03"),
            ev("schlichtung_begonnen", "2025-05-05", verlangt_von="jobcenter"),
        ),
        "massnahme",
        "2025-05-20",
    ),
    "regime_c": (
        fall(
            ev("plan_erstellt", "2026-07-06"),
            ev(
                "mitwirkung_unterblieben",
                "2026-10-05",
                mitwirkung="massnahme",
                wichtiger_grund=False,
            ),
        ),
        "massnahme",
        "2026-10-07",
    ),
}


@pytest.mark.parametrize("name", list(BEISPIEL_FAELLE))
def test_decision_keys_in_contract_order(name):
    obj, anliegen, stichtag = BEISPIEL_FAELLE[name]
    d = entscheide(obj, anliegen, stichtag)
    schluessel = list(d)
    if not kooplan.__version__.startswith("0.1"):
        schluessel = [k for k in schluessel if k != "rechtsfolgen"]
    assert schluessel == ENTSCHEIDUNG_SCHLUESSEL
    # the serialized line keeps the order
    assert list(json.loads(zeile(d))) == list(d)
    assert d["schema"] == "kooplan/entscheidung/1"
    assert d["anliegen"] == anliegen
    assert d["stichtag"] == stichtag
    assert d["faellig"] == stichtag  # default: the Stichtag
    assert len(d["gruende"]) >= 1
    for g in d["gruende"]:
        assert list(g) == ["regel", "norm", "quelle", "text"]
        assert g["quelle"] in ("gesetz", "weisung", "offen")
        assert g["norm"] and g["text"] and g["regel"]
    for h in d["hinweise"]:
        assert list(h) == ["code", "quelle", "norm", "text"]
        assert h["quelle"] in ("gesetz", "weisung", "offen")
        assert h["norm"] is None or isinstance(h["norm"], str)
    assert isinstance(d["ueberpruefung_ueberfaellig"], bool)


def test_decision_with_line_number_keeps_the_contract_order():
    obj, anliegen, stichtag = BEISPIEL_FAELLE["vertrag"]
    e = kooplan.entscheide(laden(obj), anliegen, dt.date.fromisoformat(stichtag))
    d = entscheidung_als_dict(e, 3)
    assert d["zeile"] == 3
    assert [k for k in d if k not in ("zeile", "rechtsfolgen")] == ENTSCHEIDUNG_SCHLUESSEL


def test_contract_example_decision():
    obj, anliegen, stichtag = BEISPIEL_FAELLE["vertrag"]
    d = entscheide(obj, anliegen, stichtag)
    assert d["fall"] == "JC-4711-0001"
    assert d["rechtsstand"] == "2023-07"
    assert (d["phase"], d["modus"], d["rfb"]) == ("mitwirkung_eingefordert", "mit_rfb", True)
    assert d["gruende"][0]["regel"] == "b.mitwirkung_eingefordert.offene_art"
    assert d["gruende"][0]["norm"] == "§ 15 Abs. 5 Satz 2 SGB II a.F."
    assert d["gruende"][0]["quelle"] == "gesetz"
    assert d["naechste_ueberpruefung"] == "2024-07-15"
    assert d["ueberpruefung_ueberfaellig"] is False
    assert "1999-04-01" not in zeile(d)


@pytest.mark.parametrize(
    ("name", "modus"),
    [
        ("erstkontakt", "ohne_rfb"),
        ("kooperation", "ohne_rfb"),
        ("ohne_plan", "mit_rfb"),
        ("schlichtung", "ohne_rfb"),
        ("regime_c", "verpflichtung_va"),
        ("vertrag", "mit_rfb"),
    ],
)
def test_rfb_is_true_exactly_when_modus_is_not_ohne_rfb(name, modus):
    obj, anliegen, stichtag = BEISPIEL_FAELLE[name]
    d = entscheide(obj, anliegen, stichtag)
    assert d["modus"] == modus
    assert d["rfb"] is (modus != "ohne_rfb")


@pytest.mark.parametrize("name", list(BEISPIEL_FAELLE))
def test_absent_optional_objects_are_left_out(name):
    obj, anliegen, stichtag = BEISPIEL_FAELLE[name]
    d = entscheide(obj, anliegen, stichtag)
    if kooplan.__version__.startswith("0.1"):
        # the 0.1 development line had no rechtsfolgen object
        assert "rechtsfolgen" not in d
    else:
        assert ("rechtsfolgen" in d) is d["rfb"]
    nullable = {"naechste_ueberpruefung"}
    assert all(v is not None for k, v in d.items() if k not in nullable)


@pytest.mark.parametrize("name", list(BEISPIEL_FAELLE))
def test_output_is_utf8_not_ascii_escaped(name):
    obj, anliegen, stichtag = BEISPIEL_FAELLE[name]
    text = zeile(entscheide(obj, anliegen, stichtag))
    assert "§" in text
    assert "\\u00a7" not in text and "\\u" not in text
    assert "\n" not in text
    assert json.loads(text.encode("utf-8").decode("utf-8"))["schema"] == "kooplan/entscheidung/1"


def test_error_object_shape_and_utf8():
    err = fehler(fall(ev("plan_gescheitert", "2024-02-30")))
    d = fehler_als_dict(err)
    assert list(d) == FEHLER_SCHLUESSEL
    assert d == {
        "schema": "kooplan/fehler/1",
        "fall": FALL_ID,
        "zeile": None,
        "fehler": "ungueltige_eingabe",
        "meldung": err.meldung,
        "ort": "ereignisse[0].am",
    }
    assert fehler_als_dict(err, 12)["zeile"] == 12
    text = zeile(fehler_als_dict(err))
    assert "\\u00" not in text
    assert json.loads(text) == d


@pytest.mark.parametrize(
    ("obj", "stichtag", "pruefung", "ueberfaellig"),
    [
        (fall(), "2024-01-02", None, False),
        (fall(ev("plan_gescheitert", "2024-01-02")), "2024-01-03", None, False),
        (fall(ev("plan_erstellt", "2024-01-15")), "2024-07-15", "2024-07-15", False),
        (fall(ev("plan_erstellt", "2024-01-15")), "2024-07-16", "2024-07-15", True),
        (fall(ev("plan_erstellt", "2023-08-31")), "2024-02-29", "2024-02-29", False),
        (fall(ev("plan_erstellt", "2023-08-31")), "2024-03-01", "2024-02-29", True),
        (fall(ev("plan_erstellt", "2025-01-31")), "2025-08-01", "2025-07-31", True),
        # plan_fortgeschrieben restarts the review clock
        (
            fall(ev("plan_erstellt", "2024-01-15"), ev("plan_fortgeschrieben", "2024-05-06")),
            "2024-08-01",
            "2024-11-06",
            False,
        ),
        # mitwirkung_eingefordert keeps the plan's review date
        (
            fall(
                ev("plan_erstellt", "2024-01-15"),
                ev(
                    "mitwirkung_unterblieben",
                    "2024-03-04",
                    mitwirkung="massnahme",
                    wichtiger_grund=False,
                ),
            ),
            "2024-03-10",
            "2024-07-15",
            False,
        ),
    ],
)
def test_review_date(obj, stichtag, pruefung, ueberfaellig):
    d = entscheide(obj, "eigenbemuehungen", stichtag)
    assert d["naechste_ueberpruefung"] == pruefung
    assert d["ueberpruefung_ueberfaellig"] is ueberfaellig


def test_explicit_faellig_is_output():
    d = entscheide(
        fall(ev("plan_gescheitert", "2024-01-02")),
        "massnahme",
        "2024-02-01",
        faellig=dt.date(2024, 2, 15),
    )
    assert (d["stichtag"], d["faellig"]) == ("2024-02-01", "2024-02-15")


def test_faellig_before_stichtag_is_refused():
    with pytest.raises(kooplan.KooplanError):
        kooplan.entscheide(laden(fall()), "einladung", dt.date(2024, 2, 1), dt.date(2024, 1, 31))


# -- reading files (faelle_lesen) ---------------------------------------------------------------


def test_faelle_lesen_jsonl_numbers_every_line():
    daten = (
        b'{"schema": "kooplan/fall/1", "fall": "L-1", "ereignisse": []}\r\n'
        b"\n"
        b"{kaputt\n"
        b'{"schema": "kooplan/fall/1", "fall": "L-4", "ereignisse": []}'
    )
    ergebnis = list(faelle_lesen(daten, "jsonl"))
    assert [nr for nr, _ in ergebnis] == [1, 2, 3, 4]
    assert isinstance(ergebnis[0][1], kooplan.Fall) and ergebnis[0][1].fall == "L-1"
    assert ergebnis[1][1].code == "ungueltige_eingabe"
    assert ergebnis[2][1].code == "ungueltige_eingabe"
    assert ergebnis[3][1].fall == "L-4"


def test_faelle_lesen_json_is_one_case_without_line_number():
    daten = (DATEN / "vertrag_beispiel.json").read_bytes()
    ergebnis = list(faelle_lesen(daten, "json"))
    assert len(ergebnis) == 1
    nr, f = ergebnis[0]
    assert nr is None and f.fall == "JC-4711-0001"
    # JSON Lines read as one JSON case: one error
    zwei = b'{"schema": "kooplan/fall/1", "fall": "A", "ereignisse": []}\n' * 2
    ergebnis = list(faelle_lesen(zwei, "json"))
    assert len(ergebnis) == 1 and ergebnis[0][1].code == "ungueltige_eingabe"


# -- the loader's messages and places (docs/vertrag.md, errors): keys quoted, escaped to
# printable ASCII and shortened; the first fault in document order at its JSON path; JSON
# constants and syntax, events of unknown art, duplicates in x_ data, a bezug of the wrong
# art, and JSON Lines with CRLF line ends.


@pytest.mark.parametrize("konstante", ["NaN", "Infinity", "-Infinity"])
def test_nicht_json_konstanten_werden_genannt(konstante: str) -> None:
    # the constant is JSON syntax, not a value of the case: naming it echoes no personal data
    with pytest.raises(UngueltigeEingabe) as info:
        json_lesen('{"fall": "JC-1", "x_a": ' + konstante + "}")
    assert info.value.meldung == f"Kein gültiges JSON: {konstante} ist in JSON nicht erlaubt."


def test_ein_syntaxfehler_ohne_eigene_uebersetzung_heisst_syntaxfehler() -> None:
    # Python's message for a broken \\u escape has no German wording of its own
    with pytest.raises(UngueltigeEingabe) as info:
        json_lesen('{"fall": "\\u12"}')
    assert info.value.meldung.startswith("Kein gültiges JSON: Syntaxfehler (Zeile 1, Spalte ")


K = '{"schema": "kooplan/fall/1", "fall": "JC-1", '


def _fehler(text: str) -> UngueltigeEingabe:
    with pytest.raises(UngueltigeEingabe) as info:
        fall_aus_json(text)
    return info.value


def test_lange_schluessel_werden_gekuerzt_und_ascii_zitiert() -> None:
    # "Keys are quoted, escaped to printable ASCII and shortened" (40 characters and "…")
    err = _fehler(K + '"ereignisse": [], "' + "k" * 60 + '": 1}')
    assert err.meldung == "Unbekanntes Feld '" + "k" * 40 + "\\u2026'."
    err = _fehler(K + '"ereignisse": [], "schlüssel": 1}')
    assert err.meldung == "Unbekanntes Feld 'schl\\u00fcssel'."


@pytest.mark.parametrize(
    ("ereignis", "meldung", "ort"),
    [
        # an event of unknown art: its am, id and duplicate keys are still judged, in order
        (
            '{"am": "2024-01-15", "am": "2024-01-16", "art": "nix"}',
            "Der Schlüssel 'am' kommt im Objekt doppelt vor.",
            "ereignisse[0].am",
        ),
        (
            '{"id": 5, "art": "nix"}',
            "'id' muss ein Text sein, nicht eine Zahl.",
            "ereignisse[0].id",
        ),
        (
            '{"am": "x", "art": "nix"}',
            "'am' muss ein Datum der Form JJJJ-MM-TT sein.",
            "ereignisse[0].am",
        ),
        ('{"am": "2024-01-15"}', "Das Pflichtfeld 'art' fehlt.", "ereignisse[0].art"),
    ],
)
def test_ereignis_ohne_bekannte_art(ereignis: str, meldung: str, ort: str) -> None:
    err = _fehler(K + '"ereignisse": [' + ereignis + "]}")
    assert (err.meldung, err.ort) == (meldung, ort)


def test_doppelte_schluessel_in_eigenen_x_daten_an_ihrem_objekt() -> None:
    # two faults: the duplicate inside x_a comes first in document order; it is reported at the
    # object that holds x_a (here the case: ort null), counting the field, naming no key
    err = _fehler(K + '"ereignisse": [], "x_a": {"b": 1, "b": 2}, "zzz": 1}')
    assert (err.meldung, err.ort) == (
        "In den Daten des 1. eigenen Feldes (x_…) kommt ein Schlüssel doppelt vor.",
        None,
    )
    err = _fehler(K + '"x_z": 1, "ereignisse": [], "x_a": [{"b": 1}, {"b": 2, "b": 3}]}')
    assert (err.meldung, err.ort) == (
        "In den Daten des 2. eigenen Feldes (x_…) kommt ein Schlüssel doppelt vor.",
        None,
    )
    err = _fehler(
        K + '"ereignisse": [{"art": "plan_gescheitert", "am": "2024-01-15", "x_b": 1, "x_b": 2}]}'
    )
    assert (err.meldung, err.ort) == (
        "Ein eigenes Feld (x_…) kommt in diesem Objekt doppelt vor.",
        "ereignisse[0]",
    )


def test_bezug_auf_ein_ereignis_falscher_art() -> None:
    err = _fehler(
        K + '"ereignisse": [{"art": "plan_erstellt", "am": "2024-01-15", "id": "p1"}, '
        '{"art": "wichtiger_grund_nachgewiesen", "am": "2024-01-20", "bezug": "p1"}]}'
    )
    assert err.ort == "ereignisse[1].bezug"
    assert err.meldung == (
        "'bezug' von Ereignis Nr. 2 muss ein Ereignis der Art 'termin_versaeumt' oder "
        "'mitwirkung_unterblieben' nennen, nicht 'plan_erstellt'."
    )


def test_land_und_bewilligungszeitraum_kommen_im_fall_an() -> None:
    fall = fall_aus_json(
        K + '"land": "DE-BY", "bewilligungszeitraum_ende": "2026-12-31", "regelbedarfsstufe": 2, '
        '"geburtsdatum": "1990-05-17", "ereignisse": []}'
    )
    assert fall.land == "DE-BY"
    assert fall.bewilligungszeitraum_ende == dt.date(2026, 12, 31)
    assert fall.regelbedarfsstufe == 2
    assert fall.geburtsdatum == dt.date(1990, 5, 17)


def test_schluessel_von_genau_40_zeichen_wird_nicht_gekuerzt() -> None:
    err = _fehler(K + '"ereignisse": [], "' + "k" * 40 + '": 1}')
    assert err.meldung == "Unbekanntes Feld '" + "k" * 40 + "'."


def test_bezug_auf_ein_ereignis_mit_unmoeglichem_tag() -> None:
    # 30.2. has the form JJJJ-MM-TT but is no calendar day: the bezug check must not trip over it
    err = _fehler(
        K + '"ereignisse": [{"art": "termin_versaeumt", "am": "2024-02-30", "id": "t1", '
        '"wichtiger_grund": false}, {"art": "wichtiger_grund_nachgewiesen", "am": "2024-03-05", '
        '"bezug": "t1"}]}'
    )
    assert (err.meldung, err.ort) == ("'am' ist kein gültiger Kalendertag.", "ereignisse[0].am")


def test_zeilen_lesen_takes_one_carriage_return_off_each_line() -> None:
    # CRLF files: "\r\n" ends a line; a lone "\r" inside a line stays
    assert list(zeilen_lesen(b"a\r\nb\r\n\r\nc\rd\n")) == [
        (1, b"a"),
        (2, b"b"),
        (3, b""),
        (4, b"c\rd"),
    ]
    assert list(zeilen_lesen(b"a\r\r\n")) == [(1, b"a\r")]


def test_a_crlf_line_of_exactly_the_size_limit_is_read() -> None:
    # the "\r" of a CRLF line end does not count towards the case's size
    leer = b'{"schema": "kooplan/fall/1", "fall": "JC-1", "ereignisse": [], "x_f": ""}'
    zeile = leer[:-2] + b"f" * (MAX_BYTES_JE_FALL - len(leer)) + b'"}'
    assert len(zeile) == MAX_BYTES_JE_FALL
    [(nr, fall)] = list(faelle_lesen(zeile + b"\r\n", "jsonl"))
    assert nr == 1 and not isinstance(fall, UngueltigeEingabe) and fall.fall == "JC-1"
