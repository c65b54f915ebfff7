"""Writing decisions and errors as the contract's JSON (`kooplan/entscheidung/1`,
`kooplan/fehler/1`): keys in the contract's order, UTF-8, not ASCII-escaped, absent optional
objects left out.

The decision calls this to give its own JSON (`Entscheidung.als_dict`); the writer reads the
fields it writes through the protocols of `kooplan.werte.formen`. `kooplan.vertrag` offers these
functions with the reader and the schemas."""

from __future__ import annotations

import json
from json.encoder import encode_basestring
from typing import Any, Final

from kooplan.werte.fehler import KooplanError
from kooplan.werte.formen import Bausteinform, Entscheidungsform, Hinweisform, Rechtsfolgeform
from kooplan.werte.zwischenspeicher import anmelden

__all__ = [
    "ENTSCHEIDUNG_SCHEMA",
    "FEHLER_SCHEMA",
    "entscheidung_als_dict",
    "entscheidung_als_zeile",
    "fehler_als_dict",
    "rechtsfolge_als_dict",
    "zeile",
]

ENTSCHEIDUNG_SCHEMA: Final = "kooplan/entscheidung/1"
"""The schema name of a decision object."""
FEHLER_SCHEMA: Final = "kooplan/fehler/1"
"""The schema name of an error object."""


def _hinweis(h: Hinweisform) -> dict[str, Any]:
    return {"code": h.code, "quelle": h.quelle.value, "norm": h.norm, "text": h.text}


def _baustein(b: Bausteinform) -> dict[str, Any]:
    out = {"art": b.art, "text": b.text}
    if b.norm is not None:
        out["norm"] = b.norm
    return out


def rechtsfolge_als_dict(r: Rechtsfolgeform) -> dict[str, Any]:
    """The contract's `rechtsfolgen` object; optional keys only where they apply."""
    out: dict[str, Any] = {
        "rechtsstand": r.rechtsstand,
        "minderung_prozent": r.minderung_prozent,
        "monate": r.monate,
        "norm": r.norm,
        "text": r.text,
    }
    if r.betrag_euro is not None:
        out["betrag_euro"] = float(r.betrag_euro)
    if r.minderung_prozent_gedeckelt is not None:
        out["minderung_prozent_gedeckelt"] = r.minderung_prozent_gedeckelt
    if r.entzug_regelbedarf is not None:
        out["entzug_regelbedarf"] = r.entzug_regelbedarf
    if r.nicht_erreichbar is not None:
        out["nicht_erreichbar"] = r.nicht_erreichbar
    if r.folgestufen:
        out["folgestufen"] = [rechtsfolge_als_dict(f) for f in r.folgestufen]
    if r.alternativen:
        out["alternativen"] = [rechtsfolge_als_dict(a) for a in r.alternativen]
    if r.bausteine:
        out["bausteine"] = [_baustein(b) for b in r.bausteine]
    if r.beginn_fruehestens is not None:
        out["beginn_fruehestens"] = r.beginn_fruehestens.isoformat()
    if r.feststellung_bis is not None:
        out["feststellung_bis"] = r.feststellung_bis.isoformat()
    return out


def entscheidung_als_dict(e: Entscheidungsform, zeile_nr: int | None = None) -> dict[str, Any]:
    """The decision as the contract's JSON object (a dict in the contract's key order).

    `zeile_nr`: the input line of a case read from JSON Lines; it then follows `fall`, as in
    the error object.
    """
    kopf: dict[str, Any] = {"schema": ENTSCHEIDUNG_SCHEMA, "fall": e.fall}
    if zeile_nr is not None:
        kopf["zeile"] = zeile_nr
    body: dict[str, Any] = {
        "stichtag": e.stichtag.isoformat(),
        "faellig": e.faellig.isoformat(),
        "rechtsstand": e.rechtsstand.id,
        "anliegen": e.anliegen.value,
        "phase": e.phase.value,
        "modus": e.modus.value,
        "rfb": e.rfb,
        "gruende": [
            {"regel": g.regel, "norm": g.norm, "quelle": g.quelle.value, "text": g.text}
            for g in e.gruende
        ],
        "hinweise": [_hinweis(h) for h in e.hinweise],
        "naechste_ueberpruefung": (
            e.naechste_ueberpruefung.isoformat() if e.naechste_ueberpruefung else None
        ),
        "ueberpruefung_ueberfaellig": e.ueberpruefung_ueberfaellig,
    }
    if e.rechtsfolgen is not None:
        body["rechtsfolgen"] = rechtsfolge_als_dict(e.rechtsfolgen)
    return kopf | body


