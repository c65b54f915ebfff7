"""Writing decisions and errors as the contract's JSON (`kooplan/entscheidung/1`,
`kooplan/fehler/1`).

The writer lives with the value objects it writes (`kooplan.werte.ausgabe`), so a decision can
give its own JSON; the contract offers it here beside the reader and the schemas."""

from kooplan.werte.ausgabe import (
    entscheidung_als_dict,
    entscheidung_als_zeile,
    fehler_als_dict,
    rechtsfolge_als_dict,
    zeile,
)

__all__ = [
    "entscheidung_als_dict",
    "entscheidung_als_zeile",
    "fehler_als_dict",
    "rechtsfolge_als_dict",
    "zeile",
]
