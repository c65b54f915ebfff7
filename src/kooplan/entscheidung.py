"""The decision: which communication mode a request (Anliegen) needs on a Stichtag.

The old import path; the code lives in `kooplan.motor.entscheidung`."""

from kooplan.motor.entscheidung import (
    HINWEIS_REGELN,
    REGELN,
    Anliegen,
    Entscheidung,
    HinweisRegel,
    Lage,
    Modus,
    PolicyWahl,
    Regel,
    entscheide,
    entscheide_stichtage,
    entscheide_zustand,
)

__all__ = [
    "HINWEIS_REGELN",
    "REGELN",
    "Anliegen",
    "Entscheidung",
    "HinweisRegel",
    "Lage",
    "Modus",
    "PolicyWahl",
    "Regel",
    "entscheide",
    "entscheide_stichtage",
    "entscheide_zustand",
]
