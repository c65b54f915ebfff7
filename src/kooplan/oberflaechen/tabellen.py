"""pandas adapter (optional extra `pandas`): long event tables to decisions, and back to cases.

The long table has one row per event: a case id column (`fall`), `art`, `am` and a column per
event field (`rfb`, `wichtiger_grund`, `mitwirkung`, `id`, `bezug`, `plan` …, the contract's names,
listed on the contract page `docs/vertrag.md`). A column that is no field of any event (and does
not start with `x_`) is refused once, before any case is read, with the list of such columns. A
missing cell (`None`, `NaN`, `NA`, `NaT`) means the field is absent from that event; every other
cell is a field of that event, so a value in a column the event's `art` does not have is reported
in that case's row, as the contract wants (a typo must not silently change a decision). Case data
(`geburtsdatum`, `regelbedarfsstufe`, `land`, `bewilligungszeitraum_ende`, `x_` columns) and, if
asked for, a Stichtag and a due day per case come from an optional second table with one row per
case; a case without events appears only there.

Within a case the events keep the table's row order (for events on the same day, the order of the
rows is the order of the fold). Cells are taken as the contract's JSON values with only the
representation changed, never the meaning: numpy scalars become Python values, a `date` and a
`Timestamp` at midnight become `YYYY-MM-DD`, a float with an integral value in an integer field (as
pandas stores an integer column with gaps) becomes an `int`, and a `plan` given as JSON text is
parsed. Anything else (`"ja"` for a boolean, `30.5` percent, a date with a time) reaches the
loader as it is and is reported there, in that case's row, with the table and the row (its index
label) the fault is in. The case id may be a string or an integer (an integer id is given to the
loader as its digits); the decision table keeps the id as the tables hold it, so it joins back.

The functions import pandas when called; `import kooplan` never needs it. `docs/batch.md` has a
worked example:

    t = tabellen.entscheidungen(ereignisse, "massnahme", dt.date(2025, 5, 6), faelle=stamm)
    t[t.fehler.isna()].groupby("modus").size()

and a panel, one row per case and Stichtag, each case folded once:

    p = tabellen.entscheidungen_zeitreihe(ereignisse, "massnahme", batch.monatsenden(von, bis))
    pd.crosstab(p.stichtag, p.phase)
"""

from __future__ import annotations

import datetime as dt
import importlib
import json
import math
import re
from collections.abc import Iterable, Iterator, Mapping
from typing import Any, Final

import attrs

from kooplan.oberflaechen.batch import (
    Ergebnis,
    Zeitreihenauftrag,
    entscheide_alle,
    entscheide_zeitreihe,
)
from kooplan.recht.policy import STANDARD, Policy
from kooplan.vertrag.ausgabe import fehler_als_dict
from kooplan.vertrag.felder import FALL_FELDER, FALL_SCHEMA, Feld, Typ, ereignis_felder
from kooplan.vertrag.laden import json_lesen
from kooplan.werte.anliegen import Anliegen, als_anliegen
from kooplan.werte.ereignisse import ARTEN
from kooplan.werte.fehler import KooplanError, UngueltigeEingabe
from kooplan.werte.pruefen import FRUEHESTER_TAG, SPAETESTER_TAG

__all__ = [
    "ENTSCHEIDUNG_SPALTEN",
    "entscheidungen",
    "entscheidungen_zeitreihe",
    "faelle_aus_tabellen",
    "tabellen_aus_faellen",
]

