"""The Regelbedarf by Regelbedarfsstufe and year, and a Minderung in euro (docs/fachliches.md section 6).

The old import path; the code lives in `kooplan.recht.regelbedarf`."""

from kooplan.recht.regelbedarf import (
    DECKEL_PROZENT,
    REGELBEDARFE,
    STUFEN,
    Regelbedarfsjahr,
    anteil_euro,
    auf_cent,
    deckel_euro,
    minderung_euro,
    regelbedarf,
    regelbedarfsjahr,
)

__all__ = [
    "DECKEL_PROZENT",
    "REGELBEDARFE",
    "STUFEN",
    "Regelbedarfsjahr",
    "anteil_euro",
    "auf_cent",
    "deckel_euro",
    "minderung_euro",
    "regelbedarf",
    "regelbedarfsjahr",
]
