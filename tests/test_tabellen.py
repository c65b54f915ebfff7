"""The pandas adapter (``kooplan.tabellen``): long event tables to decisions, and back to cases.

Skipped when pandas is not installed (it is the optional extra ``pandas``).
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

pd = pytest.importorskip("pandas")

import kooplan  # noqa: E402
from kooplan.batch import entscheide_alle  # noqa: E402
from kooplan.fehler import UngueltigeEingabe  # noqa: E402
from kooplan.tabellen import (  # noqa: E402
    ENTSCHEIDUNG_SPALTEN,
    entscheidungen,
    faelle_aus_tabellen,
    tabellen_aus_faellen,
)

D = dt.date
STICHTAG = D(2025, 5, 6)

# -- cases with every kind of field (valid or not: the round trip does not judge) ---------------

_TAG = st.dates(D(2019, 1, 1), D(2027, 12, 31)).map(dt.date.isoformat)
_TEXT = st.text(alphabet="abcdefgäöüß -", min_size=1, max_size=8)
_PLAN = st.fixed_dictionaries(
    {"eingliederungsziel": _TEXT, "schritte": st.lists(_TEXT, min_size=1, max_size=3)},
    optional={
        "eigenbemuehungen": st.fixed_dictionaries(
            {
                "art": _TEXT,
                "anzahl": st.integers(1, 20),
                "zeitraum": st.sampled_from(("woche", "monat")),
                "nachweis": _TEXT,
            }
        ),
        "reha_bedarf": st.booleans(),
        "leistungen": st.lists(_TEXT, max_size=2),
    },
)
_EREIGNIS_FELDER = {
    "rfb": st.booleans(),
    "wichtiger_grund": st.booleans(),
    "mitwirkung": st.sampled_from(("massnahme", "vermittlungsvorschlag", "eigenbemuehungen")),
    "id": st.from_regex(r"e[0-9]{1,3}", fullmatch=True),
    "bezug": st.from_regex(r"e[0-9]{1,3}", fullmatch=True),
    "plan": _PLAN,
    "prozent": st.integers(1, 100),
    "beginn": _TAG,
    "grund": st.sampled_from(("pflichtverletzung", "meldeversaeumnis")),
    "einigung": st.booleans(),
    "x_notiz": st.one_of(_TEXT, st.lists(st.integers(0, 9), max_size=3)),
}


@st.composite
def ereignis(draw: st.DrawFn) -> dict[str, Any]:
    e: dict[str, Any] = {
        "art": draw(st.sampled_from(sorted(kooplan.ARTEN))),
        "am": draw(_TAG),
    }
    for name in draw(st.lists(st.sampled_from(sorted(_EREIGNIS_FELDER)), max_size=4)):
        e[name] = draw(_EREIGNIS_FELDER[name])
    return e


@st.composite
def fall_dict(draw: st.DrawFn) -> dict[str, Any]:
    obj: dict[str, Any] = {"schema": "kooplan/fall/1", "fall": ""}
    if draw(st.booleans()):
        obj["geburtsdatum"] = draw(_TAG)
    if draw(st.booleans()):
        obj["regelbedarfsstufe"] = draw(st.integers(1, 4))
    if draw(st.booleans()):
        obj["land"] = draw(st.sampled_from(("DE-BE", "DE-BY")))
    obj["ereignisse"] = draw(st.lists(ereignis(), max_size=6))
    return obj


faelle_listen = st.lists(fall_dict(), max_size=8).map(
    lambda fs: [{**f, "fall": f"F-{i}"} for i, f in enumerate(fs)]
)


def wie_ein_nutzer(ereignisse: Any, faelle: Any) -> tuple[Any, Any]:
    """The tables as users hold them: nullable dtypes (Int64, boolean, string with NA) and the
    dates as datetime64 (Timestamp cells)."""
    e = ereignisse.convert_dtypes()
    f = faelle.convert_dtypes()
    e["am"] = pd.to_datetime(e["am"])
    if "beginn" in e.columns:
        e["beginn"] = pd.to_datetime(e["beginn"])
    if "geburtsdatum" in f.columns:
        f["geburtsdatum"] = pd.to_datetime(f["geburtsdatum"])
    return e, f


# -- round trip -----------------------------------------------------------------------------------


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(faelle_listen)
def test_cases_to_tables_and_back_are_equal(faelle: list[dict[str, Any]]) -> None:
    ereignisse, stamm = tabellen_aus_faellen(faelle)
    assert list(ereignisse.columns[:3]) == ["fall", "art", "am"]
    assert len(ereignisse) == sum(len(f["ereignisse"]) for f in faelle)
    assert len(stamm) == len(faelle)
    assert list(faelle_aus_tabellen(ereignisse, stamm)) == faelle


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(faelle_listen)
def test_round_trip_survives_the_dtypes_users_have(faelle: list[dict[str, Any]]) -> None:
    ereignisse, stamm = wie_ein_nutzer(*tabellen_aus_faellen(faelle))
    assert list(faelle_aus_tabellen(ereignisse, stamm)) == faelle


def test_round_trip_of_kooplan_testing_cases() -> None:
    """The legal cases of kooplan.testing (contract JSON of every art) survive the tables."""
    testing = pytest.importorskip("kooplan.testing")

    @settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))
    @given(st.lists(testing.fall_dicts(), max_size=5, unique_by=lambda f: f["fall"]))
    def prop(faelle: list[dict[str, Any]]) -> None:
        assert list(faelle_aus_tabellen(*tabellen_aus_faellen(faelle))) == faelle
        assert list(faelle_aus_tabellen(*wie_ein_nutzer(*tabellen_aus_faellen(faelle)))) == faelle

    try:
        prop()
    except ValueError as err:  # the strategies lag behind a new event art of the contract
        if "unknown event art" not in str(err):
            raise
        pytest.skip(f"kooplan.testing cannot draw every event art yet: {err}")


# -- decisions ------------------------------------------------------------------------------------


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(faelle_listen, st.sampled_from(("einladung", "massnahme", "eigenbemuehungen")))
def test_decision_table_rows_are_the_batch_results(
    faelle: list[dict[str, Any]], anliegen: str
) -> None:
    ereignisse, stamm = wie_ein_nutzer(*tabellen_aus_faellen(faelle))
    tabelle = entscheidungen(ereignisse, anliegen, STICHTAG, faelle=stamm)
    assert list(tabelle.columns) == list(ENTSCHEIDUNG_SPALTEN)
    # the cases as the tables hold them: equal to `faelle`, but the keys in column order (the
    # loader reports the first fault in document order)
    aus_tabellen = list(faelle_aus_tabellen(ereignisse, stamm))
    assert aus_tabellen == faelle
    erwartet = [r.als_dict() for r in entscheide_alle(aus_tabellen, anliegen, STICHTAG)]
    assert len(tabelle) == len(erwartet)
    for zeile, d in zip(tabelle.to_dict("records"), erwartet, strict=True):
        if d["schema"] == "kooplan/fehler/1":
            assert (zeile["fehler"], zeile["meldung"]) == (d["fehler"], d["meldung"])
            # an error of the whole case has no place: its cell is missing (None or NaN, as the
            # column's other cells make pandas hold it)
            if d["ort"] is None:
                assert pd.isna(zeile["ort"])
            else:
                assert zeile["ort"] == d["ort"]
            assert zeile["phase"] is None or pd.isna(zeile["phase"])
        else:
            assert pd.isna(zeile["fehler"])
            for k in ("phase", "modus", "rfb", "stichtag", "faellig", "gruende", "hinweise"):
                assert zeile[k] == d[k]
            assert zeile["norm"] == d["gruende"][0]["norm"]
            if "rechtsfolgen" in d:
                assert zeile["minderung_prozent"] == d["rechtsfolgen"]["minderung_prozent"]
        assert zeile["fall"] == d["fall"] or (d["fall"] is None and pd.isna(zeile["fall"]))


def beispiel() -> tuple[Any, Any]:
    ereignisse = pd.DataFrame(
        {
            "fall": ["JC-1", "JC-1", "JC-1", "JC-2", "JC-3"],
            "art": [
                "einladung_versandt",
                "plan_erstellt",
                "mitwirkung_unterblieben",
                "plan_gescheitert",
                "plan_erstellt",
            ],
            "am": pd.to_datetime(
                ["2024-01-08", "2024-01-15", "2024-03-04", "2025-05-02", "2024-02-01"]
            ),
            "mitwirkung": [None, None, "massnahme", None, None],
            "wichtiger_grund": [None, None, False, None, None],
        }
    )
    stamm = pd.DataFrame({"fall": ["JC-0", "JC-1"], "regelbedarfsstufe": [None, 1]})
    return ereignisse, stamm


def test_decision_table_example() -> None:
    ereignisse, stamm = beispiel()
    t = entscheidungen(ereignisse, "massnahme", STICHTAG, faelle=stamm)
    # order: the case table, then cases only in the event table
    assert list(t["fall"]) == ["JC-0", "JC-1", "JC-2", "JC-3"]
    assert list(t["phase"]) == [
        "erstkontakt",
        "mitwirkung_eingefordert",
        "ohne_plan",
        "kooperation",
    ]
    assert list(t["modus"]) == ["ohne_rfb", "mit_rfb", "mit_rfb", "ohne_rfb"]
    assert str(t["rfb"].dtype) == "boolean" and str(t["minderung_prozent"].dtype) == "Int64"
    assert t["fehler"].isna().all()
    assert t.loc[1, "betrag_euro"] > 0  # Regelbedarfsstufe 1 from the case table
    assert pd.isna(t.loc[2, "betrag_euro"])


def test_jobs_give_the_same_table() -> None:
    ereignisse, _ = beispiel()
    ereignisse = pd.concat([ereignisse] * 10, ignore_index=True)
    ereignisse["fall"] = [f"{f}-{i // 5}" for i, f in enumerate(ereignisse["fall"])]
    eins = entscheidungen(ereignisse, "massnahme", STICHTAG)
    zwei = entscheidungen(ereignisse, "massnahme", STICHTAG, jobs=2)
    pd.testing.assert_frame_equal(eins, zwei)


# -- cells and errors -----------------------------------------------------------------------------


def test_integer_column_with_gaps_and_numpy_scalars() -> None:
    e = pd.DataFrame(
        {
            "fall": ["M-1", "M-1", "M-1"],
            "art": ["plan_erstellt", "mitwirkung_unterblieben", "minderung_festgestellt"],
            "am": ["2024-01-15", "2024-03-04", "2024-04-02"],
            "mitwirkung": [None, "massnahme", None],
            "wichtiger_grund": [None, False, None],
            "grund": [None, None, "pflichtverletzung"],
            "prozent": [None, None, 10],  # float64 with NaN
            "beginn": [pd.NaT, pd.NaT, pd.Timestamp("2024-05-01")],
        }
    )
    assert e["prozent"].dtype == "float64"
    (obj,) = faelle_aus_tabellen(e)
    assert obj["ereignisse"][2] == {
        "art": "minderung_festgestellt",
        "am": "2024-04-02",
        "grund": "pflichtverletzung",
        "prozent": 10,
        "beginn": "2024-05-01",
    }
    assert type(obj["ereignisse"][1]["wichtiger_grund"]) is bool
    t = entscheidungen(e, "massnahme", STICHTAG)
    assert t["fehler"].isna().all()


def test_values_that_change_meaning_are_reported_in_their_row() -> None:
    e = pd.DataFrame(
        {
            "fall": ["A-1", "A-2", "A-3", "A-4", "A-5"],
            "art": [
                "einladung_versandt",
                "minderung_festgestellt",
                "plan_erstellt",
                "einladung_versandt",
                "plan_erstellt",
            ],
            "am": ["2024-01-08", "2024-01-08", "2024-01-08", "2024-01-08 10:30", "2024-01-08"],
            "rfb": ["ja", None, True, None, None],  # "ja" is not true; rfb is no plan field
            "grund": [None, "pflichtverletzung", None, None, None],
            "prozent": [None, 30.5, None, None, None],
            "beginn": [None, "2024-02-01", None, None, None],
        }
    )
    e["am"] = [pd.Timestamp(x) for x in e["am"]]
    t = entscheidungen(e, "einladung", STICHTAG)
    assert list(t["fehler"][:4]) == ["ungueltige_eingabe"] * 4 and pd.isna(t["fehler"][4])
    assert list(t["ort"][:4]) == [
        "ereignisse[0].rfb",
        "ereignisse[0].prozent",
        "ereignisse[0].rfb",
        "ereignisse[0].am",
    ]
    assert t.loc[4, "phase"] == "kooperation"


def test_plan_as_json_text_and_as_dict() -> None:
    plan = {"eingliederungsziel": "Lager", "schritte": ["Staplerschein"]}
    e = pd.DataFrame(
        {
            "fall": ["P-1", "P-2", "P-3"],
            "art": ["plan_erstellt"] * 3,
            "am": ["2024-01-15"] * 3,
            "plan": [plan, json.dumps(plan), "{kaputt"],
        }
    )
    faelle = list(faelle_aus_tabellen(e))
    assert faelle[0]["ereignisse"] == faelle[1]["ereignisse"]
    t = entscheidungen(e, "eigenbemuehungen", STICHTAG)
    assert list(t["fehler"].isna()) == [True, True, False]
    assert t.loc[2, "ort"] == "ereignisse[0].plan"


def test_a_missing_case_id_is_an_error_of_its_case() -> None:
    e = pd.DataFrame(
        {"fall": ["G-1", None], "art": ["plan_erstellt"] * 2, "am": ["2024-01-15"] * 2},
        dtype=object,
    )
    t = entscheidungen(e, "massnahme", STICHTAG)
    assert pd.isna(t["fehler"][0]) and t["fehler"][1] == "ungueltige_eingabe"
    assert t["fall"].iloc[0] == "G-1" and pd.isna(t["fall"].iloc[1])
    assert t["ort"][1] == "fall"


def test_an_integer_id_column_keeps_its_type_and_joins_back() -> None:
    """An integer case id is given to the loader as its digits; the decision table holds the
    ids as the tables do, so it joins back to them."""
    e = pd.DataFrame(
        {
            "kunde": [17, 17, 4711],
            "art": ["plan_erstellt", "mitwirkung_unterblieben", "plan_gescheitert"],
            "am": ["2024-01-15", "2024-03-04", "2024-02-01"],
            "mitwirkung": [None, "massnahme", None],
            "wichtiger_grund": [None, False, None],
        }
    )
    stamm = pd.DataFrame({"kunde": [4711, 17, 99], "regelbedarfsstufe": [1, 2, 3]})
    assert e["kunde"].dtype == "int64"
    t = entscheidungen(e, "massnahme", STICHTAG, faelle=stamm, fall_spalte="kunde")
    assert t["fehler"].isna().all()
    assert list(t["fall"]) == [4711, 17, 99] and t["fall"].dtype == "int64"
    verbunden = stamm.merge(t, left_on="kunde", right_on="fall")
    assert len(verbunden) == 3
    assert list(verbunden["modus"]) == ["mit_rfb", "mit_rfb", "ohne_rfb"]
    assert [f["fall"] for f in faelle_aus_tabellen(e, stamm, fall_spalte="kunde")] == [
        "4711",
        "17",
        "99",
    ]


def test_an_integer_id_column_with_gaps_is_read_as_integers() -> None:
    e = pd.DataFrame({"fall": [17.0, None], "art": ["plan_erstellt"] * 2, "am": ["2024-01-15"] * 2})
    assert e["fall"].dtype == "float64"
    assert [f.get("fall") for f in faelle_aus_tabellen(e)] == ["17", None]


def test_unknown_columns_are_refused_once_up_front_with_their_list() -> None:
    ereignisse, stamm = beispiel()
    kaputt = ereignisse.assign(wichtigergrund=False, bemerkung="x", x_eigenes=1)
    with pytest.raises(UngueltigeEingabe) as info:
        entscheidungen(kaputt, "massnahme", STICHTAG, faelle=stamm)
    meldung = info.value.meldung
    assert "2 unbekannte Spalte(n): 'wichtigergrund', 'bemerkung'" in meldung
    assert "x_eigenes" not in meldung
    with pytest.raises(UngueltigeEingabe, match=r"'faelle' hat 1 unbekannte Spalte.*'stufe'"):
        list(faelle_aus_tabellen(ereignisse, stamm.assign(stufe=1)))
    # x_ columns and fields of any event art are columns of the table
    t = entscheidungen(ereignisse.assign(x_eigenes=1), "massnahme", STICHTAG, faelle=stamm)
    assert t["fehler"].isna().all()


def test_errors_name_the_table_and_the_row() -> None:
    ereignisse, stamm = beispiel()
    ereignisse.index = [f"z{i}" for i in range(len(ereignisse))]
    ereignisse.loc["z4", "wichtiger_grund"] = "nein"  # plan_erstellt of JC-3: no such field
    stamm = pd.concat([stamm, pd.DataFrame({"fall": ["JC-9"], "regelbedarfsstufe": [7]})])
    stamm.index = [100, 101, 102]
    t = entscheidungen(ereignisse, "massnahme", STICHTAG, faelle=stamm)
    fehler = t[t["fehler"].notna()].set_index("fall")
    assert fehler.loc["JC-3", "ort"] == "ereignisse[0].wichtiger_grund"
    assert (fehler.loc["JC-3", "fehler_tabelle"], fehler.loc["JC-3", "fehler_zeile"]) == (
        "ereignisse",
        "z4",
    )
    assert fehler.loc["JC-9", "ort"] == "regelbedarfsstufe"
    assert (fehler.loc["JC-9", "fehler_tabelle"], fehler.loc["JC-9", "fehler_zeile"]) == (
        "faelle",
        102,
    )
    ok = t[t["fehler"].isna()]
    assert ok["fehler_tabelle"].isna().all() and ok["fehler_zeile"].isna().all()


def test_an_error_of_the_whole_case_names_its_case_row_or_none() -> None:
    e = pd.DataFrame(
        {
            "fall": ["B-1", "B-1", "B-2", "B-2"],
            "art": ["plan_erstellt", "leistungsbezug_beendet"] * 2,
            "am": ["2024-01-15", "2024-02-01"] * 2,
        }
    )
    stamm = pd.DataFrame({"fall": ["B-1"]}, index=["erste"])
    t = entscheidungen(e, "massnahme", STICHTAG, faelle=stamm).set_index("fall")
    assert list(t["fehler"]) == ["leistungsbezug_beendet"] * 2
    assert (t.loc["B-1", "fehler_tabelle"], t.loc["B-1", "fehler_zeile"]) == ("faelle", "erste")
    assert pd.isna(t.loc["B-2", "fehler_tabelle"]) and pd.isna(t.loc["B-2", "fehler_zeile"])


def test_a_stichtag_and_a_due_day_per_case() -> None:
    ereignisse, _ = beispiel()
    stamm = pd.DataFrame(
        {
            "fall": ["JC-1", "JC-2", "JC-3", "JC-4", "JC-5"],
            "stichtag": [
                pd.Timestamp("2024-03-10"),
                "2026-07-10",
                None,
                "2024-02-30",
                dt.date(2024, 3, 1),
            ],
            "faellig": [None, "2026-07-20", None, None, "2024-02-01"],
        }
    )
    t = entscheidungen(
        ereignisse,
        "massnahme",
        STICHTAG,
        faelle=stamm,
        stichtag_spalte="stichtag",
        faellig_spalte="faellig",
    ).set_index("fall")
    assert list(t["stichtag"][:3]) == ["2024-03-10", "2026-07-10", STICHTAG.isoformat()]
    assert list(t["faellig"][:3]) == ["2024-03-10", "2026-07-20", STICHTAG.isoformat()]
    assert t.loc["JC-1", "modus"] == "mit_rfb" and t.loc["JC-1", "rechtsstand"] == "2023-07"
    assert t.loc["JC-2", "modus"] == "verpflichtung_va"  # ohne_plan under the new law
    assert (t.loc["JC-4", "fehler"], t.loc["JC-4", "ort"]) == ("ungueltige_eingabe", "stichtag")
    assert (t.loc["JC-4", "fehler_tabelle"], t.loc["JC-4", "fehler_zeile"]) == ("faelle", 3)
    assert (t.loc["JC-5", "fehler"], t.loc["JC-5", "ort"]) == ("ungueltige_eingabe", "faellig")
    # one case decided with its own day equals a single decision on that day
    einzeln = entscheidungen(
        ereignisse[ereignisse.fall == "JC-2"], "massnahme", D(2026, 7, 10), D(2026, 7, 20)
    )
    assert einzeln.loc[0, "gruende"] == t.loc["JC-2", "gruende"]


def test_day_columns_without_a_day_or_in_the_wrong_table() -> None:
    ereignisse, _ = beispiel()
    stamm = pd.DataFrame({"fall": ["JC-1", "JC-2"], "stichtag": ["2024-03-10", None]})
    t = entscheidungen(ereignisse, "massnahme", faelle=stamm, stichtag_spalte="stichtag")
    t = t.set_index("fall")
    assert t.loc["JC-1", "modus"] == "mit_rfb"
    assert (t.loc["JC-2", "fehler"], t.loc["JC-2", "ort"]) == ("ungueltige_eingabe", "stichtag")
    assert pd.isna(t.loc["JC-3", "modus"])  # only in the event table: no Stichtag either
    with pytest.raises(UngueltigeEingabe, match="Stichtag"):
        entscheidungen(ereignisse, "massnahme")
    with pytest.raises(UngueltigeEingabe, match="fehlt die Spalte 'stichtag'"):
        entscheidungen(
            ereignisse,
            "massnahme",
            faelle=stamm.drop(columns="stichtag"),
            stichtag_spalte="stichtag",
        )
    with pytest.raises(UngueltigeEingabe, match="gehören in die Tabelle 'faelle'"):
        entscheidungen(
            ereignisse.assign(stichtag="2024-03-10"),
            "massnahme",
            faelle=stamm,
            stichtag_spalte="stichtag",
        )
    with pytest.raises(UngueltigeEingabe, match="Tabelle 'faelle'"):
        entscheidungen(ereignisse, "massnahme", STICHTAG, stichtag_spalte="stichtag")


def test_without_pandas_the_import_names_the_extra() -> None:
    import subprocess
    import sys

    code = (
        "import sys; sys.modules['pandas'] = None\n"
        "from kooplan import tabellen\n"
        "try:\n"
        "    list(tabellen.faelle_aus_tabellen(None))\n"
        "except ImportError as err:\n"
        "    print(err.name); print(err)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    name, meldung = out.stdout.split("\n", 1)
    assert name == "pandas" and "Extra 'pandas'" in meldung


def test_table_structure_errors_raise() -> None:
    ereignisse, stamm = beispiel()
    with pytest.raises(UngueltigeEingabe, match="'am'"):
        list(faelle_aus_tabellen(ereignisse.drop(columns="am")))
    with pytest.raises(UngueltigeEingabe, match="'fall'"):
        list(faelle_aus_tabellen(ereignisse, stamm.drop(columns="fall")))
    with pytest.raises(UngueltigeEingabe, match="mehrmals"):
        list(faelle_aus_tabellen(ereignisse, pd.concat([stamm, stamm])))
    with pytest.raises(UngueltigeEingabe, match="doppelte"):
        list(faelle_aus_tabellen(pd.concat([ereignisse, ereignisse["art"]], axis=1)))
    with pytest.raises(UngueltigeEingabe, match="Fallspalte"):
        tabellen_aus_faellen([{"fall": "X", "ereignisse": [{"art": "a", "fall": "Y"}]}])


def test_own_case_id_column() -> None:
    ereignisse, _ = beispiel()
    e = ereignisse.rename(columns={"fall": "kennung"})
    t = entscheidungen(e, "massnahme", STICHTAG, fall_spalte="kennung")
    assert list(t["fall"]) == ["JC-1", "JC-2", "JC-3"]


def test_empty_tables() -> None:
    e, f = tabellen_aus_faellen([])
    assert list(e.columns) == ["fall", "art", "am"] and len(f) == 0
    t = entscheidungen(e, "massnahme", STICHTAG)
    assert list(t.columns) == list(ENTSCHEIDUNG_SPALTEN) and len(t) == 0
