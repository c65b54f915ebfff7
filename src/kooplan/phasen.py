"""The state machine of a case (docs/fachliches.md section 3): phases, the transition table as data, the fold.

The old import path; the code lives in `kooplan.motor.phasen`."""

from kooplan.motor.phasen import (
    PHASEN_TEXT,
    UEBERGAENGE,
    Bedingung,
    OffeneMitwirkung,
    Phase,
    Schritt,
    Terminversaeumnis,
    Uebergang,
    Verlauf,
    Ziel,
    Zustand,
    falte,
    falte_stichtage,
    schritt,
    verlauf,
    zeitschritte,
)

__all__ = [
    "PHASEN_TEXT",
    "UEBERGAENGE",
    "Bedingung",
    "OffeneMitwirkung",
    "Phase",
    "Schritt",
    "Terminversaeumnis",
    "Uebergang",
    "Verlauf",
    "Ziel",
    "Zustand",
    "falte",
    "falte_stichtage",
    "schritt",
    "verlauf",
    "zeitschritte",
]
