"""Deadlines and periods (docs/fachliches.md section 5), computed by §§ 187, 188 BGB via § 26 Abs. 1 SGB X.

The old import path; the code lives in `kooplan.motor.fristen`."""

from kooplan.motor.fristen import (
    SCHLICHTUNG_WOCHEN,
    UEBERPRUEFUNG_MONATE,
    naechste_ueberpruefung,
    plus_monate,
    schlichtung_endet_wirksam,
    schlichtung_letzter_tag,
)

__all__ = [
    "SCHLICHTUNG_WOCHEN",
    "UEBERPRUEFUNG_MONATE",
    "naechste_ueberpruefung",
    "plus_monate",
    "schlichtung_endet_wirksam",
    "schlichtung_letzter_tag",
]