ENTSCHEIDUNG_SPALTEN: Final[tuple[str, ...]] = (
    "fall",
    "phase",
    "modus",
    "rfb",
    "regel",
    "norm",
    "rechtsstand",
    "anliegen",
    "stichtag",
    "faellig",
    "naechste_ueberpruefung",
    "ueberpruefung_ueberfaellig",
    "minderung_prozent",
    "monate",
    "betrag_euro",
    "fehler",
    "meldung",
    "ort",
    "fehler_tabelle",
    "fehler_zeile",
    "gruende",
    "hinweise",
    "rechtsfolgen",
)
"""The columns of [`entscheidungen`][kooplan.oberflaechen.tabellen.entscheidungen], in this order. `fall` is the
case id as the tables hold it; `regel` and `norm` are those of the first Grund; `minderung_prozent`,
`monate`, `betrag_euro` those of `rechtsfolgen`; `fehler`, `meldung`, `ort` are set exactly in the
rows of cases that got an error, and `fehler_tabelle` (`"ereignisse"` or `"faelle"`) and
`fehler_zeile` (the index label of that table's row) say where the fault is, when it is in one row.
"""
_DTYPES: Final[Mapping[str, str]] = {
    "rfb": "boolean",
    "ueberpruefung_ueberfaellig": "boolean",
    "minderung_prozent": "Int64",
    "monate": "Int64",
    "betrag_euro": "Float64",
}
_EREIGNISSE_PFLICHT: Final = ("art", "am")


def _pandas() -> Any:
    try:
        return importlib.import_module("pandas")
    except ImportError:
        raise ImportError(
            "kooplan.tabellen braucht pandas, das nicht installiert ist. Installiere kooplan mit "
            "dem Extra 'pandas' (im Quellordner: pip install -e '.[pandas]') oder pip install "
            "pandas.",
            name="pandas",
        ) from None


# -- cells to JSON values ---------------------------------------------------------------------------


def _fehlt(wert: Any, pd: Any) -> bool:
    """A missing cell: None, NaN, pandas' NA and NaT."""
    return (
        wert is None
        or wert is pd.NA
        or wert is pd.NaT
        or (isinstance(wert, float) and math.isnan(wert))
    )


def _python(wert: Any) -> Any:
    """numpy scalars and arrays as Python values; dates as `YYYY-MM-DD`; nested values too."""
    if type(wert).__module__ == "numpy":
        if type(wert).__name__ == "datetime64":
            wert = wert.astype("datetime64[us]")  # .tolist() of nanoseconds is an int
        wert = wert.tolist()  # scalar -> Python scalar, array -> list
    if isinstance(wert, dt.datetime):  # pandas' Timestamp is one
        if wert.tzinfo is None and wert.time() == dt.time(0, 0):
            return wert.date().isoformat()
        return wert.isoformat()  # not a day: the loader reports it
    if isinstance(wert, dt.date):
        return wert.isoformat()
    if isinstance(wert, Mapping):
        return {str(k): _python(v) for k, v in wert.items()}
    if isinstance(wert, (list, tuple)):
        return [_python(v) for v in wert]
    return wert


def _zelle(wert: Any, feld: Feld | None) -> Any:
    wert = _python(wert)
    if feld is None:
        return wert
    if feld.typ is Typ.INT and isinstance(wert, float) and wert.is_integer():
        return int(wert)
    if feld.typ is Typ.PLAN and isinstance(wert, str):
        try:
            return json_lesen(wert)
        except KooplanError:
            return wert  # the loader reports that 'plan' is not an object
    return wert


def _name(spalte: str) -> str:
    """A column name as a message shows it: printable ASCII, at most 40 characters."""
    kurz = spalte if len(spalte) <= 40 else spalte[:40] + "…"
    text: str = json.dumps(kurz, ensure_ascii=True)
    return f"'{text[1:-1]}'"


def _spalten(tabelle: Any, pflicht: Iterable[str], name: str) -> list[str]:
    spalten = [str(s) for s in tabelle.columns]
    if len(set(spalten)) != len(spalten):
        raise UngueltigeEingabe(f"Die Tabelle '{name}' hat doppelte Spaltennamen.")
    fehlend = [s for s in pflicht if s not in spalten]
    if fehlend:
        raise UngueltigeEingabe(
            f"Der Tabelle '{name}' fehlt die Spalte {', '.join(_name(s) for s in fehlend)}."
        )
    return spalten


_EREIGNIS_SPALTEN: Final = frozenset(n for art in ARTEN for n in ereignis_felder(art))
"""Every field of any event: the columns an event table may have (besides the id and `x_`)."""
_FALL_SPALTEN: Final = frozenset(FALL_FELDER) - {"ereignisse"}
"""The case fields a case table may have (besides the id, `schema` and `x_`)."""


