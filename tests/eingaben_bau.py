"""Contract input for the tests of the loader and of the faces that read cases: valid cases to
start from, the Hypothesis strategies that bend them into hostile input, and the check that a
message is a German sentence.

Not a test module (its name does not start with ``test_``). Used by ``test_haertung.py``,
``test_schnelles_lesen.py``, ``test_zeitreihe.py``, ``test_tabellen_zeitreihe.py`` and
``test_batch.py``. The cases are written from docs/vertrag.md or are the bundled examples; the
strategies shape objects by the contract's public field specs (``kooplan.vertrag.felder``).
"""

from __future__ import annotations

import copy
import datetime as dt
import re
from typing import Any

from hypothesis import strategies as st

from faelle_bau import GEBURTSDATUM, ev
from faelle_bau import json_orte as _orte
from kooplan.beispiele import beispiele
from kooplan.kalender import LAENDER
from kooplan.vertrag.felder import (
    EIGENBEMUEHUNGEN_FELDER,
    EREIGNIS_FELDER,
    FALL_FELDER,
    PLAN_FELDER,
    Feld,
    Typ,
    ereignis_felder,
)

#: A text that must never appear in any message, path or output (it stands for personal data).
GEHEIM = "GEHEIM-4711"

#: Every field name of the input contract (a missing required field is reported at its path).
FELDNAMEN: frozenset[str] = frozenset(
    [*FALL_FELDER, *PLAN_FELDER, *EIGENBEMUEHUNGEN_FELDER]
    + [k for art in EREIGNIS_FELDER for k in ereignis_felder(art)]
)


# -- valid cases to start from ----------------------------------------------------------------


PLAN = {
    "eingliederungsziel": f"{GEHEIM} Ziel",
    "schritte": [f"{GEHEIM} Schritt 1", f"{GEHEIM} Schritt 2"],
    "eigenbemuehungen": {
        "art": f"{GEHEIM} Bewerbungen",
        "anzahl": 4,
        "zeitraum": "monat",
        "nachweis": f"{GEHEIM} Liste",
    },
    "leistungen": [f"{GEHEIM} Leistung"],
    "vermittlungsziele": [f"{GEHEIM} Lager"],
    "andere_leistungstraeger": [f"{GEHEIM} DRV"],
    "gesundheit": [f"{GEHEIM} Reha"],
    "bedarfsgemeinschaft": [f"{GEHEIM} Kita"],
    "integrationskurs": True,
    "reha_bedarf": False,
    "x_plan": {"intern": [1, None, f"{GEHEIM}"]},
}

