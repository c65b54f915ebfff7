"""JSON Schemas (draft 2020-12) of the contract, generated from the field specs of the loader.

The input schemas (a case, a request) come from the same `kooplan.vertrag.felder` tables the
loader reads, so the two cannot drift. Each schema stands alone: `fall_schema`,
`anfrage_schema`, `entscheidung_schema` and `fehler_schema` each give one
schema a validator can use as it is (``kooplan schema fall``). `schemabuendel` collects
them in an object that is not itself a schema (``kooplan schema --alle``).

Two rules of the contract cannot be said in JSON Schema and are enforced by the loader only: duplicate keys, and the cross-field checks (unique ids, ``bezug``, dates before
1.7.2023, ``prozent`` without ``stufe``).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from kooplan.recht.begruendung import HINWEISE
from kooplan.recht.rechtsstaende import RECHTSSTAENDE, Quelle
from kooplan.recht.regeln import REGELN
from kooplan.vertrag.ausgabefelder import AUSGABE
from kooplan.vertrag.felder import (
    ANFRAGE_FELDER,
    ANFRAGE_SCHEMA,
    EIGENBEMUEHUNGEN_FELDER,
    ENTSCHEIDUNG_SCHEMA,
    EREIGNIS_FELDER,
    FALL_FELDER,
    FALL_SCHEMA,
    FEHLER_SCHEMA,
    PLAN_FELDER,
    Feld,
    Typ,
    ereignis_felder,
)
from kooplan.werte.anliegen import Anliegen, Modus
from kooplan.werte.ereignisse import ARTEN
from kooplan.werte.fall import LAENDER
from kooplan.werte.fehler import FEHLERCODES
from kooplan.werte.phase import Phase

__all__ = [
    "SCHEMABUENDEL",
    "alle_schemas",
    "anfrage_schema",
    "entscheidung_schema",
    "fall_schema",
    "fehler_schema",
    "schema",
    "schemabuendel",
]

_DRAFT = "https://json-schema.org/draft/2020-12/schema"
# Patterns mean the same in ECMA-262 (the dialect JSON Schema names) and in Python's `re` (which
# Python validators use): `[0-9]`, not `\d` (which in Python also matches other scripts' digits),
# and `(?!\n)$`, since Python's `$` also matches before a final line break.
_TEXT_ENDE = r"(?!\n)$"
_DATUM = {
    "type": "string",
    "pattern": r"^[0-9]{4}-[0-9]{2}-[0-9]{2}" + _TEXT_ENDE,
    "format": "date",
}
_X: dict[str, Any] = {"^x_": {}}


def _objekt(felder: Mapping[str, Feld], extra: Mapping[str, Any] | None = None) -> dict[str, Any]:
    props = {name: _feld(f) for name, f in felder.items()}
    if extra:
        props.update(extra)
    return {
        "type": "object",
        "properties": props,
        "required": [n for n, f in felder.items() if f.pflicht],
        "patternProperties": _X,
        "additionalProperties": False,
    }


def _feld(f: Feld) -> dict[str, Any]:
    s: dict[str, Any]
    if f.typ is Typ.DATUM:
        s = dict(_DATUM)
    elif f.typ is Typ.BOOL:
        s = {"type": "boolean"}
    elif f.typ is Typ.INT:
        s = {"type": "integer"}
        if f.minimum is not None:
            s["minimum"] = f.minimum
        if f.maximum is not None:
            s["maximum"] = f.maximum
    elif f.typ in (Typ.TEXT, Typ.ID):
        s = {"type": "string", "minLength": 1}
    elif f.typ is Typ.TEXTLISTE:
        s = {"type": "array", "items": {"type": "string"}}
        if f.minimum:
            s["minItems"] = f.minimum
    elif f.typ is Typ.ENUM:
        s = {"type": "string", "enum": list(f.werte)}
    elif f.typ is Typ.KONSTANTE:
        s = {"const": f.werte[0]}
    elif f.typ is Typ.FALL_ID:
        s = {"type": "string", "pattern": r"^[A-Za-z0-9._-]{1,64}" + _TEXT_ENDE}
    elif f.typ is Typ.PLAN:
        s = {"$ref": "#/$defs/plan"}
    elif f.typ is Typ.EIGENBEMUEHUNGEN:
        s = {"$ref": "#/$defs/eigenbemuehungen"}
    elif f.typ is Typ.LAND:
        s = {"type": "string", "enum": list(LAENDER)}
    elif f.typ is Typ.EREIGNISSE:
        s = {"type": "array", "items": {"$ref": "#/$defs/ereignis"}}
    elif f.typ is Typ.FALL:
        s = {"$ref": "#/$defs/fall"}
    else:  # pragma: no cover - every Typ is handled above
        raise AssertionError(f.typ)
    if f.beschreibung:
        s["description"] = _beschreibung(f.beschreibung, f.norm)
    return s


def _beschreibung(text: str, norm: str) -> str:
    return f"{text} ({norm})" if norm else text


def _beschrieben(objekt: str, props: dict[str, Any]) -> dict[str, Any]:
    """`props` with each property's description from `AUSGABE` (copies, not shared)."""
    felder = AUSGABE[objekt]
    out = {}
    for name, s in props.items():
        s = dict(s)
        if name in felder:
            s["description"] = _beschreibung(felder[name].beschreibung, felder[name].norm)
        out[name] = s
    return out