def _unbekannte_spalten(
    spalten: Iterable[str], bekannt: Iterable[str], name: str, hinweis: str
) -> None:
    """Refuse, once and before any case is read, the columns that are no field of the contract
    (a typo in a column name would otherwise make every case an error, or be ignored)."""
    erlaubt = set(bekannt)
    fremd = [s for s in spalten if s not in erlaubt and not s.startswith("x_")]
    if fremd:
        raise UngueltigeEingabe(
            f"Die Tabelle '{name}' hat {len(fremd)} unbekannte Spalte(n): "
            f"{', '.join(_name(s) for s in fremd)}. {hinweis}"
        )


def _label(label: Any) -> Any:
    """A row's index label as `.loc` takes it (a numpy scalar as its Python value)."""
    return label.item() if type(label).__module__ == "numpy" else label


def _schluessel(wert: Any, pd: Any) -> Any:
    return None if _fehlt(wert, pd) else _python(wert)


def _fall_id(schluessel: Any) -> Any:
    """The case id for the contract: an integer id (also one pandas stores as a float) as its
    digits; anything else as it is (the loader reports what is not a valid id)."""
    if isinstance(schluessel, float) and schluessel.is_integer():
        schluessel = int(schluessel)
    if isinstance(schluessel, int) and not isinstance(schluessel, bool):
        return str(schluessel)
    return schluessel


@attrs.frozen
class _Herkunft:
    """Where a case comes from in the tables: its row in the case table (index label, or
    `None`), the rows of its events in order, and its cells of the day columns."""

    schluessel: Any
    fall_zeile: Any = None
    hat_fall_zeile: bool = False
    ereignis_zeilen: tuple[Any, ...] = ()
    tage: Mapping[str, Any] = attrs.field(factory=dict)


_EREIGNIS_ORT: Final = re.compile(r"ereignisse\[(\d+)\]")


def _fehler_zeile(ort: str | None, h: _Herkunft) -> tuple[str | None, Any]:
    """The table and row (index label) an error at `ort` belongs to."""
    if ort is not None:
        m = _EREIGNIS_ORT.match(ort)
        if m is not None:
            i = int(m.group(1))
            if i < len(h.ereignis_zeilen):
                return "ereignisse", h.ereignis_zeilen[i]
            return None, None
        if ort == "ereignisse":
            return None, None
    if h.hat_fall_zeile:
        return "faelle", h.fall_zeile
    if ort is not None and ort.split(".")[0] == "fall" and h.ereignis_zeilen:
        return "ereignisse", h.ereignis_zeilen[0]
    return None, None


# -- tables to cases ------------------------------------------------------------------------------


