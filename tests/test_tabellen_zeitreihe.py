"""The panel of the pandas adapter (``kooplan.tabellen.entscheidungen_zeitreihe``).

Its row of a case at a Stichtag must be the row that ``tabellen.entscheidungen`` gives for that
case with that Stichtag alone; the only difference allowed is that the panel names the Stichtag
in the rows of errors too. Checked on the bundled examples, on legal generated histories, on
rearranged (often illegal) ones, on mutated cases and on the arbitrary field mixes of the
adapter's own tests. Skipped when pandas is not installed.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

pd = pytest.importorskip("pandas")

import kooplan  # noqa: E402
from eingaben_bau import mutiert, umgestellt  # noqa: E402
from kooplan.batch import monatsenden  # noqa: E402
from kooplan.beispiele import beispiele_text  # noqa: E402
from kooplan.fehler import UngueltigeEingabe  # noqa: E402
from kooplan.tabellen import (  # noqa: E402
    ENTSCHEIDUNG_SPALTEN,
    entscheidungen,
    entscheidungen_zeitreihe,
    tabellen_aus_faellen,
)
from kooplan.testing import fall_dicts  # noqa: E402
from kooplan.testing import stichtage as ein_stichtag  # noqa: E402
from test_tabellen import faelle_listen, wie_ein_nutzer  # noqa: E402

D = dt.date
ANLIEGEN = [a.value for a in kooplan.Anliegen]
#: Stichtage of the law kooplan covers and some before it (each decided there is an error)
STICHTAGE = st.lists(
    st.one_of(ein_stichtag(), st.dates(D(2023, 1, 1), D(2023, 7, 3))),
    min_size=1,
    max_size=5,
    unique=True,
).map(sorted)


def je_stichtag_allein(
    ereignisse: Any, anliegen: str, tage: list[dt.date], faelle: Any = None
) -> Any:
    """The panel as ``entscheidungen`` gives it, one call per Stichtag, rows case by case."""
    teile = [entscheidungen(ereignisse, anliegen, t, faelle=faelle) for t in tage]
    zeilen = []
    for i in range(len(teile[0])):
        for t, teil in zip(tage, teile, strict=True):
            zeile = teil.iloc[[i]].copy()
            if pd.isna(zeile["fehler"].iloc[0]):
                assert zeile["stichtag"].iloc[0] == t.isoformat()
            else:  # the single call leaves the day out of an error row; the panel names it
                assert pd.isna(zeile["stichtag"].iloc[0])
                zeile["stichtag"] = t.isoformat()
            zeilen.append(zeile)
    if not zeilen:
        return teile[0]
    return pd.concat(zeilen, ignore_index=True)


def werte(tabelle: Any) -> list[dict[str, Any]]:
    """The rows as plain values, every missing cell (None, NaN, NA) as None: how a column
    holds a gap depends on the other rows of that call, not on the answer."""
    return [
        {k: v if isinstance(v, (list, dict)) or not pd.isna(v) else None for k, v in z.items()}
        for z in tabelle.to_dict("records")
    ]


def gleich(ereignisse: Any, anliegen: str, tage: list[dt.date], faelle: Any = None) -> Any:
    panel = entscheidungen_zeitreihe(ereignisse, anliegen, tage, faelle=faelle)
    erwartet = je_stichtag_allein(ereignisse, anliegen, tage, faelle)
    assert list(panel.columns) == list(ENTSCHEIDUNG_SPALTEN)
    assert len(panel) == len(erwartet)
    assert werte(panel) == werte(erwartet)
    return panel


def test_bundled_examples_at_36_month_ends() -> None:
    objekte = [json.loads(z) for z in beispiele_text().splitlines()]
    ereignisse, stamm = tabellen_aus_faellen(objekte)
    tage = list(monatsenden(D(2023, 6, 1), D(2026, 5, 31)))
    assert len(tage) == 36
    for anliegen in ("einladung", "massnahme"):
        panel = gleich(ereignisse, anliegen, tage, stamm)
        assert len(panel) == 23 * 36
        assert list(panel["fall"][:36]) == ["BSP-01"] * 36
        assert list(panel["stichtag"][:3]) == ["2023-06-30", "2023-07-31", "2023-08-31"]
        # before the law kooplan covers (June 2023) every case is an error, named by its day
        juni = panel[panel["stichtag"] == "2023-06-30"]
        assert (juni["fehler"] == "rechtsstand_nicht_abgedeckt").all()
        assert panel["stichtag"].notna().all()


def test_bundled_examples_on_their_own_stichtage_and_as_user_dtypes() -> None:
    objekte = [json.loads(z) for z in beispiele_text().splitlines()]
    tage = sorted({D.fromisoformat(o["x_beispiel"]["stichtag"]) for o in objekte})
    e, f = wie_ein_nutzer(*tabellen_aus_faellen(objekte))
    gleich(e, "massnahme", tage)  # without the case table
    gleich(e, "vermittlungsvorschlag", tage, f)


@settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.lists(fall_dicts(max_ereignisse=12), max_size=4), st.sampled_from(ANLIEGEN), STICHTAGE)
def test_legal_histories(objekte: list[dict[str, Any]], anliegen: str, tage: list[dt.date]) -> None:
    objekte = [{**o, "fall": f"F-{i}"} for i, o in enumerate(objekte)]
    ereignisse, stamm = tabellen_aus_faellen(objekte)
    gleich(ereignisse, anliegen, tage, stamm)


def _tabellen_oder_nichts(objekte: list[dict[str, Any]]) -> tuple[Any, Any] | None:
    try:
        return tabellen_aus_faellen([{**o, "fall": f"F-{i}"} for i, o in enumerate(objekte)])
    except UngueltigeEingabe:  # an event that is no object has no row in a table
        return None


@settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))
@given(
    st.lists(st.one_of(umgestellt(), mutiert()), min_size=1, max_size=4),
    st.sampled_from(ANLIEGEN),
    STICHTAGE,
)
def test_rearranged_and_mutated_cases(
    objekte: list[dict[str, Any]], anliegen: str, tage: list[dt.date]
) -> None:
    tabellen = _tabellen_oder_nichts(objekte)
    assume(tabellen is not None)
    assert tabellen is not None
    ereignisse, stamm = tabellen
    try:
        erwartet = je_stichtag_allein(ereignisse, anliegen, tage, stamm)
    except UngueltigeEingabe:
        # a table the adapter refuses as a whole (a column that is no field): the panel too
        with pytest.raises(UngueltigeEingabe):
            entscheidungen_zeitreihe(ereignisse, anliegen, tage, faelle=stamm)
        return
    panel = entscheidungen_zeitreihe(ereignisse, anliegen, tage, faelle=stamm)
    assert werte(panel) == werte(erwartet)


@settings(max_examples=30, deadline=None, suppress_health_check=list(HealthCheck))
@given(faelle_listen, st.sampled_from(ANLIEGEN), STICHTAGE)
def test_arbitrary_field_mixes(
    objekte: list[dict[str, Any]], anliegen: str, tage: list[dt.date]
) -> None:
    ereignisse, stamm = wie_ein_nutzer(*tabellen_aus_faellen(objekte))
    gleich(ereignisse, anliegen, tage, stamm)


def test_a_small_panel_by_hand() -> None:
    ereignisse = pd.DataFrame(
        {
            "fall": [17, 17, 4711],
            "art": ["plan_erstellt", "mitwirkung_unterblieben", "plan_gescheitert"],
            "am": ["2024-01-15", "2024-03-04", "2026-07-06"],
            "mitwirkung": [None, "massnahme", None],
            "wichtiger_grund": [None, False, None],
        }
    )
    # unsorted, with a repeat: sorted, each day once
    tage = [D(2026, 7, 31), D(2024, 2, 29), D(2024, 3, 31), D(2024, 2, 29)]
    p = entscheidungen_zeitreihe(ereignisse, "massnahme", tage)
    assert p[["fall", "stichtag", "phase", "modus"]].values.tolist() == [
        [17, "2024-02-29", "kooperation", "ohne_rfb"],
        [17, "2024-03-31", "mitwirkung_eingefordert", "mit_rfb"],
        # from 1.7.2026 the outstanding Mitwirkung is required by Verwaltungsakt
        # (§ 15a Abs. 2 SGB II n.F.)
        [17, "2026-07-31", "mitwirkung_eingefordert", "verpflichtung_va"],
        [4711, "2024-02-29", "erstkontakt", "ohne_rfb"],
        [4711, "2024-03-31", "erstkontakt", "ohne_rfb"],
        [4711, "2026-07-31", "ohne_plan", "verpflichtung_va"],
    ]
    assert str(p["minderung_prozent"].dtype) == "Int64"


@pytest.mark.parametrize(
    ("stichtage", "ort"),
    [
        ([], "stichtage"),
        (D(2025, 1, 31), "stichtage"),
        ([dt.datetime(2025, 1, 31, 12, 0)], "stichtage"),
        (["2025-01-31"], "stichtage"),
    ],
)
def test_bad_stichtage_raise_before_any_case_is_read(stichtage: Any, ort: str) -> None:
    ereignisse = pd.DataFrame({"fall": ["A"], "art": ["plan_erstellt"], "am": ["2025-01-06"]})
    with pytest.raises(UngueltigeEingabe) as info:
        entscheidungen_zeitreihe(ereignisse, "massnahme", stichtage)
    assert info.value.ort == ort


def test_bad_anliegen_and_unknown_column_raise() -> None:
    ereignisse = pd.DataFrame({"fall": ["A"], "art": ["plan_erstellt"], "am": ["2025-01-06"]})
    with pytest.raises(UngueltigeEingabe):
        entscheidungen_zeitreihe(ereignisse, "kaffee", [D(2025, 1, 31)])
    with pytest.raises(UngueltigeEingabe, match="unbekannte Spalte"):
        entscheidungen_zeitreihe(ereignisse.assign(tippfehler=1), "massnahme", [D(2025, 1, 31)])


def test_empty_tables() -> None:
    leer = pd.DataFrame({"fall": [], "art": [], "am": []})
    p = entscheidungen_zeitreihe(leer, "massnahme", [D(2025, 1, 31), D(2025, 2, 28)])
    assert list(p.columns) == list(ENTSCHEIDUNG_SPALTEN) and len(p) == 0