def _erster_absatz(doc: str | None) -> str:
    return " ".join((doc or "").strip().split("\n\n")[0].split())


def fall_schema() -> dict[str, Any]:
    """The schema of one input case (`kooplan/fall/1`)."""
    ereignisse = []
    for art in EREIGNIS_FELDER:
        felder = dict(ereignis_felder(art))
        felder["art"] = Feld(Typ.KONSTANTE, True, (art,), beschreibung=felder["art"].beschreibung)
        s = _objekt(felder)
        s["title"] = art
        s["description"] = _erster_absatz(ARTEN[art].__doc__)
        ereignisse.append(s)
    return {
        "$schema": _DRAFT,
        "$id": "https://kooplan.invalid/schema/fall-1.json",
        "title": FALL_SCHEMA,
        **_objekt(FALL_FELDER),
        "$defs": {
            "ereignis": {"oneOf": ereignisse},
            "plan": _objekt(PLAN_FELDER),
            "eigenbemuehungen": _objekt(EIGENBEMUEHUNGEN_FELDER),
        },
    }


def _hinweis() -> dict[str, Any]:
    return {
        "type": "object",
        "properties": _beschrieben(
            "hinweis",
            {
                "code": {"type": "string", "enum": sorted(HINWEISE)},
                "quelle": {"enum": [q.value for q in Quelle]},
                "norm": {"type": ["string", "null"]},
                "text": {"type": "string", "minLength": 1},
            },
        ),
        "required": ["code", "quelle", "norm", "text"],
        "additionalProperties": False,
    }


def entscheidung_schema() -> dict[str, Any]:
    """The schema of one decision (`kooplan/entscheidung/1`)."""
    grund = {
        "type": "object",
        "properties": _beschrieben(
            "grund",
            {
                "regel": {"type": "string", "enum": [r.id for r in REGELN]},
                "norm": {"type": "string", "minLength": 1},
                "quelle": {"enum": [q.value for q in Quelle]},
                "text": {"type": "string", "minLength": 1},
            },
        ),
        "required": ["regel", "norm", "quelle", "text"],
        "additionalProperties": False,
    }
    props: dict[str, Any] = {
        "schema": {"const": ENTSCHEIDUNG_SCHEMA},
        "fall": {"type": "string", "pattern": r"^[A-Za-z0-9._-]{1,64}" + _TEXT_ENDE},
        "zeile": {"type": "integer", "minimum": 1},
        "stichtag": _DATUM,
        "faellig": _DATUM,
        "rechtsstand": {"enum": [r.id for r in RECHTSSTAENDE]},
        "anliegen": {"enum": [a.value for a in Anliegen]},
        "phase": {"enum": [p.value for p in Phase if p is not Phase.BEENDET]},
        "modus": {"enum": [m.value for m in Modus]},
        "rfb": {"type": "boolean"},
        "gruende": {"type": "array", "items": grund, "minItems": 1},
        "hinweise": {"type": "array", "items": _hinweis()},
        "naechste_ueberpruefung": {"oneOf": [_DATUM, {"type": "null"}]},
        "ueberpruefung_ueberfaellig": {"type": "boolean"},
        "rechtsfolgen": {"$ref": "#/$defs/rechtsfolge"},
    }
    props = _beschrieben("entscheidung", props)
    return {
        "$schema": _DRAFT,
        "$id": "https://kooplan.invalid/schema/entscheidung-1.json",
        "title": ENTSCHEIDUNG_SCHEMA,
        "type": "object",
        "properties": props,
        "required": [k for k in props if k not in ("zeile", "rechtsfolgen")],
        "additionalProperties": False,
        # rfb is true exactly when modus is not ohne_rfb; rechtsfolgen present exactly then
        "if": {"properties": {"modus": {"const": Modus.OHNE_RFB.value}}},
        "then": {"properties": {"rfb": {"const": False}}, "not": {"required": ["rechtsfolgen"]}},
        "else": {"properties": {"rfb": {"const": True}}, "required": ["rechtsfolgen"]},
        "$defs": {"rechtsfolge": _rechtsfolge()},
    }