def _faelle(
    ereignisse: Any,
    faelle: Any,
    fall_spalte: str,
    tag_spalten: tuple[str, ...] = (),
) -> list[tuple[dict[str, Any], _Herkunft]]:
    """The cases of the tables with where each comes from; every check of the tables' structure
    is made here, before any case is returned."""
    pd = _pandas()
    spalten = _spalten(ereignisse, (fall_spalte, *_EREIGNISSE_PFLICHT), "ereignisse")
    hinweis_tage = (
        " Stichtag und Fälligkeit je Fall gehören in die Tabelle 'faelle'."
        if any(s in spalten for s in tag_spalten)
        else ""
    )
    _unbekannte_spalten(
        spalten,
        {fall_spalte, *_EREIGNIS_SPALTEN},
        "ereignisse",
        "Erlaubt sind die Felder der Ereignisse (Vertrag kooplan/fall/1) und Spalten, die mit "
        "'x_' beginnen." + hinweis_tage,
    )
    i_fall, i_art = spalten.index(fall_spalte), spalten.index("art")
    gruppen: dict[Any, list[dict[str, Any]]] = {}
    zeilen: dict[Any, list[Any]] = {}
    for label, *zeile in ereignisse.itertuples(index=True, name=None):
        art = zeile[i_art]
        felder = ereignis_felder(art) if isinstance(art, str) and art in ARTEN else {}
        ereignis = {
            name: _zelle(wert, felder.get(name))
            for i, (name, wert) in enumerate(zip(spalten, zeile, strict=True))
            if i != i_fall and not _fehlt(wert, pd)
        }
        schluessel = _schluessel(zeile[i_fall], pd)
        gruppen.setdefault(schluessel, []).append(ereignis)
        zeilen.setdefault(schluessel, []).append(_label(label))

    stamm: dict[Any, tuple[Any, dict[str, Any], dict[str, Any]]] = {}
    if faelle is not None:
        f_spalten = _spalten(faelle, (fall_spalte, *tag_spalten), "faelle")
        _unbekannte_spalten(
            f_spalten,
            {fall_spalte, "schema", *_FALL_SPALTEN, *tag_spalten},
            "faelle",
            "Erlaubt sind die Felder eines Falls (Vertrag kooplan/fall/1) außer 'ereignisse', "
            "die Spalten für Stichtag und Fälligkeit, wenn angegeben, und Spalten, die mit 'x_' "
            "beginnen.",
        )
        j_fall = f_spalten.index(fall_spalte)
        for label, *zeile in faelle.itertuples(index=True, name=None):
            schluessel = _schluessel(zeile[j_fall], pd)
            if schluessel in stamm:
                raise UngueltigeEingabe(
                    f"Die Tabelle 'faelle' nennt einen Fall mehrmals (Zeile {len(stamm) + 1}).",
                    ort=fall_spalte,
                )
            kopf: dict[str, Any] = {}
            tage: dict[str, Any] = {}
            for j, (name, wert) in enumerate(zip(f_spalten, zeile, strict=True)):
                if j == j_fall or _fehlt(wert, pd):
                    continue
                if name in tag_spalten:
                    tage[name] = _python(wert)
                else:
                    kopf[name] = _zelle(wert, FALL_FELDER.get(name))
            stamm[schluessel] = (_label(label), kopf, tage)

    out: list[tuple[dict[str, Any], _Herkunft]] = []
    for schluessel in [*stamm, *(k for k in gruppen if k not in stamm)]:
        obj: dict[str, Any] = {"schema": FALL_SCHEMA}
        if schluessel is not None:
            obj["fall"] = _fall_id(schluessel)
        fall_zeile, kopf, tage = stamm.get(schluessel, (None, {}, {}))
        obj.update(kopf)
        obj["ereignisse"] = gruppen.get(schluessel, [])
        herkunft = _Herkunft(
            schluessel, fall_zeile, schluessel in stamm, tuple(zeilen.get(schluessel, ())), tage
        )
        out.append((obj, herkunft))
    return out


def faelle_aus_tabellen(
    ereignisse: Any, faelle: Any = None, *, fall_spalte: str = "fall"
) -> Iterator[dict[str, Any]]:
    """The cases of a long event table (and an optional case table) as contract JSON objects.

    Args:
        ereignisse: one row per event with the columns `fall_spalte`, `art`, `am` and the event
            fields (the contract's names; `x_` columns are the caller's data).
        faelle: one row per case with `fall_spalte` and case fields (`geburtsdatum`,
            `regelbedarfsstufe`, `land`, `bewilligungszeitraum_ende`, `schema`, `x_…`).
        fall_spalte: the name of the case id column in both tables.

    Returns:
        The cases in the order of `faelle`, then those only in `ereignisse` in the order they
        first appear; each with its events in row order. `schema` is `kooplan/fall/1` unless
        `faelle` has a `schema` column; an integer case id becomes its digits.

    Raises:
        UngueltigeEingabe: a table lacks a required column, has a column that is no field of
            the contract (all such columns are named), or the case table names a case twice.
            Everything about a single case is left to the loader (and so becomes that case's
            error).
    """
    return iter([obj for obj, _ in _faelle(ereignisse, faelle, fall_spalte)])