#: Every event art and every optional field, a legal history.
VOLL: dict[str, Any] = {
    "schema": "kooplan/fall/1",
    "fall": "H-VOLL",
    "geburtsdatum": GEBURTSDATUM,
    "regelbedarfsstufe": 1,
    "land": "DE-BY",
    "bewilligungszeitraum_ende": "2025-06-30",
    "x_system": {"a": [1, {"b": None}]},
    "ereignisse": [
        ev(
            "minderung_festgestellt",
            "2023-03-01",
            grund="pflichtverletzung",
            prozent=20,
            beginn="2023-04-01",
            stufe=2,
            tatbestand="abs1_nr2",
        ),
        ev("eingliederungsvereinbarung", "2023-05-02"),
        ev("einladung_versandt", "2023-07-10", rfb=True, id="e1"),
        ev("termin_versaeumt", "2023-07-17", wichtiger_grund=False, id="t1", einladung="e1"),
        ev("wichtiger_grund_nachgewiesen", "2023-07-20", bezug="t1"),
        ev("termin_wahrgenommen", "2023-07-24"),
        ev("plan_erstellt", "2023-08-01", plan=PLAN),
        ev(
            "mitwirkung_unterblieben",
            "2023-09-04",
            id="m1",
            mitwirkung="massnahme",
            wichtiger_grund=False,
        ),
        ev("mitwirkung_erbracht", "2023-09-18", mitwirkung="massnahme"),
        ev(
            "minderung_festgestellt",
            "2023-09-20",
            id="mf1",
            bezug="m1",
            grund="pflichtverletzung",
            prozent=10,
            beginn="2023-10-01",
            monate=1,
        ),
        ev("haerte_festgestellt", "2023-09-25", bezug="mf1", bis="2023-12-31"),
        ev("minderung_aufgehoben", "2023-09-28", bezug="mf1"),
        ev(
            "mitwirkung_unterblieben",
            "2023-10-02",
            mitwirkung="eigenbemuehungen",
            wichtiger_grund=True,
        ),
        ev("bereitschaft_erklaert", "2023-10-09"),
        ev(
            "plan_fortgeschrieben",
            "2023-11-06",
            plan={"eingliederungsziel": GEHEIM, "schritte": ["a"]},
        ),
        ev("plan_gescheitert", "2024-01-08"),
        ev("schlichtung_begonnen", "2024-01-15", verlangt_von="beide"),
        ev("schlichtung_beendet", "2024-01-29", einigung=True),
        ev("leistungsbezug_beendet", "2024-06-28"),
        ev("leistungsbezug_aufgenommen", "2024-09-02"),
    ],
}
#: Regime C: a Verpflichtung by Verwaltungsakt, Rechtsfolgen with euros.
REGIME_C: dict[str, Any] = {
    "schema": "kooplan/fall/1",
    "fall": "H-C",
    "geburtsdatum": GEBURTSDATUM,
    "regelbedarfsstufe": 2,
    "ereignisse": [
        ev("plan_erstellt", "2026-07-06", plan=PLAN),
        ev(
            "mitwirkung_unterblieben",
            "2026-10-05",
            id="m",
            mitwirkung="massnahme",
            wichtiger_grund=False,
        ),
        ev("einladung_versandt", "2026-10-12", rfb=True, id="e"),
        ev("termin_versaeumt", "2026-10-20", wichtiger_grund=False, einladung="e"),
    ],
}
SCHLICHTUNG: dict[str, Any] = {
    "schema": "kooplan/fall/1",
    "fall": "H-S",
    "geburtsdatum": "2003-02-28",
    "ereignisse": [
        ev("plan_gescheitert", "2025-05-02"),
        ev("schlichtung_begonnen", "2025-05-05", verlangt_von="jobcenter"),
    ],
}
BASIS: list[dict[str, Any]] = [VOLL, REGIME_C, SCHLICHTUNG, *(b.fall for b in beispiele())]


# -- messages ----------------------------------------------------------------------------------

_ENGLISCH = re.compile(
    r"\b(the|is|not|of|value|expecting|expected|exceeds|limit|invalid|line|column|use|has|"
    r"digits|for|and|error|must|object|string|integer|conversion|should|cannot|delimiter|"
    r"property|enclosed|unterminated|out of range)\b",
    re.IGNORECASE,
)
_DEUTSCH = re.compile(
    r"\b(der|die|das|den|dem|des|ist|sind|nicht|muss|sein|ein|eine|einer|kein|keine|darf|liegt|"
    r"fehlt|kommt|vor|nach|von|zu|und|oder|mit|im|Zeile|Fall|Ereignis|Eingabe|Daten|JSON|"
    r"Unbekannte[s]?|Feld|Pflichtfeld|Schlüssel|Zeichen|Ebenen|Datum|Liste|Zahl|Werte?|"
    r"höchstens|zwischen|außerhalb|gültig\w*|Jeder)\b",
    re.IGNORECASE,
)


def ist_deutscher_satz(meldung: object) -> bool:
    """A German sentence: non-empty, ends with a full stop, German words, no English ones
    (quoted keys and values are left out of the word check)."""
    if not isinstance(meldung, str) or not meldung.strip() or meldung != meldung.strip():
        return False
    ohne_zitate = re.sub(r"'[^']*'|\"[^\"]*\"", "", meldung)
    return (
        meldung.endswith(".")
        and _ENGLISCH.search(ohne_zitate) is None
        and _DEUTSCH.search(ohne_zitate) is not None
    )