def _rechtsfolge() -> dict[str, Any]:
    stufe = {"$ref": "#/$defs/rechtsfolge"}
    return {
        "type": "object",
        "properties": _beschrieben(
            "rechtsfolge",
            {
                "rechtsstand": {"enum": [r.id for r in RECHTSSTAENDE]},
                "minderung_prozent": {"type": "integer", "minimum": 0, "maximum": 100},
                "monate": {"type": "integer", "minimum": 0, "maximum": 12},
                "norm": {"type": "string", "minLength": 1},
                "text": {"type": "string", "minLength": 1},
                "betrag_euro": {"type": "number", "minimum": 0},
                "minderung_prozent_gedeckelt": {"type": "integer", "minimum": 0, "maximum": 30},
                "entzug_regelbedarf": {"type": "boolean"},
                "nicht_erreichbar": {"type": "boolean"},
                "folgestufen": {"type": "array", "items": stufe},
                "alternativen": {"type": "array", "items": stufe},
                "beginn_fruehestens": _DATUM,
                "feststellung_bis": _DATUM,
                "bausteine": {
                    "type": "array",
                    "items": {
                        "type": "object",
                        "properties": _beschrieben(
                            "baustein",
                            {
                                "art": {"type": "string"},
                                "text": {"type": "string"},
                                "norm": {"type": "string"},
                            },
                        ),
                        "required": ["art", "text"],
                        "additionalProperties": False,
                    },
                },
            },
        ),
        "required": ["rechtsstand", "minderung_prozent", "monate", "norm", "text"],
        "additionalProperties": False,
    }


def fehler_schema() -> dict[str, Any]:
    """The schema of one error (`kooplan/fehler/1`)."""
    return {
        "$schema": _DRAFT,
        "$id": "https://kooplan.invalid/schema/fehler-1.json",
        "title": FEHLER_SCHEMA,
        "type": "object",
        "properties": _beschrieben(
            "fehler",
            {
                "schema": {"const": FEHLER_SCHEMA},
                "fall": {"type": ["string", "null"]},
                "zeile": {"type": ["integer", "null"]},
                "fehler": {"enum": list(FEHLERCODES)},
                "meldung": {"type": "string", "minLength": 1},
                "ort": {"type": ["string", "null"]},
            },
        ),
        "required": ["schema", "fall", "zeile", "fehler", "meldung", "ort"],
        "additionalProperties": False,
    }


def anfrage_schema() -> dict[str, Any]:
    """The schema of one request (``kooplan/anfrage/1``), the case schema inside it."""
    fall = fall_schema()
    defs = fall.pop("$defs")
    for schluessel in ("$schema", "$id"):
        del fall[schluessel]
    return {
        "$schema": _DRAFT,
        "$id": "https://kooplan.invalid/schema/anfrage-1.json",
        "title": ANFRAGE_SCHEMA,
        **_objekt(ANFRAGE_FELDER),
        "$defs": {"fall": fall, **defs},
    }


#: The schemas by their short name, as ``kooplan schema NAME`` prints them.
_SCHEMAS: Mapping[str, Callable[[], dict[str, Any]]] = {
    "fall": fall_schema,
    "anfrage": anfrage_schema,
    "entscheidung": entscheidung_schema,
    "fehler": fehler_schema,
}


def schema(name: str) -> dict[str, Any]:
    """One schema by its short name: ``fall``, ``anfrage``, ``entscheidung`` or ``fehler``."""
    return _SCHEMAS[name]()


def alle_schemas() -> dict[str, dict[str, Any]]:
    """Every schema by its contract name (``kooplan/fall/1`` …)."""
    return {s["title"]: s for s in (fn() for fn in _SCHEMAS.values())}


SCHEMABUENDEL = "kooplan/schemabuendel/1"
"""The marker of the bundle of every schema (`kooplan schema --alle`)."""


def schemabuendel() -> dict[str, Any]:
    """Every schema in one object that cannot be mistaken for a schema: the marker
    ``schemabuendel``, a note, the schemas under ``schemas`` by contract name, and ``"not": {}``,
    so that a validator given the bundle by mistake refuses every document instead of
    accepting any."""
    return {
        "schemabuendel": SCHEMABUENDEL,
        "hinweis": (
            "Dies ist kein JSON Schema, sondern eine Sammlung: Jedes Schema steht unter "
            "'schemas' mit seiner Kennung (etwa 'kooplan/fall/1'); einzeln gibt es "
            "'kooplan schema fall|anfrage|entscheidung|fehler' aus."
        ),
        "schemas": alle_schemas(),
        "not": {},
    }