def tabellen_aus_faellen(
    faelle: Iterable[Mapping[str, Any]], *, fall_spalte: str = "fall"
) -> tuple[Any, Any]:
    """Contract JSON objects of cases as two tables `(ereignisse, faelle)`.

    The long event table has `fall_spalte`, `art`, `am`, then the other fields in the order they
    first appear; the case table `fall_spalte` and the case fields (`schema` only where it is not
    `kooplan/fall/1`). [`faelle_aus_tabellen`][kooplan.oberflaechen.tabellen.faelle_aus_tabellen] reads them
    back into equal objects, for cases with distinct ids and without `null` values (a missing
    cell is an absent key).
    """
    pd = _pandas()
    e_zeilen: list[dict[str, Any]] = []
    f_zeilen: list[dict[str, Any]] = []
    e_spalten: dict[str, None] = dict.fromkeys((fall_spalte, *_EREIGNISSE_PFLICHT))
    f_spalten: dict[str, None] = {fall_spalte: None}
    for obj in faelle:
        if not isinstance(obj, Mapping):
            raise UngueltigeEingabe("Ein Fall muss ein JSON-Objekt (dict) sein.")
        fall = obj.get("fall")
        kopf = {
            k: v
            for k, v in obj.items()
            if k != "ereignisse" and not (k == "schema" and v == FALL_SCHEMA)
        }
        f_spalten.update(dict.fromkeys(kopf))
        f_zeilen.append(kopf)
        ereignisse = obj.get("ereignisse", [])
        if not isinstance(ereignisse, list):
            raise UngueltigeEingabe("'ereignisse' muss eine Liste sein.", ort="ereignisse")
        for e in ereignisse:
            if not isinstance(e, Mapping):
                raise UngueltigeEingabe("Ein Ereignis muss ein JSON-Objekt sein.", ort="ereignisse")
            if fall_spalte in e:
                raise UngueltigeEingabe(
                    f"Ein Ereignis hat ein Feld '{fall_spalte}' wie die Fallspalte; "
                    "wähle eine andere fall_spalte.",
                    ort="ereignisse",
                )
            e_spalten.update(dict.fromkeys(e))
            e_zeilen.append({fall_spalte: fall, **e})
    return (
        pd.DataFrame(e_zeilen, columns=list(e_spalten)),
        pd.DataFrame(f_zeilen, columns=list(f_spalten)),
    )


# -- decisions ------------------------------------------------------------------------------------


_TAG: Final = re.compile(r"\d{4}-\d{2}-\d{2}")


def _tag(wert: Any, name: str) -> dt.date:
    """A day from a cell of a day column (a date, a Timestamp at midnight, or `YYYY-MM-DD`)."""
    text = wert if isinstance(wert, str) else None
    if text is None or not _TAG.fullmatch(text):
        raise UngueltigeEingabe(f"'{name}' muss ein Datum der Form JJJJ-MM-TT sein.", ort=name)
    try:
        tag = dt.date.fromisoformat(text)
    except ValueError:
        raise UngueltigeEingabe(f"'{name}' ist kein gültiger Kalendertag.", ort=name) from None
    if not FRUEHESTER_TAG <= tag <= SPAETESTER_TAG:
        raise UngueltigeEingabe(
            f"'{name}' muss zwischen dem {FRUEHESTER_TAG:%d.%m.%Y} und dem "
            f"{SPAETESTER_TAG:%d.%m.%Y} liegen.",
            ort=name,
        )
    return tag


def _tage(
    h: _Herkunft,
    stichtag: dt.date | None,
    faellig: dt.date | None,
    stichtag_spalte: str | None,
    faellig_spalte: str | None,
) -> tuple[dt.date, dt.date | None]:
    """The Stichtag and due day of one case: its cells of the day columns, else the arguments."""
    st = stichtag
    if stichtag_spalte is not None and stichtag_spalte in h.tage:
        st = _tag(h.tage[stichtag_spalte], stichtag_spalte)
    if st is None:
        raise UngueltigeEingabe(
            f"Für diesen Fall ist kein Stichtag angegeben (die Zelle in '{stichtag_spalte}' ist "
            "leer, und das Argument stichtag fehlt).",
            ort=stichtag_spalte,
        )
    fa = faellig
    if faellig_spalte is not None and faellig_spalte in h.tage:
        fa = _tag(h.tage[faellig_spalte], faellig_spalte)
    if fa is not None and fa < st:
        raise UngueltigeEingabe(
            "'faellig' darf nicht vor dem Stichtag liegen.", ort=faellig_spalte or "faellig"
        )
    return st, fa


