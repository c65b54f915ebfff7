"""The JSON contract: reading cases and requests, writing decisions and errors, JSON Schema.

The field definitions (`felder`, `ausgabefelder`) are the one source of the strict reader
(`laden`), of the JSON Schemas (`schema`) and of the field tables of the contract page (`doku`);
the writer of decisions and errors lives with the value objects (`kooplan.werte.ausgabe`) and is
offered here.

Imports: kooplan.werte, kooplan.recht, kooplan.motor (the rule ids and phases the schemas list,
the examples the contract page decides).
"""

from kooplan.vertrag.anfrage import Anfrage
from kooplan.vertrag.ausgabe import (
    entscheidung_als_dict,
    entscheidung_als_zeile,
    fehler_als_dict,
    zeile,
)
from kooplan.vertrag.laden import (
    anfrage_aus_json,
    anfrage_aus_objekt,
    fall_aus_json,
    fall_aus_objekt,
    json_lesen,
    zeilen_lesen,
)

__all__ = [
    "Anfrage",
    "anfrage_aus_json",
    "anfrage_aus_objekt",
    "entscheidung_als_dict",
    "entscheidung_als_zeile",
    "fall_aus_json",
    "fall_aus_objekt",
    "fehler_als_dict",
    "json_lesen",
    "zeile",
    "zeilen_lesen",
]