# -- strategies ---------------------------------------------------------------------------------

DATUM_WERTE = st.one_of(
    st.dates(dt.date(2023, 1, 1), dt.date(2027, 12, 31)).map(dt.date.isoformat),
    st.sampled_from(
        [
            "1900-01-01",
            "2099-12-31",
            "1899-12-31",
            "2100-01-01",
            "0001-01-01",
            "9999-12-31",
            "0000-01-01",
            "2024-02-30",
            "2024-1-5",
            "2024-01-05T00:00",
            "+2024-01-05",
            "05.06.2024",
            "",
        ]
    ),
    st.dates(dt.date(1, 1, 1), dt.date(9999, 12, 31)).map(dt.date.isoformat),
)
WERTE_POOL: list[Any] = [
    "kooplan/fall/1",
    "kooplan/fall/2",
    *EREIGNIS_FELDER,
    "massnahme",
    "vermittlungsvorschlag",
    "eigenbemuehungen",
    "leistungsberechtigte",
    "jobcenter",
    "beide",
    "pflichtverletzung",
    "meldeversaeumnis",
    "abs1_nr1",
    "abs2_nr4",
    "woche",
    "monat",
    "DE-BE",
    "DE-XX",
    "e1",
    "t1",
    "m1",
    "mf1",
    "JC-4711-0001",
    GEHEIM,
    "",
    " ",
    "\x00",
    "\u2028",
    "\ud800",
    "a\udcffb",
    "\ufeff",
    "ä" * 70,
    0,
    1,
    2,
    3,
    4,
    5,
    10,
    20,
    30,
    100,
    101,
    1000,
    1001,
    -1,
    2**63,
    10**300,  # larger ints (over 4300 digits) are tested on their own below
    0.0,
    -0.0,
    1.5,
    1e308,
    True,
    False,
    None,
]
SKALARE = st.one_of(
    st.sampled_from(WERTE_POOL),
    DATUM_WERTE,
    st.none(),
    st.booleans(),
    st.integers(-(10**20), 10**20),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=16),
)
SCHLUESSEL = st.one_of(
    st.sampled_from(sorted(FELDNAMEN)),
    st.sampled_from(["", " ", "a.b", "[0]", '"', "\\", "\ud800", "k" * 60, "x_", "X_a", "art "]),
    st.text(max_size=10),
    st.text(max_size=8).map(lambda s: "x_" + s),
)
JSON_WERTE = st.recursive(
    SKALARE,
    lambda kinder: st.lists(kinder, max_size=5) | st.dictionaries(SCHLUESSEL, kinder, max_size=6),
    max_leaves=25,
)


def wert_fuer(feld: Feld) -> st.SearchStrategy[Any]:
    """Values for a contract field: mostly of its type and range, sometimes anything."""
    t = feld.typ
    if t is Typ.DATUM:
        passend: st.SearchStrategy[Any] = DATUM_WERTE
    elif t is Typ.BOOL:
        passend = st.booleans()
    elif t is Typ.INT:
        lo = (feld.minimum or 0) - 2
        hi = (feld.maximum or 10) + 2
        passend = st.integers(lo, hi) | st.sampled_from([10, 20, 30])
    elif t in (Typ.TEXT, Typ.ID):
        passend = st.sampled_from(["e1", "t1", "m1", "mf1", GEHEIM]) | st.text(max_size=12)
    elif t is Typ.TEXTLISTE:
        passend = st.lists(st.text(max_size=8) | st.just(GEHEIM), max_size=3)
    elif t in (Typ.ENUM, Typ.KONSTANTE):
        passend = st.sampled_from(feld.werte)
    elif t is Typ.LAND:
        passend = st.sampled_from(LAENDER)
    elif t is Typ.PLAN:
        passend = objekt_nach(PLAN_FELDER)
    elif t is Typ.EIGENBEMUEHUNGEN:
        passend = objekt_nach(EIGENBEMUEHUNGEN_FELDER)
    elif t is Typ.FALL_ID:
        passend = st.from_regex(r"[A-Za-z0-9._-]{1,64}", fullmatch=True)
    else:
        passend = st.lists(ereignisartig(), max_size=6)
    return st.one_of(passend, passend, passend, SKALARE, JSON_WERTE)


