"""pandas adapter (optional extra ``pandas``): long event tables to decisions, and back to cases.

The long table has one row per event: a case id column (``fall``), ``art``, ``am`` and a column
per event field (``rfb``, ``wichtiger_grund``, ``mitwirkung``, ``id``, ``bezug``, ``plan`` …, the
contract's names; see CONTRACT.md). A missing cell (``None``, ``NaN``, ``NA``, ``NaT``) means the
field is absent from that event; every other cell is a field of that event, so a value in a column
the event's ``art`` does not have is reported, as the contract wants (a typo must not silently
change a decision). Case data (``geburtsdatum``, ``regelbedarfsstufe``, ``land``,
``bewilligungszeitraum_ende``, ``x_`` columns) comes from an optional second table with one row per
case; a case without events appears only there.

Within a case the events keep the table's row order (for events on the same day, the order of the
rows is the order of the fold). Cells are taken as the contract's JSON values with only the
representation changed, never the meaning: numpy scalars become Python values, a ``date`` and a
``Timestamp`` at midnight become ``YYYY-MM-DD``, a float with an integral value in an integer field (as
pandas stores an integer column with gaps) becomes an ``int``, and a ``plan`` given as JSON text is
parsed. Anything else (``"ja"`` for a boolean, ``30.5`` percent, a date with a time) reaches the
loader as it is and is reported there, in that case's row.

The functions import pandas when called; ``import kooplan`` never needs it. docs/batch.md has a
worked example::

    t = tabellen.entscheidungen(ereignisse, "massnahme", dt.date(2025, 5, 6), faelle=stamm)
    t[t.fehler.isna()].groupby("modus").size()
"""

from __future__ import annotations

import datetime as dt
import importlib
import math
from collections.abc import Iterable, Iterator, Mapping
from typing import Any, Final

from kooplan.batch import Ergebnis, entscheide_alle
from kooplan.entscheidung import Anliegen
from kooplan.ereignisse import ARTEN
from kooplan.fehler import KooplanError, UngueltigeEingabe
from kooplan.policy import STANDARD, Policy
from kooplan.vertrag.felder import FALL_FELDER, FALL_SCHEMA, Feld, Typ, ereignis_felder
from kooplan.vertrag.laden import json_lesen

__all__ = [
    "ENTSCHEIDUNG_SPALTEN",
    "entscheidungen",
    "faelle_aus_tabellen",
    "tabellen_aus_faellen",
]

#: The columns of :func:`entscheidungen`, in this order. ``regel`` and ``norm`` are those of the
#: first Grund; ``minderung_prozent``, ``monate``, ``betrag_euro`` those of ``rechtsfolgen``;
#: ``fehler``, ``meldung``, ``ort`` are set exactly in the rows of cases that got an error.
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
    "gruende",
    "hinweise",
    "rechtsfolgen",
)
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
            "kooplan.tabellen braucht pandas: pip install 'kooplan[pandas]'"
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
    """numpy scalars and arrays as Python values; dates as ``YYYY-MM-DD``; nested values too."""
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


def _spalten(tabelle: Any, pflicht: Iterable[str], name: str) -> list[str]:
    spalten = [str(s) for s in tabelle.columns]
    if len(set(spalten)) != len(spalten):
        raise UngueltigeEingabe(f"Die Tabelle '{name}' hat doppelte Spaltennamen.")
    fehlend = [s for s in pflicht if s not in spalten]
    if fehlend:
        raise UngueltigeEingabe(
            f"Der Tabelle '{name}' fehlt die Spalte {', '.join(repr(s) for s in fehlend)}."
        )
    return spalten


def _schluessel(wert: Any, pd: Any) -> Any:
    return None if _fehlt(wert, pd) else _python(wert)


# -- tables to cases ------------------------------------------------------------------------------