def _zeile(d: dict[str, Any], h: _Herkunft) -> dict[str, Any]:
    if d["schema"] != "kooplan/entscheidung/1":
        tabelle, zeile = _fehler_zeile(d["ort"], h)
        return {
            "fall": h.schluessel,
            "fehler": d["fehler"],
            "meldung": d["meldung"],
            "ort": d["ort"],
            "fehler_tabelle": tabelle,
            "fehler_zeile": zeile,
        }
    out = {k: d[k] for k in ENTSCHEIDUNG_SPALTEN if k in d}
    out["fall"] = h.schluessel
    grund = d["gruende"][0]
    out["regel"], out["norm"] = grund["regel"], grund["norm"]
    folgen = d.get("rechtsfolgen")
    if folgen is not None:
        out["minderung_prozent"] = folgen["minderung_prozent"]
        out["monate"] = folgen["monate"]
        out["betrag_euro"] = folgen.get("betrag_euro")
    return out


def entscheidungen(
    ereignisse: Any,
    anliegen: Anliegen | str,
    stichtag: dt.date | None = None,
    faellig: dt.date | None = None,
    policy: Policy = STANDARD,
    *,
    faelle: Any = None,
    fall_spalte: str = "fall",
    stichtag_spalte: str | None = None,
    faellig_spalte: str | None = None,
    jobs: int = 1,
) -> Any:
    """One row per case of the tables: its decision for `anliegen`, or its error.

    Args:
        ereignisse: the long event table (see
            [`faelle_aus_tabellen`][kooplan.oberflaechen.tabellen.faelle_aus_tabellen]).
        anliegen: the Anliegen, as member or contract value.
        stichtag: the Stichtag of every case, or of those whose cell in `stichtag_spalte` is
            empty.
        faellig: the due day (default: each case's Stichtag), or of those whose cell in
            `faellig_spalte` is empty.
        policy: the policy.
        faelle: the optional case table.
        fall_spalte: the name of the case id column in both tables.
        stichtag_spalte: a column of `faelle` with each case's Stichtag (a date, a Timestamp or
            `YYYY-MM-DD`); a bad cell is that case's error at `ort` = the column's name.
        faellig_spalte: a column of `faelle` with each case's due day, likewise.
        jobs: worker processes, as in [`entscheide_alle`][kooplan.oberflaechen.batch.entscheide_alle] (with
            Stichtage per case, the cases are decided in groups of equal days).

    Returns:
        A DataFrame with the columns [`ENTSCHEIDUNG_SPALTEN`][kooplan.oberflaechen.tabellen.ENTSCHEIDUNG_SPALTEN],
        one row per case in the order of [`faelle_aus_tabellen`][kooplan.oberflaechen.tabellen.faelle_aus_tabellen].
        Dates are ISO strings as in the contract; `gruende`, `hinweise` and `rechtsfolgen` hold
        the contract's JSON values (lists and dicts); `fall` holds the case id as the tables do
        (the same type, also for an integer id), so the table joins back to the input.

    Raises:
        UngueltigeEingabe: before any case is decided, for a bad argument (Anliegen, no Stichtag
            at all, a day column missing from `faelle`) or a table the adapter cannot read (see
            [`faelle_aus_tabellen`][kooplan.oberflaechen.tabellen.faelle_aus_tabellen]).
    """
    pd = _pandas()
    als_anliegen(anliegen)
    tag_spalten = tuple(s for s in (stichtag_spalte, faellig_spalte) if s is not None)
    if tag_spalten and faelle is None:
        raise UngueltigeEingabe(
            "Stichtag und Fälligkeit je Fall stehen in der Tabelle 'faelle'; sie fehlt.",
            ort="faelle",
        )
    if stichtag is None and stichtag_spalte is None:
        raise UngueltigeEingabe(
            "Es fehlt der Stichtag: das Argument stichtag oder eine stichtag_spalte.",
            ort="stichtag",
        )
    faelle_liste = _faelle(ereignisse, faelle, fall_spalte, tag_spalten)
    dicts: list[dict[str, Any] | None] = [None] * len(faelle_liste)
    gruppen: dict[tuple[dt.date, dt.date | None], list[int]] = {}
    for i, (_, h) in enumerate(faelle_liste):
        try:
            tage = _tage(h, stichtag, faellig, stichtag_spalte, faellig_spalte)
        except UngueltigeEingabe as err:
            dicts[i] = fehler_als_dict(err)
            continue
        gruppen.setdefault(tage, []).append(i)
    for (st, fa), indizes in gruppen.items():
        ergebnisse: Iterator[Ergebnis] = entscheide_alle(
            (faelle_liste[i][0] for i in indizes), anliegen, st, fa, policy, jobs=jobs
        )
        for i, r in zip(indizes, ergebnisse, strict=True):
            dicts[i] = r.als_dict()
    zeilen = [_zeile(d, h) for d, (_, h) in zip(dicts, faelle_liste, strict=True) if d is not None]
    return _tabelle(zeilen, pd)


