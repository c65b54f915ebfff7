"""Rechtsfolgen: what a Rechtsfolgenbelehrung must announce (docs/fachliches.md section 6).

The old import path; the code lives in `kooplan.motor.rechtsfolgen`."""

from kooplan.motor.rechtsfolgen import (
    DECKEL_PROZENT,
    SANKTIONSRECHT,
    Abs7,
    Baustein,
    Monat,
    Rechtsfolge,
    Sanktionsrecht,
    Stufe,
    minderung_monate,
    minderungen_in_kraft,
    minderungen_monatlich,
    rechtsfolge,
    stufe_31,
)

__all__ = [
    "DECKEL_PROZENT",
    "SANKTIONSRECHT",
    "Abs7",
    "Baustein",
    "Monat",
    "Rechtsfolge",
    "Sanktionsrecht",
    "Stufe",
    "minderung_monate",
    "minderungen_in_kraft",
    "minderungen_monatlich",
    "rechtsfolge",
    "stufe_31",
]