def faelle_aus_tabellen(
    ereignisse: Any, faelle: Any = None, *, fall_spalte: str = "fall"
) -> Iterator[dict[str, Any]]:
    """The cases of a long event table (and an optional case table) as contract JSON objects.

    ``ereignisse``: one row per event with the columns ``fall_spalte``, ``art``, ``am`` and the
    event fields. ``faelle``: one row per case with ``fall_spalte`` and case fields. The cases come
    in the order of ``faelle``, then those only in ``ereignisse`` in the order they first appear;
    each with its events in row order. ``schema`` is set to ``kooplan/fall/1`` unless ``faelle``
    has a ``schema`` column. A table without the required columns, or a case table that names a
    case twice, raises :class:`~kooplan.fehler.UngueltigeEingabe`; everything about a single case
    is left to the loader (and so becomes that case's error).
    """
    pd = _pandas()
    spalten = _spalten(ereignisse, (fall_spalte, *_EREIGNISSE_PFLICHT), "ereignisse")
    i_fall, i_art = spalten.index(fall_spalte), spalten.index("art")
    gruppen: dict[Any, list[dict[str, Any]]] = {}
    for zeile in ereignisse.itertuples(index=False, name=None):
        art = zeile[i_art]
        felder = ereignis_felder(art) if isinstance(art, str) and art in ARTEN else {}
        ereignis = {
            name: _zelle(wert, felder.get(name))
            for i, (name, wert) in enumerate(zip(spalten, zeile, strict=True))
            if i != i_fall and not _fehlt(wert, pd)
        }
        gruppen.setdefault(_schluessel(zeile[i_fall], pd), []).append(ereignis)

    stamm: dict[Any, dict[str, Any]] = {}
    if faelle is not None:
        f_spalten = _spalten(faelle, (fall_spalte,), "faelle")
        j_fall = f_spalten.index(fall_spalte)
        for zeile in faelle.itertuples(index=False, name=None):
            schluessel = _schluessel(zeile[j_fall], pd)
            if schluessel in stamm:
                raise UngueltigeEingabe(
                    f"Die Tabelle 'faelle' nennt einen Fall mehrmals (Zeile {len(stamm) + 1}).",
                    ort=fall_spalte,
                )
            stamm[schluessel] = {
                name: _zelle(wert, FALL_FELDER.get(name))
                for j, (name, wert) in enumerate(zip(f_spalten, zeile, strict=True))
                if j != j_fall and not _fehlt(wert, pd)
            }

    for schluessel in [*stamm, *(k for k in gruppen if k not in stamm)]:
        obj: dict[str, Any] = {"schema": FALL_SCHEMA}
        if schluessel is not None:
            obj["fall"] = schluessel
        obj.update(stamm.get(schluessel, {}))
        obj["ereignisse"] = gruppen.get(schluessel, [])
        yield obj


def tabellen_aus_faellen(
    faelle: Iterable[Mapping[str, Any]], *, fall_spalte: str = "fall"
) -> tuple[Any, Any]:
    """Contract JSON objects of cases as two tables ``(ereignisse, faelle)``: the long event table
    (``fall_spalte``, ``art``, ``am``, then the other fields in the order they first appear) and
    the case table (``fall_spalte`` and the case fields; ``schema`` only where it is not
    ``kooplan/fall/1``). :func:`faelle_aus_tabellen` reads them back into equal objects, for
    cases with distinct ids and without ``null`` values (a missing cell is an absent key)."""
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


def _zeile(r: Ergebnis) -> dict[str, Any]:
    d = r.als_dict()
    if r.fehler is not None:
        return {"fall": d["fall"], "fehler": d["fehler"], "meldung": d["meldung"], "ort": d["ort"]}
    out = {k: d[k] for k in ENTSCHEIDUNG_SPALTEN if k in d}
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
    stichtag: dt.date,
    faellig: dt.date | None = None,
    policy: Policy = STANDARD,
    *,
    faelle: Any = None,
    fall_spalte: str = "fall",
    jobs: int = 1,
) -> Any:
    """One row per case of the tables (see :func:`faelle_aus_tabellen`, same order): its decision
    for ``anliegen`` on ``stichtag``, or its error, in the columns :data:`ENTSCHEIDUNG_SPALTEN`.

    Dates are ISO strings as in the contract; ``gruende``, ``hinweise`` and ``rechtsfolgen`` hold
    the contract's JSON values (lists and dicts); ``fall`` is the contract's (``None`` for an
    invalid id). ``jobs``: worker processes, as in :func:`kooplan.batch.entscheide_alle`.
    """
    pd = _pandas()
    objekte = faelle_aus_tabellen(ereignisse, faelle, fall_spalte=fall_spalte)
    zeilen = [
        _zeile(r) for r in entscheide_alle(objekte, anliegen, stichtag, faellig, policy, jobs=jobs)
    ]
    tabelle = pd.DataFrame(zeilen, columns=list(ENTSCHEIDUNG_SPALTEN))
    return tabelle.astype(dict(_DTYPES))