@st.composite
def objekt_nach(draw: st.DrawFn, felder: Any, art: str | None = None) -> dict[str, Any]:
    """An object shaped like ``felder``: required keys mostly present, optional ones sometimes,
    now and then an unknown or ``x_`` key, keys in random order."""
    obj: dict[str, Any] = {}
    for name, feld in felder.items():
        if draw(st.floats(0, 1)) < (0.93 if feld.pflicht else 0.4):
            obj[name] = draw(wert_fuer(feld)) if name != "art" or art is None else art
    if draw(st.floats(0, 1)) < 0.15:
        obj[draw(SCHLUESSEL)] = draw(JSON_WERTE)
    reihenfolge = draw(st.permutations(list(obj)))
    return {k: obj[k] for k in reihenfolge}


@st.composite
def ereignisartig(draw: st.DrawFn) -> Any:
    art = draw(st.sampled_from(list(EREIGNIS_FELDER)))
    return draw(objekt_nach(ereignis_felder(art), art))


def fallartig() -> st.SearchStrategy[dict[str, Any]]:
    return objekt_nach(FALL_FELDER)


@st.composite
def mutiert(draw: st.DrawFn, hoechstens: int = 3) -> dict[str, Any]:
    """A valid case with keys and values replaced, deleted or added at random paths."""
    obj = copy.deepcopy(draw(st.sampled_from(BASIS)))
    for _ in range(draw(st.integers(0, hoechstens))):
        orte = _orte(obj)
        c, k = draw(st.sampled_from(orte))
        op = draw(st.sampled_from(["ersetzen", "ersetzen", "loeschen", "hinzufuegen", "datum"]))
        if op == "ersetzen":
            c[k] = draw(SKALARE | JSON_WERTE)
        elif op == "loeschen":
            del c[k]
        elif op == "datum":
            c[k] = draw(DATUM_WERTE)
        else:
            ziel = c[k] if isinstance(c[k], (dict, list)) else c
            if isinstance(ziel, dict):
                ziel[draw(SCHLUESSEL)] = draw(JSON_WERTE | ereignisartig())
            else:
                ziel.insert(draw(st.integers(0, len(ziel))), draw(JSON_WERTE | ereignisartig()))
    return obj


@st.composite
def umgestellt(draw: st.DrawFn) -> dict[str, Any]:
    """A valid case whose history is rearranged: events dropped, repeated, redated, reordered,
    or new events of every art inserted. Mostly loadable, often an illegal history."""
    obj = copy.deepcopy(draw(st.sampled_from(BASIS)))
    ereignisse = obj["ereignisse"]
    tage = st.dates(dt.date(2023, 6, 1), dt.date(2027, 6, 30)).map(dt.date.isoformat)
    for _ in range(draw(st.integers(1, 4))):
        op = draw(st.sampled_from(["weg", "doppelt", "datum", "tauschen", "neu", "neu"]))
        if op == "neu" or not ereignisse:
            e = draw(ereignisartig())
            if isinstance(e, dict) and draw(st.booleans()):
                e["am"] = draw(tage)
            ereignisse.insert(draw(st.integers(0, len(ereignisse))), e)
            continue
        i = draw(st.integers(0, len(ereignisse) - 1))
        if op == "weg":
            del ereignisse[i]
        elif op == "doppelt":
            ereignisse.insert(i, copy.deepcopy(ereignisse[i]))
        elif op == "datum" and isinstance(ereignisse[i], dict):
            ereignisse[i]["am"] = draw(tage)
        else:
            j = draw(st.integers(0, len(ereignisse) - 1))
            ereignisse[i], ereignisse[j] = ereignisse[j], ereignisse[i]
    return obj