def fehler_als_dict(err: KooplanError, zeile_nr: int | None = None) -> dict[str, Any]:
    """An error as the contract's JSON object."""
    return {
        "schema": FEHLER_SCHEMA,
        "fall": err.fall,
        "zeile": zeile_nr,
        "fehler": err.code,
        "meldung": err.meldung,
        "ort": err.ort,
    }


def zeile(obj: dict[str, Any]) -> str:
    """One JSON Lines line (without the newline)."""
    return json.dumps(obj, ensure_ascii=False, separators=(", ", ": "))


# -- the decision line, written directly ------------------------------------------------------------
#
# `entscheidung_als_zeile` writes exactly `zeile(entscheidung_als_dict(e, nr))` (a property
# test holds the two together), but without building the dict and without encoding the same
# texts again for every case: the reasons, the notes and the Rechtsfolgen of a case load are few
# distinct values, and their JSON was most of the time of writing a line.

_SCHEMA_TEXT: Final = encode_basestring(ENTSCHEIDUNG_SCHEMA)
_TRUE_FALSE: Final = ("false", "true")
_FRAGMENTE: dict[Any, str] = {}
"""JSON of values seen before (reasons, notes, Rechtsfolgen), bounded: cleared when full."""
FRAGMENTE_HOECHSTENS: Final = 4096
"""How many values `entscheidung_als_zeile` keeps the JSON of; a full store is emptied. Not in
`__all__` (the bound may change): named for the test that writes more distinct values than this
and checks that a value seen before still gives its own JSON."""
# Saves 35 µs per case (22 %) on the standard corpus, benchmarks/caches.py (99 % of lookups hit).
anmelden("werte.ausgabe.fragmente", _FRAGMENTE)


def _fragment(wert: Any, als_json: Any) -> str:
    f = _FRAGMENTE.get(wert)
    if f is None:
        f = zeile(als_json(wert))
        if len(_FRAGMENTE) >= FRAGMENTE_HOECHSTENS:
            _FRAGMENTE.clear()
        _FRAGMENTE[wert] = f
    return f


def _gruende_json(gruende: tuple[Any, ...]) -> list[dict[str, Any]]:
    return [
        {"regel": g.regel, "norm": g.norm, "quelle": g.quelle.value, "text": g.text}
        for g in gruende
    ]


def _hinweise_json(hinweise: tuple[Hinweisform, ...]) -> list[dict[str, Any]]:
    return [_hinweis(h) for h in hinweise]


def entscheidung_als_zeile(e: Entscheidungsform, zeile_nr: int | None = None) -> str:
    """The decision as one JSON Lines line (without the newline): exactly
    `zeile(entscheidung_als_dict(e, zeile_nr))`, written faster."""
    pruefung = e.naechste_ueberpruefung
    teile = [
        '{"schema": ',
        _SCHEMA_TEXT,
        ', "fall": ',
        encode_basestring(e.fall),
    ]
    if zeile_nr is not None:
        teile += [', "zeile": ', int.__repr__(zeile_nr)]
    teile += [
        ', "stichtag": "',
        e.stichtag.isoformat(),
        '", "faellig": "',
        e.faellig.isoformat(),
        '", "rechtsstand": ',
        encode_basestring(e.rechtsstand.id),
        ', "anliegen": ',
        encode_basestring(e.anliegen.value),
        ', "phase": ',
        encode_basestring(e.phase.value),
        ', "modus": ',
        encode_basestring(e.modus.value),
        ', "rfb": ',
        _TRUE_FALSE[e.rfb],
        ', "gruende": ',
        _fragment(e.gruende, _gruende_json),
        ', "hinweise": ',
        _fragment(e.hinweise, _hinweise_json),
        ', "naechste_ueberpruefung": ',
        '"' + pruefung.isoformat() + '"' if pruefung is not None else "null",
        ', "ueberpruefung_ueberfaellig": ',
        _TRUE_FALSE[e.ueberpruefung_ueberfaellig],
    ]
    if e.rechtsfolgen is not None:
        teile += [', "rechtsfolgen": ', _fragment(e.rechtsfolgen, rechtsfolge_als_dict)]
    teile.append("}")
    return "".join(teile)