def _tabelle(zeilen: list[dict[str, Any]], pd: Any) -> Any:
    tabelle = pd.DataFrame(zeilen, columns=list(ENTSCHEIDUNG_SPALTEN))
    # the row labels as the tables have them (an integer label must not become a float)
    tabelle["fehler_zeile"] = pd.Series(
        [z.get("fehler_zeile") for z in zeilen], index=tabelle.index, dtype=object
    )
    return tabelle.astype(dict(_DTYPES))


def entscheidungen_zeitreihe(
    ereignisse: Any,
    anliegen: Anliegen | str,
    stichtage: Iterable[dt.date],
    policy: Policy = STANDARD,
    *,
    faelle: Any = None,
    fall_spalte: str = "fall",
) -> Any:
    """A panel: one row per case and Stichtag, each case read and folded once.

    The long form of [`entscheidungen`][kooplan.oberflaechen.tabellen.entscheidungen] over several Stichtage,
    made with [`entscheide_zeitreihe`][kooplan.oberflaechen.batch.entscheide_zeitreihe]: the fold of a case
    stops at each Stichtag on its way and decides there, so 36 month ends cost far less than 36
    calls of `entscheidungen`. The row of a case at a Stichtag is the row `entscheidungen` gives
    for that case with that Stichtag (and no `faellig`: the due day is the Stichtag), with one
    addition: `stichtag` is set in the rows of errors too, so that every row says its day.
    The cases are decided in this process; a case load too large for one process goes as JSON
    Lines to [`entscheide_zeitreihe_jsonl`][kooplan.oberflaechen.batch.entscheide_zeitreihe_jsonl] with
    `jobs`.

    Args:
        ereignisse: the long event table (see
            [`faelle_aus_tabellen`][kooplan.oberflaechen.tabellen.faelle_aus_tabellen]).
        anliegen: the Anliegen, as member or contract value.
        stichtage: the Stichtage (dates; sorted, repeats dropped), e.g.
            [`monatsenden`][kooplan.oberflaechen.batch.monatsenden].
        policy: the policy.
        faelle: the optional case table.
        fall_spalte: the name of the case id column in both tables.

    Returns:
        A DataFrame with the columns [`ENTSCHEIDUNG_SPALTEN`][kooplan.oberflaechen.tabellen.ENTSCHEIDUNG_SPALTEN]:
        for each case in the order of [`faelle_aus_tabellen`][kooplan.oberflaechen.tabellen.faelle_aus_tabellen]
        one row per Stichtag, ascending. A case that cannot be read has its error at every
        Stichtag. Dates are ISO strings as in the contract.

    Raises:
        UngueltigeEingabe: before any case is decided, for a bad Anliegen, Stichtag or policy,
            or a table the adapter cannot read.
    """
    pd = _pandas()
    auftrag = Zeitreihenauftrag.neu(anliegen, stichtage, policy)
    faelle_liste = _faelle(ereignisse, faelle, fall_spalte)
    zeilen: list[dict[str, Any]] = []
    ergebnisse = entscheide_zeitreihe(
        (obj for obj, _ in faelle_liste), auftrag.anliegen, auftrag.stichtage, auftrag.policy
    )
    for r in ergebnisse:
        z = _zeile(r.als_dict(), faelle_liste[r.index][1])
        z["stichtag"] = r.stichtag.isoformat()
        zeilen.append(z)
    return _tabelle(zeilen, pd)
